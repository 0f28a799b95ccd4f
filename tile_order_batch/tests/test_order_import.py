import base64
import io

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.tile_order_base.tests.common import TileCommon


@tagged("post_install", "-at_install")
class TestOrderImport(TileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_600.write({"default_code": "HC-6060", "barcode": "6901234567892"})
        cls.tile_300x600.write({"default_code": "HC-3060", "name": "Wood Look 300×600"})
        cls.adhesive = cls.plain_product("Tile adhesive 25 kg")
        cls.adhesive.default_code = "ADH-25"
        cls.seller = cls.tile_salesman("import_seller")
        cls.other_seller = cls.tile_salesman("import_other_seller")

    def setUp(self):
        super().setUp()
        self.order = self.tile_order(self.customer, [(self.tile_600, 5, "m2")])

    def wizard(self, order=None, user=None, **values):
        env = self.env(user=user) if user else self.env
        return env["tile.order.import"].create(dict({"order_id": (order or self.order).id}, **values))

    def imported(self, wizard):
        action = wizard.action_import()
        self.assertFalse(wizard.error_ids, wizard.error_ids.mapped(lambda e: (e.row, e.problem)))
        self.assertEqual(action["tag"], "display_notification")
        return action

    def product_lines(self, order=None):
        return (order or self.order).order_line.filtered(lambda sol: not sol.display_type)

    def test_paste_with_chinese_header_rooms_and_units(self):
        self.order.tile_room_ids = [
            (0, 0, {"name": "Kitchen", "area_input_m2": 10, "product_id": self.tile_600.id})
        ]
        self.order.tile_room_ids._sync_order_lines()
        text = (
            "编码\t数量\t单位\t房间\n"
            "HC-6060\t25,5\t平方\tkitchen\n"  # existing room, typed in lower case
            "6901234567892\t3\t箱\tBathroom\n"  # barcode, new room
            "Wood Look 300×600\t16\t片\tBathroom\n"  # exact name, pieces
            "ADH-25\t4\t\t\n"  # a plain product without room
        )
        action = self.imported(self.wizard(paste_text=text))
        self.assertIn("4 lines imported", action["params"]["message"])
        kitchen, bathroom = self.order.tile_room_ids.sorted("id")
        self.assertEqual(bathroom.name, "Bathroom")
        # The new room's area is the m² imported into it (3 boxes of 1.44 + 16 pieces of 0.18 m²).
        self.assertAlmostEqual(bathroom.area_input_m2, 7.2, places=2)
        self.assertEqual(bathroom.wastage_percent, 0)
        kitchen_line = kitchen.line_ids.filtered(lambda sol: sol.tile_entry_qty == 25.5)
        self.assertEqual(kitchen_line.tile_entry_unit, "m2")
        self.assertEqual(kitchen_line.sequence, kitchen.section_line_id.sequence)
        by_product = {sol.product_id: sol for sol in bathroom.line_ids if not sol.display_type}
        self.assertEqual(by_product[self.tile_600].tile_boxes, 3)
        self.assertEqual(by_product[self.tile_300x600].tile_pieces, 16)
        adhesive = self.product_lines().filtered(lambda sol: sol.product_id == self.adhesive)
        self.assertEqual(adhesive.product_uom_qty, 4)
        self.assertFalse(adhesive.tile_room_id)
        # The lines read in order: plain lines, then each room's section and its lines.
        lines = self.order.order_line.sorted(lambda sol: (sol.sequence, sol.id))
        self.assertEqual(
            [sol.name if sol.display_type else sol.product_id.default_code for sol in lines],
            ["HC-6060", "ADH-25", "Kitchen", "HC-6060", "HC-6060", "Bathroom", "HC-6060", "HC-3060"],
        )

    def test_paste_without_header_comma_and_semicolon(self):
        self.imported(self.wizard(paste_text="HC-6060,10,m2\nHC-3060,2,box"))
        self.imported(self.wizard(paste_text="HC-6060;12,5;m²;Hall"))
        lines = self.product_lines()
        self.assertEqual(len(lines), 4)
        self.assertEqual(lines.filtered(lambda sol: sol.product_id == self.tile_300x600).tile_boxes, 2)
        self.assertEqual(self.order.tile_room_ids.name, "Hall")

    def test_xlsx_and_csv_upload(self):
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Reference", "Quantity", "Unit", "Room"])
        sheet.append(["HC-6060", 14.4, "m2", "Living room"])
        sheet.append(["HC-3060", 3, "box", None])
        buffer = io.BytesIO()
        workbook.save(buffer)
        self.imported(self.wizard(file=base64.b64encode(buffer.getvalue()), file_name="rooms.xlsx"))
        self.assertEqual(len(self.product_lines()), 3)
        self.assertEqual(self.order.tile_room_ids.name, "Living room")
        csv_data = "编码,数量,单位\nHC-3060,1,箱\n".encode("gb18030")
        self.imported(self.wizard(file=base64.b64encode(csv_data), file_name="wps.csv"))
        self.assertEqual(len(self.product_lines()), 4)

    def test_bad_rows_are_listed_and_nothing_is_created(self):
        self.tile_product(name="Twin", default_code="TW-1")
        self.tile_product(name="Twin", default_code="TW-2")
        lines_before = self.order.order_line
        text = (
            "Reference\tQuantity\tUnit\tRoom\n"
            "HC-6060\t10\tm2\tKitchen\n"  # fine, yet not created
            "NOPE-1\t10\tm2\n"  # 3: unknown
            "HC-6060\tten\tm2\n"  # 4: not a number
            "HC-6060\t5\tpallet\n"  # 5: unknown unit
            "HC-6060\t0\tm2\n"  # 6: zero
            "Twin\t5\tm2\n"  # 7: ambiguous name
            "ADH-25\t5\tbox\n"  # 8: a plain product in boxes
            "\t5\tm2\n"  # 9: no reference
            "HC-6060\t5000000\tbox\n"  # 10: 7.2 million m² on one line
        )
        wizard = self.wizard(paste_text=text)
        action = wizard.action_import()
        self.assertEqual(action["res_id"], wizard.id, "the wizard stays open with the list")
        self.assertEqual(wizard.state, "error")
        self.assertEqual(wizard.error_ids.mapped("row"), [3, 4, 5, 6, 7, 8, 9, 10])
        problems = dict(zip(wizard.error_ids.mapped("row"), wizard.error_ids.mapped("problem"), strict=True))
        self.assertIn("NOPE-1", problems[3])
        self.assertIn("'ten' is not a number", problems[4])
        self.assertIn("'pallet' is not known", problems[5])
        self.assertIn("matches 2 products", problems[7])
        self.assertIn("not a tile", problems[8])
        self.assertIn("above the limit", problems[10])
        self.assertTrue(all(wizard.error_ids.mapped("fix")), "every row says what to do")
        self.assertEqual(self.order.order_line, lines_before, "nothing was imported")
        self.assertFalse(self.order.tile_room_ids)
        # Corrected and imported again from the same wizard.
        wizard.action_retry()
        wizard.paste_text = "HC-6060\t10\tm2\tKitchen"
        self.imported(wizard)
        self.assertEqual(self.order.tile_room_ids.name, "Kitchen")

    def test_whole_input_refusals(self):
        with self.assertRaisesRegex(UserError, "Paste the rows"):
            self.wizard().action_import()
        with self.assertRaisesRegex(UserError, "No row to import"):
            self.wizard(paste_text="Reference\tQuantity\n").action_import()
        with self.assertRaisesRegex(UserError, "save it as .xlsx"):
            self.wizard(
                file=base64.b64encode(b"\xd0\xcf\x11\xe0old xls"), file_name="old.xls"
            ).action_import()
        with self.assertRaisesRegex(UserError, "not an .xlsx workbook"):
            self.wizard(file=base64.b64encode(b"PK broken"), file_name="x.xlsx").action_import()
        big = base64.b64encode(b"A,1\n" * (5 * 1024 * 1024 // 4 + 1))
        with self.assertRaisesRegex(UserError, "larger than 5 MB"):
            self.wizard(file=big, file_name="big.csv").action_import()
        with self.assertRaisesRegex(UserError, "More than 2000 rows"):
            self.wizard(paste_text="\n".join(["HC-6060\t1"] * 2001)).action_import()
        self.order.action_confirm()
        with self.assertRaisesRegex(UserError, "no longer a quotation"):
            self.order.action_tile_import_lines()

    def test_salesperson_imports_into_own_quotations_only(self):
        mine = self.tile_order(self.customer, [(self.tile_600, 5, "m2")], user=self.seller)
        others = self.tile_order(self.customer, [(self.tile_600, 5, "m2")], user=self.other_seller)
        action = mine.with_user(self.seller).action_tile_import_lines()
        wizard = self.env["tile.order.import"].browse(action["res_id"]).with_user(self.seller)
        wizard.paste_text = "HC-3060\t2\tbox"
        self.imported(wizard)
        self.assertEqual(len(self.product_lines(mine)), 2)
        with self.assertRaises(AccessError):
            others.with_user(self.seller).action_tile_import_lines()
        with self.assertRaises(AccessError):
            self.wizard(order=others, user=self.seller, paste_text="HC-3060\t2\tbox").action_import()
        self.assertEqual(len(self.product_lines(others)), 1)

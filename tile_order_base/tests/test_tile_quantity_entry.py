from odoo.exceptions import UserError, ValidationError
from odoo.tests import BaseCase, Form, HttpCase, new_test_user, tagged

from odoo.addons.tile_order_base import tile_math

from .common import TileCommon, TileTestMixin

# (typed, line's unit) -> (quantity, unit)
READ = [
    ("25.5 m2", "box", (25.5, "m2")),
    ("25,5 m²", None, (25.5, "m2")),
    ("25.5㎡", None, (25.5, "m2")),
    ("25.5 M2", None, (25.5, "m2")),
    ("12 sqm", None, (12.0, "m2")),
    ("25.5 平方", None, (25.5, "m2")),
    ("25.5平米", None, (25.5, "m2")),
    ("25.5 平方米", None, (25.5, "m2")),
    ("２５．５ ㎡", None, (25.5, "m2")),
    ("14 box", "m2", (14.0, "box")),
    ("14 boxes", None, (14.0, "box")),
    ("14 bx", None, (14.0, "box")),
    ("14 Boxes.", None, (14.0, "box")),
    ("14 箱", None, (14.0, "box")),
    ("14箱", None, (14.0, "box")),
    ("6 pcs", None, (6.0, "piece")),
    ("6 pc", None, (6.0, "piece")),
    ("6 pieces", None, (6.0, "piece")),
    ("6 片", None, (6.0, "piece")),
    ("6块", None, (6.0, "piece")),
    (" .5 m2 ", None, (0.5, "m2")),
    ("0 box", None, (0.0, "box")),
    ("14", "box", (14.0, "box")),
    ("7.25", "m2", (7.25, "m2")),
]
# typed -> reason refused
REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("abc", "garbage"),
    ("m2 25", "garbage"),
    ("inf", "garbage"),
    ("nan m2", "garbage"),
    ("1,234.5 m2", "garbage"),
    ("1e5 m2", "unit"),
    ("-3 m2", "negative"),
    ("-1 箱", "negative"),
    ("14 kg", "unit"),
    ("14 box box", "unit"),
    ("6 件", "unit"),
]


@tagged("post_install", "-at_install")
class TestParseQuantity(BaseCase):
    def test_reads_what_people_type(self):
        for text, default, expected in READ:
            with self.subTest(text=text):
                self.assertEqual(tile_math.parse_quantity(text, default), expected)

    def test_refuses_garbage_with_a_reason(self):
        for text, reason in REFUSED:
            with self.subTest(text=text), self.assertRaises(ValueError) as caught:
                tile_math.parse_quantity(text, "m2")
            self.assertEqual(caught.exception.reason, reason, text)

    def test_bare_number_needs_a_unit_to_fall_back_on(self):
        with self.assertRaises(tile_math.QuantityTextError) as caught:
            tile_math.parse_quantity("14")
        self.assertEqual(caught.exception.reason, "no_unit")

    def test_format_reads_back(self):
        for qty, unit in [(25.5, "m2"), (14, "box"), (6, "piece"), (1234567.5, "m2"), (0.01, "box")]:
            text = tile_math.format_quantity(qty, unit)
            self.assertEqual(tile_math.parse_quantity(text), (qty, unit), text)
        self.assertEqual(tile_math.format_quantity(25.5, "m2"), "25.5 m²")
        self.assertEqual(tile_math.format_quantity(0, "m2"), "")


@tagged("post_install", "-at_install")
class TestTypedQuantityOnTheLine(TileCommon):
    def _form_line(self, text):
        form = Form(self.env["sale.order"])
        form.partner_id = self.customer
        with form.order_line.new() as line:
            line.product_id = self.tile_600
            line.tile_entry_text = text
        return form

    def test_typing_14_boxes_in_chinese(self):
        form = self._form_line("14 箱")
        self.assertEqual(form.order_line.edit(0).tile_entry_qty, 14)
        order = form.save()
        line = order.order_line
        self.assertEqual((line.tile_entry_qty, line.tile_entry_unit), (14, "box"))
        self.assertEqual(line.tile_boxes, 14)
        self.assertEqual(line.product_uom_qty, 56, "14 boxes of 4 pieces")
        self.assertEqual(line.tile_entry_text, "14 boxes")

    def test_typing_m2_rounds_up_to_whole_boxes(self):
        order = self._form_line("25.5 m2").save()
        self.assertEqual((order.order_line.tile_entry_unit, order.order_line.tile_boxes), ("m2", 18))

    def test_garbage_is_refused_on_save_and_noticed_while_typing(self):
        with self.assertLogs("odoo.tests.form.onchange", "WARNING") as logs:
            form = self._form_line("fourteen boxes")
        self.assertIn("is not a quantity", "\n".join(logs.output))
        with self.assertRaises(UserError) as caught:
            form.save()
        self.assertIn("'fourteen boxes' is not a quantity", str(caught.exception))
        self.assertFalse(self.env["sale.order"].search([("partner_id", "=", self.customer.id)]))

    def test_write_and_create_read_the_text(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        line = order.order_line
        line.tile_entry_text = "6 pcs"
        self.assertEqual((line.tile_entry_qty, line.tile_entry_unit, line.product_uom_qty), (6, "piece", 8))
        line.write({"tile_entry_text": "3"})
        self.assertEqual(
            (line.tile_entry_qty, line.tile_entry_unit), (3, "piece"), "a bare number keeps the unit"
        )
        new = self.env["sale.order.line"].create(
            {"order_id": order.id, "product_id": self.tile_600.id, "tile_entry_text": "2 箱"}
        )
        self.assertEqual((new.tile_entry_qty, new.tile_entry_unit, new.product_uom_qty), (2, "box", 8))
        for bad in ("-2 box", "2 kg", "many"):
            with self.subTest(bad=bad), self.assertRaises(UserError):
                line.write({"tile_entry_text": bad})
        self.assertEqual(line.tile_entry_qty, 3, "nothing half-written")

    def test_bounds_still_hold(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        with self.assertRaises(ValidationError):
            order.order_line.tile_entry_text = "20000000 m2"
        self.assertEqual(order.order_line.tile_entry_qty, 10)


@tagged("post_install", "-at_install")
class TestTypedQuantityTour(HttpCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.tile_product(600, 600, 89.90, name="Tour Tile 600×600")
        cls.customer = cls.tile_customer("Tour Customer")
        new_test_user(
            cls.env,
            login="tile_typed_sales",
            groups="sales_team.group_sale_salesman",
            name="Typing Salesperson",
        )

    def test_salesperson_types_25_5_m2(self):
        self.start_tour("/odoo", "tile_typed_quantity_tour", login="tile_typed_sales")
        line = self.env["sale.order"].search([("partner_id", "=", self.customer.id)]).order_line
        self.assertEqual(len(line), 1)
        self.assertEqual((line.tile_entry_qty, line.tile_entry_unit, line.tile_boxes), (25.5, "m2", 18))


@tagged("post_install", "-at_install")
class TestQuotationHotkeys(TileCommon):
    def test_tile_keys_are_bound_once_and_collide_with_no_odoo_key(self):
        arch = self.env["sale.order"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertEqual(arch.count('data-hotkey="o"'), 1, "Alt+O: Room Take-off only")
        self.assertIn('name="action_tile_takeoff"', arch.split('data-hotkey="o"')[0].rsplit("<button", 1)[1])
        # Odoo's own keys on this form (sale, web's form controller): never reused by the tile buttons.
        for odoo_key in ("q", "g", "x", "w", "shift+g", "shift+v"):
            for button in arch.split("<button")[1:]:
                if f'data-hotkey="{odoo_key}"' in button:
                    self.assertNotIn("action_tile", button.split(">")[0], odoo_key)
        list_view = self.env.ref("sale.view_quotation_tree")
        quotations = self.env["sale.order"].get_views([(list_view.id, "list")])["views"]["list"]["arch"]
        self.assertEqual(quotations.count('data-hotkey="l"'), 1, "Alt+L: New Tile Quotation")

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestTileLot(TileInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.env["res.partner"].create({"name": "Foshan Jinyi Ceramics"})
        cls.stock_user = new_test_user(cls.env, login="tile_wh", groups="stock.group_stock_user")
        cls.stock_manager = new_test_user(cls.env, login="tile_wh_boss", groups="stock.group_stock_manager")
        cls.salesman = cls.tile_salesman("tile_seller")

    def _receipt(self, pieces=40):
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "partner_id": self.supplier.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "tiles",
                            "product_id": self.tile_600.id,
                            "product_uom_qty": pieces,
                            "product_uom": self.tile_600.uom_id.id,
                            "location_id": self.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": self.stock.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        return picking

    def test_shade_entered_at_receipt_lands_on_the_lot(self):
        picking = self._receipt().with_user(self.stock_user)
        picking.move_ids.move_line_ids.write(
            {
                "lot_name": "CAL-0001",
                "quantity": 40,
                "tile_shade": "A12",
                "tile_caliber": "2",
                "tile_grade": "premium",
                "tile_maker_batch": "FS-77",
            }
        )
        picking.button_validate()
        lot = picking.move_line_ids.lot_id
        self.assertEqual((lot.tile_shade, lot.tile_caliber, lot.tile_grade), ("A12", "2", "premium"))
        self.assertEqual(lot.tile_qty_free, 40)
        self.assertEqual(lot.tile_boxes_free, 10)
        self.assertEqual(lot.tile_m2_free, 14.4)
        self.assertIn("shade A12", lot.display_name)

    def test_receipt_without_shade_is_refused(self):
        picking = self._receipt()
        picking.move_ids.move_line_ids.write({"lot_name": "CAL-0002", "quantity": 40})
        with self.assertRaisesRegex(UserError, "Enter the shade"):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")
        self.assertFalse(self.env["stock.lot"].search([("name", "=", "CAL-0002")]), "no lot left half-made")

    def test_only_a_stock_manager_changes_a_received_shade(self):
        lot = self.tile_lot(self.tile_600, "CAL-0003", 40, shade="A12")
        with self.assertRaisesRegex(AccessError, "stock manager"):
            lot.with_user(self.stock_user).write({"tile_shade": "B01"})
        with self.assertRaises(AccessError):
            lot.with_user(self.salesman).write({"tile_shade": "B01"})
        lot.with_user(self.stock_manager).with_context(tracking_disable=False).write({"tile_shade": "B01"})
        self.assertEqual(lot.tile_shade, "B01")
        self.env.flush_all()
        self.env.cr.precommit.run()  # Odoo writes tracking values when the transaction commits
        tracked = lot.message_ids.tracking_value_ids.filtered(lambda tv: tv.field_id.name == "tile_shade")
        self.assertTrue(tracked, "the change is logged in the lot's chatter")
        # What was left empty at receipt, the warehouse may still fill in.
        lot.with_user(self.stock_user).write({"tile_maker_batch": "FS-1"})
        self.assertEqual(lot.tile_maker_batch, "FS-1")

    def test_salesman_sees_availability_but_cannot_edit_lots(self):
        lot = self.tile_lot(self.tile_600, "CAL-0004", 80, shade="A12")
        self.assertEqual(lot.with_user(self.salesman).tile_boxes_free, 20)
        with self.assertRaises(AccessError):
            lot.with_user(self.salesman).write({"name": "X"})
        action = self.tile_600.product_tmpl_id.with_user(self.salesman).action_tile_lots()
        lots = self.env["stock.lot"].with_user(self.salesman).search(action["domain"])
        self.assertIn(lot, lots)

    def test_new_tile_product_is_tracked_by_lot(self):
        with Form(self.env["product.template"]) as form:
            form.name = "New tile"
            form.tile_is_tile = True
            self.assertEqual(form.tracking, "lot")
            self.assertTrue(form.is_storable)
            form.tile_length_mm = 600
            form.tile_width_mm = 600
            form.tile_pieces_per_box = 4

    def test_lot_label_prints_shade_and_caliber(self):
        lot = self.tile_lot(self.tile_600, "CAL-LABEL", 4, shade="A12", caliber="3")
        html = self.env["ir.actions.report"]._render_qweb_html("stock.report_lot_label", lot.ids)[0].decode()
        self.assertIn("CAL-LABEL", html)
        self.assertIn("A12", html)
        self.assertIn("/ 3", html)

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestBreakageReturnsAlerts(TileInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot_a = cls.tile_lot(cls.tile_600, "RET-A", 100, shade="A1")
        cls.lot_b = cls.tile_lot(cls.tile_600, "RET-B", 400, shade="B2")

    def _delivered_order(self, m2=10):
        order = self.tile_order(self.customer, [(self.tile_600, m2, "m2")])
        order.action_confirm()
        delivery = order.picking_ids
        delivery.move_ids.quantity = delivery.move_ids.product_uom_qty
        delivery.button_validate()
        self.assertEqual(delivery.state, "done")
        return order, delivery

    def _return(self, delivery, pieces):
        wizard = Form(
            self.env["stock.return.picking"].with_context(active_id=delivery.id, active_model="stock.picking")
        ).save()
        wizard.product_return_moves.quantity = pieces
        return wizard._create_return()

    def test_leftover_boxes_go_back_into_their_lot(self):
        _order, delivery = self._delivered_order()
        self.assertEqual(delivery.move_line_ids.lot_id, self.lot_a)
        back = self._return(delivery, 8)
        back.move_ids.quantity = 8
        self.assertEqual(back.move_line_ids.lot_id, self.lot_a)
        back.button_validate()
        self.assertEqual(self.lot_a.tile_qty_on_hand, 100 - 28 + 8)

    def test_return_claiming_another_lot_is_refused(self):
        _order, delivery = self._delivered_order()
        back = self._return(delivery, 8)
        self.assertEqual(back.move_ids.restrict_lot_id, self.lot_a, "the return is tied to the lot delivered")
        with self.assertRaisesRegex(UserError, "[Ll]ot"):
            back.move_ids.move_line_ids.write({"lot_id": self.lot_b.id, "quantity": 8})
            back.button_validate()
        self.assertNotEqual(back.state, "done")
        self.assertEqual(self.lot_b.tile_qty_on_hand, 400, "nothing came into the other lot")

    def test_breakage_at_delivery_is_scrapped_with_a_cause_and_replaced_from_the_same_lot(self):
        _order, delivery = self._delivered_order()
        carrier = self.env.ref("tile_inventory.scrap_reason_carrier")
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.tile_600.id,
                "lot_id": self.lot_a.id,
                "scrap_qty": 4,
                "picking_id": delivery.id,
                "location_id": self.stock.id,
                "scrap_reason_tag_ids": [Command.set(carrier.ids)],
            }
        )
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")
        self.assertEqual(scrap.tile_boxes_free_in_lot, 17, "100 - 28 - 4 = 68 pieces = 17 boxes")
        scrap.action_tile_replace_from_lot()
        replacement = scrap.tile_replacement_picking_id
        self.assertEqual(replacement.partner_id, self.customer)
        self.assertEqual(replacement.move_line_ids.lot_id, self.lot_a, "same shade")
        self.assertEqual(sum(replacement.move_line_ids.mapped("quantity")), 4)
        with self.assertRaisesRegex(UserError, "already made"):
            scrap.action_tile_replace_from_lot()

    def test_safety_stock_alerts_purchasing_once_per_crossing(self):
        buyer = new_test_user(self.env, login="tile_buyer", groups="purchase.group_purchase_user")
        tmpl = self.tile_600.product_tmpl_id
        tmpl.write({"tile_safety_qty": 100, "tile_safety_unit": "box"})
        orderpoint = self.env["stock.warehouse.orderpoint"].search([("product_id", "=", self.tile_600.id)])
        self.assertEqual(orderpoint.product_min_qty, 400, "the minimum lives on Odoo's reordering rule")
        cron = self.env["stock.warehouse.orderpoint"]._cron_tile_safety_alerts
        self.assertFalse(cron(), "500 pieces free: not low")
        order = self.tile_order(self.customer, [(self.tile_600, 100, "box")])
        order.action_confirm()  # 400 of 500 pieces reserved → 100 free
        self.assertEqual(cron(), orderpoint, "first run below the minimum: alert")
        self.assertTrue(orderpoint.tile_low_alerted)
        self.assertIn(buyer, tmpl.activity_ids.user_id)
        self.assertIn(buyer.partner_id, tmpl.message_ids[0].partner_ids)
        activities = len(tmpl.activity_ids)
        self.assertFalse(cron(), "still low: no repeat")
        self.assertEqual(len(tmpl.activity_ids), activities)
        self.tile_lot(self.tile_600, "RESTOCK", 800, shade="C3")
        self.assertFalse(cron())
        self.assertFalse(orderpoint.tile_low_alerted, "recovered")
        self.tile_order(self.customer, [(self.tile_600, 150, "box")]).action_confirm()
        self.assertEqual(cron(), orderpoint, "fell again: a new alert")

    def test_stock_by_shade_report_and_fragmented_lots(self):
        self.tile_lot(self.tile_600, "CRUMBS", 12, shade="Z9")
        Report = self.env["tile.stock.shade.report"]
        Report.invalidate_model()
        self.env.flush_all()
        rows = Report.search([("product_id", "=", self.tile_600.id)])
        self.assertEqual(set(rows.mapped("shade")), {"A1", "B2", "Z9"})
        row_b = rows.filtered(lambda r: r.shade == "B2")
        self.assertEqual((row_b.boxes, row_b.m2), (100, 144))
        fragmented = Report.search([("product_id", "=", self.tile_600.id), ("is_fragmented", "=", True)])
        self.assertEqual(fragmented.lot_id.name, "CRUMBS", "3 boxes left: hard to sell for one floor")

    def test_delivery_slip_prints_shade_boxes_m2_and_totals(self):
        _order, delivery = self._delivered_order()
        html = self.env["ir.actions.report"]._render_qweb_html("stock.report_deliveryslip", delivery.ids)[0]
        html = html.decode()
        self.assertIn("RET-A", html)
        self.assertIn("Shade", html)
        self.assertIn("7 boxes · 10.08 m² · 224 kg", html)
        self.assertIn("Tiles: 10.08 m² · 7 boxes · 224 kg", html)

    def test_tile_created_with_safety_stock_gets_its_reordering_rule(self):
        product = self.tile_product(
            800, 800, 120.0, name="Created with safety", is_storable=True, tracking="lot", tile_safety_qty=30
        )
        orderpoint = self.env["stock.warehouse.orderpoint"].search([("product_id", "=", product.id)])
        self.assertEqual(orderpoint.product_min_qty, 90, "30 boxes of 3 pieces")

    def test_confirmation_below_the_minimum_triggers_the_check_at_once(self):
        tmpl = self.tile_600.product_tmpl_id
        tmpl.write({"tile_safety_qty": 100, "tile_safety_unit": "box"})
        cron = self.env.ref("tile_inventory.ir_cron_tile_safety_alerts")
        Trigger = self.env["ir.cron.trigger"].sudo()
        before = Trigger.search_count([("cron_id", "=", cron.id)])
        self.tile_order(self.customer, [(self.tile_600, 10, "box")]).action_confirm()
        self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), before + 1)
        plain = self.plain_product()
        self.env["sale.order"].create(
            {"partner_id": self.customer.id, "order_line": [Command.create({"product_id": plain.id})]}
        ).action_confirm()
        self.assertEqual(
            Trigger.search_count([("cron_id", "=", cron.id)]), before + 1, "no tile with a minimum: no run"
        )

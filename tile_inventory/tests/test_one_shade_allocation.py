from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestOneShadeAllocation(TileInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big = cls.tile_lot(cls.tile_600, "BIG", 400, shade="A12")
        cls.small = cls.tile_lot(cls.tile_600, "SMALL", 40, shade="B07")
        cls.medium = cls.tile_lot(cls.tile_600, "MEDIUM", 100, shade="C03")

    def test_confirm_serves_each_line_from_the_smallest_lot_that_fits(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])  # 28 pieces
        order.action_confirm()
        self.assertEqual(order.order_line.lot_id, self.small)
        move_lines = order.picking_ids.move_line_ids
        self.assertEqual(move_lines.lot_id, self.small, "Odoo's own reservation takes that lot")
        self.assertEqual(sum(move_lines.mapped("quantity")), 28)
        self.assertEqual(self.small.tile_qty_free, 12)

    def test_lines_of_a_room_share_one_lot(self):
        order = self.tile_order(self.customer, [])
        room = self.env["tile.room"].create(
            {"order_id": order.id, "name": "Hall", "area_input_m2": 10, "product_id": self.tile_600.id}
        )
        room._sync_order_lines()
        extra = order.order_line.filtered("product_id").copy({"order_id": order.id, "tile_entry_qty": 5})
        order.tile_shade_scope = "room"
        order.action_confirm()
        lines = order.order_line.filtered("product_id")
        self.assertEqual(len(lines.lot_id), 1, "one shade for the room")
        self.assertEqual(lines.lot_id, self.medium, "the smallest lot holding both lines")
        self.assertTrue(extra.lot_id)

    def test_no_single_lot_stops_confirmation_with_the_options(self):
        order = self.tile_order(self.customer, [(self.tile_600, 150, "m2")])  # 105 boxes = 420 pieces
        with self.assertRaisesRegex(UserError, "No single shade group") as caught:
            order.action_confirm()
        message = str(caught.exception)
        self.assertIn("BIG", message)
        self.assertIn("100 boxes (144 m²) free", message, "largest lot shown in boxes and m²")
        self.assertIn("would mix 2 shade groups", message)
        too_much = self.tile_order(self.customer, [(self.tile_600, 250, "m2")])
        with self.assertRaisesRegex(UserError, "Even all lots together"):
            too_much.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.order_line.lot_id, "nothing allocated half-way")

    def test_override_splits_with_a_reason_in_the_chatter(self):
        boss = new_test_user(
            self.env,
            login="tile_boss",
            groups="sales_team.group_sale_salesman,tile_inventory.group_shade_override",
        )
        order = self.tile_order(self.customer, [(self.tile_600, 170, "m2")], user=boss)  # 119 boxes
        with self.assertRaisesRegex(UserError, "Reason to Mix Lots"):
            order.with_user(boss).action_confirm()
        order.tile_split_reason = "Customer accepts two shades: corridor and bedroom apart."
        order.with_user(boss).action_confirm()
        self.assertEqual(order.state, "sale")
        lines = order.order_line
        self.assertEqual(lines.lot_id, self.big | self.medium)
        self.assertEqual(sum(lines.mapped("product_uom_qty")), 476)
        self.assertIn("Customer accepts two shades", "".join(order.message_ids.mapped("body")))

    def test_reorder_prefers_the_shade_bought_before(self):
        first = self.tile_order(self.customer, [(self.tile_600, 50, "m2")])  # 140 pieces → BIG
        first.action_confirm()
        self.assertEqual(first.order_line.lot_id, self.big)
        again = self.tile_order(self.customer, [(self.tile_600, 5, "m2")])
        again.action_confirm()
        self.assertEqual(again.order_line.lot_id, self.big, "same shade as last time, not the smallest lot")

    def test_availability_shows_the_largest_single_lot(self):
        salesman = self.tile_salesman("tile_avail_seller")
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")], user=salesman)
        self.assertEqual(order.order_line.tile_largest_lot_boxes, 100, "BIG holds 400 pieces = 100 boxes")
        self.assertEqual(self.tile_600.product_tmpl_id.tile_largest_lot_boxes, 100)
        action = order.order_line.with_user(salesman).action_tile_availability()
        lots = self.env["stock.lot"].with_user(salesman).search(action["domain"])
        self.assertEqual(set(lots.mapped("tile_shade")), {"A12", "B07", "C03"})
        self.assertEqual(sorted(lots.mapped("tile_boxes_free")), [10, 25, 100])

    def test_salesperson_without_email_confirms(self):
        """Plain Odoo confirms for a user without e-mail address; so must the tile allocation."""
        seller = self.tile_salesman("tile_no_mail")
        seller.partner_id.email = False
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")], user=seller)
        order.with_user(seller).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertIn("SMALL", "".join(order.message_ids.mapped("body")), "the choice is still logged")

    def test_the_choice_is_explained_in_the_chatter(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        body = order.message_ids.filtered(lambda m: "lots chosen" in (m.body or ""))[:1].body
        self.assertIn("SMALL", body)
        self.assertIn("smallest shade group that covers it", body)

    def test_no_single_lot_message_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "tile_inventory")])._update_translations(["zh_CN"])
        order = self.tile_order(self.customer, [(self.tile_600, 150, "m2")])
        with self.assertRaisesRegex(UserError, "没有单一色号组能满足"):
            order.with_context(lang="zh_CN").action_confirm()

"""One shade means one shade group; promised boxes count; hand-chosen lots join the check."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestShadeGroups(TileInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Two receipts of one production shade (S1, caliber 1), and a caliber-2 lot.
        cls.s1_first = cls.tile_lot(cls.tile_600, "S1-A", 23 * 4, shade="S1", caliber="1")
        cls.s1_second = cls.tile_lot(cls.tile_600, "S1-B", 40 * 4, shade="S1", caliber="1")
        cls.s1_cal2 = cls.tile_lot(cls.tile_600, "S1-CAL2", 100 * 4, shade="S1", caliber="2")

    def test_one_shade_group_serves_from_two_lots_without_mixing(self):
        order = self.tile_order(self.customer, [(self.tile_600, 50, "box")])
        order.action_confirm()
        lines = order.order_line
        self.assertEqual(lines.lot_id, self.s1_first | self.s1_second, "the 23 + 40 boxes of S1 / cal. 1")
        self.assertEqual(sum(lines.mapped("product_uom_qty")), 200)
        self.assertEqual(lines.filtered(lambda sol: sol.lot_id == self.s1_second).product_uom_qty, 160)
        reserved = order.picking_ids.move_line_ids
        self.assertEqual(reserved.lot_id, self.s1_first | self.s1_second)
        self.assertEqual(sum(reserved.mapped("quantity")), 200)
        body = order.message_ids.filtered(lambda m: "lots chosen" in (m.body or ""))[:1].body
        self.assertIn("S1-A", body)
        self.assertIn("S1-B", body)

    def test_group_figures_on_lines_and_in_the_message(self):
        order = self.tile_order(self.customer, [(self.tile_600, 120, "box")])
        self.assertEqual(order.order_line.tile_largest_lot_boxes, 100, "largest shade group: S1 / cal. 2")
        self.s1_cal2.sudo().write({"tile_caliber": "1"})
        order.order_line.invalidate_recordset(["tile_largest_lot_boxes"])
        self.assertEqual(order.order_line.tile_largest_lot_boxes, 163, "now one group of three lots")
        self.s1_cal2.sudo().write({"tile_caliber": "2"})
        with self.assertRaisesRegex(UserError, "No single shade group") as caught:
            order.action_confirm()
        message = str(caught.exception)
        self.assertIn("S1 / cal. 2 / Premium: 100 boxes (144 m²) free in lots S1-CAL2", message)
        self.assertIn("S1 / cal. 1 / Premium: 63 boxes (90.72 m²) free in lots S1-B, S1-A", message)
        self.assertIn("would mix 2 shade groups", message)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.order_line.lot_id)

    def test_availability_groups_lots_by_shade_group(self):
        self.assertEqual(self.s1_first.tile_shade_group, self.s1_second.tile_shade_group)
        self.assertNotEqual(self.s1_first.tile_shade_group, self.s1_cal2.tile_shade_group)
        self.env.flush_all()
        report = self.env["tile.stock.shade.report"].search([("product_id", "=", self.tile_600.id)])
        groups = {row.shade_group for row in report}
        self.assertEqual(groups, {"S1 / cal. 1 / Premium", "S1 / cal. 2 / Premium"})

    def test_promised_but_not_reserved_counts_against_the_lot(self):
        """Manual reservation: two orders must not both be confirmed on one 40-piece lot."""
        self.warehouse.out_type_id.reservation_method = "manual"
        lot = self.tile_lot(self.tile_300x600, "ONLY-40", 40, shade="M1")
        first = self.tile_order(self.customer, [(self.tile_300x600, 4, "box")])  # 32 pieces
        first.action_confirm()
        self.assertEqual(first.order_line.lot_id, lot)
        self.assertFalse(first.picking_ids.move_line_ids, "nothing reserved yet")
        self.assertEqual((lot.tile_qty_promised, lot.tile_qty_free), (32, 8))
        second = self.tile_order(self.customer, [(self.tile_300x600, 4, "box")])
        with self.assertRaisesRegex(UserError, "No single shade group"):
            second.action_confirm()
        self.assertEqual(second.state, "draft")
        first.picking_ids.action_assign()
        lot.invalidate_recordset()
        self.assertEqual((lot.tile_qty_reserved, lot.tile_qty_promised, lot.tile_qty_free), (32, 0, 8))

    def test_hand_chosen_lot_fixes_the_shade_group_of_the_room(self):
        order = self.tile_order(self.customer, [])
        room = self.env["tile.room"].create(
            {"order_id": order.id, "name": "Hall", "area_input_m2": 20, "product_id": self.tile_600.id}
        )
        room._sync_order_lines()
        first = order.order_line.filtered("product_id")
        second = first.copy({"order_id": order.id, "tile_entry_qty": 30})
        first.lot_id = self.s1_first  # chosen by hand: S1 / cal. 1
        order.tile_shade_scope = "room"
        order.action_confirm()
        self.assertEqual(first.lot_id, self.s1_first)
        lots = order.order_line.filtered("product_id").lot_id
        self.assertFalse(lots & self.s1_cal2, "the room stays in the hand-chosen shade group")
        self.assertTrue(second.lot_id)

    def test_hand_chosen_lots_of_two_groups_are_mixing(self):
        order = self.tile_order(self.customer, [(self.tile_600, 5, "box"), (self.tile_600, 5, "box")])
        order.tile_shade_scope = "order"
        order.order_line[0].lot_id = self.s1_first
        order.order_line[1].lot_id = self.s1_cal2
        with self.assertRaisesRegex(UserError, "different shade groups were chosen by hand"):
            order.action_confirm()
        boss = new_test_user(
            self.env,
            login="tile_mix_boss",
            groups="sales_team.group_sale_salesman_all_leads,tile_inventory.group_shade_override",
        )
        order.tile_split_reason = "Storeroom floor: shades do not matter."
        order.with_user(boss).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_hand_chosen_lot_without_enough_boxes_is_refused(self):
        order = self.tile_order(self.customer, [(self.tile_600, 30, "box")])
        order.order_line.lot_id = self.s1_first  # 23 boxes
        with self.assertRaisesRegex(UserError, "chosen by hand, has 23 boxes free but its lines need 30"):
            order.action_confirm()

from datetime import date, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.tile_inventory.allocation import add_working_days

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestTileHold(TileInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot_small = cls.tile_lot(cls.tile_600, "HOLD-SMALL", 40, shade="A1")
        cls.lot_big = cls.tile_lot(cls.tile_600, "HOLD-BIG", 200, shade="B2")
        cls.alice = cls.tile_salesman("tile_hold_alice")
        cls.bob = cls.tile_salesman("tile_hold_bob")
        cls.other = cls.tile_customer("Other customer")
        cls.Hold = cls.env["tile.stock.hold"].with_context(tracking_disable=False)

    def test_default_length_and_availability(self):
        hold = self.Hold.with_user(self.alice).create(
            {"lot_id": self.lot_big.id, "partner_id": self.customer.id, "boxes": 10}
        )
        self.assertEqual(hold.date_expire, add_working_days(date.today(), 5), "five working days by default")
        self.assertEqual(hold.quantity, 40)
        self.assertEqual(self.lot_big.tile_qty_held, 40)
        self.assertEqual(self.lot_big.tile_boxes_free, 40, "200 pieces = 50 boxes, 10 held")

    def test_hold_is_honoured_by_allocation_and_becomes_the_reservation(self):
        hold = self.Hold.create({"lot_id": self.lot_small.id, "partner_id": self.customer.id, "boxes": 10})
        stranger = self.tile_order(self.other, [(self.tile_600, 5, "m2")])  # 4 boxes would fit SMALL
        stranger.action_confirm()
        self.assertEqual(stranger.order_line.lot_id, self.lot_big, "held boxes are not sold to others")
        mine = self.tile_order(self.customer, [(self.tile_600, 14, "m2")])  # 10 boxes
        mine.action_confirm()
        self.assertEqual(mine.order_line.lot_id, self.lot_small, "the customer gets the held shade")
        self.assertEqual(hold.state, "done")
        self.assertEqual(self.lot_small.tile_qty_held, 0)
        self.assertEqual(self.lot_small.tile_qty_reserved, 40)

    def test_bad_holds(self):
        with self.assertRaisesRegex(ValidationError, "must be between 0 and"), self.env.cr.savepoint():
            self.Hold.create({"lot_id": self.lot_big.id, "partner_id": self.customer.id, "boxes": -2})
        too_late = add_working_days(date.today(), self.env.company.tile_hold_max_days) + timedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "at most 20 working days"), self.env.cr.savepoint():
            self.Hold.create(
                {
                    "lot_id": self.lot_big.id,
                    "partner_id": self.customer.id,
                    "boxes": 1,
                    "date_expire": too_late,
                }
            )
        with self.assertRaisesRegex(ValidationError, "only 10 boxes free"), self.env.cr.savepoint():
            self.Hold.create({"lot_id": self.lot_small.id, "partner_id": self.customer.id, "boxes": 11})
        hold = self.Hold.create({"lot_id": self.lot_small.id, "partner_id": self.customer.id, "boxes": 10})
        with self.assertRaisesRegex(ValidationError, "only 0 boxes free"), self.env.cr.savepoint():
            self.Hold.create({"lot_id": self.lot_small.id, "partner_id": self.other.id, "boxes": 1})
        self.assertEqual(hold.lot_id.tile_boxes_held, 10)

    def test_expiry_tells_the_salesperson(self):
        hold = self.Hold.with_user(self.alice).create(
            {"lot_id": self.lot_big.id, "partner_id": self.customer.id, "boxes": 5}
        )
        self.env.cr.execute(
            "UPDATE tile_stock_hold SET date_expire = %s WHERE id = %s",
            [date.today() - timedelta(days=1), hold.id],
        )
        hold.invalidate_recordset()
        expired = self.env["tile.stock.hold"]._cron_expire_holds()
        self.assertEqual(expired, hold)
        self.assertEqual(hold.state, "expired")
        self.assertEqual(self.lot_big.tile_qty_held, 0)
        self.assertEqual(hold.activity_ids.user_id, self.alice)
        self.assertIn(self.alice.partner_id, hold.message_ids[0].partner_ids)

    def test_salesperson_sees_own_holds_only(self):
        hold = self.Hold.with_user(self.bob).create(
            {"lot_id": self.lot_big.id, "partner_id": self.customer.id, "boxes": 5}
        )
        self.assertFalse(self.env["tile.stock.hold"].with_user(self.alice).search([("id", "=", hold.id)]))
        with self.assertRaises(AccessError):
            hold.with_user(self.alice).write({"boxes": 1})

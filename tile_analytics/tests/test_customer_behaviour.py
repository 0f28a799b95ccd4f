from datetime import datetime, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileCommon


@tagged("post_install", "-at_install")
class TestCustomerBehaviour(TileCommon):
    """Which customers are drifting away: orders, recency, value and a segment per customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_800 = cls.tile_product(800, 800, 95.0)
        cls.seller = cls.tile_salesman("tile_rfm_seller")
        cls.other_seller = cls.tile_salesman("tile_rfm_other")
        cls.env.company.write(
            {
                "tile_rfm_new_days": 30,
                "tile_rfm_loyal_orders": 3,
                "tile_rfm_champion_orders": 5,
                "tile_rfm_at_risk_days": 90,
                "tile_rfm_lost_days": 365,
            }
        )
        now = datetime.now()

        def customer(name, user, ages):
            partner = cls.tile_customer(name, user_id=user.id)
            for days in ages:
                order = cls.tile_order(partner, [(cls.tile_800, 10, "box")], user=user)
                order.action_confirm()
                order.date_order = now - timedelta(days=days)
            return partner

        cls.champion = customer("Champion Builder", cls.seller, [5, 40, 80, 120, 200])
        cls.loyal = customer("Loyal Studio", cls.seller, [10, 50, 100])
        cls.at_risk = customer("Quiet Contractor", cls.seller, [120, 300])
        cls.lost = customer("Gone Hotel", cls.other_seller, [400, 500])
        cls.new = customer("New Designer", cls.other_seller, [3])

    def behaviour(self, partner, env=None):
        self.env.flush_all()
        self.env.invalidate_all()  # a view: read it again as the screen would
        return (env or self.env)["tile.customer.behaviour"].search([("partner_id", "=", partner.id)])

    def test_segments_recency_and_value(self):
        self.assertEqual(self.behaviour(self.champion).segment, "champion")
        self.assertEqual(self.behaviour(self.loyal).segment, "loyal")
        self.assertEqual(self.behaviour(self.at_risk).segment, "at_risk")
        self.assertEqual(self.behaviour(self.lost).segment, "lost")
        self.assertEqual(self.behaviour(self.new).segment, "new")
        row = self.behaviour(self.champion)
        # 10 boxes of 800×800 = 19.2 m² at 95.00 = 1,824.00 a order.
        self.assertEqual((row.order_count, row.recency_days), (5, 5))
        self.assertAlmostEqual(row.amount_total, 5 * 1824.0, places=2)
        self.assertAlmostEqual(row.amount_average, 1824.0, places=2)
        self.assertAlmostEqual(row.m2_total, 96.0, places=2)

    def test_thresholds_come_from_settings(self):
        self.env.company.tile_rfm_at_risk_days = 60
        self.assertEqual(self.behaviour(self.loyal).segment, "loyal", "last order 10 days ago")
        self.env.company.tile_rfm_at_risk_days = 5
        self.assertEqual(self.behaviour(self.loyal).segment, "at_risk")
        with self.assertRaisesRegex(ValidationError, "Lost After"):
            self.env.company.tile_rfm_lost_days = 3

    def test_salespeople_see_their_customers_managers_see_all(self):
        mine = self.env(user=self.seller)["tile.customer.behaviour"].search([])
        self.assertIn(self.champion, mine.partner_id)
        self.assertNotIn(self.lost, mine.partner_id, "another salesperson's customer")
        manager = self.tile_salesman("tile_rfm_manager", see_all=True)
        everyone = self.env(user=manager)["tile.customer.behaviour"].search([])
        self.assertLessEqual((self.champion | self.lost | self.new), everyone.partner_id)
        finance = new_test_user(self.env, login="tile_rfm_finance", groups="account.group_account_invoice")
        self.assertIn(self.lost, self.env(user=finance)["tile.customer.behaviour"].search([]).partner_id)
        employee = new_test_user(self.env, login="tile_rfm_employee", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env(user=employee)["tile.customer.behaviour"].search([])

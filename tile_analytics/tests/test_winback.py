from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileCommon


@tagged("post_install", "-at_install")
class TestWinback(TileCommon):
    """Two contractors stopped ordering 800×800 half a year ago: the manager sends them a 10 %
    coupon; one comes back with it. Preferences and segment changes are kept along the way."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_800 = cls.tile_product(800, 800, 95.0)
        cls.env.company.write(
            {
                "tile_rfm_at_risk_days": 90,
                "tile_rfm_lost_days": 365,
                "tile_rfm_new_days": 30,
                "tile_rfm_loyal_orders": 5,
                "tile_rfm_champion_orders": 8,
            }
        )
        cls.manager = new_test_user(
            cls.env,
            login="tile_wb_manager",
            groups="sales_team.group_sale_manager",
            email="boss@tiles.example",
        )
        cls.seller = cls.tile_salesman("tile_wb_seller")
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Win-back 10 %",
                "program_type": "coupons",
                "trigger": "with_code",
                "applies_on": "current",
                "company_id": cls.env.company.id,
                "rule_ids": [Command.create({"reward_point_amount": 1, "reward_point_mode": "order"})],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "percent",
                            "discount": 10,
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        now = datetime.now()
        cls.site_a = None

        def customer(name, ages, **extra):
            partner = cls.tile_customer(name, user_id=cls.seller.id, **extra)
            for days in ages:
                order = cls.tile_order(partner, [(cls.tile_800, 10, "box")], user=cls.seller)
                order.action_confirm()
                order.date_order = now - timedelta(days=days)
            return partner

        cls.quiet = customer("Quiet Contractor", [200, 260], email="quiet@example.com")
        cls.slow = customer("Slow Builder", [180, 400], email="slow@example.com", lang="en_US")
        cls.active = customer("Busy Studio", [5, 20, 40], email="busy@example.com")

    def behaviour(self, partners, env=None):
        self.env.flush_all()
        self.env.invalidate_all()
        return (env or self.env)["tile.customer.behaviour"].search([("partner_id", "in", partners.ids)])

    def send(self, partners, user=None, **values):
        rows = self.behaviour(partners)
        wizard = Form(
            self.env["tile.winback.wizard"]
            .with_user(user or self.manager)
            .with_context(active_model="tile.customer.behaviour", active_ids=rows.ids)
        )
        wizard.program_id = self.program
        for field, value in values.items():
            setattr(wizard, field, value)
        action = wizard.save().action_send()
        return self.env["tile.winback.campaign"].browse(action["res_id"])

    def test_preferred_format_series_and_usual_delivery(self):
        series = self.env["tile.series"].create({"name": "Marmo"})
        tile_600 = self.tile_product(600, 600, 89.90, tile_series_id=series.id)
        site = self.env["res.partner"].create(
            {"name": "Site B", "parent_id": self.active.id, "type": "delivery"}
        )
        for _i in range(2):
            order = self.tile_order(
                self.active, [(tile_600, 50, "m2")], user=self.seller, partner_shipping_id=site.id
            )
            order.action_confirm()
        row = self.behaviour(self.active)
        # 3 × 19.2 m² of 800×800 = 57.6 m² < 2 × 50.4 m² of 600×600 (series Marmo).
        self.assertEqual(row.preferred_format, tile_600.tile_format)
        self.assertEqual(row.preferred_series_id, series)
        self.assertEqual(row.usual_delivery_id, self.active, "3 orders to the office, 2 to site B")

    def test_segment_history_records_changes_only(self):
        history = self.env["tile.customer.segment.history"]
        history._cron_record_segments()
        rows = history.search([("partner_id", "in", (self.quiet | self.active).ids)])
        self.assertEqual(
            {(row.partner_id, row.segment, row.previous_segment) for row in rows},
            {(self.quiet, "at_risk", False), (self.active, "regular", False)},
        )
        self.assertFalse(
            history._cron_record_segments()
            and history.search([("partner_id", "=", self.quiet.id)])
            - rows.filtered(lambda row: row.partner_id == self.quiet),
            "no change, no new row",
        )
        # The quiet contractor orders again: he is back among the regulars.
        self.tile_order(self.quiet, [(self.tile_800, 5, "box")], user=self.seller).action_confirm()
        history._cron_record_segments()
        last = history.search([("partner_id", "=", self.quiet.id)], limit=1)
        self.assertEqual((last.previous_segment, last.segment), ("at_risk", "regular"))
        self.assertEqual(self.behaviour(self.quiet).segment_history_ids[:1], last)

    def test_winback_offer_emailed_and_repurchase_counted(self):
        drifting = self.behaviour(self.quiet | self.slow | self.active).filtered(
            lambda r: r.segment == "at_risk"
        )
        self.assertEqual(drifting.partner_id, self.quiet | self.slow)
        campaign = self.send(drifting.partner_id, valid_until=datetime.now().date() + timedelta(days=30))
        self.assertEqual(len(campaign.card_ids), 2)
        self.assertEqual(campaign.card_ids.partner_id, self.quiet | self.slow)
        self.assertEqual(campaign.segment, "At Risk")
        mails = self.env["mail.mail"].search(
            [("model", "=", "loyalty.card"), ("res_id", "in", campaign.card_ids.ids)]
        )
        self.assertEqual(len(mails), 2, "one e-mail per customer")
        quiet_card = campaign.card_ids.filtered(lambda card: card.partner_id == self.quiet)
        quiet_mail = mails.filtered(lambda mail: mail.res_id == quiet_card.id)
        self.assertIn("We miss you", quiet_mail.subject)
        self.assertIn(quiet_card.code, quiet_mail.body_html)
        self.assertEqual(quiet_mail.recipient_ids, self.quiet)
        self.assertEqual(
            (campaign.repurchase_count, campaign.used_count, campaign.repurchase_rate), (0, 0, 0.0)
        )

        # The quiet contractor comes back with the code: 10 % off his new order.
        order = self.tile_order(self.quiet, [(self.tile_800, 10, "box")], user=self.seller)
        status = order._try_apply_code(quiet_card.code)
        self.assertNotIn("error", status)
        order._apply_program_reward(self.program.reward_ids, quiet_card)
        self.assertAlmostEqual(order.amount_untaxed, 1824.0 * 0.9, places=2)
        order.action_confirm()
        self.env.invalidate_all()  # read again, as the campaign's screen does
        self.assertEqual((campaign.customer_count, campaign.repurchase_count, campaign.used_count), (2, 1, 1))
        self.assertEqual((campaign.repurchase_rate, campaign.used_rate), (50.0, 50.0))

    def test_offer_mail_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "tile_analytics")])._update_translations(["zh_CN"])
        self.quiet.lang = "zh_CN"
        campaign = self.send(self.quiet)
        mail = self.env["mail.mail"].search(
            [("model", "=", "loyalty.card"), ("res_id", "=", campaign.card_ids.id)]
        )
        self.assertIn("我们想念您", mail.subject)

    def test_refusals_write_nothing(self):
        campaigns = self.env["tile.winback.campaign"].search_count([])
        cards = self.env["loyalty.card"].search_count([])
        self.slow.email = False
        with self.assertRaisesRegex(UserError, "No e-mail address for Slow Builder"):
            self.send(self.quiet | self.slow)
        other = self.env["res.company"].create({"name": "Other Tile Co."})
        stranger = self.tile_customer("Other Company's Customer", company_id=other.id, email="x@example.com")
        with self.assertRaisesRegex(UserError, "not in your customer behaviour analysis"):
            wizard = (
                self.env["tile.winback.wizard"]
                .with_user(self.manager)
                .create({"partner_ids": [Command.set(stranger.ids)], "program_id": self.program.id})
            )
            wizard.action_send()
        self.assertEqual(self.env["tile.winback.campaign"].search_count([]), campaigns)
        self.assertEqual(self.env["loyalty.card"].search_count([]), cards)

    def test_salespeople_see_results_but_do_not_send(self):
        campaign = self.send(self.quiet)
        with self.assertRaises(AccessError):
            self.env["tile.winback.wizard"].with_user(self.seller).create(
                {"partner_ids": [Command.set(self.quiet.ids)], "program_id": self.program.id}
            )
        self.assertEqual(campaign.with_user(self.seller).repurchase_count, 0)
        other_seller = self.tile_salesman("tile_wb_other")
        history = self.env["tile.customer.segment.history"]
        history._cron_record_segments()
        self.assertTrue(history.with_user(self.seller).search([("partner_id", "=", self.quiet.id)]))
        self.assertFalse(
            history.with_user(other_seller).search([("partner_id", "=", self.quiet.id)]),
            "another salesperson's customers' history is not shown",
        )

from odoo.tests import tagged

from odoo.addons.tile_crm.models.sale_order import lead_outcome

from .common import TileCrmCommon


@tagged("post_install", "-at_install")
class TestTileCrmWonLost(TileCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason = cls.env.ref("tile_crm.lost_reason_quotation_cancelled")

    def assertOpen(self, lead):
        self.assertTrue(lead.active)
        self.assertFalse(lead.stage_id.is_won)
        self.assertFalse(lead.lost_reason_id)

    def assertLost(self, lead):
        self.assertFalse(lead.active)
        self.assertEqual(lead.lost_reason_id, self.reason)

    def assertWon(self, lead):
        self.assertTrue(lead.active)
        self.assertTrue(lead.stage_id.is_won)
        self.assertEqual(lead.probability, 100)

    def test_lead_outcome(self):
        """The decision alone: (states of the quotations, opportunity now) -> outcome."""
        cases = [
            (["sale"], "open", "won"),
            (["cancel", "sale"], "open", "won"),
            (["sale"], "lost", "won"),
            (["sale"], "won", None),
            (["cancel"], "open", "lost"),
            (["cancel", "cancel"], "open", "lost"),
            (["cancel", "draft"], "open", None),
            (["cancel", "sent"], "open", None),
            (["cancel"], "won", None),
            (["cancel"], "lost", None),
            ([], "open", None),
        ]
        for states, status, expected in cases:
            with self.subTest(states=states, status=status):
                self.assertEqual(lead_outcome(states, status), expected)

    def test_confirming_the_quotation_wins_the_opportunity(self):
        order = self.new_quotation(self.lead)
        self.assertOpen(self.lead)
        order.with_user(self.salesman).action_confirm()
        self.assertWon(self.lead)
        self.assertIn("Won:", self.lead.message_ids[0].body)
        self.assertIn(order.name, self.lead.message_ids[0].body)
        self.assertEqual(self.lead.message_ids[0].author_id, self.salesman.partner_id)

    def test_cancelling_the_only_quotation_loses_the_opportunity(self):
        order = self.new_quotation(self.lead)
        order.with_user(self.salesman).action_cancel()
        self.assertLost(self.lead)
        self.assertIn("Lost:", self.lead.message_ids[0].body)

    def test_sent_quotation_cancelled_through_odoo_wizard(self):
        order = self.new_quotation(self.lead)
        order.action_quotation_sent()
        action = order.with_user(self.salesman).action_cancel()
        # A sent quotation asks first (Odoo's cancel wizard); its Cancel button goes through _action_cancel.
        self.assertEqual(action["res_model"], "sale.order.cancel")
        wizard = (
            self.env["sale.order.cancel"]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertLost(self.lead)

    def test_lead_with_another_open_quotation_stays_open(self):
        first = self.new_quotation(self.lead)
        second = self.new_quotation(self.lead)
        first.with_user(self.salesman).action_cancel()
        self.assertOpen(self.lead)
        second.with_user(self.salesman).action_cancel()
        self.assertLost(self.lead)

    def test_cancelled_then_other_confirmed_is_won(self):
        first = self.new_quotation(self.lead)
        second = self.new_quotation(self.lead)
        first.action_cancel()
        second.action_confirm()
        self.assertWon(self.lead)

    def test_lost_opportunity_won_back_by_a_confirmed_quotation(self):
        order = self.new_quotation(self.lead)
        order.action_cancel()
        self.assertLost(self.lead)
        order.action_draft()
        order.action_confirm()
        self.assertWon(self.lead)

    def test_won_opportunity_stays_won_when_a_variant_is_cancelled(self):
        confirmed = self.new_quotation(self.lead)
        variant = self.new_quotation(self.lead)
        confirmed.action_confirm()
        variant.action_cancel()
        self.assertWon(self.lead)

    def test_quotation_without_opportunity_changes_nothing(self):
        other_lead = self.tile_lead()
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        self.assertOpen(self.lead)
        self.assertOpen(other_lead)

    def test_salesperson_who_cannot_see_the_opportunity_cancels_own_quotation(self):
        """Cancelling never needed the opportunity in Odoo: it still doesn't."""
        order = self.new_quotation(self.lead)
        order.user_id = self.other_salesman
        self.assertFalse(
            self.env["crm.lead"].with_user(self.other_salesman).search([("id", "=", self.lead.id)])
        )
        order.with_user(self.other_salesman).action_cancel()
        self.assertLost(self.lead)
        self.assertEqual(self.lead.message_ids[0].author_id, self.other_salesman.partner_id)

"""A salesperson confirms; the order goes through, or waits for the approver with its reasons."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TileReviewCommon


@tagged("post_install", "-at_install")
class TestReviewFlow(TileReviewCommon):
    def test_an_order_within_the_rules_is_confirmed_at_once(self):
        order = self.order_for(self.seller)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.tile_review_state)
        self.assertFalse(self.approval_activities(order))

    def test_below_the_floor_it_waits_and_cannot_be_delivered_or_invoiced(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "draft", "not confirmed")
        self.assertEqual(order.tile_review_state, "waiting")
        self.assertFalse(order.picking_ids, "nothing to deliver")
        self.assertEqual(order.invoice_status, "no", "nothing to invoice")
        reason = order.tile_review_reason_ids
        self.assertEqual(len(reason), 1)
        self.assertIn("75.00", reason.message)
        self.assertIn("80.00", reason.message)
        self.assertEqual(reason.approver_id, self.leader, "the leader of the order's sales team")
        activity = self.approval_activities(order)
        self.assertEqual(activity.user_id, self.leader)
        self.assertIn("75.00", activity.note)
        self.assertEqual(order.tile_review_approver_ids, self.leader)

    def test_the_approver_approves_and_the_order_is_confirmed(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        self.env["stock.quant"]._update_available_quantity(self.tile, order.warehouse_id.lot_stock_id, 100)
        order.with_user(self.leader).action_tile_review_approve()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.tile_review_state, "approved")
        self.assertEqual(order.tile_review_reason_ids.decided_by_id, self.leader)
        self.assertTrue(order.picking_ids, "the delivery exists now")
        self.assertFalse(self.approval_activities(order), "the activity is done")
        self.assertTrue(order.message_ids.filtered(lambda m: "Approved by Review Leader" in (m.body or "")))
        # Confirming again later (e.g. after a cancel and reset) does not ask for the same price twice.
        order._action_cancel()
        order.action_draft()
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_a_changed_price_asks_again(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        order.order_line.with_user(self.seller).price_unit = 70.0
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_state, "waiting")
        self.assertEqual(len(order.tile_review_reason_ids), 1, "the old reason is replaced")
        self.assertIn("70.00", order.tile_review_reason_ids.message)
        self.assertEqual(len(self.approval_activities(order)), 1, "one activity, not two")

    def test_confirming_again_unchanged_does_not_ask_twice(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        reason = order.tile_review_reason_ids
        messages = len(order.message_ids)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_reason_ids, reason)
        self.assertEqual(len(order.message_ids), messages)

    def test_rejected_with_a_reason_then_fixed_and_confirmed(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        wizard = (
            self.env["tile.review.reject"]
            .with_user(self.leader)
            .create({"order_ids": [Command.set(order.ids)], "reason": "Quote at least 80 per m²."})
        )
        wizard.action_reject()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.tile_review_state, "rejected")
        self.assertEqual(order.tile_review_reason_ids.state, "rejected")
        self.assertFalse(self.approval_activities(order))
        note = order.message_ids.filtered(lambda m: "Quote at least 80" in (m.body or ""))
        self.assertIn(self.seller.partner_id, note.partner_ids, "the salesperson is told")
        order.order_line.with_user(self.seller).price_unit = 85.0
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_reject_needs_a_reason(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        wizard = (
            self.env["tile.review.reject"]
            .with_user(self.leader)
            .create({"order_ids": [Command.set(order.ids)], "reason": "   "})
        )
        with self.assertRaisesRegex(UserError, "Write why"):
            wizard.action_reject()
        self.assertEqual(order.tile_review_state, "waiting")

    def test_approving_from_the_activity(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        self.approval_activities(order).with_user(self.leader).action_feedback(feedback="ok")
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.tile_review_reason_ids.decided_by_id, self.leader)

    def test_several_orders_confirmed_together_only_the_breaking_one_waits(self):
        good = self.order_for(self.seller)
        bad = self.order_for(self.seller, price=60.0)
        (good | bad).with_user(self.seller).action_confirm()
        self.assertEqual(good.state, "sale")
        self.assertEqual(bad.state, "draft")
        self.assertEqual(bad.tile_review_state, "waiting")

    def test_discount_above_the_salespersons_limit(self):
        Rule = self.env["tile.review.rule"]
        Rule.create(
            {
                "name": "Own",
                "rule_type": "discount",
                "group_id": self.env.ref("sales_team.group_sale_salesman").id,
                "max_discount": 10,
            }
        )
        Rule.create(
            {
                "name": "All",
                "rule_type": "discount",
                "group_id": self.env.ref("sales_team.group_sale_salesman_all_leads").id,
                "max_discount": 15,
            }
        )
        junior = self.order_for(self.seller, price=100.0, discount=12.0)
        junior.with_user(self.seller).action_confirm()
        self.assertEqual(junior.tile_review_state, "waiting")
        self.assertIn("12 % discount is above the 10 %", junior.tile_review_reason_ids.message)
        senior = self.order_for(self.senior, price=100.0, discount=12.0)
        senior.with_user(self.senior).action_confirm()
        self.assertEqual(senior.state, "sale")

    def test_credit_limit_uses_odoos_credit_limit_of_the_customer(self):
        self.env["tile.review.rule"].create({"name": "Credit", "rule_type": "credit_limit"})
        self.customer.with_company(self.company).write(
            {"use_partner_credit_limit": True, "credit_limit": 500.0}
        )
        order = self.order_for(self.seller)  # 10.08 m² × 89.90 = 906.19
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_state, "waiting")
        self.assertIn("credit limit", order.tile_review_reason_ids.message)
        self.customer.with_company(self.company).credit_limit = 5000.0
        small = self.order_for(self.seller)
        small.with_user(self.seller).action_confirm()
        self.assertEqual(small.state, "sale")

    def _invoice(self, due_days_ago, amount=2000.0):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": fields.Date.today() - timedelta(days=due_days_ago),
                "invoice_date_due": fields.Date.today() - timedelta(days=due_days_ago),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Old tiles",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def test_overdue_invoices_of_the_customer(self):
        self.env["tile.review.rule"].create(
            {"name": "Overdue", "rule_type": "overdue", "overdue_days": 30, "overdue_min_amount": 1000}
        )
        self._invoice(due_days_ago=10)
        recent = self.order_for(self.seller)
        recent.with_user(self.seller).action_confirm()
        self.assertEqual(recent.state, "sale", "due 10 days ago is not 30 days overdue")
        old = self._invoice(due_days_ago=40)
        order = self.order_for(self.seller)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_state, "waiting")
        self.assertIn("2,000.00", order.tile_review_reason_ids.message)
        # Paid: nothing overdue any more.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=old.ids
        ).create({})._create_payments()
        again = self.order_for(self.seller)
        again.with_user(self.seller).action_confirm()
        self.assertEqual(again.state, "sale")

    def test_asking_to_mix_shades(self):
        self.env["tile.review.rule"].create({"name": "Shades", "rule_type": "shade_override"})
        order = self.order_for(self.seller, tile_split_reason="Two rooms, customer accepts two shades")
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_state, "waiting")
        self.assertIn("Two rooms", order.tile_review_reason_ids.message)

    def test_order_size_in_m2(self):
        self.env["tile.review.rule"].create({"name": "Big", "rule_type": "order_size", "min_m2": 500})
        big = self.order_for(self.seller, m2=600)
        big.with_user(self.seller).action_confirm()
        self.assertEqual(big.tile_review_state, "waiting")
        self.assertIn("Large order", big.tile_review_reason_ids.message)

    def test_a_named_approver_per_rule(self):
        self.floor_rule.approver_id = self.manager
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_reason_ids.approver_id, self.manager)
        with self.assertRaisesRegex(UserError, "waits for Review Manager, not for you"):
            order.with_user(self.leader).action_tile_review_approve()
        self.assertEqual(order.tile_review_state, "waiting")

    def test_rules_of_another_company_do_not_apply(self):
        other = self.env["res.company"].create({"name": "Other Tiles Co"})
        self.floor_rule.active = False
        self.env["tile.review.rule"].create(
            {
                "name": "Other floor",
                "company_id": other.id,
                "rule_type": "floor_price",
                "tile_series_id": self.series.id,
                "floor_price_m2": 500.0,
            }
        )
        order = self.order_for(self.seller)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_cancelling_a_waiting_order_closes_its_approval(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        order.with_user(self.seller).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertFalse(order.tile_review_state)
        self.assertFalse(self.approval_activities(order))

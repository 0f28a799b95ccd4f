"""Who may decide: four eyes, approvers only, nothing half-approved."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import TileReviewCommon


@tagged("post_install", "-at_install")
class TestReviewDecisions(TileReviewCommon):
    def setUp(self):
        super().setUp()
        self.order = self.order_for(self.seller, price=75.0)
        self.order.with_user(self.seller).action_confirm()

    def test_the_salesperson_cannot_approve_their_own_order(self):
        with self.assertRaisesRegex(UserError, "Only order approvers"):
            self.order.with_user(self.seller).action_tile_review_approve()
        self.assertFalse(self.order.with_user(self.seller).tile_review_can_decide)
        # Not from the activity either.
        with self.assertRaises(UserError):
            self.approval_activities(self.order).with_user(self.seller).action_feedback()
        self.assertEqual(self.order.state, "draft")
        self.assertTrue(self.approval_activities(self.order), "the activity is still there")

    def test_an_approver_who_is_the_salesperson_cannot_approve(self):
        order = self.order_for(self.manager, price=75.0)
        order.with_user(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, "You are the salesperson"):
            order.with_user(self.manager).action_tile_review_approve()

    def test_a_sales_manager_may_decide_every_reason(self):
        self.assertTrue(self.order.with_user(self.manager).tile_review_can_decide)
        self.order.with_user(self.manager).action_tile_review_approve()
        self.assertEqual(self.order.state, "sale")

    def test_two_approvers_both_must_approve(self):
        self.env["tile.review.rule"].create(
            {"name": "Big", "rule_type": "order_size", "min_m2": 5, "approver_id": self.manager.id}
        )
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        self.assertEqual(order.tile_review_approver_ids, self.leader | self.manager)
        self.assertEqual(len(self.approval_activities(order)), 2)
        order.with_user(self.leader).action_tile_review_approve()
        self.assertEqual(order.state, "draft", "the manager's reason still waits")
        self.assertEqual(order.tile_review_approver_ids, self.manager)
        order.with_user(self.manager).action_tile_review_approve()
        self.assertEqual(order.state, "sale")

    def test_rejecting_several_is_all_or_nothing(self):
        self.floor_rule.approver_id = self.manager
        third = self.order_for(self.seller, price=61.0)
        third.with_user(self.seller).action_confirm()
        wizard = (
            self.env["tile.review.reject"]
            .with_user(self.leader)
            .create({"order_ids": [Command.set((self.order | third).ids)], "reason": "Too cheap"})
        )
        with self.assertRaisesRegex(UserError, "not for you"):
            wizard.action_reject()
        self.assertEqual(self.order.tile_review_state, "waiting", "nothing half-rejected")

    def test_approving_an_order_not_waiting(self):
        fine = self.order_for(self.seller)
        with self.assertRaisesRegex(UserError, "is not waiting for approval"):
            fine.with_user(self.leader).action_tile_review_approve()

    def test_nobody_to_approve_says_what_to_do(self):
        company = self.env["res.company"].create({"name": "Lonely Tiles"})
        alone = new_test_user(
            self.env,
            login="review_alone",
            groups="sales_team.group_sale_salesman",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        self.env["tile.review.rule"].create(
            {"name": "Big", "rule_type": "order_size", "min_amount": 1, "company_id": company.id}
        )
        partner = self.env["res.partner"].create({"name": "Lonely customer", "company_id": company.id})
        order = (
            self.env["sale.order"]
            .with_user(alone)
            .with_company(company)
            .create({"partner_id": partner.id, "order_line": [Command.create({"product_id": self.plain.id})]})
        )
        # Any approver of that company would do; remove them all.
        approvers = self.env.ref("tile_order_review.group_order_approver").users.filtered(
            lambda u: company in u.company_ids
        )
        if approvers:
            approvers.write({"company_ids": [Command.unlink(company.id)]})
        with self.assertRaisesRegex(UserError, "nobody in Lonely Tiles can approve"):
            order.with_user(alone).with_company(company).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.tile_review_state, "nothing half-written")

    def test_rule_input_is_checked(self):
        Rule = self.env["tile.review.rule"]
        with self.assertRaisesRegex(ValidationError, "choose the tile or the series"):
            Rule.create({"name": "x", "rule_type": "floor_price", "floor_price_m2": 10})
        with self.assertRaisesRegex(ValidationError, "above zero"):
            Rule.create(
                {
                    "name": "x",
                    "rule_type": "floor_price",
                    "tile_series_id": self.series.id,
                    "floor_price_m2": -1,
                }
            )
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            Rule.create(
                {
                    "name": "x",
                    "rule_type": "discount",
                    "max_discount": 150,
                    "group_id": self.env.ref("sales_team.group_sale_salesman").id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "between 0 and 3650 days"):
            Rule.create({"name": "x", "rule_type": "overdue", "overdue_days": 10**9})
        with self.assertRaisesRegex(ValidationError, "absurdly large"):
            Rule.create({"name": "x", "rule_type": "order_size", "min_m2": 1e300})

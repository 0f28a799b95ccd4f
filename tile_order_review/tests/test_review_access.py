"""Who sees and changes rules and reasons."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import TileReviewCommon


@tagged("post_install", "-at_install")
class TestReviewAccess(TileReviewCommon):
    def test_salespeople_read_rules_only_managers_change_them(self):
        self.assertTrue(self.floor_rule.with_user(self.seller).description)
        with self.assertRaises(AccessError):
            self.floor_rule.with_user(self.seller).floor_price_m2 = 1.0
        with self.assertRaises(AccessError):
            self.env["tile.review.rule"].with_user(self.leader).create(
                {"name": "x", "rule_type": "shade_override"}
            )
        self.floor_rule.with_user(self.manager).floor_price_m2 = 81.0

    def test_salespeople_see_their_own_pending_approvals_only(self):
        mine = self.order_for(self.seller, price=75.0)
        mine.with_user(self.seller).action_confirm()
        colleague = new_test_user(self.env, login="review_colleague", groups="sales_team.group_sale_salesman")
        theirs = self.order_for(colleague, price=70.0)
        theirs.with_user(colleague).action_confirm()
        Order = self.env["sale.order"].with_user(self.seller)
        waiting = Order.search([("tile_review_state", "=", "waiting")])
        self.assertIn(mine, waiting)
        self.assertNotIn(theirs, waiting)
        Reason = self.env["tile.review.reason"].with_user(self.seller)
        self.assertEqual(
            Reason.search([("order_id", "in", (mine | theirs).ids)]), mine.tile_review_reason_ids
        )
        with self.assertRaises(AccessError):
            theirs.tile_review_reason_ids.with_user(self.seller).read(["message"])
        # The approver sees both.
        self.assertEqual(
            self.env["sale.order"].with_user(self.leader).search([("id", "in", (mine | theirs).ids)]),
            mine | theirs,
        )

    def test_nobody_forges_an_approval(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        with self.assertRaises(AccessError):
            order.tile_review_reason_ids.with_user(self.seller).state = "approved"
        with self.assertRaises(AccessError):
            order.tile_review_reason_ids.with_user(self.leader).state = "approved"
        with self.assertRaises(AccessError):
            self.env["tile.review.reason"].with_user(self.seller).create(
                {
                    "order_id": order.id,
                    "key": "x",
                    "message": "x",
                    "approver_id": self.seller.id,
                    "state": "approved",
                }
            )

    def test_other_companies_reasons_are_hidden(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        other = self.env["res.company"].create({"name": "Review Other Co"})
        stranger = new_test_user(
            self.env,
            login="review_stranger",
            groups="tile_order_review.group_order_approver",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        self.assertFalse(
            self.env["tile.review.reason"].with_user(stranger).search([("order_id", "=", order.id)])
        )
        self.assertFalse(
            self.env["tile.review.rule"].with_user(stranger).search([("id", "=", self.floor_rule.id)])
        )

    def test_finance_opens_a_waiting_order_with_its_reasons(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        for groups in ("account.group_account_invoice", "account.group_account_readonly"):
            user = new_test_user(self.env, login=f"review_{groups.split('.')[1]}", groups=groups)
            form = Form(order.with_user(user))
            self.assertEqual(len(form.tile_review_reason_ids), 1, groups)

    def test_warehouse_and_manufacturing_open_a_waiting_order(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        for groups in ("stock.group_stock_user", "mrp.group_mrp_user"):
            if not self.env.ref(groups, raise_if_not_found=False):
                continue  # Manufacturing not installed
            user = new_test_user(self.env, login=f"review_{groups.split('.')[1]}", groups=groups)
            form = Form(order.with_user(user))
            self.assertEqual(form.tile_review_state, "waiting", groups)

    def test_approver_group_sits_between_all_documents_and_administrator(self):
        approver = self.env.ref("tile_order_review.group_order_approver")
        self.assertIn(approver, self.env.ref("sales_team.group_sale_manager").implied_ids)
        self.assertTrue(self.leader.has_group("sales_team.group_sale_salesman_all_leads"))
        self.assertFalse(self.leader.has_group("sales_team.group_sale_manager"))

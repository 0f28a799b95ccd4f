"""Approving several orders at once from the list, and a batch confirm that reports waits."""

from odoo import Command
from odoo.tests import tagged

from .common import TileReviewCommon


@tagged("post_install", "-at_install")
class TestReviewBatch(TileReviewCommon):
    def run_batch(self, user, operation, orders):
        batch = (
            self.env["tile.order.batch"]
            .with_user(user)
            .create({"operation": operation, "order_ids": [Command.set(orders.ids)]})
        )
        batch.action_run()
        return {line.order_id: (line.state, line.message) for line in batch.line_ids}, batch

    def test_approve_several_from_the_list(self):
        first = self.order_for(self.seller, price=75.0)
        second = self.order_for(self.seller, price=70.0)
        fine = self.order_for(self.seller)
        (first | second).with_user(self.seller).action_confirm()
        self.floor_rule.approver_id = self.manager
        theirs = self.order_for(self.seller, price=72.0)
        theirs.with_user(self.seller).action_confirm()
        results, batch = self.run_batch(self.leader, "approve", first | second | fine | theirs)
        self.assertEqual(results[first][0], "done")
        self.assertEqual(results[second][0], "done")
        self.assertEqual((first | second).mapped("state"), ["sale", "sale"])
        self.assertEqual(results[fine], ("refused", f"{fine.name} is not waiting for approval."))
        self.assertEqual(results[theirs][0], "refused")
        self.assertIn("not for you", results[theirs][1])
        self.assertEqual(theirs.tile_review_state, "waiting", "untouched")
        self.assertEqual(batch.summary, "2 done, 2 refused")

    def test_a_refused_approval_rolls_back_only_that_order(self):
        order = self.order_for(self.seller, price=75.0)
        order.with_user(self.seller).action_confirm()
        other = self.order_for(self.seller, price=74.0)
        other.with_user(self.seller).action_confirm()
        # One of them was cancelled meanwhile: refused, and the other is approved all the same.
        other.with_user(self.seller).action_cancel()
        results, _batch = self.run_batch(self.leader, "approve", order | other)
        self.assertEqual(results[order][0], "done")
        self.assertEqual(results[other][0], "refused")
        self.assertEqual(order.tile_review_reason_ids.state, "approved")

    def test_batch_confirm_says_which_orders_wait(self):
        good = self.order_for(self.seller)
        bad = self.order_for(self.seller, price=75.0)
        results, batch = self.run_batch(self.seller, "confirm", good | bad)
        self.assertEqual(results[good][0], "done")
        self.assertEqual(results[bad][0], "waiting")
        self.assertIn("Waiting for approval by Review Leader", results[bad][1])
        self.assertIn("below the floor price", results[bad][1])
        self.assertEqual(batch.summary, "1 done, 0 refused, 1 waiting for approval")

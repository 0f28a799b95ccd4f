from odoo import Command
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.tile_order_base.tests.common import TileCommon


@tagged("post_install", "-at_install")
class TestOrderBatch(TileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "wang.fang@example.com"
        cls.no_mail_customer = cls.tile_customer("Hotel Without Mail")
        cls.seller = cls.tile_salesman("batch_seller")
        cls.other_seller = cls.tile_salesman("batch_other_seller")
        cls.billing_seller = cls.tile_salesman("batch_billing_seller")
        cls.billing_seller.groups_id |= cls.env.ref("account.group_account_invoice")

    def order(self, partner=None, user=None, qty=10):
        return self.tile_order(partner or self.customer, [(self.tile_600, qty, "m2")], user=user)

    def run_batch(self, operation, orders, user=None):
        env = self.env(user=user) if user else self.env
        batch = env["tile.order.batch"].create(
            {"operation": operation, "order_ids": [Command.set(orders.ids)]}
        )
        # Run as from the form's button: a new request, nothing in the cache.
        env.invalidate_all()
        action = batch.action_run()
        self.assertEqual(action["res_id"], batch.id, "the same form shows the summary")
        self.assertEqual(batch.state, "done")
        return batch

    def result(self, batch, order):
        line = batch.line_ids.filtered(lambda line: line.order_name == order.name)
        self.assertEqual(len(line), 1)
        return line.state, line.message

    def broken_warehouse(self):
        """A warehouse whose delivery rules are archived: confirming fails after the order was written."""
        warehouse = self.env["stock.warehouse"].create({"name": "No Delivery Rules", "code": "NODL"})
        warehouse.delivery_route_id.rule_ids.active = False
        return warehouse

    # ------------------------------------------------------------------ confirm

    def test_confirm_three_one_fails_and_stays_untouched(self):
        ok1, ok2, failing = self.order(), self.order(qty=20), self.order(qty=30)
        failing.warehouse_id = self.broken_warehouse()
        date_before = failing.date_order
        batch = self.run_batch("confirm", ok1 | ok2 | failing)
        self.assertEqual((batch.done_count, batch.refused_count), (2, 1))
        self.assertEqual(batch.summary, "2 done, 1 refused")
        self.assertEqual(self.result(batch, ok1), ("done", "Confirmed: 7 boxes, 10.08 m²"))
        self.assertEqual(ok1.state, "sale")
        self.assertEqual(ok2.state, "sale")
        self.assertTrue(ok1.picking_ids and ok2.picking_ids)
        state, message = self.result(batch, failing)
        self.assertEqual(state, "refused")
        self.assertIn("No rule has been found", message)
        self.assertUntouched(failing, date_before)

    def assertUntouched(self, order, date_before):
        """Nothing of a failed confirmation is left: not its state, date nor any transfer."""
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.date_order, date_before)
        self.assertFalse(order.picking_ids)
        self.assertFalse(
            self.env["stock.move"].search([("sale_line_id", "in", order.order_line.ids)]),
            "no stock move of the refused order",
        )

    def test_confirm_many_with_failures_anywhere(self):
        """Orders failing first, in the middle and last: the others are confirmed, each once."""
        warehouse = self.broken_warehouse()
        orders = self.env["sale.order"]
        failing = self.env["sale.order"]
        for index in range(9):
            order = self.order(qty=10 + index)
            if index in (0, 4, 8):
                order.warehouse_id = warehouse
                failing |= order
            orders |= order
        dates = {order: order.date_order for order in failing}
        batch = self.run_batch("confirm", orders)
        self.assertEqual((batch.done_count, batch.refused_count), (6, 3))
        for order in orders - failing:
            self.assertEqual(order.state, "sale")
            self.assertEqual(len(order.picking_ids), 1, "one delivery: the order was confirmed once")
        for order in failing:
            self.assertEqual(self.result(batch, order)[0], "refused")
            self.assertUntouched(order, dates[order])

    def test_confirm_refuses_cancelled_and_confirmed_with_the_reason(self):
        cancelled, confirmed = self.order(), self.order()
        cancelled.action_cancel()
        confirmed.action_confirm()
        batch = self.run_batch("confirm", cancelled | confirmed)
        self.assertEqual(
            self.result(batch, cancelled),
            ("refused", f"{cancelled.name} is cancelled; set it back to quotation first."),
        )
        self.assertEqual(
            self.result(batch, confirmed), ("refused", f"{confirmed.name} is already confirmed.")
        )
        self.assertEqual(cancelled.state, "cancel")

    def test_entry_point_from_the_list_and_guards(self):
        action = self.env.ref("tile_order_batch.action_tile_order_batch_confirm")
        self.assertEqual(action.binding_model_id.model, "sale.order")
        self.assertEqual(action.binding_view_types, "list")
        orders = self.order() | self.order()
        context = dict(safe_eval(action.context), active_model="sale.order", active_ids=orders.ids)
        form = Form(self.env["tile.order.batch"].with_context(**context))
        self.assertEqual(form.operation, "confirm")
        self.assertEqual(form.order_count, 2)
        batch = form.save()
        batch.action_run()
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        with self.assertRaisesRegex(Exception, "already run"):
            batch.action_run()
        empty = self.env["tile.order.batch"].create({"operation": "confirm"})
        with self.assertRaisesRegex(Exception, "Select at least one order"):
            empty.action_run()

    # ------------------------------------------------------------------ send

    def test_send_one_mail_per_order_and_marks_sent(self):
        with_mail, without_mail = self.order(), self.order(partner=self.no_mail_customer)
        batch = self.run_batch("send", with_mail | without_mail)
        self.assertEqual(self.result(batch, with_mail), ("done", "Sent to wang.fang@example.com"))
        self.assertEqual(with_mail.state, "sent")
        template = self.env.ref("sale.email_template_edi_sale")
        messages = with_mail.message_ids.filtered(
            lambda msg: msg.subtype_id == self.env.ref("mail.mt_comment")
        )
        self.assertEqual(len(messages), 1, "one mail for the order")
        self.assertIn(self.customer, messages.partner_ids)
        self.assertIn(with_mail.name, messages.subject)
        self.assertTrue(messages.attachment_ids, f"the template ({template.name}) attaches the quotation")
        state, message = self.result(batch, without_mail)
        self.assertEqual(state, "refused")
        self.assertIn("has no e-mail address", message)
        self.assertEqual(without_mail.state, "draft")
        self.assertFalse(
            without_mail.message_ids.filtered(lambda msg: msg.subtype_id == self.env.ref("mail.mt_comment"))
        )

    # ------------------------------------------------------------------ print

    def test_print_delivery_slips_gives_the_pdf_of_the_orders_done(self):
        confirmed, quotation = self.order(), self.order()
        confirmed.action_confirm()
        batch = self.run_batch("print_delivery", confirmed | quotation)
        self.assertEqual(self.result(batch, confirmed), ("done", "1 delivery slip(s) to print"))
        state, message = self.result(batch, quotation)
        self.assertEqual(state, "refused")
        self.assertIn("no delivery slip yet", message)
        action = batch.action_download()
        self.assertEqual(action["report_name"], "stock.report_deliveryslip")
        self.assertEqual(action["context"]["active_ids"], confirmed.picking_ids.ids)

    def test_print_quotations(self):
        orders = self.order() | self.order()
        batch = self.run_batch("print_quotation", orders)
        self.assertEqual(batch.done_count, 2)
        action = batch.action_download()
        self.assertEqual(action["report_name"], "sale.report_saleorder")
        self.assertEqual(sorted(action["context"]["active_ids"]), sorted(orders.ids))

    def test_print_invoices_needs_invoice_access(self):
        invoiced, not_invoiced = self.order(user=self.billing_seller), self.order(user=self.billing_seller)
        (invoiced | not_invoiced).action_confirm()
        invoice = invoiced._create_invoices()
        invoice.action_post()
        batch = self.run_batch("print_invoice", invoiced | not_invoiced, user=self.billing_seller)
        self.assertEqual(self.result(batch, invoiced), ("done", "1 invoice(s) to print"))
        self.assertEqual(self.result(batch, not_invoiced)[0], "refused")
        self.assertIn("no posted invoice", self.result(batch, not_invoiced)[1])
        action = batch.action_download()
        self.assertEqual(action["report_name"], "account.report_invoice_with_payments")
        self.assertEqual(action["context"]["active_ids"], invoice.ids)
        # A salesperson without invoice access is refused per order, even on their own orders.
        mine = self.order(user=self.seller)
        mine.action_confirm()
        mine._create_invoices().action_post()
        batch = self.run_batch("print_invoice", mine, user=self.seller)
        state, message = self.result(batch, mine)
        self.assertEqual(state, "refused")
        self.assertIn("Invoicing access right", message)
        self.assertFalse(batch.can_download)

    # ------------------------------------------------------------------ access

    def test_salesperson_cannot_batch_orders_of_others(self):
        mine = self.order(user=self.seller)
        others = self.order(user=self.other_seller)
        batch = self.run_batch("confirm", mine | others, user=self.seller)
        self.assertEqual(mine.state, "sale")
        self.assertEqual(others.state, "draft", "another salesperson's order is untouched")
        line = batch.line_ids.filtered(lambda line: line.state == "refused")
        self.assertEqual(line.order_name, f"#{others.id}", "the order is not named to who cannot see it")
        self.assertFalse(line.order_id)
        # The summary opens for the salesperson as the web client reads it.
        values = batch.with_user(self.seller).web_read(
            {
                "line_ids": {
                    "fields": {
                        "order_name": {},
                        "state": {},
                        "message": {},
                        "order_id": {"fields": {"display_name": {}}},
                    }
                }
            }
        )
        self.assertEqual(len(values[0]["line_ids"]), 2)
        # Sending and printing: the same.
        batch = self.run_batch("send", others, user=self.seller)
        self.assertEqual(batch.refused_count, 1)
        self.assertEqual(others.state, "draft")

    def test_a_salesperson_sees_only_their_own_batches(self):
        batch = self.run_batch("print_quotation", self.order(user=self.seller), user=self.seller)
        other = new_test_user(self.env, login="batch_nosy", groups="sales_team.group_sale_salesman")
        self.assertFalse(self.env["tile.order.batch"].with_user(other).search([("id", "=", batch.id)]))

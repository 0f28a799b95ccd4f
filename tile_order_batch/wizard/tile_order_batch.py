import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

# One batch at a time stays a few minutes of work; more orders are run in several batches.
MAX_ORDERS = 1000

OPERATIONS = [
    ("confirm", "Confirm"),
    ("send", "Send by E-mail"),
    ("print_quotation", "Print Quotations / Orders"),
    ("print_delivery", "Print Delivery Slips"),
    ("print_invoice", "Print Invoices"),
]
# Operations whose result is a PDF: {operation: Odoo's own report}.
PRINT_REPORTS = {
    "print_quotation": "sale.action_report_saleorder",
    "print_delivery": "stock.action_report_delivery",
    "print_invoice": "account.account_invoices",
}


class TileOrderBatch(models.TransientModel):
    """Runs one operation on many orders, each order on its own: done or refused with the reason.

    Each order runs in a savepoint, so an order that fails leaves nothing half-written and
    the others go on. Other modules add operations with ``selection_add`` and a method
    ``_run_<operation>(order)`` returning ``(state, message)``.
    """

    _name = "tile.order.batch"
    _description = "Batch Work on Orders"

    operation = fields.Selection(OPERATIONS, required=True, help="What is done to each selected order.")
    order_ids = fields.Many2many(
        "sale.order",
        "tile_order_batch_sale_order_rel",
        "batch_id",
        "order_id",
        "Orders",
        help="The orders selected in the list; each is done or refused on its own.",
    )
    order_count = fields.Integer(compute="_compute_order_count")
    state = fields.Selection([("draft", "To Run"), ("done", "Done")], default="draft", required=True)
    line_ids = fields.One2many("tile.order.batch.line", "batch_id", "Results", readonly=True)
    done_count = fields.Integer("Done", compute="_compute_counts")
    refused_count = fields.Integer("Refused", compute="_compute_counts")
    summary = fields.Char(compute="_compute_counts")
    can_download = fields.Boolean(compute="_compute_counts")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "order_ids" in fields_list
            and not values.get("order_ids")
            and context.get("active_model") == "sale.order"
            and context.get("active_ids")
        ):
            values["order_ids"] = [fields.Command.set(context["active_ids"])]
        return values

    @api.depends("order_ids")
    def _compute_order_count(self):
        for batch in self:
            batch.order_count = len(batch.order_ids)

    @api.depends("line_ids.state", "operation")
    def _compute_counts(self):
        for batch in self:
            done = batch.line_ids.filtered(lambda line: line.state == "done")
            refused = batch.line_ids.filtered(lambda line: line.state == "refused")
            batch.done_count = len(done)
            batch.refused_count = len(refused)
            batch.summary = batch._summary_text()
            batch.can_download = batch.operation in PRINT_REPORTS and bool(done)

    def _summary_text(self):
        """One sentence on the result; extend when adding line states."""
        self.ensure_one()
        return _(
            "%(done)s done, %(refused)s refused",
            done=len(self.line_ids.filtered(lambda line: line.state == "done")),
            refused=len(self.line_ids.filtered(lambda line: line.state == "refused")),
        )

    # ------------------------------------------------------------------ running

    def action_run(self):
        """Run the operation on every order, then show the result per order in the same form."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("This batch has already run; select the orders again for a new batch."))
        # Read without record rules so that an order this user cannot see is reported,
        # not silently dropped from the batch; each order is then read as the user.
        order_ids = self.sudo().order_ids.ids
        if not order_ids:
            raise UserError(_("Select at least one order in the list, then run the batch."))
        if len(order_ids) > MAX_ORDERS:
            raise UserError(
                _(
                    "%(count)s orders are selected; a batch takes at most %(max)s. "
                    "Filter the list and run it in parts.",
                    count=len(order_ids),
                    max=MAX_ORDERS,
                )
            )
        run = getattr(self, "_run_" + self.operation)
        orders = self.env["sale.order"].browse(order_ids)
        # Read together (one prefetch) when readable; the others are refused with Odoo's reason.
        readable = orders._filtered_access("read")
        results = dict(self._run_orders(run, readable))
        for order in orders - readable:
            try:
                order.check_access("read")
                message = _("You may not read this order.")
            except UserError as exc:  # AccessError, or MissingError for an order deleted meanwhile
                message = self._error_message(exc)
            results[order] = ("refused", message)
        readable_ids = set(readable.ids)
        self.env["tile.order.batch.line"].create(
            [self._line_values(order, *results[order], readable=order.id in readable_ids) for order in orders]
        )
        self.state = "done"
        return self._action_reopen()

    def _run_orders(self, run, orders):
        """[(order, (state, message))]: each order done, or refused and left as it was."""
        if self.operation not in self._all_at_once_operations():
            return self._run_each(run, orders)
        # Fast path: the orders together in one savepoint, as quick as confirming them one by
        # one in code. When one fails, all are rolled back: the orders before it run again
        # together, the failing one alone (refused with its reason), and the rest goes on.
        results = []
        rest = orders
        while len(rest) > 1:
            ran, failed = self._try_together(run, rest)
            if failed is None:
                return results + ran
            before = rest[:failed]
            if before:
                ran, failed_again = self._try_together(run, before)
                results += ran if failed_again is None else self._run_each(run, before)
            results += self._run_each(run, rest[len(before) : len(before) + 1])
            rest = rest[len(before) + 1 :]
        return results + self._run_each(run, rest)

    def _try_together(self, run, orders):
        """(results, None) when every order went through in one savepoint; else
        ([], index of the order that failed) with all of them rolled back."""
        results = []
        try:
            with self.env.cr.savepoint():
                for order in orders:
                    results.append((order, run(order)))
        except (UserError, ValidationError, AccessError) as exc:
            # The orders that went through are in results: the failing one comes next (or the
            # last one, when the closing flush failed). Either way each order runs again for real.
            index = min(len(results), len(orders) - 1)
            _logger.info("Batch %s: order %s refused (%s); the others go on", self.id, orders[index].id, exc)
            return [], index
        return results, None

    def _run_each(self, run, orders):
        """Each order in its own savepoint."""
        results = []
        for order in orders:
            try:
                # Flushed at both ends: an order's error surfaces here and rolls back only it.
                with self.env.cr.savepoint():
                    result = run(order)
            except (UserError, ValidationError, AccessError) as exc:
                result = ("refused", self._error_message(exc))
            results.append((order, result))
        return results

    @api.model
    def _all_at_once_operations(self):
        """Operations tried on all orders in one savepoint first (nothing leaves the database
        before the commit); sending is not, its mails would be queued twice after a retry."""
        return {"confirm", "print_quotation", "print_delivery", "print_invoice"}

    @api.model
    def _error_message(self, exc):
        # The message as raised: already in the user's language.
        return str(exc.args[0]) if exc.args else str(exc)

    def _line_values(self, order, state, message, readable=True):
        return {
            "batch_id": self.id,
            # An order this user may not read is named by its number only.
            "order_id": order.id if readable else False,
            "order_name": order.name if readable else f"#{order.id}",
            "state": state,
            "message": message,
        }

    def _action_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": dict(self._fields["operation"]._description_selection(self.env)).get(self.operation),
            "context": {k: v for k, v in self.env.context.items() if not k.startswith("default_")},
        }

    def _run_confirm(self, order):
        if order.state == "cancel":
            raise UserError(_("%s is cancelled; set it back to quotation first.", order.name))
        if order.state == "sale":
            raise UserError(_("%s is already confirmed.", order.name))
        order.action_confirm()
        return "done", _("Confirmed: %s", "; ".join(order._tile_confirm_summary()))

    def _run_send(self, order):
        if order.state == "cancel":
            raise UserError(_("%s is cancelled; there is nothing to send.", order.name))
        email = order.partner_id.email
        if not email:
            raise UserError(
                _(
                    "%(customer)s has no e-mail address; add it on the customer, then send again.",
                    customer=order.partner_id.display_name,
                )
            )
        # Odoo's own template: the quotation's, or the order confirmation's for confirmed orders.
        template = order._find_mail_template()
        if not template:
            raise UserError(_("No e-mail template for sales orders is set up; ask your administrator."))
        order._portal_ensure_token()
        # mark_so_as_sent: the quotation becomes "sent", as with Odoo's Send button.
        order.with_context(mark_so_as_sent=True).message_post_with_source(
            template,
            email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
            subtype_xmlid="mail.mt_comment",
        )
        return "done", _("Sent to %s", email)

    def _run_print_quotation(self, order):
        return "done", _("Quotation / order to print")

    def _run_print_delivery(self, order):
        slips = self._delivery_slips(order)
        if not slips:
            raise UserError(
                _(
                    "%s has no delivery slip yet: confirm the order first (products to deliver only).",
                    order.name,
                )
            )
        return "done", _("%s delivery slip(s) to print", len(slips))

    def _run_print_invoice(self, order):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                _("Printing invoices needs the Invoicing access right (Billing); ask your administrator.")
            )
        invoices = self._posted_invoices(order)
        if not invoices:
            raise UserError(_("%s has no posted invoice yet.", order.name))
        return "done", _("%s invoice(s) to print", len(invoices))

    @api.model
    def _delivery_slips(self, orders):
        return orders.picking_ids.filtered(
            lambda picking: picking.picking_type_code == "outgoing" and picking.state != "cancel"
        )

    @api.model
    def _posted_invoices(self, orders):
        return orders.invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type in ("out_invoice", "out_refund")
        )

    # ------------------------------------------------------------------ results

    def _records_to_print(self):
        """The orders, delivery slips or invoices of the orders that were done."""
        self.ensure_one()
        orders = self.line_ids.filtered(lambda line: line.state == "done").order_id
        if self.operation == "print_delivery":
            return self._delivery_slips(orders)
        if self.operation == "print_invoice":
            return self._posted_invoices(orders)
        return orders

    def action_download(self):
        """One PDF of the orders done, printed with Odoo's own report."""
        self.ensure_one()
        if not self.can_download:
            raise UserError(_("Nothing to print: no order of this batch was done."))
        report = self.env.ref(PRINT_REPORTS[self.operation])
        return report.report_action(self._records_to_print(), config=False)

    def action_open_orders(self):
        """The orders of the batch in a list, e.g. to look into the refused ones."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "name": _("Orders of the Batch"),
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.line_ids.order_id.ids)],
        }

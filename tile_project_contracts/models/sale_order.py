from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_inventory import allocation
from odoo.addons.tile_order_base import tile_bounds, tile_math

from .. import contract_math

CONTRACT_STATES = [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")]


class SaleOrder(models.Model):
    """A project contract is a quotation that is never delivered itself: it is activated,
    and its phases are called off as ordinary sale orders (call-offs) at its prices."""

    _inherit = "sale.order"

    tile_is_contract = fields.Boolean("Project Contract", readonly=True, copy=True)
    tile_project_id = fields.Many2one(
        "project.project",
        "Construction Project",
        index="btree_not_null",
        domain=[("tile_is_site", "=", True)],
        tracking=True,
    )
    tile_contract_id = fields.Many2one(
        "sale.order",
        "Contract",
        index="btree_not_null",
        readonly=True,
        copy=False,
        domain=[("tile_is_contract", "=", True)],
    )
    tile_phase_id = fields.Many2one("tile.project.phase", "Phase", index="btree_not_null", copy=False)
    tile_calloff_ids = fields.One2many("sale.order", "tile_contract_id", "Call-offs")
    # No default: the column stays empty on every order that is not a contract.
    tile_contract_state = fields.Selection(
        CONTRACT_STATES, "Contract Status", readonly=True, copy=False, tracking=True
    )
    tile_advance_percent = fields.Float("Advance (%)", digits=(16, 2), tracking=True)
    tile_retention_percent = fields.Float("Retention (%)", digits=(16, 2), tracking=True)
    tile_warranty_end = fields.Date(
        "Warranty Ends", tracking=True, help="Retention is released by its own invoice after this date."
    )
    tile_overcall_reason = fields.Char(
        "Over-call Allowed Because",
        copy=False,
        groups="tile_project_contracts.group_tile_project_manager",
        help="Set by a project manager to confirm a call-off beyond the contracted quantity.",
    )
    tile_contract_move_line_ids = fields.One2many(
        "account.move.line", "tile_contract_id", "Advance and Retention Items", readonly=True
    )
    tile_calloff_count = fields.Integer("Call-off Count", compute="_compute_tile_contract_amounts")
    tile_called_off_amount = fields.Monetary("Called Off", compute="_compute_tile_contract_amounts")
    tile_invoiced_amount = fields.Monetary("Invoiced", compute="_compute_tile_contract_amounts")
    tile_paid_amount = fields.Monetary("Paid", compute="_compute_tile_contract_amounts")
    tile_advance_invoiced = fields.Monetary("Advance Invoiced", compute="_compute_tile_contract_amounts")
    tile_advance_deducted = fields.Monetary("Advance Deducted", compute="_compute_tile_contract_amounts")
    tile_retained = fields.Monetary("Retention Withheld", compute="_compute_tile_contract_amounts")
    tile_retention_released = fields.Monetary("Retention Released", compute="_compute_tile_contract_amounts")
    tile_hide_prices = fields.Boolean(
        "Hide Prices",
        compute="_compute_tile_hide_prices",
        help="Warehouse staff open call-offs from their deliveries; they see what to deliver, not prices.",
    )

    @api.model
    def _tile_bounds(self):
        return dict(
            super()._tile_bounds(),
            tile_advance_percent=tile_bounds.PERCENT,
            tile_retention_percent=tile_bounds.PERCENT,
        )

    @api.depends("tile_is_contract", "tile_contract_id")
    @api.depends_context("uid")
    def _compute_tile_hide_prices(self):
        sees_prices = self.env.user.has_group("sales_team.group_sale_salesman") or self.env.user.has_group(
            "account.group_account_invoice"
        )
        for order in self:
            order.tile_hide_prices = not sees_prices and bool(
                order.tile_is_contract or order.tile_contract_id
            )

    @api.depends(
        "tile_calloff_ids.state",
        "tile_calloff_ids.amount_untaxed",
        "tile_calloff_ids.invoice_ids.state",
        "tile_calloff_ids.invoice_ids.amount_residual",
        "tile_contract_move_line_ids.parent_state",
        "tile_contract_move_line_ids.price_subtotal",
        "tile_contract_move_line_ids.move_id.amount_residual",
    )
    def _compute_tile_contract_amounts(self):
        # Sudo: whoever may read the contract reads its totals, invoices they may not open included.
        for order in self:
            contract = order.sudo()
            if not order.tile_is_contract:
                order.update(
                    {
                        "tile_calloff_count": 0,
                        "tile_called_off_amount": 0.0,
                        "tile_invoiced_amount": 0.0,
                        "tile_paid_amount": 0.0,
                        "tile_advance_invoiced": 0.0,
                        "tile_advance_deducted": 0.0,
                        "tile_retained": 0.0,
                        "tile_retention_released": 0.0,
                    }
                )
                continue
            posted = contract.tile_contract_move_line_ids.filtered(lambda aml: aml.parent_state == "posted")
            by_role = {}
            for aml in posted:
                # Advance and release lines are positive, deductions and retention negative.
                by_role[aml.tile_contract_role] = by_role.get(aml.tile_contract_role, 0.0) + abs(
                    aml.price_subtotal
                )
            calloffs = contract.tile_calloff_ids.filtered(lambda so: so.state == "sale")
            invoices = calloffs.invoice_ids.filtered(lambda m: m.state == "posted")
            own_invoices = posted.filtered(
                lambda aml: aml.tile_contract_role in ("advance", "retention_release")
            ).move_id
            order.tile_calloff_count = len(contract.tile_calloff_ids)
            order.tile_called_off_amount = sum(calloffs.mapped("amount_untaxed"))
            order.tile_invoiced_amount = sum(
                line.price_subtotal
                for line in invoices.invoice_line_ids
                if line.sale_line_ids and not line.tile_contract_role
            )
            order.tile_paid_amount = sum(
                (move.amount_total - move.amount_residual) * (-1 if move.move_type == "out_refund" else 1)
                for move in invoices | own_invoices
            )
            order.tile_advance_invoiced = by_role.get("advance", 0.0)
            order.tile_advance_deducted = by_role.get("advance_deduction", 0.0)
            order.tile_retained = by_role.get("retention", 0.0)
            order.tile_retention_released = by_role.get("retention_release", 0.0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("tile_is_contract") or self.env.context.get("default_tile_is_contract"):
                vals.setdefault("tile_contract_state", "draft")
        return super().create(vals_list)

    # Contracts -------------------------------------------------------------------

    def action_confirm(self):
        contracts = self.filtered("tile_is_contract")
        if contracts:
            raise UserError(
                _(
                    "%s is a project contract: it is not delivered itself. Activate it, then call off "
                    "its phases from the project.",
                    ", ".join(contracts.mapped("name")),
                )
            )
        calloffs = self.filtered("tile_contract_id")
        calloffs._tile_check_calloff()
        res = super().action_confirm()
        calloffs.tile_contract_id._tile_check_shade_cover()
        return res

    def action_tile_activate(self):
        """Sign the contract: its prices and quantities become what call-offs draw on."""
        for contract in self:
            if not contract.tile_is_contract or contract.tile_contract_state != "draft":
                raise UserError(_("Only a draft project contract can be activated."))
            if not contract.tile_project_id:
                raise UserError(_("Set the construction project of %s first.", contract.name))
            if not contract.order_line.filtered(lambda sol: sol.tile_is_tile and not sol.display_type):
                raise UserError(_("%s has no tile line to call off.", contract.name))
            contract.write({"tile_contract_state": "active", "state": "sent"})
            contract._tile_hold_project_shades()
            if contract.tile_retention_percent and contract.tile_warranty_end:
                contract.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=contract.tile_warranty_end,
                    summary=_("Release the retention of %s", contract.name),
                    note=_("The warranty ends: invoice the retention held back (Release Retention)."),
                    user_id=(contract.tile_project_id.user_id or contract.user_id or self.env.user).id,
                )
        return True

    # One shade for the project ------------------------------------------------------

    def _tile_project_lines(self):
        """Contract lines whose tile is stocked by lot, the ones a shade is held for."""
        return self.order_line.filtered(
            lambda sol: not sol.display_type and sol.tile_is_tile and sol.product_id.tracking == "lot"
        )

    def _tile_project_holds(self):
        return (
            self.env["tile.stock.hold"]
            .sudo()
            .search([("contract_line_id", "in", self.order_line.ids), ("state", "=", "active")])
        )

    def _tile_hold_until(self):
        """End of a project hold: the last planned phase, else the contract's validity, else a year."""
        self.ensure_one()
        ends = (
            self.env["tile.project.phase"]
            .sudo()
            .search([("project_id", "=", self.tile_project_id.id)])
            .mapped("date_end")
        )
        return max(ends or [self.validity_date or fields.Date.add(fields.Date.context_today(self), years=1)])

    def _tile_hold_project_shades(self):
        """Hold, for each lot-stocked tile of the contract, the one shade group that covers
        all its remaining quantity; when none does, tell the project manager instead of mixing."""
        self.ensure_one()
        lines = self._tile_project_lines()
        if not lines:
            return
        options = self._tile_lot_options(lines.product_id)
        holds = self.env["tile.stock.hold"].sudo()
        for line in lines:
            pieces = line.tile_remaining_pieces or int(line.product_uom_qty)
            choice = allocation.choose_group(options[line.product_id], pieces)
            if not choice:
                self._tile_warn_shade(line, pieces, options[line.product_id])
                continue
            key, plan = choice
            per_box = line.product_id.tile_pieces_per_box
            for lot_id, qty in plan:
                boxes = int(qty // per_box)
                if boxes:
                    holds |= holds.create(
                        {
                            "lot_id": lot_id,
                            "partner_id": self.partner_id.commercial_partner_id.id,
                            "user_id": self.user_id.id or self.env.user.id,
                            "company_id": self.company_id.id,
                            "boxes": boxes,
                            "date_expire": self._tile_hold_until(),
                            "project_id": self.tile_project_id.id,
                            "contract_line_id": line.id,
                        }
                    )
            shade = key.split(allocation.KEY_SEPARATOR)
            self.message_post(
                body=_(
                    "%(tile)s: shade %(shade)s, caliber %(caliber)s held for the whole project (%(m2)s m²).",
                    tile=line.product_id.display_name,
                    shade=shade[0] or "-",
                    caliber=shade[1] or "-",
                    m2=tile_math.fmt_qty(line._tile_m2(pieces)),
                )
            )
        return holds

    def _tile_shade_cover(self, line):
        """Pieces the held shade group of ``line`` can still give the project."""
        held_lots = self._tile_project_holds().filtered(lambda hold: hold.contract_line_id == line).lot_id
        if not held_lots:
            return None
        keys = set(held_lots.mapped("tile_shade_group"))
        options = self._tile_lot_options(line.product_id)[line.product_id]
        return sum(opt.free for opt in options if opt.group in keys and opt.free > 0)

    def _tile_check_shade_cover(self):
        """Warn the project manager at once when a held shade no longer covers what is left."""
        for contract in self.filtered(lambda so: so.tile_contract_state == "active"):
            for line in contract._tile_project_lines():
                remaining = line.tile_remaining_pieces
                cover = contract._tile_shade_cover(line)
                if cover is None or remaining <= 0 or cover >= remaining:
                    continue
                options = contract._tile_lot_options(line.product_id)[line.product_id]
                contract._tile_warn_shade(line, remaining, options, cover=cover)

    def _tile_warn_shade(self, line, pieces, options, cover=None):
        """Chatter note and activity for the project manager with the ways out, never a silent mix."""
        self.ensure_one()
        m2 = line._tile_m2
        others = [
            _(
                "shade %(shade)s caliber %(caliber)s: %(m2)s m²",
                shade=group.key.split(allocation.KEY_SEPARATOR)[0] or "-",
                caliber=group.key.split(allocation.KEY_SEPARATOR)[1] or "-",
                m2=tile_math.fmt_qty(m2(int(group.free))),
            )
            for group in allocation.best_groups(options)
        ]
        if cover is None:
            summary = _("No single shade covers %s", line.product_id.display_name)
            what = _(
                "No single shade group of %(tile)s covers the %(m2)s m² of the contract, so none is held.",
                tile=line.product_id.display_name,
                m2=tile_math.fmt_qty(m2(pieces)),
            )
        else:
            summary = _("Held shade short for %s", line.product_id.display_name)
            what = _(
                "The shade held for %(tile)s covers %(cover)s m² but %(m2)s m² are still to call off.",
                tile=line.product_id.display_name,
                cover=tile_math.fmt_qty(m2(int(cover))),
                m2=tile_math.fmt_qty(m2(pieces)),
            )
        body = _(
            "%(what)s Options: wait for the same shade still in production; take the nearest shade "
            "(largest groups in stock: %(groups)s); or split by building, one shade per building.",
            what=what,
            groups="; ".join(others) or _("none"),
        )
        self.message_post(body=body)
        manager = self.tile_project_id.user_id or self.user_id or self.env.user
        already = self.activity_ids.filtered(lambda act: act.summary == summary and act.user_id == manager)
        if not already:
            self.activity_schedule(
                "mail.mail_activity_data_warning", summary=summary, note=body, user_id=manager.id
            )

    @api.model
    def _cron_tile_check_shade_cover(self):
        self.search(
            [("tile_is_contract", "=", True), ("tile_contract_state", "=", "active")]
        )._tile_check_shade_cover()

    def action_tile_check_shades(self):
        self._tile_check_shade_cover()
        return True

    def _tile_own_holds(self, products):
        # A project's holds serve that project's call-offs only, not the customer's other orders.
        holds = super()._tile_own_holds(products)
        return holds.filtered(lambda hold: not hold.project_id or hold.project_id == self.tile_project_id)

    def _tile_consume_holds(self, holds, lines):
        # A project hold shrinks by what each call-off takes; it lasts until the project ends.
        project_holds = holds.filtered("project_id")
        res = super()._tile_consume_holds(holds - project_holds, lines)
        for hold in project_holds:
            taken = sum(
                lines.filtered(lambda sol, lot=hold.lot_id: sol.lot_id == lot).mapped("product_uom_qty")
            )
            if not taken:
                continue
            left = int(max(0.0, hold.quantity - taken) // hold.product_id.tile_pieces_per_box)
            hold.write({"boxes": left} if left else {"state": "done"})
        return res

    def action_tile_close(self):
        self.filtered(lambda so: so.tile_contract_state == "active").tile_contract_state = "closed"
        return True

    def _tile_contract_account(self, field):
        account = self.company_id[field]
        if not account:
            raise UserError(
                _(
                    "Set the contract advance and retention accounts of %s in "
                    "Sales › Settings › Tile Projects.",
                    self.company_id.name,
                )
            )
        return account

    def _tile_contract_invoice(self, role, label, amount, account):
        """A draft customer invoice of one contract line (advance or retention release)."""
        self.ensure_one()
        return self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.partner_invoice_id.id,
                "company_id": self.company_id.id,
                "currency_id": self.currency_id.id,
                "invoice_origin": self.name,
                "invoice_payment_term_id": self.payment_term_id.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": label,
                            "quantity": 1,
                            "price_unit": amount,
                            "account_id": account.id,
                            "tax_ids": [Command.clear()],
                            "tile_contract_id": self.id,
                            "tile_contract_role": role,
                        }
                    )
                ],
            }
        )

    def _tile_deduction_line(self, role, label, amount, account_field):
        """Invoice line command taking ``amount`` back on the contract's ``account_field``."""
        self.ensure_one()
        return Command.create(
            {
                "name": label,
                "quantity": 1,
                "price_unit": -amount,
                "account_id": self._tile_contract_account(account_field).id,
                "tax_ids": [Command.clear()],
                "tile_contract_id": self.id,
                "tile_contract_role": role,
            }
        )

    @api.model
    def _tile_open_form(self, record):
        """The window action opening ``record`` (an invoice, a call-off) in its form."""
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "views": [(False, "form")],
        }

    @api.model
    def _tile_calloffs_action(self, domain):
        """The list of the call-offs in ``domain`` (of a contract, a project or a phase)."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Call-offs"),
            "res_model": "sale.order",
            "view_mode": "list,form",
            "domain": domain,
        }

    def action_tile_invoice_advance(self):
        """Invoice the advance payment: its share of the contract, on the advance account."""
        self.ensure_one()
        if self.tile_contract_state != "active" or not self.tile_advance_percent:
            raise UserError(
                _("Only an active contract with an advance percentage has an advance to invoice.")
            )
        amount = self.currency_id.round(contract_math.share(self.amount_untaxed, self.tile_advance_percent))
        left = amount - self.tile_advance_invoiced
        if self.currency_id.compare_amounts(left, 0) <= 0:
            raise UserError(_("The advance of %s is invoiced already.", self.name))
        move = self._tile_contract_invoice(
            "advance",
            _(
                "Advance payment %(percent)s %% of contract %(contract)s",
                percent=self.tile_advance_percent,
                contract=self.name,
            ),
            left,
            self._tile_contract_account("tile_advance_account_id"),
        )
        self.message_post(body=_("Advance invoice %s created.", move.display_name))
        return self._tile_open_form(move)

    def action_tile_release_retention(self):
        """Invoice the retention held back, once the warranty is over."""
        self.ensure_one()
        due = self.tile_retained - self.tile_retention_released
        if self.currency_id.compare_amounts(due, 0) <= 0:
            raise UserError(_("No retention of %s is waiting to be released.", self.name))
        if self.tile_warranty_end and self.tile_warranty_end > fields.Date.context_today(self):
            raise UserError(
                _(
                    "The warranty of %(contract)s runs until %(date)s.",
                    contract=self.name,
                    date=self.tile_warranty_end,
                )
            )
        move = self._tile_contract_invoice(
            "retention_release",
            _("Retention released, contract %s", self.name),
            due,
            self._tile_contract_account("tile_retention_account_id"),
        )
        self.message_post(body=_("Retention release invoice %s created.", move.display_name))
        return self._tile_open_form(move)

    def action_tile_calloffs(self):
        self.ensure_one()
        return self._tile_calloffs_action([("tile_contract_id", "=", self.id)])

    # Call-offs -------------------------------------------------------------------

    def _tile_check_calloff(self):
        """Every tile line of a call-off draws on its contract, and never beyond it unless
        a project manager gave the reason."""
        for order in self:
            contract = order.tile_contract_id
            if contract.tile_contract_state != "active":
                raise UserError(
                    _("Contract %s is not active: activate it before calling off.", contract.name)
                )
            overs = []
            for line in order.order_line.filtered(lambda sol: sol.tile_is_tile and not sol.display_type):
                if not line.tile_contract_line_id:
                    match = contract.order_line.filtered(lambda cl, p=line.product_id: cl.product_id == p)[:1]
                    if not match:
                        raise UserError(
                            _(
                                "%(tile)s is not in contract %(contract)s: call off only its tiles.",
                                tile=line.product_id.display_name,
                                contract=contract.name,
                            )
                        )
                    line.tile_contract_line_id = match
                contract_line = line.tile_contract_line_id
                before = sum(
                    other.product_uom_qty
                    for other in contract_line.tile_calloff_line_ids
                    if other.order_id != order and other.state == "sale"
                )
                over = contract_math.over_call(contract_line.product_uom_qty, before, line.product_uom_qty)
                if over:
                    overs.append((line, over))
            if not overs:
                continue
            described = ", ".join(
                _(
                    "%(tile)s: %(m2)s m² beyond the contract",
                    tile=line.product_id.display_name,
                    m2=tile_math.fmt_qty(
                        tile_math.m2_from_pieces(over, line.tile_pieces_per_box, line.tile_m2_per_box)
                    ),
                )
                for line, over in overs
            )
            reason = order.sudo().tile_overcall_reason
            if not reason:
                raise UserError(
                    _(
                        "%(order)s calls off more than contract %(contract)s holds (%(what)s). A project "
                        "manager can allow it by giving the reason in 'Over-call Allowed Because'.",
                        order=order.name,
                        contract=contract.name,
                        what=described,
                    )
                )
            message = _(
                "Over-call on %(order)s allowed: %(what)s. Reason: %(reason)s",
                order=order.name,
                what=described,
                reason=reason,
            )
            order.message_post(body=message)
            contract.message_post(body=message)

    def _create_invoices(self, grouped=False, final=False, date=None):
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        for move in moves:
            move._tile_add_contract_lines()
        return moves

    def _tile_shift_commitment(self, days):
        """Move the promised delivery date of open call-offs by ``days`` (phase re-planned)."""
        for order in self.filtered(lambda so: so.state in ("draft", "sent", "sale")):
            if order.commitment_date:
                order.commitment_date = order.commitment_date + relativedelta(days=days)

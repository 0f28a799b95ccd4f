from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_order_base import tile_math

from .. import review

APPROVAL_ACTIVITY = "tile_order_review.mail_activity_type_order_approval"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    tile_review_state = fields.Selection(
        [("waiting", "Waiting for Approval"), ("approved", "Approved"), ("rejected", "Rejected")],
        "Review",
        copy=False,
        readonly=True,
        index="btree_not_null",
        tracking=True,
        help="Set when the order broke a review rule on confirmation: it waits for an approver, "
        "and is only confirmed (then delivered and invoiced) once every reason is approved.",
    )
    tile_review_reason_ids = fields.One2many("tile.review.reason", "order_id", "Review Reasons", copy=False)
    tile_review_approver_ids = fields.Many2many(
        "res.users",
        "tile_review_order_approver_rel",
        "order_id",
        "user_id",
        "Approvers",
        compute="_compute_tile_review_approver_ids",
        store=True,
        help="Who still has to decide on this order.",
    )
    tile_review_can_decide = fields.Boolean(compute="_compute_tile_review_can_decide")

    @api.depends("tile_review_reason_ids.state", "tile_review_reason_ids.approver_id")
    def _compute_tile_review_approver_ids(self):
        for order in self:
            pending = order.tile_review_reason_ids.filtered(lambda r: r.state == "pending")
            order.tile_review_approver_ids = pending.approver_id

    @api.depends_context("uid")
    @api.depends("tile_review_state", "tile_review_approver_ids", "user_id")
    def _compute_tile_review_can_decide(self):
        for order in self:
            order.tile_review_can_decide = (
                order.tile_review_state == "waiting" and not order._tile_review_refusal()
            )

    # Confirmation ------------------------------------------------------

    def action_confirm(self):
        # Orders that break a rule wait for an approver instead; the others go through at once.
        held = self.browse()
        rules = {}
        for order in self.filtered(lambda so: so.state in ("draft", "sent")):
            if order.company_id not in rules:
                rules[order.company_id] = order._tile_review_rules()
            if order._tile_review_hold(rules[order.company_id]):
                held |= order
        to_confirm = self - held
        if not to_confirm:
            return True
        return super(SaleOrder, to_confirm).action_confirm()

    def _tile_review_rules(self):
        return self.env["tile.review.rule"].sudo().search([("company_id", "=", self.company_id.id)])

    def _tile_review_facts(self, rules):
        """The order as plain facts for review.breaches; costly figures only when a rule needs them."""
        self.ensure_one()
        company = self.company_id
        date = self.date_order or fields.Datetime.now()

        def in_company_currency(amount):
            if self.currency_id == company.currency_id:
                return amount
            return self.currency_id._convert(amount, company.currency_id, company, date)

        lines = []
        for line in self.order_line:
            if line.display_type or not line.product_id:
                continue
            m2 = line.tile_m2 if line.tile_is_tile else 0.0
            tmpl = line.product_id.product_tmpl_id
            lines.append(
                review.LineFacts(
                    line_id=line.id,
                    product_tmpl_id=tmpl.id,
                    series_id=tmpl.tile_series_id.id,
                    m2=m2,
                    price_m2=in_company_currency(line.price_subtotal) / m2 if m2 else 0.0,
                    discount=line.discount,
                )
            )
        types = set(rules.mapped("rule_type"))
        salesperson = self.user_id or self.env.user
        return review.OrderFacts(
            lines=tuple(lines),
            salesperson_group_ids=frozenset(salesperson.groups_id.ids),
            partner_category_ids=frozenset(
                (self.partner_id.category_id | self.partner_id.commercial_partner_id.category_id).ids
            ),
            m2=self.tile_total_m2,
            amount=in_company_currency(self.amount_untaxed),
            credit_warning=self._tile_review_credit_warning() if review.CREDIT in types else "",
            overdue_amounts=self._tile_review_overdue(
                set(rules.filtered(lambda r: r.rule_type == review.OVERDUE).mapped("overdue_days"))
            ),
            mixes_shades=bool((self.tile_split_reason or "").strip()),
            split_reason=self.tile_split_reason or "",
        )

    def _tile_review_credit_warning(self):
        """Odoo's own credit limit check of the customer, with this order counted, as on the form."""
        order = self.with_company(self.company_id).sudo()
        # Odoo adds up the receivables before it looks at the limit: no limit, nothing to add up.
        if not order.partner_id.commercial_partner_id.credit_limit:
            return ""
        return self.env["account.move"]._build_credit_warning_message(
            order, current_amount=order.amount_total / (order.currency_rate or 1.0)
        )

    def _tile_review_overdue(self, days_set):
        """{days: receivable of the customer overdue by more than days}, from the journal items
        Odoo's follow-up reads: posted, unreconciled receivables past their due date."""
        if not days_set:
            return {}
        today = fields.Date.context_today(self)
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search_read(
                [
                    ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
                    ("company_id", "=", self.company_id.id),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("date_maturity", "<", today - timedelta(days=min(days_set))),
                ],
                ["date_maturity", "amount_residual"],
            )
        )
        return {
            days: sum(
                line["amount_residual"]
                for line in lines
                if line["date_maturity"] < today - timedelta(days=days)
            )
            for days in days_set
        }

    def _tile_review_hold(self, rules=None):
        """Check the order against its company's rules; True when it must wait for approval."""
        self.ensure_one()
        if rules is None:
            rules = self._tile_review_rules()
        if not rules:
            return False
        found = review.breaches(self._tile_review_facts(rules), rules._facts())
        reasons = self.tile_review_reason_ids
        approved = set(reasons.filtered(lambda r: r.state == "approved").mapped("key"))
        todo = review.pending(found, approved)
        if not todo:
            if found:
                self.tile_review_state = "approved"
            return False
        waiting_keys = set(reasons.filtered(lambda r: r.state == "pending").mapped("key"))
        if self.tile_review_state == "waiting" and {breach.key for breach in todo} == waiting_keys:
            return True  # Confirmed again with nothing changed: the approvers already know.
        self._tile_review_open(todo, rules)
        return True

    def _tile_review_open(self, todo, rules):
        """Put the order in 'waiting for approval': reasons, one activity and one e-mail per approver."""
        rules_by_id = {rule.id: rule for rule in rules}
        Reason = self.env["tile.review.reason"].sudo()
        self.tile_review_reason_ids.sudo().filtered(lambda r: r.state != "approved").unlink()
        self._tile_review_close_activities(unlink=True)
        vals_list = []
        for breach in todo:
            rule = rules_by_id[breach.rule_id]
            vals_list.append(
                {
                    "order_id": self.id,
                    "rule_id": rule.id,
                    "line_id": breach.line_id or False,
                    "key": breach.key,
                    "message": self._tile_review_message(breach, rule),
                    "approver_id": self._tile_review_approver(rule).id,
                }
            )
        reasons = Reason.create(vals_list)
        self.tile_review_state = "waiting"
        listing = reasons._tile_listing()
        for approver in reasons.approver_id:
            # The e-mail below (with its Approve button) tells the approver: no second one.
            self.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                APPROVAL_ACTIVITY,
                user_id=approver.id,
                note=listing,
                summary=self.env._("Approve or reject %s", self.name),
            )
        self.message_post(
            body=Markup("%s%s")
            % (
                self.env._("Waiting for approval by %s:", ", ".join(reasons.approver_id.mapped("name"))),
                listing,
            ),
            partner_ids=reasons.approver_id.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _tile_review_message(self, breach, rule):
        """The reason as the approver reads it, in the current user's language."""
        _ = self.env._
        line = self.env["sale.order.line"].browse(breach.line_id)
        currency = self.company_id.currency_id
        if rule.rule_type == review.FLOOR:
            return _(
                "%(tile)s: %(price)s per m² is below the floor price of %(floor)s per m² (%(rule)s).",
                tile=line.product_id.display_name,
                price=currency.format(breach.value),
                floor=currency.format(breach.limit),
                rule=rule.name,
            )
        if rule.rule_type == review.DISCOUNT:
            discount, limit = tile_math.fmt_qty(breach.value), tile_math.fmt_qty(breach.limit)
            return _(
                "%(tile)s: a %(discount)s %% discount is above the %(limit)s %% allowed to %(group)s.",
                tile=line.product_id.display_name,
                discount=discount,
                limit=limit,
                group=rule.group_id.full_name,
            )
        if rule.rule_type == review.CREDIT:
            return breach.text
        if rule.rule_type == review.OVERDUE:
            return _(
                "%(customer)s has %(amount)s overdue for more than %(days)s days.",
                customer=self.partner_id.commercial_partner_id.name,
                amount=currency.format(breach.value),
                days=int(breach.limit),
            )
        if rule.rule_type == review.SHADE:
            return _("The order asks to mix shade groups: %s", breach.text)
        if breach.key.startswith(f"{review.SIZE}:m2"):
            return _(
                "Large order: %(m2)s m² (approval from %(limit)s m²).",
                m2=tile_math.fmt_qty(breach.value),
                limit=tile_math.fmt_qty(breach.limit),
            )
        return _(
            "Large order: %(amount)s untaxed (approval from %(limit)s).",
            amount=currency.format(breach.value),
            limit=currency.format(breach.limit),
        )

    def _tile_review_approver(self, rule):
        """The rule's approver, else the sales team's leader, else the company's default approver."""
        group = self.env.ref("tile_order_review.group_order_approver")
        salesperson = self.user_id
        for candidate in (rule.approver_id, self.team_id.user_id, self.company_id.tile_review_approver_id):
            if candidate and candidate != salesperson and group in candidate.groups_id:
                return candidate
        fallback = self.env["res.users"].search(
            [
                ("groups_id", "in", group.id),
                ("company_ids", "in", self.company_id.id),
                ("id", "!=", salesperson.id),
                ("share", "=", False),
            ],
            order="id",
            limit=1,
        )
        if not fallback:
            raise UserError(
                self.env._(
                    "%(order)s breaks a review rule but nobody in %(company)s can approve it. Ask an "
                    "administrator to name a default order approver in Sales settings.",
                    order=self.name,
                    company=self.company_id.name,
                )
            )
        return fallback

    # Decisions -----------------------------------------------------------

    def _tile_review_refusal(self):
        """Why the current user may not decide on this order, or None."""
        self.ensure_one()
        _ = self.env._
        user = self.env.user
        if self.tile_review_state != "waiting":
            return _("%s is not waiting for approval.", self.name)
        if not user.has_group("tile_order_review.group_order_approver"):
            return _("Only order approvers decide on orders waiting for approval (%s).", self.name)
        if user == self.user_id:
            return _("You are the salesperson of %s: another approver decides on it.", self.name)
        if not self._tile_review_mine():
            return _(
                "%(order)s waits for %(approvers)s, not for you.",
                order=self.name,
                approvers=", ".join(self.tile_review_approver_ids.mapped("name")),
            )
        return None

    def _tile_review_mine(self):
        """Reasons the current user decides: their own, or all of them for a sales manager."""
        pending = self.tile_review_reason_ids.filtered(lambda r: r.state == "pending")
        if self.env.user.has_group("sales_team.group_sale_manager"):
            return pending
        return pending.filtered(lambda r: r.approver_id == self.env.user)

    def action_tile_review_approve(self):
        for order in self:
            order._tile_review_approve()
        return True

    def _tile_review_approve(self, done_activities=None):
        """Approve what the current user decides; the order is confirmed once nothing waits."""
        self.ensure_one()
        refusal = self._tile_review_refusal()
        if refusal:
            raise UserError(refusal)
        mine = self._tile_review_mine()
        mine.sudo().write(
            {"state": "approved", "decided_by_id": self.env.uid, "decided_on": fields.Datetime.now()}
        )
        self._tile_review_close_activities(user=self.env.user, skip=done_activities)
        self.message_post(
            body=Markup("%s%s") % (self.env._("Approved by %s:", self.env.user.name), mine._tile_listing()),
            subtype_xmlid="mail.mt_note",
        )
        if not self.tile_review_reason_ids.filtered(lambda r: r.state == "pending"):
            self.action_confirm()

    def _tile_review_reject(self, reason):
        self.ensure_one()
        refusal = self._tile_review_refusal()
        if refusal:
            raise UserError(refusal)
        if not (reason or "").strip():
            raise UserError(self.env._("Write why %s is rejected: the salesperson reads it.", self.name))
        self.tile_review_reason_ids.filtered(lambda r: r.state == "pending").sudo().write(
            {"state": "rejected", "decided_by_id": self.env.uid, "decided_on": fields.Datetime.now()}
        )
        self.tile_review_state = "rejected"
        self._tile_review_close_activities(unlink=True)
        self.message_post(
            body=self.env._(
                "Rejected by %(user)s: %(reason)s", user=self.env.user.name, reason=reason.strip()
            ),
            partner_ids=self.user_id.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _tile_review_close_activities(self, user=None, skip=None, unlink=False):
        activities = self.sudo().activity_ids.filtered(
            lambda act: act.activity_type_id == self.env.ref(APPROVAL_ACTIVITY)
            and (user is None or act.user_id == user)
        )
        if skip:
            activities -= skip
        if unlink:
            activities.unlink()
        else:
            activities.with_context(tile_review_closing=True).action_feedback(feedback=self.env._("Approved"))

    def action_tile_review_reject(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "tile.review.reject",
            "name": self.env._("Reject Orders"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }

    def _action_cancel(self):
        waiting = self.filtered(lambda so: so.tile_review_state == "waiting")
        for order in waiting:
            order._tile_review_close_activities(unlink=True)
        res = super()._action_cancel()
        waiting.tile_review_reason_ids.filtered(lambda r: r.state == "pending").sudo().unlink()
        waiting.tile_review_state = False
        return res

    # E-mail: the approvers' copy of "waiting for approval" carries an Approve button.

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        groups = super()._notify_get_recipients_groups(message, model_description, msg_vals=msg_vals)
        if not self or len(self) != 1 or self.tile_review_state != "waiting":
            return groups
        approvers = self.tile_review_approver_ids.ids
        link = self._notify_get_action_link(
            "controller", controller="/tile_order_review/approve", **dict(msg_vals or {})
        )
        return [
            (
                "tile_order_approvers",
                lambda pdata: pdata["type"] == "user" and pdata["uid"] in approvers,
                # The e-mail's main button: the reasons are in the body, one click approves.
                {
                    "active": True,
                    "button_access": {"url": link, "title": self.env._("Approve")},
                    "has_button_access": True,
                },
            )
        ] + groups

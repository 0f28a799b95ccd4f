from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tile_order_base import tile_math

from .. import review

RULE_TYPES = [
    (review.FLOOR, "Floor Price per m²"),
    (review.DISCOUNT, "Maximum Discount"),
    (review.CREDIT, "Credit Limit"),
    (review.OVERDUE, "Overdue Receivables"),
    (review.SHADE, "Shade Override"),
    (review.SIZE, "Order Size"),
]

# Figures a rule can hold before they reach PostgreSQL: far above any tile order.
MAX_AMOUNT = 1e12
MAX_M2 = 10_000_000
MAX_DAYS = 3650
# What a rule says: its description and its checks follow these.
RULE_FIGURES = (
    "rule_type",
    "product_tmpl_id",
    "tile_series_id",
    "floor_price_m2",
    "group_id",
    "max_discount",
    "overdue_days",
    "overdue_min_amount",
    "min_m2",
    "min_amount",
)


class TileReviewRule(models.Model):
    """One check an order must pass on confirmation, or wait for an approver."""

    _name = "tile.review.rule"
    _description = "Order Review Rule"
    _inherit = ["mail.thread"]
    _order = "company_id, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True, tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    rule_type = fields.Selection(RULE_TYPES, "Check", required=True, default=review.FLOOR, tracking=True)
    product_tmpl_id = fields.Many2one(
        "product.template",
        "Tile",
        domain=[("tile_is_tile", "=", True)],
        tracking=True,
        help="The floor price applies to this tile; a tile's own floor wins over its series' floor.",
    )
    tile_series_id = fields.Many2one(
        "tile.series", "Series", tracking=True, help="The floor price applies to every tile of this series."
    )
    floor_price_m2 = fields.Monetary(
        "Floor Price per m²",
        tracking=True,
        help="Lowest net price per m² (after discount, in the company currency) a salesperson may "
        "sell at without approval.",
    )
    group_id = fields.Many2one(
        "res.groups",
        "Sales Group",
        domain=lambda self: [("category_id", "=", self.env.ref("base.module_category_sales_sales").id)],
        tracking=True,
        help="Salespeople in this group (the order's salesperson) may give up to the maximum "
        "discount; with several groups the most generous limit counts.",
    )
    max_discount = fields.Float("Maximum Discount (%)", digits=(16, 2), tracking=True)
    overdue_days = fields.Integer(
        "Overdue For More Than (days)",
        tracking=True,
        help="Invoices of the customer unpaid this many days after their due date count.",
    )
    overdue_min_amount = fields.Monetary(
        "Overdue Above", tracking=True, help="Overdue amounts up to this figure are tolerated."
    )
    min_m2 = fields.Float("Orders From (m²)", digits=(16, 2), tracking=True)
    min_amount = fields.Monetary(
        "Orders From (Amount)", tracking=True, help="Untaxed, in the company currency."
    )
    partner_category_ids = fields.Many2many(
        "res.partner.category",
        string="Only for Customers Tagged",
        help="Leave empty to check every customer.",
    )
    approver_id = fields.Many2one(
        "res.users",
        domain=lambda self: [("groups_id", "in", self.env.ref("tile_order_review.group_order_approver").id)],
        tracking=True,
        help="Who decides when this rule is broken. Empty: the leader of the order's sales team, "
        "else the company's default approver (Sales settings).",
    )
    description = fields.Char(compute="_compute_description", string="Rule")

    @api.depends(*RULE_FIGURES)
    def _compute_description(self):
        for rule in self:
            rule.description = rule._describe()

    def _describe(self):
        self.ensure_one()
        _ = self.env._
        money = self.currency_id.format if self.currency_id else str
        if self.rule_type == review.FLOOR:
            target = self.product_tmpl_id.display_name or self.tile_series_id.display_name or "?"
            return _(
                "%(target)s: not below %(price)s per m²", target=target, price=money(self.floor_price_m2)
            )
        if self.rule_type == review.DISCOUNT:
            limit = tile_math.fmt_qty(self.max_discount)
            return _(
                "%(group)s: discount up to %(limit)s %%", group=self.group_id.full_name or "?", limit=limit
            )
        if self.rule_type == review.CREDIT:
            return _("Customer within the credit limit (Odoo's credit limit of the customer)")
        if self.rule_type == review.OVERDUE:
            return _(
                "Nothing overdue for more than %(days)s days above %(amount)s",
                days=self.overdue_days,
                amount=money(self.overdue_min_amount),
            )
        if self.rule_type == review.SHADE:
            return _("Orders asking to mix shade groups")
        parts = []
        if self.min_m2:
            m2 = tile_math.fmt_qty(self.min_m2)
            parts.append(_("%s m²", m2))
        if self.min_amount:
            parts.append(money(self.min_amount))
        return _("Orders from %s", _(" or ").join(parts) or "?")

    @api.constrains(*RULE_FIGURES, "approver_id", "company_id")
    def _check_rule(self):
        for rule in self:
            message = rule._rule_error()
            if message:
                raise ValidationError(message)

    def _rule_error(self):
        """Why this rule cannot be used as it stands, or None."""
        _ = self.env._
        name = self.name or ""
        if self.rule_type == review.FLOOR:
            if not self.product_tmpl_id and not self.tile_series_id:
                return _("Rule '%s': choose the tile or the series the floor price is for.", name)
            if not 0 < self.floor_price_m2 <= MAX_AMOUNT:
                return _("Rule '%s': enter a floor price per m² above zero.", name)
        elif self.rule_type == review.DISCOUNT:
            if not self.group_id:
                return _("Rule '%s': choose the sales group whose discount is limited.", name)
            if not 0 <= self.max_discount <= 100:
                return _("Rule '%s': the maximum discount is a percentage between 0 and 100.", name)
        elif self.rule_type == review.OVERDUE:
            if not 0 <= self.overdue_days <= MAX_DAYS:
                return _("Rule '%(name)s': enter between 0 and %(max)s days.", name=name, max=MAX_DAYS)
            if not 0 <= self.overdue_min_amount <= MAX_AMOUNT:
                return _("Rule '%s': the tolerated overdue amount cannot be negative.", name)
        elif self.rule_type == review.SIZE:
            if not self.min_m2 and not self.min_amount:
                return _("Rule '%s': enter the order size in m², as an amount, or both.", name)
            if not (0 <= self.min_m2 <= MAX_M2 and 0 <= self.min_amount <= MAX_AMOUNT):
                return _("Rule '%s': order sizes cannot be negative or absurdly large.", name)
        if self.approver_id and self.company_id not in self.approver_id.company_ids:
            return _(
                "Rule '%(name)s': %(user)s cannot work in %(company)s; choose an approver of this company.",
                name=name,
                user=self.approver_id.name,
                company=self.company_id.name,
            )
        return None

    def _facts(self):
        """The rules as plain RuleFacts for review.breaches."""
        return [
            review.RuleFacts(
                rule_id=rule.id,
                rule_type=rule.rule_type,
                product_tmpl_id=rule.product_tmpl_id.id,
                series_id=rule.tile_series_id.id,
                floor_price_m2=rule.floor_price_m2,
                group_id=rule.group_id.id,
                max_discount=rule.max_discount,
                overdue_days=rule.overdue_days,
                overdue_min_amount=rule.overdue_min_amount,
                min_m2=rule.min_m2,
                min_amount=rule.min_amount,
                partner_category_ids=frozenset(rule.partner_category_ids.ids),
            )
            for rule in self
        ]

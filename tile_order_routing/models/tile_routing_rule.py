from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from .. import routing


class TileRoutingRule(models.Model):
    """Who takes an order and where it ships from, by the customer's region and kind."""

    _name = "tile.routing.rule"
    _description = "Order Routing Rule"
    _order = "company_id, sequence, id"

    name = fields.Char(required=True, help="Says who the rule is for, e.g. 'Guangdong contractors'.")
    sequence = fields.Integer(
        default=10, help="Rules are tried from the top; the first one that matches the order decides."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True, ondelete="cascade"
    )
    # Criteria: a rule matches when every criterion it has matches; leave all empty for the fallback.
    state_ids = fields.Many2many(
        "res.country.state",
        string="Provinces",
        help="The delivery address is in one of these provinces (empty: any province).",
    )
    cities = fields.Text(
        help="The delivery address is in one of these cities, separated by commas or new lines, "
        "e.g. 'Foshan, 佛山, Guangzhou'. Case, spaces and a trailing 市 or 'City' do not matter "
        "(empty: any city).",
    )
    category_ids = fields.Many2many(
        "res.partner.category",
        string="Customer Tags",
        help="The customer has one of these tags, e.g. Contractor, Showroom, Developer (empty: any).",
    )
    partner_kind = fields.Selection(
        [("any", "Companies and individuals"), ("company", "Companies"), ("person", "Individuals")],
        "Customer Type",
        required=True,
        default="any",
        help="Whether the customer is a company or an individual.",
    )
    order_kind = fields.Selection(
        [("any", "Any order"), ("retail", "Retail"), ("project", "Engineering project")],
        "Order Type",
        required=True,
        default="any",
        help="Engineering-project orders are project contracts and orders for a construction project; "
        "all others are retail.",
    )
    # Results.
    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="Sales team given to the matching orders (empty: Odoo's choice stays).",
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        domain="[('company_id', '=', company_id)]",
        help="Warehouse the matching orders ship from (empty: Odoo's choice stays).",
    )
    project_manager_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="For engineering-project orders only: the person in charge of the project. "
        "Also set as the construction project's manager when it has none.",
    )
    is_fallback = fields.Boolean(
        "Fallback",
        compute="_compute_is_fallback",
        help="No criteria: matches every order no rule above took.",
    )
    criteria_summary = fields.Char("Criteria", compute="_compute_criteria_summary")

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()  # _tile_matcher_rules
        self.env["sale.order"]._tile_routing_refresh(rules.company_id)
        return rules

    def write(self, vals):
        companies = self.company_id
        res = super().write(vals)
        self.env.registry.clear_cache()
        self.env["sale.order"]._tile_routing_refresh(companies | self.company_id)
        return res

    def unlink(self):
        companies = self.company_id
        res = super().unlink()
        self.env.registry.clear_cache()
        self.env["sale.order"]._tile_routing_refresh(companies)
        return res

    @api.depends("state_ids", "cities", "category_ids", "partner_kind", "order_kind")
    def _compute_is_fallback(self):
        for rule in self:
            rule.is_fallback = rule._tile_matcher_rule().is_fallback

    @api.depends("state_ids", "cities", "category_ids", "partner_kind", "order_kind")
    def _compute_criteria_summary(self):
        kinds = dict(self._fields["partner_kind"]._description_selection(self.env))
        orders = dict(self._fields["order_kind"]._description_selection(self.env))
        for rule in self:
            parts = []
            if rule.state_ids:
                parts.append(_("province %(names)s", names=" / ".join(rule.state_ids.mapped("name"))))
            if (rule.cities or "").strip():
                parts.append(_("city %(names)s", names=" / ".join(rule._tile_city_list())))
            if rule.category_ids:
                parts.append(_("customer tag %(names)s", names=" / ".join(rule.category_ids.mapped("name"))))
            if rule.partner_kind != "any":
                parts.append(kinds[rule.partner_kind])
            if rule.order_kind != "any":
                parts.append(orders[rule.order_kind])
            rule.criteria_summary = ", ".join(parts) or _("Fallback: every other order")

    def _tile_city_list(self):
        """The cities as typed, for reading back."""
        return [
            part.strip() for part in routing._CITY_LIST_SEPARATOR.split(self.cities or "") if part.strip()
        ]

    @api.model
    @tools.ormcache("company_id")
    def _tile_matcher_rules(self, company_id):
        """The company's active rules as the plain matcher reads them, first one first.

        Cached: every new quotation is routed several times over (team, warehouse, project
        manager, reason), the rules seldom change; create, write and unlink clear it.
        """
        rules = self.sudo().with_context(active_test=True).search([("company_id", "=", company_id)])
        return tuple(rule._tile_matcher_rule() for rule in rules)

    def _tile_matcher_rule(self):
        """This rule as the plain matcher reads it."""
        self.ensure_one()
        return routing.Rule(
            key=self.id,
            state_ids=frozenset(self.state_ids.ids),
            cities=routing.parse_cities(self.cities),
            category_ids=frozenset(self.category_ids.ids),
            partner_kind=self.partner_kind,
            order_kind=self.order_kind,
        )

    @api.constrains("company_id", "team_id", "warehouse_id", "project_manager_id", "order_kind")
    def _check_results(self):
        for rule in self:
            if rule.warehouse_id and rule.warehouse_id.company_id != rule.company_id:
                raise ValidationError(
                    _(
                        "Rule '%(rule)s': warehouse %(warehouse)s belongs to %(other)s, not to %(company)s. "
                        "Choose a warehouse of %(company)s.",
                        rule=rule.name,
                        warehouse=rule.warehouse_id.name,
                        other=rule.warehouse_id.company_id.name,
                        company=rule.company_id.name,
                    )
                )
            if rule.team_id.company_id and rule.team_id.company_id != rule.company_id:
                raise ValidationError(
                    _(
                        "Rule '%(rule)s': sales team %(team)s belongs to %(other)s, not to %(company)s. "
                        "Choose a team of %(company)s or one shared by all companies.",
                        rule=rule.name,
                        team=rule.team_id.name,
                        other=rule.team_id.company_id.name,
                        company=rule.company_id.name,
                    )
                )
            if rule.project_manager_id and rule.order_kind == "retail":
                raise ValidationError(
                    _(
                        "Rule '%(rule)s' is for retail orders, which have no project manager: clear the "
                        "project manager or set the order type to 'Engineering project' or 'Any order'.",
                        rule=rule.name,
                    )
                )
            if rule.project_manager_id and rule.company_id not in rule.project_manager_id.company_ids:
                raise ValidationError(
                    _(
                        "Rule '%(rule)s': %(user)s cannot work in %(company)s; choose a project manager "
                        "of that company.",
                        rule=rule.name,
                        user=rule.project_manager_id.name,
                        company=rule.company_id.name,
                    )
                )
            if not (rule.team_id or rule.warehouse_id or rule.project_manager_id):
                raise ValidationError(
                    _(
                        "Rule '%(rule)s' assigns nothing: choose a sales team, a warehouse or a "
                        "project manager.",
                        rule=rule.name,
                    )
                )

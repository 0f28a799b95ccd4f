from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .. import routing

# What the routing rules look at: a change of any of these routes a quotation again.
ROUTING_DEPENDS = ("partner_id", "partner_shipping_id", "company_id", "tile_is_contract", "tile_project_id")
ROUTABLE_STATES = ("draft", "sent")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # Tracked: who changed the warehouse of a quotation shows in the chatter, as for the team.
    warehouse_id = fields.Many2one(tracking=True)
    tile_project_manager_id = fields.Many2one(
        "res.users",
        "Project Manager",
        compute="_compute_tile_project_manager_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Person in charge of the engineering project this order is for, given by the routing "
        "rule (or the construction project's manager). Retail orders have none.",
    )
    tile_routing_rule_id = fields.Many2one(
        "tile.routing.rule",
        "Routing Rule",
        compute="_compute_tile_routing_rule_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        help="The first routing rule that matches this order (Sales › Configuration › Order Routing).",
    )
    tile_routing_reason = fields.Char(
        "Routing",
        compute="_compute_tile_routing_reason",
        store=True,
        precompute=True,
        help="Why the order has its sales team, warehouse and project manager.",
    )

    # --- matching -------------------------------------------------------------------------

    def _tile_is_project_order(self):
        self.ensure_one()
        return bool(self.tile_is_contract or self.tile_project_id)

    def _tile_routing_address(self):
        self.ensure_one()
        return self.partner_shipping_id or self.partner_id

    def _tile_routing_tags(self):
        """The customer's tags: the contact's and its company's."""
        self.ensure_one()
        return self.partner_id.category_id | self.partner_id.commercial_partner_id.category_id

    def _tile_routing_customer(self):
        """The order as the plain matcher reads it."""
        self.ensure_one()
        address = self._tile_routing_address()
        return routing.Customer(
            state_id=address.state_id.id or None,
            city=address.city or "",
            category_ids=frozenset(self._tile_routing_tags().ids),
            is_company=self.partner_id.commercial_partner_id.is_company,
            is_project=self._tile_is_project_order(),
        )

    # A confirmed order is never routed again: the computes below leave its stored values,
    # as sale_stock's own warehouse compute does.

    def _tile_routing_matches(self):
        """{order: (rule or an empty recordset, criteria met)} for the orders that have a customer."""
        # sudo: rules are configuration a sales manager set; the order's company picks them,
        # whoever creates the order (a salesperson, the website, an import).
        Rule = self.env["tile.routing.rule"].sudo()
        matches = {}
        for order in self:
            if not order.partner_id:
                matches[order] = (Rule, None)
                continue
            rules = Rule._tile_matcher_rules(order.company_id.id)
            found, met = routing.first_match(rules, order._tile_routing_customer())
            matches[order] = (Rule.browse(found.key) if found else Rule, met)
        return matches

    # --- computes: Odoo's choice first, then the rule's ----------------------------------------

    # Base dependencies repeated: an override's @api.depends replaces the parent's.
    @api.depends("user_id", *ROUTING_DEPENDS)
    def _compute_team_id(self):
        res = super()._compute_team_id()
        for order, (rule, _met) in self._tile_routing_matches().items():
            if rule.team_id and order.state in ROUTABLE_STATES:
                order.team_id = rule.team_id
        return res

    @api.depends("user_id", *ROUTING_DEPENDS)
    def _compute_warehouse_id(self):
        res = super()._compute_warehouse_id()
        for order, (rule, _met) in self._tile_routing_matches().items():
            if rule.warehouse_id and order.state in ROUTABLE_STATES:
                order.warehouse_id = rule.warehouse_id
        return res

    @api.depends(*ROUTING_DEPENDS)
    def _compute_tile_project_manager_id(self):
        for order, (rule, _met) in self._tile_routing_matches().items():
            if order.state in ROUTABLE_STATES:
                order.tile_project_manager_id = order._tile_project_manager_from(rule)

    def _tile_project_manager_from(self, rule):
        """The rule's project manager, else the construction project's; none for retail."""
        self.ensure_one()
        if not self._tile_is_project_order():
            return self.env["res.users"]
        return rule.project_manager_id or self.tile_project_id.user_id

    @api.depends(*ROUTING_DEPENDS)
    def _compute_tile_routing_rule_id(self):
        for order, (rule, _met) in self._tile_routing_matches().items():
            # A confirmed order keeps the rule it was routed by.
            if order.state in ROUTABLE_STATES:
                order.tile_routing_rule_id = rule

    @api.depends(
        *ROUTING_DEPENDS, "tile_routing_rule_id", "team_id", "warehouse_id", "tile_project_manager_id"
    )
    def _compute_tile_routing_reason(self):
        for order, (rule, met) in self._tile_routing_matches().items():
            if order.state in ROUTABLE_STATES:
                order.tile_routing_reason = order._tile_routing_explain(rule, met)

    @api.model
    def _tile_routing_refresh(self, companies):
        """After a rule changed: open quotations say which rule matches them now.

        Their team and warehouse stay (nobody's quotation moves under their feet); where
        they differ from the rule's the reason says so, and Route Again applies the rule.
        """
        if not companies:
            return
        # sudo: every open quotation of the company, whoever may read it.
        orders = self.sudo().search([("company_id", "in", companies.ids), ("state", "in", ROUTABLE_STATES)])
        for fname in ("tile_routing_rule_id", "tile_routing_reason"):
            self.env.add_to_compute(self._fields[fname], orders)

    # --- the reason shown on the order ---------------------------------------------------------

    def _tile_routing_explain(self, rule, met):
        """One sentence: what the order got, and from which rule and why."""
        self.ensure_one()
        if not self.partner_id:
            return False
        if not rule:
            return _(
                "No routing rule matches %(facts)s: Odoo's defaults stay (%(assigned)s).",
                facts=self._tile_routing_facts(),
                assigned=self._tile_routing_assigned(rule) or _("no team, no warehouse"),
            )
        if not met:
            return _(
                "%(assigned)s: fallback rule '%(rule)s' (no other rule matches %(facts)s).",
                assigned=self._tile_routing_assigned(rule),
                rule=rule.name,
                facts=self._tile_routing_facts(),
            )
        return _(
            "%(assigned)s: rule '%(rule)s' (%(criteria)s).",
            assigned=self._tile_routing_assigned(rule),
            rule=rule.name,
            criteria=", ".join(self._tile_routing_criteria(rule, met)),
        )

    def _tile_routing_assigned(self, rule):
        """'Team South China, warehouse Foshan, project manager Li Wei', saying what was changed by hand."""
        self.ensure_one()
        parts = []
        for label, value, from_rule in (
            (_("team"), self.team_id, rule.team_id),
            (_("warehouse"), self.warehouse_id, rule.warehouse_id),
            (_("project manager"), self.tile_project_manager_id, self._tile_project_manager_from(rule)),
        ):
            if from_rule and value != from_rule:
                parts.append(
                    _(
                        "%(what)s %(value)s (kept as set; the rule gives %(rule_value)s)",
                        what=label,
                        value=value.name or _("none"),
                        rule_value=from_rule.name,
                    )
                )
            elif value:
                parts.append(f"{label} {value.name}")
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    def _tile_routing_criteria(self, rule, met):
        """The criteria met, with the order's own values: 'province Guangdong, customer tag Contractor'."""
        self.ensure_one()
        address = self._tile_routing_address()
        said = []
        for criterion in met:
            if criterion == "province":
                said.append(_("province %(name)s", name=address.state_id.name))
            elif criterion == "city":
                said.append(_("city %(name)s", name=address.city))
            elif criterion == "tag":
                tags = self._tile_routing_tags() & rule.category_ids
                said.append(_("customer tag %(names)s", names=", ".join(tags.mapped("name"))))
            elif criterion == "kind":
                said.append(_("company") if rule.partner_kind == "company" else _("individual"))
            elif criterion == "order":
                said.append(_("engineering project") if rule.order_kind == "project" else _("retail order"))
        return said

    def _tile_routing_facts(self):
        """What the rules were shown: 'province Sichuan, city Chengdu, individual, retail order'."""
        self.ensure_one()
        address = self._tile_routing_address()
        facts = []
        if address.state_id:
            facts.append(_("province %(name)s", name=address.state_id.name))
        if address.city:
            facts.append(_("city %(name)s", name=address.city))
        tags = self._tile_routing_tags()
        if tags:
            facts.append(_("customer tag %(names)s", names=", ".join(tags.mapped("name"))))
        facts.append(_("company") if self.partner_id.commercial_partner_id.is_company else _("individual"))
        facts.append(_("engineering project") if self._tile_is_project_order() else _("retail order"))
        return ", ".join(facts)

    # --- writing ---------------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders._tile_give_project_its_manager()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if {"tile_project_manager_id", "tile_project_id", "partner_id"} & set(vals):
            self._tile_give_project_its_manager()
        return res

    def _tile_give_project_its_manager(self):
        """A construction project without a manager takes the one routed to its order.

        The project's own 'Project Manager' (user_id) is what Odoo's project app shows and
        notifies; one a person chose is never replaced.
        """
        for order in self.filtered(lambda so: so.tile_project_manager_id and so.tile_project_id):
            project = order.tile_project_id
            if not project.user_id:
                # sudo: a salesperson may not edit projects; the manager comes from a rule
                # a sales manager set, and only an empty field is filled.
                project.sudo().user_id = order.tile_project_manager_id

    def action_tile_route(self):
        """Route Again: the rules' team, warehouse and project manager, replacing hand-made choices."""
        for order in self:
            if order.state not in ROUTABLE_STATES:
                raise UserError(
                    _(
                        "%(order)s is confirmed: its team and warehouse are no longer routed. "
                        "Change them by hand if needed.",
                        order=order.name,
                    )
                )
        for order, (rule, _met) in self._tile_routing_matches().items():
            vals = {
                "tile_routing_rule_id": rule.id,
                "tile_project_manager_id": order._tile_project_manager_from(rule).id,
            }
            if rule.team_id:
                vals["team_id"] = rule.team_id.id
            if rule.warehouse_id:
                vals["warehouse_id"] = rule.warehouse_id.id
            order.write(vals)
        return True

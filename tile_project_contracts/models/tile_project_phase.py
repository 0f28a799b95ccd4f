from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.tile_order_base import tile_math

PHASE_STATES = [
    ("planned", "Planned"),
    ("called_off", "Called Off"),
    ("delivered", "Delivered"),
    ("late", "Late"),
]


class TileProjectPhase(models.Model):
    """A building, floor or stage of a construction project: the tiles it needs and when."""

    _name = "tile.project.phase"
    _description = "Construction Project Phase"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, sequence, date_start, id"

    name = fields.Char("Phase", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("tile_is_site", "=", True)],
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="project_id.partner_id", string="Customer")
    building = fields.Char(help="Building or block, to group the timeline by.")
    date_start = fields.Date("Planned Start", required=True, tracking=True)
    date_end = fields.Date("Planned End", required=True, tracking=True)
    dates_label = fields.Char(
        "Dates", compute="_compute_dates_label", help="Start → end, as the timeline shows it."
    )
    depends_on_ids = fields.Many2many(
        "tile.project.phase",
        "tile_project_phase_dependency_rel",
        "phase_id",
        "depends_on_id",
        string="Starts After",
        domain="[('project_id', '=', project_id), ('id', '!=', id)]",
    )
    line_ids = fields.One2many("tile.project.phase.line", "phase_id", "Planned Tiles", copy=True)
    calloff_ids = fields.One2many("sale.order", "tile_phase_id", "Call-offs")
    calloff_count = fields.Integer("Call-off Count", compute="_compute_calloff_count")
    state = fields.Selection(PHASE_STATES, compute="_compute_progress", search="_search_state")
    planned_m2 = fields.Float("Planned m²", digits=(16, 2), compute="_compute_progress")
    called_off_m2 = fields.Float("Called Off m²", digits=(16, 2), compute="_compute_progress")
    delivered_m2 = fields.Float("Delivered m²", digits=(16, 2), compute="_compute_progress")
    invoiced_m2 = fields.Float("Invoiced m²", digits=(16, 2), compute="_compute_progress")
    remaining_m2 = fields.Float("Remaining m²", digits=(16, 2), compute="_compute_progress")

    _sql_constraints = [
        ("dates_in_order", "CHECK (date_end >= date_start)", "A phase cannot end before it starts."),
    ]

    @api.depends("calloff_ids")
    def _compute_calloff_count(self):
        for phase in self:
            phase.calloff_count = len(phase.calloff_ids)

    @api.depends("line_ids.planned_m2", "line_ids.called_off_m2", "line_ids.delivered_m2", "date_end")
    def _compute_progress(self):
        today = fields.Date.context_today(self)
        saved = self.filtered("id")
        figures = saved._tile_progress_figures() if saved else {}
        for phase in self:
            if phase.id:
                planned, called, delivered, invoiced, remaining, done = figures.get(
                    phase.id, (0.0, 0.0, 0.0, 0.0, 0.0, False)
                )
            else:  # a phase being created in a form: its lines are in memory only
                lines = phase.line_ids
                planned, called, delivered, invoiced, remaining = (
                    sum(lines.mapped(name))
                    for name in ("planned_m2", "called_off_m2", "delivered_m2", "invoiced_m2", "remaining_m2")
                )
                done = bool(lines) and all(line.delivered_pieces >= line.planned_pieces for line in lines)
            phase.planned_m2 = planned
            phase.called_off_m2 = called
            phase.delivered_m2 = delivered
            phase.invoiced_m2 = invoiced
            phase.remaining_m2 = remaining
            if done:
                phase.state = "delivered"
            elif phase.date_end and phase.date_end < today:
                phase.state = "late"
            elif called:
                phase.state = "called_off"
            else:
                phase.state = "planned"

    def _tile_progress_figures(self):
        """{phase id: (planned, called off, delivered, invoiced, remaining m², all delivered)}.

        Two grouped queries for any number of phases: a list of thousands of phases must not
        build a record per phase line (the phase lines' own fields do the same per line).
        """
        self.env["tile.project.phase.line"].flush_model(["phase_id", "contract_line_id", "planned_m2"])
        self.env["sale.order.line"].flush_model(
            ["product_id", "product_uom_qty", "qty_delivered", "qty_invoiced", "state"]
            + ["tile_contract_line_id"]
        )
        self.env["sale.order"].flush_model(["tile_phase_id"])
        self.env["product.template"].flush_model(["tile_pieces_per_box", "tile_m2_per_box"])
        self.env.cr.execute(
            SQL(
                """SELECT l.phase_id, l.contract_line_id, SUM(l.planned_m2),
                          MAX(t.tile_pieces_per_box), MAX(t.tile_m2_per_box)
                     FROM tile_project_phase_line l
                     JOIN sale_order_line cl ON cl.id = l.contract_line_id
                     JOIN product_product p ON p.id = cl.product_id
                     JOIN product_template t ON t.id = p.product_tmpl_id
                    WHERE l.phase_id = ANY(%s)
                 GROUP BY l.phase_id, l.contract_line_id""",
                self.ids,
            )
        )
        planned_rows = self.env.cr.fetchall()
        self.env.cr.execute(
            SQL(
                """SELECT so.tile_phase_id, sol.tile_contract_line_id, SUM(sol.product_uom_qty),
                          SUM(sol.qty_delivered), SUM(sol.qty_invoiced)
                     FROM sale_order_line sol
                     JOIN sale_order so ON so.id = sol.order_id
                    WHERE so.tile_phase_id = ANY(%s) AND sol.tile_contract_line_id IS NOT NULL
                      AND sol.state = 'sale'
                 GROUP BY so.tile_phase_id, sol.tile_contract_line_id""",
                self.ids,
            )
        )
        called = {(phase_id, line_id): rest for phase_id, line_id, *rest in self.env.cr.fetchall()}
        figures = {}
        for phase_id, line_id, planned_m2, per_box, m2_per_box in planned_rows:
            per_box, m2_per_box = per_box or 0, m2_per_box or 0.0
            if not per_box or not m2_per_box:
                continue
            planned_m2 = planned_m2 or 0.0
            planned = tile_math.pieces_from(planned_m2, "m2", per_box, m2_per_box) if planned_m2 > 0 else 0
            sums = called.get((phase_id, line_id), (0, 0, 0))
            ordered, delivered, invoiced = (int(qty or 0) for qty in sums)

            def m2(pieces, per_box=per_box, m2_per_box=m2_per_box):
                return tile_math.m2_from_pieces(pieces, per_box, m2_per_box)

            old = figures.get(phase_id, (0.0, 0.0, 0.0, 0.0, 0.0, True))
            figures[phase_id] = (
                old[0] + planned_m2,
                old[1] + m2(ordered),
                old[2] + m2(delivered),
                old[3] + m2(invoiced),
                old[4] + m2(max(0, planned - ordered)),
                old[5] and delivered >= planned,
            )
        return figures

    def _search_state(self, operator, value):
        if operator not in ("=", "in"):
            raise UserError(_("Search phases by status with 'is' or 'is in' only."))
        values = {value} if operator == "=" else set(value)
        phases = self.search([]).filtered(lambda phase: phase.state in values)
        return [("id", "in", phases.ids)]

    @api.constrains("depends_on_ids")
    def _check_dependencies(self):
        for phase in self:
            if phase in phase.depends_on_ids:
                raise ValidationError(_("Phase %s cannot start after itself.", phase.name))
            if phase.depends_on_ids.project_id - phase.project_id:
                raise ValidationError(_("Phase %s can only follow phases of its own project.", phase.name))
        if self._has_cycle("depends_on_ids"):
            raise ValidationError(_("Phases cannot follow each other in a circle."))

    @api.depends("date_start", "date_end")
    def _compute_dates_label(self):
        for phase in self:
            start, end = phase.date_start, phase.date_end
            phase.dates_label = f"{start:%m-%d} → {end:%m-%d}" if start and end else False

    def write(self, vals):
        if "date_start" in vals:
            # The timeline sends the row a bar was dropped in with its dates, empty when the
            # row is not a project: a phase stays in its project and building.
            vals = {k: v for k, v in vals.items() if k not in ("project_id", "building") or v}
            if vals.get("project_id") and any(phase.project_id.id != vals["project_id"] for phase in self):
                raise UserError(_("A phase stays in its project: move it along its own row."))
        # Re-planning a phase (e.g. by dragging it on the timeline) moves its open call-offs.
        moved = {}
        if "date_start" in vals:
            new_start = fields.Date.to_date(vals["date_start"])
            moved = {phase: (new_start - phase.date_start).days for phase in self if phase.date_start}
        res = super().write(vals)
        for phase, days in moved.items():
            if not days:
                continue
            open_calloffs = phase.calloff_ids.filtered(
                lambda so: so.delivery_status != "full" and so.state != "cancel"
            )
            open_calloffs._tile_shift_commitment(days)
            phase.message_post(
                body=_(
                    "Phase re-planned by %(days)s days; the promised dates of its open call-offs "
                    "(%(calloffs)s) moved with it.",
                    days=days,
                    calloffs=", ".join(open_calloffs.mapped("name")) or _("none"),
                )
            )
        return res

    def action_call_off(self):
        """Create the call-off of this phase with what is still to call off, and open it."""
        self.ensure_one()
        commands = []
        contract = self.env["sale.order"]
        for line in self.line_ids:
            pieces = line._tile_pieces_to_call_off()
            if pieces <= 0:
                continue
            contract |= line.contract_id
            commands.append(
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "tile_contract_line_id": line.contract_line_id.id,
                        "tile_entry_unit": "box",
                        "tile_entry_qty": tile_math.boxes_from_pieces(
                            pieces, line.product_id.tile_pieces_per_box
                        ),
                    }
                )
            )
        if not commands:
            raise UserError(_("Nothing is left to call off for phase %s.", self.name))
        if len(contract) > 1:
            raise UserError(
                _("Phase %s draws on several contracts: call off each contract's tiles apart.", self.name)
            )
        if contract.tile_contract_state != "active":
            raise UserError(_("Contract %s is not active: activate it before calling off.", contract.name))
        project = self.project_id
        calloff = self.env["sale.order"].create(
            {
                "partner_id": contract.partner_id.id,
                "partner_invoice_id": contract.partner_invoice_id.id,
                "partner_shipping_id": (project.tile_site_address_id or contract.partner_shipping_id).id,
                "company_id": contract.company_id.id,
                "pricelist_id": contract.pricelist_id.id,
                "payment_term_id": contract.payment_term_id.id,
                "user_id": contract.user_id.id,
                "tile_project_id": project.id,
                "tile_contract_id": contract.id,
                "tile_phase_id": self.id,
                "tile_shade_scope": "order",
                "commitment_date": fields.Datetime.to_datetime(self.date_start),
                "origin": contract.name,
                "order_line": commands,
            }
        )
        self.message_post(body=_("Call-off %s created.", calloff.name))
        return calloff._tile_open_form(calloff)

    def action_view_calloffs(self):
        self.ensure_one()
        return self.env["sale.order"]._tile_calloffs_action([("tile_phase_id", "=", self.id)])

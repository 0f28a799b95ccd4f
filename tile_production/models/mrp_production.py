from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.tile_order_base import tile_math

from .. import planning

OPEN_STATES = ("confirmed", "progress", "to_close")
# An order without a deadline is planned as if it had all the time in the world.
NO_DEADLINE = timedelta(days=3650)
# Colours of the planning board: one per format (cycled), late runs in red.
FORMAT_COLOURS = 6


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    tile_format = fields.Char(related="product_id.tile_format", store=True, string="Format")
    tile_glaze_code = fields.Char(related="product_id.tile_glaze_code", string="Glaze / Colour")
    tile_m2 = fields.Float("m²", compute="_compute_tile_m2", store=True, digits=(16, 2))
    tile_line_id = fields.Many2one(
        "mrp.workcenter",
        "Press Line",
        copy=False,
        readonly=True,
        help="Where the planner put the run's first stage.",
    )
    tile_planned = fields.Boolean("Planned by Tile Planner", copy=False, readonly=True)
    tile_pinned_start = fields.Datetime(
        "Fixed Start",
        copy=False,
        tracking=True,
        help="Set when a planner moves the run on the board: re-planning keeps it there and "
        "moves what follows. Clear it to let the planner place the run again.",
    )
    tile_late_hours = fields.Float(
        "Late (h)",
        copy=False,
        readonly=True,
        digits=(16, 1),
        help="How late the planned finish is for the deadline.",
    )
    tile_padded_m2 = fields.Float(
        "Top-up to Minimum Batch (m²)",
        copy=False,
        readonly=True,
        digits=(16, 2),
        help="The kiln fires at least its minimum batch: this much more is planned with the run.",
    )
    tile_colour = fields.Integer(compute="_compute_tile_colour", store=True)
    tile_graded = fields.Boolean("Graded", copy=False, readonly=True)
    tile_lot_ids = fields.Many2many("stock.lot", compute="_compute_tile_lot_ids", string="Graded Lots")
    tile_stage_text = fields.Char("Stage", compute="_compute_tile_stage_text")

    @api.depends("product_qty", "product_uom_id", "product_id")
    def _compute_tile_m2(self):
        for production in self:
            tmpl = production.product_id.product_tmpl_id
            if not tmpl.tile_is_tile:
                production.tile_m2 = 0.0
                continue
            pieces = production.product_uom_id._compute_quantity(production.product_qty, tmpl.uom_id)
            production.tile_m2 = tile_math.m2_from_pieces(
                pieces, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
            )

    @api.depends("tile_format")
    def _compute_tile_colour(self):
        for production in self:
            fmt = production.tile_format
            # Stable across runs: the colour follows the format's digits, not the batch.
            production.tile_colour = (sum(map(ord, fmt)) % FORMAT_COLOURS) + 1 if fmt else 0

    def _compute_tile_lot_ids(self):
        for production in self:
            production.tile_lot_ids = production.move_finished_ids.filtered(
                lambda m, product=production.product_id: m.product_id == product
            ).move_line_ids.lot_id

    @api.depends("workorder_ids.state", "workorder_ids.date_finished", "state")
    def _compute_tile_stage_text(self):
        for production in self:
            production.tile_stage_text = production._tile_stage_text()

    def _tile_stage_text(self):
        """'Kiln, expected 2027-03-04 08:00' for the order line, the portal and the batch form."""
        self.ensure_one()
        if self.state == "done":
            return _("Produced") if not self.tile_graded else _("Graded into lots")
        if self.state == "cancel":
            return _("Cancelled")
        current = self.workorder_ids.filtered(lambda wo: wo.state not in ("done", "cancel"))[:1]
        finish = self.date_finished and fields.Datetime.context_timestamp(self, self.date_finished)
        expected = finish and finish.strftime("%Y-%m-%d %H:%M")
        if current and current.state == "progress":
            return _("%(stage)s, expected %(date)s", stage=current.name, date=expected)
        if self.tile_planned:
            return _("Planned, expected %s", expected)
        return _("Waiting to be planned")

    # Planning -----------------------------------------------------------------------

    def _tile_check_planner(self):
        if not self.env.user.has_group("tile_production.group_tile_production_planner"):
            raise AccessError(_("Only production planners plan and re-plan the lines."))

    @api.model
    def _tile_open_domain(self):
        return [
            ("state", "in", OPEN_STATES),
            ("company_id", "in", self.env.companies.ids),
            ("tile_format", "!=", False),
            ("workorder_ids.workcenter_id.tile_stage", "!=", False),
        ]

    def action_tile_plan(self):
        """Plan every open tile run of the allowed companies (the button plans all, not a selection:
        a line's sequence depends on every run on it)."""
        self._tile_check_planner()
        result = self._tile_plan_all()
        late = result.late_runs()
        message = _("%(count)s runs planned.", count=len(result.runs))
        if late:
            names = self.browse([key for key, _hours in late[:5]]).mapped("name")
            message += " " + _("Late: %s.", ", ".join(names))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Production plan"),
                "message": message,
                "type": "warning" if late else "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _tile_plan_all(self, start=None):
        """Plan every open tile run of the allowed companies."""
        return self.search(self._tile_open_domain())._tile_plan(start)

    def _tile_stage_workorders(self):
        self.ensure_one()
        return self.workorder_ids.filtered(
            lambda wo: wo.workcenter_id.tile_stage and wo.state not in ("done", "cancel")
        ).sorted(lambda wo: (wo.operation_id.sequence, wo.id))

    def _tile_run(self, resources):
        """This MO as a planner run; fills ``resources`` with the work centres it may use."""
        self.ensure_one()
        stages = []
        for wo in self._tile_stage_workorders():
            centre = wo.workcenter_id
            alternatives = (centre | centre.alternative_workcenter_ids).filtered(
                lambda wc, stage=centre.tile_stage: wc.tile_stage == stage
                and self.tile_format in wc._tile_rates()
            )
            if not alternatives:
                raise UserError(
                    _(
                        "%(mo)s makes %(format)s, but work centre %(centre)s (stage %(stage)s) has no "
                        "rate for that format. Add it under Manufacturing ▸ Configuration ▸ Work "
                        "Centres ▸ Tile Planning.",
                        mo=self.name,
                        format=self.tile_format,
                        centre=centre.display_name,
                        stage=dict(centre._fields["tile_stage"]._description_selection(self.env))[
                            centre.tile_stage
                        ],
                    )
                )
            for alt in alternatives:
                if alt.id not in resources:
                    resources[alt.id] = alt._tile_resource()
            stages.append(tuple(alternatives.ids))
        started = self._tile_stage_workorders().filtered(lambda wo: wo.state == "progress")[:1]
        pinned = self.tile_pinned_start or (started and started.date_start)
        first = self._tile_stage_workorders()[:1]
        return planning.Run(
            key=self.id,
            fmt=self.tile_format,
            m2=self.tile_m2,
            due=self.date_deadline or (fields.Datetime.now() + NO_DEADLINE),
            stages=tuple(stages),
            glaze=self.tile_glaze_code or None,
            pinned_start=pinned or None,
            pinned_resource=(pinned and first.workcenter_id.id) or None,
        )

    def _tile_plan(self, start=None):
        """Place these MOs on their lines with the finite-capacity planner and write the dates
        to the MOs and their work orders. Returns the planner's result."""
        resources, runs = {}, []
        productions = self.filtered(lambda mo: mo._tile_stage_workorders())
        for production in productions:
            runs.append(production._tile_run(resources))
        start = start or fields.Datetime.now().replace(second=0, microsecond=0)
        try:
            result = planning.plan(runs, list(resources.values()), start)
        except ValueError as error:
            raise UserError(_("The plan cannot be made: %s", error)) from error
        late = dict(result.late_runs())
        padded = dict(result.padded_runs())
        for production in productions:
            slots = result.run_slots(production.id)
            for wo, slot in zip(production._tile_stage_workorders(), slots, strict=True):
                # The work order carries the stage's working time (Odoo's expected duration).
                minutes = round(resources[slot.resource_key].hours(production.tile_format, slot.m2) * 60, 2)
                vals = {
                    "date_start": slot.start.replace(microsecond=0),
                    "date_finished": slot.finish.replace(microsecond=0),
                    "duration_expected": minutes,
                    "workcenter_id": slot.resource_key,
                }
                # Re-planning after a drag moves a few runs: only they are written (a work order's
                # dates are Odoo calendar leaves, the dearest part of planning).
                vals = {
                    name: value
                    for name, value in vals.items()
                    if (wo[name].id if name == "workcenter_id" else wo[name]) != value
                }
                if vals:
                    wo.with_context(tile_planning=True, bypass_duration_calculation=True).write(vals)
            vals = {
                "tile_planned": True,
                "tile_line_id": slots[0].resource_key,
                "tile_late_hours": late.get(production.id, 0.0),
                "tile_padded_m2": padded.get(production.id, 0.0),
            }
            vals = {
                name: value
                for name, value in vals.items()
                if (production[name].id if name == "tile_line_id" else production[name]) != value
            }
            if vals:
                production.with_context(tile_planning=True).write(vals)
        return result

    def action_tile_unpin(self):
        self._tile_check_planner()
        self.tile_pinned_start = False

    @api.model
    def _tile_estimate(self, product, pieces):
        """(m², day 'YYYY-MM-DD' in the user's zone or False) of a new run of ``pieces``."""
        tmpl = product.product_tmpl_id
        m2 = tile_math.m2_from_pieces(pieces, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)
        finish = self._tile_estimate_finish(product, m2)
        return m2, finish and fields.Datetime.context_timestamp(self, finish).strftime("%Y-%m-%d")

    @api.model
    def _tile_estimate_finish(self, product, m2):
        """When a new run of ``m2`` of ``product`` could finish: after what is planned on the
        fastest line of each stage. A promise for sales, not a plan."""
        fmt = product.tile_format
        centres = self.env["mrp.workcenter"].search(
            [("tile_stage", "!=", False), ("company_id", "in", [self.env.company.id, False])]
        )
        now = fields.Datetime.now()
        moment = now
        for stage in ("press", "glaze", "kiln", "sorting", "packing"):
            best = None
            for centre in centres.filtered(lambda c, s=stage: c.tile_stage == s):
                rate = centre._tile_rates().get(fmt)
                if not rate:
                    continue
                busy = (
                    self.env["mrp.workorder"]
                    .search(
                        [("workcenter_id", "=", centre.id), ("state", "not in", ("done", "cancel"))],
                        order="date_finished desc",
                        limit=1,
                    )
                    .date_finished
                )
                resource = centre._tile_resource()
                begin = max(moment, busy or now, now)
                hours = m2 / rate * resource.calendar.day_hours()
                finish = resource.calendar.add_hours(resource.calendar.next_working(begin), hours)
                best = finish if best is None else min(best, finish)
            if best:
                moment = best
        return moment if moment > now else None

    # Grading ------------------------------------------------------------------------

    def _tile_produced_pieces(self):
        self.ensure_one()
        qty = self.qty_producing or self.product_qty
        return self.product_uom_id._compute_quantity(qty, self.product_id.uom_id)

    def action_tile_grade(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Grade %s", self.name),
            "res_model": "tile.grading",
            "view_mode": "form",
            "target": "new",
            "context": {"default_production_id": self.id},
        }

    def _prepare_finished_extra_vals(self):
        # Graded output already sits in one move line per shade lot: keep them.
        if self.env.context.get("tile_grading"):
            return {}
        return super()._prepare_finished_extra_vals()

    def _tile_receive_groups(self, groups):
        """Close the MO with its output in one finished move line per (lot, pieces)."""
        self.ensure_one()
        total = sum(qty for _lot, qty in groups)
        self.write(
            {
                "lot_producing_id": groups[0][0].id,
                "qty_producing": self.product_id.uom_id._compute_quantity(total, self.product_uom_id),
            }
        )
        self._set_qty_producing()
        finished = self.move_finished_ids.filtered(
            lambda m: m.product_id == self.product_id and m.state not in ("done", "cancel")
        )
        finished.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            [
                {
                    "move_id": finished.id,
                    "product_id": self.product_id.id,
                    "lot_id": lot.id,
                    "quantity": self.product_id.uom_id._compute_quantity(qty, finished.product_uom),
                    "product_uom_id": finished.product_uom.id,
                    "location_id": finished.location_id.id,
                    "location_dest_id": finished.location_dest_id.id,
                    "company_id": self.company_id.id,
                }
                for lot, qty in groups
            ]
        )
        # Not "picked" yet: Odoo counts picked finished moves as already produced.
        finished.move_line_ids.picked = False
        self.with_context(
            tile_grading=True, skip_backorder=True, mo_ids_to_backorder=[], skip_consumption=True
        ).button_mark_done()
        if self.state != "done":
            raise UserError(_("%s could not be closed; open it and finish its work orders first.", self.name))
        self.tile_graded = True

    def _tile_scrap_failed(self, lot, pieces, reasons):
        self.ensure_one()
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.product_id.id,
                "lot_id": lot.id,
                "scrap_qty": pieces,
                "product_uom_id": self.product_id.uom_id.id,
                "production_id": self.id,
                "location_id": self.location_dest_id.id,
                "company_id": self.company_id.id,
                "scrap_reason_tag_ids": [fields.Command.set(reasons.ids)],
                "origin": self.name,
            }
        )
        scrap.do_scrap()
        return scrap

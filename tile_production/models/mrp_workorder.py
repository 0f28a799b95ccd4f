from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.tile_order_base import tile_math

NOT_STARTED = ("pending", "waiting", "ready", "blocked")


class MrpWorkorder(models.Model):
    _inherit = "mrp.workorder"

    tile_format = fields.Char(related="production_id.tile_format")
    tile_m2 = fields.Float(related="production_id.tile_m2")
    tile_colour = fields.Integer(related="production_id.tile_colour")
    tile_late = fields.Boolean(compute="_compute_tile_board")
    tile_short = fields.Boolean(
        "Components Short",
        compute="_compute_tile_board",
        help="The run's materials are not all in stock for its planned start.",
    )
    tile_board_label = fields.Char(compute="_compute_tile_board")

    @api.depends(
        "production_id.tile_late_hours",
        "production_id.components_availability_state",
        "production_id.tile_pinned_start",
    )
    def _compute_tile_board(self):
        for wo in self:
            production = wo.production_id
            wo.tile_late = production.tile_late_hours > 0
            wo.tile_short = production.components_availability_state in ("late", "unavailable")
            parts = [
                production.name,
                production.tile_format or "",
                f"{tile_math.fmt_qty(production.tile_m2)} m²",
            ]
            if wo.tile_late:
                parts.append(_("late %s h", tile_math.fmt_qty(production.tile_late_hours)))
            if wo.tile_short:
                parts.append(_("materials short"))
            if production.tile_pinned_start:
                parts.append(_("fixed"))
            wo.tile_board_label = " · ".join(filter(None, parts))

    def write(self, vals):
        """A planner moving a run on the board fixes its start and re-plans what follows."""
        moved = self.browse()
        # Starting or finishing a work order writes its dates too (with its new state): that
        # is production, not a planner moving the run.
        if (
            ("date_start" in vals or "workcenter_id" in vals)
            and "state" not in vals
            and not self.env.context.get("tile_planning")
        ):
            moved = self.filtered(
                lambda wo: wo.production_id.tile_planned
                and wo.workcenter_id.tile_stage
                and wo.state in NOT_STARTED
            )
        if moved and not (
            self.env.su or self.env.user.has_group("tile_production.group_tile_production_planner")
        ):
            raise AccessError(_("Only production planners move runs on the planning board."))
        before = {wo.id: wo.date_start for wo in moved}
        res = super().write(vals)
        if moved:
            for wo in moved:
                production = wo.production_id
                first = production._tile_stage_workorders()[:1]
                shift = wo.date_start - before[wo.id] if before[wo.id] and wo.date_start else None
                # Moving a later stage moves the whole run by as much.
                production.tile_pinned_start = (
                    first.date_start + shift if wo != first and shift else first.date_start
                )
            self.env["mrp.production"]._tile_plan_all()
        return res

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tile_order_base import tile_bounds, tile_math


class TileProjectPhaseLine(models.Model):
    """How many m² of one contract line a phase needs, and how far they are called off."""

    _name = "tile.project.phase.line"
    _description = "Planned Tiles of a Project Phase"
    _inherit = ["tile.bounds.mixin"]
    _order = "phase_id, id"

    phase_id = fields.Many2one("tile.project.phase", required=True, index=True, ondelete="cascade")
    project_id = fields.Many2one(related="phase_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="phase_id.company_id", store=True)
    contract_line_id = fields.Many2one(
        "sale.order.line",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('order_id.tile_project_id', '=', project_id), ('order_id.tile_is_contract', '=', True), "
        "('tile_is_tile', '=', True)]",
    )
    contract_id = fields.Many2one(related="contract_line_id.order_id", string="Contract")
    product_id = fields.Many2one(related="contract_line_id.product_id", string="Tile")
    planned_m2 = fields.Float("Planned m²", digits=(16, 2), required=True)
    planned_pieces = fields.Integer(compute="_compute_planned_pieces", help="In whole boxes, rounded up.")
    called_off_pieces = fields.Integer(compute="_compute_progress")
    delivered_pieces = fields.Integer(compute="_compute_progress")
    called_off_m2 = fields.Float("Called Off m²", digits=(16, 2), compute="_compute_progress")
    delivered_m2 = fields.Float("Delivered m²", digits=(16, 2), compute="_compute_progress")
    invoiced_m2 = fields.Float("Invoiced m²", digits=(16, 2), compute="_compute_progress")
    remaining_m2 = fields.Float("Remaining m²", digits=(16, 2), compute="_compute_progress")

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), planned_m2=tile_bounds.ENTRY_QTY)

    @api.constrains("phase_id", "contract_line_id")
    def _check_contract_line(self):
        for line in self:
            order = line.contract_line_id.order_id
            if not order.tile_is_contract or order.tile_project_id != line.phase_id.project_id:
                raise ValidationError(
                    _("Phase %s can only plan lines of its own project's contracts.", line.phase_id.name)
                )

    @api.depends("planned_m2", "contract_line_id.product_id")
    def _compute_planned_pieces(self):
        for line in self:
            tmpl = line.product_id.product_tmpl_id
            if tmpl.tile_pieces_per_box and tmpl.tile_m2_per_box and line.planned_m2 > 0:
                line.planned_pieces = tile_math.pieces_from(
                    line.planned_m2, "m2", tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
                )
            else:
                line.planned_pieces = 0

    def _tile_m2(self, pieces):
        tmpl = self.product_id.product_tmpl_id
        if not tmpl.tile_pieces_per_box:
            return 0.0
        return tile_math.m2_from_pieces(pieces, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)

    def _tile_calloff_totals(self, states=("sale",)):
        """{(contract line id, phase id): (ordered, delivered, invoiced)} in pieces, one query."""
        totals = {}
        if not self.ids:
            return totals
        rows = self.env["sale.order.line"]._read_group(
            [
                ("tile_contract_line_id", "in", self.contract_line_id.ids),
                ("order_id.tile_phase_id", "in", self.phase_id.ids),
                ("state", "in", list(states)),
            ],
            ["tile_contract_line_id", "order_id"],
            ["product_uom_qty:sum", "qty_delivered:sum", "qty_invoiced:sum"],
        )
        for contract_line, order, ordered, delivered, invoiced in rows:
            key = (contract_line.id, order.tile_phase_id.id)
            old = totals.get(key, (0, 0, 0))
            totals[key] = (old[0] + ordered, old[1] + delivered, old[2] + invoiced)
        return totals

    @api.depends(
        "planned_pieces",
        "phase_id.calloff_ids.state",
        "contract_line_id.tile_calloff_line_ids.product_uom_qty",
        "contract_line_id.tile_calloff_line_ids.qty_delivered",
        "contract_line_id.tile_calloff_line_ids.qty_invoiced",
    )
    def _compute_progress(self):
        totals = self._tile_calloff_totals()
        for line in self:
            ordered, delivered, invoiced = totals.get((line.contract_line_id.id, line.phase_id.id), (0, 0, 0))
            line.called_off_pieces = int(ordered)
            line.delivered_pieces = int(delivered)
            line.called_off_m2 = line._tile_m2(int(ordered))
            line.delivered_m2 = line._tile_m2(int(delivered))
            line.invoiced_m2 = line._tile_m2(int(invoiced))
            line.remaining_m2 = line._tile_m2(max(0, line.planned_pieces - int(ordered)))

    def _tile_pieces_to_call_off(self):
        """Pieces a new call-off proposes: what the phase still needs (draft call-offs
        counted), never more than the contract still holds."""
        self.ensure_one()
        asked = self._tile_calloff_totals(states=("draft", "sent", "sale"))
        ordered = asked.get((self.contract_line_id.id, self.phase_id.id), (0, 0, 0))[0]
        left_in_contract = self.contract_line_id.tile_remaining_pieces
        return max(0, min(self.planned_pieces - int(ordered), left_in_contract))

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.tile_inventory.models.stock_lot import GRADES

# More pieces than this from one run is a typing slip (and would not fit PostgreSQL's integer).
MAX_PIECES = 10_000_000


class TileGradingLine(models.TransientModel):
    _name = "tile.grading.line"
    _description = "Graded Output of a Kiln Run (one shade group)"

    grading_id = fields.Many2one("tile.grading", required=True, ondelete="cascade")
    shade = fields.Char(required=True, help="Colour batch (色号) the sorter reads off the tiles.")
    caliber = fields.Char(help="Size class (尺码).")
    grade = fields.Selection(GRADES, required=True, default="premium")
    boxes = fields.Integer(help="Full boxes packed of this group.")
    loose_pieces = fields.Integer(help="Pieces of this group that did not fill a box.")
    pieces = fields.Integer(compute="_compute_pieces")
    m2 = fields.Float("m²", compute="_compute_pieces", digits=(16, 2))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_size(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_size(vals)
        return super().write(vals)

    @api.model
    def _check_size(self, vals):
        # Checked before the database sees it: PostgreSQL's integer stops at 2,147,483,647.
        if any(abs(vals.get(name) or 0) > MAX_PIECES for name in ("boxes", "loose_pieces")):
            raise UserError(_("More than %s boxes or pieces in one group: check the counts.", MAX_PIECES))

    @api.depends("boxes", "loose_pieces", "grading_id.production_id")
    def _compute_pieces(self):
        for line in self:
            tmpl = line.grading_id.production_id.product_id.product_tmpl_id
            pcs = tmpl.tile_pieces_per_box or 1
            line.pieces = line.boxes * pcs + line.loose_pieces
            line.m2 = line.pieces * (tmpl.tile_m2_per_box or 0.0) / pcs

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# A press makes some hundred thousand m² a day at most; beyond that it is a typing slip.
MAX_M2_PER_DAY = 1_000_000


def normalize_format(text):
    """'600x600', '600 X 600' and '600×600' are one format, written as products show it."""
    return "×".join(part.strip() for part in (text or "").lower().replace("x", "×").split("×"))


class TileWorkcenterRate(models.Model):
    _name = "tile.workcenter.rate"
    _description = "Tile Line Rate per Format"
    _order = "workcenter_id, tile_format"

    workcenter_id = fields.Many2one(
        "mrp.workcenter", "Work Centre", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="workcenter_id.company_id", store=True)
    tile_format = fields.Char(
        "Format", required=True, help="Tile format as products show it, e.g. 600×600 (600x600 is accepted)."
    )
    m2_per_day = fields.Float(
        "m² per Day",
        required=True,
        digits=(16, 1),
        help="What this work centre makes of the format in one working day of its calendar.",
    )

    _sql_constraints = [
        ("format_unique", "unique(workcenter_id, tile_format)", "A work centre has one rate per format."),
    ]

    @api.constrains("m2_per_day")
    def _check_m2_per_day(self):
        for rate in self:
            if not 0 < rate.m2_per_day <= MAX_M2_PER_DAY:
                raise ValidationError(
                    _(
                        "The rate of %(format)s on %(centre)s must be more than 0 and at most "
                        "%(max)s m² per day.",
                        format=rate.tile_format,
                        centre=rate.workcenter_id.display_name,
                        max=MAX_M2_PER_DAY,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("tile_format"):
                vals["tile_format"] = normalize_format(vals["tile_format"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("tile_format"):
            vals["tile_format"] = normalize_format(vals["tile_format"])
        return super().write(vals)

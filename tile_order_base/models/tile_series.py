from odoo import fields, models


class TileSeries(models.Model):
    _name = "tile.series"
    _description = "Tile Series"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="The maker's short code of the collection.")
    maker_id = fields.Many2one("res.partner", help="Factory that makes this series.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    product_tmpl_ids = fields.One2many("product.template", "tile_series_id", string="Tiles")
    product_count = fields.Integer(compute="_compute_product_count", string="Tiles Count")

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A tile series with this name already exists."),
    ]

    def _compute_product_count(self):
        counts = dict(
            self.env["product.template"]._read_group(
                [("tile_series_id", "in", self.ids)], ["tile_series_id"], ["__count"]
            )
        )
        for series in self:
            series.product_count = counts.get(series, 0)

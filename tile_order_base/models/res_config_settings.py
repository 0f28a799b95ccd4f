from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _name = "res.config.settings"
    _inherit = ["res.config.settings", "tile.bounds.mixin"]

    tile_wastage_straight = fields.Float(related="company_id.tile_wastage_straight", readonly=False)
    tile_wastage_diagonal = fields.Float(related="company_id.tile_wastage_diagonal", readonly=False)
    tile_wastage_herringbone = fields.Float(related="company_id.tile_wastage_herringbone", readonly=False)
    tile_wastage_other = fields.Float(related="company_id.tile_wastage_other", readonly=False)

    @api.model
    def _tile_bounds(self):
        # A setting shown here is a company field: it has the company field's bounds.
        company_bounds = self.env["res.company"]._tile_bounds()
        bounds = dict(super()._tile_bounds())
        for name, field in self._fields.items():
            target = (field.related or "").removeprefix("company_id.")
            if field.related and target in company_bounds:
                bounds[name] = company_bounds[target]
        return bounds

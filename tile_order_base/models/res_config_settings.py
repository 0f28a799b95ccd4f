from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tile_wastage_straight = fields.Float(related="company_id.tile_wastage_straight", readonly=False)
    tile_wastage_diagonal = fields.Float(related="company_id.tile_wastage_diagonal", readonly=False)
    tile_wastage_herringbone = fields.Float(related="company_id.tile_wastage_herringbone", readonly=False)
    tile_wastage_other = fields.Float(related="company_id.tile_wastage_other", readonly=False)

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tile_hold_days = fields.Integer(related="company_id.tile_hold_days", readonly=False)
    tile_hold_max_days = fields.Integer(related="company_id.tile_hold_max_days", readonly=False)
    tile_fragment_boxes = fields.Float(related="company_id.tile_fragment_boxes", readonly=False)

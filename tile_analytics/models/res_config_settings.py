from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tile_rfm_at_risk_days = fields.Integer(related="company_id.tile_rfm_at_risk_days", readonly=False)
    tile_rfm_lost_days = fields.Integer(related="company_id.tile_rfm_lost_days", readonly=False)
    tile_rfm_new_days = fields.Integer(related="company_id.tile_rfm_new_days", readonly=False)
    tile_rfm_loyal_orders = fields.Integer(related="company_id.tile_rfm_loyal_orders", readonly=False)
    tile_rfm_champion_orders = fields.Integer(related="company_id.tile_rfm_champion_orders", readonly=False)

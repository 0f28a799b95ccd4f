from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tile_advance_account_id = fields.Many2one(related="company_id.tile_advance_account_id", readonly=False)
    tile_retention_account_id = fields.Many2one(
        related="company_id.tile_retention_account_id", readonly=False
    )

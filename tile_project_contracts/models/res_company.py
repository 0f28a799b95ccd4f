from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    tile_advance_account_id = fields.Many2one(
        "account.account",
        "Contract Advance Account",
        check_company=True,
        help="Advance payments of project contracts are invoiced to, and deducted from, this account.",
    )
    tile_retention_account_id = fields.Many2one(
        "account.account",
        "Retention Account",
        check_company=True,
        help="Retention (质保金) withheld on project invoices waits on this account until released.",
    )

from odoo import fields, models

CONTRACT_ROLES = [
    ("advance", "Advance Payment"),
    ("advance_deduction", "Advance Deducted"),
    ("retention", "Retention Withheld"),
    ("retention_release", "Retention Released"),
]


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # Plain columns, empty on every other journal item: nothing here changes how Odoo
    # computes a line; the contract sums the lines that carry its role.
    tile_contract_id = fields.Many2one(
        "sale.order", string="Contract", index="btree_not_null", readonly=True, copy=False
    )
    tile_contract_role = fields.Selection(CONTRACT_ROLES, "Contract Role", readonly=True, copy=False)

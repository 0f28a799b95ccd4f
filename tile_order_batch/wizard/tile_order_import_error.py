from odoo import fields, models


class TileOrderImportError(models.TransientModel):
    """One row of an import that cannot be used: what is wrong and what to do."""

    _name = "tile.order.import.error"
    _description = "Order Line Import: Row Error"
    _order = "wizard_id, row, id"

    wizard_id = fields.Many2one("tile.order.import", required=True, ondelete="cascade", index=True)
    row = fields.Integer(help="Row of the sheet or of the pasted text (1 is the first); 0: the whole import.")
    problem = fields.Char("What Is Wrong")
    fix = fields.Char("What to Do")

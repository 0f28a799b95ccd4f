from odoo import _, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_tile_import_lines(self):
        """Open the line import on this quotation."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(
                _("%s is no longer a quotation: lines can only be imported into quotations.", self.name)
            )
        wizard = self.env["tile.order.import"].create({"order_id": self.id})
        return wizard._action_reopen()

from odoo import api, models

from .sale_order_line import BINDING_CONTRACT_STATES


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "tile.price.guard"]

    @api.model
    def _tile_price_extra_fields(self):
        return ("tax_totals", "amount_undiscounted", "amount_paid", "margin_percent", "reward_amount")

    @api.depends("tile_is_contract", "tile_contract_id")
    @api.depends_context("uid")
    def _compute_tile_hide_prices(self):
        # The order form's price columns and totals follow what the server hides.
        result = super()._compute_tile_hide_prices()
        if self._tile_prices_hidden():
            self.tile_hide_prices = True
        return result

    def _tile_audited_fields(self):
        """Fields of an order or contract whose changes are audited once it binds (extend to add)."""
        return [
            "partner_id",
            "pricelist_id",
            "payment_term_id",
            "tile_advance_percent",
            "tile_retention_percent",
            "tile_warranty_end",
            "tile_contract_state",
        ]

    def _tile_audit_binding(self):
        """Confirmed orders and signed contracts."""
        return self.filtered(
            lambda order: order.state == "sale" or order.tile_contract_state in BINDING_CONTRACT_STATES
        )

    def write(self, vals):
        fnames = [fname for fname in self._tile_audited_fields() if fname in vals]
        if not fnames:
            return super().write(vals)
        audit = self.env["tile.audit"]
        # Snapshot before the write: signing a contract (draft -> active) is logged too.
        bound_before = self._tile_audit_binding()
        before = audit._tile_snapshot(self, fnames)
        result = super().write(vals)
        audit._tile_log_changes(bound_before | self._tile_audit_binding(), fnames, before)
        return result

    def _tile_may_split(self):
        may_split = super()._tile_may_split()
        if may_split:
            # A shade override: this user serves lines from several shade groups.
            self.env["tile.audit"]._tile_log(
                self, "shade_override", [("tile_split_reason", False, self.tile_split_reason)]
            )
        return may_split

from odoo import api, models

BINDING_CONTRACT_STATES = ("active", "closed")


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["sale.order.line", "tile.price.guard"]

    @api.model
    def _tile_price_extra_fields(self):
        return (
            "price_unit",
            "technical_price_unit",
            "discount",
            "price_tax",
            "purchase_price",
            "margin",
            "margin_percent",
            "tile_price_per_box",
            "tile_price_per_m2",
        )

    def _tile_audited_fields(self):
        """Fields of a line whose changes are audited once its document binds (extend to add)."""
        return ["product_id", "product_uom_qty", "price_unit", "discount", "tile_price_unit_type"]

    def _tile_audit_binding(self):
        """The lines whose changes are audited: lines of confirmed orders and of signed contracts."""
        return self.filtered(
            lambda line: line.order_id.state == "sale"
            or line.order_id.tile_contract_state in BINDING_CONTRACT_STATES
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        binding = lines._tile_audit_binding()
        if binding:
            self.env["tile.audit"]._tile_log_changes(binding, binding._tile_audited_fields(), None, "create")
        return lines

    def write(self, vals):
        fnames = [fname for fname in self._tile_audited_fields() if fname in vals]
        binding = self._tile_audit_binding() if fnames else self.browse()
        if not binding:
            return super().write(vals)
        audit = self.env["tile.audit"]
        before = audit._tile_snapshot(binding, fnames)
        result = super().write(vals)
        audit._tile_log_changes(binding, fnames, before)
        return result

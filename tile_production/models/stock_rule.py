from odoo import models


class StockRule(models.Model):
    _inherit = "stock.rule"

    def _tile_produce_line(self, values):
        """The order line a make-to-order procurement comes from, when it was sent to production."""
        line = self.env["sale.order.line"].browse(values.get("sale_line_id"))
        if not line and values.get("move_dest_ids"):
            line = values["move_dest_ids"].sale_line_id[:1]
        return line if line.tile_to_produce else self.env["sale.order.line"]

    def _prepare_mo_vals(
        self, product_id, product_qty, product_uom, location_dest_id, name, origin, company_id, values, bom
    ):
        vals = super()._prepare_mo_vals(
            product_id, product_qty, product_uom, location_dest_id, name, origin, company_id, values, bom
        )
        line = self._tile_produce_line(values)
        if line:
            # The MO and the order line point at each other (sale_mrp's field).
            vals["sale_line_id"] = line.id
        return vals

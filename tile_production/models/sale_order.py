from odoo import _, api, fields, models

from odoo.addons.tile_order_base import tile_math


class SaleOrder(models.Model):
    _inherit = "sale.order"

    tile_can_produce_any = fields.Boolean(compute="_compute_tile_can_produce_any")

    @api.depends("order_line.product_id")
    def _compute_tile_can_produce_any(self):
        for order in self:
            order.tile_can_produce_any = any(order.order_line.product_id.mapped("tile_is_made"))

    def _tile_lines_to_allocate(self):
        # A line made to order gets its own new shade: nothing to take from stock.
        return super()._tile_lines_to_allocate().filtered(lambda sol: not sol.tile_to_produce)

    def _tile_plan_group(self, group, options, product):
        plan, rank, problem = super()._tile_plan_group(group, options, product)
        if problem and product.tile_produce_when_short and product.tile_is_made:
            # The product's rule: short of one shade group, the lines are made to order.
            group.filtered(lambda sol: not sol.lot_id).tile_to_produce = True
            return None, None, None
        return plan, rank, problem

    def _tile_no_lot_message(self, group, qty, options, mix, keys=None):
        message = super()._tile_no_lot_message(group, qty, options, mix, keys)
        product = group[:1].product_id
        if not product.tile_is_made:
            return message
        m2, day = self.env["mrp.production"].sudo()._tile_estimate(product, qty)
        if day:
            when = self.env._(
                "a run of %(m2)s m² would finish about %(date)s", m2=tile_math.fmt_qty(m2), date=day
            )
        else:
            when = self.env._("no line is set up for its format yet")
        return (
            message
            + " "
            + _("It is made in-house: tick 'Produce' on the line to make it to order (%s).", when)
        )

    def _tile_confirm_summary(self):
        parts = super()._tile_confirm_summary()
        runs = self.order_line.tile_production_ids
        if runs:
            parts.append(self.env._("in production: %s", ", ".join(runs.mapped("name"))))
        return parts

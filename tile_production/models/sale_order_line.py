from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tile_order_base import tile_math


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    tile_to_produce = fields.Boolean(
        "Produce",
        copy=False,
        help="Make this line to order: at confirmation it goes to production (one new run, one "
        "shade) instead of being served from stock.",
    )
    tile_can_produce = fields.Boolean(related="product_id.tile_is_made")
    tile_production_ids = fields.One2many("mrp.production", "sale_line_id", "Manufacturing Orders")
    tile_production_text = fields.Char(
        "Production",
        compute="_compute_tile_production_text",
        compute_sudo=True,
        help="Where the line's production run is and when it is expected to finish.",
    )

    tile_production_customer_text = fields.Char(
        compute="_compute_tile_production_text",
        compute_sudo=True,
        help="What the customer reads in the portal: no order numbers, just the expected date.",
    )

    @api.depends("tile_production_ids.state", "tile_production_ids.date_finished", "tile_to_produce")
    def _compute_tile_production_text(self):
        for line in self:
            runs = line.tile_production_ids.filtered(lambda mo: mo.state != "cancel")
            open_runs = runs.filtered(lambda mo: mo.state != "done")
            if runs:
                line.tile_production_text = "; ".join(f"{mo.name}: {mo._tile_stage_text()}" for mo in runs)
            elif line.tile_to_produce:
                line.tile_production_text = line._tile_production_promise()
            else:
                line.tile_production_text = False
            finish = max(open_runs.mapped("date_finished"), default=False)
            if open_runs and finish:
                day = fields.Datetime.context_timestamp(line, finish).strftime("%Y-%m-%d")
                line.tile_production_customer_text = _("In production, expected %s", day)
            elif open_runs or (line.tile_to_produce and not runs):
                line.tile_production_customer_text = _("Made to order")
            else:
                line.tile_production_customer_text = False

    def _tile_production_promise(self):
        """'To be made to order: 100.8 m², about 2026-12-03' for a quotation line sent to production."""
        self.ensure_one()
        pieces = self.product_uom._compute_quantity(self.product_uom_qty, self.product_id.uom_id)
        m2, day = self.env["mrp.production"]._tile_estimate(self.product_id, pieces)
        if not day:
            return _("To be made to order: %s m²", tile_math.fmt_qty(m2))
        return _("To be made to order: %(m2)s m², about %(date)s", m2=tile_math.fmt_qty(m2), date=day)

    @api.constrains("tile_to_produce", "product_id")
    def _check_tile_to_produce(self):
        for line in self.filtered("tile_to_produce"):
            if not line.product_id.tile_is_made:
                raise ValidationError(
                    _(
                        "%s is not made in-house: give it a bill of materials before sending a line "
                        "to production.",
                        line.product_id.display_name,
                    )
                )

    def _prepare_procurement_values(self, group_id=False):
        values = super()._prepare_procurement_values(group_id=group_id)
        if self.tile_to_produce:
            # Odoo's own make-to-order: deliver on order, made by the warehouse's manufacture rule.
            warehouse = self.order_id.warehouse_id
            values["route_ids"] = (
                self.env.ref("stock.route_warehouse0_mto") | warehouse.manufacture_pull_id.route_id
            )
        return values

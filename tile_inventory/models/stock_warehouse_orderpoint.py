from odoo import _, api, fields, models

from odoo.addons.tile_order_base import tile_math


class StockWarehouseOrderpoint(models.Model):
    _inherit = "stock.warehouse.orderpoint"

    tile_low_alerted = fields.Boolean(
        "Low-stock Alert Sent",
        copy=False,
        readonly=True,
        help="Set when free stock fell below the minimum and purchasing was told; cleared when it recovers.",
    )

    def _tile_alert_users(self):
        """Who hears about tiles running low: purchasing of the rule's company (or its stock
        managers without Purchase)."""
        self.ensure_one()
        group = self.env.ref("purchase.group_purchase_user", raise_if_not_found=False) or self.env.ref(
            "stock.group_stock_manager"
        )
        return group.users.filtered(
            lambda user: not user.share and user.active and self.company_id in user.company_ids
        )

    @api.model
    def _tile_trigger_safety_check(self, products):
        """Run the low-stock check right after this transaction when a tile with a safety
        stock moved (Odoo's cron trigger), instead of waiting for the hourly run."""
        tiles = products.filtered("tile_is_tile")
        if tiles and self.sudo().search_count(
            [("product_id", "in", tiles.ids), ("product_min_qty", ">", 0)], limit=1
        ):
            self.env.ref("tile_inventory.ir_cron_tile_safety_alerts").sudo()._trigger()

    @api.model
    def _cron_tile_safety_alerts(self):
        """Tell purchasing once each time a tile's free stock crosses below its minimum."""
        orderpoints = self.search([("product_id.tile_is_tile", "=", True), ("product_min_qty", ">", 0)])
        alerted = self.browse()
        orderpoints.product_id.invalidate_recordset(["free_qty"])
        for orderpoint in orderpoints:
            free = orderpoint.product_id.with_context(location=orderpoint.location_id.id).free_qty
            low = free < orderpoint.product_min_qty
            if low and not orderpoint.tile_low_alerted:
                orderpoint._tile_send_low_alert(free)
                orderpoint.tile_low_alerted = True
                alerted |= orderpoint
            elif not low and orderpoint.tile_low_alerted:
                orderpoint.tile_low_alerted = False
        return alerted

    def _tile_send_low_alert(self, free):
        self.ensure_one()
        tmpl = self.product_id.product_tmpl_id
        users = self._tile_alert_users()
        body = _(
            "%(product)s is low in %(location)s: %(free)s boxes free, minimum %(min)s boxes. "
            "See the reordering rule to replenish.",
            product=self.product_id.display_name,
            location=self.location_id.display_name,
            free=tile_math.fmt_qty(tile_math.boxes_from_pieces(free, tmpl.tile_pieces_per_box)),
            min=tile_math.fmt_qty(
                tile_math.boxes_from_pieces(self.product_min_qty, tmpl.tile_pieces_per_box)
            ),
        )
        tmpl.message_post(body=body, partner_ids=users.partner_id.ids, subtype_xmlid="mail.mt_comment")
        for user in users:
            tmpl.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=_("Replenish %s", self.product_id.display_name),
                note=body,
            )

from odoo import _, api, fields, models
from odoo.exceptions import UserError

TILE_DOMAIN = [("tile_is_tile", "=", True), ("sale_ok", "=", True)]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    tile_room_ids = fields.One2many(
        "tile.room",
        "lead_id",
        "Rooms",
        copy=True,
        help="The customer's rooms, measured as on a quotation's take-off; New Quotation copies them.",
    )
    tile_liked_product_ids = fields.Many2many(
        "product.product",
        "crm_lead_tile_liked_product_rel",
        "lead_id",
        "product_id",
        string="Liked Tiles",
        domain=TILE_DOMAIN,
        help="Tiles the customer liked in the showroom or on the phone. Those not chosen for a room "
        "come on the quotation as optional products.",
    )
    tile_total_m2 = fields.Float(
        "Rooms m² to Order",
        compute="_compute_tile_total_m2",
        digits=(16, 2),
        help="Sum of the rooms' areas with wastage.",
    )

    @api.depends("tile_room_ids.gross_area_m2")
    def _compute_tile_total_m2(self):
        for lead in self:
            lead.tile_total_m2 = sum(lead.tile_room_ids.mapped("gross_area_m2"))

    def _tile_optional_products(self):
        """Liked tiles the quotation offers as optional products: those in no room."""
        self.ensure_one()
        return self.tile_liked_product_ids - self.tile_room_ids.product_id

    def _tile_quotation_values(self):
        """Values of the quotation New Quotation creates: the defaults Odoo's sale_crm gives its form."""
        context = self._prepare_opportunity_quotation_context()
        prefix = "default_"
        return {key[len(prefix) :]: value for key, value in context.items() if key.startswith(prefix)}

    def _tile_create_quotation(self):
        """A quotation for this opportunity with copies of its rooms and its liked tiles as options."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(
                _(
                    "Opportunity '%s' has rooms or liked tiles: choose its customer first, "
                    "so that the quotation can carry them.",
                    self.name,
                )
            )
        order = self.env["sale.order"].create(self._tile_quotation_values())
        for room in self.tile_room_ids:
            # The same path as the take-off: the room, then its section and tile line.
            self.env["tile.room"].create(room._tile_quotation_room_values(order))._sync_order_lines()
        sequence = max(order.order_line.mapped("sequence") or [0])
        self.env["sale.order.option"].create(
            [
                {
                    "order_id": order.id,
                    "product_id": product.id,
                    # One box, in the product's unit (pieces for tiles).
                    "quantity": product.tile_pieces_per_box or 1.0,
                    "sequence": sequence + index,
                }
                for index, product in enumerate(self._tile_optional_products(), start=1)
            ]
        )
        return order

    def action_new_quotation(self):
        # Without rooms or liked tiles Odoo's empty quotation form is all that is needed.
        if not (self.tile_room_ids or self.tile_liked_product_ids):
            return super().action_new_quotation()
        # The rooms' sections point to their rooms: both must exist, so the quotation is
        # created now (as the take-off does) and opened, instead of an unsaved form.
        order = self._tile_create_quotation()
        action = super().action_new_quotation()
        action["res_id"] = order.id
        action["views"] = [(False, "form")]
        return action

    def _merge_get_fields_specific(self):
        fields_info = super()._merge_get_fields_specific()
        # Merged opportunities keep every room (moved, not lost with the merged leads) and liked tile.
        fields_info["tile_room_ids"] = lambda fname, leads: [(4, room.id) for room in leads.tile_room_ids]
        fields_info["tile_liked_product_ids"] = lambda fname, leads: [
            (6, 0, leads.tile_liked_product_ids.ids)
        ]
        return fields_info

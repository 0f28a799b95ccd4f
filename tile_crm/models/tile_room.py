from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class TileRoom(models.Model):
    """The same room take-off, on an opportunity before there is a quotation.

    A room belongs to a quotation (its section and tile line live there) or to an
    opportunity (sizes and tile only, no lines): exactly one of the two.
    """

    _inherit = "tile.room"

    order_id = fields.Many2one(required=False)
    lead_id = fields.Many2one(
        "crm.lead",
        "Opportunity",
        ondelete="cascade",
        index="btree_not_null",
        help="The opportunity whose customer measured this room; New Quotation copies it to the quotation.",
    )
    # Owner of the room: the quotation's or the opportunity's. The record rules
    # read these, so a lead's rooms are seen by whoever sees the lead.
    company_id = fields.Many2one("res.company", related=False, compute="_compute_tile_owner", store=True)
    user_id = fields.Many2one("res.users", related=False, compute="_compute_tile_owner", store=True)

    @api.depends("order_id.company_id", "order_id.user_id", "lead_id.company_id", "lead_id.user_id")
    def _compute_tile_owner(self):
        for room in self:
            owner = room.order_id or room.lead_id
            room.company_id = owner.company_id
            room.user_id = owner.user_id

    @api.depends("lead_id.company_id")
    def _compute_wastage_percent(self):
        lead_rooms = self.filtered(lambda room: not room.order_id)
        res = super(TileRoom, self - lead_rooms)._compute_wastage_percent()
        for room in lead_rooms:
            company = room.lead_id.company_id or self.env.company
            room.wastage_percent = (
                company._tile_pattern_wastage(room.laying_pattern) + room.product_id.tile_extra_wastage
            )
        return res

    @api.constrains("order_id", "lead_id", "name")
    def _check_tile_owner(self):
        # "name" is always written on create: the check also runs when neither is given.
        for room in self:
            if bool(room.order_id) == bool(room.lead_id):
                raise ValidationError(
                    _(
                        "Room '%s' must belong to a quotation or to an opportunity: exactly one of them.",
                        room.name,
                    )
                )

    def _check_editable(self):
        # An opportunity's room has no order lines to protect.
        return super(TileRoom, self.filtered("order_id"))._check_editable()

    def _sync_order_lines(self):
        # Sections and tile lines exist on quotations only; a lead's room just keeps its sizes.
        return super(TileRoom, self.filtered("order_id"))._sync_order_lines()

    def _tile_quotation_room_values(self, order):
        """Values of this opportunity room's copy on ``order`` (extend to carry more fields)."""
        self.ensure_one()
        return {
            "order_id": order.id,
            "sequence": self.sequence,
            "name": self.name,
            "length_m": self.length_m,
            "width_m": self.width_m,
            "area_input_m2": self.area_input_m2,
            "laying_pattern": self.laying_pattern,
            "product_id": self.product_id.id,
            # Kept as typed on the opportunity, not proposed again from the pattern.
            "wastage_percent": self.wastage_percent,
        }

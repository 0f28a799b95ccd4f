from odoo import _, api, fields, models
from odoo.exceptions import UserError


class TileTransitClaim(models.Model):
    """Boxes broken on the road: a claim on the carrier (or our own loss), scrapped and replaced."""

    _name = "tile.transit.claim"
    _description = "Transit Breakage Claim"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, readonly=True, copy=False, default=lambda self: _("New"))
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", required=True, readonly=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="picking_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="picking_id.partner_id", string="Customer", store=True)
    sale_id = fields.Many2one(related="picking_id.sale_id", string="Sales Order", store=True)
    batch_id = fields.Many2one(related="picking_id.batch_id", string="Load", store=True)
    carrier_id = fields.Many2one("delivery.carrier", readonly=True, tracking=True)
    own_fleet = fields.Boolean(compute="_compute_own_fleet", store=True)
    claimed_partner_id = fields.Many2one(
        "res.partner", "Claimed From", compute="_compute_own_fleet", store=True, readonly=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("claimed", "Claimed"), ("own_loss", "Own Fleet Loss"), ("settled", "Settled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many("tile.transit.claim.line", "claim_id", "Broken Boxes", readonly=True)
    photo_ids = fields.Many2many(
        "ir.attachment", "tile_transit_claim_photo_rel", "claim_id", "attachment_id", "Photos", readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary("Value Claimed", compute="_compute_amount", store=True)
    boxes = fields.Integer("Boxes Broken", compute="_compute_amount", store=True)

    @api.depends("carrier_id.tile_own_fleet", "carrier_id.tile_partner_id")
    def _compute_own_fleet(self):
        for claim in self:
            claim.own_fleet = not claim.carrier_id or claim.carrier_id.tile_own_fleet
            claim.claimed_partner_id = False if claim.own_fleet else claim.carrier_id.tile_partner_id

    @api.depends("line_ids.value", "line_ids.boxes")
    def _compute_amount(self):
        for claim in self:
            claim.amount = sum(claim.line_ids.mapped("value"))
            claim.boxes = sum(claim.line_ids.mapped("boxes"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("tile.transit.claim") or _("New")
        return super().create(vals_list)

    def action_confirm(self):
        """Scrap the broken boxes with the carrier as cause and send the same shade again."""
        for claim in self:
            if claim.state != "draft":
                raise UserError(_("Claim %s is already confirmed.", claim.name))
            if not claim.line_ids:
                raise UserError(_("Claim %s has no broken boxes.", claim.name))
            for line in claim.line_ids:
                line._tile_scrap_and_replace()
            claim.state = "own_loss" if claim.own_fleet else "claimed"
            claim.message_post(body=_("%(boxes)s broken boxes scrapped.", boxes=claim.boxes))
        return True

    def action_settle(self):
        self.filtered(lambda c: c.state in ("claimed", "own_loss")).state = "settled"
        return True

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tile_order_base import tile_bounds, tile_math

from ..allocation import add_working_days


class TileStockHold(models.Model):
    """Boxes of one lot kept aside for a customer for a few days, before the order."""

    _name = "tile.stock.hold"
    _description = "Tile Lot Hold"
    _inherit = ["mail.thread", "mail.activity.mixin", "tile.bounds.mixin"]
    _order = "date_expire, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    lot_id = fields.Many2one(
        "stock.lot",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("tile_is_tile", "=", True)],
    )
    product_id = fields.Many2one(related="lot_id.product_id", store=True)
    partner_id = fields.Many2one("res.partner", "Customer", required=True, index=True, tracking=True)
    order_id = fields.Many2one(
        "sale.order", "Quotation", index="btree_not_null", tracking=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    boxes = fields.Float(required=True, digits=(16, 2), tracking=True)
    quantity = fields.Float("Pieces", compute="_compute_quantity", store=True, digits=(16, 0))
    m2 = fields.Float("m²", compute="_compute_quantity", store=True, digits=(16, 2))
    date_expire = fields.Date(
        "Held Until",
        required=True,
        tracking=True,
        default=lambda self: add_working_days(
            fields.Date.context_today(self), self.env.company.tile_hold_days
        ),
    )
    state = fields.Selection(
        [("active", "Held"), ("done", "Ordered"), ("expired", "Expired"), ("cancel", "Released")],
        default="active",
        required=True,
        tracking=True,
        index=True,
    )

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), boxes=tile_bounds.HOLD_BOXES)

    @api.depends("lot_id", "partner_id", "boxes")
    def _compute_name(self):
        for hold in self:
            hold.name = _(
                "%(boxes)s boxes of %(lot)s for %(partner)s",
                boxes=hold.boxes,
                lot=hold.lot_id.display_name,
                partner=hold.partner_id.display_name,
            )

    @api.depends("boxes", "lot_id")
    def _compute_quantity(self):
        for hold in self:
            tmpl = hold.lot_id.product_id.product_tmpl_id
            hold.quantity = hold.boxes * tmpl.tile_pieces_per_box
            hold.m2 = tile_math.m2_from_pieces(hold.quantity, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)

    @api.constrains("boxes", "date_expire", "lot_id", "state")
    def _check_hold(self):
        today = fields.Date.context_today(self)
        for hold in self.filtered(lambda h: h.state == "active"):
            if hold.boxes <= 0:
                raise ValidationError(_("A hold needs a number of boxes above zero."))
            if hold.boxes != int(hold.boxes):
                raise ValidationError(_("A hold keeps whole boxes; enter a whole number of boxes."))
            limit = hold._tile_latest_end(today)
            if limit and hold.date_expire > limit:
                raise ValidationError(
                    _(
                        "A hold can last at most %(days)s working days (until %(limit)s). "
                        "Choose an earlier date.",
                        days=hold.company_id.tile_hold_max_days,
                        limit=limit,
                    )
                )
            if hold.date_expire < today:
                raise ValidationError(_("The hold's end date is already past."))
            # Only the hold's company's stock counts (a lot may sit in several companies' stock).
            lot = hold.lot_id.with_context(tile_hold_exclude=hold.id, allowed_company_ids=hold.company_id.ids)
            if hold.quantity > lot.tile_qty_free + 1e-6:
                raise ValidationError(
                    _(
                        "Lot %(lot)s has only %(free)s boxes free; hold fewer boxes or choose another lot.",
                        lot=lot.display_name,
                        free=tile_math.fmt_qty(lot.tile_boxes_free),
                    )
                )

    def _tile_latest_end(self, today):
        """The latest end date this hold may have, or None for no limit (extend per kind of hold)."""
        self.ensure_one()
        return add_working_days(today, self.company_id.tile_hold_max_days)

    def action_release(self):
        self.write({"state": "cancel"})

    @api.model
    def _cron_expire_holds(self):
        """Expire holds past their date and tell the salesperson."""
        expired = self.search(
            [("state", "=", "active"), ("date_expire", "<", fields.Date.context_today(self))]
        )
        for hold in expired:
            hold.state = "expired"
            hold.message_post(
                body=_(
                    "The hold on %s expired; the boxes are free for other customers again.",
                    hold.lot_id.display_name,
                ),
                partner_ids=hold.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            hold.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=hold.user_id.id,
                summary=_("Hold expired: call %s?", hold.partner_id.display_name),
            )
        return expired

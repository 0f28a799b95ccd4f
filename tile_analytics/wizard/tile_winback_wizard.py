from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class TileWinbackWizard(models.TransientModel):
    """From the customers drifting away: one coupon each, from an Odoo coupon program, e-mailed."""

    _name = "tile.winback.wizard"
    _description = "Send a Win-back Offer"

    name = fields.Char("Campaign", required=True, default=lambda self: self.env._("Win-back offer"))
    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    program_id = fields.Many2one(
        "loyalty.program",
        "Coupon Program",
        required=True,
        domain="[('program_type', '=', 'coupons'), ('company_id', 'in', (False, company_id))]",
        help="Odoo's coupon program whose reward the customers get (Sales → Products → Discount & "
        "Loyalty).",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    valid_until = fields.Date(default=lambda self: fields.Date.context_today(self) + timedelta(days=60))
    template_id = fields.Many2one(
        "mail.template",
        "E-mail",
        required=True,
        domain="[('model', '=', 'loyalty.card')]",
        default=lambda self: self.env.ref(
            "tile_analytics.mail_template_tile_winback", raise_if_not_found=False
        ),
    )
    without_email_ids = fields.Many2many(
        "res.partner", compute="_compute_without_email_ids", string="Without E-mail"
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "tile.customer.behaviour":
            rows = self.env["tile.customer.behaviour"].browse(self.env.context.get("active_ids", []))
            res["partner_ids"] = [Command.set(rows.partner_id.ids)]
        if "program_id" in fields_list and not res.get("program_id"):
            program = self.env["loyalty.program"].search(
                [("program_type", "=", "coupons"), ("company_id", "in", (False, self.env.company.id))],
                order="id desc",
                limit=1,
            )
            res["program_id"] = program.id
        return res

    @api.depends("partner_ids.email")
    def _compute_without_email_ids(self):
        for wizard in self:
            wizard.without_email_ids = wizard.partner_ids.filtered(lambda partner: not partner.email)

    def action_send(self):
        self.ensure_one()
        customers = self.partner_ids.commercial_partner_id
        # Only customers this user may analyse (record rules of the behaviour view).
        visible = self.env["tile.customer.behaviour"].search([("partner_id", "in", customers.ids)]).partner_id
        if customers - visible:
            raise UserError(
                self.env._(
                    "These customers are not in your customer behaviour analysis: %(names)s. "
                    "Send offers only to customers you look after.",
                    names=", ".join((customers - visible).mapped("display_name")),
                )
            )
        if self.without_email_ids:
            raise UserError(
                self.env._(
                    "No e-mail address for %(names)s: add one on the customer, or leave them out.",
                    names=", ".join(self.without_email_ids.mapped("display_name")),
                )
            )
        if not self.program_id.reward_ids:
            raise UserError(
                self.env._(
                    "The program %(program)s gives no reward: add one first.", program=self.program_id.name
                )
            )
        rows = self.env["tile.customer.behaviour"].search([("partner_id", "in", customers.ids)])
        labels = dict(rows._fields["segment"]._description_selection(self.env))
        campaign = self.env["tile.winback.campaign"].create(
            {
                "name": self.name,
                "program_id": self.program_id.id,
                "segment": ", ".join(
                    sorted({labels[segment] for segment in rows.mapped("segment") if segment})
                ),
            }
        )
        # Odoo's own coupons; its "at creation" mail is held back: this offer has its own words.
        cards = (
            self.env["loyalty.card"]
            .with_context(loyalty_no_mail=True)
            .create(
                [
                    {
                        "program_id": self.program_id.id,
                        "partner_id": partner.id,
                        "points": 1,
                        "expiration_date": self.valid_until,
                        "tile_winback_campaign_id": campaign.id,
                    }
                    for partner in customers
                ]
            )
        )
        for card in cards:
            self.template_id.send_mail(card.id, email_layout_xmlid="mail.mail_notification_light")
        campaign.message_post(
            body=self.env._("%(count)s coupons e-mailed.", count=len(cards)),
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "tile.winback.campaign",
            "res_id": campaign.id,
            "view_mode": "form",
        }

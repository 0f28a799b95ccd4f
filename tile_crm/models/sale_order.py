from markupsafe import Markup

from odoo import _, models

# States of a quotation that keep its opportunity alive.
OPEN_STATES = ("draft", "sent", "sale")


def lead_outcome(order_states, lead_status):
    """What the quotations' states decide for their opportunity: 'won', 'lost' or None.

    ``order_states``: the states of all the opportunity's quotations; ``lead_status``: 'open',
    'won' or 'lost' now. A confirmed order wins it (a lost one too: the customer came back);
    when every quotation of an open opportunity is cancelled it is lost; otherwise (an open
    quotation left, no quotation at all, already won) nothing changes.
    """
    states = set(order_states)
    if "sale" in states:
        return "won" if lead_status != "won" else None
    if lead_status == "open" and states and not states & set(OPEN_STATES):
        return "lost"
    return None


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        res = super().action_confirm()
        self._tile_crm_follow_orders()
        return res

    def _action_cancel(self):
        res = super()._action_cancel()
        self._tile_crm_follow_orders()
        return res

    def _tile_crm_lost_reason(self):
        """The lost reason of an opportunity whose quotations were all cancelled."""
        return self.env.ref("tile_crm.lost_reason_quotation_cancelled", raise_if_not_found=False)

    def _tile_crm_lead_status(self, lead):
        """'open', 'won' or 'lost': where ``lead`` stands before its quotations decide."""
        if not lead.active:
            return "lost"
        return "won" if lead.stage_id.is_won else "open"

    def _tile_crm_follow_orders(self):
        """Mark the opportunities of these orders won or lost as their quotations decide."""
        # sudo: the opportunity follows its quotations even when the person confirming or
        # cancelling (another salesperson, the back office) may not edit it; the chatter still
        # names them (sudo keeps the user).
        for lead in self.opportunity_id.sudo():
            outcome = lead_outcome(lead.order_ids.mapped("state"), self._tile_crm_lead_status(lead))
            orders = Markup(", ").join(
                order._get_html_link() for order in self if order.opportunity_id == lead
            )
            if outcome == "won":
                lead.action_set_won()
                lead.message_post(body=_("Won: %s confirmed.", orders))
            elif outcome == "lost":
                reason = self._tile_crm_lost_reason()
                lead.action_set_lost(lost_reason_id=reason.id if reason else False)
                lead.message_post(body=_("Lost: %s cancelled and no other quotation is open.", orders))

from odoo import models

from .sale_order import APPROVAL_ACTIVITY


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        # Marking an approval activity done is the approver's "approve" (from the chatter or
        # the activity menu); refused the same way as the button, before anything is closed.
        if not self.env.context.get("tile_review_closing"):
            approval_type = self.env.ref(APPROVAL_ACTIVITY, raise_if_not_found=False)
            approvals = self.filtered(
                lambda act: act.activity_type_id == approval_type and act.res_model == "sale.order"
            )
            for order in self.env["sale.order"].browse(set(approvals.mapped("res_id"))):
                order._tile_review_approve(done_activities=approvals)
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

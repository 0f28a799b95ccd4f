from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.mail.controllers.mail import MailController


class TileOrderReviewController(http.Controller):
    @http.route("/tile_order_review/approve", type="http", auth="user", methods=["GET"])
    def approve(self, res_id=None, token=None, **kwargs):
        """The Approve button of the approvers' e-mail: signed link, approver's own rights."""
        try:
            order_id = int(res_id)
        except (TypeError, ValueError):
            raise BadRequest(
                request.env._("The link is incomplete: open the order in Odoo instead.")
            ) from None
        comparison, order, redirect = MailController._check_token_and_record_or_redirect(
            "sale.order", order_id, token
        )
        if not comparison or not order:
            return request.make_response(
                request.env._("This approval link is not valid (changed or for another database)."),
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=403,
            )
        try:
            with request.env.cr.savepoint():
                order.action_tile_review_approve()
        except (UserError, AccessError) as error:
            return request.make_response(
                str(error.args[0] if error.args else error),
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=403 if isinstance(error, AccessError) else 409,
            )
        return redirect

"""The approver's e-mail: an Approve button that works for the approver only."""

from urllib.parse import parse_qs, urlparse

from odoo.tests import HttpCase, tagged

from .common import TileReviewMixin


@tagged("post_install", "-at_install")
class TestReviewEmail(HttpCase, TileReviewMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_review()
        for user in (cls.seller, cls.leader):
            user.password = user.login + "-Pass-2026"
        # Scripts and tests sign in with a password; the second factor is tile_security's business.
        cls.env["ir.config_parameter"].sudo().set_param("auth_totp.policy", False)

    def _approve_link(self, order):
        mail = self.env["mail.mail"].search([("model", "=", "sale.order"), ("res_id", "=", order.id)])
        bodies = " ".join(mail.mapped("body_html"))
        self.assertIn("/tile_order_review/approve", bodies, "the approver's e-mail carries the button")
        start = bodies.index("/tile_order_review/approve")
        end = bodies.index('"', start)
        return bodies[start:end].replace("&amp;", "&")

    def test_approve_from_the_email(self):
        order = self.order_for(self.seller, price=75.0)
        # Kept in the queue (not sent at once) so that the test reads the e-mail.
        order.with_user(self.seller).with_context(mail_notify_force_send=False).action_confirm()
        link = self._approve_link(order)
        mails = self.env["mail.mail"].search([("model", "=", "sale.order"), ("res_id", "=", order.id)])
        self.assertEqual(mails.recipient_ids, self.leader.partner_id, "one e-mail, to the approver")
        # The salesperson holding the link is refused with a reason, and nothing changes.
        self.authenticate(self.seller.login, self.seller.login + "-Pass-2026")
        response = self.url_open(link, allow_redirects=False)
        self.assertEqual(response.status_code, 409)
        self.assertIn("Only order approvers", response.text)
        self.assertEqual(order.state, "draft")
        # A forged token.
        self.authenticate(self.leader.login, self.leader.login + "-Pass-2026")
        query = parse_qs(urlparse(link).query)
        forged = f"/tile_order_review/approve?res_id={query['res_id'][0]}&token=0000"
        self.assertEqual(self.url_open(forged, allow_redirects=False).status_code, 403)
        self.assertEqual(self.url_open("/tile_order_review/approve?res_id=abc&token=1").status_code, 400)
        self.assertEqual(order.state, "draft")
        # The approver.
        response = self.url_open(link, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(order.state, "sale")

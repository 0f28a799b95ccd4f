import time

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileRpcMixin


@tagged("post_install", "-at_install")
class TestSessionIdle(TileRpcMixin, HttpCase):
    """A signed-in session ends after the idle time without a request (2 hours by default)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(cls.env, login="tile_sec_idle", groups="sales_team.group_sale_salesman")
        cls.idle = int(cls.env["ir.config_parameter"].sudo().get_param("sessions.max_inactivity_seconds"))

    def last_request_ago(self, seconds):
        """Pretend the session's last request was ``seconds`` ago."""
        store = http.root.session_store
        session = store.get(self.session.sid)
        session["tile_last_activity"] = time.time() - seconds
        store.save(session)

    def count_partners(self):
        return self.rpc("res.partner", "search_count", [[]])

    def test_idle_session_is_signed_out(self):
        self.assertEqual(self.idle, 7200, "installed default: 2 hours")
        self.authenticate("tile_sec_idle", "tile_sec_idle")
        result, error = self.count_partners()
        self.assertIsNone(error)
        self.last_request_ago(self.idle - 60)
        result, error = self.count_partners()
        self.assertIsNone(error, "active within the idle time: still signed in")
        self.last_request_ago(self.idle + 60)
        result, error = self.count_partners()
        self.assertIsNone(result)
        self.assertEqual(error["name"], "odoo.http.SessionExpiredException")
        # and it stays signed out
        self.assertEqual(self.count_partners()[1]["name"], "odoo.http.SessionExpiredException")

    def test_each_request_renews_the_idle_time(self):
        self.authenticate("tile_sec_idle", "tile_sec_idle")
        self.last_request_ago(self.idle - 60)
        self.assertIsNone(self.count_partners()[1])
        stored = http.root.session_store.get(self.session.sid)
        self.assertAlmostEqual(stored["tile_last_activity"], time.time(), delta=30)

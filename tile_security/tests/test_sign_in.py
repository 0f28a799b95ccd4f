import datetime
import json
import re
from unittest.mock import patch

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import get_db_name
from odoo.tools import convert_file

PASSWORD = "correct-horse-42"


@tagged("post_install", "-at_install")
class TestSignIn(HttpCase):
    """Sign-in over HTTP as a browser does: throttling, the sign-in log, the second factor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env, login="tile_sec_clerk", password=PASSWORD, groups="sales_team.group_sale_salesman"
        )
        cls.params = cls.env["ir.config_parameter"].sudo()

    def setUp(self):
        super().setUp()
        # Odoo counts failures per address in the registry, across requests and tests.
        self.addCleanup(lambda: getattr(self.registry, "_login_failures", {}).pop("127.0.0.1", None))
        getattr(self.registry, "_login_failures", {}).pop("127.0.0.1", None)

    def sign_in(self, login, password):
        """POST the login form with its CSRF token, as the login page does; the final response."""
        page = self.url_open("/web/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            "/web/login",
            data={"login": login, "password": password, "csrf_token": token, "redirect": "/odoo"},
            allow_redirects=False,
        )

    def signed_in_uid(self):
        """The user of the browser's session, read from Odoo's session store."""
        sid = self.opener.cookies.get("session_id")
        return sid and http.root.session_store.get(sid).uid

    def age_failures(self, seconds):
        """Make the last failure from this address ``seconds`` old."""
        failures, _last = self.registry._login_failures["127.0.0.1"]
        self.registry._login_failures["127.0.0.1"] = (
            failures,
            datetime.datetime.now() - datetime.timedelta(seconds=seconds),
        )

    def test_repeated_failures_pause_sign_in_even_with_the_right_password(self):
        self.params.set_param("auth_totp.policy", False)  # the second factor is tested below
        for _attempt in range(5):
            self.assertIn("Wrong login/password", self.sign_in("tile_sec_clerk", "guess-guess").text)
        refused = self.sign_in("tile_sec_clerk", PASSWORD)
        self.assertIn("Too many login failures", refused.text)
        self.assertFalse(self.signed_in_uid())
        # The pause is 5 minutes (Odoo's default is one): two minutes later, still refused.
        self.age_failures(120)
        self.assertIn("Too many login failures", self.sign_in("tile_sec_clerk", PASSWORD).text)
        self.assertFalse(self.signed_in_uid())
        self.age_failures(301)
        signed_in = self.sign_in("tile_sec_clerk", PASSWORD)
        self.assertNotIn("Too many login failures", signed_in.text)
        self.assertEqual(self.signed_in_uid(), self.clerk.id)

        attempts = self.env["tile.login.attempt"].search([("login", "=", "tile_sec_clerk")], order="id")
        self.assertEqual(
            attempts.mapped("result"),
            ["failed"] * 5 + ["cooldown", "cooldown", "success"],
            "refusals outlive their rollback",
        )
        self.assertEqual(attempts.user_id, self.clerk)
        self.assertEqual(set(attempts.mapped("ip_address")), {"127.0.0.1"})

    def test_unknown_logins_are_recorded_too(self):
        self.sign_in("nobody-here", "whatever-12")
        attempt = self.env["tile.login.attempt"].search([("login", "=", "nobody-here")])
        self.assertEqual((attempt.result, attempt.user_id.id), ("failed", False))

    def test_employees_need_a_second_factor_and_scripts_an_api_key(self):
        # What a database without demo data has from install (data/tile_security_data.xml).
        self.params.set_param("auth_totp.policy", "employee_required")
        response = self.sign_in("tile_sec_clerk", PASSWORD)
        self.assertIn("/web/login/totp", response.headers["Location"])
        self.assertFalse(self.signed_in_uid(), "the password alone does not sign in")

        # A password alone does not open RPC either; an API key does.
        def execute(secret):
            payload = {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "service": "object",
                    "method": "execute_kw",
                    "args": [get_db_name(), self.clerk.id, secret, "res.partner", "search_count", [[]]],
                },
            }
            body = self.url_open(
                "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
            ).json()
            return body.get("result"), body.get("error", {}).get("data", {}).get("name")

        result, error = execute(PASSWORD)
        self.assertEqual((result, error), (None, "odoo.exceptions.AccessDenied"))
        key = self.env["res.users.apikeys"].with_user(self.clerk).sudo()._generate("rpc", "script", None)
        result, error = execute(key)
        self.assertIsNone(error)
        self.assertGreater(result, 0)

    def test_portal_users_sign_in_with_their_password(self):
        self.params.set_param("auth_totp.policy", "employee_required")
        customer = new_test_user(
            self.env, login="tile_sec_portal", password=PASSWORD, groups="base.group_portal"
        )
        self.sign_in("tile_sec_portal", PASSWORD)
        self.assertEqual(self.signed_in_uid(), customer.id)


@tagged("post_install", "-at_install")
class TestSecurityDefaults(TransactionCase):
    """The settings a new database gets, and the password rules they give."""

    def load_data(self, module, filename):
        convert_file(self.env, module, filename, {}, mode="init", noupdate=True, kind="data")

    def test_a_new_database_gets_the_safe_defaults(self):
        self.load_data("tile_security_password", "data/password_security_data.xml")
        self.load_data("tile_security", "data/tile_security_data.xml")
        params = self.env["ir.config_parameter"].sudo()
        expected = {
            "auth_password_policy.minlength": "10",
            "password_security.history": "10",
            "password_security.expiration_days": "0",
            "password_security.upper": "0",
            "auth_totp.policy": "employee_required",
            "base.login_cooldown_after": "5",
            "base.login_cooldown_duration": "300",
            "sessions.max_inactivity_seconds": "7200",
        }
        self.assertEqual({key: params.get_param(key) for key in expected}, expected)

    def test_passwords_are_long_and_never_reused(self):
        user = new_test_user(self.env, login="tile_sec_pw", password="first-password-1")
        # password_security checks nothing in other modules' tests: this test is one of its own.
        with patch.object(self, "test_module", "password_security"):
            with self.assertRaises(UserError):
                user.write({"password": "nine-char"})
            user.write({"password": "second-password-2"})
            user.write({"password": "third-password-3"})
            with self.assertRaisesRegex((UserError, ValidationError), "most recent"):
                user.write({"password": "second-password-2"})

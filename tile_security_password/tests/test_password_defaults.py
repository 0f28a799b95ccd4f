from unittest.mock import patch

from odoo.modules import module
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPasswordDefaults(TransactionCase):
    def test_the_suite_defaults_replace_password_security_ones(self):
        params = self.env["ir.config_parameter"].sudo()
        values = {
            name: int(params.get_param(f"password_security.{name}"))
            for name in (
                "history",
                "minimum_hours",
                "expiration_days",
                "lower",
                "upper",
                "numeric",
                "special",
            )
        }
        # No reuse of the last 10, no composition rules, no forced expiry.
        self.assertEqual(
            values,
            {
                "history": 10,
                "minimum_hours": 24,
                "expiration_days": 0,
                "lower": 0,
                "upper": 0,
                "numeric": 0,
                "special": 0,
            },
        )

    def test_users_made_between_tests_do_not_crash_password_security(self):
        # Demo data of a --test-enable install loads while no test runs (current_test is False):
        # password_security then read False.test_module and the demo failed to load.
        with patch.object(module, "current_test", False):
            user = new_test_user(self.env, login="tsp_demo_driver", password="short")
        self.assertTrue(user.exists())

from odoo import models
from odoo.modules import module
from odoo.tools import config


class ResUsers(models.Model):
    _inherit = "res.users"

    def _check_password_policy(self, passwords):
        # password_security skips its checks while tests run, reading the running test's module;
        # between tests (demo data of a --test-enable install) there is none and it fails on
        # False.test_module. Skip there too, as password_security means to.
        if config["test_enable"] and not module.current_test:
            return True
        return super()._check_password_policy(passwords)

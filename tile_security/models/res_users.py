import contextvars

from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessDenied
from odoo.http import request

# Set in the WSGI environ of a request whose sign-in Odoo's login cooldown refused.
COOLDOWN_KEY = "tile_security.login_cooldown"
# True while res.users.check() verifies the password of an XML-RPC / JSON-RPC call.
RPC_CHECK = contextvars.ContextVar("tile_security_rpc_check", default=False)


class ResUsers(models.Model):
    _inherit = "res.users"

    @classmethod
    def _login(cls, db, credential, user_agent_env):
        try:
            auth_info = super()._login(db, credential, user_agent_env)
        except AccessDenied:
            refused = bool(request and request.httprequest.environ.get(COOLDOWN_KEY))
            cls._tile_log_attempt(credential, "cooldown" if refused else "failed")
            raise
        cls._tile_log_attempt(credential, "success", auth_info.get("uid"))
        return auth_info

    @classmethod
    def _tile_log_attempt(cls, credential, result, user_id=None):
        """Record a sign-in attempt on a cursor of its own: a refused sign-in rolls back its own."""
        login = credential.get("login") or ""
        ip_address = user_agent = None
        if request:
            ip_address = request.httprequest.remote_addr
            user_agent = request.httprequest.user_agent.string
        with cls.pool.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["tile.login.attempt"]._tile_record(login, result, user_id, ip_address, user_agent)

    def _on_login_cooldown(self, failures, previous):
        on_cooldown = super()._on_login_cooldown(failures, previous)
        if on_cooldown and request:
            request.httprequest.environ[COOLDOWN_KEY] = True
        return on_cooldown

    @classmethod
    def check(cls, db, uid, passwd):
        token = RPC_CHECK.set(True)
        try:
            return super().check(db, uid, passwd)
        finally:
            RPC_CHECK.reset(token)

    def _rpc_api_keys_only(self):
        # Where the sign-in needs a second factor (Odoo's e-mailed code, auth_totp_mail_enforce),
        # a password alone must not open XML-RPC / JSON-RPC calls either: scripts use an API key.
        # Only for the calls themselves (check()): signing in is left to the sign-in rules.
        return super()._rpc_api_keys_only() or (RPC_CHECK.get() and self._mfa_type() == "totp_mail")

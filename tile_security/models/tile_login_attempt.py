from datetime import timedelta

from odoo import api, fields, models

RESULTS = [
    ("success", "Password accepted"),
    ("failed", "Wrong login or password"),
    ("cooldown", "Refused: too many failures"),
]


class TileLoginAttempt(models.Model):
    """One sign-in attempt with a login and password, successful or not (written by res.users)."""

    _name = "tile.login.attempt"
    _description = "Sign-in Attempt"
    _order = "id desc"
    _rec_name = "login"

    login = fields.Char(required=True, index=True, readonly=True)
    user_id = fields.Many2one("res.users", index="btree_not_null", ondelete="set null", readonly=True)
    result = fields.Selection(RESULTS, required=True, index=True, readonly=True)
    ip_address = fields.Char("IP Address", readonly=True)
    user_agent = fields.Char("Browser", readonly=True)

    @api.model
    def _tile_record(self, login, result, user_id=None, ip_address=None, user_agent=None):
        """Write one attempt (called as superuser on a cursor of its own)."""
        if not user_id:
            user = (
                self.env["res.users"].with_context(active_test=False).search([("login", "=", login)], limit=1)
            )
            user_id = user.id
        return self.create(
            {
                "login": (login or "")[:128],
                "user_id": user_id or False,
                "result": result,
                "ip_address": ip_address,
                "user_agent": (user_agent or "")[:256] or False,
            }
        )

    @api.autovacuum
    def _gc_tile_login_attempts(self):
        """Forget attempts older than tile_security.login_attempt_days (default 400) days."""
        days = int(self.env["ir.config_parameter"].sudo().get_param("tile_security.login_attempt_days", 400))
        if days > 0:
            self.sudo().search([("create_date", "<", fields.Datetime.now() - timedelta(days=days))]).unlink()

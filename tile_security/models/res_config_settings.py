from odoo import api, fields, models

IDLE_PARAM = "sessions.max_inactivity_seconds"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tile_session_idle_minutes = fields.Integer(
        "Sign Out After Idle (minutes)",
        help="A signed-in session without any request for this long is signed out "
        "(Odoo's sessions.max_inactivity_seconds).",
    )
    tile_login_cooldown_after = fields.Integer(
        "Failed Sign-ins Before a Pause",
        config_parameter="base.login_cooldown_after",
        default=5,
        help="After this many failed sign-ins from one address, sign-ins from it are refused "
        "for the pause below, even with the right password.",
    )
    tile_login_cooldown_duration = fields.Integer(
        "Pause (seconds)",
        config_parameter="base.login_cooldown_duration",
        default=60,
    )

    @api.model
    def _tile_bounds(self):
        return dict(
            super()._tile_bounds(),
            tile_session_idle_minutes=(0, 7 * 24 * 60),
            tile_login_cooldown_after=(0, 100),
            tile_login_cooldown_duration=(0, 24 * 3600),
        )

    @api.model
    def get_values(self):
        res = super().get_values()
        seconds = self.env["ir.config_parameter"].sudo().get_param(IDLE_PARAM)
        try:
            res["tile_session_idle_minutes"] = int(seconds) // 60 if seconds else 0
        except ValueError:
            res["tile_session_idle_minutes"] = 0
        return res

    def set_values(self):
        res = super().set_values()
        minutes = self.tile_session_idle_minutes
        self.env["ir.config_parameter"].sudo().set_param(IDLE_PARAM, minutes * 60 if minutes > 0 else False)
        return res

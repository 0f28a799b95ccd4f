import time

from odoo import api, models
from odoo.http import SESSION_LIFETIME, request

# The last request of a session, in seconds since the epoch (time.time()).
LAST_ACTIVITY = "tile_last_activity"
# A session's last-activity time is written at most this often (a session write per request
# would be a file write per request).
ACTIVITY_RESOLUTION = 60


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _authenticate_explicit(cls, auth):
        cls._tile_expire_idle_session()
        return super()._authenticate_explicit(auth)

    @classmethod
    def _tile_idle_limit(cls):
        """Seconds without a request after which a signed-in session ends: Odoo's own
        ``sessions.max_inactivity_seconds`` (which also sets the cookie's lifetime)."""
        value = request.env["ir.config_parameter"].sudo().get_param("sessions.max_inactivity_seconds")
        try:
            return int(value) if value else SESSION_LIFETIME
        except ValueError:
            return SESSION_LIFETIME

    @classmethod
    def _tile_expire_idle_session(cls):
        """Sign the session out when its last request is older than the idle limit; otherwise
        note this request as its last activity."""
        session = request.session
        if not session.uid:
            return
        now = time.time()
        last = session.get(LAST_ACTIVITY)
        if last and now - last > cls._tile_idle_limit():
            session.logout(keep_db=True)
            request.env = api.Environment(request.env.cr, None, session.context)
            return
        if not last or now - last >= ACTIVITY_RESOLUTION:
            session[LAST_ACTIVITY] = now

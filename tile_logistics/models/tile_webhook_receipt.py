from datetime import timedelta

from odoo import api, fields, models


class TileWebhookReceipt(models.Model):
    """Signatures of carrier calls already accepted: the same signed call twice is a replay."""

    _name = "tile.webhook.receipt"
    _description = "Carrier Webhook Receipt"
    _log_access = False

    carrier_id = fields.Many2one("delivery.carrier", required=True, ondelete="cascade", index=True)
    signature = fields.Char(required=True, size=64)
    received_at = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [("signature_unique", "unique(carrier_id, signature)", "Replayed webhook call.")]

    @api.autovacuum
    def _gc_old_receipts(self):
        # Calls older than the ±5 minute window are refused by their timestamp anyway.
        self.search([("received_at", "<", fields.Datetime.now() - timedelta(minutes=15))]).unlink()

from odoo import api, fields, models
from odoo.tools import SQL

from ..report.tile_customer_behaviour import SEGMENTS


class TileCustomerSegmentHistory(models.Model):
    """When a customer moved from one segment to another (written by a daily cron), so that a
    manager sees who is drifting and who came back."""

    _name = "tile.customer.segment.history"
    _description = "Customer Segment History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", "Customer", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")
    date = fields.Date(required=True, default=fields.Date.context_today)
    segment = fields.Selection(SEGMENTS, required=True)
    previous_segment = fields.Selection(SEGMENTS)

    @api.model
    def _cron_record_segments(self):
        """One row per customer whose segment is not the one last recorded (a first one too)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT b.partner_id, b.company_id, b.segment, last.segment
              FROM (%s) b
              LEFT JOIN LATERAL (
                  SELECT h.segment FROM tile_customer_segment_history h
                   WHERE h.partner_id = b.partner_id AND h.company_id = b.company_id
                   ORDER BY h.date DESC, h.id DESC LIMIT 1
              ) last ON TRUE
             WHERE last.segment IS DISTINCT FROM b.segment
            """,
                self.env["tile.customer.behaviour"]._table_query,
            )
        )
        rows = self.env.cr.fetchall()
        self.create(
            [
                {
                    "partner_id": partner,
                    "company_id": company,
                    "segment": segment,
                    "previous_segment": previous,
                }
                for partner, company, segment, previous in rows
            ]
        )
        return len(rows)

from odoo import api, fields, models
from odoo.tools import SQL

SEGMENTS = [
    ("champion", "Champion"),
    ("loyal", "Loyal"),
    ("new", "New"),
    ("regular", "Regular"),
    ("at_risk", "At Risk"),
    ("lost", "Lost"),
]


class TileCustomerBehaviour(models.Model):
    """Per customer and company: how often, how recently and how much they buy, and their segment.

    A view over confirmed orders, always current; the segment thresholds are the company's
    (Sales settings).
    """

    _name = "tile.customer.behaviour"
    _description = "Customer Buying Behaviour"
    _auto = False
    _order = "last_order desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    order_count = fields.Integer("Orders", readonly=True)
    first_order = fields.Date(readonly=True)
    last_order = fields.Date(readonly=True)
    recency_days = fields.Integer("Days Since Last Order", readonly=True, aggregator="avg")
    amount_total = fields.Monetary("Total Untaxed", readonly=True)
    amount_average = fields.Monetary("Average Order", readonly=True, aggregator="avg")
    m2_total = fields.Float("m²", digits=(16, 2), readonly=True)
    segment = fields.Selection(SEGMENTS, readonly=True)
    # What and where they buy: read on demand, per customer, from their confirmed orders.
    preferred_format = fields.Char(compute="_compute_preferences", help="The format they bought most m² of.")
    preferred_series_id = fields.Many2one(
        "tile.series", compute="_compute_preferences", help="The series they bought most m² of."
    )
    usual_delivery_id = fields.Many2one(
        "res.partner",
        "Usual Delivery Address",
        compute="_compute_preferences",
        help="The address most of their orders were delivered to.",
    )
    segment_history_ids = fields.One2many(
        "tile.customer.segment.history", compute="_compute_segment_history_ids"
    )

    @property
    def _table_query(self):
        # Amounts in company currency, as Odoo's sales analysis converts them.
        return SQL(
            """
            SELECT MIN(s.id) AS id,
                   partner.commercial_partner_id AS partner_id,
                   s.company_id,
                   cp.user_id,
                   COUNT(*) AS order_count,
                   MIN(s.date_order)::date AS first_order,
                   MAX(s.date_order)::date AS last_order,
                   (CURRENT_DATE - MAX(s.date_order)::date) AS recency_days,
                   SUM(s.amount_untaxed / CASE COALESCE(s.currency_rate, 0) WHEN 0 THEN 1.0
                       ELSE s.currency_rate END) AS amount_total,
                   SUM(s.amount_untaxed / CASE COALESCE(s.currency_rate, 0) WHEN 0 THEN 1.0
                       ELSE s.currency_rate END) / COUNT(*) AS amount_average,
                   -- The orders' stored m² (tile_order_base): no pass over the order lines.
                   SUM(COALESCE(s.tile_total_m2, 0)) AS m2_total,
                   CASE
                       WHEN CURRENT_DATE - MAX(s.date_order)::date > c.tile_rfm_lost_days THEN 'lost'
                       WHEN CURRENT_DATE - MAX(s.date_order)::date > c.tile_rfm_at_risk_days THEN 'at_risk'
                       WHEN CURRENT_DATE - MIN(s.date_order)::date <= c.tile_rfm_new_days THEN 'new'
                       WHEN COUNT(*) >= c.tile_rfm_champion_orders THEN 'champion'
                       WHEN COUNT(*) >= c.tile_rfm_loyal_orders THEN 'loyal'
                       ELSE 'regular'
                   END AS segment
              FROM sale_order s
              JOIN res_partner partner ON partner.id = s.partner_id
              JOIN res_partner cp ON cp.id = partner.commercial_partner_id
              JOIN res_company c ON c.id = s.company_id
             WHERE s.state = 'sale'
             GROUP BY partner.commercial_partner_id, s.company_id, cp.user_id,
                      c.tile_rfm_lost_days, c.tile_rfm_at_risk_days, c.tile_rfm_new_days,
                      c.tile_rfm_champion_orders, c.tile_rfm_loyal_orders
            """
        )

    def _tile_xlsx_columns(self):
        """Columns of the XLSX export (tile.analysis.export)."""
        _ = self.env._
        return [
            ("partner_id", _("Customer"), "text"),
            ("segment", _("Segment"), "text"),
            ("user_id", _("Salesperson"), "text"),
            ("order_count", _("Orders"), "qty"),
            ("first_order", _("First Order"), "date"),
            ("last_order", _("Last Order"), "date"),
            ("recency_days", _("Days Since Last Order"), "days"),
            ("m2_total", _("m²"), "m2"),
            ("amount_total", _("Total Untaxed (company currency)"), "money"),
            ("amount_average", _("Average Order"), "average"),
        ]

    def _top_per_customer(self, column, weight, extra_from=""):
        """{(partner, company): value} of the ``column`` with the largest ``weight`` summed."""
        if not self:
            return {}
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (partner.commercial_partner_id, s.company_id)
                       partner.commercial_partner_id, s.company_id, %(column)s
                  FROM sale_order s
                  JOIN res_partner partner ON partner.id = s.partner_id
                  %(extra_from)s
                 WHERE s.state = 'sale' AND partner.commercial_partner_id IN %(partners)s
                   AND %(column)s IS NOT NULL
                 GROUP BY partner.commercial_partner_id, s.company_id, %(column)s
                 ORDER BY partner.commercial_partner_id, s.company_id, SUM(%(weight)s) DESC, %(column)s
                """,
                column=SQL(column),
                weight=SQL(weight),
                extra_from=SQL(extra_from),
                partners=tuple(self.partner_id.ids),
            )
        )
        return {(partner, company): value for partner, company, value in self.env.cr.fetchall()}

    @api.depends("partner_id", "company_id")
    def _compute_preferences(self):
        lines = """JOIN sale_order_line l ON l.order_id = s.id AND l.display_type IS NULL
                   JOIN product_product p ON p.id = l.product_id
                   JOIN product_template t ON t.id = p.product_tmpl_id"""
        formats = self._top_per_customer("t.tile_format", "l.tile_m2", lines)
        series = self._top_per_customer("t.tile_series_id", "l.tile_m2", lines)
        addresses = self._top_per_customer("s.partner_shipping_id", "1")
        for row in self:
            key = (row.partner_id.id, row.company_id.id)
            row.preferred_format = formats.get(key)
            row.preferred_series_id = series.get(key)
            row.usual_delivery_id = addresses.get(key)

    def _compute_segment_history_ids(self):
        history = self.env["tile.customer.segment.history"]
        for row in self:
            row.segment_history_ids = history.search(
                [("partner_id", "=", row.partner_id.id), ("company_id", "=", row.company_id.id)]
            )

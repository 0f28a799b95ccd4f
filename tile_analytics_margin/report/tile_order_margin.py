from odoo import fields, models
from odoo.tools import SQL

# Order amounts are in the order's currency; Odoo's sales analysis divides by the order's rate
# to reach the company currency, and so do we (valuation is in company currency).
_TO_COMPANY = "/ CASE COALESCE(s.currency_rate, 0) WHEN 0 THEN 1.0 ELSE s.currency_rate END"


class TileOrderMargin(models.Model):
    """Per confirmed order line: what was delivered, what it cost, what is left.

    The cost of goods is Odoo's own valuation of the delivery moves of the line (returns
    deducted), so it is the stock accounting's figure, lot by lot. Bridge modules add their
    costs (freight, production) through ``_margin_fields`` and ``_margin_cost_terms``; the
    margin subtracts whatever cost terms are installed. Always current (a view).
    """

    _name = "tile.order.margin"
    _description = "Tile Order Cost and Margin"
    _auto = False
    _order = "date desc, order_id desc, id"
    _rec_name = "order_id"

    order_id = fields.Many2one("sale.order", readonly=True)
    line_id = fields.Many2one("sale.order.line", "Order Line", readonly=True)
    date = fields.Date("Order Date", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one("product.product", readonly=True)
    tile_format = fields.Char("Format", readonly=True)
    tile_series_id = fields.Many2one("tile.series", "Series", readonly=True)
    state_id = fields.Many2one("res.country.state", "Delivery Province", readonly=True)
    city = fields.Char("Delivery City", readonly=True)
    tile_m2 = fields.Float("m² Ordered", digits=(16, 2), readonly=True)
    tile_m2_delivered = fields.Float("m² Delivered", digits=(16, 2), readonly=True)
    amount_ordered = fields.Monetary("Ordered Amount", readonly=True)
    amount_delivered = fields.Monetary(
        "Delivered Amount", readonly=True, help="The untaxed amount of the quantities delivered."
    )
    cost_goods = fields.Monetary(
        "Cost of Goods", readonly=True, help="Odoo's valuation of the goods delivered, returns deducted."
    )
    cost_total = fields.Monetary("Total Cost", readonly=True)
    margin = fields.Monetary(readonly=True, help="Delivered amount minus every cost shown.")

    def _tile_xlsx_columns(self):
        """Columns of the XLSX export (tile_analytics' tile.analysis.export); bridges add theirs."""
        _ = self.env._
        return [
            ("date", _("Order Date"), "date"),
            ("order_id", _("Order"), "text"),
            ("partner_id", _("Customer"), "text"),
            ("product_id", _("Product"), "text"),
            ("tile_format", _("Format"), "text"),
            ("state_id", _("Delivery Province"), "text"),
            ("city", _("Delivery City"), "text"),
            ("tile_m2_delivered", _("m² Delivered"), "m2"),
            ("amount_delivered", _("Delivered Amount"), "money"),
            ("cost_goods", _("Cost of Goods"), "money"),
            ("cost_total", _("Total Cost"), "money"),
            ("margin", _("Margin"), "money"),
        ]

    def _margin_fields(self):
        """{field: SQL expression} over the FROM of ``_margin_from``; bridges add theirs."""
        return {
            "order_id": "l.order_id",
            "line_id": "l.id",
            "date": "s.date_order::date",
            "partner_id": "partner.commercial_partner_id",
            "user_id": "s.user_id",
            "team_id": "s.team_id",
            "company_id": "l.company_id",
            "product_id": "l.product_id",
            "tile_format": "t.tile_format",
            "tile_series_id": "t.tile_series_id",
            "state_id": "shipping.state_id",
            "city": "shipping.city",
            "tile_m2": "COALESCE(l.tile_m2, 0)",
            "tile_m2_delivered": f"COALESCE(l.tile_m2, 0) * {self._delivered_ratio()}",
            "amount_ordered": f"l.price_subtotal {_TO_COMPANY}",
            "amount_delivered": f"l.price_subtotal {_TO_COMPANY} * {self._delivered_ratio()}",
        }

    def _delivered_ratio(self):
        return "CASE WHEN l.product_uom_qty > 0 THEN l.qty_delivered / l.product_uom_qty ELSE 0 END"

    def _margin_cost_terms(self):
        """{field: SQL expression} of the costs the margin deducts; bridges add theirs."""
        # Outgoing moves are valued negative, returns positive: the net cost is minus the sum.
        return {"cost_goods": "COALESCE(-goods.value, 0)"}

    def _margin_from(self):
        return """
            sale_order_line l
            JOIN sale_order s ON s.id = l.order_id
            JOIN res_partner partner ON partner.id = s.partner_id
            LEFT JOIN res_partner shipping ON shipping.id = s.partner_shipping_id
            LEFT JOIN product_product p ON p.id = l.product_id
            LEFT JOIN product_template t ON t.id = p.product_tmpl_id
            LEFT JOIN (
                SELECT m.sale_line_id, SUM(v.value) AS value
                  FROM stock_valuation_layer v
                  JOIN stock_move m ON m.id = v.stock_move_id
                 WHERE m.sale_line_id IS NOT NULL
                 GROUP BY m.sale_line_id
            ) goods ON goods.sale_line_id = l.id"""

    @property
    def _table_query(self):
        costs = self._margin_cost_terms()
        columns = {**self._margin_fields(), **costs}
        cost_sum = " + ".join(f"({expr})" for expr in costs.values()) or "0"
        select = ",\n".join(f"{expr} AS {name}" for name, expr in columns.items())
        amount = columns["amount_delivered"]
        return SQL(
            f"""
            SELECT l.id AS id,
                   {select},
                   {cost_sum} AS cost_total,
                   ({amount}) - ({cost_sum}) AS margin
              FROM {self._margin_from()}
             WHERE s.state = 'sale' AND l.display_type IS NULL AND NOT COALESCE(l.is_downpayment, FALSE)
            """
        )

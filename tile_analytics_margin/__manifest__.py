{
    "name": "Tile Analytics: Cost and Margin per Order",
    "summary": "What each order line really cost (Odoo's valuation of the goods delivered) and its "
    "margin, per order, customer, region, format and month; for finance and sales managers",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_inventory (AGPL-3).
    "license": "AGPL-3",
    # The valuation of deliveries exists once stock is in: a bridge that installs itself.
    "depends": ["tile_analytics", "tile_inventory", "stock_account"],
    "data": [
        "security/tile_analytics_margin_security.xml",
        "security/ir.model.access.csv",
        "report/tile_order_margin_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}

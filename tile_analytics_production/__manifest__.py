{
    "name": "Tile Analytics: Production Cost in the Order Margin",
    "summary": "What the tiles an order line delivered cost to make in-house (Odoo's manufacturing "
    "costing of the runs that made their lots)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_production (AGPL-3).
    "license": "AGPL-3",
    # Installs itself when both the margin analysis and the factory are there.
    "depends": ["tile_analytics_margin", "tile_production", "mrp_account"],
    "data": ["report/tile_order_margin_views.xml"],
    "auto_install": True,
    "installable": True,
}

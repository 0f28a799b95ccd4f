{
    "name": "Tile Analytics: Freight in the Order Margin",
    "summary": "Each order line's share of its trucks' freight cost, the carrier and the route in the "
    "cost and margin analysis",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_logistics (AGPL-3).
    "license": "AGPL-3",
    # Installs itself when both the margin analysis and the logistics are there.
    "depends": ["tile_analytics_margin", "tile_logistics"],
    "data": ["report/tile_order_margin_views.xml"],
    "auto_install": True,
    "installable": True,
}

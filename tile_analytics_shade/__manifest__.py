{
    "name": "Tile Analytics: Shades",
    "summary": "The shade of the lot each order line was allocated, in the sales analysis and as a "
    "customer's preferred shade",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_inventory (AGPL-3).
    "license": "AGPL-3",
    # Shades live on tile_inventory's lots: a bridge that installs itself when both are there.
    "depends": ["tile_analytics", "tile_inventory"],
    "data": ["report/sale_report_views.xml", "report/tile_customer_behaviour_views.xml"],
    "auto_install": True,
    "installable": True,
}

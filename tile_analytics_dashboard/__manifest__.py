{
    "name": "Tile Analytics: Dashboard",
    "summary": "A Tiles dashboard in Odoo's spreadsheet dashboards: m² this month against last year, "
    "top formats, regions, shades running low, late productions, deliveries in transit, "
    "receivables and retention",
    "version": "18.0.1.0.0",
    "category": "Productivity/Dashboard",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: depends on the AGPL-3 tile modules whose data it shows.
    "license": "AGPL-3",
    "depends": [
        "spreadsheet_dashboard",
        "tile_analytics",
        "tile_inventory",
        "tile_production",
        "tile_logistics",
        "tile_project_contracts",
    ],
    "data": ["data/spreadsheet_dashboard_data.xml"],
    "assets": {
        "web.assets_tests": ["tile_analytics_dashboard/static/tests/tours/*.js"],
    },
    "auto_install": False,
    "installable": True,
}

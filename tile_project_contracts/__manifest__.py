{
    "name": "Tile Project Contracts: Phases, Call-offs and Retention",
    "summary": "Construction-project contracts for tiles: phases, call-offs, progress billing with "
    "advance and retention, a phase timeline",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_inventory (AGPL-3) and OCA's web_timeline.
    "license": "AGPL-3",
    "depends": ["tile_inventory", "project", "account", "base_import", "portal", "web_timeline"],
    "data": [
        "security/tile_project_security.xml",
        "security/ir.model.access.csv",
        "data/tile_project_cron.xml",
        "views/tile_project_phase_views.xml",
        "views/project_project_views.xml",
        "report/tile_contract_statement.xml",
        "wizard/tile_boq_import_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/tile_project_menus.xml",
        "views/tile_project_portal_templates.xml",
    ],
    "demo": ["demo/tile_project_demo.xml"],
    "assets": {
        "web.assets_tests": ["tile_project_contracts/static/tests/tours/*.js"],
    },
    "installable": True,
}

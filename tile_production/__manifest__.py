{
    "name": "Tile Production: Make to Order, Line Planning and Grading",
    "summary": "Orders to manufacturing orders, finite-capacity planning of press and kiln lines on a "
    "timeline, grading each kiln run into shade lots, materials bought from the plan",
    "version": "18.0.1.0.0",
    "category": "Manufacturing/Manufacturing",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_inventory (AGPL-3) and OCA's web_timeline.
    "license": "AGPL-3",
    "depends": ["tile_inventory", "mrp", "sale_mrp", "purchase_stock", "web_timeline"],
    "data": [
        "security/tile_production_security.xml",
        "security/ir.model.access.csv",
        "views/mrp_workcenter_views.xml",
        "views/mrp_workorder_views.xml",
        "views/mrp_production_views.xml",
        "views/mrp_bom_views.xml",
        "views/product_template_views.xml",
        "views/sale_order_views.xml",
        "wizard/tile_grading_views.xml",
        "report/tile_production_report_views.xml",
        "views/tile_production_menus.xml",
        "views/tile_production_portal_templates.xml",
    ],
    "demo": ["demo/tile_production_demo.xml"],
    "assets": {
        "web.assets_tests": ["tile_production/static/tests/tours/*.js"],
    },
    "installable": True,
}

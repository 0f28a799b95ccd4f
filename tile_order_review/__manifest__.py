{
    "name": "Tile Order Review: Rules and Approval",
    "summary": "Orders are checked on confirmation (floor price per m², discount per sales group, "
    "credit limit, overdue invoices, shade overrides, order size) and wait for an approver when "
    "they break a rule",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_inventory (shade overrides), which is AGPL-3.
    "license": "AGPL-3",
    "depends": ["tile_inventory", "tile_order_batch"],
    "data": [
        "security/tile_order_review_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "views/tile_review_rule_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/tile_order_batch_views.xml",
        "wizard/tile_review_reject_views.xml",
    ],
    "demo": ["demo/tile_order_review_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "tile_order_review/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}

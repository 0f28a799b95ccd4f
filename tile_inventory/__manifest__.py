{
    "name": "Tile Inventory: Shade, Caliber and Grade Lots",
    "summary": "Lots with shade, caliber and grade; availability by shade; one shade per line, room or order",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3 because it builds on OCA's sale_order_lot_selection and stock_restrict_lot.
    "license": "AGPL-3",
    "depends": [
        "tile_order_base",
        "sale_stock",
        # Distributors buy their tiles from makers: purchase orders bring the lots in.
        "purchase_stock",
        "sale_order_lot_selection",
        "stock_restrict_lot",
    ],
    "data": [
        "security/tile_inventory_security.xml",
        "security/ir.model.access.csv",
        "data/res_groups_data.xml",
        "data/tile_inventory_cron.xml",
        "data/stock_scrap_reason_data.xml",
        "views/tile_stock_hold_views.xml",
        "views/stock_lot_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/stock_move_line_views.xml",
        "views/stock_scrap_views.xml",
        "views/sale_order_views.xml",
        "report/tile_inventory_report_templates.xml",
        "report/tile_stock_shade_report_views.xml",
    ],
    "demo": ["demo/tile_inventory_demo.xml"],
    "assets": {
        "web.assets_tests": ["tile_inventory/static/tests/tours/*.js"],
    },
    "installable": True,
}

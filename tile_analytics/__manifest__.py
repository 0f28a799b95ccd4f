{
    "name": "Tile Analytics: Sales by Region, Season and Format",
    "summary": "Odoo's sales analysis in m², boxes, pieces and weight, by tile format, series, body and "
    "finish, province, city and season",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    "license": "LGPL-3",
    "depends": ["tile_order_base"],
    "data": [
        "security/tile_analytics_security.xml",
        "security/ir.model.access.csv",
        "report/sale_report_views.xml",
        "wizard/tile_sales_export_views.xml",
        "report/tile_customer_behaviour_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}

{
    "name": "Tile Analytics: Sales by Region, Season and Format",
    "summary": "Odoo's sales analysis in m², boxes, pieces and weight, by tile format, series, body and "
    "finish, province, city and season; customers drifting away and win-back coupons",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    "license": "LGPL-3",
    "depends": ["tile_order_base", "sale_loyalty"],
    "data": [
        "security/tile_analytics_security.xml",
        "security/ir.model.access.csv",
        "data/tile_analytics_data.xml",
        "report/sale_report_views.xml",
        "wizard/tile_sales_export_views.xml",
        "wizard/tile_winback_wizard_views.xml",
        "report/tile_customer_behaviour_views.xml",
        "views/tile_customer_segment_history_views.xml",
        "views/tile_winback_campaign_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}

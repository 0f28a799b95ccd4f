{
    "name": "Tile Sales: m², Boxes and Pieces",
    "summary": "Quote and sell ceramic tiles by m², box or piece, with room take-off and customer history",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    "license": "LGPL-3",
    # l10n_cn: the Chinese chart of accounts (13 % VAT) for Chinese tile companies and the demo.
    "depends": ["sale_management", "sale_margin", "l10n_cn"],
    "data": [
        "security/tile_security.xml",
        "security/ir.model.access.csv",
        "views/product_template_views.xml",
        "views/tile_series_views.xml",
        "views/tile_room_views.xml",
        "wizard/tile_takeoff_wizard_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/tile_menus.xml",
        "report/tile_report_templates.xml",
    ],
    "demo": [
        "demo/tile_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tile_order_base/static/tests/tours/*.js",
        ],
        "web.report_assets_common": [
            "tile_order_base/static/src/scss/tile_report_fonts.scss",
        ],
    },
    "pre_init_hook": "pre_init_hook",
    "installable": True,
    "application": False,
}

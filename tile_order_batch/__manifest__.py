{
    "name": "Tile Sales: Batch Work and Line Import",
    "summary": "Confirm, send and print many orders at once with a result per order; "
    "import quotation lines pasted or uploaded from a spreadsheet",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    "license": "LGPL-3",
    # sale_stock: delivery slips to print; sale_management: the quotation's own flow.
    "depends": ["tile_order_base", "sale_stock", "sale_management"],
    "data": [
        "security/ir.model.access.csv",
        "security/tile_order_batch_security.xml",
        "wizard/tile_order_batch_views.xml",
        "wizard/tile_order_import_views.xml",
        "views/sale_order_views.xml",
    ],
    "demo": [
        "demo/tile_order_batch_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tile_order_batch/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}

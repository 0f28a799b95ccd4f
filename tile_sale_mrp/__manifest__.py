{
    "name": "Tile Sales: Manufacturing Access",
    "summary": "Manufacturing users can open tile quotations and orders (rooms included)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    "license": "LGPL-3",
    # Glue: installed by itself when both the tile sales and sale_mrp are there, so
    # tile_order_base does not pull the Manufacturing app in.
    "depends": ["tile_order_base", "sale_mrp"],
    "data": ["security/ir.model.access.csv"],
    "auto_install": True,
    "installable": True,
}

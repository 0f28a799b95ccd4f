{
    "name": "Tile Order Routing: Team, Warehouse and Project Manager by Region",
    "summary": "Rules by province or city, customer tag, company or individual and order type pick "
    "the sales team, the warehouse and, for engineering projects, the project manager; the order "
    "says why",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: engineering-project orders come from tile_project_contracts (AGPL-3).
    "license": "AGPL-3",
    "depends": ["tile_order_base", "sale_stock", "tile_project_contracts"],
    "data": [
        "security/tile_routing_security.xml",
        "security/ir.model.access.csv",
        "views/tile_routing_rule_views.xml",
        "views/sale_order_views.xml",
    ],
    "demo": ["demo/tile_routing_demo.xml"],
    "installable": True,
}

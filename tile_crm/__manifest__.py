{
    "name": "Tile CRM: Rooms and Liked Tiles on Opportunities",
    "summary": "Opportunities from a showroom visit or a phone call carry the customer's rooms and liked "
    "tiles; New Quotation brings them along; won/lost follows the quotations",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # LGPL-3: depends only on Odoo and tile_order_base (LGPL-3).
    "license": "LGPL-3",
    # A glue module, so that tile_order_base does not pull the CRM app in (see sale_crm).
    "depends": ["tile_order_base", "crm", "sale_crm"],
    "data": [
        "security/tile_crm_security.xml",
        "data/crm_lost_reason_data.xml",
        "views/tile_room_views.xml",
        "views/crm_lead_views.xml",
    ],
    "demo": [
        "demo/tile_crm_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "tile_crm/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}

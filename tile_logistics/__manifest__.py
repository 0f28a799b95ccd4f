{
    "name": "Tile Logistics: Truck Loads, Shipment Tracking and Freight Cost",
    "summary": "Loads planned by weight and pallet places, shipments tracked from dispatch to signed "
    "delivery, carriers connected by a signed webhook, tracking in the portal, transit breakage "
    "claims, freight cost per order and route",
    "version": "18.0.1.0.0",
    "category": "Inventory/Delivery",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on tile_inventory (AGPL-3) and OCA's delivery_state.
    "license": "AGPL-3",
    "depends": [
        "tile_inventory",
        "stock_picking_batch",
        "stock_fleet",
        "stock_delivery",
        "delivery_state",
        "portal",
    ],
    "data": [
        "security/tile_logistics_security.xml",
        "security/ir.model.access.csv",
        "data/tile_logistics_data.xml",
        "data/mail_template_data.xml",
        "views/fleet_vehicle_views.xml",
        "views/delivery_carrier_views.xml",
        "views/tile_shipment_event_views.xml",
        "views/tile_transit_claim_views.xml",
        "views/stock_picking_views.xml",
        "views/stock_picking_batch_views.xml",
        "wizard/tile_load_proposal_views.xml",
        "views/tile_logistics_menus.xml",
        "views/tile_logistics_portal_templates.xml",
    ],
    "demo": ["demo/tile_logistics_demo.xml"],
    "assets": {
        "web.assets_frontend": ["tile_logistics/static/src/js/tile_signature_pad.js"],
        "web.assets_tests": ["tile_logistics/static/tests/tours/*.js"],
    },
    "installable": True,
}

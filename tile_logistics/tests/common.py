from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.tile_inventory.tests.common import TileInventoryCommon


class TileLogisticsCommon(TileInventoryCommon):
    """The issue's truck and tile: a 25 t truck with 22 pallet places; 800×800 at 42 kg/box,
    30 boxes per pallet (1,260 kg per pallet)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Deliveries of other demos ready to ship would share the trucks proposed in the tests.
        cls.env["stock.picking"].search(
            [("picking_type_code", "=", "outgoing"), ("state", "=", "assigned")]
        ).do_unreserve()
        cls.tile_800 = cls.tile_product(800, 800, 95.0)
        cls.tile_800.write({"is_storable": True, "tracking": "lot"})
        cls.lot_800 = cls.tile_lot(cls.tile_800, "F800-A1", 3 * 30 * 60)  # 60 pallets of one shade
        cls.own_fleet = cls.env["delivery.carrier"].create(
            {
                "name": "Own trucks",
                "delivery_type": "fixed",
                "product_id": cls.env["product.product"]
                .create({"name": "Freight (own trucks)", "type": "service"})
                .id,
                "tile_own_fleet": True,
                "tile_rate_basis": "tkm",
                "tile_rate": 0.5,
            }
        )
        cls.truck_type = cls.env["fleet.vehicle.model.category"].create(
            {"name": "Heavy truck 25 t", "weight_capacity": 25000, "tile_pallet_places": 22}
        )
        cls.small_type = cls.env["fleet.vehicle.model.category"].create(
            {"name": "Light truck 5 t", "weight_capacity": 5000, "tile_pallet_places": 6}
        )
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "FAW"})
        cls.truck_model = cls.env["fleet.vehicle.model"].create(
            {"name": "J6P", "brand_id": brand.id, "category_id": cls.truck_type.id}
        )
        cls.small_model = cls.env["fleet.vehicle.model"].create(
            {"name": "Tiger V", "brand_id": brand.id, "category_id": cls.small_type.id}
        )
        cls.driver_partner = cls.env["res.partner"].create({"name": "Driver Li"})
        cls.truck = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.truck_model.id,
                "license_plate": "粤E 12345",
                "category_id": cls.truck_type.id,
                "driver_id": cls.driver_partner.id,
                "tile_carrier_id": cls.own_fleet.id,
            }
        )
        cls.van = cls.env["fleet.vehicle"].create(
            {"model_id": cls.small_model.id, "license_plate": "粤E 54321", "category_id": cls.small_type.id}
        )
        cls.guangzhou = cls.tile_customer(
            "Guangzhou Build Co.", city="广州 Guangzhou", email="gz@example.com"
        )
        cls.shenzhen = cls.tile_customer("Shenzhen Homes", city="深圳 Shenzhen", email="sz@example.com")
        cls.dispatcher = new_test_user(
            cls.env, login="dispatcher", name="Dispatcher", groups="tile_logistics.group_tile_logistics"
        )
        cls.storekeeper = new_test_user(cls.env, login="storekeeper", groups="stock.group_stock_user")

    @classmethod
    def portal_user(cls, login, partner=None):
        """A portal user (a driver or a customer's contact); the password is ``<login>_pw``."""
        extra = {"partner_id": partner.id} if partner else {}
        return new_test_user(
            cls.env, login=login, password=f"{login}_pw", groups="base.group_portal", **extra
        )

    @classmethod
    def ready_delivery(cls, partner, boxes, product=None):
        """A confirmed order of ``boxes`` boxes; its delivery reserved and ready to ship."""
        order = cls.tile_order(partner, [(product or cls.tile_800, boxes, "box")])
        order.action_confirm()
        delivery = order.picking_ids
        delivery.action_assign()
        assert delivery.state == "assigned", delivery.state
        return delivery

    @classmethod
    def load(cls, deliveries, vehicle=None, **extra):
        return cls.env["stock.picking.batch"].create(
            dict(
                {
                    "vehicle_id": (vehicle or cls.truck).id,
                    "picking_ids": [Command.set(deliveries.ids)],
                    "picking_type_id": deliveries.picking_type_id[:1].id,
                },
                **extra,
            )
        )

    def proposed(self, action):
        """The loads an action of Propose Loads shows (after its notice when some are left)."""
        action = action.get("params", {}).get("next", action)
        return self.env["stock.picking.batch"].search(action["domain"])

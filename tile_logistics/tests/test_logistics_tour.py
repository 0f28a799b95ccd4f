from odoo.tests import HttpCase, tagged

from .common import TileLogisticsCommon


@tagged("post_install", "-at_install")
class TestLogisticsTour(HttpCase, TileLogisticsCommon):
    """Plan a load, see an overweight one refused, dispatch, record the delivery with breakage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first = cls.ready_delivery(cls.guangzhou, 300)  # 10 pallets, 12,600 kg
        cls.heavy = cls.ready_delivery(cls.guangzhou, 300)  # with the first: 25,200 kg
        cls.heavy.name = "WH/OUT/TOUR-HEAVY"
        # The day's fleet is the 25 t truck and the 5 t van (not Odoo's demo trucks).
        cls.env["fleet.vehicle"].search([("id", "not in", (cls.truck | cls.van).ids)]).active = False
        cls.driver = cls.portal_user("driver_li", cls.driver_partner)

    def test_dispatch_and_deliver_with_breakage(self):
        self.start_tour(
            "/odoo/action-tile_logistics.action_tile_loads",
            "tile_logistics_dispatch_tour",
            login="dispatcher",
        )
        load = self.first.batch_id
        self.assertEqual(load.vehicle_id, self.truck)
        self.assertEqual(load.state, "done")
        self.assertEqual(load.picking_ids, self.first, "the heavy delivery stayed behind")
        self.assertEqual(self.heavy.state, "assigned")
        self.assertEqual(self.first.tile_shipment_status, "dispatched")

        self.start_tour(f"/my/trips/{load.id}", "tile_logistics_driver_tour", login="driver_li")
        self.assertEqual(self.first.tile_shipment_status, "delivered")
        self.assertEqual(self.first.tile_signed_by, "Site manager Chen")
        self.assertTrue(self.first.signature)
        claim = self.first.tile_claim_ids
        self.assertEqual(claim.boxes, 2)
        self.assertEqual(claim.line_ids.scrap_id.state, "done")
        self.assertEqual(claim.line_ids.replacement_picking_id.move_line_ids.lot_id, self.lot_800)

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import TileLogisticsCommon

# A 1×1 PNG: what the signature pad sends, as small as it gets.
SIGNATURE = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII="


@tagged("post_install", "-at_install")
class TestLoads(TileLogisticsCommon):
    def test_19_pallets_leave_20_are_refused_though_places_are_free(self):
        heavy = self.ready_delivery(self.guangzhou, 600)  # 20 pallets = 25,200 kg
        load = self.load(heavy)
        self.assertEqual(load.tile_weight_kg, 25200)
        self.assertEqual(load.tile_pallet_places, 20, "2 of the 22 places are still free")
        with self.assertRaisesRegex(UserError, "200 kg over the payload"):
            load.with_user(self.dispatcher).action_tile_dispatch()
        self.assertEqual(heavy.state, "assigned", "nothing left the warehouse")
        self.assertFalse(heavy.tile_shipment_status)

        # One pallet off: 19 pallets = 570 boxes = 23,940 kg leave.
        ok = self.ready_delivery(self.guangzhou, 570)
        load.picking_ids = [Command.set(ok.ids)]
        self.assertEqual(load.tile_weight_kg, 23940)
        self.assertEqual(load.tile_pallet_places, 19)
        self.assertAlmostEqual(load.tile_fill_percent, 95.76)
        self.assertFalse(load.tile_capacity_warning)
        load.with_user(self.dispatcher).action_tile_dispatch()
        self.assertEqual(ok.state, "done")
        self.assertEqual(ok.tile_shipment_status, "dispatched")
        self.assertEqual(ok.delivery_state, "shipping_recorded_in_carrier", "delivery_state (OCA) follows")
        self.assertEqual(ok.carrier_id, self.own_fleet)
        self.assertEqual(sorted(ok.tile_event_ids.mapped("kind")), ["dispatched", "planned"])
        self.assertTrue(load.tile_dispatched_at)

    def test_pallet_places_limit_a_light_load(self):
        self.small_type.weight_capacity = 100_000  # a light load: only the places count
        delivery = self.ready_delivery(self.shenzhen, 7 * 30)
        load = self.load(delivery, vehicle=self.van)
        self.assertEqual(load.tile_capacity_warning, "1 pallets more than the 6 pallet places")
        with self.assertRaisesRegex(UserError, "pallet places"):
            load.with_user(self.dispatcher).action_tile_dispatch()

    def test_a_truck_made_in_code_takes_its_type_from_its_model_and_none_leaves_without_payload(self):
        truck = self.env["fleet.vehicle"].create(
            {"model_id": self.truck_model.id, "license_plate": "粤E 0001"}
        )
        self.assertEqual(truck.category_id, self.truck_type)
        self.truck_type.weight_capacity = 0
        with self.assertRaisesRegex(UserError, "no payload"):
            self.load(self.ready_delivery(self.guangzhou, 30), vehicle=truck).with_user(
                self.dispatcher
            ).action_tile_dispatch()

    def test_loose_boxes_of_several_deliveries_share_mixed_pallets(self):
        a = self.ready_delivery(self.guangzhou, 45)  # 1 pallet + 15 loose
        b = self.ready_delivery(self.guangzhou, 15)  # 15 loose
        self.assertEqual((a.tile_pallet_places, b.tile_pallet_places), (2, 1))
        load = self.load(a | b)
        self.assertEqual(load.tile_pallet_places, 2, "the 30 loose boxes make one mixed pallet")
        self.assertEqual(load.tile_weight_kg, 60 * 42)

    def test_each_load_weighs_its_own_deliveries(self):
        # Odoo's estimated_shipping_weight sums every batch computed together; ours does not.
        one = self.load(self.ready_delivery(self.guangzhou, 30))
        two = self.load(self.ready_delivery(self.shenzhen, 60), vehicle=self.van)
        loads = one | two
        loads.invalidate_recordset()
        self.assertEqual(loads.mapped("tile_weight_kg"), [1260, 2520])

    def test_propose_loads_fills_trucks_region_by_region(self):
        gz1 = self.ready_delivery(self.guangzhou, 300)  # 10 pallets, 12,600 kg
        gz2 = self.ready_delivery(self.guangzhou, 240)  # 8 pallets, 10,080 kg
        sz = self.ready_delivery(self.shenzhen, 90)  # 3 pallets, 3,780 kg
        wizard = (
            self.env["tile.load.proposal"]
            .with_user(self.dispatcher)
            .create({"vehicle_ids": [Command.set((self.truck | self.van).ids)]})
        )
        self.assertEqual(wizard.picking_count, 3)
        loads = self.proposed(wizard.action_propose())
        self.assertEqual(len(loads), 2)
        by_region = {load.tile_region: load for load in loads}
        self.assertEqual(by_region["广州 Guangzhou"].picking_ids, gz1 | gz2)
        self.assertEqual(by_region["广州 Guangzhou"].vehicle_id, self.truck)
        self.assertEqual(by_region["深圳 Shenzhen"].picking_ids, sz)
        self.assertEqual(by_region["深圳 Shenzhen"].vehicle_id, self.van, "the small truck is enough")
        self.assertFalse(loads.filtered("tile_capacity_warning"))

    def test_deliveries_in_odoo_automatic_batches_still_get_a_truck(self):
        self.warehouse.out_type_id.write({"auto_batch": True, "batch_group_by_partner": True})
        delivery = self.ready_delivery(self.guangzhou, 30)
        self.assertTrue(delivery.batch_id, "Odoo batched it by customer, without a vehicle")
        wizard = self.env["tile.load.proposal"].with_user(self.dispatcher).create({})
        wizard.vehicle_ids = self.truck
        loads = self.proposed(wizard.action_propose())
        self.assertEqual(delivery.batch_id, loads)
        self.assertEqual(loads.vehicle_id, self.truck)

    def test_proposal_for_the_last_day_of_the_calendar(self):
        # Found by the fuzz pass (tile_security): "next day" of 31 December 9999 overflowed.
        delivery = self.ready_delivery(self.guangzhou, 30)
        wizard = (
            self.env["tile.load.proposal"].with_user(self.dispatcher).create({"date": date(9999, 12, 31)})
        )
        self.assertIn(delivery, wizard._pickings())

    def test_freight_cost_is_shared_by_weight(self):
        big = self.ready_delivery(self.guangzhou, 300)  # 12,600 kg
        small = self.ready_delivery(self.guangzhou, 150)  # 6,300 kg
        load = self.load(big | small, tile_distance_km=100)
        # Own fleet at 0.50 per t·km: 18.9 t × 100 km × 0.50 = 945.00.
        self.assertAlmostEqual(load.tile_freight_cost, 945.0)
        self.assertEqual((big.tile_freight_cost, small.tile_freight_cost), (630.0, 315.0))
        # A carrier paid by its invoice: the amount is typed on the load, shared the same way.
        self.own_fleet.tile_rate_basis = "invoice"
        load.tile_freight_cost = 1000
        self.assertEqual((big.tile_freight_cost, small.tile_freight_cost), (666.67, 333.33))

    def test_only_logistics_plans_and_dispatches_salespeople_read_statuses(self):
        delivery = self.ready_delivery(self.guangzhou, 30)
        load = self.load(delivery)
        with self.assertRaises(AccessError):
            load.with_user(self.storekeeper).action_tile_dispatch()
        with self.assertRaises(AccessError):
            self.env["tile.load.proposal"].with_user(self.storekeeper).create({}).action_propose()
        load.with_user(self.dispatcher).action_tile_dispatch()
        seller = new_test_user(self.env, login="gz_seller", groups="sales_team.group_sale_salesman_all_leads")
        self.assertEqual(delivery.with_user(seller).tile_shipment_status, "dispatched")
        self.assertIn("dispatched", delivery.with_user(seller).tile_event_ids.mapped("kind"))
        with self.assertRaises(AccessError):
            self.env["tile.shipment.event"].with_user(seller).create(
                {"picking_id": delivery.id, "kind": "arrived"}
            )

    def test_vehicle_type_numbers_are_bounded(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 200"):
            self.truck_type.tile_pallet_places = 3_000_000_000
        with self.assertRaisesRegex(ValidationError, "between 0 and 20,000"):
            self.load(self.ready_delivery(self.guangzhou, 30)).tile_distance_km = -5


@tagged("post_install", "-at_install")
class TestDelivered(TileLogisticsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.delivery = cls.ready_delivery(cls.guangzhou, 60)
        cls.trip = cls.load(cls.delivery)
        cls.trip.with_user(cls.dispatcher).action_tile_dispatch()
        cls.line = cls.delivery.move_line_ids

    def test_signed_delivery_with_breakage_claims_scraps_and_replaces_the_same_shade(self):
        photo = ("unloaded.png", SIGNATURE)
        self.delivery.with_user(self.dispatcher)._tile_record_delivery(
            SIGNATURE, "Zhang Wei", broken={self.line.id: 2}, photos=[photo], place="广州"
        )
        self.assertEqual(self.delivery.tile_shipment_status, "delivered")
        self.assertEqual(self.delivery.delivery_state, "customer_delivered")
        self.assertTrue(self.delivery.date_delivered)
        self.assertEqual(self.delivery.tile_signed_by, "Zhang Wei")
        self.assertEqual(len(self.delivery.tile_pod_photo_ids), 1)
        claim = self.delivery.tile_claim_ids
        self.assertEqual(claim.state, "own_loss", "our own truck: no carrier to claim from")
        self.assertEqual(claim.boxes, 2)
        self.assertAlmostEqual(claim.amount, 2 * 1.92 * 95.0)
        scrap = claim.line_ids.scrap_id
        self.assertEqual(scrap.state, "done")
        self.assertEqual(scrap.scrap_qty, 6, "2 boxes of 3 pieces")
        self.assertEqual(scrap.lot_id, self.lot_800)
        self.assertEqual(scrap.scrap_reason_tag_ids, self.env.ref("tile_inventory.scrap_reason_carrier"))
        replacement = claim.line_ids.replacement_picking_id
        self.assertEqual(replacement.partner_id, self.guangzhou)
        self.assertEqual(replacement.move_line_ids.lot_id, self.lot_800, "the same shade again")
        self.assertEqual(sum(replacement.move_line_ids.mapped("quantity")), 6)
        self.assertEqual(self.delivery.tile_weight_kg, 60 * 42, "the scrap does not weigh on the delivery")

    def test_a_carrier_truck_claims_from_the_carrier(self):
        carrier_co = self.env["res.partner"].create({"name": "Debang Logistics", "is_company": True})
        self.own_fleet.write({"tile_own_fleet": False, "tile_partner_id": carrier_co.id})
        self.delivery._tile_record_delivery(SIGNATURE, "Zhang Wei", broken={self.line.id: 1})
        self.assertEqual(self.delivery.tile_claim_ids.state, "claimed")
        self.assertEqual(self.delivery.tile_claim_ids.claimed_partner_id, carrier_co)

    def test_no_delivery_without_signature_and_nothing_half_written(self):
        with self.assertRaisesRegex(UserError, "signature is missing"):
            self.delivery._tile_record_delivery(False, "Zhang Wei", broken={self.line.id: 1})
        with self.assertRaisesRegex(UserError, "only 60 were delivered"):
            self.delivery._tile_record_delivery(SIGNATURE, "Zhang Wei", broken={self.line.id: 61})
        with self.assertRaisesRegex(UserError, "whole boxes"):
            self.delivery._tile_record_delivery(SIGNATURE, "Zhang Wei", broken={self.line.id: 1.5})
        self.assertFalse(self.delivery.signature)
        self.assertFalse(self.delivery.tile_claim_ids)
        self.assertEqual(self.delivery.tile_shipment_status, "dispatched")
        with self.assertRaisesRegex(ValidationError, "signature"):
            self.env["tile.shipment.event"].create({"picking_id": self.delivery.id, "kind": "delivered"})

    def test_driver_steps_follow_each_other(self):
        self.delivery._tile_record_event("in_transit", place="Baiyun toll gate", source="driver")
        self.assertEqual(self.delivery.tile_shipment_status, "in_transit")
        self.assertEqual(self.delivery.delivery_state, "in_transit")
        self.delivery._tile_record_event("refused", note="Site closed", source="driver")
        self.assertEqual(self.delivery.delivery_state, "incident")
        with self.assertRaisesRegex(UserError, "already recorded"):
            self.delivery._tile_record_delivery(SIGNATURE, "Zhang Wei")

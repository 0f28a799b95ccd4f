from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TileLogisticsCommon
from .test_carrier_adapters import API_KEY, FakeCarrierMixin


@tagged("post_install", "-at_install")
class TestCarrierApi(FakeCarrierMixin, TileLogisticsCommon):
    """A carrier with a system: the load's deliveries are booked with it at dispatch and
    its events fetched by delivery_state's button and cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_fake_carrier()
        cls.kuayue = cls.env["delivery.carrier"].create(
            {
                "name": "Kuayue Express",
                "delivery_type": "tile_http_json",
                "product_id": cls.own_fleet.product_id.id,
                "tile_api_url": f"{cls.root}/ok/",
                "tile_api_key": API_KEY,
            }
        )
        cls.truck.tile_carrier_id = cls.kuayue

    def test_dispatch_books_the_shipment_and_events_come_back(self):
        delivery = self.ready_delivery(self.guangzhou, 30)
        self.load(delivery).with_user(self.dispatcher).action_tile_dispatch()
        number = "KY" + delivery.name.rsplit("/", 1)[-1]
        self.assertEqual(delivery.carrier_tracking_ref, number)
        self.assertEqual(delivery.carrier_tracking_url, f"https://ky.example/t/{number}")
        sent = [call for call in self.server.received if call[0] == "POST"][-1]
        self.assertIn(b'"weight_kg": 1260.0', sent[3])
        # delivery_state's "Update tracking state" (and its cron) fetch the carrier's events.
        delivery.tracking_state_update()
        delivery.tracking_state_update()
        carrier_events = delivery.tile_event_ids.filtered(lambda e: e.source == "carrier")
        self.assertEqual(sorted(carrier_events.mapped("carrier_event_id")), ["KY-1", "KY-2"], "each once")

    def test_a_carrier_that_refuses_stops_the_dispatch(self):
        self.kuayue.tile_api_url = f"{self.root}/down/"
        delivery = self.ready_delivery(self.guangzhou, 30)
        with self.assertRaisesRegex(UserError, "Kuayue Express refused the shipment"):
            self.load(delivery).with_user(self.dispatcher).action_tile_dispatch()

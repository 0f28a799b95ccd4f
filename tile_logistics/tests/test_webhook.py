import json
import random
import time

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.tile_logistics.webhook_auth import sign

from .common import TileLogisticsCommon

SECRET = "carrier-secret-of-debang"


@tagged("post_install", "-at_install")
class TestCarrierWebhook(TileLogisticsCommon, HttpCase):
    """A carrier pushes events about a delivery on its truck, over real HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Debang Logistics",
                "delivery_type": "fixed",
                "product_id": cls.own_fleet.product_id.id,
                "tile_webhook_secret": SECRET,
            }
        )
        cls.other_carrier = cls.carrier.copy({"name": "Other carrier", "tile_webhook_secret": "other-secret"})
        cls.truck.tile_carrier_id = cls.carrier
        cls.delivery = cls.ready_delivery(cls.guangzhou, 30)
        cls.load(cls.delivery).action_tile_dispatch()
        cls.url = f"/tile_logistics/webhook/{cls.carrier.id}"

    def event(self, **extra):
        return dict(
            {
                "event_id": "EV-1",
                "tracking_ref": self.delivery.carrier_tracking_ref,
                "status": "in_transit",
                # Now: the carrier's news is later than our own "dispatched".
                "time": fields.Datetime.now().isoformat() + "Z",
                "place": "广州 Guangzhou hub",
            },
            **extra,
        )

    def post(self, body, secret=SECRET, timestamp=None, signature=None, url=None):
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        timestamp = str(int(time.time())) if timestamp is None else timestamp
        headers = {"Content-Type": "application/json", "X-Tile-Timestamp": timestamp}
        signature = sign(secret, timestamp, body) if signature is None else signature
        if signature:
            headers["X-Tile-Signature"] = signature
        return self.url_open(url or self.url, data=body, headers=headers)

    def events(self):
        return self.env["tile.shipment.event"].search_count([("picking_id", "=", self.delivery.id)])

    def test_a_signed_event_is_recorded_once(self):
        before = self.events()
        response = self.post(self.event())
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["result"], "recorded")
        self.assertEqual(self.delivery.tile_shipment_status, "in_transit")
        self.assertEqual(self.delivery.delivery_state, "in_transit")
        # The carrier sends the same event again (new timestamp, new signature): no second event.
        time.sleep(1)
        again = self.post(self.event())
        self.assertEqual(again.status_code, 200, again.text)
        self.assertEqual(again.json()["result"], "already recorded")
        self.assertEqual(self.events(), before + 1)

    def test_refusals_say_why_and_write_nothing(self):
        before = self.events()
        body = json.dumps(self.event()).encode()
        stamp = str(int(time.time()))
        good = sign(SECRET, stamp, body)
        cases = {
            "unsigned": (self.post(body, signature=""), 401),
            "wrong secret": (self.post(body, secret="guess"), 401),
            "stale": (self.post(body, timestamp=str(int(time.time()) - 600)), 401),
            "future": (self.post(body, timestamp=str(int(time.time()) + 600)), 401),
            "tampered": (
                self.post(body.replace(b"in_transit", b"delivered"), timestamp=stamp, signature=good),
                401,
            ),
            "unknown tracking": (self.post(self.event(tracking_ref="NOPE-1")), 404),
            "other carrier's delivery": (
                self.post(
                    self.event(),
                    secret="other-secret",
                    url=f"/tile_logistics/webhook/{self.other_carrier.id}",
                ),
                404,
            ),
            "unknown carrier": (self.post(self.event(), url="/tile_logistics/webhook/999999"), 404),
            "not json": (self.post(b"{not json"), 400),
            "bad status": (self.post(self.event(status="lost")), 400),
            "bad time": (self.post(self.event(time="yesterday")), 400),
            "too big": (self.post(b"x" * 70000), 413),
        }
        for name, (response, status) in cases.items():
            with self.subTest(name):
                self.assertEqual(response.status_code, status, response.text)
                self.assertTrue(response.json()["error"], "a reason is given")
        self.assertEqual(self.events(), before, "nothing was written")

    def test_a_replayed_call_is_refused(self):
        body = json.dumps(self.event(event_id="EV-R")).encode()
        stamp = str(int(time.time()))
        signature = sign(SECRET, stamp, body)
        self.assertEqual(self.post(body, timestamp=stamp, signature=signature).status_code, 200)
        replay = self.post(body, timestamp=stamp, signature=signature)
        self.assertEqual(replay.status_code, 409)
        self.assertIn("replayed", replay.json()["error"])

    def test_fuzz_malformed_unsigned_stale_and_replayed_calls(self):
        rng = random.Random(11)
        before = self.events()
        base = self.event()
        junk = [None, 0, -1, 1e309, [], {}, "", "x" * 300, True]
        statuses = {}
        accepted = 0
        for i in range(300):
            kind = i % 5
            event = dict(base, event_id=f"FZ-{i}")
            if kind == 0:  # a field missing or of the wrong type, signed correctly
                key = rng.choice(["event_id", "tracking_ref", "status", "time"])
                if rng.random() < 0.5:
                    event.pop(key)
                else:
                    event[key] = rng.choice(junk + (["2026-13-45T99:00:00Z"] if key == "time" else []))
                response = self.post(event)
            elif kind == 1:  # random bytes, signed correctly
                response = self.post(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))))
            elif kind == 2:  # unsigned or wrongly signed
                response = self.post(event, signature=rng.choice(["", "0" * 64, "zz", "a" * 64]))
            elif kind == 3:  # stale or garbage timestamp
                stamp = rng.choice([str(int(time.time()) - rng.randrange(301, 10**6)), "abc", "-5", ""])
                response = self.post(event, timestamp=stamp)
            else:  # a replay of the last accepted call
                body = json.dumps(dict(event, event_id="FZ-replay")).encode()
                stamp = str(int(time.time()))
                signature = sign(SECRET, stamp, body)
                first = self.post(body, timestamp=stamp, signature=signature)
                accepted += first.status_code == 200
                response = self.post(body, timestamp=stamp, signature=signature)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            self.assertTrue(
                400 <= response.status_code < 500, f"call {i}: {response.status_code} {response.text[:200]}"
            )
            self.assertIn("error", response.json())
        self.assertEqual(self.events(), before + 1, "only the first valid FZ-replay event was recorded")
        self.assertGreater(accepted, 0)
        self.assertGreaterEqual(len(statuses), 3, statuses)

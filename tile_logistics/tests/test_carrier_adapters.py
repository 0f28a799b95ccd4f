import json
import socket
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import requests

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_logistics.carriers import (
    ADAPTERS,
    CarrierError,
    HttpJsonAdapter,
    ManualAdapter,
    get_adapter,
)

API_KEY = "ky-test-key"
SHIPMENT = {
    "reference": "WH/OUT/00012",
    "customer": "上海 Jade Tower project",
    "address": "88 Century Avenue, Pudong, Shanghai",
    "weight_kg": 23940.0,
    "pallet_places": 19,
}
EVENT = {
    "event_id": "KY-1",
    "tracking_ref": "KY0012",
    "status": "loaded",
    "time": "2026-03-02T09:30:00+08:00",
    "place": "Foshan warehouse",
}
# Captured before Odoo's test classes patch Session.send (see _request_handler below).
_SEND = requests.Session.send


class FakeCarrier(BaseHTTPRequestHandler):
    """A carrier's API on 127.0.0.1; the first part of the path picks how it behaves:
    ok, down (500), html (not JSON), noref, bad_event, no_list, slow (never answers)."""

    def log_message(self, *args):
        pass  # quiet

    def answer(self, status, payload=None, text=None):
        data = text.encode() if text is not None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html" if text is not None else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.handle_call()

    def do_GET(self):
        self.handle_call()

    def handle_call(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.received.append((self.command, self.path, self.headers.get("Authorization"), raw))
        scenario, _slash, rest = self.path.lstrip("/").partition("/")
        if scenario == "slow":
            self.server.release.wait(5)
            return  # hangs up without an answer
        if self.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self.answer(401, {"error": "invalid api key"})
        if scenario == "down":
            return self.answer(500, text="<html><body>\n  Internal error: database locked\n</body></html>")
        if scenario == "html":
            return self.answer(200, text="<html>Scheduled maintenance until 06:00</html>")
        if self.command == "POST" and rest == "shipments":
            if scenario == "noref":
                return self.answer(201, {"tracking_url": "https://ky.example/t/1"})
            ref = "KY" + json.loads(raw)["reference"].rsplit("/", 1)[-1]
            return self.answer(201, {"tracking_ref": ref, "tracking_url": f"https://ky.example/t/{ref}"})
        if self.command == "GET" and rest.startswith("shipments/") and rest.endswith("/events"):
            events = [EVENT, {**EVENT, "event_id": "KY-2", "status": "dispatched", "place": None}]
            if scenario == "bad_event":
                events[1]["status"] = "teleported"
            return self.answer(200, {"events": "none yet" if scenario == "no_list" else events})
        return self.answer(404, {"error": "no such resource"})


class FakeCarrierMixin:
    """Starts the fake carrier for a test class; requests to it keep their own timeout."""

    @classmethod
    def start_fake_carrier(cls):
        server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCarrier)
        server.daemon_threads = True
        server.received, server.release = [], threading.Event()
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        cls.server, cls.root = server, f"http://127.0.0.1:{server.server_port}"

        def stop():
            server.release.set()
            server.shutdown()
            server.server_close()
            thread.join(5)

        cls.addClassCleanup(stop)

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's test runner stretches timeouts under 10 s; the fake carrier is on this machine
        # and the timeout test needs the adapter's own.
        if urlsplit(r.url).hostname == "127.0.0.1":
            return _SEND(s, r, **kw)
        return super()._request_handler(s, r, **kw)


@tagged("post_install", "-at_install")
class TestCarrierAdapters(FakeCarrierMixin, BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_fake_carrier()

    def setUp(self):
        super().setUp()
        self.server.received.clear()
        self.server.release = threading.Event()
        self.addCleanup(self.server.release.set)

    def carrier(self, scenario="ok", api_key=API_KEY, **extra):
        return get_adapter("http_json", base_url=f"{self.root}/{scenario}/", api_key=api_key, **extra)

    def assertCarrierError(self, reason, func, *args):
        with self.assertRaises(CarrierError) as caught:
            func(*args)
        self.assertRegex(caught.exception.reason, reason)
        self.assertEqual(str(caught.exception), caught.exception.reason)
        return caught.exception

    def test_a_shipment_is_booked_and_its_events_fetched(self):
        carrier = self.carrier()
        self.assertEqual(
            carrier.create_shipment(SHIPMENT),
            {"tracking_ref": "KY00012", "tracking_url": "https://ky.example/t/KY00012"},
        )
        method, path, authorization, raw = self.server.received[-1]
        self.assertEqual((method, path, authorization), ("POST", "/ok/shipments", f"Bearer {API_KEY}"))
        self.assertEqual(json.loads(raw), SHIPMENT, "the shipment as JSON, Chinese included")
        events = carrier.fetch_status("KY 00/12")
        self.assertEqual(self.server.received[-1][:2], ("GET", "/ok/shipments/KY%2000%2F12/events"))
        self.assertEqual(
            [(e["event_id"], e["status"], e["time"], e["place"]) for e in events],
            [
                ("KY-1", "loaded", datetime(2026, 3, 2, 1, 30), "Foshan warehouse"),
                ("KY-2", "dispatched", datetime(2026, 3, 2, 1, 30), None),
            ],
        )

    def test_a_wrong_api_key_is_refused(self):
        self.assertCarrierError(
            r"the carrier refused the API key \(401 Unauthorized\)",
            self.carrier(api_key="old-key").create_shipment,
            SHIPMENT,
        )

    def test_a_carrier_failure_is_reported_with_its_status(self):
        self.assertCarrierError(
            rf"the carrier answered 500 Internal Server Error to POST {self.root}/down/shipments: "
            r"<html><body> Internal error: database locked </body></html>$",
            self.carrier("down").create_shipment,
            SHIPMENT,
        )
        self.assertCarrierError(
            r"answered 404 Not Found to GET .*/ok/nowhere/shipments/KY1/events",
            self.carrier("ok/nowhere").fetch_status,
            "KY1",
        )

    def test_an_answer_that_is_not_the_expected_json_is_an_error(self):
        self.assertCarrierError(
            r"the carrier's answer to POST .*/html/shipments is not JSON \(200 OK\)",
            self.carrier("html").create_shipment,
            SHIPMENT,
        )
        self.assertCarrierError("no usable tracking_ref", self.carrier("noref").create_shipment, SHIPMENT)
        self.assertCarrierError(
            "answer for KY1 has no list of events", self.carrier("no_list").fetch_status, "KY1"
        )

    def test_a_malformed_event_is_an_error_not_dropped(self):
        self.assertCarrierError(
            r"event 2 of KY1 is malformed: unknown status 'teleported'",
            self.carrier("bad_event").fetch_status,
            "KY1",
        )

    def test_a_carrier_that_does_not_answer_or_is_not_there(self):
        began = time.monotonic()
        self.assertCarrierError(
            r"the carrier did not answer within 0.2 s \(GET .*/slow/shipments/KY1/events\)",
            self.carrier("slow", timeout=0.2).fetch_status,
            "KY1",
        )
        self.assertLess(time.monotonic() - began, 3, "the adapter's own timeout")
        with socket.socket() as probe:  # a port nobody listens on any more
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        closed = get_adapter("http_json", base_url=f"http://127.0.0.1:{port}", api_key=API_KEY)
        self.assertCarrierError(
            rf"the carrier could not be reached at http://127.0.0.1:{port}/shipments: "
            r"\[Errno \d+\] Connection refused",
            closed.create_shipment,
            SHIPMENT,
        )

    def test_own_trucks_track_by_the_delivery_reference(self):
        manual = get_adapter("manual", url_template="https://huaci.example/track?no={ref}")
        self.assertIsInstance(manual, ManualAdapter)
        self.assertEqual(
            manual.create_shipment(SHIPMENT),
            {
                "tracking_ref": "WH/OUT/00012",
                "tracking_url": "https://huaci.example/track?no=WH%2FOUT%2F00012",
            },
        )
        self.assertEqual(manual.fetch_status("WH/OUT/00012"), [])
        self.assertEqual(
            get_adapter("manual").create_shipment({"reference": " WH/OUT/7 "}),
            {"tracking_ref": "WH/OUT/7", "tracking_url": None},
        )
        self.assertCarrierError("the shipment has no reference", manual.create_shipment, {"reference": ""})
        # No {ref}: one tracking page for every shipment, kept as typed.
        same_page = ManualAdapter("https://huaci.example/track{").create_shipment(SHIPMENT)
        self.assertEqual(same_page["tracking_url"], "https://huaci.example/track{")

    def test_a_connection_is_picked_by_its_kind_and_must_be_configured(self):
        self.assertEqual(set(ADAPTERS), {"manual", "http_json"})
        self.assertIsInstance(self.carrier(), HttpJsonAdapter)
        with self.assertRaisesRegex(
            CarrierError, "unknown carrier connection 'fax': use one of manual, http_json"
        ):
            get_adapter("fax")
        with self.assertRaisesRegex(CarrierError, "API address 'ftp://ky.example' is not an http"):
            get_adapter("http_json", base_url="ftp://ky.example", api_key=API_KEY)
        with self.assertRaisesRegex(CarrierError, "the carrier's API key is not set"):
            get_adapter("http_json", base_url="https://api.ky.example/v1", api_key="")

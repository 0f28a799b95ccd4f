import json
import random
import string
from datetime import datetime, timedelta

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_logistics.webhook_auth import STATUSES, WebhookRejected, check, parse_event, sign

SECRET = "whsec-huaci"
NOW = 1_800_000_000  # 15 January 2027, 08:00 UTC
NOW_DT = datetime(2027, 1, 15, 8, 0)


def event(**changes):
    """The carrier's event: a delivery of Huaci Tiles arrived in Shanghai (16:00 Beijing time)."""
    data = {
        "event_id": "KY-20270115-0001",
        "tracking_ref": "KY123456789CN",
        "status": "arrived",
        "time": "2027-01-15T16:00:00+08:00",
        "place": "Shanghai depot",
        "note": "unloading at gate 3",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not ...}  # ...: drop the key


def body(**changes):
    return json.dumps(event(**changes)).encode()


def signed(payload, timestamp=NOW, secret=SECRET):
    """(timestamp header, body, signature header) as the carrier sends them."""
    return str(timestamp), payload, sign(secret, str(timestamp), payload)


@tagged("post_install", "-at_install")
class TestWebhookAuth(BaseCase):
    def assertRejected(self, status, reason, func, *args, **kwargs):
        with self.assertRaises(WebhookRejected) as caught:
            func(*args, **kwargs)
        self.assertEqual(caught.exception.status, status, caught.exception.reason)
        self.assertRegex(caught.exception.reason, reason)
        self.assertEqual(str(caught.exception), caught.exception.reason)

    def test_a_signed_fresh_event_is_accepted_and_read_in_utc(self):
        timestamp, payload, signature = signed(body(), NOW - 20)
        self.assertIsNone(check(SECRET, timestamp, payload, signature, NOW))
        self.assertIsNone(check(SECRET, timestamp, payload, signature.upper(), NOW), "hex in capitals")
        self.assertIsNone(check(SECRET.encode(), int(timestamp), payload, f" {signature} ", NOW))
        self.assertEqual(
            parse_event(payload, now=NOW_DT),
            {
                "event_id": "KY-20270115-0001",
                "tracking_ref": "KY123456789CN",
                "status": "arrived",
                "time": datetime(2027, 1, 15, 8, 0),
                "place": "Shanghai depot",
                "note": "unloading at gate 3",
            },
        )

    def test_the_signature_is_hmac_sha256_of_timestamp_dot_body(self):
        # As a carrier's developer checks it:
        # printf '1800000000.{"event_id":"KY-1"}' | openssl dgst -sha256 -hmac whsec-huaci
        self.assertEqual(
            sign(SECRET, NOW, b'{"event_id":"KY-1"}'),
            "f07be850ca9fce7e0f22a1b61ea1c12c88325c8dc4d027f4bed11abc4d13f054",
        )
        self.assertEqual(
            sign(SECRET, "1800000000", '{"event_id":"KY-1"}'), sign(SECRET, NOW, b'{"event_id":"KY-1"}')
        )

    def test_without_a_secret_webhooks_are_off(self):
        for secret in (None, "", b""):
            self.assertRejected(
                403, "webhooks are not enabled for this carrier", check, secret, *signed(body()), NOW
            )

    def test_the_timestamp_must_be_there_whole_and_recent(self):
        timestamp, payload, signature = signed(body())
        for missing in (None, "", "   "):
            self.assertRejected(401, "no timestamp header", check, SECRET, missing, payload, signature, NOW)
        for odd in (
            "1.8e9",
            "1800000000.5",
            "-1800000000",
            "+1800000000",
            "yesterday",
            "١٨٠٠٠٠٠٠٠٠",
            "9" * 5000,
        ):
            self.assertRejected(
                401, "not a whole number of seconds", check, SECRET, odd, payload, signature, NOW
            )
        old = "the timestamp is 301 seconds old; at most 300 seconds either way are accepted"
        self.assertRejected(401, old, check, SECRET, *signed(payload, NOW - 301), NOW)
        self.assertRejected(401, "400 seconds in the future", check, SECRET, *signed(payload, NOW + 400), NOW)
        self.assertIsNone(check(SECRET, *signed(payload, NOW - 300), NOW), "the window's edge is inside")
        self.assertIsNone(check(SECRET, *signed(payload, NOW - 3000), NOW, window=3600))

    def test_the_signature_must_match_the_body_the_timestamp_and_the_secret(self):
        timestamp, payload, signature = signed(body())
        for missing in (None, "", " "):
            self.assertRejected(401, "no signature header", check, SECRET, timestamp, payload, missing, NOW)
        for odd in (signature[:-1], signature + "0", "sha256=" + signature, "z" * 64, "not signed"):
            self.assertRejected(401, "not a hex HMAC-SHA256", check, SECRET, timestamp, payload, odd, NOW)
        wrong = "the signature does not match"
        tampered = payload.replace(b"arrived", b"delivered")
        self.assertRejected(401, wrong, check, SECRET, timestamp, tampered, signature, NOW)
        self.assertRejected(401, wrong, check, "another-secret", timestamp, payload, signature, NOW)
        # Replayed with a fresh timestamp pasted on: the old signature covers the old one.
        self.assertRejected(401, wrong, check, SECRET, str(NOW + 5), payload, signature, NOW)

    def test_a_malformed_event_says_what_is_wrong(self):
        cases = [
            (b"\xff\xfe{}", "not UTF-8"),
            (b"status=arrived", "not valid JSON"),
            (b"[1, 2]", "not a JSON object"),
            (b"null", "not a JSON object"),
            (body(event_id=...), "has no event_id"),
            (body(tracking_ref=""), "tracking_ref must be non-empty text"),
            (body(tracking_ref=12345), "tracking_ref must be non-empty text"),
            (body(event_id="E" * 65), "event_id is longer than 64 characters"),
            (body(tracking_ref="T" * 129), "tracking_ref is longer than 128"),
            (body(place="P" * 129), "place is longer than 128"),
            (body(note="N" * 1001), "note is longer than 1000"),
            (body(place=["Shanghai"]), "place must be non-empty text"),
            (body(status=...), "has no status"),
            (body(status="Delivered"), "unknown status 'Delivered': use one of planned, loaded"),
            (body(status=5), "status must be text, one of planned, loaded"),
            (body(status="s" * 40), "unknown status 's{32}'...: use one of"),
            (body(time=...), "has no time"),
            (body(time=1800000000), "time must be ISO 8601 text"),
            (body(time="15/01/2027 16:00"), "time is not a valid ISO 8601"),
            (body(time="2027-02-30T10:00:00Z"), "time is not a valid ISO 8601"),
            (body(time="2027-01-15"), "time is not a valid ISO 8601"),
            (body(time="2027-01-15T10:00:00+24:00"), "time is not a valid ISO 8601"),
            (body(time="0001-01-01T00:30:00+01:00"), "time is not a valid ISO 8601"),
            (body(time="2027-01-16T08:00:01Z"), "more than a day in the future"),
            (b"[" * 100000, "not valid JSON"),
            (12345, "the body is not text"),
        ]
        for payload, reason in cases:
            with self.subTest(payload=payload[:80] if isinstance(payload, bytes) else payload):
                self.assertRejected(400, reason, parse_event, payload, now=NOW_DT)

    def test_times_in_any_offset_are_stored_in_utc(self):
        def read(text):
            return parse_event(body(time=text), now=NOW_DT)["time"]

        eight = datetime(2027, 1, 15, 8, 0)
        for text in (
            "2027-01-15T16:00:00+08:00",
            "2027-01-15T16:00+0800",
            "2027-01-15T08:00:00Z",
            "2027-01-15 08:00",
        ):
            self.assertEqual(read(text), eight, text)
        self.assertEqual(read("2027-01-15T03:00:00.250-05:00"), datetime(2027, 1, 15, 8, 0, 0, 250000))
        self.assertEqual(
            read("2027-01-16T08:00:00Z"), eight + timedelta(days=1), "a day ahead is clock drift"
        )
        bare = parse_event(body(place=None, note=...), now=NOW_DT)
        self.assertEqual((bare["place"], bare["note"]), (None, None), "place and note are optional")
        # Noon UTC on the 14th: the event comes 20 h later (32 h if the offset were ignored).
        aware_now = datetime.fromisoformat("2027-01-14T00:00:00-12:00")
        self.assertEqual(parse_event(body(), now=aware_now)["time"], eight)

    def test_hundreds_of_bad_requests_are_refused_with_a_4xx_and_nothing_else(self):
        rnd = random.Random(20270115)
        good = body()
        self.assertIsNone(check(SECRET, *signed(good), NOW))
        self.assertTrue(parse_event(good, now=NOW_DT))
        calls, events = self.bad_requests(rnd, good), self.bad_events(rnd)
        self.assertGreater(len(calls), 300)
        self.assertGreater(len(events), 300)
        surprises = []
        for args in calls:
            self.expect_refusal(surprises, (401, 403), check, *args, NOW)
        for payload in events:
            self.expect_refusal(surprises, (400,), parse_event, payload, now=NOW_DT)
        total = len(calls) + len(events)
        self.assertEqual(surprises[:5], [], f"{len(surprises)} of {total} not refused cleanly")

    def expect_refusal(self, surprises, statuses, func, *args, **kwargs):
        shown = repr(args)[:200]
        try:
            func(*args, **kwargs)
        except WebhookRejected as refused:
            if refused.status not in statuses or not refused.reason or not isinstance(refused.reason, str):
                surprises.append((shown, refused.status, refused.reason))
        except Exception as error:  # anything else is what this test hunts
            surprises.append((shown, type(error).__name__, str(error)[:200]))
        else:
            surprises.append((shown, "accepted", None))

    def bad_requests(self, rnd, good):
        """(secret, timestamp header, body, signature header): unsigned, stale, tampered, forged."""
        junk = string.printable + "é中١"
        cases = []
        for _round in range(60):
            timestamp, payload, signature = signed(good, NOW - rnd.randint(-300, 300))
            flipped = bytearray(payload)
            spot = rnd.randrange(len(flipped))
            flipped[spot] ^= rnd.randint(1, 255)
            text = "".join(rnd.choice(junk) for _char in range(rnd.randint(0, 80)))
            off = rnd.choice((-1, 1)) * (300 + rnd.randint(1, 10**9))
            cases += [
                (rnd.choice((None, "", b"")), timestamp, payload, signature),
                (SECRET, timestamp, payload, rnd.choice((None, "", "   "))),
                (SECRET, *signed(payload, NOW + off)),
                (SECRET, timestamp, bytes(flipped), signature),
                (SECRET, timestamp, payload, signature[: rnd.randrange(64)]),
                (SECRET, timestamp, payload, signature + rnd.choice("0aF")),
                (SECRET, timestamp, payload, sign(text or "x", timestamp, payload)),
                (SECRET, text, payload, signature),
                (SECRET, timestamp, payload, text),
                (SECRET, str(int(timestamp) + rnd.randint(1, 299)), payload, signature),
            ]
        return cases

    def bad_events(self, rnd):
        """Bodies no carrier should send: broken bytes, broken JSON, missing or wrong fields."""
        events, fields = [], list(event())
        wrong_types = [0, 1.5, True, [], {}, ["x"], {"a": 1}]
        for _round in range(40):
            name = rnd.choice(fields)
            limit = {"event_id": 64, "tracking_ref": 128, "place": 128, "note": 1000}.get(name, 64)
            status = "".join(rnd.choice(string.ascii_letters + "_ ") for _char in range(rnd.randint(0, 20)))
            good = body()
            events += [
                rnd.randbytes(rnd.randint(0, 200)),
                good[: rnd.randrange(len(good))],
                good.replace(b'"arrived"', b'"arr\xffived"'),
                json.dumps(event()).encode("utf-16"),
                rnd.choice((b"[", b"{", b'{"a":')) * rnd.randint(1, 50000),
                json.dumps(rnd.choice([[event()], "arrived", 42, None, True])).encode(),
                body(**{rnd.choice(["event_id", "tracking_ref", "status", "time"]): ...}),
                body(**{name: rnd.choice(wrong_types)}),
                body(**{name: "x" * (limit + rnd.randint(1, 500))}),
                body(status=status if status not in STATUSES else status + "!"),
                body(
                    time=rnd.choice(
                        ["", "now", "2027-13-01T00:00:00Z", "2027-01-15T08:00:60Z", "2027-1-15T08:00Z"]
                    )
                ),
                body(time=(NOW_DT + timedelta(days=1, seconds=rnd.randint(1, 10**8))).isoformat()),
                body(time="".join(rnd.choice("0123456789-:TZ+. ") for _char in range(rnd.randint(0, 30)))),
            ]
        return events

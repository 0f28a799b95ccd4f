"""Signed carrier webhooks: who may post a shipment event, and what a valid event is.

No ORM here. The controller calls check() with the carrier's secret and the request's
headers and raw body, then parse_event() on the body, and answers a WebhookRejected's
status and reason as they are; the carrier adapters validate fetched events with
validate_event(). Tests call these functions directly.

The carrier signs ``"<timestamp>." + body`` with HMAC-SHA256 under the secret both sides
know and sends the timestamp (Unix seconds, as typed in the header) and the hex digest.
The timestamp is signed with the body, so an old request replayed later is refused by
its age, and one with a fresh timestamp pasted on by its signature.
"""

import hashlib
import hmac
import json
import re
from datetime import datetime, timedelta, timezone

STATUSES = ("planned", "loaded", "dispatched", "in_transit", "arrived", "delivered", "refused")
_TIMESTAMP = re.compile(r"\d{1,12}", re.ASCII)
_SIGNATURE = re.compile(r"[0-9a-fA-F]{64}", re.ASCII)
# ISO 8601 extended date and time, seconds and offset optional; no offset is UTC.
_ISO_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"(?:(Z)|([+-])(\d{2}):?(\d{2}))?",
    re.ASCII | re.IGNORECASE,
)
_FUTURE = timedelta(days=1)  # carriers' clocks drift; a day ahead is a wrong date, not drift
# field -> (longest, required)
_TEXT_FIELDS = {
    "event_id": (64, True),
    "tracking_ref": (128, True),
    "place": (128, False),
    "note": (1000, False),
}


class WebhookRejected(Exception):
    """A refused webhook: ``status`` is the HTTP status to answer, ``reason`` says why."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _bytes(value, what):
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        return value.encode()
    raise TypeError(f"{what} must be bytes or text, not {type(value).__name__}")


def sign(secret, timestamp, body_bytes):
    """The hex HMAC-SHA256 of ``f"{timestamp}."`` followed by the body, under ``secret``."""
    message = f"{timestamp}.".encode() + _bytes(body_bytes, "the body")
    return hmac.new(_bytes(secret, "the secret"), message, hashlib.sha256).hexdigest()


def check(secret, timestamp_header, body_bytes, signature_header, now_epoch, window=300):
    """None when the request is signed with ``secret`` within ``window`` seconds of now.

    Raises WebhookRejected: 403 when we have no secret for the carrier (webhooks off),
    401 for a missing, malformed, stale or wrong timestamp or signature.
    """
    if not secret:
        raise WebhookRejected(403, "webhooks are not enabled for this carrier")
    if isinstance(timestamp_header, int) and not isinstance(timestamp_header, bool):
        timestamp_header = str(timestamp_header)
    if not isinstance(timestamp_header, str) or not timestamp_header.strip():
        raise WebhookRejected(401, "the request has no timestamp header")
    timestamp_header = timestamp_header.strip()
    if not _TIMESTAMP.fullmatch(timestamp_header):
        raise WebhookRejected(401, "the timestamp header is not a whole number of seconds since 1970")
    skew = int(now_epoch) - int(timestamp_header)
    if abs(skew) > window:
        when = f"{skew} seconds old" if skew > 0 else f"{-skew} seconds in the future"
        raise WebhookRejected(
            401, f"the timestamp is {when}; at most {window} seconds either way are accepted"
        )
    if not isinstance(signature_header, str) or not signature_header.strip():
        raise WebhookRejected(401, "the request has no signature header")
    signature = signature_header.strip()
    if not _SIGNATURE.fullmatch(signature):
        raise WebhookRejected(401, "the signature header is not a hex HMAC-SHA256 (64 hex digits)")
    try:
        expected = sign(secret, timestamp_header, body_bytes)
    except (TypeError, UnicodeError) as error:
        raise WebhookRejected(400, "the body is not bytes") from error
    if not hmac.compare_digest(expected, signature.lower()):
        raise WebhookRejected(401, "the signature does not match the body and timestamp")


def _naive_utc(moment):
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def parse_time(text):
    """A naive UTC datetime from ISO 8601 text (no offset: UTC). ValueError when it is not one."""
    match = _ISO_TIME.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not an ISO 8601 date and time")
    year, month, day, hour, minute, second, fraction, zulu, sign_, off_h, off_m = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro)
    if sign_:
        if int(off_h) > 23 or int(off_m) > 59:
            raise ValueError(f"{text!r} has an impossible UTC offset")
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        moment -= offset if sign_ == "+" else -offset  # OverflowError at the ends of the calendar
    return moment


def _text(event, name):
    longest, required = _TEXT_FIELDS[name]
    value = event.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        if value is None:
            raise WebhookRejected(400, f"the event has no {name}")
        raise WebhookRejected(400, f"the event's {name} must be non-empty text")
    value = value.strip()
    if len(value) > longest:
        raise WebhookRejected(400, f"the event's {name} is longer than {longest} characters")
    return value


def validate_event(event, now=None):
    """The event as a clean dict, or WebhookRejected(400, why).

    ``event``: the decoded JSON. Returns {event_id, tracking_ref, status, time (naive UTC),
    place, note} (place and note None when not given); other keys are ignored.
    ``now`` (default: the current time) bounds the event's time: at most a day ahead.
    """
    if not isinstance(event, dict):
        raise WebhookRejected(400, "the event is not a JSON object")
    clean = {name: _text(event, name) for name in ("event_id", "tracking_ref")}
    status = event.get("status")
    if status is None:
        raise WebhookRejected(400, "the event has no status")
    if not isinstance(status, str):
        raise WebhookRejected(400, f"the event's status must be text, one of {', '.join(STATUSES)}")
    if status not in STATUSES:
        shown = repr(status) if len(status) <= 32 else f"{status[:32]!r}..."
        raise WebhookRejected(400, f"unknown status {shown}: use one of {', '.join(STATUSES)}")
    clean["status"] = status
    moment = event.get("time")
    if moment is None:
        raise WebhookRejected(400, "the event has no time")
    if not isinstance(moment, str):
        raise WebhookRejected(400, "the event's time must be ISO 8601 text")
    try:
        clean["time"] = parse_time(moment.strip())
    except (ValueError, OverflowError) as error:
        raise WebhookRejected(400, "the event's time is not a valid ISO 8601 date and time") from error
    now = _naive_utc(now) if now is not None else datetime.now(timezone.utc).replace(tzinfo=None)
    if clean["time"] > now + _FUTURE:
        raise WebhookRejected(400, "the event's time is more than a day in the future")
    clean["place"] = _text(event, "place")
    clean["note"] = _text(event, "note")
    return clean


def parse_event(body_bytes, now=None):
    """The event posted in ``body_bytes`` (UTF-8 JSON), validated by validate_event()."""
    if isinstance(body_bytes, bytes | bytearray | memoryview):
        try:
            text = bytes(body_bytes).decode("utf-8")
        except UnicodeDecodeError as error:
            raise WebhookRejected(400, "the body is not UTF-8 text") from error
    elif isinstance(body_bytes, str):
        text = body_bytes
    else:
        raise WebhookRejected(400, "the body is not text")
    try:
        event = json.loads(text)
    except (ValueError, RecursionError) as error:  # RecursionError: [[[[... nested too deep
        raise WebhookRejected(400, "the body is not valid JSON") from error
    if not isinstance(event, dict):
        raise WebhookRejected(400, "the body is not a JSON object")
    return validate_event(event, now)

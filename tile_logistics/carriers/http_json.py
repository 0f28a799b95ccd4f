"""A carrier with a small JSON API over HTTPS, keyed by a bearer token.

POST {base_url}/shipments with the shipment as JSON answers
{"tracking_ref": ..., "tracking_url": ...}; GET {base_url}/shipments/<ref>/events answers
{"events": [...]}, each event as a webhook posts it. Every failure (network, timeout,
a status other than 2xx, a body that is not the expected JSON, a malformed event) is a
CarrierError saying which: the dispatcher retries or calls the carrier, nothing is
dropped silently.
"""

import re
from urllib.parse import quote, urlsplit

import requests

from ..webhook_auth import WebhookRejected, validate_event
from .base import CarrierAdapter, CarrierError

_SHOWN = 200  # characters of a carrier's error body quoted in the reason
_OS_ERROR = re.compile(r"\[Errno -?\d+\] [^'\")]+")


def _why(error):
    """The operating system's words ("[Errno 111] Connection refused") from a wrapped error."""
    text = str(error)
    found = _OS_ERROR.search(text)
    return found.group(0).strip() if found else text[:_SHOWN]


class HttpJsonAdapter(CarrierAdapter):
    def __init__(self, base_url, api_key, timeout=10):
        base_url = (base_url or "").strip().rstrip("/")
        if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).netloc:
            raise CarrierError(f"the carrier's API address {base_url!r} is not an http(s) URL")
        if not api_key:
            raise CarrierError("the carrier's API key is not set")
        self.base_url, self.api_key, self.timeout = base_url, api_key, timeout

    def _call(self, method, path, payload=None):
        url = f"{self.base_url}{path}"
        headers = {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}
        try:
            # No redirects: a moved API is a configuration to fix, and the key stays on this host.
            response = requests.request(
                method, url, json=payload, headers=headers, timeout=self.timeout, allow_redirects=False
            )
        except requests.Timeout as error:
            raise CarrierError(
                f"the carrier did not answer within {self.timeout} s ({method} {url})"
            ) from error
        except requests.ConnectionError as error:
            raise CarrierError(f"the carrier could not be reached at {url}: {_why(error)}") from error
        except requests.RequestException as error:
            raise CarrierError(
                f"the request to the carrier failed ({method} {url}): {_why(error)}"
            ) from error
        status = f"{response.status_code} {response.reason or ''}".strip()
        if response.status_code in (401, 403):
            raise CarrierError(f"the carrier refused the API key ({status})")
        if not 200 <= response.status_code < 300:
            body = " ".join(response.text.split())[:_SHOWN]
            raise CarrierError(
                f"the carrier answered {status} to {method} {url}" + (f": {body}" if body else "")
            )
        try:
            data = response.json()
        except ValueError as error:
            raise CarrierError(f"the carrier's answer to {method} {url} is not JSON ({status})") from error
        if not isinstance(data, dict):
            raise CarrierError(f"the carrier's answer to {method} {url} is not a JSON object")
        return data

    def create_shipment(self, shipment):
        data = self._call("POST", "/shipments", shipment)
        ref, url = data.get("tracking_ref"), data.get("tracking_url")
        if not isinstance(ref, str) or not ref.strip() or len(ref.strip()) > 128:
            raise CarrierError(
                "the carrier's answer has no usable tracking_ref (text of 1 to 128 characters)"
            )
        if url is not None and not isinstance(url, str):
            raise CarrierError("the carrier's tracking_url is not text")
        return {"tracking_ref": ref.strip(), "tracking_url": url or None}

    def fetch_status(self, tracking_ref):
        data = self._call("GET", f"/shipments/{quote(tracking_ref, safe='')}/events")
        events = data.get("events")
        if not isinstance(events, list):
            raise CarrierError(f"the carrier's answer for {tracking_ref} has no list of events")
        clean = []
        for number, event in enumerate(events, 1):
            try:
                clean.append(validate_event(event))
            except WebhookRejected as error:
                raise CarrierError(
                    f"event {number} of {tracking_ref} is malformed: {error.reason}"
                ) from error
        return clean

"""What every carrier connection does: book a shipment, fetch its tracking events.

No ORM here: an adapter gets plain dicts and strings from the models and returns plain
dicts; it raises CarrierError with a reason the user can act on ("the carrier refused the
API key"), which the models show translated.
"""


class CarrierError(Exception):
    """The carrier could not be reached or answered something unusable; ``reason`` says what."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class CarrierAdapter:
    """One carrier connection, configured with keyword arguments (see get_adapter())."""

    def create_shipment(self, shipment):
        """Book ``shipment`` (a dict; its ``reference`` is our delivery's name) with the carrier.

        Returns {"tracking_ref": str, "tracking_url": str or None}.
        """
        raise NotImplementedError

    def fetch_status(self, tracking_ref):
        """The carrier's events for ``tracking_ref``: dicts as webhook_auth.parse_event() returns."""
        raise NotImplementedError

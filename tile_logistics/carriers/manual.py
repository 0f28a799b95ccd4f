"""Own trucks, or a carrier without an API: nothing to call, the dispatcher types the events."""

from urllib.parse import quote

from .base import CarrierAdapter, CarrierError


class ManualAdapter(CarrierAdapter):
    """The tracking reference is our delivery's reference; the tracking URL comes from
    ``url_template`` (for example ``https://carrier.example/track?no={ref}``), if any.
    A template without ``{ref}`` is a page that is the same for every shipment, as Odoo
    treats a carrier's tracking URL without its placeholder."""

    def __init__(self, url_template=None):
        self.url_template = url_template or None

    def create_shipment(self, shipment):
        reference = shipment.get("reference")
        if not isinstance(reference, str) or not reference.strip():
            raise CarrierError("the shipment has no reference to track it by")
        ref = reference.strip()
        url = None
        if self.url_template:
            # replace(), not format(): other braces in a typed URL are no placeholders.
            url = self.url_template.replace("{ref}", quote(ref, safe=""))
        return {"tracking_ref": ref, "tracking_url": url}

    def fetch_status(self, tracking_ref):
        return []

"""Carrier connections (no ORM): pick one by its kind, configure it with keyword arguments."""

from .base import CarrierAdapter, CarrierError
from .http_json import HttpJsonAdapter
from .manual import ManualAdapter

ADAPTERS = {"manual": ManualAdapter, "http_json": HttpJsonAdapter}


def get_adapter(kind, **config):
    """The adapter of ``kind`` ("manual", "http_json") configured with ``config``."""
    if kind not in ADAPTERS:
        raise CarrierError(f"unknown carrier connection {kind!r}: use one of {', '.join(ADAPTERS)}")
    return ADAPTERS[kind](**config)

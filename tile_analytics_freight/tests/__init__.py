from . import test_freight_margin

from . import test_order_margin

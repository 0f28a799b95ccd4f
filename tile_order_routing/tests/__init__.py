from . import test_routing_matcher
from . import test_order_routing

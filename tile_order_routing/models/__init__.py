from . import tile_routing_rule
from . import sale_order

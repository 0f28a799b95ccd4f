from . import tile_order_margin

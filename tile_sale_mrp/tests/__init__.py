from . import test_tile_sale_mrp_access

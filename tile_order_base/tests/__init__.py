from . import test_tile_math
from . import test_tile_product
from . import test_tile_sale
from . import test_tile_invoice
from . import test_tile_takeoff
from . import test_tile_customer_context
from . import test_tile_access
from . import test_tile_tour

from . import test_allocation_math
from . import test_tile_lot
from . import test_tile_purchase_and_access
from . import test_one_shade_allocation
from . import test_concurrent_allocation
from . import test_tile_hold
from . import test_breakage_returns_alerts
from . import test_tile_inventory_tour

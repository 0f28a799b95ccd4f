from . import test_tile_crm_quotation
from . import test_tile_crm_won_lost
from . import test_tile_crm_access
from . import test_tile_crm_tour
from . import test_tile_crm_demo

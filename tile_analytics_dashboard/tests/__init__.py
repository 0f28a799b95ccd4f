from . import test_tile_dashboard
from . import test_tile_dashboard_tour

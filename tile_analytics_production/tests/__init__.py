from . import test_production_cost

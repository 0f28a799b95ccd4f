from . import sale_report
from . import tile_customer_behaviour

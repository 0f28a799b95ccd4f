from . import tile_sales_export
from . import tile_winback_wizard

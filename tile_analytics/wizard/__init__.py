from . import tile_sales_export

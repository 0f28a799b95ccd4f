from . import tile_stock_shade_report

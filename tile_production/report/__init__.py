from . import tile_production_report

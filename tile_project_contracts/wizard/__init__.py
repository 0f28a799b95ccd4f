from . import tile_boq_import

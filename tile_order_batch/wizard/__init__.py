from . import tile_order_batch, tile_order_batch_line, tile_order_import, tile_order_import_error

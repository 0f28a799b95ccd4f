from . import tile_load_proposal

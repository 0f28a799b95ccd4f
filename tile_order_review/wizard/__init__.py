from . import tile_review_reject

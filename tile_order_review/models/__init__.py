from . import (
    mail_activity,
    tile_order_batch,
    res_company,
    res_config_settings,
    sale_order,
    tile_review_reason,
    tile_review_rule,
)

from . import res_company
from . import res_config_settings
from . import loyalty_card
from . import tile_customer_segment_history
from . import tile_winback_campaign
from . import tile_analysis_export
from . import sale_order
from . import sale_order_line

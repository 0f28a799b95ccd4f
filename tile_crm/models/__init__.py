from . import tile_room
from . import crm_lead
from . import sale_order

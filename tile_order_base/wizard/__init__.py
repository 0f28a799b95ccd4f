from . import tile_takeoff_wizard_room
from . import tile_takeoff_wizard

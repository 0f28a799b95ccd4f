from . import tile_grading
from . import tile_grading_line

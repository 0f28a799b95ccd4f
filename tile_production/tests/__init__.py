from . import test_planning_math
from . import test_production_planning
from . import test_production_mto
from . import test_grading
from . import test_production_tour
from . import test_production_progress

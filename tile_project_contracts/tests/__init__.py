from . import test_contract_math
from . import test_project_contract
from . import test_project_access
from . import test_project_tour
from . import test_project_shade
from . import test_boq_import
from . import test_project_portal
from . import test_project_demo

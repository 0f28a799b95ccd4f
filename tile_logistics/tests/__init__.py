from . import test_load_math
from . import test_webhook_auth
from . import test_carrier_adapters
from . import test_loads
from . import test_webhook
from . import test_carrier_api
from . import test_portal
from . import test_logistics_tour

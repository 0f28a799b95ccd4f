from . import test_load_math
from . import test_webhook_auth
from . import test_carrier_adapters
from . import test_loads
from . import test_webhook

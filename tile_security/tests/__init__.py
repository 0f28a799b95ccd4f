from . import test_role_matrix
from . import test_role_matrix_rpc
from . import test_sign_in
from . import test_session_idle
from . import test_audit_trail
from . import test_fuzz_endpoints
from . import test_fuzz_wizards
from . import test_price_guard

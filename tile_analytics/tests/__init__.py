from . import test_sale_report
from . import test_sales_export
from . import test_customer_behaviour
from . import test_winback
from . import test_analysis_export
from . import test_sales_snapshot

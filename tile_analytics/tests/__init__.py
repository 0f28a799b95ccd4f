from . import test_sale_report

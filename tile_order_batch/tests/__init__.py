from . import (
    test_line_import,
    test_order_batch,
    test_order_batch_pdf,
    test_order_import,
    test_order_batch_tour,
)

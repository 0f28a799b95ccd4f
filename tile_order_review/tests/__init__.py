from . import (
    test_review_access,
    test_review_batch,
    test_review_decisions,
    test_review_email,
    test_review_flow,
    test_review_rules,
    test_review_tour,
)

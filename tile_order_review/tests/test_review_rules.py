"""The plain decisions: which rules an order breaks (review.py, no database)."""

from odoo.tests import BaseCase

from ..review import LineFacts, OrderFacts, RuleFacts, breaches, pending

SALESMAN, SENIOR = 11, 12


def line(line_id=1, tmpl=100, series=7, m2=10.0, price_m2=90.0, discount=0.0):
    return LineFacts(line_id, tmpl, series, m2, price_m2, discount)


def order(*lines, **extra):
    extra.setdefault("salesperson_group_ids", frozenset({SALESMAN}))
    return OrderFacts(lines=tuple(lines), **extra)


class TestReviewRules(BaseCase):
    def test_floor_price_of_the_tile_wins_over_its_series(self):
        rules = [
            RuleFacts(1, "floor_price", series_id=7, floor_price_m2=80.0),
            RuleFacts(2, "floor_price", product_tmpl_id=100, floor_price_m2=95.0),
        ]
        found = breaches(order(line(price_m2=90.0)), rules)
        self.assertEqual([(b.rule_id, b.value, b.limit) for b in found], [(2, 90.0, 95.0)])
        # Another tile of the series only meets the series' floor.
        self.assertEqual(breaches(order(line(tmpl=101, price_m2=90.0)), rules), [])
        self.assertEqual([b.rule_id for b in breaches(order(line(tmpl=101, price_m2=79.0)), rules)], [1])

    def test_floor_price_ignores_rounding_and_lines_without_m2(self):
        rules = [RuleFacts(1, "floor_price", series_id=7, floor_price_m2=80.0)]
        self.assertEqual(breaches(order(line(price_m2=79.996)), rules), [])
        self.assertEqual(breaches(order(line(m2=0.0, price_m2=0.0)), rules), [])
        self.assertEqual(len(breaches(order(line(price_m2=79.99)), rules)), 1)

    def test_two_series_floors_the_higher_counts(self):
        rules = [
            RuleFacts(1, "floor_price", series_id=7, floor_price_m2=60.0),
            RuleFacts(2, "floor_price", series_id=7, floor_price_m2=70.0),
        ]
        self.assertEqual([b.rule_id for b in breaches(order(line(price_m2=65.0)), rules)], [2])

    def test_discount_limit_is_the_most_generous_of_the_salespersons_groups(self):
        rules = [
            RuleFacts(1, "discount", group_id=SALESMAN, max_discount=10.0),
            RuleFacts(2, "discount", group_id=SENIOR, max_discount=15.0),
        ]
        self.assertEqual([b.limit for b in breaches(order(line(discount=12.0)), rules)], [10.0])
        senior = order(line(discount=12.0), salesperson_group_ids=frozenset({SALESMAN, SENIOR}))
        self.assertEqual(breaches(senior, rules), [])
        self.assertEqual(len(breaches(order(line(discount=10.0)), rules)), 0)
        # Nobody limited: a salesperson in no rule's group.
        self.assertEqual(
            breaches(order(line(discount=50.0), salesperson_group_ids=frozenset({99})), rules), []
        )

    def test_credit_overdue_shade_and_size(self):
        rules = [
            RuleFacts(1, "credit_limit"),
            RuleFacts(2, "overdue", overdue_days=30, overdue_min_amount=100.0),
            RuleFacts(3, "shade_override"),
            RuleFacts(4, "order_size", min_m2=1000.0, min_amount=500000.0),
        ]
        clean = order(line(), m2=10.0, amount=900.0, overdue_amounts={30: 100.0})
        self.assertEqual(breaches(clean, rules), [])
        bad = order(
            line(),
            m2=1000.0,
            amount=900.0,
            credit_warning="over",
            overdue_amounts={30: 100.01},
            mixes_shades=True,
            split_reason="one floor, two shades",
        )
        self.assertEqual([b.rule_id for b in breaches(bad, rules)], [1, 2, 3, 4])
        by_amount = order(line(), m2=1.0, amount=500000.0)
        self.assertEqual([b.key for b in breaches(by_amount, rules)], ["order_size:amount:500000.00"])

    def test_rules_limited_to_customer_tags(self):
        rules = [RuleFacts(1, "order_size", min_m2=100.0, partner_category_ids=frozenset({5}))]
        self.assertEqual(breaches(order(line(), m2=200.0), rules), [])
        self.assertEqual(
            len(breaches(order(line(), m2=200.0, partner_category_ids=frozenset({5, 6})), rules)), 1
        )

    def test_an_approval_holds_for_what_was_approved_only(self):
        rules = [RuleFacts(1, "floor_price", series_id=7, floor_price_m2=80.0)]
        first = breaches(order(line(price_m2=70.0)), rules)
        approved = {b.key for b in first}
        self.assertEqual(pending(breaches(order(line(price_m2=70.0)), rules), approved), [])
        # A lower price, or the same price on another line, asks again.
        self.assertEqual(len(pending(breaches(order(line(price_m2=65.0)), rules), approved)), 1)
        self.assertEqual(len(pending(breaches(order(line(line_id=2, price_m2=70.0)), rules), approved)), 1)

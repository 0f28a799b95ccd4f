from odoo.tests import BaseCase, tagged

from odoo.addons.tile_order_routing import routing
from odoo.addons.tile_order_routing.routing import Customer, Rule

GD, BJ, HE = 1, 2, 3
CONTRACTOR, SHOWROOM = 10, 11


@tagged("post_install", "-at_install")
class TestRoutingMatcher(BaseCase):
    def test_each_criterion(self):
        foshan_contractor = Customer(
            state_id=GD, city="佛山市 Foshan", category_ids=frozenset({CONTRACTOR}), is_company=True
        )
        cases = [
            (Rule(state_ids=frozenset({GD})), ["province"]),
            (Rule(state_ids=frozenset({BJ, HE})), None),
            (Rule(cities=routing.parse_cities("Guangzhou, 佛山")), ["city"]),
            (Rule(cities=routing.parse_cities("Foshan City")), ["city"]),
            (Rule(cities=routing.parse_cities("Guangzhou\nShenzhen")), None),
            (Rule(category_ids=frozenset({CONTRACTOR, SHOWROOM})), ["tag"]),
            (Rule(category_ids=frozenset({SHOWROOM})), None),
            (Rule(partner_kind="company"), ["kind"]),
            (Rule(partner_kind="person"), None),
            (Rule(order_kind="retail"), ["order"]),
            (Rule(order_kind="project"), None),
            (Rule(state_ids=frozenset({GD}), category_ids=frozenset({CONTRACTOR})), ["province", "tag"]),
            # Every criterion of a rule must hold.
            (Rule(state_ids=frozenset({GD}), category_ids=frozenset({SHOWROOM})), None),
            (Rule(), []),
        ]
        for rule, expected in cases:
            with self.subTest(rule=rule):
                self.assertEqual(routing.matched_criteria(rule, foshan_contractor), expected)

    def test_project_orders(self):
        project = Customer(state_id=GD, is_project=True)
        self.assertEqual(routing.matched_criteria(Rule(order_kind="project"), project), ["order"])
        self.assertIsNone(routing.matched_criteria(Rule(order_kind="retail"), project))

    def test_city_names_as_people_write_them(self):
        for typed, partner_city in [
            ("foshan", "FOSHAN"),
            ("Fo Shan", "Foshan"),
            ("佛山", "佛山市"),
            ("佛山市", "佛山 "),
            ("Foshan", "佛山市 Foshan"),
            ("佛山", "Foshan (佛山)"),
            ("Beijing", "北京市 Beijing"),
            ("ＦＯＳＨＡＮ", "Foshan"),
        ]:
            with self.subTest(typed=typed, city=partner_city):
                self.assertTrue(routing.parse_cities(typed) & routing.city_keys(partner_city))
        for typed, partner_city in [("York", "New York"), ("佛山", "广州市"), ("Foshan", "")]:
            with self.subTest(typed=typed, city=partner_city):
                self.assertFalse(routing.parse_cities(typed) & routing.city_keys(partner_city))
        self.assertEqual(
            routing.parse_cities(" Foshan，佛山市、Guangzhou; ;"), {"foshan", "佛山", "guangzhou"}
        )

    def test_first_matching_rule_wins_and_fallback(self):
        rules = [
            Rule(key="north", state_ids=frozenset({BJ, HE})),
            Rule(key="gd contractors", state_ids=frozenset({GD}), category_ids=frozenset({CONTRACTOR})),
            Rule(key="gd", state_ids=frozenset({GD})),
            Rule(key="fallback"),
        ]
        contractor = Customer(state_id=GD, category_ids=frozenset({CONTRACTOR}))
        self.assertEqual(routing.first_match(rules, contractor)[0].key, "gd contractors")
        self.assertEqual(routing.first_match(rules, Customer(state_id=GD))[0].key, "gd")
        rule, met = routing.first_match(rules, Customer(state_id=99))
        self.assertEqual((rule.key, met), ("fallback", []))
        self.assertTrue(rule.is_fallback)
        self.assertEqual(routing.first_match(rules[:3], Customer(state_id=99)), (None, None))
        self.assertEqual(routing.first_match([], contractor), (None, None))

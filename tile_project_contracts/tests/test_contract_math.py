from odoo.tests import BaseCase, tagged

from odoo.addons.tile_project_contracts import contract_math


@tagged("post_install", "-at_install")
class TestContractMath(BaseCase):
    def test_shares(self):
        self.assertAlmostEqual(contract_math.share(142636.80, 10), 14263.68)
        self.assertAlmostEqual(contract_math.share(142636.80, 5), 7131.84)
        with self.assertRaises(ValueError):
            contract_math.share(100, 101)

    def test_advance_never_more_than_left(self):
        self.assertAlmostEqual(contract_math.advance_deduction(142636.80, 10, 114000), 14263.68)
        self.assertEqual(contract_math.advance_deduction(142636.80, 10, 1000), 1000)
        self.assertEqual(contract_math.advance_deduction(142636.80, 10, -5), 0)

    def test_over_call(self):
        self.assertEqual(contract_math.over_call(100, 60, 40), 0)
        self.assertEqual(contract_math.over_call(100, 60, 41), 1)

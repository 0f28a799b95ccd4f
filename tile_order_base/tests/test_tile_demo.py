from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTileDemo(TransactionCase):
    """The demo is a Chinese tile distributor's: CNY, Chinese chart, 13 % VAT, provinces."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("tile_order_base.tile_demo_company", raise_if_not_found=False)
        if not cls.company:
            cls.skipTest(cls, "installed without demo data")

    def test_company_is_chinese(self):
        self.assertEqual(self.company.currency_id.name, "CNY")
        self.assertEqual(self.company.country_id.code, "CN")
        self.assertEqual(self.company.chart_template, "cn")
        self.assertEqual(self.company.account_sale_tax_id.amount, 13)
        self.assertIn(self.company, self.env.ref("base.user_demo").company_ids)
        self.assertIn(self.company, self.env.ref("base.user_admin").company_ids)

    def test_orders_and_customers_belong_to_it(self):
        orders = self.env["sale.order"].search([("partner_id.company_id", "=", self.company.id)])
        self.assertGreaterEqual(len(orders), 5)
        self.assertEqual(orders.company_id, self.company)
        self.assertEqual(orders.currency_id.name, "CNY")
        provinces = orders.partner_id.state_id.mapped("code")
        self.assertGreaterEqual(len(set(provinces)), 4, provinces)
        line = self.env.ref("tile_order_base.order_builder_showflats_line1")
        self.assertEqual(line.tax_id.amount, 13, "the tile's 13 % VAT of the company")
        self.assertEqual(line.order_id.amount_tax, round(line.order_id.amount_untaxed * 0.13, 2))

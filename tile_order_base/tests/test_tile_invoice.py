from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import TileTestMixin


@tagged("post_install", "-at_install")
class TestTileInvoice(AccountTestInvoicingCommon, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.tile_product(600, 600, 89.90)
        cls.tile.taxes_id = False

    def test_worked_example_through_invoice_and_journal_entry(self):
        """10 m² of 600×600 at 89.90/m²: 906.19 on quotation, order, invoice and journal entry."""
        order = self.tile_order(self.partner_a, [(self.tile, 10, "m2")])
        self.assertEqual(order.amount_untaxed, 906.19)
        order.action_confirm()
        self.assertEqual(order.amount_total, 906.19)
        order.order_line.qty_delivered = 28
        invoice = order._create_invoices()
        line = invoice.invoice_line_ids
        self.assertEqual(line.quantity, 28, "invoiced in pieces")
        self.assertEqual((line.tile_m2, line.tile_boxes), (10.08, 7))
        self.assertEqual(line.price_subtotal, 906.19)
        self.assertEqual(invoice.amount_untaxed, 906.19)
        invoice.action_post()
        self.assertEqual(invoice.amount_total, 906.19)
        income = invoice.line_ids.filtered(lambda aml: aml.display_type == "product")
        receivable = invoice.line_ids.filtered(lambda aml: aml.account_id.account_type == "asset_receivable")
        self.assertEqual(income.credit, 906.19)
        self.assertEqual(receivable.debit, 906.19)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(invoice.tile_total_m2, 10.08)

    def test_taxes_on_price_per_m2(self):
        tax = self.company_data["default_tax_sale"]
        self.tile.taxes_id = tax
        order = self.tile_order(self.partner_a, [(self.tile, 10, "m2")])
        expected_tax = round(906.19 * tax.amount / 100, 2)
        self.assertEqual(order.amount_tax, expected_tax)
        order.action_confirm()
        order.order_line.qty_delivered = 28
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.amount_untaxed, 906.19)
        self.assertEqual(invoice.amount_tax, expected_tax)

    def test_manual_invoice_line_of_a_tile(self):
        invoice = self.init_invoice("out_invoice", partner=self.partner_a, products=self.tile)
        line = invoice.invoice_line_ids
        line.quantity = 28
        self.assertEqual(line.price_subtotal, 906.19)

    def test_printed_quotation_and_invoice_show_tile_quantities(self):
        order = self.tile_order(self.partner_a, [(self.tile, 10, "m2")])
        html = self.env["ir.actions.report"]._render_qweb_html("sale.report_saleorder", order.ids)[0].decode()
        self.assertIn("10.08", html)
        self.assertIn("/ m²", html)
        self.assertIn("Total m²", html)
        order.action_confirm()
        order.order_line.qty_delivered = 28
        invoice = order._create_invoices()
        invoice.action_post()
        html = (
            self.env["ir.actions.report"]._render_qweb_html("account.report_invoice", invoice.ids)[0].decode()
        )
        self.assertIn("10.08", html)
        self.assertIn("906.19", html)

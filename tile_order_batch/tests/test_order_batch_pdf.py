from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.tile_order_base.tests.common import TileTestMixin
from odoo.addons.tile_order_base.tests.pdf import pdf_text, render_pdf, require_pdf_tools


@tagged("post_install", "-at_install")
class TestOrderBatchPdf(AccountTestInvoicingCommon, HttpCase, TileTestMixin):
    """An HttpCase: wkhtmltopdf fetches the report's style sheets from the test server.

    On the company of Odoo's invoicing tests, as tile_order_base's PDF tests: the main demo
    company's layout does not print with this machine's wkhtmltopdf (unpatched Qt).
    """

    def test_download_gives_one_pdf_of_the_orders_done(self):
        require_pdf_tools(self)
        tile = self.tile_product(600, 600, 89.90, name="Batch PDF Tile")
        first = self.tile_order(self.tile_customer("Batch PDF Customer One"), [(tile, 10, "m2")])
        second = self.tile_order(self.tile_customer("Batch PDF Customer Two"), [(tile, 20, "m2")])
        batch = self.env["tile.order.batch"].create(
            {"operation": "print_quotation", "order_ids": [Command.set((first | second).ids)]}
        )
        batch.action_run()
        action = batch.action_download()
        orders = self.env["sale.order"].browse(action["context"]["active_ids"])
        self.assertEqual(orders, first | second)
        # One order at a time: this machine's wkhtmltopdf (unpatched Qt) fails on several
        # records in one run; Odoo's Docker image prints them in one PDF.
        for order in orders:
            text = pdf_text(render_pdf(self.env, action["report_name"], order))
            self.assertIn(order.name, text)
            self.assertIn(order.partner_id.name, text)

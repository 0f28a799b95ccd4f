from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin
from odoo.addons.tile_order_base.tests.pdf import pdf_text, render_pdf, require_pdf_tools


@tagged("post_install", "-at_install")
class TestOrderBatchPdf(HttpCase, TileTestMixin):
    """An HttpCase: wkhtmltopdf fetches the report's style sheets from the test server."""

    def test_download_gives_the_delivery_slips_of_the_orders_done(self):
        require_pdf_tools(self)
        tile = self.tile_product(600, 600, 89.90, name="Batch PDF Tile")
        customer = self.tile_customer("Batch PDF Customer")
        orders = self.env["sale.order"].browse(
            [self.tile_order(customer, [(tile, qty, "m2")]).id for qty in (10, 20)]
        )
        orders.action_confirm()
        batch = self.env["tile.order.batch"].create(
            {"operation": "print_delivery", "order_ids": [Command.set(orders.ids)]}
        )
        batch.action_run()
        action = batch.action_download()
        pickings = self.env["stock.picking"].browse(action["context"]["active_ids"])
        self.assertEqual(pickings, orders.picking_ids)
        text = pdf_text(render_pdf(self.env, action["report_name"], pickings))
        for picking in pickings:
            self.assertIn(picking.name, text)

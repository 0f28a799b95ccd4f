"""The printed quotation/order and invoice, rendered as real PDFs, in English and Chinese."""

from odoo.tests import HttpCase, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import TileTestMixin
from .pdf import activate_chinese, pdf_text, render_pdf, require_pdf_tools


@tagged("post_install", "-at_install")
class TestTilePdf(AccountTestInvoicingCommon, HttpCase, TileTestMixin):
    """An HttpCase: wkhtmltopdf fetches the report's style sheets from the test server,
    which answers inside the test's transaction only in the registry's test mode."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.tile_product(600, 600, 89.90)
        cls.tile.taxes_id = False
        cls.partner_a.email = "wang.fang@example.com"

    def setUp(self):
        super().setUp()
        require_pdf_tools(self)

    def worked_example(self):
        """10 m² of 600×600 at 89.90/m², 4 pcs/box, 1.44 m²/box: 7 boxes = 10.08 m², 906.19."""
        order = self.tile_order(self.partner_a, [(self.tile, 10, "m2")])
        self.assertEqual(order.amount_untaxed, 906.19)
        return order

    def invoice_of(self, order):
        order.action_confirm()
        order.order_line.qty_delivered = 28
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def assertTileFigures(self, text, what):
        for expected in ("7 ", "10.08", "906.19", "224"):
            self.assertIn(
                expected, text, f"{what}: {expected!r} missing from the printed text: {text[:1500]}"
            )

    def test_quotation_pdf_shows_boxes_m2_and_totals(self):
        order = self.worked_example()
        text = pdf_text(render_pdf(self.env, "sale.action_report_saleorder", order))
        self.assertTileFigures(text, "quotation")
        self.assertIn("box(es)", text, text[:1500])
        self.assertIn("/ m²", text, text[:1500])
        self.assertRegex(text, r"Total m² 10\.08 Boxes 7 Weight \(kg\) 224\.0 Pallets 0\.18", text[:1500])
        self.assertIn(order.name, text)

    def test_invoice_pdf_shows_boxes_m2_and_totals(self):
        invoice = self.invoice_of(self.worked_example())
        text = pdf_text(render_pdf(self.env, "account.account_invoices", invoice))
        self.assertTileFigures(text, "invoice")
        self.assertIn("box(es)", text, text[:1500])
        self.assertRegex(text, r"Total m² 10\.08 Boxes 7", text[:1500])
        self.assertIn(invoice.name, text)

    def test_quotation_and_invoice_pdf_in_chinese(self):
        activate_chinese(self.env, ["tile_order_base"])
        self.partner_a.lang = "zh_CN"
        self.env.user.lang = "zh_CN"
        order = self.worked_example()
        text = pdf_text(render_pdf(self.env, "sale.action_report_saleorder", order))
        self.assertTileFigures(text, "Chinese quotation")
        for chinese in ("箱", "平方米", "总平方米", "托数"):
            self.assertIn(chinese, text, f"Chinese quotation: {chinese!r} missing: {text[:1500]}")
        self.assertNotIn("Total m²", text, "the tile labels are translated")
        invoice = self.invoice_of(order)
        text = pdf_text(render_pdf(self.env, "account.account_invoices", invoice))
        self.assertTileFigures(text, "Chinese invoice")
        for chinese in ("箱", "平方米", "总平方米"):
            self.assertIn(chinese, text, f"Chinese invoice: {chinese!r} missing: {text[:1500]}")

    def test_quotation_sent_by_email_carries_its_pdf(self):
        order = self.worked_example()
        action = order.with_context(force_report_rendering=True).action_quotation_send()
        composer = (
            self.env["mail.compose.message"]
            .with_context(action["context"], force_report_rendering=True)
            .create({})
        )
        self.assertTrue(composer.attachment_ids, "the quotation template attaches the printed quotation")
        composer.action_send_mail()
        self.assertEqual(order.state, "sent")
        message = order.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertTrue(message, "the e-mail was posted on the quotation with its attachment")
        pdf = message.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf")
        self.assertEqual(len(pdf), 1, message.attachment_ids.mapped("name"))
        self.assertTrue(pdf.name.endswith(".pdf"), pdf.name)
        self.assertTileFigures(pdf_text(pdf.raw), "e-mailed quotation")

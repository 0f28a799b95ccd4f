"""The printed delivery slip and lot label, rendered as real PDFs, in English and Chinese."""

from odoo.tests import HttpCase, tagged

from odoo.addons.tile_order_base.tests.pdf import activate_chinese, pdf_text, render_pdf, require_pdf_tools

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestTileInventoryPdf(TileInventoryCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report's style sheets from the test server,
    which answers inside the test's transaction only in the registry's test mode."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls.tile_lot(cls.tile_600, "L-2407-A1", 400, shade="A1", caliber="2")

    def setUp(self):
        super().setUp()
        require_pdf_tools(self)

    def delivery(self, validate=True):
        """10 m² of 600×600: 7 boxes = 10.08 m² = 28 pieces = 224 kg, from lot L-2407-A1."""
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.move_line_ids.lot_id, self.lot)
        if validate:
            picking.move_ids.picked = True
            picking.button_validate()
            self.assertEqual(picking.state, "done")
        return picking

    def slip_text(self, picking):
        return pdf_text(render_pdf(self.env, "stock.action_report_delivery", picking))

    def test_delivery_slip_pdf_shows_boxes_m2_shade_and_totals(self):
        picking = self.delivery()
        text = self.slip_text(picking)
        self.assertIn(picking.name, text)
        self.assertIn("L-2407-A1", text)
        self.assertIn("Shade A1 · Caliber 2", text, text[:1500])
        self.assertIn("7 boxes · 10.08 m² · 224 kg", text, text[:1500])
        self.assertRegex(text, r"Tiles: 10\.08 m² · 7 boxes · 224 kg · 0\.1[78] pallets", text[:1500])
        self.assertEqual(text.count("Tiles: "), 1, f"the tile totals are printed once: {text[:1500]}")

    def test_planned_delivery_slip_pdf_shows_the_tile_totals(self):
        text = self.slip_text(self.delivery(validate=False))
        self.assertIn("7 boxes · 10.08 m² · 224 kg", text, text[:1500])
        self.assertIn("Tiles: 10.08 m² · 7 boxes", text, text[:1500])
        self.assertEqual(text.count("Tiles: "), 1, f"the tile totals are printed once: {text[:1500]}")

    def test_delivery_slip_pdf_in_chinese(self):
        activate_chinese(self.env, ["tile_order_base", "tile_inventory"])
        self.customer.lang = "zh_CN"
        text = self.slip_text(self.delivery())
        self.assertIn("L-2407-A1", text)
        self.assertIn("色号 A1", text, f"the shade label is translated: {text[:1500]}")
        self.assertIn("7 箱 · 10.08 平方米 · 224 千克", text, text[:1500])
        self.assertIn("瓷砖：10.08 平方米 · 7 箱 · 224 千克", text, text[:1500])
        self.assertNotIn("Tiles:", text)

    def test_lot_label_pdf_shows_shade_and_caliber(self):
        text = pdf_text(render_pdf(self.env, "stock.action_report_lot_label", self.lot))
        self.assertIn("L-2407-A1", text)
        self.assertIn("A1 / 2", text, text[:1500])

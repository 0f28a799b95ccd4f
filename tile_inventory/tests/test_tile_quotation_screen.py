from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin


@tagged("post_install", "-at_install")
class TestTileQuotationScreen(HttpCase, TileTestMixin):
    """A quotation read on a 1440×900 laptop: the subtotal is on screen, in English and Chinese."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tile = cls.tile_product(
            600, 600, 89.90, name="Screen Tile 600×600 Polished", is_storable=True, tracking="lot"
        )
        stock = (
            cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1).lot_stock_id
        )
        lot = cls.env["stock.lot"].create({"name": "SCREEN-LOT", "product_id": tile.id, "tile_shade": "A1"})
        cls.env["stock.quant"]._update_available_quantity(tile, stock, 400, lot_id=lot)
        cls.seller = new_test_user(
            cls.env,
            login="tile_screen_seller",
            groups="sales_team.group_sale_salesman,stock.group_stock_user",
        )
        customer = cls.tile_customer("Screen Customer")
        cls.order = cls.tile_order(customer, [(tile, 10, "m2"), (tile, 12, "box")], user=cls.seller)
        cls.order.order_line[0].lot_id = lot

    def _tour(self):
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "tile_quotation_fits_screen_tour",
            login="tile_screen_seller",
        )

    def test_subtotal_on_screen_in_english(self):
        self._tour()

    def test_subtotal_on_screen_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ("base", "web", "product", "sale", "sale_stock", "tile_order_base", "tile_inventory"),
                )
            ]
        )._update_translations(["zh_CN"])
        subtotal = self.env["sale.order.line"].with_context(lang="zh_CN")._fields["price_subtotal"]
        self.assertNotEqual(subtotal._description_string(self.env(context={"lang": "zh_CN"})), "Subtotal")
        self.seller.lang = "zh_CN"
        self._tour()

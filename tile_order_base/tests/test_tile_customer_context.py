from odoo.tests import Form, tagged

from .common import TileCommon


@tagged("post_install", "-at_install")
class TestTileCustomerContext(TileCommon):
    def test_history_addresses_and_formats(self):
        site = self.env["res.partner"].create(
            {"name": "Wang Fang - new flat", "type": "delivery", "parent_id": self.customer.id}
        )
        for qty in (20, 30):
            order = self.tile_order(self.customer, [(self.tile_600, qty, "m2")], partner_shipping_id=site.id)
            order.action_confirm()
        older = self.tile_order(self.customer, [(self.tile_300x600, 5, "m2")])
        older.action_confirm()
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
            self.assertEqual(len(form.tile_customer_order_ids), 3)
            self.assertIn("Wang Fang - new flat", form.tile_customer_addresses)
            self.assertIn("600×600", form.tile_customer_formats)
            formats = form.tile_customer_formats
            self.assertLess(formats.index("600×600"), formats.index("300×600"), "most bought first")
        self.assertEqual(form.record.partner_shipping_id, site, "the address used most is proposed")

    def test_new_customer_has_no_history(self):
        stranger = self.tile_customer("New Walk-in")
        with Form(self.env["sale.order"]) as form:
            form.partner_id = stranger
            self.assertFalse(form.tile_customer_order_ids)
            self.assertFalse(form.tile_customer_formats)
        self.assertEqual(form.record.partner_shipping_id, stranger)

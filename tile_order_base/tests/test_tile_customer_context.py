from odoo.tests import Form, tagged

from .common import TileCommon


@tagged("post_install", "-at_install")
class TestTileCustomerContext(TileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The delivery address is shown (and proposed) only with this setting.
        cls.env.user.groups_id += cls.env.ref("account.group_delivery_invoice_address")

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

    def test_addresses_are_counted_per_order_and_most_used_is_proposed(self):
        site = self.env["res.partner"].create(
            {"name": "Wang Fang - site", "type": "delivery", "parent_id": self.customer.id}
        )
        shop = self.env["res.partner"].create(
            {"name": "Wang Fang - shop", "type": "delivery", "parent_id": self.customer.id}
        )
        # The site twice, then the shop once (the most recent order).
        for address in (site, site, shop):
            order = self.tile_order(self.customer, [(self.tile_600, 5, "m2")], partner_shipping_id=address.id)
            order.action_confirm()
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
            self.assertIn(
                "Wang Fang - site <span class='text-muted'>(2 orders)", form.tile_customer_addresses
            )
            self.assertIn("Wang Fang - shop <span class='text-muted'>(1 order)", form.tile_customer_addresses)
            addresses = form.tile_customer_addresses
            self.assertLess(addresses.index("site"), addresses.index("shop"), "most used first")
        self.assertEqual(form.record.partner_shipping_id, site, "used twice beats used once")

    def test_order_created_by_code_keeps_odoo_address(self):
        site = self.env["res.partner"].create(
            {"name": "Wang Fang - site", "type": "delivery", "parent_id": self.customer.id}
        )
        shop = self.env["res.partner"].create(
            {"name": "Wang Fang - shop", "type": "delivery", "parent_id": self.customer.id}
        )
        odoo_choice = self.env["res.partner"].browse(self.customer.address_get(["delivery"])["delivery"])
        if odoo_choice == shop:
            # Use the address Odoo would not pick, so that the test tells them apart.
            site, shop = shop, site
        for _i in range(2):
            order = self.tile_order(self.customer, [(self.tile_600, 5, "m2")], partner_shipping_id=shop.id)
            order.action_confirm()
        imported = self.tile_order(self.customer, [(self.tile_600, 5, "m2")])
        self.assertEqual(imported.partner_shipping_id, site, "no history-based proposal outside the form")
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
        self.assertEqual(form.record.partner_shipping_id, shop, "the form proposes the most used")

    def test_chinese_counts(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["tile_order_base"], ["zh_CN"])
        self.tile_order(self.customer, [(self.tile_600, 5, "m2")]).action_confirm()
        order = self.tile_order(self.customer, [(self.tile_600, 5, "m2")]).with_context(lang="zh_CN")
        self.assertIn("1 张订单", order.tile_customer_addresses)

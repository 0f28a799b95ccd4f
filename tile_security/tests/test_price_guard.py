from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.tile_inventory.tests.common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestPriceGuard(TileInventoryCommon):
    """Warehouse and production users open orders (Odoo's sale_stock / sale_mrp access) and see
    quantities, never what the customer pays — over every way the server answers them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = cls.tile_salesman("tile_price_seller")
        cls.seller.groups_id += cls.env.ref("base.group_allow_export")
        cls.storekeeper = new_test_user(
            cls.env, login="tile_price_stock", groups="stock.group_stock_user,base.group_allow_export"
        )
        cls.maker = new_test_user(cls.env, login="tile_price_mrp", groups="mrp.group_mrp_user")
        cls.accountant = new_test_user(
            cls.env, login="tile_price_acc", groups="account.group_account_invoice"
        )
        cls.stock_manager = new_test_user(cls.env, login="tile_price_whm", groups="stock.group_stock_manager")
        cls.buyer = new_test_user(cls.env, login="tile_price_buyer", groups="purchase.group_purchase_user")
        cls.adhesive = cls.plain_product()
        cls.adhesive.is_storable = True
        cls.env["stock.quant"]._update_available_quantity(cls.adhesive, cls.stock, 50)
        cls.order = cls.tile_order(
            cls.customer, [(cls.adhesive, 10, None)], user=cls.seller, tile_shade_scope="line"
        )
        cls.order.action_confirm()
        cls.line = cls.order.order_line

    def test_warehouse_reads_quantities_not_prices(self):
        for user in (self.storekeeper, self.maker):
            with self.subTest(user=user.login):
                line = self.line.with_user(user).read(["product_uom_qty", "price_unit", "price_subtotal"])[0]
                self.assertEqual(line["product_uom_qty"], 10)
                self.assertFalse(line["price_unit"])
                self.assertFalse(line["price_subtotal"])
                # The web client's form: the order with its lines in one web_read.
                order = self.order.with_user(user).web_read(
                    {
                        "amount_total": {},
                        "tax_totals": {},
                        "tile_hide_prices": {},
                        "order_line": {"fields": {"product_uom_qty": {}, "price_unit": {}, "discount": {}}},
                    }
                )[0]
                self.assertFalse(order["amount_total"])
                self.assertFalse(order["tax_totals"])
                self.assertTrue(order["tile_hide_prices"], "the form hides the price columns and totals")
                self.assertEqual(
                    order["order_line"],
                    [{"id": self.line.id, "product_uom_qty": 10, "price_unit": False, "discount": False}],
                )
                rows = (
                    self.env["sale.order"]
                    .with_user(user)
                    .search_read([("id", "=", self.order.id)], ["amount_untaxed"])
                )
                self.assertFalse(rows[0]["amount_untaxed"])

    def test_sales_and_finance_read_prices(self):
        for user in (self.seller, self.accountant):
            with self.subTest(user=user.login):
                self.assertEqual(self.line.with_user(user).read(["price_unit"])[0]["price_unit"], 35.0)
                self.assertEqual(self.order.with_user(user).read(["amount_total"])[0]["amount_total"], 350.0)
                self.assertFalse(self.order.with_user(user).tile_hide_prices)

    def test_totals_grouping_searching_and_exports_do_not_tell_the_price(self):
        Line = self.env["sale.order.line"].with_user(self.storekeeper)
        groups = Line.read_group(
            [("order_id", "=", self.order.id)], ["price_subtotal:sum", "product_uom_qty:sum"], ["order_id"]
        )
        self.assertEqual(groups[0]["product_uom_qty"], 10)
        self.assertFalse(groups[0]["price_subtotal"])
        with self.assertRaisesRegex(AccessError, "Unit Price"):
            Line.read_group([], ["product_uom_qty:sum"], ["price_unit"])
        with self.assertRaisesRegex(AccessError, "Prices are shown to sales and finance users only"):
            Line.search([("price_unit", ">", 30)])
        with self.assertRaises(AccessError, msg="through the order's lines, too"):
            self.env["sale.order"].with_user(self.storekeeper).search([("order_line.price_unit", ">", 30)])
        with self.assertRaises(AccessError, msg="from the delivery"):
            self.env["stock.picking"].with_user(self.storekeeper).search([("sale_id.amount_total", ">", 30)])
        with self.assertRaises(AccessError, msg="in a sub-domain"):
            self.env["sale.order"].with_user(self.storekeeper).search(
                [("order_line", "any", [("price_subtotal", ">", 30)])]
            )
        # Exports walk their paths without read(): from the delivery and from the order.
        picking = self.order.picking_ids.with_user(self.storekeeper)
        self.assertEqual(
            picking.export_data(["name", "sale_id/amount_total"])["datas"], [[picking.name, False]]
        )
        exported = self.order.with_user(self.storekeeper).export_data(
            ["order_line/product_uom_qty", "order_line/price_unit"]
        )
        self.assertEqual(exported["datas"], [[10.0, False]])
        self.assertEqual(
            self.order.with_user(self.seller).export_data(["order_line/price_unit"])["datas"], [[35.0]]
        )

    def test_warehouse_changes_no_price_and_still_delivers(self):
        with self.assertRaisesRegex(AccessError, "Unit Price"):
            self.line.with_user(self.storekeeper).write({"price_unit": 1.0})
        self.assertEqual(self.line.price_unit, 35.0)
        # Odoo's own flow as the warehouse user reads prices through the ORM, untouched.
        picking = self.order.picking_ids.with_user(self.storekeeper)
        picking.move_ids.quantity = 10
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.line.qty_delivered, 10)
        self.assertEqual(self.line.untaxed_amount_to_invoice, 350.0)

    def test_order_list_has_no_amounts_for_the_warehouse(self):
        arch = (
            self.env["sale.order"]
            .with_user(self.storekeeper)
            .get_views([(False, "list")])["views"]["list"]["arch"]
        )
        self.assertNotIn('name="amount_total"', arch)
        arch = (
            self.env["sale.order"]
            .with_user(self.seller)
            .get_views([(False, "list")])["views"]["list"]["arch"]
        )
        self.assertIn('name="amount_total"', arch)
        # The form opens for the warehouse user (what a delivery's Sales Order button does).
        form = Form(self.order.with_user(self.storekeeper))
        with form.order_line.edit(0) as line:
            self.assertEqual(line.product_uom_qty, 10)

    def test_warehouse_receives_without_seeing_costs(self):
        category = self.env["product.category"].create(
            {"name": "Grout (AVCO)", "property_cost_method": "average"}
        )
        grout = self.env["product.product"].create(
            {"name": "Grout 5 kg", "is_storable": True, "categ_id": category.id, "standard_price": 4.0}
        )
        vendor = self.env["res.partner"].create({"name": "Foshan Grout Works"})
        purchase = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "order_line": [
                    Command.create({"product_id": grout.id, "product_qty": 10, "price_unit": 6.0})
                ],
            }
        )
        purchase.button_confirm()
        wh = self.storekeeper
        line = purchase.order_line.with_user(wh).read(["product_qty", "price_unit", "price_subtotal"])[0]
        self.assertEqual(line["product_qty"], 10)
        self.assertFalse(line["price_unit"] or line["price_subtotal"])
        self.assertFalse(purchase.with_user(wh).read(["amount_total"])[0]["amount_total"])
        self.assertEqual(purchase.order_line.with_user(self.buyer).read(["price_unit"])[0]["price_unit"], 6.0)
        self.assertFalse(grout.with_user(wh).read(["standard_price"])[0]["standard_price"])
        self.assertFalse(grout.product_tmpl_id.with_user(wh).read(["standard_price"])[0]["standard_price"])
        self.assertTrue(grout.with_user(wh).tile_prices_hidden, "the product form hides the cost")
        picking = purchase.picking_ids.with_user(wh)
        self.assertFalse(picking.move_ids.read(["price_unit"])[0]["price_unit"])
        # Receiving: Odoo's valuation runs as the warehouse user on the real prices.
        picking.move_ids.quantity = 10
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(grout.standard_price, 6.0, "average cost from the purchase price")
        self.assertEqual(
            grout.with_user(self.stock_manager).read(["standard_price"])[0]["standard_price"], 6.0
        )
        self.assertFalse(grout.with_user(self.stock_manager).tile_prices_hidden)

    def test_lot_costs_hidden_from_the_warehouse(self):
        lot = self.tile_lot(self.tile_600, "COST-1", 40)
        lot.standard_price = 12.5
        self.assertFalse(lot.with_user(self.storekeeper).read(["standard_price"])[0]["standard_price"])
        self.assertTrue(lot.with_user(self.storekeeper).tile_prices_hidden)
        self.assertEqual(
            lot.with_user(self.stock_manager).read(["standard_price"])[0]["standard_price"], 12.5
        )


@tagged("post_install", "-at_install")
class TestPriceGuardTour(HttpCase):
    """What the warehouse user sees when clicking through to an order, in the browser."""

    def test_warehouse_user_opens_an_order_without_prices(self):
        seller = new_test_user(self.env, login="tile_tour_seller", groups="sales_team.group_sale_salesman")
        new_test_user(self.env, login="tile_tour_stock", groups="stock.group_stock_user")
        adhesive = self.env["product.product"].create(
            {
                "name": "Tile adhesive 25 kg bag",
                "type": "consu",
                "list_price": 35.0,
                "taxes_id": [Command.clear()],
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Wang Fang"}).id,
                "user_id": seller.id,
                "order_line": [Command.create({"product_id": adhesive.id, "product_uom_qty": 10})],
            }
        )
        order.action_confirm()
        url = f"/odoo/action-sale.action_orders/{order.id}"
        self.start_tour(url, "tile_price_guard_warehouse_tour", login="tile_tour_stock")
        self.start_tour(url, "tile_price_guard_seller_tour", login="tile_tour_seller")

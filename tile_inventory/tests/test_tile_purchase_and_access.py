"""Tiles bought from a maker are billed per piece, as Odoo prices purchases; every
group that reaches a tile order form (warehouse, finance) opens it."""

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestTilePurchaseAndAccess(TileInventoryCommon):
    def test_purchase_order_of_tiles_gives_a_bill_at_the_purchase_price(self):
        maker = self.env["res.partner"].create({"name": "Foshan Jinyi Ceramics"})
        self.tile_600.supplier_taxes_id = False
        purchase = self.env["purchase.order"].create(
            {
                "partner_id": maker.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.tile_600.id,
                            "product_qty": 28,
                            "price_unit": 5.0,
                            "taxes_id": False,
                        }
                    )
                ],
            }
        )
        self.assertEqual(purchase.amount_untaxed, 140.0)
        purchase.button_confirm()
        receipt = purchase.picking_ids
        receipt.move_ids.move_line_ids.write({"lot_name": "JY-2611-S1", "tile_shade": "S1", "quantity": 28})
        receipt.move_ids.picked = True
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        purchase.action_create_invoice()
        bill = purchase.invoice_ids
        self.assertEqual(bill.invoice_line_ids.quantity, 28)
        self.assertEqual(bill.amount_untaxed, 140.0, "the bill matches the purchase order")
        bill.invoice_date = bill.date
        bill.action_post()
        self.assertEqual(bill.amount_total, 140.0)

    def test_warehouse_and_finance_open_an_order_with_rooms(self):
        seller = self.tile_salesman("tile_room_seller")
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")], user=seller)
        room = self.env["tile.room"].create(
            {"order_id": order.id, "name": "Hall", "area_input_m2": 12, "product_id": self.tile_600.id}
        )
        room._sync_order_lines()
        for groups in (
            "stock.group_stock_user",
            "stock.group_stock_manager",
            "account.group_account_invoice",
            "account.group_account_readonly",
        ):
            with self.subTest(groups=groups):
                user = new_test_user(
                    self.env, login=f"tile_open_{groups}", groups=f"base.group_user,{groups}"
                )
                self.assertOrderFormOpens(order, user)

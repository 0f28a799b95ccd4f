"""A user of company A sees and uses only company A's stock of a tile (cf. Odoo's
test_sale_stock_multicompany): lots, availability, holds, allocation, Stock by Shade,
breakage replacement and low-stock alerts."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestTileMultiCompany(TileInventoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Tile Company B"})
        cls.warehouse_b = cls.env["stock.warehouse"].search([("company_id", "=", cls.company_b.id)], limit=1)
        cls.lot_a = cls.tile_lot(cls.tile_600, "A-40", 40, shade="A1", company_id=cls.company_a.id)
        cls.lot_b = cls.env["stock.lot"].create(
            {
                "name": "B-400",
                "product_id": cls.tile_600.id,
                "tile_shade": "A1",
                "company_id": cls.company_b.id,
            }
        )
        cls.env["stock.quant"].with_company(cls.company_b)._update_available_quantity(
            cls.tile_600, cls.warehouse_b.lot_stock_id, 400, lot_id=cls.lot_b
        )
        cls.user_a = new_test_user(
            cls.env,
            login="tile_user_a",
            groups="sales_team.group_sale_salesman_all_leads,stock.group_stock_user",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.user_b = new_test_user(
            cls.env,
            login="tile_user_b",
            groups="sales_team.group_sale_salesman_all_leads,stock.group_stock_user,purchase.group_purchase_user",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )

    def test_availability_and_allocation_see_only_the_own_company(self):
        order = self.tile_order(self.customer, [(self.tile_600, 50, "box")], user=self.user_a)
        line = order.order_line.with_user(self.user_a)
        self.assertEqual(line.tile_largest_lot_boxes, 10, "A's 40 pieces, not B's 400")
        self.assertEqual(self.tile_600.product_tmpl_id.with_user(self.user_a).tile_largest_lot_boxes, 10)
        lots = self.env["stock.lot"].with_user(self.user_a).search([("product_id", "=", self.tile_600.id)])
        self.assertNotIn(self.lot_b, lots)
        with self.assertRaisesRegex(UserError, "No single shade group"):
            order.with_user(self.user_a).action_confirm()
        small = self.tile_order(self.customer, [(self.tile_600, 8, "box")], user=self.user_a)
        small.with_user(self.user_a).action_confirm()
        self.assertEqual(small.order_line.lot_id, self.lot_a)

    def test_hold_cannot_take_another_companys_lot_or_boxes(self):
        Hold = self.env["tile.stock.hold"].with_user(self.user_a)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            Hold.create({"lot_id": self.lot_b.id, "partner_id": self.customer.id, "boxes": 20})
        with self.assertRaisesRegex(ValidationError, "has only 10 boxes free"), self.env.cr.savepoint():
            Hold.create({"lot_id": self.lot_a.id, "partner_id": self.customer.id, "boxes": 20})
        hold = Hold.create({"lot_id": self.lot_a.id, "partner_id": self.customer.id, "boxes": 5})
        self.assertEqual(hold.company_id, self.company_a)

    def test_shared_lot_counts_each_companys_stock_apart(self):
        shared = self.env["stock.lot"].create(
            {"name": "SHARED", "product_id": self.tile_300x600.id, "tile_shade": "Q"}
        )
        self.env["stock.quant"]._update_available_quantity(self.tile_300x600, self.stock, 16, lot_id=shared)
        self.env["stock.quant"].with_company(self.company_b)._update_available_quantity(
            self.tile_300x600, self.warehouse_b.lot_stock_id, 400, lot_id=shared
        )
        self.assertEqual(shared.with_user(self.user_a).tile_qty_free, 16)
        self.assertEqual(shared.with_user(self.user_b).with_company(self.company_b).tile_qty_free, 400)
        with self.assertRaisesRegex(ValidationError, "has only 2 boxes free"), self.env.cr.savepoint():
            self.env["tile.stock.hold"].with_user(self.user_a).create(
                {"lot_id": shared.id, "partner_id": self.customer.id, "boxes": 10}
            )

    def test_stock_by_shade_report_keeps_to_the_company(self):
        self.env.flush_all()
        rows = self.env["tile.stock.shade.report"].with_user(self.user_a).search([])
        self.assertIn(self.lot_a, rows.lot_id)
        self.assertNotIn(self.lot_b, rows.lot_id)

    def test_low_stock_alert_goes_to_the_products_company_only(self):
        buyer_a = new_test_user(
            self.env,
            login="tile_buyer_a",
            groups="purchase.group_purchase_user",
            company_id=self.company_a.id,
            company_ids=[self.company_a.id],
        )
        tmpl = self.tile_600.product_tmpl_id
        tmpl.write({"tile_safety_qty": 100, "tile_safety_unit": "box"})
        orderpoint = self.env["stock.warehouse.orderpoint"].search([("product_id", "=", self.tile_600.id)])
        self.assertEqual(orderpoint.company_id, self.company_a)
        users = orderpoint._tile_alert_users()
        self.assertIn(buyer_a, users)
        self.assertNotIn(self.user_b, users)

from odoo.tests import tagged

from odoo.addons.tile_inventory.tests.common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestShadeAnalysis(TileInventoryCommon):
    """A showroom sold shade A1 twice and B2 once: the analysis groups by shade, the customer's
    preferred shade is A1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot_a = cls.tile_lot(cls.tile_600, "SH-A1", 400, shade="A1")
        cls.lot_b = cls.tile_lot(cls.tile_600, "SH-B2", 400, shade="B2")
        cls.orders = cls.env["sale.order"]
        for lot in (cls.lot_a, cls.lot_a, cls.lot_b):
            order = cls.tile_order(cls.customer, [(cls.tile_600, 10, "m2")])
            order.order_line.lot_id = lot
            order.action_confirm()
            cls.orders |= order

    def test_sales_analysis_by_shade(self):
        self.assertEqual(self.orders.order_line.mapped("lot_id"), self.lot_a | self.lot_b)
        self.env.flush_all()
        groups = self.env["sale.report"].read_group(
            [("order_reference", "in", [f"sale.order,{order.id}" for order in self.orders])],
            ["tile_m2:sum"],
            ["tile_shade"],
        )
        self.assertEqual(
            {g["tile_shade"]: round(g["tile_m2"], 2) for g in groups}, {"A1": 20.16, "B2": 10.08}
        )

    def test_preferred_shade(self):
        self.env.flush_all()
        row = self.env["tile.customer.behaviour"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(row.preferred_shade, "A1")

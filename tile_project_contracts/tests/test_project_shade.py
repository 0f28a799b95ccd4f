from odoo import fields
from odoo.tests import tagged

from .common import TileProjectCommon


@tagged("post_install", "-at_install")
class TestProjectShade(TileProjectCommon):
    """The site gets the same shade in phase 9 as in phase 1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.floor.write({"is_storable": True, "tracking": "lot"})
        cls.stock = (
            cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)], limit=1).lot_stock_id
        )
        # Shade A12 in two lots covers the contract's 18,750 pieces; C03 in one lot covers it too
        # but is bigger; B07 is small, just right for one call-off.
        cls.lot_a1 = cls.lot("P-A12-1", "A12", 10002)
        cls.lot_a2 = cls.lot("P-A12-2", "A12", 9000)
        cls.lot_c = cls.lot("P-C03", "C03", 30000)
        cls.lot_b = cls.lot("P-B07", "B07", 2400)

    @classmethod
    def lot(cls, name, shade, pieces):
        lot = cls.env["stock.lot"].create(
            {
                "name": name,
                "product_id": cls.floor.id,
                "tile_shade": shade,
                "tile_caliber": "2",
                "tile_grade": "premium",
            }
        )
        cls.env["stock.quant"]._update_available_quantity(cls.floor, cls.stock, pieces, lot_id=lot)
        return lot

    def _call_off(self):
        return self.env["sale.order"].browse(self.phase.action_call_off()["res_id"])

    def test_activation_holds_one_shade_for_the_whole_project(self):
        self.contract.action_tile_activate()
        holds = self.env["tile.stock.hold"].search([("project_id", "=", self.project.id)])
        self.assertEqual(
            holds.lot_id, self.lot_a1 | self.lot_a2, "the smallest shade group that covers it all"
        )
        self.assertEqual(sum(holds.mapped("quantity")), 18750)
        self.assertGreater(min(holds.mapped("date_expire")), fields.Date.add(fields.Date.today(), days=20))
        self.assertIn("A12", self.contract.message_ids[0].body)

    def test_calloffs_are_served_from_the_held_shade(self):
        self.contract.action_tile_activate()
        calloff = self._call_off()
        calloff.action_confirm()
        # Without the hold the allocation would take B07, the smallest shade that fits 2,346 pieces.
        self.assertEqual(calloff.order_line.lot_id.tile_shade, "A12")
        holds = self.env["tile.stock.hold"].search(
            [("project_id", "=", self.project.id), ("state", "=", "active")]
        )
        self.assertEqual(sum(holds.mapped("quantity")), 18750 - 2346, "the hold shrinks by the call-off")

    def test_the_customers_other_orders_do_not_eat_the_project_shade(self):
        self.contract.action_tile_activate()
        order = self.tile_order(self.developer, [(self.floor, 3000, "m2")])
        order.action_confirm()
        self.assertEqual(order.order_line.lot_id, self.lot_c, "A12 is kept for the project")

    def test_project_manager_is_warned_when_the_shade_runs_short(self):
        self.project.user_id = self.env.user
        self.contract.action_tile_activate()
        self.assertFalse(self.contract.activity_ids.filtered(lambda act: "short" in (act.summary or "")))
        # Breakage: 3,000 pieces of A12 are lost.
        self.env["stock.quant"]._update_available_quantity(self.floor, self.stock, -3000, lot_id=self.lot_a1)
        self.contract.action_tile_check_shades()
        warning = self.contract.activity_ids.filtered(lambda act: "short" in (act.summary or ""))
        self.assertEqual(len(warning), 1)
        self.assertIn("same shade still in production", warning.note)
        self.assertIn("C03", warning.note, "the nearest shade in stock is named")
        self.contract.action_tile_check_shades()
        self.assertEqual(
            len(self.contract.activity_ids.filtered(lambda act: "short" in (act.summary or ""))), 1
        )

    def test_no_shade_covers_the_contract_nothing_is_mixed(self):
        self.contract_line.tile_entry_qty = 30000  # m²: no shade group holds 46,875 pieces
        self.contract.action_tile_activate()
        self.assertFalse(self.env["tile.stock.hold"].search([("project_id", "=", self.project.id)]))
        self.assertIn("No single shade group", self.contract.message_ids[0].body)
        self.assertTrue(
            self.contract.activity_ids.filtered(lambda act: "No single shade" in (act.summary or ""))
        )

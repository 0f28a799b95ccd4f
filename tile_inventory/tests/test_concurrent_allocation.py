from odoo import Command
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

from odoo.addons.tile_order_base.tests.common import PACKS


@tagged("post_install", "-at_install")
class TestConcurrentAllocation(BaseCase):
    """Two salespeople confirm orders for the last boxes of one lot at the same moment.

    Runs on two real database cursors, so the data is committed and removed again.
    """

    def setUp(self):
        super().setUp()
        from odoo.modules.registry import Registry
        from odoo.tests.common import get_db_name

        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = self._env(cr)
            pcs, m2, kg, pallet = PACKS[(600, 600)]
            product = env["product.product"].create(
                {
                    "name": "Race tile",
                    "is_storable": True,
                    "tracking": "lot",
                    "tile_is_tile": True,
                    "tile_length_mm": 600,
                    "tile_width_mm": 600,
                    "tile_pieces_per_box": pcs,
                    "tile_m2_per_box": m2,
                    "list_price": 80,
                }
            )
            warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
            lot = env["stock.lot"].create(
                {"name": "LAST-BOXES", "product_id": product.id, "tile_shade": "A1"}
            )
            env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 40, lot_id=lot)
            partner = env["res.partner"].create({"name": "Race customer"})
            orders = env["sale.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "order_line": [
                            Command.create(
                                {"product_id": product.id, "tile_entry_unit": "box", "tile_entry_qty": 8}
                            )
                        ],
                    }
                    for _i in range(2)
                ]
            )
            self.ids = {"product": product.id, "lot": lot.id, "partner": partner.id, "orders": orders.ids}
        self.addCleanup(self._cleanup)

    def _env(self, cr):
        from odoo import SUPERUSER_ID, api

        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            orders = env["sale.order"].browse(self.ids["orders"])
            orders.picking_ids.action_cancel()
            orders.picking_ids.unlink()
            orders._action_cancel()
            orders.unlink()
            env["stock.quant"].search([("product_id", "=", self.ids["product"])]).sudo().unlink()
            env["stock.move"].search([("product_id", "=", self.ids["product"])]).unlink()
            env["stock.lot"].browse(self.ids["lot"]).unlink()
            env["product.product"].browse(self.ids["product"]).product_tmpl_id.unlink()
            env["res.partner"].browse(self.ids["partner"]).unlink()

    def test_second_confirmation_gets_the_no_single_lot_message(self):
        self._race()

    def test_race_with_manual_reservation_relies_on_the_allocation_lock(self):
        """Nothing is reserved at confirmation, so Odoo's reservation cannot see the conflict:
        only the allocation's claim on the lot's quants (and promised boxes) stops B."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            out_type = (
                env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1).out_type_id
            )
            self.ids["reservation"] = (out_type.id, out_type.reservation_method)
            out_type.reservation_method = "manual"
            env.flush_all()
        self.addCleanup(self._restore_reservation)
        self._race()

    def _restore_reservation(self):
        with self.registry.cursor() as cr:
            type_id, method = self.ids["reservation"]
            env = self._env(cr)
            env["stock.picking.type"].browse(type_id).reservation_method = method
            env.flush_all()  # the cursor's commit does not flush a bare Environment

    def _race(self):
        order_a, order_b = self.ids["orders"]
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        try:
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            # Both salespeople look at the lot before either confirms: each sees 40 free pieces.
            self.assertEqual(env_a["stock.lot"].browse(self.ids["lot"]).tile_qty_free, 40)
            self.assertEqual(env_b["stock.lot"].browse(self.ids["lot"]).tile_qty_free, 40)
            env_a["sale.order"].browse(order_a).action_confirm()
            cr_a.commit()
            # B confirms on its older view of the stock. Odoo serves a request through
            # retrying(): the locked quants raise a serialization failure, the request is
            # replayed on fresh data, and B gets the clear message instead of A's boxes.
            with (
                self.assertRaisesRegex(UserError, "No single shade group"),
                mute_logger("odoo.service.model", "odoo.sql_db"),
            ):
                retrying(lambda: env_b["sale.order"].browse(order_b).action_confirm(), env_b)
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            a, b = env["sale.order"].browse(self.ids["orders"])
            self.assertEqual(a.state, "sale")
            self.assertEqual(a.order_line.lot_id.id, self.ids["lot"])
            self.assertEqual(b.state, "draft", "the second order did not get the same boxes")
            self.assertFalse(b.order_line.lot_id)

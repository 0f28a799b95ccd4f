import psycopg2

from odoo import Command
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

from odoo.addons.tile_order_base.tests.common import PACKS


class ConcurrentCase(BaseCase):
    """Orders confirmed at the same moment on two real database cursors: the data is
    committed, and removed again after each test."""

    # (lot name, shade, pieces) of the race tile's lots
    LOTS = [("LAST-BOXES", "A1", 40)]

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
            lots = env["stock.lot"]
            for name, shade, pieces in self.LOTS:
                lot = env["stock.lot"].create({"name": name, "product_id": product.id, "tile_shade": shade})
                env["stock.quant"]._update_available_quantity(
                    product, warehouse.lot_stock_id, pieces, lot_id=lot
                )
                lots |= lot
            partners = env["res.partner"].create([{"name": "Race customer"}, {"name": "Second customer"}])
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
                    for partner in (partners[0], partners[self.SECOND_PARTNER])
                ]
            )
            self.ids = {
                "product": product.id,
                "lot": lots[0].id,
                "lots": lots.ids,
                "partners": partners.ids,
                "orders": orders.ids,
            }
        self.addCleanup(self._cleanup)

    # Index in the partners of the second order's customer (0: both orders for one customer).
    SECOND_PARTNER = 0

    def _env(self, cr):
        from odoo import SUPERUSER_ID, api

        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            orders = env["sale.order"].search([("partner_id", "in", self.ids["partners"])])
            orders.picking_ids.action_cancel()
            orders.picking_ids.unlink()
            orders._action_cancel()
            orders.unlink()
            env["stock.quant"].search([("product_id", "=", self.ids["product"])]).sudo().unlink()
            env["stock.move"].search([("product_id", "=", self.ids["product"])]).unlink()
            env["stock.lot"].browse(self.ids["lots"]).unlink()
            env["product.product"].browse(self.ids["product"]).product_tmpl_id.unlink()
            env["res.partner"].browse(self.ids["partners"]).unlink()


@tagged("post_install", "-at_install")
class TestConcurrentAllocation(ConcurrentCase):
    """Two salespeople confirm orders for the last boxes of one lot at the same moment."""

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


class BusyLotCase(ConcurrentCase):
    """Order A has taken lot SMALL-A1 and not yet committed (or just has) when B confirms."""

    SECOND_PARTNER = 1

    def _confirm_while_a_holds_a1(self, before_b=None, a_commits_first=False):
        order_a, order_b = self.ids["orders"]
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        try:
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            env_b["stock.lot"].browse(self.ids["lots"]).mapped("tile_qty_free")  # B's snapshot: before A
            env_a["sale.order"].browse(order_a).action_confirm()
            env_a.flush_all()
            self.assertEqual(env_a["sale.order"].browse(order_a).order_line.lot_id.name, "SMALL-A1")
            if a_commits_first:
                cr_a.commit()
            # Without the skip, B would wait on A's locks: a short lock timeout turns that into an error.
            cr_b.execute("SET LOCAL lock_timeout = '2s'")
            if before_b:
                before_b(env_b)
            env_b["sale.order"].browse(order_b).action_confirm()
            env_b.flush_all()
            cr_a.commit()
            cr_b.commit()
        finally:
            cr_a.close()
            cr_b.close()

    def _bought_a1_before(self, env_b):
        earlier = env_b["sale.order"].create(
            {
                "partner_id": self.ids["partners"][1],
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.ids["product"],
                            "product_uom_qty": 4,
                            "lot_id": self.ids["lots"][0],
                        }
                    )
                ],
            }
        )
        earlier.state = "sale"  # as if confirmed and delivered long ago
        env_b.flush_all()


@tagged("post_install", "-at_install")
class TestBusyLotSkipped(BusyLotCase):
    """A lot another confirmation is taking right now is not waited for (Odoo's own
    reservation skips quants others hold): the order gets the next shade group that fits.
    Both orders pass through the same moment: A has taken A1 and not yet committed."""

    # A1 (20 boxes) is the smallest group that fits 8 boxes; B2 (100 boxes) the next one.
    LOTS = [("SMALL-A1", "A1", 80), ("BIG-B2", "B2", 400)]

    def test_order_takes_the_next_group_instead_of_waiting(self):
        self._confirm_while_a_holds_a1()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            a, b = env["sale.order"].browse(self.ids["orders"])
            self.assertEqual((a.state, b.state), ("sale", "sale"))
            self.assertEqual(a.order_line.lot_id.name, "SMALL-A1")
            self.assertEqual(b.order_line.lot_id.name, "BIG-B2", "B did not wait for A1: it took B2")
            self.assertTrue(
                any("no other order was taking" in message.body for message in b.message_ids),
                "the chatter says why B got the bigger group",
            )
            lots = env["stock.lot"].browse(self.ids["lots"])
            self.assertEqual(lots.mapped("tile_qty_free"), [80 - 32, 400 - 32])

    def test_order_takes_the_next_group_when_its_lot_changed_since_it_looked(self):
        """A committed between B reading the stock and B claiming A1: B's figures for A1 are
        old. B is not replayed (Odoo pauses up to seconds before a replay): it takes B2."""
        self._confirm_while_a_holds_a1(a_commits_first=True)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            a, b = env["sale.order"].browse(self.ids["orders"])
            self.assertEqual((a.state, b.state), ("sale", "sale"))
            self.assertEqual((a.order_line.lot_id.name, b.order_line.lot_id.name), ("SMALL-A1", "BIG-B2"))
            self.assertEqual(env["stock.lot"].browse(self.ids["lots"]).mapped("tile_qty_free"), [48, 368])

    def test_reorder_of_the_busy_shade_waits_for_it(self):
        """B's customer bought A1 before: B must match that shade, so it waits for A's lock
        (here: the lock timeout) rather than quietly take another shade."""

        with (
            self.assertRaises(psycopg2.errors.LockNotAvailable),
            mute_logger("odoo.sql_db"),
        ):
            self._confirm_while_a_holds_a1(before_b=self._bought_a1_before)


@tagged("post_install", "-at_install")
class TestBusyLotSameShade(BusyLotCase):
    """Two lots of shade A1: a re-order of A1 whose lot another confirmation is taking gets
    the other A1 lot (the same shade group, so the same shade), without waiting."""

    LOTS = [("SMALL-A1", "A1", 80), ("OTHER-A1", "A1", 80), ("BIG-B2", "B2", 400)]

    def test_order_takes_the_other_lot_of_the_group_instead_of_waiting(self):
        # A rank-served order moves within the smallest group first: A1 still fits.
        self._confirm_while_a_holds_a1()
        with self.registry.cursor() as cr:
            a, b = self._env(cr)["sale.order"].browse(self.ids["orders"])
            self.assertEqual((a.order_line.lot_id.name, b.order_line.lot_id.name), ("SMALL-A1", "OTHER-A1"))

    def test_order_takes_the_other_lot_when_its_lot_changed_since_it_looked(self):
        self._confirm_while_a_holds_a1(a_commits_first=True)
        with self.registry.cursor() as cr:
            a, b = self._env(cr)["sale.order"].browse(self.ids["orders"])
            self.assertEqual((a.order_line.lot_id.name, b.order_line.lot_id.name), ("SMALL-A1", "OTHER-A1"))

    def test_reorder_takes_the_other_lot_of_the_shade_bought_before(self):
        """No waiting here: the other A1 lot has the shade the customer bought."""
        self._confirm_while_a_holds_a1(before_b=self._bought_a1_before)
        with self.registry.cursor() as cr:
            a, b = self._env(cr)["sale.order"].browse(self.ids["orders"])
            self.assertEqual((a.state, b.state), ("sale", "sale"))
            line = b.order_line.filtered(lambda sol: sol.tile_entry_qty == 8)
            self.assertEqual(line.lot_id.name, "OTHER-A1")
            self.assertTrue(
                any("bought before" in message.body for message in b.message_ids),
                "still served as the shade bought before",
            )

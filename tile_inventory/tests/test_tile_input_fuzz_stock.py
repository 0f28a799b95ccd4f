"""Bad numbers for holds, safety stock and stock settings, over real HTTP JSON-RPC."""

import random

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.tile_order_base.tests.common import TileRpcMixin, TileTestMixin
from odoo.addons.tile_order_base.tests.test_tile_input_fuzz import bad_values


@tagged("post_install", "-at_install")
class TestTileInputFuzzStock(TileRpcMixin, HttpCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_600 = cls.tile_product(600, 600, 89.90, is_storable=True, tracking="lot")
        cls.customer = cls.tile_customer("Fuzz Stock Customer")
        stock = (
            cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1).lot_stock_id
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "FUZZ-LOT", "product_id": cls.tile_600.id, "tile_shade": "F1"}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.tile_600, stock, 400, lot_id=cls.lot)
        cls.seller = new_test_user(
            cls.env,
            login="tile_fuzz_hold",
            password="tile_fuzz_hold",
            groups="sales_team.group_sale_salesman",
        )
        cls.stock_user = new_test_user(
            cls.env, login="tile_fuzz_wh", password="tile_fuzz_wh", groups="stock.group_stock_user"
        )
        cls.stock_manager = new_test_user(
            cls.env,
            login="tile_fuzz_wh_boss",
            password="tile_fuzz_wh_boss",
            groups="stock.group_stock_manager,sales_team.group_sale_manager,base.group_system",
        )
        cls.rng = random.Random(7)

    def test_bad_holds_as_salesperson_and_stock_user(self):
        self.authenticate("tile_fuzz_hold", "tile_fuzz_hold")
        holds_before = self.env["tile.stock.hold"].search_count([])
        for value in bad_values(self.rng, 1, 100, extra=(0, 2.5, 0.25)):
            self.refused(
                f"hold boxes={value!r}",
                "tile.stock.hold",
                "create",
                [{"lot_id": self.lot.id, "partner_id": self.customer.id, "boxes": value}],
            )
        with mute_logger("odoo.sql_db"):  # Odoo logs the refused query, then answers a ValidationError
            self.refused(
                "hold on a missing lot",
                "tile.stock.hold",
                "create",
                [{"lot_id": 999_999_999, "partner_id": self.customer.id, "boxes": 2}],
            )
            self.refused(
                "hold without a lot",
                "tile.stock.hold",
                "create",
                [{"partner_id": self.customer.id, "boxes": 2}],
            )
        for field, value in (
            ("lot_id", "abc"),
            ("lot_id", 1.5),
            ("lot_id", [1]),
            ("date_expire", "abc"),
            ("date_expire", 12345),
            ("date_expire", "2026-13-45"),
        ):
            vals = {"lot_id": self.lot.id, "partner_id": self.customer.id, "boxes": 2, field: value}
            self.refused(f"hold {field}={value!r}", "tile.stock.hold", "create", [vals])
        self.authenticate("tile_fuzz_wh", "tile_fuzz_wh")
        self.refused(
            "hold as a stock user",
            "tile.stock.hold",
            "create",
            [{"lot_id": self.lot.id, "partner_id": self.customer.id, "boxes": 2}],
        )
        self.refused("shade as a stock user", "stock.lot", "write", [self.lot.ids, {"tile_shade": "X"}])
        self.refused(
            "safety stock as a stock user",
            "product.template",
            "write",
            [self.tile_600.product_tmpl_id.ids, {"tile_safety_qty": 5}],
        )
        self.assertEqual(self.env["tile.stock.hold"].search_count([]), holds_before)
        self.lot.invalidate_recordset()
        self.assertEqual(self.lot.tile_shade, "F1")

    def test_bad_safety_stock_and_stock_settings_as_managers(self):
        self.authenticate("tile_fuzz_wh_boss", "tile_fuzz_wh_boss")
        tmpl = self.tile_600.product_tmpl_id
        for value in bad_values(self.rng, 0, 10_000_000):
            self.refused(
                f"safety={value!r}", "product.template", "write", [tmpl.ids, {"tile_safety_qty": value}]
            )
        for field, (low, high) in {
            "tile_hold_days": (1, 20),
            "tile_hold_max_days": (5, 365),
            "tile_fragment_boxes": (0, 1_000_000),
        }.items():
            for value in bad_values(self.rng, low, high):
                self.refused(f"settings {field}={value!r}", "res.config.settings", "create", [{field: value}])
        tmpl.invalidate_recordset()
        self.assertEqual(tmpl.tile_safety_qty, 0)
        self.assertEqual(self.env.company.tile_hold_days, 5)
        self.assertFalse(
            self.env["stock.warehouse.orderpoint"].search([("product_id", "=", self.tile_600.id)])
        )

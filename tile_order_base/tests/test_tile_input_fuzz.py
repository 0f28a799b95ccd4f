"""Bad numbers sent over real HTTP JSON-RPC get a clean refusal and write nothing.

A salesperson's browser can send anything; every answer must be an error meant for a
person (UserError, ValidationError, AccessError, MissingError), never a database error.
"""

import random

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import TileRpcMixin, TileTestMixin

SEED = 20261128
EDGE_VALUES = [-1, -0.5, 1e9, 1e12, 2**31, 2**63, 1e308, -1e308, "abc", "12", [], {}, True, [1, 2]]


def bad_values(rng, low, high, extra=()):
    """Edge cases plus generated values outside [low, high]."""
    values = list(EDGE_VALUES) + list(extra)
    values += [round(rng.uniform(high + 1, high * 1000 + 10), rng.choice([0, 2])) for _i in range(4)]
    values += [round(-rng.uniform(0.01, 1e6), rng.choice([0, 2])) for _i in range(2)]
    return [
        v for v in values if not (isinstance(v, int | float) and not isinstance(v, bool) and low <= v <= high)
    ]


@tagged("post_install", "-at_install")
class TestTileInputFuzz(TileRpcMixin, HttpCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.tile_product(600, 600, 89.90)
        cls.customer = cls.tile_customer("Fuzz Customer")
        cls.seller = new_test_user(
            cls.env,
            login="tile_fuzz_seller",
            password="tile_fuzz_seller",
            groups="sales_team.group_sale_salesman",
        )
        cls.other_seller = new_test_user(
            cls.env, login="tile_fuzz_other", groups="sales_team.group_sale_salesman"
        )
        cls.order = cls.tile_order(cls.customer, [(cls.tile, 10, "m2")], user=cls.seller)
        cls.room = cls.env["tile.room"].create(
            {"order_id": cls.order.id, "name": "Hall", "area_input_m2": 12, "product_id": cls.tile.id}
        )
        cls.others_order = cls.tile_order(cls.customer, [(cls.tile, 5, "m2")], user=cls.other_seller)
        cls.other_company = cls.env["res.company"].create({"name": "Fuzz Other Company"})
        cls.other_company_order = cls.env["sale.order"].create(
            {"partner_id": cls.customer.id, "company_id": cls.other_company.id}
        )
        cls.rng = random.Random(SEED)

    def setUp(self):
        super().setUp()
        self.authenticate("tile_fuzz_seller", "tile_fuzz_seller")

    def test_bad_quantities_on_order_lines(self):
        line = self.order.order_line.filtered("product_id")
        before = (line.tile_entry_qty, line.product_uom_qty)
        lines_before = self.env["sale.order.line"].search_count([])
        for unit in ("m2", "box", "piece"):
            for value in bad_values(self.rng, 0, 100_000):
                vals = {"product_id": self.tile.id, "tile_entry_unit": unit, "tile_entry_qty": value}
                self.refused(
                    f"new line {unit}={value!r}",
                    "sale.order",
                    "create",
                    [{"partner_id": self.customer.id, "order_line": [[0, 0, vals]]}],
                )
                self.refused(
                    f"write {unit}={value!r}",
                    "sale.order.line",
                    "write",
                    [line.ids, {"tile_entry_unit": unit, "tile_entry_qty": value}],
                )
        for value in (1e9, 2**31, 1e12):
            self.refused(
                f"pieces={value!r}", "sale.order.line", "write", [line.ids, {"product_uom_qty": value}]
            )
        line.invalidate_recordset()
        self.assertEqual((line.tile_entry_qty, line.product_uom_qty), before, "nothing was written")
        self.assertEqual(self.env["sale.order.line"].search_count([]), lines_before)
        self.assertGreater(self.cases, 100)

    def test_bad_room_sizes_and_wizard(self):
        before = self.room.read(["length_m", "width_m", "area_input_m2", "wastage_percent"])
        rooms_before = self.env["tile.room"].search_count([])
        fields_bounds = {
            "length_m": (0, 1000),
            "width_m": (0, 1000),
            "area_input_m2": (0, 100_000),
            "wastage_percent": (0, 100),
        }
        for field, (low, high) in fields_bounds.items():
            for value in bad_values(self.rng, low, high):
                self.refused(f"room {field}={value!r}", "tile.room", "write", [self.room.ids, {field: value}])
                self.refused(
                    f"new room {field}={value!r}",
                    "tile.room",
                    "create",
                    [{"order_id": self.order.id, "name": "Fuzz", "product_id": self.tile.id, field: value}],
                )
                self.refused(
                    f"wizard room {field}={value!r}",
                    "tile.takeoff.wizard",
                    "create",
                    [{"partner_id": self.customer.id, "room_ids": [[0, 0, {"name": "W", field: value}]]}],
                )
        self.room.invalidate_recordset()
        self.assertEqual(self.room.read(list(fields_bounds)), before)
        self.assertEqual(self.env["tile.room"].search_count([]), rooms_before)

    def test_missing_fields_and_wrong_ids(self):
        # Odoo turns a missing mandatory field into a ValidationError after logging the query.
        with mute_logger("odoo.sql_db"):
            self.refused("order without customer", "sale.order", "create", [{"order_line": []}])
            self.refused(
                "room without quotation", "tile.room", "create", [{"name": "Orphan", "area_input_m2": 5}]
            )
            self.refused(
                "room without name", "tile.room", "create", [{"order_id": self.order.id, "area_input_m2": 5}]
            )
        self.refused(
            "another seller's order",
            "sale.order.line",
            "write",
            [self.others_order.order_line.ids, {"tile_entry_qty": 3}],
        )
        self.refused(
            "another seller's take-off", "sale.order", "action_tile_takeoff", [self.others_order.ids]
        )
        self.refused(
            "another company's order", "sale.order", "write", [self.other_company_order.ids, {"note": "x"}]
        )
        self.refused(
            "a room on another seller's order",
            "tile.room",
            "create",
            [{"order_id": self.others_order.id, "name": "Sneaky", "area_input_m2": 5}],
        )
        self.refused("missing record", "sale.order.line", "write", [[999_999_999], {"tile_entry_qty": 3}])
        self.refused(
            "tile data as a salesperson",
            "product.template",
            "write",
            [self.tile.product_tmpl_id.ids, {"tile_pieces_per_box": 2**31}],
        )
        self.refused(
            "settings as a salesperson", "res.config.settings", "create", [{"tile_wastage_straight": -5}]
        )
        self.others_order.invalidate_recordset()
        self.assertEqual(self.others_order.order_line.tile_entry_qty, 5)
        self.assertFalse(self.env["tile.room"].search([("name", "in", ("Orphan", "Sneaky"))]))

    def test_bad_tile_data_and_settings_as_managers(self):
        manager = new_test_user(
            self.env,
            login="tile_fuzz_manager",
            password="tile_fuzz_manager",
            groups="sales_team.group_sale_manager,base.group_system",
        )
        self.authenticate(manager.login, "tile_fuzz_manager")
        tmpl = self.tile.product_tmpl_id
        product_bounds = {
            "tile_length_mm": (1, 5000),
            "tile_width_mm": (1, 5000),
            "tile_thickness_mm": (0, 100),
            "tile_pieces_per_box": (1, 1000),
            "tile_m2_per_box": (0.01, 20),
            "tile_weight_per_box": (0, 2000),
            "tile_boxes_per_pallet": (0, 10_000),
            "tile_extra_wastage": (0, 100),
        }
        before = tmpl.read(list(product_bounds))
        for field, (low, high) in product_bounds.items():
            extra = (2.5,) if field in ("tile_pieces_per_box", "tile_boxes_per_pallet") else ()
            for value in bad_values(self.rng, low, high, extra):
                self.refused(
                    f"product {field}={value!r}", "product.template", "write", [tmpl.ids, {field: value}]
                )
        for value in (1e308, "abc", -4, 2**31):
            for field in ("tile_m2_per_box", "tile_pieces_per_box"):
                self.refused(
                    f"variant {field}={value!r}", "product.product", "write", [self.tile.ids, {field: value}]
                )
        for value in bad_values(self.rng, 0, 100):
            self.refused(
                f"settings wastage={value!r}",
                "res.config.settings",
                "create",
                [{"tile_wastage_straight": value}],
            )
        tmpl.invalidate_recordset()
        self.assertEqual(tmpl.read(list(product_bounds)), before)
        self.assertEqual(self.env.company.tile_wastage_straight, 7.0)

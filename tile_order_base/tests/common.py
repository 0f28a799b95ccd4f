"""Shared helpers for the tile suite's tests: tile products, customers, users and orders.

Every tile module's tests build on these so that each test reads like the
user's story instead of repeating set-up.
"""

import json
import logging

from odoo import Command
from odoo.tests import Form, TransactionCase, new_test_user

_logger = logging.getLogger(__name__)

# Typical pack data (see DESIGN.md): pieces/box, m²/box, kg/box, boxes/pallet.
PACKS = {
    (300, 300): (11, 0.99, 20.0, 64),
    (300, 600): (8, 1.44, 22.0, 48),
    (600, 600): (4, 1.44, 32.0, 40),
    (800, 800): (3, 1.92, 42.0, 30),
    (600, 1200): (2, 1.44, 33.0, 32),
    (750, 1500): (2, 2.25, 55.0, 24),
}


class TileTestMixin:
    """Class-level factories; mix into any Odoo test case."""

    @classmethod
    def tile_product(cls, length=600, width=600, price=89.90, price_unit="m2", name=None, **extra):
        pieces, m2, kg, pallet = PACKS.get((length, width), (4, length * width * 4 / 1e6, 30.0, 40))
        vals = {
            "name": name or f"Test tile {length}×{width}",
            "type": "consu",
            "tile_is_tile": True,
            "tile_length_mm": length,
            "tile_width_mm": width,
            "tile_thickness_mm": 10,
            "tile_pieces_per_box": pieces,
            "tile_m2_per_box": m2,
            "tile_weight_per_box": kg,
            "tile_boxes_per_pallet": pallet,
            "tile_price_unit": price_unit,
            "list_price": price,
            "taxes_id": [Command.clear()],
        }
        vals.update(extra)
        return cls.env["product.product"].create(vals)

    @classmethod
    def plain_product(cls, name="Tile adhesive 25 kg bag", price=35.0):
        return cls.env["product.product"].create(
            {"name": name, "type": "consu", "list_price": price, "taxes_id": [Command.clear()]}
        )

    @classmethod
    def tile_customer(cls, name="Test Customer", **extra):
        return cls.env["res.partner"].create(dict({"name": name}, **extra))

    @classmethod
    def tile_salesman(cls, login, see_all=False):
        groups = "sales_team.group_sale_salesman_all_leads" if see_all else "sales_team.group_sale_salesman"
        return new_test_user(cls.env, login=login, groups=groups, name=login.title())

    @classmethod
    def tile_order(cls, partner, lines, user=None, **extra):
        """An order; ``lines`` are (product, quantity, unit), unit 'm2', 'box', 'piece' or None (plain)."""
        line_cmds = []
        for product, qty, unit in lines:
            if unit:
                line_cmds.append(
                    Command.create({"product_id": product.id, "tile_entry_unit": unit, "tile_entry_qty": qty})
                )
            else:
                line_cmds.append(Command.create({"product_id": product.id, "product_uom_qty": qty}))
        vals = {"partner_id": partner.id, "order_line": line_cmds}
        if user:
            vals["user_id"] = user.id
        vals.update(extra)
        return cls.env["sale.order"].create(vals)

    def assertOrderFormOpens(self, order, user):
        """``user`` opens ``order`` the way the web client does: the form's own web_read."""
        form = Form(order.with_user(user))
        self.assertEqual(form.name, order.name)
        if order.tile_room_ids:
            self.assertEqual(len(form.tile_room_ids), len(order.tile_room_ids), "the rooms tab loads")


class TileCommon(TransactionCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.tile_600 = cls.tile_product(600, 600, 89.90)
        cls.tile_300x600 = cls.tile_product(300, 600, 59.0)
        cls.tile_1200_box = cls.tile_product(600, 1200, 168.0, price_unit="box")
        cls.customer = cls.tile_customer("Wang Fang")


# Exceptions a user may see in a dialog; anything else (above all a psycopg2 error)
# reaching the browser is a server error.
CLEAN_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
}


class TileRpcMixin:
    """Calls the ORM over real HTTP JSON-RPC, as the web client does; counts refusals.

    Put it first among the bases of an HttpCase, so its setUp/tearDown run.
    """

    def setUp(self):
        super().setUp()
        self.cases = 0

    def tearDown(self):
        _logger.info("%s: %s bad requests refused cleanly", self._testMethodName, self.cases)
        super().tearDown()

    def refused(self, case, model, method, args, kwargs=None):
        """Send one bad request and check it gets a clean refusal; returns the error data."""
        _result, error = self.rpc(model, method, args, kwargs)
        self.assertCleanRefusal(error, case)
        self.cases += 1
        return error

    def rpc(self, model, method, args, kwargs=None):
        """(result, None) or (None, error data) of one /web/dataset/call_kw request."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        body = response.json()
        if "error" in body:
            return None, body["error"].get("data", {})
        return body["result"], None

    def assertCleanRefusal(self, error, case):
        """The request failed with an error meant for a person, never a database error."""
        self.assertIsNotNone(error, f"{case}: accepted, should have been refused")
        name = error.get("name", "")
        text = f"{name} {error.get('message', '')} {error.get('debug', '')[:2000]}"
        self.assertNotIn("psycopg2", text, f"{case}: a database error reached the user: {text[:300]}")
        self.assertIn(name, CLEAN_ERRORS, f"{case}: {name}: {error.get('message', '')[:300]}")

"""A fuzz pass over every web endpoint of the suite (issue 13, item 6).

Generated calls (fixed seed, so a failure replays) from an anonymous visitor, a customer's
contact, another customer, the driver of the trip, another driver and an internal salesperson:
every answer is below 500, strangers get 4xx (or the login redirect) and no data, and nothing
is written by a refused call.
"""

import json
import random

from odoo import Command, fields
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tile_logistics.tests.common import TileLogisticsCommon
from odoo.addons.tile_logistics.tests.test_loads import SIGNATURE

# Values a form or a query string may carry: empty, signs, overflow, not numbers, markup, SQL,
# full-width digits, Chinese units, a NUL byte (PostgreSQL refuses it in text), very long.
NASTY = [
    "",
    "0",
    "-1",
    "2147483648",
    "9" * 40,
    "1e308",
    "nan",
    "abc",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "２０",
    "25.5 平方",
    "a\x00b",
    "x" * 5000,
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
]
# What an HTTP client can put in a header at all (latin-1, no NUL).
HEADER_SAFE = [value for value in NASTY if value.isascii() and "\x00" not in value]
IDS = ["0", "-1", "2147483648", "99999999999999999999", "abc", "1.5"]


@tagged("post_install", "-at_install")
class TestEndpointFuzz(HttpCase, TileLogisticsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rng = random.Random(13)
        # The pass is about the endpoints: the salesperson signs in without the e-mailed code
        # (the second factor has its own tests).
        cls.env["ir.config_parameter"].set_param("auth_totp.policy", False)
        # Deliveries: the Guangzhou customer's on the road, the Shenzhen customer's ready.
        cls.contact = cls.env["res.partner"].create(
            {"name": "Site manager Chen", "parent_id": cls.guangzhou.id}
        )
        cls.customer_user = cls.portal_user("fuzz_guangzhou", cls.contact)
        cls.stranger = cls.portal_user("fuzz_shenzhen")
        cls.stranger.partner_id.parent_id = cls.shenzhen
        cls.driver = cls.portal_user("fuzz_driver_li", cls.driver_partner)
        cls.other_driver = cls.portal_user("fuzz_driver_wu")
        cls.seller = new_test_user(
            cls.env, login="fuzz_seller", password="fuzz_seller_pw", groups="sales_team.group_sale_salesman"
        )
        cls.delivery = cls.ready_delivery(cls.guangzhou, 30)
        cls.sz_delivery = cls.ready_delivery(cls.shenzhen, 30)
        cls.trip = cls.load(cls.delivery)
        cls.trip.action_tile_dispatch()
        cls.carrier = cls.own_fleet
        cls.carrier.tile_webhook_secret = "fuzz-secret-0123456789"
        # A construction project of the Guangzhou customer with one phase.
        Account = cls.env["account.account"]
        cls.env.company.write(
            {
                "tile_advance_account_id": Account.create(
                    {"code": "2203FZ", "name": "Advance (fuzz)", "account_type": "liability_current"}
                ).id,
                "tile_retention_account_id": Account.create(
                    {"code": "1221FZ", "name": "Retention (fuzz)", "account_type": "asset_current"}
                ).id,
            }
        )
        cls.project = cls.env["project.project"].create(
            {"name": "Pearl River Towers", "tile_is_site": True, "partner_id": cls.guangzhou.id}
        )
        contract = cls.env["sale.order"].create(
            {
                "partner_id": cls.guangzhou.id,
                "tile_is_contract": True,
                "tile_project_id": cls.project.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.tile_800.id, "tile_entry_unit": "m2", "tile_entry_qty": 3000}
                    )
                ],
            }
        )
        contract.action_tile_activate()
        cls.phase = cls.env["tile.project.phase"].create(
            {
                "name": "Tower A",
                "project_id": cls.project.id,
                "date_start": fields.Date.add(fields.Date.today(), days=10),
                "date_end": fields.Date.add(fields.Date.today(), days=40),
                "line_ids": [Command.create({"contract_line_id": contract.order_line.id, "planned_m2": 600})],
            }
        )
        cls.export = cls.env["tile.sales.export"].with_user(cls.seller).create({})

    # Helpers -------------------------------------------------------------------

    def counts(self):
        """What a refused call must not change."""
        self.env.flush_all()
        return {
            "events": self.env["tile.shipment.event"].sudo().search_count([]),
            "claims": self.env["tile.transit.claim"].sudo().search_count([]),
            "orders": self.env["sale.order"].sudo().search_count([]),
            "attachments": self.env["ir.attachment"].sudo().search_count([]),
            "signed": self.env["stock.picking"]
            .sudo()
            .search_count([("tile_shipment_status", "=", "delivered")]),
        }

    def call(self, method, url, data=None, headers=None):
        if method == "GET":
            response = self.url_open(url, allow_redirects=False)
        else:  # url_open turns an empty body into a GET: post it as such
            response = self.opener.post(
                self.base_url() + url, data=data, headers=headers, allow_redirects=False, timeout=30
            )
        self.calls += 1
        self.assertLess(response.status_code, 500, f"{method} {url} {data!r:.200} → {response.status_code}")
        return response

    def as_user(self, login, password):
        if login:
            self.authenticate(login, password)
        else:
            self.authenticate(None, None)

    def setUp(self):
        super().setUp()
        self.calls = 0

    # The pass ------------------------------------------------------------------

    def test_pages_refuse_strangers_and_garbage(self):
        d, sz, load, project = self.delivery.id, self.sz_delivery.id, self.trip.id, self.project.id
        pages = [
            "/my/deliveries",
            f"/my/deliveries/{d}",
            f"/my/deliveries/{sz}",
            "/my/trips",
            f"/my/trips/{load}",
            f"/my/trips/{load}/{d}",
            "/my/tile-projects",
            f"/my/tile-projects/{project}",
            f"/tile_analytics/sales.xlsx?wizard_id={self.export.id}",
            "/tile_analytics/analysis.xlsx?export_id=1",
        ]
        # Pages of the Guangzhou customer and its trip that a stranger must not see.
        private = {
            f"/my/deliveries/{d}",
            f"/my/trips/{load}",
            f"/my/trips/{load}/{d}",
            f"/my/tile-projects/{project}",
        }
        users = [
            (None, None),
            ("fuzz_shenzhen", "fuzz_shenzhen_pw"),
            ("fuzz_driver_wu", "fuzz_driver_wu_pw"),
            ("fuzz_guangzhou", "fuzz_guangzhou_pw"),
            ("fuzz_driver_li", "fuzz_driver_li_pw"),
            ("fuzz_seller", "fuzz_seller_pw"),
        ]
        before = self.counts()
        for login, password in users:
            self.as_user(login, password)
            for url in pages:
                response = self.call("GET", url)
                if login is None and not url.startswith("/my/deliveries/"):
                    self.assertIn(response.status_code, (303, 302, 404), url)
                if login in ("fuzz_shenzhen", "fuzz_driver_wu") and url in private:
                    self.assertIn(response.status_code, (403, 404), f"{login} {url}")
                    self.assertNotIn("Pearl River", response.text)
                    self.assertNotIn(self.delivery.name, response.text)
            # Garbage ids and query strings on every page that takes one.
            for _i in range(12):
                bad = self.rng.choice(IDS)
                url = self.rng.choice(
                    [
                        f"/my/deliveries/{bad}",
                        f"/my/deliveries/{d}?access_token={self.rng.choice(NASTY)}",
                        f"/my/trips/{bad}",
                        f"/my/trips/{load}/{bad}",
                        f"/my/tile-projects/{bad}",
                        f"/tile_analytics/sales.xlsx?wizard_id={bad}",
                        f"/tile_analytics/analysis.xlsx?export_id={bad}",
                    ]
                )
                self.call("GET", url)
        self.assertEqual(self.counts(), before, "pages write nothing")
        self.assertGreaterEqual(self.calls, 120)

    def test_posts_refuse_strangers_garbage_and_missing_csrf(self):
        d, load, project, phase = self.delivery.id, self.trip.id, self.project.id, self.phase.id
        forms = {
            f"/my/trips/{load}/{d}/event": ["kind", "place"],
            f"/my/trips/{load}/{d}/deliver": [
                "signature",
                "signed_by",
                "place",
                f"broken_{self.delivery.move_line_ids[:1].id}",
            ],
            f"/my/tile-projects/{project}/phases/{phase}/call-off": ["date"],
        }
        strangers = [
            ("fuzz_shenzhen", "fuzz_shenzhen_pw"),
            ("fuzz_driver_wu", "fuzz_driver_wu_pw"),
            ("fuzz_seller", "fuzz_seller_pw"),
        ]
        before = self.counts()
        for login, password in [(None, None), *strangers]:
            self.as_user(login, password)
            for url, names in forms.items():
                for _i in range(10):
                    data = {
                        name: self.rng.choice(NASTY + ["in_transit", "arrived", SIGNATURE]) for name in names
                    }
                    if login and self.rng.random() < 0.8:
                        data["csrf_token"] = Request.csrf_token(self)
                    response = self.call("POST", url, data=data)
                    self.assertIn(
                        response.status_code, (303, 400, 403, 404), f"{login} {url} {response.status_code}"
                    )
                    if response.status_code in (302, 303):
                        self.assertIn("/web/login", response.headers.get("Location", ""), f"{login} {url}")
        self.assertEqual(self.counts(), before, "a refused call writes nothing")
        # The rightful users with garbage: 4xx (or the page again with the error), never 500,
        # and never a delivery signed without a signature.
        for login, password, url in (
            ("fuzz_driver_li", "fuzz_driver_li_pw", f"/my/trips/{load}/{d}/event"),
            ("fuzz_driver_li", "fuzz_driver_li_pw", f"/my/trips/{load}/{d}/deliver"),
            ("fuzz_guangzhou", "fuzz_guangzhou_pw", f"/my/tile-projects/{project}/phases/{phase}/call-off"),
        ):
            self.as_user(login, password)
            for _i in range(25):
                data = {name: self.rng.choice(NASTY) for name in forms[url]}
                data["csrf_token"] = Request.csrf_token(self)
                self.call("POST", url, data=data)
        self.assertFalse(
            self.delivery.tile_shipment_status == "delivered" and not self.delivery.signature,
            "never delivered without a signature",
        )
        self.assertGreaterEqual(self.calls, 190)

    def test_webhook_garbage(self):
        url = f"/tile_logistics/webhook/{self.carrier.id}"
        before = self.counts()
        self.as_user(None, None)
        for _i in range(60):
            body = self.rng.choice(
                [
                    self.rng.choice(NASTY),
                    json.dumps(
                        {"events": [{"tracking": self.rng.choice(NASTY), "kind": self.rng.choice(NASTY)}]}
                    ),
                    json.dumps([self.rng.choice(NASTY)]),
                    "{" * 200,
                ]
            )
            headers = {
                "Content-Type": "application/json",
                "X-Tile-Timestamp": self.rng.choice(HEADER_SAFE + ["0"]),
            }
            if self.rng.random() < 0.5:
                headers["X-Tile-Signature"] = self.rng.choice(HEADER_SAFE)
            response = self.call("POST", url, data=body.encode("utf-8", "surrogatepass"), headers=headers)
            self.assertIn(response.status_code, (400, 401, 404, 409, 413))
        for bad in IDS:
            self.assertIn(
                self.call("POST", f"/tile_logistics/webhook/{bad}", data=b"{}").status_code, (400, 401, 404)
            )
        self.assertEqual(self.counts(), before)

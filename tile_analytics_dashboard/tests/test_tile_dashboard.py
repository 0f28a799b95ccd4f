import json
import re
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.spreadsheet.utils.validate_data import fields_in_spreadsheet
from odoo.addons.tile_order_base.tests.common import TileCommon

LIST_CALL = re.compile(r'ODOO\.LIST\((\d+),\s*\d+,\s*"([^"]+)"\)')
PIVOT_VALUE = re.compile(r'PIVOT\.VALUE\((\d+),\s*"([^"]+)"')
PIVOT_HEADER = re.compile(r'PIVOT\.HEADER\((\d+),\s*"#?([^"]+)"')
PIVOT_TABLE = re.compile(r"PIVOT\((\d+)")


def data_sources(data):
    """(kind, id, model, domain, field matching) of every Odoo data source of the spreadsheet."""
    for pid, pivot in data["pivots"].items():
        yield "pivot", pid, pivot["model"], pivot["domain"], pivot["fieldMatching"]
    for lid, lst in data["lists"].items():
        yield "list", lid, lst["model"], lst["domain"], lst["fieldMatching"]
    for sheet in data["sheets"]:
        for figure in sheet["figures"]:
            chart = figure["data"]
            if chart["type"].startswith("odoo_"):
                meta = chart["metaData"]
                yield (
                    "chart",
                    figure["id"],
                    meta["resModel"],
                    chart["searchParams"]["domain"],
                    chart["fieldMatching"],
                )


@tagged("post_install", "-at_install")
class TestTileDashboard(TileCommon):
    """The Tiles dashboard: where it is, who opens it, and that every figure reads real data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref("tile_analytics_dashboard.spreadsheet_dashboard_tiles")
        cls.data = json.loads(cls.dashboard.spreadsheet_data)
        cls.manager = new_test_user(
            cls.env, login="tile_dash_manager", groups="sales_team.group_sale_manager", name="Dash Manager"
        )

    def resolve(self, model, chain):
        """The field at the end of a dotted chain, failing the test when a step is missing."""
        field = None
        for name in chain.split("."):
            self.assertIn(model, self.env, f"model {model} of {chain}")
            field = self.env[model]._fields.get(name.split(":")[0])
            self.assertTrue(field, f"{model} has no field {name} (in {chain})")
            model = field.comodel_name
        return field

    def describe(self, model, name):
        self.resolve(model, name)
        return self.env[model].fields_get([name], ["sortable", "groupable", "aggregator"])[name]

    def test_dashboard_is_in_the_tiles_group_for_sales_managers(self):
        self.assertEqual(
            self.dashboard.dashboard_group_id,
            self.env.ref("tile_analytics_dashboard.spreadsheet_dashboard_group_tiles"),
        )
        self.assertEqual(self.dashboard.dashboard_group_id.name, "Tiles")
        self.assertTrue(self.dashboard.is_published)
        self.assertEqual(self.dashboard.group_ids, self.env.ref("sales_team.group_sale_manager"))
        self.assertIn(self.dashboard, self.dashboard.dashboard_group_id.published_dashboard_ids)

    def test_json_holds_the_figures_as_odoo_data_sources(self):
        self.assertEqual(self.data["sheets"][0]["name"], "Dashboard")
        models = {model for _kind, _id, model, _domain, _fm in data_sources(self.data)}
        self.assertEqual(
            models,
            {
                "sale.report",
                "mrp.production",
                "stock.picking",
                "account.move",
                "account.move.line",
                "sale.order",
                "tile.stock.shade.report",
                "stock.warehouse.orderpoint",
            },
        )
        titles = {
            figure["data"]["title"]["text"]
            for figure in self.data["sheets"][0]["figures"]
            if figure["data"]["type"] == "scorecard"
        }
        self.assertEqual(
            titles,
            {
                "m² sold this month",
                "Late productions",
                "Deliveries in transit",
                "Receivables",
                "Retention held",
            },
        )

    def test_every_model_and_field_exists(self):
        # Odoo's own extraction (the check it runs on upload in test mode) ...
        for model, chains in fields_in_spreadsheet(self.data).items():
            for chain in chains:
                self.resolve(model, chain)
        # ... plus what it leaves out: list columns, measures, and filter field matchings.
        # What the web client asks of each field (fields_get): lists sort, pivots group and sum.
        for lst in self.data["lists"].values():
            for name in lst["columns"]:
                self.resolve(lst["model"], name)
            for order in lst["orderBy"]:
                self.assertTrue(self.describe(lst["model"], order["name"])["sortable"], order)
        for pivot in self.data["pivots"].values():
            for dim in pivot["rows"] + pivot["columns"]:
                self.assertTrue(self.describe(pivot["model"], dim["fieldName"])["groupable"], dim)
            for measure in pivot["measures"]:
                if measure["fieldName"] != "__count":
                    described = self.describe(pivot["model"], measure["fieldName"])
                    self.assertEqual(described.get("aggregator"), measure["aggregator"], measure)
        filters = {f["id"]: f for f in self.data["globalFilters"]}
        for _kind, _sid, model, _domain, matchings in data_sources(self.data):
            for filter_id, match in matchings.items():
                self.assertIn(filter_id, filters)
                field = self.resolve(model, match["chain"])
                if filters[filter_id]["type"] == "relation":
                    self.assertEqual(field.comodel_name, filters[filter_id]["modelName"])
                else:
                    self.assertIn(field.type, ("date", "datetime"))
        for xmlid in self.data["chartOdooMenusReferences"].values():
            self.assertTrue(self.env.ref(xmlid).action, xmlid)

    def test_every_formula_points_to_a_defined_source(self):
        pivots, lists = self.data["pivots"], self.data["lists"]
        contents = [cell["content"] for sheet in self.data["sheets"] for cell in sheet["cells"].values()]
        for content in contents:
            for lid, name in LIST_CALL.findall(content):
                self.assertIn(name, lists[lid]["columns"], content)
            for pid, measure in PIVOT_VALUE.findall(content):
                self.assertIn(measure, [m["id"] for m in pivots[pid]["measures"]], content)
            for pid, row in PIVOT_HEADER.findall(content):
                self.assertIn(row, [r["fieldName"] for r in pivots[pid]["rows"]], content)
            for pid in PIVOT_TABLE.findall(content):
                self.assertIn(pid, pivots, content)
        data_cells = self.data["sheets"][1]["cells"]
        for figure in self.data["sheets"][0]["figures"]:
            chart = figure["data"]
            for key in ("keyValue", "baseline"):
                if chart.get(key):
                    sheet, cell = chart[key].split("!")
                    self.assertEqual(sheet, "Data")
                    self.assertIn(cell, data_cells, f"{chart['title']['text']}: {key}")

    def test_every_domain_runs_for_a_sales_manager(self):
        """What the dashboard asks the server, asked here as a sales manager: every query runs,
        global filters included (no access error, no invalid domain)."""
        state = self.env["res.country.state"].search([], limit=1)
        filters = {f["id"]: f for f in self.data["globalFilters"]}
        env = self.env(user=self.manager)
        for _kind, _sid, model, domain, matchings in data_sources(self.data):
            env[model].search_count(domain)
            for filter_id, match in matchings.items():
                if filters[filter_id]["type"] == "relation":
                    extra = [(match["chain"], "in", state.ids)]
                else:
                    extra = [(match["chain"], ">=", fields.Datetime.now() - timedelta(days=365))]
                env[model].search_count(domain + extra)
        for pivot in self.data["pivots"].values():
            groupby = [
                dim["fieldName"] + (f":{dim['granularity']}" if dim.get("granularity") else "")
                for dim in pivot["rows"]
            ]
            measures = [m["id"] for m in pivot["measures"] if m["fieldName"] != "__count"]
            env[pivot["model"]].read_group(pivot["domain"], measures, groupby, lazy=False)
        for lst in self.data["lists"].values():
            order = ", ".join(f"{o['name']} {'asc' if o['asc'] else 'desc'}" for o in lst["orderBy"])
            env[lst["model"]].search_read(lst["domain"], lst["columns"], order=order, limit=10)
        for figure in self.data["sheets"][0]["figures"]:
            chart = figure["data"]
            if chart["type"].startswith("odoo_"):
                meta = chart["metaData"]
                env[meta["resModel"]].read_group(
                    chart["searchParams"]["domain"], [meta["measure"]], meta["groupBy"], lazy=False
                )

    def test_figures_follow_the_records(self):
        """A tile order confirmed today counts in this month's m² and its format's row; a
        manufacturing order past its deadline is late; a dispatched delivery is in transit."""
        pivots, lists = self.data["pivots"], self.data["lists"]
        report = self.env["sale.report"]

        def m2_this_month():
            self.env.flush_all()
            month = fields.Date.today().replace(day=1)
            groups = report._read_group(pivots["1"]["domain"], ["date:month"], ["tile_m2:sum"])
            return sum(m2 for start, m2 in groups if start and start.date() == month)

        def m2_of_format(fmt):
            self.env.flush_all()
            groups = report._read_group(pivots["7"]["domain"], ["tile_format"], ["tile_m2:sum"])
            return dict(groups).get(fmt, 0.0)

        before, before_600 = m2_this_month(), m2_of_format("600×600")
        order = self.tile_order(self.customer, [(self.tile_600, 100, "m2")])
        order.action_confirm()
        self.assertAlmostEqual(m2_this_month() - before, order.order_line.tile_m2, places=2)
        self.assertAlmostEqual(m2_of_format("600×600") - before_600, order.order_line.tile_m2, places=2)

        production = self.env["mrp.production"].create(
            {
                "product_id": self.plain_product("Dashboard test glaze").id,
                "product_qty": 1,
                "date_deadline": datetime.now() - timedelta(days=2),
            }
        )
        late = self.env["mrp.production"].search(lists["1"]["domain"])
        self.assertNotIn(production, late, "a draft order is not late yet")
        production.action_confirm()
        self.assertIn(production, self.env["mrp.production"].search(lists["1"]["domain"]))
        self.assertIn(production, self.env["mrp.production"].search(pivots["2"]["domain"]))

        delivery = self.env["stock.picking"].create(
            {
                "partner_id": self.customer.id,
                "picking_type_id": self.env.ref("stock.picking_type_out").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "600×600",
                            "product_id": self.tile_600.id,
                            "product_uom_qty": 40,
                            "location_id": self.env.ref("stock.stock_location_stock").id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        in_transit = self.env["stock.picking"].search(lists["2"]["domain"])
        self.assertNotIn(delivery, in_transit)
        delivery.tile_shipment_status = "dispatched"
        self.assertIn(delivery, self.env["stock.picking"].search(lists["2"]["domain"]))
        delivery.tile_shipment_status = "delivered"
        self.assertNotIn(delivery, self.env["stock.picking"].search(pivots["4"]["domain"]))

    def test_sales_manager_opens_it_portal_and_salespeople_do_not(self):
        dashboard = self.dashboard.with_user(self.manager)
        self.assertEqual(dashboard.read(["name"])[0]["name"], "Tiles")
        snapshot = dashboard.get_readonly_dashboard()["snapshot"]
        self.assertEqual(snapshot["pivots"].keys(), self.data["pivots"].keys())
        groups = self.env["spreadsheet.dashboard.group"].with_user(self.manager).search([])
        self.assertIn(self.dashboard, groups.published_dashboard_ids)

        portal = new_test_user(self.env, login="tile_dash_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.dashboard.with_user(portal).read(["name"])
        seller = self.tile_salesman("tile_dash_seller")
        self.assertFalse(
            self.env["spreadsheet.dashboard"].with_user(seller).search([("id", "=", self.dashboard.id)])
        )
        with self.assertRaises(AccessError):
            self.dashboard.with_user(seller).read(["name"])

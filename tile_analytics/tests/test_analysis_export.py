import io

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin

try:
    import openpyxl
except ImportError:
    openpyxl = None


@tagged("post_install", "-at_install")
class TestAnalysisExport(HttpCase, TileTestMixin):
    """Customer behaviour to XLSX from the list: what the user may see, as numbers, with totals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_800 = cls.tile_product(800, 800, 95.0)
        cls.seller = cls.tile_salesman("tile_ax_seller")
        cls.other_seller = cls.tile_salesman("tile_ax_other")
        cls.manager = new_test_user(cls.env, login="tile_ax_manager", groups="sales_team.group_sale_manager")
        cls.mine = cls.tile_customer("Ningbo Tiler", user_id=cls.seller.id)
        cls.theirs = cls.tile_customer("Wenzhou Tiler", user_id=cls.other_seller.id)
        for partner, user in ((cls.mine, cls.seller), (cls.mine, cls.seller), (cls.theirs, cls.other_seller)):
            cls.tile_order(partner, [(cls.tile_800, 10, "box")], user=user).action_confirm()
        cls.customers = cls.mine | cls.theirs

    def download(self, user, domain):
        self.env.flush_all()
        action = (
            self.env["tile.analysis.export"].with_user(user)._tile_start("tile.customer.behaviour", domain)
        )
        self.authenticate(user.login, user.login)
        return self.url_open(action["url"])

    def test_salesperson_exports_own_customers_with_totals(self):
        response = self.download(self.seller, [("partner_id", "in", self.customers.ids)])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        if not openpyxl:
            return
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:4], ("Customer", "Segment", "Salesperson", "Orders"))
        self.assertEqual([row[0] for row in rows[1:-1]], ["Ningbo Tiler"], "not the colleague's customer")
        self.assertEqual(rows[1][3], 2)
        self.assertEqual(rows[1][7], 38.4)  # m², a number
        self.assertEqual(rows[1][8], 3648.0)  # money, a number
        self.assertEqual(rows[-1][0], "Total")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet.auto_filter.ref)

    def test_manager_exports_every_customer_selected(self):
        if not openpyxl:
            return
        response = self.download(self.manager, [("partner_id", "in", self.customers.ids)])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        names = sorted(
            row[0] for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1, values_only=True)
        )
        self.assertEqual(names, ["Ningbo Tiler", "Wenzhou Tiler"])

    def test_someone_elses_export_is_not_found(self):
        self.env.flush_all()
        theirs = (
            self.env["tile.analysis.export"]
            .with_user(self.manager)
            ._tile_start("tile.customer.behaviour", [])
        )
        self.authenticate("tile_ax_seller", "tile_ax_seller")
        self.assertEqual(self.url_open(theirs["url"]).status_code, 404)
        self.assertEqual(self.url_open("/tile_analytics/analysis.xlsx?export_id=abc").status_code, 404)

    def test_only_analyses_can_be_exported(self):
        with self.assertRaises(UserError):
            self.env["tile.analysis.export"].with_user(self.manager)._tile_start("res.users", [])

    def test_exports_belong_to_whoever_started_them(self):
        mine = (
            self.env["tile.analysis.export"]
            .with_user(self.manager)
            .create({"res_model": "tile.customer.behaviour"})
        )
        sales = self.env["tile.sales.export"].with_user(self.manager).create({})
        self.assertFalse(
            self.env["tile.analysis.export"].with_user(self.seller).search([("id", "=", mine.id)])
        )
        self.assertFalse(self.env["tile.sales.export"].with_user(self.seller).search([("id", "=", sales.id)]))
        self.assertEqual(
            self.env["tile.sales.export"].with_user(self.manager).search([("id", "=", sales.id)]), sales
        )

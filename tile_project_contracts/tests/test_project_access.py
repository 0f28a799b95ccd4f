from types import SimpleNamespace

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import TileProjectCommon

PRICE_COLUMNS = {"price_unit", "price_subtotal", "price_total", "tile_price_per_box", "tile_price_per_m2"}


@tagged("post_install", "-at_install")
class TestProjectAccess(TileProjectCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pm = new_test_user(
            cls.env, login="tile_pm", groups="tile_project_contracts.group_tile_project_manager"
        )
        cls.seller = new_test_user(
            cls.env, login="tile_project_seller", groups="sales_team.group_sale_salesman"
        )
        cls.other_seller = new_test_user(
            cls.env, login="tile_other_seller2", groups="sales_team.group_sale_salesman"
        )
        cls.finance = new_test_user(cls.env, login="tile_finance", groups="account.group_account_invoice")
        cls.warehouse = new_test_user(cls.env, login="tile_warehouse", groups="stock.group_stock_user")
        cls.project.tile_salesperson_id = cls.seller
        cls.contract.user_id = cls.seller

    def test_salesperson_sees_own_project_only(self):
        self.assertEqual(
            self.env["project.project"].with_user(self.seller).search([("tile_is_site", "=", True)]),
            self.project,
        )
        self.assertFalse(
            self.env["project.project"].with_user(self.other_seller).search([("tile_is_site", "=", True)])
        )
        self.assertFalse(self.env["tile.project.phase"].with_user(self.other_seller).search([]))
        with self.assertRaises(AccessError):
            self.phase.with_user(self.other_seller).read(["name"])
        # Seeing is not planning: only project managers change phases.
        with self.assertRaises(AccessError):
            self.phase.with_user(self.seller).write({"name": "Renamed"})

    def test_every_group_opens_the_project_form(self):
        view = self.env.ref("tile_project_contracts.project_project_tile_view_form")
        for user in (self.pm, self.seller, self.finance, self.warehouse):
            with self.subTest(user=user.login):
                form = Form(self.project.with_user(user), view=view)
                self.assertEqual(form.name, "Riverside Garden")

    def test_project_manager_calls_off_and_allows_overcalls(self):
        self.contract.with_user(self.pm).action_tile_activate()
        action = self.phase.with_user(self.pm).action_call_off()
        calloff = self.env["sale.order"].with_user(self.pm).browse(action["res_id"])
        calloff.tile_overcall_reason = "Agreed extra"
        with self.assertRaises(AccessError):
            calloff.with_user(self.seller).write({"tile_overcall_reason": "I say so"})

    def test_finance_reads_retention_warehouse_reads_phases_not_amounts(self):
        self.contract.action_tile_activate()
        contract = self.contract.with_user(self.finance)
        self.assertEqual(contract.tile_retention_percent, 5)
        self.assertEqual(contract.tile_retained, 0)
        phase = self.phase.with_user(self.warehouse)
        self.assertEqual(phase.name, "Building 1")
        self.assertEqual(phase.planned_m2, 1500)
        with self.assertRaises(AccessError):
            phase.with_user(self.warehouse).write({"date_start": phase.date_end})

    def _price_columns_shown(self, order, user):
        """The order_line columns with a price that ``user`` sees on ``order``'s form."""
        order = order.with_user(user)
        arch = order.get_views([(False, "form")])["views"]["form"]["arch"]
        lines = etree.fromstring(arch).xpath("//field[@name='order_line']/list")[0]
        values = order.read(["company_price_include", "tile_hide_prices"])[0]
        parent = SimpleNamespace(**values)
        shown = set()
        for column in lines.xpath("./field"):
            name = column.get("name")
            if name not in PRICE_COLUMNS:
                continue
            if not safe_eval(column.get("column_invisible") or "False", {"parent": parent, "True": True}):
                shown.add(name)
        return shown

    def test_warehouse_opens_calloff_from_its_delivery_without_prices(self):
        self.contract.action_tile_activate()
        calloff = self.env["sale.order"].browse(self.phase.action_call_off()["res_id"])
        calloff.action_confirm()
        delivery = calloff.picking_ids.with_user(self.warehouse)
        order = delivery.sale_id
        self.assertEqual(order, calloff)
        # What to deliver stays readable ...
        self.assertEqual(order.order_line.product_uom_qty, calloff.order_line.product_uom_qty)
        # ... prices are not on the form the warehouse opens, and the totals are hidden.
        self.assertTrue(order.tile_hide_prices)
        self.assertFalse(self._price_columns_shown(calloff, self.warehouse))
        # Sales and finance see them on the same call-off.
        for user in (self.seller, self.finance):
            with self.subTest(user=user.login):
                self.assertFalse(calloff.with_user(user).tile_hide_prices)
                self.assertIn("price_unit", self._price_columns_shown(calloff, user))

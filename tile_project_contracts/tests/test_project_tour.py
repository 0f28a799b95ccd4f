from odoo.tests import HttpCase, new_test_user, tagged

from .common import TileProjectCommon


@tagged("post_install", "-at_install")
class TestProjectTour(HttpCase, TileProjectCommon):
    """A project manager calls off a phase; finance invoices it with the retention withheld."""

    def test_pm_calls_off_and_finance_invoices_with_retention(self):
        pm = new_test_user(
            self.env, login="tile_tour_pm", groups="tile_project_contracts.group_tile_project_manager"
        )
        finance = new_test_user(
            self.env,
            login="tile_tour_finance",
            groups="account.group_account_invoice,sales_team.group_sale_salesman_all_leads",
        )
        self.contract.action_tile_activate()
        self.env["account.move"].browse(self.contract.action_tile_invoice_advance()["res_id"]).action_post()

        self.start_tour(
            f"/odoo/action-tile_project_contracts.action_tile_project_phases/{self.phase.id}",
            "tile_project_pm_calls_off_tour",
            login=pm.login,
        )
        calloff = self.phase.calloff_ids
        self.assertEqual(calloff.state, "sale")
        self.assertEqual(calloff.user_id, self.contract.user_id)
        self.deliver(calloff)

        self.start_tour(
            f"/odoo/action-sale.action_orders/{calloff.id}",
            "tile_project_finance_invoices_tour",
            login=finance.login,
        )
        invoice = calloff.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_total, 139784.06)
        self.assertEqual(self.contract.tile_retained, 7131.84)
        self.assertEqual(self.contract.tile_advance_deducted, 14263.68)

    def test_warehouse_opens_the_calloff_without_prices(self):
        warehouse = new_test_user(self.env, login="tile_tour_warehouse", groups="stock.group_stock_user")
        self.contract.action_tile_activate()
        calloff = self.env["sale.order"].browse(self.phase.action_call_off()["res_id"])
        calloff.action_confirm()
        self.start_tour(
            f"/odoo/action-sale.action_orders/{calloff.id}",
            "tile_project_warehouse_calloff_tour",
            login=warehouse.login,
        )

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.tile_order_base.tests.pdf import pdf_text, render_pdf, require_pdf_tools

from .common import TileProjectCommon


@tagged("post_install", "-at_install")
class TestProjectContract(TileProjectCommon):
    def _activate_and_pay_advance(self):
        self.contract.action_tile_activate()
        action = self.contract.action_tile_invoice_advance()
        advance = self.env["account.move"].browse(action["res_id"])
        advance.action_post()
        return advance

    def _call_off(self, phase=None):
        action = (phase or self.phase).action_call_off()
        return self.env["sale.order"].browse(action["res_id"])

    def test_contract_figures(self):
        self.assertEqual(self.contract_line.tile_boxes, 6250)
        self.assertEqual(self.contract.amount_untaxed, 1140000.00)
        self.assertEqual(self.contract.tile_contract_state, "draft")

    def test_calloff_is_invoiced_with_advance_and_retention(self):
        """1,500 m² called off: 782 boxes = 1,501.44 m² = 142,636.80; advance and retention taken."""
        advance = self._activate_and_pay_advance()
        self.assertEqual(advance.amount_untaxed, 114000.00)
        self.assertEqual(advance.invoice_line_ids.account_id, self.advance_account)
        self.assertEqual(self.contract.tile_advance_invoiced, 114000.00)

        calloff = self._call_off()
        line = calloff.order_line
        self.assertEqual((line.tile_boxes, line.tile_m2), (782, 1501.44))
        self.assertEqual(calloff.amount_untaxed, 142636.80)
        self.assertEqual((calloff.tile_contract_id, calloff.tile_phase_id), (self.contract, self.phase))
        calloff.action_confirm()
        self.deliver(calloff)
        invoice = calloff._create_invoices()
        by_role = {ln.tile_contract_role or "goods": ln for ln in invoice.invoice_line_ids}
        self.assertEqual(by_role["goods"].price_subtotal, 142636.80)
        self.assertEqual(by_role["goods"].tax_ids, self.vat13)
        self.assertEqual(by_role["advance_deduction"].price_subtotal, -14263.68)
        self.assertEqual(by_role["advance_deduction"].account_id, self.advance_account)
        self.assertFalse(by_role["advance_deduction"].tax_ids)
        self.assertEqual(by_role["retention"].price_subtotal, -7131.84)
        self.assertEqual(by_role["retention"].account_id, self.retention_account)
        self.assertFalse(by_role["retention"].tax_ids)
        self.assertEqual(invoice.amount_untaxed, 121241.28)
        self.assertEqual(invoice.amount_tax, 18542.78, "13 % VAT on the goods only")
        self.assertEqual(invoice.amount_total, 139784.06)
        invoice.action_post()

        self.assertEqual(self.contract.tile_advance_deducted, 14263.68)
        self.assertEqual(self.contract.tile_retained, 7131.84)
        self.assertEqual(self.contract.tile_invoiced_amount, 142636.80)
        self.assertEqual(self.contract.tile_called_off_amount, 142636.80)
        self.assertEqual(self.contract_line.tile_called_off_m2, 1501.44)
        self.assertEqual(self.contract_line.tile_delivered_m2, 1501.44)
        self.assertEqual(self.contract_line.tile_remaining_m2, 12000 - 1501.44)
        self.assertEqual(
            (self.phase.planned_m2, self.phase.delivered_m2, self.phase.invoiced_m2, self.phase.state),
            (1500, 1501.44, 1501.44, "delivered"),
        )

        # The retention waits for the warranty, then is invoiced by itself on the same account.
        with self.assertRaisesRegex(UserError, "warranty"):
            self.contract.action_tile_release_retention()
        self.contract.tile_warranty_end = fields.Date.today()
        action = self.contract.action_tile_release_retention()
        release = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(release.amount_total, 7131.84)
        self.assertEqual(release.invoice_line_ids.account_id, self.retention_account)
        release.action_post()
        self.assertEqual(self.contract.tile_retention_released, 7131.84)
        with self.assertRaisesRegex(UserError, "No retention"):
            self.contract.action_tile_release_retention()

    def test_activation_schedules_the_retention_reminder(self):
        self.contract.action_tile_activate()
        activity = self.contract.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, self.contract.tile_warranty_end)

    def test_contract_is_not_confirmed_nor_called_off_before_activation(self):
        with self.assertRaisesRegex(UserError, "project contract"):
            self.contract.action_confirm()
        with self.assertRaisesRegex(UserError, "not active"):
            self.phase.action_call_off()
        self.assertEqual(self.contract.state, "draft")
        self.assertFalse(self.contract.picking_ids)

    def test_calloff_proposes_what_is_left(self):
        self.contract.action_tile_activate()
        first = self._call_off()
        self.assertEqual(first.order_line.tile_boxes, 782)
        with self.assertRaisesRegex(UserError, "Nothing is left"):
            self._call_off()
        first.order_line.tile_entry_qty = 500  # boxes
        second = self._call_off()
        self.assertEqual(second.order_line.tile_boxes, 282, "782 planned − 500 already asked")

    def test_price_change_applies_to_later_calloffs_only(self):
        self.contract.action_tile_activate()
        before = self._call_off()
        before.order_line.tile_entry_qty = 100
        self.contract_line.price_unit = 90.0
        before.order_line.tile_entry_qty = 200  # a quantity change keeps the old price
        self.assertEqual(before.order_line.price_unit, 95.0)
        after = self._call_off()
        self.assertEqual(after.order_line.price_unit, 90.0)

    def test_over_call_needs_a_project_manager_and_a_reason(self):
        self.contract.action_tile_activate()
        calloff = self._call_off()
        calloff.order_line.tile_entry_qty = 6251  # boxes: one more than the contract
        with self.assertRaisesRegex(UserError, "more than contract"):
            calloff.action_confirm()
        self.assertEqual(calloff.state, "draft", "nothing half-done")
        calloff.tile_overcall_reason = "Breakage on site, agreed with the developer"
        calloff.action_confirm()
        self.assertEqual(calloff.state, "sale")
        self.assertIn("Breakage on site", self.contract.message_ids[0].body)
        self.assertIn("1.92 m² beyond the contract", self.contract.message_ids[0].body)

    def test_tile_outside_the_contract_is_refused(self):
        self.contract.action_tile_activate()
        calloff = self._call_off()
        other = self.tile_product(600, 600, 60.0, name="Not in contract")
        calloff.order_line = [
            Command.create({"product_id": other.id, "tile_entry_unit": "box", "tile_entry_qty": 1})
        ]
        with self.assertRaisesRegex(UserError, "is not in contract"):
            calloff.action_confirm()

    def test_replanning_a_phase_moves_its_open_calloffs(self):
        self.contract.action_tile_activate()
        calloff = self._call_off()
        promised = calloff.commitment_date
        self.phase.write(
            {
                "date_start": fields.Date.add(self.phase.date_start, days=7),
                "date_end": fields.Date.add(self.phase.date_end, days=7),
            }
        )
        self.assertEqual((calloff.commitment_date - promised).days, 7)
        self.assertIn(calloff.name, self.phase.message_ids[0].body)

    def test_a_bar_dragged_on_the_timeline_keeps_its_project(self):
        # What OCA web_timeline writes when a bar is dropped (captured from the browser): the new
        # dates and the row's group, empty when the row is not a project.
        self.contract.action_tile_activate()
        calloff = self._call_off()
        promised = calloff.commitment_date
        start, end = self.phase.date_start, self.phase.date_end
        self.phase.write(
            {
                "date_start": fields.Date.to_string(fields.Date.add(start, days=3)),
                "date_end": fields.Date.to_string(fields.Date.add(end, days=3)),
                "project_id": False,
            }
        )
        self.assertEqual(self.phase.project_id, self.project)
        self.assertEqual(self.phase.date_start, fields.Date.add(start, days=3))
        self.assertEqual((calloff.commitment_date - promised).days, 3)
        other = self.project.copy({"name": "Another site"})
        with self.assertRaisesRegex(UserError, "stays in its project"):
            self.phase.write({"date_start": start, "project_id": other.id})

    def test_late_phase(self):
        self.phase.write(
            {
                "date_start": fields.Date.add(fields.Date.today(), days=-30),
                "date_end": fields.Date.add(fields.Date.today(), days=-1),
            }
        )
        self.assertEqual(self.phase.state, "late")
        self.assertIn(self.phase, self.env["tile.project.phase"].search([("state", "=", "late")]))


@tagged("post_install", "-at_install")
class TestContractStatementPdf(HttpCase, TileProjectCommon):
    """The printed statement: contracted, called off, delivered, invoiced and retained."""

    def test_statement_pdf(self):
        require_pdf_tools(self)
        self.contract.action_tile_activate()
        self.env["account.move"].browse(self.contract.action_tile_invoice_advance()["res_id"]).action_post()
        calloff = self.env["sale.order"].browse(self.phase.action_call_off()["res_id"])
        calloff.action_confirm()
        self.deliver(calloff)
        calloff._create_invoices().action_post()
        text = pdf_text(
            render_pdf(
                self.env, "tile_project_contracts.action_report_tile_contract_statement", self.contract
            )
        )
        self.assertIn("Contract Statement", text)
        self.assertIn("12,000.00", text)
        self.assertIn("1,501.44", text)
        self.assertIn("142,636.80", text)
        self.assertIn("7,131.84", text)
        self.assertIn("14,263.68", text)

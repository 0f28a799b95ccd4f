"""Tile pricing stays on the documents that chose it, and every amount Odoo derives
from an order line agrees with the tile subtotal (10 m² of 600×600 at 89.90 = 906.19)."""

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import TileTestMixin


@tagged("post_install", "-at_install")
class TestTileMoneyAcrossOdoo(AccountTestInvoicingCommon, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.tile_product(600, 600, 89.90, standard_price=20.0)
        cls.tile.taxes_id = False
        cls.tile.supplier_taxes_id = False

    def _confirmed_order(self, m2=10, **line_extra):
        order = self.tile_order(self.partner_a, [(self.tile, m2, "m2")])
        if line_extra:
            order.order_line.write(line_extra)
        order.action_confirm()
        return order

    # 1. Vendor bills keep Odoo's price per unit.
    def test_vendor_bill_of_tiles_is_priced_per_piece(self):
        bill = self.init_invoice("in_invoice", partner=self.partner_a, products=self.tile)
        with Form(bill) as form:
            with form.invoice_line_ids.edit(0) as line:
                line.quantity = 28
                line.price_unit = 5.0
        self.assertEqual(bill.invoice_line_ids.price_subtotal, 140.0)
        self.assertEqual(bill.amount_untaxed, 140.0)
        self.assertFalse(bill.invoice_line_ids.tile_is_tile, "a vendor bill does not speak tiles")
        bill.action_post()
        self.assertEqual(bill.amount_total, 140.0)
        refund = bill._reverse_moves()
        self.assertEqual(refund.amount_untaxed, 140.0)

    def test_manual_journal_entry_with_a_tile_keeps_its_amounts(self):
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "line_ids": [
                    Command.create(
                        {
                            "account_id": self.company_data["default_account_expense"].id,
                            "product_id": self.tile.id,
                            "quantity": 28,
                            "debit": 140.0,
                        }
                    ),
                    Command.create(
                        {"account_id": self.company_data["default_account_payable"].id, "credit": 140.0}
                    ),
                ],
            }
        )
        move.action_post()
        self.assertEqual(move.line_ids.mapped("balance"), [140.0, -140.0])
        self.assertFalse(any(move.line_ids.mapped("tile_is_tile")))

    def test_customer_invoice_and_credit_note_keep_tile_pricing(self):
        order = self._confirmed_order()
        order.order_line.qty_delivered = 28
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.amount_untaxed, 906.19)
        credit_note = invoice._reverse_moves()
        self.assertTrue(credit_note.invoice_line_ids.tile_is_tile)
        self.assertEqual(credit_note.amount_untaxed, 906.19)

    # 2. Units of measure other than the product's are refused with a clear message.
    def test_tile_line_in_dozens_is_refused(self):
        order = self.tile_order(self.partner_a, [(self.tile, 10, "m2")])
        with self.assertRaisesRegex(ValidationError, "Entered In"):
            order.order_line.product_uom = self.env.ref("uom.product_uom_dozen")
        invoice = self.init_invoice("out_invoice", partner=self.partner_a, products=self.tile)
        with self.assertRaisesRegex(ValidationError, "unit back"):
            invoice.invoice_line_ids.product_uom_id = self.env.ref("uom.product_uom_dozen")

    def test_plain_product_in_dozens_still_works(self):
        plain = self.plain_product(price=12.0)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_a.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": plain.id,
                            "product_uom_qty": 2,
                            "product_uom": self.env.ref("uom.product_uom_dozen").id,
                            "price_unit": 100.0,
                        }
                    )
                ],
            }
        )
        self.assertEqual(order.amount_untaxed, 200.0)

    # 3. Every amount derived from the line agrees with the tile subtotal.
    def test_amount_to_invoice_on_confirmed_order(self):
        self.tile.invoice_policy = "order"
        order = self._confirmed_order()
        line = order.order_line
        self.assertEqual(line.untaxed_amount_to_invoice, 906.19)
        self.assertAlmostEqual(line.amount_to_invoice, 906.19, places=2)
        self.assertEqual(order.amount_to_invoice, 906.19)

    def test_amount_to_invoice_follows_delivered_pieces_then_invoiced(self):
        self.tile.invoice_policy = "delivery"
        order = self._confirmed_order()
        line = order.order_line
        self.assertEqual(line.untaxed_amount_to_invoice, 0.0, "nothing delivered yet")
        line.qty_delivered = 12  # 3 boxes = 4.32 m²
        self.assertEqual(line.untaxed_amount_to_invoice, round(4.32 * 89.90, 2))
        line.qty_delivered = 28
        self.assertEqual(line.untaxed_amount_to_invoice, 906.19)
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(line.untaxed_amount_invoiced, 906.19)
        self.assertEqual(line.untaxed_amount_to_invoice, 0.0)
        self.assertEqual(line.amount_invoiced, 906.19)

    def test_amount_to_invoice_with_discount_and_included_tax(self):
        tax = self.env["account.tax"].create(
            {"name": "13% incl.", "amount": 13, "price_include_override": "tax_included"}
        )
        self.tile.taxes_id = tax
        order = self._confirmed_order(discount=10)
        line = order.order_line
        line.qty_delivered = 28
        self.assertEqual(line.untaxed_amount_to_invoice, line.price_subtotal)
        # 10.08 m² × 89.90 × 90 % = 815.57 incl. 13 % tax → 721.74 (Odoo rounds the tax per line).
        self.assertAlmostEqual(line.price_subtotal, 906.192 * 0.9 / 1.13, delta=0.011)
        invoice = order._create_invoices()
        self.assertEqual(invoice.amount_untaxed, line.price_subtotal)

    def test_down_payment_and_final_invoice(self):
        order = self._confirmed_order()
        order.order_line.qty_delivered = 28
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "percentage", "amount": 50})
        )
        wizard.create_invoices()
        down_payment = order.invoice_ids
        self.assertAlmostEqual(down_payment.amount_untaxed, 906.19 / 2, delta=0.006)
        down_payment.action_post()
        final = order._create_invoices(final=True)
        self.assertAlmostEqual(final.amount_untaxed, 906.19 / 2, delta=0.006)
        final.action_post()
        self.assertEqual(sum(order.invoice_ids.mapped("amount_untaxed")), 906.19)

    def test_sales_analysis_amounts(self):
        order = self._confirmed_order(discount=10)
        order.order_line.qty_delivered = 28
        self.env.flush_all()
        report = self.env["sale.report"].search([("order_reference", "=", f"sale.order,{order.id}")])
        subtotal = order.order_line.price_subtotal
        self.assertEqual(subtotal, round(906.192 * 0.9, 2))
        self.assertAlmostEqual(report.price_subtotal, subtotal, places=2)
        self.assertAlmostEqual(report.untaxed_amount_to_invoice, subtotal, places=2)
        self.assertAlmostEqual(report.discount_amount, 906.192 * 0.1, places=2)
        self.assertEqual(report.product_uom_qty, 28, "quantities stay in pieces")
        order._create_invoices().action_post()
        self.env.flush_all()
        report.invalidate_recordset()
        self.assertAlmostEqual(report.untaxed_amount_invoiced, subtotal, places=2)
        self.assertAlmostEqual(report.untaxed_amount_to_invoice, 0.0, places=2)

    def test_margin(self):
        """Cost is per piece (20.00): margin = 906.19 - 28 × 20.00."""
        order = self._confirmed_order()
        line = order.order_line
        self.assertEqual(line.purchase_price, 20.0)
        self.assertAlmostEqual(line.margin, 906.19 - 560.0, places=2)
        self.assertAlmostEqual(order.margin, 906.19 - 560.0, places=2)
        self.assertAlmostEqual(line.margin_percent, (906.19 - 560.0) / 906.19, places=4)

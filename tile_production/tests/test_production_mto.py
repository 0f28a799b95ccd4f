from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import TileProductionCommon


@tagged("post_install", "-at_install")
class TestProductionMakeToOrder(TileProductionCommon):
    """A salesperson (or the product's rule) sends a line no shade group covers to production."""

    def test_a_line_sent_to_production_gets_its_own_linked_run(self):
        self.tile_lot(self.tile_600, "OLD-A", 40, shade="A1")  # far too little stock
        order = self.tile_order(self.customer, [(self.tile_600, 100, "m2")])
        line = order.order_line
        line.tile_to_produce = True
        # On the quotation the line already promises the run: its m² and about when.
        self.assertRegex(
            line.tile_production_text, r"^To be made to order: 100\.8 m², about \d{4}-\d\d-\d\d$"
        )
        order.action_confirm()
        mo = line.tile_production_ids
        self.assertEqual(len(mo), 1, "one run, so one new shade for the whole line")
        self.assertEqual(mo.sale_line_id, line)
        self.assertEqual(mo.product_qty, line.product_uom_qty)
        self.assertEqual(order.mrp_production_count, 1, "Odoo's sale_mrp sees the MO from the order")
        self.assertEqual(
            mo.move_finished_ids.move_dest_ids.sale_line_id, line, "the delivery waits on the run"
        )
        self.assertFalse(line.lot_id, "nothing was taken from the old lot")
        self.assertIn(mo.name, line.tile_production_text)
        mo._tile_plan_all()
        line.invalidate_recordset(["tile_production_text", "tile_production_customer_text"])
        expected = fields.Datetime.context_timestamp(line, mo.date_finished).strftime("%Y-%m-%d")
        self.assertEqual(line.tile_production_customer_text, f"In production, expected {expected}")

    def test_two_lines_of_one_tile_are_two_runs(self):
        # Each line gets its own shade: Odoo's make-to-order keeps one MO per line (each MO its
        # own procurement group), also when manufacturing takes three steps.
        self.warehouse.manufacture_steps = "pbm_sam"
        order = self.tile_order(self.customer, [(self.tile_600, 100, "m2"), (self.tile_600, 50, "m2")])
        order.order_line.tile_to_produce = True
        order.action_confirm()
        for line in order.order_line:
            self.assertEqual(len(line.tile_production_ids), 1)
            self.assertEqual(line.tile_production_ids.product_qty, line.product_uom_qty)
        other = self.tile_order(self.customer, [(self.tile_600, 20, "m2")])
        other.order_line.tile_to_produce = True
        other.action_confirm()
        self.assertEqual(other.order_line.tile_production_ids.product_qty, other.order_line.product_uom_qty)

    def test_the_product_rule_sends_short_lines_to_production(self):
        self.tile_600.tile_produce_when_short = True
        order = self.tile_order(self.customer, [(self.tile_600, 50, "m2")])
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.order_line.tile_to_produce)
        self.assertEqual(len(order.order_line.tile_production_ids), 1)

    def test_a_line_stock_covers_is_served_from_stock_even_with_the_rule(self):
        self.tile_600.tile_produce_when_short = True
        lot = self.tile_lot(self.tile_600, "FULL-A", 400, shade="A1")
        order = self.tile_order(self.customer, [(self.tile_600, 50, "m2")])
        order.action_confirm()
        self.assertEqual(order.order_line.lot_id, lot)
        self.assertFalse(order.order_line.tile_production_ids)

    def test_the_no_single_lot_message_offers_production_with_a_date(self):
        self.tile_lot(self.tile_600, "OLD-A", 40, shade="A1")
        order = self.tile_order(self.customer, [(self.tile_600, 100, "m2")])
        with self.assertRaises(UserError) as refusal:
            order.action_confirm()
        message = str(refusal.exception)
        self.assertIn("tick 'Produce'", message)
        # 100 m² on a free 3,000 m²/day press line: about an hour from now.
        expected = self.env["mrp.production"]._tile_estimate_finish(self.tile_600, 100.08)
        self.assertLess(expected - fields.Datetime.now(), timedelta(hours=2))
        self.assertIn(fields.Datetime.context_timestamp(order, expected).strftime("%Y-%m-%d"), message)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.order_line.tile_production_ids)

    def test_only_tiles_made_in_house_go_to_production(self):
        bought = self.tile_product(300, 300, 30.0, is_storable=True, tracking="lot")
        order = self.tile_order(self.customer, [(bought, 10, "m2")])
        with self.assertRaisesRegex(ValidationError, "not made in-house"):
            order.order_line.tile_to_produce = True

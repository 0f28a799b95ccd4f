from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import TileCommon


@tagged("post_install", "-at_install")
class TestTileSale(TileCommon):
    def test_quote_in_m2_rounds_up_to_whole_boxes(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        line = order.order_line
        self.assertEqual(line.product_uom_qty, 28, "stock quantity in pieces")
        self.assertEqual((line.tile_boxes, line.tile_m2, line.tile_pieces), (7, 10.08, 28))
        self.assertEqual(line.tile_weight, 224)
        self.assertAlmostEqual(line.tile_pallets, 0.18)
        self.assertEqual(line.price_unit, 89.90, "price per m²")
        self.assertEqual(line.price_subtotal, 906.19)
        self.assertIn("7 boxes = 10.08 m²", line.tile_rounding_note)
        self.assertEqual(order.tile_total_m2, 10.08)
        self.assertEqual(order.tile_total_boxes, 7)
        self.assertEqual(order.amount_untaxed, 906.19)

    def test_quote_in_boxes_and_pieces(self):
        order = self.tile_order(
            self.customer,
            [(self.tile_600, 3, "box"), (self.tile_600, 6, "piece"), (self.tile_1200_box, 5, "box")],
        )
        by_box, by_piece, per_box_price = order.order_line
        self.assertEqual(by_box.product_uom_qty, 12)
        self.assertFalse(by_box.tile_rounding_note, "an exact box quantity needs no notice")
        self.assertEqual(by_piece.product_uom_qty, 8, "6 pieces become 2 whole boxes")
        self.assertIn("2 boxes", by_piece.tile_rounding_note)
        self.assertEqual(per_box_price.price_subtotal, 5 * 168.0, "priced per box")
        self.assertAlmostEqual(per_box_price.tile_price_per_m2, 168.0 / 1.44, places=2)

    def test_loose_pieces_per_line_and_per_product(self):
        order = self.tile_order(self.customer, [(self.tile_600, 6, "piece")])
        line = order.order_line
        line.tile_allow_loose = True
        self.assertEqual(line.product_uom_qty, 6)
        self.assertEqual(line.tile_m2, 2.16)
        self.assertEqual(line.price_subtotal, round(2.16 * 89.90, 2))
        self.tile_300x600.tile_allow_loose = True
        order2 = self.tile_order(self.customer, [(self.tile_300x600, 1, "m2")])
        self.assertEqual(order2.order_line.product_uom_qty, 6, "1 m² of 0.18 m² pieces = 6 pieces")

    def test_form_entry_in_m2(self):
        """What the salesperson does in the form: pick the tile, type 10 m²."""
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
            with form.order_line.new() as line:
                line.product_id = self.tile_600
                line.tile_entry_unit = "m2"
                line.tile_entry_qty = 10
                self.assertEqual(line.product_uom_qty, 28)
                self.assertEqual(line.price_subtotal, 906.19)
        order = form.save()
        self.assertEqual(order.amount_untaxed, 906.19)

    def test_bad_asked_quantity_is_shown_on_the_line(self):
        """A quantity out of bounds turns the line red with the reason as it is typed; saving refuses it."""
        form = Form(self.env["sale.order"])
        form.partner_id = self.customer
        with form.order_line.new() as line:
            line.product_id = self.tile_600
            line.tile_entry_unit = "m2"
            line.tile_entry_qty = -5
            self.assertTrue(line.tile_problem)
            self.assertIn("must be between 0 and 10,000,000; -5", line.tile_rounding_note)
            line.tile_entry_qty = 20_000_000  # no dialog while typing: the note says it
            self.assertIn("20,000,000", line.tile_rounding_note)
            line.tile_entry_qty = 10
            self.assertFalse(line.tile_problem)
            self.assertIn("→ 7 boxes = 10.08 m²", line.tile_rounding_note)
            line.tile_entry_qty = -5
        with (
            self.assertRaisesRegex(ValidationError, "must be between 0 and 10,000,000"),
            self.env.cr.savepoint(),
        ):
            form.save()

    def test_pricelist_keeps_working_on_price_per_m2(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Contractors -10%",
                "item_ids": [
                    Command.create(
                        {
                            "compute_price": "percentage",
                            "percent_price": 10,
                            "applied_on": "0_product_variant",
                            "product_id": self.tile_600.id,
                        }
                    )
                ],
            }
        )
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")], pricelist_id=pricelist.id)
        self.assertAlmostEqual(order.order_line.price_unit, 80.91)
        self.assertEqual(order.order_line.price_subtotal, round(10.08 * 80.91, 2))

    def test_plain_products_unchanged(self):
        glue = self.plain_product()
        order = self.tile_order(self.customer, [(glue, 3, None), (self.tile_600, 10, "m2")])
        self.assertEqual(order.order_line[0].price_subtotal, 105.0)
        self.assertEqual(order.order_line[0].tile_m2, 0)
        self.assertEqual(order.amount_untaxed, 105.0 + 906.19)

    def test_confirm_keeps_quantities(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.order_line.product_uom_qty, 28)
        self.assertEqual(order.amount_untaxed, 906.19)

    def test_product_change_later_does_not_rewrite_orders(self):
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        self.tile_600.write({"tile_pieces_per_box": 3, "tile_m2_per_box": 1.08})
        order.invalidate_recordset()
        self.assertEqual(order.order_line.tile_m2, 10.08)
        self.assertEqual(order.amount_untaxed, 906.19)

    def test_bad_quantities(self):
        glue = self.plain_product()
        with self.assertRaisesRegex(ValidationError, "no tile data"), self.env.cr.savepoint():
            self.tile_order(self.customer, [(glue, 10, "m2")])
        with self.assertRaisesRegex(ValidationError, "must be between 0 and"), self.env.cr.savepoint():
            self.tile_order(self.customer, [(self.tile_600, -5, "m2")])
        with self.assertRaisesRegex(ValidationError, "looks like a typo"), self.env.cr.savepoint():
            self.tile_order(self.customer, [(self.tile_600, 500_000, "m2")])
        with self.assertRaisesRegex(ValidationError, "far beyond any order"), self.env.cr.savepoint():
            self.tile_order(self.customer, [(self.tile_600, 5_000_000, "m2")])
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        with self.assertRaisesRegex(ValidationError, "must be between 0 and"), self.env.cr.savepoint():
            order.order_line.tile_entry_qty = -1
        order.order_line.invalidate_recordset()
        self.assertEqual(order.order_line.tile_entry_qty, 10, "the line keeps its last good quantity")

    def test_errors_speak_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "tile_order_base")])._update_translations(
            ["zh_CN"]
        )
        glue = self.plain_product()
        with self.assertRaisesRegex(ValidationError, "没有瓷砖资料"), self.env.cr.savepoint():
            self.env["sale.order"].with_context(lang="zh_CN").create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create({"product_id": glue.id, "tile_entry_unit": "m2", "tile_entry_qty": 10})
                    ],
                }
            )
        order = self.tile_order(self.customer, [(self.tile_600, 10, "m2")])
        note = order.order_line.with_context(lang="zh_CN").tile_rounding_note
        self.assertIn("7 箱 = 10.08 平方米", note)

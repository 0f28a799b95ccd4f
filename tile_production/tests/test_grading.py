from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import T0, TileProductionCommon


@tagged("post_install", "-at_install")
class TestGrading(TileProductionCommon):
    """At the end of a kiln run the sorter counts boxes per shade, caliber and grade."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["stock.quant"]._update_available_quantity(cls.glaze, cls.stock, 1000)
        # 144 m² of 600×600: 400 pieces, 100 boxes of 4.
        cls.mo = cls.tile_mo(cls.tile_600, 144, T0)
        cls.mo.action_assign()
        # Planned on the press line: grading closes its work orders, which is not moving the run.
        cls.mo._tile_plan(start=T0)
        cls.breakage = cls.env.ref("tile_inventory.scrap_reason_maker")

    def grading(self, groups, failed=0, user=None):
        form = Form(
            self.env["tile.grading"].with_user(user or self.sorter).with_context(active_id=self.mo.id)
        )
        for shade, caliber, grade, boxes, loose in groups:
            with form.line_ids.new() as line:
                line.shade, line.caliber, line.grade, line.boxes, line.loose_pieces = (
                    shade,
                    caliber,
                    grade,
                    boxes,
                    loose,
                )
        form.failed_pieces = failed
        if failed:
            form.scrap_reason_tag_ids.add(self.breakage)
        return form.save()

    def test_a_run_graded_into_three_lots_and_scrap(self):
        wizard = self.grading(
            [("B07", "2", "premium", 70, 0), ("B08", "2", "premium", 20, 2), ("B07", "3", "standard", 8, 0)],
            failed=6,
        )
        self.assertEqual(wizard.produced_pieces, 400)
        self.assertEqual(wizard.missing_pieces, 0)
        wizard.action_grade()
        self.assertEqual(self.mo.state, "done")
        self.assertTrue(self.mo.tile_graded)
        self.assertEqual(self.mo.workorder_ids.state, "done")
        lots = self.mo.tile_lot_ids.filtered("tile_shade")
        self.assertEqual(len(lots), 3)
        by_shade = {(lot.tile_shade, lot.tile_caliber, lot.tile_grade): lot for lot in lots}
        self.assertEqual(
            set(by_shade), {("B07", "2", "premium"), ("B08", "2", "premium"), ("B07", "3", "standard")}
        )
        quants = self.env["stock.quant"].search(
            [("lot_id", "in", lots.ids), ("location_id", "=", self.stock.id)]
        )
        self.assertEqual(
            {q.lot_id.tile_shade_group: q.quantity for q in quants},
            {
                lot.tile_shade_group: qty
                for lot, qty in zip(
                    [
                        by_shade[("B07", "2", "premium")],
                        by_shade[("B08", "2", "premium")],
                        by_shade[("B07", "3", "standard")],
                    ],
                    [280, 82, 32],
                    strict=True,
                )
            },
        )
        self.assertEqual(by_shade[("B07", "2", "premium")].tile_maker_batch, self.mo.name)
        # The failed pieces went to scrap with the reason; nothing of them is left in stock.
        scrap = self.mo.scrap_ids
        self.assertEqual((scrap.scrap_qty, scrap.state), (6, "done"))
        self.assertEqual(scrap.scrap_reason_tag_ids, self.breakage)
        self.assertFalse(
            self.env["stock.quant"].search(
                [("lot_id", "=", scrap.lot_id.id), ("location_id", "=", self.stock.id), ("quantity", "!=", 0)]
            )
        )
        # Odoo's traceability: lot → the MO's finished move.
        self.assertEqual(
            self.env["stock.move.line"]
            .search([("lot_id", "=", lots[0].id), ("move_id.production_id", "!=", False)])
            .move_id.production_id,
            self.mo,
        )
        # 0.5 kg of glaze per m²: 144 m² consumed 72 kg (the bill's 2.78 pieces per m² is rounded).
        self.assertAlmostEqual(
            self.mo.move_raw_ids.filtered(lambda m: m.product_id == self.glaze).quantity, 72.0, delta=0.1
        )

    def test_counts_that_do_not_add_up_are_refused_and_nothing_is_written(self):
        lots_before = self.env["stock.lot"].search_count([])
        wizard = self.grading([("B07", "2", "premium", 70, 0), ("B08", "2", "premium", 20, 0)], failed=6)
        with self.assertRaisesRegex(
            UserError, r"360 pieces graded \+ 6 failed = 366, but .* produced 400 pieces"
        ):
            wizard.action_grade()
        self.assertEqual(self.env["stock.lot"].search_count([]), lots_before)
        self.assertNotEqual(self.mo.state, "done")

    def test_bad_counts_say_what_to_fix(self):
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            self.grading([("B07", "2", "premium", 101, 0)], failed=-4).action_grade()
        with self.assertRaisesRegex(UserError, "appears once"):
            self.grading([("B07", "2", "premium", 50, 0), ("B07", "2", "premium", 50, 0)]).action_grade()
        with self.assertRaisesRegex(UserError, "at least one shade group"):
            self.env["tile.grading"].with_user(self.sorter).create(
                {"production_id": self.mo.id, "produced_pieces": 400}
            ).action_grade()
        with self.assertRaisesRegex(UserError, "More than"):
            self.grading([("B07", "2", "premium", 3_000_000, 0)]).action_grade()
        # Beyond what PostgreSQL's integer holds: a clear message, not a database error.
        with self.assertRaisesRegex(UserError, "More than"):
            self.grading([("B07", "2", "premium", 5_000_000_000, 0)])

    def test_salespeople_cannot_grade(self):
        salesman = self.tile_salesman("seller")
        with self.assertRaises(AccessError):
            self.env["tile.grading"].with_user(salesman).create(
                {
                    "production_id": self.mo.id,
                    "line_ids": [Command.create({"shade": "X", "grade": "premium", "boxes": 100})],
                }
            )

    def test_a_failed_count_beyond_the_database_is_a_message(self):
        # Found by the fuzz pass (tile_security): 2,147,483,648 failed pieces reached PostgreSQL.
        with self.assertRaisesRegex(ValidationError, "Failed"):
            self.grading([("B07", "2", "premium", 100, 0)], failed=2**31)

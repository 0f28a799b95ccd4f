from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TileCommon


@tagged("post_install", "-at_install")
class TestTileTakeoff(TileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"tile_wastage_straight": 5, "tile_wastage_diagonal": 12})
        cls.order = cls.tile_order(cls.customer, [])

    def _takeoff(self, order, rooms):
        """Run the take-off on ``order`` with ``rooms`` as the wizard rows (replacing any)."""
        action = order.action_tile_takeoff()
        wizard = self.env["tile.takeoff.wizard"].browse(action["res_id"])
        with Form(wizard) as form:
            while len(form.room_ids):
                form.room_ids.remove(0)
            for room in rooms:
                with form.room_ids.new() as row:
                    for key, value in room.items():
                        setattr(row, key, value)
        return wizard.action_apply()

    def test_two_rooms_make_two_sections_of_whole_boxes(self):
        self._takeoff(
            self.order,
            [
                {"name": "Living room", "length_m": 5, "width_m": 4, "product_id": self.tile_600},
                {
                    "name": "Kitchen",
                    "area_input_m2": 9.5,
                    "laying_pattern": "diagonal",
                    "product_id": self.tile_600,
                },
            ],
        )
        sections = self.order.order_line.filtered(lambda sol: sol.display_type == "line_section")
        self.assertEqual(sections.mapped("name"), ["Living room", "Kitchen"])
        living, kitchen = self.order.tile_room_ids
        self.assertEqual(living.wastage_percent, 5)
        self.assertEqual(living.gross_area_m2, 21)
        self.assertEqual(living.line_ids.filtered("product_id").tile_boxes, 15, "21 m² / 1.44 → 15 boxes")
        self.assertEqual(kitchen.wastage_percent, 12, "diagonal wastage from the company")
        self.assertEqual(kitchen.gross_area_m2, 10.64)
        self.assertEqual(kitchen.line_ids.filtered("product_id").tile_boxes, 8)
        self.assertEqual(self.order.tile_total_boxes, 23)
        lines = self.order.order_line.sorted("sequence")
        self.assertEqual(
            [ln.display_type or ln.tile_room_id.name for ln in lines],
            ["line_section", "Living room", "line_section", "Kitchen"],
            "each room's tile line sits under its own section",
        )

    def test_rerun_updates_and_does_not_duplicate(self):
        self._takeoff(
            self.order, [{"name": "Living room", "length_m": 5, "width_m": 4, "product_id": self.tile_600}]
        )
        action = self.order.action_tile_takeoff()
        wizard = self.env["tile.takeoff.wizard"].browse(action["res_id"])
        self.assertEqual(len(wizard.room_ids), 1, "existing rooms are loaded for editing")
        with Form(wizard) as form:
            with form.room_ids.edit(0) as row:
                row.length_m = 6
        wizard.action_apply()
        self.assertEqual(len(self.order.tile_room_ids), 1)
        self.assertEqual(len(self.order.order_line), 2, "one section and one tile line")
        self.assertEqual(self.order.order_line.filtered("product_id").tile_entry_qty, 25.2)
        self.assertEqual(self.order.tile_total_boxes, 18)

    def test_rooms_removed_in_wizard_leave_the_quotation(self):
        self._takeoff(
            self.order,
            [
                {"name": "Hall", "area_input_m2": 10, "product_id": self.tile_600},
                {"name": "Bath", "area_input_m2": 4, "product_id": self.tile_300x600},
            ],
        )
        self._takeoff(self.order, [{"name": "Hall", "area_input_m2": 10, "product_id": self.tile_600}])
        self.assertEqual(self.order.tile_room_ids.mapped("name"), ["Hall"])
        self.assertNotIn(self.tile_300x600, self.order.order_line.product_id)

    def test_apply_wastage_and_copy_room(self):
        self._takeoff(self.order, [{"name": "Hall", "area_input_m2": 10, "product_id": self.tile_600}])
        room = self.order.tile_room_ids
        room.wastage_percent = 20
        room.action_apply_wastage()
        self.assertEqual(room.line_ids.filtered("product_id").tile_entry_qty, 12)
        room.action_copy_room()
        self.assertEqual(len(self.order.tile_room_ids), 2)
        copy = self.order.tile_room_ids[1]
        self.assertEqual(copy.name, "Hall (copy)")
        self.assertEqual(copy.line_ids.filtered("product_id").tile_boxes, 9)
        self.assertEqual(self.order.tile_total_boxes, 18)

    def test_guided_entry_creates_a_quotation(self):
        wizard = self.env["tile.takeoff.wizard"].create({})
        with self.assertRaisesRegex(UserError, "customer"):
            wizard.action_apply()
        wizard.partner_id = self.customer
        with self.assertRaisesRegex(UserError, "at least one room"):
            wizard.action_apply()
        # Written without the form (which asks for the tile), the tile is still checked.
        self.env["tile.takeoff.wizard.room"].create(
            {"wizard_id": wizard.id, "name": "Terrace", "length_m": 4, "width_m": 3}
        )
        with self.assertRaisesRegex(UserError, "Choose a tile for: Terrace"):
            wizard.action_apply()
        self.assertFalse(
            self.env["sale.order"].search(
                [("partner_id", "=", self.customer.id), ("id", "!=", self.order.id)]
            )
        )
        wizard.room_ids.product_id = self.tile_600
        self.assertEqual(wizard.total_boxes, 9, "12 m² + 5 % = 12.6 m² → 9 boxes")
        action = wizard.action_apply()
        self.assertEqual(action["tag"], "display_notification")
        order = self.env["sale.order"].browse(action["params"]["next"]["res_id"])
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.tile_total_boxes, 9)
        self.assertEqual(action["params"]["message"], f"{order.name} created: Terrace; 9 boxes, 12.96 m².")

    def test_tile_chosen_once_and_sizes_typed_in_one_field(self):
        """The salesperson picks the tile once; rooms are typed as '5.2 x 4.1' or '9.5'."""
        with Form(self.env["tile.takeoff.wizard"]) as form:
            form.partner_id = self.customer
            form.product_id = self.tile_600
            form.laying_pattern = "diagonal"
            with form.room_ids.new() as row:
                row.name = "Living room"
                row.size_text = "5.2 x 4.1"
                self.assertEqual((row.length_m, row.width_m, row.area_input_m2), (5.2, 4.1, 0))
                self.assertEqual(row.size_text, "5.2 × 4.1")
                self.assertEqual(row.product_id, self.tile_600, "the wizard's tile")
                self.assertEqual(row.laying_pattern, "diagonal")
                self.assertEqual(row.net_area_m2, 21.32)
            with form.room_ids.new() as row:
                row.name = "Kitchen"
                row.size_text = "9,5 m²"
                self.assertEqual((row.length_m, row.width_m, row.area_input_m2), (0, 0, 9.5))
                row.product_id = self.tile_300x600
            with form.room_ids.new() as row:
                row.name = "Hall"
                row.size_text = "3*2"
                self.assertEqual(row.net_area_m2, 6)
        wizard = form.save()
        self.assertEqual(wizard.room_ids.product_id, self.tile_600 | self.tile_300x600)
        # Written without the form (import, RPC), the typed size is read the same way.
        room = self.env["tile.takeoff.wizard.room"].create(
            {"wizard_id": wizard.id, "name": "Store", "size_text": "2 X 1.5", "product_id": self.tile_600.id}
        )
        self.assertEqual((room.length_m, room.width_m), (2, 1.5))

    def test_size_not_understood_is_shown_next_to_the_room(self):
        with Form(self.env["tile.takeoff.wizard"]) as form:
            form.partner_id = self.customer
            form.product_id = self.tile_600
            with form.room_ids.new() as row:
                row.name = "Bath"
                row.size_text = "5 x"
                self.assertIn("size '5 x' not understood", row.problem)
                self.assertFalse(row.net_area_m2)
            self.assertIn("Bath", form.problems)
        wizard = form.save()
        with self.assertRaisesRegex(UserError, "not understood"):
            wizard.action_apply()
        self.assertFalse(self.env["tile.room"].search([("name", "=", "Bath")]), "nothing half-written")
        with Form(wizard) as form:
            with form.room_ids.edit(0) as row:
                row.size_text = "-2 x 3"
                self.assertIn("cannot be negative", row.problem)
                row.size_text = "2 x 3"
                self.assertFalse(row.problem)
            self.assertFalse(form.problems)

    def test_last_laying_pattern_is_remembered_per_user(self):
        wizard = self.env["tile.takeoff.wizard"].create(
            {"partner_id": self.customer.id, "product_id": self.tile_600.id}
        )
        self.assertEqual(wizard.laying_pattern, "straight")
        self.env["tile.takeoff.wizard.room"].create(
            {
                "wizard_id": wizard.id,
                "name": "Hall",
                "size_text": "4 x 3",
                "laying_pattern": "herringbone",
                "product_id": self.tile_600.id,
            }
        )
        wizard.action_apply()
        self.assertEqual(self.env["tile.takeoff.wizard"].create({}).laying_pattern, "herringbone")
        other = self.env["res.users"].create({"name": "Other seller", "login": "tile_other_seller"})
        self.assertEqual(
            self.env["tile.takeoff.wizard"].with_user(other).new({}).laying_pattern,
            "straight",
            "another user keeps their own default",
        )

    def test_bad_rooms(self):
        for bad in ({"length_m": -3, "width_m": 4}, {"length_m": 3}, {"area_input_m2": 0}):
            with self.subTest(bad=bad), self.assertRaises(UserError):
                self._takeoff(self.order, [dict({"name": "Bad", "product_id": self.tile_600}, **bad)])
        self.assertFalse(self.order.tile_room_ids, "nothing half-written")
        self.assertFalse(self.order.order_line)

    def test_confirmed_order_rooms_are_frozen(self):
        self._takeoff(self.order, [{"name": "Hall", "area_input_m2": 10, "product_id": self.tile_600}])
        self.order.action_confirm()
        with self.assertRaisesRegex(UserError, "confirmed"):
            self.order.tile_room_ids.action_apply_wastage()

    def test_company_wastage_settings(self):
        with self.assertRaises(ValidationError):
            self.env.company.tile_wastage_diagonal = -1

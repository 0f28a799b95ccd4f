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
        wizard = self.env["tile.takeoff.wizard"].create({"step": "customer"})
        with self.assertRaisesRegex(UserError, "customer"):
            wizard.action_next()
        wizard.partner_id = self.customer
        wizard.action_next()
        self.assertEqual(wizard.step, "rooms")
        with self.assertRaisesRegex(UserError, "at least one room"):
            wizard.action_next()
        with Form(wizard) as form:
            with form.room_ids.new() as row:
                row.name = "Terrace"
                row.length_m = 4
                row.width_m = 3
        wizard.action_next()
        self.assertEqual(wizard.step, "products")
        with self.assertRaisesRegex(UserError, "Choose a tile for: Terrace"):
            wizard.action_next()
        wizard.room_ids.product_id = self.tile_600
        wizard.action_next()
        self.assertEqual(wizard.step, "review")
        self.assertEqual(wizard.total_boxes, 9, "12 m² + 5 % = 12.6 m² → 9 boxes")
        action = wizard.action_apply()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.tile_total_boxes, 9)

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

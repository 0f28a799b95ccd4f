from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TileCrmCommon


@tagged("post_install", "-at_install")
class TestTileCrmQuotation(TileCrmCommon):
    def test_new_quotation_brings_rooms_lines_and_liked_tiles(self):
        order = self.new_quotation(self.lead)
        self.assertEqual(order.opportunity_id, self.lead)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.salesman)
        self.assertEqual(order.origin, self.lead.name)
        self.assertEqual(order.state, "draft")

        living, kitchen = order.tile_room_ids
        self.assertEqual(
            (living.name, living.wastage_percent, living.gross_area_m2), ("Living room", 7, 21.4)
        )
        # 9.5 m² diagonal: 12 % wastage.
        self.assertEqual(
            (kitchen.name, kitchen.wastage_percent, kitchen.gross_area_m2), ("Kitchen", 12, 10.64)
        )

        # Section, then its tile line, per room, in the rooms' order.
        lines = order.order_line.sorted(lambda sol: (sol.sequence, sol.id))
        self.assertEqual(lines.mapped("display_type"), ["line_section", False, "line_section", False])
        self.assertEqual(lines[0].name, "Living room")
        self.assertEqual(lines[2].name, "Kitchen")
        self.assertEqual(living.section_line_id, lines[0])
        self.assertEqual(lines[1].tile_room_id, living)
        self.assertEqual(lines[1].product_id, self.tile_600)
        self.assertEqual((lines[1].tile_entry_unit, lines[1].tile_entry_qty), ("m2", 21.4))
        # 21.4 m² of 1.44 m² boxes: 15 whole boxes, 21.6 m².
        self.assertEqual((lines[1].tile_boxes, lines[1].tile_m2), (15, 21.6))
        self.assertEqual(lines[3].product_id, self.tile_300x600)
        self.assertEqual((lines[3].tile_entry_qty, lines[3].tile_boxes, lines[3].tile_m2), (10.64, 8, 11.52))
        self.assertEqual(order.tile_total_m2, 33.12)

        # The liked tile in no room is offered, not ordered: one box (2 pieces of 600×1200).
        self.assertEqual(order.sale_order_option_ids.product_id, self.tile_1200_box)
        self.assertEqual(order.sale_order_option_ids.quantity, 2)
        self.assertNotIn(self.tile_1200_box, order.order_line.product_id)

        # The opportunity keeps its own rooms: the quotation got copies.
        self.assertEqual(len(self.lead.tile_room_ids), 2)
        self.assertFalse(self.lead.tile_room_ids & order.tile_room_ids)
        self.assertFalse(self.lead.tile_room_ids.order_id)
        self.assertEqual(self.lead.quotation_count, 1)

    def test_quotation_lines_are_those_of_the_take_off(self):
        """The same rooms typed in the take-off give the same lines as New Quotation."""
        order = self.new_quotation(self.lead)
        wizard = self.env["tile.takeoff.wizard"].create(
            {
                "partner_id": self.customer.id,
                "room_ids": [
                    Command.create(
                        {
                            "name": room.name,
                            "length_m": room.length_m,
                            "width_m": room.width_m,
                            "area_input_m2": room.area_input_m2,
                            "laying_pattern": room.laying_pattern,
                            "product_id": room.product_id.id,
                        }
                    )
                    for room in self.lead.tile_room_ids
                ],
            }
        )
        taken_off = self.env["sale.order"].browse(wizard.action_apply()["params"]["next"]["res_id"])

        def rows(sale):
            return [
                (
                    sol.display_type,
                    sol.name if sol.display_type else sol.product_id,
                    sol.tile_entry_qty,
                    sol.tile_m2,
                )
                for sol in sale.order_line.sorted(lambda sol: (sol.sequence, sol.id))
            ]

        self.assertEqual(rows(order), rows(taken_off))
        self.assertEqual(order.amount_untaxed, taken_off.amount_untaxed)

    def test_quotation_room_is_a_copy(self):
        """Changing the quotation's room leaves the opportunity's measurements alone."""
        order = self.new_quotation(self.lead)
        living = order.tile_room_ids[0]
        living.write({"length_m": 6})
        living.action_apply_wastage()
        self.assertEqual(order.order_line.filtered("tile_room_id")[1].tile_entry_qty, 25.68)
        self.assertEqual(self.lead.tile_room_ids[0].length_m, 5)
        self.assertEqual(self.lead.tile_room_ids[0].gross_area_m2, 21.4)

    def test_changed_wastage_on_the_opportunity_comes_along(self):
        self.lead.tile_room_ids[0].wastage_percent = 10
        order = self.new_quotation(self.lead)
        self.assertEqual(order.tile_room_ids[0].wastage_percent, 10)
        self.assertEqual(order.tile_room_ids[0].line_ids.filtered("product_id").tile_entry_qty, 22)

    def test_room_without_tile_gives_a_section_only(self):
        lead = self.tile_lead(rooms=[{"name": "Balcony", "area_input_m2": 4}])
        order = self.new_quotation(lead)
        self.assertEqual(order.order_line.mapped("display_type"), ["line_section"])
        self.assertEqual(order.order_line.name, "Balcony")

    def test_liked_tiles_only(self):
        lead = self.tile_lead(liked=self.tile_600 | self.tile_300x600)
        order = self.new_quotation(lead)
        self.assertFalse(order.order_line)
        self.assertEqual(order.sale_order_option_ids.product_id, self.tile_600 | self.tile_300x600)
        # 600×600 comes 4 pieces to the box, 300×600 8.
        self.assertEqual(sorted(order.sale_order_option_ids.mapped("quantity")), [4, 8])

    def test_without_rooms_odoo_opens_its_empty_form(self):
        lead = self.tile_lead()
        count = self.env["sale.order"].search_count([])
        action = lead.with_user(self.salesman).action_sale_quotations_new()
        self.assertFalse(action.get("res_id"))
        self.assertEqual(action["context"]["default_opportunity_id"], lead.id)
        self.assertEqual(self.env["sale.order"].search_count([]), count)

    def test_rooms_need_a_customer(self):
        lead = self.tile_lead(rooms=[{"name": "Hall", "area_input_m2": 8}])
        lead.partner_id = False
        count = self.env["sale.order"].search_count([])
        with self.assertRaisesRegex(UserError, "choose its customer first"):
            lead.with_user(self.salesman).action_new_quotation()
        self.assertEqual(self.env["sale.order"].search_count([]), count)

    def test_room_belongs_to_a_quotation_or_an_opportunity(self):
        Room = self.env["tile.room"]
        with self.assertRaisesRegex(ValidationError, "exactly one of them"):
            Room.create({"name": "Nowhere", "area_input_m2": 5})
        order = self.tile_order(self.customer, [])
        with self.assertRaisesRegex(ValidationError, "exactly one of them"):
            Room.create({"name": "Both", "area_input_m2": 5, "order_id": order.id, "lead_id": self.lead.id})
        with self.assertRaisesRegex(ValidationError, "exactly one of them"):
            self.lead.tile_room_ids[0].order_id = order

    def test_opportunity_room_has_no_lines(self):
        """The quotation-only parts of a room do nothing on an opportunity's room."""
        lines = self.env["sale.order.line"].search_count([])
        room = self.lead.tile_room_ids[0]
        room._sync_order_lines()
        room.action_apply_wastage()
        room.action_copy_room()
        self.assertEqual(self.env["sale.order.line"].search_count([]), lines)
        self.assertEqual(
            self.lead.tile_room_ids.mapped("name"), ["Living room", "Kitchen", "Living room (copy)"]
        )
        self.lead.tile_room_ids[2].unlink()
        self.assertEqual(len(self.lead.tile_room_ids), 2)

    def test_salesperson_adds_a_room_in_the_opportunity_form(self):
        with Form(self.lead.with_user(self.salesman)) as form:
            with form.tile_room_ids.new() as room:
                room.name = "Bathroom"
                room.length_m = 2.5
                room.width_m = 2
                room.laying_pattern = "diagonal"
                room.product_id = self.tile_300x600
                # The company's wastage is proposed as in the take-off.
                self.assertEqual(room.wastage_percent, 12)
                self.assertEqual(room.gross_area_m2, 5.6)
        bathroom = self.lead.tile_room_ids.filtered(lambda room: room.name == "Bathroom")
        self.assertEqual((bathroom.gross_area_m2, bathroom.user_id), (5.6, self.salesman))
        self.assertEqual(self.lead.tile_total_m2, 21.4 + 10.64 + 5.6)

    def test_wastage_follows_the_opportunity_company(self):
        other = self.env["res.company"].create({"name": "Tile Branch", "tile_wastage_straight": 3})
        lead = self.tile_lead(
            rooms=[{"name": "Hall", "area_input_m2": 10}], user=self.env["res.users"], company_id=other.id
        )
        self.assertEqual(lead.tile_room_ids.company_id, other)
        self.assertEqual(lead.tile_room_ids.wastage_percent, 3)

    def test_merged_opportunities_keep_rooms_and_liked_tiles(self):
        second = self.tile_lead(
            rooms=[{"name": "Terrace", "area_input_m2": 12, "product_id": self.tile_600.id}],
            liked=self.tile_600 | self.tile_product(800, 800, 120.0),
        )
        merged = (self.lead | second)._merge_opportunity(auto_unlink=True)
        self.assertEqual(sorted(merged.tile_room_ids.mapped("name")), ["Kitchen", "Living room", "Terrace"])
        self.assertEqual(len(merged.tile_liked_product_ids), 4)
        self.assertEqual(len(self.env["crm.lead"].search([("id", "in", (self.lead | second).ids)])), 1)

    def test_duplicated_opportunity_has_its_own_rooms(self):
        copy = self.lead.copy()
        self.assertEqual(copy.tile_room_ids.mapped("name"), ["Living room", "Kitchen"])
        self.assertFalse(copy.tile_room_ids & self.lead.tile_room_ids)
        self.assertEqual(copy.tile_liked_product_ids, self.lead.tile_liked_product_ids)

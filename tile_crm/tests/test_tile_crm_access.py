from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import TileCrmCommon


@tagged("post_install", "-at_install")
class TestTileCrmAccess(TileCrmCommon):
    """An opportunity's rooms are seen by exactly those who see the opportunity (crm's rules)."""

    def sees(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def assertRoomsFollowLead(self, lead, users):
        for user in users:
            with self.subTest(user=user.login, lead_user=lead.user_id.login):
                lead_visible = bool(self.sees(user, lead))
                self.assertEqual(bool(self.sees(user, lead.tile_room_ids)), lead_visible)
                self.assertEqual(
                    len(self.sees(user, lead.tile_room_ids)), len(lead.tile_room_ids) * lead_visible
                )

    def test_salesperson_cannot_see_another_salespersons_lead_rooms(self):
        rooms = self.lead.tile_room_ids
        self.assertEqual(self.sees(self.salesman, rooms), rooms)
        self.assertEqual(self.sees(self.manager, rooms), rooms)
        self.assertFalse(self.sees(self.other_salesman, rooms))
        with self.assertRaises(AccessError):
            rooms.with_user(self.other_salesman).read(["name", "gross_area_m2"])
        with self.assertRaises(AccessError):
            rooms[0].with_user(self.other_salesman).write({"length_m": 9})
        with self.assertRaises(AccessError):
            rooms[0].with_user(self.other_salesman).unlink()

    def test_rooms_follow_the_lead_through_reassignment(self):
        users = self.salesman | self.other_salesman | self.manager
        self.assertRoomsFollowLead(self.lead, users)
        self.lead.user_id = self.other_salesman
        self.assertRoomsFollowLead(self.lead, users)
        self.assertFalse(self.sees(self.salesman, self.lead.tile_room_ids))
        # An unassigned opportunity is everyone's in crm: so are its rooms.
        self.lead.user_id = False
        self.assertRoomsFollowLead(self.lead, users)
        self.assertTrue(self.sees(self.other_salesman, self.lead.tile_room_ids))

    def test_salesperson_cannot_add_a_room_to_anothers_lead(self):
        with self.assertRaises(AccessError):
            self.env["tile.room"].with_user(self.other_salesman).create(
                {"lead_id": self.lead.id, "name": "Sneaky", "area_input_m2": 5}
            )

    def test_quotation_rooms_are_still_personal(self):
        """The rule that now also covers opportunities keeps quotations' rooms private."""
        order = self.new_quotation(self.lead)
        self.assertEqual(self.sees(self.salesman, order.tile_room_ids), order.tile_room_ids)
        self.assertFalse(self.sees(self.other_salesman, order.tile_room_ids))
        self.assertOrderFormOpens(order, self.salesman)

    def test_finance_reads_quotation_rooms_not_opportunity_rooms(self):
        order = self.new_quotation(self.lead)
        accountant = new_test_user(self.env, login="crm_room_finance", groups="account.group_account_invoice")
        self.assertEqual(self.sees(accountant, order.tile_room_ids), order.tile_room_ids)
        self.assertFalse(self.sees(accountant, self.lead.tile_room_ids))
        with self.assertRaises(AccessError):
            self.lead.tile_room_ids.with_user(accountant).read(["name", "gross_area_m2"])
        self.assertOrderFormOpens(order, accountant)

    def test_rooms_of_another_company_are_hidden(self):
        branch = self.env["res.company"].create({"name": "Tile Branch"})
        lead = self.tile_lead(
            rooms=[{"name": "Hall", "area_input_m2": 10}], user=self.env["res.users"], company_id=branch.id
        )
        self.assertEqual(lead.tile_room_ids.company_id, branch)
        # Unassigned, so the personal rule lets it through: the company rule is what hides it.
        self.assertFalse(self.sees(self.other_salesman, lead))
        self.assertFalse(self.sees(self.other_salesman, lead.tile_room_ids))
        branch_user = new_test_user(
            self.env,
            login="crm_branch_sales",
            groups="sales_team.group_sale_salesman",
            company_id=branch.id,
            company_ids=[(6, 0, branch.ids)],
        )
        self.assertEqual(self.sees(branch_user, lead.tile_room_ids), lead.tile_room_ids)

    def test_owner_opens_the_lead_form_with_its_rooms(self):
        form = Form(self.lead.with_user(self.salesman))
        self.assertEqual(len(form.tile_room_ids), 2)
        self.assertEqual(len(form.tile_liked_product_ids), 3)

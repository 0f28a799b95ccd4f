from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TileCommon


@tagged("post_install", "-at_install")
class TestTileAccess(TileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = cls.tile_salesman("tile_alice")
        cls.bob = cls.tile_salesman("tile_bob")
        cls.manager = cls.tile_salesman("tile_lead", see_all=True)
        cls.bob_order = cls.tile_order(cls.customer, [(cls.tile_600, 10, "m2")], user=cls.bob)
        cls.bob_room = cls.env["tile.room"].create(
            {
                "order_id": cls.bob_order.id,
                "name": "Bob's hall",
                "area_input_m2": 12,
                "product_id": cls.tile_600.id,
            }
        )
        cls.bob_room._sync_order_lines()

    def test_own_documents_only_salesman_cannot_see_others_rooms(self):
        Room = self.env["tile.room"].with_user(self.alice)
        self.assertFalse(Room.search([("id", "=", self.bob_room.id)]))
        with self.assertRaises(AccessError):
            self.bob_room.with_user(self.alice).read(["name"])
        with self.assertRaises(AccessError):
            self.bob_room.with_user(self.alice).write({"wastage_percent": 30})
        with self.assertRaises(AccessError):
            self.bob_order.with_user(self.alice).action_tile_takeoff()
        self.assertEqual(self.bob_room.with_user(self.bob).name, "Bob's hall")
        self.assertEqual(self.bob_room.with_user(self.manager).name, "Bob's hall")

    def test_salesman_sees_own_totals_and_history_only(self):
        self.bob_order.action_confirm()
        alice_order = self.tile_order(self.customer, [(self.tile_300x600, 3, "m2")], user=self.alice)
        history = alice_order.with_user(self.alice).tile_customer_order_ids
        self.assertNotIn(self.bob_order, history, "another salesperson's order stays hidden")
        alice_order.invalidate_recordset(["tile_customer_order_ids"])
        manager_history = alice_order.with_user(self.manager).tile_customer_order_ids
        self.assertIn(self.bob_order, manager_history)

    def test_salesman_cannot_edit_tile_product_data(self):
        tmpl = self.tile_600.product_tmpl_id
        with self.assertRaises(AccessError):
            tmpl.with_user(self.alice).write({"tile_pieces_per_box": 5})
        with self.assertRaises(AccessError):
            self.env["tile.series"].with_user(self.alice).create({"name": "Sneaky"})
        manager = self.env["res.users"].create(
            {
                "name": "Sales Manager",
                "login": "tile_sales_manager",
                "groups_id": [(6, 0, [self.env.ref("sales_team.group_sale_manager").id])],
            }
        )
        tmpl.with_user(manager).write({"tile_pieces_per_box": 3})
        self.assertAlmostEqual(tmpl.tile_m2_per_box, 1.08)

    def test_wizard_of_another_user_is_hidden(self):
        wizard = self.env["tile.takeoff.wizard"].with_user(self.bob).create({"partner_id": self.customer.id})
        self.assertFalse(
            self.env["tile.takeoff.wizard"].with_user(self.alice).search([("id", "=", wizard.id)])
        )

    def test_every_group_reaching_the_order_form_opens_it_with_rooms(self):
        for groups in (
            "account.group_account_invoice",
            "account.group_account_readonly",
            "account.group_account_user",
        ):
            with self.subTest(groups=groups):
                user = new_test_user(self.env, login=f"tile_{groups}", groups=f"base.group_user,{groups}")
                self.assertOrderFormOpens(self.bob_order, user)

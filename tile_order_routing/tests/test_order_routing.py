from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin


@tagged("post_install", "-at_install")
class TestOrderRouting(TransactionCase, TileTestMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other Tiles Ltd"})
        cls.gd = cls.env.ref("base.state_cn_GD")
        cls.bj = cls.env.ref("base.state_cn_BJ")
        cls.he = cls.env.ref("base.state_cn_HE")
        cls.sc = cls.env.ref("base.state_cn_SC")
        Tag = cls.env["res.partner.category"]
        cls.contractor_tag = Tag.create({"name": "Contractor (test)"})
        cls.showroom_tag = Tag.create({"name": "Showroom (test)"})
        Team = cls.env["crm.team"]
        cls.team_south = Team.create({"name": "South China (test)", "company_id": cls.company.id})
        cls.team_north = Team.create({"name": "North (test)", "company_id": cls.company.id})
        cls.team_other = Team.create({"name": "Other company team", "company_id": cls.other_company.id})
        Warehouse = cls.env["stock.warehouse"]
        cls.wh_main = Warehouse.search([("company_id", "=", cls.company.id)], order="id", limit=1)
        cls.wh_south = Warehouse.create(
            {"name": "Foshan (test)", "code": "TFS", "company_id": cls.company.id}
        )
        cls.wh_north = Warehouse.create(
            {"name": "Tianjin (test)", "code": "TTJ", "company_id": cls.company.id}
        )
        cls.wh_other = Warehouse.search([("company_id", "=", cls.other_company.id)], limit=1)
        cls.pm = new_test_user(
            cls.env, login="tile_routing_pm", groups="project.group_project_user", name="Li PM"
        )
        cls.salesman = cls.tile_salesman("tile_routing_sales")
        cls.manager = new_test_user(
            cls.env, login="tile_routing_manager", groups="sales_team.group_sale_manager", name="Sales Boss"
        )
        Rule = cls.env["tile.routing.rule"]
        # Only this test's rules in this company (demo rules may exist in another company).
        Rule.search([("company_id", "=", cls.company.id)]).active = False
        cls.rule_gd_projects = Rule.create(
            {
                "name": "Guangdong projects",
                "sequence": 1,
                "state_ids": [Command.set(cls.gd.ids)],
                "order_kind": "project",
                "team_id": cls.team_south.id,
                "warehouse_id": cls.wh_south.id,
                "project_manager_id": cls.pm.id,
            }
        )
        cls.rule_gd_contractors = Rule.create(
            {
                "name": "Guangdong contractors",
                "sequence": 2,
                "state_ids": [Command.set(cls.gd.ids)],
                "category_ids": [Command.set(cls.contractor_tag.ids)],
                "team_id": cls.team_south.id,
                "warehouse_id": cls.wh_south.id,
            }
        )
        cls.rule_north = Rule.create(
            {
                "name": "North",
                "sequence": 3,
                "state_ids": [Command.set((cls.bj | cls.he).ids)],
                "team_id": cls.team_north.id,
                "warehouse_id": cls.wh_north.id,
            }
        )
        cls.rule_foshan_people = Rule.create(
            {
                "name": "Foshan walk-in",
                "sequence": 4,
                "cities": "Shunde, 佛山",
                "partner_kind": "person",
                "team_id": cls.team_south.id,
            }
        )
        cls.rule_fallback = Rule.create(
            {"name": "Everyone else", "sequence": 99, "warehouse_id": cls.wh_main.id}
        )
        # In the other company, a fallback taking everything: never used for this company's orders.
        Rule.create(
            {
                "name": "Other company: all",
                "sequence": 0,
                "company_id": cls.other_company.id,
                "team_id": cls.team_other.id,
                "warehouse_id": cls.wh_other.id,
            }
        )
        cls.gd_contractor = cls.tile_customer(
            "Shunde Builders",
            is_company=True,
            state_id=cls.gd.id,
            city="佛山市 Foshan",
            category_id=[Command.set(cls.contractor_tag.ids)],
        )
        cls.bj_showroom = cls.tile_customer(
            "Beijing Showroom",
            is_company=True,
            state_id=cls.bj.id,
            city="北京市",
            category_id=[Command.set(cls.showroom_tag.ids)],
        )
        cls.foshan_person = cls.tile_customer("Mrs Chen", city="佛山市")
        cls.chengdu_person = cls.tile_customer("Mr Zhou", state_id=cls.sc.id, city="成都市 Chengdu")
        cls.tile = cls.tile_product(600, 600)

    def quote(self, partner, **extra):
        return self.tile_order(partner, [(self.tile, 10, "m2")], **extra)

    def test_province_and_tag(self):
        order = self.quote(self.gd_contractor)
        self.assertEqual(order.team_id, self.team_south)
        self.assertEqual(order.warehouse_id, self.wh_south)
        self.assertEqual(order.tile_routing_rule_id, self.rule_gd_contractors)
        self.assertFalse(order.tile_project_manager_id, "a retail order has no project manager")
        self.assertEqual(
            order.tile_routing_reason,
            f"Team South China (test), warehouse Foshan (test): rule 'Guangdong contractors' "
            f"(province {self.gd.name}, customer tag Contractor (test)).",
        )

    def test_province_alone(self):
        order = self.quote(self.bj_showroom)
        self.assertEqual((order.team_id, order.warehouse_id), (self.team_north, self.wh_north))
        self.assertIn(f"rule 'North' (province {self.bj.name})", order.tile_routing_reason)

    def test_city_and_individual(self):
        order = self.quote(self.foshan_person)
        self.assertEqual(order.tile_routing_rule_id, self.rule_foshan_people)
        self.assertEqual(order.team_id, self.team_south)
        self.assertIn("(city 佛山市, individual)", order.tile_routing_reason)
        # The same city for a company is not a walk-in customer: the fallback takes it.
        self.foshan_person.is_company = True
        self.assertEqual(self.quote(self.foshan_person).tile_routing_rule_id, self.rule_fallback)

    def test_delivery_address_decides_the_region(self):
        site = self.tile_customer(
            "Beijing site",
            parent_id=self.gd_contractor.id,
            type="delivery",
            state_id=self.bj.id,
            city="Beijing",
        )
        order = self.quote(self.gd_contractor, partner_shipping_id=site.id)
        self.assertEqual(order.tile_routing_rule_id, self.rule_north)

    def test_engineering_project_gets_its_manager(self):
        project = self.env["project.project"].create({"name": "Riverside Towers", "tile_is_site": True})
        project.user_id = False
        order = self.quote(self.gd_contractor, tile_project_id=project.id)
        self.assertEqual(order.tile_routing_rule_id, self.rule_gd_projects)
        self.assertEqual(order.tile_project_manager_id, self.pm)
        self.assertEqual(project.user_id, self.pm, "a project without manager takes the routed one")
        self.assertIn("project manager Li PM", order.tile_routing_reason)
        self.assertIn("engineering project", order.tile_routing_reason)
        # A project whose manager a person chose keeps them.
        managed = self.env["project.project"].create(
            {"name": "Hotel", "tile_is_site": True, "user_id": self.manager.id}
        )
        self.quote(self.gd_contractor, tile_project_id=managed.id)
        self.assertEqual(managed.user_id, self.manager)

    def test_fallback_says_so(self):
        order = self.quote(self.chengdu_person)
        self.assertEqual(order.tile_routing_rule_id, self.rule_fallback)
        self.assertEqual(order.warehouse_id, self.wh_main)
        self.assertIn("fallback rule 'Everyone else' (no other rule matches", order.tile_routing_reason)
        self.assertIn(
            f"province {self.sc.name}, city 成都市 Chengdu, individual, retail order",
            order.tile_routing_reason,
        )

    def test_no_rule_keeps_odoo_defaults(self):
        self.rule_fallback.active = False
        plain_team = self.env["crm.team"]._get_default_team_id(
            user_id=self.env.user.id, domain=self.env["crm.team"]._check_company_domain(self.company.id)
        )
        order = self.quote(self.chengdu_person)
        self.assertFalse(order.tile_routing_rule_id)
        self.assertEqual(order.team_id, plain_team)
        self.assertEqual(order.warehouse_id, self.wh_main)
        self.assertTrue(order.tile_routing_reason.startswith("No routing rule matches province"))
        self.assertIn("Odoo's defaults stay", order.tile_routing_reason)

    def test_other_company_rules_ignored(self):
        order = self.quote(self.chengdu_person)
        self.assertNotEqual(order.team_id, self.team_other)
        self.assertNotEqual(order.warehouse_id, self.wh_other)
        # The other company's orders use its rules.
        other = self.quote(self.chengdu_person, company_id=self.other_company.id)
        self.assertEqual((other.team_id, other.warehouse_id), (self.team_other, self.wh_other))

    def test_warehouse_or_team_of_another_company_refused(self):
        with self.assertRaisesRegex(ValidationError, "warehouse .* belongs to Other Tiles Ltd"):
            self.env["tile.routing.rule"].create({"name": "Bad", "warehouse_id": self.wh_other.id})
        with self.assertRaisesRegex(ValidationError, "sales team Other company team belongs to"):
            self.env["tile.routing.rule"].create({"name": "Bad team", "team_id": self.team_other.id})
        with self.assertRaisesRegex(ValidationError, "assigns nothing"):
            self.env["tile.routing.rule"].create({"name": "Empty"})
        with self.assertRaisesRegex(ValidationError, "retail orders, which have no project manager"):
            self.rule_foshan_people.write({"order_kind": "retail", "project_manager_id": self.pm.id})

    def test_explicit_team_and_warehouse_are_kept(self):
        order = self.quote(self.gd_contractor, team_id=self.team_north.id, warehouse_id=self.wh_main.id)
        self.assertEqual((order.team_id, order.warehouse_id), (self.team_north, self.wh_main))
        self.assertIn(
            "Team North (test) (kept as set; the rule gives South China (test))", order.tile_routing_reason
        )

    def test_partner_change_in_the_form(self):
        form = Form(self.env["sale.order"])
        form.partner_id = self.gd_contractor
        self.assertEqual((form.team_id, form.warehouse_id), (self.team_south, self.wh_south))
        self.assertIn("Guangdong contractors", form.tile_routing_reason)
        form.partner_id = self.bj_showroom
        self.assertEqual((form.team_id, form.warehouse_id), (self.team_north, self.wh_north))
        order = form.save()
        self.assertEqual(order.tile_routing_rule_id, self.rule_north)
        self.assertIn("rule 'North'", order.tile_routing_reason)

    def test_route_again_and_confirmed_orders(self):
        order = self.quote(self.gd_contractor)
        order.team_id = self.team_north
        self.assertIn("kept as set", order.tile_routing_reason)
        self.rule_gd_contractors.warehouse_id = self.wh_north
        order.action_tile_route()
        self.assertEqual((order.team_id, order.warehouse_id), (self.team_south, self.wh_north))
        self.assertNotIn("kept as set", order.tile_routing_reason)
        order.action_confirm()
        reason = order.tile_routing_reason
        with self.assertRaisesRegex(UserError, "is confirmed"):
            order.action_tile_route()
        # A confirmed order is not routed again by a later change either.
        self.gd_contractor.state_id = self.bj
        order.partner_shipping_id = self.gd_contractor
        self.assertEqual((order.team_id, order.warehouse_id), (self.team_south, self.wh_north))
        self.assertEqual(order.tile_routing_reason, reason)

    def test_rule_changes_show_on_open_quotations(self):
        order = self.quote(self.gd_contractor)
        confirmed = self.quote(self.gd_contractor)
        confirmed.action_confirm()
        self.rule_north.state_ids |= self.gd
        self.rule_north.sequence = 0
        self.assertEqual(order.tile_routing_rule_id, self.rule_north)
        self.assertIn(
            "Team South China (test) (kept as set; the rule gives North (test))", order.tile_routing_reason
        )
        self.assertEqual(order.team_id, self.team_south, "the quotation is not moved by itself")
        self.assertEqual(
            confirmed.tile_routing_rule_id, self.rule_gd_contractors, "a confirmed order keeps its"
        )
        order.action_tile_route()
        self.assertEqual(order.team_id, self.team_north)

    def test_salesperson_reads_rules_but_cannot_change_them(self):
        rules = self.env["tile.routing.rule"].with_user(self.salesman)
        self.assertIn(self.rule_north, rules.search([]))
        self.assertEqual(self.rule_north.with_user(self.salesman).team_id, self.team_north)
        with self.assertRaises(AccessError):
            self.rule_north.with_user(self.salesman).write({"sequence": 50})
        with self.assertRaises(AccessError):
            rules.create({"name": "Mine", "team_id": self.team_north.id})
        with self.assertRaises(AccessError):
            self.rule_north.with_user(self.salesman).unlink()
        self.rule_north.with_user(self.manager).write({"sequence": 5})
        # The salesperson's own quotation is routed all the same.
        order = self.env["sale.order"].with_user(self.salesman).create({"partner_id": self.bj_showroom.id})
        self.assertEqual(order.team_id, self.team_north)

    def test_rules_of_other_companies_are_not_seen(self):
        manager_other = new_test_user(
            self.env,
            login="tile_routing_other",
            groups="sales_team.group_sale_manager",
            company_id=self.other_company.id,
            company_ids=[Command.set(self.other_company.ids)],
        )
        seen = self.env["tile.routing.rule"].with_user(manager_other).search([])
        self.assertEqual(seen.mapped("name"), ["Other company: all"])
        with self.assertRaises(AccessError):
            self.rule_north.with_user(manager_other).read(["name"])

    def test_route_again_has_its_own_key(self):
        arch = self.env["sale.order"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertEqual(arch.count('data-hotkey="shift+r"'), 1)
        button = arch.split('data-hotkey="shift+r"')[0].rsplit("<button", 1)[1]
        self.assertIn('name="action_tile_route"', button)

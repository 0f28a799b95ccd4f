import io

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.tile_inventory.tests.common import TileInventoryCommon


@tagged("post_install", "-at_install")
class TestAuditTrail(TileInventoryCommon):
    """Sensitive changes land in the audit trail (who, when, old -> new), read by auditors only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = cls.tile_salesman("tile_sec_seller")
        cls.sales_manager = new_test_user(
            cls.env, login="tile_sec_manager", groups="sales_team.group_sale_manager,base.group_allow_export"
        )
        cls.accountant = new_test_user(
            cls.env, login="tile_sec_accountant", groups="account.group_account_manager"
        )
        cls.auditor = new_test_user(
            cls.env, login="tile_sec_auditor", groups="tile_security.group_tile_auditor"
        )
        cls.storekeeper = new_test_user(cls.env, login="tile_sec_stock", groups="stock.group_stock_manager")
        cls.adhesive = cls.plain_product()

    def logs(self, record, method="write"):
        return self.env["auditlog.log"].search(
            [("model_id.model", "=", record._name), ("res_id", "=", record.id), ("method", "=", method)]
        )

    def changes(self, record, method="write"):
        """{field: (old, new)} over the record's log entries of ``method``."""
        return {
            line.field_name: (line.old_value_text, line.new_value_text)
            for line in self.logs(record, method).line_ids
        }

    def confirmed_order(self):
        order = self.tile_order(
            self.customer, [(self.adhesive, 10, None)], user=self.seller, tile_shade_scope="line"
        )
        order.with_user(self.seller).action_confirm()
        return order

    def test_price_and_discount_changes_of_a_confirmed_order_are_logged(self):
        order = self.confirmed_order()
        line = order.order_line
        order.with_user(self.seller).write(
            {"order_line": [Command.update(line.id, {"price_unit": 31.5, "discount": 5})]}
        )
        log = self.logs(line)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.seller, "who")
        self.assertEqual(log.create_date, self.env.cr.now(), "when: the time of the change's transaction")
        self.assertEqual(
            self.changes(line), {"price_unit": ("35.0", "31.5"), "discount": ("0.0", "5.0")}, "old -> new"
        )
        # A line added to the confirmed order is logged with its price.
        order.write({"order_line": [Command.create({"product_id": self.adhesive.id, "price_unit": 20})]})
        added = order.order_line - line
        self.assertEqual(self.changes(added, "create")["price_unit"], ("", "20.0"))

    def test_quotations_are_not_audited(self):
        quotation = self.tile_order(self.customer, [(self.adhesive, 10, None)], user=self.seller)
        quotation.order_line.price_unit = 30
        self.assertFalse(self.logs(quotation.order_line))

    def test_only_auditors_and_administrators_read_the_trail(self):
        order = self.confirmed_order()
        order.order_line.price_unit = 30
        log = self.logs(order.order_line)
        for user in (self.seller, self.sales_manager, self.accountant, self.storekeeper):
            with self.assertRaises(AccessError, msg=user.login):
                log.with_user(user).read(["user_id"])
            with self.assertRaises(AccessError, msg=user.login):
                self.env["auditlog.log.line"].with_user(user).search([("log_id", "=", log.id)])
        self.assertEqual(log.with_user(self.auditor).line_ids.field_name, "price_unit")
        with self.assertRaises(AccessError):
            log.with_user(self.auditor).write({"name": "tampered"})
        with self.assertRaises(AccessError):
            log.with_user(self.auditor).unlink()
        admin = self.env.ref("base.user_admin")
        self.assertTrue(log.with_user(admin).read(["user_id"]))

    def test_lot_attribute_changes_are_logged(self):
        lot = self.tile_lot(self.tile_600, "AUD-1", 40, shade="A1", caliber="2")
        self.env.flush_all()
        lot.with_user(self.storekeeper).write({"tile_shade": "A2", "tile_caliber": "3"})
        log = self.logs(lot)
        self.assertEqual(log.user_id, self.storekeeper)
        changes = self.changes(lot)
        self.assertEqual((changes["tile_shade"], changes["tile_caliber"]), (("A1", "A2"), ("2", "3")))
        self.assertEqual(changes["tile_shade_group"], ("A1 / cal. 2 / Premium", "A2 / cal. 3 / Premium"))

    def test_shade_override_is_logged_with_its_reason(self):
        # 30 boxes wanted, two shades of 20 boxes each: only a mix serves it.
        self.tile_lot(self.tile_600, "MIX-A", 80, shade="A1")
        self.tile_lot(self.tile_600, "MIX-B", 80, shade="B7")
        mixer = new_test_user(self.env, login="tile_sec_mixer", groups="tile_inventory.group_shade_override")
        order = self.tile_order(
            self.customer,
            [(self.tile_600, 30, "box")],
            user=mixer,
            tile_shade_scope="line",
            tile_split_reason="Customer accepts two shades in two rooms",
        )
        order.with_user(mixer).action_confirm()
        self.assertEqual(len(order.order_line.lot_id), 2, "served from two shades")
        log = self.logs(order, "shade_override")
        self.assertEqual(log.user_id, mixer)
        self.assertEqual(
            self.changes(order, "shade_override"),
            {"tile_split_reason": ("", "Customer accepts two shades in two rooms")},
        )

    def test_contract_changes_are_logged(self):
        site = self.env["project.project"].create(
            {"name": "Audit site", "tile_is_site": True, "partner_id": self.customer.id}
        )
        contract = self.tile_order(
            self.customer,
            [(self.tile_300x600, 500, "m2")],
            tile_is_contract=True,
            tile_project_id=site.id,
            tile_retention_percent=5,
        )
        contract.order_line.price_unit = 55.0  # still a draft: not audited
        self.assertFalse(self.logs(contract.order_line))
        contract.action_tile_activate()
        self.assertEqual(self.changes(contract)["tile_contract_state"], ("Draft", "Active"))
        contract.write({"tile_retention_percent": 3})
        contract.order_line.write({"price_unit": 52.0})
        self.assertEqual(self.changes(contract)["tile_retention_percent"], ("5.0", "3.0"))
        self.assertEqual(self.changes(contract.order_line)["price_unit"], ("55.0", "52.0"))
        phase = self.env["tile.project.phase"].create(
            {
                "name": "Tower A",
                "project_id": site.id,
                "date_start": "2027-03-01",
                "date_end": "2027-04-30",
                "line_ids": [Command.create({"contract_line_id": contract.order_line.id, "planned_m2": 200})],
            }
        )
        phase.line_ids.planned_m2 = 260
        self.assertEqual(self.changes(phase.line_ids)["planned_m2"], ("200.0", "260.0"))
        self.assertTrue(self.logs(phase, "create"))

    def test_role_changes_are_logged(self):
        admin = self.env.ref("base.user_admin")
        manager_group = self.env.ref("sales_team.group_sale_manager")
        self.seller.with_user(admin).write({"groups_id": [Command.link(manager_group.id)]})
        log = self.logs(self.seller).filtered(lambda rec: rec.user_id == admin)
        self.assertEqual(len(log), 1)
        line = log.line_ids.filtered(lambda rec: rec.field_name == "groups_id")
        self.assertIn("Administrator", line.new_value_text)
        self.assertNotIn("Administrator", line.old_value_text)
        # Adding a member from the role's side is logged on the role.
        manager_group.with_user(admin).write({"users": [Command.link(self.storekeeper.id)]})
        self.assertIn("users", self.changes(manager_group))

    def test_exports_of_customer_data_are_logged(self):
        partners = self.env["res.partner"].create([{"name": f"Export {i}"} for i in range(3)])
        partners.with_user(self.sales_manager).export_data(["name", "phone"])
        log = self.env["auditlog.log"].search(
            [("model_id.model", "=", "res.partner"), ("method", "=", "export_data")], limit=1
        )
        self.assertEqual((log.user_id, log.tile_record_count), (self.sales_manager, 3))

        self.confirmed_order()
        self.env.flush_all()
        wizard = self.env["tile.sales.export"].with_user(self.seller).create({"tiles_only": False})
        rows = wizard._tile_write_xlsx(io.BytesIO())
        log = self.env["auditlog.log"].search(
            [("model_id.model", "=", "sale.report"), ("method", "=", "export_data")], limit=1
        )
        self.assertEqual((log.user_id, log.tile_record_count), (self.seller, rows))
        self.assertGreaterEqual(rows, 1)

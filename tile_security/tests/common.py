"""Sample records for the role matrix: for each model, the values of a record owned by a user
in a company. The matrix test creates one such record per role (owned by the role's user),
one owned by a colleague in the same company and one of another company."""

import datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.tile_order_base.tests.common import TileTestMixin

from .role_matrix import ROLES


class RoleMatrixSamples(TileTestMixin):
    """Mixed into a test case: users per role, a second company, sample values per model."""

    @classmethod
    def setup_companies_and_users(cls):
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other Tiles Co (role matrix)"})
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.other_company, install_demo=False
        )
        cls.companies = {"a": cls.company, "b": cls.other_company}
        cls.customers = {
            key: cls.env["res.partner"].create(
                {"name": f"Matrix customer {key}", "company_id": company.id, "is_company": True}
            )
            for key, company in cls.companies.items()
        }
        cls.users = {}
        for role, (kind, groups) in ROLES.items():
            cls.users[role] = cls.role_user(role, kind, groups)
        # The "other" owner: a colleague in the same company; the "foreign" one works for the other company.
        cls.colleague = cls.role_user("colleague", "internal", "sales_team.group_sale_salesman")
        cls.foreigner = new_test_user(
            cls.env,
            login="matrix_foreigner",
            groups="sales_team.group_sale_salesman",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.tile = cls.tile_product(600, 600, 89.90, company_id=False)
        cls.tile.write({"is_storable": True, "tracking": "lot"})
        cls.vehicle_model = cls.env["fleet.vehicle.model"].create(
            {
                "name": "J6P (matrix)",
                "brand_id": cls.env["fleet.vehicle.model.brand"].create({"name": "FAW"}).id,
            }
        )
        cls.freight = cls.env["product.product"].create({"name": "Freight (matrix)", "type": "service"})
        cls._parents = {}
        cls.samples = {}

    @classmethod
    def role_user(cls, role, kind, groups):
        login = f"matrix_{role}"
        if kind == "internal":
            return new_test_user(
                cls.env,
                login=login,
                name=f"Matrix {role}",
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
        # Portal users: a contact of their own customer (a customer's buyer, a site manager,
        # a driver's partner).
        customer = cls.env["res.partner"].create(
            {"name": f"Matrix {role} customer", "is_company": True, "company_id": cls.company.id}
        )
        contact = cls.env["res.partner"].create(
            {"name": f"Matrix {role}", "parent_id": customer.id, "email": f"{login}@example.com"}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=f"{login}-password",
            groups=groups,
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    # -- helpers ------------------------------------------------------------------------------

    @classmethod
    def sudo_as(cls, owner, model):
        """``model`` as superuser but with ``owner`` as creator (create_uid), in owner's company."""
        company = owner.company_id
        return cls.env[model].with_user(owner).with_company(company).sudo()

    @classmethod
    def customer_of(cls, owner):
        """A portal user's own customer; for employees, their company's matrix customer."""
        if owner.share:
            return owner.partner_id.commercial_partner_id
        return cls.customers["b" if owner.company_id == cls.other_company else "a"]

    @classmethod
    def salesperson_of(cls, owner):
        return cls.colleague if owner.share else owner

    @classmethod
    def parent(cls, model, owner):
        """One parent record per (model, owner), made on first use (orders, projects, ...)."""
        key = (model, owner.id)
        if key not in cls._parents:
            record = cls.sudo_as(owner, model).create(cls.sample_vals(model, owner))
            if model in ("sale.order", "account.move"):
                # Sent to the customer: the customer follows it (what Odoo's portal shows).
                record.message_subscribe(partner_ids=cls.customer_of(owner).ids)
            cls._parents[key] = record
        return cls._parents[key]

    @classmethod
    def warehouse_of(cls, owner):
        return cls.env["stock.warehouse"].search([("company_id", "=", owner.company_id.id)], limit=1)

    @classmethod
    def confirmed_order(cls, owner):
        """A confirmed order of a plain product: its delivery is the owner's customer's."""
        key = ("confirmed", owner.id)
        if key not in cls._parents:
            product = cls.env["product.product"].create({"name": "Matrix goods", "type": "consu"})
            order = cls.sudo_as(owner, "sale.order").create(
                {
                    "partner_id": cls.customer_of(owner).id,
                    "user_id": cls.salesperson_of(owner).id,
                    "company_id": owner.company_id.id,
                    "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 2})],
                }
            )
            order.action_confirm()
            cls._parents[key] = order
        return cls._parents[key]

    @classmethod
    def vehicle(cls, owner):
        key = ("vehicle", owner.id)
        if key not in cls._parents:
            driver = owner.partner_id if owner.share else cls.env["res.partner"].create({"name": "Driver"})
            cls._parents[key] = cls.sudo_as(owner, "fleet.vehicle").create(
                {"model_id": cls.vehicle_model.id, "driver_id": driver.id, "company_id": owner.company_id.id}
            )
        return cls._parents[key]

    @classmethod
    def site(cls, owner):
        """A construction project: the owner is its salesperson, or a site contact (portal)."""
        key = ("site", owner.id)
        if key not in cls._parents:
            vals = {
                "name": f"Site of {owner.login}",
                "tile_is_site": True,
                "partner_id": cls.customer_of(owner).id,
                "tile_salesperson_id": cls.salesperson_of(owner).id,
                "company_id": owner.company_id.id,
            }
            if owner.share:
                vals["tile_site_contact_ids"] = [Command.set(owner.partner_id.ids)]
            cls._parents[key] = cls.sudo_as(owner, "project.project").create(vals)
        return cls._parents[key]

    @classmethod
    def contract(cls, owner):
        key = ("contract", owner.id)
        if key not in cls._parents:
            cls._parents[key] = cls.sudo_as(owner, "sale.order").create(
                {
                    "partner_id": cls.customer_of(owner).id,
                    "user_id": cls.salesperson_of(owner).id,
                    "company_id": owner.company_id.id,
                    "tile_is_contract": True,
                    "tile_project_id": cls.site(owner).id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.tile.id, "tile_entry_unit": "m2", "tile_entry_qty": 100}
                        )
                    ],
                }
            )
        return cls._parents[key]

    @classmethod
    def lot(cls, owner):
        key = ("lot", owner.id)
        if key not in cls._parents:
            lot = cls.sudo_as(owner, "stock.lot").create(cls.sample_vals("stock.lot", owner))
            stock = cls.warehouse_of(owner).lot_stock_id
            cls.env["stock.quant"].with_company(owner.company_id)._update_available_quantity(
                cls.tile, stock, 40, lot_id=lot
            )
            cls._parents[key] = lot
        return cls._parents[key]

    @classmethod
    def production(cls, owner):
        key = ("production", owner.id)
        if key not in cls._parents:
            cls._parents[key] = cls.sudo_as(owner, "mrp.production").create(
                cls.sample_vals("mrp.production", owner)
            )
        return cls._parents[key]

    # -- sample values per model --------------------------------------------------------------

    @classmethod
    def sample_vals(cls, model, owner):  # noqa: C901 (one flat case per model)
        """Values of a record of ``model`` owned by ``owner`` in its company."""
        company = owner.company_id
        customer = cls.customer_of(owner)
        salesperson = cls.salesperson_of(owner)
        stamp = f"{owner.login}-{len(cls._parents)}-{datetime.datetime.now().timestamp()}"
        match model:
            case "res.partner":
                if owner.share:
                    return {"name": f"Contact of {owner.login}", "parent_id": customer.id}
                return {"name": f"Customer of {owner.login}", "user_id": owner.id, "company_id": company.id}
            case "product.template":
                return {"name": f"Tile of {owner.login}", "company_id": company.id, "list_price": 10.0}
            case "tile.series":
                return {"name": f"Series {stamp}"}
            case "sale.order":
                return {
                    "partner_id": customer.id,
                    "user_id": salesperson.id,
                    "company_id": company.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.tile.id, "tile_entry_unit": "m2", "tile_entry_qty": 10}
                        )
                    ],
                }
            case "sale.order.line":
                return {
                    "order_id": cls.parent("sale.order", owner).id,
                    "product_id": cls.tile.id,
                    "product_uom_qty": 4,
                }
            case "tile.room":
                return {
                    "order_id": cls.parent("sale.order", owner).id,
                    "name": "Kitchen",
                    "area_input_m2": 9.5,
                }
            case "tile.stock.hold":
                return {
                    "lot_id": cls.lot(owner).id,
                    "partner_id": customer.id,
                    "user_id": salesperson.id,
                    "company_id": company.id,
                    "boxes": 1,
                }
            case "stock.lot":
                return {
                    "name": f"LOT-{stamp}",
                    "product_id": cls.tile.id,
                    "company_id": company.id,
                    "tile_shade": "A1",
                    "tile_caliber": "2",
                    "tile_grade": "premium",
                }
            case "stock.picking":
                return {"picking_type_id": cls.warehouse_of(owner).out_type_id.id, "partner_id": customer.id}
            case "stock.picking.batch":
                return {"vehicle_id": cls.vehicle(owner).id, "company_id": company.id}
            case "fleet.vehicle":
                return {"model_id": cls.vehicle_model.id, "company_id": company.id}
            case "delivery.carrier":
                return {"name": f"Carrier {stamp}", "product_id": cls.freight.id, "company_id": company.id}
            case "tile.webhook.receipt":
                carrier = cls.sudo_as(owner, "delivery.carrier").create(
                    cls.sample_vals("delivery.carrier", owner)
                )
                return {"carrier_id": carrier.id, "signature": "0" * 64}
            case "tile.shipment.event":
                return {"picking_id": cls.confirmed_order(owner).picking_ids[:1].id, "kind": "planned"}
            case "tile.transit.claim":
                return {"picking_id": cls.confirmed_order(owner).picking_ids[:1].id}
            case "mrp.production":
                return {"product_id": cls.tile.id, "product_qty": 40, "company_id": company.id}
            case "mrp.workcenter":
                return {"name": f"Press {stamp}", "company_id": company.id}
            case "tile.workcenter.rate":
                workcenter = cls.sudo_as(owner, "mrp.workcenter").create(
                    cls.sample_vals("mrp.workcenter", owner)
                )
                return {"workcenter_id": workcenter.id, "tile_format": "600×600", "m2_per_day": 3000}
            case "project.project":
                return {
                    "name": f"Site {stamp}",
                    "tile_is_site": True,
                    "partner_id": customer.id,
                    "tile_salesperson_id": salesperson.id,
                    "company_id": company.id,
                    **({"tile_site_contact_ids": [Command.set(owner.partner_id.ids)]} if owner.share else {}),
                }
            case "tile.project.phase":
                return {
                    "project_id": cls.site(owner).id,
                    "name": "Building 1",
                    "date_start": "2027-03-01",
                    "date_end": "2027-04-30",
                }
            case "tile.project.phase.line":
                contract = cls.contract(owner)
                return {
                    "phase_id": cls.parent("tile.project.phase", owner).id,
                    "contract_line_id": contract.order_line[:1].id,
                    "planned_m2": 50,
                }
            case "account.move":
                return {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_user_id": salesperson.id,
                    "company_id": company.id,
                    "invoice_line_ids": [Command.create({"name": "Tiles", "quantity": 1, "price_unit": 100})],
                }
            case "auditlog.log":
                return {
                    "name": f"Audit {stamp}",
                    "model_id": cls.env["ir.model"]._get_id("sale.order"),
                    "method": "write",
                    "user_id": owner.id,
                }
            case "tile.login.attempt":
                return {"login": owner.login, "user_id": owner.id, "result": "failed"}
            case "res.users.log":
                return {}
            case "tile.takeoff.wizard":
                return {"partner_id": customer.id, "product_id": cls.tile.id}
            case "tile.takeoff.wizard.room":
                return {
                    "wizard_id": cls.parent("tile.takeoff.wizard", owner).id,
                    "name": "Bath",
                    "area_input_m2": 9.5,
                }
            case "tile.grading":
                return {"production_id": cls.production(owner).id}
            case "tile.grading.line":
                return {"grading_id": cls.parent("tile.grading", owner).id, "shade": "A1", "boxes": 1}
            case "tile.load.proposal":
                return {"vehicle_ids": [Command.set(cls.vehicle(owner).ids)]}
            case "tile.boq.import":
                return {
                    "contract_id": cls.contract(owner).id,
                    "file": b"QXJlYSxUaWxlLG3CsgpCMSw2MDB4NjAwLDEwCg==",
                }
            case "tile.sales.export":
                return {}
            case "tile.customer.segment.history":
                partner = cls.sudo_as(owner, "res.partner").create(
                    {"name": f"Segment of {owner.login}", "user_id": salesperson.id, "company_id": company.id}
                )
                return {"partner_id": partner.id, "company_id": company.id, "segment": "new"}
            case "tile.winback.campaign":
                program = cls.sudo_as(owner, "loyalty.program").create(
                    {"name": f"Win-back {stamp}", "program_type": "coupons", "company_id": company.id}
                )
                return {"name": f"Campaign {stamp}", "company_id": company.id, "program_id": program.id}
            case "tile.winback.wizard":
                program = cls.sudo_as(owner, "loyalty.program").create(
                    {"name": f"Win-back {stamp}", "program_type": "coupons", "company_id": company.id}
                )
                return {
                    "name": f"Offer {stamp}",
                    "company_id": company.id,
                    "program_id": program.id,
                    "partner_ids": [Command.set(customer.ids)],
                }
            case "tile.analysis.export":
                return {"res_model": "tile.customer.behaviour", "domain": "[]"}
            case "crm.lead":
                return {
                    "name": f"Opportunity {stamp}",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": salesperson.id,
                    "company_id": company.id,
                }
            case "tile.review.rule":
                return {"name": f"Rule {stamp}", "rule_type": "shade_override", "company_id": company.id}
            case "tile.review.reason":
                return {
                    "order_id": cls.parent("sale.order", owner).id,
                    "key": stamp,
                    "message": "Below the floor price",
                    "approver_id": salesperson.id,
                }
            case "tile.order.batch":
                return {"operation": "confirm"}
            case "tile.routing.rule":
                return {
                    "name": f"Route {stamp}",
                    "company_id": company.id,
                    "warehouse_id": cls.warehouse_of(owner).id,
                }
        raise NotImplementedError(model)

    # -- samples of the matrix ------------------------------------------------------------------------------

    def sample(self, model, owner):
        """The record of ``model`` owned by ``owner`` (made once per test class)."""
        key = (model, owner.id)
        if key not in self.samples:
            self.samples[key] = self.make_sample(model, owner)
        return self.samples[key]

    def make_sample(self, model, owner):
        if model == "res.users":
            return owner
        if model == "res.users.log":
            return self.sudo_as(owner, model).create({})
        if model == "tile.stock.shade.report":
            lot = self.lot(owner)
            return self.env[model].sudo().search([("lot_id", "=", lot.id)], limit=1)
        if model == "tile.customer.behaviour":
            return self.behaviour_row(owner)
        if model == "tile.order.margin":
            order = self.confirmed_order(owner)
            self.env.flush_all()
            return self.env[model].sudo().search([("order_id", "=", order.id)], limit=1)
        if model == "tile.production.report":
            mo = self.planned_production(owner)
            return self.env[model].sudo().search([("production_id", "=", mo.id)], limit=1)
        if model in (
            "tile.takeoff.wizard",
            "tile.load.proposal",
            "tile.grading",
            "tile.boq.import",
            "tile.sales.export",
            "tile.order.batch",
            "tile.analysis.export",
            "tile.winback.wizard",
        ):
            # A wizard is its creator's: made as that user (without checking their rights).
            return self.sudo_as(owner, model).create(self.sample_vals(model, owner))
        if model in ("sale.order", "tile.project.phase", "account.move"):
            return self.parent(model, owner)
        record = self.sudo_as(owner, model).create(self.sample_vals(model, owner))
        if model == "product.template":
            # A cost to see (an empty one reads the same hidden or not), set by the superuser.
            self.env[model].browse(record.id).standard_price = 7.0
        return record

    def behaviour_row(self, owner):
        """The customer-behaviour row of a customer the owner looks after (or is, for portal)."""
        if owner.share:
            customer = self.customer_of(owner)
        else:
            customer = self.env["res.partner"].create(
                {"name": f"Regular of {owner.login}", "user_id": owner.id, "company_id": owner.company_id.id}
            )
        order = self.sudo_as(owner, "sale.order").create(
            {
                "partner_id": customer.id,
                "user_id": self.salesperson_of(owner).id,
                "company_id": owner.company_id.id,
                "order_line": [
                    Command.create({"product_id": self.tile.id, "tile_entry_unit": "m2", "tile_entry_qty": 5})
                ],
            }
        )
        order.action_confirm()
        self.env.flush_all()
        return (
            self.env["tile.customer.behaviour"]
            .sudo()
            .search([("partner_id", "=", customer.id), ("company_id", "=", owner.company_id.id)], limit=1)
        )

    def planned_production(self, owner):
        """A confirmed MO with a press work order (rows of the production analysis)."""
        company = owner.company_id
        press = self.sudo_as(owner, "mrp.workcenter").create(
            {"name": f"Press of {owner.login}", "tile_stage": "press", "company_id": company.id}
        )
        bom = self.sudo_as(owner, "mrp.bom").create(
            {
                "product_tmpl_id": self.tile.product_tmpl_id.id,
                "company_id": company.id,
                "operation_ids": [Command.create({"name": "Press", "workcenter_id": press.id})],
            }
        )
        mo = self.sudo_as(owner, "mrp.production").create(
            {"product_id": self.tile.id, "bom_id": bom.id, "product_qty": 40, "company_id": company.id}
        )
        mo.action_confirm()
        self.env.flush_all()
        return mo

    @staticmethod
    def scope(flags):
        """'-', 'o', 'c' or 'a' from (own, colleague's, other company's) booleans."""
        return {
            (False, False, False): "-",
            (True, False, False): "o",
            (True, True, False): "c",
            (True, True, True): "a",
        }.get(tuple(flags), "?" + "".join("x" if flag else "." for flag in flags))

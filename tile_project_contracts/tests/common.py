from odoo import Command, fields
from odoo.tests import TransactionCase

from odoo.addons.tile_order_base.tests.common import TileTestMixin


class TileProjectCommon(TransactionCase, TileTestMixin):
    """A residential project: 12,000 m² of 800×800 floor tile at 95.00 /m², 10 % advance, 5 % retention."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        Account = cls.env["account.account"]
        cls.advance_account = Account.create(
            {"code": "2203TP", "name": "Advance from customers (test)", "account_type": "liability_current"}
        )
        cls.retention_account = Account.create(
            {"code": "1221TP", "name": "Retention receivable (test)", "account_type": "asset_current"}
        )
        cls.company.write(
            {
                "tile_advance_account_id": cls.advance_account.id,
                "tile_retention_account_id": cls.retention_account.id,
            }
        )
        cls.vat13 = cls.env["account.tax"].create(
            {"name": "VAT 13 % (test)", "amount": 13, "amount_type": "percent", "type_tax_use": "sale"}
        )
        cls.floor = cls.tile_product(
            800, 800, 110.0, name="Floor 800×800 (project)", taxes_id=[Command.set(cls.vat13.ids)]
        )
        cls.developer = cls.tile_customer("Riverside Developer Co.")
        cls.project = cls.env["project.project"].create(
            {
                "name": "Riverside Garden",
                "tile_is_site": True,
                "partner_id": cls.developer.id,
                "tile_salesperson_id": cls.env.user.id,
            }
        )
        cls.contract = cls.env["sale.order"].create(
            {
                "partner_id": cls.developer.id,
                "tile_is_contract": True,
                "tile_project_id": cls.project.id,
                "tile_advance_percent": 10,
                "tile_retention_percent": 5,
                "tile_warranty_end": fields.Date.add(fields.Date.today(), years=2),
                "order_line": [
                    Command.create(
                        # The contract price, below the list price of 110.00.
                        {
                            "product_id": cls.floor.id,
                            "tile_entry_unit": "m2",
                            "tile_entry_qty": 12000,
                            "price_unit": 95.0,
                        }
                    )
                ],
            }
        )
        cls.contract_line = cls.contract.order_line
        cls.phase = cls.env["tile.project.phase"].create(
            {
                "name": "Building 1",
                "building": "B1",
                "project_id": cls.project.id,
                "date_start": fields.Date.add(fields.Date.today(), days=10),
                "date_end": fields.Date.add(fields.Date.today(), days=40),
                "line_ids": [Command.create({"contract_line_id": cls.contract_line.id, "planned_m2": 1500})],
            }
        )

    @classmethod
    def deliver(cls, order):
        """Ship everything a confirmed order asks for (no lots: the test tiles are not tracked)."""
        for picking in order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")):
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking.button_validate()

from odoo.tests import HttpCase, tagged

from odoo.addons.tile_order_base.tests.common import TileRpcMixin

from .common import RoleMatrixSamples
from .role_matrix import MATRIX, MODELS

# Cells of docs/roles.md checked again over HTTP JSON-RPC (/web/dataset/call_kw), as a
# script or a tampered web client would call the server: read and write on the role's own
# record, a colleague's and another company's.
RPC_CELLS = [
    ("sale.order", "salesperson"),
    ("sale.order", "customer"),
    ("sale.order.line#price_unit", "warehouse"),
    ("sale.order.line#price_unit", "driver"),
    ("account.move", "salesperson"),
    ("fleet.vehicle", "driver"),
    ("stock.picking.batch", "driver"),
    ("tile.production.report", "production"),
    ("tile.boq.import", "salesperson"),
    ("auditlog.log", "sales_manager"),
    ("auditlog.log", "auditor"),
    ("tile.login.attempt", "accountant"),
    ("res.users#groups_id", "warehouse_manager"),
]


@tagged("post_install", "-at_install")
class TestRoleMatrixRpc(TileRpcMixin, HttpCase, RoleMatrixSamples):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_companies_and_users()

    def rpc_allowed(self, model, method, args):
        _result, error = self.rpc(model, method, args)
        if error:
            self.assertCleanRefusal(error, f"{model}.{method}")
            self.assertEqual(error["name"], "odoo.exceptions.AccessError", error.get("message"))
        return error is None

    def rpc_reads(self, model, rec, fname):
        """Whether the real value comes back (prices come back empty to some roles)."""
        result, error = self.rpc(model, "read", [rec.ids, [fname]])
        if error:
            self.assertCleanRefusal(error, f"{model}.read")
            return False
        return result[0][fname] == rec.sudo().read([fname])[0][fname]

    def rpc_cell(self, model, role):
        """The read and write letters of the cell, observed over JSON-RPC."""
        user = self.users[role]
        self.authenticate(user.login, user.login)
        kind, vals = MODELS[model][2], MODELS[model][3]
        vals = vals(self.env) if callable(vals) else vals
        real_model = model.split("#")[0]
        records = [self.sample(real_model, owner) for owner in (user, self.colleague, self.foreigner)]
        fname = kind.split(":", 1)[1] if kind.startswith("field:") else "display_name"
        read = [self.rpc_reads(real_model, rec, fname) for rec in records]
        if kind == "report":
            return self.scope(read), None
        write = [self.rpc_allowed(real_model, "write", [rec.ids, vals]) for rec in records]
        return self.scope(read), self.scope(write)

    def test_cells_over_json_rpc(self):
        for model, role in RPC_CELLS:
            with self.subTest(model=model, role=role):
                read, write = self.rpc_cell(model, role)
                cell = MATRIX[model][role]
                self.assertEqual(read, cell[0], f"{role} reads {model} over RPC: {read}, docs say {cell[0]}")
                if write is not None:
                    self.assertEqual(
                        write, cell[2], f"{role} writes {model} over RPC: {write}, docs say {cell[2]}"
                    )

import logging
import os
import pathlib
import pprint

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import RoleMatrixSamples
from .role_matrix import MATRIX, MODELS, ROLES, render_table

_logger = logging.getLogger(__name__)
DOCS = pathlib.Path(__file__).resolve().parents[2] / "docs"


@tagged("post_install", "-at_install")
class TestRoleMatrix(TransactionCase, RoleMatrixSamples):
    """Every cell of docs/roles.md, checked over the ORM as that role's user: read, create,
    write and delete on a record of their own, a colleague's and another company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_companies_and_users()

    # -- what a role may do -------------------------------------------------------------------

    def allowed(self, func):
        """Whether ``func`` passes the access checks (run in a savepoint, rolled back)."""
        try:
            with self.env.cr.savepoint() as savepoint:
                func()
                self.env.flush_all()
                savepoint.close(rollback=True)
        except AccessError:
            self.env.invalidate_all()
            return False
        self.env.invalidate_all()
        return True

    def observe(self, model, role):
        """The cell this role's user gets on ``model`` (see role_matrix.py)."""
        user = self.users[role]
        kind, vals = MODELS[model][2], MODELS[model][3]
        vals = vals(self.env) if callable(vals) else vals
        real_model = model.split("#")[0]
        owners = (user, self.colleague, self.foreigner)
        if kind.startswith("field:"):
            fname = kind.split(":", 1)[1]
            records = [self.sample(real_model, owner) for owner in owners]
            # Read means the real value comes back (prices come back empty to some roles).
            read = [self.reads_value(rec, user, fname) for rec in records]
            write = [self.allowed(lambda rec=rec: rec.with_user(user).write(vals)) for rec in records]
            return f"{self.scope(read)}-{self.scope(write)}-"
        records = [self.sample(real_model, owner) for owner in owners]
        Model = self.env[real_model].with_user(user).with_company(user.company_id)
        read_field = "create_date" if Model._log_access else "id"
        read = [
            bool(rec) and self.allowed(lambda rec=rec: rec.with_user(user).read([read_field]))
            for rec in records
        ]
        if kind == "report":
            ops = [Model.has_access(op) for op in ("create", "write", "unlink")]
            create, write, unlink = (
                ("y" if ops[0] else "-"),
                ("c" if ops[1] else "-"),
                ("c" if ops[2] else "-"),
            )
            return f"{self.scope(read)}{create}{write}{unlink}"
        create_vals = self.sample_vals(real_model, user) if real_model != "res.users.log" else {}
        create = self.allowed(lambda: Model.create(create_vals))
        write = [self.allowed(lambda rec=rec: rec.with_user(user).write(vals)) for rec in records]
        unlink = [self.allowed(lambda rec=rec: rec.with_user(user).check_access("unlink")) for rec in records]
        return f"{self.scope(read)}{'y' if create else '-'}{self.scope(write)}{self.scope(unlink)}"

    def reads_value(self, rec, user, fname):
        try:
            seen = rec.with_user(user).read([fname])[0][fname]
        except AccessError:
            return False
        return seen == rec.sudo().read([fname])[0][fname]

    def test_every_cell(self):
        actual = {model: {role: self.observe(model, role) for role in ROLES} for model in MODELS}
        if os.environ.get("TILE_ROLE_MATRIX_PRINT"):
            _logger.info("role matrix observed:\n%s", pprint.pformat(actual, width=120, sort_dicts=False))
        for model in MODELS:
            for role in ROLES:
                with self.subTest(model=model, role=role):
                    self.assertEqual(
                        actual[model][role],
                        MATRIX.get(model, {}).get(role),
                        f"{role} on {model}: got {actual[model][role]}, docs/roles.md says "
                        f"{MATRIX.get(model, {}).get(role)}",
                    )

    def test_docs_show_this_matrix(self):
        for name, lang in (("roles.md", "en"), ("roles.zh_CN.md", "zh_CN")):
            text = (DOCS / name).read_text()
            self.assertIn(
                render_table(lang), text, f"docs/{name}: the table differs from tests/role_matrix.py"
            )

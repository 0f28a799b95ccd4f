"""A fuzz pass over the suite's wizards (issue 13, item 6).

Each wizard is created with generated values for its own fields (strings with markup, SQL, NUL
and 5,000 characters, integers beyond PostgreSQL's range, huge and negative floats, far dates,
line lists of random length) and its button is pressed, by the role it is meant for and by one
it is not. Allowed outcomes: done, or a message for the user (UserError, ValidationError,
AccessError, MissingError). Anything else -
a database error such as "integer out of range", a TypeError, a commit from inside the call - is
a defect. A refused call leaves nothing behind: it runs in a savepoint, and a test cursor
refuses commits, so no code path can have written half of it for good.
"""

import base64
import logging
import random
from collections import Counter
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.tile_production.tests.common import T0, TileProductionCommon

from .test_fuzz_endpoints import NASTY as HTTP_NASTY

# A NUL byte in any text field is refused by PostgreSQL with a ValueError in every Odoo model
# (core behaviour, not the suite's); the HTTP pass sends it to the suite's own pages.
NASTY = [value for value in HTTP_NASTY if "\x00" not in value]

_logger = logging.getLogger(__name__)

ALLOWED = (UserError, ValidationError, AccessError, MissingError)
CALLS_PER_WIZARD = 40
MAGIC = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}


@tagged("post_install", "-at_install")
class TestWizardFuzz(TileProductionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rng = random.Random(1313)
        cls.env["stock.quant"]._update_available_quantity(cls.glaze, cls.stock, 1000)
        cls.mo = cls.tile_mo(cls.tile_600, 144, T0)
        cls.quotation = cls.tile_order(cls.customer, [(cls.tile_600, 10, "m2")])
        cls.contract = cls.env["sale.order"].create({"partner_id": cls.customer.id, "tile_is_contract": True})
        cls.manager = new_test_user(
            cls.env,
            login="fuzz_manager",
            groups="sales_team.group_sale_manager,stock.group_stock_manager,mrp.group_mrp_manager,"
            "tile_logistics.group_tile_logistics,project.group_project_manager",
        )
        cls.seller = cls.tile_salesman("fuzz_wizard_seller")
        # An order waiting for approval (tile_order_review): a rule only for one tagged customer.
        tag = cls.env["res.partner.category"].create({"name": "Fuzz review"})
        cls.env["tile.review.rule"].create(
            {
                "name": "Fuzz size",
                "rule_type": "order_size",
                "min_m2": 1,
                "partner_category_ids": [Command.set(tag.ids)],
            }
        )
        reviewed = cls.tile_customer("Fuzz reviewed customer", category_id=[Command.set(tag.ids)])
        cls.waiting = cls.tile_order(reviewed, [(cls.tile_600, 10, "m2")], user=cls.seller)
        cls.waiting.action_confirm()
        # wizard: (fixed values, context, button, [users])
        cls.cases = {
            "tile.takeoff.wizard": (
                {"order_id": cls.quotation.id},
                {"active_model": "sale.order", "active_id": cls.quotation.id},
                "action_apply",
                [cls.seller, cls.manager],
            ),
            "tile.grading": (
                {"production_id": cls.mo.id},
                {"active_id": cls.mo.id},
                "action_grade",
                [cls.sorter, cls.seller],
            ),
            "tile.boq.import": (
                {"contract_id": cls.contract.id},
                {},
                "action_import",
                [cls.manager, cls.seller],
            ),
            "tile.load.proposal": ({}, {}, "action_propose", [cls.manager, cls.seller]),
            "tile.sales.export": ({}, {}, "action_export", [cls.seller, cls.manager]),
            "tile.review.reject": (
                {"order_ids": [Command.set(cls.waiting.ids)]},
                {},
                "action_reject",
                [cls.manager, cls.seller],
            ),
            "tile.order.batch": ({}, {}, "action_run", [cls.seller, cls.manager]),
            "tile.order.import": (
                {"order_id": cls.quotation.id},
                {},
                "action_import",
                [cls.seller, cls.manager],
            ),
            "tile.winback.wizard": (
                {"partner_ids": [Command.set(cls.customer.ids)]},
                {},
                "action_send",
                [cls.manager, cls.seller],
            ),
        }

    # Generated values ----------------------------------------------------------

    def value(self, field):
        rng = self.rng
        kind = field.type
        if kind in ("char", "text"):
            return rng.choice(NASTY)
        if kind == "integer":
            return rng.choice([0, -1, 1, 7, 2**31 - 1, 2**31, -(2**31) - 1, 10**12])
        if kind in ("float", "monetary"):
            return rng.choice([0.0, -1.0, 1 / 3, 1e-9, 1e9, 1e20, -1e20, 1e308])
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "date":
            return rng.choice([fields.Date.today(), date(1, 1, 1), date(9999, 12, 31)])
        if kind == "selection":
            return rng.choice([key for key, _label in field._description_selection(self.env)])
        if kind == "many2one":
            return self.env[field.comodel_name].search([], limit=3)[rng.randrange(4) :][:1].id or False
        if kind == "many2many":
            return [Command.set(self.env[field.comodel_name].search([], limit=rng.randrange(4)).ids)]
        if kind == "binary":
            content = rng.choice(
                [
                    b"",
                    bytes(rng.randrange(256) for _i in range(64)),
                    "Area,Tile,m²\n{},{},{}\n".format(*(rng.choice(NASTY) for _i in range(3))).encode(
                        "utf-8", "surrogatepass"
                    ),
                ]
            )
            return base64.b64encode(content)
        if kind == "one2many":
            comodel = self.env[field.comodel_name]
            return [
                Command.create(self.values(comodel, skip={field.inverse_name}))
                for _i in range(rng.randrange(4))
            ]
        return None

    def values(self, model, skip=()):
        vals = {}
        for name, field in model._fields.items():
            if (
                name in skip
                or field.compute
                or field.related
                or field.readonly
                or name in MAGIC
                or name in ("company_id", "currency_id")
            ):
                continue
            value = self.value(field)
            # The form refuses an empty required field before the server sees it.
            while (
                field.required and not value and field.type not in ("integer", "float", "monetary", "boolean")
            ):
                value = self.value(field)
            if value is not None:
                vals[name] = value
        return vals

    # The pass ------------------------------------------------------------------

    def test_wizards_answer_users_never_crash(self):
        outcomes = Counter()
        for model_name, (fixed, context, button, users) in self.cases.items():
            model = self.env[model_name]
            for i in range(CALLS_PER_WIZARD):
                user = users[i % len(users)]
                vals = dict(self.values(model), **fixed)
                try:
                    with self.env.cr.savepoint():
                        wizard = model.with_user(user).with_context(**context).create(vals)
                        getattr(wizard, button)()
                        wizard.env.flush_all()
                    outcomes[model_name, "done"] += 1
                except ALLOWED as error:
                    outcomes[model_name, type(error).__name__] += 1
                except Exception as error:
                    self.fail(f"{model_name}.{button} as {user.login} with {vals!r:.600}: {error!r}")
        _logger.info("wizard fuzz: %s", sorted(outcomes.items()))
        self.assertEqual(sum(outcomes.values()), CALLS_PER_WIZARD * len(self.cases))
        # The pass reached the buttons, not only the refusals of create.
        self.assertTrue(any(result == "done" for _model, result in outcomes))

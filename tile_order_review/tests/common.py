"""A small tile company's order desk: a salesperson, the team leader who approves, rules."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.tile_order_base.tests.common import TileTestMixin


class TileReviewMixin(TileTestMixin):
    @classmethod
    def setup_review(cls):
        cls.company = cls.env.company
        cls.series = cls.env["tile.series"].create({"name": "Review Marble", "code": "RVM"})
        cls.tile = cls.tile_product(
            600, 600, 89.90, name="Review Marble 600×600", tile_series_id=cls.series.id, is_storable=True
        )
        cls.plain = cls.plain_product()
        cls.customer = cls.tile_customer("Review Customer", email="review.customer@example.com")
        cls.seller = new_test_user(
            cls.env,
            login="review_seller",
            groups="sales_team.group_sale_salesman",
            name="Review Seller",
            email="seller@example.com",
        )
        cls.senior = new_test_user(
            cls.env,
            login="review_senior",
            groups="sales_team.group_sale_salesman_all_leads",
            name="Review Senior",
            email="senior@example.com",
        )
        cls.leader = new_test_user(
            cls.env,
            login="review_leader",
            groups="tile_order_review.group_order_approver",
            name="Review Leader",
            email="leader@example.com",
        )
        cls.manager = new_test_user(
            cls.env,
            login="review_manager",
            groups="sales_team.group_sale_manager,stock.group_stock_user",
            name="Review Manager",
            email="manager@example.com",
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Review Team", "user_id": cls.leader.id, "company_id": cls.company.id}
        )
        Rule = cls.env["tile.review.rule"]
        # Rules other tests or demo data of this database may have made stay out of the way.
        Rule.search([("company_id", "=", cls.company.id)]).active = False
        cls.floor_rule = Rule.create(
            {
                "name": "Floor Review Marble",
                "rule_type": "floor_price",
                "tile_series_id": cls.series.id,
                "floor_price_m2": 80.0,
            }
        )

    @classmethod
    def order_for(cls, user, price=None, discount=0.0, m2=10, partner=None, **extra):
        line = {
            "product_id": cls.tile.id,
            "tile_entry_unit": "m2",
            "tile_entry_qty": m2,
            "discount": discount,
        }
        if price is not None:
            line["price_unit"] = price
        return (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                dict(
                    {
                        "partner_id": (partner or cls.customer).id,
                        "team_id": cls.team.id,
                        "order_line": [Command.create(line)],
                    },
                    **extra,
                )
            )
        )

    def approval_activities(self, order):
        kind = self.env.ref("tile_order_review.mail_activity_type_order_approval")
        return order.activity_ids.filtered(lambda act: act.activity_type_id == kind)


class TileReviewCommon(TransactionCase, TileReviewMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_review()

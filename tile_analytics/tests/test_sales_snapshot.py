from datetime import datetime

from odoo.tests import tagged

from odoo.addons.tile_order_base.tests.common import TileCommon

from ..report.sale_report import SNAPSHOT_STATE_TABLE, SNAPSHOT_TABLE


@tagged("post_install", "-at_install")
class TestTileSalesSnapshot(TileCommon):
    """The tile views read a snapshot of the sales analysis kept up to date by a cron, plus the
    orders changed since: the same figures, in the same order, as Odoo's own query."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile_800 = cls.tile_product(800, 800, 95.0)
        cls.adhesive = cls.plain_product()
        cn = cls.env.ref("base.cn")
        cls.zhejiang, cls.guangdong = cls.env.ref("base.state_cn_ZJ"), cls.env.ref("base.state_cn_GD")
        cls.hangzhou = cls.tile_customer(
            "Hangzhou Builder", city="杭州", state_id=cls.zhejiang.id, country_id=cn.id
        )
        cls.foshan = cls.tile_customer(
            "Foshan Builder", city="佛山", state_id=cls.guangdong.id, country_id=cn.id
        )
        cls.seller = cls.tile_salesman("tile_snapshot_seller")
        cls.orders = cls.env["sale.order"]
        for partner, month, boxes, user in (
            (cls.hangzhou, 1, 100, cls.seller),
            (cls.hangzhou, 7, 300, cls.env.user),
            (cls.foshan, 7, 200, cls.seller),
            (cls.foshan, 10, 50, cls.env.user),
        ):
            order = cls.tile_order(
                partner,
                [(cls.tile_800, boxes, "box"), (cls.tile_600, 20, "m2"), (cls.adhesive, 5, None)],
                user=user,
            )
            order.action_confirm()
            order.date_order = datetime(2026, month, 10, 3, 0)
            cls.orders |= order
        cls.quotation = cls.tile_order(cls.foshan, [(cls.tile_800, 10, "box")])

    def setUp(self):
        super().setUp()
        # One company selected, as the web client says.
        self.report = self.env["sale.report"].with_context(allowed_company_ids=self.env.company.ids)
        self.snapshot = self.report.with_context(tile_sales_snapshot=True)
        self.domain = [("partner_id", "in", (self.hangzhou | self.foshan).ids)]
        # Everything so far was written before the snapshot is taken.
        self.backdate(self.orders | self.quotation)
        self.report._tile_snapshot_update(rebuild=True)

    def backdate(self, orders):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET write_date = write_date - interval '1 day' WHERE id IN %s",
            [tuple(orders.ids)],
        )
        self.env.cr.execute(
            "UPDATE sale_order_line SET write_date = write_date - interval '1 day' WHERE order_id IN %s",
            [tuple(orders.ids)],
        )
        self.env.invalidate_all()

    def groups(self, report, groupby, lazy=False):
        self.env.invalidate_all()
        specs = groupby[:1] if lazy else groupby
        return [
            (
                [group[spec] for spec in specs],
                round(group["tile_m2"], 2),
                round(group["price_subtotal"], 2),
                [value for key, value in group.items() if key.endswith("_count")],
                group["__domain"],
            )
            for group in report.read_group(
                self.domain, ["tile_m2:sum", "price_subtotal:sum"], groupby, lazy=lazy
            )
        ]

    def assertSameAsOdoo(self):
        for groupby in (
            ["state_id"],
            ["tile_season", "tile_format", "state_id"],
            ["state_id", "partner_id", "date:month"],
            ["tile_city", "product_id", "state"],
        ):
            for lazy in (False, True):
                self.assertEqual(
                    self.groups(self.snapshot, groupby, lazy), self.groups(self.report, groupby, lazy)
                )
        self.env.invalidate_all()
        fields = ["tile_m2", "price_subtotal", "tile_city", "state_id", "order_reference"]
        self.assertEqual(
            self.snapshot.search_read(self.domain, fields, order="date desc, id"),
            self.report.search_read(self.domain, fields, order="date desc, id"),
        )

    def changed(self):
        return self.report._tile_snapshot_reading()[1]

    def test_snapshot_figures_and_order_are_odoos(self):
        self.assertFalse(self.changed(), "nothing written since the snapshot: all read from it")
        self.assertSameAsOdoo()
        m2 = {
            (g["tile_season"], g["state_id"][0]): round(g["tile_m2"], 2)
            for g in self.snapshot.read_group(
                self.domain + [("state", "=", "sale"), ("tile_is_tile", "=", True)],
                ["tile_m2:sum"],
                ["tile_season", "state_id"],
                lazy=False,
            )
        }
        summer = 300 * 1.92 + 200 * 1.92 + 2 * 20.16  # 20 m² of 600×600 = 14 boxes = 20.16 m²
        self.assertAlmostEqual(
            m2[("summer", self.zhejiang.id)] + m2[("summer", self.guangdong.id)], summer, 2
        )
        self.assertEqual(m2[("winter", self.zhejiang.id)], round(100 * 1.92 + 20.16, 2))

    def test_orders_changed_since_are_read_live(self):
        confirmed = self.orders[1]
        confirmed.order_line.filtered(lambda line: line.product_id == self.tile_800).tile_entry_qty = 400
        self.orders[3]._action_cancel()
        self.quotation.action_confirm()
        new = self.tile_order(self.foshan, [(self.tile_800, 7, "box")])
        new.action_confirm()
        self.env.flush_all()
        self.assertEqual(set(self.changed()), {confirmed.id, self.orders[3].id, self.quotation.id, new.id})
        self.assertSameAsOdoo()
        # The cron takes them into the snapshot (with the orders of customers and products written since).
        self.assertGreaterEqual(self.report._tile_snapshot_update(), 4)
        self.env.cr.execute(
            f"SELECT SUM(tile_m2) FROM {SNAPSHOT_TABLE} WHERE tile_order_id = %s AND tile_is_tile",
            [confirmed.id],
        )
        self.assertAlmostEqual(self.env.cr.fetchone()[0], 400 * 1.92 + 20.16, 2)
        self.assertSameAsOdoo()

    def test_writing_orders_calls_the_cron_in_once_per_transaction(self):
        cron = self.env.ref("tile_analytics.ir_cron_tile_sales_snapshot")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.env.cr.precommit.data.pop("tile_sales_snapshot_soon", None)  # a new transaction
        self.orders[0].client_order_ref = "PO 42"
        self.orders[1].order_line[:1].tile_entry_qty = 30
        self.assertEqual(len(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]) - triggers), 1)

    def test_customer_address_shows_after_the_next_update(self):
        self.foshan.city = "广州"
        self.assertFalse(self.changed(), "the orders themselves did not change")
        cities = {g["tile_city"] for g in self.snapshot.read_group(self.domain, ["__count"], ["tile_city"])}
        self.assertIn("佛山", cities, "the customer's old city until the cron's next update")
        self.report._tile_snapshot_update()
        self.assertSameAsOdoo()
        cities = {g["tile_city"] for g in self.snapshot.read_group(self.domain, ["__count"], ["tile_city"])}
        self.assertEqual(cities, {"杭州", "广州"})

    def test_deleted_order_leaves_the_snapshot(self):
        self.quotation.unlink()
        self.assertSameAsOdoo()
        self.env.cr.execute(
            f"SELECT COUNT(*) FROM {SNAPSHOT_TABLE} WHERE tile_order_id = %s", [self.quotation.id]
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_salespeople_see_their_own_orders_through_the_snapshot(self):
        rows = self.snapshot.with_user(self.seller).search(self.domain)
        self.assertEqual(
            set(rows.mapped("order_reference")), set(self.orders.filtered(lambda o: o.user_id == self.seller))
        )
        self.assertEqual(
            self.snapshot.with_user(self.seller).read_group(self.domain, ["tile_m2:sum"], [])[0]["tile_m2"],
            self.report.with_user(self.seller).read_group(self.domain, ["tile_m2:sum"], [])[0]["tile_m2"],
        )

    def test_without_snapshot_odoos_query(self):
        self.env.cr.execute(f"DELETE FROM {SNAPSHOT_STATE_TABLE}")
        self.assertIsNone(self.report._tile_snapshot_reading())
        self.assertSameAsOdoo()

    def test_each_company_in_its_own_currency(self):
        hk = self.env["res.company"].create({"name": "Tile HK", "currency_id": self.env.ref("base.HKD").id})
        self.env.user.company_ids |= hk
        order = self.tile_order(self.foshan.with_company(hk), [(self.tile_800, 10, "box")], company_id=hk.id)
        order.action_confirm()
        self.backdate(order)
        self.report._tile_snapshot_update(rebuild=True)
        in_hk = self.snapshot.with_company(hk).with_context(allowed_company_ids=hk.ids)
        self.assertFalse(in_hk._tile_snapshot_reading()[1])
        self.assertEqual(
            in_hk.read_group(self.domain, ["price_subtotal:sum", "tile_m2:sum"], ["company_id"], lazy=False),
            self.report.with_company(hk)
            .with_context(allowed_company_ids=hk.ids)
            .read_group(self.domain, ["price_subtotal:sum", "tile_m2:sum"], ["company_id"], lazy=False),
        )
        self.assertAlmostEqual(in_hk.read_group(self.domain, ["tile_m2:sum"], [])[0]["tile_m2"], 19.2, 2)
        # Both companies at once, in two currencies: Odoo's query converts, the snapshot is not read.
        both = self.snapshot.with_context(allowed_company_ids=(self.env.company | hk).ids)
        self.assertIsNone(both._tile_snapshot_reading())
        self.assertSameAsOdoo()

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, sql

from odoo.addons.sale.report.sale_report import SaleReport as OdooSaleReport

# Seasons of the Chinese building trade, by month of the order (months of the order date in UTC).
SEASONS = [("spring", "Spring"), ("summer", "Summer"), ("autumn", "Autumn"), ("winter", "Winter")]
_SEASON_SQL = """CASE
    WHEN EXTRACT(MONTH FROM s.date_order) IN (3, 4, 5) THEN 'spring'
    WHEN EXTRACT(MONTH FROM s.date_order) IN (6, 7, 8) THEN 'summer'
    WHEN EXTRACT(MONTH FROM s.date_order) IN (9, 10, 11) THEN 'autumn'
    ELSE 'winter' END"""

# The tile views read the sales analysis from a snapshot of its rows, a table kept up to date by
# a cron every minute, plus Odoo's own query for the orders changed since (SaleReport._table_query).
SNAPSHOT_TABLE = "tile_sale_report_snapshot"
# One row: when the snapshot was last brought up to date and fully rebuilt, and its columns.
SNAPSHOT_STATE_TABLE = "tile_sale_report_snapshot_state"
# An update takes again the orders written from this long before the previous one: a transaction
# that ran across it commits rows stamped with its own start time.
SNAPSHOT_MARGIN = timedelta(minutes=10)
# Rebuilt from scratch this often (what no write date tells: units of measure, deleted lines...).
SNAPSHOT_REBUILD_EVERY = timedelta(days=1)
# Beyond this many orders changed since the snapshot, the tile views read Odoo's query.
SNAPSHOT_MAX_CHANGED = 10000


def _product_selection(name):
    return lambda self: self.env["product.template"]._fields[name]._description_selection(self.env)


class SaleReport(models.Model):
    """Odoo's sales analysis, also in tile units and by tile attributes, province, city and season."""

    _inherit = "sale.report"

    tile_is_tile = fields.Boolean("Is a Tile", readonly=True)
    tile_m2 = fields.Float("m²", digits=(16, 2), readonly=True)
    tile_boxes = fields.Float("Boxes", digits=(16, 2), readonly=True)
    tile_pieces = fields.Float("Pieces", digits=(16, 0), readonly=True)
    tile_weight = fields.Float("Tile Weight (kg)", digits=(16, 1), readonly=True)
    tile_format = fields.Char("Format", readonly=True)
    tile_series_id = fields.Many2one("tile.series", "Series", readonly=True)
    tile_body = fields.Selection(_product_selection("tile_body"), string="Body", readonly=True)
    tile_finish = fields.Selection(_product_selection("tile_finish"), string="Finish", readonly=True)
    tile_city = fields.Char("Customer City", readonly=True)
    tile_season = fields.Selection(SEASONS, "Season", readonly=True)

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        # Quantities are the order lines' own stored tile figures: the report sums what the
        # order shows, to the box.
        res.update(
            {
                "tile_is_tile": "COALESCE(t.tile_is_tile, FALSE)",
                "tile_m2": "SUM(COALESCE(l.tile_m2, 0))",
                "tile_boxes": "SUM(COALESCE(l.tile_boxes, 0))",
                "tile_pieces": "SUM(COALESCE(l.tile_pieces, 0))",
                "tile_weight": "SUM(COALESCE(l.tile_weight, 0))",
                "tile_format": "t.tile_format",
                "tile_series_id": "t.tile_series_id",
                "tile_body": "t.tile_body",
                "tile_finish": "t.tile_finish",
                "tile_city": "partner.city",
                "tile_season": _SEASON_SQL,
            }
        )
        return res

    def _group_by_sale(self):
        # The primary keys stand for the tile's and the customer's columns (PostgreSQL's
        # functional dependency): two integers to sort on instead of six columns.
        return super()._group_by_sale() + ", t.id, partner.id"

    def _where_sale(self):
        where = super()._where_sale()
        order_ids = self.env.context.get("tile_sales_order_ids")
        if isinstance(order_ids, list | tuple):
            # Odoo's query on some orders only: the snapshot's updates and the orders changed since.
            ids = [int(order_id) for order_id in order_ids]
            where += f" AND s.id IN ({', '.join(map(str, ids))})" if ids else " AND FALSE"
        return where

    @property
    def _table_query(self):
        """Odoo's query, or with ``tile_sales_snapshot`` in the context (the tile views) the
        snapshot's rows of the orders unchanged since its last update plus Odoo's query on the others.

        The same rows either way, except that a change to a customer or a product (province,
        city, category, format...) shows after the next update (the cron runs every minute).
        Without a usable snapshot (not taken yet, taken before a module added a column, companies
        in several currencies selected, too many orders changed since), Odoo's query.
        """
        reading = self.env.context.get("tile_sales_snapshot") and self._tile_snapshot_reading()
        if not reading:
            return super()._table_query
        columns, changed = reading
        select = SQL(", ").join(SQL.identifier(column) for column in columns)
        parts = [
            SQL(
                "SELECT %s FROM %s WHERE company_id IN %s %s",
                select,
                SQL.identifier(SNAPSHOT_TABLE),
                tuple(self.env.companies.ids),
                SQL("AND tile_order_id NOT IN %s", tuple(changed)) if changed else SQL(),
            )
        ]
        if changed or type(self)._query is not OdooSaleReport._query:
            # The changed orders as constants, not a subquery: PostgreSQL then still scans the
            # snapshot in parallel. Other sources of the report (POS orders...) are read live.
            live = self.with_context(tile_sales_snapshot=False, tile_sales_order_ids=changed)._table_query
            parts.append(SQL("SELECT %s FROM (%s) tile_live", select, SQL(live)))
        return SQL(" UNION ALL ").join(parts)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        if not self.env.context.get("tile_sales_snapshot") or offset or limit or orderby:
            return super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        # Odoo orders many2one groups by their model's order, which joins that model and groups by
        # its columns too: PostgreSQL then expects as many groups as rows and sorts them all.
        # Grouped by the ids alone it hashes them (a million rows in a quarter of the time); the
        # groups are then put in Odoo's order here.
        groups = super(SaleReport, self.with_context(tile_sales_order_by_id=True)).read_group(
            domain, fields, groupby, lazy=lazy
        )
        groupby = [groupby] if isinstance(groupby, str) else list(groupby)
        return self._tile_sort_groups(groups, groupby[:1] if lazy else groupby)

    def _read_group_orderby(self, order, groupby_terms, query):
        if self.env.context.get("tile_sales_order_by_id"):
            order = ""  # the groups' own values, many2one ids included
        return super()._read_group_orderby(order, groupby_terms, query)

    @api.model
    def _tile_sort_groups(self, groups, specs):
        """``groups`` (ordered by their values, many2one ids included) in Odoo's order: many2one
        values in their model's order (empty last), other values as they came."""
        ranks = {}
        for spec in specs:
            field = self._fields[spec.split(":")[0]]
            if field.type == "many2one":
                ids = list({group[spec][0] for group in groups if group[spec]})
                comodel = self.env[field.comodel_name].sudo().with_context(active_test=False)
                ranks[spec] = {
                    record_id: rank for rank, record_id in enumerate(comodel.search([("id", "in", ids)]).ids)
                }
        seen = {}  # (level, values of the levels before) -> {value: rank as it came}
        keys = []
        for group in groups:
            key = []
            for level, spec in enumerate(specs):
                value = group[spec]
                if spec in ranks:
                    key.append(ranks[spec][value[0]] if value else len(ranks[spec]))
                else:
                    # Within equal values of the levels before, the values came in order.
                    order = seen.setdefault((level, tuple(map(str, (group[s] for s in specs[:level])))), {})
                    key.append(order.setdefault(str(value), len(order)))
            keys.append(key)
        return [group for _key, group in sorted(zip(keys, groups, strict=True), key=lambda pair: pair[0])]

    # The snapshot ------------------------------------------------------------------------------

    def init(self):
        result = super().init()
        cr = self.env.cr
        # Finding the orders changed since the snapshot must not scan a million lines.
        sql.create_index(cr, "tile_sale_order_write_date_index", "sale_order", ["write_date"])
        sql.create_index(cr, "tile_sale_order_line_write_date_index", "sale_order_line", ["write_date"])
        cr.execute(
            SQL(
                """CREATE TABLE IF NOT EXISTS %s (updated_at timestamp NOT NULL,
                       rebuilt_at timestamp NOT NULL, columns varchar[] NOT NULL)""",
                SQL.identifier(SNAPSHOT_STATE_TABLE),
            )
        )
        return result

    @api.model
    def _tile_snapshot_state(self):
        """(updated_at, rebuilt_at, columns) of the snapshot, or None when there is none."""
        cr = self.env.cr
        cr.execute(
            "SELECT to_regclass(%s) IS NOT NULL AND to_regclass(%s) IS NOT NULL",
            [SNAPSHOT_TABLE, SNAPSHOT_STATE_TABLE],
        )
        if not cr.fetchone()[0]:
            return None
        cr.execute(
            SQL("SELECT updated_at, rebuilt_at, columns FROM %s", SQL.identifier(SNAPSHOT_STATE_TABLE))
        )
        return cr.fetchone()

    @api.model
    def _tile_report_columns(self):
        """The report's columns, as Odoo's query names them."""
        return [name for name, field in self._fields.items() if field.store and field.column_type]

    @api.model
    def _tile_changed_order_ids(self, since, limit=None, master_data=False):
        """Ids of the orders written since ``since`` (the order or one of its lines), and with
        ``master_data`` those whose customer or product was; at most ``limit``."""
        master = """UNION SELECT s.id FROM sale_order s JOIN res_partner p ON p.id = s.partner_id
                     WHERE p.write_date >= %(since)s
                    UNION SELECT l.order_id FROM sale_order_line l
                      JOIN product_product pp ON pp.id = l.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE pp.write_date >= %(since)s OR pt.write_date >= %(since)s"""
        self.env.cr.execute(
            SQL(
                f"""SELECT id FROM sale_order WHERE write_date >= %(since)s
                    UNION SELECT order_id FROM sale_order_line WHERE write_date >= %(since)s
                    {master if master_data else ""}
                    LIMIT %(limit)s""",
                since=since,
                limit=limit,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _tile_snapshot_reading(self):
        """(columns, ids of the orders changed since the snapshot's update) or None when the
        snapshot cannot stand for Odoo's query."""
        # Orders written in this transaction count as changed once written to the database.
        self.env["sale.order.line"].flush_model()
        self.env["sale.order"].flush_model()
        state = self._tile_snapshot_state()
        columns = self._tile_report_columns()
        # The snapshot holds each company's amounts in its own currency: read as they are when the
        # companies selected share one (Odoo's query then converts nothing).
        if not state or not set(columns) <= set(state[2]) or len(self.env.companies.currency_id) > 1:
            return None
        changed = self._tile_changed_order_ids(state[0], limit=SNAPSHOT_MAX_CHANGED + 1)
        return (columns, changed) if len(changed) <= SNAPSHOT_MAX_CHANGED else None

    @api.model
    def _tile_sale_query(self):
        """Odoo's query of the sales part of the report (no UNION of other sources such as POS),
        from its own hooks; None when a module changes its shape in a way the snapshot cannot follow."""
        if self._with_sale():
            return None
        return (
            f"SELECT {self._select_sale()} FROM {self._from_sale()} "
            f"WHERE {self._where_sale()} GROUP BY {self._group_by_sale()}"
        )

    @api.model
    def _tile_snapshot_update(self, rebuild=False):
        """Bring the snapshot up to date: every sales row of every company, in its company's currency.

        The orders changed since the last update (or whose customer or product changed) are
        taken again; the whole snapshot is rebuilt daily, when its columns changed, or with
        ``rebuild``. Returns the number of orders taken again (None: rebuilt).
        """
        cr = self.env.cr
        # One update at a time (the cron and a manual call); the other one just skips.
        cr.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [SNAPSHOT_TABLE])
        if not cr.fetchone()[0]:
            return 0
        self.env.flush_all()
        self.init()  # the state table, if the module was not updated since this code came
        context = {key: value for key, value in self.env.context.items() if not key.startswith("tile_sales_")}
        # Odoo's query company by company: each one's amounts in its own currency (unconverted).
        reports = [
            self.sudo().with_context(context, allowed_company_ids=company.ids)
            for company in self.env["res.company"].sudo().search([])
        ]
        queries = [report._tile_sale_query() for report in reports]
        state = self._tile_snapshot_state()
        if not all(queries):
            cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(SNAPSHOT_TABLE)))
            cr.execute(SQL("DELETE FROM %s", SQL.identifier(SNAPSHOT_STATE_TABLE)))
            return 0
        now = cr.now()
        cr.execute(SQL("SELECT * FROM (%s) r LIMIT 0", SQL(queries[0])))
        columns = [column.name for column in cr.description] + ["tile_order_id"]
        if rebuild or not state or state[2] != columns or now - state[1] >= SNAPSHOT_REBUILD_EVERY:
            self._tile_snapshot_rebuild(queries)
            cr.execute(SQL("DELETE FROM %s", SQL.identifier(SNAPSHOT_STATE_TABLE)))
            cr.execute(
                SQL(
                    "INSERT INTO %s VALUES (%s, %s, %s)",
                    SQL.identifier(SNAPSHOT_STATE_TABLE),
                    now,
                    now,
                    columns,
                )
            )
            return None
        ids = self._tile_changed_order_ids(state[0] - SNAPSHOT_MARGIN, master_data=True)
        if ids:
            cr.execute(
                SQL("DELETE FROM %s WHERE tile_order_id = ANY(%s)", SQL.identifier(SNAPSHOT_TABLE), ids)
            )
            changed = SQL(" UNION ALL ").join(
                SQL(report.with_context(tile_sales_order_ids=ids)._tile_sale_query()) for report in reports
            )
            cr.execute(
                SQL(
                    "INSERT INTO %s SELECT r.*, l.order_id FROM (%s) r JOIN sale_order_line l ON l.id = r.id",
                    SQL.identifier(SNAPSHOT_TABLE),
                    changed,
                )
            )
        cr.execute(SQL("UPDATE %s SET updated_at = %s", SQL.identifier(SNAPSHOT_STATE_TABLE), now))
        return len(ids)

    @api.model
    def _tile_snapshot_rebuild(self, queries):
        """Build the snapshot from ``queries`` aside and swap it in: readers keep the old one meanwhile."""
        cr = self.env.cr
        new = SQL.identifier(f"{SNAPSHOT_TABLE}_new")
        cr.execute(SQL("DROP TABLE IF EXISTS %s", new))
        cr.execute(
            SQL(
                """CREATE TABLE %s AS SELECT r.*, l.order_id AS tile_order_id
                     FROM (%s) r JOIN sale_order_line l ON l.id = r.id""",
                new,
                SQL(" UNION ALL ").join(SQL(query) for query in queries),
            )
        )
        cr.execute(SQL("CREATE INDEX ON %s (tile_order_id)", new))
        cr.execute(SQL("CREATE INDEX ON %s (date)", new))
        cr.execute(SQL("CREATE INDEX ON %s (id)", new))  # records read by id (lists)
        # A deleted order leaves the snapshot with it.
        cr.execute(
            SQL(
                """ALTER TABLE %s ADD FOREIGN KEY (tile_order_id)
                   REFERENCES sale_order (id) ON DELETE CASCADE NOT VALID""",
                new,
            )
        )
        cr.execute(SQL("ANALYZE %s", new))
        cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(SNAPSHOT_TABLE)))
        cr.execute(SQL("ALTER TABLE %s RENAME TO %s", new, SQL.identifier(SNAPSHOT_TABLE)))

    @api.model
    def _tile_snapshot_soon(self):
        """Have the cron take this transaction's orders into the snapshot as soon as it commits
        (until then the tile views read them live, a little slower); once per transaction."""
        flags = self.env.cr.precommit.data
        if flags.get("tile_sales_snapshot_soon"):
            return
        flags["tile_sales_snapshot_soon"] = True
        cron = self.env.ref("tile_analytics.ir_cron_tile_sales_snapshot", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _tile_cron_update_snapshot(self):
        self._tile_snapshot_update()

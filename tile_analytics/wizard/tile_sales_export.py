from datetime import datetime, time, timedelta

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..xlsx import write_xlsx

# Rows read from sale.report per query: bounded memory, few round trips.
CHUNK = 5000
# Columns of the file, in order, then the row's id for paging.
SELECTED = [
    "date",
    "name",
    "partner_id",
    "state_id",
    "tile_city",
    "product_id",
    "tile_format",
    "tile_series_id",
    "tile_season",
    "tile_m2",
    "tile_boxes",
    "tile_pieces",
    "tile_weight",
    "price_subtotal",
    "user_id",
    "id",
]
# Many2one columns shown by name: field -> position in SELECTED.
NAMED = {"partner_id": 2, "state_id": 3, "product_id": 5, "tile_series_id": 7, "user_id": 14}


class TileSalesExport(models.TransientModel):
    """Confirmed sales lines with their tile figures, as an XLSX file (Sales › Reporting)."""

    _name = "tile.sales.export"
    _description = "Export Tile Sales (XLSX)"

    date_from = fields.Date("From", required=True, default=lambda self: fields.Date.today().replace(day=1))
    date_to = fields.Date("To", required=True, default=fields.Date.today)
    state_ids = fields.Many2many(
        "res.country.state", string="Provinces", help="Customers' provinces; empty for all."
    )
    tile_format = fields.Char("Format", help="Part of the format, e.g. 800×800; empty for all.")
    tiles_only = fields.Boolean(default=True)

    def action_export(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(_("The start date must be on or before the end date."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/tile_analytics/sales.xlsx?wizard_id={self.id}",
            "target": "download",
        }

    def _tile_filename(self):
        return f"tile-sales-{self.date_from}-{self.date_to}.xlsx"

    def _tile_domain(self):
        # Order dates are UTC datetimes, as the report's seasons: whole UTC days, end included.
        domain = [
            ("date", ">=", datetime.combine(self.date_from, time.min)),
            ("date", "<", datetime.combine(self.date_to + timedelta(days=1), time.min)),
            ("state", "not in", ("draft", "sent", "cancel")),
        ]
        if self.tiles_only:
            domain.append(("tile_is_tile", "=", True))
        if self.state_ids:
            domain.append(("state_id", "in", self.state_ids.ids))
        if self.tile_format:
            domain.append(("tile_format", "ilike", self.tile_format.strip()))
        return domain

    def _tile_columns(self):
        return [
            (_("Date"), "date"),
            (_("Order"), "text"),
            (_("Customer"), "text"),
            (_("Province"), "text"),
            (_("City"), "text"),
            (_("Product"), "text"),
            (_("Format"), "text"),
            (_("Series"), "text"),
            (_("Season"), "text"),
            (_("m²"), "m2"),
            (_("Boxes"), "qty"),
            (_("Pieces"), "qty"),
            (_("Weight (kg)"), "kg"),
            (_("Untaxed amount (company currency)"), "money"),
            (_("Salesperson"), "text"),
        ]

    def _tile_rows(self):
        """Rows of the export, read CHUNK at a time as the current user.

        ``_search`` applies the user's access rights and record rules (salespeople: their own
        orders); only the needed columns are selected, as plain tuples, since building
        records and dicts for every row would cost more than the query itself. Names of
        customers, products... are read once per id through the ORM.

        Keyset paging on (date, id) instead of OFFSET: sale.report is a grouped query, and
        each OFFSET page would aggregate and skip every earlier row again. The extra
        ``date >= last`` term is on a grouping column, so PostgreSQL pushes it into the
        report's query and later pages aggregate only the remaining orders.
        """
        report = self.env["sale.report"]
        seasons = dict(report._fields["tile_season"]._description_selection(self.env))
        names = {fname: {} for fname in NAMED}
        base = self._tile_domain()
        domain = base
        while True:
            query = report._search(domain, limit=CHUNK, order="date, id")
            self.env.cr.execute(
                query.select(*(report._field_to_sql(report._table, fname, query) for fname in SELECTED))
            )
            chunk = self.env.cr.fetchall()
            for fname, position in NAMED.items():
                missing = {row[position] for row in chunk} - names[fname].keys() - {None}
                comodel = self.env[report._fields[fname].comodel_name].browse(missing)
                names[fname].update((rec.id, rec.display_name) for rec in comodel)
            for row in chunk:
                yield (
                    row[0],
                    row[1],
                    names["partner_id"].get(row[2]),
                    names["state_id"].get(row[3]),
                    row[4],
                    names["product_id"].get(row[5]),
                    row[6],
                    names["tile_series_id"].get(row[7]),
                    seasons.get(row[8]),
                    # numeric columns come back as Decimal
                    *(float(value or 0) for value in row[9:14]),
                    names["user_id"].get(row[14]),
                )
            if len(chunk) < CHUNK:
                return
            last_date, last_id = chunk[-1][0], chunk[-1][-1]
            domain = base + [
                ("date", ">=", last_date),
                "|",
                ("date", ">", last_date),
                ("id", ">", last_id),
            ]

    def _tile_write_xlsx(self, fileobj):
        """The export itself (controller and benchmark): write the file, return the row count."""
        self.ensure_one()
        return write_xlsx(
            fileobj,
            self._tile_columns(),
            self._tile_rows(),
            sheet_name=_("Tile Sales"),
            total_label=_("Total"),
        )

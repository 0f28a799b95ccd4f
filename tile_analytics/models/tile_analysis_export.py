from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

from ..xlsx import write_xlsx

# Records read per query: bounded memory, few round trips.
CHUNK = 10000


class TileAnalysisExport(models.TransientModel):
    """One XLSX export of an analysis list (customer behaviour, cost and margin...): the model
    and the filter the user had, streamed by ``/tile_analytics/analysis.xlsx``.

    A model takes part by defining ``_tile_xlsx_columns()``: [(field, label, kind)], kind one of
    xlsx.FORMATS. Rows are read as the user (access rights and record rules apply).
    """

    _name = "tile.analysis.export"
    _description = "Export an Analysis (XLSX)"

    res_model = fields.Char(required=True)
    domain = fields.Char(required=True, default="[]")

    @api.model
    def _tile_start(self, res_model, domain):
        """The download action of ``res_model``'s records matching ``domain``."""
        if not hasattr(self.env.get(res_model), "_tile_xlsx_columns"):
            raise UserError(self.env._("This list cannot be exported as a tile analysis."))
        self.env[res_model].check_access("read")
        export = self.create({"res_model": res_model, "domain": repr(list(domain or []))})
        return {
            "type": "ir.actions.act_url",
            "url": f"/tile_analytics/analysis.xlsx?export_id={export.id}",
            "target": "download",
        }

    @api.model
    def _tile_start_from_list(self, res_model):
        """From a list's action menu: the selected rows, or the whole filter when all are selected
        (the web client then sends at most 20,000 ids, the filter has no such limit)."""
        ids = self.env.context.get("active_ids") or []
        domain = self.env.context.get("active_domain")
        if domain is not None and self.env[res_model].search_count(domain, limit=len(ids) + 1) <= len(ids):
            return self._tile_start(res_model, domain)
        return self._tile_start(res_model, [("id", "in", ids)])

    def _tile_filename(self):
        return f"{self.res_model.replace('.', '-')}-{fields.Date.context_today(self)}.xlsx"

    def _tile_rows(self, columns):
        model = self.env[self.res_model]
        domain = safe_eval(self.domain)
        selections = {
            fname: dict(model._fields[fname]._description_selection(self.env))
            for fname, _label, _kind in columns
            if model._fields[fname].type == "selection"
        }
        last_id = 0
        while True:
            # Keyset paging on id: each query starts where the last one ended.
            records = model.search(domain + [("id", ">", last_id)], order="id", limit=CHUNK)
            for values in records.read([fname for fname, _label, _kind in columns]):
                row = []
                for fname, _label, _kind in columns:
                    value = values[fname]
                    if isinstance(value, tuple):  # many2one: (id, name)
                        value = value[1]
                    elif fname in selections:
                        value = selections[fname].get(value)
                    row.append(value)
                yield row
            records.invalidate_recordset()  # keep the cache, hence memory, flat
            if len(records) < CHUNK:
                return
            last_id = records[-1].id

    def _tile_write_xlsx(self, fileobj):
        """Write the file, return the row count."""
        self.ensure_one()
        model = self.env[self.res_model]
        columns = model._tile_xlsx_columns()
        return write_xlsx(
            fileobj,
            [(label, kind) for _fname, label, kind in columns],
            self._tile_rows(columns),
            sheet_name=model._description,
            total_label=self.env._("Total"),
        )

import base64

from odoo import Command, _, fields, models
from odoo.exceptions import UserError

from .. import boq


class TileBoqImport(models.TransientModel):
    """A contractor's bill of quantities (area, tile reference, m²) into a draft contract:
    its lines and its phases, all rows or none."""

    _name = "tile.boq.import"
    _description = "Bill of Quantities Import"

    contract_id = fields.Many2one("sale.order", required=True, domain=[("tile_is_contract", "=", True)])
    file = fields.Binary("BOQ File", required=True, help="XLSX, XLS, ODS or CSV: columns Area, Tile, m².")
    file_name = fields.Char()

    def _problem(self, code):
        return {
            "no_area": _("no area (phase) given"),
            "no_reference": _("no tile reference given"),
            "m2_not_a_number": _("m² is not a number"),
            "m2_out_of_range": _("m² must be above 0 and at most 10,000,000"),
        }[code]

    def _rows(self):
        """The file's rows through Odoo's own import reader (CSV, XLS, XLSX, ODS)."""
        raw = base64.b64decode(self.file)
        reader = self.env["base_import.import"].create(
            {"res_model": "tile.project.phase.line", "file": raw, "file_name": self.file_name}
        )
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = ""  # let Odoo's importer guess (GBK from Chinese Excel, ...)
        _count, rows = reader._read_file({"quoting": '"', "separator": "", "encoding": encoding})
        return [list(row) for row in rows]

    def _find_tile(self, reference):
        Product = self.env["product.product"]
        domain = [("tile_is_tile", "=", True), ("sale_ok", "=", True)]
        return Product.search(domain + [("default_code", "=", reference)], limit=1) or Product.search(
            domain + [("name", "=", reference)], limit=1
        )

    def action_import(self):
        self.ensure_one()
        contract = self.contract_id
        if contract.tile_contract_state != "draft":
            raise UserError(
                _("Import a bill of quantities into a draft contract; %s is signed.", contract.name)
            )
        if not contract.tile_project_id:
            raise UserError(_("Set the construction project of %s first.", contract.name))
        rows = self._rows()
        if not rows:
            raise UserError(_("The file is empty."))
        try:
            good, errors = boq.read_rows(rows)
        except ValueError as missing:
            raise UserError(
                _(
                    "The first row must name the columns Area, Tile and m² (also 区域, 瓷砖, 面积); "
                    "missing: %s.",
                    ", ".join(missing.args[0]),
                )
            ) from None
        problems = [
            _("Row %(row)s: %(problem)s", row=number, problem=self._problem(code)) for number, code in errors
        ]
        tiles = {}
        for row in good:
            tile = tiles.get(row.reference) or self._find_tile(row.reference)
            if not tile:
                problems.append(_("Row %(row)s: unknown tile '%(tile)s'", row=row.number, tile=row.reference))
            tiles[row.reference] = tile
        if problems:
            raise UserError(
                _(
                    "Nothing was imported. Correct these rows and import the file again:\n%s",
                    "\n".join(problems),
                )
            )
        self._write(contract, good, tiles)
        contract.message_post(
            body=_(
                "Bill of quantities %(file)s imported: %(rows)s rows.",
                file=self.file_name or "",
                rows=len(good),
            )
        )
        return {"type": "ir.actions.act_window_close"}

    def _write(self, contract, rows, tiles):
        """Contract lines (m² per tile) and phases (m² per tile and area) from checked rows."""
        per_tile, per_phase = {}, {}
        for row in rows:
            tile = tiles[row.reference]
            per_tile[tile] = per_tile.get(tile, 0.0) + row.m2
            key = (row.area, row.building)
            per_phase.setdefault(key, {})
            per_phase[key][tile] = per_phase[key].get(tile, 0.0) + row.m2
        lines = {}
        for tile, m2 in per_tile.items():
            line = contract.order_line.filtered(lambda sol, t=tile: sol.product_id == t)[:1]
            if line:
                before = line.tile_entry_qty if line.tile_entry_unit == "m2" else line.tile_m2
                line.write({"tile_entry_unit": "m2", "tile_entry_qty": before + m2})
            else:
                contract.write(
                    {
                        "order_line": [
                            Command.create(
                                {"product_id": tile.id, "tile_entry_unit": "m2", "tile_entry_qty": m2}
                            )
                        ]
                    }
                )
                line = contract.order_line.filtered(lambda sol, t=tile: sol.product_id == t)[:1]
            lines[tile] = line
        Phase = self.env["tile.project.phase"]
        start = (
            contract.commitment_date.date() if contract.commitment_date else fields.Date.context_today(self)
        )
        for (area, building), needs in per_phase.items():
            phase = Phase.search(
                [("project_id", "=", contract.tile_project_id.id), ("name", "=", area)], limit=1
            )
            if not phase:
                # Dates to be planned on the timeline; a month is a placeholder.
                phase = Phase.create(
                    {
                        "name": area,
                        "building": building,
                        "project_id": contract.tile_project_id.id,
                        "date_start": start,
                        "date_end": fields.Date.add(start, days=30),
                    }
                )
            phase.write(
                {
                    "line_ids": [
                        Command.create({"contract_line_id": lines[tile].id, "planned_m2": m2})
                        for tile, m2 in needs.items()
                    ]
                }
            )

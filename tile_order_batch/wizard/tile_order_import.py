import base64
import binascii
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tile_order_base import tile_bounds, tile_math
from odoo.addons.tile_order_base.models.sale_order_line import MAX_LINE_M2

from .. import line_import
from ..line_import import RowError


class TileOrderImport(models.TransientModel):
    """Adds lines to a quotation from rows pasted or uploaded from a spreadsheet.

    Every row is read and checked first; if any row is wrong the wizard lists the rows
    with what to do and nothing is created, so a half-imported quotation never exists.
    """

    _name = "tile.order.import"
    _description = "Import Order Lines"

    order_id = fields.Many2one("sale.order", "Quotation", required=True, readonly=True, ondelete="cascade")
    paste_text = fields.Text(
        "Pasted Rows",
        help="Copy the rows in Excel or WPS and paste them here. Columns: tile reference "
        "(internal reference, barcode or exact name), quantity, unit (m2, box, pcs; 平方, 箱, 片), "
        "room (optional). A header row is recognised and skipped.",
    )
    file = fields.Binary(
        "Spreadsheet File",
        attachment=False,
        help="An .xlsx or .csv file with the same columns (first sheet of a workbook).",
    )
    file_name = fields.Char()
    state = fields.Selection(
        [("draft", "To Import"), ("error", "To Correct")], default="draft", required=True
    )
    error_ids = fields.One2many("tile.order.import.error", "wizard_id", "Rows to Correct", readonly=True)
    error_count = fields.Integer(compute="_compute_error_count")

    @api.depends("error_ids")
    def _compute_error_count(self):
        for wizard in self:
            wizard.error_count = len(wizard.error_ids)

    # ------------------------------------------------------------------ reading

    def _read_rows(self):
        """[(row number, cells)] of the file or the pasted text; UserError for the whole input."""
        try:
            if self.file:
                return self._rows_of_file()
            if (self.paste_text or "").strip():
                return line_import.rows_from_text(self.paste_text)
        except RowError as err:
            problem, fix = self._error_texts(err)
            raise UserError(_("%(problem)s %(fix)s", problem=problem, fix=fix)) from err
        raise UserError(_("Paste the rows copied from your spreadsheet, or upload an .xlsx or .csv file."))

    def _rows_of_file(self):
        # Bounded before decoding: base64 is 4/3 of the file.
        if len(self.file) > line_import.MAX_FILE_BYTES * 4 // 3 + 4:
            raise UserError(
                _(
                    "The file is larger than %s MB; split it, or keep only the columns to import.",
                    line_import.MAX_FILE_BYTES // (1024 * 1024),
                )
            )
        try:
            data = base64.b64decode(self.file, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise UserError(_("The file could not be read; upload it again.")) from exc
        name = (self.file_name or "").lower()
        if name.endswith(".xlsx") or (not name and data[:2] == b"PK"):
            return line_import.rows_from_xlsx(data)
        if name.endswith((".csv", ".txt")):
            return line_import.rows_from_csv(data)
        raise UserError(
            _(
                "%s is neither an .xlsx nor a .csv file; "
                "save it as .xlsx (Excel, WPS: Save As) and upload it again.",
                self.file_name,
            )
        )

    def _parse_rows(self, columns, data):
        """(rows ready to create, [(row number, RowError)])."""
        rows, errors = [], []
        for number, cells in data:
            values = line_import.row_values(cells, columns)
            try:
                reference = line_import.read_text_cell(values["reference"], "reference_too_long")
                if not reference:
                    raise RowError("no_reference")
                room = line_import.read_text_cell(values["room"], "room_too_long")
                qty, unit = line_import.read_quantity(values["quantity"], values["unit"])
            except RowError as err:
                errors.append((number, err))
                continue
            rows.append({"row": number, "reference": reference, "room": room, "qty": qty, "unit": unit})
        products = self._find_products({row["reference"] for row in rows})
        ready = []
        for row in rows:
            try:
                self._complete_row(row, products.get(row["reference"]))
            except RowError as err:
                errors.append((row["row"], err))
                continue
            ready.append(row)
        errors.sort(key=lambda error: error[0])
        return ready, errors

    def _find_products(self, references):
        """{reference: products} matching by internal reference, else barcode, else exact name."""
        Product = self.env["product.product"]
        base = [("sale_ok", "=", True), ("company_id", "in", [False, self.order_id.company_id.id])]
        found = defaultdict(Product.browse)
        for field in ("default_code", "barcode", "name"):
            remaining = [ref for ref in references if ref not in found]
            if not remaining:
                break
            for product in Product.search(base + [(field, "in", remaining)]):
                found[product[field]] |= product
        return found

    def _complete_row(self, row, products):
        """Check one row against its product; adds 'product', 'unit', 'm2' to ``row``."""
        if not products:
            raise RowError("unknown_product", reference=row["reference"])
        if len(products) > 1:
            raise RowError("ambiguous_product", reference=row["reference"], count=len(products))
        tmpl = products.product_tmpl_id
        row["product"] = products
        row["m2"] = 0.0
        if not tmpl.tile_is_tile:
            if row["unit"] in ("m2", "box"):
                raise RowError("not_tile_unit", reference=row["reference"])
            return
        row["unit"] = row["unit"] or "m2"
        if tmpl.tile_pieces_per_box <= 0 or tmpl.tile_m2_per_box <= 0:
            raise RowError("no_pack", reference=row["reference"])
        pieces = tile_math.pieces_from(
            row["qty"], row["unit"], tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box, not tmpl.tile_allow_loose
        )
        row["m2"] = tile_math.m2_from_pieces(pieces, tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box)
        # The limits the order line applies, said here per row instead of once for all.
        if pieces > tile_bounds.LINE_PIECES or row["m2"] > MAX_LINE_M2:
            raise RowError("line_too_big", reference=row["reference"], m2=round(row["m2"]), max=MAX_LINE_M2)

    # ------------------------------------------------------------------ writing

    def _create_lines(self, rows):
        """Create the lines: rows without a room before the first room, the others under their room."""
        order = self.order_id
        SaleLine = self.env["sale.order.line"]
        existing = order.order_line
        sections = existing.filtered(lambda sol: sol.display_type == "line_section")
        plain_sequence = (
            min(sections.mapped("sequence")) - 1 if sections else max(existing.mapped("sequence") or [10])
        )
        lines = SaleLine.create([self._line_values(row, plain_sequence) for row in rows if not row["room"]])
        # Rooms by name as typed, folded: "Kitchen" and "kitchen " are one room.
        rooms = {line_import.fold(room.name): room for room in order.tile_room_ids}
        targets = {}  # folded room name: (room or None, section line)
        for row in rows:
            key = line_import.fold(row["room"])
            if not key or key in targets:
                continue
            room = rooms.get(key)
            if not room:
                area = sum(other["m2"] for other in rows if line_import.fold(other["room"]) == key)
                room = self._new_room(row["room"], area) if area > 0 else None
            targets[key] = (room, self._room_section(room, row["room"]))
        for row in rows:
            if row["room"]:
                room, section = targets[line_import.fold(row["room"])]
                lines |= SaleLine.create(self._line_values(row, section.sequence, room))
        return lines

    def _new_room(self, name, area):
        # The spreadsheet's quantities are what to order: the room's area is their m² and no
        # wastage is added on top (the take-off would add it again on "Apply Wastage").
        return self.env["tile.room"].create(
            {
                "order_id": self.order_id.id,
                "name": name,
                "area_input_m2": round(area, 2),
                "wastage_percent": 0.0,
            }
        )

    def _room_section(self, room, name):
        """The section line the room's rows go under (made when missing)."""
        if room and room.section_line_id:
            return room.section_line_id
        section = self.env["sale.order.line"].create(
            {
                "order_id": self.order_id.id,
                "display_type": "line_section",
                "name": room.name if room else name,
                "sequence": max(self.order_id.order_line.mapped("sequence") or [0]) + 1,
                "tile_room_id": room.id if room else False,
            }
        )
        if room:
            room.section_line_id = section
        return section

    def _line_values(self, row, sequence, room=None):
        values = {
            "order_id": self.order_id.id,
            "product_id": row["product"].id,
            "sequence": sequence,
            "tile_room_id": room.id if room else False,
        }
        if row["product"].tile_is_tile:
            values.update(tile_entry_unit=row["unit"], tile_entry_qty=row["qty"])
        else:
            values["product_uom_qty"] = row["qty"]
        return values

    def action_import(self):
        """Read and check every row; create all lines, or none and list the rows to correct."""
        self.ensure_one()
        order = self.order_id
        if order.state not in ("draft", "sent"):
            raise UserError(
                _("%s is no longer a quotation: lines can only be imported into quotations.", order.name)
            )
        columns, data = line_import.split_header(self._read_rows())
        if not data:
            raise UserError(_("No row to import: paste or upload at least one row under the header."))
        rows, errors = self._parse_rows(columns, data)
        errors = [(number, *self._error_texts(err)) for number, err in errors]
        if not errors:
            try:
                with self.env.cr.savepoint():
                    lines = self._create_lines(rows)
            except (UserError, ValidationError) as exc:
                # A check of the order itself (not of one row): the whole import is refused.
                errors = [(0, str(exc.args[0]), _("Correct the rows or the quotation, then import again."))]
        if errors:
            self.write(
                {
                    "state": "error",
                    "error_ids": [Command.clear()]
                    + [
                        Command.create({"row": row, "problem": problem, "fix": fix})
                        for row, problem, fix in errors
                    ],
                }
            )
            return self._action_reopen()
        count = len(lines.filtered(lambda sol: not sol.display_type))
        return order._tile_notification(
            _("%(count)s lines imported into %(order)s.", count=count, order=order.name)
        )

    def action_retry(self):
        """Back to the input after correcting it (the error list goes)."""
        self.ensure_one()
        self.write({"state": "draft", "error_ids": [Command.clear()]})
        return self._action_reopen()

    def _action_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": _("Import Lines"),
        }

    def _error_texts(self, err):
        """(what is wrong, what to do) of a RowError, in the user's language."""
        v = err.values
        # Lazily: only the message of this error is translated.
        texts = {
            "too_long": lambda: (
                _("The pasted text is too long (more than %s characters).", v.get("max")),
                _("Import the rows in several parts."),
            ),
            "too_many_rows": lambda: (
                _("More than %s rows.", v.get("max")),
                _("Import the rows in several parts."),
            ),
            "encoding": lambda: (
                _("The CSV file's characters cannot be read."),
                _("Save it as CSV UTF-8 or as .xlsx and upload it again."),
            ),
            "not_xlsx": lambda: (
                _("The file is not an .xlsx workbook that can be read."),
                _("Open it in Excel or WPS, save it as .xlsx and upload it again."),
            ),
            "no_reference": lambda: (
                _("The tile reference is empty."),
                _("Enter the internal reference, the barcode or the exact name of the product."),
            ),
            "reference_too_long": lambda: (
                _("The tile reference is longer than %s characters.", v.get("max")),
                _("Check that the columns are reference, quantity, unit, room."),
            ),
            "room_too_long": lambda: (
                _("The room name is longer than %s characters.", v.get("max")),
                _("Use a short room name, e.g. Kitchen."),
            ),
            "qty_empty": lambda: (
                _("The quantity is empty."),
                _("Enter the quantity, e.g. 12.5."),
            ),
            "qty_garbage": lambda: (
                _("The quantity '%s' is not a number.", v.get("value")),
                _("Write it in figures without thousands separators, e.g. 1250.5."),
            ),
            "qty_zero": lambda: (
                _("The quantity '%s' is not above zero.", v.get("value")),
                _("Enter a quantity above zero, or delete the row."),
            ),
            "qty_range": lambda: (
                _(
                    "The quantity '%(value)s' is above the limit of %(max)s.",
                    value=v.get("value"),
                    max=v.get("max"),
                ),
                _("Check the figure and its unit."),
            ),
            "unit": lambda: (
                _("The unit '%s' is not known.", v.get("unit")),
                _("Use m2 (m², 平方), box (箱) or pcs (片)."),
            ),
            "unit_conflict": lambda: (
                _(
                    "The quantity '%(value)s' and the unit '%(unit)s' say different units.",
                    value=v.get("value"),
                    unit=v.get("unit"),
                ),
                _("Keep the unit in one column only."),
            ),
            "unknown_product": lambda: (
                _("No product for sale has the reference, barcode or name '%s'.", v.get("reference")),
                _("Check it against Sales › Products (exact spelling), or create the product first."),
            ),
            "ambiguous_product": lambda: (
                _(
                    "'%(reference)s' matches %(count)s products.",
                    reference=v.get("reference"),
                    count=v.get("count"),
                ),
                _("Use the internal reference or the barcode, which name one product."),
            ),
            "not_tile_unit": lambda: (
                _("%s is not a tile: it cannot be sold by m² or box.", v.get("reference")),
                _("Give its quantity in its own unit (leave the unit empty or write pcs)."),
            ),
            "no_pack": lambda: (
                _("%s has no pieces or m² per box.", v.get("reference")),
                _("Fill the product's Tile tab first."),
            ),
            "line_too_big": lambda: (
                _(
                    "%(reference)s: %(m2)s m² on one line is above the limit of %(max)s m².",
                    reference=v.get("reference"),
                    m2=v.get("m2"),
                    max=v.get("max"),
                ),
                _("Check the quantity and its unit, or split the order into phases."),
            ),
        }
        return texts[err.code]()

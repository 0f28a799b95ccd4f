from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import tile_bounds, tile_math

# Above this many m² on one line the figure is almost surely a typo (a whole
# tower block is rarely one line); large projects are split into phases.
MAX_LINE_M2 = 100_000


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["sale.order.line", "tile.quantity.mixin", "tile.bounds.mixin"]

    tile_entry_unit = fields.Selection(
        [("m2", "m²"), ("box", "Boxes"), ("piece", "Pieces")],
        "Entered In",
        default="m2",
        help="Unit the salesperson typed the quantity in.",
    )
    tile_entry_qty = fields.Float(
        "Asked Quantity",
        digits=(16, 2),
        help="Quantity as the customer asked for it, in the unit chosen in 'Entered In'. "
        "The order quantity (pieces) is derived from it.",
    )
    # Typed in the line list as "25.5 m2", "14 箱" or "6 pcs": sets the asked quantity and its unit.
    tile_entry_text = fields.Char(
        "Quantity Typed",
        compute="_compute_tile_entry_text",
        inverse="_inverse_tile_entry_text",
        help="Type the quantity with its unit and tab on: 25.5 m2 (m², ㎡, 平方, 平米), "
        "14 box (boxes, 箱) or 6 pcs (pieces, 片, 块). A bare number keeps the line's unit.",
    )
    tile_allow_loose = fields.Boolean(
        "Loose Pieces",
        compute="_compute_tile_allow_loose",
        store=True,
        readonly=False,
        precompute=True,
        help="Allow loose pieces on this line instead of rounding up to whole boxes.",
    )
    tile_rounding_note = fields.Char("Rounding", compute="_compute_tile_rounding_note")
    # The asked quantity cannot be used: the row is red and the note says why, as it is typed.
    tile_problem = fields.Boolean(compute="_compute_tile_rounding_note")
    tile_price_per_m2 = fields.Float("Price/m²", compute="_compute_tile_unit_prices", digits="Product Price")
    tile_price_per_box = fields.Float(
        "Price/Box", compute="_compute_tile_unit_prices", digits="Product Price"
    )
    tile_room_id = fields.Many2one("tile.room", "Room", index="btree_not_null", ondelete="set null")

    @api.model
    def _tile_bounds(self):
        return dict(super()._tile_bounds(), tile_entry_qty=tile_bounds.ENTRY_QTY)

    @api.model_create_multi
    def create(self, vals_list):
        # product_uom_qty has a default (1.0), which would win over its compute:
        # derive the pieces from the asked quantity before the record exists.
        # The products' tile data in one read for all such lines, not one per line.
        self.env["product.product"].browse(
            {
                vals["product_id"]
                for vals in vals_list
                if type(vals.get("product_id")) is int and vals.get("tile_entry_qty")
            }
        ).product_tmpl_id.mapped("tile_pieces_per_box")
        for vals in vals_list:
            if "tile_entry_text" in vals:
                vals.update(
                    self._tile_entry_vals_from_text(vals.pop("tile_entry_text"), vals.get("tile_entry_unit"))
                )
            self._tile_check_bound_vals(vals)
            if vals.get("tile_entry_qty") and "product_uom_qty" not in vals and not vals.get("display_type"):
                pieces = self._tile_pieces_from_vals(vals)
                if pieces is not None:
                    vals["product_uom_qty"] = pieces
        return super().create(vals_list)

    def write(self, vals):
        if "tile_entry_text" in vals:
            vals = dict(vals)
            text = vals.pop("tile_entry_text")
            units = set(self.mapped("tile_entry_unit"))
            if len(units) > 1 and "tile_entry_unit" not in vals:
                # A bare number keeps each line's own unit.
                for line in self:
                    line.write(dict(vals, tile_entry_text=text))
                return True
            unit = vals.get("tile_entry_unit") or (units.pop() if units else None)
            vals.update(self._tile_entry_vals_from_text(text, unit))
        return super().write(vals)

    @api.depends("tile_entry_qty", "tile_entry_unit")
    def _compute_tile_entry_text(self):
        for line in self:
            line.tile_entry_text = tile_math.format_quantity(
                line.tile_entry_qty, line.tile_entry_unit, self._tile_unit_labels(line.tile_entry_qty)
            )

    def _inverse_tile_entry_text(self):
        # create() and write() turn the text into quantity and unit before anything is
        # written; this covers an assignment that reaches the inverse by another way.
        for line in self:
            line.update(line._tile_entry_vals_from_text(line.tile_entry_text, line.tile_entry_unit))

    @api.model
    def _tile_unit_labels(self, qty):
        """Unit names shown after a typed quantity; each one parse_quantity reads back."""
        return {"m2": "m²", "box": _("box") if qty == 1 else _("boxes"), "piece": _("pcs")}

    @api.model
    def _tile_entry_vals_from_text(self, text, unit=None):
        """{tile_entry_qty, tile_entry_unit} of a typed quantity, or a UserError saying what to type.

        Empty text clears the asked quantity (the line keeps its unit).
        """
        if text is not None and text is not False and not isinstance(text, str):
            text = str(text)  # 14 sent over RPC reads as "14"
        if not (text or "").strip():
            return {"tile_entry_qty": 0.0}
        try:
            qty, unit = tile_math.parse_quantity(text, unit or "m2")
        except tile_math.QuantityTextError as error:
            raise UserError(self._tile_entry_text_message(error)) from None
        vals = {"tile_entry_qty": qty, "tile_entry_unit": unit}
        self._tile_check_bound_vals(vals)
        return vals

    @api.model
    def _tile_entry_text_message(self, error):
        """The user's-language sentence for a QuantityTextError."""
        example = _("Type a number and its unit, e.g. 25.5 m2, 14 box or 6 pcs (also 平方, 箱, 片).")
        if error.reason == "negative":
            return _(
                "'%(text)s': a quantity cannot be negative; type what the customer needs.", text=error.text
            )
        if error.reason == "unit":
            return _(
                "'%(text)s': '%(unit)s' is not a unit tiles are sold in. %(example)s",
                text=error.text,
                unit=error.unit_text,
                example=example,
            )
        return _("'%(text)s' is not a quantity. %(example)s", text=error.text, example=example)

    @api.onchange("tile_entry_text")
    def _onchange_tile_entry_text(self):
        # While typing: a bad text leaves the line as it was and says why as a notice;
        # saving the same text is refused by write() with the same sentence.
        if self.tile_entry_text == tile_math.format_quantity(
            self.tile_entry_qty, self.tile_entry_unit, self._tile_unit_labels(self.tile_entry_qty)
        ):
            return None
        try:
            vals = self._tile_entry_vals_from_text(self.tile_entry_text, self.tile_entry_unit)
        except (UserError, ValidationError) as error:
            return {
                "warning": {
                    "title": _("Check the quantity typed"),
                    "message": error.args[0],
                    "type": "notification",
                }
            }
        self.update(vals)
        return None

    @api.model
    def _tile_pieces_from_vals(self, vals):
        """Pieces for create() values, or None when the constraints must speak instead."""
        tmpl = self.env["product.product"].browse(vals.get("product_id")).product_tmpl_id
        pieces_per_box, m2_per_box = tmpl.tile_pieces_per_box, tmpl.tile_m2_per_box
        if not tmpl.tile_is_tile or pieces_per_box <= 0 or m2_per_box <= 0 or vals["tile_entry_qty"] < 0:
            return None
        loose = vals.get("tile_allow_loose", tmpl.tile_allow_loose)
        return tile_math.pieces_from(
            vals["tile_entry_qty"],
            vals.get("tile_entry_unit") or "m2",
            pieces_per_box,
            m2_per_box,
            whole_boxes=not loose,
        )

    @api.depends("product_id")
    def _compute_tile_allow_loose(self):
        for line in self:
            line.tile_allow_loose = line.product_id.tile_allow_loose

    # Base dependencies repeated: an override's @api.depends replaces the parent's.
    @api.depends(
        "display_type",
        "product_id",
        "product_packaging_qty",
        "tile_entry_qty",
        "tile_entry_unit",
        "tile_allow_loose",
        "tile_is_tile",
        "tile_pieces_per_box",
        "tile_m2_per_box",
    )
    def _compute_product_uom_qty(self):
        res = super()._compute_product_uom_qty()
        for line in self:
            if (
                line.display_type
                or not line._tile_priced()
                or not line.tile_entry_qty
                # Out of bounds: the form shows why on the line; saving refuses it.
                or line._tile_bound_message("tile_entry_qty", line.tile_entry_qty)
            ):
                continue
            line.product_uom_qty = line._tile_pieces_for_entry()
        return res

    @api.onchange("tile_entry_qty")
    def _onchange_tile_entry_qty_bounds(self):
        # Said while typing, next to the red Asked cell, as a notice rather than a dialog;
        # the line's note (Rounding column) keeps the reason, and saving refuses the figure.
        message = self._tile_bound_message("tile_entry_qty", self.tile_entry_qty)
        if message:
            return {
                "warning": {
                    "title": _("Check the asked quantity"),
                    "message": message,
                    "type": "notification",
                }
            }

    def _tile_pieces_for_entry(self):
        """Pieces that cover the asked quantity; extend to change the rounding policy."""
        self.ensure_one()
        # Also reached from the form's onchange, before create/write could check it.
        self._tile_check_bound_vals({"tile_entry_qty": self.tile_entry_qty})
        return tile_math.pieces_from(
            self.tile_entry_qty,
            self.tile_entry_unit,
            self.tile_pieces_per_box,
            self.tile_m2_per_box,
            whole_boxes=not self.tile_allow_loose,
        )

    @api.depends("tile_entry_qty", "tile_entry_unit", "tile_pieces", "tile_m2", "tile_boxes")
    def _compute_tile_rounding_note(self):
        units = dict(self._fields["tile_entry_unit"]._description_selection(self.env))
        for line in self:
            note = line._tile_bound_message("tile_entry_qty", line.tile_entry_qty)
            line.tile_problem = bool(note)
            if not note and line._tile_priced() and line.tile_entry_qty:
                asked_pieces = tile_math.pieces_from(
                    line.tile_entry_qty,
                    line.tile_entry_unit,
                    line.tile_pieces_per_box,
                    line.tile_m2_per_box,
                    whole_boxes=False,
                )
                exact = line.tile_entry_unit == "m2" and abs(line.tile_m2 - line.tile_entry_qty) < 0.005
                if line.tile_pieces != asked_pieces or (line.tile_entry_unit == "m2" and not exact):
                    boxes, loose = tile_math.split_boxes(line.tile_pieces, line.tile_pieces_per_box)
                    note = (
                        _(
                            "%(asked)s %(unit)s asked → %(boxes)s boxes + %(loose)s pieces = "
                            "%(m2)s m² (%(pieces)s pieces)",
                            asked=round(line.tile_entry_qty, 4),
                            unit=units.get(line.tile_entry_unit),
                            boxes=boxes,
                            loose=loose,
                            m2=round(line.tile_m2, 2),
                            pieces=line.tile_pieces,
                        )
                        if loose
                        else _(
                            "%(asked)s %(unit)s asked → %(boxes)s boxes = %(m2)s m² (%(pieces)s pieces)",
                            asked=round(line.tile_entry_qty, 4),
                            unit=units.get(line.tile_entry_unit),
                            boxes=boxes,
                            m2=round(line.tile_m2, 2),
                            pieces=line.tile_pieces,
                        )
                    )
            line.tile_rounding_note = note

    @api.depends("price_unit", "tile_price_unit_type", "tile_m2_per_box")
    def _compute_tile_unit_prices(self):
        for line in self:
            per_m2, per_box = tile_math.unit_prices(
                line.price_unit, line.tile_price_unit_type, line.tile_m2_per_box
            )
            line.tile_price_per_m2 = per_m2 if line._tile_priced() else 0.0
            line.tile_price_per_box = per_box if line._tile_priced() else 0.0

    @api.onchange("product_id")
    def _onchange_product_id_tile_entry(self):
        # An asked m² quantity means nothing for a product sold in plain units.
        if self.product_id and not self.product_id.tile_is_tile:
            self.tile_entry_qty = 0.0

    @api.constrains("tile_entry_qty", "tile_entry_unit", "product_id")
    def _check_tile_entry_qty(self):
        for line in self.filtered(lambda sol: sol.tile_entry_qty and not sol.display_type):
            if not line.product_id.tile_is_tile:
                raise ValidationError(
                    _(
                        "%(product)s has no tile data, so it cannot be sold by m², box or piece. "
                        "Enter the quantity in the product's own unit, or fill the product's Tile tab.",
                        product=line.product_id.display_name,
                    )
                )
            if line.tile_entry_qty < 0:
                raise ValidationError(
                    _(
                        "%(product)s: the asked quantity cannot be negative; enter what the customer needs.",
                        product=line.product_id.display_name,
                    )
                )
            if line.tile_m2 > MAX_LINE_M2:
                raise ValidationError(
                    _(
                        "%(product)s: %(m2)s m² on one line looks like a typo (the limit is %(max)s m²). "
                        "Check the quantity and its unit, or split the order into phases.",
                        product=line.product_id.display_name,
                        m2=round(line.tile_m2),
                        max=MAX_LINE_M2,
                    )
                )

    # Base dependencies repeated: an override's @api.depends replaces the parent's.
    @api.depends("product_uom_qty", "discount", "price_unit", "tax_id", "tile_price_qty")
    def _compute_amount(self):
        return super()._compute_amount()

    @api.depends(
        "state",
        "product_id",
        "untaxed_amount_invoiced",
        "qty_delivered",
        "product_uom_qty",
        "price_unit",
        "tile_price_qty",
    )
    def _compute_untaxed_amount_to_invoice(self):
        res = super()._compute_untaxed_amount_to_invoice()
        # Odoo multiplies the price by the quantity in pieces; a tile's price is per m²
        # or per box, so the amount is that price times the m² (or boxes) still due.
        for line in self.filtered(lambda sol: sol.state == "sale" and sol._tile_priced()):
            pieces = (
                line.qty_delivered if line.product_id.invoice_policy == "delivery" else line.product_uom_qty
            )
            base_line = line._prepare_base_line_for_taxes_computation(
                quantity=line._tile_price_qty_of(pieces)
            )
            self.env["account.tax"]._add_tax_details_in_base_line(base_line, line.company_id)
            subtotal = line.currency_id.round(base_line["tax_details"]["raw_total_excluded_currency"])
            line.untaxed_amount_to_invoice = subtotal - line.untaxed_amount_invoiced
        return res

    def _tile_price_qty_of(self, pieces):
        """Quantity in the price's unit (m² or boxes) of ``pieces`` of this line's tile."""
        self.ensure_one()
        return tile_math.price_quantity(
            pieces, self.tile_price_unit_type, self.tile_pieces_per_box, self.tile_m2_per_box
        )

    @api.constrains("product_uom", "product_id", "tile_is_tile")
    def _check_tile_uom(self):
        for line in self.filtered(lambda sol: sol.tile_is_tile and not sol.display_type):
            if line.product_uom and line.product_uom != line.product_id.uom_id:
                raise ValidationError(
                    _(
                        "%(product)s is sold in %(unit)s (pieces); to sell by m² or boxes use "
                        "'Entered In' instead of another unit of measure. Set the line's unit back "
                        "to %(unit)s.",
                        product=line.product_id.display_name,
                        unit=line.product_id.uom_id.name,
                    )
                )

    def _prepare_base_line_for_taxes_computation(self, **kwargs):
        # A tile's price is per m² or per box: the subtotal is that price times the
        # quantity in m² or boxes, rounded once, never a rounded per-piece price.
        if self._tile_priced() and "quantity" not in kwargs:
            kwargs["quantity"] = self.tile_price_qty
        return super()._prepare_base_line_for_taxes_computation(**kwargs)

    def _prepare_invoice_line(self, **optional_values):
        res = super()._prepare_invoice_line(**optional_values)
        if self.tile_is_tile and not self.display_type:
            res.update(self._tile_pack_values())
        return res

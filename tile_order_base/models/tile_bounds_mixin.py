from odoo import _, api, models
from odoo.exceptions import ValidationError

from .. import tile_bounds


class TileBoundsMixin(models.AbstractModel):
    """Checks typed numbers against their bounds before create/write reach the database.

    Constraints run after the row is written, too late for a number PostgreSQL
    refuses (integer out of range): the values are checked here first.
    """

    _name = "tile.bounds.mixin"
    _description = "Bounds of typed tile numbers"

    @api.model
    def _tile_bounds(self):
        """{field name: (low, high)} of the numbers checked; extend to add fields."""
        return {}

    @api.model
    def _tile_check_bound_vals(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is not None and field.type in ("one2many", "many2many") and isinstance(value, list):
                self._tile_check_bound_commands(field, value)
            if field is not None:
                self._tile_check_value_type(field, value)
            message = self._tile_bound_message(name, value)
            if message:
                raise ValidationError(message)

    @api.model
    def _tile_bound_message(self, name, value):
        """Why ``value`` cannot go in field ``name`` (with what to enter), or None."""
        bounds = self._tile_bounds()
        field = self._fields.get(name)
        if field is None or name not in bounds:
            return None
        problem = tile_bounds.bound_error(value, bounds[name])
        if not problem and field.type == "integer" and isinstance(value, float) and not value.is_integer():
            problem = "whole"
        if not problem:
            return None
        label = field._description_string(self.env)
        low, high = bounds[name]
        if problem == "whole":
            return self.env._("%(field)s is counted in whole numbers; enter e.g. 4, not 4.5.", field=label)
        if problem == "type":
            return self.env._("%(field)s must be a number; enter it in figures, e.g. 12.5.", field=label)
        # Figures formatted first: the translation extractor reads no f-string in a call.
        shown = {"low": f"{low:,}", "high": f"{high:,}", "value": f"{value:,}"}
        return _(
            "%(field)s must be between %(low)s and %(high)s; %(value)s is outside. "
            "Check the figure and its unit.",
            field=label,
            **shown,
        )

    @api.model
    def _tile_check_value_type(self, field, value):
        """Refuse a record reference or date of the wrong kind before PostgreSQL sees it."""
        if value is None or value is False:
            return
        if field.type == "many2one" and not isinstance(value, int | models.BaseModel | models.NewId):
            raise ValidationError(
                _(
                    "%(field)s expects a record, not %(value)r.",
                    field=field._description_string(self.env),
                    value=value,
                )
            )
        if field.type in ("date", "datetime"):
            try:
                field.convert_to_cache(value, self)
            except (ValueError, TypeError) as exc:
                raise ValidationError(
                    _(
                        "%(field)s expects a date such as 2026-12-31, not %(value)r.",
                        field=field._description_string(self.env),
                        value=value,
                    )
                ) from exc

    @api.model
    def _tile_check_bound_commands(self, field, commands):
        """Check the values of lines created or written through ``field`` (e.g. order lines)."""
        comodel = self.env[field.comodel_name]
        if not hasattr(comodel, "_tile_check_bound_vals"):
            return
        for command in commands:
            if isinstance(command, list | tuple) and len(command) == 3 and command[0] in (0, 1):
                if isinstance(command[2], dict):
                    comodel._tile_check_bound_vals(command[2])

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._tile_check_bound_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._tile_check_bound_vals(vals)
        return super().write(vals)

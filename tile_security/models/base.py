from odoo import api, models


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        """Export columns that reach a hidden price (tile.price.guard) come out empty.

        An export walks its paths with attribute access, not ``read``: an order's total
        exported from a delivery ('sale_id/amount_total') would otherwise get through.
        """
        result = super().export_data(fields_to_export)
        hidden = [
            index
            for index, path in enumerate(fields_to_export)
            if self._tile_price_on_path(path, "/") is not None
        ]
        for row in result.get("datas", []) if hidden else []:
            for index in hidden:
                row[index] = False
        return result

    @api.model
    def _search(self, domain, *args, **kwargs):
        # A search on a hidden price tells the price: refused like reading it, from any model
        # (Odoo searches the lines of 'order_line.price_unit' as the superuser).
        if not self.env.su and domain:
            self._tile_check_price_domain(domain)
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _tile_check_price_domain(self, domain):
        for leaf in domain:
            if not (isinstance(leaf, list | tuple) and len(leaf) == 3 and isinstance(leaf[0], str)):
                continue
            guard = self._tile_price_on_path(leaf[0], ".")
            if guard is not None:  # an empty recordset of the guarded model
                raise guard._tile_price_refusal([leaf[0].split(".")[-1]])
            if leaf[1] in ("any", "not any") and isinstance(leaf[2], list | tuple):
                field = self._fields.get(leaf[0])
                if field is not None and field.relational:
                    self.env[field.comodel_name]._tile_check_price_domain(leaf[2])

    @api.model
    def _tile_price_on_path(self, path, separator):
        """The guarded model whose hidden price the path reaches, else None."""
        model = self
        for name in path.split(separator):
            field = model._fields.get(name.split(":")[0])
            if field is None:
                return None
            # Models inheriting tile.price.guard: sales orders and their lines.
            if (
                hasattr(model, "_tile_price_fields")
                and field.name in model._tile_price_fields()
                and model._tile_prices_hidden()
            ):
                return model
            if not field.relational:
                return None
            model = self.env[field.comodel_name]
        return None

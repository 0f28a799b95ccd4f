from odoo import _, api, models
from odoo.exceptions import AccessError

# Who sees what a customer pays: sales and finance (invoicing, accounting, auditors). Odoo
# gives warehouse and manufacturing users read and write on orders (sale_stock, sale_mrp) so
# that deliveries and manufacturing update them; they see quantities, never prices.
PRICE_GROUPS = "sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly"


class TilePriceGuard(models.AbstractModel):
    """Prices of a sales document hidden from internal users outside sales and finance.

    Only what reaches the user is filtered — ``read`` and everything built on it (the web
    client's ``web_read``, ``search_read``), ``read_group`` — and grouping by and writing
    prices are refused; exports and searches on prices: see ``base``. Odoo's own code keeps reading prices through the ORM as
    that user (valuation, delivery, invoicing status), so nothing of Odoo's flows changes.
    """

    _name = "tile.price.guard"
    _description = "Prices hidden from roles without sales or finance rights"

    @api.model
    def _tile_price_extra_fields(self):
        """Price fields that are not Monetary fields (every Monetary field is a price)."""
        return ()

    @api.model
    def _tile_price_fields(self):
        extra = set(self._tile_price_extra_fields())
        return {name for name, field in self._fields.items() if field.type == "monetary" or name in extra}

    @api.model
    def _tile_prices_hidden(self):
        if self.env.su:
            return False
        user = self.env.user
        return user._is_internal() and not user.has_groups(PRICE_GROUPS)

    @api.model
    def _tile_price_refusal(self, fnames):
        return AccessError(
            _(
                "Prices are shown to sales and finance users only; your role sees quantities. "
                "Leave out %(fields)s, or ask a sales or finance colleague.",
                fields=", ".join(sorted(self._fields[fname].string for fname in fnames)),
            )
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        hidden = self._tile_prices_hidden() and self._tile_price_fields().intersection(fnames)
        if hidden:
            for values in result:
                values.update(dict.fromkeys(hidden, False))
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        if not self._tile_prices_hidden():
            return super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        prices = self._tile_price_fields()
        groupby_names = [groupby] if isinstance(groupby, str) else groupby or []
        grouped = {spec.split(":")[0] for spec in groupby_names} & prices
        if grouped:
            raise self._tile_price_refusal(grouped)
        result = super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        for row in result:
            row.update(dict.fromkeys(prices.intersection(row), False))
        return result

    def write(self, vals):
        if self._tile_prices_hidden():
            written = self._tile_price_fields().intersection(vals)
            if written:
                raise self._tile_price_refusal(written)
        return super().write(vals)

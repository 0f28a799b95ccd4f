from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError

# Who sees what a customer pays: sales and finance (invoicing, accounting, auditors). Odoo
# gives warehouse and manufacturing users read and write on orders (sale_stock, sale_mrp) so
# that deliveries and manufacturing update them; they see quantities, never prices.
PRICE_GROUPS = "sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly"
# What a supplier is paid: purchasing and finance (warehouse users read purchase orders to
# receive them, purchase_stock).
PURCHASE_GROUPS = "purchase.group_purchase_user,account.group_account_invoice,account.group_account_readonly"
# What a tile costs (product, lot and move costs): sales (margins), purchasing, finance and
# the warehouse managers who value the stock.
COST_GROUPS = f"{PRICE_GROUPS},purchase.group_purchase_user,stock.group_stock_manager"


class TilePriceGuard(models.AbstractModel):
    """Prices and costs hidden from internal users whose role does not need them.

    Only what reaches the user is filtered — ``read`` and everything built on it (the web
    client's ``web_read``, ``search_read``), ``read_group`` — and grouping by and writing
    prices are refused; exports and searches on prices: see ``base``. Odoo's own code keeps
    reading prices through the ORM as that user (valuation, delivery, invoicing status), so
    nothing of Odoo's flows changes.
    """

    _name = "tile.price.guard"
    _description = "Prices hidden from roles without sales or finance rights"

    tile_prices_hidden = fields.Boolean(
        compute="_compute_tile_prices_hidden",
        help="The forms hide prices and costs from roles that get them empty from the server.",
    )

    @api.depends_context("uid")
    def _compute_tile_prices_hidden(self):
        self.tile_prices_hidden = self._tile_prices_hidden()

    @api.model
    def _tile_price_extra_fields(self):
        """Price fields that are not Monetary fields (every Monetary field is a price)."""
        return ()

    @api.model
    def _tile_price_groups(self):
        """The groups that see this model's prices (any one of them)."""
        return PRICE_GROUPS

    @api.model
    def _tile_price_refuses_writes(self):
        """Whether a user who may not see the prices may not write them either (documents:
        yes; costs: no, Odoo's valuation writes them as the user who validates a transfer)."""
        return True

    @api.model
    @tools.ormcache()
    def _tile_price_fields(self):
        # Cached per model (ormcache keys on it): every write and search asks.
        extra = set(self._tile_price_extra_fields())
        return frozenset(
            name for name, field in self._fields.items() if field.type == "monetary" or name in extra
        )

    @api.model
    def _tile_prices_hidden(self):
        if self.env.su:
            return False
        user = self.env.user
        return user._is_internal() and not user.has_groups(self._tile_price_groups())

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
        hidden = self._tile_price_fields().intersection(fnames)
        if hidden and self._tile_prices_hidden():
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
        if self._tile_price_refuses_writes():
            written = self._tile_price_fields().intersection(vals)
            if written and self._tile_prices_hidden():
                raise self._tile_price_refusal(written)
        return super().write(vals)

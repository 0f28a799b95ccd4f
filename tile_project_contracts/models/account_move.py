from odoo import _, models

from .. import contract_math


class AccountMove(models.Model):
    _inherit = "account.move"

    def _tile_add_contract_lines(self):
        """On a call-off's customer invoice: take back the advance pro rata and withhold the
        retention, each as its own untaxed line on the contract's account."""
        self.ensure_one()
        if self.move_type != "out_invoice" or self.state != "draft":
            return
        goods = {}
        for line in self.invoice_line_ids:
            contract = line.sale_line_ids.order_id.tile_contract_id[:1]
            if contract and not line.tile_contract_role:
                goods[contract] = goods.get(contract, 0.0) + line.price_subtotal
        commands = []
        for contract, value in goods.items():
            currency = contract.currency_id
            if contract.tile_advance_percent:
                left = contract.tile_advance_invoiced - contract.tile_advance_deducted
                amount = currency.round(
                    contract_math.advance_deduction(value, contract.tile_advance_percent, left)
                )
                if currency.compare_amounts(amount, 0) > 0:
                    commands.append(
                        contract._tile_deduction_line(
                            "advance_deduction",
                            _(
                                "Advance deducted: %(percent)s %% of %(contract)s",
                                percent=contract.tile_advance_percent,
                                contract=contract.name,
                            ),
                            amount,
                            "tile_advance_account_id",
                        )
                    )
            if contract.tile_retention_percent:
                amount = currency.round(contract_math.share(value, contract.tile_retention_percent))
                if currency.compare_amounts(amount, 0) > 0:
                    commands.append(
                        contract._tile_deduction_line(
                            "retention",
                            _(
                                "Retention (质保金) withheld: %(percent)s %% of %(contract)s",
                                percent=contract.tile_retention_percent,
                                contract=contract.name,
                            ),
                            amount,
                            "tile_retention_account_id",
                        )
                    )
        if commands:
            self.write({"invoice_line_ids": commands})

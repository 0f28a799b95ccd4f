from odoo import models


class TileSalesExport(models.TransientModel):
    _inherit = "tile.sales.export"

    def _tile_write_xlsx(self, fileobj):
        rows = super()._tile_write_xlsx(fileobj)
        # An export of customer data outside Odoo's export_data: logged like auditlog's exports.
        self.env["tile.audit"]._tile_create_log(
            {
                "name": self._tile_filename()[:64],
                "model_id": self.env["ir.model"]._get_id("sale.report"),
                "method": "export_data",
                "tile_record_count": rows,
            }
        )
        return rows

import re

from odoo import api, fields, models


class AuditlogLog(models.Model):
    _inherit = "auditlog.log"

    tile_record_count = fields.Integer(
        "Records",
        compute="_compute_tile_record_count",
        store=True,
        readonly=False,
        help="How many records an export wrote to its file.",
    )

    @api.depends("res_ids")
    def _compute_tile_record_count(self):
        for log in self:
            log.tile_record_count = len(re.findall(r"\d+", log.res_ids or ""))

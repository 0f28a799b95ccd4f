import tempfile

from werkzeug.exceptions import NotFound
from werkzeug.wsgi import wrap_file

from odoo import http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TileSalesExportController(http.Controller):
    @http.route("/tile_analytics/sales.xlsx", type="http", auth="user", methods=["GET"])
    def tile_sales_xlsx(self, wizard_id=None, **kwargs):
        try:
            wizard_id = int(wizard_id)
        except (TypeError, ValueError):
            raise NotFound() from None
        if not 0 < wizard_id < 2**31:  # beyond PostgreSQL's integer: no such wizard
            raise NotFound()
        # Checked as superuser, then used as the user: someone else's wizard is simply not
        # found, and the report below is read under the user's own record rules.
        wizard = request.env["tile.sales.export"].sudo().browse(wizard_id).exists()
        if not wizard or wizard.create_uid != request.env.user:
            raise NotFound()
        wizard = wizard.sudo(False)
        # An anonymous temporary file: the workbook may be large, and it vanishes when the
        # response, which streams it, closes it.
        tmp = tempfile.TemporaryFile(suffix=".xlsx")
        try:
            wizard._tile_write_xlsx(tmp)
            size = tmp.seek(0, 2)
            tmp.seek(0)
        except Exception:
            tmp.close()
            raise
        response = request.make_response(
            wrap_file(request.httprequest.environ, tmp),
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", str(size)),
                ("Content-Disposition", content_disposition(wizard._tile_filename())),
            ],
        )
        response.direct_passthrough = True
        return response

import tempfile

from werkzeug.exceptions import Forbidden, NotFound
from werkzeug.wsgi import wrap_file

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TileSalesExportController(http.Controller):
    @http.route("/tile_analytics/sales.xlsx", type="http", auth="user", methods=["GET"])
    def tile_sales_xlsx(self, wizard_id=None, **kwargs):
        return self._tile_stream(self._tile_own("tile.sales.export", wizard_id))

    @http.route("/tile_analytics/analysis.xlsx", type="http", auth="user", methods=["GET"])
    def tile_analysis_xlsx(self, export_id=None, **kwargs):
        return self._tile_stream(self._tile_own("tile.analysis.export", export_id))

    def _tile_own(self, model, record_id):
        """The user's own export record, else 404 (someone else's is simply not found)."""
        try:
            record_id = int(record_id)
        except (TypeError, ValueError):
            raise NotFound() from None
        if not 0 < record_id < 2**31:  # beyond PostgreSQL's integer: no such record
            raise NotFound()
        # Checked as superuser, then used as the user: the rows below are read under the
        # user's own access rights and record rules.
        record = request.env[model].sudo().browse(record_id).exists()
        if not record or record.create_uid != request.env.user:
            raise NotFound()
        return record.sudo(False)

    def _tile_stream(self, export):
        # An anonymous temporary file: the workbook may be large, and it vanishes when the
        # response, which streams it, closes it.
        tmp = tempfile.TemporaryFile(suffix=".xlsx")
        try:
            export._tile_write_xlsx(tmp)
            size = tmp.seek(0, 2)
            tmp.seek(0)
        except AccessError:
            tmp.close()
            raise Forbidden() from None
        except Exception:
            tmp.close()
            raise
        response = request.make_response(
            wrap_file(request.httprequest.environ, tmp),
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", str(size)),
                ("Content-Disposition", content_disposition(export._tile_filename())),
            ],
        )
        response.direct_passthrough = True
        return response

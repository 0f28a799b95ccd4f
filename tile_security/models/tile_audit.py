from odoo import Command, api, models


class TileAudit(models.AbstractModel):
    """Writes the suite's own audit entries into OCA auditlog's log, next to the entries of
    auditlog's rules, so that auditors read one trail.

    auditlog's rules log every write of a model; the tile documents need narrower entries
    (prices of confirmed orders only, shade overrides, exports that are not ``export_data``).
    """

    _name = "tile.audit"
    _description = "Tile Audit Trail"

    @api.model
    def _tile_snapshot(self, records, fnames):
        """{record id: {field: value}} of ``records`` before a change."""
        return {rec.id: {fname: rec[fname] for fname in fnames} for rec in records}

    @api.model
    def _tile_log_changes(self, records, fnames, before, method="write"):
        """Log, per record of ``records``, the fields of ``fnames`` whose value differs from
        ``before`` (a snapshot; ``None`` for a creation)."""
        for rec in records:
            old = (before or {}).get(rec.id, {})
            changes = [
                (fname, old.get(fname), rec[fname])
                for fname in fnames
                if before is None or self._tile_differs(rec._fields[fname], old.get(fname), rec[fname])
            ]
            if changes:
                self._tile_log(rec, method, changes)

    @api.model
    def _tile_log(self, record, method, changes, **extra):
        """One auditlog entry on ``record``: ``changes`` is [(field name, old, new)]."""
        model = record._name
        lines = []
        for fname, old, new in changes:
            field = record._fields[fname]
            lines.append(
                Command.create(
                    {
                        "field_id": self.env["ir.model.fields"]._get(model, fname).id,
                        "old_value": self._tile_raw(field, old),
                        "new_value": self._tile_raw(field, new),
                        "old_value_text": self._tile_text(record, field, old),
                        "new_value_text": self._tile_text(record, field, new),
                    }
                )
            )
        return self._tile_create_log(
            dict(
                {
                    "name": (record.sudo().display_name or "")[:64],
                    "model_id": self.env["ir.model"]._get_id(model),
                    "res_id": record.id,
                    "method": method,
                    "line_ids": lines,
                },
                **extra,
            )
        )

    @api.model
    def _tile_create_log(self, vals):
        """Create the auditlog entry as superuser, with auditlog's HTTP request and session."""
        log = self.env["auditlog.log"].sudo()
        vals = dict(
            {
                "user_id": self.env.uid,
                "log_type": "full",
                "http_request_id": self.env["auditlog.http.request"].sudo().current_http_request(),
                "http_session_id": self.env["auditlog.http.session"].sudo().current_http_session(),
            },
            **vals,
        )
        return log.create(vals)

    @api.model
    def _tile_differs(self, field, old, new):
        if field.type in ("float", "monetary"):
            return abs((old or 0.0) - (new or 0.0)) > 1e-9
        return old != new

    @api.model
    def _tile_raw(self, field, value):
        if field.type == "many2one":
            return str(value.id) if value else ""
        if field.type in ("one2many", "many2many"):
            return str(value.ids)
        if value is None or (value is False and field.type != "boolean"):
            return ""
        return str(value)

    @api.model
    def _tile_text(self, record, field, value):
        if field.relational:
            return ", ".join(value.sudo().mapped("display_name")) if value else ""
        if field.type == "selection" and value:
            return dict(field._description_selection(self.env)).get(value, value)
        return self._tile_raw(field, value)

from odoo import _, fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class TileProjectPortal(CustomerPortal):
    """The customer's site manager follows their construction projects and asks for call-offs."""

    def _tile_projects(self):
        """The tile projects of the logged-in customer's company (sudo: portal users read no project)."""
        partner = request.env.user.partner_id.commercial_partner_id
        return (
            request.env["project.project"]
            .sudo()
            .search([("tile_is_site", "=", True), ("partner_id", "child_of", partner.id)])
        )

    def _tile_project_or_404(self, project_id):
        project = self._tile_projects().filtered(lambda p: p.id == project_id)
        if not project:
            raise request.not_found()
        return project

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "tile_project_count" in counters:
            values["tile_project_count"] = len(self._tile_projects())
        return values

    @http.route(["/my/tile-projects"], type="http", auth="user", website=True)
    def portal_my_tile_projects(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"projects": self._tile_projects(), "page_name": "tile_projects"})
        return request.render("tile_project_contracts.portal_my_tile_projects", values)

    @http.route(["/my/tile-projects/<int:project_id>"], type="http", auth="user", website=True)
    def portal_my_tile_project(self, project_id, message=None, **kw):
        project = self._tile_project_or_404(project_id)
        contracts = project.tile_contract_ids.filtered(
            lambda so: so.tile_contract_state in ("active", "closed")
        )
        calloffs = project.tile_calloff_ids.filtered(lambda so: so.state != "cancel")
        upcoming = calloffs.filtered(lambda so: so.delivery_status != "full").sorted(
            lambda so: so.commitment_date or so.date_order
        )
        shades = calloffs.picking_ids.move_line_ids.filtered(
            lambda ml: ml.state == "done" and ml.lot_id
        ).lot_id
        invoices = (calloffs.invoice_ids | contracts.tile_contract_move_line_ids.move_id).filtered(
            lambda move: move.state == "posted"
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "project": project,
                "phases": project.tile_phase_ids,
                "contracts": contracts,
                "upcoming": upcoming,
                "shades": shades,
                "invoices": invoices.sorted("invoice_date", reverse=True),
                "message": message,
                "page_name": "tile_project",
                "today": fields.Date.context_today(request.env.user),
            }
        )
        return request.render("tile_project_contracts.portal_my_tile_project", values)

    @http.route(
        ["/my/tile-projects/<int:project_id>/phases/<int:phase_id>/call-off"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_request_call_off(self, project_id, phase_id, date=None, **kw):
        """Create the phase's call-off as a draft for the project manager to confirm."""
        project = self._tile_project_or_404(project_id)
        phase = project.tile_phase_ids.filtered(lambda ph: ph.id == phase_id)
        if not phase:
            raise request.not_found()
        try:
            wanted = fields.Date.to_date(date)
        except ValueError:
            wanted = None
        if not wanted or wanted < fields.Date.context_today(request.env.user):
            return request.make_response(
                _("Give the delivery date you want, today or later (YYYY-MM-DD)."),
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=400,
            )
        try:
            action = phase.with_context(tile_requested_by=request.env.user.partner_id.id).action_call_off()
        except UserError as error:
            return request.make_response(
                str(error), headers=[("Content-Type", "text/plain; charset=utf-8")], status=400
            )
        calloff = request.env["sale.order"].sudo().browse(action["res_id"])
        calloff.commitment_date = fields.Datetime.to_datetime(wanted)
        requester = request.env.user.partner_id
        note = _(
            "Call-off %(order)s requested by %(who)s on the portal for %(date)s: check and confirm it.",
            order=calloff.name,
            who=requester.name,
            date=wanted,
        )
        calloff.message_post(body=note, author_id=requester.id)
        calloff.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("Confirm the call-off requested on the portal"),
            note=note,
            user_id=(project.user_id or calloff.user_id or request.env.ref("base.user_admin")).id,
        )
        return request.redirect(f"/my/tile-projects/{project.id}?message=requested")

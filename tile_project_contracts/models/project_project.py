from odoo import api, fields, models


class ProjectProject(models.Model):
    """A construction site that buys tiles: its contracts, phases and call-offs."""

    _inherit = "project.project"

    tile_is_site = fields.Boolean(
        "Tile Construction Project", help="A building project supplied with tiles under contract."
    )
    tile_site_address_id = fields.Many2one(
        "res.partner", "Site Address", help="Where the call-offs are delivered."
    )
    tile_contractor_id = fields.Many2one("res.partner", "General Contractor")
    tile_site_contact_ids = fields.Many2many("res.partner", string="Site Contacts")
    tile_salesperson_id = fields.Many2one(
        "res.users", "Salesperson", default=lambda self: self.env.user, domain=[("share", "=", False)]
    )
    tile_contract_ids = fields.One2many(
        "sale.order", "tile_project_id", "Contracts", domain=[("tile_is_contract", "=", True)]
    )
    tile_phase_ids = fields.One2many("tile.project.phase", "project_id", "Phases")
    tile_calloff_ids = fields.One2many(
        "sale.order", "tile_project_id", "Call-offs", domain=[("tile_contract_id", "!=", False)]
    )
    tile_calloff_count = fields.Integer("Call-off Count", compute="_compute_tile_counts")
    tile_phase_count = fields.Integer("Phase Count", compute="_compute_tile_counts")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("tile_is_site", self.env.context.get("default_tile_is_site")):
                # Odoo shows every other project to all employees; a tile site is seen by its
                # followers, its salesperson, project managers, finance and the warehouse.
                vals.setdefault("privacy_visibility", "followers")
        return super().create(vals_list)

    @api.depends("tile_phase_ids", "tile_calloff_ids")
    def _compute_tile_counts(self):
        for project in self:
            project.tile_phase_count = len(project.tile_phase_ids)
            project.tile_calloff_count = len(project.tile_calloff_ids)

    def action_tile_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("tile_project_contracts.action_tile_contracts")
        action["domain"] = [("tile_project_id", "=", self.id), ("tile_is_contract", "=", True)]
        action["context"] = {
            "default_tile_project_id": self.id,
            "default_tile_is_contract": True,
            "default_partner_id": self.partner_id.id,
            "default_partner_shipping_id": self.tile_site_address_id.id,
        }
        return action

    def action_tile_phases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tile_project_contracts.action_tile_project_phases"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_tile_calloffs(self):
        self.ensure_one()
        return self.env["sale.order"]._tile_calloffs_action(
            [("tile_project_id", "=", self.id), ("tile_contract_id", "!=", False)]
        )

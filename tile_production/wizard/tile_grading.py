from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .tile_grading_line import MAX_PIECES


class TileGrading(models.TransientModel):
    _name = "tile.grading"
    _inherit = ["tile.bounds.mixin"]
    _description = "Grade a Kiln Run into Shade Lots"

    production_id = fields.Many2one("mrp.production", required=True, readonly=True)
    product_id = fields.Many2one(related="production_id.product_id")
    pieces_per_box = fields.Integer(related="product_id.tile_pieces_per_box")
    produced_pieces = fields.Integer(
        "Produced (pcs)",
        readonly=True,
        help="What the run produced: graded and failed pieces must add up to it.",
    )
    line_ids = fields.One2many("tile.grading.line", "grading_id", "Shade Groups")
    failed_pieces = fields.Integer(
        "Failed (pcs)", help="Broken, cracked or off-grade pieces: they go to scrap."
    )
    scrap_reason_tag_ids = fields.Many2many("stock.scrap.reason.tag", string="Scrap Reasons")
    graded_pieces = fields.Integer("Graded (pcs)", compute="_compute_totals")
    missing_pieces = fields.Integer(
        "Still to Account For (pcs)", compute="_compute_totals", help="Produced − graded − failed."
    )

    @api.model
    def _tile_bounds(self):
        # Checked before PostgreSQL sees it (its integer stops at 2,147,483,647; found by the fuzz).
        # Negative counts keep their own message (action_grade).
        return dict(super()._tile_bounds(), failed_pieces=(-MAX_PIECES, MAX_PIECES))

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        production = self.env["mrp.production"].browse(
            res.get("production_id") or self.env.context.get("active_id")
        )
        if production:
            res["production_id"] = production.id
            res["produced_pieces"] = round(production._tile_produced_pieces())
        return res

    @api.depends("line_ids.pieces", "failed_pieces", "produced_pieces")
    def _compute_totals(self):
        for wizard in self:
            wizard.graded_pieces = sum(wizard.line_ids.mapped("pieces"))
            wizard.missing_pieces = wizard.produced_pieces - wizard.graded_pieces - wizard.failed_pieces

    def _check_counts(self):
        self.ensure_one()
        production = self.production_id
        if production.state in ("done", "cancel"):
            raise UserError(_("%s is already closed: its output cannot be graded again.", production.name))
        if production.product_id.tracking != "lot":
            raise UserError(
                _(
                    "%s is not tracked by lots: set Tracking to 'By Lots' to grade it.",
                    production.product_id.display_name,
                )
            )
        if not self.line_ids:
            raise UserError(_("Add at least one shade group with the boxes the sorter counted."))
        numbers = [self.failed_pieces] + self.line_ids.mapped("boxes") + self.line_ids.mapped("loose_pieces")
        if any(n < 0 for n in numbers):
            raise UserError(_("Boxes and pieces cannot be negative."))
        if self.graded_pieces + self.failed_pieces > MAX_PIECES:
            raise UserError(_("More than %s pieces from one run: check the counts.", MAX_PIECES))
        keys = [(line.shade.strip(), (line.caliber or "").strip(), line.grade) for line in self.line_ids]
        if len(set(keys)) != len(keys):
            raise UserError(
                _("Each shade, caliber and grade appears once: add up the boxes of repeated groups.")
            )
        if self.missing_pieces:
            raise UserError(
                _(
                    "The counts do not add up: %(graded)s pieces graded + %(failed)s failed = %(total)s, "
                    "but %(mo)s produced %(produced)s pieces. Correct the boxes, the loose pieces or the "
                    "failed pieces.",
                    graded=self.graded_pieces,
                    failed=self.failed_pieces,
                    total=self.graded_pieces + self.failed_pieces,
                    mo=production.name,
                    produced=self.produced_pieces,
                )
            )

    def action_grade(self):
        """Receive the run's output as one lot per shade group; the failed pieces go to scrap."""
        self.ensure_one()
        self._check_counts()
        production = self.production_id
        lots = self._create_lots()
        groups = [(lot, line.pieces) for lot, line in zip(lots, self.line_ids, strict=True) if line.pieces]
        scrap_lot = self.env["stock.lot"]
        if self.failed_pieces:
            scrap_lot = self.env["stock.lot"].create(
                {
                    "name": _("%s-FAILED", production.name),
                    "product_id": production.product_id.id,
                    "company_id": production.company_id.id,
                    "tile_maker_batch": production.name,
                }
            )
            groups.append((scrap_lot, self.failed_pieces))
        production._tile_receive_groups(groups)
        if scrap_lot:
            production._tile_scrap_failed(scrap_lot, self.failed_pieces, self.scrap_reason_tag_ids)
        production.message_post(
            body=_(
                "Graded by %(user)s: %(groups)s; %(failed)s pieces failed.",
                user=self.env.user.name,
                groups=", ".join(
                    f"{lot.name} ({lot.tile_shade_group}): {qty:g}" for lot, qty in groups if lot != scrap_lot
                ),
                failed=self.failed_pieces,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mrp.production",
            "res_id": production.id,
            "view_mode": "form",
            "target": "current",
        }

    def _create_lots(self):
        production = self.production_id
        today = fields.Date.context_today(self)
        return self.env["stock.lot"].create(
            [
                {
                    "name": "-".join(
                        filter(
                            None,
                            [
                                production.name,
                                line.shade.strip(),
                                (line.caliber or "").strip(),
                                line.grade[:1].upper(),
                            ],
                        )
                    ),
                    "product_id": production.product_id.id,
                    "company_id": production.company_id.id,
                    "tile_shade": line.shade.strip(),
                    "tile_caliber": (line.caliber or "").strip() or False,
                    "tile_grade": line.grade,
                    "tile_production_date": today,
                    "tile_maker_batch": production.name,
                }
                for line in self.line_ids
            ]
        )

from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.tile_inventory.tests.common import TileInventoryCommon

# Monday 1 March 2027, midnight UTC: the planner's "now" in the tests.
T0 = datetime(2027, 3, 1)


class TileProductionCommon(TileInventoryCommon):
    """A small factory: one press line (the issue's worked example), a kiln, sorting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round_the_clock = cls.env["resource.calendar"].create(
            {
                "name": "Round the clock",
                "tz": "UTC",
                "attendance_ids": [
                    Command.create(
                        {"name": f"Day {day}", "dayofweek": str(day), "hour_from": 0, "hour_to": 24}
                    )
                    for day in range(7)
                ],
            }
        )
        cls.round_the_clock.hours_per_day = 24
        cls.press_1 = cls.tile_centre(
            "Press line 1", "press", {"600×600": 3000, "800×800": 2400}, changeover=4
        )
        cls.tile_800 = cls.tile_product(800, 800, 120.0)
        (cls.tile_600 | cls.tile_800).write({"is_storable": True, "tracking": "lot"})
        cls.glaze = cls.env["product.product"].create({"name": "Glaze G-12 (kg)", "is_storable": True})
        cls.bom_600 = cls.tile_bom(cls.tile_600, [cls.press_1])
        cls.bom_800 = cls.tile_bom(cls.tile_800, [cls.press_1])
        cls.planner = new_test_user(
            cls.env, login="planner", name="Planner", groups="tile_production.group_tile_production_planner"
        )
        cls.sorter = new_test_user(cls.env, login="sorter", name="Sorter", groups="mrp.group_mrp_user")

    @classmethod
    def tile_centre(cls, name, stage, rates, changeover=0.0, **extra):
        return cls.env["mrp.workcenter"].create(
            dict(
                {
                    "name": name,
                    "tile_stage": stage,
                    "resource_calendar_id": cls.round_the_clock.id,
                    "tile_changeover_hours": changeover,
                    "tile_rate_ids": [
                        Command.create({"tile_format": fmt, "m2_per_day": rate})
                        for fmt, rate in rates.items()
                    ],
                },
                **extra,
            )
        )

    @classmethod
    def tile_bom(cls, product, centres):
        """A bill per m² with one operation per work centre, in route order."""
        return cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "product_qty": product.tile_pieces_per_box / product.tile_m2_per_box,
                "tile_per_m2": True,
                "bom_line_ids": [Command.create({"product_id": cls.glaze.id, "product_qty": 0.5})],
                "operation_ids": [
                    Command.create(
                        {"name": centre.name, "workcenter_id": centre.id, "sequence": 10 * (i + 1)}
                    )
                    for i, centre in enumerate(centres)
                ],
            }
        )

    @classmethod
    def tile_mo(cls, product, m2, deadline, bom=None, **extra):
        """A confirmed MO of ``m2`` of ``product`` due at ``deadline``."""
        tmpl = product.product_tmpl_id
        mo = cls.env["mrp.production"].create(
            extra
            | {
                "product_id": product.id,
                "bom_id": (bom or product.bom_ids[:1]).id,
                "product_qty": round(m2 * tmpl.tile_pieces_per_box / tmpl.tile_m2_per_box, 2),
                "date_deadline": deadline,
            }
        )
        mo.action_confirm()
        return mo

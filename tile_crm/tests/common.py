from odoo import Command

from odoo.addons.tile_order_base.tests.common import TileCommon


class TileCrmCommon(TileCommon):
    """A showroom opportunity: two rooms (one straight, one diagonal) and three liked tiles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"tile_wastage_straight": 7, "tile_wastage_diagonal": 12})
        cls.salesman = cls.tile_salesman("crm_sales_li")
        cls.other_salesman = cls.tile_salesman("crm_sales_zhao")
        cls.manager = cls.tile_salesman("crm_sales_boss", see_all=True)
        cls.lead = cls.tile_lead(
            rooms=[
                {"name": "Living room", "length_m": 5, "width_m": 4, "product_id": cls.tile_600.id},
                {
                    "name": "Kitchen",
                    "area_input_m2": 9.5,
                    "laying_pattern": "diagonal",
                    "product_id": cls.tile_300x600.id,
                },
            ],
            liked=cls.tile_600 | cls.tile_300x600 | cls.tile_1200_box,
        )

    @classmethod
    def tile_lead(cls, rooms=(), liked=None, user=None, partner=None, **extra):
        """An opportunity of ``user`` (the salesman by default; an empty one: unassigned) with ``rooms``."""
        vals = {
            "name": "Showroom visit",
            "type": "opportunity",
            "partner_id": (partner or cls.customer).id,
            "user_id": (cls.salesman if user is None else user).id,
            "tile_room_ids": [
                Command.create(dict(room, sequence=seq)) for seq, room in enumerate(rooms, start=1)
            ],
            "tile_liked_product_ids": [Command.set(liked.ids if liked else [])],
        }
        vals.update(extra)
        return cls.env["crm.lead"].create(vals)

    def new_quotation(self, lead, user=None):
        """Click New Quotation on ``lead`` as ``user``: the quotation it opens."""
        action = lead.with_user(user or self.salesman).action_sale_quotations_new()
        self.assertEqual(action["res_model"], "sale.order")
        return self.env["sale.order"].browse(action["res_id"])

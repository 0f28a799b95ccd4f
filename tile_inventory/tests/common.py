from odoo.addons.tile_order_base.tests.common import TileCommon


class TileInventoryCommon(TileCommon):
    """Tiles stocked by lot in the main warehouse, with helpers to receive lots."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        (cls.tile_600 | cls.tile_300x600 | cls.tile_1200_box).write({"is_storable": True, "tracking": "lot"})

    @classmethod
    def tile_lot(cls, product, name, pieces, shade="A1", caliber="2", grade="premium", **extra):
        lot = cls.env["stock.lot"].create(
            dict(
                {
                    "name": name,
                    "product_id": product.id,
                    "tile_shade": shade,
                    "tile_caliber": caliber,
                    "tile_grade": grade,
                },
                **extra,
            )
        )
        if pieces:
            cls.env["stock.quant"]._update_available_quantity(product, cls.stock, pieces, lot_id=lot)
        return lot

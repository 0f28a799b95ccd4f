from odoo.tests import Form, new_test_user, tagged

from .common import TileLogisticsCommon
from .test_loads import SIGNATURE


@tagged("post_install", "-at_install")
class TestPickingFormForEveryGroup(TileLogisticsCommon):
    """The delivery and receipt forms carry the Shipment tab: every group that opens a transfer
    opens them (buyers open receipts, salespeople their deliveries), on the road or not."""

    def test_every_group_that_opens_transfers_opens_the_forms(self):
        delivery = self.ready_delivery(self.guangzhou, 30)
        self.load(delivery).action_tile_dispatch()
        delivery._tile_record_delivery(
            SIGNATURE,
            "Chen",
            broken={delivery.move_line_ids.id: 1},
        )
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "partner_id": self.customer.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock.id,
            }
        )
        users = {
            "storekeeper": self.storekeeper,
            "dispatcher": self.dispatcher,
            "salesperson": new_test_user(
                self.env, login="tile_pick_seller", groups="sales_team.group_sale_salesman_all_leads"
            ),
        }
        if self.env.ref("purchase.group_purchase_user", raise_if_not_found=False):
            users["buyer"] = new_test_user(
                self.env, login="tile_pick_buyer", groups="purchase.group_purchase_user"
            )
        for label, user in users.items():
            for picking in (delivery, receipt):
                with self.subTest(user=label, picking=picking.picking_type_code):
                    form = Form(picking.with_user(user))
                    self.assertEqual(form.name, picking.name)

import base64

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import TileLogisticsCommon
from .test_loads import SIGNATURE


@tagged("post_install", "-at_install")
class TestTrackingAndDriverPages(TileLogisticsCommon, HttpCase):
    """Customers follow their own deliveries; drivers record only their own trips."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_manager = cls.env["res.partner"].create(
            {"name": "Site manager Chen", "parent_id": cls.guangzhou.id, "email": "chen@example.com"}
        )
        cls.customer_user = cls.portal_user("gz_site", cls.site_manager)
        cls.other_customer = cls.portal_user("sz_buyer")
        cls.other_customer.partner_id.parent_id = cls.shenzhen
        cls.driver = cls.portal_user("driver_li", cls.driver_partner)
        cls.other_driver = cls.portal_user("driver_wu")
        cls.delivery = cls.ready_delivery(cls.guangzhou, 60)
        cls.sz_delivery = cls.ready_delivery(cls.shenzhen, 30)
        cls.trip = cls.load(cls.delivery)
        cls.trip.action_tile_dispatch()
        cls.line = cls.delivery.move_line_ids

    def test_customer_sees_own_delivery_only(self):
        self.authenticate("gz_site", "gz_site_pw")
        listing = self.url_open("/my/deliveries")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.delivery.name, listing.text)
        self.assertNotIn(self.sz_delivery.name, listing.text)
        page = self.url_open(f"/my/deliveries/{self.delivery.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Dispatched", page.text)
        self.assertIn("F800-A1", page.text, "the shade delivered")
        self.assertEqual(self.url_open(f"/my/deliveries/{self.sz_delivery.id}").status_code, 404)

    def test_the_email_link_opens_without_login_and_only_with_its_token(self):
        url = self.delivery.get_portal_url()
        self.assertIn("access_token=", url)
        self.assertEqual(self.url_open(url).status_code, 200)
        self.assertEqual(
            self.url_open(f"/my/deliveries/{self.delivery.id}?access_token=guess").status_code, 404
        )
        # A token with non-ASCII characters was a 500 (found by the fuzz pass of tile_security).
        self.assertEqual(
            self.url_open(f"/my/deliveries/{self.delivery.id}?access_token=平方").status_code, 404
        )
        mail = self.env["mail.message"].search(
            [("model", "=", "stock.picking"), ("res_id", "=", self.delivery.id)]
        )
        self.assertTrue(
            any(url.split("?")[0] in (m.body or "") for m in mail), "the dispatch e-mail links to it"
        )

    def test_driver_records_the_road_and_the_signed_delivery_with_breakage(self):
        self.authenticate("driver_li", "driver_li_pw")
        self.assertIn(self.trip.name, self.url_open("/my/trips").text)
        token = http.Request.csrf_token(self)
        moved = self.url_open(
            f"/my/trips/{self.trip.id}/{self.delivery.id}/event",
            data={"kind": "in_transit", "csrf_token": token},
        )
        self.assertEqual(moved.status_code, 200)
        self.assertEqual(self.delivery.tile_shipment_status, "in_transit")
        form = {
            "csrf_token": token,
            f"broken_{self.line.id}": "abc",
            "signed_by": "Chen",
            "signature": "data:image/png;base64," + SIGNATURE.decode(),
        }
        refused = self.url_open(f"/my/trips/{self.trip.id}/{self.delivery.id}/deliver", data=form)
        self.assertEqual(refused.status_code, 400)
        self.assertIn("whole boxes", refused.text)
        self.assertFalse(self.delivery.signature, "nothing written")
        no_signature = self.url_open(
            f"/my/trips/{self.trip.id}/{self.delivery.id}/deliver",
            data=dict(form, signature="", **{f"broken_{self.line.id}": "2"}),
        )
        self.assertEqual(no_signature.status_code, 400)
        self.assertIn("signature is missing", no_signature.text)
        done = self.url_open(
            f"/my/trips/{self.trip.id}/{self.delivery.id}/deliver",
            data=dict(form, **{f"broken_{self.line.id}": "2"}),
            files={"photos": ("unloaded.png", base64.b64decode(SIGNATURE), "image/png")},
        )
        self.assertEqual(done.status_code, 200)
        self.assertEqual(self.delivery.tile_shipment_status, "delivered")
        self.assertEqual(self.delivery.tile_signed_by, "Chen")
        self.assertEqual(len(self.delivery.tile_pod_photo_ids), 1)
        self.assertEqual(self.delivery.tile_claim_ids.boxes, 2)
        # The customer now sees the proof.
        self.authenticate("gz_site", "gz_site_pw")
        self.assertIn("Proof of delivery", self.url_open(f"/my/deliveries/{self.delivery.id}").text)

    def test_another_driver_cannot_see_or_record_the_trip(self):
        self.authenticate("driver_wu", "driver_wu_pw")
        self.assertNotIn(self.trip.name, self.url_open("/my/trips").text)
        self.assertEqual(self.url_open(f"/my/trips/{self.trip.id}").status_code, 404)
        token = http.Request.csrf_token(self)
        response = self.url_open(
            f"/my/trips/{self.trip.id}/{self.delivery.id}/event",
            data={"kind": "arrived", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.delivery.tile_shipment_status, "dispatched")
        # A customer is no driver either.
        self.authenticate("gz_site", "gz_site_pw")
        self.assertEqual(self.url_open(f"/my/trips/{self.trip.id}/{self.delivery.id}").status_code, 404)

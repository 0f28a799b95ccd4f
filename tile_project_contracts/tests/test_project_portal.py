from odoo import fields
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged

from .common import TileProjectCommon


@tagged("post_install", "-at_install")
class TestProjectPortal(HttpCase, TileProjectCommon):
    """The developer's site manager follows the project and asks for a call-off in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.action_tile_activate()
        site_manager = cls.env["res.partner"].create(
            {"name": "Site manager Li", "parent_id": cls.developer.id}
        )
        cls.portal_user = new_test_user(
            cls.env, login="tile_site_manager", groups="base.group_portal", partner_id=site_manager.id
        )
        stranger = cls.env["res.partner"].create({"name": "Other developer"})
        cls.stranger = new_test_user(
            cls.env, login="tile_stranger", groups="base.group_portal", partner_id=stranger.id
        )
        cls.url = f"/my/tile-projects/{cls.project.id}"

    def test_site_manager_sees_the_project(self):
        self.authenticate("tile_site_manager", "tile_site_manager")
        listing = self.url_open("/my/tile-projects")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Riverside Garden", listing.text)
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Building 1", page.text)
        self.assertIn("1,500.00", page.text, "planned m² of the phase")
        self.assertIn("retention withheld", page.text)

    def test_other_customers_get_not_found(self):
        self.authenticate("tile_stranger", "tile_stranger")
        self.assertNotIn("Riverside Garden", self.url_open("/my/tile-projects").text)
        self.assertEqual(self.url_open(self.url).status_code, 404)
        response = self.url_open(
            f"{self.url}/phases/{self.phase.id}/call-off",
            data={
                "date": fields.Date.to_string(self.phase.date_start),
                "csrf_token": Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.phase.calloff_ids)

    def test_call_off_request_waits_for_the_project_manager(self):
        self.project.user_id = self.env.ref("base.user_admin")
        self.authenticate("tile_site_manager", "tile_site_manager")
        wanted = fields.Date.add(fields.Date.today(), days=12)
        response = self.url_open(
            f"{self.url}/phases/{self.phase.id}/call-off",
            data={"date": fields.Date.to_string(wanted), "csrf_token": Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your call-off request was sent", response.text)
        calloff = self.phase.calloff_ids
        self.assertEqual(calloff.state, "draft", "the project manager confirms it")
        self.assertEqual(calloff.commitment_date.date(), wanted)
        self.assertEqual(calloff.order_line.tile_boxes, 782)
        self.assertEqual(calloff.activity_ids.user_id, self.project.user_id)

    def test_bad_requests_are_refused_with_a_reason(self):
        self.authenticate("tile_site_manager", "tile_site_manager")
        call_off = f"{self.url}/phases/{self.phase.id}/call-off"
        for date in ("", "not-a-date", "2001-01-01"):
            with self.subTest(date=date):
                response = self.url_open(
                    call_off, data={"date": date, "csrf_token": Request.csrf_token(self)}
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("delivery date", response.text)
        self.assertEqual(
            self.url_open(
                f"{self.url}/phases/999999/call-off",
                data={"date": "2099-01-01", "csrf_token": Request.csrf_token(self)},
            ).status_code,
            404,
        )
        self.assertFalse(self.phase.calloff_ids)

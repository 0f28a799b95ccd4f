from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestProjectDemo(TransactionCase):
    """The demo project is half-way: a phase delivered and invoiced with retention, one late,
    a call-off waiting, and the shade warning of a tile no single shade covers."""

    def test_demo_project_half_way(self):
        contract = self.env.ref("tile_project_contracts.demo_contract_riverside", raise_if_not_found=False)
        if not contract:
            self.skipTest("installed without demo data")
        ref = self.env.ref
        self.assertEqual(contract.tile_contract_state, "active")
        self.assertEqual(ref("tile_project_contracts.demo_phase_showflats").state, "delivered")
        self.assertEqual(ref("tile_project_contracts.demo_phase_b1").state, "late")
        self.assertEqual(ref("tile_project_contracts.demo_phase_b2").calloff_ids.state, "draft")
        self.assertEqual(contract.tile_invoiced_amount, 14976.00, "288 m² of wall at 52.00")
        self.assertEqual(contract.tile_retained, 748.80)
        self.assertEqual(contract.tile_advance_deducted, 1497.60)
        self.assertTrue(contract.activity_ids.filtered(lambda act: "No single shade" in (act.summary or "")))

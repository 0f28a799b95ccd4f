import io
import re
import zipfile
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.tile_order_base.tests.common import TileTestMixin

from ..xlsx import write_xlsx

try:
    import openpyxl
except ImportError:  # the check falls back to the sheet's XML
    openpyxl = None

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = [("Date", "date"), ("Format", "text"), ("m²", "m2"), ("Boxes", "qty"), ("Untaxed", "money")]


def sheet_xml(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode(), archive.read("xl/styles.xml").decode()


def order_names(content):
    """The Order column (B) of an exported file, header and totals row left out."""
    if openpyxl:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [row[1] for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1, values_only=True)]
    # constant_memory writes strings inline, in the sheet itself (no shared strings table).
    xml, _styles = sheet_xml(content)
    return re.findall(r'r="B(?:[2-9]|\d\d+)"[^>]*t="inlineStr"><is><t>([^<]*)</t>', xml)


@tagged("post_install", "-at_install")
class TestTileXlsx(TransactionCase):
    """The workbook a manager opens: real numbers, frozen filtered header, totals that follow the filter."""

    def rows(self):
        yield (date(2026, 7, 15), "800×800", 1501.44, 782, 142636.80)
        yield (date(2026, 7, 16), "600×600", 14.4, 10, 1294.56)
        yield (date(2026, 8, 1), None, 0.0, 0, 35.0)

    def test_three_rows_read_back(self):
        buffer = io.BytesIO()
        self.assertEqual(write_xlsx(buffer, COLUMNS, self.rows()), 3)
        content = buffer.getvalue()
        if openpyxl:
            sheet = openpyxl.load_workbook(io.BytesIO(content)).active
            self.assertEqual([c.value for c in sheet[1]], [label for label, _kind in COLUMNS])
            self.assertTrue(sheet["A1"].font.b)
            self.assertEqual(sheet.freeze_panes, "A2")
            self.assertEqual(sheet.auto_filter.ref, "A1:E4")
            self.assertEqual(sheet["C2"].value, 1501.44)
            self.assertEqual(sheet["C2"].number_format, "#,##0.00")
            self.assertEqual(sheet["D2"].value, 782)
            self.assertEqual(sheet["D2"].number_format, "#,##0")
            self.assertEqual(sheet["E2"].number_format, "#,##0.00")
            self.assertEqual(sheet["A2"].value, datetime(2026, 7, 15))
            self.assertEqual(sheet["A2"].number_format, "yyyy-mm-dd")
            self.assertEqual(sheet["A5"].value, "Total")
            self.assertEqual(sheet["C5"].value, "=SUBTOTAL(109,C2:C4)")
            self.assertEqual(sheet["E5"].value, "=SUBTOTAL(109,E2:E4)")
            self.assertIsNone(sheet["B5"].value)
            self.assertGreater(sheet.column_dimensions["C"].width, 10)
        else:
            xml, styles = sheet_xml(content)
            self.assertIn('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>', xml)
            self.assertIn('<autoFilter ref="A1:E4"/>', xml)
            self.assertIn("<t>m²</t>", xml)
            self.assertRegex(xml, r'<c r="C2" s="\d+"><v>1501.44</v></c>')
            self.assertIn("<f>SUBTOTAL(109,C2:C4)</f>", xml)
            self.assertIn('formatCode="#,##0.00"', styles)

    def test_no_rows_header_only(self):
        buffer = io.BytesIO()
        self.assertEqual(write_xlsx(buffer, COLUMNS, iter(())), 0)
        xml, _styles = sheet_xml(buffer.getvalue())
        self.assertNotIn("SUBTOTAL", xml)


@tagged("post_install", "-at_install")
class TestTileSalesExport(HttpCase, TileTestMixin):
    """A salesperson downloads their own confirmed tile sales, never a colleague's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.tile_800 = cls.tile_product(800, 800, 95.0)
        cls.customer = cls.tile_customer("Hangzhou Builder", city="杭州 Hangzhou")
        cls.seller = cls.tile_salesman("tile_export_seller")
        cls.other_seller = cls.tile_salesman("tile_export_other")
        cls.mine = cls.tile_order(cls.customer, [(cls.tile_800, 782, "box")], user=cls.seller)
        cls.theirs = cls.tile_order(cls.customer, [(cls.tile_800, 20, "box")], user=cls.other_seller)
        cls.draft = cls.tile_order(cls.customer, [(cls.tile_800, 5, "box")], user=cls.seller)
        (cls.mine | cls.theirs).action_confirm()

    def wizard(self, user, **vals):
        today = fields.Date.today()
        vals = dict({"date_from": today - timedelta(days=1), "date_to": today + timedelta(days=1)}, **vals)
        return self.env["tile.sales.export"].with_user(user).create(vals)

    def test_salesperson_downloads_own_confirmed_orders_only(self):
        wizard = self.wizard(self.seller)
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.env.flush_all()
        self.authenticate("tile_export_seller", "tile_export_seller")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        self.assertIn(
            f"tile-sales-{wizard.date_from}-{wizard.date_to}.xlsx", response.headers["Content-Disposition"]
        )
        self.assertEqual(response.content[:2], b"PK")
        # Neither the colleague's order nor the draft quotation.
        self.assertEqual(order_names(response.content), [self.mine.name])
        if openpyxl:
            sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
            self.assertEqual(sheet["C2"].value, "Hangzhou Builder")
            self.assertEqual(sheet["G2"].value, "800×800")
            self.assertEqual(sheet["O2"].value, self.seller.name)
            self.assertEqual(sheet["J2"].value, 1501.44)  # m²
            self.assertEqual(sheet["K2"].value, 782)  # boxes
            self.assertAlmostEqual(sheet["N2"].value, 142636.80, places=2)  # untaxed

    def test_filters_by_format(self):
        self.env.flush_all()
        self.authenticate("tile_export_seller", "tile_export_seller")
        response = self.url_open(self.wizard(self.seller, tile_format="600×600").action_export()["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(order_names(response.content), [])

    def test_someone_elses_wizard_is_not_found(self):
        theirs = self.wizard(self.other_seller)
        self.env.flush_all()
        self.authenticate("tile_export_seller", "tile_export_seller")
        self.assertEqual(self.url_open(f"/tile_analytics/sales.xlsx?wizard_id={theirs.id}").status_code, 404)
        self.assertEqual(self.url_open("/tile_analytics/sales.xlsx?wizard_id=nope").status_code, 404)
        self.assertEqual(self.url_open("/tile_analytics/sales.xlsx?wizard_id=99999999999").status_code, 404)

    def test_start_after_end_is_a_user_error(self):
        wizard = self.wizard(self.seller, date_from=date(2026, 8, 1), date_to=date(2026, 7, 1))
        with self.assertRaises(UserError):
            wizard.action_export()

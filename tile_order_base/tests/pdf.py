"""Real PDF rendering for the tile reports' tests: wkhtmltopdf, then pdftotext.

Odoo returns HTML instead of a PDF while tests run unless the context carries
``force_report_rendering``; these helpers always ask for the real PDF. A missing
wkhtmltopdf or pdftotext makes the test fail with the fix, never skip.
"""

import re
import shutil
import subprocess

INSTALL_HINT = "run ./tile setup (it installs Debian's wkhtmltopdf, fonts-wqy-zenhei and poppler-utils)"


def require_pdf_tools(case):
    """Fail ``case`` with the fix when a PDF cannot be rendered or read on this machine."""
    if not shutil.which("wkhtmltopdf"):
        case.fail(f"wkhtmltopdf is not installed, Odoo cannot print PDFs: {INSTALL_HINT}")
    if case.env["ir.actions.report"].get_wkhtmltopdf_state() not in ("ok", "workers"):
        case.fail(
            f"Odoo found no working wkhtmltopdf at start-up "
            f"(state {case.env['ir.actions.report'].get_wkhtmltopdf_state()!r}): {INSTALL_HINT}"
        )
    if not shutil.which("pdftotext"):
        case.fail(f"pdftotext is not installed, the printed text cannot be checked: {INSTALL_HINT}")


def render_pdf(env, report_ref, records):
    """The report's PDF bytes for ``records``, rendered by wkhtmltopdf as when a user prints."""
    content, report_type = (
        env["ir.actions.report"]
        .with_context(force_report_rendering=True)
        ._render_qweb_pdf(report_ref, records.ids)
    )
    assert report_type == "pdf", f"{report_ref} rendered as {report_type}, not as a PDF"
    return content


def pdf_text(content):
    """The text of a PDF (pdftotext), white space collapsed to single spaces."""
    assert content[:5] == b"%PDF-", f"not a PDF: {content[:60]!r}"
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True, timeout=60
    )
    return re.sub(r"\s+", " ", out.stdout.decode())


def activate_chinese(env, modules):
    """Simplified Chinese active with the translations of ``modules`` (templates included)."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"]._load_module_terms(modules, ["zh_CN"], overwrite=True)

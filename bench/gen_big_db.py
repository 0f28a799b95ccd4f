"""Fill a database with non-tile sales and journal items, fast (bulk SQL copies).

Usage: gen_big_db.py ODOO_CONF DB N_ORDER_LINES N_JOURNAL_ITEMS [N_PRODUCTS]
One real order (10 lines) and one real customer invoice are made through the ORM;
their rows are then copied in SQL until the tables hold the asked numbers, so every
NOT NULL column and foreign key is as Odoo would write it.
"""

import sys
import time

import odoo
from odoo import Command
from odoo.modules.registry import Registry


def copy_rows(cr, table, template_ids, parent_column):
    """Copy ``template_ids`` of ``table`` under each new parent row (temp table new_parents)."""
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND column_name <> 'id'""",
        [table],
    )
    columns = [row[0] for row in cr.fetchall()]
    select = ", ".join("np.new_id" if col == parent_column else f"t.{col}" for col in columns)
    cr.execute(
        f"""INSERT INTO {table} ({", ".join(columns)})
            SELECT {select} FROM {table} t JOIN new_parents np ON TRUE
             WHERE t.id = ANY(%s)""",
        [template_ids],
    )


def clone_parents(cr, table, template_id, copies):
    """Make ``copies`` copies of one row of ``table``; their ids land in temp table new_parents."""
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND column_name <> 'id'""",
        [table],
    )
    columns = [row[0] for row in cr.fetchall()]
    cr.execute("DROP TABLE IF EXISTS new_parents")
    cr.execute(
        f"""CREATE TEMP TABLE new_parents AS
            WITH ins AS (
                INSERT INTO {table} ({", ".join(columns)})
                SELECT {", ".join(columns)} FROM {table}, generate_series(1, %s) WHERE id = %s
                RETURNING id)
            SELECT id AS new_id FROM ins""",
        [copies, template_id],
    )


def main(conf, dbname, n_sol, n_aml, n_products=0):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    registry = Registry(dbname)
    start = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Big customer"})
        products = env["product.product"].create(
            [{"name": f"Plain product {i}", "list_price": 10 + i, "standard_price": 5} for i in range(10)]
        )
        order = env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [Command.create({"product_id": p.id, "product_uom_qty": 3}) for p in products],
            }
        )
        order.action_confirm()
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_line_ids": [
                    Command.create({"product_id": p.id, "quantity": 2}) for p in products[:4]
                ],
            }
        )
        env.flush_all()
        per_move = len(invoice.line_ids)
        clone_parents(cr, "sale_order", order.id, max(n_sol // len(order.order_line) - 1, 0))
        copy_rows(cr, "sale_order_line", order.order_line.ids, "order_id")
        clone_parents(cr, "account_move", invoice.id, max(n_aml // per_move - 1, 0))
        copy_rows(cr, "account_move_line", invoice.line_ids.ids, "move_id")
        if n_products > len(products):
            # A distributor's catalogue: one variant per template, as most products have.
            clone_parents(cr, "product_template", products[0].product_tmpl_id.id, n_products - len(products))
            copy_rows(cr, "product_product", products[0].ids, "product_tmpl_id")
        cr.execute(
            """SELECT (SELECT count(*) FROM sale_order_line), (SELECT count(*) FROM account_move_line),
                      (SELECT count(*) FROM product_template)"""
        )
        sol, aml, tmpl = cr.fetchone()
        print(
            f"generated: {sol:,} order lines, {aml:,} journal items, {tmpl:,} products"
            f" in {time.perf_counter() - start:.1f} s"
        )


if __name__ == "__main__":
    main(
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        int(sys.argv[4]),
        int(sys.argv[5]) if len(sys.argv) > 5 else 0,
    )

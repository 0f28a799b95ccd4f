"""Fill a database with a tile distributor's sales: by default 1,000,000 order lines (issue 12, scale).

Usage: gen_sales_1m.py ODOO_CONF DB [N_LINES] [END_DATE]

The same data in a database with plain Odoo (sale_management) and in one with tile_analytics, so
that the sales analysis can be timed on both (bench_analytics.py): 3 years up to END_DATE (default
today), 20,000 customers over the 31 mainland provinces (Odoo's Chinese states, a city each),
20 salespeople in 5 regional teams, 300 tiles (6 formats, 30 series) and 10 accessories,
~200,000 orders of 1-9 lines. Orders follow the trade's seasons (busy spring and autumn, quiet
around the Spring Festival, a little growth each year); the south buys more 800×800 in summer;
some customers stop buying (lost, at risk) and some are new. Every draw is a hash of the row's
number, so two runs with the same END_DATE write the same rows.

Products, salespeople, teams and one template order are made through the ORM; customers,
orders and lines are written in bulk SQL (INSERT ... SELECT generate_series) from the template
rows, every other column as Odoo wrote it, then ANALYZE. Confirmed orders more than 20 days old
are delivered and invoiced (lines' invoiced quantities and amounts; no account.move is made),
newer ones are to invoice; a few recent quotations and cancelled orders. No taxes. In the tile
database the lines also hold their tile figures (pieces = boxes × pieces per box, m², weight,
pallets), the price per m² and the cost (sale_margin); in plain Odoo the price is per piece, the
same untaxed subtotals.
"""

import math
import sys
import time
from datetime import date, datetime, timedelta

import odoo
from odoo import Command
from odoo.modules.registry import Registry

N_CUSTOMERS = 20000
YEARS = 3
LINES_PER_ORDER = 5  # 1-9, even

# (state xml id, weight, team, cities): the 31 mainland provinces.
PROVINCES = [
    ("GD", 14, 0, ["广州市", "深圳市", "佛山市", "东莞市"]),
    ("GX", 3, 0, ["南宁市", "柳州市", "桂林市"]),
    ("HI", 1, 0, ["海口市", "三亚市"]),
    ("FJ", 5, 0, ["福州市", "厦门市", "泉州市"]),
    ("SH", 5, 1, ["上海市"]),
    ("JS", 9, 1, ["南京市", "苏州市", "无锡市"]),
    ("ZJ", 9, 1, ["杭州市", "宁波市", "温州市"]),
    ("AH", 4, 1, ["合肥市", "芜湖市"]),
    ("JX", 3, 1, ["南昌市", "赣州市"]),
    ("SD", 8, 1, ["济南市", "青岛市", "临沂市"]),
    ("BJ", 4, 2, ["北京市"]),
    ("TJ", 2, 2, ["天津市"]),
    ("HE", 4, 2, ["石家庄市", "唐山市", "保定市"]),
    ("SX", 2, 2, ["太原市", "大同市"]),
    ("NM", 1.5, 2, ["呼和浩特市", "包头市"]),
    ("LN", 3, 2, ["沈阳市", "大连市"]),
    ("JL", 1.5, 2, ["长春市", "吉林市"]),
    ("HL", 1.5, 2, ["哈尔滨市", "大庆市"]),
    ("HA", 6, 3, ["郑州市", "洛阳市"]),
    ("HB", 5, 3, ["武汉市", "宜昌市"]),
    ("HN", 5, 3, ["长沙市", "株洲市"]),
    ("CQ", 4, 4, ["重庆市"]),
    ("SC", 6, 4, ["成都市", "绵阳市"]),
    ("GZ", 2, 4, ["贵阳市", "遵义市"]),
    ("YN", 2.5, 4, ["昆明市", "大理市"]),
    ("XZ", 0.3, 4, ["拉萨市"]),
    ("SN", 3, 4, ["西安市", "宝鸡市"]),
    ("GS", 1, 4, ["兰州市"]),
    ("QH", 0.4, 4, ["西宁市"]),
    ("NX", 0.5, 4, ["银川市"]),
    ("XJ", 1.2, 4, ["乌鲁木齐市", "喀什市"]),
]
SOUTH = {"GD", "GX", "HI", "FJ", "YN"}  # buy more 800×800 in summer
TEAMS = ["South China", "East China", "North China", "Central China", "West China"]
SALESPEOPLE_PER_TEAM = 4
# (length, width, pieces/box, m²/box, kg/box, boxes/pallet, body, category, share of tile lines)
FORMATS = [
    (300, 300, 11, 0.99, 20, 64, "porcelain", "Floor Tiles", 0.10),
    (300, 600, 8, 1.44, 22, 48, "ceramic", "Wall Tiles", 0.20),
    (600, 600, 4, 1.44, 32, 40, "porcelain", "Floor Tiles", 0.30),
    (800, 800, 3, 1.92, 42, 30, "full_body", "Floor Tiles", 0.20),
    (600, 1200, 2, 1.44, 33, 32, "porcelain", "Large Formats", 0.15),
    (750, 1500, 2, 2.25, 55, 24, "slab", "Slabs", 0.05),
]
N_TILES = 300
N_SERIES = 30
FINISHES = ["matt", "polished", "glazed", "lappato", "structured"]
ACCESSORIES = [
    ("Tile adhesive C1 25 kg", 38),
    ("Tile adhesive C2TE 25 kg", 65),
    ("Grout CG2 5 kg", 42),
    ("Epoxy grout 2 kg", 88),
    ("Levelling clips (100)", 25),
    ("Levelling wedges (100)", 30),
    ("Tile spacers 2 mm (500)", 12),
    ("Waterproofing membrane 20 kg", 160),
    ("Edge trim aluminium 2.5 m", 28),
    ("Tile cleaner 5 L", 55),
]
MONTH_WEIGHT = [0, 0.7, 0.45, 1.0, 1.2, 1.2, 1.0, 0.85, 0.85, 1.3, 1.35, 1.1, 0.9]


def rnd(key, salt):
    """SQL for a draw in [0, 1) that depends only on the integer ``key`` and ``salt``."""
    return f"((hashint8(({key})::bigint * 7919 + {salt * 104729})::bigint + 2147483648) / 4294967296.0)"


def day_weights(end):
    """Days of the period (oldest first) and their order weights: seasons, Sundays, growth."""
    start = end.replace(year=end.year - YEARS)
    days = [start + timedelta(days=i) for i in range((end - start).days)]
    weights = [
        MONTH_WEIGHT[d.month] * (0.55 if d.weekday() == 6 else 1.0) * (1 + 0.12 * (d - start).days / 365)
        for d in days
    ]
    return days, weights


def setup_orm(env, has_tile):
    """Company in CNY, teams, salespeople, categories, series, products and a template order."""
    cny = env.ref("base.CNY")
    cny.active = True
    company = env.company
    company.write(
        {
            "currency_id": cny.id,
            "country_id": env.ref("base.cn").id,
            "state_id": env.ref("base.state_cn_GD").id,
        }
    )
    salesman = env.ref("sales_team.group_sale_salesman")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"{team} salesperson {i + 1}",
                    "login": f"bench_sales_{t}_{i}",
                    "groups_id": [Command.set([salesman.id, env.ref("base.group_user").id])],
                }
                for t, team in enumerate(TEAMS)
                for i in range(SALESPEOPLE_PER_TEAM)
            ]
        )
    )
    teams = env["crm.team"].create(
        [
            {
                "name": team,
                "member_ids": [
                    Command.set(users[t * SALESPEOPLE_PER_TEAM : (t + 1) * SALESPEOPLE_PER_TEAM].ids)
                ],
            }
            for t, team in enumerate(TEAMS)
        ]
    )
    parent = env.ref("product.product_category_all")
    categ_names = sorted({f[7] for f in FORMATS}) + ["Accessories"]
    categs = {
        name: env["product.category"].create({"name": name, "parent_id": parent.id}) for name in categ_names
    }
    series = []
    if has_tile:
        series = env["tile.series"].create(
            [{"name": f"Series {i + 1:02d}", "code": f"S{i + 1:02d}"} for i in range(N_SERIES)]
        )
    rows = []  # (values, product facts for SQL)
    for i in range(N_TILES):
        length, width, ppb, m2pb, wpb, bpp, body, categ, _share = FORMATS[i % len(FORMATS)]
        finish = FINISHES[(i // len(FORMATS)) % len(FINISHES)]
        price_m2 = 35 + (i * 37) % 120 + (60 if body == "slab" else 0)
        cost_m2 = round(price_m2 * 0.62, 2)
        per_piece = m2pb / ppb
        vals = {
            "name": f"Series {i // 10 % N_SERIES + 1:02d} {length}×{width} {finish} T{i + 1:03d}",
            "default_code": f"T{i + 1:03d}",
            "type": "consu",
            "categ_id": categs[categ].id,
            "list_price": price_m2 if has_tile else round(price_m2 * per_piece, 4),
            "standard_price": round(cost_m2 * per_piece, 4),
            "weight": round(wpb / ppb, 3),
            "taxes_id": [Command.clear()],
        }
        if has_tile:
            vals.update(
                {
                    "tile_is_tile": True,
                    "tile_series_id": series[i // 10 % N_SERIES].id,
                    "tile_length_mm": length,
                    "tile_width_mm": width,
                    "tile_thickness_mm": 10 if body != "slab" else 6,
                    "tile_pieces_per_box": ppb,
                    "tile_m2_per_box": m2pb,
                    "tile_weight_per_box": wpb,
                    "tile_boxes_per_pallet": bpp,
                    "tile_body": body,
                    "tile_finish": finish,
                    "tile_price_unit": "m2",
                }
            )
        rows.append(
            (vals, (i, i % len(FORMATS), True, ppb, m2pb, wpb, bpp, price_m2, round(cost_m2 * per_piece, 4)))
        )
    for j, (name, price) in enumerate(ACCESSORIES):
        vals = {
            "name": name,
            "default_code": f"A{j + 1:02d}",
            "type": "consu",
            "categ_id": categs["Accessories"].id,
            "list_price": price,
            "standard_price": round(price * 0.55, 2),
            "taxes_id": [Command.clear()],
        }
        rows.append((vals, (N_TILES + j, -1, False, 0, 0, 0, 0, price, round(price * 0.55, 2))))
    products = env["product.product"].create([vals for vals, _facts in rows])
    template_partner = env["res.partner"].create(
        {
            "name": "Bench template customer",
            "is_company": True,
            "country_id": env.ref("base.cn").id,
            "state_id": env.ref("base.state_cn_GD").id,
            "city": "佛山市",
        }
    )
    line_vals = {"product_id": products[0].id, "product_uom_qty": 40}
    if has_tile:
        line_vals = {"product_id": products[0].id, "tile_entry_unit": "box", "tile_entry_qty": 10}
    order = env["sale.order"].create(
        {
            "partner_id": template_partner.id,
            "user_id": users[0].id,
            "team_id": teams[0].id,
            "order_line": [Command.create(line_vals)],
        }
    )
    order.action_confirm()
    env.flush_all()
    facts = [(p.id, p.uom_id.id, p.name) + f for p, (_v, f) in zip(products, rows, strict=True)]
    return {
        "users": users.ids,
        "teams": teams.ids,
        "products": facts,
        "order": order.id,
        "line": order.order_line.id,
        "partner": template_partner.id,
        "states": {code: env.ref(f"base.state_cn_{code}").id for code, *_rest in PROVINCES},
        "country": env.ref("base.cn").id,
    }


def columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name <> 'id'",
        [table],
    )
    return [row[0] for row in cr.fetchall()]


def insert_from_template(cr, table, template_id, source, overrides):
    """INSERT INTO table SELECT ... FROM source: ``overrides`` (column -> SQL on ``g``) where the
    table has that column, the template row's value (``t``) for every other column."""
    cols = columns(cr, table)
    select = ", ".join(overrides.get(col, f"t.{col}") for col in cols)
    cr.execute(
        f"""INSERT INTO {table} (id, {", ".join(cols)})
            SELECT g.new_id, {select} FROM {source} g, {table} t WHERE t.id = %s""",
        [template_id],
    )
    return cr.rowcount


def fill_sql(cr, ids, n_lines, end, has_tile):
    days, weights = day_weights(end)
    cum = [0.0]
    for w in weights:
        cum.append(cum[-1] + w)
    n_days = len(days)
    cr.execute("DROP TABLE IF EXISTS g_param, g_prov, g_prod, g_cust, g_orders, g_lines")
    cr.execute(
        "CREATE TEMP TABLE g_param AS SELECT %s::float8[] AS cum, %s::float8[] AS lower, %s::date AS start",
        [cum, cum[:-1], days[0]],
    )
    # Provinces: cumulative weight bounds for picking one per customer.
    prov_rows, acc = [], 0.0
    total_w = sum(p[1] for p in PROVINCES)
    for k, (code, weight, team, cities) in enumerate(PROVINCES):
        prov_rows.append((k + 1, acc / total_w, ids["states"][code], team, cities, code in SOUTH))
        acc += weight
    cr.execute(
        "CREATE TEMP TABLE g_prov (k int, lo float8, state_id int, team int, cities text[], south bool)"
    )
    cr.executemany("INSERT INTO g_prov VALUES (%s, %s, %s, %s, %s, %s)", prov_rows)
    cr.execute(
        """CREATE TEMP TABLE g_prod (idx int, product_id int, uom_id int, name text, fmt int, is_tile bool,
               ppb int, m2pb numeric, wpb numeric, bpp int, price numeric, cost numeric)"""
    )
    cr.executemany(
        "INSERT INTO g_prod VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [(f[3], f[0], f[1], f[2], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]) for f in ids["products"]],
    )
    fmt_bounds = [0.0]
    for f in FORMATS[:-1]:
        fmt_bounds.append(fmt_bounds[-1] + f[8])

    # Customers: province, city, salesperson, life cycle (window of days) and buying weight.
    cr.execute("SELECT COALESCE(MAX(id), 0) FROM res_partner")
    partner_base = cr.fetchone()[0]
    d = n_days
    cr.execute(
        f"""CREATE TEMP TABLE g_cust AS
            WITH c AS (
                SELECT k, {rnd("k", 1)} AS r_type, {rnd("k", 2)} AS r_prov, {rnd("k", 3)} AS r_city,
                       {rnd("k", 4)} AS r_start, {rnd("k", 5)} AS r_end, {rnd("k", 6)} AS r_weight
                  FROM generate_series(1, %(n)s) k),
            w AS (
                SELECT c.*, p.state_id, p.team, p.south,
                       p.cities[1 + floor(c.r_city * array_length(p.cities, 1))::int] AS city,
                       CASE WHEN r_type < 0.10 THEN {d} - 1 - floor(r_start * 120)::int
                            WHEN r_type < 0.30 THEN floor(r_start * 0.6 *
                                 (CASE WHEN r_type < 0.22 THEN 90 + floor(r_end * ({d} - 490))
                                       ELSE {d} - 100 - floor(r_end * 250) END))::int
                            WHEN r_start < 0.6 THEN 0
                            ELSE floor((r_start - 0.6) / 0.4 * ({d} - 150))::int END AS start_off,
                       CASE WHEN r_type < 0.10 THEN {d} - 1
                            WHEN r_type < 0.22 THEN 90 + floor(r_end * ({d} - 490))::int
                            WHEN r_type < 0.30 THEN {d} - 100 - floor(r_end * 250)::int
                            ELSE {d} - 1 END AS end_off,
                       0.2 + 8 * power(r_weight, 3) AS w
                  FROM c
                  JOIN LATERAL (SELECT * FROM g_prov WHERE g_prov.lo <= c.r_prov
                                 ORDER BY g_prov.lo DESC LIMIT 1) p ON TRUE)
            SELECT w.*, %(base)s + k AS new_id,
                   (SELECT cum[start_off + 1] FROM g_param) AS cum_lo,
                   (SELECT cum[end_off + 2] FROM g_param) AS cum_hi
              FROM w""",
        {"n": N_CUSTOMERS, "base": partner_base},
    )
    cr.execute("CREATE TEMP TABLE g_users (idx int, user_id int)")
    cr.executemany("INSERT INTO g_users VALUES (%s, %s)", list(enumerate(ids["users"])))
    cr.execute("CREATE TEMP TABLE g_teams (idx int, team_id int)")
    cr.executemany("INSERT INTO g_teams VALUES (%s, %s)", list(enumerate(ids["teams"])))
    cr.execute(
        f"""ALTER TABLE g_cust ADD COLUMN user_id int, ADD COLUMN team_id int;
            UPDATE g_cust c SET user_id = u.user_id, team_id = t.team_id
              FROM g_users u, g_teams t
             WHERE u.idx = c.team * {SALESPEOPLE_PER_TEAM} + mod(c.k, {SALESPEOPLE_PER_TEAM})
               AND t.idx = c.team"""
    )
    names = "(ARRAY['鸿','盛','华','信','达','恒','嘉','润','丰','泰','隆','鑫'])"
    trades = "(ARRAY['建材','装饰','陶瓷','家居','工程','瓷砖'])"
    name_sql = (
        f"g.city || {names}[1 + mod(g.k, 12)] || {names}[1 + mod(g.k / 12, 12)]"
        f" || {trades}[1 + mod(g.k / 144, 6)] || '有限公司 ' || g.k"
    )
    now = "(now() at time zone 'UTC')"
    n_partners = insert_from_template(
        cr,
        "res_partner",
        ids["partner"],
        "g_cust",
        {
            "name": name_sql,
            "complete_name": name_sql,
            "commercial_company_name": name_sql,
            "commercial_partner_id": "g.new_id",
            "state_id": "g.state_id",
            "country_id": str(ids["country"]),
            "city": "g.city",
            "user_id": "g.user_id",
            "customer_rank": "1",
            "create_date": now,
            "write_date": now,
        },
    )

    # Orders: each customer's count follows its weight and window, the day the seasons (the
    # cumulative day weights between the window's ends); then numbered by date.
    target_orders = math.ceil(n_lines / LINES_PER_ORDER * 1.03)
    cr.execute(
        f"""CREATE TEMP TABLE g_orders AS
            WITH n AS (
                SELECT c.*, greatest(1, round(c.w * (c.cum_hi - c.cum_lo) * %(target)s
                                   / SUM(c.w * (c.cum_hi - c.cum_lo)) OVER ()))::int AS n_orders
                  FROM g_cust c),
            o AS (
                SELECT n.k, n.new_id AS partner_id, n.user_id, n.team_id, n.south, j,
                       n.k::bigint * 100000 + j AS okey,
                       n.cum_lo + {rnd("n.k::bigint * 100000 + j", 7)} * (n.cum_hi - n.cum_lo) AS u
                  FROM n, generate_series(1, n.n_orders) j),
            dated AS (
                SELECT o.*, p.start + width_bucket(o.u, p.lower) - 1 AS day
                  FROM o, g_param p)
            SELECT dated.*, row_number() OVER (ORDER BY day, okey) AS ord_no,
                   day + make_interval(secs => floor({rnd("okey", 8)} * 36000)) AS date_order,
                   %(end)s::date - day AS days_ago
              FROM dated""",
        {"target": target_orders, "end": end},
    )
    cr.execute(
        f"""ALTER TABLE g_orders ADD COLUMN n_lines int, ADD COLUMN state varchar,
                                 ADD COLUMN first_line bigint;
            UPDATE g_orders SET n_lines = 1 + floor({rnd("ord_no", 10)} * 9)::int,
                   state = CASE WHEN days_ago <= 30 AND {rnd("ord_no", 9)} < 0.10 THEN 'draft'
                                WHEN days_ago <= 30 AND {rnd("ord_no", 9)} < 0.15 THEN 'sent'
                                WHEN {rnd("ord_no", 9)} > 0.975 THEN 'cancel'
                                ELSE 'sale' END;
            -- Exactly n_lines lines: orders taken in a random order until the count is reached.
            WITH c AS (SELECT ord_no,
                              SUM(n_lines) OVER (ORDER BY {rnd("ord_no", 11)}, ord_no) - n_lines AS before
                         FROM g_orders)
            UPDATE g_orders o SET n_lines = greatest(0, least(o.n_lines, %(n)s - c.before))
              FROM c WHERE c.ord_no = o.ord_no;
            DELETE FROM g_orders WHERE n_lines = 0;
            ALTER TABLE g_orders ADD COLUMN new_id int;
            WITH r AS (SELECT ord_no, row_number() OVER (ORDER BY ord_no) AS rn,
                              SUM(n_lines) OVER (ORDER BY ord_no) - n_lines AS before FROM g_orders)
            UPDATE g_orders o SET new_id = (SELECT COALESCE(MAX(id), 0) FROM sale_order) + r.rn,
                                  first_line = r.before
              FROM r WHERE r.ord_no = o.ord_no;
            CREATE INDEX ON g_orders (new_id)""",
        {"n": n_lines},
    )

    # Lines: product (format by share; the south's summer leans to 800×800; popular items
    # first), quantity (m² asked, whole boxes), 5 % discount on one line in ten.
    cr.execute("SELECT COALESCE(MAX(id), 0) FROM sale_order_line")
    line_base = cr.fetchone()[0]
    lk = "(o.ord_no * 16 + s)"
    cr.execute(
        f"""CREATE TEMP TABLE g_lines AS
            WITH l AS (
                SELECT o.new_id AS order_id, o.partner_id, o.user_id, o.state, o.days_ago, o.date_order,
                       s AS seq,
                       %(line_base)s + o.first_line + s AS new_id,
                       CASE WHEN {rnd(lk, 12)} < 0.08 THEN {N_TILES} + floor({rnd(lk, 13)} * 10)::int
                            ELSE (CASE WHEN o.south AND EXTRACT(MONTH FROM o.day) IN (6, 7, 8)
                                            AND {rnd(lk, 14)} < 0.35 THEN 3
                                       ELSE width_bucket({rnd(lk, 19)}, %(fmt_bounds)s::float8[]) - 1 END)
                                 + {len(FORMATS)}
                                   * floor({N_TILES // len(FORMATS)} * power({rnd(lk, 15)}, 2))::int
                       END AS idx,
                       (10 + 390 * power({rnd(lk, 16)}, 2))
                           * (CASE WHEN {rnd(lk, 17)} > 0.985 THEN 10 ELSE 1 END) AS asked_m2,
                       1 + floor(60 * power({rnd(lk, 16)}, 2)) AS units,
                       CASE WHEN {rnd(lk, 18)} < 0.1 THEN 5 ELSE 0 END AS discount
                  FROM g_orders o, generate_series(1, o.n_lines) s),
            q AS (
                SELECT l.*, p.product_id, p.uom_id, p.name, p.is_tile, p.ppb, p.m2pb, p.wpb, p.bpp,
                       p.price, p.cost,
                       CASE WHEN p.is_tile THEN ceil(l.asked_m2 / p.m2pb) ELSE 0 END AS boxes
                  FROM l JOIN g_prod p ON p.idx = l.idx)
            SELECT q.*,
                   CASE WHEN is_tile THEN boxes * ppb ELSE units END AS qty,
                   boxes * m2pb AS m2,
                   round(CASE WHEN is_tile THEN boxes * m2pb * price ELSE units * price END
                         * (100 - discount) / 100, 2) AS subtotal
              FROM q""",
        {"line_base": line_base, "fmt_bounds": fmt_bounds},
    )
    done = "(g.state = 'sale' AND g.days_ago > 20)"
    todo = "(g.state = 'sale' AND g.days_ago <= 20)"
    line_overrides = {
        "order_id": "g.order_id",
        "sequence": "10 + g.seq",
        "order_partner_id": "g.partner_id",
        "salesman_id": "g.user_id",
        "product_id": "g.product_id",
        "product_uom": "g.uom_id",
        "state": "g.state",
        "invoice_status": f"CASE WHEN {done} THEN 'invoiced' WHEN {todo} THEN 'to invoice' ELSE 'no' END",
        "name": "g.name",
        "product_uom_qty": "g.qty",
        "price_unit": "g.price" if has_tile else "round(g.subtotal / g.qty * 100 / (100 - g.discount), 4)",
        "technical_price_unit": "g.price"
        if has_tile
        else "round(g.subtotal / g.qty * 100 / (100 - g.discount), 4)",
        "discount": "g.discount",
        "price_subtotal": "g.subtotal",
        "price_total": "g.subtotal",
        "price_tax": "0",
        "price_reduce_taxexcl": "round(g.subtotal / g.qty, 4)",
        "price_reduce_taxinc": "round(g.subtotal / g.qty, 4)",
        "qty_delivered": f"CASE WHEN {done} THEN g.qty ELSE 0 END",
        "qty_invoiced": f"CASE WHEN {done} THEN g.qty ELSE 0 END",
        "qty_to_invoice": f"CASE WHEN {todo} THEN g.qty ELSE 0 END",
        "untaxed_amount_invoiced": f"CASE WHEN {done} THEN g.subtotal ELSE 0 END",
        "untaxed_amount_to_invoice": f"CASE WHEN {todo} THEN g.subtotal ELSE 0 END",
        "purchase_price": "g.cost",
        "margin": "g.subtotal - round(g.cost * g.qty, 2)",
        "margin_percent": "CASE WHEN g.subtotal = 0 THEN 0 "
        "ELSE (g.subtotal - round(g.cost * g.qty, 2)) / g.subtotal END",
        "create_date": "g.date_order",
        "write_date": "g.date_order",
        "tile_is_tile": "g.is_tile",
        "tile_pieces_per_box": "CASE WHEN g.is_tile THEN g.ppb ELSE 0 END",
        "tile_m2_per_box": "CASE WHEN g.is_tile THEN g.m2pb ELSE 0 END",
        "tile_weight_per_box": "CASE WHEN g.is_tile THEN g.wpb ELSE 0 END",
        "tile_boxes_per_pallet": "CASE WHEN g.is_tile THEN g.bpp ELSE 0 END",
        "tile_price_unit_type": "CASE WHEN g.is_tile THEN 'm2' END",
        "tile_pieces": "CASE WHEN g.is_tile THEN g.qty ELSE 0 END",
        "tile_boxes": "g.boxes",
        "tile_m2": "g.m2",
        "tile_weight": "g.boxes * g.wpb",
        "tile_pallets": "CASE WHEN g.is_tile THEN round(g.boxes / g.bpp, 2) ELSE 0 END",
        "tile_price_qty": "CASE WHEN g.is_tile THEN g.m2 ELSE 0 END",
        "tile_allow_loose": "FALSE",
        "tile_entry_unit": "CASE WHEN g.is_tile THEN 'm2' END",
        "tile_entry_qty": "CASE WHEN g.is_tile THEN round(g.asked_m2, 2) ELSE 0 END",
    }
    cr.execute(
        """CREATE TEMP TABLE g_totals AS
           SELECT order_id, SUM(subtotal) AS untaxed, SUM(subtotal - round(cost * qty, 2)) AS margin,
                  SUM(m2) AS m2, SUM(boxes) AS boxes, SUM(CASE WHEN is_tile THEN qty ELSE 0 END) AS pieces,
                  SUM(boxes * wpb) AS weight,
                  SUM(CASE WHEN is_tile THEN round(boxes / bpp, 2) ELSE 0 END) AS pallets,
                  bool_or(is_tile) AS has_tiles
             FROM g_lines GROUP BY order_id;
           CREATE INDEX ON g_totals (order_id)"""
    )
    cr.execute(
        """CREATE TEMP TABLE g_orders_full AS
           SELECT o.*, t.untaxed, t.margin, t.m2, t.boxes, t.pieces, t.weight, t.pallets, t.has_tiles
             FROM g_orders o JOIN g_totals t ON t.order_id = o.new_id"""
    )
    n_orders = insert_from_template(
        cr,
        "sale_order",
        ids["order"],
        "g_orders_full",
        {
            "name": "'S' || lpad(g.ord_no::text, 7, '0')",
            "partner_id": "g.partner_id",
            "partner_invoice_id": "g.partner_id",
            "partner_shipping_id": "g.partner_id",
            "user_id": "g.user_id",
            "team_id": "g.team_id",
            "state": "g.state",
            "invoice_status": "CASE WHEN g.state = 'sale' AND g.days_ago > 20 THEN 'invoiced' "
            "WHEN g.state = 'sale' THEN 'to invoice' ELSE 'no' END",
            "date_order": "g.date_order",
            "validity_date": "g.date_order::date + 30",
            "create_date": "g.date_order",
            "write_date": "g.date_order",
            "access_token": "NULL",
            "amount_untaxed": "g.untaxed",
            "amount_tax": "0",
            "amount_total": "g.untaxed",
            "margin": "g.margin",
            "margin_percent": "CASE WHEN g.untaxed = 0 THEN 0 ELSE g.margin / g.untaxed END",
            "tile_total_m2": "g.m2",
            "tile_total_boxes": "g.boxes",
            "tile_total_pieces": "g.pieces",
            "tile_total_weight": "g.weight",
            "tile_total_pallets": "g.pallets",
            "tile_has_tiles": "g.has_tiles",
        },
    )
    n_sol = insert_from_template(cr, "sale_order_line", ids["line"], "g_lines", line_overrides)
    # The template order and customer go; sequences continue after the new rows.
    cr.execute("DELETE FROM mail_followers WHERE res_model = 'sale.order' AND res_id = %s", [ids["order"]])
    cr.execute("DELETE FROM mail_message WHERE model = 'sale.order' AND res_id = %s", [ids["order"]])
    cr.execute("DELETE FROM sale_order WHERE id = %s", [ids["order"]])
    cr.execute("DELETE FROM res_partner WHERE id = %s", [ids["partner"]])
    for table in ("res_partner", "sale_order", "sale_order_line"):
        cr.execute(f"SELECT setval('{table}_id_seq', (SELECT MAX(id) FROM {table}))")
    cr.execute("DROP TABLE g_param, g_prov, g_prod, g_cust, g_orders, g_orders_full, g_lines, g_totals")
    return n_partners, n_orders, n_sol


def check(env):
    """Odoo's sales analysis totals against the orders' own."""
    env.invalidate_all()
    env.cr.execute("SELECT COUNT(*), SUM(amount_untaxed) FROM sale_order WHERE state = 'sale'")
    orders, untaxed = env.cr.fetchone()
    report = env["sale.report"].read_group(
        [("state", "=", "sale")], ["price_subtotal:sum", "order_reference:count_distinct"], [], lazy=False
    )[0]
    print(
        f"check: confirmed orders {orders:,}, untaxed {untaxed:,.2f}; sales analysis "
        f"{report['order_reference']:,} orders, {report['price_subtotal']:,.2f}"
        + ("  OK" if round(report["price_subtotal"] - float(untaxed), 2) == 0 else "  MISMATCH")
    )


def main(conf, dbname, n_lines=1000000, end=None):
    odoo.tools.config.parse_config(["-c", conf, "-d", dbname, "--log-level=warn"])
    end = end or date.today()
    registry = Registry(dbname)
    start = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        has_tile = "tile_is_tile" in env["product.template"]._fields
        ids = setup_orm(env, has_tile)
        orm_seconds = time.perf_counter() - start
        n_partners, n_orders, n_sol = fill_sql(cr, ids, n_lines, end, has_tile)
        cr.commit()
        sql_seconds = time.perf_counter() - start - orm_seconds
        cr.execute("ANALYZE")
        print(
            f"{dbname} ({'tile_analytics' if has_tile else 'plain Odoo'}): {n_partners:,} customers, "
            f"{n_orders:,} orders, {n_sol:,} order lines up to {end} in {time.perf_counter() - start:.1f} s "
            f"(ORM setup {orm_seconds:.1f} s, SQL {sql_seconds:.1f} s, then ANALYZE)"
        )
        check(env)
        if "_tile_snapshot_update" in dir(env["sale.report"]):
            # tile_analytics' views read a snapshot a cron keeps up to date: take it now.
            start = time.perf_counter()
            env["sale.report"]._tile_snapshot_update(rebuild=True)
            cr.commit()
            cr.execute("SELECT pg_size_pretty(pg_total_relation_size('tile_sale_report_snapshot'))")
            print(f"sales analysis snapshot: {time.perf_counter() - start:.1f} s, {cr.fetchone()[0]}")


if __name__ == "__main__":
    main(
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]) if len(sys.argv) > 3 else 1000000,
        datetime.strptime(sys.argv[4], "%Y-%m-%d").date() if len(sys.argv) > 4 else None,
    )

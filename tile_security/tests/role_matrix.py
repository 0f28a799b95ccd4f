"""The suite's role matrix as data: docs/roles.md shows it, test_role_matrix.py checks every cell.

A cell is four characters, one per operation: Read, Create, Write, Delete.
For read, write and delete:
    ``-``  none
    ``o``  own records only (the user's own orders, customers, sites, trips; the portal
           user's own customer's documents)
    ``c``  every record of the user's company (own and colleagues')
    ``a``  also records of other companies (shared records, or models without a company)
For create: ``y`` may create, ``-`` may not.
"""

# role: (kind, groups given to the test user)
ROLES = {
    "salesperson": ("internal", "sales_team.group_sale_salesman"),
    "sales_manager": ("internal", "sales_team.group_sale_manager"),
    "warehouse": ("internal", "stock.group_stock_user"),
    "warehouse_manager": ("internal", "stock.group_stock_manager"),
    "logistics": ("internal", "tile_logistics.group_tile_logistics"),
    "planner": ("internal", "tile_production.group_tile_production_planner"),
    "production": ("internal", "mrp.group_mrp_user"),
    "project_manager": ("internal", "tile_project_contracts.group_tile_project_manager"),
    "invoicing": ("internal", "account.group_account_invoice"),
    "accountant": ("internal", "account.group_account_manager"),
    "auditor": ("internal", "tile_security.group_tile_auditor"),
    "customer": ("portal", "base.group_portal"),
    "site_manager": ("portal", "base.group_portal"),
    "driver": ("portal", "base.group_portal"),
}

ROLE_LABELS = {
    "salesperson": ("Salesperson (own documents)", "销售员（自己的单据）"),
    "sales_manager": ("Sales manager", "销售经理"),
    "warehouse": ("Warehouse user", "仓库员"),
    "warehouse_manager": ("Warehouse manager", "仓库经理"),
    "logistics": ("Logistics (Tile)", "物流（瓷砖）"),
    "planner": ("Production planner (Tile)", "生产计划员（瓷砖）"),
    "production": ("Production user", "生产员"),
    "project_manager": ("Project manager (Tile contracts)", "项目经理（瓷砖合同）"),
    "invoicing": ("Finance: invoicing", "财务：开票"),
    "accountant": ("Finance: accounting", "财务：会计"),
    "auditor": ("Auditor (read-only)", "审计员（只读）"),
    "customer": ("Portal customer", "门户客户"),
    "site_manager": ("Portal site manager", "门户工地负责人"),
    "driver": ("Driver (portal)", "司机（门户）"),
}

# model key: (label, Chinese label, how it is tested, field written by the write test)
#   "record": sample records own / colleague's / other company's, every operation
#   "report": a read-only SQL report: read on sample rows, create / write / delete by access rights
#   "field:<name>": one field of the model (read and write of that field only)
MODELS = {
    "res.partner": ("Customers and contacts", "客户与联系人", "record", {"ref": "M-1"}),
    "product.template": ("Products (tiles)", "产品（瓷砖）", "record", {"description_sale": "matrix"}),
    "product.template#standard_price": (
        "Product cost",
        "产品成本",
        "field:standard_price",
        {"standard_price": 7.5},
    ),
    "tile.series": ("Tile series", "瓷砖系列", "record", {"code": "M1"}),
    "sale.order": ("Quotations and orders", "报价单与订单", "record", {"client_order_ref": "M-1"}),
    "sale.order.line": ("Order lines", "订单行", "record", {"name": "Matrix line"}),
    "sale.order.line#price_unit": (
        "Order line prices",
        "订单行价格",
        "field:price_unit",
        {"price_unit": 99.0},
    ),
    "tile.room": ("Rooms of a quotation", "报价房间", "record", {"wastage_percent": 8.0}),
    "tile.takeoff.wizard": (
        "Room take-off (wizard)",
        "房间测量（向导）",
        "record",
        {"laying_pattern": "diagonal"},
    ),
    "tile.takeoff.wizard.room": (
        "Rooms of a take-off (wizard)",
        "测量房间（向导）",
        "record",
        {"name": "Hall"},
    ),
    "stock.lot": ("Shade lots", "色号批次", "record", {"ref": "M-1"}),
    "tile.stock.hold": ("Lot holds", "批次保留", "record", {"boxes": 2}),
    "tile.stock.shade.report": ("Stock by shade (report)", "按色号库存（报表）", "report", {}),
    "stock.picking": ("Transfers and deliveries", "调拨与送货", "record", {"origin": "M-1"}),
    "stock.picking.batch": ("Truck loads", "装车", "record", {"description": "matrix"}),
    "fleet.vehicle": ("Trucks", "卡车", "record", {"color": "red"}),
    "delivery.carrier": (
        "Carriers",
        "承运商",
        "record",
        {"tracking_url": "https://example.com/<shipmenttrackingnumber>"},
    ),
    "tile.shipment.event": ("Shipment events", "运输事件", "record", {"place": "Foshan"}),
    "tile.transit.claim": ("Transit claims", "运输破损索赔", "record", {"claimed_partner_id": False}),
    "tile.webhook.receipt": ("Carrier webhook receipts", "承运商回调记录", "record", {"signature": "1" * 64}),
    "tile.load.proposal": ("Propose loads (wizard)", "建议装车（向导）", "record", {"date": "2027-03-01"}),
    "mrp.production": ("Manufacturing orders", "生产订单", "record", {"origin": "M-1"}),
    "tile.workcenter.rate": ("Line rates (m²/day)", "产线产能（平方米/天）", "record", {"m2_per_day": 2500}),
    "tile.grading": ("Grade output (wizard)", "分级产出（向导）", "record", {"failed_pieces": 1}),
    "tile.grading.line": ("Shade groups of a grading (wizard)", "分级色号组（向导）", "record", {"boxes": 2}),
    "tile.production.report": ("Production analysis (report)", "生产分析（报表）", "report", {}),
    "project.project": ("Construction projects", "工程项目", "record", {"description": "matrix"}),
    "tile.project.phase": ("Project phases", "工程阶段", "record", {"building": "B2"}),
    "tile.project.phase.line": ("Planned m² of a phase", "阶段计划平方米", "record", {"planned_m2": 60}),
    "tile.boq.import": ("BOQ import (wizard)", "工程量清单导入（向导）", "record", {"file": "QQ=="}),
    "account.move": ("Invoices", "发票", "record", {"ref": "M-1"}),
    "tile.customer.behaviour": ("Customer behaviour (report)", "客户行为（报表）", "report", {}),
    "tile.sales.export": (
        "Tile sales export (wizard)",
        "瓷砖销售导出（向导）",
        "record",
        {"tiles_only": False},
    ),
    "tile.customer.segment.history": (
        "Customer segment history",
        "客户分层历史",
        "record",
        {"segment": "regular"},
    ),
    "tile.winback.campaign": ("Win-back campaigns", "挽回活动", "record", {"name": "M"}),
    "tile.winback.wizard": (
        "Send a win-back offer (wizard)",
        "发送挽回优惠（向导）",
        "record",
        {"name": "M"},
    ),
    "tile.analysis.export": (
        "Analysis XLSX export (wizard)",
        "分析 XLSX 导出（向导）",
        "record",
        {"domain": "[]"},
    ),
    "tile.order.margin": ("Cost and margin (report)", "成本与毛利（报表）", "report", {}),
    "crm.lead": ("Opportunities", "商机", "record", {"description": "matrix"}),
    "tile.review.rule": ("Order review rules", "订单审核规则", "record", {"sequence": 5}),
    "tile.review.reason": (
        "Reasons an order waits for approval",
        "订单等待审批的原因",
        "record",
        {"message": "M"},
    ),
    "tile.order.batch": (
        "Batch work on orders (wizard)",
        "订单批量处理（向导）",
        "record",
        {"operation": "send"},
    ),
    "tile.routing.rule": ("Routing rules", "订单分配规则", "record", {"sequence": 5}),
    "res.users#groups_id": (
        "Users' roles",
        "用户角色",
        "field:groups_id",
        lambda env: {"groups_id": [(4, env.ref("base.group_system").id)]},
    ),
    "auditlog.log": ("Audit trail", "审计日志", "record", {"name": "changed"}),
    "tile.login.attempt": ("Sign-in attempts", "登录尝试", "record", {"login": "changed"}),
    "res.users.log": ("Sign-in history", "登录历史", "record", {}),
}

# The matrix, one row per model, one "RCWD" cell per role (columns in the order of ROLES).
MATRIX_TABLE = """
model                             sp   sm   wh   whm  log  plan prod pm   inv  acc  aud  cust site drv
res.partner                       cyc- cyc- c--- cyc- c--- c--- c--- cyc- c--- c--- c--- o--- o--- o---
product.template                  c--- cycc c--- cycc c--- c--- c--- c--- c--- cycc c--- ---- ---- ----
product.template#standard_price   c--- c-c- ---- c-c- ---- ---- ---- c--- c--- c-c- c--- ---- ---- ----
tile.series                       a--- ayaa a--- a--- a--- a--- a--- a--- a--- a--- a--- ---- ---- ----
sale.order                        oyo- cycc c-c- c-c- c-c- c-c- c-c- cyc- c-c- c-c- c--- o--- o--- o---
sale.order.line                   oyoo cycc c-c- c-c- c-c- c-c- c-c- cycc c-c- c-c- c--- o--- o--- o---
sale.order.line#price_unit        o-o- c-c- ---- ---- ---- ---- ---- c-c- c-c- c-c- c--- o--- o--- o---
tile.room                         oyoo cycc c--- c--- c--- c--- c--- cycc c--- c--- c--- ---- ---- ----
tile.takeoff.wizard               oyoo oyoo ---- ---- ---- ---- ---- oyoo ---- ---- ---- ---- ---- ----
tile.takeoff.wizard.room          oyoo oyoo ---- ---- ---- ---- ---- oyoo ---- ---- ---- ---- ---- ----
stock.lot                         c--- c--- cycc cycc cycc cycc cycc c--- ---- ---- c--- ---- ---- ----
tile.stock.hold                   oyo- cycc c--- c--- c--- c--- c--- cyc- ---- ---- ---- ---- ---- ----
tile.stock.shade.report           c--- c--- c--- c--- c--- c--- c--- c--- c--- c--- c--- ---- ---- ----
stock.picking                     cyc- cycc cycc cycc cycc cycc cycc cyc- cyc- cyc- c--- ---- ---- ----
stock.picking.batch               ---- ---- cycc cycc cycc cycc cycc ---- ---- ---- ---- ---- ---- ----
fleet.vehicle                     ---- ---- c--- c--- cyc- c--- c--- ---- ---- ---- ---- ---- ---- ----
delivery.carrier                  ---- cycc c--- cycc c--- c--- c--- c--- ---- ---- ---- ---- ---- ----
tile.shipment.event               c--- c--- c--- cycc cyc- c--- c--- c--- c--- c--- c--- ---- ---- ----
tile.transit.claim                c--- c--- c--- cycc cyc- c--- c--- c--- c--- c--- c--- ---- ---- ----
tile.webhook.receipt              ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ----
tile.load.proposal                ---- ---- ---- ---- oyoo ---- ---- ---- ---- ---- ---- ---- ---- ----
mrp.production                    cyc- cyc- c--- c--- c--- cycc cycc cyc- ---- ---- ---- ---- ---- ----
tile.workcenter.rate              ---- ---- ---- ---- ---- cycc c--- ---- ---- ---- ---- ---- ---- ----
tile.grading                      ---- ---- ---- ---- ---- oyoo oyoo ---- ---- ---- ---- ---- ---- ----
tile.grading.line                 ---- ---- ---- ---- ---- oyoo oyoo ---- ---- ---- ---- ---- ---- ----
tile.production.report            ---- ---- ---- ---- ---- c--- c--- ---- ---- ---- ---- ---- ---- ----
project.project                   o--- c--- c--- c--- c--- c--- c--- cycc c--- c--- c--- ---- ---- ----
tile.project.phase                o--- c--- c--- c--- c--- c--- c--- cycc c--- c--- c--- ---- ---- ----
tile.project.phase.line           o--- c--- c--- c--- c--- c--- c--- cycc c--- c--- c--- ---- ---- ----
tile.boq.import                   oyoo oyoo ---- ---- ---- ---- ---- oyoo ---- ---- ---- ---- ---- ----
account.move                      o--- c--- ---- ---- ---- ---- ---- c--- cycc cycc c--- ---- ---- ----
tile.customer.behaviour           o--- c--- ---- ---- ---- ---- ---- c--- c--- c--- ---- ---- ---- ----
tile.sales.export                 oyo- oyo- ---- ---- ---- ---- ---- oyo- ---- ---- ---- ---- ---- ----
tile.customer.segment.history     o--- c--- ---- ---- ---- ---- ---- c--- c--- c--- ---- ---- ---- ----
tile.winback.campaign             c--- cycc ---- ---- ---- ---- ---- c--- ---- ---- ---- ---- ---- ----
tile.winback.wizard               ---- oyo- ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- ----
tile.analysis.export              oyo- oyo- oyo- oyo- oyo- oyo- oyo- oyo- oyo- oyo- oyo- ---- ---- ----
tile.order.margin                 ---- c--- ---- ---- ---- ---- ---- ---- c--- c--- c--- ---- ---- ----
crm.lead                          oyo- cycc ---- ---- ---- ---- ---- cyc- ---- ---- ---- ---- ---- ----
tile.review.rule                  c--- cycc ---- ---- ---- ---- ---- c--- ---- ---- c--- ---- ---- ----
tile.review.reason                o--- c--- ---- ---- ---- ---- ---- c--- c--- c--- c--- ---- ---- ----
tile.order.batch                  oyoo oyoo ---- ---- ---- ---- ---- oyoo ---- ---- ---- ---- ---- ----
tile.routing.rule                 c--- cycc ---- ---- ---- ---- ---- c--- ---- ---- ---- ---- ---- ----
res.users#groups_id               a--- a--- a--- a--- a--- a--- a--- a--- a--- a--- a--- o--- o--- o---
auditlog.log                      ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- a--- ---- ---- ----
tile.login.attempt                ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- a--- ---- ---- ----
res.users.log                     ---- ---- ---- ---- ---- ---- ---- ---- ---- ---- a--- ---- ---- ----
"""
MATRIX = {
    row.split()[0]: dict(zip(ROLES, row.split()[1:], strict=True))
    for row in MATRIX_TABLE.strip().splitlines()[1:]
}


def render_table(lang="en"):
    """The matrix as a Markdown table (models down, roles across), as in docs/roles*.md."""
    index = 0 if lang == "en" else 1
    roles = list(ROLES)
    head = ["Model" if lang == "en" else "模型"] + [ROLE_LABELS[role][index] for role in roles]
    rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for model, spec in MODELS.items():
        name = f"{spec[index]} `{model}`"
        rows.append("| " + " | ".join([name] + [MATRIX[model][role] for role in roles]) + " |")
    return "\n".join(rows) + "\n"

{
    "name": "Tile Security: Roles, Sign-in and Audit Trail",
    "summary": "One tested whole of Odoo's security blocks for the tile suite: password policy, "
    "two-factor sign-in, login throttling and idle-session expiry, a sign-in log, an audit trail "
    "of prices, lots, contracts, roles and exports readable by auditors only",
    "version": "18.0.1.0.0",
    "category": "Extra Tools",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    # AGPL-3: builds on OCA's auditlog (AGPL-3) and on the AGPL-3 tile modules.
    "license": "AGPL-3",
    "depends": [
        "auth_password_policy",
        "auth_totp",
        "auth_totp_mail",
        "auth_totp_mail_enforce",
        "tile_security_password",
        "auditlog",
        "tile_order_base",
        "tile_inventory",
        "tile_project_contracts",
        "tile_production",
        "tile_logistics",
        "tile_analytics",
    ],
    "data": [
        "security/tile_security_groups.xml",
        "security/ir.model.access.csv",
        "data/tile_security_data.xml",
        "data/auditlog_rule_data.xml",
        "views/tile_login_attempt_views.xml",
        "views/auditlog_log_views.xml",
        "views/res_config_settings_views.xml",
        "views/tile_security_menus.xml",
    ],
    "demo": ["demo/tile_security_demo.xml"],
    "installable": True,
}

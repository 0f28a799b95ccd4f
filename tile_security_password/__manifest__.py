{
    "name": "Tile Security: Password Defaults",
    "summary": "OCA password_security with the tile suite's defaults: no reuse of the last 10 "
    "passwords, no composition rules or forced expiry",
    "version": "18.0.1.0.0",
    "category": "Extra Tools",
    "author": "Tile Suite",
    "website": "https://example.com/tile-suite",
    "license": "LGPL-3",
    # Glue loaded right after password_security (it depends on nothing else), so that the
    # rules password_security turns on at install (one lower, upper, digit and special
    # character, expiry after 60 days) are replaced before the later modules of the same
    # installation create their demo users. tile_security depends on it.
    "depends": ["password_security"],
    "data": ["data/password_security_data.xml"],
    "auto_install": True,
    "installable": True,
}

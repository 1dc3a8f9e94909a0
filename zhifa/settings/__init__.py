"""zhifa's settings: `development` (the `zhifa` command's default: SQLite under var/,
secrets generated there once), `production` (the servers' default: everything from the
environment), `test` (the suite). All share `base`.

This package module itself defines nothing, so that importing `zhifa.settings.production`
never runs the development defaults (which would generate secrets under var/).
"""

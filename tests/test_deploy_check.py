"""The production settings in the README pass Django's deployment checklist."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "kerne.example.dk",
    "CSRF_TRUSTED_ORIGINS": "https://kerne.example.dk",
    "BEHIND_PROXY": "1",
    "SECURE_COOKIES": "1",
}


def test_check_deploy_is_clean_before_collectstatic() -> None:
    # As in the README: check and migrate run before collectstatic has made its manifest.
    env = {
        key: value
        for key, value in os.environ.items()
        if key in ("PATH", "HOME", "LANG", "DATABASE_URL")
    }
    env["STATIC_ROOT"] = str(ROOT / "var" / "no-collectstatic-yet")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env | PRODUCTION,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout

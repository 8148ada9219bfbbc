"""`kerne backup` and `kerne restore`: the database's own tools, wrapped.

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean` in one transaction, so a
failed restore leaves the database as it was. SQLite: the SQLite backup API, which copies a
consistent snapshot while the server runs, to a temporary file renamed only when complete.
A backup names its kind in its first bytes, so a file of the other kind is refused.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """The backup or restore could not be made; the message says why, in Danish."""


def _kind(settings: Mapping[str, Any]) -> str:
    engine = str(settings["ENGINE"])
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Databasetypen {engine} kan ikke sikkerhedskopieres her.")


def _pg(settings: Mapping[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", str(settings["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} findes ikke; installér PostgreSQL's klientprogrammer."
        ) from None
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["ukendt fejl"])[-1]
        raise BackupError(f"{command[0]} fejlede: {last}")


def backup(settings: Mapping[str, Any], target: Path) -> None:
    target = Path(target)
    partial = target.with_name(target.name + ".delvis")
    if _kind(settings) == "sqlite":
        source = sqlite3.connect(str(settings["NAME"]))
        copy = sqlite3.connect(str(partial))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
    else:
        args, env = _pg(settings)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(partial),
                *args,
            ],
            env,
        )
    partial.replace(target)


def restore(settings: Mapping[str, Any], source: Path) -> None:
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: filen findes ikke.")
    with source.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    kind = _kind(settings)
    if kind == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(
                f"{source}: er ikke en sikkerhedskopi af en SQLite-database."
            )
        backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        live = sqlite3.connect(str(settings["NAME"]))
        try:
            backup_db.backup(live)
        finally:
            live.close()
            backup_db.close()
    else:
        if not head.startswith(PG_MAGIC):
            raise BackupError(f"{source}: er ikke en sikkerhedskopi fra pg_dump.")
        args, env = _pg(settings)
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                *args,
                str(source),
            ],
            env,
        )

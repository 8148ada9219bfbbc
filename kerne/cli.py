"""The `kerne` command: the product's command line.

    kerne demo       set up the database with demo data, then serve it with a worker
    kerne serve      serve the web app (development server; see README for production)
    kerne worker     run background tasks
    kerne analyse …  offline analyses (no database needed)
    kerne import polis DIR --unit ID / kerne export polis PROCESS DIR
                     Polis conversations in and out (votes.csv, comments.csv)
    kerne backup FILE / kerne restore FILE --yes
                     the whole database to a file and back (pg_dump or SQLite's backup)

Django's own commands stay in manage.py.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from kerne.lib.accesslog import ACCESS_FORMAT


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerne.settings")
    import django

    django.setup()


def _call(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def cmd_serve(args: argparse.Namespace) -> int:
    _django_setup()
    _call("migrate", "--no-input", "--verbosity", "0")
    from django.core.management import call_command

    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _django_setup()
    import threading

    from django.core.management import call_command
    from django.db import connection

    from kerne.themes.services import LEASE, recover_interrupted_analyses

    def recover_now_and_then() -> None:
        # An analysis whose worker died is taken up by whichever worker looks next.
        while True:
            try:
                recover_interrupted_analyses()
            finally:
                connection.close()
            threading.Event().wait(LEASE.total_seconds() / 2)

    threading.Thread(target=recover_now_and_then, name="recovery", daemon=True).start()
    call_command("db_worker", interval=args.interval)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    os.environ["KERNE_DEMO"] = "1"
    _django_setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", "--verbosity", "0")
    call_command("collectstatic", "--no-input", "--verbosity", "0")
    from kerne.demo.services import load_demo

    summary = load_demo(reset=args.reset)
    print(summary)
    if args.no_serve:
        return 0
    url = f"http://{args.host}:{args.port}/"
    print()
    print(f"Kerne kører på {url}")
    print(
        "Log ind som 'fasilitator' (Solbjerg Kommune), 'direktoer' (administrator i Solbjerg)"
    )
    print("eller 'udefra' (Havnestad Kommune).")
    print("Adgangskode: kerne-demo.  Stop med Ctrl+C.")
    sys.stdout.flush()
    env = {**os.environ, "KERNE_DEMO": "1"}
    worker = subprocess.Popen([sys.executable, "-m", "kerne.cli", "worker"], env=env)
    try:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "kerne.wsgi",
                "--bind",
                f"{args.host}:{args.port}",
                "--workers",
                "2",
                "--access-logfile",
                "-",
                "--logger-class",
                "kerne.lib.accesslog.PrivateLogger",
                "--access-logformat",
                ACCESS_FORMAT,
            ],
            env=env,
        )
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for proc in (worker,):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=10)


def cmd_import_polis(args: argparse.Namespace) -> int:
    _django_setup()
    from kerne.analysis.polis_io import PolisFormatError
    from kerne.organisations.models import Unit
    from kerne.statements.polis import import_polis

    unit = Unit.objects.filter(pk=args.unit).first()
    if unit is None:
        print(
            f"kerne import polis: error: no unit with id {args.unit}", file=sys.stderr
        )
        return 2
    try:
        process = import_polis(args.directory, unit=unit, title=args.title or "")
    except PolisFormatError as exc:
        print(f"kerne import polis: error: {exc}", file=sys.stderr)
        return 2
    print(f"Imported process {process.pk}: {process.title}")
    return 0


def cmd_export_polis(args: argparse.Namespace) -> int:
    _django_setup()
    from kerne.processes.models import Process
    from kerne.statements.polis import export_polis

    process = Process.objects.filter(pk=args.process).first()
    if process is None:
        print(
            f"kerne export polis: error: no process with id {args.process}",
            file=sys.stderr,
        )
        return 2
    votes, statements = export_polis(process, args.directory)
    print(f"Wrote {votes} votes and {statements} statements to {args.directory}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    _django_setup()
    from django.db import connection

    from kerne.lib.backup import BackupError, backup

    try:
        backup(connection.settings_dict, args.file)
    except BackupError as exc:
        print(f"kerne backup: fejl: {exc}", file=sys.stderr)
        return 1
    print(f"Sikkerhedskopi skrevet til {args.file}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _django_setup()
    from django.db import connection

    from kerne.lib.backup import BackupError, restore

    if not args.yes:
        print(
            "kerne restore: fejl: gendannelsen erstatter alt i databasen med kopien; "
            "stop web- og baggrundsprocesserne, og kør igen med --yes.",
            file=sys.stderr,
        )
        return 2
    connection.close()
    try:
        restore(connection.settings_dict, args.file)
    except BackupError as exc:
        print(f"kerne restore: fejl: {exc}", file=sys.stderr)
        return 1
    # A copy from an older version has an older schema: bring it up to date.
    _call("migrate", "--no-input", "--verbosity", "0")
    print(f"Databasen er gendannet fra {args.file}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kerne", description="Kerne – arbejd med kerneopgaven."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser(
        "demo", help="Load demo data and serve the app with a worker."
    )
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", default=os.environ.get("PORT", "8000"))
    demo.add_argument(
        "--reset", action="store_true", help="Delete the demo organisations first."
    )
    demo.add_argument("--no-serve", action="store_true", help="Only load the data.")
    demo.set_defaults(run=cmd_demo)

    serve = sub.add_parser("serve", help="Serve the web app (development server).")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", default=os.environ.get("PORT", "8000"))
    serve.set_defaults(run=cmd_serve)

    worker = sub.add_parser("worker", help="Run background tasks.")
    worker.add_argument("--interval", type=float, default=1.0)
    worker.set_defaults(run=cmd_worker)

    importer = sub.add_parser("import", help="Import data from other tools.")
    import_sub = importer.add_subparsers(dest="format", required=True)
    polis_in = import_sub.add_parser(
        "polis", help="Import a Polis export directory as a process."
    )
    polis_in.add_argument("directory", type=Path, help="holds votes.csv, comments.csv")
    polis_in.add_argument("--unit", type=int, required=True, help="unit id")
    polis_in.add_argument("--title", help="the process's title")
    polis_in.set_defaults(run=cmd_import_polis)

    exporter = sub.add_parser("export", help="Export data for other tools.")
    export_sub = exporter.add_subparsers(dest="format", required=True)
    polis_out = export_sub.add_parser(
        "polis", help="Write a process's statements and votes in Polis's CSV format."
    )
    polis_out.add_argument("process", type=int, help="process id")
    polis_out.add_argument("directory", type=Path, help="where to write the CSV files")
    polis_out.set_defaults(run=cmd_export_polis)

    backup = sub.add_parser(
        "backup", help="Write a copy of the whole database to FILE."
    )
    backup.add_argument("file", type=Path)
    backup.set_defaults(run=cmd_backup)
    restore = sub.add_parser(
        "restore", help="Replace the whole database with the copy in FILE."
    )
    restore.add_argument("file", type=Path)
    restore.add_argument("--yes", action="store_true", help="yes, replace everything")
    restore.set_defaults(run=cmd_restore)

    # Parsed by the analysis library itself, which needs no database.
    sub.add_parser(
        "analyse",
        help="Offline analyses: themes, approach, names, opinions.",
        add_help=False,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["analyse"]:
        from kerne.analysis.cli import main as analyse_main

        return analyse_main(argv[1:])
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

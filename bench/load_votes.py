"""Load test: simulated participants vote on statements against the production set-up.

    .venv/bin/python -m bench.load_votes                     # PostgreSQL, then SQLite
    .venv/bin/python -m bench.load_votes --db postgres --users 300 --seconds 60

For each database it creates a fresh database (PostgreSQL: `kerne_bench` on
127.0.0.1:5432, dropped again afterwards; SQLite: a temporary file), migrates
it, seeds one open process with statements, and starts gunicorn (several
worker processes) plus one `db_worker` for the map recomputations, all on
loopback. Locust's Python API then runs the participants: each opens its
invitation link, starts, and votes agree / disagree / pass through the htmx
endpoint with a think time of 0.5–1.5 s; one vote in ten is sent twice (a
double click) and, once a participant has voted on everything, they change
earlier votes. Every vote the server acknowledged (HTTP 200) is recorded.

Afterwards it compares the database with the acknowledged votes: the current
votes must equal the last acknowledged vote per (participant, statement), and
the vote history must hold exactly one event per acknowledged change. It
prints votes/s, p50/p95/p99 latency, errors and the comparison, plus the load
average and how much of the machine's CPU the load generator itself used
(it shares the cores with the server, so it must not be the bottleneck).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/kerne_bench"
STATEMENT_ID = re.compile(rb'name="statement" value="(\d+)"')
STATEMENTS = 100


# ----------------------------------------------------------------- child steps


def seed(out: Path, users: int) -> None:
    """Create one open process with statements; write the invitation tokens to `out`."""
    import django

    django.setup()
    from kerne.processes.services import create_process, open_round
    from kerne.statements.services import add_statement
    from kerne.testing import make_organisation, make_unit

    unit = make_unit(make_organisation("Bench Kommune"), "Hjemmeplejen Bench")
    process = create_process(unit, title="Belastningsprøve", by=None)
    round_ = process.rounds.get()
    open_round(round_)
    for i in range(STATEMENTS):
        add_statement(process, text=f"Udsagn nummer {i + 1} om kerneopgaven.", by=None)
    tokens = [inv.token for inv in round_.invitations.select_related("group")]
    out.write_text(json.dumps({"tokens": tokens, "process": process.pk}))


def verify(acked_path: Path, out: Path) -> None:
    """Compare the database with the acknowledged votes; write the verdict to `out`."""
    import django

    django.setup()
    from kerne.participation.models import Respondent
    from kerne.statements.models import Vote, VoteEvent

    acked = json.loads(acked_path.read_text())
    receipts = dict(Respondent.objects.values_list("receipt_code", "pk"))
    expected: dict[tuple[int, int], int] = {}
    changes = 0
    for receipt, statement, value in acked["votes"]:
        key = (receipts[receipt], statement)
        if expected.get(key) != value:
            changes += 1
        expected[key] = value
    stored = {
        (r, s): v
        for r, s, v in Vote.objects.values_list(
            "respondent_id", "statement_id", "value"
        )
    }
    events = VoteEvent.objects.count()
    missing = sum(1 for k, v in expected.items() if stored.get(k) != v)
    extra = sum(1 for k in stored if k not in expected)
    out.write_text(
        json.dumps(
            {
                "expected_current": len(expected),
                "stored_current": len(stored),
                "missing_or_wrong": missing,
                "unacknowledged_extra": extra,
                "expected_events": changes,
                "stored_events": events,
                "ok": missing == 0 and extra == 0 and events == changes,
            }
        )
    )


# ----------------------------------------------------------------- the load


@dataclass
class Record:
    votes: list[tuple[str, int, int]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    in_flight: int = 0
    client_cpu: float = 0.0  # CPU seconds the load generator used while voting
    machine_cpu: float = 0.0  # CPU seconds all processes used meanwhile


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pids: list[int]) -> float:
    """CPU seconds these processes have used so far (those still running)."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _machine_cpu() -> float:
    """Busy CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    busy = user + nice + system + irq + softirq + steal
    return busy / os.sysconf("SC_CLK_TCK")


def _receipt(cookies: Any) -> str:
    """The receipt code inside the signed respondent cookie (value:timestamp:signature)."""
    for cookie in cookies:
        if cookie.name.startswith("kerne_r_") and cookie.value:
            value: str = cookie.value.strip('"').split(":")[0]
            return value
    return ""


def run_load(
    base: str,
    tokens: list[str],
    users: int,
    seconds: float,
    record: Record,
    ramp: float = 10.0,
) -> float:
    """Run the participants with locust; returns the wall time of the voting phase."""
    import gevent  # type: ignore[import-untyped]
    from locust import FastHttpUser, between, task
    from locust.env import Environment

    class Participant(FastHttpUser):  # type: ignore[misc, unused-ignore]
        host = base
        wait_time = between(0.5, 1.5)
        network_timeout = 30.0
        connection_timeout = 30.0

        def on_start(self) -> None:
            self.token = random.choice(tokens)
            self.url = f"/s/{self.token}/udsagn/"
            self.client.get(self.url, name="vote page")
            self.client.post(
                self.url,
                data={},
                headers=self._csrf(),
                name="start",
                allow_redirects=False,
            )
            page = self.client.get(self.url, name="vote page")
            self.receipt = _receipt(self.client.cookiejar)
            self.voted: list[int] = []
            self.next_id = self._statement(page.content)

        def _csrf(self) -> dict[str, str]:
            token = next(
                (c.value or "" for c in self.client.cookiejar if c.name == "csrftoken"),
                "",
            )
            return {"X-CSRFToken": token, "Referer": base + "/"}

        @staticmethod
        def _statement(content: bytes | None) -> int | None:
            match = STATEMENT_ID.search(content or b"")
            return int(match.group(1)) if match else None

        @task  # type: ignore[untyped-decorator, unused-ignore]
        def vote(self) -> None:
            if time.perf_counter() >= deadline:
                # Time is up: send nothing new, so no vote is in flight at the end.
                return
            if not self.receipt:
                record.errors.append("no respondent cookie")
                self.stop()
                return
            statement = self.next_id
            if statement is None:
                if not self.voted:
                    return
                statement = random.choice(self.voted)  # change an earlier vote
            value = random.choice((1, -1, 0))
            for _ in range(2 if random.random() < 0.1 else 1):
                self._post(statement, value)

        def _post(self, statement: int, value: int) -> None:
            started = time.perf_counter()
            record.in_flight += 1
            with self.client.post(
                f"/s/{self.token}/udsagn/stem/",
                data={"statement": str(statement), "vote": str(value)},
                headers={**self._csrf(), "HX-Request": "true"},
                name="cast vote",
                catch_response=True,
            ) as response:
                elapsed = time.perf_counter() - started
                record.in_flight -= 1
                record.requests += 1
                if response.status_code == 200:
                    response.success()
                    record.latencies.append(elapsed)
                    record.votes.append((self.receipt, statement, value))
                    if statement not in self.voted:
                        self.voted.append(statement)
                    self.next_id = self._statement(response.content)
                else:
                    record.errors.append(f"HTTP {response.status_code}")
                    response.failure(f"HTTP {response.status_code}")

    deadline = float("inf")
    env = Environment(user_classes=[Participant])
    runner = env.create_local_runner()
    started = time.perf_counter()
    deadline = started + seconds
    client, machine = _client_cpu(), _machine_cpu()
    # People arrive over `ramp` seconds, as when a room scans a QR code; 0 = all at once.
    runner.start(users, spawn_rate=users / ramp if ramp > 0 else users)
    gevent.sleep(seconds)
    record.client_cpu = _client_cpu() - client
    record.machine_cpu = _machine_cpu() - machine
    # Let the votes already sent get their answers before stopping the users.
    while record.in_flight and time.perf_counter() < deadline + 30:
        gevent.sleep(0.1)
    runner.quit()
    return seconds


# ----------------------------------------------------------------- orchestration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_for(url: str, timeout: float = 30.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(
        PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
    ) as conn:
        conn.execute(sql)


def _gunicorn(args: argparse.Namespace) -> list[str]:
    """The server's options: the production set-up, with the pool sized by the flags."""
    options = ["--workers", str(args.workers), "--worker-class", args.worker_class]
    if args.worker_class == "gthread":
        options += ["--threads", str(args.threads)]
    # Longer than a participant's think time, so kept-alive connections are not
    # closed just as the next vote is sent on them.
    return [*options, "--keep-alive", "5", "--backlog", "2048"]


def _pg_backends() -> list[int]:
    import psycopg

    with psycopg.connect(
        PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
    ) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = 'kerne_bench'"
        ).fetchall()
    return [int(r[0]) for r in rows]


def bench(db: str, args: argparse.Namespace) -> dict[str, Any]:
    users, seconds = args.users, args.seconds
    tmp = Path(tempfile.mkdtemp(prefix="kerne-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kerne.settings",
        "SECRET_KEY": "bench-only-secret-key-not-for-production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KERNE_DATA_DIR": str(tmp),
        "PYTHONPATH": str(ROOT),
        "KERNE_TESTING": "",
        "STATIC_ROOT": str(tmp / "static"),
    }
    env.pop("DATABASE_URL", None)
    if db == "postgres":
        _pg("DROP DATABASE IF EXISTS kerne_bench")
        _pg("CREATE DATABASE kerne_bench")
        env["DATABASE_URL"] = PG_URL
    py = sys.executable
    subprocess.run(
        [py, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run(
        [py, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [
            py,
            "-m",
            "bench.load_votes",
            "--step",
            "seed",
            "--file",
            str(tmp / "seed.json"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    seeded = json.loads((tmp / "seed.json").read_text())
    port = _free_port()
    server = subprocess.Popen(
        [
            py,
            "-m",
            "gunicorn",
            "kerne.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            *_gunicorn(args),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    worker = subprocess.Popen(
        [py, "manage.py", "db_worker", "--interval", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    record = Record()
    try:
        _wait_for(f"http://127.0.0.1:{port}/")
        load_before = os.getloadavg()[0]
        wall = run_load(
            f"http://127.0.0.1:{port}",
            seeded["tokens"],
            users,
            seconds,
            record,
            args.ramp,
        )
        load_after = os.getloadavg()[0]
        # The workers and database backends started with the load, so their
        # whole CPU time is (nearly all) the voting's.
        server_cpu = _process_cpu(_children(server.pid))
        db_cpu = _process_cpu(_pg_backends()) if db == "postgres" else 0.0
    finally:
        for proc in (server, worker):
            proc.terminate()
            proc.wait(timeout=30)
    (tmp / "acked.json").write_text(json.dumps({"votes": record.votes}))
    subprocess.run(
        [
            py,
            "-m",
            "bench.load_votes",
            "--step",
            "verify",
            "--file",
            str(tmp / "acked.json"),
            "--out",
            str(tmp / "verdict.json"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    verdict = json.loads((tmp / "verdict.json").read_text())
    if db == "postgres":
        _pg("DROP DATABASE IF EXISTS kerne_bench")
    latencies = sorted(record.latencies)

    def pct(p: float) -> float:
        return (
            1000 * latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]
            if latencies
            else float("nan")
        )

    return {
        "db": db,
        "users": users,
        "seconds": round(wall, 1),
        "acknowledged": len(record.votes),
        "votes_per_s": round(len(record.votes) / wall, 1),
        "p50_ms": round(pct(50), 1),
        "p95_ms": round(pct(95), 1),
        "p99_ms": round(pct(99), 1),
        "errors": len(record.errors),
        "error_kinds": sorted(set(record.errors))[:5],
        "load_before": round(load_before, 2),
        "load_after": round(load_after, 2),
        # Shares of the whole machine (all cores) while voting.
        "client_cpu_pct": round(100 * record.client_cpu / wall / (os.cpu_count() or 1)),
        "machine_cpu_pct": round(
            100 * record.machine_cpu / wall / (os.cpu_count() or 1)
        ),
        # CPU per answered vote request, independent of what else the machine does.
        "server_ms_per_vote": round(1000 * server_cpu / max(record.requests, 1), 2),
        "db_ms_per_vote": round(1000 * db_cpu / max(record.requests, 1), 2),
        **verdict,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load-test voting on statements.")
    parser.add_argument("--db", choices=["postgres", "sqlite", "both"], default="both")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--ramp",
        type=float,
        default=10.0,
        help="seconds over which the participants arrive (0: all at once)",
    )
    # Sync workers, 2 × cores + 1, as gunicorn advises: on 2 cores they beat
    # gthread (4 × 4 threads), whose threads queue for the GIL after every query.
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn worker processes",
    )
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument(
        "--threads", type=int, default=4, help="threads per gthread worker"
    )
    parser.add_argument("--step", choices=["seed", "verify"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step == "seed":
        seed(args.file, args.users)
        return 0
    if args.step == "verify":
        verify(args.file, args.out)
        return 0
    results = [
        bench(db, args)
        for db in (["postgres", "sqlite"] if args.db == "both" else [args.db])
    ]
    pool = f"{args.workers} {args.worker_class} workers" + (
        f" × {args.threads} threads" if args.worker_class == "gthread" else ""
    )
    print(
        f"\n{args.users} participants arriving over {args.ramp:.0f} s, {args.seconds:.0f} s,"
        f" gunicorn {pool}, {os.cpu_count()} cores"
    )
    print(
        f"{'db':9} {'votes/s':>8} {'acked':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}  database = acknowledged?"
    )
    for r in results:
        print(
            f"{r['db']:9} {r['votes_per_s']:8.1f} {r['acknowledged']:7d} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} "
            f"{r['p99_ms']:7.1f} {r['errors']:6d}  {'yes' if r['ok'] else 'NO'} "
            f"(current {r['stored_current']}/{r['expected_current']}, history {r['stored_events']}/{r['expected_events']}, "
            f"missing {r['missing_or_wrong']}, extra {r['unacknowledged_extra']})"
        )
        print(
            f"          load average {r['load_before']} → {r['load_after']}; CPU busy "
            f"{r['machine_cpu_pct']} % of the machine, of which the load generator "
            f"{r['client_cpu_pct']} %; CPU per vote request: gunicorn "
            f"{r['server_ms_per_vote']} ms, PostgreSQL {r['db_ms_per_vote']} ms"
        )
        if r["error_kinds"]:
            print(f"          errors: {', '.join(r['error_kinds'])}")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Voting-day intake and tabulation on PostgreSQL, server and load generator on loopback.

For each size (TPS in the database; default 10,000 and 100,000, set SUP_BENCH_SIZES,
e.g. ``SUP_BENCH_SIZES=10000,100000,435296`` for the full country) it:

1. grows the synthetic country (``generate_national --tps N``);
2. starts granian (``SUP_BENCH_WORKERS`` WSGI workers, keep-alive, more options in
   ``SUP_BENCH_GRANIAN_ARGS``; or with
   ``SUP_BENCH_SERVER=gunicorn``, sync workers with the lookups preloaded) serving
   ``kawal.wsgi:application`` (the intake fast path in front of Django), and the
   running-totals job beside it; with
   ``SUP_BENCH_APPS=django,fastpath`` the HTTP reports of a size are split between Django
   alone and the fast path, one server after the other, to compare within one run;
3. sends one report per new TPS through ``POST /api/v1/pengawasan/laporan-tps/`` from
   32 clients, re-sending 3 % of accepted reports and retrying every failed request
   with the same bytes, and kills one worker halfway;
4. checks nothing was lost or duplicated and that the running totals equal a direct
   count, then times area totals (in-process and over HTTP) and the database work of
   one report (statements and time, measured in-process).

Numbers on a shared 2-core machine are noisy: compare within one run.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("SUP_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kawal_bench")
SIZES = [int(s) for s in os.environ.get("SUP_BENCH_SIZES", "10000,100000").split(",") if s.strip()]
WORKERS = int(os.environ.get("SUP_BENCH_WORKERS", "4"))
SERVER = os.environ.get("SUP_BENCH_SERVER", "granian")  # or gunicorn
GRANIAN_ARGS = os.environ.get("SUP_BENCH_GRANIAN_ARGS", "").split()  # e.g. "--runtime-mode st"
WORKER_CLASS = os.environ.get("SUP_BENCH_WORKER_CLASS", "sync")
THREADS = int(os.environ.get("SUP_BENCH_THREADS", "1"))
APPS = [a.strip() for a in os.environ.get("SUP_BENCH_APPS", "fastpath").split(",") if a.strip()]
APP_TARGETS = {"fastpath": "bench.supervision_wsgi:application", "django": "bench.supervision_wsgi:django_application"}
CLIENTS = int(os.environ.get("SUP_BENCH_CLIENTS", "32"))
FIXED_PORT = int(os.environ.get("SUP_BENCH_PORT", "0"))  # 0: a free port chosen per server
PORT = FIXED_PORT
HELD_BACK = 500  # reports per size stored in-process to measure the database work alone
IN_PROCESS = 200  # reports per size and app sent in-process through the WSGI app (CPU per request)
HTTP_REPORTS = int(os.environ.get("SUP_BENCH_HTTP_REPORTS", "10000"))  # per size; the rest is bulk-loaded
BATCH_REPORTS, BATCH_SIZE = 5000, 50  # per size, also sent through the batch endpoint
ENV = {**os.environ, "DATABASE_URL": DATABASE_URL, "DEBUG": "0", "LOG_LEVEL": "WARNING", "DB_CONN_MAX_AGE": "600",
       "AXES_ENABLED": "0", "KAWAL_TESTING": "0"}  # fmt: skip


def manage(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True
    )
    return done.stdout


def reset_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput")


def setup_django() -> None:
    os.environ.update({k: v for k, v in ENV.items() if k in {"DATABASE_URL", "DEBUG", "AXES_ENABLED"}})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kawal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def token() -> str:
    from kawal.accounts.services import ensure_user
    from kawal.supervision.tokens import issue_token

    user, _ = ensure_user("bench", password=uuid.uuid4().hex, full_name="Bench", is_superuser=True)
    return issue_token(user, label="bench")


def new_payloads(rng: random.Random) -> tuple[list[dict[str, Any]], int]:
    """One report per TPS without one: the regency's election, or the province's."""
    from kawal.elections.models import Election
    from kawal.regions.models import Tps
    from kawal.supervision.models import CurrentReport

    elections = {region: (pk, [p.number for p in e.pairs.all()]) for e in Election.objects.prefetch_related("pairs")
                 for region, pk in [(e.region_id, e.pk)]}  # fmt: skip
    done = set(CurrentReport.objects.values_list("tps_id", flat=True))
    out: list[dict[str, Any]] = []
    for pk, desa, dpt in Tps.objects.values_list("id", "desa_id", "dpt").order_by("id").iterator(chunk_size=20000):
        if pk in done:
            continue
        found = elections.get(desa[:5]) or elections.get(desa[:2])
        if found is None:
            continue
        election, pairs = found
        cast = int(dpt * rng.uniform(0.55, 0.8))
        invalid = rng.randint(0, cast // 15)
        valid = cast - invalid
        cuts = sorted(rng.randint(0, valid) for _ in range(len(pairs) - 1))
        votes = {str(n): b - a for n, a, b in zip(pairs, [0, *cuts], [*cuts, valid], strict=True)}
        male = cast // 2
        out.append({
            "submission_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "election": election, "tps": pk,
            "submitted_at": "2024-11-27T14:30:00+07:00", "dpt": dpt, "dptb": 3, "dpk": 1,
            "voters_male": male, "voters_female": cast - male, "ballots_received": dpt + 15, "ballots_used": cast,
            "ballots_damaged": 1, "ballots_unused": dpt + 14 - cast, "votes": votes, "invalid": invalid, "cast": cast,
            "checklist": {},
        })  # fmt: skip
    return out, len(done)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command(app: str) -> list[str]:
    if SERVER == "granian":
        return [sys.executable, "-m", "granian", "--interface", "wsgi", APP_TARGETS[app],
                "--workers", str(WORKERS), "--blocking-threads", str(THREADS), "--host", "127.0.0.1",
                "--port", str(PORT), "--log-level", "warning", "--backlog", "2048", "--no-access-log",
                "--respawn-failed-workers", "--respawn-interval", "0.5", *GRANIAN_ARGS]  # fmt: skip
    return [sys.executable, "-m", "gunicorn", APP_TARGETS[app], "--preload",
            "--workers", str(WORKERS), "--worker-class", WORKER_CLASS, "--threads", str(THREADS),
            "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning", "--backlog", "2048"]  # fmt: skip


def start_server(app: str = "fastpath") -> subprocess.Popen[bytes]:
    global PORT
    PORT = FIXED_PORT or free_port()
    server = subprocess.Popen(server_command(app), cwd=ROOT, env=ENV)
    import urllib.request

    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/schema/", timeout=1)
        except OSError as error:
            if getattr(error, "code", None):  # an HTTP answer (401/403): the server is up
                return server
            time.sleep(0.2)
        else:
            return server
    raise RuntimeError("gunicorn did not start")


def run_load(payloads: list[dict[str, Any]], key: str, master: int, batch: int = 0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        lines = Path(tmp) / "payloads.jsonl"
        if batch:
            bodies = [{"reports": payloads[i : i + batch]} for i in range(0, len(payloads), batch)]
            path = "/api/v1/pengawasan/laporan-tps/batch/"
        else:
            bodies, path = list(payloads), "/api/v1/pengawasan/laporan-tps/"
        lines.write_text("\n".join(json.dumps(p, separators=(",", ":")) for p in bodies))
        config = Path(tmp) / "config.json"
        config.write_text(json.dumps({
            "host": "127.0.0.1", "port": PORT, "path": path, "token": key, "payloads": str(lines),
            "clients": CLIENTS, "retry_share": 0.03, "kill_master_pid": 0 if batch else master,
        }))  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "bench.supervision_load", str(config)], cwd=ROOT, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(done.stderr)
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def start_applier() -> subprocess.Popen[str]:
    """The running-totals job, as production runs it, competing with the intake for the CPU."""
    return subprocess.Popen(
        [sys.executable, "-m", "bench.supervision_applier"], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, text=True
    )


def stop_applier(applier: subprocess.Popen[str]) -> dict[str, Any]:
    applier.terminate()
    out, _err = applier.communicate(timeout=120)
    return dict(json.loads(out.strip().splitlines()[-1]))


def pending_count() -> int:
    from kawal.supervision.totals import pending_count as count

    return count()


def bulk_load(payloads: list[dict[str, Any]]) -> tuple[float, float]:
    """Fill the country up to the next size in batches of 100 (in-process), then add them to
    the totals as the background job would have by now; returns both rates (reports/s)."""
    from kawal.supervision.intake import Reporter
    from kawal.supervision.lookups import lookups
    from kawal.supervision.services import receive
    from kawal.supervision.totals import apply_pending

    lookups.clear()  # the country just grew: reload the TPS map once instead of one query per new TPS
    reporter = Reporter(None, "bench", None)
    started = time.perf_counter()
    for start in range(0, len(payloads), 100):
        receive(payloads[start : start + 100], reporter=reporter, channel="import")
    stored = time.perf_counter()
    applied = apply_pending()
    done = time.perf_counter()
    vacuum()
    return (len(payloads) / (stored - started) if payloads else 0.0,
            applied / (done - stored) if applied else 0.0)  # fmt: skip


def db_work(held: list[dict[str, Any]]) -> tuple[float, float]:
    """Statements and milliseconds per report stored in-process (no HTTP): check, SQL and commit."""
    from django.db import connection

    from kawal.supervision import intake_pg
    from kawal.supervision.intake import Reporter
    from kawal.supervision.services import receive

    reporter = Reporter(None, "bench", None)
    spent = [0.0, 0]
    before = intake_pg.statements_sent

    def timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - started
            spent[1] += 1

    started = time.perf_counter()
    with connection.execute_wrapper(timer):
        for payload in held:
            receive([payload], reporter=reporter, channel="api", audit_batch=False)
    elapsed = time.perf_counter() - started
    statements = spent[1] + intake_pg.statements_sent - before
    return statements / len(held), elapsed * 1000 / len(held)


def wsgi_cpu(payloads: list[dict[str, Any]], key: str) -> dict[str, tuple[float, float]]:
    """Per app: wall and CPU ms per report sent in-process through the WSGI app (no HTTP server, one at a time)."""
    import io

    from kawal import wsgi

    apps = {"fastpath": wsgi.application, "django": wsgi.django_application}
    out: dict[str, tuple[float, float]] = {}

    def start_response(status: str, headers: Any, exc_info: Any = None) -> None:
        if not status.startswith(("200", "201")):
            raise RuntimeError(f"in-process intake answered {status}")

    for i, app in enumerate(APPS):
        bodies = [json.dumps(p).encode() for p in payloads[i * IN_PROCESS : (i + 1) * IN_PROCESS]]
        environs = [{
            "REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/pengawasan/laporan-tps/", "SCRIPT_NAME": "",
            "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr, "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
            "wsgi.version": (1, 0), "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
            "HTTP_AUTHORIZATION": f"Token {key}",
        } for body in bodies]  # fmt: skip
        warm, timed = environs[:20], environs[20:]
        for environ in warm:
            b"".join(apps[app](environ, start_response))
        wall, cpu = time.perf_counter(), time.process_time()
        for environ in timed:
            b"".join(apps[app](environ, start_response))
        out[app] = ((time.perf_counter() - wall) * 1000 / len(timed), (time.process_time() - cpu) * 1000 / len(timed))
    return out


def vacuum() -> None:
    """What autovacuum does within a minute or two after a burst (the bench compresses hours
    into minutes): fresh statistics and no dead entries in the index of pending rows."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("supervision_currentreport", "supervision_tpsreport", "supervision_areatotal"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def catch_up() -> int:
    """What the running-totals job does within seconds once the load stops."""
    from kawal.supervision.totals import apply_pending

    return apply_pending()


def verify() -> dict[str, Any]:
    """Lost, duplicated, and running totals against a direct count (per election, top level)."""
    from django.db.models import Count, Sum

    from kawal.elections.models import Election
    from kawal.supervision.models import CurrentReport, TpsReport
    from kawal.supervision.tabulation import area_total

    catch_up()
    versions = TpsReport.objects.values("tps_id", "election_id").annotate(n=Count("id"))
    duplicated = versions.filter(n__gt=1).count()
    reports = TpsReport.objects.count()
    current = CurrentReport.objects.count()
    mismatched = 0
    direct = {row["election_id"]: row for row in CurrentReport.objects.values("election_id").annotate(
        n=Count("id"), v=Sum("valid"), i=Sum("invalid"), c=Sum("cast"))}  # fmt: skip
    for election in Election.objects.all():
        total = area_total(election, election.region_id)
        row = direct.get(election.pk, {"n": 0, "v": None, "i": None, "c": None})
        if (total.reported, total.valid, total.invalid, total.cast) != (
            row["n"],
            row["v"] or 0,
            row["i"] or 0,
            row["c"] or 0,
        ):
            mismatched += 1
    return {"reports": reports, "current": current, "duplicated": duplicated, "totals_mismatched": mismatched}


def totals_latency(rng: random.Random, key: str) -> tuple[float, float, float]:
    """p50 and p95 of area totals in-process, and p95 over HTTP, over random areas of every level."""
    import urllib.request

    from kawal.elections.models import Election
    from kawal.regions.models import Tps
    from kawal.supervision.tabulation import area_total

    elections = list(Election.objects.values_list("id", "region_id"))
    stations = list(Tps.objects.values_list("desa_id", "number").order_by("?")[:400])
    areas: list[tuple[int, str]] = []
    by_region = dict((r, e) for e, r in elections)
    for desa, number in stations:
        election = by_region.get(desa[:5]) or by_region.get(desa[:2])
        if election is None:
            continue
        code = f"{desa}.{number:03d}"
        parts = code.split(".")
        areas.append((election, ".".join(parts[: rng.randint(2 if election == by_region.get(desa[:5]) else 1, 5)])))
    timings: list[float] = []
    for election, code in areas:
        started = time.perf_counter()
        area_total(election, code)
        timings.append(time.perf_counter() - started)
    http: list[float] = []
    for election, code in areas[:200]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORT}/api/v1/pengawasan/total/{election}/{code}/",
            headers={"Authorization": f"Token {key}"},
        )
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            response.read()
        http.append(time.perf_counter() - started)
    timings.sort()
    http.sort()
    p50, p95 = timings[len(timings) // 2], timings[int(len(timings) * 0.95)]
    return p50 * 1000, p95 * 1000, http[int(len(http) * 0.95)] * 1000


def main() -> None:
    from bench.supervision_reference import pgbench_rate

    started = time.perf_counter()
    reset_database()
    reference = [pgbench_rate(DATABASE_URL)]
    setup_django()
    key = token()
    rng = random.Random(27)
    rows: list[dict[str, Any]] = []
    for size in SIZES:
        manage("generate_national", "--tps", str(size))
        payloads, already = new_payloads(rng)
        rng.shuffle(payloads)  # reports arrive from all over the country, not in TPS order
        held, payloads = payloads[:HELD_BACK], payloads[HELD_BACK:]
        direct, payloads = payloads[: IN_PROCESS * len(APPS)], payloads[IN_PROCESS * len(APPS) :]
        batched, payloads = payloads[:BATCH_REPORTS], payloads[BATCH_REPORTS:]
        bulk, payloads = payloads[: max(0, len(payloads) - HTTP_REPORTS)], payloads[-HTTP_REPORTS:]
        bulk_rate = bulk_load(bulk)
        loads: dict[str, tuple[dict[str, Any], tuple[int, dict[str, Any]]]] = {}
        for i, app in enumerate(APPS):  # the HTTP reports split evenly between the apps compared
            mine = payloads[i * len(payloads) // len(APPS) : (i + 1) * len(payloads) // len(APPS)]
            mine_batched = batched[i * len(batched) // len(APPS) : (i + 1) * len(batched) // len(APPS)]
            applier = start_applier()  # first: its start-up is over before the load begins
            server = start_server(app)
            try:
                load = run_load(mine, key, server.pid)
                load["backlog"] = pending_count()
                load["applier"] = stop_applier(applier)
                batch_load = run_load(mine_batched, key, server.pid, batch=BATCH_SIZE)
                if i == len(APPS) - 1:
                    catch_up()  # the steady state the totals are read in: the job has caught up
                    vacuum()
                    totals_p50, totals_p95, totals_http_p95 = totals_latency(rng, key)
            finally:
                server.terminate()
                server.wait(30)
                if applier.poll() is None:
                    applier.kill()
            loads[app] = (load, (len(mine_batched), batch_load))
        statements, db_ms = db_work(held)
        cpu = wsgi_cpu(direct, key)
        check = verify()
        expected_reports = already + len(payloads) + len(held) + len(direct) + len(bulk) + len(batched)
        totals = (totals_p50, totals_p95, totals_http_p95)
        for app, (load, batch_row) in loads.items():
            rows.append({"size": size, "app": app, "load": load, "cpu": cpu[app], "check": check,
                         "expected": expected_reports, "statements": statements, "db_ms": db_ms, "totals": totals,
                         "bulk": (len(bulk), bulk_rate), "batch": batch_row})  # fmt: skip
        print(f"[supervision bench] {size} TPS done after {time.perf_counter() - started:.0f} s", file=sys.stderr)
    reference.append(pgbench_rate(DATABASE_URL))
    print_table(rows, reference)


def print_table(rows: list[dict[str, Any]], reference: list[float]) -> None:
    if SERVER == "granian":
        server = f"granian (WSGI, keep-alive) with {WORKERS} workers of {THREADS} thread{'s' if THREADS > 1 else ''}"
    else:
        kind = WORKER_CLASS if THREADS == 1 else f"{WORKER_CLASS} ({THREADS} threads)"
        server = f"gunicorn {WORKERS} {kind} workers"
    print(
        f"PostgreSQL, {server}, {CLIENTS} clients, loopback, one report per TPS. "
        f"Per size, up to {HTTP_REPORTS:,} reports go over HTTP (split evenly between: {', '.join(APPS)}); "
        "the rest is bulk-loaded first (batches of 100). Lost, duplicated and totals are checked per size.\n"
    )
    print("| app | TPS in DB | reports sent over HTTP | intake rate /s | p50 ms | p99 ms | re-sent (dup. answers) | "
          "conn. errors retried | worker killed | lost | duplicated | totals = direct count | "
          "SQL statements / report | ms / report in-process | WSGI ms / report in-process, wall / CPU | "
          "totals p50 / p95 ms (in-process) | "
          "totals p95 ms (HTTP) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|")
    for row in rows:
        load, check = row["load"], row["check"]
        status = load["status"]
        lost = row["expected"] - check["current"]
        replays = sum(v for k, v in status.items() if k.startswith("replay"))
        dup_answers = status.get("replay_200", 0)
        print(
            f"| {row['app']} | {row['size']:,} | {load['sent']:,} | {load['rate']:,.0f} | {load['p50_ms']:.1f} "
            f"| {load['p99_ms']:.1f} "
            f"| {replays} ({dup_answers}) | {load['connection_errors']} | {'yes' if load['killed_worker'] else 'no'} "
            f"| {lost} | {check['duplicated']} | {'yes' if not check['totals_mismatched'] else 'NO'} "
            f"| {row['statements']:.1f} | {row['db_ms']:.2f} | {row['cpu'][0]:.2f} / {row['cpu'][1]:.2f} "
            f"| {row['totals'][0]:.1f} / {row['totals'][1]:.1f} "
            f"| {row['totals'][2]:.1f} |"
        )
    print(f"\nBatch endpoint ({BATCH_SIZE} reports per request, {CLIENTS} clients):\n")
    print("| app | TPS in DB | reports | requests | reports/s | p50 ms / request | p99 ms / request |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        count, load = row["batch"]
        rate = count / load["seconds"] if load["seconds"] else 0.0
        print(
            f"| {row['app']} | {row['size']:,} | {count:,} | {load['sent']:,} | {rate:,.0f} | {load['p50_ms']:.1f} "
            f"| {load['p99_ms']:.1f} |"
        )
    print(
        "\nRunning totals during the HTTP load (the background job, one pass a second, "
        "competing with the intake for the CPU):\n"
    )
    print("| app | TPS in DB | rows applied | passes | longest pass ms | pending when the load ended |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        load = row["load"]
        job = load.get("applier", {})
        print(
            f"| {row['app']} | {row['size']:,} | {job.get('applied', 0):,} | {job.get('passes', 0)} "
            f"| {job.get('longest_ms', 0.0):.0f} | {load.get('backlog', 0):,} |"
        )
    print()
    for row in rows:
        count, (rate, applied_rate) = row["bulk"]
        if count and row["app"] == APPS[-1]:
            print(
                f"- to reach {row['size']:,} TPS: {count:,} reports bulk-loaded in-process at {rate:,.0f} reports/s, "
                f"then added to the running totals at {applied_rate:,.0f} reports/s"
            )
    print_reference(rows, reference)
    last = rows[-1]
    print("\nTargets (issue 5): intake ≥ 1,500 reports/s, p99 < 100 ms at 32 clients, totals p95 < 20 ms.")
    served = [r for r in rows if r["app"] == "fastpath"] or rows  # what kawal.wsgi serves
    rate_ok = all(r["load"]["rate"] >= 1500 for r in served)
    p99_ok = all(r["load"]["p99_ms"] < 100 for r in served)
    totals_ok = last["totals"][1] < 20 and last["totals"][2] < 20
    print(f"- intake rate ({served[-1]['app']}): {'met' if rate_ok else 'MISSED'}; "
          f"p99: {'met' if p99_ok else 'MISSED'}; "
          f"totals p95: {'met' if totals_ok else 'MISSED'} (at {last['size']:,} TPS).")  # fmt: skip
    if last["size"] < 435_296:
        print("- The full country (435,296 TPS) was not run here: SUP_BENCH_SIZES=10000,100000,435296 make bench.")


def print_reference(rows: list[dict[str, Any]], reference: list[float]) -> None:
    """The intake as a share of what PostgreSQL alone commits on this machine, in this run."""
    from bench.supervision_reference import TARGET_SHARE

    measured = [r for r in reference if r]
    if not measured:
        print("\n(pgbench not installed: no same-machine reference)")
        return
    mean = sum(measured) / len(measured)
    print(f"\nSame-machine yardstick (the issue's): pgbench, one report row with a 2 KB JSON checklist and its "
          f"tally rows per transaction, 32 clients: {' and '.join(f'{r:,.0f}' for r in measured)} tx/s at the start "
          f"and end of this run (the issue quotes about 8,700 on this kind of machine; 1,500 reports/s is "
          f"{TARGET_SHARE:.0%} of that).\n")
    print("| app | TPS in DB | intake rate /s | share of the yardstick | target share |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        share = row["load"]["rate"] / mean
        print(f"| {row['app']} | {row['size']:,} | {row['load']['rate']:,.0f} | {share:.0%} | {TARGET_SHARE:.0%} |")


if __name__ == "__main__":
    main()

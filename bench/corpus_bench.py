"""Many reports: load throughput, answer latency, cold ``juesuan ask`` and peak memory at several corpus sizes.

For each size N, writes N synthetic narrative reports (``bench.synth.corpus``: departments of ten regions over
2023 and 2024) to a temporary folder, then measures

- ``juesuan load DIR`` (a subprocess: parallel parse, one transaction per report): reports/s without the audit,
  the audit (``refresh_findings``, once at the end) separately, and MB of database per 1,000 reports;
- in-process answer latency (``Engine.ask``: understand + SQL + sentence), median and p95, for questions about one
  named department and for questions across all departments;
- cold ``juesuan ask`` wall time (bytecode cached, as after a normal install) divided by a bare
  ``python -c "import duckdb; duckdb.connect(DB, read_only=True).execute('select 1')"`` on the same database;
- peak memory (ru_maxrss) of the load subprocess and of this process (the in-process engine).

    python bench/corpus_bench.py [--sizes 10,1000,10000] [--runs 7] [--models 200] [--tables 0.5] [--keep DIR [--reuse]]

``--tables`` writes that share of the departments in the nine-table layout (Shanghai district departments, see
``bench.synth.corpus``); the default 0 keeps the narrative-only corpus the published figures were measured on.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNIT = "广元市昭化区财政局"  # the first department of every generated corpus
SINGLE = [f"{UNIT}会议费多少", f"{UNIT}三公经费比上年增减多少", f"{UNIT}基本支出占比多少", f"{UNIT}近两年会议费变化"]
CROSS = ["哪个部门会议费最高", "会议费前五名", "三公经费合计", "各部门平均绩效得分"]
COLD = "哪个部门会议费最高"


def ms(x: float) -> float:
    return x * 1000


def latency(engine, questions: list[str], runs: int) -> tuple[float, float]:
    for q in questions:  # warm-up (and a check that each is answered)
        a = engine.ask(q)
        assert a.status == "ok", (q, a.answer[:200])
    samples = []
    for _ in range(runs):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            samples.append(time.perf_counter() - t)
    samples.sort()
    return ms(statistics.median(samples)), ms(samples[min(len(samples) - 1, int(len(samples) * 0.95))])


def wall(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=False)
        samples.append(time.perf_counter() - t)
    return ms(statistics.median(samples))


def child_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def self_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, runs: int, models: int, work: Path, juesuan: str, env: dict[str, str],
            reuse: bool = False, tables: float = 0.0) -> dict[str, object]:
    from bench.synth import corpus, write_corpus

    folder = work / f"reports-{n}"
    db = work / f"corpus-{n}.duckdb"
    gen = 0.0
    if reuse and db.exists():  # a database left by an earlier run (--keep): time the audit on its own
        import duckdb

        from assistant.check import refresh_findings
        from assistant.store import connect

        ro = duckdb.connect(str(db), read_only=True)
        span = ro.execute("SELECT epoch(max(载入时间)) - epoch(min(载入时间)) FROM reports").fetchone()[0]
        ro.close()
        con = connect(db)
        t = time.perf_counter()
        refresh_findings(con)
        audit = time.perf_counter() - t
        con.close()
        load_total, load_rss = span + audit, float("nan")  # load time from the reports' 载入时间 stamps
    else:
        t = time.perf_counter()
        write_corpus(folder, corpus(n, models=models, tables=tables))
        gen = time.perf_counter() - t
        t = time.perf_counter()
        out = subprocess.run([juesuan, "load", str(folder), "--db", str(db)], env=env, capture_output=True, text=True)
        load_total = time.perf_counter() - t
        if out.returncode != 0:
            raise SystemExit(f"load failed ({out.returncode}): {out.stderr[-2000:]}")
        audit = float(re.search(r"用时 ([\d.]+) 秒）", out.stdout).group(1)) if n >= 50 else float("nan")
        load_rss = child_maxrss_mb()
    size_mb = db.stat().st_size / 1e6

    from assistant.engine import Engine

    engine = Engine.open(str(db))
    single = latency(engine, SINGLE, runs)
    cross = latency(engine, CROSS, runs)
    engine.con.close()
    # with the bytecode cache a normal install keeps (PYTHONDONTWRITEBYTECODE=1 would compile the package on every
    # run: see ask_latency.py, which prints both)
    cold_env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cold_env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    bare = [sys.executable, "-c", f"import duckdb; duckdb.connect({str(db)!r}, read_only=True).execute('select 1')"]
    for cmd in (bare, [juesuan, "ask", COLD, "--db", str(db)]):  # matcher cache and bytecode written here
        subprocess.run(cmd, env=cold_env, capture_output=True, check=True)
    base = wall(bare, runs, cold_env)
    cold = wall([juesuan, "ask", COLD, "--db", str(db)], runs, cold_env)
    return {"n": n, "gen_s": gen, "load_s": load_total, "audit_s": audit, "size_mb": size_mb,
            "single": single, "cross": cross, "cold_ms": cold, "base_ms": base, "load_rss": load_rss,
            "self_rss": self_maxrss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,1000,10000")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--models", type=int, default=200, help="distinct synthetic models reused across reports")
    ap.add_argument("--tables", type=float, default=0.0, help="share of departments in the nine-table layout (0–1)")
    ap.add_argument("--keep", help="write the corpora and databases here and keep them")
    ap.add_argument("--reuse", action="store_true", help="with --keep: reuse databases already there (load time from "
                    "their 载入时间 stamps, the audit timed again)")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="juesuan-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    env = {**os.environ, "XDG_DATA_HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    os.environ.update({k: env[k] for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME")})
    juesuan = shutil.which("juesuan") or sys.exit("juesuan is not installed (pip install -e .)")
    print("| reports | load (s, without audit) | reports/s | audit (s) | MB per 1,000 reports | "
          "single-dept median / p95 (ms) | cross-dept median / p95 (ms) | cold ask / bare duckdb (ms) | ratio | "
          "peak RSS load / in-process (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(n, args.runs, args.models, work, juesuan, env, args.reuse and bool(args.keep), args.tables)
        audit = r["audit_s"] if r["audit_s"] == r["audit_s"] else 0.0
        load = r["load_s"] - audit
        print(f"| {n:,} | {load:.1f} | {n / load:.1f} | {audit:.1f} | {r['size_mb'] * 1000 / n:.1f} | "
              f"{r['single'][0]:.1f} / {r['single'][1]:.1f} | {r['cross'][0]:.1f} / {r['cross'][1]:.1f} | "
              f"{r['cold_ms']:.0f} / {r['base_ms']:.0f} | {r['cold_ms'] / r['base_ms']:.2f} | "
              f"{r['load_rss']:.0f} / {r['self_rss']:.0f} |", flush=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

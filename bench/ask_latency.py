"""Answer latency on the sample.

Prints (1) the median in-process answer time (understand + SQL + sentence) over a fixed question list,
and (2) the median wall time of a cold ``juesuan ask`` divided by that of a bare
``python -c "import duckdb; duckdb.connect(DB, read_only=True).execute('select 1')"`` on the same database.

    python bench/ask_latency.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTIONS = ["会议费多少", "三公经费比上年增减多少", "基本支出占比多少", "驻外商会经费执行率", "哪些项目未完成",
             "什么是三公经费", "2023年收入总计", "邮电费多少", "今天天气怎么样", "公务接待批次"]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="juesuan-bench-"))
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    os.environ["XDG_DATA_HOME"] = str(home)
    juesuan = shutil.which("juesuan") or sys.exit("juesuan is not installed (pip install -e .)")
    subprocess.run([juesuan, "ask", "会议费多少"], env=env, capture_output=True, check=True)  # builds the default DB
    db = home / "juesuan" / "juesuan.duckdb"

    from assistant.engine import Engine

    engine = Engine.open(str(db))
    for q in QUESTIONS:  # warm-up
        engine.ask(q)
    per_question = []
    by_question: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    for _ in range(args.runs):
        for q in QUESTIONS:
            t = time.perf_counter()
            engine.ask(q)
            per_question.append(time.perf_counter() - t)
            by_question[q].append(per_question[-1])
    inproc = median_ms(per_question)
    p95 = sorted(per_question)[int(len(per_question) * 0.95)] * 1000

    def wall(cmd: list[str], run_env: dict[str, str]) -> float:
        samples = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run(cmd, env=run_env, capture_output=True, check=False)
            samples.append(time.perf_counter() - t)
        return median_ms(samples)

    bare = [sys.executable, "-c", f"import duckdb; duckdb.connect({str(db)!r}, read_only=True).execute('select 1')"]
    print(f"in-process answer time: median {inproc:.2f} ms, p95 {p95:.2f} ms "
          f"({len(QUESTIONS)} questions x {args.runs} runs; target median <= 2 ms)")
    print("  per question (median ms, question type): " + "; ".join(
        f"{q} {median_ms(by_question[q]):.2f} ({engine.understand(q).type_id or '-'})" for q in QUESTIONS))
    # Python compiles a module it imports unless a cached .pyc is there. A normal install has them (pip compiles
    # at install; an editable install writes them at first run), but PYTHONDONTWRITEBYTECODE=1 forbids writing
    # them: then every `juesuan ask` compiles the package again (duckdb's own .pyc came with its wheel).
    # Both are printed; the first is what a user's machine does.
    cache = home / "pycache"
    settings = [("bytecode cached", {**env, "PYTHONPYCACHEPREFIX": str(cache)}, ("PYTHONDONTWRITEBYTECODE",)),
                ("as this environment is", env, ())]
    for label, run_env, drop in settings:
        run_env = {k: v for k, v in run_env.items() if k not in drop}
        for cmd in (bare, [juesuan, "ask", "会议费多少"]):  # first runs write the cache
            subprocess.run(cmd, env=run_env, capture_output=True, check=False)
        baseline = wall(bare, run_env)
        ask = wall([juesuan, "ask", "会议费多少"], run_env)
        print(f"cold ask ({label}): median {ask:.0f} ms; bare duckdb: median {baseline:.0f} ms; "
              f"ratio {ask / baseline:.2f} (target <= 1.5)")
    print(f"PYTHONDONTWRITEBYTECODE here: {os.environ.get('PYTHONDONTWRITEBYTECODE', '(unset)')}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

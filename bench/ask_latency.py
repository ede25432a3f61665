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
    for _ in range(args.runs):
        for q in QUESTIONS:
            t = time.perf_counter()
            engine.ask(q)
            per_question.append(time.perf_counter() - t)
    inproc = median_ms(per_question)
    p95 = sorted(per_question)[int(len(per_question) * 0.95)] * 1000

    def wall(cmd: list[str]) -> float:
        samples = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=False)
            samples.append(time.perf_counter() - t)
        return median_ms(samples)

    baseline = wall([sys.executable, "-c",
                     f"import duckdb; duckdb.connect({str(db)!r}, read_only=True).execute('select 1')"])
    ask = wall([juesuan, "ask", "会议费多少"])
    print(f"in-process answer time: median {inproc:.2f} ms, p95 {p95:.2f} ms "
          f"({len(QUESTIONS)} questions x {args.runs} runs; target median <= 2 ms)")
    print(f"cold ask: median {ask:.0f} ms; bare duckdb: median {baseline:.0f} ms; ratio {ask / baseline:.2f} "
          f"(target <= 1.5)")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark (not a test): generate a SIMPEG export of N employees, run the nightly flow on it
and print wall time, rows per second and peak memory, per step.

    .venv/bin/python benchmarks/bench_simpeg.py --employees 100000 [--layout siasn|local]
        [--warehouse postgresql://user:password@127.0.0.1:5432/db]   (default: a DuckDB file)
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--layout", default="siasn", choices=["siasn", "local"])
    parser.add_argument("--warehouse", help="a postgresql:// URL (an empty database)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="terpilah-bench-"))
    os.environ["TERPILAH_HOME"] = str(work / "var")
    from flows.runtime import configure_prefect
    from terpilah.settings import load_settings

    configure_prefect(load_settings())
    from terpilah.sample import generate_sample

    t = time.perf_counter()
    landing = work / "landing"
    generate_sample(landing, employees=args.employees, months=1, seed=11,
                    end_date=date(2025, 12, 31), layout=args.layout, flaws=True)
    files = list((landing / "simpeg").glob("*/*"))
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"generated {args.employees:,} employees ({args.layout}, {size_mb:.1f} MB) "
          f"in {time.perf_counter() - t:.1f} s (not part of the figures below)")

    from flows.nightly import nightly

    t = time.perf_counter()
    result = nightly(landing=str(landing),
                     warehouse=args.warehouse or str(work / "var" / "wh.duckdb"))
    wall = time.perf_counter() - t
    rows = sum(f.rows_read for f in result.files)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"warehouse {result.warehouse}")
    print(f"status {result.status}: {rows:,} rows read, {result.rows_loaded:,} loaded, "
          f"{result.rows_quarantined:,} quarantined")
    print(f"wall time {wall:.1f} s (inside the flow {result.seconds:.1f} s; the rest is "
          "Prefect's temporary API start-up and imports)")
    print(f"end to end {rows / wall:,.0f} rows/s; peak memory {peak_mb:,.0f} MB")
    for step, seconds in result.step_seconds.items():
        print(f"  {step:<9} {seconds:6.2f} s" + (f"  ({rows / seconds:,.0f} rows/s)"
                                                 if step in ("extract", "load") else ""))
    if result.headline:
        print(f"total ASN {result.headline.total_asn:,}, wanita {result.headline.pct_wanita} %")
    if args.keep:
        print(f"kept {work}")


if __name__ == "__main__":
    main()

"""Run every benchmark script in this folder and print its figures."""
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent

NEEDS_ARGUMENTS = {"bench_ab"}  # compares with another checkout named on its command line

for script in sorted(HERE.glob("bench_*.py")):  # run as modules of the package `bench`: python -m bench.run_all
    if script.stem in NEEDS_ARGUMENTS:
        continue
    print(f"--- {script.name}")
    runpy.run_module(f"bench.{script.stem}", run_name="__main__", alter_sys=True)

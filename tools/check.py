"""The one command that checks the project, as CI does: ``python tools/check.py``.

Steps, in order (each prints its command; the first failure stops the run):

  format     ruff format --check   (``--fix`` rewrites instead)
  lint       ruff check            (bugbear, imports, pyupgrade…; ``--fix`` applies safe fixes)
  types      mypy on kpidesk.core  (strict; see [tool.mypy] in pyproject.toml)
  contracts  lint-imports          (the layers of pyproject's [tool.importlinter])
  tests      pytest                (the README's test command)

``python tools/check.py lint types`` runs only those steps; ``--no-tests`` runs all
but the tests (what ``.ci/run`` calls before its own test run).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["kpidesk", "tests", "bench", "packaging", "tools"]


def steps(fix: bool) -> dict[str, list[str]]:
    py = sys.executable
    return {
        "format": [py, "-m", "ruff", "format", *([] if fix else ["--check"]), *PATHS],
        "lint": [py, "-m", "ruff", "check", *(["--fix"] if fix else []), *PATHS],
        "types": [py, "-m", "mypy"],
        "contracts": [str(Path(py).with_name("lint-imports")), "--no-cache"],
        "tests": [py, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="steps to run (default: all)")
    parser.add_argument("--fix", action="store_true", help="let ruff rewrite what it can")
    parser.add_argument("--no-tests", action="store_true", help="every step but the tests")
    args = parser.parse_args(argv)
    plan = steps(args.fix)
    unknown = set(args.only) - set(plan)
    if unknown:
        parser.error(f"unknown step(s): {', '.join(sorted(unknown))}; choose from {', '.join(plan)}")
    names = args.only or [n for n in plan if not (args.no_tests and n == "tests")]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for name in names:
        print(f"== {name}: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(plan[name]))}", flush=True)
        code = subprocess.call(plan[name], cwd=ROOT, env=env)
        if code:
            print(f"== {name} failed (exit {code})", flush=True)
            return code
    print("== all checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the one-folder app with PyInstaller, then check it.

    python packaging/build.py                 # dist/kpidesk/ (+ dist/kpidesk.app on macOS)
    python packaging/build.py --smoke --time  # ... then run its --smoke-test and time a cold start

Same command on Windows, macOS and Linux (needs ``pip install pyinstaller==6.22.3``).
It prints the bundle size and writes ``dist/build-info.json`` (size, smoke-test
result, start times) for CI. The installers are made from ``dist/`` afterwards:
``packaging/windows/kpidesk.iss`` (Inno Setup) and ``packaging/macos/make_dmg.sh``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kpidesk.spec"
BUDGET_MB = 350
START_BUDGET_S = 3.0


def app_folder(dist: Path) -> Path:
    """The folder that is shipped: the .app on macOS, the one-folder elsewhere."""
    return dist / "kpidesk.app" if sys.platform == "darwin" else dist / "kpidesk"


def executable(dist: Path, console: bool = True) -> Path:
    if sys.platform == "win32":
        return dist / "kpidesk" / ("kpidesk-cli.exe" if console else "kpidesk.exe")
    if sys.platform == "darwin":
        return dist / "kpidesk.app" / "Contents" / "MacOS" / "kpidesk"
    return dist / "kpidesk" / "kpidesk"


def folder_size(path: Path) -> int:
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
    return total


def child_env(tmp_db: Path | None = None) -> dict:
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM") or "offscreen"
    if tmp_db is not None:
        env["KPIDESK_DB"] = str(tmp_db)
    return env


def build(dist: Path, work: Path, clean: bool) -> None:
    if clean:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(dist, ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ] + (["--clean"] if clean else [])
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def smoke(dist: Path) -> tuple[int, str]:
    exe = executable(dist, console=True)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(exe), "--smoke-test"], capture_output=True, text=True, timeout=180, env=child_env(), cwd=dist
    )
    out = proc.stdout + proc.stderr
    print(out, flush=True)
    print(f"frozen --smoke-test: exit {proc.returncode} in {time.perf_counter() - t0:.1f} s", flush=True)
    return proc.returncode, out


def time_start(dist: Path, runs: int) -> list[float]:
    """Wall time from launch until the window is shown (the app quits right after)."""
    import tempfile

    exe = executable(dist, console=False)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(Path(tmp) / "start.duckdb")
        env["KPIDESK_QUIT_AFTER_SHOW"] = "1"
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=120, env=env, cwd=tmp)
            times.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                print(proc.stdout + proc.stderr, flush=True)
                raise SystemExit(f"the frozen app exited with {proc.returncode} when started")
    return times


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dist", default=str(ROOT / "dist"))
    p.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"))
    p.add_argument("--clean", action="store_true", help="start from an empty work folder")
    p.add_argument("--no-build", action="store_true", help="check an existing dist/ only")
    p.add_argument("--smoke", action="store_true", help="run the frozen app's --smoke-test")
    p.add_argument("--time", action="store_true", help="time the frozen app's start to its window (3 runs)")
    args = p.parse_args(argv)
    dist, work = Path(args.dist).resolve(), Path(args.work).resolve()
    if not args.no_build:
        t0 = time.perf_counter()
        build(dist, work, args.clean)
        print(f"build took {time.perf_counter() - t0:.0f} s", flush=True)
    folder = app_folder(dist)
    if not executable(dist).is_file():
        print(f"no executable at {executable(dist)}", file=sys.stderr)
        return 1
    size = folder_size(folder)
    info: dict = {"folder": str(folder), "size_mb": round(size / 1e6, 1), "platform": sys.platform}
    print(f"bundle: {folder} — {size / 1e6:.0f} MB unpacked (budget {BUDGET_MB} MB)", flush=True)
    code = 0
    if size / 1e6 > BUDGET_MB:
        print(f"WARNING: the bundle is over the {BUDGET_MB} MB budget", file=sys.stderr)
    if args.smoke:
        rc, out = smoke(dist)
        info["smoke_exit"], info["smoke_output"] = rc, out
        code = code or rc
    if args.time and code == 0:
        times = time_start(dist, 3)
        info["start_s"] = [round(t, 2) for t in times]
        print(
            f"start to window shown: first {times[0]:.2f} s, median {statistics.median(times):.2f} s "
            f"(budget {START_BUDGET_S:.0f} s)",
            flush=True,
        )
    (dist / "build-info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())

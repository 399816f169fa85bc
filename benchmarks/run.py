"""Benchmark the course next to a floor: ``make benchmark`` (or ``python -m benchmarks.run``).

Two measurements, printed as Markdown tables with ratios (not a timed test: the numbers depend on the
machine; compare ratios, not seconds).

1. **nbval** (strict, as ``make test`` runs it, one process, no xdist; ``--repeat`` runs, 5 by default,
   course and floor alternating, the fastest of each kept). The course's notebooks are
   validated in one pytest run; the floor is the same number of copies of a *floor notebook* that only
   imports numpy, pandas, matplotlib and the helpers every notebook uses (``from helpers import data``
   and ``from helpers.figures import style``: the data layer with its schema library, and the figure
   style), validated the same way. Per
   notebook: its cells' test time (from pytest's JUnit report) and its kernel's peak resident memory, each
   divided by the floor notebook's. Targets: whole-course validation <= 1.5x the floor, worst kernel
   peak <= 1.25x the floor.
2. **JupyterLab** in headless Chromium (the machinery of ``tests/test_lab_browser.py``): time from opening
   the notebook to all outputs (page load, kernel start, Run All, kernel idle) and kernel peak memory, per
   notebook, divided by an empty notebook's.

Kernel peak memory is Linux's ``VmHWM`` (peak resident set size) of the ``ipykernel`` process, sampled
every few milliseconds while it lives (it only grows, so the last sample is the peak); a notebook's peak is
the highest over all runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import nbformat
from tests.support import CHROMIUM, CHROMIUM_ARGS, NOTEBOOKS, ROOT
from tests.support.lab_server import LabServer, peak_rss_mb, run_in_lab

FLOOR_SOURCE = (
    "import matplotlib.pyplot as plt\nimport numpy as np\nimport pandas as pd\n\n"
    "from helpers import data\nfrom helpers.figures import style"
)
NBVAL_ARGS = ["-p", "no:xdist", "-p", "no:cacheprovider", "-q", "--nbval",
              "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg")]
TARGET_TIME = 1.5  # whole-course nbval time / floor
TARGET_PEAK = 1.25  # worst kernel peak / floor


def notebook(source: str | None) -> nbformat.NotebookNode:
    """A python3 notebook with one code cell (or none when ``source`` is None)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.cells = [] if source is None else [nbformat.v4.new_code_cell(source)]
    return nb


# --- kernel memory ----------------------------------------------------------------------------------------
class KernelSampler(threading.Thread):
    """Records the peak RSS of every ipykernel process below ``pid`` until stopped."""

    def __init__(self, pid: int, interval_s: float = 0.01):
        super().__init__(daemon=True)
        self.pid, self.interval_s = pid, interval_s
        self.peaks: dict[int, float] = {}  # [MB] by kernel pid
        self.started: dict[int, float] = {}  # process creation time, to order the kernels
        self._halt = threading.Event()

    def run(self) -> None:
        import psutil

        while not self._halt.is_set():
            try:
                children = psutil.Process(self.pid).children(recursive=True)
            except psutil.Error:
                break
            for child in children:
                try:
                    if child.pid not in self.started:
                        if "ipykernel" not in " ".join(child.cmdline()):
                            continue
                        self.started[child.pid] = child.create_time()
                    self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), peak_rss_mb(child.pid))
                except (psutil.Error, OSError, ValueError):
                    continue
            time.sleep(self.interval_s)

    def stop(self) -> list[float]:
        """Stop sampling; the kernels' peaks [MB] in the order they were started."""
        self._halt.set()
        self.join()
        return [self.peaks[pid] for pid in sorted(self.started, key=self.started.__getitem__)
                if pid in self.peaks]


# --- part 1: nbval ----------------------------------------------------------------------------------------
@dataclass
class NbvalRun:
    wall_s: float  # [s] the whole pytest process
    per_file_s: dict[str, float]  # [s] sum of the file's cell tests
    peaks_mb: list[float]  # [MB] per kernel, in run order


def nbval(paths: list[Path], workdir: Path, *, allow_failures: bool = False) -> NbvalRun:
    """Validate ``paths`` with strict nbval in one pytest process."""
    report = workdir / f"junit-{time.monotonic_ns()}.xml"
    args = [sys.executable, "-m", "pytest", *NBVAL_ARGS, f"--junitxml={report}",
            "-o", "junit_family=xunit2", *map(str, paths)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = KernelSampler(proc.pid)
    sampler.start()
    output, _ = proc.communicate()
    wall = time.perf_counter() - start
    peaks = sampler.stop()
    if proc.returncode != 0:
        if not allow_failures:
            raise RuntimeError(f"nbval failed:\n{output.decode(errors='replace')[-4000:]}")
        summary = output.decode(errors="replace").strip().splitlines()[-1]
        print(f"warning: nbval reported failures ({summary}); timings kept", file=sys.stderr)
    per_file: dict[str, float] = defaultdict(float)
    for case in ET.parse(report).getroot().iter("testcase"):
        name = case.get("classname", "") or case.get("file", "")
        per_file[name.split("::")[0]] += float(case.get("time", 0.0))
    return NbvalRun(wall, dict(per_file), peaks)


def _match(per_file: dict[str, float], path: Path) -> float:
    stem = path.stem
    hits = [t for name, t in per_file.items() if stem in name]
    if len(hits) != 1:
        raise RuntimeError(f"cannot find {path.name} in the JUnit report: {sorted(per_file)}")
    return hits[0]


def bench_nbval(repeat: int, *, allow_failures: bool = False) -> str:
    """Part 1 as a Markdown table."""
    # Inside the repository (build/ is ignored by git) so that pytest's report names the floor copies.
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-nbval-", dir=ROOT / "build") as tmp:
        work = Path(tmp)
        floor = work / "floor.ipynb"
        nbformat.write(notebook(FLOOR_SOURCE), floor)
        from course_tools.execute import execute

        execute(floor)  # nbval compares outputs: the floor is committed executed, like the course
        floors = []
        for i in range(len(NOTEBOOKS)):
            copy = work / f"floor_{i:02d}.ipynb"
            copy.write_bytes(floor.read_bytes())
            floors.append(copy)
        course_runs, floor_runs = [], []
        for _ in range(repeat):  # alternate, so that a machine that slows down or speeds up hits both alike
            course_runs.append(nbval(NOTEBOOKS, work, allow_failures=allow_failures))
            floor_runs.append(nbval(floors, work))

    course = min(course_runs, key=lambda r: r.wall_s)
    base = min(floor_runs, key=lambda r: r.wall_s)
    floor_cell_s = statistics.median(base.per_file_s.values())
    # Peaks are taken over every run, not only the fastest: a sampler starved of CPU for a moment can miss
    # part of one kernel's life, never add to it.
    floor_peak = max(peak for run in floor_runs for peak in run.peaks_mb)
    course_peaks = [max(values) for values in zip(*(run.peaks_mb for run in course_runs), strict=False)]
    lines = [
        f"nbval (strict, one process; best of {repeat}); floor = a notebook that only imports numpy, pandas,"
        " matplotlib and helpers.data, helpers.figures.style",
        "",
        "| notebook | nbval time [s] | × floor | kernel peak [MB] | × floor |",
        "|---|---:|---:|---:|---:|",
    ]
    for path, peak in zip(NOTEBOOKS, course_peaks, strict=False):
        seconds = _match(course.per_file_s, path)
        lines.append(f"| {path.stem} | {seconds:.2f} | {seconds / floor_cell_s:.2f} | {peak:.0f} | "
                     f"{peak / floor_peak:.2f} |")
    lines.append(f"| floor notebook | {floor_cell_s:.2f} | 1.00 | {floor_peak:.0f} | 1.00 |")
    time_ratio = course.wall_s / base.wall_s
    peak_ratio = max(course_peaks) / floor_peak
    pairs = sorted(c.wall_s / f.wall_s for c, f in zip(course_runs, floor_runs, strict=True))
    lines += [
        "",
        f"Whole course: {course.wall_s:.1f} s for {len(NOTEBOOKS)} notebooks vs {base.wall_s:.1f} s for "
        f"{len(floors)} floor notebooks = **{time_ratio:.2f}×** (target ≤ {TARGET_TIME}×: "
        f"{'met' if time_ratio <= TARGET_TIME else 'NOT met'}); the {repeat} course/floor pairs run back to "
        f"back gave {pairs[0]:.2f}–{pairs[-1]:.2f}× (median {statistics.median(pairs):.2f}×).",
        f"Worst kernel peak: {max(course_peaks):.0f} MB vs {floor_peak:.0f} MB = **{peak_ratio:.2f}×** "
        f"(target ≤ {TARGET_PEAK}×: {'met' if peak_ratio <= TARGET_PEAK else 'NOT met'}).",
    ]
    return "\n".join(lines)


# --- part 2: JupyterLab -----------------------------------------------------------------------------------
def bench_lab(repeat: int) -> str:
    """Part 2 as a Markdown table."""
    from playwright.sync_api import sync_playwright


    extra = {"empty.ipynb": notebook(None), "floor.ipynb": notebook(FLOOR_SOURCE)}
    names = ["empty.ipynb", "floor.ipynb", *(p.name for p in NOTEBOOKS)]
    times: dict[str, list[float]] = defaultdict(list)
    peaks: dict[str, list[float]] = defaultdict(list)
    with (LabServer(NOTEBOOKS, extra=extra) as server,
          tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile, sync_playwright() as pw):
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            for round_ in range(repeat + 1):  # round 0 warms JupyterLab and the caches up; not counted
                for name in names if round_ else ["empty.ipynb", names[-1]]:
                    page = context.new_page()
                    try:
                        run = run_in_lab(page, server, name)
                    finally:
                        page.close()
                        server.shutdown_kernels()
                    if run.saved is not None and any(o.get("output_type") == "error"
                                                     for c in run.saved.cells for o in c.get("outputs", [])):
                        raise RuntimeError(f"{name} raised an error in JupyterLab")
                    if round_:
                        times[name].append(run.total_s)
                        peaks[name].append(run.kernel_peak_mb)
        finally:
            context.close()
    best = {name: min(values) for name, values in times.items()}
    peak = {name: max(values) for name, values in peaks.items()}
    empty_s, empty_mb = best["empty.ipynb"], peak["empty.ipynb"]
    lines = [
        f"JupyterLab 4 in headless Chromium: open → Run All → all outputs (best of {repeat}); "
        "ratios to an empty notebook",
        "",
        "| notebook | open to all outputs [s] | × empty | kernel peak [MB] | × empty |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in names:
        label = {"empty.ipynb": "empty notebook", "floor.ipynb": "floor notebook"}.get(name, Path(name).stem)
        lines.append(f"| {label} | {best[name]:.2f} | {best[name] / empty_s:.2f} | {peak[name]:.0f} | "
                     f"{peak[name] / empty_mb:.2f} |")
    course = [n for n in names if n not in extra]
    total = sum(best[n] for n in course)
    lines += ["", f"All {len(course)} notebooks: {total:.1f} s = {total / empty_s:.2f}× one empty notebook, "
              f"{total / (len(course) * empty_s):.2f}× per notebook on average."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each measurement, course and floor alternating (best is kept)")
    parser.add_argument("--skip-nbval", action="store_true")
    parser.add_argument("--skip-lab", action="store_true")
    parser.add_argument("--allow-failures", action="store_true",
                        help="keep timing when nbval reports failures (while notebooks are being edited)")
    parser.add_argument("--json", type=Path, help="also write the tables to this file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat: must be >= 1")
    if not NOTEBOOKS:
        parser.error("no notebooks/NN_*.ipynb to benchmark")
    tables = {}
    if not args.skip_nbval:
        tables["nbval"] = bench_nbval(args.repeat, allow_failures=args.allow_failures)
        print(tables["nbval"], "\n", flush=True)
    if not args.skip_lab:
        tables["jupyterlab"] = bench_lab(args.repeat)
        print(tables["jupyterlab"], flush=True)
    if args.json:
        args.json.write_text(json.dumps(tables, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

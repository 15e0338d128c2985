#!/usr/bin/env python3
"""Benchmark kiln against C (gcc -O2, clang-19 -O2) and CPython.

    python3 benches/run.py                    every benchmark, best of 3, CPython once
    python3 benches/run.py --no-cpython       skip CPython (it takes a minute or two)
    python3 benches/run.py --runs 5 fib sieve only some benchmarks, best of 5
    python3 benches/run.py --kiln PATH        a specific kiln binary
    python3 benches/run.py --threads 1,2      the parallel-loop benchmarks (par_*) built with kiln and
                                              run with KILN_NUM_THREADS=1, then 2: times, speed-up,
                                              and a check that every thread count prints the same

See benches/README.md. The kiln binary is found like the test harness does: --kiln, else
$KILN_BIN, else target/release/kiln, else target/debug/kiln. A missing kiln or C compiler is
reported and its column shows "n/a"; the other columns are still measured.

Every variant of a benchmark must print the same text; a mismatch is reported loudly, marked with
"!" in the table, and makes the script exit with status 1.
"""

import argparse
import difflib
import os
import platform
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHES = os.path.join(ROOT, "benches")
BUILD = os.path.join(ROOT, "target", "bench")
NAMES = ["fib", "nbody", "mandelbrot", "spectral_norm", "sieve", "fannkuch", "lcs", "wordfreq", "anagrams", "text_report", "binary_trees", "richards", "chaos", "raytracer", "try_loop", "bank_sim"]
# Benchmarks with parallel loops (`@par`): kiln only, no C twin; run with --threads.
PAR_NAMES = ["par_primes", "par_mandelbrot"]
RUN_TIMEOUT_S = 600
C_FLAGS = ["-O2", "-ffp-contract=off"]  # no FMA contraction: same floating-point results as Python


def find_kiln(explicit):
    if explicit:
        return explicit if os.path.isfile(explicit) else None
    env = os.environ.get("KILN_BIN")
    if env:
        return env if os.path.isfile(env) else None
    targets = []
    if os.environ.get("CARGO_TARGET_DIR"):
        targets.append(os.path.join(ROOT, os.environ["CARGO_TARGET_DIR"]))
    targets.append(os.path.join(ROOT, "target"))
    for t in targets:
        for profile in ("release", "debug"):
            p = os.path.join(t, profile, "kiln")
            if os.path.isfile(p):
                return p
    return None


def find_compiler(candidates):
    for c in candidates:
        path = shutil.which(c)
        if path:
            return path
    return None


def run(cmd, timeout=RUN_TIMEOUT_S, env=None):
    """Run cmd from the workspace root; return (seconds, exit status, stdout, stderr)."""
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return (time.perf_counter() - start, None, b"", b"timed out")
    return (time.perf_counter() - start, p.returncode, p.stdout, p.stderr)


def best_of(cmd, runs, env=None):
    """Best wall time of `runs` runs, with the output of the first; None time on failure."""
    best = None
    first = None
    for _ in range(runs):
        secs, code, out, err = run(cmd, env=env)
        if code != 0:
            return None, out, err, code
        if first is None:
            first = out
        best = secs if best is None else min(best, secs)
    return best, first, b"", 0


def python_env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "python")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def fmt_time(t):
    if t is None:
        return "n/a"
    if t < 1:
        return "%.3f s" % t
    return "%.2f s" % t


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return "%.2fx" % (a / b)


def parse_threads(text):
    """"1,2" -> [1, 2]; argparse type for --threads."""
    try:
        counts = [int(t) for t in text.split(",") if t.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("expected thread counts like 1,2 or 1,2,4, got %r" % text)
    if not counts or any(c < 1 for c in counts):
        raise argparse.ArgumentTypeError("expected thread counts >= 1 like 1,2, got %r" % text)
    return counts


def threads_main(args, names):
    """--threads: each benchmark built once with kiln, run with KILN_NUM_THREADS=<count> for each
    count; report the best times, the speed-up over the first count, and check the outputs agree."""
    kiln = find_kiln(args.kiln)
    cores = os.cpu_count() or 0
    print("machine: %s, %s, %d cores" % (platform.node(), platform.processor() or platform.machine(), cores))
    if not kiln:
        print("kiln:    NOT FOUND -- build it with `cargo build --release -p kiln` or pass --kiln",
              file=sys.stderr)
        return 1
    print("kiln:    %s%s" % (os.path.relpath(kiln, ROOT),
                             "  (a debug build of the compiler)" if "/debug/" in kiln else ""))
    print("threads: %s (KILN_NUM_THREADS)" % ", ".join(str(c) for c in args.threads))
    if cores and max(args.threads) > cores:
        print("warning: more threads than the %d cores of this machine" % cores)
    print()

    rows = []
    mismatches = []
    problems = []
    for name in names:
        py = os.path.join("benches", name + ".py")
        exe = os.path.join(BUILD, name + ".kiln")
        secs, code, _, err = run([kiln, "build", py, "-o", exe])
        if code != 0 or not os.path.isfile(exe):
            problems.append("%s: `kiln build` failed (%s):\n%s" % (
                name, "exit %s" % code, err.decode("utf-8", "replace")[-2000:]))
            continue
        print("%-14s kiln build took %.2f s" % (name, secs))
        times = {}
        outputs = {}
        for count in args.threads:
            env = dict(os.environ)
            env["KILN_NUM_THREADS"] = str(count)
            t, out, err, code = best_of([exe], args.runs, env=env)
            if t is None:
                problems.append("%s: the kiln binary failed with KILN_NUM_THREADS=%d (exit %s): %s" % (
                    name, count, code, err.decode("utf-8", "replace")[-2000:]))
                continue
            times[count] = t
            outputs[count] = out
            print("%-14s %2d thread%s best of %d: %s" % (
                name, count, " " if count == 1 else "s", args.runs, fmt_time(t)))
        bad = set()
        ref = next(iter(outputs), None)
        for count, out in outputs.items():
            if out != outputs[ref]:
                bad.add(count)
                diff = "".join(difflib.unified_diff(
                    outputs[ref].decode("utf-8", "replace").splitlines(True),
                    out.decode("utf-8", "replace").splitlines(True),
                    "KILN_NUM_THREADS=%d" % ref, "KILN_NUM_THREADS=%d" % count))
                mismatches.append("%s: the output with %d threads differs from %d:\n%s" % (
                    name, count, ref, diff))
        rows.append((name, times, bad))

    base = args.threads[0]
    print()
    header = "| program | " + " | ".join(
        "%d thread%s" % (c, "" if c == 1 else "s") for c in args.threads)
    header += "".join(" | speed-up %d vs %d" % (c, base) for c in args.threads[1:]) + " |"
    print(header)
    print("| --- |" + " ---: |" * (2 * len(args.threads) - 1))
    for name, t, bad in rows:
        cells = [fmt_time(t.get(c)) + (" !" if c in bad else "") for c in args.threads]
        cells += [fmt_ratio(t.get(base), t.get(c)) for c in args.threads[1:]]
        print("| %s | %s |" % (name, " | ".join(cells)))
    print()
    print("best of %d runs (wall clock) of one `kiln build` executable per benchmark; the speed-up is "
          "the time with %d thread%s divided by the time with more." % (args.runs, base, "" if base == 1 else "s"))

    for p in problems:
        print("\nPROBLEM: " + p, file=sys.stderr)
    if mismatches:
        print("\n" + "!" * 72, file=sys.stderr)
        print("OUTPUT MISMATCH: a benchmark printed different text with different thread counts",
              file=sys.stderr)
        for m in mismatches:
            print(m, file=sys.stderr)
        print("!" * 72, file=sys.stderr)
    return 1 if mismatches or problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all of %s; with --threads: %s)" % (
        ", ".join(NAMES), ", ".join(PAR_NAMES)))
    ap.add_argument("--no-cpython", action="store_true", help="do not run CPython")
    ap.add_argument("--runs", type=int, default=3, help="runs per native binary; the best time counts")
    ap.add_argument("--kiln", help="path of the kiln binary")
    ap.add_argument("--threads", type=parse_threads, metavar="N,M,...",
                    help="run kiln only, with KILN_NUM_THREADS set to each count in turn (e.g. 1,2); "
                         "default benchmarks: %s" % ", ".join(PAR_NAMES))
    args = ap.parse_args()
    if args.threads:
        names = args.names or PAR_NAMES
        for n in names:
            if n not in NAMES + PAR_NAMES:
                ap.error("unknown benchmark %r (have: %s)" % (n, ", ".join(NAMES + PAR_NAMES)))
        os.makedirs(BUILD, exist_ok=True)
        return threads_main(args, names)
    names = args.names or NAMES
    for n in names:
        if n in PAR_NAMES:
            ap.error("%r has parallel loops and no C twin: run it with --threads 1,2" % n)
        if n not in NAMES:
            ap.error("unknown benchmark %r (have: %s)" % (n, ", ".join(NAMES)))
    os.makedirs(BUILD, exist_ok=True)

    kiln = find_kiln(args.kiln)
    gcc = find_compiler(["gcc"])
    clang = find_compiler(["clang-19", "clang"])
    print("machine: %s, %s, %d cores" % (platform.node(), platform.processor() or platform.machine(),
                                         os.cpu_count() or 0))
    if kiln:
        print("kiln:    %s%s" % (os.path.relpath(kiln, ROOT),
                                 "  (a debug build of the compiler)" if "/debug/" in kiln else ""))
    else:
        print("kiln:    NOT FOUND -- build it with `cargo build --release -p kiln` or pass --kiln; "
              "kiln columns show n/a")
    print("gcc:     %s" % (gcc or "not found, skipped"))
    print("clang:   %s" % (clang or "clang-19 not found, skipped"))
    print("python:  %s" % ("skipped (--no-cpython)" if args.no_cpython else sys.executable))
    print()

    rows = []
    mismatches = []
    problems = []
    for name in names:
        py = os.path.join("benches", name + ".py")
        c_src = os.path.join("benches", "c", name + ".c")
        times = {}
        outputs = {}
        # builds
        exes = {}
        if kiln:
            exe = os.path.join(BUILD, name + ".kiln")
            secs, code, _, err = run([kiln, "build", py, "-o", exe])
            if code == 0 and os.path.isfile(exe):
                exes["kiln"] = exe
                print("%-14s kiln build took %.2f s" % (name, secs))
            else:
                problems.append("%s: `kiln build` failed (%s):\n%s" % (
                    name, "exit %s" % code, err.decode("utf-8", "replace")[-2000:]))
        for label, cc in (("gcc", gcc), ("clang", clang)):
            # Some benchmarks (dict- and str-heavy ones) have no C twin.
            if not cc or not os.path.exists(c_src):
                continue
            exe = os.path.join(BUILD, name + "." + label)
            secs, code, _, err = run([cc] + C_FLAGS + ["-o", exe, c_src, "-lm"])
            if code == 0:
                exes[label] = exe
            else:
                problems.append("%s: %s failed:\n%s" % (name, label, err.decode("utf-8", "replace")))
        # runs
        for label in ("kiln", "gcc", "clang"):
            if label not in exes:
                continue
            t, out, err, code = best_of([exes[label]], args.runs)
            if t is None:
                problems.append("%s: the %s binary failed (exit %s): %s" % (
                    name, label, code, err.decode("utf-8", "replace")[-2000:]))
                continue
            times[label] = t
            outputs[label] = out
            print("%-14s %-6s best of %d: %s" % (name, label, args.runs, fmt_time(t)))
        if not args.no_cpython:
            secs, code, out, err = run([sys.executable, py], env=python_env())
            if code == 0:
                times["cpython"] = secs
                outputs["cpython"] = out
                print("%-14s %-6s once:      %s" % (name, "python", fmt_time(secs)))
            else:
                problems.append("%s: CPython failed (exit %s): %s" % (
                    name, code, err.decode("utf-8", "replace")[-2000:]))
        # outputs must agree; CPython is the reference when it ran, else gcc, else clang
        ref_label = next((l for l in ("cpython", "gcc", "clang", "kiln") if l in outputs), None)
        bad = set()
        for label, out in outputs.items():
            if out != outputs[ref_label]:
                bad.add(label)
                diff = "".join(difflib.unified_diff(
                    outputs[ref_label].decode("utf-8", "replace").splitlines(True),
                    out.decode("utf-8", "replace").splitlines(True),
                    ref_label, label))
                mismatches.append("%s: %s output differs from %s:\n%s" % (name, label, ref_label, diff))
        rows.append((name, times, bad))

    # compile + run latency of a tiny program
    hello = None
    if kiln:
        best = None
        for _ in range(args.runs):
            secs, code, out, err = run([kiln, "run", os.path.join("examples", "hello.py")])
            if code != 0:
                problems.append("`kiln run examples/hello.py` failed (exit %s): %s" % (
                    code, err.decode("utf-8", "replace")[-2000:]))
                best = None
                break
            best = secs if best is None else min(best, secs)
        hello = best

    print()
    print("| program | kiln | gcc -O2 | clang -O2 | CPython | kiln/clang | CPython/kiln |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, t, bad in rows:
        def cell(label):
            return fmt_time(t.get(label)) + (" !" if label in bad else "")
        print("| %s | %s | %s | %s | %s | %s | %s |" % (
            name, cell("kiln"), cell("gcc"), cell("clang"), cell("cpython"),
            fmt_ratio(t.get("kiln"), t.get("clang")), fmt_ratio(t.get("cpython"), t.get("kiln"))))
    print()
    print("`kiln run examples/hello.py` (compile + run), best of %d: %s" % (args.runs, fmt_time(hello)))
    print("native times are the best of %d runs (wall clock); CPython ran once." % args.runs)

    for p in problems:
        print("\nPROBLEM: " + p, file=sys.stderr)
    if mismatches:
        print("\n" + "!" * 72, file=sys.stderr)
        print("OUTPUT MISMATCH: the variants of a benchmark printed different text", file=sys.stderr)
        for m in mismatches:
            print(m, file=sys.stderr)
        print("!" * 72, file=sys.stderr)
    return 1 if mismatches or problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Time the GPU kernel benchmarks on every device and print one table.

    python3 benches/gpu/run.py                 devices cpu and wgpu (and cuda when a driver is present), 2^20 elements
    python3 benches/gpu/run.py --log2n 24      bigger arrays
    python3 benches/gpu/run.py --devices cpu   only some devices

Each device runs `kiln run --device D benches/gpu/kernels.py LOG2N`, which measures itself
(see the comments there): the launch overhead (an empty kernel), and per kernel the time per
launch and the kernel time without the overhead. The checksum lines must agree on every
device; a mismatch is reported and makes the script exit with status 1.
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAM = os.path.join("benches", "gpu", "kernels.py")


def cuda_present():
    return any(
        os.path.exists(os.path.join(d, "libcuda.so.1"))
        for d in ("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/cuda/lib64")
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--devices", default=None)
    ap.add_argument("--log2n", type=int, default=20)
    ap.add_argument("--kiln", default=os.path.join(ROOT, "target", "release", "kiln"))
    args = ap.parse_args()
    devices = args.devices.split(",") if args.devices else ["cpu", "wgpu"] + (["cuda"] if cuda_present() else [])
    results = {}
    for d in devices:
        p = subprocess.run([args.kiln, "run", "--device", d, PROGRAM, str(args.log2n)], cwd=ROOT,
                           capture_output=True, text=True, timeout=1800)
        if p.returncode != 0:
            print(f"{d}: failed ({p.returncode}): {p.stderr.strip().splitlines()[-1:]}")
            continue
        results[d] = p.stdout.splitlines()
    if not results:
        return 1
    status = 0
    checks = {d: [l for l in lines if l.startswith("checksum")] for d, lines in results.items()}
    first = next(iter(checks.values()))
    for d, c in checks.items():
        if c != first:
            print(f"MISMATCH: {d} computed {c}, expected {first}")
            status = 1
    rows = [l for l in next(iter(results.values())) if not l.startswith("checksum")]
    names = [re.split(r":", l)[0] for l in rows]
    width = max(len(n) for n in names)
    print(f"{'':{width}}  " + "  ".join(f"{d:>50}" for d in results))
    for i, name in enumerate(names):
        cells = []
        for d, lines in results.items():
            body = [l for l in lines if not l.startswith("checksum")][i].split(":", 1)[1].strip()
            cells.append(f"{body:>50}")
        print(f"{name:{width}}  " + "  ".join(cells))
    if not cuda_present() and "cuda" not in results:
        print("cuda: skipped: no CUDA driver (libcuda.so not found)")
    return status


if __name__ == "__main__":
    sys.exit(main())

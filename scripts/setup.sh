#!/usr/bin/env bash
# One command for a fresh machine: install what is missing, build kiln, run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release -p kiln -p kiln-runtime
kiln=target/release/kiln
echo
echo "== kiln run examples/hello.py"
$kiln run examples/hello.py
echo
echo "== kiln run examples/fib.py"
time $kiln run examples/fib.py
echo
echo "== kiln build examples/nbody.py -o target/nbody && ./target/nbody"
$kiln build examples/nbody.py -o target/nbody
time ./target/nbody
echo
echo "== kiln run --device cpu examples/saxpy.py   (GPU kernels on the thread pool)"
$kiln run --device cpu examples/saxpy.py
echo
echo "== kiln run --device wgpu examples/saxpy.py  (the same kernels through WGSL/Vulkan)"
$kiln run --device wgpu examples/saxpy.py
echo
echo "kiln is built: $kiln (try: $kiln --help)"

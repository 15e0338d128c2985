#!/usr/bin/env bash
# One command for the whole test suite (what CI runs): installs what is missing, builds the
# release compiler, checks formatting and lints, then runs every test crate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# lavapipe (Mesa's software Vulkan) insists on a private runtime dir.
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "${XDG_RUNTIME_DIR}" ]; then
    export XDG_RUNTIME_DIR="$(mktemp -d)"; chmod 700 "$XDG_RUNTIME_DIR"
fi
if cargo fmt --version >/dev/null 2>&1; then
    cargo fmt --all -- --check
else
    echo "note: rustfmt not installed; format check skipped"
fi
cargo build --release -p kiln -p kiln-runtime
if cargo clippy --version >/dev/null 2>&1; then
    cargo clippy --release --workspace --all-targets -- -D warnings
else
    echo "note: clippy not installed; lint check skipped"
fi
cargo test --release --workspace

#!/usr/bin/env bash
# Installs the system packages kiln needs when they are missing (Debian 12 / Ubuntu).
#   llvm-19-dev  LLVM 19 (the CPU back end, JIT and object files)
#   libgc-dev    Boehm GC (the runtime's heap)
#   clang-19     a C baseline for benches/ (optional for building)
#   mesa-vulkan-drivers libvulkan1  lavapipe, for --device wgpu without a GPU
set -euo pipefail

need=()
command -v llvm-config-19 >/dev/null 2>&1 || [ -x /usr/lib/llvm-19/bin/llvm-config ] || need+=(llvm-19-dev)
[ -f /usr/include/gc.h ] || [ -f /usr/include/gc/gc.h ] || need+=(libgc-dev)
command -v clang-19 >/dev/null 2>&1 || need+=(clang-19)
command -v cc >/dev/null 2>&1 || need+=(build-essential)
command -v python3 >/dev/null 2>&1 || need+=(python3)
ldconfig -p 2>/dev/null | grep -q libvulkan.so.1 || need+=(libvulkan1)
[ -n "$(ls /usr/share/vulkan/icd.d/lvp_icd*.json 2>/dev/null)" ] || need+=(mesa-vulkan-drivers)

if [ ${#need[@]} -eq 0 ]; then
    echo "install-deps: everything is installed"
    exit 0
fi
echo "install-deps: installing ${need[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "install-deps: need root (or sudo) to install: ${need[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-deps: done"

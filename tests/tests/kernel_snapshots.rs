//! Snapshots of the code kiln generates for GPU kernels: for every `tests/kernels/<name>.py`,
//! `kiln build --emit wgsl` must print exactly `<name>.wgsl` (which naga must also parse and
//! validate again, as the wgpu device does at run time) and `kiln build --emit ptx` exactly
//! `<name>.ptx`. Bless with `KILN_BLESS=1 cargo test -p kiln-tests --test kernel_snapshots`.

#[test]
fn wgsl_snapshots() {
    kiln_tests::snapshot_suite("wgsl", "tests/kernels", "wgsl", "wgsl", |text| {
        // One module per kernel, each introduced by a `// kernel NAME` line.
        for module in text.split("// kernel ").filter(|m| !m.trim().is_empty()) {
            let wgsl = module.split_once('\n').map_or("", |(_name, rest)| rest);
            kiln_backend_wgsl::validate_wgsl(wgsl).map_err(|e| e.message)?;
        }
        Ok(())
    });
}

#[test]
fn ptx_snapshots() {
    kiln_tests::snapshot_suite("ptx", "tests/kernels", "ptx", "ptx", |text| {
        // Every kernel is an entry point; nothing is left to link at load time.
        if !text.contains(".visible .entry kiln_") {
            return Err("no `.entry kiln_...` in the PTX".into());
        }
        if text.contains(".extern .func") {
            return Err("the PTX calls a function it does not define".into());
        }
        Ok(())
    });
}

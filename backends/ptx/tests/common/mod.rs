//! Test helpers: a small builder of lowered kernel IR (every expression emitted where it is
//! built, checks as explicit `If { Raise }` like `kiln_ir::passes::lower_kernels` leaves
//! them) and compilation to PTX.

#![allow(dead_code)]

use std::path::Path;

use kiln_backend_ptx::{compile_kernel_with_libdevice, PtxError, PtxKernel, PtxOptions};
pub use kiln_ir::build::KernelBuilder as Kb;

/// Validates the kernel's module and compiles it for sm_80 without libdevice.
pub fn try_compile(kb: Kb) -> Result<PtxKernel, PtxError> {
    try_compile_with(kb, &PtxOptions::default(), None)
}

pub fn try_compile_with(kb: Kb, options: &PtxOptions, libdevice: Option<&Path>) -> Result<PtxKernel, PtxError> {
    let (module, h) = kb.finish();
    let info = kiln_ir::validate(&module).unwrap_or_else(|e| panic!("invalid IR: {e}"));
    compile_kernel_with_libdevice(&module, &info, h, options, libdevice)
}

/// [`try_compile`], which must succeed; checks what every PTX module must have.
pub fn compile(kb: Kb) -> PtxKernel {
    let k = try_compile(kb).unwrap_or_else(|e| panic!("compile_kernel: {e}"));
    check_module(&k);
    k
}

pub fn check_module(k: &PtxKernel) {
    assert!(k.ptx.contains(".version 7.8"), "{}", k.ptx);
    assert!(k.ptx.contains(".target sm_80"), "{}", k.ptx);
    assert!(k.ptx.contains(".address_size 64"), "{}", k.ptx);
    assert!(k.ptx.contains(&format!(".visible .entry {}(", k.entry)), "{}", k.ptx);
    // Everything is defined in the module: the driver links nothing.
    assert!(!k.ptx.contains(".extern"), "{}", k.ptx);
}

/// The `.param` declarations of the entry, in order, as `(type, name)`.
pub fn params(k: &PtxKernel) -> Vec<(String, String)> {
    let start = k.ptx.find(".entry").expect("an entry");
    let open = start + k.ptx[start..].find('(').expect("(");
    let close = open + k.ptx[open..].find(')').expect(")");
    k.ptx[open + 1..close]
        .split(',')
        .map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            assert_eq!(words[0], ".param", "{p}");
            (words[1].to_string(), words[words.len() - 1].to_string())
        })
        .collect()
}

/// The PTX's lines with each run of whitespace made one space (PTX separates operands
/// with tabs).
pub fn lines(k: &PtxKernel) -> Vec<String> {
    k.ptx.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// How many lines of the PTX contain `needle` (whitespace normalised).
pub fn count(k: &PtxKernel, needle: &str) -> usize {
    lines(k).iter().filter(|l| l.contains(needle)).count()
}

/// Whether a line of the PTX contains `needle` (whitespace normalised).
pub fn has(k: &PtxKernel, needle: &str) -> bool {
    count(k, needle) > 0
}

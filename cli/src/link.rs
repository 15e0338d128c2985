//! Links compiled objects with the kiln runtime into a native executable.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Native libraries the runtime staticlib needs (from `--print native-static-libs`), plus
/// Boehm GC.
const NATIVE_LIBS: &[&str] = &["-lgc", "-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"];

/// Finds `libkiln_runtime.a`: `KILN_RUNTIME_LIB`, then beside the `kiln` executable (a cargo
/// target directory), then in `../lib` relative to it (an installed layout).
fn runtime_library() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("KILN_RUNTIME_LIB") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate the kiln executable: {e}"))?;
    let dir = exe.parent().unwrap_or(Path::new("."));
    let candidates =
        [dir.join("libkiln_runtime.a"), dir.join("../lib/libkiln_runtime.a"), dir.join("../libkiln_runtime.a")];
    candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .ok_or_else(|| format!("cannot find libkiln_runtime.a next to {} (set KILN_RUNTIME_LIB)", exe.display()))
}

pub fn link_executable(object: &Path, output: &Path) -> Result<(), String> {
    let runtime = runtime_library()?;
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let status = Command::new(&cc)
        .arg(object)
        .arg(&runtime)
        .args(NATIVE_LIBS)
        .arg("-o")
        .arg(output)
        .status()
        .map_err(|e| format!("cannot run the linker `{cc}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("linking with `{cc}` failed ({status})"))
    }
}

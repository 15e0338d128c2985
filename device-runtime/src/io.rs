//! Program output: a process-wide stdout buffer and unbuffered stderr.
//!
//! Text printed by a kiln program is collected in a buffer that is written to fd 1 when it
//! grows past [`FLUSH_THRESHOLD`], on `kiln_rt_flush`, at program end, and before anything
//! is written to stderr (so stdout and stderr interleave as in CPython run on a pipe).
//!
//! Write errors never panic. A closed pipe (`EPIPE`, e.g. `prog | head -1`) ends the
//! program at once with status 1 and no message (CPython would print a `BrokenPipeError`
//! report). Note that an AOT executable whose SIGPIPE disposition is the default is killed
//! by the signal before it sees `EPIPE`; the `kiln` binary (Rust) ignores SIGPIPE. Other
//! write errors drop the output and make the program's exit status 1.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// The buffer is written out when it holds more than this many bytes.
pub const FLUSH_THRESHOLD: usize = 64 * 1024;

static STDOUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static STDOUT_FAILED: AtomicBool = AtomicBool::new(false);

/// Write all of `bytes` to `fd`; `Err(errno)` on failure.
fn write_fd(fd: i32, mut bytes: &[u8]) -> Result<(), i32> {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a valid readable slice.
        let n = unsafe { libc::write(fd, bytes.as_ptr() as *const libc::c_void, bytes.len()) };
        if n < 0 {
            let err = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if err == libc::EINTR {
                continue;
            }
            return Err(err);
        }
        if n == 0 {
            return Err(libc::EIO);
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}

fn flush_locked(buf: &mut Vec<u8>) {
    if buf.is_empty() {
        return;
    }
    let result = write_fd(1, buf);
    buf.clear();
    match result {
        Ok(()) => {}
        Err(e) if e == libc::EPIPE => std::process::exit(1),
        Err(_) => STDOUT_FAILED.store(true, Ordering::Relaxed),
    }
}

/// Append program output.
pub fn write_stdout(bytes: &[u8]) {
    let mut buf = STDOUT.lock().unwrap_or_else(|e| e.into_inner());
    if STDOUT_FAILED.load(Ordering::Relaxed) {
        return;
    }
    buf.extend_from_slice(bytes);
    if buf.len() > FLUSH_THRESHOLD {
        flush_locked(&mut buf);
    }
}

/// Write the buffered output to fd 1.
pub fn flush_stdout() {
    let mut buf = STDOUT.lock().unwrap_or_else(|e| e.into_inner());
    flush_locked(&mut buf);
}

/// Did writing stdout fail (other than a closed pipe)?
pub fn stdout_failed() -> bool {
    STDOUT_FAILED.load(Ordering::Relaxed)
}

/// Write to fd 2 (unbuffered), after flushing stdout. Errors are ignored.
pub fn write_stderr(bytes: &[u8]) {
    flush_stdout();
    let _ = write_fd(2, bytes);
}

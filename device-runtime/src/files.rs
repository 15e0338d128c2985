//! Text files (`open()`, `read`, `readline`, `readlines`, `write`, `close`) and `input()`.
//!
//! A kiln file object is a [`KFile`]: 16 bytes of GC memory (no pointers) holding an id
//! into a runtime-side table of open files. The table owns the OS file and its buffers;
//! `close()` removes the entry, after which every operation raises `ValueError: I/O
//! operation on closed file.`. A handle that becomes garbage while still open is closed
//! by a collector finalizer at some later collection (CPython closes it at once); when
//! `open()` runs out of file descriptors it collects and retries once, so the common
//! `open(p).read()` idiom in a loop does not exhaust them.
//!
//! Semantics follow CPython 3.11's `TextIOWrapper` over a buffered file, UTF-8, default
//! newline handling:
//! * Reading decodes in chunks of 8192 bytes (as `TextIOWrapper`), translating `\r\n` and
//!   `\r` to `\n`. Invalid UTF-8 raises `UnicodeDecodeError` with CPython's message, the
//!   position counted within the chunk being decoded (the whole rest of the file for
//!   `read()`).
//! * Writing appends to a buffer that goes to the OS when it exceeds 8192 bytes, on
//!   `close()`, and when the program ends ([`flush_all`], called by `kiln_rt_main`'s exit
//!   path) — so, as in CPython, another handle may not see unflushed text yet.
//! * In `r+`/`w+`/`a+` modes, as in CPython 3.11: `read()` first writes out the pending
//!   text, `readline()` does not; writing discards the decoded-but-unread text without
//!   seeking back, so a write after a read lands after the chunk the read consumed.
//!   (Beyond that, CPython's results for interleaved reads and writes on one handle depend
//!   on its buffer internals, which are not modeled.)
//! * Errors: `FileNotFoundError: [Errno 2] No such file or directory: 'x.txt'` and the
//!   other `OSError` subclasses by errno, `ValueError: invalid mode: 'q'` and CPython's
//!   other mode messages, `io.UnsupportedOperation: not readable` / `not writable` (kind
//!   `UnsupportedOperation`, registered as a subclass of `OSError`; CPython's also derives
//!   from `ValueError`). Binary modes (`b`) raise kiln's `ValueError: kiln: binary file
//!   mode 'rb' is not supported`.
//!
//! `input()` reads standard input through its own buffer (lines end at `\n` only, as
//! CPython's `sys.stdin` on POSIX).

use std::collections::BTreeMap;
use std::ffi::c_void;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Mutex, Once};

use crate::exceptions::{self, PyErr};
use crate::gc;
use crate::io;
use crate::strings;

/// A file object as compiled code holds it: GC memory, 16 bytes, no pointers.
#[repr(C)]
pub struct KFile {
    /// Key of the file in the runtime's table of open files (never reused).
    pub id: i64,
    _reserved: i64,
}

/// `TextIOWrapper`'s chunk size.
const CHUNK: usize = 8192;

struct OpenFile {
    file: File,
    readable: bool,
    writable: bool,
    /// Decoded, newline-translated text not yet returned.
    decoded: String,
    /// Read position within `decoded` (bytes).
    dpos: usize,
    /// Undecoded bytes (an incomplete UTF-8 sequence at the end of the last chunk).
    pending: Vec<u8>,
    /// A `\r` held back from the last chunk (it may start a `\r\n`).
    pending_cr: bool,
    /// Encoded text waiting to be written.
    wbuf: Vec<u8>,
}

struct Table {
    next_id: i64,
    files: BTreeMap<i64, OpenFile>,
}

static FILES: Mutex<Table> = Mutex::new(Table { next_id: 1, files: BTreeMap::new() });
/// Ids of handles the collector found unreachable, closed at the next file operation.
/// Only the finalizer and [`drain_finalized`] take this lock, and neither allocates GC
/// memory while holding it.
static FINALIZED: Mutex<Vec<i64>> = Mutex::new(Vec::new());

fn table() -> std::sync::MutexGuard<'static, Table> {
    FILES.lock().unwrap_or_else(|e| e.into_inner())
}

type FinalizerFn = unsafe extern "C" fn(obj: *mut c_void, client_data: *mut c_void);

#[link(name = "gc")]
extern "C" {
    fn GC_register_finalizer_no_order(
        obj: *mut c_void,
        f: Option<FinalizerFn>,
        cd: *mut c_void,
        ofn: *mut Option<FinalizerFn>,
        ocd: *mut *mut c_void,
    );
    fn GC_invoke_finalizers() -> i32;
}

unsafe extern "C" fn finalize_handle(obj: *mut c_void, _cd: *mut c_void) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: `obj` is the KFile this finalizer was registered for.
        let id = unsafe { (*(obj as *const KFile)).id };
        FINALIZED.lock().unwrap_or_else(|e| e.into_inner()).push(id);
    });
}

/// Close the files whose handles were collected.
fn drain_finalized() {
    let ids: Vec<i64> = std::mem::take(&mut *FINALIZED.lock().unwrap_or_else(|e| e.into_inner()));
    if ids.is_empty() {
        return;
    }
    let mut t = table();
    for id in ids {
        if let Some(mut f) = t.files.remove(&id) {
            let _ = f.flush_writes();
        }
    }
}

fn register_classes() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        exceptions::register_class("UnsupportedOperation", "OSError");
        exceptions::register_shown_name("UnsupportedOperation", "io.UnsupportedOperation");
        for (name, parent) in [
            ("BlockingIOError", "OSError"),
            ("ChildProcessError", "OSError"),
            ("ConnectionError", "OSError"),
            ("ConnectionResetError", "ConnectionError"),
            ("InterruptedError", "OSError"),
            ("ProcessLookupError", "OSError"),
        ] {
            exceptions::register_class(name, parent);
        }
    });
}

/// CPython's `OSError` subclass for an errno (`PyErr_SetFromErrnoWithFilename`).
fn os_error_kind(errno: i32) -> &'static str {
    match errno {
        libc::ENOENT => "FileNotFoundError",
        libc::EEXIST => "FileExistsError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::EINTR => "InterruptedError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::ETIMEDOUT => "TimeoutError",
        libc::ECHILD => "ChildProcessError",
        libc::ESRCH => "ProcessLookupError",
        _ => "OSError",
    }
}

fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a valid NUL-terminated string (copied at once).
    unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)).to_string_lossy().into_owned() }
}

/// `OSError` from an errno, with or without a file name (`[Errno 2] No such file or
/// directory: 'x.txt'`).
fn os_error(errno: i32, path: Option<&str>) -> PyErr {
    register_classes();
    let msg = match path {
        Some(p) => format!("[Errno {errno}] {}: {}", strerror(errno), strings::repr(p)),
        None => format!("[Errno {errno}] {}", strerror(errno)),
    };
    PyErr::new(os_error_kind(errno), msg)
}

fn io_error(e: &std::io::Error, path: Option<&str>) -> PyErr {
    os_error(e.raw_os_error().unwrap_or(libc::EIO), path)
}

fn closed_error() -> PyErr {
    PyErr::new("ValueError", "I/O operation on closed file.")
}

fn unsupported(what: &str) -> PyErr {
    register_classes();
    PyErr::new("UnsupportedOperation", what)
}

/// CPython's `UnicodeDecodeError` message for invalid UTF-8 in `bytes`.
fn decode_error(bytes: &[u8], e: std::str::Utf8Error) -> PyErr {
    let start = e.valid_up_to();
    let (len, reason) = match e.error_len() {
        None => (bytes.len() - start, "unexpected end of data"),
        Some(n) => {
            let b = bytes[start];
            let invalid_start = (0x80..0xC2).contains(&b) || b >= 0xF5;
            (n, if invalid_start { "invalid start byte" } else { "invalid continuation byte" })
        }
    };
    let msg = if len == 1 {
        format!("'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}", bytes[start])
    } else {
        format!("'utf-8' codec can't decode bytes in position {start}-{}: {reason}", start + len - 1)
    };
    PyErr::new("UnicodeDecodeError", msg)
}

/// Decode `bytes` (UTF-8). With `fin == false`, an incomplete sequence at the end is
/// returned as the leftover instead of an error.
fn decode(bytes: &[u8], fin: bool) -> Result<(String, Vec<u8>), PyErr> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(e) if e.error_len().is_none() && !fin => {
            let cut = e.valid_up_to();
            // The prefix is valid UTF-8 (`valid_up_to`).
            let s = std::str::from_utf8(&bytes[..cut]).map(str::to_string).unwrap_or_default();
            Ok((s, bytes[cut..].to_vec()))
        }
        Err(e) => Err(decode_error(bytes, e)),
    }
}

impl OpenFile {
    fn flush_writes(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let r = self.file.write_all(&self.wbuf);
        self.wbuf.clear();
        r
    }

    /// Newline-translate decoded text (CPython's `IncrementalNewlineDecoder`, translate
    /// mode) and append it to `decoded`.
    fn push_decoded(&mut self, mut text: String, fin: bool) {
        if self.pending_cr && (!text.is_empty() || fin) {
            text.insert(0, '\r');
            self.pending_cr = false;
        }
        if text.ends_with('\r') && !fin {
            text.pop();
            self.pending_cr = true;
        }
        if text.contains('\r') {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
        self.decoded.push_str(&text);
    }

    /// Read and decode one chunk; false at end of file.
    fn read_chunk(&mut self) -> Result<bool, PyErr> {
        let mut buf = vec![0u8; CHUNK];
        let n = loop {
            match self.file.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_error(&e, None)),
            }
        };
        let fin = n == 0;
        let mut input = std::mem::take(&mut self.pending);
        input.extend_from_slice(&buf[..n]);
        let (text, rest) = decode(&input, fin)?;
        self.pending = rest;
        self.push_decoded(text, fin);
        Ok(!fin)
    }

    fn check_readable(&mut self) -> Result<(), PyErr> {
        if !self.readable {
            return Err(unsupported("not readable"));
        }
        Ok(())
    }

    /// Like CPython 3.11, `readline` reads on from the OS position without first writing
    /// out pending text (`read()` does write it out).
    fn readline(&mut self) -> Result<String, PyErr> {
        self.check_readable()?;
        if self.dpos == self.decoded.len() {
            self.decoded.clear();
            self.dpos = 0;
        } else if self.dpos > 4 * CHUNK {
            self.decoded.drain(..self.dpos);
            self.dpos = 0;
        }
        let mut scanned = self.dpos;
        loop {
            if let Some(k) = self.decoded[scanned..].find('\n') {
                let end = scanned + k + 1;
                let line = self.decoded[self.dpos..end].to_string();
                self.dpos = end;
                return Ok(line);
            }
            scanned = self.decoded.len();
            if !self.read_chunk()? {
                // End of file: the rest (at most one line: only a held-back `\r` arrives).
                let line = self.decoded[self.dpos..].to_string();
                self.dpos = self.decoded.len();
                return Ok(line);
            }
        }
    }

    fn read_all(&mut self) -> Result<String, PyErr> {
        self.check_readable()?;
        self.flush_writes().map_err(|e| io_error(&e, None))?;
        let mut raw = std::mem::take(&mut self.pending);
        if let Err(e) = self.file.read_to_end(&mut raw) {
            return Err(io_error(&e, None));
        }
        let (text, _) = decode(&raw, true)?;
        let mut out = self.decoded[self.dpos..].to_string();
        self.decoded.clear();
        self.dpos = 0;
        let cr = std::mem::take(&mut self.pending_cr);
        let mut text = if cr { format!("\r{text}") } else { text };
        if text.contains('\r') {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
        out.push_str(&text);
        Ok(out)
    }

    fn write(&mut self, s: &str) -> Result<(), PyErr> {
        if !self.writable {
            return Err(unsupported("not writable"));
        }
        // Like TextIOWrapper.write: drop the decoded-but-unread text (no seek back).
        self.decoded.clear();
        self.dpos = 0;
        self.pending.clear();
        self.pending_cr = false;
        self.wbuf.extend_from_slice(s.as_bytes());
        if self.wbuf.len() > CHUNK {
            self.flush_writes().map_err(|e| io_error(&e, None))?;
        }
        Ok(())
    }
}

/// What `open()` was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Read,
    Write,
    Append,
    Create,
}

/// Parse a mode as CPython's `open()` does: the access and whether `+` was given.
fn parse_mode(mode: &str) -> Result<(Access, bool), PyErr> {
    let invalid = || PyErr::new("ValueError", format!("invalid mode: '{mode}'"));
    let mut access = Vec::new();
    let (mut plus, mut text, mut binary) = (false, false, false);
    for (i, c) in mode.char_indices() {
        match c {
            'x' => access.push(Access::Create),
            'r' => access.push(Access::Read),
            'w' => access.push(Access::Write),
            'a' => access.push(Access::Append),
            '+' => plus = true,
            't' => text = true,
            'b' => binary = true,
            _ => return Err(invalid()),
        }
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    if text && binary {
        return Err(PyErr::new("ValueError", "can't have text and binary mode at once"));
    }
    if access.len() > 1 {
        return Err(PyErr::new("ValueError", "must have exactly one of create/read/write/append mode"));
    }
    let Some(&access) = access.first() else {
        return Err(PyErr::new(
            "ValueError",
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    };
    if binary {
        return Err(PyErr::new("ValueError", format!("kiln: binary file mode '{mode}' is not supported")));
    }
    Ok((access, plus))
}

fn open_os(path: &str, mode: &str) -> Result<OpenFile, PyErr> {
    let (access, plus) = parse_mode(mode)?;
    let mut opts = OpenOptions::new();
    match access {
        Access::Read => opts.read(true).write(plus),
        Access::Write => opts.write(true).create(true).truncate(true).read(plus),
        Access::Append => opts.append(true).create(true).read(plus),
        Access::Create => opts.write(true).create_new(true).read(plus),
    };
    let file = opts.open(path).map_err(|e| io_error(&e, Some(path)))?;
    // open(2) of a directory for reading succeeds; CPython's FileIO refuses it.
    if file.metadata().is_ok_and(|md| md.is_dir()) {
        return Err(os_error(libc::EISDIR, Some(path)));
    }
    if access == Access::Append {
        // CPython starts an appending file at its end (it matters for `a+` reads).
        let _ = (&file).seek(SeekFrom::End(0));
    }
    Ok(OpenFile {
        file,
        readable: access == Access::Read || plus,
        writable: access != Access::Read || plus,
        decoded: String::new(),
        dpos: 0,
        pending: Vec::new(),
        pending_cr: false,
        wbuf: Vec::new(),
    })
}

/// `open(path, mode)`: a new handle.
pub fn open(path: &str, mode: &str) -> Result<*mut KFile, PyErr> {
    drain_finalized();
    let of = match open_os(path, mode) {
        Err(e) if e.kind == "OSError" && is_fd_exhaustion(&e) => {
            // Out of descriptors: close the files of collected handles and retry once.
            gc::collect();
            // SAFETY: plain Boehm call after init.
            unsafe { GC_invoke_finalizers() };
            drain_finalized();
            open_os(path, mode)?
        }
        r => r?,
    };
    let id = {
        let mut t = table();
        let id = t.next_id;
        t.next_id += 1;
        t.files.insert(id, of);
        id
    };
    let h = gc::alloc_atomic(std::mem::size_of::<KFile>()) as *mut KFile;
    // SAFETY: `h` is a fresh, zeroed allocation of the right size; the finalizer is
    // registered for the start of that allocation.
    unsafe {
        (*h).id = id;
        GC_register_finalizer_no_order(
            h as *mut c_void,
            Some(finalize_handle),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        );
    }
    Ok(h)
}

fn is_fd_exhaustion(e: &PyErr) -> bool {
    let m = e.msg.as_deref().unwrap_or("");
    m.starts_with(&format!("[Errno {}]", libc::EMFILE)) || m.starts_with(&format!("[Errno {}]", libc::ENFILE))
}

/// Run `op` on the open file behind `f` (`ValueError` when it is closed).
///
/// # Safety
/// `f` is null or a handle made by [`open`].
unsafe fn with_file<T>(f: *const KFile, op: impl FnOnce(&mut OpenFile) -> Result<T, PyErr>) -> Result<T, PyErr> {
    if f.is_null() {
        return Err(closed_error());
    }
    drain_finalized();
    // SAFETY: caller contract.
    let id = unsafe { (*f).id };
    let mut t = table();
    match t.files.get_mut(&id) {
        Some(of) => op(of),
        None => Err(closed_error()),
    }
}

/// `f.readline()`: the next line with its `\n`, "" at end of file.
///
/// # Safety
/// As [`with_file`].
pub unsafe fn readline(f: *const KFile) -> Result<String, PyErr> {
    // SAFETY: caller contract.
    unsafe { with_file(f, OpenFile::readline) }
}

/// `f.read()`: the rest of the file.
///
/// # Safety
/// As [`with_file`].
pub unsafe fn read(f: *const KFile) -> Result<String, PyErr> {
    // SAFETY: caller contract.
    unsafe { with_file(f, OpenFile::read_all) }
}

/// `f.readlines()`: the remaining lines.
///
/// # Safety
/// As [`with_file`].
pub unsafe fn readlines(f: *const KFile) -> Result<Vec<String>, PyErr> {
    // SAFETY: caller contract.
    unsafe {
        with_file(f, |of| {
            let mut lines = Vec::new();
            loop {
                let l = of.readline()?;
                if l.is_empty() {
                    return Ok(lines);
                }
                lines.push(l);
            }
        })
    }
}

/// `f.write(s)`.
///
/// # Safety
/// As [`with_file`].
pub unsafe fn write(f: *const KFile, s: &str) -> Result<(), PyErr> {
    // SAFETY: caller contract.
    unsafe { with_file(f, |of| of.write(s)) }
}

/// `f.flush()`: hand the buffered text to the OS.
///
/// # Safety
/// As [`with_file`].
pub unsafe fn flush(f: *const KFile) -> Result<(), PyErr> {
    // SAFETY: caller contract.
    unsafe { with_file(f, |of| of.flush_writes().map_err(|e| io_error(&e, None))) }
}

/// `f.close()` (a no-op on a closed file). Write errors surface here.
///
/// # Safety
/// As [`with_file`].
pub unsafe fn close(f: *const KFile) -> Result<(), PyErr> {
    if f.is_null() {
        return Ok(());
    }
    drain_finalized();
    // SAFETY: caller contract.
    let id = unsafe { (*f).id };
    let of = table().files.remove(&id);
    match of {
        Some(mut of) => of.flush_writes().map_err(|e| io_error(&e, None)),
        None => Ok(()),
    }
}

/// Write out every open file's pending text (at program end; errors are ignored, as
/// CPython ignores them at shutdown).
pub fn flush_all() {
    drain_finalized();
    let mut t = table();
    for of in t.files.values_mut() {
        let _ = of.flush_writes();
    }
}

// ---------------------------------------------------------------------------------------
// input()
// ---------------------------------------------------------------------------------------

struct Stdin {
    buf: Vec<u8>,
    eof: bool,
}

static STDIN: Mutex<Stdin> = Mutex::new(Stdin { buf: Vec::new(), eof: false });

/// One line of fd 0 with its `\n` (None at end of input).
fn stdin_line() -> Result<Option<Vec<u8>>, PyErr> {
    let mut st = STDIN.lock().unwrap_or_else(|e| e.into_inner());
    let mut scanned = 0;
    loop {
        if let Some(k) = st.buf[scanned..].iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = st.buf.drain(..scanned + k + 1).collect();
            return Ok(Some(line));
        }
        scanned = st.buf.len();
        if st.eof {
            if st.buf.is_empty() {
                return Ok(None);
            }
            return Ok(Some(std::mem::take(&mut st.buf)));
        }
        let mut chunk = [0u8; CHUNK];
        // SAFETY: `chunk` is a writable buffer of CHUNK bytes.
        let n = unsafe { libc::read(0, chunk.as_mut_ptr() as *mut c_void, CHUNK) };
        if n < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
            if errno == libc::EINTR {
                continue;
            }
            if errno == libc::EBADF {
                // No standard input at all: CPython raises RuntimeError("input(): lost
                // sys.stdin"); treat it as end of input.
                st.eof = true;
                continue;
            }
            return Err(os_error(errno, None));
        }
        if n == 0 {
            st.eof = true;
        } else {
            st.buf.extend_from_slice(&chunk[..n as usize]);
        }
    }
}

/// `input(prompt)`: write the prompt (if any) to stdout and flush it, then read a line of
/// standard input without its `\n`. `EOFError: EOF when reading a line` at end of input.
pub fn input(prompt: Option<&str>) -> Result<String, PyErr> {
    if let Some(p) = prompt {
        io::write_stdout(p.as_bytes());
    }
    io::flush_stdout();
    match stdin_line()? {
        None => Err(PyErr::new("EOFError", "EOF when reading a line")),
        Some(mut line) => {
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            match std::str::from_utf8(&line) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => Err(decode_error(&line, e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(parse_mode("q").unwrap_err().msg.unwrap(), "invalid mode: 'q'");
        assert_eq!(parse_mode("rr").unwrap_err().msg.unwrap(), "invalid mode: 'rr'");
        assert_eq!(
            parse_mode("rw").unwrap_err().msg.unwrap(),
            "must have exactly one of create/read/write/append mode"
        );
        assert_eq!(
            parse_mode("+").unwrap_err().msg.unwrap(),
            "Must have exactly one of create/read/write/append mode and at most one plus"
        );
        assert_eq!(parse_mode("rb").unwrap_err().msg.unwrap(), "kiln: binary file mode 'rb' is not supported");
        assert_eq!(parse_mode("r+t"), Ok((Access::Read, true)));
        assert_eq!(parse_mode("xt"), Ok((Access::Create, false)));
    }

    #[test]
    fn decode_messages() {
        let e = |b: &[u8]| decode(b, true).unwrap_err().msg.unwrap();
        assert_eq!(e(b"ab\xff"), "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte");
        assert_eq!(e(b"\xe2\x82x"), "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
        assert_eq!(e(b"a\xe2\x82"), "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
        assert_eq!(decode(b"a\xe2\x82", false).unwrap(), ("a".to_string(), vec![0xe2, 0x82]));
    }
}

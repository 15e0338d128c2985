//! Python exceptions as a per-thread pending state.
//!
//! Compiled code checks the status byte returned by functions that can raise; on 1 it
//! pushes its own traceback frame ([`traceback_push`]) and returns 1 to its caller, up to
//! the entry function, whose 1 makes [`crate::entry`] print the report. `try`/`except`
//! inspects the pending exception ([`matches()`], [`type_name`], [`message`]) and clears it.
//!
//! The pending exception's class, message and traceback are Rust-owned text (copied out of the
//! `KStr`s it was given). What is a kiln value (the instance, `args`, the caught exceptions of
//! `__context__`/`__cause__`, the stack of exceptions being handled) lives in collected memory
//! held by per-thread roots.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// An exception produced by runtime code: the class name and the `str()` of the
/// exception (None for an exception raised without arguments).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    pub kind: &'static str,
    pub msg: Option<String>,
}

impl PyErr {
    pub fn new(kind: &'static str, msg: impl Into<String>) -> PyErr {
        PyErr { kind, msg: Some(msg.into()) }
    }

    /// An exception without a message (`raise MemoryError`).
    pub fn bare(kind: &'static str) -> PyErr {
        PyErr { kind, msg: None }
    }

    /// The last line CPython prints for this exception.
    pub fn last_line(&self) -> String {
        last_line(self.kind, self.msg.as_deref())
    }
}

/// CPython's last traceback line: `Name: message`, or just `Name` when the message is
/// missing or empty (`raise ValueError("")` and `raise AssertionError` both print the bare
/// name; a message of one space still prints `Name:  `).
pub fn last_line(kind: &str, msg: Option<&str>) -> String {
    match msg {
        Some(m) if !m.is_empty() => format!("{kind}: {m}"),
        _ => kind.to_string(),
    }
}

/// One traceback entry, run-length encoded: `count` identical consecutive frames.
#[derive(Clone, Copy, Debug)]
#[repr(C)]
struct Frame {
    file: u32,
    func: u32,
    line: i64,
    count: u64,
}

/// The pending exception of a thread.
#[derive(Clone, Debug)]
pub struct Pending {
    pub kind: String,
    pub msg: Option<String>,
    /// For `SystemExit` raised with an integer code (`kiln_rt_raise_system_exit`).
    pub exit_code: Option<i64>,
    frames: Vec<Frame>,
    /// `raise ... from ...` was used (`__suppress_context__`): the report leaves out
    /// `__context__`. Its `__context__` and `__cause__` are in [`CHAIN_ROOT`].
    suppress_context: bool,
    /// The close name a NameError's report offers (see [`set_next_hint`]).
    pub hint: Option<String>,
}

#[derive(Default)]
struct State {
    pending: Option<Pending>,
    /// Interned file and function names (bounded by the program's distinct names).
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl State {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), id);
        id
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
    /// The instance of a user exception class that the pending exception was raised with
    /// (null for exceptions raised by class name or by the runtime). It lives in collected
    /// memory, so it is held in a root the collector scans, made on first use.
    static OBJECT_ROOT: Cell<*mut *mut u8> = const { Cell::new(std::ptr::null_mut()) };
    /// The pending exception's `args` (see [`KExc::args`]), null when they follow from its
    /// message; held in a root like the instance.
    static ARGS_ROOT: Cell<*mut *mut u8> = const { Cell::new(std::ptr::null_mut()) };
    /// The pending exception's `__context__` and `__cause__` (caught exceptions, or null),
    /// in a two-word root.
    static CHAIN_ROOT: Cell<*mut *mut u8> = const { Cell::new(std::ptr::null_mut()) };
    /// The exceptions being handled: the top of a stack of [`Handling`] nodes (null when no
    /// handler runs). A new exception's `__context__` is the top one, as in CPython.
    static HANDLING_ROOT: Cell<*mut *mut u8> = const { Cell::new(std::ptr::null_mut()) };
    /// What the next raise takes as its `__cause__` (`raise ... from cause`; null for
    /// `from None`), and whether such a `from` is waiting at all.
    static NEXT_CAUSE_ROOT: Cell<*mut *mut u8> = const { Cell::new(std::ptr::null_mut()) };
    static NEXT_CAUSE_SET: Cell<bool> = const { Cell::new(false) };
    /// The "Did you mean" name for the next raise (see [`set_next_hint`]).
    static NEXT_HINT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The next exception raised is a NameError from a name lookup whose report offers `hint`
/// (`. Did you mean: 'hint'?`). It is not part of the message: `str(e)` leaves it out, as
/// CPython's does, and only the report of an uncaught exception shows it.
pub fn set_next_hint(hint: Option<String>) {
    NEXT_HINT.with(|h| *h.borrow_mut() = hint);
}

fn take_next_hint() -> Option<String> {
    NEXT_HINT.try_with(|h| h.borrow_mut().take()).ok().flatten()
}

/// One entry of the stack of exceptions being handled, in collected memory.
#[repr(C)]
struct Handling {
    exc: *mut KExc,
    next: *mut Handling,
}

fn chain_root() -> *mut *mut KExc {
    CHAIN_ROOT.with(|r| {
        if r.get().is_null() {
            let root = crate::gc::alloc(2 * std::mem::size_of::<usize>()) as *mut *mut u8;
            let holder = crate::gc::new_root();
            // SAFETY: a fresh root; the two-word block stays reachable through it.
            unsafe { *holder = root as *mut u8 };
            r.set(root);
        }
        r.get() as *mut *mut KExc
    })
}

/// The pending exception's `(__context__, __cause__)`.
fn pending_chain() -> (*mut KExc, *mut KExc) {
    let root = chain_root();
    // SAFETY: the root block holds two words.
    unsafe { (*root, *root.add(1)) }
}

fn set_pending_chain(context: *mut KExc, cause: *mut KExc) {
    let root = chain_root();
    // SAFETY: as above.
    unsafe {
        *root = context;
        *root.add(1) = cause;
    }
}

/// The exception the innermost running handler handles (null outside handlers).
fn handled() -> *mut KExc {
    // SAFETY: the root is a valid word owned by this thread; nodes are `Handling`s.
    let top = unsafe { *root_of(&HANDLING_ROOT) } as *mut Handling;
    if top.is_null() {
        std::ptr::null_mut()
    } else {
        // SAFETY: a live node.
        unsafe { (*top).exc }
    }
}

/// A handler for `exc` starts running (until the matching [`handling_exit`]).
pub fn handling_enter(exc: *mut KExc) {
    let node = crate::gc::alloc(std::mem::size_of::<Handling>()) as *mut Handling;
    let root = root_of(&HANDLING_ROOT);
    // SAFETY: a fresh node; the root is this thread's.
    unsafe {
        node.write(Handling { exc, next: *root as *mut Handling });
        *root = node as *mut u8;
    }
}

/// The innermost running handler is left (normally, by `return`/`break`/`continue`, or by
/// an exception).
pub fn handling_exit() {
    let root = root_of(&HANDLING_ROOT);
    // SAFETY: as above.
    unsafe {
        let top = *root as *mut Handling;
        if !top.is_null() {
            *root = (*top).next as *mut u8;
        }
    }
}

/// `raise ... from cause` (null `cause`: `from None`): the next raise takes it.
pub fn set_next_cause(cause: *mut KExc) {
    // SAFETY: the root is this thread's.
    unsafe { *root_of(&NEXT_CAUSE_ROOT) = cause as *mut u8 };
    NEXT_CAUSE_SET.with(|c| c.set(true));
}

/// The `__cause__` a raise starts with, if a `from` is waiting.
fn take_next_cause() -> Option<*mut KExc> {
    if !NEXT_CAUSE_SET.with(|c| c.replace(false)) {
        return None;
    }
    let root = root_of(&NEXT_CAUSE_ROOT);
    // SAFETY: the root is this thread's.
    unsafe { Some(std::mem::replace(&mut *root, std::ptr::null_mut()) as *mut KExc) }
}

/// Sets the chain of an exception being raised: `__context__` is the exception being handled
/// (unless that is `raised` itself), and a waiting `from` gives `__cause__`. `raised` is the
/// caught exception raised again, or null for a new one.
fn link_raised(raised: *mut KExc, context: *mut KExc, cause: *mut KExc, suppress: bool) -> bool {
    let handled = handled();
    let mut context = context;
    if !handled.is_null() && handled != raised {
        // A chain that leads back to `raised` would make a cycle: cut it there, as CPython does.
        let mut link = handled;
        while !link.is_null() {
            // SAFETY: chain links are live `KExc`s.
            let next = unsafe { (*link).context };
            if !raised.is_null() && next == raised {
                unsafe { (*link).context = std::ptr::null_mut() };
                break;
            }
            link = next;
        }
        context = handled;
    }
    let (cause, suppress) = match take_next_cause() {
        Some(c) => (c, true),
        None => (cause, suppress),
    };
    set_pending_chain(context, cause);
    suppress
}

fn root_of(key: &'static std::thread::LocalKey<Cell<*mut *mut u8>>) -> *mut *mut u8 {
    key.with(|r| {
        if r.get().is_null() {
            r.set(crate::gc::new_root());
        }
        r.get()
    })
}

fn set_pending_object(object: *mut u8) {
    // SAFETY: the root is a valid word owned by this thread.
    unsafe { *root_of(&OBJECT_ROOT) = object }
    set_pending_args(std::ptr::null_mut());
}

fn pending_object() -> *mut u8 {
    // SAFETY: as above.
    unsafe { *root_of(&OBJECT_ROOT) }
}

fn set_pending_args(args: *mut crate::lists::KList) {
    // SAFETY: as above.
    unsafe { *root_of(&ARGS_ROOT) = args as *mut u8 }
}

fn pending_args() -> *mut crate::lists::KList {
    // SAFETY: as above.
    unsafe { *root_of(&ARGS_ROOT) as *mut crate::lists::KList }
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.try_with(|st| st.try_borrow_mut().ok().map(|mut st| f(&mut st))).ok().flatten()
}

/// Set the pending exception (replacing any), with an empty traceback.
pub fn raise(kind: &str, msg: Option<&str>) {
    raise_as(kind, msg, std::ptr::null_mut());
}

/// [`raise`]; `same` is the caught exception being handled when the raised one is that same
/// exception again (`raise e` of the instance `e` of the running handler), else null.
fn raise_as(kind: &str, msg: Option<&str>, same: *mut KExc) {
    set_pending_object(std::ptr::null_mut());
    // SAFETY: `same` is null or a live caught exception.
    let (context, cause, suppress) = if same.is_null() {
        (same, same, false)
    } else {
        unsafe { ((*same).context, (*same).cause, (*same).suppress_context != 0) }
    };
    let suppress_context = link_raised(same, context, cause, suppress);
    let hint = take_next_hint();
    with_state(|st| {
        st.pending = Some(Pending {
            kind: kind.to_string(),
            msg: msg.map(str::to_string),
            exit_code: None,
            frames: Vec::new(),
            suppress_context,
            hint,
        })
    });
}

/// Raise a runtime-produced error.
pub fn raise_err(e: &PyErr) {
    raise(e.kind, e.msg.as_deref());
}

/// Raise an instance of a user exception class: `kind` is its class name, `msg` its `str()`,
/// `args` its `args` (see [`KExc::args`]).
pub fn raise_object(kind: &str, msg: &str, object: *mut u8, args: *mut crate::lists::KList) {
    let handled = handled();
    // SAFETY: `handled` is null or a live caught exception.
    let same = !handled.is_null() && !object.is_null() && unsafe { (*handled).object } == object;
    raise_as(kind, Some(msg), if same { handled } else { std::ptr::null_mut() });
    set_pending_object(object);
    set_pending_args(args);
}

/// Raise `SystemExit(code)` with an integer code.
pub fn raise_system_exit(code: i64) {
    set_pending_object(std::ptr::null_mut());
    let suppress_context = link_raised(std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut(), false);
    with_state(|st| {
        st.pending = Some(Pending {
            kind: "SystemExit".to_string(),
            msg: Some(code.to_string()),
            exit_code: Some(code),
            frames: Vec::new(),
            suppress_context,
            hint: None,
        })
    });
}

/// Record that the exception propagated out of `func` at `file:line`. Ignored when no
/// exception is pending.
pub fn traceback_push(file: &str, func: &str, line: i64) {
    with_state(|st| {
        if st.pending.is_none() {
            return;
        }
        let file = st.intern(file);
        let func = st.intern(func);
        if let Some(p) = st.pending.as_mut() {
            if let Some(last) = p.frames.last_mut() {
                if last.file == file && last.func == func && last.line == line {
                    last.count += 1;
                    return;
                }
            }
            p.frames.push(Frame { file, func, line, count: 1 });
        }
    });
}

/// Clear the pending exception (after `except` caught it).
pub fn clear() {
    set_pending_object(std::ptr::null_mut());
    set_pending_chain(std::ptr::null_mut(), std::ptr::null_mut());
    with_state(|st| st.pending = None);
}

/// A caught exception (`except ... as e`), in collected memory so that nothing leaks when
/// the program drops it: what [`catch`] took from the pending state, for [`rethrow`].
#[repr(C)]
pub struct KExc {
    kind: *const crate::strings::KStr,
    /// Null when raised without a message.
    msg: *const crate::strings::KStr,
    /// The instance of a user exception class, or null.
    pub object: *mut u8,
    /// `args`: a kiln `list[str]` with one tagged entry per argument: `"s"` followed by the
    /// argument itself when it is a `str`, else `"r"` followed by its `repr()`. Null when the
    /// arguments follow from the message ([`caught_args`]).
    args: *mut crate::lists::KList,
    exit_code: i64,
    has_exit_code: i64,
    /// Innermost first; the file and function ids are this thread's interned names.
    frames: *mut Frame,
    nframes: i64,
    /// `__context__`: the exception being handled when this one was raised (or null).
    context: *mut KExc,
    /// `__cause__`: what `raise ... from` named (or null).
    cause: *mut KExc,
    /// `__suppress_context__` (set by `raise ... from`).
    suppress_context: i64,
    /// The report's "Did you mean" name ([`Pending::hint`]), or null.
    hint: *const crate::strings::KStr,
}

/// Takes the pending exception into a new caught exception (null when nothing is pending).
pub fn catch() -> *mut KExc {
    let object = pending_object();
    let args = pending_args();
    let (context, cause) = pending_chain();
    let Some(p) = with_state(|st| st.pending.take()).flatten() else {
        return std::ptr::null_mut();
    };
    set_pending_object(std::ptr::null_mut());
    set_pending_chain(std::ptr::null_mut(), std::ptr::null_mut());
    let frames = crate::gc::alloc_atomic(std::mem::size_of::<Frame>() * p.frames.len()) as *mut Frame;
    for (i, f) in p.frames.iter().enumerate() {
        // SAFETY: `frames` holds `p.frames.len()` entries.
        unsafe { frames.add(i).write(*f) }
    }
    let exc = crate::gc::alloc(std::mem::size_of::<KExc>()) as *mut KExc;
    let record = KExc {
        kind: crate::strings::new_str(&p.kind),
        msg: p.msg.as_deref().map_or(std::ptr::null(), crate::strings::new_str),
        object,
        args,
        exit_code: p.exit_code.unwrap_or(0),
        has_exit_code: p.exit_code.is_some() as i64,
        frames,
        nframes: p.frames.len() as i64,
        context,
        cause,
        suppress_context: p.suppress_context as i64,
        hint: p.hint.as_deref().map_or(std::ptr::null(), crate::strings::new_str),
    };
    // SAFETY: `exc` is a fresh allocation of the right size.
    unsafe { exc.write(record) };
    exc
}

/// Makes a caught exception pending again, with its traceback and chain (`raise` in an
/// `except`: the same exception goes on propagating).
///
/// # Safety
/// `exc` came from [`catch`] on this thread.
pub unsafe fn rethrow(exc: *const KExc) {
    // SAFETY: caller contract.
    unsafe { make_pending(exc, false) }
}

/// `raise e` of an exception value: like [`rethrow`], but as a new raise its `__context__`
/// becomes the exception being handled (unless that is `e`) and a waiting `from` applies.
///
/// # Safety
/// `exc` came from [`catch`] or [`new_exception`] on this thread.
pub unsafe fn raise_value(exc: *const KExc) {
    // SAFETY: caller contract.
    unsafe { make_pending(exc, true) }
}

/// # Safety
/// `exc` came from [`catch`] or [`new_exception`] on this thread.
unsafe fn make_pending(exc: *const KExc, relink: bool) {
    // SAFETY: caller contract.
    let e = unsafe { &*exc };
    let text = |s: *const crate::strings::KStr| unsafe { crate::strings::text(s) }.into_owned();
    // SAFETY: `frames` holds `nframes` entries.
    let frames = unsafe { frame_slice(e) }.to_vec();
    let suppress_context = if relink {
        link_raised(exc as *mut KExc, e.context, e.cause, e.suppress_context != 0)
    } else {
        set_pending_chain(e.context, e.cause);
        e.suppress_context != 0
    };
    let pending = Pending {
        kind: text(e.kind),
        msg: (!e.msg.is_null()).then(|| text(e.msg)),
        exit_code: (e.has_exit_code != 0).then_some(e.exit_code),
        frames,
        suppress_context,
        hint: (!e.hint.is_null()).then(|| text(e.hint)),
    };
    with_state(|st| st.pending = Some(pending));
    set_pending_object(e.object);
    set_pending_args(e.args);
}

/// A new exception that has not been raised (`err = ValueError("x")`): class `kind`, `str()`
/// `msg` (None when made without arguments), `args` as in [`KExc::args`] (may be null).
pub fn new_exception(kind: &str, msg: Option<&str>, args: *mut crate::lists::KList) -> *mut KExc {
    let exc = crate::gc::alloc(std::mem::size_of::<KExc>()) as *mut KExc;
    let record = KExc {
        kind: crate::strings::new_str(kind),
        msg: msg.map_or(std::ptr::null(), crate::strings::new_str),
        object: std::ptr::null_mut(),
        args,
        exit_code: 0,
        has_exit_code: 0,
        frames: std::ptr::null_mut(),
        nframes: 0,
        context: std::ptr::null_mut(),
        cause: std::ptr::null_mut(),
        suppress_context: 0,
        hint: std::ptr::null(),
    };
    // SAFETY: `exc` is a fresh allocation of the right size.
    unsafe { exc.write(record) };
    exc
}

/// `e.args` of a caught exception, as in [`KExc::args`]. An exception raised by kiln itself
/// has the message as its one argument (none without a message); a `KeyError`'s message is
/// the `repr()` of its key.
///
/// # Safety
/// `exc` came from [`catch`] or [`new_exception`].
pub unsafe fn caught_args(exc: *const KExc) -> *mut crate::lists::KList {
    // SAFETY: caller contract.
    let e = unsafe { &*exc };
    if !e.args.is_null() {
        return e.args;
    }
    // SAFETY: `kind` is a valid string.
    let key_error = unsafe { crate::strings::text(e.kind) } == "KeyError";
    let n = (!e.msg.is_null()) as i64;
    let list = crate::lists::new(std::mem::size_of::<usize>() as i64, n, true);
    if n == 1 {
        // SAFETY: `msg` is a valid string.
        let msg = unsafe { crate::strings::text(e.msg) };
        let tagged = format!("{}{msg}", if key_error { 'r' } else { 's' });
        // SAFETY: the list holds one pointer-sized slot.
        unsafe { ((*list).data as *mut *const crate::strings::KStr).write(crate::strings::new_str(&tagged)) };
    }
    list
}

/// `__context__` of a caught exception (null for None, and for a null `exc`).
///
/// # Safety
/// `exc` is null or came from [`catch`] or [`new_exception`].
pub unsafe fn caught_context(exc: *const KExc) -> *mut KExc {
    // SAFETY: caller contract.
    if exc.is_null() {
        std::ptr::null_mut()
    } else {
        unsafe { (*exc).context }
    }
}

/// `__cause__` of a caught exception (null for None, and for a null `exc`).
///
/// # Safety
/// As [`caught_context`].
pub unsafe fn caught_cause(exc: *const KExc) -> *mut KExc {
    // SAFETY: caller contract.
    if exc.is_null() {
        std::ptr::null_mut()
    } else {
        unsafe { (*exc).cause }
    }
}

/// `__suppress_context__` of a caught exception.
///
/// # Safety
/// As [`caught_context`].
pub unsafe fn caught_suppress_context(exc: *const KExc) -> bool {
    // SAFETY: caller contract.
    !exc.is_null() && unsafe { (*exc).suppress_context } != 0
}

/// The traceback entries of a caught exception.
///
/// # Safety
/// `exc` came from [`catch`] or [`new_exception`].
unsafe fn frame_slice(e: &KExc) -> &[Frame] {
    if e.nframes == 0 {
        return &[];
    }
    // SAFETY: `frames` holds `nframes` entries.
    unsafe { std::slice::from_raw_parts(e.frames, e.nframes as usize) }
}

/// Whether a caught exception is an instance of class `target`.
///
/// # Safety
/// `exc` came from [`catch`].
pub unsafe fn caught_matches(exc: *const KExc, target: &str) -> bool {
    // SAFETY: caller contract.
    let kind = unsafe { crate::strings::text((*exc).kind) };
    is_subclass(&kind, target)
}

/// The class name of a caught exception.
///
/// # Safety
/// `exc` came from [`catch`].
pub unsafe fn caught_name(exc: *const KExc) -> *const crate::strings::KStr {
    // SAFETY: caller contract.
    unsafe { (*exc).kind }
}

/// `str()` of a caught exception.
///
/// # Safety
/// `exc` came from [`catch`].
pub unsafe fn caught_message(exc: *const KExc) -> *const crate::strings::KStr {
    // SAFETY: caller contract.
    let msg = unsafe { (*exc).msg };
    if msg.is_null() {
        crate::strings::new_str("")
    } else {
        msg
    }
}

/// Is an exception pending on this thread?
pub fn is_pending() -> bool {
    with_state(|st| st.pending.is_some()).unwrap_or(false)
}

/// A copy of the pending exception.
pub fn pending() -> Option<Pending> {
    with_state(|st| st.pending.clone()).flatten()
}

/// Class name of the pending exception.
pub fn type_name() -> Option<String> {
    with_state(|st| st.pending.as_ref().map(|p| p.kind.clone())).flatten()
}

/// `str()` of the pending exception ("" when raised without a message).
pub fn message() -> Option<String> {
    with_state(|st| st.pending.as_ref().map(|p| p.msg.clone().unwrap_or_default())).flatten()
}

/// Remove and return the pending exception together with its rendered report.
pub fn take_report() -> Option<(Pending, String)> {
    let (context, cause) = pending_chain();
    set_pending_chain(std::ptr::null_mut(), std::ptr::null_mut());
    with_state(|st| {
        let p = st.pending.take()?;
        let mut text = String::new();
        // SAFETY: chain links are live caught exceptions of this thread.
        unsafe { render_chain(&mut text, context, cause, p.suppress_context, &st.names, 0) };
        text.push_str(&render_report(&p.frames, &p.kind, p.msg.as_deref(), p.hint.as_deref(), &st.names));
        Some((p, text))
    })
    .flatten()
}

/// A pending exception moved out of one thread's state, so that another thread can
/// re-raise it with [`restore`] (a parallel loop re-raises a worker's exception on the
/// thread that started the loop). The traceback's file and function names are stored as
/// text: the interned name ids are per thread. Rust-owned, `Send`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// A root holding the exception's instance while the state travels (null when none).
    object: usize,
    /// A root holding its `args` (null when none).
    args: usize,
    kind: String,
    msg: Option<String>,
    exit_code: Option<i64>,
    /// Innermost first, run-length encoded as in [`Pending`].
    frames: Vec<SavedFrame>,
    hint: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SavedFrame {
    file: String,
    func: String,
    line: i64,
    count: u64,
}

impl Saved {
    /// An exception with an empty traceback, as [`raise`] would set it.
    pub fn new(kind: &str, msg: Option<&str>) -> Saved {
        Saved {
            object: 0,
            args: 0,
            kind: kind.to_string(),
            msg: msg.map(str::to_string),
            exit_code: None,
            frames: Vec::new(),
            hint: None,
        }
    }

    /// The class name.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The message (None when raised without one).
    pub fn message(&self) -> Option<&str> {
        self.msg.as_deref()
    }
}

/// Remove the pending exception from this thread, traceback included (None when nothing
/// is pending). This thread no longer has an exception pending afterwards.
pub fn take_pending() -> Option<Saved> {
    let object = pending_object();
    let args = pending_args();
    set_pending_object(std::ptr::null_mut());
    let keep = |p: *mut u8| {
        if p.is_null() {
            return 0;
        }
        let root = crate::gc::new_root();
        // SAFETY: a fresh root.
        unsafe { *root = p };
        root as usize
    };
    let (root, args) = (keep(object), keep(args as *mut u8));
    with_state(|st| {
        let p = st.pending.take()?;
        let name = |i: u32| st.names.get(i as usize).cloned().unwrap_or_else(|| "?".to_string());
        let frames = p
            .frames
            .iter()
            .map(|f| SavedFrame { file: name(f.file), func: name(f.func), line: f.line, count: f.count })
            .collect();
        Some(Saved { object: root, args, kind: p.kind, msg: p.msg, exit_code: p.exit_code, frames, hint: p.hint })
    })
    .flatten()
}

/// Make `saved` the pending exception of this thread (replacing any), with its traceback:
/// later [`traceback_push`] calls append outer frames to it as if it had been raised here.
pub fn restore(saved: Saved) {
    // The roots were made by `take_pending`. They are not freed: clones of `saved` share
    // them (a word or two per exception that leaves a parallel loop).
    let held = |root: usize| if root == 0 { std::ptr::null_mut() } else { unsafe { *(root as *mut *mut u8) } };
    set_pending_object(held(saved.object));
    set_pending_args(held(saved.args) as *mut crate::lists::KList);
    with_state(|st| {
        let frames = saved
            .frames
            .iter()
            .map(|f| Frame { file: st.intern(&f.file), func: st.intern(&f.func), line: f.line, count: f.count })
            .collect();
        st.pending = Some(Pending {
            kind: saved.kind,
            msg: saved.msg,
            exit_code: saved.exit_code,
            frames,
            suppress_context: false,
            hint: saved.hint,
        });
    });
}

/// CPython's default `sys.tracebacklimit`: only the innermost 1000 entries are printed.
const TRACEBACK_LIMIT: u64 = 1000;
/// CPython prints this many identical consecutive entries, then "[Previous line repeated N
/// more times]".
const RECURSIVE_CUTOFF: u64 = 3;

/// CPython stops printing an exception's chain after this many links.
const CHAIN_LIMIT: usize = 100;

/// The reports of the exceptions an exception was chained to, oldest first, each followed by
/// the sentence CPython prints between two reports.
///
/// # Safety
/// `context` and `cause` are null or live caught exceptions of this thread.
unsafe fn render_chain(
    out: &mut String,
    context: *mut KExc,
    cause: *mut KExc,
    suppress_context: bool,
    names: &[String],
    depth: usize,
) {
    let (link, sentence) = if !cause.is_null() {
        (cause, "The above exception was the direct cause of the following exception:")
    } else if !context.is_null() && !suppress_context {
        (context, "During handling of the above exception, another exception occurred:")
    } else {
        return;
    };
    if depth >= CHAIN_LIMIT {
        return;
    }
    // SAFETY: caller contract.
    let e = unsafe { &*link };
    unsafe { render_chain(out, e.context, e.cause, e.suppress_context != 0, names, depth + 1) };
    let text = |s: *const crate::strings::KStr| unsafe { crate::strings::text(s) }.into_owned();
    let msg = (!e.msg.is_null()).then(|| text(e.msg));
    let hint = (!e.hint.is_null()).then(|| text(e.hint));
    out.push_str(&render_report(unsafe { frame_slice(e) }, &text(e.kind), msg.as_deref(), hint.as_deref(), names));
    out.push('\n');
    out.push_str(sentence);
    out.push_str("\n\n");
}

fn render_report(frames: &[Frame], kind: &str, msg: Option<&str>, hint: Option<&str>, names: &[String]) -> String {
    let mut out = String::new();
    if !frames.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let total: u64 = frames.iter().map(|f| f.count).sum();
        let mut skip = total.saturating_sub(TRACEBACK_LIMIT);
        let name = |i: u32| names.get(i as usize).map(String::as_str).unwrap_or("?");
        // Frames were pushed innermost first; print outermost first.
        for f in frames.iter().rev() {
            let mut count = f.count;
            if skip >= count {
                skip -= count;
                continue;
            }
            count -= skip;
            skip = 0;
            let line = format!("  File \"{}\", line {}, in {}\n", name(f.file), f.line, name(f.func));
            for _ in 0..count.min(RECURSIVE_CUTOFF) {
                out.push_str(&line);
            }
            if count > RECURSIVE_CUTOFF {
                let more = count - RECURSIVE_CUTOFF;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    more,
                    if more > 1 { "s" } else { "" }
                ));
            }
        }
    }
    out.push_str(&last_line(&shown_name(kind), msg));
    if let Some(h) = hint {
        out.push_str(&format!(". Did you mean: '{h}'?"));
    }
    out.push('\n');
    out
}

/// Builtin exception classes and their parents (CPython 3.11's hierarchy, abridged to
/// the classes a kiln program can meet).
const BUILTIN_PARENTS: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("TypeError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("StopIteration", "Exception"),
    ("MemoryError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("SyntaxError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("SystemError", "Exception"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("BrokenPipeError", "OSError"),
];

fn user_classes() -> &'static Mutex<HashMap<String, String>> {
    static USER: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    USER.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Declare a user-defined exception class and its base (`class E(ValueError)`), so that
/// [`matches()`] knows `except ValueError` catches `E`.
pub fn register_class(name: &str, parent: &str) {
    let mut m = user_classes().lock().unwrap_or_else(|e| e.into_inner());
    m.insert(name.to_string(), parent.to_string());
}

fn shown_names() -> &'static Mutex<HashMap<String, String>> {
    static SHOWN: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    SHOWN.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The name an uncaught exception's report gives class `name`, when it is not `name` itself
/// (`mod.Error` for a class of module `mod`, as CPython prints).
pub fn register_shown_name(name: &str, shown: &str) {
    shown_names().lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string(), shown.to_string());
}

fn shown_name(name: &str) -> String {
    let m = shown_names().lock().unwrap_or_else(|e| e.into_inner());
    m.get(name).cloned().unwrap_or_else(|| name.to_string())
}

fn parent_of(name: &str) -> Option<String> {
    if let Some((_, p)) = BUILTIN_PARENTS.iter().find(|(n, _)| *n == name) {
        return Some((*p).to_string());
    }
    let m = user_classes().lock().unwrap_or_else(|e| e.into_inner());
    m.get(name).cloned()
}

/// Is class `kind` the class `target` or one of its subclasses?
pub fn is_subclass(kind: &str, target: &str) -> bool {
    let mut cur = kind.to_string();
    // The depth bound protects against a cyclic user registration.
    for _ in 0..64 {
        if cur == target {
            return true;
        }
        match parent_of(&cur) {
            Some(p) => cur = p,
            None => return false,
        }
    }
    false
}

/// Does the pending exception match `except target`?
pub fn matches(target: &str) -> bool {
    match type_name() {
        Some(k) => is_subclass(&k, target),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_layout() {
        raise("ZeroDivisionError", Some("integer division or modulo by zero"));
        traceback_push("prog.py", "f", 4);
        traceback_push("prog.py", "<module>", 9);
        let (_, text) = take_report().unwrap();
        assert_eq!(
            text,
            "Traceback (most recent call last):\n  File \"prog.py\", line 9, in <module>\n  File \"prog.py\", line 4, in f\nZeroDivisionError: integer division or modulo by zero\n"
        );
        assert!(!is_pending());
    }

    #[test]
    fn report_repeats_and_bare_names() {
        raise("ZeroDivisionError", Some("division by zero"));
        for _ in 0..51 {
            traceback_push("<string>", "f", 1);
        }
        traceback_push("<string>", "<module>", 2);
        let (_, text) = take_report().unwrap();
        assert_eq!(
            text,
            "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n  File \"<string>\", line 1, in f\n  File \"<string>\", line 1, in f\n  File \"<string>\", line 1, in f\n  [Previous line repeated 48 more times]\nZeroDivisionError: division by zero\n"
        );
        raise("ValueError", Some(""));
        assert_eq!(take_report().unwrap().1, "ValueError\n");
        raise("AssertionError", None);
        assert_eq!(take_report().unwrap().1, "AssertionError\n");
        raise("ValueError", Some(" "));
        assert_eq!(take_report().unwrap().1, "ValueError:  \n");
    }

    #[test]
    fn report_limit() {
        raise("RecursionError", Some("maximum recursion depth exceeded"));
        for _ in 0..5000 {
            traceback_push("a.py", "f", 3);
        }
        traceback_push("a.py", "<module>", 7);
        let (_, text) = take_report().unwrap();
        // The outermost frames beyond the 1000 innermost are dropped, as in CPython.
        assert!(!text.contains("<module>"));
        assert!(text.contains("[Previous line repeated 997 more times]"));
    }

    #[test]
    fn take_and_restore_across_threads() {
        raise("ValueError", Some("bad"));
        traceback_push("w.py", "body", 5);
        traceback_push("w.py", "body", 5);
        let saved = std::thread::spawn(|| {
            // Names interned in a different order on the other thread.
            raise("KeyError", None);
            traceback_push("other.py", "g", 1);
            clear();
            raise_system_exit(3);
            traceback_push("x.py", "h", 2);
            take_pending().unwrap()
        })
        .join()
        .unwrap();
        assert!(take_pending().is_some());
        assert!(!is_pending());
        assert_eq!(take_pending(), None);
        assert_eq!((saved.kind(), saved.message()), ("SystemExit", Some("3")));
        restore(saved);
        traceback_push("x.py", "<module>", 9);
        let (p, text) = take_report().unwrap();
        assert_eq!(p.exit_code, Some(3));
        assert_eq!(
            text,
            "Traceback (most recent call last):\n  File \"x.py\", line 9, in <module>\n  File \"x.py\", line 2, in h\nSystemExit: 3\n"
        );
        raise("ValueError", Some("bad"));
        for _ in 0..5 {
            traceback_push("w.py", "body", 5);
        }
        let s = take_pending().unwrap();
        restore(s.clone());
        assert_eq!(take_pending(), Some(s));
    }

    #[test]
    fn hierarchy() {
        raise("ZeroDivisionError", Some("x"));
        assert!(matches("ArithmeticError"));
        assert!(matches("Exception"));
        assert!(matches("BaseException"));
        assert!(!matches("ValueError"));
        register_class("MyErr", "ValueError");
        raise("MyErr", None);
        assert!(matches("ValueError"));
        assert!(matches("MyErr"));
        assert!(!matches("LookupError"));
        assert_eq!(message().unwrap(), "");
        clear();
        assert!(!matches("MyErr"));
    }
}

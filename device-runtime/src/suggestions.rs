//! CPython 3.11's "Did you mean" for a `NameError` raised by a name lookup.
//!
//! CPython adds `. Did you mean: 'xs'?` to the last line of the report when a close name
//! exists. It looks in three lists, one after the other, and takes the first list that
//! offers a match: the local variable names of the frame that raised (`co_varnames`:
//! parameters and plain locals, bound or not; no cell variables), then the names of the
//! module's globals dict, then the builtins' names. Within a list, the closest name wins and
//! the first one seen wins a tie, so the order of each list matters.
//!
//! Closeness is an edit distance over the UTF-8 bytes in which inserting, deleting or
//! replacing a byte costs [`MOVE_COST`], except that replacing an ASCII letter by the same
//! letter in the other case costs [`CASE_COST`]. A candidate is taken only if its distance is
//! at most a third of the bytes involved (`(len(name) + len(candidate) + 3) * 2 / 6`), and
//! never the name itself. A list of [`MAX_CANDIDATES`] names or more is not searched at all,
//! and after the common prefix and suffix are set aside, parts longer than
//! [`MAX_STRING_SIZE`] bytes never match: CPython bounds its work that way, so these limits
//! are part of what it prints.

/// The cost of inserting, deleting or replacing one byte.
pub const MOVE_COST: usize = 2;
/// The cost of replacing an ASCII letter by itself in the other case.
pub const CASE_COST: usize = 1;
/// Longer differing middles never match.
pub const MAX_STRING_SIZE: usize = 40;
/// Lists this long or longer are skipped.
pub const MAX_CANDIDATES: usize = 750;

/// The names of an imported module's globals dict before its code binds anything.
pub const MODULE_DUNDERS: &[&str] =
    &["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__cached__", "__builtins__"];

/// The names of the `__main__` module's globals dict before the program binds anything, in
/// dict order (as `python3 -m kiln PROGRAM.py` sets them up).
pub const MAIN_DUNDERS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__file__",
    "__cached__",
    "__annotations__",
    "__builtins__",
];

/// The keys of CPython 3.11's builtins dict, in dict order (`list(builtins.__dict__)`), with
/// the names `site` adds (`quit` ... `help`) and kiln's builtin `float32` last, where the
/// `kiln` runner puts it.
pub const BUILTINS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
    "float32",
];

fn replace_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance between `a` and `b` when it is at most `limit`; otherwise some
/// value above `limit` (the search gives up as soon as the answer must exceed it).
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        // Only insertions remain; CPython reports this without comparing it to the limit.
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return limit + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    // Every byte of the longer string beyond the shorter one's length is an insertion.
    if (b.len() - a.len()) * MOVE_COST > limit {
        return limit + 1;
    }
    // `row[i]`: the cost of turning the part of `b` seen so far into `a[..=i]`.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut last = 0;
    for (j, &bc) in b.iter().enumerate() {
        // `diagonal`: cost(b[..j], a[..i]); `left`: cost(b[..=j], a[..i]).
        let mut diagonal = j * MOVE_COST;
        let mut left = (j + 1) * MOVE_COST;
        let mut smallest = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let up = row[i];
            let cost = (diagonal + replace_cost(bc, ac)).min(left.min(up) + MOVE_COST);
            diagonal = up;
            row[i] = cost;
            left = cost;
            smallest = smallest.min(cost);
        }
        // Every way to the end goes through this row: nothing below `smallest` is possible.
        if smallest > limit {
            return limit + 1;
        }
        last = left;
    }
    last
}

/// The closest name to `name` among `candidates` that CPython would offer, if any.
pub fn best_match<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &candidate in candidates {
        if candidate == name {
            continue;
        }
        let mut limit = (name.len() + candidate.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            // Only a strictly closer name replaces the one found first.
            limit = limit.min(d.saturating_sub(1));
        }
        let d = distance(name, candidate, limit);
        if d <= limit {
            best = Some((candidate, d));
        }
    }
    best.map(|(c, _)| c)
}

/// The suggestion for `NameError: name 'NAME' is not defined` raised in a frame with local
/// variable names `locals`, when the names its module has bound at that moment are `globals`
/// (in the order they were bound; the module's dunder names, which come first, are added
/// here: the main module's when `main`, else an imported module's).
pub fn name_error(name: &str, locals: &[&str], globals: &[&str], main: bool) -> Option<String> {
    if let Some(s) = best_match(name, locals) {
        return Some(s.to_string());
    }
    let dunders = if main { MAIN_DUNDERS } else { MODULE_DUNDERS };
    let module: Vec<&str> = dunders.iter().copied().chain(globals.iter().copied()).collect();
    best_match(name, &module).or_else(|| best_match(name, BUILTINS)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every expectation below is what `python3` (CPython 3.11.7) printed for a small program
    // raising the NameError, with the candidates as locals (function parameters or
    // comprehension variables) or module globals assigned in the order given.

    #[test]
    fn distances_implied_by_cpython_choices() {
        // `xb = 1; ab = 1; Ab` suggests 'ab' (the later one), so a case flip is cheaper than
        // another letter; `ab_ = 1; Ab` suggests nothing (limit 2).
        assert!(distance("Ab", "ab", 10) < distance("Ab", "xb", 10));
        assert!(distance("Ab", "xb", 10) <= 2);
        assert!(distance("Ab", "ab_", 10) > 2);
        // `ba = 1; ab`: not 'ba' (limit 2) but the builtin 'abs'.
        assert!(distance("ab", "ba", 10) > 2);
        // `sitting = 1; kitten`: nothing (limit 5); `kitte = 1; kitten`: 'kitte'.
        assert!(distance("kitten", "sitting", 10) > 5);
        assert!(distance("kitten", "kitte", 10) <= 5);
        assert!(distance("zs", "xs", 10) <= 2);
    }

    #[test]
    fn suggestions_as_cpython_prints_them() {
        assert_eq!(name_error("valu", &["value"], &[], true).as_deref(), Some("value"));
        assert_eq!(name_error("zs", &[], &["xs"], true).as_deref(), Some("xs"));
        assert_eq!(name_error("zs", &[], &[], true), None);
        assert_eq!(name_error("lenn", &[], &[], true).as_deref(), Some("len"));
        assert_eq!(name_error("prnt", &[], &[], true).as_deref(), Some("print"));
        assert_eq!(name_error("Print", &[], &[], true).as_deref(), Some("print"));
        // The first of two equally close names, in dict order.
        assert_eq!(name_error("ab", &[], &["ac", "ad"], true).as_deref(), Some("ac"));
        assert_eq!(name_error("ab", &[], &["ad", "ac"], true).as_deref(), Some("ad"));
        assert_eq!(name_error("Ab", &[], &["xb", "ab"], true).as_deref(), Some("ab"));
        assert_eq!(name_error("Ab", &[], &["xb", "ab_"], true).as_deref(), Some("xb"));
        assert_eq!(name_error("Ab", &[], &["ab_"], true), None);
        // No global close enough: a builtin.
        assert_eq!(name_error("ab", &[], &[], true).as_deref(), Some("abs"));
        assert_eq!(name_error("ab", &[], &["ba"], true).as_deref(), Some("abs"));
        // A local match wins over a global one (`[xz for x in range(1)]` with `xz_` global).
        assert_eq!(name_error("xz", &[".0", "x"], &["xz_"], true).as_deref(), Some("x"));
        assert_eq!(name_error("Xq", &[".0", "q"], &[], true).as_deref(), Some("q"));
        assert_eq!(name_error("total", &["count"], &["result"], true), None);
        assert_eq!(name_error("kitten", &[], &["sitting"], true), None);
        assert_eq!(name_error("kitten", &[], &["kitte"], true).as_deref(), Some("kitte"));
    }

    #[test]
    fn module_dunders() {
        // `__annotation__` in the main program, then in an imported module (whose dict has no
        // `__annotations__`).
        assert_eq!(name_error("__annotation__", &[], &[], true).as_deref(), Some("__annotations__"));
        assert_eq!(name_error("__annotation__", &[], &[], false), None);
    }

    #[test]
    fn long_names() {
        // Only the middle that differs is bounded (40 bytes).
        let long = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu";
        assert_eq!(name_error(long, &[], &[], true), None);
        let near = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstX";
        assert_eq!(name_error(long, &[], &[near], true).as_deref(), Some(near));
        let forty = "abcdefghij0123456789abcdefghij0123456789";
        assert_eq!(name_error("Xbcdefghij0123456789abcdefghij012345678Y", &[], &[forty], true).as_deref(), Some(forty));
        let forty_one = "abcdefghij0123456789abcdefghij0123456789a";
        assert_eq!(name_error("Xbcdefghij0123456789abcdefghij0123456789aY", &[], &[forty_one], true), None);
    }

    #[test]
    fn long_lists_are_not_searched() {
        let names: Vec<String> = (0..MAX_CANDIDATES).map(|i| format!("n{i}")).collect();
        let mut refs: Vec<&str> = names.iter().map(String::as_str).collect();
        refs[0] = "xs";
        assert_eq!(best_match("zs", &refs), None);
        assert_eq!(best_match("zs", &refs[..MAX_CANDIDATES - 1]), Some("xs"));
    }
}

//! End-to-end tests of the CPU backend: hand-built IR modules, JIT-compiled and run through the
//! runtime's `kiln_rt_main` in a child process (see `common::run`), at O0 and O2.

mod common;

use common::{check, ModuleBuilder};
use kiln_ir::*;

const OVERFLOW: &str = "OverflowError: integer overflow: result does not fit in 64 bits";
const INT_ZERO_DIV: &str = "ZeroDivisionError: integer division or modulo by zero";
const INT_ZERO_MOD: &str = "ZeroDivisionError: integer modulo by zero";

/// Must match VALUES in data/gen_divmod.py.
const DIVMOD_VALUES: [i64; 15] =
    [i64::MIN, i64::MIN + 1, -1000000007, -7, -3, -2, -1, 0, 1, 2, 3, 7, 1000000007, i64::MAX - 1, i64::MAX];

/// Python's `//` and `%` for every pair of edge values, read from a list at run time so that
/// nothing is constant-folded, against the table CPython computed (data/divmod.txt).
#[test]
fn int_floordiv_mod_table() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let list_int = m.list_t(int);
    let (main, mut b) = m.main(1);
    let xs_l = b.local("xs", list_int);
    let i = b.local("i", int);
    let j = b.local("j", int);
    let n0 = b.int(0);
    let xs = b.e(Expression::ListNew { elem: int, len: n0 });
    b.store(xs_l, xs);
    for v in DIVMOD_VALUES {
        let v = b.int(v);
        b.append(xs, v);
    }
    let n = b.len(xs);
    b.for_range(i, 0, n, |b| {
        b.for_range(j, 0, n, |b| {
            let xs = b.load(xs_l);
            let iv = b.load(i);
            let jv = b.load(j);
            let a = b.index(xs, iv);
            let d = b.index(xs, jv);
            let zero = b.int(0);
            let min = b.int(i64::MIN);
            let m1 = b.int(-1);
            let dz = b.cmp(CompareOp::Eq, d, zero);
            let amin = b.cmp(CompareOp::Eq, a, min);
            let dm1 = b.cmp(CompareOp::Eq, d, m1);
            let both = b.bin(BinaryOp::BitAnd, amin, dm1);
            let skip = b.bin(BinaryOp::BitOr, dz, both);
            b.if_(
                skip,
                |_| {},
                |b| {
                    let q = b.bin(BinaryOp::FloorDiv, a, d);
                    let r = b.bin(BinaryOp::Mod, a, d);
                    for (k, v) in [a, d, q, r].into_iter().enumerate() {
                        b.print_int(v);
                        b.print_text(if k == 3 { "\n" } else { " " });
                    }
                },
            );
        });
    });
    m.define(main, b);
    let expected = include_str!("data/divmod.txt");
    check("int_floordiv_mod_table", "table", &m.module, expected, 0, None);
}

/// `x % -1` is 0 for every x (LLVM's `srem MIN, -1` is undefined: must not be used).
#[test]
fn int_mod_minus_one() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let (main, mut b) = m.main(1);
    let x = b.local("x", int);
    let y = b.local("y", int);
    let min = b.int(i64::MIN);
    b.store(x, min);
    let m1 = b.int(-1);
    b.store(y, m1);
    let xv = b.load(x);
    let yv = b.load(y);
    let r = b.bin(BinaryOp::Mod, xv, yv);
    b.println_int(r);
    let seven = b.int(7);
    let r = b.bin(BinaryOp::Mod, seven, yv);
    b.println_int(r);
    m.define(main, b);
    check("int_mod_minus_one", "mod", &m.module, "0\n0\n", 0, None);
}

/// Builds `<module>`: print("before"); x = a; y = b; print(x OP y) — through locals so O0
/// computes at run time.
fn binary_program(op: BinaryOp, a: Literal, b_: Literal, ty: Scalar) -> Module {
    let mut m = ModuleBuilder::new();
    let t = m.ty(Type::Scalar(ty));
    let (main, mut b) = m.main(1);
    b.print_text("before\n");
    let x = b.local("x", t);
    let y = b.local("y", t);
    let av = b.e(Expression::Literal(a));
    b.store(x, av);
    let bv = b.e(Expression::Literal(b_));
    b.store(y, bv);
    b.at(7);
    let xv = b.load(x);
    let yv = b.load(y);
    let r = b.bin(op, xv, yv);
    if ty == Scalar::F64 {
        b.print_float(r);
    } else {
        b.print_int(r);
    }
    b.newline();
    m.define(main, b);
    m.module
}

#[test]
fn int_overflow_raises() {
    use BinaryOp::*;
    use Literal::I64;
    let cases = [
        ("add", Add, I64(i64::MAX), I64(1)),
        ("sub", Sub, I64(i64::MIN), I64(1)),
        ("mul", Mul, I64(i64::MAX / 2 + 1), I64(2)),
        ("floordiv", FloorDiv, I64(i64::MIN), I64(-1)),
        ("shl63", Shl, I64(1), I64(63)),
        ("shl_big", Shl, I64(3), I64(62)),
        ("shl64", Shl, I64(1), I64(64)),
        ("pow", Pow, I64(2), I64(63)),
    ];
    for (key, op, a, b) in cases {
        let module = binary_program(op, a, b, Scalar::I64);
        check("int_overflow_raises", key, &module, "before\n", 1, Some(OVERFLOW));
    }
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let (main, mut b) = m.main(1);
    let x = b.local("x", int);
    let min = b.int(i64::MIN);
    b.store(x, min);
    let xv = b.load(x);
    let r = b.unary(UnaryOp::Neg, xv);
    b.println_int(r);
    m.define(main, b);
    check("int_overflow_raises", "neg", &m.module, "", 1, Some(OVERFLOW));
}

#[test]
fn int_arithmetic_in_range() {
    use BinaryOp::*;
    use Literal::I64;
    let cases = [
        ("add", Add, I64(i64::MAX - 1), I64(1), i64::MAX),
        ("sub", Sub, I64(i64::MIN + 1), I64(1), i64::MIN),
        ("mul", Mul, I64(-(1 << 62)), I64(2), i64::MIN),
        ("shl_neg", Shl, I64(-1), I64(63), i64::MIN),
        ("shl_zero_big", Shl, I64(0), I64(1000), 0),
        ("shr_big_neg", Shr, I64(-5), I64(1000), -1),
        ("shr_big_pos", Shr, I64(5), I64(64), 0),
        ("shr", Shr, I64(-7), I64(1), -4),
        ("pow", Pow, I64(3), I64(39), 4052555153018976267),
        ("pow_neg", Pow, I64(-2), I64(63), i64::MIN),
        ("xor", BitXor, I64(0b1100), I64(0b1010), 0b0110),
        ("wrapping", WrappingAdd, I64(i64::MAX), I64(1), i64::MIN),
    ];
    for (key, op, a, b, expected) in cases {
        let module = binary_program(op, a, b, Scalar::I64);
        check("int_arithmetic_in_range", key, &module, &format!("before\n{expected}\n"), 0, None);
    }
}

#[test]
fn negative_shift_count() {
    for (key, op) in [("shl", BinaryOp::Shl), ("shr", BinaryOp::Shr)] {
        let module = binary_program(op, Literal::I64(1), Literal::I64(-1), Scalar::I64);
        check("negative_shift_count", key, &module, "before\n", 1, Some("ValueError: negative shift count"));
    }
}

#[test]
fn zero_division_messages() {
    use BinaryOp::*;
    use Literal::{F64, I64};
    let cases = [
        ("int_floordiv", FloorDiv, I64(7), I64(0), Scalar::I64, INT_ZERO_DIV),
        ("int_mod", Mod, I64(7), I64(0), Scalar::I64, INT_ZERO_MOD),
        ("float_div", Div, F64(1.0), F64(0.0), Scalar::F64, "ZeroDivisionError: float division by zero"),
        ("float_div_negzero", Div, F64(1.0), F64(-0.0), Scalar::F64, "ZeroDivisionError: float division by zero"),
        (
            "float_floordiv",
            FloorDiv,
            F64(1.0),
            F64(0.0),
            Scalar::F64,
            "ZeroDivisionError: float floor division by zero",
        ),
        ("float_mod", Mod, F64(1.0), F64(0.0), Scalar::F64, "ZeroDivisionError: float modulo"),
    ];
    for (key, op, a, b, ty, message) in cases {
        let module = binary_program(op, a, b, ty);
        check("zero_division_messages", key, &module, "before\n", 1, Some(message));
    }
}

#[test]
fn float_arithmetic() {
    use BinaryOp::*;
    use Literal::F64;
    let cases = [
        ("add", Add, F64(0.1), F64(0.2), "0.30000000000000004"),
        ("div", Div, F64(1.0), F64(3.0), "0.3333333333333333"),
        ("floordiv", FloorDiv, F64(-7.0), F64(2.0), "-4.0"),
        ("mod", Mod, F64(-7.0), F64(2.0), "1.0"),
        ("mod_neg", Mod, F64(7.0), F64(-2.0), "-1.0"),
        ("pow", Pow, F64(2.0), F64(0.5), "1.4142135623730951"),
        ("div_inf", Div, F64(1.0), F64(f64::INFINITY), "0.0"),
    ];
    for (key, op, a, b, expected) in cases {
        let module = binary_program(op, a, b, Scalar::F64);
        check("float_arithmetic", key, &module, &format!("before\n{expected}\n"), 0, None);
    }
}

/// Comparisons, including NaN (`nan != nan` is True, every ordered comparison False).
#[test]
fn comparisons() {
    let mut m = ModuleBuilder::new();
    let float = m.float_t();
    let int = m.int_t();
    let (main, mut b) = m.main(1);
    let x = b.local("x", float);
    let nan = b.float(f64::NAN);
    b.store(x, nan);
    let n = b.load(x);
    for op in [CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Le, CompareOp::Gt, CompareOp::Ge] {
        let c = b.cmp(op, n, n);
        b.print_bool(c);
        b.print_text(" ");
    }
    b.newline();
    let i = b.local("i", int);
    let v = b.int(-1);
    b.store(i, v);
    let iv = b.load(i);
    let one = b.int(1);
    for op in [CompareOp::Lt, CompareOp::Gt, CompareOp::Ne] {
        let c = b.cmp(op, iv, one);
        b.print_bool(c);
        b.print_text(" ");
    }
    b.newline();
    // Strings: equality and code-point order.
    let s1 = b.string("abc");
    let s2 = b.string("abd");
    let s3 = b.string("abc");
    for (l, r, op) in
        [(s1, s3, CompareOp::Eq), (s1, s2, CompareOp::Eq), (s1, s2, CompareOp::Lt), (s2, s1, CompareOp::Le)]
    {
        let c = b.cmp(op, l, r);
        b.print_bool(c);
        b.print_text(" ");
    }
    b.newline();
    // Bools: False < True.
    let f = b.boolean(false);
    let t = b.boolean(true);
    let c = b.cmp(CompareOp::Lt, f, t);
    b.print_bool(c);
    b.newline();
    m.define(main, b);
    let expected = "False True False False False False \nTrue False True \nTrue False True False \nTrue\n";
    check("comparisons", "cmp", &m.module, expected, 0, None);
}

#[test]
fn casts_and_math() {
    let mut m = ModuleBuilder::new();
    let float = m.float_t();
    let (main, mut b) = m.main(1);
    let x = b.local("x", float);
    let v = b.float(-2.75);
    b.store(x, v);
    let xv = b.load(x);
    let i = b.cast(xv, Scalar::I64);
    b.println_int(i);
    let three = b.int(3);
    let f = b.cast(three, Scalar::F64);
    b.print_float(f);
    b.newline();
    let t = b.boolean(true);
    let ti = b.cast(t, Scalar::I64);
    b.println_int(ti);
    let zf = b.float(-0.0);
    let zb = b.cast(zf, Scalar::BOOL);
    b.print_bool(zb);
    b.newline();
    let nan = b.float(f64::NAN);
    let nb = b.cast(nan, Scalar::BOOL);
    b.print_bool(nb);
    b.newline();
    let two = b.float(2.0);
    let s = b.math(MathFunction::Sqrt, &[two]);
    b.print_float(s);
    b.newline();
    let fl = b.math(MathFunction::Floor, &[xv]);
    b.println_int(fl);
    let ce = b.math(MathFunction::Ceil, &[xv]);
    b.println_int(ce);
    let tr = b.math(MathFunction::Trunc, &[xv]);
    b.println_int(tr);
    let ab = b.math(MathFunction::Fabs, &[xv]);
    b.print_float(ab);
    b.newline();
    let inf = b.float(f64::INFINITY);
    for (f, arg) in [
        (MathFunction::IsNan, nan),
        (MathFunction::IsInf, inf),
        (MathFunction::IsFinite, inf),
        (MathFunction::IsFinite, xv),
    ] {
        let r = b.math(f, &[arg]);
        b.print_bool(r);
        b.print_text(" ");
    }
    b.newline();
    let one = b.float(1.0);
    let at = b.math(MathFunction::Atan2, &[one, one]);
    b.print_float(at);
    b.newline();
    b.at(9);
    let neg = b.float(-1.0);
    let bad = b.math(MathFunction::Sqrt, &[neg]);
    b.print_float(bad);
    m.define(main, b);
    let expected =
        "-2\n3.0\n1\nFalse\nTrue\n1.4142135623730951\n-3\n-2\n-2\n2.75\nTrue True False True \n0.7853981633974483\n";
    check("casts_and_math", "math", &m.module, expected, 1, Some("ValueError: math domain error"));
}

#[test]
fn float_to_int_errors() {
    for (key, v, message) in [
        ("nan", f64::NAN, "ValueError: cannot convert float NaN to integer"),
        ("inf", f64::INFINITY, "OverflowError: cannot convert float infinity to integer"),
    ] {
        let mut m = ModuleBuilder::new();
        let float = m.float_t();
        let (main, mut b) = m.main(1);
        let x = b.local("x", float);
        let c = b.float(v);
        b.store(x, c);
        let xv = b.load(x);
        let i = b.cast(xv, Scalar::I64);
        b.println_int(i);
        m.define(main, b);
        check("float_to_int_errors", key, &m.module, "", 1, Some(message));
    }
}

/// Builds `xs = [10, 20, 30]` and runs `body` with it.
fn list_program(body: impl FnOnce(&mut common::FnBuilder, Handle<Expression>)) -> Module {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    m.list_t(int);
    let (main, mut b) = m.main(1);
    let zero = b.int(0);
    let xs = b.e(Expression::ListNew { elem: int, len: zero });
    for v in [10, 20, 30] {
        let v = b.int(v);
        b.append(xs, v);
    }
    body(&mut b, xs);
    m.define(main, b);
    m.module
}

#[test]
fn list_indexing() {
    let module = list_program(|b, xs| {
        for i in [0, 2, -1, -3] {
            let i = b.int(i);
            let v = b.index(xs, i);
            b.println_int(v);
        }
        let i = b.int(-3);
        let v = b.int(5);
        b.index_store(xs, i, v);
        let r = b.e(Expression::ListRepr { list: xs });
        b.print_str(r);
        b.newline();
        let n = b.len(xs);
        b.println_int(n);
    });
    check("list_indexing", "ok", &module, "10\n30\n30\n10\n[5, 20, 30]\n3\n", 0, None);

    for (key, i) in [("read_3", 3), ("read_minus_4", -4), ("read_min", i64::MIN), ("read_max", i64::MAX)] {
        let module = list_program(|b, xs| {
            b.at(5);
            let i = b.int(i);
            let v = b.index(xs, i);
            b.println_int(v);
        });
        check("list_indexing", key, &module, "", 1, Some("IndexError: list index out of range"));
    }
    for (key, i) in [("store_3", 3), ("store_minus_4", -4)] {
        let module = list_program(|b, xs| {
            let i = b.int(i);
            let v = b.int(1);
            b.index_store(xs, i, v);
        });
        check("list_indexing", key, &module, "", 1, Some("IndexError: list assignment index out of range"));
    }
}

#[test]
fn lists_of_every_element_type() {
    let mut m = ModuleBuilder::new();
    let float = m.float_t();
    let boolean = m.bool_t();
    let string = m.str_t();
    let none = m.none_t();
    let int = m.int_t();
    let list_float = m.list_t(float);
    for t in [boolean, string, none, list_float] {
        m.list_t(t);
    }
    let (main, mut b) = m.main(1);
    let two = b.int(2);
    let fs = b.e(Expression::ListNew { elem: float, len: two });
    let one = b.int(1);
    let x = b.float(1.5);
    b.index_store(fs, one, x);
    let r = b.e(Expression::ListRepr { list: fs });
    b.print_str(r);
    b.newline();
    let zero = b.int(0);
    let bs = b.e(Expression::ListNew { elem: boolean, len: zero });
    let t = b.boolean(true);
    let f = b.boolean(false);
    b.append(bs, t);
    b.append(bs, f);
    let v = b.index(bs, zero);
    b.print_bool(v);
    b.newline();
    let r = b.e(Expression::ListRepr { list: bs });
    b.print_str(r);
    b.newline();
    let ss = b.e(Expression::ListNew { elem: string, len: zero });
    let a = b.string("a'b");
    b.append(ss, a);
    let c = b.string("ü");
    b.append(ss, c);
    let r = b.e(Expression::ListRepr { list: ss });
    b.print_str(r);
    b.newline();
    let ns = b.e(Expression::ListNew { elem: none, len: two });
    let nv = b.none();
    b.append(ns, nv);
    let r = b.e(Expression::ListRepr { list: ns });
    b.print_str(r);
    b.newline();
    // Repeat and concatenation.
    let three = b.int(3);
    let rep = b.e(Expression::ListRepeat { list: fs, count: three });
    let cat = b.e(Expression::ListConcat { left: rep, right: fs });
    let r = b.e(Expression::ListRepr { list: cat });
    b.print_str(r);
    b.newline();
    // Nested lists.
    let nested = b.e(Expression::ListNew { elem: list_float, len: zero });
    b.append(nested, fs);
    let inner = b.index(nested, zero);
    let y = b.index(inner, one);
    b.print_float(y);
    b.newline();
    let _ = int;
    m.define(main, b);
    let expected = "[0.0, 1.5]\nTrue\n[True, False]\n[\"a'b\", 'ü']\n[None, None, None]\n[0.0, 1.5, 0.0, 1.5, 0.0, 1.5, 0.0, 1.5]\n1.5\n";
    check("lists_of_every_element_type", "lists", &m.module, expected, 0, None);
}

#[test]
fn strings() {
    let mut m = ModuleBuilder::new();
    let (main, mut b) = m.main(1);
    let s = b.string("héllo, wörld ✓");
    b.print_str(s);
    b.newline();
    let n = b.len(s);
    b.println_int(n);
    let a = b.string("ab");
    let c = b.rt(RuntimeFn::StrConcat, &[a, s]);
    b.print_str(c);
    b.newline();
    let again = b.string("héllo, wörld ✓");
    let eq = b.cmp(CompareOp::Eq, s, again);
    b.print_bool(eq);
    b.newline();
    let i = b.int(-42);
    let si = b.rt(RuntimeFn::StrFromInt, &[i]);
    b.print_str(si);
    b.newline();
    let spec = b.string(">6");
    let formatted = b.rt(RuntimeFn::FormatInt, &[i, spec]);
    b.print_str(formatted);
    b.newline();
    let r = b.rt(RuntimeFn::StrRepr, &[a]);
    b.print_str(r);
    b.newline();
    let empty = b.string("");
    let n = b.len(empty);
    b.println_int(n);
    b.at(12);
    let bad = b.string("Q");
    let formatted = b.rt(RuntimeFn::FormatInt, &[i, bad]);
    b.print_str(formatted);
    m.define(main, b);
    let expected = "héllo, wörld ✓\n14\nabhéllo, wörld ✓\nTrue\n-42\n   -42\n'ab'\n0\n";
    check("strings", "str", &m.module, expected, 1, None);
}

/// `template % args` and `template.format(*args)` with computed templates: every argument tag
/// (int, float, bool, None, str, an object as its str and repr), a format error's exception.
#[test]
fn format_dynamic() {
    let mut m = ModuleBuilder::new();
    let (main, mut b) = m.main(1);
    let a = b.string("%5d|%.2f|%s|%r|");
    let c = b.string("%s|%r");
    let template = b.rt(RuntimeFn::StrConcat, &[a, c]);
    let i = b.int(42);
    let x = b.float(1.23456);
    let t = b.boolean(true);
    let none = b.none();
    let s = b.string("it's");
    let obj = b.string("[1, 'a']");
    let arg = |value, repr| FormatArg { value, repr };
    let args = vec![arg(i, None), arg(x, None), arg(t, None), arg(none, None), arg(s, None), arg(obj, Some(obj))];
    let r = b.e(Expression::FormatDynamic { kind: FormatKind::Percent, template, args });
    b.print_str(r);
    b.newline();
    let t2 = b.string("{1:>6}{0!r}{{}}");
    let r = b.e(Expression::FormatDynamic {
        kind: FormatKind::Method,
        template: t2,
        args: vec![arg(s, None), arg(i, None)],
    });
    b.print_str(r);
    b.newline();
    let none_args = b.string("none");
    let r = b.e(Expression::FormatDynamic { kind: FormatKind::Method, template: none_args, args: vec![] });
    b.print_str(r);
    b.newline();
    b.at(7);
    let bad = b.string("%d");
    let r =
        b.e(Expression::FormatDynamic { kind: FormatKind::Percent, template: bad, args: vec![arg(obj, Some(obj))] });
    b.print_str(r);
    m.define(main, b);
    let expected = "   42|1.23|True|None|it's|[1, 'a']\n    42\"it's\"{}\nnone\n";
    let error = "TypeError: %d format: a real number is required, not list";
    check("format_dynamic", "fmt", &m.module, expected, 1, Some(error));
}

/// Each frame that an exception leaves pushes one traceback entry with the line of the raising
/// node or of the call.
#[test]
fn traceback_lines() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let f = m.declare("f", &[("x", int)], int, 10);
    let g = m.declare("g", &[("x", int)], int, 20);
    let mut b = m.builder(f);
    b.at(11);
    let x = b.param(0);
    let ten = b.int(10);
    let q = b.bin(BinaryOp::FloorDiv, ten, x);
    b.ret(Some(q));
    m.define(f, b);
    let mut b = m.builder(g);
    b.at(21);
    let x = b.param(0);
    let y = b.call(f, &[x]);
    b.at(22);
    b.ret(Some(y));
    m.define(g, b);
    let (main, mut b) = m.main(30);
    b.at(31);
    b.print_text("start\n");
    b.at(32);
    let two = b.int(2);
    let r = b.call(g, &[two]);
    b.println_int(r);
    b.at(33);
    let zero = b.int(0);
    let r = b.call(g, &[zero]);
    b.println_int(r);
    m.define(main, b);
    let expected_err = "Traceback (most recent call last):\n  File \"test.py\", line 33, in <module>\n  File \"test.py\", line 21, in g\n  File \"test.py\", line 11, in f\nZeroDivisionError: integer division or modulo by zero\n";
    for opt in [0, 2] {
        let Some(out) = common::run("traceback_lines", "tb", &m.module, opt) else { continue };
        assert_eq!(out.stdout, "start\n5\n");
        assert_eq!(out.stderr, expected_err, "at O{opt}");
        assert_eq!(out.status, 1);
    }
}

/// `raise` statements, with and without a message, and a `None`-returning raising function.
#[test]
fn raise_statement() {
    let mut m = ModuleBuilder::new();
    let none = m.none_t();
    let f = m.declare("fail", &[], none, 3);
    let mut b = m.builder(f);
    b.at(4);
    let msg = b.string("bad value: 7");
    b.raise(ExceptionKind::ValueError, Some(msg));
    m.define(f, b);
    let (main, mut b) = m.main(8);
    b.at(9);
    b.call(f, &[]);
    m.define(main, b);
    check("raise_statement", "msg", &m.module, "", 1, Some("ValueError: bad value: 7"));

    let mut m = ModuleBuilder::new();
    let (main, mut b) = m.main(1);
    b.print_text("x\n");
    b.raise(ExceptionKind::AssertionError, None);
    b.print_text("unreachable\n");
    m.define(main, b);
    check("raise_statement", "bare", &m.module, "x\n", 1, Some("AssertionError"));
}

/// Runaway recursion raises RecursionError through the stack check instead of crashing; deep
/// but finite recursion works.
#[test]
fn recursion() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    // def down(n): return 0 if n == 0 else n + down(n - 1)    (n + ... overflows never here)
    let down = m.declare("down", &[("n", int)], int, 2);
    let mut b = m.builder(down);
    b.at(3);
    let n = b.param(0);
    let zero = b.int(0);
    let is_zero = b.cmp(CompareOp::Eq, n, zero);
    b.if_(
        is_zero,
        |b| {
            let z = b.int(0);
            b.ret(Some(z));
        },
        |_| {},
    );
    b.at(4);
    let one = b.int(1);
    let n1 = b.bin(BinaryOp::Sub, n, one);
    let rest = b.call(down, &[n1]);
    let s = b.bin(BinaryOp::Add, n, rest);
    b.ret(Some(s));
    m.define(down, b);
    let (main, mut b) = m.main(10);
    b.at(11);
    let k = b.int(100000);
    let r = b.call(down, &[k]);
    b.println_int(r);
    b.at(12);
    let k = b.int(-1);
    let r = b.call(down, &[k]);
    b.println_int(r);
    m.define(main, b);
    for opt in [0, 2] {
        let Some(out) = common::run("recursion", "down", &m.module, opt) else { continue };
        assert_eq!(out.stdout, "5000050000\n", "at O{opt}: {}", out.stderr);
        assert_eq!(out.status, 1);
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.last(), Some(&"RecursionError: maximum recursion depth exceeded"), "{}", out.stderr);
        // As in CPython: the innermost entry is the line of the call that could not start a
        // frame, and only the innermost 1000 entries are shown (so not `<module>`'s).
        let tail = "  File \"test.py\", line 4, in down\n".repeat(3) + "  [Previous line repeated 997 more times]\n";
        assert!(out.stderr.ends_with(&(tail + lines[lines.len() - 1] + "\n")), "{}", out.stderr);
        assert!(!out.stderr.contains("line 2,"), "{}", out.stderr);
    }
}

/// Globals of every kind; their memory is a GC root, so lists stored only in globals survive
/// collections triggered by heavy allocation.
#[test]
fn globals_survive_collections() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let boolean = m.bool_t();
    let string = m.str_t();
    let list_int = m.list_t(int);
    let g_list = m.global("keep", list_int);
    let g_count = m.global("count", int);
    let g_flag = m.global("flag", boolean);
    let g_name = m.global("name", string);
    let f = m.declare("bump", &[], int, 20);
    let mut b = m.builder(f);
    let c = b.load_global(g_count);
    let one = b.int(1);
    let c1 = b.bin(BinaryOp::Add, c, one);
    b.store_global(g_count, c1);
    b.ret(Some(c1));
    m.define(f, b);
    let (main, mut b) = m.main(1);
    let i = b.local("i", int);
    let n = b.int(1000);
    let xs = b.e(Expression::ListNew { elem: int, len: n });
    b.store_global(g_list, xs);
    let k = b.int(123);
    let idx = b.int(999);
    b.index_store(xs, idx, k);
    let t = b.boolean(true);
    b.store_global(g_flag, t);
    let s = b.string("kept");
    let s2 = b.rt(RuntimeFn::StrConcat, &[s, s]);
    b.store_global(g_name, s2);
    let rounds = b.int(20000);
    b.for_range(i, 0, rounds, |b| {
        let n = b.int(1000);
        let _junk = b.e(Expression::ListNew { elem: int, len: n });
        let _ = b.call(f, &[]);
    });
    let xs = b.load_global(g_list);
    let idx = b.int(999);
    let v = b.index(xs, idx);
    b.println_int(v);
    let c = b.load_global(g_count);
    b.println_int(c);
    let fl = b.load_global(g_flag);
    b.print_bool(fl);
    b.newline();
    let nm = b.load_global(g_name);
    b.print_str(nm);
    b.newline();
    m.define(main, b);
    check("globals_survive_collections", "gc", &m.module, "123\n20000\nTrue\nkeptkept\n", 0, None);
}

/// Control flow: nested loops with break and continue, early returns, select.
#[test]
fn control_flow() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    // def classify(n): if n < 0: return -1 ; if n == 0: return 0 ; return 1
    let classify = m.declare("classify", &[("n", int)], int, 1);
    let mut b = m.builder(classify);
    let n = b.param(0);
    let zero = b.int(0);
    let neg = b.cmp(CompareOp::Lt, n, zero);
    b.if_(
        neg,
        |b| {
            let r = b.int(-1);
            b.ret(Some(r));
        },
        |b| {
            let z = b.cmp(CompareOp::Eq, n, zero);
            b.if_(
                z,
                |b| b.ret(Some(zero)),
                |b| {
                    let r = b.int(1);
                    b.ret(Some(r));
                },
            );
        },
    );
    m.define(classify, b);
    let (main, mut b) = m.main(10);
    let i = b.local("i", int);
    let total = b.local("total", int);
    let z = b.int(0);
    b.store(i, z);
    b.store(total, z);
    // while True: i += 1; if i % 3 == 0: continue; if i > 20: break; total += i
    b.loop_(|b| {
        let iv = b.load(i);
        let one = b.int(1);
        let i1 = b.bin(BinaryOp::Add, iv, one);
        b.store(i, i1);
        let three = b.int(3);
        let r = b.bin(BinaryOp::Mod, i1, three);
        let zero = b.int(0);
        let div = b.cmp(CompareOp::Eq, r, zero);
        b.if_(div, |b| b.cont(), |_| {});
        let twenty = b.int(20);
        let big = b.cmp(CompareOp::Gt, i1, twenty);
        b.if_(big, |b| b.brk(), |_| {});
        let t = b.load(total);
        let t1 = b.bin(BinaryOp::Add, t, i1);
        b.store(total, t1);
    });
    let t = b.load(total);
    b.println_int(t);
    for v in [-5, 0, 9] {
        let v = b.int(v);
        let c = b.call(classify, &[v]);
        b.println_int(c);
    }
    let c = b.boolean(false);
    let a = b.int(1);
    let r = b.int(2);
    let s = b.e(Expression::Select { condition: c, accept: a, reject: r });
    b.println_int(s);
    // A loop without break: left only by return.
    m.define(main, b);
    // 1+2+4+5+7+8+10+11+13+14+16+17+19+20 = 147
    check("control_flow", "flow", &m.module, "147\n-1\n0\n1\n2\n", 0, None);
}

#[test]
fn unsupported_constructs_are_errors() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let (main, mut b) = m.main(1);
    let i = b.local("i", int);
    let zero = b.int(0);
    let ten = b.int(10);
    let one = b.int(1);
    b.at(3);
    b.s(Statement::ParallelFor {
        index: i,
        start: zero,
        stop: ten,
        step: one,
        body: Block::new(),
        schedule: Schedule::Static,
        chunk_size: None,
        num_threads: None,
        target: ParallelTarget::Gpu,
        reductions: vec![],
    });
    m.define(main, b);
    let info = validate(&m.module).unwrap();
    let err = kiln_backend_cpu::compile(&m.module, &info, &kiln_backend_cpu::Options::default())
        .err()
        .expect("a GPU loop must be outlined into a kernel before code generation");
    assert!(err.message.contains("not supported by the CPU backend yet"), "{}", err.message);
    assert_eq!(err.span, common::span(3));

    let mut m = ModuleBuilder::new();
    let none = m.none_t();
    let k = m.declare("saxpy", &[], none, 7);
    m.module.functions[k].kind = FunctionKind::Kernel;
    m.module.functions[k].body.push(Statement::Return { value: None }, common::span(7));
    let info = validate(&m.module).unwrap();
    // A kernel compiles to a one-thread CPU function (launched by the runtime).
    kiln_backend_cpu::compile(&m.module, &info, &kiln_backend_cpu::Options::default()).expect("a kernel compiles");
}

/// The LLVM text has the entry points, the checked arithmetic and the TBAA tags; object and
/// assembly files are written.
#[test]
fn llvm_ir_and_object_output() {
    let module = list_program(|b, xs| {
        let i = b.int(1);
        let v = b.index(xs, i);
        let w = b.bin(BinaryOp::Add, v, v);
        b.index_store(xs, i, w);
        b.println_int(w);
    });
    let info = validate(&module).unwrap();
    let compiled =
        kiln_backend_cpu::compile(&module, &info, &kiln_backend_cpu::Options { opt_level: 0, ..Default::default() })
            .unwrap();
    let ir = compiled.llvm_ir();
    for needle in [
        "@__kiln_entry()",
        "define i32 @main(",
        "llvm.sadd.with.overflow.i64",
        "!tbaa",
        "kiln list.len",
        "kiln elem.i64",
        "!prof",
    ] {
        assert!(ir.contains(needle), "missing {needle} in:\n{ir}");
    }
    let dir = std::env::temp_dir().join(format!("kiln-cpu-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let obj = dir.join("prog.o");
    compiled.write_object(&obj).unwrap();
    assert!(std::fs::metadata(&obj).unwrap().len() > 0);
    let asm = dir.join("prog.s");
    compiled.write_assembly(&asm).unwrap();
    let text = std::fs::read_to_string(&asm).unwrap();
    assert!(text.contains("__kiln_entry"));
    std::fs::remove_dir_all(&dir).ok();
    // Optimised: still verifies and keeps the entry points.
    let compiled =
        kiln_backend_cpu::compile(&module, &info, &kiln_backend_cpu::Options { opt_level: 3, ..Default::default() })
            .unwrap();
    assert!(compiled.llvm_ir().contains("@__kiln_entry"));
}

/// A JIT without the runtime symbols is refused with an error instead of aborting in MCJIT.
#[test]
fn missing_runtime_symbols_are_reported() {
    let module = list_program(|b, xs| {
        let n = b.len(xs);
        b.println_int(n);
    });
    let info = validate(&module).unwrap();
    let compiled = kiln_backend_cpu::compile(&module, &info, &kiln_backend_cpu::Options::default()).unwrap();
    let err = compiled.jit(&[]).err().expect("must fail");
    assert!(err.message.contains("kiln_rt_print_int"), "{}", err.message);
}

/// List headers are loaded once before a loop only when nothing in the loop (or in what it
/// calls) can change them: appends, reassignments and callees that do either are honoured.
#[test]
fn loop_invariant_list_headers() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let none = m.none_t();
    let list_int = m.list_t(int);
    m.list_t(list_int);
    let g = m.global("g", list_int);
    let other = m.global("other", list_int);
    // def grow(): g.append(len(g))
    let grow = m.declare("grow", &[], none, 2);
    let mut b = m.builder(grow);
    let gl = b.load_global(g);
    let n = b.len(gl);
    b.append(gl, n);
    m.define(grow, b);
    // def swap(): g = other
    let swap = m.declare("swap", &[], none, 4);
    let mut b = m.builder(swap);
    let o = b.load_global(other);
    b.store_global(g, o);
    m.define(swap, b);

    let (main, mut b) = m.main(10);
    let i = b.local("i", int);
    let xs = b.local("xs", list_int);
    let ys = b.local("ys", list_int);
    let new_list = |b: &mut common::FnBuilder, values: &[i64]| {
        let zero = b.int(0);
        let l = b.e(Expression::ListNew { elem: int, len: zero });
        for v in values {
            let v = b.int(*v);
            b.append(l, v);
        }
        l
    };
    // 1. xs = [1]; for i in range(5): xs.append(xs[i] * 2); print(xs[5], len(xs))
    let l = new_list(&mut b, &[1]);
    b.store(xs, l);
    let five = b.int(5);
    b.for_range(i, 0, five, |b| {
        let x = b.load(xs);
        let iv = b.load(i);
        let v = b.index(x, iv);
        let two = b.int(2);
        let d = b.bin(BinaryOp::Mul, v, two);
        b.append(x, d);
    });
    let x = b.load(xs);
    let k = b.int(5);
    let v = b.index(x, k);
    b.println_int(v);
    // 2. while len(xs) < 10: xs.append(0)
    b.loop_(|b| {
        let x = b.load(xs);
        let n = b.len(x);
        let ten = b.int(10);
        let done = b.cmp(CompareOp::Ge, n, ten);
        b.if_(done, |b| b.brk(), |_| {});
        let zero = b.int(0);
        b.append(x, zero);
    });
    let x = b.load(xs);
    let n = b.len(x);
    b.println_int(n);
    // 3. xs = [1, 2]; ys = [10, 20]; for i in range(2): print(xs[i]); xs = ys
    let l = new_list(&mut b, &[1, 2]);
    b.store(xs, l);
    let l = new_list(&mut b, &[10, 20]);
    b.store(ys, l);
    let two = b.int(2);
    b.for_range(i, 0, two, |b| {
        let x = b.load(xs);
        let iv = b.load(i);
        let v = b.index(x, iv);
        b.println_int(v);
        let y = b.load(ys);
        b.store(xs, y);
    });
    // 4. g = [7]; for i in range(3): print(g[i]); grow()   (a callee appends)
    let l = new_list(&mut b, &[7]);
    b.store_global(g, l);
    let three = b.int(3);
    b.for_range(i, 0, three, |b| {
        let gl = b.load_global(g);
        let iv = b.load(i);
        let v = b.index(gl, iv);
        b.println_int(v);
        b.call(grow, &[]);
    });
    // 5. other = [100, 200]; for i in range(2): print(g[i]); swap()   (a callee reassigns g)
    let l = new_list(&mut b, &[100, 200]);
    b.store_global(other, l);
    b.for_range(i, 0, two, |b| {
        let gl = b.load_global(g);
        let iv = b.load(i);
        let v = b.index(gl, iv);
        b.println_int(v);
        b.call(swap, &[]);
    });
    // 6. rows = [[1, 2], [3, 4, 5]]; total of every element through a row taken in the outer loop
    let zero = b.int(0);
    let rows = b.e(Expression::ListNew { elem: list_int, len: zero });
    let r1 = new_list(&mut b, &[1, 2]);
    b.append(rows, r1);
    let r2 = new_list(&mut b, &[3, 4, 5]);
    b.append(rows, r2);
    let total = b.local("total", int);
    let j = b.local("j", int);
    b.store(total, zero);
    let nrows = b.len(rows);
    b.for_range(i, 0, nrows, |b| {
        let iv = b.load(i);
        let row = b.index(rows, iv);
        let ncols = b.len(row);
        b.for_range(j, 0, ncols, |b| {
            let jv = b.load(j);
            let v = b.index(row, jv);
            let t = b.load(total);
            let t = b.bin(BinaryOp::Add, t, v);
            b.store(total, t);
            // Element stores do not change headers: still optimised, still correct.
            b.index_store(row, jv, t);
        });
    });
    let t = b.load(total);
    b.println_int(t);
    let r = b.e(Expression::ListRepr { list: r2 });
    b.print_str(r);
    b.newline();
    m.define(main, b);
    let expected = "32\n10\n1\n20\n7\n1\n2\n7\n200\n15\n[6, 10, 15]\n";
    check("loop_invariant_list_headers", "headers", &m.module, expected, 0, None);
}

/// A parallel loop over `range(3, n, 3)` with int `+`, int `^` and float `max` reductions, a
/// private temporary, a shared local, a value computed before the loop, and `continue`; then
/// one that raises in two iterations: the first in iteration order is reported. The runtime
/// picks the thread count (all cores), so this also runs the body on worker threads.
#[test]
fn parallel_loops() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let float = m.float_t();
    let (main, mut b) = m.main(1);
    let i = b.local("i", int);
    let t = b.local("t", int);
    let off = b.local("off", int);
    let total = b.local("total", int);
    let bits = b.local("bits", int);
    let top = b.local("top", float);
    let init = [(off, 7), (total, 100), (bits, 0)];
    for (local, v) in init {
        let v = b.int(v);
        b.store(local, v);
    }
    let minus_inf = b.float(f64::NEG_INFINITY);
    b.store(top, minus_inf);
    let (start, n, step) = (b.int(3), b.int(20_000), b.int(3));
    let k = b.int(5); // evaluated before the loop, read inside it
    let chunk = b.int(64);
    let body = b.sub_block(|b| {
        let iv = b.load(i);
        let tv = b.bin(BinaryOp::Mul, iv, k);
        b.store(t, tv);
        let seven = b.int(7);
        let rem = b.bin(BinaryOp::Mod, iv, seven);
        let zero = b.int(0);
        let skip = b.cmp(CompareOp::Eq, rem, zero);
        b.if_(skip, |b| b.cont(), |_| {});
        let (tv, ov, acc) = (b.load(t), b.load(off), b.load(total));
        let plus = b.bin(BinaryOp::Add, tv, ov);
        let acc = b.bin(BinaryOp::Add, acc, plus);
        b.store(total, acc);
        let (x, iv) = (b.load(bits), b.load(i));
        let x = b.bin(BinaryOp::BitXor, x, iv);
        b.store(bits, x);
        let (cur, iv) = (b.load(top), b.load(i));
        let f = b.cast(iv, Scalar::F64);
        let half = b.float(0.5);
        let f = b.bin(BinaryOp::Mul, f, half);
        let better = b.cmp(CompareOp::Gt, f, cur);
        let new = b.e(Expression::Select { condition: better, accept: f, reject: cur });
        b.store(top, new);
    });
    b.at(5);
    b.s(Statement::ParallelFor {
        index: i,
        start,
        stop: n,
        step,
        body,
        schedule: Schedule::Dynamic,
        chunk_size: Some(chunk),
        num_threads: None,
        target: ParallelTarget::Cpu,
        reductions: vec![
            Reduction { local: total, op: ReductionOp::Add },
            Reduction { local: bits, op: ReductionOp::BitXor },
            Reduction { local: top, op: ReductionOp::Max },
        ],
    });
    for v in [total, bits] {
        let v = b.load(v);
        b.println_int(v);
    }
    let v = b.load(top);
    b.print_float(v);
    b.newline();
    // A second loop raises ValueError at i == 13 and i == 31 (different chunks of 4).
    let body = b.sub_block(|b| {
        let iv = b.load(i);
        for bad in [31, 13] {
            let c = b.int(bad);
            let hit = b.cmp(CompareOp::Eq, iv, c);
            b.if_(
                hit,
                |b| {
                    let msg = b.string(&format!("bad {bad}"));
                    b.at(9 + bad as u32);
                    b.raise(ExceptionKind::ValueError, Some(msg));
                },
                |_| {},
            );
        }
    });
    let (zero, forty, one, four) = (b.int(0), b.int(40), b.int(1), b.int(4));
    b.at(8);
    b.s(Statement::ParallelFor {
        index: i,
        start: zero,
        stop: forty,
        step: one,
        body,
        schedule: Schedule::Static,
        chunk_size: Some(four),
        num_threads: Some(four),
        target: ParallelTarget::Cpu,
        reductions: vec![],
    });
    b.print_text("not reached\n");
    m.define(main, b);

    // The same computation, sequentially.
    let (mut total, mut bits, mut top) = (100i64, 0i64, f64::NEG_INFINITY);
    for i in (3..20_000).step_by(3) {
        if i % 7 == 0 {
            continue;
        }
        total += i * 5 + 7;
        bits ^= i;
        top = top.max(i as f64 * 0.5);
    }
    let expected = format!("{total}\n{bits}\n{top:?}\n");
    check("parallel_loops", "par", &m.module, &expected, 1, Some("ValueError: bad 13"));
}

// ----- generators -------------------------------------------------------------------------------

/// `def countdown(n): while n > 0: yield n; n -= 1` (the parameter copied into a local).
fn countdown(m: &mut ModuleBuilder) -> Handle<Function> {
    let int = m.int_t();
    let f = m.declare_generator("countdown", &[("n", int)], int, 2);
    let mut b = m.builder(f);
    b.at(3);
    let k = b.local("k", int);
    let n = b.param(0);
    b.store(k, n);
    b.loop_(|b| {
        let kv = b.load(k);
        let zero = b.int(0);
        let end = b.cmp(CompareOp::Le, kv, zero);
        b.if_(end, |b| b.brk(), |_| {});
        b.at(4);
        b.yield_(kv);
        b.at(5);
        let kv = b.load(k);
        let one = b.int(1);
        let k1 = b.bin(BinaryOp::Sub, kv, one);
        b.store(k, k1);
    });
    m.define(f, b);
    f
}

/// A generator counting down: driven by a loop of resumes; resuming it after its end gives
/// false again; two generators of one function are independent; one that yields nothing.
#[test]
fn generator_countdown() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let gen_int = m.gen_t(int);
    let countdown = countdown(&mut m);
    let (main, mut b) = m.main(10);
    let g = b.local("g", gen_int);
    let h = b.local("h", gen_int);
    let i = b.local("i", int);
    let five = b.int(5);
    let gv = b.call(countdown, &[five]);
    b.store(g, gv);
    b.for_gen(g, |b, v| b.println_int(v));
    for _ in 0..2 {
        let gv = b.load(g);
        let more = b.gen_resume(gv);
        b.print_bool(more);
        b.newline();
    }
    // Two at once: a = countdown(3), b = countdown(2), stepped alternately.
    let three = b.int(3);
    let av = b.call(countdown, &[three]);
    b.store(g, av);
    let two = b.int(2);
    let bv = b.call(countdown, &[two]);
    b.store(h, bv);
    let four = b.int(4);
    b.for_range(i, 0, four, |b| {
        for (k, gen) in [g, h].into_iter().enumerate() {
            let gv = b.load(gen);
            let more = b.gen_resume(gv);
            b.if_(
                more,
                |b| {
                    let v = b.gen_value(gv);
                    b.print_int(v);
                },
                |b| b.print_text("0"),
            );
            b.print_text(if k == 0 { " " } else { "\n" });
        }
    });
    let zero = b.int(0);
    let empty = b.call(countdown, &[zero]);
    let more = b.gen_resume(empty);
    b.print_bool(more);
    b.newline();
    m.define(main, b);
    let info = validate(&m.module).unwrap();
    assert!(info.function(main).may_raise, "resuming a generator may raise");
    let expected = "5\n4\n3\n2\n1\nFalse\nFalse\n3 2\n2 1\n1 0\n0 0\nFalse\n";
    check("generator_countdown", "countdown", &m.module, expected, 0, None);
}

/// Yields from inside nested loops, with a local and an SSA value of the outer loop live across
/// the yields of the inner one; a generator of tuples.
#[test]
fn generator_nested_loops() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let float = m.float_t();
    let pair = m.ty(Type::Tuple { elems: vec![int, float] });
    let gen_int = m.gen_t(int);
    let gen_pair = m.gen_t(pair);
    // def pairs(n, m): for i in range(n): base = i * 10; for j in range(m): yield base + j
    let pairs = m.declare_generator("pairs", &[("n", int), ("m", int)], int, 2);
    let mut b = m.builder(pairs);
    let i = b.local("i", int);
    let j = b.local("j", int);
    let n = b.param(0);
    let mm = b.param(1);
    b.for_range(i, 0, n, |b| {
        let iv = b.load(i);
        let ten = b.int(10);
        let base = b.bin(BinaryOp::Mul, iv, ten);
        b.for_range(j, 0, mm, |b| {
            let jv = b.load(j);
            let v = b.bin(BinaryOp::Add, base, jv);
            b.yield_(v);
        });
    });
    m.define(pairs, b);
    // def grid(n): for i in range(n): for j in range(i): yield (i, j * 0.5)
    let grid = m.declare_generator("grid", &[("n", int)], pair, 20);
    let mut b = m.builder(grid);
    let i = b.local("i", int);
    let j = b.local("j", int);
    let n = b.param(0);
    b.for_range(i, 0, n, |b| {
        let iv = b.load(i);
        b.for_range(j, 0, iv, |b| {
            let jv = b.load(j);
            let jf = b.cast(jv, Scalar::F64);
            let half = b.float(0.5);
            let y = b.bin(BinaryOp::Mul, jf, half);
            let t = b.e(Expression::TupleNew { elems: vec![iv, y] });
            b.yield_(t);
        });
    });
    m.define(grid, b);
    let (main, mut b) = m.main(40);
    let g = b.local("g", gen_int);
    let total = b.local("total", int);
    let zero = b.int(0);
    b.store(total, zero);
    let three = b.int(3);
    let four = b.int(4);
    let gv = b.call(pairs, &[three, four]);
    b.store(g, gv);
    b.for_gen(g, |b, v| {
        b.println_int(v);
        let t = b.load(total);
        let t1 = b.bin(BinaryOp::Add, t, v);
        b.store(total, t1);
    });
    let t = b.load(total);
    b.println_int(t);
    let p = b.local("p", gen_pair);
    let pv = b.call(grid, &[four]);
    b.store(p, pv);
    b.for_gen(p, |b, t| {
        let x = b.e(Expression::TupleGet { tuple: t, index: 0 });
        let y = b.e(Expression::TupleGet { tuple: t, index: 1 });
        b.print_int(x);
        b.print_text(" ");
        b.print_float(y);
        b.newline();
    });
    m.define(main, b);
    let mut expected = String::new();
    for v in [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 138] {
        expected += &format!("{v}\n");
    }
    expected += "1 0.0\n2 0.0\n2 0.5\n3 0.0\n3 0.5\n3 1.0\n";
    check("generator_nested_loops", "pairs", &m.module, &expected, 0, None);
}

/// `def failing(): yield 1; yield 2; raise ValueError("boom")` at lines 10-13.
fn failing(m: &mut ModuleBuilder) -> Handle<Function> {
    let int = m.int_t();
    let f = m.declare_generator("failing", &[], int, 10);
    let mut b = m.builder(f);
    for (line, v) in [(11, 1), (12, 2)] {
        b.at(line);
        let v = b.int(v);
        b.yield_(v);
    }
    b.at(13);
    let msg = b.string("boom");
    b.raise(ExceptionKind::ValueError, Some(msg));
    m.define(f, b);
    f
}

/// An exception raised in a generator's body comes out of the resume that ran it, with the
/// generator's frame in the traceback; uncaught, it ends the program like any other.
#[test]
fn generator_raises() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let gen_int = m.gen_t(int);
    let failing = failing(&mut m);
    let (main, mut b) = m.main(20);
    let g = b.local("g", gen_int);
    b.at(21);
    let gv = b.call(failing, &[]);
    b.store(g, gv);
    b.for_gen(g, |b, v| b.println_int(v));
    b.print_text("unreachable\n");
    m.define(main, b);
    let expected_err = "Traceback (most recent call last):\n  File \"test.py\", line 21, in <module>\n  File \"test.py\", line 13, in failing\nValueError: boom\n";
    for opt in [0, 2] {
        let Some(out) = common::run("generator_raises", "uncaught", &m.module, opt) else { continue };
        assert_eq!(out.stdout, "1\n2\n", "at O{opt}: {}", out.stderr);
        assert_eq!(out.stderr, expected_err, "at O{opt}");
        assert_eq!(out.status, 1);
    }
}

/// The exception of a generator caught around the loop that runs it (the generator is
/// finished afterwards); `yield` inside a `try` body and inside its handler.
#[test]
fn generator_exceptions_caught() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let gen_int = m.gen_t(int);
    let exc = m.exception_t();
    let failing = failing(&mut m);
    // def guarded(n):
    //     i = 0
    //     while i < n:
    //         try:
    //             yield i
    //             if i == 1: raise ValueError("one")
    //         except Exception:
    //             yield 100 + i
    //         i += 1
    let guarded = m.declare_generator("guarded", &[("n", int)], int, 30);
    let mut b = m.builder(guarded);
    let i = b.local("i", int);
    let e = b.local("e", exc);
    let n = b.param(0);
    b.for_range(i, 0, n, |b| {
        b.try_(
            e,
            |b| {
                let iv = b.load(i);
                b.yield_(iv);
                let one = b.int(1);
                let is_one = b.cmp(CompareOp::Eq, iv, one);
                b.if_(
                    is_one,
                    |b| {
                        let msg = b.string("one");
                        b.raise(ExceptionKind::ValueError, Some(msg));
                    },
                    |_| {},
                );
            },
            |b| {
                let iv = b.load(i);
                let hundred = b.int(100);
                let v = b.bin(BinaryOp::Add, hundred, iv);
                b.yield_(v);
            },
        );
    });
    m.define(guarded, b);
    let (main, mut b) = m.main(50);
    let g = b.local("g", gen_int);
    let caught = b.local("caught", exc);
    let gv = b.call(failing, &[]);
    b.store(g, gv);
    b.try_(
        caught,
        |b| b.for_gen(g, |b, v| b.println_int(v)),
        |b| {
            b.print_text("caught ");
            let c = b.load(caught);
            let msg = b.e(Expression::ExceptionMessage { exception: c });
            b.print_str(msg);
            b.newline();
        },
    );
    let gv = b.load(g);
    let more = b.gen_resume(gv);
    b.print_bool(more);
    b.newline();
    let three = b.int(3);
    let gv = b.call(guarded, &[three]);
    b.store(g, gv);
    b.for_gen(g, |b, v| b.println_int(v));
    m.define(main, b);
    let expected = "1\n2\ncaught boom\nFalse\n0\n1\n101\n2\n";
    check("generator_exceptions_caught", "caught", &m.module, expected, 0, None);
}

/// Resuming a generator from inside its own body raises ValueError, as in CPython.
#[test]
fn generator_already_executing() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let gen_int = m.gen_t(int);
    let global = m.global("G", gen_int);
    // def selfish(): yield 1; next(G)
    let selfish = m.declare_generator("selfish", &[], int, 2);
    let mut b = m.builder(selfish);
    b.at(3);
    let one = b.int(1);
    b.yield_(one);
    b.at(4);
    let g = b.load_global(global);
    b.gen_resume(g);
    m.define(selfish, b);
    let (main, mut b) = m.main(10);
    b.at(11);
    let g = b.call(selfish, &[]);
    b.store_global(global, g);
    b.at(12);
    let more = b.gen_resume(g);
    b.print_bool(more);
    b.newline();
    b.at(13);
    b.gen_resume(g);
    m.define(main, b);
    let expected_err = "Traceback (most recent call last):\n  File \"test.py\", line 13, in <module>\n  File \"test.py\", line 4, in selfish\nValueError: generator already executing\n";
    for opt in [0, 2] {
        let Some(out) = common::run("generator_already_executing", "self", &m.module, opt) else { continue };
        assert_eq!(out.stdout, "True\n", "at O{opt}: {}", out.stderr);
        assert_eq!(out.stderr, expected_err, "at O{opt}");
        assert_eq!(out.status, 1);
    }
}

/// Recursive generators: each level yields its own values and those of the generators of
/// itself that it creates and resumes; runaway recursion raises RecursionError.
#[test]
fn generator_recursion() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let boolean = m.bool_t();
    let gen_int = m.gen_t(int);
    // def rec(n): yield n; if n > 0: (for v in rec(n - 1): yield v); yield -n
    let rec = m.declare_generator("rec", &[("n", int)], int, 2);
    let mut b = m.builder(rec);
    let inner = b.local("inner", gen_int);
    let n = b.param(0);
    b.yield_(n);
    let zero = b.int(0);
    let positive = b.cmp(CompareOp::Gt, n, zero);
    b.if_(
        positive,
        |b| {
            let one = b.int(1);
            let n1 = b.bin(BinaryOp::Sub, n, one);
            let g = b.call(rec, &[n1]);
            b.store(inner, g);
            b.for_gen(inner, |b, v| b.yield_(v));
            let neg = b.unary(UnaryOp::Neg, n);
            b.yield_(neg);
        },
        |_| {},
    );
    m.define(rec, b);
    // def inorder(lo, hi):
    //     if lo > hi: return
    //     mid = (lo + hi) // 2
    //     for v in inorder(lo, mid - 1): yield v
    //     yield mid
    //     for v in inorder(mid + 1, hi): yield v
    let inorder = m.declare_generator("inorder", &[("lo", int), ("hi", int)], int, 10);
    let mut b = m.builder(inorder);
    let sub = b.local("sub", gen_int);
    let lo = b.param(0);
    let hi = b.param(1);
    let empty = b.cmp(CompareOp::Gt, lo, hi);
    b.if_(empty, |b| b.ret(None), |_| {});
    let sum = b.bin(BinaryOp::Add, lo, hi);
    let two = b.int(2);
    let mid = b.bin(BinaryOp::FloorDiv, sum, two);
    let one = b.int(1);
    let left_hi = b.bin(BinaryOp::Sub, mid, one);
    let left = b.call(inorder, &[lo, left_hi]);
    b.store(sub, left);
    b.for_gen(sub, |b, v| b.yield_(v));
    b.yield_(mid);
    let right_lo = b.bin(BinaryOp::Add, mid, one);
    let right = b.call(inorder, &[right_lo, hi]);
    b.store(sub, right);
    b.for_gen(sub, |b, v| b.yield_(v));
    m.define(inorder, b);
    // def forever(n): for v in forever(n + 1): yield v
    let forever = m.declare_generator("forever", &[("n", int)], int, 20);
    let mut b = m.builder(forever);
    b.at(21);
    let sub = b.local("sub", gen_int);
    let n = b.param(0);
    let one = b.int(1);
    let n1 = b.bin(BinaryOp::Add, n, one);
    let g = b.call(forever, &[n1]);
    b.store(sub, g);
    b.for_gen(sub, |b, v| b.yield_(v));
    m.define(forever, b);

    let (main, mut b) = m.main(30);
    let g = b.local("g", gen_int);
    let total = b.local("total", int);
    let count = b.local("count", int);
    let prev = b.local("prev", int);
    let ordered = b.local("ordered", boolean);
    let three = b.int(3);
    let gv = b.call(rec, &[three]);
    b.store(g, gv);
    b.for_gen(g, |b, v| {
        b.print_int(v);
        b.print_text(" ");
    });
    b.newline();
    let zero = b.int(0);
    b.store(total, zero);
    b.store(count, zero);
    b.store(prev, zero);
    let t = b.boolean(true);
    b.store(ordered, t);
    let one = b.int(1);
    let thousand = b.int(1000);
    let gv = b.call(inorder, &[one, thousand]);
    b.store(g, gv);
    b.for_gen(g, |b, v| {
        let t = b.load(total);
        let t1 = b.bin(BinaryOp::Add, t, v);
        b.store(total, t1);
        let c = b.load(count);
        let one = b.int(1);
        let c1 = b.bin(BinaryOp::Add, c, one);
        b.store(count, c1);
        let p = b.load(prev);
        let p1 = b.bin(BinaryOp::Add, p, one);
        let next = b.cmp(CompareOp::Eq, v, p1);
        let o = b.load(ordered);
        let o1 = b.bin(BinaryOp::BitAnd, o, next);
        b.store(ordered, o1);
        b.store(prev, v);
    });
    for (k, l) in [total, count].into_iter().enumerate() {
        let v = b.load(l);
        b.print_int(v);
        b.print_text(if k == 0 { " " } else { "\n" });
    }
    let o = b.load(ordered);
    b.print_bool(o);
    b.newline();
    b.at(31);
    let gv = b.call(forever, &[zero]);
    b.store(g, gv);
    b.for_gen(g, |b, v| b.println_int(v));
    m.define(main, b);
    let info = validate(&m.module).unwrap();
    assert!(info.function(rec).recursive && info.function(forever).recursive);
    for opt in [0, 2] {
        let Some(out) = common::run("generator_recursion", "rec", &m.module, opt) else { continue };
        assert_eq!(out.stdout, "3 2 1 0 -1 -2 -3 \n500500 1000\nTrue\n", "at O{opt}: {}", out.stderr);
        assert_eq!(out.status, 1, "at O{opt}: {}", out.stderr);
        let last = out.stderr.lines().last();
        assert_eq!(last, Some("RecursionError: maximum recursion depth exceeded"), "at O{opt}: {}", out.stderr);
        assert!(out.stderr.contains("  File \"test.py\", line 21, in forever\n"), "at O{opt}: {}", out.stderr);
    }
}

/// Generators of strings and lists (pointer elements) under heavy allocation: the values in
/// flight and everything a suspended generator holds stay alive through collections.
#[test]
fn generator_gc() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let string = m.str_t();
    let list_int = m.list_t(int);
    let list_str = m.list_t(string);
    let gen_str = m.gen_t(string);
    let gen_list = m.gen_t(list_int);
    // def words(n): for i in range(n): yield str(i) + "x"
    let words = m.declare_generator("words", &[("n", int)], string, 2);
    let mut b = m.builder(words);
    let i = b.local("i", int);
    let n = b.param(0);
    b.for_range(i, 0, n, |b| {
        let iv = b.load(i);
        let s = b.rt(RuntimeFn::StrFromInt, &[iv]);
        let x = b.string("x");
        let w = b.rt(RuntimeFn::StrConcat, &[s, x]);
        b.yield_(w);
    });
    m.define(words, b);
    // def holder(n): keep = []; for i in range(n): keep.append(str(i * 7))
    //                for i in range(n): yield keep[i]
    let holder = m.declare_generator("holder", &[("n", int)], string, 10);
    let mut b = m.builder(holder);
    let i = b.local("i", int);
    let keep = b.local("keep", list_str);
    let n = b.param(0);
    let zero = b.int(0);
    let l = b.e(Expression::ListNew { elem: string, len: zero });
    b.store(keep, l);
    b.for_range(i, 0, n, |b| {
        let iv = b.load(i);
        let seven = b.int(7);
        let x = b.bin(BinaryOp::Mul, iv, seven);
        let s = b.rt(RuntimeFn::StrFromInt, &[x]);
        let l = b.load(keep);
        b.append(l, s);
    });
    b.for_range(i, 0, n, |b| {
        let l = b.load(keep);
        let iv = b.load(i);
        let s = b.index(l, iv);
        b.yield_(s);
    });
    m.define(holder, b);
    // def lists(n): for i in range(n): yield [i, i + 1, i + 2]
    let lists = m.declare_generator("lists", &[("n", int)], list_int, 20);
    let mut b = m.builder(lists);
    let i = b.local("i", int);
    let n = b.param(0);
    b.for_range(i, 0, n, |b| {
        let iv = b.load(i);
        let zero = b.int(0);
        let l = b.e(Expression::ListNew { elem: int, len: zero });
        for k in 0..3 {
            let k = b.int(k);
            let v = b.bin(BinaryOp::Add, iv, k);
            b.append(l, v);
        }
        b.yield_(l);
    });
    m.define(lists, b);

    let (main, mut b) = m.main(30);
    let g = b.local("g", gen_str);
    let gl = b.local("gl", gen_list);
    let total = b.local("total", int);
    let k = b.local("k", int);
    let zero = b.int(0);
    b.store(total, zero);
    let n = b.int(200_000);
    let gv = b.call(words, &[n]);
    b.store(g, gv);
    let add_total = |b: &mut common::FnBuilder, v: Handle<Expression>| {
        let t = b.load(total);
        let t1 = b.bin(BinaryOp::Add, t, v);
        b.store(total, t1);
    };
    b.for_gen(g, |b, s| {
        let len = b.len(s);
        add_total(b, len);
    });
    let t = b.load(total);
    b.println_int(t);
    b.store(total, zero);
    let n = b.int(1000);
    let gv = b.call(holder, &[n]);
    b.store(g, gv);
    b.for_gen(g, |b, s| {
        let twenty = b.int(20);
        b.for_range(k, 0, twenty, |b| {
            let thousand = b.int(1000);
            b.e(Expression::ListNew { elem: int, len: thousand });
        });
        let len = b.len(s);
        add_total(b, len);
    });
    let t = b.load(total);
    b.println_int(t);
    b.store(total, zero);
    let n = b.int(100_000);
    let gv = b.call(lists, &[n]);
    b.store(gl, gv);
    b.for_gen(gl, |b, l| {
        let two = b.int(2);
        let v = b.index(l, two);
        add_total(b, v);
    });
    let t = b.load(total);
    b.println_int(t);
    m.define(main, b);
    check("generator_gc", "gc", &m.module, "1288890\n3840\n5000150000\n", 0, None);
}

/// Generators are lowered at every optimisation level: no coroutine intrinsic is left for the
/// code generator, and object files are written. Optimised, a `for` loop over a generator that
/// does not escape needs no frame.
#[test]
fn generator_object_output() {
    let mut m = ModuleBuilder::new();
    let countdown = countdown(&mut m);
    let int = m.int_t();
    let gen_int = m.gen_t(int);
    let (main, mut b) = m.main(10);
    let g = b.local("g", gen_int);
    let three = b.int(3);
    let gv = b.call(countdown, &[three]);
    b.store(g, gv);
    b.for_gen(g, |b, v| b.println_int(v));
    m.define(main, b);
    let info = validate(&m.module).unwrap();
    let dir = std::env::temp_dir().join(format!("kiln-cpu-gen-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for opt in [0, 2] {
        let options = kiln_backend_cpu::Options { opt_level: opt, ..Default::default() };
        let compiled = kiln_backend_cpu::compile(&m.module, &info, &options).unwrap();
        let ir = compiled.llvm_ir();
        assert!(!ir.contains("llvm.coro.suspend"), "coroutines left unsplit at O{opt}:\n{ir}");
        if opt == 2 {
            // The loop's generator does not escape: inlined and folded, frame included.
            assert!(!ir.contains("call ptr @kiln_rt_alloc"), "generator frame left at O2:\n{ir}");
        }
        let obj = dir.join(format!("gen{opt}.o"));
        compiled.write_object(&obj).unwrap();
        assert!(std::fs::metadata(&obj).unwrap().len() > 0);
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A parallel loop inside a generator's body (outlined like any other), between yields; an
/// iteration that raises ends the generator with that exception.
#[test]
fn generator_with_parallel_loop() {
    let mut m = ModuleBuilder::new();
    let int = m.int_t();
    let gen_int = m.gen_t(int);
    // def sums(n):
    //     for k in range(1, n + 1):
    //         total = 0
    //         @par
    //         for i in range(k * 100): total += 1000 // (300 - i)   (raises for i == 300)
    //         yield total
    let sums = m.declare_generator("sums", &[("n", int)], int, 2);
    let mut b = m.builder(sums);
    let k = b.local("k", int);
    let i = b.local("i", int);
    let total = b.local("total", int);
    let n = b.param(0);
    let one = b.int(1);
    let stop = b.bin(BinaryOp::Add, n, one);
    let s = b.int(1);
    b.store(k, s);
    b.loop_(|b| {
        let kv = b.load(k);
        let done = b.cmp(CompareOp::Ge, kv, stop);
        b.if_(done, |b| b.brk(), |_| {});
        let zero = b.int(0);
        b.store(total, zero);
        let hundred = b.int(100);
        let count = b.bin(BinaryOp::Mul, kv, hundred);
        let body = b.sub_block(|b| {
            let iv = b.load(i);
            let three_hundred = b.int(300);
            let d = b.bin(BinaryOp::Sub, three_hundred, iv);
            let thousand = b.int(1000);
            let q = b.bin(BinaryOp::FloorDiv, thousand, d);
            let t = b.load(total);
            let t1 = b.bin(BinaryOp::Add, t, q);
            b.store(total, t1);
        });
        b.at(6);
        b.s(Statement::ParallelFor {
            index: i,
            start: zero,
            stop: count,
            step: one,
            body,
            schedule: Schedule::Static,
            chunk_size: None,
            num_threads: None,
            target: ParallelTarget::Cpu,
            reductions: vec![Reduction { local: total, op: ReductionOp::Add }],
        });
        b.at(7);
        let t = b.load(total);
        b.yield_(t);
        let kv = b.load(k);
        let k1 = b.bin(BinaryOp::Add, kv, one);
        b.store(k, k1);
    });
    m.define(sums, b);
    let (main, mut b) = m.main(20);
    let g = b.local("g", gen_int);
    b.at(21);
    let five = b.int(5);
    let gv = b.call(sums, &[five]);
    b.store(g, gv);
    b.for_gen(g, |b, v| b.println_int(v));
    m.define(main, b);
    let expected: String = [100, 200, 300]
        .iter()
        .map(|&n| format!("{}\n", (0..n).map(|i| 1000i64.div_euclid(300 - i)).sum::<i64>()))
        .collect();
    check("generator_with_parallel_loop", "par", &m.module, &expected, 1, Some(INT_ZERO_DIV));
}

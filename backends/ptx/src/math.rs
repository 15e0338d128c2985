//! Python's arithmetic and `math` module in LLVM IR for NVPTX.
//!
//! The kernel lowering made every check explicit, so everything here computes values only
//! (int `+ - *` wrap, divisors are not zero, `math` arguments are in their domains). What
//! must match the CPU backend bit for bit is computed the way it computes it:
//!
//! - int `//` and `%` round toward negative infinity (`sdiv`/`srem` and a correction);
//! - float `//` and `%` are CPython's `float_divmod` / `float_rem` over an exact `fmod`
//!   ([`fmod`]); `float32` operands are widened to `f64` and the result rounded once, as the
//!   CPU backend's runtime calls do;
//! - float `**` is CPython's `float_pow` over libdevice's `pow` (C99 special cases, the same
//!   as CPython's), the sign for a negative base with an integral exponent applied here as
//!   CPython does;
//! - `math.hypot` is CPython's correctly rounded algorithm (`device-runtime/src/math.rs`),
//!   inline; `sqrt`, `fabs`, `floor`, `ceil`, `trunc` are exact PTX instructions.
//!
//! No floating-point operation carries fast-math flags, so LLVM neither reassociates nor
//! contracts `a * b + c` into an FMA (NVPTX only fuses when allowed to).

use inkwell::values::{BasicValueEnum, FloatValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};
use kiln_ir::{BinaryOp, MathFunction, Scalar, ScalarKind, Span};

use crate::emit::{Code, Emitter};
use crate::PtxError;

fn err(message: impl Into<String>, span: Span) -> PtxError {
    PtxError::new(message, span)
}

/// `left op right` for scalars of type `s`.
pub(crate) fn binary<'ctx>(
    e: &mut Emitter<'_, 'ctx>,
    op: BinaryOp,
    s: Scalar,
    l: BasicValueEnum<'ctx>,
    r: BasicValueEnum<'ctx>,
    span: Span,
) -> Result<BasicValueEnum<'ctx>, PtxError> {
    if let (BasicValueEnum::FloatValue(l), BasicValueEnum::FloatValue(r)) = (l, r) {
        return Ok(float_binary(e, op, l, r, span)?.into());
    }
    let (BasicValueEnum::IntValue(l), BasicValueEnum::IntValue(r)) = (l, r) else {
        return Err(err(format!("{op:?} on {s} is not supported in cuda kernels"), span));
    };
    let signed = s.kind == ScalarKind::Sint;
    let b = &e.b;
    Ok(match op {
        // Kernel int arithmetic wraps: the lowering made the overflow checks explicit.
        BinaryOp::Add | BinaryOp::WrappingAdd => b.build_int_add(l, r, "")?.into(),
        BinaryOp::Sub => b.build_int_sub(l, r, "")?.into(),
        BinaryOp::Mul => b.build_int_mul(l, r, "")?.into(),
        BinaryOp::BitAnd => b.build_and(l, r, "")?.into(),
        BinaryOp::BitOr => b.build_or(l, r, "")?.into(),
        BinaryOp::BitXor => b.build_xor(l, r, "")?.into(),
        // The lowering clamped the count to 0..=63 (a larger count shifts as 63 does).
        BinaryOp::Shl => b.build_left_shift(l, r, "")?.into(),
        BinaryOp::Shr => b.build_right_shift(l, r, signed, "")?.into(),
        BinaryOp::FloorDiv if signed => int_floordiv(e, l, r)?.into(),
        BinaryOp::Mod if signed => int_mod(e, l, r)?.into(),
        BinaryOp::FloorDiv => b.build_int_unsigned_div(l, r, "")?.into(),
        BinaryOp::Mod => b.build_int_unsigned_rem(l, r, "")?.into(),
        BinaryOp::AddOverflows | BinaryOp::SubOverflows | BinaryOp::MulOverflows => {
            let name = match (op, signed) {
                (BinaryOp::AddOverflows, true) => "llvm.sadd.with.overflow",
                (BinaryOp::AddOverflows, false) => "llvm.uadd.with.overflow",
                (BinaryOp::SubOverflows, true) => "llvm.ssub.with.overflow",
                (BinaryOp::SubOverflows, false) => "llvm.usub.with.overflow",
                (_, true) => "llvm.smul.with.overflow",
                (_, false) => "llvm.umul.with.overflow",
            };
            let f = e.intrinsic(name, &[l.get_type().into()])?;
            let pair = e.call(f, &[l.into(), r.into()])?.into_struct_value();
            e.b.build_extract_value(pair, 1, "overflows")?
        }
        // `int ** int` became a loop of checked multiplications in the lowering.
        BinaryOp::Pow | BinaryOp::Div => {
            return Err(err(format!("internal error: int {op:?} in a kernel (kernels must be lowered first)"), span))
        }
    })
}

/// Whether a truncated remainder must move toward negative infinity: it is non-zero and its
/// sign differs from the divisor's.
fn floor_adjust<'ctx>(
    e: &Code<'_, 'ctx>,
    rem: IntValue<'ctx>,
    divisor: IntValue<'ctx>,
) -> Result<IntValue<'ctx>, PtxError> {
    let zero = rem.get_type().const_zero();
    let nonzero = e.b.build_int_compare(IntPredicate::NE, rem, zero, "")?;
    let signs = e.b.build_xor(rem, divisor, "")?;
    let differ = e.b.build_int_compare(IntPredicate::SLT, signs, zero, "")?;
    Ok(e.b.build_and(nonzero, differ, "adjust")?)
}

/// Python's `l // r` on signed ints (`r != 0`, not `MIN // -1`: the lowering raised).
fn int_floordiv<'ctx>(e: &Code<'_, 'ctx>, l: IntValue<'ctx>, r: IntValue<'ctx>) -> Result<IntValue<'ctx>, PtxError> {
    let q = e.b.build_int_signed_div(l, r, "q")?;
    let rem = e.b.build_int_signed_rem(l, r, "rem")?;
    let adjust = floor_adjust(e, rem, r)?;
    // true sign-extends to -1.
    let adjust = e.b.build_int_s_extend(adjust, l.get_type(), "")?;
    Ok(e.b.build_int_add(q, adjust, "floordiv")?)
}

/// Python's `l % r` on signed ints (`r` is neither 0 nor -1: the lowering raised for 0 and
/// replaced -1 by 1, whose remainders are the same and which cannot trap).
fn int_mod<'ctx>(e: &Code<'_, 'ctx>, l: IntValue<'ctx>, r: IntValue<'ctx>) -> Result<IntValue<'ctx>, PtxError> {
    let rem = e.b.build_int_signed_rem(l, r, "rem")?;
    let adjust = floor_adjust(e, rem, r)?;
    let fixed = e.b.build_int_add(rem, r, "")?;
    Ok(e.b.build_select(adjust, fixed, rem, "mod")?.into_int_value())
}

fn to_f64<'ctx>(e: &Code<'_, 'ctx>, v: FloatValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError> {
    let f64t = e.ctx.f64_type();
    Ok(if v.get_type() == f64t { v } else { e.b.build_float_ext(v, f64t, "")? })
}

/// `v` (an `f64`) rounded to the float type `like` has.
fn narrow<'ctx>(e: &Code<'_, 'ctx>, v: FloatValue<'ctx>, like: FloatValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError> {
    Ok(if v.get_type() == like.get_type() { v } else { e.b.build_float_trunc(v, like.get_type(), "")? })
}

fn float_binary<'ctx>(
    e: &mut Emitter<'_, 'ctx>,
    op: BinaryOp,
    l: FloatValue<'ctx>,
    r: FloatValue<'ctx>,
    span: Span,
) -> Result<FloatValue<'ctx>, PtxError> {
    Ok(match op {
        BinaryOp::Add => e.b.build_float_add(l, r, "")?,
        BinaryOp::Sub => e.b.build_float_sub(l, r, "")?,
        BinaryOp::Mul => e.b.build_float_mul(l, r, "")?,
        // IEEE division (`div.rn`): the lowering raised for a zero divisor.
        BinaryOp::Div => e.b.build_float_div(l, r, "")?,
        BinaryOp::FloorDiv | BinaryOp::Mod | BinaryOp::Pow => {
            let (a, b) = (to_f64(e, l)?, to_f64(e, r)?);
            let v = match op {
                BinaryOp::FloorDiv => float_floordiv(e, a, b)?,
                BinaryOp::Mod => float_mod(e, a, b)?,
                _ => float_pow(e, a, b, span)?,
            };
            narrow(e, v, l)?
        }
        _ => return Err(err(format!("{op:?} on floats is not supported in cuda kernels"), span)),
    })
}

// ----- exact fmod and CPython's float `//` and `%` ---------------------------------------

fn f64c<'ctx>(e: &Code<'_, 'ctx>, v: f64) -> FloatValue<'ctx> {
    e.ctx.f64_type().const_float(v)
}

fn i64c<'ctx>(e: &Code<'_, 'ctx>, v: i64) -> IntValue<'ctx> {
    e.ctx.i64_type().const_int(v as u64, true)
}

fn copysign<'ctx>(
    e: &Code<'_, 'ctx>,
    magnitude: FloatValue<'ctx>,
    sign: FloatValue<'ctx>,
) -> Result<FloatValue<'ctx>, PtxError> {
    let f = e.intrinsic("llvm.copysign", &[magnitude.get_type().into()])?;
    Ok(e.call(f, &[magnitude.into(), sign.into()])?.into_float_value())
}

fn fabs<'ctx>(e: &Code<'_, 'ctx>, x: FloatValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError> {
    e.float_intrinsic("llvm.fabs", x)
}

fn bits<'ctx>(e: &Code<'_, 'ctx>, x: FloatValue<'ctx>) -> Result<IntValue<'ctx>, PtxError> {
    Ok(e.b.build_bit_cast(x, e.ctx.i64_type(), "")?.into_int_value())
}

fn from_bits<'ctx>(e: &Code<'_, 'ctx>, x: IntValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError> {
    Ok(e.b.build_bit_cast(x, e.ctx.f64_type(), "")?.into_float_value())
}

/// `2^k` for an `i64` `k` in `-1074..=1023` (subnormal powers included), as a double.
fn pow2<'ctx>(e: &Code<'_, 'ctx>, k: IntValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError> {
    let b = &e.b;
    let normal = b.build_int_compare(IntPredicate::SGE, k, i64c(e, -1022), "")?;
    let biased = b.build_left_shift(b.build_int_add(k, i64c(e, 1023), "")?, i64c(e, 52), "")?;
    // The `& 63` keeps the unused arm's shift defined.
    let sub_shift = b.build_and(b.build_int_add(k, i64c(e, 1074), "")?, i64c(e, 63), "")?;
    let subnormal = b.build_left_shift(i64c(e, 1), sub_shift, "")?;
    let pattern = b.build_select(normal, biased, subnormal, "")?.into_int_value();
    from_bits(e, pattern)
}

/// C's `fmod(x, y)`, exactly (the result is always representable): the integer
/// significands are reduced modulo each other 11 bits of exponent difference at a time,
/// so that `r << 11` stays below 2^64. NaN for a NaN operand, an infinite `x` or a zero `y`;
/// `x` itself when `|x| < |y|`.
pub(crate) fn fmod<'ctx>(
    e: &Code<'_, 'ctx>,
    x: FloatValue<'ctx>,
    y: FloatValue<'ctx>,
) -> Result<FloatValue<'ctx>, PtxError> {
    let b = &e.b;
    let i64t = e.ctx.i64_type();
    let f64t = e.ctx.f64_type();
    // |v| = m * 2^(ex - 1075) with the implicit bit in m, ex = 1 for subnormals.
    let parts = |v: FloatValue<'ctx>| -> Result<(IntValue<'ctx>, IntValue<'ctx>), PtxError> {
        let bv = bits(e, v)?;
        let biased = b.build_and(b.build_right_shift(bv, i64c(e, 52), false, "")?, i64c(e, 0x7ff), "")?;
        let fraction = b.build_and(bv, i64c(e, (1 << 52) - 1), "")?;
        let subnormal = b.build_int_compare(IntPredicate::EQ, biased, i64c(e, 0), "")?;
        let implicit = b.build_or(fraction, i64c(e, 1 << 52), "")?;
        let m = b.build_select(subnormal, fraction, implicit, "")?.into_int_value();
        let ex = b.build_select(subnormal, i64c(e, 1), biased, "")?.into_int_value();
        Ok((m, ex))
    };
    let (mx, ex) = parts(x)?;
    let (my, ey) = parts(y)?;
    let (ax, ay) = (fabs(e, x)?, fabs(e, y)?);
    let unordered = b.build_float_compare(FloatPredicate::UNO, x, y, "")?;
    let x_inf = b.build_float_compare(FloatPredicate::OEQ, ax, f64c(e, f64::INFINITY), "")?;
    let y_zero = b.build_float_compare(FloatPredicate::OEQ, ay, f64c(e, 0.0), "")?;
    let nan = b.build_or(b.build_or(unordered, x_inf, "")?, y_zero, "fmod.nan")?;
    let small = b.build_float_compare(FloatPredicate::OLT, ax, ay, "")?;
    let trivial = b.build_or(nan, small, "")?;
    let trivial_value = b.build_select(nan, f64c(e, f64::NAN), x, "")?.into_float_value();

    let start = e.current_block()?;
    let reduce = e.new_block("fmod.reduce");
    let head = e.new_block("fmod.loop");
    let body = e.new_block("fmod.step");
    let scale = e.new_block("fmod.scale");
    let done = e.new_block("fmod.done");
    b.build_conditional_branch(trivial, done, reduce)?;

    // Not trivial: |x| >= |y| > 0, both finite, so ex >= ey and my > 0.
    b.position_at_end(reduce);
    let r0 = b.build_int_unsigned_rem(mx, my, "")?;
    let d0 = b.build_int_sub(ex, ey, "")?;
    b.build_unconditional_branch(head)?;
    b.position_at_end(head);
    let r = b.build_phi(i64t, "r")?;
    let d = b.build_phi(i64t, "d")?;
    r.add_incoming(&[(&r0, reduce)]);
    d.add_incoming(&[(&d0, reduce)]);
    let (rv, dv) = (r.as_basic_value().into_int_value(), d.as_basic_value().into_int_value());
    let more = b.build_int_compare(IntPredicate::SGT, dv, i64c(e, 0), "")?;
    b.build_conditional_branch(more, body, scale)?;
    b.position_at_end(body);
    let short = b.build_int_compare(IntPredicate::SLT, dv, i64c(e, 11), "")?;
    let s = b.build_select(short, dv, i64c(e, 11), "")?.into_int_value();
    // r < my < 2^53, so r << 11 < 2^64.
    let r1 = b.build_int_unsigned_rem(b.build_left_shift(rv, s, "")?, my, "")?;
    let d1 = b.build_int_sub(dv, s, "")?;
    r.add_incoming(&[(&r1, body)]);
    d.add_incoming(&[(&d1, body)]);
    b.build_unconditional_branch(head)?;

    // The result is r * 2^(ey - 1075): r < 2^53 converts exactly, and the product is the
    // (representable) remainder, so it is exact too.
    b.position_at_end(scale);
    let rf = b.build_unsigned_int_to_float(rv, f64t, "")?;
    let factor = pow2(e, b.build_int_sub(ey, i64c(e, 1075), "")?)?;
    let magnitude = b.build_float_mul(rf, factor, "")?;
    let reduced = copysign(e, magnitude, x)?;
    b.build_unconditional_branch(done)?;

    b.position_at_end(done);
    let result = b.build_phi(f64t, "fmod")?;
    result.add_incoming(&[(&trivial_value, start), (&reduced, scale)]);
    Ok(result.as_basic_value().into_float_value())
}

/// The remainder `m = fmod(a, b)` moved to the sign of `b`, and whether it was moved
/// (CPython's `float_divmod`/`float_rem` share this step).
fn floor_mod<'ctx>(
    e: &Code<'_, 'ctx>,
    m: FloatValue<'ctx>,
    b_: FloatValue<'ctx>,
) -> Result<(IntValue<'ctx>, IntValue<'ctx>), PtxError> {
    let b = &e.b;
    // `if (mod)`: true for NaN as well.
    let nonzero = b.build_float_compare(FloatPredicate::UNE, m, f64c(e, 0.0), "")?;
    let b_neg = b.build_float_compare(FloatPredicate::OLT, b_, f64c(e, 0.0), "")?;
    let m_neg = b.build_float_compare(FloatPredicate::OLT, m, f64c(e, 0.0), "")?;
    let differ = b.build_xor(b_neg, m_neg, "")?;
    Ok((nonzero, b.build_and(nonzero, differ, "")?))
}

/// Python's `a % b` on floats (`b != 0`): CPython's `float_rem`.
pub(crate) fn float_mod<'ctx>(
    e: &Code<'_, 'ctx>,
    a: FloatValue<'ctx>,
    b_: FloatValue<'ctx>,
) -> Result<FloatValue<'ctx>, PtxError> {
    let m = fmod(e, a, b_)?;
    let (nonzero, adjust) = floor_mod(e, m, b_)?;
    let b = &e.b;
    let moved = b.build_float_add(m, b_, "")?;
    let m = b.build_select(adjust, moved, m, "")?.into_float_value();
    // A zero remainder takes the divisor's sign.
    let zero = copysign(e, f64c(e, 0.0), b_)?;
    Ok(e.b.build_select(nonzero, m, zero, "mod")?.into_float_value())
}

/// Python's `a // b` on floats (`b != 0`): CPython's `float_divmod`, whose quotient is
/// snapped to the nearest integer of the exact one.
pub(crate) fn float_floordiv<'ctx>(
    e: &Code<'_, 'ctx>,
    a: FloatValue<'ctx>,
    b_: FloatValue<'ctx>,
) -> Result<FloatValue<'ctx>, PtxError> {
    let m = fmod(e, a, b_)?;
    let b = &e.b;
    // a - m is (mathematically) a multiple of b; the division may be off by a rounding
    // error, which the snapping below removes.
    let div = b.build_float_div(b.build_float_sub(a, m, "")?, b_, "")?;
    let (_, adjust) = floor_mod(e, m, b_)?;
    let lowered = b.build_float_sub(div, f64c(e, 1.0), "")?;
    let div = b.build_select(adjust, lowered, div, "")?.into_float_value();
    let floor = e.float_intrinsic("llvm.floor", div)?;
    let frac = b.build_float_sub(div, floor, "")?;
    let up = b.build_float_compare(FloatPredicate::OGT, frac, f64c(e, 0.5), "")?;
    let raised = b.build_float_add(floor, f64c(e, 1.0), "")?;
    let snapped = b.build_select(up, raised, floor, "")?.into_float_value();
    // A zero quotient takes the sign of the true quotient.
    let zero = copysign(e, f64c(e, 0.0), b.build_float_div(a, b_, "")?)?;
    let nonzero = e.b.build_float_compare(FloatPredicate::UNE, div, f64c(e, 0.0), "")?;
    Ok(e.b.build_select(nonzero, snapped, zero, "floordiv")?.into_float_value())
}

/// Python's `a ** b` on floats, after the lowering's checks (no zero to a negative power,
/// no negative base to a fractional power): CPython's `float_pow`. libdevice's `pow` has
/// C99's special cases, which are CPython's; the sign of a negative base with an integral
/// exponent is applied here, as CPython does, rather than trusted to `pow`.
fn float_pow<'ctx>(
    e: &mut Emitter<'_, 'ctx>,
    a: FloatValue<'ctx>,
    b_: FloatValue<'ctx>,
    span: Span,
) -> Result<FloatValue<'ctx>, PtxError> {
    let (base, flip) = pow_base(e, a, b_)?;
    let r = e.libdevice("__nv_pow", &[base, b_], "float `**`", span)?;
    pow_sign(e, r, b_, flip)
}

/// The base `pow` gets for `a ** b` (`|a|` when `a < 0` and `b` is a finite integer), and
/// whether it was flipped.
pub(crate) fn pow_base<'ctx>(
    e: &Code<'_, 'ctx>,
    a: FloatValue<'ctx>,
    b_: FloatValue<'ctx>,
) -> Result<(FloatValue<'ctx>, IntValue<'ctx>), PtxError> {
    let negative = e.b.build_float_compare(FloatPredicate::OLT, a, f64c(e, 0.0), "")?;
    let finite = e.b.build_float_compare(FloatPredicate::OLT, fabs(e, b_)?, f64c(e, f64::INFINITY), "")?;
    let truncated = e.float_intrinsic("llvm.trunc", b_)?;
    let integral = e.b.build_float_compare(FloatPredicate::OEQ, truncated, b_, "")?;
    let flip = e.b.build_and(e.b.build_and(negative, finite, "")?, integral, "")?;
    let base = e.b.build_select(flip, e.b.build_float_neg(a, "")?, a, "")?.into_float_value();
    Ok((base, flip))
}

/// `pow(base, b)` negated when the base was flipped and `b` is odd.
pub(crate) fn pow_sign<'ctx>(
    e: &Code<'_, 'ctx>,
    r: FloatValue<'ctx>,
    b_: FloatValue<'ctx>,
    flip: IntValue<'ctx>,
) -> Result<FloatValue<'ctx>, PtxError> {
    // An integral b is odd when b != 2 * trunc(b / 2) (exact for every integral double).
    let half = e.b.build_float_mul(b_, f64c(e, 0.5), "")?;
    let twice = e.b.build_float_mul(e.float_intrinsic("llvm.trunc", half)?, f64c(e, 2.0), "")?;
    let odd = e.b.build_float_compare(FloatPredicate::UNE, twice, b_, "")?;
    let negate = e.b.build_and(flip, odd, "")?;
    let negated = e.b.build_float_neg(r, "")?;
    Ok(e.b.build_select(negate, negated, r, "pow")?.into_float_value())
}

// ----- the `math` module -----------------------------------------------------------------

/// `math.<function>(args)`; `result` is the expression's type. Arguments are computed in
/// `f64` (a `float32` argument is widened first) and the result converted to `result`.
pub(crate) fn math_function<'ctx>(
    e: &mut Emitter<'_, 'ctx>,
    function: MathFunction,
    args: &[BasicValueEnum<'ctx>],
    result: Scalar,
    span: Span,
) -> Result<BasicValueEnum<'ctx>, PtxError> {
    use MathFunction as M;
    if args.len() != function.arity() {
        return Err(err(format!("math.{} takes {} arguments", function.name(), function.arity()), span));
    }
    let mut xs = Vec::with_capacity(args.len());
    for a in args {
        match a {
            BasicValueEnum::FloatValue(v) => xs.push(to_f64(e, *v)?),
            _ => return Err(err(format!("math.{} of a non-float", function.name()), span)),
        }
    }
    let x = xs[0];
    let inf = f64c(e, f64::INFINITY);
    let value: FloatValue<'ctx> = match function {
        M::IsNan => return Ok(e.b.build_float_compare(FloatPredicate::UNO, x, x, "isnan")?.into()),
        M::IsInf => {
            let a = fabs(e, x)?;
            return Ok(e.b.build_float_compare(FloatPredicate::OEQ, a, inf, "isinf")?.into());
        }
        M::IsFinite => {
            let a = fabs(e, x)?;
            return Ok(e.b.build_float_compare(FloatPredicate::OLT, a, inf, "isfinite")?.into());
        }
        M::Floor | M::Ceil | M::Trunc => {
            let name = match function {
                M::Floor => "llvm.floor",
                M::Ceil => "llvm.ceil",
                _ => "llvm.trunc",
            };
            let v = e.float_intrinsic(name, x)?;
            // The lowering raised for NaN, infinities and values beyond 64 bits.
            let int = crate::emit::int_type(e.ctx, result.width)
                .ok_or_else(|| err(format!("math.{} to {result} is not supported", function.name()), span))?;
            return Ok(e.b.build_float_to_signed_int(v, int, "")?.into());
        }
        // IEEE square root (`sqrt.rn.f64`), exact like the C library's.
        M::Sqrt => e.float_intrinsic("llvm.sqrt", x)?,
        M::Fabs => fabs(e, x)?,
        M::Hypot => hypot(e, x, xs[1])?,
        _ => {
            let name = format!("__nv_{}", function.name());
            e.libdevice(&name, &xs, &format!("math.{}", function.name()), span)?
        }
    };
    Ok(match (result.kind, result.width) {
        (ScalarKind::Float, 4) => e.b.build_float_trunc(value, e.ctx.f32_type(), "")?.into(),
        _ => value.into(),
    })
}

/// Veltkamp split of `x` into `hi + lo`, each with at most 26 significant bits, so that
/// products of halves are exact.
fn split<'ctx>(e: &Code<'_, 'ctx>, x: FloatValue<'ctx>) -> Result<(FloatValue<'ctx>, FloatValue<'ctx>), PtxError> {
    let b = &e.b;
    let t = b.build_float_mul(x, f64c(e, 134_217_729.0), "")?; // 2^27 + 1
    let hi = b.build_float_sub(t, b.build_float_sub(t, x, "")?, "")?;
    Ok((hi, b.build_float_sub(x, hi, "")?))
}

/// Neumaier's compensated `sum += term`, the rounding error collected in `err`.
fn add_compensated<'ctx>(
    e: &Code<'_, 'ctx>,
    sum: &mut FloatValue<'ctx>,
    error: &mut FloatValue<'ctx>,
    term: FloatValue<'ctx>,
) -> Result<(), PtxError> {
    let b = &e.b;
    let old = *sum;
    *sum = b.build_float_add(old, term, "")?;
    *error = b.build_float_add(*error, b.build_float_add(b.build_float_sub(old, *sum, "")?, term, "")?, "")?;
    Ok(())
}

/// `math.hypot(x, y)`: CPython 3.11's correctly rounded algorithm, operation for operation
/// as `device-runtime/src/math.rs` has it (see there for the why). Both scalings are
/// computed and the right one selected, so the code has no branches.
pub(crate) fn hypot<'ctx>(
    e: &Code<'_, 'ctx>,
    x: FloatValue<'ctx>,
    y: FloatValue<'ctx>,
) -> Result<FloatValue<'ctx>, PtxError> {
    let b = &e.b;
    let (ax, ay) = (fabs(e, x)?, fabs(e, y)?);
    let inf = f64c(e, f64::INFINITY);
    let one = f64c(e, 1.0);
    let zero = f64c(e, 0.0);
    let infinite = b.build_or(
        b.build_float_compare(FloatPredicate::OEQ, ax, inf, "")?,
        b.build_float_compare(FloatPredicate::OEQ, ay, inf, "")?,
        "",
    )?;
    let nan = b.build_float_compare(FloatPredicate::UNO, ax, ay, "")?;
    let larger = b.build_float_compare(FloatPredicate::OGT, ax, ay, "")?;
    let max = b.build_select(larger, ax, ay, "")?.into_float_value();
    let max_zero = b.build_float_compare(FloatPredicate::OEQ, max, zero, "")?;

    // frexp's exponent of max: biased - 1022, or for a subnormal msb(fraction) - 1073.
    let bv = bits(e, max)?;
    let biased = b.build_and(b.build_right_shift(bv, i64c(e, 52), false, "")?, i64c(e, 0x7ff), "")?;
    let fraction = b.build_and(bv, i64c(e, (1 << 52) - 1), "")?;
    let ctlz = e.intrinsic("llvm.ctlz", &[e.ctx.i64_type().into()])?;
    let lz = e.call(ctlz, &[fraction.into(), e.ctx.bool_type().const_zero().into()])?.into_int_value();
    let msb = b.build_int_sub(i64c(e, 63), lz, "")?;
    let subnormal = b.build_int_compare(IntPredicate::EQ, biased, i64c(e, 0), "")?;
    let max_e = b
        .build_select(
            subnormal,
            b.build_int_sub(msb, i64c(e, 1073), "")?,
            b.build_int_sub(biased, i64c(e, 1022), "")?,
            "",
        )?
        .into_int_value();
    let tiny = b.build_int_compare(IntPredicate::SLT, max_e, i64c(e, -1023), "")?;

    // max_e < -1023: normalise by max itself.
    let (mut csum, mut e1) = (one, zero);
    for v in [ax, ay] {
        let q = b.build_float_div(v, max, "")?;
        add_compensated(e, &mut csum, &mut e1, b.build_float_mul(q, q, "")?)?;
    }
    let tiny_value = b.build_float_mul(
        max,
        e.float_intrinsic("llvm.sqrt", b.build_float_add(b.build_float_sub(csum, one, "")?, e1, "")?)?,
        "",
    )?;

    // Otherwise scale by 2^-max_e (max_e clamped to where the arm is the one selected).
    let clamped = b.build_select(tiny, i64c(e, 0), max_e, "")?.into_int_value();
    let scale = pow2(e, b.build_int_neg(clamped, "")?)?;
    let (mut csum, mut e1, mut e2, mut e3) = (one, zero, zero, zero);
    let two = f64c(e, 2.0);
    for v in [ax, ay] {
        let (hi, lo) = split(e, b.build_float_mul(v, scale, "")?)?;
        add_compensated(e, &mut csum, &mut e1, b.build_float_mul(hi, hi, "")?)?;
        add_compensated(e, &mut csum, &mut e2, b.build_float_mul(b.build_float_mul(two, hi, "")?, lo, "")?)?;
        e3 = b.build_float_add(e3, b.build_float_mul(lo, lo, "")?, "")?;
    }
    let errors = |e1: FloatValue<'ctx>, e2: FloatValue<'ctx>, e3: FloatValue<'ctx>| {
        b.build_float_add(b.build_float_add(e1, e2, "")?, e3, "")
    };
    let h =
        e.float_intrinsic("llvm.sqrt", b.build_float_add(b.build_float_sub(csum, one, "")?, errors(e1, e2, e3)?, "")?)?;
    let (hi, lo) = split(e, h)?;
    let minus_two = f64c(e, -2.0);
    add_compensated(e, &mut csum, &mut e1, b.build_float_mul(b.build_float_neg(hi, "")?, hi, "")?)?;
    add_compensated(e, &mut csum, &mut e2, b.build_float_mul(b.build_float_mul(minus_two, hi, "")?, lo, "")?)?;
    add_compensated(e, &mut csum, &mut e3, b.build_float_mul(b.build_float_neg(lo, "")?, lo, "")?)?;
    let resid = b.build_float_add(b.build_float_sub(csum, one, "")?, errors(e1, e2, e3)?, "")?;
    let corrected = b.build_float_add(h, b.build_float_div(resid, b.build_float_mul(two, h, "")?, "")?, "")?;
    let normal_value = b.build_float_div(corrected, scale, "")?;

    let v = b.build_select(tiny, tiny_value, normal_value, "")?.into_float_value();
    let v = b.build_select(max_zero, max, v, "")?.into_float_value();
    let v = b.build_select(nan, f64c(e, f64::NAN), v, "")?.into_float_value();
    Ok(b.build_select(infinite, inf, v, "hypot")?.into_float_value())
}

/// The arithmetic above is plain LLVM IR, so it runs on the host too: JIT-compiled there,
/// it is compared bit for bit with CPython's algorithms (as `device-runtime/src/math.rs`
/// writes them) on special and random operands.
#[cfg(test)]
mod tests {
    use super::*;
    use inkwell::context::Context;
    use inkwell::targets::{InitializationConfig, Target};
    use inkwell::OptimizationLevel;

    type Body =
        for<'a, 'ctx> fn(&Code<'a, 'ctx>, FloatValue<'ctx>, FloatValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError>;

    /// JIT-compiles `double f(double, double)` built by `body` for the host and calls it on
    /// every pair.
    fn run_f64(body: Body, pairs: &[(f64, f64)]) -> Vec<f64> {
        Target::initialize_native(&InitializationConfig::default()).expect("native target");
        let ctx = Context::create();
        let module = ctx.create_module("host_test");
        let f64t = ctx.f64_type();
        let llfn = module.add_function("f", f64t.fn_type(&[f64t.into(), f64t.into()], false), None);
        let b = ctx.create_builder();
        b.position_at_end(ctx.append_basic_block(llfn, "entry"));
        let code = Code { ctx: &ctx, module: &module, b, llfn };
        let x = llfn.get_nth_param(0).expect("x").into_float_value();
        let y = llfn.get_nth_param(1).expect("y").into_float_value();
        let r = body(&code, x, y).expect("builds");
        code.b.build_return(Some(&r)).expect("ret");
        module.verify().unwrap_or_else(|e| panic!("{}", e.to_string_lossy()));
        let ee = module.create_jit_execution_engine(OptimizationLevel::None).expect("JIT");
        // SAFETY: `f` is `double f(double, double)`, defined above.
        let f = unsafe { ee.get_function::<unsafe extern "C" fn(f64, f64) -> f64>("f") }.expect("f");
        // SAFETY: a pure function of two doubles.
        pairs.iter().map(|&(a, b)| unsafe { f.call(a, b) }).collect()
    }

    type IntBody =
        for<'a, 'ctx> fn(&Code<'a, 'ctx>, IntValue<'ctx>, IntValue<'ctx>) -> Result<IntValue<'ctx>, PtxError>;

    fn run_i64(body: IntBody, pairs: &[(i64, i64)]) -> Vec<i64> {
        Target::initialize_native(&InitializationConfig::default()).expect("native target");
        let ctx = Context::create();
        let module = ctx.create_module("host_test");
        let i64t = ctx.i64_type();
        let llfn = module.add_function("f", i64t.fn_type(&[i64t.into(), i64t.into()], false), None);
        let b = ctx.create_builder();
        b.position_at_end(ctx.append_basic_block(llfn, "entry"));
        let code = Code { ctx: &ctx, module: &module, b, llfn };
        let x = llfn.get_nth_param(0).expect("x").into_int_value();
        let y = llfn.get_nth_param(1).expect("y").into_int_value();
        let r = body(&code, x, y).expect("builds");
        code.b.build_return(Some(&r)).expect("ret");
        module.verify().unwrap_or_else(|e| panic!("{}", e.to_string_lossy()));
        let ee = module.create_jit_execution_engine(OptimizationLevel::None).expect("JIT");
        // SAFETY: `f` is `i64 f(i64, i64)`, defined above.
        let f = unsafe { ee.get_function::<unsafe extern "C" fn(i64, i64) -> i64>("f") }.expect("f");
        // SAFETY: a pure function of two ints.
        pairs.iter().map(|&(a, b)| unsafe { f.call(a, b) }).collect()
    }

    const SPECIAL: [f64; 26] = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        2.0,
        3.0,
        -7.0,
        0.1,
        3.5,
        -2.5,
        1e16,
        1e300,
        -1e300,
        1e-300,
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        9007199254740993.0,
    ];

    /// xorshift64*: reproducible operands without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        /// Any bit pattern (NaNs, infinities, subnormals included).
        fn any(&mut self) -> f64 {
            f64::from_bits(self.next())
        }
        /// A double of moderate magnitude, 2^-40 to 2^40, either sign.
        fn moderate(&mut self) -> f64 {
            let r = self.next();
            let exponent = 1023 - 40 + (r >> 52) % 81;
            f64::from_bits((r & (1 << 63)) | (exponent << 52) | (r & ((1 << 52) - 1)))
        }
        fn small_int(&mut self) -> f64 {
            (self.next() % 41) as f64 - 20.0
        }
    }

    fn operands(seed: u64) -> Vec<(f64, f64)> {
        let mut pairs = Vec::new();
        for &a in &SPECIAL {
            for &b in &SPECIAL {
                pairs.push((a, b));
            }
        }
        let mut rng = Rng(seed);
        for _ in 0..20_000 {
            pairs.push((rng.any(), rng.any()));
            pairs.push((rng.moderate(), rng.moderate()));
            pairs.push((rng.moderate(), rng.small_int()));
            pairs.push((rng.any(), rng.moderate()));
        }
        pairs
    }

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    fn check(name: &str, pairs: &[(f64, f64)], got: &[f64], want: impl Fn(f64, f64) -> f64) {
        for (&(a, b), &g) in pairs.iter().zip(got) {
            let w = want(a, b);
            assert!(same(g, w), "{name}({a:e}, {b:e}) = {g:e}, CPython's is {w:e}");
        }
    }

    #[test]
    fn fmod_is_exact() {
        let pairs = operands(1);
        let got = run_f64(fmod, &pairs);
        // Rust's `%` is C's `fmod`.
        check("fmod", &pairs, &got, |a, b| a % b);
    }

    #[test]
    fn float_floordiv_and_mod_are_cpythons() {
        let pairs: Vec<_> = operands(2).into_iter().filter(|&(_, b)| b != 0.0).collect();
        let got = run_f64(float_floordiv, &pairs);
        // The reference is the CPU runtime's implementation of CPython's `float_divmod`.
        check("floordiv", &pairs, &got, kiln_runtime::math::float_floordiv);
        let got = run_f64(float_mod, &pairs);
        check("mod", &pairs, &got, kiln_runtime::math::float_mod);
    }

    /// CPython's `float_pow` without its errors (the lowering raises them), over the C
    /// library's `pow`, which libdevice's `pow` stands for here.
    fn cpython_pow(a: f64, b: f64) -> f64 {
        let odd = |x: f64| x.abs() % 2.0 == 1.0;
        if b == 0.0 {
            return 1.0;
        }
        if a.is_nan() {
            return a;
        }
        if b.is_nan() {
            return if a == 1.0 { 1.0 } else { b };
        }
        if b.is_infinite() {
            let aa = a.abs();
            return if aa == 1.0 {
                1.0
            } else if (b > 0.0) == (aa > 1.0) {
                b.abs()
            } else {
                0.0
            };
        }
        if a.is_infinite() {
            return if b > 0.0 {
                if odd(b) {
                    a
                } else {
                    a.abs()
                }
            } else if odd(b) {
                0.0f64.copysign(a)
            } else {
                0.0
            };
        }
        if a == 0.0 {
            return if odd(b) { a } else { 0.0 };
        }
        let (mut base, mut negate) = (a, false);
        if base < 0.0 {
            base = -base;
            negate = odd(b);
        }
        if base == 1.0 {
            return if negate { -1.0 } else { 1.0 };
        }
        let r = base.powf(b);
        if negate {
            -r
        } else {
            r
        }
    }

    #[test]
    fn float_pow_is_cpythons() {
        // Without the operands the lowering turns into exceptions.
        let pairs: Vec<_> = operands(3)
            .into_iter()
            .filter(|&(a, b)| {
                let zero_to_negative = a == 0.0 && b < 0.0;
                let complex = a < 0.0 && b.is_finite() && b != b.floor();
                !zero_to_negative && !complex
            })
            .collect();
        let got = run_f64(
            |c, x, y| {
                let (base, flip) = pow_base(c, x, y)?;
                let pow = c.intrinsic("llvm.pow", &[c.ctx.f64_type().into()])?;
                let r = c.call(pow, &[base.into(), y.into()])?.into_float_value();
                pow_sign(c, r, y, flip)
            },
            &pairs,
        );
        check("pow", &pairs, &got, cpython_pow);
        assert_eq!(cpython_pow(-2.0, 3.0), -8.0);
    }

    #[test]
    fn hypot_is_cpythons() {
        let mut pairs = operands(4);
        // Both below 2^-1023, where CPython normalises by the larger one.
        pairs.extend([(5e-324, 1e-323), (1e-310, 3e-310), (-2e-320, 0.0), (1e-308, 1e-310)]);
        let got = run_f64(hypot, &pairs);
        // The reference is the CPU runtime's port of CPython 3.11's `math.hypot`.
        check("hypot", &pairs, &got, kiln_runtime::math::hypot);
    }

    #[test]
    fn int_floordiv_and_mod_round_toward_negative_infinity() {
        let values = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, i64::MAX, i64::MIN, i64::MIN + 1, 1 << 40, -(1 << 40)];
        let mut pairs = Vec::new();
        for &a in &values {
            for &b in &values {
                // The lowering raised for a zero divisor, for MIN // -1, and replaced a -1
                // modulus by 1.
                if b != 0 && b != -1 {
                    pairs.push((a, b));
                }
            }
        }
        let floor = |a: i64, b: i64| {
            let (q, r) = (a / b, a % b);
            if r != 0 && (r < 0) != (b < 0) {
                q - 1
            } else {
                q
            }
        };
        let modulo = |a: i64, b: i64| {
            let r = a % b;
            if r != 0 && (r < 0) != (b < 0) {
                r + b
            } else {
                r
            }
        };
        let got = run_i64(int_floordiv, &pairs);
        for (&(a, b), &g) in pairs.iter().zip(&got) {
            assert_eq!(g, floor(a, b), "{a} // {b}");
        }
        let got = run_i64(int_mod, &pairs);
        for (&(a, b), &g) in pairs.iter().zip(&got) {
            assert_eq!(g, modulo(a, b), "{a} % {b}");
        }
        assert_eq!(floor(-7, 2), -4);
        assert_eq!(modulo(-7, 2), 1);
    }
}

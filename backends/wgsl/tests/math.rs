//! `math` functions on the GPU against Rust's (the platform libm, as CPython uses).

mod common;

use common::{compile, launch, Arg, Kb};
use kiln_ir::{MathFunction, Scalar};

/// Distance in units in the last place.
fn ulps(a: f64, b: f64) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    if a.is_nan() || b.is_nan() || a.signum() != b.signum() {
        return u64::MAX;
    }
    a.to_bits().abs_diff(b.to_bits())
}

/// A deterministic spread of test arguments: small, medium, large, both signs.
fn sample(n: usize, lo: f64, hi: f64, seed: u64) -> Vec<f64> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            lo + (hi - lo) * ((s >> 11) as f64 / (1u64 << 53) as f64)
        })
        .collect()
}

/// Runs `function` of `x` (and `y`) over the inputs; returns the GPU's results.
fn run_f64(function: MathFunction, xs: &[f64], ys: Option<&[f64]>) -> Option<Vec<f64>> {
    let mut k = Kb::new("m");
    let x = k.array_param("x", Scalar::F64);
    let y = ys.map(|_| k.array_param("y", Scalar::F64));
    let out = k.array_param("out", Scalar::F64);
    let i = k.global_x();
    let n = k.len(x);
    let inside = k.cmp(kiln_ir::CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let xi = k.index(x, i);
        let mut args = vec![xi];
        if let Some(y) = y {
            args.push(k.index(y, i));
        }
        let v = k.math(function, &args);
        k.store_index(out, i, v);
    });
    let wgsl = compile(k);
    let mut args = vec![Arg::F64s(xs.to_vec())];
    if let Some(ys) = ys {
        args.push(Arg::F64s(ys.to_vec()));
    }
    args.push(Arg::F64s(vec![0.0; xs.len()]));
    let grid = (xs.len() as u32).div_ceil(64);
    let err = launch(&wgsl, &mut args, [grid, 1, 1], [64, 1, 1])?;
    assert_eq!(err, u32::MAX);
    Some(args.last().expect("out").f64s().to_vec())
}

fn check_f64(function: MathFunction, xs: &[f64], reference: fn(f64) -> f64, max_ulps: u64) {
    let Some(got) = run_f64(function, xs, None) else { return };
    let mut worst = (0, 0.0, 0.0, 0.0);
    for (&x, &g) in xs.iter().zip(&got) {
        let r = reference(x);
        let u = ulps(g, r);
        if u > worst.0 {
            worst = (u, x, g, r);
        }
    }
    println!("{:6} worst {} ulp at {:e}: {:e} vs {:e}", function.name(), worst.0, worst.1, worst.2, worst.3);
    assert!(
        worst.0 <= max_ulps,
        "{}({:e}) = {:e}, expected {:e} ({} ulp)",
        function.name(),
        worst.1,
        worst.2,
        worst.3,
        worst.0
    );
}

fn check_f64_2(function: MathFunction, xs: &[f64], ys: &[f64], reference: fn(f64, f64) -> f64, max_ulps: u64) {
    let Some(got) = run_f64(function, xs, Some(ys)) else { return };
    let mut worst = (0, 0.0, 0.0, 0.0, 0.0);
    for ((&x, &y), &g) in xs.iter().zip(ys).zip(&got) {
        let r = reference(x, y);
        let u = ulps(g, r);
        if u > worst.0 {
            worst = (u, x, y, g, r);
        }
    }
    println!(
        "{:6} worst {} ulp at ({:e}, {:e}): {:e} vs {:e}",
        function.name(),
        worst.0,
        worst.1,
        worst.2,
        worst.3,
        worst.4
    );
    assert!(
        worst.0 <= max_ulps,
        "{}({:e}, {:e}) = {:e}, expected {:e} ({} ulp)",
        function.name(),
        worst.1,
        worst.2,
        worst.3,
        worst.4,
        worst.0
    );
}

fn with_specials(mut v: Vec<f64>, specials: &[f64]) -> Vec<f64> {
    v.extend_from_slice(specials);
    v
}

#[test]
fn f64_exp_log() {
    use MathFunction as F;
    let xs = with_specials(sample(2000, -745.0, 709.7, 1), &[0.0, -0.0, 1.0, -1.0, 1e-300, 709.78, -745.1, 1e-20]);
    check_f64(F::Exp, &xs, f64::exp, 1);
    let xs = with_specials(sample(2000, -40.0, 40.0, 2), &[0.0, 1e-10, -1e-10, 1e-300, 700.0, -700.0, 0.5, -0.5]);
    check_f64(F::Expm1, &xs, f64::exp_m1, 3);
    let mut pos: Vec<f64> = sample(2000, -300.0, 300.0, 3).iter().map(|e| 10f64.powf(*e)).collect();
    pos.extend([1.0, 2.0, 8.0, 10.0, 1000.0, 1e-310, 5e-324, f64::MAX, 0.5, 0.999999999, 1.0000001, 1e22]);
    check_f64(F::Log, &pos, f64::ln, 1);
    check_f64(F::Log2, &pos, f64::log2, 1);
    check_f64(F::Log10, &pos, f64::log10, 1);
    let xs = with_specials(sample(2000, -0.999, 1e6, 4), &[0.0, 1e-18, -1e-18, 1e-300, 1e300, -0.5]);
    check_f64(F::Log1p, &xs, f64::ln_1p, 3);
}

#[test]
fn f64_trig() {
    use MathFunction as F;
    let xs = with_specials(
        sample(3000, -1e6, 1e6, 5),
        &[
            0.0,
            -0.0,
            1e-300,
            0.1,
            0.5,
            1.0,
            3.0,
            std::f64::consts::FRAC_PI_2,
            std::f64::consts::PI,
            std::f64::consts::TAU,
            100.0,
            1e5,
        ],
    );
    let small = sample(2000, -10.0, 10.0, 6);
    for xs in [&xs, &small] {
        check_f64(F::Sin, xs, f64::sin, 1);
        check_f64(F::Cos, xs, f64::cos, 1);
        check_f64(F::Tan, xs, f64::tan, 2);
    }
    let unit = with_specials(sample(2000, -1.0, 1.0, 7), &[1.0, -1.0, 0.0, -0.0, 0.5, -0.5, 0.975, 1e-20, 0.9999999]);
    check_f64(F::Asin, &unit, f64::asin, 1);
    check_f64(F::Acos, &unit, f64::acos, 1);
    let xs = with_specials(sample(2000, -100.0, 100.0, 8), &[0.0, -0.0, 1e300, -1e300, 0.4375, 2.4375, 1e-300]);
    check_f64(F::Atan, &xs, f64::atan, 1);
    let ys = sample(2000, -100.0, 100.0, 9);
    let xs2 = sample(2000, -100.0, 100.0, 10);
    let mut ys =
        with_specials(ys, &[0.0, -0.0, 0.0, -0.0, 1.0, -1.0, 1e300, 1.0, f64::INFINITY, f64::NEG_INFINITY, 1.0]);
    let mut xs2 = with_specials(
        xs2,
        &[1.0, 1.0, -1.0, -1.0, 0.0, 0.0, 1e-300, f64::INFINITY, 2.0, f64::NEG_INFINITY, f64::NEG_INFINITY],
    );
    ys.push(2.5);
    xs2.push(1.0);
    check_f64_2(F::Atan2, &ys, &xs2, f64::atan2, 1);
}

#[test]
fn f64_hyperbolic_pow_hypot() {
    use MathFunction as F;
    let xs = with_specials(sample(2000, -710.0, 710.0, 11), &[0.0, -0.0, 1e-10, -1e-10, 0.5, 1.0, 22.0, -30.0]);
    check_f64(F::Sinh, &xs, f64::sinh, 3);
    check_f64(F::Cosh, &xs, f64::cosh, 2);
    let xs = with_specials(sample(2000, -25.0, 25.0, 12), &[0.0, -0.0, 1e-10, 0.5, 1.0, 22.0, -30.0]);
    check_f64(F::Tanh, &xs, f64::tanh, 3);
    let bases: Vec<f64> = sample(3000, -5.0, 5.0, 13).iter().map(|e| 10f64.powf(*e)).collect();
    let exps = sample(3000, -60.0, 60.0, 14);
    let mut bases = with_specials(bases, &[2.0, 2.0, 10.0, 0.5, 1e-310, 0.0, 0.0, 7.0, 1.0000001, 2.0, 3.0]);
    let mut exps = with_specials(exps, &[0.5, 1023.0, 22.0, -1074.0, 0.5, 3.0, -2.0, 1.0, 1e10, -1075.0, 1e300]);
    // Negative bases with integral exponents.
    bases.extend([-2.0, -2.0, -0.0, -3.5, -1e-5]);
    exps.extend([3.0, 4.0, 3.0, -7.0, 11.0]);
    check_f64_2(F::Pow, &bases, &exps, f64::powf, 1);
    let xs = with_specials(sample(2000, -1e10, 1e10, 15), &[0.0, 3.0, 1e300, 1e-300, f64::INFINITY, f64::NAN]);
    let ys = with_specials(sample(2000, -1e3, 1e3, 16), &[0.0, 4.0, 1e300, 1e-300, f64::NAN, f64::INFINITY]);
    check_f64_2(F::Hypot, &xs, &ys, f64::hypot, 2);
}

#[test]
fn f64_native_and_classification() {
    use MathFunction as F;
    let xs = with_specials(sample(500, -1e6, 1e6, 17), &[0.0, -0.0, 2.5, -2.5, 1e15 + 0.5]);
    let pos: Vec<f64> = xs.iter().map(|x| x.abs()).collect();
    check_f64(F::Sqrt, &pos, f64::sqrt, 0);
    check_f64(F::Fabs, &xs, f64::abs, 0);
    // floor/ceil/trunc return ints.
    let mut k = Kb::new("rounding");
    let x = k.array_param("x", Scalar::F64);
    let outs: Vec<_> = ["fl", "ce", "tr"].iter().map(|n| k.array_param(n, Scalar::I64)).collect();
    let flags: Vec<_> = ["nan", "inf", "fin"].iter().map(|n| k.array_param(n, Scalar::BOOL)).collect();
    let i = k.global_x();
    let xi = k.index(x, i);
    for (f, o) in [F::Floor, F::Ceil, F::Trunc].iter().zip(&outs) {
        let v = k.math(*f, &[xi]);
        k.store_index(*o, i, v);
    }
    for (f, o) in [F::IsNan, F::IsInf, F::IsFinite].iter().zip(&flags) {
        let v = k.math(*f, &[xi]);
        k.store_index(*o, i, v);
    }
    let wgsl = compile(k);
    let vals = vec![2.5, -2.5, 0.0, -0.0, 1e15 + 0.5, -7.0, f64::NAN, f64::INFINITY];
    let n = vals.len();
    let mut args = vec![Arg::F64s(vals.clone())];
    args.extend((0..3).map(|_| Arg::I64s(vec![0; n])));
    args.extend((0..3).map(|_| Arg::Bools(vec![false; n])));
    let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [n as u32, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    let finite = &vals[..6];
    assert_eq!(&args[1].i64s()[..6], &finite.iter().map(|v| v.floor() as i64).collect::<Vec<_>>()[..]);
    assert_eq!(&args[2].i64s()[..6], &finite.iter().map(|v| v.ceil() as i64).collect::<Vec<_>>()[..]);
    assert_eq!(&args[3].i64s()[..6], &finite.iter().map(|v| v.trunc() as i64).collect::<Vec<_>>()[..]);
    assert_eq!(args[4].bools(), &vals.iter().map(|v| v.is_nan()).collect::<Vec<_>>()[..]);
    assert_eq!(args[5].bools(), &vals.iter().map(|v| v.is_infinite()).collect::<Vec<_>>()[..]);
    assert_eq!(args[6].bools(), &vals.iter().map(|v| v.is_finite()).collect::<Vec<_>>()[..]);
}

//! Kernels compiled to WGSL and run on a wgpu adapter (lavapipe in CI), compared with values
//! computed in Rust.

mod common;

use common::{compile, launch, Arg, Kb};
use kiln_ir::{AtomicOp, Axis, BinaryOp, CompareOp, ExceptionKind, GpuBuiltin, MathFunction, Scalar};

fn saxpy() -> Kb {
    let mut k = Kb::new("saxpy");
    let a = k.scalar_param("a", Scalar::F64);
    let x = k.array_param("x", Scalar::F64);
    let y = k.array_param("y", Scalar::F64);
    let out = k.array_param("out", Scalar::F64);
    let i = k.global_x();
    let n = k.len(x);
    let inside = k.cmp(CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let xi = k.index(x, i);
        let yi = k.index(y, i);
        let ax = k.bin(BinaryOp::Mul, a, xi);
        let v = k.bin(BinaryOp::Add, ax, yi);
        k.store_index(out, i, v);
    });
    k
}

#[test]
fn saxpy_f64() {
    let wgsl = compile(saxpy());
    let n = 1000;
    let xs: Vec<f64> = (0..n).map(|i| i as f64 * 0.5).collect();
    let ys: Vec<f64> = (0..n).map(|i| 1.0 / (i as f64 + 1.0)).collect();
    let mut args = [Arg::F64(2.5), Arg::F64s(xs.clone()), Arg::F64s(ys.clone()), Arg::F64s(vec![0.0; n])];
    let Some(err) = launch(&wgsl, &mut args, [(n as u32).div_ceil(64), 1, 1], [64, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    let expected: Vec<f64> = xs.iter().zip(&ys).map(|(x, y)| 2.5 * x + y).collect();
    assert_eq!(args[3].f64s(), &expected[..]);
}

/// Python's `//` and `%` on ints.
fn py_divmod(a: i64, b: i64) -> (i64, i64) {
    let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
    if r != 0 && ((r < 0) != (b < 0)) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// CPython's float `divmod` (what `kiln_rt_float_floordiv` / `kiln_rt_float_mod` compute).
fn py_float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `q[i] = a[i] // b[i]; r[i] = a[i] % b[i]` over arrays of `elem`.
fn divmod_kernel(elem: Scalar) -> String {
    let mut k = Kb::new("divmod");
    let a = k.array_param("a", elem);
    let b = k.array_param("b", elem);
    let q = k.array_param("q", elem);
    let r = k.array_param("r", elem);
    let i = k.global_x();
    let n = k.len(a);
    let inside = k.cmp(CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let ai = k.index(a, i);
        let bi = k.index(b, i);
        let qv = k.bin(BinaryOp::FloorDiv, ai, bi);
        let rv = k.bin(BinaryOp::Mod, ai, bi);
        k.store_index(q, i, qv);
        k.store_index(r, i, rv);
    });
    compile(k)
}

#[test]
fn int_floordiv_mod_python_semantics() {
    let wgsl = divmod_kernel(Scalar::I64);
    let mut a = Vec::new();
    let mut b = Vec::new();
    let nums = [0, 1, -1, 7, -7, 6, -6, 13, -13, 100, -100, i64::MAX, i64::MIN, i64::MIN + 1, 1 << 40, -(1 << 40) - 3];
    let dens = [1, -1, 2, -2, 3, -3, 7, -7, 10, -10, i64::MAX, i64::MIN, 1 << 33, -(1 << 33) + 1];
    for &x in &nums {
        for &y in &dens {
            if !(x == i64::MIN && y == -1) {
                a.push(x);
                b.push(y);
            }
        }
    }
    let n = a.len();
    let mut args = [Arg::I64s(a.clone()), Arg::I64s(b.clone()), Arg::I64s(vec![0; n]), Arg::I64s(vec![0; n])];
    let Some(err) = launch(&wgsl, &mut args, [(n as u32).div_ceil(32), 1, 1], [32, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    for i in 0..n {
        let (q, r) = py_divmod(a[i], b[i]);
        assert_eq!((args[2].i64s()[i], args[3].i64s()[i]), (q, r), "divmod({}, {})", a[i], b[i]);
    }
}

#[test]
fn float_floordiv_mod_python_semantics() {
    let vals = [0.0, -0.0, 1.0, -1.0, 7.5, -7.5, 0.1, -0.1, 5.3, -5.3, 1e300, -1e-300, 3.0, 1e17, 2.5e-8, 123456.789];
    let mut a = Vec::new();
    let mut b = Vec::new();
    for &x in &vals {
        for &y in &vals {
            if y != 0.0 {
                a.push(x);
                b.push(y);
            }
        }
    }
    a.extend([f64::INFINITY, -5.0, 5.0, f64::NAN]);
    b.extend([2.0, f64::INFINITY, f64::NEG_INFINITY, 3.0]);
    let n = a.len();
    for (elem, to_arg) in [
        (Scalar::F64, (|v: &[f64]| Arg::F64s(v.to_vec())) as fn(&[f64]) -> Arg),
        (Scalar::F32, |v: &[f64]| Arg::F32s(v.iter().map(|x| *x as f32).collect())),
    ] {
        let wgsl = divmod_kernel(elem);
        let mut args = [to_arg(&a), to_arg(&b), to_arg(&vec![0.0; n]), to_arg(&vec![0.0; n])];
        let Some(err) = launch(&wgsl, &mut args, [(n as u32).div_ceil(32), 1, 1], [32, 1, 1]) else { return };
        assert_eq!(err, u32::MAX);
        for i in 0..n {
            let (got_q, got_r, (q, r)) = if elem == Scalar::F64 {
                (args[2].f64s()[i], args[3].f64s()[i], py_float_divmod(a[i], b[i]))
            } else {
                let (x, y) = (a[i] as f32, b[i] as f32);
                let (q, r) = py_float_divmod(x.into(), y.into());
                (args[2].f32s()[i].into(), args[3].f32s()[i].into(), ((q as f32).into(), (r as f32).into()))
            };
            let same = |g: f64, e: f64| g.to_bits() == e.to_bits() || (g.is_nan() && e.is_nan());
            assert!(
                same(got_q, q) && same(got_r, r),
                "{elem}: divmod({}, {}) = ({got_q:?}, {got_r:?}), expected ({q:?}, {r:?})",
                a[i],
                b[i]
            );
        }
    }
}

#[test]
fn block_reduction_with_barriers_and_shared_memory() {
    const BLOCK: u32 = 64;
    let mut k = Kb::new("block_sum");
    let x = k.array_param("x", Scalar::I64);
    let out = k.array_param("out", Scalar::I64);
    let sh = k.shared(Scalar::I64, BLOCK);
    let t = k.builtin(GpuBuiltin::ThreadIndex(Axis::X));
    let i = k.global_x();
    let n = k.len(x);
    let inside = k.cmp(CompareOp::Lt, i, n);
    let v = k.local("v", Scalar::I64);
    let zero = k.i64(0);
    k.store(v, zero);
    k.when(inside, |k| {
        let xi = k.index(x, i);
        k.store(v, xi);
    });
    let vv = k.load(v);
    k.store_index(sh, t, vv);
    k.barrier();
    // s = block.dim // 2; while s > 0: if t < s: sh[t] += sh[t + s]; barrier; s //= 2
    let s = k.local("s", Scalar::I64);
    let dim = k.builtin(GpuBuiltin::BlockDim(Axis::X));
    let two = k.i64(2);
    let half = k.bin(BinaryOp::FloorDiv, dim, two);
    k.store(s, half);
    k.loop_(|k| {
        let sv = k.load(s);
        let zero = k.i64(0);
        let done = k.cmp(CompareOp::Le, sv, zero);
        k.when(done, |k| k.brk());
        let lower = k.cmp(CompareOp::Lt, t, sv);
        k.when(lower, |k| {
            let a = k.index(sh, t);
            let j = k.bin(BinaryOp::Add, t, sv);
            let b = k.index(sh, j);
            let c = k.bin(BinaryOp::Add, a, b);
            k.store_index(sh, t, c);
        });
        k.barrier();
        let two = k.i64(2);
        let next = k.bin(BinaryOp::FloorDiv, sv, two);
        k.store(s, next);
    });
    let zero = k.i64(0);
    let first = k.cmp(CompareOp::Eq, t, zero);
    k.when(first, |k| {
        let total = k.index(sh, zero);
        let b = k.builtin(GpuBuiltin::BlockIndex(Axis::X));
        k.store_index(out, b, total);
    });
    let wgsl = compile(k);
    let n = 1000usize;
    let xs: Vec<i64> = (0..n as i64).map(|i| i * i - 300).collect();
    let blocks = (n as u32).div_ceil(BLOCK);
    let mut args = [Arg::I64s(xs.clone()), Arg::I64s(vec![0; blocks as usize])];
    let Some(err) = launch(&wgsl, &mut args, [blocks, 1, 1], [BLOCK, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    let expected: Vec<i64> = xs.chunks(BLOCK as usize).map(|c| c.iter().sum()).collect();
    assert_eq!(args[1].i64s(), &expected[..]);
}

#[test]
fn int_atomic_histogram_min_max() {
    let mut k = Kb::new("histogram");
    let data = k.array_param("data", Scalar::I64);
    let hist = k.array_param("hist", Scalar::I64);
    let extremes = k.array_param("extremes", Scalar::I64);
    let olds = k.array_param("olds", Scalar::I64);
    let i = k.global_x();
    let n = k.len(data);
    let inside = k.cmp(CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let d = k.index(data, i);
        let bins = k.len(hist);
        let bin = k.bin(BinaryOp::Mod, d, bins);
        let one = k.i64(1);
        let old = k.atomic(AtomicOp::Add, hist, bin, one);
        k.store_index(olds, i, old);
        let zero = k.i64(0);
        let one = k.i64(1);
        k.atomic(AtomicOp::Min, extremes, zero, d);
        k.atomic(AtomicOp::Max, extremes, one, d);
        // A plain read of an atomic array is an atomicLoad.
        let _ = k.index(hist, zero);
    });
    let wgsl = compile(k);
    assert!(wgsl.contains("atomic<i64>"), "{wgsl}");
    let n = 5000usize;
    let data: Vec<i64> = (0..n as i64).map(|i| (i * 7919) % 1009 - 500).collect();
    let bins = 16usize;
    let mut args = [
        Arg::I64s(data.clone()),
        Arg::I64s(vec![0; bins]),
        Arg::I64s(vec![i64::MAX, i64::MIN]),
        Arg::I64s(vec![-1; n]),
    ];
    let Some(err) = launch(&wgsl, &mut args, [(n as u32).div_ceil(128), 1, 1], [128, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    let mut expected = vec![0i64; bins];
    for d in &data {
        expected[py_divmod(*d, bins as i64).1 as usize] += 1;
    }
    assert_eq!(args[1].i64s(), &expected[..]);
    assert_eq!(args[2].i64s(), &[*data.iter().min().unwrap(), *data.iter().max().unwrap()]);
    // The old values returned to the threads of each bin are 0, 1, ..., count - 1.
    for (bin, &count) in expected.iter().enumerate() {
        let mut olds: Vec<i64> = data
            .iter()
            .zip(args[3].i64s())
            .filter(|(d, _)| py_divmod(**d, bins as i64).1 == bin as i64)
            .map(|(_, o)| *o)
            .collect();
        olds.sort();
        assert_eq!(olds, (0..count).collect::<Vec<_>>());
    }
}

#[test]
fn float_atomics() {
    for elem in [Scalar::F64, Scalar::F32] {
        let mut k = Kb::new("float_atomics");
        let x = k.array_param("x", elem);
        let acc = k.array_param("acc", elem);
        let i = k.global_x();
        let n = k.len(x);
        let inside = k.cmp(CompareOp::Lt, i, n);
        k.when(inside, |k| {
            let xi = k.index(x, i);
            let zero = k.i64(0);
            let one = k.i64(1);
            let two = k.i64(2);
            k.atomic(AtomicOp::Add, acc, zero, xi);
            k.atomic(AtomicOp::Min, acc, one, xi);
            k.atomic(AtomicOp::Max, acc, two, xi);
        });
        // acc[3] is plain-stored (an atomicStore of the bits) by thread 0.
        let zero = k.i64(0);
        let first = k.cmp(CompareOp::Eq, i, zero);
        k.when(first, |k| {
            let three = k.i64(3);
            let v = if elem == Scalar::F64 { k.f64(-2.5) } else { k.f32(-2.5) };
            k.store_index(acc, three, v);
        });
        let wgsl = compile(k);
        let n = 3000usize;
        // Multiples of 1/4 with small sums: exact in any order.
        let xs: Vec<f64> = (0..n).map(|i| ((i * 37) % 101) as f64 * 0.25 - 12.0).collect();
        let sum: f64 = xs.iter().sum();
        let (min, max) =
            (xs.iter().copied().fold(f64::INFINITY, f64::min), xs.iter().copied().fold(f64::NEG_INFINITY, f64::max));
        let init = [0.0, 1e30, -1e30, 0.0];
        let mut args = if elem == Scalar::F64 {
            [Arg::F64s(xs.clone()), Arg::F64s(init.to_vec())]
        } else {
            [Arg::F32s(xs.iter().map(|x| *x as f32).collect()), Arg::F32s(init.iter().map(|x| *x as f32).collect())]
        };
        let Some(err) = launch(&wgsl, &mut args, [(n as u32).div_ceil(64), 1, 1], [64, 1, 1]) else { return };
        assert_eq!(err, u32::MAX);
        let got: Vec<f64> = match &args[1] {
            Arg::F64s(v) => v.clone(),
            Arg::F32s(v) => v.iter().map(|x| f64::from(*x)).collect(),
            _ => unreachable!(),
        };
        assert_eq!(got, vec![sum, min, max, -2.5], "{elem}");
    }
}

/// A kernel with two error sites: site 0 when x[i] < 0, site 1 when x[i] > 100 (both
/// "raise" after recording), and a write of x[i] + 1 to out[i] otherwise.
fn error_sites_kernel(with_barrier: bool) -> String {
    let mut k = Kb::new("checked");
    let x = k.array_param("x", Scalar::I64);
    let out = k.array_param("out", Scalar::I64);
    let i = k.global_x();
    let n = k.len(x);
    let inside = k.cmp(CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let xi = k.index(x, i);
        let zero = k.i64(0);
        let negative = k.cmp(CompareOp::Lt, xi, zero);
        k.when(negative, |k| k.raise(ExceptionKind::IndexError, "list index out of range"));
        let hundred = k.i64(100);
        let big = k.cmp(CompareOp::Gt, xi, hundred);
        k.if_(big, |k| k.raise(ExceptionKind::ValueError, ""), |_| {});
        let one = k.i64(1);
        let v = k.bin(BinaryOp::Add, xi, one);
        k.store_index(out, i, v);
    });
    if with_barrier {
        k.barrier();
    }
    compile(k)
}

#[test]
fn error_sites_record_the_smallest_site() {
    for with_barrier in [false, true] {
        let wgsl = error_sites_kernel(with_barrier);
        assert_eq!(wgsl.contains("return;"), !with_barrier, "{wgsl}");
        let cases: [(&[i64], u32); 4] =
            [(&[1, 2, 3, 4], u32::MAX), (&[1, 200, 3, 4], 1), (&[1, 200, -3, 4], 0), (&[-1, 2, 3, 4], 0)];
        for (xs, expected) in cases {
            let mut args = [Arg::I64s(xs.to_vec()), Arg::I64s(vec![-99; xs.len()])];
            let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [4, 1, 1]) else { return };
            assert_eq!(err, expected, "{xs:?}");
            // Threads that did not fail wrote their element; failed ones did not (without
            // barriers they returned; with barriers the write still happens).
            for (i, &x) in xs.iter().enumerate() {
                let failed = !(0..=100).contains(&x);
                let wrote = args[1].i64s()[i] == x + 1;
                assert!(wrote != failed || with_barrier && wrote, "{xs:?} at {i}");
            }
        }
    }
}

#[test]
fn f32_math_and_arithmetic() {
    use MathFunction as F;
    let funs =
        [F::Sqrt, F::Sin, F::Cos, F::Exp, F::Log, F::Log2, F::Log10, F::Atan, F::Tanh, F::Expm1, F::Log1p, F::Fabs];
    let refs: [fn(f32) -> f32; 12] = [
        f32::sqrt,
        f32::sin,
        f32::cos,
        f32::exp,
        f32::ln,
        f32::log2,
        f32::log10,
        f32::atan,
        f32::tanh,
        f32::exp_m1,
        f32::ln_1p,
        f32::abs,
    ];
    let mut k = Kb::new("f32_math");
    let x = k.array_param("x", Scalar::F32);
    let outs: Vec<_> = funs.iter().map(|f| k.array_param(f.name(), Scalar::F32)).collect();
    let scaled = k.array_param("scaled", Scalar::F32);
    let powed = k.array_param("powed", Scalar::F32);
    let hyp = k.array_param("hyp", Scalar::F32);
    let factor = k.scalar_param("factor", Scalar::F32);
    let i = k.global_x();
    let xi = k.index(x, i);
    for (f, o) in funs.iter().zip(&outs) {
        let v = k.math(*f, &[xi]);
        k.store_index(*o, i, v);
    }
    // float32 * float32, and a float64 round trip.
    let s = k.bin(BinaryOp::Mul, xi, factor);
    let wide = k.cast(s, Scalar::F64);
    let s = k.cast(wide, Scalar::F32);
    k.store_index(scaled, i, s);
    let p = k.bin(BinaryOp::Pow, xi, factor);
    k.store_index(powed, i, p);
    let h = k.math(F::Hypot, &[xi, factor]);
    k.store_index(hyp, i, h);
    let wgsl = compile(k);
    let xs: Vec<f32> = (1..=64).map(|i| i as f32 * 0.37).collect();
    let n = xs.len();
    let mut args = vec![Arg::F32s(xs.clone())];
    args.extend((0..funs.len() + 3).map(|_| Arg::F32s(vec![0.0; n])));
    args.push(Arg::F32(1.5));
    let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [n as u32, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    let close = |g: f32, r: f32| (g - r).abs() <= 2e-5 * r.abs().max(1.0);
    for (j, f) in funs.iter().enumerate() {
        for (&x, &g) in xs.iter().zip(args[j + 1].f32s()) {
            assert!(close(g, refs[j](x)), "{}({x}) = {g}, expected {}", f.name(), refs[j](x));
        }
    }
    let m = funs.len() + 1;
    for (k, &x) in xs.iter().enumerate() {
        assert_eq!(args[m].f32s()[k], x * 1.5);
        assert!(close(args[m + 1].f32s()[k], x.powf(1.5)), "pow({x}, 1.5)");
        assert!(close(args[m + 2].f32s()[k], x.hypot(1.5)), "hypot({x}, 1.5)");
    }
}

#[test]
fn builtins_bools_casts_and_overflow_checks() {
    let mut k = Kb::new("misc");
    let ids = k.array_param("ids", Scalar::I64);
    let flags = k.array_param("flags", Scalar::BOOL);
    let conv = k.array_param("conv", Scalar::F64);
    let ovf = k.array_param("ovf", Scalar::BOOL);
    let neg = k.scalar_param("neg", Scalar::BOOL);
    let big = k.scalar_param("big", Scalar::I64);
    // Linear thread id over a 2x3x2 grid of 4x2x1 blocks: each thread writes its coordinates.
    let tx = k.builtin(GpuBuiltin::ThreadIndex(Axis::X));
    let ty = k.builtin(GpuBuiltin::ThreadIndex(Axis::Y));
    let bx = k.builtin(GpuBuiltin::BlockIndex(Axis::X));
    let by = k.builtin(GpuBuiltin::BlockIndex(Axis::Y));
    let bz = k.builtin(GpuBuiltin::BlockIndex(Axis::Z));
    let dx = k.builtin(GpuBuiltin::BlockDim(Axis::X));
    let dy = k.builtin(GpuBuiltin::BlockDim(Axis::Y));
    let gx = k.builtin(GpuBuiltin::GridDim(Axis::X));
    let gy = k.builtin(GpuBuiltin::GridDim(Axis::Y));
    // block id = (bz * gy + by) * gx + bx; thread id in block = ty * dx + tx
    let a = k.bin(BinaryOp::Mul, bz, gy);
    let a = k.bin(BinaryOp::Add, a, by);
    let a = k.bin(BinaryOp::Mul, a, gx);
    let block = k.bin(BinaryOp::Add, a, bx);
    let per_block = k.bin(BinaryOp::Mul, dx, dy);
    let t = k.bin(BinaryOp::Mul, ty, dx);
    let t = k.bin(BinaryOp::Add, t, tx);
    let base = k.bin(BinaryOp::Mul, block, per_block);
    let id = k.bin(BinaryOp::Add, base, t);
    let hundred = k.i64(100);
    let code = k.bin(BinaryOp::Mul, block, hundred);
    let code = k.bin(BinaryOp::Add, code, t);
    k.store_index(ids, id, code);
    // flags[id] = (id % 3 == 0) != neg; conv[id] = float(id) / 4 + float(flags[id] read back)
    let three = k.i64(3);
    let m = k.bin(BinaryOp::Mod, id, three);
    let zero = k.i64(0);
    let f = k.cmp(CompareOp::Eq, m, zero);
    let f = k.bin(BinaryOp::BitXor, f, neg);
    k.store_index(flags, id, f);
    let back = k.index(flags, id);
    let fid = k.cast(id, Scalar::F64);
    let four = k.f64(4.0);
    let q = k.e(kiln_ir::Expression::Binary { op: BinaryOp::Div, left: fid, right: four });
    let bf = k.cast(back, Scalar::F64);
    let v = k.bin(BinaryOp::Add, q, bf);
    k.store_index(conv, id, v);
    // ovf[id] = (big + id) would overflow.
    let o = k.bin(BinaryOp::AddOverflows, big, id);
    k.store_index(ovf, id, o);
    let wgsl = compile(k);
    let (grid, block) = ([2u32, 3, 2], [4u32, 2, 1]);
    let n = 2 * 3 * 2 * 4 * 2;
    let mut args = [
        Arg::I64s(vec![-1; n]),
        Arg::Bools(vec![false; n]),
        Arg::F64s(vec![0.0; n]),
        Arg::Bools(vec![false; n]),
        Arg::Bool(true),
        Arg::I64(i64::MAX - 20),
    ];
    let Some(err) = launch(&wgsl, &mut args, grid, block) else { return };
    assert_eq!(err, u32::MAX);
    for id in 0..n {
        let (blk, t) = (id / 8, id % 8);
        assert_eq!(args[0].i64s()[id], (blk * 100 + t) as i64, "ids[{id}]");
        let flag = id % 3 != 0;
        assert_eq!(args[1].bools()[id], flag, "flags[{id}]");
        assert_eq!(args[2].f64s()[id], id as f64 / 4.0 + f64::from(u8::from(flag)), "conv[{id}]");
        assert_eq!(args[3].bools()[id], id > 20, "ovf[{id}]");
    }
}

#[test]
fn overflow_predicates() {
    let ops = [BinaryOp::AddOverflows, BinaryOp::SubOverflows, BinaryOp::MulOverflows];
    let mut k = Kb::new("overflows");
    let a = k.array_param("a", Scalar::I64);
    let b = k.array_param("b", Scalar::I64);
    let outs: Vec<_> = ["add", "sub", "mul"].iter().map(|n| k.array_param(n, Scalar::BOOL)).collect();
    let i = k.global_x();
    let n = k.len(a);
    let inside = k.cmp(CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let ai = k.index(a, i);
        let bi = k.index(b, i);
        for (op, out) in ops.iter().zip(&outs) {
            let v = k.bin(*op, ai, bi);
            k.store_index(*out, i, v);
        }
    });
    let wgsl = compile(k);
    let vals = [
        0,
        1,
        -1,
        2,
        -2,
        3,
        1 << 31,
        -(1 << 31),
        1 << 32,
        3037000499,
        3037000500,
        -3037000500,
        i64::MAX,
        i64::MIN,
        i64::MAX - 1,
        i64::MIN + 1,
    ];
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for &x in &vals {
        for &y in &vals {
            xs.push(x);
            ys.push(y);
        }
    }
    let n = xs.len();
    let mut args = vec![Arg::I64s(xs.clone()), Arg::I64s(ys.clone())];
    args.extend((0..3).map(|_| Arg::Bools(vec![false; n])));
    let Some(err) = launch(&wgsl, &mut args, [(n as u32).div_ceil(64), 1, 1], [64, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    for i in 0..n {
        let (x, y) = (xs[i], ys[i]);
        assert_eq!(args[2].bools()[i], x.checked_add(y).is_none(), "{x} + {y}");
        assert_eq!(args[3].bools()[i], x.checked_sub(y).is_none(), "{x} - {y}");
        assert_eq!(args[4].bools()[i], x.checked_mul(y).is_none(), "{x} * {y}");
    }
}

#[test]
fn nan_comparisons_and_truthiness() {
    let mut k = Kb::new("nan");
    let x = k.array_param("x", Scalar::F64);
    let y = k.array_param("y", Scalar::F64);
    let outs: Vec<_> = ["eq", "ne", "lt", "truth"].iter().map(|n| k.array_param(n, Scalar::BOOL)).collect();
    let i = k.global_x();
    let xi = k.index(x, i);
    let yi = k.index(y, i);
    for (op, out) in [CompareOp::Eq, CompareOp::Ne, CompareOp::Lt].iter().zip(&outs) {
        let v = k.cmp(*op, xi, yi);
        k.store_index(*out, i, v);
    }
    let t = k.cast(xi, Scalar::BOOL);
    k.store_index(outs[3], i, t);
    let wgsl = compile(k);
    let xs = vec![f64::NAN, 1.0, f64::NAN, 0.0, -0.0, 2.0];
    let ys = vec![f64::NAN, f64::NAN, 1.0, -0.0, 0.0, 3.0];
    let n = xs.len();
    let mut args = vec![Arg::F64s(xs.clone()), Arg::F64s(ys.clone())];
    args.extend((0..4).map(|_| Arg::Bools(vec![false; n])));
    let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [n as u32, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    for i in 0..n {
        let (a, b) = (xs[i], ys[i]);
        assert_eq!(
            (args[2].bools()[i], args[3].bools()[i], args[4].bools()[i], args[5].bools()[i]),
            (a == b, a != b, a < b, a != 0.0),
            "{a} vs {b}"
        );
    }
}

#[test]
fn constant_operands_stay_run_time_values() {
    // WGSL would fold these at compile time and naga's evaluator rejects them (no i64 -> u32
    // or i64 -> f64 folding, overflowing i64 literals): the backend keeps them at run time.
    let mut k = Kb::new("constants");
    let out = k.array_param("out", Scalar::I64);
    let fout = k.array_param("fout", Scalar::F64);
    let max = k.i64(i64::MAX);
    let one = k.i64(1);
    let wrapped = k.bin(BinaryOp::Add, max, one);
    let zero = k.i64(0);
    k.store_index(out, zero, wrapped);
    let three = k.i64(3);
    let f = k.cast(three, Scalar::F64);
    let min = k.i64(i64::MIN);
    k.store_index(out, one, min);
    k.store_index(fout, zero, f);
    let inf = k.f64(f64::INFINITY);
    k.store_index(fout, one, inf);
    let nan = k.f64(f64::NAN);
    let isnan = k.math(MathFunction::IsNan, &[nan]);
    let two = k.i64(2);
    let as_int = k.cast(isnan, Scalar::I64);
    k.store_index(out, two, as_int);
    let wgsl = compile(k);
    let mut args = [Arg::I64s(vec![0; 3]), Arg::F64s(vec![0.0; 2])];
    let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [1, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    assert_eq!(args[0].i64s(), &[i64::MIN, i64::MIN, 1]);
    assert_eq!(args[1].f64s(), &[3.0, f64::INFINITY]);
}

#[test]
fn unsupported_constructs_are_errors_with_spans() {
    use kiln_backend_wgsl::compile_kernel;
    use kiln_ir::{Expression, Literal, Span};
    let mut k = Kb::new("bad");
    let out = k.array_param("out", Scalar::F64);
    let s = k.e(Expression::Literal(Literal::Str("hello".into())));
    let span = Span::new(0, 10, 20);
    let len = k.f.expressions.append(Expression::Len { value: s }, span);
    k.s(kiln_ir::Statement::Emit(kiln_ir::Range::new(len, k.f.expressions.next_handle())));
    let zero = k.i64(0);
    let v = k.cast(len, Scalar::F64);
    k.store_index(out, zero, v);
    let (module, h) = k.finish();
    let info = kiln_ir::validate(&module).expect("valid IR");
    let e = compile_kernel(&module, &info, h).err().expect("strings are not supported on GPUs");
    assert_eq!(e.span, span);
    assert!(e.message.contains("not supported"), "{}", e.message);
}

#[test]
fn raise_messages_are_not_lowered() {
    use kiln_ir::{Expression, Literal, Statement};
    let mut k = Kb::new("msg");
    let x = k.array_param("x", Scalar::I64);
    let zero = k.i64(0);
    let xi = k.index(x, zero);
    let neg = k.cmp(CompareOp::Lt, xi, zero);
    k.when(neg, |k| {
        let m = k.e(Expression::Literal(Literal::Str("negative".into())));
        k.s(Statement::Raise { kind: ExceptionKind::ValueError, message: Some(m) });
    });
    let wgsl = compile(k);
    assert!(!wgsl.contains("negative"));
    let mut args = [Arg::I64s(vec![-5])];
    let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [1, 1, 1]) else { return };
    assert_eq!(err, 0);
}

#[test]
fn parameter_names_that_clash_with_wgsl_or_the_layout() {
    let mut k = Kb::new("names");
    let a = k.scalar_param("len_loop", Scalar::I64);
    let b = k.array_param("loop", Scalar::I64);
    let c = k.array_param("launch", Scalar::I64);
    let d = k.array_param("error", Scalar::I64);
    let e = k.scalar_param("block_dim", Scalar::F32);
    let zero = k.i64(0);
    let v = k.index(b, zero);
    let v = k.bin(BinaryOp::Add, v, a);
    k.store_index(c, zero, v);
    let f = k.cast(e, Scalar::I64);
    k.store_index(d, zero, f);
    let wgsl = compile(k);
    let mut args = [Arg::I64(5), Arg::I64s(vec![10]), Arg::I64s(vec![0]), Arg::I64s(vec![0]), Arg::F32(7.9)];
    let Some(err) = launch(&wgsl, &mut args, [1, 1, 1], [1, 1, 1]) else { return };
    assert_eq!(err, u32::MAX);
    assert_eq!((args[2].i64s()[0], args[3].i64s()[0]), (15, 7));
}

//! The WGSL of a representative kernel, as the runtime receives it. Update with
//! `UPDATE_EXPECT=1 cargo test -p kiln-backend-wgsl --test snapshot`.

mod common;

use common::{compile, Kb};
use expect_test::expect;
use kiln_ir::{AtomicOp, BinaryOp, CompareOp, ExceptionKind, Scalar};

/// `scale(a, flag, x, out, count)`: out[i] = a * x[i] (checked index), count[0] += 1 atomically.
#[test]
fn checked_scale_wgsl() {
    let mut k = Kb::new("scale");
    let a = k.scalar_param("a", Scalar::F32);
    let flag = k.scalar_param("flag", Scalar::BOOL);
    let x = k.array_param("x", Scalar::F32);
    let out = k.array_param("out", Scalar::F32);
    let count = k.array_param("count", Scalar::I64);
    let i = k.global_x();
    let n = k.len(x);
    let inside = k.cmp(CompareOp::Lt, i, n);
    k.when(inside, |k| {
        let m = k.len(out);
        let bad = k.cmp(CompareOp::Ge, i, m);
        k.when(bad, |k| k.raise(ExceptionKind::IndexError, "list index out of range"));
        let xi = k.index(x, i);
        let v = k.bin(BinaryOp::Mul, a, xi);
        let neg = k.e(kiln_ir::Expression::Unary { op: kiln_ir::UnaryOp::Neg, arg: v });
        let v = k.select(flag, neg, v);
        k.store_index(out, i, v);
        let zero = k.i64(0);
        let one = k.i64(1);
        k.atomic(AtomicOp::Add, count, zero, one);
    });
    let wgsl = compile(k);
    expect![[r#"
        struct Launch {
            a: f32,
            a_pad: u32,
            flag: u32,
            flag_pad: u32,
            len_x: i64,
            len_out: i64,
            len_count: i64,
            block_offset: array<u32, 4>,
            grid_dim: array<u32, 4>,
            block_dim: array<u32, 4>,
        }

        @group(0) @binding(0) 
        var<storage, read_write> x: array<f32>;
        @group(0) @binding(1) 
        var<storage, read_write> out: array<f32>;
        @group(0) @binding(2) 
        var<storage, read_write> count: array<atomic<i64>>;
        @group(0) @binding(3) 
        var<storage> launch: Launch;
        @group(0) @binding(4) 
        var<storage, read_write> error: array<atomic<u32>, 1>;

        @compute @workgroup_size(1, 1, 1) 
        fn main(@builtin(local_invocation_id) local_id: vec3<u32>, @builtin(workgroup_id) group_id: vec3<u32>) {
            var pinned: i64 = 0li;

            let _e4 = launch.a;
            let _e7 = launch.flag;
            let _e19 = launch.block_offset[0];
            let _e26 = launch.block_dim[0];
            let _e32 = launch.grid_dim[0];
            let _e44 = launch.block_offset[1];
            let _e51 = launch.block_dim[1];
            let _e57 = launch.grid_dim[1];
            let _e69 = launch.block_offset[2];
            let _e76 = launch.block_dim[2];
            let _e82 = launch.grid_dim[2];
            let _e86 = (((bitcast<i64>(u64(group_id.x)) + bitcast<i64>(u64(_e19))) * bitcast<i64>(u64(_e26))) + bitcast<i64>(u64(local_id.x)));
            let _e89 = launch.len_x;
            if (_e86 < _e89) {
                let _e93 = launch.len_out;
                if (_e86 >= _e93) {
                    atomicMin((&error[0]), 0u);
                    return;
                }
                let _e101 = x[u32(_e86)];
                let _e102 = (_e4 * _e101);
                out[u32(_e86)] = select(_e102, -(_e102), (_e7 != 0u));
                pinned = 0li;
                let _e113 = pinned;
                let _e116 = atomicAdd((&count[u32(_e113)]), 1li);
            }
        }
    "#]]
    .assert_eq(&wgsl);
}

// kernel saxpy(float, array[float], array[float], array[float])
struct Launch {
    a: f64,
    len_x: i64,
    len_y: i64,
    len_out: i64,
    block_offset: array<u32, 4>,
    grid_dim: array<u32, 4>,
    block_dim: array<u32, 4>,
}

@group(0) @binding(0) 
var<storage, read_write> x: array<f64>;
@group(0) @binding(1) 
var<storage, read_write> y: array<f64>;
@group(0) @binding(2) 
var<storage, read_write> out: array<f64>;
@group(0) @binding(3) 
var<storage> launch: Launch;
@group(0) @binding(4) 
var<storage, read_write> error: array<atomic<u32>, 1>;

@compute @workgroup_size(1, 1, 1) 
fn main(@builtin(local_invocation_id) local_id: vec3<u32>, @builtin(workgroup_id) group_id: vec3<u32>) {
    var a: f64 = 0.0lf;
    var i: i64 = 0li;

    let _e8 = launch.a;
    let _e18 = launch.block_offset[0];
    let _e25 = launch.block_dim[0];
    let _e31 = launch.grid_dim[0];
    let _e43 = launch.block_offset[1];
    let _e50 = launch.block_dim[1];
    let _e56 = launch.grid_dim[1];
    let _e68 = launch.block_offset[2];
    let _e75 = launch.block_dim[2];
    let _e81 = launch.grid_dim[2];
    a = _e8;
    i = (((bitcast<i64>(u64(group_id.x)) + bitcast<i64>(u64(_e18))) * bitcast<i64>(u64(_e25))) + bitcast<i64>(u64(local_id.x)));
    let _e86 = i;
    let _e89 = launch.len_x;
    if (_e86 < _e89) {
        let _e91 = a;
        let _e92 = i;
        let _e95 = launch.len_x;
        let _e99 = select(_e92, (_e92 + _e95), (_e92 < 0li));
        if ((_e99 < 0li) || (_e99 >= _e95)) {
            atomicMin((&error[0]), 0u);
            return;
        }
        let _e109 = x[u32(_e99)];
        let _e111 = i;
        let _e114 = launch.len_y;
        let _e118 = select(_e111, (_e111 + _e114), (_e111 < 0li));
        if ((_e118 < 0li) || (_e118 >= _e114)) {
            atomicMin((&error[0]), 1u);
            return;
        }
        let _e128 = y[u32(_e118)];
        let _e130 = i;
        let _e133 = launch.len_out;
        let _e137 = select(_e130, (_e130 + _e133), (_e130 < 0li));
        if ((_e137 < 0li) || (_e137 >= _e133)) {
            atomicMin((&error[0]), 2u);
            return;
        }
        out[u32(_e137)] = ((_e91 * _e109) + _e128);
    }
    return;
}

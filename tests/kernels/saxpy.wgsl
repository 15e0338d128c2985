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
    let _e11 = bitcast<i64>(u64(local_id.x));
    let _e18 = launch.block_offset[0];
    let _e21 = (bitcast<i64>(u64(group_id.x)) + bitcast<i64>(u64(_e18)));
    let _e25 = launch.block_dim[0];
    let _e27 = bitcast<i64>(u64(_e25));
    let _e31 = launch.grid_dim[0];
    let _e43 = launch.block_offset[1];
    let _e50 = launch.block_dim[1];
    let _e56 = launch.grid_dim[1];
    let _e68 = launch.block_offset[2];
    let _e75 = launch.block_dim[2];
    let _e81 = launch.grid_dim[2];
    a = _e8;
    let _e87 = (_e21 == 0li);
    if ((((_e21 == -1li) && (_e27 == i64(-9223372036854775807 - 1))) || ((_e27 == -1li) && (_e21 == i64(-9223372036854775807 - 1)))) || (!(_e87) && (((_e21 * _e27) / select(_e21, 1li, _e87)) != _e27))) {
        atomicMin((&error[0]), 0u);
        return;
    }
    let _e106 = (_e21 * _e27);
    let _e107 = (_e106 + _e11);
    if (((_e106 ^ _e107) & (_e11 ^ _e107)) < 0li) {
        atomicMin((&error[0]), 1u);
        return;
    }
    i = (_e106 + _e11);
    let _e117 = i;
    let _e120 = launch.len_x;
    if (_e117 < _e120) {
        let _e122 = a;
        let _e123 = i;
        let _e126 = launch.len_x;
        let _e130 = select(_e123, (_e123 + _e126), (_e123 < 0li));
        if ((_e130 < 0li) || (_e130 >= _e126)) {
            atomicMin((&error[0]), 2u);
            return;
        }
        let _e140 = x[u32(_e130)];
        let _e142 = i;
        let _e145 = launch.len_y;
        let _e149 = select(_e142, (_e142 + _e145), (_e142 < 0li));
        if ((_e149 < 0li) || (_e149 >= _e145)) {
            atomicMin((&error[0]), 3u);
            return;
        }
        let _e159 = y[u32(_e149)];
        let _e161 = i;
        let _e164 = launch.len_out;
        let _e168 = select(_e161, (_e161 + _e164), (_e161 < 0li));
        if ((_e168 < 0li) || (_e168 >= _e164)) {
            atomicMin((&error[0]), 4u);
            return;
        }
        out[u32(_e168)] = ((_e122 * _e140) + _e159);
    }
    return;
}

// kernel block_sum(array[int], array[int])
struct Launch {
    len_xs: i64,
    len_total: i64,
    block_offset: array<u32, 4>,
    grid_dim: array<u32, 4>,
    block_dim: array<u32, 4>,
}

@group(0) @binding(0) 
var<storage, read_write> xs: array<i64>;
@group(0) @binding(1) 
var<storage, read_write> total: array<atomic<i64>>;
@group(0) @binding(2) 
var<storage> launch: Launch;
@group(0) @binding(3) 
var<storage, read_write> error: array<atomic<u32>, 1>;
var<workgroup> shared_0_: array<i64, 64>;

@compute @workgroup_size(1, 1, 1) 
fn main(@builtin(local_invocation_id) local_id: vec3<u32>, @builtin(workgroup_id) group_id: vec3<u32>) {
    var t: i64 = 0li;
    var i: i64 = 0li;
    var u0024_1_: i64 = 0li;
    var s: i64 = 0li;
    var pinned: i64 = 0li;
    var pinned_1: i64 = 0li;
    var pinned_2: i64 = 0li;
    var pinned_3: i64 = 0li;
    var pinned_4: i64 = 0li;
    var pinned_5: i64 = 0li;
    var pinned_6: i64 = 0li;
    var pinned_7: i64 = 0li;
    var pinned_8: i64 = 0li;

    let _e19 = launch.block_offset[0];
    let _e26 = launch.block_dim[0];
    let _e32 = launch.grid_dim[0];
    let _e44 = launch.block_offset[1];
    let _e51 = launch.block_dim[1];
    let _e57 = launch.grid_dim[1];
    let _e69 = launch.block_offset[2];
    let _e76 = launch.block_dim[2];
    let _e82 = launch.grid_dim[2];
    t = bitcast<i64>(u64(local_id.x));
    let _e86 = ((bitcast<i64>(u64(group_id.x)) + bitcast<i64>(u64(_e19))) * 64li);
    let _e87 = t;
    let _e88 = (_e86 + _e87);
    if (((_e86 ^ _e88) & (_e87 ^ _e88)) < 0li) {
        atomicMin((&error[0]), 0u);
    }
    i = (_e86 + _e87);
    let _e98 = i;
    let _e101 = launch.len_xs;
    if (_e98 < _e101) {
        let _e103 = i;
        let _e106 = launch.len_xs;
        let _e110 = select(_e103, (_e103 + _e106), (_e103 < 0li));
        if ((_e110 < 0li) || (_e110 >= _e106)) {
            atomicMin((&error[0]), 1u);
        }
        let _e120 = xs[u32(_e110)];
        u0024_1_ = _e120;
    } else {
        u0024_1_ = 0li;
    }
    let _e122 = u0024_1_;
    let _e123 = t;
    let _e128 = select(_e123, (_e123 + 64li), (_e123 < 0li));
    if ((_e128 < 0li) || (_e128 >= 64li)) {
        atomicMin((&error[0]), 2u);
    }
    shared_0_[u32(_e128)] = _e122;
    storageBarrier();
    workgroupBarrier();
    pinned = 2li;
    let _e143 = pinned;
    if (_e143 == 0li) {
        atomicMin((&error[0]), 3u);
    }
    pinned_1 = 2li;
    let _e151 = pinned_1;
    pinned_2 = 64li;
    let _e156 = pinned_2;
    if ((_e156 == i64(-9223372036854775807 - 1)) && (_e151 == -1li)) {
        atomicMin((&error[0]), 4u);
    }
    pinned_3 = 64li;
    let _e164 = pinned_3;
    let _e166 = (_e164 % 2li);
    s = ((_e164 / 2li) - select(0li, 1li, ((_e166 != 0li) && ((_e166 ^ 2li) < 0li))));
    loop {
        let _e176 = s;
        if !((_e176 > 0li)) {
            break;
        }
        let _e180 = t;
        let _e181 = s;
        if (_e180 < _e181) {
            let _e183 = t;
            let _e188 = select(_e183, (_e183 + 64li), (_e183 < 0li));
            if ((_e188 < 0li) || (_e188 >= 64li)) {
                atomicMin((&error[0]), 5u);
            }
            let _e198 = shared_0_[u32(_e188)];
            let _e199 = t;
            let _e200 = s;
            let _e201 = (_e199 + _e200);
            if (((_e199 ^ _e201) & (_e200 ^ _e201)) < 0li) {
                atomicMin((&error[0]), 6u);
            }
            let _e210 = (_e199 + _e200);
            let _e215 = select(_e210, (_e210 + 64li), (_e210 < 0li));
            if ((_e215 < 0li) || (_e215 >= 64li)) {
                atomicMin((&error[0]), 7u);
            }
            let _e225 = shared_0_[u32(_e215)];
            let _e226 = (_e198 + _e225);
            if (((_e198 ^ _e226) & (_e225 ^ _e226)) < 0li) {
                atomicMin((&error[0]), 8u);
            }
            let _e240 = select(_e183, (_e183 + 64li), (_e183 < 0li));
            if ((_e240 < 0li) || (_e240 >= 64li)) {
                atomicMin((&error[0]), 9u);
            }
            shared_0_[u32(_e240)] = (_e198 + _e225);
        }
        storageBarrier();
        workgroupBarrier();
        let _e250 = s;
        pinned_4 = 2li;
        let _e255 = pinned_4;
        if (_e255 == 0li) {
            atomicMin((&error[0]), 10u);
        }
        pinned_5 = 2li;
        let _e263 = pinned_5;
        if ((_e250 == i64(-9223372036854775807 - 1)) && (_e263 == -1li)) {
            atomicMin((&error[0]), 11u);
        }
        let _e272 = (_e250 % 2li);
        s = ((_e250 / 2li) - select(0li, 1li, ((_e272 != 0li) && ((_e272 ^ 2li) < 0li))));
    }
    let _e282 = t;
    if (_e282 == 0li) {
        pinned_6 = 0li;
        let _e291 = pinned_6;
        pinned_7 = 0li;
        let _e295 = pinned_7;
        let _e297 = select(0li, (_e295 + 64li), (_e291 < 0li));
        if ((_e297 < 0li) || (_e297 >= 64li)) {
            atomicMin((&error[0]), 12u);
        }
        let _e307 = shared_0_[u32(_e297)];
        let _e310 = launch.len_total;
        pinned_8 = 0li;
        let _e314 = pinned_8;
        let _e317 = select(0li, (0li + _e310), (_e314 < 0li));
        if ((_e317 < 0li) || (_e317 >= _e310)) {
            atomicMin((&error[0]), 13u);
        }
        let _e327 = atomicAdd((&total[u32(_e317)]), _e307);
    }
    return;
}

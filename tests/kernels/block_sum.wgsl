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
    let _e22 = (bitcast<i64>(u64(group_id.x)) + bitcast<i64>(u64(_e19)));
    let _e26 = launch.block_dim[0];
    let _e32 = launch.grid_dim[0];
    let _e44 = launch.block_offset[1];
    let _e51 = launch.block_dim[1];
    let _e57 = launch.grid_dim[1];
    let _e69 = launch.block_offset[2];
    let _e76 = launch.block_dim[2];
    let _e82 = launch.grid_dim[2];
    t = bitcast<i64>(u64(local_id.x));
    let _e89 = (_e22 == 0li);
    if ((((_e22 == -1li) && (64li == i64(-9223372036854775807 - 1))) || ((64li == -1li) && (_e22 == i64(-9223372036854775807 - 1)))) || (!(_e89) && (((_e22 * 64li) / select(_e22, 1li, _e89)) != 64li))) {
        atomicMin((&error[0]), 0u);
    }
    let _e108 = (_e22 * 64li);
    let _e109 = t;
    let _e110 = (_e108 + _e109);
    if (((_e108 ^ _e110) & (_e109 ^ _e110)) < 0li) {
        atomicMin((&error[0]), 1u);
    }
    i = (_e108 + _e109);
    let _e120 = i;
    let _e123 = launch.len_xs;
    if (_e120 < _e123) {
        let _e125 = i;
        let _e128 = launch.len_xs;
        let _e132 = select(_e125, (_e125 + _e128), (_e125 < 0li));
        if ((_e132 < 0li) || (_e132 >= _e128)) {
            atomicMin((&error[0]), 2u);
        }
        let _e142 = xs[u32(_e132)];
        u0024_1_ = _e142;
    } else {
        u0024_1_ = 0li;
    }
    let _e144 = u0024_1_;
    let _e145 = t;
    let _e150 = select(_e145, (_e145 + 64li), (_e145 < 0li));
    if ((_e150 < 0li) || (_e150 >= 64li)) {
        atomicMin((&error[0]), 3u);
    }
    shared_0_[u32(_e150)] = _e144;
    storageBarrier();
    workgroupBarrier();
    pinned = 2li;
    let _e165 = pinned;
    if (_e165 == 0li) {
        atomicMin((&error[0]), 4u);
    }
    pinned_1 = 2li;
    let _e173 = pinned_1;
    pinned_2 = 64li;
    let _e178 = pinned_2;
    if ((_e178 == i64(-9223372036854775807 - 1)) && (_e173 == -1li)) {
        atomicMin((&error[0]), 5u);
    }
    pinned_3 = 64li;
    let _e186 = pinned_3;
    let _e188 = (_e186 % 2li);
    s = ((_e186 / 2li) - select(0li, 1li, ((_e188 != 0li) && ((_e188 ^ 2li) < 0li))));
    loop {
        let _e198 = s;
        if !((_e198 > 0li)) {
            break;
        }
        let _e202 = t;
        let _e203 = s;
        if (_e202 < _e203) {
            let _e205 = t;
            let _e210 = select(_e205, (_e205 + 64li), (_e205 < 0li));
            if ((_e210 < 0li) || (_e210 >= 64li)) {
                atomicMin((&error[0]), 6u);
            }
            let _e220 = shared_0_[u32(_e210)];
            let _e221 = t;
            let _e222 = s;
            let _e223 = (_e221 + _e222);
            if (((_e221 ^ _e223) & (_e222 ^ _e223)) < 0li) {
                atomicMin((&error[0]), 7u);
            }
            let _e232 = (_e221 + _e222);
            let _e237 = select(_e232, (_e232 + 64li), (_e232 < 0li));
            if ((_e237 < 0li) || (_e237 >= 64li)) {
                atomicMin((&error[0]), 8u);
            }
            let _e247 = shared_0_[u32(_e237)];
            let _e248 = (_e220 + _e247);
            if (((_e220 ^ _e248) & (_e247 ^ _e248)) < 0li) {
                atomicMin((&error[0]), 9u);
            }
            let _e262 = select(_e205, (_e205 + 64li), (_e205 < 0li));
            if ((_e262 < 0li) || (_e262 >= 64li)) {
                atomicMin((&error[0]), 10u);
            }
            shared_0_[u32(_e262)] = (_e220 + _e247);
        }
        storageBarrier();
        workgroupBarrier();
        let _e272 = s;
        pinned_4 = 2li;
        let _e277 = pinned_4;
        if (_e277 == 0li) {
            atomicMin((&error[0]), 11u);
        }
        pinned_5 = 2li;
        let _e285 = pinned_5;
        if ((_e272 == i64(-9223372036854775807 - 1)) && (_e285 == -1li)) {
            atomicMin((&error[0]), 12u);
        }
        let _e294 = (_e272 % 2li);
        s = ((_e272 / 2li) - select(0li, 1li, ((_e294 != 0li) && ((_e294 ^ 2li) < 0li))));
    }
    let _e304 = t;
    if (_e304 == 0li) {
        pinned_6 = 0li;
        let _e313 = pinned_6;
        pinned_7 = 0li;
        let _e317 = pinned_7;
        let _e319 = select(0li, (_e317 + 64li), (_e313 < 0li));
        if ((_e319 < 0li) || (_e319 >= 64li)) {
            atomicMin((&error[0]), 13u);
        }
        let _e329 = shared_0_[u32(_e319)];
        let _e332 = launch.len_total;
        pinned_8 = 0li;
        let _e336 = pinned_8;
        let _e339 = select(0li, (0li + _e332), (_e336 < 0li));
        if ((_e339 < 0li) || (_e339 >= _e332)) {
            atomicMin((&error[0]), 14u);
        }
        let _e349 = atomicAdd((&total[u32(_e339)]), _e329);
    }
    return;
}

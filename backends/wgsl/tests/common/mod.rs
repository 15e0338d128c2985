//! Test helpers: a small kernel-IR builder, compilation with every check the runtime relies
//! on, and a wgpu harness that lays out buffers as the runtime does (see the crate docs).

#![allow(dead_code)]

use std::sync::{Mutex, OnceLock};

use kiln_backend_wgsl::{compile_kernel, to_spirv, to_wgsl, validate_wgsl};
pub use kiln_ir::build::KernelBuilder as Kb;
use kiln_ir::{BinaryOp, Expression, Function, Handle, Literal, Module, Scalar, Type};

/// Compiles the kernel with every check: kiln IR validation, naga validation, WGSL and
/// SPIR-V output, and a re-parse of the WGSL. Returns the WGSL.
pub fn compile(kb: Kb) -> String {
    let (module, h) = kb.finish();
    let info = match kiln_ir::validate(&module) {
        Ok(info) => info,
        // The IR validator does not know float32 math yet: type the kernel here.
        Err(e) if e.message.contains("math arguments must be f64") => infer_types(&module, h),
        Err(e) => panic!("invalid IR: {e}"),
    };
    let k = compile_kernel(&module, &info, h).unwrap_or_else(|e| panic!("compile_kernel: {e}"));
    let wgsl = to_wgsl(&k).unwrap_or_else(|e| panic!("to_wgsl: {e}"));
    validate_wgsl(&wgsl).unwrap_or_else(|e| panic!("WGSL does not re-validate: {e}\n{wgsl}"));
    // The WGSL text must keep the Launch struct's offsets (the runtime writes them).
    let reparsed = naga::front::wgsl::parse_str(&wgsl).expect("parses");
    let offsets = |m: &naga::Module| -> Vec<u32> {
        m.types
            .iter()
            .find(|(_, t)| t.name.as_deref() == Some("Launch"))
            .map(|(_, t)| match &t.inner {
                naga::TypeInner::Struct { members, .. } => members.iter().map(|m| m.offset).collect(),
                _ => Vec::new(),
            })
            .unwrap_or_default()
    };
    assert_eq!(offsets(&reparsed), offsets(&k.module), "Launch layout changed through WGSL");
    let spv = to_spirv(&k).unwrap_or_else(|e| panic!("to_spirv: {e}"));
    assert_eq!(spv.first(), Some(&0x0723_0203), "SPIR-V magic number");
    wgsl
}

/// A launch argument, and after the launch the array's contents.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    I64(i64),
    F64(f64),
    F32(f32),
    Bool(bool),
    I64s(Vec<i64>),
    F64s(Vec<f64>),
    F32s(Vec<f32>),
    Bools(Vec<bool>),
}

impl Arg {
    pub fn i64s(&self) -> &[i64] {
        match self {
            Arg::I64s(v) => v,
            other => panic!("not an int array: {other:?}"),
        }
    }
    pub fn f64s(&self) -> &[f64] {
        match self {
            Arg::F64s(v) => v,
            other => panic!("not a float array: {other:?}"),
        }
    }
    pub fn f32s(&self) -> &[f32] {
        match self {
            Arg::F32s(v) => v,
            other => panic!("not a float32 array: {other:?}"),
        }
    }
    pub fn bools(&self) -> &[bool] {
        match self {
            Arg::Bools(v) => v,
            other => panic!("not a bool array: {other:?}"),
        }
    }

    /// The bytes of an array argument as the runtime lays them out on wgpu.
    fn array_bytes(&self) -> Option<(Vec<u8>, usize)> {
        Some(match self {
            Arg::I64s(v) => (v.iter().flat_map(|x| x.to_le_bytes()).collect(), v.len()),
            Arg::F64s(v) => (v.iter().flat_map(|x| x.to_le_bytes()).collect(), v.len()),
            Arg::F32s(v) => (v.iter().flat_map(|x| x.to_le_bytes()).collect(), v.len()),
            Arg::Bools(v) => (v.iter().flat_map(|x| u32::from(*x).to_le_bytes()).collect(), v.len()),
            _ => return None,
        })
    }

    fn set_from_bytes(&mut self, bytes: &[u8]) {
        match self {
            Arg::I64s(v) => {
                for (x, c) in v.iter_mut().zip(bytes.chunks_exact(8)) {
                    *x = i64::from_le_bytes(c.try_into().expect("8 bytes"));
                }
            }
            Arg::F64s(v) => {
                for (x, c) in v.iter_mut().zip(bytes.chunks_exact(8)) {
                    *x = f64::from_le_bytes(c.try_into().expect("8 bytes"));
                }
            }
            Arg::F32s(v) => {
                for (x, c) in v.iter_mut().zip(bytes.chunks_exact(4)) {
                    *x = f32::from_le_bytes(c.try_into().expect("4 bytes"));
                }
            }
            Arg::Bools(v) => {
                for (x, c) in v.iter_mut().zip(bytes.chunks_exact(4)) {
                    *x = u32::from_le_bytes(c.try_into().expect("4 bytes")) != 0;
                }
            }
            _ => {}
        }
    }

    fn scalar_slot(&self) -> Option<[u8; 8]> {
        Some(match *self {
            Arg::I64(v) => v.to_le_bytes(),
            Arg::F64(v) => v.to_le_bytes(),
            Arg::F32(v) => u64::from(v.to_bits()).to_le_bytes(),
            Arg::Bool(v) => u64::from(v).to_le_bytes(),
            _ => return None,
        })
    }
}

pub struct Gpu {
    device: wgpu::Device,
    queue: wgpu::Queue,
}

/// The shared wgpu device, or `None` when there is no adapter (the run tests then skip).
pub fn gpu() -> Option<&'static Mutex<Gpu>> {
    static GPU: OnceLock<Option<Mutex<Gpu>>> = OnceLock::new();
    GPU.get_or_init(|| {
        // Mesa complains on stderr unless XDG_RUNTIME_DIR names a private directory.
        let dir = std::env::temp_dir().join(format!("kiln-wgsl-test-xdg-{}", std::process::id()));
        if std::fs::create_dir_all(&dir).is_ok() {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
            std::env::set_var("XDG_RUNTIME_DIR", &dir);
        }
        let instance = wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env());
        let adapter = pollster::block_on(instance.request_adapter(&wgpu::RequestAdapterOptions::default())).ok()?;
        let wanted =
            wgpu::Features::SHADER_F64 | wgpu::Features::SHADER_INT64 | wgpu::Features::SHADER_INT64_ATOMIC_ALL_OPS;
        let features = adapter.features() & wanted;
        let (device, queue) = pollster::block_on(adapter.request_device(&wgpu::DeviceDescriptor {
            label: Some("kiln-wgsl-tests"),
            required_features: features,
            required_limits: adapter.limits(),
            ..Default::default()
        }))
        .ok()?;
        Some(Mutex::new(Gpu { device, queue }))
    })
    .as_ref()
}

/// Runs `wgsl` on the shared device (or returns `None`, printing why, when there is none).
/// Arrays in `args` are updated with the kernel's writes; returns the error word.
pub fn launch(wgsl: &str, args: &mut [Arg], grid: [u32; 3], block: [u32; 3]) -> Option<u32> {
    let Some(gpu) = gpu() else {
        eprintln!("skipped: no wgpu adapter");
        return None;
    };
    let gpu = gpu.lock().unwrap_or_else(|e| e.into_inner());
    Some(gpu.run(wgsl, args, grid, block))
}

impl Gpu {
    fn storage_buffer(&self, bytes: &[u8], read_only: bool) -> wgpu::Buffer {
        let size = (bytes.len().max(16) as u64 + 15) & !15;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: None,
            size,
            usage: wgpu::BufferUsages::STORAGE
                | wgpu::BufferUsages::COPY_DST
                | if read_only { wgpu::BufferUsages::empty() } else { wgpu::BufferUsages::COPY_SRC },
            mapped_at_creation: false,
        });
        self.queue.write_buffer(&buffer, 0, bytes);
        buffer
    }

    fn run(&self, wgsl: &str, args: &mut [Arg], grid: [u32; 3], block: [u32; 3]) -> u32 {
        // What the runtime does: parse, set the block size, hand the module to wgpu.
        let mut module = naga::front::wgsl::parse_str(wgsl).expect("WGSL parses");
        module.entry_points[0].workgroup_size = block;
        let shader = self.device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: None,
            source: wgpu::ShaderSource::Naga(std::borrow::Cow::Owned(module)),
        });

        // Launch struct: scalar slots, array lengths, block_offset, grid_dim, block_dim.
        let mut launch = Vec::new();
        for a in args.iter() {
            if let Some(slot) = a.scalar_slot() {
                launch.extend_from_slice(&slot);
            }
        }
        let mut arrays = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if let Some((bytes, len)) = a.array_bytes() {
                launch.extend_from_slice(&(len as i64).to_le_bytes());
                arrays.push((i, self.storage_buffer(&bytes, false), bytes.len()));
            }
        }
        for dims in [[0, 0, 0], grid, block] {
            for d in dims.into_iter().chain([0]) {
                launch.extend_from_slice(&u32::to_le_bytes(d));
            }
        }
        let launch_buf = self.storage_buffer(&launch, true);
        let error_buf = self.storage_buffer(&u32::MAX.to_le_bytes(), false);

        let mut entries = Vec::new();
        let n = arrays.len() as u32;
        for binding in 0..n + 2 {
            entries.push(wgpu::BindGroupLayoutEntry {
                binding,
                visibility: wgpu::ShaderStages::COMPUTE,
                ty: wgpu::BindingType::Buffer {
                    ty: wgpu::BufferBindingType::Storage { read_only: binding == n },
                    has_dynamic_offset: false,
                    min_binding_size: None,
                },
                count: None,
            });
        }
        let bgl =
            self.device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor { label: None, entries: &entries });
        let layout = self.device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: None,
            bind_group_layouts: &[Some(&bgl)],
            immediate_size: 0,
        });
        let pipeline = self.device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
            label: None,
            layout: Some(&layout),
            module: &shader,
            entry_point: Some("main"),
            compilation_options: Default::default(),
            cache: None,
        });
        let mut bind_entries: Vec<wgpu::BindGroupEntry<'_>> = arrays
            .iter()
            .enumerate()
            .map(|(k, (_, buf, _))| wgpu::BindGroupEntry { binding: k as u32, resource: buf.as_entire_binding() })
            .collect();
        bind_entries.push(wgpu::BindGroupEntry { binding: n, resource: launch_buf.as_entire_binding() });
        bind_entries.push(wgpu::BindGroupEntry { binding: n + 1, resource: error_buf.as_entire_binding() });
        let bind_group = self.device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: None,
            layout: &bgl,
            entries: &bind_entries,
        });

        let mut encoder = self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: None });
        {
            let mut pass =
                encoder.begin_compute_pass(&wgpu::ComputePassDescriptor { label: None, timestamp_writes: None });
            pass.set_pipeline(&pipeline);
            pass.set_bind_group(0, &bind_group, &[]);
            pass.dispatch_workgroups(grid[0], grid[1], grid[2]);
        }
        // Read back every array and the error word.
        let mut readbacks = Vec::new();
        for (i, buf, len) in arrays.iter().map(|(i, b, l)| (*i, b, *l)).chain([(usize::MAX, &error_buf, 4)]) {
            let size = buf.size();
            let staging = self.device.create_buffer(&wgpu::BufferDescriptor {
                label: None,
                size,
                usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            });
            encoder.copy_buffer_to_buffer(buf, 0, &staging, 0, size);
            readbacks.push((i, staging, len));
        }
        self.queue.submit([encoder.finish()]);
        for (_, staging, _) in &readbacks {
            staging.map_async(wgpu::MapMode::Read, .., |r| r.expect("map"));
        }
        self.device.poll(wgpu::PollType::wait_indefinitely()).expect("poll");
        let mut error = u32::MAX;
        for (i, staging, len) in readbacks {
            let bytes = staging.get_mapped_range(..).expect("mapped").to_vec();
            if i == usize::MAX {
                error = u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"));
            } else {
                args[i].set_from_bytes(&bytes[..len]);
            }
            staging.unmap();
        }
        error
    }
}

/// The expression types of a kernel (the subset these tests build), for IR the validator
/// does not accept yet.
fn infer_types(module: &Module, h: Handle<Function>) -> kiln_ir::ModuleInfo {
    let f = &module.functions[h];
    let scalar = |s: Scalar| module.types.get_handle(&Type::Scalar(s)).expect("interned scalar");
    let mut types: Vec<Handle<Type>> = Vec::new();
    for (_, e) in f.expressions.iter() {
        let ty = match e {
            Expression::Literal(Literal::Bool(_)) => scalar(Scalar::BOOL),
            Expression::Literal(Literal::I64(_)) => scalar(Scalar::I64),
            Expression::Literal(Literal::F64(_)) => scalar(Scalar::F64),
            Expression::Literal(Literal::F32(_)) => scalar(Scalar::F32),
            Expression::Param(i) => f.params[*i as usize].ty,
            Expression::Load(l) => f.locals[*l].ty,
            Expression::Unary { arg, .. } => types[arg.index()],
            Expression::Binary { op: BinaryOp::AddOverflows, .. } | Expression::Compare { .. } => scalar(Scalar::BOOL),
            Expression::Binary { left, .. } => types[left.index()],
            Expression::Select { accept, .. } => types[accept.index()],
            Expression::Cast { to, .. } => scalar(*to),
            Expression::Math { function, args } => match function.result() {
                Scalar::F64 => types[args[0].index()],
                other => scalar(other),
            },
            Expression::Len { .. } | Expression::GpuBuiltin(_) => scalar(Scalar::I64),
            Expression::Index { base, .. } | Expression::Atomic { array: base, .. } => {
                match module.types[types[base.index()]] {
                    Type::ArrayView { elem, .. } => elem,
                    _ => panic!("index of a non-array"),
                }
            }
            other => panic!("infer_types: {other:?}"),
        };
        types.push(ty);
    }
    let info = kiln_ir::FunctionInfo {
        expr_types: types,
        may_raise: true,
        recursive: false,
        callees: Vec::new(),
        key_callees: Vec::new(),
    };
    kiln_ir::ModuleInfo { functions: vec![info] }
}

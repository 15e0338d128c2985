//! What a kernel needs from memory: the analysis of its parameters, arrays and error sites,
//! and the global variables of the binding layout (see the crate documentation for the
//! contract with the runtime).

use std::collections::HashMap;
use std::num::NonZeroU32;

use kiln_ir::{
    AddressSpace, Block, Expression, Function, Handle, Local, Scalar, ScalarKind, SharedArray, Span, Statement, Type,
};
use naga::{GlobalVariable, ResourceBinding, StorageAccess, StructMember, TypeInner};

use crate::KernelError;

/// The array an array-view value denotes. Views in kernels are always one of the kernel's
/// array parameters or one of its shared arrays, known at compile time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArrayRoot {
    /// The k-th *array* parameter (binding k).
    Param(usize),
    Shared(Handle<SharedArray>),
}

/// Where a kernel parameter's value comes from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ParamSlot {
    /// Member `member` of the `Launch` struct.
    Scalar { member: u32, scalar: Scalar },
    /// The k-th array parameter.
    Array(usize),
}

/// How an element of an array is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ElemRepr {
    /// As the IR scalar itself.
    Plain(naga::Scalar),
    /// `bool` as `u32` 0/1 (bool is not host-shareable in WGSL).
    BoolU32,
    /// An integer in `atomic<T>`.
    AtomicInt(naga::Scalar),
    /// A float's bit pattern in `atomic<u64>` / `atomic<u32>`.
    AtomicFloatBits { float: naga::Scalar, bits: naga::Scalar },
}

impl ElemRepr {
    /// The naga scalar stored in memory.
    pub fn stored(self) -> naga::Scalar {
        match self {
            ElemRepr::Plain(s) | ElemRepr::AtomicInt(s) => s,
            ElemRepr::BoolU32 => naga::Scalar::U32,
            ElemRepr::AtomicFloatBits { bits, .. } => bits,
        }
    }

    pub fn is_atomic(self) -> bool {
        matches!(self, ElemRepr::AtomicInt(_) | ElemRepr::AtomicFloatBits { .. })
    }
}

/// An array as declared in the module.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ArrayDecl {
    pub global: naga::Handle<GlobalVariable>,
    pub repr: ElemRepr,
    pub len: ArrayLen,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum ArrayLen {
    /// An `i64` member of the `Launch` struct.
    Launch(u32),
    Const(u32),
}

/// Everything about the kernel's memory that the lowering needs.
pub(crate) struct Layout {
    pub params: Vec<ParamSlot>,
    /// Array parameters, in parameter order (binding k).
    pub arrays: Vec<ArrayDecl>,
    /// Shared arrays, by index in `Function::shared`.
    pub shared: Vec<ArrayDecl>,
    pub launch: naga::Handle<GlobalVariable>,
    /// Member indices of `block_offset`, `grid_dim` and `block_dim` (each `array<u32, 4>`).
    pub block_offset: u32,
    pub grid_dim: u32,
    pub block_dim: u32,
    /// `array<atomic<u32>, 1>`: the error word.
    pub error: naga::Handle<GlobalVariable>,
    /// Array-view locals and the array each denotes.
    pub local_roots: HashMap<Handle<Local>, ArrayRoot>,
    /// Whether the kernel contains a `Barrier` (then error sites do not return).
    pub has_barrier: bool,
}

fn error(message: impl Into<String>, span: Span) -> KernelError {
    KernelError { message: message.into(), span }
}

/// The scalar of a kernel-visible type, if it is one the GPU backends support.
fn kernel_scalar(ir: &kiln_ir::Module, ty: Handle<Type>) -> Option<Scalar> {
    match ir.types[ty] {
        Type::Scalar(s)
            if matches!(s, Scalar::BOOL | Scalar::I64 | Scalar::F64 | Scalar::F32 | Scalar::I32 | Scalar::U32) =>
        {
            Some(s)
        }
        _ => None,
    }
}

pub(crate) fn naga_scalar(s: Scalar) -> naga::Scalar {
    let kind = match s.kind {
        ScalarKind::Bool => naga::ScalarKind::Bool,
        ScalarKind::Sint => naga::ScalarKind::Sint,
        ScalarKind::Uint => naga::ScalarKind::Uint,
        ScalarKind::Float => naga::ScalarKind::Float,
    };
    naga::Scalar { kind, width: if s.kind == ScalarKind::Bool { naga::BOOL_WIDTH } else { s.width } }
}

/// The element scalar of an array-view type.
fn view_elem(ir: &kiln_ir::Module, ty: Handle<Type>) -> Option<(Scalar, AddressSpace)> {
    match ir.types[ty] {
        Type::ArrayView { elem, space } => kernel_scalar(ir, elem).map(|s| (s, space)),
        _ => None,
    }
}

/// Calls `f` on every statement of `block`, recursively, in pre-order (If: accept first).
pub(crate) fn walk(block: &Block, f: &mut impl FnMut(&Statement, Span)) {
    for (s, span) in block.iter() {
        f(s, span);
        s.for_each_block(|b| walk(b, f));
    }
}

/// The array an array-view expression denotes, if known (yet).
fn root_of(
    func: &Function,
    array_index: &[Option<usize>],
    local_roots: &HashMap<Handle<Local>, ArrayRoot>,
    e: Handle<Expression>,
) -> Option<ArrayRoot> {
    match func.expressions.get(e)? {
        Expression::Param(i) => array_index.get(*i as usize).copied().flatten().map(ArrayRoot::Param),
        Expression::SharedArray(s) => Some(ArrayRoot::Shared(*s)),
        Expression::Load(l) => local_roots.get(l).copied(),
        _ => None,
    }
}

/// Declares the globals of the binding layout in `module` and analyses the kernel.
pub(crate) fn build(ir: &kiln_ir::Module, func: &Function, module: &mut naga::Module) -> Result<Layout, KernelError> {
    // Parameters.
    let mut array_index = Vec::new();
    let mut array_params = Vec::new();
    let mut scalar_params = Vec::new();
    for (i, p) in func.params.iter().enumerate() {
        if let Some(s) = kernel_scalar(ir, p.ty) {
            array_index.push(None);
            scalar_params.push((i, s));
        } else if let Some((elem, AddressSpace::Global)) = view_elem(ir, p.ty) {
            array_index.push(Some(array_params.len()));
            array_params.push((i, elem));
        } else {
            return Err(error(
                format!("kernel parameter `{}` has a type that GPU kernels cannot take", p.name),
                func.span,
            ));
        }
    }

    // Array-view locals: each must always hold the same array.
    let mut local_roots: HashMap<Handle<Local>, ArrayRoot> = HashMap::new();
    let mut stores = Vec::new();
    walk(&func.body, &mut |s, span| {
        if let Statement::Store { local, value } = s {
            if func.locals.get(*local).is_some_and(|l| matches!(ir.types[l.ty], Type::ArrayView { .. })) {
                stores.push((*local, *value, span));
            }
        }
    });
    // Views can be copied from local to local: iterate to a fixed point.
    loop {
        let mut changed = false;
        for &(local, value, span) in &stores {
            let Some(root) = root_of(func, &array_index, &local_roots, value) else { continue };
            match local_roots.get(&local) {
                Some(r) if *r != root => {
                    return Err(error("an array variable in a kernel must always refer to the same array", span))
                }
                Some(_) => {}
                None => {
                    local_roots.insert(local, root);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    if let Some(&(_, _, span)) = stores.iter().find(|(l, _, _)| !local_roots.contains_key(l)) {
        return Err(error("cannot tell which array this array variable refers to", span));
    }

    // Arrays that atomics target.
    let mut atomic_roots = Vec::new();
    for (h, e) in func.expressions.iter() {
        if let Expression::Atomic { array, .. } = e {
            let span = func.expressions.span(h);
            let root = root_of(func, &array_index, &local_roots, *array)
                .ok_or_else(|| error("cannot tell which array this atomic operation targets", span))?;
            atomic_roots.push((root, span));
        }
    }
    let elem_repr = |elem: Scalar, root: ArrayRoot| -> Result<ElemRepr, KernelError> {
        let atomic_span = atomic_roots.iter().find(|(r, _)| *r == root).map(|(_, s)| *s);
        Ok(match (elem, atomic_span) {
            (Scalar::BOOL, None) => ElemRepr::BoolU32,
            (s, None) => ElemRepr::Plain(naga_scalar(s)),
            (Scalar::BOOL, Some(span)) => {
                return Err(error("atomic operations on bool arrays are not supported", span))
            }
            (s, Some(_)) if s.is_int() => ElemRepr::AtomicInt(naga_scalar(s)),
            (s, Some(_)) => ElemRepr::AtomicFloatBits {
                float: naga_scalar(s),
                bits: if s.width == 8 { naga::Scalar::U64 } else { naga::Scalar::U32 },
            },
        })
    };

    let has_barrier = kiln_ir::kernel::uses_barrier(func);

    let mut types = Types { module };

    // Bindings 0..A-1: the array parameters.
    let mut arrays = Vec::new();
    let mut launch_members = Vec::new();
    let mut launch_offset = 0u32;
    let mut params = vec![ParamSlot::Array(0); func.params.len()];
    for &(i, s) in &scalar_params {
        // One 8-byte slot per scalar; 4-byte values (f32, bool as u32, i32, u32) in its low half
        // (little-endian: offset 0 of the slot), then an explicit `u32` pad member: naga's WGSL
        // writer drops explicit offsets, so the natural WGSL layout must be the contract's.
        let stored = if s == Scalar::BOOL { naga::Scalar::U32 } else { naga_scalar(s) };
        let ty = types.scalar(stored);
        params[i] = ParamSlot::Scalar { member: launch_members.len() as u32, scalar: s };
        launch_members.push(member(&func.params[i].name, ty, launch_offset));
        if stored.width == 4 {
            let pad = types.scalar(naga::Scalar::U32);
            launch_members.push(member(&format!("{}_pad", func.params[i].name), pad, launch_offset + 4));
        }
        launch_offset += 8;
    }
    let i64_ty = types.scalar(naga::Scalar::I64);
    for (k, &(i, elem)) in array_params.iter().enumerate() {
        let repr = elem_repr(elem, ArrayRoot::Param(k))?;
        let elem_ty = types.elem(repr);
        let ty = types.array(elem_ty, repr, None);
        let global = types.module.global_variables.append(
            GlobalVariable {
                name: Some(func.params[i].name.clone()),
                space: naga::AddressSpace::Storage { access: StorageAccess::LOAD | StorageAccess::STORE },
                binding: Some(ResourceBinding { group: 0, binding: k as u32 }),
                ty,
                init: None,
                memory_decorations: Default::default(),
            },
            naga::Span::UNDEFINED,
        );
        params[i] = ParamSlot::Array(k);
        arrays.push(ArrayDecl { global, repr, len: ArrayLen::Launch(launch_members.len() as u32) });
        launch_members.push(member(&format!("len_{}", func.params[i].name), i64_ty, launch_offset));
        launch_offset += 8;
    }
    // Binding A: the Launch struct.
    let u32_ty = types.scalar(naga::Scalar::U32);
    let u32x4 = types.module.types.insert(
        naga::Type {
            name: None,
            inner: TypeInner::Array {
                base: u32_ty,
                size: naga::ArraySize::Constant(NonZeroU32::MIN.saturating_add(3)),
                stride: 4,
            },
        },
        naga::Span::UNDEFINED,
    );
    let mut dims = [0u32; 3];
    for (slot, name) in dims.iter_mut().zip(["block_offset", "grid_dim", "block_dim"]) {
        *slot = launch_members.len() as u32;
        launch_members.push(member(name, u32x4, launch_offset));
        launch_offset += 16;
    }
    dedup_member_names(&mut launch_members);
    let launch_ty = types.module.types.insert(
        naga::Type {
            name: Some("Launch".into()),
            inner: TypeInner::Struct { members: launch_members, span: launch_offset },
        },
        naga::Span::UNDEFINED,
    );
    let num_arrays = arrays.len() as u32;
    let launch = types.module.global_variables.append(
        GlobalVariable {
            name: Some("launch".into()),
            space: naga::AddressSpace::Storage { access: StorageAccess::LOAD },
            binding: Some(ResourceBinding { group: 0, binding: num_arrays }),
            ty: launch_ty,
            init: None,
            memory_decorations: Default::default(),
        },
        naga::Span::UNDEFINED,
    );
    // Binding A+1: the error word.
    let atomic_u32 = types
        .module
        .types
        .insert(naga::Type { name: None, inner: TypeInner::Atomic(naga::Scalar::U32) }, naga::Span::UNDEFINED);
    let error_ty = types.module.types.insert(
        naga::Type {
            name: None,
            inner: TypeInner::Array { base: atomic_u32, size: naga::ArraySize::Constant(NonZeroU32::MIN), stride: 4 },
        },
        naga::Span::UNDEFINED,
    );
    let error_var = types.module.global_variables.append(
        GlobalVariable {
            name: Some("error".into()),
            space: naga::AddressSpace::Storage { access: StorageAccess::LOAD | StorageAccess::STORE },
            binding: Some(ResourceBinding { group: 0, binding: num_arrays + 1 }),
            ty: error_ty,
            init: None,
            memory_decorations: Default::default(),
        },
        naga::Span::UNDEFINED,
    );

    // Shared arrays: `var<workgroup>` globals (zero-initialised by wgpu).
    let mut shared = Vec::new();
    for (h, s) in func.shared.iter() {
        let span = func.shared.span(h);
        let elem =
            kernel_scalar(ir, s.elem).ok_or_else(|| error("shared arrays hold int, float, float32 or bool", span))?;
        let repr = elem_repr(elem, ArrayRoot::Shared(h))?;
        let elem_ty = types.elem(repr);
        // WGSL has no zero-length arrays; a zero-length shared array is never indexed (every
        // index is checked against its length first), so one element is as good.
        let ty = types.array(elem_ty, repr, Some(s.len.max(1)));
        let global = types.module.global_variables.append(
            GlobalVariable {
                name: Some(format!("shared_{}", h.index())),
                space: naga::AddressSpace::WorkGroup,
                binding: None,
                ty,
                init: None,
                memory_decorations: Default::default(),
            },
            naga::Span::UNDEFINED,
        );
        shared.push(ArrayDecl { global, repr, len: ArrayLen::Const(s.len) });
    }

    Ok(Layout {
        params,
        arrays,
        shared,
        launch,
        block_offset: dims[0],
        grid_dim: dims[1],
        block_dim: dims[2],
        error: error_var,
        local_roots,
        has_barrier,
    })
}

fn member(name: &str, ty: naga::Handle<naga::Type>, offset: u32) -> StructMember {
    StructMember { name: Some(name.to_string()), ty, binding: None, offset }
}

/// Struct member names must be distinct (a parameter could be called `len_x` or `grid_dim`).
fn dedup_member_names(members: &mut [StructMember]) {
    let mut seen = std::collections::HashSet::new();
    for m in members.iter_mut() {
        let base = m.name.clone().unwrap_or_default();
        let mut name = base.clone();
        let mut n = 1;
        while !seen.insert(name.clone()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        m.name = Some(name);
    }
}

/// Type interning on the module being built.
struct Types<'m> {
    module: &'m mut naga::Module,
}

impl Types<'_> {
    fn scalar(&mut self, s: naga::Scalar) -> naga::Handle<naga::Type> {
        self.module.types.insert(naga::Type { name: None, inner: TypeInner::Scalar(s) }, naga::Span::UNDEFINED)
    }

    fn elem(&mut self, repr: ElemRepr) -> naga::Handle<naga::Type> {
        let inner = if repr.is_atomic() { TypeInner::Atomic(repr.stored()) } else { TypeInner::Scalar(repr.stored()) };
        self.module.types.insert(naga::Type { name: None, inner }, naga::Span::UNDEFINED)
    }

    fn array(&mut self, base: naga::Handle<naga::Type>, repr: ElemRepr, len: Option<u32>) -> naga::Handle<naga::Type> {
        let size = match len.and_then(NonZeroU32::new) {
            Some(n) => naga::ArraySize::Constant(n),
            None => naga::ArraySize::Dynamic,
        };
        let stride = repr.stored().width as u32;
        self.module
            .types
            .insert(naga::Type { name: None, inner: TypeInner::Array { base, size, stride } }, naga::Span::UNDEFINED)
    }
}

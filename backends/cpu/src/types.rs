//! IR types → LLVM types.
//!
//! Each IR type has a *register* type (how a value travels in SSA form) and a *memory* type (how
//! it is stored in locals, globals and list elements). They differ only for `bool` (`i1` in
//! registers, `i8` in memory). `None` is an `i8` that is always 0.

use inkwell::context::Context;
use inkwell::types::BasicTypeEnum;
use inkwell::AddressSpace;
use kiln_ir::{Handle, Module, Scalar, ScalarKind, Span, Type};

use crate::BackendError;

pub(crate) fn scalar_type(ctx: &Context, scalar: Scalar) -> Result<BasicTypeEnum<'_>, BackendError> {
    Ok(match (scalar.kind, scalar.width) {
        (ScalarKind::Bool, _) => ctx.bool_type().into(),
        (ScalarKind::Sint | ScalarKind::Uint, 1) => ctx.i8_type().into(),
        (ScalarKind::Sint | ScalarKind::Uint, 2) => ctx.i16_type().into(),
        (ScalarKind::Sint | ScalarKind::Uint, 4) => ctx.i32_type().into(),
        (ScalarKind::Sint | ScalarKind::Uint, 8) => ctx.i64_type().into(),
        (ScalarKind::Sint | ScalarKind::Uint, 16) => ctx.i128_type().into(),
        (ScalarKind::Float, 2) => ctx.f16_type().into(),
        (ScalarKind::Float, 4) => ctx.f32_type().into(),
        (ScalarKind::Float, 8) => ctx.f64_type().into(),
        _ => {
            return Err(BackendError::new(
                format!("the CPU backend does not support the scalar type {scalar}"),
                Span::UNDEFINED,
            ))
        }
    })
}

/// How values of `ty` travel in registers.
pub(crate) fn reg_type<'ctx>(
    ctx: &'ctx Context,
    module: &Module,
    ty: Handle<Type>,
) -> Result<BasicTypeEnum<'ctx>, BackendError> {
    Ok(match &module.types[ty] {
        Type::None => ctx.i8_type().into(),
        Type::Scalar(s) => scalar_type(ctx, *s)?,
        Type::Str
        | Type::File
        | Type::DeviceArray { .. }
        | Type::List { .. }
        | Type::Dict { .. }
        | Type::Set { .. }
        | Type::Pointer { .. }
        | Type::Object { .. }
        | Type::Exception
        | Type::Cell { .. }
        | Type::Generator { .. }
        | Type::ArrayView { .. } => ctx.ptr_type(AddressSpace::default()).into(),
        Type::Tuple { elems } => {
            let fields = elems.iter().map(|e| mem_type(ctx, module, *e)).collect::<Result<Vec<_>, _>>()?;
            ctx.struct_type(&fields, false).into()
        }
    })
}

/// How values of `ty` are stored in memory.
pub(crate) fn mem_type<'ctx>(
    ctx: &'ctx Context,
    module: &Module,
    ty: Handle<Type>,
) -> Result<BasicTypeEnum<'ctx>, BackendError> {
    match &module.types[ty] {
        Type::Scalar(Scalar { kind: ScalarKind::Bool, .. }) => Ok(ctx.i8_type().into()),
        _ => reg_type(ctx, module, ty),
    }
}

pub(crate) fn is_bool(module: &Module, ty: Handle<Type>) -> bool {
    matches!(module.types[ty], Type::Scalar(Scalar { kind: ScalarKind::Bool, .. }))
}

pub(crate) fn is_none(module: &Module, ty: Handle<Type>) -> bool {
    matches!(module.types[ty], Type::None)
}

pub(crate) fn scalar_of(module: &Module, ty: Handle<Type>) -> Option<Scalar> {
    match module.types[ty] {
        Type::Scalar(s) => Some(s),
        _ => None,
    }
}

/// Whether values of `ty` hold pointers the garbage collector must trace.
pub(crate) fn has_pointers(module: &Module, ty: Handle<Type>) -> bool {
    match &module.types[ty] {
        Type::None | Type::Scalar(_) => false,
        Type::Str
        | Type::File
        | Type::DeviceArray { .. }
        | Type::List { .. }
        | Type::Dict { .. }
        | Type::Set { .. }
        | Type::Pointer { .. }
        | Type::Object { .. }
        | Type::Exception
        | Type::Cell { .. }
        | Type::Generator { .. }
        | Type::ArrayView { .. } => true,
        Type::Tuple { elems } => elems.iter().any(|e| has_pointers(module, *e)),
    }
}

/// The name of the TBAA type tag for list elements of type `ty` (`None` for no tag). Two element
/// types share a tag exactly when they share a memory representation.
pub(crate) fn tbaa_name(module: &Module, ty: Handle<Type>) -> Option<String> {
    Some(match &module.types[ty] {
        Type::None => "i8".into(),
        Type::Scalar(s) => match s.kind {
            ScalarKind::Bool => "i8".into(),
            ScalarKind::Sint | ScalarKind::Uint => format!("i{}", s.width as u32 * 8),
            ScalarKind::Float => format!("f{}", s.width as u32 * 8),
        },
        Type::Str
        | Type::File
        | Type::DeviceArray { .. }
        | Type::List { .. }
        | Type::Dict { .. }
        | Type::Set { .. }
        | Type::Pointer { .. }
        | Type::Object { .. }
        | Type::Exception
        | Type::Cell { .. }
        | Type::Generator { .. }
        | Type::ArrayView { .. } => "ptr".into(),
        Type::Tuple { .. } => return None,
    })
}

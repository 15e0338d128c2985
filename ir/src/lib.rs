//! The kiln IR: the device-oriented program representation between the frontend and the
//! backends.
//!
//! - [`arena`]: typed `u32` handles into arenas, spans in parallel vectors.
//! - [`types`]: scalar, string, list, tuple, pointer and array-view types with address spaces.
//! - [`ir`]: the module, functions, expressions and structured statements (including kernels,
//!   parallel loops, barriers, atomics and shared memory).
//! - [`valid`]: the validator and the side tables it produces.
//! - [`print`]: the stable text form.
//! - [`passes`]: target-independent optimisations (accumulator tail-recursion elimination) and
//!   kernel lowering (inlining, explicit checks).
//! - [`build`]: a builder of hand-made kernel IR (backend tests, tools).
//! - [`kernel`]: facts about lowered kernels that backends and the runtime share (error sites).
//!
//! *Architecture invariant:* this crate knows nothing of LLVM, naga, CUDA or Python syntax.

pub mod arena;
pub mod build;
pub mod ir;
pub mod kernel;
pub mod passes;
pub mod print;
pub mod types;
pub mod valid;

pub use arena::{Arena, Handle, Range, Span, UniqueArena};
pub use ir::*;
pub use types::{AddressSpace, Scalar, ScalarKind, Type};
pub use valid::{validate, FunctionInfo, ModuleInfo, ValidationError};

impl Module {
    /// A module with the core Python types (`None`, `bool`, `int`, `float`, `str`) interned.
    pub fn new() -> Module {
        let mut module = Module::default();
        module.types.insert(Type::None);
        for scalar in [Scalar::BOOL, Scalar::I64, Scalar::F64] {
            module.types.insert(Type::Scalar(scalar));
        }
        module.types.insert(Type::Str);
        module
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds `fn add1(x: i64) -> i64 { return x + 1 }` by hand.
    fn add1_module() -> Module {
        let mut module = Module::new();
        let i64_ty = module.scalar_type(Scalar::I64);
        let mut f = Function::new("add1", "add1", i64_ty, Span::UNDEFINED);
        f.params.push(Param { name: "x".into(), ty: i64_ty });
        let x = f.expressions.append(Expression::Param(0), Span::UNDEFINED);
        let one = f.expressions.append(Expression::Literal(Literal::I64(1)), Span::UNDEFINED);
        let sum = f.expressions.append(Expression::Binary { op: BinaryOp::Add, left: x, right: one }, Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(x, one)), Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(one, f.expressions.next_handle())), Span::UNDEFINED);
        f.body.push(Statement::Return { value: Some(sum) }, Span::UNDEFINED);
        module.functions.append(f, Span::UNDEFINED);
        module
    }

    #[test]
    fn adjacent_emits_merge_and_validate() {
        let module = add1_module();
        assert_eq!(module.functions.iter().next().unwrap().1.body.len(), 2);
        let info = validate(&module).expect("valid");
        let f = info.function(Handle::from_index(0));
        assert!(f.may_raise, "checked int add can raise OverflowError");
        assert!(!f.recursive);
    }

    #[test]
    fn printer_output() {
        let module = add1_module();
        let info = validate(&module).unwrap();
        let text = print::print_module(&module, Some(&info));
        assert_eq!(
            text,
            "fn add1(x: i64) -> i64 ; add1, may raise\n{\n  e0 = param 0\n  e1 = const i64 1\n  e2 = add e0, e1\n  return e2\n}\n"
        );
    }

    #[test]
    fn use_before_emit_is_rejected() {
        let mut module = Module::new();
        let i64_ty = module.scalar_type(Scalar::I64);
        let mut f = Function::new("bad", "bad", i64_ty, Span::UNDEFINED);
        let one = f.expressions.append(Expression::Literal(Literal::I64(1)), Span::UNDEFINED);
        f.body.push(Statement::Return { value: Some(one) }, Span::UNDEFINED);
        module.functions.append(f, Span::UNDEFINED);
        let err = validate(&module).err().expect("must fail");
        assert!(err.message.contains("before it is emitted"), "{}", err.message);
    }

    #[test]
    fn block_scoping_is_enforced() {
        let mut module = Module::new();
        let i64_ty = module.scalar_type(Scalar::I64);
        let mut f = Function::new("scoped", "scoped", i64_ty, Span::UNDEFINED);
        let c = f.expressions.append(Expression::Literal(Literal::Bool(true)), Span::UNDEFINED);
        let one = f.expressions.append(Expression::Literal(Literal::I64(1)), Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(c, one)), Span::UNDEFINED);
        let mut inner = Block::new();
        inner.push(Statement::Emit(Range::new(one, f.expressions.next_handle())), Span::UNDEFINED);
        f.body.push(Statement::If { condition: c, accept: inner, reject: Block::new() }, Span::UNDEFINED);
        f.body.push(Statement::Return { value: Some(one) }, Span::UNDEFINED);
        module.functions.append(f, Span::UNDEFINED);
        assert!(validate(&module).is_err());
    }

    /// `fn fmt(x: i64) -> str { return format_dynamic.percent "%d"(x, object(s, s)) }`, or with
    /// a list argument (which needs converting first) when `list_arg`.
    fn format_module(list_arg: bool) -> Module {
        let mut module = Module::new();
        let i64_ty = module.scalar_type(Scalar::I64);
        let str_ty = module.types.insert(Type::Str);
        let list_ty = module.types.insert(Type::List { elem: i64_ty });
        let mut f = Function::new("fmt", "fmt", str_ty, Span::UNDEFINED);
        f.params.push(Param { name: "x".into(), ty: if list_arg { list_ty } else { i64_ty } });
        let x = f.expressions.append(Expression::Param(0), Span::UNDEFINED);
        let t = f.expressions.append(Expression::Literal(Literal::Str("%d %s".into())), Span::UNDEFINED);
        let s = f.expressions.append(Expression::Literal(Literal::Str("[1]".into())), Span::UNDEFINED);
        let args = vec![FormatArg { value: x, repr: None }, FormatArg { value: s, repr: Some(s) }];
        let r = f
            .expressions
            .append(Expression::FormatDynamic { kind: FormatKind::Percent, template: t, args }, Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(x, f.expressions.next_handle())), Span::UNDEFINED);
        f.body.push(Statement::Return { value: Some(r) }, Span::UNDEFINED);
        module.functions.append(f, Span::UNDEFINED);
        module
    }

    #[test]
    fn format_dynamic_validates_and_prints() {
        let module = format_module(false);
        let info = validate(&module).expect("valid");
        assert!(info.function(Handle::from_index(0)).may_raise);
        let text = print::print_module(&module, Some(&info));
        assert!(text.contains("e3 = format_dynamic.percent e1(e0, object(e2, e2))"), "{text}");
        let err = validate(&format_module(true)).err().expect("a list argument must be converted first");
        assert!(err.message.contains("format argument"), "{}", err.message);
    }

    #[test]
    fn recursion_is_detected() {
        let mut module = Module::new();
        let none = module.types.insert(Type::None);
        let mut f = Function::new("loop_forever", "loop_forever", none, Span::UNDEFINED);
        let call =
            f.expressions.append(Expression::Call { function: Handle::from_index(0), args: vec![] }, Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(call, f.expressions.next_handle())), Span::UNDEFINED);
        f.body.push(Statement::Return { value: Some(call) }, Span::UNDEFINED);
        module.functions.append(f, Span::UNDEFINED);
        let info = validate(&module).unwrap();
        assert!(info.function(Handle::from_index(0)).recursive);
        assert!(info.function(Handle::from_index(0)).may_raise);
    }
}

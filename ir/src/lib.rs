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

    /// `gen(n) -> generator[i64]`: `yield n; if n > 1: raise ValueError; return`, a generator
    /// function unless `plain`; `yielded` replaces the yielded value and `returned` the
    /// (absent) value of the return.
    fn generator_module(
        plain: bool,
        yielded: Option<Literal>,
        returned: Option<Literal>,
    ) -> (Module, Handle<Function>) {
        let mut module = Module::new();
        let i64_ty = module.scalar_type(Scalar::I64);
        let gen_ty = module.types.insert(Type::Generator { elem: i64_ty });
        let mut f = Function::new("gen", "gen", gen_ty, Span::UNDEFINED);
        f.generator = !plain;
        f.params.push(Param { name: "n".into(), ty: i64_ty });
        let n = f.expressions.append(Expression::Param(0), Span::UNDEFINED);
        let one = f.expressions.append(Expression::Literal(Literal::I64(1)), Span::UNDEFINED);
        let big = f.expressions.append(Expression::Compare { op: CompareOp::Gt, left: n, right: one }, Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(n, f.expressions.next_handle())), Span::UNDEFINED);
        let value = match yielded {
            Some(lit) => {
                let h = f.expressions.append(Expression::Literal(lit), Span::UNDEFINED);
                f.body.push(Statement::Emit(Range::new(h, f.expressions.next_handle())), Span::UNDEFINED);
                h
            }
            None => n,
        };
        f.body.push(Statement::Yield { value }, Span::UNDEFINED);
        let mut raise = Block::new();
        raise.push(Statement::Raise { kind: ExceptionKind::ValueError, message: None }, Span::UNDEFINED);
        f.body.push(Statement::If { condition: big, accept: raise, reject: Block::new() }, Span::UNDEFINED);
        let value = returned.map(|lit| {
            let h = f.expressions.append(Expression::Literal(lit), Span::UNDEFINED);
            f.body.push(Statement::Emit(Range::new(h, f.expressions.next_handle())), Span::UNDEFINED);
            h
        });
        f.body.push(Statement::Return { value }, Span::UNDEFINED);
        let gen = module.functions.append(f, Span::UNDEFINED);
        (module, gen)
    }

    /// Adds `make(n: i64) -> generator[i64] { return gen(n) }` and `drive(g) -> i64` (one
    /// resume, then the value) to a generator module.
    fn add_drivers(module: &mut Module, gen: Handle<Function>) -> (Handle<Function>, Handle<Function>) {
        let i64_ty = module.scalar_type(Scalar::I64);
        let gen_ty = module.types.insert(Type::Generator { elem: i64_ty });
        let mut make = Function::new("make", "make", gen_ty, Span::UNDEFINED);
        make.params.push(Param { name: "n".into(), ty: i64_ty });
        let n = make.expressions.append(Expression::Param(0), Span::UNDEFINED);
        let g = make.expressions.append(Expression::Call { function: gen, args: vec![n] }, Span::UNDEFINED);
        make.body.push(Statement::Emit(Range::new(n, make.expressions.next_handle())), Span::UNDEFINED);
        make.body.push(Statement::Return { value: Some(g) }, Span::UNDEFINED);
        let make = module.functions.append(make, Span::UNDEFINED);
        let mut drive = Function::new("drive", "drive", i64_ty, Span::UNDEFINED);
        drive.params.push(Param { name: "g".into(), ty: gen_ty });
        let g = drive.expressions.append(Expression::Param(0), Span::UNDEFINED);
        drive.expressions.append(Expression::GenResume { gen: g }, Span::UNDEFINED);
        let v = drive.expressions.append(Expression::GenValue { gen: g }, Span::UNDEFINED);
        drive.body.push(Statement::Emit(Range::new(g, drive.expressions.next_handle())), Span::UNDEFINED);
        drive.body.push(Statement::Return { value: Some(v) }, Span::UNDEFINED);
        let drive = module.functions.append(drive, Span::UNDEFINED);
        (make, drive)
    }

    #[test]
    fn generators_validate_and_print() {
        let (mut module, gen) = generator_module(false, None, None);
        let (make, drive) = add_drivers(&mut module, gen);
        let info = validate(&module).expect("valid");
        assert!(info.function(gen).may_raise, "the body raises");
        assert!(!info.function(make).may_raise, "creating a generator runs none of its body");
        assert!(info.function(drive).may_raise, "a resume runs the body");
        let text = print::print_module(&module, Some(&info));
        for needle in [
            "fn gen(n: i64) -> generator[i64] ; gen, generator, may raise\n",
            "  yield e0\n",
            "  return\n",
            "fn make(n: i64) -> generator[i64] ; make\n",
            "  e1 = gen_resume e0\n  e2 = gen_value e0\n",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }

    #[test]
    fn yield_outside_a_generator_is_rejected() {
        let (module, _) = generator_module(true, None, None);
        let err = validate(&module).err().expect("must fail");
        assert!(err.message.contains("yield outside a generator"), "{}", err.message);
    }

    #[test]
    fn return_with_a_value_in_a_generator_is_rejected() {
        let (module, _) = generator_module(false, None, Some(Literal::I64(3)));
        let err = validate(&module).err().expect("must fail");
        assert!(err.message.contains("return with a value in a generator"), "{}", err.message);
    }

    #[test]
    fn ill_formed_generators_are_rejected() {
        let (module, _) = generator_module(false, Some(Literal::F64(1.5)), None);
        let err = validate(&module).err().expect("a float yielded by a generator of ints");
        assert!(err.message.contains("yielded value"), "{}", err.message);

        let (mut module, gen) = generator_module(false, None, None);
        module.functions[gen].kind = FunctionKind::Kernel;
        let err = validate(&module).err().expect("a kernel cannot be a generator");
        assert!(err.message.contains("cannot be a generator"), "{}", err.message);

        let (mut module, gen) = generator_module(false, None, None);
        module.functions[gen].result = module.scalar_type(Scalar::I64);
        let err = validate(&module).err().expect("a generator function returns a generator");
        assert!(err.message.contains("must return a generator"), "{}", err.message);

        // A resume of something that is not a generator.
        let mut module = Module::new();
        let bool_ty = module.scalar_type(Scalar::BOOL);
        let mut f = Function::new("bad", "bad", bool_ty, Span::UNDEFINED);
        let one = f.expressions.append(Expression::Literal(Literal::I64(1)), Span::UNDEFINED);
        let r = f.expressions.append(Expression::GenResume { gen: one }, Span::UNDEFINED);
        f.body.push(Statement::Emit(Range::new(one, f.expressions.next_handle())), Span::UNDEFINED);
        f.body.push(Statement::Return { value: Some(r) }, Span::UNDEFINED);
        module.functions.append(f, Span::UNDEFINED);
        let err = validate(&module).err().expect("must fail");
        assert!(err.message.contains("not a generator"), "{}", err.message);

        // A yield inside a parallel loop.
        let (mut module, gen) = generator_module(false, None, None);
        let i64_ty = module.scalar_type(Scalar::I64);
        let f = &mut module.functions[gen];
        let index = f.locals.append(Local { name: "i".into(), ty: i64_ty }, Span::UNDEFINED);
        let zero = f.expressions.append(Expression::Literal(Literal::I64(0)), Span::UNDEFINED);
        let x = f.expressions.append(Expression::Load(index), Span::UNDEFINED);
        let mut body = Block::new();
        body.push(Statement::Emit(Range::new(x, f.expressions.next_handle())), Span::UNDEFINED);
        body.push(Statement::Yield { value: x }, Span::UNDEFINED);
        let mut block = Block::new();
        block.push(Statement::Emit(Range::new(zero, x)), Span::UNDEFINED);
        block.push(
            Statement::ParallelFor {
                index,
                start: zero,
                stop: zero,
                step: zero,
                body,
                schedule: Schedule::Static,
                chunk_size: None,
                num_threads: None,
                target: ParallelTarget::Cpu,
                reductions: vec![],
            },
            Span::UNDEFINED,
        );
        f.body = block;
        let err = validate(&module).err().expect("must fail");
        assert!(err.message.contains("yield inside a parallel loop"), "{}", err.message);
    }
}

//! Test helpers: a small IR builder and a runner that executes a module in a child process
//! (through the runtime's `kiln_rt_main`) and captures its stdout, stderr and exit status.

#![allow(dead_code)]

use std::io::Write;
use std::process::Command;

use kiln_ir::*;

/// A source file of `LINES` one-character lines, so that spans can name any line.
const LINES: u32 = 1000;
pub const FILE: &str = "test.py";

pub struct ModuleBuilder {
    pub module: Module,
}

impl Default for ModuleBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ModuleBuilder {
    pub fn new() -> ModuleBuilder {
        let mut module = Module::new();
        let text: String = "x\n".repeat(LINES as usize);
        module.files.push(SourceFile::new(FILE, &text));
        ModuleBuilder { module }
    }

    pub fn ty(&mut self, t: Type) -> Handle<Type> {
        self.module.types.insert(t)
    }
    pub fn none_t(&mut self) -> Handle<Type> {
        self.ty(Type::None)
    }
    pub fn int_t(&mut self) -> Handle<Type> {
        self.ty(Type::Scalar(Scalar::I64))
    }
    pub fn float_t(&mut self) -> Handle<Type> {
        self.ty(Type::Scalar(Scalar::F64))
    }
    pub fn bool_t(&mut self) -> Handle<Type> {
        self.ty(Type::Scalar(Scalar::BOOL))
    }
    pub fn str_t(&mut self) -> Handle<Type> {
        self.ty(Type::Str)
    }
    pub fn list_t(&mut self, elem: Handle<Type>) -> Handle<Type> {
        self.ty(Type::List { elem })
    }
    pub fn gen_t(&mut self, elem: Handle<Type>) -> Handle<Type> {
        self.ty(Type::Generator { elem })
    }
    pub fn exception_t(&mut self) -> Handle<Type> {
        self.ty(Type::Exception)
    }

    pub fn global(&mut self, name: &str, ty: Handle<Type>) -> Handle<Global> {
        self.module.globals.append(Global { name: name.into(), ty }, Span::UNDEFINED)
    }

    /// Reserves a function handle (so functions can call each other and themselves); define it
    /// later with [`ModuleBuilder::define`].
    pub fn declare(
        &mut self,
        name: &str,
        params: &[(&str, Handle<Type>)],
        result: Handle<Type>,
        line: u32,
    ) -> Handle<Function> {
        let mut f = Function::new(name, name, result, span(line));
        for (p, ty) in params {
            f.params.push(Param { name: (*p).into(), ty: *ty });
        }
        self.module.functions.append(f, span(line))
    }

    /// Like [`ModuleBuilder::declare`] for a generator function yielding `elem`s.
    pub fn declare_generator(
        &mut self,
        name: &str,
        params: &[(&str, Handle<Type>)],
        elem: Handle<Type>,
        line: u32,
    ) -> Handle<Function> {
        let result = self.gen_t(elem);
        let h = self.declare(name, params, result, line);
        self.module.functions[h].generator = true;
        h
    }

    pub fn builder(&self, handle: Handle<Function>) -> FnBuilder {
        let f = &self.module.functions[handle];
        let mut new = Function::new(f.name.clone(), f.source_name.clone(), f.result, f.span);
        new.params = f.params.clone();
        new.generator = f.generator;
        FnBuilder { f: new, stack: vec![Block::new()], line: f.span.start / 2 + 1 }
    }

    pub fn define(&mut self, handle: Handle<Function>, mut b: FnBuilder) {
        assert_eq!(b.stack.len(), 1, "unclosed block");
        b.f.body = b.stack.pop().unwrap();
        self.module.functions[handle] = b.f;
    }

    /// Declares `<module>` (the entry function) and returns its builder.
    pub fn main(&mut self, line: u32) -> (Handle<Function>, FnBuilder) {
        let none = self.none_t();
        let h = self.declare("__main__", &[], none, line);
        self.module.functions[h].source_name = "<module>".into();
        self.module.entry = Some(h);
        let mut b = self.builder(h);
        b.f.source_name = "<module>".into();
        (h, b)
    }
}

/// The span of (the first character of) line `line`.
pub fn span(line: u32) -> Span {
    let start = (line.max(1) - 1) * 2;
    Span::new(0, start, start + 1)
}

pub struct FnBuilder {
    pub f: Function,
    stack: Vec<Block>,
    /// The source line given to the next statements and expressions.
    pub line: u32,
}

impl FnBuilder {
    pub fn at(&mut self, line: u32) -> &mut Self {
        self.line = line;
        self
    }

    /// Appends an expression and emits it at once.
    pub fn e(&mut self, expr: Expression) -> Handle<Expression> {
        let h = self.f.expressions.append(expr, span(self.line));
        let next = self.f.expressions.next_handle();
        self.s(Statement::Emit(Range::new(h, next)));
        h
    }

    pub fn s(&mut self, statement: Statement) {
        let sp = span(self.line);
        self.stack.last_mut().unwrap().push(statement, sp);
    }

    pub fn local(&mut self, name: &str, ty: Handle<Type>) -> Handle<Local> {
        self.f.locals.append(Local { name: name.into(), ty }, span(self.line))
    }

    pub fn param(&mut self, i: u32) -> Handle<Expression> {
        self.e(Expression::Param(i))
    }
    pub fn int(&mut self, v: i64) -> Handle<Expression> {
        self.e(Expression::Literal(Literal::I64(v)))
    }
    pub fn float(&mut self, v: f64) -> Handle<Expression> {
        self.e(Expression::Literal(Literal::F64(v)))
    }
    pub fn boolean(&mut self, v: bool) -> Handle<Expression> {
        self.e(Expression::Literal(Literal::Bool(v)))
    }
    pub fn string(&mut self, v: &str) -> Handle<Expression> {
        self.e(Expression::Literal(Literal::Str(v.into())))
    }
    pub fn none(&mut self) -> Handle<Expression> {
        self.e(Expression::Literal(Literal::None))
    }
    pub fn load(&mut self, l: Handle<Local>) -> Handle<Expression> {
        self.e(Expression::Load(l))
    }
    pub fn store(&mut self, local: Handle<Local>, value: Handle<Expression>) {
        self.s(Statement::Store { local, value })
    }
    pub fn load_global(&mut self, g: Handle<Global>) -> Handle<Expression> {
        self.e(Expression::LoadGlobal(g))
    }
    pub fn store_global(&mut self, global: Handle<Global>, value: Handle<Expression>) {
        self.s(Statement::StoreGlobal { global, value })
    }
    pub fn bin(&mut self, op: BinaryOp, left: Handle<Expression>, right: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::Binary { op, left, right })
    }
    pub fn cmp(&mut self, op: CompareOp, left: Handle<Expression>, right: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::Compare { op, left, right })
    }
    pub fn unary(&mut self, op: UnaryOp, arg: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::Unary { op, arg })
    }
    pub fn cast(&mut self, value: Handle<Expression>, to: Scalar) -> Handle<Expression> {
        self.e(Expression::Cast { value, to, kind: CastKind::Convert })
    }
    pub fn call(&mut self, function: Handle<Function>, args: &[Handle<Expression>]) -> Handle<Expression> {
        self.e(Expression::Call { function, args: args.to_vec() })
    }
    pub fn rt(&mut self, function: RuntimeFn, args: &[Handle<Expression>]) -> Handle<Expression> {
        self.e(Expression::RuntimeCall { function, args: args.to_vec() })
    }
    pub fn math(&mut self, function: MathFunction, args: &[Handle<Expression>]) -> Handle<Expression> {
        self.e(Expression::Math { function, args: args.to_vec() })
    }
    pub fn index(&mut self, base: Handle<Expression>, index: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::Index { base, index })
    }
    pub fn index_store(&mut self, base: Handle<Expression>, index: Handle<Expression>, value: Handle<Expression>) {
        self.s(Statement::IndexStore { base, index, value })
    }
    pub fn append(&mut self, list: Handle<Expression>, value: Handle<Expression>) {
        self.s(Statement::ListAppend { list, value })
    }
    pub fn len(&mut self, value: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::Len { value })
    }
    pub fn ret(&mut self, value: Option<Handle<Expression>>) {
        self.s(Statement::Return { value })
    }
    pub fn raise(&mut self, kind: ExceptionKind, message: Option<Handle<Expression>>) {
        self.s(Statement::Raise { kind, message })
    }
    pub fn brk(&mut self) {
        self.s(Statement::Break)
    }
    pub fn yield_(&mut self, value: Handle<Expression>) {
        self.s(Statement::Yield { value })
    }
    pub fn gen_resume(&mut self, gen: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::GenResume { gen })
    }
    pub fn gen_value(&mut self, gen: Handle<Expression>) -> Handle<Expression> {
        self.e(Expression::GenValue { gen })
    }
    /// `try: body except: handler`, the exception caught into `caught`.
    pub fn try_(&mut self, caught: Handle<Local>, body: impl FnOnce(&mut Self), handler: impl FnOnce(&mut Self)) {
        let body = self.sub_block(body);
        let handler = self.sub_block(handler);
        self.s(Statement::Try { body, handler, caught });
    }
    /// `for x in gen: body(x)`: a loop of `GenResume`, left when it gives false, and
    /// `GenValue`.
    pub fn for_gen(&mut self, gen: Handle<Local>, body: impl FnOnce(&mut Self, Handle<Expression>)) {
        self.loop_(|b| {
            let g = b.load(gen);
            let more = b.gen_resume(g);
            b.if_(more, |_| {}, |b| b.brk());
            let v = b.gen_value(g);
            body(b, v);
        });
    }
    pub fn cont(&mut self) {
        self.s(Statement::Continue)
    }

    /// The statements `body` adds, as a separate block.
    pub fn sub_block(&mut self, body: impl FnOnce(&mut Self)) -> Block {
        self.stack.push(Block::new());
        body(self);
        self.stack.pop().unwrap()
    }

    pub fn if_(
        &mut self,
        condition: Handle<Expression>,
        accept: impl FnOnce(&mut Self),
        reject: impl FnOnce(&mut Self),
    ) {
        let accept = self.sub_block(accept);
        let reject = self.sub_block(reject);
        self.s(Statement::If { condition, accept, reject });
    }

    pub fn loop_(&mut self, body: impl FnOnce(&mut Self)) {
        let body = self.sub_block(body);
        self.s(Statement::Loop { body });
    }

    /// `for i in range(start, stop): body` (the body must not `continue`).
    pub fn for_range(&mut self, i: Handle<Local>, start: i64, stop: Handle<Expression>, body: impl FnOnce(&mut Self)) {
        let s = self.int(start);
        self.store(i, s);
        self.loop_(|b| {
            let cur = b.load(i);
            let done = b.cmp(CompareOp::Ge, cur, stop);
            b.if_(done, |b| b.brk(), |_| {});
            body(b);
            let cur = b.load(i);
            let one = b.int(1);
            let next = b.bin(BinaryOp::WrappingAdd, cur, one);
            b.store(i, next);
        });
    }

    pub fn print_int(&mut self, v: Handle<Expression>) {
        self.rt(RuntimeFn::PrintInt, &[v]);
    }
    pub fn print_float(&mut self, v: Handle<Expression>) {
        self.rt(RuntimeFn::PrintFloat, &[v]);
    }
    pub fn print_bool(&mut self, v: Handle<Expression>) {
        self.rt(RuntimeFn::PrintBool, &[v]);
    }
    pub fn print_str(&mut self, v: Handle<Expression>) {
        self.rt(RuntimeFn::PrintStr, &[v]);
    }
    pub fn print_text(&mut self, text: &str) {
        let s = self.string(text);
        self.print_str(s);
    }
    pub fn newline(&mut self) {
        self.print_text("\n");
    }
    /// `print(v)` for an int.
    pub fn println_int(&mut self, v: Handle<Expression>) {
        self.print_int(v);
        self.newline();
    }
}

// ----- running ----------------------------------------------------------------------------------

const CHILD_ENV: &str = "KILN_CPU_TEST_CHILD";
const MARKER: &str = "\u{1e}KILN-CHILD-START\u{1e}\n";

#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// Runs `module` at `opt_level` in a child process and returns what it printed, or `None` when
/// this process is itself a child running another program of the same test.
///
/// `test` must be the name of the calling `#[test]` function: the child re-runs that test, and
/// the test reaches this call again with `key` selecting the program to execute.
pub fn run(test: &str, key: &str, module: &Module, opt_level: u8) -> Option<Output> {
    let id = format!("{test}/{key}/O{opt_level}");
    if let Ok(wanted) = std::env::var(CHILD_ENV) {
        if wanted == id {
            run_here(module, opt_level);
        }
        return None;
    }
    let exe = std::env::current_exe().expect("test executable");
    let out = Command::new(exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1", "-q"])
        .env(CHILD_ENV, &id)
        .output()
        .expect("spawn the test executable");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let after = |s: &str| match s.find(MARKER) {
        Some(i) => s[i + MARKER.len()..].to_owned(),
        None => panic!("child {id} did not start the program:\nstdout:\n{stdout}\nstderr:\n{stderr}"),
    };
    Some(Output { stdout: after(&stdout), stderr: after(&stderr), status: out.status.code().unwrap_or(-1) })
}

/// Compiles and runs `module` through `kiln_rt_main` in this process, then exits with its status.
fn run_here(module: &Module, opt_level: u8) -> ! {
    let info = validate(module).expect("the test module is valid IR");
    let compiled =
        kiln_backend_cpu::compile(module, &info, &kiln_backend_cpu::Options { opt_level, ..Default::default() })
            .expect("compiles");
    let symbols = kiln_runtime::symbols();
    let program = compiled.jit(&symbols).expect("JIT");
    std::io::stdout().write_all(MARKER.as_bytes()).unwrap();
    std::io::stdout().flush().unwrap();
    std::io::stderr().write_all(MARKER.as_bytes()).unwrap();
    // SAFETY: `entry` is a valid `u8 (void)` function while `program` lives; no argv.
    let status = unsafe { kiln_runtime::abi::kiln_rt_main(program.entry, 0, std::ptr::null()) };
    drop(program);
    std::process::exit(status)
}

/// Runs `module` at O0 and O2 and checks its stdout and exit status (and, for a failing
/// program, that stderr ends with `last_stderr_line`).
pub fn check(test: &str, key: &str, module: &Module, stdout: &str, status: i32, last_stderr_line: Option<&str>) {
    for opt in [0, 2] {
        let Some(out) = run(test, key, module, opt) else { continue };
        assert_eq!(out.stdout, stdout, "stdout of {test}/{key} at O{opt} (stderr: {})", out.stderr);
        assert_eq!(out.status, status, "exit status of {test}/{key} at O{opt} (stderr: {})", out.stderr);
        if let Some(line) = last_stderr_line {
            assert_eq!(out.stderr.lines().last(), Some(line), "stderr of {test}/{key} at O{opt}:\n{}", out.stderr);
        }
    }
}

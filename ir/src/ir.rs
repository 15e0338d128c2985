//! The kiln IR: module, functions, expressions and statements.
//!
//! # Shape
//!
//! A [`Module`] holds interned [`Type`]s, [`Global`] variables and [`Function`]s. A function owns
//! three arenas: its [`Local`] variables, its [`Expression`]s and (inside its [`Block`]s) its
//! [`Statement`]s. Control flow is **structured**: `If`, `Loop`, `Break`, `Continue`, `Return`
//! and `Raise`; there is no arbitrary goto, because WGSL requires structure and LLVM accepts it
//! directly.
//!
//! # Evaluation order
//!
//! Expressions are values (single assignment). An expression is evaluated when the
//! [`Statement::Emit`] that covers its handle executes; every expression is covered by exactly
//! one `Emit`, and its operands must have been emitted before it, in the same block or an
//! enclosing one (the [validator](crate::valid) checks this). Expressions emitted inside a block
//! are not visible after it: values that outlive a block travel through [`Local`]s.
//! [`Expression::Literal`] and [`Expression::Param`] need an `Emit` too; this keeps one rule.
//!
//! # Exceptions
//!
//! Python exceptions are part of the semantics of many nodes: checked integer arithmetic raises
//! `OverflowError`, division raises `ZeroDivisionError`, indexing raises `IndexError`, a call
//! raises whatever its callee raised. Each node's documentation says what it raises. When a node
//! raises, control leaves the function and the exception propagates to the caller (a later
//! `Try` statement will catch it). How an exception travels is the backend's business; on the CPU
//! every function returns an error flag beside its value and the exception object waits in the
//! runtime (see ARCHITECTURE.md).
//!
//! # Generators
//!
//! A [generator function](Function::generator) returns a [`Type::Generator`]; its body runs in
//! steps driven by [`Expression::GenResume`], each step ending at a [`Statement::Yield`] (whose
//! value [`Expression::GenValue`] reads) or at the end of the body. A frontend lowers
//! `for x in g(...)` to a loop of `GenResume` (break on `false`) and `GenValue`.
//!
//! # Device constructs
//!
//! Kernels ([`FunctionKind::Kernel`]), parallel loops ([`Statement::ParallelFor`]), thread and
//! block indices ([`Expression::GpuBuiltin`]), barriers, atomics and shared memory are ordinary
//! nodes, so a kernel is just a function every backend can lower.

use crate::arena::{Arena, Handle, Range, Span, UniqueArena};
use crate::types::{Scalar, Type};

/// A whole program: the unit handed to a backend.
#[derive(Default)]
pub struct Module {
    pub types: UniqueArena<Type>,
    pub globals: Arena<Global>,
    pub functions: Arena<Function>,
    /// The function that runs the main file's module-level code; `None` for a library.
    pub entry: Option<Handle<Function>>,
    /// Source files that spans point into (index = [`Span::file`]).
    pub files: Vec<SourceFile>,
    /// User classes; the index is the class id stored in each instance's header.
    pub classes: Vec<ClassDecl>,
}

/// A user class: the name and the layout of its instances.
///
/// Class ids are assigned in pre-order of the inheritance forest, so the classes that are
/// `class` or inherit from it are exactly the ids `class..=last_descendant`: `isinstance`
/// and method dispatch are range tests on the id.
#[derive(Clone, Debug)]
pub struct ClassDecl {
    /// The name as written (shown by default `repr`s and exception reports).
    pub name: String,
    /// The dotted name of the module that defines it; `None` for the main file (`__main__`).
    pub module: Option<String>,
    pub base: Option<u32>,
    /// Every field of an instance, the base class's fields first (in the base's order), so
    /// that a field has the same index in a class and all its subclasses.
    pub fields: Vec<Field>,
    pub last_descendant: u32,
    /// For a class without a user base that inherits a built-in exception class
    /// (`class BankError(Exception)`), that class. A class is an exception class when it or
    /// a base has one; instances of exception classes can be raised.
    pub exception_base: Option<ExceptionKind>,
    /// How `dict` keys and `set` elements of this (static) class type are hashed and
    /// compared: `fn(Object) -> int` giving `hash(x)` (the user's `__hash__`, by the
    /// instance's class) and `fn(Object, Object) -> bool` giving `x is y or x == y`. `None`:
    /// by identity (the instance's address), as `object.__hash__`/`__eq__` do.
    pub key_functions: Option<(Handle<Function>, Handle<Function>)>,
}

/// A class named in an `except` clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionClass {
    Builtin(ExceptionKind),
    /// A user exception class (an index into [`Module::classes`]).
    User(u32),
}

/// A field of a class's instances. A new instance has every field zero (null for pointers).
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub ty: Handle<Type>,
}

/// A source file, kept so that spans can be turned into line numbers (tracebacks, diagnostics).
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (shown in tracebacks).
    pub name: String,
    /// Byte offset of the start of each line.
    pub line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: &str) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        SourceFile { name: name.into(), line_starts }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
}

impl Module {
    /// The 1-based line of `span` and the name of its file, when the span is defined.
    pub fn line_of(&self, span: Span) -> Option<(&str, u32)> {
        let file = self.files.get(span.file as usize)?;
        Some((&file.name, file.line_of(span.start)))
    }

    pub fn scalar_type(&mut self, scalar: Scalar) -> Handle<Type> {
        self.types.insert(Type::Scalar(scalar))
    }
}

/// A module-level variable (a Python global). Zero-initialised before the entry function runs.
#[derive(Clone, Debug)]
pub struct Global {
    pub name: String,
    pub ty: Handle<Type>,
}

/// What a function is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// Ordinary code running on the host CPU.
    Host,
    /// A GPU kernel entry point: launched over a grid of blocks of threads. Parameters are
    /// scalars or [`Type::ArrayView`]s in [`crate::AddressSpace::Global`]; returns `None`.
    Kernel,
    /// A helper callable from kernels (inlined into them by the GPU backends).
    Device,
}

/// A function parameter.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub ty: Handle<Type>,
}

/// A mutable local variable. Backends give it a stack slot (or a register).
#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: Handle<Type>,
}

/// A fixed-size array in block-shared memory, declared by a kernel (`gpu.shared.array`).
#[derive(Clone, Debug)]
pub struct SharedArray {
    pub elem: Handle<Type>,
    pub len: u32,
}

/// One function of the module: a monomorphic instance of a source function, the module's top
/// level, or a kernel.
pub struct Function {
    /// Unique symbol name (instances of one source function get distinct names).
    pub name: String,
    /// The name the user wrote (`<module>` for top-level code); shown in tracebacks.
    pub source_name: String,
    pub kind: FunctionKind,
    pub params: Vec<Param>,
    pub result: Handle<Type>,
    pub locals: Arena<Local>,
    pub expressions: Arena<Expression>,
    pub shared: Arena<SharedArray>,
    pub body: Block,
    pub span: Span,
    /// kiln's own library code (the `stdlib/` prelude): like CPython's builtins, which are
    /// written in C, its frames never appear in tracebacks.
    pub hidden: bool,
    /// A *generator function* (a `def` whose body contains `yield`). Its `result` is a
    /// [`Type::Generator`]; calling it ([`Expression::Call`]) creates the generator object and
    /// runs nothing of the body, so the call itself never raises. The body runs piecewise, in
    /// [`Expression::GenResume`]s: up to each [`Statement::Yield`], then to its end. In the
    /// body, `Return` carries no value (a generator's `return` ends it) and falling off the end
    /// ends it too. Generator functions are host functions (never kernels or device
    /// functions), and the entry function is not one.
    pub generator: bool,
}

impl Function {
    pub fn new(name: impl Into<String>, source_name: impl Into<String>, result: Handle<Type>, span: Span) -> Function {
        Function {
            name: name.into(),
            source_name: source_name.into(),
            kind: FunctionKind::Host,
            params: Vec::new(),
            result,
            locals: Arena::new(),
            expressions: Arena::new(),
            shared: Arena::new(),
            body: Block::new(),
            span,
            hidden: false,
            generator: false,
        }
    }
}

/// A sequence of statements with a span per statement.
#[derive(Default, Debug)]
pub struct Block {
    body: Vec<Statement>,
    spans: Vec<Span>,
}

impl Block {
    pub fn new() -> Block {
        Block::default()
    }

    pub fn push(&mut self, statement: Statement, span: Span) {
        // Consecutive emits of adjacent expression ranges merge into one.
        if let (Statement::Emit(new), Some(Statement::Emit(last))) = (&statement, self.body.last_mut()) {
            if last.end == new.start {
                last.end = new.end;
                return;
            }
        }
        self.body.push(statement);
        self.spans.push(span);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Statement, Span)> {
        self.body.iter().zip(self.spans.iter().copied())
    }

    pub fn len(&self) -> usize {
        self.body.len()
    }

    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    pub fn last(&self) -> Option<&Statement> {
        self.body.last()
    }
}

impl IntoIterator for Block {
    type Item = (Statement, Span);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<Statement>, std::vec::IntoIter<Span>>;
    fn into_iter(self) -> Self::IntoIter {
        self.body.into_iter().zip(self.spans)
    }
}

/// A constant value.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    None,
    Bool(bool),
    I32(i32),
    I64(i64),
    U32(u32),
    F32(f32),
    F64(f64),
    /// A string constant (UTF-8).
    Str(String),
}

/// Unary operators. On `i64`, `Neg` raises `OverflowError` for the minimum value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    /// Logical not of a `bool`.
    Not,
    /// Bitwise not (`~x`) of an integer.
    BitNot,
}

/// Binary arithmetic and bitwise operators, with **Python's** semantics. Both operands have the
/// same scalar type (the frontend inserts casts), except `Shl`/`Shr` whose operands are both
/// integers of the same type as well.
///
/// On integers:
/// - `Add`, `Sub`, `Mul`, `Shl` raise `OverflowError` when the exact result does not fit;
/// - `FloorDiv` and `Mod` round toward negative infinity (`-7 // 2 == -4`, `-7 % 2 == 1`) and
///   raise `ZeroDivisionError` for a zero divisor and `OverflowError` for `MIN // -1`;
/// - `Pow` raises `OverflowError` on overflow and `ValueError` for a negative exponent;
/// - `Shl`/`Shr` raise `ValueError` for a negative shift count; `Shr` is arithmetic;
/// - `WrappingAdd` wraps around (compiler-made counters only; never user arithmetic);
/// - `AddOverflows`, `SubOverflows` and `MulOverflows` are the `bool` "would `left op right`
///   overflow" (compiler-made checks only).
///
/// In a [`FunctionKind::Kernel`] function after [`crate::passes::lower_kernels`], integer
/// `Add`, `Sub`, `Mul` and `Neg` wrap and divisors are never zero: every check has been made
/// an explicit `Raise` (see that pass).
///
/// On floats: IEEE arithmetic, except that `Div`, `FloorDiv` and `Mod` raise `ZeroDivisionError`
/// for a zero divisor and `Pow` follows CPython's `float.__pow__` (and its errors). `Div` is only
/// defined on floats: true division of ints is a cast then `Div`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    WrappingAdd,
    AddOverflows,
    SubOverflows,
    MulOverflows,
}

impl BinaryOp {
    /// Whether the operator is one of the `bool` overflow predicates.
    pub fn is_overflow_test(self) -> bool {
        matches!(self, BinaryOp::AddOverflows | BinaryOp::SubOverflows | BinaryOp::MulOverflows)
    }
}

/// Comparisons of two scalars of the same type, or of two strings; the result is `bool`.
/// Float comparisons are IEEE (`nan != nan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Math library functions with Python's `math` semantics (domain errors raise `ValueError:
/// math domain error`, range errors `OverflowError: math range error`). Arguments are floats;
/// `Floor`/`Ceil`/`Trunc` return `i64` and raise on NaN and infinities like CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFunction {
    Sqrt,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Fabs,
    Floor,
    Ceil,
    Trunc,
    /// `math.pow(x, y)`.
    Pow,
    Atan2,
    Hypot,
    IsNan,
    IsInf,
    IsFinite,
}

impl MathFunction {
    pub fn arity(self) -> usize {
        match self {
            MathFunction::Pow | MathFunction::Atan2 | MathFunction::Hypot => 2,
            _ => 1,
        }
    }

    /// The result scalar for float arguments.
    pub fn result(self) -> Scalar {
        match self {
            MathFunction::Floor | MathFunction::Ceil | MathFunction::Trunc => Scalar::I64,
            MathFunction::IsNan | MathFunction::IsInf | MathFunction::IsFinite => Scalar::BOOL,
            _ => Scalar::F64,
        }
    }

    /// Whether the function can raise a Python exception.
    pub fn can_raise(self) -> bool {
        !matches!(
            self,
            MathFunction::Fabs
                | MathFunction::IsNan
                | MathFunction::IsInf
                | MathFunction::IsFinite
                | MathFunction::Atan
        )
    }

    pub fn name(self) -> &'static str {
        use MathFunction::*;
        match self {
            Sqrt => "sqrt",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Asin => "asin",
            Acos => "acos",
            Atan => "atan",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Exp => "exp",
            Expm1 => "expm1",
            Log => "log",
            Log2 => "log2",
            Log10 => "log10",
            Log1p => "log1p",
            Fabs => "fabs",
            Floor => "floor",
            Ceil => "ceil",
            Trunc => "trunc",
            Pow => "pow",
            Atan2 => "atan2",
            Hypot => "hypot",
            IsNan => "isnan",
            IsInf => "isinf",
            IsFinite => "isfinite",
        }
    }

    pub const ALL: [MathFunction; 26] = {
        use MathFunction::*;
        [
            Sqrt, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Exp, Expm1, Log, Log2, Log10, Log1p, Fabs, Floor,
            Ceil, Trunc, Pow, Atan2, Hypot, IsNan, IsInf, IsFinite,
        ]
    };

    pub fn from_name(name: &str) -> Option<MathFunction> {
        MathFunction::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// How a value changes type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CastKind {
    /// Numeric conversion with Python's rules: int → float rounds to nearest; bool → int gives
    /// 0/1; float → int truncates toward zero and raises (`ValueError` for NaN, `OverflowError`
    /// for infinities and out-of-range values); int → bool and float → bool test for non-zero.
    Convert,
}

/// Functions of the runtime that the frontend calls by name. Each has a fixed signature
/// ([`RuntimeFn::signature`]); the backend knows how to reach it (a `kiln_rt_*` symbol on the CPU).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuntimeFn {
    /// `str + str`.
    StrConcat,
    /// `str == str`.
    StrEq,
    /// Three-way comparison in code-point order: -1, 0 or 1.
    StrCmp,
    /// `str(i64)`.
    StrFromInt,
    /// `str(f64)` / `repr(f64)`: the shortest round-trip form, as CPython.
    StrFromFloat,
    /// `str(bool)`.
    StrFromBool,
    /// `repr(str)`.
    StrRepr,
    /// `format(i64, spec)`; raises `ValueError` for a bad spec.
    FormatInt,
    /// `format(f64, spec)`; raises `ValueError` for a bad spec.
    FormatFloat,
    /// `format(str, spec)`; raises `ValueError` for a bad spec.
    FormatStr,
    /// `format(bool, spec)`: `True`/`False` for an empty spec, else formatted as an int.
    FormatBool,
    /// Write a string to stdout (buffered by the runtime).
    PrintStr,
    PrintInt,
    PrintFloat,
    PrintBool,
    PrintNone,
    /// `int / int`, correctly rounded even beyond 2**53 (the divisor is not zero).
    IntTrueDiv,
    /// Exact comparison of an int with a float: -1, 0 or 1, or 2 when the float is NaN.
    IntFloatCmp,
    /// `time.time()`.
    TimeTime,
    /// `time.perf_counter()`.
    TimePerfCounter,
    /// `s[i]` (code points; negative from the end); raises `IndexError`.
    StrGetItem,
    /// `s[start:stop:step]`; the last int says which bounds were given (bit 0 start, bit 1
    /// stop); the step is not zero.
    StrSlice,
    /// `sub in s`.
    StrContains,
    /// `s * n`.
    StrRepeat,
    /// `s.split(sep, maxsplit)` (`sep` None: runs of whitespace); raises `ValueError` for "".
    StrSplit,
    /// `s.rsplit(sep, maxsplit)`.
    StrRsplit,
    /// `s.splitlines(keepends)`.
    StrSplitlines,
    /// `sep.join(list_of_str)`.
    StrJoin,
    /// `sorted(s)` of a str (the bool: `reverse`): its characters in code-point order.
    StrSorted,
    /// `sep.join(sorted(s))` of a str `s` (the bool: `reverse`), without the list between.
    StrJoinSorted,
    /// `s.strip/lstrip/rstrip(chars)` (`chars` None: whitespace); the int: 0 both, 1 left, 2 right.
    StrStrip,
    /// `s.replace(old, new, count)` (count -1: all).
    StrReplace,
    /// `s.find(sub, start, end)` / `rfind` (the bool): -1 when absent.
    StrFind,
    /// `s.count(sub, start, end)`.
    StrCount,
    /// `s.startswith(prefix, start, end)` / `endswith` (the bool).
    StrStartswith,
    /// Case mappings: 0 upper, 1 lower, 2 title, 3 capitalize, 4 swapcase, 5 casefold.
    StrCase,
    /// Predicates: 0 isdigit, 1 isalpha, 2 isalnum, 3 isspace, 4 isupper, 5 islower,
    /// 6 isdecimal, 7 isnumeric, 8 istitle, 9 isidentifier, 10 isprintable, 11 isascii.
    StrIs,
    /// `s.ljust/rjust/center(width, fill)`: the last int is 0 ljust, 1 rjust, 2 center.
    StrPad,
    /// `s.zfill(width)`.
    StrZfill,
    /// `ord(s)`; raises `TypeError` unless `s` is one character.
    StrOrd,
    /// `chr(i)`; raises `ValueError` outside range(0x110000).
    StrChr,
    /// `int(s, base)`; raises `ValueError` (CPython's message) or `OverflowError`.
    StrToInt,
    /// `float(s)`; raises `ValueError`.
    StrToFloat,
    /// `bin`/`oct`/`hex` (base 2, 8, 16) with prefix and sign.
    IntToBase,
    /// `round(x, n)` of a float; raises `OverflowError`.
    FloatRound,
    /// `round(x)` of a float (half to even); raises for inf/nan.
    FloatRoundInt,
    /// `round(i, n)` of an int.
    IntRound,
    /// `pow(base, exp, mod)`.
    IntPowMod,
    /// `math.fsum(list of floats)`, exactly rounded.
    MathFsum,
    /// `math.factorial(n)`.
    MathFactorial,
    /// `math.gcd(a, b)`.
    MathGcd,
    /// `math.lcm(a, b)`.
    MathLcm,
    /// `math.comb(n, k)`.
    MathComb,
    /// `math.perm(n, k)`.
    MathPerm,
    /// `math.isqrt(n)`.
    MathIsqrt,
    /// `math.isclose(a, b, rel_tol, abs_tol)`.
    MathIsclose,
    /// `math.trunc(x)` of a float.
    MathTrunc,
    /// `math.copysign(a, b)`.
    MathCopysign,
    /// `math.erf(x)`.
    MathErf,
    /// `math.erfc(x)`.
    MathErfc,
    /// `math.gamma(x)`.
    MathGamma,
    /// `math.lgamma(x)`.
    MathLgamma,
    /// `math.fmod(x, y)`.
    MathFmod,
    /// `random.seed(n)` (CPython's Mersenne Twister seeding).
    RandomSeed,
    /// `random.seed()` from the operating system's entropy.
    RandomSeedEntropy,
    /// `random.random()`.
    RandomRandom,
    /// CPython's `_randbelow(n)` (n >= 1).
    RandomRandbelow,
    /// `random.randrange`; the last int is how many arguments were given.
    RandomRandrange,
    /// `random.randint(a, b)`.
    RandomRandint,
    /// `random.uniform(a, b)`.
    RandomUniform,
    /// `random.gauss(mu, sigma)`.
    RandomGauss,
    /// `random.normalvariate(mu, sigma)`.
    RandomNormalvariate,
    /// `random.expovariate(lambd)`.
    RandomExpovariate,
    /// `random.getrandbits(k)`.
    RandomGetrandbits,
    /// `input(prompt)`; raises `EOFError` at the end of input.
    Input,
    /// `sys.argv`.
    Argv,
    /// `sys.exit(code)`: always raises `SystemExit` (its int result is never produced).
    SystemExit,
    /// `open(path, mode)`; raises `FileNotFoundError`, `ValueError`, ...
    FileOpen,
    /// `f.readline()` ("" at the end).
    FileReadline,
    /// `f.read()`.
    FileRead,
    /// `f.readlines()`.
    FileReadlines,
    /// `f.write(s)`: the number of characters written.
    FileWrite,
    /// `f.close()`.
    FileClose,
    /// `hash(i)` (CPython's value).
    HashInt,
    /// `hash(x)` of a float (CPython's value).
    HashFloat,
    /// `hash(s)` (CPython's value with `PYTHONHASHSEED=0`).
    HashStr,
    /// One element of CPython's tuple hash: `(acc, hash(element))` → the next `acc`; the
    /// first `acc` is [`HASH_TUPLE_SEED`].
    HashTupleStep,
    /// The end of CPython's tuple hash: `(acc, length)` → `hash(tuple)`.
    HashTupleFinish,
    /// `print(..., file=sys.stderr)`: writes the text to stderr (after flushing stdout).
    PrintErr,
    /// `e.__context__` (None for a null `e`).
    ExcContext,
    /// `e.__cause__` (None for a null `e`).
    ExcCause,
    /// `e.__suppress_context__`.
    ExcSuppressContext,
    /// A handler for the caught exception starts: a new exception raised before the matching
    /// [`RuntimeFn::ExcHandlingExit`] gets it as its `__context__`. Every way out of the
    /// handler must call `ExcHandlingExit`.
    ExcHandlingEnter,
    /// The innermost handler is left.
    ExcHandlingExit,
    /// `raise ... from cause`, just before the raise: the next exception raised gets `cause`
    /// as its `__cause__` (`None`: `from None`) and `__suppress_context__` set.
    ExcSetCause,
    /// Just before raising `NameError` for a name read while unbound: `(name, locals,
    /// globals, main)` give the report's "Did you mean" suggestion, as CPython 3.11 computes
    /// it (`locals`: the frame's local variable names, `globals`: the module-level names of
    /// its module bound at this moment, in binding order, each name followed by a newline;
    /// `main`: that module is the program's main one, not an imported one). The exception's
    /// message is unchanged.
    NameErrorHint,
}

/// The accumulator of CPython's tuple hash before the first element (`_PyHASH_XXPRIME_5`).
pub const HASH_TUPLE_SEED: i64 = 2_870_177_450_012_600_261;

/// Parameter and result types of a runtime function, in terms of simple type tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueTag {
    None,
    Bool,
    Int,
    Float,
    Str,
    /// A `str` or `None` (passed as a null pointer): an optional argument.
    OptStr,
    /// A `list[str]`.
    StrList,
    /// A `list[float]`.
    FloatList,
    /// An open file.
    File,
    /// An exception value ([`Type::Exception`]); as a parameter, a `None` operand passes null,
    /// and as a result null means `None`.
    Exception,
}

pub struct RuntimeSignature {
    pub params: &'static [ValueTag],
    pub result: ValueTag,
    pub can_raise: bool,
}

impl RuntimeFn {
    pub fn signature(self) -> RuntimeSignature {
        use RuntimeFn::*;
        use ValueTag as T;
        let (params, result, can_raise): (&'static [ValueTag], ValueTag, bool) = match self {
            StrConcat => (&[T::Str, T::Str], T::Str, false),
            StrEq => (&[T::Str, T::Str], T::Bool, false),
            StrCmp => (&[T::Str, T::Str], T::Int, false),
            StrFromInt => (&[T::Int], T::Str, false),
            StrFromFloat => (&[T::Float], T::Str, false),
            StrFromBool => (&[T::Bool], T::Str, false),
            StrRepr => (&[T::Str], T::Str, false),
            FormatInt => (&[T::Int, T::Str], T::Str, true),
            FormatFloat => (&[T::Float, T::Str], T::Str, true),
            FormatStr => (&[T::Str, T::Str], T::Str, true),
            FormatBool => (&[T::Bool, T::Str], T::Str, true),
            PrintStr => (&[T::Str], T::None, false),
            PrintInt => (&[T::Int], T::None, false),
            PrintFloat => (&[T::Float], T::None, false),
            PrintBool => (&[T::Bool], T::None, false),
            PrintNone => (&[], T::None, false),
            IntTrueDiv => (&[T::Int, T::Int], T::Float, false),
            IntFloatCmp => (&[T::Int, T::Float], T::Int, false),
            TimeTime | TimePerfCounter => (&[], T::Float, false),
            StrGetItem => (&[T::Str, T::Int], T::Str, true),
            StrSlice => (&[T::Str, T::Int, T::Int, T::Int, T::Int], T::Str, true),
            StrContains => (&[T::Str, T::Str], T::Bool, false),
            StrRepeat => (&[T::Str, T::Int], T::Str, false),
            StrSplit | StrRsplit => (&[T::Str, T::OptStr, T::Int], T::StrList, true),
            StrSplitlines => (&[T::Str, T::Bool], T::StrList, false),
            StrJoin => (&[T::Str, T::StrList], T::Str, false),
            StrSorted => (&[T::Str, T::Bool], T::StrList, false),
            StrJoinSorted => (&[T::Str, T::Str, T::Bool], T::Str, false),
            StrStrip => (&[T::Str, T::OptStr, T::Int], T::Str, false),
            StrReplace => (&[T::Str, T::Str, T::Str, T::Int], T::Str, false),
            StrFind => (&[T::Str, T::Str, T::Int, T::Int, T::Bool], T::Int, false),
            StrCount => (&[T::Str, T::Str, T::Int, T::Int], T::Int, false),
            StrStartswith => (&[T::Str, T::Str, T::Int, T::Int, T::Bool], T::Bool, false),
            StrCase => (&[T::Str, T::Int], T::Str, false),
            StrIs => (&[T::Str, T::Int], T::Bool, false),
            StrPad => (&[T::Str, T::Int, T::Str, T::Int], T::Str, false),
            StrZfill => (&[T::Str, T::Int], T::Str, false),
            StrOrd => (&[T::Str], T::Int, true),
            StrChr => (&[T::Int], T::Str, true),
            StrToInt => (&[T::Str, T::Int], T::Int, true),
            StrToFloat => (&[T::Str], T::Float, true),
            IntToBase => (&[T::Int, T::Int], T::Str, false),
            FloatRound => (&[T::Float, T::Int], T::Float, true),
            FloatRoundInt => (&[T::Float], T::Int, true),
            IntRound => (&[T::Int, T::Int], T::Int, true),
            IntPowMod => (&[T::Int, T::Int, T::Int], T::Int, true),
            MathFsum => (&[T::FloatList], T::Float, true),
            MathFactorial => (&[T::Int], T::Int, true),
            MathGcd => (&[T::Int, T::Int], T::Int, true),
            MathLcm => (&[T::Int, T::Int], T::Int, true),
            MathComb => (&[T::Int, T::Int], T::Int, true),
            MathPerm => (&[T::Int, T::Int], T::Int, true),
            MathIsqrt => (&[T::Int], T::Int, true),
            MathIsclose => (&[T::Float, T::Float, T::Float, T::Float], T::Bool, true),
            MathTrunc => (&[T::Float], T::Int, true),
            MathCopysign => (&[T::Float, T::Float], T::Float, false),
            MathErf => (&[T::Float], T::Float, true),
            MathErfc => (&[T::Float], T::Float, true),
            MathGamma => (&[T::Float], T::Float, true),
            MathLgamma => (&[T::Float], T::Float, true),
            MathFmod => (&[T::Float, T::Float], T::Float, true),
            RandomSeed => (&[T::Int], T::None, false),
            RandomSeedEntropy => (&[], T::None, false),
            RandomRandom => (&[], T::Float, false),
            RandomRandbelow => (&[T::Int], T::Int, false),
            RandomRandrange => (&[T::Int, T::Int, T::Int, T::Int], T::Int, true),
            RandomRandint => (&[T::Int, T::Int], T::Int, true),
            RandomUniform => (&[T::Float, T::Float], T::Float, false),
            RandomGauss => (&[T::Float, T::Float], T::Float, false),
            RandomNormalvariate => (&[T::Float, T::Float], T::Float, false),
            RandomExpovariate => (&[T::Float], T::Float, true),
            RandomGetrandbits => (&[T::Int], T::Int, true),
            Input => (&[T::OptStr], T::Str, true),
            Argv => (&[], T::StrList, false),
            SystemExit => (&[T::Int], T::Int, true),
            FileOpen => (&[T::Str, T::Str], T::File, true),
            FileReadline => (&[T::File], T::Str, true),
            FileRead => (&[T::File], T::Str, true),
            FileReadlines => (&[T::File], T::StrList, true),
            FileWrite => (&[T::File, T::Str], T::Int, true),
            FileClose => (&[T::File], T::None, true),
            HashInt => (&[T::Int], T::Int, false),
            HashFloat => (&[T::Float], T::Int, false),
            HashStr => (&[T::Str], T::Int, false),
            HashTupleStep => (&[T::Int, T::Int], T::Int, false),
            HashTupleFinish => (&[T::Int, T::Int], T::Int, false),
            PrintErr => (&[T::Str], T::None, false),
            ExcContext | ExcCause => (&[T::Exception], T::Exception, false),
            ExcSuppressContext => (&[T::Exception], T::Bool, false),
            ExcHandlingEnter | ExcSetCause => (&[T::Exception], T::None, false),
            ExcHandlingExit => (&[], T::None, false),
            NameErrorHint => (&[T::Str, T::Str, T::Str, T::Bool], T::None, false),
        };
        RuntimeSignature { params, result, can_raise }
    }

    pub fn name(self) -> &'static str {
        use RuntimeFn::*;
        match self {
            StrConcat => "str_concat",
            StrEq => "str_eq",
            StrCmp => "str_cmp",
            StrFromInt => "str_from_int",
            StrFromFloat => "str_from_float",
            StrFromBool => "str_from_bool",
            StrRepr => "str_repr",
            FormatInt => "format_int",
            FormatFloat => "format_float",
            FormatStr => "format_str",
            FormatBool => "format_bool",
            PrintStr => "print_str",
            PrintInt => "print_int",
            PrintFloat => "print_float",
            PrintBool => "print_bool",
            PrintNone => "print_none",
            IntTrueDiv => "int_true_div",
            IntFloatCmp => "int_float_cmp",
            TimeTime => "time_time",
            TimePerfCounter => "time_perf_counter",
            StrGetItem => "str_getitem",
            StrSlice => "str_slice",
            StrContains => "str_contains",
            StrRepeat => "str_repeat",
            StrSplit => "str_split",
            StrRsplit => "str_rsplit",
            StrSplitlines => "str_splitlines",
            StrJoin => "str_join",
            StrSorted => "str_sorted",
            StrJoinSorted => "str_join_sorted",
            StrStrip => "str_strip",
            StrReplace => "str_replace",
            StrFind => "str_find",
            StrCount => "str_count",
            StrStartswith => "str_startswith",
            StrCase => "str_case",
            StrIs => "str_is",
            StrPad => "str_pad",
            StrZfill => "str_zfill",
            StrOrd => "str_ord",
            StrChr => "str_chr",
            StrToInt => "str_to_int",
            StrToFloat => "str_to_float",
            IntToBase => "int_to_base",
            FloatRound => "float_round",
            FloatRoundInt => "float_round_int",
            IntRound => "int_round",
            IntPowMod => "int_pow_mod",
            MathFsum => "math_fsum",
            MathFactorial => "math_factorial",
            MathGcd => "math_gcd",
            MathLcm => "math_lcm",
            MathComb => "math_comb",
            MathPerm => "math_perm",
            MathIsqrt => "math_isqrt",
            MathIsclose => "math_isclose",
            MathTrunc => "math_trunc",
            MathCopysign => "math_copysign",
            MathErf => "math_erf",
            MathErfc => "math_erfc",
            MathGamma => "math_gamma",
            MathLgamma => "math_lgamma",
            MathFmod => "math_fmod",
            RandomSeed => "random_seed",
            RandomSeedEntropy => "random_seed_entropy",
            RandomRandom => "random_random",
            RandomRandbelow => "random_randbelow",
            RandomRandrange => "random_randrange",
            RandomRandint => "random_randint",
            RandomUniform => "random_uniform",
            RandomGauss => "random_gauss",
            RandomNormalvariate => "random_normalvariate",
            RandomExpovariate => "random_expovariate",
            RandomGetrandbits => "random_getrandbits",
            Input => "input",
            Argv => "argv",
            SystemExit => "sys_exit",
            FileOpen => "file_open",
            FileReadline => "file_readline",
            FileRead => "file_read",
            FileReadlines => "file_readlines",
            FileWrite => "file_write",
            FileClose => "file_close",
            HashInt => "hash_int",
            HashFloat => "hash_float",
            HashStr => "hash_str",
            HashTupleStep => "hash_tuple_step",
            HashTupleFinish => "hash_tuple_finish",
            PrintErr => "print_err",
            ExcContext => "exc_context",
            ExcCause => "exc_cause",
            ExcSuppressContext => "exc_suppress_context",
            ExcHandlingEnter => "exc_handling_enter",
            ExcHandlingExit => "exc_handling_exit",
            ExcSetCause => "exc_set_cause",
            NameErrorHint => "name_error_hint",
        }
    }
}

/// Python's built-in exception classes that compiled code raises by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionKind {
    Exception,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    LookupError,
    IndexError,
    KeyError,
    ValueError,
    TypeError,
    AssertionError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    AttributeError,
    StopIteration,
    NameError,
    UnboundLocalError,
    OSError,
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    IsADirectoryError,
    NotADirectoryError,
    EOFError,
    SyntaxError,
    KeyboardInterrupt,
    /// Raised with a message (`sys.exit("message")`): the message goes to stderr, status 1.
    SystemExit,
}

impl ExceptionKind {
    pub const ALL: [ExceptionKind; 27] = {
        use ExceptionKind::*;
        [
            Exception,
            ArithmeticError,
            ZeroDivisionError,
            OverflowError,
            LookupError,
            IndexError,
            KeyError,
            ValueError,
            TypeError,
            AssertionError,
            RuntimeError,
            RecursionError,
            NotImplementedError,
            AttributeError,
            StopIteration,
            NameError,
            UnboundLocalError,
            OSError,
            FileNotFoundError,
            FileExistsError,
            PermissionError,
            IsADirectoryError,
            NotADirectoryError,
            EOFError,
            SyntaxError,
            KeyboardInterrupt,
            SystemExit,
        ]
    };

    pub fn name(self) -> &'static str {
        use ExceptionKind::*;
        match self {
            Exception => "Exception",
            ArithmeticError => "ArithmeticError",
            ZeroDivisionError => "ZeroDivisionError",
            OverflowError => "OverflowError",
            LookupError => "LookupError",
            IndexError => "IndexError",
            KeyError => "KeyError",
            ValueError => "ValueError",
            TypeError => "TypeError",
            AssertionError => "AssertionError",
            RuntimeError => "RuntimeError",
            RecursionError => "RecursionError",
            NotImplementedError => "NotImplementedError",
            AttributeError => "AttributeError",
            StopIteration => "StopIteration",
            NameError => "NameError",
            UnboundLocalError => "UnboundLocalError",
            OSError => "OSError",
            FileNotFoundError => "FileNotFoundError",
            FileExistsError => "FileExistsError",
            PermissionError => "PermissionError",
            IsADirectoryError => "IsADirectoryError",
            NotADirectoryError => "NotADirectoryError",
            EOFError => "EOFError",
            SyntaxError => "SyntaxError",
            KeyboardInterrupt => "KeyboardInterrupt",
            SystemExit => "SystemExit",
        }
    }

    /// The class this one derives from (`None` for `Exception`, `SystemExit` and
    /// `KeyboardInterrupt`, whose base is `BaseException`).
    pub fn parent(self) -> Option<ExceptionKind> {
        use ExceptionKind::*;
        match self {
            Exception | SystemExit | KeyboardInterrupt => None,
            ArithmeticError | LookupError | ValueError | TypeError | AssertionError | RuntimeError | AttributeError
            | StopIteration | NameError | OSError | EOFError | SyntaxError => Some(Exception),
            FileNotFoundError | FileExistsError | PermissionError | IsADirectoryError | NotADirectoryError => {
                Some(OSError)
            }
            ZeroDivisionError | OverflowError => Some(ArithmeticError),
            IndexError | KeyError => Some(LookupError),
            RecursionError | NotImplementedError => Some(RuntimeError),
            UnboundLocalError => Some(NameError),
        }
    }

    /// Whether this class is `other` or derives from it.
    pub fn is_subclass_of(self, other: ExceptionKind) -> bool {
        let mut at = Some(self);
        while let Some(k) = at {
            if k == other {
                return true;
            }
            at = k.parent();
        }
        false
    }

    /// The class a builtin name stands for (`IOError` and `EnvironmentError` are other names
    /// of `OSError` in Python 3).
    pub fn from_name(name: &str) -> Option<ExceptionKind> {
        let name = if matches!(name, "IOError" | "EnvironmentError") { "OSError" } else { name };
        ExceptionKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

/// One axis of a launch grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Axis {
    X,
    Y,
    Z,
}

/// Values a kernel reads about its place in the launch; all are `i64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GpuBuiltin {
    /// `gpu.thread.x`: index of the thread in its block.
    ThreadIndex(Axis),
    /// `gpu.block.x`: index of the block in the grid.
    BlockIndex(Axis),
    /// `gpu.block.dim.x`: threads per block.
    BlockDim(Axis),
    /// `gpu.grid.dim.x`: blocks per grid.
    GridDim(Axis),
}

/// Set operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
    /// `left <= right`.
    IsSubset,
    Equal,
    IsDisjoint,
}

impl SetOp {
    /// Whether the result is a `bool` rather than a new set.
    pub fn is_predicate(self) -> bool {
        matches!(self, SetOp::IsSubset | SetOp::Equal | SetOp::IsDisjoint)
    }
}

/// Read-modify-write atomics on an array element; the result is the old value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AtomicOp {
    Add,
    Min,
    Max,
}

/// How a [`Statement::ParallelFor`] distributes its iterations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Schedule {
    Static,
    Dynamic,
    Guided,
}

/// Where a [`Statement::ParallelFor`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParallelTarget {
    /// The host thread pool.
    Cpu,
    /// The body becomes a kernel on the selected device.
    Gpu,
}

/// A reduction variable of a parallel loop: each worker starts from the operator's identity and
/// the partial results are combined in iteration order (so float reductions are deterministic).
#[derive(Clone, Debug)]
pub struct Reduction {
    pub local: Handle<Local>,
    pub op: ReductionOp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReductionOp {
    Add,
    Mul,
    Min,
    Max,
    BitAnd,
    BitOr,
    BitXor,
}

/// A value-producing node. See the module documentation for when it is evaluated.
#[derive(Clone, Debug)]
pub enum Expression {
    Literal(Literal),
    /// The value of parameter `index`.
    Param(u32),
    /// The current value of a local.
    Load(Handle<Local>),
    /// The current value of a global.
    LoadGlobal(Handle<Global>),
    Unary {
        op: UnaryOp,
        arg: Handle<Expression>,
    },
    /// Raises as documented on [`BinaryOp`].
    Binary {
        op: BinaryOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
    },
    Compare {
        op: CompareOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
    },
    /// `accept` if `condition` else `reject`; both are already evaluated (no short circuit).
    Select {
        condition: Handle<Expression>,
        accept: Handle<Expression>,
        reject: Handle<Expression>,
    },
    /// Converts `value` to scalar `to`; raises as documented on [`CastKind`].
    Cast {
        value: Handle<Expression>,
        to: Scalar,
        kind: CastKind,
    },
    /// Calls another function of the module; raises whatever the callee raises.
    Call {
        function: Handle<Function>,
        args: Vec<Handle<Expression>>,
    },
    /// Calls a runtime function.
    RuntimeCall {
        function: RuntimeFn,
        args: Vec<Handle<Expression>>,
    },
    /// A `math` function.
    Math {
        function: MathFunction,
        args: Vec<Handle<Expression>>,
    },
    /// A new list of `len` copies of the zero value of `elem`.
    ListNew {
        elem: Handle<Type>,
        len: Handle<Expression>,
    },
    /// `list * count` (a new list; `count <= 0` gives an empty one).
    ListRepeat {
        list: Handle<Expression>,
        count: Handle<Expression>,
    },
    /// `a + b` for lists of the same type (a new list).
    ListConcat {
        left: Handle<Expression>,
        right: Handle<Expression>,
    },
    /// An empty dict.
    DictNew {
        key: Handle<Type>,
        value: Handle<Type>,
    },
    /// An empty set.
    SetNew {
        elem: Handle<Type>,
    },
    /// A set display whose elements are all constants (`list` holds them in source order).
    /// CPython 3.11 builds those from a `frozenset` constant, which fixes their iteration
    /// order: `frozen` gives that constant itself (what `for x in {...}` iterates), otherwise
    /// the set the display evaluates to (for three or more elements).
    SetFromDisplay {
        list: Handle<Expression>,
        frozen: bool,
    },
    /// `set(list)`: a new set of the list's elements, added in list order (as CPython's
    /// `set(iterable)` does, which fixes the iteration order). Key functions that raise
    /// leave the exception pending, like `SetAdd`.
    SetFromList {
        list: Handle<Expression>,
    },
    /// `(dict[key], True)` when `key` is present, else `(zero value, False)`: a
    /// `tuple[value, bool]`.
    DictLookup {
        dict: Handle<Expression>,
        key: Handle<Expression>,
    },
    /// Removes `key`; whether it was present.
    DictRemove {
        dict: Handle<Expression>,
        key: Handle<Expression>,
    },
    /// `key in set`.
    SetContains {
        set: Handle<Expression>,
        key: Handle<Expression>,
    },
    /// Removes `key`; whether it was present.
    SetDiscard {
        set: Handle<Expression>,
        key: Handle<Expression>,
    },
    /// A set operator: a new set (union, ...) or a `bool` (subset, equality, disjointness),
    /// computed with CPython's algorithms (they decide the result's iteration order).
    SetAlgebra {
        op: SetOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
    },
    /// Removes an element of a set (CPython's choice, via its "finger"): `(element, True)`,
    /// or `(zero value, False)` when the set is empty.
    SetPop {
        set: Handle<Expression>,
    },
    /// Removes the last inserted item of a dict: `((key, value), True)`, or zero values and
    /// `False` when the dict is empty.
    DictPopItem {
        dict: Handle<Expression>,
    },
    /// A shallow copy of a dict or set.
    ContainerCopy {
        value: Handle<Expression>,
    },
    /// A tuple of the operands' values (a value type: copied, never shared).
    TupleNew {
        elems: Vec<Handle<Expression>>,
    },
    /// Field `index` of a tuple (in range: the frontend checks constant indices).
    TupleGet {
        tuple: Handle<Expression>,
        index: u32,
    },
    /// `repr()` of a list of scalars or strings, as CPython prints it.
    ListRepr {
        list: Handle<Expression>,
    },
    /// `gpu.to_device(list)`: a new device array holding a copy of the list's elements (a
    /// `DeviceArray` of the list's element type); raises when the device cannot allocate.
    ToDevice {
        list: Handle<Expression>,
    },
    /// `array.copy_to_host()`: a new list with a device array's current elements.
    CopyToHost {
        array: Handle<Expression>,
    },
    /// `len()` of a list, string (code points), array view or device array; `i64`.
    Len {
        value: Handle<Expression>,
    },
    /// `base[index]` for a list or array view. Negative indices count from the end; an index
    /// out of range raises `IndexError: list index out of range`.
    Index {
        base: Handle<Expression>,
        index: Handle<Expression>,
    },
    /// A thread/block index or launch dimension (kernels only).
    GpuBuiltin(GpuBuiltin),
    /// An atomic read-modify-write of `array[index]`; the value is the old element.
    Atomic {
        op: AtomicOp,
        array: Handle<Expression>,
        index: Handle<Expression>,
        value: Handle<Expression>,
    },
    /// A view of one of the function's shared arrays (kernels only).
    SharedArray(Handle<SharedArray>),
    /// `template % args` ([`FormatKind::Percent`]) or `template.format(*args)`
    /// ([`FormatKind::Method`]) with a template known only at run time (literal templates are
    /// compiled by the frontend into concatenations instead). `template` is a `str`; the
    /// result is a `str`. Raises CPython 3.11's exceptions for a bad template or arguments
    /// (`TypeError: not enough arguments for format string`, `ValueError: unsupported format
    /// character 'y' (0x79) at index 1`, `IndexError: Replacement index 1 out of range for
    /// positional args tuple`, ...).
    ///
    /// A node of its own rather than a [`Expression::RuntimeCall`]: runtime calls have a fixed
    /// list of parameter types, while these take any number of heterogeneous arguments (see
    /// [`FormatArg`]), which the backend passes as an array of tagged values.
    FormatDynamic {
        kind: FormatKind,
        template: Handle<Expression>,
        args: Vec<FormatArg>,
    },
    /// A new instance of class `class` with every field zero; an [`Type::Object`].
    New {
        class: u32,
    },
    /// Field `field` (an index into the class's [`ClassDecl::fields`], where the class is that
    /// of `object`'s type) of `object`, which must not be null.
    GetField {
        object: Handle<Expression>,
        field: u32,
    },
    /// The same reference seen as an `Object` of `class` (a base class, or a subclass the
    /// frontend knows the object belongs to); null stays null. Nothing happens at run time.
    ObjectCast {
        value: Handle<Expression>,
        class: u32,
    },
    /// The address of a reference (`id()` of an object, and the `0x...` of its default
    /// `repr()`); `i64`.
    ObjectAddress {
        value: Handle<Expression>,
    },
    /// The class id in `object`'s header (`object` must not be null); `i64`.
    ClassId {
        object: Handle<Expression>,
    },
    /// The null reference of `ty` (an `Object`, `str`, list, dict, set, generator or exception
    /// type): `None` held in a variable of that type.
    Null {
        ty: Handle<Type>,
    },
    /// The zero value of `ty`: `0`, `0.0`, `False`, a null reference, a tuple of zeros. It
    /// fills the parts of a value that are never read (the slots of the other members of a
    /// union of closures).
    Zero {
        ty: Handle<Type>,
    },
    /// A new [`Type::Cell`] holding `value`.
    CellNew {
        value: Handle<Expression>,
    },
    /// The value a [`Type::Cell`] holds now.
    CellGet {
        cell: Handle<Expression>,
    },
    /// Whether two references (of the same type) are the same object: Python's `is`.
    SameObject {
        left: Handle<Expression>,
        right: Handle<Expression>,
    },
    /// Whether a caught exception (an [`Type::Exception`]) is an instance of `class` (the
    /// class or a subclass).
    ExceptionMatches {
        exception: Handle<Expression>,
        class: ExceptionClass,
    },
    /// `type(value).__name__` of an `Object` (its class at run time) or of a caught
    /// exception; a `str`.
    TypeName {
        value: Handle<Expression>,
    },
    /// `str(e)` of a caught exception: its message, `""` when it has none.
    ExceptionMessage {
        exception: Handle<Expression>,
    },
    /// The instance a caught exception was raised with, as an `Object` of `class`; the
    /// exception must match [`ExceptionClass::User`]`(class)`.
    ExceptionObject {
        exception: Handle<Expression>,
        class: u32,
    },
    /// An exception that is not raised (yet): `ValueError("x")` used as a value. A
    /// [`Type::Exception`] with an empty traceback, raised later by
    /// [`Statement::RaiseException`]. `message` is its `str()` (absent when made without
    /// arguments); `args` is its `args` as a tagged `list[str]` (see
    /// [`Expression::ExceptionArgs`]). With `object` (an instance of a user exception class,
    /// not null) the exception is that instance and its class is the instance's; `kind` is
    /// then unused.
    ExceptionNew {
        kind: ExceptionKind,
        message: Option<Handle<Expression>>,
        args: Handle<Expression>,
        object: Option<Handle<Expression>>,
    },
    /// `e.args` of an exception (a [`Type::Exception`]), as a `list[str]` with one tagged
    /// entry per argument: `"s"` followed by the argument itself when it is a `str`, else
    /// `"r"` followed by its `repr()`. An exception kiln raised itself (a failed `int()`, a
    /// missing dict key) has its message as its one argument, none without a message, and a
    /// `KeyError`'s message is the `repr()` of the key.
    ExceptionArgs {
        exception: Handle<Expression>,
    },
    /// Runs generator `gen` (a [`Type::Generator`], not null) until its next `yield` (`true`)
    /// or its end (`false`): one step of `next(gen)`, with the end of the generator reported
    /// as `false` instead of as `StopIteration`. A `bool`.
    ///
    /// The first resume starts the body; each later one continues after the `yield` that
    /// suspended it. When the body raises, the exception propagates out of the `GenResume`
    /// (with the traceback entries of the generator's frames, as in CPython) and the generator
    /// is finished. Resuming a finished generator does nothing and gives `false` again.
    /// Resuming a generator from inside its own body raises `ValueError: generator already
    /// executing`, as CPython does.
    GenResume {
        gen: Handle<Expression>,
    },
    /// The value that `gen`'s last `yield` handed out (of the generator's element type).
    /// Defined only after a [`Expression::GenResume`] of `gen` that gave `true`, until the
    /// next resume.
    GenValue {
        gen: Handle<Expression>,
    },
}

/// Which formatting operation an [`Expression::FormatDynamic`] performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatKind {
    /// `template % args`: printf-style. `args` are the elements of a tuple operand, or the
    /// single non-tuple operand.
    Percent,
    /// `template.format(*args)`: positional arguments only (a named field raises `KeyError`).
    Method,
}

/// One argument of an [`Expression::FormatDynamic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FormatArg {
    /// The value: an `i64`, `f64`, `bool`, `None` or `str` when `repr` is absent. With `repr`,
    /// a `str` holding the `str()` of some other object (a list, a tuple, ...).
    pub value: Handle<Expression>,
    /// The `repr()` of that other object (a `str`); absent for the types above, which the
    /// runtime converts itself.
    pub repr: Option<Handle<Expression>>,
}

/// A statement: something that happens in order.
#[derive(Debug)]
pub enum Statement {
    /// Evaluates the expressions of the range, in order (see the module docs).
    Emit(Range<Expression>),
    /// A nested block (its expressions are scoped to it).
    Block(Block),
    If {
        condition: Handle<Expression>,
        accept: Block,
        reject: Block,
    },
    /// Runs `body` until a `Break` (or a `Return`/`Raise`) leaves it. `Continue` jumps to the
    /// start of the next iteration.
    Loop {
        body: Block,
    },
    Break,
    Continue,
    /// Leaves the function with `value` (absent for a `None` result). In a [generator
    /// function](Function::generator) it carries no value and ends the generator: the
    /// `GenResume` that ran it gives `false`.
    Return {
        value: Option<Handle<Expression>>,
    },
    Store {
        local: Handle<Local>,
        value: Handle<Expression>,
    },
    StoreGlobal {
        global: Handle<Global>,
        value: Handle<Expression>,
    },
    /// `base[index] = value`; raises `IndexError: list assignment index out of range`.
    IndexStore {
        base: Handle<Expression>,
        index: Handle<Expression>,
        value: Handle<Expression>,
    },
    /// `list.append(value)`.
    ListAppend {
        list: Handle<Expression>,
        value: Handle<Expression>,
    },
    /// `dict[key] = value` (a new key goes last; an existing one keeps its place).
    DictStore {
        dict: Handle<Expression>,
        key: Handle<Expression>,
        value: Handle<Expression>,
    },
    /// `set.add(key)`.
    SetAdd {
        set: Handle<Expression>,
        key: Handle<Expression>,
    },
    /// In-place set operator (`|=`, `&=`, `-=`, `^=`): `target` changes.
    SetUpdate {
        op: SetOp,
        target: Handle<Expression>,
        other: Handle<Expression>,
    },
    /// Empties a dict or set.
    ContainerClear {
        value: Handle<Expression>,
    },
    /// One step of iterating a dict (insertion order) or set (table order): from position
    /// `pos` (an int local, 0 to start), stores the next key (and value, for a dict) in the
    /// given locals, advances `pos` and stores `true` in `found`; at the end stores `false`.
    ContainerNext {
        container: Handle<Expression>,
        pos: Handle<Local>,
        found: Handle<Local>,
        key: Handle<Local>,
        value: Option<Handle<Local>>,
    },
    /// Shortens `list` to `len` elements (`0 <= len <= len(list)`, which the prelude code that
    /// uses it guarantees): what `pop`, `remove`, `clear` and `del xs[i]` end with.
    ListTruncate {
        list: Handle<Expression>,
        len: Handle<Expression>,
    },
    /// `object.field = value` (`object` must not be null; see [`Expression::GetField`]).
    SetField {
        object: Handle<Expression>,
        field: u32,
        value: Handle<Expression>,
    },
    /// Replaces the value `cell` (a [`Type::Cell`]) holds.
    CellSet {
        cell: Handle<Expression>,
        value: Handle<Expression>,
    },
    /// Runs `body`. When something in it raises, control leaves `body` at once and runs
    /// `handler` with the exception *caught*: no longer pending, but stored (with its
    /// traceback so far) in `caught`, a local of type [`Type::Exception`]. A handler that does
    /// not end in [`Statement::Reraise`] or another raise has handled the exception.
    Try {
        body: Block,
        handler: Block,
        caught: Handle<Local>,
    },
    /// Raises a caught exception again, its traceback continuing where it stopped (`raise`
    /// inside `except`).
    Reraise {
        exception: Handle<Expression>,
    },
    /// `raise e` of an exception value (a [`Type::Exception`] made by
    /// [`Expression::ExceptionNew`] or caught earlier): it becomes pending, its traceback
    /// (empty for a new one) continuing with this frame. As a new raise, its `__context__`
    /// becomes the exception being handled (see [`RuntimeFn::ExcHandlingEnter`]), unlike
    /// [`Statement::Reraise`], which goes on propagating an exception unchanged.
    RaiseException {
        exception: Handle<Expression>,
    },
    /// Raises `object`, an instance of an exception class (not null), whose `str()` is
    /// `message` and whose `args` are `args` (a tagged `list[str]`, see
    /// [`Expression::ExceptionArgs`]). The exception's class is the object's class at run time.
    RaiseObject {
        object: Handle<Expression>,
        message: Handle<Expression>,
        args: Handle<Expression>,
    },
    /// Raises `kind(message)`; `message` is a `str` when present.
    Raise {
        kind: ExceptionKind,
        message: Option<Handle<Expression>>,
    },
    /// `yield value` in a [generator function](Function::generator): suspends the body and
    /// hands `value` (of the generator's element type) to the [`Expression::GenResume`] that
    /// ran it (read with [`Expression::GenValue`]). The next resume continues after this
    /// statement, with every local as it was. Allowed inside `Try` bodies and handlers, not
    /// inside a `ParallelFor` body.
    Yield {
        value: Handle<Expression>,
    },
    /// A `for` loop over `range(start, stop, step)` whose iterations may run concurrently
    /// (`@par`). `step` is never zero (the frontend checks it before the loop).
    ///
    /// - `index` and every local the body stores to are private to each iteration; the
    ///   frontend guarantees that the body never reads such a local before storing it in the
    ///   same iteration and that nothing reads it after the loop.
    /// - Each [`Reduction`] local holds, inside the body, the partial result of the iterations
    ///   run so far in the current chunk, starting from the operator's identity; after the
    ///   loop it holds its value before the loop combined with every chunk's partial, in
    ///   chunk order. Chunks are cut from the iteration numbers by `chunk_size` alone (never by
    ///   the thread count), so float reductions give the same bits on every run.
    /// - Everything else the body writes must be distinct list elements; locals it only reads
    ///   are shared.
    /// - `Continue` directly in the body ends the iteration; `Break` and `Return` cannot leave
    ///   it. An iteration that raises stops the loop; the exception of the first failing
    ///   iteration (in iteration order) propagates. The loop itself raises `OverflowError`
    ///   when combining int partials overflows, and `MemoryError` when the runtime cannot
    ///   allocate the partials, so a function with a parallel loop may always raise.
    /// - `chunk_size` and `num_threads` are ints ≥ 1 when present (checked by the frontend);
    ///   absent, the runtime picks them.
    ParallelFor {
        index: Handle<Local>,
        start: Handle<Expression>,
        stop: Handle<Expression>,
        step: Handle<Expression>,
        body: Block,
        schedule: Schedule,
        chunk_size: Option<Handle<Expression>>,
        num_threads: Option<Handle<Expression>>,
        target: ParallelTarget,
        reductions: Vec<Reduction>,
    },
    /// `gpu.syncthreads()`: all threads of the block wait here; block-shared memory writes
    /// before it are visible after it.
    Barrier,
    /// Runs `kernel` (a [`FunctionKind::Kernel`] function) over a grid of `grid[0] x grid[1] x
    /// grid[2]` blocks of `block[0] x block[1] x block[2]` threads on the program's kernel
    /// device, and waits for it. `args` match the kernel's params: a scalar for a scalar, a
    /// `List` or `DeviceArray` of `elem` for an `ArrayView { elem, Global }`. Lists are copied
    /// to the device before and back after the launch (in place: same length), device arrays
    /// are used where they are. Raises `ValueError` for a dimension `< 1` or more than 1024
    /// threads per block, and after the launch the exception of the kernel's first failing
    /// error site (see [`crate::kernel::error_sites`]).
    Launch {
        kernel: Handle<Function>,
        args: Vec<Handle<Expression>>,
        grid: [Handle<Expression>; 3],
        block: [Handle<Expression>; 3],
    },
}

impl Expression {
    /// Calls `f` with every expression this one reads.
    pub fn for_each_operand(&self, mut f: impl FnMut(Handle<Expression>)) {
        // One list of operands (below) serves both readers and rewriters.
        let mut copy = self.clone();
        for h in copy.operands_mut() {
            f(*h)
        }
    }

    /// Every expression this one reads, to be rewritten in place.
    pub fn operands_mut(&mut self) -> Vec<&mut Handle<Expression>> {
        use Expression as E;
        match self {
            E::Literal(_) | E::Param(_) | E::Load(_) | E::LoadGlobal(_) | E::GpuBuiltin(_) | E::SharedArray(_) => {
                vec![]
            }
            E::DictNew { .. } | E::SetNew { .. } | E::New { .. } | E::Null { .. } | E::Zero { .. } => vec![],
            E::Unary { arg: a, .. }
            | E::Cast { value: a, .. }
            | E::Len { value: a }
            | E::ListNew { len: a, .. }
            | E::ListRepr { list: a }
            | E::ContainerCopy { value: a }
            | E::SetPop { set: a }
            | E::DictPopItem { dict: a }
            | E::SetFromDisplay { list: a, .. }
            | E::SetFromList { list: a }
            | E::TupleGet { tuple: a, .. }
            | E::ToDevice { list: a }
            | E::CopyToHost { array: a }
            | E::GetField { object: a, .. }
            | E::ObjectCast { value: a, .. }
            | E::ClassId { object: a }
            | E::ObjectAddress { value: a }
            | E::CellNew { value: a }
            | E::CellGet { cell: a }
            | E::ExceptionMatches { exception: a, .. }
            | E::ExceptionMessage { exception: a }
            | E::TypeName { value: a }
            | E::ExceptionObject { exception: a, .. }
            | E::ExceptionArgs { exception: a }
            | E::GenResume { gen: a }
            | E::GenValue { gen: a } => vec![a],
            E::Binary { left: a, right: b, .. }
            | E::Compare { left: a, right: b, .. }
            | E::ListConcat { left: a, right: b }
            | E::ListRepeat { list: a, count: b }
            | E::DictLookup { dict: a, key: b }
            | E::DictRemove { dict: a, key: b }
            | E::SetContains { set: a, key: b }
            | E::SetDiscard { set: a, key: b }
            | E::SetAlgebra { left: a, right: b, .. }
            | E::SameObject { left: a, right: b }
            | E::Index { base: a, index: b } => vec![a, b],
            E::Select { condition: a, accept: b, reject: c } | E::Atomic { array: a, index: b, value: c, .. } => {
                vec![a, b, c]
            }
            E::Call { args, .. } | E::RuntimeCall { args, .. } | E::Math { args, .. } | E::TupleNew { elems: args } => {
                args.iter_mut().collect()
            }
            E::FormatDynamic { template, args, .. } => {
                let mut out = vec![template];
                for a in args.iter_mut() {
                    out.push(&mut a.value);
                    out.extend(a.repr.as_mut());
                }
                out
            }
            E::ExceptionNew { message, args, object, .. } => {
                let mut out: Vec<_> = message.iter_mut().collect();
                out.push(args);
                out.extend(object.iter_mut());
                out
            }
        }
    }
}

impl Statement {
    /// Calls `f` with every expression the statement itself reads (not those of nested blocks;
    /// `Emit` reads nothing, it evaluates).
    pub fn for_each_operand(&self, mut f: impl FnMut(Handle<Expression>)) {
        use Statement as S;
        match self {
            S::Emit(_)
            | S::Block(_)
            | S::Loop { .. }
            | S::Break
            | S::Continue
            | S::Barrier
            | S::Return { value: None } => {}
            S::If { condition, .. } => f(*condition),
            S::Return { value: Some(v) }
            | S::Store { value: v, .. }
            | S::StoreGlobal { value: v, .. }
            | S::Yield { value: v } => f(*v),
            S::IndexStore { base, index, value } => {
                f(*base);
                f(*index);
                f(*value)
            }
            S::ListAppend { list, value } => {
                f(*list);
                f(*value)
            }
            S::ListTruncate { list, len } => {
                f(*list);
                f(*len)
            }
            S::DictStore { dict, key, value } => {
                f(*dict);
                f(*key);
                f(*value)
            }
            S::SetField { object, value, .. } | S::CellSet { cell: object, value } => {
                f(*object);
                f(*value)
            }
            S::RaiseObject { object, message, args } => {
                f(*object);
                f(*message);
                f(*args)
            }
            S::Reraise { exception } | S::RaiseException { exception } => f(*exception),
            S::Try { .. } => {}
            S::SetAdd { set: a, key: b } | S::SetUpdate { target: a, other: b, .. } => {
                f(*a);
                f(*b)
            }
            S::ContainerClear { value } => f(*value),
            S::ContainerNext { container, .. } => f(*container),
            S::Raise { message, .. } => message.iter().copied().for_each(f),
            S::ParallelFor { start, stop, step, chunk_size, num_threads, .. } => {
                f(*start);
                f(*stop);
                f(*step);
                chunk_size.iter().chain(num_threads).copied().for_each(f)
            }
            S::Launch { args, grid, block, .. } => args.iter().chain(grid).chain(block).copied().for_each(f),
        }
    }

    /// Calls `f` with every local the statement itself writes (not those of nested blocks).
    pub fn for_each_stored_local(&self, mut f: impl FnMut(Handle<Local>)) {
        match self {
            Statement::Store { local, .. } => f(*local),
            Statement::ContainerNext { pos, found, key, value, .. } => {
                f(*pos);
                f(*found);
                f(*key);
                value.iter().copied().for_each(f)
            }
            Statement::ParallelFor { index, .. } => f(*index),
            Statement::Try { caught, .. } => f(*caught),
            _ => {}
        }
    }

    /// Calls `f` with every block nested directly in the statement.
    pub fn for_each_block(&self, mut f: impl FnMut(&Block)) {
        match self {
            Statement::Block(b) | Statement::Loop { body: b } | Statement::ParallelFor { body: b, .. } => f(b),
            Statement::If { accept, reject, .. } => {
                f(accept);
                f(reject)
            }
            Statement::Try { body, handler, .. } => {
                f(body);
                f(handler)
            }
            _ => {}
        }
    }

    /// The statement with each directly nested block replaced by `f(block)`.
    pub fn map_blocks(self, f: &mut impl FnMut(Block) -> Block) -> Statement {
        match self {
            Statement::Block(b) => Statement::Block(f(b)),
            Statement::Loop { body } => Statement::Loop { body: f(body) },
            Statement::If { condition, accept, reject } => {
                Statement::If { condition, accept: f(accept), reject: f(reject) }
            }
            Statement::Try { body, handler, caught } => Statement::Try { body: f(body), handler: f(handler), caught },
            Statement::ParallelFor {
                index,
                start,
                stop,
                step,
                body,
                schedule,
                chunk_size,
                num_threads,
                target,
                reductions,
            } => Statement::ParallelFor {
                index,
                start,
                stop,
                step,
                body: f(body),
                schedule,
                chunk_size,
                num_threads,
                target,
                reductions,
            },
            other => other,
        }
    }
}

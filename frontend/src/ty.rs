//! The frontend's view of Python types, before they become IR types.
//!
//! Inference works on [`Ty`] with [`Ty::Unknown`] as the bottom of a lattice: a variable's type
//! is the join of everything assigned to it. Joins never promote (an `int` variable that is
//! later given a `float` is an error, because CPython would print the two differently).

use kiln_ir::{Handle, Module, Scalar, Type};
use std::fmt;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// Not known yet (inference has not seen a value). Never survives into IR as a value type.
    Unknown,
    None,
    Bool,
    Int,
    Float,
    Str,
    List(Box<Ty>),
    /// A fixed-length tuple: one type per position.
    Tuple(Vec<Ty>),
    /// A tuple whose length is known only at run time, all items of one type: the `*args`
    /// of a call that spreads a list (`f(*xs)`). In the IR a list that nothing mutates; read
    /// as a list by loops and builtins (see `lower/call.rs`, `spread`).
    VarTuple(Box<Ty>),
    /// A function value: which `def` it is, and what it captured (see `lower/funcs.rs`).
    Func(FuncTy),
    /// One of several function values (a list of callbacks, a variable assigned different
    /// lambdas): a tag, the index of the member, and the captured values of every member.
    Funcs(Rc<[FuncTy]>),
    /// The heap box of a variable shared with closures (never a Python-visible value).
    Cell(Box<Ty>),
    /// A generator object yielding values of the inner type (see `lower/generators.rs`).
    Generator(Box<Ty>),
    /// A dict: key and value types, and whether it is a plain `dict` or one of the
    /// `collections` subclasses (same storage, different missing-key reads and repr).
    Dict(Box<Ty>, Box<Ty>, DictKind),
    Set(Box<Ty>),
    /// An open text file (`open(...)`).
    File,
    /// A 32-bit float (`float32(x)`): arithmetic with it stays 32-bit.
    Float32,
    /// `gpu.to_device(xs)` on the host: elements in device memory.
    DeviceArray(Box<Ty>),
    /// An array inside GPU code: a kernel's list or device-array parameter, or a shared array.
    /// It has no storage of its own: the name stands for its source (like [`Ty::Func`]).
    GpuArray(GpuArray),
    /// `a[i]` of a 2-D shared array: the value is the flat offset of row `i`.
    GpuRow(GpuArray),
    /// An instance of a user class (or of one of its subclasses); never `None`.
    Object(ClassTy),
    /// `None` or a value of the inner type (an [`Ty::Object`] or [`Ty::Exception`]): a null
    /// reference in the IR.
    Optional(Box<Ty>),
    /// `None` or a value of a scalar type (`int`, `float`, `bool`, `str`), or a list, dict or
    /// set (`def f(into=None): if into is None: into = []`): in the IR a
    /// `tuple[inner, bool]`, the value (a zero where None) and whether there is one (the shape
    /// of `Expression::DictLookup`, so `d.get(k)` is one lookup). Only a variable, field,
    /// parameter or result has this type; never a part of a container (see `lower/maybe.rs`).
    Maybe(Box<Ty>),
    /// A built-in exception class used as a value (`errors = (KeyError, IndexError)`): known
    /// at compile time, like [`Ty::Class`].
    ExceptionClass(kiln_ir::ExceptionKind),
    /// An exception as a value: caught (`except ValueError as e`) or made without raising it
    /// (`ValueError("x")`).
    Exception,
    /// `e.args` of an exception: a tuple whose parts kiln knows only as text. In the IR a
    /// `list[str]` with one tagged entry per argument (see `kiln_ir::Expression::ExceptionArgs`).
    ExceptionArgs,
    /// A `range` object: start, stop and a step that is not zero; in the IR a tuple of three
    /// ints. Iterating one as a loop's iterable counts; elsewhere it stands for its values.
    Range,
    /// A class itself used as a value (`cls` in a class method, a class passed around): known
    /// at compile time, so it needs no storage (like [`Ty::Func`]).
    Class(u32),
}

/// What kind of dict a [`Ty::Dict`] is. The subclasses share the plain dict's storage and
/// operations; they differ where CPython's do (see `lower/collections.rs`): a missing key's
/// read, `repr`, and the `Counter` methods. Part of the type, so that a variable holds one
/// kind for its whole scope and every use knows statically which behaviour applies.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DictKind {
    Plain,
    /// `collections.defaultdict(factory)`.
    Default(Factory),
    /// `collections.Counter` (its values are ints).
    Counter,
}

/// The `default_factory` of a defaultdict.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Factory {
    Int,
    Float,
    Str,
    List,
    Set,
    Dict,
    /// `collections.Counter`.
    Counter,
    /// A `def` or lambda without parameters that captures nothing (index into the program's
    /// defs): with nothing captured, the dict needs no storage for it.
    Func(usize),
}

impl Factory {
    /// The builtin's name (`<class 'NAME'>` in the repr); `None` for a function.
    pub fn class_name(&self) -> Option<&'static str> {
        Some(match self {
            Factory::Int => "int",
            Factory::Float => "float",
            Factory::Str => "str",
            Factory::List => "list",
            Factory::Set => "set",
            Factory::Dict => "dict",
            Factory::Counter => "collections.Counter",
            Factory::Func(_) => return None,
        })
    }
}

/// A function value's type: the `def` (index into the program's defs) and the types of the
/// variables it captured from enclosing functions, in the order of `FuncDef::captures` (a
/// captured variable that the closure or its definer may assign later is a [`Ty::Cell`]).
/// Known at compile time, so a call is direct; only the captured values need storage.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncTy {
    pub def: usize,
    pub env: Rc<[Ty]>,
}

impl FuncTy {
    pub fn new(def: usize, env: Vec<Ty>) -> FuncTy {
        FuncTy { def, env: env.into() }
    }

    pub fn join(&self, other: &FuncTy) -> Option<FuncTy> {
        if self.def != other.def || self.env.len() != other.env.len() {
            return None;
        }
        let env = self.env.iter().zip(other.env.iter()).map(|(a, b)| a.join(b)).collect::<Option<Vec<_>>>()?;
        Some(FuncTy::new(self.def, env))
    }

    /// How deeply function values nest in its environment (a closure over a closure...).
    pub fn depth(&self) -> usize {
        1 + self.env.iter().map(Ty::func_depth).max().unwrap_or(0)
    }

    /// Its captured values as an IR tuple (or `None` when it captured nothing).
    fn env_ir(&self, module: &mut Module) -> Handle<Type> {
        if self.env.is_empty() {
            return module.types.insert(Type::None);
        }
        let elems = self.env.iter().map(|t| t.to_ir(module)).collect();
        module.types.insert(Type::Tuple { elems })
    }
}

/// The members of a union of function values, in a canonical order (so that equal unions are
/// equal types), merging members of one `def` whose captures join.
pub fn func_union(members: impl IntoIterator<Item = FuncTy>) -> Ty {
    let mut out: Vec<FuncTy> = Vec::new();
    for m in members {
        match out.iter().position(|o| o.join(&m).is_some()) {
            Some(i) => out[i] = out[i].join(&m).expect("checked"),
            None => out.push(m),
        }
    }
    if out.len() == 1 {
        return Ty::Func(out.pop().expect("one member"));
    }
    out.sort_by_cached_key(|m| (m.def, format!("{:?}", m.env)));
    Ty::Funcs(out.into())
}

/// A user class as a type: the chain of classes from the root of its inheritance tree down
/// to the class, so that the join of two classes (their nearest common base) is the longest
/// common prefix of their chains.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClassTy {
    pub path: Rc<[ClassLink]>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClassLink {
    /// The class id (its index among the program's classes, in pre-order).
    pub id: u32,
    pub name: Rc<str>,
}

impl ClassTy {
    pub fn id(&self) -> u32 {
        self.path.last().expect("a class path is never empty").id
    }

    pub fn name(&self) -> &str {
        &self.path.last().expect("a class path is never empty").name
    }

    /// Whether the class is `id` or inherits from it.
    pub fn inherits(&self, id: u32) -> bool {
        self.path.iter().any(|l| l.id == id)
    }

    /// The nearest common base class, if the two classes share one.
    pub fn join(&self, other: &ClassTy) -> Option<ClassTy> {
        let common = self.path.iter().zip(other.path.iter()).take_while(|(a, b)| a == b).count();
        (common > 0).then(|| ClassTy { path: self.path[..common].into() })
    }
}

/// Where a [`Ty::GpuArray`] lives, and its shape when it is known (shared arrays).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GpuArray {
    pub elem: Box<Ty>,
    pub source: ArraySource,
    /// The shape of a shared array (for a row: the remaining dimensions); empty for params.
    pub dims: Vec<u32>,
    /// In block-shared memory (else device global memory).
    pub shared: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArraySource {
    /// Parameter `n` of the GPU function.
    Param(u32),
    /// Shared array `n` of the kernel.
    Shared(u32),
}

impl Ty {
    pub fn list(elem: Ty) -> Ty {
        Ty::List(Box::new(elem))
    }

    pub fn dict(key: Ty, value: Ty) -> Ty {
        Ty::Dict(Box::new(key), Box::new(value), DictKind::Plain)
    }

    pub fn dict_of(key: Ty, value: Ty, kind: DictKind) -> Ty {
        Ty::Dict(Box::new(key), Box::new(value), kind)
    }

    /// The same dict type with other key and value types (its kind kept); `self` must be a dict.
    pub fn with_dict_parts(&self, key: Ty, value: Ty) -> Ty {
        match self {
            Ty::Dict(_, _, kind) => Ty::dict_of(key, value, kind.clone()),
            _ => Ty::dict(key, value),
        }
    }

    /// A `collections` dict seen as the plain dict it is stored as.
    pub fn as_plain_dict(&self) -> Ty {
        match self {
            Ty::Dict(k, v, _) => Ty::Dict(k.clone(), v.clone(), DictKind::Plain),
            other => other.clone(),
        }
    }

    /// The key type of a dict type.
    pub fn dict_key_type(&self) -> Option<&Ty> {
        match self {
            Ty::Dict(k, _, _) => Some(k),
            _ => None,
        }
    }

    /// The kind of a dict type (`None` for other types).
    pub fn dict_kind(&self) -> Option<&DictKind> {
        match self {
            Ty::Dict(_, _, kind) => Some(kind),
            _ => None,
        }
    }

    pub fn set(elem: Ty) -> Ty {
        Ty::Set(Box::new(elem))
    }

    /// The type with every unknown part made `int`: for a value whose unknown parts cannot
    /// be observed (an empty container nothing was ever stored into).
    pub fn or_int(&self) -> Ty {
        match self {
            Ty::Unknown => Ty::Int,
            Ty::List(e) => Ty::list(e.or_int()),
            Ty::Set(e) => Ty::set(e.or_int()),
            Ty::Dict(k, v, kind) => Ty::dict_of(k.or_int(), v.or_int(), kind.clone()),
            Ty::Tuple(es) => Ty::Tuple(es.iter().map(Ty::or_int).collect()),
            Ty::VarTuple(e) => Ty::VarTuple(Box::new(e.or_int())),
            other => other.clone(),
        }
    }

    /// Whether the type is fully known (no `Unknown` anywhere inside).
    pub fn is_known(&self) -> bool {
        match self {
            Ty::Unknown => false,
            Ty::List(e) => e.is_known(),
            Ty::Tuple(es) => es.iter().all(Ty::is_known),
            Ty::Dict(k, v, _) => k.is_known() && v.is_known(),
            Ty::Set(e) | Ty::Cell(e) | Ty::Generator(e) | Ty::VarTuple(e) | Ty::Maybe(e) => e.is_known(),
            Ty::Func(f) => f.env.iter().all(Ty::is_known),
            Ty::Funcs(fs) => fs.iter().all(|f| f.env.iter().all(Ty::is_known)),
            _ => true,
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Bool | Ty::Int | Ty::Float | Ty::Float32)
    }

    /// The least type containing both, or `None` when they conflict.
    pub fn join(&self, other: &Ty) -> Option<Ty> {
        match (self, other) {
            (Ty::Unknown, t) | (t, Ty::Unknown) => Some(t.clone()),
            (Ty::List(a), Ty::List(b)) => Some(Ty::list(a.join(b)?)),
            (Ty::Tuple(a), Ty::Tuple(b)) if a.len() == b.len() => {
                Some(Ty::Tuple(a.iter().zip(b).map(|(x, y)| x.join(y)).collect::<Option<_>>()?))
            }
            (Ty::Dict(k1, v1, a), Ty::Dict(k2, v2, b)) if a == b => {
                Some(Ty::dict_of(k1.join(k2)?, v1.join(v2)?, a.clone()))
            }
            (Ty::Set(a), Ty::Set(b)) => Some(Ty::set(a.join(b)?)),
            (Ty::VarTuple(a), Ty::VarTuple(b)) => Some(Ty::VarTuple(Box::new(a.join(b)?))),
            (Ty::Object(a), Ty::Object(b)) => Some(Ty::Object(a.join(b)?)),
            (Ty::None, Ty::Object(_) | Ty::Exception) | (Ty::Object(_) | Ty::Exception, Ty::None) => {
                let object = if *self == Ty::None { other } else { self };
                Some(Ty::Optional(Box::new(object.clone())))
            }
            (Ty::Optional(a), Ty::None) | (Ty::None, Ty::Optional(a)) => Some(Ty::Optional(a.clone())),
            (Ty::Optional(a), Ty::Optional(b)) => Some(Ty::Optional(Box::new(a.join(b)?))),
            (Ty::Optional(a), b @ (Ty::Object(_) | Ty::Exception))
            | (b @ (Ty::Object(_) | Ty::Exception), Ty::Optional(a)) => Some(Ty::Optional(Box::new(a.join(b)?))),
            (a, b) if a == b => Some(a.clone()),
            (Ty::Cell(a), Ty::Cell(b)) => Some(Ty::Cell(Box::new(a.join(b)?))),
            (Ty::Generator(a), Ty::Generator(b)) => Some(Ty::Generator(Box::new(a.join(b)?))),
            (Ty::Maybe(a), Ty::Maybe(b)) => Some(Ty::Maybe(Box::new(a.join(b)?))),
            (Ty::Func(_) | Ty::Funcs(_), Ty::Func(_) | Ty::Funcs(_)) => {
                Some(func_union(self.func_members().into_iter().chain(other.func_members())))
            }
            _ => None,
        }
    }

    /// Whether a value of this type may be one of the variants of [`Ty::Maybe`] (a scalar, or
    /// a container: a pointer, null where None).
    pub fn is_maybe_scalar(&self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_))
    }

    /// The join for a value kept in a variable, field or function result: like [`Ty::join`],
    /// and also `None` with a scalar (`v = None` then `v = 3`) as a [`Ty::Maybe`]. Containers
    /// use the plain join (a `[1, None]` stays an error).
    pub fn join_value(&self, other: &Ty) -> Option<Ty> {
        match (self, other) {
            (Ty::None, s) | (s, Ty::None) if s.is_maybe_scalar() => Some(Ty::Maybe(Box::new(s.clone()))),
            (m @ Ty::Maybe(_), Ty::None) | (Ty::None, m @ Ty::Maybe(_)) => Some(m.clone()),
            (Ty::Maybe(a), s) | (s, Ty::Maybe(a)) if s.is_maybe_scalar() => Some(Ty::Maybe(Box::new(a.join(s)?))),
            _ => self.join(other),
        }
    }

    /// Whether a [`Ty::Maybe`] is part of a list, dict, set or generator type, at any depth
    /// (which kiln does not support: the runtime prints, compares and hashes some containers
    /// by their IR element types, which would show the pair). Tuples may hold one: the frontend
    /// prints and compares them part by part.
    pub fn maybe_inside(&self) -> bool {
        fn has(t: &Ty) -> bool {
            match t {
                Ty::Maybe(_) => true,
                Ty::Tuple(es) => es.iter().any(has),
                _ => t.maybe_inside(),
            }
        }
        match self {
            Ty::List(e) | Ty::Set(e) | Ty::Generator(e) | Ty::DeviceArray(e) => has(e),
            Ty::Tuple(es) => es.iter().any(Ty::maybe_inside),
            Ty::Dict(k, v, _) => has(k) || has(v),
            _ => false,
        }
    }

    /// How deeply function values nest inside the type.
    pub fn func_depth(&self) -> usize {
        match self {
            Ty::Func(f) => f.depth(),
            Ty::Funcs(fs) => fs.iter().map(FuncTy::depth).max().unwrap_or(0),
            Ty::Cell(t) | Ty::List(t) | Ty::Set(t) | Ty::Optional(t) | Ty::VarTuple(t) => t.func_depth(),
            Ty::Tuple(ts) => ts.iter().map(Ty::func_depth).max().unwrap_or(0),
            Ty::Dict(k, v, _) => k.func_depth().max(v.func_depth()),
            _ => 0,
        }
    }

    /// The functions a function value may be.
    pub fn func_members(&self) -> Vec<FuncTy> {
        match self {
            Ty::Func(f) => vec![f.clone()],
            Ty::Funcs(fs) => fs.to_vec(),
            _ => Vec::new(),
        }
    }

    /// The class of an object type, `None`-able or not.
    pub fn class(&self) -> Option<&ClassTy> {
        match self {
            Ty::Object(c) => Some(c),
            Ty::Optional(inner) => inner.class(),
            _ => None,
        }
    }

    /// Whether a value of type `self` may be passed where the annotation `expected` is written
    /// (PEP 484's numeric tower: `bool` is an `int`, `int` is acceptable for `float`).
    pub fn conforms_to(&self, expected: &Ty) -> bool {
        match (self, expected) {
            (_, Ty::Unknown) | (Ty::Unknown, _) => true,
            (Ty::Bool, Ty::Int | Ty::Float) | (Ty::Int, Ty::Float) => true,
            // Element types must agree where both are known (`list[?]` fits any list).
            (Ty::List(a), Ty::List(b)) | (Ty::VarTuple(a), Ty::VarTuple(b)) => a.join(b).is_some(),
            (Ty::Tuple(a), Ty::Tuple(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.conforms_to(y)),
            (Ty::Dict(..), Ty::Dict(..)) | (Ty::Set(_), Ty::Set(_)) => self.join(expected).is_some(),
            // An instance fits where its class or a base class is expected, and `None` or an
            // instance fits an optional one.
            (Ty::Object(a), Ty::Object(b)) => a.inherits(b.id()),
            (Ty::None, Ty::Optional(_) | Ty::Maybe(_)) => true,
            (Ty::Exception, Ty::Optional(b)) => **b == Ty::Exception,
            (s, Ty::Maybe(m)) if s == &**m => true,
            // `x = []` into a None-or-list variable.
            (s @ (Ty::List(_) | Ty::Dict(..) | Ty::Set(_)), Ty::Maybe(m)) => s.conforms_to(m),
            (Ty::Func(_) | Ty::Funcs(_), Ty::Func(_) | Ty::Funcs(_)) => self.join(expected).as_ref() == Some(expected),
            (Ty::Object(_) | Ty::Optional(_), Ty::Optional(b)) => {
                self.class().zip(b.class()).is_some_and(|(a, b)| a.inherits(b.id()))
            }
            (a, b) => a == b,
        }
    }

    /// The IR type. Unknown parts become `i64` placeholders: an empty list whose element type
    /// was never observed holds no elements, so the choice cannot be seen.
    pub fn to_ir(&self, module: &mut Module) -> Handle<Type> {
        match self {
            Ty::Unknown | Ty::Int => module.scalar_type(Scalar::I64),
            Ty::None | Ty::Class(_) | Ty::ExceptionClass(_) => module.types.insert(Type::None),
            Ty::Func(f) => f.env_ir(module),
            Ty::Funcs(fs) => {
                let mut elems = vec![module.scalar_type(Scalar::I64)];
                for f in fs.iter() {
                    elems.push(f.env_ir(module));
                }
                module.types.insert(Type::Tuple { elems })
            }
            Ty::Cell(inner) => {
                let elem = inner.to_ir(module);
                module.types.insert(Type::Cell { elem })
            }
            Ty::Generator(inner) => {
                let elem = inner.to_ir(module);
                module.types.insert(Type::Generator { elem })
            }
            Ty::Object(c) => module.types.insert(Type::Object { class: c.id() }),
            Ty::Exception => module.types.insert(Type::Exception),
            Ty::ExceptionArgs => {
                let elem = module.types.insert(Type::Str);
                module.types.insert(Type::List { elem })
            }
            Ty::Optional(inner) => inner.to_ir(module),
            Ty::Maybe(inner) => {
                let elems = vec![inner.to_ir(module), module.scalar_type(Scalar::BOOL)];
                module.types.insert(Type::Tuple { elems })
            }
            Ty::File => module.types.insert(Type::File),
            Ty::Bool => module.scalar_type(Scalar::BOOL),
            Ty::Float => module.scalar_type(Scalar::F64),
            Ty::Float32 => module.scalar_type(Scalar::F32),
            Ty::DeviceArray(e) => {
                let elem = e.to_ir(module);
                module.types.insert(Type::DeviceArray { elem })
            }
            Ty::GpuArray(a) => {
                let elem = a.elem.to_ir(module);
                let space = if a.shared { kiln_ir::AddressSpace::Shared } else { kiln_ir::AddressSpace::Global };
                module.types.insert(Type::ArrayView { elem, space })
            }
            Ty::GpuRow(_) => module.scalar_type(Scalar::I64),
            Ty::Str => module.types.insert(Type::Str),
            Ty::List(elem) | Ty::VarTuple(elem) => {
                let elem = elem.to_ir(module);
                module.types.insert(Type::List { elem })
            }
            Ty::Tuple(elems) => {
                let elems = elems.iter().map(|e| e.to_ir(module)).collect();
                module.types.insert(Type::Tuple { elems })
            }
            Ty::Range => {
                let int = module.scalar_type(Scalar::I64);
                module.types.insert(Type::Tuple { elems: vec![int; 3] })
            }
            Ty::Dict(k, v, _) => {
                let (key, value) = (k.to_ir(module), v.to_ir(module));
                module.types.insert(Type::Dict { key, value })
            }
            Ty::Set(e) => {
                let elem = e.to_ir(module);
                module.types.insert(Type::Set { elem })
            }
        }
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Unknown => f.write_str("?"),
            Ty::None => f.write_str("None"),
            Ty::Bool => f.write_str("bool"),
            Ty::Int => f.write_str("int"),
            Ty::Float => f.write_str("float"),
            Ty::Str => f.write_str("str"),
            Ty::List(e) if **e == Ty::Unknown => f.write_str("list"),
            Ty::List(e) => write!(f, "list[{e}]"),
            Ty::Func(_) | Ty::Funcs(_) => f.write_str("function"),
            Ty::Cell(inner) => write!(f, "cell[{inner}]"),
            Ty::Generator(_) => f.write_str("generator"),
            Ty::File => f.write_str("file"),
            Ty::Float32 => f.write_str("float32"),
            Ty::DeviceArray(e) => write!(f, "DeviceArray[{e}]"),
            Ty::GpuArray(a) | Ty::GpuRow(a) => write!(f, "array[{}]", a.elem),
            Ty::Object(c) => f.write_str(c.name()),
            Ty::Optional(inner) | Ty::Maybe(inner) => write!(f, "{inner} | None"),
            Ty::Class(_) | Ty::ExceptionClass(_) => f.write_str("type"),
            Ty::Exception => f.write_str("exception"),
            Ty::ExceptionArgs => f.write_str("tuple"),
            Ty::Range => f.write_str("range"),
            Ty::Dict(k, _, DictKind::Counter) => write!(f, "Counter[{k}]"),
            Ty::Dict(k, v, DictKind::Default(_)) => write!(f, "defaultdict[{k}, {v}]"),
            Ty::Dict(k, v, _) if **k == Ty::Unknown && **v == Ty::Unknown => f.write_str("dict"),
            Ty::Dict(k, v, _) => write!(f, "dict[{k}, {v}]"),
            Ty::Set(e) if **e == Ty::Unknown => f.write_str("set"),
            Ty::Set(e) => write!(f, "set[{e}]"),
            Ty::Tuple(es) if es.is_empty() => f.write_str("tuple[()]"),
            Ty::VarTuple(e) => write!(f, "tuple[{e}, ...]"),
            Ty::Tuple(es) => {
                f.write_str("tuple[")?;
                for (i, e) in es.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_str("]")
            }
        }
    }
}

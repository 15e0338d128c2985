//! IR types.
//!
//! Types are interned in [`crate::Module::types`] (a [`crate::UniqueArena`]), so two handles are
//! equal exactly when the types are. Python's `int` is `Scalar(I64)`, `float` is `Scalar(F64)`,
//! `bool` is `Scalar(BOOL)`, `None` is [`Type::None`]. Heap objects of the runtime (strings, lists)
//! are opaque reference types whose layout only the backends and `kiln-runtime` know.

use std::fmt;

/// The kind of a scalar: what its bits mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScalarKind {
    Bool,
    Sint,
    Uint,
    Float,
}

/// A scalar type: kind and width in bytes (`Bool` has width 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scalar {
    pub kind: ScalarKind,
    pub width: u8,
}

impl Scalar {
    pub const BOOL: Scalar = Scalar { kind: ScalarKind::Bool, width: 1 };
    pub const I32: Scalar = Scalar { kind: ScalarKind::Sint, width: 4 };
    /// Python's `int`.
    pub const I64: Scalar = Scalar { kind: ScalarKind::Sint, width: 8 };
    /// Compiler-made wide accumulators (never a user-visible type).
    pub const I128: Scalar = Scalar { kind: ScalarKind::Sint, width: 16 };
    pub const U32: Scalar = Scalar { kind: ScalarKind::Uint, width: 4 };
    /// kiln's `float32` (the GPU fast path).
    pub const F32: Scalar = Scalar { kind: ScalarKind::Float, width: 4 };
    /// Python's `float`.
    pub const F64: Scalar = Scalar { kind: ScalarKind::Float, width: 8 };

    pub fn is_int(self) -> bool {
        matches!(self.kind, ScalarKind::Sint | ScalarKind::Uint)
    }
    pub fn is_float(self) -> bool {
        self.kind == ScalarKind::Float
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.kind {
            ScalarKind::Bool => return f.write_str("bool"),
            ScalarKind::Sint => "i",
            ScalarKind::Uint => "u",
            ScalarKind::Float => "f",
        };
        write!(f, "{}{}", prefix, self.width as u32 * 8)
    }
}

/// Where a pointer or array view points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddressSpace {
    /// Ordinary host memory (the CPU's heap and stack).
    Host,
    /// Global memory of a device (CUDA global memory, a wgpu storage buffer).
    Global,
    /// Memory shared by the threads of one block/workgroup.
    Shared,
    /// Private per-thread memory.
    Local,
}

impl fmt::Display for AddressSpace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AddressSpace::Host => "host",
            AddressSpace::Global => "global",
            AddressSpace::Shared => "shared",
            AddressSpace::Local => "local",
        })
    }
}

/// An IR type. Stored interned; refer to types by `Handle<Type>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// Python's `None`: a type with one value. Functions without a return value return it.
    None,
    Scalar(Scalar),
    /// An immutable Unicode string (runtime object, UTF-8 storage).
    Str,
    /// A growable list of `elem` (runtime object; reference semantics as in Python).
    List {
        elem: crate::Handle<Type>,
    },
    /// An insertion-ordered hash map (runtime object; reference semantics). Keys are stored
    /// by value and hashed as CPython hashes them.
    Dict {
        key: crate::Handle<Type>,
        value: crate::Handle<Type>,
    },
    /// A hash set laid out like CPython's, so that it iterates in CPython's order (runtime
    /// object; reference semantics).
    Set {
        elem: crate::Handle<Type>,
    },
    /// An open text file (runtime object).
    File,
    /// `gpu.to_device(list)`: elements of `elem` (a scalar) in the memory of the program's
    /// kernel device (runtime object; reference semantics, like a list).
    DeviceArray {
        elem: crate::Handle<Type>,
    },
    /// A fixed-size heterogeneous value tuple.
    Tuple {
        elems: Vec<crate::Handle<Type>>,
    },
    /// A reference to an instance of user class `class` (an index into
    /// [`crate::Module::classes`]) or of one of its subclasses. It may be null, which is
    /// Python's `None` for a variable that holds "an object or None": the frontend checks for
    /// null before every field access where the value may be `None`.
    Object {
        class: u32,
    },
    /// A suspended generator (what calling a [generator function](crate::Function::generator)
    /// gives) that yields `elem` values: a runtime object on the collected heap with
    /// reference semantics (`g = f(); h = g` share one generator), stepped by
    /// [`crate::Expression::GenResume`].
    Generator {
        elem: crate::Handle<Type>,
    },
    /// A caught exception (`except ... as e`, and what a bare `raise` raises again): the
    /// class, the message, the instance it was raised with (if any) and its traceback so far.
    Exception,
    /// A mutable box on the collected heap holding one `elem`: a variable shared between a
    /// function and the closures that capture it (Python's cell). Never null.
    Cell {
        elem: crate::Handle<Type>,
    },
    /// A pointer to one `pointee` in `space`.
    Pointer {
        pointee: crate::Handle<Type>,
        space: AddressSpace,
    },
    /// A view of `len` contiguous `elem`s in `space`: what a kernel sees of a list or device
    /// array argument, and what `gpu.shared.array` yields.
    ArrayView {
        elem: crate::Handle<Type>,
        space: AddressSpace,
    },
}

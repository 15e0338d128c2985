//! The runtime's C ABI as the generated code sees it: every `kiln_rt_*` function the CPU backend
//! calls, with its LLVM-level signature.
//!
//! The functions themselves are implemented in `kiln-runtime` (`device-runtime/src/abi.rs`).
//! Conventions: booleans cross as `u8`; functions that can raise return a `u8` status (0 ok,
//! 1 exception pending) and write their result through a trailing out pointer; strings and lists
//! are pointers to runtime objects:
//!
//! - `KStr { i64 len_bytes, i64 nchars, [len x i8] bytes }` (bytes inline at offset 16);
//! - `KList { i64 len, i64 cap, ptr data }` with packed elements (`i64`, `f64`, `u8` for bool and
//!   None, `ptr` for strings and lists).

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, BasicType};
use inkwell::values::{FunctionValue, GlobalValue};
use inkwell::AddressSpace;

/// A C type at the runtime boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbiType {
    Void,
    /// `u8`: booleans and statuses.
    U8,
    I32,
    I64,
    F64,
    Ptr,
    /// A pointer to a string the runtime guarantees valid (`nonnull dereferenceable(16)`).
    Str,
    /// A pointer to a list the runtime guarantees valid (`nonnull dereferenceable(24)`).
    List,
}

/// What the optimiser may assume about a runtime function beyond its signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effects {
    /// Anything (allocates, prints, raises, ...).
    Any,
    /// Only on raise/unwind paths: marked `cold`.
    Cold,
    /// A pure function of its arguments (`memory(none)`).
    Pure,
    /// Reads only memory its pointer arguments point to (`memory(argmem: read)`).
    ReadsArgs,
}

/// One runtime function.
#[derive(Clone, Copy, Debug)]
pub struct RuntimeDecl {
    pub name: &'static str,
    pub params: &'static [AbiType],
    pub result: AbiType,
    pub effects: Effects,
}

/// The runtime's data symbol: the lowest stack address recursive functions may use (`usize`).
pub const STACK_LIMIT: &str = "kiln_rt_stack_limit";

use AbiType::{List, Ptr, Str, Void, F64, I32, I64, U8};
use Effects::{Any, Cold, Pure, ReadsArgs};

const fn f(name: &'static str, params: &'static [AbiType], result: AbiType, effects: Effects) -> RuntimeDecl {
    RuntimeDecl { name, params, result, effects }
}

/// Every runtime function the CPU backend may call.
pub const FUNCTIONS: &[RuntimeDecl] = &[
    f("kiln_rt_main", &[Ptr, I32, Ptr], I32, Any),
    f("kiln_rt_stack_check", &[], U8, Cold),
    // Parallel loops: body, env, count, chunk_size, schedule, num_threads, partial_bytes,
    // out partials, out chunk count.
    f("kiln_rt_par_for", &[Ptr, Ptr, I64, I64, I64, I64, I64, Ptr, Ptr], U8, Any),
    f("kiln_rt_set_default_threads", &[I64], Void, Any),
    // GPU kernels (docs/gpu.md): launch(desc, args, grid, block); the CPU device's barrier;
    // device arrays.
    f("kiln_rt_gpu_launch", &[Ptr, Ptr, Ptr, Ptr], U8, Any),
    f("kiln_rt_gpu_barrier", &[Ptr], Void, Any),
    f("kiln_rt_gpu_to_device", &[List, U8, Ptr], U8, Any),
    f("kiln_rt_gpu_copy_to_host", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_gpu_array_len", &[Ptr], I64, ReadsArgs),
    // Hashing, dicts and sets (keys and values passed by address; see containers.rs).
    f("kiln_rt_hash_int", &[I64], I64, Pure),
    f("kiln_rt_hash_float", &[F64], I64, Pure),
    f("kiln_rt_hash_str", &[Ptr], I64, ReadsArgs),
    f("kiln_rt_hash_tuple", &[Ptr, I64], I64, ReadsArgs),
    f("kiln_rt_hash_tuple_step", &[I64, I64], I64, Pure),
    f("kiln_rt_hash_tuple_finish", &[I64, I64], I64, Pure),
    f("kiln_rt_dict_new", &[Ptr, I64, U8], Ptr, Any),
    f("kiln_rt_dict_len", &[Ptr], I64, ReadsArgs),
    f("kiln_rt_dict_get", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_dict_set_slot", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_dict_delete", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_dict_next", &[Ptr, Ptr, Ptr, Ptr], U8, Any),
    f("kiln_rt_dict_clear", &[Ptr], Void, Any),
    f("kiln_rt_dict_copy", &[Ptr], Ptr, Any),
    f("kiln_rt_set_new", &[Ptr], Ptr, Any),
    f("kiln_rt_set_from_list", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_set_from_const_display", &[Ptr, Ptr, U8], Ptr, Any),
    f("kiln_rt_set_const_frozen", &[Ptr, Ptr, U8], Ptr, Any),
    f("kiln_rt_set_len", &[Ptr], I64, ReadsArgs),
    f("kiln_rt_set_add", &[Ptr, Ptr], Void, Any),
    f("kiln_rt_set_contains", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_set_discard", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_set_next", &[Ptr, Ptr, Ptr], U8, Any),
    f("kiln_rt_set_clear", &[Ptr], Void, Any),
    f("kiln_rt_set_pop", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_dict_popitem", &[Ptr, Ptr, Ptr], U8, Any),
    f("kiln_rt_set_copy", &[Ptr], Ptr, Any),
    f("kiln_rt_set_union", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_set_intersection", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_set_difference", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_set_symmetric_difference", &[Ptr, Ptr], Ptr, Any),
    f("kiln_rt_set_update", &[Ptr, Ptr], Void, Any),
    f("kiln_rt_set_intersection_update", &[Ptr, Ptr], Void, Any),
    f("kiln_rt_set_difference_update", &[Ptr, Ptr], Void, Any),
    f("kiln_rt_set_symmetric_difference_update", &[Ptr, Ptr], Void, Any),
    f("kiln_rt_set_issubset", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_set_eq", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_set_isdisjoint", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_alloc", &[I64], Ptr, Any),
    f("kiln_rt_alloc_atomic", &[I64], Ptr, Any),
    f("kiln_rt_gc_add_roots", &[Ptr, Ptr], Void, Any),
    // Strings.
    f("kiln_rt_str_new", &[Ptr, I64], Str, Any),
    f("kiln_rt_str_concat", &[Ptr, Ptr], Str, Any),
    f("kiln_rt_str_eq", &[Ptr, Ptr], U8, ReadsArgs),
    f("kiln_rt_str_cmp", &[Ptr, Ptr], I64, ReadsArgs),
    f("kiln_rt_str_len", &[Ptr], I64, ReadsArgs),
    f("kiln_rt_str_from_int", &[I64], Str, Any),
    f("kiln_rt_str_from_float", &[F64], Str, Any),
    f("kiln_rt_str_from_bool", &[U8], Str, Any),
    f("kiln_rt_str_repr", &[Ptr], Str, Any),
    f("kiln_rt_format_int", &[I64, Ptr, Ptr], U8, Any),
    f("kiln_rt_format_float", &[F64, Ptr, Ptr], U8, Any),
    f("kiln_rt_format_str", &[Ptr, Ptr, Ptr], U8, Any),
    // `fmt % args` / `fmt.format(*args)` with a computed template: fmt, KArg array, count, out.
    f("kiln_rt_str_percent", &[Ptr, Ptr, I64, Ptr], U8, Any),
    f("kiln_rt_str_format_method", &[Ptr, Ptr, I64, Ptr], U8, Any),
    // Printing.
    f("kiln_rt_print_str", &[Ptr], Void, Any),
    f("kiln_rt_print_int", &[I64], Void, Any),
    f("kiln_rt_print_float", &[F64], Void, Any),
    f("kiln_rt_print_bool", &[U8], Void, Any),
    f("kiln_rt_print_none", &[], Void, Any),
    f("kiln_rt_flush", &[], Void, Any),
    // Lists.
    f("kiln_rt_list_new", &[I64, I64, U8], List, Any),
    f("kiln_rt_list_append_slot", &[Ptr, I64, U8], Ptr, Any),
    f("kiln_rt_list_repeat", &[Ptr, I64, I64, U8], List, Any),
    f("kiln_rt_list_concat", &[Ptr, Ptr, I64, U8], List, Any),
    f("kiln_rt_list_repr", &[Ptr, U8], Str, Any),
    // Exceptions.
    f("kiln_rt_raise", &[Ptr, Ptr], Void, Cold),
    f("kiln_rt_traceback_push", &[Ptr, Ptr, I64], Void, Cold),
    f("kiln_rt_exc_clear", &[], Void, Any),
    f("kiln_rt_exc_pending", &[], U8, Any),
    f("kiln_rt_raise_object", &[Ptr, Ptr, Ptr, List], Void, Cold),
    f("kiln_rt_exc_new", &[Ptr, Ptr, List, Ptr], Ptr, Any),
    f("kiln_rt_exc_caught_args", &[Ptr], List, Any),
    f("kiln_rt_exc_register_class", &[Ptr, Ptr, Ptr], Void, Any),
    f("kiln_rt_exc_catch", &[], Ptr, Cold),
    f("kiln_rt_exc_rethrow", &[Ptr], Void, Cold),
    f("kiln_rt_exc_raise_value", &[Ptr], Void, Cold),
    f("kiln_rt_exc_caught_matches", &[Ptr, Ptr], U8, Any),
    f("kiln_rt_exc_caught_message", &[Ptr], Str, Any),
    f("kiln_rt_exc_caught_name", &[Ptr], Str, Any),
    f("kiln_rt_exc_caught_object", &[Ptr], Ptr, Any),
    // Numbers.
    f("kiln_rt_int_pow", &[I64, I64, Ptr], U8, Any),
    f("kiln_rt_float_pow", &[F64, F64, Ptr], U8, Any),
    f("kiln_rt_float_floordiv", &[F64, F64], F64, Pure),
    f("kiln_rt_float_mod", &[F64, F64], F64, Pure),
    f("kiln_rt_float_to_int", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_floor", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_ceil", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_sin", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_cos", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_tan", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_asin", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_acos", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_atan", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_sinh", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_cosh", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_tanh", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_exp", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_expm1", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_log", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_log2", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_log10", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_log1p", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_sqrt", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_fabs", &[F64, Ptr], U8, Any),
    f("kiln_rt_math_pow", &[F64, F64, Ptr], U8, Any),
    f("kiln_rt_math_atan2", &[F64, F64, Ptr], U8, Any),
    f("kiln_rt_math_hypot", &[F64, F64, Ptr], U8, Any),
    f("kiln_rt_time_time", &[], F64, Any),
    f("kiln_rt_time_perf_counter", &[], F64, Any),
];

/// The declaration of runtime function `name`, if it is one.
pub fn lookup(name: &str) -> Option<&'static RuntimeDecl> {
    FUNCTIONS.iter().find(|d| d.name == name)
}

/// The declaration of the runtime function behind IR runtime call `f`: the entry of
/// [`FUNCTIONS`] when there is one, otherwise derived from `f`'s signature by the ABI's
/// conventions (so new runtime functions need no change here).
pub fn runtime_fn_decl(f: kiln_ir::RuntimeFn) -> (String, Vec<AbiType>, AbiType) {
    use kiln_ir::ValueTag;
    let name = format!("kiln_rt_{}", f.name());
    if let Some(d) = lookup(&name) {
        return (name, d.params.to_vec(), d.result);
    }
    let sig = f.signature();
    let tag = |t: ValueTag| match t {
        ValueTag::None => Void,
        ValueTag::Bool => U8,
        ValueTag::Int => I64,
        ValueTag::Float => F64,
        ValueTag::Str
        | ValueTag::OptStr
        | ValueTag::StrList
        | ValueTag::FloatList
        | ValueTag::File
        | ValueTag::Exception => Ptr,
    };
    let mut params: Vec<AbiType> = sig.params.iter().map(|t| tag(*t)).collect();
    let result = if sig.can_raise {
        // A raising function with a result writes it through a trailing out pointer.
        if sig.result != ValueTag::None {
            params.push(Ptr);
        }
        U8
    } else {
        match sig.result {
            ValueTag::Str => Str,
            ValueTag::StrList | ValueTag::FloatList => List,
            t => tag(t),
        }
    };
    (name, params, result)
}

/// Declares (once) the runtime function `decl` in `module`, with its attributes.
pub(crate) fn declare<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, decl: &RuntimeDecl) -> FunctionValue<'ctx> {
    declare_parts(ctx, module, decl.name, decl.params, decl.result, decl.effects)
}

/// Declares (once) a runtime function from its parts.
pub(crate) fn declare_parts<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    name: &str,
    params: &[AbiType],
    result: AbiType,
    effects: Effects,
) -> FunctionValue<'ctx> {
    if let Some(existing) = module.get_function(name) {
        return existing;
    }
    let decl = RuntimeDecl { name: "", params: &[], result, effects };
    let param_types: Vec<BasicMetadataTypeEnum<'ctx>> =
        params.iter().map(|p| basic_type(ctx, *p).unwrap_or_else(|| ctx.i8_type().into()).into()).collect();
    let fn_type = match basic_type(ctx, decl.result) {
        Some(t) => t.fn_type(&param_types, false),
        None => ctx.void_type().fn_type(&param_types, false),
    };
    let function = module.add_function(name, fn_type, Some(Linkage::External));
    let attr = |name: &str, value: u64| ctx.create_enum_attribute(Attribute::get_named_enum_kind_id(name), value);
    function.add_attribute(AttributeLoc::Function, attr("nounwind", 0));
    for (i, p) in params.iter().enumerate() {
        if *p == U8 {
            function.add_attribute(AttributeLoc::Param(i as u32), attr("zeroext", 0));
        }
    }
    match decl.result {
        U8 => function.add_attribute(AttributeLoc::Return, attr("zeroext", 0)),
        Str | List => {
            let size = if decl.result == Str { 16 } else { 24 };
            function.add_attribute(AttributeLoc::Return, attr("nonnull", 0));
            function.add_attribute(AttributeLoc::Return, attr("noundef", 0));
            function.add_attribute(AttributeLoc::Return, attr("dereferenceable", size));
            function.add_attribute(AttributeLoc::Return, attr("align", 8));
        }
        _ => {}
    }
    match decl.effects {
        Any => {}
        Cold => function.add_attribute(AttributeLoc::Function, attr("cold", 0)),
        // `memory(...)` encodes two mod/ref bits per location (argmem, inaccessible, other).
        Pure | ReadsArgs => {
            function.add_attribute(AttributeLoc::Function, attr("memory", if decl.effects == Pure { 0 } else { 1 }));
            function.add_attribute(AttributeLoc::Function, attr("willreturn", 0));
            function.add_attribute(AttributeLoc::Function, attr("nosync", 0));
        }
    }
    function
}

/// Declares (once) the runtime's stack limit variable (`usize`, read by recursive functions).
/// The runtime's table of one-character ASCII strings, `ASCII_CHAR_SIZE` bytes apart.
pub const ASCII_CHARS: &str = "kiln_rt_ascii_chars";
pub const ASCII_CHAR_SIZE: u64 = 24;

pub(crate) fn declare_ascii_chars<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>) -> GlobalValue<'ctx> {
    if let Some(existing) = module.get_global(ASCII_CHARS) {
        return existing;
    }
    let ty = ctx.i8_type().array_type((128 * ASCII_CHAR_SIZE) as u32);
    let global = module.add_global(ty, None, ASCII_CHARS);
    global.set_linkage(Linkage::External);
    global.set_constant(true);
    global
}

pub(crate) fn declare_stack_limit<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>) -> GlobalValue<'ctx> {
    if let Some(existing) = module.get_global(STACK_LIMIT) {
        return existing;
    }
    let global = module.add_global(ctx.i64_type(), None, STACK_LIMIT);
    global.set_linkage(Linkage::External);
    global
}

fn basic_type(ctx: &Context, t: AbiType) -> Option<inkwell::types::BasicTypeEnum<'_>> {
    Some(match t {
        Void => return None,
        U8 => ctx.i8_type().into(),
        I32 => ctx.i32_type().into(),
        I64 => ctx.i64_type().into(),
        F64 => ctx.f64_type().into(),
        Ptr | Str | List => ctx.ptr_type(AddressSpace::default()).into(),
    })
}

//! The kiln runtime: everything compiled kiln programs call at run time — program entry
//! and the stack limit, Boehm-GC allocation, strings, lists, printing, formatting,
//! exceptions, parallel loops and numeric helpers with CPython's semantics.
//!
//! The C ABI is in [`abi`] (one file, every `kiln_rt_*` symbol, with layouts and
//! conventions); the other modules implement it and are usable from Rust.
//! [`symbols`] lists every exported symbol with its address for the JIT.

pub mod abi;
pub mod entry;
pub mod exceptions;
pub mod float_repr;
pub mod format;
pub mod gc;
pub mod io;
pub mod lists;
pub mod math;
pub mod parallel;
pub mod strings;
mod unicode_tables;

pub use exceptions::PyErr;
pub use lists::KList;
pub use strings::KStr;

/// Name of the exported stack-limit variable (a `usize`, read by compiled code at every
/// function entry).
pub const STACK_LIMIT_SYMBOL: &str = "kiln_rt_stack_limit";

/// Every exported `kiln_rt_*` symbol and its address in this process: the functions of
/// [`abi`] and the `kiln_rt_stack_limit` variable. The JIT maps each declaration it emits
/// with `ExecutionEngine::add_global_mapping(&decl, addr)`.
pub fn symbols() -> Vec<(&'static str, usize)> {
    vec![
        (STACK_LIMIT_SYMBOL, &abi::kiln_rt_stack_limit as *const _ as usize),
        ("kiln_rt_main", abi::kiln_rt_main as *const () as usize),
        ("kiln_rt_stack_overflow", abi::kiln_rt_stack_overflow as *const () as usize),
        ("kiln_rt_stack_check", abi::kiln_rt_stack_check as *const () as usize),
        ("kiln_rt_par_for", abi::kiln_rt_par_for as *const () as usize),
        ("kiln_rt_set_default_threads", abi::kiln_rt_set_default_threads as *const () as usize),
        ("kiln_rt_argv", abi::kiln_rt_argv as *const () as usize),
        ("kiln_rt_alloc", abi::kiln_rt_alloc as *const () as usize),
        ("kiln_rt_alloc_atomic", abi::kiln_rt_alloc_atomic as *const () as usize),
        ("kiln_rt_gc_add_roots", abi::kiln_rt_gc_add_roots as *const () as usize),
        ("kiln_rt_gc_collect", abi::kiln_rt_gc_collect as *const () as usize),
        ("kiln_rt_str_new", abi::kiln_rt_str_new as *const () as usize),
        ("kiln_rt_str_concat", abi::kiln_rt_str_concat as *const () as usize),
        ("kiln_rt_str_eq", abi::kiln_rt_str_eq as *const () as usize),
        ("kiln_rt_str_cmp", abi::kiln_rt_str_cmp as *const () as usize),
        ("kiln_rt_str_len", abi::kiln_rt_str_len as *const () as usize),
        ("kiln_rt_str_from_int", abi::kiln_rt_str_from_int as *const () as usize),
        ("kiln_rt_str_from_float", abi::kiln_rt_str_from_float as *const () as usize),
        ("kiln_rt_str_from_bool", abi::kiln_rt_str_from_bool as *const () as usize),
        ("kiln_rt_str_repr", abi::kiln_rt_str_repr as *const () as usize),
        ("kiln_rt_str_getitem", abi::kiln_rt_str_getitem as *const () as usize),
        ("kiln_rt_str_slice", abi::kiln_rt_str_slice as *const () as usize),
        ("kiln_rt_str_contains", abi::kiln_rt_str_contains as *const () as usize),
        ("kiln_rt_str_repeat", abi::kiln_rt_str_repeat as *const () as usize),
        ("kiln_rt_format_int", abi::kiln_rt_format_int as *const () as usize),
        ("kiln_rt_format_bool", abi::kiln_rt_format_bool as *const () as usize),
        ("kiln_rt_format_float", abi::kiln_rt_format_float as *const () as usize),
        ("kiln_rt_format_str", abi::kiln_rt_format_str as *const () as usize),
        ("kiln_rt_print_str", abi::kiln_rt_print_str as *const () as usize),
        ("kiln_rt_print_int", abi::kiln_rt_print_int as *const () as usize),
        ("kiln_rt_print_float", abi::kiln_rt_print_float as *const () as usize),
        ("kiln_rt_print_bool", abi::kiln_rt_print_bool as *const () as usize),
        ("kiln_rt_print_none", abi::kiln_rt_print_none as *const () as usize),
        ("kiln_rt_flush", abi::kiln_rt_flush as *const () as usize),
        ("kiln_rt_list_new", abi::kiln_rt_list_new as *const () as usize),
        ("kiln_rt_list_append_slot", abi::kiln_rt_list_append_slot as *const () as usize),
        ("kiln_rt_list_repeat", abi::kiln_rt_list_repeat as *const () as usize),
        ("kiln_rt_list_concat", abi::kiln_rt_list_concat as *const () as usize),
        ("kiln_rt_list_repr", abi::kiln_rt_list_repr as *const () as usize),
        ("kiln_rt_raise", abi::kiln_rt_raise as *const () as usize),
        ("kiln_rt_raise_system_exit", abi::kiln_rt_raise_system_exit as *const () as usize),
        ("kiln_rt_raise_int_overflow", abi::kiln_rt_raise_int_overflow as *const () as usize),
        ("kiln_rt_traceback_push", abi::kiln_rt_traceback_push as *const () as usize),
        ("kiln_rt_exc_clear", abi::kiln_rt_exc_clear as *const () as usize),
        ("kiln_rt_exc_pending", abi::kiln_rt_exc_pending as *const () as usize),
        ("kiln_rt_exc_matches", abi::kiln_rt_exc_matches as *const () as usize),
        ("kiln_rt_exc_register_class", abi::kiln_rt_exc_register_class as *const () as usize),
        ("kiln_rt_exc_type_name", abi::kiln_rt_exc_type_name as *const () as usize),
        ("kiln_rt_exc_message", abi::kiln_rt_exc_message as *const () as usize),
        ("kiln_rt_int_pow", abi::kiln_rt_int_pow as *const () as usize),
        ("kiln_rt_float_pow", abi::kiln_rt_float_pow as *const () as usize),
        ("kiln_rt_float_floordiv", abi::kiln_rt_float_floordiv as *const () as usize),
        ("kiln_rt_float_mod", abi::kiln_rt_float_mod as *const () as usize),
        ("kiln_rt_int_true_div", abi::kiln_rt_int_true_div as *const () as usize),
        ("kiln_rt_int_float_cmp", abi::kiln_rt_int_float_cmp as *const () as usize),
        ("kiln_rt_float_to_int", abi::kiln_rt_float_to_int as *const () as usize),
        ("kiln_rt_math_floor", abi::kiln_rt_math_floor as *const () as usize),
        ("kiln_rt_math_ceil", abi::kiln_rt_math_ceil as *const () as usize),
        ("kiln_rt_math_sin", abi::kiln_rt_math_sin as *const () as usize),
        ("kiln_rt_math_cos", abi::kiln_rt_math_cos as *const () as usize),
        ("kiln_rt_math_tan", abi::kiln_rt_math_tan as *const () as usize),
        ("kiln_rt_math_asin", abi::kiln_rt_math_asin as *const () as usize),
        ("kiln_rt_math_acos", abi::kiln_rt_math_acos as *const () as usize),
        ("kiln_rt_math_atan", abi::kiln_rt_math_atan as *const () as usize),
        ("kiln_rt_math_sinh", abi::kiln_rt_math_sinh as *const () as usize),
        ("kiln_rt_math_cosh", abi::kiln_rt_math_cosh as *const () as usize),
        ("kiln_rt_math_tanh", abi::kiln_rt_math_tanh as *const () as usize),
        ("kiln_rt_math_asinh", abi::kiln_rt_math_asinh as *const () as usize),
        ("kiln_rt_math_acosh", abi::kiln_rt_math_acosh as *const () as usize),
        ("kiln_rt_math_atanh", abi::kiln_rt_math_atanh as *const () as usize),
        ("kiln_rt_math_exp", abi::kiln_rt_math_exp as *const () as usize),
        ("kiln_rt_math_exp2", abi::kiln_rt_math_exp2 as *const () as usize),
        ("kiln_rt_math_expm1", abi::kiln_rt_math_expm1 as *const () as usize),
        ("kiln_rt_math_log", abi::kiln_rt_math_log as *const () as usize),
        ("kiln_rt_math_log_base", abi::kiln_rt_math_log_base as *const () as usize),
        ("kiln_rt_math_log2", abi::kiln_rt_math_log2 as *const () as usize),
        ("kiln_rt_math_log10", abi::kiln_rt_math_log10 as *const () as usize),
        ("kiln_rt_math_log1p", abi::kiln_rt_math_log1p as *const () as usize),
        ("kiln_rt_math_cbrt", abi::kiln_rt_math_cbrt as *const () as usize),
        ("kiln_rt_math_sqrt", abi::kiln_rt_math_sqrt as *const () as usize),
        ("kiln_rt_math_fabs", abi::kiln_rt_math_fabs as *const () as usize),
        ("kiln_rt_math_pow", abi::kiln_rt_math_pow as *const () as usize),
        ("kiln_rt_math_atan2", abi::kiln_rt_math_atan2 as *const () as usize),
        ("kiln_rt_math_hypot", abi::kiln_rt_math_hypot as *const () as usize),
        ("kiln_rt_time_time", abi::kiln_rt_time_time as *const () as usize),
        ("kiln_rt_time_perf_counter", abi::kiln_rt_time_perf_counter as *const () as usize),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// `symbols()` must list exactly the functions defined in abi.rs, plus the static.
    #[test]
    fn symbols_cover_abi() {
        let src = include_str!("abi.rs");
        let mut defined: BTreeSet<String> = src
            .lines()
            .filter(|l| l.starts_with("pub "))
            .filter_map(|l| l.split("extern \"C\" fn ").nth(1))
            .map(|rest| rest.split('(').next().unwrap_or("").trim().to_string())
            .filter(|n| n.starts_with("kiln_rt_"))
            .collect();
        defined.insert(super::STACK_LIMIT_SYMBOL.to_string());
        let listed: BTreeSet<String> = super::symbols().iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(defined, listed);
        assert_eq!(super::symbols().len(), listed.len(), "duplicate names");
        assert!(super::symbols().iter().all(|&(_, a)| a != 0));
    }
}

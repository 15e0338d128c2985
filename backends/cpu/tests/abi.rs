//! The backend's runtime declarations agree with the runtime and with the IR's signatures.

use kiln_backend_cpu::abi::{self, AbiType};
use kiln_ir::RuntimeFn;

/// Every runtime function the backend may call is exported by `kiln-runtime`.
#[test]
fn runtime_exports_every_declared_function() {
    let symbols = kiln_runtime::symbols();
    let exported: std::collections::HashSet<&str> = symbols.iter().map(|(n, _)| *n).collect();
    for decl in abi::FUNCTIONS {
        assert!(exported.contains(decl.name), "the runtime does not export {}", decl.name);
    }
    assert!(exported.contains(abi::STACK_LIMIT));
}

/// The table's entry for each IR runtime function matches what its signature implies.
#[test]
fn ir_runtime_functions_match_the_table() {
    use RuntimeFn::*;
    let all = [
        StrConcat,
        StrEq,
        StrCmp,
        StrFromInt,
        StrFromFloat,
        StrFromBool,
        StrRepr,
        FormatInt,
        FormatFloat,
        FormatStr,
        PrintStr,
        PrintInt,
        PrintFloat,
        PrintBool,
        PrintNone,
        TimeTime,
        TimePerfCounter,
    ];
    for f in all {
        let (name, params, result) = abi::runtime_fn_decl(f);
        assert!(abi::lookup(&name).is_some(), "{name} is not in the table");
        let sig = f.signature();
        let expected_params = sig.params.len() + sig.can_raise as usize;
        assert_eq!(params.len(), expected_params, "{name}");
        if sig.can_raise {
            assert_eq!(result, AbiType::U8, "{name} returns a status");
            assert_eq!(params.last(), Some(&AbiType::Ptr), "{name} takes an out pointer");
        }
    }
}

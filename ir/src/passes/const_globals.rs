//! Module constants: a global that every `StoreGlobal` in the program sets to the same
//! number (or `bool`/`None`) literal is that literal wherever it is read.
//!
//! This is sound without knowing where the stores are: a read that runs before any store is
//! guarded by the global's `$bound` flag (the frontend raises `NameError` there and never
//! reaches the load), and every read after a store sees the one value all stores write.
//! The flags themselves are stored `false` and later `true`, so they never qualify.
//!
//! It matters for loops such as `for j in range(N)` with a module-level `N = 1500`: with the
//! bound a constant, LLVM knows the range of the induction variable and drops the overflow
//! checks of the index arithmetic that it proves cannot overflow.

use std::collections::HashMap;

use crate::arena::Handle;
use crate::ir::*;

/// Replaces the loads of constant globals by their literal; returns how many loads changed.
pub fn run(module: &mut Module) -> usize {
    // For each global: Some(literal) while every store seen writes that literal, None once a
    // store writes anything else.
    let mut stored: HashMap<Handle<Global>, Option<Literal>> = HashMap::new();
    for (_, f) in module.functions.iter() {
        collect_stores(f, &f.body, &mut stored);
    }
    let constants: HashMap<Handle<Global>, Literal> =
        stored.into_iter().filter_map(|(g, lit)| Some((g, lit?))).collect();
    if constants.is_empty() {
        return 0;
    }
    let mut changed = 0;
    let handles: Vec<Handle<Function>> = module.functions.iter().map(|(h, _)| h).collect();
    for fh in handles {
        let f = &mut module.functions[fh];
        let exprs: Vec<Handle<Expression>> = f.expressions.iter().map(|(h, _)| h).collect();
        for h in exprs {
            if let Expression::LoadGlobal(g) = f.expressions[h] {
                if let Some(lit) = constants.get(&g) {
                    f.expressions[h] = Expression::Literal(lit.clone());
                    changed += 1;
                }
            }
        }
    }
    changed
}

fn collect_stores(f: &Function, block: &Block, stored: &mut HashMap<Handle<Global>, Option<Literal>>) {
    for (statement, _) in block.iter() {
        if let Statement::StoreGlobal { global, value } = statement {
            let lit = match &f.expressions[*value] {
                Expression::Literal(
                    lit @ (Literal::None
                    | Literal::Bool(_)
                    | Literal::I32(_)
                    | Literal::I64(_)
                    | Literal::U32(_)
                    | Literal::F32(_)
                    | Literal::F64(_)),
                ) => Some(lit.clone()),
                _ => None,
            };
            let entry = stored.entry(*global).or_insert_with(|| lit.clone());
            // Bitwise equality for floats: `0.0` and `-0.0` are different constants.
            let same = match (&*entry, &lit) {
                (Some(Literal::F64(a)), Some(Literal::F64(b))) => a.to_bits() == b.to_bits(),
                (Some(Literal::F32(a)), Some(Literal::F32(b))) => a.to_bits() == b.to_bits(),
                (a, b) => a == b,
            };
            if !same {
                *entry = None;
            }
        }
        statement.for_each_block(|b| collect_stores(f, b, stored));
    }
}

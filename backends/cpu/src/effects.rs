//! What functions and loops may change: the facts behind loading list headers once per loop.
//!
//! A list's header (length, data pointer) changes only when the list grows (`ListAppend`) —
//! element stores leave it alone. A variable's list pointer changes only when the variable is
//! assigned. So inside a loop that appends to no list (directly or through the functions it
//! calls) and never reassigns a variable, the header of the list held by that variable is the
//! same on every iteration and can be loaded once, before the loop.

use std::collections::HashSet;

use kiln_ir::{Block, Expression, Function, Global, Handle, Local, Module, ModuleInfo, RuntimeFn, Statement};

/// The side effects of one function, including those of everything it calls.
#[derive(Clone, Default)]
pub(crate) struct Summary {
    /// It may change the header of some list (append).
    pub appends: bool,
    /// Globals it may assign.
    pub stores: HashSet<usize>,
}

/// Whether runtime function `f` may change the header of a list it can reach. Exhaustive on
/// purpose: a new runtime function must be classified here.
fn runtime_mutates_lists(f: RuntimeFn) -> bool {
    use RuntimeFn::*;
    match f {
        StrConcat | StrEq | StrCmp | StrFromInt | StrFromFloat | StrFromBool | StrRepr | FormatInt | FormatFloat
        | FormatStr | FormatBool | PrintStr | PrintInt | PrintFloat | PrintBool | PrintNone | IntTrueDiv
        | IntFloatCmp | TimeTime | TimePerfCounter | StrGetItem | StrSlice | StrContains | StrRepeat | StrSplit
        | StrRsplit | StrSplitlines | StrJoin | StrSorted | StrJoinSorted | StrStrip | StrReplace | StrFind
        | StrCount | StrStartswith | StrCase | StrIs | StrPad | StrZfill | StrOrd | StrChr | StrToInt | StrToFloat
        | IntToBase | FloatRound | FloatRoundInt | IntRound | IntPowMod | MathFsum | MathFactorial | MathGcd
        | MathLcm | MathComb | MathPerm | MathIsqrt | MathIsclose | MathTrunc | MathCopysign | MathErf | MathErfc
        | MathGamma | MathLgamma | MathFmod | RandomSeed | RandomSeedEntropy | RandomRandom | RandomRandbelow
        | RandomRandrange | RandomRandint | RandomUniform | RandomGauss | RandomNormalvariate | RandomExpovariate
        | RandomGetrandbits | Input | Argv | SystemExit | FileOpen | FileReadline | FileRead | FileReadlines
        | FileWrite | FileClose | HashInt | HashFloat | HashStr | HashTupleStep | HashTupleFinish | PrintErr
        | ExcContext | ExcCause | ExcSuppressContext | ExcHandlingEnter | ExcHandlingExit | ExcSetCause
        | NameErrorHint => false,
    }
}

/// Direct effects of the statements of `block` (not through calls), and the functions called.
#[derive(Default)]
pub(crate) struct BlockEffects {
    pub appends: bool,
    pub stores_globals: HashSet<usize>,
    pub stores_locals: HashSet<usize>,
    pub calls: HashSet<usize>,
}

impl BlockEffects {
    pub(crate) fn of(function: &Function, block: &Block) -> BlockEffects {
        let mut effects = BlockEffects::default();
        effects.scan(function, block);
        effects
    }

    fn scan(&mut self, function: &Function, block: &Block) {
        for (statement, _) in block.iter() {
            match statement {
                Statement::Emit(range) => {
                    for h in range.iter() {
                        match function.expressions.get(h) {
                            Some(Expression::Call { function: callee, .. }) => {
                                self.calls.insert(callee.index());
                            }
                            Some(Expression::RuntimeCall { function: f, .. }) => {
                                self.appends |= runtime_mutates_lists(*f)
                            }
                            // Runs the body of some generator, which may do anything.
                            Some(Expression::GenResume { .. }) => self.appends = true,
                            _ => {}
                        }
                    }
                }
                Statement::Block(b) | Statement::Loop { body: b } | Statement::ParallelFor { body: b, .. } => {
                    self.scan(function, b)
                }
                Statement::If { accept, reject, .. } | Statement::Try { body: accept, handler: reject, .. } => {
                    self.scan(function, accept);
                    self.scan(function, reject);
                }
                // While a generator is suspended, whoever resumes it may do anything.
                Statement::ListAppend { .. } | Statement::ListTruncate { .. } | Statement::Yield { .. } => {
                    self.appends = true
                }
                Statement::StoreGlobal { global, .. } => {
                    self.stores_globals.insert(global.index());
                }
                Statement::Store { .. } | Statement::ContainerNext { .. } => {
                    statement.for_each_stored_local(|l| {
                        self.stores_locals.insert(l.index());
                    });
                }
                Statement::Break
                | Statement::DictStore { .. }
                | Statement::SetField { .. }
                | Statement::CellSet { .. }
                | Statement::SetAdd { .. }
                | Statement::SetUpdate { .. }
                | Statement::ContainerClear { .. }
                | Statement::Continue
                | Statement::Return { .. }
                | Statement::IndexStore { .. }
                | Statement::Raise { .. }
                | Statement::Reraise { .. }
                | Statement::RaiseException { .. }
                | Statement::RaiseObject { .. }
                | Statement::Barrier
                // A launch writes list elements in place; lengths and storage stay.
                | Statement::Launch { .. } => {}
            }
        }
    }
}

/// Summaries of every function of the module (a fixpoint over the call graph).
pub(crate) fn summarise(module: &Module, info: &ModuleInfo) -> Vec<Summary> {
    let direct: Vec<BlockEffects> = module.functions.iter().map(|(_, f)| BlockEffects::of(f, &f.body)).collect();
    let mut summaries: Vec<Summary> =
        direct.iter().map(|d| Summary { appends: d.appends, stores: d.stores_globals.clone() }).collect();
    loop {
        let mut changed = false;
        for i in 0..summaries.len() {
            let callees: Vec<usize> =
                info.functions.get(i).map(|f| f.callees.iter().map(|c| c.index()).collect()).unwrap_or_default();
            for c in callees {
                let Some(callee) = summaries.get(c).cloned() else { continue };
                let me = &mut summaries[i];
                if callee.appends && !me.appends {
                    me.appends = true;
                    changed = true;
                }
                for g in callee.stores {
                    changed |= me.stores.insert(g);
                }
            }
        }
        if !changed {
            return summaries;
        }
    }
}

/// What a loop body may change, through calls included.
pub(crate) struct LoopEffects {
    pub appends: bool,
    pub stores_globals: HashSet<usize>,
    pub stores_locals: HashSet<usize>,
}

impl LoopEffects {
    pub(crate) fn of(function: &Function, body: &Block, summaries: &[Summary]) -> LoopEffects {
        let direct = BlockEffects::of(function, body);
        let mut effects = LoopEffects {
            appends: direct.appends,
            stores_globals: direct.stores_globals,
            stores_locals: direct.stores_locals,
        };
        for c in direct.calls {
            match summaries.get(c) {
                Some(s) => {
                    effects.appends |= s.appends;
                    effects.stores_globals.extend(s.stores.iter().copied());
                }
                None => effects.appends = true,
            }
        }
        effects
    }

    pub(crate) fn keeps_local(&self, local: Handle<Local>) -> bool {
        !self.stores_locals.contains(&local.index())
    }

    pub(crate) fn keeps_global(&self, global: Handle<Global>) -> bool {
        !self.stores_globals.contains(&global.index())
    }
}

//! Facts about kernel functions that every backend and the runtime must agree on.

use crate::{Block, ExceptionKind, Expression, Function, Literal, Span, Statement};

/// One place where a lowered kernel can fail: a `Raise` statement. A failing thread records
/// the site's number (its index in [`error_sites`]) in the launch's error word with an atomic
/// minimum, so every device reports the site that comes first in the kernel's source.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorSite {
    pub kind: ExceptionKind,
    /// The exception's message (empty when the `Raise` has none).
    pub message: String,
    pub span: Span,
}

/// The `Raise` statements of a lowered kernel with their spans, in pre-order: the order in
/// which a recursive walk of the body meets them (an `If`'s `accept` before its `reject`).
/// Index `k` is error site `k`; backends number the sites by the same walk.
pub fn raise_statements(function: &Function) -> Vec<(&Statement, Span)> {
    fn walk<'f>(block: &'f Block, out: &mut Vec<(&'f Statement, Span)>) {
        for (statement, span) in block.iter() {
            match statement {
                Statement::Raise { .. } => out.push((statement, span)),
                Statement::Block(b) | Statement::Loop { body: b } | Statement::ParallelFor { body: b, .. } => {
                    walk(b, out)
                }
                Statement::If { accept, reject, .. } => {
                    walk(accept, out);
                    walk(reject, out)
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&function.body, &mut out);
    out
}

/// The error sites of a lowered kernel, numbered as [`raise_statements`] orders them.
pub fn error_sites(function: &Function) -> Vec<ErrorSite> {
    raise_statements(function)
        .into_iter()
        .filter_map(|(statement, span)| match statement {
            Statement::Raise { kind, message } => {
                let message = match message.map(|m| &function.expressions[m]) {
                    Some(Expression::Literal(Literal::Str(text))) => text.clone(),
                    _ => String::new(),
                };
                Some(ErrorSite { kind: *kind, message, span })
            }
            _ => None,
        })
        .collect()
}

/// Whether the kernel (after lowering) contains a barrier anywhere.
pub fn uses_barrier(function: &Function) -> bool {
    fn walk(block: &Block) -> bool {
        block.iter().any(|(s, _)| {
            let mut found = matches!(s, Statement::Barrier);
            s.for_each_block(|b| found |= walk(b));
            found
        })
    }
    walk(&function.body)
}

/// What a host-only expression is, for "... cannot be used in a GPU kernel" messages (the
/// same words from the kernel lowering and from every GPU backend).
pub fn describe_expression(e: &Expression) -> &'static str {
    use crate::RuntimeFn as R;
    match e {
        Expression::RuntimeCall {
            function: R::PrintStr | R::PrintInt | R::PrintFloat | R::PrintBool | R::PrintNone,
            ..
        } => "`print`",
        Expression::RuntimeCall { .. } | Expression::Literal(Literal::Str(_)) => "strings and host library functions",
        Expression::Call { .. } => "a function call that was not inlined",
        Expression::LoadGlobal(_) => "reading a global variable",
        Expression::ListNew { .. }
        | Expression::ListRepeat { .. }
        | Expression::ListConcat { .. }
        | Expression::ListRepr { .. } => "creating lists",
        Expression::DictNew { .. }
        | Expression::SetNew { .. }
        | Expression::SetFromDisplay { .. }
        | Expression::SetFromList { .. }
        | Expression::DictLookup { .. }
        | Expression::DictRemove { .. }
        | Expression::SetContains { .. }
        | Expression::SetDiscard { .. }
        | Expression::SetAlgebra { .. }
        | Expression::SetPop { .. }
        | Expression::DictPopItem { .. }
        | Expression::ContainerCopy { .. } => "dicts and sets",
        Expression::TupleNew { .. } | Expression::TupleGet { .. } => "tuples",
        Expression::ToDevice { .. } | Expression::CopyToHost { .. } => "device-array transfers",
        Expression::GenResume { .. } | Expression::GenValue { .. } => "generators",
        _ => "this expression",
    }
}

/// What a host-only statement is, for messages (see [`describe_expression`]).
pub fn describe_statement(s: &Statement) -> &'static str {
    match s {
        Statement::StoreGlobal { .. } => "assigning a global variable",
        Statement::ListAppend { .. } | Statement::ListTruncate { .. } => "changing the length of a list",
        Statement::DictStore { .. }
        | Statement::ContainerNext { .. }
        | Statement::ContainerClear { .. }
        | Statement::SetAdd { .. }
        | Statement::SetUpdate { .. } => "dicts and sets",
        Statement::ParallelFor { .. } => "a parallel loop",
        Statement::Launch { .. } => "launching a kernel",
        Statement::Yield { .. } => "`yield`",
        _ => "this statement",
    }
}

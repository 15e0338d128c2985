//! The IR validator.
//!
//! Checks the rules the rest of the compiler relies on (handles in range, emit-before-use and
//! block scoping, operand types, `break` only in loops, return types) and produces the side
//! tables backends need: the type of every expression, which functions can raise and which are
//! recursive. It runs after lowering and after every pass in debug builds and in every test.

use crate::arena::{Handle, Span};
use crate::ir::*;
use crate::types::{AddressSpace, Scalar, ScalarKind, Type};
use std::fmt;

/// What the validator learned about a module.
pub struct ModuleInfo {
    pub functions: Vec<FunctionInfo>,
}

impl ModuleInfo {
    pub fn function(&self, handle: Handle<Function>) -> &FunctionInfo {
        &self.functions[handle.index()]
    }
}

/// What the validator learned about one function.
pub struct FunctionInfo {
    /// The type of each expression, indexed by expression handle.
    pub expr_types: Vec<Handle<Type>>,
    /// Whether calling the function can raise a Python exception; for a generator function,
    /// whether its body can (calling it only creates the generator, which never raises).
    pub may_raise: bool,
    /// Whether the function can (transitively) call itself; such functions check the stack
    /// depth on entry (a generator function at the start of its body, in its first resume),
    /// so runaway recursion raises `RecursionError` instead of crashing.
    pub recursive: bool,
    /// Functions called directly.
    pub callees: Vec<Handle<Function>>,
    /// Key functions (`ClassDecl::key_functions`) that the hash tables may call back during
    /// the function's dict and set operations: what they raise comes out of those operations.
    pub key_callees: Vec<Handle<Function>>,
}

impl FunctionInfo {
    pub fn type_of(&self, expr: Handle<Expression>) -> Handle<Type> {
        self.expr_types[expr.index()]
    }
}

/// A broken IR rule: always a compiler bug, never a user error.
#[derive(Debug, Clone)]
pub struct ValidationError {
    pub function: String,
    pub span: Span,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid IR in function `{}`: {}", self.function, self.message)
    }
}

impl std::error::Error for ValidationError {}

pub fn validate(module: &Module) -> Result<ModuleInfo, ValidationError> {
    let mut infos = Vec::with_capacity(module.functions.len());
    for (_, function) in module.functions.iter() {
        let mut v = FunctionValidator {
            module,
            function,
            types: vec![None; function.expressions.len()],
            emitted: vec![false; function.expressions.len()],
            visible: Vec::new(),
            loop_depth: 0,
            parallel_depth: 0,
            raises: false,
            callees: Vec::new(),
            key_callees: Vec::new(),
        };
        v.function_header()?;
        v.block(&function.body)?;
        if let Some((h, _)) = function.expressions.iter().find(|(h, _)| !v.emitted[h.index()]) {
            return Err(v.error(function.expressions.span(h), format!("expression {h:?} is never emitted")));
        }
        let expr_types = v.types.iter().map(|t| t.expect("every emitted expression has a type")).collect();
        infos.push(FunctionInfo {
            expr_types,
            may_raise: v.raises,
            recursive: false,
            callees: v.callees,
            key_callees: v.key_callees,
        });
    }
    // Recursion: a function is recursive when it reaches itself through its callees.
    let n = infos.len();
    for start in 0..n {
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = infos[start].callees.iter().map(|h| h.index()).collect();
        while let Some(f) = stack.pop() {
            if f == start {
                infos[start].recursive = true;
                break;
            }
            if !std::mem::replace(&mut seen[f], true) {
                stack.extend(infos[f].callees.iter().map(|h| h.index()));
            }
        }
    }
    // Raising propagates up the call graph; recursive functions can raise RecursionError.
    // Calling a generator function only creates the generator: what its body raises comes out
    // of the `GenResume`s (which may always raise), not out of the call.
    for info in infos.iter_mut() {
        info.may_raise |= info.recursive;
    }
    loop {
        let mut changed = false;
        for i in 0..n {
            let raising_callee = |c: &Handle<Function>| !module.functions[*c].generator && infos[c.index()].may_raise;
            let raising_key_callee = |c: &Handle<Function>| infos[c.index()].may_raise;
            if !infos[i].may_raise
                && (infos[i].callees.iter().any(raising_callee) || infos[i].key_callees.iter().any(raising_key_callee))
            {
                infos[i].may_raise = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Ok(ModuleInfo { functions: infos })
}

struct FunctionValidator<'a> {
    module: &'a Module,
    function: &'a Function,
    types: Vec<Option<Handle<Type>>>,
    emitted: Vec<bool>,
    /// Expressions emitted in the blocks currently open (a stack of scopes).
    visible: Vec<Vec<Handle<Expression>>>,
    loop_depth: u32,
    /// How many parallel-loop bodies enclose the statement being checked.
    parallel_depth: u32,
    raises: bool,
    callees: Vec<Handle<Function>>,
    key_callees: Vec<Handle<Function>>,
}

impl FunctionValidator<'_> {
    fn error(&self, span: Span, message: String) -> ValidationError {
        ValidationError { function: self.function.name.clone(), span, message }
    }

    fn ty(&self, ty: &Type) -> Result<Handle<Type>, ValidationError> {
        self.module
            .types
            .get_handle(ty)
            .ok_or_else(|| self.error(self.function.span, format!("type {ty:?} is not interned in the module")))
    }

    /// Rules for the function as a whole: a generator function is a host function returning a
    /// generator, and not the entry function.
    fn function_header(&self) -> Result<(), ValidationError> {
        let f = self.function;
        if !f.generator {
            return Ok(());
        }
        if f.kind != FunctionKind::Host {
            return Err(self.error(f.span, "a kernel or device function cannot be a generator".into()));
        }
        if !self.module.types.contains(f.result) || !matches!(self.module.types[f.result], Type::Generator { .. }) {
            return Err(self.error(f.span, "a generator function must return a generator type".into()));
        }
        if self.module.entry.is_some_and(|e| std::ptr::eq(&self.module.functions[e], f)) {
            return Err(self.error(f.span, "the entry function cannot be a generator".into()));
        }
        Ok(())
    }

    /// The element type of the generator type `ty`.
    fn generator_elem(&self, ty: Handle<Type>) -> Option<Handle<Type>> {
        match self.module.types[ty] {
            Type::Generator { elem } => Some(elem),
            _ => None,
        }
    }

    fn scalar_of(&self, ty: Handle<Type>) -> Option<Scalar> {
        match self.module.types[ty] {
            Type::Scalar(s) => Some(s),
            _ => None,
        }
    }

    fn block(&mut self, block: &Block) -> Result<(), ValidationError> {
        self.visible.push(Vec::new());
        for (statement, span) in block.iter() {
            self.statement(statement, span)?;
        }
        // Leaving the block: its values are no longer usable (but stay emitted).
        self.visible.pop();
        Ok(())
    }

    fn is_visible(&self, h: Handle<Expression>) -> bool {
        self.visible.iter().any(|scope| scope.contains(&h))
    }

    /// The type of an operand, checking it was emitted in an enclosing scope.
    fn operand(&self, h: Handle<Expression>, span: Span) -> Result<Handle<Type>, ValidationError> {
        if !self.function.expressions.contains(h) {
            return Err(self.error(span, format!("expression handle {h:?} out of range")));
        }
        if !self.is_visible(h) {
            return Err(self.error(span, format!("expression {h:?} used before it is emitted or outside its block")));
        }
        Ok(self.types[h.index()].expect("visible expressions have types"))
    }

    fn statement(&mut self, statement: &Statement, span: Span) -> Result<(), ValidationError> {
        match statement {
            Statement::Emit(range) => {
                for h in range.iter() {
                    if !self.function.expressions.contains(h) {
                        return Err(self.error(span, format!("emit of out-of-range expression {h:?}")));
                    }
                    if self.emitted[h.index()] {
                        return Err(self.error(span, format!("expression {h:?} emitted twice")));
                    }
                    let ty = self.expression(h)?;
                    self.types[h.index()] = Some(ty);
                    self.emitted[h.index()] = true;
                    self.visible.last_mut().expect("inside a block").push(h);
                }
            }
            Statement::Block(b) => self.block(b)?,
            Statement::If { condition, accept, reject } => {
                self.expect_bool(*condition, span)?;
                self.block(accept)?;
                self.block(reject)?;
            }
            Statement::Loop { body } => {
                self.loop_depth += 1;
                self.block(body)?;
                self.loop_depth -= 1;
            }
            Statement::Break | Statement::Continue => {
                // Directly in a parallel loop's body (depth 0 there), `continue` ends the
                // iteration; nothing may break out of it.
                let continues_parallel = matches!(statement, Statement::Continue) && self.parallel_depth > 0;
                if self.loop_depth == 0 && !continues_parallel {
                    return Err(self.error(span, "break/continue outside a loop".into()));
                }
            }
            Statement::Return { value } => {
                if self.parallel_depth > 0 {
                    return Err(self.error(span, "return inside a parallel loop".into()));
                }
                if self.function.generator {
                    if value.is_some() {
                        return Err(self.error(span, "return with a value in a generator function".into()));
                    }
                    return Ok(());
                }
                let none = self.ty(&Type::None)?;
                let ty = match value {
                    Some(v) => self.operand(*v, span)?,
                    None => none,
                };
                if ty != self.function.result {
                    return Err(self.error(span, "return value type differs from the function's result type".into()));
                }
            }
            Statement::Yield { value } => {
                if !self.function.generator {
                    return Err(self.error(span, "yield outside a generator function".into()));
                }
                if self.parallel_depth > 0 {
                    return Err(self.error(span, "yield inside a parallel loop".into()));
                }
                let elem = self.generator_elem(self.function.result);
                if Some(self.operand(*value, span)?) != elem {
                    return Err(self.error(span, "yielded value has a type other than the generator's elements".into()));
                }
            }
            Statement::Store { local, value } => {
                let ty = self.operand(*value, span)?;
                let Some(l) = self.function.locals.get(*local) else {
                    return Err(self.error(span, format!("local {local:?} out of range")));
                };
                if l.ty != ty {
                    return Err(self.error(span, format!("store to `{}` of a value of another type", l.name)));
                }
            }
            Statement::StoreGlobal { global, value } => {
                let ty = self.operand(*value, span)?;
                let Some(g) = self.module.globals.get(*global) else {
                    return Err(self.error(span, format!("global {global:?} out of range")));
                };
                if g.ty != ty {
                    return Err(self.error(span, format!("store to global `{}` of a value of another type", g.name)));
                }
            }
            Statement::IndexStore { base, index, value } => {
                let elem = self.element_type(*base, span)?;
                self.expect_int(*index, span)?;
                if self.operand(*value, span)? != elem {
                    return Err(self.error(span, "stored element has the wrong type".into()));
                }
                self.raises = true;
            }
            Statement::DictStore { dict, key, value } => {
                let (k, v) = self.dict_types(*dict, span)?;
                self.note_key_callbacks(k);
                if self.operand(*key, span)? != k || self.operand(*value, span)? != v {
                    return Err(self.error(span, "dict store of the wrong key or value type".into()));
                }
            }
            Statement::SetAdd { set, key } => {
                let elem = self.set_elem(*set, span)?;
                self.note_key_callbacks(elem);
                if self.operand(*key, span)? != elem {
                    return Err(self.error(span, "set element of the wrong type".into()));
                }
            }
            Statement::SetUpdate { op, target, other } => {
                let ty = self.operand(*target, span)?;
                if op.is_predicate() || ty != self.operand(*other, span)? {
                    return Err(self.error(span, "in-place set operation on different types".into()));
                }
                let elem = self.set_elem(*target, span)?;
                self.note_key_callbacks(elem);
            }
            Statement::ContainerClear { value } => {
                let ty = self.operand(*value, span)?;
                if !matches!(self.module.types[ty], Type::Dict { .. } | Type::Set { .. }) {
                    return Err(self.error(span, "clear of a non-container".into()));
                }
            }
            Statement::ContainerNext { container, pos, found, key, value } => {
                let ty = self.operand(*container, span)?;
                let local_ty = |l: Handle<Local>| self.function.locals.get(l).map(|l| l.ty);
                let int = self.ty(&Type::Scalar(Scalar::I64))?;
                let boolean = self.ty(&Type::Scalar(Scalar::BOOL))?;
                let ok = match (&self.module.types[ty], value) {
                    (Type::Dict { key: k, value: v }, Some(val)) => {
                        local_ty(*key) == Some(*k) && local_ty(*val) == Some(*v)
                    }
                    (Type::Set { elem }, None) => local_ty(*key) == Some(*elem),
                    _ => false,
                };
                if !ok || local_ty(*pos) != Some(int) || local_ty(*found) != Some(boolean) {
                    return Err(self.error(span, "container iteration with mismatched locals".into()));
                }
            }
            Statement::ListTruncate { list, len } => {
                let ty = self.operand(*list, span)?;
                if !matches!(self.module.types[ty], Type::List { .. }) {
                    return Err(self.error(span, "truncation of a non-list".into()));
                }
                self.expect_int(*len, span)?;
            }
            Statement::Try { body, handler, caught } => {
                match self.function.locals.get(*caught) {
                    Some(l) if self.module.types[l.ty] == Type::Exception => {}
                    _ => return Err(self.error(span, "a try's caught local is not an exception".into())),
                }
                self.block(body)?;
                self.block(handler)?;
            }
            Statement::Reraise { exception } | Statement::RaiseException { exception } => {
                if self.module.types[self.operand(*exception, span)?] != Type::Exception {
                    return Err(self.error(span, "reraise of a non-exception".into()));
                }
                self.raises = true;
            }
            Statement::RaiseObject { object, message, args } => {
                self.expect_str_list(*args, span)?;
                let Type::Object { class } = self.module.types[self.operand(*object, span)?] else {
                    return Err(self.error(span, "raise of a non-object".into()));
                };
                if !self.is_exception_class(class) {
                    return Err(self.error(span, "raise of an instance of a class that is not an exception".into()));
                }
                if self.module.types[self.operand(*message, span)?] != Type::Str {
                    return Err(self.error(span, "exception message is not a str".into()));
                }
                self.raises = true;
            }
            Statement::SetField { object, field, value } => {
                if self.operand(*value, span)? != self.field_type(*object, *field, span)? {
                    return Err(self.error(span, "stored field value has the wrong type".into()));
                }
            }
            Statement::CellSet { cell, value } => {
                if self.operand(*value, span)? != self.cell_elem(*cell, span)? {
                    return Err(self.error(span, "stored cell value has the wrong type".into()));
                }
            }
            Statement::ListAppend { list, value } => {
                let ty = self.operand(*list, span)?;
                let Type::List { elem } = self.module.types[ty] else {
                    return Err(self.error(span, "append to a non-list".into()));
                };
                if self.operand(*value, span)? != elem {
                    return Err(self.error(span, "appended element has the wrong type".into()));
                }
            }
            Statement::Raise { message, .. } => {
                if let Some(m) = message {
                    if self.module.types[self.operand(*m, span)?] != Type::Str {
                        return Err(self.error(span, "exception message is not a str".into()));
                    }
                }
                self.raises = true;
            }
            Statement::ParallelFor { index, start, stop, step, body, reductions, chunk_size, num_threads, .. } => {
                for e in [start, stop, step].into_iter().chain(chunk_size).chain(num_threads) {
                    self.expect_int(*e, span)?;
                }
                if !self.function.locals.contains(*index)
                    || reductions.iter().any(|r| !self.function.locals.contains(r.local))
                {
                    return Err(self.error(span, "parallel loop names a local out of range".into()));
                }
                for r in reductions {
                    let ty = &self.module.types[self.function.locals[r.local].ty];
                    let ok = match r.op {
                        ReductionOp::Add | ReductionOp::Mul | ReductionOp::Min | ReductionOp::Max => {
                            matches!(ty, Type::Scalar(Scalar::I64 | Scalar::F64))
                        }
                        ReductionOp::BitAnd | ReductionOp::BitOr | ReductionOp::BitXor => {
                            matches!(ty, Type::Scalar(Scalar::I64 | Scalar::BOOL))
                        }
                    };
                    if !ok {
                        return Err(self.error(span, format!("reduction {:?} over a local of type {ty:?}", r.op)));
                    }
                }
                // The runtime can fail to start the loop (`MemoryError` for the partials), and
                // combining int partials is checked arithmetic.
                self.raises = true;
                let depth = std::mem::replace(&mut self.loop_depth, 0);
                self.parallel_depth += 1;
                self.block(body)?;
                self.parallel_depth -= 1;
                self.loop_depth = depth;
            }
            Statement::Barrier => {
                if !matches!(self.function.kind, FunctionKind::Kernel | FunctionKind::Device) {
                    return Err(self.error(span, "barrier outside a kernel".into()));
                }
            }
            Statement::Launch { kernel, args, grid, block } => {
                let Some(k) = self.module.functions.get(*kernel) else {
                    return Err(self.error(span, "launch of a function out of range".into()));
                };
                if k.kind != FunctionKind::Kernel {
                    return Err(self.error(span, format!("launch of `{}`, which is not a kernel", k.name)));
                }
                if args.len() != k.params.len() {
                    return Err(self.error(span, format!("launch of `{}` with {} arguments", k.name, args.len())));
                }
                for (arg, param) in args.iter().zip(&k.params) {
                    let got = self.operand(*arg, span)?;
                    let ok = match (&self.module.types[param.ty], &self.module.types[got]) {
                        (Type::ArrayView { elem, space: AddressSpace::Global }, Type::List { elem: e })
                        | (Type::ArrayView { elem, space: AddressSpace::Global }, Type::DeviceArray { elem: e }) => {
                            elem == e
                        }
                        (Type::Scalar(_), _) => got == param.ty,
                        _ => false,
                    };
                    if !ok {
                        return Err(self.error(span, format!("argument for `{}` has the wrong type", param.name)));
                    }
                }
                for d in grid.iter().chain(block) {
                    self.expect_int(*d, span)?;
                }
                self.raises = true;
            }
        }
        Ok(())
    }

    fn expect_bool(&self, h: Handle<Expression>, span: Span) -> Result<(), ValidationError> {
        match self.scalar_of(self.operand(h, span)?) {
            Some(Scalar { kind: ScalarKind::Bool, .. }) => Ok(()),
            _ => Err(self.error(span, format!("expression {h:?} must be a bool"))),
        }
    }

    fn expect_int(&self, h: Handle<Expression>, span: Span) -> Result<(), ValidationError> {
        match self.scalar_of(self.operand(h, span)?) {
            Some(s) if s.is_int() => Ok(()),
            _ => Err(self.error(span, format!("expression {h:?} must be an integer"))),
        }
    }

    /// The element type of an indexable value (list or array view).
    fn element_type(&self, base: Handle<Expression>, span: Span) -> Result<Handle<Type>, ValidationError> {
        match &self.module.types[self.operand(base, span)?] {
            Type::List { elem } | Type::ArrayView { elem, .. } => Ok(*elem),
            other => Err(self.error(span, format!("cannot index a value of type {other:?}"))),
        }
    }

    fn dict_types(
        &self,
        dict: Handle<Expression>,
        span: Span,
    ) -> Result<(Handle<Type>, Handle<Type>), ValidationError> {
        match self.module.types[self.operand(dict, span)?] {
            Type::Dict { key, value } => Ok((key, value)),
            _ => Err(self.error(span, "dict operation on a non-dict".into())),
        }
    }

    /// A dict or set operation that hashes or compares keys of type `key`: the class's key
    /// functions, if it has them, may run.
    fn note_key_callbacks(&mut self, key: Handle<Type>) {
        let Type::Object { class } = self.module.types[key] else { return };
        let Some((hash, eq)) = self.module.classes.get(class as usize).and_then(|c| c.key_functions) else { return };
        for f in [hash, eq] {
            if !self.key_callees.contains(&f) {
                self.key_callees.push(f);
            }
        }
    }

    /// The type a [`Type::Cell`] operand holds.
    fn cell_elem(&self, cell: Handle<Expression>, span: Span) -> Result<Handle<Type>, ValidationError> {
        match self.module.types[self.operand(cell, span)?] {
            Type::Cell { elem } => Ok(elem),
            _ => Err(self.error(span, "cell access of a non-cell".into())),
        }
    }

    /// The field type of `object.field`, where `object` is an `Object`.
    fn field_type(&self, object: Handle<Expression>, field: u32, span: Span) -> Result<Handle<Type>, ValidationError> {
        let Type::Object { class } = self.module.types[self.operand(object, span)?] else {
            return Err(self.error(span, "field access on a non-object".into()));
        };
        match self.module.classes.get(class as usize).and_then(|c| c.fields.get(field as usize)) {
            Some(f) => Ok(f.ty),
            None => Err(self.error(span, format!("field {field} of class {class} out of range"))),
        }
    }

    fn expect_exception(&self, h: Handle<Expression>, span: Span) -> Result<(), ValidationError> {
        if self.module.types[self.operand(h, span)?] != Type::Exception {
            return Err(self.error(span, "expected a caught exception".into()));
        }
        Ok(())
    }

    fn expect_str_list(&self, h: Handle<Expression>, span: Span) -> Result<(), ValidationError> {
        match self.module.types[self.operand(h, span)?] {
            Type::List { elem } if self.module.types[elem] == Type::Str => Ok(()),
            _ => Err(self.error(span, "exception args are not a list[str]".into())),
        }
    }

    /// Whether `class` or one of its bases inherits a built-in exception class.
    fn is_exception_class(&self, class: u32) -> bool {
        let mut at = self.module.classes.get(class as usize);
        while let Some(c) = at {
            if c.exception_base.is_some() {
                return true;
            }
            at = c.base.and_then(|b| self.module.classes.get(b as usize));
        }
        false
    }

    fn class_exists(&self, class: u32, span: Span) -> Result<(), ValidationError> {
        if (class as usize) < self.module.classes.len() {
            Ok(())
        } else {
            Err(self.error(span, format!("class {class} out of range")))
        }
    }

    fn set_elem(&self, set: Handle<Expression>, span: Span) -> Result<Handle<Type>, ValidationError> {
        match self.module.types[self.operand(set, span)?] {
            Type::Set { elem } => Ok(elem),
            _ => Err(self.error(span, "set operation on a non-set".into())),
        }
    }

    fn tag_type(&self, tag: ValueTag) -> Result<Handle<Type>, ValidationError> {
        self.ty(&match tag {
            ValueTag::None => Type::None,
            ValueTag::Bool => Type::Scalar(Scalar::BOOL),
            ValueTag::Int => Type::Scalar(Scalar::I64),
            ValueTag::Float => Type::Scalar(Scalar::F64),
            ValueTag::Str | ValueTag::OptStr => Type::Str,
            ValueTag::StrList => {
                let str_ty = self.ty(&Type::Str)?;
                Type::List { elem: str_ty }
            }
            ValueTag::File => Type::File,
            ValueTag::Exception => Type::Exception,
            ValueTag::FloatList => {
                let f = self.ty(&Type::Scalar(Scalar::F64))?;
                Type::List { elem: f }
            }
        })
    }

    fn expression(&mut self, h: Handle<Expression>) -> Result<Handle<Type>, ValidationError> {
        let span = self.function.expressions.span(h);
        let f = self.function;
        Ok(match &f.expressions[h] {
            Expression::Literal(lit) => self.ty(&match lit {
                Literal::None => Type::None,
                Literal::Bool(_) => Type::Scalar(Scalar::BOOL),
                Literal::I32(_) => Type::Scalar(Scalar::I32),
                Literal::I64(_) => Type::Scalar(Scalar::I64),
                Literal::U32(_) => Type::Scalar(Scalar::U32),
                Literal::F32(_) => Type::Scalar(Scalar::F32),
                Literal::F64(_) => Type::Scalar(Scalar::F64),
                Literal::Str(_) => Type::Str,
            })?,
            Expression::Param(i) => match f.params.get(*i as usize) {
                Some(p) => p.ty,
                None => return Err(self.error(span, format!("parameter {i} out of range"))),
            },
            Expression::Load(local) => match f.locals.get(*local) {
                Some(l) => l.ty,
                None => return Err(self.error(span, format!("local {local:?} out of range"))),
            },
            Expression::LoadGlobal(g) => match self.module.globals.get(*g) {
                Some(g) => g.ty,
                None => return Err(self.error(span, format!("global {g:?} out of range"))),
            },
            Expression::Unary { op, arg } => {
                let ty = self.operand(*arg, span)?;
                let s = self.scalar_of(ty).ok_or_else(|| self.error(span, "unary operand is not a scalar".into()))?;
                let ok = match op {
                    UnaryOp::Neg => s.is_int() || s.is_float(),
                    UnaryOp::Not => s.kind == ScalarKind::Bool,
                    UnaryOp::BitNot => s.is_int(),
                };
                if !ok {
                    return Err(self.error(span, format!("{op:?} of {s}")));
                }
                if *op == UnaryOp::Neg && s.is_int() {
                    self.raises = true;
                }
                ty
            }
            Expression::Binary { op, left, right } => {
                let lt = self.operand(*left, span)?;
                let rt = self.operand(*right, span)?;
                let s = self.scalar_of(lt).ok_or_else(|| self.error(span, "binary operand is not a scalar".into()))?;
                if lt != rt {
                    return Err(self.error(span, format!("operands of {op:?} have different types")));
                }
                use BinaryOp::*;
                let (ok, raises) = match op {
                    Add | Sub | Mul => (s.is_int() || s.is_float(), s.is_int()),
                    Div => (s.is_float(), true),
                    FloorDiv | Mod | Pow => (s.is_int() || s.is_float(), true),
                    BitAnd | BitOr | BitXor => (s.is_int() || s.kind == ScalarKind::Bool, false),
                    Shl | Shr => (s.is_int(), true),
                    WrappingAdd | AddOverflows | SubOverflows | MulOverflows => (s.is_int(), false),
                };
                if !ok {
                    return Err(self.error(span, format!("{op:?} is not defined on {s}")));
                }
                self.raises |= raises;
                if op.is_overflow_test() {
                    self.ty(&Type::Scalar(Scalar::BOOL))?
                } else {
                    lt
                }
            }
            Expression::Compare { left, right, .. } => {
                let lt = self.operand(*left, span)?;
                let rt = self.operand(*right, span)?;
                if lt != rt {
                    return Err(self.error(span, "compared values have different types".into()));
                }
                if self.scalar_of(lt).is_none() && self.module.types[lt] != Type::Str {
                    return Err(self.error(span, "only scalars and strings can be compared".into()));
                }
                self.ty(&Type::Scalar(Scalar::BOOL))?
            }
            Expression::Select { condition, accept, reject } => {
                self.expect_bool(*condition, span)?;
                let a = self.operand(*accept, span)?;
                if a != self.operand(*reject, span)? {
                    return Err(self.error(span, "select arms have different types".into()));
                }
                a
            }
            Expression::Cast { value, to, .. } => {
                let from = self.operand(*value, span)?;
                let from = self.scalar_of(from).ok_or_else(|| self.error(span, "cast of a non-scalar".into()))?;
                if from.is_float() && to.is_int() {
                    self.raises = true;
                }
                self.ty(&Type::Scalar(*to))?
            }
            Expression::Call { function, args } => {
                let Some(callee) = self.module.functions.get(*function) else {
                    return Err(self.error(span, format!("call of function {function:?} out of range")));
                };
                if callee.params.len() != args.len() {
                    return Err(self.error(span, format!("call of `{}` with {} arguments", callee.name, args.len())));
                }
                for (arg, param) in args.iter().zip(&callee.params) {
                    if self.operand(*arg, span)? != param.ty {
                        return Err(self.error(
                            span,
                            format!("argument `{}` of `{}` has the wrong type", param.name, callee.name),
                        ));
                    }
                }
                if !self.callees.contains(function) {
                    self.callees.push(*function);
                }
                callee.result
            }
            Expression::RuntimeCall { function, args } => {
                let sig = function.signature();
                if sig.params.len() != args.len() {
                    return Err(self.error(span, format!("runtime call {function:?} with {} arguments", args.len())));
                }
                for (arg, tag) in args.iter().zip(sig.params) {
                    let ty = self.operand(*arg, span)?;
                    let absent =
                        matches!(tag, ValueTag::OptStr | ValueTag::Exception) && self.module.types[ty] == Type::None;
                    if !absent && ty != self.tag_type(*tag)? {
                        return Err(
                            self.error(span, format!("argument of runtime call {function:?} has the wrong type"))
                        );
                    }
                }
                self.raises |= sig.can_raise;
                self.tag_type(sig.result)?
            }
            Expression::FormatDynamic { template, args, .. } => {
                let str_ty = self.ty(&Type::Str)?;
                if self.operand(*template, span)? != str_ty {
                    return Err(self.error(span, "format template must be a str".into()));
                }
                for arg in args {
                    let ty = self.operand(arg.value, span)?;
                    let ok = match arg.repr {
                        // An object passed as its str() and repr().
                        Some(repr) => ty == str_ty && self.operand(repr, span)? == str_ty,
                        None => matches!(
                            self.module.types[ty],
                            Type::Scalar(Scalar::I64 | Scalar::F64 | Scalar::BOOL) | Type::None | Type::Str
                        ),
                    };
                    if !ok {
                        return Err(self.error(span, "format argument of an unsupported type".into()));
                    }
                }
                self.raises = true;
                str_ty
            }
            Expression::Math { function, args } => {
                if args.len() != function.arity() {
                    return Err(
                        self.error(span, format!("math.{} takes {} arguments", function.name(), function.arity()))
                    );
                }
                let f64_ty = self.ty(&Type::Scalar(Scalar::F64))?;
                for arg in args {
                    if self.operand(*arg, span)? != f64_ty {
                        return Err(self.error(span, "math arguments must be f64".into()));
                    }
                }
                self.raises |= function.can_raise();
                self.ty(&Type::Scalar(function.result()))?
            }
            Expression::ListNew { elem, len } => {
                self.expect_int(*len, span)?;
                self.ty(&Type::List { elem: *elem })?
            }
            Expression::ListRepeat { list, count } => {
                self.expect_int(*count, span)?;
                let ty = self.operand(*list, span)?;
                if !matches!(self.module.types[ty], Type::List { .. }) {
                    return Err(self.error(span, "repeat of a non-list".into()));
                }
                ty
            }
            Expression::ListConcat { left, right } => {
                let ty = self.operand(*left, span)?;
                if !matches!(self.module.types[ty], Type::List { .. }) || ty != self.operand(*right, span)? {
                    return Err(self.error(span, "list concatenation of different types".into()));
                }
                ty
            }
            Expression::DictNew { key, value } => self.ty(&Type::Dict { key: *key, value: *value })?,
            Expression::SetNew { elem } => self.ty(&Type::Set { elem: *elem })?,
            Expression::SetFromDisplay { list, .. } | Expression::SetFromList { list } => {
                let elem = self.element_type(*list, span)?;
                self.note_key_callbacks(elem);
                self.ty(&Type::Set { elem })?
            }
            Expression::DictLookup { dict, key } => {
                let (k, v) = self.dict_types(*dict, span)?;
                self.note_key_callbacks(k);
                if self.operand(*key, span)? != k {
                    return Err(self.error(span, "dict lookup with the wrong key type".into()));
                }
                let boolean = self.ty(&Type::Scalar(Scalar::BOOL))?;
                self.ty(&Type::Tuple { elems: vec![v, boolean] })?
            }
            Expression::DictRemove { dict, key } => {
                let (k, _) = self.dict_types(*dict, span)?;
                self.note_key_callbacks(k);
                if self.operand(*key, span)? != k {
                    return Err(self.error(span, "dict removal with the wrong key type".into()));
                }
                self.ty(&Type::Scalar(Scalar::BOOL))?
            }
            Expression::SetContains { set, key } | Expression::SetDiscard { set, key } => {
                let elem = self.set_elem(*set, span)?;
                self.note_key_callbacks(elem);
                if self.operand(*key, span)? != elem {
                    return Err(self.error(span, "set query with the wrong element type".into()));
                }
                self.ty(&Type::Scalar(Scalar::BOOL))?
            }
            Expression::SetAlgebra { op, left, right } => {
                let ty = self.operand(*left, span)?;
                let elem = self.set_elem(*left, span)?;
                self.note_key_callbacks(elem);
                if ty != self.operand(*right, span)? {
                    return Err(self.error(span, "set operation on different types".into()));
                }
                if op.is_predicate() {
                    self.ty(&Type::Scalar(Scalar::BOOL))?
                } else {
                    ty
                }
            }
            Expression::SetPop { set } => {
                let elem = self.set_elem(*set, span)?;
                let boolean = self.ty(&Type::Scalar(Scalar::BOOL))?;
                self.ty(&Type::Tuple { elems: vec![elem, boolean] })?
            }
            Expression::DictPopItem { dict } => {
                let (k, v) = self.dict_types(*dict, span)?;
                let item = self.ty(&Type::Tuple { elems: vec![k, v] })?;
                let boolean = self.ty(&Type::Scalar(Scalar::BOOL))?;
                self.ty(&Type::Tuple { elems: vec![item, boolean] })?
            }
            Expression::ContainerCopy { value } => {
                let ty = self.operand(*value, span)?;
                if !matches!(self.module.types[ty], Type::Dict { .. } | Type::Set { .. }) {
                    return Err(self.error(span, "copy of a non-container".into()));
                }
                ty
            }
            Expression::TupleNew { elems } => {
                let elems = elems.iter().map(|e| self.operand(*e, span)).collect::<Result<Vec<_>, _>>()?;
                self.ty(&Type::Tuple { elems })?
            }
            Expression::TupleGet { tuple, index } => {
                let ty = self.operand(*tuple, span)?;
                match &self.module.types[ty] {
                    Type::Tuple { elems } if (*index as usize) < elems.len() => elems[*index as usize],
                    _ => return Err(self.error(span, "tuple field out of range".into())),
                }
            }
            Expression::ListRepr { list } => {
                let ty = self.operand(*list, span)?;
                if !matches!(self.module.types[ty], Type::List { .. }) {
                    return Err(self.error(span, "list repr of a non-list".into()));
                }
                self.ty(&Type::Str)?
            }
            Expression::Len { value } => {
                let ty = self.operand(*value, span)?;
                if !matches!(
                    self.module.types[ty],
                    Type::List { .. }
                        | Type::Str
                        | Type::ArrayView { .. }
                        | Type::Dict { .. }
                        | Type::Set { .. }
                        | Type::DeviceArray { .. }
                ) {
                    return Err(self.error(span, "len() of a value without length".into()));
                }
                self.ty(&Type::Scalar(Scalar::I64))?
            }
            Expression::Index { base, index } => {
                let elem = self.element_type(*base, span)?;
                self.expect_int(*index, span)?;
                self.raises = true;
                elem
            }
            Expression::GpuBuiltin(_) => {
                if f.kind != FunctionKind::Kernel && f.kind != FunctionKind::Device {
                    return Err(self.error(span, "GPU builtin outside a kernel".into()));
                }
                self.ty(&Type::Scalar(Scalar::I64))?
            }
            Expression::Atomic { array, index, value, .. } => {
                let elem = self.element_type(*array, span)?;
                self.expect_int(*index, span)?;
                if self.operand(*value, span)? != elem {
                    return Err(self.error(span, "atomic operand has the wrong type".into()));
                }
                self.raises = true;
                elem
            }
            Expression::SharedArray(s) => {
                let Some(shared) = f.shared.get(*s) else {
                    return Err(self.error(span, format!("shared array {s:?} out of range")));
                };
                self.ty(&Type::ArrayView { elem: shared.elem, space: crate::AddressSpace::Shared })?
            }
            Expression::ToDevice { list } => {
                let Type::List { elem } = self.module.types[self.operand(*list, span)?] else {
                    return Err(self.error(span, "to_device of a non-list".into()));
                };
                self.raises = true;
                self.ty(&Type::DeviceArray { elem })?
            }
            Expression::New { class } => {
                self.class_exists(*class, span)?;
                self.ty(&Type::Object { class: *class })?
            }
            Expression::GetField { object, field } => self.field_type(*object, *field, span)?,
            Expression::ObjectCast { value, class } => {
                self.class_exists(*class, span)?;
                if !matches!(self.module.types[self.operand(*value, span)?], Type::Object { .. }) {
                    return Err(self.error(span, "object cast of a non-object".into()));
                }
                self.ty(&Type::Object { class: *class })?
            }
            Expression::ObjectAddress { value } => {
                if !is_reference(&self.module.types[self.operand(*value, span)?]) {
                    return Err(self.error(span, "address of a value that is not a reference".into()));
                }
                self.ty(&Type::Scalar(Scalar::I64))?
            }
            Expression::ClassId { object } => {
                if !matches!(self.module.types[self.operand(*object, span)?], Type::Object { .. }) {
                    return Err(self.error(span, "class id of a non-object".into()));
                }
                self.ty(&Type::Scalar(Scalar::I64))?
            }
            Expression::Null { ty } => {
                if !is_reference(&self.module.types[*ty]) {
                    return Err(self.error(span, "null of a type that is not a reference".into()));
                }
                *ty
            }
            Expression::Zero { ty } => *ty,
            Expression::CellNew { value } => {
                let elem = self.operand(*value, span)?;
                self.ty(&Type::Cell { elem })?
            }
            Expression::CellGet { cell } => self.cell_elem(*cell, span)?,
            Expression::SameObject { left, right } => {
                let ty = self.operand(*left, span)?;
                if ty != self.operand(*right, span)? || !is_reference(&self.module.types[ty]) {
                    return Err(self.error(span, "identity test of different or non-reference types".into()));
                }
                self.ty(&Type::Scalar(Scalar::BOOL))?
            }
            Expression::ExceptionMatches { exception, class } => {
                self.expect_exception(*exception, span)?;
                if let ExceptionClass::User(c) = class {
                    if !self.is_exception_class(*c) {
                        return Err(self.error(span, "except of a class that is not an exception".into()));
                    }
                }
                self.ty(&Type::Scalar(Scalar::BOOL))?
            }
            Expression::TypeName { value } => {
                if !matches!(self.module.types[self.operand(*value, span)?], Type::Object { .. } | Type::Exception) {
                    return Err(self.error(span, "type name of a value that is not an object or exception".into()));
                }
                self.ty(&Type::Str)?
            }
            Expression::ExceptionMessage { exception } => {
                self.expect_exception(*exception, span)?;
                self.ty(&Type::Str)?
            }
            Expression::ExceptionNew { message, args, object, .. } => {
                if let Some(o) = object {
                    if !matches!(self.module.types[self.operand(*o, span)?], Type::Object { .. }) {
                        return Err(self.error(span, "exception_new of a value that is not an instance".into()));
                    }
                }
                if let Some(m) = message {
                    if self.module.types[self.operand(*m, span)?] != Type::Str {
                        return Err(self.error(span, "exception message is not a str".into()));
                    }
                }
                self.expect_str_list(*args, span)?;
                self.ty(&Type::Exception)?
            }
            Expression::ExceptionArgs { exception } => {
                self.expect_exception(*exception, span)?;
                let str_ty = self.ty(&Type::Str)?;
                self.ty(&Type::List { elem: str_ty })?
            }
            Expression::ExceptionObject { exception, class } => {
                self.expect_exception(*exception, span)?;
                if !self.is_exception_class(*class) {
                    return Err(self.error(span, "exception object of a class that is not an exception".into()));
                }
                self.ty(&Type::Object { class: *class })?
            }
            Expression::GenResume { gen } => {
                let ty = self.operand(*gen, span)?;
                if self.generator_elem(ty).is_none() {
                    return Err(self.error(span, "resume of a value that is not a generator".into()));
                }
                // The body of whichever generator this is may raise anything.
                self.raises = true;
                self.ty(&Type::Scalar(Scalar::BOOL))?
            }
            Expression::GenValue { gen } => {
                let ty = self.operand(*gen, span)?;
                self.generator_elem(ty)
                    .ok_or_else(|| self.error(span, "yielded value of a value that is not a generator".into()))?
            }
            Expression::CopyToHost { array } => {
                let Type::DeviceArray { elem } = self.module.types[self.operand(*array, span)?] else {
                    return Err(self.error(span, "copy_to_host of a non-device array".into()));
                };
                self.raises = true;
                self.ty(&Type::List { elem })?
            }
        })
    }
}

/// Types whose values are references to heap objects (and so may be null: `None`).
fn is_reference(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Object { .. }
            | Type::Str
            | Type::List { .. }
            | Type::Dict { .. }
            | Type::Set { .. }
            | Type::Generator { .. }
            | Type::Exception
    )
}

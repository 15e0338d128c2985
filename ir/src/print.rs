//! The IR text form (`kiln build --emit ir`): stable, readable, diffable.
//!
//! ```text
//! global g0 total: i64
//!
//! fn fib(n: i64) -> i64 ; fib, recursive, may raise
//!   local l0 n: i64
//! {
//!   e0 = param 0
//!   store l0, e0
//!   if e3 {
//!     return e4
//!   }
//! }
//! ```
//! Expressions print as `eN = ...` where they are emitted; statements print as themselves.
//! Nothing in the output depends on hash order or addresses, so snapshots are stable.

use crate::arena::Handle;
use crate::ir::*;
use crate::types::Type;
use crate::valid::ModuleInfo;
use std::fmt::Write;

/// Renders a type handle as text (`i64`, `list[f64]`, `view<shared, f32>`).
pub fn type_name(module: &Module, ty: Handle<Type>) -> String {
    match &module.types[ty] {
        Type::None => "none".into(),
        Type::Scalar(s) => s.to_string(),
        Type::Str => "str".into(),
        Type::File => "file".into(),
        Type::DeviceArray { elem } => format!("device_array[{}]", type_name(module, *elem)),
        Type::List { elem } => format!("list[{}]", type_name(module, *elem)),
        Type::Dict { key, value } => format!("dict[{}, {}]", type_name(module, *key), type_name(module, *value)),
        Type::Set { elem } => format!("set[{}]", type_name(module, *elem)),
        Type::Tuple { elems } => {
            let parts: Vec<String> = elems.iter().map(|e| type_name(module, *e)).collect();
            format!("({})", parts.join(", "))
        }
        Type::Generator { elem } => format!("generator[{}]", type_name(module, *elem)),
        Type::Exception => "exception".into(),
        Type::Cell { elem } => format!("cell[{}]", type_name(module, *elem)),
        Type::Object { class } => match module.classes.get(*class as usize) {
            Some(c) => format!("object<{}>", c.name),
            None => format!("object<#{class}>"),
        },
        Type::Pointer { pointee, space } => format!("ptr<{space}, {}>", type_name(module, *pointee)),
        Type::ArrayView { elem, space } => format!("view<{space}, {}>", type_name(module, *elem)),
    }
}

/// Prints the whole module. `info` (from the validator) adds per-function facts to the headers.
pub fn print_module(module: &Module, info: Option<&ModuleInfo>) -> String {
    let mut out = String::new();
    for (id, c) in module.classes.iter().enumerate() {
        let base = c.base.map(|b| format!(" : c{b}")).unwrap_or_default();
        let fields: Vec<String> = c.fields.iter().map(|f| format!("{}: {}", f.name, type_name(module, f.ty))).collect();
        let _ = writeln!(out, "class c{id} {}{base} {{ {} }}", c.name, fields.join(", "));
    }
    if !module.classes.is_empty() {
        out.push('\n');
    }
    for (h, g) in module.globals.iter() {
        let _ = writeln!(out, "global g{} {}: {}", h.index(), g.name, type_name(module, g.ty));
    }
    if !module.globals.is_empty() {
        out.push('\n');
    }
    for (h, f) in module.functions.iter() {
        if h.index() > 0 {
            out.push('\n');
        }
        print_function(&mut out, module, h, f, info);
    }
    out
}

fn print_function(
    out: &mut String,
    module: &Module,
    handle: Handle<Function>,
    f: &Function,
    info: Option<&ModuleInfo>,
) {
    let kind = match f.kind {
        FunctionKind::Host => "fn",
        FunctionKind::Kernel => "kernel",
        FunctionKind::Device => "device fn",
    };
    let params: Vec<String> = f.params.iter().map(|p| format!("{}: {}", p.name, type_name(module, p.ty))).collect();
    let _ =
        write!(out, "{kind} {}({}) -> {} ; {}", f.name, params.join(", "), type_name(module, f.result), f.source_name);
    if module.entry == Some(handle) {
        out.push_str(", entry");
    }
    if f.generator {
        out.push_str(", generator");
    }
    if let Some(info) = info {
        let fi = info.function(handle);
        if fi.recursive {
            out.push_str(", recursive");
        }
        if fi.may_raise {
            out.push_str(", may raise");
        }
    }
    out.push('\n');
    for (h, l) in f.locals.iter() {
        let _ = writeln!(out, "  local l{} {}: {}", h.index(), l.name, type_name(module, l.ty));
    }
    for (h, s) in f.shared.iter() {
        let _ = writeln!(out, "  shared s{}: [{}; {}]", h.index(), type_name(module, s.elem), s.len);
    }
    out.push_str("{\n");
    let p = Printer { module, f };
    p.block(out, &f.body, 1);
    out.push_str("}\n");
}

struct Printer<'a> {
    module: &'a Module,
    f: &'a Function,
}

fn e(h: Handle<Expression>) -> String {
    format!("e{}", h.index())
}

fn list(args: &[Handle<Expression>]) -> String {
    args.iter().map(|a| e(*a)).collect::<Vec<_>>().join(", ")
}

fn lower(name: impl std::fmt::Debug) -> String {
    let s = format!("{name:?}");
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

impl Printer<'_> {
    fn block(&self, out: &mut String, block: &Block, depth: usize) {
        for (statement, _) in block.iter() {
            self.statement(out, statement, depth);
        }
    }

    fn line(&self, out: &mut String, depth: usize, text: &str) {
        for _ in 0..depth {
            out.push_str("  ");
        }
        out.push_str(text);
        out.push('\n');
    }

    fn nested(&self, out: &mut String, head: &str, block: &Block, depth: usize) {
        self.line(out, depth, &format!("{head} {{"));
        self.block(out, block, depth + 1);
        self.line(out, depth, "}");
    }

    fn statement(&self, out: &mut String, statement: &Statement, depth: usize) {
        match statement {
            Statement::Emit(range) => {
                for h in range.iter() {
                    self.line(out, depth, &format!("{} = {}", e(h), self.expression(&self.f.expressions[h])));
                }
            }
            Statement::Block(b) => self.nested(out, "block", b, depth),
            Statement::If { condition, accept, reject } => {
                self.line(out, depth, &format!("if {} {{", e(*condition)));
                self.block(out, accept, depth + 1);
                if !reject.is_empty() {
                    self.line(out, depth, "} else {");
                    self.block(out, reject, depth + 1);
                }
                self.line(out, depth, "}");
            }
            Statement::Loop { body } => self.nested(out, "loop", body, depth),
            Statement::Break => self.line(out, depth, "break"),
            Statement::Continue => self.line(out, depth, "continue"),
            Statement::Return { value: Some(v) } => self.line(out, depth, &format!("return {}", e(*v))),
            Statement::Return { value: None } => self.line(out, depth, "return"),
            Statement::Store { local, value } => {
                self.line(out, depth, &format!("store l{}, {}", local.index(), e(*value)))
            }
            Statement::StoreGlobal { global, value } => {
                self.line(out, depth, &format!("store_global g{}, {}", global.index(), e(*value)))
            }
            Statement::IndexStore { base, index, value } => {
                self.line(out, depth, &format!("index_store {}[{}], {}", e(*base), e(*index), e(*value)))
            }
            Statement::DictStore { dict, key, value } => {
                self.line(out, depth, &format!("dict_store {}[{}], {}", e(*dict), e(*key), e(*value)))
            }
            Statement::SetAdd { set, key } => self.line(out, depth, &format!("set_add {}, {}", e(*set), e(*key))),
            Statement::SetUpdate { op, target, other } => {
                self.line(out, depth, &format!("set_update.{} {}, {}", lower(op), e(*target), e(*other)))
            }
            Statement::ContainerClear { value } => self.line(out, depth, &format!("clear {}", e(*value))),
            Statement::ContainerNext { container, pos, found, key, value } => {
                let value = value.map(|v| format!(", l{}", v.index())).unwrap_or_default();
                self.line(
                    out,
                    depth,
                    &format!(
                        "next {} at l{} -> l{}, l{}{value}",
                        e(*container),
                        pos.index(),
                        found.index(),
                        key.index()
                    ),
                )
            }
            Statement::ListTruncate { list, len } => {
                self.line(out, depth, &format!("list_truncate {}, {}", e(*list), e(*len)))
            }
            Statement::ListAppend { list, value } => {
                self.line(out, depth, &format!("list_append {}, {}", e(*list), e(*value)))
            }
            Statement::Try { body, handler, caught } => {
                self.line(out, depth, "try {");
                self.block(out, body, depth + 1);
                self.line(out, depth, &format!("}} except l{} {{", caught.index()));
                self.block(out, handler, depth + 1);
                self.line(out, depth, "}");
            }
            Statement::Reraise { exception } => self.line(out, depth, &format!("reraise {}", e(*exception))),
            Statement::RaiseException { exception } => self.line(out, depth, &format!("raise {}", e(*exception))),
            Statement::RaiseObject { object, message, args } => {
                self.line(out, depth, &format!("raise_object {}, {}, {}", e(*object), e(*message), e(*args)))
            }
            Statement::SetField { object, field, value } => {
                self.line(out, depth, &format!("set_field {}.{field}, {}", e(*object), e(*value)))
            }
            Statement::CellSet { cell, value } => {
                self.line(out, depth, &format!("cell_set {}, {}", e(*cell), e(*value)))
            }
            Statement::Raise { kind, message } => {
                let msg = message.map(|m| format!(", {}", e(m))).unwrap_or_default();
                self.line(out, depth, &format!("raise {}{msg}", kind.name()))
            }
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
            } => {
                let mut head = format!(
                    "parallel_for.{} l{} in {}..{} step {} schedule {}",
                    lower(target),
                    index.index(),
                    e(*start),
                    e(*stop),
                    e(*step),
                    lower(schedule)
                );
                if let Some(c) = chunk_size {
                    let _ = write!(head, " chunk {}", e(*c));
                }
                if let Some(t) = num_threads {
                    let _ = write!(head, " threads {}", e(*t));
                }
                for r in reductions {
                    let _ = write!(head, " reduce({} l{})", lower(r.op), r.local.index());
                }
                self.nested(out, &head, body, depth)
            }
            Statement::Yield { value } => self.line(out, depth, &format!("yield {}", e(*value))),
            Statement::Barrier => self.line(out, depth, "barrier"),
            Statement::Launch { kernel, args, grid, block } => {
                let name = &self.module.functions[*kernel].name;
                let dims = |d: &[Handle<Expression>; 3]| d.iter().map(|x| e(*x)).collect::<Vec<_>>().join(", ");
                self.line(
                    out,
                    depth,
                    &format!("launch {name}({}) grid ({}) block ({})", list(args), dims(grid), dims(block)),
                )
            }
        }
    }

    fn expression(&self, expr: &Expression) -> String {
        match expr {
            Expression::Literal(lit) => match lit {
                Literal::None => "const none".into(),
                Literal::Bool(b) => format!("const bool {b}"),
                Literal::I32(v) => format!("const i32 {v}"),
                Literal::I64(v) => format!("const i64 {v}"),
                Literal::U32(v) => format!("const u32 {v}"),
                Literal::F32(v) => format!("const f32 {v:?}"),
                Literal::F64(v) => format!("const f64 {v:?}"),
                Literal::Str(s) => format!("const str {s:?}"),
            },
            Expression::Param(i) => format!("param {i}"),
            Expression::Load(l) => format!("load l{}", l.index()),
            Expression::LoadGlobal(g) => format!("load_global g{}", g.index()),
            Expression::Unary { op, arg } => format!("{} {}", lower(op), e(*arg)),
            Expression::Binary { op, left, right } => format!("{} {}, {}", lower(op), e(*left), e(*right)),
            Expression::Compare { op, left, right } => format!("{} {}, {}", lower(op), e(*left), e(*right)),
            Expression::Select { condition, accept, reject } => {
                format!("select {}, {}, {}", e(*condition), e(*accept), e(*reject))
            }
            Expression::Cast { value, to, kind } => format!("{} {} to {to}", lower(kind), e(*value)),
            Expression::Call { function, args } => {
                format!("call {}({})", self.module.functions[*function].name, list(args))
            }
            Expression::RuntimeCall { function, args } => format!("runtime {}({})", function.name(), list(args)),
            Expression::FormatDynamic { kind, template, args } => {
                let args: Vec<String> = args
                    .iter()
                    .map(|a| match a.repr {
                        Some(r) => format!("object({}, {})", e(a.value), e(r)),
                        None => e(a.value),
                    })
                    .collect();
                format!("format_dynamic.{} {}({})", lower(kind), e(*template), args.join(", "))
            }
            Expression::Math { function, args } => format!("math.{}({})", function.name(), list(args)),
            Expression::ListNew { elem, len } => {
                format!("list_new {}, {}", type_name(self.module, *elem), e(*len))
            }
            Expression::ListRepeat { list, count } => format!("list_repeat {}, {}", e(*list), e(*count)),
            Expression::ListConcat { left, right } => format!("list_concat {}, {}", e(*left), e(*right)),
            Expression::ListRepr { list } => format!("list_repr {}", e(*list)),
            Expression::DictNew { key, value } => {
                format!("dict_new {}, {}", type_name(self.module, *key), type_name(self.module, *value))
            }
            Expression::SetNew { elem } => format!("set_new {}", type_name(self.module, *elem)),
            Expression::SetFromDisplay { list, frozen } => {
                format!("set_display{} {}", if *frozen { ".frozen" } else { "" }, e(*list))
            }
            Expression::SetFromList { list } => format!("set_from_list {}", e(*list)),
            Expression::DictLookup { dict, key } => format!("dict_lookup {}[{}]", e(*dict), e(*key)),
            Expression::DictRemove { dict, key } => format!("dict_remove {}[{}]", e(*dict), e(*key)),
            Expression::SetContains { set, key } => format!("set_contains {}, {}", e(*set), e(*key)),
            Expression::SetDiscard { set, key } => format!("set_discard {}, {}", e(*set), e(*key)),
            Expression::SetAlgebra { op, left, right } => format!("set.{} {}, {}", lower(op), e(*left), e(*right)),
            Expression::ContainerCopy { value } => format!("copy {}", e(*value)),
            Expression::SetPop { set } => format!("set_pop {}", e(*set)),
            Expression::DictPopItem { dict } => format!("dict_popitem {}", e(*dict)),
            Expression::TupleNew { elems } => {
                format!("tuple ({})", elems.iter().map(|x| e(*x)).collect::<Vec<_>>().join(", "))
            }
            Expression::TupleGet { tuple, index } => format!("tuple_get {}.{index}", e(*tuple)),
            Expression::Len { value } => format!("len {}", e(*value)),
            Expression::Index { base, index } => format!("index {}[{}]", e(*base), e(*index)),
            Expression::GpuBuiltin(b) => format!("gpu {}", lower(b)),
            Expression::Atomic { op, array, index, value } => {
                format!("atomic_{} {}[{}], {}", lower(op), e(*array), e(*index), e(*value))
            }
            Expression::SharedArray(s) => format!("shared s{}", s.index()),
            Expression::ToDevice { list } => format!("to_device {}", e(*list)),
            Expression::CopyToHost { array } => format!("copy_to_host {}", e(*array)),
            Expression::New { class } => format!("new c{class}"),
            Expression::GetField { object, field } => format!("get_field {}.{field}", e(*object)),
            Expression::ObjectCast { value, class } => format!("object_cast {}, c{class}", e(*value)),
            Expression::ClassId { object } => format!("class_id {}", e(*object)),
            Expression::ObjectAddress { value } => format!("object_address {}", e(*value)),
            Expression::Null { ty } => format!("null {}", type_name(self.module, *ty)),
            Expression::Zero { ty } => format!("zero {}", type_name(self.module, *ty)),
            Expression::CellNew { value } => format!("cell_new {}", e(*value)),
            Expression::CellGet { cell } => format!("cell_get {}", e(*cell)),
            Expression::SameObject { left, right } => format!("same_object {}, {}", e(*left), e(*right)),
            Expression::ExceptionMatches { exception, class } => {
                let class = match class {
                    ExceptionClass::Builtin(k) => k.name().to_string(),
                    ExceptionClass::User(c) => format!("c{c}"),
                };
                format!("exception_matches {}, {class}", e(*exception))
            }
            Expression::TypeName { value } => format!("type_name {}", e(*value)),
            Expression::ExceptionMessage { exception } => format!("exception_message {}", e(*exception)),
            Expression::ExceptionObject { exception, class } => format!("exception_object {}, c{class}", e(*exception)),
            Expression::ExceptionNew { kind, message, args, object } => {
                let msg = message.map(|m| format!(", {}", e(m))).unwrap_or_default();
                match object {
                    Some(o) => format!("exception_new of {}{msg}, args {}", e(*o), e(*args)),
                    None => format!("exception_new {}{msg}, args {}", kind.name(), e(*args)),
                }
            }
            Expression::ExceptionArgs { exception } => format!("exception_args {}", e(*exception)),
            Expression::GenResume { gen } => format!("gen_resume {}", e(*gen)),
            Expression::GenValue { gen } => format!("gen_value {}", e(*gen)),
        }
    }
}

//! `print(*args, sep=, end=, file=)`: values printed one by one to stdout (the runtime buffers
//! it), or built into one line for `sys.stderr` and files; `*` spreads of run-time length
//! decide the separators with a flag.

use kiln_ir::{Block, Literal, RuntimeFn, Span, Statement};
use rustpython_parser::ast;

use super::spread::Positional;
use super::stmt::{FnCx, Val};
use super::{Imported, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

impl FnCx<'_, '_> {
    pub(crate) fn print(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        // Every argument is evaluated (and every `*` spread gathered) before anything prints.
        let mut values = Vec::new();
        for a in &call.args {
            match a {
                ast::Expr::Starred(_) => values.extend(self.positional_items(std::slice::from_ref(a))?),
                // Printed as text: a conditional expression's branches may differ in type.
                ast::Expr::IfExp(_) => values.push(Positional::One(self.text_of(a, false)?)),
                _ => values.push(Positional::One(self.expr(a)?)),
            }
        }
        let mut sep = None;
        let mut end = None;
        let mut sink = PrintSink::Stdout;
        for k in &call.keywords {
            let kw = k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default();
            if kw == "file" {
                sink = self.print_sink(&k.value)?;
                continue;
            }
            let v = self.expr(&k.value)?;
            match kw.as_str() {
                "sep" | "end" => {
                    let v = match v.ty {
                        Ty::Str => Some(v),
                        Ty::None => None,
                        Ty::Unknown => return self.unknown(span),
                        ref other => {
                            return self.fail(Diagnostic::error(
                                format!("{kw} must be None or a string, not {other}"),
                                self.span_of(k),
                            ))
                        }
                    };
                    if kw == "sep" {
                        sep = v;
                    } else {
                        end = v;
                    }
                }
                "flush" => {}
                _ => {
                    return self.fail(Diagnostic::error(
                        format!("'{kw}' is an invalid keyword argument for print()"),
                        self.span_of(k),
                    ))
                }
            }
        }
        // The separator, when something may be printed after a first value.
        let separated = values.len() > 1 || values.iter().any(|v| matches!(v, Positional::Many(_)));
        let sep = match sep {
            Some(s) => Some(s),
            None if separated => Some(self.str_lit(" ", span)),
            None => None,
        };
        if !matches!(sink, PrintSink::Stdout) {
            // The line is built as one str, then written at once.
            let text = self.new_temp(&Ty::Str, span);
            let empty = self.str_lit("", span);
            self.push(Statement::Store { local: text, value: empty.h }, span);
            self.print_buffer = Some(text);
        }
        let result = self.print_items(values, sep.as_ref(), span);
        let e = match end {
            Some(e) => e,
            None => self.str_lit("\n", span),
        };
        self.print_text(e, span);
        let text = self.print_buffer.take();
        result?;
        match (sink, text) {
            (PrintSink::Stderr, Some(text)) => {
                let t = self.load(text, Ty::Str, span);
                self.runtime(RuntimeFn::PrintErr, vec![t.h], span);
            }
            (PrintSink::File(file), Some(text)) => {
                let t = self.load(text, Ty::Str, span);
                self.runtime(RuntimeFn::FileWrite, vec![file.h, t.h], span);
            }
            _ => {}
        }
        Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
    }

    /// Where `print(..., file=target)` writes: `sys.stdout`, `sys.stderr` or an open file.
    fn print_sink(&mut self, target: &ast::Expr) -> Res<PrintSink> {
        let stream = match target {
            ast::Expr::Attribute(a) => match &*a.value {
                ast::Expr::Name(n) if self.read_name_is_module(n.id.as_str()) == Some(Imported::SysModule) => {
                    Some(a.attr.to_string())
                }
                _ => None,
            },
            ast::Expr::Name(n) if self.var_type(n.id.as_str()).is_none() => match self.p.imports.get(n.id.as_str()) {
                Some(Imported::SysMember(member)) => Some(member.clone()),
                _ => None,
            },
            _ => None,
        };
        match stream.as_deref() {
            Some("stdout") => return Ok(PrintSink::Stdout),
            Some("stderr") => return Ok(PrintSink::Stderr),
            _ => {}
        }
        let span = self.span_of(target);
        let v = self.expr(target)?;
        match v.ty {
            Ty::File => Ok(PrintSink::File(v)),
            Ty::None => Ok(PrintSink::Stdout),
            Ty::Unknown => self.unknown(span).map(|_| PrintSink::Stdout),
            ref other => self.fail(
                Diagnostic::error(format!("'{other}' object has no attribute 'write'"), span)
                    .with_note("kiln's print() writes to `sys.stdout`, `sys.stderr` or a file from `open()`"),
            ),
        }
    }

    /// The values of a `print`, with separators.
    fn print_items(&mut self, values: Vec<Positional>, sep: Option<&Val>, span: Span) -> Res<()> {
        // Whether something has printed yet: known until the first spread, whose length is
        // known only at run time; from then on a flag.
        let mut printed = Printed::No;
        for item in values {
            match item {
                Positional::One(v) => self.print_item(v, sep, &mut printed, span)?,
                Positional::Many(list) => {
                    if let Printed::No | Printed::Yes = printed {
                        let flag = self.new_temp(&Ty::Bool, span);
                        let known = self.lit(Literal::Bool(printed == Printed::Yes), span);
                        self.push(Statement::Store { local: flag, value: known }, span);
                        printed = Printed::Flag(flag);
                    }
                    self.for_each_value(list, span, |cx, v| cx.print_item(v, sep, &mut printed, span))?;
                }
            }
        }
        Ok(())
    }

    /// Text of a `print` (a separator, a value's text or the end): to stdout, or to the line
    /// being built for another stream.
    fn print_text(&mut self, text: Val, span: Span) {
        match self.print_buffer {
            None => {
                self.runtime(RuntimeFn::PrintStr, vec![text.h], span);
            }
            Some(buffer) => {
                let so_far = self.load(buffer, Ty::Str, span);
                let joined = self.runtime(RuntimeFn::StrConcat, vec![so_far.h, text.h], span);
                self.push(Statement::Store { local: buffer, value: joined }, span);
            }
        }
    }

    /// One value of a `print`: the separator first unless it is the first value printed.
    fn print_item(&mut self, v: Val, sep: Option<&Val>, printed: &mut Printed, span: Span) -> Res<()> {
        // (`sep` is there whenever a value may follow another.)
        match (*printed, sep) {
            (Printed::No, _) => *printed = Printed::Yes,
            (_, None) => {}
            (Printed::Yes, Some(sep)) => self.print_text(sep.clone(), span),
            (Printed::Flag(flag), Some(sep)) => {
                let before = self.load(flag, Ty::Bool, span);
                let separate = self.block(|cx| cx.print_text(sep.clone(), span));
                self.push(Statement::If { condition: before.h, accept: separate, reject: Block::new() }, span);
                let t = self.lit(Literal::Bool(true), span);
                self.push(Statement::Store { local: flag, value: t }, span);
            }
        }
        self.print_value(v, span)
    }

    pub(crate) fn print_value(&mut self, v: Val, span: Span) -> Res<()> {
        if self.print_buffer.is_some() {
            let text = self.str_of(v, span)?;
            self.print_text(text, span);
            return Ok(());
        }
        let function = match v.ty {
            Ty::Int => RuntimeFn::PrintInt,
            Ty::Float => RuntimeFn::PrintFloat,
            Ty::Float32 => {
                let f = self.cast(v, Ty::Float, span);
                return self.print_value(f, span);
            }
            Ty::Bool => RuntimeFn::PrintBool,
            Ty::Str => RuntimeFn::PrintStr,
            Ty::None => {
                self.runtime(RuntimeFn::PrintNone, vec![], span);
                return Ok(());
            }
            Ty::List(_)
            | Ty::Tuple(_)
            | Ty::VarTuple(_)
            | Ty::Object(_)
            | Ty::Optional(_)
            | Ty::Maybe(_)
            | Ty::Class(_)
            | Ty::ExceptionClass(_)
            | Ty::Exception
            | Ty::ExceptionArgs
            | Ty::Range
            | Ty::Func(_)
            | Ty::Funcs(_)
            | Ty::Cell(_)
            | Ty::Generator(_)
            | Ty::Dict(..)
            | Ty::Set(_)
            | Ty::File
            | Ty::DeviceArray(_)
            | Ty::GpuArray(_)
            | Ty::GpuRow(_) => {
                let s = self.str_of(v, span)?;
                self.runtime(RuntimeFn::PrintStr, vec![s.h], span);
                return Ok(());
            }
            Ty::Unknown => return self.unknown(span).map(|_| ()),
        };
        self.runtime(function, vec![v.h], span);
        Ok(())
    }
}

/// Where a `print` writes.
#[derive(Clone)]
enum PrintSink {
    Stdout,
    Stderr,
    File(Val),
}

/// Whether a `print` has printed a value yet (see [`FnCx::print_item`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Printed {
    No,
    Yes,
    /// Known only at run time: the flag local.
    Flag(kiln_ir::Handle<kiln_ir::Local>),
}

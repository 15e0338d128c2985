//! GPU kernels: `@gpu.kernel` launches, the `gpu` module inside kernels (thread and block
//! indices, barriers, shared arrays, atomics), arrays in GPU code, device arrays on the host.
//!
//! A kernel is instantiated per launch signature like any function: a list or device-array
//! argument becomes a [`Ty::GpuArray`] parameter, which has no storage — the name stands for
//! its parameter (or shared array), so GPU backends never see pointers in variables. Helper
//! functions called from GPU code are instantiated the same way and inlined later by
//! `kiln_ir::passes::lower_kernels`, which also makes every check explicit.

use super::stmt::{FnCx, Val};
use super::{Imported, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::{ArraySource, GpuArray, Ty};
use kiln_ir::{
    AtomicOp, Axis, CompareOp, ExceptionKind, Expression, GpuBuiltin, Handle, Literal, SharedArray, Span, Statement,
};
use rustpython_parser::ast;

/// Element types a kernel array can have.
fn is_array_elem(ty: &Ty) -> bool {
    matches!(ty, Ty::Int | Ty::Float | Ty::Float32 | Ty::Bool)
}

impl FnCx<'_, '_> {
    /// Whether this instance is GPU code: a kernel, a function given arrays by GPU code, or
    /// one that reads GPU builtins.
    pub fn in_gpu_code(&self) -> bool {
        let inst = &self.p.instances[self.inst];
        self.gpu_body
            || inst.device
            || inst.def.is_some_and(|d| self.p.defs[d].kernel)
            || inst.args.iter().any(|a| matches!(a, Ty::GpuArray(_)))
    }

    fn require_gpu_code(&mut self, what: &str, span: Span) -> Res<()> {
        if self.is_module {
            return self.fail(
                Diagnostic::error(format!("`{what}` can only be used in GPU code"), span)
                    .with_note("use it inside a `@gpu.kernel` function or a function a kernel calls"),
            );
        }
        if !self.in_gpu_code() {
            // A plain function that reads GPU builtins is a device function.
            self.p.instances[self.inst].device = true;
            self.p.changed = true;
        }
        Ok(())
    }

    fn require_host_code(&mut self, what: &str, span: Span) -> Res<()> {
        if !self.is_module && self.in_gpu_code() {
            return self.fail(Diagnostic::error(format!("`{what}` cannot be used in GPU code"), span));
        }
        Ok(())
    }

    fn is_gpu_module(&self, e: &ast::Expr) -> bool {
        matches!(e, ast::Expr::Name(n) if self.read_name_is_module(n.id.as_str()) == Some(Imported::GpuModule))
    }

    /// The attribute path after the `gpu` module (`gpu.shared.array` gives `["shared",
    /// "array"]`), when `e` is one.
    pub fn gpu_path<'e>(&self, e: &'e ast::Expr) -> Option<Vec<&'e str>> {
        let mut path = Vec::new();
        let mut e = e;
        while let ast::Expr::Attribute(a) = e {
            path.push(a.attr.as_str());
            e = &a.value;
        }
        if path.is_empty() || !self.is_gpu_module(e) {
            return None;
        }
        path.reverse();
        Some(path)
    }

    /// `gpu.thread.x` and the other index and dimension attributes.
    pub fn gpu_attribute(&mut self, path: &[&str], span: Span) -> Res<Val> {
        let axis = |name: &str| match name {
            "x" => Some(Axis::X),
            "y" => Some(Axis::Y),
            "z" => Some(Axis::Z),
            _ => None,
        };
        let builtin = match path {
            ["thread", a] => axis(a).map(GpuBuiltin::ThreadIndex),
            ["block", a] => axis(a).map(GpuBuiltin::BlockIndex),
            ["block", "dim", a] => axis(a).map(GpuBuiltin::BlockDim),
            ["grid", "dim", a] => axis(a).map(GpuBuiltin::GridDim),
            _ => None,
        };
        let Some(builtin) = builtin else {
            return self.fail(
                Diagnostic::error(format!("module `gpu` has no attribute `{}`", path.join(".")), span).with_note(
                    "kiln's `gpu` has thread.x|y|z, block.x|y|z, block.dim.x|y|z, grid.dim.x|y|z and the functions \
                     kernel, syncthreads, shared.array, atomic.add|min|max, to_device, synchronize",
                ),
            );
        };
        self.require_gpu_code(&format!("gpu.{}", path.join(".")), span)?;
        Ok(Val { ty: Ty::Int, h: self.emit(Expression::GpuBuiltin(builtin), span) })
    }

    /// A call of a `gpu` function.
    pub fn gpu_call(&mut self, path: &[&str], call: &ast::ExprCall, span: Span) -> Res<Val> {
        let name = format!("gpu.{}", path.join("."));
        match path {
            ["syncthreads"] => {
                self.no_arguments(&name, call, 0, span)?;
                self.require_gpu_code(&name, span)?;
                self.push(Statement::Barrier, span);
                Ok(self.none(span))
            }
            ["synchronize"] => {
                // Launches wait for their kernel, so there is nothing left to wait for.
                self.no_arguments(&name, call, 0, span)?;
                self.require_host_code(&name, span)?;
                Ok(self.none(span))
            }
            ["to_device"] => {
                self.no_arguments(&name, call, 1, span)?;
                self.require_host_code(&name, span)?;
                let list = self.expr(&call.args[0])?;
                match &list.ty {
                    Ty::Unknown => self.unknown(span),
                    Ty::List(e) if is_array_elem(e) => {
                        let ty = Ty::DeviceArray(e.clone());
                        Ok(Val { ty, h: self.emit(Expression::ToDevice { list: list.h }, span) })
                    }
                    other => self.fail(Diagnostic::error(
                        format!("gpu.to_device expects a list of int, float, float32 or bool, not {other}"),
                        span,
                    )),
                }
            }
            ["shared", "array"] => self.shared_array(call, span),
            ["atomic", op @ ("add" | "min" | "max")] => {
                let op = match *op {
                    "add" => AtomicOp::Add,
                    "min" => AtomicOp::Min,
                    _ => AtomicOp::Max,
                };
                self.no_arguments(&name, call, 3, span)?;
                self.require_gpu_code(&name, span)?;
                let array = self.expr(&call.args[0])?;
                let index = self.index_value(&call.args[1])?;
                let value = self.expr(&call.args[2])?;
                if [&array.ty, &index.ty, &value.ty].contains(&&Ty::Unknown) {
                    return self.unknown(span);
                }
                let (base, index, elem) = self.element_place(array, index, span)?;
                if !matches!(elem, Ty::Int | Ty::Float | Ty::Float32) {
                    return self
                        .fail(Diagnostic::error(format!("{name} needs an array of numbers, not of {elem}"), span));
                }
                if value.ty != elem {
                    return self.fail(Diagnostic::error(
                        format!("{name} on an array of {elem} needs a {elem} value, not {}", value.ty),
                        self.span_of(&call.args[2]),
                    ));
                }
                let h = self.emit(Expression::Atomic { op, array: base, index: index.h, value: value.h }, span);
                Ok(Val { ty: elem, h })
            }
            ["kernel"] => {
                self.fail(Diagnostic::error("`gpu.kernel` is a decorator: write `@gpu.kernel` above a `def`", span))
            }
            _ => self.fail(Diagnostic::error(format!("module `gpu` has no function `{}`", path.join(".")), span)),
        }
    }

    fn none(&mut self, span: Span) -> Val {
        Val { ty: Ty::None, h: self.lit(Literal::None, span) }
    }

    fn no_arguments(&mut self, name: &str, call: &ast::ExprCall, count: usize, span: Span) -> Res<()> {
        if let Some(k) = call.keywords.first() {
            return self.fail(Diagnostic::error(format!("{name}() takes no keyword arguments"), self.span_of(k)));
        }
        if call.args.len() != count {
            return self.fail(Diagnostic::error(
                format!(
                    "{name}() takes {count} argument{} ({} given)",
                    if count == 1 { "" } else { "s" },
                    call.args.len()
                ),
                span,
            ));
        }
        Ok(())
    }

    /// An int constant: a literal, or a module-level constant.
    fn constant_int(&self, e: &ast::Expr) -> Option<i64> {
        match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => i.try_into().ok(),
                _ => None,
            },
            ast::Expr::Name(n) if !self.is_local(n.id.as_str()) => {
                self.p.global_constants.get(n.id.as_str()).and_then(|e| self.constant_int(e))
            }
            ast::Expr::BinOp(b) => {
                let (l, r) = (self.constant_int(&b.left)?, self.constant_int(&b.right)?);
                match b.op {
                    ast::Operator::Add => l.checked_add(r),
                    ast::Operator::Sub => l.checked_sub(r),
                    ast::Operator::Mult => l.checked_mul(r),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `gpu.shared.array(shape, dtype)`.
    fn shared_array(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        self.no_arguments("gpu.shared.array", call, 2, span)?;
        let inst = &self.p.instances[self.inst];
        if self.is_module || !inst.def.is_some_and(|d| self.p.defs[d].kernel) {
            return self
                .fail(Diagnostic::error("`gpu.shared.array` can only be declared in a `@gpu.kernel` function", span));
        }
        let shape_expr = &call.args[0];
        let dims: Option<Vec<i64>> = match shape_expr {
            ast::Expr::Tuple(t) => t.elts.iter().map(|e| self.constant_int(e)).collect(),
            one => self.constant_int(one).map(|n| vec![n]),
        };
        let dims = match dims {
            Some(d)
                if !d.is_empty()
                    && d.len() <= 3
                    && d.iter().all(|&n| (1..=1 << 20).contains(&n))
                    && d.iter().product::<i64>() <= 1 << 20 =>
            {
                d
            }
            _ => {
                return self.fail(
                    Diagnostic::error(
                        "the shape of a shared array must be one to three constant positive ints",
                        self.span_of(shape_expr),
                    )
                    .with_note("write literals or module-level constants (`TILE = 16`)"),
                )
            }
        };
        let elem = match &call.args[1] {
            ast::Expr::Name(n) => match n.id.as_str() {
                "int" => Ty::Int,
                "float" => Ty::Float,
                "float32" => Ty::Float32,
                "bool" => Ty::Bool,
                _ => Ty::Unknown,
            },
            _ => Ty::Unknown,
        };
        if elem == Ty::Unknown {
            return self.fail(Diagnostic::error(
                "the dtype of a shared array is one of int, float, float32, bool",
                self.span_of(&call.args[1]),
            ));
        }
        let len = dims.iter().product::<i64>() as u32;
        let elem_ir = elem.to_ir(&mut self.p.module);
        let shared = self.f.shared.append(SharedArray { elem: elem_ir, len }, span);
        let ty = Ty::GpuArray(GpuArray {
            elem: Box::new(elem),
            source: ArraySource::Shared(shared.index() as u32),
            dims: dims.iter().map(|&d| d as u32).collect(),
            shared: true,
        });
        ty.to_ir(&mut self.p.module);
        Ok(Val { ty, h: self.emit(Expression::SharedArray(shared), span) })
    }

    /// The expression standing for a GPU array (its parameter or shared array).
    pub fn gpu_array_value(&mut self, array: &GpuArray, span: Span) -> Val {
        let h = match array.source {
            ArraySource::Param(i) => self.emit(Expression::Param(i), span),
            ArraySource::Shared(s) => self.emit(Expression::SharedArray(Handle::from_index(s as usize)), span),
        };
        Val { ty: Ty::GpuArray(array.clone()), h }
    }

    /// `index` made Python's (negative counts from the end) and checked against `len`.
    fn checked_dim_index(
        &mut self,
        index: Handle<Expression>,
        len: u32,
        message: &str,
        span: Span,
    ) -> Handle<Expression> {
        let len = self.lit(Literal::I64(len as i64), span);
        let zero = self.lit(Literal::I64(0), span);
        let negative = self.emit(Expression::Compare { op: CompareOp::Lt, left: index, right: zero }, span);
        let from_end = self.emit(Expression::Binary { op: kiln_ir::BinaryOp::Add, left: index, right: len }, span);
        let index = self.emit(Expression::Select { condition: negative, accept: from_end, reject: index }, span);
        let below = self.emit(Expression::Compare { op: CompareOp::Lt, left: index, right: zero }, span);
        let above = self.emit(Expression::Compare { op: CompareOp::Ge, left: index, right: len }, span);
        let outside = self.emit(Expression::Binary { op: kiln_ir::BinaryOp::BitOr, left: below, right: above }, span);
        self.raise_if(outside, ExceptionKind::IndexError, message, span);
        index
    }

    /// What `array[index]` refers to: the flat array expression, the flat index and the
    /// element type; `Err` after a diagnostic. `array` is a 1-D array or a row of the last
    /// dimension.
    fn element_place(&mut self, array: Val, index: Val, span: Span) -> Res<(Handle<Expression>, Val, Ty)> {
        match array.ty {
            Ty::GpuArray(a) if a.dims.len() <= 1 => Ok((array.h, index, *a.elem)),
            Ty::GpuRow(row) if row.dims.len() == 1 => {
                let j = self.checked_dim_index(index.h, row.dims[0], "list index out of range", span);
                let flat = self.emit(Expression::Binary { op: kiln_ir::BinaryOp::Add, left: array.h, right: j }, span);
                let base = self.gpu_array_value(&GpuArray { dims: Vec::new(), ..row.clone() }, span);
                Ok((base.h, Val { ty: Ty::Int, h: flat }, *row.elem))
            }
            Ty::GpuArray(_) | Ty::GpuRow(_) => {
                self.fail(Diagnostic::error("index a shared array with one index per dimension: `a[i][j]`", span))
            }
            other => self.fail(Diagnostic::error(format!("'{other}' object is not subscriptable"), span)),
        }
    }

    /// `array[index]` in GPU code: an element, or for a shared array of several dimensions
    /// the row `index` (its flat offset; see [`Ty::GpuRow`]).
    pub fn gpu_index_load(&mut self, array: Val, index: Val, span: Span) -> Res<Val> {
        let (shape, offset) = match &array.ty {
            Ty::GpuArray(a) if a.dims.len() >= 2 => (a.clone(), None),
            Ty::GpuRow(r) if r.dims.len() >= 2 => (r.clone(), Some(array.h)),
            _ => {
                let (base, index, elem) = self.element_place(array, index, span)?;
                return Ok(Val { ty: elem, h: self.emit(Expression::Index { base, index: index.h }, span) });
            }
        };
        let i = self.checked_dim_index(index.h, shape.dims[0], "list index out of range", span);
        let stride = self.lit(Literal::I64(shape.dims[1..].iter().map(|&d| d as i64).product()), span);
        let mut h = self.emit(Expression::Binary { op: kiln_ir::BinaryOp::Mul, left: i, right: stride }, span);
        if let Some(base) = offset {
            h = self.emit(Expression::Binary { op: kiln_ir::BinaryOp::Add, left: base, right: h }, span);
        }
        let row = GpuArray { dims: shape.dims[1..].to_vec(), ..shape };
        Ok(Val { ty: Ty::GpuRow(row), h })
    }

    /// `array[index] = value` in GPU code.
    pub fn gpu_index_store(&mut self, array: Val, index: Val, value: Val, span: Span) -> Res<()> {
        let (base, index, elem) = self.element_place(array, index, span)?;
        if value.ty == Ty::Unknown {
            return Ok(());
        }
        if value.ty != elem {
            return self.fail(
                Diagnostic::error(format!("cannot store {} into an array of {elem}", value.ty), span)
                    .with_note("convert it first, e.g. float(x) or float32(x): CPython would store it unconverted"),
            );
        }
        self.push(Statement::IndexStore { base, index: index.h, value: value.h }, span);
        Ok(())
    }

    /// `len()` of a GPU array or row.
    pub fn gpu_len(&mut self, v: Val, span: Span) -> Val {
        let h = match &v.ty {
            Ty::GpuArray(a) if a.dims.is_empty() || a.dims.len() == 1 && !a.shared => {
                self.emit(Expression::Len { value: v.h }, span)
            }
            Ty::GpuArray(a) | Ty::GpuRow(a) => self.lit(Literal::I64(a.dims[0] as i64), span),
            _ => self.emit(Expression::Len { value: v.h }, span),
        };
        Val { ty: Ty::Int, h }
    }

    /// `kernel(args..., grid=G, block=B)`.
    pub fn launch(&mut self, def: usize, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let name = self.p.defs[def].name.clone();
        if !self.is_module && self.in_gpu_code() {
            return self.fail(Diagnostic::error(format!("a kernel cannot launch a kernel (`{name}`)"), span));
        }
        let mut grid = None;
        let mut block = None;
        for k in &call.keywords {
            match k.arg.as_deref() {
                Some("grid") => grid = Some(&k.value),
                Some("block") => block = Some(&k.value),
                _ => {
                    return self.fail(
                        Diagnostic::error("a kernel launch takes only `grid=` and `block=` keywords", self.span_of(k))
                            .with_note("pass the kernel's own arguments by position"),
                    )
                }
            }
        }
        let (Some(grid), Some(block)) = (grid, block) else {
            return self.fail(
                Diagnostic::error(format!("kernel `{name}` is launched with `grid=` and `block=`"), span)
                    .with_note(format!("e.g. {name}(..., grid=(n + 255) // 256, block=256)")),
            );
        };
        let nparams = self.p.defs[def].params.len();
        if call.args.len() != nparams {
            return self.fail(
                Diagnostic::error(format!("{name}() takes {nparams} arguments ({} given)", call.args.len()), span)
                    .with_secondary(self.p.defs[def].span, "defined here"),
            );
        }
        let mut args = Vec::with_capacity(nparams);
        let mut tys = Vec::with_capacity(nparams);
        for (i, a) in call.args.iter().enumerate() {
            let v = self.expr(a)?;
            let ty = match &v.ty {
                Ty::Unknown => return self.unknown(span),
                Ty::Int | Ty::Float | Ty::Float32 | Ty::Bool => v.ty.clone(),
                Ty::List(e) | Ty::DeviceArray(e) if is_array_elem(e) => Ty::GpuArray(GpuArray {
                    elem: e.clone(),
                    source: ArraySource::Param(i as u32),
                    dims: Vec::new(),
                    shared: false,
                }),
                Ty::List(e) if **e == Ty::Unknown => return self.unknown(span),
                other => return self.fail(
                    Diagnostic::error(format!("cannot pass {other} to a kernel"), self.span_of(a)).with_note(
                        "kernel arguments are int, float, float32 and bool values, lists of them, and device arrays",
                    ),
                ),
            };
            args.push(v.h);
            tys.push(ty);
        }
        let grid = self.launch_dims(grid, "grid")?;
        let block = self.launch_dims(block, "block")?;
        let inst = self.p.instance(def, tys);
        self.note_call_site(inst);
        if self.p.instances[inst].ret != Ty::None && self.p.instances[inst].ret != Ty::Unknown {
            let ret_span = self.p.instances[inst].ret_span;
            return self.fail(
                Diagnostic::error(format!("kernel `{name}` returns a value"), ret_span)
                    .with_note("kernels return nothing: write results into an array argument"),
            );
        }
        self.push(Statement::Launch { kernel: Handle::from_index(inst), args, grid, block }, span);
        Ok(self.none(span))
    }

    /// `grid=` or `block=`: an int or a tuple of up to three ints (missing dimensions are 1).
    fn launch_dims(&mut self, e: &ast::Expr, what: &str) -> Res<[Handle<Expression>; 3]> {
        let span = self.span_of(e);
        let v = self.expr(e)?;
        let mut dims: Vec<Handle<Expression>> = match &v.ty {
            Ty::Int => vec![v.h],
            Ty::Bool => vec![self.cast(v, Ty::Int, span).h],
            Ty::Tuple(es) if (1..=3).contains(&es.len()) && es.iter().all(|t| matches!(t, Ty::Int | Ty::Bool)) => {
                let n = es.len();
                (0..n)
                    .map(|i| {
                        let x = self.tuple_get(&v, i, span);
                        self.cast(x, Ty::Int, span).h
                    })
                    .collect()
            }
            Ty::Unknown => return Err(super::Stop),
            other => {
                return self.fail(Diagnostic::error(
                    format!("`{what}=` is an int or a tuple of one to three ints, not {other}"),
                    span,
                ))
            }
        };
        while dims.len() < 3 {
            dims.push(self.lit(Literal::I64(1), span));
        }
        Ok([dims[0], dims[1], dims[2]])
    }

    /// `float32(x)`.
    pub fn float32_call(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        self.no_arguments("float32", call, 1, span)?;
        let v = self.expr(&call.args[0])?;
        match v.ty {
            Ty::Unknown => self.unknown(span),
            Ty::Int | Ty::Float | Ty::Bool | Ty::Float32 => Ok(self.cast(v, Ty::Float32, span)),
            ref other => {
                self.fail(Diagnostic::error(format!("float32() argument must be a number, not {other}"), span))
            }
        }
    }

    /// `d.copy_to_host()` of a device array.
    pub fn device_array_method(&mut self, array: Val, method: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let Ty::DeviceArray(elem) = array.ty.clone() else { unreachable!("called for device arrays") };
        match method {
            "copy_to_host" => {
                self.no_arguments("copy_to_host", call, 0, span)?;
                self.require_host_code("copy_to_host", span)?;
                Ok(Val { ty: Ty::List(elem), h: self.emit(Expression::CopyToHost { array: array.h }, span) })
            }
            _ => self
                .fail(Diagnostic::error(format!("device arrays have no method `{method}`"), self.span_of(&*call.func))),
        }
    }
}

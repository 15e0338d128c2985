//! Dicts and sets: calls of the runtime's hash tables, which store keys and values inline.
//!
//! Every key type gets one constant `KKeyOps` descriptor (`kiln.keyops.*`): ints, floats,
//! bools and strings are hashed and compared by the runtime itself (CPython's hash values);
//! other keys (tuples) get a generated `hash` function (CPython's tuple hash over the fields'
//! hashes) and `eq` function. Keys are passed by address (spilled to a stack slot); lookups
//! return the address of the value slot, which stays valid until the next insertion.

use inkwell::builder::Builder;
use inkwell::module::Linkage;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, BasicValueEnum, FunctionValue, IntValue, PointerValue};
use inkwell::{FloatPredicate, IntPredicate};
use kiln_ir::{Handle, Local, ScalarKind, SetOp, Type};

use crate::codegen::Codegen;
use crate::function::FunctionLowering;
use crate::types::has_pointers;
use crate::BackendError;

/// `KKeyOps::kind` values (device-runtime/src/hashing.rs).
const KIND_CALLBACKS: u64 = 0;
const KIND_INT: u64 = 1;
const KIND_STR: u64 = 2;
const KIND_FLOAT: u64 = 3;
const KIND_BOOL: u64 = 4;

impl<'ctx> Codegen<'_, 'ctx> {
    /// The constant key descriptor of `key` (made once per key type).
    pub(crate) fn key_ops(&mut self, key: Handle<Type>) -> Result<PointerValue<'ctx>, BackendError> {
        if let Some(p) = self.key_ops.get(&key.index()) {
            return Ok(*p);
        }
        let i64t = self.ctx.i64_type();
        let ptr = self.ptr_type();
        let kind = match &self.module.types[key] {
            Type::Str => KIND_STR,
            Type::Scalar(s) => match s.kind {
                ScalarKind::Bool => KIND_BOOL,
                ScalarKind::Float if s.width == 8 => KIND_FLOAT,
                ScalarKind::Sint if s.width == 8 => KIND_INT,
                _ => KIND_CALLBACKS,
            },
            _ => KIND_CALLBACKS,
        };
        let (hash, eq) = if kind == KIND_CALLBACKS {
            (
                self.key_hash_fn(key)?.as_global_value().as_pointer_value(),
                self.key_eq_fn(key)?.as_global_value().as_pointer_value(),
            )
        } else {
            (ptr.const_null(), ptr.const_null())
        };
        let size = self.mem_size(key)?;
        let ty =
            self.ctx.struct_type(&[i64t.into(), i64t.into(), self.ctx.i8_type().into(), ptr.into(), ptr.into()], false);
        let init = ty.const_named_struct(&[
            i64t.const_int(kind, false).into(),
            i64t.const_int(size, false).into(),
            self.ctx.i8_type().const_int(has_pointers(self.module, key) as u64, false).into(),
            hash.into(),
            eq.into(),
        ]);
        let g = self.llvm.add_global(ty, None, &format!("kiln.keyops.{}", key.index()));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Internal);
        let p = g.as_pointer_value();
        self.key_ops.insert(key.index(), p);
        Ok(p)
    }

    /// `i64 hash(ptr key)` for a key type the runtime cannot hash by itself.
    fn key_hash_fn(&mut self, key: Handle<Type>) -> Result<FunctionValue<'ctx>, BackendError> {
        let name = format!("kiln.hash.{}", key.index());
        if let Some(f) = self.llvm.get_function(&name) {
            return Ok(f);
        }
        let i64t = self.ctx.i64_type();
        let f = self.llvm.add_function(&name, i64t.fn_type(&[self.ptr_type().into()], false), Some(Linkage::Internal));
        let b = self.ctx.create_builder();
        b.position_at_end(self.ctx.append_basic_block(f, "entry"));
        let p = f.get_nth_param(0).expect("one parameter").into_pointer_value();
        let h = self.hash_at(&b, key, p)?;
        b.build_return(Some(&h))?;
        Ok(f)
    }

    /// The CPython hash of the value of type `ty` stored at `p`.
    fn hash_at(
        &mut self,
        b: &Builder<'ctx>,
        ty: Handle<Type>,
        p: PointerValue<'ctx>,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let i64t = self.ctx.i64_type();
        let mem = self.mem_type(ty)?;
        let call = |cg: &mut Self, name: &str, arg: BasicValueEnum<'ctx>| -> Result<IntValue<'ctx>, BackendError> {
            let f = cg.runtime(name)?;
            Ok(b.build_call(f, &[arg.into()], "")?.try_as_basic_value().basic().expect("hash result").into_int_value())
        };
        Ok(match self.module.types[ty].clone() {
            Type::Scalar(s) if s.kind == ScalarKind::Float => {
                let v = b.build_load(mem, p, "")?;
                call(self, "kiln_rt_hash_float", v)?
            }
            Type::Scalar(_) => {
                let v = b.build_load(mem, p, "")?.into_int_value();
                let v = if v.get_type().get_bit_width() < 64 { b.build_int_z_extend(v, i64t, "")? } else { v };
                call(self, "kiln_rt_hash_int", v.into())?
            }
            Type::Str => {
                let v = b.build_load(mem, p, "")?;
                call(self, "kiln_rt_hash_str", v)?
            }
            Type::None => i64t.const_int(0x5a5a5a5a, false),
            Type::Object { class } => {
                let obj = b.build_load(mem, p, "")?.into_pointer_value();
                match self.module.classes.get(class as usize).and_then(|c| c.key_functions) {
                    Some((hash, _)) => self.call_key_function(b, hash, &[obj.into()])?,
                    None => {
                        // By identity: the address rotated right by 4 bits (CPython's
                        // `_Py_HashPointerRaw`; -1 cannot come out of an aligned address).
                        let i = b.build_ptr_to_int(obj, i64t, "")?;
                        let lo = b.build_right_shift(i, i64t.const_int(4, false), false, "")?;
                        let hi = b.build_left_shift(i, i64t.const_int(60, false), "")?;
                        b.build_or(lo, hi, "")?
                    }
                }
            }
            Type::Tuple { elems } => {
                let st = mem.into_struct_type();
                let arr_ty = i64t.array_type(elems.len().max(1) as u32);
                let entry = b.get_insert_block().and_then(|bb| bb.get_parent()).and_then(|f| f.get_first_basic_block());
                let slot_builder = self.ctx.create_builder();
                if let Some(e) = entry {
                    match e.get_first_instruction() {
                        Some(i) => slot_builder.position_before(&i),
                        None => slot_builder.position_at_end(e),
                    }
                }
                let hashes = slot_builder.build_alloca(arr_ty, "hashes")?;
                for (i, e) in elems.iter().enumerate() {
                    let field = b.build_struct_gep(st, p, i as u32, "")?;
                    let h = self.hash_at(b, *e, field)?;
                    // SAFETY: i < elems.len(), the array's length.
                    let at = unsafe {
                        b.build_in_bounds_gep(
                            arr_ty,
                            hashes,
                            &[i64t.const_zero(), i64t.const_int(i as u64, false)],
                            "",
                        )?
                    };
                    b.build_store(at, h)?;
                }
                let f = self.runtime("kiln_rt_hash_tuple")?;
                let n = i64t.const_int(elems.len() as u64, false);
                b.build_call(f, &[hashes.into(), n.into()], "")?
                    .try_as_basic_value()
                    .basic()
                    .expect("hash")
                    .into_int_value()
            }
            other => {
                return Err(BackendError::new(
                    format!("kiln cannot use values of type {other:?} as dict keys or set elements yet"),
                    kiln_ir::Span::UNDEFINED,
                ))
            }
        })
    }

    /// Calls a class's compiled key function (`hash(x)`, or `x is y or x == y`; see
    /// `ClassDecl::key_functions`) from a key descriptor's callback. The tables cannot unwind:
    /// when the function raises, the callback gives a harmless 0 and leaves the exception
    /// pending; the runtime then calls no more key functions and changes nothing, and the
    /// compiled code that asked for the operation unwinds after it (`check_key_callbacks`).
    fn call_key_function(
        &mut self,
        b: &Builder<'ctx>,
        function: Handle<kiln_ir::Function>,
        args: &[inkwell::values::BasicMetadataValueEnum<'ctx>],
    ) -> Result<IntValue<'ctx>, BackendError> {
        let llfn = self.functions[function.index()];
        let v = b.build_call(llfn, args, "")?.try_as_basic_value().basic().ok_or_else(|| {
            BackendError::new("internal error: a key function returns no value", kiln_ir::Span::UNDEFINED)
        })?;
        if !self.info.function(function).may_raise {
            return Ok(v.into_int_value());
        }
        let pair = v.into_struct_value();
        let value = b.build_extract_value(pair, 0, "key.value")?.into_int_value();
        let raised = b.build_extract_value(pair, 1, "key.raised")?.into_int_value();
        Ok(b.build_select(raised, value.get_type().const_zero(), value, "")?.into_int_value())
    }

    /// `u8 eq(ptr a, ptr b)` for a key type the runtime cannot compare by itself.
    fn key_eq_fn(&mut self, key: Handle<Type>) -> Result<FunctionValue<'ctx>, BackendError> {
        let name = format!("kiln.eq.{}", key.index());
        if let Some(f) = self.llvm.get_function(&name) {
            return Ok(f);
        }
        let i8t = self.ctx.i8_type();
        let ptr = self.ptr_type();
        let f = self.llvm.add_function(&name, i8t.fn_type(&[ptr.into(), ptr.into()], false), Some(Linkage::Internal));
        let b = self.ctx.create_builder();
        b.position_at_end(self.ctx.append_basic_block(f, "entry"));
        let a = f.get_nth_param(0).expect("two parameters").into_pointer_value();
        let c = f.get_nth_param(1).expect("two parameters").into_pointer_value();
        let eq = self.eq_at(&b, key, a, c)?;
        let eq = b.build_int_z_extend(eq, i8t, "")?;
        b.build_return(Some(&eq))?;
        Ok(f)
    }

    /// `a == b` (an `i1`) for values of type `ty` stored at `a` and `b`.
    fn eq_at(
        &mut self,
        b: &Builder<'ctx>,
        ty: Handle<Type>,
        x: PointerValue<'ctx>,
        y: PointerValue<'ctx>,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let mem = self.mem_type(ty)?;
        Ok(match self.module.types[ty].clone() {
            Type::Scalar(s) if s.kind == ScalarKind::Float => {
                let (l, r) =
                    (b.build_load(mem, x, "")?.into_float_value(), b.build_load(mem, y, "")?.into_float_value());
                b.build_float_compare(FloatPredicate::OEQ, l, r, "")?
            }
            Type::Scalar(_) => {
                let (l, r) = (b.build_load(mem, x, "")?.into_int_value(), b.build_load(mem, y, "")?.into_int_value());
                b.build_int_compare(IntPredicate::EQ, l, r, "")?
            }
            Type::None => self.ctx.bool_type().const_int(1, false),
            Type::Object { class } => {
                let (l, r) =
                    (b.build_load(mem, x, "")?.into_pointer_value(), b.build_load(mem, y, "")?.into_pointer_value());
                match self.module.classes.get(class as usize).and_then(|c| c.key_functions) {
                    Some((_, eq)) => {
                        let v = self.call_key_function(b, eq, &[l.into(), r.into()])?;
                        if v.get_type().get_bit_width() == 1 {
                            v
                        } else {
                            b.build_int_compare(IntPredicate::NE, v, v.get_type().const_zero(), "")?
                        }
                    }
                    None => b.build_int_compare(IntPredicate::EQ, l, r, "")?,
                }
            }
            Type::Str => {
                let (l, r) = (b.build_load(mem, x, "")?, b.build_load(mem, y, "")?);
                let f = self.runtime("kiln_rt_str_eq")?;
                let v = b
                    .build_call(f, &[l.into(), r.into()], "")?
                    .try_as_basic_value()
                    .basic()
                    .expect("eq")
                    .into_int_value();
                b.build_int_compare(IntPredicate::NE, v, v.get_type().const_zero(), "")?
            }
            Type::Tuple { elems } => {
                let st = mem.into_struct_type();
                let mut acc = self.ctx.bool_type().const_int(1, false);
                for (i, e) in elems.iter().enumerate() {
                    let fx = b.build_struct_gep(st, x, i as u32, "")?;
                    let fy = b.build_struct_gep(st, y, i as u32, "")?;
                    let eq = self.eq_at(b, *e, fx, fy)?;
                    acc = b.build_and(acc, eq, "")?;
                }
                acc
            }
            other => {
                return Err(BackendError::new(
                    format!("kiln cannot compare values of type {other:?} as dict keys yet"),
                    kiln_ir::Span::UNDEFINED,
                ))
            }
        })
    }
}

impl<'a, 'ctx> FunctionLowering<'a, '_, 'ctx> {
    /// After a dict or set operation on `container` whose keys' `__hash__`/`__eq__` may raise:
    /// unwinds at `line` when one did (its exception is pending in the runtime).
    pub(crate) fn check_key_callbacks(
        &mut self,
        container: Handle<kiln_ir::Expression>,
        line: u32,
    ) -> Result<(), BackendError> {
        let key = match self.cg.module.types[self.type_of(container)] {
            Type::Dict { key, .. } => key,
            Type::Set { elem } => elem,
            _ => return Ok(()),
        };
        let Type::Object { class } = self.cg.module.types[key] else { return Ok(()) };
        let Some((hash, eq)) = self.cg.module.classes.get(class as usize).and_then(|c| c.key_functions) else {
            return Ok(());
        };
        if !self.cg.info.function(hash).may_raise && !self.cg.info.function(eq).may_raise {
            return Ok(());
        }
        let pending = self.cg.runtime("kiln_rt_exc_pending")?;
        let status = self.cg.call_value(pending, &[])?.into_int_value();
        self.check_status(status, line)
    }

    /// The address of a stack copy of `value` (a key passed by address).
    fn spill(&mut self, value: BasicValueEnum<'ctx>, ty: Handle<Type>) -> Result<PointerValue<'ctx>, BackendError> {
        let mem = self.cg.mem_type(ty)?;
        let slot = self.alloca(mem, "key")?;
        self.store(slot, value, ty, None)?;
        Ok(slot)
    }

    fn rt(&mut self, name: &str, args: &[BasicValueEnum<'ctx>]) -> Result<Option<BasicValueEnum<'ctx>>, BackendError> {
        let f = self.cg.runtime(name)?;
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        self.cg.call(f, &args)
    }

    fn rt_value(&mut self, name: &str, args: &[BasicValueEnum<'ctx>]) -> Result<BasicValueEnum<'ctx>, BackendError> {
        self.rt(name, args)?.ok_or_else(|| self.internal("runtime call without a result"))
    }

    fn u8_to_bool(&mut self, v: BasicValueEnum<'ctx>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let v = v.into_int_value();
        Ok(self.b().build_int_compare(IntPredicate::NE, v, v.get_type().const_zero(), "")?.into())
    }

    fn key_and_types(
        &self,
        container: Handle<kiln_ir::Expression>,
    ) -> Result<(Handle<Type>, Option<Handle<Type>>), BackendError> {
        match self.cg.module.types[self.type_of(container)] {
            Type::Dict { key, value } => Ok((key, Some(value))),
            Type::Set { elem } => Ok((elem, None)),
            _ => Err(self.internal("container operation on a non-container")),
        }
    }

    pub(crate) fn dict_new(
        &mut self,
        key: Handle<Type>,
        value: Handle<Type>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let ops = self.cg.key_ops(key)?;
        let size = self.cg.ctx.i64_type().const_int(self.cg.mem_size(value)?, false);
        let ptrs = self.cg.ctx.i8_type().const_int(has_pointers(self.cg.module, value) as u64, false);
        self.rt_value("kiln_rt_dict_new", &[ops.into(), size.into(), ptrs.into()])
    }

    pub(crate) fn set_new(&mut self, elem: Handle<Type>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let ops = self.cg.key_ops(elem)?;
        self.rt_value("kiln_rt_set_new", &[ops.into()])
    }

    /// `(element, found)` of `set.pop()`.
    pub(crate) fn set_pop(
        &mut self,
        result: Handle<Type>,
        set: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (elem, _) = self.key_and_types(set)?;
        let s = self.value(set)?;
        let slot = self.alloca(self.cg.mem_type(elem)?, "popped")?;
        let zero = self.cg.zero_value(elem)?;
        self.b().build_store(slot, zero)?;
        let got = self.rt_value("kiln_rt_set_pop", &[s, slot.into()])?;
        let v = self.b().build_load(self.cg.mem_type(elem)?, slot, "")?;
        let tuple_ty = self.cg.reg_type(result)?.into_struct_type();
        let t = self.b().build_insert_value(tuple_ty.get_undef(), v, 0, "")?;
        Ok(self.b().build_insert_value(t, got, 1, "")?.into_struct_value().into())
    }

    /// `((key, value), found)` of `dict.popitem()`.
    pub(crate) fn dict_popitem(
        &mut self,
        result: Handle<Type>,
        dict: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (key_ty, value_ty) = self.key_and_types(dict)?;
        let value_ty = value_ty.ok_or_else(|| self.internal("popitem of a set"))?;
        let d = self.value(dict)?;
        let (km, vm) = (self.cg.mem_type(key_ty)?, self.cg.mem_type(value_ty)?);
        let (ks, vs) = (self.alloca(km, "key")?, self.alloca(vm, "value")?);
        let (kz, vz) = (self.cg.zero_value(key_ty)?, self.cg.zero_value(value_ty)?);
        self.b().build_store(ks, kz)?;
        self.b().build_store(vs, vz)?;
        let got = self.rt_value("kiln_rt_dict_popitem", &[d, ks.into(), vs.into()])?;
        let (k, v) = (self.b().build_load(km, ks, "")?, self.b().build_load(vm, vs, "")?);
        let outer = self.cg.reg_type(result)?.into_struct_type();
        let item_ty = outer.get_field_type_at_index(0).ok_or_else(|| self.internal("popitem type"))?.into_struct_type();
        let item = self.b().build_insert_value(item_ty.get_undef(), k, 0, "")?;
        let item = self.b().build_insert_value(item, v, 1, "")?;
        let t = self.b().build_insert_value(outer.get_undef(), item.as_basic_value_enum(), 0, "")?;
        Ok(self.b().build_insert_value(t, got, 1, "")?.into_struct_value().into())
    }

    /// A constant set display (see `Expression::SetFromDisplay`).
    pub(crate) fn set_from_display(
        &mut self,
        list: Handle<kiln_ir::Expression>,
        frozen: bool,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let Type::List { elem } = self.cg.module.types[self.type_of(list)] else {
            return Err(self.internal("set display from a non-list"));
        };
        let ops = self.cg.key_ops(elem)?;
        let l = self.value(list)?;
        // Whether CPython had interned one of the strings already is not known here.
        let interned = self.cg.ctx.i8_type().const_zero();
        let name = if frozen { "kiln_rt_set_const_frozen" } else { "kiln_rt_set_from_const_display" };
        self.rt_value(name, &[ops.into(), l, interned.into()])
    }

    /// `set(list)` (see `Expression::SetFromList`).
    pub(crate) fn set_from_list(
        &mut self,
        list: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let Type::List { elem } = self.cg.module.types[self.type_of(list)] else {
            return Err(self.internal("set from a non-list"));
        };
        let ops = self.cg.key_ops(elem)?;
        let l = self.value(list)?;
        self.rt_value("kiln_rt_set_from_list", &[ops.into(), l])
    }

    /// `(value, found)` as the IR's `tuple[value, bool]`.
    pub(crate) fn dict_lookup(
        &mut self,
        result: Handle<Type>,
        dict: Handle<kiln_ir::Expression>,
        key: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (key_ty, value_ty) = self.key_and_types(dict)?;
        let value_ty = value_ty.ok_or_else(|| self.internal("lookup in a set"))?;
        let d = self.value(dict)?;
        let k = self.spill(self.value(key)?, key_ty)?;
        let slot = self.rt_value("kiln_rt_dict_get", &[d, k.into()])?.into_pointer_value();
        let found = self.b().build_is_not_null(slot, "found")?;
        // Read the value only when present (a null slot has nothing to read).
        let here = self.current_block()?;
        let read = self.new_block("dict.read");
        let join = self.new_block("dict.join");
        self.b().build_conditional_branch(found, read, join)?;
        self.b().position_at_end(read);
        let mem = self.cg.mem_type(value_ty)?;
        let loaded = self.b().build_load(mem, slot, "")?;
        self.b().build_unconditional_branch(join)?;
        self.b().position_at_end(join);
        let phi = self.b().build_phi(mem, "value")?;
        let zero = self.cg.zero_value(value_ty)?;
        phi.add_incoming(&[(&loaded, read), (&zero, here)]);
        let tuple_ty = self.cg.reg_type(result)?.into_struct_type();
        let t = self.b().build_insert_value(tuple_ty.get_undef(), phi.as_basic_value(), 0, "")?;
        let flag = self.b().build_int_z_extend(found, self.cg.ctx.i8_type(), "")?;
        Ok(self.b().build_insert_value(t, flag, 1, "")?.into_struct_value().into())
    }

    pub(crate) fn dict_store(
        &mut self,
        dict: Handle<kiln_ir::Expression>,
        key: Handle<kiln_ir::Expression>,
        value: Handle<kiln_ir::Expression>,
    ) -> Result<(), BackendError> {
        let (key_ty, value_ty) = self.key_and_types(dict)?;
        let value_ty = value_ty.ok_or_else(|| self.internal("store into a set"))?;
        let d = self.value(dict)?;
        let k = self.spill(self.value(key)?, key_ty)?;
        let slot = self.rt_value("kiln_rt_dict_set_slot", &[d, k.into()])?.into_pointer_value();
        let v = self.value(value)?;
        self.store(slot, v, value_ty, None)
    }

    /// `dict_remove`, `set_contains`, `set_discard`: a keyed query returning a `bool`.
    pub(crate) fn keyed_query(
        &mut self,
        runtime: &str,
        container: Handle<kiln_ir::Expression>,
        key: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (key_ty, _) = self.key_and_types(container)?;
        let c = self.value(container)?;
        let k = self.spill(self.value(key)?, key_ty)?;
        let r = self.rt_value(runtime, &[c, k.into()])?;
        self.u8_to_bool(r)
    }

    pub(crate) fn set_add(
        &mut self,
        set: Handle<kiln_ir::Expression>,
        key: Handle<kiln_ir::Expression>,
    ) -> Result<(), BackendError> {
        let (key_ty, _) = self.key_and_types(set)?;
        let s = self.value(set)?;
        let k = self.spill(self.value(key)?, key_ty)?;
        self.rt("kiln_rt_set_add", &[s, k.into()])?;
        Ok(())
    }

    pub(crate) fn set_algebra(
        &mut self,
        op: SetOp,
        left: Handle<kiln_ir::Expression>,
        right: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (l, r) = (self.value(left)?, self.value(right)?);
        let name = match op {
            SetOp::Union => "kiln_rt_set_union",
            SetOp::Intersection => "kiln_rt_set_intersection",
            SetOp::Difference => "kiln_rt_set_difference",
            SetOp::SymmetricDifference => "kiln_rt_set_symmetric_difference",
            SetOp::IsSubset => "kiln_rt_set_issubset",
            SetOp::Equal => "kiln_rt_set_eq",
            SetOp::IsDisjoint => "kiln_rt_set_isdisjoint",
        };
        let v = self.rt_value(name, &[l, r])?;
        if op.is_predicate() {
            self.u8_to_bool(v)
        } else {
            Ok(v)
        }
    }

    pub(crate) fn set_update(
        &mut self,
        op: SetOp,
        target: Handle<kiln_ir::Expression>,
        other: Handle<kiln_ir::Expression>,
    ) -> Result<(), BackendError> {
        let (t, o) = (self.value(target)?, self.value(other)?);
        let name = match op {
            SetOp::Union => "kiln_rt_set_update",
            SetOp::Intersection => "kiln_rt_set_intersection_update",
            SetOp::Difference => "kiln_rt_set_difference_update",
            SetOp::SymmetricDifference => "kiln_rt_set_symmetric_difference_update",
            _ => return Err(self.internal("in-place set predicate")),
        };
        self.rt(name, &[t, o])?;
        Ok(())
    }

    /// `copy` (`clear` when `clear` is set) of a dict or set.
    pub(crate) fn container_copy_or_clear(
        &mut self,
        value: Handle<kiln_ir::Expression>,
        clear: bool,
    ) -> Result<Option<BasicValueEnum<'ctx>>, BackendError> {
        let (_, dict_value) = self.key_and_types(value)?;
        let v = self.value(value)?;
        let name = match (dict_value.is_some(), clear) {
            (true, true) => "kiln_rt_dict_clear",
            (true, false) => "kiln_rt_dict_copy",
            (false, true) => "kiln_rt_set_clear",
            (false, false) => "kiln_rt_set_copy",
        };
        self.rt(name, &[v])
    }

    /// One iteration step (see `Statement::ContainerNext`).
    pub(crate) fn container_next(
        &mut self,
        container: Handle<kiln_ir::Expression>,
        pos: Handle<Local>,
        found: Handle<Local>,
        key: Handle<Local>,
        value: Option<Handle<Local>>,
    ) -> Result<(), BackendError> {
        let (key_ty, value_ty) = self.key_and_types(container)?;
        let c = self.value(container)?;
        let ptr = self.cg.ptr_type();
        let key_out = self.alloca(ptr.into(), "key.at")?;
        let pos_slot = self.locals[pos.index()];
        let got = if let Some(value_ty) = value_ty {
            let value_out = self.alloca(ptr.into(), "value.at")?;
            let got = self.rt_value("kiln_rt_dict_next", &[c, pos_slot.into(), key_out.into(), value_out.into()])?;
            let got = self.u8_to_bool(got)?.into_int_value();
            self.copy_out_if(got, value_out, value_ty, value)?;
            got
        } else {
            let got = self.rt_value("kiln_rt_set_next", &[c, pos_slot.into(), key_out.into()])?;
            self.u8_to_bool(got)?.into_int_value()
        };
        self.copy_out_if(got, key_out, key_ty, Some(key))?;
        let found_ty = self.func.locals[found].ty;
        self.store(self.locals[found.index()], got.into(), found_ty, None)
    }

    /// When `got`, loads the value `*at` points to (of type `ty`) into `local`.
    fn copy_out_if(
        &mut self,
        got: IntValue<'ctx>,
        at: PointerValue<'ctx>,
        ty: Handle<Type>,
        local: Option<Handle<Local>>,
    ) -> Result<(), BackendError> {
        let Some(local) = local else { return Ok(()) };
        let copy = self.new_block("next.copy");
        let done = self.new_block("next.done");
        self.b().build_conditional_branch(got, copy, done)?;
        self.b().position_at_end(copy);
        let p = self.b().build_load(self.cg.ptr_type(), at, "")?.into_pointer_value();
        let mem: BasicTypeEnum<'ctx> = self.cg.mem_type(ty)?;
        let v = self.b().build_load(mem, p, "")?;
        self.b().build_store(self.locals[local.index()], v)?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        Ok(())
    }
}

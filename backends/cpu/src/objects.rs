//! Instances of user classes.
//!
//! An instance is a block on the collected heap: an `i64` class id (the index into
//! `Module::classes`), then the fields in `ClassDecl::fields` order, each in its memory type.
//! A subclass's layout extends its base's, so a field's index and offset are the same in
//! every class that has it, and code compiled for the base works on any subclass instance.
//! Instances without pointer fields are allocated "atomic" (the collector does not scan them).

use inkwell::types::{BasicType, BasicTypeEnum, StructType};
use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue};
use kiln_ir::{Handle, Type};

use crate::function::FunctionLowering;
use crate::types::has_pointers;
use crate::BackendError;

/// TBAA tag of the header. Each field has its own tag, named after the class that
/// introduces it (the same in every subclass), so a field store does not make LLVM reload
/// list lengths or other fields.
const TBAA_CLASS_ID: &str = "kiln object.class";

/// TBAA tag of what cells hold (closure variables): never the same memory as a field or a
/// list element.
const TBAA_CELL: &str = "kiln cell";

impl<'ctx> FunctionLowering<'_, '_, 'ctx> {
    /// The LLVM layout of instances of `class`.
    fn object_layout(&self, class: u32) -> Result<StructType<'ctx>, BackendError> {
        let decl = self.class_decl(class)?;
        let mut fields: Vec<BasicTypeEnum<'ctx>> = vec![self.cg.ctx.i64_type().into()];
        for f in &decl.fields {
            fields.push(self.cg.mem_type(f.ty)?);
        }
        Ok(self.cg.ctx.struct_type(&fields, false))
    }

    fn class_decl(&self, class: u32) -> Result<&'_ kiln_ir::ClassDecl, BackendError> {
        self.cg.module.classes.get(class as usize).ok_or_else(|| self.internal("class id out of range"))
    }

    /// The class of an `Object`-typed expression.
    fn class_of(&self, object: Handle<kiln_ir::Expression>) -> Result<u32, BackendError> {
        match self.cg.module.types[self.type_of(object)] {
            Type::Object { class } => Ok(class),
            _ => Err(self.internal("field access on a non-object")),
        }
    }

    pub(crate) fn new_object(&mut self, class: u32) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let layout = self.object_layout(class)?;
        let size = layout.size_of().ok_or_else(|| self.internal("object size"))?;
        let scanned = self.class_decl(class)?.fields.iter().any(|f| has_pointers(self.cg.module, f.ty));
        // Both allocators return zeroed memory: every field starts zero (null).
        let alloc = self.cg.runtime(if scanned { "kiln_rt_alloc" } else { "kiln_rt_alloc_atomic" })?;
        let object = self.cg.call_value(alloc, &[size.into()])?.into_pointer_value();
        let header = self.b().build_struct_gep(layout, object, 0, "class")?;
        let id = self.cg.ctx.i64_type().const_int(class as u64, false);
        let store = self.b().build_store(header, id)?;
        self.cg.tbaa(store, TBAA_CLASS_ID)?;
        Ok(object.into())
    }

    fn field_ptr(
        &mut self,
        object: Handle<kiln_ir::Expression>,
        field: u32,
    ) -> Result<(PointerValue<'ctx>, Handle<Type>, String), BackendError> {
        let class = self.class_of(object)?;
        let layout = self.object_layout(class)?;
        let mut decl = self.class_decl(class)?;
        let f = decl.fields.get(field as usize).ok_or_else(|| self.internal("field index out of range"))?;
        while let Some(base) = decl.base.map(|b| self.class_decl(b)).transpose()? {
            if base.fields.len() <= field as usize {
                break;
            }
            decl = base;
        }
        let (ty, tag) = (f.ty, format!("kiln field.{}.{}", decl.name, f.name));
        let base = self.ptr(object)?;
        let ptr = self.b().build_struct_gep(layout, base, field + 1, "field")?;
        Ok((ptr, ty, tag))
    }

    pub(crate) fn get_field(
        &mut self,
        object: Handle<kiln_ir::Expression>,
        field: u32,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (ptr, ty, tag) = self.field_ptr(object, field)?;
        self.load(ptr, ty, Some(&tag))
    }

    pub(crate) fn set_field(
        &mut self,
        object: Handle<kiln_ir::Expression>,
        field: u32,
        value: Handle<kiln_ir::Expression>,
    ) -> Result<(), BackendError> {
        let (ptr, ty, tag) = self.field_ptr(object, field)?;
        let v = self.value(value)?;
        self.store(ptr, v, ty, Some(&tag))
    }

    /// A cell is a heap block holding just the value (atomic when the value has no pointers).
    pub(crate) fn cell_new(
        &mut self,
        value: Handle<kiln_ir::Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let elem = self.type_of(value);
        let size = self.cg.mem_type(elem)?.size_of().ok_or_else(|| self.internal("cell size"))?;
        let alloc = self.cg.runtime(if has_pointers(self.cg.module, elem) {
            "kiln_rt_alloc"
        } else {
            "kiln_rt_alloc_atomic"
        })?;
        let cell = self.cg.call_value(alloc, &[size.into()])?.into_pointer_value();
        let v = self.value(value)?;
        self.store(cell, v, elem, Some(TBAA_CELL))?;
        Ok(cell.into())
    }

    fn cell_elem(&self, cell: Handle<kiln_ir::Expression>) -> Result<Handle<Type>, BackendError> {
        match self.cg.module.types[self.type_of(cell)] {
            Type::Cell { elem } => Ok(elem),
            _ => Err(self.internal("cell access of a non-cell")),
        }
    }

    pub(crate) fn cell_get(&mut self, cell: Handle<kiln_ir::Expression>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let elem = self.cell_elem(cell)?;
        let ptr = self.ptr(cell)?;
        self.load(ptr, elem, Some(TBAA_CELL))
    }

    pub(crate) fn cell_set(
        &mut self,
        cell: Handle<kiln_ir::Expression>,
        value: Handle<kiln_ir::Expression>,
    ) -> Result<(), BackendError> {
        let elem = self.cell_elem(cell)?;
        let ptr = self.ptr(cell)?;
        let v = self.value(value)?;
        self.store(ptr, v, elem, Some(TBAA_CELL))
    }

    pub(crate) fn class_id(&mut self, object: Handle<kiln_ir::Expression>) -> Result<IntValue<'ctx>, BackendError> {
        let base = self.ptr(object)?;
        let id = self.b().build_load(self.cg.ctx.i64_type(), base, "class")?;
        if let Some(inst) = id.as_instruction_value() {
            self.cg.tbaa(inst, TBAA_CLASS_ID)?;
        }
        Ok(id.into_int_value())
    }

    /// The name of `object`'s class at run time, from a constant table indexed by class id.
    pub(crate) fn class_name(
        &mut self,
        object: Handle<kiln_ir::Expression>,
    ) -> Result<PointerValue<'ctx>, BackendError> {
        let table = self.class_name_table()?;
        let id = self.class_id(object)?;
        let ptr = self.cg.ptr_type();
        // SAFETY: the id of a live instance indexes the table (one entry per class).
        let slot = unsafe { self.b().build_in_bounds_gep(ptr, table, &[id], "class.name")? };
        Ok(self.b().build_load(ptr, slot, "")?.into_pointer_value())
    }

    fn class_name_table(&mut self) -> Result<PointerValue<'ctx>, BackendError> {
        const NAME: &str = "kiln.class_names";
        if let Some(g) = self.cg.llvm.get_global(NAME) {
            return Ok(g.as_pointer_value());
        }
        let names: Vec<String> = self.cg.module.classes.iter().map(|c| c.name.clone()).collect();
        let entries: Vec<PointerValue<'ctx>> = names.iter().map(|n| self.cg.str_const(n)).collect();
        let ptr = self.cg.ptr_type();
        let init = ptr.const_array(&entries);
        let global = self.cg.llvm.add_global(init.get_type(), None, NAME);
        global.set_initializer(&init);
        global.set_constant(true);
        global.set_linkage(inkwell::module::Linkage::Private);
        Ok(global.as_pointer_value())
    }

    /// Tells the runtime the bases of the program's exception classes (for `except`), once,
    /// at the start of the program.
    pub(crate) fn register_exception_classes(&mut self) -> Result<(), BackendError> {
        let classes = &self.cg.module.classes;
        let mut pairs = Vec::new();
        for c in classes {
            let parent = match (c.exception_base, c.base) {
                (Some(kind), _) => kind.name().to_owned(),
                (None, Some(b)) => classes[b as usize].name.clone(),
                (None, None) => continue,
            };
            // Reports name a class of another module with its module, as CPython does.
            let shown = match &c.module {
                Some(m) => format!("{m}.{}", c.name),
                None => c.name.clone(),
            };
            pairs.push((c.name.clone(), parent, shown));
        }
        let register = self.cg.runtime("kiln_rt_exc_register_class")?;
        for (name, parent, shown) in pairs {
            let (n, p, s) = (self.cg.str_const(&name), self.cg.str_const(&parent), self.cg.str_const(&shown));
            self.cg.call(register, &[n.into(), p.into(), s.into()])?;
        }
        Ok(())
    }

    /// `left is right` for two references.
    pub(crate) fn same_object(
        &mut self,
        left: Handle<kiln_ir::Expression>,
        right: Handle<kiln_ir::Expression>,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let (l, r) = (self.ptr(left)?, self.ptr(right)?);
        let i64t = self.cg.ctx.i64_type();
        let l = self.b().build_ptr_to_int(l, i64t, "")?;
        let r = self.b().build_ptr_to_int(r, i64t, "")?;
        Ok(self.b().build_int_compare(inkwell::IntPredicate::EQ, l, r, "is")?)
    }
}

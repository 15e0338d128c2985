//! Module-level lowering: target setup, globals, string literals, function signatures, TBAA tags,
//! and the `__kiln_entry` / `main` wrappers.

use std::collections::HashMap;

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::intrinsics::Intrinsic;
use inkwell::module::{Linkage, Module as LlvmModule};
use inkwell::targets::{TargetData, TargetMachine};
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, StructType};
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FunctionValue, GlobalValue, InstructionValue, IntValue, MetadataValue,
    PointerValue,
};
use inkwell::{AddressSpace, GlobalVisibility};
use kiln_ir::{FunctionKind, Handle, Module, ModuleInfo, Span, Type};

use crate::abi;
use crate::types::{is_none, mem_type, reg_type};
use crate::BackendError;

/// Name of the generated entry wrapper: `u8 __kiln_entry(void)`.
pub(crate) const ENTRY_SYMBOL: &str = "__kiln_entry";

/// Module-wide state of the lowering.
pub(crate) struct Codegen<'a, 'ctx> {
    pub ctx: &'ctx Context,
    pub llvm: &'a LlvmModule<'ctx>,
    pub module: &'a Module,
    pub info: &'a ModuleInfo,
    pub target_data: TargetData,
    pub builder: Builder<'ctx>,
    /// The LLVM function of each IR function (same index).
    pub functions: Vec<FunctionValue<'ctx>>,
    /// Side effects of each function (for loop-invariant list headers).
    pub summaries: Vec<crate::effects::Summary>,
    /// All module globals live in one struct, so one call registers them as GC roots.
    pub globals: Option<(GlobalValue<'ctx>, StructType<'ctx>)>,
    strings: HashMap<String, PointerValue<'ctx>>,
    empty_list: Option<PointerValue<'ctx>>,
    tbaa_kind: u32,
    tbaa_root: MetadataValue<'ctx>,
    tbaa_tags: HashMap<String, MetadataValue<'ctx>>,
    prof_kind: u32,
    unlikely: MetadataValue<'ctx>,
    cpu: (String, String),
    /// The `KKeyOps` descriptor of each dict key / set element type (see `containers.rs`).
    pub(crate) key_ops: HashMap<usize, PointerValue<'ctx>>,
    /// Each kernel's texts for the other devices (see `kernels.rs`).
    pub(crate) kernel_code: HashMap<usize, crate::KernelCode>,
}

/// Lowers `module` into `llvm`. Returns whether the module has an entry function (and so
/// `__kiln_entry` and `main`).
pub(crate) fn lower_module<'ctx>(
    ctx: &'ctx Context,
    llvm: &LlvmModule<'ctx>,
    machine: &TargetMachine,
    module: &Module,
    info: &ModuleInfo,
    options: &crate::Options,
) -> Result<bool, BackendError> {
    if info.functions.len() != module.functions.len() {
        return Err(BackendError::new("internal error: module info does not match the module", Span::UNDEFINED));
    }
    llvm.set_triple(&machine.get_triple());
    let target_data = machine.get_target_data();
    llvm.set_data_layout(&target_data.get_data_layout());

    let tbaa_root = ctx.metadata_node(&[ctx.metadata_string("kiln tbaa").into()]);
    let unlikely = ctx.metadata_node(&[
        ctx.metadata_string("branch_weights").into(),
        ctx.i32_type().const_int(1, false).into(),
        ctx.i32_type().const_int(2000, false).into(),
    ]);
    let mut cg = Codegen {
        ctx,
        llvm,
        module,
        info,
        target_data,
        builder: ctx.create_builder(),
        functions: Vec::with_capacity(module.functions.len()),
        summaries: crate::effects::summarise(module, info),
        globals: None,
        strings: HashMap::new(),
        empty_list: None,
        tbaa_kind: ctx.get_kind_id("tbaa"),
        tbaa_root,
        tbaa_tags: HashMap::new(),
        prof_kind: ctx.get_kind_id("prof"),
        unlikely,
        cpu: crate::target::host_cpu(),
        key_ops: HashMap::new(),
        kernel_code: options.kernel_code.clone(),
    };
    cg.declare_globals()?;
    cg.declare_functions()?;
    for (handle, function) in module.functions.iter() {
        match function.kind {
            FunctionKind::Host => crate::function::lower_function(&mut cg, handle)?,
            FunctionKind::Kernel => crate::kernels::lower_kernel(&mut cg, handle)?,
            // Inlined into the kernels that call them; never called from host code.
            FunctionKind::Device => {
                let llfn = cg.functions[handle.index()];
                let bb = cg.ctx.append_basic_block(llfn, "entry");
                cg.builder.position_at_end(bb);
                cg.builder.build_unreachable()?;
            }
        }
    }
    match module.entry {
        Some(entry) => {
            cg.build_entry(entry)?;
            cg.build_main(options.default_threads)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

impl<'a, 'ctx> Codegen<'a, 'ctx> {
    pub(crate) fn ptr_type(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::default())
    }

    pub(crate) fn reg_type(&self, ty: Handle<Type>) -> Result<BasicTypeEnum<'ctx>, BackendError> {
        reg_type(self.ctx, self.module, ty)
    }

    pub(crate) fn mem_type(&self, ty: Handle<Type>) -> Result<BasicTypeEnum<'ctx>, BackendError> {
        mem_type(self.ctx, self.module, ty)
    }

    /// Size in bytes of a stored value of `ty` (list element size).
    pub(crate) fn mem_size(&self, ty: Handle<Type>) -> Result<u64, BackendError> {
        Ok(self.target_data.get_abi_size(&self.mem_type(ty)?))
    }

    /// The declaration of runtime function `name` (declared on first use).
    pub(crate) fn runtime(&self, name: &str) -> Result<FunctionValue<'ctx>, BackendError> {
        let decl = abi::lookup(name).ok_or_else(|| {
            BackendError::new(format!("internal error: unknown runtime function `{name}`"), Span::UNDEFINED)
        })?;
        Ok(abi::declare(self.ctx, self.llvm, decl))
    }

    /// The declaration of an overloaded LLVM intrinsic.
    pub(crate) fn intrinsic(
        &self,
        name: &str,
        types: &[BasicTypeEnum<'ctx>],
    ) -> Result<FunctionValue<'ctx>, BackendError> {
        Intrinsic::find(name)
            .and_then(|i| i.get_declaration(self.llvm, types))
            .ok_or_else(|| BackendError::new(format!("internal error: no LLVM intrinsic `{name}`"), Span::UNDEFINED))
    }

    /// Calls `function`; the value it returns, if any.
    pub(crate) fn call(
        &self,
        function: FunctionValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<Option<BasicValueEnum<'ctx>>, BackendError> {
        Ok(self.builder.build_call(function, args, "")?.try_as_basic_value().basic())
    }

    /// Like [`Codegen::call`] for functions known to return a value.
    pub(crate) fn call_value(
        &self,
        function: FunctionValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        self.call(function, args)?.ok_or_else(|| {
            BackendError::new(
                format!("internal error: `{}` returns no value", function.get_name().to_string_lossy()),
                Span::UNDEFINED,
            )
        })
    }

    /// The shared empty list that list-typed storage holds before its first assignment (see
    /// [`Codegen::zero_value`]).
    pub(crate) fn empty_list(&mut self) -> PointerValue<'ctx> {
        if let Some(p) = self.empty_list {
            return p;
        }
        let i64t = self.ctx.i64_type();
        let ty = self.ctx.struct_type(&[i64t.into(), i64t.into(), self.ptr_type().into()], false);
        let global = self.llvm.add_global(ty, None, "kiln.empty_list");
        global.set_initializer(&ty.const_zero());
        global.set_linkage(Linkage::Internal);
        global.set_alignment(8);
        let p = global.as_pointer_value();
        self.empty_list = Some(p);
        p
    }

    /// The value storage of type `ty` holds before it is first written (locals, globals, the
    /// elements of `ListNew`). Strings and lists start as `""` and a shared empty list rather
    /// than null, so every `str` and `list` value is a valid object pointer: loads and
    /// parameters of those types are marked `nonnull dereferenceable`, which lets LLVM hoist a
    /// list's length and data pointer out of loops.
    pub(crate) fn zero_value(&mut self, ty: Handle<Type>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        Ok(match &self.module.types[ty] {
            Type::Str => self.str_const("").into(),
            Type::List { .. } => self.empty_list().into(),
            Type::Tuple { elems } => {
                let fields = elems.clone().into_iter().map(|e| self.zero_value(e)).collect::<Result<Vec<_>, _>>()?;
                self.mem_type(ty)?.into_struct_type().const_named_struct(&fields).into()
            }
            _ => self.mem_type(ty)?.const_zero(),
        })
    }

    /// For object pointer types: how many bytes of the object are always readable.
    pub(crate) fn dereferenceable_bytes(&self, ty: Handle<Type>) -> Option<u64> {
        match self.module.types[ty] {
            Type::Str => Some(16),
            Type::List { .. } => Some(24),
            _ => None,
        }
    }

    /// Marks a load of an object pointer of type `ty` as non-null, aligned and dereferenceable.
    pub(crate) fn mark_object_load(&self, inst: InstructionValue<'ctx>, ty: Handle<Type>) -> Result<(), BackendError> {
        let Some(bytes) = self.dereferenceable_bytes(ty) else {
            return Ok(());
        };
        let i64t = self.ctx.i64_type();
        let empty = self.ctx.metadata_node(&[]);
        let facts = [
            ("nonnull", empty),
            ("noundef", empty),
            ("dereferenceable", self.ctx.metadata_node(&[i64t.const_int(bytes, false).into()])),
            ("align", self.ctx.metadata_node(&[i64t.const_int(8, false).into()])),
        ];
        for (kind, node) in facts {
            inst.set_metadata(node, self.ctx.get_kind_id(kind))
                .map_err(|e| BackendError::new(format!("internal error: metadata: {e}"), Span::UNDEFINED))?;
        }
        Ok(())
    }

    /// The address of a constant `KStr` holding `text` (one global per distinct text).
    pub(crate) fn str_const(&mut self, text: &str) -> PointerValue<'ctx> {
        if let Some(p) = self.strings.get(text) {
            return *p;
        }
        let i64t = self.ctx.i64_type();
        // NUL-terminated like the runtime's strings: every string has a byte after its
        // header, which compiled code may read without testing the length (`chars.rs`).
        let bytes = self.ctx.const_string(text.as_bytes(), true);
        let value = self.ctx.const_struct(
            &[
                i64t.const_int(text.len() as u64, false).into(),
                i64t.const_int(text.chars().count() as u64, false).into(),
                bytes.into(),
            ],
            false,
        );
        let global = self.llvm.add_global(value.get_type(), None, ".str");
        global.set_initializer(&value);
        global.set_constant(true);
        global.set_linkage(Linkage::Private);
        global.set_unnamed_address(inkwell::values::UnnamedAddress::Global);
        global.set_alignment(8);
        let ptr = global.as_pointer_value();
        self.strings.insert(text.to_owned(), ptr);
        ptr
    }

    /// Attaches the TBAA access tag `name` (a scalar type of its own under kiln's root) to a load
    /// or store. Accesses with different tags never alias.
    pub(crate) fn tbaa(&mut self, inst: InstructionValue<'ctx>, name: &str) -> Result<(), BackendError> {
        let tag = match self.tbaa_tags.get(name) {
            Some(t) => *t,
            None => {
                let zero = self.ctx.i64_type().const_zero();
                let ty = self.ctx.metadata_node(&[
                    self.ctx.metadata_string(name).into(),
                    self.tbaa_root.into(),
                    zero.into(),
                ]);
                let tag = self.ctx.metadata_node(&[ty.into(), ty.into(), zero.into()]);
                self.tbaa_tags.insert(name.to_owned(), tag);
                tag
            }
        };
        inst.set_metadata(tag, self.tbaa_kind)
            .map_err(|e| BackendError::new(format!("internal error: TBAA: {e}"), Span::UNDEFINED))
    }

    /// `br cond, then, else` marked as almost never taking `then`.
    pub(crate) fn unlikely_branch(
        &self,
        cond: IntValue<'ctx>,
        then: inkwell::basic_block::BasicBlock<'ctx>,
        otherwise: inkwell::basic_block::BasicBlock<'ctx>,
    ) -> Result<(), BackendError> {
        let br = self.builder.build_conditional_branch(cond, then, otherwise)?;
        br.set_metadata(self.unlikely, self.prof_kind)
            .map_err(|e| BackendError::new(format!("internal error: branch weights: {e}"), Span::UNDEFINED))
    }

    /// Attributes every function defined by kiln gets.
    fn add_function_attributes(&self, function: FunctionValue<'ctx>) {
        let nounwind = self.ctx.create_enum_attribute(Attribute::get_named_enum_kind_id("nounwind"), 0);
        function.add_attribute(AttributeLoc::Function, nounwind);
        function.add_attribute(AttributeLoc::Function, self.ctx.create_string_attribute("target-cpu", &self.cpu.0));
        if !self.cpu.1.is_empty() {
            function.add_attribute(
                AttributeLoc::Function,
                self.ctx.create_string_attribute("target-features", &self.cpu.1),
            );
        }
    }

    fn declare_globals(&mut self) -> Result<(), BackendError> {
        if self.module.globals.is_empty() {
            return Ok(());
        }
        let fields = self.module.globals.iter().map(|(_, g)| self.mem_type(g.ty)).collect::<Result<Vec<_>, _>>()?;
        let ty = self.ctx.struct_type(&fields, false);
        let globals: Vec<_> = self.module.globals.iter().map(|(_, g)| g.ty).collect();
        let values = globals.into_iter().map(|t| self.zero_value(t)).collect::<Result<Vec<_>, _>>()?;
        let global = self.llvm.add_global(ty, None, "__kiln_globals");
        global.set_initializer(&self.ctx.const_struct(&values, false));
        global.set_linkage(Linkage::Internal);
        self.globals = Some((global, ty));
        Ok(())
    }

    /// The LLVM signature of IR function `handle` (see the crate docs for the convention).
    fn signature(&self, handle: Handle<kiln_ir::Function>) -> Result<inkwell::types::FunctionType<'ctx>, BackendError> {
        let function = &self.module.functions[handle];
        let params = function
            .params
            .iter()
            .map(|p| self.reg_type(p.ty).map(BasicMetadataTypeEnum::from))
            .collect::<Result<Vec<_>, _>>()?;
        // A generator function's ramp returns the coroutine handle and never raises.
        if function.generator {
            return Ok(self.ptr_type().fn_type(&params, false));
        }
        let may_raise = self.info.function(handle).may_raise;
        let none = is_none(self.module, function.result);
        Ok(match (may_raise, none) {
            (false, true) => self.ctx.void_type().fn_type(&params, false),
            (false, false) => self.reg_type(function.result)?.fn_type(&params, false),
            (true, true) => self.ctx.bool_type().fn_type(&params, false),
            (true, false) => {
                let result = self.reg_type(function.result)?;
                self.ctx.struct_type(&[result, self.ctx.bool_type().into()], false).fn_type(&params, false)
            }
        })
    }

    fn declare_functions(&mut self) -> Result<(), BackendError> {
        for (handle, function) in self.module.functions.iter() {
            let ty = if function.kind == FunctionKind::Kernel {
                // One thread: `void (CpuThreadCtx *, const u64 *args)` (see kernels.rs).
                self.ctx.void_type().fn_type(&[self.ptr_type().into(), self.ptr_type().into()], false)
            } else {
                self.signature(handle)?
            };
            // A prefix keeps user names (`main`, ...) apart from C and runtime symbols.
            let llfn = self.llvm.add_function(&format!("py.{}", function.name), ty, Some(Linkage::Internal));
            self.add_function_attributes(llfn);
            if function.generator {
                let coroutine = Attribute::get_named_enum_kind_id("presplitcoroutine");
                llfn.add_attribute(AttributeLoc::Function, self.ctx.create_enum_attribute(coroutine, 0));
            }
            for (i, param) in function.params.iter().enumerate() {
                if let Some(bytes) = self.dereferenceable_bytes(param.ty) {
                    let loc = AttributeLoc::Param(i as u32);
                    for (name, value) in [("nonnull", 0), ("noundef", 0), ("dereferenceable", bytes), ("align", 8)] {
                        llfn.add_attribute(
                            loc,
                            self.ctx.create_enum_attribute(Attribute::get_named_enum_kind_id(name), value),
                        );
                    }
                }
            }
            self.functions.push(llfn);
        }
        Ok(())
    }

    /// `u8 __kiln_entry(void)`: registers the globals as GC roots, runs the entry function and
    /// returns its exception flag.
    fn build_entry(&mut self, entry: Handle<kiln_ir::Function>) -> Result<(), BackendError> {
        let function = &self.module.functions[entry];
        if !function.params.is_empty() {
            return Err(BackendError::new("the entry function must not take parameters", function.span));
        }
        let i8t = self.ctx.i8_type();
        let llfn = self.llvm.add_function(ENTRY_SYMBOL, i8t.fn_type(&[], false), Some(Linkage::External));
        self.add_function_attributes(llfn);
        llfn.add_attribute(
            AttributeLoc::Return,
            self.ctx.create_enum_attribute(Attribute::get_named_enum_kind_id("zeroext"), 0),
        );
        let bb = self.ctx.append_basic_block(llfn, "entry");
        self.builder.position_at_end(bb);
        if let Some((global, ty)) = self.globals {
            let start = global.as_pointer_value();
            // SAFETY: one past the end of the globals struct: an in-bounds GEP.
            let end = unsafe {
                self.builder.build_in_bounds_gep(
                    ty,
                    start,
                    &[self.ctx.i64_type().const_int(1, false)],
                    "globals.end",
                )?
            };
            let add_roots = self.runtime("kiln_rt_gc_add_roots")?;
            self.call(add_roots, &[start.into(), end.into()])?;
        }
        let target = self.functions[entry.index()];
        let result = self.call(target, &[])?;
        let flag = if self.info.function(entry).may_raise {
            match result {
                Some(BasicValueEnum::IntValue(flag)) => flag,
                Some(BasicValueEnum::StructValue(pair)) => {
                    self.builder.build_extract_value(pair, 1, "flag")?.into_int_value()
                }
                _ => return Err(BackendError::new("internal error: entry function result", function.span)),
            }
        } else {
            self.ctx.bool_type().const_zero()
        };
        let status = self.builder.build_int_z_extend(flag, i8t, "status")?;
        self.builder.build_return(Some(&status))?;
        Ok(())
    }

    /// `int main(int argc, char **argv) { return kiln_rt_main(&__kiln_entry, argc, argv); }`
    fn build_main(&mut self, default_threads: Option<u32>) -> Result<(), BackendError> {
        let i32t = self.ctx.i32_type();
        let ptr = self.ptr_type();
        let main =
            self.llvm.add_function("main", i32t.fn_type(&[i32t.into(), ptr.into()], false), Some(Linkage::External));
        main.as_global_value().set_visibility(GlobalVisibility::Default);
        self.add_function_attributes(main);
        let bb = self.ctx.append_basic_block(main, "entry");
        self.builder.position_at_end(bb);
        let entry = self
            .llvm
            .get_function(ENTRY_SYMBOL)
            .ok_or_else(|| BackendError::new("internal error: no entry wrapper", Span::UNDEFINED))?;
        let argc = main.get_nth_param(0).ok_or_else(|| BackendError::new("internal error: main", Span::UNDEFINED))?;
        let argv = main.get_nth_param(1).ok_or_else(|| BackendError::new("internal error: main", Span::UNDEFINED))?;
        if let Some(n) = default_threads {
            let set = self.runtime("kiln_rt_set_default_threads")?;
            self.call(set, &[self.ctx.i64_type().const_int(n as u64, false).into()])?;
        }
        let rt_main = self.runtime("kiln_rt_main")?;
        let status =
            self.call_value(rt_main, &[entry.as_global_value().as_pointer_value().into(), argc.into(), argv.into()])?;
        self.builder.build_return(Some(&status))?;
        Ok(())
    }
}

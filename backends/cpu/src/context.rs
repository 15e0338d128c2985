//! An owned LLVM context that can live in the same struct as the modules and engines made from
//! it.
//!
//! inkwell ties a `Module<'ctx>` to a borrow of its `Context`, which makes a struct holding both
//! self-referential. [`OwnedContext`] keeps the context on the heap at a stable address and
//! hands out `&'static Context`; the owner must drop everything made from the context before the
//! `OwnedContext` itself (declare it as the last field).

use std::ptr::NonNull;

use inkwell::context::Context;

pub(crate) struct OwnedContext(NonNull<Context>);

impl OwnedContext {
    pub(crate) fn new() -> OwnedContext {
        OwnedContext(NonNull::from(Box::leak(Box::new(Context::create()))))
    }

    /// # Safety
    /// Every value that borrows the returned context must be dropped before `self`.
    pub(crate) unsafe fn get(&self) -> &'static Context {
        // SAFETY: the pointer comes from `Box::leak` and stays valid until `drop`.
        unsafe { self.0.as_ref() }
    }
}

impl Drop for OwnedContext {
    fn drop(&mut self) {
        // SAFETY: the pointer came from `Box::leak` in `new` and is freed only here.
        drop(unsafe { Box::from_raw(self.0.as_ptr()) });
    }
}

/// An LLVM module together with the context that owns it; dropping it drops the module first.
pub(crate) struct OwnedModule {
    // Field order matters: the module is dropped before its context.
    module: inkwell::module::Module<'static>,
    context: OwnedContext,
}

impl OwnedModule {
    pub(crate) fn new(name: &str) -> OwnedModule {
        let context = OwnedContext::new();
        // SAFETY: the module is stored next to the context, declared before it, so it is
        // dropped first.
        let module = unsafe { context.get() }.create_module(name);
        OwnedModule { module, context }
    }

    pub(crate) fn module(&self) -> &inkwell::module::Module<'static> {
        &self.module
    }

    /// # Safety
    /// Values made from the returned context must not outlive `self`.
    pub(crate) unsafe fn context(&self) -> &'static Context {
        // SAFETY: forwarded to the caller.
        unsafe { self.context.get() }
    }
}

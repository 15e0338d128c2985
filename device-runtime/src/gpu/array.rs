//! Device arrays (`gpu.to_device(xs)`): device memory that stays on the device across
//! launches.
//!
//! A [`DeviceArray`] is a small object on the collector's heap (unscanned: it holds no GC
//! pointers) so that compiled code can keep it wherever it keeps values. The device memory
//! it owns ([`Storage`]) is a Rust allocation; a Boehm finaliser registered on the handle
//! hands that allocation back once the handle is unreachable.
//!
//! The finaliser does not free anything itself: Boehm runs finalisers inside whichever
//! allocation happened to trigger them, possibly while this module (or wgpu, or the CUDA
//! driver) holds a lock on that thread. It only pushes the storage onto a lock-free list,
//! and [`release_unreachable`] drops what is on that list at the next launch, transfer,
//! `gpu.synchronize()` or device request, outside every lock.

use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

use super::{cpu, cuda, device_for_use, elem, runtime_error, wgpu, DeviceKind, Fail};
use crate::gc;
use crate::lists::{self, KList};

/// The device memory of a device array.
pub(crate) enum Storage {
    Cpu(cpu::HostBuf),
    Wgpu(::wgpu::Buffer),
    Cuda(cuda::CudaBuf),
}

/// The Rust-owned part of a device array, and its link in the list of storage to release.
struct Node {
    next: *mut Node,
    storage: Storage,
}

/// A device array handle (opaque to compiled code, which only passes the pointer around).
/// Lives on the collector's heap; see the module documentation for how its device memory
/// is released.
#[repr(C)]
pub struct DeviceArray {
    magic: u64,
    len: i64,
    elem: u8,
    device: u8,
    /// The storage; null once the finaliser ran (the handle is unreachable by then).
    node: *mut Node,
}

/// Marks a live handle (catches a wrong pointer passed as a device array).
const MAGIC: u64 = 0x6b69_6c6e_6461_7272;

/// Storage of finalised handles, waiting for [`release_unreachable`] (a Treiber stack:
/// pushed by finalisers, emptied all at once, so there is no ABA problem).
static UNREACHABLE: AtomicPtr<Node> = AtomicPtr::new(ptr::null_mut());
/// Device arrays whose storage has not been released yet.
static LIVE: AtomicUsize = AtomicUsize::new(0);

type Finalizer = unsafe extern "C" fn(obj: *mut c_void, client_data: *mut c_void);

#[link(name = "gc")]
extern "C" {
    fn GC_register_finalizer_no_order(
        obj: *mut c_void,
        f: Option<Finalizer>,
        client_data: *mut c_void,
        old_f: *mut Option<Finalizer>,
        old_client_data: *mut *mut c_void,
    );
}

/// Boehm's finaliser for a [`DeviceArray`]: queue its storage (see the module doc).
unsafe extern "C" fn finalize(obj: *mut c_void, _client_data: *mut c_void) {
    let arr = obj as *mut DeviceArray;
    // SAFETY: Boehm passes the handle this finaliser was registered on; it is unreachable,
    // so nothing else reads it concurrently.
    let node = unsafe {
        (*arr).magic = 0;
        std::mem::replace(&mut (*arr).node, ptr::null_mut())
    };
    if node.is_null() {
        return;
    }
    let mut head = UNREACHABLE.load(Ordering::Acquire);
    loop {
        // SAFETY: `node` is owned by this function until the exchange publishes it.
        unsafe { (*node).next = head };
        match UNREACHABLE.compare_exchange_weak(head, node, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return,
            Err(now) => head = now,
        }
    }
}

/// Release the device memory of the device arrays the collector found unreachable.
pub fn release_unreachable() {
    let mut node = UNREACHABLE.swap(ptr::null_mut(), Ordering::AcqRel);
    while !node.is_null() {
        // SAFETY: every node on the list came from `Box::into_raw` in `DeviceArray::new`
        // and was pushed exactly once (the finaliser clears the handle's pointer).
        let owned = unsafe { Box::from_raw(node) };
        node = owned.next;
        drop(owned);
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// How many device arrays still hold device memory (tests watch the finaliser with it).
pub fn live_device_arrays() -> usize {
    LIVE.load(Ordering::Relaxed)
}

impl DeviceArray {
    /// A new handle on the collector's heap owning `storage` (`len` elements of `elem`).
    fn new(device: DeviceKind, elem: u8, len: i64, storage: Storage) -> *mut DeviceArray {
        let node = Box::into_raw(Box::new(Node { next: ptr::null_mut(), storage }));
        // Unscanned memory: the handle holds no pointer into the collector's heap.
        let arr = gc::alloc_atomic(std::mem::size_of::<DeviceArray>()) as *mut DeviceArray;
        // SAFETY: `arr` is a fresh, suitably aligned allocation of the right size; Boehm
        // accepts a finaliser on the base address of any object it allocated.
        unsafe {
            arr.write(DeviceArray { magic: MAGIC, len, elem, device: device as u8, node });
            GC_register_finalizer_no_order(
                arr as *mut c_void,
                Some(finalize),
                ptr::null_mut(),
                ptr::null_mut(),
                ptr::null_mut(),
            );
        }
        LIVE.fetch_add(1, Ordering::Relaxed);
        arr
    }

    /// The handle behind a pointer from compiled code.
    ///
    /// # Safety
    /// `p` is null or points to a [`DeviceArray`] that stays reachable while the result is
    /// used.
    pub(crate) unsafe fn from_ptr<'a>(p: *const DeviceArray) -> Result<&'a DeviceArray, Fail> {
        // SAFETY: caller contract.
        match unsafe { p.as_ref() } {
            Some(a) if a.magic == MAGIC && !a.node.is_null() => Ok(a),
            _ => Err(runtime_error("kiln: invalid device array")),
        }
    }

    /// Number of elements.
    pub fn len(&self) -> i64 {
        self.len
    }

    /// Whether it has no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Element kind (an [`elem`] code).
    pub fn elem(&self) -> u8 {
        self.elem
    }

    /// The device that holds it.
    pub fn device(&self) -> DeviceKind {
        DeviceKind::from_code(self.device).unwrap_or(DeviceKind::Cpu)
    }

    pub(crate) fn storage(&self) -> &Storage {
        // SAFETY: `node` is non-null for a live handle (checked in `from_ptr`) and owned by
        // it until the handle is finalised.
        unsafe { &(*self.node).storage }
    }

    /// Can a kernel running on `device` use it as a parameter of element kind `elem`?
    pub(crate) fn check_use(&self, device: DeviceKind, elem: u8) -> Result<(), Fail> {
        if self.device() != device {
            return Err(runtime_error(format!(
                "a device array made on the {} device cannot be used by a kernel running on {}",
                self.device().name(),
                device.name()
            )));
        }
        if self.elem != elem {
            return Err(runtime_error(format!(
                "kernel parameter of {} elements got a device array of {}",
                super::elem::name(elem),
                super::elem::name(self.elem)
            )));
        }
        Ok(())
    }
}

/// The elements of a list as bytes (`elem_size` each; empty for null).
///
/// # Safety
/// `list` is null or a valid list of `elem_size`-byte elements that outlives the result
/// and is not resized meanwhile.
pub(crate) unsafe fn list_bytes<'a>(list: *const KList, elem_size: usize) -> &'a mut [u8] {
    // SAFETY: caller contract.
    unsafe {
        if list.is_null() || (*list).len <= 0 || (*list).data.is_null() {
            return &mut [];
        }
        std::slice::from_raw_parts_mut((*list).data, (*list).len as usize * elem_size)
    }
}

/// The length of a list (0 for null).
///
/// # Safety
/// `list` is null or a valid list.
pub(crate) unsafe fn list_len(list: *const KList) -> i64 {
    // SAFETY: caller contract.
    unsafe { list.as_ref().map_or(0, |l| l.len.max(0)) }
}

/// `gpu.to_device(list)`.
///
/// # Safety
/// `list` is null or a valid list of `elem` elements.
pub(crate) unsafe fn to_device(list: *const KList, elem: u8) -> Result<*mut DeviceArray, Fail> {
    release_unreachable();
    let Some(size) = elem::host_size(elem) else {
        return Err(runtime_error(format!("kiln_rt_gpu_to_device: unknown element kind {elem}")));
    };
    let device = device_for_use();
    // SAFETY: caller contract.
    let (len, bytes) = unsafe { (list_len(list), list_bytes(list, size)) };
    let storage = match device {
        DeviceKind::Cpu => Storage::Cpu(cpu::HostBuf::from_bytes(bytes)),
        DeviceKind::Wgpu => Storage::Wgpu(wgpu::upload(elem, bytes)?),
        DeviceKind::Cuda => Storage::Cuda(cuda::upload(bytes)?),
    };
    Ok(DeviceArray::new(device, elem, len, storage))
}

/// `d.copy_to_host()`: a new list.
///
/// # Safety
/// `arr` points to a live device array.
pub(crate) unsafe fn copy_to_host(arr: *const DeviceArray) -> Result<*mut KList, Fail> {
    release_unreachable();
    // SAFETY: caller contract.
    let arr = unsafe { DeviceArray::from_ptr(arr) }?;
    let size = elem::host_size(arr.elem).unwrap_or(1);
    let list = lists::new(size as i64, arr.len, false);
    // SAFETY: a fresh list of `arr.len` elements of `size` bytes.
    let out = unsafe { list_bytes(list, size) };
    match arr.storage() {
        Storage::Cpu(buf) => buf.copy_to(out),
        Storage::Wgpu(buf) => wgpu::download(arr.elem, buf, out)?,
        Storage::Cuda(buf) => cuda::download(buf, out)?,
    }
    Ok(list)
}

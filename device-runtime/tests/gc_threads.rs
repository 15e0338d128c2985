//! Several registered threads allocating and collecting at once (the collector stops and
//! scans every registered thread), with objects kept alive only by each thread's stack and
//! by GC memory.

use kiln_runtime::abi;
use kiln_runtime::{gc, strings, KStr};

fn s(text: &str) -> *const KStr {
    // SAFETY: valid bytes.
    unsafe { abi::kiln_rt_str_new(text.as_ptr(), text.len() as i64) }
}

#[test]
fn threads_allocate_and_collect() {
    let handles: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let _gc = gc::ThreadGuard::new();
                let keep = abi::kiln_rt_list_new(8, 0, 1);
                for i in 0..5_000 {
                    // SAFETY: `keep` is a list of pointers.
                    unsafe {
                        let slot = abi::kiln_rt_list_append_slot(keep, 8, 1) as *mut *const KStr;
                        slot.write(s(&format!("t{t} #{i}")));
                    }
                    for _ in 0..20 {
                        let _ = s("garbage garbage garbage garbage");
                    }
                    if i % 1000 == 0 {
                        abi::kiln_rt_gc_collect();
                    }
                }
                // SAFETY: `keep` is a valid list of strings.
                unsafe {
                    let data = (*keep).data as *const *const KStr;
                    for i in 0..(*keep).len {
                        assert_eq!(strings::as_str(*data.add(i as usize)), format!("t{t} #{i}"));
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

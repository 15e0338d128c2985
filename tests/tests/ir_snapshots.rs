//! IR snapshots: `kiln build --emit ir tests/ir/<name>.py -o -` must print exactly
//! `tests/ir/<name>.ir`. Write or update the snapshots with
//! `KILN_BLESS=1 cargo test -p kiln-tests --test ir_snapshots` and review them with `git diff`.

#[test]
fn ir_snapshots() {
    kiln_tests::snapshot_suite("ir", "tests/ir", "ir", "ir", |_| Ok(()));
}

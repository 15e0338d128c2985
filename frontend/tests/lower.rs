//! Data-driven tests of inference and lowering: each case is Python source and the IR the
//! frontend produces for it (or its diagnostics). Update the expectations with
//! `UPDATE_EXPECT=1 cargo test -p kiln-frontend`.

use expect_test::{expect, Expect};

fn check(src: &str, expect: Expect) {
    let text = match kiln_frontend::compile("t.py", src) {
        Ok(kiln_frontend::Compiled { module, .. }) => {
            let info = kiln_ir::validate(&module).expect("the frontend's IR validates");
            kiln_ir::print::print_module(&module, Some(&info))
        }
        Err(failure) => failure.diagnostics.iter().map(|d| format!("error: {}\n", d.message)).collect(),
    };
    expect.assert_eq(&text);
}

#[test]
fn empty_list_takes_its_type_from_append() {
    check(
        "xs = []\nxs.append(1.5)\n",
        expect![[r#"
            global g0 xs: list[f64]

            fn __kiln_module() -> none ; <module>, entry
            {
              e0 = const i64 0
              e1 = list_new f64, e0
              store_global g0, e1
              e2 = load_global g0
              e3 = const f64 1.5
              list_append e2, e3
              e4 = const none
              e5 = const none
              return e5
            }
        "#]],
    );
}

#[test]
fn one_instance_per_argument_types() {
    check(
        "def twice(x):\n    return x + x\nprint(twice(2), twice(0.5))\n",
        expect![[r#"
            fn __kiln_module() -> none ; <module>, entry, may raise
            {
              e0 = const i64 2
              e1 = call twice(int)(e0)
              e2 = const f64 0.5
              e3 = call twice(float)(e2)
              e4 = const str " "
              e5 = runtime print_int(e1)
              e6 = runtime print_str(e4)
              e7 = runtime print_float(e3)
              e8 = const str "\n"
              e9 = runtime print_str(e8)
              e10 = const none
              e11 = const none
              return e11
            }

            fn twice(int)(x: i64) -> i64 ; twice, may raise
              local l0 x: i64
            {
              e0 = param 0
              store l0, e0
              e1 = load l0
              e2 = load l0
              e3 = add e1, e2
              return e3
            }

            fn twice(float)(x: f64) -> f64 ; twice
              local l0 x: f64
            {
              e0 = param 0
              store l0, e0
              e1 = load l0
              e2 = load l0
              e3 = add e1, e2
              return e3
            }
        "#]],
    );
}

#[test]
fn maybe_unbound_local_gets_a_runtime_check() {
    check(
        "def f(c):\n    if c:\n        y = 1\n    return y\nprint(f(True))\n",
        expect![[r#"
            fn __kiln_module() -> none ; <module>, entry, may raise
            {
              e0 = const bool true
              e1 = call f(bool)(e0)
              e2 = runtime print_int(e1)
              e3 = const str "\n"
              e4 = runtime print_str(e3)
              e5 = const none
              e6 = const none
              return e6
            }

            fn f(bool)(c: bool) -> i64 ; f, may raise
              local l0 c: bool
              local l1 y$bound: bool
              local l2 y: i64
            {
              e0 = param 0
              store l0, e0
              e1 = const bool false
              store l1, e1
              e2 = load l0
              if e2 {
                e3 = const i64 1
                store l2, e3
                e4 = const bool true
                store l1, e4
              }
              e5 = load l1
              e6 = not e5
              if e6 {
                e7 = const str "cannot access local variable 'y' where it is not associated with a value"
                raise UnboundLocalError, e7
              }
              e8 = load l2
              return e8
            }
        "#]],
    );
}

#[test]
fn recursive_result_type_is_inferred() {
    check(
        "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(5))\n",
        expect![[r#"
            fn __kiln_module() -> none ; <module>, entry, may raise
            {
              e0 = const i64 5
              e1 = call fact(int)(e0)
              e2 = runtime print_int(e1)
              e3 = const str "\n"
              e4 = runtime print_str(e3)
              e5 = const none
              e6 = const none
              return e6
            }

            fn fact(int)(n: i64) -> i64 ; fact, recursive, may raise
              local l0 n: i64
            {
              e0 = param 0
              store l0, e0
              e1 = load l0
              e2 = const i64 1
              e3 = le e1, e2
              if e3 {
                e4 = const i64 1
                return e4
              }
              e5 = load l0
              e6 = load l0
              e7 = const i64 1
              e8 = sub e6, e7
              e9 = call fact(int)(e8)
              e10 = mul e5, e9
              return e10
            }
        "#]],
    );
}

#[test]
fn type_change_is_an_error() {
    check(
        "x = 1\nx = 'one'\n",
        expect![[r#"
        error: `x` would change type from int to str
    "#]],
    );
}

#[test]
fn int_float_mix_in_list_is_an_error() {
    check(
        "xs = [1, 2.5]\n",
        expect![[r#"
        error: list elements have different types: int and float
    "#]],
    );
}

#[test]
fn chained_comparison_evaluates_middle_once() {
    check(
        "def mid():\n    return 2\nprint(1 < mid() < 3)\n",
        expect![[r#"
        fn __kiln_module() -> none ; <module>, entry
          local l0 $1: bool
        {
          e0 = const i64 1
          e1 = call mid()
          e2 = lt e0, e1
          store l0, e2
          if e2 {
            e3 = const i64 3
            e4 = lt e1, e3
            store l0, e4
          }
          e5 = load l0
          e6 = runtime print_bool(e5)
          e7 = const str "\n"
          e8 = runtime print_str(e7)
          e9 = const none
          e10 = const none
          return e10
        }

        fn mid() -> i64 ; mid
        {
          e0 = const i64 2
          return e0
        }
    "#]],
    );
}

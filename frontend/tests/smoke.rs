fn ir(src: &str) -> String {
    let module = match kiln_frontend::compile("t.py", src) {
        Ok(m) => m,
        Err(d) => return format!("ERR {:?}", d.iter().map(|d| d.message.clone()).collect::<Vec<_>>()),
    };
    match kiln_ir::validate(&module) {
        Ok(info) => kiln_ir::print::print_module(&module, Some(&info)),
        Err(e) => format!("INVALID {e}\n{}", kiln_ir::print::print_module(&module, None)),
    }
}

#[test]
fn smoke() {
    println!(
        "{}",
        ir("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(30))\n")
    );
    println!("{}", ir("xs = []\nfor i in range(10):\n    xs.append(i * 0.5)\nprint(xs, len(xs), sep=', ')\nx = 3\nprint(f'{x:>5d} {xs[0]:.3f}')\n"));
    println!("{}", ir("def f(a, b=2, *, c=3.0):\n    return a + b * c\nprint(f(1), f(1, c=2.0))\na, b = 1, 2\na, b = b, a + b\nprint(a < b < 5 and not a == 3)\n"));
}

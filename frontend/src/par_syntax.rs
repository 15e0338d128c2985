//! Codon's `@par` spelling: a decorator line directly above a `for` loop.
//!
//! Python's grammar allows decorators only on `def` and `class`, so the parser would reject
//! it. Before parsing, [`strip_par_decorators`] finds each `@par` / `@par(...)` line that is
//! directly followed by a `for` statement at the same indentation — by tokens, so text in
//! strings and comments is never touched — and blanks it out byte for byte, so every span of
//! the rest of the file stays what it was. The decorator itself is parsed on its own, with its
//! real offsets, and handed to the lowering keyed by the start offset of its `for`.

use std::collections::HashMap;

use rustpython_parser::lexer::lex;
use rustpython_parser::{ast, Mode, Tok};

use crate::diagnostic::Diagnostic;

/// The `@par` decorators found, by the start offset of the `for` statement they annotate.
pub type ParDecorators = HashMap<u32, ast::Expr>;

/// Tokens that carry no syntax between a decorator and its statement. (This lexer drops
/// comments and non-logical newlines already.)
fn is_trivia(_tok: &Tok) -> bool {
    false
}

/// Returns the source with `@par` decorator lines blanked, and the decorators.
pub fn strip_par_decorators(path: &str, source: &str) -> Result<(String, ParDecorators), Diagnostic> {
    let mut found = ParDecorators::new();
    // A lexical error is reported by the parser proper; stop looking at it.
    let tokens: Vec<_> = lex(source, Mode::Module).map_while(Result::ok).collect();
    let mut blanked: Vec<(usize, usize)> = Vec::new();
    for (i, (tok, range)) in tokens.iter().enumerate() {
        if !matches!(tok, Tok::At) {
            continue;
        }
        let line_start = tokens[..i]
            .iter()
            .rev()
            .find(|(t, _)| !is_trivia(t))
            .is_none_or(|(t, _)| matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule));
        if !line_start || !matches!(tokens.get(i + 1), Some((Tok::Name { name }, _)) if name == "par") {
            continue;
        }
        // The decorator expression: `par`, or `par(` ... the matching `)`.
        let mut end = i + 1;
        if matches!(tokens.get(i + 2), Some((Tok::Lpar, _))) {
            let mut depth = 0i32;
            let mut j = i + 2;
            while let Some((t, _)) = tokens.get(j) {
                match t {
                    Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                    Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                j += 1;
            }
            if depth != 0 {
                continue;
            }
            end = j;
        }
        let mut k = end + 1;
        while tokens.get(k).is_some_and(|(t, _)| is_trivia(t)) {
            k += 1;
        }
        let Some((Tok::Newline, newline)) = tokens.get(k) else { continue };
        let mut f = k + 1;
        while tokens.get(f).is_some_and(|(t, _)| is_trivia(t)) {
            f += 1;
        }
        let Some((Tok::For, for_range)) = tokens.get(f) else { continue };
        let expr_start = tokens[i + 1].1.start();
        let expr_end = tokens[end].1.end();
        let text = &source[usize::from(expr_start)..usize::from(expr_end)];
        let expr = match rustpython_parser::parse_starts_at(text, Mode::Expression, path, expr_start) {
            Ok(ast::Mod::Expression(e)) => *e.body,
            _ => {
                return Err(Diagnostic::error(
                    "syntax error in the `@par` decorator",
                    kiln_ir::Span::new(crate::MAIN_FILE, expr_start.to_u32(), expr_end.to_u32()),
                ))
            }
        };
        found.insert(for_range.start().to_u32(), expr);
        blanked.push((usize::from(range.start()), usize::from(newline.start())));
    }
    let mut bytes = source.as_bytes().to_vec();
    for (start, end) in blanked {
        for b in &mut bytes[start..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Only whole UTF-8 sequences were replaced (by ASCII spaces), so this cannot fail.
    let text = String::from_utf8(bytes).unwrap_or_else(|_| source.to_string());
    Ok((text, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_decorators_above_for_loops_only() {
        let src = "@par\nfor i in range(3):\n    pass\ns = '@par'\nif 1:\n    @par(schedule=\"dynamic\",\n         chunk_size=2)  # c\n    for j in x:\n        pass\n";
        let (text, found) = strip_par_decorators("t.py", src).unwrap();
        assert_eq!(text.len(), src.len());
        assert_eq!(found.len(), 2);
        assert!(text.starts_with("    \nfor i"));
        assert!(text.contains("s = '@par'"));
        let second_for = src.find("for j").unwrap() as u32;
        assert!(matches!(found.get(&second_for), Some(ast::Expr::Call(_))));
        assert!(matches!(found.get(&(src.find("for i").unwrap() as u32)), Some(ast::Expr::Name(_))));
        assert_eq!(text.lines().filter(|l| l.contains("chunk_size")).count(), 0);
    }

    #[test]
    fn leaves_other_decorators_alone() {
        let src = "@par\ndef f():\n    pass\n";
        let (text, found) = strip_par_decorators("t.py", src).unwrap();
        assert_eq!(text, src);
        assert!(found.is_empty());
    }
}

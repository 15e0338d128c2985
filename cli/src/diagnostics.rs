//! Renders diagnostics in the rustc/codespan style, once, at the edge of the program.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label as ReportLabel};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use kiln_frontend::Diagnostic;
use std::io::IsTerminal;

/// Writes `diagnostics` for the file `path` (whose text is `source`) to stderr.
pub fn render(path: &str, source: &str, diagnostics: &[Diagnostic]) {
    let mut files = SimpleFiles::new();
    let file = files.add(path.to_string(), source.to_string());
    let color = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let writer = termcolor::StandardStream::stderr(color);
    let config = term::Config { chars: term::Chars::ascii(), ..term::Config::default() };
    for d in diagnostics {
        let labels = d
            .labels
            .iter()
            .filter(|l| l.span.is_defined())
            .map(|l| {
                let start = (l.span.start as usize).min(source.len());
                let end = (l.span.end as usize).clamp(start, source.len());
                let label = if l.primary {
                    ReportLabel::primary(file, start..end)
                } else {
                    ReportLabel::secondary(file, start..end)
                };
                label.with_message(l.message.clone())
            })
            .collect();
        let report = Report::error().with_message(d.message.clone()).with_labels(labels).with_notes(d.notes.clone());
        let _ = term::emit(&mut writer.lock(), &config, &files, &report);
    }
}

/// A one-line error that concerns no source location.
pub fn plain(message: impl std::fmt::Display) {
    eprintln!("error: {message}");
}

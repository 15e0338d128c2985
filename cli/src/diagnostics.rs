//! Renders diagnostics in the rustc/codespan style, once, at the edge of the program.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label as ReportLabel};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use kiln_frontend::Diagnostic;
use std::io::IsTerminal;

/// Writes `diagnostics` to stderr; `files` holds the name and text of each file id they use.
pub fn render(files: &[(String, String)], diagnostics: &[Diagnostic]) {
    let mut db = SimpleFiles::new();
    let ids: Vec<usize> = files.iter().map(|(name, text)| db.add(name.clone(), text.clone())).collect();
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
            .filter_map(|l| {
                let index = (l.span.file as usize).min(files.len().saturating_sub(1));
                let (file, text) = (*ids.get(index)?, &files.get(index)?.1);
                let start = (l.span.start as usize).min(text.len());
                let end = (l.span.end as usize).clamp(start, text.len());
                let label = if l.primary {
                    ReportLabel::primary(file, start..end)
                } else {
                    ReportLabel::secondary(file, start..end)
                };
                Some(label.with_message(l.message.clone()))
            })
            .collect();
        let report = Report::error().with_message(d.message.clone()).with_labels(labels).with_notes(d.notes.clone());
        let _ = term::emit(&mut writer.lock(), &config, &db, &report);
    }
}

/// A one-line error that concerns no source location.
pub fn plain(message: impl std::fmt::Display) {
    eprintln!("error: {message}");
}

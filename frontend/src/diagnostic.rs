//! Compile errors as data. The frontend produces them; the CLI renders them (once, at the edge).

use kiln_ir::Span;

/// A labelled source range inside a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
    /// The primary label is the place the error is reported at (`--> file:line:col`).
    pub primary: bool,
}

/// A compile error: a message, the places it concerns, and optional notes/hints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            labels: vec![Label { span, message: String::new(), primary: true }],
            notes: Vec::new(),
        }
    }

    /// Sets the text shown under the primary caret.
    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        if let Some(primary) = self.labels.iter_mut().find(|l| l.primary) {
            primary.message = message.into();
        }
        self
    }

    /// Adds a secondary place (e.g. where a variable first got its type).
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        if span.is_defined() {
            self.labels.push(Label { span, message: message.into(), primary: false });
        }
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn primary_span(&self) -> Span {
        self.labels.iter().find(|l| l.primary).map(|l| l.span).unwrap_or(Span::UNDEFINED)
    }
}

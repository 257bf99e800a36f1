//! The form for a letter to Meta, over a step or the end screen of one of Meta's forms; and,
//! once the letter is written, where it is and what to do with it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};

use super::editor::{self, error_text};
use super::{styled, wrapped};
use crate::app::App;
use crate::content::fill;
use crate::letter::Field;
use crate::letter_form::{FIELDS, FormError, LetterForm, Written};

pub fn render(app: &App, form: &LetterForm, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let name = app.entry_label(&form.platform, None);
    let text_width = super::editor::text_width(area);
    let (title, top, lines, focus) = match &form.written {
        Some(written) => {
            (texts.letter.written_title.clone(), written_lines(app, form, written), Vec::new(), 0)
        }
        None => {
            let (lines, focus) = field_lines(app, form, &name, usize::from(text_width));
            (fill(&texts.letter.title, &[("platform", &name)]), note_lines(app, form), lines, focus)
        }
    };
    super::editor::form_box(app, &title, wrapped(Text::from(top)), lines, focus, area, buf);
}

/// Over the fields: what went wrong, or that no source says Meta treats a letter as the form,
/// that the form comes first, that the letter is the person's proof, and that no password
/// belongs here.
fn note_lines(app: &App, form: &LetterForm) -> Vec<Line<'static>> {
    let texts = app.texts();
    let theme = &app.theme;
    let said = &texts.letter;
    let id = form.platform.as_str();
    let mut lines = Vec::new();
    match &form.error {
        Some(error) => {
            let text = match error {
                FormError::Letter(problem) => texts.letter_problem(problem),
                FormError::Typing(error) => error_text(app, error, id),
                FormError::NoPlace => fill(&said.no_place, &[("id", id)]),
                FormError::Write(error) => {
                    fill(&said.write_failed_here, &[("error", &texts.os_error(error))])
                }
            };
            lines.push(styled(text, theme.problem));
        }
        None => {
            lines.push(styled(format!("{} {}", said.note.text, texts.editor.no_password), theme.emphasis));
            lines.push(styled(texts.sources_line(&said.note.sources), theme.source));
        }
    }
    lines.push(Line::default());
    lines
}

/// Each field's label, and its text; where the focused field's lines end.
fn field_lines(app: &App, form: &LetterForm, name: &str, width: usize) -> (Vec<Line<'static>>, usize) {
    let said = &app.texts().letter;
    let mut lines = Vec::new();
    let mut focus_end = 0;
    for (index, field) in FIELDS.iter().enumerate() {
        let label = match field {
            Field::Name => said.form_name.clone(),
            Field::Email => said.form_email.clone(),
            Field::Account => fill(&said.form_account, &[("platform", name)]),
            // The place is given on the command line only; the form has no field for it.
            Field::Reason | Field::Place => said.form_reason.clone(),
        };
        let focused = index == form.field;
        lines.extend(editor::field(app, &label, form.input(index), Some(field.limit()), focused, width));
        if focused {
            focus_end = lines.len() - 1;
        }
    }
    (lines, focus_end)
}

/// Where the letter is, what to do with it, and how to remember it once sent.
fn written_lines(app: &App, form: &LetterForm, written: &Written) -> Vec<Line<'static>> {
    let texts = app.texts();
    let theme = &app.theme;
    let said = &texts.letter;
    let mut lines = vec![
        Line::from(said.written_here.clone()),
        styled(crate::text::path(&written.path), theme.link),
        Line::default(),
        styled(said.send_here.clone(), theme.emphasis),
        Line::default(),
        Line::from(said.note.text.clone()),
        styled(texts.sources_line(&said.note.sources), theme.source),
        Line::default(),
        Line::from(fill(&said.mark_hint, &[("id", &form.platform)])),
    ];
    match written.copied {
        Some(true) => lines.extend([Line::default(), styled(said.copied.clone(), theme.notice)]),
        Some(false) => lines.extend([Line::default(), styled(said.copy_failed.clone(), theme.problem)]),
        None => {}
    }
    lines
}

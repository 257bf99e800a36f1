//! The form for an objection's details, over the overview.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph, Widget};
use tui_input::Input;

use super::{body_block, styled, wrapped};
use crate::app::App;
use crate::content::{EditorTexts, Kind, fill};
use crate::editor::{EditError, Editor, Field};

pub fn render(app: &App, editor: &Editor, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let form = &texts.editor;
    let name = app.entry_label(&editor.platform, None);
    let title = match editor.editing {
        Some(_) => fill(&form.title, &[("platform", &name)]),
        None => fill(&form.new_title, &[("platform", &name)]),
    };
    let inner_width = usize::from(text_width(area));
    // The error (or the reminder never to type a password) comes first and stays, so that a
    // small window still shows it; the fields under it scroll to keep the focused one in view.
    let top = wrapped(Text::from(vec![note(app, editor, &name), Line::default()]));
    let mut lines = Vec::new();
    let mut focus_end = 0;
    let kind = app.content.catalogue.kind(&editor.platform);
    for field in Field::ALL {
        let focused = field == editor.field;
        // A text field says how full it is; a date field has no count.
        let limit = field.is_text().then(|| field.limit());
        lines.extend(self::field(
            app,
            label(form, field, kind),
            editor.input(field),
            limit,
            focused,
            inner_width,
        ));
        if focused {
            focus_end = lines.len() - 1;
        }
    }
    form_box(app, &title, top, lines, focus_end, area, buf);
}

/// A field of a form, as both forms draw it: its label (focused: with how full it is, in the
/// problem's style once full), what is typed, and a blank line after it.
pub(super) fn field(
    app: &App,
    label: &str,
    input: &Input,
    limit: Option<usize>,
    focused: bool,
    width: usize,
) -> [Line<'static>; 3] {
    let theme = &app.theme;
    let marker = if focused { "› " } else { "  " };
    let mut heading =
        vec![Span::styled(format!("{marker}{label}"), if focused { theme.heading } else { theme.source })];
    if let Some(limit) = limit.filter(|_| focused) {
        let count = input.value().chars().count();
        let shown =
            fill(&app.texts().editor.count, &[("count", &count.to_string()), ("max", &limit.to_string())]);
        let style = if count >= limit { theme.problem } else { theme.source };
        heading.push(Span::styled(format!(" ({shown})"), style));
    }
    [Line::from(heading), input_line(input, width.saturating_sub(2), focused, app), Line::default()]
}

/// How wide the text of a form in a box over `area` is.
pub(super) fn text_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(72).saturating_sub(4)
}

/// A form in a box over the screen: `top` (what went wrong, or what to know) stays in view, and
/// the fields under it scroll as little as it takes for the focused field's text (which ends
/// at line `focus_end`) to be in view. Shared by the details form and the letter's.
pub(super) fn form_box(
    app: &App,
    title: &str,
    top: Paragraph<'static>,
    lines: Vec<Line<'static>>,
    focus_end: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = area.width.saturating_sub(4).min(72);
    let text_width = text_width(area);
    let rows = |lines: &[Line<'static>]| {
        u16::try_from(wrapped(Text::from(lines.to_vec())).line_count(text_width)).unwrap_or(u16::MAX)
    };
    let top_rows = u16::try_from(top.line_count(text_width)).unwrap_or(u16::MAX);
    let height = top_rows.saturating_add(rows(&lines)).saturating_add(2).min(area.height.saturating_sub(2));
    let [area] = area.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    let [area] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    Clear.render(area, buf);
    let block = body_block(title, &app.theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let [top_area, fields_area] =
        inner.layout(&Layout::vertical([Constraint::Length(top_rows), Constraint::Fill(1)]));
    top.render(top_area, buf);
    // Where the field does not fit whole, what is typed shows before the label's first words.
    let scroll = rows(&lines[..focus_end.min(lines.len())]).saturating_sub(fields_area.height);
    wrapped(Text::from(lines)).scroll((scroll, 0)).render(fields_area, buf);
}

/// A field's label. A setting is switched off, not sent, and seldom confirmed.
fn label(form: &EditorTexts, field: Field, kind: Option<Kind>) -> &str {
    match (field, kind) {
        (Field::Account, _) => &form.account,
        (Field::Submitted, Some(Kind::Form) | None) => &form.submitted,
        (Field::Submitted, Some(Kind::Setting)) => &form.submitted_setting,
        (Field::Submitted, Some(Kind::Note)) => &form.submitted_note,
        (Field::Confirmation, Some(Kind::Form) | None) => &form.confirmation,
        (Field::Confirmation, Some(Kind::Setting | Kind::Note)) => &form.confirmation_setting,
        (Field::Note, _) => &form.note,
    }
}

/// The form's error, or the reminder that everything may stay empty and no password belongs here.
fn note(app: &App, editor: &Editor, name: &str) -> Line<'static> {
    let texts = app.texts();
    let theme = &app.theme;
    let form = &texts.editor;
    match &editor.error {
        Some(error) => styled(error_text(app, error, name), theme.problem),
        // Another account where the unnamed one is marked: it needs a name, said before it is
        // asked for.
        None if editor.editing.is_none() && app.record().find(&editor.platform, None).is_some() => {
            styled(format!("{} {}", form.account_needed, form.no_password), theme.emphasis)
        }
        None => {
            let optional = match app.content.catalogue.kind(&editor.platform) {
                Some(Kind::Form) | None => &form.optional,
                Some(Kind::Setting) => &form.optional_setting,
                Some(Kind::Note) => &form.optional_note,
            };
            styled(optional.clone(), theme.source)
        }
    }
}

/// What went wrong in a form, for the person.
pub(super) fn error_text(app: &App, error: &EditError, name: &str) -> String {
    let texts = app.texts();
    let form = &texts.editor;
    match error {
        EditError::AccountTaken(account) => {
            fill(&form.account_taken, &[("platform", name), ("account", account)])
        }
        EditError::AccountNeeded => form.account_needed.clone(),
        EditError::Date(error) => texts.date_error(error, app.today),
        EditError::Full(max) => fill(&form.full, &[("max", &max.to_string())]),
        EditError::PasteTooLong { count, room } => {
            fill(&form.paste_too_long, &[("count", &count.to_string()), ("room", &room.to_string())])
        }
        EditError::ChangedElsewhere => texts.record.not_found_here.clone(),
    }
}

/// A field's text, scrolled so that the cursor shows; the cursor is a reversed cell.
pub(super) fn input_line(input: &Input, width: usize, focused: bool, app: &App) -> Line<'static> {
    let width = width.max(1);
    let scroll = if focused { input.visual_scroll(width.saturating_sub(1)) } else { 0 };
    let visible: String = input.value().chars().skip(scroll).take(width).collect();
    let style = app.theme.link;
    // Underlined to the field's full width, so that an empty field still looks like one.
    let pad = |text: String, used: usize| format!("{text}{}", " ".repeat(width.saturating_sub(used)));
    let mut spans = vec![Span::raw("  ")];
    if focused {
        let cursor = input.visual_cursor().saturating_sub(scroll);
        let before: String = visible.chars().take(cursor).collect();
        let at: String = visible.chars().nth(cursor).map_or(" ".to_owned(), String::from);
        let after: String = visible.chars().skip(cursor + 1).collect();
        let used = before.chars().count() + 1 + after.chars().count();
        spans.push(Span::styled(before, style));
        spans.push(Span::styled(at, style.add_modifier(Modifier::REVERSED)));
        spans.push(Span::styled(pad(after, used), style));
    } else {
        let used = visible.chars().count();
        spans.push(Span::styled(pad(visible, used), style));
    }
    Line::from(spans)
}

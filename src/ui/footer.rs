//! The bottom lines: the keys the current screen accepts, read from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::keys::{self, Action, Binding, bindings};

/// The most lines the footer takes; the body needs the rest.
const MOST_LINES: usize = 3;

/// What goes first when the footer does not fit in [`MOST_LINES`], in order: scrolling (the
/// frame's "↓ more" says it), the overview and the message for others, then what the screen's
/// own text names (the link's keys, the letter) and going back (Esc does it too). The help
/// lists every key.
const LEAST_NEEDED: [Action; 11] = [
    Action::Scroll,
    Action::Page,
    Action::PageEntries,
    Action::Overview,
    Action::Share,
    Action::Qr,
    Action::Copy,
    Action::Letter,
    Action::Open,
    Action::PreviousStep,
    Action::Back,
];

/// What always shows where it works: how to quit, where the help is, and the next language,
/// named in its own words for a person who cannot read this one.
const ALWAYS: [Action; 3] = [Action::Quit, Action::Help, Action::Language];

/// The footer's items, each a key and what it does, laid out in lines no wider than `width`:
/// at most [`MOST_LINES`], leaving out what is least needed until they fit, and if that is not
/// enough, the last of the rest; never [`ALWAYS`].
fn lines(app: &App, table: &[Binding], width: u16) -> Vec<Line<'static>> {
    let mut shown: Vec<&Binding> = table.iter().filter(|binding| binding.in_footer > 0).collect();
    let mut lines = laid_out(app, &shown, width);
    let mut least = LEAST_NEEDED.iter();
    while lines.len() > MOST_LINES {
        let before = shown.len();
        match least.next() {
            Some(action) => shown.retain(|binding| binding.action != *action),
            None => {
                let Some(last) = shown.iter().rposition(|binding| !ALWAYS.contains(&binding.action)) else {
                    break;
                };
                shown.remove(last);
            }
        }
        if shown.len() != before {
            lines = laid_out(app, &shown, width);
        }
    }
    lines
}

fn laid_out(app: &App, shown: &[&Binding], width: u16) -> Vec<Line<'static>> {
    let texts = &app.texts().keys;
    let theme = &app.theme;
    let width = usize::from(width);
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for binding in shown {
        let key = keys::footer_keys(binding, texts);
        let label = binding.action.label(texts).to_owned();
        let item_width = key.chars().count() + 1 + label.chars().count();
        let gap = if line.is_empty() { 1 } else { 3 };
        if !line.is_empty() && used + gap + item_width > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        let gap = if line.is_empty() { " " } else { "   " };
        used += gap.len() + item_width;
        line.push(Span::raw(gap));
        line.push(Span::styled(key, theme.key));
        line.push(Span::raw(format!(" {label}")));
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// The footer's height, reserved as if the text scrolled, so that it does not depend on the
/// body whose size it decides.
pub fn height(app: &App, width: u16) -> u16 {
    let table = keys::table(app, app.help_open(), true);
    u16::try_from(lines(app, &table, width).len().min(MOST_LINES)).unwrap_or(u16::MAX)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    for (line, row) in lines(app, &bindings(app), area.width).into_iter().zip(area.rows()) {
        line.render(row, buf);
    }
}

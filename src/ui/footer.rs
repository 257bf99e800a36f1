//! The bottom lines: the keys the current screen accepts, read from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::keys::{self, bindings};

/// The most lines the footer takes; the body needs the rest.
const MOST_LINES: usize = 3;

/// What goes first when the footer does not fit in [`MOST_LINES`]: scrolling (the frame's
/// "↓ more" says it), the next language and the overview (the help lists them all). How to
/// quit and where the help is always show.
const LEAST_NEEDED: [keys::Action; 4] =
    [keys::Action::Scroll, keys::Action::Page, keys::Action::Language, keys::Action::Overview];

/// The footer's items, each a key and what it does, laid out in lines no wider than `width`:
/// at most [`MOST_LINES`], leaving out what is least needed until they fit.
fn lines(app: &App, table: &[keys::Binding], width: u16) -> Vec<Line<'static>> {
    let mut shown: Vec<&keys::Binding> = table.iter().filter(|binding| binding.in_footer > 0).collect();
    let mut lines = laid_out(app, &shown, width);
    for action in LEAST_NEEDED {
        if lines.len() <= MOST_LINES {
            break;
        }
        shown.retain(|binding| binding.action != action);
        lines = laid_out(app, &shown, width);
    }
    lines
}

fn laid_out(app: &App, shown: &[&keys::Binding], width: u16) -> Vec<Line<'static>> {
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

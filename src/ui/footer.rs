//! The bottom lines: the keys the current screen accepts, read from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::keys::{self, bindings};

/// The footer's items, each a key and what it does, laid out in lines no wider than `width`.
fn lines(app: &App, table: &[keys::Binding], width: u16) -> Vec<Line<'static>> {
    let texts = &app.texts().keys;
    let theme = &app.theme;
    let width = usize::from(width);
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for binding in table.iter().filter(|binding| binding.in_footer > 0) {
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
    u16::try_from(lines(app, &table, width).len()).unwrap_or(u16::MAX).min(3)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    for (line, row) in lines(app, &bindings(app), area.width).into_iter().zip(area.rows()) {
        line.render(row, buf);
    }
}

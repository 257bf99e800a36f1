//! Where the frame's parts go, and how far the text scrolls in them: the frame's four rows, the
//! body's text area, the scrolling limit and the page, keeping a list's selection in view, and
//! fitting the view after every message.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Body, Theme, body, footer, help, notice_paragraph, overview, platforms};
use crate::app::{App, Screen};
use crate::viewport::Follow;

/// The frame's parts.
pub(super) struct Areas {
    pub(super) header: Rect,
    pub(super) body: Rect,
    pub(super) notice: Rect,
    pub(super) footer: Rect,
}

pub(super) fn areas(app: &App, area: Rect) -> Areas {
    let footer_height = footer::height(app, area.width);
    // The notice is drawn one column in from each side; long ones (a set-aside file's path)
    // may take five lines.
    let notice_height = notice_paragraph(app).map_or(0, |paragraph| {
        u16::try_from(paragraph.line_count(area.width.saturating_sub(2))).unwrap_or(u16::MAX).min(5)
    });
    // Exact lengths, stacked from the top: the notice and footer get all their lines, the body
    // what is left. Plain arithmetic; no constraint solving is needed.
    let body_height = area.height.saturating_sub(1 + notice_height + footer_height);
    let mut rest = area;
    let mut take = |height: u16| {
        let part = Rect { height: height.min(rest.height), ..rest };
        rest.y += part.height;
        rest.height -= part.height;
        part
    };
    let (header, body, notice, footer) =
        (take(1), take(body_height), take(notice_height), take(footer_height));
    Areas { header, body, notice, footer }
}

pub(super) fn body_block(title: &str, theme: &Theme) -> Block<'static> {
    Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
        .padding(Padding::horizontal(1))
}

/// The text area inside the body's frame, and the text that goes there (the help's, while it is
/// open). Scrolling limits and drawing both come from here, so they always agree.
pub(super) fn scroll_view(app: &App, area: Rect, overlay: bool) -> (Rect, Body) {
    if overlay {
        let body = help::body(app);
        let inner = body_block(&body.title, &app.theme).inner(help::area(&body, area));
        return (inner, body);
    }
    let inner = body_inner(app, area);
    (inner, body(app, inner))
}

/// The text area of the body's frame (the same for every title).
pub(super) fn body_inner(app: &App, area: Rect) -> Rect {
    body_block("", &app.theme).inner(areas(app, area).body)
}

pub(super) fn wrapped(text: Text<'static>) -> Paragraph<'static> {
    Paragraph::new(text).wrap(Wrap { trim: false })
}

/// How far the current text (the help's, while it is open) can scroll in the current window.
pub fn max_scroll(app: &App) -> u16 {
    max_scroll_of(app, app.help_open())
}

/// How far the screen's own text, beneath any overlay, can scroll.
pub(super) fn body_max_scroll(app: &App) -> u16 {
    max_scroll_of(app, false)
}

pub(super) fn max_scroll_of(app: &App, overlay: bool) -> u16 {
    let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
    if app.view.too_small() {
        return 0;
    }
    if app.screen == Screen::Overview && !overlay {
        return overview::max_scroll(app, body_inner(app, area));
    }
    let (inner, body) = scroll_view(app, area, overlay);
    let lines = wrapped(body.text).line_count(inner.width);
    u16::try_from(lines).unwrap_or(u16::MAX).saturating_sub(inner.height)
}

/// The scroll that keeps the selected line of a list in view (the highlighted platform, the
/// selected overview entry), with the least change from the current one. Other screens keep
/// theirs.
fn follow_selection(app: &App, moved: bool) -> u16 {
    let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
    if app.view.too_small() {
        return app.view.scroll;
    }
    match app.screen {
        Screen::Platforms => platforms_follow(app, body_inner(app, area), moved),
        Screen::Overview => overview::follow(app, body_inner(app, area)),
        _ => app.view.scroll,
    }
}

/// On the platform list: the highlighted platform's whole entry when the highlight has just
/// `moved`, else its name line, so that arriving at the top of the list keeps what stands above
/// the first platform in view.
pub(super) fn platforms_follow(app: &App, inner: Rect, whole: bool) -> u16 {
    let (mut lines, chosen) = platforms::lines(app, inner.width);
    // Each line wraps on its own: the rows above the highlighted entry are the rows its lines
    // before it wrap into, and the entry's own lines add theirs.
    let entry = lines.drain(chosen.clone()).collect::<Vec<_>>();
    lines.truncate(chosen.start);
    let rows = |lines: Vec<Line<'static>>| {
        u16::try_from(wrapped(Text::from(lines)).line_count(inner.width)).unwrap_or(u16::MAX)
    };
    let top = rows(lines);
    let bottom = if whole { top.saturating_add(rows(entry)) } else { top.saturating_add(1) };
    // Back at the first platform, what stands above the list comes back too, where it fits.
    if app.selected == 0 && bottom <= inner.height {
        return 0;
    }
    let scroll = app.view.scroll.max(bottom.saturating_sub(inner.height));
    scroll.min(top)
}

/// Fits the view to the state after a message: keeps a list's selection in view when the
/// message asks for that, then finds how far the text can scroll in this window and how much a
/// page is, and keeps the scroll within them. The state knows nothing of layout; the event loop
/// fits the view after every message, so the key table, the footer and the frame read the
/// figures found here instead of laying the text out again.
pub fn fit(app: &mut App) {
    if let Follow::Selection { moved } = app.view.follow {
        app.view.scroll = follow_selection(app, moved);
    }
    app.view.limit = max_scroll(app);
    app.view.page = match app.screen {
        // The overview's page keys move the selection by as many entries as the window shows.
        Screen::Overview if !app.help_open() && !app.view.too_small() => {
            let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
            overview::page(app, body_inner(app, area))
        }
        _ => visible_lines(app).saturating_sub(1).max(1),
    };
    app.view.scroll = app.view.scroll.min(app.view.limit);
}

/// How many lines of text are visible at once.
fn visible_lines(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
    if app.view.too_small() {
        return 1;
    }
    scroll_view(app, area, app.help_open()).0.height
}

/// `text` wrapped to `width` columns as the paragraph would wrap it, but with every line after
/// the first starting under the first one's text: `first` stands before the first line, as
/// many spaces as it is wide before the others. A word longer than a line is cut where the line
/// ends.
pub(super) fn hanging(first: &str, text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let indent = first.width();
    let room = usize::from(width).saturating_sub(indent).max(1);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let wide = word.width();
        if used > 0 && used + 1 + wide > room {
            rows.push(std::mem::take(&mut row));
            used = 0;
        }
        if used > 0 {
            row.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if used > 0 && used + w > room {
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            row.push(c);
            used += w;
        }
    }
    rows.push(row);
    let pad = " ".repeat(indent);
    rows.into_iter()
        .enumerate()
        .map(|(index, row)| Line::styled(format!("{}{row}", if index == 0 { first } else { &pad }), style))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(first: &str, text: &str, width: u16) -> Vec<String> {
        hanging(first, text, width, Style::new()).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn wrapped_lines_keep_their_indent() {
        let text = "Krijg je geen antwoord, of wijst Meta je bezwaar af? Dien een klacht in.";
        let lines = rows("    • ", text, 30);
        assert_eq!(
            lines,
            [
                "    • Krijg je geen antwoord,",
                "      of wijst Meta je bezwaar",
                "      af? Dien een klacht in."
            ]
        );
        assert!(lines.iter().all(|line| line.width() <= 30));
        // A word longer than the room is cut, and a wide character never splits a column.
        assert_eq!(
            rows("  ", "https://autoriteitpersoonsgegevens.nl/", 16),
            ["  https://autori", "  teitpersoonsge", "  gevens.nl/"]
        );
        assert_eq!(rows("  ", "日本語のテキスト", 8), ["  日本語", "  のテキ", "  スト"]);
        assert_eq!(rows("  ", "", 8), ["  "]);
    }
}

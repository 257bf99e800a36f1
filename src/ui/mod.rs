//! Drawing the wizard. `impl Widget for &App` lays out the frame (header, body, notice,
//! footer) and delegates the body to one small module per screen. Rendering reads the state and
//! never changes it.

mod confirm;
mod done;
mod editor;
mod footer;
mod header;
mod help;
mod overview;
mod platforms;
mod qr;
mod risks;
mod share;
mod steps;
mod warning;

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

pub use crate::theme::Theme;

use crate::app::{App, Notice, Overlay, Screen};
use crate::content::{Texts, fill};
use crate::record::{Entry, WriteError};
use crate::viewport::Follow;

pub use crate::viewport::{MIN_HEIGHT, MIN_WIDTH};

/// What a screen puts in the body: a title, the text, and the links in it (for OSC 8).
pub struct Body {
    pub title: String,
    pub text: Text<'static>,
    pub links: Vec<String>,
    /// For a screen that builds only what shows (the overview): the text is already scrolled,
    /// and whether more stands above and below.
    pub window: Option<Window>,
}

/// Whether text is hidden above or below a window.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub above: bool,
    pub below: bool,
}

/// The frame's parts.
struct Areas {
    header: Rect,
    body: Rect,
    notice: Rect,
    footer: Rect,
}

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

fn areas(app: &App, area: Rect) -> Areas {
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

fn body_block(title: &str, theme: &Theme) -> Block<'static> {
    Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
        .padding(Padding::horizontal(1))
}

fn body(app: &App, inner: Rect) -> Body {
    match app.screen {
        Screen::Warning => warning::body(app),
        Screen::Risks => risks::body(app),
        Screen::Platforms => platforms::body(app, inner.width),
        Screen::Step { platform, step } => steps::body(app, platform, step),
        Screen::Done { platform } => done::body(app, platform),
        Screen::Overview => overview::body(app, inner),
        Screen::Share => share::body(app),
    }
}

/// The text area inside the body's frame, and the text that goes there (the help's, while it is
/// open). Scrolling limits and drawing both come from here, so they always agree.
fn scroll_view(app: &App, area: Rect, overlay: bool) -> (Rect, Body) {
    if overlay {
        let body = help::body(app);
        let inner = body_block(&body.title, &app.theme).inner(help::area(&body, area));
        return (inner, body);
    }
    let inner = body_inner(app, area);
    (inner, body(app, inner))
}

/// The text area of the body's frame (the same for every title).
fn body_inner(app: &App, area: Rect) -> Rect {
    body_block("", &app.theme).inner(areas(app, area).body)
}

fn wrapped(text: Text<'static>) -> Paragraph<'static> {
    Paragraph::new(text).wrap(Wrap { trim: false })
}

/// How far the current text (the help's, while it is open) can scroll in the current window.
pub fn max_scroll(app: &App) -> u16 {
    max_scroll_of(app, app.help_open())
}

/// How far the screen's own text, beneath any overlay, can scroll.
pub fn body_max_scroll(app: &App) -> u16 {
    max_scroll_of(app, false)
}

fn max_scroll_of(app: &App, overlay: bool) -> u16 {
    let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
    if too_small(area) {
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
pub fn follow_selection(app: &App, moved: bool) -> u16 {
    let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
    if too_small(area) {
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
fn platforms_follow(app: &App, inner: Rect, whole: bool) -> u16 {
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
    app.view.page = visible_lines(app).saturating_sub(1).max(1);
    app.view.scroll = app.view.scroll.min(app.view.limit);
}

/// How many lines of text are visible at once.
pub fn visible_lines(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.view.size.width, app.view.size.height);
    if too_small(area) {
        return 1;
    }
    scroll_view(app, area, app.help_open()).0.height
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            render_too_small(self, area, buf);
            return;
        }
        let areas = areas(self, area);
        header::render(self, areas.header, buf);
        let body = body(self, body_block("", &self.theme).inner(areas.body));
        let scroll = if self.help_open() { 0 } else { self.view.scroll };
        render_scrolled(self, body, areas.body, scroll, kept_limit(self, area, false), buf);
        if let Some(paragraph) = notice_paragraph(self) {
            paragraph.render(areas.notice.inner(Margin::new(1, 0)), buf);
        }
        footer::render(self, areas.footer, buf);
        match &self.overlay {
            Some(Overlay::Qr) => {
                let above_footer = Rect { height: area.height.saturating_sub(areas.footer.height), ..area };
                qr::render(self, above_footer, areas.footer.height, buf);
            }
            Some(Overlay::Help) => help::render(self, area, buf),
            Some(Overlay::Editor(editor)) => editor::render(self, editor, area, buf),
            Some(Overlay::Question(unmark)) => confirm::render(self, unmark, area, buf),
            None => {}
        }
    }
}

/// The scrolling limit the state keeps, when it is the one for this text in this frame: the
/// help's while the help is open, the screen's otherwise, and only for the window's own size.
fn kept_limit(app: &App, area: Rect, overlay: bool) -> Option<u16> {
    let kept = (overlay == app.help_open() && area.as_size() == app.view.size).then_some(app.view.limit);
    // Catches, in tests and debug builds, a view not fitted after a message.
    debug_assert!(kept.is_none_or(|kept| kept == max_scroll(app)), "the view was not fitted");
    kept
}

/// Draws a body in its frame, scrolled, with "more" marks where text is hidden; `limit` is how
/// far it can scroll, if known already, so that it is not laid out an extra time to find out.
fn render_scrolled(app: &App, body: Body, area: Rect, scroll: u16, limit: Option<u16>, buf: &mut Buffer) {
    let texts = app.texts();
    let block = body_block(&body.title, &app.theme);
    let inner = block.inner(area);
    let paragraph = wrapped(body.text);
    let limit = limit.unwrap_or_else(|| {
        let lines = u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX);
        lines.saturating_sub(inner.height)
    });
    let scroll = if body.window.is_some() { 0 } else { scroll.min(limit) };
    let (above, below) = match body.window {
        Some(window) => (window.above, window.below),
        None => (scroll > 0, scroll < limit),
    };
    let mut block = block;
    if above {
        block = block
            .title_top(Line::styled(format!(" {} ", texts.app.more_above), app.theme.key).right_aligned());
    }
    if below {
        block = block
            .title_bottom(Line::styled(format!(" {} ", texts.app.more_below), app.theme.key).right_aligned());
    }
    block.render(area, buf);
    paragraph.scroll((scroll, 0)).render(inner, buf);
    // An overlay drawn later would cut a link's closing sequence and leave it open.
    let covered = app.overlay.is_some();
    if app.hyperlinks && !covered {
        for link in &body.links {
            hyperlink(buf, inner, link);
        }
    }
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = fill(
        &app.texts().app.too_small,
        &[("width", &MIN_WIDTH.to_string()), ("height", &MIN_HEIGHT.to_string())],
    );
    let paragraph = wrapped(Text::from(text)).alignment(Alignment::Center);
    let lines = u16::try_from(paragraph.line_count(area.width)).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(lines) / 2;
    let area = Rect { y: area.y + top, height: area.height - top, ..area };
    paragraph.render(area, buf);
}

fn notice_paragraph(app: &App) -> Option<Paragraph<'static>> {
    let notice = app.notice.as_ref()?;
    let texts = app.texts();
    let status = &texts.steps.status;
    let name = |platform: usize| app.platforms().get(platform).map_or("", |p| texts.platform_name(p));
    let text = match notice {
        Notice::Opened => status.opened.clone(),
        Notice::OpenFailed => status.open_failed.clone(),
        Notice::Refused => status.refused.clone(),
        Notice::Copied => status.copied.clone(),
        Notice::CopyFailed => status.copy_failed.clone(),
        Notice::Marked(platform) => {
            let status = app
                .marked(*platform)
                .map(|o| texts.objection_status(&app.content.catalogue, o))
                .unwrap_or_default();
            fill(&texts.record.marked_here, &[("platform", name(*platform)), ("status", &status)])
        }
        Notice::AlreadyMarked(platform, date) => fill(
            &texts.record.already_marked_here,
            &[("platform", name(*platform)), ("date", &texts.date(*date))],
        ),
        Notice::Unmarked(Entry::Objection(objection)) => {
            let label = app.entry_label(&objection.platform, objection.account.as_deref());
            fill(&texts.record.unmarked_here, &[("platform", &label)])
        }
        Notice::Unmarked(Entry::Unreadable(_)) => texts.record.unreadable_removed_here.clone(),
        Notice::NotFound => texts.record.not_found_here.clone(),
        Notice::NotAllSaved => texts.record.not_all_saved_here.clone(),
        Notice::ChangedElsewhere => texts.record.changed_elsewhere_here.clone(),
        Notice::Unreadable(error) => texts.load_error(&record_path(app), error),
        Notice::SaveFailed(WriteError::Io(error)) => {
            fill(&texts.record.save_failed_here, &[("error", &texts.os_error(error))])
        }
        Notice::SaveFailed(error) => texts.write_error(&record_path(app), error),
        Notice::UnsavedQuit => texts.record.unsaved_quit.clone(),
        Notice::MessageCopied => texts.share.copied.clone(),
        Notice::Saved => texts.record.saved_here.clone(),
        Notice::ReadOnly | Notice::Problem => {
            problem_text(app).unwrap_or_else(|| texts.record.read_only_here.clone())
        }
    };
    let style = if notice.is_problem() { app.theme.problem } else { app.theme.notice };
    Some(wrapped(Text::styled(text, style)))
}

/// The record's path as it may be shown.
fn record_path(app: &App) -> String {
    app.store.as_ref().map(|store| crate::text::path(store.path())).unwrap_or_default()
}

/// The record's problem in plain words: what happened, what was kept, what to do.
fn problem_text(app: &App) -> Option<String> {
    Some(app.texts().problem(&record_path(app), app.problem.as_ref()?))
}

/// Marks every place `link` stands on one row of `area` as an OSC 8 hyperlink: the opening
/// sequence rides on the first cell, the closing one on the last, each forced to width 1 so the
/// diff keeps its columns right.
fn hyperlink(buf: &mut Buffer, area: Rect, link: &str) {
    let chars: Vec<char> = link.chars().collect();
    let (Some(first), Some(last)) = (chars.first(), chars.last()) else { return };
    let length = u16::try_from(chars.len()).unwrap_or(u16::MAX);
    if length < 2 || length > area.width {
        return;
    }
    let one = CellDiffOption::ForcedWidth(NonZeroU16::MIN);
    for y in area.top()..area.bottom() {
        for x in area.left()..=area.right() - length {
            let matches = chars.iter().enumerate().all(|(offset, c)| {
                let cell_x = x + u16::try_from(offset).unwrap_or(u16::MAX);
                buf.cell((cell_x, y)).is_some_and(|cell| cell.symbol().chars().eq([*c]))
            });
            if !matches {
                continue;
            }
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(&format!("\x1b]8;;{link}\x1b\\{first}")).set_diff_option(one);
            }
            if let Some(cell) = buf.cell_mut((x + length - 1, y)) {
                cell.set_symbol(&format!("{last}\x1b]8;;\x1b\\")).set_diff_option(one);
            }
        }
    }
}

/// A fact's text, then its sources in small print, then a blank line.
fn fact_lines(texts: &Texts, theme: &Theme, text: &str, sources: &[String]) -> Vec<Line<'static>> {
    vec![
        Line::from(text.to_owned()),
        Line::styled(texts.sources_line(sources), theme.source),
        Line::default(),
    ]
}

fn styled(text: impl Into<String>, style: Style) -> Line<'static> {
    Line::styled(text.into(), style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Message;
    use crate::content::{Content, Lang};
    use chrono::NaiveDate;

    fn app() -> App {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        App::new(Content::embedded(Lang::Nl).unwrap(), Lang::Nl, today)
    }

    fn render(app: &App, width: u16, height: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        app.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn hyperlinks_wrap_the_link_text_in_osc8() {
        let mut app = app();
        app.screen = Screen::Step { platform: 0, step: 0 };
        app.hyperlinks = true;
        crate::tui::step(&mut app, Message::Resized(80, 24));
        let buf = render(&app, 80, 24);
        let url = "https://help.instagram.com/contact/767264225370182";
        let opening = format!("\x1b]8;;{url}\x1b\\h");
        let start = buf.content().iter().position(|cell| cell.symbol() == opening);
        let start = start.expect("the link's first cell opens an OSC 8 hyperlink");
        let end = &buf.content()[start + url.len() - 1];
        assert_eq!(end.symbol(), "2\x1b]8;;\x1b\\");
        let middle: String =
            buf.content()[start + 1..start + url.len() - 1].iter().map(|c| c.symbol()).collect();
        assert_eq!(middle, &url[1..url.len() - 1]);
    }

    #[test]
    fn without_hyperlinks_no_escape_reaches_the_buffer() {
        let mut app = app();
        app.screen = Screen::Step { platform: 0, step: 0 };
        crate::tui::step(&mut app, Message::Resized(80, 24));
        let buf = render(&app, 80, 24);
        assert!(buf.content().iter().all(|cell| !cell.symbol().contains('\x1b')));
    }

    #[test]
    fn a_small_window_asks_to_be_bigger() {
        let app = app();
        let buf = render(&app, MIN_WIDTH - 1, 10);
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(text.contains("Maak het venster groter"), "{text}");
        let buf = render(&app, MIN_WIDTH, MIN_HEIGHT);
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(!text.contains("Maak het venster groter"));
    }

    #[test]
    fn tiny_windows_draw_without_panicking() {
        let app = app();
        for (width, height) in [(0, 0), (1, 1), (0, 24), (80, 0), (2, 1), (59, 15), (60, 16)] {
            render(&app, width, height);
        }
    }
}

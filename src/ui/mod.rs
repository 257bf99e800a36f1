//! Drawing the wizard. `impl Widget for &App` lays out the frame (header, body, notice,
//! footer) and delegates the body to one small module per screen. Rendering reads the state and
//! never changes it.

mod accounts;
mod confirm;
mod done;
mod editor;
mod footer;
mod header;
mod help;
mod hyperlink;
mod layout;
mod letter;
mod notice;
mod overview;
mod platforms;
mod qr;
mod risks;
mod share;
mod steps;
mod warning;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::Widget;

pub use crate::theme::Theme;

use crate::app::{App, Overlay, Screen};
use crate::content::{Texts, fill};

pub use layout::{fit, max_scroll};

use crate::viewport::{MIN_HEIGHT, MIN_WIDTH};

use hyperlink::hyperlink;
use layout::{areas, body_block, wrapped};
use notice::{notice_paragraph, problem_text};

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

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if crate::viewport::too_small(area.as_size()) {
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
            Some(Overlay::Letter(form)) => letter::render(self, form, area, buf),
            Some(Overlay::Question(unmark)) => confirm::render(self, unmark, area, buf),
            Some(Overlay::Accounts(chosen)) => accounts::render(self, *chosen, area, buf),
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
    // A change that is not saved yet is said here too: q would otherwise drop it unseen.
    let texts = &app.texts().app;
    let template = if app.unsaved() { &texts.too_small_unsaved } else { &texts.too_small };
    let text = fill(template, &[("width", &MIN_WIDTH.to_string()), ("height", &MIN_HEIGHT.to_string())]);
    let paragraph = wrapped(Text::from(text)).alignment(Alignment::Center);
    let lines = u16::try_from(paragraph.line_count(area.width)).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(lines) / 2;
    let area = Rect { y: area.y + top, height: area.height - top, ..area };
    paragraph.render(area, buf);
}

/// A fact's text, then its sources in small print, then a blank line.
fn fact_lines(texts: &Texts, theme: &Theme, text: &str, sources: &[String]) -> Vec<Line<'static>> {
    vec![
        Line::from(text.to_owned()),
        Line::styled(texts.sources_line(sources), theme.source),
        Line::default(),
    ]
}

/// "✓ Facebook (werk): verstuurd op 20 mei 2025": every mark the record holds for a platform,
/// one line each, so that no account hides behind another.
fn marks(app: &App, platform: usize) -> Vec<Line<'static>> {
    let texts = app.texts();
    let entries = app.platform_entries(platform);
    let objections = entries.iter().filter_map(|index| app.record().entries().get(*index)?.objection());
    objections
        .map(|objection| {
            let label = app.entry_label(&objection.platform, objection.account.as_deref());
            let status = texts.objection_status(&app.content.catalogue, objection);
            styled(format!("✓ {label}: {status}"), app.theme.notice)
        })
        .collect()
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
        let text = screen_text(&buf).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Maak het venster groter"), "{text}");
        assert!(text.contains("Stoppen kan met q."), "the one key that works there is said: {text}");
        let buf = render(&app, MIN_WIDTH, MIN_HEIGHT);
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(!text.contains("Maak het venster groter"));
    }

    fn screen_text(buf: &Buffer) -> String {
        let width = usize::from(buf.area.width);
        let symbols: Vec<&str> = buf.content().iter().map(|c| c.symbol()).collect();
        symbols.chunks(width).map(|row| row.concat().trim_end().to_owned()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_steps_and_the_end_screen_show_every_account_of_the_platform() {
        use crate::record::{Objection, Record};
        let mut app = app();
        let day = |d| NaiveDate::from_ymd_opt(2025, 5, d).unwrap();
        let werk =
            Objection { confirmation_on: Some(day(21)), ..Objection::new("facebook", Some("werk"), day(20)) };
        let prive = Objection::new("facebook", Some("prive"), day(22));
        let other = Objection::new("instagram", None, day(20));
        app.set_record(Record::with([werk, other, prive]));
        for screen in [Screen::Done { platform: 1 }, Screen::Step { platform: 1, step: 4 }] {
            app.screen = screen;
            crate::tui::step(&mut app, Message::Resized(100, 40));
            let text = screen_text(&render(&app, 100, 40));
            let werk = "✓ Facebook (werk): verstuurd op 20 mei 2025, bevestiging ontvangen op 21 mei 2025";
            assert!(text.contains(werk), "{text}");
            let prive =
                text.lines().find(|line| line.contains("✓ Facebook (prive): verstuurd op 22 mei 2025"));
            assert!(prive.is_some_and(|line| !line.contains("bevestiging")), "{text}");
            assert!(!text.contains("✓ Instagram"), "only this platform's marks: {text}");
        }
    }

    #[test]
    fn tiny_windows_draw_without_panicking() {
        let app = app();
        for (width, height) in [(0, 0), (1, 1), (0, 24), (80, 0), (2, 1), (59, 15), (60, 16)] {
            render(&app, width, height);
        }
    }
}

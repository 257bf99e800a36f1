//! Screenshots of every screen in every language, drawn from the TestBackend buffer into SVG with
//! colours kept, in `assets/screenshots/`. The test fails when a committed screenshot is out of
//! date; refresh them all with:
//!
//!     BEZWAAR_UPDATE_SCREENSHOTS=1 cargo test --test screenshots

use std::fmt::Write as _;
use std::path::PathBuf;

use bezwaar::app::{App, Message, Screen};
use bezwaar::content::{Content, Lang};
use bezwaar::record::{Objection, Store};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

const CELL_WIDTH: f32 = 8.4;
const CELL_HEIGHT: f32 = 17.0;
const FONT_SIZE: f32 = 14.0;
const BACKGROUND: &str = "#1d1f21";
const FOREGROUND: &str = "#d8dadb";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The xterm palette, as most terminals show it.
fn hex(color: Color, default: &str) -> String {
    let named = match color {
        Color::Reset => return default.to_owned(),
        Color::Black => "#000000",
        Color::Red => "#cc3333",
        Color::Green => "#4e9a06",
        Color::Yellow => "#c4a000",
        Color::Blue => "#3465a4",
        Color::Magenta => "#75507b",
        Color::Cyan => "#06989a",
        Color::Gray => "#d3d7cf",
        Color::DarkGray => "#808080",
        Color::LightRed => "#ef2929",
        Color::LightGreen => "#8ae234",
        Color::LightYellow => "#fce94f",
        Color::LightBlue => "#729fcf",
        Color::LightMagenta => "#ad7fa8",
        Color::LightCyan => "#34e2e2",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(0) => "#000000",
        Color::Indexed(15) => "#ffffff",
        Color::Indexed(_) => default,
    };
    named.to_owned()
}

/// A cell's foreground and background, with reverse video applied.
fn colours(cell: &Cell) -> (String, String) {
    let fg = hex(cell.fg, FOREGROUND);
    let bg = hex(cell.bg, BACKGROUND);
    if cell.modifier.contains(Modifier::REVERSED) { (bg, fg) } else { (fg, bg) }
}

/// The colours of the upper and lower half of a half block, or `None` for any other symbol.
fn half_block<'a>(symbol: &str, fg: &'a str, bg: &'a str) -> Option<(&'a str, &'a str)> {
    match symbol {
        "▀" => Some((fg, bg)),
        "▄" => Some((bg, fg)),
        _ => None,
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The buffer as an SVG picture: background rectangles, then text in runs of one style.
fn svg(buffer: &Buffer) -> String {
    let (width, height) = (buffer.area.width, buffer.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="{FONT_SIZE}">"#,
        f32::from(width) * CELL_WIDTH,
        f32::from(height) * CELL_HEIGHT
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"#);
    for y in 0..height {
        let top = f32::from(y) * CELL_HEIGHT;
        for x in 0..width {
            let cell = &buffer[(x, y)];
            let (fg, bg) = colours(cell);
            let left = f32::from(x) * CELL_WIDTH;
            if let Some((upper, lower)) = half_block(cell.symbol(), &fg, &bg) {
                // Half blocks (the QR code) are drawn as two rectangles, not left to a font.
                let half = CELL_HEIGHT / 2.0;
                let _ = writeln!(
                    out,
                    r#"<rect x="{left:.1}" y="{top:.1}" width="{CELL_WIDTH}" height="{half}" fill="{upper}"/><rect x="{left:.1}" y="{:.1}" width="{CELL_WIDTH}" height="{half}" fill="{lower}"/>"#,
                    top + half
                );
            } else if bg != BACKGROUND {
                let _ = writeln!(
                    out,
                    r#"<rect x="{left:.1}" y="{top:.1}" width="{CELL_WIDTH}" height="{CELL_HEIGHT}" fill="{bg}"/>"#
                );
            }
        }
        let mut x = 0;
        while x < width {
            let start = &buffer[(x, y)];
            let style = (colours(start).0, start.modifier - Modifier::REVERSED);
            let mut text = String::new();
            let from = x;
            while x < width {
                let cell = &buffer[(x, y)];
                if (colours(cell).0, cell.modifier - Modifier::REVERSED) != style
                    || matches!(cell.symbol(), "▀" | "▄")
                {
                    break;
                }
                text.push_str(cell.symbol());
                x += 1;
            }
            if x == from {
                x += 1;
                continue;
            }
            if text.trim().is_empty() {
                continue;
            }
            let (fg, modifier) = style;
            let mut attributes = format!(r#"fill="{fg}""#);
            if modifier.contains(Modifier::BOLD) {
                attributes.push_str(r#" font-weight="bold""#);
            }
            if modifier.contains(Modifier::ITALIC) {
                attributes.push_str(r#" font-style="italic""#);
            }
            if modifier.contains(Modifier::UNDERLINED) {
                attributes.push_str(r#" text-decoration="underline""#);
            }
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" {attributes} xml:space="preserve">{}</text>"#,
                f32::from(from) * CELL_WIDTH,
                f32::from(y) * CELL_HEIGHT + FONT_SIZE - 1.0,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn app(lang: Lang, screen: Screen) -> App {
    let mut app = App::new(Content::embedded(lang).unwrap(), lang, date("2026-11-29"));
    app.screen = screen;
    app.store = Some(Store::new("/home/anna/.local/share/bezwaar/record.json"));
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    app
}

fn marked(mut app: App) -> App {
    let objection = |platform: &str, account: Option<&str>, confirmed: Option<&str>| Objection {
        confirmation_on: confirmed.map(date),
        ..Objection::new(platform, account, date("2026-11-12"))
    };
    app.set_record(bezwaar::record::Record::with([
        objection("instagram", None, Some("2026-11-13")),
        objection("facebook", None, None),
        objection("facebook", Some("vereniging"), None),
    ]));
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    app
}

/// Every screen, by name.
fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut help = app(lang, Screen::Step { platform: 0, step: 1 });
    bezwaar::tui::step(&mut help, Message::ToggleHelp);
    let mut qr = app(lang, Screen::Step { platform: 0, step: 0 });
    bezwaar::tui::step(&mut qr, Message::ToggleQr);
    let mut editor = marked(app(lang, Screen::Overview));
    bezwaar::tui::step(&mut editor, Message::AddAccount);
    let mut share = app(lang, Screen::Done { platform: 0 });
    bezwaar::tui::step(&mut share, Message::ShowShare);
    let mut letter = app(lang, Screen::Done { platform: 0 });
    bezwaar::tui::step(&mut letter, Message::Letter);
    vec![
        ("warning", app(lang, Screen::Warning)),
        ("risks", app(lang, Screen::Risks)),
        ("platforms", marked(app(lang, Screen::Platforms))),
        ("step-1", app(lang, Screen::Step { platform: 0, step: 0 })),
        ("step-2", app(lang, Screen::Step { platform: 0, step: 1 })),
        ("step-3", app(lang, Screen::Step { platform: 0, step: 2 })),
        ("step-4", app(lang, Screen::Step { platform: 0, step: 3 })),
        ("step-5", app(lang, Screen::Step { platform: 0, step: 4 })),
        ("qr", qr),
        ("done", app(lang, Screen::Done { platform: 0 })),
        ("share", share),
        ("letter", letter),
        ("overview", marked(app(lang, Screen::Overview))),
        ("editor", editor),
        ("help", help),
        ("linkedin", app(lang, Screen::Step { platform: 3, step: 0 })),
    ]
}

#[test]
fn committed_screenshots_match_every_screen() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/screenshots");
    let update = std::env::var_os("BEZWAAR_UPDATE_SCREENSHOTS").is_some();
    let mut stale = Vec::new();
    for lang in Lang::ALL {
        let code = lang.code();
        for (name, app) in screens(lang) {
            assert_eq!(
                app.view.limit,
                bezwaar::ui::max_scroll(&app),
                "{name}: the view was not fitted after a message"
            );
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|frame| frame.render_widget(&app, frame.area())).unwrap();
            let picture = svg(terminal.backend().buffer());
            let path = dir.join(format!("{name}-{code}.svg"));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &picture).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(picture.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}\nrefresh with: BEZWAAR_UPDATE_SCREENSHOTS=1 cargo test --test screenshots",
        stale.join(", ")
    );
}

#[test]
fn the_pictures_keep_colour_and_emphasis() {
    let app = app(Lang::En, Screen::Warning);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).unwrap();
    let picture = svg(terminal.backend().buffer());
    assert!(picture.starts_with("<svg") && picture.ends_with("</svg>\n"));
    assert!(picture.contains(r##"fill="#c4a000" font-weight="bold""##), "the yellow bold headline");
    assert!(picture.contains("The deadline was 27 May 2025. That was 551 days ago."));
    assert!(
        picture.contains(r##"<rect x="92.4" y="0.0" width="8.4" height="17" fill="#06989a"/>"##),
        "the current stage"
    );
}

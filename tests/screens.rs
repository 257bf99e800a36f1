//! Every screen at 80x24 in every language, drawn into a TestBackend and compared with the
//! reviewed snapshots in `tests/snapshots/`. To refresh after a deliberate change:
//! `INSTA_UPDATE=always cargo test --test screens`, then read every changed file by eye.

mod common;

use bezwaar::app::{App, Message, Notice, Screen};
use bezwaar::browser::{Failure, OpenError};
use bezwaar::content::{Content, Lang};
use bezwaar::text::OsError;
use bezwaar::ui::Theme;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn app(lang: Lang, today: &str, screen: Screen) -> App {
    let mut app = App::new(Content::embedded(lang).unwrap(), lang, date(today));
    app.screen = screen;
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    app
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    // A test that changed the state without a message must settle it first, as a message does.
    assert_eq!(app.view.limit, bezwaar::ui::max_scroll(app), "the view was not fitted after a message");
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(app, frame.area())).unwrap();
    terminal
}

fn snapshot(name: &str, app: &App) {
    let terminal = draw(app, 80, 24);
    insta::assert_snapshot!(format!("{name}_{}", app.lang.code()), terminal.backend());
}

const TODAY: &str = "2026-11-29";

#[test]
fn warning_after_the_deadline() {
    for lang in Lang::ALL {
        snapshot("warning_passed", &app(lang, TODAY, Screen::Warning));
    }
}

#[test]
fn warning_before_the_deadline() {
    for lang in Lang::ALL {
        snapshot("warning_before", &app(lang, "2025-05-20", Screen::Warning));
    }
}

#[test]
fn warning_before_the_warning_was_given() {
    for lang in Lang::ALL {
        // The AP warned on 24 April 2025 (Dutch, English), the Hamburg authority on 17 April
        // (German): four days before each.
        let since = Content::embedded(lang).unwrap().texts(lang).warning.since;
        let before = (since - chrono::Days::new(4)).to_string();
        let app = app(lang, &before, Screen::Warning);
        snapshot("warning_before_the_warning", &app);
        let texts = app.texts();
        let rows = screen_rows(&app).join("\n");
        // Nothing is said of the warning as given, nor quoted, before it was.
        for given in [&texts.warning.title, &texts.warning.paragraphs[0].text, &texts.warning.quote.by] {
            let start: String = given.chars().take(25).collect();
            assert!(!rows.contains(&start), "{lang:?}: {start:?} in\n{rows}");
        }
        assert!(rows.contains(&texts.warning.before_warning.title), "{lang:?}\n{rows}");
        // From the day of the warning on, it is.
        let on_the_day = self::app(lang, &since.to_string(), Screen::Warning);
        assert!(screen_rows(&on_the_day).join("\n").contains(&texts.warning.title));
    }
}

#[test]
fn warning_on_1_december_2026_says_what_changed_since_and_fits_one_screen() {
    for lang in Lang::ALL {
        let app = app(lang, "2026-12-01", Screen::Warning);
        assert_eq!(app.view.limit, 0, "{lang:?}: the whole warning fits 80x24");
        let rows = screen_rows(&app).join("\n");
        let texts = app.texts();
        let cited = |fact: &bezwaar::content::DatedFact| texts.sources_line(&fact.sources);
        for fact in &texts.warning.after_paragraphs {
            let start: String = fact.text.chars().take(40).collect();
            assert!(rows.contains(&start), "{lang:?}: {start:?} in\n{rows}");
            let source: String = cited(fact).chars().take(40).collect();
            assert!(rows.contains(&source), "{lang:?}: {source:?} in\n{rows}");
        }
        assert!(rows.contains(&texts.sources["dpc-2025-05-21"]), "{lang:?}\n{rows}");
        assert!(rows.contains("553"), "{lang:?}\n{rows}");
        // A fact is said only from the day it became known.
        let june = self::app(lang, "2025-06-01", Screen::Warning);
        let rows = screen_rows(&june).join("\n");
        for fact in &texts.warning.after_paragraphs {
            let start: String = fact.text.chars().take(40).collect();
            let known = fact.from <= date("2025-06-01");
            assert_eq!(rows.contains(&start), known, "{lang:?} on 1 June 2025: {start:?} in\n{rows}");
        }
        assert!(rows.contains(&texts.sources["dpc-2025-05-21"]), "{lang:?}\n{rows}");
        // Before the deadline the warning reads as before.
        let may = self::app(lang, "2025-05-20", Screen::Warning);
        let rows = screen_rows(&may).join("\n");
        assert!(!rows.contains(&texts.sources["dpc-2025-05-21"]), "{lang:?}\n{rows}");
        let first: String = texts.warning.paragraphs[1].text.chars().take(30).collect();
        assert!(rows.contains(&first), "{lang:?}\n{rows}");
    }
}

#[test]
fn warning_on_the_deadline() {
    for lang in Lang::ALL {
        snapshot("warning_today", &app(lang, "2025-05-27", Screen::Warning));
    }
}

#[test]
fn risks_top_and_bottom() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Risks);
        snapshot("risks_top", &app);
        for _ in 0..10 {
            bezwaar::tui::step(&mut app, Message::PageDown);
        }
        snapshot("risks_bottom", &app);
    }
}

#[test]
fn platform_choice() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Platforms);
        snapshot("platforms", &app);
        bezwaar::tui::step(&mut app, Message::SelectNext);
        snapshot("platforms_facebook", &app);
    }
}

#[test]
fn the_five_steps_for_instagram() {
    for lang in Lang::ALL {
        for step in 0..5 {
            snapshot(
                &format!("instagram_step_{}", step + 1),
                &app(lang, TODAY, Screen::Step { platform: 0, step }),
            );
        }
    }
}

#[test]
fn the_first_step_for_facebook() {
    for lang in Lang::ALL {
        snapshot("facebook_step_1", &app(lang, TODAY, Screen::Step { platform: 1, step: 0 }));
    }
}

#[test]
fn a_browser_that_did_not_open() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Step { platform: 0, step: 1 });
        bezwaar::tui::step(&mut app, Message::Opened(Err(OpenError::NoBrowser)));
        assert_eq!(app.notice, Some(Notice::OpenFailed(OpenError::NoBrowser)));
        snapshot("instagram_open_failed", &app);
        // Each command of $BROWSER that failed is named, with what went wrong.
        let failures = vec![
            ("/bin/false".to_owned(), Failure::Exited(1)),
            (
                "lynx -accept_all_cookies".to_owned(),
                Failure::NotStarted(OsError::of(&std::io::Error::from_raw_os_error(2))),
            ),
        ];
        bezwaar::tui::step(&mut app, Message::Opened(Err(OpenError::Commands(failures))));
        snapshot("instagram_browser_failed", &app);
    }
}

#[test]
fn done() {
    for lang in Lang::ALL {
        snapshot("done_instagram", &app(lang, TODAY, Screen::Done { platform: 0 }));
    }
}

#[test]
fn help_overlay() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Step { platform: 0, step: 1 });
        bezwaar::tui::step(&mut app, Message::ToggleHelp);
        snapshot("help_on_a_step", &app);
    }
}

#[test]
fn the_help_points_to_the_plain_guide_first() {
    for lang in Lang::ALL {
        for screen in [Screen::Warning, Screen::Step { platform: 0, step: 1 }, Screen::Overview] {
            let mut app = app(lang, TODAY, screen);
            bezwaar::tui::step(&mut app, Message::ToggleHelp);
            let terminal = draw(&app, 80, 24);
            let row = find_row(terminal.backend().buffer(), "bezwaar guide");
            assert!(row <= 3, "{lang:?} {screen:?}: at the top of the help, row {row}");
        }
    }
}

#[test]
fn window_too_small() {
    for lang in Lang::ALL {
        let app = app(lang, TODAY, Screen::Warning);
        let terminal = draw(&app, 50, 12);
        insta::assert_snapshot!(format!("too_small_{}", lang.code()), terminal.backend());
    }
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect()
}

fn find_row(buffer: &Buffer, text: &str) -> u16 {
    (0..buffer.area.height)
        .find(|y| row_text(buffer, *y).contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen"))
}

/// Whether a row of the frame, drawn at the window's size, shows `text`.
fn on_screen(app: &App, text: &str) -> bool {
    screen_rows(app).iter().any(|row| row.contains(text))
}

fn cell_at<'a>(buffer: &'a Buffer, text: &str) -> &'a ratatui::buffer::Cell {
    let y = find_row(buffer, text);
    let row = row_text(buffer, y);
    let x = row.find(text).unwrap();
    let x = row[..x].chars().count() as u16;
    &buffer[(x, y)]
}

#[test]
fn monochrome_carries_meaning_by_emphasis_alone() {
    let mut app = app(Lang::Nl, TODAY, Screen::Platforms);
    app.theme = Theme::monochrome();
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset)
    );
    let chosen = cell_at(buffer, "› 1  Instagram");
    assert!(chosen.modifier.contains(Modifier::REVERSED), "the highlighted platform is reversed");
    let other = cell_at(buffer, "2  Facebook");
    assert!(!other.modifier.contains(Modifier::REVERSED));

    app.screen = Screen::Warning;
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    let terminal = draw(&app, 80, 24);
    let headline = cell_at(terminal.backend().buffer(), "De deadline was 27 mei 2025");
    assert!(headline.modifier.contains(Modifier::BOLD), "what today means stands out");
}

#[test]
fn the_current_stage_and_step_stand_out_in_colour() {
    let app = app(Lang::En, TODAY, Screen::Step { platform: 0, step: 2 });
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let current = cell_at(buffer, "› 3. Log in to Instagram");
    let other = cell_at(buffer, "  2. Open the link");
    assert_ne!((current.fg, current.bg), (other.fg, other.bg));
    let stage = cell_at(buffer, "4 Steps");
    let done = cell_at(buffer, "5 Done");
    assert_ne!(stage.bg, done.bg, "the header marks the current stage");
    let link = cell_at(buffer, "https://help.instagram.com/contact/767264225370182");
    assert!(link.modifier.contains(Modifier::UNDERLINED), "links look like links");
}

#[test]
fn the_link_is_always_shown_whole_at_80x24() {
    for lang in Lang::ALL {
        for platform in 0..2 {
            for step in 0..5 {
                let app = app(lang, TODAY, Screen::Step { platform, step });
                let terminal = draw(&app, 80, 24);
                let url = app.platforms()[platform].url().unwrap();
                find_row(terminal.backend().buffer(), url);
            }
        }
    }
}

/// What the event loop does with a write, without a file: the changes applied to the record
/// shown, reported back as written.
fn written(app: &mut App, effect: Option<bezwaar::app::Effect>) {
    let Some(bezwaar::app::Effect::Write(changes)) = effect else { panic!("a write: {effect:?}") };
    let mut record = app.record().clone();
    let outcomes = changes.iter().map(|change| record.apply(change)).collect();
    let applied = bezwaar::record::Applied { record, stamp: None, outcomes, set_aside: None };
    bezwaar::tui::step(app, Message::Written(Ok(applied)));
}

/// A full disk, as the system says it.
fn disk_full() -> bezwaar::record::WriteError {
    bezwaar::record::WriteError::Io(bezwaar::text::OsError::of(&std::io::Error::from_raw_os_error(28)))
}

fn with_marks(mut app: App) -> App {
    use bezwaar::record::{Objection, Record};
    let objection =
        |platform: &str, account: Option<&str>, confirmed: Option<&str>, note: Option<&str>| Objection {
            confirmation_on: confirmed.map(date),
            note: note.map(Into::into),
            ..Objection::new(platform, account, date("2025-05-20"))
        };
    app.set_record(Record::with([
        objection("instagram", None, Some("2025-05-21"), None),
        objection("facebook", None, None, None),
        objection("facebook", Some("Vereniging"), None, Some("met het e-mailadres van de club")),
    ]));
    app.store = Some(bezwaar::record::Store::new("/home/anna/.local/share/bezwaar/record.json"));
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    app
}

#[test]
fn platform_choice_with_marks() {
    for lang in Lang::ALL {
        snapshot("platforms_marked", &with_marks(app(lang, TODAY, Screen::Platforms)));
    }
}

#[test]
fn overview() {
    for lang in Lang::ALL {
        snapshot("overview_empty", &app(lang, TODAY, Screen::Overview));
        snapshot("overview_marked", &with_marks(app(lang, TODAY, Screen::Overview)));
    }
}

#[test]
fn marking_and_the_question_before_unmarking() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Step { platform: 0, step: 4 });
        app.store = Some(bezwaar::record::Store::new("/home/anna/.local/share/bezwaar/record.json"));
        let effect = bezwaar::tui::step(&mut app, Message::Mark);
        written(&mut app, effect);
        snapshot("instagram_marked", &app);
        bezwaar::tui::step(&mut app, Message::Mark);
        snapshot("instagram_accounts", &app);
        bezwaar::tui::step(&mut app, Message::Choose(1));
        snapshot("instagram_unmark_question", &app);
        bezwaar::tui::step(&mut app, Message::Confirm(false));
        bezwaar::tui::step(&mut app, Message::Next);
        snapshot("done_marked", &app);
    }
}

#[test]
fn a_failed_save_and_a_set_aside_record() {
    use bezwaar::record::{Problem, Record, SetAside, Store};
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Done { platform: 1 });
        bezwaar::tui::step(&mut app, Message::Mark);
        bezwaar::tui::step(&mut app, Message::Written(Err(disk_full())));
        snapshot("save_failed", &app);

        let problem = Problem::SetAside(SetAside {
            problem: "EOF while parsing an object at line 3 column 0".into(),
            aside: "/home/anna/.local/share/bezwaar/record.json.corrupt-20261129T101112Z".into(),
        });
        let store = Store::new("/home/anna/.local/share/bezwaar/record.json");
        let mut app = self::app(lang, TODAY, Screen::Warning).with_record(
            Some(store),
            Record::default(),
            Some(problem),
        );
        bezwaar::tui::step(&mut app, Message::Resized(80, 24));
        snapshot("record_set_aside", &app);
    }
}

#[test]
fn the_details_form() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for lang in Lang::ALL {
        let mut app = with_marks(app(lang, TODAY, Screen::Overview));
        bezwaar::tui::step(&mut app, Message::SelectNext);
        snapshot("overview_selected", &app);
        bezwaar::tui::step(&mut app, Message::AddAccount);
        for c in "werk".chars() {
            bezwaar::tui::step(
                &mut app,
                Message::EditKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
        snapshot("editor_new_account", &app);
        bezwaar::tui::step(&mut app, Message::Cancel);
        bezwaar::tui::step(&mut app, Message::Edit);
        bezwaar::tui::step(&mut app, Message::NextField);
        bezwaar::tui::step(&mut app, Message::NextField);
        for c in "2025-13-01".chars() {
            bezwaar::tui::step(
                &mut app,
                Message::EditKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
        bezwaar::tui::step(&mut app, Message::SaveEdit);
        snapshot("editor_bad_date", &app);
    }
}

#[test]
fn the_letter_form_and_where_the_letter_went() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Done { platform: 0 });
        bezwaar::tui::step(&mut app, Message::Letter);
        snapshot("letter_form", &app);
        for c in "Anna de Vries".chars() {
            bezwaar::tui::step(
                &mut app,
                Message::EditKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
        bezwaar::tui::step(&mut app, Message::NextField);
        for c in "anna@".chars() {
            bezwaar::tui::step(
                &mut app,
                Message::EditKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
        app.letters_dir = Some("/home/anna/Documenten".into());
        bezwaar::tui::step(&mut app, Message::SaveEdit);
        snapshot("letter_not_an_email", &app);
        let written = bezwaar::letter_form::Written {
            path: "/home/anna/Documenten/bezwaar-brief-instagram-2026-11-29.txt".into(),
            text: String::new(),
            copied: Some(true),
        };
        bezwaar::tui::step(&mut app, Message::LetterSaved(Ok(written)));
        snapshot("letter_written", &app);
    }
}

#[test]
fn an_objection_sent_by_letter_is_said_so_in_the_overview_and_on_its_steps() {
    use bezwaar::record::{BY_LETTER, Objection, Record};
    for (lang, said) in
        [(Lang::Nl, "per brief verstuurd op 20 mei 2025"), (Lang::En, "sent by letter on 20 May 2025")]
    {
        let sent =
            Objection { by: Some(BY_LETTER.into()), ..Objection::new("instagram", None, date("2025-05-20")) };
        for screen in [Screen::Overview, Screen::Step { platform: 0, step: 4 }] {
            let mut app = app(lang, TODAY, screen);
            app.set_record(Record::with([sent.clone()]));
            bezwaar::tui::step(&mut app, Message::Resized(80, 24));
            assert!(on_screen(&app, said), "{lang:?} {screen:?}");
        }
    }
}

/// How a terminal shows the cells: its own colours (for cells that name none, and for every cell
/// when it shows no colours, as under NO_COLOR), and whether it shows the colours cells name.
#[derive(Debug, Clone, Copy)]
struct Shown {
    /// Light text on a dark background, or dark on light.
    dark_background: bool,
    colours: bool,
}

/// Decodes the QR code in the buffer as a terminal `shown` so shows it, light and dark swapped
/// when `inverted`.
fn scan(buffer: &Buffer, shown: Shown, inverted: bool) -> Option<String> {
    use ratatui::style::Color;
    let (own_fg, own_bg) = if shown.dark_background { (255, 0) } else { (0, 255) };
    let brightness = |colour: Color, own: u8| match colour {
        _ if !shown.colours => own,
        Color::Reset => own,
        Color::Black => 0,
        Color::White => 255,
        // The other colours are only in the text around the code.
        _ => 128,
    };
    let (cols, rows) = (usize::from(buffer.area.width), usize::from(buffer.area.height));
    common::scan_qr(cols, rows, inverted, |col, row| {
        let cell = &buffer[(col as u16, row as u16)];
        common::Seen {
            symbol: cell.symbol().to_owned(),
            fg: brightness(cell.fg, own_fg),
            bg: brightness(cell.bg, own_bg),
            reversed: cell.modifier.contains(Modifier::REVERSED),
        }
    })
}

fn decode_qr(buffer: &Buffer) -> String {
    scan(buffer, Shown { dark_background: true, colours: true }, false).expect("the code decodes")
}

#[test]
fn the_qr_code_scans_back_to_the_exact_form_link() {
    let every = Content::embedded(Lang::Nl)
        .unwrap()
        .platforms()
        .iter()
        .map(|p| p.url().map(str::to_owned))
        .collect::<Vec<_>>();
    assert_eq!(every[0].as_deref(), Some("https://help.instagram.com/contact/767264225370182"));
    assert_eq!(every[1].as_deref(), Some("https://www.facebook.com/help/contact/712876720715583"));
    for (platform, url) in every.iter().enumerate() {
        for lang in Lang::ALL {
            let mut app = app(lang, TODAY, Screen::Step { platform, step: 0 });
            bezwaar::tui::step(&mut app, Message::ToggleQr);
            // A note has no link: nothing to scan, and no code opens.
            let Some(url) = url else {
                assert!(!app.qr_open());
                continue;
            };
            assert!(app.qr_open());
            let terminal = draw(&app, 80, 24);
            assert_eq!(&decode_qr(terminal.backend().buffer()), url);
        }
    }
}

/// Colour is not what makes the code: in colour it is white on black whatever the terminal's
/// own colours; in monochrome (NO_COLOR: no colour reaches the terminal) it is drawn in the
/// terminal's own two colours, so that a light-on-dark terminal, the usual one and the one an
/// admin over SSH most likely has, shows it dark on light. A dark-on-light terminal shows it
/// light on dark, which the QR standard allows (reflectance reversal) and many phones read.
#[test]
fn the_qr_code_scans_with_and_without_colours_on_dark_and_light_terminals() {
    let url = "https://help.instagram.com/contact/767264225370182";
    for (name, theme, colours) in
        [("colour", Theme::colour(), true), ("monochrome", Theme::monochrome(), false)]
    {
        let mut app = app(Lang::Nl, TODAY, Screen::Step { platform: 0, step: 0 });
        app.theme = theme;
        bezwaar::tui::step(&mut app, Message::ToggleQr);
        let terminal = draw(&app, 80, 24);
        let buffer = terminal.backend().buffer();
        let dark = Shown { dark_background: true, colours };
        let light = Shown { dark_background: false, colours };
        assert_eq!(scan(buffer, dark, false).as_deref(), Some(url), "{name} on a dark terminal");
        if colours {
            assert_eq!(scan(buffer, light, false).as_deref(), Some(url), "in colour on a light terminal");
        } else {
            assert_eq!(scan(buffer, light, false), None, "monochrome on a light terminal is light on dark");
            assert_eq!(scan(buffer, light, true).as_deref(), Some(url), "and reads as such");
        }
    }
}

#[test]
fn the_qr_code_screen_and_a_window_too_small_for_it() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Step { platform: 0, step: 0 });
        bezwaar::tui::step(&mut app, Message::ToggleQr);
        snapshot("qr_instagram", &app);
        let terminal = draw(&app, 70, 20);
        insta::assert_snapshot!(format!("qr_too_small_{}", lang.code()), terminal.backend());
        // At the narrowest window that shows the code, its title is there whole, and the code
        // still scans.
        bezwaar::tui::step(&mut app, Message::Resized(60, 24));
        let rows = screen_rows(&app).join(" ");
        let words: String = rows.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(&app.texts().qr.title), "{lang:?}: the whole title in\n{rows}");
        let url = app.current_platform().unwrap().url().unwrap().to_owned();
        assert_eq!(decode_qr(draw(&app, 60, 24).backend().buffer()), url, "{lang:?}");
        // The window a window too small asks for shows the code, from narrow or wide.
        for (width, height) in [(60, 20), (70, 20), (100, 18)] {
            bezwaar::tui::step(&mut app, Message::Resized(width, height));
            let said = screen_rows(&app).join(" ");
            let (before, after) = said.split_once(" × ").expect("the size it needs");
            let number = |digits: &str| digits.parse::<u16>().expect("a number");
            let asked_width = number(before.rsplit(|c: char| !c.is_ascii_digit()).next().unwrap_or_default());
            let asked_height = number(after.split(|c: char| !c.is_ascii_digit()).next().unwrap_or_default());
            bezwaar::tui::step(&mut app, Message::Resized(asked_width, asked_height));
            let shown = draw(&app, asked_width, asked_height);
            assert_eq!(
                decode_qr(shown.backend().buffer()),
                url,
                "{lang:?}: asked {asked_width}x{asked_height} at {width}x{height}"
            );
        }
    }
}

#[test]
fn entries_beyond_meta() {
    for lang in Lang::ALL {
        let linkedin = app(lang, TODAY, Screen::Step { platform: 3, step: 0 });
        assert_eq!(linkedin.platforms()[3].id, "linkedin");
        snapshot("linkedin_step_1", &linkedin);
        snapshot("meta_third_party_step_1", &app(lang, TODAY, Screen::Step { platform: 2, step: 0 }));
        snapshot("done_linkedin", &app(lang, TODAY, Screen::Done { platform: 3 }));
        for (id, step) in
            [("chatgpt", 0), ("chatgpt", 3), ("claude", 0), ("claude", 3), ("whatsapp", 0), ("whatsapp", 4)]
        {
            let platform = linkedin.platforms().iter().position(|p| p.id == id).unwrap();
            snapshot(&format!("{id}_step_{}", step + 1), &app(lang, TODAY, Screen::Step { platform, step }));
        }
        let whatsapp = linkedin.platforms().iter().position(|p| p.id == "whatsapp").unwrap();
        snapshot("done_whatsapp", &app(lang, TODAY, Screen::Done { platform: whatsapp }));
    }
}

#[test]
fn a_note_held_by_a_record_from_elsewhere_is_said_to_be_marked_not_sent() {
    use bezwaar::record::{Objection, Record};
    for (lang, label, status) in [
        (Lang::Nl, "Gemarkeerd op (JJJJ-MM-DD)", "gemarkeerd op 1"),
        (Lang::En, "Marked on (YYYY-MM-DD)", "marked on 1"),
    ] {
        let mut app = app(lang, TODAY, Screen::Overview);
        app.set_record(Record::with([Objection::new("whatsapp", None, date("2026-11-01"))]));
        bezwaar::tui::step(&mut app, Message::Resized(80, 24));
        let terminal = draw(&app, 80, 24);
        find_row(terminal.backend().buffer(), status);
        bezwaar::tui::step(&mut app, Message::Edit);
        let terminal = draw(&app, 80, 24);
        find_row(terminal.backend().buffer(), label);
        let text: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
        for wrong in ["Formulier", "Form sent", "Uitgezet", "Switched off", "versturen", "you sent"] {
            assert!(!text.contains(wrong), "{lang:?}: {wrong:?} in {text}");
        }
    }
}

#[test]
fn the_message_for_family_and_friends() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Done { platform: 0 });
        bezwaar::tui::step(&mut app, Message::ShowShare);
        assert_eq!(app.screen, Screen::Share);
        let Some(bezwaar::app::Effect::CopyText(message)) =
            bezwaar::tui::step(&mut app, Message::CopyMessage)
        else {
            panic!("c copies the message");
        };
        assert!(message.contains("https://help.instagram.com/contact/767264225370182"));
        assert!(message.contains("https://www.facebook.com/help/contact/712876720715583"));
        bezwaar::tui::step(&mut app, Message::Copied(Ok(())));
        snapshot("share", &app);
        bezwaar::tui::step(&mut app, Message::Back);
        assert_eq!(app.screen, Screen::Done { platform: 0 }, "back where it was asked for");
    }
}

#[test]
fn a_setting_switched_off_waits_for_no_confirmation() {
    use bezwaar::record::{Objection, Record};
    let mut app = app(Lang::En, TODAY, Screen::Overview);
    app.set_record(Record::with([Objection::new("linkedin", None, date("2026-11-01"))]));
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    find_row(buffer, "switched off on 1 November 2026");
    let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(!text.contains("Confirmation from Meta") && !text.contains("No confirmation yet"), "{text}");
}

#[test]
fn a_setting_s_details_and_its_removal_speak_of_switching_off() {
    use bezwaar::record::{Objection, Record};
    let said = [
        (
            Lang::Nl,
            ["Uitgezet op (JJJJ-MM-DD)", "Bevestiging ontvangen op, als je die kreeg"],
            "uitgezet op 1",
        ),
        (
            Lang::En,
            ["Switched off on (YYYY-MM-DD)", "Confirmation received on, if you got one"],
            "switched off on 1",
        ),
    ];
    for (lang, labels, status) in said {
        let mut app = app(lang, TODAY, Screen::Overview);
        app.set_record(Record::with([Objection::new("linkedin", None, date("2026-11-01"))]));
        bezwaar::tui::step(&mut app, Message::Resized(80, 24));
        bezwaar::tui::step(&mut app, Message::Edit);
        let terminal = draw(&app, 80, 24);
        let text: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
        for label in labels {
            find_row(terminal.backend().buffer(), label);
        }
        for form in ["Formulier", "Form sent", "Meta", "versturen", "you sent"] {
            assert!(!text.contains(form), "{lang:?}: {form:?} in {text}");
        }
        bezwaar::tui::step(&mut app, Message::Cancel);
        bezwaar::tui::step(&mut app, Message::Remove);
        let terminal = draw(&app, 80, 24);
        find_row(terminal.backend().buffer(), status);
        let text: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
        assert!(!text.contains("verstuurd") && !text.contains("submitted"), "{lang:?}: {text}");
    }
}

#[test]
fn a_platform_with_many_accounts_points_to_the_overview() {
    use bezwaar::record::{Objection, Record};
    let mut app = app(Lang::Nl, TODAY, Screen::Platforms);
    app.set_record(Record::with(
        (0..1000)
            .map(|number| Objection::new("facebook", Some(&format!("account {number}")), date("2025-05-20"))),
    ));
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    find_row(buffer, "✓ account 2: verstuurd op 20 mei 2025");
    find_row(buffer, "en nog 997 andere accounts. Druk op p voor het overzicht.");
    find_row(buffer, "3  Meta – info van derden");
    // One more than shown is one account, not "1 andere accounts".
    app.set_record(Record::with(
        (0..4)
            .map(|number| Objection::new("facebook", Some(&format!("account {number}")), date("2025-05-20"))),
    ));
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    let terminal = draw(&app, 80, 24);
    find_row(terminal.backend().buffer(), "en nog 1 ander account. Druk op p voor het overzicht.");
}

#[test]
fn a_frame_of_another_size_than_the_window_counts_its_own_scrolling() {
    // The state keeps the scrolling limit for the window's size; a frame of another size must
    // not borrow it. At 80x24 the Dutch warning fits; at 60x16 it does not.
    let app = app(Lang::Nl, TODAY, Screen::Warning);
    assert_eq!(app.view.limit, 0, "the warning fits at 80x24");
    let small = draw(&app, 60, 16);
    find_row(small.backend().buffer(), "↓ meer");
    let large = draw(&app, 80, 24);
    let text: String = large.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(!text.contains("↓ meer"), "{text}");
}

#[test]
fn the_highlighted_platform_stays_in_view_in_a_small_window() {
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Platforms);
        bezwaar::tui::step(&mut app, Message::Resized(60, 16));
        let check = |app: &App| {
            let terminal = draw(app, 60, 16);
            let buffer = terminal.backend().buffer();
            let row = find_row(buffer, &format!("› {}  ", app.selected + 1));
            // Its name, its summary beneath it at this width, and its status, above the frame's
            // edge; a note, never marked, has no status.
            let below = if app.platforms()[app.selected].kind.can_be_marked() { 2 } else { 1 };
            let bottom = find_row(buffer, "└");
            assert!(row + below < bottom, "{lang:?} platform {} cut off at row {row}", app.selected + 1);
            for line in row + 1..=row + below {
                assert!(row_text(buffer, line).starts_with("│       "), "{}", row_text(buffer, line));
            }
        };
        let count = app.platforms().len();
        for _ in 1..count {
            bezwaar::tui::step(&mut app, Message::SelectNext);
            check(&app);
        }
        assert!(app.view.scroll > 0, "the list scrolled to reach the last platform");
        for _ in 1..count {
            bezwaar::tui::step(&mut app, Message::SelectPrevious);
            check(&app);
        }
        assert_eq!(app.view.scroll, 0, "back at the first platform, the text above the list shows again");
    }
}

#[test]
fn the_highlighted_platform_comes_back_into_view_after_anything_else() {
    use bezwaar::record::{Record, Store};
    let visible = |app: &App, what: &str| {
        let marker = format!("› {}  ", app.selected + 1);
        assert!(on_screen(app, &marker), "{marker:?} {what}");
    };
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Platforms);
        app.store = Some(Store::new("/home/anna/.local/share/bezwaar/record.json"));
        bezwaar::tui::step(&mut app, Message::Resized(60, 16));
        for _ in 1..app.platforms().len() {
            bezwaar::tui::step(&mut app, Message::SelectNext);
        }
        bezwaar::tui::step(&mut app, Message::ToggleHelp);
        bezwaar::tui::step(&mut app, Message::CloseHelp);
        visible(&app, "after the help");
        bezwaar::tui::step(&mut app, Message::NextLanguage);
        visible(&app, "in the other language");
        bezwaar::tui::step(&mut app, Message::Resized(61, 16));
        visible(&app, "after a resize");
        bezwaar::tui::step(&mut app, Message::Written(Err(disk_full())));
        assert!(app.notice.is_some());
        visible(&app, "with a notice taking room");
        // Scrolling on purpose is left alone.
        for _ in 0..20 {
            bezwaar::tui::step(&mut app, Message::PageUp);
        }
        assert_eq!(app.view.scroll, 0, "{lang:?}");
    }
    // Arriving at the list keeps a problem with the record, above the first platform, in view.
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Risks).with_record(
            None,
            Record::default(),
            Some(bezwaar::record::Problem::Unreadable(bezwaar::record::LoadError::Unreadable(
                bezwaar::text::OsError::of(&std::io::Error::from_raw_os_error(13)),
            ))),
        );
        bezwaar::tui::step(&mut app, Message::Resized(60, 16));
        bezwaar::tui::step(&mut app, Message::Next);
        assert_eq!(app.screen, Screen::Platforms);
        assert_eq!(app.view.scroll, 0, "{lang:?}: the problem stays in view");
        visible(&app, "on arrival");
    }
}

#[test]
fn the_selected_overview_entry_stays_in_view_after_a_resize_or_the_help() {
    let mut app = overview_of(Lang::En, "facebook", 12, (80, 24));
    for _ in 0..5 {
        bezwaar::tui::step(&mut app, Message::SelectNext);
    }
    let visible =
        |app: &App, what: &str| assert!(on_screen(app, "› Facebook (acct6)"), "the selected entry {what}");
    visible(&app, "at 80x24");
    bezwaar::tui::step(&mut app, Message::Resized(60, 16));
    visible(&app, "after shrinking the window");
    bezwaar::tui::step(&mut app, Message::ToggleHelp);
    bezwaar::tui::step(&mut app, Message::CloseHelp);
    visible(&app, "after the help");
}

#[test]
fn a_read_only_record_offers_only_what_works_there() {
    use bezwaar::record::{Problem, Record, Store};
    for lang in Lang::ALL {
        for screen in [Screen::Done { platform: 0 }, Screen::Overview] {
            let store = Store::new("/home/anna/.local/share/bezwaar/record.json");
            let mut app = self::app(lang, TODAY, screen).with_record(
                Some(store),
                Record::default(),
                Some(Problem::FutureVersion(3)),
            );
            bezwaar::tui::step(&mut app, Message::Resized(80, 24));
            let terminal = draw(&app, 80, 24);
            let buffer = terminal.backend().buffer();
            let text: Vec<String> = (0..buffer.area.height).map(|y| row_text(buffer, y)).collect();
            let text = text.join("\n");
            let texts = app.texts();
            for promise in [&texts.done.mark_hint, &texts.overview.empty] {
                let start: String = promise.chars().take(30).collect();
                assert!(!text.contains(&start), "{lang:?} {screen:?}: {start:?} in\n{text}");
            }
            assert!(
                !text.contains(&format!("m {}", texts.keys.mark)),
                "{lang:?} {screen:?}: no m in the footer\n{text}"
            );
        }
        // A record with a mark, that turned read-only: nothing offers to add or remove.
        let mut app = self::app(lang, TODAY, Screen::Done { platform: 0 });
        app.set_record(Record::with([bezwaar::record::Objection::new(
            "instagram",
            None,
            date("2025-05-20"),
        )]));
        let read_only = Err(bezwaar::record::LoadError::FutureVersion(3));
        bezwaar::tui::step(&mut app, Message::Reloaded(None, read_only));
        let keys = bezwaar::keys::bindings(&app);
        assert!(keys.iter().all(|b| b.action != bezwaar::keys::Action::Accounts), "{lang:?}: no m here");
        let text = screen_rows(&app).join("\n");
        assert!(text.contains("✓ Instagram"), "{lang:?}: the mark still shows\n{text}");
        assert!(!text.contains(&format!("m {}", app.texts().keys.accounts)), "{lang:?}\n{text}");
    }
}

/// The overview of a record with `count` accounts on one platform ("acct1" on), in a window of
/// this size.
fn overview_of(lang: Lang, platform: &str, count: usize, (width, height): (u16, u16)) -> App {
    use bezwaar::record::{Objection, Record};
    let mut app = app(lang, TODAY, Screen::Overview);
    let account = |number: usize| format!("acct{number}");
    app.set_record(Record::with(
        (1..=count).map(|number| Objection::new(platform, Some(&account(number)), date("2025-05-20"))),
    ));
    bezwaar::tui::step(&mut app, Message::Resized(width, height));
    app
}

/// Every row of the drawn screen, as text.
fn screen_rows(app: &App) -> Vec<String> {
    let terminal = draw(app, app.view.size.width, app.view.size.height);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height).map(|y| row_text(buffer, y)).collect()
}

#[test]
fn at_60x16_the_focused_field_of_the_form_shows() {
    use bezwaar::record::{Objection, Record};
    use crossterm::event::{KeyCode, KeyEvent};
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Overview);
        app.set_record(Record::with([Objection::new("facebook", None, date("2025-05-20"))]));
        bezwaar::tui::step(&mut app, Message::Resized(60, 16));
        bezwaar::tui::step(&mut app, Message::Edit);
        for _ in 0..3 {
            bezwaar::tui::step(&mut app, Message::NextField);
        }
        for c in "mijn notitie".chars() {
            bezwaar::tui::step(&mut app, Message::EditKey(KeyEvent::from(KeyCode::Char(c))));
        }
        let rows = screen_rows(&app).join("\n");
        let label = &app.texts().editor.note;
        assert!(rows.contains(&format!("› {label}")), "{lang:?}: the focused label shows\n{rows}");
        assert!(rows.contains("mijn notitie"), "{lang:?}: what is typed shows\n{rows}");
        assert!(rows.contains(&app.texts().editor.optional[..20]), "{lang:?}: the reminder stays\n{rows}");
    }
}

#[test]
fn page_keys_in_the_overview_move_the_selection_with_the_view() {
    let mut app = overview_of(Lang::Nl, "linkedin", 30, (60, 16));
    let selected = |app: &App| screen_rows(app).into_iter().find(|row| row.contains("› LinkedIn"));
    bezwaar::tui::step(&mut app, Message::PageDown);
    assert!(app.entry > 1, "a page moves the selection by more than one entry: {}", app.entry);
    assert_eq!(
        selected(&app).as_deref().map(|row| row.contains(&format!("(acct{})", app.entry + 1))),
        Some(true)
    );
    let after_one = app.entry;
    bezwaar::tui::step(&mut app, Message::PageDown);
    assert_eq!(app.entry, after_one * 2, "pages are the same size");
    assert!(selected(&app).is_some(), "the view went with the selection");
    bezwaar::tui::step(&mut app, Message::PageUp);
    assert_eq!(app.entry, after_one);
    assert!(selected(&app).is_some());
    bezwaar::tui::step(&mut app, Message::End);
    assert_eq!(app.entry, 29);
    assert!(selected(&app).is_some_and(|row| row.contains("(acct30)")));
    bezwaar::tui::step(&mut app, Message::Home);
    assert_eq!((app.entry, app.view.scroll), (0, 0));
    for _ in 0..20 {
        bezwaar::tui::step(&mut app, Message::PageDown);
    }
    assert_eq!(app.entry, 29, "the selection stops at the last entry");
}

#[test]
fn home_and_end_scroll_long_text_and_choose_on_the_platform_list() {
    let mut app = app(Lang::En, TODAY, Screen::Risks);
    bezwaar::tui::step(&mut app, Message::Resized(60, 16));
    assert!(app.view.limit > 0, "the risks do not fit in 60x16");
    bezwaar::tui::step(&mut app, Message::End);
    assert_eq!(app.view.scroll, app.view.limit);
    bezwaar::tui::step(&mut app, Message::Home);
    assert_eq!(app.view.scroll, 0);
    let keys = bezwaar::keys::bindings(&app);
    assert!(keys.iter().any(|b| b.action == bezwaar::keys::Action::Ends), "the help lists Home and End");

    let mut app = self::app(Lang::En, TODAY, Screen::Platforms);
    bezwaar::tui::step(&mut app, Message::End);
    assert_eq!(app.selected, app.platforms().len() - 1);
    bezwaar::tui::step(&mut app, Message::Home);
    assert_eq!(app.selected, 0);
}

#[test]
fn the_overview_keeps_indents_and_says_what_to_do_about_a_late_confirmation_once() {
    use bezwaar::record::{Objection, Record};
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Overview);
        let note = "een notitie die zo lang is dat hij in een smal venster over meer regels loopt";
        let late = |account: &str| Objection {
            note: Some(note.into()),
            ..Objection::new("facebook", Some(account), date("2025-05-20"))
        };
        app.set_record(Record::with([late("werk"), late("prive"), late("club")]));
        bezwaar::tui::step(&mut app, Message::Resized(60, 40));
        let rows = screen_rows(&app);
        let texts = app.texts();
        let advice = &texts.followup.advice[0];
        assert_eq!(
            rows.iter().filter(|row| row.contains(advice.as_str())).count(),
            1,
            "{lang:?}\n{}",
            rows.join("\n")
        );
        let waiting = texts.followup.waiting.split('{').next().unwrap();
        assert_eq!(rows.iter().filter(|row| row.contains(waiting)).count(), 3, "each late entry says it");
        // Inside the frame, every line under an entry's title starts under its text.
        let inner: Vec<&str> =
            rows.iter().map(|row| row.trim_start_matches('│').trim_end_matches('│')).collect();
        let start = inner.iter().position(|row| row.contains("Facebook (werk)")).unwrap();
        let end = inner.iter().position(|row| row.contains("Facebook (prive)")).unwrap();
        for row in &inner[start + 1..end] {
            assert!(row.starts_with("     ") || row.trim().is_empty(), "{lang:?}: {row:?} lost its indent");
        }
        assert!(end - start > 5, "the note wrapped over several lines");
    }
}

#[test]
fn a_window_too_small_says_a_change_is_not_saved_and_takes_no_typing() {
    use crossterm::event::{KeyCode, KeyEvent};
    for lang in Lang::ALL {
        let mut app = app(lang, TODAY, Screen::Done { platform: 0 });
        bezwaar::tui::step(&mut app, Message::Mark);
        bezwaar::tui::step(&mut app, Message::Written(Err(disk_full())));
        bezwaar::tui::step(&mut app, Message::Resized(40, 10));
        let rows = screen_rows(&app).join(" ");
        let said = rows.split_whitespace().collect::<Vec<_>>().join(" ");
        let unsaved = &app.texts().app.too_small_unsaved;
        let start: String = unsaved.split(". ").nth(1).unwrap().to_owned();
        assert!(said.contains(&start), "{lang:?}: {said}");
    }
    // The form open, the window too small: keys are not typed into what cannot be seen.
    let mut app = overview_of(Lang::Nl, "facebook", 1, (80, 24));
    bezwaar::tui::step(&mut app, Message::AddAccount);
    assert!(app.editor().is_some());
    bezwaar::tui::step(&mut app, Message::Resized(40, 10));
    assert_eq!(bezwaar::keys::message_for(KeyEvent::from(KeyCode::Char('x')), &app), None);
    assert_eq!(bezwaar::keys::message_for(KeyEvent::from(KeyCode::Char('q')), &app), Some(Message::Quit));
    assert!(!app.typing(), "nor is a paste");
}

#[test]
fn a_long_choice_of_accounts_keeps_the_highlighted_one_in_view() {
    let mut app = overview_of(Lang::Nl, "facebook", 14, (60, 16));
    bezwaar::tui::step(&mut app, Message::Back);
    app.screen = Screen::Done { platform: 1 };
    bezwaar::tui::step(&mut app, Message::Resized(60, 16));
    bezwaar::tui::step(&mut app, Message::Mark);
    for _ in 0..12 {
        bezwaar::tui::step(&mut app, Message::SelectNext);
    }
    assert_eq!(app.accounts_choice(), Some(12));
    let rows = screen_rows(&app).join("\n");
    assert!(rows.contains("› 13. Markering weghalen: Facebook (acct12)"), "{rows}");
}

#[test]
fn the_advice_for_a_late_confirmation_stands_under_the_selected_entry_and_in_the_help() {
    use bezwaar::record::{Objection, Record};
    let mut app = app(Lang::En, TODAY, Screen::Overview);
    let late = |account: &str| Objection::new("facebook", Some(account), date("2025-05-20"));
    app.set_record(Record::with([late("one"), late("two"), late("three")]));
    bezwaar::tui::step(&mut app, Message::Resized(80, 40));
    let advice = app.texts().followup.advice[0].clone();
    let under = |app: &App| {
        let rows = screen_rows(app);
        let at = rows.iter().position(|row| row.contains(&advice)).expect("the advice shows");
        let above = rows[..at].iter().rposition(|row| row.contains("Facebook (")).unwrap();
        (rows.iter().filter(|row| row.contains(&advice)).count(), rows[above].clone())
    };
    let (count, entry) = under(&app);
    assert_eq!(count, 1);
    assert!(entry.contains("› Facebook (one)"), "{entry}");
    bezwaar::tui::step(&mut app, Message::End);
    let (count, entry) = under(&app);
    assert_eq!(count, 1);
    assert!(entry.contains("› Facebook (three)"), "it follows the selection: {entry}");
    // Where the window is too small for it under an entry, the help has it, and scrolls.
    bezwaar::tui::step(&mut app, Message::Resized(60, 16));
    bezwaar::tui::step(&mut app, Message::ToggleHelp);
    for _ in 0..40 {
        if on_screen(&app, &advice) {
            break;
        }
        bezwaar::tui::step(&mut app, Message::ScrollDown);
    }
    assert!(on_screen(&app, &advice), "the help holds the advice");
}

#[test]
fn a_record_of_a_newer_version_is_not_said_to_hold_nothing() {
    use bezwaar::record::{Problem, Record};
    let store = bezwaar::record::Store::new("/home/anna/.local/share/bezwaar/record.json");
    let mut app = app(Lang::Nl, TODAY, Screen::Overview).with_record(
        Some(store),
        Record::default(),
        Some(Problem::FutureVersion(99)),
    );
    bezwaar::tui::step(&mut app, Message::Resized(80, 24));
    let rows = screen_rows(&app).join("\n");
    assert!(!rows.contains(&app.texts().record.not_yet), "{rows}");
    assert!(rows.contains("versie 99"), "{rows}");
}

#[test]
fn another_account_where_the_unnamed_one_is_marked_asks_for_a_name_at_once() {
    use bezwaar::record::{Objection, Record};
    let mut app = app(Lang::Nl, TODAY, Screen::Overview);
    app.set_record(Record::with([Objection::new("facebook", None, date("2025-05-20"))]));
    bezwaar::tui::step(&mut app, Message::AddAccount);
    let rows = screen_rows(&app).join("\n");
    let needed: String = app.texts().editor.account_needed.chars().take(30).collect();
    assert!(rows.contains(&needed), "{rows}");
    assert!(!rows.contains("Alleen de datum"), "no promise that only the date is needed: {rows}");
}

#[test]
fn in_every_window_every_screen_says_how_to_quit_where_the_help_is_and_the_next_language() {
    // German labels are long: a footer that does not fit leaves out what is least needed,
    // never q, ? or t (the next language in its own words, for a person who cannot read
    // this one). Swept over every screen, with and without marks, after a failed save, from
    // the narrowest window up.
    for lang in Lang::ALL {
        let platforms = Content::embedded(lang).unwrap().platforms().len();
        let mut screens = vec![Screen::Warning, Screen::Risks, Screen::Platforms, Screen::Overview];
        for platform in 0..platforms {
            screens.extend((0..5).map(|step| Screen::Step { platform, step }));
            screens.push(Screen::Done { platform });
        }
        for state in ["plain", "marked", "save failed"] {
            for screen in &screens {
                let mut app = app(lang, TODAY, *screen);
                match state {
                    "marked" => app = with_marks(app),
                    "save failed" => {
                        bezwaar::tui::step(&mut app, Message::Mark);
                        bezwaar::tui::step(&mut app, Message::Written(Err(disk_full())));
                        // Only where m marks: elsewhere nothing waits to be saved again.
                        if !app.unsaved() {
                            continue;
                        }
                    }
                    _ => {}
                }
                for width in (60..=70).chain([80]) {
                    bezwaar::tui::step(&mut app, Message::Resized(width, 16));
                    let rows = screen_rows(&app);
                    let footer = rows[rows.len() - 3..].join("\n");
                    let keys = &app.texts().keys;
                    let always = [
                        format!("q {}", keys.quit),
                        format!("? {}", keys.help),
                        format!("t {}", keys.language),
                    ];
                    for said in always {
                        assert!(
                            footer.contains(&said),
                            "{lang:?} {screen:?} {state} at {width}x16: {said:?} in\n{footer}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_letter_is_late_after_a_month_and_gets_advice_for_a_letter() {
    use bezwaar::record::{BY_LETTER, Objection, Record};
    for lang in Lang::ALL {
        let letter = |sent: &str| Objection {
            by: Some(BY_LETTER.into()),
            ..Objection::new("instagram", None, date(sent))
        };
        let mut app = app(lang, TODAY, Screen::Overview);
        // Sent 20 days before 29 November 2026: Meta still has time to answer.
        app.set_record(Record::with([letter("2026-11-09")]));
        bezwaar::tui::step(&mut app, Message::Resized(80, 40));
        let followup = &app.texts().followup;
        let rows = screen_rows(&app).join("\n");
        let waiting: String = followup.waiting.chars().take(15).collect();
        assert!(!rows.contains(&waiting), "{lang:?}: not late after 20 days:\n{rows}");
        assert!(rows.contains(&app.texts().overview.no_confirmation), "{lang:?}:\n{rows}");
        // Sent 40 days before: late, with what to do about a letter, not about a form.
        app.set_record(Record::with([letter("2026-10-20")]));
        bezwaar::tui::step(&mut app, Message::Resized(80, 40));
        let followup = &app.texts().followup;
        let rows: Vec<String> =
            screen_rows(&app).iter().map(|row| row.trim_matches(['│', ' ']).to_owned()).collect();
        let rows = rows.join(" ");
        let words = rows.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(&bezwaar::content::fill(&followup.waiting, &[("days", "40")])),
            "{lang:?}:\n{rows}"
        );
        assert!(
            words.contains(&followup.heading_letter) && words.contains(&followup.advice_letter[0]),
            "{lang:?}: {words}"
        );
        assert!(words.contains(&app.texts().sources_line(&followup.sources_letter)), "{lang:?}: {words}");
        assert!(
            !words.contains(&followup.advice[1]),
            "{lang:?}: no advice to send the form again as if sent"
        );
        // The help holds both, since the record holds a letter.
        let (form, letter) = (followup.heading.clone(), followup.heading_letter.clone());
        bezwaar::tui::step(&mut app, Message::ToggleHelp);
        let (mut saw_form, mut saw_letter) = (false, false);
        for _ in 0..40 {
            saw_form |= on_screen(&app, &form);
            saw_letter |= on_screen(&app, &letter);
            bezwaar::tui::step(&mut app, Message::ScrollDown);
        }
        assert!(saw_form && saw_letter, "{lang:?}: the help holds what to do about both");
    }
}

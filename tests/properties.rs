//! Random key sequences and window sizes never panic and keep the state in bounds.

use bezwaar::app::{App, Effect, Message, Screen};
use bezwaar::content::{Content, Lang, STEPS_PER_PLATFORM};
use bezwaar::keys::{Action, bindings, message_for};
use bezwaar::record::{Record, Store, WriteError};
use bezwaar::text::OsError;
use bezwaar::ui;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Resize(u16, u16),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Delete),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::F(1)),
        // Every printable ASCII key, digits and the wizard's letters among them.
        (0x20u8..0x7f).prop_map(|byte| KeyCode::Char(char::from(byte))),
        any::<char>().prop_map(KeyCode::Char),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        6 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
        // Ctrl-C quits; keep it rare so that sequences get somewhere first.
        1 => Just(KeyModifiers::CONTROL),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        8 => (key_code(), modifiers()).prop_map(|(code, modifiers)| Input::Key(code, modifiers)),
        1 => (0u16..=300, 0u16..=100).prop_map(|(width, height)| Input::Resize(width, height)),
    ]
}

fn check_bounds(app: &App) {
    let platforms = app.platforms().len();
    assert!(app.selected < platforms);
    match app.screen {
        Screen::Step { platform, step } => {
            assert!(platform < platforms);
            assert!(step < STEPS_PER_PLATFORM);
        }
        Screen::Done { platform } => assert!(platform < platforms),
        _ => {}
    }
    // The highlighted choice of what m offers, and the overview's selection, point at something.
    if let Some(choice) = app.accounts_choice() {
        assert!(choice < app.account_choices().len(), "choice {choice} beyond the list");
    }
    assert!(app.entry < app.record().entries().len().max(1), "entry {} beyond the record", app.entry);
    let max_scroll = ui::max_scroll(app);
    assert_eq!(app.view.limit, max_scroll, "the fitted scrolling limit is out of date");
    assert!(app.view.scroll <= max_scroll, "scroll {} beyond {max_scroll}", app.view.scroll);
}

/// Where the wizard offers q, its footer says so, in every language and window it works in:
/// a long footer leaves out what is least needed, never how to quit.
fn check_quit_is_said(app: &App, buffer: &Buffer) {
    let area = buffer.area;
    let quits = bindings(app).iter().any(|binding| binding.action == Action::Quit && binding.in_footer > 0);
    if !quits || area.width < bezwaar::viewport::MIN_WIDTH || area.height < bezwaar::viewport::MIN_HEIGHT {
        return;
    }
    let quit = format!("q {}", app.texts().keys.quit);
    let footer: Vec<String> = (area.height - 3..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    assert!(
        footer.iter().any(|row| row.contains(&quit)),
        "{quit:?} not in the footer:\n{}",
        footer.join("\n")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_resizes_never_panic(
        inputs in prop::collection::vec(input(), 1..120),
        lang in prop::sample::select(Lang::ALL.to_vec()),
        opens in any::<bool>(),
        saves in any::<bool>(),
    ) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("record.json"));
        let mut app = App::new(Content::embedded(lang).unwrap(), lang, today).with_record(Some(store.clone()), Record::default(), None);
        // Letters go to a folder of their own, beside the record.
        let letters = dir.path().join("letters");
        std::fs::create_dir(&letters).unwrap();
        app.letters_dir = Some(letters.clone());
        // As the wizard does: the terminal's size is the first message.
        bezwaar::tui::step(&mut app, Message::Resized(80, 24));
        let (mut width, mut height) = (80u16, 24u16);
        for input in inputs {
            let message = match input {
                Input::Key(code, modifiers) => message_for(KeyEvent::new(code, modifiers), &app),
                Input::Resize(w, h) => {
                    (width, height) = (w, h);
                    Some(Message::Resized(w, h))
                }
            };
            if let Some(message) = message {
                let before = app.record().clone();
                let changes_record = matches!(message, Message::Mark | Message::Confirm(true) | Message::SaveEdit);
                // The event loop feeds outcomes back; do the same with both kinds of outcome.
                let outcome = match bezwaar::tui::step(&mut app, message.clone()) {
                    Some(Effect::Open(url)) => {
                        prop_assert!(bezwaar::links::allowed(url.as_str()).is_ok());
                        Some(Message::Opened(if opens { Ok(()) } else { Err(bezwaar::browser::OpenError::NoBrowser) }))
                    }
                    Some(Effect::Copy(_) | Effect::CopyText(_)) => Some(Message::Copied(Ok(()))),
                    Some(Effect::Write(changes)) => {
                        prop_assert!(changes_record || message == Message::Retry, "{message:?} saved");
                        prop_assert_eq!(&changes, &app.pending, "what is written is every change not saved yet");
                        if saves {
                            Some(bezwaar::tui::write(Some(&store), &changes))
                        } else {
                            Some(Message::Written(Err(WriteError::Io(OsError::of(&std::io::Error::from_raw_os_error(28))))))
                        }
                    }
                    Some(Effect::SaveLetter { dir, name, text }) => {
                        prop_assert_eq!(&dir, &letters);
                        let result = if saves {
                            bezwaar::letter::save(&dir, &name, &text, Some(&store))
                        } else {
                            Err(OsError::of(&std::io::Error::from_raw_os_error(28)))
                        };
                        let written = result.map(|path| bezwaar::letter_form::Written { path, text, copied: None });
                        Some(Message::LetterSaved(written))
                    }
                    Some(Effect::Suspend) | None => None,
                };
                if let Some(outcome) = outcome {
                    let written = matches!(outcome, Message::Written(Ok(_)));
                    prop_assert_eq!(bezwaar::tui::step(&mut app, outcome), None);
                    if written {
                        prop_assert_eq!(&store.load().unwrap(), app.record(), "what is shown is what is saved");
                        prop_assert!(!app.unsaved());
                    }
                }
                prop_assert!(changes_record || *app.record() == before, "{message:?} changed the record");
            }
            check_bounds(&app);
            let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
            (&app).render(buffer.area, &mut buffer);
            check_quit_is_said(&app, &buffer);
            if !app.running {
                break;
            }
        }
    }
}

proptest! {
    /// The platform list finds the rows above its highlighted entry by wrapping the lines before
    /// it on their own: that holds only if each line wraps independently of the others.
    #[test]
    fn lines_wrap_independently(
        lines in prop::collection::vec("[a-z ›“”ëé—\u{4e00}]{0,120}", 0..12),
        width in 1u16..100,
    ) {
        use ratatui::text::{Line, Text};
        use ratatui::widgets::{Paragraph, Wrap};
        let count = |lines: &[String]| {
            let text = Text::from(lines.iter().cloned().map(Line::from).collect::<Vec<_>>());
            Paragraph::new(text).wrap(Wrap { trim: false }).line_count(width)
        };
        let each: usize = lines.iter().map(|line| count(std::slice::from_ref(line))).sum();
        prop_assert_eq!(count(&lines), each);
    }
}

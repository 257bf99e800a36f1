//! The terminal: entering and leaving the wizard's screen, the event loop, and giving the
//! terminal back on every way out (quit, panic, SIGTERM, SIGHUP, SIGINT, Ctrl-Z).

use std::io::{self, BufWriter, Stdout, stdout};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect};

use crate::app::{App, Effect, Message};
use crate::letter_form::Written;
use crate::record::{Change, Store, WriteError};
use crate::text::OsError;
use crate::{keys, links, ui};

/// The frame goes out through a buffer in one write, not in many small ones; ratatui flushes
/// it after every frame, and `execute!` flushes after a copy.
type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Held while the wizard writes to the terminal, so that a signal arriving mid-frame waits for
/// the frame to finish before it restores the terminal and exits.
static TERMINAL: Mutex<()> = Mutex::new(());

fn lock() -> MutexGuard<'static, ()> {
    TERMINAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs the wizard until the person quits, then gives the terminal back.
pub fn run(app: &mut App) -> io::Result<()> {
    watch_signals()?;
    install_panic_hook();
    enter()?;
    let result = Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(32 * 1024, stdout())))
        .and_then(|mut terminal| event_loop(&mut terminal, app));
    let _guard = lock();
    restore();
    result
}

/// One message: the state changes, then the view is fitted to it. Every message the wizard gets
/// goes through here (tests that drive the wizard without a terminal use it too).
pub fn step(app: &mut App, message: Message) -> Option<Effect> {
    let effect = app.update(message);
    ui::fit(app);
    effect
}

fn event_loop(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    step(app, Message::Resized(size.width, size.height));
    while app.running {
        {
            let _guard = lock();
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        panic_for_tests();
        // Blocks until the person does something: no ticks, no CPU while idle.
        let event = event::read()?;
        // Whatever the person does next, they see the record as it is now.
        if let Some(reloaded) = look(app) {
            step(app, reloaded);
        }
        let message = match event {
            Event::Resize(width, height) => Some(Message::Resized(width, height)),
            Event::Paste(text) if app.typing() => Some(Message::Paste(text)),
            event => event.as_key_press_event().and_then(|key| keys::message_for(key, app)),
        };
        let Some(message) = message else { continue };
        if let Some(effect) = step(app, message)
            && let Some(outcome) = perform(effect, terminal, app.store.as_ref())?
        {
            step(app, outcome);
            // The window may have changed size while the work was done (its resize let go).
            let size = terminal.size()?;
            if size != app.view.size {
                step(app, Message::Resized(size.width, size.height));
            }
        }
    }
    Ok(())
}

/// How long the wizard waits for another bezwaar to finish writing the record.
pub const WRITE_PATIENCE: Duration = Duration::from_secs(2);

/// Applies the wizard's changes to the record as it is on disk now. The record part of what the
/// event loop performs; tests that drive the wizard without a terminal use it too.
pub fn write(store: Option<&Store>, changes: &[Change]) -> Message {
    let result = match store {
        Some(store) => store.apply(changes, chrono::Utc::now(), WRITE_PATIENCE),
        None => Err(WriteError::Io(OsError::of(&io::Error::from(io::ErrorKind::NotFound)))),
    };
    Message::Written(result)
}

/// The record as it is now, when the file changed since the wizard last read or wrote it
/// (another window, a command, an editor, a restored backup). One look at the file's metadata
/// per event; the file is read only when it changed.
pub fn look(app: &App) -> Option<Message> {
    let store = app.store.as_ref()?;
    let stamp = store.stamp();
    if stamp == app.seen {
        return None;
    }
    // The stamp of the file actually read, which may be newer than the one just looked at.
    Some(match store.read() {
        Ok((record, read)) => Message::Reloaded(read, Ok(record)),
        Err(error) => Message::Reloaded(stamp, Err(error)),
    })
}

/// Does what the wizard asked for and says how it went.
fn perform(effect: Effect, terminal: &mut Term, store: Option<&Store>) -> io::Result<Option<Message>> {
    match effect {
        Effect::Write(changes) => {
            // Under the terminal lock, so that a signal waits for the save to finish.
            let _guard = lock();
            Ok(Some(write(store, &changes)))
        }
        Effect::Open(url) if crate::browser::may_take_terminal() => {
            // A text browser (w3m, lynx) takes the terminal until it exits: give it the main
            // screen in cooked mode, then come back and draw everything anew.
            {
                let _guard = lock();
                restore();
            }
            let result = links::open(&url);
            let _guard = lock();
            enter()?;
            redraw_everything(terminal)?;
            Ok(Some(Message::Opened(result)))
        }
        Effect::Open(url) => {
            // A launcher needs no terminal: the wizard stays on screen while it is waited for,
            // and keys pressed meanwhile, unseen in their effect, are let go.
            let result = links::open(&url);
            while event::poll(Duration::ZERO)? {
                event::read()?;
            }
            Ok(Some(Message::Opened(result)))
        }
        Effect::CopyText(text) => {
            let _guard = lock();
            let result = links::copy_text(terminal.backend_mut(), &text);
            Ok(Some(Message::Copied(result.map_err(|error| error.to_string()))))
        }
        Effect::SaveLetter { dir, name, text } => {
            let result = crate::letter::save(&dir, &name, &text, store);
            let written = result.map(|path| Written { path, text, copied: None });
            Ok(Some(Message::LetterSaved(written)))
        }
        Effect::Copy(url) => {
            let _guard = lock();
            let result = links::copy(terminal.backend_mut(), &url);
            Ok(Some(Message::Copied(result.map_err(|error| error.to_string()))))
        }
        Effect::Suspend => {
            let _guard = lock();
            restore();
            // Stops here until the shell's `fg` continues the process.
            crate::platform::suspend()?;
            enter()?;
            redraw_everything(terminal)?;
            Ok(None)
        }
    }
}

/// Makes the next frame draw every cell, after another program had the screen. Unlike
/// `Terminal::clear`, this does not ask the terminal where its cursor is: a terminal that never
/// answers would otherwise end the wizard after a timeout.
fn redraw_everything(terminal: &mut Term) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::from((Position::ORIGIN, size)))
}

/// In debug builds only: `BEZWAAR_TEST_PANIC=1` panics after a frame is drawn, so that a test
/// can prove the panic hook gives the terminal back. Release builds have no such trigger.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn panic_for_tests() {
    if std::env::var_os("BEZWAAR_TEST_PANIC").is_some() {
        panic!("BEZWAAR_TEST_PANIC is set");
    }
}

#[cfg(not(debug_assertions))]
fn panic_for_tests() {}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    // Pasted text arrives as one event: in the form it is typed in, elsewhere it is ignored,
    // so a pasted line break can never press Enter and the letters after it never act as keys.
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

/// Raw mode off, main screen back, cursor visible. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// SIGTERM, SIGHUP and SIGINT end the wizard: the terminal is given back first. The event loop
/// blocks on input, so the signal thread does the restoring itself, after any frame being
/// drawn is finished.
fn watch_signals() -> io::Result<()> {
    crate::platform::on_end_signal(|signal| {
        let _guard = lock();
        restore();
        std::process::exit(128 + signal);
    })
}

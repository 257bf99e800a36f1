//! The wizard's state and how messages change it. No terminal I/O happens here: actions that
//! reach outside (open a browser, copy, suspend) are returned as [`Effect`]s for the event loop
//! to perform, and their outcome comes back as a message.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::layout::Size;
use url::Url;

mod message;
mod navigation;
mod record;

pub use message::{Effect, Message, Notice};

pub use record::AccountChoice;
use record::Listing;

use crate::content::{Content, Lang, Platform, Texts};
use crate::deadline::Deadline;
use crate::editor::Editor;
use crate::letter::{self, Person};
use crate::letter_form::{FormError, LetterForm};
use crate::links;
use crate::record::{Change, EntryId, LoadError, Problem, Record, Stamp, Store, WriteError};
use crate::theme::Theme;
use crate::viewport::{Follow, Viewport};

/// Where the person is in the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Warning,
    Risks,
    Platforms,
    /// One of the five steps (0-based) for a platform (index into the catalogue).
    Step {
        platform: usize,
        step: usize,
    },
    Done {
        platform: usize,
    },
    /// Every objection in the record.
    Overview,
    /// The message for family and friends.
    Share,
}

impl Screen {
    /// The stage of the wizard (0 to 4) the header marks as current; none for the overview.
    pub fn stage(self) -> Option<usize> {
        match self {
            Screen::Warning => Some(0),
            Screen::Risks => Some(1),
            Screen::Platforms => Some(2),
            Screen::Step { .. } => Some(3),
            Screen::Done { .. } => Some(4),
            Screen::Overview | Screen::Share => None,
        }
    }
}

/// The entry the yes/no question offers to remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmark(pub EntryId);

/// What can be open over a screen. One at a time, so that no impossible pair (the help over a
/// half-typed form, say) can be written; each takes its own keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    /// The form's link as a QR code, on a step.
    Qr,
    /// The yes/no question before an entry is removed.
    Question(Unmark),
    /// What `m` offers on a platform that is marked already: another account, or removing one
    /// of its marks; the highlighted choice ([`App::account_choices`]).
    Accounts(usize),
    /// The form for an objection's details, over the overview (boxed: it is far larger than
    /// the rest).
    Editor(Box<Editor>),
    /// The form for a letter to Meta, and the letter once written, over a step or the end
    /// screen of one of Meta's forms.
    Letter(Box<LetterForm>),
}

/// The whole state of the wizard.
#[derive(Debug)]
pub struct App {
    pub content: Content,
    pub lang: Lang,
    pub today: NaiveDate,
    pub screen: Screen,
    /// The highlighted platform on the platform list.
    pub selected: usize,
    /// The window, and how far its text is scrolled.
    pub view: Viewport,
    /// What is open over the screen, if anything: one at a time.
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub running: bool,
    pub theme: Theme,
    /// Whether links are also written as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// The record as last read or written here, with any changes that could not be saved
    /// applied to it; changed only together with the overview's listing.
    record: Record,
    /// Changes made here that are not saved yet (saving failed): they are tried again, on the
    /// record as it is then, with the next change or `s`.
    pub pending: Vec<Change>,
    /// How many of [`App::pending`] are applied to [`App::record`].
    applied_here: usize,
    /// The record file as it was when last read or written here, to notice a change by others.
    pub seen: Option<Stamp>,
    /// The last message read the record again: the next screen change keeps the notice.
    keep_notice: bool,
    /// What the overview lists, derived from the record.
    listing: Listing,
    /// Where the record is kept; `None` when there is no place for it.
    pub store: Option<Store>,
    /// What went wrong opening the record, if anything.
    pub problem: Option<Problem>,
    /// The selected line of the overview (a position in [`App::overview_entries`]).
    pub entry: usize,
    /// Where the overview returns to.
    pub back_to: Screen,
    /// The folder letters are written to (the documents folder, else home); `None` when there
    /// is none.
    pub letters_dir: Option<PathBuf>,
}

impl App {
    pub fn new(content: Content, lang: Lang, today: NaiveDate) -> App {
        App {
            content,
            lang,
            today,
            screen: Screen::Warning,
            selected: 0,
            view: Viewport::default(),
            overlay: None,
            notice: None,
            running: true,
            theme: Theme::colour(),
            hyperlinks: false,
            record: Record::default(),
            store: None,
            problem: None,
            entry: 0,
            pending: Vec::new(),
            applied_here: 0,
            seen: None,
            keep_notice: false,
            listing: Listing::default(),
            back_to: Screen::Warning,
            letters_dir: None,
        }
    }

    /// The wizard with the record it opened; a problem shows at once.
    pub fn with_record(mut self, store: Option<Store>, record: Record, problem: Option<Problem>) -> App {
        self.store = store;
        self.set_record(record);
        self.notice = problem.as_ref().map(|_| Notice::Problem);
        self.problem = problem;
        self
    }

    /// Whether the help is open.
    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help))
    }

    /// Whether the link shows as a QR code.
    pub fn qr_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Qr))
    }

    /// The yes/no question, while it is asked.
    pub fn question(&self) -> Option<&Unmark> {
        match &self.overlay {
            Some(Overlay::Question(unmark)) => Some(unmark),
            _ => None,
        }
    }

    /// The highlighted choice of what `m` offers, while it is open.
    pub fn accounts_choice(&self) -> Option<usize> {
        match self.overlay {
            Some(Overlay::Accounts(choice)) => Some(choice),
            _ => None,
        }
    }

    /// The details form, while it is open.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.overlay {
            Some(Overlay::Editor(editor)) => Some(editor),
            _ => None,
        }
    }

    fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.overlay {
            Some(Overlay::Editor(editor)) => Some(editor),
            _ => None,
        }
    }

    /// The letter's form, while it is open.
    pub fn letter_form(&self) -> Option<&LetterForm> {
        match &self.overlay {
            Some(Overlay::Letter(form)) => Some(form),
            _ => None,
        }
    }

    fn letter_form_mut(&mut self) -> Option<&mut LetterForm> {
        match &mut self.overlay {
            Some(Overlay::Letter(form)) => Some(form),
            _ => None,
        }
    }

    /// Whether a form takes what is typed or pasted: the details form, or the letter's before
    /// it is written; never while the window is too small to show it.
    pub fn typing(&self) -> bool {
        let form = self.editor().is_some() || self.letter_form().is_some_and(|form| form.written.is_none());
        form && !self.view.too_small()
    }

    /// The platform a letter can be written for here: one of Meta's forms, on its steps or end
    /// screen.
    pub fn letter_platform(&self) -> Option<usize> {
        match self.screen {
            Screen::Step { platform, .. } | Screen::Done { platform } => {
                self.platforms().get(platform).filter(|p| letter::is_for(p)).map(|_| platform)
            }
            _ => None,
        }
    }

    /// Closes the details form, if it is open.
    fn close_editor(&mut self) {
        if self.editor().is_some() {
            self.overlay = None;
        }
    }

    pub fn texts(&self) -> &Texts {
        self.content.texts(self.lang)
    }

    pub fn platforms(&self) -> &[Platform] {
        self.content.platforms()
    }

    pub fn deadline(&self) -> Deadline {
        Deadline::on(self.today, self.content.catalogue.deadline)
    }

    /// The platform whose steps or end screen is showing.
    pub fn current_platform(&self) -> Option<&Platform> {
        match self.screen {
            Screen::Step { platform, .. } | Screen::Done { platform } => self.platforms().get(platform),
            _ => None,
        }
    }

    /// Changes the state for one message; returns the work the event loop must do, if any. The
    /// view is fitted afterwards (`ui::fit`), by whoever sends the message.
    pub fn update(&mut self, message: Message) -> Option<Effect> {
        // A list keeps its selected line in view after every message (arriving, moving the
        // selection, the help closing, a resize, another language, a notice taking room),
        // except one that scrolls on purpose.
        let paging = matches!(message, Message::PageUp | Message::PageDown | Message::Home | Message::End);
        // In the overview the page keys move the selection, and the view goes with it; on the
        // platform list Home and End do.
        let selects = match self.screen {
            _ if self.help_open() => false,
            Screen::Overview => paging && self.overview_selectable(),
            Screen::Platforms => matches!(message, Message::Home | Message::End),
            _ => false,
        };
        let scrolls = matches!(message, Message::ScrollUp | Message::ScrollDown) || (paging && !selects);
        let moves = matches!(message, Message::SelectPrevious | Message::SelectNext) || selects;
        let reloaded = matches!(message, Message::Reloaded(..));
        let effect = self.apply(message);
        // The record is read again just before the key that follows is handled: what that key
        // does to the screen must not hide that the record changed.
        self.keep_notice = reloaded;
        self.view.follow =
            if scrolls || self.help_open() { Follow::Nothing } else { Follow::Selection { moved: moves } };
        effect
    }

    fn apply(&mut self, message: Message) -> Option<Effect> {
        match message {
            Message::SelectPrevious | Message::SelectNext if self.accounts_choice().is_some() => {
                let last = self.account_choices().len().saturating_sub(1);
                if let Some(Overlay::Accounts(choice)) = &mut self.overlay {
                    *choice = match message {
                        Message::SelectPrevious => choice.saturating_sub(1),
                        _ => (*choice + 1).min(last),
                    };
                }
            }
            Message::Next if self.accounts_choice().is_some() => return self.pick(self.accounts_choice()?),
            Message::Choose(choice) if self.accounts_choice().is_some() => return self.pick(choice),
            Message::Next => self.go(self.next_screen()),
            Message::Back => self.go(self.previous_screen()),
            Message::ScrollUp => self.view.scroll_by(-1),
            Message::ScrollDown => self.view.scroll_by(1),
            Message::PageUp | Message::PageDown | Message::Home | Message::End => self.page(&message),
            Message::SelectPrevious if self.screen == Screen::Overview => {
                self.entry = self.entry.saturating_sub(1);
            }
            Message::SelectNext if self.screen == Screen::Overview => {
                self.entry = (self.entry + 1).min(self.record.entries().len().saturating_sub(1));
            }
            Message::SelectPrevious => self.selected = self.selected.saturating_sub(1),
            Message::SelectNext => self.selected = (self.selected + 1).min(self.platforms().len() - 1),
            Message::Choose(index) => {
                if self.screen == Screen::Platforms && index < self.platforms().len() {
                    self.selected = index;
                    self.go(Screen::Step { platform: index, step: 0 });
                }
            }
            Message::OpenLink => return self.link_effect(Effect::Open),
            Message::CopyLink => return self.link_effect(Effect::Copy),
            Message::ToggleQr => {
                self.overlay = match self.overlay.take() {
                    Some(Overlay::Qr) => None,
                    None if matches!(self.screen, Screen::Step { .. })
                        && self.current_platform().is_some_and(|p| p.link.is_some()) =>
                    {
                        Some(Overlay::Qr)
                    }
                    other => other,
                };
            }
            Message::Mark => return self.mark(),
            Message::Confirm(yes) => {
                let Some(Overlay::Question(Unmark(id))) = self.overlay.take() else { return None };
                if yes {
                    return self.change(Change::Remove(id));
                }
            }
            Message::Edit => {
                let index = self.selected_index()?;
                let id = self.record.id_of(index)?;
                let objection = id.entry().objection()?.clone();
                self.overlay = Some(Overlay::Editor(Box::new(Editor::edit(id, &objection))));
            }
            Message::AddAccount => {
                let platform = self.addable_platform()?;
                self.overlay = Some(Overlay::Editor(Box::new(Editor::new_account(&platform, self.today))));
            }
            Message::Remove => {
                let index = self.selected_index()?;
                self.overlay = Some(Overlay::Question(Unmark(self.record.id_of(index)?)));
            }
            Message::EditKey(key) if self.letter_form().is_some() => self.letter_form_mut()?.key(key),
            Message::Paste(text) if self.letter_form().is_some() => self.letter_form_mut()?.paste(&text),
            Message::NextField if self.letter_form().is_some() => self.letter_form_mut()?.next_field(),
            Message::PreviousField if self.letter_form().is_some() => {
                self.letter_form_mut()?.previous_field();
            }
            Message::SaveEdit if self.letter_form().is_some() => return self.write_letter(),
            Message::EditKey(key) => self.editor_mut()?.key(key),
            Message::Paste(text) => self.editor_mut()?.paste(&text),
            Message::NextField => self.editor_mut()?.next_field(),
            Message::PreviousField => self.editor_mut()?.previous_field(),
            Message::Cancel => {
                if matches!(
                    self.overlay,
                    Some(Overlay::Editor(_) | Overlay::Accounts(_) | Overlay::Letter(_))
                ) {
                    self.overlay = None;
                }
            }
            Message::Letter => {
                let platform = self.letter_platform().filter(|_| self.overlay.is_none())?;
                // The profile name the record holds for this platform, to be checked or changed.
                let account = self.marked(platform).and_then(|objection| objection.account.clone());
                let id = &self.platforms()[platform].id;
                self.overlay = Some(Overlay::Letter(Box::new(LetterForm::new(id, account.as_deref()))));
            }
            Message::LetterSaved(result) => {
                let form = self.letter_form_mut()?;
                match result {
                    Ok(written) => form.written = Some(written),
                    Err(error) => form.error = Some(FormError::Write(error)),
                }
            }
            Message::CopyLetter => {
                let text = self.letter_form()?.written.as_ref()?.text.clone();
                return Some(Effect::CopyText(text));
            }
            Message::Copied(result) if self.letter_form().is_some_and(|form| form.written.is_some()) => {
                if let Some(written) = self.letter_form_mut()?.written.as_mut() {
                    written.copied = Some(result.is_ok());
                }
            }
            Message::SaveEdit => {
                // Checked against the record shown for a quick answer; the store checks again
                // against the record as it is on disk.
                match self.editor()?.result(&self.record, self.today) {
                    Ok(change) => return self.change(change),
                    Err(error) => self.editor_mut()?.error = Some(error),
                }
            }
            Message::ShowOverview => self.visit(Screen::Overview),
            Message::ShowShare => self.visit(Screen::Share),
            Message::CopyMessage => {
                if self.screen == Screen::Share {
                    return Some(Effect::CopyText(self.texts().share_message(&self.content.catalogue)));
                }
            }
            Message::Retry => {
                if !self.pending.is_empty() {
                    return Some(Effect::Write(self.pending.clone()));
                }
            }
            Message::Written(Ok(applied)) => self.written(applied),
            Message::Written(Err(error)) => {
                // Nothing reached the file: the changes stay here, shown, to be tried again.
                self.apply_pending_here();
                self.close_editor();
                if let WriteError::Load(LoadError::FutureVersion(version)) = error {
                    self.problem = Some(Problem::FutureVersion(version));
                    self.close_changes();
                }
                self.notice = Some(Notice::SaveFailed(error));
            }
            Message::Reloaded(stamp, result) => self.reloaded(stamp, result),
            Message::ToggleHelp => {
                self.overlay = match self.overlay.take() {
                    Some(Overlay::Help) => None,
                    None => Some(Overlay::Help),
                    other => other,
                };
                self.view.scroll = 0;
            }
            Message::CloseHelp => {
                if self.help_open() {
                    self.overlay = None;
                }
                self.view.scroll = 0;
            }
            Message::NextLanguage => {
                self.lang = self.lang.next();
            }
            // A change that could not be saved is not dropped without a word: the first q says
            // so, the second quits.
            Message::Quit if self.unsaved() && self.notice != Some(Notice::UnsavedQuit) => {
                self.notice = Some(Notice::UnsavedQuit);
            }
            Message::Quit | Message::Interrupt => self.running = false,
            Message::Suspend => return Some(Effect::Suspend),
            Message::Resized(width, height) => {
                self.view.size = Size::new(width, height);
            }
            Message::Opened(result) => {
                self.notice = Some(match result {
                    Ok(()) => Notice::Opened,
                    Err(error) => Notice::OpenFailed(error),
                });
            }
            Message::Copied(result) => {
                self.notice = Some(match (result.is_ok(), self.screen) {
                    (true, Screen::Share) => Notice::MessageCopied,
                    (true, _) => Notice::Copied,
                    (false, _) => Notice::CopyFailed,
                });
            }
        }
        None
    }

    /// The page keys, Home and End: in the overview they move the selection (a page is as many
    /// entries as the window shows), on the platform list Home and End choose the first or last
    /// platform, and elsewhere they scroll the text.
    fn page(&mut self, message: &Message) {
        let page = self.view.page;
        let list = !self.help_open();
        let last = match self.screen {
            Screen::Overview if list && self.overview_selectable() => {
                self.record.entries().len().saturating_sub(1)
            }
            Screen::Platforms if list => self.platforms().len().saturating_sub(1),
            _ => usize::MAX,
        };
        let selection = match self.screen {
            Screen::Overview if list && self.overview_selectable() => Some(&mut self.entry),
            Screen::Platforms if list && matches!(message, Message::Home | Message::End) => {
                Some(&mut self.selected)
            }
            _ => None,
        };
        match (selection, message) {
            (Some(selected), Message::Home) => *selected = 0,
            (Some(selected), Message::End) => *selected = last,
            (Some(selected), Message::PageUp) => *selected = selected.saturating_sub(usize::from(page)),
            (Some(selected), _) => *selected = (*selected + usize::from(page)).min(last),
            (None, Message::Home) => self.view.scroll = 0,
            // The view keeps the scroll within its limit.
            (None, Message::End) => self.view.scroll = u16::MAX,
            (None, Message::PageUp) => self.view.scroll_by(-i32::from(page)),
            (None, _) => self.view.scroll_by(i32::from(page)),
        }
    }

    /// Checks the letter's form and, when it holds what a letter needs, asks for the letter to
    /// be written as a new file in the letters' folder.
    fn write_letter(&mut self) -> Option<Effect> {
        let form = self.letter_form_mut().filter(|form| form.written.is_none())?;
        let person: Person = match form.person() {
            Ok(person) => person,
            Err(problem) => {
                form.error = Some(FormError::Letter(problem));
                return None;
            }
        };
        let Some(dir) = self.letters_dir.clone() else {
            self.letter_form_mut()?.error = Some(FormError::NoPlace);
            return None;
        };
        let platform = self.content.catalogue.platform(&self.letter_form()?.platform)?;
        let texts = self.texts();
        let english = (self.lang != Lang::En).then(|| self.content.texts(Lang::En));
        let text = letter::compose(&person, platform, self.today, &self.content.catalogue, texts, english);
        let name = letter::file_name(texts, platform, self.today);
        Some(Effect::SaveLetter { dir, name, text })
    }

    /// "Instagram", or "Facebook (werk)" for a named account.
    pub fn entry_label(&self, platform: &str, account: Option<&str>) -> String {
        self.texts().entry_label(&self.content.catalogue, platform, account)
    }

    fn link_effect(&mut self, effect: fn(Url) -> Effect) -> Option<Effect> {
        let platform = self.current_platform()?;
        if !matches!(self.screen, Screen::Step { .. }) {
            return None;
        }
        match links::allowed(platform.url()?) {
            Ok(url) => Some(effect(url)),
            Err(_) => {
                self.notice = Some(Notice::Refused);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::OpenError;
    use crate::dates::DateError;
    use crate::editor::EditError;
    use crate::record::{Entry, Mark, Objection};
    use crate::text::OsError;
    use chrono::Utc;
    use std::time::Duration;

    fn app() -> App {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        App::new(Content::embedded(Lang::Nl).unwrap(), Lang::Nl, today)
    }

    /// The wizard with a record file of its own, in a directory that lives as long as it.
    fn app_with_store(record: Record) -> (App, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("record.json"));
        std::fs::write(store.path(), record.to_json().unwrap()).unwrap();
        let mut app = app().with_record(Some(store.clone()), record, None);
        app.seen = store.stamp();
        (app, dir)
    }

    fn run(app: &mut App, messages: &[Message]) -> Vec<Effect> {
        messages.iter().filter_map(|message| crate::tui::step(app, message.clone())).collect()
    }

    /// Performs a write as the event loop does, on the app's own record file.
    fn perform(app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            if let Effect::Write(changes) = effect {
                let store = app.store.clone().unwrap();
                let result = store.apply(&changes, Utc::now(), Duration::from_millis(200));
                assert_eq!(crate::tui::step(app, Message::Written(result)), None);
            }
        }
    }

    /// Runs the messages and performs the writes they ask for.
    fn act(app: &mut App, messages: &[Message]) {
        for message in messages {
            let effects = run(app, std::slice::from_ref(message));
            perform(app, effects);
        }
    }

    fn on_disk(app: &App) -> Record {
        app.store.as_ref().unwrap().load().unwrap()
    }

    fn disk_full() -> WriteError {
        WriteError::Io(OsError::of(&std::io::Error::from_raw_os_error(28)))
    }

    #[test]
    fn next_walks_from_the_warning_to_the_end() {
        let mut app = app();
        run(&mut app, &[Message::Next, Message::Next]);
        assert_eq!(app.screen, Screen::Platforms);
        run(&mut app, &[Message::Next]);
        assert_eq!(app.screen, Screen::Step { platform: 0, step: 0 }, "Instagram is the default");
        run(&mut app, &[const { Message::Next }; 4]);
        assert_eq!(app.screen, Screen::Step { platform: 0, step: 4 });
        run(&mut app, &[Message::Next]);
        assert_eq!(app.screen, Screen::Done { platform: 0 });
    }

    #[test]
    fn the_end_leads_back_to_the_other_platform() {
        let mut app = app();
        app.screen = Screen::Done { platform: 0 };
        run(&mut app, &[Message::Next]);
        assert_eq!(app.screen, Screen::Platforms);
        assert_eq!(app.platforms()[app.selected].id, "facebook");
        run(&mut app, &[Message::Next]);
        assert_eq!(app.screen, Screen::Step { platform: 1, step: 0 });

        // A platform without a partner offers the list, not a platform that has nothing to do
        // with it.
        let gemini = app.platforms().iter().position(|p| p.id == "gemini").unwrap();
        assert_eq!(app.other_platform(gemini), None);
        app.screen = Screen::Done { platform: gemini };
        run(&mut app, &[Message::Next]);
        assert_eq!(app.screen, Screen::Platforms);
    }

    #[test]
    fn back_retraces_and_stops_at_the_warning() {
        let mut app = app();
        app.screen = Screen::Step { platform: 1, step: 1 };
        run(&mut app, &[Message::Back]);
        assert_eq!(app.screen, Screen::Step { platform: 1, step: 0 });
        run(&mut app, &[Message::Back]);
        assert_eq!(app.screen, Screen::Platforms);
        assert_eq!(app.selected, 1, "the list keeps the platform that was open");
        run(&mut app, &[Message::Back, Message::Back, Message::Back]);
        assert_eq!(app.screen, Screen::Warning);
    }

    #[test]
    fn selection_stays_within_the_list() {
        let mut app = app();
        app.screen = Screen::Platforms;
        run(&mut app, &[Message::SelectPrevious]);
        assert_eq!(app.selected, 0);
        run(&mut app, &[const { Message::SelectNext }; 10]);
        assert_eq!(app.selected, app.platforms().len() - 1);
    }

    #[test]
    fn digits_choose_directly_only_on_the_platform_list() {
        let mut app = app();
        run(&mut app, &[Message::Choose(1)]);
        assert_eq!(app.screen, Screen::Warning);
        app.screen = Screen::Platforms;
        let beyond = app.platforms().len();
        run(&mut app, &[Message::Choose(beyond)]);
        assert_eq!(app.screen, Screen::Platforms, "no platform beyond the last");
        run(&mut app, &[Message::Choose(1)]);
        assert_eq!(app.screen, Screen::Step { platform: 1, step: 0 });
    }

    #[test]
    fn open_and_copy_give_the_form_link_on_a_step_only() {
        let mut app = app();
        assert_eq!(run(&mut app, &[Message::OpenLink, Message::CopyLink]), vec![]);
        app.screen = Screen::Step { platform: 1, step: 3 };
        let effects = run(&mut app, &[Message::OpenLink, Message::CopyLink]);
        let url = links::allowed("https://www.facebook.com/help/contact/712876720715583").unwrap();
        assert_eq!(effects, vec![Effect::Open(url.clone()), Effect::Copy(url)]);
    }

    #[test]
    fn a_note_has_no_link_to_open_copy_or_scan_and_nothing_to_mark() {
        let (mut app, _dir) = app_with_store(Record::default());
        let whatsapp = app.platforms().iter().position(|p| p.kind == crate::content::Kind::Note).unwrap();
        for screen in [Screen::Step { platform: whatsapp, step: 4 }, Screen::Done { platform: whatsapp }] {
            app.screen = screen;
            assert_eq!(app.markable_platform(), None, "{screen:?}");
            let effects =
                run(&mut app, &[Message::OpenLink, Message::CopyLink, Message::ToggleQr, Message::Mark]);
            assert_eq!(effects, vec![], "{screen:?}");
            assert!(app.overlay.is_none(), "{screen:?}");
            assert!(app.record().is_empty());
        }
        // The same screens of a setting offer marking.
        app.screen = Screen::Done { platform: whatsapp - 1 };
        assert_eq!(app.markable_platform(), Some(whatsapp - 1));
    }

    #[test]
    fn a_link_off_the_allowlist_is_refused_and_said() {
        let mut app = app();
        app.content.catalogue.platforms[0].link.as_mut().unwrap().url = "https://evil.example/".into();
        app.screen = Screen::Step { platform: 0, step: 0 };
        assert_eq!(run(&mut app, &[Message::OpenLink]), vec![]);
        assert_eq!(app.notice, Some(Notice::Refused));
    }

    #[test]
    fn outcomes_become_notices_that_leave_with_the_screen() {
        let mut app = app();
        app.screen = Screen::Step { platform: 0, step: 1 };
        run(&mut app, &[Message::Opened(Err(OpenError::NoBrowser))]);
        assert_eq!(app.notice, Some(Notice::OpenFailed(OpenError::NoBrowser)));
        run(&mut app, &[Message::Copied(Ok(()))]);
        assert_eq!(app.notice, Some(Notice::Copied));
        run(&mut app, &[Message::Next]);
        assert_eq!(app.notice, None);
    }

    #[test]
    fn help_and_the_language_key_and_quit_stops() {
        let mut app = app();
        run(&mut app, &[Message::ToggleHelp]);
        assert!(app.help_open());
        run(&mut app, &[Message::CloseHelp, Message::NextLanguage]);
        assert!(!app.help_open());
        assert_eq!(app.lang, Lang::En);
        run(&mut app, &[Message::NextLanguage]);
        assert_eq!(app.lang, Lang::De);
        run(&mut app, &[Message::NextLanguage]);
        assert_eq!(app.lang, Lang::Nl, "round again");
        assert!(app.running);
        run(&mut app, &[Message::Quit]);
        assert!(!app.running);
        assert_eq!(run(&mut app, &[Message::Suspend]), vec![Effect::Suspend]);
    }

    #[test]
    fn marking_writes_and_asks_before_unmarking() {
        let (mut app, _dir) = app_with_store(Record::default());
        app.screen = Screen::Step { platform: 1, step: 4 };
        let effects = run(&mut app, &[Message::Mark]);
        assert_eq!(effects, vec![Effect::Write(vec![Change::Mark(Mark::new("facebook", None, app.today))])]);
        assert!(app.unsaved());
        perform(&mut app, effects);
        assert!(!app.unsaved());
        assert_eq!(app.marked(1).map(|o| o.submitted_on), Some(app.today));
        let marked = app.marked(1).cloned().unwrap();
        assert_eq!(app.notice, Some(Notice::Marked(marked)));
        assert_eq!(on_disk(&app), app.record, "what is shown is what is saved");

        assert_eq!(run(&mut app, &[Message::Mark]), vec![], "a marked platform asks first");
        assert_eq!(app.accounts_choice(), Some(0), "another account is offered first");
        assert_eq!(app.account_choices(), vec![AccountChoice::Add, AccountChoice::Remove(0)]);
        assert_eq!(run(&mut app, &[Message::Choose(1)]), vec![]);
        assert_eq!(app.question(), Some(&Unmark(app.record.id_of(0).unwrap())));
        assert_eq!(run(&mut app, &[Message::Confirm(false)]), vec![]);
        assert!(app.marked(1).is_some() && app.question().is_none());
        act(&mut app, &[Message::Mark, Message::SelectNext, Message::Next, Message::Confirm(true)]);
        assert!(app.marked(1).is_none());
        assert!(on_disk(&app).is_empty());
    }

    /// Facebook "werk" (confirmed) and "prive" (not): the record of the person in issue 11.
    fn two_facebook_accounts(today: NaiveDate) -> Record {
        let werk = Objection {
            confirmation_on: Some(today - chrono::Days::new(1)),
            ..Objection::new("facebook", Some("werk"), today - chrono::Days::new(2))
        };
        Record::with([werk, Objection::new("facebook", Some("prive"), today)])
    }

    #[test]
    fn what_m_offers_follows_the_record_as_it_changes_elsewhere() {
        let today = app().today;
        let (mut app, _dir) = app_with_store(two_facebook_accounts(today));
        app.screen = Screen::Done { platform: 1 };
        run(&mut app, &[Message::Mark, Message::SelectNext, Message::SelectNext]);
        assert_eq!(app.accounts_choice(), Some(2));
        // One account removed elsewhere: the choice stays on the list.
        let one = Record::with(two_facebook_accounts(today).objections().take(1).cloned());
        run(&mut app, &[Message::Reloaded(None, Ok(one))]);
        assert_eq!(app.accounts_choice(), Some(1));
        // None left: nothing is offered about marks that are gone.
        run(&mut app, &[Message::Reloaded(None, Ok(Record::default()))]);
        assert!(app.overlay.is_none());

        // The record became one of a newer version: nothing that would change it stays open,
        // and saving again is not offered where it cannot work.
        let (mut app, _dir) = app_with_store(two_facebook_accounts(today));
        app.screen = Screen::Done { platform: 1 };
        run(&mut app, &[Message::Mark, Message::Choose(1)]);
        assert!(app.question().is_some());
        run(&mut app, &[Message::Reloaded(None, Err(LoadError::FutureVersion(99)))]);
        assert!(app.overlay.is_none(), "the question is closed");
        run(&mut app, &[Message::Confirm(true)]);
        assert_eq!(app.record().objections().count(), 2, "nothing removed");
        assert_eq!(run(&mut app, &[Message::Mark]), vec![]);
        assert_eq!(app.notice, Some(Notice::ReadOnly));
    }

    #[test]
    fn a_note_in_the_record_is_never_given_another_account() {
        let today = app().today;
        let (mut app, _dir) = app_with_store(Record::with([Objection::new("whatsapp", None, today)]));
        app.screen = Screen::Overview;
        run(&mut app, &[Message::Resized(80, 24)]);
        assert!(app.selected_objection().is_some(), "the entry can still be edited or removed");
        let keys = crate::keys::bindings(&app);
        assert!(keys.iter().all(|b| b.action != crate::keys::Action::AddAccount));
        run(&mut app, &[Message::AddAccount]);
        assert!(app.editor().is_none());
    }

    #[test]
    fn in_an_overview_to_read_only_the_page_keys_scroll() {
        let today = app().today;
        let many = (1..=30).map(|n| Objection::new("facebook", Some(&format!("acct{n}")), today));
        let mut app = app().with_record(None, Record::with(many), Some(Problem::FutureVersion(3)));
        app.screen = Screen::Overview;
        run(&mut app, &[Message::Resized(80, 24), Message::PageDown]);
        assert_eq!(app.entry, 0, "no selection moves where none is shown");
        assert!(app.view.scroll > 0, "the view moved");
        run(&mut app, &[Message::End]);
        assert_eq!(app.view.scroll, app.view.limit);
        run(&mut app, &[Message::Home]);
        assert_eq!(app.view.scroll, 0);
    }

    #[test]
    fn on_a_platform_with_several_accounts_m_offers_each_and_another() {
        let today = app().today;
        let (mut app, _dir) = app_with_store(two_facebook_accounts(today));
        app.screen = Screen::Done { platform: 1 };
        run(&mut app, &[Message::Mark]);
        let choices = app.account_choices();
        assert_eq!(choices, vec![AccountChoice::Add, AccountChoice::Remove(0), AccountChoice::Remove(1)]);
        run(&mut app, &[Message::SelectNext, Message::SelectNext, Message::SelectNext]);
        assert_eq!(app.accounts_choice(), Some(2), "the choice stays on the list");
        run(&mut app, &[Message::Cancel]);
        assert!(app.overlay.is_none(), "Esc closes the choice and changes nothing");

        // Removing "prive" leaves "werk" as it was.
        act(&mut app, &[Message::Mark, Message::Choose(2), Message::Confirm(true)]);
        let left: Vec<_> = on_disk(&app).objections().cloned().collect();
        assert_eq!(left, two_facebook_accounts(today).objections().take(1).cloned().collect::<Vec<_>>());

        // Another account, named in the form, from the end screen.
        act(&mut app, &[Message::Mark, Message::Next]);
        assert!(app.editor().is_some_and(|editor| editor.platform == "facebook" && editor.editing.is_none()));
        let typed = "prive".chars().map(|c| {
            let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
            Message::EditKey(key)
        });
        act(&mut app, &typed.collect::<Vec<_>>());
        act(&mut app, &[Message::SaveEdit]);
        assert!(app.editor().is_none(), "saved: the form closes");
        assert_eq!(app.screen, Screen::Done { platform: 1 }, "and the person stays where they were");
        let added = Objection::new("facebook", Some("prive"), today);
        assert_eq!(app.notice, Some(Notice::Marked(added.clone())));
        assert_eq!(on_disk(&app).find("facebook", Some("prive")), Some(&added));
        assert!(on_disk(&app).find("facebook", Some("werk")).is_some_and(|o| o.confirmation_on.is_some()));
    }

    #[test]
    fn a_failed_save_keeps_the_mark_and_can_be_retried() {
        let (mut app, _dir) = app_with_store(Record::default());
        app.screen = Screen::Done { platform: 0 };
        run(&mut app, &[Message::Mark, Message::Written(Err(disk_full()))]);
        assert!(app.marked(0).is_some(), "the mark stays on screen");
        assert!(on_disk(&app).is_empty(), "the file did not change");
        assert_eq!(app.notice, Some(Notice::SaveFailed(disk_full())));
        run(&mut app, &[Message::Quit]);
        assert!(app.running, "the first q warns that the mark is not saved");
        assert_eq!(app.notice, Some(Notice::UnsavedQuit));
        let retry = run(&mut app, &[Message::Retry]);
        assert_eq!(retry, vec![Effect::Write(app.pending.clone())]);
        perform(&mut app, retry);
        assert_eq!(app.notice, Some(Notice::Saved));
        assert_eq!(on_disk(&app).objections().count(), 1, "marked once, not twice");
        run(&mut app, &[Message::Quit]);
        assert!(!app.running, "saved: q quits at once");
        assert_eq!(run(&mut app, &[Message::Retry]), vec![], "nothing left to save");
    }

    #[test]
    fn a_labelled_only_entry_counts_as_marked() {
        let mut app = app();
        app.set_record(Record::with([Objection::new("instagram", Some("work"), app.today)]));
        app.screen = Screen::Step { platform: 0, step: 4 };
        assert_eq!(run(&mut app, &[Message::Mark]), vec![], "no second entry: a question");
        assert_eq!(app.account_choices(), vec![AccountChoice::Add, AccountChoice::Remove(0)]);
        run(&mut app, &[Message::Choose(1)]);
        assert_eq!(app.question(), Some(&Unmark(app.record.id_of(0).unwrap())));
    }

    #[test]
    fn a_read_only_record_is_never_changed() {
        for problem in
            [Problem::FutureVersion(3), Problem::NoLocation, Problem::Unreadable(LoadError::NotAFile)]
        {
            let mut app = app().with_record(None, Record::default(), Some(problem));
            app.screen = Screen::Done { platform: 0 };
            assert_eq!(run(&mut app, &[Message::Mark]), vec![]);
            assert_eq!(app.record, Record::default());
            assert_eq!(app.notice, Some(Notice::ReadOnly));
        }
    }

    #[test]
    fn a_second_account_is_added_and_details_edited_in_the_overview() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let typed = |text: &str| -> Vec<Message> {
            text.chars()
                .map(|c| Message::EditKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
                .collect()
        };
        let (mut app, _dir) = app_with_store(Record::default());
        app.screen = Screen::Done { platform: 1 };
        act(&mut app, &[Message::Mark, Message::ShowOverview, Message::AddAccount]);
        assert!(app.editor().is_some());
        act(&mut app, &typed("club"));
        act(&mut app, &[Message::NextField, Message::NextField, Message::NextField]);
        act(&mut app, &typed("via de secretaris"));
        act(&mut app, &[Message::SaveEdit]);
        assert!(app.editor().is_none());
        let club = app.record.find("facebook", Some("club")).expect("the second account is recorded");
        assert_eq!(club.note.as_deref(), Some("via de secretaris"));
        assert_eq!(app.record.for_platform("facebook").count(), 2);
        assert_eq!(app.selected_objection(), Some(club), "the new entry is selected");
        assert_eq!(on_disk(&app), app.record);

        // Edit the first entry: give it a confirmation date before its submission: refused.
        act(&mut app, &[Message::SelectPrevious, Message::Edit, Message::NextField, Message::NextField]);
        act(&mut app, &typed("2024-01-01"));
        assert_eq!(run(&mut app, &[Message::SaveEdit]), vec![]);
        assert!(matches!(
            app.editor().and_then(|e| e.error.clone()),
            Some(EditError::Date(DateError::ConfirmedBefore(..)))
        ));
        let before = app.record.clone();
        run(&mut app, &[Message::Cancel]);
        assert_eq!(app.record, before, "cancelling changes nothing");

        act(&mut app, &[Message::Remove]);
        assert_eq!(app.question(), Some(&Unmark(app.record.id_of(0).unwrap())));
        act(&mut app, &[Message::Confirm(true)]);
        assert_eq!(app.record.objections().count(), 1);
        assert_eq!(on_disk(&app), app.record);
    }

    #[test]
    fn a_change_made_elsewhere_is_shown_and_never_written_over() {
        let sent = NaiveDate::from_ymd_opt(2025, 5, 20).unwrap();
        let (mut app, _dir) = app_with_store(Record::with([Objection::new("facebook", None, sent)]));
        let store = app.store.clone().unwrap();
        act(&mut app, &[Message::Resized(80, 24), Message::ShowOverview, Message::Edit]);
        assert!(app.editor().is_some());
        // Meanwhile a command adds a confirmation to the entry being edited.
        let elsewhere = Mark { confirmation_on: Some(app.today), ..Mark::new("facebook", None, app.today) };
        store.apply(&[Change::Mark(elsewhere)], Utc::now(), Duration::from_millis(200)).unwrap();
        act(&mut app, &[Message::NextField, Message::NextField, Message::NextField]);
        act(
            &mut app,
            &[Message::EditKey(crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('x')))],
        );
        act(&mut app, &[Message::SaveEdit]);
        assert_eq!(app.editor().and_then(|e| e.error.clone()), Some(EditError::ChangedElsewhere));
        assert_eq!(on_disk(&app).find("facebook", None).unwrap().confirmation_on, Some(app.today), "kept");
        assert_eq!(app.record, on_disk(&app), "the wizard shows the record as it is now");
        run(&mut app, &[Message::Cancel]);

        // The file changes again, by hand: the wizard shows it when told, and says so.
        let mut by_hand = on_disk(&app);
        by_hand.apply(&Change::Add(Objection::new("linkedin", None, sent)));
        std::fs::write(store.path(), by_hand.to_json().unwrap()).unwrap();
        run(&mut app, &[Message::Reloaded(store.stamp(), store.load())]);
        assert_eq!(app.record, by_hand);
        assert_eq!(app.notice, Some(Notice::ChangedElsewhere));

        // Marking what another window marked meanwhile keeps what is there and says so.
        app.screen = Screen::Done { platform: 3 };
        let mut marked_there = on_disk(&app);
        marked_there
            .apply(&Change::Add(Objection { note: Some("n".into()), ..Objection::new("x", None, sent) }));
        std::fs::write(store.path(), marked_there.to_json().unwrap()).unwrap();
        app.screen = Screen::Done { platform: 4 };
        assert_eq!(app.platforms()[4].id, "x");
        act(&mut app, &[Message::Mark]);
        assert_eq!(app.notice, Some(Notice::AlreadyMarked(4, sent)));
        assert_eq!(on_disk(&app), marked_there, "nothing was written over");
    }

    #[test]
    fn duplicates_and_an_unreadable_entry_are_removed_one_by_one_in_the_overview() {
        let entry = r#"{"platform": "facebook", "account": "werk", "submitted_on": "2025-05-20",
            "confirmation_on": null, "note": null}"#;
        let broken = r#"{"platform": "facebook", "submitted_on": "2025-02-30", "why": "by hand"}"#;
        let json = format!(r#"{{"version": 1, "objections": [{entry}, {broken}, {entry}]}}"#);
        let (mut app, dir) = app_with_store(crate::record::parse(json.as_bytes()).unwrap());
        std::fs::write(dir.path().join("record.json"), &json).unwrap();
        app.seen = app.store.as_ref().unwrap().stamp();
        act(&mut app, &[Message::Resized(80, 24), Message::ShowOverview]);
        assert_eq!(app.overview_entries(), [0, 2, 1], "the entry that cannot be read comes last");
        act(&mut app, &[Message::SelectNext, Message::Remove, Message::Confirm(true)]);
        assert!(matches!(app.notice, Some(Notice::Unmarked(Entry::Objection(_)))));
        assert_eq!(on_disk(&app).objections().count(), 1, "one of the two went, not both");
        assert_eq!(on_disk(&app).entries().len(), 2);
        let place = app
            .overview_entries()
            .iter()
            .position(|index| app.record.entries()[*index].objection().is_none());
        app.entry = place.unwrap();
        act(&mut app, &[Message::Resized(80, 24), Message::Remove, Message::Confirm(true)]);
        assert!(matches!(app.notice, Some(Notice::Unmarked(Entry::Unreadable(_)))));
        assert_eq!(on_disk(&app).entries().len(), 1);
        assert!(!std::fs::read_to_string(dir.path().join("record.json")).unwrap().contains("by hand"));
    }

    #[test]
    fn a_change_that_no_longer_fits_after_a_failed_save_is_said_not_dropped() {
        use crossterm::event::{KeyCode, KeyEvent};
        let sent = NaiveDate::from_ymd_opt(2025, 5, 20).unwrap();
        let (mut app, _dir) = app_with_store(Record::with([Objection::new("facebook", None, sent)]));
        let store = app.store.clone().unwrap();
        act(&mut app, &[Message::Resized(80, 24), Message::ShowOverview, Message::Edit]);
        run(&mut app, &[Message::NextField, Message::NextField, Message::NextField]);
        run(&mut app, &[Message::EditKey(KeyEvent::from(KeyCode::Char('n')))]);
        run(&mut app, &[Message::SaveEdit, Message::Written(Err(disk_full()))]);
        assert_eq!(
            app.record.find("facebook", None).unwrap().note.as_deref(),
            Some("n"),
            "shown while unsaved"
        );
        // Another program adds a confirmation to that entry before the note is saved.
        let elsewhere = Mark { confirmation_on: Some(app.today), ..Mark::new("facebook", None, app.today) };
        store.apply(&[Change::Mark(elsewhere)], Utc::now(), Duration::from_millis(200)).unwrap();
        // The next change tries the note again, which no longer fits: that is said.
        app.screen = Screen::Done { platform: 3 };
        act(&mut app, &[Message::Mark]);
        assert_eq!(app.notice, Some(Notice::NotAllSaved));
        assert!(on_disk(&app).find("linkedin", None).is_some(), "the new change landed");
        assert!(!app.unsaved());
        assert_eq!(app.record, on_disk(&app), "the screen shows the record as it is");
        assert_eq!(on_disk(&app).find("facebook", None).unwrap().confirmation_on, Some(app.today));
    }

    #[test]
    fn a_long_overview_keeps_the_selected_entry_in_view() {
        let on = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let record = Record::with(
            (0..500).map(|number| Objection::new("facebook", Some(&format!("account {number}")), on)),
        );
        let mut app = app().with_record(None, record, None);
        run(&mut app, &[Message::Resized(80, 24), Message::ShowOverview]);
        assert_eq!(app.view.scroll, 0);
        run(&mut app, &[const { Message::SelectNext }; 40]);
        assert_eq!(app.entry, 40);
        let followed = app.view.scroll;
        assert!(followed > 30 && followed <= 40, "the window followed: {followed}");
        run(&mut app, &[Message::Back, Message::ShowOverview]);
        assert_eq!((app.entry, app.view.scroll), (40, followed), "opened again, the window is where it was");
        assert_eq!(crate::ui::max_scroll(&app), 499, "the overview scrolls by entry");
        run(&mut app, &[const { Message::SelectPrevious }; 40]);
        assert_eq!((app.entry, app.view.scroll), (0, 0));
    }

    #[test]
    fn the_overview_returns_where_it_was_opened() {
        let mut app = app();
        app.screen = Screen::Step { platform: 0, step: 2 };
        run(&mut app, &[Message::ShowOverview]);
        assert_eq!(app.screen, Screen::Overview);
        run(&mut app, &[Message::ShowOverview, Message::Next]);
        assert_eq!(app.screen, Screen::Overview, "nothing comes after the overview");
        run(&mut app, &[Message::Back]);
        assert_eq!(app.screen, Screen::Step { platform: 0, step: 2 });
    }

    #[test]
    fn scrolling_stops_at_the_end_of_the_text() {
        let mut app = app();
        app.screen = Screen::Risks;
        run(&mut app, &[Message::Resized(80, 24)]);
        run(&mut app, &[const { Message::PageDown }; 50]);
        let bottom = app.view.scroll;
        assert!(bottom > 0, "the risks do not fit in 80x24 and scroll");
        assert_eq!(bottom, crate::ui::max_scroll(&app));
        run(&mut app, &[Message::ScrollDown]);
        assert_eq!(app.view.scroll, bottom);
        run(&mut app, &[Message::ScrollUp]);
        assert_eq!(app.view.scroll, bottom - 1);
        run(&mut app, &[Message::Resized(300, 100)]);
        assert_eq!(app.view.scroll, 0, "everything fits in a big window");
    }

    #[test]
    fn b_opens_the_letters_form_on_metas_forms_and_writes_nothing_to_the_record() {
        use crate::letter_form::{FormError, Written};
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let typed = |text: &str| -> Vec<Message> {
            text.chars()
                .map(|c| Message::EditKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
                .collect()
        };
        let sent = NaiveDate::from_ymd_opt(2025, 5, 20).unwrap();
        let (mut app, dir) =
            app_with_store(Record::with([Objection::new("instagram", Some("anna.devries"), sent)]));
        let record = std::fs::read(dir.path().join("record.json")).unwrap();
        // Nowhere but on the steps and the end screen of one of Meta's forms.
        for screen in [
            Screen::Platforms,
            Screen::Overview,
            Screen::Step { platform: 3, step: 0 },
            Screen::Done { platform: 5 },
        ] {
            app.screen = screen;
            run(&mut app, &[Message::Letter]);
            assert!(app.letter_form().is_none(), "{screen:?}");
        }
        app.screen = Screen::Step { platform: 0, step: 1 };
        run(&mut app, &[Message::Letter]);
        let form = app.letter_form().expect("the form is open");
        assert_eq!(form.input(2).value(), "anna.devries", "the profile name from the record");
        assert!(app.typing());

        // Without a name: said, nothing written.
        assert_eq!(run(&mut app, &[Message::SaveEdit]), vec![]);
        assert!(matches!(app.letter_form().unwrap().error, Some(FormError::Letter(_))));
        run(&mut app, &typed("Anna de Vries"));
        run(&mut app, &[Message::NextField]);
        run(&mut app, &typed("anna@example.org"));
        assert_eq!(run(&mut app, &[Message::SaveEdit]), vec![], "no folder for letters: nothing to do");
        assert_eq!(app.letter_form().unwrap().error, Some(FormError::NoPlace));

        app.letters_dir = Some(dir.path().join("letters"));
        let effects = run(&mut app, &[Message::SaveEdit]);
        let [Effect::SaveLetter { dir: folder, name, text }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert_eq!(
            (folder, name.as_str()),
            (&dir.path().join("letters"), "bezwaar-brief-instagram-2026-11-29.txt")
        );
        assert!(
            text.starts_with("Anna de Vries\nanna@example.org\n")
                && text.contains("Profielnaam: anna.devries")
        );
        assert!(
            text.contains("29 november 2026") && text.contains("29 November 2026"),
            "Dutch, then English"
        );

        // Written: where it is, and it can be copied; the record is as it was.
        let path = dir.path().join("letters").join(name);
        let written = Written { path: path.clone(), text: text.clone(), copied: None };
        run(
            &mut app,
            &[Message::LetterSaved(Err(crate::text::OsError::of(&std::io::Error::from_raw_os_error(28))))],
        );
        assert!(
            matches!(app.letter_form().unwrap().error, Some(FormError::Write(_))),
            "said, and Enter tries again"
        );
        run(&mut app, &[Message::LetterSaved(Ok(written.clone()))]);
        assert!(!app.typing(), "once written, keys are no longer typed");
        assert_eq!(run(&mut app, &[Message::CopyLetter]), vec![Effect::CopyText(text.clone())]);
        run(&mut app, &[Message::Copied(Ok(()))]);
        assert_eq!(app.letter_form().unwrap().written.as_ref().unwrap().copied, Some(true));
        assert_eq!(app.notice, None, "said in the letter's box, not as the link's copy");
        run(&mut app, &[Message::Cancel]);
        assert!(app.overlay.is_none());
        assert_eq!(std::fs::read(dir.path().join("record.json")).unwrap(), record, "the record is untouched");

        // On the end screen of Meta's third-party form, in English: the English letter once.
        app.lang = Lang::En;
        app.screen = Screen::Done { platform: 2 };
        run(&mut app, &[Message::Letter]);
        assert_eq!(app.letter_form().unwrap().input(2).value(), "", "nothing in the record for it");
        run(&mut app, &typed("Anna"));
        run(&mut app, &[Message::NextField]);
        run(&mut app, &typed("a@b.nl"));
        let effects = run(&mut app, &[Message::SaveEdit]);
        let [Effect::SaveLetter { name, text, .. }] = effects.as_slice() else { panic!("{effects:?}") };
        assert_eq!(name, "bezwaar-letter-meta-third-party-2026-11-29.txt");
        assert_eq!(text.matches("Meta Platforms Ireland Limited").count(), 1);
        assert!(!text.contains("Profile name"), "{text}");
    }
}

//! Keys: which keys each screen accepts, what they do, and how that is shown.
//!
//! [`bindings`] is the one table. The event mapping ([`message_for`]), the footer and the help
//! overlay are all read from it, so the footer can never promise a key that does nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{App, Message, Overlay, Screen};
use crate::content::{KeyTexts, Kind, Lang};
use crate::platform;

/// What a group of keys does, as a person would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    NextStep,
    PreviousStep,
    Scroll,
    Page,
    /// Home and End: to the top or the end.
    Ends,
    /// The page keys in the overview, which move the selection a page.
    PageEntries,
    /// Enter on what `m` offers: do the highlighted choice.
    Pick,
    Select,
    Choose,
    ChooseNumber,
    Open,
    Copy,
    OtherPlatform,
    Help,
    Close,
    Language,
    Quit,
    Interrupt,
    Suspend,
    Mark,
    /// Mark a setting as switched off.
    MarkSetting,
    /// Another account for a platform marked already, or remove one of its marks.
    Accounts,
    Overview,
    Retry,
    Yes,
    No,
    SelectEntry,
    Edit,
    AddAccount,
    Remove,
    Save,
    Cancel,
    NextField,
    PreviousField,
    Qr,
    CloseQr,
    Share,
    CopyMessage,
    /// Open the form for a letter to Meta.
    Letter,
    /// Write the letter the form describes.
    WriteLetter,
    CopyLetter,
    /// Close the letter once it is written.
    CloseLetter,
}

impl Action {
    /// The words for this action in the person's language.
    pub fn label(self, keys: &KeyTexts) -> &str {
        match self {
            Action::Next => &keys.next,
            Action::Back => &keys.back,
            Action::NextStep => &keys.next_step,
            Action::PreviousStep => &keys.previous_step,
            Action::Scroll | Action::Page => &keys.scroll,
            Action::Ends => &keys.ends,
            Action::PageEntries => &keys.page_entries,
            Action::Pick => &keys.pick,
            Action::Select => &keys.select,
            Action::Choose => &keys.choose,
            Action::ChooseNumber => &keys.choose_number,
            Action::Open => &keys.open,
            Action::Copy => &keys.copy,
            Action::OtherPlatform => &keys.other_platform,
            Action::Help => &keys.help,
            Action::Close => &keys.close,
            Action::Language => &keys.language,
            Action::Quit => &keys.quit,
            Action::Interrupt => &keys.interrupt,
            Action::Suspend => &keys.suspend,
            Action::Mark => &keys.mark,
            Action::MarkSetting => &keys.mark_setting,
            Action::Accounts => &keys.accounts,
            Action::Overview => &keys.overview,
            Action::Retry => &keys.retry,
            Action::Yes => &keys.yes,
            Action::No => &keys.no,
            Action::SelectEntry => &keys.select_entry,
            Action::Edit => &keys.edit,
            Action::AddAccount => &keys.add_account,
            Action::Remove => &keys.remove,
            Action::Save => &keys.save,
            Action::Cancel => &keys.cancel,
            Action::NextField => &keys.next_field,
            Action::PreviousField => &keys.previous_field,
            Action::Qr => &keys.qr,
            Action::CloseQr => &keys.close,
            Action::Share => &keys.share,
            Action::CopyMessage => &keys.copy_message,
            Action::Letter => &keys.letter,
            Action::WriteLetter => &keys.write_letter,
            Action::CopyLetter => &keys.copy_letter,
            Action::CloseLetter => &keys.close,
        }
    }

    /// The longer words the help overlay uses, where they differ from the footer's.
    pub fn long_label(self, keys: &KeyTexts) -> &str {
        match self {
            Action::Language => &keys.language_long,
            _ => self.label(keys),
        }
    }

    fn message(self, code: KeyCode) -> Option<Message> {
        let up = matches!(code, KeyCode::Up | KeyCode::Char('k'));
        Some(match self {
            Action::Next | Action::NextStep | Action::Choose | Action::OtherPlatform | Action::Pick => {
                Message::Next
            }
            Action::Back | Action::PreviousStep => Message::Back,
            Action::Scroll if up => Message::ScrollUp,
            Action::Scroll => Message::ScrollDown,
            Action::Page | Action::PageEntries if code == KeyCode::PageUp => Message::PageUp,
            Action::Page | Action::PageEntries => Message::PageDown,
            Action::Ends if code == KeyCode::Home => Message::Home,
            Action::Ends => Message::End,
            Action::Select if up => Message::SelectPrevious,
            Action::Select => Message::SelectNext,
            Action::ChooseNumber => {
                let digit = code.as_char()?.to_digit(10)?;
                Message::Choose(usize::try_from(digit).ok()?.checked_sub(1)?)
            }
            Action::Open => Message::OpenLink,
            Action::Copy => Message::CopyLink,
            Action::Help => Message::ToggleHelp,
            Action::Close => Message::CloseHelp,
            Action::Language => Message::NextLanguage,
            Action::Quit => Message::Quit,
            Action::Interrupt => Message::Interrupt,
            Action::Suspend => Message::Suspend,
            Action::Mark | Action::MarkSetting | Action::Accounts => Message::Mark,
            Action::Overview => Message::ShowOverview,
            Action::Retry => Message::Retry,
            Action::Yes => Message::Confirm(true),
            Action::No => Message::Confirm(false),
            Action::SelectEntry if up => Message::SelectPrevious,
            Action::SelectEntry => Message::SelectNext,
            Action::Edit => Message::Edit,
            Action::AddAccount => Message::AddAccount,
            Action::Remove => Message::Remove,
            Action::Save => Message::SaveEdit,
            Action::Cancel => Message::Cancel,
            Action::NextField => Message::NextField,
            Action::PreviousField => Message::PreviousField,
            Action::Qr | Action::CloseQr => Message::ToggleQr,
            Action::Share => Message::ShowShare,
            Action::CopyMessage => Message::CopyMessage,
            Action::Letter => Message::Letter,
            Action::WriteLetter => Message::SaveEdit,
            Action::CopyLetter => Message::CopyLetter,
            Action::CloseLetter => Message::Cancel,
        })
    }

    /// Commands every screen accepts; the help lists them under "always".
    pub fn is_global(self) -> bool {
        matches!(
            self,
            Action::Help
                | Action::Language
                | Action::Quit
                | Action::Interrupt
                | Action::Suspend
                | Action::Overview
        )
    }
}

/// A key as the footer and help write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

const NEXT: &[Key] =
    &[key(KeyCode::Right), key(KeyCode::Enter), key(KeyCode::Char('l')), key(KeyCode::Char(' '))];
const CHOOSE: &[Key] =
    &[key(KeyCode::Enter), key(KeyCode::Right), key(KeyCode::Char('l')), key(KeyCode::Char(' '))];
/// Esc goes back one level too, as it closes what is open over a screen: it never quits.
const BACK: &[Key] =
    &[key(KeyCode::Left), key(KeyCode::Char('h')), key(KeyCode::Backspace), key(KeyCode::Esc)];
const UP_DOWN: &[Key] =
    &[key(KeyCode::Up), key(KeyCode::Down), key(KeyCode::Char('k')), key(KeyCode::Char('j'))];
const PAGE: &[Key] = &[key(KeyCode::PageUp), key(KeyCode::PageDown)];
const HOME_END: &[Key] = &[key(KeyCode::Home), key(KeyCode::End)];
const DIGITS: [Key; 9] = {
    let mut digits = [key(KeyCode::Char('1')); 9];
    let mut index = 0;
    while index < 9 {
        digits[index] = key(KeyCode::Char((b'1' + index as u8) as char));
        index += 1;
    }
    digits
};

/// One line of the key table: the keys, what they do, and how many of them the footer shows
/// (0: only the help lists it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub in_footer: usize,
}

impl Binding {
    fn new(keys: &[Key], action: Action, in_footer: usize) -> Binding {
        Binding { keys: keys.to_vec(), action, in_footer }
    }

    fn accepts(&self, key: Key) -> bool {
        self.keys.contains(&key)
    }
}

/// The keys the wizard accepts right now, in the order the footer shows them.
pub fn bindings(app: &App) -> Vec<Binding> {
    table(app, app.help_open(), app.view.scrollable())
}

/// Ctrl-C quits at once and Ctrl-Z pauses (where the system can), whatever else is open.
fn control_keys(table: &mut Vec<Binding>) {
    table.push(Binding::new(&[ctrl('c')], Action::Interrupt, 0));
    if platform::CAN_SUSPEND {
        table.push(Binding::new(&[ctrl('z')], Action::Suspend, 0));
    }
}

/// The keys of the current screen, with the help open over it or not (the help lists the
/// screen's own keys), with the scrolling keys or not.
pub fn table(app: &App, help: bool, scrollable: bool) -> Vec<Binding> {
    let mut table = Vec::new();
    if app.view.too_small() {
        // Nothing shows but the request for a bigger window: no key may act unseen.
        table.push(Binding::new(&[key(KeyCode::Char('q'))], Action::Quit, 1));
        control_keys(&mut table);
        return table;
    }
    match &app.overlay {
        Some(Overlay::Editor(_)) => {
            // The form takes every other key as typing.
            table.push(Binding::new(&[key(KeyCode::Enter)], Action::Save, 1));
            table.push(Binding::new(&[key(KeyCode::Esc)], Action::Cancel, 1));
            table.push(Binding::new(&[key(KeyCode::Tab), key(KeyCode::Down)], Action::NextField, 1));
            table.push(Binding::new(&[key(KeyCode::BackTab), key(KeyCode::Up)], Action::PreviousField, 0));
        }
        Some(Overlay::Letter(form)) if form.written.is_none() => {
            // The form takes every other key as typing.
            table.push(Binding::new(&[key(KeyCode::Enter)], Action::WriteLetter, 1));
            table.push(Binding::new(&[key(KeyCode::Esc)], Action::Cancel, 1));
            table.push(Binding::new(&[key(KeyCode::Tab), key(KeyCode::Down)], Action::NextField, 1));
            table.push(Binding::new(&[key(KeyCode::BackTab), key(KeyCode::Up)], Action::PreviousField, 0));
        }
        Some(Overlay::Letter(_)) => {
            table.push(Binding::new(&[key(KeyCode::Char('c'))], Action::CopyLetter, 1));
            table.push(Binding::new(&[key(KeyCode::Esc), key(KeyCode::Enter)], Action::CloseLetter, 2));
            table.push(Binding::new(&[key(KeyCode::Char('q'))], Action::Quit, 1));
        }
        Some(Overlay::Question(_)) => {
            // A yes/no question takes every key until it is answered.
            // "j" for ja, "y" for yes: both work, the footer shows the person's own.
            let yes: &[Key] = match app.lang {
                Lang::Nl | Lang::De => &[key(KeyCode::Char('j')), key(KeyCode::Char('y'))],
                Lang::En => &[key(KeyCode::Char('y')), key(KeyCode::Char('j'))],
            };
            table.push(Binding::new(yes, Action::Yes, 1));
            table.push(Binding::new(&[key(KeyCode::Char('n')), key(KeyCode::Esc)], Action::No, 1));
        }
        Some(Overlay::Accounts(_)) => {
            table.push(Binding::new(UP_DOWN, Action::Select, 2));
            table.push(Binding::new(&[key(KeyCode::Enter)], Action::Pick, 1));
            let count = app.account_choices().len().min(DIGITS.len());
            table.push(Binding::new(&DIGITS[..count], Action::ChooseNumber, 9));
            table.push(Binding::new(&[key(KeyCode::Esc)], Action::Cancel, 1));
        }
        Some(Overlay::Qr) => {
            table.push(Binding::new(&[key(KeyCode::Char('r')), key(KeyCode::Esc)], Action::CloseQr, 2));
            table.push(Binding::new(&[key(KeyCode::Char('t'))], Action::Language, 1));
            table.push(Binding::new(&[key(KeyCode::Char('q'))], Action::Quit, 1));
        }
        Some(Overlay::Help) | None if help => {
            table.push(Binding::new(&[key(KeyCode::Esc), key(KeyCode::Char('?'))], Action::Close, 2));
            if scrollable {
                table.push(Binding::new(UP_DOWN, Action::Scroll, 2));
                table.push(Binding::new(PAGE, Action::Page, 0));
                table.push(Binding::new(HOME_END, Action::Ends, 0));
            }
            table.push(Binding::new(&[key(KeyCode::Char('t'))], Action::Language, 1));
            table.push(Binding::new(&[key(KeyCode::Char('q'))], Action::Quit, 1));
        }
        Some(Overlay::Help) | None => {
            screen_keys(app, scrollable, &mut table);
            table.push(Binding::new(&[key(KeyCode::Char('t'))], Action::Language, 1));
            table.push(Binding::new(&[key(KeyCode::Char('q'))], Action::Quit, 1));
        }
    }
    control_keys(&mut table);
    table
}

/// The keys of the screen itself, when nothing is open over it.
fn screen_keys(app: &App, scrollable: bool, table: &mut Vec<Binding>) {
    match app.screen {
        Screen::Warning => table.push(Binding::new(NEXT, Action::Next, 2)),
        Screen::Risks => {
            table.push(Binding::new(NEXT, Action::Next, 2));
            table.push(Binding::new(BACK, Action::Back, 1));
        }
        Screen::Platforms => {
            table.push(Binding::new(UP_DOWN, Action::Select, 2));
            table.push(Binding::new(CHOOSE, Action::Choose, 1));
            table.push(Binding::new(&DIGITS[..app.platforms().len()], Action::ChooseNumber, 9));
            table.push(Binding::new(BACK, Action::Back, 1));
        }
        Screen::Step { step, .. } => {
            let last = step + 1 == crate::content::STEPS_PER_PLATFORM;
            table.push(Binding::new(NEXT, if last { Action::Next } else { Action::NextStep }, 1));
            table.push(Binding::new(BACK, if step == 0 { Action::Back } else { Action::PreviousStep }, 1));
            // A note has no link to open, copy or scan.
            if app.current_platform().is_some_and(|platform| platform.link.is_some()) {
                table.push(Binding::new(&[key(KeyCode::Char('o'))], Action::Open, 1));
                table.push(Binding::new(&[key(KeyCode::Char('c'))], Action::Copy, 1));
                table.push(Binding::new(&[key(KeyCode::Char('r'))], Action::Qr, 1));
            }
        }
        Screen::Done { .. } => {
            table.push(Binding::new(CHOOSE, Action::OtherPlatform, 1));
            table.push(Binding::new(BACK, Action::Back, 1));
        }
        Screen::Share => {
            table.push(Binding::new(BACK, Action::Back, 1));
            table.push(Binding::new(&[key(KeyCode::Char('c'))], Action::CopyMessage, 1));
        }
        Screen::Overview => {
            table.push(Binding::new(BACK, Action::Back, 1));
            if app.overview_selectable() {
                if app.record().entries().len() > 1 {
                    table.push(Binding::new(UP_DOWN, Action::SelectEntry, 2));
                }
                // An entry that cannot be read has no details to edit: it can only go.
                if app.selected_objection().is_some() {
                    table.push(Binding::new(&[key(KeyCode::Char('e'))], Action::Edit, 1));
                    if app.addable_platform().is_some() {
                        table.push(Binding::new(&[key(KeyCode::Char('a'))], Action::AddAccount, 1));
                    }
                }
                table.push(Binding::new(&[key(KeyCode::Char('x')), key(KeyCode::Delete)], Action::Remove, 1));
            }
        }
    }
    // A letter, for when one of Meta's forms does not work.
    if app.letter_platform().is_some() {
        table.push(Binding::new(&[key(KeyCode::Char('b'))], Action::Letter, 1));
    }
    if let Some(platform) = app.markable_platform().filter(|_| app.writable()) {
        let kind = app.platforms().get(platform).map_or(Kind::Form, |p| p.kind);
        // A note is not markable, so never reaches here; its words would be the form's.
        let action = match (app.marked(platform).is_some(), kind) {
            (true, _) => Action::Accounts,
            (false, Kind::Setting) => Action::MarkSetting,
            (false, Kind::Form | Kind::Note) => Action::Mark,
        };
        table.push(Binding::new(&[key(KeyCode::Char('m'))], action, 1));
    }
    // Saving again can work only while the record can be written.
    if app.unsaved() && app.writable() {
        table.push(Binding::new(&[key(KeyCode::Char('s'))], Action::Retry, 1));
    }
    if matches!(app.screen, Screen::Risks | Screen::Done { .. }) {
        table.push(Binding::new(&[key(KeyCode::Char('d'))], Action::Share, 1));
    }
    if app.screen != Screen::Overview {
        table.push(Binding::new(&[key(KeyCode::Char('p'))], Action::Overview, 1));
    }
    if scrollable {
        // Where ↑↓ choose, the page keys scroll, and the footer says so.
        let selects = table.iter().any(|b| matches!(b.action, Action::Select | Action::SelectEntry));
        if !selects {
            table.push(Binding::new(UP_DOWN, Action::Scroll, 2));
        }
        // In the overview they move the selection, and say so.
        let page = if app.screen == Screen::Overview && selects { Action::PageEntries } else { Action::Page };
        table.push(Binding::new(PAGE, page, if selects { 2 } else { 0 }));
        table.push(Binding::new(HOME_END, Action::Ends, 0));
    } else if app.screen == Screen::Platforms {
        table.push(Binding::new(HOME_END, Action::Ends, 0));
    }
    table.push(Binding::new(&[key(KeyCode::Char('?'))], Action::Help, 1));
}

/// The message a key press means on the current screen, if any.
pub fn message_for(event: KeyEvent, app: &App) -> Option<Message> {
    let modifiers = event.modifiers;
    let key = Key { code: event.code, ctrl: modifiers.contains(KeyModifiers::CONTROL) };
    let bound = bindings(app)
        .iter()
        .find(|binding| binding.accepts(key))
        .map(|binding| binding.action.message(key.code));
    if app.typing() {
        // In the form, every key that is not one of its own is typed.
        return bound.unwrap_or(Some(Message::EditKey(event)));
    }
    if modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SUPER | KeyModifiers::META) {
        return None;
    }
    bound.flatten()
}

/// How a key is written: arrows as arrows, Space and Ctrl in the person's language ("Strg-C"
/// on a German keyboard).
pub fn key_name(key: Key, texts: &KeyTexts) -> String {
    let name = match key.code {
        KeyCode::Right => "→".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Char(' ') => texts.space.clone(),
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    };
    if key.ctrl { format!("{}-{}", texts.ctrl, name.to_uppercase()) } else { name }
}

/// The keys of a binding as the footer writes them: "↑↓", "→ Enter", "1-2".
pub fn footer_keys(binding: &Binding, texts: &KeyTexts) -> String {
    let shown = &binding.keys[..binding.in_footer.min(binding.keys.len())];
    match (binding.action, shown) {
        (Action::ChooseNumber, [first, .., last]) => {
            format!("{}-{}", key_name(*first, texts), key_name(*last, texts))
        }
        (Action::Select | Action::SelectEntry | Action::Scroll, _) => {
            shown.iter().map(|k| key_name(*k, texts)).collect()
        }
        _ => shown.iter().map(|k| key_name(*k, texts)).collect::<Vec<_>>().join(" "),
    }
}

/// The keys of a binding as the help writes them: every one.
pub fn help_keys(binding: &Binding, texts: &KeyTexts) -> String {
    binding.keys.iter().map(|k| key_name(*k, texts)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Lang};
    use chrono::NaiveDate;

    fn app_on(screen: Screen) -> App {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut app = App::new(Content::embedded(Lang::Nl).unwrap(), Lang::Nl, today);
        app.screen = screen;
        // Settles the state as every message does.
        crate::tui::step(&mut app, Message::Resized(80, 24));
        app
    }

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn message(app: &App, code: KeyCode) -> Option<Message> {
        message_for(press(code), app)
    }

    #[test]
    fn a_note_s_steps_and_end_offer_no_link_keys_and_no_mark() {
        let probe = app_on(Screen::Platforms);
        let note = probe.platforms().iter().position(|p| p.kind == Kind::Note).unwrap();
        for step in [0, 4] {
            let app = app_on(Screen::Step { platform: note, step });
            for code in ['o', 'c', 'r', 'm'] {
                assert_eq!(message(&app, KeyCode::Char(code)), None, "step {step}: {code}");
            }
            let setting = app_on(Screen::Step { platform: note - 1, step });
            assert_eq!(
                message(&setting, KeyCode::Char('o')),
                Some(Message::OpenLink),
                "a setting's step has them"
            );
        }
        let done = app_on(Screen::Done { platform: note });
        assert_eq!(message(&done, KeyCode::Char('m')), None);
        assert!(!bindings(&done).iter().any(|b| matches!(b.action, Action::Mark | Action::MarkSetting)));
    }

    #[test]
    fn next_and_back_have_several_keys() {
        let app = app_on(Screen::Risks);
        for code in [KeyCode::Right, KeyCode::Enter, KeyCode::Char('l'), KeyCode::Char(' ')] {
            assert_eq!(message(&app, code), Some(Message::Next), "{code:?}");
        }
        for code in [KeyCode::Left, KeyCode::Char('h'), KeyCode::Backspace] {
            assert_eq!(message(&app, code), Some(Message::Back), "{code:?}");
        }
    }

    #[test]
    fn the_platform_list_takes_arrows_vim_keys_and_digits() {
        let app = app_on(Screen::Platforms);
        assert_eq!(message(&app, KeyCode::Down), Some(Message::SelectNext));
        assert_eq!(message(&app, KeyCode::Char('k')), Some(Message::SelectPrevious));
        assert_eq!(message(&app, KeyCode::Char('1')), Some(Message::Choose(0)));
        assert_eq!(message(&app, KeyCode::Char('2')), Some(Message::Choose(1)));
        let count = app.platforms().len();
        let digit = |n: usize| KeyCode::Char(char::from_digit(u32::try_from(n).unwrap(), 10).unwrap());
        assert_eq!(message(&app, digit(count)), Some(Message::Choose(count - 1)));
        if count < 9 {
            assert_eq!(message(&app, digit(count + 1)), None, "only as many digits as platforms");
        }
        assert_eq!(message(&app, KeyCode::Char('0')), None);
        assert_eq!(message(&app, KeyCode::Enter), Some(Message::Next));
    }

    #[test]
    fn open_and_copy_only_on_the_steps() {
        let warning = app_on(Screen::Warning);
        assert_eq!(message(&warning, KeyCode::Char('o')), None);
        let step = app_on(Screen::Step { platform: 0, step: 2 });
        assert_eq!(message(&step, KeyCode::Char('o')), Some(Message::OpenLink));
        assert_eq!(message(&step, KeyCode::Char('c')), Some(Message::CopyLink));
    }

    #[test]
    fn esc_goes_back_one_level_and_never_quits() {
        for screen in [
            Screen::Risks,
            Screen::Platforms,
            Screen::Step { platform: 0, step: 0 },
            Screen::Step { platform: 0, step: 3 },
            Screen::Done { platform: 1 },
            Screen::Overview,
            Screen::Share,
        ] {
            assert_eq!(message(&app_on(screen), KeyCode::Esc), Some(Message::Back), "{screen:?}");
        }
        let mut app = app_on(Screen::Warning);
        assert_eq!(message(&app, KeyCode::Esc), None, "the first screen stays; q quits");
        crate::tui::step(&mut app, Message::ToggleHelp);
        assert_eq!(message(&app, KeyCode::Esc), Some(Message::CloseHelp));
        assert_eq!(message(&app, KeyCode::Char('?')), Some(Message::CloseHelp));
        assert_eq!(message(&app, KeyCode::Char('q')), Some(Message::Quit));
        assert_eq!(message(&app, KeyCode::Enter), None, "the wizard waits behind the help");
    }

    #[test]
    fn below_the_minimum_size_no_key_acts_unseen() {
        let mut app = app_on(Screen::Step { platform: 0, step: 4 });
        crate::tui::step(&mut app, Message::Resized(50, 12));
        for code in [KeyCode::Char('m'), KeyCode::Enter, KeyCode::Char('o'), KeyCode::Char('t'), KeyCode::Esc]
        {
            assert_eq!(message(&app, code), None, "{code:?}");
        }
        assert_eq!(message(&app, KeyCode::Char('q')), Some(Message::Quit));
        crate::tui::step(&mut app, Message::Resized(80, 24));
        assert_eq!(message(&app, KeyCode::Char('m')), Some(Message::Mark));
    }

    #[test]
    fn a_read_only_record_offers_no_mark_key() {
        let app = app_on(Screen::Done { platform: 0 });
        let mut app = app.with_record(
            None,
            crate::record::Record::default(),
            Some(crate::record::Problem::FutureVersion(3)),
        );
        app.screen = Screen::Done { platform: 0 };
        crate::tui::step(&mut app, Message::Resized(80, 24));
        assert_eq!(message(&app, KeyCode::Char('m')), None);
    }

    #[test]
    fn a_question_takes_only_yes_and_no() {
        let mut app = app_on(Screen::Step { platform: 0, step: 4 });
        app.set_record(crate::record::Record::with([crate::record::Objection::new(
            "instagram",
            None,
            app.today,
        )]));
        app.overlay = Some(crate::app::Overlay::Question(crate::app::Unmark(app.record().id_of(0).unwrap())));
        assert_eq!(message(&app, KeyCode::Char('j')), Some(Message::Confirm(true)));
        assert_eq!(message(&app, KeyCode::Char('y')), Some(Message::Confirm(true)));
        assert_eq!(message(&app, KeyCode::Char('n')), Some(Message::Confirm(false)));
        assert_eq!(message(&app, KeyCode::Esc), Some(Message::Confirm(false)));
        assert_eq!(message(&app, KeyCode::Char('q')), None, "answer first");
        assert_eq!(message(&app, KeyCode::Char('m')), None);
    }

    #[test]
    fn m_marks_only_on_the_last_step_and_the_end() {
        for (screen, marks) in [
            (Screen::Step { platform: 0, step: 3 }, false),
            (Screen::Step { platform: 0, step: 4 }, true),
            (Screen::Done { platform: 1 }, true),
            (Screen::Platforms, false),
        ] {
            let app = app_on(screen);
            assert_eq!(message(&app, KeyCode::Char('m')) == Some(Message::Mark), marks, "{screen:?}");
            assert_eq!(message(&app, KeyCode::Char('p')), Some(Message::ShowOverview));
        }
        let overview = app_on(Screen::Overview);
        assert_eq!(message(&overview, KeyCode::Char('p')), None);
        assert_eq!(message(&overview, KeyCode::Left), Some(Message::Back));
    }

    #[test]
    fn b_writes_a_letter_only_on_the_steps_and_end_of_metas_forms() {
        let platforms = app_on(Screen::Platforms).platforms().len();
        for platform in 0..platforms {
            let form = app_on(Screen::Platforms).platforms()[platform].kind == crate::content::Kind::Form;
            for screen in [
                Screen::Step { platform, step: 0 },
                Screen::Step { platform, step: 4 },
                Screen::Done { platform },
            ] {
                let app = app_on(screen);
                let letter = message(&app, KeyCode::Char('b')) == Some(Message::Letter);
                assert_eq!(letter, form, "{screen:?}");
                let footer = bindings(&app).iter().any(|b| b.action == Action::Letter && b.in_footer > 0);
                assert_eq!(footer, form, "{screen:?}: the footer says it where it works");
                assert_eq!(message(&app, KeyCode::Char('l')), Some(Message::Next), "l stays the next key");
            }
        }
        for screen in [Screen::Warning, Screen::Risks, Screen::Platforms, Screen::Overview, Screen::Share] {
            assert_eq!(message(&app_on(screen), KeyCode::Char('b')), None, "{screen:?}");
        }
        // In the form every key is typed, b and q too; once written, c copies and Esc closes.
        let mut app = app_on(Screen::Done { platform: 0 });
        crate::tui::step(&mut app, Message::Letter);
        for code in [KeyCode::Char('b'), KeyCode::Char('q'), KeyCode::Char('c')] {
            assert!(matches!(message(&app, code), Some(Message::EditKey(_))), "{code:?}");
        }
        assert_eq!(message(&app, KeyCode::Enter), Some(Message::SaveEdit));
        assert_eq!(message(&app, KeyCode::Esc), Some(Message::Cancel));
        let written =
            crate::letter_form::Written { path: "/tmp/brief.txt".into(), text: "x".into(), copied: None };
        crate::tui::step(&mut app, Message::LetterSaved(Ok(written)));
        assert_eq!(message(&app, KeyCode::Char('c')), Some(Message::CopyLetter));
        assert_eq!(message(&app, KeyCode::Enter), Some(Message::Cancel));
        assert_eq!(message(&app, KeyCode::Char('b')), None);
    }

    #[test]
    fn control_keys_quit_and_suspend_and_other_modifiers_do_nothing() {
        let app = app_on(Screen::Platforms);
        let with = |code, modifiers| message_for(KeyEvent::new(code, modifiers), &app);
        assert_eq!(with(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Message::Interrupt));
        assert_eq!(with(KeyCode::Char('z'), KeyModifiers::CONTROL), Some(Message::Suspend));
        assert_eq!(with(KeyCode::Char('q'), KeyModifiers::ALT), None);
        assert_eq!(with(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Message::ToggleHelp));
        assert_eq!(with(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn every_key_in_the_table_does_something_on_its_screen() {
        let screens = [
            Screen::Warning,
            Screen::Risks,
            Screen::Platforms,
            Screen::Step { platform: 0, step: 0 },
            Screen::Step { platform: 1, step: 4 },
            Screen::Done { platform: 0 },
        ];
        for screen in screens {
            for help in [false, true] {
                let mut app = app_on(screen);
                if help {
                    crate::tui::step(&mut app, Message::ToggleHelp);
                }
                for binding in bindings(&app) {
                    for key in &binding.keys {
                        let modifiers = if key.ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
                        let event = KeyEvent::new(key.code, modifiers);
                        assert!(message_for(event, &app).is_some(), "{screen:?} help={help} {key:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_entry_that_cannot_be_read_can_only_be_removed() {
        let mut app = app_on(Screen::Overview);
        let json = br#"{"version": 2, "objections": [{"platform": "x", "submitted_on": "2025-02-30"}]}"#;
        app.set_record(crate::record::parse(json).unwrap());
        crate::tui::step(&mut app, Message::Resized(80, 24));
        assert_eq!(message(&app, KeyCode::Char('e')), None);
        assert_eq!(message(&app, KeyCode::Char('a')), None);
        assert_eq!(message(&app, KeyCode::Char('x')), Some(Message::Remove));
        crate::tui::step(&mut app, Message::Remove);
        assert!(app.question().is_some(), "it is removed only after a question");
    }

    #[test]
    fn the_footer_writes_keys_briefly() {
        let app = app_on(Screen::Platforms);
        let texts = &app.texts().keys;
        let shown: Vec<String> = bindings(&app)
            .iter()
            .filter(|binding| binding.in_footer > 0)
            .map(|binding| footer_keys(binding, texts))
            .collect();
        let digits = format!("1-{}", app.platforms().len());
        assert_eq!(shown, ["↑↓", "Enter", digits.as_str(), "←", "p", "PgUp PgDn", "?", "t", "q"]);
    }
}

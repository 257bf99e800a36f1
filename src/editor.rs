//! The form for an objection's details: which account, a note, and when a confirmation
//! arrived. Pure state: typing, moving between fields, and checking the result.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::to_input_request;
use tui_input::{Input, InputRequest};

use crate::dates::{self, DateError};
use crate::record::{Change, Details, EntryId, Objection, Record};
use crate::text::{self, MAX_ACCOUNT_CHARS, MAX_NOTE_CHARS};

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Account,
    Submitted,
    Confirmation,
    Note,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Account, Field::Submitted, Field::Confirmation, Field::Note];

    /// The most characters the field takes.
    pub fn limit(self) -> usize {
        match self {
            Field::Account => MAX_ACCOUNT_CHARS,
            Field::Note => MAX_NOTE_CHARS,
            Field::Submitted | Field::Confirmation => 10,
        }
    }

    /// Whether the field holds free text (and shows how full it is).
    pub fn is_text(self) -> bool {
        matches!(self, Field::Account | Field::Note)
    }
}

/// Why the form cannot be saved as it is, or why it did not take what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Another entry for this platform has this account already.
    AccountTaken(String),
    /// A new entry needs an account name: the unnamed one exists.
    AccountNeeded,
    Date(DateError),
    /// The field is full: it takes at most this many characters.
    Full(usize),
    /// Pasted text longer than the room left: its length and the room.
    PasteTooLong {
        count: usize,
        room: usize,
    },
    /// The entry was changed or removed elsewhere while the form was open.
    ChangedElsewhere,
}

/// What a key typed into a text field did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    /// Not a key for a text field, or a character that is never taken.
    Nothing,
    Taken,
    /// The field is full.
    Refused(EditError),
}

/// A key typed into a field that takes at most `limit` characters. Characters that would act
/// on the terminal or reorder the text are not taken; a full field takes nothing more.
pub fn type_key(input: &mut Input, key: KeyEvent, limit: usize) -> Typed {
    let Some(request) = to_input_request(&Event::Key(key)) else { return Typed::Nothing };
    if let InputRequest::InsertChar(c) = request {
        if text::is_removed(c) {
            return Typed::Nothing;
        }
        if input.value().chars().count() >= limit {
            return Typed::Refused(EditError::Full(limit));
        }
    }
    input.handle(request);
    Typed::Taken
}

/// Pasted text, typed into a field as one line: line breaks become spaces, and what
/// [`type_key`] would not take is left out. Text that does not fit is not pasted at all.
pub fn paste_into(input: &mut Input, pasted: &str, limit: usize) -> Result<(), EditError> {
    let line = text::one_line(pasted);
    let count = line.chars().count();
    let room = limit.saturating_sub(input.value().chars().count());
    if count > room {
        return Err(EditError::PasteTooLong { count, room });
    }
    for c in line.chars() {
        input.handle(InputRequest::InsertChar(c));
    }
    Ok(())
}

/// The open form.
#[derive(Debug, Clone)]
pub struct Editor {
    pub platform: String,
    /// The entry being edited, as it was when the form opened; `None` for a new entry.
    pub editing: Option<EntryId>,
    pub field: Field,
    pub inputs: [Input; 4],
    pub error: Option<EditError>,
}

impl Editor {
    /// The form filled with an existing entry.
    pub fn edit(id: EntryId, objection: &Objection) -> Editor {
        let text = |value: Option<&str>| Input::new(value.unwrap_or_default().to_owned());
        let confirmation = objection.confirmation_on.map(dates::iso);
        Editor {
            platform: objection.platform.clone(),
            editing: Some(id),
            field: Field::Account,
            inputs: [
                text(objection.account.as_deref()),
                Input::new(dates::iso(objection.submitted_on)),
                text(confirmation.as_deref()),
                text(objection.note.as_deref()),
            ],
            error: None,
        }
    }

    /// An empty form for another account on the same platform, submitted today.
    pub fn new_account(platform: &str, today: NaiveDate) -> Editor {
        Editor {
            platform: platform.to_owned(),
            editing: None,
            field: Field::Account,
            inputs: [Input::default(), Input::new(dates::iso(today)), Input::default(), Input::default()],
            error: None,
        }
    }

    pub fn input(&self, field: Field) -> &Input {
        &self.inputs[field as usize]
    }

    /// A key typed into the current field. Characters that would act on the terminal or
    /// reorder the text are not taken; a full field takes nothing more and says so.
    pub fn key(&mut self, key: KeyEvent) {
        let field = self.field;
        match type_key(&mut self.inputs[field as usize], key, field.limit()) {
            Typed::Nothing => {}
            Typed::Taken => self.error = None,
            Typed::Refused(error) => self.error = Some(error),
        }
    }

    /// Pasted text, typed into the current field as one line: line breaks become spaces, and
    /// what `key` would not take is left out. Text that does not fit is not pasted at all.
    pub fn paste(&mut self, pasted: &str) {
        let field = self.field;
        self.error = paste_into(&mut self.inputs[field as usize], pasted, field.limit()).err();
    }

    pub fn next_field(&mut self) {
        self.field = Field::ALL[(self.field as usize + 1) % Field::ALL.len()];
    }

    pub fn previous_field(&mut self) {
        self.field = Field::ALL[(self.field as usize + Field::ALL.len() - 1) % Field::ALL.len()];
    }

    /// The change the form describes, checked against the record and today's date.
    pub fn result(&self, record: &Record, today: NaiveDate) -> Result<Change, EditError> {
        let account = text::clean_optional(Some(self.input(Field::Account).value()));
        let note = text::clean_optional(Some(self.input(Field::Note).value()));
        let date = |field: Field| -> Result<Option<NaiveDate>, EditError> {
            let typed = self.input(field).value().trim();
            if typed.is_empty() {
                return Ok(None);
            }
            dates::parse_checked(typed, today).map(Some).map_err(EditError::Date)
        };
        let submitted_on =
            date(Field::Submitted)?.ok_or_else(|| EditError::Date(DateError::NotADate(String::new())))?;
        let confirmation_on = date(Field::Confirmation)?;
        dates::check_pair(submitted_on, confirmation_on).map_err(EditError::Date)?;
        let editing = self.editing.as_ref().and_then(|id| id.entry().objection());
        let unchanged_account = editing.is_some_and(|objection| objection.account == account);
        if !unchanged_account && record.find(&self.platform, account.as_deref()).is_some() {
            return Err(match account {
                Some(account) => EditError::AccountTaken(account),
                None => EditError::AccountNeeded,
            });
        }
        Ok(match &self.editing {
            Some(id) => Change::Edit(id.clone(), Details { account, submitted_on, confirmation_on, note }),
            None => Change::Add(Objection {
                confirmation_on,
                note,
                ..Objection::new(&self.platform, account.as_deref(), submitted_on)
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn date(text: &str) -> NaiveDate {
        dates::parse(text).unwrap()
    }

    fn today() -> NaiveDate {
        date("2026-11-29")
    }

    fn typed(editor: &mut Editor, text: &str) {
        for c in text.chars() {
            editor.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn record() -> Record {
        Record::with([Objection::new("facebook", None, date("2025-05-20"))])
    }

    fn editing(record: &Record) -> Editor {
        let id = record.id_of(0).unwrap();
        let objection = id.entry().objection().unwrap().clone();
        Editor::edit(id, &objection)
    }

    #[test]
    fn editing_keeps_the_submission_date_and_fills_in_details() {
        let record = record();
        let mut editor = editing(&record);
        typed(&mut editor, "werk");
        editor.next_field();
        editor.next_field();
        typed(&mut editor, "2025-05-22");
        editor.next_field();
        typed(&mut editor, "via de club");
        let Ok(Change::Edit(id, details)) = editor.result(&record, today()) else { panic!("an edit") };
        assert_eq!(id, record.id_of(0).unwrap(), "the entry the form was opened on");
        assert_eq!(
            details,
            Details {
                account: Some("werk".into()),
                submitted_on: date("2025-05-20"),
                confirmation_on: Some(date("2025-05-22")),
                note: Some("via de club".into()),
            }
        );
    }

    #[test]
    fn a_second_account_needs_its_own_name() {
        let mut record = record();
        let mut editor = Editor::new_account("facebook", today());
        assert_eq!(editor.result(&record, today()), Err(EditError::AccountNeeded));
        typed(&mut editor, "vereniging");
        let Ok(change @ Change::Add(_)) = editor.result(&record, today()) else { panic!("an addition") };
        assert!(record.apply(&change).changed());
        let mut again = Editor::new_account("facebook", today());
        typed(&mut again, "vereniging");
        assert_eq!(again.result(&record, today()), Err(EditError::AccountTaken("vereniging".into())));
    }

    #[test]
    fn dates_follow_the_one_rule() {
        let record = record();
        let mut editor = editing(&record);
        editor.field = Field::Confirmation;
        typed(&mut editor, "22-05-2025");
        assert_eq!(
            editor.result(&record, today()),
            Err(EditError::Date(DateError::NotADate("22-05-2025".into())))
        );
        editor.inputs[2] = Input::new("2027-01-01".into());
        assert_eq!(
            editor.result(&record, today()),
            Err(EditError::Date(DateError::InTheFuture(date("2027-01-01"))))
        );
        editor.inputs[2] = Input::new("2025-05-19".into());
        assert_eq!(
            editor.result(&record, today()),
            Err(EditError::Date(DateError::ConfirmedBefore(date("2025-05-19"), date("2025-05-20"))))
        );
        editor.inputs[1] = Input::new("2023-05-20".into());
        assert_eq!(
            editor.result(&record, today()),
            Err(EditError::Date(DateError::TooEarly(date("2023-05-20"))))
        );
        editor.inputs[1] = Input::new(String::new());
        assert_eq!(editor.result(&record, today()), Err(EditError::Date(DateError::NotADate(String::new()))));
    }

    #[test]
    fn hidden_characters_are_not_taken_and_a_full_field_says_so() {
        let mut editor = Editor::new_account("facebook", today());
        typed(&mut editor, "a\u{1b}b\u{202E}c\u{2066}d\u{9b}e f");
        assert_eq!(editor.input(Field::Account).value(), "abcde f");
        let family = "👨\u{200D}👩\u{200D}👧";
        typed(&mut editor, family);
        assert!(editor.input(Field::Account).value().ends_with(family), "joiners are kept");
        typed(&mut editor, &"x".repeat(200));
        assert_eq!(
            editor.input(Field::Account).value().chars().count(),
            MAX_ACCOUNT_CHARS,
            "the field stops at its limit"
        );
        assert_eq!(editor.error, Some(EditError::Full(MAX_ACCOUNT_CHARS)), "and says so");
    }

    #[test]
    fn a_paste_that_does_not_fit_is_refused_whole() {
        let mut editor = Editor::new_account("facebook", today());
        editor.paste("via de club\rxj\n\x1b[2Jok");
        assert_eq!(editor.input(Field::Account).value(), "via de club xj [2Jok");
        assert_eq!(editor.field, Field::Account, "nothing moved on to another field");
        let before = editor.input(Field::Account).value().to_owned();
        editor.paste(&"y".repeat(90));
        assert_eq!(editor.input(Field::Account).value(), before, "nothing of it was pasted");
        assert_eq!(editor.error, Some(EditError::PasteTooLong { count: 90, room: 80 }));
    }

    #[test]
    fn fields_go_round() {
        let mut editor = Editor::new_account("instagram", today());
        editor.previous_field();
        assert_eq!(editor.field, Field::Note, "back from the first field is the last");
        editor.next_field();
        editor.next_field();
        assert_eq!(editor.field, Field::Submitted);
    }
}

//! The form for an objection's details: which account, a note, and when Meta's confirmation
//! arrived. Pure state: typing, moving between fields, and checking the result.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::to_input_request;
use tui_input::{Input, InputRequest};

use crate::record::{self, Objection, Record};

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
            Field::Account => record::MAX_ACCOUNT_CHARS,
            Field::Note => record::MAX_NOTE_CHARS,
            Field::Submitted | Field::Confirmation => 10,
        }
    }
}

/// Why the form cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Another entry for this platform has this account already.
    AccountTaken(String),
    /// A new entry needs an account name: the unnamed one exists.
    AccountNeeded,
    BadDate(String),
    FutureDate(String),
    /// The confirmation date lies before the submission date.
    ConfirmedBeforeSubmitted(NaiveDate, NaiveDate),
}

/// The open form.
#[derive(Debug, Clone)]
pub struct Editor {
    pub platform: String,
    /// The account of the entry being edited, or `None` for a new entry.
    pub editing: Option<Option<String>>,
    pub field: Field,
    pub inputs: [Input; 4],
    pub error: Option<EditError>,
}

impl Editor {
    /// The form filled with an existing entry.
    pub fn edit(objection: &Objection) -> Editor {
        let text = |value: Option<&str>| Input::new(value.unwrap_or_default().to_owned());
        let confirmation = objection.confirmation_on.map(iso);
        Editor {
            platform: objection.platform.clone(),
            editing: Some(objection.account.clone()),
            field: Field::Account,
            inputs: [
                text(objection.account.as_deref()),
                Input::new(iso(objection.submitted_on)),
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
            inputs: [Input::default(), Input::new(iso(today)), Input::default(), Input::default()],
            error: None,
        }
    }

    pub fn input(&self, field: Field) -> &Input {
        &self.inputs[field as usize]
    }

    /// A key typed into the current field. Control, bidi and zero-width characters are not
    /// taken, nor anything past the field's limit.
    pub fn key(&mut self, key: KeyEvent) {
        let Some(request) = to_input_request(&Event::Key(key)) else { return };
        let field = self.field;
        let input = &mut self.inputs[field as usize];
        if let InputRequest::InsertChar(c) = request
            && (record::clean(&c.to_string(), 1).is_empty() && c != ' '
                || input.value().chars().count() >= field.limit())
        {
            return;
        }
        input.handle(request);
        self.error = None;
    }

    /// Pasted text, typed into the current field as one line: line breaks become spaces, and
    /// what `key` would refuse is refused here too.
    pub fn paste(&mut self, text: &str) {
        use crossterm::event::{KeyCode, KeyModifiers};
        for c in text.chars() {
            let c = if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c };
            self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    pub fn next_field(&mut self) {
        self.field = Field::ALL[(self.field as usize + 1) % Field::ALL.len()];
    }

    pub fn previous_field(&mut self) {
        self.field = Field::ALL[(self.field as usize + Field::ALL.len() - 1) % Field::ALL.len()];
    }

    /// The entry the form describes, checked against the record and today's date.
    pub fn result(&self, record: &Record, today: NaiveDate) -> Result<Objection, EditError> {
        let account =
            record::clean_optional(Some(self.input(Field::Account).value()), record::MAX_ACCOUNT_CHARS);
        let note = record::clean_optional(Some(self.input(Field::Note).value()), record::MAX_NOTE_CHARS);
        let date = |field: Field| -> Result<Option<NaiveDate>, EditError> {
            let text = self.input(field).value().trim();
            if text.is_empty() {
                return Ok(None);
            }
            let shown = record::clean(text, 20);
            let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .filter(|_| text.len() == 10)
                .ok_or_else(|| EditError::BadDate(shown.clone()))?;
            if date > today {
                return Err(EditError::FutureDate(shown));
            }
            Ok(Some(date))
        };
        let submitted_on = date(Field::Submitted)?.ok_or_else(|| EditError::BadDate(String::new()))?;
        let confirmation_on = date(Field::Confirmation)?;
        if let Some(confirmed) = confirmation_on.filter(|confirmed| *confirmed < submitted_on) {
            return Err(EditError::ConfirmedBeforeSubmitted(confirmed, submitted_on));
        }
        let unchanged_account = self.editing.as_ref() == Some(&account);
        if !unchanged_account && record.find(&self.platform, account.as_deref()).is_some() {
            return Err(match account {
                Some(account) => EditError::AccountTaken(account),
                None => EditError::AccountNeeded,
            });
        }
        Ok(Objection { platform: self.platform.clone(), account, submitted_on, confirmation_on, note })
    }
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn typed(editor: &mut Editor, text: &str) {
        for c in text.chars() {
            editor.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn record() -> Record {
        let mut record = Record::default();
        record.mark(Objection {
            platform: "facebook".into(),
            account: None,
            submitted_on: date("2025-05-20"),
            confirmation_on: None,
            note: None,
        });
        record
    }

    #[test]
    fn editing_keeps_the_submission_date_and_fills_in_details() {
        let record = record();
        let mut editor = Editor::edit(&record.objections[0]);
        typed(&mut editor, "werk");
        editor.next_field();
        editor.next_field();
        typed(&mut editor, "2025-05-22");
        editor.next_field();
        typed(&mut editor, "via de club");
        let result = editor.result(&record, date("2026-11-29")).unwrap();
        assert_eq!(result.account.as_deref(), Some("werk"));
        assert_eq!(result.note.as_deref(), Some("via de club"));
        assert_eq!(result.confirmation_on, Some(date("2025-05-22")));
        assert_eq!(result.submitted_on, date("2025-05-20"));
    }

    #[test]
    fn a_second_account_needs_its_own_name() {
        let record = record();
        let mut editor = Editor::new_account("facebook", date("2026-11-29"));
        assert_eq!(editor.result(&record, date("2026-11-29")), Err(EditError::AccountNeeded));
        typed(&mut editor, "vereniging");
        let result = editor.result(&record, date("2026-11-29")).unwrap();
        assert_eq!(
            (result.account.as_deref(), result.submitted_on),
            (Some("vereniging"), date("2026-11-29"))
        );
        let mut record = record;
        record.mark(result);
        let mut again = Editor::new_account("facebook", date("2026-11-29"));
        typed(&mut again, "vereniging");
        assert_eq!(
            again.result(&record, date("2026-11-29")),
            Err(EditError::AccountTaken("vereniging".into()))
        );
    }

    #[test]
    fn dates_must_be_real_and_not_in_the_future() {
        let record = record();
        let mut editor = Editor::edit(&record.objections[0]);
        editor.field = Field::Confirmation;
        typed(&mut editor, "22-05-2025");
        assert_eq!(editor.result(&record, date("2026-11-29")), Err(EditError::BadDate("22-05-2025".into())));
        editor.inputs[2] = Input::new("2027-01-01".into());
        assert_eq!(
            editor.result(&record, date("2026-11-29")),
            Err(EditError::FutureDate("2027-01-01".into()))
        );
        editor.inputs[2] = Input::new("2025-05-19".into());
        assert_eq!(
            editor.result(&record, date("2026-11-29")),
            Err(EditError::ConfirmedBeforeSubmitted(date("2025-05-19"), date("2025-05-20")))
        );
        editor.inputs[1] = Input::new(String::new());
        assert_eq!(editor.result(&record, date("2026-11-29")), Err(EditError::BadDate(String::new())));
    }

    #[test]
    fn hidden_characters_and_overlong_text_are_not_taken() {
        let mut editor = Editor::new_account("facebook", date("2026-11-29"));
        typed(&mut editor, "a\u{1b}b\u{202E}c\u{200B}d\u{9b}e f");
        assert_eq!(editor.input(Field::Account).value(), "abcde f");
        typed(&mut editor, &"x".repeat(200));
        assert_eq!(editor.input(Field::Account).value().chars().count(), record::MAX_ACCOUNT_CHARS);
    }

    #[test]
    fn a_pasted_line_break_stays_in_the_field() {
        let mut editor = Editor::new_account("facebook", date("2026-11-29"));
        editor.paste("via de club\rxj\n\x1b[2Jok");
        assert_eq!(editor.input(Field::Account).value(), "via de club xj [2Jok");
        assert_eq!(editor.field, Field::Account, "nothing moved on to another field");
    }

    #[test]
    fn fields_go_round() {
        let mut editor = Editor::new_account("instagram", date("2026-11-29"));
        editor.previous_field();
        assert_eq!(editor.field, Field::Note, "back from the first field is the last");
        editor.next_field();
        editor.next_field();
        assert_eq!(editor.field, Field::Submitted);
    }
}

//! The wizard's form for a letter to Meta (`b` on the steps and end screen of one of Meta's
//! forms): the person's name, the e-mail address of their account, their profile name (filled
//! in from the record when it holds one) and, if they like, why they object. Pure state, like
//! the details form: typing, moving between fields, and checking the result.

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use tui_input::Input;

use crate::editor::{self, EditError, Typed};
use crate::letter::{Field, Person, Problem};
use crate::text::OsError;

/// The fields the form asks for, in order. The place before the date is left to the command
/// line: a letter without it is as good.
pub const FIELDS: [Field; 4] = [Field::Name, Field::Email, Field::Account, Field::Reason];

/// Why the form cannot give a letter, or did not take what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    Letter(Problem),
    /// Typing or pasting that the field did not take.
    Typing(EditError),
    /// There is no folder to write the letter to (no home directory).
    NoPlace,
    /// The file could not be written.
    Write(OsError),
}

/// The letter once it is written: where it is, and its text, for copying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub text: String,
    /// Whether the copy to the clipboard went out, once it was asked for.
    pub copied: Option<bool>,
}

/// The open form, and the letter once written.
#[derive(Debug, Clone)]
pub struct LetterForm {
    /// The platform's id: one of Meta's forms.
    pub platform: String,
    /// The focused field: a place in [`FIELDS`].
    pub field: usize,
    pub inputs: [Input; 4],
    pub error: Option<FormError>,
    pub written: Option<Written>,
}

impl LetterForm {
    /// An empty form; the profile name filled in with `account` (the record's label).
    pub fn new(platform: &str, account: Option<&str>) -> LetterForm {
        LetterForm {
            platform: platform.to_owned(),
            field: 0,
            inputs: [
                Input::default(),
                Input::default(),
                Input::new(account.unwrap_or_default().to_owned()),
                Input::default(),
            ],
            error: None,
            written: None,
        }
    }

    pub fn input(&self, field: usize) -> &Input {
        &self.inputs[field]
    }

    /// The field in focus.
    pub fn focused(&self) -> Field {
        FIELDS[self.field]
    }

    pub fn key(&mut self, key: KeyEvent) {
        let limit = self.focused().limit();
        match editor::type_key(&mut self.inputs[self.field], key, limit) {
            Typed::Nothing => {}
            Typed::Taken => self.error = None,
            Typed::Refused(error) => self.error = Some(FormError::Typing(error)),
        }
    }

    pub fn paste(&mut self, pasted: &str) {
        let limit = self.focused().limit();
        self.error =
            editor::paste_into(&mut self.inputs[self.field], pasted, limit).err().map(FormError::Typing);
    }

    pub fn next_field(&mut self) {
        self.field = (self.field + 1) % FIELDS.len();
    }

    pub fn previous_field(&mut self) {
        self.field = (self.field + FIELDS.len() - 1) % FIELDS.len();
    }

    /// The person the letter names, checked; on a problem, the field it is in gets the focus.
    pub fn person(&mut self) -> Result<Person, Problem> {
        let place = |field: Field| FIELDS.iter().position(|each| *each == field);
        let value = |field: Field| place(field).map_or("", |at| self.inputs[at].value());
        let optional = |field: Field| Some(value(field));
        let checked = Person::checked(
            value(Field::Name),
            value(Field::Email),
            optional(Field::Account),
            optional(Field::Reason),
            None,
        );
        let wrong = match &checked {
            Err(Problem::Missing(field) | Problem::TooLong(field, _)) => Some(*field),
            Err(Problem::NotAnEmail(_)) => Some(Field::Email),
            Ok(_) => None,
        };
        if let Some(at) = wrong.and_then(place) {
            self.field = at;
        }
        checked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn typed(form: &mut LetterForm, text: &str) {
        for c in text.chars() {
            form.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn the_form_asks_for_a_name_and_an_e_mail_address_first() {
        let mut form = LetterForm::new("instagram", Some("werk"));
        assert_eq!(form.input(2).value(), "werk", "the record's label stands in the profile name");
        assert_eq!(form.person(), Err(Problem::Missing(Field::Name)));
        typed(&mut form, "Anna de Vries");
        form.next_field();
        typed(&mut form, "anna");
        form.field = 3;
        assert!(matches!(form.person(), Err(Problem::NotAnEmail(_))));
        assert_eq!(form.focused(), Field::Email, "the focus goes where the problem is");
        typed(&mut form, "@example.org");
        let person = form.person().unwrap();
        assert_eq!(
            (person.email.as_str(), person.account.as_deref(), person.reason),
            ("anna@example.org", Some("werk"), None)
        );
        form.previous_field();
        assert_eq!(form.focused(), Field::Name);
        form.previous_field();
        assert_eq!(form.focused(), Field::Reason, "round from the first to the last");
    }

    #[test]
    fn a_field_takes_no_more_than_its_limit() {
        let mut form = LetterForm::new("instagram", None);
        form.paste(&"x".repeat(101));
        assert_eq!(form.error, Some(FormError::Typing(EditError::PasteTooLong { count: 101, room: 100 })));
        typed(&mut form, &"x".repeat(101));
        assert_eq!(form.input(0).value().chars().count(), 100);
        assert_eq!(form.error, Some(FormError::Typing(EditError::Full(100))));
    }
}

//! The letter of objection to Meta, for when its form does not work (`bezwaar letter`, and `b`
//! in the wizard): an objection under article 21(1) GDPR to the use of the person's information
//! for AI at Meta, which Meta bases on its legitimate interests (article 6(1)(f)), with the
//! request to answer within one month (article 12(3)); addressed as Meta's privacy policy gives
//! its postal address, in the person's language with an English version after it.
//!
//! It holds only what the person typed (or the record holds, in the wizard) and today's date:
//! never a password, and no line for anything the person did not give.

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::content::{Catalogue, Kind, Platform, Texts, fill};
use crate::output::{self, OutputError};
use crate::record::Store;
use crate::text::{self, MAX_ACCOUNT_CHARS, OsError, TooLong};

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest e-mail address (RFC 5321's limit for a path).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest text on the person's situation.
pub const MAX_REASON_CHARS: usize = 1000;
/// The longest place name.
pub const MAX_PLACE_CHARS: usize = 100;

/// Lines of the letter are wrapped to this many columns, as a plain-text letter is.
const WIDTH: usize = 72;

/// What the person fills in for a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Email,
    Account,
    Reason,
    Place,
}

impl Field {
    /// The most characters the field takes.
    pub fn limit(self) -> usize {
        match self {
            Field::Name => MAX_NAME_CHARS,
            Field::Email => MAX_EMAIL_CHARS,
            Field::Account => MAX_ACCOUNT_CHARS,
            Field::Reason => MAX_REASON_CHARS,
            Field::Place => MAX_PLACE_CHARS,
        }
    }
}

/// Why no letter can be written from what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A field every letter needs is empty.
    Missing(Field),
    TooLong(Field, TooLong),
    /// What was typed as the e-mail address is not one; as it may be shown.
    NotAnEmail(String),
}

/// The person, as the letter names them: cleaned and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
    /// The profile name on the platform.
    pub account: Option<String>,
    /// Their particular situation, in their own words.
    pub reason: Option<String>,
    /// The place before the date.
    pub place: Option<String>,
}

impl Person {
    /// Cleans what was typed (as every text from outside is) and checks it: a name and an
    /// e-mail address that looks like one, and each field within its limit.
    pub fn checked(
        name: &str,
        email: &str,
        account: Option<&str>,
        reason: Option<&str>,
        place: Option<&str>,
    ) -> Result<Person, Problem> {
        let optional = |field: Field, value: Option<&str>| -> Result<Option<String>, Problem> {
            let value = text::clean_optional(value);
            if let Some(value) = &value {
                text::within(value, field.limit()).map_err(|too_long| Problem::TooLong(field, too_long))?;
            }
            Ok(value)
        };
        let needed = |field: Field, value: &str| optional(field, Some(value))?.ok_or(Problem::Missing(field));
        let name = needed(Field::Name, name)?;
        let email = needed(Field::Email, email)?;
        if !is_email(&email) {
            return Err(Problem::NotAnEmail(text::shown(&email, 60)));
        }
        Ok(Person {
            name,
            email,
            account: optional(Field::Account, account)?,
            reason: optional(Field::Reason, reason)?,
            place: optional(Field::Place, place)?,
        })
    }
}

/// Whether `text` looks like an e-mail address: something, one @, a domain with a dot in it,
/// no spaces. Lenient on purpose: it catches a name typed in the wrong field, not every typo.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else { return false };
    !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

/// Whether a letter can be written for the platform: one of Meta's forms. A setting has nothing
/// to send.
pub fn is_for(platform: &Platform) -> bool {
    platform.kind == Kind::Form
}

/// The whole letter: in the language of `texts`, then the same letter in English, when that is
/// another language (`english`).
pub fn compose(
    person: &Person,
    platform: &Platform,
    today: NaiveDate,
    catalogue: &Catalogue,
    texts: &Texts,
    english: Option<&Texts>,
) -> String {
    let mut letter = version(person, platform, today, catalogue, texts);
    if let Some(english) = english {
        letter.push('\n');
        letter.push_str(&paragraph(&texts.letter.english_follows));
        letter.push_str(&format!("\n{}\n\n", "-".repeat(WIDTH)));
        letter.push_str(&paragraph(&english.letter.english_heading));
        letter.push('\n');
        letter.push_str(&version(person, platform, today, catalogue, english));
    }
    letter
}

/// The letter in one language.
fn version(
    person: &Person,
    platform: &Platform,
    today: NaiveDate,
    catalogue: &Catalogue,
    texts: &Texts,
) -> String {
    let said = &texts.letter;
    let date = texts.date(today);
    let dated = match &person.place {
        Some(place) => fill(&said.place_date, &[("place", place.as_str()), ("date", &date)]),
        None => date,
    };
    let about = texts.platform(&platform.id).and_then(|p| p.letter.as_deref()).unwrap_or_default();
    let mut details =
        vec![fill(&said.name, &[("name", &person.name)]), fill(&said.email, &[("email", &person.email)])];
    if let Some(account) = &person.account {
        details.push(fill(&said.account, &[("account", account)]));
    }
    let reason = person.reason.as_deref().unwrap_or(&said.default_reason);
    let blocks = [
        lines(&[person.name.as_str(), person.email.as_str()]),
        lines(&catalogue.letter_address.iter().map(String::as_str).collect::<Vec<_>>()),
        paragraph(&dated),
        paragraph(&said.subject),
        paragraph(&said.salutation),
        paragraph(&said.objection),
        paragraph(about),
        paragraph(&said.details) + &lines(&details.iter().map(String::as_str).collect::<Vec<_>>()),
        paragraph(&said.situation) + &paragraph(reason),
        paragraph(&said.request),
        // Room for a signature by hand.
        paragraph(&said.closing) + "\n\n" + &paragraph(&person.name),
    ];
    blocks.join("\n")
}

/// Lines as they are, each wrapped when too long.
fn lines(lines: &[&str]) -> String {
    lines.iter().map(|line| paragraph(line)).collect()
}

/// A paragraph, wrapped at [`WIDTH`] columns between words; a word longer than that (a long
/// e-mail address) stands on a line of its own, whole.
fn paragraph(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        if !line.is_empty() && line.width() + 1 + word.width() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Whether a file at `path` may be replaced by this letter without `--force`: only when it holds
/// exactly this letter. A letter is meant to be changed by hand before it is sent, and a file
/// that is no calendar or record has no place for a mark saying bezwaar wrote it; so any other
/// file there, an earlier letter included, needs `--force`.
pub fn same_letter(letter: &str) -> impl Fn(&[u8]) -> bool + '_ {
    move |existing: &[u8]| existing == letter.as_bytes()
}

/// The folder the wizard writes letters to: the person's documents folder, else their home.
pub fn default_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    match dirs.document_dir().filter(|dir| dir.is_dir()) {
        Some(documents) => Some(documents.to_path_buf()),
        None => Some(dirs.home_dir().to_path_buf()),
    }
}

/// Writes the letter as a new file in `dir`: `name`, or if a file of that name holds something
/// else, `name` with -2, -3, ... before its extension. Never over anything but the same letter;
/// written whole (atomically) and readable by the person only. Returns where it is, or what
/// the system said (with its reason: a full disk, no permission), for the person.
pub fn save(dir: &Path, name: &str, letter: &str, record: Option<&Store>) -> Result<PathBuf, OsError> {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    for number in 1..=99 {
        let candidate = match number {
            1 => name.to_owned(),
            _ if extension.is_empty() => format!("{stem}-{number}"),
            _ => format!("{stem}-{number}.{extension}"),
        };
        let path = dir.join(candidate);
        match output::write(&path, letter.as_bytes(), same_letter(letter), false, record) {
            Ok(()) => return Ok(path),
            Err(OutputError::NotOurs | OutputError::IsRecord | OutputError::NotAFile) => continue,
            Err(OutputError::Io(error)) => return Err(error),
        }
    }
    Err(OsError::of(&io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// The name of a letter's file: "bezwaar-brief-instagram-2026-12-02.txt".
pub fn file_name(texts: &Texts, platform: &Platform, today: NaiveDate) -> String {
    fill(&texts.letter.file_name, &[("platform", platform.id.as_str()), ("date", &crate::dates::iso(today))])
}

impl Texts {
    /// Why no letter can be written from what was typed, for the person.
    pub fn letter_problem(&self, problem: &Problem) -> String {
        let said = &self.letter;
        let field = |field: Field| match field {
            Field::Name => &said.field_name,
            Field::Email => &said.field_email,
            Field::Account => &said.field_account,
            Field::Reason => &said.field_reason,
            Field::Place => &said.field_place,
        };
        match problem {
            Problem::Missing(missing) => fill(&said.missing, &[("field", field(*missing))]),
            Problem::TooLong(which, too_long) => fill(
                &said.too_long,
                &[
                    ("field", field(*which).as_str()),
                    ("count", &too_long.count.to_string()),
                    ("max", &too_long.max.to_string()),
                ],
            ),
            Problem::NotAnEmail(value) => fill(&said.not_an_email, &[("value", value)]),
        }
    }

    /// Why there is no letter for a setting, and what to do instead.
    pub fn letter_only_for_forms(&self, catalogue: &Catalogue, platform: &Platform) -> String {
        let forms: Vec<&str> =
            catalogue.platforms.iter().filter(|p| is_for(p)).map(|p| p.id.as_str()).collect();
        let template =
            if platform.kind == Kind::Note { &self.letter.only_forms_note } else { &self.letter.only_forms };
        fill(
            template,
            &[
                ("platform", self.platform_name(platform)),
                ("id", &platform.id),
                ("accepted", &forms.join(", ")),
            ],
        )
    }

    /// What the command says beside the letter: that no source says Meta treats it as the form,
    /// that the form comes first, that it is the person's proof; an example where their own
    /// words could stand; how to remember it once sent.
    pub fn letter_note(&self, platform: &Platform, own_words: bool) -> String {
        let said = &self.letter;
        let mut note = format!("{}\n{}\n", said.note.text, self.sources_line(&said.note.sources));
        if !own_words {
            note.push_str(&said.reason_hint);
            note.push('\n');
        }
        note.push_str(&fill(&said.mark_hint, &[("id", &platform.id)]));
        note.push('\n');
        note
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Lang};

    fn date(text: &str) -> NaiveDate {
        crate::dates::parse(text).unwrap()
    }

    fn anna() -> Person {
        Person::checked("Anna de Vries", "anna@example.org", None, None, None).unwrap()
    }

    #[test]
    fn what_is_typed_is_cleaned_and_checked() {
        let person = Person::checked(
            " Anna\u{202e} de Vries\x1b[2J ",
            "anna@example.org",
            Some("  "),
            Some("a\nb"),
            None,
        )
        .unwrap();
        assert_eq!(person.name, "Anna de Vries[2J");
        assert_eq!((person.account, person.reason.as_deref()), (None, Some("a b")));
        assert_eq!(
            Person::checked("", "anna@example.org", None, None, None),
            Err(Problem::Missing(Field::Name))
        );
        assert_eq!(Person::checked("Anna", " ", None, None, None), Err(Problem::Missing(Field::Email)));
        for wrong in
            ["Anna de Vries", "anna@", "@example.org", "anna@example", "anna @example.org", "a@b@.org"]
        {
            assert!(
                matches!(Person::checked("Anna", wrong, None, None, None), Err(Problem::NotAnEmail(_))),
                "{wrong}"
            );
        }
        let long = "é".repeat(MAX_REASON_CHARS + 1);
        assert_eq!(
            Person::checked("Anna", "a@b.nl", None, Some(&long), None),
            Err(Problem::TooLong(Field::Reason, TooLong { count: 1001, max: 1000 }))
        );
    }

    #[test]
    fn the_letter_is_in_the_persons_language_then_in_english() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let (dutch, english) = (content.texts(Lang::Nl), content.texts(Lang::En));
        let instagram = content.catalogue.platform("instagram").unwrap();
        let letter =
            compose(&anna(), instagram, date("2026-12-02"), &content.catalogue, dutch, Some(english));
        // Read as a person reads it: where a line breaks does not matter.
        let flowing = letter.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = |text: &str| flowing.find(text).unwrap_or_else(|| panic!("{text:?} in\n{letter}"));
        assert!(at("2 december 2026") < at("Hieronder staat dezelfde brief in het Engels."));
        assert!(
            at("Engels.") < at("English version of the letter above") && at("above") < at("2 December 2026")
        );
        assert!(at("artikel 21, lid 1, AVG") < at("Article 21(1) GDPR"));
        assert_eq!(letter.matches("Meta Platforms Ireland Limited").count(), 2);
        let in_english = compose(&anna(), instagram, date("2026-12-02"), &content.catalogue, english, None);
        assert_eq!(in_english.matches("Meta Platforms Ireland Limited").count(), 1, "English once");
        assert!(!in_english.contains("December 2026\n\n-"), "{in_english}");
        for line in letter.lines() {
            assert!(line.width() <= WIDTH, "{line:?}");
        }
        // In German too, with the German date, the article as German law writes it, and
        // Meta's own words, then the same in English.
        let german = compose(
            &anna(),
            instagram,
            date("2026-12-02"),
            &content.catalogue,
            content.texts(Lang::De),
            Some(english),
        );
        let flowing = german.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = |text: &str| flowing.find(text).unwrap_or_else(|| panic!("{text:?} in\n{german}"));
        assert!(at("2. Dezember 2026") < at("Artikel 21 Absatz 1 DSGVO"));
        assert!(at("Mit freundlichen Grüßen") < at("English version of the letter above"));
        assert!(at("above") < at("2 December 2026") && at("Dezember") < at("Article 21(1) GDPR"));
        assert_eq!(german.matches("Meta Platforms Ireland Limited").count(), 2);
        for line in german.lines() {
            assert!(line.width() <= WIDTH, "{line:?}");
        }
    }

    #[test]
    fn long_words_stand_whole_on_a_line_of_their_own() {
        let long = format!("{}@example.org", "a".repeat(80));
        assert_eq!(paragraph(&format!("E-mail: {long} x")), format!("E-mail:\n{long}\nx\n"));
        assert_eq!(paragraph(""), "\n");
    }

    #[test]
    fn a_letter_is_saved_under_a_new_name_rather_than_over_another_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = save(dir.path(), "brief.txt", "one", None).unwrap();
        assert_eq!(first, dir.path().join("brief.txt"));
        assert_eq!(
            save(dir.path(), "brief.txt", "one", None).unwrap(),
            first,
            "the same letter, the same file"
        );
        std::fs::write(&first, "changed by hand").unwrap();
        let second = save(dir.path(), "brief.txt", "one", None).unwrap();
        assert_eq!(second, dir.path().join("brief-2.txt"));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "changed by hand", "kept");
        std::fs::create_dir(dir.path().join("brief-3.txt")).unwrap();
        let fourth = save(dir.path(), "brief.txt", "two", None).unwrap();
        assert_eq!(fourth, dir.path().join("brief-4.txt"), "past what is not a file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&fourth).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}

//! The objection record: what the person marked as submitted, kept in a small JSON file. It is
//! their proof of what they did, so nothing in it is ever lost:
//! - fields this version does not know (from a newer bezwaar, or added by hand) are kept and
//!   written back as they were, at the top level and in every entry;
//! - an entry that cannot be read does not take the others with it: it stays in the file as it
//!   was, is shown as unreadable with the reason, and goes only when the person removes it;
//! - every change is an operation on identified entries ([`Change`]), applied by the
//!   [`Store`] to the record as it is on disk at that moment.
//!
//! Only a file that is not a record at all is set aside ([`store`]).

mod change;
mod format;
mod store;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::de::Deserialize;
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;

pub use change::{Change, Details, EntryId, Mark, Outcome, Refusal};
pub use format::parse;
pub use store::{
    Applied, LOCK_SUFFIX, LoadError, Opening, Problem, SET_ASIDE_SUFFIX, SetAside, Stamp, Store, WriteError,
};

/// The format version this program writes. Version 1 (bezwaar before it kept unknown fields)
/// is read as well; a file from a higher version is only read, never written.
pub const VERSION: u64 = 2;

/// The oldest format version this program reads.
pub const OLDEST_VERSION: u64 = 1;

/// The value of an entry's `by` field for an objection sent by letter.
pub const BY_LETTER: &str = "letter";

/// A real record is a few KiB; a file above this is not one, and bezwaar never writes one.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// A JSON value exactly as the file wrote it.
#[derive(Debug, Clone)]
pub struct Raw(Box<RawValue>);

impl Raw {
    pub fn get(&self) -> &str {
        self.0.get()
    }

    fn parse<'a, T: Deserialize<'a>>(&'a self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.0.get())
    }
}

impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Raw {}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The fields of a JSON object this version does not know, in the order and the form the file
/// wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(Vec<(String, Raw)>);

impl Fields {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// The whole record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The version the file was written in; [`VERSION`] for a record made here.
    pub version: u64,
    entries: Vec<Entry>,
    /// Top-level fields this version does not know.
    extra: Fields,
}

impl Default for Record {
    fn default() -> Record {
        Record { version: VERSION, entries: Vec::new(), extra: Fields::default() }
    }
}

/// One entry of the record: an objection, or what the file holds where one could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Objection(Objection),
    Unreadable(Unreadable),
}

impl Entry {
    pub fn objection(&self) -> Option<&Objection> {
        match self {
            Entry::Objection(objection) => Some(objection),
            Entry::Unreadable(_) => None,
        }
    }
}

/// One objection the person marked as submitted (or a setting they switched off).
///
/// Its text is cleaned as it is read, for showing; what the file wrote is kept in `source` and
/// written back as it was for as long as nothing in the entry changes, so a save never alters an
/// entry nobody touched.
#[derive(Debug, Clone)]
pub struct Objection {
    /// A platform id from the catalogue, e.g. "instagram".
    pub platform: String,
    /// Which account, for people with several that are not linked; `None` for the only one.
    pub account: Option<String>,
    pub submitted_on: NaiveDate,
    /// When a confirmation arrived (Meta sends one for its forms; a setting seldom has one).
    pub confirmation_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// How it was sent, when not by the platform's own form or setting: [`BY_LETTER`] for a
    /// letter. A value this version does not know is kept as it is, and said of as a form sent.
    pub by: Option<String>,
    /// Fields this version does not know, kept as the file wrote them.
    pub extra: Fields,
    /// The entry exactly as the file wrote it, when it was read from one.
    pub source: Option<Raw>,
}

/// Two objections are the same when they say the same: how the file spelled them aside.
impl PartialEq for Objection {
    fn eq(&self, other: &Objection) -> bool {
        (
            &self.platform,
            &self.account,
            self.submitted_on,
            self.confirmation_on,
            &self.note,
            &self.by,
            &self.extra,
        ) == (
            &other.platform,
            &other.account,
            other.submitted_on,
            other.confirmation_on,
            &other.note,
            &other.by,
            &other.extra,
        )
    }
}

impl Eq for Objection {}

impl Objection {
    /// A new objection with no details.
    pub fn new(platform: &str, account: Option<&str>, submitted_on: NaiveDate) -> Objection {
        Objection {
            platform: platform.to_owned(),
            account: account.map(str::to_owned),
            submitted_on,
            confirmation_on: None,
            note: None,
            by: None,
            extra: Fields::default(),
            source: None,
        }
    }

    /// Whether the person sent this objection by letter.
    pub fn by_letter(&self) -> bool {
        self.by.as_deref() == Some(BY_LETTER)
    }

    /// Whether this entry is for that platform and account.
    pub fn is_for(&self, platform: &str, account: Option<&str>) -> bool {
        self.platform == platform && self.account.as_deref() == account
    }
}

/// An entry the file holds that this version cannot read, kept exactly as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub raw: Raw,
    pub problem: EntryProblem,
}

/// Why an entry cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// The entry is not a JSON object.
    NotAnObject,
    /// A field every entry needs is missing.
    Missing(&'static str),
    /// A field holds the wrong kind of value (a number for a text, say).
    WrongType(&'static str),
    /// A date field holds no real date written YYYY-MM-DD; the value, cleaned.
    NotADate(&'static str, String),
    /// A field appears twice.
    Twice(&'static str),
}

impl Record {
    /// A record holding these objections, as this version writes it.
    pub fn with(objections: impl IntoIterator<Item = Objection>) -> Record {
        Record { entries: objections.into_iter().map(Entry::Objection).collect(), ..Record::default() }
    }

    /// The record as the file holds it: pretty JSON with a final newline.
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut json = serde_json::to_vec_pretty(self)?;
        json.push(b'\n');
        Ok(json)
    }

    /// Every entry, readable or not, in the file's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Top-level fields this version does not know.
    pub fn extra(&self) -> &Fields {
        &self.extra
    }

    /// The readable entries, in the file's order.
    pub fn objections(&self) -> impl Iterator<Item = &Objection> {
        self.entries.iter().filter_map(Entry::objection)
    }

    /// Whether the record holds no entry at all, readable or not.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The first objection for this platform and account, if marked.
    pub fn find(&self, platform: &str, account: Option<&str>) -> Option<&Objection> {
        self.objections().find(|o| o.is_for(platform, account))
    }

    /// For each entry, in the file's order, how many entries are for its platform and account
    /// (more than one: a duplicate); 1 for an entry that cannot be read. Counted once, so a large
    /// record is not walked again for each of its entries.
    pub fn account_counts(&self) -> Vec<usize> {
        let mut counts: HashMap<(&str, Option<&str>), usize> = HashMap::new();
        for objection in self.objections() {
            *counts.entry((&objection.platform, objection.account.as_deref())).or_default() += 1;
        }
        self.entries
            .iter()
            .map(|entry| {
                entry.objection().map_or(1, |o| counts[&(o.platform.as_str(), o.account.as_deref())])
            })
            .collect()
    }

    /// Every objection for a platform, in the order they were marked.
    pub fn for_platform<'a>(&'a self, platform: &'a str) -> impl Iterator<Item = &'a Objection> {
        self.objections().filter(move |o| o.platform == platform)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Change, Details};

    fn date(text: &str) -> NaiveDate {
        crate::dates::parse(text).unwrap()
    }

    #[test]
    fn the_documented_example_parses() {
        let json = br#"{"version": 1, "objections": [{"platform": "instagram", "account": null,
            "submitted_on": "2025-05-20", "confirmation_on": null, "note": null}]}"#;
        let record = parse(json).unwrap();
        assert_eq!(
            record.entries(),
            [Entry::Objection(Objection::new("instagram", None, date("2025-05-20")))]
        );
        assert_eq!(record.version, 1, "a version 1 record reads as it is");
    }

    #[test]
    fn what_is_not_a_record_is_corrupt_not_a_panic() {
        let deep = "[".repeat(200_000);
        let cases: [&[u8]; 10] = [
            b"",
            b"\0\0\0\0",
            b"{",
            b"null",
            b"[]",
            br#"{"version": "1", "objections": []}"#,
            br#"{"version": 1}"#,
            br#"{"version": 1, "objections": {}}"#,
            br#"{"version": 1, "version": 1, "objections": []}"#,
            deep.as_bytes(),
        ];
        for bytes in cases {
            let error = parse(bytes).unwrap_err();
            assert!(
                matches!(error, LoadError::Corrupt(_)),
                "{:?}: {error:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(20)])
            );
        }
        assert!(matches!(parse(br#"{"version": 0, "objections": []}"#), Err(LoadError::Corrupt(_))));
    }

    #[test]
    fn a_newer_version_is_recognised_even_in_another_shape() {
        let error = parse(br#"{"version": 7, "entries": {"whatever": 1}}"#).unwrap_err();
        assert!(matches!(error, LoadError::FutureVersion(7)));
        assert!(!error.is_damage());
    }

    #[test]
    fn unknown_fields_are_kept_and_written_back_as_they_were() {
        let json = r#"{"version": 1, "from_a_newer_bezwaar": {"x": [1, 2.50, "é"]},
            "objections": [{"platform": "instagram", "account": null, "submitted_on": "2025-05-20",
            "confirmation_on": null, "note": null, "sent_by": "letter", "nested": {"a": 1e3}}]}"#;
        let record = parse(json.as_bytes()).unwrap();
        let objection = record.objections().next().unwrap();
        assert_eq!(objection.extra.len(), 2);
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        for kept in [
            r#""from_a_newer_bezwaar": {"x": [1, 2.50, "é"]}"#,
            r#""sent_by": "letter""#,
            r#""nested": {"a": 1e3}"#,
        ] {
            assert!(written.contains(kept), "{kept} in {written}");
        }
        assert_eq!(parse(written.as_bytes()).unwrap(), record, "and read back the same");
    }

    #[test]
    fn an_objection_sent_by_letter_says_so_and_reads_back_the_same() {
        let json = r#"{"version": 2, "objections": [
            {"platform": "instagram", "account": null, "submitted_on": "2025-05-20", "confirmation_on": null, "note": "n", "by": "letter"},
            {"platform": "facebook", "submitted_on": "2025-05-21", "by": "fax", "later": 1},
            {"platform": "facebook", "account": "club", "submitted_on": "2025-05-22", "by": null}
        ]}"#;
        let mut record = parse(json.as_bytes()).unwrap();
        let objections: Vec<&Objection> = record.objections().collect();
        assert!(objections[0].by_letter());
        assert_eq!(objections[1].by.as_deref(), Some("fax"), "a value this version does not know is kept");
        assert!(!objections[1].by_letter());
        assert_eq!(objections[2].by, None);
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        assert!(written.contains(r#""note": "n", "by": "letter"}"#), "untouched, as it was: {written}");
        assert_eq!(parse(written.as_bytes()).unwrap(), record);

        // A change to another field keeps it, as the file wrote it.
        let id = record.id_of(1).unwrap();
        let details = Details {
            account: None,
            submitted_on: date("2025-05-21"),
            confirmation_on: None,
            note: Some("x".into()),
        };
        assert!(record.apply(&Change::Edit(id, details)).changed());
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        assert!(written.contains(r#""note": "x","#) && written.contains(r#""by": "fax""#), "{written}");
        assert!(written.contains(r#""later": 1"#), "{written}");

        // A new entry carries the field only when it says something.
        let fresh = Record::with([
            Objection { by: Some(BY_LETTER.into()), ..Objection::new("instagram", None, date("2025-05-20")) },
            Objection::new("facebook", None, date("2025-05-20")),
        ]);
        let written = String::from_utf8(fresh.to_json().unwrap()).unwrap();
        assert_eq!(written.matches(r#""by""#).count(), 1, "{written}");
        assert!(written.contains(r#""by": "letter""#), "{written}");
        assert_eq!(parse(written.as_bytes()).unwrap(), fresh);
    }

    #[test]
    fn a_by_field_of_the_wrong_type_keeps_the_entry_as_it_was() {
        let entry = r#"{"platform": "instagram", "submitted_on": "2025-05-20", "by": {"letter": true}}"#;
        let json = format!(r#"{{"version": 2, "objections": [{entry}]}}"#);
        let record = parse(json.as_bytes()).unwrap();
        assert!(
            matches!(&record.entries()[0], Entry::Unreadable(u) if u.problem == EntryProblem::WrongType("by"))
        );
        assert!(String::from_utf8(record.to_json().unwrap()).unwrap().contains(entry));
    }

    #[test]
    fn one_bad_entry_keeps_the_others_and_itself_verbatim() {
        let json = r#"{"version": 1, "objections": [
            {"platform": "x", "account": null, "submitted_on": "2025-02-30", "confirmation_on": null, "note": null},
            {"platform": "instagram", "account": "werk", "submitted_on": "2025-05-20", "confirmation_on": null, "note": "n"},
            {"platform": 3, "submitted_on": "2025-05-20"},
            "not an object",
            {"platform": "facebook"},
            {"platform": "facebook", "submitted_on": "2025-05-20", "platform": "x"}
        ]}"#;
        let record = parse(json.as_bytes()).unwrap();
        let problems: Vec<Option<&EntryProblem>> = record
            .entries()
            .iter()
            .map(|entry| match entry {
                Entry::Unreadable(unreadable) => Some(&unreadable.problem),
                Entry::Objection(_) => None,
            })
            .collect();
        assert_eq!(
            problems,
            [
                Some(&EntryProblem::NotADate("submitted_on", "2025-02-30".into())),
                None,
                Some(&EntryProblem::WrongType("platform")),
                Some(&EntryProblem::NotAnObject),
                Some(&EntryProblem::Missing("submitted_on")),
                Some(&EntryProblem::Twice("platform")),
            ]
        );
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        assert!(written.contains(r#"{"platform": "x", "account": null, "submitted_on": "2025-02-30", "confirmation_on": null, "note": null}"#), "{written}");
        assert!(written.contains(r#""not an object""#));
        assert_eq!(parse(written.as_bytes()).unwrap(), record);
        // Missing optional fields read as empty: a hand-written entry needs only two.
        let short = parse(
            br#"{"version": 2, "objections": [{"platform": "instagram", "submitted_on": "2025-05-20"}]}"#,
        )
        .unwrap();
        assert_eq!(short.objections().count(), 1);
    }

    #[test]
    fn an_entry_nobody_changed_is_written_back_as_the_file_spelled_it() {
        let untouched = [
            r#"{"platform": "facebook", "account": "", "submitted_on": "2025-05-20", "confirmation_on": null, "note": "line one\nline two\tcol\u0007"}"#,
            r#"{"note":"  spaced  ","submitted_on":"2025-05-21","platform":"instagram","caf\u00e9":1}"#,
        ];
        let json = format!(
            r#"{{"version": 1, "objections": [{}, {}, {{"platform": "linkedin", "submitted_on": "2025-05-22"}}]}}"#,
            untouched[0], untouched[1]
        );
        let mut record = parse(json.as_bytes()).unwrap();
        let shown = record.objections().next().unwrap();
        assert_eq!(shown.note.as_deref(), Some("line one line two col"), "shown on one line, words apart");
        let id = record.id_of(2).unwrap();
        let details = Details {
            account: None,
            submitted_on: date("2025-05-22"),
            confirmation_on: None,
            note: Some("n".into()),
        };
        assert!(record.apply(&Change::Edit(id, details)).changed());
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        for entry in untouched {
            assert!(written.contains(entry), "{entry} kept as it was in {written}");
        }
        assert!(written.contains(r#""note": "n""#), "the changed entry is written anew: {written}");
        // A date is read as strictly as a typed one: a space makes it no date.
        let spaced =
            parse(br#"{"version": 2, "objections": [{"platform": "x", "submitted_on": " 2025-05-22"}]}"#)
                .unwrap();
        assert!(
            matches!(&spaced.entries()[0], Entry::Unreadable(u) if u.problem == EntryProblem::NotADate("submitted_on", "2025-05-22".into()))
        );
    }

    #[test]
    fn text_from_the_file_is_cleaned_when_read() {
        let json =
            "{\"version\": 1, \"objections\": [{\"platform\": \"instagram\", \"account\": \"me\\u001b[2J\",
            \"submitted_on\": \"2025-05-20\", \"confirmation_on\": null, \"note\": \"\\u202Eevil\\u200d\"}]}";
        let record = parse(json.as_bytes()).unwrap();
        let objection = record.objections().next().unwrap();
        assert_eq!(objection.account.as_deref(), Some("me[2J"));
        assert_eq!(objection.note.as_deref(), Some("evil\u{200d}"), "the joiner stays");
    }

    #[test]
    fn the_parsers_message_about_a_hostile_file_is_cleaned() {
        let json =
            "{\"version\": 1, \"objections\": [], \"\\u001b]52;c;aGk=\\u0007\\u001b[31mRED\\u202e\": 1,";
        let LoadError::Corrupt(message) = parse(json.as_bytes()).unwrap_err() else { panic!("corrupt") };
        assert!(!message.contains(['\x1b', '\x07', '\u{202e}']), "{message:?}");
    }

    #[test]
    fn each_entry_counts_the_entries_for_its_account() {
        let entry = |platform: &str, account: &str| {
            format!(
                r#"{{"platform": "{platform}", "account": {account}, "submitted_on": "2025-05-20",
                "confirmation_on": null, "note": null}}"#
            )
        };
        let entries = [
            entry("facebook", "null"),
            entry("facebook", r#""werk""#),
            r#"{"platform": "facebook"}"#.to_owned(),
            entry("facebook", "null"),
            entry("instagram", "null"),
            entry("facebook", "null"),
        ];
        let json = format!(r#"{{"version": 2, "objections": [{}]}}"#, entries.join(", "));
        let record = parse(json.as_bytes()).unwrap();
        assert_eq!(record.account_counts(), [3, 1, 1, 3, 1, 3], "the unreadable third counts as one");
    }
}

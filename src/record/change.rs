//! Changes to the record, as operations on identified entries.
//!
//! A change is made by a person looking at the record as it was (in a wizard left open, say),
//! and applied by the store to the record as it is on disk now. So a change names the entry it
//! means by what that entry held ([`EntryId`]), never by a position alone, and changes only the
//! fields the person meant to change.

use chrono::NaiveDate;

use super::{Entry, Objection, Record};
use crate::dates::{self, DateError};

/// Which entry a change means: what it held when the person chose it, and which of the entries
/// that hold exactly the same it was (the first, the second, ...). Two entries that hold the
/// same are told apart by their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryId {
    entry: Entry,
    occurrence: usize,
}

impl EntryId {
    /// The entry as it was when it was chosen.
    pub fn entry(&self) -> &Entry {
        &self.entry
    }
}

/// Mark a platform and account as submitted: a new entry, or, when it is marked already, only
/// the fields given changed and everything else kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub platform: String,
    pub account: Option<String>,
    /// The date of a new entry when none is given.
    pub today: NaiveDate,
    pub submitted_on: Option<NaiveDate>,
    pub confirmation_on: Option<NaiveDate>,
    /// `Some(None)` clears the note.
    pub note: Option<Option<String>>,
    /// How it was sent ([`BY_LETTER`](super::BY_LETTER)), when given; none keeps what is there.
    pub by: Option<String>,
}

impl Mark {
    /// Marks a platform and account as submitted today, with no details.
    pub fn new(platform: &str, account: Option<&str>, today: NaiveDate) -> Mark {
        Mark {
            platform: platform.to_owned(),
            account: account.map(str::to_owned),
            today,
            submitted_on: None,
            confirmation_on: None,
            note: None,
            by: None,
        }
    }

    fn gives_anything(&self) -> bool {
        self.submitted_on.is_some()
            || self.confirmation_on.is_some()
            || self.note.is_some()
            || self.by.is_some()
    }
}

/// The details the form edits; fields this version does not know are not among them and stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub account: Option<String>,
    pub submitted_on: NaiveDate,
    pub confirmation_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// One change to the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Mark(Mark),
    /// A new entry for another account; refused if that account is marked already.
    Add(Objection),
    /// New details for one entry.
    Edit(EntryId, Details),
    /// Removes one entry.
    Remove(EntryId),
    /// Removes every entry for a platform and account (`bezwaar unmark`).
    Unmark {
        platform: String,
        account: Option<String>,
    },
}

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added(Objection),
    /// The platform and account were marked already: the entry before and after the change
    /// (the same when nothing was given), and how many entries are for them.
    AlreadyMarked {
        before: Objection,
        after: Objection,
        count: usize,
    },
    Edited {
        before: Objection,
        after: Objection,
    },
    Removed(Vec<Entry>),
    /// The entry is no longer in the record as it was chosen (changed or removed elsewhere
    /// meanwhile), or there was nothing to unmark. Nothing changed.
    NotFound,
    /// The change would break a rule of the record. Nothing changed.
    Refused(Refusal),
}

impl Outcome {
    /// Whether the record changed.
    pub fn changed(&self) -> bool {
        match self {
            Outcome::Added(_) => true,
            Outcome::AlreadyMarked { before, after, .. } | Outcome::Edited { before, after } => {
                before != after
            }
            Outcome::Removed(entries) => !entries.is_empty(),
            Outcome::NotFound | Outcome::Refused(_) => false,
        }
    }
}

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Another entry is for this platform and account already.
    AccountTaken {
        platform: String,
        account: Option<String>,
    },
    /// Several entries are for this platform and account: which one to change is not clear.
    Ambiguous {
        platform: String,
        account: Option<String>,
        count: usize,
    },
    Dates(DateError),
    /// The entry says it was sent another way (the form, or a way this version does not know):
    /// a mark for a letter does not relabel it, since its dates are the other way's.
    SentOtherwise {
        /// How the entry says it was sent (`None`: with the form).
        by: Option<String>,
    },
}

impl Record {
    /// The identity of the entry at `index`.
    pub fn id_of(&self, index: usize) -> Option<EntryId> {
        let entry = self.entries.get(index)?;
        let occurrence = self.entries[..index].iter().filter(|other| *other == entry).count();
        Some(EntryId { entry: entry.clone(), occurrence })
    }

    /// Where the entry `id` means is now: the same occurrence of the same content. When fewer of
    /// the same are left than that, someone removed one meanwhile, and which one is not known:
    /// then none is meant, so that two windows removing the same entry never remove two.
    pub fn position(&self, id: &EntryId) -> Option<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| **entry == id.entry)
            .map(|(index, _)| index)
            .nth(id.occurrence)
    }

    /// Applies one change and says what it did.
    pub fn apply(&mut self, change: &Change) -> Outcome {
        match change {
            Change::Mark(mark) => self.mark(mark),
            Change::Add(objection) => {
                if self.find(&objection.platform, objection.account.as_deref()).is_some() {
                    return Outcome::Refused(Refusal::AccountTaken {
                        platform: objection.platform.clone(),
                        account: objection.account.clone(),
                    });
                }
                if let Err(error) = dates::check_pair(objection.submitted_on, objection.confirmation_on) {
                    return Outcome::Refused(Refusal::Dates(error));
                }
                self.entries.push(Entry::Objection(objection.clone()));
                Outcome::Added(objection.clone())
            }
            Change::Edit(id, details) => self.edit(id, details),
            Change::Remove(id) => match self.position(id) {
                Some(index) => Outcome::Removed(vec![self.entries.remove(index)]),
                None => Outcome::NotFound,
            },
            Change::Unmark { platform, account } => {
                let (removed, kept): (Vec<Entry>, Vec<Entry>) =
                    std::mem::take(&mut self.entries).into_iter().partition(|entry| {
                        entry.objection().is_some_and(|o| o.is_for(platform, account.as_deref()))
                    });
                self.entries = kept;
                if removed.is_empty() { Outcome::NotFound } else { Outcome::Removed(removed) }
            }
        }
    }

    fn mark(&mut self, mark: &Mark) -> Outcome {
        let matching: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| {
                entry.objection().is_some_and(|o| o.is_for(&mark.platform, mark.account.as_deref()))
            })
            .map(|(index, _)| index)
            .collect();
        let Some(&first) = matching.first() else {
            return self.apply(&Change::Add(Objection {
                submitted_on: mark.submitted_on.unwrap_or(mark.today),
                confirmation_on: mark.confirmation_on,
                note: mark.note.clone().flatten(),
                by: mark.by.clone(),
                ..Objection::new(&mark.platform, mark.account.as_deref(), mark.today)
            }));
        };
        let Some(Entry::Objection(before)) = self.entries.get(first).cloned() else {
            return Outcome::NotFound;
        };
        let count = matching.len();
        if !mark.gives_anything() {
            return Outcome::AlreadyMarked { after: before.clone(), before, count };
        }
        if count > 1 {
            return Outcome::Refused(Refusal::Ambiguous {
                platform: mark.platform.clone(),
                account: mark.account.clone(),
                count,
            });
        }
        // How an objection was sent is never changed afterwards: the dates it holds are that
        // way's, and a value this version does not know stays as it is.
        if mark.by.is_some() && mark.by != before.by {
            return Outcome::Refused(Refusal::SentOtherwise { by: before.by.clone() });
        }
        let after = Objection {
            submitted_on: mark.submitted_on.unwrap_or(before.submitted_on),
            confirmation_on: mark.confirmation_on.or(before.confirmation_on),
            note: mark.note.clone().unwrap_or_else(|| before.note.clone()),
            by: mark.by.clone().or_else(|| before.by.clone()),
            ..before.clone()
        };
        if let Err(error) = dates::check_pair(after.submitted_on, after.confirmation_on) {
            return Outcome::Refused(Refusal::Dates(error));
        }
        self.entries[first] = Entry::Objection(after.clone());
        Outcome::AlreadyMarked { before, after, count }
    }

    fn edit(&mut self, id: &EntryId, details: &Details) -> Outcome {
        let Some(index) = self.position(id) else { return Outcome::NotFound };
        let Some(Entry::Objection(before)) = self.entries.get(index).cloned() else {
            return Outcome::NotFound;
        };
        if details.account != before.account {
            let taken = self.entries.iter().enumerate().any(|(other, entry)| {
                other != index
                    && entry
                        .objection()
                        .is_some_and(|o| o.is_for(&before.platform, details.account.as_deref()))
            });
            if taken {
                return Outcome::Refused(Refusal::AccountTaken {
                    platform: before.platform.clone(),
                    account: details.account.clone(),
                });
            }
        }
        if let Err(error) = dates::check_pair(details.submitted_on, details.confirmation_on) {
            return Outcome::Refused(Refusal::Dates(error));
        }
        let after = Objection {
            account: details.account.clone(),
            submitted_on: details.submitted_on,
            confirmation_on: details.confirmation_on,
            note: details.note.clone(),
            ..before.clone()
        };
        self.entries[index] = Entry::Objection(after.clone());
        Outcome::Edited { before, after }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{BY_LETTER, parse};

    fn date(text: &str) -> NaiveDate {
        dates::parse(text).unwrap()
    }

    fn today() -> NaiveDate {
        date("2026-12-01")
    }

    fn record(json: &str) -> Record {
        parse(json.as_bytes()).unwrap()
    }

    #[test]
    fn marking_what_is_marked_keeps_every_field_not_given() {
        let mut record = record(
            r#"{"version": 2, "objections": [{"platform": "facebook", "account": "werk",
            "submitted_on": "2025-05-20", "confirmation_on": "2025-05-21", "note": "via de club", "letter": true}]}"#,
        );
        let original = record.clone();
        let again = Mark::new("facebook", Some("werk"), today());
        let Outcome::AlreadyMarked { before, after, count: 1 } = record.apply(&Change::Mark(again)) else {
            panic!("already marked")
        };
        assert_eq!(before, after);
        assert_eq!(record, original, "nothing given: nothing changed");

        let note_only =
            Mark { note: Some(Some("nieuw".into())), ..Mark::new("facebook", Some("werk"), today()) };
        let outcome = record.apply(&Change::Mark(note_only));
        assert!(outcome.changed());
        let entry = record.find("facebook", Some("werk")).unwrap();
        assert_eq!(entry.submitted_on, date("2025-05-20"), "the date stays");
        assert_eq!(entry.confirmation_on, Some(date("2025-05-21")), "the confirmation stays");
        assert_eq!(entry.note.as_deref(), Some("nieuw"));
        assert_eq!(entry.extra.len(), 1, "the field this version does not know stays");

        let too_late =
            Mark { submitted_on: Some(date("2025-06-01")), ..Mark::new("facebook", Some("werk"), today()) };
        assert!(matches!(record.apply(&Change::Mark(too_late)), Outcome::Refused(Refusal::Dates(_))));
        assert_eq!(record.objections().count(), 1);
    }

    #[test]
    fn marking_as_sent_by_letter_never_relabels_how_an_objection_was_sent() {
        let sent_with_the_form = r#"{"version": 2, "objections": [{"platform": "facebook", "account": "werk",
            "submitted_on": "2025-05-20", "confirmation_on": "2025-05-21", "note": "via de club", "later": [1]}]}"#;
        let mut record = record(sent_with_the_form);
        let unchanged = record.to_json().unwrap();
        let by_letter = Mark { by: Some(BY_LETTER.into()), ..Mark::new("facebook", Some("werk"), today()) };
        // Sent with the form on 20 May: a letter does not take over its dates.
        assert_eq!(
            record.apply(&Change::Mark(by_letter.clone())),
            Outcome::Refused(Refusal::SentOtherwise { by: None })
        );
        assert_eq!(record.to_json().unwrap(), unchanged, "nothing changed");
        // A way this version does not know stays as it was.
        let mut faxed = self::record(&sent_with_the_form.replace(r#""later": [1]"#, r#""by": "fax""#));
        assert_eq!(
            faxed.apply(&Change::Mark(by_letter.clone())),
            Outcome::Refused(Refusal::SentOtherwise { by: Some("fax".into()) })
        );
        // Marked by letter from the start, marked again: it stays, with every other field.
        let mut record =
            self::record(&sent_with_the_form.replace(r#""later": [1]"#, r#""later": [1], "by": "letter""#));
        let Outcome::AlreadyMarked { before, after, count: 1 } =
            record.apply(&Change::Mark(Mark { note: Some(Some("n".into())), ..by_letter.clone() }))
        else {
            panic!("already marked")
        };
        assert!(before.by_letter() && after.by_letter());
        let entry = record.find("facebook", Some("werk")).unwrap();
        assert_eq!(
            (entry.submitted_on, entry.confirmation_on, entry.note.as_deref()),
            (date("2025-05-20"), Some(date("2025-05-21")), Some("n"))
        );
        assert_eq!(entry.extra.len(), 1);
        // Marked again without it, it stays.
        let again = Mark { note: Some(Some("m".into())), ..Mark::new("facebook", Some("werk"), today()) };
        record.apply(&Change::Mark(again));
        assert!(record.find("facebook", Some("werk")).unwrap().by_letter());
        // A new entry marked by letter.
        record.apply(&Change::Mark(Mark { account: None, ..by_letter }));
        let new = record.find("facebook", None).unwrap();
        assert!(new.by_letter() && new.submitted_on == today());
    }

    #[test]
    fn a_change_to_one_field_writes_the_others_as_the_file_had_them() {
        let mut record = record(
            r#"{"version": 2, "objections": [{"note": "regel een\nregel twee\t", "platform": "facebook",
            "account": "", "submitted_on": "2025-05-20", "confirmation_on": null, "letter": [1, 2.50]}]}"#,
        );
        let confirmed =
            Mark { confirmation_on: Some(date("2025-05-21")), ..Mark::new("facebook", None, today()) };
        assert!(record.apply(&Change::Mark(confirmed)).changed());
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        for kept in [
            r#""note": "regel een\nregel twee\t""#,
            r#""account": """#,
            r#""submitted_on": "2025-05-20""#,
            r#""confirmation_on": "2025-05-21""#,
            r#""letter": [1, 2.50]"#,
        ] {
            assert!(written.contains(kept), "{kept} in {written}");
        }

        let noted = Mark { note: Some(Some("nieuw".into())), ..Mark::new("facebook", None, today()) };
        assert!(record.apply(&Change::Mark(noted)).changed());
        let written = String::from_utf8(record.to_json().unwrap()).unwrap();
        assert!(written.contains(r#""note": "nieuw""#), "the changed field is written anew: {written}");
        assert!(written.contains(r#""account": """#), "{written}");
    }

    #[test]
    fn duplicates_are_changed_one_by_one_and_never_merged() {
        let entry = r#"{"platform": "facebook", "account": "werk", "submitted_on": "2025-05-20",
            "confirmation_on": null, "note": null}"#;
        let mut record = record(&format!(r#"{{"version": 1, "objections": [{entry}, {entry}]}}"#));
        let second = record.id_of(1).unwrap();
        let details = Details {
            account: Some("werk".into()),
            submitted_on: date("2025-05-20"),
            confirmation_on: None,
            note: Some("de tweede".into()),
        };
        assert!(record.apply(&Change::Edit(second, details)).changed());
        let notes: Vec<Option<&str>> = record.objections().map(|o| o.note.as_deref()).collect();
        assert_eq!(notes, [None, Some("de tweede")], "exactly the second changed");

        let with_note = Mark { note: Some(Some("x".into())), ..Mark::new("facebook", Some("werk"), today()) };
        assert!(matches!(
            record.apply(&Change::Mark(with_note)),
            Outcome::Refused(Refusal::Ambiguous { count: 2, .. })
        ));
        let first = record.id_of(0).unwrap();
        assert!(
            matches!(record.apply(&Change::Remove(first.clone())), Outcome::Removed(ref gone) if gone.len() == 1)
        );
        assert_eq!(record.apply(&Change::Remove(first)), Outcome::NotFound, "gone is gone");
        assert_eq!(record.objections().count(), 1);
        let left = record.entries().to_vec();
        assert_eq!(
            record.apply(&Change::Unmark { platform: "facebook".into(), account: Some("werk".into()) }),
            Outcome::Removed(left)
        );
    }

    #[test]
    fn identical_entries_are_told_apart_by_their_order() {
        let entry = r#"{"platform": "instagram", "account": null, "submitted_on": "2025-05-20",
            "confirmation_on": null, "note": null}"#;
        let record = record(&format!(
            r#"{{"version": 1, "objections": [{entry}, {{"platform": "x", "submitted_on": "2025-05-21"}}, {entry}]}}"#
        ));
        let third = record.id_of(2).unwrap();
        assert_eq!(record.position(&third), Some(2));
        let mut fewer = record.clone();
        fewer.apply(&Change::Remove(record.id_of(0).unwrap()));
        assert_eq!(fewer.position(&third), None, "one of the two went elsewhere: which one is not known");
        assert_eq!(
            fewer.apply(&Change::Remove(third)),
            Outcome::NotFound,
            "so a second removal removes nothing"
        );
        assert_eq!(fewer.entries().len(), 2);
    }

    #[test]
    fn an_entry_changed_elsewhere_is_not_written_over() {
        let mut record = record(
            r#"{"version": 2, "objections": [{"platform": "facebook", "account": null,
            "submitted_on": "2025-05-20", "confirmation_on": null, "note": null}]}"#,
        );
        let chosen = record.id_of(0).unwrap();
        // Meanwhile another window added a confirmation.
        let elsewhere =
            Mark { confirmation_on: Some(date("2025-05-22")), ..Mark::new("facebook", None, today()) };
        record.apply(&Change::Mark(elsewhere));
        let details = Details {
            account: None,
            submitted_on: date("2025-05-20"),
            confirmation_on: None,
            note: Some("n".into()),
        };
        assert_eq!(record.apply(&Change::Edit(chosen.clone(), details)), Outcome::NotFound);
        assert_eq!(record.apply(&Change::Remove(chosen)), Outcome::NotFound);
        assert_eq!(record.find("facebook", None).unwrap().confirmation_on, Some(date("2025-05-22")));
    }

    #[test]
    fn a_new_account_cannot_take_a_marked_one() {
        let mut record = Record::default();
        assert!(record.apply(&Change::Add(Objection::new("facebook", None, today()))).changed());
        assert!(matches!(
            record.apply(&Change::Add(Objection::new("facebook", None, today()))),
            Outcome::Refused(Refusal::AccountTaken { .. })
        ));
        assert!(record.apply(&Change::Add(Objection::new("facebook", Some("club"), today()))).changed());
        let first = record.id_of(0).unwrap();
        let details = Details {
            account: Some("club".into()),
            submitted_on: today(),
            confirmation_on: None,
            note: None,
        };
        assert!(matches!(
            record.apply(&Change::Edit(first, details)),
            Outcome::Refused(Refusal::AccountTaken { .. })
        ));
    }

    #[test]
    fn an_unreadable_entry_goes_only_when_it_is_removed() {
        let mut record =
            record(r#"{"version": 2, "objections": [{"platform": "x", "submitted_on": "2025-02-30"}]}"#);
        record.apply(&Change::Unmark { platform: "x".into(), account: None });
        assert_eq!(record.entries().len(), 1, "unmark leaves what it cannot read");
        let id = record.id_of(0).unwrap();
        assert!(record.apply(&Change::Remove(id)).changed());
        assert!(record.is_empty());
    }
}

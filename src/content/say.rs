//! Sentences built from the texts: dates, sources, what a deadline or an objection's status
//! means, why the record could not be read or written.

use chrono::{Datelike, NaiveDate};

use super::{Catalogue, Fact, Kind, Link, Platform, PlatformTexts, Quote, Texts, fill};
use crate::browser::{Failure, OpenError};
use crate::dates::{DateError, iso};
use crate::deadline::Deadline;
use crate::record::{EntryProblem, LoadError, Objection, Problem, SetAside, WriteError};
use crate::text::{OsError, OsReason};

/// Each fact's text and sources.
fn pairs(facts: &[Fact]) -> Vec<(&str, &[String])> {
    facts.iter().map(|fact| (fact.text.as_str(), fact.sources.as_slice())).collect()
}

/// What the warning screen says on a date ([`Texts::warning_on`]).
pub struct WarningOn<'a> {
    pub title: &'a str,
    /// What the date means ("Dat is 551 dagen geleden"), the sentence after it and its sources.
    pub headline: String,
    pub text: String,
    pub sources: &'a [String],
    /// Each paragraph's text and sources.
    pub paragraphs: Vec<(&'a str, &'a [String])>,
    pub quote: Option<&'a Quote>,
}

impl Texts {
    /// "24 april 2025", "24. April 2025": a date as a person writes it.
    pub fn date(&self, date: NaiveDate) -> String {
        let month = &self.months[date.month0() as usize];
        fill(
            &self.date_format,
            &[("day", &date.day().to_string()), ("month", month), ("year", &date.year().to_string())],
        )
    }

    /// "Bron: AP, 24 april 2025; Consumentenbond, 2025".
    pub fn sources_line(&self, ids: &[String]) -> String {
        let labels: Vec<&str> =
            ids.iter().map(|id| self.sources.get(id).map_or(id.as_str(), String::as_str)).collect();
        fill(&self.source_label, &[("sources", &labels.join("; "))])
    }

    /// The texts of one platform; validation guarantees they exist for every catalogue entry.
    pub fn platform(&self, id: &str) -> Option<&PlatformTexts> {
        self.platform_texts.get(id)
    }

    /// What the date means: the headline ("Dat is 551 dagen geleden"), the sentence after it,
    /// and that sentence's sources.
    pub fn deadline_lines(&self, deadline: Deadline, date: NaiveDate) -> (String, String, &[String]) {
        let warning = &self.warning;
        let date = self.date(date);
        let (headline, fact) = match deadline {
            Deadline::DaysLeft(days) => {
                (fill(warning.days_left.pick(days), &[("days", &days.to_string())]), &warning.before_deadline)
            }
            Deadline::Passed(0) => {
                (fill(&warning.deadline_today, &[("deadline", &date)]), &warning.after_deadline)
            }
            Deadline::Passed(days) => (
                fill(warning.passed.pick(days), &[("days", &days.to_string()), ("deadline", &date)]),
                &warning.after_deadline,
            ),
        };
        (headline, fill(&fact.text, &[("deadline", &date)]), &fact.sources)
    }

    /// What the warning screen says on this date: what the date means, then the warning. Before
    /// the warning was given, it is neither spoken of as given nor cited; after it, each fact is
    /// said from the day it became known, and from the deadline on, what changed since comes
    /// first.
    pub fn warning_on(&self, today: NaiveDate, catalogue: &Catalogue) -> WarningOn<'_> {
        let warning = &self.warning;
        let (headline, text, sources) =
            self.deadline_lines(Deadline::on(today, catalogue.deadline), catalogue.deadline);
        if today < warning.since {
            let early = &warning.before_warning;
            return WarningOn {
                title: &early.title,
                headline,
                text,
                sources: &early.deadline_sources,
                paragraphs: pairs(&early.paragraphs),
                quote: None,
            };
        }
        let facts = if today < catalogue.deadline { &warning.paragraphs } else { &warning.after_paragraphs };
        let known = facts.iter().filter(|fact| fact.from <= today);
        let paragraphs = known.map(|fact| (fact.text.as_str(), fact.sources.as_slice())).collect();
        WarningOn { title: &warning.title, headline, text, sources, paragraphs, quote: Some(&warning.quote) }
    }

    /// "Je lijst staat in …", or where it will be once something is marked.
    pub fn record_location(&self, path: &str, exists: bool) -> String {
        let template = if exists { &self.record.location } else { &self.record.location_none };
        fill(template, &[("path", path)])
    }

    /// What the sources say of a form's link: that none says it was removed or that it still
    /// works, and who last confirmed it ("Laatst bevestigd: AP, 26 mei 2025"; the label carries
    /// the date, validation holds it to the catalogue's); or `Err` with the warning that nobody
    /// checked it.
    pub fn link_check(&self, link: &Link) -> Result<String, String> {
        match &link.verified {
            Some((_, by)) => {
                let by = self.sources.get(by).map_or(by.as_str(), String::as_str);
                Ok(fill(&self.steps.verified, &[("by", by)]))
            }
            None => Err(self.steps.not_verified.clone()),
        }
    }

    /// "verstuurd op 20 mei 2025" (or "uitgezet op" for a setting, "per brief verstuurd op" for
    /// a letter, and "gemarkeerd op" for a note, which only a record written elsewhere holds),
    /// with the confirmation when it is recorded.
    pub fn objection_status(&self, catalogue: &Catalogue, objection: &Objection) -> String {
        let record = &self.record;
        let (plain, confirmed) = match catalogue.kind(&objection.platform) {
            Some(Kind::Setting) => (&record.switched_off, &record.switched_off_confirmed),
            Some(Kind::Note) => (&record.marked_on, &record.marked_on_confirmed),
            Some(Kind::Form) | None if objection.by_letter() => {
                (&record.submitted_letter, &record.confirmed_letter)
            }
            Some(Kind::Form) | None => (&record.submitted, &record.confirmed),
        };
        let date = self.date(objection.submitted_on);
        match objection.confirmation_on {
            Some(on) => fill(confirmed, &[("date", &date), ("confirmed", &self.date(on))]),
            None => fill(plain, &[("date", &date)]),
        }
    }

    /// A date the rule refuses, said for a person.
    pub fn date_error(&self, error: &DateError, today: NaiveDate) -> String {
        let record = &self.record;
        match error {
            DateError::NotADate(value) => fill(&record.bad_date, &[("value", value)]),
            DateError::InTheFuture(date) => {
                fill(&record.future_date, &[("value", &iso(*date)), ("today", &iso(today))])
            }
            DateError::TooEarly(date) => fill(&record.too_early, &[("value", &iso(*date))]),
            DateError::ConfirmedBefore(confirmed, submitted) => fill(
                &record.confirmation_before,
                &[("confirmed", &self.date(*confirmed)), ("submitted", &self.date(*submitted))],
            ),
        }
    }

    /// Why a file could not be read or written: the common reason in the person's words, and
    /// the system's own text after it.
    pub fn os_error(&self, error: &OsError) -> String {
        let record = &self.record;
        let reason = match error.reason {
            Some(OsReason::DiskFull) => &record.disk_full,
            Some(OsReason::NoPermission) => &record.no_permission,
            Some(OsReason::ReadOnly) => &record.read_only_fs,
            Some(OsReason::FileTooLarge) => &record.file_too_large,
            None => return error.detail.clone(),
        };
        format!("{reason} ({})", error.detail)
    }

    /// Why no browser opened: each command of `$BROWSER` that failed, and how; or that none
    /// was found.
    pub fn open_error(&self, error: &OpenError) -> String {
        let status = &self.steps.status;
        let OpenError::Commands(failures) = error else { return status.open_failed.clone() };
        let said: Vec<String> = failures
            .iter()
            .map(|(command, failure)| match failure {
                Failure::NotStarted(error) => fill(
                    &status.browser_not_started,
                    &[("command", command.as_str()), ("error", &error.detail)],
                ),
                Failure::Exited(code) => fill(
                    &status.browser_exited,
                    &[("command", command.as_str()), ("code", &code.to_string())],
                ),
                Failure::NoStatus => fill(&status.browser_no_status, &[("command", command.as_str())]),
            })
            .collect();
        fill(&status.browser_failed, &[("failures", self.list(&said))])
    }

    /// Why an entry of the record cannot be read.
    pub fn entry_problem(&self, problem: &EntryProblem) -> String {
        let record = &self.record;
        match problem {
            EntryProblem::NotAnObject => record.entry_not_object.clone(),
            EntryProblem::Missing(field) => fill(&record.entry_missing, &[("field", field)]),
            EntryProblem::WrongType(field) => fill(&record.entry_wrong_type, &[("field", field)]),
            EntryProblem::NotADate(field, value) => {
                fill(&record.entry_not_a_date, &[("field", *field), ("value", value)])
            }
            EntryProblem::Twice(field) => fill(&record.entry_twice, &[("field", field)]),
        }
    }

    /// "a, b and c".
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.record.and),
        }
    }

    /// Why the record at `path` could not be read; nothing was changed.
    pub fn load_error(&self, path: &str, error: &LoadError) -> String {
        let record = &self.record;
        match error {
            LoadError::Unreadable(os) => {
                fill(&record.unreadable, &[("path", path), ("problem", &self.os_error(os))])
            }
            LoadError::NotAFile => fill(&record.not_a_file, &[("path", path)]),
            LoadError::FutureVersion(version) => {
                fill(&record.future_version, &[("path", path), ("version", &version.to_string())])
            }
            LoadError::TooLarge(_) | LoadError::Corrupt(_) => {
                fill(&record.damaged, &[("path", path), ("problem", &error.to_string())])
            }
        }
    }

    /// Why a change did not reach the record at `path`; the file did not change.
    pub fn write_error(&self, path: &str, error: &WriteError) -> String {
        let record = &self.record;
        match error {
            WriteError::Busy => fill(&record.busy, &[("path", path)]),
            WriteError::Load(error) => self.load_error(path, error),
            WriteError::SetAside(load, os) => {
                format!("{} ({})", self.load_error(path, load), self.os_error(os))
            }
            WriteError::TooLarge(size) => fill(
                &record.too_large_save,
                &[
                    ("path", path),
                    ("size", &size.to_string()),
                    ("max", &crate::record::MAX_BYTES.to_string()),
                ],
            ),
            WriteError::Io(os) => fill(&record.save_failed, &[("path", path), ("error", &self.os_error(os))]),
        }
    }

    /// That the file at `path` was not a record and where it was moved.
    pub fn set_aside(&self, path: &str, set_aside: &SetAside) -> String {
        let aside = crate::text::path(&set_aside.aside);
        fill(&self.record.set_aside, &[("path", path), ("problem", &set_aside.problem), ("aside", &aside)])
    }

    /// The record's problem in plain words: what happened, what was kept, what to do.
    pub fn problem(&self, path: &str, problem: &Problem) -> String {
        let record = &self.record;
        match problem {
            Problem::SetAside(set_aside) => self.set_aside(path, set_aside),
            Problem::FutureVersion(version) => self.load_error(path, &LoadError::FutureVersion(*version)),
            Problem::Unreadable(error) => self.load_error(path, error),
            Problem::Damaged { problem, error } => format!(
                "{} ({})",
                fill(&record.damaged, &[("path", path), ("problem", problem)]),
                self.os_error(error)
            ),
            Problem::NoLocation => record.no_location_here.clone(),
        }
    }

    /// A platform's name as this language writes it.
    pub fn platform_name<'a>(&'a self, platform: &'a Platform) -> &'a str {
        self.platform(&platform.id).and_then(|texts| texts.name.as_deref()).unwrap_or(&platform.name)
    }

    /// The name for a platform id in a record; an id this version does not know stays as it is.
    pub fn platform_label<'a>(&'a self, catalogue: &'a Catalogue, id: &'a str) -> &'a str {
        catalogue.platform(id).map_or(id, |platform| self.platform_name(platform))
    }

    /// "Instagram", or "Facebook (werk)" for a named account.
    pub fn entry_label(&self, catalogue: &Catalogue, platform: &str, account: Option<&str>) -> String {
        let name = self.platform_label(catalogue, platform);
        match account {
            Some(account) => format!("{name} ({account})"),
            None => name.to_owned(),
        }
    }

    /// Every source id named anywhere in these texts.
    pub(super) fn source_ids(&self) -> impl Iterator<Item = &String> {
        let warning = &self.warning;
        [&warning.before_deadline, &warning.after_deadline, &self.platforms.accounts]
            .into_iter()
            .chain(&warning.before_warning.paragraphs)
            .chain(&self.done.paragraphs)
            .chain(&self.done.setting_paragraphs)
            .chain(&self.done.note_paragraphs)
            .chain(self.platform_texts.values().map(|platform| &platform.about))
            .flat_map(|fact| &fact.sources)
            .chain(&warning.quote.sources)
            .chain(&warning.before_warning.deadline_sources)
            .chain(warning.paragraphs.iter().chain(&warning.after_paragraphs).flat_map(|fact| &fact.sources))
            .chain(&self.share.intro.sources)
            .chain(&self.followup.sources)
            .chain(&self.followup.sources_letter)
            .chain(&self.letter.note.sources)
            .chain(self.risks.items.iter().flat_map(|item| &item.sources))
            .chain(
                self.platform_texts
                    .values()
                    .flat_map(|platform| &platform.steps)
                    .flat_map(|step| &step.sources),
            )
    }
}

impl Texts {
    /// The message for family and friends, with the forms' links from the catalogue.
    pub fn share_message(&self, catalogue: &Catalogue) -> String {
        let link = |id: &str| catalogue.platform(id).and_then(Platform::url).unwrap_or_default();
        fill(&self.share.message, &[("instagram", link("instagram")), ("facebook", link("facebook"))])
    }
}

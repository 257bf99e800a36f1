//! The typed content model: every text a person reads, and the catalogue of platforms.
//!
//! The files under `assets/content/` are embedded at build time and parsed once. `catalogue.json`
//! holds what does not depend on the language (platform ids, links, dates, source ids); `nl.json`
//! and `en.json` hold the texts. Both language files parse into the same struct with
//! `deny_unknown_fields`, so they cannot drift apart in shape; [`Content::validate`] checks what
//! the types cannot (counts, source references, links).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::dates::{DateError, iso};
use crate::deadline::Deadline;
use crate::links;
use crate::record::{EntryProblem, LoadError, Objection, Problem, WriteError};
use crate::text::{OsError, OsReason};

const CATALOGUE_JSON: &str = include_str!("../assets/content/catalogue.json");
const NL_JSON: &str = include_str!("../assets/content/nl.json");
const EN_JSON: &str = include_str!("../assets/content/en.json");

/// The number of steps the walkthrough gives for every platform.
pub const STEPS_PER_PLATFORM: usize = 5;

/// The languages bezwaar speaks. Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The other language: the language key toggles between the two.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// Parses a `--lang` value: `nl` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a locale value such as `nl_NL.UTF-8`: Dutch for `nl*`, English otherwise.
    pub fn from_locale(value: &str) -> Lang {
        if value.to_ascii_lowercase().starts_with("nl") { Lang::Nl } else { Lang::En }
    }

    /// The language from the environment, in POSIX order: the first of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` that is set and not empty decides.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }
}

/// A failure to read the embedded content. Only a broken build can cause it; a test guards it.
#[derive(Debug, Clone)]
pub struct ContentError {
    file: &'static str,
    problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "assets/content/{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for ContentError {}

/// Everything bezwaar shows, in both languages, with the catalogue.
///
/// Only the language in use is read at the start; the other is read the first time it is asked
/// for (the language key), so that starting costs one language file, not two.
#[derive(Debug)]
pub struct Content {
    pub catalogue: Catalogue,
    first_lang: Lang,
    first: Texts,
    /// The other language's texts, read on demand.
    other: OnceLock<Result<Texts, ContentError>>,
}

impl Content {
    /// Reads the embedded catalogue and the texts of `lang`.
    ///
    /// The content is fixed when bezwaar is built, so it is checked once, by the tests
    /// ([`Content::validate`] on both languages), not again on every start.
    pub fn embedded(lang: Lang) -> Result<Content, ContentError> {
        Ok(Content {
            catalogue: parse("catalogue.json", CATALOGUE_JSON)?,
            first_lang: lang,
            first: parse_texts(lang)?,
            other: OnceLock::new(),
        })
    }

    /// The texts in `lang`. Should the other language's file fail to read (only a broken build
    /// can cause that, and the tests read both), the language already read stands in.
    pub fn texts(&self, lang: Lang) -> &Texts {
        self.try_texts(lang).unwrap_or(&self.first)
    }

    fn try_texts(&self, lang: Lang) -> Result<&Texts, ContentError> {
        if lang == self.first_lang {
            return Ok(&self.first);
        }
        self.other.get_or_init(|| parse_texts(lang)).as_ref().map_err(Clone::clone)
    }

    pub fn platforms(&self) -> &[Platform] {
        &self.catalogue.platforms
    }

    /// Checks what the types cannot: every platform has its texts and five steps in every
    /// language, every source named exists and has a label, every link is allowed.
    pub fn validate(&self) -> Result<(), ContentError> {
        let fail = |file: &'static str, problem: String| Err(ContentError { file, problem });
        let catalogue = &self.catalogue;
        if catalogue.platforms.is_empty() {
            return fail("catalogue.json", "no platforms".into());
        }
        if catalogue.platforms.len() > 9 {
            return fail("catalogue.json", "more than 9 platforms: digits cannot choose them".into());
        }
        for platform in &catalogue.platforms {
            for url in [&platform.form_url, &platform.fallback_url] {
                if let Err(refusal) = links::allowed(url) {
                    return fail("catalogue.json", format!("{}: {url}: {refusal}", platform.id));
                }
            }
            if let Some(next) = &platform.next
                && catalogue.platform(next).is_none()
            {
                return fail("catalogue.json", format!("{}: next names unknown {next}", platform.id));
            }
            for source in
                platform.sources.iter().chain(&platform.verified_by).chain([&platform.fallback_source])
            {
                if !catalogue.sources.contains(source) {
                    return fail("catalogue.json", format!("{}: unknown source {source}", platform.id));
                }
            }
        }
        for lang in Lang::ALL {
            let file = texts_file(lang).0;
            let texts = self.try_texts(lang)?;
            for source in &catalogue.sources {
                if !texts.sources.contains_key(source) {
                    return fail(file, format!("no label for source {source}"));
                }
            }
            for platform in &catalogue.platforms {
                let Some(platform_texts) = texts.platform_texts.get(&platform.id) else {
                    return fail(file, format!("no texts for platform {}", platform.id));
                };
                if platform_texts.steps.len() != STEPS_PER_PLATFORM {
                    return fail(
                        file,
                        format!(
                            "{}: {} steps, not {STEPS_PER_PLATFORM}",
                            platform.id,
                            platform_texts.steps.len()
                        ),
                    );
                }
            }
            for id in texts.platform_texts.keys() {
                if catalogue.platform(id).is_none() {
                    return fail(file, format!("texts for unknown platform {id}"));
                }
            }
            if let Err(refusal) = links::allowed(&texts.followup.ap_url) {
                return fail(file, format!("{}: {refusal}", texts.followup.ap_url));
            }
            for source in texts.source_ids() {
                if !catalogue.sources.iter().any(|known| known == source) {
                    return fail(file, format!("unknown source {source}"));
                }
            }
        }
        Ok(())
    }
}

/// The file that holds a language's texts, and its contents.
fn texts_file(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Nl => ("nl.json", NL_JSON),
        Lang::En => ("en.json", EN_JSON),
    }
}

fn parse_texts(lang: Lang) -> Result<Texts, ContentError> {
    let (file, json) = texts_file(lang);
    parse(file, json)
}

fn parse<T: serde::de::DeserializeOwned>(file: &'static str, json: &str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|error| ContentError { file, problem: error.to_string() })
}

/// The language-neutral part: dates, sources and platforms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The day the AP published its warning.
    pub warning_date: NaiveDate,
    /// The day Meta started training; objecting before it kept everything out.
    pub deadline: NaiveDate,
    /// The ids of every source a text may name; each language labels them.
    pub sources: Vec<String>,
    pub platforms: Vec<Platform>,
}

impl Catalogue {
    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|platform| platform.id == id)
    }
}

/// One place to object: a platform with its form.
#[derive(Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub name: String,
    /// Whether the person sends a form or switches a setting off.
    pub kind: Kind,
    /// The link to open: the form, or the page with the setting.
    pub form_url: String,
    /// When the link was last seen working, and by whom (a source id); `None` when neither
    /// bezwaar nor a source has checked it, which the screens say.
    pub verified_on: Option<NaiveDate>,
    pub verified_by: Option<String>,
    /// The date that matters for this entry (when training started, or an inquiry), if any.
    pub date: Option<NaiveDate>,
    /// The entry the end screen offers next (Instagram and Facebook offer each other); without
    /// it, the next in the list.
    pub next: Option<String>,
    /// Where to go when the form has moved.
    pub fallback_url: String,
    pub fallback_source: String,
    pub sources: Vec<String>,
}

/// How a person opts out on a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Send the platform's objection form.
    Form,
    /// Switch a setting off in the account.
    Setting,
}

/// Every text of one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub months: [String; 12],
    /// Source id to the label a person reads, e.g. "AP, 24 april 2025".
    pub sources: BTreeMap<String, String>,
    /// "Bron: {sources}".
    pub source_label: String,
    pub app: AppTexts,
    pub keys: KeyTexts,
    pub help: HelpTexts,
    pub warning: WarningTexts,
    pub risks: RiskTexts,
    pub platforms: PlatformsTexts,
    pub steps: StepsTexts,
    pub platform_texts: BTreeMap<String, PlatformTexts>,
    pub done: DoneTexts,
    pub overview: OverviewTexts,
    pub editor: EditorTexts,
    pub qr: QrTexts,
    pub share: ShareTexts,
    pub followup: FollowupTexts,
    pub guide: GuideTexts,
    pub record: RecordTexts,
    pub cli: CliTexts,
}

impl Texts {
    /// "24 april 2025": a date as a person writes it.
    pub fn date(&self, date: NaiveDate) -> String {
        let month = &self.months[date.month0() as usize];
        format!("{} {month} {}", date.day(), date.year())
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

    /// When and by whom a platform's link was last checked ("Laatst gecontroleerd: 26 mei 2025
    /// (AP, 26 mei 2025)"), or `Err` with the warning that nobody checked it.
    pub fn link_check(&self, platform: &Platform) -> Result<String, String> {
        match (platform.verified_on, &platform.verified_by) {
            (Some(date), Some(by)) => {
                let by = self.sources.get(by).map_or("", String::as_str);
                Ok(fill(&self.steps.verified, &[("date", &self.date(date)), ("by", by)]))
            }
            _ => Err(self.steps.not_verified.clone()),
        }
    }

    /// "verstuurd op 20 mei 2025" (or "uitgezet op" for a setting), with the confirmation when
    /// it is recorded.
    pub fn objection_status(&self, catalogue: &Catalogue, objection: &Objection) -> String {
        let setting = catalogue.platform(&objection.platform).is_some_and(|p| p.kind == Kind::Setting);
        let record = &self.record;
        let (plain, confirmed) = if setting {
            (&record.switched_off, &record.switched_off_confirmed)
        } else {
            (&record.submitted, &record.confirmed)
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

    /// Why an entry of the record cannot be read.
    pub fn entry_problem(&self, problem: &EntryProblem) -> String {
        let record = &self.record;
        match problem {
            EntryProblem::NotAnObject => record.entry_not_object.clone(),
            EntryProblem::Missing(field) => fill(&record.entry_missing, &[("field", field)]),
            EntryProblem::WrongType(field) => fill(&record.entry_wrong_type, &[("field", field)]),
            EntryProblem::NotADate(field, value) => {
                fill(&record.entry_not_a_date, &[("field", field), ("value", value)])
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

    /// The record's problem in plain words: what happened, what was kept, what to do.
    pub fn problem(&self, path: &str, problem: &Problem) -> String {
        let record = &self.record;
        match problem {
            Problem::SetAside { problem, aside } => fill(
                &record.set_aside,
                &[("path", path), ("problem", problem), ("aside", &crate::text::path(aside))],
            ),
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
    fn source_ids(&self) -> impl Iterator<Item = &String> {
        let warning = &self.warning;
        [&warning.before_deadline, &warning.after_deadline, &self.platforms.accounts]
            .into_iter()
            .chain(&warning.paragraphs)
            .chain(&self.done.paragraphs)
            .chain(&self.done.setting_paragraphs)
            .chain(self.platform_texts.values().map(|platform| &platform.about))
            .flat_map(|fact| &fact.sources)
            .chain(&warning.quote.sources)
            .chain(&self.share.intro.sources)
            .chain(&self.followup.sources)
            .chain(self.risks.items.iter().flat_map(|item| &item.sources))
            .chain(
                self.platform_texts
                    .values()
                    .flat_map(|platform| &platform.steps)
                    .flat_map(|step| &step.sources),
            )
    }
}

/// A statement with the sources it rests on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: String,
    pub sources: Vec<String>,
}

/// A sentence that depends on a count: 1 or more.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub one: String,
    pub other: String,
}

impl Plural {
    pub fn pick(&self, count: i64) -> &str {
        if count == 1 { &self.one } else { &self.other }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppTexts {
    pub title: String,
    /// The five stages of the wizard, for the header.
    pub progress: [String; 5],
    pub too_small: String,
    pub more_below: String,
    pub more_above: String,
}

/// What each key does, as the footer and the help say it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTexts {
    pub space: String,
    pub next: String,
    pub back: String,
    pub scroll: String,
    pub select: String,
    pub choose: String,
    pub choose_number: String,
    pub next_step: String,
    pub previous_step: String,
    pub open: String,
    pub copy: String,
    pub other_platform: String,
    pub help: String,
    pub close: String,
    pub quit: String,
    pub language: String,
    pub language_long: String,
    pub interrupt: String,
    pub suspend: String,
    pub mark: String,
    pub unmark: String,
    pub overview: String,
    pub retry: String,
    pub yes: String,
    pub no: String,
    pub edit: String,
    pub add_account: String,
    pub remove: String,
    pub save: String,
    pub cancel: String,
    pub next_field: String,
    pub previous_field: String,
    pub select_entry: String,
    pub qr: String,
    pub share: String,
    pub copy_message: String,
    pub mark_setting: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpTexts {
    pub title: String,
    pub this_screen: String,
    pub always: String,
    pub tips: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningTexts {
    pub title: String,
    pub days_left: Plural,
    pub before_deadline: Fact,
    pub deadline_today: String,
    pub passed: Plural,
    pub after_deadline: Fact,
    pub paragraphs: Vec<Fact>,
    pub quote: Quote,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub by: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskTexts {
    pub title: String,
    pub items: Vec<Risk>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformsTexts {
    pub title: String,
    pub intro: String,
    pub accounts: Fact,
    /// Under a platform with many marked accounts: "en nog {count} andere accounts".
    pub more: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepsTexts {
    pub title: String,
    pub verified: String,
    pub not_verified: String,
    pub fallback: String,
    pub status: StatusTexts,
}

/// What bezwaar says after an action on the step screens.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusTexts {
    pub opened: String,
    pub open_failed: String,
    pub refused: String,
    pub copied: String,
    pub copy_failed: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformTexts {
    /// The platform's name where it differs by language; otherwise the catalogue's.
    #[serde(default)]
    pub name: Option<String>,
    pub summary: String,
    /// What the link leads to: "Het bezwaarformulier van Instagram".
    pub link_title: String,
    /// What this entry is about, with its date and limits.
    pub about: Fact,
    pub steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneTexts {
    pub title: String,
    /// After a form.
    pub paragraphs: Vec<Fact>,
    /// After a setting.
    pub setting_paragraphs: Vec<Fact>,
    pub other_platform: String,
    pub mark_hint: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverviewTexts {
    pub title: String,
    pub empty: String,
    pub no_confirmation: String,
    pub note: String,
    pub read_only: String,
    pub hint: String,
}

/// The message that asks family and friends to object too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareTexts {
    pub title: String,
    pub intro: Fact,
    /// With `{instagram}` and `{facebook}` for the forms' links.
    pub message: String,
    pub copied: String,
}

impl Texts {
    /// The message for family and friends, with the forms' links from the catalogue.
    pub fn share_message(&self, catalogue: &Catalogue) -> String {
        let link = |id: &str| catalogue.platform(id).map_or("", |p| p.form_url.as_str());
        fill(&self.share.message, &[("instagram", link("instagram")), ("facebook", link("facebook"))])
    }
}

/// What to do when Meta's confirmation does not come, and the calendar reminder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupTexts {
    pub waiting: String,
    pub advice: Vec<String>,
    /// Where to complain: the AP.
    pub ap_url: String,
    pub sources: Vec<String>,
    pub event_summary: String,
    pub event_description: String,
    pub written: Plural,
    pub nothing: String,
    pub write_failed: String,
    /// Why a calendar file is not written.
    pub is_record: String,
    pub not_a_file: String,
    pub not_ours: String,
}

/// The plain-text walkthrough (`bezwaar guide`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideTexts {
    pub intro: String,
    pub choose: String,
    pub invalid: String,
    pub steps_heading: String,
    pub link: String,
    pub mark_question: String,
    pub not_marked: String,
    pub end: String,
    /// Answers that mean yes.
    pub yes: Vec<String>,
}

/// The QR code of a form's link, for a phone.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QrTexts {
    pub title: String,
    pub too_small: String,
}

/// The form for an objection's details.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorTexts {
    pub title: String,
    pub new_title: String,
    pub account: String,
    pub note: String,
    pub submitted: String,
    pub confirmation: String,
    pub optional: String,
    pub account_taken: String,
    pub account_needed: String,
    /// "12 of 100": how full a text field is.
    pub count: String,
    pub full: String,
    pub paste_too_long: String,
}

/// The command line's help and messages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CliTexts {
    pub about: String,
    pub usage_template: String,
    /// The usage lines, and the names of values, in this language ("[OPTIES]", "<PAD>").
    pub usage: String,
    pub usage_subcommand: String,
    pub value_path: String,
    pub value_file: String,
    pub value_date: String,
    pub value_account: String,
    pub value_note: String,
    pub value_platform: String,
    pub value_shell: String,
    pub options_heading: String,
    pub lang_help: String,
    pub help_help: String,
    pub version_help: String,
    pub after_help: String,
    pub today_invalid: String,
    pub terminal_failed: String,
    pub data_file_help: String,
    pub status_about: String,
    pub json_help: String,
    pub mark_about: String,
    pub unmark_about: String,
    pub platform_help: String,
    pub account_help: String,
    pub date_help: String,
    pub confirmed_help: String,
    pub note_help: String,
    pub commands_heading: String,
    pub arguments_heading: String,
    pub exit_codes: String,
    pub platforms_about: String,
    pub platforms_json_help: String,
    pub share_about: String,
    pub remind_about: String,
    pub ics_help: String,
    pub force_help: String,
    pub guide_about: String,
    pub guide_platform_help: String,
    pub completions_about: String,
    pub shell_help: String,
    pub manpage_about: String,
    /// The manual page's section headings.
    pub man_name: String,
    pub man_synopsis: String,
    pub man_description: String,
    pub man_notes: String,
    pub man_version: String,
    /// A mistake on the command line: something bezwaar does not know, what it may have meant,
    /// a value that cannot be, something missing, anything else; and where to look.
    pub mistake_unknown: String,
    pub mistake_suggestion: String,
    pub mistake_value: String,
    pub mistake_missing: String,
    pub mistake_other: String,
    pub mistake_twice: String,
    pub mistake_not_text: String,
    pub mistake_help: String,
}

/// What bezwaar says about the record of objections, on screen and on the command line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordTexts {
    pub not_yet: String,
    pub submitted: String,
    pub confirmed: String,
    pub main_account: String,
    pub marked: String,
    pub unmarked: Plural,
    pub nothing_to_unmark: String,
    /// Marking what is marked: what was there, what changed, what was kept.
    pub already_marked: String,
    pub changed: String,
    pub kept: String,
    pub unchanged: String,
    pub item_confirmation: String,
    pub item_note: String,
    pub item_extra: String,
    pub item_new_date: String,
    pub item_new_confirmation: String,
    pub item_note_removed: String,
    /// The word between the last two items of a list.
    pub and: String,
    pub ambiguous: String,
    pub too_long: String,
    pub field_account: String,
    pub field_note: String,
    pub set_aside: String,
    pub damaged: String,
    pub unreadable: String,
    pub not_a_file: String,
    pub future_version: String,
    pub busy: String,
    pub save_failed: String,
    pub too_large_save: String,
    /// The common reasons a save fails.
    pub disk_full: String,
    pub no_permission: String,
    pub read_only_fs: String,
    pub file_too_large: String,
    pub no_location: String,
    pub unknown_platform: String,
    pub bad_date: String,
    pub future_date: String,
    pub too_early: String,
    pub confirmation_before: String,
    /// A date in the file that breaks the rule, shown with its entry.
    pub date_problem: String,
    /// An entry of the file that cannot be read, and why.
    pub unreadable_entry: String,
    pub unreadable_here: String,
    pub unreadable_detail: String,
    pub entry_not_object: String,
    pub entry_missing: String,
    pub entry_wrong_type: String,
    pub entry_not_a_date: String,
    pub entry_twice: String,
    pub remove_unreadable_question: String,
    /// Shown with an account that is in the record more than once.
    pub duplicate: String,
    pub location: String,
    pub marked_here: String,
    pub already_marked_here: String,
    pub unmarked_here: String,
    pub unreadable_removed_here: String,
    pub changed_elsewhere_here: String,
    pub not_found_here: String,
    pub not_all_saved_here: String,
    pub unmark_question: String,
    pub save_failed_here: String,
    pub no_location_here: String,
    pub read_only_here: String,
    pub unsaved_quit: String,
    pub saved_here: String,
    pub unknown: String,
    pub switched_off: String,
    pub switched_off_confirmed: String,
}

/// Replaces each `{name}` in `template` by its value. Unknown names stay as they are, so a
/// missing value shows instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn content() -> Content {
        let content = Content::embedded(Lang::Nl).expect("the catalogue and the Dutch texts read");
        content.validate().expect("embedded content is valid");
        content
    }

    impl Content {
        /// For tests that break the content on purpose.
        fn texts_mut(&mut self, lang: Lang) -> &mut Texts {
            if lang == self.first_lang {
                return &mut self.first;
            }
            self.other.get_or_init(|| parse_texts(lang));
            self.other.get_mut().and_then(|texts| texts.as_mut().ok()).expect("the other language reads")
        }
    }

    #[test]
    fn the_embedded_content_is_valid_in_both_languages() {
        for lang in Lang::ALL {
            Content::embedded(lang).unwrap().validate().unwrap();
        }
    }

    #[test]
    fn the_other_language_is_read_when_first_asked_for() {
        for lang in Lang::ALL {
            let content = Content::embedded(lang).unwrap();
            assert!(content.other.get().is_none(), "only {lang:?} is read at the start");
            let other = content.texts(lang.other());
            let first = content.texts(lang);
            assert!(!std::ptr::eq(other, first), "{lang:?}: the other language, not a stand-in");
            // Each language's key names the other one.
            assert_ne!(other.keys.language, first.keys.language);
            assert!(content.other.get().is_some_and(Result::is_ok));
        }
    }

    /// Every key path of a JSON value, with arrays of objects entered element by element.
    fn key_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let path = format!("{prefix}/{key}");
                    out.push(path.clone());
                    key_paths(child, &path, out);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    key_paths(child, &format!("{prefix}[{index}]"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let nl: Value = serde_json::from_str(NL_JSON).unwrap();
        let en: Value = serde_json::from_str(EN_JSON).unwrap();
        let (mut nl_paths, mut en_paths) = (Vec::new(), Vec::new());
        key_paths(&nl, "", &mut nl_paths);
        key_paths(&en, "", &mut en_paths);
        nl_paths.sort();
        en_paths.sort();
        assert_eq!(nl_paths, en_paths);
        assert!(nl_paths.len() > 100, "the comparison walked the whole file");
    }

    #[test]
    fn both_languages_name_the_same_sources_in_the_same_places() {
        let nl: Value = serde_json::from_str(NL_JSON).unwrap();
        let en: Value = serde_json::from_str(EN_JSON).unwrap();
        fn sources(value: &Value, out: &mut Vec<Value>) {
            match value {
                Value::Object(map) => {
                    for (key, child) in map {
                        if key == "sources" && child.is_array() {
                            out.push(child.clone());
                        } else {
                            sources(child, out);
                        }
                    }
                }
                Value::Array(items) => items.iter().for_each(|item| sources(item, out)),
                _ => {}
            }
        }
        let (mut nl_sources, mut en_sources) = (Vec::new(), Vec::new());
        sources(&nl, &mut nl_sources);
        sources(&en, &mut en_sources);
        assert_eq!(nl_sources, en_sources);
    }

    #[test]
    fn the_embedded_content_is_valid() {
        let content = content();
        assert_eq!(content.platforms()[0].id, "instagram", "Instagram comes first");
        assert_eq!(content.platforms()[1].id, "facebook", "Facebook comes second");
        assert_eq!(content.catalogue.deadline, NaiveDate::from_ymd_opt(2025, 5, 27).unwrap());
    }

    #[test]
    fn every_meta_platform_has_five_steps_in_both_languages() {
        let content = content();
        for lang in Lang::ALL {
            for platform in content.platforms() {
                let texts = content.texts(lang).platform(&platform.id).unwrap();
                assert_eq!(texts.steps.len(), 5, "{lang:?} {}", platform.id);
                for step in &texts.steps {
                    assert!(!step.title.is_empty() && !step.text.is_empty());
                    assert!(!step.sources.is_empty(), "every step names a source");
                }
            }
        }
    }

    #[test]
    fn every_url_is_https_on_an_allowed_host() {
        let content = content();
        for platform in content.platforms() {
            for url in [&platform.form_url, &platform.fallback_url] {
                assert!(url.starts_with("https://"), "{url}");
                assert_eq!(links::allowed(url).map(|u| u.to_string()).as_deref(), Ok(url.as_str()));
            }
        }
    }

    #[test]
    fn every_entry_carries_its_link_check_fallback_and_sources() {
        let content = content();
        assert!(content.platforms().len() >= 6, "Meta's two forms, its third-party form, and beyond");
        for platform in content.platforms() {
            assert!(!platform.sources.is_empty(), "{}", platform.id);
            assert!(
                links::allowed(&platform.form_url).is_ok() && links::allowed(&platform.fallback_url).is_ok()
            );
            assert_eq!(platform.verified_on.is_some(), platform.verified_by.is_some(), "{}", platform.id);
            for lang in Lang::ALL {
                let texts = content.texts(lang).platform(&platform.id).unwrap();
                assert!(!texts.about.sources.is_empty() && !texts.link_title.is_empty(), "{}", platform.id);
            }
        }
        let checked: Vec<&str> =
            content.platforms().iter().filter(|p| p.verified_on.is_some()).map(|p| p.id.as_str()).collect();
        assert_eq!(checked, ["instagram", "facebook"], "only the AP checked links carry a date");
    }

    #[test]
    fn the_forms_are_the_ones_the_ap_named() {
        let content = content();
        let form = |id: &str| content.catalogue.platform(id).unwrap().form_url.as_str();
        assert_eq!(form("instagram"), "https://help.instagram.com/contact/767264225370182");
        assert_eq!(form("facebook"), "https://www.facebook.com/help/contact/712876720715583");
    }

    #[test]
    fn validation_rejects_a_platform_without_five_steps() {
        let mut content = content();
        content.texts_mut(Lang::Nl).platform_texts.get_mut("facebook").unwrap().steps.pop();
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("nl.json") && error.contains("4 steps"), "{error}");
    }

    #[test]
    fn validation_rejects_a_link_off_the_allowlist() {
        let mut content = content();
        content.catalogue.platforms[0].form_url = "https://evil.example/contact".into();
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("evil.example"), "{error}");
    }

    #[test]
    fn validation_rejects_an_unknown_source() {
        let mut content = content();
        content.texts_mut(Lang::En).risks.items[0].sources.push("made-up".into());
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("en.json") && error.contains("made-up"), "{error}");
    }

    #[test]
    fn only_known_placeholders_are_used() {
        let content = content();
        for lang in Lang::ALL {
            let texts = content.texts(lang);
            let cli = &texts.cli;
            let checks: [(&str, &[&str]); 16] = [
                (&texts.warning.days_left.other, &["days"]),
                (&texts.warning.passed.other, &["days", "deadline"]),
                (&texts.warning.before_deadline.text, &["deadline"]),
                (&texts.warning.deadline_today, &["deadline"]),
                (&texts.steps.title, &["platform", "n", "total"]),
                (&texts.steps.verified, &["date", "by"]),
                (&texts.done.title, &["platform"]),
                (&texts.done.other_platform, &["platform"]),
                (&texts.app.too_small, &["width", "height"]),
                (&cli.mistake_unknown, &["input"]),
                (&cli.mistake_suggestion, &["suggestion"]),
                (&cli.mistake_value, &["input", "option", "accepted"]),
                (&cli.mistake_missing, &["missing"]),
                (&cli.mistake_other, &["detail"]),
                (&cli.mistake_twice, &["input"]),
                (&cli.mistake_help, &["help"]),
            ];
            for (template, names) in checks {
                let values: Vec<(&str, &str)> = names.iter().map(|name| (*name, "")).collect();
                let filled = fill(template, &values);
                assert!(!filled.contains('{'), "{lang:?}: unknown placeholder in {template:?}");
                for name in names.iter().filter(|name| **name != "days" || template.contains("{days}")) {
                    assert!(
                        template.contains(&format!("{{{name}}}")),
                        "{lang:?}: {template:?} lacks {{{name}}}"
                    );
                }
            }
        }
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let content = content();
        let date = NaiveDate::from_ymd_opt(2025, 4, 24).unwrap();
        assert_eq!(content.texts(Lang::Nl).date(date), "24 april 2025");
        assert_eq!(content.texts(Lang::En).date(date), "24 April 2025");
    }

    #[test]
    fn the_language_follows_the_environment_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(key, _)| *key == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_BE")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "en_GB"), ("LANG", "nl_NL")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_NL"), ("LANG", "C")])), Lang::Nl);
        assert_eq!(Lang::from_code("NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("fr"), None);
    }
}

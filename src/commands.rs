//! The one-shot commands: `status`, `mark`, `unmark`. Each returns what to print and the exit
//! code, so that `main` only prints and tests can read the result.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

use crate::cli::Command;
use crate::content::{Catalogue, Texts, fill};
use crate::ics;
use crate::record::{self, LoadError, Objection, Record, Store};

/// Exit codes, as `--help` documents them.
pub const OK: u8 = 0;
pub const SAVE_FAILED: u8 = 1;
pub const BAD_INPUT: u8 = 2;
pub const BUSY: u8 = 3;

/// How long a command waits for a wizard or another command to let go of the record.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// What a command printed and how it ended.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    fn fail(code: u8, message: String) -> Outcome {
        Outcome { code, stdout: String::new(), stderr: message + "\n" }
    }
}

/// Everything a command needs.
pub struct Context<'a> {
    pub texts: &'a Texts,
    pub catalogue: &'a Catalogue,
    pub store: Option<Store>,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// How long a change waits for the record's lock ([`PATIENCE`] outside tests).
    pub patience: Duration,
}

impl Context<'_> {
    fn path(store: &Store) -> String {
        store.path().display().to_string()
    }

    /// "Instagram (werk)": a platform's name and the account, as people read it.
    pub fn label(
        texts: &Texts,
        catalogue: &Catalogue,
        platform: &str,
        account: Option<&str>,
    ) -> (String, String) {
        let name = texts.platform_label(catalogue, platform).to_owned();
        (name, account.unwrap_or(&texts.record.main_account).to_owned())
    }

    /// Explains why a record could not be loaded, for a command that changes nothing.
    pub fn load_problem(texts: &Texts, path: &Path, error: &LoadError) -> String {
        let path = path.display().to_string();
        let record = &texts.record;
        match error {
            LoadError::Unreadable(_) => {
                fill(&record.unreadable, &[("path", &path), ("problem", &error.to_string())])
            }
            LoadError::FutureVersion(version) => {
                fill(&record.future_version, &[("path", &path), ("version", &version.to_string())])
            }
            LoadError::TooLarge(_) | LoadError::Corrupt(_) => {
                fill(&record.damaged, &[("path", &path), ("problem", &error.to_string())])
            }
        }
    }
}

pub fn run(command: Command, context: &Context) -> Outcome {
    let texts = context.texts;
    match command {
        Command::Platforms { json } => return platforms(context, json),
        Command::Share => {
            let stdout = texts.share_message(context.catalogue) + "\n";
            return Outcome { stdout, ..Outcome::default() };
        }
        _ => {}
    }
    let Some(store) = &context.store else {
        return Outcome::fail(BAD_INPUT, texts.record.no_location.clone());
    };
    match command {
        Command::Status { json } => status(context, store, json),
        Command::Platforms { .. } | Command::Share => Outcome::default(),
        Command::Remind { ics } => remind(context, store, &ics),
        // The plain walkthrough reads and writes the terminal itself: see `guide::run`.
        Command::Guide { .. } => Outcome::default(),
        Command::Mark { platform, account, date, confirmed, note } => {
            let inputs = (|| {
                let platform = known_platform(context, &platform)?;
                let submitted_on =
                    date.as_deref().map(|d| past_date(context, d)).transpose()?.unwrap_or(context.today);
                let confirmation_on = confirmed.as_deref().map(|d| past_date(context, d)).transpose()?;
                Ok(Objection {
                    platform,
                    account: record::clean_optional(account.as_deref(), record::MAX_ACCOUNT_CHARS),
                    submitted_on,
                    confirmation_on,
                    note: record::clean_optional(note.as_deref(), record::MAX_NOTE_CHARS),
                })
            })();
            match inputs {
                Ok(objection) => change(context, store, |record| {
                    let (name, account) = Context::label(
                        texts,
                        context.catalogue,
                        &objection.platform,
                        objection.account.as_deref(),
                    );
                    let date = texts.date(objection.submitted_on);
                    record.mark(objection);
                    Some(fill(
                        &texts.record.marked,
                        &[
                            ("platform", &name),
                            ("account", &account),
                            ("date", &date),
                            ("path", &Context::path(store)),
                        ],
                    ))
                }),
                Err(message) => Outcome::fail(BAD_INPUT, message),
            }
        }
        Command::Unmark { platform, account } => {
            let platform = match known_platform(context, &platform) {
                Ok(platform) => platform,
                Err(message) => return Outcome::fail(BAD_INPUT, message),
            };
            let account = record::clean_optional(account.as_deref(), record::MAX_ACCOUNT_CHARS);
            let (name, shown) = Context::label(texts, context.catalogue, &platform, account.as_deref());
            let values = [("platform", name.as_str()), ("account", shown.as_str())];
            change(context, store, |record| {
                if record.unmark(&platform, account.as_deref()) {
                    Some(fill(
                        &texts.record.unmarked,
                        &[values[0], values[1], ("path", &Context::path(store))],
                    ))
                } else {
                    None
                }
            })
            .or_nothing(fill(&texts.record.nothing_to_unmark, &values))
        }
    }
}

impl Outcome {
    /// An outcome that changed nothing says so.
    fn or_nothing(mut self, message: String) -> Outcome {
        if self.code == OK && self.stdout.is_empty() {
            self.stdout = message + "\n";
        }
        self
    }
}

fn known_platform(context: &Context, value: &str) -> Result<String, String> {
    let id = value.trim().to_lowercase();
    if context.catalogue.platform(&id).is_some() {
        return Ok(id);
    }
    let accepted: Vec<&str> = context.catalogue.platforms.iter().map(|p| p.id.as_str()).collect();
    let shown = record::clean(value, 40);
    Err(fill(
        &context.texts.record.unknown_platform,
        &[("value", &shown), ("accepted", &accepted.join(", "))],
    ))
}

fn past_date(context: &Context, value: &str) -> Result<NaiveDate, String> {
    let shown = record::clean(value, 40);
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .ok_or_else(|| fill(&context.texts.record.bad_date, &[("value", &shown)]))?;
    if date > context.today {
        let today = context.today.format("%Y-%m-%d").to_string();
        return Err(fill(&context.texts.record.future_date, &[("value", &shown), ("today", &today)]));
    }
    Ok(date)
}

/// Prints each platform's status, or the record as JSON. Changes nothing, ever.
fn status(context: &Context, store: &Store, json: bool) -> Outcome {
    let texts = context.texts;
    let record = match store.load() {
        Ok(record) => record,
        Err(error) => return Outcome::fail(BAD_INPUT, Context::load_problem(texts, store.path(), &error)),
    };
    if json {
        let mut stdout = serde_json::to_string_pretty(&record).unwrap_or_default();
        stdout.push('\n');
        return Outcome { stdout, ..Outcome::default() };
    }
    let mut stdout = String::new();
    for line in status_lines(texts, context.catalogue, &record) {
        stdout.push_str(&line);
        stdout.push('\n');
    }
    stdout.push_str(&fill(&texts.record.location, &[("path", &Context::path(store))]));
    stdout.push('\n');
    Outcome { stdout, ..Outcome::default() }
}

/// Writes a calendar file with a reminder for each objection still waiting for a confirmation.
/// Reads the record only.
fn remind(context: &Context, store: &Store, path: &Path) -> Outcome {
    let texts = context.texts;
    let record = match store.load() {
        Ok(record) => record,
        Err(error) => return Outcome::fail(BAD_INPUT, Context::load_problem(texts, store.path(), &error)),
    };
    let reminders = ics::reminders(texts, context.catalogue, &record, context.today);
    if reminders.is_empty() {
        return Outcome { stdout: texts.followup.nothing.clone() + "\n", ..Outcome::default() };
    }
    let shown = path.display().to_string();
    match std::fs::write(path, ics::calendar(&reminders, context.now)) {
        Ok(()) => {
            let count = reminders.len().to_string();
            let stdout = fill(&texts.followup.written, &[("count", &count), ("path", &shown)]) + "\n";
            Outcome { stdout, ..Outcome::default() }
        }
        Err(error) => Outcome::fail(
            SAVE_FAILED,
            fill(&texts.followup.write_failed, &[("path", &shown), ("error", &error.to_string())]),
        ),
    }
}

/// The catalogue: every entry with its link, when it was checked, its fallback and sources.
fn platforms(context: &Context, json: bool) -> Outcome {
    let texts = context.texts;
    let catalogue = context.catalogue;
    if json {
        let mut stdout = serde_json::to_string_pretty(&catalogue.platforms).unwrap_or_default();
        stdout.push('\n');
        return Outcome { stdout, ..Outcome::default() };
    }
    let mut stdout = String::new();
    for (number, platform) in catalogue.platforms.iter().enumerate() {
        let summary = texts.platform(&platform.id).map_or("", |p| p.summary.as_str());
        let checked = texts.link_check(platform).unwrap_or_else(|unchecked| unchecked);
        stdout.push_str(&format!(
            "{}. {} ({}): {summary}\n   {}\n   {checked}\n   {} {}\n   {}\n\n",
            number + 1,
            texts.platform_name(platform),
            platform.id,
            platform.form_url,
            texts.steps.fallback,
            platform.fallback_url,
            texts.sources_line(&platform.sources),
        ));
    }
    Outcome { stdout, ..Outcome::default() }
}

/// One line per objection, and one for each platform without any.
pub fn status_lines(texts: &Texts, catalogue: &Catalogue, record: &Record) -> Vec<String> {
    let mut lines = Vec::new();
    for platform in &catalogue.platforms {
        let mut any = false;
        for objection in record.for_platform(&platform.id) {
            any = true;
            lines.push(objection_line(texts, catalogue, objection));
        }
        if !any {
            lines.push(format!("{}: {}", texts.platform_name(platform), texts.record.not_yet));
        }
    }
    // Entries for platforms this version does not know are kept and shown as they are.
    for objection in record.objections.iter().filter(|o| catalogue.platform(&o.platform).is_none()) {
        lines.push(objection_line(texts, catalogue, objection));
    }
    lines
}

fn objection_line(texts: &Texts, catalogue: &Catalogue, objection: &Objection) -> String {
    let who = texts.entry_label(catalogue, &objection.platform, objection.account.as_deref());
    format!("{who}: {}", texts.objection_status(catalogue, objection))
}

/// Takes the lock, loads (setting a damaged file aside, and saying so), applies `edit` and
/// saves when it reports a change.
fn change(context: &Context, store: &Store, edit: impl FnOnce(&mut Record) -> Option<String>) -> Outcome {
    let texts = context.texts;
    let path = Context::path(store);
    let _lock = match store.lock_within(context.patience) {
        Ok(Some(lock)) => lock,
        Ok(None) => return Outcome::fail(BUSY, fill(&texts.record.busy, &[("path", &path)])),
        Err(error) => {
            return Outcome::fail(
                SAVE_FAILED,
                fill(&texts.record.save_failed, &[("path", &path), ("error", &error.to_string())]),
            );
        }
    };
    let mut stderr = String::new();
    let mut record = match store.load() {
        Ok(record) => record,
        Err(error) if error.is_damage() => match store.set_aside(context.now) {
            Ok(aside) => {
                let aside = aside.display().to_string();
                let problem = error.to_string();
                stderr = fill(
                    &texts.record.set_aside,
                    &[("path", &path), ("problem", &problem), ("aside", &aside)],
                );
                stderr.push('\n');
                Record::default()
            }
            Err(io) => {
                let error = LoadError::Unreadable(io);
                return Outcome::fail(BAD_INPUT, Context::load_problem(texts, store.path(), &error));
            }
        },
        Err(error) => return Outcome::fail(BAD_INPUT, Context::load_problem(texts, store.path(), &error)),
    };
    let Some(message) = edit(&mut record) else {
        return Outcome { stderr, ..Outcome::default() };
    };
    match store.save(&record) {
        Ok(()) => Outcome { code: OK, stdout: message + "\n", stderr },
        Err(error) => {
            stderr.push_str(&fill(
                &texts.record.save_failed,
                &[("path", &path), ("error", &error.to_string())],
            ));
            stderr.push('\n');
            Outcome { code: SAVE_FAILED, stdout: String::new(), stderr }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Lang};
    use std::fs;

    struct Fixture {
        content: Content,
        dir: tempfile::TempDir,
    }

    impl Fixture {
        fn new() -> Fixture {
            Fixture { content: Content::embedded(Lang::Nl).unwrap(), dir: tempfile::tempdir().unwrap() }
        }

        fn path(&self) -> std::path::PathBuf {
            self.dir.path().join("record.json")
        }

        fn run(&self, lang: Lang, command: Command) -> Outcome {
            let context = Context {
                texts: self.content.texts(lang),
                catalogue: &self.content.catalogue,
                store: Some(Store::new(self.path())),
                today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
                now: DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z").unwrap().with_timezone(&Utc),
                patience: Duration::from_millis(300),
            };
            run(command, &context)
        }
    }

    fn mark(platform: &str, account: Option<&str>, date: Option<&str>) -> Command {
        Command::Mark {
            platform: platform.into(),
            account: account.map(Into::into),
            date: date.map(Into::into),
            confirmed: None,
            note: None,
        }
    }

    #[test]
    fn mark_status_unmark() {
        let fixture = Fixture::new();
        let outcome = fixture.run(Lang::Nl, mark("Instagram", None, Some("2025-05-20")));
        assert_eq!(outcome.code, OK, "{outcome:?}");
        assert!(outcome.stdout.contains("Instagram (je account) is gemarkeerd als verstuurd op 20 mei 2025"));
        fixture.run(Lang::Nl, mark("facebook", Some("werk"), None));
        let status = fixture.run(Lang::Nl, Command::Status { json: false });
        assert_eq!(
            status.stdout.lines().take(2).collect::<Vec<_>>(),
            ["Instagram: verstuurd op 20 mei 2025", "Facebook (werk): verstuurd op 29 november 2026"]
        );
        let json = fixture.run(Lang::En, Command::Status { json: true });
        let record = record::parse(json.stdout.as_bytes()).unwrap();
        assert_eq!(record.objections.len(), 2);
        let outcome = fixture.run(Lang::En, Command::Unmark { platform: "instagram".into(), account: None });
        assert!(outcome.stdout.contains("The mark on Instagram (your account) was removed"), "{outcome:?}");
        let status = fixture.run(Lang::En, Command::Status { json: false });
        assert!(status.stdout.starts_with("Instagram: not marked yet\nFacebook (werk)"), "{}", status.stdout);
        let outcome = fixture.run(Lang::En, Command::Unmark { platform: "instagram".into(), account: None });
        assert_eq!(outcome.code, OK);
        assert!(outcome.stdout.contains("was not marked"), "{outcome:?}");
    }

    #[test]
    fn share_and_platforms_need_no_record() {
        let fixture = Fixture::new();
        let share = fixture.run(Lang::Nl, Command::Share);
        assert!(
            share.stdout.starts_with("Hoi!")
                && share.stdout.contains("Instagram: https://help.instagram.com/")
        );
        let list = fixture.run(Lang::En, Command::Platforms { json: true });
        let entries: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
        let ids: Vec<&str> = entries.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["instagram", "facebook", "meta-third-party", "linkedin", "x", "gemini"]);
        let text = fixture.run(Lang::En, Command::Platforms { json: false });
        assert_eq!(text.stdout.matches("Not checked").count(), 4, "{}", text.stdout);
        assert!(!fixture.path().exists());
    }

    #[test]
    fn remind_writes_a_calendar_for_open_objections_only() {
        let fixture = Fixture::new();
        let ics = fixture.dir.path().join("remind.ics");
        let remind = || fixture.run(Lang::En, Command::Remind { ics: ics.clone() });
        let nothing = remind();
        assert!(nothing.stdout.contains("No objection is waiting") && !ics.exists(), "{nothing:?}");
        fixture.run(Lang::En, mark("instagram", None, Some("2026-11-01")));
        let written = remind();
        assert_eq!(written.code, OK, "{written:?}");
        let calendar = fs::read_to_string(&ics).unwrap();
        assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 1);
        assert!(calendar.contains("DTSTART;VALUE=DATE:20261129\r\n"), "overdue: due today");
    }

    #[test]
    fn bad_input_is_refused_with_what_is_accepted_and_nothing_written() {
        let fixture = Fixture::new();
        let cases = [
            (mark("tiktok", None, None), "instagram, facebook"),
            (mark("instagram", None, Some("20-05-2025")), "YYYY-MM-DD"),
            (mark("instagram", None, Some("2027-01-01")), "2026-11-29"),
            (
                Command::Mark {
                    platform: "instagram".into(),
                    account: None,
                    date: None,
                    confirmed: Some("2025-13-01".into()),
                    note: None,
                },
                "YYYY-MM-DD",
            ),
        ];
        for (command, expected) in cases {
            let outcome = fixture.run(Lang::En, command);
            assert_eq!(outcome.code, BAD_INPUT);
            assert!(outcome.stderr.contains(expected), "{outcome:?}");
        }
        assert!(!fixture.path().exists(), "nothing was written");
    }

    #[test]
    fn status_reports_a_damaged_record_and_leaves_it_alone() {
        let fixture = Fixture::new();
        fs::write(fixture.path(), b"{\"version\": 1, \"obj").unwrap();
        let outcome = fixture.run(Lang::En, Command::Status { json: false });
        assert_eq!(outcome.code, BAD_INPUT);
        assert!(outcome.stderr.contains("could not be read") && outcome.stderr.contains("Nothing changed"));
        assert_eq!(fs::read(fixture.path()).unwrap(), b"{\"version\": 1, \"obj");
        assert_eq!(fs::read_dir(fixture.dir.path()).unwrap().count(), 1, "no file added");
    }

    #[test]
    fn mark_sets_a_damaged_record_aside_and_says_where() {
        let fixture = Fixture::new();
        fs::write(fixture.path(), b"\0\0\0\0").unwrap();
        let outcome = fixture.run(Lang::En, mark("instagram", None, None));
        assert_eq!(outcome.code, OK);
        let aside = fixture.dir.path().join("record.json.corrupt-20261129T100000Z");
        assert!(outcome.stderr.contains(&aside.display().to_string()), "{outcome:?}");
        assert_eq!(fs::read(aside).unwrap(), b"\0\0\0\0");
        assert_eq!(Store::new(fixture.path()).load().unwrap().objections.len(), 1);
    }

    #[test]
    fn a_record_from_a_newer_version_is_never_written() {
        let fixture = Fixture::new();
        let future = br#"{"version": 2, "objections": []}"#;
        fs::write(fixture.path(), future).unwrap();
        let outcome = fixture.run(Lang::Nl, mark("instagram", None, None));
        assert_eq!(outcome.code, BAD_INPUT);
        assert!(outcome.stderr.contains("nieuwere versie"), "{outcome:?}");
        assert_eq!(fs::read(fixture.path()).unwrap(), future);
    }

    #[test]
    fn a_held_lock_makes_writers_wait_then_give_up() {
        let fixture = Fixture::new();
        let _wizard = Store::new(fixture.path()).try_lock().unwrap().unwrap();
        let started = std::time::Instant::now();
        let outcome = fixture.run(Lang::En, mark("instagram", None, None));
        assert_eq!(outcome.code, BUSY);
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(outcome.stderr.contains("Another bezwaar window"), "{outcome:?}");
        assert_eq!(fixture.run(Lang::En, Command::Status { json: false }).code, OK, "reading needs no lock");
    }

    #[test]
    fn hostile_text_is_cleaned_before_it_is_stored_or_printed() {
        let fixture = Fixture::new();
        let hostile = "\x1b[2J\x1b]52;c;aGk=\x07\x1b]8;;https://evil.example\x1b\\x\u{9b}\u{202E}\u{200B}";
        let command = Command::Mark {
            platform: "facebook".into(),
            account: Some(format!("work{hostile}")),
            date: None,
            confirmed: None,
            note: Some(format!("note{hostile}")),
        };
        let outcome = fixture.run(Lang::En, command);
        let file = fs::read_to_string(fixture.path()).unwrap();
        let status = fixture.run(Lang::En, Command::Status { json: false }).stdout;
        let json = fixture.run(Lang::En, Command::Status { json: true }).stdout;
        for text in [&outcome.stdout, &file, &status, &json] {
            for bad in ['\x1b', '\x07', '\u{9b}', '\u{202E}', '\u{200B}'] {
                assert!(!text.contains(bad), "{bad:?} in {text:?}");
            }
        }
        assert!(!file.contains("\\u001b"), "no escaped ESC either: {file}");
    }
}

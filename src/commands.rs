//! The one-shot commands: `status`, `mark`, `unmark`, `remind`, `letter`, `platforms`, `share`. Each
//! returns what to print and the exit code, so that `main` only prints and tests can read the
//! result.
//!
//! `mark` and `unmark` are changes applied to the record as it is on disk at that moment
//! ([`Store::apply`]): they succeed while a wizard is open, and keep every field the person did
//! not name.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

use crate::cli::{LetterArgs, MarkArgs, PlatformsArgs, RemindArgs, StatusArgs, Task, UnmarkArgs};
use crate::content::{Catalogue, Platform, Texts, fill};
use crate::dates;
use crate::ics;
use crate::letter::{self, Person};
use crate::output::{self, Destination, OutputError};
use crate::record::{self, BY_LETTER, Change, Mark, Record, Refusal, Store, WriteError};
use crate::text::{self, MAX_ACCOUNT_CHARS, MAX_NOTE_CHARS};

/// Exit codes, as `--help` documents them.
pub const OK: u8 = 0;
pub const SAVE_FAILED: u8 = 1;
pub const BAD_INPUT: u8 = 2;
pub const BUSY: u8 = 3;

/// How long a change waits for another bezwaar to finish its write. A write takes
/// milliseconds; only a process stuck in the middle of one (or an older bezwaar, which held the
/// lock while its window was open) makes a command wait this long.
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

    fn ok(stdout: String) -> Outcome {
        Outcome { stdout: stdout + "\n", ..Outcome::default() }
    }

    /// Text printed as it is, exit code 0.
    pub fn printed(stdout: String) -> Outcome {
        Outcome { stdout, ..Outcome::default() }
    }

    /// A failure with this code and message (cleaned, as text from outside).
    pub fn failed(code: u8, message: String) -> Outcome {
        Outcome::fail(code, crate::text::shown(&message, 400))
    }
}

/// Everything a command needs.
pub struct Context<'a> {
    pub texts: &'a Texts,
    /// The English texts, when the person's language is another: a letter adds an English
    /// version after theirs.
    pub english: Option<&'a Texts>,
    pub catalogue: &'a Catalogue,
    pub store: Option<Store>,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// How long a change waits for the record's lock ([`PATIENCE`] outside tests).
    pub patience: Duration,
}

/// The record's path as it may be printed.
fn shown_path(store: &Store) -> String {
    text::path(store.path())
}

/// Runs one task of the command line. The guide (which reads and writes the terminal itself),
/// completions and the manual page (which need the command line's own definition) are run by
/// `main`.
pub fn run(task: Task, context: &Context) -> Outcome {
    // A task that stops early does so with the outcome it stops with.
    let outcome = match task {
        Task::Status(args) => status(context, &args),
        Task::Mark(args) => mark(context, args),
        Task::Unmark(args) => unmark(context, &args),
        Task::Remind(args) => remind(context, &args),
        Task::Letter(args) => letter(context, &args),
        Task::Platforms(args) => return platforms(context, &args),
        Task::Share => return Outcome::ok(context.texts.share_message(context.catalogue)),
        Task::Guide(_) | Task::Completions(_) | Task::Manpage => return Outcome::default(),
    };
    outcome.unwrap_or_else(|stopped| stopped)
}

/// Where the record is, or what to say when there is no place for it.
fn store<'a>(context: &'a Context) -> Result<&'a Store, Outcome> {
    context.store.as_ref().ok_or_else(|| Outcome::fail(BAD_INPUT, context.texts.record.no_location.clone()))
}

/// The mark the command line asks for, checked: a known platform, text within its limits, dates
/// under the one rule.
fn mark_change(context: &Context, args: MarkArgs) -> Result<Mark, String> {
    let MarkArgs { platform, account, date, confirmed, note, by_letter } = args;
    let texts = context.texts;
    let platform = known_platform(context, &platform)?;
    // A note is advice followed chat by chat: it is never done once, so never marked.
    if !platform.kind.can_be_marked() {
        return Err(fill(&texts.record.nothing_to_mark, &[("platform", texts.platform_name(platform))]));
    }
    // A letter is for Meta's forms; a setting was switched off, not sent.
    if by_letter && !letter::is_for(platform) {
        return Err(texts.letter_only_for_forms(context.catalogue, platform));
    }
    let platform = platform.id.clone();
    let limited = |value: Option<String>, max: usize, field: &str| -> Result<Option<String>, String> {
        let value = text::clean_optional(value.as_deref());
        if let Some(value) = &value
            && let Err(too_long) = text::within(value, max)
        {
            return Err(fill(
                &texts.record.too_long,
                &[("field", field), ("count", &too_long.count.to_string()), ("max", &max.to_string())],
            ));
        }
        Ok(value)
    };
    let account = limited(account, MAX_ACCOUNT_CHARS, &texts.record.field_account)?;
    // A note given empty clears the note; no --note keeps it.
    let note = match note {
        Some(note) => Some(limited(Some(note), MAX_NOTE_CHARS, &texts.record.field_note)?),
        None => None,
    };
    let checked = |value: Option<String>| {
        value
            .map(|value| dates::parse_checked(&value, context.today))
            .transpose()
            .map_err(|error| texts.date_error(&error, context.today))
    };
    let submitted_on = checked(date)?;
    let confirmation_on = checked(confirmed)?;
    if let Some(submitted) = submitted_on {
        dates::check_pair(submitted, confirmation_on)
            .map_err(|error| texts.date_error(&error, context.today))?;
    }
    Ok(Mark {
        submitted_on,
        confirmation_on,
        note,
        by: by_letter.then(|| BY_LETTER.to_owned()),
        ..Mark::new(&platform, account.as_deref(), context.today)
    })
}

/// Applies one change to the record as it is now; on success what it did, and any note about a
/// damaged file set aside first.
fn apply(context: &Context, store: &Store, change: Change) -> Result<(record::Outcome, String), Outcome> {
    let texts = context.texts;
    match store.apply(&[change], context.now, context.patience) {
        Ok(applied) => {
            let stderr = applied
                .set_aside
                .map_or_else(String::new, |set_aside| texts.set_aside(&shown_path(store), &set_aside) + "\n");
            Ok((applied.outcomes.into_iter().next().unwrap_or(record::Outcome::NotFound), stderr))
        }
        Err(error) => {
            let code = match error {
                WriteError::Busy => BUSY,
                WriteError::Load(_) | WriteError::SetAside(..) => BAD_INPUT,
                WriteError::TooLarge(_) | WriteError::Io(_) => SAVE_FAILED,
            };
            Err(Outcome::fail(code, texts.write_error(&shown_path(store), &error)))
        }
    }
}

/// `bezwaar mark`: marks a platform and account, or changes only the details given.
fn mark(context: &Context, args: MarkArgs) -> Result<Outcome, Outcome> {
    let texts = context.texts;
    let store = store(context)?;
    let mark = mark_change(context, args).map_err(|message| Outcome::fail(BAD_INPUT, message))?;
    let (name, account) = texts.account_label(context.catalogue, &mark.platform, mark.account.as_deref());
    let id = mark.platform.clone();
    let (outcome, stderr) = apply(context, store, Change::Mark(mark))?;
    let path = shown_path(store);
    let stdout = match &outcome {
        record::Outcome::Added(objection) => {
            // "submitted on …", "switched off on …", "sent by letter on …", with the
            // confirmation when one was given: what the record says of it everywhere.
            let status = texts.objection_status(context.catalogue, objection);
            let values =
                [("platform", name.as_str()), ("account", &account), ("status", &status), ("path", &path)];
            fill(&texts.record.marked, &values)
        }
        record::Outcome::AlreadyMarked { before, after, .. } => {
            let mut message = texts.already_marked(context.catalogue, before, after);
            if outcome.changed() {
                message = format!("{message} {}", texts.record_location(&path, true));
            }
            message
        }
        record::Outcome::Refused(Refusal::Ambiguous { count, .. }) => {
            let values = [("platform", name.as_str()), ("account", &account), ("count", &count.to_string())];
            return Err(Outcome::fail(BAD_INPUT, stderr + &fill(&texts.record.ambiguous, &values)));
        }
        record::Outcome::Refused(Refusal::Dates(error)) => {
            return Err(Outcome::fail(BAD_INPUT, stderr + &texts.date_error(error, context.today)));
        }
        record::Outcome::Refused(Refusal::SentOtherwise { by }) => {
            let way = by.as_deref().map_or_else(|| texts.record.way_form.clone(), str::to_owned);
            let values = [("platform", name.as_str()), ("account", &account), ("way", &way), ("id", &id)];
            return Err(Outcome::fail(BAD_INPUT, stderr + &fill(&texts.record.sent_otherwise, &values)));
        }
        _ => String::new(),
    };
    Ok(Outcome { code: OK, stdout: stdout + "\n", stderr })
}

/// `bezwaar unmark`: removes every mark for a platform and account, and says how many.
fn unmark(context: &Context, args: &UnmarkArgs) -> Result<Outcome, Outcome> {
    let texts = context.texts;
    let store = store(context)?;
    let platform = known_platform(context, &args.platform)
        .map_err(|message| Outcome::fail(BAD_INPUT, message))?
        .id
        .clone();
    let account = text::clean_optional(args.account.as_deref());
    let (name, shown) = texts.account_label(context.catalogue, &platform, account.as_deref());
    let change = Change::Unmark { platform, account };
    let (outcome, stderr) = apply(context, store, change)?;
    let stdout = match outcome {
        record::Outcome::Removed(entries) => {
            let count = entries.len();
            let values = [
                ("platform", name.as_str()),
                ("account", &shown),
                ("count", &count.to_string()),
                ("path", &shown_path(store)),
            ];
            fill(texts.record.unmarked.pick(count as i64), &values)
        }
        _ => fill(&texts.record.nothing_to_unmark, &[("platform", &name), ("account", &shown)]),
    };
    Ok(Outcome { code: OK, stdout: stdout + "\n", stderr })
}

/// The catalogue's platform for what the person typed, or what to say when there is none.
pub fn known_platform<'a>(context: &Context<'a>, value: &str) -> Result<&'a Platform, String> {
    if let Some(platform) = context.catalogue.platform(&value.trim().to_lowercase()) {
        return Ok(platform);
    }
    let accepted: Vec<&str> = context.catalogue.platforms.iter().map(|p| p.id.as_str()).collect();
    let shown = text::shown(value, 40);
    Err(fill(
        &context.texts.record.unknown_platform,
        &[("value", &shown), ("accepted", &accepted.join(", "))],
    ))
}

/// Reads the record for a command that changes nothing.
fn read(context: &Context, store: &Store) -> Result<Record, Outcome> {
    store
        .load()
        .map_err(|error| Outcome::fail(BAD_INPUT, context.texts.load_error(&shown_path(store), &error)))
}

/// `bezwaar status`: each platform's status, or the record as JSON. Changes nothing, ever.
fn status(context: &Context, args: &StatusArgs) -> Result<Outcome, Outcome> {
    let texts = context.texts;
    let store = store(context)?;
    let record = read(context, store)?;
    if args.json {
        let json = record
            .to_json()
            .map_err(|error| Outcome::fail(SAVE_FAILED, text::shown(&error.to_string(), 200)))?;
        return Ok(Outcome::printed(text::printable_json(&String::from_utf8_lossy(&json))));
    }
    let mut stdout = String::new();
    for line in texts.status_lines(context.catalogue, &record, context.today) {
        stdout.push_str(&line);
        stdout.push('\n');
    }
    stdout
        .push_str(&texts.record_location(&shown_path(store), store.stamp().is_some() || !record.is_empty()));
    Ok(Outcome::ok(stdout))
}

/// `bezwaar remind`: a calendar with a reminder for each objection still waiting for a
/// confirmation, to a file or (`-`) to standard output. Reads the record only.
fn remind(context: &Context, args: &RemindArgs) -> Result<Outcome, Outcome> {
    let texts = context.texts;
    let store = store(context)?;
    let (path, force) = (args.ics.as_path(), args.force);
    let record = read(context, store)?;
    let reminders = ics::reminders(texts, context.catalogue, &record, context.today);
    let destination = Destination::of(path);
    if reminders.is_empty() {
        return Ok(match destination {
            Destination::Stdout => {
                Outcome { stderr: texts.followup.nothing.clone() + "\n", ..Outcome::default() }
            }
            Destination::File(_) => Outcome::ok(texts.followup.nothing.clone()),
        });
    }
    let calendar = ics::calendar(&reminders, context.now);
    let Destination::File(path) = destination else {
        return Ok(Outcome::printed(calendar));
    };
    let shown = text::path(&path);
    let followup = &texts.followup;
    Ok(match output::write(&path, calendar.as_bytes(), ics::is_ours, force, Some(store)) {
        Ok(()) => {
            let count = reminders.len();
            let values = [("count", count.to_string()), ("path", shown)];
            Outcome::ok(fill(followup.written.pick(count as i64), &values))
        }
        Err(error) => {
            let words =
                [&followup.is_record, &followup.not_a_file, &followup.not_ours, &followup.write_failed];
            not_written(texts, words, &shown, error)
        }
    })
}

/// `bezwaar letter`: a letter of objection to Meta, for one of its forms, to standard output or
/// a file. The letter alone goes to standard output; what to know about it goes to standard
/// error. Reads the record only to keep the file from being written over it.
fn letter(context: &Context, args: &LetterArgs) -> Result<Outcome, Outcome> {
    let texts = context.texts;
    let said = &texts.letter;
    let bad = |message: String| Outcome::fail(BAD_INPUT, message);
    let platform = known_platform(context, &args.platform).map_err(bad)?;
    if !letter::is_for(platform) {
        return Err(bad(texts.letter_only_for_forms(context.catalogue, platform)));
    }
    let person = Person::checked(
        &args.name,
        &args.email,
        args.account.as_deref(),
        args.reason.as_deref(),
        args.place.as_deref(),
    )
    .map_err(|problem| bad(texts.letter_problem(&problem)))?;
    let text = letter::compose(&person, platform, context.today, context.catalogue, texts, context.english);
    let note = texts.letter_note(platform, person.reason.is_some());
    let path = match args.out.as_deref().map(Destination::of) {
        None | Some(Destination::Stdout) => return Ok(Outcome { code: OK, stdout: text, stderr: note }),
        Some(Destination::File(path)) => path,
    };
    let shown = text::path(&path);
    let written =
        output::write(&path, text.as_bytes(), letter::same_letter(&text), args.force, context.store.as_ref());
    match written {
        Ok(()) => {
            Ok(Outcome { code: OK, stdout: fill(&said.written, &[("path", &shown)]) + "\n", stderr: note })
        }
        Err(error) => {
            let words = [&said.is_record, &said.not_a_file, &said.exists, &said.write_failed];
            Err(not_written(texts, words, &shown, error))
        }
    }
}

/// Why a file asked for (a calendar, a letter) was not written, in the words of what it is:
/// `[is_record, not_a_file, not_ours, write_failed]`. Only a failure to write is not the
/// person's input.
fn not_written(texts: &Texts, words: [&String; 4], shown: &str, error: OutputError) -> Outcome {
    let [is_record, not_a_file, not_ours, write_failed] = words;
    let path = [("path", shown)];
    match error {
        OutputError::IsRecord => Outcome::fail(BAD_INPUT, fill(is_record, &path)),
        OutputError::NotAFile => Outcome::fail(BAD_INPUT, fill(not_a_file, &path)),
        OutputError::NotOurs => Outcome::fail(BAD_INPUT, fill(not_ours, &path)),
        OutputError::Io(error) => Outcome::fail(
            SAVE_FAILED,
            fill(write_failed, &[("path", shown), ("error", &texts.os_error(&error))]),
        ),
    }
}

/// `bezwaar platforms`: every entry of the catalogue with its link, what the sources say of it
/// and the entry's sources, then its fallback with the fallback's source; a note says it has no
/// link.
pub fn platforms(context: &Context, args: &PlatformsArgs) -> Outcome {
    let texts = context.texts;
    let catalogue = context.catalogue;
    if args.json {
        let mut stdout = serde_json::to_string_pretty(&catalogue.platforms).unwrap_or_default();
        stdout.push('\n');
        return Outcome { stdout, ..Outcome::default() };
    }
    let mut stdout = String::new();
    for (number, platform) in catalogue.platforms.iter().enumerate() {
        let summary = texts.platform(&platform.id).map_or("", |p| p.summary.as_str());
        let name = texts.platform_name(platform);
        stdout.push_str(&format!("{}. {name} ({}): {summary}\n", number + 1, platform.id));
        let sources = texts.sources_line(&platform.sources);
        match &platform.link {
            Some(link) => {
                let checked = texts.link_check(link).unwrap_or_else(|unchecked| unchecked);
                let fallback_source = texts.sources_line(std::slice::from_ref(&link.fallback_source));
                stdout.push_str(&format!(
                    "   {}\n   {checked}\n   {sources}\n   {} {}\n   {fallback_source}\n\n",
                    link.url, texts.steps.fallback, link.fallback_url,
                ));
            }
            None => stdout.push_str(&format!("   {}\n   {sources}\n\n", texts.steps.no_link)),
        }
    }
    Outcome { stdout, ..Outcome::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Lang};
    use std::fs;
    use std::path::Path;

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

        fn run(&self, lang: Lang, task: Task) -> Outcome {
            let context = Context {
                texts: self.content.texts(lang),
                english: (lang != Lang::En).then(|| self.content.texts(Lang::En)),
                catalogue: &self.content.catalogue,
                store: Some(Store::new(self.path())),
                today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
                now: DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z").unwrap().with_timezone(&Utc),
                patience: Duration::from_millis(300),
            };
            run(task, &context)
        }

        fn record(&self) -> Record {
            Store::new(self.path()).load().unwrap()
        }
    }

    fn mark(platform: &str, account: Option<&str>, date: Option<&str>) -> Task {
        Task::Mark(MarkArgs {
            platform: platform.into(),
            account: account.map(Into::into),
            date: date.map(Into::into),
            confirmed: None,
            note: None,
            by_letter: false,
        })
    }

    fn mark_with(platform: &str, account: Option<&str>, confirmed: Option<&str>, note: Option<&str>) -> Task {
        Task::Mark(MarkArgs {
            platform: platform.into(),
            account: account.map(Into::into),
            date: None,
            confirmed: confirmed.map(Into::into),
            note: note.map(Into::into),
            by_letter: false,
        })
    }

    #[test]
    fn mark_status_unmark() {
        let fixture = Fixture::new();
        let outcome = fixture.run(Lang::Nl, mark("Instagram", None, Some("2025-05-20")));
        assert_eq!(outcome.code, OK, "{outcome:?}");
        assert!(outcome.stdout.contains("Instagram (je account) is gemarkeerd als verstuurd op 20 mei 2025"));
        fixture.run(Lang::Nl, mark("facebook", Some("werk"), None));
        let status = fixture.run(Lang::Nl, Task::Status(StatusArgs { json: false }));
        assert_eq!(
            status.stdout.lines().take(2).collect::<Vec<_>>(),
            ["Instagram: verstuurd op 20 mei 2025", "Facebook (werk): verstuurd op 29 november 2026"]
        );
        let json = fixture.run(Lang::En, Task::Status(StatusArgs { json: true }));
        let record = record::parse(json.stdout.as_bytes()).unwrap();
        assert_eq!(record.objections().count(), 2);
        let outcome =
            fixture.run(Lang::En, Task::Unmark(UnmarkArgs { platform: "instagram".into(), account: None }));
        assert!(outcome.stdout.contains("The mark on Instagram (your account) was removed"), "{outcome:?}");
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false }));
        assert!(status.stdout.starts_with("Instagram: not marked yet\nFacebook (werk)"), "{}", status.stdout);
        let outcome =
            fixture.run(Lang::En, Task::Unmark(UnmarkArgs { platform: "instagram".into(), account: None }));
        assert_eq!(outcome.code, OK);
        assert!(outcome.stdout.contains("was not marked"), "{outcome:?}");
    }

    #[test]
    fn marking_with_a_confirmation_says_it_as_the_status_does() {
        let fixture = Fixture::new();
        let args = MarkArgs {
            date: Some("2026-11-20".into()),
            confirmed: Some("2026-11-21".into()),
            ..MarkArgs::default()
        };
        let marked = fixture.run(Lang::En, Task::Mark(MarkArgs { platform: "instagram".into(), ..args }));
        assert!(
            marked.stdout.starts_with(
                "Instagram (your account) is marked as submitted on 20 November 2026, \
                 confirmation received on 21 November 2026. Saved in "
            ),
            "{marked:?}"
        );
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false })).stdout;
        assert!(status.contains("confirmation received on 21 November 2026"), "{status}");
    }

    #[test]
    fn a_setting_is_said_to_be_switched_off_and_a_form_to_be_submitted() {
        let cases = [
            (
                Lang::Nl,
                "LinkedIn (je account) is gemarkeerd als uitgezet op 20 mei 2025.",
                "Instagram (je account) is gemarkeerd als verstuurd op 20 mei 2025.",
                ["Instagram: verstuurd op 20 mei 2025", "LinkedIn: uitgezet op 20 mei 2025"],
                "Veranderd: de datum van uitzetten, nu 21 mei 2025.",
            ),
            (
                Lang::En,
                "LinkedIn (your account) is marked as switched off on 20 May 2025.",
                "Instagram (your account) is marked as submitted on 20 May 2025.",
                ["Instagram: submitted on 20 May 2025", "LinkedIn: switched off on 20 May 2025"],
                "Changed: the date you switched it off, now 21 May 2025.",
            ),
        ];
        for (lang, linkedin, instagram, status, changed) in cases {
            let fixture = Fixture::new();
            let marked = fixture.run(lang, mark("linkedin", None, Some("2025-05-20")));
            assert!(marked.stdout.starts_with(linkedin), "{marked:?}");
            let marked = fixture.run(lang, mark("instagram", None, Some("2025-05-20")));
            assert!(marked.stdout.starts_with(instagram), "{marked:?}");
            let shown = fixture.run(lang, Task::Status(StatusArgs { json: false })).stdout;
            let lines: Vec<&str> = shown.lines().collect();
            for line in status {
                assert!(lines.contains(&line), "{line:?} in {shown}");
            }
            let moved = fixture.run(lang, mark("linkedin", None, Some("2025-05-21")));
            assert!(moved.stdout.contains(changed), "{moved:?}");
            for said in [&shown, &moved.stdout] {
                let linkedin_lines = said.lines().filter(|line| line.contains("LinkedIn"));
                for line in linkedin_lines {
                    assert!(!line.contains("verstuurd") && !line.contains("submitted"), "{line}");
                    assert!(!line.contains("Meta"), "{line}");
                }
            }
        }
    }

    #[test]
    fn marking_again_changes_only_what_is_given_and_says_what_it_kept() {
        let fixture = Fixture::new();
        fixture.run(Lang::En, mark("facebook", Some("werk"), Some("2025-05-20")));
        fixture.run(Lang::En, mark_with("facebook", Some("werk"), Some("2025-05-21"), Some("via de club")));
        let again = fixture.run(Lang::En, mark("facebook", Some("werk"), None));
        assert_eq!(again.code, OK);
        assert_eq!(
            again.stdout,
            "Facebook (werk) was already marked on 20 May 2025. Nothing changed. Kept: the confirmation of \
             21 May 2025 and your note.\n"
        );
        let entry = fixture.record().find("facebook", Some("werk")).unwrap().clone();
        assert_eq!(
            (entry.submitted_on, entry.confirmation_on, entry.note.as_deref()),
            (
                dates::parse("2025-05-20").unwrap(),
                Some(dates::parse("2025-05-21").unwrap()),
                Some("via de club")
            )
        );
        let noted = fixture.run(Lang::Nl, mark_with("facebook", Some("werk"), None, Some("tweede keer")));
        assert!(
            noted.stdout.starts_with(
                "Facebook (werk) was al gemarkeerd op 20 mei 2025. Veranderd: je notitie. Dit blijft staan: \
                 de bevestiging van 21 mei 2025."
            ),
            "{noted:?}"
        );
        // --date replaces the date when it is given, and is checked against the confirmation.
        let later = fixture.run(Lang::En, mark("facebook", Some("werk"), Some("2025-06-01")));
        assert_eq!(later.code, BAD_INPUT, "{later:?}");
        assert!(later.stderr.contains("cannot come before the day you sent the form"), "{later:?}");
        let earlier = fixture.run(Lang::En, mark("facebook", Some("werk"), Some("2025-05-19")));
        assert!(earlier.stdout.contains("Changed: the date you sent it, now 19 May 2025."), "{earlier:?}");
        assert_eq!(fixture.record().objections().count(), 1);
    }

    #[test]
    fn two_entries_for_one_account_are_never_merged() {
        let fixture = Fixture::new();
        let entry = r#"{"platform": "facebook", "account": "werk", "submitted_on": "2025-05-20",
            "confirmation_on": null, "note": null}"#;
        fs::write(fixture.path(), format!(r#"{{"version": 1, "objections": [{entry}, {entry}]}}"#)).unwrap();
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false }));
        assert_eq!(status.stdout.matches("This account is in your record 2 times.").count(), 2, "{status:?}");
        let noted = fixture.run(Lang::En, mark_with("facebook", Some("werk"), None, Some("x")));
        assert_eq!(noted.code, BAD_INPUT);
        assert!(noted.stderr.contains("is in your record 2 times"), "{noted:?}");
        assert_eq!(fixture.record().objections().count(), 2);
        let removed = fixture.run(
            Lang::En,
            Task::Unmark(UnmarkArgs { platform: "facebook".into(), account: Some("werk".into()) }),
        );
        assert!(removed.stdout.starts_with("2 marks on Facebook (werk) were removed"), "{removed:?}");
        assert!(fixture.record().is_empty());
    }

    #[test]
    fn text_over_a_limit_is_refused_with_the_limit_not_cut() {
        let fixture = Fixture::new();
        let long = fixture.run(Lang::En, mark_with("facebook", None, None, Some(&"é".repeat(501))));
        assert_eq!(long.code, BAD_INPUT);
        assert_eq!(
            long.stderr,
            "The note has 501 characters; at most 500 fit. Nothing was saved. Make it shorter.\n"
        );
        let account = fixture.run(Lang::Nl, mark("facebook", Some(&"a".repeat(101)), None));
        assert!(
            account.stderr.contains("accountnaam heeft 101 tekens; er passen er hoogstens 100"),
            "{account:?}"
        );
        assert!(!fixture.path().exists());
        let family = "👨\u{200D}👩\u{200D}👧 \u{202E}x";
        let kept = fixture.run(Lang::En, mark_with("facebook", Some(family), None, None));
        assert_eq!(kept.code, OK);
        assert_eq!(
            fixture.record().objections().next().unwrap().account.as_deref(),
            Some("👨\u{200D}👩\u{200D}👧 x")
        );
    }

    #[test]
    fn share_and_platforms_need_no_record() {
        let fixture = Fixture::new();
        let share = fixture.run(Lang::Nl, Task::Share);
        assert!(
            share.stdout.starts_with("Hoi!")
                && share.stdout.contains("Instagram: https://help.instagram.com/")
        );
        let list = fixture.run(Lang::En, Task::Platforms(PlatformsArgs { json: true }));
        let entries: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
        let ids: Vec<&str> = entries.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "instagram",
                "facebook",
                "meta-third-party",
                "linkedin",
                "x",
                "gemini",
                "chatgpt",
                "claude",
                "whatsapp"
            ]
        );
        // The JSON keeps the catalogue's flat fields; a note's link fields are null.
        assert_eq!(entries[0]["verified_on"], "2025-05-26");
        assert_eq!(entries[0]["fallback_source"], "meta-privacy-2026");
        assert_eq!(entries[8]["kind"], "note");
        assert!(entries[8]["form_url"].is_null() && entries[8]["fallback_url"].is_null());
        let text = fixture.run(Lang::En, Task::Platforms(PlatformsArgs { json: false }));
        assert_eq!(text.stdout.matches("Not checked").count(), 7, "{}", text.stdout);
        let whatsapp = &text.stdout[text.stdout.find("(whatsapp)").unwrap()..];
        assert!(whatsapp.contains("There is no link") && !whatsapp.contains("https://"), "{whatsapp}");
        // Each fallback says its own source, on the line under it.
        assert!(text.stdout.contains(
            "try: https://help.meta.com/support/privacy/\n   Source: Meta, privacy policy (EEA), 23 July 2026\n"
        ));
        assert!(!fixture.path().exists());
    }

    #[test]
    fn a_note_is_never_marked_and_never_said_to_be_not_marked_yet() {
        let fixture = Fixture::new();
        for lang in Lang::ALL {
            let outcome = fixture.run(lang, mark("whatsapp", None, None));
            assert_eq!(outcome.code, BAD_INPUT, "{outcome:?}");
            let texts = fixture.content.texts(lang);
            assert_eq!(
                outcome.stderr,
                fill(&texts.record.nothing_to_mark, &[("platform", "WhatsApp")]) + "\n"
            );
        }
        assert!(!fixture.path().exists(), "nothing written");
        fixture.run(Lang::En, mark("claude", None, Some("2026-11-01")));
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false })).stdout;
        assert!(status.contains("Claude: switched off on 1 November 2026\n"), "{status}");
        assert!(status.contains("ChatGPT: not marked yet\n") && !status.contains("WhatsApp"), "{status}");
        // A record written elsewhere may hold one: it is said to be marked, not sent.
        let record = r#"{"version":2,"objections":[{"platform":"whatsapp","account":null,"submitted_on":"2026-11-02","confirmation_on":null,"note":null}]}"#;
        fs::write(fixture.path(), record).unwrap();
        let status = fixture.run(Lang::Nl, Task::Status(StatusArgs { json: false })).stdout;
        assert!(status.contains("WhatsApp: gemarkeerd op 2 november 2026\n"), "{status}");
    }

    #[test]
    fn remind_writes_a_calendar_for_open_objections_only() {
        let fixture = Fixture::new();
        let ics = fixture.dir.path().join("remind.ics");
        let remind =
            |force: bool| fixture.run(Lang::En, Task::Remind(RemindArgs { ics: ics.clone(), force }));
        let nothing = remind(false);
        assert!(nothing.stdout.contains("No objection is waiting") && !ics.exists(), "{nothing:?}");
        fixture.run(Lang::En, mark("instagram", None, Some("2026-11-01")));
        let written = remind(false);
        assert_eq!(written.code, OK, "{written:?}");
        assert!(written.stdout.starts_with("1 reminder written to"), "{written:?}");
        let calendar = fs::read_to_string(&ics).unwrap();
        assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 1);
        assert!(calendar.contains("DTSTART;VALUE=DATE:20261129\r\n"), "overdue: due today");
        assert_eq!(remind(false).code, OK, "its own calendar is replaced");
    }

    #[test]
    fn remind_never_writes_over_the_record_or_a_stranger() {
        let fixture = Fixture::new();
        fixture.run(Lang::En, mark("instagram", None, Some("2026-11-01")));
        let record = fs::read(fixture.path()).unwrap();
        let remind = |path: &Path, force: bool| {
            fixture.run(Lang::En, Task::Remind(RemindArgs { ics: path.to_path_buf(), force }))
        };
        for force in [false, true] {
            let refused = remind(&fixture.path(), force);
            assert_eq!(refused.code, BAD_INPUT, "{refused:?}");
            assert!(refused.stderr.contains("is your record of objections"), "{refused:?}");
        }
        assert_eq!(fs::read(fixture.path()).unwrap(), record, "the record is untouched");
        let stranger = fixture.dir.path().join("agenda.ics");
        fs::write(&stranger, b"my own calendar").unwrap();
        let refused = remind(&stranger, false);
        assert_eq!(refused.code, BAD_INPUT);
        assert!(refused.stderr.contains("--force"), "{refused:?}");
        assert_eq!(fs::read(&stranger).unwrap(), b"my own calendar");
        assert_eq!(remind(&stranger, true).code, OK, "--force replaces it");
        assert!(fs::read_to_string(&stranger).unwrap().starts_with("BEGIN:VCALENDAR"));
        let to_stdout = remind(Path::new("-"), false);
        assert!(
            to_stdout.stdout.starts_with("BEGIN:VCALENDAR\r\n")
                && to_stdout.stdout.ends_with("END:VCALENDAR\r\n")
        );
        assert!(!fixture.dir.path().join("-").exists(), "- is standard output, not a file");
        let directory = remind(fixture.dir.path(), true);
        assert_eq!(directory.code, BAD_INPUT);
        assert!(directory.stderr.contains("not an ordinary file"), "{directory:?}");
    }

    #[test]
    fn bad_input_is_refused_with_what_is_accepted_and_nothing_written() {
        let fixture = Fixture::new();
        let cases = [
            (mark("tiktok", None, None), "instagram, facebook"),
            (mark("instagram", None, Some("20-05-2025")), "YYYY-MM-DD"),
            (mark("instagram", None, Some("2027-01-01")), "2026-11-29"),
            (mark("instagram", None, Some("2023-12-31")), "before 2024"),
            (mark_with("instagram", None, Some("2025-13-01"), None), "YYYY-MM-DD"),
            (
                Task::Mark(MarkArgs {
                    platform: "instagram".into(),
                    account: None,
                    date: Some("2025-05-20".into()),
                    confirmed: Some("2025-05-19".into()),
                    note: None,
                    by_letter: false,
                }),
                "cannot come before the day you sent the form",
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
        let outcome = fixture.run(Lang::En, Task::Status(StatusArgs { json: false }));
        assert_eq!(outcome.code, BAD_INPUT);
        assert!(outcome.stderr.contains("could not be read") && outcome.stderr.contains("Nothing changed"));
        assert_eq!(fs::read(fixture.path()).unwrap(), b"{\"version\": 1, \"obj");
        assert_eq!(fs::read_dir(fixture.dir.path()).unwrap().count(), 1, "no file added");
    }

    #[test]
    fn one_unreadable_entry_keeps_the_others_working() {
        let fixture = Fixture::new();
        let file = r#"{"version": 1, "objections": [
            {"platform": "instagram", "account": null, "submitted_on": "2025-02-30", "confirmation_on": null, "note": null},
            {"platform": "facebook", "account": null, "submitted_on": "2025-05-20", "confirmation_on": null, "note": "kept", "from_the_future": [1]}
        ], "also": "kept"}"#;
        fs::write(fixture.path(), file).unwrap();
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false }));
        assert_eq!(status.code, OK, "{status:?}");
        assert!(status.stdout.contains("Facebook: submitted on 20 May 2025\n"), "{status:?}");
        assert!(
            status.stdout.contains(
                "Entry 1 of your record cannot be read: \"2025-02-30\" in the field \"submitted_on\" is not a real date."
            ),
            "{status:?}"
        );
        let marked = fixture.run(Lang::En, mark("linkedin", None, None));
        assert_eq!(marked.code, OK, "{marked:?}");
        let written = fs::read_to_string(fixture.path()).unwrap();
        assert!(written.contains(r#"{"platform": "instagram", "account": null, "submitted_on": "2025-02-30", "confirmation_on": null, "note": null}"#), "{written}");
        assert!(
            written.contains(r#""from_the_future": [1]"#) && written.contains(r#""also": "kept""#),
            "{written}"
        );
        assert_eq!(fixture.record().objections().count(), 2);
    }

    #[test]
    fn status_json_prints_nothing_the_terminal_would_act_on() {
        let fixture = Fixture::new();
        let file = "{\"version\": 2, \"objections\": [{\"platform\": \"x\", \"submitted_on\": \"2025-02-30\", \"n\": \"\u{202e}\u{9b}31m\"}], \"extra\": \"\u{2066}\"}";
        fs::write(fixture.path(), file).unwrap();
        let json = fixture.run(Lang::En, Task::Status(StatusArgs { json: true }));
        assert_eq!(json.code, OK);
        assert!(!json.stdout.contains(['\u{202e}', '\u{9b}', '\u{2066}']), "{:?}", json.stdout);
        let printed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(
            printed,
            serde_json::from_str::<serde_json::Value>(file).unwrap(),
            "the same record, escaped"
        );
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
        assert_eq!(fixture.record().objections().count(), 1);
    }

    #[test]
    fn a_record_from_a_newer_version_is_never_written() {
        let fixture = Fixture::new();
        let future = br#"{"version": 3, "objections": []}"#;
        fs::write(fixture.path(), future).unwrap();
        let outcome = fixture.run(Lang::Nl, mark("instagram", None, None));
        assert_eq!(outcome.code, BAD_INPUT);
        assert!(outcome.stderr.contains("nieuwere versie"), "{outcome:?}");
        assert_eq!(fs::read(fixture.path()).unwrap(), future);
    }

    #[test]
    fn a_lock_held_too_long_makes_writers_wait_then_give_up() {
        let fixture = Fixture::new();
        let store = Store::new(fixture.path());
        fixture.run(Lang::En, mark("facebook", None, None));
        let held = fs::File::open(store.lock_path().unwrap()).unwrap();
        held.lock().unwrap();
        let started = std::time::Instant::now();
        let outcome = fixture.run(Lang::En, mark("instagram", None, None));
        assert_eq!(outcome.code, BUSY);
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(outcome.stderr.contains("did not finish within 5 seconds"), "{outcome:?}");
        assert_eq!(
            fixture.run(Lang::En, Task::Status(StatusArgs { json: false })).code,
            OK,
            "reading needs no lock"
        );
    }

    #[test]
    fn hostile_text_is_cleaned_before_it_is_stored_or_printed() {
        let fixture = Fixture::new();
        let hostile = "\x1b[2J\x1b]52;c;aGk=\x07\x1b]8;;https://evil.example\x1b\\x\u{9b}\u{202E}\u{2066}";
        let command = Task::Mark(MarkArgs {
            platform: "facebook".into(),
            account: Some(format!("work{hostile}")),
            date: None,
            confirmed: None,
            note: Some(format!("note{hostile}")),
            by_letter: false,
        });
        let outcome = fixture.run(Lang::En, command);
        let file = fs::read_to_string(fixture.path()).unwrap();
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false })).stdout;
        let json = fixture.run(Lang::En, Task::Status(StatusArgs { json: true })).stdout;
        for text in [&outcome.stdout, &file, &status, &json] {
            for bad in ['\x1b', '\x07', '\u{9b}', '\u{202E}', '\u{2066}'] {
                assert!(!text.contains(bad), "{bad:?} in {text:?}");
            }
        }
        assert!(!file.contains("\\u001b"), "no escaped ESC either: {file}");
    }

    #[test]
    fn paths_are_printed_clean() {
        let content = Content::embedded(Lang::En).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("re\x1b[2Jcord\u{202e}.json");
        let context = Context {
            texts: content.texts(Lang::En),
            english: None,
            catalogue: &content.catalogue,
            store: Some(Store::new(&path)),
            today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            now: Utc::now(),
            patience: Duration::from_millis(300),
        };
        let marked = run(mark("instagram", None, None), &context);
        assert_eq!(marked.code, OK);
        let status = run(Task::Status(StatusArgs { json: false }), &context);
        for text in [&marked.stdout, &status.stdout] {
            assert!(text.contains("re[2Jcord.json") && !text.contains(['\x1b', '\u{202e}']), "{text:?}");
        }
    }

    fn letter_to(platform: &str, out: Option<&Path>, force: bool) -> Task {
        Task::Letter(LetterArgs {
            platform: platform.into(),
            name: "Anna de Vries".into(),
            email: "anna@example.org".into(),
            out: out.map(Path::to_path_buf),
            force,
            ..LetterArgs::default()
        })
    }

    #[test]
    fn a_letter_holds_what_the_person_typed_and_nothing_from_the_record() {
        let fixture = Fixture::new();
        fixture.run(Lang::En, mark_with("instagram", Some("werk"), None, Some("a secret note")));
        let before = fs::read(fixture.path()).unwrap();
        let plain = fixture.run(Lang::Nl, letter_to("Instagram", None, false));
        assert_eq!(plain.code, OK, "{plain:?}");
        assert!(
            plain.stdout.starts_with("Anna de Vries\nanna@example.org\n\nMeta Platforms Ireland Limited\n")
        );
        for absent in ["werk", "secret", "Profielnaam", "Profile name", "Let op", "--by-letter"] {
            assert!(!plain.stdout.contains(absent), "{absent:?} in {}", plain.stdout);
        }
        assert!(
            plain.stderr.contains("geen enkele bron zegt") && plain.stderr.contains("--reason"),
            "{plain:?}"
        );
        assert!(plain.stderr.contains("bezwaar mark instagram --by-letter"), "{plain:?}");
        assert_eq!(fs::read(fixture.path()).unwrap(), before, "the record is only read");

        let given = fixture.run(
            Lang::En,
            Task::Letter(LetterArgs {
                account: Some("anna.devries".into()),
                place: Some("Utrecht".into()),
                reason: Some("I teach; my pupils are in my photos.".into()),
                ..LetterArgs { platform: "facebook".into(), ..letter_args() }
            }),
        );
        assert_eq!(given.code, OK, "{given:?}");
        assert!(given.stdout.contains("\nProfile name: anna.devries\n"), "{}", given.stdout);
        assert!(given.stdout.contains("\nUtrecht, 29 November 2026\n"), "{}", given.stdout);
        assert!(given.stdout.contains("\nI teach; my pupils are in my photos.\n"), "{}", given.stdout);
        assert!(
            !given.stdout.contains("I do not want information about me"),
            "their words replace the example"
        );
        assert!(!given.stderr.contains("--reason"), "no hint where their own words stand: {given:?}");
        assert_eq!(given.stdout.matches("Meta Platforms Ireland Limited").count(), 1, "in English, once");
    }

    fn letter_args() -> LetterArgs {
        LetterArgs { name: "Anna de Vries".into(), email: "anna@example.org".into(), ..LetterArgs::default() }
    }

    #[test]
    fn a_setting_has_no_letter_and_says_what_to_do_instead() {
        let fixture = Fixture::new();
        for id in ["linkedin", "x", "gemini"] {
            let refused = fixture.run(Lang::En, letter_to(id, None, false));
            assert_eq!((refused.code, refused.stdout.as_str()), (BAD_INPUT, ""), "{refused:?}");
            assert!(
                refused.stderr.contains("not one of Meta's forms")
                    && refused.stderr.contains(&format!("bezwaar guide {id}"))
                    && refused.stderr.contains("instagram, facebook, meta-third-party"),
                "{refused:?}"
            );
            let mark = Task::Mark(MarkArgs { platform: id.into(), by_letter: true, ..MarkArgs::default() });
            let refused = fixture.run(Lang::Nl, mark);
            assert_eq!(refused.code, BAD_INPUT, "{refused:?}");
            assert!(refused.stderr.contains("geen formulier van Meta"), "{refused:?}");
        }
        let unknown = fixture.run(Lang::En, letter_to("tiktok", None, false));
        assert!(unknown.code == BAD_INPUT && unknown.stderr.contains("Unknown platform"), "{unknown:?}");
        let wrong = fixture.run(
            Lang::En,
            Task::Letter(LetterArgs {
                email: "Anna de Vries".into(),
                platform: "instagram".into(),
                ..letter_args()
            }),
        );
        assert!(wrong.code == BAD_INPUT && wrong.stderr.contains("is not an e-mail address"), "{wrong:?}");
        let long = fixture.run(
            Lang::En,
            Task::Letter(LetterArgs {
                place: Some("p".repeat(101)),
                platform: "instagram".into(),
                ..letter_args()
            }),
        );
        assert!(long.stderr.contains("The place has 101 characters; at most 100 fit."), "{long:?}");
        assert!(!fixture.path().exists(), "nothing was written");
    }

    #[test]
    fn a_letter_file_is_never_written_over_the_record_a_stranger_or_a_letter_changed_by_hand() {
        let fixture = Fixture::new();
        fixture.run(Lang::En, mark("instagram", None, None));
        let record = fs::read(fixture.path()).unwrap();
        let write =
            |path: &Path, force: bool| fixture.run(Lang::En, letter_to("instagram", Some(path), force));
        for name in ["record.json", "record.json.lock", "RECORD.JSON"] {
            let refused = write(&fixture.dir.path().join(name), true);
            assert_eq!(refused.code, BAD_INPUT, "{refused:?}");
            assert!(refused.stderr.contains("is your record of objections"), "{refused:?}");
        }
        assert_eq!(fs::read(fixture.path()).unwrap(), record);

        let file = fixture.dir.path().join("letter.txt");
        let written = write(&file, false);
        assert_eq!(written.code, OK, "{written:?}");
        assert!(written.stdout.starts_with("Your letter is in ") && written.stderr.contains("no source"));
        let letter = fs::read_to_string(&file).unwrap();
        assert!(letter.starts_with("Anna de Vries\n") && letter.ends_with("\nAnna de Vries\n"), "{letter}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(write(&file, false).code, OK, "the same letter again: nothing is lost");

        // Changed by hand: kept, unless --force.
        fs::write(&file, letter.replace("Dear Sir or Madam", "Dear Meta")).unwrap();
        let refused = write(&file, false);
        assert_eq!(refused.code, BAD_INPUT);
        assert!(
            refused.stderr.contains("exists already") && refused.stderr.contains("--force"),
            "{refused:?}"
        );
        assert!(fs::read_to_string(&file).unwrap().contains("Dear Meta"));
        let stranger = fixture.dir.path().join("notes.txt");
        fs::write(&stranger, "my own notes").unwrap();
        assert_eq!(write(&stranger, false).code, BAD_INPUT);
        assert_eq!(fs::read_to_string(&stranger).unwrap(), "my own notes");
        assert_eq!(write(&stranger, true).code, OK, "--force replaces it");
        assert_eq!(fs::read_to_string(&stranger).unwrap(), letter);

        let directory = write(fixture.dir.path(), true);
        assert!(
            directory.code == BAD_INPUT && directory.stderr.contains("not an ordinary file"),
            "{directory:?}"
        );
        let to_stdout = write(Path::new("-"), false);
        assert_eq!(to_stdout.stdout, letter, "- is standard output");
        assert!(!fixture.dir.path().join("-").exists());
    }

    #[test]
    fn marking_as_sent_by_letter_keeps_what_is_there_and_status_says_so() {
        let fixture = Fixture::new();
        let by_letter = |account: Option<&str>| {
            Task::Mark(MarkArgs {
                platform: "facebook".into(),
                account: account.map(Into::into),
                by_letter: true,
                ..MarkArgs::default()
            })
        };
        let added = fixture.run(Lang::En, by_letter(None));
        assert!(
            added
                .stdout
                .starts_with("Facebook (your account) is marked as sent by letter on 29 November 2026.")
        );
        fixture.run(
            Lang::En,
            Task::Mark(MarkArgs {
                platform: "facebook".into(),
                account: Some("werk".into()),
                date: Some("2025-05-20".into()),
                confirmed: Some("2025-05-21".into()),
                note: Some("via de club".into()),
                by_letter: false,
            }),
        );
        // Sent with the form: a letter does not take over its dates, and nothing changes.
        let before = fixture.record();
        let refused = fixture.run(Lang::En, by_letter(Some("werk")));
        assert_eq!(refused.code, BAD_INPUT, "{refused:?}");
        assert!(
            refused.stderr.starts_with("Facebook (werk) is in your record already, as sent (with the form).")
        );
        assert!(refused.stderr.contains("bezwaar mark facebook --account letter --by-letter"), "{refused:?}");
        assert_eq!(fixture.record(), before);
        let entry = fixture.record().find("facebook", Some("werk")).unwrap().clone();
        assert!(!entry.by_letter() && entry.note.as_deref() == Some("via de club"));
        assert_eq!(entry.confirmation_on, NaiveDate::from_ymd_opt(2025, 5, 21));
        let status = fixture.run(Lang::En, Task::Status(StatusArgs { json: false }));
        assert!(status.stdout.contains("Facebook: sent by letter on 29 November 2026\n"), "{status:?}");
        assert!(
            status.stdout.contains(
                "Facebook (werk): submitted on 20 May 2025, confirmation received on 21 May 2025\n"
            ),
            "{status:?}"
        );
        let dutch = fixture.run(Lang::Nl, Task::Status(StatusArgs { json: false }));
        assert!(dutch.stdout.contains("Facebook: per brief verstuurd op 29 november 2026\n"), "{dutch:?}");
        // Marked by letter, marked so again: what is there is kept and said.
        let note =
            MarkArgs { platform: "facebook".into(), note: Some("per post".into()), ..MarkArgs::default() };
        fixture.run(Lang::En, Task::Mark(note));
        let again = fixture.run(Lang::En, by_letter(None));
        assert!(again.stdout.contains("Kept: your note and that you sent it by letter."), "{again:?}");
    }
}

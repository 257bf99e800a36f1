//! A calendar file (RFC 5545) with a reminder for each objection still waiting for Meta's
//! confirmation, for `bezwaar remind --ics FILE`.

use std::collections::HashMap;

use chrono::{DateTime, Days, Months, NaiveDate, Utc};

use crate::content::{Catalogue, Kind, Texts, fill};
use crate::record::{Objection, Record};

/// Days after sending a form when it is time to look for the confirmation.
pub const WAIT_DAYS: u64 = 7;

/// One all-day reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// Whether an objection still waits for a confirmation: a form, sent, none recorded.
pub fn is_open(catalogue: &Catalogue, objection: &Objection) -> bool {
    objection.confirmation_on.is_none()
        && catalogue.platform(&objection.platform).is_none_or(|platform| platform.kind == Kind::Form)
}

/// The day from which a confirmation is late: a week after sending a form, a month after a
/// letter (the time the GDPR gives to answer, art. 12(3)).
pub fn late_from(objection: &Objection) -> NaiveDate {
    let sent = objection.submitted_on;
    let late = if objection.by_letter() {
        sent.checked_add_months(Months::new(1))
    } else {
        sent.checked_add_days(Days::new(WAIT_DAYS))
    };
    late.unwrap_or(sent)
}

/// The day to look for the confirmation, but not before today.
pub fn due(objection: &Objection, today: NaiveDate) -> NaiveDate {
    late_from(objection).max(today)
}

/// A reminder for every open objection in the record.
pub fn reminders(texts: &Texts, catalogue: &Catalogue, record: &Record, today: NaiveDate) -> Vec<Reminder> {
    // Entries that the UID would not tell apart (the same platform, account and date) are told
    // apart by their order: how many such came before, counted as the list is walked.
    let mut seen: HashMap<(&str, Option<&str>, NaiveDate), usize> = HashMap::new();
    record
        .objections()
        .filter(|objection| is_open(catalogue, objection))
        .map(|objection| {
            let occurrence = {
                let same =
                    (objection.platform.as_str(), objection.account.as_deref(), objection.submitted_on);
                let count = seen.entry(same).or_default();
                *count += 1;
                *count - 1
            };
            let platform = catalogue.platform(&objection.platform);
            let label = texts.entry_label(catalogue, &objection.platform, objection.account.as_deref());
            let form = platform.and_then(crate::content::Platform::url).unwrap_or_default();
            let followup = &texts.followup;
            let description = if objection.by_letter() {
                &followup.event_description_letter
            } else {
                &followup.event_description
            };
            Reminder {
                uid: uid(objection, occurrence),
                date: due(objection, today),
                summary: fill(&followup.event_summary, &[("platform", &label)]),
                description: fill(
                    description,
                    &[
                        ("date", texts.date(objection.submitted_on).as_str()),
                        ("ap", &followup.ap_url),
                        ("form", form),
                    ],
                ),
            }
        })
        .collect()
}

/// The same entry always gets the same UID, so a calendar updates instead of doubling; every
/// other entry gets another. It is made from the platform, the account exactly as written
/// (none is not "main"), the date, and for entries that hold the same, their order.
fn uid(objection: &Objection, occurrence: usize) -> String {
    let mut hash = Fnv::default();
    hash.write(objection.platform.as_bytes());
    match &objection.account {
        Some(account) => {
            hash.write(&[1]);
            hash.write(account.as_bytes());
        }
        None => hash.write(&[0]),
    }
    hash.write(crate::dates::iso(objection.submitted_on).as_bytes());
    hash.write(&occurrence.to_le_bytes());
    let platform: String = objection
        .platform
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    format!("{platform}-{:016x}@bezwaar", hash.0)
}

/// FNV-1a, 64 bits: the same everywhere and in every version, unlike the standard library's
/// hasher. Each part is followed by its length, so that parts cannot run into each other.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes.iter().chain(&(bytes.len() as u64).to_le_bytes()) {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Whether a file is a calendar bezwaar wrote (and so may be replaced without `--force`).
pub fn is_ours(start: &[u8]) -> bool {
    start.starts_with(b"BEGIN:VCALENDAR\r\n")
        && start.windows(PRODID.len()).any(|window| window == PRODID.as_bytes())
}

const PRODID: &str = "PRODID:-//bezwaar//bezwaar//EN";

/// The calendar: CRLF line ends, long lines folded at 75 octets, text values escaped.
pub fn calendar(reminders: &[Reminder], stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        PRODID.to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    for reminder in reminders {
        let next_day = reminder.date.succ_opt().unwrap_or(reminder.date);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", reminder.uid),
            format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;VALUE=DATE:{}", reminder.date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")),
            format!("SUMMARY:{}", escape(&reminder.summary)),
            format!("DESCRIPTION:{}", escape(&reminder.description)),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line) + "\r\n").collect()
}

/// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space, never inside a
/// character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Lang};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// Unfolds and splits a calendar back into lines, checking every line end is CRLF.
    fn unfold(calendar: &str) -> Vec<String> {
        assert!(calendar.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for raw in calendar.trim_end_matches("\r\n").split("\r\n") {
            assert!(!raw.contains('\n') && !raw.contains('\r'), "bare line end in {raw:?}");
            assert!(raw.len() <= 75, "{} octets: {raw:?}", raw.len());
            match raw.strip_prefix(' ') {
                Some(rest) => lines.last_mut().unwrap().push_str(rest),
                None => lines.push(raw.to_owned()),
            }
        }
        lines
    }

    fn unescape(text: &str) -> String {
        text.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
    }

    #[test]
    fn open_objections_become_events_that_parse_back() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = content.texts(Lang::Nl);
        let objection = |platform: &str, account: Option<&str>, confirmed: Option<&str>| Objection {
            confirmation_on: confirmed.map(date),
            ..Objection::new(platform, account, date("2026-11-25"))
        };
        let record = Record::with([
            objection("instagram", None, None),
            objection("facebook", Some("Club, ; \\ vereniging"), None),
            objection("facebook", None, Some("2026-11-26")),
            objection("linkedin", None, None),
        ]);
        let today = date("2026-11-29");
        let reminders = reminders(texts, &content.catalogue, &record, today);
        assert_eq!(reminders.len(), 2, "confirmed objections and settings need no reminder");
        assert_eq!(reminders[0].date, date("2026-12-02"), "a week after sending");

        let stamp = DateTime::parse_from_rfc3339("2026-11-29T10:11:12Z").unwrap().with_timezone(&Utc);
        let lines = unfold(&calendar(&reminders, stamp));
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        let events: Vec<&[String]> = lines.split(|line| line == "BEGIN:VEVENT").skip(1).collect();
        assert_eq!(events.len(), 2);
        let field = |event: &[String], name: &str| {
            event.iter().find_map(|line| line.strip_prefix(&format!("{name}:"))).map(str::to_owned)
        };
        let second = events[1];
        let uid = field(second, "UID").unwrap();
        assert!(uid.starts_with("facebook-") && uid.ends_with("@bezwaar"), "{uid}");
        assert_ne!(field(events[0], "UID"), Some(uid), "each entry its own UID");
        assert_eq!(field(second, "DTSTAMP").as_deref(), Some("20261129T101112Z"));
        assert_eq!(field(second, "DTSTART;VALUE=DATE").as_deref(), Some("20261202"));
        let summary = unescape(&field(second, "SUMMARY").unwrap());
        assert!(summary.contains("Facebook (Club, ; \\ vereniging)"), "{summary}");
        let description = unescape(&field(second, "DESCRIPTION").unwrap());
        assert!(description.contains("https://autoriteitpersoonsgegevens.nl/"), "{description}");
        assert!(
            description.contains("https://www.facebook.com/help/contact/712876720715583"),
            "{description}"
        );
    }

    #[test]
    fn a_late_reminder_is_due_today_not_in_the_past() {
        let objection = Objection::new("instagram", None, date("2025-05-20"));
        assert_eq!(due(&objection, date("2026-11-29")), date("2026-11-29"));
        assert_eq!(due(&objection, date("2025-05-21")), date("2025-05-27"));
    }

    #[test]
    fn a_letter_is_given_the_month_the_gdpr_gives_and_its_own_words() {
        let content = Content::embedded(Lang::En).unwrap();
        let texts = content.texts(Lang::En);
        let letter = Objection {
            by: Some(crate::record::BY_LETTER.into()),
            ..Objection::new("instagram", None, date("2026-11-20"))
        };
        assert_eq!(due(&letter, date("2026-11-29")), date("2026-12-20"));
        let record = Record::with([letter]);
        let [reminder] = &reminders(texts, &content.catalogue, &record, date("2026-11-29"))[..] else {
            panic!("one reminder")
        };
        assert!(reminder.description.starts_with("You sent your letter of objection on 20 November 2026."));
        assert!(reminder.description.contains("within one month (Article 12(3) GDPR)"));
        assert!(!reminder.description.contains("send the form again"));
    }

    #[test]
    fn uids_differ_for_every_entry_and_stay_the_same_across_runs() {
        let content = Content::embedded(Lang::En).unwrap();
        let texts = content.texts(Lang::En);
        let on = |account: Option<&str>| Objection::new("facebook", account, date("2026-11-25"));
        let accounts = [Some("werk🙂"), Some("werk😀"), Some("werk!"), Some("werk?"), Some("main"), None];
        let mut objections: Vec<Objection> = accounts.iter().map(|account| on(*account)).collect();
        objections.push(on(Some("werk🙂")));
        objections.push(Objection::new("facebook", Some("werk🙂"), date("2026-11-26")));
        // The same account and date, told apart only by a note: still two reminders.
        objections.push(Objection { note: Some("via de club".into()), ..on(Some("werk🙂")) });
        let record = Record::with(objections);
        let uids: Vec<String> = reminders(texts, &content.catalogue, &record, date("2026-11-29"))
            .into_iter()
            .map(|r| r.uid)
            .collect();
        let distinct: std::collections::BTreeSet<&String> = uids.iter().collect();
        assert_eq!((uids.len(), distinct.len()), (9, 9), "{uids:#?}");
        let again: Vec<String> = reminders(texts, &content.catalogue, &record, date("2026-12-01"))
            .into_iter()
            .map(|r| r.uid)
            .collect();
        assert_eq!(uids, again, "stable across runs and days");
        // Pinned, so that a change to the hash (which would double every calendar) is seen.
        assert_eq!(uids[5], "facebook-c1dc1e3b07d53f67@bezwaar");
    }

    #[test]
    fn only_bezwaars_own_calendars_count_as_ours() {
        let stamp = DateTime::parse_from_rfc3339("2026-11-29T10:11:12Z").unwrap().with_timezone(&Utc);
        assert!(is_ours(calendar(&[], stamp).as_bytes()));
        assert!(!is_ours(b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar//EN\r\n"));
        assert!(!is_ours(b"{\"version\": 2}"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }
}

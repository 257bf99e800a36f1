//! Fault tests for the objection record, driving the built `bezwaar` binary as a person or a
//! script would: kill -9 during saves, truncated and garbage files, a record from the future,
//! concurrent writers, a read-only directory, a full disk, `umask 000`, a symlinked record,
//! hostile text and a held lock (see the reliability guide, "Tests that prove it").
//!
//! Every test works on its own temporary record through `--data-file`, with
//! `BEZWAAR_TODAY=2026-11-29` and English messages.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::ErrorKind;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::Run;
use serde_json::{Value, json};

mod common;

const BIN: &str = env!("CARGO_BIN_EXE_bezwaar");
const SCHEMA: &str = include_str!("../assets/record.schema.json");
const TODAY: &str = "2026-11-29";

// ---------------------------------------------------------------------------------------------
// Helpers

/// A command for `program` (the bezwaar binary, or a shell or setpriv in front of it) with the
/// environment every run gets, in English.
fn with_env(program: impl AsRef<OsStr>) -> Command {
    common::command(program, "en_US.UTF-8")
}

/// `bezwaar --data-file DATA ARGS...`.
fn bezwaar<S: AsRef<OsStr>>(data: &Path, args: &[S]) -> Command {
    let mut command = with_env(BIN);
    command.arg("--data-file").arg(data).args(args);
    command
}

fn output(command: Command) -> Run {
    common::finish(command)
}

fn run<S: AsRef<OsStr>>(data: &Path, args: &[S]) -> Run {
    output(bezwaar(data, args))
}

fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("bezwaar-faults-").tempdir().unwrap()
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Temporary files of the record `record.json` (`.record.json-<random>.tmp`).
fn temp_files(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|name| name.starts_with(".record.json-") && name.ends_with(".tmp"))
        .collect()
}

/// Set-aside files of the record `record.json`.
fn set_aside_files(dir: &Path) -> Vec<PathBuf> {
    names(dir).into_iter().filter(|name| name.contains(".corrupt-")).map(|name| dir.join(name)).collect()
}

/// `record.json.corrupt-YYYYMMDDTHHMMSSZ`, optionally followed by `-N`.
fn is_set_aside_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("record.json.corrupt-") else { return false };
    let (stamp, suffix) = rest.split_at(rest.len().min(16));
    let stamp = stamp.as_bytes();
    stamp.len() == 16
        && stamp[..8].iter().all(u8::is_ascii_digit)
        && stamp[8] == b'T'
        && stamp[9..15].iter().all(u8::is_ascii_digit)
        && stamp[15] == b'Z'
        && (suffix.is_empty()
            || suffix
                .strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("assets/record.schema.json is JSON");
    jsonschema::validator_for(&schema).expect("assets/record.schema.json is a valid JSON schema")
}

#[track_caller]
fn assert_schema_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(value).map(|error| error.to_string()).collect();
    assert!(errors.is_empty(), "{what} does not follow assets/record.schema.json: {errors:#?}\n{value:#}");
}

/// The record file, parsed; panics with the bytes if it is not JSON.
#[track_caller]
fn read_json(path: &Path) -> Value {
    let bytes = fs::read(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|error| {
        panic!("{} is not JSON ({error}): {:?}", path.display(), String::from_utf8_lossy(&bytes))
    })
}

fn objections(record: &Value) -> &Vec<Value> {
    record["objections"].as_array().unwrap_or_else(|| panic!("no objections array in {record:#}"))
}

/// A small xorshift PRNG: random bytes without another crate.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(len + 8);
        while bytes.len() < len {
            bytes.extend_from_slice(&self.next().to_le_bytes());
        }
        bytes.truncate(len);
        bytes
    }
}

/// Whether this process runs as root (a file it creates belongs to uid 0).
fn running_as_root(dir: &Path) -> bool {
    let probe = dir.join(".uid-probe");
    File::create(&probe).unwrap();
    let uid = fs::metadata(&probe).unwrap().uid();
    fs::remove_file(&probe).unwrap();
    uid == 0
}

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| OsString::from("/usr/sbin:/usr/bin:/sbin:/bin"));
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|candidate| {
        fs::metadata(candidate).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

// ---------------------------------------------------------------------------------------------
// 1. Round trip and schema

#[test]
fn round_trip_follows_the_schema_with_private_permissions() {
    let validator = schema();
    let invalid = json!({"version": 2, "objections": [{"platform": "instagram"}]});
    assert!(!validator.is_valid(&invalid), "the schema must reject a wrong record, or it checks nothing");

    let dir = tempdir();
    let data = dir.path().join("new/deeper/record.json");
    let marked = run(&data, &["mark", "instagram"]).expect(0, "mark instagram");
    assert!(
        marked.stdout.contains("Instagram (your account) is marked as submitted on 29 November 2026"),
        "{marked:#?}"
    );
    let args = [
        "mark",
        "facebook",
        "--account",
        "work",
        "--date",
        "2025-05-20",
        "--confirmed",
        "2025-06-02",
        "--note",
        "sent from the help centre",
    ];
    run(&data, &args).expect(0, "mark facebook");

    let expected = json!({
        "version": 2,
        "objections": [
            {"platform": "instagram", "account": null, "submitted_on": TODAY, "confirmation_on": null, "note": null},
            {"platform": "facebook", "account": "work", "submitted_on": "2025-05-20",
             "confirmation_on": "2025-06-02", "note": "sent from the help centre"},
        ]
    });
    let file = read_json(&data);
    assert_schema_valid(&validator, &file, "the record file");
    assert_eq!(file, expected);
    let status_json = run(&data, &["status", "--json"]).expect(0, "status --json");
    let printed: Value = serde_json::from_str(&status_json.stdout).expect("status --json prints JSON");
    assert_schema_valid(&validator, &printed, "status --json");
    assert_eq!(printed, expected);

    // Both entries first, every other platform of the catalogue not marked, then the location.
    let status = run(&data, &["status"]).expect(0, "status");
    let lines: Vec<&str> = status.stdout.lines().collect();
    assert!(lines.len() >= 3, "{status:#?}");
    assert_eq!(
        lines[..2],
        [
            "Instagram: submitted on 29 November 2026",
            "Facebook (work): submitted on 20 May 2025, confirmation received on 2 June 2025",
        ],
        "{status:#?}"
    );
    assert!(lines[2..lines.len() - 1].iter().all(|line| line.ends_with(": not marked yet")), "{status:#?}");
    assert_eq!(lines[lines.len() - 1], format!("Your record is in {}.", data.display()));

    assert_eq!(mode(&data), 0o600, "record file mode");
    assert_eq!(mode(&dir.path().join("new")), 0o700, "created directory mode");
    assert_eq!(mode(&dir.path().join("new/deeper")), 0o700, "created directory mode");
    assert_eq!(
        names(&dir.path().join("new/deeper")),
        BTreeSet::from(["record.json".to_owned(), "record.json.lock".to_owned()]),
        "nothing but the record and its lock"
    );

    // And back: unmark keeps a valid record.
    run(&data, &["unmark", "instagram"]).expect(0, "unmark instagram");
    let file = read_json(&data);
    assert_schema_valid(&validator, &file, "the record after unmark");
    assert_eq!(objections(&file), &vec![expected["objections"][1].clone()]);

    // A letter: the entry says so, in the schema's field.
    run(&data, &["mark", "facebook", "--account", "work", "--by-letter"]).expect(2, "sent with the form");
    run(&data, &["mark", "facebook", "--account", "letter", "--by-letter"]).expect(0, "mark --by-letter");
    let file = read_json(&data);
    assert_schema_valid(&validator, &file, "the record with a letter");
    let by_letter = json!({"platform": "facebook", "account": "letter", "submitted_on": TODAY,
        "confirmation_on": null, "note": null, "by": "letter"});
    assert_eq!(objections(&file), &vec![expected["objections"][1].clone(), by_letter]);
    let wrong = json!({"version": 2, "objections": [{"platform": "x", "submitted_on": TODAY, "by": 1}]});
    assert!(!validator.is_valid(&wrong), "the schema says what by holds");
}

// ---------------------------------------------------------------------------------------------
// 2. kill -9 during saves

fn kill_loop_note(i: usize) -> String {
    if i.is_multiple_of(2) { format!("short {i}") } else { format!("long {i} {}", "x".repeat(400)) }
}

/// How long one `mark` takes here (the median of five); the record is left without marks.
fn one_mark_takes(data: &Path) -> Duration {
    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            run(data, &["mark", "facebook", "--note", "calibration"]).expect(0, "calibration");
            start.elapsed()
        })
        .collect();
    runs.sort();
    run(data, &["unmark", "facebook"]).expect(0, "unmark after calibration");
    runs[2]
}

fn note_number(note: &str) -> usize {
    note.split(' ').nth(1).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("unexpected note {note:?}"))
}

#[test]
fn kill_9_during_saves_leaves_the_old_or_the_new_record() {
    const KILLS: usize = 200;
    let validator = schema();
    let dir = tempdir();
    let data = dir.path().join("record.json");
    let started = Instant::now();

    // How long one save takes here, so that the kills spread over the whole run on a slow machine
    // too: 0 to 3 ms, or a little longer than one mark if that takes longer.
    let one_mark = one_mark_takes(&data);
    fs::remove_file(&data).unwrap();
    let spread = (one_mark.as_micros() as u64 * 5 / 4).max(3000);

    let (mut kills, mut completed, mut mid_save, mut after_rename) = (0, 0, 0, 0);
    // The last attempt known to have finished its save, and the last note seen in the file.
    let mut last_success: Option<usize> = None;
    let mut last_seen: Option<usize> = None;
    let mut i = 0;
    while kills < KILLS || mid_save == 0 || completed + after_rename == 0 {
        assert!(
            i < 2000,
            "after {i} attempts: {kills} kills, {mid_save} during a save, {after_rename} after the rename, \
             {completed} completed"
        );
        let mut child = bezwaar(&data, &["mark", "instagram", "--note", &kill_loop_note(i)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A stride prime to the range, so that every delay comes round.
        thread::sleep(Duration::from_micros((i as u64 * 347) % (spread + 1)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let killed = match status.signal() {
            Some(9) => true,
            None if status.success() => false,
            _ => panic!("attempt {i}: mark ended with {status:?}"),
        };

        let temps = temp_files(dir.path());
        assert!(temps.len() <= 1, "attempt {i}: temporary files pile up: {temps:?}");
        let status_json = run(&data, &["status", "--json"]).expect(0, "status --json after a kill");
        let printed: Value = serde_json::from_str(&status_json.stdout).unwrap();
        let seen = match fs::read(&data) {
            Err(error) if error.kind() == ErrorKind::NotFound => {
                assert!(killed, "attempt {i}: mark succeeded but there is no record");
                assert_eq!((last_success, last_seen), (None, None), "attempt {i}: the record disappeared");
                assert_eq!(printed, json!({"version": 2, "objections": []}));
                None
            }
            Err(error) => panic!("attempt {i}: {error}"),
            Ok(bytes) => {
                let file: Value = serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                    panic!(
                        "attempt {i}: the record is damaged ({error}): {:?}",
                        String::from_utf8_lossy(&bytes)
                    )
                });
                assert_schema_valid(&validator, &file, "the record after a kill");
                assert_eq!(printed, file, "status --json shows the file");
                let list = objections(&file);
                assert_eq!(list.len(), 1, "attempt {i}: {file:#}");
                let note = list[0]["note"].as_str().unwrap();
                let j = note_number(note);
                assert_eq!(note, kill_loop_note(j), "attempt {i}: a note that was never written whole");
                assert!(j <= i, "attempt {i}: note {j} from the future");
                assert!(
                    last_success.is_none_or(|s| j >= s),
                    "attempt {i}: note {j} older than a finished save"
                );
                assert!(last_seen.is_none_or(|s| j >= s), "attempt {i}: note {j} went back in time");
                Some(j)
            }
        };
        if killed {
            kills += 1;
            mid_save += temps.len();
            after_rename += usize::from(seen == Some(i));
        } else {
            assert_eq!(seen, Some(i), "attempt {i}: mark succeeded but the file does not hold its note");
            completed += 1;
            last_success = Some(i);
        }
        last_seen = seen.or(last_seen);
        i += 1;
    }

    let final_note = "the last, clean save";
    run(&data, &["mark", "instagram", "--note", final_note]).expect(0, "a clean mark after the kills");
    assert_eq!(temp_files(dir.path()), Vec::<String>::new(), "a clean save removes what killed ones left");
    assert_eq!(objections(&read_json(&data))[0]["note"], final_note);
    eprintln!(
        "kill -9 loop: {i} attempts over 0-{spread} us (one mark takes {one_mark:?}): {kills} killed, {mid_save} of \
         them during a save (temporary file left), {after_rename} after the rename; {completed} completed; {:.1?}",
        started.elapsed()
    );
}

/// Two writers at once, one of them killed at a random moment: the other's change always
/// lands, the killed one's lands whole or not at all, and what neither meant to change (a field
/// from a newer bezwaar, the entries before) stays.
#[test]
fn kill_9_of_one_of_two_writers_at_once_loses_nothing_of_the_other() {
    const ROUNDS: usize = 150;
    let validator = schema();
    let dir = tempdir();
    let data = dir.path().join("record.json");
    // How long one mark takes here, so that the kills spread over a whole write.
    let spread = (one_mark_takes(&data).as_micros() as u64 * 5 / 4).max(3000);
    fs::write(&data, br#"{"version": 2, "objections": [], "kept": {"by": "hand"}}"#).unwrap();
    let (mut killed, mut mid_save, mut landed, mut killed_before) = (0, 0, 0, 0);
    let mut last_victim: Option<usize> = None;
    for round in 0..ROUNDS {
        let victim = bezwaar(&data, &["mark", "instagram", "--note", &format!("victim {round}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let account = format!("survivor {round}");
        let survivor = bezwaar(&data, &["mark", "facebook", "--account", &account]).spawn().unwrap();
        let mut victim = victim;
        thread::sleep(Duration::from_micros((round as u64 * 347) % (spread + 1)));
        let _ = victim.kill();
        let status = victim.wait().unwrap();
        let was_killed = status.signal() == Some(9);
        killed += usize::from(was_killed);
        Run::from(survivor.wait_with_output().unwrap()).expect(0, &format!("round {round}: the survivor"));

        let temps = temp_files(dir.path());
        assert!(temps.len() <= 1, "round {round}: temporary files pile up: {temps:?}");
        mid_save += temps.len();
        let file = read_json(&data);
        assert_schema_valid(&validator, &file, "the record after a kill");
        assert_eq!(file["kept"], json!({"by": "hand"}), "round {round}: a field nobody changed was lost");
        let list = objections(&file);
        let survivors: Vec<&str> = list
            .iter()
            .filter(|o| o["platform"] == "facebook")
            .map(|o| o["account"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = (0..=round).map(|n| format!("survivor {n}")).collect();
        assert_eq!(survivors, expected, "round {round}: every survivor's mark is there, once, in order");
        let victims: Vec<&Value> = list.iter().filter(|o| o["platform"] == "instagram").collect();
        assert!(victims.len() <= 1, "round {round}: {file:#}");
        if let Some(victim) = victims.first() {
            // The note is the one of a victim that finished its write, whole, never an older
            // one than before.
            let note = victim["note"].as_str().unwrap();
            let number = note_number(&format!("x {}", note.trim_start_matches("victim ")));
            assert_eq!(note, format!("victim {number}"), "round {round}: a note written in part");
            assert!(number <= round, "round {round}: note {number} from the future");
            assert!(
                last_victim.is_none_or(|last| last <= number),
                "round {round}: note {number} went back in time"
            );
            last_victim = Some(number);
            landed += usize::from(number == round);
            killed_before += usize::from(was_killed && number != round);
        } else {
            killed_before += usize::from(was_killed);
        }
    }
    assert!(killed_before > 0 && landed > 0, "the kills came only before, or only after, the victim's write");
    eprintln!(
        "two writers: {ROUNDS} rounds over 0-{spread} us: {killed} victims killed ({killed_before} before their write \
         landed, {mid_save} during it), the victim's own note landed in {landed}"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Truncation at every byte offset

#[test]
fn a_record_truncated_at_any_offset_is_reported_then_set_aside() {
    let validator = schema();
    let dir = tempdir();
    let data = dir.path().join("record.json");
    run(&data, &["mark", "instagram", "--date", "2025-05-20"]).expect(0, "mark");
    run(&data, &["mark", "facebook", "--account", "work", "--note", "sent twice, see mail"])
        .expect(0, "mark");
    run(
        &data,
        &["mark", "facebook", "--account", "home", "--date", "2025-05-30", "--confirmed", "2025-06-01"],
    )
    .expect(0, "mark");
    let full = fs::read(&data).unwrap();
    assert_eq!(objections(&read_json(&data)).len(), 3);
    assert!(full.ends_with(b"}\n"), "the writer ends the file with a newline");
    let before = names(dir.path());

    let mut accepted = Vec::new();
    for offset in 0..full.len() {
        let prefix = &full[..offset];
        fs::write(&data, prefix).unwrap();
        let status = run(&data, &["status"]);
        let what = format!("status on the first {offset} of {} bytes", full.len());
        if serde_json::from_slice::<Value>(prefix).is_ok() {
            status.expect(0, &what);
            accepted.push(offset);
        } else {
            let status = status.expect(2, &what);
            assert!(
                status.stderr.contains("could not be read") && status.stderr.contains("Nothing changed"),
                "{what}: {status:#?}"
            );
            assert!(status.stderr.contains(&data.display().to_string()), "{what}: the path is named");
            assert!(status.stdout.is_empty(), "{what}: {status:#?}");
        }
        assert_eq!(fs::read(&data).unwrap(), prefix, "{what}: status changed the file");
        assert_eq!(names(dir.path()), before, "{what}: status added or removed a file");
    }
    // Only the record without its final newline is still a record.
    assert_eq!(accepted, vec![full.len() - 1]);

    let mut sampled = 0;
    for offset in (0..full.len()).step_by(7).filter(|offset| !accepted.contains(offset)) {
        let prefix = &full[..offset];
        let sub = dir.path().join(format!("at-{offset}"));
        fs::create_dir(&sub).unwrap();
        let data = sub.join("record.json");
        fs::write(&data, prefix).unwrap();
        let what = format!("mark on the first {offset} of {} bytes", full.len());
        let marked = run(&data, &["mark", "facebook"]).expect(0, &what);
        let aside = set_aside_files(&sub);
        assert_eq!(aside.len(), 1, "{what}: {aside:?}");
        let aside = &aside[0];
        let name = aside.file_name().unwrap().to_str().unwrap();
        assert!(is_set_aside_name(name), "{what}: set aside as {name}");
        assert_eq!(fs::read(aside).unwrap(), prefix, "{what}: the set-aside file holds the damaged bytes");
        assert!(
            marked.stderr.contains(&aside.display().to_string()),
            "{what}: stderr names the file: {marked:#?}"
        );
        let record = read_json(&data);
        assert_schema_valid(&validator, &record, "the fresh record");
        assert_eq!(objections(&record).len(), 1, "{what}: {record:#}");
        assert_eq!(objections(&record)[0]["platform"], "facebook");
        sampled += 1;
    }
    assert!(sampled >= full.len() / 7 - 1, "{sampled} offsets sampled");
}

// ---------------------------------------------------------------------------------------------
// 4. Garbage of every kind

#[test]
fn garbage_is_reported_by_status_and_set_aside_by_mark_without_a_panic() {
    let validator = schema();
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    let valid = br#"{"version":1,"objections":[]}"#;
    let mut whitespace = valid.to_vec();
    whitespace.resize(8 * 1024 * 1024 + 1, b' ');
    let mut leading_whitespace = vec![b'\n'; 8 * 1024 * 1024];
    leading_whitespace.extend_from_slice(valid);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("4096 NULs", vec![0; 4096]),
        ("an empty file", Vec::new()),
        ("10 MB of random bytes", random.bytes(10_000_000)),
        ("1 MB of random bytes (under the size cap)", random.bytes(1_000_000)),
        ("[ repeated 200,000 times", b"[".repeat(200_000)),
        ("{\"a\": repeated 100,000 times", b"{\"a\":".repeat(100_000)),
        (
            "[ nested 200,000 deep in an unknown field",
            [&b"{\"version\":1,\"objections\":[],\"x\":"[..], &b"[".repeat(200_000)].concat(),
        ),
        ("objections that are not a list", br#"{"version":1,"objections":{"platform":5}}"#.to_vec()),
        ("a version that is not a number", br#"{"version":"1","objections":[]}"#.to_vec()),
        ("a record followed by more than 8 MiB of whitespace", whitespace),
        ("more than 8 MiB of whitespace before a record", leading_whitespace),
    ];
    let dir = tempdir();
    for (index, (what, bytes)) in cases.iter().enumerate() {
        let sub = dir.path().join(format!("case-{index}"));
        fs::create_dir(&sub).unwrap();
        let data = sub.join("record.json");
        fs::write(&data, bytes).unwrap();

        let status = run(&data, &["status"]).expect(2, &format!("status on {what}"));
        assert!(status.stderr.contains("could not be read"), "{what}: {status:#?}");
        let status_json = run(&data, &["status", "--json"]).expect(2, &format!("status --json on {what}"));
        assert!(status_json.stdout.is_empty(), "{what}: {status_json:#?}");
        assert!(fs::read(&data).unwrap() == *bytes, "{what}: status changed the file");
        assert_eq!(names(&sub), BTreeSet::from(["record.json".to_owned()]), "{what}: status wrote something");

        let marked = run(&data, &["mark", "instagram"]).expect(0, &format!("mark on {what}"));
        let aside = set_aside_files(&sub);
        assert_eq!(aside.len(), 1, "{what}: {aside:?}");
        assert!(is_set_aside_name(aside[0].file_name().unwrap().to_str().unwrap()), "{what}: {aside:?}");
        assert!(
            fs::read(&aside[0]).unwrap() == *bytes,
            "{what}: the set-aside file holds the original bytes"
        );
        assert!(marked.stderr.contains(&aside[0].display().to_string()), "{what}: {marked:#?}");
        assert!(marked.stderr.contains("Nothing was thrown away"), "{what}: {marked:#?}");
        let record = read_json(&data);
        assert_schema_valid(&validator, &record, "the fresh record");
        assert_eq!(objections(&record).len(), 1, "{what}: {record:#}");
    }
}

// ---------------------------------------------------------------------------------------------
// 5. A record from a newer bezwaar

#[test]
fn a_record_from_a_newer_version_is_only_read() {
    let dir = tempdir();
    for (index, future) in
        [&br#"{"version": 3, "objections": []}"#[..], br#"{"version": 7, "entries": {"x": 1}}"#]
            .iter()
            .enumerate()
    {
        let sub = dir.path().join(format!("case-{index}"));
        fs::create_dir(&sub).unwrap();
        let data = sub.join("record.json");
        fs::write(&data, future).unwrap();
        for args in [&["status"][..], &["status", "--json"]] {
            let status = run(&data, args).expect(2, &format!("{args:?} on a newer record"));
            assert!(status.stderr.contains("newer version"), "{status:#?}");
        }
        for args in [&["mark", "instagram"][..], &["unmark", "instagram"]] {
            let changed = run(&data, args).expect(2, &format!("{args:?} on a newer record"));
            assert!(changed.stderr.contains("newer version"), "{changed:#?}");
            assert_eq!(fs::read(&data).unwrap(), *future, "{args:?} changed a newer record");
            assert_eq!(set_aside_files(&sub), Vec::<PathBuf>::new(), "{args:?} set a newer record aside");
            assert_eq!(temp_files(&sub), Vec::<String>::new());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Twenty writers at once

#[test]
fn twenty_processes_marking_at_once_leave_twenty_entries() {
    let validator = schema();
    let dir = tempdir();
    let data = dir.path().join("record.json");
    let children: Vec<_> = (0..20)
        .map(|n| {
            let account = format!("acct-{n}");
            bezwaar(&data, &["mark", "facebook", "--account", &account])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (n, child) in children.into_iter().enumerate() {
        Run::from(child.wait_with_output().unwrap()).expect(0, &format!("writer {n}"));
    }
    let record = read_json(&data);
    assert_schema_valid(&validator, &record, "the record after 20 writers");
    let accounts: BTreeSet<String> =
        objections(&record).iter().map(|o| o["account"].as_str().unwrap().to_owned()).collect();
    assert_eq!(objections(&record).len(), 20, "{record:#}");
    assert_eq!(accounts, (0..20).map(|n| format!("acct-{n}")).collect::<BTreeSet<_>>());
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// 7. A read-only directory

#[test]
fn a_read_only_directory_fails_the_save_and_keeps_the_file() {
    let dir = tempfile::Builder::new().prefix("bezwaar-faults-").tempdir_in(std::env::temp_dir()).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let root = running_as_root(dir.path());
    let setpriv = which("setpriv");
    if root && setpriv.is_none() {
        panic!(
            "this test runs as root, where permissions do not bind, and needs setpriv (util-linux) to run \
             bezwaar as nobody: setpriv was not found on PATH; install util-linux"
        );
    }
    // A copy of the binary that nobody may run, wherever the build directory is.
    let bin = dir.path().join("bezwaar");
    fs::copy(BIN, &bin).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    let as_user = |data: &Path, args: &[&str]| -> Run {
        let mut command = if root {
            let mut command = with_env(setpriv.as_ref().unwrap());
            command.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"]).arg(&bin);
            command
        } else {
            with_env(&bin)
        };
        command.arg("--data-file").arg(data).args(args);
        output(command)
    };

    // Without a lock file, then with a lock file anyone may lock, so that the save itself fails.
    for writable_lock in [false, true] {
        let what = if writable_lock { "with a writable lock file" } else { "without a lock file" };
        let records = dir.path().join(format!("records-{writable_lock}"));
        fs::create_dir(&records).unwrap();
        let data = records.join("record.json");
        run(&data, &["mark", "instagram", "--note", "before"])
            .expect(0, "mark before the directory is locked down");
        fs::set_permissions(&data, fs::Permissions::from_mode(0o644)).unwrap();
        let lock = records.join("record.json.lock");
        if writable_lock {
            fs::set_permissions(&lock, fs::Permissions::from_mode(0o666)).unwrap();
        } else {
            fs::remove_file(&lock).unwrap();
        }
        fs::set_permissions(&records, fs::Permissions::from_mode(if root { 0o755 } else { 0o555 })).unwrap();
        let before = fs::read(&data).unwrap();
        let listing = names(&records);

        as_user(&data, &["status"]).expect(0, &format!("status {what}: the user can read the record"));
        let marked =
            as_user(&data, &["mark", "facebook", "--note", "after"]).expect(1, &format!("mark {what}"));
        assert!(
            marked.stderr.contains("did not work") && marked.stderr.contains("os error 13"),
            "{what}: {marked:#?}"
        );
        // The reason in words, then the system's text; the record named, never a temporary file.
        assert!(
            marked.stderr.contains("you may not write there (Permission denied (os error 13))"),
            "{what}: {marked:#?}"
        );
        assert!(
            marked.stderr.contains(&data.display().to_string()) && !marked.stderr.contains(".tmp"),
            "{what}: {marked:#?}"
        );
        assert!(
            marked.stderr.contains("did not change") && !marked.stderr.contains("not lost"),
            "{what}: {marked:#?}"
        );
        assert!(marked.stdout.is_empty(), "{what}: {marked:#?}");
        assert_eq!(fs::read(&data).unwrap(), before, "{what}: the record changed");
        assert_eq!(names(&records), listing, "{what}: files appeared or vanished");
        fs::set_permissions(&records, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// 8. A full disk

#[test]
fn a_full_disk_fails_the_save_and_keeps_the_file() {
    let dir = tempdir();
    let data = dir.path().join("record.json");
    run(&data, &["mark", "instagram", "--note", "before the disk filled up"]).expect(0, "mark");
    let before = fs::read(&data).unwrap();
    let listing = names(dir.path());
    let long_note = "n".repeat(450);
    // 0 blocks: nothing can be written; 1 block (512 bytes): the new record is cut off midway.
    // SIGXFSZ keeps its default (kill) here: bezwaar itself must turn it into a failed write.
    for blocks in [0, 1] {
        let mut command = with_env("sh");
        command
            .arg("-c")
            .arg(format!("trap - XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""))
            .arg(BIN)
            .arg("--data-file")
            .arg(&data)
            .args(["mark", "facebook", "--account", "other", "--note", &long_note]);
        let what = format!("mark with ulimit -f {blocks}");
        let marked = output(command).expect(1, &what);
        assert!(
            marked.stderr.contains("did not work") && marked.stderr.contains("did not change"),
            "{marked:#?}"
        );
        assert!(marked.stderr.contains("os error 27"), "{what}: EFBIG is reported: {marked:#?}");
        assert!(
            marked.stderr.contains("files may not grow that large here"),
            "{what}: in words: {marked:#?}"
        );
        assert!(
            !marked.stderr.contains(".tmp"),
            "{what}: the record is named, not a temporary file: {marked:#?}"
        );
        assert_eq!(fs::read(&data).unwrap(), before, "{what}: the record changed");
        assert_eq!(names(dir.path()), listing, "{what}: a temporary file was left behind");
    }
    // Once there is room again, the same mark works.
    run(&data, &["mark", "facebook", "--account", "other", "--note", &long_note]).expect(0, "retry");
    assert_eq!(objections(&read_json(&data)).len(), 2);
}

// ---------------------------------------------------------------------------------------------
// 9. umask 000

#[test]
fn umask_000_still_gives_0600_and_0700() {
    let dir = tempdir();
    let data = dir.path().join("a/b/c/record.json");
    for platform in ["instagram", "facebook"] {
        let mut command = with_env("sh");
        command
            .args(["-c", "umask 000; exec \"$0\" \"$@\"", BIN, "--data-file"])
            .arg(&data)
            .args(["mark", platform]);
        output(command).expect(0, &format!("mark {platform} under umask 000"));
        assert_eq!(mode(&data), 0o600, "record file after marking {platform}");
        assert_eq!(mode(&data.with_file_name("record.json.lock")), 0o600, "lock file");
        for created in ["a", "a/b", "a/b/c"] {
            assert_eq!(mode(&dir.path().join(created)), 0o700, "directory {created}");
        }
    }
    assert_eq!(objections(&read_json(&data)).len(), 2);
}

// ---------------------------------------------------------------------------------------------
// 10. A symlinked record

#[test]
fn a_symlinked_record_is_followed_and_stays_a_symlink() {
    let validator = schema();
    let dir = tempdir();
    let link = dir.path().join("record.json");
    let real = dir.path().join("real");
    let target = real.join("record.json");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink("real/record.json", &link).unwrap();
    let is_link = || fs::symlink_metadata(&link).unwrap().file_type().is_symlink();

    run(&link, &["mark", "instagram"]).expect(0, "mark through the link");
    assert!(is_link(), "the record path is still a symlink");
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("real/record.json"));
    let record = read_json(&target);
    assert_schema_valid(&validator, &record, "the target");
    assert_eq!(objections(&record).len(), 1);
    assert_eq!(mode(&target), 0o600);
    let status = run(&link, &["status"]).expect(0, "status through the link");
    assert!(status.stdout.starts_with("Instagram: submitted on 29 November 2026\n"), "{status:#?}");

    fs::write(&target, b"{\"version\": 1, \"objections\": [{\"platf").unwrap();
    let marked = run(&link, &["mark", "facebook"]).expect(0, "mark on a damaged target");
    assert!(is_link(), "the record path is still a symlink after setting the target aside");
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("real/record.json"));
    let aside = set_aside_files(&real);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), b"{\"version\": 1, \"objections\": [{\"platf");
    assert!(marked.stderr.contains(&aside[0].display().to_string()), "{marked:#?}");
    assert_eq!(set_aside_files(dir.path()), Vec::<PathBuf>::new(), "nothing set aside beside the link");
    let record = read_json(&target);
    assert_eq!(objections(&record).len(), 1, "{record:#}");
    assert_eq!(objections(&record)[0]["platform"], "facebook");
    assert_eq!(names(dir.path()), BTreeSet::from(["real".to_owned(), "record.json".to_owned()]));
}

// ---------------------------------------------------------------------------------------------
// 11. Hostile text

#[test]
fn hostile_text_never_reaches_the_file_or_the_terminal() {
    let dir = tempdir();
    let data = dir.path().join("record.json");
    let account = OsString::from("\x1b[2J\x1b]52;c;aGk=\x07");
    let note = OsString::from("\x1b]8;;https://evil.example\x1b\\click\u{9b}\u{202E}\u{2066}\u{200D}x");
    let mut command = bezwaar(&data, &["mark", "facebook"]);
    command.arg("--account").arg(&account).arg("--note").arg(&note);
    let marked = output(command).expect(0, "mark with hostile text");
    let file = fs::read_to_string(&data).unwrap();
    let status = run(&data, &["status"]).expect(0, "status");
    let status_json = run(&data, &["status", "--json"]).expect(0, "status --json");
    let printed: Value = serde_json::from_str(&status_json.stdout).unwrap();
    assert_eq!(
        objections(&printed)[0]["account"],
        "[2J]52;c;aGk=",
        "the visible rest of the account is kept"
    );
    assert_eq!(
        objections(&printed)[0]["note"],
        "]8;;https://evil.example\\click\u{200D}x",
        "the joiner stays"
    );
    for (what, text) in [
        ("the file", &file),
        ("mark's output", &marked.stdout),
        ("mark's errors", &marked.stderr),
        ("status", &status.stdout),
        ("status --json", &status_json.stdout),
    ] {
        for bad in ['\x1b', '\x07', '\u{9b}', '\u{202E}', '\u{2066}'] {
            assert!(!text.contains(bad), "{bad:?} in {what}: {text:?}");
        }
        for escaped in ["\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\u2066"] {
            assert!(!text.to_lowercase().contains(escaped), "{escaped} in {what}: {text:?}");
        }
    }

    // Bytes that are not UTF-8 are refused as a usage mistake, echoing nothing, changing nothing.
    let before = fs::read(&data).unwrap();
    let mut command = bezwaar(&data, &["mark", "instagram", "--note"]);
    command.arg(OsString::from_vec(b"\xff\xfe\x1b[31mred".to_vec()));
    let refused = output(command).expect(2, "mark with a note that is not UTF-8");
    assert!(refused.stderr.contains("not text") && !refused.stderr.contains("red"), "{refused:#?}");
    assert!(!refused.stderr.contains('\x1b'), "{refused:#?}");
    assert_eq!(fs::read(&data).unwrap(), before);
}

// ---------------------------------------------------------------------------------------------
// 12. Another bezwaar holds the lock for too long (stuck mid-write, or an older bezwaar)

#[test]
fn a_held_lock_makes_mark_wait_then_give_up_while_status_still_reads() {
    let dir = tempdir();
    let data = dir.path().join("record.json");
    run(&data, &["mark", "instagram"]).expect(0, "mark");
    let before = fs::read(&data).unwrap();
    let lock = common::hold_lock(&data);

    let status = run(&data, &["status"]).expect(0, "status while the lock is held");
    assert!(status.stdout.starts_with("Instagram: submitted on"), "{status:#?}");
    let started = Instant::now();
    let marked = run(&data, &["mark", "facebook"]).expect(3, "mark while the lock is held");
    let waited = started.elapsed();
    eprintln!("mark waited {waited:.2?} for the lock");
    assert!(marked.stderr.contains("did not finish within 5 seconds"), "{marked:#?}");
    assert!(waited >= Duration::from_secs(4), "mark gave up after {waited:?}, without waiting");
    assert!(waited <= Duration::from_secs(15), "mark waited {waited:?}");
    assert_eq!(fs::read(&data).unwrap(), before, "the record changed while another bezwaar held it");

    drop(lock);
    run(&data, &["mark", "facebook"]).expect(0, "mark once the lock is free");
    assert_eq!(objections(&read_json(&data)).len(), 2);
}

// ---------------------------------------------------------------------------------------------
// 13. Bad input

#[test]
fn bad_input_is_refused_with_what_is_accepted_and_the_record_untouched() {
    let dir = tempdir();
    let existing = dir.path().join("existing/record.json");
    run(&existing, &["mark", "instagram", "--note", "keep me"]).expect(0, "mark");
    let before = fs::read(&existing).unwrap();
    let fresh = dir.path().join("fresh/record.json");
    let cases: [(&[&str], &str); 7] = [
        (&["mark", "tiktok"], "instagram, facebook"),
        (&["unmark", "tiktok"], "instagram, facebook"),
        (&["mark", "instagram", "--date", "20-05-2025"], "YYYY-MM-DD"),
        (&["mark", "instagram", "--date", "2025-02-30"], "YYYY-MM-DD"),
        (&["mark", "instagram", "--date", "2025-5-20"], "YYYY-MM-DD"),
        (&["mark", "instagram", "--confirmed", "2025-13-01"], "YYYY-MM-DD"),
        (&["mark", "instagram", "--date", "2026-11-30"], "Today is 2026-11-29"),
    ];
    for (args, accepted) in cases {
        for data in [&existing, &fresh] {
            let what = format!("{args:?} on {}", data.display());
            let refused = run(data, args).expect(2, &what);
            assert!(refused.stderr.contains(accepted), "{what}: {refused:#?}");
            assert!(refused.stdout.is_empty(), "{what}: {refused:#?}");
        }
        assert_eq!(fs::read(&existing).unwrap(), before, "{args:?} changed the record");
        assert_eq!(
            names(&dir.path().join("existing")),
            BTreeSet::from(["record.json".into(), "record.json.lock".into()])
        );
        assert!(!dir.path().join("fresh").exists(), "{args:?} created the record's directory");
    }
    let future =
        run(&existing, &["mark", "instagram", "--confirmed", "2027-01-01"]).expect(2, "future confirmation");
    assert!(future.stderr.contains("in the future"), "{future:#?}");
    assert_eq!(fs::read(&existing).unwrap(), before);
}

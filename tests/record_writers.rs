//! Nothing a person recorded is lost by ordinary use: a wizard left open while a command or
//! another program writes, marking what is marked, fields from a newer bezwaar, an entry that
//! cannot be read, two entries for one account, a calendar file written where it must not go.
//! Each test drives the built binary, through a pseudo-terminal where a wizard is involved.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Options, Say, TIMEOUT, Tui, binary, quit};
use serde_json::{Value, json};

/// `bezwaar --data-file RECORD ARGS...` in English, as a script would run it.
fn bezwaar(record: &Path, args: &[&str]) -> Command {
    let mut command = common::command(binary(), "en_US.UTF-8");
    command.arg("--data-file").arg(record).args(args);
    command
}

#[track_caller]
fn run(record: &Path, args: &[&str], code: i32) -> Output {
    let output = bezwaar(record, args).output().expect("bezwaar runs");
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// Walks a Dutch wizard from its start to the last step of the platform with this number.
fn to_last_step(tui: &mut Tui, number: usize, id: &str) {
    let say = Say::nl();
    common::to_platform_list(tui, &say);
    common::to_last_step(tui, &say, number, id);
}

#[test]
fn a_command_run_while_a_wizard_is_open_succeeds_at_once_and_both_marks_stay() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let mut tui = Tui::spawn(Options::dutch().env("BEZWAAR_DATA_FILE", &record));
    to_last_step(&mut tui, 1, "instagram");

    let started = Instant::now();
    let output = run(&record, &["mark", "facebook", "--account", "cli"], 0);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(1), "mark took {took:?} while the wizard was open");
    assert!(stdout(&output).contains("Facebook (cli) is marked as submitted"), "{output:?}");

    tui.send("m");
    tui.wait_for(&Say::nl().marked("instagram", common::TODAY), TIMEOUT);
    let accounts: Vec<(Value, Value)> = read_json(&record)["objections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| (entry["platform"].clone(), entry["account"].clone()))
        .collect();
    assert_eq!(accounts, [(json!("facebook"), json!("cli")), (json!("instagram"), Value::Null)]);
    quit(&mut tui);
}

#[test]
fn a_file_written_by_another_program_is_shown_and_kept_by_the_wizards_next_mark() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let mut tui = Tui::spawn(Options::dutch().env("BEZWAAR_DATA_FILE", &record));
    to_last_step(&mut tui, 2, "facebook");

    // A sync tool brings in the record from another computer, which ignores bezwaar's lock and
    // holds a field this version does not know.
    let synced = r#"{"version": 2, "objections": [{"platform": "instagram", "account": "laptop",
        "submitted_on": "2025-05-20", "confirmation_on": "2025-05-21", "note": "op de laptop",
        "sent_by": "letter"}], "synced_from": "laptop"}"#;
    fs::write(&record, synced).unwrap();

    let say = Say::nl();
    tui.send("p");
    let screen = tui.wait_for(&say.first(&say.texts().record.changed_elsewhere_here), TIMEOUT);
    let note = bezwaar::content::fill(&say.texts().overview.note, &[("note", "op de laptop")]);
    assert!(screen.contains("Instagram (laptop)") && screen.contains(&note), "{screen}");
    tui.send("\x1b[D");
    tui.wait_for(&say.step("facebook", 5), TIMEOUT);
    tui.send("m");
    tui.wait_for(&say.marked("facebook", common::TODAY), TIMEOUT);

    let file = read_json(&record);
    assert_eq!(file["synced_from"], "laptop", "the unknown top-level field is kept");
    let entries = file["objections"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{file:#}");
    assert_eq!(entries[0]["sent_by"], "letter", "the unknown field of the entry is kept");
    assert_eq!(entries[0]["note"], "op de laptop");
    assert_eq!(entries[0]["confirmation_on"], "2025-05-21");
    assert_eq!(entries[1]["platform"], "facebook");
    quit(&mut tui);
}

#[test]
fn two_wizards_on_one_record_can_both_mark() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let mut first = Tui::spawn(Options::dutch().env("BEZWAAR_DATA_FILE", &record));
    let mut second = Tui::spawn(Options::dutch().env("BEZWAAR_DATA_FILE", &record));
    to_last_step(&mut first, 1, "instagram");
    to_last_step(&mut second, 2, "facebook");
    let say = Say::nl();
    first.send("m");
    first.wait_for(&say.marked("instagram", common::TODAY), TIMEOUT);
    second.send("m");
    second.wait_for(&say.marked("facebook", common::TODAY), TIMEOUT);
    let platforms: Vec<Value> =
        read_json(&record)["objections"].as_array().unwrap().iter().map(|e| e["platform"].clone()).collect();
    assert_eq!(platforms, [json!("instagram"), json!("facebook")]);
    quit(&mut first);
    quit(&mut second);
}

#[test]
fn marking_what_is_marked_keeps_the_confirmation_and_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let args = [
        "mark",
        "facebook",
        "--account",
        "werk",
        "--date",
        "2025-05-20",
        "--confirmed",
        "2025-05-21",
        "--note",
        "via de club",
    ];
    run(&record, &args, 0);
    let before = fs::read(&record).unwrap();
    let again = run(&record, &["mark", "facebook", "--account", "werk"], 0);
    assert_eq!(
        stdout(&again),
        "Facebook (werk) was already marked on 20 May 2025. Nothing changed. Kept: the confirmation of 21 May 2025 \
         and your note.\n"
    );
    assert_eq!(fs::read(&record).unwrap(), before, "the file is as it was");

    // The plain guide names the account the record holds; its yes (or the account's number)
    // says the same as mark and changes nothing either.
    for answer in ["y\n", "1\n"] {
        let mut guide = bezwaar(&record, &["guide", "facebook"]);
        guide.stdin(Stdio::piped()).stdout(Stdio::piped());
        let mut child = guide.spawn().unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), answer.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success());
        let said = stdout(&output);
        assert!(
            said.contains(
                "Facebook is already in your record:\n1. werk: submitted on 20 May 2025, confirmation \
                 received on 21 May 2025\n"
            ),
            "{said}"
        );
        assert!(
            said.contains(
                "Facebook (werk) was already marked on 20 May 2025. Nothing changed. Kept: the \
                 confirmation of 21 May 2025 and your note.\n"
            ),
            "{answer:?}: {said}"
        );
        assert_eq!(fs::read(&record).unwrap(), before, "the file is as it was");
    }
    let entries = read_json(&record)["objections"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0]["confirmation_on"].clone(), entries[0]["note"].clone()),
        (json!("2025-05-21"), json!("via de club"))
    );
}

#[test]
fn fields_from_a_newer_bezwaar_and_an_unreadable_entry_are_kept_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let bad_entry = r#"{"platform": "instagram", "account": null, "submitted_on": "2025-02-30", "confirmation_on": null, "note": "kept too"}"#;
    let file = format!(
        r#"{{"version": 1, "settings": {{"reminder_days": 14}}, "objections": [
  {bad_entry},
  {{"platform": "facebook", "account": null, "submitted_on": "2025-05-20", "confirmation_on": null,
   "note": null, "sent_by": {{"letter": "2025-05-19", "copy": true}}}}
]}}"#
    );
    fs::write(&record, &file).unwrap();
    let status = run(&record, &["status"], 0);
    let status = stdout(&status);
    assert!(status.contains("Facebook: submitted on 20 May 2025\n"), "{status}");
    assert!(
        status.contains("Entry 1 of your record cannot be read: \"2025-02-30\" in the field \"submitted_on\" is not a real date. It stays in the file as it is."),
        "{status}"
    );
    run(&record, &["mark", "linkedin"], 0);
    let written = fs::read_to_string(&record).unwrap();
    assert!(written.contains(bad_entry), "the unreadable entry stays exactly as written: {written}");
    let json = read_json(&record);
    assert_eq!(json["settings"], json!({"reminder_days": 14}));
    assert_eq!(json["objections"][1]["sent_by"], json!({"letter": "2025-05-19", "copy": true}));
    assert_eq!(json["objections"].as_array().unwrap().len(), 3);
    // unmark leaves what it cannot read; status --json shows the record as it is.
    run(&record, &["unmark", "instagram"], 0);
    assert!(fs::read_to_string(&record).unwrap().contains(bad_entry));
    let printed: Value = serde_json::from_slice(&run(&record, &["status", "--json"], 0).stdout).unwrap();
    assert_eq!(printed, read_json(&record));
}

#[test]
fn two_entries_for_one_account_are_shown_and_unmark_says_how_many_it_removed() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let entry = r#"{"platform": "facebook", "account": "werk", "submitted_on": "2025-05-20", "confirmation_on": null, "note": null}"#;
    let other = r#"{"platform": "facebook", "account": "werk", "submitted_on": "2025-05-22", "confirmation_on": null, "note": "second"}"#;
    fs::write(&record, format!(r#"{{"version": 1, "objections": [{entry}, {other}]}}"#)).unwrap();
    let status = stdout(&run(&record, &["status"], 0));
    assert_eq!(status.matches("This account is in your record 2 times.").count(), 2, "{status}");
    let refused = run(&record, &["mark", "facebook", "--account", "werk", "--note", "x"], 2);
    assert!(stderr(&refused).contains("is in your record 2 times"), "{refused:?}");
    let removed = run(&record, &["unmark", "facebook", "--account", "werk"], 0);
    assert!(stdout(&removed).starts_with("2 marks on Facebook (werk) were removed"), "{removed:?}");
}

#[test]
fn remind_never_writes_over_the_record_a_fifo_or_a_strangers_file() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    run(&record, &["mark", "instagram", "--date", "2026-11-01"], 0);
    let before = fs::read(&record).unwrap();
    for args in [["remind", "--ics"].as_slice(), &["remind", "--force", "--ics"]] {
        let mut args = args.to_vec();
        let path = record.to_str().unwrap();
        args.push(path);
        let refused = run(&record, &args, 2);
        assert!(stderr(&refused).contains("is your record of objections"), "{refused:?}");
    }
    // Another spelling of the same path, and a symlink to it.
    let around = dir.path().join("sub");
    fs::create_dir(&around).unwrap();
    let spelled = around.join("../record.json");
    run(&record, &["remind", "--ics", spelled.to_str().unwrap()], 2);
    let link = dir.path().join("agenda.ics");
    std::os::unix::fs::symlink(&record, &link).unwrap();
    run(&record, &["remind", "--force", "--ics", link.to_str().unwrap()], 2);
    assert_eq!(fs::read(&record).unwrap(), before, "the record is untouched");
    run(&record, &["status"], 0);

    let fifo = dir.path().join("fifo.ics");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let started = Instant::now();
    let refused = run(&record, &["remind", "--ics", fifo.to_str().unwrap()], 2);
    assert!(started.elapsed() < Duration::from_secs(5), "a FIFO is not waited on");
    assert!(stderr(&refused).contains("not an ordinary file"), "{refused:?}");

    let stranger = dir.path().join("mine.ics");
    fs::write(&stranger, "my own calendar").unwrap();
    run(&record, &["remind", "--ics", stranger.to_str().unwrap()], 2);
    assert_eq!(fs::read_to_string(&stranger).unwrap(), "my own calendar");

    let written = dir.path().join("reminders.ics");
    run(&record, &["remind", "--ics", written.to_str().unwrap()], 0);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(fs::metadata(&written).unwrap().permissions().mode() & 0o777, 0o600);
    run(&record, &["remind", "--ics", written.to_str().unwrap()], 0);

    let cwd = tempfile::tempdir().unwrap();
    let output = bezwaar(&record, &["remind", "--ics", "-"]).current_dir(cwd.path()).output().unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(fs::read_dir(cwd.path()).unwrap().count(), 0, "no file named '-'");
}

#[test]
fn a_record_bezwaar_could_not_read_back_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    // A record just under the size bezwaar reads: many entries with long notes, the way bezwaar
    // writes them.
    let entry = |n: usize| {
        format!(
            r#"{{"platform": "facebook", "account": "account {n}", "submitted_on": "2025-05-20", "confirmation_on": null, "note": "{}"}}"#,
            "n".repeat(480)
        )
    };
    let mut entries = Vec::new();
    let mut size = 40;
    while size + entry(entries.len()).len() + 2 < 8 * 1024 * 1024 - 300 {
        size += entry(entries.len()).len() + 2;
        entries.push(entry(entries.len()));
    }
    let file = format!(r#"{{"version": 1, "objections": [{}]}}"#, entries.join(", "));
    assert!(file.len() < 8 * 1024 * 1024, "{}", file.len());
    fs::write(&record, &file).unwrap();
    run(&record, &["status"], 0);
    let refused = run(&record, &["mark", "facebook", "--note", &"n".repeat(400)], 1);
    assert!(stderr(&refused).contains("more than bezwaar reads back"), "{}", stderr(&refused));
    assert_eq!(fs::read_to_string(&record).unwrap(), file, "the file is unchanged");
}

#[test]
fn text_over_a_limit_is_refused_and_joiners_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let refused = run(&record, &["mark", "facebook", "--note", &"a".repeat(501)], 2);
    assert!(stderr(&refused).contains("The note has 501 characters; at most 500 fit."), "{refused:?}");
    assert!(!record.exists());
    let family = "👨\u{200D}👩\u{200D}👧";
    let persian = "می\u{200C}خواهم";
    run(&record, &["mark", "facebook", "--account", family, "--note", persian], 0);
    let entry = &read_json(&record)["objections"][0];
    assert_eq!((entry["account"].as_str(), entry["note"].as_str()), (Some(family), Some(persian)));
}

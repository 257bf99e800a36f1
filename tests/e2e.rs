//! End-to-end tests: the real `bezwaar` binary in a real pseudo-terminal, read back through a
//! terminal emulator (vt100). CI has no terminal, so every test makes its own pty; each test
//! starts its own child, with its own HOME, and pretends today is 29 November 2026.

mod common;

use std::ffi::OsString;
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{
    ENTER, ESC, FakeBrowser, Options, RIGHT, TIMEOUT, Tui, base64, binary, inherited_path, quit,
    to_last_step, to_platform_list,
};

const INSTAGRAM_FORM: &str = "https://help.instagram.com/contact/767264225370182";
const FACEBOOK_FORM: &str = "https://www.facebook.com/help/contact/712876720715583";

const WARNING_NL: &str = "Waarschuwing van de Autoriteit Persoonsgegevens";
const WARNING_EN: &str = "A warning from the Dutch Data Protection Authority";

/// The row of the screen that shows `text`, without the frame's border.
fn row_with(tui: &Tui, text: &str) -> String {
    let rows = tui.rows();
    let found: Vec<&String> = rows.iter().filter(|row| row.contains(text)).collect();
    assert_eq!(found.len(), 1, "exactly one row shows {text:?}:\n{}", rows.join("\n"));
    found[0].trim_start_matches(['│', ' ']).to_owned()
}

#[test]
fn dutch_walk_to_instagram_opens_the_form_in_the_browser() {
    let browser = FakeBrowser::new();
    let mut tui = Tui::spawn(Options::dutch().env("BROWSER", browser.path()));
    let screen = tui.wait_for(WARNING_NL, TIMEOUT);
    assert!(screen.contains("551 dagen geleden"), "the deadline passed 551 days ago:\n{screen}");
    assert!(tui.alternate_screen(), "the wizard draws on the alternate screen");

    to_platform_list(&mut tui, WARNING_NL, "Wat staat er op het spel?", "Kies een platform");
    assert!(row_with(&tui, "1  Instagram").starts_with('›'), "Instagram is highlighted by default");
    tui.send(ENTER);
    tui.wait_for("Instagram: stap 1 van 5", TIMEOUT);

    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [INSTAGRAM_FORM], "the browser gets the form link, alone");
    tui.wait_for("De link is naar je browser gestuurd", TIMEOUT);
    // The wizard is back on its own screen after handing the terminal to the browser.
    assert!(tui.alternate_screen(), "{}", tui.failure("back on the alternate screen"));
    assert!(tui.screen().contains("Instagram: stap 1 van 5"));

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn english_walk_to_facebook_and_on_to_the_other_platform() {
    let browser = FakeBrowser::new();
    // A Dutch locale, so that the option is what makes it English.
    let mut tui = Tui::spawn(Options::dutch().arg("--lang").arg("en").env("BROWSER", browser.path()));
    to_platform_list(&mut tui, WARNING_EN, "What is at stake?", "Choose a platform");

    tui.send("2");
    tui.wait_for("Facebook: step 1 of 5", TIMEOUT);
    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [FACEBOOK_FORM], "the browser gets the form link, alone");
    tui.wait_for("The link was sent to your browser", TIMEOUT);

    for (key, step) in [(RIGHT, 2), (ENTER, 3), (RIGHT, 4), (ENTER, 5)] {
        tui.send(key);
        tui.wait_for(&format!("Facebook: step {step} of 5"), TIMEOUT);
    }
    tui.send(ENTER);
    tui.wait_for("Done with Facebook", TIMEOUT);
    // The end offers the other platform (waited for: a frame arrives in pieces).
    tui.wait_for("Do you use Instagram too?", TIMEOUT);

    tui.send(ENTER);
    tui.wait_until("the whole list", TIMEOUT, |screen| {
        screen.contains("Choose a platform")
            && screen.contains("1  Instagram")
            && screen.contains("2  Facebook")
    });
    let instagram = row_with(&tui, "1  Instagram");
    let facebook = row_with(&tui, "2  Facebook");
    assert!(instagram.starts_with("› 1  Instagram"), "Instagram is highlighted: {instagram:?}");
    assert!(facebook.starts_with("2  Facebook"), "Facebook is not: {facebook:?}");

    tui.send(ESC);
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("Esc exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn without_a_browser_the_link_can_still_be_copied() {
    let empty = tempfile::tempdir().expect("an empty PATH directory");
    let missing = empty.path().join("no-such-browser");
    let mut tui = Tui::spawn(Options::dutch().env("BROWSER", &missing).env("PATH", empty.path()));
    to_platform_list(&mut tui, WARNING_NL, "Wat staat er op het spel?", "Kies een platform");
    tui.send(ENTER);
    tui.wait_for("Instagram: stap 1 van 5", TIMEOUT);

    tui.send("o");
    tui.wait_for("Er ging geen browser open", TIMEOUT);
    assert!(tui.running(), "a missing browser is not a crash");
    assert!(tui.screen().contains("Instagram: stap 1 van 5"));
    let osc52 = format!("\x1b]52;c;{}", base64(INSTAGRAM_FORM.as_bytes()));
    assert!(common::find(&tui.raw(), b"\x1b]52;").is_none(), "nothing is copied before c");

    tui.send("c");
    tui.wait_for("De link is gekopieerd", TIMEOUT);
    assert!(
        common::find(&tui.raw(), osc52.as_bytes()).is_some(),
        "{}",
        tui.failure(&format!("the output holds OSC 52 with the link: {osc52:?}"))
    );
    let clipboard = tui.clipboard();
    assert_eq!(clipboard.len(), 1, "one clipboard write: {clipboard:?}");
    assert_eq!(clipboard[0].1, base64(INSTAGRAM_FORM.as_bytes()).into_bytes());

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn tiny_and_small_windows_do_not_crash_it() {
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(WARNING_NL, TIMEOUT);
    // A pty cannot be 0x0; 1x1 and 2x2 are the smallest there are.
    for (cols, rows) in [(1, 1), (2, 2)] {
        let before = tui.raw().len();
        tui.resize(cols, rows);
        let start = Instant::now();
        while tui.raw().len() == before && start.elapsed() < TIMEOUT {
            thread::sleep(Duration::from_millis(10));
        }
        assert!(tui.raw().len() > before, "{}", tui.failure(&format!("no redraw at {cols}x{rows}")));
        thread::sleep(Duration::from_millis(50));
        assert!(tui.running(), "{}", tui.failure(&format!("bezwaar died at {cols}x{rows}")));
    }
    tui.resize(50, 12);
    tui.wait_for("Maak het venster groter", TIMEOUT);
    tui.resize(80, 24);
    tui.wait_for(WARNING_NL, TIMEOUT);
    let screen = tui.wait_gone("Maak het venster groter", TIMEOUT);
    assert!(screen.contains("551 dagen geleden"), "the whole warning is back:\n{screen}");
    assert!(tui.running());

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn esc_closes_the_help_first_and_then_quits() {
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(WARNING_NL, TIMEOUT);
    tui.send("?");
    tui.wait_for("Op dit scherm", TIMEOUT);
    tui.send(ESC);
    tui.wait_gone("Op dit scherm", TIMEOUT);
    assert!(tui.running(), "{}", tui.failure("the first Esc only closes the help"));
    assert!(tui.screen().contains(WARNING_NL));

    tui.send(ESC);
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("Esc exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn t_switches_the_language_and_back() {
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(WARNING_NL, TIMEOUT);
    tui.send("t");
    let screen = tui.wait_for(WARNING_EN, TIMEOUT);
    assert!(!screen.contains(WARNING_NL), "no Dutch title left:\n{screen}");
    assert!(screen.contains("551 days ago"), "the whole screen is in English:\n{screen}");
    tui.send("t");
    tui.wait_for(WARNING_NL, TIMEOUT);

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
}

/// Sends `signal` (a name for the shell's kill) once the first frame shows.
fn signal_ends_the_wizard(signal: &str, code: u32) {
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(WARNING_NL, TIMEOUT);
    assert!(tui.alternate_screen());
    let pid = tui.pid().to_string();
    // The shell's built-in kill: nothing outside /bin/sh is needed.
    let kill = Command::new("/bin/sh")
        .args(["-c", "kill -s \"$1\" \"$2\"", "sh", signal, &pid])
        .status()
        .expect("/bin/sh runs");
    assert!(kill.success(), "kill -s {signal} {pid} failed");

    let status = tui.wait_exit(TIMEOUT);
    assert!(!status.success(), "SIG{signal} is not a success: {status:?}");
    assert_eq!(status.signal(), None, "bezwaar exits by itself, not killed by the signal: {status:?}");
    assert_eq!(status.exit_code(), code, "128 + the signal's number: {status:?}");
    tui.assert_terminal_restored();
}

#[test]
fn sigterm_gives_the_terminal_back() {
    signal_ends_the_wizard("TERM", 143);
}

#[test]
fn sighup_gives_the_terminal_back() {
    signal_ends_the_wizard("HUP", 129);
}

// Without a pty: the command line.

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs bezwaar without a terminal, with a controlled environment and a time limit.
fn run(args: &[&str], lang: &str, env: &[(&str, &str)]) -> Run {
    let home = tempfile::tempdir().expect("a temporary HOME");
    let mut command = Command::new(binary());
    command
        .args(args)
        .env_clear()
        .env("PATH", inherited_path())
        .env("HOME", home.path())
        .env("LANG", lang)
        .env("BEZWAAR_TODAY", common::TODAY)
        .current_dir(home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, OsString::from(value));
    }
    let mut child = command.spawn().expect("bezwaar starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("bezwaar {args:?} did not exit within {TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut stdout).expect("stdout is text");
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("stderr is text");
    Run { code: status.code(), stdout, stderr }
}

#[test]
fn a_malformed_bezwaar_today_is_refused_in_dutch() {
    let run = run(&[], "nl_NL.UTF-8", &[("BEZWAAR_TODAY", "gisteren")]);
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
    assert!(run.stderr.contains("gisteren") && run.stderr.contains("JJJJ-MM-DD"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "nothing on stdout, no wizard: {:?}", run.stdout);
}

#[test]
fn help_follows_lang_and_the_option() {
    let dutch = run(&["--help"], "nl_NL.UTF-8", &[]);
    assert_eq!(dutch.code, Some(0), "stderr: {}", dutch.stderr);
    assert!(dutch.stdout.contains("Gebruik:") && dutch.stdout.contains("BEZWAAR_TODAY"), "{}", dutch.stdout);
    assert!(!dutch.stdout.contains("Usage:"), "{}", dutch.stdout);

    let english = run(&["--lang", "en", "--help"], "nl_NL.UTF-8", &[]);
    assert_eq!(english.code, Some(0), "stderr: {}", english.stderr);
    assert!(
        english.stdout.contains("Usage:") && english.stdout.contains("BEZWAAR_TODAY"),
        "{}",
        english.stdout
    );
    assert!(!english.stdout.contains("Gebruik:"), "{}", english.stdout);
}

#[test]
fn version_and_an_unknown_language() {
    let version = run(&["--version"], "nl_NL.UTF-8", &[]);
    assert_eq!(version.code, Some(0), "stderr: {}", version.stderr);
    assert_eq!(version.stdout.trim_end(), "bezwaar 0.1.0");

    let french = run(&["--lang", "fr"], "nl_NL.UTF-8", &[]);
    assert_eq!(french.code, Some(2), "stdout: {} stderr: {}", french.stdout, french.stderr);
    assert!(french.stderr.contains("fr"), "the error names the value: {}", french.stderr);
}

/// A terminal that does not answer `ESC [ 6 n` (the cursor-position query). Coming back from
/// the browser, bezwaar must redraw without asking for the cursor position: a terminal that
/// never answers would otherwise end the wizard after crossterm's two-second wait.
#[test]
fn a_terminal_that_answers_no_queries_survives_opening_the_link() {
    let browser = FakeBrowser::new();
    let mut tui = Tui::spawn(Options::dutch().silent().env("BROWSER", browser.path()));
    to_platform_list(&mut tui, WARNING_NL, "Wat staat er op het spel?", "Kies een platform");
    tui.send(ENTER);
    tui.wait_for("Instagram: stap 1 van 5", TIMEOUT);
    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [INSTAGRAM_FORM]);
    tui.wait_for("De link is naar je browser gestuurd", TIMEOUT);
    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
}

/// `bezwaar status --json` on a record file, as a script would run it.
fn status_json(record: &std::path::Path) -> serde_json::Value {
    let output = Command::new(binary())
        .args(["status", "--json", "--data-file"])
        .arg(record)
        .env_clear()
        .env("PATH", inherited_path())
        .env("BEZWAAR_TODAY", common::TODAY)
        .output()
        .expect("bezwaar status runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("status --json prints JSON")
}

#[test]
fn a_mark_made_in_the_wizard_survives_closing_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let options = || Options::dutch().env("BEZWAAR_DATA_FILE", &record);

    let mut tui = Tui::spawn(options());
    to_platform_list(&mut tui, WARNING_NL, "Wat staat er op het spel?", "Kies een platform");
    assert!(row_with(&tui, "Instagram").starts_with("› 1  Instagram"));
    tui.send(ENTER);
    tui.wait_for("Instagram: stap 1 van 5", TIMEOUT);
    tui.send(&RIGHT.repeat(4));
    tui.wait_for("Instagram: stap 5 van 5", TIMEOUT);
    tui.send("m");
    tui.wait_for("Onthouden: Instagram, verstuurd op 29 november 2026", TIMEOUT);

    // While this wizard runs, a second one can mark too.
    let mut second = Tui::spawn(options());
    to_platform_list(&mut second, WARNING_NL, "Wat staat er op het spel?", "Kies een platform");
    to_last_step(&mut second, "6", "Google Gemini: stap 1 van 5", "Google Gemini: stap 5 van 5");
    second.send("m");
    second.wait_for("Onthouden: Google Gemini, uitgezet op 29 november 2026", TIMEOUT);
    quit(&mut second);
    // The first window shows it at the next key, and says why the record changed.
    tui.send("p");
    let screen = tui.wait_for("Je lijst is veranderd in een ander venster of programma", TIMEOUT);
    assert!(screen.contains("Google Gemini (je account)"), "{screen}");

    // Closing the terminal window hangs up on the wizard.
    Command::new("/bin/sh").arg("-c").arg(format!("kill -s HUP {}", tui.pid())).status().unwrap();
    assert_eq!(tui.wait_exit(TIMEOUT).exit_code(), 129);
    tui.assert_terminal_restored();

    let json = status_json(&record);
    assert_eq!(
        json,
        serde_json::json!({"version": 2, "objections": [
            {"platform": "instagram", "account": null, "submitted_on": "2026-11-29", "confirmation_on": null, "note": null},
            {"platform": "gemini", "account": null, "submitted_on": "2026-11-29", "confirmation_on": null, "note": null}]})
    );

    let mut again = Tui::spawn(options());
    to_platform_list(&mut again, WARNING_NL, "Wat staat er op het spel?", "Kies een platform");
    let rows = again.rows();
    let instagram = rows.iter().position(|row| row.contains("1  Instagram")).unwrap();
    assert!(rows[instagram + 1].contains("✓ verstuurd op 29 november 2026"), "{}", rows.join("\n"));
    let facebook = rows.iter().position(|row| row.contains("2  Facebook")).unwrap();
    assert!(rows[facebook + 1].contains("nog niet gemarkeerd"), "{}", rows.join("\n"));

    // Facebook, then a second Facebook account from the overview.
    to_last_step(&mut again, "2", "Facebook: stap 1 van 5", "Facebook: stap 5 van 5");
    again.send(RIGHT);
    again.wait_for("Klaar met Facebook", TIMEOUT);
    again.send("m");
    again.wait_for("Onthouden: Facebook, verstuurd op 29 november 2026", TIMEOUT);
    again.send("p");
    again.wait_for("Je bezwaren", TIMEOUT);
    again.send("\x1b[B");
    again.wait_until("Facebook selected", TIMEOUT, |screen| screen.contains("› Facebook (je account)"));
    again.send("a");
    again.wait_for("Nog een account voor Facebook", TIMEOUT);
    again.send("club");
    again.send(ENTER);
    again.wait_for("› Facebook (club)", TIMEOUT);
    again.send("q");
    assert!(again.wait_exit(TIMEOUT).success());

    let accounts: Vec<(String, Option<String>)> = status_json(&record)["objections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["platform"].as_str().unwrap().to_owned(), o["account"].as_str().map(str::to_owned)))
        .collect();
    assert_eq!(
        accounts,
        [
            ("instagram".into(), None),
            ("gemini".into(), None),
            ("facebook".into(), None),
            ("facebook".into(), Some("club".into()))
        ]
    );
}

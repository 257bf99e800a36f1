//! End-to-end tests: the real `bezwaar` binary in a real pseudo-terminal, read back through a
//! terminal emulator (vt100). CI has no terminal, so every test makes its own pty; each test
//! starts its own child, with its own HOME, and pretends today is 29 November 2026.

mod common;

use std::ffi::OsString;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::{
    ENTER, ESC, FakeBrowser, Options, RIGHT, Say, TIMEOUT, Tui, base64, binary, quit, to_first_step,
    to_last_step, to_platform_list,
};

const INSTAGRAM_FORM: &str = "https://help.instagram.com/contact/767264225370182";
const FACEBOOK_FORM: &str = "https://www.facebook.com/help/contact/712876720715583";

/// The row of the screen that shows `text`, without the frame's border.
fn row_with(tui: &Tui, text: &str) -> String {
    let rows = tui.rows();
    let found: Vec<&String> = rows.iter().filter(|row| row.contains(text)).collect();
    assert_eq!(found.len(), 1, "exactly one row shows {text:?}:\n{}", rows.join("\n"));
    found[0].trim_start_matches(['│', ' ']).to_owned()
}

#[test]
fn dutch_walk_to_instagram_opens_the_form_in_the_browser() {
    let say = Say::nl();
    let browser = FakeBrowser::new();
    let mut tui = Tui::spawn(Options::dutch().env("BROWSER", browser.path()));
    let screen = tui.wait_for(&say.warning(), TIMEOUT);
    assert!(screen.contains(&say.passed(551)), "the deadline passed 551 days ago:\n{screen}");
    assert!(tui.alternate_screen(), "the wizard draws on the alternate screen");

    to_platform_list(&mut tui, &say);
    assert!(row_with(&tui, "1  Instagram").starts_with('›'), "Instagram is highlighted by default");
    tui.send(ENTER);
    tui.wait_for(&say.step("instagram", 1), TIMEOUT);

    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [INSTAGRAM_FORM], "the browser gets the form link, alone");
    tui.wait_for(&say.first(&say.texts().steps.status.opened), TIMEOUT);
    // The wizard is back on its own screen after handing the terminal to the browser.
    assert!(tui.alternate_screen(), "{}", tui.failure("back on the alternate screen"));
    assert!(tui.screen().contains(&say.step("instagram", 1)));

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn english_walk_to_facebook_and_on_to_the_other_platform() {
    let say = Say::en();
    let browser = FakeBrowser::new();
    // A Dutch locale, so that the option is what makes it English.
    let mut tui = Tui::spawn(Options::dutch().arg("--lang").arg("en").env("BROWSER", browser.path()));
    to_platform_list(&mut tui, &say);

    tui.send("2");
    tui.wait_for(&say.step("facebook", 1), TIMEOUT);
    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [FACEBOOK_FORM], "the browser gets the form link, alone");
    tui.wait_for(&say.first(&say.texts().steps.status.opened), TIMEOUT);

    for (key, step) in [(RIGHT, 2), (ENTER, 3), (RIGHT, 4), (ENTER, 5)] {
        tui.send(key);
        tui.wait_for(&say.step("facebook", step), TIMEOUT);
    }
    tui.send(ENTER);
    tui.wait_for(&say.done("facebook"), TIMEOUT);
    // The end offers the other platform (waited for: a frame arrives in pieces).
    tui.wait_for(&say.other_platform("instagram"), TIMEOUT);

    tui.send(ENTER);
    tui.wait_until("the whole list", TIMEOUT, |screen| {
        screen.contains(&say.platforms()) && screen.contains("1  Instagram") && screen.contains("2  Facebook")
    });
    let instagram = row_with(&tui, "1  Instagram");
    let facebook = row_with(&tui, "2  Facebook");
    assert!(instagram.starts_with("› 1  Instagram"), "Instagram is highlighted: {instagram:?}");
    assert!(facebook.starts_with("2  Facebook"), "Facebook is not: {facebook:?}");

    // Esc goes back one level, as ← does, and does not quit.
    tui.send(ESC);
    tui.wait_for(&say.risks(), TIMEOUT);
    quit(&mut tui);
    tui.assert_terminal_restored();
}

#[test]
fn without_a_browser_the_link_can_still_be_copied() {
    let empty = tempfile::tempdir().expect("an empty PATH directory");
    let missing = empty.path().join("no-such-browser");
    let say = Say::nl();
    let mut tui = Tui::spawn(Options::dutch().env("BROWSER", &missing).env("PATH", empty.path()));
    to_platform_list(&mut tui, &say);
    to_first_step(&mut tui, &say, 1, "instagram");

    tui.send("o");
    let screen = tui.wait_for(&say.browser_failed(), TIMEOUT);
    assert!(screen.contains("no-such-browser"), "the notice names the command:\n{screen}");
    assert!(tui.running(), "a missing browser is not a crash");
    assert!(tui.screen().contains(&say.step("instagram", 1)));
    let osc52 = format!("\x1b]52;c;{}", base64(INSTAGRAM_FORM.as_bytes()));
    assert!(common::find(&tui.raw(), b"\x1b]52;").is_none(), "nothing is copied before c");

    tui.send("c");
    tui.wait_for(&say.first(&say.texts().steps.status.copied), TIMEOUT);
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

/// Walks to Instagram's first step and presses o.
fn open_the_form(options: Options, say: &Say) -> Tui {
    let mut tui = Tui::spawn(options);
    to_platform_list(&mut tui, say);
    to_first_step(&mut tui, say, 1, "instagram");
    tui.send("o");
    tui
}

/// A browser that exits with an error did not get the link to the person: bezwaar says so, in
/// every language, and names the command.
#[test]
fn a_browser_that_fails_is_said_to_have_failed() {
    for (say, options) in
        [(Say::nl(), Options::dutch()), (Say::en(), Options::english()), (Say::de(), Options::german())]
    {
        let mut tui = open_the_form(options.env("BROWSER", "/bin/false"), &say);
        let screen = tui.wait_for(&say.browser_failed(), TIMEOUT);
        assert!(screen.contains(&say.browser_exited("/bin/false", 1)), "the command and its code:\n{screen}");
        let opened = say.first(&say.texts().steps.status.opened);
        assert!(!screen.contains(&opened), "not said to have been sent:\n{screen}");
        assert!(tui.alternate_screen(), "{}", tui.failure("back on the alternate screen"));
        quit(&mut tui);
    }
}

/// `$BROWSER` is a list: after a command that fails, the next one gets the link, exactly.
#[test]
fn after_a_browser_that_fails_the_next_one_in_browser_gets_the_link() {
    let say = Say::nl();
    let browser = FakeBrowser::new();
    let mut list = OsString::from("/bin/false:");
    list.push(browser.path());
    let mut tui = open_the_form(Options::dutch().env("BROWSER", list), &say);
    assert_eq!(browser.arguments(TIMEOUT), [INSTAGRAM_FORM], "the second command gets the form link, alone");
    let screen = tui.wait_for(&say.first(&say.texts().steps.status.opened), TIMEOUT);
    assert!(!screen.contains(&say.browser_failed()), "{screen}");
    quit(&mut tui);
}

#[test]
fn tiny_and_small_windows_do_not_crash_it() {
    let say = Say::nl();
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(&say.warning(), TIMEOUT);
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
    tui.wait_for(&say.too_small(), TIMEOUT);
    tui.resize(80, 24);
    tui.wait_for(&say.warning(), TIMEOUT);
    let screen = tui.wait_gone(&say.too_small(), TIMEOUT);
    assert!(screen.contains(&say.passed(551)), "the whole warning is back:\n{screen}");
    assert!(tui.running());

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
    tui.assert_terminal_restored();
}

#[test]
fn esc_closes_the_help_first_then_goes_back_and_never_quits() {
    let say = Say::nl();
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(&say.warning(), TIMEOUT);
    tui.send(ENTER);
    tui.wait_for(&say.risks(), TIMEOUT);
    tui.send("?");
    tui.wait_for(&say.texts().help.this_screen, TIMEOUT);
    tui.send(ESC);
    tui.wait_gone(&say.texts().help.this_screen, TIMEOUT);
    assert!(tui.running(), "{}", tui.failure("the first Esc only closes the help"));
    assert!(tui.screen().contains(&say.risks()));

    tui.send(ESC);
    tui.wait_for(&say.warning(), TIMEOUT);
    // On the first screen Esc does nothing: a person pressing it to go back is not thrown out.
    tui.send(ESC);
    // Apart, so that the terminal does not read Esc and ? as one Alt key.
    std::thread::sleep(std::time::Duration::from_millis(300));
    tui.send("?");
    tui.wait_for(&say.texts().help.this_screen, TIMEOUT);
    assert!(tui.running(), "{}", tui.failure("Esc on the first screen does not quit"));
    tui.send(ESC);
    tui.wait_gone(&say.texts().help.this_screen, TIMEOUT);
    quit(&mut tui);
    tui.assert_terminal_restored();
}

#[test]
fn t_moves_through_every_language_and_round_again() {
    let (nl, en, de) = (Say::nl(), Say::en(), Say::de());
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(&nl.warning(), TIMEOUT);
    tui.send("t");
    let screen = tui.wait_for(&en.warning(), TIMEOUT);
    assert!(!screen.contains(&nl.warning()), "no Dutch title left:\n{screen}");
    assert!(screen.contains(&en.passed(551)), "the whole screen is in English:\n{screen}");
    tui.send("t");
    let screen = tui.wait_for(&de.warning(), TIMEOUT);
    assert!(screen.contains(&de.passed(551)), "the whole screen is in German:\n{screen}");
    // The German introduction is its own, not the Dutch authority's warning translated: it
    // cites the Hamburg authority, and neither the AP's warning nor its vice-chair.
    let sources = &de.texts().sources;
    assert!(screen.contains(&sources["hmbbfdi-2025-04-17"]), "{screen}");
    assert!(!screen.contains(&sources["ap-2025-04-24"]) && !screen.contains("Verdier"), "{screen}");
    tui.send("t");
    tui.wait_for(&nl.warning(), TIMEOUT);

    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
}

#[test]
fn german_walk_marks_instagram_and_the_record_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let say = Say::de();
    let browser = FakeBrowser::new();
    // A German locale alone makes it German.
    let options = Options::german().env("BEZWAAR_DATA_FILE", &record).env("BROWSER", browser.path());
    let mut tui = Tui::spawn(options);
    let screen = tui.wait_for(&say.warning(), TIMEOUT);
    assert!(screen.contains(&say.passed(551)), "the deadline passed 551 days ago:\n{screen}");
    assert!(screen.contains("27. Mai 2025"), "a date as Germans write it:\n{screen}");

    to_platform_list(&mut tui, &say);
    to_first_step(&mut tui, &say, 1, "instagram");
    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [INSTAGRAM_FORM], "the browser gets the form link, alone");
    tui.wait_for(&say.first(&say.texts().steps.status.opened), TIMEOUT);
    tui.send(&RIGHT.repeat(4));
    tui.wait_for(&say.step("instagram", 5), TIMEOUT);
    tui.send("m");
    let screen = tui.wait_for(&say.marked("instagram", common::TODAY), TIMEOUT);
    assert!(screen.contains("29. November 2026"), "{screen}");
    quit(&mut tui);
    tui.assert_terminal_restored();

    let json = status_json(&record);
    let objections = json["objections"].as_array().expect("objections");
    assert_eq!(objections.len(), 1, "{json}");
    assert_eq!(objections[0]["platform"], "instagram", "{json}");
    assert_eq!(objections[0]["submitted_on"], common::TODAY, "{json}");
}

/// Sends `signal` (a name for the shell's kill) once the first frame shows.
fn signal_ends_the_wizard(signal: &str, code: u32) {
    let mut tui = Tui::spawn(Options::dutch());
    tui.wait_for(&Say::nl().warning(), TIMEOUT);
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

/// Runs bezwaar without a terminal, in a fresh HOME, with extra variables `env`.
fn run(args: &[&str], lang: &str, env: &[(&str, &str)]) -> common::Run {
    let home = tempfile::tempdir().expect("a temporary HOME");
    let mut command = common::command(binary(), lang);
    command.args(args).env("HOME", home.path()).current_dir(home.path());
    for (name, value) in env {
        command.env(name, OsString::from(value));
    }
    common::finish(command)
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

    let german = run(&["--help"], "de_AT.UTF-8", &[]);
    assert_eq!(german.code, Some(0), "stderr: {}", german.stderr);
    assert!(
        german.stdout.contains("Aufruf:") && german.stdout.contains("BEZWAAR_TODAY"),
        "{}",
        german.stdout
    );
    assert!(!german.stdout.contains("Usage:") && !german.stdout.contains("Gebruik:"), "{}", german.stdout);
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
    let say = Say::nl();
    let mut tui = Tui::spawn(Options::dutch().silent().env("BROWSER", browser.path()));
    to_platform_list(&mut tui, &say);
    to_first_step(&mut tui, &say, 1, "instagram");
    tui.send("o");
    assert_eq!(browser.arguments(TIMEOUT), [INSTAGRAM_FORM]);
    tui.wait_for(&say.first(&say.texts().steps.status.opened), TIMEOUT);
    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
}

/// `bezwaar status --json` on a record file, as a script would run it.
fn status_json(record: &std::path::Path) -> serde_json::Value {
    let output = common::command(binary(), "en_US.UTF-8")
        .args(["status", "--json", "--data-file"])
        .arg(record)
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
    let say = Say::nl();
    let texts = say.texts();
    let today = common::TODAY;

    let mut tui = Tui::spawn(options());
    to_platform_list(&mut tui, &say);
    assert!(row_with(&tui, "1  Instagram").starts_with("› 1  Instagram"));
    tui.send(ENTER);
    tui.wait_for(&say.step("instagram", 1), TIMEOUT);
    tui.send(&RIGHT.repeat(4));
    tui.wait_for(&say.step("instagram", 5), TIMEOUT);
    tui.send("m");
    tui.wait_for(&say.marked("instagram", today), TIMEOUT);

    // While this wizard runs, a second one can mark too.
    let mut second = Tui::spawn(options());
    to_platform_list(&mut second, &say);
    to_last_step(&mut second, &say, 6, "gemini");
    second.send("m");
    second.wait_for(&say.marked("gemini", today), TIMEOUT);
    quit(&mut second);
    // The first window shows it at the next key, and says why the record changed.
    tui.send("p");
    let screen = tui.wait_for(&say.first(&texts.record.changed_elsewhere_here), TIMEOUT);
    assert!(!row_with(&tui, "Google Gemini").contains(&texts.record.not_yet), "{screen}");

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
    to_platform_list(&mut again, &say);
    let rows = again.rows();
    let instagram = rows.iter().position(|row| row.contains("1  Instagram")).unwrap();
    let submitted = bezwaar::content::fill(
        &texts.record.submitted,
        &[("date", &texts.date(bezwaar::dates::parse(today).unwrap()))],
    );
    assert!(rows[instagram + 1].contains(&format!("✓ {submitted}")), "{}", rows.join("\n"));
    let facebook = rows.iter().position(|row| row.contains("2  Facebook")).unwrap();
    assert!(rows[facebook + 1].contains(&texts.record.not_yet), "{}", rows.join("\n"));

    // Facebook, then a second Facebook account from the overview.
    to_last_step(&mut again, &say, 2, "facebook");
    again.send(RIGHT);
    again.wait_for(&say.done("facebook"), TIMEOUT);
    again.send("m");
    again.wait_for(&say.marked("facebook", today), TIMEOUT);
    again.send("p");
    again.wait_for(&texts.overview.title, TIMEOUT);
    again.send("\x1b[B");
    again.wait_until("Facebook selected", TIMEOUT, |screen| screen.contains("› Facebook "));
    again.send("a");
    again.wait_for(&bezwaar::content::fill(&texts.editor.new_title, &[("platform", "Facebook")]), TIMEOUT);
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

/// A terminal's own colours, for cells that name none: light text on a dark background (the
/// usual terminal, and PuTTY's and most SSH clients' default), or dark on light.
#[derive(Debug, Clone, Copy)]
enum Palette {
    Dark,
    Light,
}

/// The brightness (0 dark, 255 light) a terminal with `palette` shows for `colour`.
fn brightness(colour: vt100::Color, default: u8) -> u8 {
    match colour {
        vt100::Color::Default => default,
        vt100::Color::Idx(0 | 8) => 0,
        vt100::Color::Idx(7 | 15) => 255,
        // The other colours are only in the text around the code.
        _ => 128,
    }
}

/// Decodes the QR code on the screen as a terminal with `palette` shows it.
fn scan(screen: &vt100::Screen, palette: Palette) -> Option<String> {
    let (default_fg, default_bg) = match palette {
        Palette::Dark => (255, 0),
        Palette::Light => (0, 255),
    };
    let (rows, cols) = screen.size();
    let (rows, cols) = (usize::from(rows.get()), usize::from(cols.get()));
    common::scan_qr(cols, rows, false, |col, row| match screen.cell(row as u16, col as u16) {
        Some(cell) => common::Seen {
            symbol: cell.contents().to_owned(),
            fg: brightness(cell.fgcolor(), default_fg),
            bg: brightness(cell.bgcolor(), default_bg),
            reversed: cell.inverse(),
        },
        None => common::Seen { symbol: String::new(), fg: default_bg, bg: default_bg, reversed: false },
    })
}

/// Walks to Instagram's first step, opens the QR code and returns once it is drawn.
fn show_the_qr_code(options: Options) -> Tui {
    let say = Say::nl();
    let mut tui = Tui::spawn(options);
    to_platform_list(&mut tui, &say);
    to_first_step(&mut tui, &say, 1, "instagram");
    tui.send("r");
    tui.wait_for(&say.texts().qr.title, TIMEOUT);
    tui
}

/// Under NO_COLOR no colour reaches the terminal, and the QR code is still a code: drawn in the
/// terminal's own two colours, it scans as dark on light where the terminal is light on dark.
#[test]
fn the_qr_code_scans_from_a_terminal_that_shows_no_colours() {
    let mut tui = show_the_qr_code(Options::dutch().env("NO_COLOR", "1"));
    tui.with_screen(|screen| {
        let (rows, cols) = screen.size();
        for (row, col) in (0..rows.get()).flat_map(|row| (0..cols.get()).map(move |col| (row, col))) {
            let cell = screen.cell(row, col).expect("a cell");
            assert_eq!(
                (cell.fgcolor(), cell.bgcolor()),
                (vt100::Color::Default, vt100::Color::Default),
                "no colour under NO_COLOR, at row {row}, column {col}"
            );
        }
        assert_eq!(scan(screen, Palette::Dark).as_deref(), Some(INSTAGRAM_FORM), "light text on dark");
    });
    quit(&mut tui);
}

/// In colour the code is black and white whatever the terminal's own colours are.
#[test]
fn the_qr_code_scans_from_a_colour_terminal_dark_or_light() {
    let mut tui = show_the_qr_code(Options::dutch());
    tui.with_screen(|screen| {
        for palette in [Palette::Dark, Palette::Light] {
            assert_eq!(scan(screen, palette).as_deref(), Some(INSTAGRAM_FORM), "{palette:?}");
        }
    });
    quit(&mut tui);
}

#[test]
fn b_writes_the_letter_to_a_new_file_in_home_and_c_copies_it() {
    let say = Say::nl();
    let mut tui = Tui::spawn(Options::dutch());
    to_platform_list(&mut tui, &say);
    to_last_step(&mut tui, &say, 1, "instagram");
    tui.send("b");
    let letter = &say.texts().letter;
    tui.wait_for(&letter.form_email, TIMEOUT);
    // Typed as a person types, with the letters of the wizard's keys among them.
    tui.send("Anna de Vries\tanna@example.org");
    tui.wait_for("anna@example.org", TIMEOUT);
    tui.send(ENTER);
    let file = tui.home.path().join("bezwaar-brief-instagram-2026-11-29.txt");
    let screen = tui.wait_for(&letter.written_here, TIMEOUT);
    assert!(screen.contains(&file.display().to_string()), "{screen}");
    let text = std::fs::read_to_string(&file).expect("the letter is in HOME");
    assert!(
        text.starts_with("Anna de Vries\nanna@example.org\n\nMeta Platforms Ireland Limited\n"),
        "{text}"
    );
    assert!(text.contains("English version of the letter above"), "{text}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(!tui.home.path().join(".local/share/bezwaar/record.json").exists(), "nothing was marked");

    tui.send("c");
    tui.wait_for(&say.first(&letter.copied), TIMEOUT);
    let clipboard = tui.clipboard();
    assert_eq!(clipboard.len(), 1, "one clipboard write: {clipboard:?}");
    assert_eq!(clipboard[0].1, base64(text.as_bytes()).into_bytes(), "the letter, as written");
    tui.send(ESC);
    tui.wait_gone(&letter.written_here, TIMEOUT);
    tui.wait_for(&say.step("instagram", 5), TIMEOUT);
    quit(&mut tui);
    tui.assert_terminal_restored();
}

//! The command line's conventions, tried with the tools a person uses them with: bash completes
//! from what `bezwaar completions bash` prints, groff renders `bezwaar manpage` without a
//! warning, and `bezwaar guide` reads answers typed line by line, as a screen reader user types
//! them.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod common;

fn bezwaar(lang: &str, args: &[&str]) -> String {
    let output = common::command(common::binary(), lang).args(args).output().expect("bezwaar runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// What bash offers after `line`, using the completion bezwaar printed.
fn complete(script: &str, line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let program = format!(
        "{script}\nCOMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT={point}\n\
         _bezwaar bezwaar '{current}' '{previous}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(" "),
        cword = words.len() - 1,
        point = line.len(),
        current = words[words.len() - 1],
        previous = words[words.len().saturating_sub(2)],
    );
    let output =
        Command::new("bash").args(["--norc", "--noprofile", "-c", &program]).output().expect("bash runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn bash_completes_commands_and_options_from_what_bezwaar_prints() {
    let script = bezwaar("nl_NL.UTF-8", &["completions", "bash"]);
    let offered = complete(&script, "bezwaar ma");
    assert_eq!(offered, ["mark", "manpage"], "{offered:?}");
    let offered = complete(&script, "bezwaar mark --d");
    assert!(
        offered.contains(&"--date".to_owned()) && offered.contains(&"--data-file".to_owned()),
        "{offered:?}"
    );
    let offered = complete(&script, "bezwaar completions ");
    for shell in ["bash", "zsh", "fish"] {
        assert!(offered.contains(&shell.to_owned()), "{shell} in {offered:?}");
    }
}

#[test]
fn the_manual_page_renders_without_a_warning_in_every_language() {
    for (lang, heading, mark) in [
        ("nl_NL.UTF-8", "BESCHRIJVING", "Markeer een bezwaar"),
        ("en_US.UTF-8", "DESCRIPTION", "Mark an objection"),
        ("de_DE.UTF-8", "BESCHREIBUNG", "Markiert einen Widerspruch"),
    ] {
        let page = bezwaar(lang, &["manpage"]);
        // -k reads the page as UTF-8, as man does (through preconv): German has ä, ö, ü and ß.
        let mut groff = Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-P-c", "-P-b", "-P-u"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("groff runs (the groff-base package)");
        groff.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
        let output = groff.wait_with_output().unwrap();
        let warnings = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success() && warnings.is_empty(), "{lang}: {warnings}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(!text.contains('Ã'), "{lang}: read as UTF-8:\n{text}");
        for expected in [heading, "BEZWAAR MARK", mark, "--data-file"] {
            assert!(text.contains(expected), "{lang}: {expected:?} in\n{text}");
        }
    }
}

#[test]
fn platforms_lists_chatgpt_and_claude_with_their_links_and_sources_in_every_language() {
    for (lang, unchecked, chatgpt_source, claude_source) in [
        (
            "nl_NL.UTF-8",
            "Niet gecontroleerd",
            "Bron: OpenAI, privacybeleid (EU), juli 2026",
            "28 augustus 2025",
        ),
        ("en_GB.UTF-8", "Not checked", "Source: OpenAI, EU privacy policy, July 2026", "28 August 2025"),
        (
            "de_DE.UTF-8",
            "Nicht geprüft",
            "Quelle: OpenAI, Datenschutzerklärung (EU), Juli 2026",
            "28. August 2025",
        ),
    ] {
        let list = bezwaar(lang, &["platforms"]);
        let entry = |id: &str| {
            let start = list.find(&format!(" ({id}): ")).unwrap_or_else(|| panic!("{id} missing: {list}"));
            list[start..].split("\n\n").next().unwrap().to_owned()
        };
        let chatgpt = entry("chatgpt");
        assert!(chatgpt.contains("\n   https://privacy.openai.com/\n"), "{chatgpt}");
        assert!(chatgpt.contains(unchecked) && chatgpt.contains(chatgpt_source), "{chatgpt}");
        let claude = entry("claude");
        assert!(claude.contains("\n   https://claude.ai/settings\n"), "{claude}");
        assert!(claude.contains(unchecked) && claude.contains(claude_source), "{claude}");
    }
}

/// `bezwaar guide ARGS` with `answers` typed, each followed by Enter, and then the end of input.
fn guide(lang: &str, record: &Path, args: &[&str], answers: &str) -> common::Run {
    let mut command = common::command(common::binary(), lang);
    command.env("BEZWAAR_DATA_FILE", record).arg("guide").args(args);
    command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("bezwaar runs");
    child.stdin.take().expect("stdin").write_all(answers.as_bytes()).expect("the answers are typed");
    common::Run::from(child.wait_with_output().expect("bezwaar ends"))
}

fn status(record: &Path) -> String {
    let mut command = common::command(common::binary(), "en_GB.UTF-8");
    command.env("BEZWAAR_DATA_FILE", record).arg("status");
    common::finish(command).expect(0, "status").stdout
}

#[test]
fn the_plain_guide_takes_a_screen_reader_user_from_the_warning_to_the_next_platform() {
    let say = [
        (
            "nl_NL.UTF-8",
            "\nj\n\nn\nq\n",
            "Dit is de link naar het bezwaarformulier van Instagram. Het is het formulier van Meta zelf.",
            "Instagram (je account) is gemarkeerd als verstuurd op 29 november 2026",
            "Heb je ook Facebook, en is dat niet gekoppeld aan dit account?",
            "De stappen voor Facebook:",
        ),
        (
            "en_GB.UTF-8",
            "\ny\n\nn\nq\n",
            "This is the link to Instagram's objection form. It is Meta's own form.",
            "Instagram (your account) is marked as submitted on 29 November 2026",
            "Do you also use Facebook, not linked to this account?",
            "The steps for Facebook:",
        ),
        (
            "de_DE.UTF-8",
            "\nj\n\nn\nq\n",
            "Das ist der Link zum Widerspruchsformular von Instagram. Es ist Metas eigenes Formular",
            "Instagram (Ihr Konto) ist jetzt markiert: abgeschickt am 29. November 2026",
            "Haben Sie auch ein Konto bei Facebook, das nicht mit diesem Konto verknüpft ist?",
            "Die Schritte für Facebook:",
        ),
    ];
    for (lang, answers, step_one, marked, next, facebook) in say {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("record.json");
        let run = guide(lang, &record, &[], answers).expect(0, lang);
        let text = &run.stdout;
        let step_one = text.split_once(step_one).map(|(_, after)| after).unwrap_or_default();
        assert!(
            step_one.split_once('\n').is_some_and(
                |(_, next)| next.starts_with("https://help.instagram.com/contact/767264225370182\n")
            ),
            "{lang}: the link on its own line right under step 1: {text}"
        );
        assert!(text.contains(marked) && text.contains(next), "{lang}: {text}");
        assert!(text.contains(facebook), "{lang}: {text}");
        assert!(text.contains("bezwaar mark facebook"), "{lang}: Facebook not remembered, and how to later");
        // After the steps of a Meta form, once each: the letter, for when the form does not work.
        assert_eq!(text.matches("bezwaar letter instagram --name").count(), 1, "{lang}: {text}");
        assert_eq!(text.matches("bezwaar letter facebook --name").count(), 1, "{lang}: {text}");
        for keys in ["Druk op o", "Press o", "Drücken Sie o", "muis", "mouse", "Maus"] {
            assert!(!text.contains(keys), "{lang}: {keys:?} in {text}");
        }
        assert!(!text.contains('\x1b') && run.stderr.is_empty(), "{run:#?}");
        assert!(
            status(&record)
                .starts_with("Instagram: submitted on 29 November 2026\nFacebook: not marked yet\n")
        );
    }
}

#[test]
fn guide_linkedin_starts_there_and_marks_a_setting_switched_off() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let run = guide("nl_NL.UTF-8", &record, &["linkedin"], "j\n").expect(0, "guide linkedin");
    let text = &run.stdout;
    assert!(
        text.contains("Ctrl-D stopt ook.\n\nDe stappen voor LinkedIn:\n"),
        "the steps right after the introduction: {text}"
    );
    assert!(!text.contains("Waarschuwing") && !text.contains("Wat staat er op het spel?"), "{text}");
    assert!(text.contains("LinkedIn (je account) is gemarkeerd als uitgezet op 29 november 2026"), "{text}");
    assert!(!text.contains("bezwaar letter"), "a setting has no letter: {text}");
    assert!(status(&record).contains("LinkedIn: switched off on 29 November 2026\n"));
}

#[test]
fn the_plain_guide_offers_to_try_again_while_another_bezwaar_holds_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    let lock = common::hold_lock(&record);
    let mut command = common::command(common::binary(), "en_GB.UTF-8");
    command.env("BEZWAAR_DATA_FILE", &record).args(["guide", "gemini"]);
    command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("bezwaar runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let (sender, said) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(count @ 1..) = stdout.read(&mut buffer) {
            let _ = sender.send(String::from_utf8_lossy(&buffer[..count]).into_owned());
        }
    });
    let mut text = String::new();
    let wait_for = |expected: &str, text: &mut String| {
        let start = Instant::now();
        while !text.contains(expected) {
            let left = common::TIMEOUT.saturating_sub(start.elapsed());
            match said.recv_timeout(left.max(Duration::from_millis(1))) {
                Ok(more) => text.push_str(&more),
                Err(_) => panic!("{expected:?} did not come: {text}"),
            }
        }
    };
    wait_for("Done with Google Gemini?", &mut text);
    stdin.write_all(b"y\n").unwrap();
    wait_for("Press Enter to try again. Type n to leave it, or q to stop.", &mut text);
    assert!(text.contains("did not finish within 5 seconds. Nothing changed."), "{text}");
    drop(lock);
    stdin.write_all(b"\nq\n").unwrap();
    drop(stdin);
    let status_code = child.wait().expect("bezwaar ends");
    reader.join().expect("the reader");
    text.extend(said.try_iter());
    assert!(status_code.success(), "{text}");
    assert!(
        text.contains("Google Gemini (your account) is marked as switched off on 29 November 2026"),
        "{text}"
    );
    assert_eq!(text.matches("did not finish within 5 seconds").count(), 1, "{text}");
}

/// Every text the content files hold, one a line: what a letter may say besides what the person
/// typed.
fn content_texts() -> String {
    fn collect(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(text) => {
                out.push_str(text);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
            serde_json::Value::Object(map) => map.values().for_each(|item| collect(item, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    for file in ["nl.json", "en.json", "catalogue.json"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content").join(file);
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        collect(&json, &mut out);
    }
    out
}

#[test]
fn the_letter_for_anna_is_in_dutch_with_english_after_it_and_holds_nothing_else_of_hers() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.json");
    // The record holds an account label and a note: neither belongs in a letter nobody asked
    // them for.
    std::fs::write(
        &record,
        r#"{"version": 2, "objections": [{"platform": "instagram", "account": "anna-werk",
        "submitted_on": "2026-11-20", "confirmation_on": null, "note": "geheime notitie"}]}"#,
    )
    .unwrap();
    let mut command = common::command(common::binary(), "nl_NL.UTF-8");
    command.env("BEZWAAR_DATA_FILE", &record).env("BEZWAAR_TODAY", "2026-12-02").args([
        "letter",
        "instagram",
        "--name",
        "Anna de Vries",
        "--email",
        "anna@example.org",
    ]);
    let run = common::finish(command).expect(0, "letter instagram");
    let letter = &run.stdout;
    let address = "Meta Platforms Ireland Limited\nATTN: Privacy Operations\nMerrion Road\nDublin 4\nD04 X2K5\nIreland\n";
    assert_eq!(letter.matches(address).count(), 2, "the address, in Dutch and in English: {letter}");
    let (dutch, english) = letter.split_once("English version of the letter above").expect("English after");
    // Read as a person reads it: where a line breaks does not matter.
    let flowing = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (dutch, english) = (flowing(dutch), flowing(english));
    for said in [
        "Naam: Anna de Vries",
        "E-mailadres: anna@example.org",
        "2 december 2026",
        "artikel 21, lid 1, AVG",
        "artikel 6, lid 1, onder f, AVG",
        "binnen één maand na ontvangst van deze brief",
        "artikel 12, lid 3, AVG",
        "Hieronder staat dezelfde brief in het Engels.",
    ] {
        assert!(dutch.contains(said), "{said:?} in {dutch}");
    }
    for said in [
        "Name: Anna de Vries",
        "E-mail address: anna@example.org",
        "2 December 2026",
        "Article 21(1) GDPR",
        "Article 6(1)(f) GDPR",
        "within one month of receiving this letter",
        "Article 12(3) GDPR",
    ] {
        assert!(english.contains(said), "{said:?} in {english}");
    }
    // Nothing else of hers: no profile name, no place, nothing from the record; every line is
    // the content's own words once her name, address and today's date are taken out.
    for absent in ["Profielnaam", "Profile name", "anna-werk", "geheime", "wachtwoord", "password"] {
        assert!(!letter.contains(absent), "{absent:?} in {letter}");
    }
    let texts = content_texts();
    for line in letter.lines() {
        let mut rest = line.to_owned();
        for typed in ["Anna de Vries", "anna@example.org", "2 december 2026", "2 December 2026"] {
            rest = rest.replace(typed, "");
        }
        let rest = rest.trim_matches(|c: char| c == '-' || c.is_whitespace());
        assert!(rest.is_empty() || texts.contains(rest), "{line:?} is not the content's: {letter}");
    }
    assert!(
        run.stderr.contains("geen enkele bron zegt dat Meta een brief behandelt zoals het formulier")
            && run.stderr.contains("bezwaar mark instagram --by-letter"),
        "the note goes to standard error: {run:#?}"
    );
    assert!(!letter.contains("Let op"), "standard output is the letter alone");

    // In English: the letter once.
    let mut command = common::command(common::binary(), "en_GB.UTF-8");
    command.env("BEZWAAR_DATA_FILE", &record).env("BEZWAAR_TODAY", "2026-12-02").args([
        "letter",
        "facebook",
        "--name",
        "Anna de Vries",
        "--email",
        "anna@example.org",
        "--out",
        "-",
    ]);
    let run = common::finish(command).expect(0, "letter facebook in English");
    assert_eq!(run.stdout.matches(address).count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("2 December 2026") && !run.stdout.contains("Engels"), "{}", run.stdout);

    // A setting has no letter.
    let mut command = common::command(common::binary(), "en_GB.UTF-8");
    command
        .env("BEZWAAR_DATA_FILE", &record)
        .args(["letter", "linkedin", "--name", "A", "--email", "a@b.nl"]);
    let run = common::finish(command).expect(2, "letter linkedin");
    assert!(run.stdout.is_empty() && run.stderr.contains("not one of Meta's forms"), "{run:#?}");
}

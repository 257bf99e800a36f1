//! The command line's conventions, tried with the tools a person uses them with: bash completes
//! from what `bezwaar completions bash` prints, and groff renders `bezwaar manpage` without a
//! warning.

use std::io::Write;
use std::process::{Command, Stdio};

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
fn the_manual_page_renders_without_a_warning_in_both_languages() {
    for (lang, heading, mark) in [
        ("nl_NL.UTF-8", "BESCHRIJVING", "Markeer een bezwaar"),
        ("en_US.UTF-8", "DESCRIPTION", "Mark an objection"),
    ] {
        let page = bezwaar(lang, &["manpage"]);
        let mut groff = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-P-c", "-P-b", "-P-u"])
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
        for expected in [heading, "BEZWAAR MARK", mark, "--data-file"] {
            assert!(text.contains(expected), "{lang}: {expected:?} in\n{text}");
        }
    }
}

//! Starting the person's browser with a link, and knowing whether it worked.
//!
//! `$BROWSER` is read as `man`, `xdg-open` and Python's `webbrowser` read it: a list of commands
//! separated by `:`, tried in turn until one succeeds. A command is split at spaces into a program
//! and its arguments and started directly, never through a shell. A command succeeds when it
//! exits with status 0; one that cannot be started or exits otherwise has failed, and the next is
//! tried. A browser that runs in the terminal (lynx, w3m) gets the terminal and is waited for
//! until the person leaves it; any other command is a launcher, waited for at most
//! [`LAUNCHER_PATIENCE`]: one still running then (a browser that keeps its window open) has
//! the link and counts as started.
//!
//! Without `$BROWSER`, the webbrowser crate finds the system's browser.

use std::io;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::text::{OsError, shown};

/// How long a launcher from `$BROWSER` may take to say whether it worked.
const LAUNCHER_PATIENCE: Duration = Duration::from_secs(5);

/// Browsers that run in the terminal, by program name (the webbrowser crate's list, and Debian's
/// name for the text browser it chose).
const TEXT_BROWSERS: &[&str] =
    &["lynx", "links", "links2", "elinks", "w3m", "eww", "netrik", "retawq", "curl", "www-browser"];

/// The longest command shown back in a message, in characters.
const SHOWN_CHARS: usize = 80;

/// Why one command did not open the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// It could not be started (not found, not allowed to run).
    NotStarted(OsError),
    /// It exited with this status.
    Exited(i32),
    /// It ended without an exit status (stopped by a signal), or its end could not be seen.
    NoStatus,
}

/// Why the link did not reach a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Every command of `$BROWSER` failed: each as written there (cleaned for showing), and why.
    Commands(Vec<(String, Failure)>),
    /// `$BROWSER` names no command, and no browser was found on this system.
    NoBrowser,
}

/// One command of `$BROWSER`, the link put in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// The command as written in `$BROWSER`, to name it in a message.
    pub written: String,
    pub program: String,
    pub args: Vec<String>,
}

/// The commands in a `$BROWSER` value for `url`: entries separated by `:`, each split at spaces
/// (no quoting). In an argument `%s` becomes the link, `%%` a `%` and `%c` a `:`; without a
/// `%s` the link is the last argument. Empty entries are skipped.
fn entries(browser: &str, url: &str) -> Vec<Entry> {
    browser
        .split(':')
        .filter_map(|written| {
            let mut has_url = false;
            let mut words = written.split_ascii_whitespace().map(|word| {
                let (expanded, with_url) = expand(word, url);
                has_url |= with_url;
                expanded
            });
            let program = words.next()?;
            let mut args: Vec<String> = words.collect();
            if !has_url {
                args.push(url.to_owned());
            }
            Some(Entry { written: shown(written, SHOWN_CHARS), program, args })
        })
        .collect()
}

/// `word` with its field codes expanded in one pass, and whether it held `%s`.
fn expand(word: &str, url: &str) -> (String, bool) {
    let mut out = String::with_capacity(word.len());
    let mut has_url = false;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => {
                out.push_str(url);
                has_url = true;
            }
            Some('c') => out.push(':'),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    (out, has_url)
}

/// Opens `url` with the browser `$BROWSER` names, or else with the one the system names.
pub fn open(url: &str) -> Result<(), OpenError> {
    let browser = std::env::var_os("BROWSER").map(|value| value.to_string_lossy().into_owned());
    let entries = entries(browser.as_deref().unwrap_or_default(), url);
    if entries.is_empty() {
        return webbrowser::open(url).map_err(|_| OpenError::NoBrowser);
    }
    try_in_turn(&entries, LAUNCHER_PATIENCE)
}

/// Whether opening a link may hand the terminal to a browser: `$BROWSER` names a text browser,
/// or names nothing (then the system's choice may be one).
pub fn may_take_terminal() -> bool {
    let browser = std::env::var_os("BROWSER").map(|value| value.to_string_lossy().into_owned());
    let entries = entries(browser.as_deref().unwrap_or_default(), "");
    entries.is_empty() || entries.iter().any(runs_in_terminal)
}

/// Whether an entry is a browser that runs in the terminal.
fn runs_in_terminal(entry: &Entry) -> bool {
    std::path::Path::new(&entry.program)
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| TEXT_BROWSERS.contains(&name))
}

/// Runs the entries in turn until one succeeds; waits for a launcher at most `patience`.
fn try_in_turn(entries: &[Entry], patience: Duration) -> Result<(), OpenError> {
    let mut failures = Vec::new();
    for entry in entries {
        match run(entry, patience) {
            Ok(()) => return Ok(()),
            Err(failure) => failures.push((entry.written.clone(), failure)),
        }
    }
    Err(OpenError::Commands(failures))
}

/// Runs one entry and says how it went.
fn run(entry: &Entry, patience: Duration) -> Result<(), Failure> {
    let in_terminal = runs_in_terminal(entry);
    let mut command = Command::new(&entry.program);
    command.args(&entry.args);
    if !in_terminal {
        // A launcher has no use for the terminal, and a browser left running must not write
        // into the wizard's screen once it is back.
        command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    }
    let mut child = command.spawn().map_err(|error| Failure::NotStarted(OsError::of(&error)))?;
    let status = if in_terminal { child.wait().map(Some) } else { wait_at_most(&mut child, patience) };
    match status {
        Ok(Some(status)) => outcome(status),
        Ok(None) => {
            // Still running: it has the link. Its exit is collected when it comes.
            let _ = thread::Builder::new().name("browser".into()).spawn(move || child.wait());
            Ok(())
        }
        Err(_) => Err(Failure::NoStatus),
    }
}

fn outcome(status: ExitStatus) -> Result<(), Failure> {
    match status.code() {
        Some(0) => Ok(()),
        Some(code) => Err(Failure::Exited(code)),
        None => Err(Failure::NoStatus),
    }
}

/// The child's exit status, or `None` when it is still running after `patience`.
fn wait_at_most(child: &mut Child, patience: Duration) -> io::Result<Option<ExitStatus>> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if start.elapsed() >= patience {
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::path::{Path, PathBuf};

    use super::*;

    const URL: &str = "https://help.instagram.com/contact/767264225370182";

    fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    /// A browser that writes each argument on its own line to `args` in `dir`, and exits 0.
    fn recorder(dir: &Path) -> PathBuf {
        let out = dir.join("args");
        script(
            dir,
            "recorder",
            &format!("for arg in \"$@\"; do printf '%s\\n' \"$arg\"; done > '{}'", out.display()),
        )
    }

    fn recorded(dir: &Path) -> Vec<String> {
        std::fs::read_to_string(dir.join("args")).unwrap().lines().map(str::to_owned).collect()
    }

    #[test]
    fn entries_split_at_colons_and_spaces_and_take_the_link_once() {
        let entries = entries("firefox:  :w3m -o x:chromium --app=%s --x=%%%c::", URL);
        let argv: Vec<(&str, Vec<&str>)> = entries
            .iter()
            .map(|e| (e.program.as_str(), e.args.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            argv,
            [
                ("firefox", vec![URL]),
                ("w3m", vec!["-o", "x", URL]),
                ("chromium", vec![format!("--app={URL}").as_str(), "--x=%:"]),
            ]
        );
        assert_eq!(entries[1].written, "w3m -o x");
        assert!(super::entries("", URL).is_empty());
        assert!(super::entries(" : ", URL).is_empty());
    }

    #[test]
    fn a_link_with_a_percent_sign_is_put_in_as_it_is() {
        let url = "https://www.facebook.com/help/a%2Fb";
        assert_eq!(entries("open --url=%s", url)[0].args, [format!("--url={url}")]);
    }

    #[test]
    fn after_a_failing_browser_the_next_gets_the_exact_link() {
        let dir = tempfile::tempdir().unwrap();
        let failing = script(dir.path(), "failing", "exit 1");
        let recorder = recorder(dir.path());
        let list = format!("{}:{}", failing.display(), recorder.display());
        assert_eq!(try_in_turn(&entries(&list, URL), LAUNCHER_PATIENCE), Ok(()));
        assert_eq!(recorded(dir.path()), [URL]);
    }

    #[test]
    fn every_failure_is_kept_with_its_command() {
        let dir = tempfile::tempdir().unwrap();
        let failing = script(dir.path(), "failing", "exit 3");
        let killed = script(dir.path(), "killed", "kill -9 $$");
        let missing = dir.path().join("missing");
        let list = format!("{} --new-tab:{}:{}", failing.display(), killed.display(), missing.display());
        let Err(OpenError::Commands(failures)) = try_in_turn(&entries(&list, URL), LAUNCHER_PATIENCE) else {
            panic!("every command failed")
        };
        let commands: Vec<&str> = failures.iter().map(|(command, _)| command.as_str()).collect();
        let written = [
            format!("{} --new-tab", failing.display()),
            killed.display().to_string(),
            missing.display().to_string(),
        ];
        assert_eq!(commands, written);
        assert_eq!(failures[0].1, Failure::Exited(3));
        assert_eq!(failures[1].1, Failure::NoStatus);
        assert!(matches!(&failures[2].1, Failure::NotStarted(error) if error.detail.contains("os error 2")));
    }

    #[test]
    fn a_launcher_still_running_after_the_wait_has_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let slow = script(dir.path(), "slow", "sleep 2");
        let start = Instant::now();
        assert_eq!(
            try_in_turn(&entries(&slow.display().to_string(), URL), Duration::from_millis(100)),
            Ok(())
        );
        assert!(start.elapsed() < Duration::from_secs(1), "not waited for to the end");
    }

    #[test]
    fn a_text_browser_is_waited_for_until_it_exits() {
        let dir = tempfile::tempdir().unwrap();
        let w3m = script(dir.path(), "w3m", "sleep 0.3; exit 4");
        let result = try_in_turn(&entries(&w3m.display().to_string(), URL), Duration::from_millis(50));
        assert_eq!(result, Err(OpenError::Commands(vec![(w3m.display().to_string(), Failure::Exited(4))])));
    }
}

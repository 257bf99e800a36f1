//! The terminal is given back after a panic, SIGTERM and SIGHUP: `stty -g` of the
//! pseudo-terminal after bezwaar ends equals its value before bezwaar started, the alternate
//! screen was left and the cursor is visible again.

mod common;

use std::fs;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::{Options, Say, TIMEOUT, Tui};

/// Runs bezwaar from a shell in the pty, with `stty -g` taken before and after.
const SCRIPT: &str =
    r#"stty -g > "$D/before"; "$BIN"; echo $? > "$D/code"; stty -g > "$D/after"; echo ALL-DONE"#;

/// The wizard's pid: the shell's only child.
fn child_of(shell: u32) -> u32 {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let children = fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.parse().unwrap();
        }
        assert!(Instant::now() < deadline, "the shell started no child");
        thread::sleep(Duration::from_millis(10));
    }
}

fn check(options: Options, dir: &tempfile::TempDir, fault: impl FnOnce(&mut Tui), code: &str) {
    let mut tui = Tui::spawn(options.shell(SCRIPT).env("D", dir.path()));
    fault(&mut tui);
    tui.wait_for("ALL-DONE", TIMEOUT);
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap().trim().to_owned();
    assert_eq!(read("code"), code, "{}", tui.failure("exit code"));
    let before = read("before");
    assert!(before.contains(':'), "stty -g gave {before:?}");
    assert_eq!(read("after"), before, "{}", tui.failure("stty -g differs after the fault"));
    tui.assert_terminal_restored();
}

#[test]
fn a_panic_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    check(Options::english().env("BEZWAAR_TEST_PANIC", "1"), &dir, |_| {}, "101");
}

/// Sends `signal` to the wizard once its first frame shows.
fn signal(signal: &'static str) -> impl FnOnce(&mut Tui) {
    move |tui: &mut Tui| {
        tui.wait_for(&Say::en().warning(), TIMEOUT);
        let pid = child_of(tui.pid());
        Command::new("/bin/sh").arg("-c").arg(format!("kill -s {signal} {pid}")).status().unwrap();
    }
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    check(Options::english(), &dir, signal("TERM"), "143");
}

#[test]
fn sighup_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    check(Options::english(), &dir, signal("HUP"), "129");
}

#[test]
fn quitting_gives_the_terminal_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let fault = |tui: &mut Tui| {
        tui.wait_for(&Say::en().warning(), TIMEOUT);
        tui.send("q");
    };
    check(Options::english(), &dir, fault, "0");
}

//! bezwaar never talks to the network itself: a whole walkthrough (open the form, copy the
//! link, mark it, quit) under `strace -f` makes no internet socket and no connect(2) at all, in
//! bezwaar or in anything it starts. `.ci/run` installs strace where it is missing.

mod common;

use std::fs;
use std::path::Path;

use common::{ENTER, FakeBrowser, Options, RIGHT, Say, TIMEOUT, Tui};

fn strace() -> &'static str {
    let found = ["/usr/bin/strace", "/bin/strace"].into_iter().find(|path| Path::new(path).exists());
    found.expect("strace is needed for this test: .ci/run installs it (apt-get install strace)")
}

#[test]
fn a_whole_walkthrough_opens_no_internet_socket_and_connects_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let browser = FakeBrowser::new();
    let script =
        format!(r#"{} -f -qq -e trace=socket,connect,execve -o "$D/trace" "$BIN"; echo ALL-DONE"#, strace());
    let options = Options::english()
        .shell(&script)
        .env("D", dir.path())
        .env("BROWSER", browser.path())
        .env("BEZWAAR_DATA_FILE", dir.path().join("record.json"));
    let say = Say::en();
    let status = &say.texts().steps.status;
    let mut tui = Tui::spawn(options);
    common::to_platform_list(&mut tui, &say);
    tui.send(ENTER);
    tui.wait_for(&say.step("instagram", 1), TIMEOUT);
    tui.send("o");
    tui.wait_for(&say.first(&status.opened), TIMEOUT);
    tui.send("c");
    tui.wait_for(&say.first(&status.copied), TIMEOUT);
    tui.send(&RIGHT.repeat(4));
    tui.wait_for(&say.step("instagram", 5), TIMEOUT);
    tui.send("m");
    tui.wait_for(&say.marked("instagram", common::TODAY), TIMEOUT);
    tui.send("q");
    tui.wait_for("ALL-DONE", TIMEOUT);

    assert_eq!(browser.arguments(TIMEOUT), ["https://help.instagram.com/contact/767264225370182"]);
    let trace = fs::read_to_string(dir.path().join("trace")).unwrap();
    let execs = trace.lines().filter(|line| line.contains("execve(")).count();
    assert!(execs >= 2, "strace followed bezwaar and the browser it started:\n{trace}");
    let network: Vec<&str> = trace
        .lines()
        .filter(|line| line.contains("connect(") || line.contains("AF_INET") || line.contains("AF_INET6"))
        .collect();
    assert!(network.is_empty(), "network calls:\n{}", network.join("\n"));
    assert!(fs::read_to_string(dir.path().join("record.json")).unwrap().contains("instagram"));
}

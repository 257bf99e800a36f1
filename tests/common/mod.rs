//! One harness for everything that runs the real binary: the end-to-end tests, the fault tests
//! and the benchmark (`examples/bench.rs` includes this file). The wizard runs in a real
//! pseudo-terminal; commands run with the same clean environment; and what the tests wait for is
//! taken from bezwaar's own content files ([`Say`]), not copied into the tests.
//!
//! A reader thread drains the pty master continuously into a shared [`vt100::Parser`] and keeps
//! every raw byte, so the child never blocks on a full pty buffer and the tests can look both at
//! the screen as a person would see it and at the escape sequences that were written.

#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use bezwaar::content::{Content, Lang, Texts, fill};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

/// Generous, for slow CI machines: passing tests never wait this long.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(15);

/// How long the output must be quiet for a frame to count as complete.
const SETTLE: Duration = Duration::from_millis(40);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const RIGHT: &str = "\x1b[C";

/// The date the tests pretend it is: 551 days after the deadline of 27 May 2025.
pub const TODAY: &str = "2026-11-29";

/// The built binary, by absolute path (for the tests; the benchmark names the binary it built).
pub fn binary() -> PathBuf {
    match option_env!("CARGO_BIN_EXE_bezwaar") {
        Some(path) => PathBuf::from(path),
        None => panic!("only cargo test builds the binary for the tests"),
    }
}

/// What a finished command printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts the exit code, and that nothing panicked, whatever the code.
    #[track_caller]
    pub fn expect(self, code: i32, what: &str) -> Run {
        assert!(!self.stderr.contains("panicked"), "{what}: bezwaar panicked: {self:#?}");
        assert_eq!(self.code, Some(code), "{what}: unexpected exit: {self:#?}");
        self
    }
}

/// Runs `command` to its end, within [`TIMEOUT`], with its output captured.
pub fn finish(mut command: std::process::Command) -> Run {
    use std::io::Read as _;
    command.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"));
    let (mut stdout, mut stderr) =
        (child.stdout.take().expect("stdout"), child.stderr.take().expect("stderr"));
    // Read while it runs, so that a large output never blocks it.
    let out = thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stdout.read_to_end(&mut text);
        text
    });
    let err = thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stderr.read_to_end(&mut text);
        text
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not exit within {TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(5));
    };
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    Run {
        code: status.code(),
        stdout: text(out.join().expect("the stdout reader")),
        stderr: text(err.join().expect("the stderr reader")),
    }
}

/// A command with the environment every run of the binary gets: nothing inherited but `PATH`,
/// the language `lang`, today's date [`TODAY`], and no input.
pub fn command(program: impl AsRef<OsStr>, lang: &str) -> std::process::Command {
    let mut command = std::process::Command::new(program);
    command
        .env_clear()
        .env("PATH", inherited_path())
        .env("LANG", lang)
        .env("BEZWAAR_TODAY", TODAY)
        .stdin(std::process::Stdio::null());
    command
}

/// The `PATH` the tests run with.
pub fn inherited_path() -> OsString {
    std::env::var_os("PATH").unwrap_or_else(|| OsString::from("/usr/bin:/bin"))
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

fn non_zero(value: u16) -> NonZeroU16 {
    NonZeroU16::new(value).expect("a pty is at least 1x1")
}

/// How to start the wizard.
pub struct Options {
    /// The program to start; bezwaar as `cargo test` built it when not given.
    pub binary: Option<PathBuf>,
    /// `LANG`, e.g. `nl_NL.UTF-8`.
    pub lang: &'static str,
    pub args: Vec<String>,
    /// Extra variables, or replacements for the defaults (`PATH` among them).
    pub env: Vec<(String, OsString)>,
    pub cols: u16,
    pub rows: u16,
    /// Whether the terminal answers cursor-position queries, as real terminals do.
    pub answers_queries: bool,
    /// A `/bin/sh -c` script to run instead of the binary; it finds the binary in `$BIN`.
    pub shell: Option<String>,
}

impl Options {
    pub fn new(lang: &'static str) -> Options {
        Options {
            binary: None,
            lang,
            args: Vec::new(),
            env: Vec::new(),
            cols: 80,
            rows: 24,
            answers_queries: true,
            shell: None,
        }
    }

    pub fn dutch() -> Options {
        Options::new("nl_NL.UTF-8")
    }

    pub fn english() -> Options {
        Options::new("en_US.UTF-8")
    }

    pub fn german() -> Options {
        Options::new("de_DE.UTF-8")
    }

    pub fn arg(mut self, arg: &str) -> Options {
        self.args.push(arg.to_owned());
        self
    }

    /// A terminal that never answers queries (some serial consoles and minimal emulators).
    pub fn silent(mut self) -> Options {
        self.answers_queries = false;
        self
    }

    /// Runs `script` with `/bin/sh -c` in the pty instead of the binary (`$BIN` names it).
    pub fn shell(mut self, script: &str) -> Options {
        self.shell = Some(script.to_owned());
        self
    }

    pub fn env(mut self, name: &str, value: impl AsRef<OsStr>) -> Options {
        self.env.push((name.to_owned(), value.as_ref().to_owned()));
        self
    }
}

/// What the fake terminal does besides drawing: it answers the queries a real terminal answers
/// (ratatui asks for the cursor position after the browser returns, and crossterm gives up
/// after two seconds without an answer), and it remembers what was sent to the clipboard.
pub struct Terminal {
    /// Whether queries are answered at all.
    answers_queries: bool,
    /// Answers not yet written back to the child.
    answers: Vec<u8>,
    /// Each OSC 52 clipboard write: the selection and the base64 data.
    pub clipboard: Vec<(Vec<u8>, Vec<u8>)>,
}

impl vt100::Callbacks for Terminal {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if !self.answers_queries || i1.is_some() || c != 'n' {
            return;
        }
        match params {
            [[6]] => {
                let (row, col) = screen.cursor_position();
                self.answers.extend(format!("\x1b[{};{}R", row + 1, col + 1).bytes());
            }
            [[5]] => self.answers.extend(b"\x1b[0n"),
            _ => {}
        }
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8], data: &[u8]) {
        self.clipboard.push((ty.to_vec(), data.to_vec()));
    }
}

type Parser = vt100::Parser<Terminal>;
type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// The wizard running in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Writer>,
    parser: Arc<Mutex<Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// When the last bytes of output arrived.
    last: Arc<Mutex<Option<Instant>>>,
    /// Says when the reader thread saw the end of the output.
    reader_done: Receiver<()>,
    finished: bool,
    status: Option<ExitStatus>,
    /// The child's `HOME`; removed when the test ends.
    pub home: TempDir,
}

impl Tui {
    /// Starts `bezwaar` in an 80x24 pty with a controlled environment: nothing is inherited but
    /// `PATH`; `HOME` is a fresh temporary directory.
    pub fn spawn(options: Options) -> Tui {
        let home = tempfile::tempdir().expect("a temporary HOME");
        let pty = native_pty_system().openpty(size(options.cols, options.rows)).expect("a pty");

        let program = options.binary.clone().unwrap_or_else(binary);
        let mut command = match &options.shell {
            Some(script) => {
                let mut command = CommandBuilder::new("/bin/sh");
                command.args(["-c", script]);
                command
            }
            None => CommandBuilder::new(&program),
        };
        command.args(options.args);
        command.env_clear();
        command.env("PATH", inherited_path());
        command.env("HOME", home.path());
        command.env("TERM", "xterm-256color");
        command.env("LANG", options.lang);
        command.env("BEZWAAR_TODAY", TODAY);
        command.env("BIN", &program);
        for (name, value) in options.env {
            command.env(name, value);
        }
        command.env_remove("LC_ALL");
        command.env_remove("LC_MESSAGES");
        command.cwd(home.path());

        let child = pty.slave.spawn_command(command).expect("bezwaar starts in the pty");
        // Only the child holds the slave now: when it exits, reading the master ends.
        drop(pty.slave);

        let mut reader = pty.master.try_clone_reader().expect("a pty reader");
        let writer: Writer = Arc::new(Mutex::new(pty.master.take_writer().expect("a pty writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            non_zero(options.rows),
            non_zero(options.cols),
            0,
            Terminal { answers_queries: options.answers_queries, answers: Vec::new(), clipboard: Vec::new() },
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let last = Arc::new(Mutex::new(None));
        let (done, reader_done) = mpsc::channel();
        {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            let last = Arc::clone(&last);
            let writer = Arc::clone(&writer);
            thread::Builder::new()
                .name("pty-reader".into())
                .spawn(move || {
                    let mut buffer = [0u8; 8192];
                    loop {
                        match reader.read(&mut buffer) {
                            // EOF, or EIO on Linux once the child (the last slave) is gone.
                            Ok(0) => break,
                            Ok(n) => {
                                lock(&raw).extend_from_slice(&buffer[..n]);
                                *lock(&last) = Some(Instant::now());
                                let answers = {
                                    let mut parser = lock(&parser);
                                    parser.process(&buffer[..n]);
                                    std::mem::take(&mut parser.callbacks_mut().answers)
                                };
                                if !answers.is_empty() {
                                    let mut writer = lock(&writer);
                                    let _ = writer.write_all(&answers).and_then(|()| writer.flush());
                                }
                            }
                            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                            Err(_) => break,
                        }
                    }
                    let _ = done.send(());
                })
                .expect("the reader thread starts");
        }

        Tui {
            child,
            master: Some(pty.master),
            writer: Some(writer),
            parser,
            raw,
            last,
            reader_done,
            finished: false,
            status: None,
            home,
        }
    }

    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// The screen's rows, without trailing blanks.
    pub fn rows(&self) -> Vec<String> {
        let parser = lock(&self.parser);
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.get()).map(|row| row.trim_end().to_owned()).collect()
    }

    /// The OSC 52 clipboard writes so far: (selection, base64 data).
    pub fn clipboard(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        lock(&self.parser).callbacks().clipboard.clone()
    }

    /// Whether the terminal is on its alternate screen.
    pub fn alternate_screen(&self) -> bool {
        lock(&self.parser).screen().alternate_screen()
    }

    /// Reads something off the screen as the terminal shows it now.
    pub fn with_screen<T>(&self, read: impl FnOnce(&vt100::Screen) -> T) -> T {
        read(lock(&self.parser).screen())
    }

    /// When the last bytes of output arrived, if any did.
    pub fn last_output(&self) -> Option<Instant> {
        *lock(&self.last)
    }

    /// How many bytes the child wrote so far.
    pub fn bytes(&self) -> usize {
        lock(&self.raw).len()
    }

    /// Every byte the child wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Whether the child is still running.
    pub fn running(&mut self) -> bool {
        if self.status.is_some() {
            return false;
        }
        match self.child.try_wait().expect("try_wait") {
            Some(status) => {
                self.status = Some(status);
                false
            }
            None => true,
        }
    }

    /// Types `keys` as a person would.
    pub fn send(&mut self, keys: &str) {
        let mut writer = lock(self.writer.as_ref().expect("the pty is open"));
        writer.write_all(keys.as_bytes()).expect("writing to the pty");
        writer.flush().expect("flushing the pty");
    }

    /// Resizes the terminal; the child gets SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The parser first, so that every byte after the resize is read at the new size.
        lock(&self.parser).set_size(non_zero(rows), non_zero(cols));
        self.master.as_ref().expect("the pty is open").resize(size(cols, rows)).expect("resizing the pty");
    }

    /// Waits until `check` holds for the screen; panics with the screen after `timeout`.
    /// Waits until `check` holds for a stable frame: a frame arrives in pieces, so the screen
    /// must also have stopped changing for a moment before the rest of it is trusted.
    pub fn wait_until(&mut self, what: &str, timeout: Duration, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                let seen = lock(&self.raw).len();
                thread::sleep(SETTLE);
                if lock(&self.raw).len() == seen {
                    return self.screen();
                }
                continue;
            }
            assert!(
                start.elapsed() <= timeout,
                "{}",
                self.failure(&format!("timed out after {timeout:?} waiting for {what}"))
            );
            if !self.running() {
                // The last bytes may still be on their way to the parser.
                let _ = self.reader_done.recv_timeout(Duration::from_secs(2));
                let screen = self.screen();
                if check(&screen) {
                    return screen;
                }
                panic!("{}", self.failure(&format!("bezwaar exited while waiting for {what}")));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows `text`; returns the screen.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?} on screen"), timeout, |screen| screen.contains(text))
    }

    /// Waits until the screen no longer shows `text`; returns the screen.
    pub fn wait_gone(&mut self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?} to leave the screen"), timeout, |screen| !screen.contains(text))
    }

    /// Waits for the child to exit and for the reader to have seen its last byte.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        while self.running() {
            assert!(
                start.elapsed() <= timeout,
                "{}",
                self.failure(&format!("bezwaar did not exit within {timeout:?}"))
            );
            thread::sleep(POLL);
        }
        if !self.finished {
            let left = timeout.saturating_sub(start.elapsed()).max(Duration::from_secs(2));
            self.reader_done.recv_timeout(left).expect("the pty output ends after the child exits");
            self.finished = true;
        }
        self.status.clone().expect("the child exited")
    }

    /// A failure message with the state of things.
    pub fn failure(&self, message: &str) -> String {
        let status = match &self.status {
            Some(status) => format!("exited: {status:?}"),
            None => "still running".to_owned(),
        };
        let raw = self.raw();
        let tail = &raw[raw.len().saturating_sub(600)..];
        format!(
            "{message}\nbezwaar is {status}\n--- screen ---\n{}\n--- end of screen ---\nlast raw bytes: {:?}",
            self.rows().join("\n"),
            String::from_utf8_lossy(tail),
        )
    }

    /// Asserts that the terminal was given back: the last alternate-screen entry is followed by
    /// a leave, the last cursor hide by a show, and the parser is on the main screen.
    pub fn assert_terminal_restored(&mut self) {
        let raw = self.raw();
        let message = self.failure("the terminal was not given back");
        let enter = rfind(&raw, b"\x1b[?1049h").unwrap_or_else(|| panic!("never entered: {message}"));
        let leave = rfind(&raw, b"\x1b[?1049l").unwrap_or_else(|| panic!("never left: {message}"));
        assert!(leave > enter, "the alternate screen was entered again and not left: {message}");
        let show = rfind(&raw, b"\x1b[?25h").unwrap_or_else(|| panic!("cursor never shown: {message}"));
        if let Some(hide) = rfind(&raw, b"\x1b[?25l") {
            assert!(show > hide, "the cursor was hidden and not shown again: {message}");
        }
        assert!(!self.alternate_screen(), "vt100 is still on the alternate screen: {message}");
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave the child running, nor hang on the reader.
        if self.running() {
            let _ = self.child.kill();
            let start = Instant::now();
            while self.running() && start.elapsed() < Duration::from_secs(2) {
                thread::sleep(POLL);
            }
        }
        drop(self.writer.take());
        drop(self.master.take());
        // The reader thread ends on EIO/EOF; it is detached, never joined.
    }
}

/// What bezwaar says, taken from its own content files: tests wait for these, so that a change
/// of words changes the tests with them.
pub struct Say {
    content: Content,
    lang: Lang,
}

impl Say {
    pub fn nl() -> Say {
        Say { content: Content::embedded(Lang::Nl).expect("the content reads"), lang: Lang::Nl }
    }

    pub fn en() -> Say {
        Say { content: Content::embedded(Lang::En).expect("the content reads"), lang: Lang::En }
    }

    pub fn de() -> Say {
        Say { content: Content::embedded(Lang::De).expect("the content reads"), lang: Lang::De }
    }

    pub fn texts(&self) -> &Texts {
        self.content.texts(self.lang)
    }

    /// A platform's name, by its id.
    pub fn name(&self, id: &str) -> String {
        self.texts().platform_label(&self.content.catalogue, id).to_owned()
    }

    pub fn warning(&self) -> String {
        self.texts().warning.title.clone()
    }

    pub fn risks(&self) -> String {
        self.texts().risks.title.clone()
    }

    pub fn platforms(&self) -> String {
        self.texts().platforms.title.clone()
    }

    /// "Instagram: stap 1 van 5".
    pub fn step(&self, id: &str, step: usize) -> String {
        let values = [("platform", self.name(id)), ("n", step.to_string()), ("total", "5".to_owned())];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(&self.texts().steps.title, &values)
    }

    /// "Klaar met Facebook".
    pub fn done(&self, id: &str) -> String {
        fill(&self.texts().done.title, &[("platform", &self.name(id))])
    }

    /// The first sentence of the end screen's offer of the other platform.
    pub fn other_platform(&self, id: &str) -> String {
        // Up to the first comma: the part that names the platform, on one line.
        let offer = fill(&self.texts().done.other_platform, &[("platform", &self.name(id))]);
        offer.split(',').next().unwrap_or(&offer).to_owned()
    }

    /// The first sentence of what the notice says after a mark on `id`, sent on `date`.
    pub fn marked(&self, id: &str, date: &str) -> String {
        let texts = self.texts();
        let date = texts.date(bezwaar::dates::parse(date).expect("a date"));
        let setting =
            self.content.catalogue.platform(id).is_some_and(|p| p.kind == bezwaar::content::Kind::Setting);
        let status = fill(
            if setting { &texts.record.switched_off } else { &texts.record.submitted },
            &[("date", &date)],
        );
        head(&fill(&texts.record.marked_here, &[("platform", &self.name(id)), ("status", &status)]))
    }

    /// The first sentence of a notice, by what it says in the content: `opened`, `copied`, ...
    pub fn first(&self, text: &str) -> String {
        head(text)
    }

    /// The first sentence of what the notice says when every browser command failed (the
    /// rest wraps).
    pub fn browser_failed(&self) -> String {
        head(&self.texts().steps.status.browser_failed)
    }

    /// How the notice says that `command` exited with `code`.
    pub fn browser_exited(&self, command: &str, code: i32) -> String {
        let template = &self.texts().steps.status.browser_exited;
        fill(template, &[("command", command), ("code", &code.to_string())])
    }

    /// "De deadline was 27 mei 2025. Dat is 551 dagen geleden." for `days` after the deadline.
    pub fn passed(&self, days: i64) -> String {
        let texts = self.texts();
        let deadline = texts.date(self.content.catalogue.deadline);
        fill(texts.warning.passed.pick(days), &[("days", &days.to_string()), ("deadline", &deadline)])
    }

    /// What the too-small screen says, up to the size it names.
    pub fn too_small(&self) -> String {
        let text = &self.texts().app.too_small;
        text.split(':').next().unwrap_or(text).to_owned()
    }
}

/// The first sentence of a text, which fits on one row of the screen.
fn head(text: &str) -> String {
    text.split(". ").next().unwrap_or(text).trim_end_matches('.').to_owned()
}

/// Walks from the warning to the platform list; returns when the list shows.
pub fn to_platform_list(tui: &mut Tui, say: &Say) {
    tui.wait_for(&say.warning(), TIMEOUT);
    tui.send(ENTER);
    tui.wait_for(&say.risks(), TIMEOUT);
    tui.send(ENTER);
    tui.wait_for(&say.platforms(), TIMEOUT);
}

/// From the platform list, chooses the platform with this number; returns at its first step.
pub fn to_first_step(tui: &mut Tui, say: &Say, number: usize, id: &str) {
    tui.send(&number.to_string());
    tui.wait_for(&say.step(id, 1), TIMEOUT);
}

/// From the platform list, chooses the platform with this number and walks to its last step.
pub fn to_last_step(tui: &mut Tui, say: &Say, number: usize, id: &str) {
    to_first_step(tui, say, number, id);
    tui.send(&RIGHT.repeat(4));
    tui.wait_for(&say.step(id, 5), TIMEOUT);
}

/// Quits with q and checks that bezwaar ended well.
pub fn quit(tui: &mut Tui) {
    tui.send("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "{}", tui.failure(&format!("q exits with 0, not {status:?}")));
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|window| window == needle)
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// A stand-in browser: a shell script that writes how many arguments it got, then each on its
/// own line, to `args.txt`, and then creates `done` (so a half-written file is never read).
pub struct FakeBrowser {
    pub dir: TempDir,
}

impl FakeBrowser {
    pub fn new() -> FakeBrowser {
        let dir = tempfile::tempdir().expect("a directory for the browser");
        let script = dir.path().join("browser");
        let out = dir.path().join("args.txt");
        let done = dir.path().join("done");
        // Shell built-ins only: the script must work with any PATH.
        let text = format!(
            "#!/bin/sh\n{{\n  printf '%s\\n' \"$#\"\n  for arg in \"$@\"; do printf '%s\\n' \"$arg\"; done\n}} > '{}'\n: > '{}'\n",
            out.display(),
            done.display()
        );
        std::fs::write(&script, text).expect("writing the browser script");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        FakeBrowser { dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("browser")
    }

    /// The arguments the browser got; panics when it was not called within `timeout`.
    pub fn arguments(&self, timeout: Duration) -> Vec<String> {
        let start = Instant::now();
        while !self.dir.path().join("done").exists() {
            assert!(start.elapsed() < timeout, "the browser was not started within {timeout:?}");
            thread::sleep(POLL);
        }
        let text = std::fs::read_to_string(self.dir.path().join("args.txt")).expect("args.txt");
        let mut lines = text.lines();
        let count: usize = lines.next().and_then(|n| n.parse().ok()).expect("an argument count");
        let arguments: Vec<String> = lines.map(str::to_owned).collect();
        assert_eq!(arguments.len(), count, "one argument per line in {text:?}");
        arguments
    }
}

/// Standard base64, with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Takes the lock of the record at `record` as another bezwaar in the middle of a write holds
/// it, until the returned file is dropped.
pub fn hold_lock(record: &Path) -> std::fs::File {
    let mut name = record.as_os_str().to_owned();
    name.push(bezwaar::record::LOCK_SUFFIX);
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(name).unwrap();
    lock.try_lock().expect("the test takes the lock");
    lock
}

/// One cell of a screen as a camera sees it: its character, the brightness (0 dark, 255 light)
/// of its text and of its background, and whether the terminal shows it reversed.
pub struct Seen {
    pub symbol: String,
    pub fg: u8,
    pub bg: u8,
    pub reversed: bool,
}

/// Rebuilds the picture a phone's camera sees of a screen of `cols` × `rows` cells, four pixels
/// to a module (two modules to a cell's height, one to its width), light and dark swapped when
/// `inverted`, and decodes the QR code in it.
pub fn scan_qr(
    cols: usize,
    rows: usize,
    inverted: bool,
    cell: impl Fn(usize, usize) -> Seen,
) -> Option<String> {
    let scale = 4;
    let pixel = |x: usize, y: usize| {
        let Seen { symbol, mut fg, mut bg, reversed } = cell(x, y / 2);
        if reversed {
            (fg, bg) = (bg, fg);
        }
        let top = y.is_multiple_of(2);
        let ink = match symbol.as_str() {
            "" | " " => false,
            "▀" => top,
            "▄" => !top,
            // A full block, or a letter of the text around the code: ink all over, at worst.
            _ => true,
        };
        let value = if ink { fg } else { bg };
        if inverted { 255 - value } else { value }
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(cols * scale, rows * 2 * scale, |x, y| {
        pixel(x / scale, y / scale)
    });
    let grids = image.detect_grids();
    let [grid] = grids.as_slice() else { return None };
    grid.decode().ok().map(|(_, text)| text)
}

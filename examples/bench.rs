//! The benchmark: bezwaar against a minimal ratatui program, and bezwaar with large records.
//!
//! ```sh
//! cargo run --release --example bench
//! ```
//!
//! It builds what it measures (`cargo build --release --bin bezwaar --example minimal`), then runs
//! both release binaries in a real pseudo-terminal of 80x24 (portable-pty, with a vt100 parser fed
//! by a reader thread that drains the output and answers cursor-position queries as xterm would)
//! and prints:
//!
//! 1. bezwaar and `examples/minimal.rs` side by side, with the ratio and the target: time to the
//!    first complete frame and from a key press to the next complete frame (medians of 20 runs),
//!    CPU time and wakeups in 5 idle seconds after the first frame (the most of 3 runs), peak
//!    resident memory (VmHWM, median) and the binary's size. Every bezwaar screen fills the
//!    window with text, so its first frame, its language switch `t` and its next screen `→` stand
//!    beside `minimal --full` (a paragraph that fills the window; its `t` changes every line),
//!    and `↓` on the platform list (two lines change) beside `minimal` (one line of text; its `t`
//!    changes that line). A second table sets the whole-screen frames beside the one-line
//!    program too. The CPU time and bytes written per frame show where a gap comes from.
//! 2. bezwaar opening records of 100, 1,000 and 10,000 objections: the first frame, the overview
//!    after `p`, one step down the overview, and peak memory (medians of 5 runs), with how they
//!    grow per ten times more entries.
//!
//! A frame counts as complete when the screen shows the texts it must show and the program has
//! stopped writing; its time is when its last byte arrived. Every wait gives up after 10 seconds
//! with the screen in the message, and every child is killed when anything fails. Linux only
//! (it reads `/proc`). It takes about a minute.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

use common::{Say, TIMEOUT};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// Runs per program for the timings and memory.
const RUNS: usize = 20;
/// Runs per program for the idle measurement, each `IDLE` long.
const IDLE_RUNS: usize = 3;
const IDLE: Duration = Duration::from_secs(5);
/// Record sizes for the scale measurement, and runs per size.
const SIZES: [usize; 3] = [100, 1_000, 10_000];
const SCALE_RUNS: usize = 5;
/// How long the output must be still for a frame to count as complete. Not part of any figure:
/// a frame's time is when its last byte arrived.
const QUIET: Duration = Duration::from_millis(50);
const POLL: Duration = Duration::from_millis(2);
const MIB: f64 = 1024.0 * 1024.0;

/// The texts of `examples/minimal.rs`, before and after `t`.
const MINIMAL_FIRST: &str = "Hello from a minimal ratatui program.";
const MINIMAL_SECOND: &str = "Toggled: the text changed.";

type Result<T> = std::result::Result<T, String>;
type Check<'a> = &'a dyn Fn(&vt100::Screen) -> bool;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bench: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let started = Instant::now();
    let release = build()?;
    let bezwaar = Subject::bezwaar(release.join("bezwaar"));
    let minimal = Subject::minimal(release.join("examples").join("minimal"), &[]);
    let full = Subject::minimal(release.join("examples").join("minimal"), &["--full"]);
    for subject in [&bezwaar, &minimal] {
        if !subject.binary.is_file() {
            return Err(format!("{} was not built at {}", subject.name, subject.binary.display()));
        }
    }
    let ticks = clock_ticks();

    println!("bezwaar benchmark, {}", chrono::Local::now().format("%Y-%m-%d %H:%M %:z"));
    println!("machine: {}", machine());
    println!("terminal: {COLS}x{ROWS} pseudo-terminal (portable-pty + vt100), TERM=xterm-256color");
    println!("load average at the start: {}", load());
    if cfg!(debug_assertions) {
        println!("note: the harness itself is a debug build; use --release for quotable figures");
    }
    println!();

    eprintln!("measuring: first frame, key to frame and memory, {RUNS} runs each ...");
    // One untimed run each first, so that neither pays for a cold page cache.
    let subjects = [&bezwaar, &minimal, &full];
    let mut runs: [Vec<Run>; 3] = Default::default();
    for subject in subjects {
        subject.measure()?;
    }
    // Taking turns, so that a slower moment of the machine hits all alike.
    for _ in 0..RUNS {
        for (subject, runs) in subjects.iter().zip(&mut runs) {
            runs.push(subject.measure()?);
        }
    }
    eprintln!("measuring: {IDLE_RUNS} idle runs of {} s each ...", IDLE.as_secs());
    let mut idle = (Vec::new(), Vec::new());
    for _ in 0..IDLE_RUNS {
        idle.0.push(bezwaar.idle(ticks)?);
        idle.1.push(minimal.idle(ticks)?);
    }
    print_comparison(subjects, &runs, &idle)?;

    eprintln!("measuring: records of {SIZES:?} objections, {SCALE_RUNS} runs each ...");
    let records = tempfile::tempdir().map_err(|e| format!("a directory for the records: {e}"))?;
    let mut scale = Vec::new();
    for (index, entries) in SIZES.into_iter().enumerate() {
        let file = records.path().join(format!("record-{entries}.json"));
        let bytes = write_record(&file, entries)?;
        if index == 0 {
            bezwaar.overview(&file)?;
        }
        let mut figures = Vec::new();
        for _ in 0..SCALE_RUNS {
            figures.push(bezwaar.overview(&file)?);
        }
        scale.push((entries, bytes, figures));
    }
    print_scale(&scale);
    println!();
    println!(
        "(the whole benchmark took {:.0} s; load average at the end: {}; figures taken while other work \
         runs on the machine are noisy)",
        started.elapsed().as_secs_f64(),
        load()
    );
    Ok(())
}

/// Builds the two binaries in release mode; returns the directory they are in.
fn build() -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let args = ["build", "--release", "--bin", "bezwaar", "--example", "minimal"];
    eprintln!("building: cargo {}", args.join(" "));
    let status = Command::new(&cargo)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .map_err(|e| format!("cannot run {}: {e}", cargo.to_string_lossy()))?;
    if !status.success() {
        return Err(format!("cargo build failed: {status}"));
    }
    // This program is <target>/<profile>/examples/bench: the release binaries are beside it.
    let me = std::env::current_exe().map_err(|e| format!("where am I: {e}"))?;
    let target = me.ancestors().nth(3).ok_or("bench is not in a cargo target directory")?;
    Ok(target.join("release"))
}

/// A program to measure and what its screens say.
struct Subject {
    name: &'static str,
    binary: PathBuf,
    args: &'static [&'static str],
    /// The first frame is complete.
    first: Box<dyn Fn(&vt100::Screen) -> bool>,
    /// The keys pressed one after another once the first frame is there, each timed.
    presses: Vec<Press>,
}

/// A key press, and how the frame after it is recognised.
struct Press {
    keys: &'static str,
    what: &'static str,
    done: Box<dyn Fn(&vt100::Screen) -> bool>,
}

/// A frame that shows `text` and is drawn to its last row, the footer that ends in `quit`.
fn whole(text: String, quit: String) -> Box<dyn Fn(&vt100::Screen) -> bool> {
    Box::new(move |screen| contains(screen, &text) && last_row(screen).contains(&quit))
}

/// bezwaar's presses, in order: the language switch (from English to the next language,
/// German: every line changes), the next screen twice (the warning, the risks, the platform
/// list), one step down the list (two lines change). What each frame shows is taken from
/// bezwaar's own texts.
fn bezwaar_presses() -> Vec<Press> {
    let de = Say::de();
    let quit = || de.texts().keys.quit.clone();
    let second = format!("› 2  {}", de.name("facebook"));
    vec![
        Press { keys: "t", what: "the warning in German", done: whole(de.warning(), quit()) },
        Press { keys: "\x1b[C", what: "the risks", done: whole(de.risks(), quit()) },
        Press { keys: "\x1b[C", what: "the platform list", done: whole(de.platforms(), quit()) },
        Press {
            keys: "\x1b[B",
            what: "the second platform highlighted",
            done: Box::new(move |screen| contains(screen, &second)),
        },
    ]
}

/// Which of bezwaar's presses the tables show.
const LANGUAGE: usize = 0;
const NEXT_SCREEN: usize = 1;
const DOWN: usize = 3;

fn minimal_presses() -> Vec<Press> {
    vec![Press {
        keys: "t",
        what: "the other text",
        done: Box::new(|screen| contains(screen, MINIMAL_SECOND)),
    }]
}

/// What one frame cost: the time until its last byte, the program's CPU time for it (all
/// threads, from `schedstat`, so `None` where the kernel does not keep it) and the bytes it
/// wrote to the terminal.
#[derive(Clone, Copy)]
struct Frame {
    time: Duration,
    cpu_ns: Option<u64>,
    bytes: usize,
}

/// One run: the first frame, one frame per press, and memory at the end.
struct Run {
    first: Frame,
    presses: Vec<Frame>,
    hwm_kib: u64,
    /// Resident memory at the end: anonymous (heap, stacks) and file-backed (the binary and
    /// the libraries), in KiB.
    anon_kib: u64,
    file_kib: u64,
}

/// One idle run: CPU time, wakeups and bytes written in `IDLE`.
struct Idle {
    cpu_ms: u64,
    cpu_ns: Option<u64>,
    wakeups: Option<u64>,
    bytes: usize,
}

/// One run against a large record.
struct Scale {
    first: Duration,
    overview: Duration,
    down: Duration,
    hwm_kib: u64,
    /// The program's CPU time for the overview's frame, from `schedstat`.
    overview_cpu_ns: Option<u64>,
}

impl Subject {
    fn bezwaar(binary: PathBuf) -> Subject {
        let en = Say::en();
        Subject {
            name: "bezwaar",
            binary,
            args: &[],
            first: whole(en.warning(), en.texts().keys.quit.clone()),
            presses: bezwaar_presses(),
        }
    }

    /// `examples/minimal.rs`; `--full` fills the window with its text.
    fn minimal(binary: PathBuf, args: &'static [&'static str]) -> Subject {
        Subject {
            name: "minimal",
            binary,
            args,
            // The bottom border is the frame's last row.
            first: Box::new(|screen| contains(screen, MINIMAL_FIRST) && last_row(screen).contains('┘')),
            presses: minimal_presses(),
        }
    }

    fn start(&self, data_file: Option<&Path>) -> Result<(Session, Duration)> {
        let since = Instant::now();
        let mut session = Session::spawn(&self.binary, self.args, data_file)?;
        let first = session.frame("the first frame", since, &*self.first)?;
        Ok((session, first))
    }

    fn measure(&self) -> Result<Run> {
        let (mut session, time) = self.start(None)?;
        let first = Frame { time, cpu_ns: session.cpu_ns(), bytes: session.bytes() };
        let mut presses = Vec::new();
        for press in &self.presses {
            let (cpu_before, bytes_before) = (session.cpu_ns(), session.bytes());
            let pressed = session.send(press.keys)?;
            let time = session.frame(press.what, pressed, &*press.done)?;
            presses.push(Frame {
                time,
                cpu_ns: session.cpu_ns().zip(cpu_before).map(|(after, before)| after.saturating_sub(before)),
                bytes: session.bytes() - bytes_before,
            });
        }
        let hwm_kib = session.hwm_kib()?;
        let (anon_kib, file_kib) = (session.status_kib("RssAnon")?, session.status_kib("RssFile")?);
        session.quit()?;
        Ok(Run { first, presses, hwm_kib, anon_kib, file_kib })
    }

    fn idle(&self, ticks: u64) -> Result<Idle> {
        let (mut session, _) = self.start(None)?;
        let before = (session.cpu_ticks()?, session.cpu_ns(), session.wakeups(), session.bytes());
        thread::sleep(IDLE);
        let after = (session.cpu_ticks()?, session.cpu_ns(), session.wakeups(), session.bytes());
        session.quit()?;
        Ok(Idle {
            cpu_ms: (after.0 - before.0) * 1000 / ticks,
            cpu_ns: after.1.zip(before.1).map(|(a, b)| a.saturating_sub(b)),
            wakeups: after.2.zip(before.2).map(|(a, b)| a.saturating_sub(b)),
            bytes: after.3 - before.3,
        })
    }

    /// Opens `record`, then the overview with `p`, then one step down with ↓.
    fn overview(&self, record: &Path) -> Result<Scale> {
        let en = Say::en();
        let (title, quit) = (&en.texts().overview.title, &en.texts().keys.quit);
        let (mut session, first) = self.start(Some(record))?;
        let before = session.cpu_ns();
        let pressed = session.send("p")?;
        let overview = session.frame("the overview", pressed, &|screen| {
            contains(screen, title)
                && selected_account(screen).is_some()
                && last_row(screen).contains(quit.as_str())
        })?;
        let overview_cpu_ns =
            session.cpu_ns().zip(before).map(|(after, before)| after.saturating_sub(before));
        let selected = session.screen(selected_account).ok_or("no entry is selected in the overview")?;
        let pressed = session.send("\x1b[B")?;
        let down = session.frame("the next entry to be selected", pressed, &|screen| {
            selected_account(screen).is_some_and(|now| now != selected)
        })?;
        let hwm_kib = session.hwm_kib()?;
        session.quit()?;
        Ok(Scale { first, overview, down, hwm_kib, overview_cpu_ns })
    }
}

fn contains(screen: &vt100::Screen, text: &str) -> bool {
    screen.contents().contains(text)
}

fn last_row(screen: &vt100::Screen) -> String {
    screen.rows(0, COLS).last().unwrap_or_default()
}

/// The account on the overview's selected line ("› Instagram (acct-00002)").
fn selected_account(screen: &vt100::Screen) -> Option<String> {
    screen.rows(0, COLS).skip(1).find_map(|row| {
        let after = &row[row.find('›')?..];
        let start = after.find("acct-")?;
        Some(after[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect())
    })
}

/// Writes a version-1 record of `entries` objections, alternately Instagram and Facebook, each
/// with its own account; returns its size in bytes.
fn write_record(path: &Path, entries: usize) -> Result<usize> {
    let objections: Vec<serde_json::Value> = (0..entries)
        .map(|index| {
            serde_json::json!({
                "platform": if index % 2 == 0 { "instagram" } else { "facebook" },
                "account": format!("acct-{index:05}"),
                "submitted_on": "2025-05-20",
                "confirmation_on": null,
                "note": null,
            })
        })
        .collect();
    let record = serde_json::json!({ "version": 1, "objections": objections });
    let mut json = serde_json::to_vec_pretty(&record).map_err(|e| e.to_string())?;
    json.push(b'\n');
    fs::write(path, &json).map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(json.len())
}

/// A program running in an 80x24 pseudo-terminal, through the tests' own harness
/// (`tests/common`), with what the benchmark reads about it.
struct Session {
    tui: common::Tui,
    pid: u32,
}

impl Session {
    /// Starts `binary` with a clean environment, a fresh `HOME` and, for bezwaar, `record` (or a
    /// fresh one in `HOME`) as its record.
    fn spawn(binary: &Path, args: &[&str], record: Option<&Path>) -> Result<Session> {
        let mut options = common::Options::english();
        options.binary = Some(binary.to_path_buf());
        options.cols = COLS;
        options.rows = ROWS;
        for arg in args {
            options = options.arg(arg);
        }
        if let Some(record) = record {
            options = options.env("BEZWAAR_DATA_FILE", record);
        }
        let tui = common::Tui::spawn(options);
        let pid = tui.pid();
        Ok(Session { tui, pid })
    }

    /// Presses keys; returns when.
    fn send(&mut self, keys: &str) -> Result<Instant> {
        let pressed = Instant::now();
        self.tui.send(keys);
        Ok(pressed)
    }

    /// Waits for a complete frame that passes `check`, after `since`; returns how long after
    /// `since` its last byte arrived.
    fn frame(&mut self, what: &str, since: Instant, check: Check) -> Result<Duration> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(last) = self.tui.last_output()
                && last > since
                && last.elapsed() >= QUIET
                && self.tui.with_screen(|screen| check(screen))
                && self.tui.last_output() == Some(last)
            {
                return Ok(last - since);
            }
            if Instant::now() > deadline {
                return Err(self.failure(&format!("timed out after {TIMEOUT:?} waiting for {what}")));
            }
            if !self.running() {
                return Err(self.failure(&format!("the program exited while waiting for {what}")));
            }
            thread::sleep(POLL);
        }
    }

    /// Reads something off the screen.
    fn screen<T>(&self, read: impl FnOnce(&vt100::Screen) -> T) -> T {
        self.tui.with_screen(read)
    }

    fn bytes(&self) -> usize {
        self.tui.bytes()
    }

    fn running(&mut self) -> bool {
        self.tui.running()
    }

    /// Presses `q` and waits for the program to end.
    fn quit(&mut self) -> Result<()> {
        self.send("q")?;
        let deadline = Instant::now() + TIMEOUT;
        while self.running() {
            if Instant::now() > deadline {
                return Err(self.failure(&format!("the program did not quit within {TIMEOUT:?} after q")));
            }
            thread::sleep(POLL);
        }
        Ok(())
    }

    fn proc(&self, file: &str) -> Result<String> {
        let path = format!("/proc/{}/{file}", self.pid);
        fs::read_to_string(&path).map_err(|e| format!("reading {path}: {e}"))
    }

    /// Peak resident memory, in KiB.
    fn hwm_kib(&self) -> Result<u64> {
        self.status_kib("VmHWM")
    }

    /// A figure from `/proc/PID/status`, in KiB.
    fn status_kib(&self, name: &str) -> Result<u64> {
        let status = self.proc("status")?;
        status
            .lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| format!("no {name} in /proc/PID/status"))
    }

    /// User and system CPU time of the whole process, in clock ticks.
    fn cpu_ticks(&self) -> Result<u64> {
        let stat = self.proc("stat")?;
        // The fields after the command name, which is in parentheses and may hold spaces:
        // state is field 3, utime 14 and stime 15.
        let fields: Vec<&str> =
            stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("").split_whitespace().collect();
        let field = |n: usize| fields.get(n - 3).and_then(|value| value.parse::<u64>().ok());
        field(14)
            .zip(field(15))
            .map(|(user, system)| user + system)
            .ok_or_else(|| format!("cannot read {stat:?}"))
    }

    /// Time on the CPU of all the process's threads, in nanoseconds (`schedstat`), if the kernel
    /// keeps it.
    fn cpu_ns(&self) -> Option<u64> {
        self.per_thread(|task| {
            let text = fs::read_to_string(task.join("schedstat")).ok()?;
            text.split_whitespace().next()?.parse().ok()
        })
    }

    /// Context switches of all the process's threads: how often one of them woke up.
    fn wakeups(&self) -> Option<u64> {
        self.per_thread(|task| {
            let text = fs::read_to_string(task.join("status")).ok()?;
            let count = |name: &str| -> Option<u64> {
                text.lines().find_map(|line| line.strip_prefix(name))?.trim().parse().ok()
            };
            Some(count("voluntary_ctxt_switches:")? + count("nonvoluntary_ctxt_switches:")?)
        })
    }

    fn per_thread(&self, read: impl Fn(&Path) -> Option<u64>) -> Option<u64> {
        let tasks = fs::read_dir(format!("/proc/{}/task", self.pid)).ok()?;
        tasks.map(|task| read(&task.ok()?.path())).sum()
    }

    /// A message with the state of things: the screen as it is now.
    fn failure(&self, message: &str) -> String {
        format!("{} bytes of output so far\n{}", self.bytes(), self.tui.failure(message))
    }
}

/// The 1, 5 and 15 minute load averages.
fn load() -> String {
    let text = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Clock ticks per second, for `/proc/PID/stat`.
fn clock_ticks() -> u64 {
    command_output("getconf", &["CLK_TCK"])
        .and_then(|text| text.parse().ok())
        .filter(|t| *t > 0)
        .unwrap_or(100)
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// `uname -srm`, the CPU model and how many CPUs.
fn machine() -> String {
    let uname = command_output("uname", &["-srm"]).unwrap_or_else(|| "unknown system".into());
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name")?.split_once(':').map(|(_, m)| m.trim().to_owned()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cpus = command_output("nproc", &[])
        .or_else(|| thread::available_parallelism().ok().map(|n| n.to_string()))
        .unwrap_or_else(|| "?".into());
    let rustc = command_output("rustc", &["-V"]).unwrap_or_else(|| "rustc ?".into());
    format!("{uname}, {model}, nproc {cpus}; {rustc}")
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.is_empty() {
        f64::NAN
    } else if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn spread(values: &[f64]) -> String {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{min:.2}–{max:.2}")
}

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "NO" }
}

/// One frame over all runs: every time, and the median CPU time and bytes.
struct Frames {
    times: Vec<f64>,
    cpu_ms: Option<f64>,
    bytes: f64,
}

impl Frames {
    fn of(frames: impl Iterator<Item = Frame> + Clone) -> Frames {
        Frames {
            times: frames.clone().map(|f| ms(f.time)).collect(),
            cpu_ms: frames
                .clone()
                .map(|f| f.cpu_ns.map(|ns| ns as f64 / 1e6))
                .collect::<Option<Vec<_>>>()
                .map(median),
            bytes: median(frames.map(|f| f.bytes as f64).collect()),
        }
    }

    fn median(&self) -> f64 {
        median(self.times.clone())
    }
}

/// The medians of a program's runs.
struct Summary {
    first: Frames,
    presses: Vec<Frames>,
    hwm_mib: f64,
    anon_mib: f64,
    file_mib: f64,
}

impl Summary {
    fn of(runs: &[Run]) -> Summary {
        let all = |pick: fn(&Run) -> f64| median(runs.iter().map(pick).collect());
        let presses = runs.first().map_or(0, |run| run.presses.len());
        Summary {
            first: Frames::of(runs.iter().map(|r| r.first)),
            presses: (0..presses).map(|n| Frames::of(runs.iter().map(move |r| r.presses[n]))).collect(),
            hwm_mib: all(|r| r.hwm_kib as f64 / 1024.0),
            anon_mib: all(|r| r.anon_kib as f64 / 1024.0),
            file_mib: all(|r| r.file_kib as f64 / 1024.0),
        }
    }
}

/// Three rows for a frame set beside a baseline's: the time against the target, then what each
/// frame cost (CPU time and bytes written), for information.
fn frame_rows(label: &str, a: &Frames, baseline: &str, b: &Frames, target: Option<f64>) -> Vec<[String; 7]> {
    let shown = |value: Option<f64>| value.map_or("n/a".to_owned(), |v| format!("{v:.2}"));
    let (time_a, time_b) = (a.median(), b.median());
    vec![
        [
            format!("{label}, ms (median of {RUNS})"),
            format!("{time_a:.2}"),
            baseline.to_owned(),
            format!("{time_b:.2}"),
            format!("{:.2}×", time_a / time_b),
            target.map_or("(info)".to_owned(), |t| format!("≤ {t}×")),
            target.map_or(String::new(), |t| yes(time_a / time_b <= t).to_owned()),
        ],
        [
            "  of which CPU, ms (schedstat)".into(),
            shown(a.cpu_ms),
            String::new(),
            shown(b.cpu_ms),
            a.cpu_ms.zip(b.cpu_ms).map_or("-".to_owned(), |(a, b)| ratio_or_dash(a, b)),
            "(info)".into(),
            String::new(),
        ],
        [
            "  bytes written for it".into(),
            format!("{:.0}", a.bytes),
            String::new(),
            format!("{:.0}", b.bytes),
            ratio_or_dash(a.bytes, b.bytes),
            "(info)".into(),
            String::new(),
        ],
    ]
}

fn print_comparison(subjects: [&Subject; 3], runs: &[Vec<Run>; 3], idle: &Pair<Idle>) -> Result<()> {
    let [bezwaar, minimal, full] = runs.each_ref().map(|runs| Summary::of(runs));
    let cpu = |idle: &[Idle]| idle.iter().map(|i| i.cpu_ms).max().unwrap_or(0);
    let cpu_ns = |idle: &[Idle]| idle.iter().map(|i| i.cpu_ns).max().flatten();
    let wakeups = |idle: &[Idle]| idle.iter().map(|i| i.wakeups).max().flatten();
    let idle_bytes = |idle: &[Idle]| idle.iter().map(|i| i.bytes).max().unwrap_or(0);
    let size = |subject: &Subject| -> Result<f64> {
        let meta = fs::metadata(&subject.binary).map_err(|e| format!("{}: {e}", subject.binary.display()))?;
        Ok(meta.len() as f64 / MIB)
    };
    let sizes = (size(subjects[0])?, size(subjects[1])?);
    let (one_line, whole) = ("minimal", "minimal --full");

    let mut table = Table::new(["metric", "bezwaar", "baseline", "value", "ratio", "target", "met"]);
    let timed = [
        ("first frame", &bezwaar.first, whole, &full.first),
        ("t: every line changes language", press(&bezwaar, LANGUAGE)?, whole, press(&full, 0)?),
        ("→: the next screen", press(&bezwaar, NEXT_SCREEN)?, whole, press(&full, 0)?),
        ("↓: two lines of the list change", press(&bezwaar, DOWN)?, one_line, press(&minimal, 0)?),
    ];
    for (label, a, baseline, b) in timed {
        for row in frame_rows(label, a, baseline, b, Some(1.2)) {
            table.row(row);
        }
    }
    let mut row = |metric: String, a: String, b: String, ratio: String, target: &str, met: &str| {
        table.row([metric, a, one_line.to_owned(), b, ratio, target.to_owned(), met.to_owned()]);
    };
    let (c0, c1) = (cpu(&idle.0), cpu(&idle.1));
    row(
        format!("idle CPU in {} s, ms (max of {IDLE_RUNS})", IDLE.as_secs()),
        c0.to_string(),
        c1.to_string(),
        ratio_or_dash(c0 as f64, c1 as f64),
        "0",
        yes(c0 == 0),
    );
    // Figures the kernel may not keep: shown divided by `unit`, judged on the exact count.
    let optional = |value: Option<u64>, unit: u64| value.map_or("n/a".to_owned(), |v| (v / unit).to_string());
    for (label, a, b, unit) in [
        ("  same, µs on CPU (schedstat)", cpu_ns(&idle.0), cpu_ns(&idle.1), 1000),
        ("  same, thread wakeups", wakeups(&idle.0), wakeups(&idle.1), 1),
    ] {
        row(
            label.into(),
            optional(a, unit),
            optional(b, unit),
            ratio_or_dash(a.unwrap_or(0) as f64, b.unwrap_or(0) as f64),
            "0",
            a.map_or("n/a", |count| yes(count == 0)),
        );
    }
    let (b0, b1) = (idle_bytes(&idle.0), idle_bytes(&idle.1));
    row(
        "  same, bytes written".into(),
        b0.to_string(),
        b1.to_string(),
        ratio_or_dash(b0 as f64, b1 as f64),
        "0",
        yes(b0 == 0),
    );
    let (m0, m1) = (bezwaar.hwm_mib, minimal.hwm_mib);
    row(
        format!("peak memory VmHWM, MiB (median of {RUNS})"),
        format!("{m0:.2}"),
        format!("{m1:.2}"),
        format!("{:.2}×", m0 / m1),
        "≤ 2×",
        yes(m0 / m1 <= 2.0),
    );
    for (label, a, b) in [
        ("  at the end: anonymous (heap, stacks)", bezwaar.anon_mib, minimal.anon_mib),
        ("  at the end: file-backed (binary, libc)", bezwaar.file_mib, minimal.file_mib),
    ] {
        row(label.into(), format!("{a:.2}"), format!("{b:.2}"), format!("{:.2}×", a / b), "(info)", "");
    }
    row(
        "binary size, MiB (stripped, lto)".into(),
        format!("{:.2}", sizes.0),
        format!("{:.2}", sizes.1),
        format!("{:.2}×", sizes.0 / sizes.1),
        "≤ 3 MiB",
        yes(sizes.0 <= 3.0),
    );
    println!("{}", table.render());
    println!(
        "baselines: {whole} is a bordered paragraph whose text fills the window, as every bezwaar screen \
         does; its t changes every line. {one_line} is the same paragraph with one line of text; its t \
         changes that line. Each bezwaar figure above stands beside the baseline that draws as much, and \
         the 1.2× target is judged there: the first frame beside {whole}'s first frame; t (bezwaar's first \
         language switch, which also reads the next language's texts) and → (from the warning to the \
         risks) beside {whole}'s t; ↓ on the platform list (two lines change) beside {one_line}'s t. The \
         second → (to the platform list) is pressed but not shown. The table after it sets the whole-screen \
         frames beside {one_line}."
    );
    println!(
        "spread (min–max, ms): first frame bezwaar {}, {whole} {}; t bezwaar {}, → bezwaar {}, {whole} t {}; \
         ↓ bezwaar {}, {one_line} t {}",
        spread(&bezwaar.first.times),
        spread(&full.first.times),
        spread(&press(&bezwaar, LANGUAGE)?.times),
        spread(&press(&bezwaar, NEXT_SCREEN)?.times),
        spread(&press(&full, 0)?.times),
        spread(&press(&bezwaar, DOWN)?.times),
        spread(&press(&minimal, 0)?.times),
    );
    println!(
        "a frame's time: from spawn, or from writing the key, until the last byte of the frame arrived."
    );

    println!();
    println!(
        "context: bezwaar's whole-screen frames beside the one-line program (unlike amounts of drawing and \
         writing; no target is judged here)"
    );
    let mut context = Table::new(["metric", "bezwaar", "baseline", "value", "ratio"]);
    for (label, a, b) in [
        ("first frame", &bezwaar.first, &minimal.first),
        ("t: every line changes language", press(&bezwaar, LANGUAGE)?, press(&minimal, 0)?),
    ] {
        for [metric, a, baseline, b, ratio, ..] in frame_rows(label, a, one_line, b, None) {
            context.row([metric, a, baseline, b, ratio]);
        }
    }
    context.row([
        format!("peak memory VmHWM, MiB (median of {RUNS})"),
        format!("{:.2}", bezwaar.hwm_mib),
        whole.to_owned(),
        format!("{:.2}", full.hwm_mib),
        format!("{:.2}×", bezwaar.hwm_mib / full.hwm_mib),
    ]);
    println!("{}", context.render());
    Ok(())
}

/// The frames after a subject's `n`th press.
fn press(summary: &Summary, n: usize) -> Result<&Frames> {
    summary.presses.get(n).ok_or_else(|| format!("press {n} was not measured"))
}

type Pair<T> = (Vec<T>, Vec<T>);

fn ratio_or_dash(a: f64, b: f64) -> String {
    if b == 0.0 { "-".into() } else { format!("{:.2}×", a / b) }
}

fn print_scale(scale: &[(usize, usize, Vec<Scale>)]) {
    println!();
    println!("bezwaar with a large record (median of {SCALE_RUNS} runs per size)");
    let mut table = Table::new([
        "entries",
        "record, KiB",
        "first frame, ms",
        "overview after p, ms",
        "of which CPU, ms",
        "↓ in overview, ms",
        "peak memory, MiB",
    ]);
    let mut medians = Vec::new();
    for (entries, bytes, runs) in scale {
        let pick = |f: fn(&Scale) -> f64| median(runs.iter().map(f).collect());
        let row = (
            pick(|r| ms(r.first)),
            pick(|r| ms(r.overview)),
            pick(|r| ms(r.down)),
            pick(|r| r.hwm_kib as f64 / 1024.0),
        );
        let cpu: Option<Vec<f64>> =
            runs.iter().map(|r| r.overview_cpu_ns.map(|ns| ns as f64 / 1e6)).collect();
        table.row([
            group(*entries),
            format!("{:.0}", *bytes as f64 / 1024.0),
            format!("{:.2}", row.0),
            format!("{:.2}", row.1),
            cpu.map_or("n/a".to_owned(), |cpu| format!("{:.2}", median(cpu))),
            format!("{:.2}", row.2),
            format!("{:.2}", row.3),
        ]);
        medians.push((*entries, row));
    }
    println!("{}", table.render());
    let mut faster = false;
    for pair in medians.windows(2) {
        let ((from, a), (to, b)) = (pair[0], pair[1]);
        let factor = to as f64 / from as f64;
        let grow = |x: f64, y: f64| y / x;
        let growth = [grow(a.0, b.0), grow(a.1, b.1), grow(a.2, b.2), grow(a.3, b.3)];
        faster |= growth[..3].iter().any(|g| *g > factor);
        println!(
            "growth {} → {} entries (×{factor:.0}): first frame ×{:.2}, overview ×{:.2}, ↓ ×{:.2}, memory ×{:.2}",
            group(from),
            group(to),
            growth[0],
            growth[1],
            growth[2],
            growth[3],
        );
    }
    println!(
        "faster than linear (a time growing more than ×10 per ×10 entries): {}",
        if faster { "YES" } else { "no" }
    );
    if let Some((entries, largest)) = medians.last() {
        println!(
            "targets at {} entries: overview {:.2} ms < 50 ms: {}; peak memory {:.2} MiB < 20 MiB: {}",
            group(*entries),
            largest.1,
            yes(largest.1 < 50.0),
            largest.3,
            yes(largest.3 < 20.0)
        );
    }
}

/// 10000 as "10,000".
fn group(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A plain text table: the first column left-aligned, the others right-aligned.
struct Table<const N: usize> {
    rows: Vec<[String; N]>,
}

impl<const N: usize> Table<N> {
    fn new(header: [&str; N]) -> Table<N> {
        Table { rows: vec![header.map(str::to_owned)] }
    }

    fn row(&mut self, row: [String; N]) {
        self.rows.push(row);
    }

    fn render(&self) -> String {
        let width =
            |column: usize| self.rows.iter().map(|row| row[column].chars().count()).max().unwrap_or(0);
        let widths: Vec<usize> = (0..N).map(width).collect();
        let mut out = String::new();
        for (index, row) in self.rows.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(column, (cell, width))| {
                    let pad = " ".repeat(width - cell.chars().count());
                    if column == 0 { format!("{cell}{pad}") } else { format!("{pad}{cell}") }
                })
                .collect();
            let _ = writeln!(out, "{}", cells.join("  ").trim_end());
            if index == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                let _ = writeln!(out, "{}", rule.join("  "));
            }
        }
        out.trim_end().to_owned()
    }
}

//! The objection record: what the person marked as submitted, kept in a small JSON file.
//!
//! Losing this record silently is the worst thing bezwaar could do, so:
//! - saving writes a temporary file in the same directory, syncs it, renames it over the record
//!   and syncs the directory: the file on disk is always the old or the new version;
//! - the file is 0600 and a directory bezwaar creates is 0700, whatever the umask; a symlinked
//!   record is followed and stays a symlink;
//! - a file that cannot be understood is never overwritten: it is moved aside as
//!   `<name>.corrupt-<UTC timestamp>` and the person is told where it is;
//! - a record from a newer version of bezwaar is never written;
//! - one writer at a time, through a lock file beside the record.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The format version this program reads and writes.
pub const VERSION: u64 = 1;

/// A real record is a few KiB; anything above this is not one.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// The longest account label and note, in characters.
pub const MAX_ACCOUNT_CHARS: usize = 100;
pub const MAX_NOTE_CHARS: usize = 500;

/// The whole record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub version: u64,
    pub objections: Vec<Objection>,
}

impl Default for Record {
    fn default() -> Record {
        Record { version: VERSION, objections: Vec::new() }
    }
}

/// One objection the person marked as submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// A platform id from the catalogue, e.g. "instagram".
    pub platform: String,
    /// Which account, for people with several that are not linked; `None` for the only one.
    pub account: Option<String>,
    pub submitted_on: NaiveDate,
    /// When Meta's confirmation e-mail arrived.
    pub confirmation_on: Option<NaiveDate>,
    pub note: Option<String>,
}

impl Record {
    /// The objection for this platform and account, if marked.
    pub fn find(&self, platform: &str, account: Option<&str>) -> Option<&Objection> {
        self.objections.iter().find(|o| o.platform == platform && o.account.as_deref() == account)
    }

    /// Every objection for a platform, in the order they were marked.
    pub fn for_platform<'a>(&'a self, platform: &'a str) -> impl Iterator<Item = &'a Objection> {
        self.objections.iter().filter(move |o| o.platform == platform)
    }

    /// Marks an objection: a new entry, or the existing one for the same platform and account
    /// updated (marking twice keeps one entry).
    pub fn mark(&mut self, objection: Objection) {
        let existing = self
            .objections
            .iter_mut()
            .find(|o| o.platform == objection.platform && o.account == objection.account);
        match existing {
            Some(entry) => *entry = objection,
            None => self.objections.push(objection),
        }
    }

    /// Replaces the entry for this platform and account with `objection`, in its place.
    pub fn replace(&mut self, platform: &str, account: Option<&str>, objection: Objection) {
        match self.objections.iter_mut().find(|o| o.platform == platform && o.account.as_deref() == account) {
            Some(entry) => *entry = objection,
            None => self.mark(objection),
        }
    }

    /// Removes the objection for this platform and account; says whether there was one.
    pub fn unmark(&mut self, platform: &str, account: Option<&str>) -> bool {
        let before = self.objections.len();
        self.objections.retain(|o| !(o.platform == platform && o.account.as_deref() == account));
        self.objections.len() != before
    }

    /// The record with every text cleaned, as it is kept after reading.
    fn cleaned(mut self) -> Record {
        for objection in &mut self.objections {
            objection.platform = clean(&objection.platform, MAX_ACCOUNT_CHARS);
            objection.account = clean_optional(objection.account.as_deref(), MAX_ACCOUNT_CHARS);
            objection.note = clean_optional(objection.note.as_deref(), MAX_NOTE_CHARS);
        }
        self
    }
}

/// Text without control characters (C0, C1, DEL), bidi controls or zero-width characters,
/// trimmed and cut to `max` characters. This keeps escape sequences (ESC[2J, OSC 52, OSC 8)
/// and reordering tricks off the screen, out of the file and out of `status`.
pub fn clean(text: &str, max: usize) -> String {
    let kept: String = text.chars().filter(|c| !is_hidden(*c)).collect();
    kept.trim().chars().take(max).collect::<String>().trim_end().to_owned()
}

/// Like [`clean`]; nothing left means no value.
pub fn clean_optional(text: Option<&str>, max: usize) -> Option<String> {
    text.map(|text| clean(text, max)).filter(|text| !text.is_empty())
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space, joiners, LRM, RLM
            | '\u{2028}'..='\u{2029}' // line and paragraph separators
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates, deprecated formats
            | '\u{061C}' // Arabic letter mark
            | '\u{FEFF}' // zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
            | '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{180E}' // Mongolian vowel separator
            | '\u{1D173}'..='\u{1D17A}' // musical formatting
            | '\u{E0000}'..='\u{E007F}' // tags
        )
}

/// Why a record could not be read.
#[derive(Debug)]
pub enum LoadError {
    /// The file is there but could not be read (permissions, I/O error).
    Unreadable(io::Error),
    /// Larger than any real record.
    TooLarge(u64),
    /// Not a record: empty, truncated, garbage, wrong types, nested too deep.
    Corrupt(String),
    /// Written by a newer bezwaar; this one must not change it.
    FutureVersion(u64),
}

impl LoadError {
    /// Whether the file should be moved aside before starting afresh.
    pub fn is_damage(&self) -> bool {
        matches!(self, LoadError::TooLarge(_) | LoadError::Corrupt(_))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable(error) => write!(f, "{error}"),
            LoadError::TooLarge(size) => write!(f, "{size} bytes"),
            LoadError::Corrupt(problem) => write!(f, "{problem}"),
            LoadError::FutureVersion(version) => write!(f, "version {version}"),
        }
    }
}

/// Parses the bytes of a record file.
pub fn parse(bytes: &[u8]) -> Result<Record, LoadError> {
    #[derive(Deserialize)]
    struct Versioned {
        version: u64,
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    // The version first, so that a newer format is recognised even where it differs.
    // The parser's message may quote the file (a field name): it is cleaned like any text
    // from the file before anyone sees it.
    let corrupt = |error: serde_json::Error| LoadError::Corrupt(clean(&error.to_string(), 200));
    let versioned: Versioned = serde_json::from_slice(bytes).map_err(corrupt)?;
    if versioned.version > VERSION {
        return Err(LoadError::FutureVersion(versioned.version));
    }
    if versioned.version != VERSION {
        return Err(LoadError::Corrupt(format!("version {}", versioned.version)));
    }
    let record: Record = serde_json::from_slice(bytes).map_err(corrupt)?;
    Ok(record.cleaned())
}

/// Why the wizard cannot use the record as usual. Shown on screen in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file was damaged and is now at `aside`; the wizard started with an empty record.
    SetAside { problem: String, aside: PathBuf },
    /// Another bezwaar holds the lock: this one only shows the record.
    Busy,
    /// The file is from a newer bezwaar: shown read-only, never written.
    FutureVersion(u64),
    /// The file could not be read; nothing was changed.
    Unreadable(String),
    /// The file is damaged, but another bezwaar holds the lock, so it is left where it is.
    Damaged(String),
    /// The record's directory cannot be written (no lock could be made).
    Unwritable(String),
    /// There is no place for the record (no home directory and no --data-file).
    NoLocation,
}

impl Problem {
    /// Whether the wizard may still mark and save.
    pub fn allows_writing(&self) -> bool {
        matches!(self, Problem::SetAside { .. })
    }

    /// Whether what is on disk could not be read at all, so nothing can be said about it.
    pub fn record_unknown(&self) -> bool {
        matches!(self, Problem::FutureVersion(_) | Problem::Unreadable(_) | Problem::Damaged(_))
    }
}

/// What the wizard starts with: the record, the lock if it got it, and any problem to tell.
#[derive(Debug)]
pub struct Opening {
    pub record: Record,
    pub lock: Option<Lock>,
    pub problem: Option<Problem>,
}

/// Opens the record for the wizard: takes the lock, loads, and sets a damaged file aside. Never
/// fails: whatever goes wrong becomes a [`Problem`] to show, and the wizard runs on.
pub fn open_for_wizard(store: Option<&Store>, now: DateTime<Utc>) -> Opening {
    let read_only = |record: Record, problem: Problem| Opening { record, lock: None, problem: Some(problem) };
    let Some(store) = store else {
        return read_only(Record::default(), Problem::NoLocation);
    };
    let lock = match store.try_lock() {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            return match store.load() {
                Ok(record) => read_only(record, Problem::Busy),
                Err(error) => read_only(Record::default(), problem_of(error)),
            };
        }
        Err(error) => {
            let problem = Problem::Unwritable(error.to_string());
            return match store.load() {
                Ok(record) => read_only(record, problem),
                Err(error) => read_only(Record::default(), problem_of(error)),
            };
        }
    };
    match store.load() {
        Ok(record) => Opening { record, lock: Some(lock), problem: None },
        Err(error) if error.is_damage() => match store.set_aside(now) {
            Ok(aside) => Opening {
                record: Record::default(),
                lock: Some(lock),
                problem: Some(Problem::SetAside { problem: error.to_string(), aside }),
            },
            Err(io) => read_only(Record::default(), Problem::Unwritable(io.to_string())),
        },
        Err(error) => read_only(Record::default(), problem_of(error)),
    }
}

fn problem_of(error: LoadError) -> Problem {
    match error {
        LoadError::FutureVersion(version) => Problem::FutureVersion(version),
        LoadError::Unreadable(error) => Problem::Unreadable(error.to_string()),
        LoadError::TooLarge(_) | LoadError::Corrupt(_) => Problem::Damaged(error.to_string()),
    }
}

/// Where the record lives, and the operations on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

/// Held while a process may write the record; released on drop.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Why a save failed. The file on disk is unchanged in every case.
#[derive(Debug)]
pub struct SaveError(pub io::Error);

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    /// The record's path: `--data-file`, else `$BEZWAAR_DATA_FILE`, else the platform's data
    /// directory (on Linux `$XDG_DATA_HOME/bezwaar/record.json`).
    pub fn locate(flag: Option<PathBuf>, env: Option<OsString>) -> Option<Store> {
        flag.or_else(|| env.filter(|value| !value.is_empty()).map(PathBuf::from))
            .or_else(|| {
                directories::ProjectDirs::from("", "", "bezwaar")
                    .map(|dirs| dirs.data_dir().join("record.json"))
            })
            .map(Store::new)
    }

    /// The path as given (a symlink stays one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file actually read and written: the record's path with symlinks followed, so that
    /// a symlinked record is updated where it lives.
    fn target(&self) -> io::Result<PathBuf> {
        let mut path = self.path.clone();
        for _ in 0..40 {
            match fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    let link = fs::read_link(&path)?;
                    path = match path.parent() {
                        Some(parent) if link.is_relative() => parent.join(link),
                        _ => link,
                    };
                }
                Ok(_) => return Ok(path),
                Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(path),
                Err(error) => return Err(error),
            }
        }
        Err(io::Error::other("too many levels of symbolic links"))
    }

    /// Reads the record; a missing file is an empty record.
    pub fn load(&self) -> Result<Record, LoadError> {
        let target = self.target().map_err(LoadError::Unreadable)?;
        // Only a regular file is opened: a FIFO or a device at the record's place would block
        // or never end.
        match fs::metadata(&target) {
            Ok(meta) if !meta.is_file() => {
                return Err(LoadError::Unreadable(io::Error::other("not a regular file")));
            }
            _ => {}
        }
        let file = match File::open(&target) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Record::default()),
            Err(error) => return Err(LoadError::Unreadable(error)),
        };
        let size = file.metadata().map_err(LoadError::Unreadable)?.len();
        if size > MAX_BYTES {
            return Err(LoadError::TooLarge(size));
        }
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(LoadError::Unreadable)?;
        parse(&bytes)
    }

    /// Moves a damaged record aside as `<name>.corrupt-<UTC timestamp>` (never over another
    /// file) and returns where it went.
    pub fn set_aside(&self, now: DateTime<Utc>) -> io::Result<PathBuf> {
        let target = self.target()?;
        let name = target.file_name().map(OsString::from).unwrap_or_else(|| OsString::from("record.json"));
        let stamp = now.format("%Y%m%dT%H%M%SZ");
        for attempt in 0..1000 {
            let mut aside = name.clone();
            aside.push(format!(".corrupt-{stamp}"));
            if attempt > 0 {
                aside.push(format!("-{attempt}"));
            }
            let aside = target.with_file_name(aside);
            // A hard link fails if the name is taken, so nothing is ever overwritten.
            match fs::hard_link(&target, &aside) {
                Ok(()) => {
                    fs::remove_file(&target)?;
                    sync_dir(&target);
                    return Ok(aside);
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
        Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many set-aside files"))
    }

    /// Writes the record atomically: temporary file, sync, rename, sync the directory. The
    /// caller holds the lock ([`Store::try_lock`]).
    pub fn save(&self, record: &Record) -> Result<(), SaveError> {
        self.write(record).map_err(SaveError)
    }

    fn write(&self, record: &Record) -> io::Result<()> {
        let target = self.target()?;
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        create_private_dir(&dir)?;
        let prefix = temp_prefix(&target);
        remove_stale_temp_files(&dir, &prefix);
        let mut json = serde_json::to_vec_pretty(record).map_err(io::Error::other)?;
        json.push(b'\n');
        let mut temp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(TEMP_SUFFIX)
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(&dir)?;
        temp.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
        temp.write_all(&json)?;
        temp.as_file().sync_all()?;
        // On failure the temporary file is removed when `temp` drops.
        temp.persist(&target).map_err(|error| error.error)?;
        sync_dir(&target);
        Ok(())
    }

    fn lock_path(&self) -> io::Result<PathBuf> {
        let target = self.target()?;
        let mut name = target.file_name().map(OsString::from).unwrap_or_default();
        name.push(".lock");
        Ok(target.with_file_name(name))
    }

    /// Takes the writer's lock if it is free; `Ok(None)` when another bezwaar holds it.
    pub fn try_lock(&self) -> io::Result<Option<Lock>> {
        let path = self.lock_path()?;
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        // A lock needs no write access: opening read-only keeps working when a strict umask
        // made an earlier lock file read-only. A new one is made 0600 whatever the umask.
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let file =
                    OpenOptions::new().create(true).truncate(false).write(true).mode(0o600).open(&path)?;
                file.set_permissions(fs::Permissions::from_mode(0o600))?;
                file
            }
            Err(error) => return Err(error),
        };
        match file.try_lock() {
            Ok(()) => Ok(Some(Lock { _file: file })),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(error)) => Err(error),
        }
    }

    /// Waits up to `patience` for the writer's lock; `Ok(None)` if it stayed taken.
    pub fn lock_within(&self, patience: Duration) -> io::Result<Option<Lock>> {
        let start = Instant::now();
        loop {
            if let Some(lock) = self.try_lock()? {
                return Ok(Some(lock));
            }
            if start.elapsed() >= patience {
                return Ok(None);
            }
            thread::sleep(Duration::from_millis(25));
        }
    }
}

const TEMP_SUFFIX: &str = ".tmp";

/// Temporary files of a record are named `.<record name>-<random>.tmp`.
fn temp_prefix(target: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push("-");
    prefix
}

/// Removes temporary files a killed writer left behind. Callers hold the record's lock, so no
/// other writer can be using them.
fn remove_stale_temp_files(dir: &Path, prefix: &OsString) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let prefix = prefix.as_encoded_bytes();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let bytes = name.as_encoded_bytes();
        if bytes.starts_with(prefix) && bytes.ends_with(TEMP_SUFFIX.as_bytes()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Creates `dir` and any missing parents; the ones created here get 0700 whatever the umask.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    match fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => fs::set_permissions(dir, fs::Permissions::from_mode(0o700)),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(error) => Err(error),
    }
}

/// Makes a rename in the file's directory durable. Best effort: some file systems refuse.
fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn objection(platform: &str, account: Option<&str>) -> Objection {
        Objection {
            platform: platform.into(),
            account: account.map(Into::into),
            submitted_on: date("2025-05-20"),
            confirmation_on: None,
            note: None,
        }
    }

    #[test]
    fn the_documented_example_parses() {
        let json = br#"{"version": 1, "objections": [{"platform": "instagram", "account": null,
            "submitted_on": "2025-05-20", "confirmation_on": null, "note": null}]}"#;
        let record = parse(json).unwrap();
        assert_eq!(record.objections, vec![objection("instagram", None)]);
    }

    #[test]
    fn marking_twice_keeps_one_entry_per_platform_and_account() {
        let mut record = Record::default();
        record.mark(objection("facebook", None));
        record.mark(objection("facebook", Some("work")));
        let mut again = objection("facebook", None);
        again.note = Some("second time".into());
        record.mark(again.clone());
        assert_eq!(record.objections.len(), 2);
        assert_eq!(record.find("facebook", None), Some(&again));
        assert!(record.unmark("facebook", Some("work")));
        assert!(!record.unmark("facebook", Some("work")));
        assert_eq!(record.objections, vec![again]);
    }

    #[test]
    fn bad_bytes_are_corrupt_not_a_panic() {
        let deep = "[".repeat(200_000);
        let cases: [&[u8]; 9] = [
            b"",
            b"\0\0\0\0",
            b"{",
            b"null",
            b"[]",
            br#"{"version": "1", "objections": []}"#,
            br#"{"version": 1, "objections": [{"platform": 3}]}"#,
            br#"{"version": 1, "objections": [], "extra": true}"#,
            deep.as_bytes(),
        ];
        for bytes in cases {
            let error = parse(bytes).unwrap_err();
            assert!(
                matches!(error, LoadError::Corrupt(_)),
                "{:?}: {error:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(20)])
            );
        }
        assert!(matches!(parse(br#"{"version": 0, "objections": []}"#), Err(LoadError::Corrupt(_))));
        let bad_date = br#"{"version": 1, "objections": [{"platform": "x", "account": null,
            "submitted_on": "2025-02-30", "confirmation_on": null, "note": null}]}"#;
        assert!(matches!(parse(bad_date), Err(LoadError::Corrupt(_))));
    }

    #[test]
    fn a_newer_version_is_recognised_even_in_another_shape() {
        let error = parse(br#"{"version": 7, "entries": {"whatever": 1}}"#).unwrap_err();
        assert!(matches!(error, LoadError::FutureVersion(7)));
        assert!(!error.is_damage());
    }

    #[test]
    fn hidden_characters_are_removed_and_length_capped() {
        let hostile =
            "a\x1b[2Jb\x1b]52;c;aGk=\x07c\x1b]8;;https://evil.example\x1b\\d\u{9b}e\u{202E}f\u{200B}g\u{7f}h";
        assert_eq!(clean(hostile, 100), "a[2Jb]52;c;aGk=c]8;;https://evil.example\\defgh");
        assert_eq!(clean(&"x".repeat(1000), MAX_NOTE_CHARS).chars().count(), MAX_NOTE_CHARS);
        assert_eq!(clean_optional(Some(" \u{200B} "), 10), None);
    }

    #[test]
    fn the_parsers_message_about_a_hostile_field_name_is_cleaned() {
        let json =
            "{\"version\": 1, \"objections\": [], \"\\u001b]52;c;aGk=\\u0007\\u001b[31mRED\\u202e\": 1}";
        let LoadError::Corrupt(message) = parse(json.as_bytes()).unwrap_err() else { panic!("corrupt") };
        assert!(message.contains("RED"), "{message}");
        assert!(!message.contains(['\x1b', '\x07', '\u{202e}']), "{message:?}");
    }

    #[test]
    fn more_invisible_characters_are_removed() {
        let text = "a\u{2028}b\u{E0041}c\u{206A}d\u{FFF9}e\u{180E}f\u{034F}g\u{3164}h\u{1D173}i";
        assert_eq!(clean(text, 100), "abcdefghi");
    }

    #[test]
    fn text_from_the_file_is_cleaned_when_read() {
        let json =
            "{\"version\": 1, \"objections\": [{\"platform\": \"instagram\", \"account\": \"me\\u001b[2J\",
            \"submitted_on\": \"2025-05-20\", \"confirmation_on\": null, \"note\": \"\\u202Eevil\"}]}";
        let record = parse(json.as_bytes()).unwrap();
        assert_eq!(record.objections[0].account.as_deref(), Some("me[2J"));
        assert_eq!(record.objections[0].note.as_deref(), Some("evil"));
    }

    #[test]
    fn save_and_load_round_trip_with_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("new/deeper/record.json"));
        assert_eq!(store.load().unwrap(), Record::default(), "no file is an empty record");
        let mut record = Record::default();
        record.mark(objection("instagram", None));
        record.mark(Objection { note: Some("note".into()), ..objection("facebook", Some("work")) });
        store.save(&record).unwrap();
        assert_eq!(store.load().unwrap(), record);
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(store.path()), 0o600);
        assert_eq!(mode(&dir.path().join("new/deeper")), 0o700);
        assert_eq!(mode(&dir.path().join("new")), 0o700);
        let names: Vec<_> =
            fs::read_dir(dir.path().join("new/deeper")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![OsString::from("record.json")], "no temporary files stay behind");
    }

    #[test]
    fn temporary_files_left_by_a_killed_writer_are_removed_on_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("record.json"));
        let stale = dir.path().join(".record.json-abc123.tmp");
        let other = dir.path().join(".other.json-abc123.tmp");
        fs::write(&stale, b"half").unwrap();
        fs::write(&other, b"not ours").unwrap();
        store.save(&Record::default()).unwrap();
        assert!(!stale.exists());
        assert!(other.exists(), "another record's files are left alone");
    }

    #[test]
    fn a_symlinked_record_is_followed_and_stays_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("record.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        let store = Store::new(&link);
        let mut record = Record::default();
        record.mark(objection("instagram", None));
        store.save(&record).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(parse(&fs::read(&real).unwrap()).unwrap(), record);
    }

    #[test]
    fn a_damaged_record_is_set_aside_under_a_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let store = Store::new(&path);
        let now = DateTime::parse_from_rfc3339("2026-11-29T10:11:12Z").unwrap().with_timezone(&Utc);
        for round in 0..2 {
            fs::write(&path, b"{\"version\": 1, \"objec").unwrap();
            assert!(store.load().unwrap_err().is_damage());
            let aside = store.set_aside(now).unwrap();
            let expected = if round == 0 {
                "record.json.corrupt-20261129T101112Z"
            } else {
                "record.json.corrupt-20261129T101112Z-1"
            };
            assert_eq!(aside, dir.path().join(expected));
            assert_eq!(fs::read(&aside).unwrap(), b"{\"version\": 1, \"objec");
            assert!(!path.exists());
        }
    }

    #[test]
    fn the_wizard_sets_damage_aside_and_reads_only_when_it_must() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let store = Store::new(&path);
        let now = Utc::now();
        let mut record = Record::default();
        record.mark(objection("instagram", None));
        store.save(&record).unwrap();

        let opening = open_for_wizard(Some(&store), now);
        assert_eq!((opening.record.clone(), opening.problem.clone()), (record.clone(), None));
        assert!(opening.lock.is_some());
        let second = open_for_wizard(Some(&store), now);
        assert_eq!((second.record, second.problem), (record, Some(Problem::Busy)));
        assert!(second.lock.is_none(), "the second wizard only looks");
        drop(opening);

        fs::write(&path, b"garbage").unwrap();
        let opening = open_for_wizard(Some(&store), now);
        assert!(
            matches!(&opening.problem, Some(Problem::SetAside { aside, .. }) if fs::read(aside).unwrap() == b"garbage")
        );
        assert!(opening.problem.as_ref().unwrap().allows_writing());
        drop(opening);

        fs::write(&path, br#"{"version": 9}"#).unwrap();
        let opening = open_for_wizard(Some(&store), now);
        assert_eq!(opening.problem, Some(Problem::FutureVersion(9)));
        assert!(opening.lock.is_none(), "a newer record is never written");
        assert_eq!(open_for_wizard(None, now).problem, Some(Problem::NoLocation));
    }

    #[test]
    fn a_read_only_lock_file_still_locks_and_a_new_one_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("record.json"));
        drop(store.try_lock().unwrap().unwrap());
        let lock = dir.path().join("record.json.lock");
        assert_eq!(fs::metadata(&lock).unwrap().permissions().mode() & 0o777, 0o600);
        fs::set_permissions(&lock, fs::Permissions::from_mode(0o400)).unwrap();
        let held = store.try_lock().unwrap();
        assert!(held.is_some(), "a read-only lock file still locks");
        assert!(store.try_lock().unwrap().is_none());
    }

    #[test]
    fn a_fifo_in_the_records_place_is_reported_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let status = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(status.success());
        assert!(matches!(Store::new(&path).load(), Err(LoadError::Unreadable(_))));
    }

    #[test]
    fn one_writer_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("record.json"));
        let first = store.try_lock().unwrap();
        assert!(first.is_some());
        assert!(store.try_lock().unwrap().is_none(), "a second lock is refused while the first is held");
        assert!(store.lock_within(Duration::from_millis(100)).unwrap().is_none());
        drop(first);
        assert!(store.try_lock().unwrap().is_some());
    }

    #[test]
    fn the_location_follows_flag_then_environment_then_data_directory() {
        let flag = Store::locate(Some("/a/flag.json".into()), Some("/b/env.json".into())).unwrap();
        assert_eq!(flag.path(), Path::new("/a/flag.json"));
        let env = Store::locate(None, Some("/b/env.json".into())).unwrap();
        assert_eq!(env.path(), Path::new("/b/env.json"));
        let default = Store::locate(None, Some("".into())).unwrap();
        assert!(default.path().ends_with("bezwaar/record.json"), "{}", default.path().display());
    }
}

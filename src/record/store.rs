//! Where the record lives, and how changes reach it.
//!
//! Reading takes no lock: a wizard left open blocks nobody. A change takes the lock beside the
//! record only for the moment of the write: lock, read the file as it is now, apply the change,
//! save atomically, release ([`Store::apply`]). So a command run while a wizard is open
//! succeeds at once, two wizards can both write, and a file written by something that ignores
//! the lock (an editor, a sync tool, a restored backup) is what the next change is applied to.
//!
//! - saving writes a temporary file in the same directory, syncs it, renames it over the record
//!   and syncs the directory: the file on disk is always the old or the new version;
//! - the file is 0600 and a directory bezwaar creates is 0700, whatever the umask; a symlinked
//!   record is followed and stays a symlink;
//! - a file that is not a record at all is never overwritten: it is moved aside as
//!   `<name>.corrupt-<UTC timestamp>` and the person is told where it is;
//! - a record from a newer version of bezwaar is never written, nor one larger than bezwaar
//!   reads back.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, Utc};

use super::{Change, MAX_BYTES, Outcome, Record, VERSION, parse};
use crate::text::OsError;
use crate::{files, platform};

/// Why a record could not be read. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file is there but could not be read (permissions, I/O error).
    Unreadable(OsError),
    /// Something other than a file is at the record's place (a FIFO, a directory, a device).
    NotAFile,
    /// Larger than any real record.
    TooLarge(u64),
    /// Not a record: empty, truncated, garbage, not an object, nested too deep.
    Corrupt(String),
    /// Written by a newer bezwaar; this one must not change it.
    FutureVersion(u64),
}

impl LoadError {
    /// Whether the file is not a record at all, and is moved aside before starting afresh.
    pub fn is_damage(&self) -> bool {
        matches!(self, LoadError::TooLarge(_) | LoadError::Corrupt(_))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable(error) => write!(f, "{error}"),
            LoadError::NotAFile => write!(f, "not a file"),
            LoadError::TooLarge(size) => write!(f, "{size} bytes"),
            LoadError::Corrupt(problem) => write!(f, "{problem}"),
            LoadError::FutureVersion(version) => write!(f, "version {version}"),
        }
    }
}

/// Why a change did not reach the file. In every case the file on disk is as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Another bezwaar held the lock for longer than the wait.
    Busy,
    /// The record as it is now cannot be read or must not be written (a newer version).
    Load(LoadError),
    /// The file is not a record, and moving it aside failed.
    SetAside(LoadError, OsError),
    /// The record would be larger than bezwaar reads back ([`MAX_BYTES`]); its size in bytes.
    TooLarge(u64),
    /// Taking the lock or saving failed.
    Io(OsError),
}

/// What the wizard must tell about the record at the start, or when it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file was not a record and was moved aside; the wizard starts with an empty record.
    SetAside(SetAside),
    /// The file is from a newer bezwaar: shown read-only, never written.
    FutureVersion(u64),
    /// The file could not be read; nothing was changed.
    Unreadable(LoadError),
    /// The file is not a record, and could not be moved aside.
    Damaged { problem: String, error: OsError },
    /// There is no place for the record (no home directory and no --data-file).
    NoLocation,
}

impl Problem {
    /// Whether the wizard may still mark and save.
    pub fn allows_writing(&self) -> bool {
        matches!(self, Problem::SetAside(_))
    }

    /// Whether what is on disk could not be read at all, so nothing can be said about it.
    pub fn record_unknown(&self) -> bool {
        matches!(self, Problem::FutureVersion(_) | Problem::Unreadable(_) | Problem::Damaged { .. })
    }

    /// The problem a failed read means for the wizard.
    pub fn of(error: LoadError) -> Problem {
        match error {
            LoadError::FutureVersion(version) => Problem::FutureVersion(version),
            error => Problem::Unreadable(error),
        }
    }
}

/// What the wizard starts with.
#[derive(Debug)]
pub struct Opening {
    pub record: Record,
    /// The file as it was read, to notice a change later.
    pub stamp: Option<Stamp>,
    pub problem: Option<Problem>,
}

/// How the record file looked when it was read: a change by anyone changes this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Which file it is and when its inode last changed, where the system tells.
    identity: [i64; 4],
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        Stamp { len: meta.len(), modified: meta.modified().ok(), identity: platform::identity(meta) }
    }
}

/// What follows the record's file name in the name of its lock file.
pub const LOCK_SUFFIX: &str = ".lock";

/// What follows the record's file name in the name of a damaged record moved aside (then a
/// timestamp).
pub const SET_ASIDE_SUFFIX: &str = ".corrupt-";

/// The file was not a record and was moved aside before a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub problem: String,
    pub aside: PathBuf,
}

/// What [`Store::apply`] did: the record as it is on disk now, what each change did, and the
/// damaged file it moved aside first, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub record: Record,
    pub stamp: Option<Stamp>,
    pub outcomes: Vec<Outcome>,
    pub set_aside: Option<SetAside>,
}

/// Where the record lives, and the operations on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

/// Held while a process writes the record; released on drop.
#[derive(Debug)]
struct Lock {
    _file: File,
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

    /// The file actually read and written: the record's path with symlinks followed.
    pub fn target(&self) -> io::Result<PathBuf> {
        files::follow_links(&self.path)
    }

    /// How the file looks now; `None` when it is missing or cannot be looked at.
    pub fn stamp(&self) -> Option<Stamp> {
        fs::metadata(self.target().ok()?).ok().map(|meta| Stamp::of(&meta))
    }

    /// Reads the record; a missing file is an empty record.
    pub fn load(&self) -> Result<Record, LoadError> {
        self.read().map(|(record, _)| record)
    }

    /// Reads the record with the stamp of the file that was read.
    pub fn read(&self) -> Result<(Record, Option<Stamp>), LoadError> {
        let target = self.target().map_err(|error| LoadError::Unreadable(OsError::of(&error)))?;
        match read_bounded(&target)? {
            Some((bytes, stamp)) => Ok((parse(&bytes)?, Some(stamp))),
            None => Ok((Record::default(), None)),
        }
    }

    /// Reads the record; when it is not a record, looks once more a moment later before that
    /// counts (a program that writes files in place may have been caught halfway).
    fn read_settled(&self) -> Result<(Record, Option<Stamp>), LoadError> {
        match self.read() {
            Err(error) if error.is_damage() => {
                thread::sleep(Duration::from_millis(50));
                self.read()
            }
            read => read,
        }
    }

    /// Opens the record for the wizard. Never fails: whatever goes wrong becomes a [`Problem`]
    /// to show, and the wizard runs on. A file that is not a record is moved aside (under the
    /// lock, after looking once more).
    pub fn open(store: Option<&Store>, now: DateTime<Utc>, patience: Duration) -> Opening {
        let Some(store) = store else {
            return Opening { record: Record::default(), stamp: None, problem: Some(Problem::NoLocation) };
        };
        // The file as it is, so that only a later change counts as one.
        let problem = |problem: Problem| Opening {
            record: Record::default(),
            stamp: store.stamp(),
            problem: Some(problem),
        };
        match store.read() {
            Ok((record, stamp)) => Opening { record, stamp, problem: None },
            // Looked at again under the lock before it is moved.
            Err(error) if error.is_damage() => {
                let damaged = |error: &LoadError, os: OsError| {
                    problem(Problem::Damaged { problem: error.to_string(), error: os })
                };
                let _lock = match store.lock_within(patience) {
                    Ok(Some(lock)) => lock,
                    Ok(None) => {
                        return damaged(&error, OsError::of(&io::Error::from(io::ErrorKind::WouldBlock)));
                    }
                    Err(os) => return damaged(&error, OsError::of(&os)),
                };
                match store.read_settled() {
                    Ok((record, stamp)) => Opening { record, stamp, problem: None },
                    Err(error) if error.is_damage() => match store.set_aside(now) {
                        Ok(aside) => {
                            problem(Problem::SetAside(SetAside { problem: error.to_string(), aside }))
                        }
                        Err(os) => damaged(&error, OsError::of(&os)),
                    },
                    Err(error) => problem(Problem::of(error)),
                }
            }
            Err(error) => problem(Problem::of(error)),
        }
    }

    /// Applies `changes` to the record as it is on disk now, and saves it if anything changed:
    /// lock (waiting up to `patience`), read, apply, save, release. A file that is not a record
    /// is moved aside first and the changes applied to an empty record.
    pub fn apply(
        &self,
        changes: &[Change],
        now: DateTime<Utc>,
        patience: Duration,
    ) -> Result<Applied, WriteError> {
        let io = |error: io::Error| WriteError::Io(OsError::of(&error));
        let _lock = self.lock_within(patience).map_err(io)?.ok_or(WriteError::Busy)?;
        let (mut record, stamp, set_aside) = match self.read_settled() {
            Ok((record, stamp)) => (record, stamp, None),
            Err(error) if error.is_damage() => {
                let aside = self
                    .set_aside(now)
                    .map_err(|os| WriteError::SetAside(error.clone(), OsError::of(&os)))?;
                (Record::default(), None, Some(SetAside { problem: error.to_string(), aside }))
            }
            Err(error) => return Err(WriteError::Load(error)),
        };
        let outcomes: Vec<Outcome> = changes.iter().map(|change| record.apply(change)).collect();
        if !outcomes.iter().any(Outcome::changed) {
            return Ok(Applied { record, stamp, outcomes, set_aside });
        }
        record.version = VERSION;
        let stamp = self.save(&record)?;
        Ok(Applied { record, stamp, outcomes, set_aside })
    }

    /// Writes the record atomically; returns the stamp of the file written. Only for a caller
    /// that holds the lock.
    fn save(&self, record: &Record) -> Result<Option<Stamp>, WriteError> {
        let json = record.to_json().map_err(|error| WriteError::Io(OsError::of(&io::Error::other(error))))?;
        // Never write what would be refused when read back.
        if json.len() as u64 > MAX_BYTES {
            return Err(WriteError::TooLarge(json.len() as u64));
        }
        let io = |error: io::Error| WriteError::Io(OsError::of(&error));
        let target = self.target().map_err(io)?;
        files::create_private_dir(&files::dir_of(&target)).map_err(io)?;
        files::remove_stale_temp_files(&target);
        files::replace(&target, &json).map(|meta| meta.as_ref().map(Stamp::of)).map_err(io)
    }

    /// Moves a damaged record aside as `<name>.corrupt-<UTC timestamp>` (never over another
    /// file) and returns where it went.
    fn set_aside(&self, now: DateTime<Utc>) -> io::Result<PathBuf> {
        let target = self.target()?;
        let name = target.file_name().map(OsString::from).unwrap_or_else(|| OsString::from("record.json"));
        let stamp = now.format("%Y%m%dT%H%M%SZ");
        for attempt in 0..1000 {
            let mut aside = name.clone();
            aside.push(format!("{SET_ASIDE_SUFFIX}{stamp}"));
            if attempt > 0 {
                aside.push(format!("-{attempt}"));
            }
            let aside = target.with_file_name(aside);
            // A hard link fails if the name is taken, so nothing is ever overwritten.
            match fs::hard_link(&target, &aside) {
                Ok(()) => {
                    // Only the damaged file is moved: a record another program put in its place
                    // in the meantime (it ignores the lock) stays where it is.
                    let damaged = match read_bounded(&aside) {
                        Ok(Some((bytes, _))) => parse(&bytes).is_err_and(|error| error.is_damage()),
                        Ok(None) => false,
                        Err(error) => error.is_damage(),
                    };
                    if !damaged || !platform::same_file(&target, &aside) {
                        let _ = fs::remove_file(&aside);
                        return Err(io::Error::new(
                            io::ErrorKind::Interrupted,
                            "the record changed while it was set aside",
                        ));
                    }
                    fs::remove_file(&target)?;
                    files::sync_dir(&target);
                    return Ok(aside);
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
        Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many set-aside files"))
    }

    /// The lock file beside the record: `<name>.lock`.
    pub fn lock_path(&self) -> io::Result<PathBuf> {
        let target = self.target()?;
        let mut name = target.file_name().map(OsString::from).unwrap_or_default();
        name.push(LOCK_SUFFIX);
        Ok(target.with_file_name(name))
    }

    /// Takes the writer's lock if it is free; `Ok(None)` when another bezwaar holds it.
    fn try_lock(&self) -> io::Result<Option<Lock>> {
        let path = self.lock_path()?;
        files::create_private_dir(&files::dir_of(&path))?;
        // A lock needs no write access: opening read-only keeps working when a strict umask
        // made an earlier lock file read-only. A new one is made 0600 whatever the umask.
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let mut options = OpenOptions::new();
                options.create(true).truncate(false).write(true);
                platform::private_file(&mut options);
                let file = options.open(&path)?;
                platform::make_private(&path, false)?;
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
    fn lock_within(&self, patience: Duration) -> io::Result<Option<Lock>> {
        let start = Instant::now();
        loop {
            if let Some(lock) = self.try_lock()? {
                return Ok(Some(lock));
            }
            if start.elapsed() >= patience {
                return Ok(None);
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Reads a file of at most [`MAX_BYTES`], with the stamp of the file read; `None` when there is
/// none. It is opened without waiting and must be a regular file: a FIFO or a device at its
/// place would block or never end.
fn read_bounded(path: &Path) -> Result<Option<(Vec<u8>, Stamp)>, LoadError> {
    let unreadable = |error: io::Error| LoadError::Unreadable(OsError::of(&error));
    let file = match files::open_regular(path) {
        Ok(Some(file)) => file,
        Ok(None) => return Err(LoadError::NotAFile),
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(unreadable(error)),
    };
    let meta = file.metadata().map_err(unreadable)?;
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    Ok(Some((bytes, Stamp::of(&meta))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Mark, Objection};
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    fn date(text: &str) -> chrono::NaiveDate {
        crate::dates::parse(text).unwrap()
    }

    const WAIT: Duration = Duration::from_millis(200);

    fn mark(store: &Store, platform: &str, account: Option<&str>) -> Applied {
        let change = Change::Mark(Mark::new(platform, account, date("2026-12-01")));
        store.apply(&[change], Utc::now(), WAIT).unwrap()
    }

    #[test]
    fn apply_and_read_round_trip_with_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("new/deeper/record.json"));
        assert_eq!(store.load().unwrap(), Record::default(), "no file is an empty record");
        mark(&store, "instagram", None);
        let applied = mark(&store, "facebook", Some("work"));
        assert_eq!(store.load().unwrap(), applied.record);
        assert_eq!(applied.stamp, store.stamp());
        assert_eq!(applied.record.objections().count(), 2);
        #[cfg(unix)]
        {
            let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(store.path()), 0o600);
            assert_eq!(mode(&dir.path().join("new/deeper")), 0o700);
            assert_eq!(mode(&dir.path().join("new")), 0o700);
        }
        let mut names: Vec<_> =
            fs::read_dir(dir.path().join("new/deeper")).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, [OsString::from("record.json"), OsString::from("record.json.lock")]);
    }

    #[test]
    fn a_change_is_applied_to_the_file_as_it_is_now() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let store = Store::new(&path);
        mark(&store, "instagram", None);
        // Something that ignores the lock writes the file: an editor, a restored backup.
        let by_hand = r#"{"version": 1, "objections": [{"platform": "linkedin", "account": null,
            "submitted_on": "2025-05-20", "confirmation_on": null, "note": "by hand"}], "mine": 1}"#;
        fs::write(&path, by_hand).unwrap();
        let applied = mark(&store, "facebook", None);
        let platforms: Vec<&str> = applied.record.objections().map(|o| o.platform.as_str()).collect();
        assert_eq!(platforms, ["linkedin", "facebook"]);
        assert_eq!(applied.record.extra().len(), 1);
        assert_eq!(store.load().unwrap(), applied.record);
    }

    #[test]
    fn nothing_changed_means_nothing_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let store = Store::new(&path);
        mark(&store, "instagram", None);
        let before = fs::read(&path).unwrap();
        let stamp = store.stamp();
        let again = mark(&store, "instagram", None);
        assert!(matches!(again.outcomes[..], [Outcome::AlreadyMarked { .. }]));
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(store.stamp(), stamp, "the file was not touched");
    }

    #[test]
    fn a_record_too_large_to_read_back_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let store = Store::new(&path);
        let filler = "x".repeat(usize::try_from(MAX_BYTES).unwrap() - 200);
        let near = format!(r#"{{"version": 2, "objections": [], "filler": "{filler}"}}"#);
        fs::write(&path, &near).unwrap();
        assert!(store.load().is_ok(), "it reads");
        let change = Change::Add(Objection {
            note: Some("n".repeat(300)),
            ..Objection::new("instagram", None, date("2025-05-20"))
        });
        let error = store.apply(&[change], Utc::now(), WAIT).unwrap_err();
        assert!(matches!(error, WriteError::TooLarge(size) if size > MAX_BYTES), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), near, "the file is unchanged");
    }

    #[test]
    fn a_newer_record_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        fs::write(&path, br#"{"version": 9}"#).unwrap();
        let store = Store::new(&path);
        let change = Change::Mark(Mark::new("instagram", None, date("2026-12-01")));
        assert_eq!(
            store.apply(&[change], Utc::now(), WAIT),
            Err(WriteError::Load(LoadError::FutureVersion(9)))
        );
        assert_eq!(fs::read(&path).unwrap(), br#"{"version": 9}"#);
        let opening = Store::open(Some(&store), Utc::now(), WAIT);
        assert_eq!(opening.problem, Some(Problem::FutureVersion(9)));
        assert_eq!(Store::open(None, Utc::now(), WAIT).problem, Some(Problem::NoLocation));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_record_is_followed_and_stays_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("record.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        let store = Store::new(&link);
        let applied = mark(&store, "instagram", None);
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(parse(&fs::read(&real).unwrap()).unwrap(), applied.record);
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
            let opening = Store::open(Some(&store), now, WAIT);
            let expected = if round == 0 {
                "record.json.corrupt-20261129T101112Z"
            } else {
                "record.json.corrupt-20261129T101112Z-1"
            };
            let aside = dir.path().join(expected);
            assert!(
                matches!(&opening.problem, Some(Problem::SetAside(set_aside)) if set_aside.aside == aside)
            );
            assert!(opening.problem.as_ref().unwrap().allows_writing());
            assert_eq!(fs::read(&aside).unwrap(), b"{\"version\": 1, \"objec");
            assert!(!path.exists());
        }
    }

    #[cfg(unix)]
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
        let change = Change::Mark(Mark::new("instagram", None, date("2026-12-01")));
        assert_eq!(
            store.apply(&[change], Utc::now(), WAIT),
            Err(WriteError::Busy),
            "a held lock is waited for, then said"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_records_place_is_reported_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let status = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(status.success());
        assert_eq!(Store::new(&path).load(), Err(LoadError::NotAFile));
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

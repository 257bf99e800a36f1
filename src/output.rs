//! Files bezwaar writes when asked (a calendar): never over the record or anything that belongs
//! to it, never over something that is not a regular file, never over an existing file bezwaar
//! did not write unless the person says `--force`; written atomically and readable by the
//! person only. `-` means standard output.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::files;
use crate::record::{LOCK_SUFFIX, SET_ASIDE_SUFFIX, Store};
use crate::text::OsError;

/// Where output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
}

impl Destination {
    /// `-` is standard output; anything else a file.
    pub fn of(path: &Path) -> Destination {
        if path.as_os_str() == "-" { Destination::Stdout } else { Destination::File(path.to_path_buf()) }
    }
}

/// Why an output file was not written. The file, if there is one, is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    /// The path is the record, its lock, a temporary or a set-aside file of it.
    IsRecord,
    /// Something other than a regular file is there (a FIFO, a directory, a device).
    NotAFile,
    /// A file is there that bezwaar did not write, and `--force` was not given.
    NotOurs,
    Io(OsError),
}

/// How much of an existing file is read to tell whether bezwaar wrote it.
const SNIFF: u64 = 64 * 1024;

/// Writes `bytes` to `path` under the rules above. `ours` tells from the start of an existing
/// file whether bezwaar wrote it.
pub fn write(
    path: &Path,
    bytes: &[u8],
    ours: impl Fn(&[u8]) -> bool,
    force: bool,
    record: Option<&Store>,
) -> Result<(), OutputError> {
    let io = |error: io::Error| OutputError::Io(OsError::of(&error));
    let target = files::follow_links(path).map_err(io)?;
    if let Some(store) = record
        && belongs_to_record(&target, store)
    {
        return Err(OutputError::IsRecord);
    }
    // Opened without waiting, and looked at as opened: a FIFO is never waited on.
    match files::open_regular(&target) {
        Ok(None) => return Err(OutputError::NotAFile),
        Ok(Some(_)) if force => {}
        Ok(Some(file)) => {
            let mut start = Vec::new();
            file.take(SNIFF).read_to_end(&mut start).map_err(io)?;
            if !ours(&start) {
                return Err(OutputError::NotOurs);
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(io(error)),
    }
    files::replace(&target, bytes).map(|_| ()).map_err(io)
}

/// Whether `target` is the record or one of its files: the lock, a temporary file, a file set
/// aside. Compared by where the files really are, so that another spelling of the same path or
/// a symlink to it is caught too, and by name without regard to case, for disks that do not
/// tell `RECORD.JSON` from `record.json`.
fn belongs_to_record(target: &Path, store: &Store) -> bool {
    let Ok(record) = store.target() else { return true };
    if crate::platform::same_file(target, &record) {
        return true;
    }
    let (Some(name), Some(record_name)) = (target.file_name(), record.file_name()) else { return false };
    let same_dir = match (fs::canonicalize(files::dir_of(target)), fs::canonicalize(files::dir_of(&record))) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same_dir {
        return false;
    }
    let name = name.to_os_string();
    let (name_bytes, record_bytes) =
        (name.as_encoded_bytes().to_ascii_lowercase(), record_name.as_encoded_bytes().to_ascii_lowercase());
    let after = name_bytes.strip_prefix(record_bytes.as_slice());
    after.is_some_and(|rest| {
        rest.is_empty() || rest == LOCK_SUFFIX.as_bytes() || rest.starts_with(SET_ASIDE_SUFFIX.as_bytes())
    }) || files::is_temp_of(&name, &record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(bytes: &[u8]) -> bool {
        bytes.starts_with(b"OURS")
    }

    #[test]
    fn the_record_and_its_files_are_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("record.json"));
        fs::write(dir.path().join("record.json"), b"{}").unwrap();
        for name in [
            "record.json",
            "RECORD.JSON",
            "record.json.lock",
            "record.json.corrupt-20261201T000000Z",
            ".record.json-0123456789abcdef.tmp",
        ] {
            let path = dir.path().join(name);
            assert_eq!(write(&path, b"OURS", ours, true, Some(&store)), Err(OutputError::IsRecord), "{name}");
        }
        assert_eq!(write(&dir.path().join("record.json.ics"), b"OURS", ours, false, Some(&store)), Ok(()));
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let around = sub.join("../record.json");
        assert_eq!(write(&around, b"OURS", ours, true, Some(&store)), Err(OutputError::IsRecord));
        assert_eq!(fs::read(dir.path().join("record.json")).unwrap(), b"{}");
    }

    #[test]
    fn only_files_bezwaar_wrote_are_replaced_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.ics");
        assert_eq!(write(&path, b"OURS 1", ours, false, None), Ok(()));
        assert_eq!(write(&path, b"OURS 2", ours, false, None), Ok(()), "bezwaar's own file is replaced");
        fs::write(&path, b"someone else's").unwrap();
        assert_eq!(write(&path, b"OURS 3", ours, false, None), Err(OutputError::NotOurs));
        assert_eq!(fs::read(&path).unwrap(), b"someone else's");
        assert_eq!(write(&path, b"OURS 3", ours, true, None), Ok(()), "--force replaces it");
        assert_eq!(fs::read(&path).unwrap(), b"OURS 3");
        assert_eq!(write(dir.path(), b"OURS", ours, true, None), Err(OutputError::NotAFile));
        assert_eq!(Destination::of(Path::new("-")), Destination::Stdout);
    }
}

//! Writing files so that a crash, a full disk or a second writer never leaves half of one: a
//! temporary file beside the target, synced, renamed over it, and the directory synced. Files
//! bezwaar writes are readable by the person only (0600, in 0700 directories it creates).

use std::collections::hash_map::RandomState;
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::platform;

const TEMP_SUFFIX: &str = ".tmp";

/// The path with symlinks followed, so that a symlinked file is written where it lives and the
/// link stays a link. A missing file is its own target.
pub fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
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

/// The directory a file is in ("." for a bare name).
pub fn dir_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Creates `dir` and any missing parents; the ones created here get 0700 whatever the umask.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut builder = fs::DirBuilder::new();
    platform::private_dir(&mut builder);
    match builder.create(dir) {
        Ok(()) => platform::make_private(dir, true),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(error) => Err(error),
    }
}

/// Opens a file to read it, without waiting: a FIFO or a device put where a file was expected
/// is refused (`Ok(None)`), whatever was there when it was looked at before.
pub fn open_regular(path: &Path) -> io::Result<Option<File>> {
    let mut options = OpenOptions::new();
    options.read(true);
    platform::without_waiting(&mut options);
    let file = options.open(path)?;
    Ok(file.metadata()?.is_file().then_some(file))
}

/// Opens a new file that nobody else may read (0600), failing if the name is taken.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    platform::private_file(&mut options);
    let file = options.open(path)?;
    platform::make_private(path, false)?;
    Ok(file)
}

/// The names of `target`'s temporary files begin with this: `.<name>-`.
fn temp_prefix(target: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push("-");
    prefix
}

/// Whether `name` is one of the temporary files of `target`: `.<name>-<16 hex digits>.tmp`,
/// exactly, so that another file whose name begins like it (`record.json-old`) is not taken
/// for one.
pub fn is_temp_of(name: &OsString, target: &Path) -> bool {
    let prefix = temp_prefix(target);
    name.as_encoded_bytes()
        .strip_prefix(prefix.as_encoded_bytes())
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX.as_bytes()))
        .is_some_and(|random| random.len() == 16 && random.iter().all(u8::is_ascii_hexdigit))
}

/// Removes temporary files of `target` that a killed writer left behind. Only for a caller that
/// holds the file's lock, so that no other writer can be using them.
pub fn remove_stale_temp_files(target: &Path) {
    let Ok(entries) = fs::read_dir(dir_of(target)) else { return };
    for entry in entries.flatten() {
        if is_temp_of(&entry.file_name(), target) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A temporary file that is removed again unless it was renamed into place.
struct Temp {
    path: PathBuf,
    file: File,
    renamed: bool,
}

impl Temp {
    fn beside(target: &Path) -> io::Result<Temp> {
        let dir = dir_of(target);
        let state = RandomState::new();
        for attempt in 0u64..100 {
            let mut hasher = state.build_hasher();
            hasher.write_u64(attempt);
            hasher.write_u32(std::process::id());
            let mut name = temp_prefix(target);
            name.push(format!("{:016x}{TEMP_SUFFIX}", hasher.finish()));
            let path = dir.join(name);
            match create_private(&path) {
                Ok(file) => return Ok(Temp { path, file, renamed: false }),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
        Err(io::Error::from(io::ErrorKind::AlreadyExists))
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Puts `bytes` in place of `target` whole, or leaves `target` as it was: a temporary file in
/// the same directory, synced, renamed over it, and the directory synced. The directory must
/// exist. On any failure the temporary file is removed and the error says the system's reason.
/// Returns how the file written looks, taken from the file itself, so that a file another
/// program puts at `target` right after is not taken for this one (`None` in the rare case the
/// file, once in place, cannot be looked at).
pub fn replace(target: &Path, bytes: &[u8]) -> io::Result<Option<fs::Metadata>> {
    let mut temp = Temp::beside(target)?;
    temp.file.write_all(bytes)?;
    temp.file.sync_all()?;
    fs::rename(&temp.path, target)?;
    temp.renamed = true;
    sync_dir(target);
    // The file is in place: nothing after this may report it as not written.
    Ok(temp.file.metadata().ok())
}

/// Makes a rename in the file's directory durable. Best effort: some file systems refuse.
pub fn sync_dir(file: &Path) {
    if let Ok(dir) = File::open(dir_of(file)) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_leaves_no_temporary_file_and_a_private_mode() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("file.txt");
        replace(&target, b"one").unwrap();
        replace(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, [OsString::from("file.txt")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn stale_temporary_files_of_this_file_only_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("record.json");
        let stale = dir.path().join(".record.json-0123456789abcdef.tmp");
        let others = [".other.json-0123456789abcdef.tmp", ".record.json-old.ics-0123456789abcdef.tmp"];
        fs::write(&stale, b"half").unwrap();
        for other in others {
            fs::write(dir.path().join(other), b"not ours").unwrap();
        }
        remove_stale_temp_files(&target);
        assert!(!stale.exists());
        for other in others {
            assert!(
                dir.path().join(other).exists(),
                "another file's temporary files are left alone: {other}"
            );
        }
    }
}

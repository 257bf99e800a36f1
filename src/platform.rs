//! What differs between Unix and other systems, in one place. Everything else in bezwaar is
//! written against the standard library and crossterm, which are portable: file locks (`File::
//! lock`), renaming a file over another, Ctrl-C and resizes as terminal events.
//!
//! On Unix (Linux, where bezwaar is tested, and macOS): files readable by the person only,
//! opening without waiting, telling files apart by device and inode, the signals that end or
//! pause a terminal program. Elsewhere (Windows, expected to build) each is a plain fallback:
//! the system's own permissions, an ordinary open, and no signals to watch.

use std::fs::{self, DirBuilder, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// Whether Ctrl-Z can pause bezwaar (job control in a Unix shell).
pub const CAN_SUSPEND: bool = cfg!(unix);

/// Makes new directories readable by the person only (0700), whatever the umask.
pub fn private_dir(builder: &mut DirBuilder) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    #[cfg(not(unix))]
    let _ = builder;
}

/// Makes new files readable by the person only (0600), whatever the umask.
pub fn private_file(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// Gives a file (0600) or directory (0700) bezwaar made its private mode, whatever the umask.
pub fn make_private(path: &Path, dir: bool) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(if dir { 0o700 } else { 0o600 }))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, dir);
        Ok(())
    }
}

/// Opens without waiting, so that a FIFO or a device where a file was expected cannot block.
pub fn without_waiting(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// What tells one file from another and one version of it from the next, beyond its length and
/// modification time: on Unix the device, the inode and the inode's change time. Every save by
/// bezwaar puts a new file (a new inode) in place.
pub fn identity(meta: &Metadata) -> [i64; 4] {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Device and inode numbers are compared, never counted with: wrapping keeps them apart.
        [meta.dev() as i64, meta.ino() as i64, meta.ctime(), meta.ctime_nsec()]
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        [0; 4]
    }
}

/// Whether two paths name the same file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => identity(&a)[..2] == identity(&b)[..2],
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
    }
}

/// A write past the file-size limit (`ulimit -f`) fails like a full disk, through the save's
/// failure path, instead of killing bezwaar mid-save with the terminal in raw mode.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

/// Calls `end` with the signal's number when the terminal is closed or bezwaar is told to stop
/// (SIGHUP, SIGTERM, SIGINT), from a thread of its own. Elsewhere crossterm reports Ctrl-C as a
/// key, and a closed console ends the process.
pub fn on_end_signal(end: impl FnOnce(i32) + Send + 'static) -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                end(signal);
            }
        })?;
    }
    #[cfg(not(unix))]
    let _ = end;
    Ok(())
}

/// Pauses bezwaar as Ctrl-Z does in a shell; returns when `fg` continues it. Does nothing where
/// there is no job control ([`CAN_SUSPEND`]).
pub fn suspend() -> io::Result<()> {
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    Ok(())
}

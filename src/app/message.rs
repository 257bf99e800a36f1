//! Everything that can happen to the wizard, the work it asks the event loop to do, and what it
//! tells the person afterwards.

use chrono::NaiveDate;
use url::Url;

use crate::record::{Applied, Change, Entry, LoadError, Record, Stamp, WriteError};

/// Everything that can happen to the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Next,
    Back,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    SelectPrevious,
    SelectNext,
    /// Choose the platform at this index directly.
    Choose(usize),
    OpenLink,
    CopyLink,
    /// Show or hide the form's link as a QR code.
    ToggleQr,
    /// Mark the current platform as submitted, or ask to remove the mark.
    Mark,
    /// The answer to the yes/no question.
    Confirm(bool),
    ShowOverview,
    /// Show the message for family and friends.
    ShowShare,
    /// Copy that message.
    CopyMessage,
    /// Try the changes that could not be saved again.
    Retry,
    /// Open the form for the selected objection's details.
    Edit,
    /// Open an empty form for another account on the selected objection's platform.
    AddAccount,
    /// Ask to remove the selected objection.
    Remove,
    /// A key typed into the form.
    EditKey(crossterm::event::KeyEvent),
    /// Text pasted into the form.
    Paste(String),
    NextField,
    PreviousField,
    SaveEdit,
    CancelEdit,
    ToggleHelp,
    CloseHelp,
    ToggleLanguage,
    Quit,
    /// Ctrl-C: quit at once, whatever the state.
    Interrupt,
    Suspend,
    Resized(u16, u16),
    /// The browser call returned.
    Opened(Result<(), String>),
    /// The copy call returned.
    Copied(Result<(), String>),
    /// The changes were applied to the record on disk (with the record as it is now), or not.
    Written(Result<Applied, WriteError>),
    /// The record file changed since it was last read here (by another window, a command, an
    /// editor): how it looks now, and what it holds.
    Reloaded(Option<Stamp>, Result<Record, LoadError>),
}

/// Work the event loop does on the wizard's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Open(Url),
    Copy(Url),
    /// Copy a message (built from the content, never from typed text).
    CopyText(String),
    /// Apply these changes to the record as it is on disk now, and save it.
    Write(Vec<Change>),
    Suspend,
}

/// What bezwaar tells the person after an action, until the screen changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Opened,
    OpenFailed,
    Refused,
    Copied,
    CopyFailed,
    /// The platform (catalogue index) was marked: a form submitted, a setting switched off.
    Marked(usize),
    /// The platform (catalogue index) was marked already, on this date; nothing changed.
    AlreadyMarked(usize, NaiveDate),
    /// An entry was removed: what it held.
    Unmarked(Entry),
    /// The entry a change was for was changed or removed elsewhere; nothing was saved.
    NotFound,
    /// The record file was changed by someone else; the screen shows it as it is now.
    ChangedElsewhere,
    /// Changes that could not be saved before were tried again, and one of them no longer fit
    /// the record (its entry was changed or removed elsewhere).
    NotAllSaved,
    /// The record file changed and cannot be read now.
    Unreadable(LoadError),
    SaveFailed(WriteError),
    /// Marking is not possible: the record is read-only.
    ReadOnly,
    /// The record's problem found at start.
    Problem,
    /// Quitting would leave a change unsaved.
    UnsavedQuit,
    MessageCopied,
    /// A retried save worked.
    Saved,
}

impl Notice {
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            Notice::OpenFailed
                | Notice::Refused
                | Notice::CopyFailed
                | Notice::SaveFailed(_)
                | Notice::NotFound
                | Notice::NotAllSaved
                | Notice::Unreadable(_)
                | Notice::ReadOnly
                | Notice::Problem
                | Notice::UnsavedQuit
        )
    }
}

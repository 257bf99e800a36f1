//! Everything that can happen to the wizard, the work it asks the event loop to do, and what it
//! tells the person afterwards.

use chrono::NaiveDate;
use url::Url;

use std::path::PathBuf;

use crate::browser::OpenError;
use crate::letter_form::Written;
use crate::record::{Applied, Change, Entry, LoadError, Objection, Record, Stamp, WriteError};
use crate::text::OsError;

/// Everything that can happen to the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Next,
    Back,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    /// To the top: the first line, or in a list the first entry.
    Home,
    /// To the end: the last line, or in a list the last entry.
    End,
    SelectPrevious,
    SelectNext,
    /// Choose the platform (or, where `m` offers a choice, the choice) at this index directly.
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
    /// Close the form, or the choice of what `m` offers, without changing anything.
    Cancel,
    /// Open the form for a letter to Meta, on the steps or end screen of one of its forms.
    Letter,
    /// Copy the letter just written.
    CopyLetter,
    /// The letter's file was written (where, and the letter), or not.
    LetterSaved(Result<Written, OsError>),
    ToggleHelp,
    CloseHelp,
    NextLanguage,
    Quit,
    /// Ctrl-C: quit at once, whatever the state.
    Interrupt,
    Suspend,
    Resized(u16, u16),
    /// The browser call returned.
    Opened(Result<(), OpenError>),
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
    /// Copy a message built from the content (the letter: with what the person typed, cleaned).
    CopyText(String),
    /// Write a letter as a new file in this folder, under this name or one like it.
    SaveLetter {
        dir: PathBuf,
        name: String,
        text: String,
    },
    /// Apply these changes to the record as it is on disk now, and save it.
    Write(Vec<Change>),
    Suspend,
}

/// What bezwaar tells the person after an action, until the screen changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A browser command said it worked, or is still running with the link.
    Opened,
    OpenFailed(OpenError),
    Refused,
    Copied,
    CopyFailed,
    /// An objection was marked here (from a step, the end screen or the form): what it holds.
    Marked(Objection),
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
            Notice::OpenFailed(_)
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

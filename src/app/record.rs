//! The wizard and the record: what it shows of it (the overview's listing, the marked
//! platforms), the changes it asks for, and what it does when they were written or the file
//! changed under it.

use super::{App, Effect, Notice, Overlay, Screen, Unmark};
use crate::content::{Platform, STEPS_PER_PLATFORM};
use crate::editor::EditError;
use crate::editor::Editor;
use crate::record::{
    Applied, Change, Entry, LoadError, Mark, Objection, Outcome, Problem, Record, Refusal, Stamp,
};

/// One of the things `m` offers on a platform that is marked already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChoice {
    /// Mark another account for the platform (the form asks which).
    Add,
    /// Remove the mark at this place in the record (after a question).
    Remove(usize),
}

/// What the overview lists, derived from the record whenever it changes (a record can hold
/// thousands of entries, and the overview asks for this several times a frame).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Listing {
    /// The record's entries (their places in the record) in the overview's order.
    order: Vec<usize>,
    /// For each entry of the record, how many entries are for its platform and account.
    counts: Vec<usize>,
}

impl Listing {
    pub(super) fn of(record: &Record, platforms: &[Platform]) -> Listing {
        let entries = record.entries();
        // Where each entry goes: its platform's place in the catalogue, then platforms this
        // version does not know, then entries that cannot be read; within each, the record's order.
        let group = |entry: &Entry| match entry.objection() {
            Some(objection) => {
                platforms.iter().position(|p| p.id == objection.platform).unwrap_or(platforms.len())
            }
            None => platforms.len() + 1,
        };
        let mut order: Vec<usize> = (0..entries.len()).collect();
        let groups: Vec<usize> = entries.iter().map(group).collect();
        order.sort_by_key(|index| groups[*index]);
        Listing { order, counts: record.account_counts() }
    }
}

impl App {
    /// Whether marks can be saved.
    pub fn writable(&self) -> bool {
        self.problem.as_ref().is_none_or(Problem::allows_writing)
    }

    /// The platform that `m` marks: the one on its last step or end screen, unless it is a note,
    /// which is never done once.
    pub fn markable_platform(&self) -> Option<usize> {
        let platform = match self.screen {
            Screen::Step { platform, step } if step + 1 == STEPS_PER_PLATFORM => platform,
            Screen::Done { platform } => platform,
            _ => return None,
        };
        self.platforms().get(platform).filter(|p| p.kind.can_be_marked()).map(|_| platform)
    }

    /// The objection marked for a platform: the one without an account label, else the first.
    pub fn marked(&self, platform: usize) -> Option<&Objection> {
        self.marked_index(platform).and_then(|index| self.record.entries().get(index)?.objection())
    }

    /// Where in the record the objections for a platform are, in the record's order.
    pub fn platform_entries(&self, platform: usize) -> Vec<usize> {
        let Some(id) = self.platforms().get(platform).map(|p| p.id.as_str()) else { return Vec::new() };
        let entries = self.record.entries().iter().enumerate();
        entries
            .filter(|(_, entry)| entry.objection().is_some_and(|o| o.platform == id))
            .map(|(i, _)| i)
            .collect()
    }

    /// What `m` offers on a platform that is marked already: first another account, then
    /// removing each of its marks (their places in the record).
    pub fn account_choices(&self) -> Vec<AccountChoice> {
        let Some(platform) = self.markable_platform() else { return Vec::new() };
        let mut choices = vec![AccountChoice::Add];
        choices.extend(self.platform_entries(platform).into_iter().map(AccountChoice::Remove));
        choices
    }

    /// Acts on one of [`App::account_choices`].
    pub(super) fn pick(&mut self, choice: usize) -> Option<Effect> {
        let platform = self.markable_platform()?;
        match self.account_choices().get(choice)? {
            AccountChoice::Add => {
                let id = &self.platforms()[platform].id;
                self.overlay = Some(Overlay::Editor(Box::new(Editor::new_account(id, self.today))));
            }
            AccountChoice::Remove(index) => {
                self.overlay = Some(Overlay::Question(Unmark(self.record.id_of(*index)?)));
            }
        }
        None
    }

    /// Where in the record [`App::marked`] is.
    pub(super) fn marked_index(&self, platform: usize) -> Option<usize> {
        let id = &self.platforms().get(platform)?.id;
        let entries = self.record.entries();
        let of = |account_matters: bool| {
            entries.iter().position(|entry| {
                entry
                    .objection()
                    .is_some_and(|o| o.platform == *id && (!account_matters || o.account.is_none()))
            })
        };
        of(true).or_else(|| of(false))
    }

    /// The record's entries (their places in the record) in the order the overview lists them:
    /// catalogue order, then platforms this version does not know, then entries that cannot be
    /// read.
    pub fn overview_entries(&self) -> &[usize] {
        // Catches, in tests and debug builds, a record changed without a message.
        debug_assert!(self.listing == Listing::of(&self.record, self.platforms()), "the listing is stale");
        &self.listing.order
    }

    /// How many entries of the record are for the same platform and account as the one at
    /// `index` (more than one: a duplicate, which the overview says).
    pub fn account_count(&self, index: usize) -> usize {
        self.listing.counts.get(index).copied().unwrap_or(1)
    }

    /// The record as shown: as last read or written here, with any changes that could not be
    /// saved applied to it.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// Shows this record (as read, or as a test built it).
    pub fn set_record(&mut self, record: Record) {
        self.record = record;
        self.relist();
    }

    /// Derives the overview's listing from the record, after every change to it.
    fn relist(&mut self) {
        self.listing = Listing::of(&self.record, self.content.platforms());
    }

    /// Whether the overview's entries can be chosen (and so changed): the record can be written
    /// and holds something. Otherwise the overview is text to read, and its keys scroll it.
    pub fn overview_selectable(&self) -> bool {
        self.writable() && !self.record.is_empty()
    }

    /// Where in the record the entry selected in the overview is, when it can be changed.
    pub fn selected_index(&self) -> Option<usize> {
        if self.screen != Screen::Overview || !self.writable() {
            return None;
        }
        self.overview_entries().get(self.entry).copied()
    }

    /// The platform of the overview's selected entry, when another account can be added to it:
    /// not a note (advice followed chat by chat, never marked done).
    pub fn addable_platform(&self) -> Option<String> {
        let platform = &self.selected_objection()?.platform;
        let markable = self.content.catalogue.kind(platform).is_none_or(crate::content::Kind::can_be_marked);
        markable.then(|| platform.clone())
    }

    /// The objection selected in the overview, when it can be changed.
    pub fn selected_objection(&self) -> Option<&Objection> {
        self.record.entries().get(self.selected_index()?)?.objection()
    }

    pub(super) fn mark(&mut self) -> Option<Effect> {
        let platform = self.markable_platform()?;
        if !self.writable() {
            self.notice = Some(Notice::ReadOnly);
            return None;
        }
        // Marked already: another account, or removing one of its marks.
        if self.marked_index(platform).is_some() {
            self.overlay = Some(Overlay::Accounts(0));
            return None;
        }
        let id = self.platforms()[platform].id.clone();
        self.change(Change::Mark(Mark::new(&id, None, self.today)))
    }

    /// Asks the event loop to apply a change (with any that could not be saved before) to the
    /// record as it is on disk now.
    pub(super) fn change(&mut self, change: Change) -> Option<Effect> {
        self.pending.push(change);
        Some(Effect::Write(self.pending.clone()))
    }

    /// Closes what is open to change the record (the choice of what `m` offers, the question
    /// before removing, the details form): the record can no longer be written.
    pub(super) fn close_changes(&mut self) {
        if matches!(self.overlay, Some(Overlay::Accounts(_) | Overlay::Question(_) | Overlay::Editor(_))) {
            self.overlay = None;
        }
    }

    /// Whether changes made here are not saved yet.
    pub fn unsaved(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Shows the changes that could not be saved on the record, so that nothing the person
    /// did vanishes from the screen.
    pub(super) fn apply_pending_here(&mut self) {
        for change in &self.pending[self.applied_here..] {
            self.record.apply(change);
        }
        self.applied_here = self.pending.len();
        self.relist();
    }

    /// The changes reached the file: show the record as it is now, and what the last change
    /// (the one just made) did.
    pub(super) fn written(&mut self, applied: Applied) {
        let retried = matches!(self.notice, Some(Notice::SaveFailed(_) | Notice::UnsavedQuit));
        let changes = std::mem::take(&mut self.pending);
        self.applied_here = 0;
        self.set_record(applied.record);
        self.seen = applied.stamp;
        if let Some(set_aside) = applied.set_aside {
            self.problem = Some(Problem::SetAside(set_aside));
        }
        let platform_index = |id: &str| self.platforms().iter().position(|p| p.id == id);
        let overview = self.screen == Screen::Overview;
        let notice = match changes.last().zip(applied.outcomes.last()) {
            Some((Change::Mark(_), Outcome::Added(after))) => Some(Notice::Marked(after.clone())),
            // Another account marked from a step or the end screen: said there, as a mark is.
            Some((Change::Add(_), Outcome::Added(after))) if !overview => {
                self.close_editor();
                Some(Notice::Marked(after.clone()))
            }
            Some((Change::Mark(mark), Outcome::AlreadyMarked { before, .. })) => {
                platform_index(&mark.platform)
                    .map(|platform| Notice::AlreadyMarked(platform, before.submitted_on))
            }
            Some((_, Outcome::Added(after) | Outcome::Edited { after, .. })) => {
                let after = Entry::Objection(after.clone());
                if let Some(index) = self.record.entries().iter().rposition(|entry| *entry == after) {
                    self.entry = self.overview_entries().iter().position(|i| *i == index).unwrap_or(0);
                }
                self.close_editor();
                None
            }
            Some((_, Outcome::Removed(entries))) => entries.first().cloned().map(Notice::Unmarked),
            Some((_, Outcome::NotFound)) => match self.editor_mut() {
                Some(editor) => {
                    editor.error = Some(EditError::ChangedElsewhere);
                    None
                }
                None => Some(Notice::NotFound),
            },
            Some((_, Outcome::Refused(refusal))) => match (self.editor_mut(), refusal) {
                (Some(editor), Refusal::AccountTaken { account, .. }) => {
                    editor.error = Some(match account {
                        Some(account) => EditError::AccountTaken(account.clone()),
                        None => EditError::AccountNeeded,
                    });
                    None
                }
                (Some(editor), Refusal::Dates(error)) => {
                    editor.error = Some(EditError::Date(error.clone()));
                    None
                }
                _ => Some(Notice::NotFound),
            },
            _ => None,
        };
        self.entry = self.entry.min(self.record.entries().len().saturating_sub(1));
        // A change that could not be saved before, tried again now, may no longer fit the record:
        // that is said, never dropped in silence.
        let landed = |outcome: &Outcome| !matches!(outcome, Outcome::NotFound | Outcome::Refused(_));
        let (last, earlier) = applied
            .outcomes
            .split_last()
            .map_or((true, true), |(last, earlier)| (landed(last), earlier.iter().all(landed)));
        self.notice = if !earlier {
            Some(Notice::NotAllSaved)
        } else if self.problem.as_ref().is_some_and(|p| matches!(p, Problem::SetAside(_))) && notice.is_none()
        {
            Some(Notice::Problem)
        } else if retried && last {
            Some(Notice::Saved)
        } else {
            notice
        };
    }

    /// The record file changed under the wizard: show it as it is now.
    pub(super) fn reloaded(&mut self, stamp: Option<Stamp>, result: Result<Record, LoadError>) {
        self.seen = stamp;
        match result {
            Ok(record) => {
                let selected = self.selected_index().and_then(|index| self.record.id_of(index));
                self.record = record;
                self.applied_here = 0;
                self.apply_pending_here();
                // A file that could not be read before reads again.
                if self.problem.as_ref().is_some_and(|problem| !problem.allows_writing()) {
                    self.problem = None;
                }
                self.notice = Some(Notice::ChangedElsewhere);
                // What m offered was read from the record as it was: it offers what is there now.
                if let Some(Overlay::Accounts(choice)) = self.overlay {
                    let choices = self.account_choices().len();
                    self.overlay = (choices > 1).then(|| Overlay::Accounts(choice.min(choices - 1)));
                }
                let entries = self.overview_entries();
                self.entry = selected
                    .and_then(|id| self.record.position(&id))
                    .and_then(|index| entries.iter().position(|i| *i == index))
                    .unwrap_or(self.entry)
                    .min(entries.len().saturating_sub(1));
            }
            Err(LoadError::FutureVersion(version)) => {
                self.problem = Some(Problem::FutureVersion(version));
                self.notice = Some(Notice::Problem);
                self.close_changes();
            }
            Err(error) => self.notice = Some(Notice::Unreadable(error)),
        }
    }
}

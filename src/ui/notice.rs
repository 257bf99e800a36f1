//! The line under the body that says what just happened, and the record's problem in words.

use ratatui::text::Text;
use ratatui::widgets::Paragraph;

use super::wrapped;
use crate::app::{App, Notice};
use crate::content::fill;
use crate::record::{Entry, WriteError};

pub(super) fn notice_paragraph(app: &App) -> Option<Paragraph<'static>> {
    let notice = app.notice.as_ref()?;
    let texts = app.texts();
    let status = &texts.steps.status;
    let name = |platform: usize| app.platforms().get(platform).map_or("", |p| texts.platform_name(p));
    let text = match notice {
        Notice::Opened => status.opened.clone(),
        Notice::OpenFailed(error) => texts.open_error(error),
        Notice::Refused => status.refused.clone(),
        Notice::Copied => status.copied.clone(),
        Notice::CopyFailed => status.copy_failed.clone(),
        Notice::Marked(objection) => {
            let status = texts.objection_status(&app.content.catalogue, objection);
            let label = app.entry_label(&objection.platform, objection.account.as_deref());
            fill(&texts.record.marked_here, &[("platform", &label), ("status", &status)])
        }
        Notice::AlreadyMarked(platform, date) => fill(
            &texts.record.already_marked_here,
            &[("platform", name(*platform)), ("date", &texts.date(*date))],
        ),
        Notice::Unmarked(Entry::Objection(objection)) => {
            let label = app.entry_label(&objection.platform, objection.account.as_deref());
            fill(&texts.record.unmarked_here, &[("platform", &label)])
        }
        Notice::Unmarked(Entry::Unreadable(_)) => texts.record.unreadable_removed_here.clone(),
        Notice::NotFound => texts.record.not_found_here.clone(),
        Notice::NotAllSaved => texts.record.not_all_saved_here.clone(),
        Notice::ChangedElsewhere => texts.record.changed_elsewhere_here.clone(),
        Notice::Unreadable(error) => texts.load_error(&record_path(app), error),
        Notice::SaveFailed(WriteError::Io(error)) => {
            fill(&texts.record.save_failed_here, &[("error", &texts.os_error(error))])
        }
        Notice::SaveFailed(error) => texts.write_error(&record_path(app), error),
        Notice::UnsavedQuit => texts.record.unsaved_quit.clone(),
        Notice::MessageCopied => texts.share.copied.clone(),
        Notice::Saved => texts.record.saved_here.clone(),
        Notice::ReadOnly | Notice::Problem => {
            problem_text(app).unwrap_or_else(|| texts.record.read_only_here.clone())
        }
    };
    let style = if notice.is_problem() { app.theme.problem } else { app.theme.notice };
    Some(wrapped(Text::styled(text, style)))
}

/// The record's path as it may be shown.
pub(super) fn record_path(app: &App) -> String {
    app.store.as_ref().map(|store| crate::text::path(store.path())).unwrap_or_default()
}

/// The record's problem in plain words: what happened, what was kept, what to do.
pub(super) fn problem_text(app: &App) -> Option<String> {
    Some(app.texts().problem(&record_path(app), app.problem.as_ref()?))
}

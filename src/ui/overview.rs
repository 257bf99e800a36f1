//! The overview: every objection in the record, with its dates and details.
//!
//! A record can hold thousands of entries, so the overview never builds them all: it scrolls by
//! entry (`App::scroll` is the first entry shown) and builds only what fits in the window.

use ratatui::layout::Rect;
use ratatui::text::{Line, Text};

use ratatui::style::Style;

use super::layout::hanging;
use super::{Body, Window, problem_text, styled, wrapped};
use crate::app::App;
use crate::content::fill;
use crate::ics;
use crate::record::{Entry, Objection};

/// What stands above the entries: a problem with the record, read-only, how to use the list.
fn header(app: &App, selectable: bool) -> Vec<Line<'static>> {
    let texts = app.texts();
    let theme = &app.theme;
    let mut lines = Vec::new();
    if let Some(problem) = problem_text(app) {
        lines.push(styled(problem, theme.problem));
        lines.push(Line::default());
    }
    if !app.writable() {
        lines.push(styled(texts.overview.read_only.clone(), theme.emphasis));
        lines.push(Line::default());
    }
    // The advice to mark, only where marking works.
    if app.record().is_empty() && app.writable() {
        lines.push(Line::from(texts.overview.empty.clone()));
        lines.push(Line::default());
    }
    if selectable {
        lines.push(styled(texts.overview.hint.clone(), theme.source));
        lines.push(Line::default());
    }
    lines
}

/// One entry of the record, at `index`: an objection, or what cannot be read; its lines wrap
/// to `width` under their own indent.
fn entry(app: &App, index: usize, chosen: bool, advised: Option<usize>, width: u16) -> Vec<Line<'static>> {
    let marker = if chosen { "› " } else { "  " };
    let texts = app.texts();
    let theme = &app.theme;
    match app.record().entries().get(index) {
        Some(Entry::Objection(objection)) => {
            let advise = advised == Some(index);
            objection_lines(app, objection, app.account_count(index), chosen, advise, width)
        }
        Some(Entry::Unreadable(unreadable)) => {
            let number = (index + 1).to_string();
            let title = fill(&texts.record.unreadable_here, &[("number", &number)]);
            let problem = texts.entry_problem(&unreadable.problem);
            let detail = fill(&texts.record.unreadable_detail, &[("problem", &problem)]);
            let mut lines =
                hanging(marker, &title, width, if chosen { theme.selected } else { theme.problem });
            lines.extend(hanging(INDENT, &detail, width, Style::new()));
            lines
        }
        None => Vec::new(),
    }
}

/// Where the lines under an entry's title start.
const INDENT: &str = "    ";

/// One objection: who, when, whether Meta confirmed (and for how long it has not, with what to
/// do about it where `advise`), the note, and what is odd about it (a second entry for the
/// account, a date that cannot be right).
fn objection_lines(
    app: &App,
    objection: &Objection,
    count: usize,
    chosen: bool,
    advise: bool,
    width: u16,
) -> Vec<Line<'static>> {
    let texts = app.texts();
    let theme = &app.theme;
    let catalogue = &app.content.catalogue;
    let label = app.entry_label(&objection.platform, objection.account.as_deref());
    let marker = if chosen { "› " } else { "  " };
    let mut lines = hanging(marker, &label, width, if chosen { theme.selected } else { theme.heading });
    lines.extend(hanging(INDENT, &texts.objection_status(catalogue, objection), width, Style::new()));
    // Only a form brings a confirmation; a setting switched off does not. What to do about a
    // late one stands once: under the selected entry, or in a list to read only, the first.
    if ics::is_open(catalogue, objection) {
        match waited(app, objection) {
            Some(days) => {
                let followup = &texts.followup;
                let template = if advise || !app.overview_selectable() {
                    &followup.waiting
                } else {
                    &followup.waiting_choose
                };
                let waiting = fill(template, &[("days", &days.to_string())]);
                lines.extend(hanging(INDENT, &waiting, width, theme.emphasis));
                if advise {
                    lines.extend(advice(app, objection.by_letter(), width));
                }
            }
            None => lines.extend(hanging(INDENT, &texts.overview.no_confirmation, width, Style::new())),
        }
    }
    if let Some(note) = &objection.note {
        lines.extend(hanging(INDENT, &fill(&texts.overview.note, &[("note", note)]), width, Style::new()));
    }
    for note in texts.objection_notes(count, objection, app.today) {
        lines.extend(hanging(INDENT, &note, width, theme.problem));
    }
    lines
}

/// How many days an objection has waited for its confirmation, once that is long enough to
/// do something about it: a week for a form, a month for a letter, as the reminders wait.
fn waited(app: &App, objection: &Objection) -> Option<i64> {
    let days = (app.today - objection.submitted_on).num_days();
    (app.today >= ics::late_from(objection)).then_some(days)
}

/// The entry (its place in the record) under which the advice for a late confirmation
/// stands: the selected one when it is late, or in a list to read only, the first late one.
fn advised(app: &App) -> Option<usize> {
    let catalogue = &app.content.catalogue;
    let late = |index: &usize| {
        let entry = app.record().entries().get(*index).and_then(Entry::objection);
        entry.is_some_and(|o| ics::is_open(catalogue, o) && waited(app, o).is_some())
    };
    let entries = app.overview_entries();
    if app.overview_selectable() {
        entries.get(app.entry).copied().filter(late)
    } else {
        entries.iter().copied().find(late)
    }
}

/// What to do when a confirmation is late: for a form, or for a letter.
fn advice(app: &App, by_letter: bool, width: u16) -> Vec<Line<'static>> {
    let texts = app.texts();
    let theme = &app.theme;
    let followup = &texts.followup;
    let (heading, advice, sources) = followup.late(by_letter);
    let mut lines = hanging(INDENT, heading, width, Style::new());
    for advice in advice {
        lines.extend(hanging("    • ", advice, width, Style::new()));
    }
    lines.extend(hanging("      ", &followup.ap_url, width, theme.link));
    lines.extend(hanging(INDENT, &texts.sources_line(sources), width, theme.source));
    lines
}

/// What stands below the last entry: platforms not marked yet (a note is never marked, so never
/// "not yet"), and where the record is.
fn footer(app: &App) -> Vec<Line<'static>> {
    let texts = app.texts();
    let mut lines = Vec::new();
    // Which platforms are not marked is known only when the record could be read.
    let known = !app.problem.as_ref().is_some_and(crate::record::Problem::record_unknown);
    for platform in app.platforms().iter().filter(|p| known && p.kind.can_be_marked()) {
        if app.record().for_platform(&platform.id).next().is_none() {
            lines.push(Line::from(format!("  {}: {}", texts.platform_name(platform), texts.record.not_yet)));
        }
    }
    if app.store.is_some() {
        lines.push(Line::default());
        // There is no file until something is marked (a file that cannot be read is one).
        let exists = app.seen.is_some() || !app.record().is_empty() || app.problem.is_some();
        let location = texts.record_location(&super::notice::record_path(app), exists);
        lines.push(styled(location, app.theme.source));
    }
    lines
}

fn height(lines: &[Line<'static>], width: u16) -> usize {
    wrapped(Text::from(lines.to_vec())).line_count(width)
}

/// The entries from `first` on, as many as `room` lines hold (at least one), and whether the
/// last entry is among them.
fn window(app: &App, first: usize, width: u16, room: usize) -> (Vec<Line<'static>>, bool) {
    let entries = app.overview_entries();
    let selectable = app.overview_selectable();
    let advised = advised(app);
    let mut lines = header(app, selectable);
    let mut used = height(&lines, width);
    for (position, index) in entries.iter().enumerate().skip(first) {
        if used >= room && position > first {
            return (lines, false);
        }
        let block = entry(app, *index, selectable && position == app.entry, advised, width);
        used += height(&block, width);
        lines.extend(block);
    }
    lines.extend(footer(app));
    (lines, true)
}

pub fn body(app: &App, inner: Rect) -> Body {
    let texts = app.texts();
    let first = usize::from(app.view.scroll);
    let (lines, complete) = window(app, first, inner.width, usize::from(inner.height));
    let overflows = height(&lines, inner.width) > usize::from(inner.height);
    Body {
        title: texts.overview.title.clone(),
        text: Text::from(lines),
        links: vec![texts.followup.ap_url.clone()],
        window: Some(Window { above: first > 0, below: !complete || overflows }),
    }
}

/// How far the overview scrolls, in entries: none when everything fits.
pub fn max_scroll(app: &App, inner: Rect) -> u16 {
    let (lines, complete) = window(app, 0, inner.width, usize::from(inner.height));
    if complete && height(&lines, inner.width) <= usize::from(inner.height) {
        return 0;
    }
    u16::try_from(app.record().entries().len().saturating_sub(1)).unwrap_or(u16::MAX)
}

/// The first entry to show so that the selected one is on screen.
pub fn follow(app: &App, inner: Rect) -> u16 {
    let entries = app.overview_entries();
    let selected = app.entry.min(entries.len().saturating_sub(1));
    let mut first = usize::from(app.view.scroll).min(selected);
    let selectable = app.overview_selectable();
    let advised = advised(app);
    let room = usize::from(inner.height).saturating_sub(height(&header(app, selectable), inner.width));
    // The window moves down only as far as needed for the selected entry to end inside it:
    // walking up from that entry, the first entry that no longer fits stays above the window.
    if first < selected {
        let mut needed = 0;
        for candidate in (first..=selected).rev() {
            needed += height(
                &entry(app, entries[candidate], candidate == selected, advised, inner.width),
                inner.width,
            );
            if needed > room && candidate < selected {
                first = candidate + 1;
                break;
            }
        }
    }
    u16::try_from(first).unwrap_or(u16::MAX)
}

/// How many entries the window shows whole, from the first one shown (at least one): how far
/// the page keys move the selection.
pub fn page(app: &App, inner: Rect) -> u16 {
    let entries = app.overview_entries();
    let selectable = app.overview_selectable();
    let room = usize::from(inner.height).saturating_sub(height(&header(app, selectable), inner.width));
    let advised = advised(app);
    let mut used = 0;
    let mut count: u16 = 0;
    for (position, index) in entries.iter().enumerate().skip(usize::from(app.view.scroll)) {
        used += height(
            &entry(app, *index, selectable && position == app.entry, advised, inner.width),
            inner.width,
        );
        if used > room {
            break;
        }
        count = count.saturating_add(1);
    }
    count.max(1)
}

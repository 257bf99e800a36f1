//! The overview: every objection in the record, with its dates and details.

use ratatui::text::{Line, Text};

use super::{Body, problem_text, styled};
use crate::app::App;
use crate::commands::objection_status;
use crate::content::fill;
use crate::ics;

pub fn body(app: &App) -> Body {
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
    if app.record.objections.is_empty() {
        lines.push(Line::from(texts.overview.empty.clone()));
        lines.push(Line::default());
    }
    let entries = app.overview_entries();
    let selectable = app.writable() && !entries.is_empty();
    if selectable {
        lines.push(styled(texts.overview.hint.clone(), theme.source));
        lines.push(Line::default());
    }
    for (index, objection) in entries.iter().enumerate() {
        let account = objection.account.as_deref().unwrap_or(&texts.record.main_account);
        let name = app.entry_label(&objection.platform, None);
        let chosen = selectable && index == app.entry;
        let marker = if chosen { "›" } else { " " };
        lines.push(styled(
            format!("{marker} {name} ({account})"),
            if chosen { theme.selected } else { theme.heading },
        ));
        lines.push(Line::from(format!("    {}", objection_status(texts, &app.content.catalogue, objection))));
        // Only a form brings a confirmation; a setting switched off does not.
        if ics::is_open(&app.content.catalogue, objection) {
            lines.push(Line::from(format!("    {}", texts.overview.no_confirmation)));
        }
        let waited = (app.today - objection.submitted_on).num_days();
        if ics::is_open(&app.content.catalogue, objection) && waited >= ics::WAIT_DAYS as i64 {
            let followup = &texts.followup;
            lines.push(styled(
                format!("    {}", fill(&followup.waiting, &[("days", &waited.to_string())])),
                theme.emphasis,
            ));
            lines.extend(followup.advice.iter().map(|advice| Line::from(format!("    • {advice}"))));
            lines.push(styled(format!("      {}", followup.ap_url), theme.link));
            lines.push(styled(format!("    {}", texts.sources_line(&followup.sources)), theme.source));
        }
        if let Some(note) = &objection.note {
            lines.push(Line::from(format!("    {}", fill(&texts.overview.note, &[("note", note)]))));
        }
    }
    for platform in app.platforms() {
        if app.record.for_platform(&platform.id).next().is_none() {
            lines.push(Line::from(format!("  {}: {}", texts.platform_name(platform), texts.record.not_yet)));
        }
    }
    if let Some(store) = &app.store {
        lines.push(Line::default());
        let location = fill(&texts.record.location, &[("path", &store.path().display().to_string())]);
        lines.push(styled(location, theme.source));
    }
    Body {
        title: texts.overview.title.clone(),
        text: Text::from(lines),
        links: vec![texts.followup.ap_url.clone()],
    }
}

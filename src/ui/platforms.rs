//! Screen 3: the choice of platform.

use ratatui::text::{Line, Span, Text};

use super::{Body, fact_lines, styled};
use crate::app::App;
use crate::content::fill;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let mut lines = Vec::new();
    // A record that could not be read stays said here, not only in the first notice.
    if app.problem.as_ref().is_some_and(crate::record::Problem::record_unknown)
        && let Some(problem) = super::problem_text(app)
    {
        lines.extend([styled(problem, app.theme.problem), Line::default()]);
    }
    lines.extend([Line::from(texts.platforms.intro.clone()), Line::default()]);
    let column = app.platforms().iter().map(|p| texts.platform_name(p).chars().count()).max().unwrap_or(0);
    for (index, platform) in app.platforms().iter().enumerate() {
        let summary = texts.platform(&platform.id).map_or("", |p| p.summary.as_str());
        let chosen = index == app.selected;
        let marker = if chosen { "›" } else { " " };
        let name = format!("{marker} {}  {:<column$}", index + 1, texts.platform_name(platform));
        let line = if chosen {
            Line::from(vec![
                Span::styled(name, theme.selected),
                Span::styled(format!(" {summary}"), theme.heading),
            ])
        } else {
            Line::from(vec![Span::raw(name), Span::raw(format!(" {summary}"))])
        };
        lines.push(line);
        lines.extend(status_lines(app, &platform.id));
    }
    lines.push(Line::default());
    let accounts = &texts.platforms.accounts;
    lines.extend(fact_lines(texts, theme, &accounts.text, &accounts.sources));
    lines.pop();
    Body { title: texts.platforms.title.clone(), text: Text::from(lines), links: Vec::new(), window: None }
}

/// How many marked accounts a platform lists before it points to the overview.
const SHOWN: usize = 3;

/// Under each platform: what the record says about it.
fn status_lines(app: &App, id: &str) -> Vec<Line<'static>> {
    let texts = app.texts();
    let indent = "      ";
    let marked = app.record.for_platform(id).count();
    let mut lines: Vec<Line<'static>> = app
        .record
        .for_platform(id)
        .take(SHOWN)
        .map(|objection| {
            let status = texts.objection_status(&app.content.catalogue, objection);
            let text = match &objection.account {
                Some(account) => format!("{indent}✓ {account}: {status}"),
                None => format!("{indent}✓ {status}"),
            };
            styled(text, app.theme.notice)
        })
        .collect();
    if marked > SHOWN {
        let more = fill(&texts.platforms.more, &[("count", &(marked - SHOWN).to_string())]);
        lines.push(styled(format!("{indent}{more}"), app.theme.source));
    }
    if lines.is_empty() {
        // "Not yet" only when the record was read; otherwise nobody knows.
        let unknown = app.problem.as_ref().is_some_and(crate::record::Problem::record_unknown);
        let status = if unknown { &texts.record.unknown } else { &texts.record.not_yet };
        lines.push(styled(format!("{indent}{status}"), app.theme.source));
    }
    lines
}

//! Screen 3: the choice of platform.

use std::ops::Range;

use ratatui::text::{Line, Span, Text};

use super::{Body, fact_lines, styled};
use crate::app::App;
use crate::content::{Platform, fill};

pub fn body(app: &App, width: u16) -> Body {
    let texts = app.texts();
    let (lines, _) = lines(app, width);
    Body { title: texts.platforms.title.clone(), text: Text::from(lines), links: Vec::new(), window: None }
}

/// The screen's lines for a text area `width` columns wide, and which of them belong to the
/// highlighted platform (so that scrolling can keep it in view).
pub fn lines(app: &App, width: u16) -> (Vec<Line<'static>>, Range<usize>) {
    let texts = app.texts();
    let theme = &app.theme;
    let mut lines = Vec::new();
    let mut chosen_lines = 0..0;
    // A record that could not be read stays said here, not only in the first notice.
    if app.problem.as_ref().is_some_and(crate::record::Problem::record_unknown)
        && let Some(problem) = super::problem_text(app)
    {
        lines.extend([styled(problem, app.theme.problem), Line::default()]);
    }
    lines.extend([Line::from(texts.platforms.intro.clone()), Line::default()]);
    let column = app.platforms().iter().map(|p| texts.platform_name(p).chars().count()).max().unwrap_or(0);
    let summary = |id: &str| texts.platform(id).map_or("", |p| p.summary.as_str());
    // Each summary beside its name where all fit, else all on their own line beneath, indented
    // like the status, so that no line wraps back to the left edge.
    let widest = app.platforms().iter().map(|p| summary(&p.id).chars().count()).max().unwrap_or(0);
    let beside = "› 1  ".chars().count() + column + 1 + widest <= usize::from(width);
    for (index, platform) in app.platforms().iter().enumerate() {
        let summary = summary(&platform.id);
        let chosen = index == app.selected;
        let marker = if chosen { "›" } else { " " };
        let name = format!("{marker} {}  {:<column$}", index + 1, texts.platform_name(platform));
        let (name_style, summary_style) =
            if chosen { (theme.selected, theme.heading) } else { Default::default() };
        let start = lines.len();
        if beside {
            lines.push(Line::from(vec![
                Span::styled(name, name_style),
                Span::styled(format!(" {summary}"), summary_style),
            ]));
        } else {
            lines.push(Line::from(Span::styled(name.trim_end().to_owned(), name_style)));
            lines.push(Line::from(Span::styled(format!("{INDENT}{summary}"), summary_style)));
        }
        lines.extend(status_lines(app, platform));
        if chosen {
            chosen_lines = start..lines.len();
        }
    }
    lines.push(Line::default());
    let accounts = &texts.platforms.accounts;
    lines.extend(fact_lines(texts, theme, &accounts.text, &accounts.sources));
    lines.pop();
    (lines, chosen_lines)
}

/// Where the lines under a platform's name start.
const INDENT: &str = "      ";

/// How many marked accounts a platform lists before it points to the overview.
const SHOWN: usize = 3;

/// Under each platform: what the record says about it. A note, which is never marked, has
/// nothing under it unless a record written elsewhere holds it.
fn status_lines(app: &App, platform: &Platform) -> Vec<Line<'static>> {
    let texts = app.texts();
    let id = platform.id.as_str();
    let marked = app.record().for_platform(id).count();
    let mut lines: Vec<Line<'static>> = app
        .record()
        .for_platform(id)
        .take(SHOWN)
        .map(|objection| {
            let status = texts.objection_status(&app.content.catalogue, objection);
            let text = match &objection.account {
                Some(account) => format!("{INDENT}✓ {account}: {status}"),
                None => format!("{INDENT}✓ {status}"),
            };
            styled(text, app.theme.notice)
        })
        .collect();
    if marked > SHOWN {
        let count = marked - SHOWN;
        let plural = texts.platforms.more.pick(i64::try_from(count).unwrap_or(i64::MAX));
        let more = fill(plural, &[("count", &count.to_string())]);
        lines.push(styled(format!("{INDENT}{more}"), app.theme.source));
    }
    if lines.is_empty() && platform.kind.can_be_marked() {
        // "Not yet" only when the record was read; otherwise nobody knows.
        let unknown = app.problem.as_ref().is_some_and(crate::record::Problem::record_unknown);
        let status = if unknown { &texts.record.unknown } else { &texts.record.not_yet };
        lines.push(styled(format!("{INDENT}{status}"), app.theme.source));
    }
    lines
}

//! Screen 3: the choice of platform.

use ratatui::text::{Line, Span, Text};

use super::{Body, fact_lines, styled};
use crate::app::App;
use crate::commands::objection_status;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let mut lines = vec![Line::from(texts.platforms.intro.clone()), Line::default()];
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

/// Under each platform: what the record says about it.
fn status_lines(app: &App, id: &str) -> Vec<Line<'static>> {
    let texts = app.texts();
    let indent = "      ";
    let mut lines: Vec<Line<'static>> = app
        .record
        .for_platform(id)
        .map(|objection| {
            let status = objection_status(texts, &app.content.catalogue, objection);
            let text = match &objection.account {
                Some(account) => format!("{indent}✓ {account}: {status}"),
                None => format!("{indent}✓ {status}"),
            };
            styled(text, app.theme.notice)
        })
        .collect();
    if lines.is_empty() {
        lines.push(styled(format!("{indent}{}", texts.record.not_yet), app.theme.source));
    }
    lines
}

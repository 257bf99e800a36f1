//! Screen 1: the AP's warning, and what today's date means.

use ratatui::text::{Line, Text};

use super::{Body, fact_lines, styled};
use crate::app::App;
use crate::content::fill;
use crate::deadline::Deadline;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let warning = &texts.warning;
    let theme = &app.theme;
    let deadline = texts.date(app.content.catalogue.deadline);
    let mut lines = Vec::new();
    let (headline, fact) = match app.deadline() {
        Deadline::DaysLeft(days) => {
            (fill(warning.days_left.pick(days), &[("days", &days.to_string())]), &warning.before_deadline)
        }
        Deadline::Passed(0) => {
            (fill(&warning.deadline_today, &[("deadline", &deadline)]), &warning.after_deadline)
        }
        Deadline::Passed(days) => (
            fill(warning.passed.pick(days), &[("days", &days.to_string()), ("deadline", &deadline)]),
            &warning.after_deadline,
        ),
    };
    lines.push(styled(headline, theme.emphasis));
    lines.extend(fact_lines(texts, theme, &fill(&fact.text, &[("deadline", &deadline)]), &fact.sources));
    for paragraph in &warning.paragraphs {
        lines.extend(fact_lines(texts, theme, &paragraph.text, &paragraph.sources));
    }
    let quote = &warning.quote;
    lines.push(styled(quote.text.clone(), theme.quote));
    lines.push(Line::from(format!("— {}", quote.by)));
    lines.push(styled(texts.sources_line(&quote.sources), theme.source));
    Body { title: warning.title.clone(), text: Text::from(lines), links: Vec::new() }
}

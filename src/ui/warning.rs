//! Screen 1: the AP's warning, and what today's date means.

use ratatui::text::{Line, Text};

use super::{Body, fact_lines, styled};
use crate::app::App;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let warning = texts.warning_on(app.today, &app.content.catalogue);
    let mut lines = vec![styled(warning.headline, theme.emphasis)];
    lines.extend(fact_lines(texts, theme, &warning.text, warning.sources));
    let (title, paragraphs, quote) = (warning.title, warning.paragraphs, warning.quote);
    for (text, sources) in paragraphs {
        lines.extend(fact_lines(texts, theme, text, sources));
    }
    if let Some(quote) = quote {
        lines.push(styled(quote.text.clone(), theme.quote));
        lines.push(Line::from(format!("— {}", quote.by)));
        lines.push(styled(texts.sources_line(&quote.sources), theme.source));
    }
    Body { title: title.to_owned(), text: Text::from(lines), links: Vec::new(), window: None }
}

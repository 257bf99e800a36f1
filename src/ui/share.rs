//! The message that asks family and friends to object too, ready to copy.

use ratatui::text::{Line, Text};

use super::{Body, fact_lines, styled};
use crate::app::App;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let intro = &texts.share.intro;
    let mut lines = fact_lines(texts, theme, &intro.text, &intro.sources);
    let message = texts.share_message(&app.content.catalogue);
    lines.extend(message.lines().map(|line| styled(line.to_owned(), theme.quote)));
    lines.push(Line::default());
    let links = ["instagram", "facebook"]
        .iter()
        .filter_map(|id| app.content.catalogue.platform(id)?.url().map(str::to_owned))
        .collect();
    Body { title: texts.share.title.clone(), text: Text::from(lines), links, window: None }
}

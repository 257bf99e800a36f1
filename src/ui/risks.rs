//! Screen 2: the risks, said plainly.

use ratatui::text::Text;

use super::{Body, fact_lines, styled};
use crate::app::App;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let mut lines = Vec::new();
    for (number, risk) in texts.risks.items.iter().enumerate() {
        lines.push(styled(format!("{}. {}", number + 1, risk.title), theme.heading));
        lines.extend(fact_lines(texts, theme, &risk.text, &risk.sources));
    }
    lines.pop();
    Body { title: texts.risks.title.clone(), text: Text::from(lines), links: Vec::new(), window: None }
}

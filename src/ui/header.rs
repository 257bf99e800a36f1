//! The top line: the program's name and where the person is in the wizard.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let theme = &app.theme;
    let current = app.screen.stage();
    let mut spans = vec![Span::styled(format!(" {} ", texts.app.title), theme.title), Span::raw("│ ")];
    for (index, stage) in texts.app.progress.iter().enumerate() {
        if index > 0 {
            spans.push(Span::styled(" › ", theme.stage));
        }
        let style = if Some(index) == current { theme.stage_current } else { theme.stage };
        spans.push(Span::styled(format!("{} {stage}", index + 1), style));
    }
    let full = Line::from(spans);
    match current {
        _ if full.width() <= usize::from(area.width) => full.render(area, buf),
        Some(current) => {
            let total = texts.app.progress.len();
            let stage = &texts.app.progress[current];
            Line::from(vec![
                Span::styled(format!(" {} ", texts.app.title), theme.title),
                Span::raw("│ "),
                Span::styled(format!("{}/{total} {stage}", current + 1), theme.stage_current),
            ])
            .render(area, buf);
        }
        None => Span::styled(format!(" {} ", texts.app.title), theme.title).render(area, buf),
    }
}

//! The yes/no question before a mark is removed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Text;
use ratatui::widgets::{Clear, Widget};

use super::{body_block, wrapped};
use crate::app::{App, Unmark};
use crate::content::fill;

pub fn render(app: &App, unmark: &Unmark, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let label = app.entry_label(&unmark.platform, unmark.account.as_deref());
    let date =
        app.record.find(&unmark.platform, unmark.account.as_deref()).map_or(app.today, |o| o.submitted_on);
    let question = fill(&texts.record.unmark_question, &[("platform", &label), ("date", &texts.date(date))]);
    let width = area.width.saturating_sub(8).min(60);
    let paragraph = wrapped(Text::styled(question, app.theme.heading));
    let lines = u16::try_from(paragraph.line_count(width.saturating_sub(4))).unwrap_or(u16::MAX);
    let height = lines.saturating_add(2).min(area.height);
    let [area] = area.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    let [area] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    Clear.render(area, buf);
    let block = body_block(&texts.keys.unmark, &app.theme);
    let inner = block.inner(area);
    block.render(area, buf);
    paragraph.render(inner, buf);
}

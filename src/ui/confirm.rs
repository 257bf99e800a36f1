//! The yes/no question before an entry is removed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Text;
use ratatui::widgets::{Clear, Widget};

use super::{body_block, wrapped};
use crate::app::{App, Unmark};
use crate::content::fill;
use crate::record::Entry;

pub fn render(app: &App, Unmark(id): &Unmark, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let question = match id.entry() {
        Entry::Objection(objection) => {
            let label = app.entry_label(&objection.platform, objection.account.as_deref());
            let status = texts.objection_status(&app.content.catalogue, objection);
            fill(&texts.record.unmark_question, &[("platform", &label), ("status", &status)])
        }
        Entry::Unreadable(_) => {
            let number = app.record().position(id).map_or(0, |index| index + 1);
            fill(&texts.record.remove_unreadable_question, &[("number", &number.to_string())])
        }
    };
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

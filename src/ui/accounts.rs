//! What `m` offers on a platform that is marked already: another account, or removing one of
//! its marks.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Clear, Widget};

use super::layout::hanging;
use super::{body_block, styled, wrapped};
use crate::app::{AccountChoice, App};
use crate::content::fill;

pub fn render(app: &App, chosen: usize, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let theme = &app.theme;
    let Some(platform) = app.current_platform() else { return };
    let name = texts.platform_name(platform);
    let mut lines = vec![styled(fill(&texts.record.accounts_question, &[("platform", name)]), theme.heading)];
    lines.push(Line::default());
    let width = area.width.saturating_sub(4).min(72);
    // The popup's border and padding take two columns on each side.
    let room = width.saturating_sub(4);
    let all = app.account_choices();
    let choices = all.len();
    // The line after the highlighted choice's last, which the view keeps in sight.
    let mut highlighted = lines.len();
    for (number, choice) in all.into_iter().enumerate() {
        let text = match choice {
            AccountChoice::Add => texts.keys.add_account.clone(),
            AccountChoice::Remove(index) => {
                let Some(objection) = app.record().entries().get(index).and_then(|e| e.objection()) else {
                    continue;
                };
                // Beside other accounts, the unnamed one is named "your account", so that
                // removing it does not read as removing the whole platform.
                let entry = match objection.account.as_deref() {
                    None if choices > 2 => format!("{name} ({})", texts.record.main_account),
                    account => app.entry_label(&objection.platform, account),
                };
                let status = texts.objection_status(&app.content.catalogue, objection);
                fill(&texts.record.accounts_remove, &[("entry", entry), ("status", status)])
            }
        };
        let marker = if number == chosen { "›" } else { " " };
        // A choice too long for one line goes on under its text, not under its number.
        let style = if number == chosen { theme.selected } else { Style::new() };
        lines.extend(hanging(&format!("{marker} {}. ", number + 1), &text, room, style));
        if number == chosen {
            highlighted = lines.len();
        }
    }
    let rows = |lines: &[Line<'static>]| {
        u16::try_from(wrapped(Text::from(lines.to_vec())).line_count(room)).unwrap_or(u16::MAX)
    };
    let height = rows(&lines).saturating_add(2).min(area.height.saturating_sub(2));
    // A long list scrolls as little as it takes for the highlighted choice to show.
    let scroll = rows(&lines[..highlighted]).saturating_sub(height.saturating_sub(2));
    let paragraph = wrapped(Text::from(lines)).scroll((scroll, 0));
    let [area] = area.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    let [area] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    Clear.render(area, buf);
    let block = body_block(name, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    paragraph.render(inner, buf);
}

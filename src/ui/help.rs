//! The help overlay: every key of the current screen, the keys that always work, and tips.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Widget};

use super::{Body, kept_limit, render_scrolled, styled, wrapped};
use crate::app::{App, Screen};
use crate::keys;

pub fn body(app: &App) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    // The help describes the screen beneath it, not its own keys.
    let table = keys::table(app, false, super::layout::body_max_scroll(app) > 0);
    let width = table.iter().map(|b| keys::help_keys(b, &texts.keys).chars().count()).max().unwrap_or(0);
    let row = |binding: &keys::Binding| {
        let keys = keys::help_keys(binding, &texts.keys);
        let pad = " ".repeat(width - keys.chars().count());
        Line::from(vec![
            Span::styled(format!("  {keys}{pad}  "), theme.key),
            Span::raw(binding.action.long_label(&texts.keys).to_owned()),
        ])
    };
    // First, so that a screen reader reaching the help hears at once where the plain text is.
    let mut lines = vec![Line::from(texts.help.plain.clone()), Line::default()];
    lines.push(styled(texts.help.this_screen.clone(), theme.heading));
    lines.extend(table.iter().filter(|b| !b.action.is_global()).map(row));
    lines.push(Line::default());
    lines.push(styled(texts.help.always.clone(), theme.heading));
    lines.extend(table.iter().filter(|b| b.action.is_global()).map(row));
    lines.push(Line::default());
    // The overview's advice for a late confirmation, where it can always be scrolled to; for a
    // letter too, where the record holds one.
    if app.screen == Screen::Overview {
        let followup = &texts.followup;
        let letters = app.record().objections().any(crate::record::Objection::by_letter);
        for by_letter in [false, true].into_iter().filter(|by_letter| !by_letter || letters) {
            let (heading, advice, sources) = followup.late(by_letter);
            lines.push(styled(heading.clone(), theme.heading));
            lines.extend(advice.iter().map(|advice| Line::from(format!("• {advice}"))));
            lines.push(styled(format!("  {}", followup.ap_url), theme.link));
            lines.push(styled(texts.sources_line(sources), theme.source));
            lines.push(Line::default());
        }
    }
    lines.extend(texts.help.tips.iter().map(|tip| Line::from(format!("• {tip}"))));
    Body { title: texts.help.title.clone(), text: Text::from(lines), links: Vec::new(), window: None }
}

/// The overlay's place: centred, as tall as its text where the window allows.
pub fn area(body: &Body, area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(72);
    let inner_width = width.saturating_sub(4);
    let lines = wrapped(body.text.clone()).line_count(inner_width);
    let height =
        u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2).min(area.height.saturating_sub(2));
    let [area] = area.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
    let [area] = area.layout(&Layout::vertical([Constraint::Length(height)]).flex(Flex::Center));
    area
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let body = body(app);
    let limit = kept_limit(app, area, true);
    let area = self::area(&body, area);
    Clear.render(area, buf);
    render_scrolled(app, body, area, app.view.scroll, limit, buf);
}

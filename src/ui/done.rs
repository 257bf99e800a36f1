//! Screen 5: what to expect now, and the way to the other platform.

use ratatui::text::Text;

use super::{Body, fact_lines, styled};
use crate::app::App;
use crate::content::{Kind, fill};

pub fn body(app: &App, platform: usize) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let name = |index: usize| app.platforms().get(index).map_or("", |p| texts.platform_name(p));
    let mut lines = Vec::new();
    let kind = app.platforms().get(platform).map_or(Kind::Form, |p| p.kind);
    let paragraphs = match kind {
        Kind::Form => &texts.done.paragraphs,
        Kind::Setting => &texts.done.setting_paragraphs,
        Kind::Note => &texts.done.note_paragraphs,
    };
    for paragraph in paragraphs {
        lines.extend(fact_lines(texts, theme, &paragraph.text, &paragraph.sources));
    }
    let marks = super::marks(app, platform);
    if !marks.is_empty() {
        lines.extend(marks);
        lines.push(ratatui::text::Line::default());
    } else if app.writable() && kind.can_be_marked() {
        // Where marking is not possible (a read-only record, a note), the screen does not ask
        // for it.
        lines.push(styled(texts.done.mark_hint.clone(), theme.heading));
        lines.push(ratatui::text::Line::default());
    }
    // After one of Meta's forms: the way out when it did not work (the letter's form says
    // that the form comes first).
    if app.letter_platform() == Some(platform) {
        lines.push(ratatui::text::Line::from(texts.done.letter_hint.clone()));
        lines.push(ratatui::text::Line::default());
    }
    let next = match app.other_platform(platform) {
        Some(other) => fill(&texts.done.other_platform, &[("platform", name(other))]),
        None => texts.done.choose_other.clone(),
    };
    lines.push(styled(next, theme.emphasis));
    let title = fill(&texts.done.title, &[("platform", name(platform))]);
    Body { title, text: Text::from(lines), links: Vec::new(), window: None }
}

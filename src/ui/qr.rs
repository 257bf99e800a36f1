//! The form's link as a QR code, for a phone's camera: two modules to a cell, with the quiet
//! zone. The shape is in the characters themselves, not in colours: light modules are drawn in
//! the theme's foreground, dark ones left to its background. In colour that is white on black;
//! under NO_COLOR, where no colour reaches the terminal, it is the terminal's own text colour on
//! its own background, which on the usual light-on-dark terminal scans as dark on light.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::Text;
use ratatui::widgets::{Clear, Widget};

use super::{styled, wrapped};
use crate::app::App;
use crate::content::fill;
use crate::links::{self, Qr};

/// Draws the code in `area`; `below` is how many rows the footer takes under it.
pub fn render(app: &App, area: Rect, below: u16, buf: &mut Buffer) {
    Clear.render(area, buf);
    let texts = app.texts();
    let Some(url) = app.current_platform().and_then(crate::content::Platform::url) else { return };
    let Some(qr) = links::allowed(url).ok().and_then(|url| Qr::of(&url)) else { return };
    let (width, rows) =
        (u16::try_from(qr.width).unwrap_or(u16::MAX), u16::try_from(qr.rows()).unwrap_or(u16::MAX));
    // The code, its title above (a line or more, as the words need) and the link below.
    let title =
        wrapped(Text::from(styled(texts.qr.title.clone(), app.theme.heading))).alignment(Alignment::Center);
    let title_rows = |width: u16| u16::try_from(title.line_count(width)).unwrap_or(u16::MAX).max(1);
    let need_height = |width: u16| rows.saturating_add(title_rows(width)).saturating_add(1);
    let need_width = width.max(60);
    if area.width < need_width || area.height < need_height(area.width) {
        // The window it asks for: as wide as the code needs, and as high as the code and its
        // title need at that width; a wider window needs no more.
        let height = area.y + need_height(need_width) + below;
        let message =
            fill(&texts.qr.too_small, &[("width", &need_width.to_string()), ("height", &height.to_string())]);
        wrapped(Text::styled(message, app.theme.problem)).alignment(Alignment::Center).render(area, buf);
        return;
    }
    let title_rows = title_rows(area.width);
    title.render(Rect { height: title_rows, ..area }, buf);
    let left = area.x + (area.width - width) / 2;
    let top = area.y + title_rows;
    for row in 0..rows {
        for column in 0..width {
            let (x, y) = (usize::from(column), usize::from(row) * 2);
            let (symbol, light_all_over) = cell(qr.is_dark(x, y), qr.is_dark(x, y + 1));
            let style =
                if light_all_over { app.theme.qr.add_modifier(Modifier::REVERSED) } else { app.theme.qr };
            if let Some(cell) = buf.cell_mut((left + column, top + row)) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
    let link = styled(url.to_owned(), app.theme.link);
    wrapped(Text::from(link))
        .alignment(Alignment::Center)
        .render(Rect { y: top + rows, height: 1, ..area }, buf);
}

/// The character for a cell whose top and bottom modules are dark or not, and whether it is light
/// all over. A light cell is a reversed space rather than a full block: a space's background
/// fills the whole cell in every font, where some fonts draw a full block with gaps between
/// rows, and a gap through the quiet zone or a finder pattern can stop a camera.
fn cell(top_dark: bool, bottom_dark: bool) -> (&'static str, bool) {
    match (top_dark, bottom_dark) {
        (true, true) => (" ", false),
        (false, true) => ("▀", false),
        (true, false) => ("▄", false),
        (false, false) => (" ", true),
    }
}

//! The form's link as a QR code, for a phone's camera: half blocks, dark on light, with the
//! quiet zone. The colours are part of the code (a camera needs dark on light), so they stay
//! in monochrome too.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Style};
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
    let Some(platform) = app.current_platform() else { return };
    let Some(qr) = links::allowed(&platform.form_url).ok().and_then(|url| Qr::of(&url)) else { return };
    let (width, rows) =
        (u16::try_from(qr.width).unwrap_or(u16::MAX), u16::try_from(qr.rows()).unwrap_or(u16::MAX));
    // The code, a title line above and the link below.
    let (need_width, need_height) = (width.max(60), rows + 2);
    if area.width < need_width || area.height < need_height {
        let message = fill(
            &texts.qr.too_small,
            &[("width", &need_width.to_string()), ("height", &(area.y + need_height + below).to_string())],
        );
        wrapped(Text::styled(message, app.theme.problem)).alignment(Alignment::Center).render(area, buf);
        return;
    }
    let title =
        wrapped(Text::from(styled(texts.qr.title.clone(), app.theme.heading))).alignment(Alignment::Center);
    title.render(Rect { height: 1, ..area }, buf);
    let left = area.x + (area.width - width) / 2;
    let top = area.y + 1;
    let light = Style::new().fg(Color::White).bg(Color::White);
    for row in 0..rows {
        for column in 0..width {
            let (x, y) = (usize::from(column), usize::from(row) * 2);
            let colour = |dark: bool| if dark { Color::Black } else { Color::White };
            if let Some(cell) = buf.cell_mut((left + column, top + row)) {
                cell.set_symbol("▀")
                    .set_style(light.fg(colour(qr.is_dark(x, y))).bg(colour(qr.is_dark(x, y + 1))));
            }
        }
    }
    let link = styled(platform.form_url.clone(), app.theme.link);
    wrapped(Text::from(link))
        .alignment(Alignment::Center)
        .render(Rect { y: top + rows, height: 1, ..area }, buf);
}

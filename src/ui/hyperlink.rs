//! Links on screen as OSC 8 hyperlinks, for terminals that follow them.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

/// Marks every place `link` stands on one row of `area` as an OSC 8 hyperlink: the opening
/// sequence rides on the first cell, the closing one on the last, each forced to width 1 so the
/// diff keeps its columns right.
pub(super) fn hyperlink(buf: &mut Buffer, area: Rect, link: &str) {
    let chars: Vec<char> = link.chars().collect();
    let (Some(first), Some(last)) = (chars.first(), chars.last()) else { return };
    let length = u16::try_from(chars.len()).unwrap_or(u16::MAX);
    if length < 2 || length > area.width {
        return;
    }
    let one = CellDiffOption::ForcedWidth(NonZeroU16::MIN);
    for y in area.top()..area.bottom() {
        for x in area.left()..=area.right() - length {
            let matches = chars.iter().enumerate().all(|(offset, c)| {
                let cell_x = x + u16::try_from(offset).unwrap_or(u16::MAX);
                buf.cell((cell_x, y)).is_some_and(|cell| cell.symbol().chars().eq([*c]))
            });
            if !matches {
                continue;
            }
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(&format!("\x1b]8;;{link}\x1b\\{first}")).set_diff_option(one);
            }
            if let Some(cell) = buf.cell_mut((x + length - 1, y)) {
                cell.set_symbol(&format!("{last}\x1b]8;;\x1b\\")).set_diff_option(one);
            }
        }
    }
}

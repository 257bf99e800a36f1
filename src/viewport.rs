//! The window the wizard draws in, and how far its text is scrolled: the view's own state,
//! beside the wizard's. Messages move the scroll (`App::update`); the view fits it to the
//! laid-out text after every message (`ui::fit`): how far it can go, how much a page is, and
//! where a list's selection is. The state itself knows nothing of wrapping or layout.

use ratatui::layout::Size;

/// Below this size the wizard asks for a bigger window instead of cutting text.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a window of this size is below the minimum.
pub fn too_small(size: Size) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// The window, and the scroll of the text in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// The terminal's size.
    pub size: Size,
    /// How far the body is scrolled (the help's text, while it is open): in lines, or in the
    /// overview in entries.
    pub scroll: u16,
    /// How far it can scroll in this window, as the view last fitted it.
    pub limit: u16,
    /// How far a page key scrolls, as the view last fitted it.
    pub page: u16,
    /// What the last message asks of the view.
    pub follow: Follow,
}

/// Whether the view keeps a list's selected line in view after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// Leave the scroll where it is (the person scrolled on purpose, or the help is open).
    Nothing,
    /// Keep the selection in view; `moved` when the selection itself moved, so that all of
    /// the selected entry shows.
    Selection { moved: bool },
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport { size: Size::new(80, 24), scroll: 0, limit: 0, page: 1, follow: Follow::Nothing }
    }
}

impl Viewport {
    /// Whether the window is below the minimum size, where only a request for a bigger one shows.
    pub fn too_small(&self) -> bool {
        too_small(self.size)
    }

    /// Moves the scroll by `lines`, not above the top; the view keeps it within its limit.
    pub fn scroll_by(&mut self, lines: i32) {
        let scroll = i32::from(self.scroll).saturating_add(lines).max(0);
        self.scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    }

    /// Whether there is more text than the window shows.
    pub fn scrollable(&self) -> bool {
        self.limit > 0
    }
}

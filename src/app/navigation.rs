//! Moving through the wizard: the next and previous screen, the platform the end screen offers
//! next, and the overview and message that can be opened from anywhere.

use super::{App, Screen};
use crate::content::STEPS_PER_PLATFORM;

impl App {
    pub(super) fn next_screen(&self) -> Screen {
        match self.screen {
            Screen::Warning => Screen::Risks,
            Screen::Risks => Screen::Platforms,
            Screen::Platforms => Screen::Step { platform: self.selected, step: 0 },
            Screen::Step { platform, step } if step + 1 < STEPS_PER_PLATFORM => {
                Screen::Step { platform, step: step + 1 }
            }
            Screen::Step { platform, .. } => Screen::Done { platform },
            Screen::Done { .. } => Screen::Platforms,
            Screen::Overview => Screen::Overview,
            Screen::Share => Screen::Share,
        }
    }

    pub(super) fn previous_screen(&self) -> Screen {
        match self.screen {
            Screen::Warning | Screen::Risks => Screen::Warning,
            Screen::Platforms => Screen::Risks,
            Screen::Step { step: 0, .. } => Screen::Platforms,
            Screen::Step { platform, step } => Screen::Step { platform, step: step - 1 },
            Screen::Done { platform } => Screen::Step { platform, step: STEPS_PER_PLATFORM - 1 },
            Screen::Overview | Screen::Share => self.back_to,
        }
    }

    /// The platform the end screen offers next, where the catalogue names one (Instagram and
    /// Facebook name each other); elsewhere the end screen offers the list.
    pub fn other_platform(&self, platform: usize) -> Option<usize> {
        self.content.catalogue.partner(platform)
    }

    pub(super) fn go(&mut self, screen: Screen) {
        if screen == self.screen {
            return;
        }
        match (self.screen, screen) {
            (Screen::Done { platform }, Screen::Platforms) => {
                // The platform offered, or else the one after this in the list.
                self.selected = self.content.catalogue.next_after(platform);
            }
            (Screen::Step { platform, .. }, Screen::Platforms) => self.selected = platform,
            _ => {}
        }
        self.screen = screen;
        self.view.scroll = 0;
        if !self.keep_notice {
            self.notice = None;
        }
    }

    /// Opens a screen outside the wizard's order (overview, message); back returns here.
    pub(super) fn visit(&mut self, screen: Screen) {
        if self.screen != screen {
            if !matches!(self.screen, Screen::Overview | Screen::Share) {
                self.back_to = self.screen;
            }
            self.go(screen);
        }
    }
}

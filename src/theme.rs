//! The styles of the wizard, in colour and in monochrome (NO_COLOR).

use ratatui::style::{Color, Modifier, Style};

/// Every style the screens use. In monochrome, meaning is carried by bold, italic, underline
/// and reverse only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub title: Style,
    pub heading: Style,
    /// What today's date means: the line a person must not miss.
    pub emphasis: Style,
    /// Sources and dates under a text.
    pub source: Style,
    pub quote: Style,
    pub link: Style,
    pub selected: Style,
    pub stage: Style,
    pub stage_current: Style,
    pub key: Style,
    pub notice: Style,
    pub problem: Style,
    /// The QR code: its light modules in the foreground, its dark ones in the background.
    pub qr: Style,
}

impl Theme {
    pub fn colour() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: Style::new().fg(Color::Blue),
            title: bold.fg(Color::Cyan),
            heading: bold,
            emphasis: bold.fg(Color::Yellow),
            source: Style::new().fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            link: Style::new().fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            selected: bold.fg(Color::Black).bg(Color::Cyan),
            stage: Style::new().fg(Color::DarkGray),
            stage_current: bold.fg(Color::Black).bg(Color::Cyan),
            key: bold.fg(Color::Cyan),
            notice: Style::new().fg(Color::Green),
            problem: bold.fg(Color::Red),
            qr: Style::new().fg(Color::White).bg(Color::Black),
        }
    }

    /// No style here may name a colour: under NO_COLOR crossterm writes a colour change as an
    /// empty SGR (`ESC [ ; m`), which a terminal reads as a reset of bold and reverse too.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reverse = bold.add_modifier(Modifier::REVERSED);
        Theme {
            border: plain,
            title: bold,
            heading: bold,
            emphasis: bold.add_modifier(Modifier::UNDERLINED),
            source: plain.add_modifier(Modifier::ITALIC),
            quote: plain.add_modifier(Modifier::ITALIC),
            link: plain.add_modifier(Modifier::UNDERLINED),
            selected: reverse,
            stage: plain,
            stage_current: reverse,
            key: bold,
            notice: plain,
            problem: bold,
            // The terminal's own colours: on a light-on-dark terminal, dark on light.
            qr: plain,
        }
    }

    /// Monochrome when `NO_COLOR` is set to anything but the empty string (no-color.org).
    pub fn from_no_color(no_color: Option<&str>) -> Theme {
        match no_color {
            Some(value) if !value.is_empty() => Theme::monochrome(),
            _ => Theme::colour(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_gives_a_theme_without_colours() {
        assert_eq!(Theme::from_no_color(Some("1")), Theme::monochrome());
        assert_eq!(Theme::from_no_color(Some("")), Theme::colour());
        assert_eq!(Theme::from_no_color(None), Theme::colour());
        let mono = Theme::monochrome();
        for style in [
            mono.border,
            mono.title,
            mono.heading,
            mono.emphasis,
            mono.source,
            mono.quote,
            mono.link,
            mono.selected,
            mono.stage,
            mono.stage_current,
            mono.key,
            mono.notice,
            mono.problem,
            mono.qr,
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
    }
}

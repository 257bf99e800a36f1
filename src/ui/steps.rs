//! Screen 4: the five steps for one platform, the current one highlighted, with the form's link
//! (a note has none, and says so).

use ratatui::text::{Line, Text};

use super::{Body, styled};
use crate::app::App;
use crate::content::{STEPS_PER_PLATFORM, fill};

pub fn body(app: &App, index: usize, step: usize) -> Body {
    let texts = app.texts();
    let theme = &app.theme;
    let Some(platform) = app.platforms().get(index) else {
        return Body { title: String::new(), text: Text::default(), links: Vec::new(), window: None };
    };
    let platform_texts = texts.platform(&platform.id);
    let steps = platform_texts.map_or(&[][..], |p| p.steps.as_slice());
    // The link comes first: every step needs it, and in a small window with a notice open it
    // must still show whole, since the notice tells people to select it.
    let link_title = platform_texts.map_or(String::new(), |p| p.link_title.clone());
    let mut lines = vec![styled(link_title, theme.heading)];
    match &platform.link {
        Some(link) => {
            lines.push(styled(link.url.clone(), theme.link));
            // A link nobody checked says so, instead of who last confirmed it.
            match texts.link_check(link) {
                Ok(checked) => lines.push(styled(checked, theme.source)),
                Err(unchecked) => lines.push(styled(unchecked, theme.problem)),
            }
        }
        None => lines.push(styled(texts.steps.no_link.clone(), theme.problem)),
    }
    lines.push(Line::default());
    for (index, each) in steps.iter().enumerate() {
        let text = format!("{} {}. {}", if index == step { "›" } else { " " }, index + 1, each.title);
        lines.push(if index == step { styled(text, theme.selected) } else { Line::from(text) });
    }
    lines.push(Line::default());
    if let Some(current) = steps.get(step) {
        lines.push(Line::from(current.text.clone()));
        lines.push(styled(texts.sources_line(&current.sources), theme.source));
        lines.push(Line::default());
    }
    // What the record holds for this platform already, every account of it.
    let marks = super::marks(app, index);
    if !marks.is_empty() {
        lines.extend(marks);
        lines.push(Line::default());
    }
    if let Some(link) = &platform.link {
        lines.push(Line::from(texts.steps.fallback.clone()));
        lines.push(styled(link.fallback_url.clone(), theme.link));
        lines.push(styled(texts.sources_line(std::slice::from_ref(&link.fallback_source)), theme.source));
    } else {
        // What stood above the fallback's place ends with an empty line.
        lines.pop();
    }
    if step == 0
        && let Some(about) = platform_texts.map(|p| &p.about)
    {
        lines.push(Line::default());
        lines.extend(super::fact_lines(texts, theme, &about.text, &about.sources));
        lines.pop();
    }
    let title = fill(
        &texts.steps.title,
        &[
            ("platform", texts.platform_name(platform)),
            ("n", &(step + 1).to_string()),
            ("total", &STEPS_PER_PLATFORM.to_string()),
        ],
    );
    Body {
        title,
        text: Text::from(lines),
        links: platform.link.iter().flat_map(|link| [link.url.clone(), link.fallback_url.clone()]).collect(),
        window: None,
    }
}

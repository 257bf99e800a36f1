//! What `m` offers on a platform that is marked already: another account, or removing one of
//! its marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};

use super::editor::{form_box, text_width};
use super::layout::hanging;
use super::{styled, wrapped};
use crate::app::{AccountChoice, App};
use crate::content::fill;

pub fn render(app: &App, chosen: usize, area: Rect, buf: &mut Buffer) {
    let texts = app.texts();
    let theme = &app.theme;
    let Some(platform) = app.current_platform() else { return };
    let name = texts.platform_name(platform);
    let question = styled(fill(&texts.record.accounts_question, &[("platform", name)]), theme.heading);
    let all = app.account_choices();
    let choices = all.len();
    let mut lines = Vec::new();
    // The line after the highlighted choice's last, which the view keeps in sight.
    let mut highlighted = 0;
    for (number, choice) in all.into_iter().enumerate() {
        let objection = match choice {
            AccountChoice::Add => None,
            AccountChoice::Remove(index) => app.record().entries().get(index).and_then(|e| e.objection()),
        };
        let text = match (choice, objection) {
            (AccountChoice::Add, _) => texts.keys.add_account.clone(),
            // Beside other accounts, the unnamed one is named "your account", so that removing
            // it does not read as removing the whole platform.
            (AccountChoice::Remove(_), Some(objection)) => {
                let entry = match objection.account.as_deref() {
                    None if choices > 2 => format!("{name} ({})", texts.record.main_account),
                    account => app.entry_label(&objection.platform, account),
                };
                let status = texts.objection_status(&app.content.catalogue, objection);
                fill(&texts.record.accounts_remove, &[("entry", entry), ("status", status)])
            }
            // Only objections are offered; should the record change under the choice, the
            // numbers still match what the keys choose.
            (AccountChoice::Remove(_), None) => texts.keys.remove.clone(),
        };
        let marker = if number == chosen { "›" } else { " " };
        // A choice too long for one line goes on under its text, not under its number.
        let style = if number == chosen { theme.selected } else { Style::new() };
        lines.extend(hanging(&format!("{marker} {}. ", number + 1), &text, text_width(area), style));
        if number == chosen {
            highlighted = lines.len();
        }
    }
    // The question stays in view; a long list scrolls as little as it takes for the
    // highlighted choice to show.
    let top = wrapped(Text::from(vec![question, Line::default()]));
    form_box(app, name, top, lines, highlighted, area, buf);
}

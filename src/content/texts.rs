//! The shape of a language file: every text one language has, as typed structs. Both language
//! files parse into these with `deny_unknown_fields`, so they cannot drift apart in shape.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::messages::{CliTexts, EditorTexts, FollowupTexts, GuideTexts, LetterTexts, QrTexts, RecordTexts};

/// Every text of one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub months: [String; 12],
    /// How a date is written: "{day} {month} {year}", in German "{day}. {month} {year}".
    pub date_format: String,
    /// Source id to the label a person reads, e.g. "AP, 24 april 2025".
    pub sources: BTreeMap<String, String>,
    /// "Bron: {sources}".
    pub source_label: String,
    pub app: AppTexts,
    pub keys: KeyTexts,
    pub help: HelpTexts,
    pub warning: WarningTexts,
    pub risks: RiskTexts,
    pub platforms: PlatformsTexts,
    pub steps: StepsTexts,
    pub platform_texts: BTreeMap<String, PlatformTexts>,
    pub done: DoneTexts,
    pub overview: OverviewTexts,
    pub editor: EditorTexts,
    pub qr: QrTexts,
    pub share: ShareTexts,
    pub followup: FollowupTexts,
    pub guide: GuideTexts,
    pub record: RecordTexts,
    pub cli: CliTexts,
    pub letter: LetterTexts,
}

/// A statement with the sources it rests on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: String,
    pub sources: Vec<String>,
}

/// A fact that is said only from a date on (the day it became known).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedFact {
    pub from: NaiveDate,
    pub text: String,
    pub sources: Vec<String>,
}

/// A sentence that depends on a count: 1 or more.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub one: String,
    pub other: String,
}

impl Plural {
    pub fn pick(&self, count: i64) -> &str {
        if count == 1 { &self.one } else { &self.other }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppTexts {
    pub title: String,
    /// The five stages of the wizard, for the header.
    pub progress: [String; 5],
    pub too_small: String,
    /// The same, while a change is not saved yet.
    pub too_small_unsaved: String,
    pub more_below: String,
    pub more_above: String,
}

texts! {
/// What each key does, as the footer and the help say it.
pub struct KeyTexts {
    pub space: String,
    /// The Ctrl key as the keyboard says it: "Strg" in German.
    pub ctrl: String,
    pub next: String,
    pub back: String,
    pub scroll: String,
    pub select: String,
    pub choose: String,
    pub choose_number: String,
    pub next_step: String,
    pub previous_step: String,
    pub open: String,
    pub copy: String,
    pub other_platform: String,
    pub help: String,
    pub close: String,
    pub quit: String,
    pub language: String,
    pub language_long: String,
    pub interrupt: String,
    pub suspend: String,
    pub mark: String,
    pub unmark: String,
    pub accounts: String,
    pub ends: String,
    pub page_entries: String,
    pub pick: String,
    pub overview: String,
    pub retry: String,
    pub yes: String,
    pub no: String,
    pub edit: String,
    pub add_account: String,
    pub remove: String,
    pub save: String,
    pub cancel: String,
    pub next_field: String,
    pub previous_field: String,
    pub select_entry: String,
    pub qr: String,
    pub share: String,
    pub copy_message: String,
    pub mark_setting: String,
    pub letter: String,
    pub write_letter: String,
    pub copy_letter: String,
}
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpTexts {
    pub title: String,
    /// Where the plain text version is, for screen readers and braille displays.
    pub plain: String,
    pub this_screen: String,
    pub always: String,
    pub tips: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningTexts {
    pub title: String,
    /// The day the warning this language's readers hear was given: the AP's for Dutch and
    /// English, the Hamburg authority's for German. Before it, `before_warning` is shown.
    pub since: NaiveDate,
    /// What the warning screen says before that warning was given.
    pub before_warning: EarlyWarning,
    pub days_left: Plural,
    pub before_deadline: Fact,
    pub deadline_today: String,
    pub passed: Plural,
    pub after_deadline: Fact,
    /// Before the deadline: the warning and what followed it, each from the day it was said.
    pub paragraphs: Vec<DatedFact>,
    /// From the deadline on, instead of `paragraphs`: what changed since, each from the day it
    /// became known, and the AP's warning said short, so that the screen still fits.
    pub after_paragraphs: Vec<DatedFact>,
    pub quote: Quote,
}

/// The warning screen's title and paragraphs before the warning was given: no quote, and
/// nothing said of a warning in the past tense.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyWarning {
    pub title: String,
    /// The sources of what the deadline means, before the warning could be one.
    pub deadline_sources: Vec<String>,
    pub paragraphs: Vec<Fact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub by: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskTexts {
    pub title: String,
    pub items: Vec<Risk>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformsTexts {
    pub title: String,
    pub intro: String,
    pub accounts: Fact,
    /// Under a platform with many marked accounts: "en nog {count} andere accounts".
    pub more: Plural,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepsTexts {
    pub title: String,
    pub verified: String,
    pub not_verified: String,
    pub fallback: String,
    /// Where a note's link would be: there is none, and nobody checked how the app looks now.
    pub no_link: String,
    pub status: StatusTexts,
}

/// What bezwaar says after an action on the step screens.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusTexts {
    pub opened: String,
    /// No `$BROWSER`, and no browser found.
    pub open_failed: String,
    /// Every command of `$BROWSER` failed: `{failures}`, each said by one of the three below.
    pub browser_failed: String,
    /// `{command}` could not be started: `{error}`.
    pub browser_not_started: String,
    /// `{command}` exited with status `{code}`.
    pub browser_exited: String,
    /// `{command}` ended without an exit status.
    pub browser_no_status: String,
    pub refused: String,
    pub copied: String,
    pub copy_failed: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformTexts {
    /// The platform's name where it differs by language; otherwise the catalogue's.
    #[serde(default)]
    pub name: Option<String>,
    pub summary: String,
    /// What the link leads to: "Het bezwaarformulier van Instagram"; for a note, where the
    /// advice is followed.
    pub link_title: String,
    /// What this entry is about, with its date and limits.
    pub about: Fact,
    pub steps: Vec<Step>,
    /// For one of Meta's forms: what a letter of objection is about (the account, or
    /// information from others). A setting has none: there is nothing to send.
    #[serde(default)]
    pub letter: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    pub text: String,
    /// What the plain guide says instead, where the text speaks of keys or the mouse.
    #[serde(default)]
    pub guide_text: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneTexts {
    pub title: String,
    /// After a form.
    pub paragraphs: Vec<Fact>,
    /// After a setting.
    pub setting_paragraphs: Vec<Fact>,
    /// After a note: advice followed chat by chat, with nothing to send or mark.
    pub note_paragraphs: Vec<Fact>,
    /// Offers the platform the catalogue names next (Instagram and Facebook name each other).
    pub other_platform: String,
    /// Offers the list, after a platform that names none.
    pub choose_other: String,
    pub mark_hint: String,
    /// After one of Meta's forms: the letter, for when the form did not work.
    pub letter_hint: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverviewTexts {
    pub title: String,
    pub empty: String,
    pub no_confirmation: String,
    pub note: String,
    pub read_only: String,
    pub hint: String,
}

/// The message that asks family and friends to object too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareTexts {
    pub title: String,
    pub intro: Fact,
    /// With `{instagram}` and `{facebook}` for the forms' links.
    pub message: String,
    pub copied: String,
}

//! The texts of messages rather than screens: the record's, the command line's, the plain
//! guide's, the details form's and the QR code's. Part of [`Texts`](super::Texts).

use serde::Deserialize;

use super::{Fact, Plural};

/// What to do when Meta's confirmation does not come, and the calendar reminder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupTexts {
    /// Under an entry whose confirmation is late: how late.
    pub waiting: String,
    /// The same, under a late entry that is not selected: where the advice is.
    pub waiting_choose: String,
    /// Over what to do about a late confirmation.
    pub heading: String,
    pub advice: Vec<String>,
    /// Where to complain: the AP (a data protection authority, in German).
    pub ap_url: String,
    pub sources: Vec<String>,
    /// The same for a letter, which Meta has a month to answer: over what to do, what, and the
    /// sources (the complaint's, and the GDPR's month).
    pub heading_letter: String,
    pub advice_letter: Vec<String>,
    pub sources_letter: Vec<String>,
    pub event_summary: String,
    pub event_description: String,
    /// The same, for an objection sent by letter.
    pub event_description_letter: String,
    pub written: Plural,
    pub nothing: String,
    pub write_failed: String,
    /// Why a calendar file is not written.
    pub is_record: String,
    pub not_a_file: String,
    pub not_ours: String,
}

impl FollowupTexts {
    /// What to do about a late confirmation: the heading, the advice and its sources, for a
    /// form or for a letter.
    pub fn late(&self, by_letter: bool) -> (&String, &[String], &[String]) {
        if by_letter {
            (&self.heading_letter, &self.advice_letter, &self.sources_letter)
        } else {
            (&self.heading, &self.advice, &self.sources)
        }
    }
}

/// The plain-text walkthrough (`bezwaar guide`): its own questions, since keys and the mouse do
/// nothing there.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideTexts {
    pub intro: String,
    /// How to answer, and how to stop.
    pub how: String,
    pub choose: String,
    pub invalid: String,
    /// After a platform in the list that the record holds.
    pub listed_marked: String,
    pub steps_heading: String,
    /// Remember it? Asked when the record holds nothing for the platform.
    pub mark_question: String,
    pub yes_no: String,
    /// What the record holds for the platform, before asking which account.
    pub already_marked: String,
    pub account_question: String,
    pub account_invalid: String,
    /// Before a name typed at the account question becomes a new account.
    pub new_account: String,
    pub not_marked: String,
    /// After a write that did not go through (the record busy, a full disk).
    pub retry: String,
    /// After the steps of one of Meta's forms: the letter, for when the form does not work.
    pub letter: String,
    /// The platform offered after one is done.
    pub next: String,
    /// After a platform without a partner: the list, and no platform offered as one.
    pub choose_next: String,
    pub end: String,
    /// Answers that mean yes, no, and stop, in any case.
    pub yes: Vec<String>,
    pub no: Vec<String>,
    pub stop: Vec<String>,
}

texts! {
/// The letter of objection to Meta (`bezwaar letter`, and `b` in the wizard), and what bezwaar
/// says around it.
pub struct LetterTexts {
    /// The letter itself: each paragraph or line, in the order it is written.
    pub place_date: String,
    pub subject: String,
    pub salutation: String,
    pub objection: String,
    pub details: String,
    pub name: String,
    pub email: String,
    pub account: String,
    pub situation: String,
    /// Where the person gave no words of their own.
    pub default_reason: String,
    pub request: String,
    pub closing: String,
    /// After a letter in another language: the English version follows. Its heading comes from
    /// the English texts.
    pub english_follows: String,
    pub english_heading: String,
    /// The name of the file the wizard writes: `{platform}` and `{date}` (YYYY-MM-DD).
    pub file_name: String,
    /// That no source says Meta treats a letter as the form, that the form comes first, and that
    /// the letter is the person's proof.
    pub note: Fact,
    pub reason_hint: String,
    pub mark_hint: String,
    pub written: String,
    /// Why there is no letter for a setting.
    pub only_forms: String,
    /// The same, for a note (advice followed chat by chat).
    pub only_forms_note: String,
    pub missing: String,
    pub too_long: String,
    pub not_an_email: String,
    pub field_name: String,
    pub field_email: String,
    pub field_account: String,
    pub field_reason: String,
    pub field_place: String,
    /// Why a letter file is not written.
    pub exists: String,
    pub is_record: String,
    pub not_a_file: String,
    pub write_failed: String,
    /// The wizard's form, and what it says once the letter is written.
    pub title: String,
    pub form_name: String,
    pub form_email: String,
    pub form_account: String,
    pub form_reason: String,
    pub no_place: String,
    pub write_failed_here: String,
    pub written_title: String,
    pub written_here: String,
    pub send_here: String,
    pub copied: String,
    pub copy_failed: String,
}
}

/// The QR code of a form's link, for a phone.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QrTexts {
    pub title: String,
    pub too_small: String,
}

/// The form for an objection's details.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorTexts {
    pub title: String,
    pub new_title: String,
    pub account: String,
    pub note: String,
    /// The date field's label, the confirmation's and the reminder under the title: for a form
    /// sent, for a setting switched off, and for a note (its confirmation's label is the
    /// setting's: one may have come, or not).
    pub submitted: String,
    pub submitted_setting: String,
    pub submitted_note: String,
    pub confirmation: String,
    pub confirmation_setting: String,
    pub optional: String,
    pub optional_setting: String,
    pub optional_note: String,
    pub account_taken: String,
    pub account_needed: String,
    /// Said with `account_needed` where the form opens asking for a name.
    pub no_password: String,
    /// "12 of 100": how full a text field is.
    pub count: String,
    pub full: String,
    pub paste_too_long: String,
}

texts! {
/// The command line's help and messages.
pub struct CliTexts {
    pub about: String,
    pub usage_template: String,
    /// The usage lines, and the names of values, in this language ("[OPTIES]", "<PAD>").
    pub usage: String,
    pub usage_subcommand: String,
    pub value_path: String,
    pub value_file: String,
    pub value_date: String,
    pub value_account: String,
    pub value_note: String,
    pub value_platform: String,
    pub value_shell: String,
    pub value_name: String,
    pub value_email: String,
    pub value_text: String,
    pub value_place: String,
    pub options_heading: String,
    pub lang_help: String,
    pub help_help: String,
    pub version_help: String,
    pub after_help: String,
    pub today_invalid: String,
    pub terminal_failed: String,
    pub data_file_help: String,
    pub status_about: String,
    pub json_help: String,
    pub mark_about: String,
    pub unmark_about: String,
    pub platform_help: String,
    pub account_help: String,
    pub date_help: String,
    pub confirmed_help: String,
    pub note_help: String,
    pub commands_heading: String,
    pub arguments_heading: String,
    pub exit_codes: String,
    pub platforms_about: String,
    pub platforms_json_help: String,
    pub share_about: String,
    pub remind_about: String,
    pub ics_help: String,
    pub force_help: String,
    pub letter_about: String,
    pub letter_after_help: String,
    pub letter_platform_help: String,
    pub name_help: String,
    pub email_help: String,
    pub profile_help: String,
    pub reason_help: String,
    pub place_help: String,
    pub out_help: String,
    pub letter_force_help: String,
    pub by_letter_help: String,
    pub guide_about: String,
    pub guide_platform_help: String,
    pub completions_about: String,
    pub shell_help: String,
    pub manpage_about: String,
    /// The manual page's section headings.
    pub man_name: String,
    pub man_synopsis: String,
    pub man_description: String,
    pub man_notes: String,
    pub man_version: String,
    /// A mistake on the command line: something bezwaar does not know, what it may have meant,
    /// a value that cannot be, something missing, anything else; and where to look.
    pub mistake_unknown: String,
    pub mistake_suggestion: String,
    pub mistake_value: String,
    pub mistake_missing: String,
    pub mistake_other: String,
    pub mistake_twice: String,
    pub mistake_not_text: String,
    pub mistake_help: String,
}
}

texts! {
/// What bezwaar says about the record of objections, on screen and on the command line.
pub struct RecordTexts {
    pub not_yet: String,
    pub submitted: String,
    pub confirmed: String,
    pub main_account: String,
    /// What `bezwaar mark` says: "{platform} ({account}) is marked as {status}", the status as
    /// [`Texts::objection_status`](super::Texts::objection_status) says it everywhere.
    pub marked: String,
    pub unmarked: Plural,
    pub nothing_to_unmark: String,
    /// Marking what is marked: what was there, what changed, what was kept.
    pub already_marked: String,
    pub changed: String,
    pub kept: String,
    pub unchanged: String,
    pub item_confirmation: String,
    pub item_note: String,
    pub item_extra: String,
    pub item_new_date: String,
    pub item_new_date_setting: String,
    pub item_new_date_note: String,
    pub item_new_confirmation: String,
    pub item_note_removed: String,
    pub item_letter: String,
    /// The word between the last two items of a list.
    pub and: String,
    pub ambiguous: String,
    pub too_long: String,
    pub field_account: String,
    pub field_note: String,
    pub set_aside: String,
    pub damaged: String,
    pub unreadable: String,
    pub not_a_file: String,
    pub future_version: String,
    pub busy: String,
    pub save_failed: String,
    pub too_large_save: String,
    /// The common reasons a save fails.
    pub disk_full: String,
    pub no_permission: String,
    pub read_only_fs: String,
    pub file_too_large: String,
    pub no_location: String,
    pub unknown_platform: String,
    pub bad_date: String,
    pub future_date: String,
    pub too_early: String,
    pub confirmation_before: String,
    /// A date in the file that breaks the rule, shown with its entry.
    pub date_problem: String,
    /// An entry of the file that cannot be read, and why.
    pub unreadable_entry: String,
    pub unreadable_here: String,
    pub unreadable_detail: String,
    pub entry_not_object: String,
    pub entry_missing: String,
    pub entry_wrong_type: String,
    pub entry_not_a_date: String,
    pub entry_twice: String,
    pub remove_unreadable_question: String,
    /// Shown with an account that is in the record more than once.
    pub duplicate: String,
    pub location: String,
    /// Where the record will be, said while there is no file yet.
    pub location_none: String,
    pub marked_here: String,
    pub already_marked_here: String,
    pub unmarked_here: String,
    pub unreadable_removed_here: String,
    pub changed_elsewhere_here: String,
    pub not_found_here: String,
    pub not_all_saved_here: String,
    pub unmark_question: String,
    /// Over what `m` offers on a platform that is marked already.
    pub accounts_question: String,
    /// One of its choices: remove this mark.
    pub accounts_remove: String,
    pub save_failed_here: String,
    pub no_location_here: String,
    pub read_only_here: String,
    pub unsaved_quit: String,
    /// Printed after the wizard, when it stopped with a change not saved.
    pub unsaved_left: String,
    pub saved_here: String,
    pub unknown: String,
    pub switched_off: String,
    pub switched_off_confirmed: String,
    /// The status of an entry for a note, which only a record written elsewhere can hold: it
    /// says neither sent nor switched off.
    pub marked_on: String,
    pub marked_on_confirmed: String,
    /// Why `bezwaar mark` marks no note.
    pub nothing_to_mark: String,
    /// The status of an objection sent by letter.
    pub submitted_letter: String,
    pub confirmed_letter: String,
    /// Why a mark for a letter does not relabel an objection sent another way.
    pub sent_otherwise: String,
    /// That other way, when it was the form.
    pub way_form: String,
}
}

//! What the record says, as a person reads it: the status lines of `bezwaar status` and the
//! overview, and what marking again did.

use chrono::NaiveDate;

use super::{Catalogue, Kind, Texts, fill};
use crate::dates;
use crate::record::{Entry, EntryProblem, Objection, Record};

impl Texts {
    /// "Instagram" and "werk" (or "je account"): a platform's name and the account, as people read them.
    pub fn account_label(
        &self,
        catalogue: &Catalogue,
        platform: &str,
        account: Option<&str>,
    ) -> (String, String) {
        let name = self.platform_label(catalogue, platform).to_owned();
        (name, account.unwrap_or(&self.record.main_account).to_owned())
    }

    /// "Facebook (werk) was already marked on 20 May 2025. Nothing changed. Kept: the confirmation
    /// of 21 May 2025 and your note.": what marking again did, and what it kept.
    pub fn already_marked(&self, catalogue: &Catalogue, before: &Objection, after: &Objection) -> String {
        let record = &self.record;
        let (name, account) = self.account_label(catalogue, &before.platform, before.account.as_deref());
        let mut changed = Vec::new();
        let mut kept = Vec::new();
        if after.submitted_on != before.submitted_on {
            let item = match catalogue.kind(&before.platform) {
                Some(Kind::Setting) => &record.item_new_date_setting,
                Some(Kind::Note) => &record.item_new_date_note,
                Some(Kind::Form) | None => &record.item_new_date,
            };
            changed.push(fill(item, &[("date", &self.date(after.submitted_on))]));
        }
        match (before.confirmation_on, after.confirmation_on) {
            (_, Some(now)) if before.confirmation_on != after.confirmation_on => {
                changed.push(fill(&record.item_new_confirmation, &[("date", &self.date(now))]));
            }
            (Some(then), _) => kept.push(fill(&record.item_confirmation, &[("date", &self.date(then))])),
            _ => {}
        }
        match (&before.note, &after.note) {
            (then, now) if then != now => {
                changed.push(if now.is_some() {
                    record.item_note.clone()
                } else {
                    record.item_note_removed.clone()
                });
            }
            (Some(_), _) => kept.push(record.item_note.clone()),
            _ => {}
        }
        match (before.by_letter(), after.by_letter()) {
            (false, true) => changed.push(record.item_letter.clone()),
            (true, _) => kept.push(record.item_letter.clone()),
            _ => {}
        }
        if !after.extra.is_empty() {
            kept.push(record.item_extra.clone());
        }
        let values =
            [("platform", name.as_str()), ("account", &account), ("date", &self.date(before.submitted_on))];
        let mut message = fill(&record.already_marked, &values);
        message.push(' ');
        if changed.is_empty() {
            message.push_str(&record.unchanged);
        } else {
            message.push_str(&fill(&record.changed, &[("items", &self.list(&changed))]));
        }
        if !kept.is_empty() {
            message.push(' ');
            message.push_str(&fill(&record.kept, &[("items", &self.list(&kept))]));
        }
        message
    }

    /// One line per objection, one for each platform without any, and one for each entry that
    /// cannot be read. An account that is in the record twice, and a date that breaks the rule,
    /// are said on its line.
    pub fn status_lines(&self, catalogue: &Catalogue, record: &Record, today: NaiveDate) -> Vec<String> {
        let counts = record.account_counts();
        let objections = || {
            record
                .entries()
                .iter()
                .zip(&counts)
                .filter_map(|(entry, count)| Some((entry.objection()?, *count)))
        };
        let mut lines = Vec::new();
        for platform in &catalogue.platforms {
            let mut any = false;
            for (objection, count) in objections().filter(|(o, _)| o.platform == platform.id) {
                any = true;
                lines.push(self.objection_line(catalogue, count, objection, today));
            }
            // A note is never marked here: nothing is "not yet" about it.
            if !any && platform.kind.can_be_marked() {
                lines.push(format!("{}: {}", self.platform_name(platform), self.record.not_yet));
            }
        }
        // Entries for platforms this version does not know are kept and shown as they are.
        for (objection, count) in objections().filter(|(o, _)| catalogue.platform(&o.platform).is_none()) {
            lines.push(self.objection_line(catalogue, count, objection, today));
        }
        for (index, entry) in record.entries().iter().enumerate() {
            if let Entry::Unreadable(unreadable) = entry {
                lines.push(self.unreadable_line(index, &unreadable.problem));
            }
        }
        lines
    }

    /// "Entry 3 of your record cannot be read: ... It stays in the file as it is."
    pub fn unreadable_line(&self, index: usize, problem: &EntryProblem) -> String {
        let values = [("number", (index + 1).to_string()), ("problem", self.entry_problem(problem))];
        fill(&self.record.unreadable_entry, &values)
    }

    /// What the record says about one objection beyond its status: that its account is in the
    /// record more than once (`count` times), that a date breaks the rule.
    pub fn objection_notes(&self, count: usize, objection: &Objection, today: NaiveDate) -> Vec<String> {
        let mut notes = Vec::new();
        if count > 1 {
            notes.push(fill(&self.record.duplicate, &[("count", &count.to_string())]));
        }
        if let Some(problem) = dates::problem(objection.submitted_on, objection.confirmation_on, today) {
            notes.push(fill(&self.record.date_problem, &[("problem", &self.date_error(&problem, today))]));
        }
        notes
    }

    fn objection_line(
        &self,
        catalogue: &Catalogue,
        count: usize,
        objection: &Objection,
        today: NaiveDate,
    ) -> String {
        let who = self.entry_label(catalogue, &objection.platform, objection.account.as_deref());
        let mut line = format!("{who}: {}", self.objection_status(catalogue, objection));
        let notes = self.objection_notes(count, objection, today);
        if !notes.is_empty() {
            line.push_str(". ");
            line.push_str(&notes.join(" "));
        }
        line
    }
}

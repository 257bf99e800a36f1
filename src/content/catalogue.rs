//! The catalogue: what does not depend on the language. Platform ids, their links, when and by
//! whom a link was checked, and the ids of the sources the texts name.

use chrono::NaiveDate;
use serde::Deserialize;

/// The language-neutral part: dates, sources and platforms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The day the AP published its warning.
    pub warning_date: NaiveDate,
    /// The day Meta started training; objecting before it kept everything out.
    pub deadline: NaiveDate,
    /// The ids of every source a text may name; each language labels them.
    pub sources: Vec<String>,
    /// Where a letter of objection goes: Meta's postal address for privacy matters, line by
    /// line, as Meta's privacy policy gives it.
    pub letter_address: Vec<String>,
    pub platforms: Vec<Platform>,
}

impl Catalogue {
    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|platform| platform.id == id)
    }

    /// Whether the entry is a setting switched off rather than a form sent. An id this version
    /// does not know is not: what is said of it stays the more general "submitted".
    pub fn is_setting(&self, id: &str) -> bool {
        self.platform(id).is_some_and(|platform| platform.kind == Kind::Setting)
    }

    /// The platform the one at `index` names as its partner, if it names one (Instagram and
    /// Facebook name each other: the same person often has both).
    pub fn partner(&self, index: usize) -> Option<usize> {
        let named = self.platforms.get(index)?.next.as_deref()?;
        self.platforms.iter().position(|p| p.id == named)
    }

    /// The platform to suggest after the one at `index`: its partner, else the next in the list.
    pub fn next_after(&self, index: usize) -> usize {
        self.partner(index).unwrap_or((index + 1) % self.platforms.len().max(1))
    }
}

/// One place to object: a platform with its form.
#[derive(Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub name: String,
    /// Whether the person sends a form or switches a setting off.
    pub kind: Kind,
    /// The link to open: the form, or the page with the setting.
    pub form_url: String,
    /// When the link was last seen working, and by whom (a source id); `None` when neither
    /// bezwaar nor a source has checked it, which the screens say.
    pub verified_on: Option<NaiveDate>,
    pub verified_by: Option<String>,
    /// The date that matters for this entry (when training started, or an inquiry), if any.
    pub date: Option<NaiveDate>,
    /// The entry the end screen offers next (Instagram and Facebook offer each other); without
    /// it, the next in the list.
    pub next: Option<String>,
    /// Where to go when the form has moved.
    pub fallback_url: String,
    pub fallback_source: String,
    pub sources: Vec<String>,
}

/// How a person opts out on a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Send the platform's objection form.
    Form,
    /// Switch a setting off in the account.
    Setting,
}

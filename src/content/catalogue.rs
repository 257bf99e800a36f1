//! The catalogue: what does not depend on the language. Platform ids, their links, when and by
//! whom a link was checked, and the ids of the sources the texts name.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The language-neutral part: dates, sources and platforms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
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

    /// What kind of entry an id is; `None` for an id this version does not know, of which
    /// what is said stays the more general "submitted".
    pub fn kind(&self, id: &str) -> Option<Kind> {
        self.platform(id).map(|platform| platform.kind)
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

/// One entry: a platform or service, and what a person does there.
///
/// In `catalogue.json` (and `bezwaar platforms --json`) its fields stand side by side, as
/// `Entry`; here a form or a setting has its [`Link`] and a note has none, so that neither
/// can be written otherwise.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(try_from = "Entry", into = "Entry")]
pub struct Platform {
    pub id: String,
    pub name: String,
    /// Whether the person sends a form, switches a setting off, or follows advice.
    pub kind: Kind,
    /// Where to go: for a form or a setting; a note has nothing to open.
    pub link: Option<Link>,
    /// The date that matters for this entry (when training started, or an inquiry), if any.
    pub date: Option<NaiveDate>,
    /// The entry the end screen offers next (Instagram and Facebook offer each other); without
    /// it, the next in the list.
    pub next: Option<String>,
    pub sources: Vec<String>,
}

impl Platform {
    /// The link to open, if there is one.
    pub fn url(&self) -> Option<&str> {
        self.link.as_ref().map(|link| link.url.as_str())
    }
}

/// The page a form or a setting is on, and where to go when it has moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The form, or the page with the setting.
    pub url: String,
    /// When the link was last seen working, and by whom (a source id); `None` when neither
    /// bezwaar nor a source has checked it, which the screens say.
    pub verified: Option<(NaiveDate, String)>,
    /// Where to go when the form has moved, and the source that sends people there.
    pub fallback_url: String,
    pub fallback_source: String,
}

/// How a person opts out on a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Send the platform's objection form.
    Form,
    /// Switch a setting off in the account.
    Setting,
    /// Advice with no form and no link (WhatsApp: a setting switched on chat by chat). Nothing
    /// is done once, so nothing is marked.
    Note,
}

impl Kind {
    /// Whether `m`, the guide and `bezwaar mark` offer to remember it: a note is never done once.
    pub fn can_be_marked(self) -> bool {
        self != Kind::Note
    }
}

/// A platform as `catalogue.json` writes it: every field side by side.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    name: String,
    kind: Kind,
    form_url: Option<String>,
    verified_on: Option<NaiveDate>,
    verified_by: Option<String>,
    date: Option<NaiveDate>,
    next: Option<String>,
    fallback_url: Option<String>,
    fallback_source: Option<String>,
    sources: Vec<String>,
}

impl TryFrom<Entry> for Platform {
    type Error = String;

    fn try_from(entry: Entry) -> Result<Platform, String> {
        let Entry {
            id,
            name,
            kind,
            form_url,
            verified_on,
            verified_by,
            date,
            next,
            fallback_url,
            fallback_source,
            sources,
        } = entry;
        let verified = match (verified_on, verified_by) {
            (Some(on), Some(by)) => Some((on, by)),
            (None, None) => None,
            _ => return Err(format!("{id}: verified_on and verified_by go together")),
        };
        let link = match (kind, form_url, fallback_url, fallback_source) {
            (Kind::Note, None, None, None) if verified.is_none() => None,
            (Kind::Note, ..) => return Err(format!("{id}: a note has no link, no check and no fallback")),
            (_, Some(url), Some(fallback_url), Some(fallback_source)) => {
                Some(Link { url, verified, fallback_url, fallback_source })
            }
            _ => {
                return Err(format!(
                    "{id}: a form or a setting needs form_url, fallback_url and fallback_source"
                ));
            }
        };
        Ok(Platform { id, name, kind, link, date, next, sources })
    }
}

impl From<Platform> for Entry {
    fn from(platform: Platform) -> Entry {
        let Platform { id, name, kind, link, date, next, sources } = platform;
        let (form_url, verified, fallback_url, fallback_source) = match link {
            Some(Link { url, verified, fallback_url, fallback_source }) => {
                (Some(url), verified, Some(fallback_url), Some(fallback_source))
            }
            None => (None, None, None, None),
        };
        let (verified_on, verified_by) = verified.unzip();
        Entry {
            id,
            name,
            kind,
            form_url,
            verified_on,
            verified_by,
            date,
            next,
            fallback_url,
            fallback_source,
            sources,
        }
    }
}

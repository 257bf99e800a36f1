//! The typed content model: every text a person reads, and the catalogue of platforms.
//!
//! The files under `assets/content/` are embedded at build time and parsed once. `catalogue.json`
//! holds what does not depend on the language (platform ids, links, dates, source ids); `nl.json`
//! and `en.json` hold the texts. Both language files parse into the same struct with
//! `deny_unknown_fields`, so they cannot drift apart in shape; [`Content::validate`] checks what
//! the types cannot (counts, source references, links).

#[macro_use]
mod members;
mod catalogue;
mod messages;
mod record_says;
mod say;
mod texts;
mod validate;

use std::fmt;
use std::sync::OnceLock;

pub use catalogue::{Catalogue, Kind, Link, Platform};
pub use messages::*;
pub use say::WarningOn;
pub use texts::*;

const CATALOGUE_JSON: &str = include_str!("../../assets/content/catalogue.json");

const NL_JSON: &str = include_str!("../../assets/content/nl.json");

const EN_JSON: &str = include_str!("../../assets/content/en.json");

/// The number of steps the walkthrough gives for every platform.
pub const STEPS_PER_PLATFORM: usize = 5;

/// The languages bezwaar speaks. Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The other language: the language key toggles between the two.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// Parses a `--lang` value: `nl` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a locale value such as `nl_NL.UTF-8`: Dutch for `nl*`, English otherwise.
    pub fn from_locale(value: &str) -> Lang {
        if value.to_ascii_lowercase().starts_with("nl") { Lang::Nl } else { Lang::En }
    }

    /// The language from the environment, in POSIX order: the first of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` that is set and not empty decides.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }
}

/// A failure to read the embedded content. Only a broken build can cause it; a test guards it.
#[derive(Debug, Clone)]
pub struct ContentError {
    file: &'static str,
    problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "assets/content/{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for ContentError {}

/// Everything bezwaar shows, in both languages, with the catalogue.
///
/// Only the language in use is read at the start; the other is read the first time it is asked
/// for (the language key), so that starting costs one language file, not two.
#[derive(Debug)]
pub struct Content {
    pub catalogue: Catalogue,
    first_lang: Lang,
    first: Texts,
    /// The other language's texts, read on demand.
    other: OnceLock<Result<Texts, ContentError>>,
}

impl Content {
    /// Reads the embedded catalogue and the texts of `lang`.
    ///
    /// The content is fixed when bezwaar is built, so it is checked once, by the tests
    /// ([`Content::validate`] on both languages), not again on every start.
    pub fn embedded(lang: Lang) -> Result<Content, ContentError> {
        Ok(Content {
            catalogue: parse("catalogue.json", CATALOGUE_JSON)?,
            first_lang: lang,
            first: parse_texts(lang)?,
            other: OnceLock::new(),
        })
    }

    /// The texts in `lang`. Should the other language's file fail to read (only a broken build
    /// can cause that, and the tests read both), the language already read stands in.
    pub fn texts(&self, lang: Lang) -> &Texts {
        self.try_texts(lang).unwrap_or(&self.first)
    }

    fn try_texts(&self, lang: Lang) -> Result<&Texts, ContentError> {
        if lang == self.first_lang {
            return Ok(&self.first);
        }
        self.other.get_or_init(|| parse_texts(lang)).as_ref().map_err(Clone::clone)
    }

    pub fn platforms(&self) -> &[Platform] {
        &self.catalogue.platforms
    }
}

/// The file that holds a language's texts, and its contents.
fn texts_file(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Nl => ("nl.json", NL_JSON),
        Lang::En => ("en.json", EN_JSON),
    }
}

fn parse_texts(lang: Lang) -> Result<Texts, ContentError> {
    let (file, json) = texts_file(lang);
    parse(file, json)
}

fn parse<T: serde::de::DeserializeOwned>(file: &'static str, json: &str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|error| ContentError { file, problem: error.to_string() })
}

/// Replaces each `{name}` in `template` by its value. Unknown names stay as they are, so a
/// missing value shows instead of vanishing.
pub fn fill(template: &str, values: &[(&str, impl AsRef<str>)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value.as_ref());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links;
    use chrono::NaiveDate;
    use serde_json::Value;

    fn content() -> Content {
        let content = Content::embedded(Lang::Nl).expect("the catalogue and the Dutch texts read");
        content.validate().expect("embedded content is valid");
        content
    }

    impl Content {
        /// For tests that break the content on purpose.
        fn texts_mut(&mut self, lang: Lang) -> &mut Texts {
            if lang == self.first_lang {
                return &mut self.first;
            }
            self.other.get_or_init(|| parse_texts(lang));
            self.other.get_mut().and_then(|texts| texts.as_mut().ok()).expect("the other language reads")
        }
    }

    #[test]
    fn the_embedded_content_is_valid_in_both_languages() {
        for lang in Lang::ALL {
            Content::embedded(lang).unwrap().validate().unwrap();
        }
    }

    #[test]
    fn the_other_language_is_read_when_first_asked_for() {
        for lang in Lang::ALL {
            let content = Content::embedded(lang).unwrap();
            assert!(content.other.get().is_none(), "only {lang:?} is read at the start");
            let other = content.texts(lang.other());
            let first = content.texts(lang);
            assert!(!std::ptr::eq(other, first), "{lang:?}: the other language, not a stand-in");
            // Each language's key names the other one.
            assert_ne!(other.keys.language, first.keys.language);
            assert!(content.other.get().is_some_and(Result::is_ok));
        }
    }

    /// Every key path of a JSON value, with arrays of objects entered element by element.
    fn key_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let path = format!("{prefix}/{key}");
                    out.push(path.clone());
                    key_paths(child, &path, out);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    key_paths(child, &format!("{prefix}[{index}]"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let nl: Value = serde_json::from_str(NL_JSON).unwrap();
        let en: Value = serde_json::from_str(EN_JSON).unwrap();
        let (mut nl_paths, mut en_paths) = (Vec::new(), Vec::new());
        key_paths(&nl, "", &mut nl_paths);
        key_paths(&en, "", &mut en_paths);
        nl_paths.sort();
        en_paths.sort();
        assert_eq!(nl_paths, en_paths);
        assert!(nl_paths.len() > 100, "the comparison walked the whole file");
    }

    #[test]
    fn both_languages_name_the_same_sources_in_the_same_places() {
        let nl: Value = serde_json::from_str(NL_JSON).unwrap();
        let en: Value = serde_json::from_str(EN_JSON).unwrap();
        fn sources(value: &Value, out: &mut Vec<Value>) {
            match value {
                Value::Object(map) => {
                    for (key, child) in map {
                        if key == "sources" && child.is_array() {
                            out.push(child.clone());
                        } else {
                            sources(child, out);
                        }
                    }
                }
                Value::Array(items) => items.iter().for_each(|item| sources(item, out)),
                _ => {}
            }
        }
        let (mut nl_sources, mut en_sources) = (Vec::new(), Vec::new());
        sources(&nl, &mut nl_sources);
        sources(&en, &mut en_sources);
        assert_eq!(nl_sources, en_sources);
    }

    #[test]
    fn the_embedded_content_is_valid() {
        let content = content();
        assert_eq!(content.platforms()[0].id, "instagram", "Instagram comes first");
        assert_eq!(content.platforms()[1].id, "facebook", "Facebook comes second");
        assert_eq!(content.catalogue.deadline, NaiveDate::from_ymd_opt(2025, 5, 27).unwrap());
    }

    #[test]
    fn every_meta_platform_has_five_steps_in_both_languages() {
        let content = content();
        for lang in Lang::ALL {
            for platform in content.platforms() {
                let texts = content.texts(lang).platform(&platform.id).unwrap();
                assert_eq!(texts.steps.len(), 5, "{lang:?} {}", platform.id);
                for step in &texts.steps {
                    assert!(!step.title.is_empty() && !step.text.is_empty());
                    assert!(!step.sources.is_empty(), "every step names a source");
                }
            }
        }
    }

    #[test]
    fn every_url_is_https_on_an_allowed_host() {
        let content = content();
        for link in content.platforms().iter().filter_map(|p| p.link.as_ref()) {
            for url in [&link.url, &link.fallback_url] {
                assert!(url.starts_with("https://"), "{url}");
                assert_eq!(links::allowed(url).map(|u| u.to_string()).as_deref(), Ok(url.as_str()));
            }
        }
    }

    #[test]
    fn every_entry_carries_its_link_check_fallback_and_sources() {
        let content = content();
        assert!(content.platforms().len() >= 6, "Meta's two forms, its third-party form, and beyond");
        for platform in content.platforms() {
            assert!(!platform.sources.is_empty(), "{}", platform.id);
            // Only a note goes without a link; one with a link has its fallback too.
            match &platform.link {
                Some(link) => assert!(
                    links::allowed(&link.url).is_ok() && links::allowed(&link.fallback_url).is_ok(),
                    "{}",
                    platform.id
                ),
                None => assert_eq!(platform.kind, Kind::Note, "{}", platform.id),
            }
            for lang in Lang::ALL {
                let texts = content.texts(lang).platform(&platform.id).unwrap();
                assert!(!texts.about.sources.is_empty() && !texts.link_title.is_empty(), "{}", platform.id);
            }
        }
        let checked: Vec<&str> = content
            .platforms()
            .iter()
            .filter(|p| p.link.as_ref().is_some_and(|link| link.verified.is_some()))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(checked, ["instagram", "facebook"], "only the AP checked links carry a date");
    }

    #[test]
    fn the_forms_are_the_ones_the_ap_named() {
        let content = content();
        let form = |id: &str| content.catalogue.platform(id).unwrap().url().unwrap();
        assert_eq!(form("instagram"), "https://help.instagram.com/contact/767264225370182");
        assert_eq!(form("facebook"), "https://www.facebook.com/help/contact/712876720715583");
    }

    #[test]
    fn meta_s_forms_fall_back_to_the_page_its_own_privacy_policy_names() {
        let content = content();
        for id in ["instagram", "facebook", "meta-third-party"] {
            let link = content.catalogue.platform(id).unwrap().link.as_ref().unwrap();
            assert_eq!(link.fallback_url, "https://help.meta.com/support/privacy/", "{id}");
            assert_eq!(link.fallback_source, "meta-privacy-2026", "{id}");
        }
        assert_eq!(
            content.texts(Lang::Nl).sources["meta-privacy-2026"],
            "Meta, privacybeleid (EER), 23 juli 2026"
        );
        assert_eq!(
            content.texts(Lang::En).sources["meta-privacy-2026"],
            "Meta, privacy policy (EEA), 23 July 2026"
        );
    }

    #[test]
    fn a_checked_form_says_what_no_source_says_and_who_last_confirmed_it() {
        let content = content();
        let instagram = content.catalogue.platform("instagram").unwrap().link.as_ref().unwrap();
        assert_eq!(
            content.texts(Lang::Nl).link_check(instagram).unwrap(),
            "Geen bron zegt dat dit formulier is weggehaald, en ook niet dat het nog werkt. \
             Laatst bevestigd: AP, 26 mei 2025."
        );
        assert_eq!(
            content.texts(Lang::En).link_check(instagram).unwrap(),
            "No source says this form was removed, and none says it still works. \
             Last confirmed: AP, 26 May 2025."
        );
    }

    #[test]
    fn validation_rejects_a_check_whose_source_names_another_date() {
        let mut content = content();
        let link = content.catalogue.platforms[0].link.as_mut().unwrap();
        link.verified = Some((NaiveDate::from_ymd_opt(2025, 5, 25).unwrap(), "ap-2025-05-26".into()));
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("ap-2025-05-26") && error.contains("2025-05-25"), "{error}");
    }

    #[test]
    fn validation_rejects_a_check_on_a_setting() {
        let mut content = content();
        let linkedin = content.catalogue.platforms.iter_mut().find(|p| p.id == "linkedin").unwrap();
        linkedin.link.as_mut().unwrap().verified =
            Some((NaiveDate::from_ymd_opt(2025, 5, 26).unwrap(), "ap-2025-05-26".into()));
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("linkedin") && error.contains("only a form"), "{error}");
    }

    #[test]
    fn every_source_label_says_its_year_in_both_languages() {
        let content = content();
        for lang in Lang::ALL {
            for (id, label) in &content.texts(lang).sources {
                let year = label.split(|c: char| !c.is_ascii_digit()).any(|digits| {
                    digits.len() == 4 && digits.parse::<u16>().is_ok_and(|year| (2000..2100).contains(&year))
                });
                assert!(year, "{lang:?}: the label of {id} ({label:?}) says no year");
            }
        }
    }

    #[test]
    fn nothing_beyond_meta_cites_the_reports_of_april_to_august_2025() {
        // LinkedIn's change came on 3 November 2025; those reports cannot be its source.
        let content = content();
        let spring = "public-reporting-2025";
        for id in ["linkedin", "x", "gemini"] {
            let platform = content.catalogue.platform(id).unwrap();
            assert!(
                !platform.sources.iter().any(|s| s == spring)
                    && platform.link.as_ref().unwrap().fallback_source != spring,
                "{id}"
            );
            for lang in Lang::ALL {
                let texts = content.texts(lang);
                let platform_texts = texts.platform(id).unwrap();
                let cited = platform_texts
                    .about
                    .sources
                    .iter()
                    .chain(platform_texts.steps.iter().flat_map(|s| &s.sources));
                assert!(!cited.into_iter().any(|s| s == spring), "{lang:?} {id}");
                assert!(!texts.done.setting_paragraphs.iter().any(|p| p.sources.iter().any(|s| s == spring)));
            }
        }
    }

    #[test]
    fn validation_rejects_a_source_nothing_cites() {
        let mut content = content();
        content.catalogue.sources.push("datenanfragen-2026".into());
        for lang in Lang::ALL {
            content
                .texts_mut(lang)
                .sources
                .insert("datenanfragen-2026".into(), "datenanfragen.de, 2026".into());
        }
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("datenanfragen-2026") && error.contains("cited nowhere"), "{error}");
    }

    #[test]
    fn every_allowed_host_is_one_the_content_links_to() {
        let content = content();
        let mut linked: Vec<String> = content
            .platforms()
            .iter()
            .filter_map(|p| p.link.as_ref())
            .flat_map(|link| [&link.url, &link.fallback_url])
            .chain(Lang::ALL.map(|lang| &content.texts(lang).followup.ap_url))
            .map(|url| links::allowed(url).unwrap().host_str().unwrap().to_owned())
            .collect();
        linked.sort();
        linked.dedup();
        let mut allowed: Vec<String> = links::ALLOWED_HOSTS.iter().map(|host| host.to_string()).collect();
        allowed.sort();
        assert_eq!(allowed, linked, "the allowlist holds exactly the hosts the content links to");
    }

    #[test]
    fn a_note_has_no_link_and_a_form_or_setting_has_one_with_its_fallback() {
        let entry = |kind: &str, links: &str| {
            let json = format!(
                r#"{{"id": "e", "name": "E", "kind": "{kind}", {links} "verified_on": null, "verified_by": null,
                    "date": null, "next": null, "sources": ["ap-2025-04-24"]}}"#
            );
            serde_json::from_str::<Platform>(&json).map_err(|error| error.to_string())
        };
        let link = r#""form_url": "https://x.com/settings", "fallback_url": "https://x.com/", "fallback_source": "media-2025","#;
        assert!(entry("note", "").is_ok_and(|note| note.link.is_none()));
        assert!(entry("setting", link).is_ok_and(|setting| setting.url() == Some("https://x.com/settings")));
        let error = entry("note", link).unwrap_err();
        assert!(error.contains("a note has no link"), "{error}");
        let error = entry("form", "").unwrap_err();
        assert!(error.contains("needs form_url"), "{error}");
        let half = r#""form_url": "https://x.com/settings", "fallback_url": null, "fallback_source": null,"#;
        assert!(entry("setting", half).is_err());
        // What is read is written back the same way: `bezwaar platforms --json` keeps its shape.
        let catalogue: Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
        let written = serde_json::to_value(&content().catalogue.platforms).unwrap();
        assert_eq!(written, catalogue["platforms"]);
    }

    #[test]
    fn validation_rejects_a_platform_without_five_steps() {
        let mut content = content();
        content.texts_mut(Lang::Nl).platform_texts.get_mut("facebook").unwrap().steps.pop();
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("nl.json") && error.contains("4 steps"), "{error}");
    }

    #[test]
    fn a_letter_goes_to_the_address_metas_privacy_policy_gives() {
        let content = content();
        assert_eq!(
            content.catalogue.letter_address.join(", "),
            "Meta Platforms Ireland Limited, ATTN: Privacy Operations, Merrion Road, Dublin 4, D04 X2K5, Ireland"
        );
    }

    #[test]
    fn validation_wants_a_letter_text_for_each_form_and_none_for_a_setting() {
        let mut content = content();
        content.texts_mut(Lang::En).platform_texts.get_mut("facebook").unwrap().letter = None;
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("en.json") && error.contains("facebook"), "{error}");
        let mut content = self::content();
        content.texts_mut(Lang::Nl).platform_texts.get_mut("linkedin").unwrap().letter = Some("x".into());
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("nl.json") && error.contains("linkedin"), "{error}");
    }

    #[test]
    fn validation_rejects_a_link_off_the_allowlist() {
        let mut content = content();
        content.catalogue.platforms[0].link.as_mut().unwrap().url = "https://evil.example/contact".into();
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("evil.example"), "{error}");
    }

    #[test]
    fn validation_rejects_an_unknown_source() {
        let mut content = content();
        content.texts_mut(Lang::En).risks.items[0].sources.push("made-up".into());
        let error = content.validate().unwrap_err().to_string();
        assert!(error.contains("en.json") && error.contains("made-up"), "{error}");
    }

    #[test]
    fn only_known_placeholders_are_used() {
        let content = content();
        for lang in Lang::ALL {
            let texts = content.texts(lang);
            let cli = &texts.cli;
            let status = &texts.steps.status;
            let guide = &texts.guide;
            let record = &texts.record;
            let letter = &texts.letter;
            let checks: [(&str, &[&str]); 57] = [
                (&texts.warning.days_left.other, &["days"]),
                (&texts.warning.passed.other, &["days", "deadline"]),
                (&texts.warning.before_deadline.text, &["deadline"]),
                (&texts.warning.deadline_today, &["deadline"]),
                (&texts.steps.title, &["platform", "n", "total"]),
                (&texts.steps.verified, &["by"]),
                (&texts.done.title, &["platform"]),
                (&texts.done.other_platform, &["platform"]),
                (&texts.app.too_small, &["width", "height"]),
                (&cli.mistake_unknown, &["input"]),
                (&cli.mistake_suggestion, &["suggestion"]),
                (&cli.mistake_value, &["input", "option", "accepted"]),
                (&cli.mistake_missing, &["missing"]),
                (&cli.mistake_other, &["detail"]),
                (&cli.mistake_twice, &["input"]),
                (&cli.mistake_help, &["help"]),
                (&status.browser_failed, &["failures"]),
                (&status.browser_not_started, &["command", "error"]),
                (&status.browser_exited, &["command", "code"]),
                (&status.browser_no_status, &["command"]),
                (&guide.choose, &["number", "platform"]),
                (&guide.invalid, &["max"]),
                (&guide.steps_heading, &["platform"]),
                (&guide.mark_question, &["platform"]),
                (&guide.already_marked, &["platform"]),
                (&guide.account_invalid, &["max"]),
                (&guide.new_account, &["account", "platform"]),
                (&guide.not_marked, &["id"]),
                (&guide.next, &["platform"]),
                (&record.marked, &["platform", "account", "date", "path"]),
                (&record.marked_setting, &["platform", "account", "date", "path"]),
                (&record.item_new_date_setting, &["date"]),
                (&record.unmark_question, &["platform", "status"]),
                (&record.marked_letter, &["platform", "account", "date", "path"]),
                (&record.submitted_letter, &["date"]),
                (&record.confirmed_letter, &["date", "confirmed"]),
                (&guide.letter, &["id"]),
                (&letter.place_date, &["place", "date"]),
                (&letter.name, &["name"]),
                (&letter.email, &["email"]),
                (&letter.account, &["account"]),
                (&letter.file_name, &["platform", "date"]),
                (&letter.mark_hint, &["id"]),
                (&letter.written, &["path"]),
                (&letter.only_forms, &["platform", "id", "accepted"]),
                (&letter.only_forms_note, &["platform", "id", "accepted"]),
                (&letter.missing, &["field"]),
                (&letter.too_long, &["field", "count", "max"]),
                (&letter.not_an_email, &["value"]),
                (&letter.title, &["platform"]),
                (&letter.form_account, &["platform"]),
                (&letter.exists, &["path"]),
                (&letter.is_record, &["path"]),
                (&letter.not_a_file, &["path"]),
                (&letter.write_failed, &["path", "error"]),
                (&letter.no_place, &["id"]),
                (&letter.write_failed_here, &["error"]),
            ];
            for (template, names) in checks {
                let values: Vec<(&str, &str)> = names.iter().map(|name| (*name, "")).collect();
                let filled = fill(template, &values);
                assert!(!filled.contains('{'), "{lang:?}: unknown placeholder in {template:?}");
                for name in names.iter().filter(|name| **name != "days" || template.contains("{days}")) {
                    assert!(
                        template.contains(&format!("{{{name}}}")),
                        "{lang:?}: {template:?} lacks {{{name}}}"
                    );
                }
            }
        }
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let content = content();
        let date = NaiveDate::from_ymd_opt(2025, 4, 24).unwrap();
        assert_eq!(content.texts(Lang::Nl).date(date), "24 april 2025");
        assert_eq!(content.texts(Lang::En).date(date), "24 April 2025");
    }

    #[test]
    fn the_language_follows_the_environment_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(key, _)| *key == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_BE")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "en_GB"), ("LANG", "nl_NL")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_NL"), ("LANG", "C")])), Lang::Nl);
        assert_eq!(Lang::from_code("NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("fr"), None);
    }
}

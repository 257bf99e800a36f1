//! The typed content model: every text a person reads, and the catalogue of platforms.
//!
//! The files under `assets/content/` are embedded at build time (without the whitespace that
//! lays them out, see `build.rs`) and parsed once. `catalogue.json` holds what does not depend
//! on the language (platform ids, links, dates, source ids); `nl.json`, `en.json` and `de.json`
//! hold the texts. Every language file parses into the same struct with
//! `deny_unknown_fields`, so they cannot drift apart in shape; [`Content::validate`] checks what
//! the types cannot (counts, source references, links).
//!
//! Each language has its own introduction (`warning`): Dutch and English readers hear the Dutch
//! authority's warning, German readers what the authorities and consumer bodies in Germany said.

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

const CATALOGUE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

const NL_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/nl.json"));

const EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/en.json"));

const DE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/de.json"));

/// The number of steps the walkthrough gives for every platform.
pub const STEPS_PER_PLATFORM: usize = 5;

/// The languages bezwaar speaks. Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::En, Lang::De];

    /// The language the language key moves to: Dutch, English, German, and round again.
    pub fn next(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::De,
            Lang::De => Lang::Nl,
        }
    }

    /// The code `--lang` takes, and the language file's name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Parses a `--lang` value: `nl`, `en` or `de`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of a locale value such as `nl_NL.UTF-8` or `de_AT.UTF-8`: Dutch for `nl*`,
    /// German for `de*`, English otherwise.
    pub fn from_locale(value: &str) -> Lang {
        let value = value.to_ascii_lowercase();
        if value.starts_with("nl") {
            Lang::Nl
        } else if value.starts_with("de") {
            Lang::De
        } else {
            Lang::En
        }
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

    /// Where this language stands in [`Lang::ALL`], and where its texts are kept.
    fn index(self) -> usize {
        match self {
            Lang::Nl => 0,
            Lang::En => 1,
            Lang::De => 2,
        }
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

/// Everything bezwaar shows, in every language, with the catalogue.
///
/// Only the language in use is read at the start; another is read the first time it is asked
/// for (the language key, or English for a letter), so that starting costs one language file.
#[derive(Debug)]
pub struct Content {
    pub catalogue: Catalogue,
    first_lang: Lang,
    /// Boxed, as each language's texts are: an `App` holds the content, and is moved by value.
    first: Box<Texts>,
    /// The other languages' texts, each read on demand, by [`Lang::index`]; the first
    /// language's place stays empty.
    others: [OnceLock<Result<Box<Texts>, ContentError>>; Lang::ALL.len()],
}

impl Content {
    /// Reads the embedded catalogue and the texts of `lang`.
    ///
    /// The content is fixed when bezwaar is built, so it is checked once, by the tests
    /// ([`Content::validate`] on every language), not again on every start.
    pub fn embedded(lang: Lang) -> Result<Content, ContentError> {
        Ok(Content {
            catalogue: parse("catalogue.json", CATALOGUE_JSON)?,
            first_lang: lang,
            first: parse_texts(lang)?,
            others: Default::default(),
        })
    }

    /// The texts in `lang`. Should another language's file fail to read (only a broken build
    /// can cause that, and the tests read them all), the language already read stands in.
    pub fn texts(&self, lang: Lang) -> &Texts {
        self.try_texts(lang).unwrap_or(&self.first)
    }

    fn try_texts(&self, lang: Lang) -> Result<&Texts, ContentError> {
        if lang == self.first_lang {
            return Ok(&self.first);
        }
        match self.others[lang.index()].get_or_init(|| parse_texts(lang)) {
            Ok(texts) => Ok(texts),
            Err(error) => Err(error.clone()),
        }
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
        Lang::De => ("de.json", DE_JSON),
    }
}

fn parse_texts(lang: Lang) -> Result<Box<Texts>, ContentError> {
    let (file, json) = texts_file(lang);
    parse(file, json).map(Box::new)
}

fn parse<T: serde::de::DeserializeOwned>(file: &'static str, json: &str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|error| ContentError { file, problem: error.to_string() })
}

/// Replaces each `{name}` in `template` by its value. Unknown names stay as they are, so a
/// missing value shows instead of vanishing; in a debug build (every test) a name the template
/// has and the caller does not give is a mistake, and stops it.
pub fn fill(template: &str, values: &[(&str, impl AsRef<str>)]) -> String {
    #[cfg(debug_assertions)]
    for name in template.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)) {
        let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        assert!(
            !is_name || values.iter().any(|(given, _)| *given == name),
            "{{{name}}} in {template:?} is not filled"
        );
    }
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
            let cell = &mut self.others[lang.index()];
            cell.get_or_init(|| parse_texts(lang));
            cell.get_mut().and_then(|texts| texts.as_mut().ok()).expect("that language reads")
        }
    }

    #[test]
    fn the_embedded_content_is_valid_in_every_language() {
        for lang in Lang::ALL {
            Content::embedded(lang).unwrap().validate().unwrap();
        }
    }

    #[test]
    fn what_is_embedded_says_exactly_what_the_files_say() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
        let embedded = [
            ("catalogue.json", CATALOGUE_JSON),
            ("nl.json", NL_JSON),
            ("en.json", EN_JSON),
            ("de.json", DE_JSON),
        ];
        for (file, packed) in embedded {
            let written = std::fs::read_to_string(dir.join(file)).unwrap();
            let (written_value, packed_value): (Value, Value) =
                (serde_json::from_str(&written).unwrap(), serde_json::from_str(packed).unwrap());
            assert_eq!(packed_value, written_value, "{file}");
            assert!(packed.len() < written.len() && !packed.contains("\n  "), "{file}: without its layout");
        }
    }

    #[test]
    fn another_language_is_read_when_first_asked_for() {
        for lang in Lang::ALL {
            let content = Content::embedded(lang).unwrap();
            assert!(
                content.others.iter().all(|cell| cell.get().is_none()),
                "only {lang:?} is read at the start"
            );
            let next = content.texts(lang.next());
            let first = content.texts(lang);
            assert!(!std::ptr::eq(next, first), "{lang:?}: the next language, not a stand-in");
            // Each language's key names the language it moves to.
            assert_ne!(next.keys.language, first.keys.language);
            assert!(content.others[lang.next().index()].get().is_some_and(Result::is_ok));
            assert!(content.others[lang.next().next().index()].get().is_none(), "the third waits");
        }
    }

    #[test]
    fn the_language_key_moves_through_every_language_and_names_where_it_goes() {
        let content = Content::embedded(Lang::Nl).unwrap();
        // "t English" in Dutch, "t Deutsch" in English, "t Nederlands" in German: the next
        // language in its own words, so that a person who reads only that one finds it.
        let own_names = [(Lang::Nl, "Nederlands"), (Lang::En, "English"), (Lang::De, "Deutsch")];
        let own_name = |lang: Lang| own_names.iter().find(|(l, _)| *l == lang).unwrap().1;
        let mut lang = Lang::Nl;
        let mut seen = Vec::new();
        for _ in Lang::ALL {
            seen.push(lang);
            let keys = &content.texts(lang).keys;
            assert_eq!(keys.language, own_name(lang.next()), "{lang:?}");
            assert!(keys.language_long.contains(own_name(lang.next())), "{lang:?}");
            lang = lang.next();
        }
        assert_eq!(lang, Lang::Nl, "round again");
        seen.sort_by_key(|lang| lang.index());
        assert_eq!(seen, Lang::ALL);
        for (index, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), index, "{lang:?}");
        }
    }

    #[test]
    fn a_locale_or_a_code_chooses_the_language() {
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), Lang::De);
        assert_eq!(Lang::from_locale("de_AT"), Lang::De);
        assert_eq!(Lang::from_locale("de_CH.UTF-8"), Lang::De);
        assert_eq!(Lang::from_locale("nl_BE.UTF-8"), Lang::Nl);
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_code(" DE "), Some(Lang::De));
        assert_eq!(Lang::from_code("deutsch"), None);
        let env = |name: &str| (name == "LC_MESSAGES").then(|| "de_DE.UTF-8".to_owned());
        assert_eq!(Lang::from_env(env), Lang::De);
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

    /// Each language file as JSON.
    fn language_files() -> Vec<(Lang, Value)> {
        Lang::ALL.into_iter().map(|lang| (lang, serde_json::from_str(texts_file(lang).1).unwrap())).collect()
    }

    /// The introduction (`warning`) is each language's own: its paragraphs may differ in
    /// number, so their places are compared without their index.
    fn shape(path: &str) -> String {
        if !path.starts_with("/warning/") {
            return path.to_owned();
        }
        let mut shape = String::with_capacity(path.len());
        let mut in_index = false;
        for c in path.chars() {
            match c {
                '[' => in_index = true,
                ']' => in_index = false,
                _ if in_index => continue,
                _ => {}
            }
            shape.push(c);
        }
        shape
    }

    #[test]
    fn every_language_has_the_same_keys() {
        let files = language_files();
        let paths = |value: &Value| {
            let mut paths = Vec::new();
            key_paths(value, "", &mut paths);
            let mut shapes: Vec<String> = paths.iter().map(|path| shape(path)).collect();
            shapes.sort();
            shapes.dedup();
            shapes
        };
        let dutch = paths(&files[0].1);
        assert!(dutch.len() > 100, "the comparison walked the whole file");
        for (lang, file) in &files[1..] {
            assert_eq!(paths(file), dutch, "{lang:?}");
        }
    }

    /// Every text of a JSON value by its place, arrays of texts entered too.
    fn strings<'a>(value: &'a Value, prefix: &str, out: &mut Vec<(String, &'a str)>) {
        match value {
            Value::String(text) => out.push((prefix.to_owned(), text)),
            Value::Object(map) => {
                map.iter().for_each(|(key, child)| strings(child, &format!("{prefix}/{key}"), out))
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    strings(child, &format!("{prefix}[{index}]"), out);
                }
            }
            _ => {}
        }
    }

    /// The `{name}`s of a text.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_language_fills_the_same_placeholders_in_the_same_places() {
        let files = language_files();
        let texts: Vec<(Lang, Vec<(String, &str)>)> = files
            .iter()
            .map(|(lang, file)| {
                let mut out = Vec::new();
                strings(file, "", &mut out);
                (*lang, out)
            })
            .collect();
        let (_, dutch) = &texts[0];
        let mut compared = 0;
        for (lang, theirs) in &texts[1..] {
            for (path, text) in dutch {
                // A paragraph of one language's own introduction has no counterpart elsewhere.
                let Some((_, other)) = theirs.iter().find(|(p, _)| p == path) else { continue };
                assert_eq!(placeholders(other), placeholders(text), "{lang:?} {path}: {other:?}");
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared} texts compared");
        assert_eq!(placeholders("{days} dagen, {days}; {a b} {}"), ["days"]);
    }

    #[test]
    fn dutch_and_english_name_the_same_sources_in_the_same_places() {
        // Both speak with the Dutch authority's voice; German has its own introduction.
        let files = language_files();
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
        sources(&files[0].1, &mut nl_sources);
        sources(&files[1].1, &mut en_sources);
        assert_eq!((files[0].0, files[1].0), (Lang::Nl, Lang::En));
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
    fn every_meta_platform_has_five_steps_in_every_language() {
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
    fn every_source_label_says_its_year_in_every_language() {
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
    fn validation_holds_each_introduction_to_its_day_and_its_format() {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let broken = |change: &dyn Fn(&mut Texts)| {
            let mut content = content();
            change(content.texts_mut(Lang::De));
            content.validate().unwrap_err().to_string()
        };
        let error = broken(&|texts| texts.date_format = "{month} {year}".into());
        assert!(error.contains("de.json") && error.contains("{day}"), "{error}");
        let error = broken(&|texts| texts.warning.since = day("2025-05-28"));
        assert!(error.contains("after the deadline"), "{error}");
        let error =
            broken(&|texts| texts.warning.paragraphs.iter_mut().for_each(|p| p.from = day("2025-04-30")));
        assert!(error.contains("no warning paragraph from warning.since"), "{error}");
        let error = broken(&|texts| texts.warning.paragraphs[1].from = day("2025-04-01"));
        assert!(error.contains("not between since and the deadline"), "{error}");
        let error = broken(&|texts| texts.warning.after_paragraphs[0].from = day("2024-05-21"));
        assert!(error.contains("before since"), "{error}");
        let error = broken(&|texts| texts.warning.after_paragraphs[0].text.push_str(" {days}"));
        assert!(error.contains("not filled"), "{error}");
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
            let checks: [(&str, &[&str]); 55] = [
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
                (&record.marked, &["platform", "account", "status", "path"]),
                (&record.item_new_date_setting, &["date"]),
                (&record.unmark_question, &["platform", "status"]),
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

    /// The source ids a language's warning screen cites on `date`, paragraphs and quote.
    fn warning_sources(content: &Content, lang: Lang, date: &str) -> Vec<String> {
        let on = content.texts(lang).warning_on(date.parse().unwrap(), &content.catalogue);
        let quoted = on.quote.map(|quote| quote.sources.as_slice()).unwrap_or_default();
        on.paragraphs.iter().flat_map(|(_, sources)| sources.iter()).chain(quoted).cloned().collect()
    }

    #[test]
    fn german_readers_hear_what_was_said_in_germany_each_from_its_day() {
        let content = content();
        let cites = |lang, date, id: &str| warning_sources(&content, lang, date).iter().any(|s| s == id);
        // Before the Hamburg authority spoke, nothing is said of it.
        assert!(!cites(Lang::De, "2025-04-16", "hmbbfdi-2025-04-17"));
        assert!(cites(Lang::De, "2025-04-17", "hmbbfdi-2025-04-17"));
        // The Verbraucherzentrale's letter of 30 April, its application of 13 May, the court's
        // refusal of 23 May: each from its day.
        let said = |date| content.texts(Lang::De).warning_on(date, &content.catalogue).paragraphs.len();
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        assert_eq!(
            [
                said(day("2025-04-29")),
                said(day("2025-04-30")),
                said(day("2025-05-13")),
                said(day("2025-05-23"))
            ],
            [2, 3, 4, 5]
        );
        assert!(!cites(Lang::De, "2025-05-22", "olg-koeln-2025-05-23"));
        assert!(cites(Lang::De, "2025-05-23", "olg-koeln-2025-05-23"));
        for date in ["2025-05-23", "2026-12-01"] {
            assert!(
                cites(Lang::De, date, "vz-nrw-2025") && cites(Lang::De, date, "olg-koeln-2025-05-23"),
                "{date}"
            );
            // The AP's warning stays the Dutch authority's voice: not put in German mouths.
            assert!(!cites(Lang::De, date, "ap-2025-04-24"), "{date}");
            assert!(
                cites(Lang::Nl, date, "ap-2025-04-24") && cites(Lang::En, date, "ap-2025-04-24"),
                "{date}"
            );
            assert!(!cites(Lang::Nl, date, "hmbbfdi-2025-04-17"), "{date}");
        }
        // Meta's own German words are quoted where the Dutch quote the AP.
        let texts = content.texts(Lang::De);
        assert!(texts.warning.quote.text.contains("Du kannst der Verwendung deiner Informationen"));
        assert_eq!(texts.warning.quote.sources, ["mkln-2025"]);
    }

    #[test]
    #[should_panic(expected = "{status} in")]
    fn a_template_with_a_name_nobody_fills_is_a_mistake() {
        fill("{platform} is marked as {status}.", &[("platform", "Instagram")]);
    }

    #[test]
    fn a_value_may_hold_braces_and_a_template_may_hold_other_ones() {
        assert_eq!(fill("{note} {a b} {}", &[("note", "{x}")]), "{x} {a b} {}");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let content = content();
        let date = NaiveDate::from_ymd_opt(2025, 4, 24).unwrap();
        assert_eq!(content.texts(Lang::Nl).date(date), "24 april 2025");
        assert_eq!(content.texts(Lang::En).date(date), "24 April 2025");
        assert_eq!(content.texts(Lang::De).date(date), "24. April 2025");
        let march = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(content.texts(Lang::De).date(march), "1. März 2026");
    }

    #[test]
    fn the_language_follows_the_environment_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(key, _)| *key == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_BE")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::De);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "de_AT.UTF-8"), ("LANG", "nl_NL")])), Lang::De);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "en_GB"), ("LANG", "nl_NL")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_NL"), ("LANG", "C")])), Lang::Nl);
        assert_eq!(Lang::from_code("NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("fr"), None);
    }
}

//! What the types cannot check about the embedded content: counts, source references, links.

use super::{Content, ContentError, Kind, Lang, Platform, STEPS_PER_PLATFORM, texts_file};
use crate::links;

impl Content {
    /// Checks what the types cannot: every platform has its texts and five steps in every
    /// language, every source named exists and has a label, every link is allowed.
    pub fn validate(&self) -> Result<(), ContentError> {
        let fail = |file: &'static str, problem: String| Err(ContentError { file, problem });
        let catalogue = &self.catalogue;
        if catalogue.platforms.is_empty() {
            return fail("catalogue.json", "no platforms".into());
        }
        if catalogue.platforms.len() > 9 {
            return fail("catalogue.json", "more than 9 platforms: digits cannot choose them".into());
        }
        if catalogue.letter_address.is_empty() {
            return fail("catalogue.json", "no letter_address".into());
        }
        for platform in &catalogue.platforms {
            for url in platform.link.iter().flat_map(|link| [&link.url, &link.fallback_url]) {
                if let Err(refusal) = links::allowed(url) {
                    return fail("catalogue.json", format!("{}: {url}: {refusal}", platform.id));
                }
            }
            if let Some(next) = &platform.next
                && catalogue.platform(next).is_none()
            {
                return fail("catalogue.json", format!("{}: next names unknown {next}", platform.id));
            }
            // The words for a checked link speak of a form that no source says was removed.
            if platform.link.as_ref().is_some_and(|link| link.verified.is_some())
                && platform.kind != Kind::Form
            {
                return fail(
                    "catalogue.json",
                    format!("{}: only a form's link carries a check", platform.id),
                );
            }
            for source in platform.sources.iter().chain(link_sources(platform)) {
                if !catalogue.sources.contains(source) {
                    return fail("catalogue.json", format!("{}: unknown source {source}", platform.id));
                }
            }
        }
        // A source nothing cites is one nobody checks any more: it goes.
        for source in &catalogue.sources {
            let by_catalogue = catalogue
                .platforms
                .iter()
                .any(|platform| platform.sources.iter().chain(link_sources(platform)).any(|id| id == source));
            let by_texts = Lang::ALL
                .into_iter()
                .filter_map(|lang| self.try_texts(lang).ok())
                .any(|texts| texts.source_ids().any(|id| id == source));
            if !by_catalogue && !by_texts {
                return fail("catalogue.json", format!("source {source} is cited nowhere"));
            }
        }
        for lang in Lang::ALL {
            let file = texts_file(lang).0;
            let texts = self.try_texts(lang)?;
            for source in &catalogue.sources {
                if !texts.sources.contains_key(source) {
                    return fail(file, format!("no label for source {source}"));
                }
            }
            for platform in &catalogue.platforms {
                // "Laatst bevestigd: AP, 26 mei 2025" shows the check's date through its source.
                if let Some((date, by)) = platform.link.as_ref().and_then(|link| link.verified.as_ref())
                    && !texts.sources.get(by).is_some_and(|label| label.contains(&texts.date(*date)))
                {
                    return fail(file, format!("{}: the label of {by} does not say {date}", platform.id));
                }
                let Some(platform_texts) = texts.platform_texts.get(&platform.id) else {
                    return fail(file, format!("no texts for platform {}", platform.id));
                };
                // A letter is for Meta's forms, each of which says what it is about; a setting
                // has nothing to send.
                if platform_texts.letter.is_some() != (platform.kind == Kind::Form) {
                    return fail(
                        file,
                        format!("{}: a letter text for each form, none for a setting", platform.id),
                    );
                }
                if platform_texts.steps.len() != STEPS_PER_PLATFORM {
                    return fail(
                        file,
                        format!(
                            "{}: {} steps, not {STEPS_PER_PLATFORM}",
                            platform.id,
                            platform_texts.steps.len()
                        ),
                    );
                }
            }
            for id in texts.platform_texts.keys() {
                if catalogue.platform(id).is_none() {
                    return fail(file, format!("texts for unknown platform {id}"));
                }
            }
            if let Some(missing) =
                ["{day}", "{month}", "{year}"].into_iter().find(|part| !texts.date_format.contains(part))
            {
                return fail(file, format!("date_format lacks {missing}"));
            }
            // The introduction's warning comes before the deadline; on its day it is said, and
            // each paragraph before the deadline is said from then on, each after it from then
            // on too. Its paragraphs are shown as written: no placeholder fills them.
            let warning = &texts.warning;
            if warning.since > catalogue.deadline {
                return fail(file, format!("warning.since {} is after the deadline", warning.since));
            }
            if !warning.paragraphs.iter().any(|fact| fact.from == warning.since) {
                return fail(file, format!("no warning paragraph from warning.since {}", warning.since));
            }
            if let Some(fact) = warning
                .paragraphs
                .iter()
                .find(|fact| fact.from < warning.since || fact.from >= catalogue.deadline)
            {
                return fail(
                    file,
                    format!("warning paragraph from {} is not between since and the deadline", fact.from),
                );
            }
            if let Some(fact) = warning.after_paragraphs.iter().find(|fact| fact.from < warning.since) {
                return fail(
                    file,
                    format!("warning paragraph after the deadline from {}, before since", fact.from),
                );
            }
            let shown = warning.paragraphs.iter().chain(&warning.after_paragraphs).map(|fact| &fact.text);
            if let Some(text) = shown.chain([&warning.quote.text]).find(|text| text.contains('{')) {
                return fail(file, format!("a warning paragraph is shown as written, not filled: {text}"));
            }
            if let Err(refusal) = links::allowed(&texts.followup.ap_url) {
                return fail(file, format!("{}: {refusal}", texts.followup.ap_url));
            }
            for source in texts.source_ids() {
                if !catalogue.sources.iter().any(|known| known == source) {
                    return fail(file, format!("unknown source {source}"));
                }
            }
        }
        Ok(())
    }
}

/// The sources a platform's link names: who checked it, and who sends people to the fallback.
fn link_sources(platform: &Platform) -> impl Iterator<Item = &String> {
    platform
        .link
        .iter()
        .flat_map(|link| link.verified.iter().map(|(_, by)| by).chain([&link.fallback_source]))
}

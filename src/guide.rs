//! The walkthrough as plain text (`bezwaar guide`), for screen readers, braille displays and
//! terminals without cursor addressing: warning, risks, a numbered choice, the five steps with
//! the link on a line of its own, and the offer to remember it; then the next platform.
//! `bezwaar guide PLATFORM` starts at that platform's steps.
//!
//! Answers are read line by line, in any case. Every question takes the stop word, and the end
//! of the input stops too; an answer the question cannot take asks again. Nothing here names a
//! key or the mouse: where a step's text does, its `guide_text` stands in. No escape sequence
//! is ever written.

use std::io::{self, BufRead, Write};
use std::ops::ControlFlow;

use crate::cli::{MarkArgs, Task};
use crate::commands::{self, Context, Outcome};
use crate::content::{Kind, Link, Platform, fill};
use crate::record::{Objection, Record};
use crate::text::{self, MAX_ACCOUNT_CHARS};

/// Runs the guide; returns the exit code: 0, or that of a change to the record that did not go
/// through.
pub fn run(
    input: &mut impl BufRead,
    out: &mut impl Write,
    context: &Context,
    chosen: Option<&str>,
) -> io::Result<u8> {
    let first = match chosen {
        Some(id) => match commands::known_platform(context, id) {
            Ok(platform) => Some(index_of(context, platform)),
            Err(message) => {
                writeln!(out, "{message}")?;
                return Ok(commands::BAD_INPUT);
            }
        },
        None => None,
    };
    let mut guide = Guide { input, out, context, code: commands::OK };
    guide.walk(first)?;
    writeln!(guide.out, "\n{}", context.texts.guide.end)?;
    guide.out.flush()?;
    Ok(guide.code)
}

fn index_of(context: &Context, platform: &Platform) -> usize {
    context.catalogue.platforms.iter().position(|p| p.id == platform.id).unwrap_or(0)
}

/// Whether `answer` is one of `words`, whatever its case.
fn is(words: &[String], answer: &str) -> bool {
    let answer = answer.to_lowercase();
    words.iter().any(|word| word.to_lowercase() == answer)
}

/// What the person said to the question whether to remember a platform.
enum Choice {
    /// Not now.
    Skip,
    /// Remember it for this account (`None`: the main one).
    Account(Option<String>),
}

struct Guide<'g, 'c, R, W> {
    input: &'g mut R,
    out: &'g mut W,
    context: &'g Context<'c>,
    code: u8,
}

impl<R: BufRead, W: Write> Guide<'_, '_, R, W> {
    /// Everything from the introduction to the moment the person stops.
    fn walk(&mut self, first: Option<usize>) -> io::Result<()> {
        let texts = self.context.texts;
        writeln!(self.out, "{}\n{}", texts.guide.intro, texts.guide.how)?;
        // A record that cannot be read is said first, as the wizard does: what the guide says
        // is in it, and what marking does to it, depend on it.
        if let Some(store) = &self.context.store
            && let Err(error) = store.load()
        {
            writeln!(self.out, "\n{}", texts.load_error(&crate::text::path(store.path()), &error))?;
        }
        let mut index = match first {
            Some(index) => index,
            None => {
                self.warning()?;
                self.risks()?;
                writeln!(self.out, "{}\n", texts.platforms.title)?;
                match self.choose(0)? {
                    Some(index) => index,
                    None => return Ok(()),
                }
            }
        };
        loop {
            self.steps(index)?;
            if self.remember(index)?.is_break() {
                return Ok(());
            }
            let next = self.next(index);
            // Only a partner (Instagram, Facebook) is offered as one; otherwise the list is.
            let offer = match self.context.catalogue.partner(index) {
                Some(partner) if partner == next => fill(&texts.guide.next, &[("platform", self.name(next))]),
                _ => texts.guide.choose_next.clone(),
            };
            writeln!(self.out, "\n{offer}\n")?;
            match self.choose(next)? {
                Some(chosen) => index = chosen,
                None => return Ok(()),
            }
        }
    }

    /// The platform to offer after the one at `index`: the catalogue's next, or else the first
    /// after it in the list, that the record does not hold yet.
    fn next(&self, index: usize) -> usize {
        let catalogue = self.context.catalogue;
        let count = catalogue.platforms.len();
        let named = catalogue.next_after(index);
        let Some(record) = self.context.store.as_ref().and_then(|store| store.load().ok()) else {
            return named;
        };
        std::iter::once(named)
            .chain((1..count).map(|step| (named + step) % count))
            .find(|candidate| {
                *candidate != index
                    && catalogue
                        .platforms
                        .get(*candidate)
                        .is_some_and(|platform| record.for_platform(&platform.id).next().is_none())
            })
            .unwrap_or(named)
    }

    fn name(&self, index: usize) -> &str {
        self.context.catalogue.platforms.get(index).map_or("", |p| self.context.texts.platform_name(p))
    }

    /// Asks `question` on a line of its own; the answer without spaces around it, or `None` when
    /// the person stops (the stop word, or the end of the input).
    fn ask(&mut self, question: &str) -> io::Result<Option<String>> {
        writeln!(self.out, "{question}")?;
        self.out.flush()?;
        // Bytes that are not UTF-8 (a terminal set to another encoding) are read as what they
        // can be, and at worst ask again.
        let mut line = Vec::new();
        if self.input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let answer = String::from_utf8_lossy(&line).trim().to_owned();
        Ok((!is(&self.context.texts.guide.stop, &answer)).then_some(answer))
    }

    fn warning(&mut self) -> io::Result<()> {
        let texts = self.context.texts;
        let warning = texts.warning_on(self.context.today, self.context.catalogue);
        writeln!(self.out, "\n{}\n", warning.title)?;
        writeln!(self.out, "{}", warning.headline)?;
        writeln!(self.out, "{}\n{}\n", warning.text, texts.sources_line(warning.sources))?;
        for (text, sources) in &warning.paragraphs {
            writeln!(self.out, "{text}\n{}\n", texts.sources_line(sources))?;
        }
        if let Some(quote) = warning.quote {
            let sources = texts.sources_line(&quote.sources);
            writeln!(self.out, "{}\n— {}\n{sources}\n", quote.text, quote.by)?;
        }
        Ok(())
    }

    fn risks(&mut self) -> io::Result<()> {
        let texts = self.context.texts;
        writeln!(self.out, "{}\n", texts.risks.title)?;
        for (number, risk) in texts.risks.items.iter().enumerate() {
            let sources = texts.sources_line(&risk.sources);
            writeln!(self.out, "{}. {}\n{}\n{sources}\n", number + 1, risk.title, risk.text)?;
        }
        Ok(())
    }

    /// The platforms, numbered, saying which the record holds; then asks for one until the
    /// answer is a number or a platform's id. Enter alone takes `default`. `None` when the
    /// person stops.
    fn choose(&mut self, default: usize) -> io::Result<Option<usize>> {
        let texts = self.context.texts;
        let platforms = &self.context.catalogue.platforms;
        let record = self.context.store.as_ref().and_then(|store| store.load().ok());
        for (number, platform) in platforms.iter().enumerate() {
            let summary = texts.platform(&platform.id).map_or("", |p| p.summary.as_str());
            write!(self.out, "{}. {}: {summary}", number + 1, texts.platform_name(platform))?;
            if record.as_ref().is_some_and(|record| record.for_platform(&platform.id).next().is_some()) {
                write!(self.out, " ({})", texts.guide.listed_marked)?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out)?;
        let question = fill(
            &texts.guide.choose,
            &[("number", (default + 1).to_string().as_str()), ("platform", self.name(default))],
        );
        loop {
            let Some(answer) = self.ask(&question)? else { return Ok(None) };
            let index = if answer.is_empty() {
                Some(default)
            } else if let Ok(number) = answer.parse::<usize>() {
                number.checked_sub(1)
            } else {
                commands::known_platform(self.context, &answer).ok().map(|p| index_of(self.context, p))
            };
            match index.filter(|index| *index < platforms.len()) {
                Some(index) => return Ok(Some(index)),
                None => {
                    let max = platforms.len().to_string();
                    writeln!(self.out, "{}", fill(&texts.guide.invalid, &[("max", max)]))?;
                }
            }
        }
    }

    /// One platform's steps. The link stands right under the first step (which says "this is the
    /// link"), on a line of its own, so that a braille display shows it whole; then where to go
    /// when it no longer works; after the steps, what to expect.
    fn steps(&mut self, index: usize) -> io::Result<()> {
        let texts = self.context.texts;
        let Some(platform) = self.context.catalogue.platforms.get(index) else { return Ok(()) };
        let name = texts.platform_name(platform);
        writeln!(self.out, "\n{}\n", fill(&texts.guide.steps_heading, &[("platform", name)]))?;
        let Some(platform_texts) = texts.platform(&platform.id) else { return self.link(platform) };
        let about = &platform_texts.about;
        writeln!(self.out, "{}\n{}\n", about.text, texts.sources_line(&about.sources))?;
        for (number, step) in platform_texts.steps.iter().enumerate() {
            writeln!(self.out, "{}. {}", number + 1, step.title)?;
            writeln!(self.out, "{}", step.guide_text.as_deref().unwrap_or(&step.text))?;
            if number == 0 {
                match &platform.link {
                    Some(link) => {
                        writeln!(self.out, "{}", link.url)?;
                        writeln!(
                            self.out,
                            "{}",
                            texts.link_check(link).unwrap_or_else(|unchecked| unchecked)
                        )?;
                        writeln!(self.out, "{}\n", texts.sources_line(&step.sources))?;
                        self.fallback(link)?;
                    }
                    None => {
                        writeln!(self.out, "{}", texts.steps.no_link)?;
                        writeln!(self.out, "{}\n", texts.sources_line(&step.sources))?;
                    }
                }
            } else {
                writeln!(self.out, "{}\n", texts.sources_line(&step.sources))?;
            }
        }
        let done = match platform.kind {
            Kind::Form => &texts.done.paragraphs,
            Kind::Setting => &texts.done.setting_paragraphs,
            Kind::Note => &texts.done.note_paragraphs,
        };
        for paragraph in done {
            writeln!(self.out, "{}\n{}\n", paragraph.text, texts.sources_line(&paragraph.sources))?;
        }
        // For one of Meta's forms: the letter, for when the form does not work.
        if crate::letter::is_for(platform) {
            let letter = fill(&texts.guide.letter, &[("id", &platform.id)]);
            writeln!(self.out, "{letter}\n{}\n", texts.sources_line(&texts.letter.note.sources))?;
        }
        Ok(())
    }

    /// The link alone, for a platform without texts (validation makes that impossible).
    fn link(&mut self, platform: &Platform) -> io::Result<()> {
        let Some(link) = &platform.link else { return Ok(()) };
        writeln!(self.out, "{}\n", link.url)?;
        self.fallback(link)
    }

    fn fallback(&mut self, link: &Link) -> io::Result<()> {
        let texts = self.context.texts;
        writeln!(self.out, "{}\n{}", texts.steps.fallback, link.fallback_url)?;
        writeln!(self.out, "{}\n", texts.sources_line(std::slice::from_ref(&link.fallback_source)))
    }

    /// Offers to remember the platform: for the only account, or for the account the person
    /// names when the record holds any. Writes as `bezwaar mark` does, and offers to try again
    /// when that did not go through (another bezwaar busy with the record, a full disk).
    fn remember(&mut self, index: usize) -> io::Result<ControlFlow<()>> {
        let context = self.context;
        let texts = context.texts;
        let Some(platform) = context.catalogue.platforms.get(index) else {
            return Ok(ControlFlow::Continue(()));
        };
        // A note is advice, never done once: there is nothing to remember (its last paragraph
        // says so).
        if !platform.kind.can_be_marked() {
            return Ok(ControlFlow::Continue(()));
        }
        let Some(store) = &context.store else {
            writeln!(self.out, "{}", texts.record.no_location)?;
            return Ok(ControlFlow::Continue(()));
        };
        let record = match store.load() {
            Ok(record) => record,
            // Marking sets a damaged file aside first, and says so.
            Err(error) if error.is_damage() => Record::default(),
            Err(error) => {
                writeln!(self.out, "{}", texts.load_error(&text::path(store.path()), &error))?;
                self.code = commands::BAD_INPUT;
                return Ok(ControlFlow::Continue(()));
            }
        };
        let choice = match self.which(platform, &record)? {
            ControlFlow::Continue(choice) => choice,
            ControlFlow::Break(()) => return Ok(ControlFlow::Break(())),
        };
        let account = match choice {
            Choice::Skip => {
                writeln!(self.out, "{}", fill(&texts.guide.not_marked, &[("id", &platform.id)]))?;
                return Ok(ControlFlow::Continue(()));
            }
            Choice::Account(account) => account,
        };
        loop {
            let args =
                MarkArgs { platform: platform.id.clone(), account: account.clone(), ..MarkArgs::default() };
            let Outcome { code, stdout, stderr } = commands::run(Task::Mark(args), context);
            write!(self.out, "{stdout}{stderr}")?;
            if !matches!(code, commands::BUSY | commands::SAVE_FAILED) {
                if code != commands::OK {
                    self.code = code;
                }
                return Ok(ControlFlow::Continue(()));
            }
            // Try again, leave it, or stop.
            loop {
                let Some(answer) = self.ask(&texts.guide.retry)? else {
                    self.code = code;
                    return Ok(ControlFlow::Break(()));
                };
                if answer.is_empty() || is(&texts.guide.yes, &answer) {
                    break;
                }
                if is(&texts.guide.no, &answer) {
                    self.code = code;
                    writeln!(self.out, "{}", fill(&texts.guide.not_marked, &[("id", &platform.id)]))?;
                    return Ok(ControlFlow::Continue(()));
                }
            }
        }
    }

    /// Asks whether, and for which account, to remember the platform. With nothing in the record
    /// for it: yes or no. Otherwise the accounts it holds, each with its status, by number; a
    /// name for another account; or yes for the main account, or the only one.
    fn which(&mut self, platform: &Platform, record: &Record) -> io::Result<ControlFlow<(), Choice>> {
        let texts = self.context.texts;
        let guide = &texts.guide;
        let name = texts.platform_name(platform);
        let mut accounts: Vec<&Objection> = Vec::new();
        for objection in record.for_platform(&platform.id) {
            if !accounts.iter().any(|known| known.account == objection.account) {
                accounts.push(objection);
            }
        }
        if accounts.is_empty() {
            let question = fill(&guide.mark_question, &[("platform", name)]);
            loop {
                let Some(answer) = self.ask(&question)? else { return Ok(ControlFlow::Break(())) };
                if answer.is_empty() || is(&guide.no, &answer) {
                    return Ok(ControlFlow::Continue(Choice::Skip));
                }
                if is(&guide.yes, &answer) {
                    return Ok(ControlFlow::Continue(Choice::Account(None)));
                }
                writeln!(self.out, "{}", guide.yes_no)?;
            }
        }
        writeln!(self.out, "{}", fill(&guide.already_marked, &[("platform", name)]))?;
        for (number, objection) in accounts.iter().enumerate() {
            let account = objection.account.as_deref().unwrap_or(&texts.record.main_account);
            let status = texts.objection_status(self.context.catalogue, objection);
            writeln!(self.out, "{}. {account}: {status}", number + 1)?;
        }
        let has_main = accounts.iter().any(|objection| objection.account.is_none());
        let invalid = fill(&guide.account_invalid, &[("max", accounts.len().to_string())]);
        loop {
            let Some(answer) = self.ask(&guide.account_question)? else { return Ok(ControlFlow::Break(())) };
            if answer.is_empty() || is(&guide.no, &answer) {
                return Ok(ControlFlow::Continue(Choice::Skip));
            }
            // Yes is the main account, or the only one; with several and no main one, it does
            // not say which.
            if is(&guide.yes, &answer) {
                match accounts.as_slice() {
                    _ if has_main => return Ok(ControlFlow::Continue(Choice::Account(None))),
                    [only] => return Ok(ControlFlow::Continue(Choice::Account(only.account.clone()))),
                    _ => writeln!(self.out, "{invalid}")?,
                }
                continue;
            }
            if let Ok(number) = answer.parse::<usize>() {
                match number.checked_sub(1).and_then(|index| accounts.get(index)) {
                    Some(objection) => {
                        return Ok(ControlFlow::Continue(Choice::Account(objection.account.clone())));
                    }
                    None => writeln!(self.out, "{invalid}")?,
                }
                continue;
            }
            let typed = text::clean(&answer);
            if typed.is_empty() {
                writeln!(self.out, "{invalid}")?;
                continue;
            }
            if let Err(too_long) = text::within(&typed, MAX_ACCOUNT_CHARS) {
                let values = [
                    ("field", texts.record.field_account.clone()),
                    ("count", too_long.count.to_string()),
                    ("max", MAX_ACCOUNT_CHARS.to_string()),
                ];
                writeln!(self.out, "{}", fill(&texts.record.too_long, &values))?;
                continue;
            }
            // A name the record holds, in whatever case it was typed, is that account; another
            // name is asked about first, so that a slip of the finger adds no account.
            let lower = typed.to_lowercase();
            let known = accounts
                .iter()
                .filter_map(|objection| objection.account.as_ref())
                .find(|account| account.to_lowercase() == lower);
            if let Some(known) = known {
                return Ok(ControlFlow::Continue(Choice::Account(Some(known.clone()))));
            }
            let question = fill(&guide.new_account, &[("account", typed.as_str()), ("platform", name)]);
            loop {
                let Some(answer) = self.ask(&question)? else { return Ok(ControlFlow::Break(())) };
                if is(&guide.yes, &answer) {
                    return Ok(ControlFlow::Continue(Choice::Account(Some(typed))));
                }
                if answer.is_empty() || is(&guide.no, &answer) {
                    break;
                }
                writeln!(self.out, "{}", guide.yes_no)?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::StatusArgs;
    use crate::content::{Content, Lang};
    use crate::record::Store;
    use chrono::{NaiveDate, Utc};
    use std::collections::VecDeque;
    use std::fs;
    use std::io::{BufReader, Read};
    use std::path::Path;
    use std::time::Duration;

    fn context<'a>(content: &'a Content, lang: Lang, record: &Path) -> Context<'a> {
        Context {
            texts: content.texts(lang),
            english: (lang != Lang::En).then(|| content.texts(Lang::En)),
            catalogue: &content.catalogue,
            store: Some(Store::new(record)),
            today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            now: Utc::now(),
            patience: Duration::from_millis(200),
        }
    }

    /// The guide with these answers typed, one line each; its exit code and all it wrote.
    fn guide_reading(
        lang: Lang,
        input: &mut impl BufRead,
        chosen: Option<&str>,
        record: &Path,
    ) -> (u8, String) {
        let content = Content::embedded(Lang::Nl).unwrap();
        let mut out = Vec::new();
        let code = run(input, &mut out, &context(&content, lang, record), chosen).unwrap();
        (code, String::from_utf8(out).unwrap())
    }

    fn guide(lang: Lang, input: &str, chosen: Option<&str>, record: &Path) -> (u8, String) {
        guide_reading(lang, &mut input.as_bytes(), chosen, record)
    }

    /// What `bezwaar mark` does, for a record made before the guide runs.
    fn mark(record: &Path, platform: &str, account: Option<&str>, date: &str) {
        let content = Content::embedded(Lang::En).unwrap();
        let args = MarkArgs {
            platform: platform.into(),
            account: account.map(Into::into),
            date: Some(date.into()),
            ..MarkArgs::default()
        };
        let outcome = commands::run(Task::Mark(args), &context(&content, Lang::En, record));
        assert_eq!(outcome.code, commands::OK, "{outcome:?}");
    }

    fn status(record: &Path) -> String {
        let content = Content::embedded(Lang::En).unwrap();
        let task = Task::Status(StatusArgs { json: false });
        commands::run(task, &context(&content, Lang::En, record)).stdout
    }

    /// How many platforms the guide lists.
    fn platforms() -> usize {
        Content::embedded(Lang::En).unwrap().platforms().len()
    }

    fn record_file() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("record.json");
        (dir, record)
    }

    /// What the guide says after `marker`.
    fn after<'t>(text: &'t str, marker: &str) -> &'t str {
        let start = text.find(marker).unwrap_or_else(|| panic!("{marker:?} in {text}"));
        &text[start..]
    }

    #[test]
    fn the_whole_walk_with_the_link_alone_on_a_line_under_step_one() {
        let (_dir, record) = record_file();
        let (code, text) = guide(Lang::Nl, "\nj\nq\n", None, &record);
        assert_eq!(code, 0, "{text}");
        assert!(text.starts_with(
            "bezwaar: hulp bij bezwaar tegen het trainen van Meta AI met wat je plaatst, en bij het \
             uitzetten van AI-training bij andere diensten. Dit is de tekstversie, voor schermlezers en \
             eenvoudige terminals.\nBeantwoord elke vraag door te typen en dan op Enter \
             te drukken. Wil je stoppen? Typ q en druk op Enter; dat kan bij elke vraag."
        ));
        assert!(text.contains("551 dagen geleden"));
        assert!(text.contains("1. Je verliest de controle"));
        assert!(text.contains("1. Instagram: Bezwaarformulier van Instagram\n"));
        assert!(text.contains("Alleen Enter kiest 1, Instagram."));
        assert!(
            text.contains(
                "1. De link naar het formulier\nDit is de link naar het bezwaarformulier van Instagram. \
                 Het is het formulier van Meta zelf.\nhttps://help.instagram.com/contact/767264225370182\n\
                 Geen bron zegt dat dit formulier is weggehaald, en ook niet dat het nog werkt. \
                 Laatst bevestigd: AP, 26 mei 2025.\n"
            ),
            "the link right where step 1 says it is, on a line of its own: {text}"
        );
        assert!(text.contains(
            "Werkt de link niet meer? Probeer:\nhttps://help.meta.com/support/privacy/\n\
             Bron: Meta, privacybeleid (EER), 23 juli 2026\n"
        ));
        for number in 1..=5 {
            assert!(text.contains(&format!("\n{number}. ")), "step {number}");
        }
        assert!(text.contains("Bron: "));
        assert!(
            text.contains("Instagram (je account) is gemarkeerd als verstuurd op 29 november 2026"),
            "{text}"
        );
        assert!(text.contains("Heb je ook Facebook, en is dat niet gekoppeld aan dit account?"), "{text}");
        assert!(
            text.ends_with("Dat was het. Vraag familie en vrienden om ook bezwaar te maken: bezwaar share\n")
        );
        assert!(!text.contains('\x1b'), "no escape sequences");
        assert!(status(&record).starts_with("Instagram: submitted on 29 November 2026\n"));
    }

    #[test]
    fn a_note_says_it_has_no_link_and_offers_the_list_without_asking_to_remember() {
        for lang in Lang::ALL {
            let (_dir, record) = record_file();
            let content = Content::embedded(lang).unwrap();
            let texts = content.texts(lang);
            let (code, text) = guide(lang, "q\n", Some("whatsapp"), &record);
            assert_eq!(code, 0, "{text}");
            let step_one = &texts.platform("whatsapp").unwrap().steps[0].text;
            assert!(text.contains(&format!("{step_one}\n{}\n", texts.steps.no_link)), "{lang:?}: {text}");
            assert!(text.contains(&texts.done.note_paragraphs[0].text), "{lang:?}: {text}");
            assert!(!text.contains("https://") && !text.contains(&texts.steps.fallback), "{lang:?}: {text}");
            let question = fill(&texts.guide.mark_question, &[("platform", "WhatsApp")]);
            assert!(!text.contains(&question), "{lang:?}: nothing to remember: {text}");
            assert!(text.contains(&texts.guide.choose_next), "{lang:?}: {text}");
            assert!(!record.exists());
        }
    }

    #[test]
    fn a_platform_named_up_front_skips_the_warning_and_the_risks() {
        for lang in Lang::ALL {
            let (_dir, record) = record_file();
            let content = Content::embedded(lang).unwrap();
            let texts = content.texts(lang);
            let (code, text) = guide(lang, "", Some("LinkedIn"), &record);
            assert_eq!(code, 0);
            for skipped in [
                &texts.warning.title,
                &texts.risks.title,
                &texts.risks.items[0].title,
                &texts.platforms.title,
            ] {
                assert!(!text.contains(skipped.as_str()), "{lang:?}: {skipped:?} in {text}");
            }
            let heading = fill(&texts.guide.steps_heading, &[("platform", "LinkedIn")]);
            let intro = format!("{}\n{}\n\n{heading}\n", texts.guide.intro, texts.guide.how);
            assert!(text.starts_with(&intro), "{lang:?}: the steps right after the introduction: {text}");
            assert!(
                text.contains(
                    "\nhttps://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement\n"
                ),
                "{text}"
            );
            assert!(!record.exists(), "{lang:?}: no answer, nothing remembered");
        }
        let (_dir, record) = record_file();
        let (code, text) = guide(Lang::En, "", Some("tiktok"), &record);
        assert_eq!(code, commands::BAD_INPUT);
        assert!(text.contains("instagram, facebook"));
    }

    /// The first key or mouse gesture `text` asks for, if any: "press o", "druk op c", "mouse".
    fn names_a_key(text: &str) -> Option<String> {
        let lower = text.to_lowercase();
        for word in ["mouse", "muis", "maus", "right-click", "rechtermuisknop", "rechtsklick", "qr"] {
            if lower.contains(word) {
                return Some(word.to_owned());
            }
        }
        for lead in ["press ", "op ", "drücken sie ", "taste "] {
            for (at, _) in lower.match_indices(lead) {
                let mut rest = lower[at + lead.len()..].chars();
                let (key, next) = (rest.next(), rest.next());
                if key.is_some_and(|key| "ocrmpsdeaxt?".contains(key))
                    && next.is_none_or(|next| !next.is_alphanumeric())
                {
                    return Some(lower[at..].chars().take(lead.chars().count() + 2).collect());
                }
            }
        }
        None
    }

    #[test]
    fn yes_no_and_stop_words_never_overlap() {
        let content = Content::embedded(Lang::Nl).unwrap();
        for lang in Lang::ALL {
            let guide = &content.texts(lang).guide;
            for (one, other) in [(&guide.yes, &guide.no), (&guide.yes, &guide.stop), (&guide.no, &guide.stop)]
            {
                assert!(!one.is_empty() && !other.is_empty());
                assert!(!one.iter().any(|word| is(other, word)), "{lang:?}: {one:?} and {other:?}");
            }
        }
    }

    #[test]
    fn the_check_for_keys_finds_what_the_wizard_says() {
        assert_eq!(names_a_key("Press o: bezwaar opens").as_deref(), Some("press o:"));
        assert_eq!(names_a_key("Druk op c om de link").as_deref(), Some("op c "));
        assert!(names_a_key("of selecteer hem met je muis").is_some());
        assert_eq!(names_a_key("Then press Send. Press Enter, or type q and press Enter"), None);
        assert_eq!(names_a_key("Zet de schakelaar op een andere stand. Druk op Enter"), None);
        assert_eq!(names_a_key("Drücken Sie o: Dieses Programm öffnet").as_deref(), Some("drücken sie o:"));
        assert_eq!(names_a_key("mit der Taste c kopieren").as_deref(), Some("taste c "));
        assert!(names_a_key("wählen Sie ihn mit der Maus aus").is_some());
        assert!(names_a_key("mit einem Rechtsklick").is_some());
        assert_eq!(names_a_key("Drücken Sie dann auf „Senden“. Drücken Sie Enter"), None);
    }

    #[test]
    fn no_platform_asks_for_a_key_or_the_mouse_and_every_link_stands_alone() {
        let content = Content::embedded(Lang::Nl).unwrap();
        for lang in Lang::ALL {
            let mut said = vec![guide(lang, "q\n", None, &record_file().1).1];
            for platform in &content.catalogue.platforms {
                let (_dir, record) = record_file();
                let (code, text) = guide(lang, "n\nq\n", Some(&platform.id), &record);
                assert_eq!(code, 0, "{text}");
                // A note says it has no link, where a link would stand.
                let link = platform.url().unwrap_or(&content.texts(lang).steps.no_link);
                assert!(text.contains(&format!("\n{link}\n")), "{lang:?} {}: {text}", platform.id);
                said.push(text);
            }
            for text in &said {
                for line in text.lines() {
                    assert_eq!(names_a_key(line), None, "{lang:?}: {line}");
                    if line.contains("https://") {
                        assert!(
                            line.starts_with("https://") && !line.contains(' '),
                            "{lang:?}: a link shares its line: {line}"
                        );
                    }
                }
                assert!(!text.contains('\x1b'));
            }
        }
    }

    #[test]
    fn the_stop_word_and_the_end_of_input_stop_every_question() {
        let end = |lang: Lang| Content::embedded(lang).unwrap().texts(lang).guide.end.clone();
        // Each answer list stops at another question: the platform, remembering, the account,
        // the next platform.
        let cases: [(Lang, &str, Option<&str>, &str); 5] = [
            (Lang::En, "q\n", None, "Which platform"),
            (Lang::Nl, "Q\n", Some("instagram"), "Klaar met Instagram?"),
            (Lang::En, "y\nSTOP\n", Some("facebook"), "Enter alone chooses 1, Instagram."),
            (Lang::Nl, "stoppen\n", Some("facebook"), "Voor welk account deed je het?"),
            (Lang::En, "quit\n", Some("gemini"), "Done with Google Gemini?"),
        ];
        for (lang, input, chosen, last) in cases {
            let (_dir, record) = record_file();
            if input == "stoppen\n" {
                mark(&record, "facebook", Some("werk"), "2025-05-20");
            }
            // The stop word, then the input ending at the same question.
            let ended = &input[..input.trim_end_matches('\n').rfind('\n').map_or(0, |at| at + 1)];
            for input in [input, ended] {
                let (code, text) = guide(lang, input, chosen, &record);
                assert_eq!(code, 0, "{text}");
                let rest = after(&text, last);
                let question = rest.lines().next().unwrap_or_default();
                assert_eq!(
                    rest,
                    format!("{question}\n\n{}\n", end(lang)),
                    "{lang:?} {input:?}: nothing after stopping"
                );
            }
        }
    }

    #[test]
    fn the_next_platform_is_offered_and_enter_takes_it() {
        let (_dir, record) = record_file();
        let (code, text) = guide(Lang::En, "\nyes\n\nY\n\nn\nq\n", None, &record);
        assert_eq!(code, 0, "{text}");
        let next = after(&text, "Instagram (your account) is marked as submitted");
        assert!(
            next.contains("Do you also use Facebook, not linked to this account? Then object there"),
            "{next}"
        );
        assert!(
            next.contains("1. Instagram: Instagram's objection form (already in your record)\n"),
            "{next}"
        );
        assert!(next.contains("Enter alone chooses 2, Facebook."), "{next}");
        let facebook = after(next, "The steps for Facebook:");
        assert!(facebook.contains("Facebook (your account) is marked as submitted"), "{facebook}");
        // Instagram and Facebook name each other; both are done, so the list is offered, and
        // Enter takes the first platform not in the record, without claiming it as a partner.
        assert!(
            facebook.contains("Anything else to do? Choose another platform from the list."),
            "{facebook}"
        );
        assert!(facebook.contains("Enter alone chooses 3, Meta – third-party info."), "{facebook}");
        assert!(
            after(facebook, "The steps for Meta – third-party info:")
                .contains("bezwaar mark meta-third-party")
        );
        let status = status(&record);
        assert!(
            status.starts_with("Instagram: submitted on 29 November 2026\nFacebook: submitted on"),
            "{status}"
        );
    }

    #[test]
    fn what_the_record_holds_is_said_and_the_account_asked() {
        let (_dir, record) = record_file();
        mark(&record, "facebook", Some("werk"), "2025-05-20");
        mark(&record, "facebook", Some("prive"), "2025-05-21");
        let content = Content::embedded(Lang::En).unwrap();
        let noted = MarkArgs {
            platform: "facebook".into(),
            account: Some("werk".into()),
            confirmed: Some("2025-05-22".into()),
            note: Some("via de club".into()),
            ..MarkArgs::default()
        };
        commands::run(Task::Mark(noted), &context(&content, Lang::En, &record));
        // Yes cannot say which of two; a number can; so can a name, in any case.
        let (code, text) = guide(Lang::En, "ja\n1\n\nq\n", Some("facebook"), &record);
        assert_eq!(code, 0, "{text}");
        let asked = after(&text, "Facebook is already in your record:\n");
        assert!(
            asked.starts_with(
                "Facebook is already in your record:\n1. werk: submitted on 20 May 2025, confirmation received \
                 on 22 May 2025\n2. prive: submitted on 21 May 2025\nWhich account did you do it for?"
            ),
            "said before asking: {asked}"
        );
        assert!(asked.contains("Type a number from 1 to 2, or a name for another account"), "{asked}");
        assert!(
            asked.contains(
                "Facebook (werk) was already marked on 20 May 2025. Nothing changed. Kept: the confirmation \
                 of 22 May 2025 and your note."
            ),
            "{asked}"
        );
        let (_, text) = guide(Lang::Nl, "PRIVE\nq\n", Some("facebook"), &record);
        assert!(
            text.contains("Facebook (prive) was al gemarkeerd op 21 mei 2025. Er is niets veranderd."),
            "{text}"
        );
        // A new name is asked about first: no undoes it, yes remembers it.
        let (_, text) = guide(Lang::Nl, "Verenging\nn\nVereniging\nja\nq\n", Some("facebook"), &record);
        assert!(
            text.contains(
                "Een nieuw account met de naam Verenging voor Facebook? Typ j en druk op Enter om het te \
                 onthouden, of n om opnieuw te kiezen.\nVoor welk account deed je het?"
            ),
            "{text}"
        );
        assert!(
            text.contains("Facebook (Vereniging) is gemarkeerd als verstuurd op 29 november 2026"),
            "{text}"
        );
        assert!(!text.contains("(Verenging) is gemarkeerd"), "{text}");
        let (_, text) = guide(Lang::Nl, "7\nn\nq\n", Some("facebook"), &record);
        assert!(text.contains("3. Vereniging: verstuurd op 29 november 2026\n"), "{text}");
        assert!(text.contains("Typ een nummer van 1 tot en met 3"), "{text}");
        assert!(text.contains("Niet onthouden."), "{text}");
        let status = status(&record);
        assert!(
            status.contains(
                "Facebook (werk): submitted on 20 May 2025, confirmation received on 22 May 2025\n"
            ),
            "every field kept: {status}"
        );
        assert_eq!(status.matches("Facebook (").count(), 3, "{status}");
    }

    #[test]
    fn the_only_account_is_named_before_asking_and_yes_marks_it_again() {
        let (_dir, record) = record_file();
        mark(&record, "linkedin", None, "2025-11-04");
        let (code, text) = guide(Lang::Nl, "JA\nq\n", Some("linkedin"), &record);
        assert_eq!(code, 0, "{text}");
        assert!(
            text.contains("LinkedIn staat al in je lijst:\n1. je account: uitgezet op 4 november 2025\nVoor welk account"),
            "{text}"
        );
        assert!(
            text.contains(
                "LinkedIn (je account) was al gemarkeerd op 4 november 2025. Er is niets veranderd."
            ),
            "{text}"
        );
    }

    #[test]
    fn an_answer_the_question_cannot_take_asks_again() {
        let (_dir, record) = record_file();
        let (code, text) = guide(Lang::En, "seven\n10\nFacebook\no\nyes please\nYES\nq\n", None, &record);
        assert_eq!(code, 0);
        let invalid = format!("I don't know that. Type a number from 1 to {}", platforms());
        assert_eq!(text.matches(&invalid).count(), 2, "{text}");
        assert!(text.contains("The steps for Facebook:"), "a platform's name chooses it too");
        assert_eq!(text.matches("Type y or n and press Enter, or q to stop.").count(), 2, "{text}");
        assert!(text.contains("Facebook (your account) is marked as submitted"), "{text}");
        assert!(status(&record).contains("Facebook: submitted on 29 November 2026"));
        // Bytes that are not UTF-8 are an answer like any other.
        let (code, text) = guide_reading(Lang::En, &mut &b"\xff\xfe\n2\n"[..], None, &record);
        assert_eq!(code, 0, "{text}");
        assert_eq!(text.matches("I don't know that.").count(), 1, "{text}");
        assert!(text.contains("The steps for Facebook:"), "{text}");
    }

    /// Answers typed one line at a time; another process holds the record's lock until the
    /// guide reads the answer at `release`.
    struct Answers {
        lines: VecDeque<&'static str>,
        given: usize,
        release: usize,
        lock: Option<fs::File>,
    }

    impl Read for Answers {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some(line) = self.lines.pop_front() else { return Ok(0) };
            if self.given == self.release {
                self.lock = None;
            }
            self.given += 1;
            buf[..line.len()].copy_from_slice(line.as_bytes());
            Ok(line.len())
        }
    }

    #[test]
    fn a_busy_record_is_said_and_offered_again() {
        for (answers, code, marked) in [
            (["j\n", "\n", "q\n"], commands::OK, true),
            (["j\n", "n\n", "q\n"], commands::BUSY, false),
            (["j\n", "q\n", "q\n"], commands::BUSY, false),
        ] {
            let (_dir, record) = record_file();
            mark(&record, "instagram", None, "2025-05-20");
            let held = fs::File::open(Store::new(&record).lock_path().unwrap()).unwrap();
            held.lock().unwrap();
            let answers =
                Answers { lines: answers.into_iter().collect(), given: 0, release: 1, lock: Some(held) };
            let (exit, text) = guide_reading(Lang::Nl, &mut BufReader::new(answers), Some("x"), &record);
            assert_eq!(exit, code, "{text}");
            let busy = after(&text, "Een ander bezwaar-programma is bezig");
            assert!(
                busy.contains(
                    "\nDruk op Enter om het opnieuw te proberen. Typ n om het te laten, of q om te stoppen.\n"
                ),
                "{busy}"
            );
            assert_eq!(busy.contains("X (je account) is gemarkeerd als uitgezet"), marked, "{busy}");
            assert_eq!(status(&record).contains("X: switched off on 29 November 2026"), marked);
        }
    }
}

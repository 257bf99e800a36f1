//! The walkthrough as plain text (`bezwaar guide`), for screen readers, braille displays and
//! terminals without cursor addressing: warning, risks, a numbered choice, the five steps with
//! the full link, and the offer to remember it. Answers are read line by line; the end of the
//! input ends the guide cleanly. No escape sequence is ever written.

use std::io::{self, BufRead, Write};

use crate::cli::{MarkArgs, Task};
use crate::commands::{self, Context, Outcome};
use crate::content::{Platform, fill};
use crate::deadline::Deadline;

/// Runs the guide; returns the exit code.
pub fn run(
    input: &mut impl BufRead,
    out: &mut impl Write,
    context: &Context,
    chosen: Option<&str>,
) -> io::Result<u8> {
    let texts = context.texts;
    let platform = match chosen {
        Some(id) => match commands::known_platform(context, id) {
            Ok(platform) => Some(platform),
            Err(message) => {
                writeln!(out, "{message}")?;
                return Ok(commands::BAD_INPUT);
            }
        },
        None => None,
    };
    writeln!(out, "{}\n", texts.guide.intro)?;
    warning(out, context)?;
    risks(out, context)?;
    let platform = match platform {
        Some(platform) => platform,
        None => match choose(input, out, context)? {
            Some(platform) => platform,
            None => return Ok(commands::OK),
        },
    };
    steps(out, context, platform)?;
    writeln!(out, "{}", fill(&texts.guide.mark_question, &[("platform", texts.platform_name(platform))]))?;
    let Some(answer) = read_line(input)? else { return Ok(commands::OK) };
    let yes = texts.guide.yes.iter().any(|word| word.eq_ignore_ascii_case(answer.trim()));
    let code = if yes {
        let args = MarkArgs { platform: platform.id.clone(), ..MarkArgs::default() };
        let Outcome { code, stdout, stderr } = commands::run(Task::Mark(args), context);
        write!(out, "{stdout}{stderr}")?;
        code
    } else {
        writeln!(out, "{}", fill(&texts.guide.not_marked, &[("id", &platform.id)]))?;
        commands::OK
    };
    writeln!(out, "\n{}", texts.guide.end)?;
    Ok(code)
}

fn warning(out: &mut impl Write, context: &Context) -> io::Result<()> {
    let texts = context.texts;
    let warning = &texts.warning;
    let deadline = Deadline::on(context.today, context.catalogue.deadline);
    let (headline, text, sources) = texts.deadline_lines(deadline, context.catalogue.deadline);
    writeln!(out, "{}\n", warning.title)?;
    writeln!(out, "{headline}")?;
    writeln!(out, "{text}\n{}\n", texts.sources_line(sources))?;
    for paragraph in &warning.paragraphs {
        writeln!(out, "{}\n{}\n", paragraph.text, texts.sources_line(&paragraph.sources))?;
    }
    let quote = &warning.quote;
    writeln!(out, "{}\n— {}\n{}\n", quote.text, quote.by, texts.sources_line(&quote.sources))
}

fn risks(out: &mut impl Write, context: &Context) -> io::Result<()> {
    let texts = context.texts;
    writeln!(out, "{}\n", texts.risks.title)?;
    for (number, risk) in texts.risks.items.iter().enumerate() {
        writeln!(
            out,
            "{}. {}\n{}\n{}\n",
            number + 1,
            risk.title,
            risk.text,
            texts.sources_line(&risk.sources)
        )?;
    }
    Ok(())
}

/// Asks for a platform until the answer is one, or the input ends (`None`).
fn choose<'a>(
    input: &mut impl BufRead,
    out: &mut impl Write,
    context: &'a Context,
) -> io::Result<Option<&'a Platform>> {
    let texts = context.texts;
    let platforms = &context.catalogue.platforms;
    writeln!(out, "{}\n", texts.platforms.title)?;
    for (number, platform) in platforms.iter().enumerate() {
        let summary = texts.platform(&platform.id).map_or("", |p| p.summary.as_str());
        writeln!(out, "{}. {}: {summary}", number + 1, texts.platform_name(platform))?;
    }
    writeln!(out)?;
    loop {
        writeln!(out, "{}", texts.guide.choose)?;
        out.flush()?;
        let Some(answer) = read_line(input)? else { return Ok(None) };
        let answer = answer.trim();
        let index = if answer.is_empty() {
            Some(0)
        } else {
            answer.parse::<usize>().ok().and_then(|n| n.checked_sub(1))
        };
        match index.and_then(|index| platforms.get(index)) {
            Some(platform) => return Ok(Some(platform)),
            None => {
                writeln!(out, "{}", fill(&texts.guide.invalid, &[("max", &platforms.len().to_string())]))?
            }
        }
    }
}

fn steps(out: &mut impl Write, context: &Context, platform: &Platform) -> io::Result<()> {
    let texts = context.texts;
    let name = texts.platform_name(platform);
    writeln!(out, "\n{}\n", fill(&texts.guide.steps_heading, &[("platform", name)]))?;
    if let Some(platform_texts) = texts.platform(&platform.id) {
        let about = &platform_texts.about;
        writeln!(out, "{}\n{}\n", about.text, texts.sources_line(&about.sources))?;
        for (number, step) in platform_texts.steps.iter().enumerate() {
            writeln!(
                out,
                "{}. {}\n{}\n{}\n",
                number + 1,
                step.title,
                step.text,
                texts.sources_line(&step.sources)
            )?;
        }
        writeln!(out, "{}", platform_texts.link_title)?;
    }
    writeln!(out, "{}", fill(&texts.guide.link, &[("url", &platform.form_url)]))?;
    writeln!(out, "{}", texts.link_check(platform).unwrap_or_else(|unchecked| unchecked))?;
    writeln!(out, "{} {}", texts.steps.fallback, platform.fallback_url)?;
    writeln!(out, "{}\n", texts.sources_line(std::slice::from_ref(&platform.fallback_source)))
}

/// One line of input without its line end; `None` at the end of the input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, Lang};
    use crate::record::Store;
    use chrono::{NaiveDate, Utc};
    use std::time::Duration;

    fn guide(lang: Lang, input: &str, chosen: Option<&str>, record: &std::path::Path) -> (u8, String) {
        let content = Content::embedded(Lang::Nl).unwrap();
        let context = Context {
            texts: content.texts(lang),
            catalogue: &content.catalogue,
            store: Some(Store::new(record)),
            today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            now: Utc::now(),
            patience: Duration::from_millis(200),
        };
        let mut out = Vec::new();
        let code = run(&mut input.as_bytes(), &mut out, &context, chosen).unwrap();
        (code, String::from_utf8(out).unwrap())
    }

    #[test]
    fn the_whole_walk_as_text_with_numbered_steps_and_the_full_link() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("record.json");
        let (code, text) = guide(Lang::Nl, "\nj\n", None, &record);
        assert_eq!(code, 0, "{text}");
        assert!(text.contains("551 dagen geleden"));
        assert!(text.contains("1. Je verliest de controle"));
        assert!(text.contains("1. Instagram: Bezwaarformulier van Instagram"));
        assert!(text.contains("2. Facebook: Bezwaarformulier van Facebook"));
        for number in 1..=5 {
            assert!(text.contains(&format!("\n{number}. ")), "step {number}");
        }
        assert!(text.contains("Link: https://help.instagram.com/contact/767264225370182\n"));
        assert!(text.contains("Laatst gecontroleerd: 26 mei 2025"));
        assert!(text.contains("gemarkeerd als verstuurd"), "{text}");
        assert!(!text.contains('\x1b'), "no escape sequences");
        assert_eq!(Store::new(&record).load().unwrap().objections().count(), 1);
    }

    #[test]
    fn wrong_answers_are_asked_again_and_the_end_of_input_ends_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("record.json");
        let (code, text) = guide(Lang::En, "seven\n9\n2\n", None, &record);
        assert_eq!(code, 0);
        assert_eq!(text.matches("Type a number from 1 to 6").count(), 2);
        assert!(text.contains("Link: https://www.facebook.com/help/contact/712876720715583"));
        assert!(!record.exists(), "no answer to the last question: nothing remembered");
        let (code, text) = guide(Lang::En, "", None, &record);
        assert_eq!(code, 0);
        assert!(text.contains("Which platform do you want to object on?"));
    }

    #[test]
    fn a_platform_can_be_chosen_up_front_and_an_unknown_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("record.json");
        let (code, text) = guide(Lang::En, "\n", Some("linkedin"), &record);
        assert_eq!(code, 0);
        assert!(!text.contains("Which platform do you want to object on?"));
        assert!(text.contains("Not checked"), "an unchecked link says so");
        assert!(text.contains("bezwaar mark linkedin"));
        let (code, text) = guide(Lang::En, "", Some("tiktok"), &record);
        assert_eq!(code, 2);
        assert!(text.contains("instagram, facebook"));
    }
}

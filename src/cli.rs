//! The command line: options, help in the person's language, and today's date.

use std::ffi::{OsStr, OsString};

use chrono::NaiveDate;
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser};

use crate::content::{CliTexts, Lang, fill};

#[derive(Debug, Parser)]
#[command(name = "bezwaar", version, disable_help_flag = true, disable_version_flag = true)]
pub struct Cli {
    #[arg(long, value_name = "nl|en", value_parser = ["nl", "en"])]
    pub lang: Option<String>,
    #[arg(short = 'h', long, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

impl Cli {
    /// Parses the arguments with help texts in `texts`' language. On `--help`, `--version` or
    /// a mistake, clap prints and exits (0, or 2 for a mistake).
    pub fn parse_with(texts: &CliTexts, args: &[OsString]) -> Cli {
        let matches = command(texts).get_matches_from(args);
        Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
    }

    pub fn lang(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_code)
    }
}

pub fn command(texts: &CliTexts) -> clap::Command {
    let heading = texts.options_heading.clone();
    Cli::command()
        .about(texts.about.clone())
        .help_template(texts.usage_template.clone())
        .after_help(texts.after_help.clone())
        .mut_arg("lang", |arg| arg.help(texts.lang_help.clone()).help_heading(heading.clone()))
        .mut_arg("help", |arg| arg.help(texts.help_help.clone()).help_heading(heading.clone()))
        .mut_arg("version", |arg| arg.help(texts.version_help.clone()).help_heading(heading.clone()))
}

/// The `--lang` value in the raw arguments, so that even `--help` speaks the chosen language.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().map(|arg| arg.to_str().unwrap_or_default());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::from_code(value);
        }
        if arg == "--lang" {
            return args.next().and_then(Lang::from_code);
        }
    }
    None
}

/// Today's date: `BEZWAAR_TODAY` (YYYY-MM-DD) when set and not empty, else the local date.
/// A malformed value is an error with a message for the person.
pub fn today(value: Option<&OsStr>, texts: &CliTexts, local: NaiveDate) -> Result<NaiveDate, String> {
    let Some(value) = value.filter(|value| !value.is_empty()) else {
        return Ok(local);
    };
    let text = value.to_string_lossy();
    value
        .to_str()
        .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .filter(|_| text.len() == 10)
        .ok_or_else(|| fill(&texts.today_invalid, &[("value", &text)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_lang_option_is_found_before_parsing() {
        assert_eq!(lang_in_args(&args(&["bezwaar", "--lang", "en", "--help"])), Some(Lang::En));
        assert_eq!(lang_in_args(&args(&["bezwaar", "--help", "--lang=nl"])), Some(Lang::Nl));
        assert_eq!(lang_in_args(&args(&["bezwaar", "--help"])), None);
        assert_eq!(lang_in_args(&args(&["bezwaar", "--lang"])), None);
    }

    #[test]
    fn help_is_in_the_chosen_language_and_names_bezwaar_today() {
        let content = Content::embedded().unwrap();
        for lang in Lang::ALL {
            let texts = &content.texts(lang).cli;
            let help = command(texts).render_long_help().to_string();
            assert!(help.contains(&texts.about), "{help}");
            assert!(help.contains(&texts.lang_help), "{help}");
            assert!(help.contains("BEZWAAR_TODAY=") && help.contains("--lang"), "{help}");
            assert!(help.contains(&texts.options_heading), "{help}");
        }
        let dutch = command(&content.texts(Lang::Nl).cli).render_long_help().to_string();
        assert!(dutch.contains("Gebruik:") && !dutch.contains("Usage:"), "{dutch}");
    }

    #[test]
    fn the_lang_option_takes_only_nl_and_en() {
        let content = Content::embedded().unwrap();
        let texts = &content.texts(Lang::En).cli;
        let parse = |list: &[&str]| command(texts).try_get_matches_from(args(list));
        assert!(parse(&["bezwaar", "--lang", "nl"]).is_ok());
        let error = parse(&["bezwaar", "--lang", "fr"]).unwrap_err();
        assert_eq!(error.exit_code(), 2);
    }

    #[test]
    fn bezwaar_today_overrides_the_date_and_rejects_nonsense() {
        let content = Content::embedded().unwrap();
        let texts = &content.texts(Lang::Nl).cli;
        let local = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let may_20 = NaiveDate::from_ymd_opt(2025, 5, 20).unwrap();
        assert_eq!(today(Some(OsStr::new("2025-05-20")), texts, local), Ok(may_20));
        assert_eq!(today(None, texts, local), Ok(local));
        assert_eq!(today(Some(OsStr::new("")), texts, local), Ok(local));
        for bad in ["20-05-2025", "2025-02-30", "yesterday", "2025-5-20", " 2025-05-20"] {
            let error = today(Some(OsStr::new(bad)), texts, local).unwrap_err();
            assert!(error.contains(bad) && error.contains("JJJJ-MM-DD"), "{error}");
        }
    }
}

//! The command line: options, help in the person's language, and today's date.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::content::{CliTexts, Lang, fill};

#[derive(Debug, Parser)]
#[command(
    name = "bezwaar",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(long, global = true, value_name = "nl|en", value_parser = ["nl", "en"])]
    pub lang: Option<String>,
    #[arg(long, global = true, value_name = "PATH")]
    pub data_file: Option<PathBuf>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The one-shot commands, for scripts and for people who prefer them to the wizard.
#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Command {
    Status {
        #[arg(long)]
        json: bool,
    },
    Mark {
        platform: String,
        #[arg(long)]
        account: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        confirmed: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    Unmark {
        platform: String,
        #[arg(long)]
        account: Option<String>,
    },
    Platforms {
        #[arg(long)]
        json: bool,
    },
    Share,
    Guide {
        platform: Option<String>,
    },
    Remind {
        #[arg(long, value_name = "FILE")]
        ics: PathBuf,
        #[arg(long)]
        force: bool,
    },
}

impl Cli {
    /// Parses the arguments with help texts in `texts`' language and the facts `help` gives.
    /// On `--help` or `--version` clap prints and exits 0; on a mistake bezwaar says what was
    /// wrong in the person's language and exits 2.
    pub fn parse_with(texts: &CliTexts, args: &[OsString], help: impl FnOnce() -> HelpFacts) -> Cli {
        // Nothing after the program's name: the wizard with every option unset, as clap would
        // find, without building the whole localized command line first.
        if args.len() <= 1 {
            return Cli { lang: None, data_file: None, help: None, version: None, command: None };
        }
        let mut command = command(texts, &help());
        let parsed =
            command.try_get_matches_from_mut(args).and_then(|matches| Cli::from_arg_matches(&matches));
        parsed.unwrap_or_else(|error| match error.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
            _ => {
                eprintln!("{}", mistake(texts, &command, &error, args));
                std::process::exit(2)
            }
        })
    }

    pub fn lang(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_code)
    }
}

/// What the help says that depends on the machine and the catalogue.
#[derive(Debug, Clone)]
pub struct HelpFacts {
    /// The record's default place on this machine.
    pub default_data_file: String,
    /// The platform ids the commands accept.
    pub platforms: Vec<String>,
}

/// The command line with every help text in the person's language.
pub fn command(texts: &CliTexts, facts: &HelpFacts) -> clap::Command {
    let options = texts.options_heading.clone();
    let accepted = facts.platforms.join(", ");
    let after_help = format!("{}\n\n{}", texts.after_help, texts.exit_codes);
    let subcommand = |command: clap::Command, about: &str| {
        command.about(about.to_owned()).help_template(texts.usage_template.clone())
    };
    let option = |arg: clap::Arg, help: &str| arg.help(help.to_owned()).help_heading(options.clone());
    let positional = |arg: clap::Arg| {
        arg.help(fill(&texts.platform_help, &[("accepted", &accepted)]))
            .help_heading(texts.arguments_heading.clone())
    };
    let data_file = fill(&texts.data_file_help, &[("default", &facts.default_data_file)]);
    Cli::command()
        .about(texts.about.clone())
        .help_template(texts.usage_template.clone())
        .subcommand_help_heading(texts.commands_heading.clone())
        .after_help(after_help)
        .mut_arg("lang", |arg| option(arg, &texts.lang_help).hide_possible_values(true))
        .mut_arg("data_file", |arg| option(arg, &data_file))
        .mut_arg("help", |arg| option(arg, &texts.help_help))
        .mut_arg("version", |arg| option(arg, &texts.version_help))
        .mut_subcommand("status", |command| {
            subcommand(command, &texts.status_about).mut_arg("json", |arg| option(arg, &texts.json_help))
        })
        .mut_subcommand("mark", |command| {
            subcommand(command, &texts.mark_about)
                .mut_arg("platform", positional)
                .mut_arg("account", |arg| option(arg, &texts.account_help))
                .mut_arg("date", |arg| option(arg, &texts.date_help))
                .mut_arg("confirmed", |arg| option(arg, &texts.confirmed_help))
                .mut_arg("note", |arg| option(arg, &texts.note_help))
        })
        .mut_subcommand("platforms", |command| {
            subcommand(command, &texts.platforms_about).mut_arg("json", |arg| option(arg, &texts.json_help))
        })
        .mut_subcommand("share", |command| subcommand(command, &texts.share_about))
        .mut_subcommand("guide", |command| {
            let help = fill(&texts.guide_platform_help, &[("accepted", &accepted)]);
            subcommand(command, &texts.guide_about)
                .mut_arg("platform", |arg| arg.help(help).help_heading(texts.arguments_heading.clone()))
        })
        .mut_subcommand("remind", |command| {
            subcommand(command, &texts.remind_about)
                .mut_arg("ics", |arg| option(arg, &texts.ics_help))
                .mut_arg("force", |arg| option(arg, &texts.force_help))
        })
        .mut_subcommand("unmark", |command| {
            subcommand(command, &texts.unmark_about)
                .mut_arg("platform", positional)
                .mut_arg("account", |arg| option(arg, &texts.account_help))
        })
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

/// A mistake on the command line, said in the person's language (clap's own messages are in
/// English): what bezwaar did not understand, what it may have meant, and which help to read.
pub fn mistake(texts: &CliTexts, command: &clap::Command, error: &clap::Error, args: &[OsString]) -> String {
    let context = |kind: ContextKind| match error.get(kind)? {
        ContextValue::String(value) => Some(value.clone()),
        ContextValue::Strings(values) => Some(values.join(", ")),
        ContextValue::StyledStr(value) => Some(value.to_string()),
        ContextValue::StyledStrs(values) => {
            Some(values.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
        }
        _ => None,
    };
    let quoted = |value: String| format!("'{}'", crate::text::shown(&value, 80));
    // "--lang <nl|en>" is said as "--lang".
    let flag = |arg: String| arg.split_whitespace().next().map(str::to_owned).unwrap_or(arg);
    let mut lines = Vec::new();
    let input = context(ContextKind::InvalidSubcommand).or_else(|| context(ContextKind::InvalidArg));
    match (error.kind(), input) {
        // What is not text is not shown back either, whatever clap made of it.
        _ if args.iter().any(|arg| arg.to_str().is_none()) => lines.push(texts.mistake_not_text.clone()),
        (ErrorKind::ArgumentConflict, Some(option)) => {
            lines.push(fill(&texts.mistake_twice, &[("input", &flag(option))]));
        }
        (ErrorKind::TooManyValues, _) if error.get(ContextKind::InvalidValue).is_some() => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            lines.push(fill(&texts.mistake_unknown, &[("input", &quoted(value))]));
        }
        (ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument, Some(input)) => {
            lines.push(fill(&texts.mistake_unknown, &[("input", &quoted(input))]));
            let suggestion =
                context(ContextKind::SuggestedSubcommand).or_else(|| context(ContextKind::SuggestedArg));
            if let Some(suggestion) = suggestion {
                lines.push(fill(&texts.mistake_suggestion, &[("suggestion", &quoted(suggestion))]));
            }
        }
        (ErrorKind::InvalidValue, Some(option)) => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            match context(ContextKind::ValidValue).filter(|accepted| !accepted.is_empty()) {
                // An option given without its value.
                _ if value.is_empty() => lines.push(fill(&texts.mistake_missing, &[("missing", &option)])),
                Some(accepted) => lines.push(fill(
                    &texts.mistake_value,
                    &[("input", &quoted(value)), ("option", &flag(option)), ("accepted", &accepted)],
                )),
                None => lines.push(fill(&texts.mistake_other, &[("detail", &quoted(value))])),
            }
        }
        (ErrorKind::MissingRequiredArgument, Some(missing)) => {
            lines.push(fill(&texts.mistake_missing, &[("missing", &missing)]));
        }
        _ => {
            // Anything else: clap's own first line, which names the problem, in English.
            let rendered = error.render().to_string();
            let detail = rendered.lines().next().unwrap_or_default().trim_start_matches("error: ");
            lines.push(fill(&texts.mistake_other, &[("detail", &crate::text::shown(detail, 200))]));
        }
    }
    let named = named_command(command, args);
    let help = named.map_or("bezwaar --help".to_owned(), |name| format!("bezwaar {name} --help"));
    lines.push(fill(&texts.mistake_help, &[("help", &help)]));
    format!("bezwaar: {}", lines.join("\n"))
}

/// The command named on the command line, if any: the first word that is neither an option nor
/// an option's value, before any `--`.
fn named_command<'a>(command: &clap::Command, args: &'a [OsString]) -> Option<&'a str> {
    let takes_value = |word: &str| {
        command.get_arguments().any(|arg| {
            let named = word.strip_prefix("--").is_some_and(|long| arg.get_long() == Some(long))
                || word.strip_prefix('-').and_then(|short| short.chars().next()) == arg.get_short();
            named && arg.get_action().takes_values()
        })
    };
    let mut words = args.iter().skip(1).map(|arg| arg.to_str());
    while let Some(word) = words.next() {
        let word = word?;
        if word == "--" {
            return None;
        }
        if word.starts_with('-') {
            if !word.contains('=') && takes_value(word) {
                words.next();
            }
            continue;
        }
        return command.get_subcommands().any(|sub| sub.get_name() == word).then_some(word);
    }
    None
}

/// Today's date: `BEZWAAR_TODAY` (YYYY-MM-DD) when set and not empty, else the local date.
/// A malformed value is an error with a message for the person.
pub fn today(value: Option<&OsStr>, texts: &CliTexts, local: NaiveDate) -> Result<NaiveDate, String> {
    let Some(value) = value.filter(|value| !value.is_empty()) else {
        return Ok(local);
    };
    let text = crate::text::shown(&value.to_string_lossy(), 40);
    value
        .to_str()
        .and_then(|text| crate::dates::parse(text).ok())
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

    fn facts() -> HelpFacts {
        HelpFacts {
            default_data_file: "~/.local/share/bezwaar/record.json".into(),
            platforms: vec!["instagram".into(), "facebook".into()],
        }
    }

    #[test]
    fn help_is_in_the_chosen_language_and_names_bezwaar_today() {
        let content = Content::embedded(Lang::Nl).unwrap();
        for lang in Lang::ALL {
            let texts = &content.texts(lang).cli;
            let help = command(texts, &facts()).render_long_help().to_string();
            assert!(
                help.contains("status") && help.contains("unmark") && help.contains(&texts.mark_about),
                "{help}"
            );
            assert!(
                help.contains("~/.local/share/bezwaar/record.json") && help.contains("BEZWAAR_DATA_FILE"),
                "{help}"
            );
            assert!(help.contains(&texts.exit_codes), "{help}");
            assert!(help.contains(&texts.about), "{help}");
            assert!(help.contains(&texts.lang_help), "{help}");
            assert!(help.contains("BEZWAAR_TODAY=") && help.contains("--lang"), "{help}");
            assert!(help.contains(&texts.options_heading), "{help}");
        }
        let dutch = command(&content.texts(Lang::Nl).cli, &facts()).render_long_help().to_string();
        assert!(dutch.contains("Gebruik:") && !dutch.contains("Usage:"), "{dutch}");
    }

    #[test]
    fn the_lang_option_takes_only_nl_and_en() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = &content.texts(Lang::En).cli;
        let parse = |list: &[&str]| command(texts, &facts()).try_get_matches_from(args(list));
        assert!(parse(&["bezwaar", "--lang", "nl"]).is_ok());
        let error = parse(&["bezwaar", "--lang", "fr"]).unwrap_err();
        assert_eq!(error.exit_code(), 2);
    }

    #[test]
    fn mistakes_are_said_in_the_persons_language() {
        let content = Content::embedded(Lang::Nl).unwrap();
        for lang in Lang::ALL {
            let texts = &content.texts(lang).cli;
            let said = |list: &[&str]| {
                let command = command(texts, &facts());
                let error = command.clone().try_get_matches_from(args(list)).unwrap_err();
                mistake(texts, &command, &error, &args(list))
            };
            let help = |name: &str| fill(&texts.mistake_help, &[("help", name)]);
            let cases = [
                (
                    said(&["bezwaar", "statu"]),
                    vec![
                        fill(&texts.mistake_unknown, &[("input", "'statu'")]),
                        fill(&texts.mistake_suggestion, &[("suggestion", "'status'")]),
                        help("bezwaar --help"),
                    ],
                ),
                (
                    said(&["bezwaar", "--lang", "fr"]),
                    vec![
                        fill(
                            &texts.mistake_value,
                            &[("input", "'fr'"), ("option", "--lang"), ("accepted", "nl, en")],
                        ),
                        help("bezwaar --help"),
                    ],
                ),
                (
                    said(&["bezwaar", "status", "--jsn"]),
                    vec![
                        fill(&texts.mistake_unknown, &[("input", "'--jsn'")]),
                        fill(&texts.mistake_suggestion, &[("suggestion", "'--json'")]),
                        help("bezwaar status --help"),
                    ],
                ),
                (
                    said(&["bezwaar", "mark"]),
                    vec![
                        fill(&texts.mistake_missing, &[("missing", "<PLATFORM>")]),
                        help("bezwaar mark --help"),
                    ],
                ),
                (
                    said(&["bezwaar", "mark", "instagram", "--date"]),
                    vec![
                        fill(&texts.mistake_missing, &[("missing", "--date <YYYY-MM-DD>")]),
                        help("bezwaar mark --help"),
                    ],
                ),
            ];
            let more = [
                (
                    said(&["bezwaar", "--lang", "nl", "--lang", "en"]),
                    vec![fill(&texts.mistake_twice, &[("input", "--lang")]), help("bezwaar --help")],
                ),
                (
                    said(&["bezwaar", "status", "--json=yes"]),
                    vec![fill(&texts.mistake_unknown, &[("input", "'yes'")]), help("bezwaar status --help")],
                ),
                // The help named is that of the command typed first, not of a later word.
                (
                    said(&["bezwaar", "statu", "platforms"]),
                    vec![
                        fill(&texts.mistake_unknown, &[("input", "'statu'")]),
                        fill(&texts.mistake_suggestion, &[("suggestion", "'status'")]),
                        help("bezwaar --help"),
                    ],
                ),
                (
                    said(&["bezwaar", "--data-file", "share", "statu"]),
                    vec![
                        fill(&texts.mistake_unknown, &[("input", "'statu'")]),
                        fill(&texts.mistake_suggestion, &[("suggestion", "'status'")]),
                        help("bezwaar --help"),
                    ],
                ),
            ];
            for (said, lines) in cases.into_iter().chain(more) {
                assert_eq!(said, format!("bezwaar: {}", lines.join("\n")), "{lang:?}");
                assert!(
                    !said.contains("error:") && !said.contains("Usage"),
                    "{lang:?}: clap's English: {said}"
                );
            }
            // Bytes that are not text are not shown back.
            let bytes = {
                use std::os::unix::ffi::OsStringExt;
                vec![OsString::from("bezwaar"), OsString::from_vec(vec![b'x', 0xff])]
            };
            let command = command(texts, &facts());
            let error = command.clone().try_get_matches_from(&bytes).unwrap_err();
            assert_eq!(
                mistake(texts, &command, &error, &bytes),
                format!("bezwaar: {}\n{}", texts.mistake_not_text, help("bezwaar --help"))
            );
            // Whatever is typed, nothing reaches the terminal as a control sequence.
            let hostile = said(&["bezwaar", "\x1b]52;c;aGk=\x07"]);
            assert!(!hostile.contains('\x1b') && !hostile.contains('\x07'), "{hostile:?}");
        }
    }

    #[test]
    fn subcommands_parse_with_their_options() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = &content.texts(Lang::En).cli;
        let parse = |list: &[&str]| {
            let matches = command(texts, &facts()).try_get_matches_from(args(list)).unwrap();
            Cli::from_arg_matches(&matches).unwrap()
        };
        let cli = parse(&[
            "bezwaar",
            "mark",
            "facebook",
            "--account",
            "work",
            "--date",
            "2025-05-20",
            "--data-file",
            "/tmp/r.json",
        ]);
        assert_eq!(cli.data_file, Some(PathBuf::from("/tmp/r.json")));
        assert_eq!(
            cli.command,
            Some(Command::Mark {
                platform: "facebook".into(),
                account: Some("work".into()),
                date: Some("2025-05-20".into()),
                confirmed: None,
                note: None
            })
        );
        assert_eq!(
            parse(&["bezwaar", "--lang", "nl", "status", "--json"]).command,
            Some(Command::Status { json: true })
        );
        let clap_alone = parse(&["bezwaar"]);
        let shortcut = Cli::parse_with(texts, &args(&["bezwaar"]), || unreachable!("no help is built"));
        assert_eq!((clap_alone.lang, clap_alone.data_file, clap_alone.command), (None, None, None));
        assert_eq!(
            (shortcut.lang, shortcut.data_file, shortcut.command),
            (None, None, None),
            "no arguments: the wizard, as clap finds too"
        );
        let help =
            command(texts, &facts()).try_get_matches_from(args(&["bezwaar", "mark", "--help"])).unwrap_err();
        let help = help.render().to_string();
        assert!(help.contains("instagram, facebook") && help.contains(&texts.note_help), "{help}");
    }

    #[test]
    fn bezwaar_today_overrides_the_date_and_rejects_nonsense() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = &content.texts(Lang::Nl).cli;
        let local = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let may_20 = NaiveDate::from_ymd_opt(2025, 5, 20).unwrap();
        assert_eq!(today(Some(OsStr::new("2025-05-20")), texts, local), Ok(may_20));
        assert_eq!(today(None, texts, local), Ok(local));
        assert_eq!(today(Some(OsStr::new("")), texts, local), Ok(local));
        for bad in ["20-05-2025", "2025-02-30", "yesterday", "2025-5-20", " 2025-05-20"] {
            let error = today(Some(OsStr::new(bad)), texts, local).unwrap_err();
            assert!(error.contains(bad.trim()) && error.contains("JJJJ-MM-DD"), "{error}");
        }
        let error = today(Some(OsStr::new("\x1b[2J\x1b]52;c;aGk=\x07")), texts, local).unwrap_err();
        assert!(!error.contains(['\x1b', '\x07']), "the value is shown cleaned: {error:?}");
    }
}

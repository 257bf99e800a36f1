//! The command line: options, help in the person's language, and today's date.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::{ArgAction, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

mod help;
mod mistake;

pub use help::{command, completions, manpage};
pub use mistake::mistake;

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
    #[arg(long, global = true, value_name = "nl|en|de", value_parser = ["nl", "en", "de"])]
    pub lang: Option<String>,
    #[arg(long, global = true)]
    pub data_file: Option<PathBuf>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub task: Option<Task>,
}

/// What the person asked bezwaar to do from the command line, instead of the wizard.
#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Task {
    Status(StatusArgs),
    Mark(MarkArgs),
    Unmark(UnmarkArgs),
    Platforms(PlatformsArgs),
    Share,
    Guide(GuideArgs),
    Remind(RemindArgs),
    Letter(LetterArgs),
    Completions(CompletionsArgs),
    Manpage,
}

#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct StatusArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct MarkArgs {
    pub platform: String,
    #[arg(long)]
    pub account: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub confirmed: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub by_letter: bool,
}

#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct UnmarkArgs {
    pub platform: String,
    #[arg(long)]
    pub account: Option<String>,
}

#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct PlatformsArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct GuideArgs {
    pub platform: Option<String>,
}

#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct RemindArgs {
    #[arg(long)]
    pub ics: PathBuf,
    #[arg(long)]
    pub force: bool,
}

/// A letter of objection to Meta. There is no option for a password: none is needed.
#[derive(Debug, Clone, Default, Args, PartialEq, Eq)]
pub struct LetterArgs {
    pub platform: String,
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub account: Option<String>,
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells `bezwaar completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Cli {
    /// Parses the arguments with help texts in `texts`' language and the facts `help` gives.
    /// On `--help` or `--version` clap prints and exits 0; on a mistake bezwaar says what was
    /// wrong in the person's language and exits 2.
    pub fn parse_with(texts: &CliTexts, args: &[OsString], help: impl FnOnce() -> HelpFacts) -> Cli {
        // Nothing after the program's name: the wizard with every option unset, as clap would
        // find, without building the whole localized command line first.
        if args.len() <= 1 {
            return Cli { lang: None, data_file: None, help: None, version: None, task: None };
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
    /// Those that `bezwaar mark` accepts: not a note, which is never done once.
    pub markable: Vec<String>,
    /// Those of Meta's forms, which a letter can be for.
    pub forms: Vec<String>,
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
    let text = crate::text::shown(&value.to_string_lossy(), 40);
    value
        .to_str()
        .and_then(|text| crate::dates::parse(text).ok())
        .ok_or_else(|| fill(&texts.today_invalid, &[("value", &text)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command the command line has.
    const COMMANDS: [&str; 10] = [
        "status",
        "mark",
        "unmark",
        "platforms",
        "share",
        "guide",
        "remind",
        "letter",
        "completions",
        "manpage",
    ];
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
            platforms: vec!["instagram".into(), "facebook".into(), "linkedin".into(), "whatsapp".into()],
            markable: vec!["instagram".into(), "facebook".into(), "linkedin".into()],
            forms: vec!["instagram".into(), "facebook".into()],
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
    fn the_lang_option_takes_only_nl_en_and_de() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = &content.texts(Lang::En).cli;
        let parse = |list: &[&str]| command(texts, &facts()).try_get_matches_from(args(list));
        assert!(parse(&["bezwaar", "--lang", "nl"]).is_ok());
        assert!(parse(&["bezwaar", "--lang", "de"]).is_ok());
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
                            &[("input", "'fr'"), ("option", "--lang"), ("accepted", "nl, en, de")],
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
                        fill(&texts.mistake_missing, &[("missing", format!("<{}>", texts.value_platform))]),
                        help("bezwaar mark --help"),
                    ],
                ),
                (
                    said(&["bezwaar", "mark", "instagram", "--date"]),
                    vec![
                        fill(
                            &texts.mistake_missing,
                            &[("missing", &format!("--date <{}>", texts.value_date))],
                        ),
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
            cli.task,
            Some(Task::Mark(MarkArgs {
                platform: "facebook".into(),
                account: Some("work".into()),
                date: Some("2025-05-20".into()),
                confirmed: None,
                note: None,
                by_letter: false,
            }))
        );
        assert_eq!(
            parse(&["bezwaar", "--lang", "nl", "status", "--json"]).task,
            Some(Task::Status(StatusArgs { json: true }))
        );
        let clap_alone = parse(&["bezwaar"]);
        let shortcut = Cli::parse_with(texts, &args(&["bezwaar"]), || unreachable!("no help is built"));
        assert_eq!((clap_alone.lang, clap_alone.data_file, clap_alone.task), (None, None, None));
        assert_eq!(
            (shortcut.lang, shortcut.data_file, shortcut.task),
            (None, None, None),
            "no arguments: the wizard, as clap finds too"
        );
        let help =
            command(texts, &facts()).try_get_matches_from(args(&["bezwaar", "mark", "--help"])).unwrap_err();
        let help = help.render().to_string();
        assert!(help.contains("instagram, facebook") && help.contains(&texts.note_help), "{help}");
    }

    #[test]
    fn the_dutch_and_german_help_are_theirs_down_to_the_usage_line() {
        let expected = [
            (Lang::Nl, "Gebruik", "OPTIES", "JJJJ-MM-DD", "BESTAND", "NAAM", "E-MAILADRES"),
            (Lang::De, "Aufruf", "OPTIONEN", "JJJJ-MM-TT", "DATEI", "NAME", "E-MAIL-ADRESSE"),
        ];
        let content = Content::embedded(Lang::Nl).unwrap();
        for (lang, usage, options, date, file, name, email) in expected {
            let texts = &content.texts(lang).cli;
            let platform = &texts.value_platform;
            let mut helps = vec![command(texts, &facts()).render_long_help().to_string()];
            for name in COMMANDS {
                let error = command(texts, &facts())
                    .try_get_matches_from(args(&["bezwaar", name, "--help"]))
                    .unwrap_err();
                helps.push(error.render().to_string());
            }
            for help in &helps {
                assert!(help.contains(&format!("{usage}: bezwaar")), "{lang:?}: {help}");
                for english in [
                    "Usage",
                    "[OPTIONS]",
                    "[COMMAND]",
                    "<PATH>",
                    "<FILE>",
                    "<YYYY-MM-DD>",
                    "<NOTE>",
                    "Print help",
                    "Options:",
                    "Arguments:",
                ] {
                    assert!(!help.contains(english), "{lang:?}: {english:?} in {help}");
                }
            }
            assert!(
                helps[2].contains(&format!("{usage}: bezwaar mark [{options}] <{platform}>"))
                    && helps[2].contains(&format!("--date <{date}>")),
                "{}",
                helps[2]
            );
            assert!(helps[7].contains(&format!("--ics <{file}>")), "{}", helps[7]);
            assert!(
                helps[8].contains(&format!("{usage}: bezwaar letter [{options}] <{platform}>"))
                    && helps[8].contains(&format!("--name <{name}>"))
                    && helps[8].contains(&format!("--email <{email}>")),
                "{}",
                helps[8]
            );
        }
    }

    #[test]
    fn the_letters_help_says_the_form_comes_first_and_no_password_is_needed() {
        let content = Content::embedded(Lang::Nl).unwrap();
        for lang in Lang::ALL {
            let texts = &content.texts(lang).cli;
            let error = command(texts, &facts())
                .try_get_matches_from(args(&["bezwaar", "letter", "--help"]))
                .unwrap_err();
            let help = error.render().to_string();
            assert!(help.contains(&texts.letter_after_help), "{help}");
            assert!(
                help.contains("instagram, facebook.") && !help.contains("linkedin"),
                "forms only: {help}"
            );
            assert!(!help.to_lowercase().contains("--password"), "{help}");
            let main = command(texts, &facts()).render_long_help().to_string();
            assert!(main.contains(&texts.letter_about), "{main}");
        }
        let nl = &content.texts(Lang::Nl).cli.letter_after_help;
        assert!(nl.contains("Geen enkele bron zegt") && nl.contains("wachtwoord") && nl.contains("bewijs"));
    }

    #[test]
    fn the_platforms_help_speaks_of_the_platforms_not_the_record() {
        let content = Content::embedded(Lang::Nl).unwrap();
        for lang in Lang::ALL {
            let texts = &content.texts(lang).cli;
            let error = command(texts, &facts())
                .try_get_matches_from(args(&["bezwaar", "platforms", "--help"]))
                .unwrap_err();
            let help = error.render().to_string();
            assert!(help.contains(&texts.platforms_json_help) && !help.contains(&texts.json_help), "{help}");
        }
    }

    #[test]
    fn mark_s_help_names_only_what_can_be_marked() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = &content.texts(Lang::En).cli;
        let help = |name: &str| {
            let error = command(texts, &facts()).try_get_matches_from(args(&["bezwaar", name, "--help"]));
            error.unwrap_err().render().to_string()
        };
        let (mark, unmark) = (help("mark"), help("unmark"));
        assert!(mark.contains("instagram, facebook, linkedin.") && !mark.contains("whatsapp"), "{mark}");
        assert!(unmark.contains("instagram, facebook, linkedin, whatsapp."), "{unmark}");
    }

    #[test]
    fn completions_and_the_manual_page_come_from_the_same_command_line() {
        let content = Content::embedded(Lang::Nl).unwrap();
        let texts = &content.texts(Lang::Nl).cli;

        let bash = completions(texts, &facts(), Shell::Bash);
        let zsh = completions(texts, &facts(), Shell::Zsh);
        let fish = completions(texts, &facts(), Shell::Fish);
        assert!(bash.contains("_bezwaar()") && bash.contains("complete -F _bezwaar"), "{bash}");
        assert!(zsh.starts_with("#compdef bezwaar"), "{zsh}");
        assert!(fish.contains("complete -c bezwaar"), "{fish}");
        for name in COMMANDS {
            for (shell, script) in [("bash", &bash), ("zsh", &zsh), ("fish", &fish)] {
                assert!(script.contains(name), "{shell} completes {name}");
            }
        }
        assert!(fish.contains(&texts.mark_about), "fish shows what a command does, in the person's language");
        let page = manpage(texts, &facts()).unwrap();
        assert!(page.contains(".TH bezwaar 1"), "{page}");
        for heading in [&texts.man_name, &texts.man_synopsis, &texts.man_description, &texts.man_notes] {
            assert!(page.contains(&format!("\n.SH {heading}\n")), "{heading} in {page}");
        }
        for name in COMMANDS {
            assert!(page.contains(&format!(".SH \"BEZWAAR {}\"", name.to_uppercase())), "{name} in {page}");
        }
        assert!(!page.contains("bezwaar-mark(1)"), "no page that does not exist is named");
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

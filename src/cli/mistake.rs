//! A mistake on the command line, said in the person's language (clap's own messages are in
//! English): what bezwaar did not understand, what it may have meant, and which help to read.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::content::{CliTexts, fill};

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

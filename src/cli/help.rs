//! The command line's help in the person's language, and what is made from the same
//! definition: completions for the shell and the manual page.

use clap::CommandFactory;

use super::{Cli, HelpFacts, Shell};
use crate::content::{CliTexts, fill};

/// The command line with every help text in the person's language.
pub fn command(texts: &CliTexts, facts: &HelpFacts) -> clap::Command {
    let options = texts.options_heading.clone();
    let accepted = facts.platforms.join(", ");
    let markable = facts.markable.join(", ");
    let after_help = format!("{}\n\n{}", texts.after_help, texts.exit_codes);
    // Every subcommand's help in the person's language, its usage line included: clap's own
    // "[OPTIONS]" would be English.
    let subcommand = |command: clap::Command, about: &str, arguments: &str| {
        let name = command.get_name().to_owned();
        command.about(about.to_owned()).help_template(texts.usage_template.clone()).override_usage(fill(
            &texts.usage_subcommand,
            &[("command", name.as_str()), ("arguments", arguments)],
        ))
    };
    let option = |arg: clap::Arg, help: &str| arg.help(help.to_owned()).help_heading(options.clone());
    let valued = |arg: clap::Arg, help: &str, value: &str| option(arg, help).value_name(value.to_owned());
    let positional = |arg: clap::Arg, accepted: &str| {
        arg.help(fill(&texts.platform_help, &[("accepted", accepted)]))
            .help_heading(texts.arguments_heading.clone())
            .value_name(texts.value_platform.clone())
    };
    let required = |value: &str| format!(" <{value}>");
    let data_file = fill(&texts.data_file_help, &[("default", &facts.default_data_file)]);
    let date = texts.value_date.as_str();
    Cli::command()
        .about(texts.about.clone())
        .help_template(texts.usage_template.clone())
        .override_usage(texts.usage.clone())
        .subcommand_help_heading(texts.commands_heading.clone())
        .after_help(after_help)
        .mut_arg("lang", |arg| option(arg, &texts.lang_help).hide_possible_values(true))
        .mut_arg("data_file", |arg| valued(arg, &data_file, &texts.value_path))
        .mut_arg("help", |arg| option(arg, &texts.help_help))
        .mut_arg("version", |arg| option(arg, &texts.version_help))
        .mut_subcommand("status", |command| {
            subcommand(command, &texts.status_about, "").mut_arg("json", |arg| option(arg, &texts.json_help))
        })
        .mut_subcommand("mark", |command| {
            subcommand(command, &texts.mark_about, &required(&texts.value_platform))
                .mut_arg("platform", |arg| positional(arg, &markable))
                .mut_arg("account", |arg| valued(arg, &texts.account_help, &texts.value_account))
                .mut_arg("date", |arg| valued(arg, &texts.date_help, date))
                .mut_arg("confirmed", |arg| valued(arg, &texts.confirmed_help, date))
                .mut_arg("note", |arg| valued(arg, &texts.note_help, &texts.value_note))
                .mut_arg("by_letter", |arg| option(arg, &texts.by_letter_help))
        })
        .mut_subcommand("platforms", |command| {
            subcommand(command, &texts.platforms_about, "")
                .mut_arg("json", |arg| option(arg, &texts.platforms_json_help))
        })
        .mut_subcommand("share", |command| subcommand(command, &texts.share_about, ""))
        .mut_subcommand("guide", |command| {
            let help = fill(&texts.guide_platform_help, &[("accepted", &accepted)]);
            subcommand(command, &texts.guide_about, &format!(" [{}]", texts.value_platform)).mut_arg(
                "platform",
                |arg| {
                    arg.help(help)
                        .help_heading(texts.arguments_heading.clone())
                        .value_name(texts.value_platform.clone())
                },
            )
        })
        .mut_subcommand("remind", |command| {
            subcommand(command, &texts.remind_about, "")
                .mut_arg("ics", |arg| valued(arg, &texts.ics_help, &texts.value_file))
                .mut_arg("force", |arg| option(arg, &texts.force_help))
        })
        .mut_subcommand("letter", |command| {
            let help = fill(&texts.letter_platform_help, &[("accepted", &facts.forms.join(", "))]);
            subcommand(command, &texts.letter_about, &required(&texts.value_platform))
                .after_help(texts.letter_after_help.clone())
                .mut_arg("platform", |arg| {
                    arg.help(help)
                        .help_heading(texts.arguments_heading.clone())
                        .value_name(texts.value_platform.clone())
                })
                .mut_arg("name", |arg| valued(arg, &texts.name_help, &texts.value_name))
                .mut_arg("email", |arg| valued(arg, &texts.email_help, &texts.value_email))
                .mut_arg("account", |arg| valued(arg, &texts.profile_help, &texts.value_account))
                .mut_arg("reason", |arg| valued(arg, &texts.reason_help, &texts.value_text))
                .mut_arg("place", |arg| valued(arg, &texts.place_help, &texts.value_place))
                .mut_arg("out", |arg| valued(arg, &texts.out_help, &texts.value_file))
                .mut_arg("force", |arg| option(arg, &texts.letter_force_help))
        })
        .mut_subcommand("unmark", |command| {
            subcommand(command, &texts.unmark_about, &required(&texts.value_platform))
                .mut_arg("platform", |arg| positional(arg, &accepted))
                .mut_arg("account", |arg| valued(arg, &texts.account_help, &texts.value_account))
        })
        .mut_subcommand("completions", |command| {
            subcommand(command, &texts.completions_about, &required(&texts.value_shell)).mut_arg(
                "shell",
                |arg| {
                    arg.help(texts.shell_help.clone())
                        .help_heading(texts.arguments_heading.clone())
                        .value_name(texts.value_shell.clone())
                        .hide_possible_values(true)
                },
            )
        })
        .mut_subcommand("manpage", |command| subcommand(command, &texts.manpage_about, ""))
}

/// Completions for `shell`, from the same command line as `--help`, in the person's language.
pub fn completions(texts: &CliTexts, facts: &HelpFacts, shell: Shell) -> String {
    let mut command = command(texts, facts);
    let mut out = Vec::new();
    match shell {
        Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, &mut command, "bezwaar", &mut out),
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut command, "bezwaar", &mut out),
        Shell::Fish => clap_complete::generate(clap_complete::Shell::Fish, &mut command, "bezwaar", &mut out),
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page (roff), from the same command line as `--help`, in the person's language:
/// one page, with a part for every command (its usage line, what it does, its options), so that
/// it names no other page.
pub fn manpage(texts: &CliTexts, facts: &HelpFacts) -> std::io::Result<String> {
    let command = command(texts, facts);
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // In the order `--help` lists them.
    let mut subcommands: Vec<&clap::Command> = command.get_subcommands().collect();
    subcommands.sort_by_key(|subcommand| subcommand.get_display_order());
    for subcommand in subcommands {
        let name = format!("bezwaar {}", subcommand.get_name());
        let usage =
            subcommand.get_overridden_usage().map(ToString::to_string).unwrap_or_else(|| name.clone());
        let about = subcommand.get_about().map(ToString::to_string).unwrap_or_default();
        let mut part = Vec::new();
        clap_mangen::Man::new(subcommand.clone().disable_help_flag(true))
            .render_options_section(&mut part)?;
        // The command's own headings (arguments, options) are parts of its part.
        let part = String::from_utf8_lossy(&part).replace("\n.SH ", "\n.SS ");
        let part = part.strip_prefix(".SH ").map_or(part.clone(), |rest| format!(".SS {rest}"));
        out.extend_from_slice(
            format!(
                ".SH \"{}\"\n.B {}\n.PP\n{}\n",
                name.to_uppercase(),
                roff_text(&usage),
                roff_text(&about)
            )
            .as_bytes(),
        );
        out.extend_from_slice(part.as_bytes());
    }
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    // The page's own headings, in the person's language.
    let headings = [
        ("NAME", &texts.man_name),
        ("SYNOPSIS", &texts.man_synopsis),
        ("DESCRIPTION", &texts.man_description),
        ("EXTRA", &texts.man_notes),
        ("VERSION", &texts.man_version),
    ];
    let mut page = String::from_utf8_lossy(&out).into_owned();
    for (heading, said) in headings {
        page = page.replace(&format!("\n.SH {heading}\n"), &format!("\n.SH {said}\n"));
    }
    Ok(page)
}

/// Text for a roff line: backslashes escaped, and no line that starts like a request.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e");
    match escaped.chars().next() {
        Some('.' | '\'') => format!("\\&{escaped}"),
        _ => escaped,
    }
}

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use std::env;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use bezwaar::app::App;
use bezwaar::cli::{self, Cli, GuideArgs, HelpFacts, Task};
use bezwaar::commands::{self, Context};
use bezwaar::content::{Content, Lang, fill};
use bezwaar::guide;
use bezwaar::record::Store;
use bezwaar::theme::Theme;
use bezwaar::tui;

fn main() -> ExitCode {
    bezwaar::platform::survive_file_size_limit();
    let args: Vec<OsString> = env::args_os().collect();
    let env_lang = Lang::from_env(|name| env::var(name).ok());
    let help_lang = cli::lang_in_args(&args).unwrap_or(env_lang);
    let content = match Content::embedded(help_lang) {
        Ok(content) => content,
        Err(error) => {
            eprintln!("bezwaar: {error}");
            return ExitCode::from(70);
        }
    };
    let facts = || HelpFacts {
        default_data_file: Store::locate(None, None)
            .map(|store| bezwaar::text::path(store.path()))
            .unwrap_or_default(),
        platforms: content.platforms().iter().map(|p| p.id.clone()).collect(),
        markable: content
            .platforms()
            .iter()
            .filter(|p| p.kind.can_be_marked())
            .map(|p| p.id.clone())
            .collect(),
        forms: content
            .platforms()
            .iter()
            .filter(|p| bezwaar::letter::is_for(p))
            .map(|p| p.id.clone())
            .collect(),
    };
    let cli = Cli::parse_with(&content.texts(help_lang).cli, &args, facts);
    let lang = cli.lang().unwrap_or(env_lang);
    let texts = content.texts(lang);
    let local = chrono::Local::now().date_naive();
    let today = match cli::today(env::var_os("BEZWAAR_TODAY").as_deref(), &texts.cli, local) {
        Ok(today) => today,
        Err(message) => {
            eprintln!("bezwaar: {message}");
            return ExitCode::from(commands::BAD_INPUT);
        }
    };
    let store = Store::locate(cli.data_file.clone(), env::var_os("BEZWAAR_DATA_FILE"));
    // Without cursor addressing (TERM=dumb) or a terminal on both ends, the wizard cannot work:
    // the plain walkthrough does.
    let plain = env::var("TERM").is_ok_and(|term| term == "dumb")
        || !std::io::stdin().is_terminal()
        || !std::io::stdout().is_terminal();
    let task = match cli.task {
        None if plain => Some(Task::Guide(GuideArgs::default())),
        task => task,
    };
    if let Some(task) = task {
        let context = Context {
            texts,
            // Only a letter is written in two languages: no other task reads English's texts.
            english: (lang != Lang::En && matches!(task, Task::Letter(_))).then(|| content.texts(Lang::En)),
            catalogue: &content.catalogue,
            store,
            today,
            now: chrono::Utc::now(),
            patience: commands::PATIENCE,
        };
        let outcome = match task {
            Task::Guide(args) => {
                let (mut input, mut output) = (std::io::stdin().lock(), std::io::stdout().lock());
                let code = guide::run(&mut input, &mut output, &context, args.platform.as_deref());
                return ExitCode::from(code.unwrap_or(commands::SAVE_FAILED));
            }
            Task::Completions(args) => {
                commands::Outcome::printed(cli::completions(&texts.cli, &facts(), args.shell))
            }
            Task::Manpage => match cli::manpage(&texts.cli, &facts()) {
                Ok(page) => commands::Outcome::printed(page),
                Err(error) => commands::Outcome::failed(commands::SAVE_FAILED, error.to_string()),
            },
            task => commands::run(task, &context),
        };
        let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
        let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
        return ExitCode::from(outcome.code);
    }
    let terminal_failed = texts.cli.terminal_failed.clone();
    // No lock is held while the wizard runs: each change takes it for the moment of its write.
    let opening = Store::open(store.as_ref(), chrono::Utc::now(), tui::WRITE_PATIENCE);
    let mut app = App::new(content, lang, today).with_record(store, opening.record, opening.problem);
    app.seen = opening.stamp;
    app.letters_dir = bezwaar::letter::default_dir();
    app.theme = Theme::from_no_color(env::var("NO_COLOR").ok().as_deref());
    app.hyperlinks = env::var("TERM").is_ok_and(|term| term != "dumb");
    match tui::run(&mut app) {
        // Quit with a change that could not be saved (after the warning): said once more, in
        // the terminal the person goes back to.
        Ok(()) if app.unsaved() => {
            let path = app.store.as_ref().map(|store| bezwaar::text::path(store.path())).unwrap_or_default();
            eprintln!("{}", fill(&app.texts().record.unsaved_left, &[("path", &path)]));
            ExitCode::from(commands::SAVE_FAILED)
        }
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", fill(&terminal_failed, &[("error", &error.to_string())]));
            ExitCode::FAILURE
        }
    }
}

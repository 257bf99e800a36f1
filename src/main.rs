#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use std::env;
use std::ffi::OsString;
use std::process::ExitCode;

use bezwaar::app::App;
use bezwaar::cli::{self, Cli};
use bezwaar::content::{Content, Lang, fill};
use bezwaar::tui;
use bezwaar::ui::Theme;

fn main() -> ExitCode {
    let content = match Content::embedded() {
        Ok(content) => content,
        Err(error) => {
            eprintln!("bezwaar: {error}");
            return ExitCode::from(70);
        }
    };
    let args: Vec<OsString> = env::args_os().collect();
    let env_lang = Lang::from_env(|name| env::var(name).ok());
    let help_lang = cli::lang_in_args(&args).unwrap_or(env_lang);
    let cli = Cli::parse_with(&content.texts(help_lang).cli, &args);
    let lang = cli.lang().unwrap_or(env_lang);
    let texts = &content.texts(lang).cli;
    let local = chrono::Local::now().date_naive();
    let today = match cli::today(env::var_os("BEZWAAR_TODAY").as_deref(), texts, local) {
        Ok(today) => today,
        Err(message) => {
            eprintln!("bezwaar: {message}");
            return ExitCode::from(2);
        }
    };
    let terminal_failed = texts.terminal_failed.clone();
    let mut app = App::new(content, lang, today);
    app.theme = Theme::from_no_color(env::var("NO_COLOR").ok().as_deref());
    app.hyperlinks = env::var("TERM").is_ok_and(|term| term != "dumb");
    match tui::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", fill(&terminal_failed, &[("error", &error.to_string())]));
            ExitCode::FAILURE
        }
    }
}

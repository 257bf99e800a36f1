//! The smallest ratatui program worth comparing bezwaar with: a bordered paragraph that is drawn
//! again after every key press. Like bezwaar it enters raw mode and the alternate screen, blocks
//! on `event::read()` (no tick) and draws only when something happened.
//!
//! `t` switches between two texts, `q` (or Esc) quits. With `--full` each text is repeated until
//! it fills the window, so that `t` redraws about as much of the screen as bezwaar's language
//! switch does. `examples/bench.rs` measures it side by side with bezwaar:
//! `cargo run --release --example bench`.

use std::io;

use crossterm::event::{self, KeyCode};
use ratatui::DefaultTerminal;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// What the paragraph says before and after `t`; the benchmark waits for these texts.
const FIRST: &str = "Hello from a minimal ratatui program. Press t to toggle, q to quit.";
const SECOND: &str = "Toggled: the text changed. Press t again, q to quit.";

fn main() -> io::Result<()> {
    let full = std::env::args().skip(1).any(|arg| arg == "--full");
    let texts =
        if full { [[FIRST; 40].join(" "), [SECOND; 40].join(" ")] } else { [FIRST.into(), SECOND.into()] };
    let mut terminal = ratatui::init();
    let result = run(&mut terminal, &texts);
    ratatui::restore();
    result
}

fn run(terminal: &mut DefaultTerminal, texts: &[String; 2]) -> io::Result<()> {
    let mut toggled = false;
    loop {
        terminal.draw(|frame| {
            let text = texts[usize::from(toggled)].as_str();
            let paragraph =
                Paragraph::new(text).wrap(Wrap { trim: false }).block(Block::bordered().title(" minimal "));
            frame.render_widget(paragraph, frame.area());
        })?;
        // Blocks until something happens: nothing runs while the person does nothing.
        if let Some(key) = event::read()?.as_key_press_event() {
            match key.code {
                KeyCode::Char('t') => toggled = !toggled,
                KeyCode::Char('q') | KeyCode::Esc => return Ok(()),
                _ => {}
            }
        }
    }
}

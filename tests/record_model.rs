//! A model of the record, and random operations on the real one from three writers at once: a
//! wizard (the real `App`, driven by keys, its writes performed as the event loop performs
//! them), the command line (`commands::run`, the code behind `bezwaar mark` and `unmark`), and
//! another program that writes the file while ignoring bezwaar's lock, with fields bezwaar does
//! not know and entries it cannot read. The wizard looks at the file before most keys, as the
//! event loop does, but not always: a write can land between its look and its key.
//!
//! The model is plain JSON, changed by rules written here, apart from the code under test.
//! After every step the file must equal the model: so nothing a person entered is lost,
//! nothing changes that nobody asked to change, and unknown fields survive every writer.

use std::fs;
use std::path::Path;
use std::time::Duration;

use bezwaar::app::{App, Message, Screen};
use bezwaar::cli::{MarkArgs, Task, UnmarkArgs};
use bezwaar::commands::{self, Context};
use bezwaar::content::{Content, Lang};
use bezwaar::keys::message_for;
use bezwaar::record::{Record, Store};
use bezwaar::tui;
use chrono::{NaiveDate, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const TODAY: &str = "2026-11-29";
const PLATFORMS: [&str; 3] = ["instagram", "facebook", "linkedin"];
const ACCOUNTS: [Option<&str>; 3] = [None, Some("a"), Some("b")];

#[derive(Debug, Clone)]
enum Op {
    /// The command line marks, with some of the details given.
    CliMark {
        platform: usize,
        account: usize,
        date: Option<&'static str>,
        confirmed: Option<&'static str>,
        note: Option<String>,
        /// `--by-letter`: refused for a setting.
        by_letter: bool,
    },
    CliUnmark {
        platform: usize,
        account: usize,
    },
    /// The wizard presses m on a platform's end screen, and answers yes if it asks.
    WizardMark {
        platform: usize,
        look: bool,
    },
    /// The wizard removes the overview's entry at this place.
    WizardRemove {
        entry: usize,
        look: bool,
    },
    /// The wizard writes a new note for the overview's entry at this place.
    WizardNote {
        entry: usize,
        note: String,
        look: bool,
    },
    /// Another program adds an entry with a field bezwaar does not know.
    ExternalEntry {
        platform: usize,
        account: usize,
        field: u8,
    },
    /// Another program adds an entry that cannot be read.
    ExternalBroken {
        field: u8,
    },
    /// Another program sets a top-level field bezwaar does not know.
    ExternalTop {
        value: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let index = |n: usize| 0..n;
    let note = "[a-z]{0,6}";
    prop_oneof![
        4 => (index(3), index(3), prop::option::of(prop_oneof![Just("2025-05-20"), Just("2025-05-22")]),
              prop::option::of(prop_oneof![Just("2025-05-21"), Just("2025-05-25")]), prop::option::of(note), prop::bool::weighted(0.2))
            .prop_map(|(platform, account, date, confirmed, note, by_letter)| Op::CliMark { platform, account, date, confirmed, note, by_letter }),
        1 => (index(3), index(3)).prop_map(|(platform, account)| Op::CliUnmark { platform, account }),
        3 => (index(3), any::<bool>()).prop_map(|(platform, look)| Op::WizardMark { platform, look }),
        2 => (index(6), any::<bool>()).prop_map(|(entry, look)| Op::WizardRemove { entry, look }),
        3 => (index(6), note, any::<bool>()).prop_map(|(entry, note, look)| Op::WizardNote { entry, note, look }),
        2 => (index(3), index(3), any::<u8>()).prop_map(|(platform, account, field)| Op::ExternalEntry { platform, account, field }),
        1 => any::<u8>().prop_map(|field| Op::ExternalBroken { field }),
        1 => any::<u8>().prop_map(|value| Op::ExternalTop { value }),
    ]
}

/// The record as the model says the file must be.
#[derive(Debug, Clone, Default)]
struct Model {
    entries: Vec<Value>,
    top: Map<String, Value>,
}

fn is_for(entry: &Value, platform: &str, account: Option<&str>) -> bool {
    readable(entry) && entry["platform"] == platform && entry["account"] == json!(account)
}

/// Whether an entry is one the model made readable (a broken one has a broken date).
fn readable(entry: &Value) -> bool {
    entry["submitted_on"] != "2025-02-30"
}

fn date(text: &str) -> NaiveDate {
    bezwaar::dates::parse(text).unwrap()
}

/// Dates in the model's entries, compared as dates.
fn day(value: &Value) -> Option<NaiveDate> {
    value.as_str().map(date)
}

impl Model {
    fn json(&self) -> Value {
        let mut file = self.top.clone();
        file.insert("version".into(), json!(2));
        file.insert("objections".into(), Value::Array(self.entries.clone()));
        Value::Object(file)
    }

    fn mark(
        &mut self,
        platform: &str,
        account: Option<&str>,
        date: Option<&str>,
        confirmed: Option<&str>,
        note: Option<Option<String>>,
        by_letter: bool,
    ) {
        // A letter is for Meta's forms only: refused for a setting.
        if by_letter && platform == "linkedin" {
            return;
        }
        if let (Some(date), Some(confirmed)) = (date, confirmed)
            && self::date(confirmed) < self::date(date)
        {
            return;
        }
        let matching: Vec<usize> =
            (0..self.entries.len()).filter(|i| is_for(&self.entries[*i], platform, account)).collect();
        match matching[..] {
            [] => {
                let submitted = date.unwrap_or(TODAY);
                if confirmed.is_some_and(|confirmed| self::date(confirmed) < self::date(submitted)) {
                    return;
                }
                let mut entry = json!({"platform": platform, "account": account, "submitted_on": submitted,
                    "confirmation_on": confirmed, "note": note.flatten()});
                if by_letter {
                    entry["by"] = json!("letter");
                }
                self.entries.push(entry);
            }
            [one] => {
                // How an objection was sent is never relabelled: a letter mark on an entry sent
                // another way is refused.
                if by_letter && self.entries[one].get("by") != Some(&json!("letter")) {
                    return;
                }
                let mut entry = self.entries[one].clone();
                if let Some(date) = date {
                    entry["submitted_on"] = json!(date);
                }
                if let Some(confirmed) = confirmed {
                    entry["confirmation_on"] = json!(confirmed);
                }
                if let Some(note) = note {
                    entry["note"] = json!(note);
                }
                if by_letter {
                    entry["by"] = json!("letter");
                }
                if let Some(confirmed) = day(&entry["confirmation_on"])
                    && confirmed < day(&entry["submitted_on"]).unwrap()
                {
                    return;
                }
                self.entries[one] = entry;
            }
            // Several entries for one account: only a mark that gives nothing is accepted, and
            // it changes nothing.
            _ => {}
        }
    }

    /// The place of the entry a writer chose: the same content, the same occurrence of it; none
    /// when fewer of the same are left.
    fn find(&self, chosen: &Value, occurrence: usize) -> Option<usize> {
        (0..self.entries.len()).filter(|i| self.entries[*i] == *chosen).nth(occurrence)
    }
}

struct World {
    content: Content,
    store: Store,
    app: App,
    model: Model,
}

fn key(app: &mut App, code: KeyCode) {
    if let Some(message) = message_for(KeyEvent::new(code, KeyModifiers::NONE), app)
        && let Some(bezwaar::app::Effect::Write(changes)) = bezwaar::tui::step(app, message)
    {
        let written = tui::write(app.store.as_ref(), &changes);
        bezwaar::tui::step(app, written);
    }
}

impl World {
    fn new(dir: &Path) -> World {
        let content = Content::embedded(Lang::En).unwrap();
        let store = Store::new(dir.join("record.json"));
        let mut app = App::new(Content::embedded(Lang::En).unwrap(), Lang::En, date(TODAY)).with_record(
            Some(store.clone()),
            Record::default(),
            None,
        );
        bezwaar::tui::step(&mut app, Message::Resized(80, 24));
        World { content, store, app, model: Model::default() }
    }

    fn cli(&self, task: Task) -> commands::Outcome {
        let context = Context {
            texts: self.content.texts(Lang::En),
            english: None,
            catalogue: &self.content.catalogue,
            store: Some(self.store.clone()),
            today: date(TODAY),
            now: Utc::now(),
            patience: Duration::from_secs(2),
        };
        commands::run(task, &context)
    }

    /// What the wizard shows, with its key: the chosen entry's content and occurrence.
    fn wizard_sees(&mut self, place: usize, look: bool) -> Option<(usize, Value, usize)> {
        if look && let Some(reloaded) = tui::look(&self.app) {
            bezwaar::tui::step(&mut self.app, reloaded);
        }
        self.app.screen = Screen::Overview;
        let entries = self.app.overview_entries();
        let index = *entries.get(place)?;
        self.app.entry = place;
        bezwaar::tui::step(&mut self.app, Message::Resized(80, 24));
        let shown = self.app.record().entries();
        let chosen = &shown[index];
        let occurrence = shown[..index].iter().filter(|other| *other == chosen).count();
        Some((index, serde_json::to_value(chosen).unwrap(), occurrence))
    }

    fn external_write(&mut self) {
        fs::write(self.store.path(), serde_json::to_vec_pretty(&self.model.json()).unwrap()).unwrap();
    }

    fn step(&mut self, op: &Op) {
        match op.clone() {
            Op::CliMark { platform, account, date, confirmed, note, by_letter } => {
                let outcome = self.cli(Task::Mark(MarkArgs {
                    platform: PLATFORMS[platform].into(),
                    account: ACCOUNTS[account].map(Into::into),
                    date: date.map(Into::into),
                    confirmed: confirmed.map(Into::into),
                    note: note.clone(),
                    by_letter,
                }));
                assert!(outcome.code == 0 || outcome.code == 2, "{outcome:?}");
                let given_note = note.map(|note| Some(note).filter(|note| !note.is_empty()));
                self.model.mark(
                    PLATFORMS[platform],
                    ACCOUNTS[account],
                    date,
                    confirmed,
                    given_note,
                    by_letter,
                );
            }
            Op::CliUnmark { platform, account } => {
                let outcome = self.cli(Task::Unmark(UnmarkArgs {
                    platform: PLATFORMS[platform].into(),
                    account: ACCOUNTS[account].map(Into::into),
                }));
                assert_eq!(outcome.code, 0, "{outcome:?}");
                self.model.entries.retain(|entry| !is_for(entry, PLATFORMS[platform], ACCOUNTS[account]));
            }
            Op::WizardMark { platform, look } => {
                if look && let Some(reloaded) = tui::look(&self.app) {
                    bezwaar::tui::step(&mut self.app, reloaded);
                }
                let platform_index =
                    self.app.platforms().iter().position(|p| p.id == PLATFORMS[platform]).unwrap();
                // What the wizard shows decides what m does: on a marked platform it offers another
                // account and each mark; the first mark shown is removed.
                let shown = self.app.record().entries();
                let first = shown
                    .iter()
                    .position(|entry| entry.objection().is_some_and(|o| o.platform == PLATFORMS[platform]));
                let expected = first.map(|index| {
                    let chosen = &shown[index];
                    (
                        serde_json::to_value(chosen).unwrap(),
                        shown[..index].iter().filter(|other| *other == chosen).count(),
                    )
                });
                self.app.screen = Screen::Done { platform: platform_index };
                bezwaar::tui::step(&mut self.app, Message::Resized(80, 24));
                key(&mut self.app, KeyCode::Char('m'));
                match expected {
                    Some((chosen, occurrence)) => {
                        assert_eq!(self.app.accounts_choice(), Some(0), "a marked platform asks first");
                        key(&mut self.app, KeyCode::Char('2'));
                        assert!(self.app.question().is_some(), "removing asks once more");
                        key(&mut self.app, KeyCode::Char('y'));
                        if let Some(place) = self.model.find(&chosen, occurrence) {
                            self.model.entries.remove(place);
                        }
                    }
                    None => {
                        self.model.mark(PLATFORMS[platform], None, None, None, None, false);
                    }
                }
            }
            Op::WizardRemove { entry, look } => {
                let Some((_, chosen, occurrence)) = self.wizard_sees(entry, look) else { return };
                key(&mut self.app, KeyCode::Char('x'));
                key(&mut self.app, KeyCode::Char('y'));
                if let Some(place) = self.model.find(&chosen, occurrence) {
                    self.model.entries.remove(place);
                }
            }
            Op::WizardNote { entry, note, look } => {
                let Some((_, chosen, occurrence)) = self.wizard_sees(entry, look) else { return };
                key(&mut self.app, KeyCode::Char('e'));
                if self.app.editor().is_none() {
                    assert!(!readable(&chosen), "only an entry that cannot be read has no form");
                    return;
                }
                for _ in 0..3 {
                    key(&mut self.app, KeyCode::Tab);
                }
                key(&mut self.app, KeyCode::End);
                let old = chosen["note"].as_str().map_or(0, |note| note.chars().count());
                for _ in 0..old {
                    key(&mut self.app, KeyCode::Backspace);
                }
                for c in note.chars() {
                    key(&mut self.app, KeyCode::Char(c));
                }
                key(&mut self.app, KeyCode::Enter);
                // Changed elsewhere meanwhile: the form stays open and says so; nothing is saved.
                if self.app.editor().is_some() {
                    key(&mut self.app, KeyCode::Esc);
                }
                if let Some(place) = self.model.find(&chosen, occurrence) {
                    self.model.entries[place]["note"] =
                        if note.is_empty() { Value::Null } else { json!(note) };
                }
            }
            Op::ExternalEntry { platform, account, field } => {
                self.model.entries.push(
                    json!({"platform": PLATFORMS[platform], "account": ACCOUNTS[account],
                    "submitted_on": "2025-05-20", "confirmation_on": null, "note": format!("by hand {field}"),
                    "from_elsewhere": {"n": field, "list": [1, "two"]}}),
                );
                self.external_write();
            }
            Op::ExternalBroken { field } => {
                self.model.entries.push(json!({"platform": "x", "submitted_on": "2025-02-30", "n": field}));
                self.external_write();
            }
            Op::ExternalTop { value } => {
                self.model.top.insert("elsewhere".into(), json!({"value": value}));
                self.external_write();
            }
        }
    }

    fn check(&self, step: usize, op: &Op) {
        let path = self.store.path();
        if !path.exists() {
            assert!(
                self.model.entries.is_empty() && self.model.top.is_empty(),
                "step {step} {op:?}: no file, but {:#}",
                self.model.json()
            );
            return;
        }
        let file: Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
        let mut expected = self.model.json();
        // A file only ever written by the model's own rules keeps the version it was given.
        expected["version"] = file["version"].clone();
        assert_eq!(file, expected, "step {step} {op:?}: the file differs from the model");
        assert!(!self.app.unsaved(), "step {step}: every write of the wizard landed");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn three_writers_keep_everything_a_person_entered(ops in prop::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut world = World::new(dir.path());
        for (step, op) in ops.iter().enumerate() {
            world.step(op);
            world.check(step, op);
        }
    }
}

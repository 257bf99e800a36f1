//! bezwaar: a terminal wizard that helps people object to Meta training its AI on their
//! Facebook and Instagram data.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod app;
pub mod browser;
pub mod cli;
pub mod commands;
pub mod content;
pub mod dates;
pub mod deadline;
pub mod editor;
pub mod files;
pub mod guide;
pub mod ics;
pub mod keys;
pub mod letter;
pub mod letter_form;
pub mod links;
pub mod output;
pub mod platform;
pub mod record;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod viewport;

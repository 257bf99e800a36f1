//! Text from outside bezwaar: what a person types, what the record file holds, paths, arguments
//! and the operating system's error messages. One home for the rules on how such text is kept
//! and shown:
//! - only characters that act on the terminal or reorder what is shown are removed: control
//!   characters (C0, C1, DEL) and bidi embeddings, overrides and isolates. A line break or tab
//!   becomes a space (what is shown is one line), so that words do not run together. Everything
//!   else is kept as written, the zero-width joiners of family emoji and of Persian or Indic
//!   words among it;
//! - limits are checked, never applied by cutting: too long is refused with the limit named.

use std::fmt;
use std::io;
use std::path::Path;

/// The longest account label, in characters.
pub const MAX_ACCOUNT_CHARS: usize = 100;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// Whether `c` is not taken from text from outside: it would act on the terminal (C0, C1, DEL),
/// break a line, or reorder what is shown around it (bidi embeddings, overrides, isolates).
pub fn is_removed(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' // C0, DEL, C1
        | '\u{2028}' | '\u{2029}' // line and paragraph separators
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2066}'..='\u{2069}' // bidi isolates
    )
}

/// Whether `c` breaks a line or jumps to a tab stop: shown as a space.
fn is_break(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `text` on one line (breaks as spaces), without the removed characters.
pub fn one_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| if is_break(c) { Some(' ') } else { Some(c).filter(|c| !is_removed(*c)) })
        .collect()
}

/// [`one_line`], without spaces at either end.
pub fn clean(text: &str) -> String {
    one_line(text).trim().to_owned()
}

/// Like [`clean`]; nothing left means no value.
pub fn clean_optional(text: Option<&str>) -> Option<String> {
    text.map(clean).filter(|text| !text.is_empty())
}

/// Text from outside as it may be printed: cleaned, and shortened with "…" past `max`
/// characters. Only for showing a value back in a message, never for keeping it.
pub fn shown(text: &str, max: usize) -> String {
    let cleaned = clean(text);
    if cleaned.chars().count() <= max {
        return cleaned;
    }
    let mut short: String = cleaned.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// JSON as it may be printed: every character [`is_removed`] takes out of text, where JSON
/// allows it raw (inside strings: C1, line separators, bidi controls), written as a `\uXXXX`
/// escape instead. The JSON means the same; the terminal sees nothing it would act on.
pub fn printable_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_removed(c) && !matches!(c, '\n' | '\r' | '\t') {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A path as it may be printed: cleaned, whole.
pub fn path(path: &Path) -> String {
    clean(&path.display().to_string())
}

/// Text that is longer than its field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    /// How many characters the text has.
    pub count: usize,
    /// How many the field takes.
    pub max: usize,
}

/// Checks the length of cleaned text: at most `max` characters.
pub fn within(text: &str, max: usize) -> Result<(), TooLong> {
    let count = text.chars().count();
    if count > max { Err(TooLong { count, max }) } else { Ok(()) }
}

/// The common reasons a file cannot be written, which a person can do something about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsReason {
    DiskFull,
    NoPermission,
    ReadOnly,
    FileTooLarge,
}

/// Why an operation on a file failed, as bezwaar tells it: the common reason in the person's
/// words when there is one, and the system's own text after it (without the names of
/// temporary files, cleaned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsError {
    pub reason: Option<OsReason>,
    pub detail: String,
}

impl OsError {
    pub fn of(error: &io::Error) -> OsError {
        let reason = match error.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Some(OsReason::DiskFull),
            io::ErrorKind::PermissionDenied => Some(OsReason::NoPermission),
            io::ErrorKind::ReadOnlyFilesystem => Some(OsReason::ReadOnly),
            io::ErrorKind::FileTooLarge => Some(OsReason::FileTooLarge),
            _ => None,
        };
        // The system's own text for its error number, which names no file.
        let detail = match error.raw_os_error() {
            Some(code) => io::Error::from_raw_os_error(code).to_string(),
            None => error.to_string(),
        };
        OsError { reason, detail: shown(&detail, 200) }
    }
}

impl fmt::Display for OsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_line_breaks_go_joiners_stay() {
        let hostile =
            "a\x1b[2Jb\x1b]52;c;aGk=\x07c\x1b]8;;https://evil.example\x1b\\d\u{9b}e\u{202E}f\u{2066}g\u{7f}h";
        assert_eq!(clean(hostile), "a[2Jb]52;c;aGk=c]8;;https://evil.example\\defgh");
        assert_eq!(
            clean("line one\nline two\tcol\u{2028}end\r\n"),
            "line one line two col end",
            "words stay apart"
        );
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(clean(family), family, "the zero-width joiner keeps the family together");
        let persian = "می\u{200C}خواهم";
        assert_eq!(clean(persian), persian, "the zero-width non-joiner is part of the word");
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(clean(scotland), scotland, "tag characters make a flag");
        assert_eq!(clean_optional(Some(" \u{202E} ")), None);
    }

    #[test]
    fn json_prints_without_what_would_act_on_the_terminal() {
        let json = "{\"a\": \"x\u{9b}31m\u{202e}y\u{2028}\"}\n";
        let printed = printable_json(json);
        assert_eq!(printed, "{\"a\": \"x\\u009b31m\\u202ey\\u2028\"}\n");
        let back: serde_json::Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap(), "the same JSON");
    }

    #[test]
    fn limits_are_checked_not_applied() {
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(within(&long, MAX_NOTE_CHARS), Err(TooLong { count: 501, max: 500 }));
        assert_eq!(clean(&long).chars().count(), 501, "cleaning never cuts");
        assert_eq!(within(&"é".repeat(100), MAX_ACCOUNT_CHARS), Ok(()), "characters, not bytes");
        assert_eq!(shown("abcdef", 4), "abc…");
    }

    #[test]
    fn os_errors_name_the_common_reason_and_keep_the_systems_text() {
        let full = OsError::of(&io::Error::from_raw_os_error(28));
        assert_eq!(full.reason, Some(OsReason::DiskFull));
        assert!(full.detail.contains("os error 28"), "{full}");
        let denied = OsError::of(&io::Error::from_raw_os_error(13));
        assert_eq!(denied.reason, Some(OsReason::NoPermission));
        assert!(denied.detail.contains("os error 13"), "{denied}");
        assert_eq!(OsError::of(&io::Error::from_raw_os_error(30)).reason, Some(OsReason::ReadOnly));
        assert_eq!(OsError::of(&io::Error::other("x")).reason, None);
    }
}

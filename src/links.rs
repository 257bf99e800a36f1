//! Links: which ones bezwaar may open, and how it opens and copies them.
//!
//! Only https links from the embedded content, on a host of [`ALLOWED_HOSTS`], are ever opened
//! or copied. Nothing typed by a person or read from a file reaches a browser.

use std::fmt;
use std::io::{self, Write};

use url::Url;

use crate::browser::{self, OpenError};

/// The hosts bezwaar may send a browser to.
pub const ALLOWED_HOSTS: &[&str] = &[
    "help.instagram.com",
    "www.facebook.com",
    "help.meta.com",
    "www.linkedin.com",
    "x.com",
    "myactivity.google.com",
    "privacy.openai.com",
    "chatgpt.com",
    "claude.ai",
    "autoriteitpersoonsgegevens.nl",
    "edpb.europa.eu",
];

/// Why a link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Unparsable,
    NotHttps,
    HasUserInfo,
    HasPort,
    HostNotAllowed(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Unparsable => write!(f, "not a link"),
            Refusal::NotHttps => write!(f, "not https"),
            Refusal::HasUserInfo => write!(f, "has a user name or password in it"),
            Refusal::HasPort => write!(f, "names a port"),
            Refusal::HostNotAllowed(host) => write!(f, "host {host} is not on the allowlist"),
        }
    }
}

/// Parses `link` and returns it only when it is https, without user info or port, on an allowed
/// host, and already in its normal form (so what is shown is exactly what is opened).
pub fn allowed(link: &str) -> Result<Url, Refusal> {
    let url = Url::parse(link).map_err(|_| Refusal::Unparsable)?;
    if url.scheme() != "https" {
        return Err(Refusal::NotHttps);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refusal::HasUserInfo);
    }
    if url.port().is_some() {
        return Err(Refusal::HasPort);
    }
    let host = url.host_str().unwrap_or_default();
    if !ALLOWED_HOSTS.contains(&host) {
        return Err(Refusal::HostNotAllowed(host.to_owned()));
    }
    if url.as_str() != link {
        return Err(Refusal::Unparsable);
    }
    Ok(url)
}

/// Opens an allowed link with the person's browser: each command of `$BROWSER` in turn, or the
/// system's browser (see [`crate::browser`]). The caller leaves the alternate screen around this
/// call when a text browser may take over the terminal until it exits
/// ([`crate::browser::may_take_terminal`]).
pub fn open(url: &Url) -> Result<(), OpenError> {
    browser::open(url.as_str())
}

/// Copies an allowed link to the clipboard through the terminal (OSC 52). Whether the terminal
/// honours it cannot be known; the message after it says how to copy by hand.
pub fn copy(out: &mut impl Write, url: &Url) -> io::Result<()> {
    copy_text(out, url.as_str())
}

/// Copies text from the content to the clipboard (OSC 52, base64: no byte of it reaches the
/// terminal as text).
pub fn copy_text(out: &mut impl Write, text: &str) -> io::Result<()> {
    crossterm::execute!(out, crossterm::clipboard::CopyToClipboard::to_clipboard_from(text))
}

/// A QR code as a square of modules, the quiet zone included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side.
    pub width: usize,
    /// Row by row: true for a dark module.
    pub dark: Vec<bool>,
}

impl Qr {
    /// The quiet zone the standard asks for around the code, in modules.
    pub const QUIET: usize = 4;

    /// The QR code of an allowed link, at the lowest error-correction level so that a form's
    /// link (about 50 characters) fits in 37 modules: 19 rows of half blocks, inside 80x24.
    pub fn of(url: &Url) -> Option<Qr> {
        let code = qrcode::QrCode::with_error_correction_level(url.as_str(), qrcode::EcLevel::L).ok()?;
        let inner = code.width();
        let width = inner + 2 * Qr::QUIET;
        let colors = code.to_colors();
        let mut dark = vec![false; width * width];
        for y in 0..inner {
            for x in 0..inner {
                dark[(y + Qr::QUIET) * width + x + Qr::QUIET] = colors[y * inner + x] == qrcode::Color::Dark;
            }
        }
        Some(Qr { width, dark })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Terminal rows the code takes: two modules to a row.
    pub fn rows(&self) -> usize {
        self.width.div_ceil(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_and_the_privacy_center_are_allowed() {
        for link in [
            "https://help.instagram.com/contact/767264225370182",
            "https://www.facebook.com/help/contact/712876720715583",
            "https://help.meta.com/support/privacy",
        ] {
            assert_eq!(allowed(link).map(|url| url.to_string()), Ok(link.to_owned()));
        }
    }

    #[test]
    fn everything_else_is_refused() {
        let cases = [
            ("http://www.facebook.com/help", Refusal::NotHttps),
            ("file:///etc/passwd", Refusal::NotHttps),
            ("javascript:alert(1)", Refusal::NotHttps),
            ("https://user:pw@www.facebook.com/", Refusal::HasUserInfo),
            ("https://www.facebook.com:8443/", Refusal::HasPort),
            (
                "https://facebook.com.evil.example/",
                Refusal::HostNotAllowed("facebook.com.evil.example".into()),
            ),
            ("https://evil.example/?www.facebook.com", Refusal::HostNotAllowed("evil.example".into())),
            ("not a link", Refusal::Unparsable),
            ("https://www.facebook.com/a b", Refusal::Unparsable),
            ("HTTPS://WWW.FACEBOOK.COM/help", Refusal::Unparsable),
        ];
        for (link, refusal) in cases {
            assert_eq!(allowed(link), Err(refusal), "{link}");
        }
    }

    #[test]
    fn copying_writes_one_osc52_sequence_with_the_link() {
        let url = allowed("https://help.meta.com/support/privacy").unwrap();
        let mut out = Vec::new();
        copy(&mut out, &url).unwrap();
        let written = String::from_utf8(out).unwrap();
        assert!(written.starts_with("\x1b]52;c;"), "{written:?}");
        let encoded = written.trim_start_matches("\x1b]52;c;").trim_end_matches(['\x07', '\\', '\x1b']);
        assert_eq!(base64_decode(encoded), url.as_str());
    }

    #[test]
    fn a_form_link_fits_in_37_modules_with_its_quiet_zone() {
        for link in [
            "https://help.instagram.com/contact/767264225370182",
            "https://www.facebook.com/help/contact/712876720715583",
        ] {
            let qr = Qr::of(&allowed(link).unwrap()).unwrap();
            assert_eq!(qr.width, 29 + 2 * Qr::QUIET, "version 3 at level L");
            assert_eq!(qr.rows(), 19);
            assert!(
                (0..qr.width).all(|i| !qr.is_dark(i, 0) && !qr.is_dark(0, i) && !qr.is_dark(i, 3)),
                "quiet zone"
            );
            assert!(qr.is_dark(Qr::QUIET, Qr::QUIET), "finder pattern corner");
        }
    }

    fn base64_decode(text: &str) -> String {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = 0u32;
        let mut count = 0;
        let mut bytes = Vec::new();
        for c in text.bytes().filter(|c| *c != b'=') {
            let value = alphabet.iter().position(|a| *a == c).unwrap() as u32;
            bits = (bits << 6) | value;
            count += 6;
            if count >= 8 {
                count -= 8;
                bytes.push((bits >> count) as u8);
                bits &= (1 << count) - 1;
            }
        }
        String::from_utf8(bytes).unwrap()
    }
}

//! One rule for the dates of an objection, wherever they come from (the command line, the
//! details form, the record file): written YYYY-MM-DD, a real date, not in the future, not
//! before 2024 (when Meta first announced its plans), and a confirmation not before the
//! objection was sent.
//!
//! Typed dates that break the rule are refused. A record file that breaks it is not: the entry
//! is shown with what is wrong ([`problem`]), so that nothing a person kept is refused.

use chrono::NaiveDate;

/// The earliest date an objection can have been sent.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2024, 1, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// Why a date is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written YYYY-MM-DD, or not a real date (2025-02-30); the value as typed, cleaned.
    NotADate(String),
    InTheFuture(NaiveDate),
    TooEarly(NaiveDate),
    /// The confirmation (first) lies before the objection was sent (second).
    ConfirmedBefore(NaiveDate, NaiveDate),
}

/// Reads a date written YYYY-MM-DD, exactly: ten characters, a real day.
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let not_a_date = || DateError::NotADate(crate::text::shown(text, 40));
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return Err(not_a_date());
    }
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|part| part.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err(not_a_date());
    };
    i32::try_from(year).ok().and_then(|year| NaiveDate::from_ymd_opt(year, month, day)).ok_or_else(not_a_date)
}

/// Checks one date against today: not in the future, not before [`EARLIEST`].
pub fn check(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DateError> {
    if date > today {
        return Err(DateError::InTheFuture(date));
    }
    if date < EARLIEST {
        return Err(DateError::TooEarly(date));
    }
    Ok(date)
}

/// Reads and checks a typed date.
pub fn parse_checked(text: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    check(parse(text)?, today)
}

/// Checks that a confirmation does not come before the objection was sent.
pub fn check_pair(submitted: NaiveDate, confirmed: Option<NaiveDate>) -> Result<(), DateError> {
    match confirmed {
        Some(confirmed) if confirmed < submitted => Err(DateError::ConfirmedBefore(confirmed, submitted)),
        _ => Ok(()),
    }
}

/// What is wrong with the dates of an entry as the file holds them, if anything.
pub fn problem(submitted: NaiveDate, confirmed: Option<NaiveDate>, today: NaiveDate) -> Option<DateError> {
    check(submitted, today)
        .err()
        .or_else(|| confirmed.and_then(|confirmed| check(confirmed, today).err()))
        .or_else(|| check_pair(submitted, confirmed).err())
}

/// A date as the file and the command line write it.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn only_real_dates_written_yyyy_mm_dd() {
        assert_eq!(parse("2025-05-20"), Ok(date(2025, 5, 20)));
        for bad in [
            "20-05-2025",
            "2025-02-30",
            "2025-5-20",
            " 2025-05-20",
            "2025-05-20 ",
            "+025-05-20",
            "2025-13-01",
            "",
        ] {
            assert_eq!(parse(bad), Err(DateError::NotADate(crate::text::shown(bad, 40))), "{bad:?}");
        }
        assert_eq!(parse("2025-05-2\u{1b}"), Err(DateError::NotADate("2025-05-2".into())), "shown cleaned");
    }

    #[test]
    fn not_in_the_future_not_before_2024_confirmation_after_sending() {
        let today = date(2026, 12, 1);
        assert_eq!(parse_checked("2026-12-01", today), Ok(today));
        assert_eq!(parse_checked("2026-12-02", today), Err(DateError::InTheFuture(date(2026, 12, 2))));
        assert_eq!(parse_checked("2023-12-31", today), Err(DateError::TooEarly(date(2023, 12, 31))));
        assert_eq!(parse_checked("2024-01-01", today), Ok(EARLIEST));
        let sent = date(2025, 5, 20);
        assert_eq!(check_pair(sent, Some(sent)), Ok(()));
        assert_eq!(
            check_pair(sent, Some(date(2025, 5, 19))),
            Err(DateError::ConfirmedBefore(date(2025, 5, 19), sent))
        );
        assert_eq!(
            problem(sent, Some(date(2025, 5, 19)), today),
            Some(DateError::ConfirmedBefore(date(2025, 5, 19), sent))
        );
        assert_eq!(
            problem(sent, Some(date(2027, 1, 1)), today),
            Some(DateError::InTheFuture(date(2027, 1, 1)))
        );
        assert_eq!(problem(sent, None, today), None);
    }
}

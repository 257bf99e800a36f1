//! What today's date means for the person: days left before Meta starts training, or how long
//! ago it started.

use chrono::NaiveDate;

/// Where today stands against the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Before the deadline: this many days are left (at least 1).
    DaysLeft(i64),
    /// On or after the deadline: it passed this many days ago (0 on the day itself).
    Passed(i64),
}

impl Deadline {
    pub fn on(today: NaiveDate, deadline: NaiveDate) -> Deadline {
        let days = (deadline - today).num_days();
        if days > 0 { Deadline::DaysLeft(days) } else { Deadline::Passed(-days) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const DEADLINE: (i32, u32, u32) = (2025, 5, 27);

    fn on(y: i32, m: u32, d: u32) -> Deadline {
        let (dy, dm, dd) = DEADLINE;
        Deadline::on(date(y, m, d), date(dy, dm, dd))
    }

    #[test]
    fn before_the_deadline_days_are_left() {
        assert_eq!(on(2025, 5, 20), Deadline::DaysLeft(7));
        assert_eq!(on(2025, 4, 24), Deadline::DaysLeft(33));
        assert_eq!(on(2025, 5, 26), Deadline::DaysLeft(1));
    }

    #[test]
    fn from_the_deadline_on_it_has_passed() {
        assert_eq!(on(2025, 5, 27), Deadline::Passed(0));
        assert_eq!(on(2025, 5, 28), Deadline::Passed(1));
        assert_eq!(on(2026, 11, 29), Deadline::Passed(551));
    }

    #[test]
    fn leap_days_count() {
        assert_eq!(on(2028, 5, 27), Deadline::Passed(365 + 366 + 365));
    }
}

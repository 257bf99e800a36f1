//! The record file's format: reading it (the top level, then each entry on its own, so that one
//! entry that cannot be read keeps only itself) and writing it (an entry nobody changed as the
//! file had it, fields this version does not know as they were).

use std::fmt;

use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;

use super::{
    Entry, EntryProblem, Fields, LoadError, MAX_BYTES, OLDEST_VERSION, Objection, Raw, Record, Unreadable,
    VERSION,
};

/// A JSON object's members, each value kept raw. Keys may repeat; the order is the file's.
pub(super) struct Object(Vec<(String, Raw)>);

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut members = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    members.push((key, Raw(value)));
                }
                Ok(Object(members))
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

const PLATFORM: &str = "platform";

const ACCOUNT: &str = "account";

const SUBMITTED_ON: &str = "submitted_on";

const CONFIRMATION_ON: &str = "confirmation_on";

const NOTE: &str = "note";

/// Written only when it holds something, so that an entry sent by the form looks as it did
/// before this field existed.
const BY: &str = "by";

const KNOWN_FIELDS: [&str; 6] = [PLATFORM, ACCOUNT, SUBMITTED_ON, CONFIRMATION_ON, NOTE, BY];

impl Entry {
    /// Reads one entry of the file; what cannot be read is kept as it is, with the reason.
    fn read(raw: Raw) -> Entry {
        match Objection::read(&raw) {
            Ok(objection) => Entry::Objection(Objection { source: Some(raw), ..objection }),
            Err(problem) => Entry::Unreadable(Unreadable { raw, problem }),
        }
    }
}

impl Objection {
    fn read(raw: &Raw) -> Result<Objection, EntryProblem> {
        let mut problem = None;
        let fields = serde_json::Deserializer::from_str(raw.get())
            .deserialize_map(FieldsVisitor { problem: &mut problem })
            .map_err(|_| problem.unwrap_or(EntryProblem::NotAnObject))?;
        let [platform, account, submitted_on, confirmation_on, note, by] = fields.known;
        // Text is cleaned as it is read, for showing; dates are read as strictly as typed ones.
        let text = |value: Option<String>| crate::text::clean_optional(value.as_deref());
        let date = |field: &'static str, value: Option<String>| -> Result<Option<NaiveDate>, EntryProblem> {
            value
                .map(|text| {
                    crate::dates::parse(&text)
                        .map_err(|_| EntryProblem::NotADate(field, crate::text::shown(&text, 40)))
                })
                .transpose()
        };
        Ok(Objection {
            platform: text(platform).ok_or(EntryProblem::Missing(PLATFORM))?,
            account: text(account),
            submitted_on: date(SUBMITTED_ON, submitted_on)?.ok_or(EntryProblem::Missing(SUBMITTED_ON))?,
            confirmation_on: date(CONFIRMATION_ON, confirmation_on)?,
            note: text(note),
            by: text(by),
            extra: fields.extra,
            source: None,
        })
    }
}

/// An entry's fields as the file holds them: the known ones as text (or null), the others raw.
struct EntryFields {
    known: [Option<String>; 6],
    extra: Fields,
}

/// Reads an entry in one pass. What makes it unreadable is left in `problem` (the parser's own
/// error says only where it stopped).
struct FieldsVisitor<'a> {
    problem: &'a mut Option<EntryProblem>,
}

impl<'de> Visitor<'de> for FieldsVisitor<'_> {
    type Value = EntryFields;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EntryFields, A::Error> {
        let mut known: [Option<Option<String>>; 6] = Default::default();
        let mut extra = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match KNOWN_FIELDS.iter().position(|field| *field == key) {
                Some(index) if known[index].is_some() => {
                    *self.problem = Some(EntryProblem::Twice(KNOWN_FIELDS[index]));
                    return Err(serde::de::Error::custom("twice"));
                }
                Some(index) => match map.next_value::<Option<String>>() {
                    Ok(value) => known[index] = Some(value),
                    Err(error) => {
                        *self.problem = Some(EntryProblem::WrongType(KNOWN_FIELDS[index]));
                        return Err(error);
                    }
                },
                None => extra.push((key, Raw(map.next_value::<Box<RawValue>>()?))),
            }
        }
        Ok(EntryFields { known: known.map(Option::flatten), extra: Fields(extra) })
    }
}

impl Objection {
    /// The known fields as this version writes them, in the order of [`KNOWN_FIELDS`].
    fn known_values(&self) -> [Option<String>; 6] {
        let iso = crate::dates::iso;
        [
            Some(self.platform.clone()),
            self.account.clone(),
            Some(iso(self.submitted_on)),
            self.confirmation_on.map(iso),
            self.note.clone(),
            self.by.clone(),
        ]
    }
}

impl Serialize for Objection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let values = self.known_values();
        // A field nobody changed since it was read keeps the file's own spelling of it (a note's
        // line breaks, an empty account); a whole entry nobody changed is written as it was.
        let mut kept: [Option<Raw>; 6] = Default::default();
        if let Some(source) = &self.source
            && let Ok(read) = Objection::read(source)
        {
            if read == *self {
                return source.serialize(serializer);
            }
            let before = read.known_values();
            let Object(members) = serde_json::from_str(source.get()).map_err(serde::ser::Error::custom)?;
            for (key, raw) in members {
                if let Some(index) = KNOWN_FIELDS.iter().position(|field| *field == key)
                    && before[index] == values[index]
                {
                    kept[index] = Some(raw);
                }
            }
        }
        // `by` is left out while it holds nothing and the file did not write it.
        let written =
            |index: usize| KNOWN_FIELDS[index] != BY || values[index].is_some() || kept[index].is_some();
        let count = (0..KNOWN_FIELDS.len()).filter(|index| written(*index)).count();
        let mut map = serializer.serialize_map(Some(count + self.extra.len()))?;
        for (index, ((field, value), kept)) in KNOWN_FIELDS.iter().zip(&values).zip(&kept).enumerate() {
            match kept {
                Some(raw) => map.serialize_entry(field, raw)?,
                None if written(index) => map.serialize_entry(field, value)?,
                None => {}
            }
        }
        for (key, value) in &self.extra.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Entry::Objection(objection) => objection.serialize(serializer),
            Entry::Unreadable(unreadable) => unreadable.raw.serialize(serializer),
        }
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2 + self.extra.len()))?;
        map.serialize_entry("version", &self.version)?;
        map.serialize_entry("objections", &self.entries)?;
        for (key, value) in &self.extra.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Parses the bytes of a record file.
pub fn parse(bytes: &[u8]) -> Result<Record, LoadError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    // The parser's message may quote the file (a field name): it is cleaned like any text
    // from the file before anyone sees it.
    let corrupt = |error: serde_json::Error| LoadError::Corrupt(crate::text::shown(&error.to_string(), 200));
    let Object(members) = serde_json::from_slice(bytes).map_err(corrupt)?;
    let mut version = None;
    let mut objections = None;
    let mut extra = Vec::new();
    for (key, value) in members {
        let slot = match key.as_str() {
            "version" => &mut version,
            "objections" => &mut objections,
            _ => {
                extra.push((key, value));
                continue;
            }
        };
        if slot.is_some() {
            return Err(LoadError::Corrupt(format!("\"{key}\" twice")));
        }
        *slot = Some(value);
    }
    // The version first, so that a newer format is recognised even where it differs.
    let version: u64 =
        version.ok_or_else(|| LoadError::Corrupt("no \"version\"".into()))?.parse().map_err(corrupt)?;
    if version > VERSION {
        return Err(LoadError::FutureVersion(version));
    }
    if version < OLDEST_VERSION {
        return Err(LoadError::Corrupt(format!("version {version}")));
    }
    let objections: Vec<Box<RawValue>> =
        objections.ok_or_else(|| LoadError::Corrupt("no \"objections\"".into()))?.parse().map_err(corrupt)?;
    let entries = objections.into_iter().map(|raw| Entry::read(Raw(raw))).collect();
    Ok(Record { version, entries, extra: Fields(extra) })
}

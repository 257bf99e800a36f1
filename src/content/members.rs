//! Reading the larger structs of texts by name, field by field, without serde's derive.
//!
//! The derive writes, for every struct, a visitor with code of its own for each field; for
//! structs of dozens of texts, each read once at start, that code weighs far more in the binary
//! than it is worth (the command line's and the letter's texts alone took over 100 KiB). The
//! [`texts!`] macro gives such a struct a `Deserialize` that reads the JSON object into a map and
//! takes each field out by its name, through code shared by every field of a type. What the
//! derive with `deny_unknown_fields` refuses is refused here too: a missing field, an unknown
//! one, a value of the wrong type. (A field written twice keeps its last value; the tests read
//! both files, which a JSON writer never writes so.)

use std::collections::BTreeMap;

use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error};
use serde_json::Value;

/// A JSON object's members, taken out one by one.
pub struct Members(BTreeMap<String, Value>);

impl Members {
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Members, D::Error> {
        BTreeMap::deserialize(deserializer).map(Members)
    }

    /// The field `name`, which must be there and hold a `T`.
    pub fn take<T: DeserializeOwned, E: Error>(&mut self, name: &'static str) -> Result<T, E> {
        let value = self.0.remove(name).ok_or_else(|| E::missing_field(name))?;
        T::deserialize(value).map_err(|error| E::custom(format_args!("`{name}`: {error}")))
    }

    /// Succeeds when every member was taken: none is unknown.
    pub fn finish<E: Error>(self) -> Result<(), E> {
        match self.0.into_keys().next() {
            Some(name) => Err(E::custom(format_args!("unknown field `{name}`"))),
            None => Ok(()),
        }
    }
}

/// Declares a struct of texts (with `Debug`) that reads from a JSON object through
/// [`Members`]: every field must be there, no other may be. Field attributes other than
/// documentation have no effect, `#[serde(...)]` among them.
macro_rules! texts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $type:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $type ),*
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                let mut members = $crate::content::members::Members::read(deserializer)?;
                let texts = $name { $( $field: members.take(stringify!($field))? ),* };
                members.finish()?;
                Ok(texts)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    texts! {
        /// Two texts, for the tests.
        pub struct Two {
            pub one: String,
            /// With a document comment.
            pub two: Vec<String>,
        }
    }

    #[test]
    fn every_field_and_no_other_of_the_right_type() {
        let two: Two = serde_json::from_str(r#"{"two": ["b"], "one": "a"}"#).unwrap();
        assert_eq!((two.one.as_str(), two.two.as_slice()), ("a", &["b".to_owned()][..]));
        let error = |json: &str| serde_json::from_str::<Two>(json).unwrap_err().to_string();
        assert!(error(r#"{"one": "a"}"#).contains("missing field `two`"));
        assert!(error(r#"{"one": "a", "two": [], "three": 3}"#).contains("unknown field `three`"));
        assert!(error(r#"{"one": 1, "two": []}"#).contains("`one`"));
        assert!(error(r#"["a", []]"#).contains("map"), "only an object");
    }
}

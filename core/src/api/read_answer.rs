//! Reading one of the API's own answers (its configuration, a created room) from a
//! parsed `Value`, with what is wrong as a [`FetchError::Unreadable`] that names the
//! member; and the serde `Deserialize` that is the same reader.

use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::Value;

use crate::read::value::{At, Invalid, Problem, Read};
use crate::read::{self, with_article, ParseError};
use crate::FetchError;

/// Reads an answer by `read`.
pub(crate) fn read_answer<T>(
    json: &[u8],
    read: fn(&Value, &At) -> Read<T>,
) -> Result<T, FetchError> {
    match read::parse(json) {
        Ok(value) => read(&value, &At::Root).map_err(unreadable),
        Err(ParseError::NotJson | ParseError::TooDeep) => {
            Err(FetchError::Unreadable("it is not JSON".to_owned()))
        }
    }
}

/// The serde `Deserialize` of an answer read by `read`.
pub(crate) fn deserialize_answer<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    read: fn(&Value, &At) -> Read<T>,
) -> Result<T, D::Error> {
    let value = Value::deserialize(deserializer)?;
    read(&value, &At::Root).map_err(|invalid| D::Error::custom(unreadable(invalid)))
}

/// What is wrong, as the reason of a [`FetchError::Unreadable`].
fn unreadable(Invalid { path, problem }: Invalid) -> FetchError {
    FetchError::Unreadable(match problem {
        Problem::Missing(member) if path.is_empty() => format!("it has no \"{member}\""),
        Problem::Missing(member) => format!("it has no \"{path}.{member}\""),
        Problem::WrongType { expected, found } if path.is_empty() => {
            format!("it is a JSON {found}, not {expected}")
        }
        Problem::WrongType { expected, found } => {
            format!("its \"{path}\" is {}, not {expected}", with_article(found))
        }
        Problem::BadValue { expected } => format!("its \"{path}\" is not {expected}"),
        Problem::Refused(message) => format!("its \"{path}\": {message}"),
    })
}

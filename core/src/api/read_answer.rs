//! Reading one of the API's own answers (its configuration, a created room): serde,
//! with what is wrong as a [`FetchError::Unreadable`] that names the member.

use serde::de::DeserializeOwned;

use crate::read::typed::{self, Invalid, Object, Problem, Refusal};
use crate::read::with_article;
use crate::FetchError;

/// Reads an answer that must be a JSON object of type `T`.
pub(crate) fn read_answer<T: DeserializeOwned>(json: &[u8]) -> Result<T, FetchError> {
    match typed::from_json::<Object<T>>(json) {
        Ok(Object(answer)) => Ok(answer),
        Err(Refusal::Parse(_)) => Err(unreadable("it is not JSON".to_owned())),
        Err(Refusal::Invalid(Invalid { path, problem })) => Err(unreadable(match problem {
            Problem::Missing(member) if path.is_empty() => format!("it has no \"{member}\""),
            Problem::Missing(member) => format!("it has no \"{path}.{member}\""),
            Problem::WrongType { expected, found } if path.is_empty() => {
                format!("it is a JSON {found}, not {expected}")
            }
            Problem::WrongType { expected, found } => {
                format!("its \"{path}\" is {}, not {expected}", with_article(found))
            }
            Problem::BadValue { expected } => format!("its \"{path}\" is not {expected}"),
            Problem::Other(message) if path.is_empty() => message,
            Problem::Other(message) => format!("its \"{path}\": {message}"),
        })),
    }
}

fn unreadable(why: String) -> FetchError {
    FetchError::Unreadable(why)
}

//! The small readers for members whose JSON type drifts between APIs: [`Text`] (ids
//! that come as numbers) and [`Count`] (sizes and durations that come as numeric
//! strings), [`ListOrObject`] (a list answer sent bare), and [`first`], which picks
//! among the names a member goes by.
//!
//! A member that goes by several names is a field per name in a model's private
//! "wire" struct rather than a serde `alias`: serde refuses an object that carries two
//! names of one member (`{"recordings": [...], "recording_files": null}`), which
//! drifting APIs send. The first name present and not `null` wins.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserializer, Error, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;

/// Text: a string, or a whole number written as text (ids sometimes come as numbers).
#[derive(Debug)]
pub(super) struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor).map(Text)
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<String, E> {
        Ok(n.to_string())
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<String, E> {
        Ok(n.to_string())
    }

    fn visit_f64<E: Error>(self, n: f64) -> Result<String, E> {
        if n.fract() == 0.0 && n.abs() < 9e15 {
            Ok((n as i64).to_string())
        } else {
            Err(E::invalid_type(Unexpected::Float(n), &self))
        }
    }
}

/// A count (bytes, seconds): a non-negative number (a fraction is dropped) or a string
/// of digits.
#[derive(Debug)]
pub(super) struct Count(pub u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CountVisitor).map(Count)
    }
}

struct CountVisitor;

impl Visitor<'_> for CountVisitor {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a non-negative number")
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<u64, E> {
        Ok(n)
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<u64, E> {
        u64::try_from(n).map_err(|_| E::invalid_type(Unexpected::Signed(n), &self))
    }

    fn visit_f64<E: Error>(self, n: f64) -> Result<u64, E> {
        if (0.0..1.8e19).contains(&n) {
            Ok(n as u64)
        } else {
            Err(E::invalid_type(Unexpected::Float(n), &self))
        }
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<u64, E> {
        text.trim()
            .parse()
            .map_err(|_| E::invalid_type(Unexpected::Str(text), &self))
    }
}

/// The first of a member's names that is present (and not `null`).
pub(super) fn first<T, const N: usize>(names: [Option<T>; N]) -> Option<T> {
    names.into_iter().flatten().next()
}

/// The first of a member's names that is present, as text.
pub(super) fn first_text<const N: usize>(names: [Option<Text>; N]) -> Option<String> {
    first(names).map(|Text(text)| text)
}

/// The first of a member's names that is present, as a count.
pub(super) fn first_count<const N: usize>(names: [Option<Count>; N]) -> Option<u64> {
    first(names).map(|Count(n)| n)
}

/// A list answer: a bare JSON array of `T`, or an object read as `W` (its wire struct).
pub(super) enum ListOrObject<T, W> {
    /// The entries themselves.
    List(Vec<T>),
    /// An object holding them (and totals).
    Object(W),
}

impl<'de, T: Deserialize<'de>, W: Deserialize<'de>> Deserialize<'de> for ListOrObject<T, W> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListOrObjectVisitor(PhantomData))
    }
}

struct ListOrObjectVisitor<T, W>(PhantomData<fn() -> (T, W)>);

impl<'de, T: Deserialize<'de>, W: Deserialize<'de>> Visitor<'de> for ListOrObjectVisitor<T, W> {
    type Value = ListOrObject<T, W>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Vec::deserialize(SeqAccessDeserializer::new(seq)).map(ListOrObject::List)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        W::deserialize(MapAccessDeserializer::new(map)).map(ListOrObject::Object)
    }
}

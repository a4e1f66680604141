//! The JSON writer behind `--format json`: serde_json's pretty layout (two
//! spaces a level), byte for byte, written by a serializer of our own
//! straight into a `String`. serde_json escapes every string, keys included,
//! through a byte loop and three writes, and its output is bytes to be
//! checked as UTF-8 again; here a string is reserved once and scanned eight
//! bytes at a time for the bytes JSON escapes (`"`, `\` and those below
//! 0x20), which almost no key, code or name holds, and a field's separator,
//! indentation and key go out together. Numbers are serde_json's own (its
//! [`Formatter`]'s). Tests hold the output to `serde_json::to_string_pretty`
//! over every shape serde has.

use serde::ser::{self, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};
use std::fmt::Display;

/// A serialisation error (a value that JSON cannot hold, such as a map key
/// that is not a string): the words serde_json gives for it.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn io(e: std::io::Error) -> Error {
    Error(e.to_string())
}

fn key_must_be_a_string() -> Error {
    Error("key must be a string".into())
}

/// Writes pretty JSON into `out`, nested `indent` levels deep to begin with
/// (a value written on its own nests as it would in a whole document).
pub struct Pretty<'o> {
    out: &'o mut String,
    indent: usize,
    /// Whether the array or object being written has a value yet.
    has_value: bool,
    /// Where a number is formatted before it joins `out`.
    number: Vec<u8>,
    /// Where `out` goes once it holds [`SPILL_AT`] bytes, between two items
    /// (a long array is then never held whole), and its first error.
    spill: Option<Spill<'o>>,
    spilled: Option<std::io::Error>,
}

/// Where a spilling writer passes its text on.
pub type Spill<'o> = &'o mut dyn FnMut(&str) -> std::io::Result<()>;

/// How much a spilling writer holds before it passes the text on.
const SPILL_AT: usize = 64 * 1024;

impl<'o> Pretty<'o> {
    pub fn new(out: &'o mut String, indent: usize) -> Self {
        Pretty {
            out,
            indent,
            has_value: false,
            number: Vec::new(),
            spill: None,
            spilled: None,
        }
    }

    /// A writer that passes its text to `spill` as it goes, at least
    /// [`SPILL_AT`] bytes at a time; what is left at the end stays in `out`.
    pub fn spilling(out: &'o mut String, indent: usize, spill: Spill<'o>) -> Self {
        Pretty {
            spill: Some(spill),
            ..Pretty::new(out, indent)
        }
    }

    /// The first error of passing the text on, if there was one.
    pub fn spill_error(&mut self) -> Option<std::io::Error> {
        self.spilled.take()
    }

    fn maybe_spill(&mut self) {
        if self.out.len() < SPILL_AT || self.spilled.is_some() {
            return;
        }
        if let Some(spill) = self.spill.as_mut() {
            match spill(self.out) {
                Ok(()) => self.out.clear(),
                Err(e) => self.spilled = Some(e),
            }
        }
    }

    fn pad(&mut self) {
        const SPACES: &str = "                                                                ";
        let mut n = self.indent * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            self.out.push_str(&SPACES[..k]);
            n -= k;
        }
    }

    fn open(&mut self, c: char) {
        self.indent += 1;
        self.has_value = false;
        self.out.push(c);
    }

    fn close(&mut self, c: char) {
        self.indent -= 1;
        if self.has_value {
            self.out.push('\n');
            self.pad();
        }
        self.out.push(c);
    }

    /// Before an array's value or an object's key: the separator and the
    /// indentation, in one piece up to 32 levels deep.
    fn item(&mut self, first: bool) {
        if self.spill.is_some() {
            self.maybe_spill();
        }
        let end = 2 + self.indent * 2;
        match LEAD.get(usize::from(first)..end) {
            Some(lead) => self.out.push_str(lead),
            None => {
                self.out.push_str(if first { "\n" } else { ",\n" });
                self.pad();
            }
        }
    }

    /// A number (or `true`, `false`, `null`) as serde_json formats it.
    fn scalar(
        &mut self,
        write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        self.number.clear();
        write(&mut CompactFormatter, &mut self.number).map_err(io)?;
        // Digits, signs, points and letters: always UTF-8.
        let text = std::str::from_utf8(&self.number).map_err(|e| Error(e.to_string()))?;
        self.out.push_str(text);
        Ok(())
    }
}

/// A whole number's digits, as serde_json (itoa) writes them.
fn push_whole(out: &mut String, v: u64) {
    let mut digits = [0u8; 20];
    for &d in crate::assess::score::decimal_digits(v, &mut digits) {
        out.push(char::from(d));
    }
}

/// A float that is a whole number of hundredths below 10⁹ in magnitude (the
/// scores, totals and shares citystar writes), as serde_json (ryu) writes
/// it: `82.27`, `82.2`, `60.0`, `-0.0`. Such a float is the one nearest to
/// k/100, and no decimal with fewer digits is as near (they are 0.01 apart,
/// the floats there less than 10⁻⁶), so k/100 without trailing zeros is the
/// shortest form ryu gives. False, writing nothing, for any other float.
fn push_cents(out: &mut String, v: f64) -> bool {
    if v.is_nan() || v.abs() >= 1e9 {
        return false;
    }
    let y = v * 100.0;
    let k = (if y < 0.0 { y - 0.5 } else { y + 0.5 }) as i64;
    if k as f64 / 100.0 != v {
        return false;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    let k = k.unsigned_abs();
    push_whole(out, k / 100);
    out.push('.');
    let f = (k % 100) as u8;
    out.push(char::from(b'0' + f / 10));
    if !f.is_multiple_of(10) {
        out.push(char::from(b'0' + f % 10));
    }
    true
}

/// A comma, a newline and 32 levels of indentation: [`Pretty::item`]'s
/// piece is a slice of it (from the newline for an object's first key).
const LEAD: &str = concat!(
    ",\n",
    "                                                                "
);

/// What JSON writes for a byte of a string: 0 for the byte itself, else the
/// letter after the backslash (`u` for `\u00XX`). serde_json's table.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Whether any of eight bytes is one JSON escapes. May say yes for a byte
/// after one that is (the borrow of the subtraction), never no wrongly.
fn may_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = w ^ (ONES * b'"' as u64);
    let backslash = w ^ (ONES * b'\\' as u64);
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    (below_space | zero(quote) | zero(backslash)) & HIGH != 0
}

/// Whether JSON escapes any byte of `bytes`: eight bytes at a time (the
/// last eight overlapping those before them), or one at a time below eight.
fn needs_escape(bytes: &[u8]) -> bool {
    let word = |c: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        u64::from_le_bytes(w)
    };
    match bytes.len().checked_sub(8) {
        None => bytes.iter().any(|&b| ESCAPE[b as usize] != 0),
        Some(last) => {
            bytes.chunks_exact(8).any(|c| may_escape(word(c))) || may_escape(word(&bytes[last..]))
        }
    }
}

/// `s` as a JSON string, quotes included: serde_json's escapes.
fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    if needs_escape(s.as_bytes()) {
        write_escaped(out, s);
    } else {
        out.push_str(s);
    }
    out.push('"');
}

/// The text of a string that holds something to escape, escaped.
fn write_escaped(out: &mut String, s: &str) {
    // The run written as it is since the last escape (escaped bytes are
    // ASCII, so the runs end on character boundaries).
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let e = ESCAPE[b as usize];
        if e == 0 {
            continue;
        }
        out.push_str(&s[start..i]);
        out.push('\\');
        if e == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("u00");
            out.push(char::from(HEX[(b >> 4) as usize]));
            out.push(char::from(HEX[(b & 0xf) as usize]));
        } else {
            out.push(char::from(e));
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

impl Pretty<'_> {
    /// `{"variant": ` before the value of a variant that carries one.
    fn open_variant(&mut self, variant: &str) {
        self.open('{');
        self.item(true);
        write_str(self.out, variant);
        self.out.push_str(": ");
    }

    fn close_variant(&mut self) {
        self.has_value = true;
        self.close('}');
    }
}

#[derive(PartialEq)]
enum State {
    Empty,
    First,
    Rest,
}

/// A sequence, map or struct being written; `variant` when it is the
/// content of an enum variant (`{"variant": …}` to close).
pub struct Compound<'a, 'o> {
    ser: &'a mut Pretty<'o>,
    state: State,
    variant: bool,
}

impl<'a, 'o> Pretty<'o> {
    fn seq(&'a mut self, len: Option<usize>, variant: bool) -> Compound<'a, 'o> {
        self.open('[');
        let state = if len == Some(0) {
            self.close(']');
            State::Empty
        } else {
            State::First
        };
        Compound {
            ser: self,
            state,
            variant,
        }
    }

    fn map(&'a mut self, len: Option<usize>, variant: bool) -> Compound<'a, 'o> {
        self.open('{');
        let state = if len == Some(0) {
            self.close('}');
            State::Empty
        } else {
            State::First
        };
        Compound {
            ser: self,
            state,
            variant,
        }
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Pretty<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.scalar(|f, w| f.write_i8(w, v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.scalar(|f, w| f.write_i16(w, v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.scalar(|f, w| f.write_i32(w, v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.scalar(|f, w| f.write_i64(w, v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.scalar(|f, w| f.write_i128(w, v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        push_whole(self.out, v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        push_whole(self.out, v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        push_whole(self.out, v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        push_whole(self.out, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.scalar(|f, w| f.write_u128(w, v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        if v.is_finite() {
            self.scalar(|f, w| f.write_f32(w, v))
        } else {
            self.scalar(|f, w| f.write_null(w))
        }
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if push_cents(self.out, v) {
            Ok(())
        } else if v.is_finite() {
            self.scalar(|f, w| f.write_f64(w, v))
        } else {
            self.scalar(|f, w| f.write_null(w))
        }
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.seq(Some(v.len()), false);
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        v.serialize(&mut *self)?;
        self.close_variant();
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(self.seq(len, false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        Ok(self.seq(Some(len), false))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Ok(self.seq(Some(len), false))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        self.open_variant(variant);
        Ok(self.seq(Some(len), true))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(self.map(len, false))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Ok(self.map(Some(len), false))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        self.open_variant(variant);
        Ok(self.map(Some(len), true))
    }
}

impl Compound<'_, '_> {
    fn element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.ser.item(self.state == State::First);
        self.state = State::Rest;
        v.serialize(&mut *self.ser)?;
        self.ser.has_value = true;
        Ok(())
    }

    fn end_seq(self) -> Result<(), Error> {
        if self.state != State::Empty {
            self.ser.close(']');
        }
        if self.variant {
            self.ser.close_variant();
        }
        Ok(())
    }

    fn key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Error> {
        self.ser.item(self.state == State::First);
        self.state = State::Rest;
        k.serialize(MapKey {
            ser: &mut *self.ser,
        })
    }

    fn value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.ser.out.push_str(": ");
        v.serialize(&mut *self.ser)?;
        self.ser.has_value = true;
        Ok(())
    }

    /// A struct's field: the separator, the indentation and the key at once.
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        let ser = &mut *self.ser;
        ser.out.reserve(2 + ser.indent * 2 + key.len() + 4);
        ser.item(self.state == State::First);
        self.state = State::Rest;
        if needs_escape(key.as_bytes()) {
            write_str(ser.out, key);
            ser.out.push_str(": ");
        } else {
            ser.out.push('"');
            ser.out.push_str(key);
            ser.out.push_str("\": ");
        }
        v.serialize(&mut *self.ser)?;
        self.ser.has_value = true;
        Ok(())
    }

    fn end_map(self) -> Result<(), Error> {
        if self.state != State::Empty {
            self.ser.close('}');
        }
        if self.variant {
            self.ser.close_variant();
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_seq()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_seq()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_seq()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_seq()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Error> {
        self.key(k)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.value(v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_map()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_map()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Result<(), Error> {
        self.end_map()
    }
}

/// A map's key: serde_json writes strings as they are and numbers, booleans
/// and characters as strings; anything else is an error.
struct MapKey<'a, 'o> {
    ser: &'a mut Pretty<'o>,
}

impl MapKey<'_, '_> {
    /// A key that is not a string in Rust, written inside quotes.
    fn quoted(
        self,
        write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        self.ser.out.push('"');
        self.ser.scalar(write)?;
        self.ser.out.push('"');
        Ok(())
    }
}

impl ser::Serializer for MapKey<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.ser.out, v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(|f, w| f.write_bool(w, v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.quoted(|f, w| f.write_i8(w, v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.quoted(|f, w| f.write_i16(w, v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.quoted(|f, w| f.write_i32(w, v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.quoted(|f, w| f.write_i64(w, v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.quoted(|f, w| f.write_i128(w, v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.quoted(|f, w| f.write_u8(w, v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.quoted(|f, w| f.write_u16(w, v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.quoted(|f, w| f.write_u32(w, v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.quoted(|f, w| f.write_u64(w, v))
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.quoted(|f, w| f.write_u128(w, v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error("float key must be finite (got NaN or +/-inf)".into()));
        }
        self.quoted(|f, w| f.write_f32(w, v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error("float key must be finite (got NaN or +/-inf)".into()));
        }
        self.quoted(|f, w| f.write_f64(w, v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _v: &T) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _v: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::Pretty;
    use serde::Serialize;

    fn ours<T: Serialize>(v: &T) -> String {
        let mut out = String::new();
        v.serialize(&mut Pretty::new(&mut out, 0)).unwrap();
        out
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("中文 ★ \u{7f} é \\\" end");
        let mut cases: Vec<String> = vec![String::new(), all.clone()];
        // Every escaped byte at every position of an eight-byte word and past it.
        for b in (0u8..0x20).chain([b'"', b'\\', b'a', 0x7f]) {
            for at in 0..18 {
                let mut s: String = "abcdefghijklmnopq".chars().take(at).collect();
                s.push(char::from(b));
                s.push_str("xyz中");
                cases.push(s);
            }
        }
        for s in &cases {
            assert_eq!(ours(s), serde_json::to_string_pretty(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_shape_lays_out_as_serde_json_does() {
        #[derive(Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(i32, f64),
            Struct { a: Vec<u8>, b: Option<f32> },
        }
        #[derive(Serialize)]
        struct Unit;
        #[derive(Serialize)]
        struct Newtype(String);
        #[derive(Serialize)]
        struct TupleStruct(u8, char);
        #[derive(Serialize)]
        struct Empty {}
        #[derive(Serialize)]
        struct All {
            t: bool,
            i: (i8, i16, i32, i64, i128),
            u: (u8, u16, u32, u64, u128),
            f: (f32, f64, f64, f64, f64),
            c: char,
            unit: (),
            unit_struct: Unit,
            newtype: Newtype,
            tuple_struct: TupleStruct,
            empty: Empty,
            none: Option<u8>,
            some: Option<&'static str>,
            empty_vec: Vec<u8>,
            empty_map: std::collections::BTreeMap<String, u8>,
            nested: Vec<Vec<Vec<u8>>>,
            enums: Vec<E>,
            string_keys: std::collections::BTreeMap<&'static str, E>,
            int_keys: std::collections::BTreeMap<i32, ()>,
            bool_keys: std::collections::BTreeMap<bool, u8>,
            char_keys: std::collections::BTreeMap<char, u8>,
            float_keys: Vec<(f64, u8)>,
            array: [usize; 6],
        }
        let v = All {
            t: true,
            i: (-8, -16, -32, i64::MIN, i128::MIN),
            u: (8, 16, 32, u64::MAX, u128::MAX),
            f: (1.5, 0.1, f64::NAN, f64::INFINITY, -0.0),
            c: '"',
            unit: (),
            unit_struct: Unit,
            newtype: Newtype("n\n".into()),
            tuple_struct: TupleStruct(1, '中'),
            empty: Empty {},
            none: None,
            some: Some("s"),
            empty_vec: vec![],
            empty_map: Default::default(),
            nested: vec![vec![], vec![vec![1, 2]]],
            enums: vec![
                E::Unit,
                E::New(3),
                E::Tuple(-1, 2.25),
                E::Struct {
                    a: vec![],
                    b: Some(1e-7),
                },
                E::Struct {
                    a: vec![1],
                    b: None,
                },
            ],
            string_keys: [("x", E::Unit), ("y\t", E::New(0))].into(),
            int_keys: [(-1, ()), (7, ())].into(),
            bool_keys: [(false, 0), (true, 1)].into(),
            char_keys: [('k', 1)].into(),
            float_keys: vec![(0.5, 1)],
            array: [0, 1, 2, 3, 4, 5],
        };
        assert_eq!(ours(&v), serde_json::to_string_pretty(&v).unwrap());
        let float_map: std::collections::HashMap<String, f64> = [("a".into(), 2.0)].into();
        assert_eq!(
            ours(&float_map),
            serde_json::to_string_pretty(&float_map).unwrap()
        );
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut floats: Vec<f64> = vec![
            0.0,
            -0.0,
            1e9,
            -1e9,
            999_999_999.99,
            -999_999_999.99,
            1e-7,
            0.005,
            0.015,
            0.1 + 0.2,
            1.0 / 3.0,
            2.5e-5,
            1e15,
            1e16,
            123_456_789.125,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ];
        // Every hundredth to ±2,000 and around larger magnitudes, and their neighbours.
        for k in -200_000i64..=200_000 {
            floats.push(k as f64 / 100.0);
        }
        for e in 0..=9 {
            let m = 10f64.powi(e);
            for k in -300i64..=300 {
                floats.push(m + k as f64 / 100.0);
                floats.push(-m + k as f64 / 1000.0);
            }
        }
        let near: Vec<f64> = floats
            .iter()
            .flat_map(|&v| {
                let b = v.to_bits();
                [
                    f64::from_bits(b.wrapping_add(1)),
                    f64::from_bits(b.wrapping_sub(1)),
                ]
            })
            .collect();
        floats.extend(near);
        // A fixed sequence of arbitrary bit patterns.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            floats.push(f64::from_bits(x));
        }
        for v in floats {
            assert_eq!(ours(&v), serde_json::to_string_pretty(&v).unwrap(), "{v:?}");
        }
        let wholes: Vec<u64> = (0..=10_000)
            .chain([u64::MAX, u64::MAX - 1, 1 << 32, 99_999_999_999])
            .collect();
        for v in wholes {
            assert_eq!(ours(&v), serde_json::to_string_pretty(&v).unwrap());
        }
        for v in [0u8, 9, 10, 99, 100, 255] {
            assert_eq!(ours(&v), v.to_string());
        }
        for v in [0u32, 7, u32::MAX] {
            assert_eq!(ours(&v), v.to_string());
        }
        for v in [0u16, 65_535] {
            assert_eq!(ours(&v), v.to_string());
        }
        assert_eq!(ours(&true), "true");
        assert_eq!(ours(&false), "false");
        assert_eq!(ours(&()), "null");
        assert_eq!(ours(&None::<u8>), "null");
    }

    #[test]
    fn keys_that_are_not_strings_fail_as_in_serde_json() {
        let v: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        let mut out = String::new();
        let ours = v.serialize(&mut Pretty::new(&mut out, 0)).unwrap_err();
        let theirs = serde_json::to_string_pretty(&v).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string());
    }
}

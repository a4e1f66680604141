//! The output language as a render context. Results (`Assessment`, its plan,
//! rating and gaps) hold codes, numbers and the standard's names in both
//! languages; they are put into words when they are rendered. Serialising a
//! result writes the words of the language a renderer chose with
//! [`serialize_in`] (the JSON document does so for its `lang`).

use crate::Lang;
use crate::diag::Text;
use serde::{Serialize, Serializer};
use std::cell::Cell;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Run `f` with `lang` as the language results serialise their words in.
pub fn serialize_in<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    /// Puts the language back even when `f` unwinds.
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            LANG.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(LANG.with(|l| l.replace(lang)));
    f()
}

/// The language results serialise in now (English outside [`serialize_in`]).
pub fn current() -> Lang {
    LANG.with(Cell::get)
}

/// A value serialised in one language: `Localized(Lang::Zh, &assessment)`.
pub struct Localized<'a, T: ?Sized>(pub Lang, pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Localized<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_in(self.0, || self.1.serialize(s))
    }
}

/// Something a renderer puts into words in the reader's language.
pub trait Words {
    /// Append the words in `lang` to `out`.
    fn write(&self, lang: Lang, out: &mut String);

    /// The words in `lang`.
    fn words(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write(lang, &mut out);
        out
    }
}

impl Words for Text {
    fn write(&self, lang: Lang, out: &mut String) {
        out.push_str(self.get(lang));
    }

    fn words(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
}

/// `#[serde(serialize_with = "locale::words")]`: a field written as its
/// words in the current language.
pub fn words<T: Words, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.words(current()))
}

/// [`words`] for an optional field (`null` when absent).
pub fn words_opt<T: Words, S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_str(&v.words(current())),
        None => s.serialize_none(),
    }
}

/// [`words`] for a list.
pub fn words_list<T: Words, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
    let lang = current();
    s.collect_seq(v.iter().map(|x| x.words(lang)))
}

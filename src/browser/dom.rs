//! A few DOM calls for views that are rebuilt as a whole from data (the history
//! lists): elements with a class and text, appended in order. Text is only ever set as
//! text (`textContent`), never parsed as HTML.
//!
//! Why not `view!`: every distinct Leptos view type and reactive closure is compiled
//! into the wasm bundle; the history lists written as views cost 10 to 13 KB gzip
//! more (measured on the demo page with scripts/size-report.sh).

use web_sys::{Document, Element};

/// Appends a new `<tag class=class>` to `parent` (`None` only for an invalid tag name).
pub(crate) fn child(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

/// Appends a new `<tag class=class>text</tag>` to `parent`.
pub(crate) fn text_child(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<Element> {
    let element = child(document, parent, tag, class)?;
    element.set_text_content(Some(text));
    Some(element)
}

/// Sets an attribute (attribute names here are literals, so this cannot fail).
pub(crate) fn attr(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Removes every child of `element`.
pub(crate) fn clear(element: &Element) {
    element.set_text_content(None);
}

/// The page's document.
pub(crate) fn document() -> Option<Document> {
    web_sys::window()?.document()
}

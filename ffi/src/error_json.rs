//! A `soothe::Error` as JSON, the one shape every binding gives its host (the C ABI's
//! `soothe_last_error_json`, the npm package's `SootheError`, the Python package's
//! `SootheError` and `evaluate_many`'s error entries):
//!
//! ```json
//! {"kind": "unknown_id", "message": "profile: symptoms[0].location: unknown location `calff`; did you mean `calf`?",
//!  "field": "symptoms[0].location", "did_you_mean": "calf",
//!  "location": {"origin": "profile", "line": null, "column": null,
//!               "field": "symptoms[0].location", "item": null}}
//! ```
//!
//! `kind` is the `ErrorKind` variant's name in snake_case (`unknown_id`, `out_of_range`,
//! `syntax`, ...); `field` is the field path in a profile (also in `location`); `item` is `{"kind": "rule", "id": "big-toe"}` for errors in a pack item.
//! The Python binding compiles this same file (`#[path]`), so the shapes cannot differ.

use serde_json::{Value, json};
use soothe::{Error, ErrorKind, Location};

/// `CamelCase` as `snake_case`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The name of a value's enum variant, read from its `Debug` form (`UnknownId { .. }` gives
/// `unknown_id`), so a variant the core adds later is named without a change here.
fn variant_name(debug: &str) -> String {
    let end = debug
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(debug.len());
    snake(debug.get(..end).unwrap_or(debug))
}

/// The stable name of an error kind: `unknown_id`, `out_of_range`, `syntax`, ...
pub fn kind_name(kind: &ErrorKind) -> String {
    variant_name(&format!("{kind:?}"))
}

/// A location as JSON: `{"origin", "line", "column", "field", "item"}`.
pub fn location(location: &Location) -> Value {
    let item = location
        .item_id()
        .map(|(kind, id)| json!({"kind": variant_name(&format!("{kind:?}")), "id": id}));
    json!({
        "origin": location.origin(),
        "line": location.line(),
        "column": location.column(),
        "field": location.field_path(),
        "item": item,
    })
}

/// An error as JSON: `{"kind", "message", "field", "did_you_mean", "location"}`.
pub fn error(err: &Error) -> Value {
    json!({
        "kind": kind_name(err.kind()),
        "message": err.to_string(),
        "field": err.location().and_then(Location::field_path),
        "did_you_mean": err.kind().did_you_mean(),
        "location": err.location().map(location),
    })
}

/// An error of the binding itself (a null pointer, invalid UTF-8): `kind` names it.
pub fn other(kind: &str, message: &str) -> Value {
    json!({"kind": kind, "message": message, "field": null, "did_you_mean": null, "location": null})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_snake_case_variant_names() {
        assert_eq!(variant_name("UnknownId { kind: .. }"), "unknown_id");
        assert_eq!(
            variant_name("WithholdWithoutReason"),
            "withhold_without_reason"
        );
        assert_eq!(variant_name("Syntax { message: \"x\" }"), "syntax");
        assert_eq!(variant_name("RedFlag"), "red_flag");
    }

    #[test]
    fn a_profile_error_names_its_field() {
        let engine = soothe::Engine::builtin().unwrap();
        let profile: soothe::Profile =
            serde_json::from_str(r#"{"symptoms": [{"kind": "cramp", "location": "calff"}]}"#)
                .unwrap();
        let err = engine.evaluate(&profile).unwrap_err();
        let value = error(&err);
        assert_eq!(value["kind"], "unknown_id");
        assert_eq!(value["did_you_mean"], "calf");
        assert_eq!(value["location"]["field"], "symptoms[0].location");
        assert_eq!(value["field"], "symptoms[0].location");
        assert_eq!(value["location"]["origin"], "profile");
    }

    #[test]
    fn a_pack_error_names_its_item() {
        let pack = "[pack]\nid = 'x'\nversion = '1'\nformat = 2\n\n[[rule]]\nid = 'r'\nwhen = { location = ['calff'] }\nsuggest = [{ id = 'hydration', weight = 1 }]\n";
        let err = soothe::Engine::builder()
            .add_pack_str("x.toml", pack)
            .build()
            .unwrap_err();
        let value = error(&err);
        assert_eq!(value["kind"], "unknown_id");
        assert_eq!(value["location"]["origin"], "x.toml");
        assert_eq!(value["location"]["line"], 8);
        assert_eq!(
            value["location"]["item"],
            json!({"kind": "rule", "id": "r"})
        );
    }
}

//! `schema/pack.schema.json` agrees with the loader: every built-in pack validates, and
//! packs the loader refuses for their shape are refused by the schema too.

#![cfg(test)]

use soothe::Engine;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schema/pack.schema.json"))
            .expect("the schema is JSON");
    jsonschema::draft7::new(&schema).expect("the schema is a valid draft-07 schema")
}

/// A pack's TOML as the JSON value editors validate.
fn as_json(text: &str) -> serde_json::Value {
    let table: toml::Table = toml::from_str(text).unwrap();
    serde_json::to_value(table).unwrap()
}

const BUILTIN: [&str; 7] = [
    include_str!("../rules/vocabulary.toml"),
    include_str!("../rules/sources.toml"),
    include_str!("../rules/suggestions.toml"),
    include_str!("../rules/cramps.toml"),
    include_str!("../rules/trigger-points.toml"),
    include_str!("../rules/stress-sleep.toml"),
    include_str!("../rules/red-flags.toml"),
];

#[test]
fn every_builtin_pack_validates() {
    let validator = validator();
    for text in BUILTIN {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

const HEAD: &str = "[pack]\nid = 'x'\nversion = '1'\nformat = 2\n";

/// Packs the loader refuses for a reason a schema can see: unknown fields, values outside
/// closed sets, wrong types, out-of-range numbers, empty text and lists, bad ids.
const REFUSED: &[&str] = &[
    "colour = 'red'\n",
    "[[vocabulary.locations]]\nid = 'toe'\nlabel = 'toe'\n",
    "[[vocabulary.location]]\nid = 'Big Toe'\nlabel = 'Big Toe'\n",
    "[[source]]\nid = 's'\n",
    "[[source]]\nid = 's'\ncitation = 'c'\nisbn = '1'\n",
    "[[suggestion]]\nid = 's'\ntitle = 't'\nhow_to = 'h'\ncategory = 'medication'\nevidence = { grade = 'low', direction = 'for', note = 'n', sources = ['seeds'] }\n",
    "[[suggestion]]\nid = 's'\ntitle = 't'\nhow_to = ' '\ncategory = 'rest'\nevidence = { grade = 'low', direction = 'for', note = 'n', sources = ['seeds'] }\n",
    "[[suggestion]]\nid = 's'\ntitle = 't'\nhow_to = 'h'\ncategory = 'rest'\nevidence = { grade = 'strong', direction = 'for', note = 'n', sources = ['seeds'] }\n",
    "[[suggestion]]\nid = 's'\ntitle = 't'\nhow_to = 'h'\ncategory = 'rest'\nevidence = { grade = 'low', direction = 'for', note = 'n', sources = [] }\n",
    "[[suggestion]]\nid = 's'\ntitle = 't'\nhow_to = 'h'\ncategory = 'rest'\nevidence = { grade = 'low', direction = 'for', note = 'n', sources = ['seeds'] }\n[[suggestion.caution]]\ntext = 't'\nlevel = 'high'\n",
    "[[rule]]\nid = 'r'\nwhen = {}\nsuggest = [{ id = 'hydration', weight = 1 }]\n",
    "[[rule]]\nid = 'r'\nwhen = { locaton = ['calf'] }\nsuggest = [{ id = 'hydration', weight = 1 }]\n",
    "[[rule]]\nid = 'r'\nwhen = { location = [] }\nsuggest = [{ id = 'hydration', weight = 1 }]\n",
    "[[rule]]\nid = 'r'\nwhen = { severity = { min = 11 } }\nsuggest = [{ id = 'hydration', weight = 1 }]\n",
    "[[rule]]\nid = 'r'\nwhen = { trigger = ['cold'] }\nsuggest = [{ id = 'hydration', weight = 0 }]\n",
    "[[rule]]\nid = 'r'\nwhen = { trigger = ['cold'] }\nsuggest = []\n",
    "[[red_flag]]\nid = 'f'\nurgency = 'none'\nwhen = { finding = ['fever'] }\ntext = 't'\nsafety_net = 's'\nsources = ['seeds']\n",
    "[[red_flag]]\nid = 'f'\nurgency = 'soon'\nwhen = { finding = ['fever'] }\ntext = 't'\nsafety_net = 's'\nsources = ['seeds']\nseverity = 3\n",
    "[disable]\nred_flags = ['trauma']\n",
    "[[scenario]]\nname = 'n'\nprofile = { symptom = [] }\nexpect = {}\n",
    "[[scenario]]\nname = 'n'\nprofile = {}\nexpect = { urgent = 'soon' }\n",
];

#[test]
fn what_the_loader_refuses_the_schema_refuses() {
    let validator = validator();
    for body in REFUSED {
        let text = format!("{HEAD}{body}");
        let loader = Engine::builder()
            .add_pack_str("x.toml", text.as_str())
            .build();
        assert!(loader.is_err(), "the loader accepts:\n{text}");
        assert!(
            !validator.is_valid(&as_json(&text)),
            "the schema accepts what the loader refuses ({}):\n{text}",
            loader.unwrap_err()
        );
    }
}

#[test]
fn a_valid_pack_from_the_readme_validates() {
    let readme = include_str!("../README.md");
    let start = readme.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    assert!(validator().is_valid(&as_json(&readme[start..end])));
}

//! JSON Schemas (draft-07) of the JSON a host sends and receives: the [`Profile`] it sends, the
//! [`Plan`] it gets back, and the [`Vocabulary`] it builds its forms from. They are generated
//! from the Rust types (with the `schema` feature), so they cannot drift from them; the
//! repository commits them under `schema/` and a test compares.
//!
//! ```
//! let profile = soothe::schema::profile();
//! let text = serde_json::to_string(&profile).unwrap();
//! assert!(text.contains("\"self_care_weeks\""));
//! ```
//!
//! The plan's schema lists every key a plan has; a later version of the contract may add keys,
//! so a host should ignore keys it does not know.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use crate::profile::{Field, Onset, Profile, Symptom, Trend};
use crate::{Id, Plan, Vocabulary};

/// The schema of a profile as `Profile`'s `Deserialize` reads it.
pub fn profile() -> Schema {
    let schema = SchemaSettings::draft07()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<Profile>();
    tidy(schema)
}

/// The schema of a plan as `Plan`'s `Serialize` writes it.
pub fn plan() -> Schema {
    written::<Plan<'static>>()
}

/// The schema of the vocabulary as `Vocabulary`'s `Serialize` writes it.
pub fn vocabulary() -> Schema {
    written::<Vocabulary>()
}

/// The schema of what `T`'s `Serialize` writes.
fn written<T: JsonSchema>() -> Schema {
    let schema = SchemaSettings::draft07()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    tidy(schema)
}

/// Drops the Rust examples (fenced code) from the descriptions the doc comments gave.
fn tidy(schema: Schema) -> Schema {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    match child {
                        Value::String(text) if key == "description" => *text = prose(text),
                        _ => walk(child),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut value = schema.to_value();
    walk(&mut value);
    object(value)
}

/// `text` without its fenced code blocks, and with rustdoc links as plain code spans
/// (``[`Urgency::None`]`` and ``[`x`](crate::x)`` become `` `Urgency::None` `` and `` `x` ``).
fn prose(text: &str) -> String {
    let mut lines = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            lines.push(line);
        }
    }
    unlink(lines.join("\n").trim())
}

/// Rustdoc links as plain code spans.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[`") {
        let Some(close) = rest.get(open..).and_then(|r| r.find("`]")) else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or_default());
        out.push_str(rest.get(open + 1..open + close + 1).unwrap_or_default());
        rest = rest.get(open + close + 2..).unwrap_or_default();
        if rest.starts_with('(') {
            if let Some(end) = rest.find(')') {
                rest = rest.get(end + 1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// A schema from a JSON object (anything else gives the schema that accepts everything).
fn object(value: Value) -> Schema {
    match value {
        Value::Object(map) => Schema::from(map),
        _ => Schema::default(),
    }
}

impl JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        object(json!({"type": "string", "minLength": 1}))
    }
}

/// A whole number in `field`'s range, or `null` for "not given".
fn number(field: Field, description: &str) -> Value {
    json!({
        "description": description,
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": field.max(),
    })
}

/// A list of ids; `null` is an empty list.
fn ids(description: &str) -> Value {
    json!({
        "description": description,
        "type": ["array", "null"],
        "items": {"type": "string"},
    })
}

/// A value of a closed set, or `null`.
fn one_of(set: Schema, description: &str) -> Value {
    json!({"description": description, "anyOf": [set.to_value(), {"type": "null"}]})
}

impl JsonSchema for Profile {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Profile".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let symptom = generator.subschema_for::<Symptom>().to_value();
        object(json!({
            "description": "A symptom profile: what the person feels, where, when, how often, how long, which way it is going, what brings it on, what they have and have not noticed, and their context. Every field is optional; `null` means not given. Ids are checked against the engine's vocabulary.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "age": number(Field::Age, "The person's age in years."),
                "symptoms": {
                    "description": "What the person feels, and where.",
                    "type": ["array", "null"],
                    "items": symptom,
                },
                "triggers": ids("What brings it on (`stress`, `cold`, ...)."),
                "findings": ids("Findings the person has (`calf_swelling`, `numbness`, ...)."),
                "absent": ids("Findings (or context ids) the person was asked about and said no to."),
                "context": ids("The person's circumstances that cautions look at (`pregnancy`, `kidney_disease`, ...)."),
                "self_care_weeks": number(Field::SelfCareWeeks, "How many weeks self-care has been tried."),
            },
        }))
    }
}

impl JsonSchema for Symptom {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Symptom".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let onset = generator.subschema_for::<Onset>();
        let trend = generator.subschema_for::<Trend>();
        let text = |description: &str| json!({"description": description, "type": "string"});
        object(json!({
            "description": "One symptom: a kind at a location, with what else is known about it.",
            "type": "object",
            "additionalProperties": false,
            "required": ["kind", "location"],
            "properties": {
                "kind": text("The symptom kind (`cramp`, `spasm`, `twitch`, `trigger_point`, `stiffness`, ...)."),
                "location": text("Where it is (`calf`, `neck`, `widespread`, ...)."),
                "timing": {
                    "description": "When it happens (`nocturnal`, `after_exertion`, ...), if known.",
                    "type": ["string", "null"],
                },
                "severity": number(Field::Severity, "How bad, if known."),
                "onset": one_of(onset, "Whether it came on suddenly or gradually, if known."),
                "weeks": number(Field::Weeks, "How many weeks it has gone on, if known."),
                "episodes_per_week": number(Field::EpisodesPerWeek, "How many episodes a week, if known."),
                "duration_minutes": number(Field::DurationMinutes, "How many minutes one episode lasts, if known."),
                "trend": one_of(trend, "Whether it is getting better, staying the same or getting worse, if known."),
            },
        }))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn descriptions_lose_examples_and_links() {
        let text =
            "Above [`Urgency::None`], see [`x`](crate::x).\n\n```\nlet a = 1;\n```\nEnd [`y`].";
        assert_eq!(
            super::prose(text),
            "Above `Urgency::None`, see `x`.\n\nEnd `y`."
        );
    }
}

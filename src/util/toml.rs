//! TOML parse and shape errors as [`Error`]s at their line and column.

use std::sync::Arc;

use crate::error::{Error, ErrorKind, Location};
use crate::util::similar::nearest;

/// Turns a TOML parse or shape error into an [`Error`] at its line and column.
pub(crate) fn toml_error(err: &toml::de::Error, origin: Arc<str>, text: &str) -> Error {
    let message = err.message().trim().replace('\n', " ");
    let location = Location::new(origin);
    let location = match err.span() {
        Some(span) => location.spanning(text, span),
        None => location,
    };
    let kind = match message.strip_prefix("unknown field `") {
        Some(rest) => {
            let mut quoted = rest.split('`').step_by(2);
            let field = quoted.next().unwrap_or_default().to_owned();
            let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
            ErrorKind::UnknownField {
                suggestion: nearest(&field, expected),
                field,
            }
        }
        None => ErrorKind::Syntax { message },
    };
    Error::new(kind, Some(location))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_errors_carry_the_field_and_a_suggestion() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Meta {
            id: String,
            version: String,
        }
        let text = "id = 'x'\n\nversoin = '1'\n";
        let err = toml::from_str::<Meta>(text).unwrap_err();
        let err = toml_error(&err, "x.toml".into(), text);
        assert_eq!(
            err.kind(),
            &ErrorKind::UnknownField {
                field: "versoin".into(),
                suggestion: Some("version".into())
            }
        );
        assert_eq!(err.location().and_then(|l| l.line()), Some(3));
    }
}

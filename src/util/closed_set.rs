//! A macro for the closed sets of the format: enums whose values are fixed snake_case ids.

/// Declares a public enum over a closed set of snake_case ids, with `as_str`, `ALL`,
/// `FromStr`, `Display` and serde that use those ids.
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($field:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $id)] $variant, )+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id of this value, as written in packs and JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The allowed ids, for error messages.
            pub(crate) fn expected() -> Vec<String> {
                Self::ALL.iter().map(|v| v.as_str().to_owned()).collect()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> $crate::Result<$name> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $crate::Error::new(
                        $crate::ErrorKind::InvalidValue {
                            field: $field.to_owned(),
                            value: s.to_owned(),
                            expected: Self::expected(),
                            suggestion: $crate::util::similar::nearest(s, Self::ALL.iter().map(|v| v.as_str())),
                        },
                        None,
                    ))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use closed_set;

//! The built-in packs, compiled into the crate from `rules/`, in load order.

/// `(name, text)` of each built-in pack, in the order they are loaded.
pub(crate) const PACKS: &[(&str, &str)] = &[
    (
        "rules/vocabulary.toml",
        include_str!("../rules/vocabulary.toml"),
    ),
    ("rules/sources.toml", include_str!("../rules/sources.toml")),
    (
        "rules/suggestions.toml",
        include_str!("../rules/suggestions.toml"),
    ),
    ("rules/cramps.toml", include_str!("../rules/cramps.toml")),
    (
        "rules/trigger-points.toml",
        include_str!("../rules/trigger-points.toml"),
    ),
    (
        "rules/stress-sleep.toml",
        include_str!("../rules/stress-sleep.toml"),
    ),
    (
        "rules/red-flags.toml",
        include_str!("../rules/red-flags.toml"),
    ),
];

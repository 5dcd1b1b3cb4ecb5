//! What kind of thing an id names: a vocabulary set ([`VocabKind`]), an item of a pack
//! ([`ItemKind`]), or either ([`IdKind`]).

use std::fmt;

/// The open sets of ids. Packs add ids to them under `[vocabulary]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum VocabKind {
    /// Symptom kinds (`cramp`, `trigger_point`, ...).
    Kind,
    /// Body locations (`calf`, `neck`, ...).
    Location,
    /// When symptoms happen (`nocturnal`, ...).
    Timing,
    /// What brings symptoms on (`stress`, `cold`, ...).
    Trigger,
    /// Findings that may be red flags (`calf_swelling`, ...).
    Finding,
    /// A person's circumstances that cautions look at (`pregnancy`, ...).
    Context,
}

impl VocabKind {
    /// Every kind, in order.
    pub const ALL: [VocabKind; 6] = [
        VocabKind::Kind,
        VocabKind::Location,
        VocabKind::Timing,
        VocabKind::Trigger,
        VocabKind::Finding,
        VocabKind::Context,
    ];

    /// The key used in packs (`[vocabulary]` and conditions): `kind`, `location`, ...
    pub fn key(self) -> &'static str {
        match self {
            VocabKind::Kind => "kind",
            VocabKind::Location => "location",
            VocabKind::Timing => "timing",
            VocabKind::Trigger => "trigger",
            VocabKind::Finding => "finding",
            VocabKind::Context => "context",
        }
    }

    /// Where a profile lists ids of this set: `triggers`, `findings`, `context`, or the
    /// symptom's `kind`, `location` or `timing`.
    pub fn profile_key(self) -> &'static str {
        match self {
            VocabKind::Trigger => "triggers",
            VocabKind::Finding => "findings",
            other => other.key(),
        }
    }

    /// A name for messages: `symptom kind`, `location`, ...
    pub fn noun(self) -> &'static str {
        match self {
            VocabKind::Kind => "symptom kind",
            other => other.key(),
        }
    }
}

impl fmt::Display for VocabKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// The kinds of item a pack holds, used to name the item an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ItemKind {
    /// The `[pack]` table.
    Pack,
    /// A vocabulary id in `[vocabulary]`.
    Vocabulary,
    /// A `[[source]]`.
    Source,
    /// A `[[suggestion]]`.
    Suggestion,
    /// A `[[rule]]`.
    Rule,
    /// A `[[red_flag]]`.
    RedFlag,
    /// An entry of `[disable]`.
    Disable,
    /// A `[[scenario]]`.
    Scenario,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Pack => "pack",
            ItemKind::Vocabulary => "vocabulary",
            ItemKind::Source => "source",
            ItemKind::Suggestion => "suggestion",
            ItemKind::Rule => "rule",
            ItemKind::RedFlag => "red flag",
            ItemKind::Disable => "disable",
            ItemKind::Scenario => "scenario",
        })
    }
}

/// What an id names: an entry of a vocabulary set, or an item of a pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdKind {
    /// A vocabulary id of this set.
    Vocab(VocabKind),
    /// A pack, source, suggestion, rule, red flag or scenario.
    Item(ItemKind),
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdKind::Vocab(kind) => kind.fmt(f),
            IdKind::Item(kind) => kind.fmt(f),
        }
    }
}

impl From<VocabKind> for IdKind {
    fn from(kind: VocabKind) -> IdKind {
        IdKind::Vocab(kind)
    }
}

impl From<ItemKind> for IdKind {
    fn from(kind: ItemKind) -> IdKind {
        IdKind::Item(kind)
    }
}

crate::util::closed_set::closed_set! {
    /// What withheld a suggestion: a context or finding the person has, a red flag that
    /// fired, or (for cautions keyed on them) a trigger or a symptom's kind, location or timing.
    #[non_exhaustive]
    pub enum BecauseKind ("because kind") {
        /// A context id (`kidney_disease`).
        Context = "context",
        /// A finding id (`calf_swelling`).
        Finding = "finding",
        /// A red flag that fired and withholds it until a clinician has seen the person.
        RedFlag = "red_flag",
        /// A trigger id.
        Trigger = "trigger",
        /// A symptom kind id.
        Kind = "kind",
        /// A location id.
        Location = "location",
        /// A timing id.
        Timing = "timing",
    }
}

impl From<VocabKind> for BecauseKind {
    fn from(kind: VocabKind) -> BecauseKind {
        match kind {
            VocabKind::Kind => BecauseKind::Kind,
            VocabKind::Location => BecauseKind::Location,
            VocabKind::Timing => BecauseKind::Timing,
            VocabKind::Trigger => BecauseKind::Trigger,
            VocabKind::Finding => BecauseKind::Finding,
            VocabKind::Context => BecauseKind::Context,
        }
    }
}

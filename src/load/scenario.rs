//! Scenarios: `[[scenario]]` tables of a pack, checked into a profile and what its plan must
//! hold. The ids they name are checked once every pack has loaded, so a scenario may name
//! items of later packs.

use toml::Spanned;

use crate::error::{ErrorKind, Location, Result};
use crate::id::Id;
use crate::kinds::{BecauseKind, IdKind, ItemKind, VocabKind};
use crate::load::site::Site;
use crate::pack::{RawExpect, RawScenario, Str};
use crate::profile::Profile;
use crate::urgency::Urgency;

/// A `[[scenario]]` of a pack: a profile and what the plan must and must not hold.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Scenario {
    /// Its name.
    pub name: String,
    /// Where it is defined.
    pub location: Location,
    /// The id of the pack that defines it.
    pub pack: Id,
    /// The profile to evaluate.
    pub profile: Profile,
    /// What the plan must hold.
    pub expect: Expect,
}

/// What a scenario's plan must hold. Each key has one meaning; empty or absent keys ask
/// nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expect {
    /// The lowest urgency allowed.
    pub urgency_min: Urgency,
    /// The highest urgency allowed.
    pub urgency_max: Urgency,
    /// The suggestion that must come first.
    pub first: Option<Id>,
    /// The suggestion that must come last.
    pub last: Option<Id>,
    /// How many suggestions must be shown.
    pub count: Option<usize>,
    /// Suggestions that must be shown.
    pub include: Vec<Id>,
    /// Suggestions that must not be shown.
    pub exclude: Vec<Id>,
    /// Suggestions that must be withheld.
    pub withheld: Vec<Id>,
    /// Exactly the suggestions that must be withheld, when given (`[]`: none).
    pub withheld_exactly: Option<Vec<Id>>,
    /// What must have withheld some suggestion, each.
    pub because: Vec<(BecauseKind, Id)>,
    /// Red flags that must fire.
    pub reasons: Vec<Id>,
    /// Exactly the red flags that must fire, when given (`[]`: none).
    pub reasons_exactly: Option<Vec<Id>>,
    /// Rules whose conditions must hold.
    pub rules: Vec<Id>,
    /// Finding or context ids that must be among the questions.
    pub questions: Vec<Id>,
    /// Finding or context ids that must not be among the questions.
    pub not_asked: Vec<Id>,
    /// Whether no finding question may be left (or must be), when given.
    pub screened: Option<bool>,
    /// Red flags whose safety-net lines must be shown.
    pub safety_net: Vec<Id>,
}

/// An id a scenario names, to check once every pack has loaded.
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    pub id: Id,
    pub kind: IdKind,
    pub location: Location,
}

/// Checks a scenario; the ids it names come back as [`Pending`].
pub(crate) fn scenario(
    raw: &Spanned<RawScenario>,
    site: &Site<'_>,
    pack: &Id,
    pending: &mut Vec<Pending>,
) -> Result<Scenario> {
    let sc = raw.get_ref();
    site.non_empty(&sc.name.span(), "name", sc.name.get_ref())?;
    let expect = expect(sc.expect.get_ref(), site, pending)?;
    Ok(Scenario {
        name: sc.name.get_ref().clone(),
        location: site.location(&raw.span()),
        pack: pack.clone(),
        profile: sc.profile.get_ref().clone(),
        expect,
    })
}

fn expect(e: &RawExpect, site: &Site<'_>, pending: &mut Vec<Pending>) -> Result<Expect> {
    let urgency = |value: &Option<Str>| {
        value
            .as_ref()
            .map(|u| site.closed::<Urgency>(u))
            .transpose()
    };
    let exact = urgency(&e.urgency)?;
    let mut ids = |list: &[Str], kind: IdKind| -> Vec<Id> {
        list.iter()
            .map(|raw| {
                let id = Id::new(raw.get_ref());
                pending.push(Pending {
                    id: id.clone(),
                    kind,
                    location: site.location(&raw.span()),
                });
                id
            })
            .collect()
    };
    let suggestion = IdKind::Item(ItemKind::Suggestion);
    let first = ids(e.first.as_slice(), suggestion).pop();
    let last = ids(e.last.as_slice(), suggestion).pop();
    let include = ids(&e.include, suggestion);
    let exclude = ids(&e.exclude, suggestion);
    let withheld = ids(&e.withheld, suggestion);
    let withheld_exactly = e.withheld_exactly.as_ref().map(|w| ids(w, suggestion));
    let red_flag = IdKind::Item(ItemKind::RedFlag);
    let reasons = ids(&e.reasons, red_flag);
    let reasons_exactly = e.reasons_exactly.as_ref().map(|r| ids(r, red_flag));
    let rules = ids(&e.rules, IdKind::Item(ItemKind::Rule));
    let safety_net = ids(&e.safety_net, red_flag);
    // Findings or context ids: checked against both sets once every pack has loaded.
    let asked = IdKind::Vocab(VocabKind::Finding);
    let questions = ids(&e.questions, asked);
    let not_asked = ids(&e.not_asked, asked);
    let count = e.count.as_ref().map(|c| count(site, c)).transpose()?;
    let because = e
        .because
        .iter()
        .map(|b| {
            let b = b.get_ref();
            Ok((
                site.closed::<BecauseKind>(&b.kind)?,
                Id::new(b.id.get_ref()),
            ))
        })
        .collect::<Result<_>>()?;
    Ok(Expect {
        urgency_min: exact.or(urgency(&e.urgency_min)?).unwrap_or(Urgency::None),
        urgency_max: exact
            .or(urgency(&e.urgency_max)?)
            .unwrap_or(Urgency::Emergency),
        first,
        last,
        count,
        include,
        exclude,
        withheld,
        withheld_exactly,
        because,
        reasons,
        reasons_exactly,
        rules,
        questions,
        not_asked,
        screened: e.screened,
        safety_net,
    })
}

fn count(site: &Site<'_>, value: &Spanned<i64>) -> Result<usize> {
    usize::try_from(*value.get_ref()).map_err(|_| {
        site.error(
            &value.span(),
            ErrorKind::OutOfRange {
                field: "count".to_owned(),
                value: *value.get_ref(),
                min: 0,
                max: i64::MAX,
            },
        )
    })
}

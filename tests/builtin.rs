//! The built-in packs: the required vocabulary and suggestion ids of DESIGN.md exist, every
//! suggestion is reachable, every plan for a known symptom is non-empty, and sources resolve.

#![cfg(test)]

use std::collections::BTreeSet;

use soothe::{Engine, Profile, Symptom, Urgency, VocabKind};

const REQUIRED_SUGGESTIONS: [&str; 30] = [
    "gentle-heat",
    "cold-pack",
    "alternate-heat-cold",
    "epsom-salt-bath",
    "keep-warm",
    "stretch-during-cramp",
    "calf-stretch-before-bed",
    "gentle-stretching",
    "self-massage",
    "paced-low-impact-exercise",
    "warm-water-exercise",
    "activity-pacing",
    "breathing-relaxation",
    "mindfulness-meditation",
    "meditative-movement",
    "sleep-routine",
    "hydration",
    "mineral-rich-diet",
    "magnesium-supplement",
    "vitamin-d-check",
    "workstation-ergonomics",
    "supportive-pillow",
    "supportive-footwear",
    "rest-break",
    "physical-therapy",
    "massage-therapy",
    "acupuncture",
    "trigger-point-therapy",
    "low-level-laser-therapy",
    "cbt-for-pain",
];

const REQUIRED_VOCABULARY: [(VocabKind, &[&str]); 6] = [
    (
        VocabKind::Kind,
        &["cramp", "spasm", "twitch", "trigger_point", "stiffness"],
    ),
    (
        VocabKind::Location,
        &[
            "calf",
            "thigh",
            "foot",
            "hand",
            "arm",
            "neck",
            "shoulder",
            "upper_back",
            "lower_back",
            "jaw",
            "ribcage",
            "widespread",
        ],
    ),
    (
        VocabKind::Timing,
        &["nocturnal", "daytime", "after_exertion", "at_rest"],
    ),
    (
        VocabKind::Trigger,
        &[
            "stress",
            "cold",
            "overexertion",
            "poor_sleep",
            "dehydration",
            "prolonged_sitting",
            "poor_posture",
        ],
    ),
    (
        VocabKind::Finding,
        &[
            "weakness",
            "numbness",
            "pins_and_needles",
            "slowed_movement",
            "tremor",
            "calf_swelling",
            "calf_redness_warmth",
            "chest_pain",
            "shortness_of_breath",
            "fever",
            "neck_stiffness_with_fever",
            "sudden_severe_headache",
            "dark_urine",
            "trauma",
            "bladder_bowel_change",
            "walking_leg_pain",
            "cold_pale_limb",
            "muscle_wasting",
            "unexplained_weight_loss",
            "new_medication",
            "worsening_despite_selfcare",
        ],
    ),
    (
        VocabKind::Context,
        &[
            "pregnancy",
            "kidney_disease",
            "reduced_sensation",
            "raynauds",
            "heart_condition",
            "anticoagulants",
            "broken_skin",
        ],
    ),
];

/// Every profile with one symptom (each kind, location and timing, or none) or one trigger.
fn simple_profiles(engine: &Engine) -> Vec<Profile> {
    let vocab = engine.vocabulary();
    let mut profiles = Vec::new();
    for kind in vocab.ids(VocabKind::Kind) {
        for location in vocab.ids(VocabKind::Location) {
            profiles.push(Profile::new().with_symptom(Symptom::new(kind, location)));
            // Clinician-delivered therapies come in once symptoms have lasted 12 weeks.
            profiles.push(Profile::new().with_symptom(Symptom::new(kind, location).weeks(12)));
            for timing in vocab.ids(VocabKind::Timing) {
                profiles
                    .push(Profile::new().with_symptom(Symptom::new(kind, location).timing(timing)));
            }
        }
    }
    for trigger in vocab.ids(VocabKind::Trigger) {
        profiles.push(Profile::new().with_trigger(trigger));
    }
    profiles
}

#[test]
fn the_required_vocabulary_is_built_in() {
    let engine = Engine::builtin().unwrap();
    for (kind, ids) in REQUIRED_VOCABULARY {
        for id in ids {
            assert!(engine.vocabulary().contains(kind, id), "{kind} {id}");
        }
    }
}

#[test]
fn every_required_suggestion_exists_and_is_reachable() {
    let engine = Engine::builtin().unwrap();
    let mut reached = BTreeSet::new();
    for profile in simple_profiles(&engine) {
        for s in engine.evaluate(&profile).unwrap().suggestions {
            reached.insert(s.id.to_string());
        }
    }
    for id in REQUIRED_SUGGESTIONS {
        assert!(engine.suggestion(id).is_some(), "{id} is not defined");
        assert!(
            reached.contains(id),
            "{id} is not reachable from a one-symptom (now or after 12 weeks) or one-trigger profile"
        );
    }
    for s in engine.suggestions() {
        assert!(
            reached.contains(s.id().as_str()),
            "{} is defined but never suggested",
            s.id()
        );
    }
}

#[test]
fn no_known_symptom_gets_an_empty_plan() {
    let engine = Engine::builtin().unwrap();
    for profile in simple_profiles(&engine) {
        let plan = engine.evaluate(&profile).unwrap();
        assert!(
            !plan.suggestions.is_empty() || plan.urgency == Urgency::Emergency,
            "empty plan for {profile:?}"
        );
    }
}

#[test]
fn every_suggestion_is_graded_noted_and_sourced() {
    let engine = Engine::builtin().unwrap();
    for s in engine.suggestions() {
        assert!(!s.evidence().note.trim().is_empty(), "{}", s.id());
        assert!(
            s.evidence().note.len() <= 280,
            "{}: note over 280 characters",
            s.id()
        );
        assert!(
            s.title().len() <= 80,
            "{}: title over 80 characters",
            s.id()
        );
        assert!(!s.evidence().sources.is_empty(), "{}", s.id());
        for source in s.evidence().sources.iter() {
            let source = engine
                .source(source)
                .unwrap_or_else(|| panic!("{}: {source}", s.id()));
            assert!(!source.citation.is_empty());
        }
    }
}

#[test]
fn supplements_and_clinician_therapies_ask_a_clinician_first() {
    let engine = Engine::builtin().unwrap();
    for s in engine.suggestions() {
        let needs = matches!(
            s.category(),
            soothe::Category::Supplement | soothe::Category::ProfessionalTherapy
        );
        assert_eq!(s.clinician_first(), needs, "{}", s.id());
    }
}

#[test]
fn magnesium_is_graded_honestly() {
    let engine = Engine::builtin().unwrap();
    let mg = engine.suggestion("magnesium-supplement").unwrap();
    assert_eq!(mg.evidence().grade, soothe::Grade::Moderate);
    assert_eq!(mg.evidence().direction, soothe::Direction::Against);
    let bath = engine.suggestion("epsom-salt-bath").unwrap();
    assert!(bath.how_to().contains("warm water"));
    assert!(bath.evidence().sources.iter().any(|s| *s == "grober-2017"));
}

/// A reported finding makes the red flags built on it relevant only when the rest of the
/// profile leaves them able to fire: no safety-net line for a flag that cannot apply.
#[test]
fn a_reported_finding_brings_in_only_red_flags_that_could_fire() {
    let engine = Engine::builtin().unwrap();
    let lines = |profile: Profile| -> Vec<String> {
        let plan = engine.evaluate(&profile).unwrap();
        plan.safety_net
            .iter()
            .map(|n| n.red_flag.to_string())
            .collect()
    };
    // Giant cell arteritis needs an age of 50 or more (or an unknown age).
    let young = lines(Profile::new().with_finding("new_headache").with_age(30));
    assert!(young.iter().all(|f| !f.contains("giant-cell")), "{young:?}");
    let unknown_age = lines(Profile::new().with_finding("jaw_pain_chewing"));
    assert!(
        unknown_age
            .iter()
            .any(|f| f == "possible-giant-cell-arteritis-sight"),
        "{unknown_age:?}"
    );
    // A calf cramp after a fall with weakness: the spine is not in question.
    let calf = lines(
        Profile::new()
            .with_symptom(Symptom::new("cramp", "calf"))
            .with_finding("trauma")
            .with_finding("weakness"),
    );
    assert!(
        calf.iter().all(|f| f != "possible-spinal-cord-injury"),
        "{calf:?}"
    );
    // Numbness alone: a fall would make it a possible spinal cord injury.
    let numb = lines(Profile::new().with_finding("numbness"));
    assert!(
        numb.iter().any(|f| f == "possible-spinal-cord-injury"),
        "{numb:?}"
    );
}

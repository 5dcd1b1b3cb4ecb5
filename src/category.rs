//! The closed set of suggestion categories.

use crate::util::closed_set::closed_set;

closed_set! {
    /// What kind of self-care a suggestion is. The set is closed: there is no category for
    /// medicines, so no pack can suggest one.
    #[non_exhaustive]
    pub enum Category ("category") {
        /// Warmth, cold, or both in turn.
        HeatCold = "heat_cold",
        /// Stretches.
        Stretching = "stretching",
        /// Self-massage and pressure.
        Massage = "massage",
        /// Exercise and movement.
        Movement = "movement",
        /// Pacing activity.
        Pacing = "pacing",
        /// Relaxation, breathing, meditation.
        Relaxation = "relaxation",
        /// Sleep habits.
        Sleep = "sleep",
        /// Drinking and eating.
        HydrationNutrition = "hydration_nutrition",
        /// Dietary supplements (always with a clinician's agreement first).
        Supplement = "supplement",
        /// Workstation, posture, pillows, shoes.
        Ergonomics = "ergonomics",
        /// Therapies a clinician or therapist gives.
        ProfessionalTherapy = "professional_therapy",
        /// Rest and breaks.
        Rest = "rest",
    }
}

impl Category {
    /// A short human label, such as `heat or cold`.
    pub fn label(self) -> &'static str {
        match self {
            Category::HeatCold => "heat or cold",
            Category::Stretching => "stretching",
            Category::Massage => "massage",
            Category::Movement => "movement",
            Category::Pacing => "pacing",
            Category::Relaxation => "relaxation",
            Category::Sleep => "sleep",
            Category::HydrationNutrition => "hydration and diet",
            Category::Supplement => "supplement",
            Category::Ergonomics => "ergonomics",
            Category::ProfessionalTherapy => "professional therapy",
            Category::Rest => "rest",
        }
    }
}

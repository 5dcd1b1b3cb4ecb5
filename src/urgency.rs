//! How soon a person should see a clinician.

use crate::util::closed_set::closed_set;

closed_set! {
    /// How soon a person should see a clinician, from `none` to `emergency` (ordered).
    ///
    /// ```
    /// use soothe::Urgency;
    /// assert!(Urgency::Emergency > Urgency::Urgent);
    /// assert_eq!("soon".parse::<Urgency>().unwrap(), Urgency::Soon);
    /// ```
    #[non_exhaustive]
    pub enum Urgency ("urgency") {
        /// No red flag: self-care is fine.
        None = "none",
        /// Mention it at the next routine visit.
        Routine = "routine",
        /// Book an appointment within days.
        Soon = "soon",
        /// Get seen the same day.
        Urgent = "urgent",
        /// Call emergency services now; self-care is withheld.
        Emergency = "emergency",
    }
}

impl Urgency {
    /// A short phrase for a person: what to do and how soon.
    pub fn advice(self) -> &'static str {
        match self {
            Urgency::None => "no need to see a clinician for this",
            Urgency::Routine => "mention this at your next routine appointment",
            Urgency::Soon => "book an appointment with a clinician within the next few days",
            Urgency::Urgent => "get seen by a clinician today",
            Urgency::Emergency => "call emergency services now",
        }
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by `closed_set!`
impl Default for Urgency {
    fn default() -> Urgency {
        Urgency::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgencies_are_ordered_and_parse_with_did_you_mean() {
        assert!(Urgency::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!("urgent".parse::<Urgency>().unwrap(), Urgency::Urgent);
        let err = "urgnt".parse::<Urgency>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid urgency `urgnt`: expected one of none, routine, soon, urgent, emergency; did you mean `urgent`?"
        );
    }

    #[test]
    fn serde_uses_the_ids() {
        assert_eq!(
            toml::Value::try_from(Urgency::Emergency).unwrap().as_str(),
            Some("emergency")
        );
    }
}

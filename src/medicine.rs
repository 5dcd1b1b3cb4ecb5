//! Words that name medicines. A suggestion's title and how-to text must name none of them:
//! soothe suggests no medicines, and the closed set of categories alone cannot stop a pack
//! from writing "take ibuprofen" under `rest`.

/// Medicines (and words for them) people are most often told to take for muscle pain and
/// cramps. Matched as whole words, case-insensitively.
const MEDICINES: &[&str] = &[
    "acetaminophen",
    "amitriptyline",
    "analgesic",
    "analgesics",
    "aspirin",
    "baclofen",
    "capsaicin",
    "carisoprodol",
    "codeine",
    "cyclobenzaprine",
    "diazepam",
    "diclofenac",
    "duloxetine",
    "gabapentin",
    "ibuprofen",
    "lidocaine",
    "methocarbamol",
    "milnacipran",
    "morphine",
    "naproxen",
    "nsaid",
    "nsaids",
    "opioid",
    "opioids",
    "painkiller",
    "painkillers",
    "paracetamol",
    "pregabalin",
    "quinine",
    "tizanidine",
    "tramadol",
];

/// The first medicine `text` names, if any.
pub(crate) fn named_in(text: &str) -> Option<&'static str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .find_map(|word| {
            MEDICINES
                .iter()
                .copied()
                .find(|medicine| word.eq_ignore_ascii_case(medicine))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_any_case() {
        assert_eq!(named_in("Take 400 mg of Ibuprofen."), Some("ibuprofen"));
        assert_eq!(named_in("a painkiller-free plan"), Some("painkiller"));
        assert_eq!(named_in("Stretch the calf gently."), None);
        assert_eq!(named_in("aspirinlike"), None);
    }
}

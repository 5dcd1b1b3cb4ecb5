//! Reading grade: the Flesch-Kincaid grade of a person-facing text, with a small syllable
//! counter (no dictionary). The same algorithm is written out in `docs/RULES.md`:
//!
//! - words: split on white space; strip leading and trailing characters that are not ASCII
//!   letters or digits; drop empty tokens;
//! - sentences: the tokens that end with `.`, `!` or `?` (after trailing `"`, `'`, `)`), plus
//!   one if the last token does not end so; at least one;
//! - syllables of a word: 1 if it has no ASCII letter; otherwise the runs of the vowels
//!   `aeiouy` in its lowercase letters, less one for a final `e` (not `le`) when there are
//!   two or more; at least 1;
//! - grade = 0.39 × words / sentences + 11.8 × syllables / words − 15.59.
//!
//! Texts of fewer than three words (labels such as "Calf") are not graded.

/// The fewest words a graded text has.
pub(crate) const MIN_WORDS: usize = 3;

/// The Flesch-Kincaid grade of `text`, or `None` if it has fewer than [`MIN_WORDS`] words.
pub(crate) fn grade(text: &str) -> Option<f64> {
    let mut words = 0usize;
    let mut syllables = 0usize;
    let mut sentences = 0usize;
    let mut last_ends = false;
    for token in text.split_whitespace() {
        let trimmed = token.trim_end_matches(['"', '\'', ')']);
        last_ends = trimmed.ends_with(['.', '!', '?']);
        sentences += usize::from(last_ends);
        let word = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if !word.is_empty() {
            words += 1;
            syllables += syllables_of(word);
        }
    }
    if words < MIN_WORDS {
        return None;
    }
    let sentences = (sentences + usize::from(!last_ends)).max(1);
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    Some(0.39 * w / s + 11.8 * y / w - 15.59)
}

/// Syllables of one word, by runs of vowels.
fn syllables_of(word: &str) -> usize {
    if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
        return 1;
    }
    let letters: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let vowel = |b: &u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut runs = 0;
    let mut in_run = false;
    for b in &letters {
        let v = vowel(b);
        if v && !in_run {
            runs += 1;
        }
        in_run = v;
    }
    let silent_e = letters.ends_with(b"e") && !letters.ends_with(b"le");
    if silent_e && runs > 1 {
        runs -= 1;
    }
    runs.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_by_vowel_runs() {
        for (word, n) in [
            ("calf", 1),
            ("stretch", 1),
            ("table", 2),
            ("like", 1),
            ("breathe", 1),
            ("muscles", 2),
            ("clinician", 3),
            ("10", 1),
            ("the", 1),
        ] {
            assert_eq!(syllables_of(word), n, "{word}");
        }
    }

    #[test]
    fn grades_match_the_formula() {
        assert_eq!(grade("Calf"), None);
        // 6 words, 1 sentence, 8 syllables.
        let g = grade("Put a warm pack on it.").unwrap();
        let want = 0.39 * 6.0 + 11.8 * 6.0 / 6.0 - 15.59;
        assert!((g - want).abs() < 1e-9, "{g} {want}");
        let hard =
            "Cognitive behavioural therapy demonstrates statistically significant improvements.";
        assert!(grade(hard).unwrap() > 15.0);
    }
}

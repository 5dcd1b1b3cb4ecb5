//! "Did you mean": the nearest known id to a mistyped one.

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
pub(crate) fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let length = word.chars().count();
    let limit = (length / 3).max(1);
    if length > 64 {
        // No id is that long; a typo of one is not what this is.
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate.len().abs_diff(word.len()) > limit * 4 {
            continue; // too different in length to be within `limit` edits
        }
        let distance = edit_distance(word, candidate);
        if distance <= limit && best.is_none_or(|(d, c)| (distance, candidate) < (d, c)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c.to_owned())
}

/// Edit distance over characters, counting a swap of two neighbours as one edit (optimal
/// string alignment): `wrose` is one edit from `worse`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut two_back: Vec<usize> = vec![0; b.len() + 1];
    let mut one_back: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    let at = |r: &[usize], k: usize| r.get(k).copied().unwrap_or(usize::MAX - 1);
    for i in 1..=a.len() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
        for j in 1..=b.len() {
            let (ca, cb) = (a.get(i - 1), b.get(j - 1));
            let mut value = (at(&one_back, j) + 1)
                .min(at(&row, j - 1) + 1)
                .min(at(&one_back, j - 1) + usize::from(ca != cb));
            if i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb {
                value = value.min(at(&two_back, j - 2) + 1);
            }
            if let Some(cell) = row.get_mut(j) {
                *cell = value;
            }
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut row);
    }
    one_back.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("calff", "calf"), 1);
        assert_eq!(edit_distance("wrose", "worse"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn nearest_picks_close_ids_only() {
        let ids = ["calf", "thigh", "foot"];
        assert_eq!(nearest("calff", ids), Some("calf".to_owned()));
        assert_eq!(nearest("elbow", ids), None);
    }

    #[test]
    fn ties_break_by_id() {
        assert_eq!(nearest("ab", ["ac", "aa"]), Some("aa".to_owned()));
    }
}

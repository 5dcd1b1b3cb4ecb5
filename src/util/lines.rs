//! Line and column of byte offsets in a text.

/// Where each line of a text starts, so that many offsets can be turned into line and column
/// without scanning the text each time.
#[derive(Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// Line and column (both from 1; the column in characters) of a byte offset of `text`.
    pub(crate) fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.starts.partition_point(|start| *start <= end).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = text.get(start..end).unwrap_or_default().chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column (both from 1; the column in characters) of a byte offset, by a scan.
    fn line_column(text: &str, offset: usize) -> (usize, usize) {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = text.get(..end).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
        (line, column)
    }

    #[test]
    fn line_and_column_count_from_one_in_characters() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4)); // after the two-byte é
        assert_eq!(line_column(text, 999), (3, 2));
    }

    #[test]
    fn the_line_index_agrees_with_the_scan() {
        let text = "ab\ncdé\n\nf";
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                lines.line_column(text, offset),
                line_column(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn an_offset_inside_a_character_does_not_panic() {
        assert_eq!(line_column("é", 1), (1, 1));
        assert_eq!(Lines::new("é").line_column("é", 1), (1, 1));
    }
}

//! Checks on the text of third-party rule packs, which is hostile input.
//!
//! soothe never suggests a medicine, and a pack's text must not carry terminal escape codes or
//! characters that hide what it says. This module has four checks, each cheap enough to run
//! over every text of a pack at load time:
//!
//! - [`hygiene`]: no control characters, no invisible or format characters, not blank. For
//!   every person-facing text, red flags included.
//! - [`mixed_script_word`]: no word that mixes letters of different scripts ("ibuprоfen" with
//!   a Cyrillic "о"). For every text.
//! - [`medicine_named`]: the text names no medicine from `medicines.txt`, however it is spelled,
//!   spaced, accented or disguised. For every text except red-flag text, which may name
//!   medicines as possible causes ("statins").
//! - [`fold`]: the matching form the medicine check reads.
//!
//! `rules/medicines.txt` is embedded at compile time and parsed once, on first use. The
//! matching rules are described in `docs/RULES.md` ("The medicine guard").

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

/// The list of what counts as a medicine (see `medicines.txt` for the format).
const MEDICINES_TXT: &str = include_str!("../../rules/medicines.txt");

/// The list of what only a `supplement` suggestion may name (same format).
const SUPPLEMENTS_TXT: &str = include_str!("../../rules/supplements.txt");

/// A joined span whose parts were separated by white space ("ibu profen") names a medicine
/// only if every part is a single letter ("t h c"), or the joined name has at least
/// `MIN_SPACED_JOIN` letters and every part at least `MIN_SPACED_PART` ("buffer in" is not
/// "Bufferin", "salsa late" is "salsalate": a rare risk kept for "ibu profen").
const MIN_SPACED_JOIN: usize = 7;

/// See [`MIN_SPACED_JOIN`].
const MIN_SPACED_PART: usize = 3;

/// Units and multipliers that are stripped from a word glued to a number: "2xnurofen",
/// "400mgibuprofen", "nurofenx2".
const NUMBER_AFFIXES: &[&str] = &["x", "mg", "mgs", "mcg", "ug", "g", "ml", "iu"];

// ------------------------------------------------------------------------------------------
// Character classes

/// Whether `c` is an invisible or format character: zero-width space, joiners, soft hyphen,
/// bidi controls, variation selectors, invisible fillers and tags.
fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD                  // soft hyphen
            | 0x034F            // combining grapheme joiner
            | 0x061C            // Arabic letter mark
            | 0x115F | 0x1160  // Hangul fillers
            | 0x17B4 | 0x17B5  // Khmer inherent vowels
            | 0x180B..=0x180F   // Mongolian variation selectors and vowel separator
            | 0x200B..=0x200F   // zero-width space, non-joiner, joiner, LRM, RLM
            | 0x202A..=0x202E   // bidi embeddings and overrides
            | 0x2060..=0x206F   // word joiner, invisible operators, bidi isolates, deprecated
            | 0x2800            // braille blank
            | 0x3164            // Hangul filler
            | 0xFE00..=0xFE0F   // variation selectors
            | 0xFEFF            // zero-width no-break space (byte order mark)
            | 0xFFA0            // halfwidth Hangul filler
            | 0xFFF9..=0xFFFB   // interlinear annotation
            | 0x1BCA0..=0x1BCA3 // shorthand format controls
            | 0x1D173..=0x1D17A // musical format controls
            | 0xE0000..=0xE007F // tags
            | 0xE0100..=0xE01EF // variation selectors supplement
    )
}

/// Whether `c` is a combining mark (accents written as a separate character).
fn is_combining(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Whether `c` is a control character: C0 other than line feed and tab, DEL, C1, and the
/// Unicode line and paragraph separators.
fn is_control(c: char) -> bool {
    let code = u32::from(c);
    (code < 0x20 && c != '\n' && c != '\t')
        || (0x7F..=0x9F).contains(&code)
        || code == 0x2028
        || code == 0x2029
}

/// Whether `c` must not be printed as it is in a one-line message: any control character
/// (line breaks and tabs too) or an invisible one.
pub(crate) fn unprintable(c: char) -> bool {
    c.is_control() || is_control(c) || is_invisible(c)
}

/// A short name for the characters [`hygiene`] refuses most often.
fn char_name(code: u32) -> Option<&'static str> {
    Some(match code {
        0x00 => "null",
        0x07 => "bell",
        0x08 => "backspace",
        0x0D => "carriage return",
        0x1B => "escape",
        0x7F => "delete",
        0x9B => "control sequence introducer",
        0x00AD => "soft hyphen",
        0x034F => "combining grapheme joiner",
        0x200B => "zero-width space",
        0x200C => "zero-width non-joiner",
        0x200D => "zero-width joiner",
        0x200E => "left-to-right mark",
        0x200F => "right-to-left mark",
        0x2028 => "line separator",
        0x2029 => "paragraph separator",
        0x202A..=0x202E | 0x2066..=0x2069 => "bidirectional text control",
        0x2060 => "word joiner",
        0xFE00..=0xFE0F => "variation selector",
        0xFEFF => "zero-width no-break space",
        0xE0000..=0xE007F => "tag character",
        _ => return None,
    })
}

// ------------------------------------------------------------------------------------------
// Hygiene

/// Why a text of a pack is refused as not plain, visible text
/// ([`ErrorKind::TextHygiene`](crate::ErrorKind::TextHygiene)). Offsets are byte offsets
/// into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextProblem {
    /// A control character: C0 other than `\n`, `\t` and the `\r` of a `\r\n` line end (so
    /// ESC, which starts terminal escape codes), DEL, C1 (including the one-byte CSI), or
    /// U+2028/U+2029.
    ControlCharacter {
        /// Byte offset of the character.
        at: usize,
        /// Its code point.
        code: u32,
    },
    /// An invisible or format character: zero-width space or joiner, soft hyphen, bidi
    /// control, variation selector, invisible filler or tag.
    Invisible {
        /// Byte offset of the character.
        at: usize,
        /// Its code point.
        code: u32,
    },
    /// The text is empty, or only white space, invisible characters and combining marks.
    Blank,
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, at, code) = match *self {
            TextProblem::Blank => {
                return f.write_str(
                    "the text shows nothing (only white space or invisible characters)",
                );
            }
            TextProblem::ControlCharacter { at, code } => ("control character", at, code),
            TextProblem::Invisible { at, code } => ("invisible character", at, code),
        };
        write!(f, "{kind} U+{code:04X}")?;
        if let Some(name) = char_name(code) {
            write!(f, " ({name})")?;
        }
        write!(f, " at byte {at}: remove it")
    }
}

impl std::error::Error for TextProblem {}

/// Checks that `text` is plain, visible text: no control character (C0 other than `\n`, `\t`
/// and `\r\n`, DEL, C1, U+2028/U+2029), no invisible or format character (the ones [`fold`]
/// removes, combining marks apart), and not blank.
///
/// # Errors
///
/// The first problem found: the earliest control character; else [`TextProblem::Blank`];
/// else the earliest invisible character.
pub fn hygiene(text: &str) -> Result<(), TextProblem> {
    let mut invisible = None;
    let mut blank = true;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let code = u32::from(c);
        // A Windows line end in a multi-line string is a line end, not a control code.
        let line_end = c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n');
        if is_control(c) && !line_end {
            return Err(TextProblem::ControlCharacter { at, code });
        }
        if is_invisible(c) {
            if invisible.is_none() {
                invisible = Some(TextProblem::Invisible { at, code });
            }
        } else if !c.is_whitespace() && !is_combining(c) {
            blank = false;
        }
    }
    if blank {
        return Err(TextProblem::Blank);
    }
    invisible.map_or(Ok(()), Err)
}

// ------------------------------------------------------------------------------------------
// Folding

/// Printable ASCII, for handing out one-character `&'static str`s.
const PRINTABLE: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// The lower-case ASCII string for the printable ASCII byte `byte`.
fn ascii(byte: u8) -> Option<&'static str> {
    let at = usize::from(byte.to_ascii_lowercase().checked_sub(0x20)?);
    PRINTABLE.get(at..at + 1)
}

/// The letter `index` places after `a` (or `0` for digits), for ranges of letter-like forms.
fn nth_from(first: u8, index: u32) -> Option<&'static str> {
    ascii(first.checked_add(u8::try_from(index).ok()?)?)
}

/// Base letters for U+00C0..U+02AF, one byte per code point (`.`: none). Generated from the
/// Unicode decompositions, plus look-alikes for letters that have none (ø, ł, ɑ, ɡ, ɪ...).
const LATIN_00C0: &[u8] = concat!(
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y", // U+00C0
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll", // U+0100
    "lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs", // U+0140
    "bbbb..occdddd.eeeffgy.iikkl.wnnooo..ppr....ttttuuuvyyzz.........", // U+0180
    ".............aaiioouuuuuuuuuueaaaa..ggggkkoooo..j...gg..nnaa..oo", // U+01C0
    "aaaaeeeeiiiioooorrrruuuusstt..hhn...zzaaeeooooooooyylntj...ccl.s", // U+0200
    "z..buveejjqqrryyaaabocddeeeeeeejgggy.hh.iiilll.w.mnnno...r.rrrr.", // U+0240
    "rrs.j...tuuvvwyyzz.......b.ghj.l................",                 // U+0280
)
.as_bytes();

/// Base letters for U+1E00..U+1EFF (Latin Extended Additional), as [`LATIN_00C0`].
const LATIN_1E00: &[u8] = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm", // U+1E00
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv", // U+1E40
    "wwwwwwwwwwxxxxyyzzzzzzhtwyas...daaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee", // U+1E80
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy....yy", // U+1EC0
)
.as_bytes();

/// The base letter of a precomposed Latin letter with an accent ("é" -> "e").
fn latin_base(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    let byte = match code {
        0x00C0..=0x02AF => LATIN_00C0.get(usize::try_from(code - 0x00C0).ok()?),
        0x1E00..=0x1EFF => LATIN_1E00.get(usize::try_from(code - 0x1E00).ok()?),
        _ => None,
    }?;
    if *byte == b'.' { None } else { ascii(*byte) }
}

/// Compatibility forms, ligatures, multi-letter Latin letters and upper-case look-alikes from
/// other scripts, folded before lower-casing. Returns lower-case ASCII.
fn compat(c: char) -> Option<&'static str> {
    compat_range(u32::from(c)).or_else(|| compat_char(c))
}

/// [`compat`] for the ranges of letter-like forms: fullwidth, mathematical, circled.
fn compat_range(code: u32) -> Option<&'static str> {
    match code {
        // Fullwidth ASCII and the ideographic space.
        0xFF01..=0xFF5E => return u8::try_from(code - 0xFEE0).ok().and_then(ascii),
        0x3000 => return Some(" "),
        // Mathematical alphanumeric Latin letters (bold, italic, script, ...) and digits.
        0x1D400..=0x1D6A3 => {
            let index = (code - 0x1D400) % 52;
            return if index < 26 {
                nth_from(b'a', index)
            } else {
                nth_from(b'a', index - 26)
            };
        }
        0x1D7CE..=0x1D7FF => return nth_from(b'0', (code - 0x1D7CE) % 10),
        // Parenthesized, circled and squared Latin letters.
        0x249C..=0x24B5 => return nth_from(b'a', code - 0x249C),
        0x24B6..=0x24CF => return nth_from(b'a', code - 0x24B6),
        0x24D0..=0x24E9 => return nth_from(b'a', code - 0x24D0),
        0x1F130..=0x1F149 => return nth_from(b'a', code - 0x1F130),
        0x1F150..=0x1F169 => return nth_from(b'a', code - 0x1F150),
        0x1F170..=0x1F189 => return nth_from(b'a', code - 0x1F170),
        _ => {}
    }
    None
}

/// [`compat`] for single characters: apostrophes, ligatures, letterlike symbols, upper-case
/// look-alikes.
#[allow(clippy::match_same_arms)] // grouped by kind of character, not by result
fn compat_char(c: char) -> Option<&'static str> {
    Some(match c {
        // Apostrophes and primes, so "nurofen’s" is a possessive like "nurofen's".
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02B9}' | '\u{02BB}'
        | '\u{02BC}' => "'",
        // Letters that fold to more than one letter.
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' | 'ǣ' | 'Ǣ' | 'ǽ' | 'Ǽ' | 'ӕ' | 'Ӕ' => "ae",
        'œ' | 'Œ' | 'ɶ' => "oe",
        'þ' | 'Þ' => "th",
        'ĳ' | 'Ĳ' => "ij",
        'ǆ' | 'ǅ' | 'Ǆ' | 'ǳ' | 'ǲ' | 'Ǳ' => "dz",
        'ǉ' | 'ǈ' | 'Ǉ' => "lj",
        'ǌ' | 'ǋ' | 'Ǌ' => "nj",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        // Letterlike symbols that stand in for letters.
        'ℂ' | 'ℭ' => "c",
        'ℯ' | 'ℰ' => "e",
        'ℱ' => "f",
        'ℊ' => "g",
        'ℋ' | 'ℌ' | 'ℍ' | 'ℎ' => "h",
        'ℐ' | 'ℑ' | 'ℹ' => "i",
        '\u{212A}' => "k",
        'ℒ' | 'ℓ' => "l",
        'ℳ' => "m",
        'ℕ' => "n",
        'ℴ' => "o",
        'ℙ' => "p",
        'ℚ' => "q",
        'ℛ' | 'ℜ' | 'ℝ' => "r",
        'ℤ' | 'ℨ' => "z",
        '\u{212B}' => "a",
        // Upper-case Cyrillic, Greek and Armenian letters that look like Latin capitals.
        'А' | 'Α' => "a",
        'В' | 'Β' => "b",
        'С' => "c",
        'Е' | 'Ε' => "e",
        'Н' | 'Η' => "h",
        'І' | 'Ι' | 'Ӏ' => "i",
        'Ј' => "j",
        'К' | 'Κ' => "k",
        'Լ' => "l",
        'М' | 'Μ' => "m",
        'Ν' => "n",
        'О' | 'Ο' | 'Օ' => "o",
        'Р' | 'Ρ' => "p",
        'Ԛ' => "q",
        'Ѕ' => "s",
        'Т' | 'Τ' => "t",
        'Ս' => "u",
        'Ԝ' => "w",
        'Х' | 'Χ' => "x",
        'У' | 'Υ' => "y",
        'Ζ' => "z",
        _ => return None,
    })
}

/// Lower-case letters of other scripts, and Latin small capitals, that look like a Latin
/// letter.
fn lookalike(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'α' | 'ά' | 'ᴀ' => "a",
        'в' | 'ь' | 'β' | 'ʙ' => "b",
        'с' | 'ϲ' | 'ᴄ' => "c",
        'ԁ' | 'ᴅ' => "d",
        'е' | 'ё' | 'ҽ' | 'ә' | 'ε' | 'έ' | 'ᴇ' => "e",
        'ꜰ' => "f",
        'ց' => "g",
        'һ' | 'н' | 'հ' | 'ʜ' => "h",
        'і' | 'ї' | 'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'ј' | 'ϳ' | 'ᴊ' => "j",
        'к' | 'κ' | 'ᴋ' => "k",
        'ӏ' | 'ʟ' => "l",
        'м' | 'ᴍ' => "m",
        'п' | 'η' | 'ή' | 'ո' => "n",
        'о' | 'ο' | 'ό' | 'օ' | 'ᴏ' => "o",
        'р' | 'ρ' | 'ᴘ' => "p",
        'ԛ' | 'զ' => "q",
        'г' => "r",
        'ѕ' | 'ꜱ' => "s",
        'т' | 'τ' | 'ᴛ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' | 'μ' | 'ս' | 'ᴜ' => "u",
        'ν' | 'ѵ' | 'ᴠ' => "v",
        'ԝ' | 'ω' | 'ώ' | 'ᴡ' => "w",
        'х' | 'χ' => "x",
        'у' | 'ү' | 'γ' => "y",
        'ᴢ' => "z",
        _ => return None,
    })
}

/// The form of `text` that the medicine check matches against.
///
/// - Removes invisible and format characters (zero-width space, non-joiner and joiner,
///   U+2060..U+2064 and the other invisible operators, U+FEFF, soft hyphen, combining grapheme
///   joiner, bidi controls, variation selectors, invisible fillers, tags).
/// - Removes combining marks (U+0300..U+036F, U+1AB0..U+1AFF, U+1DC0..U+1DFF,
///   U+20D0..U+20FF, U+FE20..U+FE2F).
/// - Folds fullwidth forms (U+FF01..U+FF5E) to ASCII and the ideographic space to a space;
///   folds mathematical, circled, parenthesized and squared Latin letters, ligatures and
///   letterlike symbols to plain letters, and curly apostrophes to `'`.
/// - Folds accented Latin letters (Latin-1 Supplement, Latin Extended-A and -B, IPA
///   Extensions, Latin Extended Additional) to their base letter: é -> e, ü -> u, ø -> o,
///   ß -> ss, æ -> ae.
/// - Folds Cyrillic, Greek and Armenian letters that look like Latin letters to those letters
///   (Cyrillic о -> o), so a word spelled wholly in look-alikes still reads as what it shows.
/// - Lower-cases.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_invisible(c) || is_combining(c) {
            // dropped
        } else if let Some(folded) = compat(c) {
            out.push_str(folded);
        } else {
            for lower in c.to_lowercase() {
                if lower.is_ascii() {
                    out.push(lower);
                } else if is_combining(lower) {
                    // "İ" lower-cases to "i" and a combining dot
                } else if let Some(folded) = compat(lower)
                    .or_else(|| latin_base(lower))
                    .or_else(|| lookalike(lower))
                {
                    out.push_str(folded);
                } else {
                    out.push(lower);
                }
            }
        }
    }
    out
}

/// Leet-speak variants of folded text: a lone digit next to a letter, or `@ $ ! |` between
/// letters, read as the letter it stands for ("ibupr0fen", "asp1rin"). Two variants when
/// `1 ! |` occur (read as "i", then as "l"), none when nothing is eligible.
fn leet_variants(folded: &str) -> Vec<String> {
    fn letter_for(c: char, one: char) -> Option<char> {
        Some(match c {
            '0' => 'o',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' => 't',
            '8' => 'b',
            '1' | '!' | '|' => one,
            _ => return None,
        })
    }
    if !folded.contains(['0', '1', '3', '4', '5', '7', '8', '@', '$', '!', '|']) {
        return Vec::new();
    }
    let chars: Vec<char> = folded.chars().collect();
    let eligible = |at: usize| -> bool {
        let Some(&c) = chars.get(at) else {
            return false;
        };
        if letter_for(c, 'i').is_none() {
            return false;
        }
        let before = at.checked_sub(1).and_then(|b| chars.get(b)).copied();
        let after = chars.get(at + 1).copied();
        let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
        let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
        if c.is_ascii_digit() {
            !digit(before) && !digit(after) && (letter(before) || letter(after))
        } else {
            letter(before) && letter(after)
        }
    };
    let spots: Vec<usize> = (0..chars.len()).filter(|&at| eligible(at)).collect();
    if spots.is_empty() {
        return Vec::new();
    }
    let ambiguous = spots
        .iter()
        .any(|&at| matches!(chars.get(at), Some('1' | '!' | '|')));
    let ones: &[char] = if ambiguous { &['i', 'l'] } else { &['i'] };
    ones.iter()
        .map(|&one| {
            let mut variant = chars.clone();
            for &at in &spots {
                if let Some(slot) = variant.get_mut(at) {
                    *slot = letter_for(*slot, one).unwrap_or(*slot);
                }
            }
            variant.into_iter().collect()
        })
        .collect()
}

/// `text` with HTML-like tags removed and character references decoded, or `None` when it
/// has neither: a renderer that reads pack text as HTML or Markdown would show
/// "ibu<b></b>profen" and "ibupr&#111;fen" as "ibuprofen".
fn unmarked(text: &str) -> Option<String> {
    if !text.contains(['<', '&']) {
        return None;
    }
    /// How far to look for the `>` or `;` that closes a tag or a reference.
    const TAG_MAX: usize = 256;
    const REFERENCE_MAX: usize = 12;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let close = |end: char, max: usize| {
            rest.char_indices()
                .take(max)
                .find(|&(_, c)| c == end)
                .map(|(at, _)| at)
        };
        let skip = match c {
            '<' => close('>', TAG_MAX).filter(|&end| {
                let inner = rest.get(1..end).unwrap_or_default();
                !inner.contains('<')
                    && inner.chars().next().is_some_and(|first| {
                        first.is_ascii_alphabetic() || first == '/' || first == '!'
                    })
            }),
            '&' => close(';', REFERENCE_MAX).filter(|&end| {
                match rest.get(1..end).and_then(reference) {
                    Some(decoded) => {
                        out.push(decoded);
                        true
                    }
                    None => false,
                }
            }),
            _ => None,
        };
        let next = match skip {
            Some(end) => end + 1,
            None => {
                out.push(c);
                c.len_utf8()
            }
        };
        rest = rest.get(next..).unwrap_or_default();
    }
    Some(out)
}

/// The character an HTML character reference stands for: `#111`, `#x6F`, or a few names.
fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "ZeroWidthSpace" => '\u{200B}',
        _ => return None,
    })
}

// ------------------------------------------------------------------------------------------
// Words

/// What lies between a word and the one before it.
#[derive(Debug, Clone, Copy, Default)]
struct Gap {
    /// It holds white space.
    space: bool,
    /// It ends a clause: white space together with `, ; : . ! ?` or a bracket or quote
    /// ("icy, hot"). Multi-word entries and joined spans do not cross it.
    clause: bool,
    /// Its last character is a digit ("2xnurofen").
    digit_before: bool,
}

/// A maximal run of letters in folded text.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    word: &'a str,
    /// Byte offset in the folded text.
    at: usize,
    gap: Gap,
    /// The character right after the word is a digit ("nurofenx2").
    digit_after: bool,
}

impl Gap {
    /// The gap made of the separator characters `text`.
    fn of(text: &str) -> Gap {
        let space = text.chars().any(char::is_whitespace);
        let mark = text.contains([
            ',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '{', '}', '"',
        ]);
        Gap {
            space,
            clause: space && mark,
            digit_before: text.chars().next_back().is_some_and(|c| c.is_ascii_digit()),
        }
    }
}

/// Splits folded text into words: maximal runs of letters; anything else (digits included)
/// separates words. A lone "s" after an apostrophe (the possessive "'s") is dropped.
fn tokenize(folded: &str) -> Vec<Token<'_>> {
    let letter = |c: char| c.is_alphabetic();
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut gap_start = 0;
    while let Some(rest) = folded.get(gap_start..) {
        let Some(offset) = rest.find(letter) else {
            break;
        };
        let start = gap_start + offset;
        let from_start = folded.get(start..).unwrap_or_default();
        let end = start + from_start.find(|c| !letter(c)).unwrap_or(from_start.len());
        let gap = folded.get(gap_start..start).unwrap_or_default();
        let word = folded.get(start..end).unwrap_or_default();
        let possessive =
            word == "s" && !gap.is_empty() && gap.chars().all(|c| c == '\'') && !tokens.is_empty();
        if !possessive {
            let next = folded.get(end..).and_then(|after| after.chars().next());
            tokens.push(Token {
                word,
                at: start,
                gap: Gap::of(gap),
                digit_after: next.is_some_and(|c| c.is_ascii_digit()),
            });
        }
        gap_start = end;
    }
    tokens
}

/// The stem of a word ending in "-es" after s, x, z, ch, sh or o ("patches" -> "patch").
fn es_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix("es")?;
    let ok = stem.ends_with(['s', 'x', 'z', 'o']) || stem.ends_with("ch") || stem.ends_with("sh");
    if ok && !stem.is_empty() {
        Some(stem)
    } else {
        None
    }
}

/// `word` and the singulars it may be the plural of: "-s", "-es", "-ies" for "-y".
fn forms(word: &str) -> [Option<Cow<'_, str>>; 4] {
    let non_empty = |s: &str| !s.is_empty();
    [
        Some(Cow::Borrowed(word)),
        word.strip_suffix('s')
            .filter(|s| non_empty(s))
            .map(Cow::Borrowed),
        es_stem(word).map(Cow::Borrowed),
        word.strip_suffix("ies")
            .filter(|s| non_empty(s))
            .map(|s| Cow::Owned(format!("{s}y"))),
    ]
}

/// Whether the text word `text` is the entry word `entry` or a plural of it.
fn word_matches(text: &str, entry: &str) -> bool {
    text == entry
        || text.strip_suffix('s') == Some(entry)
        || es_stem(text) == Some(entry)
        || text
            .strip_suffix("ies")
            .is_some_and(|s| !s.is_empty() && Some(s) == entry.strip_suffix('y'))
}

// ------------------------------------------------------------------------------------------
// The list

/// `medicines.txt`, parsed.
struct List {
    /// Entries as written, in file order.
    names: Vec<String>,
    /// One-word entries, and every multi-word entry glued together ("tonicwater"): key ->
    /// index in `names`.
    single: HashMap<String, usize>,
    /// Multi-word entries by their first word: (words, index in `names`).
    multi: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Exception phrases ("medicine ball") by their first word.
    exceptions: HashMap<String, Vec<Vec<String>>>,
    /// Every proper prefix of a key of `single`, to stop joining words early.
    prefixes: HashSet<String>,
}

impl List {
    fn parse(source: &str) -> List {
        let mut list = List {
            names: Vec::new(),
            single: HashMap::new(),
            multi: HashMap::new(),
            exceptions: HashMap::new(),
            prefixes: HashSet::new(),
        };
        for line in source.lines() {
            let entry = line.split('#').next().unwrap_or_default().trim();
            let (exception, entry) = match entry.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, entry),
            };
            let folded = fold(entry);
            let words: Vec<String> = tokenize(&folded)
                .iter()
                .map(|t| t.word.to_owned())
                .collect();
            let Some(first) = words.first().cloned() else {
                continue;
            };
            if exception {
                list.exceptions.entry(first).or_default().push(words);
                continue;
            }
            let index = list.names.len();
            list.names.push(entry.to_owned());
            let glued = words.concat();
            for end in 1..glued.len() {
                if let Some(prefix) = glued.get(..end) {
                    list.prefixes.insert(prefix.to_owned());
                }
            }
            list.single.entry(glued).or_insert(index);
            if words.len() > 1 {
                list.multi.entry(first).or_default().push((words, index));
            }
        }
        list
    }

    /// The entry `word` (or the singular of it) is, if any.
    fn lookup(&self, word: &str) -> Option<usize> {
        forms(word)
            .into_iter()
            .flatten()
            .find_map(|form| self.single.get(form.as_ref()).copied())
    }

    /// The entry `token` names on its own: the word, or the word with a unit or multiplier
    /// stripped where it is glued to a number.
    fn lookup_token(&self, token: &Token<'_>) -> Option<usize> {
        self.lookup(token.word)
            .or_else(|| {
                token.gap.digit_before.then(|| {
                    NUMBER_AFFIXES.iter().find_map(|affix| {
                        token
                            .word
                            .strip_prefix(affix)
                            .filter(|rest| !rest.is_empty())
                            .and_then(|rest| self.lookup(rest))
                    })
                })?
            })
            .or_else(|| {
                token.digit_after.then(|| {
                    NUMBER_AFFIXES.iter().find_map(|affix| {
                        token
                            .word
                            .strip_suffix(affix)
                            .filter(|rest| !rest.is_empty())
                            .and_then(|rest| self.lookup(rest))
                    })
                })?
            })
    }

    /// How many words the phrase `words` covers at `tokens[at..]`, if it matches there.
    fn phrase_at(tokens: &[Token<'_>], at: usize, words: &[String]) -> Option<usize> {
        for (offset, word) in words.iter().enumerate() {
            let token = tokens.get(at + offset)?;
            if offset > 0 && token.gap.clause {
                return None;
            }
            if !word_matches(token.word, word) {
                return None;
            }
        }
        Some(words.len())
    }

    /// The number of words an exception phrase covers at `tokens[at]`, or 0.
    fn exception_at(&self, tokens: &[Token<'_>], at: usize) -> usize {
        let Some(token) = tokens.get(at) else {
            return 0;
        };
        forms(token.word)
            .into_iter()
            .flatten()
            .filter_map(|form| self.exceptions.get(form.as_ref()))
            .flatten()
            .filter_map(|words| List::phrase_at(tokens, at, words))
            .max()
            .unwrap_or(0)
    }

    /// The entry named starting at `tokens[at]`: the longest multi-word entry, else the word
    /// itself, else a span of words joined together ("ibu-profen", "i b u p r o f e n").
    fn entry_at(&self, tokens: &[Token<'_>], at: usize) -> Option<usize> {
        let token = tokens.get(at)?;
        let multi = forms(token.word)
            .into_iter()
            .flatten()
            .filter_map(|form| self.multi.get(form.as_ref()))
            .flatten()
            .filter_map(|(words, index)| {
                List::phrase_at(tokens, at, words).map(|len| (len, *index))
            })
            .max_by_key(|&(len, index)| (len, std::cmp::Reverse(index)));
        if let Some((_, index)) = multi {
            return Some(index);
        }
        if let Some(index) = self.lookup_token(token) {
            return Some(index);
        }
        let mut joined = String::from(token.word);
        let mut spaced = false;
        let letters = |word: &str| word.chars().count();
        let mut all_single = letters(token.word) == 1;
        let mut any_short = letters(token.word) < MIN_SPACED_PART;
        for next in tokens.iter().skip(at + 1) {
            if next.gap.clause || !self.prefixes.contains(joined.as_str()) {
                break;
            }
            spaced |= next.gap.space;
            all_single &= letters(next.word) == 1;
            any_short |= letters(next.word) < MIN_SPACED_PART;
            joined.push_str(next.word);
            let counts =
                !spaced || all_single || (letters(&joined) >= MIN_SPACED_JOIN && !any_short);
            if let Some(index) = self.lookup(&joined).filter(|_| counts) {
                return Some(index);
            }
        }
        None
    }

    /// The earliest entry named in folded text: (byte offset, index in `names`).
    fn scan(&self, folded: &str) -> Option<(usize, usize)> {
        let tokens = tokenize(folded);
        let mut at = 0;
        while let Some(token) = tokens.get(at) {
            let skip = self.exception_at(&tokens, at);
            if skip > 0 {
                at += skip;
                continue;
            }
            if let Some(index) = self.entry_at(&tokens, at) {
                return Some((token.at, index));
            }
            at += 1;
        }
        None
    }
}

/// The parsed list, parsed on first use.
fn list() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    LIST.get_or_init(|| List::parse(MEDICINES_TXT))
}

/// The parsed supplement list, parsed on first use.
fn supplements() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    LIST.get_or_init(|| List::parse(SUPPLEMENTS_TXT))
}

/// The medicine `text` names, if any: the entry of `rules/medicines.txt` (as written there)
/// named earliest in the text. This is the check every text a person sees with a suggestion
/// goes through when a pack loads; hosts may run it over their own text too.
///
/// ```
/// assert_eq!(soothe::medicine_named("Take 2 Nurofen"), Some("nurofen"));
/// assert_eq!(soothe::medicine_named("ibu\u{200B}prof\u{0435}n400mg"), Some("ibuprofen"));
/// assert_eq!(soothe::medicine_named("A supportive pillow"), None);
/// ```
///
/// Matching is case-insensitive, after invisible characters and combining marks are removed,
/// fullwidth, mathematical and accented letters folded to plain ones, and letters of other
/// scripts that look like Latin ones read as those; whole words only, where any non-letter
/// (digits too) ends a word: "ibuprofen400mg" and "2xNurofen" name a medicine, "pillow" and "aspiring" do not.
/// Plurals and the possessive are understood ("pills", "nurofen's", "anti-inflammatories").
/// A multi-word entry matches across spaces, hyphens and punctuation that do not end a
/// clause ("pain-meds", "pain  meds", "Tiger.Balm", but not "icy, hot"), and glued
/// ("painmeds"). A word split by punctuation or letter-spacing is joined back
/// ("ibu-profen", "ibu.profen", "i b u p r o f e n"), as is one split by spaces into parts
/// of at least 3 letters if the joined name has at least 7 ("ibu profen"). Leet digits inside
/// a word are read as letters ("ibupr0fen"). Exception phrases ("medicine ball") are skipped.
#[must_use]
pub fn medicine_named(text: &str) -> Option<&'static str> {
    named(list(), text)
}

/// The supplement or supplement form `text` names, if any: the entry of
/// `rules/supplements.txt` named earliest, matched as [`medicine_named`] matches. Only a
/// suggestion of category `supplement` may name one.
///
/// ```
/// assert_eq!(soothe::supplement_named("Two potassium tablets each morning"), Some("tablet"));
/// assert_eq!(soothe::supplement_named("Foods rich in potassium, such as bananas"), None);
/// ```
#[must_use]
pub fn supplement_named(text: &str) -> Option<&'static str> {
    named(supplements(), text)
}

/// The entry of `list` that `text` names earliest, under every reading of the text.
fn named(list: &'static List, text: &str) -> Option<&'static str> {
    let folded = fold(text);
    let found = list.scan(&folded).or_else(|| {
        // Readings of the same text, tried only when the plain one names nothing.
        let unmarked = unmarked(text).map(|plain| fold(&plain));
        leet_variants(&folded)
            .into_iter()
            .chain(unmarked)
            .find_map(|variant| list.scan(&variant))
    });
    found
        .and_then(|(_, index)| list.names.get(index))
        .map(String::as_str)
}

/// Words that tell a person to take or use something, or that it is fine to.
const ADVISING: &[&str] = &[
    "take", "taking", "takes", "use", "using", "try", "trying", "apply", "applying", "rub",
    "swallow", "chew", "start", "starting", "give", "spray", "inhale", "pop", "double", "increase",
    "have", "having", "drink", "drinking", "sip", "eat", "help", "helps", "fine", "ok", "okay",
    "safe",
];

/// Words that, just before an advising word, turn it into a warning ("do not take",
/// "never use", "don't start", "stop taking").
const NEGATING: &[&str] = &["not", "never", "no", "t", "avoid", "stop", "without", "nor"];

/// The medicine a text advises taking, if it names one and somewhere tells the person to
/// take, use, try, apply, chew, start, increase (and the like) something, not negated by the
/// word just before ("do not take", "stop taking").
///
/// Red-flag texts may name medicines as possible causes ("a new medicine can cause cramps;
/// ask your pharmacist; do not stop it on your own"), but never advise one. The rule is
/// strict on purpose: a text that names a medicine and has any advising word anywhere is
/// refused, however far apart they stand.
#[must_use]
pub(crate) fn medicine_advised(text: &str) -> Option<&'static str> {
    medicine_named(text)?;
    sentences(text)
        .filter(|sentence| !sentence.trim_end().ends_with('?'))
        .find_map(|sentence| {
            let medicine = medicine_named(sentence)?;
            let folded = fold(sentence);
            let words: Vec<&str> = tokenize(&folded).iter().map(|t| t.word).collect();
            (advises(&words) || asks_for(&words)).then_some(medicine)
        })
}

/// Whether a sentence tells the person to ask someone for a medicine ("ask a pharmacist for
/// ibuprofen"): "ask", then "for", then a medicine within the next three words ("ask your GP
/// for a review of your statins" is not).
fn asks_for(words: &[&str]) -> bool {
    let Some(ask) = words.iter().position(|w| matches!(*w, "ask" | "asking")) else {
        return false;
    };
    let after = words.get(ask..).unwrap_or_default();
    let Some(at) = after.iter().position(|w| *w == "for") else {
        return false;
    };
    let next = after.get(at + 1..).unwrap_or_default();
    let next = next.get(..next.len().min(3)).unwrap_or_default();
    medicine_named(&next.join(" ")).is_some()
}

/// The sentences of a text, each with its closing mark (`.`, `!`, `?` or `;`).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '!', '?', ';'])
}

/// Whether a sentence's words tell the person to take or use something: an advising word not
/// negated by the word just before it.
fn advises(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, word)| {
        let negated = i
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(|before| NEGATING.contains(before));
        ADVISING.contains(word) && !negated
    })
}

// ------------------------------------------------------------------------------------------
// Scripts

/// The writing system of a letter, coarsely: what counts as "the same script" for
/// [`mixed_script_word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Letters used with any script (modifier letters, the micro sign).
    Common,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Georgian,
    Cherokee,
    /// Han, kana, Hangul and Bopomofo, which are written together.
    Cjk,
    /// Any other letter, by its 128-code-point block.
    Other(u32),
}

/// The script of the letter `c`.
fn script(c: char) -> Script {
    let code = u32::from(c);
    match code {
        0xB5 | 0x2B0..=0x2FF => Script::Common,
        0x41..=0x5A
        | 0x61..=0x7A
        | 0xAA
        | 0xBA
        | 0xC0..=0x2AF      // Latin-1 letters, Latin Extended-A and -B, IPA
        | 0x1D00..=0x1DBF   // phonetic extensions, small capitals
        | 0x1E00..=0x1EFF   // Latin Extended Additional
        | 0x2071 | 0x207F | 0x2090..=0x209C
        | 0x2100..=0x214F   // letterlike symbols
        | 0x2160..=0x2188   // Roman numerals
        | 0x249C..=0x24E9   // parenthesized and circled letters
        | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F
        | 0xFB00..=0xFB06   // ligatures
        | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A // fullwidth
        | 0x1D400..=0x1D6A5 // mathematical Latin
        | 0x1F130..=0x1F189 // squared letters
        => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF | 0x1D6A8..=0x1D7CB => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x530..=0x58F | 0xFB13..=0xFB17 => Script::Armenian,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x870..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        0x13A0..=0x13FF | 0xAB70..=0xABBF => Script::Cherokee,
        0x1100..=0x11FF     // Hangul jamo
        | 0x2E80..=0x2FDF   // CJK radicals
        | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3031..=0x3035 | 0x3038..=0x303C
        | 0x3040..=0x318F   // kana, Bopomofo, Hangul compatibility jamo
        | 0x31A0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF   // Hangul syllables
        | 0xF900..=0xFAFF | 0xFF66..=0xFFDC | 0x20000..=0x3FFFF
        => Script::Cjk,
        _ => Script::Other(code >> 7),
    }
}

/// The first word of `text` that mixes letters of different scripts ("ibuprоfen" with a
/// Cyrillic "о"), as written but without invisible characters.
///
/// A word is a maximal run of letters (combining marks stay in the word; invisible characters
/// are removed first, so they neither split nor hide a word). A word wholly in one script is
/// fine, whichever script it is (a pack may be written in Greek); fullwidth, mathematical and
/// circled Latin letters count as Latin; Han, kana and Hangul count as one script.
#[must_use]
pub fn mixed_script_word(text: &str) -> Option<String> {
    let mut word = String::new();
    let mut first: Option<Script> = None;
    let mut mixed = false;
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_invisible(c) {
            continue;
        }
        if is_combining(c) {
            if !word.is_empty() {
                word.push(c);
            }
            continue;
        }
        if c.is_alphabetic() {
            word.push(c);
            match (script(c), first) {
                (Script::Common, _) => {}
                (this, None) => first = Some(this),
                (this, Some(seen)) => mixed |= this != seen,
            }
        } else {
            if mixed {
                return Some(word);
            }
            word.clear();
            first = None;
        }
    }
    None
}

// ------------------------------------------------------------------------------------------

#[cfg(test)]
#[allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]
mod tests {
    #[test]
    fn red_flag_texts_may_name_a_medicine_but_not_advise_one() {
        for ok in [
            "Some medicines can cause cramps, statins among them. Ask your pharmacist.",
            "Do not stop a medicine on your own.",
            "Do not take ibuprofen until a doctor has seen you.",
            "Stop taking the new tablets only if your doctor says so.",
            "Call an ambulance now.",
            "Take a break and call your GP.",
            // Sentence by sentence: the advice and the medicine are in different sentences.
            "Take a break. Ibuprofen can cause stomach pain.",
            // A question asks; it does not advise.
            "Have you taken ibuprofen for this?",
            "Ask your GP for a review of the statins you are on.",
        ] {
            assert_eq!(medicine_advised(ok), None, "{ok}");
        }
        for (bad, named) in [
            ("Take ibuprofen while you wait.", "ibuprofen"),
            (
                "Chew an aspirin while you wait for the ambulance.",
                "aspirin",
            ),
            ("Do not wait: take ibuprofen.", "ibuprofen"),
            ("Paracetamol helps. Try it.", "paracetamol"),
            ("T\u{0430}ke ibupr0fen now.", "ibuprofen"),
            ("Paracetamol can help until you are seen.", "paracetamol"),
            ("Have some ibuprofen and see a GP today.", "ibuprofen"),
            ("Drink tonic water and see a GP today.", "tonic water"),
            (
                "Get seen today; until then, ibuprofen is fine.",
                "ibuprofen",
            ),
            (
                "Has a toe turned blue? If so, take an aspirin now.",
                "aspirin",
            ),
            (
                "Ask a pharmacist for ibuprofen and see a GP today.",
                "ibuprofen",
            ),
        ] {
            assert_eq!(medicine_advised(bad), Some(named), "{bad}");
        }
    }

    use super::*;

    /// Asserts that `text` names `expected`.
    #[track_caller]
    fn names(text: &str, expected: &str) {
        assert_eq!(medicine_named(text), Some(expected), "in {text:?}");
    }

    /// Asserts that `text` names no medicine.
    #[track_caller]
    fn clean(text: &str) {
        assert_eq!(medicine_named(text), None, "in {text:?}");
    }

    // ---------------------------------------------------------------- red-team cases

    #[test]
    fn cyrillic_o_inside_a_word() {
        let text = "Take ibupr\u{043E}fen for the cramp.";
        names(text, "ibuprofen");
        assert_eq!(mixed_script_word(text).as_deref(), Some("ibupr\u{043E}fen"));
        // Greek omicron, Armenian oh, upper case.
        names("IBUPR\u{039F}FEN", "ibuprofen");
        names("ibupr\u{0585}fen", "ibuprofen");
        assert!(mixed_script_word("ibupr\u{0585}fen").is_some());
    }

    #[test]
    fn a_word_wholly_in_look_alikes() {
        // Cyrillic Т, Н, С: one script, so only the fold catches it.
        let thc = "\u{0422}\u{041D}\u{0421}";
        assert_eq!(mixed_script_word(thc), None);
        names(thc, "thc");
        names("\u{0441}\u{043E}d\u{0435}in\u{0435}", "codeine");
    }

    #[test]
    fn invisible_characters_inside_a_word() {
        for invisible in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{00AD}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{034F}',
            '\u{202E}',
            '\u{FE0F}',
            '\u{E0041}',
        ] {
            let text = format!("Try ibu{invisible}profen tonight.");
            names(&text, "ibuprofen");
            assert!(
                matches!(hygiene(&text), Err(TextProblem::Invisible { at: 7, .. })),
                "{text:?}"
            );
        }
        names(
            "n\u{200B}u\u{200C}r\u{200D}o\u{00AD}f\u{2061}e\u{FEFF}n",
            "nurofen",
        );
    }

    #[test]
    fn combining_and_precomposed_accents() {
        names("ibu\u{0301}profen", "ibuprofen");
        names("i\u{0308}\u{0323}buprofen", "ibuprofen");
        names("ibúprofen", "ibuprofen");
        names("Parácetamöl", "paracetamol");
        names("İbuprofen", "ibuprofen");
        names("ịbuprofen", "ibuprofen");
        names("ɪʙᴜᴘʀᴏꜰᴇɴ", "ibuprofen");
        names("dıclofenac", "diclofenac");
        names("Nuroféns", "nurofen");
    }

    #[test]
    fn fullwidth_and_other_compatibility_letters() {
        names("ｉｂｕｐｒｏｆｅｎ", "ibuprofen");
        names("ＩＢＵＰＲＯＦＥＮ４００ｍｇ", "ibuprofen");
        names("Take\u{3000}ｎｕｒｏｆｅｎ", "nurofen");
        names("𝐢𝐛𝐮𝐩𝐫𝐨𝐟𝐞𝐧", "ibuprofen");
        names("𝓲𝓫𝓾𝓹𝓻𝓸𝓯𝓮𝓷", "ibuprofen");
        names("ⓘⓑⓤⓟⓡⓞⓕⓔⓝ", "ibuprofen");
        names("\u{FB02}exeril", "flexeril");
    }

    #[test]
    fn numbers_glued_to_a_name() {
        names("ibuprofen400mg", "ibuprofen");
        names("400mgibuprofen", "ibuprofen");
        names("2xNurofen", "nurofen");
        names("Nurofenx2", "nurofen");
        names("take 2 x 200mg ibuprofen", "ibuprofen");
        names("co-codamol 30/500", "co-codamol");
        names("cocodamol", "co-codamol");
    }

    #[test]
    fn brand_names() {
        for (text, expected) in [
            ("Nurofen", "nurofen"),
            ("Advil Liqui-Gels", "advil"),
            ("Motrin IB", "motrin"),
            ("Tylenol PM", "tylenol"),
            ("Panadol Osteo", "panadol"),
            ("Aleve", "aleve"),
            ("Voltaren Emulgel", "voltaren"),
            ("Deep Heat", "deep heat"),
            ("a can of Deep Freeze", "deep freeze"),
            ("Tiger Balm", "tiger balm"),
            ("Icy Hot", "icy hot"),
            ("Biofreeze", "biofreeze"),
            ("Bengay", "ben-gay"),
            ("Ben-Gay", "ben-gay"),
            ("Lyrica", "lyrica"),
            ("Neurontin", "neurontin"),
            ("Cymbalta", "cymbalta"),
            ("Savella", "savella"),
            ("Flexeril", "flexeril"),
            ("Valium", "valium"),
            ("Panadeine Forte", "panadeine"),
            ("Solpadeine", "solpadeine"),
            ("Radian-B", "radian-b"),
            ("Q-Vel", "q-vel"),
        ] {
            names(text, expected);
        }
    }

    #[test]
    fn everyday_words_for_medicines() {
        names("Ask about pain meds.", "pain med");
        names("pain-meds", "pain med");
        names("pain  meds", "pain med");
        names("pain\u{200B} meds", "pain med");
        names("painmeds", "pain med");
        names("your meds", "meds");
        names("a painkiller", "painkiller");
        names("painkillers", "painkiller");
        names("pain killers", "painkiller");
        names("pain-killer", "painkiller");
        names("pain-killing", "painkilling");
        names("two pills", "pill");
        names("muscle relaxants", "muscle relaxant");
        names("Muscle-Relaxant", "muscle relaxant");
        names("musclerelaxants", "muscle relaxant");
        names("anti-inflammatories", "anti-inflammatory");
        names("antiinflammatory gel", "anti-inflammatory");
        names("NSAIDs", "nsaid");
        names("an opioid", "opioid");
        names("sleeping tablets", "sleeping tablet");
        names("your medication", "medication");
        names("medicines", "medicine");
        names("OTC painkillers", "otc");
        names("a trigger-point injection", "injection");
        names("pain relief tablets", "pain relief tablet");
        names("a sleep aid", "sleep aid");
        names("sedatives", "sedative");
        names("a prescription", "prescription");
        names("medicated plasters", "medicated");
        names("homeopathic arnica", "homeopathic");
    }

    #[test]
    fn quinine_and_tonic_water() {
        names("a glass of tonic water", "tonic water");
        names("Tonic-Water", "tonic water");
        names("tonicwater", "tonic water");
        names("quinine sulphate", "quinine");
        names("a gin and tonic", "gin and tonic");
        names("bitter lemon", "bitter lemon");
    }

    #[test]
    fn creams_rubs_and_their_actives() {
        names("a menthol rub", "menthol");
        names("mentholated balm", "mentholated");
        names("capsaicin cream", "capsaicin");
        names("arnica gel", "arnica");
        names("methyl salicylate", "methyl salicylate");
        names("oil of wintergreen", "oil of wintergreen");
        names("camphor", "camphor");
        names("lidocaine patches", "lidocaine");
        names("diclofenac gel", "diclofenac");
        names("a pain relief cream", "relief cream");
        names("a muscle rub", "muscle rub");
        names("heat rub", "heat rub");
        names("numbing spray", "numbing spray");
    }

    #[test]
    fn cannabis_and_kratom() {
        for (text, expected) in [
            ("CBD oil", "cbd"),
            ("cannabidiol", "cannabidiol"),
            ("medical cannabis", "cannabis"),
            ("marijuana", "marijuana"),
            ("THC gummies", "thc"),
            ("kratom", "kratom"),
            ("hemp oil", "hemp oil"),
        ] {
            names(text, expected);
        }
    }

    #[test]
    fn every_field_is_checked_alike() {
        // The check does not know the field: ids, citations, notes and cautions read alike.
        names("take-ibuprofen", "ibuprofen");
        names("nurofen_for_cramps", "nurofen");
        names(
            "Smith J. Ibuprofen for night cramps. J Pain 2020;1:1-2.",
            "ibuprofen",
        );
        names(
            "Trials found paracetamol no better than placebo.",
            "paracetamol",
        );
        names("Do not combine with Tiger Balm.", "tiger balm");
    }

    #[test]
    fn words_split_by_punctuation_or_spacing() {
        names("ibu-profen", "ibuprofen");
        names("ibu.profen", "ibuprofen");
        names("ibu/profen", "ibuprofen");
        names("ibu·profen", "ibuprofen");
        names("ibu_pro_fen", "ibuprofen");
        names("i b u p r o f e n", "ibuprofen");
        names("I.B.U.P.R.O.F.E.N.", "ibuprofen");
        names("i-b-u-p-r-o-f-e-n", "ibuprofen");
        names("ibu profen", "ibuprofen");
        names("para ceta mol", "paracetamol");
        names("T H C", "thc");
        names("p i l l s", "pill");
    }

    #[test]
    fn leet_digits() {
        names("ibupr0fen", "ibuprofen");
        names("asp1rin", "aspirin");
        names("1buprofen", "ibuprofen");
        names("asp!rin", "aspirin");
        names("nur0fen400", "nurofen");
        names("parace7amol", "paracetamol");
    }

    #[test]
    fn markup_a_renderer_would_hide() {
        names("ibu<b></b>profen", "ibuprofen");
        names("ibu<span class=\"x\">pro</span>fen", "ibuprofen");
        names("ibupr&#111;fen", "ibuprofen");
        names("ibupr&#x6F;fen", "ibuprofen");
        names("ibupr&#1086;fen", "ibuprofen");
        names("ibu&shy;profen", "ibuprofen");
        names("Tiger&nbsp;Balm", "tiger balm");
        clean("if pain < 5 & rest > 2, stop");
        clean("Heat &amp; cold <em>packs</em>");
        clean("<<<<<<<<<<&&&&&&&&&&;;;;");
    }

    // ---------------------------------------------------------------- not medicines

    /// Words and phrases in safe advice that must not read as medicines.
    const SAFE: &[&str] = &[
        "stretch",
        "balance",
        "calming",
        "relaxation",
        "medical",
        "medically",
        "clinician",
        "pharmacist",
        "Ask your pharmacist.",
        "Tigers",
        "a tiger",
        "tiger stripes",
        "A supportive pillow",
        "pillows",
        "pillowcase",
        "a safe dose",
        "doses",
        "gentle",
        "angel",
        "gel pack",
        "a heat patch",
        "balmy",
        "lip balm",
        "ice cream",
        "cream",
        "rub the muscle",
        "spray bottle",
        "Magnesium tablets",
        "a tablet stand",
        "vitamin D",
        "vitamin D3",
        "Epsom salts",
        "hot-water bottle",
        "magnesium supplement",
        "MSM",
        "CoQ10",
        "co-Q10",
        "malic acid",
        "bananas",
        "potassium",
        "calcium",
        "tea",
        "water",
        "warm water",
        "massage",
        "non-drug therapies",
        "drug-free",
        "a stress reliever",
        "tonic contraction",
        "a home remedy",
        "placebo",
        "caffeine",
        "aspiring",
        "lyrical",
        "heroine",
        "heroines",
        "somatic",
        "Mediterranean",
        "the Med",
        "codes",
        "statistics",
        "a medicine ball",
        "sports medicine",
        "blood thinners",
        "anticoagulants",
        "keep a buffer in your day",
        "stay vegan in winter",
        "lean over the counter",
        "a hero in",
        "relax and rest",
        "icy, hot or numb skin",
        "deep, heat",
        "a cold spray of water",
        "a sonata",
        "morphing",
        "opinion",
        "tablets",
        "Raynaud's",
        "bath salts",
        "wheat bag",
        "tennis ball",
        "ginger",
        "turmeric",
        "eucalyptus",
        "lavender",
        "gym",
        "relaxer",
        "hypnotic music",
        "TENS machine",
        "deep relief from tension",
        "hair relaxer",
        "a spray bottle",
        "pain",
        "heat gives some pain relief",
        "relief",
        "muscle relaxation",
        "a tonic",
        "a sedentary day",
        "steady",
        "opinions",
        "pillar",
    ];

    #[test]
    fn ordinary_safe_words_are_not_refused() {
        for text in SAFE {
            clean(text);
            assert_eq!(mixed_script_word(text), None, "{text:?}");
        }
    }

    #[test]
    fn exceptions_cover_only_the_whole_phrase() {
        clean("Throw a medicine ball.");
        names("Take your medicine, then a ball.", "medicine");
        names("medicine ball and ibuprofen", "ibuprofen");
    }

    // ---------------------------------------------------------------- mixed scripts

    #[test]
    fn mixed_scripts() {
        assert_eq!(mixed_script_word("Ναι, ζεστό νερό."), None);
        assert_eq!(mixed_script_word("Тёплая ванна."), None);
        assert_eq!(mixed_script_word("温かいお風呂に入る"), None);
        assert_eq!(mixed_script_word("따뜻한 물"), None);
        assert_eq!(mixed_script_word("Gröber, Martínez, Gür, naïve"), None);
        assert_eq!(mixed_script_word("ｉｂｕprofen µg"), None);
        assert_eq!(mixed_script_word("Raynaudʼs"), None);
        assert_eq!(
            mixed_script_word("ok \u{03B9}buprofen").as_deref(),
            Some("\u{03B9}buprofen")
        );
        assert_eq!(mixed_script_word("Ꭺdvil").as_deref(), Some("Ꭺdvil"));
        assert_eq!(
            mixed_script_word("ibu\u{200B}prо\u{200D}fen").as_deref(),
            Some("ibuprоfen")
        );
        assert_eq!(mixed_script_word("Гreek"), Some("Гreek".to_owned()));
        assert_eq!(mixed_script_word("Ναιи"), Some("Ναιи".to_owned()));
    }

    // ---------------------------------------------------------------- hygiene

    #[test]
    fn hygiene_refuses_control_characters() {
        use TextProblem::ControlCharacter as C;
        assert_eq!(hygiene("red \u{1B}[31mflag"), Err(C { at: 4, code: 0x1B }));
        assert_eq!(hygiene("é\u{9B}31m"), Err(C { at: 2, code: 0x9B }));
        assert_eq!(hygiene("a\u{7F}"), Err(C { at: 1, code: 0x7F }));
        assert_eq!(hygiene("a\0b"), Err(C { at: 1, code: 0 }));
        assert_eq!(hygiene("line\rbreak"), Err(C { at: 4, code: 0x0D }));
        assert_eq!(hygiene("line\r\nbreak"), Ok(()));
        assert_eq!(hygiene("a\u{8}b"), Err(C { at: 1, code: 8 }));
        assert_eq!(
            hygiene("a\u{2028}b"),
            Err(C {
                at: 1,
                code: 0x2028
            })
        );
        assert_eq!(hygiene("\u{1B}"), Err(C { at: 0, code: 0x1B }));
        assert_eq!(hygiene("Call 999 now.\nDo not wait.\tReally."), Ok(()));
    }

    #[test]
    fn hygiene_refuses_invisible_characters() {
        use TextProblem::Invisible as I;
        for code in [
            0x200B, 0x200C, 0x200D, 0x00AD, 0x034F, 0x2060, 0x2064, 0xFEFF, 0x200E, 0x200F, 0x202A,
            0x202E, 0x2066, 0x2069, 0xFE00, 0xFE0F, 0x3164, 0xE0041,
        ] {
            let c = char::from_u32(code).unwrap();
            assert_eq!(
                hygiene(&format!("ok{c}ok")),
                Err(I { at: 2, code }),
                "U+{code:04X}"
            );
        }
        assert_eq!(hygiene("naïve café"), Ok(()));
        assert_eq!(hygiene("e\u{0301}"), Ok(()));
    }

    #[test]
    fn hygiene_refuses_blank_text() {
        for text in [
            "",
            " ",
            "\n\t ",
            "\u{200B}",
            "\u{200B}\u{200D} ",
            "\u{00A0}\u{3000}",
            "\u{2800}",
            "\u{0301}",
        ] {
            assert_eq!(hygiene(text), Err(TextProblem::Blank), "{text:?}");
        }
    }

    #[test]
    fn problems_display_on_one_line() {
        let shown = [
            TextProblem::ControlCharacter { at: 4, code: 0x1B }.to_string(),
            TextProblem::Invisible {
                at: 0,
                code: 0x200B,
            }
            .to_string(),
            TextProblem::Invisible {
                at: 9,
                code: 0x1234,
            }
            .to_string(),
            TextProblem::Blank.to_string(),
        ];
        assert_eq!(
            shown[0],
            "control character U+001B (escape) at byte 4: remove it"
        );
        assert_eq!(
            shown[1],
            "invisible character U+200B (zero-width space) at byte 0: remove it"
        );
        assert_eq!(shown[2], "invisible character U+1234 at byte 9: remove it");
        assert!(shown.iter().all(|s| !s.contains('\n') && !s.is_empty()));
    }

    // ---------------------------------------------------------------- fold

    #[test]
    fn fold_forms() {
        assert_eq!(
            fold("ÉCOLE ﬁne Straße Æsop øre"),
            "ecole fine strasse aesop ore"
        );
        assert_eq!(fold("ｉｂｕ\u{3000}ＡＢＣ！"), "ibu abc!");
        assert_eq!(fold("a\u{200B}b\u{00AD}c\u{0301}d"), "abcd");
        assert_eq!(fold("nurofen’s"), "nurofen's");
        assert_eq!(fold("Łódź"), "lodz");
    }

    // ---------------------------------------------------------------- the list

    #[test]
    fn the_list_parses_and_every_entry_matches_itself() {
        let list = list();
        assert!(list.names.len() > 350, "{} entries", list.names.len());
        let mut keys = HashMap::new();
        for (index, name) in list.names.iter().enumerate() {
            assert_eq!(
                name,
                &name.to_ascii_lowercase(),
                "entries are lower case: {name}"
            );
            assert!(name.is_ascii(), "entries are ASCII: {name}");
            let key: String = tokenize(&fold(name)).iter().map(|t| t.word).collect();
            if let Some(earlier) = keys.insert(key.clone(), index) {
                panic!(
                    "{name:?} repeats {:?} (both are {key:?})",
                    list.names[earlier]
                );
            }
            names(name, name);
            let plural = if name.ends_with(['s', 'x', 'z'])
                || name.ends_with("ch")
                || name.ends_with("sh")
            {
                format!("{name}es")
            } else if let Some(stem) = name.strip_suffix('y') {
                format!("{stem}ies")
            } else {
                format!("{name}s")
            };
            names(&plural, name);
            names(&name.to_ascii_uppercase(), name);
        }
        assert!(!list.exceptions.is_empty());
    }

    // ---------------------------------------------------------------- the built-in packs

    /// A string value of `key` in a TOML line: `key = "..."` (basic strings only).
    fn values(line: &str, key: &str) -> Vec<String> {
        let pattern = format!("{key} = \"");
        let mut found = Vec::new();
        for (at, _) in line.match_indices(&pattern) {
            let before = line[..at].chars().next_back();
            if !matches!(before, None | Some(' ' | '{' | ',')) {
                continue;
            }
            let mut value = String::new();
            let mut chars = line[at + pattern.len()..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => value.push('\n'),
                        Some('t') => value.push('\t'),
                        Some(other) => value.push(other),
                        None => {}
                    },
                    c => value.push(c),
                }
            }
            found.push(value);
        }
        found
    }

    /// Every (file, table, key, value) of the built-in packs for the checked keys.
    fn builtin_texts() -> Vec<(String, String, &'static str, String)> {
        let root = env!("CARGO_MANIFEST_DIR");
        let dir = std::path::Path::new(root).join("rules");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        let mut texts = Vec::new();
        for path in files {
            let source = std::fs::read_to_string(&path).unwrap();
            assert!(
                !source.contains("\"\"\"") && !source.contains("'''"),
                "{}: multi-line strings need a better extractor",
                path.display()
            );
            let mut table = String::new();
            for line in source.lines() {
                let trimmed = line.trim();
                if trimmed.starts_with('#') {
                    continue;
                }
                if trimmed.starts_with('[') && !trimmed.contains('=') {
                    table = trimmed.to_owned();
                    continue;
                }
                for key in [
                    "title",
                    "how_to",
                    "note",
                    "text",
                    "citation",
                    "id",
                    "description",
                    "safety_net",
                    "interim",
                    "label",
                    "question",
                ] {
                    for value in values(line, key) {
                        texts.push((path.display().to_string(), table.clone(), key, value));
                    }
                }
            }
        }
        texts
    }

    #[test]
    fn no_builtin_text_is_refused() {
        let texts = builtin_texts();
        assert!(texts.len() > 200, "only {} texts found", texts.len());
        let mut checked_for_medicines = 0;
        for (file, table, key, value) in &texts {
            let place = format!("{file} {table} {key} = {value:?}");
            assert_eq!(hygiene(value), Ok(()), "{place}");
            assert_eq!(mixed_script_word(value), None, "{place}");
            // Red flags and the vocabulary may name medicines (as causes; `new_medication`);
            // scenarios are not shown to anyone.
            let exempt = ["[[red_flag", "[[vocabulary", "[[scenario"]
                .iter()
                .any(|t| table.starts_with(t));
            if !exempt {
                assert_eq!(medicine_named(value), None, "{place}");
                checked_for_medicines += 1;
            }
        }
        assert!(checked_for_medicines > 150);
        // The red flags do name medicines, as causes: the exemption matters.
        assert!(
            texts
                .iter()
                .any(|(_, table, _, value)| table == "[[red_flag]]"
                    && value.contains("statins")
                    && medicine_named(value).is_some())
        );
    }

    #[test]
    fn many_texts_are_checked_quickly_enough() {
        let texts: Vec<String> = builtin_texts()
            .into_iter()
            .map(|(_, _, _, value)| value)
            .collect();
        let start = std::time::Instant::now();
        let mut refused = 0;
        for _ in 0..40 {
            for text in &texts {
                refused += usize::from(medicine_named(text).is_some());
                refused += usize::from(mixed_script_word(text).is_some());
                refused += usize::from(hygiene(text).is_err());
            }
        }
        let elapsed = start.elapsed();
        assert!(refused > 0);
        // Unoptimised test builds on a busy machine: a generous bound, not a benchmark.
        assert!(
            elapsed.as_secs() < 20,
            "{} texts took {elapsed:?}",
            texts.len() * 40
        );
    }
}

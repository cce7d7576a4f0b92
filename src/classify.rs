//! Character roles: what a character tells us about a line break next to it.
//!
//! Every Unicode line-breaking lookup goes through [`line_break_class`], and every
//! display-width lookup through [`char_width`], so that Unicode policy lives in one
//! place and either dependency can be swapped without touching the heuristics.

use unicode_linebreak::{break_property, BreakClass};
use unicode_width::UnicodeWidthChar;

/// What a character at the edge of a line says about the break beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharRole {
    /// Han ideographs and kana: no space at a seam, no word boundary.
    Ideograph,
    /// Hangul syllables and jamo: words are separated by spaces.
    Hangul,
    /// Letters of space-separated scripts (Latin, Greek, Cyrillic, …).
    Letter,
    /// Decimal digits.
    Digit,
    /// Opening brackets and quotes: a line may not end with one.
    Open,
    /// Closing brackets and quotes: a line may not start with one.
    Close,
    /// Sentence-ending punctuation (。！？ and their ASCII forms).
    SentenceEnd,
    /// Ellipsis: ends sentences, but also stands alone as a section mark.
    Ellipsis,
    /// Pause punctuation (，、；： and their ASCII forms).
    Pause,
    /// Dashes (——), which open subtitles and may end a line before a list.
    Dash,
    /// Block markers used before bylines and list items (□ ■ ● ◆ ▲ ★ …).
    Marker,
    /// Anything else (symbols, hyphens, controls).
    Other,
}

impl CharRole {
    /// A line may not start with this character (kinsoku, "line-start prohibited").
    ///
    /// The ellipsis is left out on purpose: a lone `……` is a common section mark.
    pub(crate) fn cannot_start_line(self) -> bool {
        matches!(
            self,
            CharRole::Close | CharRole::SentenceEnd | CharRole::Pause
        )
    }

    /// Letters and digits of space-separated scripts.
    pub(crate) fn is_alphanumeric(self) -> bool {
        matches!(self, CharRole::Letter | CharRole::Digit)
    }
}

/// The UAX #14 line-breaking class of `c`.
pub(crate) fn line_break_class(c: char) -> BreakClass {
    break_property(c as u32)
}

/// Byte offset of the first line-break opportunity after the start of `text`
/// (UAX #14), or `text.len()` if there is none before its end.
pub(crate) fn first_break_opportunity(text: &str) -> usize {
    // The chunk is short: stop after a few characters of an unbroken run
    // rather than scanning a long Latin line.
    unicode_linebreak::linebreaks(text)
        .next()
        .map_or(text.len(), |(offset, _)| offset)
}

/// The role of one character.
pub(crate) fn role_of(c: char) -> CharRole {
    // The common cases first: ASCII and the main ideograph block.
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => CharRole::Letter,
            '0'..='9' => CharRole::Digit,
            '.' | '!' | '?' => CharRole::SentenceEnd,
            ',' | ';' | ':' => CharRole::Pause,
            '(' | '[' | '{' => CharRole::Open,
            ')' | ']' | '}' => CharRole::Close,
            _ => CharRole::Other,
        };
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return CharRole::Ideograph;
    }
    match c {
        '。' | '！' | '？' | '．' | '｡' | '‼' | '⁇' | '⁈' | '⁉' => {
            CharRole::SentenceEnd
        }
        '…' | '‥' | '⋯' => CharRole::Ellipsis,
        '，' | '、' | '；' | '：' | '､' | '﹐' | '﹑' | '﹔' | '﹕' => CharRole::Pause,
        // Quotes are class QU in UAX #14, which does not say which side they open.
        '“' | '‘' | '«' | '‹' | '„' => CharRole::Open,
        '”' | '’' | '»' | '›' => CharRole::Close,
        '□' | '■' | '●' | '◆' | '▲' | '★' | '○' | '◇' | '△' | '☆' | '※' | '▶' | '►' | '•' | '◎'
        | '▪' | '▫' => CharRole::Marker,
        _ => match line_break_class(c) {
            BreakClass::OpenPunctuation => CharRole::Open,
            BreakClass::ClosePunctuation
            | BreakClass::CloseParenthesis
            | BreakClass::NonStarter => CharRole::Close,
            BreakClass::Exclamation => CharRole::SentenceEnd,
            BreakClass::InfixSeparator => CharRole::Pause,
            BreakClass::Inseparable => CharRole::Ellipsis,
            BreakClass::BeforeAndAfter => CharRole::Dash,
            BreakClass::Ideographic | BreakClass::ConditionalJapaneseStarter => CharRole::Ideograph,
            BreakClass::HangulLvSyllable
            | BreakClass::HangulLvtSyllable
            | BreakClass::HangulLJamo
            | BreakClass::HangulVJamo
            | BreakClass::HangulTJamo => CharRole::Hangul,
            BreakClass::Numeric => CharRole::Digit,
            BreakClass::Alphabetic | BreakClass::HebrewLetter if c.is_alphabetic() => {
                CharRole::Letter
            }
            _ => CharRole::Other,
        },
    }
}

/// Whether a full-width punctuation mark may be set at half width by punctuation
/// compression, letting a justified line hold more than its nominal width.
pub(crate) fn is_compressible(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '·'
            | '・'
    )
}

/// Whitespace that may indent or pad a line (ASCII space and tab, U+3000, …):
/// exactly Unicode `White_Space`, so that trimming never drops anything else.
pub(crate) fn is_line_space(c: char) -> bool {
    c.is_whitespace()
}

/// Display width of `c` in half-em units (an ideograph is 2, an ASCII letter 1).
///
/// The common characters take a fast path; everything else goes through
/// unicode-width. `wide_ambiguous` counts East Asian Ambiguous characters
/// (“ ” · ○ …) as wide, which is how Chinese text is set.
#[inline]
pub(crate) fn char_width(c: char, wide_ambiguous: bool) -> u32 {
    let cp = c as u32;
    if cp < 0x7F {
        return u32::from(cp >= 0x20);
    }
    if (0x4E00..=0x9FFF).contains(&cp)
        || (0x3000..=0x3029).contains(&cp)
        || (0xFF01..=0xFF60).contains(&cp)
    {
        return 2;
    }
    char_width_slow(c, wide_ambiguous)
}

/// Display width of `c` in half-em units, straight from unicode-width.
pub(crate) fn char_width_slow(c: char, wide_ambiguous: bool) -> u32 {
    let w = if wide_ambiguous {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_of_common_marks() {
        assert_eq!(role_of('。'), CharRole::SentenceEnd);
        assert_eq!(role_of('，'), CharRole::Pause);
        assert_eq!(role_of('：'), CharRole::Pause);
        assert_eq!(role_of('“'), CharRole::Open);
        assert_eq!(role_of('”'), CharRole::Close);
        assert_eq!(role_of('《'), CharRole::Open);
        assert_eq!(role_of('》'), CharRole::Close);
        assert_eq!(role_of('」'), CharRole::Close);
        assert_eq!(role_of('（'), CharRole::Open);
        assert_eq!(role_of('…'), CharRole::Ellipsis);
        assert_eq!(role_of('—'), CharRole::Dash);
        assert_eq!(role_of('中'), CharRole::Ideograph);
        assert_eq!(role_of('한'), CharRole::Hangul);
        assert_eq!(role_of('x'), CharRole::Letter);
        assert_eq!(role_of('é'), CharRole::Letter);
        assert_eq!(role_of('7'), CharRole::Digit);
        assert_eq!(role_of('□'), CharRole::Marker);
    }

    #[test]
    fn fast_width_agrees_with_unicode_width() {
        for cp in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(cp) {
                if c.is_control() {
                    continue;
                }
                for wide in [false, true] {
                    assert_eq!(char_width(c, wide), char_width_slow(c, wide), "{c:?}");
                }
            }
        }
    }
}

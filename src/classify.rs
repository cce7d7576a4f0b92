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
    // (In this order, the sets read most often are ranges: text, then the
    // marks no line may start with, and those that end a sentence.)
    /// Han ideographs and kana: no space at a seam, no word boundary.
    Ideograph,
    /// Letters of space-separated scripts (Latin, Greek, Cyrillic, …).
    Letter,
    /// Decimal digits.
    Digit,
    /// Pause punctuation (，、；： and their ASCII forms).
    Pause,
    /// Closing brackets and quotes: a line may not start with one.
    Close,
    /// Sentence-ending punctuation (。！ and their ASCII forms).
    SentenceEnd,
    /// A question mark (？ and its ASCII form): a sentence end that asks,
    /// which a subhead may be.
    Question,
    /// Ellipsis: ends sentences, but also stands alone as a section mark.
    Ellipsis,
    /// Opening brackets and quotes: a line may not end with one.
    Open,
    /// Dashes (——), which open subtitles and may end a line before a list.
    Dash,
    /// Block markers used before bylines and list items (□ ■ ● ◆ ▲ ★ …).
    Marker,
    /// Hangul syllables and jamo: words are separated by spaces.
    Hangul,
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
            CharRole::Close | CharRole::SentenceEnd | CharRole::Question | CharRole::Pause
        )
    }

    /// An ideograph, letter or digit: a line that ends with one stops
    /// without a mark (mid-word, mid-sentence, or as a heading does).
    pub(crate) fn is_text(self) -> bool {
        matches!(
            self,
            CharRole::Ideograph | CharRole::Letter | CharRole::Digit
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
///
/// One tailoring: no break after a slash before an ASCII letter or digit
/// (`GNU/Linux`, `/etc/init.d/`, `pool/main/libp/`). UAX #14 allows one
/// there, but neither Chromium nor TeX takes it: such a word or path moves
/// to the next line whole.
pub(crate) fn first_break_opportunity(text: &str) -> usize {
    let bytes = text.as_bytes();
    let alphanumeric = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    unicode_linebreak::linebreaks(text)
        .map(|(offset, _)| offset)
        .find(|&offset| !(offset >= 1 && bytes[offset - 1] == b'/' && alphanumeric(offset)))
        .unwrap_or(text.len())
}

/// [`first_break_opportunity`] of `text` from the UAX #14 classes of its
/// characters, pair by pair, where up to the break they are all CJK
/// punctuation or ideographs (see [`mark_class`] and [`marks_hold`]);
/// `None` where another character (a space, a letter, a combining mark…)
/// comes first: the full algorithm decides there.
#[cfg(test)]
pub(crate) fn first_break_in_marks(text: &str) -> Option<usize> {
    let mut before = None;
    for (at, c) in text.char_indices() {
        let class = mark_class(c)?;
        if before.is_some_and(|before| !marks_hold(before, class)) {
            return Some(at);
        }
        before = Some(class);
    }
    Some(text.len())
}

/// The UAX #14 class of `c` if it is CJK punctuation or an ideograph:
/// opening, closing, quote, non-starter, `！？`, ellipsis, dash, ideograph.
/// Between two such characters the break is decided by [`marks_hold`]
/// alone: a line of marks has no break for many characters, which this
/// reads several times faster than the full algorithm.
#[inline(always)]
pub(crate) fn mark_class(c: char) -> Option<BreakClass> {
    use BreakClass::{
        BeforeAndAfter as B2, CloseParenthesis as CP, ClosePunctuation as CL, Exclamation as EX,
        Ideographic as ID, Inseparable as IN, NonStarter as NS, OpenPunctuation as OP,
        Quotation as QU,
    };
    let class = line_break_class(c);
    matches!(class, OP | CL | CP | QU | NS | EX | IN | B2 | ID).then_some(class)
}

/// Whether UAX #14 allows no break between two characters of the classes
/// [`mark_class`] finds: none before a closing mark, `！？`, a quote, a
/// non-starter or an ellipsis (LB13, LB19, LB21, LB22), after an opening
/// mark or a quote (LB14, LB19) or inside a dash of two (LB17); a break
/// between any others (LB31).
/// (`const`: the mixed-chunk pair table in `line.rs` is built from it.)
#[inline(always)]
pub(crate) const fn marks_hold(before: BreakClass, after: BreakClass) -> bool {
    use BreakClass::{
        BeforeAndAfter as B2, CloseParenthesis as CP, ClosePunctuation as CL, Exclamation as EX,
        Inseparable as IN, NonStarter as NS, OpenPunctuation as OP, Quotation as QU,
    };
    matches!(after, CL | CP | EX | QU | NS | IN)
        || matches!(before, OP | QU)
        || matches!((before, after), (B2, B2))
}

/// Whether `c` may not be separated from the character before it but allows
/// a break after it, before an ideograph: the UAX #14 classes of closing
/// punctuation (CL, CP), `！？` (EX), infix separators (IS) and non-starters (NS).
pub(crate) fn holds_to_the_left(c: char) -> bool {
    matches!(
        line_break_class(c),
        BreakClass::ClosePunctuation
            | BreakClass::CloseParenthesis
            | BreakClass::Exclamation
            | BreakClass::InfixSeparator
            | BreakClass::NonStarter
    )
}

/// The role of one character.
#[inline(always)]
pub(crate) fn role_of(c: char) -> CharRole {
    // ASCII and the blocks of the marks at most other edges by table, then
    // the main ideograph block.
    let block = match c as u32 >> 7 {
        0 => 0,
        0x40 => 1,
        0x60 => 2,
        0x1FE => 3,
        _ if ('\u{4E00}'..='\u{9FFF}').contains(&c) => return CharRole::Ideograph,
        _ => return role_by_class(c),
    };
    BLOCK_ROLES[block * 128 + (c as usize & 0x7F)]
}

/// The role of an ASCII character.
const fn ascii_role(b: u8) -> CharRole {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => CharRole::Letter,
        b'0'..=b'9' => CharRole::Digit,
        b'.' | b'!' => CharRole::SentenceEnd,
        b'?' => CharRole::Question,
        b',' | b';' | b':' => CharRole::Pause,
        b'(' | b'[' | b'{' => CharRole::Open,
        b')' | b']' | b'}' => CharRole::Close,
        _ => CharRole::Other,
    }
}

/// [`role_of`] of U+2000–U+207F, U+3000–U+307F and U+FF00–U+FF7F (general
/// punctuation, CJK marks, full-width forms), as [`role_by_class`] finds
/// it, one letter a code point (see [`BLOCK_ROLES`]; a test holds them to it).
const BLOCK_ROLE_LETTERS: [&[u8; 128]; 3] = [
    b"....................AA..OCO.OCO...M.EEE..................OCMSC......POCQQS.......................................L...........OC.",
    b".PSIICIIOCOCOCOCOCIIOCOCOCOCCOCCIIIIIIIIII......IIIII.IIIIICCIII.IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII",
    b".SII..IIOCIIPISIIIIIIIIIIIPPIIIQIIIIIIIIIIIIIIIIIIIIIIIIIIIOICIIIIIIIIIIIIIIIIIIIIIIIIIIIIIOICIOCSOCPCIIIIIIIIIIIIIIIIIIIIIIIIII",
];

/// [`role_of`] of ASCII ([`ascii_role`]), then [`BLOCK_ROLE_LETTERS`] as roles.
const BLOCK_ROLES: [CharRole; 4 * 128] = {
    let mut roles = [CharRole::Other; 4 * 128];
    let mut at = 0;
    while at < 128 {
        roles[at] = ascii_role(at as u8);
        at += 1;
    }
    while at < roles.len() {
        roles[at] = match BLOCK_ROLE_LETTERS[at / 128 - 1][at % 128] {
            b'I' => CharRole::Ideograph,
            b'H' => CharRole::Hangul,
            b'L' => CharRole::Letter,
            b'D' => CharRole::Digit,
            b'O' => CharRole::Open,
            b'C' => CharRole::Close,
            b'S' => CharRole::SentenceEnd,
            b'Q' => CharRole::Question,
            b'E' => CharRole::Ellipsis,
            b'P' => CharRole::Pause,
            b'A' => CharRole::Dash,
            b'M' => CharRole::Marker,
            b'.' => CharRole::Other,
            _ => panic!("a role's letter"),
        };
        at += 1;
    }
    roles
};

/// [`role_of`] of a character that is not ASCII nor a main-block ideograph.
fn role_by_class(c: char) -> CharRole {
    match c {
        '。' | '！' | '．' | '｡' | '‼' | '⁉' => CharRole::SentenceEnd,
        '？' | '⁇' | '⁈' => CharRole::Question,
        '…' | '‥' | '⋯' => CharRole::Ellipsis,
        // (Class AI in UAX #14, but written for `—` in Chinese text: `――`,
        // `──`.)
        '―' | '─' => CharRole::Dash,
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
pub(crate) const fn is_compressible(c: char) -> bool {
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

/// Whether the UTF-8 text `bytes` starts with whitespace: an ASCII space or
/// control, or the sequence of U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F or U+3000 (a test checks the list against
/// [`is_line_space`]), read without decoding.
#[inline]
pub(crate) fn starts_with_space(bytes: &[u8]) -> bool {
    // Most lines open with a byte no space opens with: one table lookup.
    if !bytes.first().is_some_and(|&b| may_open_space(b)) {
        return false;
    }
    matches!(
        bytes,
        [b'\t'..=b'\r' | b' ', ..]
            | [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// Whether a space's UTF-8 sequence may start with byte `b` (see
/// [`starts_with_space`]), from a bitmap: cheaper than the byte ranges.
#[inline(always)]
pub(crate) fn may_open_space(b: u8) -> bool {
    const LEADS: [u64; 4] = {
        let mut leads = [0u64; 4];
        let mut b = 0usize;
        while b < 256 {
            if matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3) {
                leads[b / 64] |= 1 << (b % 64);
            }
            b += 1;
        }
        leads
    };
    LEADS[usize::from(b >> 6)] >> (b & 63) & 1 == 1
}

/// `text` without leading [`is_line_space`] characters: as
/// `str::trim_start_matches(is_line_space)`, but most lines stop at the first
/// byte, undecoded and without a call.
#[inline]
pub(crate) fn trim_space_start(text: &str) -> &str {
    if starts_with_space(text.as_bytes()) {
        trim_space_start_decoded(text)
    } else {
        text
    }
}

fn trim_space_start_decoded(text: &str) -> &str {
    let mut rest = text;
    while starts_with_space(rest.as_bytes()) {
        match rest.chars().next() {
            Some(c) if is_line_space(c) => rest = &rest[c.len_utf8()..],
            _ => break,
        }
    }
    rest
}

/// `text` without trailing [`is_line_space`] characters: as
/// `str::trim_end_matches(is_line_space)`, but most lines stop at the last
/// bytes, undecoded and without a call.
#[inline]
pub(crate) fn trim_space_end(text: &str) -> &str {
    if ends_with_space(text.as_bytes()) {
        trim_space_end_decoded(text)
    } else {
        text
    }
}

fn trim_space_end_decoded(text: &str) -> &str {
    let mut rest = text;
    while ends_with_space(rest.as_bytes()) {
        match rest.chars().next_back() {
            Some(c) if is_line_space(c) => rest = &rest[..rest.len() - c.len_utf8()],
            _ => break,
        }
    }
    rest
}

/// Whether the UTF-8 text `bytes` ends with whitespace, as
/// [`starts_with_space`] tells at its start.
#[inline]
fn ends_with_space(bytes: &[u8]) -> bool {
    // Most lines end with a character no space is: an ASCII letter or mark,
    // or one whose sequence starts with a byte none of theirs does (an
    // ideograph's `E4`–`E9`). One or two tests.
    let may = match bytes {
        [.., b] if *b < 0x80 => matches!(b, b'\t'..=b'\r' | b' '),
        [.., 0xC2, _] | [.., 0xE1..=0xE3, _, _] => true,
        _ => false,
    };
    if !may {
        return false;
    }
    matches!(
        bytes,
        [.., b'\t'..=b'\r' | b' ']
            | [.., 0xC2, 0x85 | 0xA0]
            | [.., 0xE1, 0x9A, 0x80]
            | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
            | [.., 0xE2, 0x81, 0x9F]
            | [.., 0xE3, 0x80, 0x80]
    )
}

/// Display width of `c` in half-em units (an ideograph is 2, an ASCII letter 1).
///
/// The common characters take a fast path; everything else goes through
/// unicode-width. `wide_ambiguous` counts East Asian Ambiguous characters
/// (“ ” · ○ …) as wide, which is how Chinese text is set.
#[inline(always)]
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
    // The Kangxi radicals and the CJK radicals supplement, which PDF text
    // extraction puts for the ideographs they look like (`⼀` for `一`).
    if (0x2F00..=0x2FD5).contains(&cp) || ((0x2E80..=0x2EF3).contains(&cp) && cp != 0x2E9A) {
        return 2;
    }
    // East Asian Ambiguous punctuation common in Chinese text: curly
    // quotes, the em dash, the ellipsis, the middle dot and the markers
    // of bylines and lists.
    if matches!(
        c,
        '‘' | '’'
            | '“'
            | '”'
            | '—'
            | '…'
            | '·'
            | '□'
            | '■'
            | '●'
            | '○'
            | '◆'
            | '▲'
            | '★'
            | '※'
    ) {
        return 1 + u32::from(wide_ambiguous);
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

/// Calls `check` on every text of two, three or four of `chars` (tests of
/// a fast path against the UAX #14 algorithm, here and in `line.rs`).
#[cfg(test)]
pub(crate) fn runs_of_up_to_four(chars: &[&str], mut check: impl FnMut(&str)) {
    let mut text = String::new();
    for a in chars {
        for b in chars {
            for c in chars.iter().chain([&""]) {
                for d in chars.iter().chain([&""]) {
                    text.clear();
                    text.extend([*a, *b, *c, *d]);
                    check(&text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_roles_are_the_roles_by_class() {
        for base in [0x2000, 0x3000, 0xFF00] {
            for c in (base..base + 128).filter_map(char::from_u32) {
                assert_eq!(role_of(c), role_by_class(c), "{c:?}");
            }
        }
    }

    #[test]
    fn no_break_after_a_slash_before_a_latin_letter_or_digit() {
        assert_eq!(
            first_break_opportunity("GNU/Linux 发行版"),
            "GNU/Linux ".len()
        );
        assert_eq!(
            first_break_opportunity("pool/main/libp/。"),
            "pool/main/libp/。".len()
        );
        // A path that opens with its slash stays whole too.
        assert_eq!(
            first_break_opportunity("/etc/init.d/ 中每个脚"),
            "/etc/init.d/ ".len()
        );
        // Elsewhere UAX #14 as it is: after a space, between ideographs.
        assert_eq!(first_break_opportunity("foo bar"), "foo ".len());
        assert_eq!(first_break_opportunity("中文"), "中".len());
    }

    #[test]
    fn breaks_in_marks_agree_with_uax14() {
        let chars = [
            "，",
            "。",
            "、",
            "；",
            "：",
            "？",
            "！",
            "“",
            "”",
            "‘",
            "’",
            "（",
            "）",
            "《",
            "》",
            "〈",
            "〉",
            "「",
            "」",
            "『",
            "』",
            "【",
            "】",
            "〔",
            "〕",
            "…",
            "—",
            "·",
            "ー",
            "々",
            "〜",
            "～",
            "字",
            "国",
            "ぁ",
            "ア",
            "가",
            "a",
            "1",
            " ",
            "\u{3000}",
            "(",
            ")",
            "\"",
            "'",
            ".",
            ",",
            "-",
            "\u{3099}",
            "\u{200B}",
            "\u{2060}",
            "\u{20000}",
            "😀",
            "%",
        ];
        runs_of_up_to_four(&chars, |text| {
            if let Some(end) = first_break_in_marks(text) {
                assert_eq!(end, first_break_opportunity(text), "{text:?}");
            }
        });
    }

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
    fn space_sequences_are_exactly_the_spaces() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(starts_with_space(bytes), is_line_space(c), "{c:?}");
            assert_eq!(ends_with_space(bytes), is_line_space(c), "{c:?}");
        }
    }

    #[test]
    fn fast_trims_agree_with_std() {
        let spaces = [
            " ", "\t", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}", "\u{1680}", "\u{2009}", "\r",
            "\u{b}",
        ];
        let others = [
            "字", "a", "\u{2014}", "\u{3001}", "\u{e9}", "\u{1100}", "\u{200B}", "\u{FEFF}", "",
        ];
        for a in spaces.iter().chain(&others) {
            for b in &others {
                for c in spaces.iter().chain(&others) {
                    let text = format!("{a}{c}{b}{c}{a}");
                    assert_eq!(
                        trim_space_start(&text),
                        text.trim_start_matches(is_line_space),
                        "{text:?}"
                    );
                    assert_eq!(
                        trim_space_end(&text),
                        text.trim_end_matches(is_line_space),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn fast_trims_agree_with_std_for_every_character() {
        for cp in 0..0x11_0000u32 {
            if let Some(c) = char::from_u32(cp) {
                for text in [format!("字{c}"), format!("{c}字"), format!("{c}")] {
                    assert_eq!(
                        trim_space_end(&text),
                        text.trim_end_matches(is_line_space),
                        "{c:?}"
                    );
                    assert_eq!(
                        trim_space_start(&text),
                        text.trim_start_matches(is_line_space),
                        "{c:?}"
                    );
                }
            }
        }
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

//! Stage 1: split the input into lines and measure each one.
//!
//! Consumes the input text; produces one [`Line`] per non-blank line: its byte
//! span, its display width in half-em units, its indent, the roles of its first
//! and last characters and a few shape flags. A `Line` is a small `Copy` value
//! with no owned text, so the later stages never allocate per line.
//!
//! Line terminators are `\n`, `\r\n` and a lone `\r`. A line is *blank* when it
//! holds only whitespace; blank lines are not measured, they are counted in the
//! [`Line::blanks_before`] of the next non-blank line.

use crate::classify::{
    char_width, first_break_opportunity, holds_to_the_left, is_compressible, role_of,
    trim_space_end, trim_space_start, CharRole,
};

/// A kind of newspaper furniture: a line that is its own paragraph by convention.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Furniture, ParagraphKind, Reflower};
///
/// let text = "（新华社北京1月28日电）\n\n来源：中国青年报\n";
/// let kinds: Vec<_> = Reflower::default().paragraphs(text).map(|p| p.kind()).collect();
/// assert_eq!(
///     kinds,
///     [ParagraphKind::Furniture(Furniture::Dateline), ParagraphKind::Furniture(Furniture::Source)]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Furniture {
    /// A byline: `□本报记者 张三`, `■通讯员 李四`.
    Byline,
    /// A dateline or agency credit in brackets: `（新华社北京1月28日电）`.
    Dateline,
    /// A source or editor line: `来源：中国青年报`, `责任编辑：…`.
    Source,
    /// A photo caption or credit: `图片由…提供`, `图为…`.
    Caption,
    /// A subtitle introduced by a dash: `——深入学习…`.
    Subtitle,
    /// A line introduced by a list or block marker: `一、`, `（二）`, `1.`, `①`, `●`.
    ListItem,
    /// A running header or folio: `南粤都市报 2022年10月11日 星期一 第4版`.
    RunningHeader,
}

/// Where a raw line sits in the input, before measuring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawLine {
    /// Byte offset of the first byte of the line.
    pub start: usize,
    /// Byte offset just past the line's content (before its terminator).
    pub end: usize,
    /// Byte offset just past the terminator (equals `end` on the last line).
    pub next: usize,
}

impl RawLine {
    /// The same line in a text `by` bytes longer in front.
    pub(crate) fn shifted(self, by: usize) -> RawLine {
        RawLine {
            start: self.start + by,
            end: self.end + by,
            next: self.next + by,
        }
    }
}

/// Iterator over the raw lines of a text. A final terminator does not open an
/// extra empty line, so `"a\n"` has one line and `""` has none.
pub(crate) struct RawLines<'t> {
    text: &'t str,
    pos: usize,
}

pub(crate) fn raw_lines(text: &str) -> RawLines<'_> {
    RawLines { text, pos: 0 }
}

/// Byte offset of the first `\n` or `\r` in `bytes` at or after `from`, or
/// `bytes.len()`.
///
/// One search for both terminators, eight bytes at a time: most lines are
/// short, and `memchr`'s set-up costs more than such a line's whole scan.
/// Both are ASCII, so no byte of a multi-byte character matches.
pub(crate) fn find_line_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // High bit set in the lowest byte of `word` equal to `b` (bytes above a
    // match may be marked too, which `trailing_zeros` never reads).
    let matches = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut chunks = bytes[from..].chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = matches(word, b'\n') | matches(word, b'\r');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |i| at + i)
}

impl Iterator for RawLines<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        let start = self.pos;
        let len = self.text.len();
        if start >= len {
            return None;
        }
        let bytes = self.text.as_bytes();
        if bytes[start] == b'\n' {
            // An empty line: runs of them are common, and cheaper to step over
            // than to search.
            self.pos = start + 1;
            return Some(RawLine {
                start,
                end: start,
                next: self.pos,
            });
        }
        let end = find_line_end(bytes, start);
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        self.pos = (end + if crlf { 2 } else { 1 }).min(len);
        Some(RawLine {
            start,
            end,
            next: self.pos,
        })
    }
}

/// Numbers raw lines and counts the blank ones before each non-blank line, as
/// [`Line::measure`] needs, across calls (the stream feeds text in chunks).
#[derive(Debug, Default)]
pub(crate) struct LineCounter {
    /// Index of the next raw line.
    number: usize,
    /// Blank lines since the last non-blank one (none before the first:
    /// the output starts with its first line, so nothing may depend on them).
    blanks: u32,
    /// A non-blank line was measured.
    started: bool,
}

impl LineCounter {
    /// Measures the next raw line of `text`; `None` if it is blank.
    pub(crate) fn measure(
        &mut self,
        text: &str,
        raw: RawLine,
        wide_ambiguous: bool,
    ) -> Option<Line> {
        let line = Line::measure(text, raw, self.number, self.blanks, wide_ambiguous);
        self.number += 1;
        if line.is_some() {
            self.blanks = 0;
            self.started = true;
        } else if self.started {
            self.blanks += 1;
        }
        line
    }
}

/// Shape flags of a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Aligned or code-like: internal runs of spaces, tabs, box drawing, code fences.
    pub preformatted: bool,
    /// Justified text that the extractor letter-spaced (`据 新 华 社`).
    pub letter_spaced: bool,
    /// Runs of spaces inside the line, and nothing else preformatted about
    /// it: a table row, or a prose line that OCR spread. `preformatted`
    /// says which, once the lines around are known (see
    /// `paragraph::settle_aligned_lines`).
    pub aligned: bool,
}

/// One non-blank input line, measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// 0-based index of this line among all input lines.
    pub number: usize,
    /// Byte offset of the line's first byte (its indent included).
    pub start: usize,
    /// Byte offset of the first non-whitespace character.
    pub text_start: usize,
    /// Byte offset just past the last non-whitespace character.
    pub text_end: usize,
    /// Byte offset just past the line's content, before its terminator.
    pub end: usize,
    /// Blank lines between the previous non-blank line and this one (2 at a
    /// long-section cut, see [`SectionCut`]).
    pub blanks_before: u32,
    /// Width of the leading whitespace, in half-em.
    pub indent: u32,
    /// Display width, indent included, in half-em (an ideograph is 2).
    pub width: u32,
    /// Full-width punctuation marks that compression may set at half width.
    pub compressible: u32,
    /// Pause marks (`，、；：` and their ASCII forms): how often a line
    /// ends at one tells text cut into pieces at compressed marks.
    pub pauses: u32,
    /// Narrow (half-em) characters, mostly Latin letters and digits, which
    /// print a little wider than half an em in most CJK fonts.
    pub narrow: u32,
    /// Wide (1-em) characters.
    pub wide_chars: u32,
    /// Opening brackets and quotes (`（〔【《「『“(`) less closing ones:
    /// above zero, the line leaves a bracket open for the next to close.
    pub brackets: i32,
    /// Single spaces between two wide characters (letter-spacing).
    pub letter_spaces: u32,
    /// Runs of three or more spaces inside the line.
    pub space_runs: u32,
    /// Width in half-em of the line's first unbreakable chunk (UAX #14): a
    /// Latin word with its punctuation, or an ideograph with the marks that may
    /// not be separated from it. A line before this one that is short by less
    /// than this chunk was still full: the chunk did not fit on it.
    pub lead_chunk: u32,
    /// Role of the first non-whitespace character.
    pub first: CharRole,
    /// Role of the last non-whitespace character.
    pub last: CharRole,
    /// The line ends a sentence: `。！？…`, possibly followed by closing marks (`。”`).
    pub ends_sentence: bool,
    /// No wide character at all: a Latin word or number on a line of its own.
    pub all_narrow: bool,
    /// Ends inside a Latin word, a path or a URL: `apt-`, `/usr/share/`.
    pub ends_mid_word: bool,
    /// Ends with a photo credit, bracketed or not: `…摄`, `…提供`, `（… 摄）`.
    pub ends_with_credit: bool,
    /// A dateline that opens a paragraph's text: `本报北京1月28日电`, `本报讯`.
    pub dateline_lead: bool,
    /// Starts with a round or square bracket: `（另见…）`, `（本报记者 … 摄）`.
    pub opens_with_bracket: bool,
    /// Shape flags.
    pub shape: Shape,
    /// Newspaper furniture recognised from the line's own text.
    pub furniture: Option<Furniture>,
    /// Whether a long section was cut before this line to bound memory
    /// (see `paragraph::cut_long_section`).
    pub cut: SectionCut,
}

/// A cut of a long section before a line, and how it is written. The cut
/// line's `blanks_before` is 2 while it is analysed, as at any section
/// start (the output has either a real section break there or the same cut
/// again); the variants hold the blank lines the input had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum SectionCut {
    /// No cut: the line is where the input put it.
    #[default]
    None,
    /// Written as two blank lines, a section break that reflowing the output
    /// again respects.
    Marked(u32),
    /// Written with the line's own blank lines: the sections on both sides
    /// came out exactly as they came in, so reflowing the output again cuts
    /// in the same place (see `paragraph::Analysis::resolve_cuts`).
    Silent(u32),
}

impl Line {
    /// Blank lines written before this line when the break before it is kept.
    pub(crate) fn blanks_written(&self) -> u32 {
        match self.cut {
            SectionCut::Silent(read) => read,
            _ => self.blanks_before,
        }
    }

    /// Blank lines the input had before this line.
    pub(crate) fn blanks_read(&self) -> u32 {
        match self.cut {
            SectionCut::Marked(read) | SectionCut::Silent(read) => read,
            SectionCut::None => self.blanks_before,
        }
    }
}

impl Line {
    /// Moves the line's offsets `by` bytes back, after that much text before
    /// it was dropped.
    pub(crate) fn shift_back(&mut self, by: usize) {
        self.start -= by;
        self.text_start -= by;
        self.text_end -= by;
        self.end -= by;
    }

    /// The widest this line may really print, in half-em: narrow characters
    /// (digits, Latin) run up to a quarter wider than half an em.
    pub(crate) fn max_width(&self) -> u32 {
        self.width + self.narrow / 4
    }

    /// The narrowest this line may print with its punctuation compressed.
    pub(crate) fn min_width(&self) -> u32 {
        self.width.saturating_sub(self.compressible)
    }

    /// Measures one raw line; `None` if it is blank.
    pub(crate) fn measure(
        text: &str,
        raw: RawLine,
        number: usize,
        blanks_before: u32,
        wide_ambiguous: bool,
    ) -> Option<Line> {
        if raw.start == raw.end {
            return None;
        }
        let content = &text[raw.start..raw.end];
        let body = trim_space_start(content);
        let text_start = raw.start + (content.len() - body.len());
        let body = trim_space_end(body);
        if body.is_empty() {
            return None;
        }
        let (indent, leading_ascii) = indent_of(&content[..text_start - raw.start]);
        let counts = Counts::of(body, wide_ambiguous);
        let preformatted = counts.tab_or_box || (leading_ascii >= 2 && counts.wide_chars == 0);
        let place = Place {
            span: raw.start..raw.end,
            text_start,
            number,
            blanks_before,
            indent,
        };
        Some(Line::assemble(
            body,
            place,
            counts,
            preformatted,
            wide_ambiguous,
        ))
    }

    /// The line that joining `parts` (consecutive lines of `text`, joined with
    /// the given seams) makes, as [`Line::measure`] would measure it in
    /// `out[span]`, where the joined paragraph was written, but without
    /// rescanning its body: the counts add up, and only the edges are read.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn compose(
        parts: &[Line],
        spaced_seams: impl Iterator<Item = bool>,
        text: &str,
        out: &str,
        span: std::ops::Range<usize>,
        number: usize,
        blanks_before: u32,
        wide_ambiguous: bool,
    ) -> Line {
        if let [part] = parts {
            if out[span.clone()] == text[part.start..part.text_end] {
                // Written whole, indent and all: the line as it was measured.
                return Line {
                    number,
                    start: span.start,
                    text_start: span.start + (part.text_start - part.start),
                    text_end: span.end,
                    end: span.end,
                    // A silent cut is found again when the output is
                    // measured, and the line then starts a section.
                    blanks_before: if matches!(part.cut, SectionCut::Silent(_)) {
                        blanks_before.max(2)
                    } else {
                        blanks_before
                    },
                    cut: output_cut(part.cut),
                    ..*part
                };
            }
        }
        let content = &out[span.clone()];
        let body = trim_space_start(content);
        let text_start = span.start + (content.len() - body.len());
        let (indent, _) = indent_of(&content[..content.len() - body.len()]);
        let mut counts = Counts::default();
        for part in parts {
            counts.width += part.width - part.indent;
            counts.compressible += part.compressible;
            counts.pauses += part.pauses;
            counts.narrow += part.narrow;
            counts.wide_chars += part.wide_chars;
            counts.brackets += part.brackets;
            counts.letter_spaces += part.letter_spaces;
            counts.space_runs += part.space_runs;
        }
        for (pair, spaced) in parts.windows(2).zip(spaced_seams) {
            if !spaced {
                continue;
            }
            let wide = |c: Option<char>| c.is_some_and(|c| char_width(c, wide_ambiguous) == 2);
            let before = wide(
                text[pair[0].text_start..pair[0].text_end]
                    .chars()
                    .next_back(),
            );
            let after = wide(text[pair[1].text_start..pair[1].text_end].chars().next());
            if before && after {
                counts.letter_spaces += 1;
            } else {
                counts.width += 1;
            }
        }
        // Preformatted lines are never joined and are written as they came,
        // so a paragraph is preformatted exactly when its one line is;
        // otherwise only the counts (letter-spacing, space runs) decide. An
        // aligned line's flag depends on the lines around it, so it is left
        // to the counts as well, and decided again in the output's context.
        let preformatted = parts
            .iter()
            .any(|p| p.shape.preformatted && !p.shape.aligned);
        let place = Place {
            span,
            text_start,
            number,
            blanks_before,
            indent,
        };
        let body = trim_space_end(body);
        Line::assemble(body, place, counts, preformatted, wide_ambiguous)
    }

    fn assemble(
        body: &str,
        place: Place,
        counts: Counts,
        mut preformatted: bool,
        wide_ambiguous: bool,
    ) -> Line {
        let Place {
            span,
            text_start,
            number,
            blanks_before,
            indent,
        } = place;
        let edges = Edges::of(body);
        let first = edges.first.map_or(CharRole::Other, role_of);
        let last = edges.last.map_or(CharRole::Other, role_of);
        let closed_credit = last == CharRole::Close && ends_with_credit(body);
        let ends_sentence = match last {
            CharRole::SentenceEnd | CharRole::Ellipsis => true,
            CharRole::Close => {
                closed_credit
                    || matches!(
                        body.chars()
                            .rev()
                            .map(role_of)
                            .find(|&r| r != CharRole::Close),
                        Some(CharRole::SentenceEnd | CharRole::Ellipsis)
                    )
            }
            _ => false,
        };
        // Spread text has a gap between most of its wide characters; a table
        // row of CJK cells has gaps only between cells.
        let letter_spaced = counts.letter_spaces >= 2
            && counts.letter_spaces * 3 >= counts.wide_chars.saturating_sub(1) * 2;
        // A code fence, here so that joined lines that make one (`` + `)
        // are seen as the line the output will hold.
        if body.starts_with("```") || body.starts_with("~~~") {
            preformatted = true;
        }
        // Runs of spaces align table columns, unless the extractor spread a
        // justified line, which leaves single spaces between its ideographs.
        let aligned = counts.space_runs > 0 && !letter_spaced && !preformatted;
        if counts.space_runs > 0 && !letter_spaced {
            preformatted = true;
        }
        let width = indent + counts.width;
        Line {
            number,
            start: span.start,
            text_start,
            text_end: text_start + body.len(),
            end: span.end,
            blanks_before,
            indent,
            width,
            compressible: counts.compressible,
            pauses: counts.pauses,
            narrow: counts.narrow,
            wide_chars: counts.wide_chars,
            brackets: counts.brackets,
            letter_spaces: counts.letter_spaces,
            space_runs: counts.space_runs,
            lead_chunk: lead_chunk_width(body, &edges, wide_ambiguous),
            first,
            last,
            ends_sentence,
            all_narrow: counts.wide_chars == 0,
            ends_mid_word: ends_mid_word(&edges),
            // A credit word ends with an ideograph, a bracketed credit with a
            // closing bracket: cheap gates before the string tests.
            ends_with_credit: closed_credit
                || (last == CharRole::Ideograph
                    && edges.last.is_some_and(ends_credit_word)
                    && ends_with_credit_word(body)),
            dateline_lead: width <= 32
                && ((matches!(edges.first, Some('本' | '新' | '中')) && is_dateline_lead(body))
                    // The date's tail of a dateline cut mid-date: `日电`, `20日电`.
                    || (width <= 8
                        && matches!(edges.last, Some('电' | '電'))
                        && matches!(edges.first, Some('0'..='9' | '日'))
                        && is_date_tail(body))),
            opens_with_bracket: matches!(edges.first, Some('（' | '(' | '〔' | '[')),
            shape: Shape {
                preformatted,
                letter_spaced,
                aligned,
            },
            // A date has digits: `2022年10月11日`.
            furniture: furniture_of(
                body,
                &edges,
                width,
                first,
                ends_sentence,
                counts.narrow >= 4,
            ),
            cut: SectionCut::None,
        }
    }
}

/// How a cut before an input line shows in the output: a marked cut is two
/// real blank lines there, a silent one is found again by the cut itself.
fn output_cut(cut: SectionCut) -> SectionCut {
    match cut {
        SectionCut::Marked(_) => SectionCut::None,
        other => other,
    }
}

/// The first two and last two characters of a line's body, decoded once for
/// the tests that look at a line's edges.
struct Edges {
    first: Option<char>,
    second: Option<char>,
    last: Option<char>,
    before_last: Option<char>,
}

impl Edges {
    fn of(body: &str) -> Edges {
        let mut chars = body.chars();
        let first = chars.next();
        if chars.as_str().is_empty() {
            // One character (or none): it is the first and the last.
            return Edges {
                first,
                second: None,
                last: first,
                before_last: None,
            };
        }
        let second = chars.next();
        let mut tail = body.chars();
        let last = tail.next_back();
        let before_last = tail.next_back();
        Edges {
            first,
            second,
            last,
            before_last,
        }
    }
}

/// Where a line stands: its span, where its text starts, its number, the
/// blank lines before it and the width of its indent.
struct Place {
    span: std::ops::Range<usize>,
    text_start: usize,
    number: usize,
    blanks_before: u32,
    indent: u32,
}

/// Width in half-em of leading whitespace, and how many of its characters
/// are ASCII spaces or tabs.
fn indent_of(leading: &str) -> (u32, u32) {
    let (mut indent, mut ascii) = (0, 0);
    for c in leading.chars() {
        indent += match c {
            '\t' => 4,
            '\u{3000}' => 2,
            // Form feeds, vertical tabs and other controls take no room.
            c if c.is_control() => 0,
            _ => 1,
        };
        ascii += u32::from(c == ' ' || c == '\t');
    }
    (indent, ascii)
}

/// What one scan over a line's body counts.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Display width of the body, in half-em.
    width: u32,
    compressible: u32,
    pauses: u32,
    narrow: u32,
    wide_chars: u32,
    brackets: i32,
    letter_spaces: u32,
    space_runs: u32,
    /// A tab or a box-drawing character: aligned text.
    tab_or_box: bool,
}

impl Counts {
    fn of(body: &str, wide_ambiguous: bool) -> Counts {
        let mut n = Counts::default();
        let mut prev_wide = false;
        let mut pending_spaces = 0u32;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // The main ideograph block, U+4E00 to U+9FFF (`E4 B8 80` to
            // `E9 BF BF`), is most of the text: a run of it is counted with
            // no decoding and no lookups.
            let ideograph_at = |i: usize| match bytes.get(i) {
                Some(0xE5..=0xE9) => true,
                Some(0xE4) => bytes.get(i + 1).is_some_and(|&b| b >= 0xB8),
                _ => false,
            };
            let mut run = 1;
            let w = if ideograph_at(i) {
                i += 3;
                while ideograph_at(i) {
                    i += 3;
                    run += 1;
                }
                2
            } else {
                let Some(c) = body[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                if matches!(c, ' ' | '\u{3000}' | '\t' | '\u{A0}') {
                    n.tab_or_box |= c == '\t';
                    pending_spaces += 1;
                    continue;
                }
                if !c.is_ascii() {
                    n.compressible += u32::from(is_compressible(c));
                    n.pauses += u32::from(matches!(
                        c,
                        '，' | '、' | '；' | '：' | '､' | '﹐' | '﹑' | '﹔' | '﹕'
                    ));
                    n.tab_or_box |= ('\u{2500}'..='\u{257F}').contains(&c);
                    n.brackets += bracket_balance(c);
                } else {
                    n.brackets += i32::from(c == '(') - i32::from(c == ')');
                    n.pauses += u32::from(matches!(c, ',' | ';' | ':'));
                }
                char_width(c, wide_ambiguous)
            };
            let wide = w == 2;
            if pending_spaces > 0 {
                if pending_spaces >= 3 {
                    n.space_runs += 1;
                }
                if prev_wide && wide {
                    // A justified line stretched by the extractor (or spread
                    // by OCR): the gap is spacing, not text, and takes no
                    // width of its own.
                    n.letter_spaces += 1;
                } else {
                    n.width += pending_spaces;
                }
                pending_spaces = 0;
            }
            n.width += w * run;
            prev_wide = wide;
            if wide {
                n.wide_chars += run;
            } else if w == 1 {
                n.narrow += run;
            }
        }
        n
    }
}

/// `1` for a full-width opening bracket or quote, `-1` for a closing one.
/// Straight ASCII quotes open and close alike, so they are not counted.
fn bracket_balance(c: char) -> i32 {
    match c {
        '（' | '〔' | '【' | '《' | '「' | '『' | '“' => 1,
        '）' | '〕' | '】' | '》' | '」' | '』' | '”' => -1,
        _ => 0,
    }
}

/// Width of the text before the first line-break opportunity in `body`.
///
/// Narrow characters count a quarter more than half an em, as Latin letters
/// in CJK fonts do, and a chunk that opens with a letter or digit carries the
/// space that separated it from the text before.
fn lead_chunk_width(body: &str, edges: &Edges, wide_ambiguous: bool) -> u32 {
    let ideograph = |c: Option<char>| c.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if ideograph(edges.first) {
        if edges.second.is_none() || ideograph(edges.second) {
            // A lone ideograph, or one before another: UAX #14 allows a
            // break between two ideographs (LB31).
            return 2;
        }
        // An ideograph and the closing mark it holds on to (`说，`), before
        // another ideograph: no break before the mark (LB13, LB21), one
        // after it (LB31).
        let mut chars = body.chars().skip(1);
        if let (Some(mark), third) = (chars.next(), chars.next()) {
            if holds_to_the_left(mark) && (third.is_none() || ideograph(third)) {
                return 2 + char_width(mark, wide_ambiguous);
            }
        }
    }
    let end = first_break_opportunity(body);
    let chunk = body[..end].trim_end();
    let (mut width, mut narrow) = (0, 0);
    for c in chunk.chars() {
        let w = char_width(c, wide_ambiguous);
        width += w;
        narrow += u32::from(w == 1);
    }
    let space = u32::from(chunk.starts_with(|c: char| c.is_ascii_alphanumeric()));
    width + narrow / 4 + space
}

/// Whether `body` ends with a hyphen, slash or similar joiner right after a
/// letter or digit: a wrap inside a word, path or URL.
fn ends_mid_word(edges: &Edges) -> bool {
    matches!(
        (edges.last, edges.before_last),
        (Some('-' | '/' | '_' | '='), Some(c)) if c.is_ascii_alphanumeric()
    )
}

/// A bracketed photo credit or dateline closes the line: `（新华社记者 张三 摄）`,
/// `（新华社北京1月28日电）`. Whatever stood before it, the paragraph ends there.
fn ends_with_credit(body: &str) -> bool {
    let inner = body.trim_end_matches(['）', ')']);
    inner.len() < body.len() && (ends_with_credit_word(inner) || inner.ends_with(['电', '電']))
}

/// `本报天津5月17日电`, `新华社北京电`, `本报讯`: the dateline a news story
/// opens with, which runs on into its first sentence.
///
/// `body`, here and in the tests below, is a line's text trimmed at both ends.
fn is_dateline_lead(body: &str) -> bool {
    AGENCIES.iter().any(|a| body.starts_with(a))
        && (body.ends_with(['电', '電', '讯', '訊'])
            // Cut inside its date: `中新社武汉 2 月 20` | `日电`.
            || (body.ends_with(|c: char| c.is_ascii_digit() || c == '月')
                && body.contains(|c: char| c.is_ascii_digit())
                && !body.contains(['，', '。', '：', '、'])))
}

/// `日电`, `20日电`: the end of a dateline cut inside its date.
fn is_date_tail(body: &str) -> bool {
    body.trim_end_matches(['电', '電'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
        == "日"
}

/// `（新华社北京1月28日`: a bracketed dateline cut before its `电）`.
fn is_cut_dateline(body: &str) -> bool {
    let inner = body.trim_start_matches(['（', '(']);
    inner.len() < body.len()
        && AGENCIES.iter().any(|a| inner.starts_with(a))
        && inner.ends_with(|c: char| c.is_ascii_digit() || c == '日')
}

/// The agencies whose names open a dateline.
const AGENCIES: [&str; 8] = [
    "本报",
    "本報",
    "新华社",
    "新華社",
    "中新社",
    "中新網",
    "中新网",
    "中央社",
];

/// An unbracketed credit word ends the line: `图片由…提供`, `…摄`.
fn ends_with_credit_word(body: &str) -> bool {
    CREDIT_WORDS.iter().any(|k| body.ends_with(k))
}

/// Words that close a photo credit: `…摄`, `…供图`, `图片由…提供`.
const CREDIT_WORDS: [&str; 5] = ["摄", "攝", "供图", "供圖", "提供"];

/// Whether `c` is the last character of one of [`CREDIT_WORDS`] (a test
/// keeps them in step): a `match`, cheaper than searching a list on every line.
fn ends_credit_word(c: char) -> bool {
    matches!(c, '摄' | '攝' | '图' | '圖' | '供')
}

/// Recognises newspaper furniture by the conventions of Chinese newspapers.
fn furniture_of(
    body: &str,
    edges: &Edges,
    width: u32,
    first: CharRole,
    ends_sentence: bool,
    dated: bool,
) -> Option<Furniture> {
    const EM: u32 = 2;
    // Every convention below starts with one of these: most lines stop here.
    let opens_furniture = first == CharRole::Marker || edges.first.is_some_and(may_open_furniture);
    // A running header names the weekday and the page: `星期一 第4版`.
    if width <= 40 * EM && dated && body.contains("星期") && body.contains('版') {
        return Some(Furniture::RunningHeader);
    }
    if !opens_furniture {
        return None;
    }
    if SUBTITLE_OPENERS.iter().any(|o| body.starts_with(o)) {
        return Some(Furniture::Subtitle);
    }
    if first == CharRole::Marker {
        if width <= 30 * EM && BYLINE_WORDS.iter().any(|b| body.contains(b)) {
            return Some(Furniture::Byline);
        }
        // `□伍里川`: a marker before a bare name, as commentary bylines are set.
        if width <= 10 * EM && !body.contains(['，', '。', '、', '：', ',', '.']) {
            return Some(Furniture::Byline);
        }
        return Some(Furniture::ListItem);
    }
    // OCR reads the byline box `□` as `口`: `口本报记者 张三`. Only when a
    // byline's own words or an agency follow the box at once (`口头…` is a
    // word) and no sentence punctuation follows.
    if edges.first == Some('口') && width <= 30 * EM && !body.contains(['，', '。', ',', '.']) {
        let after_box = trim_space_start(&body['口'.len_utf8()..]);
        if BYLINE_WORDS
            .iter()
            .chain(&AGENCIES)
            .any(|o| after_box.starts_with(o))
        {
            return Some(Furniture::Byline);
        }
    }
    if width > 40 * EM {
        return None;
    }
    // Simplified and Traditional forms of the same conventions; OCR reads
    // the bracket and the colon in several ways.
    let unbracketed = body.trim_start_matches(LABEL_BRACKETS);
    let labelled = |key: &str| {
        unbracketed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
    };
    if SOURCE_LABELS.iter().any(|k| labelled(k))
        || SOURCE_WORDS.iter().any(|k| unbracketed.starts_with(k))
    {
        return Some(Furniture::Source);
    }
    let bracketed = (body.starts_with('（') && body.ends_with('）'))
        || (body.starts_with('(') && body.ends_with(')'));
    let dateline = [
        "电",
        "记者",
        "通讯员",
        "报道",
        "摄",
        "電",
        "記者",
        "通訊員",
        "報導",
        "攝",
    ];
    if bracketed && dateline.iter().any(|k| body.contains(k)) {
        return Some(Furniture::Dateline);
    }
    // A closing dateline cut before its `电）`: `（中新社乌鲁木齐3月12日`, an
    // agency's name after the bracket, the date unfinished at the line's end.
    if first == CharRole::Open && !body.contains(['）', ')']) && is_cut_dateline(body) {
        return Some(Furniture::Dateline);
    }
    if CAPTION_OPENERS.iter().any(|o| body.starts_with(o)) {
        return Some(Furniture::Caption);
    }
    if !ends_sentence
        && width <= 24 * EM
        && REPORTER_BYLINES.iter().any(|b| body.starts_with(b))
        && body.contains(' ')
    {
        return Some(Furniture::Byline);
    }
    if is_list_item(body) {
        return Some(Furniture::ListItem);
    }
    None
}

/// Whether a line starting with `c` may be furniture that does not open with
/// a block marker: the first characters of [`SUBTITLE_OPENERS`],
/// [`LABEL_BRACKETS`], [`SOURCE_LABELS`], [`SOURCE_WORDS`],
/// [`CAPTION_OPENERS`], [`REPORTER_BYLINES`] and of list items (a test keeps
/// them in step).
fn may_open_furniture(c: char) -> bool {
    matches!(c,
        '0'..='9' | '(' | '<' | '[' | '〈' | '【' | '—' | '－' | '―' | '（' | '来' | '來' | '责' | '責' | '编'
        | '編' | '校' | '审' | '審' | '作' | '图' | '圖' | '上' | '下' | '左' | '右'
        | '本' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        | '资' | '資' | '口'
        | '\u{2460}'..='\u{2473}' | '\u{2776}'..='\u{2793}')
}

/// Words of a byline after its box: `□本报记者 张三`, `■文／李四`.
const BYLINE_WORDS: [&str; 10] = [
    "记者",
    "通讯员",
    "本报",
    "作者",
    "撰文",
    "文／",
    "文/",
    "記者",
    "通訊員",
    "本報",
];

/// A subtitle opens with a dash: `——深入学习…`.
const SUBTITLE_OPENERS: [&str; 3] = ["——", "－－", "――"];

/// Brackets that may enclose a source line: `（责任编辑：张俊蕾）`.
const LABEL_BRACKETS: [char; 6] = ['（', '(', '〈', '<', '【', '['];

/// Labels of source and editor lines, before a colon: `来源：…`. Simplified
/// and Traditional forms; OCR reads the colon in several ways.
const SOURCE_LABELS: [&str; 13] = [
    "来源",
    "來源",
    "资料来源",
    "資料來源",
    "责任编辑",
    "責任編輯",
    "编辑",
    "編輯",
    "校对",
    "校對",
    "审核",
    "審核",
    "作者",
];

/// Words that open a source line even without a colon.
const SOURCE_WORDS: [&str; 4] = ["责任编辑", "責任編輯", "作者单位", "作者單位"];

/// Openings of photo captions and credits: `图为…`, `图片由…提供`.
const CAPTION_OPENERS: [&str; 26] = [
    "图片由",
    "图片来源",
    "图为",
    "图：",
    "图/",
    "图／",
    // Bracketed, by the same words: not any bracket opening with 图
    // (`（图形用户界面）`).
    "（图为",
    "（图片",
    "（图：",
    "（图/",
    "（图／",
    "上图：",
    "下图：",
    "左图：",
    "右图：",
    "圖片由",
    "圖片來源",
    "圖為",
    "圖：",
    "圖/",
    "圖／",
    "（圖為",
    "（圖片",
    "（圖：",
    "（圖/",
    "（圖／",
];

/// Bylines set without a marker: `本报记者 张三`.
const REPORTER_BYLINES: [&str; 4] = ["本报记者", "本报通讯员", "本報記者", "本報通訊員"];

/// `一、` `（二）` `(3)` `4.` `5、` `①`: markers that open a list item.
fn is_list_item(body: &str) -> bool {
    let mut chars = body.chars();
    let Some(c0) = chars.next() else {
        return false;
    };
    if ('\u{2460}'..='\u{2473}').contains(&c0) || ('\u{2776}'..='\u{2793}').contains(&c0) {
        return true;
    }
    let numeral = |c: char| {
        matches!(
            c,
            '0'..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    let bracketed = c0 == '（' || c0 == '(';
    let rest = if bracketed { chars.as_str() } else { body };
    // Four numerals are already too many: stop there (`一二三四五…` is text).
    let digits = rest.chars().take(4).take_while(|&c| numeral(c)).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let mut after = rest.chars().skip(digits);
    let mark = after.next();
    if bracketed {
        return matches!(mark, Some('）' | ')'));
    }
    match mark {
        Some('、') => true,
        // `1.5亿` is a number, `1. 项目` a list item.
        Some('.' | '．') => !matches!(after.next(), Some(c) if c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize, usize)> {
        raw_lines(text).map(|r| (r.start, r.end, r.next)).collect()
    }

    #[test]
    fn line_end_search_agrees_with_a_plain_scan() {
        let texts = [
            "",
            "\n",
            "abc",
            "字\n字\r\n字\r字",
            "一二三四五六七八九十，\r\n\n\n  x\ty\u{85}\u{2028}z\r",
            "\u{10D}\u{0A0A}\u{0D0D}\u{8A0A}\u{FF0D} abcdefghijklmnopqrstuvwxyz\n",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let plain = bytes[from..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .map_or(bytes.len(), |i| from + i);
                assert_eq!(find_line_end(bytes, from), plain, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn splits_every_terminator() {
        assert_eq!(spans(""), vec![]);
        assert_eq!(spans("\n"), vec![(0, 0, 1)]);
        assert_eq!(spans("a"), vec![(0, 1, 1)]);
        assert_eq!(spans("a\n"), vec![(0, 1, 2)]);
        assert_eq!(spans("a\r\nb"), vec![(0, 1, 3), (3, 4, 4)]);
        assert_eq!(spans("a\rb\n\n"), vec![(0, 1, 2), (2, 3, 4), (4, 4, 5)]);
    }

    fn measure(text: &str) -> Line {
        let raw = raw_lines(text).next().unwrap();
        Line::measure(text, raw, 0, 0, true).unwrap()
    }

    #[test]
    fn measures_width_in_half_em() {
        let line = measure("深入学习，“贯彻”2019年ab");
        assert_eq!(line.width, 4 * 2 + 2 + 2 + 2 * 2 + 2 + 4 + 2 + 2);
        assert_eq!(line.compressible, 3);
        assert_eq!(line.first, CharRole::Ideograph);
        assert_eq!(line.last, CharRole::Letter);
    }

    #[test]
    fn counts_brackets_left_open() {
        assert_eq!(measure("安装软件包（包括解压缩和").brackets, 1);
        assert_eq!(measure("“测试版”（见下文）").brackets, 0);
        assert_eq!(measure("用法(见 man 1 ls) 和“").brackets, 1);
        assert_eq!(measure("压缩）后“测试”》").brackets, -2);
        // Straight quotes open and close alike: not counted.
        assert_eq!(measure("参数 \"-v\" 和").brackets, 0);
    }

    #[test]
    fn blank_lines_are_not_measured() {
        let text = " \u{3000}\t";
        let raw = raw_lines(text).next().unwrap();
        assert!(Line::measure(text, raw, 0, 0, true).is_none());
    }

    #[test]
    fn sentence_end_behind_closing_quote() {
        assert!(measure("大力量。”").ends_sentence);
        assert!(!measure("强大力量”").ends_sentence);
        assert!(measure("了吗？").ends_sentence);
    }

    #[test]
    fn letter_spacing_takes_no_width() {
        let line = measure("据 新 华 社 北 京");
        assert!(line.shape.letter_spaced);
        assert_eq!(line.width, 12);
    }

    #[test]
    fn furniture() {
        assert_eq!(measure("□本报记者 张三").furniture, Some(Furniture::Byline));
        assert_eq!(
            measure("（新华社北京1月28日电）").furniture,
            Some(Furniture::Dateline)
        );
        assert_eq!(
            measure("来源：中国青年报").furniture,
            Some(Furniture::Source)
        );
        assert_eq!(
            measure("图片由某公司提供").furniture,
            Some(Furniture::Caption)
        );
        assert_eq!(
            measure("——深入学习贯彻").furniture,
            Some(Furniture::Subtitle)
        );
        assert_eq!(measure("一、总体要求").furniture, Some(Furniture::ListItem));
        assert_eq!(
            measure("（二）工作措施").furniture,
            Some(Furniture::ListItem)
        );
        assert_eq!(measure("3. 保障").furniture, Some(Furniture::ListItem));
        assert_eq!(measure("1.5亿元投资").furniture, None);
        assert_eq!(
            measure("（责任编辑：张俊蕾）").furniture,
            Some(Furniture::Source)
        );
        assert_eq!(
            measure("責任編輯：秦慧雪").furniture,
            Some(Furniture::Source)
        );
        assert_eq!(
            measure("（本報花蓮11月8日電）").furniture,
            Some(Furniture::Dateline)
        );
        assert_eq!(
            measure("圖為志愿者在布置會場").furniture,
            Some(Furniture::Caption)
        );
        assert_eq!(
            measure("南粤都市报 2022年10月11日 星期一 第4版 社会").furniture,
            Some(Furniture::RunningHeader)
        );
        assert_eq!(
            measure("（图为志愿者在布置会场）").furniture,
            Some(Furniture::Caption)
        );
        assert_eq!(measure("（图形用户界面）提供了").furniture, None);
        assert!(measure("本报天津5月17日电").dateline_lead);
        // A dateline cut inside its date: both parts open the story.
        assert!(measure("中新社武汉 2 月 20").dateline_lead);
        assert!(measure("日电").dateline_lead);
        assert!(measure("20日电").dateline_lead);
        assert!(!measure("本报记者日前获悉，2023").dateline_lead);
        assert!(!measure("今日电").dateline_lead);
        // A closing dateline cut before its `电）` is a dateline still.
        assert_eq!(
            measure("（中新社乌鲁木齐3月12日").furniture,
            Some(Furniture::Dateline)
        );
        assert_eq!(measure("（中新社记者").furniture, None);
        assert_eq!(measure("（这是一个打").furniture, None);
        assert!(measure("中央社記者張三台北8日電").dateline_lead);
        assert!(measure("前值守。（新华社记者 薛敏 摄）").ends_sentence);
        assert_eq!(measure("一些热点事件").furniture, None);
    }

    #[test]
    fn furniture_openers_are_in_step() {
        let lists: [&[&str]; 5] = [
            &SUBTITLE_OPENERS,
            &SOURCE_LABELS,
            &SOURCE_WORDS,
            &CAPTION_OPENERS,
            &REPORTER_BYLINES,
        ];
        for opener in lists.iter().flat_map(|l| l.iter()) {
            let c = opener.chars().next().unwrap();
            assert!(may_open_furniture(c), "{opener}");
        }
        for c in LABEL_BRACKETS
            .into_iter()
            .chain("0123456789一二三四五六七八九十（(①❶".chars())
        {
            assert!(may_open_furniture(c), "{c}");
        }
    }

    #[test]
    fn credit_word_ends_are_in_step() {
        for word in CREDIT_WORDS {
            assert!(
                ends_credit_word(word.chars().next_back().unwrap()),
                "{word}"
            );
        }
        for c in ('\u{3000}'..='\u{9FFF}').filter(|&c| ends_credit_word(c)) {
            assert!(CREDIT_WORDS.iter().any(|w| w.ends_with(c)), "{c}");
        }
    }

    /// The fast paths of [`lead_chunk_width`] against UAX #14 itself.
    #[test]
    fn lead_chunks_agree_with_uax14() {
        let slow = |body: &str| {
            let end = first_break_opportunity(body);
            let chunk = body[..end].trim_end();
            let (width, narrow) = chunk.chars().fold((0, 0), |(w, n), c| {
                let cw = char_width(c, true);
                (w + cw, n + u32::from(cw == 1))
            });
            width + narrow / 4 + u32::from(chunk.starts_with(|c: char| c.is_ascii_alphanumeric()))
        };
        let chars = [
            "字", "国", "，", "。", "、", "：", "；", "！", "？", "）", "」", "』", "》", "”", "“",
            "（", "…", "—", "a", "1", " ", "ー", "々", "〕", "】", "·", "%", ",", ".",
        ];
        for a in ["字", "中"] {
            for b in chars {
                for c in chars.iter().chain([&""]) {
                    for d in ["", "字", "，"] {
                        let body = format!("{a}{b}{c}{d}");
                        let edges = Edges::of(&body);
                        assert_eq!(
                            lead_chunk_width(&body, &edges, true),
                            slow(&body),
                            "{body:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ocr_byline_box_and_data_source_lines_are_furniture() {
        for byline in ["口本报记者 张三", "口 新华社记者　李四", "口記者 王五"]
        {
            assert_eq!(
                measure(byline).furniture,
                Some(Furniture::Byline),
                "{byline}"
            );
        }
        // `口` opening a word, or a line with a sentence in it, is text.
        for text in ["口头报告由本报记者整理", "口本报记者说，明天有雨。"] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
        for source in ["资料来源：国家统计局", "（資料來源：中央氣象局）"] {
            assert_eq!(
                measure(source).furniture,
                Some(Furniture::Source),
                "{source}"
            );
        }
    }

    #[test]
    fn code_and_tables_are_preformatted() {
        assert!(measure("    let x = 1;").shape.preformatted);
        assert!(measure("名称    数量").shape.preformatted);
        assert!(measure("a\tb").shape.preformatted);
        assert!(!measure("中国 ABC 公司").shape.preformatted);
    }
}

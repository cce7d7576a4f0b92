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

#[cfg(test)]
mod reference;

use crate::classify::{
    char_width, first_break_opportunity, holds_to_the_left, is_compressible, is_line_space,
    mark_class, marks_hold, may_open_space, role_of, starts_with_space, trim_space_end,
    trim_space_start, CharRole,
};
use crate::paragraph::blanks_start_section;

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
    /// A line introduced by a list or block marker: `一、`, `（二）`, `1.`, `①`, `●`;
    /// or by an interview label, which opens a turn as a marker opens an
    /// item: `问：`, `答：`, `记者：`, `主持人：`; or by a Latin term and its
    /// colon, as a list of terms and what they are opens its entries:
    /// `amd64：这囊括了…`.
    ListItem,
    /// A jump line, which sends a story on to another page or picks it up
    /// from one: `（下转第二版）`, `（上接第1版）`.
    Jump,
    /// A running header or folio: `南粤都市报 2022年10月11日 星期一 第4版`,
    /// `— 12 —`, `第 12 页`.
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

/// Iterator over the raw lines of a text. A final terminator does not open an
/// extra empty line, so `"a\n"` has one line and `""` has none. (The
/// pipeline steps from line to line as it measures them, see
/// [`LineCounter::measure_next`]; tests split with this.)
#[cfg(test)]
pub(crate) struct RawLines<'t> {
    text: &'t str,
    pos: usize,
}

#[cfg(test)]
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
    find_either(bytes, from, b'\n', b'\r')
}

/// Byte offset of the first `x` or `y` in `bytes` at or after `from`, or
/// `bytes.len()`, eight bytes at a time.
#[inline(always)]
pub(crate) fn find_either(bytes: &[u8], from: usize, x: u8, y: u8) -> usize {
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
        let found = matches(word, x) | matches(word, y);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == x || b == y)
        .map_or(bytes.len(), |i| at + i)
}

#[cfg(test)]
impl Iterator for RawLines<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        if self.pos >= self.text.len() {
            return None;
        }
        let raw = raw_line_at(self.text, self.pos);
        self.pos = raw.next;
        Some(raw)
    }
}

/// The raw line of `text` that starts at byte `start` (before the end).
fn raw_line_at(text: &str, start: usize) -> RawLine {
    let bytes = text.as_bytes();
    if bytes[start] == b'\n' {
        // An empty line: runs of them are common, and cheaper to step over
        // than to search.
        return RawLine {
            start,
            end: start,
            next: start + 1,
        };
    }
    let end = find_line_end(bytes, start);
    RawLine {
        start,
        end,
        next: after_terminator(bytes, end),
    }
}

/// Where the line after the one whose content ends at byte `end` starts:
/// past its `\n`, `\r\n` or `\r`.
fn after_terminator(bytes: &[u8], end: usize) -> usize {
    let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
    (end + if crlf { 2 } else { 1 }).min(bytes.len())
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
    /// The first blank line since the last non-blank one holds a single
    /// space (see [`Line::word_space_before`]).
    space_line: bool,
}

impl LineCounter {
    /// Measures the line of `text` that starts at byte `start` (before the
    /// end) onto the end of `lines`, as [`LineCounter::measure_into`] does
    /// with the raw line there. Returns whether the line is not blank, and
    /// where the next one starts.
    ///
    /// A line that opens with text (not indented, most lines) is counted as
    /// its end is searched for, in one scan rather than two.
    #[inline(always)]
    pub(crate) fn measure_next(
        &mut self,
        text: &str,
        start: usize,
        wide_ambiguous: bool,
        lines: &mut Vec<Line>,
    ) -> (bool, usize) {
        let bytes = text.as_bytes();
        // One ideograph and `\n`, a glyph of a stretched line set one glyph
        // a line: a constant line (`Line::one_ideograph`). The lead byte is
        // looked at first (U+4000 to U+9FFF: with its two continuation
        // bytes, one character), which turns other lines away at once.
        if (0xE4..=0xE9).contains(&bytes[start]) {
            // (The `\n` first: one bound to test, and most lines stop there.)
            if bytes.get(start + 3) == Some(&b'\n') {
                let glyph = Some(decode3(bytes[start], bytes[start + 1], bytes[start + 2]));
                if is_main_ideograph(glyph) {
                    let place = Place {
                        span: start..start + 3,
                        text_start: start,
                        number: self.number,
                        blanks_before: self.blanks,
                        indent: 0,
                    };
                    let edges = Edges {
                        first: glyph,
                        last: glyph,
                    };
                    let line = Line::one_ideograph(&text[start..start + 3], &edges, place);
                    return (self.push_line(line, lines), start + 4);
                }
            }
        }
        // Most lines open with wide characters (ideographs and their marks),
        // and many (short ones above all) hold nothing else: such a line is
        // counted by one quick loop, which ends at its terminator, and has
        // fewer properties to find.
        let (run, run_end) = Counts::of_wide_run(bytes, start, wide_ambiguous);
        let first = bytes[start];
        // (No space is a wide character that `Counts::wide_run` counts.)
        if run_end == start
            && (first == b'\n' || (may_open_space(first) && starts_with_space(&bytes[start..])))
        {
            // Indented or blank (a terminator is a space too): the line's
            // end first, as before.
            let raw = raw_line_at(text, start);
            return (
                self.measure_into(text, raw, wide_ambiguous, lines),
                raw.next,
            );
        }
        let (counts, end) = if matches!(bytes.get(run_end), None | Some(b'\n' | b'\r')) {
            (run, run_end)
        } else {
            Counts::scan_after(text, run_end, run, wide_ambiguous)
        };
        let content = &text[start..end];
        let (body, edges) = if counts.decoded == 0 && end - start == 3 * counts.wide_chars as usize
        {
            // Wide characters of three bytes and nothing else (ideographs
            // and marks, most lines): none is a space, nor prints nothing
            // (a test holds `Counts::wide_run` to that).
            let edges = Edges::of_three_byte(content);
            debug_assert_eq!(
                trim_space_end(content),
                content,
                "a line of wide characters"
            );
            debug_assert!(
                !edges.invisible()
                    && (edges.first, edges.last) == {
                        let of = Edges::of(content);
                        (of.first, of.last)
                    },
                "a line of wide characters' edges"
            );
            (content, edges)
        } else {
            // Not empty: it opens with a character that is not a space.
            let body = trim_space_end(content);
            let edges = Edges::of(body);
            // Spaces at the end wait for a character after them, so they
            // are never counted; anything else there (a tab, U+3000, a form
            // feed) is left out by counting the body again. Such a line,
            // and one with a character that prints nothing at an edge (see
            // `Line::assemble_read_visible`), is measured the long way:
            // rare, and this way the counts and the place below are one
            // value each.
            if edges.invisible() || !content.as_bytes()[body.len()..].iter().all(|&b| b == b' ') {
                let raw = RawLine {
                    start,
                    end,
                    next: after_terminator(bytes, end),
                };
                return (
                    self.measure_into(text, raw, wide_ambiguous, lines),
                    raw.next,
                );
            }
            (body, edges)
        };
        // From here on as `Line::measure` with no indent.
        let preformatted = counts.tab_or_box && aligned_by_tabs_or_boxes(body);
        let place = Place {
            span: start..end,
            text_start: start,
            number: self.number,
            blanks_before: self.blanks,
            indent: 0,
        };
        // As `Line::assemble_read_visible`, the record pushed once its
        // counts are known and its other fields written in place: nothing
        // counted is held across the reading of its text. (Debug builds
        // assemble it by value too, and compare.)
        #[cfg(debug_assertions)]
        let by_value =
            Line::assemble_read_visible(body, place.clone(), counts, preformatted, wide_ambiguous);
        self.push_line(Line::counted(place, body.len(), &counts), lines);
        let line = lines.last_mut().expect("just pushed");
        // (Told by both edges: most lines open with an ideograph, and many
        // end with one.)
        match (
            is_main_ideograph(edges.first),
            is_main_ideograph(edges.last),
        ) {
            (true, true) => line.derive::<true, true>(body, edges, preformatted, wide_ambiguous),
            (true, false) => line.derive::<true, false>(body, edges, preformatted, wide_ambiguous),
            _ => line.derive_apart(body, edges, preformatted, wide_ambiguous),
        }
        #[cfg(debug_assertions)]
        assert_eq!(
            *line,
            Line {
                word_space_before: line.word_space_before,
                ..by_value
            },
            "a line's record written in place"
        );
        (true, after_terminator(bytes, end))
    }

    /// Measures the lines of `text` from byte `start` onto the end of
    /// `lines`, as [`LineCounter::measure_next`] does, until the text ends,
    /// a line that opens a section is measured (see
    /// `paragraph::starts_section`) or `lines` holds more than `limit`
    /// lines. Returns where the next line starts.
    ///
    /// The callers act only at such lines, so the lines between are measured
    /// in this one loop: a call per line and its set-up are much of what a
    /// very short line costs.
    pub(crate) fn measure_run(
        &mut self,
        text: &str,
        start: usize,
        wide_ambiguous: bool,
        lines: &mut Vec<Line>,
        limit: usize,
    ) -> usize {
        let mut next = start;
        while next < text.len() {
            // A line measured has the blank lines counted before it: whether
            // it starts a section is told without reading its record back.
            let blanks_before = self.blanks;
            let measured;
            (measured, next) = self.measure_next(text, next, wide_ambiguous, lines);
            debug_assert!(
                !measured || lines.last().map(|l| l.blanks_before) == Some(blanks_before)
            );
            if measured && (lines.len() > limit || blanks_start_section(blanks_before)) {
                break;
            }
        }
        next
    }

    /// Measures the next raw line of `text` onto the end of `lines`;
    /// `false` if it is blank. (Pushed here rather than returned, so that
    /// the line record is written once, in place.)
    pub(crate) fn measure_into(
        &mut self,
        text: &str,
        raw: RawLine,
        wide_ambiguous: bool,
        lines: &mut Vec<Line>,
    ) -> bool {
        if raw.start == raw.end {
            // An empty line (runs of them are common): blank at once.
            return self.push(None, lines);
        }
        let line = Line::measure(text, raw, self.number, self.blanks, wide_ambiguous);
        // (Only the first blank line after a line of text can be one.)
        if line.is_none() && self.started && self.blanks == 0 {
            self.space_line = raw.end == raw.start + 1 && text.as_bytes()[raw.start] == b' ';
        }
        self.push(line, lines)
    }

    /// Counts the line just measured (`None`: blank) and pushes it onto the
    /// end of `lines`; returns whether it is not blank.
    #[inline(always)]
    fn push(&mut self, line: Option<Line>, lines: &mut Vec<Line>) -> bool {
        match line {
            Some(line) => self.push_line(line, lines),
            None => {
                self.number += 1;
                if self.started {
                    self.blanks += 1;
                }
                false
            }
        }
    }

    /// [`LineCounter::push`] of a line that is not blank: returns `true`.
    #[inline(always)]
    fn push_line(&mut self, mut line: Line, lines: &mut Vec<Line>) -> bool {
        self.number += 1;
        line.word_space_before = self.space_line && self.blanks == 1;
        self.space_line = false;
        self.blanks = 0;
        self.started = true;
        lines.push(line);
        true
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
    /// The line opens a page: a form feed stands in its leading whitespace,
    /// as `pdftotext` writes one at every page break.
    pub page_top: bool,
    /// One of three or more lines of verse, or of a list set line by line:
    /// as wide as one another, narrower than the lines around, without a
    /// mark but one at the end. Set for a whole section at once (see
    /// `paragraph::mark_verse`), with `preformatted`: such a line is kept
    /// as it came.
    pub verse: bool,
    /// Prose whose word spaces the extractor wrote as runs of spaces
    /// (pdfminer on a justified page: `功能全面的基于   电子邮件客`):
    /// justification widened them, so the line filled its column, as a
    /// paragraph's last line, set unjustified, does not. Set for a whole
    /// section at once (see `paragraph::settle_aligned_lines`).
    pub justified: bool,
    /// A code fence (```` ``` ````, `~~~`): it opens or closes a block of code.
    pub fence: bool,
    /// A line of ASCII that its leading spaces made preformatted, read as
    /// a paragraph's first line where first lines kept their indents (see
    /// `paragraph::open_with_set_in_words`), so no longer preformatted.
    /// Set for a whole section at once; a line composed from it alone is
    /// preformatted again, as measuring finds it.
    pub set_in_first_line: bool,
    /// Code, kept line by line: between two code fences, or one of two or
    /// more lines of code in a row (shell commands, `$ sudo apt update`;
    /// program code printed without fences). Set for a whole section at
    /// once (see `paragraph::mark_fenced_code` and
    /// `paragraph::mark_code_lines`), with `preformatted`.
    pub code: bool,
    /// One of three or more rows of a table whose cells an extractor set
    /// apart by single spaces (`广州 1867 2.1%`), or of four or more lines
    /// of a table written a cell or two a line; kept line by line. Set for
    /// a whole section at once (see `paragraph::mark_table_rows`), with
    /// `preformatted`.
    pub table: bool,
    /// A record (with `table`): a line of a log, a chat export, a CSV file
    /// or a settings file, kept line by line. Set for a whole section at
    /// once (see `records::mark_records`), with `preformatted`.
    pub record: bool,
    /// An entry of a table of contents: leaders before a page number
    /// (`第一章　总则……………1`, `1 引言 . . . . 3`; see
    /// [`ends_with_leaders_and_page`]), with `preformatted`: kept line by
    /// line, as a table's rows are.
    pub contents: bool,
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
    /// The one blank line before this line holds a single space: a word
    /// space the extractor cut its printed line at and wrote as a line of
    /// its own (PyMuPDF on some engines' PDFs), not a blank line. Set by
    /// [`LineCounter`]; the output writes the line empty.
    pub word_space_before: bool,
    /// Width of the leading whitespace, in half-em, less the section's
    /// margin (see [`Line::margin`]).
    pub indent: u32,
    /// Leading spaces and tabs every line of the section has (`pdftotext
    /// -layout` sets a page's text off its left edge so; a tab before every
    /// line, as text quoted or pasted may have), in half-em: taken off
    /// `indent` and `width` when the section is read (see
    /// `paragraph::strip_margin`), so that a line is read as it would be
    /// without it. 0 when measured.
    pub margin: u32,
    /// Display width, indent included (the section's margin not), in half-em
    /// (an ideograph is 2).
    pub width: u32,
    /// Full-width punctuation marks that compression may set at half width.
    pub compressible: u32,
    /// Pause marks (`，、；：` and their ASCII forms): how often a line
    /// ends at one tells text cut into pieces at compressed marks.
    pub pauses: u32,
    /// Narrow (half-em) characters other than ASCII punctuation, mostly
    /// Latin letters and digits, which print a little wider than half an em
    /// in most CJK fonts (ASCII punctuation prints narrower: not counted).
    pub narrow: u32,
    /// Of the narrow characters, the Latin letters that print close to a
    /// full em (`W M m w`), which no half-em count explains: `WWW` is 1.5
    /// em as counted and nearly 3 as printed.
    pub broad: u32,
    /// Single spaces beside an ASCII letter or digit, counted in `width`:
    /// the word spaces around and between Latin words, which print a
    /// quarter of an em or so, not the half an em they are counted at.
    /// (Spaces elsewhere, such as OCR puts between marks and ideographs,
    /// are not counted.)
    pub gaps: u32,
    /// Wide (1-em) characters.
    pub wide_chars: u32,
    /// Opening brackets and quotes (`（〔【《「『“(`) less closing ones:
    /// above zero, the line leaves a bracket open for the next to close.
    pub brackets: i32,
    /// Full-width brackets (`（）《》「」【】`), opening or closing: each
    /// prints half an em narrower where punctuation is compressed.
    pub bracket_marks: u32,
    /// Single spaces between two wide characters (letter-spacing).
    pub letter_spaces: u32,
    /// Runs of three or more spaces inside the line, and column rules drawn
    /// as `|` (OCR reads a table's so; Markdown tables draw them).
    pub space_runs: u32,
    /// Width in half-em of the line's first unbreakable chunk (UAX #14): a
    /// Latin word with its punctuation, or an ideograph with the marks that may
    /// not be separated from it. A line before this one that is short by less
    /// than this chunk was still full: the chunk did not fit on it.
    pub lead_chunk: u32,
    /// It holds a full-width mark other than a colon (`，` `。` `（`), as
    /// prose does and a subhead seldom (`第二阶段：引载加载程序`).
    pub punctuated: bool,
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
    /// Ends with the particle `的` (not `目的` or `标的`, nouns, nor `的`
    /// alone, nor a line without marks that holds `是`, which may be a
    /// heading set as a sentence): the noun it qualifies comes next
    /// (`系统的` | `剩余部分`).
    pub ends_before_noun: bool,
    /// Ends with a function word that closes no clause and no heading (see
    /// [`ends_with_function_word`]): `这`, `被`, `或`, `也`, `个`…
    pub ends_with_function_word: bool,
    /// A byline that stops at its label, the name cut off onto a line of
    /// its own: `□本报记者` | `邵娟艳`.
    pub byline_without_name: bool,
    /// Closes with a bracketed photo credit (`（新华社记者 张三 摄）`), not
    /// a bracketed dateline (`（新华社北京1月28日电）`): only a caption takes
    /// one.
    pub ends_with_photo_credit: bool,
    /// Ends with a photo credit, bracketed or not: `…摄`, `…提供`, `（… 摄）`.
    pub ends_with_credit: bool,
    /// A dateline that opens a paragraph's text: `本报北京1月28日电`, `本报讯`.
    pub dateline_lead: bool,
    /// Starts with a round or square bracket: `（另见…）`, `（本报记者 … 摄）`.
    pub opens_with_bracket: bool,
    /// Opens with a reporter's bracketed credit and runs on into the text,
    /// as Taiwan papers set a story's first line (`〔記者李大華／台中報導〕台中市今`):
    /// it opens a paragraph, as a dateline does.
    pub opens_with_credit: bool,
    /// Opens where no paragraph or heading does: with one ideograph and a
    /// mark that closes a clause, a sentence or a bracket (`件。`, `作，`,
    /// `等）`), the tail of a word the line before cut; or with the
    /// particle `的` (`的配置`; not `的确` or `的士`).
    pub opens_mid_phrase: bool,
    /// The line opens with a label and its colon, as the turns of a dialogue
    /// and the fields of a form do (`张三：…`, `电话：…`, `Q: …`; see
    /// [`opens_with_label`]).
    pub opens_with_label: bool,
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

    /// Whether the line is written with its own leading whitespace:
    /// preformatted text other than verse (see
    /// `paragraph::Analysis::keeps_its_lead`).
    pub(crate) fn keeps_its_lead(&self) -> bool {
        self.shape.preformatted && !self.shape.verse
    }

    /// Takes `margin` half-em of leading spaces and tabs (at most the
    /// line's indent) off the line's indent and width, as
    /// `paragraph::strip_margin` does for a section: the line reads as it
    /// would without them. A line of no wide characters that leading
    /// whitespace made preformatted (code) is read again past it.
    pub(crate) fn take_margin(&mut self, margin: u32, text: &str) {
        self.indent -= margin;
        self.width -= margin;
        self.margin += margin;
        if !self.shape.preformatted || self.wide_chars > 0 {
            return;
        }
        let (set_apart, aligned) = self.preformatted_from(self.margin_end(text), text);
        self.shape.aligned = aligned && !set_apart;
        self.shape.preformatted = set_apart || aligned;
    }

    /// What measuring the line finds of it, its leading whitespace read
    /// from byte `lead_start`: whether it is set apart as preformatted (by
    /// its own text, see [`Line::set_off_by_its_text`], or as a line of
    /// ASCII set in by two spaces or more), and whether runs of spaces that
    /// no letter-spacing explains align it.
    fn preformatted_from(&self, lead_start: usize, text: &str) -> (bool, bool) {
        let lead = &text.as_bytes()[lead_start..self.text_start];
        let set_in = lead.iter().filter(|&&b| b == b' ' || b == b'\t').count() >= 2;
        let set_apart = (set_in && self.wide_chars == 0) || self.set_off_by_its_text(text);
        let aligned = self.space_runs > 0 && !spread(self.letter_spaces, self.wide_chars);
        (set_apart, aligned)
    }

    /// Whether the line's own text sets it off as preformatted, not the
    /// spaces before it: a code fence or a piece of one, a tab or a
    /// box-drawing character. (A line of ASCII set in by two spaces or more
    /// is preformatted by its lead alone, which joining it to the line
    /// before takes away.)
    pub(crate) fn set_off_by_its_text(&self, text: &str) -> bool {
        let body = &text[self.text_start..self.text_end];
        self.shape.fence || is_piece_of_fence(body) || aligned_by_tabs_or_boxes(body)
    }

    /// Whether measuring the line afresh finds it preformatted, whatever the
    /// lines around it made of it (verse, code, a table's row, a paragraph's
    /// first line): set off by its own text (see
    /// [`Line::set_off_by_its_text`]), a line of ASCII set in by two spaces
    /// or more, or runs of spaces inside it that no letter-spacing explains.
    pub(crate) fn preformatted_as_measured(&self, text: &str) -> bool {
        self.preformatted_as_measured_from(self.start, text)
    }

    /// [`Line::preformatted_as_measured`], its leading whitespace read from
    /// byte `lead_start` (past its section's margin, say).
    pub(crate) fn preformatted_as_measured_from(&self, lead_start: usize, text: &str) -> bool {
        let (set_apart, aligned) = self.preformatted_from(lead_start, text);
        set_apart || aligned
    }

    /// Byte offset where the line starts past its section's margin (see
    /// [`Line::margin`]): after its spaces and tabs that wide (a tab 2 em),
    /// and any form feed among them.
    pub(crate) fn margin_end(&self, text: &str) -> usize {
        if self.margin == 0 {
            return self.start;
        }
        let mut spaces = 0;
        for (at, &b) in text.as_bytes()[self.start..self.text_start]
            .iter()
            .enumerate()
        {
            if spaces == self.margin {
                return self.start + at;
            }
            spaces += match b {
                b' ' => 1,
                b'\t' => 4,
                _ => 0,
            };
        }
        self.text_start
    }

    /// Whether the line ends with one space (or tab) after a word: in its
    /// input a word space the extractor cut the line at. (A line the output
    /// wrote, or one with no such space, has its content end where its text
    /// ends.) Not after a closing mark: a space after `好”`, `）` or `)` is
    /// as often trailing noise that other extractors and OCR leave (a
    /// space after every other line of the corpus: 17 more wrong decisions
    /// with closing marks counted, 3 without).
    pub(crate) fn ends_at_word_space(&self) -> bool {
        self.end == self.text_end + 1 && matches!(self.last, CharRole::Letter | CharRole::Digit)
    }

    /// Whether the line stops mid-sentence: at a character (an ideograph, a
    /// letter, a digit) or a pause mark, not at a sentence end or a closing
    /// or opening mark.
    pub(crate) fn stops_mid_sentence(&self) -> bool {
        matches!(
            self.last,
            CharRole::Ideograph | CharRole::Letter | CharRole::Digit | CharRole::Pause
        )
    }

    /// The widest this line may really print, in half-em: narrow characters
    /// (digits, Latin) run up to a quarter wider than half an em, and the
    /// broad letters among them (see [`Line::broad`]) a full em.
    pub(crate) fn max_width(&self) -> u32 {
        self.width + (self.narrow + 3 * self.broad) / 4
    }

    /// [`Line::max_width`], but no wider than the line's column `column`
    /// with a mark hung past it and half an em of slack for the column's
    /// estimate: a line of Latin words at its widest would overrun the
    /// column it was set in. (With no slack, 1 em past the column,
    /// WeasyPrint's pages fell below F1 0.98 on one more paragraph end;
    /// 2 em saved less elsewhere.)
    pub(crate) fn max_width_in(&self, column: Option<u32>) -> u32 {
        column.map_or(self.max_width(), |c| self.max_width().min(c + 3))
    }

    /// How much wider than measured (half an em each) the narrow characters
    /// may print, in half-em: up to a third wider in CJK fonts (capitals
    /// most), rounded up, so two capitals may well fill an em and a half; a
    /// broad letter (`W M m w`, see [`Line::broad`]) up to a full em.
    pub(crate) fn narrow_widening(&self) -> u32 {
        (self.narrow + 2 * self.broad + 2) / 3
    }

    /// The width as set (see [`Line::width`]), but no wider than the
    /// column `column` with a mark hung past it: a line wider than its
    /// column as set had its marks compressed to fit.
    pub(crate) fn set_width_in(&self, column: u32) -> u32 {
        self.width.min(column + 1)
    }

    /// The narrowest this line may print with its punctuation compressed
    /// and its word spaces (see [`Line::gaps`]) a quarter of an em.
    pub(crate) fn min_width(&self) -> u32 {
        self.width.saturating_sub(self.compressible + self.gaps / 2)
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
        let lead = content.len() - body.len();
        let body = trim_space_end(body);
        if body.is_empty() {
            return None;
        }
        let text_start = raw.start + lead;
        let (indent, leading_ascii) = if lead == 0 {
            (0, 0)
        } else {
            indent_of(&content[..lead])
        };
        let counts = Counts::of(body, wide_ambiguous);
        let preformatted = (counts.tab_or_box && aligned_by_tabs_or_boxes(body))
            || (leading_ascii >= 2 && counts.wide_chars == 0);
        let place = Place {
            span: raw.start..raw.end,
            text_start,
            number,
            blanks_before,
            indent,
        };
        let mut line =
            Line::assemble_read_visible(body, place, counts, preformatted, wide_ambiguous);
        line.shape.page_top = content[..lead].contains('\u{c}');
        Some(line)
    }

    /// The line that joining `parts` (consecutive lines of `text`, joined with
    /// the given seams: whether each has a space, for all of them or none)
    /// makes, as [`Line::measure`] would measure it in `out[span]`, where the
    /// joined paragraph was written, but without rescanning its body: the
    /// counts add up, and only the edges are read.
    ///
    /// The line is pushed onto the end of `lines` (where a joined line's
    /// record is written in place, see [`Line::push_read_visible`]).
    /// `leads`: some line of the section keeps its lead (see
    /// [`Line::keeps_its_lead`]).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn compose_onto(
        parts: &[Line],
        spaced_seams: impl Iterator<Item = bool>,
        text: &str,
        out: &str,
        span: std::ops::Range<usize>,
        number: usize,
        blanks_before: u32,
        wide_ambiguous: bool,
        leads: bool,
        lines: &mut Vec<Line>,
    ) {
        if let [part] = parts {
            if out[span.clone()] == text[part.start..part.text_end] {
                // Written whole, indent and all: the line as it was measured.
                lines.push(Line {
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
                    word_space_before: false,
                    // As measured: the output's section has its margin
                    // taken off when it is read.
                    indent: part.indent + part.margin,
                    width: part.width + part.margin,
                    margin: 0,
                    // As measured: a section's spacing may have cleared it
                    // (see `paragraph::Survey::spaced_out`), and the output's
                    // section is judged afresh.
                    shape: Shape {
                        letter_spaced: spread(part.letter_spaces, part.wide_chars),
                        // Verse and code between fences are found for a
                        // section at once, and such a line was not
                        // preformatted before that (unless it is a fence,
                        // or a piece of one, as measuring finds).
                        preformatted: if part.shape.verse
                            || part.shape.code
                            || part.shape.table
                            || part.shape.set_in_first_line
                        {
                            part.preformatted_as_measured(text)
                        } else {
                            part.shape.preformatted
                                || part.shape.fence
                                || is_piece_of_fence(&text[part.text_start..part.text_end])
                        },
                        verse: false,
                        code: false,
                        table: false,
                        record: false,
                        set_in_first_line: false,
                        ..part.shape
                    },
                    ..*part
                });
                return;
            }
        }
        let content = &out[span.clone()];
        let body = trim_space_start(content);
        let text_start = span.start + (content.len() - body.len());
        let (indent, _) = indent_of(&content[..content.len() - body.len()]);
        // Preformatted lines are never joined and are written as they came,
        // so a paragraph is preformatted exactly when its one line is;
        // otherwise only the counts (letter-spacing, space runs) decide. An
        // aligned line's flag depends on the lines around it, so it is left
        // to the counts as well, and decided again in the output's context;
        // so is a line of verse's (see `paragraph::mark_verse`).
        // (Settling may join a line a section's margin set in as code to
        // the line before, where the output's margin reads it as prose.)
        // (A part that sets the paragraph apart keeps its lead: where no
        // line of the section does, none is read.)
        debug_assert!(leads || !parts.iter().any(Line::keeps_its_lead));
        let set_apart = leads
            && parts.iter().any(|p| {
                p.shape.preformatted
                    && !p.shape.aligned
                    && !p.shape.verse
                    && !p.shape.code
                    && !p.shape.table
                    && (p.wide_chars > 0 || parts.len() == 1 || p.set_off_by_its_text(text))
            });
        let place = Place {
            span,
            text_start,
            number,
            blanks_before,
            indent,
        };
        let page_top = content[..content.len() - body.len()].contains('\u{c}');
        let line = match Self::counts_of_parts(parts, spaced_seams, text, wide_ambiguous) {
            Some(counts) => {
                let body = trim_space_end(body);
                Line::push_read_visible(body, place, counts, set_apart, wide_ambiguous, lines)
            }
            // (Out of line: the counts above are then one value.)
            None => Line::push_counted_afresh(body, place, set_apart, wide_ambiguous, lines),
        };
        line.shape.page_top = page_top;
    }

    /// [`Line::push_read_visible`] of a joined line whose body `body` (its
    /// spaces at the end not taken off) is counted afresh, preformatted if
    /// `set_apart` or aligned by its tabs or box drawing (see
    /// [`Line::compose_onto`]).
    #[inline(never)]
    fn push_counted_afresh<'l>(
        body: &str,
        place: Place,
        set_apart: bool,
        wide_ambiguous: bool,
        lines: &'l mut Vec<Line>,
    ) -> &'l mut Line {
        let trimmed = trim_space_end(body);
        let counts = Counts::of(trimmed, wide_ambiguous);
        let preformatted = set_apart || (counts.tab_or_box && aligned_by_tabs_or_boxes(body));
        Line::push_read_visible(trimmed, place, counts, preformatted, wide_ambiguous, lines)
    }

    /// Pushes the line at `place` whose body `body` has `counts` onto the
    /// end of `lines`, as [`Line::assemble_read_visible`] makes it, and
    /// returns it: the record is pushed once its counts are known and the
    /// fields read from its text are written in place, so that nothing
    /// counted is held across the reading of its text. (Debug builds
    /// assemble it by value too, and compare.)
    /// [`LineCounter::measure_next`] writes the same out (as a call there,
    /// inlined, it cost 0.15 instructions per byte more).
    #[inline(always)]
    fn push_read_visible<'l>(
        body: &str,
        place: Place,
        counts: Counts,
        preformatted: bool,
        wide_ambiguous: bool,
        lines: &'l mut Vec<Line>,
    ) -> &'l mut Line {
        #[cfg(debug_assertions)]
        let by_value =
            Line::assemble_read_visible(body, place.clone(), counts, preformatted, wide_ambiguous);
        let (text_start, whole) = (place.text_start, body.len());
        let mut edges = Edges::of(body);
        let (mut place, mut body) = (place, body);
        if edges.invisible() {
            (body, edges, place) = visible_inputs(body, place);
        }
        lines.push(Line {
            text_start,
            text_end: text_start + whole,
            ..Line::counted(place, body.len(), &counts)
        });
        let line = lines.last_mut().expect("just pushed");
        line.derive_by_first(body, edges, preformatted, wide_ambiguous);
        #[cfg(debug_assertions)]
        assert_eq!(*line, by_value, "a line's record written in place");
        line
    }

    /// The counts of `parts` joined with the given seams (whether each has
    /// a space, for all of them or none), added up from the parts' own;
    /// `None` where a seam may count otherwise in the joined line (below),
    /// which is then counted afresh.
    fn counts_of_parts(
        parts: &[Line],
        spaced_seams: impl Iterator<Item = bool>,
        text: &str,
        wide_ambiguous: bool,
    ) -> Option<Counts> {
        let bytes = text.as_bytes();
        // An ASCII mark at a seam may stand for a full-width one in the
        // joined line and not in its part, or the other way round (see
        // `Counts::scan_after`); so may a column rule `|` (see
        // `is_column_rule`); and a box-drawing `─` that ends one part and
        // opens the next makes a run no part had (`──` and `──` join into
        // a rule, aligned text). Its last byte is 0x80 and its first 0xE2:
        // a seam between such bytes (`一` before `“` too, now and then) is
        // counted afresh. (Read in the loop that adds the counts up.)
        let mark_at_seam = |end: u8, start: u8| {
            // (Most seams are between two characters that are not ASCII.)
            if end >= 0x80 && start >= 0x80 {
                return end == 0x80 && start == 0xE2;
            }
            stands_for_full_width(end)
                || stands_for_full_width(start)
                || end == b'|'
                || start == b'|'
        };
        let mut counts = Counts::default();
        let mut end_before = None;
        for part in parts {
            if end_before.is_some_and(|end| mark_at_seam(end, bytes[part.text_start])) {
                return None;
            }
            end_before = Some(bytes[part.text_end - 1]);
            counts.width += part.width - part.indent;
            counts.compressible += part.compressible;
            counts.pauses += part.pauses;
            // (Only whether every mark is a colon is kept.)
            counts.colons += if part.punctuated {
                0
            } else {
                part.compressible
            };
            counts.narrow += part.narrow;
            counts.broad += part.broad;
            counts.gaps += part.gaps;
            counts.wide_chars += part.wide_chars;
            counts.brackets += part.brackets;
            counts.bracket_marks += part.bracket_marks;
            counts.letter_spaces += part.letter_spaces;
            counts.space_runs += part.space_runs;
        }
        // A label stands within the first part, or runs past a first part
        // narrower than one.
        counts.label_gate = parts.first().is_some_and(|first| {
            first.opens_with_label || first.width - first.indent <= LABEL_WIDTH + 2
        });
        for (pair, spaced) in parts.windows(2).zip(spaced_seams) {
            if !spaced {
                continue;
            }
            let wide = |c: Option<char>| c.is_some_and(|c| char_width(c, wide_ambiguous) == 2);
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let (last, first) = (
                text[pair[0].text_start..pair[0].text_end]
                    .chars()
                    .next_back(),
                text[pair[1].text_start..pair[1].text_end].chars().next(),
            );
            if wide(last) && wide(first) {
                counts.letter_spaces += 1;
            } else {
                counts.width += 1;
                counts.gaps += u32::from(alnum(last) || alnum(first));
            }
        }
        Some(counts)
    }

    /// A line of one ideograph of the main block and nothing else, a glyph
    /// of a stretched line set one glyph a line: everything about it but
    /// its place, whether it is a credit (`摄`), whether it is a dateline's
    /// `电` cut off its date and whether it is a function word (`这`), is a
    /// constant, whichever ideograph it is. (No ideograph alone is furniture; a test measures every one
    /// of them the long way and compares.)
    #[inline(always)]
    fn one_ideograph(body: &str, edges: &Edges, place: Place) -> Line {
        let mut line = Line::counted(place, body.len(), &Counts::of_ideographs(body.len()));
        line.lead_chunk = 2;
        line.first = CharRole::Ideograph;
        line.last = CharRole::Ideograph;
        // As `assemble` finds it.
        line.ends_with_credit =
            edges.last.is_some_and(ends_credit_word) && ends_with_credit_word(body);
        line.dateline_lead = matches!(edges.last, Some('电' | '電'));
        line.ends_with_function_word = edges.last.is_some_and(|c| ends_with_function_word(body, c));
        line
    }

    /// [`Line::assemble`] for a body whose edges are not known, read from
    /// what prints: a body that opens or ends with characters that print
    /// nothing (a zero-width space, a byte-order mark) is read from what
    /// prints between them, as the page showed it, and keeps them in its
    /// text (they are no whitespace to drop at a join).
    #[inline(always)]
    fn assemble_read_visible(
        body: &str,
        place: Place,
        counts: Counts,
        preformatted: bool,
        wide_ambiguous: bool,
    ) -> Line {
        let (text_start, whole) = (place.text_start, body.len());
        let mut edges = Edges::of(body);
        let (mut place, mut body) = (place, body);
        if edges.invisible() {
            (body, edges, place) = visible_inputs(body, place);
        }
        // (Most lines open with an ideograph; many end with a mark.)
        let mut line = if is_main_ideograph(edges.first) {
            Line::assemble::<true, false>(body, edges, place, counts, preformatted, wide_ambiguous)
        } else {
            Line::assemble::<false, false>(body, edges, place, counts, preformatted, wide_ambiguous)
        };
        line.text_start = text_start;
        line.text_end = text_start + whole;
        line
    }

    #[inline(always)]
    fn assemble<const FIRST_MAIN: bool, const LAST_MAIN: bool>(
        body: &str,
        edges: Edges,
        place: Place,
        counts: Counts,
        preformatted: bool,
        wide_ambiguous: bool,
    ) -> Line {
        let mut line = Line::counted(place, body.len(), &counts);
        line.derive::<FIRST_MAIN, LAST_MAIN>(body, edges, preformatted, wide_ambiguous);
        line
    }

    /// The record of a line at `place` whose body, `body_len` bytes long,
    /// has `counts`: what counting finds of it, every field that
    /// [`Line::derive`] reads from its text left as for no text.
    #[inline(always)]
    fn counted(place: Place, body_len: usize, counts: &Counts) -> Line {
        let Place {
            span,
            text_start,
            number,
            blanks_before,
            indent,
        } = place;
        Line {
            number,
            start: span.start,
            text_start,
            text_end: text_start + body_len,
            end: span.end,
            blanks_before,
            word_space_before: false,
            indent,
            margin: 0,
            width: indent + counts.width,
            compressible: counts.compressible,
            punctuated: counts.compressible > counts.colons,
            pauses: counts.pauses,
            narrow: counts.narrow,
            broad: counts.broad,
            gaps: counts.gaps,
            wide_chars: counts.wide_chars,
            brackets: counts.brackets,
            bracket_marks: counts.bracket_marks,
            letter_spaces: counts.letter_spaces,
            space_runs: counts.space_runs,
            lead_chunk: 0,
            first: CharRole::Other,
            last: CharRole::Other,
            ends_sentence: false,
            all_narrow: counts.wide_chars == 0,
            ends_mid_word: false,
            ends_before_noun: false,
            ends_with_function_word: false,
            byline_without_name: false,
            ends_with_photo_credit: false,
            ends_with_credit: false,
            dateline_lead: false,
            opens_with_bracket: false,
            opens_with_credit: false,
            opens_mid_phrase: false,
            // (Read from the text by `Line::derive` past this gate.)
            opens_with_label: counts.label_gate || counts.colons > 0,
            shape: Shape::default(),
            furniture: None,
            cut: SectionCut::None,
        }
    }

    /// [`Line::derive`] for a line whose last character is not known to be
    /// a main-block ideograph, its first read from `edges`.
    #[inline(always)]
    fn derive_by_first(
        &mut self,
        body: &str,
        edges: Edges,
        preformatted: bool,
        wide_ambiguous: bool,
    ) {
        if is_main_ideograph(edges.first) {
            self.derive::<true, false>(body, edges, preformatted, wide_ambiguous);
        } else {
            self.derive::<false, false>(body, edges, preformatted, wide_ambiguous);
        }
    }

    /// [`Line::derive`] of a line that opens with other than an ideograph
    /// of the main block, out of line.
    #[inline(never)]
    fn derive_apart(&mut self, body: &str, edges: Edges, preformatted: bool, wide_ambiguous: bool) {
        self.derive::<false, false>(body, edges, preformatted, wide_ambiguous);
    }

    /// Fills in what [`Line::counted`] left: the fields read from the
    /// line's text `body` (its edges `edges`), `preformatted` if its tabs or
    /// box drawing align it. The record may already be in place in the
    /// lines' vector, so that it is written once.
    #[inline(always)]
    fn derive<const FIRST_MAIN: bool, const LAST_MAIN: bool>(
        &mut self,
        body: &str,
        edges: Edges,
        mut preformatted: bool,
        wide_ambiguous: bool,
    ) {
        // Told that an edge is an ideograph of the main block (as most are),
        // the compiler drops the tests below for other characters there.
        assert!(!FIRST_MAIN || is_main_ideograph(edges.first));
        assert!(!LAST_MAIN || is_main_ideograph(edges.last));
        // Most lines start and end with an ideograph: no lookup for those.
        let role = |c: Option<char>| match c {
            Some('\u{4E00}'..='\u{9FFF}') => CharRole::Ideograph,
            Some(c) => role_of(c),
            None => CharRole::Other,
        };
        let first = role(edges.first);
        let last = role(edges.last);
        let letter_spaced = spread(self.letter_spaces, self.wide_chars);
        // The conventions of a line with letter-spacing gaps (two or more)
        // are read from its text without them: `（ 新 华 社 记 者 薛 敏 摄 ）`
        // is a credit as `（新华社记者薛敏摄）` is. Made only for a line that
        // passes one of the cheap gates below.
        let unspaced = std::cell::OnceCell::new();
        let text = || {
            if self.letter_spaces >= 2 {
                unspaced
                    .get_or_init(|| without_letter_spacing(body, wide_ambiguous))
                    .as_str()
            } else {
                body
            }
        };
        // (A spread line is read without its gaps only past a cheap gate.)
        let closed_credit = last == CharRole::Close
            && (self.letter_spaces < 2 || may_end_with_credit(body))
            && ends_with_credit(text());
        let ends_sentence = match last {
            CharRole::SentenceEnd | CharRole::Question | CharRole::Ellipsis => true,
            CharRole::Close => {
                closed_credit || {
                    // The mark behind the closing ones; through letter-spacing
                    // only where a space stands among them.
                    let behind = |text: &str| {
                        text.chars()
                            .rev()
                            .find(|&c| c == ' ' || role_of(c) != CharRole::Close)
                    };
                    let mark = match behind(body) {
                        Some(' ') => behind(text()).filter(|&c| c != ' '),
                        mark => mark,
                    };
                    matches!(
                        mark.map(role_of),
                        Some(CharRole::SentenceEnd | CharRole::Question | CharRole::Ellipsis)
                    )
                }
            }
            _ => false,
        };
        // A code fence, here so that joined lines that make one (`` + `)
        // are seen as the line the output will hold.
        let fence = !FIRST_MAIN
            && matches!(edges.first, Some('`' | '~'))
            && (body.starts_with("```") || body.starts_with("~~~"));
        // An entry of a table of contents ends with a page number (few
        // lines of prose end with a digit).
        let contents = last == CharRole::Digit && ends_with_leaders_and_page(body);
        preformatted |= fence || contents || is_piece_of_fence(body);
        // Runs of spaces align table columns, unless the extractor spread a
        // justified line, which leaves single spaces between its ideographs.
        let aligned = self.space_runs > 0 && !letter_spaced && !preformatted;
        if self.space_runs > 0 && !letter_spaced {
            preformatted = true;
        }
        let width = self.width;
        // A date has digits: `2022年10月11日`.
        let dated = self.narrow >= 4;
        let opens = opens_furniture(&edges, first);
        (self.lead_chunk, self.opens_mid_phrase) =
            lead_chunk_of::<FIRST_MAIN>(body, &edges, first, wide_ambiguous);
        self.first = first;
        self.last = last;
        self.ends_sentence = ends_sentence;
        self.ends_mid_word = !LAST_MAIN && ends_mid_word(body, &edges);
        // (`的` is E7 9A 84 in UTF-8: its last byte is the cheap gate.)
        self.ends_before_noun =
            body.as_bytes().last() == Some(&0x84) && ends_before_noun(body, self.punctuated);
        self.ends_with_function_word = last == CharRole::Ideograph
            && edges.last.is_some_and(|c| ends_with_function_word(body, c));
        // A credit word ends with an ideograph, a bracketed credit with a
        // closing bracket: cheap gates before the string tests.
        self.ends_with_photo_credit = closed_credit && ends_with_photo_credit(text());
        self.ends_with_credit = closed_credit
            || (last == CharRole::Ideograph
                && edges.last.is_some_and(ends_credit_word)
                && ends_with_credit_word(text()));
        self.dateline_lead = width <= 32
            && ((matches!(edges.first, Some('本' | '新' | '中')) && is_dateline_lead(text()))
                // The date's tail of a dateline cut mid-date: `日电`, `20日电`,
                // or its `电` alone.
                || (width <= 8
                    && matches!(edges.last, Some('电' | '電'))
                    && matches!(edges.first, Some('0'..='9' | DAY | KANGXI_DAY | '电' | '電'))
                    && is_date_tail(text())));
        // (No bracket is an ideograph: told by the type where it is one,
        // which the assertion above does not tell the compiler here.)
        self.opens_with_bracket =
            !FIRST_MAIN && matches!(edges.first, Some('（' | '(' | '〔' | '['));
        self.opens_with_credit = !FIRST_MAIN
            && matches!(edges.first, Some('〔' | '【' | '［' | '（' | '(' | '['))
            && opens_with_reporter_credit(text());
        // (`Line::counted` left whether a colon stands early: few lines have one.)
        self.opens_with_label = self.opens_with_label && opens_with_label(body);
        // (The rest of the shape is as `Line::counted` left it.)
        debug_assert_eq!(self.shape, Shape::default());
        self.shape.preformatted = preformatted;
        self.shape.letter_spaced = letter_spaced;
        self.shape.aligned = aligned;
        self.shape.fence = fence;
        self.shape.contents = contents;
        // The furniture the line's text shows, read with its letter-spacing
        // taken out where it has any. (A macro, not a closure: the same
        // code as the call written out, where a closure cost 0.29
        // instructions per byte.)
        macro_rules! furniture {
            () => {
                furniture_of(
                    text(),
                    &edges,
                    width,
                    first,
                    ends_sentence,
                    dated,
                    opens,
                    (!letter_spaced).then_some(body),
                )
            };
        }
        // (Past the width, only a line that opens with a marker or a dash
        // may be furniture: neither is an ideograph.)
        let wider = if FIRST_MAIN {
            width > RUNNING_HEADER_WIDTH
        } else {
            wider_than_furniture(&edges, width, first)
        };
        self.furniture = if wider {
            // (Not read without letter-spacing, as most paragraphs that
            // settling composes need not be.)
            debug_assert_eq!(furniture!(), None);
            None
        } else if may_be_furniture(opens, width, dated, body) {
            furniture!()
        } else {
            // (Debug builds check that the call would find none.)
            debug_assert!(!dated || furniture!().is_none());
            None
        };
        self.byline_without_name =
            self.furniture == Some(Furniture::Byline) && ends_with_reporter_label(body);
    }
}

/// The widest a label before its colon prints, in half-em: six ideographs
/// (`出生日期`, `主持人`) or twelve ASCII letters and digits (`Note`).
const LABEL_WIDTH: u32 = 12;

/// Whether `body` opens with a label and its colon (`张三：`, `电话：`,
/// `Q:`), as the turns of a dialogue and the fields of a form do: up to
/// [`LABEL_WIDTH`] of ideographs, letters and digits, not a number alone
/// (`1:`), nor a time (`9：30`), a path or a URL's scheme (`C:\`,
/// `http://`). A line of wrapped prose opens so now and then (`表示：`);
/// two in a row almost never (3 of 655,015 breaks when the corpus's
/// paragraphs are cut at every width from 8 to 30 characters, each in the
/// middle of a Latin word).
#[inline(never)]
pub(super) fn opens_with_label(body: &str) -> bool {
    let bytes = body.as_bytes();
    let (mut at, mut width, mut digits_only, mut ends_with_digit) = (0, 0, true, false);
    while let Some(&b) = bytes.get(at) {
        // Ideographs of the main block, most labels, read undecoded.
        let (size, w) = if is_ideograph_lead(bytes, at) {
            (3, 2)
        } else if b.is_ascii_alphanumeric() {
            (1, 1)
        } else {
            let (c, size) = decode_at(body, at);
            if c == '：' || c == ':' {
                let next = bytes.get(at + size).copied();
                // A time (`9：30`), a path or a URL's scheme (`C:\\`, `http://`).
                let number_goes_on = ends_with_digit && next.is_some_and(|b| b.is_ascii_digit());
                let path_goes_on = c == ':' && matches!(next, Some(b'/' | b'\\'));
                return width > 0 && !digits_only && !number_goes_on && !path_goes_on;
            }
            if role_of(c) != CharRole::Ideograph {
                return false;
            }
            (size, 2)
        };
        width += w;
        if width > LABEL_WIDTH {
            return false;
        }
        digits_only &= b.is_ascii_digit();
        ends_with_digit = b.is_ascii_digit();
        at += size;
    }
    false
}

/// Whether `body` ends as an entry of a table of contents: leaders (`………`,
/// `........`, `· · · ·`, at least eight dots' worth: prose may set an
/// ellipsis, `……`, before a number) and a page number of up
/// to four ASCII digits, spaces allowed between.
#[inline(never)]
fn ends_with_leaders_and_page(body: &str) -> bool {
    let before_page = body.trim_end_matches(|c: char| c.is_ascii_digit());
    let page = body.len() - before_page.len();
    if page == 0 || page > 4 {
        return false;
    }
    let mut dots = 0;
    for c in before_page
        .trim_end_matches([' ', '\u{3000}'])
        .chars()
        .rev()
    {
        dots += match c {
            '…' | '⋯' => 3,
            '.' | '·' | '．' | '・' | '•' => 1,
            ' ' | '\u{3000}' => 0,
            _ => break,
        };
        if dots >= 8 {
            return true;
        }
    }
    false
}

/// Whether a byline's `body` stops at the reporter's label (`□本报记者`).
fn ends_with_reporter_label(body: &str) -> bool {
    body.ends_with("记者") || body.ends_with("記者")
}

/// Whether the `|` at byte `at` of `bytes` is a table's column rule (OCR
/// reads a ruled table's so; Markdown tables draw them): the nearest
/// character on one side of it, past spaces, is a CJK one (three or four
/// bytes from U+3000 on: `城市 | 人口`, `广州| 1867`). A shell's pipe
/// between commands (`ls -l |grep`) has ASCII on both sides.
pub(super) fn is_column_rule(bytes: &[u8], at: usize) -> bool {
    let cjk_lead = |b: u8| (0xE3..=0xF4).contains(&b);
    let after = bytes[at + 1..].iter().find(|&&b| b != b' ');
    let before = bytes[..at].iter().rposition(|&b| b != b' ');
    after.is_some_and(|&b| cjk_lead(b))
        || before.is_some_and(|end| {
            // The lead byte of the character that ends there.
            let lead = bytes[..=end].iter().rposition(|&b| b & 0xC0 != 0x80);
            lead.is_some_and(|k| end - k >= 2 && cjk_lead(bytes[k]))
        })
}

/// Whether `body` is one or two backticks or tildes and nothing else: kept
/// as it came, as a fence is. Joined to a line that opens with more, it
/// would make a code fence in the output, and the fences of its section
/// would pair otherwise when the output is reflowed again (see
/// `paragraph::mark_fenced_code`).
/// Whether `body`'s own characters align it: a tab, or box drawing that
/// draws. A light rule `─` two long between words is a dash, as some
/// Chinese text spells `——`; longer, or on a line of nothing else, or with
/// any other box piece (a corner, a crossing, a bar), it draws.
fn aligned_by_tabs_or_boxes(body: &str) -> bool {
    let (mut run, mut rules, mut text) = (0, 0, false);
    for c in body.chars() {
        match c {
            '\t' | '\u{2501}'..='\u{257F}' => return true,
            '\u{2500}' => {
                run += 1;
                rules += 1;
                if run > 2 {
                    return true;
                }
                continue;
            }
            ' ' | '\u{3000}' => {}
            _ => text = true,
        }
        run = 0;
    }
    rules > 0 && !text
}

fn is_piece_of_fence(body: &str) -> bool {
    matches!(body, "`" | "``" | "~" | "~~")
}

/// Whether a line with `letter_spaces` gaps between its `wide_chars` wide
/// characters is spread: spread text has a gap between most of its wide
/// characters; a table row of CJK cells has gaps only between cells.
fn spread(letter_spaces: u32, wide_chars: u32) -> bool {
    letter_spaces >= 2 && letter_spaces * 3 >= wide_chars.saturating_sub(1) * 2
}

/// How a cut before an input line shows in the output: a marked cut is two
/// real blank lines there, a silent one is found again by the cut itself.
fn output_cut(cut: SectionCut) -> SectionCut {
    match cut {
        SectionCut::Marked(_) => SectionCut::None,
        other => other,
    }
}

/// Whether the byte `b` is an ASCII sentence-end or pause mark (the ASCII
/// characters of those roles in [`role_of`]; a test holds them equal),
/// which right after a wide character stands for its full-width form (`,`
/// for `，`, `.` for `。`): OCR reads Chinese punctuation so, and the mark
/// printed a full em wide.
#[inline(always)]
fn stands_for_full_width(b: u8) -> bool {
    matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?')
}

/// Whether `bytes[at..]` opens with spaces or tabs and goes on with more
/// of its line after them.
#[inline]
fn space_then_text(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at..).unwrap_or_default();
    let after = rest.iter().position(|&b| b != b' ' && b != b'\t');
    after.is_some_and(|k| k > 0 && !matches!(rest[k], b'\n' | b'\r'))
}

/// Whether `c` is an ideograph of the main block, U+4E00 to U+9FFF.
#[inline(always)]
fn is_main_ideograph(c: Option<char>) -> bool {
    // (One unsigned test, which `None` fails too.)
    c.is_some_and(|c| (c as u32).wrapping_sub(0x4E00) < 0x5200)
}

/// Whether `c` prints nothing and is no whitespace: a zero-width space or
/// (non-)joiner, a directional mark, a word joiner, a byte-order mark, a
/// soft hyphen. Web pages and word processors leave them in text, at a
/// line's edges too; a line is read from what prints between them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// What prints of `body` between the invisible characters at its edges
/// (see [`is_invisible`]) and the spaces beside them, and where it starts.
pub(super) fn visible_part(body: &str) -> (usize, &str) {
    let edge = |c: char| is_invisible(c) || is_line_space(c);
    let visible = body.trim_start_matches(edge);
    let lead = body.len() - visible.len();
    (lead, visible.trim_end_matches(edge))
}

/// The body and place to read a line from whose `body` opens or ends with
/// invisible characters: what prints between them (see [`visible_part`]),
/// unless nothing does.
#[cold]
#[inline(never)]
fn visible_inputs(body: &str, place: Place) -> (&str, Edges, Place) {
    let (lead, visible) = visible_part(body);
    if visible.is_empty() {
        return (body, Edges::of(body), place);
    }
    let place = Place {
        text_start: place.text_start + lead,
        ..place
    };
    (visible, Edges::of(visible), place)
}

/// The first and last characters of a line's body, decoded once for the
/// tests that look at a line's edges; the one before the last on demand.
struct Edges {
    first: Option<char>,
    last: Option<char>,
}

impl Edges {
    #[inline(always)]
    fn of(body: &str) -> Edges {
        let len = body.len();
        if len == 0 {
            return Edges {
                first: None,
                last: None,
            };
        }
        let (first, first_len) = decode_at(body, 0);
        if first_len >= len {
            // One character: it is the first and the last.
            return Edges {
                first: Some(first),
                last: Some(first),
            };
        }
        Edges {
            first: Some(first),
            last: Some(decode_before(body, len).0),
        }
    }

    /// [`Edges::of`] a body of three-byte characters only, which need no
    /// test of their length.
    #[inline(always)]
    fn of_three_byte(body: &str) -> Edges {
        let bytes = body.as_bytes();
        match (bytes, bytes) {
            // One character, the first and the last: decoded once.
            (&[a, b, c], _) => {
                let c = Some(decode3(a, b, c));
                Edges { first: c, last: c }
            }
            (&[a, b, c, ..], &[.., x, y, z]) => Edges {
                first: Some(decode3(a, b, c)),
                last: Some(decode3(x, y, z)),
            },
            _ => Edges::of(body),
        }
    }

    /// Whether the body opens or ends with a character that prints
    /// nothing (see [`is_invisible`]).
    #[inline(always)]
    fn invisible(&self) -> bool {
        // (Most edges are ideographs, above U+2064, or ASCII, below U+AD:
        // one range test turns them away before the exact one; measured
        // cheaper than the exact test alone.)
        let maybe = |c: Option<char>| {
            c.is_some_and(|c| {
                let cp = c as u32;
                (0xAD..=0x2064).contains(&cp) || cp == 0xFEFF
            })
        };
        (maybe(self.first) && self.first.is_some_and(is_invisible))
            || (maybe(self.last) && self.last.is_some_and(is_invisible))
    }

    /// The character before the last of `body`.
    fn before_last(&self, body: &str) -> Option<char> {
        let at = body.len() - self.last?.len_utf8();
        (at > 0).then(|| decode_before(body, at).0)
    }
}

/// Where a line stands: its span, where its text starts, its number, the
/// blank lines before it and the width of its indent.
#[derive(Clone)]
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

/// Whether an ASCII letter prints close to a full em in the Latin fonts CJK
/// fonts carry (0.8–0.95 em against half an em counted).
#[inline(always)]
pub(crate) const fn is_broad(b: u8) -> bool {
    // (`| 0x20` lowers a capital; no other byte lands on these.)
    matches!(b | 0x20, b'm' | b'w')
}

/// For each byte: 0 if it is not an ASCII letter or digit, 2 if it is a
/// broad letter (see [`is_broad`]), 1 otherwise.
const ALNUM_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = if is_broad(b as u8) { 2 } else { 1 };
        }
        b += 1;
    }
    table
};

/// What one scan over a line's body counts.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Display width of the body, in half-em.
    width: u32,
    compressible: u32,
    pauses: u32,
    /// Full-width colons `：`.
    colons: u32,
    narrow: u32,
    broad: u32,
    gaps: u32,
    wide_chars: u32,
    brackets: i32,
    /// Full-width brackets (see [`Line::bracket_marks`]).
    bracket_marks: u32,
    letter_spaces: u32,
    space_runs: u32,
    /// Characters read one at a time: not ASCII, nor a wide character of
    /// three bytes other than U+3000 (which [`Counts::wide_run`] reads).
    decoded: u32,
    /// A tab or a box-drawing character: aligned text.
    tab_or_box: bool,
    /// Whether the body may open with a label, the cheap gate before
    /// [`opens_with_label`] reads the text: an ASCII colon in it (full-width
    /// ones are [`Counts::colons`]); for a line composed of parts, a first
    /// part that opens with a label or is narrower than one.
    label_gate: bool,
}

impl Counts {
    fn of(body: &str, wide_ambiguous: bool) -> Counts {
        Counts::scan_after(body, 0, Counts::default(), wide_ambiguous).0
    }

    /// The counts of a run of ideographs of the main block `bytes` long.
    #[inline(always)]
    fn of_ideographs(bytes: usize) -> Counts {
        let chars = (bytes / 3) as u32;
        Counts {
            width: 2 * chars,
            wide_chars: chars,
            ..Counts::default()
        }
    }

    /// The counts of the run of wide characters of three bytes that starts
    /// at byte `i` of `bytes` (see [`Counts::wide_run`]), and where it ends.
    #[inline(always)]
    fn of_wide_run(bytes: &[u8], i: usize, wide_ambiguous: bool) -> (Counts, usize) {
        let mut run = Counts::default();
        let end = run.wide_run(bytes, i, wide_ambiguous);
        let chars = (end - i) as u32 / 3;
        run.width = 2 * chars;
        run.wide_chars = chars;
        (run, end)
    }

    /// The counts of `text` from byte `from` up to the first `\n` or `\r`
    /// (or the end), and where that is, added to `run`: the counts of the
    /// run of wide characters just before `from` (see
    /// [`Counts::of_wide_run`]), if any.
    #[inline(always)]
    fn scan_after(text: &str, from: usize, run: Counts, wide_ambiguous: bool) -> (Counts, usize) {
        let mut n = run;
        let mut prev_wide = run.wide_chars > 0;
        // The last character was an ASCII letter or digit: a space after
        // it is a word space (see `Line::gaps`).
        let mut prev_alnum = false;
        let mut pending_spaces = 0u32;
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut i = from;
        while i < len {
            // Runs of characters of one width are counted together: wide
            // characters of three bytes (ideographs and full-width marks,
            // most of the text) and printable ASCII (most of the rest).
            let b = bytes[i];
            let start = i;
            if b < 0x80 {
                if b == b' ' || b == b'\t' {
                    n.tab_or_box |= b == b'\t';
                    pending_spaces += 1;
                    i += 1;
                    continue;
                }
                if b == b'\n' || b == b'\r' {
                    break;
                }
                // OCR reads a full-width mark as its ASCII look-alike
                // (`据新华社电,记者`): right after a wide character it
                // stands for the mark, and takes its full em. (Unless a
                // space after it makes up the em: `阶段: 迷你`.)
                if prev_wide
                    && pending_spaces == 0
                    && stands_for_full_width(b)
                    && !space_then_text(bytes, i + 1)
                {
                    n.width += 1;
                    n.compressible += 1;
                }
                n.close_gap(
                    &mut pending_spaces,
                    false,
                    prev_alnum || b.is_ascii_alphanumeric(),
                );
                prev_wide = false;
                if b < 0x20 || b == 0x7F {
                    // A control: no width.
                    prev_alnum = false;
                    i += 1;
                    continue;
                }
                // Printable ASCII up to the next space or other byte: runs
                // of letters and digits (most of it) in a tight loop, the
                // punctuation between them one by one.
                let mut punct = 0u32;
                loop {
                    // (One table lookup tells a letter or digit, and a broad one.)
                    while let Some(&b) = bytes.get(i) {
                        let class = ALNUM_CLASS[usize::from(b)];
                        if class == 0 {
                            break;
                        }
                        n.broad += u32::from(class >> 1);
                        i += 1;
                    }
                    let Some(&b @ 0x21..=0x7E) = bytes.get(i) else {
                        break;
                    };
                    punct += 1;
                    if b == b'(' {
                        n.brackets += 1;
                    } else if b == b')' {
                        n.brackets -= 1;
                    } else if matches!(b, b',' | b';' | b':') {
                        n.pauses += 1;
                        n.label_gate |= b == b':';
                    } else if b == b'|' {
                        n.space_runs += u32::from(is_column_rule(bytes, i));
                    }
                    i += 1;
                }
                let run = (i - start) as u32;
                n.width += run;
                // ASCII punctuation prints narrower than half an em in CJK
                // fonts: only letters and digits may print wider.
                n.narrow += run - punct;
                prev_alnum = bytes[i - 1].is_ascii_alphanumeric();
                continue;
            }
            if b & 0xF0 == 0xE0 {
                i = n.wide_run(bytes, i, wide_ambiguous);
                if i > start {
                    let run = (i - start) as u32 / 3;
                    n.close_gap(&mut pending_spaces, prev_wide, prev_alnum);
                    prev_alnum = false;
                    n.width += 2 * run;
                    n.wide_chars += run;
                    prev_wide = true;
                    continue;
                }
            }
            let (c, size) = decode_at(text, i);
            i += size;
            n.decoded += 1;
            if c == '\u{3000}' || c == '\u{A0}' {
                pending_spaces += 1;
                continue;
            }
            n.marks(c);
            let w = char_width(c, wide_ambiguous);
            let wide = w == 2;
            n.close_gap(&mut pending_spaces, prev_wide && wide, prev_alnum);
            prev_alnum = false;
            prev_wide = wide;
            n.width += w;
            if wide {
                n.wide_chars += 1;
            } else if w == 1 {
                n.narrow += 1;
            }
        }
        (n, i)
    }

    /// Counts the spaces before a character: a run of three or more, and
    /// either a letter-spacing gap (between two wide characters: spacing,
    /// not text, with no width of its own, as a justified line stretched by
    /// the extractor or spread by OCR has) or their width; one space beside
    /// an ASCII letter or digit is also a word space ([`Line::gaps`]).
    #[inline(always)]
    fn close_gap(&mut self, pending_spaces: &mut u32, between_wide: bool, beside_word: bool) {
        if *pending_spaces > 0 {
            if *pending_spaces >= 3 {
                self.space_runs += 1;
            }
            if between_wide {
                self.letter_spaces += 1;
            } else {
                self.width += *pending_spaces;
                self.gaps += u32::from(*pending_spaces == 1 && beside_word);
            }
            *pending_spaces = 0;
        }
    }

    /// Counts what a full-width mark from U+3001 to U+3029 or U+FF01 to
    /// U+FF60 (all wide: see [`char_width`]) adds besides its width, from
    /// [`FULL_WIDTH_MARKS`]; `false` for any other code point `cp`.
    #[inline(always)]
    fn full_width_mark(&mut self, cp: u32) -> bool {
        let at = if cp.wrapping_sub(0x3001) < 0x29 {
            cp - 0x3001
        } else if cp.wrapping_sub(0xFF01) < 0x60 {
            cp - 0xFF01 + 0x29
        } else {
            return false;
        };
        let marks = FULL_WIDTH_MARKS[at as usize];
        self.compressible += u32::from(marks & 1);
        self.pauses += u32::from(marks >> 3 & 1);
        self.colons += u32::from(marks >> 4 & 1);
        self.brackets += i32::from(marks >> 1 & 1) - i32::from(marks >> 2 & 1);
        self.bracket_marks += u32::from(marks >> 5 & 1);
        true
    }

    /// Counts what a non-ASCII character that is not a space adds besides
    /// its width.
    #[inline(always)]
    fn marks(&mut self, c: char) {
        self.compressible += u32::from(is_compressible(c));
        self.pauses += u32::from(is_pause(c));
        self.tab_or_box |= ('\u{2500}'..='\u{257F}').contains(&c);
        self.brackets += bracket_balance(c);
    }

    /// The end of the run of wide three-byte characters (no U+3000) that
    /// starts at byte `i` of `bytes`, counting their marks. Characters with
    /// lead bytes `E4`–`E9` (ideographs of the main block, most of the text)
    /// are read undecoded.
    #[inline(always)]
    fn wide_run(&mut self, bytes: &[u8], mut i: usize, wide_ambiguous: bool) -> usize {
        // One character at a time: runs between marks are short, and a
        // wide character of another block (a mark, kana, a full-width form)
        // goes on the run without leaving the loop. (Reading ideographs
        // four at a time here cost 1.2 instructions per byte more; a line's
        // first run read so, with a path of its own for a line of
        // ideographs alone, 0.7 more than this loop from the line's start.)
        while let [a, b, c, ..] = bytes[i..] {
            if a.wrapping_sub(0xE4) >= 6 {
                if a & 0xF0 != 0xE0 {
                    break;
                }
                // (Marks by code point: their table needs no `char`.)
                if !self.full_width_mark(code_point3(a, b, c)) {
                    let c = decode3(a, b, c);
                    if c == '\u{3000}' || char_width(c, wide_ambiguous) != 2 {
                        break;
                    }
                    self.marks(c);
                }
            }
            i += 3;
        }
        i
    }
}

/// Whether the UTF-8 sequence at `bytes[i]` (a character boundary) encodes
/// an ideograph of the main block, U+4E00 to U+9FFF: `E4 B8` to `E9 BF`.
#[inline(always)]
fn is_ideograph_lead(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i + 2) {
        Some(&[a, b]) => is_ideograph_start(a, b),
        _ => false,
    }
}

/// Whether `a b` open the UTF-8 sequence of an ideograph of the main block.
#[inline(always)]
fn is_ideograph_start(a: u8, b: u8) -> bool {
    u16::from_be_bytes([a, b]).wrapping_sub(0xE4B8) < 0x0508
}

/// The character that starts at byte `i` of `text` (a character boundary
/// before its end), and its length in bytes. ASCII and three-byte sequences
/// (all of CJK) are decoded on the spot.
#[inline(always)]
fn decode_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    if b & 0xF0 == 0xE0 && i + 2 < bytes.len() {
        return (decode3(bytes[i], bytes[i + 1], bytes[i + 2]), 3);
    }
    decode_other_at(text, i)
}

#[cold]
fn decode_other_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// The character that ends at byte `end` of `text` (a character boundary
/// after its start), and the byte offset where it starts.
#[inline(always)]
fn decode_before(text: &str, end: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[end - 1];
    if b < 0x80 {
        return (char::from(b), end - 1);
    }
    if end >= 3 && bytes[end - 3] & 0xF0 == 0xE0 {
        return (decode3(bytes[end - 3], bytes[end - 2], b), end - 3);
    }
    decode_other_before(text, end)
}

#[cold]
fn decode_other_before(text: &str, end: usize) -> (char, usize) {
    let c = text[..end]
        .chars()
        .next_back()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, end - c.len_utf8())
}

/// The character of the three-byte UTF-8 sequence `a b c`.
#[inline(always)]
fn decode3(a: u8, b: u8, c: u8) -> char {
    char::from_u32(code_point3(a, b, c)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The code point of the three-byte UTF-8 sequence `a b c`.
#[inline(always)]
fn code_point3(a: u8, b: u8, c: u8) -> u32 {
    u32::from(a & 0x0F) << 12 | u32::from(b & 0x3F) << 6 | u32::from(c & 0x3F)
}

/// What each full-width mark from U+3001 to U+3029, then from U+FF01 to
/// U+FF60, counts: bit 0 compressible, bit 1 opening, bit 2 closing, bit 3
/// a pause mark, bit 4 the colon `：`.
const FULL_WIDTH_MARKS: [u8; 0x29 + 0x60] = {
    let mut table = [0; 0x29 + 0x60];
    let mut at = 0;
    while at < table.len() {
        let cp = if at < 0x29 {
            0x3001 + at as u32
        } else {
            0xFF01 + (at - 0x29) as u32
        };
        let c = match char::from_u32(cp) {
            Some(c) => c,
            None => panic!(),
        };
        let balance = bracket_balance(c);
        table[at] = is_compressible(c) as u8
            | ((balance > 0) as u8) << 1
            | ((balance < 0) as u8) << 2
            | (is_pause(c) as u8) << 3
            | ((c == '：') as u8) << 4
            | ((balance != 0) as u8) << 5;
        at += 1;
    }
    table
};

/// `1` for a full-width opening bracket or quote, `-1` for a closing one.
/// Straight ASCII quotes open and close alike, so they are not counted.
/// A full-width or small pause mark (`，、；：`).
const fn is_pause(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '；' | '：' | '､' | '﹐' | '﹑' | '﹔' | '﹕'
    )
}

/// `1` for a full-width opening bracket or quote, `-1` for a closing one.
/// Straight ASCII quotes open and close alike, so they are not counted.
const fn bracket_balance(c: char) -> i32 {
    match c {
        '（' | '〔' | '【' | '《' | '「' | '『' | '“' => 1,
        '）' | '〕' | '】' | '》' | '」' | '』' | '”' => -1,
        _ => 0,
    }
}

/// Whether `body`, whose first character plays `first`, opens mid-phrase
/// (see [`Line::opens_mid_phrase`]): with `的` before more text (not
/// `的确`, `的士`), with a suffix or particle that opens no word (`们`,
/// `吗`, `呢`, `了`), or with an ideograph and a mark that closes a clause, a
/// sentence or a bracket. Not `、` or `：`, which follow a list's or an
/// interview's label (`一、`, `问：`).
#[inline(never)]
fn opens_mid_phrase(body: &str, first: CharRole) -> bool {
    let mut chars = body.chars();
    match (chars.next(), chars.next()) {
        (Some('的'), Some(second)) => !matches!(second, '确' | '確' | '士'),
        // A suffix or particle that opens no word: `们` (`我` | `们`), `吗`,
        // `呢`, and `了` but in `了解`, `了不起`, `了结`, `了却`.
        (Some('们' | '們' | '吗' | '嗎' | '呢'), Some(_)) => true,
        (Some('了'), Some(second)) => !matches!(second, '解' | '不' | '结' | '結' | '却' | '卻'),
        (_, Some(second)) => {
            first == CharRole::Ideograph
                && matches!(
                    second,
                    '，' | '。'
                        | '！'
                        | '？'
                        | '；'
                        | '）'
                        | '”'
                        | '」'
                        | '』'
                        | ','
                        | '.'
                        | '!'
                        | '?'
                        | ';'
                        | ')'
                )
        }
        _ => false,
    }
}

/// `的`, and the suffixes and particles that open no word (see
/// [`opens_with_particle`]).
const PARTICLES: [char; 7] = ['的', '们', '們', '吗', '嗎', '呢', '了'];

/// Whether `c` may open a line mid-phrase whatever follows it (see
/// [`opens_mid_phrase`]): `的`, or a suffix or particle that opens no word.
/// (Most lines' first characters fail a gate on their last UTF-8 byte,
/// the set of the particles' low six bits there: an [`IdeographBits`]
/// lookup here measured 0.24 instructions per byte dearer.)
#[inline(always)]
fn opens_with_particle(c: char) -> bool {
    const GATE: u64 = {
        let (mut set, mut i) = (0u64, 0);
        while i < PARTICLES.len() {
            set |= 1 << (PARTICLES[i] as u32 & 0x3F);
            i += 1;
        }
        set
    };
    GATE >> (c as u32 & 0x3F) & 1 == 1 && PARTICLES.contains(&c)
}

/// Width of the text before the first line-break opportunity in `body`.
///
/// Narrow characters count a quarter more than half an em, as Latin letters
/// in CJK fonts do, and a chunk that opens with a letter or digit carries the
/// space that separated it from the text before.
#[cfg(test)]
fn lead_chunk_width(body: &str, edges: &Edges, wide_ambiguous: bool) -> u32 {
    let first = edges.first.map_or(CharRole::Other, role_of);
    lead_chunk_of::<false>(body, edges, first, wide_ambiguous).0
}

/// [`lead_chunk_width`], and whether the line opens mid-phrase (see
/// [`opens_mid_phrase`]; `first` is the role of the line's first
/// character), told on the way: past `的`, only a chunk as wide as an
/// ideograph and its mark may. `FIRST_MAIN`: the line opens with an
/// ideograph of the main block (see [`Line::derive`]).
#[inline(always)]
fn lead_chunk_of<const FIRST_MAIN: bool>(
    body: &str,
    edges: &Edges,
    first: CharRole,
    wide_ambiguous: bool,
) -> (u32, bool) {
    match edges.first {
        // An ideograph before another, an ASCII letter or digit, an opening
        // bracket or the end, the common case: UAX #14 allows a break after it.
        Some(c @ '\u{4E00}'..='\u{9FFF}') if breaks_after_ideograph(body.as_bytes(), 3) => {
            (2, opens_with_particle(c) && opens_mid_phrase(body, first))
        }
        // The next most common: an ideograph and the comma or stop it holds
        // on to (LB13), before another ideograph or the end (a word's tail
        // unless the mark is `、`).
        Some(c @ '\u{4E00}'..='\u{9FFF}') if comma_or_stop_then_ideograph(body.as_bytes()) => {
            (4, opens_with_particle(c) || body.as_bytes()[5] != 0x81)
        }
        // A Latin word or number before a break, as `lead_chunk_width_after`
        // reads it (most lines that open with a letter or digit; none opens
        // mid-phrase).
        Some(c) if !FIRST_MAIN && c.is_ascii_alphanumeric() => {
            let bytes = body.as_bytes();
            let run = bytes
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if breaks_after_ideograph(bytes, run) && bytes.get(run..run + 3) != Some(&FULL_OPEN) {
                let width = run as u32 + run as u32 / 4 + 1;
                debug_assert_eq!(width, lead_chunk_width_after(body, c, wide_ambiguous));
                (width, false)
            } else {
                (lead_chunk_width_after(body, c, wide_ambiguous), false)
            }
        }
        Some(c) => {
            let width = lead_chunk_width_after(body, c, wide_ambiguous);
            (
                width,
                (matches!(width, 3 | 4) || opens_with_particle(c)) && opens_mid_phrase(body, first),
            )
        }
        None => (0, false),
    }
}

/// [`lead_chunk_width`] of a line that opens with `first`, past the common
/// case.
#[inline(never)]
fn lead_chunk_width_after(body: &str, first: char, wide_ambiguous: bool) -> u32 {
    let bytes = body.as_bytes();
    let first_len = first.len_utf8();
    if first_len == bytes.len() {
        // One character: the chunk is the line.
        return char_width(first, wide_ambiguous) + u32::from(first.is_ascii_alphanumeric());
    }
    let breaks_before = |i: usize| breaks_after_ideograph(bytes, i);
    // The same after a letter or digit, except before an opening bracket,
    // which a letter or digit holds on to (LB30).
    let breaks_before_latin =
        |i: usize| breaks_after_ideograph(bytes, i) && bytes.get(i..i + 3) != Some(&FULL_OPEN);
    let ideograph = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let (second, _) = decode_at(body, first_len);
    let third_at = first_len + second.len_utf8();
    // The length of the run of ASCII letters and digits at byte `i`.
    let latin_run = |i: usize| {
        bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    };
    // Width of a chunk of `wide` half-em then `narrow` characters, as the
    // slow path below counts it, `leads` when it opens with a letter or digit.
    let latin_chunk =
        |wide: u32, narrow: u32, leads: bool| wide + narrow + narrow / 4 + u32::from(leads);
    if ideograph(first) {
        // An ideograph and the closing marks it holds on to (`说，`,
        // `说）。`), before another ideograph, an opening bracket or the
        // end: no break before a closing mark (LB13, LB21), one after it.
        if holds_to_the_left(second) {
            let mut width = 2 + char_width(second, wide_ambiguous);
            let mut at = third_at;
            if at < bytes.len() && !is_ideograph_lead(bytes, at) {
                let (third, len) = decode_at(body, at);
                if holds_to_the_left(third) {
                    width += char_width(third, wide_ambiguous);
                    at += len;
                }
            }
            if at == bytes.len()
                || is_ideograph_lead(bytes, at)
                || bytes.get(at..at + 3) == Some(&FULL_OPEN)
            {
                return width;
            }
        }
        // A quote holds on to the ideographs on both sides (LB19).
        if matches!(second, '“' | '”')
            && is_ideograph_lead(bytes, third_at)
            && breaks_before(third_at + 3)
        {
            return 4 + char_width(second, wide_ambiguous);
        }
    } else if matches!(
        first,
        '（' | '(' | '“' | '‘' | '「' | '『' | '《' | '【' | '〔' | '"'
    ) {
        // An opening bracket or quote holds on to what follows it (LB14,
        // LB19): an ideograph, or a Latin word.
        let opener = char_width(first, wide_ambiguous);
        if ideograph(second) && first != '"' && breaks_before(third_at) {
            return opener + 2;
        }
        if second.is_ascii_alphanumeric() {
            let end = first_len + latin_run(first_len);
            if breaks_before_latin(end) {
                let narrow = u32::from(opener == 1);
                return latin_chunk(opener - narrow, (end - first_len) as u32 + narrow, false);
            }
        }
    } else if matches!(first, '□' | '■' | '。' | '，' | '、') {
        // A byline box, or a mark left at the start of a line, before an
        // ideograph: a break between them.
        if ideograph(second) {
            return char_width(first, wide_ambiguous);
        }
    } else if matches!(first, '—' | '―' | '─') && second == first {
        // A dash of two: no break inside it (LB17), one after it before an
        // ideograph.
        if is_ideograph_lead(bytes, third_at) {
            return 2 * char_width(first, wide_ambiguous);
        }
    } else if first.is_ascii_alphanumeric() {
        // A Latin word or a number: no break inside a run of letters and
        // digits (LB23, LB25, LB28), one after it as after an ideograph, or
        // after the punctuation closing it and the spaces after that (LB13,
        // LB18).
        let run = latin_run(0);
        if breaks_before_latin(run) {
            return latin_chunk(0, run as u32, true);
        }
        if matches!(bytes[run], b',' | b'.' | b';' | b':' | b'!' | b'?')
            && (run + 1 == bytes.len() || bytes[run + 1] == b' ' && breaks_before(run + 1))
        {
            return latin_chunk(0, run as u32 + 1, true);
        }
        // Or after a full-width comma or stop closing it, before an
        // ideograph (`dpkg。这`).
        let after_mark = run + 3;
        if matches!(
            &bytes[run..],
            [0xEF, 0xBC, 0x8C, ..] | [0xE3, 0x80, 0x81 | 0x82, ..]
        ) && (after_mark == bytes.len() || is_ideograph_lead(bytes, after_mark))
        {
            return latin_chunk(
                char_width(decode_at(body, run).0, wide_ambiguous),
                run as u32,
                true,
            );
        }
    }
    if let Some(width) = marks_chunk_width(body, wide_ambiguous) {
        return width;
    }
    if let Some(end) = ascii_chunk_end(body) {
        let leads = u32::from(bytes[0].is_ascii_alphanumeric());
        if bytes[..end].is_ascii() {
            // Each one narrow.
            return end as u32 + end as u32 / 4 + leads;
        }
        let (mut width, mut narrow) = (0, 0);
        for c in body[..end].chars() {
            let w = char_width(c, wide_ambiguous);
            width += w;
            narrow += u32::from(w == 1);
        }
        return width + narrow / 4 + leads;
    }
    if let Some(end) = mixed_chunk_end(body) {
        let (mut width, mut narrow) = (0, 0);
        for c in body[..end].chars() {
            let w = char_width(c, wide_ambiguous);
            width += w;
            narrow += u32::from(w == 1);
        }
        debug_assert_eq!(end, body[..first_break_opportunity(body)].trim_end().len());
        return width + narrow / 4 + u32::from(bytes[0].is_ascii_alphanumeric());
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

/// The width of the first unbreakable chunk of `body`, as the end of
/// [`lead_chunk_width_after`] counts it, where up to the first break it
/// holds only CJK punctuation and ideographs (see [`mark_class`]): one
/// pass over them, with no call to the full UAX #14 algorithm. `None`
/// where another character comes first.
fn marks_chunk_width(body: &str, wide_ambiguous: bool) -> Option<u32> {
    let (mut width, mut narrow) = (0, 0);
    let mut before = None;
    for c in body.chars() {
        let class = mark_class(c)?;
        if before.is_some_and(|before| !marks_hold(before, class)) {
            break;
        }
        before = Some(class);
        // (No space among them: the chunk needs no trimming.)
        let w = char_width(c, wide_ambiguous);
        width += w;
        narrow += u32::from(w == 1);
    }
    Some(width + narrow / 4)
}

/// UAX #14 classes of the printable ASCII characters that
/// [`ascii_chunk_end`] reads: letters and the symbols of class AL, digits,
/// `.,:;` (IS), `/` (SY), `-` (HY), `([{` (OP), `)]` (CP), `}` (CL), `!?`
/// (EX) and the space; `NONE` for the others (quotes, `$+\\%|`, controls).
const ASCII_BREAK_CLASS: [u8; 128] = {
    let mut table = [ASCII_NONE; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            ASCII_AL
        } else if c.is_ascii_digit() {
            ASCII_NU
        } else {
            match c {
                b'_' | b'@' | b'*' | b'=' | b'~' | b'#' | b'&' | b'<' | b'>' | b'^' | b'`' => {
                    ASCII_AL
                }
                b'.' | b',' | b':' | b';' => ASCII_IS,
                b'/' => ASCII_SY,
                b'-' => ASCII_HY,
                b'(' | b'[' | b'{' => ASCII_OP,
                b')' | b']' => ASCII_CP,
                b'}' => ASCII_CL,
                b'!' | b'?' => ASCII_EX,
                b' ' => ASCII_SP,
                _ => ASCII_NONE,
            }
        };
        b += 1;
    }
    table
};
const ASCII_NONE: u8 = 0;
const ASCII_AL: u8 = 1;
const ASCII_NU: u8 = 2;
const ASCII_IS: u8 = 3;
const ASCII_SY: u8 = 4;
const ASCII_HY: u8 = 5;
const ASCII_OP: u8 = 6;
const ASCII_CP: u8 = 7;
const ASCII_CL: u8 = 8;
const ASCII_EX: u8 = 9;
const ASCII_SP: u8 = 10;

/// The end of the first unbreakable chunk of `body` (as
/// [`first_break_opportunity`] finds it, its spaces trimmed) where it opens
/// with ASCII and the break is one these pair rules settle: paths, commands
/// and words joined by `/._-()` (`/etc/apt`, `apt-get`, `ls(1)`), then CJK
/// marks and ideographs they hold on to (`postinst、`, `amd64：`), before
/// spaces, an ideograph, a letter or the end. `None` for anything else, which
/// the full algorithm decides.
fn ascii_chunk_end(body: &str) -> Option<usize> {
    use unicode_linebreak::BreakClass::{
        CloseParenthesis as CP, ClosePunctuation as CL, Exclamation as EX, Ideographic as ID,
        Inseparable as IN, NonStarter as NS, OpenPunctuation as OP, Quotation as QU,
    };
    let bytes = body.as_bytes();
    let class = |b: u8| ASCII_BREAK_CLASS.get(usize::from(b)).copied();
    // After spaces, a break before a letter, digit, ASCII opening bracket or
    // ideograph (LB18); `None` before anything else.
    let breaks_after_spaces = |j: usize| match bytes.get(j) {
        None => Some(true),
        Some(&b) if b < 0x80 => Some(matches!(class(b)?, ASCII_AL | ASCII_NU | ASCII_OP)),
        Some(_) => Some(is_ideograph_lead(bytes, j)),
    };
    let skip_spaces = |mut j: usize| {
        while bytes.get(j) == Some(&b' ') {
            j += 1;
        }
        j
    };
    let mut prev = class(*bytes.first()?)?;
    if matches!(prev, ASCII_NONE | ASCII_SP) {
        return None;
    }
    let mut i = 1;
    // The ASCII part.
    let mut before = loop {
        let Some(&b) = bytes.get(i) else {
            return Some(bytes.len());
        };
        if b >= 0x80 {
            let (c, len) = decode_at(body, i);
            let next = mark_class(c)?;
            let joined = match next {
                // No break before a closing mark, quote, non-starter or
                // ellipsis (LB13, LB19, LB21, LB22).
                CL | CP | EX | QU | NS | IN => true,
                // A break before an ideograph after these (LB31).
                ID => match prev {
                    ASCII_OP => true,
                    ASCII_AL | ASCII_NU | ASCII_IS | ASCII_SY | ASCII_HY | ASCII_CP => false,
                    _ => return None,
                },
                // A letter or digit holds on to an opening bracket (LB30).
                OP if matches!(prev, ASCII_AL | ASCII_NU | ASCII_OP) => true,
                _ => return None,
            };
            if !joined {
                return Some(i);
            }
            i += len;
            break next;
        }
        let next = class(b)?;
        let joined = match (prev, next) {
            (ASCII_NONE, _) | (_, ASCII_NONE) => return None,
            // No break before spaces (LB7), one after them (LB18), unless
            // an opening mark comes before them (LB14).
            (_, ASCII_SP) => {
                return (prev != ASCII_OP && breaks_after_spaces(skip_spaces(i))?).then_some(i);
            }
            _ => match ascii_pair(prev, next) {
                PAIR_JOIN => true,
                PAIR_BREAK => false,
                PAIR_SLASH => b.is_ascii_alphanumeric(),
                _ => return None,
            },
        };
        if !joined {
            return Some(i);
        }
        prev = next;
        i += 1;
    };
    // The marks and ideographs after it, pair by pair (see `marks_hold`),
    // up to a letter, digit or spaces.
    loop {
        let Some(&b) = bytes.get(i) else {
            return Some(bytes.len());
        };
        if b < 0x80 {
            let next = class(b)?;
            if !matches!(before, CL | NS | EX | ID) {
                return None;
            }
            return match next {
                // A break after spaces (LB18).
                ASCII_SP => breaks_after_spaces(skip_spaces(i))?.then_some(i),
                // A break before a letter or digit (LB31).
                ASCII_AL | ASCII_NU => Some(i),
                _ => None,
            };
        }
        let (c, len) = decode_at(body, i);
        let next = mark_class(c)?;
        if !marks_hold(before, next) {
            return Some(i);
        }
        before = next;
        i += len;
    }
}

/// What UAX #14 says of two ASCII characters side by side, of the classes
/// `ASCII_BREAK_CLASS` gives (not a space, nor one it does not read): one
/// `PAIR_*` value, for [`ascii_chunk_end`] and [`MIXED_PAIRS`] alike.
const fn ascii_pair(prev: u8, next: u8) -> u8 {
    match (prev, next) {
        // No break before a closing or infix mark, `/`, `-` or `!?`
        // (LB13, LB21), nor after an opening bracket (LB14).
        (_, ASCII_IS | ASCII_SY | ASCII_HY | ASCII_CP | ASCII_CL | ASCII_EX) | (ASCII_OP, _) => {
            PAIR_JOIN
        }
        // Letters and digits hold together and on to an opening bracket
        // (LB23, LB28, LB30), a closing bracket on to them (LB30).
        (ASCII_AL | ASCII_NU | ASCII_CP, ASCII_AL | ASCII_NU) => PAIR_JOIN,
        (ASCII_AL | ASCII_NU, ASCII_OP) => PAIR_JOIN,
        // After an infix mark, a letter or digit (LB29, LB25).
        (ASCII_IS, ASCII_AL | ASCII_NU) => PAIR_JOIN,
        // After `/`, a digit (LB25), and a letter by the tailoring of
        // `first_break_opportunity`; a symbol of class AL breaks.
        (ASCII_SY, ASCII_NU) => PAIR_JOIN,
        (ASCII_SY, ASCII_AL) => PAIR_SLASH,
        // After `-`, a digit (LB25); a letter breaks.
        (ASCII_HY, ASCII_NU) => PAIR_JOIN,
        (ASCII_HY, ASCII_AL) => PAIR_BREAK,
        _ => PAIR_UNKNOWN,
    }
}

/// `$`, a prefix (UAX #14 class PR), for [`mixed_chunk_end`]: read only
/// before spaces.
const ASCII_PR: u8 = 11;
/// The classes [`mark_class`] finds, for [`mixed_chunk_end`], after the
/// ASCII ones: opening, closing, closing parenthesis, quote, non-starter,
/// `！？`, ellipsis, dash, ideograph.
const MARK_OP: u8 = 16;
const MARK_CL: u8 = 17;
const MARK_CP: u8 = 18;
const MARK_QU: u8 = 19;
const MARK_NS: u8 = 20;
const MARK_EX: u8 = 21;
const MARK_IN: u8 = 22;
const MARK_B2: u8 = 23;
const MARK_ID: u8 = 24;
/// The UAX #14 class of a `MARK_*` value (the one [`mark_class`] found).
const fn mark_break_class(mark: u8) -> unicode_linebreak::BreakClass {
    use unicode_linebreak::BreakClass as B;
    match mark {
        MARK_OP => B::OpenPunctuation,
        MARK_CL => B::ClosePunctuation,
        MARK_CP => B::CloseParenthesis,
        MARK_QU => B::Quotation,
        MARK_NS => B::NonStarter,
        MARK_EX => B::Exclamation,
        MARK_IN => B::Inseparable,
        MARK_B2 => B::BeforeAndAfter,
        _ => B::Ideographic,
    }
}

/// What [`MIXED_PAIRS`] says of two characters side by side.
const PAIR_BREAK: u8 = 0;
const PAIR_JOIN: u8 = 1;
const PAIR_UNKNOWN: u8 = 2;
/// `/` before a symbol of class AL: joined before a letter or digit only
/// (the tailoring of `first_break_opportunity`).
const PAIR_SLASH: u8 = 3;

/// Whether UAX #14 allows a break between two characters (`before * 32 +
/// after`) of the classes [`mixed_chunk_end`] reads, with no space between
/// them: the pair rules of [`ascii_pair`] and [`marks_hold`], and
/// past an opening mark or a quote into ASCII (LB14, LB19) or into a
/// closing or infix mark or `-` (LB13, LB21). Pairs none of them reads
/// are `PAIR_UNKNOWN`.
const MIXED_PAIRS: [u8; 32 * 32] = {
    let mut table = [PAIR_UNKNOWN; 32 * 32];
    let mut prev = 0;
    while prev < 32 {
        let mut next = 0;
        while next < 32 {
            let (p, n) = (prev as u8, next as u8);
            let ascii_closing = matches!(
                n,
                ASCII_IS | ASCII_SY | ASCII_HY | ASCII_CP | ASCII_CL | ASCII_EX
            );
            let (p_mark, n_mark) = (p >= MARK_OP && p <= MARK_ID, n >= MARK_OP && n <= MARK_ID);
            let (p_ascii, n_ascii) = (
                p >= ASCII_AL && p <= ASCII_EX,
                n >= ASCII_AL && n <= ASCII_EX,
            );
            table[prev * 32 + next] = if p_ascii && n_ascii {
                ascii_pair(p, n)
            } else if p_ascii && n_mark {
                match n {
                    MARK_CL | MARK_CP | MARK_EX | MARK_QU | MARK_NS | MARK_IN => PAIR_JOIN,
                    MARK_ID => match p {
                        ASCII_OP => PAIR_JOIN,
                        ASCII_AL | ASCII_NU | ASCII_IS | ASCII_SY | ASCII_HY | ASCII_CP => {
                            PAIR_BREAK
                        }
                        _ => PAIR_UNKNOWN,
                    },
                    MARK_OP if matches!(p, ASCII_AL | ASCII_NU | ASCII_OP) => PAIR_JOIN,
                    _ => PAIR_UNKNOWN,
                }
            } else if p_mark && n_mark {
                if marks_hold(mark_break_class(p), mark_break_class(n)) {
                    PAIR_JOIN
                } else {
                    PAIR_BREAK
                }
            } else if p_mark && n_ascii {
                if ascii_closing || matches!(p, MARK_OP | MARK_QU) {
                    PAIR_JOIN
                } else if matches!(p, MARK_CL | MARK_NS | MARK_EX | MARK_ID | MARK_B2)
                    && matches!(n, ASCII_AL | ASCII_NU)
                {
                    PAIR_BREAK
                } else {
                    PAIR_UNKNOWN
                }
            } else {
                PAIR_UNKNOWN
            };
            next += 1;
        }
        prev += 1;
    }
    table
};

/// The class [`mixed_chunk_end`] reads of the character at byte `i` of
/// `body`, and its length; `None` for one it does not read.
#[inline(always)]
fn mixed_class_at(body: &str, i: usize) -> Option<(u8, usize)> {
    use unicode_linebreak::BreakClass as B;
    let bytes = body.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return match b {
            b'"' | b'\'' => Some((MARK_QU, 1)),
            b'$' => Some((ASCII_PR, 1)),
            _ => match ASCII_BREAK_CLASS[usize::from(b)] {
                ASCII_NONE => None,
                class => Some((class, 1)),
            },
        };
    }
    // (Most are ideographs of the main block: no lookup for those.)
    if is_ideograph_lead(bytes, i) {
        return Some((MARK_ID, 3));
    }
    let (c, len) = decode_at(body, i);
    let class = match mark_class(c)? {
        B::OpenPunctuation => MARK_OP,
        B::ClosePunctuation => MARK_CL,
        B::CloseParenthesis => MARK_CP,
        B::Quotation => MARK_QU,
        B::NonStarter => MARK_NS,
        B::Exclamation => MARK_EX,
        B::Inseparable => MARK_IN,
        B::BeforeAndAfter => MARK_B2,
        _ => MARK_ID,
    };
    Some((class, len))
}

/// The end of the first unbreakable chunk of `body` (as
/// [`first_break_opportunity`] finds it, its spaces trimmed) where it mixes
/// CJK marks and ideographs with the ASCII that [`ascii_chunk_end`] reads,
/// in any order (`为“sid”。`, `“contrib”和`, `（tjener）。`, `powerpc ：`),
/// pair by pair by [`MIXED_PAIRS`]. `None` for anything else, which the
/// full algorithm decides.
#[inline(never)]
fn mixed_chunk_end(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let (mut before, mut i) = match mixed_class_at(body, 0)? {
        (ASCII_SP, _) => return None,
        (class, len) => (class, len),
    };
    while i < bytes.len() {
        if bytes[i] == b' ' {
            // No break before spaces (LB7); after them, none before a
            // closing or infix mark (LB13), an opening mark after a quote
            // (LB15), a non-starter after a closing mark (LB16) or inside
            // a dash (LB17); else a break (LB18), before a quote, `-` or
            // a non-starter too. Not read after an opening mark (LB14).
            if matches!(before, ASCII_OP | MARK_OP) {
                return None;
            }
            let mut j = i + 1;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if j == bytes.len() {
                return Some(i);
            }
            let (next, len) = mixed_class_at(body, j)?;
            let joined = match next {
                MARK_CL | MARK_CP | MARK_EX | ASCII_IS | ASCII_SY | ASCII_CP | ASCII_CL
                | ASCII_EX => true,
                MARK_NS => matches!(before, MARK_CL | MARK_CP | ASCII_CP | ASCII_CL),
                MARK_OP | ASCII_OP => before == MARK_QU,
                MARK_B2 => before == MARK_B2,
                MARK_QU | MARK_IN | ASCII_HY | MARK_ID | ASCII_AL | ASCII_NU => false,
                _ => return None,
            };
            if !joined {
                return Some(i);
            }
            (before, i) = (next, j + len);
            continue;
        }
        let (next, len) = mixed_class_at(body, i)?;
        match MIXED_PAIRS[usize::from(before) * 32 + usize::from(next)] {
            PAIR_JOIN => {}
            PAIR_BREAK => return Some(i),
            PAIR_SLASH if bytes[i].is_ascii_alphanumeric() => {}
            PAIR_SLASH => return Some(i),
            _ => return None,
        }
        (before, i) = (next, i + len);
    }
    Some(bytes.len())
}

/// Whether `bytes[3..6]` is `，`, `、` or `。` (wide, not ambiguous, and
/// closing punctuation in UAX #14), followed by the end or an ideograph:
/// what [`lead_chunk_width_after`] finds 4 half-em for after an ideograph.
#[inline(always)]
fn comma_or_stop_then_ideograph(bytes: &[u8]) -> bool {
    matches!(
        bytes.get(3..6),
        Some([0xEF, 0xBC, 0x8C] | [0xE3, 0x80, 0x81 | 0x82])
    ) && (bytes.len() == 6 || is_ideograph_lead(bytes, 6))
}

/// `（` in UTF-8.
const FULL_OPEN: [u8; 3] = [0xEF, 0xBC, 0x88];

/// Whether UAX #14 allows a break after an ideograph before the text at byte
/// `i` of `bytes` (LB31), from its first character: the end of the line,
/// another ideograph, an ASCII letter or digit, a full-width opening bracket,
/// or spaces (no break before them, LB7, one after them, LB18) before any of
/// these or `“`.
#[inline(always)]
fn breaks_after_ideograph(bytes: &[u8], mut i: usize) -> bool {
    let Some(&b) = bytes.get(i) else {
        return true;
    };
    let after_spaces = b == b' ';
    if after_spaces {
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    match bytes.get(i) {
        Some(b) if b.is_ascii_alphanumeric() => true,
        Some(0xE4..=0xE9) => is_ideograph_lead(bytes, i),
        Some(0xEF) => bytes.get(i..i + 3) == Some(&FULL_OPEN),
        // `“`.
        Some(0xE2) => after_spaces && bytes.get(i..i + 3) == Some(&[0xE2, 0x80, 0x9C]),
        Some(b'"' | b'(') => after_spaces,
        _ => false,
    }
}

/// Whether `body` ends with a hyphen, slash or similar joiner right after a
/// letter or digit: a wrap inside a word, path or URL.
fn ends_mid_word(body: &str, edges: &Edges) -> bool {
    matches!(edges.last, Some('-' | '/' | '_' | '='))
        && edges
            .before_last(body)
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Function words that need what follows them (see
/// [`ends_with_function_word`]).
const FUNCTION_WORDS: [char; 19] = [
    '这', '這', '该', '該', '已', '被', '或', '也', '而', '但', '很', '又', '且', '虽', '雖', '于',
    '於', '个', '個',
];

/// Whether `body`, whose last character is `last`, ends with a function
/// word that needs what follows it: a demonstrative (`这`), a preposition,
/// conjunction or adverb (`于` `被` `或` `而` `但` `且` `虽` `也` `很` `又`),
/// an auxiliary (`该` `已`, not in `不已` or `而已`, which close a clause) or
/// the measure word `个` (not after digits: `3个`). None of them ends a sentence, a heading or a
/// noun, so the sentence goes on in the next line. (Characters that also
/// end common words are left out: `在` in `现在`, `为` in `作为`, `能` in
/// `功能`, `与` in `参与`.)
#[inline(always)]
fn ends_with_function_word(body: &str, last: char) -> bool {
    // One bit a main-block ideograph (all the words are): one load, no
    // search, for every line that ends with an ideograph.
    const FUNCTION_WORD_BITS: IdeographBits = ideograph_bits(&FUNCTION_WORDS);
    // (The character before the last is read only after `已` and `个`.)
    let before = || body[..body.len() - last.len_utf8()].chars().next_back();
    has_ideograph(&FUNCTION_WORD_BITS, last)
        && match last {
            // `不已`, `而已` close a clause.
            '已' => !matches!(before(), Some('不' | '而')),
            // `3个` is a quantity, which a list's or a table's cell ends
            // with as often as a sentence goes on past it (over every
            // labelled page no line ends so; `三个`, `两个` end 1,074 lines,
            // all but 4 of them mid-sentence).
            '个' | '個' => {
                !before().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            }
            _ => true,
        }
}

/// Whether `body`, which ends with `的`, ends with the particle: not alone
/// (a glyph), not in the nouns `目的` and `标的`, nor a line without marks (`punctuated`
/// false) that holds `是`, which may be a heading set as a sentence
/// (`改革是必要的`).
#[inline(never)]
fn ends_before_noun(body: &str, punctuated: bool) -> bool {
    let mut chars = body.chars().rev();
    chars.next() == Some('的')
        && chars
            .next()
            .is_some_and(|c| !matches!(c, '目' | '标' | '標'))
        && (punctuated || !body.contains('是'))
}

/// A bracketed photo credit or dateline closes the line: `（新华社记者 张三 摄）`,
/// `（新华社北京1月28日电）`. Whatever stood before it, the paragraph ends there.
fn ends_with_credit(body: &str) -> bool {
    inside_closing_brackets(body)
        .is_some_and(|inner| ends_with_credit_word(inner) || inner.ends_with(['电', '電']))
}

/// `body` without the closing brackets it ends with, if it ends with any.
fn inside_closing_brackets(body: &str) -> Option<&str> {
    let inner = body.trim_end_matches(['）', ')']);
    (inner.len() < body.len()).then_some(inner)
}

/// [`ends_with_credit`] for a photo credit alone, not a dispatch.
fn ends_with_photo_credit(body: &str) -> bool {
    inside_closing_brackets(body).is_some_and(ends_with_credit_word)
}

/// Whether `body`, read with its letter-spacing, may be read by
/// [`ends_with_credit`] without it: its last character before closing
/// brackets and spaces may end a credit or a dispatch (taking the gaps
/// out leaves that character last but for the brackets, or else a space).
fn may_end_with_credit(body: &str) -> bool {
    body.trim_end_matches(['）', ')', ' ', '\u{3000}'])
        .chars()
        .next_back()
        .is_some_and(|c| ends_credit_word(c) || matches!(c, '电' | '電'))
}

/// `body` with the spaces (or U+3000) between two wide characters taken
/// out: the gaps a justified line stretched by the extractor, or OCR, puts
/// there.
fn without_letter_spacing(body: &str, wide_ambiguous: bool) -> String {
    // Over bytes: a gap is a run of b' ' and of U+3000 (E3 80 80), and the
    // characters either side are decoded only at a gap.
    let bytes = body.as_bytes();
    let wide = |c: Option<char>| {
        is_main_ideograph(c) || c.is_some_and(|c| char_width(c, wide_ambiguous) == 2)
    };
    let ideographic_space = |i: usize| bytes.get(i..i + 3) == Some(&[0xE3, 0x80, 0x80][..]);
    let mut out = String::with_capacity(body.len());
    let (mut copied, mut i) = (0, 0);
    loop {
        i = find_either(bytes, i, b' ', 0xE3);
        if i == bytes.len() {
            break;
        }
        if bytes[i] == b' ' {
            // The common gap: one space between two ideographs of the main
            // block (`据 新 华 社`), dropped without decoding them.
            if i >= 3
                && is_ideograph_start(bytes[i - 3], bytes[i - 2])
                && is_ideograph_lead(bytes, i + 1)
            {
                out.push_str(&body[copied..i]);
                copied = i + 1;
                i += 4;
                continue;
            }
        } else if !ideographic_space(i) {
            i += 1;
            continue;
        }
        let gap_start = i;
        let (mut spaces, mut ideographic) = (0, 0);
        loop {
            if bytes.get(i) == Some(&b' ') {
                (i, spaces) = (i + 1, spaces + 1);
            } else if ideographic_space(i) {
                (i, ideographic) = (i + 3, ideographic + 1);
            } else {
                break;
            }
        }
        // Gaps are whole runs, so what stands before this one is text
        // (or nothing, at the start). A gap that stays is copied with the
        // text around it, later.
        let before = (gap_start > 0).then(|| decode_before(body, gap_start).0);
        let after = (i < body.len()).then(|| decode_at(body, i).0);
        if !(wide(before) && wide(after)) {
            continue;
        }
        out.push_str(&body[copied..gap_start]);
        if spaces > 0 {
            // A U+3000 among spaces was in the text before the line was
            // spread (`电 \u{3000} 如果`): it stays.
            for _ in 0..ideographic {
                out.push('\u{3000}');
            }
        }
        copied = i;
    }
    out.push_str(&body[copied..]);
    out
}

/// The plain form of [`without_letter_spacing`], gap by gap over `str`,
/// that the property test compares it with.
#[cfg(test)]
fn without_letter_spacing_by_str(body: &str, wide_ambiguous: bool) -> String {
    let wide = |c: Option<char>| c.is_some_and(|c| char_width(c, wide_ambiguous) == 2);
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find([' ', '\u{3000}']) {
        let (before, gap_on) = rest.split_at(at);
        out.push_str(before);
        let after = gap_on.trim_start_matches([' ', '\u{3000}']);
        let gap = &gap_on[..gap_on.len() - after.len()];
        if !(wide(out.chars().next_back()) && wide(after.chars().next())) {
            out.push_str(gap);
        } else if gap.contains(' ') && gap.contains('\u{3000}') {
            out.extend(gap.chars().filter(|&c| c == '\u{3000}'));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `本报天津5月17日电`, `新华社北京电`, `本报讯`: the dateline a news story
/// opens with, which runs on into its first sentence.
///
/// `body`, here and in the tests below, is a line's text trimmed at both ends.
fn is_dateline_lead(body: &str) -> bool {
    if !AGENCIES.iter().any(|a| body.starts_with(a)) {
        return false;
    }
    // The story's first words after the dateline and a space, stopping
    // mid-word: `本报济南1月8日电　在主服`.
    if let Some((lead, words)) = body.split_once(['\u{3000}', ' ']) {
        let words = words.trim_start_matches(['\u{3000}', ' ']);
        if words.ends_with(|c: char| role_of(c).is_text()) && ends_dateline_lead(lead) {
            return true;
        }
    }
    ends_dateline_lead(body)
}

/// Whether `body`, which opens with a news agency's name, ends as the
/// dateline of [`is_dateline_lead`] does.
fn ends_dateline_lead(body: &str) -> bool {
    // The credit bracketed after the dateline, cut off at the line's end:
    // `新华社北京9月19日电（记者`, `本报讯（`.
    let body = match body.rsplit_once(['（', '(']) {
        Some((lead, credit))
            if !credit.contains(['）', ')'])
                && (credit.is_empty()
                    || REPORTER_BYLINES.iter().any(|r| credit.starts_with(r))) =>
        {
            lead
        }
        _ => body,
    };
    body.ends_with(['电', '電', '讯', '訊'])
        // Cut inside its date: `中新社武汉 2 月 20` | `日电`, or before its
        // `电`: `新华社兰州 6 月 15 日` | `电`.
        // (Not a reporter's line with its date: `本报记者 6 月 15 日`.)
        || (body.ends_with(|c: char| {
            c.is_ascii_digit() || matches!(c, MONTH | KANGXI_MONTH | DAY | KANGXI_DAY)
        }) && !body.contains("记者")
            && !body.contains("記者")
            && body.contains(|c: char| c.is_ascii_digit())
            && !body.contains(['，', '。', '：', '、']))
}

/// `〔記者王小明／台北報導〕台北市政府今天…`: a story's first line that
/// opens with the reporter's bracketed credit and runs on into the text, as
/// Taiwan papers set it; it opens a paragraph, as a dateline does. The
/// bracket holds a reporter or an agency and ends with `報導` `报道` `電`
/// `电` `訊` `讯`, in at most 24 characters, and text follows it.
pub(super) fn opens_with_reporter_credit(body: &str) -> bool {
    let mut chars = body.chars();
    let close = match chars.next() {
        Some('〔') => '〕',
        Some('【') => '】',
        Some('［') => '］',
        Some('（') => '）',
        Some('(') => ')',
        Some('[') => ']',
        _ => return false,
    };
    let rest = chars.as_str();
    // (No credit word holds a closing bracket: the text inside opens with
    // one exactly where the text after the opening bracket does, read
    // before the closing bracket is searched for.)
    let credit = |text: &str| {
        ["記者", "记者"]
            .iter()
            .chain(&AGENCIES)
            .any(|w| text.starts_with(w))
    };
    if !credit(rest) {
        return false;
    }
    let Some((inner, after)) = rest.split_once(close) else {
        return false;
    };
    debug_assert!(credit(inner), "a credit word holds no closing bracket");
    let ends = ["報導", "报道", "報道", "電", "电", "訊", "讯"];
    inner.chars().count() <= 24
        && ends.iter().any(|e| inner.ends_with(e))
        && !after.trim_start().is_empty()
}

/// `日电`, `20日电`: the end of a dateline cut inside its date.
fn is_date_tail(body: &str) -> bool {
    if matches!(body, "电" | "電") {
        return true;
    }
    let day = body
        .trim_end_matches(['电', '電'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let mut chars = day.chars();
    matches!((chars.next(), chars.next()), (Some(DAY | KANGXI_DAY), None))
}

/// `（新华社北京1月28日`: a bracketed dateline cut before its `电）`.
fn is_cut_dateline(body: &str) -> bool {
    let inner = body.trim_start_matches(['（', '(']);
    inner.len() < body.len()
        && AGENCIES.iter().any(|a| inner.starts_with(a))
        && inner.ends_with(|c: char| c.is_ascii_digit() || matches!(c, DAY | KANGXI_DAY))
}

/// `日` and `月` of a date, and the Kangxi radicals that look like them
/// (`⽇` U+2F47, `⽉` U+2F49), which pdfminer and pypdf give for them.
const DAY: char = '日';
const KANGXI_DAY: char = '\u{2F47}';
const MONTH: char = '月';
const KANGXI_MONTH: char = '\u{2F49}';

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

/// Whether [`furniture_of`] may find furniture: not on most lines, which
/// this tells without a call (`opens`: see [`opens_furniture`], which
/// `furniture_of` is then told rather than finding it again).
#[inline(always)]
///
/// A line that opens with none of the conventions' characters is a running
/// header or nothing, and a running header names the weekday (`星期`): the
/// `星` of `body` (the line with its letter-spacing, if any: the gaps
/// neither make nor hide one) is looked for here, before the call and
/// before the line is read without its gaps.
fn may_be_furniture(opens: bool, width: u32, dated: bool, body: &str) -> bool {
    opens || (width <= RUNNING_HEADER_WIDTH && dated && contains3(body.as_bytes(), "星"))
}

/// Whether a line whose first character is `edges.first`, of role `first`,
/// opens with the first character of some furniture's convention (other
/// than a running header's, which may open with anything).
#[inline(always)]
fn opens_furniture(edges: &Edges, first: CharRole) -> bool {
    first == CharRole::Marker || edges.first.is_some_and(may_open_furniture)
}

/// Whether a line `width` half-em wide, whose first character is
/// `edges.first`, of role `first`, is wider than any furniture but a
/// subtitle's or a list item's that opens with a marker: [`furniture_of`]
/// finds none in it (past 40 em only those two read the line).
#[inline(always)]
fn wider_than_furniture(edges: &Edges, width: u32, first: CharRole) -> bool {
    width > RUNNING_HEADER_WIDTH
        && first != CharRole::Marker
        && !matches!(edges.first, Some('—' | '－' | '―' | '─'))
}

/// The widest a folio is, in half-em: 8 em (`— 第 1234 页 —`).
pub(crate) const FOLIO_WIDTH: u32 = 8 * 2;

/// Whether `c` may open a folio (see [`is_folio`], which a test holds to
/// this): a digit, `第`, or a dash or space of the decoration around one.
fn may_open_folio(c: char) -> bool {
    matches!(
        c,
        '0'..='9' | '０'..='９' | '第' | '-' | '–' | '—' | '―' | '－' | ' ' | '\u{3000}'
    )
}

/// A folio, a page number alone on its line, as the extraction of a book or
/// a manual carries one between its pages: `12`, `- 12 -`, `— 12 —`,
/// `第 12 页`, `12 / 300`.
fn is_folio(body: &str) -> bool {
    let decoration = |c: char| matches!(c, '-' | '–' | '—' | '―' | '－' | ' ' | '\u{3000}');
    let number = |s: &str| {
        let s = s.trim_matches(' ');
        (1..=4).contains(&s.chars().count())
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '０'..='９'))
    };
    let page = body.trim_matches(decoration);
    let page = match page.strip_prefix('第') {
        Some(rest) => {
            // `第 3 页 共 12 页`, `第3页/共12页`: the page, then the count.
            let rest = match rest.split_once('共') {
                Some((this, of)) => {
                    let of = of.strip_suffix(['页', '頁']).unwrap_or("");
                    if !number(of) {
                        return false;
                    }
                    this.trim_end_matches([' ', '\u{3000}', '/', '，', ','])
                }
                None => rest,
            };
            match rest.strip_suffix(['页', '頁']) {
                Some(number) => number,
                None => return false,
            }
        }
        None => page,
    };
    match page.split_once('/') {
        Some((this, of)) => number(this) && number(of),
        None => number(page),
    }
}

/// The widest a running header is, in half-em: 40 em.
const RUNNING_HEADER_WIDTH: u32 = 40 * 2;

/// Recognises newspaper furniture by the conventions of Chinese newspapers.
/// `body` is the line's text without letter-spacing gaps; `as_came`, the
/// text as it came unless the extractor spread it: its gaps between wide
/// characters are word spaces then, as between a byline's label and names.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn furniture_of(
    body: &str,
    edges: &Edges,
    width: u32,
    first: CharRole,
    ends_sentence: bool,
    dated: bool,
    opens_furniture: bool,
    as_came: Option<&str>,
) -> Option<Furniture> {
    const EM: u32 = 2;
    // Every convention below starts with one of these (the caller tells,
    // see [`opens_furniture`]): most lines stop here.
    debug_assert_eq!(opens_furniture, self::opens_furniture(edges, first));
    // A running header names the weekday and the page (`星期一 第4版`) or
    // the page's staff (`星期二 编辑：张三`).
    if width <= RUNNING_HEADER_WIDTH
        && dated
        && contains3(body.as_bytes(), "星")
        && body.contains("星期")
        && (contains3(body.as_bytes(), "版") || names_staff(as_came.unwrap_or(body)))
    {
        return Some(Furniture::RunningHeader);
    }
    if !opens_furniture {
        return None;
    }
    let f = edges.first;
    // (The gates below read `f` as the first character of `body`.)
    debug_assert_eq!(f, body.chars().next());
    // Of the conventions below, only a term's entry opens with a letter.
    if f.is_some_and(|c| c.is_ascii_alphabetic()) {
        return (width <= 40 * EM && opens_with_latin_term(body)).then_some(Furniture::ListItem);
    }
    if width <= FOLIO_WIDTH && f.is_some_and(may_open_folio) && is_folio(body) {
        return Some(Furniture::RunningHeader);
    }
    // Each list below is searched only when the line opens with the first
    // character of one of its entries (a test keeps these in step).
    if matches!(f, Some('—' | '－' | '―' | '─'))
        && SUBTITLE_OPENERS.iter().any(|o| body.starts_with(o))
    {
        return Some(Furniture::Subtitle);
    }
    if first == CharRole::Marker {
        if width <= 30 * EM && contains_any(body, &BYLINE_WORDS, opens_byline_word) {
            return Some(Furniture::Byline);
        }
        // `□伍里川`: a marker before a bare name, as commentary bylines are set.
        if width <= 10 * EM && !body.contains(['，', '。', '、', '：', ',', '.']) {
            return Some(Furniture::Byline);
        }
        return Some(Furniture::ListItem);
    }
    if edges.first == Some('口') && width <= 30 * EM && is_ocr_boxed_byline(body) {
        return Some(Furniture::Byline);
    }
    if width > 40 * EM {
        return None;
    }
    // Simplified and Traditional forms of the same conventions; OCR reads
    // the bracket and the colon in several ways.
    let unbracketed = if f.is_some_and(|c| LABEL_BRACKETS.contains(&c)) {
        body.trim_start_matches(LABEL_BRACKETS)
    } else {
        body
    };
    let labelled = |key: &str| {
        unbracketed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
    };
    // Without a colon, no label is tried.
    let has_colon = || contains_colon(unbracketed);
    if opens_source_label(unbracketed)
        // (Every label opens with a character of 3 bytes.)
        && unbracketed[3..].starts_with(goes_on_source_label)
        && ((has_colon() && SOURCE_LABELS.iter().any(|k| labelled(k)))
            || SOURCE_WORDS.iter().any(|k| unbracketed.starts_with(k)))
    {
        return Some(Furniture::Source);
    }
    // (`f` is the first character of `body`: no need to read it again.)
    let bracketed = match f {
        Some('（') => body.ends_with('）'),
        Some('(') => body.ends_with(')'),
        _ => false,
    };
    // `电` ends a dateline (`（新华社北京3月5日电）`); inside a remark it is
    // a word's (`电源`, `电脑`).
    let ends_with_dispatch = || {
        body.trim_end_matches([')', '）', ' ', '\u{3000}'])
            .ends_with(['电', '電'])
    };
    if bracketed
        && (contains_any(body, &DATELINE_WORDS, opens_dateline_word) || ends_with_dispatch())
    {
        return Some(Furniture::Dateline);
    }
    if bracketed && width <= 12 * EM && is_jump_line(body) {
        return Some(Furniture::Jump);
    }
    // A closing dateline cut before its `电）`: `（中新社乌鲁木齐3月12日`, an
    // agency's name after the bracket, the date unfinished at the line's end.
    if first == CharRole::Open && !body.contains(['）', ')']) && is_cut_dateline(body) {
        return Some(Furniture::Dateline);
    }
    if matches!(f, Some('图' | '圖' | '（' | '上' | '下' | '左' | '右'))
        && CAPTION_OPENERS.iter().any(|o| body.starts_with(o))
    {
        return Some(Furniture::Caption);
    }
    if matches!(f, Some('表' | '图' | '圖')) && width <= 30 * EM && is_numbered_caption(body) {
        return Some(Furniture::Caption);
    }
    if !ends_sentence
        && width <= 24 * EM
        && f.is_some_and(opens_unboxed_byline)
        && body.chars().nth(1).is_some_and(goes_on_unboxed_byline)
        && is_unboxed_byline(body, as_came)
    {
        return Some(Furniture::Byline);
    }
    if (f.is_some_and(may_open_list_item) && is_list_item(body))
        || (f == Some('第') && opens_article(body))
        || (f.is_some_and(opens_interview_label) && opens_interview_turn(body))
        || (f.is_some_and(|c| c.is_ascii_digit()) && opens_with_latin_term(body))
    {
        return Some(Furniture::ListItem);
    }
    None
}

/// Whether `body` opens with a law's or regulation's article, chapter or
/// section number and the space set after it (`第一条　为了规范…`, `第三章
/// 总则`, `第十二节 附则`): each opens a paragraph. Chinese numerals only,
/// a space after and text in CJK after that: a wrapped line of prose may
/// open with a reference to one (`第三十二条的规定`, `第5章 debian 目录下`,
/// `第三条 GPL 许可`).
fn opens_article(body: &str) -> bool {
    let Some(rest) = body.strip_prefix('第') else {
        return false;
    };
    let numerals = rest
        .chars()
        .take(6)
        .take_while(|c| {
            matches!(c, '零' | '〇' | '两' | '百') || is_numeral(*c) && !c.is_ascii_digit()
        })
        .count();
    if !(1..=5).contains(&numerals) {
        return false;
    }
    let mut after = rest.chars().skip(numerals);
    matches!(
        after.next(),
        Some('条' | '條' | '章' | '节' | '節' | '编' | '編')
    ) && matches!(after.next(), Some(' ' | '\u{3000}'))
        && after
            .next()
            .is_some_and(|c| !c.is_ascii() && !c.is_whitespace())
}

/// Whether `body`, in its brackets, sends the story to a page or picks it
/// up from one: `（下转第二版）`, `（上接第1版）`, `(转 2 版)`.
fn is_jump_line(body: &str) -> bool {
    let inner = body.trim_matches(['（', '）', '(', ')', ' ', '\u{3000}']);
    let Some(page) = JUMP_WORDS.iter().find_map(|w| inner.strip_prefix(w)) else {
        return false;
    };
    let page = page.trim_start_matches([' ', '第']).trim_end();
    let Some(number) = page.strip_suffix(['版', '页', '頁']) else {
        return false;
    };
    let number = number.trim_matches(' ');
    (1..=4).contains(&number.chars().count())
        && number
            .chars()
            .all(|c| is_numeral(c) || matches!(c, '０'..='９' | '百'))
}

/// The words of a jump line before its page: `下转`, `上接`, and their short
/// and traditional forms.
const JUMP_WORDS: [&str; 9] = ["下转", "上接", "转", "接", "续", "下轉", "轉", "續", "承"];

/// The labels that open the turns of an interview (`问：…`, `记者：…`),
/// simplified and traditional. Like a list marker, such a label opens a
/// paragraph after a sentence end, however full the line before.
const INTERVIEW_LABELS: [&str; 6] = ["问", "問", "答", "记者", "記者", "主持人"];

/// Whether `body` opens with an interview label and its colon.
pub(super) fn opens_interview_turn(body: &str) -> bool {
    INTERVIEW_LABELS.iter().any(|label| {
        body.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    })
}

/// Whether `c` opens one of [`INTERVIEW_LABELS`] (a test keeps them in
/// step): lines that open with `一` and other list numerals come as far as
/// the labels, and this turns them away first.
fn opens_interview_label(c: char) -> bool {
    matches!(c, '问' | '問' | '答' | '记' | '記' | '主')
}

/// Whether `text` holds a colon, `：` or `:`, as `text.contains(['：', ':'])`
/// tells, but over bytes (eight at a time) rather than characters: the
/// last byte of `：` (`EF BC 9A`) is looked for with `:`, and the two
/// bytes before it checked.
fn contains_colon(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        i = find_either(bytes, i, b':', 0x9A);
        if i == bytes.len() {
            return false;
        }
        if bytes[i] == b':' || (i >= 2 && bytes[i - 2..i] == [0xEF, 0xBC]) {
            return true;
        }
        i += 1;
    }
}

/// Whether `text` holds any of `words`, as `words.iter().any(|w|
/// text.contains(w))` tells, in one pass over the characters of `text`
/// rather than one search per word: the words are compared only where a
/// character for which `opens_word` holds (as it must for each word's
/// first: a test keeps the callers' in step) starts.
fn contains_any(text: &str, words: &[&str], opens_word: impl Fn(char) -> bool) -> bool {
    text.char_indices()
        .any(|(i, c)| opens_word(c) && words.iter().any(|w| text[i..].starts_with(w)))
}

/// The first characters of [`BYLINE_WORDS`] (see [`contains_any`]).
fn opens_byline_word(c: char) -> bool {
    matches!(c, '记' | '通' | '本' | '作' | '撰' | '文' | '記')
}

/// The words of a bracketed dateline, or a credit (`（新华社记者 张三 摄）`).
const DATELINE_WORDS: [&str; 8] = [
    "记者",
    "通讯员",
    "报道",
    "摄",
    "記者",
    "通訊員",
    "報導",
    "攝",
];

/// The first characters of [`DATELINE_WORDS`] (see [`contains_any`]).
fn opens_dateline_word(c: char) -> bool {
    matches!(c, '记' | '通' | '报' | '摄' | '記' | '報' | '攝')
}

/// Whether `bytes` hold `needle`, a character of three bytes in UTF-8, eight
/// bytes at a time: cheaper than `str::contains` on a line.
fn contains3(bytes: &[u8], needle: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let needle = needle.as_bytes();
    let last = needle[2];
    // Where `bytes[i]` is the needle's last byte, the needle ends there
    // if the two bytes before are its first two.
    let ends_at = |i: usize| i >= 2 && bytes[i - 2..=i] == *needle;
    if bytes.len() < 8 {
        return (0..bytes.len()).any(|i| bytes[i] == last && ends_at(i));
    }
    // High bits of the bytes of the word at `from` equal to `last`, and
    // maybe of some above one: each is checked.
    let marks = |from: usize| {
        let word = u64::from_le_bytes(bytes[from..from + 8].try_into().expect("eight bytes"));
        let x = word ^ (ONES * u64::from(last));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let ends_in = |from: usize, mut found: u64| {
        while found != 0 {
            if ends_at(from + (found.trailing_zeros() / 8) as usize) {
                return true;
            }
            found &= found - 1;
        }
        false
    };
    // Two words a step: most lines hold no such byte at all.
    let mut at = 0;
    while at + 16 <= bytes.len() {
        let (low, high) = (marks(at), marks(at + 8));
        if low | high != 0 && (ends_in(at, low) || ends_in(at + 8, high)) {
            return true;
        }
        at += 16;
    }
    if at + 8 <= bytes.len() {
        if ends_in(at, marks(at)) {
            return true;
        }
        at += 8;
    }
    // The last eight bytes, overlapping the last word read: one more word
    // rather than a byte at a time.
    at < bytes.len() && ends_in(bytes.len() - 8, marks(bytes.len() - 8))
}

/// Whether a line starting with `c` may be furniture that does not open with
/// a block marker: the first characters of [`SUBTITLE_OPENERS`],
/// [`LABEL_BRACKETS`], [`SOURCE_LABELS`], [`SOURCE_WORDS`],
/// [`CAPTION_OPENERS`], [`REPORTER_BYLINES`], [`INTERVIEW_LABELS`] and of
/// list items, Latin terms among them (a test keeps them in step).
///
/// Most lines open with an ideograph that is none of these: a bit for
/// each ideograph of the main block tells those at once, with no `match`.
#[inline(always)]
fn may_open_furniture(c: char) -> bool {
    match ideograph_bit(c) {
        Some((word, bit)) => FURNITURE_IDEOGRAPHS[word] >> bit & 1 != 0,
        None => opens_furniture_exactly(c),
    }
}

/// A set of ideographs of the main block (U+4E00 to U+9FFF), a bit each:
/// one load tells whether a character is in it, with no `match`.
type IdeographBits = [u64; 0x5200 / 64];

/// Where `c`'s bit stands in an [`IdeographBits`] (word, bit), or `None`
/// outside the main block.
#[inline(always)]
const fn ideograph_bit(c: char) -> Option<(usize, u32)> {
    let at = (c as u32).wrapping_sub(0x4E00);
    if at < 0x5200 {
        Some((at as usize / 64, at % 64))
    } else {
        None
    }
}

/// Whether `set` holds `c` (never a character outside the main block).
#[inline(always)]
fn has_ideograph(set: &IdeographBits, c: char) -> bool {
    ideograph_bit(c).is_some_and(|(word, bit)| set[word] >> bit & 1 != 0)
}

/// `chars`, main-block ideographs, as a set (others are left out).
const fn ideograph_bits(chars: &[char]) -> IdeographBits {
    let mut bits = [0; 0x5200 / 64];
    let mut i = 0;
    while i < chars.len() {
        if let Some((word, bit)) = ideograph_bit(chars[i]) {
            bits[word] |= 1 << bit;
        }
        i += 1;
    }
    bits
}

/// A bit for every ideograph from U+4E00 to U+9FFF, set where
/// [`opens_furniture_exactly`] holds.
const FURNITURE_IDEOGRAPHS: IdeographBits = {
    let mut bits = [0; 0x5200 / 64];
    let mut at = 0;
    while at < 0x5200 {
        if let Some(c) = char::from_u32(0x4E00 + at) {
            if opens_furniture_exactly(c) {
                bits[at as usize / 64] |= 1 << (at % 64);
            }
        }
        at += 1;
    }
    bits
};

/// [`may_open_furniture`], character by character.
const fn opens_furniture_exactly(c: char) -> bool {
    matches!(c,
        '0'..='9' | 'a'..='z' | 'A'..='Z' | '(' | '<' | '[' | '〈' | '【' | '—' | '－' | '―' | '─' | '（' | '*' | '+' | '来' | '來' | '责' | '責' | '编'
        | '編' | '校' | '审' | '審' | '作' | '图' | '圖' | '上' | '下' | '左' | '右'
        | '本' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        | '资' | '資' | '口' | '-' | '–' | '第' | '０'..='９' | '问' | '問' | '答' | '记'
        | '記' | '主' | '新' | '中' | '通' | '特' | '文' | '美' | '版' | '制' | '製' | '终'
        | '終' | '统' | '統' | '策' | '监' | '監' | '值' | '表' | '数' | '數'
        | '\u{2460}'..='\u{2473}' | '\u{2776}'..='\u{2793}')
}

/// Whether `text` opens with the first character of one of
/// [`SOURCE_LABELS`] or [`SOURCE_WORDS`] (a test keeps them in step).
fn opens_source_label(text: &str) -> bool {
    text.starts_with([
        '来', '來', '资', '資', '责', '責', '编', '編', '校', '审', '審', '作', '本', '美', '图',
        '圖', '版', '制', '製', '终', '終', '统', '統', '策', '监', '監', '值', '数', '數',
    ])
}

/// Whether `c` is the second character of one of [`SOURCE_LABELS`] or
/// [`SOURCE_WORDS`] (a test keeps them in step): most lines that open with
/// a label's first character (`图为…`, `本次…`) are turned away here,
/// before the line is searched for a colon.
fn goes_on_source_label(c: char) -> bool {
    matches!(
        c,
        '任' | '划'
            | '制'
            | '劃'
            | '图'
            | '圖'
            | '审'
            | '審'
            | '对'
            | '對'
            | '式'
            | '据'
            | '據'
            | '料'
            | '术'
            | '校'
            | '核'
            | '源'
            | '片'
            | '版'
            | '班'
            | '筹'
            | '籌'
            | '編'
            | '编'
            | '者'
            | '術'
            | '製'
            | '輯'
            | '辑'
    )
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
const SUBTITLE_OPENERS: [&str; 4] = ["——", "－－", "――", "──"];

/// Brackets that may enclose a source line: `（责任编辑：张俊蕾）`.
const LABEL_BRACKETS: [char; 6] = ['（', '(', '〈', '<', '【', '['];

/// Labels of source and editor lines, before a colon: `来源：…`, and the
/// staff credits a page sets at its top or foot, often several on one line
/// (`本版编辑：… 美编：… 校对：…`). Simplified and Traditional forms; OCR
/// reads the colon in several ways.
const SOURCE_LABELS: [&str; 43] = [
    "来源",
    "來源",
    "资料来源",
    "資料來源",
    "数据来源",
    "數據來源",
    "责任编辑",
    "責任編輯",
    "编辑",
    "編輯",
    "校对",
    "校對",
    "审核",
    "審核",
    "作者",
    "本版编辑",
    "本版編輯",
    "本版责编",
    "本版責編",
    "责编",
    "責編",
    "美编",
    "美編",
    "美术编辑",
    "美術編輯",
    "图片编辑",
    "圖片編輯",
    "版式",
    "版式设计",
    "版式設計",
    "制图",
    "製圖",
    "审校",
    "審校",
    "终审",
    "終審",
    "统筹",
    "統籌",
    "策划",
    "策劃",
    "监制",
    "監製",
    "值班编辑",
];

/// Words that open a source line even without a colon.
const SOURCE_WORDS: [&str; 4] = ["责任编辑", "責任編輯", "作者单位", "作者單位"];

/// Whether `body` credits a page's staff: one of [`SOURCE_LABELS`] before
/// a colon (`… 编辑：张三`; `pdftotext -raw` may drop the space before it).
pub(super) fn names_staff(body: &str) -> bool {
    body.match_indices(['：', ':']).any(|(at, _)| {
        let before = body[..at].trim_end_matches(' ');
        SOURCE_LABELS.iter().any(|label| before.ends_with(label))
    })
}

/// Whether `body` is the numbered caption of a table or figure: `表1 主要
/// 城市常住人口`, `图 2-3：系统结构`, `表一　各地区数据`. The number must be
/// followed by a space or a colon before the title (`表1所示` is a
/// sentence cut at a line's start), and the title holds no sentence or pause
/// mark.
pub(super) fn is_numbered_caption(body: &str) -> bool {
    let Some(rest) = body.strip_prefix(['表', '图', '圖']) else {
        return false;
    };
    let rest = rest.trim_start_matches(' ');
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十.-－".contains(c)))
        .unwrap_or(rest.len());
    let (number, title) = rest.split_at(number_end);
    if !number.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    {
        return false;
    }
    let Some(title) = title
        .strip_prefix([' ', '\u{3000}', '：', ':'])
        .map(|t| t.trim_start_matches([' ', '\u{3000}']))
    else {
        return false;
    };
    !title.is_empty() && !title.contains(['，', '。', '；', '！', '？', '、', '：', ',', ';'])
}

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

/// Labels of bylines set without a marker: `本报记者 张三`, `新华社记者
/// 李四`, `记者 王五 通讯员 赵六`, `文/图 张三`. A word space follows the
/// label, or a slash ends it.
const REPORTER_BYLINES: [&str; 22] = [
    "本报记者",
    "本报通讯员",
    "本報記者",
    "本報通訊員",
    "新华社记者",
    "新華社記者",
    "中新社记者",
    "中新社記者",
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "特约记者",
    "特約記者",
    "文/图",
    "文／圖",
    "文/",
    "文／",
    "图/",
    "圖/",
    "图／",
    "圖／",
];

/// Whether `c` opens one of [`REPORTER_BYLINES`] (a test keeps them in step).
fn opens_unboxed_byline(c: char) -> bool {
    matches!(
        c,
        '本' | '新' | '中' | '记' | '記' | '通' | '特' | '文' | '图' | '圖'
    )
}

/// Whether `c` is the second character of one of [`REPORTER_BYLINES`] (a
/// test keeps them in step): [`is_unboxed_byline`] finds none in a line
/// whose second character is another (`中国`, `本次`, `新的`).
fn goes_on_unboxed_byline(c: char) -> bool {
    matches!(
        c,
        '报' | '報' | '华' | '華' | '新' | '者' | '讯' | '訊' | '约' | '約' | '/' | '／'
    )
}

/// Whether `body` (its letter-spacing taken out; `as_came`, the line as it
/// came unless the extractor spread it) is a byline set without a marker:
/// one of [`REPORTER_BYLINES`], then names apart by word spaces. A label
/// that sentences open with too (`记者`, `通讯员`…) takes a word space
/// right after it and no mark in the line: `记者 近日从…获悉，` is a
/// sentence.
fn is_unboxed_byline(body: &str, as_came: Option<&str>) -> bool {
    if as_came.is_some_and(reporter_then_names) {
        return true;
    }
    // The label first: most lines that get here open with no label, and
    // this reads only their first bytes.
    let Some(label) = REPORTER_BYLINES.iter().find(|b| body.starts_with(*b)) else {
        return false;
    };
    // (Each `contains` of one character searches bytes, not characters.)
    let Some(as_came) = as_came.filter(|text| text.contains(' ') || text.contains('\u{3000}'))
    else {
        return false;
    };
    // `本报记者` and `本报通讯员` open no sentence on a line of their own.
    if label.starts_with('本') {
        return true;
    }
    let spaced = label.ends_with(['/', '／'])
        || as_came
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([' ', '\u{3000}']));
    spaced && !as_came.contains(['，', '。', '、', '；', '：', '！', '？', ',', '.', ';', ':'])
}

/// Whether `body` opens with a Latin term (a word, a version, a path, up to
/// 24 characters) and its colon: a full-width one, or an ASCII one before a
/// space or a wide character (not `http://`, not `C:\`), with text after it.
pub(super) fn opens_with_latin_term(body: &str) -> bool {
    // The bytes of a term: letters, digits, `_./+-`.
    const TERM: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 128 {
            table[b] = (b as u8).is_ascii_alphanumeric()
                || matches!(b as u8, b'_' | b'.' | b'/' | b'+' | b'-');
            b += 1;
        }
        table
    };
    let bytes = body.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let limit = bytes.len().min(25);
    let mut term = 1;
    while term < limit && TERM[usize::from(bytes[term])] {
        term += 1;
    }
    // A time or a score (`12：30`, `3：2`) is no term.
    let number = bytes[..term].iter().all(u8::is_ascii_digit);
    match &bytes[term..] {
        [0xEF, 0xBC, 0x9A, next, ..] => !(number && (next.is_ascii_digit() || *next == 0xEF)),
        [b':', next, ..] => *next == b' ' || (*next >= 0x80 && !number),
        _ => false,
    }
}

/// Whether `body`, which opens with `口`, is a byline whose box `□` OCR
/// read as `口`: `口本报记者 张三`. Only when a byline's own words or an
/// agency follow the box at once (`口头…` is a word) and no sentence
/// punctuation follows, or a reporter and names as OCR gives them
/// ([`reporter_then_names`]: `口新华社记者，蔡春桂`).
pub(super) fn is_ocr_boxed_byline(body: &str) -> bool {
    let after_box = trim_space_start(&body['口'.len_utf8()..]);
    (!body.contains(['，', '。', ',', '.'])
        && BYLINE_WORDS
            .iter()
            .chain(&AGENCIES)
            .any(|o| after_box.starts_with(o)))
        || reporter_then_names(after_box)
}

/// Whether `text` is one of [`REPORTER_BYLINES`] and then names, as OCR
/// reads a byline: the word space before each name may come out as a
/// quote or a comma (`本报记者”余悦`, `新华社记者，蔡春桂`,
/// `中新社记者。” 蔡勇 李明`). One to three names of two to four
/// ideographs, each after such a gap: a sentence that opens with the
/// label (`记者，我们在现场看到`) runs longer between its marks.
fn reporter_then_names(text: &str) -> bool {
    const GAP: [char; 11] = [
        ' ', '\u{3000}', '”', '“', '"', '\'', '，', ',', '。', '.', '、',
    ];
    // The label is what comes before the first gap, within its first six
    // characters (most lines have no gap so early, or another word there).
    let Some((at, _)) = text.char_indices().take(6).find(|(_, c)| GAP.contains(c)) else {
        return false;
    };
    let (label, rest) = text.split_at(at);
    // The names end the line: `记者，他们说，` is a sentence's start.
    if !REPORTER_BYLINES.contains(&label) || rest.ends_with(GAP) {
        return false;
    }
    let mut names = 0;
    for name in rest.split(GAP).filter(|name| !name.is_empty()) {
        let ideographs = name
            .chars()
            .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c));
        let count = name.chars().count();
        if !(2..=4).contains(&count) || ideographs.count() != count {
            return false;
        }
        names += 1;
    }
    (1..=3).contains(&names)
}

/// Whether `c` may open a list item (see [`is_list_item`], which a test
/// holds to this): a bullet, a circled number, a bracket or a numeral.
#[inline(always)]
fn may_open_list_item(c: char) -> bool {
    matches!(c, '-' | '*' | '+' | '（' | '(' | '\u{2460}'..='\u{2473}' | '\u{2776}'..='\u{2793}')
        || is_numeral(c)
}

/// `一、` `（二）` `(3)` `4.` `5、` `6)` `①`, and the bullets of plain-text
/// lists (`- ` `* ` `+ `, a space after the bullet and text after that):
/// markers that open a list item.
fn is_list_item(body: &str) -> bool {
    if let [b'-' | b'*' | b'+', b' ', next, ..] = body.as_bytes() {
        return !matches!(next, b' ' | b'-' | b'*' | b'+');
    }
    let mut chars = body.chars();
    let Some(c0) = chars.next() else {
        return false;
    };
    if ('\u{2460}'..='\u{2473}').contains(&c0) || ('\u{2776}'..='\u{2793}').contains(&c0) {
        return true;
    }
    let bracketed = c0 == '（' || c0 == '(';
    let rest = if bracketed { chars.as_str() } else { body };
    // Four numerals are already too many: stop there (`一二三四五…` is text).
    let digits = rest.chars().take(4).take_while(|&c| is_numeral(c)).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let mut after = rest.chars().skip(digits);
    let mark = after.next();
    // (A bracketed number alone is no item: `（25）` cut off its text's
    // end, a port's or a note's number.)
    if bracketed {
        return matches!(mark, Some('）' | ')')) && after.any(|c| !c.is_whitespace());
    }
    match mark {
        Some('、') => true,
        // `1)`, `2）`: a closing bracket alone, then the item's text.
        Some(')' | '）') => after.next().is_some_and(|c| !c.is_ascii_digit()),
        // `1.5亿` is a number, `1. 项目` a list item.
        Some('.' | '．') => !matches!(after.next(), Some(c) if c.is_ascii_digit()),
        _ => false,
    }
}

/// An ASCII digit or a Chinese numeral up to ten: what numbers a list item
/// (`3.`, `三、`) or a page (`第二版`).
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '0'..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    /// The constant line of [`Line::one_ideograph`] is what measuring gives
    /// every ideograph of the main block alone on its line, the long way and
    /// the quick way.
    #[test]
    fn every_ideograph_alone_measures_as_the_constant_line() {
        for cp in 0x4E00..=0x9FFF_u32 {
            let c = char::from_u32(cp).unwrap();
            let text = format!("{c}\n");
            let place = Place {
                span: 0..3,
                text_start: 0,
                number: 0,
                blanks_before: 0,
                indent: 0,
            };
            let edges = Edges::of_three_byte(&text[..3]);
            let constant = Line::one_ideograph(&text[..3], &edges, place);
            assert_eq!(measure(&text), constant, "{c}");
            let mut lines = Vec::new();
            LineCounter::default().measure_run(&text, 0, true, &mut lines, usize::MAX);
            assert_eq!(lines, [constant], "{c}");
        }
    }

    #[test]
    fn a_light_rule_two_long_between_words_is_a_dash_not_a_drawing() {
        for dash in ["他说──这是", "──副标题", "结束了──", "一──二──三"]
        {
            assert!(!measure(dash).shape.preformatted, "{dash}");
        }
        for drawn in [
            "│ 名称 │ 数量 │",
            "├──┼──┤",
            "────────",
            "── ──",
            "└── src",
            "名称───数量",
            "━━标题",
            "名称\t数量",
        ] {
            assert!(measure(drawn).shape.preformatted, "{drawn}");
        }
    }

    #[test]
    fn a_line_is_read_from_what_prints_between_invisible_characters() {
        for (invisible, printed) in [
            ("大力量。\u{200B}", "大力量。"),
            ("\u{FEFF}□本报记者 张三", "□本报记者 张三"),
            (
                "\u{200B}（新华社记者薛敏摄）\u{2060}",
                "（新华社记者薛敏摄）",
            ),
            ("dpkg \u{200B}", "dpkg"),
            ("inter\u{AD}", "inter"),
        ] {
            let (a, b) = (measure(invisible), measure(printed));
            assert_eq!(
                (
                    a.first,
                    a.last,
                    a.ends_sentence,
                    a.furniture,
                    a.ends_with_credit
                ),
                (
                    b.first,
                    b.last,
                    b.ends_sentence,
                    b.furniture,
                    b.ends_with_credit
                ),
                "{invisible:?}"
            );
            // The line's text keeps them: they are no whitespace to drop.
            assert_eq!(
                (a.text_start, a.text_end),
                (0, invisible.len()),
                "{invisible:?}"
            );
        }
        // A line of nothing else is read as it is.
        assert_eq!(measure("\u{200B}").text_end, 3);
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
    fn an_ascii_mark_after_a_wide_character_measures_as_the_mark_it_stands_for() {
        // OCR's `,` and `.` between ideographs were printed full-width.
        let ocr = measure("据新华社电,记者从市里获悉.");
        let printed = measure("据新华社电，记者从市里获悉。");
        assert_eq!(
            (ocr.width, ocr.compressible),
            (printed.width, printed.compressible)
        );
        // After a letter or digit, or a space, they are Latin punctuation.
        assert_eq!(measure("版本 2.0, 支持").width, 4 + 1 + 4 + 1 + 4);
        assert_eq!(measure("中文 , 英文").width, 4 + 1 + 1 + 1 + 4);
        // A space after the mark makes up its em; at the line's end it
        // does not count, and the mark stands in.
        assert_eq!(measure("阶段: 迷你").width, measure("阶段：迷你").width);
        assert_eq!(measure("阶段: ").width, measure("阶段：").width);
    }

    #[test]
    fn the_marks_that_stand_for_full_width_ones_are_the_ascii_sentence_ends_and_pauses() {
        for b in 0..=u8::MAX {
            let role = b.is_ascii().then(|| role_of(char::from(b)));
            assert_eq!(
                stands_for_full_width(b),
                matches!(
                    role,
                    Some(CharRole::SentenceEnd | CharRole::Question | CharRole::Pause)
                ),
                "{b:#x}"
            );
        }
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
    fn folios_are_running_headers() {
        for folio in [
            "12",
            "- 12 -",
            "— 7 —",
            "第 12 页",
            "第3頁",
            "12 / 300",
            "\u{c}４５",
            "第 3 页 共 12 页",
            "第3页/共12页",
        ] {
            assert_eq!(
                measure(folio).furniture,
                Some(Furniture::RunningHeader),
                "{folio:?}"
            );
        }
        for not_folio in [
            "12.",
            "1、",
            "（587）",
            "12345",
            "第一章",
            "第 12 章",
            "第 3 页 共 12",
            "共 12 页",
            "3-4",
            "12 月",
        ] {
            assert_ne!(
                measure(not_folio).furniture,
                Some(Furniture::RunningHeader),
                "{not_folio:?}"
            );
        }
    }

    #[test]
    fn conventions_are_read_through_letter_spacing() {
        // OCR and stretched lines space out furniture as well as prose.
        let credit = measure("（ 新 华 社 记 者 \u{3000} 薛 敏 \u{3000} 摄 ）");
        assert!(credit.ends_with_credit && credit.ends_sentence);
        assert!(measure("图 为 兰 州 某 企 业 运 维 团 队 在 监 控")
            .furniture
            .is_some());
        assert!(measure("（ 责 任 编 辑 ： 朱 红 林 ）").furniture.is_some());
        assert!(measure("本 报 北 京 1 月 28 日 电").dateline_lead);
        assert!(measure("“什 么 是 虚 拟 软 件 包 ？”。 ）").ends_sentence);
        // Spaces beside a narrow character are text, not spacing.
        assert_eq!(
            without_letter_spacing("图 为 A 股  走 势", false),
            "图为 A 股走势"
        );
        assert_eq!(without_letter_spacing("用 apt 安装", false), "用 apt 安装");
        // The gate before a spread line's credit is read without its gaps.
        for spread in [
            "（ 新 华 社 记 者 \u{3000} 薛 敏 \u{3000} 摄 ）",
            "（ 新 华 社 北 京 电 ） )",
            "图 片 由 本 报 提 供 ）",
            "（ 张 三 摄 ) ",
            "（ 见 第 二 版 ）",
        ] {
            let unspaced = without_letter_spacing(spread, false);
            assert!(!ends_with_credit(&unspaced) || may_end_with_credit(spread));
        }
        assert!(!may_end_with_credit("（ 见 第 二 版 ）"));
    }

    #[test]
    fn letter_spacing_takes_no_width() {
        let line = measure("据 新 华 社 北 京");
        assert!(line.shape.letter_spaced);
        assert_eq!(line.width, 12);
    }

    #[test]
    fn a_latin_term_and_its_colon_open_a_list_item() {
        // An entry of a list of terms and what they are opens a paragraph
        // after a sentence's end, as a numbered item does.
        for entry in [
            "amd64：这囊括了基于支持",
            "stable/non-free/：这个目录",
            "i386: 这囊括了",
            "i386:这囊括了",
            "powerpc：这包括",
            "dpkg-deb：处理",
            "5G：第五代移动通信",
        ] {
            assert_eq!(
                measure(entry).furniture,
                Some(Furniture::ListItem),
                "{entry}"
            );
        }
        for text in [
            "http://www.debian.org/",
            "C:\\Windows",
            "amd64：",
            "Debian 系统：",
            "amd64 这囊括了",
            "这囊括了：amd64",
            "a-very-long-name-of-a-package-x：是",
            "12：30，记者来到",
            "3：2战胜对手",
            "12：３０",
        ] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
    }

    #[test]
    fn ocr_bylines_with_the_word_space_read_as_a_mark() {
        // OCR reads the gap between the label and a name as a quote, a
        // comma or a full stop.
        for byline in [
            "本报记者”余悦",
            "口本报记者”顾琳，严帅涛",
            "口中新社记者。” 蔡勇",
            "口新华社记者，蔡春桂",
            "中新社记者” 郑怡龙",
            "口本报记者 ”龙桂”姜艳",
            "本報記者”張明遠",
        ] {
            assert_eq!(
                measure(byline).furniture,
                Some(Furniture::Byline),
                "{byline}"
            );
        }
        // A sentence that opens with the label runs longer between marks;
        // nor is a name run on without a gap one.
        for text in [
            "记者，我们在现场看到",
            "本报记者，近日走访了",
            "口本报记者，近日走访了",
            "记者，他们说，",
            "新华社记者”一二三四五",
        ] {
            assert_ne!(measure(text).furniture, Some(Furniture::Byline), "{text}");
        }
    }

    /// A byline without its box: the spaces between its label and names
    /// are word spaces, even two of them between wide characters (which
    /// other gates read past as letter-spacing).
    #[test]
    fn bylines_without_a_box_keep_their_word_spaces() {
        for byline in [
            "本报记者 张三",
            "本报记者 张明远 李晓华",
            "本报记者  张明远  李晓华",
            "本报记者\u{3000}张明远\u{3000}李晓华",
            "本報記者 張明遠 李曉華",
        ] {
            assert_eq!(
                measure(byline).furniture,
                Some(Furniture::Byline),
                "{byline}"
            );
        }
        // A sentence that starts with the label is not one, nor a line
        // spread by the extractor, whose gaps are not word spaces.
        for text in [
            "本报记者张明远李晓华",
            "本报记者近日走访了",
            "本 报 记 者 张 明 远",
        ] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
        // Other papers' labels: an agency's reporter, a reporter and a
        // correspondent, text and photos by.
        for byline in [
            "新华社记者 张三",
            "中新社记者　王五　赵六",
            "记者 张三 通讯员 李四",
            "記者 張三",
            "特约记者 王五",
            "文/图 张三",
            "文/本报记者 张三",
        ] {
            assert_eq!(
                measure(byline).furniture,
                Some(Furniture::Byline),
                "{byline}"
            );
        }
        // Sentences open with those labels too: with a mark, or with no
        // word space right after the label, a line is text.
        for text in [
            "记者 近日从有关部门获悉，",
            "记者近日从有关部门 获悉",
            "通讯员李四 介绍",
        ] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
        for label in REPORTER_BYLINES {
            assert!(
                opens_unboxed_byline(label.chars().next().unwrap()),
                "{label}"
            );
        }
    }

    /// A label is up to six ideographs or twelve letters and digits before
    /// a colon; not a number, a time, a path or a URL's scheme. Measuring
    /// finds it past its gate as the reference does, in a line of its own
    /// and in the lines that composing joins.
    #[test]
    fn labels_open_dialogue_turns_and_form_fields() {
        for text in [
            "张三：你好",
            "电话：010-12345678",
            "出生日期：1990年1月1日",
            "姓名：",
            "Q: 为什么？",
            "Note: 见下文",
            "张三:你好",
            "问题1：什么是软件包？",
            "Tom：好的",
        ] {
            assert!(opens_with_label(text), "{text}");
            assert!(measure(text).opens_with_label, "{text}");
            assert!(measure(&format!("　　{text}")).opens_with_label, "{text}");
        }
        for text in [
            "：你好",
            "12:30 开会",
            "1：2 的比例",
            "会议于9：30开始",
            "http://example.com",
            "C:\\Windows",
            "中华人民共和国国务院：通知",
            "张三，李四：你好",
            "他说 ：好",
            "张三你好",
            "据新华社电，记者：",
        ] {
            assert!(!opens_with_label(text), "{text}");
            assert!(!measure(text).opens_with_label, "{text}");
        }
    }

    /// A table of contents' entry ends with leaders and a page number.
    #[test]
    fn contents_entries_end_with_leaders_and_a_page() {
        for text in [
            "第一章　总则……………1",
            "1 引言 . . . . . . . . 1",
            "附录 A........ 123",
            "第三节……… 9",
            "第二节 方法 ··········· 35",
            "前言⋯⋯⋯⋯ 7",
        ] {
            assert!(ends_with_leaders_and_page(text), "{text}");
            let line = measure(text);
            assert!(line.shape.contents && line.shape.preformatted, "{text}");
        }
        for text in [
            "数量为12",
            "增长了……2",
            "第一章　总则……………12345",
            "版本 1.2.3",
            "……1",
            "附录 A....... 123",
        ] {
            assert!(!ends_with_leaders_and_page(text), "{text}");
        }
    }

    /// Plain-text bullets open list items; a dash or a star that opens a
    /// number, a rule or text does not.
    #[test]
    fn bullets_open_list_items() {
        for item in ["- 识别标题", "* 保留代码块", "+ 支持繁体", "- apt install"] {
            assert_eq!(measure(item).furniture, Some(Furniture::ListItem), "{item}");
        }
        for text in ["-1 度", "* * *", "- - -", "*注意*", "-- 完"] {
            assert_ne!(measure(text).furniture, Some(Furniture::ListItem), "{text}");
        }
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
        for item in ["1) 端口被占用", "2）权限不足", "三）检查"] {
            assert_eq!(measure(item).furniture, Some(Furniture::ListItem), "{item}");
        }
        for text in ["1)", "2）3", "1）", "（25）", "(587) ", "（二）"] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
        for article in ["第一条　为了规范", "第三章 总则", "第一百二十五条 本法"]
        {
            assert_eq!(
                measure(article).furniture,
                Some(Furniture::ListItem),
                "{article}"
            );
        }
        for text in [
            "第三十二条的规定",
            "第5章 debian 目录下",
            "第一条",
            "第一条　",
            "第二版 要闻",
        ] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
        for turn in [
            "问：这次改革的重点是什么？",
            "答:重点是简化",
            "記者：企業的反應如何？",
        ] {
            assert_eq!(measure(turn).furniture, Some(Furniture::ListItem), "{turn}");
        }
        for label in INTERVIEW_LABELS {
            assert!(
                opens_interview_label(label.chars().next().unwrap()),
                "{label}"
            );
        }
        for jump in [
            "（下转第二版）",
            "（上接第1版）",
            "(转 2 版)",
            "（續第十二版）",
        ] {
            assert_eq!(measure(jump).furniture, Some(Furniture::Jump), "{jump}");
        }
        assert_eq!(measure("（转第二版的文章）").furniture, None);
        // A word that starts with a label's characters is no label.
        assert_eq!(measure("答复：我们会继续努力").furniture, None);
        assert_eq!(measure("1.5亿元投资").furniture, None);
        assert_eq!(
            measure("（责任编辑：张俊蕾）").furniture,
            Some(Furniture::Source)
        );
        // Staff credits at a page's top or foot, several on one line.
        for credits in [
            "本版编辑：王小明 美编：李华 校对：张强",
            "责编：赵敏",
            "版式设计：周洁　制图：孙丽",
            "本版編輯：陳小明　美編：林華",
        ] {
            assert_eq!(
                measure(credits).furniture,
                Some(Furniture::Source),
                "{credits}"
            );
        }
        // Numbered captions of tables and figures; not a sentence that
        // opens with the same words.
        for caption in [
            "表1 主要城市常住人口",
            "图 2-3：系统结构",
            "表一\u{3000}各地区数据",
        ] {
            assert_eq!(
                measure(caption).furniture,
                Some(Furniture::Caption),
                "{caption}"
            );
        }
        for text in [
            "表1所示的数据说明",
            "表1 列出了各地数据，",
            "图书馆 开放时间",
            "表示 1 个",
        ] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
        // The same words opening a sentence, without the colon.
        for text in [
            "版式设计是一门学问，",
            "美编们正在排版。",
            "策划这次活动的人",
        ] {
            assert_eq!(measure(text).furniture, None, "{text}");
        }
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
        // Or the page's staff in place of its number.
        assert_eq!(
            measure("2024年3月5日 星期二 编辑：张三 美编：李四").furniture,
            Some(Furniture::RunningHeader)
        );
        // A sentence with a date, a weekday and a colon is not one.
        assert_eq!(
            measure("会议定于2024年3月5日（星期二）召开，主编：").furniture,
            None
        );
        assert_eq!(
            measure("（图为志愿者在布置会场）").furniture,
            Some(Furniture::Caption)
        );
        assert_eq!(measure("（图形用户界面）提供了").furniture, None);
        assert!(measure("本报天津5月17日电").dateline_lead);
        // Flags read off a line's text: `read` holds for each of `yes` and
        // for none of `no`.
        let flag = |read: fn(&Line) -> bool, yes: &[&str], no: &[&str]| {
            for text in yes {
                assert!(read(&measure(text)), "{text}");
            }
            for text in no {
                assert!(!read(&measure(text)), "{text}");
            }
        };
        // A reporter's bracketed credit opening the text, Taiwan style.
        flag(
            |line| line.opens_with_credit,
            &[
                "〔記者李大華／台中報導〕台中市今",
                "（中央社記者陳美玲台北3日電）行政院",
                "【记者 王明／北京报道】昨天，",
            ],
            &[
                "（記者李大華／台中報導）",
                "（见第3版）另外",
                "（記者會上說明）他表示",
            ],
        );
        // The particle `的` before its noun; not the noun `目的`, nor in a
        // line without marks that holds `是`.
        flag(
            |line| line.ends_before_noun,
            &["系统的", "一旦引导，系统的", "是指，系统的", "系 统 的"],
            &["研究目的", "改革是必要的", "的确", "系统"],
        );
        // A bracketed photo credit, not a bracketed dateline.
        flag(
            |line| line.ends_with_photo_credit,
            &["（新华社记者 张三 摄）", "图为会场。（本报记者 李四 摄）"],
            &[
                "（新华社北京1月28日电）",
                "（本報宜蘭11月19日電）",
                "新华社记者 张三 摄",
            ],
        );
        // A function word that needs what follows, ending the line; not
        // `不已`, `而已`, a quantity in digits (`3个`), nor a character that
        // also ends common words.
        flag(
            |line| line.ends_with_function_word,
            &[
                "如果这",
                "它被",
                "文件或",
                "观众已",
                "一个",
                "共有三个",
                "這",
            ],
            &[
                "感慨不已",
                "仅此而已",
                "鸡蛋　3个",
                "番茄 ２個",
                "这是",
                "现在",
                "公众参与",
                "大有可为",
            ],
        );
        // A word's tail (one ideograph and the mark that closes its clause),
        // the particle `的` or a suffix or particle that opens no word
        // (`们`, `了`), opening the line.
        flag(
            |line| line.opens_mid_phrase,
            &[
                "件。这些软件包",
                "作，",
                "等）",
                "户,",
                "装。 服务器",
                "的配置",
                "的 stable",
                "的、",
                "的“虚拟”",
                "们将被安装",
                "了所有修复",
                "吗还是",
            ],
            &[
                "首先，点击",
                "的确，",
                "的士",
                "的",
                "了解更多",
                "了不起的",
                "们",
                "一、概述",
                "问：你",
                "件",
                "“件。",
                "A。",
                "件 。",
            ],
        );
        // A dateline cut inside its date: both parts open the story.
        assert!(measure("中新社武汉 2 月 20").dateline_lead);
        assert!(measure("日电").dateline_lead);
        assert!(measure("20日电").dateline_lead);
        assert!(measure("新华社兰州 6 月 15 日").dateline_lead);
        assert!(measure("电").dateline_lead);
        assert!(!measure("电话").dateline_lead);
        assert!(!measure("本报记者 6 月 15 日").dateline_lead);
        assert!(measure("本报北京 6 月 15 日").dateline_lead);
        assert!(!measure("本报记者日前获悉，2023").dateline_lead);
        assert!(!measure("今日电").dateline_lead);
        // So does one whose bracketed credit the line cut off.
        assert!(measure("新华社北京9月19日电（记者").dateline_lead);
        assert!(measure("本报讯（").dateline_lead);
        assert!(measure("本报讯（记者 陈晓东").dateline_lead);
        assert!(!measure("新华社北京9月19日电（记者谢林萍）").dateline_lead);
        // The story's first words after a space, stopping mid-word.
        assert!(measure("本报济南1月8日电\u{3000}在主服").dateline_lead);
        assert!(measure("本报北京4月14日电 尽").dateline_lead);
        assert!(!measure("本报济南1月8日电\u{3000}没问题。").dateline_lead);
        assert!(!measure("本报记者 张三").dateline_lead);
        assert!(!measure("本报讯（据悉").dateline_lead);
        // A closing dateline cut before its `电）` is a dateline still.
        assert_eq!(
            measure("（中新社乌鲁木齐3月12日").furniture,
            Some(Furniture::Dateline)
        );
        assert_eq!(measure("（中新社记者").furniture, None);
        assert_eq!(measure("（这是一个打").furniture, None);
        assert!(measure("中央社記者張三台北8日電").dateline_lead);
        // pdfminer and pypdf give Kangxi radicals for `日` and `月`.
        assert!(measure("中新社武汉 2 \u{2F49} 20").dateline_lead);
        assert!(measure("20\u{2F47}电").dateline_lead);
        assert_eq!(
            measure("（中新社乌鲁木齐3\u{2F49}12\u{2F47}").furniture,
            Some(Furniture::Dateline)
        );
        assert!(measure("前值守。（新华社记者 薛敏 摄）").ends_sentence);
        assert_eq!(measure("一些热点事件").furniture, None);
    }

    #[test]
    fn furniture_openers_are_in_step() {
        let lists: [&[&str]; 6] = [
            &SUBTITLE_OPENERS,
            &SOURCE_LABELS,
            &SOURCE_WORDS,
            &CAPTION_OPENERS,
            &REPORTER_BYLINES,
            &INTERVIEW_LABELS,
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
        // The table of ideographs says what the `match` says, everywhere.
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(may_open_furniture(c), opens_furniture_exactly(c), "{c}");
        }
    }

    /// [`Counts::wide_run`] takes every character from U+4000 to U+9FFF
    /// (lead bytes `E4`–`E9`) as wide and no mark, undecoded.
    #[test]
    fn ideograph_leads_are_wide_and_plain() {
        for c in ('\u{4000}'..='\u{9FFF}').chain('\u{3000}'..='\u{3FFF}') {
            let common = (0xE4..=0xE9).contains(&c.to_string().as_bytes()[0]);
            assert_eq!(common, c >= '\u{4000}', "{c:?}");
            if common {
                for wide in [false, true] {
                    assert_eq!(char_width(c, wide), 2, "{c:?}");
                    assert_eq!(crate::classify::char_width_slow(c, wide), 2, "{c:?}");
                }
                assert!(!is_compressible(c) && bracket_balance(c) == 0, "{c:?}");
                assert!(!('\u{2500}'..='\u{257F}').contains(&c) && !c.is_whitespace());
            }
        }
    }

    /// A line that [`Counts::wide_run`] read whole (see
    /// `LineCounter::measure_next`) has no space to trim and no edge that
    /// prints nothing: no character of three bytes it takes for wide is one.
    #[test]
    fn wide_characters_of_three_bytes_are_no_space_nor_invisible() {
        for c in ('\u{800}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            for wide in [false, true] {
                if char_width(c, wide) == 2 && c != '\u{3000}' {
                    assert!(!is_line_space(c) && !is_invisible(c), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn three_byte_search_agrees_with_contains() {
        let texts = [
            "",
            "版",
            "a版",
            "第4版",
            "星期一 第4版 社会",
            "版版",
            "\u{7248}\u{7248}",
            "瀈",
            "\u{8888}",
            "abcdefg版",
            "abcdefgh版",
            "abcdefghi版",
            "一二三四五六七八九十版面",
            "一二三四五六七八九十",
            "一二三四五六七八九十一二三四五六七八九十版ab",
            "\u{3088}\u{3089}\u{7088}",
            "xx\u{e789}",
        ];
        for text in texts {
            for cut in 0..=text.len() {
                let text = text.get(cut..).unwrap_or("");
                assert_eq!(
                    contains3(text.as_bytes(), "版"),
                    text.contains('版'),
                    "{text:?}"
                );
            }
        }
    }

    /// Every character, alone and before each of `tails`, that opens a
    /// line `holds` is true of passes `gate`.
    fn assert_gate_lets_through(holds: fn(&str) -> bool, gate: fn(char) -> bool, tails: &[&str]) {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            for tail in tails {
                let body = format!("{c}{tail}");
                if holds(&body) {
                    assert!(gate(c), "{body:?}");
                }
            }
        }
    }

    #[test]
    fn list_item_gate_lets_every_opener_through() {
        // `is_list_item` of every character, alone and before the marks
        // that may follow a list's number.
        let tails = ["", "、", "）", ")", ". 项", "．项", " 项", "1）"];
        assert_gate_lets_through(is_list_item, may_open_list_item, &tails);
    }

    #[test]
    fn folios_open_as_their_gate_says() {
        let tails = ["", "1", "12", " 12 —", "页", "3页", "/3", " 12 / 300"];
        assert_gate_lets_through(is_folio, may_open_folio, &tails);
    }

    #[test]
    fn reporter_bylines_go_on_as_their_gate_says() {
        for label in REPORTER_BYLINES {
            assert!(
                goes_on_unboxed_byline(label.chars().nth(1).unwrap()),
                "{label}"
            );
        }
    }

    #[test]
    fn word_openers_are_in_step() {
        for word in BYLINE_WORDS {
            assert!(opens_byline_word(word.chars().next().unwrap()), "{word}");
        }
        for word in DATELINE_WORDS {
            assert!(opens_dateline_word(word.chars().next().unwrap()), "{word}");
        }
    }

    #[test]
    fn furniture_gates_are_in_step() {
        for label in SOURCE_LABELS.iter().chain(&SOURCE_WORDS) {
            assert!(opens_source_label(label), "{label}");
            // (`furniture_of` reads the second character 3 bytes in.)
            assert_eq!(label.chars().next().unwrap().len_utf8(), 3, "{label}");
            let second = label.chars().nth(1).unwrap();
            assert!(goes_on_source_label(second), "{label}");
        }
        let gates: [(&[&str], &str); 3] = [
            (&SUBTITLE_OPENERS, "—－―─"),
            (&CAPTION_OPENERS, "图圖（上下左右"),
            (&REPORTER_BYLINES, "本新中记記通特文图圖"),
        ];
        for (list, firsts) in gates {
            for opener in list {
                assert!(firsts.contains(opener.chars().next().unwrap()), "{opener}");
            }
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
            "字",
            "国",
            "，",
            "。",
            "、",
            "：",
            "；",
            "！",
            "？",
            "）",
            "」",
            "』",
            "》",
            "”",
            "“",
            "（",
            "…",
            "—",
            "a",
            "1",
            " ",
            "ー",
            "々",
            "〕",
            "】",
            "·",
            "%",
            ",",
            ".",
            "\u{3000}",
            "Z",
            "9",
            "-",
            "/",
            "(",
            ")",
            "'",
            "\"",
            "：",
            "〔",
            "【",
            "「",
            "—",
            "\u{A0}",
            "\u{2060}",
            "\u{200B}",
            "\u{301C}",
            "\u{FF5E}",
            "゛",
            "\u{3099}",
            "\u{E000}",
            "\u{20000}",
            "가",
            "😀",
            "\u{200D}",
            "\u{FE0F}",
            "\u{1F3FB}",
            "_",
            "$",
            "#",
            "!",
            "?",
            ";",
            "&",
        ];
        for a in [
            "字", "中", "a", "1", "Ab", "x2", "2024", "（", "“", "□", "(", "‘", "「", "『", "《",
            "【", "〔", "（字", "“字", "(中", "■", "——", "—", "。", "，", "、", "字“", "字 ",
            "ab  ", "字”", "字，", "字）", "字？", "\"", "/", "ab,", "1.", "ab!", "x:", "(a",
            "“ab", "（1", "\"a", "/a", "ab，", "1。", "x、", "a/b", "ab-", "ls(1", "a.b",
        ] {
            for b in chars {
                for c in chars.iter().chain([&""]) {
                    for d in ["", "字", "，", " ", "a", "）"] {
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

    /// [`ascii_chunk_end`] against UAX #14 itself: every run of up to four
    /// pieces of paths, commands and words, before the line's end, spaces, an
    /// ideograph or a mark.
    #[test]
    fn ascii_chunks_agree_with_uax14() {
        let pieces = [
            "a", "1", "_", "=", ".", ",", "/", "-", "(", ")", "]", "{", "}", "!", " ", "  ", "$",
            "%", "\"", "|", "\t", "字", "，", "（", "“", "”", "）", "\u{300}", "é", "。", "：",
            "、", "—", "…", "々", "！",
        ];
        let mut fast = 0;
        crate::classify::runs_of_up_to_four(&pieces, |body| {
            for end in ["", " 字", "字", " a(", "）"] {
                let body = format!("{body}{end}");
                if let Some(end) = ascii_chunk_end(&body) {
                    let slow = first_break_opportunity(&body);
                    let chunk = body[..slow].trim_end();
                    assert_eq!(end, chunk.len(), "{body:?}");
                    for wide in [false, true] {
                        let (width, narrow) = chunk.chars().fold((0, 0), |(w, n), c| {
                            let cw = char_width(c, wide);
                            (w + cw, n + u32::from(cw == 1))
                        });
                        let leads =
                            u32::from(chunk.starts_with(|c: char| c.is_ascii_alphanumeric()));
                        assert_eq!(
                            lead_chunk_width(&body, &Edges::of(&body), wide),
                            width + narrow / 4 + leads,
                            "{body:?}"
                        );
                    }
                    fast += 1;
                }
            }
        });
        assert!(fast > 100_000, "{fast}");
    }

    /// [`mixed_chunk_end`] against UAX #14 itself: marks, quotes and
    /// ideographs mixed with ASCII, spaces between them or not.
    #[test]
    fn mixed_chunks_agree_with_uax14() {
        let pieces = [
            "a", "1", "_", ".", ",", "/", "-", "(", ")", "}", "!", " ", "  ", "$", "%", "\"", "'",
            "|", "字", "，", "（", "“", "”", "）", "。", "：", "、", "—", "—", "…", "々", "！",
            "\u{3000}", "é", "\u{2F00}", "」",
        ];
        let mut fast = 0;
        for lead in [
            "字", "“", "（", "。", "”", "）", "—", "\"", "$", "a", "1", "「", "々",
        ] {
            for a in pieces {
                for b in pieces {
                    for c in pieces.iter().chain([&""]) {
                        for end in ["", " 字", "字", " a", "）"] {
                            let body = format!("{lead}{a}{b}{c}{end}");
                            let Some(end) = mixed_chunk_end(&body) else {
                                continue;
                            };
                            let slow = first_break_opportunity(&body);
                            assert_eq!(end, body[..slow].trim_end().len(), "{body:?}");
                            fast += 1;
                        }
                    }
                }
            }
        }
        assert!(fast > 100_000, "{fast}");
    }

    /// The table of ASCII break classes that [`ascii_chunk_end`] reads is
    /// unicode-linebreak's, byte for byte, for every class it names.
    #[test]
    fn ascii_break_classes_are_unicode_linebreaks() {
        use unicode_linebreak::{break_property, BreakClass as B};
        for b in 0u8..128 {
            let expected = match break_property(u32::from(b)) {
                B::Alphabetic => ASCII_AL,
                B::Numeric => ASCII_NU,
                B::InfixSeparator => ASCII_IS,
                B::Symbol => ASCII_SY,
                B::Hyphen => ASCII_HY,
                B::OpenPunctuation => ASCII_OP,
                B::CloseParenthesis => ASCII_CP,
                B::ClosePunctuation => ASCII_CL,
                B::Exclamation => ASCII_EX,
                B::Space => ASCII_SP,
                _ => ASCII_NONE,
            };
            assert_eq!(
                ASCII_BREAK_CLASS[usize::from(b)],
                expected,
                "{:?}",
                b as char
            );
        }
    }

    #[test]
    fn chunks_of_marks_agree_with_uax14() {
        let slow = |body: &str, wide: bool| {
            let end = first_break_opportunity(body);
            let (width, narrow) = body[..end].trim_end().chars().fold((0, 0), |(w, n), c| {
                let cw = char_width(c, wide);
                (w + cw, n + u32::from(cw == 1))
            });
            width + narrow / 4 + u32::from(body.starts_with(|c: char| c.is_ascii_alphanumeric()))
        };
        let chars = [
            "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》",
            "「", "」", "【", "】", "…", "—", "·", "ー", "々", "～", "字", "ア", "가", "a", " ",
            "\u{3000}", "(", ")", "\"", "'", "\u{3099}",
        ];
        crate::classify::runs_of_up_to_four(&chars, |body| {
            for wide in [false, true] {
                if let Some(width) = marks_chunk_width(body, wide) {
                    assert_eq!(width, slow(body, wide), "{body:?}");
                }
            }
        });
    }

    /// `电` closes a dispatch's dateline; inside a bracketed remark it is
    /// part of a word (`电源`, `電腦`).
    #[test]
    fn dispatch_datelines_end_with_dian() {
        for dateline in [
            "（新华社北京3月5日电）",
            "（本报济南12⽉2⽇电）",
            "(中新社記者 王五 攝)",
        ] {
            assert_eq!(
                measure(dateline).furniture,
                Some(Furniture::Dateline),
                "{dateline}"
            );
        }
        for remark in [
            "（否则，你可能需要按电源键几秒钟。）",
            "（電腦系統從上一版升級）",
        ] {
            assert_eq!(measure(remark).furniture, None, "{remark}");
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

    /// One token of a line: ideographs, full-width punctuation, Latin, digits,
    /// spaces of every kind, furniture words and arbitrary characters.
    fn line_token() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => proptest::collection::vec(0x4E00u32..0xA000, 1..8)
                .prop_map(|v| v.into_iter().filter_map(char::from_u32).collect()),
            4 => proptest::sample::select(vec![
                "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》",
                "「", "」", "『", "』", "…", "……", "——", "—", "·", "・", "□", "■", "●", "一、", "（二）",
                "3.", "1.5", "(", ")", "〔", "〕", "【", "】", "〈", "〉", "－－", "――", "─", "│",
                "```", "~~~", "-", "/", "_", "=", "口", "本报记者", "新华社", "中新社", "本报讯",
                "来源", "责任编辑", "图为", "（图为", "图片由", "提供", "摄", "供图", "电", "電",
                "日电", "星期一", "第4版", "2022年", "月", "日", "①", "❶", "ー", "々", "%", ",", ".",
                "\u{FF0E}", "\u{FF61}", "\u{2E3A}", "\u{A0}", "\u{85}", "\u{2028}", "\u{200B}",
                "\u{FEFF}", "\u{301C}", "\u{3099}", "\u{E000}", "\u{1F600}", "\u{20000}", "|",
                " | ", "表1 ", "数据来源：", "本版编辑：", "编辑：", "第 3 页 共 12 页", "〔記者",
                "報導〕", "问：", "记者：", "”", "amd64：", "i386: ", "12：30", "（记者",
            ])
            .prop_map(String::from),
            2 => "[a-zA-Z]{1,6}",
            2 => "[0-9]{1,4}",
            1 => "[가-힣]{1,3}",
            1 => "[ぁ-んァ-ン]{1,3}",
            3 => proptest::sample::select(vec![
                " ", "  ", "   ", "\u{3000}", "\u{3000}\u{3000}", "\t", "\u{A0}", "\u{b}",
                "\u{c}", "\u{1680}", "\u{2009}", "\u{7f}", "\u{1}",
            ])
            .prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => "[\\x00-\\x7F]{1,3}",
        ]
    }

    fn a_line() -> impl Strategy<Value = String> {
        proptest::collection::vec(line_token(), 0..16).prop_map(|v| {
            v.concat()
                .chars()
                .filter(|&c| c != '\n' && c != '\r')
                .collect()
        })
    }

    /// The cases on which the fast paths once disagreed with the reference.
    #[test]
    fn measure_agrees_with_the_reference_where_it_once_did_not() {
        for (before, line, wide) in [
            ("一", "", false),
            // A light rule two long opens a subtitle as a dash does.
            ("", "──", false),
            ("", "·", true),
            ("", "A（", false),
            ("", "A ）", false),
            ("", "问：你好", false),
            ("", "记者：这是", false),
            ("", "amd64：这是", false),
            ("", "本报记者”余悦", false),
            ("", "口新华社记者，蔡春桂", false),
            ("", "新华社北京9月19日电（记者", false),
            // A line wider than 40 em is no furniture, a term's entry neither.
            (
                "",
                concat!("amd64：", "一一一一一一一一一一一一一一一一一一一一"),
                false,
            ),
            (
                "",
                concat!(
                    "amd64：",
                    "一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一"
                ),
                false,
            ),
        ] {
            let text = format!("{before}\n{line}\nx");
            if let Some(raw) = raw_lines(&text).find(|r| r.start == before.len() + 1) {
                assert_eq!(
                    Line::measure(&text, raw, 3, 1, wide),
                    reference::Reference::measure(&text, raw, 3, 1, wide),
                    "{line:?}"
                );
            }
        }
    }

    /// Lines of characters with lead bytes `E4`–`E9` only (the quick loop of
    /// `LineCounter::measure_next`), across that range and run lengths.
    #[test]
    fn ideograph_lines_agree_with_the_reference() {
        let chars = [
            '\u{4000}', '\u{4DC0}', '\u{4DFF}', '一', '摄', '电', '本', '日', '\u{9FFF}',
        ];
        for len in 1..=14 {
            for (k, &c) in chars.iter().enumerate() {
                let body: String = (0..len)
                    .map(|i| chars[(k + i) % chars.len()])
                    .chain([c])
                    .collect();
                for end in ["", "\n", "\r\n", "\r", "。\n", " \n", "a"] {
                    let text = format!("{body}{end}");
                    for wide in [false, true] {
                        let (mut lines, mut counter) = (Vec::new(), LineCounter::default());
                        counter.measure_next(&text, 0, wide, &mut lines);
                        let raw = raw_lines(&text).next().unwrap();
                        let expected = reference::Reference::measure(&text, raw, 0, 0, wide);
                        assert_eq!(lines.first(), expected.as_ref(), "{text:?}");
                    }
                }
            }
        }
    }

    /// Three ASCII characters before `\n` are no ideograph, though their
    /// bits, read as one (`d` `z` `0`: U+4E80), may fall in the main block.
    #[test]
    fn three_ascii_characters_are_not_read_as_one_ideograph() {
        for a in b'!'..=b'~' {
            for (b, c) in [(b'z', b'0'), (b'~', b'~'), (b'0', b'0')] {
                let text = format!("{}{}{}\n", a as char, b as char, c as char);
                let (mut lines, mut counter) = (Vec::new(), LineCounter::default());
                counter.measure_next(&text, 0, true, &mut lines);
                let raw = raw_lines(&text).next().unwrap();
                let expected = reference::Reference::measure(&text, raw, 0, 0, true);
                assert_eq!(lines.first(), expected.as_ref(), "{text:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(4096),
            // Past failures are kept as the test above, not in a file at
            // the crate root.
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Measuring line after line as their ends are found gives the
        /// lines that splitting the text first and measuring each gives,
        /// whatever ends a line (spaces, tabs, controls before every kind
        /// of terminator, blank lines, no final terminator).
        #[test]
        fn measuring_as_lines_end_agrees_with_splitting_first(
            lines in proptest::collection::vec(
                (a_line(), proptest::sample::select(vec![
                    "\n", "\r\n", "\r", "\n\n", " \n", "  \r\n", "\u{3000}\n", "\t\n",
                    "\u{c}\n", "\n \n", "\r\r\n",
                ])),
                0..6,
            ),
            unterminated in any::<bool>(),
            wide in any::<bool>(),
        ) {
            let mut text: String = lines.iter().map(|(line, end)| format!("{line}{end}")).collect();
            if unterminated {
                text = text.trim_end_matches(['\n', '\r']).to_string();
            }
            let (mut split, mut counter) = (Vec::new(), LineCounter::default());
            for raw in raw_lines(&text) {
                counter.measure_into(&text, raw, wide, &mut split);
            }
            let (mut stepped, mut counter) = (Vec::new(), LineCounter::default());
            let mut next = 0;
            while next < text.len() {
                (_, next) = counter.measure_next(&text, next, wide, &mut stepped);
            }
            prop_assert_eq!(stepped, split, "{:?}", text);
        }

        /// Looking for several words in one pass agrees with
        /// `str::contains` of each.
        #[test]
        fn words_are_found_as_contains_finds_them(
            text in "[记者通讯员本报道摄記訊員報導攝文／/a 中華]{0,12}",
        ) {
            for words in [&BYLINE_WORDS[..], &DATELINE_WORDS[..], &["a", "a/", "记", "者"], &["/", "员员"]] {
                let firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
                prop_assert_eq!(
                    contains_any(&text, words, |c| firsts.contains(&c)),
                    words.iter().any(|w| text.contains(w)),
                    "{:?} {:?}", text, words
                );
            }
        }

        /// A folio opens with a character [`may_open_folio`] lets through.
        #[test]
        fn folios_open_as_their_gate_says_anywhere(
            body in "[-–—―－ \u{3000}第页頁共/，,0-9０-９a中]{0,10}",
        ) {
            if is_folio(&body) {
                prop_assert!(body.chars().next().is_some_and(may_open_folio), "{:?}", body);
            }
        }

        /// Looking for a colon byte by byte agrees with `str::contains`.
        #[test]
        fn colons_are_found_as_contains_finds_them(
            text in "[:：a 中華\u{9A}\u{FF1A}\u{FF3A}\u{FF1B}\u{3000}]{0,20}",
        ) {
            prop_assert_eq!(contains_colon(&text), text.contains(['：', ':']));
        }

        /// Taking letter-spacing out byte by byte agrees with doing it gap
        /// by gap over characters.
        #[test]
        fn without_letter_spacing_agrees_with_its_plain_form(
            body in "[ \u{3000}a1,，。“”—…·中华\u{3400}\u{4DFF}\u{4E00}\u{9FFF}\u{A000}\u{2E80}\u{FF10}é]{0,16}",
            wide in any::<bool>(),
        ) {
            prop_assert_eq!(
                without_letter_spacing(&body, wide),
                without_letter_spacing_by_str(&body, wide)
            );
        }

        /// A list item opens with a character [`may_open_list_item`] lets
        /// through, so that lines opening otherwise need not be read.
        #[test]
        fn list_items_open_as_their_gate_says(
            body in "[-*+ （(）)、.．①⑳❶➓0-9一二三四五六七八九十中a，。]{0,6}",
        ) {
            if is_list_item(&body) {
                prop_assert!(body.chars().next().is_some_and(may_open_list_item), "{:?}", body);
            }
        }

        /// The fast paths of [`Line::measure`] against the plain measure it
        /// replaced, on every field.
        #[test]
        fn measure_agrees_with_the_reference(
            line in a_line(),
            before in "[a-z\u{4E00}]{0,2}",
            wide in any::<bool>(),
        ) {
            let text = format!("{before}\n{line}\nx");
            let raw = raw_lines(&text).find(|r| r.start == before.len() + 1).unwrap();
            prop_assert_eq!(
                Line::measure(&text, raw, 3, 1, wide),
                reference::Reference::measure(&text, raw, 3, 1, wide),
                "{:?}", line
            );
        }
    }
}

//! Stage 2: estimate the local column width and how full each line is.
//!
//! Consumes measured [`Line`]s; produces, for every line, the column width of
//! its neighbourhood (or `None` when the neighbourhood is not column-wrapped
//! text at all) and, on demand, the [`Fit`] of a line against that width.
//!
//! A justified line of a column `W` em wide measures about `W` em, but not
//! exactly: loose spacing can leave it up to 1 em short, and punctuation
//! compression lets it hold one half-em more per full-width mark. So every line
//! *votes* for the interval of column widths it is consistent with, and the
//! width with the most votes among the [`WINDOW`] lines on either side wins.
//! Votes are kept in a sliding histogram, so the whole pass is linear.

use crate::classify::CharRole;
use crate::line::{Furniture, Line};

/// Lines on each side of a line that vote on its column width. Wrong
/// decisions on the development splits at 6, 8, 9 and 10: 284, 270, 263,
/// 260; on a corpus generated in stop 26 (seed 20261208, not tuned on),
/// 264 at 8 and 259 at 9 and 10, and at 9 fewer than at 8 under each of
/// seven `eval` transforms. (Wider overflows the column vote's
/// bins.)
pub(crate) const WINDOW: usize = 9;

/// Columns narrower than this (8 em, in half-em) are not taken for columns:
/// a run of short headings is not a page of 5-em columns.
pub(crate) const MIN_COLUMN: u32 = 16;

/// Lines wider than this (60 em, in half-em) are not taken for wrapped lines.
pub(crate) const MAX_COLUMN: u32 = 120;

/// How a line fills its column.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Fit, Reflower};
///
/// let full = "一二三四五六七八九十一二三四\n";
/// let page = [full, full, "一二三。\n", full, full].concat();
/// let fits: Vec<_> = Reflower::default().break_points(&page).iter().map(|p| p.fit).collect();
/// assert_eq!(fits, [Some(Fit::Full), Some(Fit::Full), Some(Fit::Short), Some(Fit::Full)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fit {
    /// The line fills the column (within spacing and compression tolerance).
    Full,
    /// About 2 em short: a first line whose indent was lost.
    IndentShort,
    /// Shorter still: the last line of a paragraph, or a heading.
    Short,
    /// Clearly wider than the column: a headline, caption or unwrapped text.
    Overlong,
}

/// What a section's blank lines stand for, as far as its lines show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum BlankLines {
    /// Paragraph ends, and column or page breaks inside paragraphs (a PDF
    /// extractor's output): each is judged where it stands.
    #[default]
    Breaks,
    /// Line spacing only: one after every line (see
    /// `paragraph::Survey::double_spaced`).
    Spacing,
    /// Paragraph ends only (a text renderer's dump: `w3m`, `lynx`): every
    /// block of wrapped lines ends its sentence at a blank line, so a line
    /// inside a block that stops mid-sentence goes on with the block.
    Paragraphs,
}

/// Whether `line` is set in by 1 to 4 em, as a paragraph's first line is
/// where the text kept its indents (see [`Openings::Indented`]).
#[inline]
pub(crate) fn set_in_as_kept(line: &Line) -> bool {
    (2..=8).contains(&line.indent)
}

/// How the paragraphs of a section open, as far as its lines show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Openings {
    /// A first line is 2 em short of the column: its indent was lost (the
    /// usual case after PDF extraction or OCR), or no evidence either way.
    #[default]
    LostIndent,
    /// First lines are set in by spaces the text kept (a word processor's
    /// export, an extractor that keeps leading spaces): a line with no
    /// indent opens no paragraph.
    Indented,
    /// First lines are as full as any other (books and manuals with no
    /// indent): only a short last line ends a paragraph.
    Flush,
    /// Every line is a paragraph of its own: most lines end a sentence
    /// (already-flowing text, one paragraph per line).
    EveryLine,
}

impl Openings {
    /// Reads a section (with the column around each line) at its clear
    /// paragraph ends, short lines that end a sentence: [`Indented`] when
    /// the line after one is more often set in by 1 to 4 em than not;
    /// [`Flush`] when the unindented line after one is mostly as full as
    /// the full line after it (at least 4 times, and half as often again as
    /// it is 1.5 to 3.5 em shorter, as a first line that lost its indent
    /// is; or twice and never shorter). Only lines with no blank line between them are read (a
    /// double-spaced section comes without its blank lines: see
    /// `BlankLines::Spacing`), but for one thing: where a blank line
    /// follows a sentence's end, the line after it set in (before a line
    /// that is not) counts as kept, and one flush as not. Blank lines that
    /// end the paragraphs (pdfminer's text boxes, a renderer's dump) leave
    /// few paragraph ends without one: `--kept-indents` 95 → 72 wrong
    /// decisions, 286 → 255 on six seed corpora.
    ///
    /// [`Indented`]: Openings::Indented
    /// [`Flush`]: Openings::Flush
    pub(crate) fn of(section: &[Line], columns: &[Option<u32>]) -> Openings {
        // After each paragraph's short last line that ends a sentence: is
        // the next line set in by 1 to 4 em (kept), flush with no indent, or
        // 1.5 to 3.5 em shorter than the full line after it (lost)?
        let (mut indented, mut unindented, mut flush, mut short) = (0, 0, 0, 0);
        let (firsts, afters) = (
            section.get(1..).unwrap_or_default(),
            section.get(2..).unwrap_or_default(),
        );
        let triples = section.iter().zip(firsts).zip(afters);
        for (((last, first), after), column) in triples.zip(columns) {
            // (Most lines do not end a sentence: told first.)
            if !last.ends_sentence {
                continue;
            }
            // After a blank line, a sentence's end (of any width) is a
            // paragraph's where blank lines end paragraphs: the line after
            // it tells whether the text kept its indents, set in before a
            // line that is not (not every line of a block set in alike).
            if first.blanks_before > 0 {
                if last.furniture.is_none() && first.furniture.is_none() {
                    if set_in_as_kept(first)
                        && !first.shape.preformatted
                        && after.blanks_before == 0
                        && after.indent == 0
                    {
                        indented += 1;
                    } else if first.indent == 0 {
                        unindented += 1;
                    }
                }
                continue;
            }
            let Some(column) = *column else { continue };
            let ends_paragraph = last.furniture.is_none() && fit(last, column, 0) == Fit::Short;
            if !ends_paragraph || first.blanks_before > 0 || first.furniture.is_some() {
                continue;
            }
            if set_in_as_kept(first) && !first.shape.preformatted {
                indented += 1;
                continue;
            }
            if first.indent > 0 {
                continue;
            }
            unindented += 1;
            if first.ends_sentence || after.blanks_before > 0 || fit(after, column, 0) != Fit::Full
            {
                continue;
            }
            // (1.5 to 3.5 em shorter: a heading is shorter still.)
            if first.width + 3 <= after.width && first.width + 7 >= after.width {
                short += 1;
            } else if first.width + 1 >= after.width {
                flush += 1;
            }
        }
        if indented > 0 && indented > unindented {
            Openings::Indented
        } else if (flush >= 4 && 2 * flush >= 3 * short) || (flush >= 2 && short == 0) {
            // (Two with none short: a book's page has few paragraph ends,
            // and a first line that lost its indent is seldom full.)
            Openings::Flush
        } else {
            Openings::LostIndent
        }
    }
}

/// Lines enough for a page to be read alone (see [`pages_read_alone`]).
const PAGE_LINES: usize = 60;

/// Whether form feeds cut `section` into pages (see `Shape::page_top`),
/// each long enough to be read alone: one document may hold pages of
/// different measures, openings and extractors' habits (`pdftotext` on a
/// whole PDF opens every page with a form feed). Where a page is short (a
/// book's), the section is read whole.
pub(crate) fn pages_read_alone(section: &[Line]) -> bool {
    if section.len() < 2 * PAGE_LINES {
        return false;
    }
    let mut end = page_end(section, 0);
    if end == section.len() {
        // No form feed: one page (most sections).
        return false;
    }
    let mut start = 0;
    loop {
        if end - start < PAGE_LINES {
            return false;
        }
        if end == section.len() {
            return true;
        }
        (start, end) = (end, page_end(section, end));
    }
}

/// The end (exclusive) of the page of `lines` that starts at line `start`:
/// the next line a form feed opens, or the end.
pub(crate) fn page_end(lines: &[Line], start: usize) -> usize {
    lines[start + 1..]
        .iter()
        .position(|line| line.shape.page_top)
        .map_or(lines.len(), |k| start + 1 + k)
}

/// The column widths (in half-em) a line is consistent with if it is full.
fn votes_for(line: &Line) -> Option<(u32, u32)> {
    if line.shape.preformatted
        || line.width > MAX_COLUMN
        || line.width < MIN_COLUMN - 4
        || matches!(
            line.furniture,
            Some(
                Furniture::Byline | Furniture::Source | Furniture::Jump | Furniture::RunningHeader
            )
        )
    {
        return None;
    }
    let lo = line.min_width().saturating_sub(1);
    let hi = (line.max_width() + 2).min(MAX_COLUMN + 2);
    Some((lo, hi))
}

/// Whether `next`, a line of prose that votes for a column, follows
/// `line` wider by more than a lost indent's 2 em and the slack of
/// measuring (3 em in all): then `line` does not fill the column `next`
/// fits in, so it votes for none. A heading, a list's short item or a
/// paragraph's last line before the next paragraph's lines would vote for
/// a column of its own width; in a short document of many headings their
/// votes outnumbered the paragraphs' and set the column at the headings'
/// width (a report's `（一）业务发展稳中有进` over paragraphs at 22 em).
/// (Not before furniture: a caption or a byline may be wider than the
/// column it stands in.)
#[inline]
fn wider_prose_follows(line: &Line, next: &Line) -> bool {
    next.blanks_before == 0 && next.furniture.is_none() && next.min_width() > line.max_width() + 6
}

/// How far short of its column, with the next line's first chunk beside
/// it, a spread line may be and still have been stretched to the column:
/// justification stretches a line by what did not fit on it, and that is
/// the next line's first unbreakable chunk (a Latin word; an ideograph with
/// the mark no line may start with after it, or the bracket no line may
/// end with before it, which pushed it on), so only the slack of measuring
/// is left: half an em. A shorter line was spaced out otherwise (OCR, a
/// tracked heading: `持 續 升 級 的 生 活`, 7 em before an ideograph in a
/// 9-em column). (Where the next line shows that OCR spread it, `decide`
/// judges it by its width from 2 em short on.) Tried at 3, 2, 1, 0.5 and 0
/// em (stop 38): the `--some-spaced` transform's wrong decisions 363 →
/// 359, 354, 344, 343; `--rewrapped` 493 → 494, 495, 498, 501 (spaced
/// runs of pdfminer's pages that rewrapping set short); the XeLaTeX seeds
/// 31-46 1,156 → 1,152, 1,150, 1,148, 1,148; every other corpus, transform
/// and seed group moved by 2 or fewer. (Tried before on older code at 2,
/// 3, 4 and 6 em: `--some-spaced` 435 → 402, 405, 410, 412.)
const STRETCH_SLACK: u32 = 1;

/// How `line` fills a column `column` half-em wide, given the width of the
/// next line's first unbreakable chunk (which did not fit on this line).
#[inline(always)]
pub(crate) fn fit(line: &Line, column: u32, next_chunk: u32) -> Fit {
    // Justification stretched a spread line to the column (`据 新 华 社`);
    // but a paragraph's last line is not justified, so one that ends a
    // sentence or a quote is spread by OCR, and judged by its width, as is
    // one too short to have been stretched (see `STRETCH_SLACK`).
    if line.shape.letter_spaced
        && !line.ends_sentence
        && line.last != CharRole::Close
        && line.max_width() + next_chunk + STRETCH_SLACK >= column
    {
        return Fit::Full;
    }
    fit_as_set(line, column, next_chunk)
}

/// How `line` fills a column `column` half-em wide by its width alone,
/// spread or not (see [`fit`]).
#[inline(always)]
pub(crate) fn fit_as_set(line: &Line, column: u32, next_chunk: u32) -> Fit {
    if line.min_width() > column + 4 {
        Fit::Overlong
    } else if line.max_width() + 2 >= column
        // The next line's first chunk did not fit. Only for a line at least
        // half full: a short heading before a long word is still short.
        || (line.max_width() * 2 >= column && line.max_width() + next_chunk > column)
        // Its word spaces were widened to fill it.
        || line.shape.justified
    {
        Fit::Full
    } else if line.max_width() + 5 >= column {
        Fit::IndentShort
    } else {
        Fit::Short
    }
}

/// Estimates the column width around every line.
///
/// `columns[i]` is `Some(width)` in half-em when the lines around `lines[i]`
/// agree on a column, `None` when they do not (already-flowing text, lists of
/// short lines, headline clusters).
/// The estimates are appended to `columns`; returns whether any line has a
/// column (when none has, [`Openings::of`] finds nothing to read).
///
/// Lines with a blank line between them are not lines of one wrapped
/// paragraph (a double-spaced section comes without its blank lines: see
/// `BlankLines::Spacing`).
///
/// `scratch` holds working buffers kept from one call to the next, so that
/// estimating section after section does not allocate.
pub(crate) fn estimate_columns(
    lines: &[Line],
    fixed: Option<u32>,
    columns: &mut Vec<Option<u32>>,
    scratch: &mut ColumnScratch,
) -> bool {
    if let Some(width) = fixed {
        columns.resize(columns.len() + lines.len(), Some(width));
        return !lines.is_empty();
    }
    let n = lines.len();
    let ColumnScratch { adjacent, ready } = scratch;
    // No two lines without a blank line between them: no window is
    // wrapped (see `adjacent` below), so no line has a column (nor a piece
    // one to take). Told first: so are the output's paragraphs that
    // settling reads, and most other sections stop at their second line.
    if lines.iter().skip(1).all(|line| line.blanks_before > 0) {
        columns.resize(columns.len() + n, None);
        return false;
    }
    // A column needs three lines that vote for it (see `best_of`): with
    // fewer voters in the whole section, no line has one.
    if lines
        .iter()
        .filter(|line| votes_for(line).is_some())
        .take(3)
        .count()
        < 3
    {
        columns.resize(columns.len() + n, None);
        return false;
    }
    // `adjacent[WINDOW + j]`: pairs of lines up to `j` with no blank line
    // between them (as for line 0 before it, as for the last line after
    // it). Where every line stands between blank lines, nothing is
    // hard-wrapped: it is flowing text, one paragraph per block.
    // (Written in place: no capacity to check line by line.)
    adjacent.clear();
    adjacent.resize(WINDOW + n, 0);
    // Each line's vote, once, ready to add to a histogram; a line that does
    // not vote has an empty one.
    // (Between `WINDOW + 1` empty ones on either side: see `vote_columns`.)
    ready.clear();
    ready.resize(n + 2 * (WINDOW + 1), Vote::NONE);
    let (first_vote, votes) = ready[WINDOW + 1..]
        .split_first_mut()
        .expect("a vote for every line");
    *first_vote = Vote::of(&lines[0]);
    let mut count = 0u32;
    // (Line 0's count is 0, as made. Both written in place, in one pass
    // over the lines: no capacity to check line by line.)
    let mut before = (&lines[0], first_vote);
    for ((at, vote), line) in adjacent[WINDOW + 1..]
        .iter_mut()
        .zip(votes)
        .zip(&lines[1..])
    {
        count += u32::from(line.blanks_before == 0);
        *at = count;
        *vote = Vote::of(line);
        // The line before does not fill the column this one may.
        if vote.reach != Reach::None && wider_prose_follows(before.0, line) {
            *before.1 = Vote::NONE;
        }
        before = (line, vote);
    }
    adjacent.resize(n + 2 * WINDOW, count);
    if cfg!(debug_assertions) {
        for i in 0..n {
            let window = &lines[i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(n)];
            debug_assert_eq!(
                adjacent[i] != adjacent[i + 2 * WINDOW],
                window[1..].iter().any(|line| line.blanks_before == 0),
                "the window around line {i} is wrapped"
            );
        }
    }
    debug_assert!(count > 0, "two lines with no blank line between them");
    vote_columns(
        ready,
        voted_widths(ready),
        // Lines `i - WINDOW ..= i + WINDOW` (those there are) have two
        // with no blank line between them.
        adjacent
            .iter()
            .zip(&adjacent[2 * WINDOW..])
            .map(|(a, b)| a != b),
        columns,
    );
    let start = columns.len() - n;
    spread_into_pieces(lines, &mut columns[start..]);
    true
}

/// Appends the column the window around each line votes for, where
/// `wrapped` says, line by line, that the window's lines are wrapped text
/// (else `None`).
/// `votes` holds the lines' votes between `WINDOW + 1` empty ones on
/// either side (so that each step adds three votes and tests none).
///
/// Line `j` votes for line `i` with weight `WINDOW + 1 - |i - j|`. Moving
/// from `i` to `i + 1` adds one to the weight of every line after `i` and
/// takes one from every line up to `i`: `weighted += after - upto`, where
/// `after` holds lines `i + 1 ..= i + WINDOW + 1` and `upto` lines
/// `i - WINDOW ..= i`. Only their difference is kept, as `delta`, which
/// each step changes by three votes; each step adds the last one's `delta`
/// to the keys (see [`Keys`]) as it reads them. Every width that is not
/// zero in `weighted` or `delta` is voted for by some line, so each step
/// touches only the widths in `span`, those the section's lines vote for
/// (see [`voted_widths`]). (The widths voted for near each line would do,
/// but finding them costs more per line than the few more widths it
/// spares.)
///
/// `delta` is kept modulo 256, a byte a width (see [`Bins`]), and added to
/// the weights in the keys' high bytes modulo 256 too: a window's weight at
/// a width is at most `(WINDOW + 1)²`, so the keys read are exact.
fn vote_columns(
    votes: &[Vote],
    span: std::ops::Range<usize>,
    wrapped: impl Iterator<Item = bool>,
    columns: &mut Vec<Option<u32>>,
) {
    // The lines' own votes.
    let own = &votes[WINDOW + 1..votes.len() - (WINDOW + 1)];
    let n = own.len();
    let mut weighted = Bins::zero();
    let mut delta = Bins::zero();
    // The weight of the window's lines that vote at all, and its change.
    let (mut voters, mut rising) = (0i32, 0i32);
    // As they stand before the first step: `weighted` less the `delta`
    // the step adds, and the `delta` of lines `0 ..= WINDOW` (after
    // line -1) and none (up to it).
    for (j, vote) in own.iter().enumerate().take(WINDOW) {
        voters += weighted.add(vote, (WINDOW - j) as i8);
    }
    for vote in own.iter().take(WINDOW + 1) {
        rising += delta.add(vote, 1);
    }
    let mut keys = Keys::of(&weighted);
    // (Written in place: no capacity to check line by line.)
    let start = columns.len();
    columns.resize(start + n, None);
    // Line `i`'s vote, and those `WINDOW + 1` lines before and after it
    // (empty past either end).
    let steps = own.iter().zip(&votes[..n]).zip(&votes[2 * (WINDOW + 1)..]);
    for (column, (((vote, before), after), wrapped)) in
        columns[start..].iter_mut().zip(steps.zip(wrapped))
    {
        let best = keys.slide(&delta, span.clone());
        voters += rising;
        if wrapped {
            *column = best_of(best, voters);
        }
        // The next step's `delta`: line `i` moves from after to up to.
        rising += delta.add(vote, -2);
        rising += delta.add(before, 1);
        rising += delta.add(after, 1);
    }
}

/// Whether an extractor may have cut one printed line between `prev` and
/// `next`: compressed punctuation (a closing or pause mark set half an em
/// wide, an opening mark drawn into the space before it) makes the next
/// glyph start left of where the last one ended, and `pdftotext -raw` starts
/// a new line there.
///
/// The next piece goes on along the same printed line, so it is not
/// indented more than `prev`: an indented line opens a paragraph.
#[inline]
pub(crate) fn may_cut_between(prev: &Line, next: &Line) -> bool {
    next.blanks_before == 0
        && next.indent <= prev.indent
        && (matches!(
            prev.last,
            CharRole::Pause | CharRole::SentenceEnd | CharRole::Question | CharRole::Close
        ) || next.first == CharRole::Open)
}

/// Whether `prev` may end a piece of a printed line that `next` goes on
/// with: [`may_cut_between`], or a cut mid-word after an opening quote or
/// bracket and one or two characters (`“冻` `结”`), where the glyphs after a
/// mark set narrower than its box start left of the grid and `pdftotext
/// -raw` starts a new line where the grid resumes. (A piece that ends
/// otherwise ends its printed line.)
#[inline]
pub(crate) fn printed_line_goes_on(prev: &Line, next: &Line) -> bool {
    may_cut_between(prev, next)
        || (next.blanks_before == 0
            && next.indent <= prev.indent
            && prev.first == CharRole::Open
            && prev.last.is_text()
            && prev.width - prev.indent <= 6)
}

/// Printed lines cut into pieces at compressed punctuation leave too few
/// whole lines to agree on a column. A run of such pieces is wrapped text
/// all the same: each piece narrower than the column next to it, and cut
/// from its neighbour at a mark or at the end of a printed line that stops
/// mid-word, takes that column (a pass each way: see
/// [`spread_into_pieces_line_by_line`]). Only the runs of lines with no
/// column are visited (few), each forward from the column before it, then
/// back from the column after it, as far as the first pass left it.
fn spread_into_pieces(lines: &[Line], columns: &mut [Option<u32>]) {
    let expected = cfg!(debug_assertions).then(|| {
        let mut expected = columns.to_vec();
        spread_into_pieces_line_by_line(lines, &mut expected);
        expected
    });
    let n = columns.len().min(lines.len());
    let mut i = 0;
    while i < n {
        // Past the lines with a column, eight at a time (the test
        // vectorizes), then one at a time.
        while let Some(chunk) = columns.get(i..i + 8) {
            let chunk: &[Option<u32>; 8] = chunk.try_into().expect("eight columns");
            if !chunk
                .iter()
                .fold(true, |all, column| all & column.is_some())
            {
                break;
            }
            i += 8;
        }
        while i < n && columns[i].is_some() {
            i += 1;
        }
        if i >= n {
            break;
        }
        // Lines `i..end` have none.
        let mut end = i + 1;
        while end < n && columns[end].is_none() {
            end += 1;
        }
        let mut from = i;
        if let Some(width) = i.checked_sub(1).and_then(|before| columns[before]) {
            while from < end
                && cuts_a_piece(&lines[from - 1], &lines[from])
                && piece_of(&lines[from], width)
            {
                columns[from] = Some(width);
                from += 1;
            }
        }
        if let Some(&Some(width)) = columns.get(end) {
            let mut to = end;
            while to > from
                && cuts_a_piece(&lines[to - 1], &lines[to])
                && piece_of(&lines[to - 1], width)
            {
                columns[to - 1] = Some(width);
                to -= 1;
            }
        }
        i = end;
    }
    if let Some(expected) = expected {
        debug_assert_eq!(columns, &expected[..], "pieces take the column by runs");
    }
}

/// Whether `line` may be a piece of a printed line in a column `column`
/// wide (see [`spread_into_pieces`]).
#[inline(always)]
fn piece_of(line: &Line, column: u32) -> bool {
    line.min_width() < column && !line.shape.preformatted
}

/// Whether `next` may go on with the printed line `prev` is a piece of: a
/// line that stops mid-word was cut at the end of its printed line, and
/// the next one goes on with the same text (see [`spread_into_pieces`]).
#[inline(always)]
fn cuts_a_piece(prev: &Line, next: &Line) -> bool {
    may_cut_between(prev, next) || (next.blanks_before == 0 && prev.last.is_text())
}

/// [`spread_into_pieces`] line by line: a pass forward, then one backward,
/// each column as it was just settled.
fn spread_into_pieces_line_by_line(lines: &[Line], columns: &mut [Option<u32>]) {
    let n = columns.len();
    if n < 2 {
        return;
    }
    let mut before = columns[0];
    for (column, pair) in columns[1..].iter_mut().zip(lines.windows(2)) {
        if let (None, Some(width)) = (*column, before) {
            if cuts_a_piece(&pair[0], &pair[1]) && piece_of(&pair[1], width) {
                *column = Some(width);
            }
        }
        before = *column;
    }
    let mut after = columns[n - 1];
    for (column, pair) in columns[..n - 1].iter_mut().zip(lines.windows(2)).rev() {
        if let (None, Some(width)) = (*column, after) {
            if cuts_a_piece(&pair[0], &pair[1]) && piece_of(&pair[0], width) {
                *column = Some(width);
            }
        }
        after = *column;
    }
}

/// Working buffers of [`estimate_columns`].
#[derive(Debug, Default)]
pub(crate) struct ColumnScratch {
    adjacent: Vec<u32>,
    /// Each line's vote, ready to add to a histogram.
    ready: Vec<Vote>,
}

/// The widths any of `votes` is for (from the start of the chunk the
/// lowest starts in), as a half-open range; empty when none is.
fn voted_widths(votes: &[Vote]) -> std::ops::Range<usize> {
    // (In bytes: the folds vectorize.)
    let lo = votes.iter().fold(u8::MAX, |a, vote| a.min(vote.base));
    let hi = votes.iter().fold(0, |b, vote| b.max(vote.hi));
    if lo <= hi {
        usize::from(lo)..usize::from(hi) + 1
    } else {
        0..0
    }
}

/// The empty vote of a line that does not vote, as the tests write it.
#[cfg(test)]
const NO_VOTE: (usize, usize) = (usize::MAX, 0);

/// Widths are kept in chunks of this many, so that sliding and searching
/// the histogram vectorizes.
const LANES: usize = 8;

/// Bins of a histogram: two chunks of [`LANES`] from any width a byte
/// holds, so that adding a vote (whose chunk starts at a [`Vote::base`],
/// a byte) needs no bounds check. Every width a line votes for (up to
/// `MAX_COLUMN + 2`) is in them, and so is every width of the two chunks
/// from any width up to it (as [`Keys::slide`] reads them), and a byte
/// holds it (as [`best_of`] reads a key's width from its low byte).
const BINS: usize = 256 + 2 * LANES;

const _: () = assert!(
    MAX_COLUMN as usize + 2 < u8::MAX as usize,
    "a vote's widths fit a byte"
);

/// The masks of two chunks' lanes a vote adds (see [`Vote::mask`]): mask
/// `from * 2 * LANES + to` holds all ones in lanes `from..=to` and zero in
/// the others, for every lane `from` a vote starts at in its first chunk
/// and `to` it ends at in two. (As many as a byte indexes, so that reading
/// one needs no bounds check; those past `LANES * 2 * LANES` are unused.)
const MASKS: [[u8; 2 * LANES]; 256] = {
    let mut masks = [[0; 2 * LANES]; 256];
    let mut at = 0;
    while at < LANES * 2 * LANES {
        let (from, to) = (at / (2 * LANES), at % (2 * LANES));
        let mut lane = from;
        while lane <= to {
            masks[at][lane] = u8::MAX;
            lane += 1;
        }
        at += 1;
    }
    masks
};

// A width's weight in a window, at most `(WINDOW + 1)²`, fits the high
// byte of a key (see `Keys`), below `i16::MAX` with the width in its low
// byte (and so a vote's weight fits an `i8`).
const _: () = assert!(
    (WINDOW + 1) * (WINDOW + 1) <= i8::MAX as usize,
    "a wider window overflows the column vote's keys"
);

/// A histogram of votes over column widths, modulo 256 (see
/// [`vote_columns`]): adding a vote adds a byte a width, 16 in one go.
#[derive(Debug)]
struct Bins {
    /// `bins[w]`: the weight of the lines consistent with a column of `w`
    /// half-em.
    bins: [u8; BINS],
}

impl Bins {
    fn zero() -> Self {
        Bins { bins: [0; BINS] }
    }

    /// Adds a line's vote with `weight`; returns the weight if the line
    /// votes, else zero.
    #[inline(always)]
    fn add(&mut self, vote: &Vote, weight: i8) -> i32 {
        let (base, hi) = (usize::from(vote.base), usize::from(vote.hi));
        // (A byte: no bounds check.)
        let mask = &MASKS[usize::from(vote.mask)];
        let bits = weight as u8;
        // No vote, or one wider than two chunks: rare, told by one test.
        if vote.reach != Reach::TwoChunks {
            if vote.reach == Reach::None {
                return 0;
            }
            for bin in self.bins.iter_mut().take(hi + 1).skip(base + 2 * LANES) {
                *bin = bin.wrapping_add(bits);
            }
        }
        debug_assert_eq!(
            vote.reach,
            if base > hi {
                Reach::None
            } else if hi >= base + 2 * LANES {
                Reach::Wider
            } else {
                Reach::TwoChunks
            },
            "a vote's reach"
        );
        // Always there: `base` is a byte (see `BINS`).
        if let Some(bins) = self.bins.get_mut(base..base + 2 * LANES) {
            for (bin, mask) in bins.iter_mut().zip(mask) {
                *bin = bin.wrapping_add(mask & bits);
            }
        }
        i32::from(weight)
    }
}

/// A histogram whose bins are *keys*: `256 * weight + width`, so that the
/// greatest key is the widest width with the most weight. (A width gets at
/// most `(WINDOW + 1)²` weight from a window, so keys stay below
/// `i16::MAX`: see the assertion on [`Bins`].)
#[derive(Debug)]
struct Keys {
    keys: [i16; BINS],
}

impl Keys {
    /// The keys of `weights`.
    fn of(weights: &Bins) -> Self {
        let mut keys = Keys { keys: [0; BINS] };
        for (w, (key, &weight)) in keys.keys.iter_mut().zip(&weights.bins).enumerate() {
            *key = (i16::from(weight) << 8) + w as i16;
        }
        keys
    }

    /// `self += delta` over `span`, width by width, where `delta` is zero
    /// outside it, then the greatest key there (`i16::MIN` for an empty
    /// span).
    fn slide(&mut self, delta: &Bins, span: std::ops::Range<usize>) -> i16 {
        let mut best = [i16::MIN; 2 * LANES];
        // Two chunks at a time, each a fixed-size array: the lanes
        // vectorize, and no iterator over chunks is set up per line.
        let mut at = span.start / LANES * LANES;
        while at < span.end {
            let (Some(keys), Some(delta)) = (
                self.keys.get_mut(at..at + 2 * LANES),
                delta.bins.get(at..at + 2 * LANES),
            ) else {
                break;
            };
            let keys: &mut [i16; 2 * LANES] = keys.try_into().expect("two chunks");
            let delta: &[u8; 2 * LANES] = delta.try_into().expect("two chunks");
            for lane in 0..2 * LANES {
                // A byte's weight, modulo 256, in the high byte of a key.
                keys[lane] = keys[lane].wrapping_add((u16::from(delta[lane]) << 8) as i16);
                best[lane] = best[lane].max(keys[lane]);
            }
            at += 2 * LANES;
        }
        best.into_iter().max().unwrap_or(i16::MIN)
    }
}

/// A line's vote, ready to add to a histogram.
#[derive(Clone, Copy, Debug)]
struct Vote {
    /// The first width of the chunk the vote starts in (`u8::MAX` for a
    /// line that does not vote).
    base: u8,
    /// The widest width voted for.
    hi: u8,
    /// Whether the line votes, and within two chunks from `base`.
    reach: Reach,
    /// Which of [`MASKS`] holds all ones for every width from `base` on in
    /// two chunks that the line votes for, zero for the others.
    mask: u8,
}

/// How far a [`Vote`] reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// Within two chunks from its base: its mask holds it (most votes).
    TwoChunks,
    /// The line does not vote.
    None,
    /// Past two chunks: every width after them up to its widest too.
    Wider,
}

impl Vote {
    /// The vote for the widths `lo..=hi` (none if `lo > hi`).
    #[cfg(test)]
    fn new((lo, hi): (usize, usize)) -> Vote {
        if lo > hi {
            Vote::NONE
        } else {
            Vote::spanning(lo, hi)
        }
    }

    /// The empty vote of a line that does not vote.
    const NONE: Vote = Vote {
        base: u8::MAX,
        hi: 0,
        reach: Reach::None,
        mask: 0,
    };

    /// `line`'s vote (see [`votes_for`]).
    #[inline]
    fn of(line: &Line) -> Vote {
        match votes_for(line) {
            // (Never empty: `lo` is at most the line's width, `hi` more.)
            Some((lo, hi)) => {
                debug_assert!(lo <= hi, "a line's vote is not empty");
                Vote::spanning(lo as usize, hi as usize)
            }
            None => Vote::NONE,
        }
    }

    /// The vote for the widths `lo..=hi`, not empty.
    #[inline]
    fn spanning(lo: usize, hi: usize) -> Vote {
        // The lanes from `from` (in the first chunk) to `to` (in two).
        let base = lo / LANES * LANES;
        let (from, to) = (lo - base, (hi - base).min(2 * LANES - 1));
        let mask = from * 2 * LANES + to;
        debug_assert!(mask < LANES * 2 * LANES, "a vote's mask");
        // (Widths up to `MAX_COLUMN + 2`: see `BINS`.)
        debug_assert!(hi <= MAX_COLUMN as usize + 2, "a vote's widest width");
        Vote {
            base: base as u8,
            hi: hi as u8,
            reach: if hi >= base + 2 * LANES {
                Reach::Wider
            } else {
                Reach::TwoChunks
            },
            mask: mask as u8,
        }
    }
}

/// The column a window's greatest key (see [`Keys`]) stands for, if
/// enough lines agree on it; `voters` is the weight of the window's voters.
fn best_of(key: i16, voters: i32) -> Option<u32> {
    let (best, at) = (i32::from(key >> 8), key & 0xff);
    // Three lines, and at least two in five of the window, must agree:
    // flowing text has no column and must come back unchanged.
    (best >= 3 * WINDOW as i32 && best * 5 >= voters * 2 && at as u32 >= MIN_COLUMN)
        .then_some(at as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(texts: &[&str]) -> Vec<Line> {
        let text = texts.join("\n");
        crate::line::raw_lines(&text)
            .enumerate()
            .filter_map(|(number, raw)| Line::measure(&text, raw, number, 0, true))
            .collect()
    }

    /// A section's first lines: 2 em short (lost indent), as full as the
    /// rest (flush), or set in by spaces kept in the text.
    #[test]
    fn openings_read_from_the_first_lines() {
        let full = "一二三四五六七八九十一二三四";
        let lost = "一二三四五六七八九十一二";
        let last = "一二三四。";
        let page = |first: &str| {
            let mut lines = Vec::new();
            for _ in 0..5 {
                lines.extend([first, full, full, last]);
            }
            measured(&lines)
        };
        let columns = vec![Some(28); 20];
        assert_eq!(Openings::of(&page(full), &columns), Openings::Flush);
        assert_eq!(Openings::of(&page(lost), &columns), Openings::LostIndent);
        let indented = format!("\u{3000}\u{3000}{lost}");
        assert_eq!(Openings::of(&page(&indented), &columns), Openings::Indented);
        // Lines with blank lines between them are not read (a double-spaced
        // section comes without them): the default reading.
        let mut spaced = page(full);
        for line in spaced.iter_mut().skip(1) {
            line.blanks_before = 1;
        }
        assert_eq!(Openings::of(&spaced, &columns), Openings::LostIndent);
        // Two first lines as full as the lines after them, and none short:
        // flush (a book's page has few paragraph ends). One is too little
        // evidence: the usual reading.
        let few = &page(full)[..12];
        assert_eq!(Openings::of(few, &columns[..12]), Openings::Flush);
        let one = &page(full)[..8];
        assert_eq!(Openings::of(one, &columns[..8]), Openings::LostIndent);
        // A heading after a paragraph's end is far shorter than a first
        // line that lost its indent: no evidence of one.
        let heading = "一二三四";
        let mut lines = Vec::new();
        for k in 0..6 {
            lines.extend([if k % 2 == 0 { heading } else { full }, full, full, last]);
        }
        let columns = vec![Some(28); lines.len()];
        assert_eq!(Openings::of(&measured(&lines), &columns), Openings::Flush);
        // Two headings centred by spaces do not make a page of lost
        // indents one that kept them: most paragraph ends are followed by
        // an unindented first line.
        let mut lines = Vec::new();
        for k in 0..5 {
            if k % 2 == 1 {
                lines.push("      小标题");
            }
            lines.extend([lost, full, full, last]);
        }
        let columns = vec![Some(28); lines.len()];
        assert_eq!(
            Openings::of(&measured(&lines), &columns),
            Openings::LostIndent
        );
    }

    /// A spread line was stretched to its column only if the next line's
    /// first chunk could not fit on it: one far short of the column is a
    /// short line spaced out (OCR, tracked headings), judged by its width.
    #[test]
    fn a_spread_line_is_full_only_near_its_column() {
        let lines = measured(&[
            "一 二 三 四 五 六 七 八 九 十 一 二",
            "一 二 三 四 五 六",
            "一 二 三 四 五 六 七 八 九 十 一。",
        ]);
        assert!(lines.iter().all(|line| line.shape.letter_spaced));
        let (near, short, sentence) = (&lines[0], &lines[1], &lines[2]);
        // 2 em short before a chunk of 2 em (a character pushed on by the
        // mark after it): stretched. Before one ideograph, which would
        // have fitted: spaced otherwise.
        assert_eq!(fit(near, 28, 4), Fit::Full);
        assert_eq!(fit(near, 28, 2), Fit::IndentShort);
        assert_eq!(fit_as_set(near, 28, 0), Fit::IndentShort);
        assert_eq!(fit(short, 28, 2), Fit::Short);
        // Before a long word that did not fit, it was stretched.
        assert_eq!(fit(short, 28, 16), Fit::Full);
        // A paragraph's last line is not justified: its width tells.
        assert_eq!(fit(sentence, 28, 2), Fit::IndentShort);
    }

    /// Pieces too short to vote take the column of the line they go on
    /// from: across a compressed mark, or a printed line's end mid-word.
    #[test]
    fn pieces_take_the_column_they_go_on_from() {
        let lines = measured(&["一二三四五六七八九十一二三四", "五六七", "八九，", "十一"]);
        let mut columns = vec![Some(28), None, None, None];
        spread_into_pieces(&lines, &mut columns);
        assert_eq!(columns, [Some(28); 4]);
        // Not across a blank line, nor after a sentence end that is not cut.
        let mut after_blank = lines.clone();
        after_blank[1].blanks_before = 1;
        let mut columns = vec![Some(28), None, None, None];
        spread_into_pieces(&after_blank, &mut columns);
        assert_eq!(columns, [Some(28), None, None, None]);
    }

    /// Spreading columns run by run settles every column as the two passes
    /// line by line do.
    #[test]
    fn pieces_by_runs_agree_with_passes_line_by_line() {
        let pool = measured(&[
            "一二三四五六七八九十一二三四",
            "五六七",
            "八九，",
            "十一",
            "“冻",
            "结”的",
            "    缩进的一行",
            "一二三四五六七八九十。",
        ]);
        let mut seed = 24_680u32;
        let mut random = move |below: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) % below
        };
        for _ in 0..3000 {
            let n = random(40) as usize;
            let lines: Vec<Line> = (0..n)
                .map(|_| {
                    let mut line = pool[random(pool.len() as u32) as usize];
                    line.blanks_before = u32::from(random(8) == 0);
                    line
                })
                .collect();
            let columns: Vec<Option<u32>> = (0..n)
                .map(|_| [None, None, Some(28), Some(20), Some(8)][random(5) as usize])
                .collect();
            let (mut by_runs, mut by_lines) = (columns.clone(), columns.clone());
            spread_into_pieces(&lines, &mut by_runs);
            spread_into_pieces_line_by_line(&lines, &mut by_lines);
            assert_eq!(by_runs, by_lines, "columns {columns:?}");
        }
    }

    /// The sliding histograms find what counting every window afresh finds:
    /// the widest width with the most weighted votes, if enough agree.
    #[test]
    fn sliding_votes_agree_with_counting_each_window() {
        let mut seed = 987_654_321u32;
        let mut random = move |below: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) % below
        };
        for round in 0..300 {
            let n = 1 + random(90) as usize;
            let base = 10 + random(100) as usize;
            let votes: Vec<(usize, usize)> = (0..n)
                .map(|_| {
                    // Some rounds with long runs of lines that do not vote.
                    let silent = [1, 15, 19][round % 3];
                    if random(20) < silent {
                        return NO_VOTE;
                    }
                    let lo = (base + random(8) as usize).saturating_sub(4).min(118);
                    let len = if round % 10 == 0 {
                        random(40)
                    } else {
                        random(9)
                    } as usize;
                    (lo, (lo + len).min(MAX_COLUMN as usize + 2))
                })
                .collect();
            let mut columns = Vec::new();
            let none = [NO_VOTE; WINDOW + 1];
            let ready: Vec<Vote> = none
                .iter()
                .chain(&votes)
                .chain(&none)
                .map(|&vote| Vote::new(vote))
                .collect();
            vote_columns(
                &ready,
                voted_widths(&ready),
                std::iter::repeat(true),
                &mut columns,
            );
            let expected: Vec<Option<u32>> = (0..n)
                .map(|i| {
                    let mut weighted = [0i16; MAX_COLUMN as usize + 4];
                    let mut voters = 0;
                    for (j, &(lo, hi)) in votes.iter().enumerate() {
                        let distance = i.abs_diff(j);
                        if distance <= WINDOW && lo <= hi {
                            let weight = (WINDOW + 1 - distance) as i16;
                            voters += weight;
                            for v in &mut weighted[lo..=hi] {
                                *v += weight;
                            }
                        }
                    }
                    let best = weighted.iter().copied().max().unwrap_or(0);
                    let at = weighted.iter().rposition(|&v| v == best).unwrap_or(0);
                    (best >= 3 * WINDOW as i16 && best * 5 >= voters * 2 && at as u32 >= MIN_COLUMN)
                        .then_some(at as u32)
                })
                .collect();
            assert_eq!(columns, expected, "votes {votes:?}");
        }
    }

    /// `voted_widths` covers every width any line votes for, and is empty
    /// when no line votes.
    #[test]
    fn voted_widths_cover_every_vote() {
        // A fixed pseudo-random sequence of votes, some empty.
        let mut seed = 12345u32;
        let votes: Vec<(usize, usize)> = (0..300)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let lo = (seed >> 8) as usize % 100;
                let len = (seed >> 20) as usize % 12;
                if seed % 5 == 0 {
                    NO_VOTE
                } else {
                    (lo, lo + len)
                }
            })
            .collect();
        let ready: Vec<Vote> = votes.iter().map(|&vote| Vote::new(vote)).collect();
        for a in 0..votes.len() {
            for b in a..(a + 20).min(votes.len()) {
                let span = voted_widths(&ready[a..=b]);
                for &(lo, hi) in &votes[a..=b] {
                    if lo <= hi {
                        assert!(span.start <= lo && hi < span.end, "{a}..={b}: {span:?}");
                    }
                }
            }
        }
        assert!(voted_widths(&[Vote::new(NO_VOTE), Vote::new(NO_VOTE)]).is_empty());
    }
}

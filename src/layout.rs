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

use crate::line::Line;

/// Lines on each side of a line that vote on its column width.
pub(crate) const WINDOW: usize = 8;

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

/// The column widths (in half-em) a line is consistent with if it is full.
fn votes_for(line: &Line) -> Option<(u32, u32)> {
    if line.shape.preformatted || line.width > MAX_COLUMN || line.width < MIN_COLUMN - 4 {
        return None;
    }
    let lo = line.min_width().saturating_sub(1);
    let hi = (line.max_width() + 2).min(MAX_COLUMN + 2);
    Some((lo, hi))
}

/// How `line` fills a column `column` half-em wide, given the width of the
/// next line's first unbreakable chunk (which did not fit on this line).
pub(crate) fn fit(line: &Line, column: u32, next_chunk: u32) -> Fit {
    if line.shape.letter_spaced {
        return Fit::Full;
    }
    if line.min_width() > column + 4 {
        Fit::Overlong
    } else if line.max_width() + 2 >= column
        // The next line's first chunk did not fit. Only for a line at least
        // half full: a short heading before a long word is still short.
        || (line.max_width() * 2 >= column && line.max_width() + next_chunk > column)
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
/// The estimates are appended to `columns`.
pub(crate) fn estimate_columns(lines: &[Line], fixed: Option<u32>, columns: &mut Vec<Option<u32>>) {
    if let Some(width) = fixed {
        columns.resize(columns.len() + lines.len(), Some(width));
        return;
    }
    let n = lines.len();
    // `adjacent[j]`: pairs of lines up to `j` with no blank line between them.
    // Where every line stands between blank lines, nothing is hard-wrapped:
    // it is flowing text, one paragraph per block.
    let mut adjacent = Vec::with_capacity(n);
    let mut count = 0u32;
    for (j, line) in lines.iter().enumerate() {
        if j > 0 && line.blanks_before == 0 {
            count += 1;
        }
        adjacent.push(count);
    }
    // Line `j` votes for line `i` with weight `WINDOW + 1 - |i - j|`. Moving
    // from `i` to `i + 1` adds one to the weight of every line after `i` and
    // takes one from every line up to `i`, so the weighted histogram slides
    // with two plain ones: `weighted += after - upto`.
    // Only widths some line votes for can win: slide over those alone.
    let range = lines
        .iter()
        .filter_map(votes_for)
        .fold(None, |acc: Option<(u32, u32)>, (lo, hi)| {
            Some(acc.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
        })
        .map_or(0..0, |(lo, hi)| lo as usize..hi as usize + 1);
    let mut weighted = Histogram::new(range.clone());
    let mut upto = Histogram::new(range.clone()); // lines i-WINDOW ..= i
    let mut after = Histogram::new(range); // lines i+1 ..= i+WINDOW+1
    for (j, line) in lines.iter().enumerate().take(WINDOW + 1) {
        weighted.add(line, (WINDOW + 1 - j) as i16);
    }
    if let Some(first) = lines.first() {
        upto.add(first, 1);
    }
    for line in lines.iter().take(WINDOW + 2).skip(1) {
        after.add(line, 1);
    }
    for i in 0..n {
        let lo = i.saturating_sub(WINDOW);
        let hi = (i + WINDOW + 1).min(n);
        let wrapped = adjacent[hi - 1] != adjacent[lo];
        columns.push(if wrapped { weighted.best() } else { None });
        weighted.slide(&after, &upto);
        if let Some(line) = lines.get(i + 1) {
            upto.add(line, 1);
            after.add(line, -1);
        }
        if i >= WINDOW {
            upto.add(&lines[i - WINDOW], -1);
        }
        if let Some(line) = lines.get(i + WINDOW + 2) {
            after.add(line, 1);
        }
    }
}

#[derive(Debug)]
struct Histogram {
    /// `votes[w]`: lines in the window consistent with a column of `w` half-em.
    votes: [i16; MAX_COLUMN as usize + 4],
    /// Lines in the window that vote at all.
    voters: i16,
    /// The widths any line of the section votes for; the rest stay zero.
    range: std::ops::Range<usize>,
}

impl Histogram {
    fn new(range: std::ops::Range<usize>) -> Self {
        Histogram {
            votes: [0; MAX_COLUMN as usize + 4],
            voters: 0,
            range,
        }
    }

    /// `self += plus - minus`, width by width.
    fn slide(&mut self, plus: &Histogram, minus: &Histogram) {
        let r = self.range.clone();
        for ((v, p), m) in self.votes[r.clone()]
            .iter_mut()
            .zip(&plus.votes[r.clone()])
            .zip(&minus.votes[r])
        {
            *v += p - m;
        }
        self.voters += plus.voters - minus.voters;
    }

    fn add(&mut self, line: &Line, weight: i16) {
        if let Some((lo, hi)) = votes_for(line) {
            for v in &mut self.votes[lo as usize..=hi as usize] {
                *v += weight;
            }
            self.voters += weight;
        }
    }

    /// The widest width with the most votes, if enough lines agree on it.
    fn best(&self) -> Option<u32> {
        let votes = &self.votes[self.range.clone()];
        // Two simple passes (both vectorize) rather than one branchy one.
        let best = votes.iter().copied().max().unwrap_or(0);
        let at = self.range.start + votes.iter().rposition(|&v| v == best).unwrap_or(0);
        // Three lines, and at least two in five of the window, must agree:
        // flowing text has no column and must come back unchanged.
        (best >= 3 * WINDOW as i16 && best * 5 >= self.voters * 2 && at as u32 >= MIN_COLUMN)
            .then_some(at as u32)
    }
}

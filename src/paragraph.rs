//! The pipeline tied together: [`Analysis`] runs stages 1–3 over a text, and
//! the public [`Paragraph`], [`Paragraphs`] and [`BreakPoint`] types report
//! what it found.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::ops::Range;

use crate::classify::{char_width, CharRole};
use crate::decide::{
    decide_noting_full, glyph_goes_on, glyph_plain, glyph_takes_in, is_folio_line, line_so_far,
    single_glyph, Action, BreakContext, Reason,
};
use crate::join;
use crate::layout::{
    estimate_columns, fit, page_end, pages_read_alone, set_in_as_kept, BlankLines, ColumnScratch,
    Fit, Openings, MAX_COLUMN, MIN_COLUMN,
};
use crate::line::{Furniture, Line, LineCounter, SectionCut};
use crate::printed::{self, PrintedScratch};
use crate::records;
use crate::Reflower;

/// Stages 1–3 over one text: the measured non-blank lines, the column around
/// each, and the decision at each break point between consecutive lines.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    pub lines: Vec<Line>,
    pub columns: Vec<Option<u32>>,
    /// `printed_columns[i]`: the column of the section (or page) of
    /// `lines[i]` when an extractor cut it into pieces of printed lines
    /// (see [`printed::column_of_pieces`]); stage 2 reads it, and stage 3b
    /// rebuilds the printed lines at it.
    printed_columns: Vec<Option<u32>>,
    /// `openings[i]`: how the paragraphs of the section of `lines[i]` open.
    pub openings: Vec<Openings>,
    /// `blank_lines[i]`: what the blank lines of the section of `lines[i]`
    /// stand for.
    pub blank_lines: Vec<BlankLines>,
    /// `decisions[i]` is the break between `lines[i]` and `lines[i + 1]`.
    pub decisions: Vec<(Action, Reason)>,
    /// Whether the input ends with a line terminator (its last line is complete).
    pub ends_with_newline: bool,
    /// Buffers kept between sections, so that a long run of them does not
    /// allocate for each.
    scratch: Scratch,
}

/// Working buffers of [`Analysis`].
#[derive(Debug, Default)]
struct Scratch {
    columns: ColumnScratch,
    printed: PrintedScratch,
    /// A double-spaced section's lines with their blank lines taken out
    /// (see [`unspaced`]).
    unspaced: Vec<Line>,
    /// The settling check's analysis of the output.
    check: Option<Box<Analysis>>,
    /// Widths of lines (see [`fills_a_column`]).
    widths: Vec<u32>,
    /// `ends[k]`: the last input line of output paragraph `k`.
    ends: Vec<usize>,
}

impl Analysis {
    /// Runs stages 1–3 over `text` and settles the result (see [`Analysis::settle`]).
    pub(crate) fn run(text: &str, reflower: &Reflower) -> Analysis {
        let mut analysis = Analysis::default();
        analysis.fill(text, reflower);
        analysis.settle(text, reflower);
        analysis
    }

    /// Makes the decisions a fixed point, so that reflowing the output again
    /// changes nothing.
    ///
    /// Joining lines changes what the decision stage sees: a paragraph's output
    /// line is wider than any of its input lines, and a fragment joined by
    /// kinsoku can make a short line look full. So the output is decided once
    /// more, one line per paragraph, each line composed from its parts (see
    /// [`Line::compose_onto`]; debug builds check it against a rescan); a join found
    /// there, or a paragraph break written differently, is carried back onto
    /// the boundary between the two paragraphs, and the check repeats. On
    /// real pages the first check finds nothing.
    ///
    /// Each round that changes anything joins two paragraphs or turns a kept
    /// break into a paragraph break, and nothing undoes either, so there are
    /// fewer than twice as many rounds as lines: settling always ends at a
    /// fixed point. A rule that fires on a joined line but on neither of its
    /// parts joins one more paragraph per round, which makes a long section
    /// cost one round per paragraph; debug builds (the property tests and the
    /// fuzz target) assert that no section needs more than 16 rounds, so that
    /// such a rule is found and fixed.
    pub(crate) fn settle(&mut self, text: &str, reflower: &Reflower) {
        self.settle_into(text, reflower, &mut String::new());
    }

    /// [`Analysis::settle`], leaving the settled output's body (without the
    /// final newline) appended to `out`: the last check wrote it already.
    pub(crate) fn settle_into(&mut self, text: &str, reflower: &Reflower, out: &mut String) {
        let base = out.len();
        let mut check = self.scratch.check.take().unwrap_or_default();
        // `ends[k]` is the index of the last input line of paragraph `k`,
        // which is output line `k`.
        let mut ends = std::mem::take(&mut self.scratch.ends);
        self.settle_rounds(text, reflower, out, base, &mut check, &mut ends);
        self.scratch.check = Some(check);
        self.scratch.ends = ends;
    }

    /// The rounds of [`Analysis::settle_into`].
    fn settle_rounds(
        &mut self,
        text: &str,
        reflower: &Reflower,
        out: &mut String,
        base: usize,
        check: &mut Analysis,
        ends: &mut Vec<usize>,
    ) {
        /// Rounds debug builds allow before they call a rule suspect.
        const EXPECTED_ROUNDS: usize = 16;
        let separator_blanks = separator_blanks(reflower);
        // Every break kept and every line written whole: the output is the
        // input's lines with its blank lines, so deciding it again sees the
        // same lines and decides the same. Debug builds check it anyway.
        let unchanged = self.keeps_every_line(text, reflower);
        if unchanged && !cfg!(debug_assertions) {
            self.write_kept_lines(text, reflower, out);
            return;
        }
        #[cfg(debug_assertions)]
        if unchanged {
            let (mut kept, mut body) = (String::new(), String::new());
            self.write_kept_lines(text, reflower, &mut kept);
            self.write_body(text, reflower, &mut body);
            assert_eq!(kept, body, "copying kept lines in runs");
        }
        // A section that is one paragraph is one output line, with no break
        // to decide again: written as the first round would write it, and
        // settled (debug builds run the round).
        let one_paragraph = !self.lines.is_empty() && self.paragraph_end(0) == self.lines.len();
        if one_paragraph && !cfg!(debug_assertions) {
            self.write_paragraph(text, reflower, 0, self.lines.len(), true, true, out);
            return;
        }
        // Each changing round adds a join or a separator and removes neither:
        // at most `2 * (lines - 1)` rounds change something.
        let bound = 2 * self.lines.len();
        // Whether any line keeps its lead, read once for every round (most
        // sections have none: no paragraph is then read for one).
        let leads = self
            .lines
            .iter()
            .fold(false, |any, line| any | line.keeps_its_lead());
        for round in 0..=bound {
            debug_assert!(
                round < EXPECTED_ROUNDS,
                "settling did not converge in {EXPECTED_ROUNDS} rounds"
            );
            // The output, one line per paragraph, measured by composing each
            // paragraph's lines rather than by scanning the output again.
            out.truncate(base);
            check.lines.clear();
            ends.clear();
            let mut i = 0;
            while i < self.lines.len() {
                let end = self.paragraph_end(i);
                let mut blanks = 0;
                if i > 0 {
                    let (action, _) = self.decisions[i - 1];
                    blanks = match action {
                        Action::Break => separator_blanks,
                        _ => self.lines[i].blanks_written(),
                    };
                    join::write_separator(
                        out,
                        action,
                        self.lines[i].blanks_written(),
                        reflower.options.separator,
                    );
                }
                let start = out.len();
                let any_spaced = self.write_paragraph(text, reflower, i, end, true, leads, out);
                // (Read only when a seam has a space: a long paragraph of
                // ideographs has none.)
                let seams = if any_spaced { i + 1..end } else { end..end };
                let spaced = seams.map(|j| self.decisions[j - 1].0 == Action::JoinWithSpace);
                Line::compose_onto(
                    &self.lines[i..end],
                    spaced,
                    text,
                    out,
                    start..out.len(),
                    ends.len(),
                    blanks,
                    reflower.wide_ambiguous,
                    leads,
                    &mut check.lines,
                );
                ends.push(end - 1);
                i = end;
            }
            check.estimate(out, reflower);
            check.decide_all::<false>(None);
            #[cfg(debug_assertions)]
            check.assert_same_as_measured(&out[base..], reflower);
            let mut changed = false;
            for (k, &(action, reason)) in check.decisions.iter().enumerate() {
                let (prev, next) = (ends[k], ends[k] + 1);
                if action.is_join() {
                    let seam = join::seam(text, &self.lines[prev], &self.lines[next]);
                    self.decisions[prev] = (seam, reason);
                    changed = true;
                } else if action == Action::Break
                    && check.lines[k + 1].blanks_before != separator_blanks
                {
                    self.decisions[prev] = (action, reason);
                    changed = true;
                }
            }
            if !changed {
                return;
            }
            debug_assert!(!unchanged, "a section of kept lines changed on settling");
            debug_assert!(
                !one_paragraph,
                "a section of one paragraph changed on settling"
            );
        }
        // Unreachable by the count above; written as the last round decided
        // rather than panicking, should that count ever be wrong.
        debug_assert!(false, "settling changed something in {bound} rounds");
        out.truncate(base);
        self.write_body(text, reflower, out);
    }

    /// Whether every line is written exactly as it came (its indent
    /// included) with the blank lines that came before it: every break is
    /// kept, or a paragraph break already written as the separator.
    fn keeps_every_line(&self, text: &str, reflower: &Reflower) -> bool {
        self.keeps_lines(0..self.lines.len(), text, reflower)
    }

    /// [`Analysis::keeps_every_line`] for the lines in `range` and the breaks
    /// between them.
    pub(crate) fn keeps_lines(&self, range: Range<usize>, text: &str, reflower: &Reflower) -> bool {
        let indent = reflower.options.indent;
        let separator_blanks = separator_blanks(reflower);
        let breaks_kept = range.len() < 2
            || self.decisions[range.start..range.end - 1]
                .iter()
                .zip(&self.lines[range.start + 1..range.end])
                .all(|(&(action, _), next)| match action {
                    Action::Keep => true,
                    Action::Break => next.blanks_before == separator_blanks,
                    _ => false,
                });
        indent != crate::Indent::Ideographic
            && breaks_kept
            && self.lines[range].iter().all(|line| {
                join::first_line_start(text, line, line.keeps_its_lead(), indent) == line.start
            })
    }

    /// Checks that composing the output's lines decided what measuring the
    /// output afresh decides (debug builds: the property tests run this).
    #[cfg(debug_assertions)]
    fn assert_same_as_measured(&self, out: &str, reflower: &Reflower) {
        let mut measured = Analysis::default();
        measured.fill(out, reflower);
        let simple = |d: &[(Action, Reason)]| -> Vec<(bool, Reason)> {
            d.iter().map(|&(a, r)| (a.is_join(), r)).collect()
        };
        assert_eq!(
            simple(&self.decisions),
            simple(&measured.decisions),
            "output {out:?}"
        );
        assert_eq!(self.columns, measured.columns, "output {out:?}");
    }

    /// Runs the first `stages` stages (see [`crate::stages`]).
    pub(crate) fn stages(text: &str, reflower: &Reflower, stages: u8) -> usize {
        let mut a = Analysis::default();
        a.fill_stages(text, reflower, stages);
        if stages >= 4 {
            a.settle(text, reflower);
        }
        a.lines.len() + a.columns.len() + a.decisions.len()
    }

    pub(crate) fn fill(&mut self, text: &str, reflower: &Reflower) {
        self.fill_stages(text, reflower, 3);
    }

    fn fill_stages(&mut self, text: &str, reflower: &Reflower, stages: u8) {
        self.lines.clear();
        self.columns.clear();
        self.printed_columns.clear();
        self.openings.clear();
        self.blank_lines.clear();
        self.decisions.clear();
        let mut counter = LineCounter::default();
        let mut section_start = 0;
        let mut cut_any = false;
        let mut next = 0;
        while next < text.len() {
            let before = self.lines.len();
            // Up to a line that opens a section or is one too many.
            next = counter.measure_run(
                text,
                next,
                reflower.wide_ambiguous,
                &mut self.lines,
                section_start + reflower.section_lines,
            );
            if self.lines.len() > before {
                let last = self.lines.len() - 1;
                if starts_section(&self.lines[last]) {
                    section_start = last;
                }
                if self.lines.len() - section_start > reflower.section_lines {
                    section_start += cut_long_section(&mut self.lines[section_start..]);
                    cut_any = true;
                }
            }
        }
        self.ends_with_newline = text.ends_with(['\n', '\r']);
        if stages >= 2 {
            self.estimate(text, reflower);
        }
        if stages >= 3 {
            self.decide_all::<false>(Some(text));
            if cut_any {
                self.resolve_cuts(text, reflower);
            }
        }
    }

    /// Decides how each cut of a long section is written (see
    /// [`SectionCut`]): silently when the sections on both sides keep every
    /// line as it came, marked with two blank lines otherwise. Text that is
    /// not hard-wrapped thus comes back unchanged however long it runs.
    fn resolve_cuts(&mut self, text: &str, reflower: &Reflower) {
        let mut start = 0;
        let mut before_unchanged = None;
        for j in 1..=self.lines.len() {
            if j == self.lines.len() || starts_section(&self.lines[j]) {
                let unchanged = self.keeps_lines(start..j, text, reflower);
                if let Some(before) = before_unchanged {
                    let read = self.lines[start].blanks_read();
                    self.lines[start].cut = cut_written(before && unchanged, read);
                }
                before_unchanged = (j < self.lines.len() && self.lines[j].cut != SectionCut::None)
                    .then_some(unchanged);
                start = j;
            }
        }
    }

    /// Stages 2–3 over the lines already measured (from `text`): one
    /// section, as `stream::SectionWriter` collects them, so no line but
    /// the first opens one and [`Analysis::estimate`] need not look.
    pub(crate) fn analyse_section(&mut self, text: &str, reflower: &Reflower) {
        debug_assert!(!self.lines.iter().skip(1).any(starts_section));
        self.columns.clear();
        self.printed_columns.clear();
        self.openings.clear();
        self.blank_lines.clear();
        let n = self.lines.len();
        strip_margin(&mut self.lines, text);
        if reflower.fixed_column.is_none() && self.decide_glyph_section(text) {
            // Stage 2 finds nothing in such a section: a column needs three
            // lines that vote for one, and a single glyph is too narrow to
            // vote; line spacing needs blank lines. Debug builds run both
            // stages and check.
            self.columns.resize(n, None);
            self.openings.resize(n, Openings::default());
            self.blank_lines.resize(n, BlankLines::default());
            #[cfg(debug_assertions)]
            self.assert_glyph_section_as_estimated(text, reflower);
        } else {
            self.estimate_pages(0..n, text, reflower);
            self.decide_all::<true>(Some(text));
        }
    }

    /// Checks the shortcut of [`Analysis::analyse_section`] for a section
    /// of single glyphs against stages 2 and 3 in full.
    #[cfg(debug_assertions)]
    fn assert_glyph_section_as_estimated(&mut self, text: &str, reflower: &Reflower) {
        let lines = self.lines.clone();
        let fast_printed_columns = std::mem::take(&mut self.printed_columns);
        let fast = (
            std::mem::take(&mut self.columns),
            std::mem::take(&mut self.openings),
            std::mem::take(&mut self.blank_lines),
            std::mem::take(&mut self.decisions),
        );
        self.estimate_pages(0..lines.len(), text, reflower);
        self.decide_all::<true>(Some(text));
        assert_eq!(lines, self.lines, "a section of single glyphs");
        assert_eq!(fast.0, self.columns, "a section of single glyphs");
        assert_eq!(
            fast_printed_columns, self.printed_columns,
            "a section of single glyphs"
        );
        assert_eq!(fast.1, self.openings, "a section of single glyphs");
        assert_eq!(fast.2, self.blank_lines, "a section of single glyphs");
        assert_eq!(fast.3, self.decisions, "a section of single glyphs");
    }

    /// Stages 2 and 3 for a section of single glyphs and nothing else, as an
    /// extractor leaves a stretched line it set one glyph a line (a million
    /// one-character lines, at worst): with no column and no line spacing,
    /// the glyph-run rule joins every break, and no rule before it applies
    /// (see [`crate::decide::glyph_run_goes_on`]), so the cascade is skipped. Returns
    /// `false`, deciding nothing, for any other section.
    fn decide_glyph_section(&mut self, text: &str) -> bool {
        let lines = &self.lines[..];
        if lines.len() < 2
            // The first break: nothing joined before it, so the rule asks
            // for a glyph on both sides (and `prev` opens the section: no
            // running header before it).
            || !single_glyph(&lines[1])
        {
            return false;
        }
        // Stage 2 marks nothing in such a section but a command or heading
        // at its ends (`>>> 一`, see `mark_code_lines`): none is allowed.
        let last = lines.len() - 1;
        let may_be_command = |line: &Line| {
            matches!(
                text.as_bytes().get(line.text_start),
                Some(b'$' | b'#' | b'>')
            )
        };
        if may_be_command(&lines[0]) || may_be_command(&lines[last]) {
            return false;
        }
        // `glyph_run_goes_on` of every pair, each line read once.
        let mut brackets_before = 0;
        for (i, line) in lines.iter().enumerate() {
            if !(glyph_plain(line)
                && (i == 0 || glyph_takes_in(line))
                && (i == last || glyph_goes_on(line, brackets_before)))
            {
                return false;
            }
            brackets_before += line.brackets;
        }
        #[cfg(debug_assertions)]
        {
            let mut brackets_before = 0;
            for pair in lines.windows(2) {
                assert!(crate::decide::glyph_run_goes_on(
                    &pair[0],
                    &pair[1],
                    brackets_before
                ));
                brackets_before += pair[0].brackets;
            }
        }
        self.decisions.clear();
        self.decisions.extend(
            lines
                .windows(2)
                .map(|pair| (join::seam(text, &pair[0], &pair[1]), Reason::Fragment)),
        );
        self.printed_columns.clear();
        printed::columns_of_pieces(lines, &mut self.printed_columns);
        let section = 0..lines.len();
        rebuild_printed_lines(
            lines,
            &self.printed_columns,
            &mut self.decisions,
            &mut self.scratch,
            false,
            section,
            Some(text),
        );
        true
    }

    /// Stage 2: the column around every line, section by section.
    fn estimate(&mut self, text: &str, reflower: &Reflower) {
        self.columns.clear();
        self.printed_columns.clear();
        self.openings.clear();
        self.blank_lines.clear();
        let mut start = 0;
        while start < self.lines.len() {
            let end = self.lines[start + 1..]
                .iter()
                .position(starts_section)
                .map_or(self.lines.len(), |k| start + 1 + k);
            strip_margin(&mut self.lines[start..end], text);
            self.estimate_pages(start..end, text, reflower);
            start = end;
        }
    }

    /// Stage 2 for the section of `lines[range]`, page by page where its
    /// pages are read alone (see [`pages_read_alone`]).
    ///
    /// What each line is (code, a table's row, verse, spread prose) is read
    /// over the whole section: the output keeps no form feed at a
    /// paragraph's start, and reflowed again must read every line as the
    /// same thing (code fences pair across the pages, for one). The
    /// section's margin is taken off its lines before (see
    /// [`strip_margin`]).
    fn estimate_pages(&mut self, range: Range<usize>, text: &str, reflower: &Reflower) {
        mark_kinds(&mut self.lines[range.clone()], text);
        let section = &self.lines[range.clone()];
        // Whether the paragraphs of a page keep their first lines' indents.
        let mut indented = false;
        if !pages_read_alone(section) {
            indented = self.estimate_section(range.clone(), reflower, None) == Openings::Indented;
        } else {
            // (See `printed::column_of_page_pieces`.)
            let document_column = printed::column_of(section);
            let mut start = 0;
            while start < range.len() {
                let end = page_end(&self.lines[range.clone()], start);
                let openings = self.estimate_section(
                    range.start + start..range.start + end,
                    reflower,
                    document_column,
                );
                indented |= openings == Openings::Indented;
                start = end;
            }
        }
        // (Only where first lines kept their indents: most sections' lines
        // lost them, or have no column.)
        debug_assert_eq!(
            indented,
            self.openings[range.clone()].contains(&Openings::Indented)
        );
        if indented {
            open_with_set_in_words(&mut self.lines[range.clone()], &self.openings[range], text);
        }
    }

    /// Stage 2 for the section (or page) of `lines[range]`, whose lines'
    /// kinds are marked (see [`mark_kinds`]); a page's document (all pages
    /// of its section) cut into pieces has printed lines `document_column`
    /// wide. Returns how its paragraphs open.
    fn estimate_section(
        &mut self,
        range: Range<usize>,
        reflower: &Reflower,
        document_column: Option<u32>,
    ) -> Openings {
        let survey = Survey::of(&self.lines[range.clone()]);
        if survey.spaced_out() {
            for line in &mut self.lines[range.clone()] {
                line.shape.letter_spaced = false;
            }
        }
        let widths = &mut self.scratch.widths;
        let blank_lines = if survey.double_spaced(&self.lines[range.clone()], widths) {
            BlankLines::Spacing
        } else if survey.blank_lines_end_paragraphs() {
            BlankLines::Paragraphs
        } else {
            BlankLines::Breaks
        };
        // Where blank lines are only line spacing, widths and openings are
        // read as if none stood between the lines.
        let section = if blank_lines == BlankLines::Spacing {
            unspaced(&self.lines[range.clone()], &mut self.scratch.unspaced)
        } else {
            &self.lines[range.clone()]
        };
        // A section cut into pieces has one column, which its printed lines
        // rebuilt show (the pieces, short and ragged, would vote for a
        // local one too narrow): every line is judged against it, if it is
        // a width the estimate could find.
        let printed_column = printed::column_of_page_pieces(section, document_column);
        self.printed_columns.resize(range.end, printed_column);
        let printed_column = printed_column.filter(|width| {
            (MIN_COLUMN..=MAX_COLUMN).contains(width)
                && section[1..].iter().all(|line| line.blanks_before == 0)
        });
        // Flowing text may happen to agree on a column here and there: its
        // lines are read as what they are, paragraphs (unless the caller
        // fixed a column: then the text is wrapped at it). Not pieces of
        // printed lines, most of which may end a sentence at a wide measure.
        let every_line = survey.lines_end_sentences(section, &mut self.scratch.widths)
            && reflower.fixed_column.is_none()
            && printed_column.is_none();
        let any_column = if every_line {
            self.columns.resize(range.end, None);
            false
        } else {
            estimate_columns(
                section,
                reflower.fixed_column.or(printed_column),
                &mut self.columns,
                &mut self.scratch.columns,
            )
        };
        // (With no column, `Openings::of` reads nothing: the default.)
        let openings = if every_line {
            Openings::EveryLine
        } else if any_column {
            Openings::of(section, &self.columns[range.clone()])
        } else {
            Openings::default()
        };
        self.openings.resize(range.end, openings);
        self.blank_lines.resize(range.end, blank_lines);
        openings
    }

    /// Stage 3: every break decision. With the text, joins get their seam
    /// (with or without a space); without it they are all [`Action::Join`].
    /// (`ONE_SECTION`: the lines are one section, as `analyse_section`'s
    /// are, so that no line but the first starts one.)
    fn decide_all<const ONE_SECTION: bool>(&mut self, text: Option<&str>) {
        let lines = &self.lines[..];
        debug_assert!(!ONE_SECTION || !lines.iter().skip(1).any(starts_section));
        let columns = &self.columns[..];
        let printed_columns = &self.printed_columns[..];
        debug_assert_eq!(lines.len(), columns.len());
        debug_assert_eq!(lines.len(), printed_columns.len());
        // A section's end (where the loop meets the next one, and after
        // it): stage 3b rebuilds its printed lines where it was cut into
        // pieces, and where still no line is joined (`wrapped`: one was)
        // its paragraph breaks are kept (see `keep_paragraph_breaks`).
        let end = |decisions: &mut [(Action, Reason)],
                   scratch: &mut Scratch,
                   spacing,
                   section: Range<usize>,
                   wrapped| {
            let start = section.start;
            let rebuilt = rebuild_printed_lines(
                lines,
                printed_columns,
                decisions,
                scratch,
                spacing,
                section,
                text,
            );
            if !(wrapped || rebuilt) {
                keep_paragraph_breaks(&mut decisions[start..]);
            }
        };
        let decisions = &mut self.decisions;
        let scratch = &mut self.scratch;
        decisions.clear();
        decisions.reserve(lines.len());
        let mut prev_joined = false;
        // The pieces of the printed line joined before the next break, if
        // any (see `BreakContext::pieces_before`).
        let mut so_far = None;
        let mut brackets_before = 0;
        // Decisions of the section being decided start here; `wrapped`: one
        // of them is a join.
        let mut section_start = 0;
        let mut wrapped = false;
        // The line before `prev`, if any.
        let mut before = None;
        // The section's blank lines are only line spacing.
        let mut blank_lines = self.blank_lines.first().copied().unwrap_or_default();
        for (i, (pair, column)) in lines.windows(2).zip(columns.windows(2)).enumerate() {
            let (prev, next) = (&pair[0], &pair[1]);
            let (column, next_column) = (column[0], column[1]);
            let line_before = before.replace(prev);
            if !ONE_SECTION && starts_section(next) {
                let section = section_start..i + 1;
                let spacing = blank_lines == BlankLines::Spacing;
                end(decisions, scratch, spacing, section, wrapped);
                section_start = i + 1;
                wrapped = false;
                blank_lines = self.blank_lines[i + 1];
                let reason = if next.cut != SectionCut::None {
                    Reason::LongSection
                } else {
                    Reason::SectionBreak
                };
                decisions.push((Action::Keep, reason));
                prev_joined = false;
                so_far = None;
                brackets_before = 0;
                // Nothing before a section's first line is read: sections
                // are decided as if each stood alone.
                before = None;
                continue;
            }
            // (A page of the section may be read alone: see `pages_read_alone`.)
            if next.shape.page_top {
                blank_lines = self.blank_lines[i + 1];
            }
            let after_next = lines
                .get(i + 2)
                .filter(|l| ONE_SECTION || !starts_section(l));
            // Where blank lines are only line spacing, the lines are decided
            // as if none stood between them (copies: the blank lines are
            // still written where a break is kept).
            let unspaced = |line: &Line| Line {
                blanks_before: 0,
                ..*line
            };
            let spaced_copies;
            let (prev, next, before_copy, after_next) = if blank_lines == BlankLines::Spacing {
                spaced_copies = (
                    unspaced(prev),
                    unspaced(next),
                    line_before.map(unspaced),
                    after_next.map(unspaced),
                );
                (
                    &spaced_copies.0,
                    &spaced_copies.1,
                    spaced_copies.2.as_ref(),
                    spaced_copies.3.as_ref(),
                )
            } else {
                (prev, next, line_before, after_next)
            };
            // `prev` opens a page after its running header. After a folio (a
            // page number) the text may go on from the page before: only a
            // short line is the running title a page opens with.
            // (Read only after a break: most breaks follow a join.)
            let opens_page = || {
                before_copy.is_some_and(|b| {
                    b.furniture == Some(Furniture::RunningHeader)
                        && (!is_folio_line(b)
                            || column.map_or(true, |c| fit(prev, c, 0) == Fit::Short))
                })
            };
            let ctx = BreakContext {
                prev,
                next,
                column,
                next_column,
                joined_before: before_copy.filter(|_| prev_joined),
                brackets_before,
                after_header: !prev_joined && !starts_section(prev) && opens_page(),
                after_next,
                pieces_before: so_far.as_ref(),
                openings: self.openings[i + 1],
                blank_lines,
            };
            let (mut action, reason, full_line) = decide_noting_full(&ctx);
            // The next line goes on the printed line `prev` is on when they
            // are joined and that line does not yet fill its column.
            // (Written so that a full line, the common case, copies nothing.)
            let full = match column {
                Some(column) if action.is_join() => match ctx.pieces_before {
                    None if full_line => {
                        debug_assert_eq!(fit(prev, column, 0), Fit::Full);
                        true
                    }
                    None if matches!(fit(prev, column, 0), Fit::Full | Fit::Overlong) => true,
                    None => {
                        so_far = Some(*prev);
                        false
                    }
                    Some(_) => {
                        let line = line_so_far(&ctx);
                        // Wider than the column, the printed line ended
                        // before this join somewhere: the next starts anew.
                        let full = matches!(fit(&line, column, 0), Fit::Full | Fit::Overlong);
                        if !full {
                            so_far = Some(line);
                        }
                        full
                    }
                },
                _ => true,
            };
            if full && so_far.is_some() {
                so_far = None;
            }
            if let (Action::Join, Some(text)) = (action, text) {
                action = join::seam(text, prev, next);
            }
            prev_joined = action.is_join();
            wrapped |= prev_joined;
            brackets_before = if prev_joined {
                brackets_before + prev.brackets
            } else {
                0
            };
            decisions.push((action, reason));
        }
        let spacing = blank_lines == BlankLines::Spacing;
        let section = section_start..lines.len();
        end(decisions, scratch, spacing, section, wrapped);
    }

    /// Whether the paragraph of lines `i..end` is preformatted text, written
    /// line for line with its own indentation.
    pub(crate) fn is_preformatted(&self, i: usize, end: usize) -> bool {
        self.lines[i..end].iter().any(|l| l.shape.preformatted)
    }

    /// Whether the paragraph of lines `i..end` is written with its own
    /// leading whitespace: preformatted text other than verse. A line of
    /// verse keeps its break but its leading whitespace is written as every
    /// paragraph's is, so that it does not stand out from the lines around
    /// by whitespace they lost (and read again, is no longer verse).
    pub(crate) fn keeps_its_lead(&self, i: usize, end: usize) -> bool {
        self.lines[i..end].iter().any(Line::keeps_its_lead)
    }

    /// The end (exclusive line index) of the paragraph starting at line `i`.
    pub(crate) fn paragraph_end(&self, i: usize) -> usize {
        // `decisions[k]` is the break after line `k`; there is none after the last.
        let joins = self.decisions[i.min(self.decisions.len())..]
            .iter()
            .take_while(|(action, _)| action.is_join())
            .count();
        (i + 1 + joins).min(self.lines.len())
    }

    /// Writes the reflowed text to `out`.
    pub(crate) fn write(&self, text: &str, reflower: &Reflower, out: &mut String) {
        self.write_body(text, reflower, out);
        if !self.lines.is_empty() && self.ends_with_newline {
            out.push('\n');
        }
    }

    /// Writes the paragraphs and the separators between them, without the
    /// final newline.
    pub(crate) fn write_body(&self, text: &str, reflower: &Reflower, out: &mut String) {
        let mut i = 0;
        while i < self.lines.len() {
            let end = self.paragraph_end(i);
            if i > 0 {
                let (action, _) = self.decisions[i - 1];
                join::write_separator(
                    out,
                    action,
                    self.lines[i].blanks_written(),
                    reflower.options.separator,
                );
            }
            self.write_paragraph(text, reflower, i, end, true, true, out);
            i = end;
        }
    }

    /// [`Analysis::write_body`] of a section that keeps every line as it
    /// came (see [`Analysis::keeps_every_line`]). Where the input between
    /// two lines is the `\n`s the separator would write (no trailing
    /// space, `\r` or blank line holding spaces), the output is the input,
    /// so each such run of lines is copied in one piece.
    fn write_kept_lines(&self, text: &str, reflower: &Reflower, out: &mut String) {
        let Some(first) = self.lines.first() else {
            return;
        };
        let separator_blanks = separator_blanks(reflower);
        let mut run = first.start..first.text_end;
        for (line, &(action, _)) in self.lines[1..].iter().zip(&self.decisions) {
            let newlines = 1 + match action {
                Action::Break => separator_blanks,
                _ => line.blanks_written(),
            } as usize;
            let gap = &text.as_bytes()[run.end..line.start];
            if gap.len() == newlines && gap.iter().all(|&b| b == b'\n') {
                run.end = line.text_end;
                continue;
            }
            out.push_str(&text[run]);
            join::write_separator(
                out,
                action,
                line.blanks_written(),
                reflower.options.separator,
            );
            run = line.start..line.text_end;
        }
        out.push_str(&text[run]);
    }

    /// Writes the paragraph of lines `i..end`, with the form feed of a page
    /// it opens when `page_mark` (the output's, not the paragraph's text: see
    /// [`join::write_first_line`]); returns whether a space joins two of its
    /// lines. `leads`: some line keeps its lead (else none of the
    /// paragraph's is read for it).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn write_paragraph(
        &self,
        text: &str,
        reflower: &Reflower,
        i: usize,
        end: usize,
        page_mark: bool,
        leads: bool,
        out: &mut String,
    ) -> bool {
        let preformatted = leads && self.keeps_its_lead(i, end);
        join::write_first_line(
            out,
            text,
            &self.lines[i],
            preformatted,
            reflower.options.indent,
            page_mark,
        );
        let mut spaced = false;
        for (line, &(action, _)) in self.lines[i + 1..end].iter().zip(&self.decisions[i..]) {
            join::write_joined_line(out, text, line, action);
            spaced |= action == Action::JoinWithSpace;
        }
        spaced
    }

    /// The kind of the paragraph of lines `i..end`.
    fn kind(&self, i: usize, end: usize) -> ParagraphKind {
        let first = &self.lines[i];
        let last = &self.lines[end - 1];
        if self.is_preformatted(i, end) {
            return ParagraphKind::Preformatted;
        }
        if end == i + 1 {
            match first.furniture {
                Some(Furniture::ListItem) | None => {}
                Some(kind) => return ParagraphKind::Furniture(kind),
            }
        }
        let unfinished = matches!(last.last, CharRole::Pause | CharRole::Open);
        if end == i + 1 && !first.ends_sentence && !unfinished && first.width <= 2 * 40 {
            return ParagraphKind::Heading;
        }
        ParagraphKind::Body
    }
}

/// Stage 3b: in the section of `lines[range]` (whose breaks are decided),
/// re-decides the breaks from the printed lines its pieces make, when the
/// extractor cut it into pieces (see [`printed`]). Returns whether that
/// made any of them a join.
/// (`spacing`: the section is double-spaced, see [`BlankLines::Spacing`].)
fn rebuild_printed_lines(
    lines: &[Line],
    printed_columns: &[Option<u32>],
    decisions: &mut [(Action, Reason)],
    scratch: &mut Scratch,
    spacing: bool,
    range: Range<usize>,
    text: Option<&str>,
) -> bool {
    if range.len() < 2 {
        return false;
    }
    let breaks = range.start..range.end - 1;
    let Scratch {
        printed,
        unspaced: copies,
        ..
    } = scratch;
    let section = if spacing {
        unspaced(&lines[range.clone()], copies)
    } else {
        &lines[range.clone()]
    };
    let columns = &printed_columns[range];
    if !printed::rebuild(section, columns, &mut decisions[breaks.clone()], printed) {
        return false;
    }
    let mut joins = false;
    for i in breaks {
        let (action, reason) = decisions[i];
        if let (Action::Join, Some(text)) = (action, text) {
            decisions[i] = (join::seam(text, &lines[i], &lines[i + 1]), reason);
        }
        joins |= action.is_join();
    }
    joins
}

/// Marks what each line of `section` is beyond its own text: code (between
/// fences, or in runs), a table's rows, prose an extractor spread, verse.
/// Code and tables first: they read each line alone, and an aligned line is
/// judged by whether its neighbours are tabular.
fn mark_kinds(section: &mut [Line], text: &str) {
    // Fences, aligned lines and the first line that opens with a note's
    // number, which most sections have none of, looked for in one pass (the
    // passes before `settle_aligned_lines` change no line's `aligned`).
    let (mut fences, mut aligned, mut first_note) = (false, false, None);
    for (i, line) in section.iter().enumerate() {
        fences |= line.shape.fence;
        aligned |= line.shape.aligned;
        // (The first character told here as well as in `note`: so the loop
        // stays a plain scan, 0.8 instructions a byte cheaper.)
        if line.first == CharRole::Open && first_note.is_none() && note(line, text).is_some() {
            first_note = Some(i);
        }
    }
    if fences {
        mark_fenced_code(section);
    }
    mark_code_lines(section, text);
    mark_table_rows(section, text);
    mark_table_cells(section, text);
    records::mark_records(section, text);
    debug_assert_eq!(aligned, section.iter().any(|line| line.shape.aligned));
    if aligned {
        settle_aligned_lines(section, text);
    }
    mark_verse(section);
    if let Some(first_note) = first_note {
        mark_numbered_notes(section, first_note, text);
    }
}

/// Lines within this many lines of each other may number the notes of one
/// list (a note wraps over a few lines at most).
const NOTE_WINDOW: usize = 12;

/// Marks as list items the lines that open with consecutive note numbers
/// (`[1]`, `［2］`, `【3】`, `〔4〕`): a reference list or a page's footnotes,
/// where each note is a paragraph of its own, however it is wrapped.
///
/// A number in brackets opens many a wrapped line of prose too, where an
/// inline note's marker fell at the line's start (`[55] 你需要首先检查要`:
/// 74 lines over the labelled pages, and never the next number within 12
/// lines of one). So only a run of numbers each one more than the last,
/// each within [`NOTE_WINDOW`] lines of the one before, is read as notes:
/// three of them, or two from 1 (inline markers seldom open two lines in
/// a row of so few).
/// `first_note` is the first line of `section` that opens with a number.
fn mark_numbered_notes(section: &mut [Line], first_note: usize, text: &str) {
    // The line after `at`, within the window, that opens with note `number`.
    let next_note = |section: &[Line], at: usize, number: u32| {
        let window = at + 1..section.len().min(at + 1 + NOTE_WINDOW);
        window
            .into_iter()
            .find(|&j| note(&section[j], text) == Some(number))
    };
    let mut i = first_note;
    while i < section.len() {
        let Some(first) = note(&section[i], text) else {
            i += 1;
            continue;
        };
        let (mut last, mut count) = (i, 1);
        while let Some(j) = next_note(section, last, first + count) {
            (last, count) = (j, count + 1);
        }
        if count >= 3 || (count == 2 && first == 1) {
            let mut at = i;
            for number in first..first + count {
                let line = &mut section[at];
                line.furniture = line.furniture.or(Some(Furniture::ListItem));
                if let Some(j) = next_note(section, at, number + 1) {
                    at = j;
                }
            }
        }
        i = last + 1;
    }
}

/// The number of the note that `line` opens with (see [`note_number`]).
fn note(line: &Line, text: &str) -> Option<u32> {
    // (Most lines open with no bracket: told by their first character.)
    if line.first == CharRole::Open {
        note_number(&text[line.text_start..line.text_end])
    } else {
        None
    }
}

/// The number of a note that `body` opens with, in square, full-width,
/// lenticular or tortoise-shell brackets (`[12]`, `［3］`, `【4】`, `〔5〕`):
/// one to three digits, ASCII or full-width, from 1.
fn note_number(body: &str) -> Option<u32> {
    let mut chars = body.chars();
    let close = match chars.next()? {
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '〔' => '〕',
        _ => return None,
    };
    let (mut number, mut digits) = (0u32, 0);
    for c in chars {
        if c == close {
            return (digits > 0 && number > 0).then_some(number);
        }
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        digits += 1;
        if digits > 3 {
            return None;
        }
        number = 10 * number + digit;
    }
    None
}

/// `section`'s lines as if no blank line stood between them, copied into
/// `scratch`: where a blank line follows every line only as line spacing
/// (see [`BlankLines::Spacing`]), the lines are read as the same lines set
/// without it; the blank lines are still written where a break is kept.
fn unspaced<'a>(section: &[Line], scratch: &'a mut Vec<Line>) -> &'a [Line] {
    scratch.clear();
    scratch.extend(section.iter().map(|line| Line {
        blanks_before: 0,
        ..*line
    }));
    scratch
}

/// Whether `line` opens a new section: two or more blank lines before it
/// (a long section's cut line counts two, see [`cut_long_section`]).
///
/// Sections are analysed independently (no column estimate or look-ahead
/// crosses them) and the break between them is kept as it was, so a section
/// can be reflowed on its own with the same result: this is what bounds the
/// memory of [`Reflower::reflow_stream`].
pub(crate) fn starts_section(line: &Line) -> bool {
    blanks_start_section(line.blanks_before)
}

/// Whether `blanks` blank lines before a line make it open a new section
/// (see [`starts_section`]).
pub(crate) const fn blanks_start_section(blanks: u32) -> bool {
    blanks >= 2
}

/// Blank lines in the separator written at a paragraph break.
fn separator_blanks(reflower: &Reflower) -> u32 {
    match reflower.options.separator {
        crate::Separator::BlankLine => 1,
        crate::Separator::Newline => 0,
    }
}

/// In a section where no line is joined, nothing was hard-wrapped: every
/// line is already a paragraph, so its paragraph breaks are kept as they
/// came rather than rewritten as the separator, and text that needs no
/// repair comes back unchanged.
fn keep_paragraph_breaks(decisions: &mut [(Action, Reason)]) {
    for (action, _) in decisions {
        if *action == Action::Break {
            *action = Action::Keep;
        }
    }
}

/// How a cut is written: silently when both sections around it come out
/// unchanged (see [`SectionCut::Silent`]); `read` is the blank lines the
/// input had before the cut line.
pub(crate) fn cut_written(both_unchanged: bool, read: u32) -> SectionCut {
    if both_unchanged {
        SectionCut::Silent(read)
    } else {
        SectionCut::Marked(read)
    }
}

/// Decides, for each line of a section preformatted only by its runs of
/// spaces, whether it is preformatted: a table has rows, so a line with wide
/// characters between lines that are neither aligned nor preformatted (at
/// least one) is prose that OCR or justification spread (`脚本会被执行;这些脚本
/// 启动《     start    )     服`), to be decided like any other line, when it
/// also has the shape of such a line: not indented (a command or a table
/// row set in from the text), and with one gap, or spread to the measure:
/// at most 2 em narrower than its widest neighbour's text (a single row of a table,
/// `北京    2189万    上海    2487万`, has several gaps and is narrower).
/// Two such lines in a row count as between lines of prose when both span
/// the measure of the prose around them (a table has a header and rows).
/// Otherwise it stays preformatted, as does a line with no wide character
/// (it may be code), unless it is two Latin words at one gap: a justified
/// line that long words left with two words to spread.
fn settle_aligned_lines(section: &mut [Line], text: &str) {
    // Only lines that are never joined count against prose, so that joining
    // the lines around cannot change the evidence when the output is
    // reflowed again.
    // (Code and tables keep their lines whatever their gaps.)
    let settles = |line: &Line| {
        line.shape.aligned && line.wide_chars > 0 && !line.shape.code && !line.shape.table
    };
    // Two Latin words alone are read too: a justified line that long words
    // left with two words to spread (`Systemctl          disable`), prose
    // where no table row is beside it (see `alone` below). (Not code:
    // `x = 1    # note`. Whether the lines beside hold wide characters is
    // not asked: joining one into a paragraph could change the answer when
    // the output is reflowed again.)
    let two_spread_words = |line: &Line| {
        line.shape.aligned
            && !line.shape.code
            && !line.shape.table
            && line.space_runs == 1
            && two_words(&text[line.text_start..line.text_end])
    };
    // A line that holds a full-width mark is prose an extractor spread at
    // its word spaces (pdfminer on a justified page, around Latin words:
    // `程的第四阶段，由迷你   Debian`), which the rows of a table seldom are
    // (a header's brackets aside): a pause mark, or gaps that border Latin
    // words, where a table's also separate CJK cells (`地区      人口（万人）`).
    // It is read alone, so that joining it
    // (marks and all) cannot change the reading when the output is reflowed
    // again; and it is no tabular neighbour.
    let spread_prose = |line: &Line| {
        settles(line)
            && line.compressible > 0
            && (line.pauses > 0
                || gaps_border_latin(&text.as_bytes()[line.text_start..line.text_end]))
    };
    let tabular =
        |line: &Line| (line.shape.aligned || line.shape.preformatted) && !spread_prose(line);
    // The gutters of the last lines read (see `gutter_end`), kept by index
    // modulo 3: a line's is read again as its neighbours' neighbour. (It
    // reads only the text, which settling lines does not change.)
    let gutters = std::cell::Cell::new([(usize::MAX, None); 3]);
    // Set flush, or in by a paragraph's indent of at most 4 em: of
    // ideographic spaces (a document typed with its indents as
    // `\u{3000}\u{3000}`, which extractors keep), or of ASCII spaces before
    // an ideograph (`pdftotext -layout`'s; a command set in opens with a
    // letter): not a table's row unless rows stand beside it (see `alone`
    // below). (Read past the section's margin, which the output drops.)
    let set_as_prose = |line: &Line| {
        let ideographic = line.first == CharRole::Ideograph;
        line.indent == 0
            || (line.indent <= 8
                && text[line.margin_end(text)..line.text_start]
                    .chars()
                    .all(|c| c == '\u{3000}' || (ideographic && c == ' ')))
    };
    let gutter_at = |k: usize, line: &Line| {
        let mut memo = gutters.get();
        if memo[k % 3].0 != k {
            memo[k % 3] = (k, gutter_end(line, text));
            gutters.set(memo);
        }
        memo[k % 3].1
    };
    for i in 0..section.len() {
        let line = &section[i];
        if !settles(line) && !two_spread_words(line) {
            continue;
        }
        let before = i.checked_sub(1).map(|k| &section[k]);
        let after = section.get(i + 1);
        // (Their text's widths: an indent may be rewritten in the output,
        // `Indent::Ideographic`, and must not change the reading.)
        let widest = before
            .into_iter()
            .chain(after)
            .map(|l| l.width - l.indent)
            .max();
        // Justified: spread, its spaces counted, to at least half the
        // measure of the lines around (a title set apart at one gap,
        // `第一章   总则`, is narrower). A run of spaces after a
        // sentence's end is no widened word space: OCR's, before a speck
        // or a stray mark.
        // (Read only for a line found to be prose, not for a table's row.)
        // (The spaces are counted only where the text's width alone falls
        // short: a paragraph composed on settling is far wider than the
        // lines around it.)
        let justified = || {
            let body = &text.as_bytes()[line.text_start..line.text_end];
            let set = line.width - line.indent;
            let spaces = || body.iter().filter(|&&b| b == b' ').count() as u32;
            let wide_enough = |w: u32| {
                let wide = 2 * set >= w || 2 * (set + spaces()) >= w;
                debug_assert_eq!(wide, 2 * (set + spaces()) >= w, "a justified line");
                wide
            };
            widest.is_some_and(wide_enough) && !gap_after_sentence_end(body)
        };
        // Two columns that `pdftotext -layout` set side by side: the gap
        // between them ends where it ends on the line above or below, as a
        // widened word space seldom does. Kept as they came, as a table is.
        let beside_column = |ours: u32, k: Option<usize>| {
            k.filter(|&k| section.get(k).is_some_and(|other| other.space_runs > 0))
                .and_then(|k| gutter_at(k, &section[k]))
                .is_some_and(|theirs| theirs.abs_diff(ours) <= 6)
        };
        // (Its own gutter is read only where a line beside it has one: a
        // paragraph composed on settling is read whole to find it.)
        let runs_beside = |k: Option<usize>| {
            k.and_then(|k| section.get(k))
                .is_some_and(|other| other.space_runs > 0)
        };
        let beside_gutter = |ours: u32| {
            ours >= MIN_COLUMN
                && (beside_column(ours, i.checked_sub(1)) || beside_column(ours, Some(i + 1)))
        };
        let side_by_side = (runs_beside(i.checked_sub(1)) || runs_beside(Some(i + 1)))
            && gutter_at(i, line).is_some_and(beside_gutter);
        debug_assert_eq!(
            side_by_side,
            gutter_at(i, line).is_some_and(beside_gutter),
            "a line's gutter read only beside another's"
        );
        if side_by_side {
            // (Set, not left: a line composed from the output may come
            // read as prose in the input's context.)
            section[i].shape.preformatted = true;
            section[i].shape.justified = false;
            continue;
        }
        if spread_prose(line) {
            let justified = justified();
            section[i].shape.preformatted = false;
            section[i].shape.justified = justified;
            continue;
        }
        // A table's rows beside one another have about as many gaps (OCR
        // may miss one); lines of prose spread at their word spaces often
        // differ by more.
        let row_beside = |other: &Line| {
            tabular(other)
                && (!other.shape.aligned || other.space_runs.abs_diff(line.space_runs) <= 1)
        };
        // Two such lines together among prose, both spanning its measure,
        // are two lines of prose spread alike (`至少   5   个字符的长` |
        // `必须不相似   --   否则登录不会`), not a table: a table has a
        // header and rows, and a table of two short lines is narrower.
        let spread_pair = |other: usize| {
            let (first, last) = (i.min(other), i.max(other));
            let outside = || {
                first
                    .checked_sub(1)
                    .map(|k| &section[k])
                    .into_iter()
                    .chain(section.get(last + 1))
            };
            let measure = outside().map(|l| l.width - l.indent).max();
            settles(&section[other])
                && !outside().any(&tabular)
                && [first, last].iter().all(|&k| {
                    set_as_prose(&section[k]) && measure.is_some_and(|w| section[k].width + 4 >= w)
                })
        };
        let beside =
            |k: Option<usize>| k.is_some_and(|k| row_beside(&section[k]) && !spread_pair(k));
        let alone = (before.is_some() || after.is_some())
            && !beside(i.checked_sub(1))
            && !beside((i + 1 < section.len()).then_some(i + 1));
        // One gap is a spread line's usual mark; several gaps are cells
        // unless the line still spans the measure, as a spread one does.
        // (So is one whose every gap borders a Latin word or a number, as
        // justification widens them: `大多数   Linux   用户运行`.)
        let spread = set_as_prose(line)
            && (line.space_runs == 1
                || widest.is_some_and(|w| line.width + 4 >= w)
                || gaps_border_latin(&text.as_bytes()[line.text_start..line.text_end]));
        let justified = alone && spread && justified();
        section[i].shape.preformatted = !(alone && spread);
        section[i].shape.justified = justified;
    }
}

/// Where the text after the widest run of four or more spaces inside
/// `line` starts, in half-em from the line's first byte past its section's
/// margin (its indent included): the left edge of a second column set
/// beside the first.
fn gutter_end(line: &Line, text: &str) -> Option<u32> {
    // The widest run of four spaces or more after text and before more
    // (the first of the widest), found over bytes (a space is no byte of
    // a wider character), the spaces eight bytes at a time; then only the
    // text up to its end is measured.
    let bytes = &text.as_bytes()[line.start..line.text_end];
    let lead = line.text_start - line.start;
    let (mut at, mut widest, mut in_text) = (0, None::<(usize, usize)>, false);
    loop {
        at = crate::line::find_either(bytes, at, b' ', b' ');
        if at == bytes.len() {
            break;
        }
        let spaces = bytes[at..].iter().take_while(|&&b| b == b' ').count();
        let end = at + spaces;
        // (None is read unless the text holds one: not the indent's.)
        in_text |= spaces >= 4 && at >= lead;
        // (After text: a run that opens the line is its indent; the line's
        // text ends with no space.)
        if at > 0
            && spaces >= 4
            && end < bytes.len()
            && widest.map_or(true, |(run, _)| spaces > run)
        {
            widest = Some((spaces, end));
        }
        at = end;
    }
    let found = widest.filter(|_| in_text).map(|(_, end)| {
        text[line.start..line.start + end]
            .chars()
            .map(|c| match c {
                ' ' => 1,
                '\t' => 4,
                c => char_width(c, true),
            })
            .sum::<u32>()
            // Read as the line would be without its section's margin,
            // which the output drops where paragraphs have no indent of
            // their own (see `join::first_line_start`).
            - line.margin
    });
    debug_assert_eq!(found, gutter_end_slow(line, text), "the gutter of {line:?}");
    found
}

/// [`gutter_end`] character by character, as it was first written (debug
/// builds check the faster one against it).
fn gutter_end_slow(line: &Line, text: &str) -> Option<u32> {
    if !has_space_run(&text.as_bytes()[line.text_start..line.text_end], 4) {
        return None;
    }
    let (mut at, mut run, mut seen_text) = (0, 0, false);
    let mut widest: Option<(u32, u32)> = None;
    for c in text[line.start..line.text_end].chars() {
        if c == ' ' {
            run += 1;
            at += 1;
            continue;
        }
        if seen_text && run >= 4 && widest.map_or(true, |(longest, _)| run > longest) {
            widest = Some((run, at));
        }
        run = 0;
        seen_text = true;
        at += if c == '\t' { 4 } else { char_width(c, true) };
    }
    widest.map(|(_, at)| at - line.margin)
}

/// Whether `bytes` hold a run of `run` spaces or more (as
/// `contains` of that many spaces tells), the spaces found eight bytes at
/// a time and each run stepped over whole.
fn has_space_run(bytes: &[u8], run: usize) -> bool {
    let mut at = 0;
    loop {
        at = crate::line::find_either(bytes, at, b' ', b' ');
        if at == bytes.len() {
            return false;
        }
        let spaces = bytes[at..].iter().take_while(|&&b| b == b' ').count();
        if spaces >= run {
            return true;
        }
        at += spaces;
    }
}

/// Whether `line` is two words of ASCII letters and digits (with `-` `.`
/// `_` `/` inside), and nothing else but the spaces between them.
fn two_words(line: &str) -> bool {
    let word = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'/'))
    };
    let mut words = line.split_ascii_whitespace();
    matches!((words.next(), words.next(), words.next()), (Some(a), Some(b), None) if word(a) && word(b))
}

/// Whether a run of three or more spaces in `line` follows a full-width
/// sentence end (`。   全`).
///
/// Only where a run of spaces starts is the mark looked for (a mark is no
/// space), the spaces found eight bytes at a time.
fn gap_after_sentence_end(line: &[u8]) -> bool {
    let mut at = 0;
    loop {
        at = crate::line::find_either(line, at, b' ', b' ');
        if at == line.len() {
            return false;
        }
        if at >= 3
            && line.get(at..at + 3) == Some(b"   ")
            && matches!(
                line[at - 3..at],
                [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F]
            )
        {
            return true;
        }
        // Past the run of spaces: no window starts inside it.
        at += line[at..].iter().take_while(|&&b| b == b' ').count();
    }
}

/// [`gap_after_sentence_end`] as first written, window by window, which a
/// test compares it with.
#[cfg(test)]
fn gap_after_sentence_end_by_windows(line: &[u8]) -> bool {
    line.windows(6).any(|w| {
        matches!(
            w[..3],
            [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F]
        ) && w[3..] == *b"   "
    })
}

/// Whether `line` has runs of three or more spaces and every one has an
/// ASCII character (a Latin word, a digit) on one side of it, and no column
/// rule `|` (see `line::is_column_rule`).
fn gaps_border_latin(line: &[u8]) -> bool {
    if line.contains(&b'|') {
        return false;
    }
    let mut runs = 0;
    let mut i = 0;
    while let Some(k) = line[i..].iter().position(|&b| b == b' ') {
        let start = i + k;
        let end = line[start..]
            .iter()
            .position(|&b| b != b' ')
            .map_or(line.len(), |n| start + n);
        let ascii = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
        if end - start >= 3 {
            if !ascii(start.checked_sub(1).map(|p| &line[p])) && !ascii(line.get(end)) {
                return false;
            }
            runs += 1;
        }
        i = end;
        if i >= line.len() {
            break;
        }
    }
    runs > 0
}

/// Marks the lines between two code fences (```` ``` ````, `~~~`) of
/// `section` as code (see [`Shape::code`]): preformatted, kept line by
/// line whatever their widths. A fence that no other closes in the section
/// marks nothing (a stray one in prose does not freeze what follows).
///
/// [`Shape::code`]: crate::line::Shape::code
fn mark_fenced_code(section: &mut [Line]) {
    let mut open = None;
    for i in 0..section.len() {
        if !section[i].shape.fence {
            continue;
        }
        match open.take() {
            None => open = Some(i),
            Some(start) => {
                for line in &mut section[start + 1..i] {
                    line.shape.preformatted = true;
                    line.shape.code = true;
                }
            }
        }
    }
}

/// Marks the code of a section (see [`Shape::code`]), kept as it came:
/// runs of lines right below one another, two of them at least lines of
/// code, with comments (`# 读取配置文件`, `// 注释`), braces alone and
/// indented lines with no wide character among them. A line of code is a
/// shell command with no wide character, at its prompt (`$ `, or a root
/// shell's `# `) or without one when it opens with a common command's
/// name and an argument (`sudo apt update`, see [`COMMANDS`]); a line of
/// program code ([`code_signature`]: manuals print their examples so,
/// `import json` | `with open("config.json") as f:`, and extractors drop
/// the fences Markdown would have); or a line of a quoted block (`> …`).
/// A line at Python's prompt (`>>> import os`) and a Markdown heading of
/// the second level or below (`## 安装`) are code alone. One shell command
/// alone is not: text extracted from manuals runs a command on into the
/// sentence after it (`# apt-get install` | `package_name …`).
///
/// [`Shape::code`]: crate::line::Shape::code
// (Out of line: inlined into `estimate_section`, it cost the passes there
// more than it does itself.)
#[inline(never)]
fn mark_code_lines(section: &mut [Line], text: &str) {
    let bytes = text.as_bytes();
    let kind = |line: &Line| {
        let body = &text[line.text_start..line.text_end];
        let shell = line.all_narrow
            && (matches!(body.as_bytes(), [b'$' | b'#', b' ', c, ..] if c.is_ascii_graphic())
                || is_bare_command(body));
        // A line of a quoted block (`> …`, as mail and Markdown quote) is
        // kept as code is: joined, its marks would land inside the text.
        if shell || code_signature(body) || body.starts_with("> ") {
            CodeLine::Code
        } else if body.starts_with("# ")
            || body.starts_with("// ")
            || matches!(body, "{" | "}" | "};" | "})")
        {
            CodeLine::Comment
        } else if line.indent >= 2 && line.all_narrow {
            // (Set in by 1 em or more: a lone space is noise, which the
            // output drops; see `join::first_line_start`.)
            CodeLine::Indented
        } else {
            CodeLine::Not
        }
    };
    let mut i = 0;
    while i < section.len() {
        // Straight to the next line that opens with an ASCII character
        // (most open with an ideograph, which their record says).
        match first_ascii_opening(&section[i..], bytes) {
            Some(skip) => i += skip,
            None => break,
        }
        let mut end = i;
        let mut signatures = 0;
        while end < section.len() && (end == i || section[end].blanks_before == 0) {
            match kind(&section[end]) {
                CodeLine::Not => break,
                CodeLine::Code => signatures += 1,
                CodeLine::Comment | CodeLine::Indented => {}
            }
            end += 1;
        }
        let end = end.max(i + 1);
        for line in &mut section[i..end] {
            if signatures >= 2 || is_command_line(&text[line.text_start..line.text_end]) {
                line.shape.code = true;
                line.shape.preformatted = true;
            }
        }
        i = end;
    }
}

/// The first line of `lines` that opens with an ASCII character (of
/// `bytes`, their text). (Out of line, as [`first_cell_line`].)
#[inline(never)]
fn first_ascii_opening(lines: &[Line], bytes: &[u8]) -> Option<usize> {
    lines
        .iter()
        .position(|line| line.first != CharRole::Ideograph && bytes[line.text_start] < 0x80)
}

/// What [`mark_code_lines`] reads a line as.
#[derive(Clone, Copy)]
enum CodeLine {
    /// A line of code: [`code_signature`].
    Code,
    /// A comment (`# …`, `// …`) or a brace alone: neither makes a block
    /// of code, but neither ends one.
    Comment,
    /// Indented, with no wide character.
    Indented,
    /// Anything else.
    Not,
}

/// Whether `body` reads as a line of program code. Its code (before a
/// comment, ` # ` or ` //`, which may hold wide characters) is ASCII but
/// for one character that OCR may have misread, and it opens with a
/// keyword of a common language and holds code's punctuation (`for key in
/// d:`; or it is `import json`), assigns (`port = 8080`), calls
/// (`print(key, value)`, not a manual page's `dpkg(1)`), or opens a block
/// with `{` after a word (`int main() {`). (A line that ends with `:` or
/// `;` alone may be prose's Latin: `"Content-Type:` | `text/plain;`.)
fn code_signature(body: &str) -> bool {
    const KEYWORDS: [&str; 22] = [
        "import", "from", "def", "class", "return", "for", "while", "if", "elif", "else", "try",
        "except", "with", "print", "const", "let", "var", "function", "fn", "int", "#include",
        "#define",
    ];
    // The code ends at a comment; before it, ASCII but for one wide
    // character at most, as OCR misreads one (`as 了:`, `key，value`).
    // (Most lines that open with a Latin word turn out prose at their
    // second wide character, with no comment before it.)
    let Some(end) = code_end(body.as_bytes()) else {
        return false;
    };
    let code = body[..end].trim_end();
    if code.len() < 2 {
        return false;
    }
    // Most keywords are English words too (`for the first time`): with
    // code's punctuation only, but for `import name` and `from name import …`.
    let punctuated = code.contains(['=', '(', ')', ':', '{', '}', '[', ']', ';', '"', '\'']);
    let imports = {
        let mut words = code.split(' ');
        match (words.next(), words.next(), words.next()) {
            (Some("import"), Some(name), None) => !name.is_empty(),
            (Some("from"), Some(name), Some("import")) => !name.is_empty(),
            _ => false,
        }
    };
    let opens_with_keyword = imports
        || (punctuated
            && KEYWORDS.iter().any(|k| {
                code.strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with([' ', '(', ':']))
            }));
    let assigns = code.contains(" = ");
    // `name(…)` with something other than a manual page's section inside.
    let calls = code.find('(').is_some_and(|open| {
        let arguments = code[open + 1..].split_once(')').map(|(inside, _)| inside);
        open > 0
            && code.as_bytes()[open - 1].is_ascii_alphanumeric()
            // (Not a manual page's section: `dpkg(1)`.)
            && arguments.is_some_and(|inside| {
                inside.is_empty() || !inside.bytes().all(|b| b.is_ascii_digit())
            })
    });
    let opens_block = code.ends_with('{') && code.bytes().any(|b| b.is_ascii_alphabetic());
    opens_with_keyword || assigns || calls || opens_block
}

/// Where the code of `bytes` (a line's text) ends, for [`code_signature`]:
/// at a comment (` # `, ` //`), or at the end; `None` where a second
/// character other than ASCII (a lead byte `C0` or above) comes first.
/// Eight bytes at a time where none of them is such a byte, `#` or `/`.
fn code_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // High bit set in a byte of `word` equal to `b`, and maybe in bytes
    // above one that is (never where none is).
    let equal = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut wide = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // (Bits 7 and 6 both set: `C0` or above.)
            let found = (word & (word << 1) & HIGHS) | equal(word, b'#') | equal(word, b'/');
            if found == 0 {
                i += 8;
                continue;
            }
            // Straight to the first such byte (the lowest bit found is one).
            i += (found.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        if b >= 0xC0 {
            wide += 1;
            if wide > 1 {
                return None;
            }
        } else if comment_at(bytes, i) {
            return Some(i - 1);
        }
        i += 1;
    }
    Some(bytes.len())
}

/// Whether a comment (` # `, ` //`) starts with the byte at `i`, after the
/// space before it.
fn comment_at(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    i > 0
        && bytes[i - 1] == b' '
        && matches!(
            (b, bytes.get(i + 1)),
            (b'#', Some(b' ')) | (b'/', Some(b'/'))
        )
}

/// [`code_end`] byte by byte, as first written, which a test compares it
/// with (the comment itself read alike, by [`comment_at`]).
#[cfg(test)]
fn code_end_by_bytes(bytes: &[u8]) -> Option<usize> {
    let mut wide = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0xC0 {
            wide += 1;
            if wide > 1 {
                return None;
            }
        } else if comment_at(bytes, i) {
            return Some(i - 1);
        }
    }
    Some(bytes.len())
}

/// The names of common commands, which open a command line set without
/// its prompt (`sudo apt update`, `git clone …`, `./configure --prefix=…`).
const COMMANDS: [&str; 44] = [
    "sudo",
    "apt",
    "apt-get",
    "aptitude",
    "dpkg",
    "systemctl",
    "service",
    "git",
    "cd",
    "ls",
    "make",
    "cmake",
    "pip",
    "pip3",
    "python",
    "python3",
    "npm",
    "yarn",
    "cargo",
    "rustup",
    "go",
    "docker",
    "kubectl",
    "curl",
    "wget",
    "ssh",
    "scp",
    "rsync",
    "chmod",
    "chown",
    "mkdir",
    "rm",
    "cp",
    "mv",
    "cat",
    "echo",
    "export",
    "tar",
    "yum",
    "dnf",
    "brew",
    "grep",
    "sed",
    "./configure",
];

/// Whether `body` opens with one of [`COMMANDS`] and an argument after a
/// space, and holds no sentence's end (`sudo apt update`, not `make 是…`).
fn is_bare_command(body: &str) -> bool {
    let Some((name, argument)) = body.split_once(' ') else {
        return false;
    };
    COMMANDS.contains(&name)
        && argument.starts_with(|c: char| c.is_ascii_graphic())
        && !body.ends_with(['.', '!', '?', ':', ','])
}

/// Whether `body` is a command at Python's prompt (`>>> import os`) or a
/// Markdown heading of the second level or below (`## 安装`).
fn is_command_line(body: &str) -> bool {
    if body.starts_with(">>> ") {
        return true;
    }
    let hashes = body.bytes().take_while(|&b| b == b'#').count();
    (2..=6).contains(&hashes)
        && body[hashes..]
            .strip_prefix(' ')
            .is_some_and(|title| title.starts_with(|c: char| !c.is_whitespace()))
}

/// Marks the rows of tables in a section (see [`Shape::table`]): runs of
/// three or more lines right below one another that spaces split into as
/// many cells, two or more, where most lines hold a number (a cell opening
/// with a digit) and no cell holds sentence punctuation or runs longer
/// than [`MAX_CELL`] characters ([`MAX_LATIN_CELL`] for a cell of ASCII
/// alone). A header row, and one more row without numbers under it, may
/// stand above the first row of numbers.
///
/// Extractors that do not keep a table's alignment (`pdftotext` without
/// `-layout`, PyMuPDF) set its cells one space apart: `广州 1867 2.1%`.
/// Such rows are narrow and as wide as one another, so they once made a
/// column of their own and were joined as full lines. The test reads each
/// line alone, so it finds the same rows in the output.
///
/// [`Shape::table`]: crate::line::Shape::table
fn mark_table_rows(section: &mut [Line], text: &str) {
    #[cfg(debug_assertions)]
    let expected = {
        let mut lines = section.to_vec();
        mark_table_rows_read(&mut lines, text, false);
        lines
    };
    mark_table_rows_read(section, text, true);
    #[cfg(debug_assertions)]
    debug_assert_eq!(section, &expected[..], "table rows read where three may be");
}

/// [`mark_table_rows`], the text of a line that may open the rows read
/// only where three lines beside one another may be rows by their counts
/// if `by_three` (debug builds compare with every such line read).
fn mark_table_rows_read(section: &mut [Line], text: &str, by_three: bool) {
    // Whether rows of a table may stand three in a row around line `i`,
    // which may open them with the next: `i` and the line after the next,
    // or the line before, may be rows too. (Where none may, the rows `i`
    // opens are two at most, and the next line opens none.)
    let three = |section: &[Line], i: usize| {
        may_be_table_row(&section[i])
            && (section
                .get(i + 2)
                .is_some_and(|after| after.blanks_before == 0 && may_be_table_row(after))
                || (i > 0 && section[i].blanks_before == 0 && may_be_table_row(&section[i - 1])))
    };
    let mut i = 0;
    while i < section.len() {
        // A table's first row of numbers opens the run (a line of
        // ideographs alone, most lines, stops at once); a header row may
        // stand right above it.
        // (Three rows at least, with a header two: the next line must be
        // one as well.) Straight to the next such pair of lines by their
        // counts; then the line's text.
        match section[i..].windows(2).position(|pair| {
            pair[0].narrow > 0 && pair[1].blanks_before == 0 && may_be_table_row(&pair[1])
        }) {
            Some(skip) => i += skip,
            None => break,
        }
        if by_three && !three(section, i) {
            i += 1;
            continue;
        }
        let row = opens_number_cell(&section[i], text)
            .then(|| table_row(&section[i], text))
            .flatten();
        let Some(row) = row.filter(|row| row.numbered) else {
            i += 1;
            continue;
        };
        // A header row, and a row without numbers under it, may stand above.
        let mut start = i;
        while start > 0
            && i - start < 2
            && section[start].blanks_before == 0
            && !section[start - 1].shape.table
            && table_row(&section[start - 1], text).is_some_and(|above| above.cells == row.cells)
        {
            start -= 1;
        }
        let mut end = i + 1;
        let mut numbered = 1;
        while let Some(next) = section.get(end) {
            match table_row(next, text) {
                Some(other) if next.blanks_before == 0 && other.cells == row.cells => {
                    numbered += usize::from(other.numbered);
                    end += 1;
                }
                _ => break,
            }
        }
        let rows = end - start;
        if rows >= 3 && numbered >= 2 && 2 * numbered >= rows {
            mark_table(&mut section[start..end]);
        }
        i = end;
    }
}

/// Marks `lines` as rows of a table.
fn mark_table(lines: &mut [Line]) {
    for line in lines {
        line.shape.table = true;
        line.shape.preformatted = true;
    }
}

/// Marks the cells of tables written a cell or two to a line (see
/// [`table_cells`]): runs of four such lines or more right below one
/// another, three of them or a third at least opening with a number, and
/// three with no wide character (numbers alone). A cell of numbers alone
/// would read as a folio, and the rest as headings.
fn mark_table_cells(section: &mut [Line], text: &str) {
    #[cfg(debug_assertions)]
    let expected = {
        let mut lines = section.to_vec();
        mark_table_cells_run_by_run(&mut lines, text);
        lines
    };
    // A run is four lines or more that may hold cells by their counts,
    // right below one another, three of them with no wide character
    // (numbers). Such lines are few (narrow columns have many short lines
    // of text): straight to the next one, then out to the ends of its run.
    // Only then are their texts read.
    let goes_on = |line: &Line| line.blanks_before == 0 && may_hold_cells(line);
    let mut i = 0;
    while let Some(at) = first_cell_line(&section[i..]) {
        let mut start = i + at;
        while start > i && section[start].blanks_before == 0 && may_hold_cells(&section[start - 1])
        {
            start -= 1;
        }
        let mut end = i + at + 1;
        while section.get(end).is_some_and(goes_on) {
            end += 1;
        }
        let numbers = section[start..end]
            .iter()
            .filter(|line| line.all_narrow)
            .count();
        if end - start >= 4 && numbers >= 3 {
            mark_cell_runs(&mut section[start..end], text);
        }
        i = end;
    }
    #[cfg(debug_assertions)]
    debug_assert_eq!(section, &expected[..], "table cells run by run");
}

/// [`mark_table_cells`] run by run, as first written: every run of lines
/// that may hold cells read for its numbers (debug builds compare).
#[cfg(debug_assertions)]
fn mark_table_cells_run_by_run(section: &mut [Line], text: &str) {
    let mut i = 0;
    while i < section.len() {
        match section[i..].iter().position(may_hold_cells) {
            Some(skip) => i += skip,
            None => break,
        }
        let mut end = i;
        let mut numbers = 0;
        while let Some(line) = section.get(end) {
            if (end > i && line.blanks_before > 0) || !may_hold_cells(line) {
                break;
            }
            numbers += usize::from(line.all_narrow);
            end += 1;
        }
        if end - i >= 4 && numbers >= 3 {
            mark_cell_runs(&mut section[i..end], text);
        }
        i = end.max(i + 1);
    }
}

/// Marks the runs of [`mark_table_cells`] within `lines`, lines that
/// [`may_hold_cells`].
fn mark_cell_runs(lines: &mut [Line], text: &str) {
    let mut i = 0;
    while i < lines.len() {
        let mut end = i;
        let mut numbered = 0;
        while let Some(number) = lines.get(end).and_then(|line| table_cells(line, text)) {
            numbered += usize::from(number);
            end += 1;
        }
        let run = end - i;
        if (run >= 4 && numbered >= 3 && 3 * numbered >= run) || rows_repeat(&lines[i..end]) {
            mark_table(&mut lines[i..end]);
        }
        i = end.max(i + 1);
    }
}

/// Whether `cells`, a cell a line, repeat as a table's rows do: with a
/// period of 2 to 5 lines (the columns), every line after the first row (a
/// header's) has the kind of the line a row above it (ASCII alone, a
/// setting's name or a number; or wide characters), both kinds stand in a
/// row, and three rows at least. (`参数` `默认值` `说明` | `worker_processes`
/// `auto` `工作进程数` | `worker_connections` `1024` `每个进程的连接数` | …,
/// as PyMuPDF writes a table with few numbers.)
fn rows_repeat(cells: &[Line]) -> bool {
    (2..=5).any(|columns| {
        cells.len() >= 3 * columns
            && cells.len() % columns == 0
            && cells[columns..2 * columns].iter().any(|c| c.all_narrow)
            && cells[columns..2 * columns].iter().any(|c| !c.all_narrow)
            && (2 * columns..cells.len())
                .all(|k| cells[k].all_narrow == cells[k - columns].all_narrow)
    })
}

/// The first line of `lines` with no wide character that may hold cells
/// (see [`mark_table_cells`]). (Out of line: the search then keeps one
/// index, not one for each use of it after.)
#[inline(never)]
fn first_cell_line(lines: &[Line]) -> Option<usize> {
    lines
        .iter()
        .position(|line| line.all_narrow && may_hold_cells(line))
}

/// Whether `line` may hold a cell or two of a table by its counts alone
/// (see [`table_cells`]).
fn may_hold_cells(line: &Line) -> bool {
    line.width <= 24
        && line.compressible <= 2
        && line.brackets == 0
        && !line.shape.letter_spaced
        && !line.shape.page_top
        && !line.shape.table
}

/// Whether `line` may be a row of a table by its counts alone (see
/// [`table_row`]). A line of ideographs alone has no space between a wide
/// character and a narrow one, nor between two: no cells (most lines stop
/// here). Prose holds marks: a row at most a pair of brackets (`人口（万人）`).
/// A line that opens a page is its running title, whose break from the
/// next line comes before any reading of rows (see `decide::decide`).
fn may_be_table_row(line: &Line) -> bool {
    (line.narrow > 0 || line.letter_spaces > 0 || line.space_runs > 0)
        && line.compressible <= 2
        && !line.shape.letter_spaced
        && !line.shape.page_top
        && line.width <= MAX_COLUMN
}

/// Whether a cell of `line` (which holds a narrow character) may open with a
/// number: an ASCII digit at the line's start or after a space. (A quick
/// test before [`table_row`], on the same terms.)
fn opens_number_cell(line: &Line, text: &str) -> bool {
    if !may_be_table_row(line) {
        return false;
    }
    let body = &text.as_bytes()[line.text_start..line.text_end];
    body.first().is_some_and(u8::is_ascii_digit) || has_space_then_digit(body)
}

/// Whether `bytes` hold a space followed by an ASCII digit: eight pairs at
/// a time (each test exact per byte, no carry crossing bytes), as lines
/// with Latin or digits, a good share of them, come here.
fn has_space_then_digit(bytes: &[u8]) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // High bit of each byte of `w` that equals `b`.
    let equal = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        !(((x & LOW7) + LOW7) | x) & HIGHS
    };
    // High bit of each byte of `w` from `0` to `9`.
    let digits = |w: u64| {
        let low = w & LOW7;
        (low + ONES * (0x80 - 0x30)) & !(low + ONES * (0x80 - 0x3A)) & !w & HIGHS
    };
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let mut at = 0;
    while at + 9 <= bytes.len() {
        if equal(word(at), b' ') & digits(word(at + 1)) != 0 {
            return true;
        }
        at += 8;
    }
    bytes[at..]
        .windows(2)
        .any(|pair| pair[0] == b' ' && pair[1].is_ascii_digit())
}

/// The most characters a cell of a table row holds (see [`table_row`]).
const MAX_CELL: usize = 10;

/// The most characters a cell of Latin letters, digits and ASCII marks
/// alone holds: a name of a setting, a package or a file is longer than a
/// cell of words (`worker_connections 1024 每个进程的连接数`).
const MAX_LATIN_CELL: usize = 24;

/// `line` read as a row of a table: cells split by runs of whitespace, two
/// or more, none longer than [`MAX_CELL`] characters ([`MAX_LATIN_CELL`]
/// for a cell of ASCII alone) or holding a
/// full-width sentence or pause mark, at most half of them a single wide
/// character (letter-spaced prose is all such cells). `None` otherwise.
fn table_row(line: &Line, text: &str) -> Option<Cells> {
    if !may_be_table_row(line) {
        return None;
    }
    let cells = cells_of(&text.as_bytes()[line.text_start..line.text_end])?;
    (cells.cells >= 2 && 2 * cells.single_wide <= cells.cells).then_some(cells)
}

/// `line` read as a few cells of a table that an extractor wrote one or two
/// to a line (PyMuPDF writes a cell a line; `pdftotext` may cut a row):
/// at most 12 em wide, one to three cells as [`table_row`] reads them (none
/// a single wide character), two characters or more (a glyph of a
/// stretched line stands alone too), no bracket left open and no quote.
/// Whether one of them opens with a digit, or `None`.
fn table_cells(line: &Line, text: &str) -> Option<bool> {
    if !may_hold_cells(line) {
        return None;
    }
    let body = &text[line.text_start..line.text_end];
    // Quoted words are prose's, cut short by a narrow column.
    if body.contains(['“', '”', '‘', '’', '「', '」', '『', '』', '"']) {
        return None;
    }
    let cells = cells_of(body.as_bytes())?;
    (cells.chars >= 2 && cells.cells <= 3 && (cells.cells == 1 || cells.single_wide == 0))
        .then_some(cells.numbered)
}

/// What [`cells_of`] reads of a line.
struct Cells {
    /// Cells, split by spaces and tabs.
    cells: usize,
    /// Cells of one wide character.
    single_wide: usize,
    /// A cell opens with a digit (or a sign before one).
    numbered: bool,
    /// Characters in all cells.
    chars: usize,
}

/// `bytes` split by spaces and tabs into cells, none longer than
/// [`MAX_CELL`] characters or holding a sentence or pause mark; `None`
/// otherwise.
fn cells_of(bytes: &[u8]) -> Option<Cells> {
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let (mut cells, mut single_wide, mut numbered, mut chars) = (0, 0, false, 0);
    // The cell being read: its length in characters (bytes that do not
    // continue one), whether its last character is wide, and whether any is.
    let (mut len, mut wide, mut any_wide) = (0, false, false);
    // One pass, byte by byte: most prose lines stop early, at a run of
    // text longer than a cell or at a mark.
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' | b'\t' => {
                if len > 0 {
                    cells += 1;
                    single_wide += usize::from(len == 1 && wide);
                }
                len = 0;
                any_wide = false;
                continue;
            }
            // ASCII marks as prose uses them, standing for full-width
            // ones as OCR reads them (`题,可尝试`) or ending a word:
            // anywhere but between two digits (`1,234`, `12:30`); a full
            // stop next to a wide character.
            b',' | b';' | b':' | b'!' | b'?' if !(i > 0 && digit_at(i - 1) && digit_at(i + 1)) => {
                return None
            }
            b'.' if (i > 0 && bytes[i - 1] >= 0x80)
                || bytes.get(i + 1).is_some_and(|&n| n >= 0x80) =>
            {
                return None
            }
            // Full-width sentence and pause marks: `，` `；` `！` `？` `：`
            // (EF BC ..), `。` `、` (E3 80 ..).
            0xEF if matches!(
                bytes.get(i + 1..i + 3),
                Some([0xBC, 0x8C | 0x9B | 0x81 | 0x9F | 0x9A])
            ) =>
            {
                return None
            }
            0xE3 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x82 | 0x81])) => return None,
            // Curly quotes (`“` `”` `‘` `’`, E2 80 ..) are prose's: a
            // wrapped line cuts a quoted title (`(参见第 10.1.3 节 “归档语`).
            0xE2 if matches!(
                bytes.get(i + 1..i + 3),
                Some([0x80, 0x98 | 0x99 | 0x9C | 0x9D])
            ) =>
            {
                return None
            }
            _ => {}
        }
        if b & 0xC0 == 0x80 {
            continue;
        }
        if len == 0 {
            numbered |= b.is_ascii_digit() || (matches!(b, b'-' | b'+') && digit_at(i + 1));
        }
        wide = b >= 0x80;
        any_wide |= wide;
        if len >= if any_wide { MAX_CELL } else { MAX_LATIN_CELL } {
            return None;
        }
        len += 1;
        chars += 1;
    }
    if len > 0 {
        cells += 1;
        single_wide += usize::from(len == 1 && wide);
    }
    Some(Cells {
        cells,
        single_wide,
        numbered,
        chars,
    })
}

/// Takes the section's margin, the leading whitespace every one of its
/// lines has, off each line's indent and width (see [`Line::margin`]): a
/// page that `pdftotext -layout` set off its left edge reads as the page
/// itself, its first lines set in by their indents, not every line. Done
/// once per section, before its lines are read (by `Analysis::estimate`
/// and `Analysis::analyse_section`).
fn strip_margin(section: &mut [Line], text: &str) {
    if section.iter().any(|line| line.indent == 0) {
        return;
    }
    // Spaces and tabs (a form feed among them takes no room; a tab 2 em,
    // as `Line::indent` counts it); U+3000 is the indent
    // `Indent::Ideographic` writes before every paragraph, not a margin.
    // The widest cut of a line's lead, after a space or a tab, no wider
    // than `limit`: a tab's width cannot be split.
    let cut = |line: &Line, limit: u32| -> u32 {
        let lead = &text.as_bytes()[line.margin_end(text)..line.text_start];
        let mut width = 0;
        for &b in lead {
            let room = match b {
                b' ' => 1,
                b'\t' => 4,
                b'\x0c' => 0,
                _ => break,
            };
            if width + room > limit {
                break;
            }
            width += room;
        }
        width.min(line.indent)
    };
    // At least 1 em: the output keeps such a margin before every line that
    // had it (see `join::first_line_start`), and so reads the same again;
    // a lone space it drops. Every line's lead must cut at it: narrowed
    // until each does (at once where the leads are spaces).
    let mut margin = section
        .iter()
        .map(|line| cut(line, u32::MAX))
        .min()
        .unwrap_or(0);
    while margin >= 2 {
        let narrowest = section
            .iter()
            .map(|line| cut(line, margin))
            .min()
            .unwrap_or(0);
        if narrowest == margin {
            break;
        }
        margin = narrowest;
    }
    if margin < 2 {
        return;
    }
    for line in section {
        line.take_margin(margin, text);
    }
}

/// Where first lines kept their indents, a line of ASCII set in as they are
/// (`    ln -s /usr/local/bin/foo`, `    Linux`) before a line with no indent
/// that holds wide characters is a paragraph's first line, not code: its
/// leading spaces alone made it preformatted (see
/// [`Line::set_off_by_its_text`]), and code set in so stands among code,
/// not before prose that runs on from it.
fn open_with_set_in_words(section: &mut [Line], openings: &[Openings], text: &str) {
    for i in 0..section.len().saturating_sub(1) {
        let (line, next) = (&section[i], &section[i + 1]);
        let before_is_code = i > 0 && section[i - 1].shape.preformatted;
        if openings[i] == Openings::Indented
            && line.shape.preformatted
            && line.wide_chars == 0
            && set_in_as_kept(line)
            && !line.shape.aligned
            && !line.shape.code
            && !line.shape.table
            && !line.shape.verse
            && line.space_runs == 0
            && next.blanks_before == 0
            && next.indent == 0
            && next.wide_chars > 0
            && !next.shape.preformatted
            && !before_is_code
            && !line.set_off_by_its_text(text)
        {
            section[i].shape.preformatted = false;
            section[i].shape.set_in_first_line = true;
        }
    }
}

/// Marks the lines of verse in a section (see [`Shape::verse`]): runs of
/// three or more lines right below one another, each opening with an
/// ideograph and holding no mark but one at its end, all exactly as wide
/// (4 to 12 em) and as indented, between lines at least 2 em wider (as
/// compressed as they may be) or a blank line or the section's edge; the
/// line before may also be one of any width that ends at a pause mark (a
/// colon that introduces the verse) and is no furniture (a label's colon);
/// where every line of the run ends at its mark, a line 2 em narrower or
/// more with no mark at all (a title, a poet's name, a heading) may stand
/// on either side.
///
/// A paragraph's lines fill its column, so a run of them sits between lines
/// as wide (or ends at the paragraph's short last line); lines of verse or
/// of a list are narrower than the prose around them. The test reads the
/// lines alone, not the column, so that it finds the same run in the
/// output, where the prose around has become one line per paragraph.
///
/// [`Shape::verse`]: crate::line::Shape::verse
fn mark_verse(section: &mut [Line]) {
    #[cfg(debug_assertions)]
    let expected = {
        let mut lines = section.to_vec();
        mark_verse_run_by_run(&mut lines);
        lines
    };
    // A run is three lines or more, each as wide and as indented as the one
    // before, with no blank line between: straight to the next three such
    // lines (their widths first: most lines are as wide as the next less
    // often than they hold what verse does not), then on to the run's end.
    let three = |w: &[Line]| {
        let (a, b, c) = (&w[0], &w[1], &w[2]);
        b.width == a.width
            && c.width == a.width
            && b.indent == a.indent
            && c.indent == a.indent
            && b.blanks_before == 0
            && c.blanks_before == 0
            && verse_candidate(a)
            && verse_candidate(b)
            && verse_candidate(c)
    };
    let mut from = 0;
    // (The first three found open a run: had the line before gone on to
    // them, it would have made three too, found first.)
    while let Some(i) = first_verse_three(&section[from..], three).map(|k| from + k) {
        from = mark_verse_run(section, i, i + 3);
    }
    #[cfg(debug_assertions)]
    debug_assert_eq!(section, &expected[..], "verse by runs of three");
}

/// Where the first three lines of `lines` that `three` holds for start.
/// (Out of line, as [`first_cell_line`].)
#[inline(never)]
fn first_verse_three(lines: &[Line], three: impl Fn(&[Line]) -> bool) -> Option<usize> {
    lines.windows(3).position(three)
}

/// Whether `line` may be a line of verse (see [`mark_verse`]).
fn verse_candidate(line: &Line) -> bool {
    const MIN_WIDTH: u32 = 4 * 2;
    const MAX_WIDTH: u32 = 12 * 2;
    // Most prose lines are wider, and hold two marks or more.
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&(line.width - line.indent)) || line.compressible > 1 {
        return false;
    }
    let ends_with_mark = matches!(
        line.last,
        CharRole::Pause | CharRole::SentenceEnd | CharRole::Question
    );
    line.compressible == u32::from(ends_with_mark)
        && line.first == CharRole::Ideograph
        && (line.last == CharRole::Ideograph || ends_with_mark)
        && line.narrow == 0
        && line.letter_spaces == 0
        && line.brackets == 0
        && line.furniture.is_none()
        && !line.shape.preformatted
        // A phrase cut in two runs on: no line of verse ends before a noun
        // (`的`) or another word that needs what follows, or opens with a
        // word's tail or a particle (`的`, `们`).
        && !(line.ends_before_noun | line.ends_with_function_word | line.opens_mid_phrase)
}

/// Extends the run of verse candidates that `section[i..end]` opens over
/// the candidates as wide and as indented right below it, marks it verse
/// where it stands apart (see [`verse_run_set_apart`]), and returns where
/// it ends.
fn mark_verse_run(section: &mut [Line], i: usize, mut end: usize) -> usize {
    let (width, indent) = (section[i].width, section[i].indent);
    while end < section.len()
        && section[end].blanks_before == 0
        && section[end].width == width
        && section[end].indent == indent
        && verse_candidate(&section[end])
    {
        end += 1;
    }
    if verse_run_set_apart(section, i, end) {
        // Set line by line, as preformatted text is.
        for line in &mut section[i..end] {
            line.shape.verse = true;
            line.shape.preformatted = true;
        }
    }
    end
}

/// Whether the run of verse candidates `section[i..end]`, as wide as one
/// another, stands apart from the lines around (see [`mark_verse`]).
fn verse_run_set_apart(section: &[Line], i: usize, end: usize) -> bool {
    let width = section[i].width;
    let apart = |line: &Line| line.blanks_before > 0;
    let wider = |line: &Line| line.min_width() >= width + 4;
    // (A line that introduces the verse may be as short as it likes:
    // `…吟起了李白的` | `诗句：`; a label's colon is furniture's.)
    let introduces = |line: &Line| line.last == CharRole::Pause && line.furniture.is_none();
    // Lines that each end at a mark, with none inside, may stand between
    // narrower lines with no mark at all: a poem between its title (or
    // poet) and a heading (`李白` | `床前明月光，` … `低头思故乡。` | `赏析`).
    // Full lines of prose seldom end at a mark three times running with no
    // other mark, and a heading above or below holds none.
    let marked_ends = section[i..end].iter().all(|line| line.compressible == 1);
    let titled = |line: &Line| {
        marked_ends
            && line.compressible == 0
            && line.last.is_text()
            && line.furniture.is_none()
            && line.max_width() + 4 <= width
    };
    let opens = || {
        i == 0
            || apart(&section[i])
            || wider(&section[i - 1])
            || introduces(&section[i - 1])
            || titled(&section[i - 1])
    };
    let closes = || {
        end == section.len()
            || apart(&section[end])
            || wider(&section[end])
            || titled(&section[end])
    };
    end - i >= 3 && opens() && closes()
}

/// [`mark_verse`] run by run, as first written: every run of candidates
/// read, most of them one line (debug builds compare).
#[cfg(debug_assertions)]
fn mark_verse_run_by_run(section: &mut [Line]) {
    let mut from = 0;
    while let Some(i) = section[from..]
        .iter()
        .position(verse_candidate)
        .map(|k| from + k)
    {
        from = mark_verse_run(section, i, i + 1);
    }
}

/// What one pass over a section's lines tells of how it was extracted.
#[derive(Debug, Default)]
struct Survey {
    lines: usize,
    /// Lines with a few wide characters (so that their gaps and ends tell),
    /// furniture left out (captions, list items, bylines stop without a
    /// sentence end whatever the line spacing).
    judged: usize,
    /// Judged lines spaced out between their wide characters.
    letter_spaced: usize,
    /// Judged lines that stop mid-sentence.
    mid_sentence: usize,
    /// Judged lines that hold a punctuation mark (prose does; a list of
    /// titles seldom).
    punctuated: usize,
    /// Lines after exactly one blank line.
    after_one_blank: usize,
    /// Judged lines that end a sentence wider than any column
    /// ([`MAX_COLUMN`]): paragraphs of flowing text, which no wrapped text
    /// holds.
    unwrapped: usize,
    /// Lines that open a list item, and those of them that wrap (see
    /// [`wrapped_items`]).
    items: usize,
    wrapped_items: usize,
    /// Judged lines that end a sentence (with its mark, not at a closing
    /// mark alone) wider than twice the narrowest column ([`MIN_COLUMN`]):
    /// what [`Survey::paragraphs_one_a_line`] reads.
    wide_ends: usize,
    /// Blocks of two or more lines between blank lines (or the section's
    /// ends) that end with a line of prose (no furniture, nothing
    /// preformatted), and those of them whose last line stops mid-sentence.
    wrapped_blocks: usize,
    open_blocks: usize,
}

impl Survey {
    fn of(section: &[Line]) -> Survey {
        let mut survey = Survey {
            lines: section.len(),
            ..Survey::default()
        };
        // A block of wrapped prose: two lines or more, each but the last at
        // least 8 em wide (lines of verse are narrower), the last no
        // furniture and nothing preformatted (a list, a table or code ends
        // without a sentence end whatever its blank lines stand for).
        let close_block = |survey: &mut Survey, block: &[Line]| {
            if let [wrapped @ .., last] = block {
                if !wrapped.is_empty()
                    && wrapped.iter().all(|line| line.width >= MIN_COLUMN)
                    && last.furniture.is_none()
                    && !last.shape.preformatted
                {
                    survey.wrapped_blocks += 1;
                    survey.open_blocks += usize::from(last.stops_mid_sentence());
                }
            }
        };
        let mut block_start = 0;
        for (k, line) in section.iter().enumerate() {
            survey.items += usize::from(line.furniture == Some(Furniture::ListItem));
            if line.blanks_before > 0 && k > 0 {
                close_block(&mut survey, &section[block_start..k]);
                block_start = k;
            }
            survey.after_one_blank += usize::from(line.blanks_before == 1);
            if survey_judges(line) {
                survey.judged += 1;
                survey.letter_spaced += usize::from(line.shape.letter_spaced);
                let mid_sentence = survey_mid_sentence(line);
                survey.mid_sentence += usize::from(mid_sentence);
                survey.punctuated += usize::from(line.pauses > 0 || line.compressible > 0);
                survey.unwrapped += usize::from(!mid_sentence && line.width > MAX_COLUMN);
                survey.wide_ends += usize::from(line.ends_sentence && line.width > 2 * MIN_COLUMN);
            }
        }
        close_block(&mut survey, &section[block_start..]);
        // (Most sections have no list item, or one.)
        if survey.items >= 2 {
            survey.wrapped_items = wrapped_items(section);
        }
        // The first line's blank lines are before the section, not in it.
        if section.first().is_some_and(|l| l.blanks_before == 1) {
            survey.after_one_blank -= 1;
        }
        survey
    }

    /// Where the extractor spaced out most lines (OCR that puts a space
    /// between every two characters does), a spaced line says nothing of how
    /// it was set: it is not thereby a justified line stretched to the column
    /// (see [`fit`]), and is judged by its width like the
    /// others. A page where justification spread some lines has far fewer of
    /// them (a third at most in the corpus).
    fn spaced_out(&self) -> bool {
        self.letter_spaced >= 6 && 5 * self.letter_spaced >= 3 * self.judged
    }

    /// Whether most lines end a sentence, with no blank line before most of
    /// them, as the lines of already-flowing text run together (one
    /// paragraph per line, headings between) do; of wrapped text only a
    /// paragraph's last line does, and of a printed line cut into pieces
    /// fewer still. (Where blank lines part the lines, the blocks they make
    /// are read as such: see [`Survey::blank_lines_end_paragraphs`].)
    ///
    /// Or most lines stop mid-sentence (a paper's title, authors, keywords
    /// and headings), but the lines that end a sentence are paragraphs set
    /// one a line, wider than any column the others may be wrapped at (see
    /// [`Survey::paragraphs_one_a_line`]). And not where list items wrap
    /// (see [`Survey::items_wrap`]).
    ///
    /// Short paragraphs wrapped at a wide measure (a manual's, 40 em) end a
    /// sentence on most lines too; their other lines fill the column, and
    /// few paragraphs' last lines are wider (see [`fills_a_column`]).
    /// (`widths`: a buffer for [`fills_a_column`].)
    fn lines_end_sentences(&self, section: &[Line], widths: &mut Vec<u32>) -> bool {
        // (Three lines are enough when all of them end a sentence: a
        // wrapped paragraph of three lines has one that does not.)
        let most_end = match self.judged {
            0..=2 => false,
            3 => self.mid_sentence == 0,
            judged => 2 * self.mid_sentence < judged,
        };
        (most_end || self.paragraphs_one_a_line(section, widths))
            && !self.items_wrap()
            && 2 * self.after_one_blank < self.lines
            && !fills_a_column(section, widths)
    }

    /// Whether half the judged lines that end a sentence, two or more, are
    /// wider than any column the lines that stop mid-sentence may be
    /// wrapped at: twice the widest of the 2-em band that holds most of
    /// them (see [`column_band`]), or [`MAX_COLUMN`] where they agree on
    /// none. Then those are paragraphs set one a line, and the lines between
    /// them headings (a paper's title, authors and keywords, a notice's
    /// title over two lines and its addressee): a wrapped paragraph's last
    /// line is no wider than its column.
    fn paragraphs_one_a_line(&self, section: &[Line], widths: &mut Vec<u32>) -> bool {
        // (The lines that end a sentence or a bracket; of them only those
        // that end a sentence count as paragraphs: a closing bracket ends
        // as many scraps of text as paragraphs, and settling, which reads a
        // bracket's lines joined, would grow its joins round by round.)
        let ends = self.judged - self.mid_sentence;
        // (Told first by the count: most sections' paragraphs end within a
        // narrow column.)
        if self.wide_ends < 2 || 2 * self.wide_ends < ends {
            return false;
        }
        let limit = column_band(section, widths).map_or(MAX_COLUMN, |band| {
            (2 * band.top).clamp(2 * MIN_COLUMN, MAX_COLUMN)
        });
        let wider = section
            .iter()
            .filter(|line| survey_judges(line) && line.ends_sentence && line.width > limit)
            .count();
        wider >= 2 && 2 * wider >= ends
    }

    /// Whether the section's list items wrap onto lines of their own (two
    /// or more, and half its items): the lines the survey judges are then
    /// mostly their last lines, which end a sentence as flowing text's
    /// paragraphs do (a numbered list wrapped at a column, each item of
    /// two lines, was kept line by line as flowing text).
    fn items_wrap(&self) -> bool {
        self.wrapped_items >= 2 && 2 * self.wrapped_items >= self.items
    }

    /// Whether the blank lines are paragraph ends only, as a text renderer
    /// sets them: three or more blocks of wrapped lines, and at most one in
    /// ten of them stops mid-sentence at its blank line. (A PDF extractor
    /// puts a blank line at column and page breaks, most of them
    /// mid-sentence.)
    fn blank_lines_end_paragraphs(&self) -> bool {
        self.wrapped_blocks >= 3 && 10 * self.open_blocks <= self.wrapped_blocks
    }

    /// Whether a blank line stands between every two lines only as line
    /// spacing (an extractor that puts each printed line in a block of its
    /// own, as pdfminer does with its default layout parameters): most lines
    /// then stop mid-sentence, where the paragraphs of flowing text end a
    /// sentence, and a fifth of them or more hold a mark, as prose does (a
    /// list of titles, each between blank lines, stops without a mark too,
    /// and holds none). Short paragraphs (a manual's, at a wide measure) end
    /// a sentence on most lines too; their other lines fill one column,
    /// which flowing text's do not (see [`fills_a_column`]). And no two of
    /// its lines are paragraphs wider than any column: a paper's front
    /// matter and headings, flowing between blank lines, stop mid-sentence
    /// on most lines too.
    /// (`widths`: a buffer for [`fills_a_column`].)
    fn double_spaced(&self, section: &[Line], widths: &mut Vec<u32>) -> bool {
        self.lines >= 6
            && 10 * self.after_one_blank >= 9 * (self.lines - 1)
            && self.judged >= 6
            && self.unwrapped < 2
            && 5 * self.punctuated >= self.judged
            && (10 * self.mid_sentence >= 6 * self.judged || fills_a_column(section, widths))
    }
}

/// Whether the judged lines of `section` that stop mid-sentence fill one
/// column, as wrapped lines do: three or more, two in three of them within
/// one 2-em band of widths, and at most one in five of the lines that end a
/// sentence wider than that band by more than an em (a paragraph's last
/// line is no wider than its column). The lines of flowing text that stop
/// mid-sentence are headings and lines ending at a colon, of every width,
/// and its paragraphs are wider than most of them.
///
/// The band is the one that holds the most of them, not the one below the
/// widest: Latin text measured at half an em a letter overruns the column
/// by an em or two now and then (`/etc/rcN.d/ 中任何目录的脚本…` measures
/// 38.5 em in a 36-em column), and a band below such a line missed most of
/// the page's lines.
///
/// (`widths` is a buffer, kept from one call to the next.)
fn fills_a_column(section: &[Line], widths: &mut Vec<u32>) -> bool {
    let Some(band) = column_band(section, widths) else {
        return false;
    };
    let (mut ends, mut wider) = (0, 0);
    for line in section
        .iter()
        .filter(|line| survey_judges(line) && !survey_mid_sentence(line))
    {
        ends += 1;
        wider += usize::from(line.width > band.top + 2);
    }
    3 * band.near >= 2 * band.lines && 5 * wider <= ends
}

/// How many of `section`'s list items wrap onto a line of their own: the
/// item stops mid-sentence and the line after it (no furniture, no blank
/// line between) goes on with it, either
/// - flush: the item fills the column (within an em of the section's
///   widest line of prose or item), and the line after it is no more than
///   an em wider, the item's own last line; or
/// - with its indent lost: the item is within 3 em of the widest,
///   and the line after it is a full line that stops mid-sentence (up to
///   3 em wider), or clearly narrower, the item's last line.
///
/// A heading set as an item (`一、总体要求`) is narrower than the
/// section's paragraphs, or stands above a wider one or above another
/// item; above a line that ends a sentence within an em of its width
/// (flowing text: a heading, then a paragraph on one line) it is read as
/// a heading.
fn wrapped_items(section: &[Line]) -> usize {
    let is_item = |line: &Line| line.furniture == Some(Furniture::ListItem);
    let widest = section
        .iter()
        .filter(|line| survey_judges(line) || is_item(line))
        .map(|line| line.width)
        .max()
        .unwrap_or(0);
    section
        .iter()
        .zip(section.iter().skip(1))
        .filter(|(line, next)| {
            let flush = line.width + 2 >= widest && next.width <= line.width + 2;
            let indent_lost = line.width + 6 >= widest
                && ((next.width <= line.width + 6 && survey_mid_sentence(next))
                    || next.width + 2 <= line.width);
            is_item(line)
                && survey_mid_sentence(line)
                && next.blanks_before == 0
                && next.furniture.is_none()
                && (flush || indent_lost)
        })
        .count()
}

/// Lines a section's survey reads (see [`Survey::judged`]): a few wide
/// characters, and no furniture.
fn survey_judges(line: &Line) -> bool {
    line.wide_chars >= 4 && line.furniture.is_none()
}

/// Whether a line the survey judges stops mid-sentence (not at a closing
/// mark: see [`Survey::mid_sentence`]).
fn survey_mid_sentence(line: &Line) -> bool {
    !line.ends_sentence && line.last != CharRole::Close
}

/// The 2-em band of widths that holds the most of a section's judged lines
/// that stop mid-sentence (the widest of such bands): `near` of its `lines`
/// such lines, the widest of them `top` wide.
struct ColumnBand {
    near: usize,
    lines: usize,
    top: u32,
}

/// The [`ColumnBand`] of `section`, if three lines or more stop
/// mid-sentence. (`widths` is a buffer, kept from one call to the next.)
fn column_band(section: &[Line], widths: &mut Vec<u32>) -> Option<ColumnBand> {
    widths.clear();
    widths.extend(
        section
            .iter()
            .filter(|line| survey_judges(line) && survey_mid_sentence(line))
            .map(|line| line.width),
    );
    if widths.len() < 3 {
        return None;
    }
    widths.sort_unstable();
    // The band of 2 em (4 half-em) that holds the most widths, the widest
    // of such bands: `near` widths, the widest of them `top`.
    let (mut near, mut top, mut low) = (0, 0, 0);
    for (high, &width) in widths.iter().enumerate() {
        while width > widths[low] + 4 {
            low += 1;
        }
        if high + 1 - low >= near {
            near = high + 1 - low;
            top = width;
        }
    }
    Some(ColumnBand {
        near,
        lines: widths.len(),
        top,
    })
}

/// The most non-blank lines a section holds. A longer run of lines with no
/// two blank lines in a row is cut (see [`cut_long_section`]), so that
/// streaming holds at most this many lines. Real pages stay far below it
/// (the longest in the corpus has 515 lines).
pub(crate) const SECTION_LINES: usize = 4096;

/// Cuts `section`, one line over the limit ([`SECTION_LINES`] unless a test
/// set another), in two: the line returned starts a new section, and both
/// parts are within the limit.
///
/// The cut goes in the second half of the section (rounded up), at the last
/// of the likeliest paragraph starts there: after a sentence end and at an
/// indent or a blank line; else after a sentence end; else at an indent or a
/// blank line; else at the last line. It depends only on the lines, so
/// whole-text and streaming analyses cut at the same place.
///
/// Once both sections around it are decided, the cut is written marked or
/// silent (see [`SectionCut`]). Either way reflowing the output again finds
/// the same sections: a marked cut is a section break in the output, and its
/// sections hold no more lines than they did; around a silent cut the output
/// repeats the input from the section's start to past the end of the window
/// the cut was chosen in (the next cut is at least half a window further on),
/// so the same window is cut at the same line.
pub(crate) fn cut_long_section(section: &mut [Line]) -> usize {
    debug_assert!(section.len() >= 3);
    let score = |prev: &Line, next: &Line| {
        let opens = next.blanks_before > 0 || next.indent >= 2;
        u8::from(prev.ends_sentence) * 2 + u8::from(opens)
    };
    let half = (section.len() + 1) / 2;
    // The last of the best, searched for from the end: a sentence end
    // before an opening line (3) is the best there is.
    let mut best = (0, section.len() - 1);
    for (k, pair) in section[half - 1..].windows(2).enumerate().rev() {
        let s = score(&pair[0], &pair[1]);
        if s > best.0 {
            best = (s, half + k);
            if s == 3 {
                break;
            }
        }
    }
    let cut = best.1;
    // Marked until both sides are decided (`Analysis::resolve_cuts`), and
    // analysed as a section start.
    section[cut].cut = SectionCut::Marked(section[cut].blanks_before);
    section[cut].blanks_before = 2;
    cut
}

/// What a paragraph is, as far as the heuristics can tell.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{ParagraphKind, Reflower};
///
/// let text = "规范问责机制\n\n    let x = 1;\n\n十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力。\n";
/// let kinds: Vec<_> = Reflower::default().paragraphs(text).map(|p| p.kind()).collect();
/// assert_eq!(kinds, [ParagraphKind::Heading, ParagraphKind::Preformatted, ParagraphKind::Body]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Running text.
    Body,
    /// A headline, kicker, subhead or other short line without a sentence end.
    Heading,
    /// A byline, dateline, source line, caption or subtitle.
    Furniture(Furniture),
    /// Code, a table or other aligned text, or a line of verse (see
    /// [`Reason::Verse`]), kept line by line.
    Preformatted,
}

/// One paragraph of the reflowed text, with where it came from.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Options, ParagraphKind};
///
/// let text = "□本报记者 张三\n\n十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力。\n";
/// let reflower = Options::new().build()?;
/// let paragraphs: Vec<_> = reflower.paragraphs(text).collect();
/// assert_eq!(paragraphs[0].kind(), ParagraphKind::Furniture(cjk_reflow::Furniture::Byline));
/// assert_eq!(paragraphs[1].kind(), ParagraphKind::Body);
/// assert_eq!(
///     paragraphs[1].text(),
///     "十多年前，笔者在采访一些关注行政领域事务的学者时，常听到的一个观点是：加强问责。理由是，出了事若不敢问责、问责不力。"
/// );
/// assert_eq!(paragraphs[1].lines(), 2..7);
/// assert!(text[paragraphs[1].span()].starts_with("十多年前") && text[paragraphs[1].span()].ends_with("责不力。"));
/// # Ok::<(), cjk_reflow::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph<'t> {
    text: Cow<'t, str>,
    span: Range<usize>,
    lines: Range<usize>,
    kind: ParagraphKind,
}

impl<'t> Paragraph<'t> {
    /// The reflowed text, with the configured indent; borrowed from the input
    /// when it is a single line written as it was. (The form feed that
    /// `reflow` writes before a paragraph opening a page is not in it.)
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// let p = reflower.paragraphs("  标题\n").next().unwrap();
    /// assert_eq!(p.text(), "  标题");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Consumes the paragraph, returning its text.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let reflower = cjk_reflow::Reflower::default();
    /// let p = reflower.paragraphs("标题\n").next().unwrap();
    /// assert!(matches!(p.into_text(), Cow::Borrowed("标题")));
    /// ```
    pub fn into_text(self) -> Cow<'t, str> {
        self.text
    }

    /// Half-open byte range of the paragraph in the input: from the start of
    /// its first line (or its first non-whitespace character, when the
    /// indent is not preserved) to just past its last non-whitespace character. Terminators and blank lines
    /// between paragraphs are outside every span; spans are ordered and never
    /// overlap.
    ///
    /// ```
    /// let text = "\n\u{3000}\u{3000}甲乙丙。\n";
    /// let reflower = cjk_reflow::Reflower::default();
    /// let p = reflower.paragraphs(text).next().unwrap();
    /// assert_eq!(&text[p.span()], "\u{3000}\u{3000}甲乙丙。");
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Half-open range of 0-based input line numbers the paragraph covers
    /// (add one for an editor's line numbers).
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// let p = reflower.paragraphs("\n\n甲。\n").next().unwrap();
    /// assert_eq!(p.lines(), 2..3);
    /// ```
    pub fn lines(&self) -> Range<usize> {
        self.lines.clone()
    }

    /// What the paragraph is, as far as the heuristics can tell.
    ///
    /// ```
    /// use cjk_reflow::{Furniture, ParagraphKind};
    /// let reflower = cjk_reflow::Reflower::default();
    /// let p = reflower.paragraphs("□本报记者 张三\n").next().unwrap();
    /// assert_eq!(p.kind(), ParagraphKind::Furniture(Furniture::Byline));
    /// ```
    pub fn kind(&self) -> ParagraphKind {
        self.kind
    }
}

/// Iterator over the [`Paragraph`]s of a text, from [`Reflower::paragraphs`].
///
/// # Examples
///
/// ```
/// let reflower = cjk_reflow::Reflower::default();
/// let mut paragraphs = reflower.paragraphs("甲。\n\n乙。\n");
/// assert_eq!(paragraphs.next().map(|p| p.lines()), Some(0..1));
/// assert_eq!(paragraphs.next().map(|p| p.lines()), Some(2..3));
/// assert!(paragraphs.next().is_none());
/// ```
#[derive(Debug)]
pub struct Paragraphs<'r, 't> {
    reflower: &'r Reflower,
    text: &'t str,
    analysis: Analysis,
    next: usize,
}

impl<'r, 't> Paragraphs<'r, 't> {
    pub(crate) fn new(reflower: &'r Reflower, text: &'t str) -> Self {
        Paragraphs {
            reflower,
            text,
            analysis: Analysis::run(text, reflower),
            next: 0,
        }
    }
}

impl<'t> Iterator for Paragraphs<'_, 't> {
    type Item = Paragraph<'t>;

    fn next(&mut self) -> Option<Paragraph<'t>> {
        let a = &self.analysis;
        let i = self.next;
        if i >= a.lines.len() {
            return None;
        }
        let end = a.paragraph_end(i);
        self.next = end;
        let (first, last) = (&a.lines[i], &a.lines[end - 1]);
        let indent = self.reflower.options.indent;
        let start = join::first_line_start(self.text, first, a.keeps_its_lead(i, end), indent);
        let plain = end == i + 1 && indent != crate::Indent::Ideographic;
        let text = if plain {
            Cow::Borrowed(&self.text[start..first.text_end])
        } else {
            let mut s = String::new();
            a.write_paragraph(self.text, self.reflower, i, end, false, true, &mut s);
            Cow::Owned(s)
        };
        Some(Paragraph {
            text,
            span: start..last.text_end,
            lines: first.number..last.number + 1,
            kind: a.kind(i, end),
        })
    }
}

impl FusedIterator for Paragraphs<'_, '_> {}

/// One break decision, with the evidence behind it: what `--explain` prints.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Action, Options, Reason};
///
/// let reflower = Options::new().build()?;
/// let points = reflower.break_points("一二三四五六七八九十\n一二三四五六七八九十\n一二三四五六七八九十\n，一二\n");
/// assert_eq!(points.len(), 3);
/// assert_eq!(points[0].action, Action::Join);
/// assert_eq!(points[0].reason, Reason::FullLine);
/// assert_eq!(points[2].reason, Reason::NextStartsWithClosing);
/// assert_eq!(points[2].line, 2);
/// # Ok::<(), cjk_reflow::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct BreakPoint {
    /// 0-based input line number of the line before the break.
    pub line: usize,
    /// 0-based input line number of the next non-blank line.
    pub next_line: usize,
    /// Byte offset in the input where the line before the break ends (its terminator).
    pub offset: usize,
    /// Blank lines between the two lines.
    pub blank_lines: u32,
    /// What was done.
    pub action: Action,
    /// Why.
    pub reason: Reason,
    /// The column width estimated around the line, in em, if the text there is wrapped.
    pub column_em: Option<f32>,
    /// How the line before the break fills that column.
    pub fit: Option<Fit>,
    /// Display width of the line before the break, in em.
    pub width_em: f32,
    /// Whether the break was decided again when the output was (settling:
    /// the output, reflowed again, must come back unchanged) and decided
    /// otherwise than on the input's lines: `reason` then reads the two
    /// paragraphs as the output sets them, one line each, while
    /// `column_em`, `fit` and `width_em` describe the input's lines.
    pub settled: bool,
}

pub(crate) fn break_points(text: &str, reflower: &Reflower) -> Vec<BreakPoint> {
    let mut a = Analysis::default();
    a.fill(text, reflower);
    let first_round = a.decisions.clone();
    a.settle(text, reflower);
    a.decisions
        .iter()
        .zip(&first_round)
        .enumerate()
        .map(|(i, (&(action, reason), &first))| {
            let (prev, next) = (&a.lines[i], &a.lines[i + 1]);
            BreakPoint {
                line: prev.number,
                next_line: next.number,
                offset: prev.end,
                blank_lines: next.blanks_read(),
                action,
                reason,
                column_em: a.columns[i].map(|w| w as f32 / 2.0),
                fit: a.columns[i].map(|w| fit(prev, w, next.lead_chunk)),
                width_em: prev.width as f32 / 2.0,
                settled: (action, reason) != first,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_numbers_are_read_in_brackets() {
        for (body, number) in [
            ("[1] 费孝通", Some(1)),
            ("［12］王铭铭", Some(12)),
            ("【３】注释", Some(3)),
            ("〔104〕", Some(104)),
            ("[0] 零", None),
            ("[1234] 太长", None),
            ("[1］ 不成对", None),
            ("[a] 字母", None),
            ("[] 空", None),
            ("（1）括号", None),
        ] {
            assert_eq!(note_number(body), number, "{body}");
        }
    }
    use crate::line::raw_lines;
    use proptest::prelude::*;

    proptest! {
        // (Cases as proptest reads them, `PROPTEST_CASES` included.)
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Finding where code ends eight bytes at a time agrees with
        /// finding it byte by byte.
        #[test]
        fn code_ends_are_found_as_bytes_find_them(
            line in "[ #/a=中é\u{80}\u{7FF}]{0,30}",
        ) {
            prop_assert_eq!(code_end(line.as_bytes()), code_end_by_bytes(line.as_bytes()));
        }

        /// Looking for a run of spaces run by run agrees with `contains`.
        #[test]
        fn space_runs_are_found_as_contains_finds_them(
            line in "[ a中]{0,14}",
            run in 1usize..6,
        ) {
            prop_assert_eq!(
                has_space_run(line.as_bytes(), run),
                line.contains(&" ".repeat(run))
            );
        }

        /// The gutter found over bytes agrees with the one found character
        /// by character, indent (tabs, spaces) and all.
        #[test]
        fn gutters_are_found_as_characters_find_them(
            line in "[ \t]{0,6}[ \ta中，é]{0,24}",
        ) {
            let raw = raw_lines(&line).next();
            if let Some(measured) = raw.and_then(|raw| Line::measure(&line, raw, 0, 0, true)) {
                prop_assert_eq!(
                    gutter_end(&measured, &line),
                    gutter_end_slow(&measured, &line)
                );
            }
        }

        /// Looking for a gap after a sentence end run by run agrees with
        /// looking window by window.
        #[test]
        fn gaps_after_sentence_ends_are_found_as_windows_find_them(
            line in "[ 。！？，a中\u{3000}]{0,14}",
        ) {
            prop_assert_eq!(
                gap_after_sentence_end(line.as_bytes()),
                gap_after_sentence_end_by_windows(line.as_bytes())
            );
        }
    }

    /// Measures `blocks`, a blank line before each but the first.
    fn section(blocks: &[&[&str]]) -> Vec<Line> {
        let mut lines = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            for (k, text) in block.iter().enumerate() {
                let raw = raw_lines(text).next().unwrap();
                let blanks = u32::from(b > 0 && k == 0);
                lines.push(Line::measure(text, raw, lines.len(), blanks, true).unwrap());
            }
        }
        lines
    }

    /// Short paragraphs wrapped at a manual's measure end a sentence on
    /// most lines; their other lines fill one column, though a line of
    /// Latin text measured at half an em a letter overruns it, and flowing
    /// text's mid-sentence lines (headings) fill none.
    #[test]
    fn lines_that_stop_mid_sentence_fill_a_column_past_a_wide_latin_line() {
        let full = "可以使用软件包管理工具完成安装它会自动处理所有";
        let wide = "服务的脚本放在 /etc/rcN.d/rc.local.d/ 目录中它们都是";
        let last = "置文件。";
        let answer = "一般不需要。";
        let mut wrapped = vec![full, last, answer, full, last, answer, full, last];
        wrapped.extend([answer, wide, last, answer, full, last, answer]);
        let manual = section(&[&wrapped]);
        assert!(
            manual[9].width > manual[0].width + 4,
            "the Latin line overruns"
        );
        let widths = &mut Vec::new();
        assert!(!Survey::of(&manual).lines_end_sentences(&manual, widths));
        assert!(fills_a_column(&manual, widths));
        // A blank line after every line (pdfminer's default layout) is line
        // spacing there too, though most lines end a sentence.
        let blocks: Vec<&[&str]> = wrapped.iter().map(std::slice::from_ref).collect();
        let double_spaced = section(&blocks);
        assert!(Survey::of(&double_spaced).double_spaced(&double_spaced, widths));
        // Flowing text: headings of every width between paragraphs wider
        // than any of them.
        let flowing = section(&[&[
            "第一章",
            "可以使用软件包管理工具完成安装，它会自动处理所有的依赖关系和配置文件。",
            "安装之前的准备工作",
            "一般不需要重新启动，服务会在安装之后自动运行起来并读取新的配置。",
            "第二章　删除软件包",
            "使用同一个工具即可删除软件包，它同样会处理依赖关系并询问是否保留。",
        ]]);
        assert!(!fills_a_column(&flowing, widths));
    }

    /// A renderer's blank lines end paragraphs: every block of wrapped
    /// lines ends its sentence there. A PDF extractor's fall at column
    /// breaks too, mid-sentence; and a page of one-line blocks (flowing
    /// text) shows nothing either way.
    #[test]
    fn blank_lines_read_as_paragraph_ends_only_where_every_block_ends_a_sentence() {
        let wrapped: &[&str] = &["一二三四五六七八九十一二三四", "五六七八。"];
        let cut: &[&str] = &[
            "一二三四五六七八九十一二三四",
            "五六七八九十一二三四五六七八",
        ];
        let heading: &[&str] = &["小标题"];
        let renderer = section(&[wrapped, heading, wrapped, wrapped, wrapped]);
        assert!(Survey::of(&renderer).blank_lines_end_paragraphs());
        let extractor = section(&[wrapped, cut, wrapped, cut, wrapped]);
        assert!(!Survey::of(&extractor).blank_lines_end_paragraphs());
        let one_line = ["一二三四五六七八。"];
        let flowing = section(&[&one_line, &one_line, &one_line, &one_line]);
        assert!(!Survey::of(&flowing).blank_lines_end_paragraphs());
        // Stanzas of verse end their sentences at their blank lines too,
        // but no line of theirs is as wide as a line of wrapped prose.
        let stanza: &[&str] = &["春天来了，", "小草绿了", "花儿都开了", "燕子飞回来了。"];
        let verse = section(&[stanza, stanza, stanza, stanza]);
        assert!(!Survey::of(&verse).blank_lines_end_paragraphs());
        // One column break in ten blocks is not enough to tell.
        let mut blocks = vec![wrapped; 9];
        blocks.push(cut);
        assert!(Survey::of(&section(&blocks)).blank_lines_end_paragraphs());
        blocks.push(cut);
        assert!(!Survey::of(&section(&blocks)).blank_lines_end_paragraphs());
    }

    /// Flowing text, one paragraph per line with headings between, ends a
    /// sentence on most of its lines; wrapped text only on a paragraph's
    /// last, and a printed line cut into pieces at its marks seldom.
    #[test]
    fn lines_end_sentences_only_in_flowing_text() {
        let ends = |blocks: &[&[&str]]| {
            let lines = section(blocks);
            Survey::of(&lines).lines_end_sentences(&lines, &mut Vec::new())
        };
        let flowing: &[&str] = &[
            "持续升级的生活",
            "对于你的生产服务器，建议使用带有安全更新的套件。",
            "菩萨使用下面的内容拯救一个人，使他脱困。",
            "档案库基础",
            "下面是配置文件所使用的档案库站点的列表。",
        ];
        assert!(ends(&[flowing]));
        let wrapped: &[&str] = &[
            "十多年前，笔者在采访一些",
            "关注行政领域事务的学者时，常",
            "听到的一个观点是：加强问责。",
            "理由是，出了事若不敢问责、问",
            "责不力，震慑力就有限。",
        ];
        assert!(!ends(&[wrapped]));
        let pieces: &[&str] = &[
            "行；这些脚本杀死（kill）服",
            "务。",
            "然后所有以",
            "“S”",
            "开头的脚",
            "本会被执行；这些脚本启动",
        ];
        assert!(!ends(&[pieces]));
        // Too few lines to tell, unless every one ends a sentence.
        assert!(!ends(&[&flowing[..3]]));
        let sentences: Vec<&str> = [&flowing[1..3], &flowing[4..]].concat();
        assert!(ends(&[&sentences]));
        assert!(!ends(&[&wrapped[2..]]));
        // Short paragraphs wrapped at a wide measure end a sentence on most
        // lines; their other lines fill the column.
        let wide: &[&str] = &[
            "对于涉及软件包安装或更新软件包元数据的软件包管理操作，你必须有",
            "管理员的权限。",
            "这似乎大多数是由元软件包的依赖或推荐的软件包版本偏差造成的，例",
            "如桌面的核心包。",
            "所有符合匹配的软件包可以在顶层标题上使用方括号显示出来，便于查",
            "看和选择。",
            "下面是配置文件所使用的档案库站点的列表。",
            "菩萨使用下面的内容拯救一个人，使他脱困。",
        ];
        assert!(!ends(&[wide]));
        // Lines between blank lines are blocks, read as blocks.
        let blocks: Vec<&[&str]> = flowing.iter().map(std::slice::from_ref).collect();
        assert!(!ends(&blocks));
    }

    /// `lines` as one text, measured, and which of them are marked as rows
    /// of a table.
    fn table_rows(lines: &[&str]) -> Vec<bool> {
        fn mark_tables(section: &mut [Line], text: &str) {
            mark_table_rows(section, text);
            mark_table_cells(section, text);
        }
        marked(lines, mark_tables, |line| line.shape.table)
    }

    /// `lines` as one text, measured and marked by `mark`; `flag` of each.
    fn marked(lines: &[&str], mark: fn(&mut [Line], &str), flag: fn(&Line) -> bool) -> Vec<bool> {
        let text = lines.join("\n");
        let mut measured: Vec<Line> = raw_lines(&text)
            .enumerate()
            .filter_map(|(number, raw)| Line::measure(&text, raw, number, 0, true))
            .collect();
        mark(&mut measured, &text);
        measured.iter().map(flag).collect()
    }

    #[test]
    fn rows_of_numbers_split_by_single_spaces_are_a_table() {
        let prose = "具体数据如下表所示：";
        let rows = [
            "城市 人口（万人） 增长率",
            "广州 1867 2.1%",
            "深圳 1,756 -1.8%",
            "佛山 951 1.2%",
        ];
        let mut page = vec![prose];
        page.extend(rows);
        page.push("专家表示，人口持续流入为城市发展提");
        assert_eq!(table_rows(&page), [false, true, true, true, true, false]);
        // Two rows are too few; so is a run where numbers are the fewer.
        assert_eq!(table_rows(&rows[..2]), [false, false]);
        let words = [
            "城市 人口 增长",
            "广州 常住 人口",
            "深圳 1756 人口",
            "佛山 常住 人口",
        ];
        assert_eq!(table_rows(&words), [false; 4]);
        // Cells must agree in number from row to row.
        let ragged = ["广州 1867 2.1%", "深圳 1756", "佛山 951 1.2%"];
        assert_eq!(table_rows(&ragged), [false; 3]);
    }

    #[test]
    fn prompts_and_markdown_headings_are_code() {
        for line in [">>> import os", "## 安装步骤", "###### 注意"] {
            assert!(is_command_line(line), "{line}");
        }
        for line in [
            "# apt-get install",
            "$ sudo apt update",
            "#话题#",
            "##",
            "####### 七级",
        ] {
            assert!(!is_command_line(line), "{line}");
        }
        let code = |lines: &[&str]| marked(lines, mark_code_lines, |line| line.shape.code);
        assert_eq!(
            code(&["$ sudo apt update", "# apt install nginx"]),
            [true, true]
        );
        // One alone, or one running on into a sentence, is not enough.
        assert_eq!(
            code(&["操作如下：", "$ sudo apt update", "然后"]),
            [false; 3]
        );
        assert_eq!(
            code(&["$ sudo pbuilder --update", "$ pdebuild 你可以使用"]),
            [false; 2]
        );
        // Without a prompt, two common commands in a row, each with an
        // argument; not one alone, nor a name that opens a sentence.
        assert_eq!(
            code(&[
                "安装命令如下：",
                "sudo apt update",
                "git clone https://x.org/a.git",
                "完成"
            ]),
            [false, true, true, false]
        );
        assert_eq!(code(&["然后运行", "sudo apt update", "即可"]), [false; 3]);
    }

    #[test]
    fn code_without_fences_is_kept() {
        let code = |lines: &[&str]| marked(lines, mark_code_lines, |line| line.shape.code);
        assert_eq!(
            code(&[
                "示例如下：",
                "import json",
                "# 读取配置文件",
                "with open(\"config.json\") as f:",
                "    config = json.load(f)",
                "print(config)  # 打印",
                "运行之前先安装依赖。",
            ]),
            [false, true, true, true, true, true, false]
        );
        assert_eq!(
            code(&["name = \"demo\"", "port = 8080", "}"]),
            [true, true, true]
        );
        // A quoted block's lines.
        assert_eq!(
            code(&[
                "说明如下：",
                "> 提示：可以使用 apt list 查看可以升级",
                "> 的软件包。"
            ]),
            [false, true, true]
        );
        // One line alone is not enough; nor are prose's Latin words, manual
        // pages' sections or a MIME type cut over lines.
        assert_eq!(code(&["配置如下：", "port = 8080", "即可。"]), [false; 3]);
        for prose in [
            "for the first time, we show that",
            "from the results of the survey",
            "mkfs(8)",
            "mkfs.ext2(8)、",
            "(NM)",
            "\"Content-Type:",
            "text/plain;",
            "charset=ISO-2022-",
            "如果 x = 1 则",
            "http://www.debian.org/",
        ] {
            assert!(!code_signature(prose), "{prose}");
        }
        for line in [
            "import json",
            "from os import path",
            "x = f(1)",
            "int main() {",
            "main()",
            "with open(\"a.json\") as 了:",
            "print(key，value) # 打印",
        ] {
            assert!(code_signature(line), "{line}");
        }
        for prose in [
            "make 是一个维护程序",
            "make install.",
            "cd",
            "cargo  build",
            "Make sure the system",
        ] {
            assert!(!is_bare_command(prose), "{prose}");
        }
    }

    /// Extractors that write a table a cell a line, or cut its rows in two.
    #[test]
    fn cells_a_line_are_a_table() {
        let cells = [
            "城市",
            "人口（万人）",
            "增长率",
            "广州",
            "1867",
            "2.1%",
            "深圳",
            "1756",
            "1.8%",
        ];
        assert_eq!(table_rows(&cells), [true; 9]);
        let cut = ["广州 1867", "2.1%", "深圳 1756", "1.8%", "佛山 951", "1.2%"];
        assert_eq!(table_rows(&cut), [true; 6]);
        // The glyphs of a stretched line, one a line, are no cells.
        let glyphs = ["2", "0", "2", "4", "年", "3", "月"];
        assert_eq!(table_rows(&glyphs), [false; 7]);
        // Nor a narrow column of prose that cites sections by number.
        let prose = [
            "用作拷贝命令 (参见第",
            "10.1.3 节“归档语法”",
            "和第 10.1.4 节“复制语",
            "法”",
            "(参见第 9.4.9 节“使用",
            "2024",
            "12.5",
        ];
        assert_eq!(table_rows(&prose), [false; 7]);
        // Rows that repeat, with few numbers: a setting's name, its value,
        // what it does.
        let settings = [
            "参数",
            "默认值",
            "说明",
            "worker_processes",
            "auto",
            "工作进程数",
            "worker_connections",
            "1024",
            "每个进程的连接数",
            "keepalive_timeout",
            "65",
            "长连接超时时间",
        ];
        assert_eq!(table_rows(&settings), [true; 12]);
        // Not without both kinds in a row, nor with a row left unfinished,
        // nor with fewer than three rows.
        let words = [
            "数据", "处理", "方法", "研究", "进展", "综述", "分析", "结果", "讨论",
        ];
        assert_eq!(table_rows(&words), [false; 9]);
        assert_eq!(table_rows(&settings[..11]), [false; 11]);
        assert_eq!(table_rows(&settings[..6]), [false; 6]);
    }

    #[test]
    fn prose_with_numbers_and_words_is_no_table() {
        // Mixed prose: long runs of text, marks, letter-spacing.
        let mixed = [
            "系统都共享相同的 amd64 CPU 架构",
            "于 2022 年发布的 Debian 12 版本",
            "中，共有 64 个软件包需要更新",
        ];
        assert_eq!(table_rows(&mixed), [false; 3]);
        let spaced = [
            "据 新 华 社 北 京 3 月 5 日",
            "电 今 年 1 月 份 全 国 居",
            "民 消 费 价 格 同 比 上 涨",
        ];
        assert_eq!(table_rows(&spaced), [false; 3]);
        // OCR's ASCII marks stand for full-width ones.
        let half_width = ["题,可尝试 16 搜索", "版本 12 发布.之后", "共 64 个;其中"];
        assert_eq!(table_rows(&half_width), [false; 3]);
    }
}

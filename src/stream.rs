//! Section by section: the driver behind [`Reflower::reflow_into`] and
//! [`Reflower::reflow_stream`], with memory bounded by one section of the
//! input, not by the input.
//!
//! A section is the text between two runs of two or more blank lines. The
//! pipeline analyses sections independently and keeps the break between them
//! as it was (see `paragraph::starts_section`), so reflowing section by
//! section writes exactly what one analysis of the whole text would.

use std::io::{BufRead, Write};

use crate::join::{write_separator, Terminator};
use crate::line::{Line, LineCounter, SectionCut};
use crate::paragraph::{cut_long_section, cut_written, starts_section, Analysis};
use crate::{Action, Error, Reflower};

/// Measures lines one at a time and reflows each section as soon as the
/// next one starts. Every line is split and measured exactly once.
#[derive(Debug, Default)]
pub(crate) struct SectionWriter {
    /// The lines of the section being collected.
    analysis: Analysis,
    /// Line numbers and blank-line counts, over the whole input.
    counter: LineCounter,
    /// The lines after the cut of a long section, while the part before it is written.
    rest: Vec<Line>,
    /// Whether the last section written came out exactly as it came in; a
    /// cut after it is written once the section after it says the same (see
    /// [`SectionCut`]).
    last_unchanged: bool,
}

impl SectionWriter {
    /// Measures every line of `text[from..]` (whole lines of `text`); each
    /// section that ends there is reflowed into `out`, after the separator
    /// that precedes it.
    pub(crate) fn feed(&mut self, text: &str, from: usize, reflower: &Reflower, out: &mut String) {
        let mut next = from;
        while next < text.len() {
            let lines = &mut self.analysis.lines;
            let before = lines.len();
            // Up to a line that needs one of the steps below.
            next = self.counter.measure_run(
                text,
                next,
                reflower.wide_ambiguous,
                lines,
                reflower.section_lines,
            );
            if lines.len() == before {
                continue;
            }
            if lines.len() > 1 && starts_section(&lines[lines.len() - 1]) {
                // The line opens the next section: the ones before it are
                // written first (lines are measured into place, so this one
                // steps aside meanwhile).
                let opening = lines.pop().expect("just measured");
                self.write_section(text, reflower, false, out);
                let blanks = opening.blanks_before;
                write_separator(out, Action::Keep, blanks, reflower.options.separator);
                self.analysis.lines.push(opening);
            }
            if self.analysis.lines.len() > reflower.section_lines {
                self.cut_section(text, reflower, out);
            }
        }
    }

    /// Writes the collected section up to where [`cut_long_section`] cuts it,
    /// and keeps the rest as the start of the next section. The separator
    /// at the cut waits for that section's decisions.
    fn cut_section(&mut self, text: &str, reflower: &Reflower, out: &mut String) {
        let cut = cut_long_section(&mut self.analysis.lines);
        self.rest.clear();
        self.rest.extend_from_slice(&self.analysis.lines[cut..]);
        self.analysis.lines.truncate(cut);
        self.write_section(text, reflower, true, out);
        self.analysis.lines.extend_from_slice(&self.rest);
    }

    /// Byte offset in the text being fed where the section being collected
    /// starts: everything before it is written and may be dropped.
    fn pending_start(&self) -> Option<usize> {
        self.analysis.lines.first().map(|line| line.start)
    }

    /// Moves the collected lines `by` bytes back, after the text before them
    /// was dropped.
    fn shift_back(&mut self, by: usize) {
        for line in &mut self.analysis.lines {
            line.shift_back(by);
        }
    }

    /// Reflows the collected section into `out`, after the separator of the
    /// cut before it, if a long section was cut there. `before_cut`: a cut
    /// follows, which needs to know whether this section came out unchanged.
    fn write_section(
        &mut self,
        text: &str,
        reflower: &Reflower,
        before_cut: bool,
        out: &mut String,
    ) {
        self.analysis.analyse_section(text, reflower);
        let Some(first) = self.analysis.lines.first() else {
            return;
        };
        let after_cut = first.cut != SectionCut::None;
        if after_cut || before_cut {
            let unchanged = self
                .analysis
                .keeps_lines(0..self.analysis.lines.len(), text, reflower);
            if after_cut {
                let first = &mut self.analysis.lines[0];
                first.cut = cut_written(self.last_unchanged && unchanged, first.blanks_read());
                let blanks = first.blanks_written();
                write_separator(out, Action::Keep, blanks, reflower.options.separator);
            }
            self.last_unchanged = unchanged;
        }
        self.analysis.settle_into(text, reflower, out);
        self.analysis.lines.clear();
    }

    /// Writes the last section and the final newline, if the input ended
    /// with a line terminator.
    pub(crate) fn finish(
        &mut self,
        text: &str,
        reflower: &Reflower,
        ends_with_terminator: bool,
        out: &mut String,
    ) {
        if self.analysis.lines.is_empty() {
            return;
        }
        self.write_section(text, reflower, false, out);
        if ends_with_terminator {
            out.push('\n');
        }
    }
}

/// How much input `reflow_stream` reads before it measures what it read.
const CHUNK: usize = 64 << 10;

impl Reflower {
    /// Reflows everything `input` yields into `output`, one section at a time.
    ///
    /// The output is byte for byte what [`Reflower::reflow`] returns for the
    /// whole input; memory is bounded by the longest section (the text between
    /// two runs of two or more blank lines, at most 4096 non-blank lines: see
    /// [`crate::Reason::LongSection`]), plus the longest line, plus a 64 KiB
    /// read buffer.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] with the byte offset in the whole input of the
    /// first invalid byte (output already written for earlier sections stays
    /// written); [`Error::Io`] when reading or writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// let page = "十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力。\n\n\n标题\n";
    /// let mut out = Vec::new();
    /// reflower.reflow_stream(page.as_bytes(), &mut out)?;
    /// assert_eq!(String::from_utf8(out).unwrap(), reflower.reflow(page));
    /// # Ok::<(), cjk_reflow::Error>(())
    /// ```
    pub fn reflow_stream<R: BufRead, W: Write>(&self, input: R, output: W) -> Result<(), Error> {
        self.reflow_stream_in_chunks(input, output, CHUNK)
    }

    /// [`Reflower::reflow_stream`], measuring what it read once `chunk`
    /// bytes of whole lines have gathered (tests use small chunks to reach
    /// the dropping of written sections with small inputs).
    pub(crate) fn reflow_stream_in_chunks<R: BufRead, W: Write>(
        &self,
        mut input: R,
        mut output: W,
        chunk: usize,
    ) -> Result<(), Error> {
        let mut state = StreamState::default();
        loop {
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let Some(take) = whole_lines(buf) else {
                // No line ends here: held until the rest of the line comes.
                state.partial.extend_from_slice(buf);
                let read = buf.len();
                input.consume(read);
                continue;
            };
            let mut lines = &buf[..take];
            if !state.partial.is_empty() {
                // The held line ends here; only it goes through `partial`,
                // the lines after it are taken from the reader's buffer.
                let end = first_line_end(lines);
                state.partial.extend_from_slice(&lines[..end]);
                state.take_partial()?;
                lines = &lines[end..];
            }
            if state.text.is_empty() && lines.len() >= chunk {
                // Enough whole lines in the reader's buffer (a large one, or
                // a slice), nothing before them: measured from there rather
                // than copied first.
                state.absorb_in_place(lines, self, &mut output)?;
            } else {
                state.take_in(lines)?;
                if state.text.len() - state.measured >= chunk {
                    state.absorb(self, &mut output)?;
                }
            }
            input.consume(take);
        }
        // A last line without a terminator.
        state.take_partial()?;
        state.absorb(self, &mut output)?;
        let StreamState {
            text,
            mut out,
            mut writer,
            ends_with_terminator,
            terminator,
            ..
        } = state;
        writer.finish(&text, self, ends_with_terminator, &mut out);
        terminator.unwrap_or_default().apply(&mut out, 0);
        output.write_all(out.as_bytes())?;
        output.flush()?;
        Ok(())
    }
}

/// The length of the longest prefix of `buf` made of whole lines, if there
/// is one: up to the last `\n`, or else up to the last lone `\r` that is
/// followed by another byte in `buf` (a `\r` at the end may be half of a
/// `\r\n`).
fn whole_lines(buf: &[u8]) -> Option<usize> {
    buf.iter()
        .rposition(|&b| b == b'\n')
        .or_else(|| {
            let before_last = &buf[..buf.len().saturating_sub(1)];
            before_last.iter().rposition(|&b| b == b'\r')
        })
        .map(|i| i + 1)
}

/// The length of the first line of `lines` (whole lines, as
/// [`whole_lines`] cuts them: a `\r` at their end is no half of a `\r\n`).
fn first_line_end(lines: &[u8]) -> usize {
    let at = lines
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(lines.len());
    if lines[at..].starts_with(b"\r\n") {
        at + 2
    } else {
        (at + 1).min(lines.len())
    }
}

/// What `reflow_stream` holds between reads.
#[derive(Debug, Default)]
struct StreamState {
    /// The section being collected and the lines read since (measured up
    /// to `measured`), as text: whole lines, except at the input's end.
    text: String,
    /// Where the lines of `text` not yet measured start.
    measured: usize,
    /// A line read but not yet ended (not checked for UTF-8 yet either).
    partial: Vec<u8>,
    /// Bytes of the input before `text`, for error offsets.
    dropped: usize,
    /// Whether the input read so far ends with a line terminator.
    ends_with_terminator: bool,
    /// The input's first line terminator, once read: the output's.
    terminator: Option<Terminator>,
    writer: SectionWriter,
    out: String,
}

impl StreamState {
    /// Checks `bytes` (whole lines, or the input's end), and returns them as
    /// text, noting how they end.
    fn check<'b>(&mut self, bytes: &'b [u8]) -> Result<&'b str, Error> {
        let valid = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            offset: self.dropped + self.text.len() + e.valid_up_to(),
        })?;
        if !valid.is_empty() {
            self.ends_with_terminator = valid.ends_with(['\n', '\r']);
        }
        // (`valid` is whole lines, or the input's end: a `\r` at its end
        // is not half of a `\r\n`.)
        self.terminator = self.terminator.or_else(|| Terminator::first_in(valid));
        Ok(valid)
    }

    /// Adds `bytes` (whole lines, or the input's end) to the text, to be
    /// measured.
    fn take_in(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let valid = self.check(bytes)?;
        self.text.push_str(valid);
        Ok(())
    }

    /// [`StreamState::take_in`] of the line held in `partial`.
    fn take_partial(&mut self) -> Result<(), Error> {
        let partial = std::mem::take(&mut self.partial);
        let taken = self.take_in(&partial);
        self.partial = partial;
        self.partial.clear();
        taken
    }

    /// Measures the lines not yet measured, writes every section they
    /// complete and drops the text written.
    fn absorb<W: Write>(&mut self, reflower: &Reflower, output: &mut W) -> Result<(), Error> {
        if self.measured == self.text.len() {
            return Ok(());
        }
        self.writer
            .feed(&self.text, self.measured, reflower, &mut self.out);
        let keep_from = self.writer.pending_start().unwrap_or(self.text.len());
        self.write_out(output)?;
        // Nothing written since the last read: a long section is still being
        // collected, and moving its lines on every read would be quadratic.
        if keep_from > 0 {
            self.text.drain(..keep_from);
            self.writer.shift_back(keep_from);
            self.dropped += keep_from;
        }
        self.measured = self.text.len();
        Ok(())
    }

    /// [`StreamState::absorb`] of `bytes` (whole lines), with no text
    /// before them: measured where they are, and only the lines still
    /// pending after are copied.
    fn absorb_in_place<W: Write>(
        &mut self,
        bytes: &[u8],
        reflower: &Reflower,
        output: &mut W,
    ) -> Result<(), Error> {
        let valid = self.check(bytes)?;
        self.writer.feed(valid, 0, reflower, &mut self.out);
        let keep_from = self.writer.pending_start().unwrap_or(valid.len());
        self.write_out(output)?;
        self.text.push_str(&valid[keep_from..]);
        self.measured = self.text.len();
        self.writer.shift_back(keep_from);
        self.dropped += keep_from;
        Ok(())
    }

    /// Writes what the writer wrote, with the input's line terminator.
    fn write_out<W: Write>(&mut self, output: &mut W) -> Result<(), Error> {
        self.terminator.unwrap_or_default().apply(&mut self.out, 0);
        output.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }
}

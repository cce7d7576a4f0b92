//! Streaming: reflow from a [`BufRead`] to a [`Write`] with memory bounded by
//! one section of the input, not by the input.
//!
//! A section is the text between two runs of two or more blank lines. The
//! whole-string pipeline analyses sections independently and keeps the break
//! between them as it was (see `paragraph::starts_section`), so reflowing
//! section by section writes exactly what [`Reflower::reflow`] returns.

use std::io::{BufRead, Write};

use crate::classify::is_line_space;
use crate::line::raw_lines;
use crate::paragraph::Analysis;
use crate::{Error, Reflower};

impl Reflower {
    /// Reflows everything `input` yields into `output`, one section at a time.
    ///
    /// The output is byte for byte what [`Reflower::reflow`] returns for the
    /// whole input; memory is bounded by the longest section (the text between
    /// two runs of two or more blank lines), plus the longest line.
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
    pub fn reflow_stream<R: BufRead, W: Write>(
        &self,
        mut input: R,
        mut output: W,
    ) -> Result<(), Error> {
        let mut piece = String::new();
        let mut chunk = Vec::new();
        let mut out = String::new();
        let mut analysis = Analysis::default();
        let mut sections = SectionStarts::default();
        // Bytes of the input before `piece`, for error offsets.
        let mut consumed = 0usize;
        // Blank lines after the last piece written, if one was.
        let mut written: Option<u32> = None;
        let mut ends_with_terminator = false;
        loop {
            chunk.clear();
            if input.read_until(b'\n', &mut chunk)? == 0 {
                break;
            }
            let text = std::str::from_utf8(&chunk).map_err(|e| Error::InvalidUtf8 {
                offset: consumed + piece.len() + e.valid_up_to(),
            })?;
            ends_with_terminator = text.ends_with(['\n', '\r']);
            for raw in raw_lines(text) {
                let line = &text[raw.start..raw.next];
                if let Some(blanks) = sections.feed(line) {
                    // A new section starts here: the piece before it is final.
                    out.clear();
                    self.write_piece(&piece, &mut analysis, written, &mut out);
                    output.write_all(out.as_bytes())?;
                    written = Some(blanks);
                    consumed += piece.len();
                    piece.clear();
                }
                piece.push_str(line);
            }
        }
        out.clear();
        self.finish_pieces(
            &piece,
            &mut analysis,
            written,
            ends_with_terminator,
            &mut out,
        );
        output.write_all(out.as_bytes())?;
        output.flush()?;
        Ok(())
    }

    /// Writes the last piece (if it holds text) and the final newline.
    pub(crate) fn finish_pieces(
        &self,
        piece: &str,
        analysis: &mut Analysis,
        written: Option<u32>,
        ends_with_terminator: bool,
        out: &mut String,
    ) {
        let has_text = !piece.chars().all(is_line_space);
        if has_text {
            self.write_piece(piece, analysis, written, out);
        }
        if (has_text || written.is_some()) && ends_with_terminator {
            out.push('\n');
        }
    }

    /// Appends one piece (a section and the blank lines after it) to `out`,
    /// after the separator that follows the previous piece, if any.
    pub(crate) fn write_piece(
        &self,
        piece: &str,
        analysis: &mut Analysis,
        after: Option<u32>,
        out: &mut String,
    ) {
        if let Some(blanks) = after {
            crate::join::write_separator(out, crate::Action::Keep, blanks, self.options.separator);
        }
        analysis.fill(piece, self);
        analysis.settle_into(piece, self, out);
    }
}

/// Finds where sections start, one raw line at a time: at a line with text
/// after two or more blank lines, when text came before them.
#[derive(Debug, Default)]
pub(crate) struct SectionStarts {
    trailing_blanks: u32,
    has_text: bool,
}

impl SectionStarts {
    /// Feeds one raw line (terminator included). If a section starts at it,
    /// returns the number of blank lines before it.
    pub(crate) fn feed(&mut self, line: &str) -> Option<u32> {
        let blank = line.chars().all(is_line_space);
        let starts =
            (!blank && self.has_text && self.trailing_blanks >= 2).then_some(self.trailing_blanks);
        if blank {
            self.trailing_blanks += 1;
        } else {
            self.trailing_blanks = 0;
            self.has_text = true;
        }
        starts
    }
}

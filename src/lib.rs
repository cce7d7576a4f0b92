//! Undo the hard line wraps of Chinese text extracted from newspaper columns.
//!
//! PDF text extraction and OCR hand back one text line per printed line. In a
//! Chinese newspaper that means lines of 12–20 characters, paragraph ends with
//! no blank line, blank lines in mid-sentence where a column ended, first lines
//! two characters short because the indent was lost, and headlines and bylines
//! among the text. cjk-reflow decides for every line break whether it is a
//! soft wrap (join the lines) or a paragraph end (keep it), and rejoins the
//! lines into paragraphs.
//!
//! ```
//! let page = "十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力，震慑力就有限。\n";
//! assert_eq!(
//!     cjk_reflow::reflow(page),
//!     "十多年前，笔者在采访一些关注行政领域事务的学者时，常听到的一个观点是：加强问责。理由是，出了事若不敢问责、问责不力，震慑力就有限。\n"
//! );
//! ```
//!
//! Reflow changes only line breaks and the whitespace around them: every other
//! character of the input is kept, in order. Text that is not hard-wrapped
//! (already-flowing paragraphs, code, tables) comes back as it was, so running
//! it twice changes nothing. The output ends its lines as the input's first
//! line ends (`\n`, `\r\n` or `\r`):
//!
//! ```
//! let windows = "第一段。\r\n第二段。\r\n";
//! assert_eq!(cjk_reflow::reflow(windows), windows);
//! ```
//!
//! Records, lines that each stand alone, are kept line by line however
//! narrow and even they are: a log's or a chat export's lines that open with
//! a date or a time, CSV rows, `key=value` settings and JSON members, lists
//! of paths or URLs, lines of markup ([`Reason::Record`]):
//!
//! ```
//! let log = "2024-05-01 10:02:33 INFO 服务启动完成\n\
//!            2024-05-01 10:02:35 WARN 缺少数据库密码\n\
//!            2024-05-01 10:03:02 ERROR 数据库连接超时\n";
//! assert_eq!(cjk_reflow::reflow(log), log);
//! let csv = "城市,人口,面积\n北京,2189万,16410平方公里\n上海,2487万,6340平方公里\n";
//! assert_eq!(cjk_reflow::reflow(csv), csv);
//! ```
//!
//! # How it decides
//!
//! The pipeline runs in one forward pass over the lines:
//!
//! 1. **Lines** (`line.rs`): split at `\n`, `\r\n` or `\r`; measure each line's
//!    display width in em (ideographs and full-width punctuation 1 em, ASCII
//!    half an em, ambiguous quotes a full em), its indent, the roles of its first
//!    and last characters (UAX #14 classes from `unicode-linebreak`), and
//!    furniture: bylines, datelines, source lines, captions, subtitles, list items.
//! 2. **Layout** (`layout.rs`): estimate the column width around each line.
//!    Pages mix columns of different widths, so the estimate is local: the
//!    lines nearby vote for the widths they are consistent with, allowing for
//!    loose spacing and punctuation compression. Spaces that open every line
//!    of a section (`pdftotext -layout` sets a page off its left edge) are
//!    its margin, not every line's indent:
//!
//! ```
//! // The line of ASCII alone is set in only as far as every line is: it is
//! // no code, and goes on with the paragraph.
//! let layout = "    据新华社北京电，今年以来各地积极推进数字\n    \
//!               化转型工作，取得显著成效。专家表示，数\n    \
//!               字经济已成为稳增长的重要引擎。许多企业\n    \
//!               展示了最新的产品和解决方案，例如\n    \
//!               Debian\n    \
//!               和其他的发行版，吸引了大批观众驻足。\n";
//! assert_eq!(
//!     cjk_reflow::reflow(layout),
//!     "    据新华社北京电，今年以来各地积极推进数字化转型工作，取得显著成效。\
//!      专家表示，数字经济已成为稳增长的重要引擎。许多企业展示了最新的产品和\
//!      解决方案，例如Debian和其他的发行版，吸引了大批观众驻足。\n"
//! );
//! ```
//! 3. **Decision** (`decide.rs`): a cascade of rules, strongest evidence first:
//!    preformatted lines; kinsoku (no line starts with `，。」）`, none ends with
//!    `（「“`); furniture; indents; then how full the line is, whether it ends a
//!    sentence, whether the next line is two em short (a first line that lost its
//!    indent), and blank lines, which count as evidence, not as orders.
//! 4. **Join** (`join.rs`): no space between ideographs or full-width
//!    punctuation; one space between Latin letters or digits, and between Hangul.
//!
//! Every decision carries a [`Reason`]; [`Reflower::break_points`] returns them.
//!
//! # Display width
//!
//! Widths come from `unicode-width`, with a fast path for ASCII and the common
//! CJK blocks. East Asian Ambiguous characters (“ ” · ○) count as wide by
//! default, as in Chinese typesetting; see [`AmbiguousWidth`].
//!
//! # Limitations
//!
//! - The decisions are heuristics. On the bundled newspaper page they make no
//!   wrong decision of 514; on pages generated from other text, set by a browser
//!   and extracted by four tools and OCR, break F1 is 0.96–0.99; on held-out
//!   pages set by XeLaTeX, whose compressed punctuation makes `pdftotext -raw`
//!   cut printed lines into pieces, it is 0.93 (README, "Accuracy").
//! - Verse keeps its line breaks only where its lines are exactly as wide
//!   as one another, hold no mark but one at the end, and stand between
//!   wider lines (classical verse quoted in prose, [`Reason::Verse`]), on
//!   their own, or, each line ending at its mark, between narrower lines
//!   with no mark (its title or poet and a heading). Verse whose lines differ in width, inside a column of prose,
//!   is read as short lines of that column and may be joined.
//! - Text too short to show a column width (fewer than three lines that agree)
//!   is left as it is.
//! - Text whose columns were interleaved by the extractor cannot be repaired:
//!   reflow never reorders text. Columns that `pdftotext -layout` set side
//!   by side (a wide gap between them, ending at about the same place on
//!   every line) are kept line for line, as a table is.
//! - A paragraph that ends exactly at the end of a full line, followed by a
//!   paragraph whose first line is not two em short, is joined.
//! - Two or more blank lines end a section: the break is kept and no decision
//!   looks across it. This is what bounds [`Reflower::reflow_stream`]'s memory.
//!   A run of more than 4096 non-blank lines with no two blank lines in a
//!   row is cut into sections too, at the likeliest paragraph end in its
//!   second half (a sentence end before an indent or a blank line)
//!   ([`Reason::LongSection`]). Where the text on both sides came out exactly
//!   as it came in (text that is not hard-wrapped) the cut is written as the
//!   input had it, so such text comes back unchanged however long it runs;
//!   elsewhere it is written as two blank lines, so that reflowing the output
//!   again finds the same sections. A page has a few hundred lines, so only
//!   long extractions with no blank lines (`pdftotext -raw` of a whole book)
//!   are cut.

#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]

mod classify;
mod decide;
mod error;
mod join;
mod layout;
mod line;
mod options;
mod paragraph;
mod printed;
mod records;
mod stream;

pub use decide::{Action, Reason};
pub use error::Error;
pub use layout::Fit;
pub use line::Furniture;
pub use options::{AmbiguousWidth, ColumnWidth, Indent, Options, Separator};
pub use paragraph::{BreakPoint, Paragraph, ParagraphKind, Paragraphs};

/// Entry points into single pipeline stages, for the per-stage benchmarks
/// only. Not part of the API: no stability promise.
#[doc(hidden)]
pub mod stages {
    use crate::{paragraph::Analysis, Reflower};

    /// Stage 1: split and measure; returns the number of non-blank lines.
    pub fn measure(text: &str) -> usize {
        Analysis::stages(text, &Reflower::default(), 1)
    }

    /// Stages 1–2: and estimate the column around every line.
    pub fn columns(text: &str) -> usize {
        Analysis::stages(text, &Reflower::default(), 2)
    }

    /// Stages 1–3: and decide every break (without settling).
    pub fn decide(text: &str) -> usize {
        Analysis::stages(text, &Reflower::default(), 3)
    }

    /// Stages 1–3 and settling to a fixed point.
    pub fn settle(text: &str) -> usize {
        Analysis::stages(text, &Reflower::default(), 4)
    }

    /// `reflower` with sections cut after `lines` non-blank lines (at least 2)
    /// instead of 4096, so that small inputs reach the cut of long sections.
    pub fn with_section_lines(reflower: &Reflower, lines: usize) -> Reflower {
        Reflower {
            section_lines: lines.max(2),
            ..reflower.clone()
        }
    }

    /// [`Reflower::reflow_stream`] measuring what it read every `chunk`
    /// bytes of whole lines rather than every 64 KiB, so that small inputs
    /// reach the code that drops written sections.
    ///
    /// # Errors
    ///
    /// As [`Reflower::reflow_stream`].
    pub fn reflow_stream_in_chunks<R: std::io::BufRead, W: std::io::Write>(
        reflower: &Reflower,
        input: R,
        output: W,
        chunk: usize,
    ) -> Result<(), crate::Error> {
        reflower.reflow_stream_in_chunks(input, output, chunk)
    }

    /// The whole text reflowed in one analysis rather than section by
    /// section: the oracle the property tests hold `reflow` to.
    pub fn reflow_whole(text: &str, reflower: &Reflower) -> String {
        let mut out = String::new();
        Analysis::run(text, reflower).write(text, reflower, &mut out);
        let terminator = crate::join::Terminator::first_in(text).unwrap_or_default();
        terminator.apply(&mut out, 0);
        out
    }
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Reflows `text` with the default [`Options`].
///
/// # Examples
///
/// ```
/// let page = "规范问责机制\n\n时至今日，“失责必问、问责\n必严”已成常态，“动员千遍，不\n如问责一次”的意识更是深入人\n心。但与此同时，问责不合理现\n象也时有显现。\n\n“责任超载”本质上就是“背\n锅”。主要原因是，有些问责机制\n不精准、不科学、不公正，令问责\n变异。\n";
/// assert_eq!(
///     cjk_reflow::reflow(page),
///     "规范问责机制\n\n时至今日，“失责必问、问责必严”已成常态，“动员千遍，不如问责一次”的意识更是深入人心。但与此同时，问责不合理现象也时有显现。\n\n“责任超载”本质上就是“背锅”。主要原因是，有些问责机制不精准、不科学、不公正，令问责变异。\n"
/// );
/// ```
///
/// Text too short to show a column width (a line or two) is left as it is:
///
/// ```
/// assert_eq!(cjk_reflow::reflow("第一行\n第二行\n"), "第一行\n第二行\n");
/// ```
pub fn reflow(text: &str) -> String {
    Reflower::default().reflow(text)
}

/// Reflows UTF-8 bytes with the default [`Options`].
///
/// # Errors
///
/// [`Error::InvalidUtf8`] with the byte offset of the first invalid byte.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{reflow_bytes, Error};
///
/// assert_eq!(reflow_bytes("甲。\n".as_bytes())?, "甲。\n");
/// let err = reflow_bytes(b"ab\xffcd").unwrap_err();
/// assert!(matches!(err, Error::InvalidUtf8 { offset: 2 }));
/// # Ok::<(), Error>(())
/// ```
pub fn reflow_bytes(bytes: &[u8]) -> Result<String, Error> {
    Reflower::default().reflow_bytes(bytes)
}

/// A validated configuration that reflows text; build one with [`Options::build`].
///
/// A `Reflower` is cheap to clone and can be shared between threads.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Options, Separator};
///
/// let reflower = Options::new().separator(Separator::Newline).build()?;
/// let page = "时至今日，“失责必问、问责\n必严”已成常态，“动员千遍，不\n如问责一次”的意识更是深入人\n心。但与此同时，问责不合理现\n象也时有显现。\n\n“责任超载”本质上就是“背\n锅”。主要原因是，有些问责机制\n不精准、不科学、不公正，令问责\n变异。\n";
/// assert_eq!(reflower.reflow(page), "时至今日，“失责必问、问责必严”已成常态，“动员千遍，不如问责一次”的意识更是深入人心。但与此同时，问责不合理现象也时有显现。\n“责任超载”本质上就是“背锅”。主要原因是，有些问责机制不精准、不科学、不公正，令问责变异。\n");
/// # Ok::<(), cjk_reflow::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reflower {
    options: Options,
    /// The fixed column width in half-em, if one was set.
    fixed_column: Option<u32>,
    wide_ambiguous: bool,
    /// The most non-blank lines a section holds (see [`Reason::LongSection`]);
    /// only tests set anything but the default.
    section_lines: usize,
}

impl Default for Reflower {
    /// A reflower with the default [`Options`].
    fn default() -> Self {
        Reflower::from_valid(Options::new())
    }
}

impl Reflower {
    pub(crate) fn from_valid(options: Options) -> Reflower {
        let fixed_column = match options.column {
            ColumnWidth::Auto => None,
            ColumnWidth::Fixed(em) => Some(u32::from(em) * 2),
        };
        Reflower {
            wide_ambiguous: options.ambiguous == AmbiguousWidth::Wide,
            fixed_column,
            options,
            section_lines: paragraph::SECTION_LINES,
        }
    }

    /// The options this reflower was built from.
    ///
    /// ```
    /// use cjk_reflow::{Options, Reflower};
    /// assert_eq!(Reflower::default().options(), &Options::new());
    /// ```
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Reflows `text`: soft wraps joined, paragraph ends kept.
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// assert_eq!(reflower.reflow("甲乙丙丁戊己庚辛壬癸\n甲乙丙丁戊己庚辛壬癸\n甲乙丙丁戊己庚辛壬癸\n子丑。\n"),
    ///            "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸子丑。\n");
    /// ```
    pub fn reflow(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.reflow_into(text, &mut out);
        out
    }

    /// Reflows `text`, appending to `out` (reuse one buffer over many inputs).
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// let mut out = String::new();
    /// reflower.reflow_into("甲。\n", &mut out);
    /// reflower.reflow_into("乙。\n", &mut out);
    /// assert_eq!(out, "甲。\n乙。\n");
    /// ```
    pub fn reflow_into(&self, text: &str, out: &mut String) {
        // Section by section, as `reflow_stream` does: the same result (the
        // sections are independent), and a working set the size of a section.
        let written = out.len();
        let mut writer = stream::SectionWriter::default();
        writer.feed(text, 0, self, out);
        writer.finish(text, self, text.ends_with(['\n', '\r']), out);
        let terminator = join::Terminator::first_in(text).unwrap_or_default();
        terminator.apply(out, written);
    }

    /// Reflows UTF-8 bytes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] with the byte offset of the first invalid byte.
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// assert!(reflower.reflow_bytes(b"\xe4\xb8").is_err());
    /// ```
    pub fn reflow_bytes(&self, bytes: &[u8]) -> Result<String, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            offset: e.valid_up_to(),
        })?;
        Ok(self.reflow(text))
    }

    /// Reflows bytes that may not be valid UTF-8: each invalid sequence
    /// becomes U+FFFD (as [`String::from_utf8_lossy`] does) and nothing else
    /// is dropped or changed.
    ///
    /// ```
    /// let reflower = cjk_reflow::Reflower::default();
    /// assert_eq!(reflower.reflow_bytes_lossy(b"ab\xffcd\n"), "ab\u{FFFD}cd\n");
    /// ```
    pub fn reflow_bytes_lossy(&self, bytes: &[u8]) -> String {
        self.reflow(&String::from_utf8_lossy(bytes))
    }

    /// The paragraphs of `text`, each with its reflowed text, its byte span
    /// and line range in the input, and its kind.
    ///
    /// ```
    /// use cjk_reflow::ParagraphKind;
    /// let reflower = cjk_reflow::Reflower::default();
    /// let kinds: Vec<_> = reflower.paragraphs("评论观点\n\n甲乙。\n").map(|p| p.kind()).collect();
    /// assert_eq!(kinds, [ParagraphKind::Heading, ParagraphKind::Body]);
    /// ```
    pub fn paragraphs<'r, 't>(&'r self, text: &'t str) -> Paragraphs<'r, 't> {
        Paragraphs::new(self, text)
    }

    /// Every break decision in `text`, in order: one [`BreakPoint`] per pair of
    /// consecutive non-blank lines, with its action and reason.
    ///
    /// ```
    /// use cjk_reflow::Action;
    /// let reflower = cjk_reflow::Reflower::default();
    /// let points = reflower.break_points("甲。\n\n乙。\n");
    /// assert_eq!(points.len(), 1);
    /// assert_eq!((points[0].line, points[0].next_line), (0, 2));
    /// assert_eq!(points[0].action, Action::Keep);
    /// ```
    pub fn break_points(&self, text: &str) -> Vec<BreakPoint> {
        paragraph::break_points(text, self)
    }
}

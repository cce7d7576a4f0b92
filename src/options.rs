//! Options, validated once by [`Options::build`] into a [`Reflower`].

use crate::{Error, Reflower};

/// What separates paragraphs in the output.
///
/// The separator is written at every paragraph end the reflow decided
/// ([`Action::Break`](crate::Action::Break)). Where the text is not
/// hard-wrapped, or is preformatted, breaks are kept as they were, blank lines
/// included ([`Action::Keep`](crate::Action::Keep)), so that flowing text
/// comes back unchanged; so are all the breaks of a section (text between
/// runs of two or more blank lines) where no line is joined, headlines and
/// bylines included.
///
/// ```
/// use cjk_reflow::{Options, Separator};
/// assert_eq!(Options::new().separator, Separator::BlankLine);
/// let r = Options::new().separator(Separator::Newline).build()?;
/// assert_eq!(r.options().separator, Separator::Newline);
/// # Ok::<(), cjk_reflow::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Separator {
    /// One blank line between paragraphs (the default).
    #[default]
    BlankLine,
    /// One newline between paragraphs: one paragraph per line, nothing between.
    Newline,
}

/// The indent written at the start of each reflowed paragraph.
///
/// ```
/// use cjk_reflow::{Indent, Options};
/// let r = Options::new().indent(Indent::None).build()?;
/// assert_eq!(r.reflow("\u{3000}\u{3000}已经成段的文字。\n"), "已经成段的文字。\n");
/// let r = Options::new().build()?; // Indent::Preserve
/// assert_eq!(r.reflow("\u{3000}\u{3000}已经成段的文字。\n"), "\u{3000}\u{3000}已经成段的文字。\n");
/// # Ok::<(), cjk_reflow::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Indent {
    /// Each paragraph keeps the leading whitespace of its first line, as it
    /// came, when it is an indent of at least 1 em (U+3000, two spaces, a tab);
    /// a lone leading space is dropped as extraction noise. The default:
    /// already-flowing text keeps its own indents.
    #[default]
    Preserve,
    /// No indent: leading whitespace is removed.
    None,
    /// Two ideographic spaces (U+3000), the Chinese first-line indent.
    Ideographic,
}

/// The column width the input was wrapped at.
///
/// ```
/// use cjk_reflow::{ColumnWidth, Options};
/// assert_eq!(Options::new().column, ColumnWidth::Auto);
/// assert!(Options::new().column(ColumnWidth::Fixed(3)).build().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnWidth {
    /// Estimated from the lines around each break (the default). Pages mix
    /// columns of different widths, so the estimate is local.
    #[default]
    Auto,
    /// Every line was wrapped at this many em (4 to 60).
    Fixed(u16),
}

/// How wide East Asian Ambiguous characters (“ ” ‘ ’ · ○ …) are.
///
/// ```
/// use cjk_reflow::{AmbiguousWidth, Options};
/// assert_eq!(Options::new().ambiguous, AmbiguousWidth::Wide);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AmbiguousWidth {
    /// A full em, as in Chinese typesetting (the default).
    #[default]
    Wide,
    /// Half an em, as in Western typesetting.
    Narrow,
}

/// Settings for a [`Reflower`].
///
/// Build one with [`Options::new`] and the setters, then validate it with
/// [`Options::build`].
///
/// # Examples
///
/// ```
/// use cjk_reflow::{Indent, Options, Separator};
///
/// let reflower = Options::new()
///     .separator(Separator::Newline)
///     .indent(Indent::Ideographic)
///     .build()?;
/// let page = "时至今日，“失责必问、问责\n必严”已成常态，“动员千遍，不\n如问责一次”的意识更是深入人\n心。但与此同时，问责不合理现\n象也时有显现。\n\n“责任超载”本质上就是“背\n锅”。主要原因是，有些问责机制\n不精准、不科学、不公正，令问责\n变异。\n";
/// assert_eq!(
///     reflower.reflow(page),
///     "\u{3000}\u{3000}时至今日，“失责必问、问责必严”已成常态，“动员千遍，不如问责一次”的意识更是深入人心。但与此同时，问责不合理现象也时有显现。\n\u{3000}\u{3000}“责任超载”本质上就是“背锅”。主要原因是，有些问责机制不精准、不科学、不公正，令问责变异。\n"
/// );
/// # Ok::<(), cjk_reflow::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Options {
    /// What separates paragraphs in the output.
    pub separator: Separator,
    /// The indent written before each reflowed paragraph.
    pub indent: Indent,
    /// The column width the input was wrapped at.
    pub column: ColumnWidth,
    /// How wide ambiguous-width characters are.
    pub ambiguous: AmbiguousWidth,
}

impl Options {
    /// The defaults: blank-line separator, indents preserved, automatic column width,
    /// wide ambiguous characters.
    ///
    /// ```
    /// use cjk_reflow::Options;
    /// assert_eq!(Options::new(), Options::default());
    /// ```
    pub const fn new() -> Self {
        Options {
            separator: Separator::BlankLine,
            indent: Indent::Preserve,
            column: ColumnWidth::Auto,
            ambiguous: AmbiguousWidth::Wide,
        }
    }

    /// Sets the paragraph separator.
    ///
    /// ```
    /// use cjk_reflow::{Options, Separator};
    /// let r = Options::new().separator(Separator::Newline).build()?;
    /// let page = "时至今日，“失责必问、问责\n必严”已成常态，“动员千遍，不\n如问责一次”的意识更是深入人\n心。但与此同时，问责不合理现\n象也时有显现。\n\n“责任超载”本质上就是“背\n锅”。主要原因是，有些问责机制\n不精准、不科学、不公正，令问责\n变异。\n";
    /// assert_eq!(r.reflow(page), "时至今日，“失责必问、问责必严”已成常态，“动员千遍，不如问责一次”的意识更是深入人心。但与此同时，问责不合理现象也时有显现。\n“责任超载”本质上就是“背锅”。主要原因是，有些问责机制不精准、不科学、不公正，令问责变异。\n");
    /// # Ok::<(), cjk_reflow::Error>(())
    /// ```
    pub const fn separator(mut self, separator: Separator) -> Self {
        self.separator = separator;
        self
    }

    /// Sets the indent written before each reflowed paragraph.
    ///
    /// ```
    /// use cjk_reflow::{Indent, Options};
    /// let r = Options::new().indent(Indent::Ideographic).build()?;
    /// assert_eq!(r.reflow("甲。\n"), "\u{3000}\u{3000}甲。\n");
    /// # Ok::<(), cjk_reflow::Error>(())
    /// ```
    pub const fn indent(mut self, indent: Indent) -> Self {
        self.indent = indent;
        self
    }

    /// Sets the column width, or leaves it to the estimate.
    ///
    /// With a fixed width every line is judged against it, even where the
    /// text is not hard-wrapped.
    ///
    /// ```
    /// use cjk_reflow::{ColumnWidth, Options};
    /// let r = Options::new().column(ColumnWidth::Fixed(6)).build()?;
    /// assert_eq!(r.reflow("一二三四五六\n七八。\n"), "一二三四五六七八。\n");
    /// # Ok::<(), cjk_reflow::Error>(())
    /// ```
    pub const fn column(mut self, column: ColumnWidth) -> Self {
        self.column = column;
        self
    }

    /// Sets the width of East Asian Ambiguous characters.
    ///
    /// ```
    /// use cjk_reflow::{AmbiguousWidth, Options};
    /// let r = Options::new().ambiguous(AmbiguousWidth::Narrow).build()?;
    /// assert_eq!(r.reflow("“甲”\n"), "“甲”\n");
    /// # Ok::<(), cjk_reflow::Error>(())
    /// ```
    pub const fn ambiguous(mut self, ambiguous: AmbiguousWidth) -> Self {
        self.ambiguous = ambiguous;
        self
    }

    /// Validates the options into a [`Reflower`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidColumnWidth`] for a fixed width outside 4–60 em.
    ///
    /// ```
    /// use cjk_reflow::{ColumnWidth, Options};
    /// assert!(Options::new().column(ColumnWidth::Fixed(18)).build().is_ok());
    /// assert!(Options::new().column(ColumnWidth::Fixed(200)).build().is_err());
    /// ```
    pub fn build(self) -> Result<Reflower, Error> {
        if let ColumnWidth::Fixed(width) = self.column {
            if !(4..=60).contains(&width) {
                return Err(Error::InvalidColumnWidth { width });
            }
        }
        Ok(Reflower::from_valid(self))
    }
}

//! The crate's error type.

/// What can go wrong: invalid options, undecodable input, I/O.
///
/// Reflowing valid text never fails; odd input is reflowed conservatively.
///
/// # Examples
///
/// ```
/// use cjk_reflow::{ColumnWidth, Error, Options};
///
/// let err = Options::new().column(ColumnWidth::Fixed(0)).build().unwrap_err();
/// assert!(matches!(err, Error::InvalidColumnWidth { width: 0 }));
/// assert_eq!(err.to_string(), "invalid column width 0 em: expected 4 to 60");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A fixed column width outside 4–60 em.
    #[error("invalid column width {width} em: expected 4 to 60")]
    InvalidColumnWidth {
        /// The width that was asked for, in em.
        width: u16,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// 0-based byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// Reading the input or writing the output failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

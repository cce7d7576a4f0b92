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

/// `bytes` as text, or [`Error::InvalidUtf8`] at `base` plus the offset of
/// their first invalid byte. Valid text, the common case, is checked with
/// SIMD by `simdutf8` (on Chinese text about a tenth of the instructions
/// the standard library's check takes); the standard library then finds
/// where an error is.
pub(crate) fn utf8_text(bytes: &[u8], base: usize) -> Result<&str, Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| {
        std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            offset: base + e.valid_up_to(),
        })
    })
}

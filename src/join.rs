//! Stage 4: join lines into paragraphs and write the output.
//!
//! Consumes the measured lines and their decisions; produces the reflowed
//! text. Joins remove the line break and the whitespace around it, and put one
//! space back only between two words of a space-separated script (the *seam*
//! rule). Every other character is copied through unchanged.

use crate::classify::{role_of, CharRole};
use crate::decide::Action;
use crate::line::Line;
use crate::options::{Indent, Separator};

/// Whether joining `prev` and `next` needs a space between them.
///
/// Ideographs and full-width punctuation on either side: no space. Latin
/// letters, digits or ASCII sentence punctuation on both sides: one space (an
/// English sentence wrapped inside Chinese text). Hangul on both sides: one
/// space (Korean separates words). A trailing hyphen is kept and joined tight.
pub(crate) fn needs_space(prev: char, next: char) -> bool {
    let (a, b) = (role_of(prev), role_of(next));
    if a == CharRole::Hangul && b == CharRole::Hangul {
        return true;
    }
    let left = a.is_alphanumeric()
        || matches!(
            prev,
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '%'
        );
    let right = b.is_alphanumeric() || matches!(next, '(' | '"' | '\'');
    left && right
}

/// The join action for two lines that are to be joined: with a space or without.
#[inline]
pub(crate) fn seam(text: &str, prev: &Line, next: &Line) -> Action {
    // The common case, read from the measured roles: an ideograph on either
    // side never takes a space.
    if prev.last == CharRole::Ideograph || next.first == CharRole::Ideograph {
        return Action::Join;
    }
    seam_of_chars(text, prev, next)
}

/// [`seam`], from the characters on either side.
#[inline(never)]
fn seam_of_chars(text: &str, prev: &Line, next: &Line) -> Action {
    let last = text[prev.text_start..prev.text_end].chars().next_back();
    let first = text[next.text_start..next.text_end].chars().next();
    match (last, first) {
        (Some(a), Some(b)) if needs_space(a, b) => Action::JoinWithSpace,
        _ => Action::Join,
    }
}

/// Writes the separator that `action` puts between two paragraphs.
pub(crate) fn write_separator(
    out: &mut String,
    action: Action,
    blank_lines: u32,
    separator: Separator,
) {
    match action {
        Action::Break => out.push_str(match separator {
            Separator::BlankLine => "\n\n",
            Separator::Newline => "\n",
        }),
        // Kept breaks keep their blank lines, so text that is not hard-wrapped
        // comes back as it was.
        _ => {
            for _ in 0..=blank_lines {
                out.push('\n');
            }
        }
    }
}

/// The line terminator the output is written with: the input's first one,
/// so that text that needs no repair comes back byte for byte, Windows line
/// ends and all. The writer writes `\n` throughout and the terminator is put
/// in afterwards, where it is not `\n`: no line holds a `\n` or `\r` of its
/// own (both end lines), so every `\n` in the output is one the writer wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Terminator {
    /// `\n`, and the choice for input with no line terminator.
    #[default]
    Lf,
    /// `\r\n`.
    CrLf,
    /// A lone `\r`.
    Cr,
}

impl Terminator {
    /// The first line terminator in `text`, if it has one. A `\r` at its
    /// end is read as a lone one: callers give whole lines.
    pub(crate) fn first_in(text: &str) -> Option<Terminator> {
        let bytes = text.as_bytes();
        let at = bytes.iter().position(|&b| b == b'\n' || b == b'\r')?;
        Some(match (bytes[at], bytes.get(at + 1)) {
            (b'\n', _) => Terminator::Lf,
            (_, Some(b'\n')) => Terminator::CrLf,
            _ => Terminator::Cr,
        })
    }

    /// Rewrites the `\n`s of `out[from..]`, written by the writer, as this
    /// terminator.
    pub(crate) fn apply(self, out: &mut String, from: usize) {
        let with = match self {
            Terminator::Lf => return,
            Terminator::CrLf => "\r\n",
            Terminator::Cr => "\r",
        };
        if !out[from..].contains('\n') {
            return;
        }
        let written = out.split_off(from);
        out.reserve(written.len() + written.len() / 16);
        let mut pieces = written.split('\n');
        out.push_str(pieces.next().unwrap_or_default());
        for piece in pieces {
            out.push_str(with);
            out.push_str(piece);
        }
    }
}

/// Byte offset where a paragraph's first line starts in the output: its
/// leading whitespace is kept for preformatted text, and with
/// [`Indent::Preserve`] when it is at least 1 em wide, its section's margin
/// included (preformatted text keeps the margin with [`Indent::Preserve`]
/// only, as paragraphs do); it is dropped otherwise. A lone space before a
/// line is extraction noise, kept only before a line that its own text
/// sets off (see [`Line::preformatted_as_measured`]): were it kept before
/// code or a table's row, which the lines around make so, the output read
/// again among other lines might not keep it.
#[inline]
pub(crate) fn first_line_start(
    text: &str,
    line: &Line,
    preformatted: bool,
    indent: Indent,
) -> usize {
    if preformatted && indent != Indent::Preserve && line.margin > 0 {
        // Paragraphs written with no indent or with two U+3000 carry no
        // margin, so neither does preformatted text among them: its lead
        // past the margin is judged alone, as the output read again (with
        // no margin) judges it.
        let start = line.margin_end(text);
        let keeps = line.indent >= 2
            || start == line.text_start
            || line.preformatted_as_measured_from(start, text);
        return if keeps { start } else { line.text_start };
    }
    let an_em_or_more = line.indent + line.margin >= 2;
    let keeps = if preformatted {
        an_em_or_more || line.start == line.text_start || line.preformatted_as_measured(text)
    } else {
        indent == Indent::Preserve && an_em_or_more
    };
    if keeps {
        line.start
    } else {
        line.text_start
    }
}

/// Writes the start of a paragraph: its indent and its first line.
///
/// With `page_mark`, a paragraph that opens a page (its first line after a
/// form feed) keeps the form feed in the output, where its lead is not kept
/// whole anyway: reflowing the output again then reads the page as the
/// first reflow did (a running title stands alone), and a document's pages
/// stay marked. (A paragraph's own text, `Paragraph::text`, goes without.)
#[inline]
pub(crate) fn write_first_line(
    out: &mut String,
    text: &str,
    line: &Line,
    preformatted: bool,
    indent: Indent,
    page_mark: bool,
) {
    let start = first_line_start(text, line, preformatted, indent);
    if page_mark && line.shape.page_top && start == line.text_start {
        out.push('\u{c}');
    }
    if indent == Indent::Ideographic && !preformatted {
        out.push_str("\u{3000}\u{3000}");
    }
    out.push_str(&text[start..line.text_end]);
}

/// Appends `next` to the paragraph being written.
#[inline]
pub(crate) fn write_joined_line(out: &mut String, text: &str, next: &Line, action: Action) {
    if action == Action::JoinWithSpace {
        out.push(' ');
    }
    out.push_str(&text[next.text_start..next.text_end]);
}

#[cfg(test)]
mod tests {
    use super::{needs_space, Terminator};

    #[test]
    fn the_output_takes_the_inputs_first_line_terminator() {
        assert_eq!(Terminator::first_in("甲\r\n乙\n"), Some(Terminator::CrLf));
        assert_eq!(Terminator::first_in("甲\n乙\r\n"), Some(Terminator::Lf));
        assert_eq!(Terminator::first_in("甲\r乙"), Some(Terminator::Cr));
        assert_eq!(Terminator::first_in("甲\r"), Some(Terminator::Cr));
        assert_eq!(Terminator::first_in("甲"), None);
        let mut out = String::from("前\n甲\n\n乙\n");
        Terminator::CrLf.apply(&mut out, "前\n".len());
        assert_eq!(out, "前\n甲\r\n\r\n乙\r\n");
        let mut out = String::from("甲\n乙");
        Terminator::Cr.apply(&mut out, 0);
        assert_eq!(out, "甲\r乙");
        Terminator::Lf.apply(&mut out, 0);
        assert_eq!(out, "甲\r乙");
    }

    #[test]
    fn seams() {
        assert!(!needs_space('中', '国'));
        assert!(!needs_space('，', 'A'));
        assert!(!needs_space('a', '中'));
        assert!(!needs_space('中', 'a'));
        assert!(needs_space('a', 'b'));
        assert!(needs_space('9', 'x'));
        assert!(needs_space(',', 'b'));
        assert!(needs_space('한', '국'));
        assert!(!needs_space('-', 'b'));
    }
}

//! The invariants that the fuzz targets check, on any input.
//!
//! Every check panics with a message naming the invariant, so a libFuzzer
//! crash report says which one broke. The same checks, in a smaller form, are
//! in `tests/regressions.rs` of the main crate.
//!
//! Invariants (default [`Reflower`] unless noted):
//!
//! 1. `reflow_bytes` on invalid UTF-8 returns `Error::InvalidUtf8` with the
//!    offset of the first invalid byte (`Utf8Error::valid_up_to`); on valid
//!    UTF-8 it returns the same text as `reflow`.
//! 2. No entry point panics.
//! 3. Text preservation: the output's non-whitespace characters equal the
//!    input's, in order.
//! 4. Idempotence: `reflow(reflow(x)) == reflow(x)`.
//! 5. `paragraphs`: spans are ordered, non-empty, non-overlapping, within the
//!    input and on char boundaries; each paragraph's text holds the
//!    non-whitespace characters of its span; line ranges are ordered.
//! 6. `break_points(x).len() == non_blank_lines(x) - 1` when there is at least
//!    one non-blank line (0 otherwise); break points are ordered.
//! 7. `reflow_into` appends exactly what `reflow` returns.
//!
//! Invalid UTF-8 is not wasted: after checking the error, the lossy decoding
//! of the bytes goes through the same checks.

use cjk_reflow::{AmbiguousWidth, ColumnWidth, Error, Indent, Options, Reflower, Separator};

/// Whitespace as reflow may remove or add it around line breaks.
///
/// `char::is_whitespace`, plus U+FEFF (BOM / zero-width no-break space): the
/// crate treats U+FEFF as line space (`classify::is_line_space`) and drops it
/// at the edge of a joined line. That is finding F1 in fuzz/README.md
/// (`regression_bom_dropped_when_joined` in tests/regressions.rs); with
/// `STRICT_WHITESPACE=1` in the environment the fuzzer counts U+FEFF as text
/// again and finds it within seconds.
pub fn is_ws(c: char) -> bool {
    c.is_whitespace() || (c == '\u{FEFF}' && !strict())
}

fn strict() -> bool {
    use std::sync::OnceLock;
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("STRICT_WHITESPACE").is_some_and(|v| v == "1"))
}

/// The non-whitespace characters of `s`, in order.
pub fn non_ws(s: &str) -> String {
    s.chars().filter(|&c| !is_ws(c)).collect()
}

/// Lines that hold a non-whitespace character; lines end at `\n`, `\r\n` or a
/// lone `\r` (a lone `\r` then `\n` is one `\r\n` terminator, which never
/// changes the count of non-blank lines, so splitting at each is enough).
pub fn non_blank_lines(s: &str) -> usize {
    s.split(['\n', '\r'])
        .filter(|l| l.chars().any(|c| !is_ws(c)))
        .count()
}

/// The configurations besides the default that each input also goes through
/// (one per input, picked from the input's bytes so that the choice is
/// reproducible from a crash file alone).
fn variants() -> &'static [Reflower] {
    use std::sync::OnceLock;
    static V: OnceLock<Vec<Reflower>> = OnceLock::new();
    V.get_or_init(|| {
        vec![
            Options::new()
                .separator(Separator::Newline)
                .indent(Indent::Ideographic)
                .build()
                .unwrap(),
            Options::new().indent(Indent::None).build().unwrap(),
            Options::new()
                .column(ColumnWidth::Fixed(16))
                .ambiguous(AmbiguousWidth::Narrow)
                .build()
                .unwrap(),
        ]
    })
}

/// Runs every check on arbitrary bytes.
pub fn check(data: &[u8]) {
    match std::str::from_utf8(data) {
        Ok(text) => {
            let out = check_reflower(&Reflower::default(), text, "default");
            match cjk_reflow::reflow_bytes(data) {
                Ok(o) => assert_eq!(o, out, "reflow_bytes differs from reflow on valid UTF-8"),
                Err(e) => panic!("reflow_bytes failed on valid UTF-8: {e}"),
            }
            let sum = data.iter().fold(0usize, |a, &b| a.wrapping_add(b as usize));
            let v = variants();
            check_reflower(&v[sum % v.len()], text, "variant");
        }
        Err(utf8) => {
            match cjk_reflow::reflow_bytes(data) {
                Err(Error::InvalidUtf8 { offset }) => assert_eq!(
                    offset,
                    utf8.valid_up_to(),
                    "reflow_bytes: wrong offset for invalid UTF-8"
                ),
                Err(e) => panic!("reflow_bytes: wrong error for invalid UTF-8: {e:?}"),
                Ok(o) => panic!("reflow_bytes accepted invalid UTF-8, returned {o:?}"),
            }
            let lossy = String::from_utf8_lossy(data);
            check_reflower(&Reflower::default(), &lossy, "default (lossy)");
        }
    }
}

/// Checks invariants 3–7 for one reflower; returns `reflower.reflow(text)`.
pub fn check_reflower(r: &Reflower, text: &str, name: &str) -> String {
    let out = r.reflow(text);

    // 3. Text preservation.
    assert_eq!(
        non_ws(&out),
        non_ws(text),
        "[{name}] text lost or changed: non-whitespace characters differ\n in: {text:?}\nout: {out:?}"
    );

    // 4. Idempotence.
    let twice = r.reflow(&out);
    assert_eq!(
        twice, out,
        "[{name}] not idempotent: reflow(reflow(x)) != reflow(x)\n in: {text:?}"
    );

    // 7. reflow_into appends.
    let mut buf = String::from("\u{1}");
    r.reflow_into(text, &mut buf);
    assert_eq!(&buf[1..], out, "[{name}] reflow_into differs from reflow");

    // 5. Paragraph spans.
    let mut prev_end = 0;
    let mut prev_lines = 0;
    let mut texts = String::new();
    for p in r.paragraphs(text) {
        let span = p.span();
        assert!(
            span.start >= prev_end,
            "[{name}] paragraph spans overlap or are out of order: {span:?} after end {prev_end}\n in: {text:?}"
        );
        assert!(
            span.start < span.end && span.end <= text.len(),
            "[{name}] paragraph span {span:?} empty or outside input of {} bytes\n in: {text:?}",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "[{name}] paragraph span {span:?} not on char boundaries\n in: {text:?}"
        );
        assert_eq!(
            non_ws(p.text()),
            non_ws(&text[span.clone()]),
            "[{name}] paragraph text does not hold its span's characters\n in: {text:?}"
        );
        let lines = p.lines();
        assert!(
            lines.start >= prev_lines && lines.start < lines.end,
            "[{name}] paragraph lines {lines:?} out of order (previous ended at {prev_lines})\n in: {text:?}"
        );
        prev_lines = lines.end;
        prev_end = span.end;
        texts.push_str(p.text());
    }
    assert_eq!(
        non_ws(&texts),
        non_ws(text),
        "[{name}] paragraphs lose or change text\n in: {text:?}"
    );

    // 6. Break points.
    let points = r.break_points(text);
    let non_blank = non_blank_lines(text);
    assert_eq!(
        points.len(),
        non_blank.saturating_sub(1),
        "[{name}] break_points: {} points for {non_blank} non-blank lines\n in: {text:?}",
        points.len()
    );
    let mut last_line = None;
    for bp in &points {
        assert!(
            bp.line < bp.next_line && last_line.map_or(true, |l| bp.line > l),
            "[{name}] break points out of order at line {}\n in: {text:?}",
            bp.line
        );
        assert!(
            bp.offset <= text.len() && text.is_char_boundary(bp.offset),
            "[{name}] break point offset {} outside input or not on a char boundary\n in: {text:?}",
            bp.offset
        );
        last_line = Some(bp.line);
    }

    // ---------------------------------------------------------------------
    // STREAMING API (not there yet). When the crate gains a streaming
    // reflower, check here that feeding `text` in chunks, split at points
    // derived from the input (e.g. every `1 + text.len() % 7` bytes, and at
    // every line terminator, including between `\r` and `\n`), yields exactly
    // `out`, and that chunking never panics on a split inside a char when fed
    // bytes.
    // ---------------------------------------------------------------------

    out
}

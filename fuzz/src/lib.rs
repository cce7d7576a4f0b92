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

/// Whitespace as reflow may remove or add it around line breaks: exactly
/// `char::is_whitespace` (U+FEFF, the BOM, is text and must be kept).
pub fn is_ws(c: char) -> bool {
    c.is_whitespace()
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
            // The variant also cuts sections after 2 to 17 lines instead of
            // 4096, so that fuzzed inputs reach `Reason::LongSection`.
            let variant = cjk_reflow::stages::with_section_lines(&v[sum % v.len()], 2 + sum % 16);
            check_reflower(&variant, text, "variant");
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

    // 7. Streaming: `reflow_stream` writes exactly `out`, whatever the read
    //    buffer size (here derived from the input, down to one byte).
    let capacity = 1 + text.len() % 7;
    let mut streamed = Vec::new();
    r.reflow_stream(
        std::io::BufReader::with_capacity(capacity, text.as_bytes()),
        &mut streamed,
    )
    .unwrap_or_else(|e| panic!("[{name}] reflow_stream failed: {e}\n in: {text:?}"));
    assert_eq!(
        String::from_utf8(streamed).expect("stream writes UTF-8"),
        out,
        "[{name}] reflow_stream differs from reflow\n in: {text:?}"
    );
    // The same in small chunks, so that written sections are dropped as the
    // text goes, as they are in 64 KiB chunks of a long input.
    let chunk = 1 + text.len() % 61;
    let mut streamed = Vec::new();
    let input = std::io::BufReader::with_capacity(capacity, text.as_bytes());
    cjk_reflow::stages::reflow_stream_in_chunks(r, input, &mut streamed, chunk)
        .unwrap_or_else(|e| panic!("[{name}] chunked reflow_stream failed: {e}\n in: {text:?}"));
    assert_eq!(
        String::from_utf8(streamed).expect("stream writes UTF-8"),
        out,
        "[{name}] chunked reflow_stream differs from reflow\n in: {text:?}"
    );

    out
}

/// Tokens for the `reflow_tokens` target: one input byte picks one token, so
/// every byte string decodes to dense, newspaper-like text (ideographs, CJK
/// punctuation, furniture markers, every terminator and kind of line space,
/// Latin, Hangul, emoji sequences, combining marks). Raw bytes rarely reach
/// the deeper heuristics; these do within seconds.
const TOKENS: &[&str] = &[
    // Terminators and blank lines (weighted: the decisions are all about them).
    "\n",
    "\n",
    "\n",
    "\n",
    "\n",
    "\n",
    "\n",
    "\n",
    "\n\n",
    "\n\n",
    "\r\n",
    "\r\n",
    "\r",
    "\n \n",
    "\n\u{3000}\u{3000}",
    "\n  ",
    "\n\t",
    "\r\n\r\n",
    "\u{C}\n",
    "\n\u{C}",
    // Line space.
    " ",
    " ",
    "  ",
    "    ",
    "\u{3000}",
    "\u{3000}\u{3000}",
    "\t",
    "\u{A0}",
    "\u{2003}",
    // Full-width punctuation.
    "，",
    "，",
    "。",
    "。",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "《",
    "》",
    "「",
    "」",
    "『",
    "』",
    "……",
    "——",
    "·",
    "－－",
    "―",
    "．",
    "～",
    // Markers and furniture.
    "□",
    "■",
    "●",
    "○",
    "①",
    "②",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "(3)",
    "3.",
    "4、",
    "本报记者",
    "记者",
    "通讯员",
    "来源：",
    "责任编辑：",
    "图为",
    "图片由",
    "（新华社北京1月28日电）",
    "第六条",
    "```",
    "~~~",
    // Code, commands, lists and labels of manuals (stop 18).
    "import json",
    "x = 1",
    "print(a)",
    "# 注释",
    "> ",
    "sudo apt update",
    "1) ",
    "amd64：",
    "worker_connections 1024 ",
    "本报记者”",
    "新华社北京9月19日电（记者",
    "│",
    "─",
    "┼",
    // Latin, digits, ASCII punctuation.
    "a",
    "b",
    "Z",
    "word",
    "The",
    "GDP",
    "2019",
    "1.5",
    "99.1%",
    "6",
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "/",
    "http://x.cn/a-b",
    // Other scripts and tricky code points.
    "한",
    "국어",
    "カタカナ",
    "ひら",
    "Tiếng",
    "e\u{301}",
    "\u{301}",
    "\u{300}\u{323}",
    "👨\u{200D}👩\u{200D}👧",
    "🏳\u{FE0F}\u{200D}🌈",
    "👍🏽",
    "\u{200D}",
    "\u{200B}",
    "\u{FEFF}",
    "\0",
    "\u{B}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "𠮷",
];

/// Ideographs: every byte not in [`TOKENS`] picks one of these.
const IDEOGRAPHS: &str = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴";

/// Decodes arbitrary bytes into text for the `reflow_tokens` target.
pub fn tokens_to_text(data: &[u8]) -> String {
    use std::sync::OnceLock;
    static IDEO: OnceLock<Vec<char>> = OnceLock::new();
    let ideo = IDEO.get_or_init(|| IDEOGRAPHS.chars().collect());
    let mut s = String::with_capacity(data.len() * 3);
    for &b in data {
        let b = b as usize;
        match TOKENS.get(b) {
            Some(t) => s.push_str(t),
            None => s.push(ideo[(b - TOKENS.len()) % ideo.len()]),
        }
    }
    s
}

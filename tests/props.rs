//! Property tests over CJK-weighted arbitrary text: nothing is ever lost, a
//! second reflow changes nothing, spans describe the input, and the fast width
//! path agrees with unicode-width.

use cjk_reflow::{Indent, Options, Reflower, Separator};
use proptest::prelude::*;

/// One token of CJK-weighted text: ideographs, full-width punctuation and
/// its ASCII look-alikes, Latin words, digits, spaces, U+3000, tabs, invisible
/// format characters, and every kind of line break.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => proptest::collection::vec(0x4E00u32..0x9FA5, 1..20)
            .prop_map(|v| v.into_iter().filter_map(char::from_u32).collect()),
        4 => proptest::sample::select(vec![
            "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》",
            "「", "」", "『", "』", "……", "——", "·", "□", "■", "一、", "（二）", "3.",
            ",", ".", ";", ":", "!", "?", "|", " | ", "$ ", ">>> ", "## ", "表1 ", "数据来源：",
            "〔記者李大華／台中報導〕", "（中央社記者台北3日電）",
            "amd64：", "问：", "本报记者”", "口新华社记者，", "新华社北京9月19日电（记者", "）",
            "sudo apt update", "git ", "worker_connections ", "import json", "x = 1", "print(a)",
            "# 注释", "    ", "{", "}", "\u{200B}", "\u{FEFF}", "\u{AD}", "──", "――", "├──",
        ])
        .prop_map(String::from),
        2 => "[a-zA-Z]{1,10}",
        2 => "[0-9]{1,5}",
        1 => "[가-힣]{1,4}",
        2 => proptest::sample::select(vec![" ", "  ", "\u{3000}", "\u{3000}\u{3000}", "\t"])
            .prop_map(String::from),
        5 => proptest::sample::select(vec!["\n", "\n", "\n", "\n\n", "\r\n", "\r", "\n \n"])
            .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Paragraphs set in a column and cut after every mark, the way
/// `pdftotext -raw` cuts lines at compressed punctuation: the shape that
/// rebuilding printed lines from pieces (`printed.rs`) works on. Tokens of
/// [`token`] are mixed in, so the pieces are not always tidy.
fn pieces_text() -> impl Strategy<Value = String> {
    let clause = (
        proptest::collection::vec(0x4E00u32..0x9FA5, 1..16),
        proptest::sample::select(vec!["，", "、", "；", "：", "。", "？”", "）。"]),
    );
    let paragraph = proptest::collection::vec(
        prop_oneof![4 => clause.prop_map(Some), 1 => Just(None)],
        1..12,
    );
    (
        proptest::collection::vec((paragraph, proptest::collection::vec(token(), 0..3)), 1..8),
        8usize..30,
    )
        .prop_map(|(paragraphs, column)| {
            let mut out = String::new();
            for (clauses, noise) in paragraphs {
                let mut room = column.saturating_sub(2);
                for (chars, mark) in clauses.into_iter().flatten() {
                    for c in chars.into_iter().filter_map(char::from_u32) {
                        if room == 0 {
                            out.push('\n');
                            room = column;
                        }
                        out.push(c);
                        room -= 1;
                    }
                    out.push_str(mark);
                    out.push('\n');
                }
                out.push_str(&noise.concat());
                out.push('\n');
            }
            out
        })
}

fn cjk_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::collection::vec(token(), 0..200).prop_map(|v| v.concat()),
        1 => pieces_text(),
        // Sections: pieces of text between runs of blank lines.
        1 => proptest::collection::vec(
            (proptest::collection::vec(token(), 0..60), 0usize..4),
            1..6,
        )
        .prop_map(|parts| {
            parts
                .into_iter()
                .map(|(tokens, blanks)| tokens.concat() + &"\n".repeat(blanks + 1))
                .collect()
        }),
    ]
}

/// Text that is not hard-wrapped: one paragraph per line, of widely varying
/// length, each ending a sentence; every paragraph indented or none, a blank
/// line after every paragraph or none.
fn flowing_text() -> impl Strategy<Value = String> {
    let paragraph = (
        proptest::collection::vec(0x4E00u32..0x9FA5, 8..160),
        proptest::sample::select(vec!["。", "！", "？”"]),
    )
        .prop_map(|(chars, end)| {
            let body: String = chars.into_iter().filter_map(char::from_u32).collect();
            body + end
        });
    (
        proptest::collection::vec(paragraph, 1..40),
        proptest::sample::select(vec!["", "\u{3000}\u{3000}"]),
        proptest::sample::select(vec!["\n", "\n\n"]),
    )
        .prop_map(|(paragraphs, indent, end)| {
            let text: String = paragraphs
                .iter()
                .map(|p| format!("{indent}{p}{end}"))
                .collect();
            // Blank lines at the very end are not kept.
            text.trim_end_matches('\n').to_string() + "\n"
        })
}

/// Records, lines that each stand alone: a log whose lines open with a date
/// and a time, CSV rows (a name, then numbers), or a settings file's
/// `key=value` lines under a `[section]`; three to twenty lines.
fn records_text() -> impl Strategy<Value = String> {
    let ideographs = |len: std::ops::Range<usize>| {
        proptest::collection::vec(0x4E00u32..0x9FA5, len).prop_map(|chars| {
            chars
                .into_iter()
                .filter_map(char::from_u32)
                .collect::<String>()
        })
    };
    let log_line = (
        0u32..24,
        0u32..60,
        0u32..60,
        proptest::sample::select(vec!["INFO", "WARN", "ERROR"]),
        ideographs(2..30),
    )
        .prop_map(|(h, m, s, level, message)| {
            format!("2024-05-01 {h:02}:{m:02}:{s:02} {level} {message}")
        });
    // A table's rows: a name, then as many numbers in each.
    let csv_row = move |numbers: usize| {
        (
            ideographs(2..6),
            proptest::collection::vec(0u32..1_000_000, numbers),
        )
            .prop_map(|(name, numbers)| {
                std::iter::once(name)
                    .chain(numbers.iter().map(u32::to_string))
                    .collect::<Vec<_>>()
                    .join(",")
            })
    };
    let setting =
        (ideographs(1..6), ideographs(1..12)).prop_map(|(key, value)| format!("{key}={value}"));
    // A glossary's entries: a Latin term and its Chinese one, or the other
    // way round, a space between.
    let word = proptest::string::string_regex("[a-z][a-z]{0,11}").unwrap();
    let gloss = (word, ideographs(1..5));
    prop_oneof![
        proptest::collection::vec(log_line, 3..20),
        (1usize..5).prop_flat_map(move |n| proptest::collection::vec(csv_row(n), 3..20)),
        (ideographs(2..6), proptest::collection::vec(setting, 2..20)).prop_map(
            |(name, settings)| std::iter::once(format!("[{name}]"))
                .chain(settings)
                .collect()
        ),
        (proptest::bool::ANY, proptest::collection::vec(gloss, 4..20)).prop_map(
            |(latin_first, entries)| entries
                .into_iter()
                .map(|(latin, chinese)| if latin_first {
                    format!("{latin} {chinese}")
                } else {
                    format!("{chinese} {latin}")
                })
                .collect()
        ),
    ]
    .prop_map(|lines: Vec<String>| lines.join("\n") + "\n")
}

fn non_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn reflowers() -> Vec<Reflower> {
    vec![
        Reflower::default(),
        Options::new()
            .separator(Separator::Newline)
            .indent(Indent::Ideographic)
            .build()
            .unwrap(),
        Options::new().indent(Indent::None).build().unwrap(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn keeps_every_non_whitespace_character_in_order(text in cjk_text()) {
        for r in reflowers() {
            prop_assert_eq!(non_ws(&r.reflow(&text)), non_ws(&text));
        }
    }

    #[test]
    fn second_reflow_changes_nothing(text in cjk_text()) {
        for r in reflowers() {
            let once = r.reflow(&text);
            prop_assert_eq!(r.reflow(&once), once.clone());
        }
    }

    #[test]
    fn paragraphs_agree_with_reflow_and_spans_are_ordered(text in cjk_text()) {
        let r = Reflower::default();
        let mut end = 0;
        let mut texts = Vec::new();
        for p in r.paragraphs(&text) {
            let span = p.span();
            prop_assert!(span.start >= end && span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert_eq!(non_ws(&text[span.clone()]), non_ws(p.text()));
            end = span.end;
            texts.push(p.text().to_string());
        }
        prop_assert_eq!(non_ws(&texts.concat()), non_ws(&text));
        let non_blank = text.split(['\n', '\r']).filter(|l| !non_ws(l).is_empty()).count();
        prop_assert_eq!(r.break_points(&text).len(), non_blank.saturating_sub(1));
    }

    #[test]
    fn streaming_writes_what_reflow_returns(text in cjk_text(), cap in 1usize..64, chunk in 1usize..256) {
        for r in reflowers() {
            let mut out = Vec::new();
            let input = std::io::BufReader::with_capacity(cap, text.as_bytes());
            r.reflow_stream(input, &mut out).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), r.reflow(&text));
            // Small chunks: sections are written and dropped as the text goes.
            let mut out = Vec::new();
            let input = std::io::BufReader::with_capacity(cap, text.as_bytes());
            cjk_reflow::stages::reflow_stream_in_chunks(&r, input, &mut out, chunk).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), r.reflow(&text));
        }
    }

    #[test]
    fn streaming_reports_the_first_invalid_byte(text in cjk_text(), cut in 0usize..400, chunk in 1usize..256) {
        let mut bytes = text.into_bytes();
        bytes.insert(cut.min(bytes.len()), 0xFF);
        let expected = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
        let input = std::io::BufReader::with_capacity(7, &bytes[..]);
        let r = Reflower::default();
        match cjk_reflow::stages::reflow_stream_in_chunks(&r, input, Vec::new(), chunk) {
            Err(cjk_reflow::Error::InvalidUtf8 { offset }) => prop_assert_eq!(offset, expected),
            other => prop_assert!(false, "expected an error, got {:?}", other),
        }
    }

    #[test]
    fn section_by_section_equals_one_whole_analysis(text in cjk_text()) {
        for r in reflowers() {
            prop_assert_eq!(r.reflow(&text), cjk_reflow::stages::reflow_whole(&text, &r));
        }
    }

    /// Sections cut after a few lines instead of 4096 (`Reason::LongSection`),
    /// so that these small inputs reach the cut: every invariant still holds.
    #[test]
    fn long_sections_are_cut_without_breaking_an_invariant(
        text in cjk_text(),
        limit in 2usize..12,
        chunk in 1usize..256,
    ) {
        for r in reflowers() {
            let r = cjk_reflow::stages::with_section_lines(&r, limit);
            let once = r.reflow(&text);
            prop_assert_eq!(non_ws(&once), non_ws(&text));
            prop_assert_eq!(r.reflow(&once), once.clone());
            prop_assert_eq!(cjk_reflow::stages::reflow_whole(&text, &r), once.clone());
            let mut out = Vec::new();
            cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut out, chunk).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), once);
            let non_blank = text.split(['\n', '\r']).filter(|l| !non_ws(l).is_empty()).count();
            prop_assert_eq!(r.break_points(&text).len(), non_blank.saturating_sub(1));
        }
    }

    /// Records (a log, CSV rows, a settings file, a glossary) come back as they came,
    /// whole and streamed: no line of them is run into another, however
    /// narrow and even they are.
    #[test]
    fn records_come_back_unchanged(text in records_text(), chunk in 1usize..256) {
        let r = Reflower::default();
        prop_assert_eq!(r.reflow(&text), text.clone());
        let mut out = Vec::new();
        cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut out, chunk).unwrap();
        prop_assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    /// A cut between sections that both come out unchanged is written with
    /// the input's own blank lines: flowing text stays flowing text however
    /// many lines it runs without two blank lines in a row.
    #[test]
    fn long_flowing_text_comes_back_unchanged_across_cuts(
        text in flowing_text(),
        limit in 2usize..12,
        chunk in 1usize..256,
    ) {
        let whole = Reflower::default();
        prop_assume!(whole.reflow(&text) == text);
        let r = cjk_reflow::stages::with_section_lines(&whole, limit);
        prop_assert_eq!(r.reflow(&text), text.clone());
        let mut out = Vec::new();
        cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut out, chunk).unwrap();
        prop_assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    /// The output ends its lines as the input does (its first terminator):
    /// the decisions are the same whatever the terminator, and flowing text
    /// from Windows comes back byte for byte.
    #[test]
    fn the_output_keeps_the_inputs_line_terminator(
        text in cjk_text(),
        flowing in flowing_text(),
        terminator in proptest::sample::select(vec!["\r\n", "\r"]),
        chunk in 1usize..256,
    ) {
        let r = Reflower::default();
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let ended = text.replace('\n', terminator);
        prop_assert_eq!(r.reflow(&ended), r.reflow(&text).replace('\n', terminator));
        let flowing_ended = flowing.replace('\n', terminator);
        prop_assert_eq!(r.reflow(&flowing_ended) == flowing_ended, r.reflow(&flowing) == flowing);
        let mut out = Vec::new();
        cjk_reflow::stages::reflow_stream_in_chunks(&r, ended.as_bytes(), &mut out, chunk).unwrap();
        prop_assert_eq!(String::from_utf8(out).unwrap(), r.reflow(&ended));
    }

    /// A margin before every line (`pdftotext -layout`, quoted text) keeps
    /// every invariant, whatever the options write at the start of a
    /// paragraph (a lone space, which `Indent::Preserve` drops as noise,
    /// included: see `verse_with_a_margin_the_lines_around_lose` in
    /// `regressions.rs`).
    #[test]
    fn a_margin_before_every_line_keeps_the_invariants(
        text in cjk_text(),
        margin in proptest::sample::select(vec![" ", " \t", "  ", "    ", "\t", "\u{3000}"]),
        deeper in proptest::sample::select(vec!["", "  ", "    ", "\u{3000}\u{3000}"]),
        chunk in 1usize..64,
        limit in 2usize..12,
    ) {
        // `deeper`: first lines set in further (after a line that ends a
        // sentence), as `pdftotext -layout` keeps indents inside its margin.
        let mut after_sentence = true;
        let text: String = text
            .split_inclusive(['\n', '\r'])
            .map(|line| {
                if line.trim().is_empty() {
                    return line.to_string();
                }
                let extra = if after_sentence { deeper } else { "" };
                after_sentence = line.trim_end().ends_with(['。', '！', '？', '”']);
                format!("{margin}{extra}{line}")
            })
            .collect();
        for r in reflowers() {
            let once = r.reflow(&text);
            prop_assert_eq!(non_ws(&once), non_ws(&text));
            prop_assert_eq!(r.reflow(&once), once.clone());
            // Streamed in small chunks, long sections cut short: the margin
            // is read per section, the same way.
            let mut out = Vec::new();
            cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut out, chunk).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), once.clone());
            let short = cjk_reflow::stages::with_section_lines(&r, limit);
            let cut = short.reflow(&text);
            prop_assert_eq!(short.reflow(&cut), cut);
        }
    }

    #[test]
    fn bytes_entry_point_reports_the_first_invalid_byte(text in cjk_text(), cut in 0usize..400) {
        let mut bytes = text.clone().into_bytes();
        let at = cut.min(bytes.len());
        bytes.insert(at, 0xFF);
        match cjk_reflow::reflow_bytes(&bytes) {
            Err(cjk_reflow::Error::InvalidUtf8 { offset }) => prop_assert!(offset <= at),
            other => prop_assert!(false, "expected an error, got {:?}", other),
        }
        prop_assert_eq!(cjk_reflow::reflow_bytes(text.as_bytes()).unwrap(), cjk_reflow::reflow(&text));
    }
}

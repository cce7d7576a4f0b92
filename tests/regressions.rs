//! Regression tests: inputs found by the fuzzer (fuzz/, see fuzz/README.md),
//! minimised, plus messy inputs that real extractions produce. Every test
//! checks the invariants the fuzz target checks: no panic, no text lost
//! (non-whitespace characters in order), idempotence, sane paragraph spans and
//! one break point per pair of consecutive non-blank lines.
//!
//! A test that fails on the current code is `#[ignore]`d with the reason; run
//! them with `cargo test --test regressions -- --ignored`.

use cjk_reflow::{reflow, reflow_bytes, Error, Indent, Options, Reason, Reflower};

fn non_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Lines holding a non-whitespace character (terminators `\n`, `\r\n`, `\r`).
fn non_blank_lines(s: &str) -> usize {
    s.split(['\n', '\r'])
        .filter(|l| l.chars().any(|c| !c.is_whitespace()))
        .count()
}

/// The fuzz target's invariants for the default reflower; returns the output.
#[track_caller]
fn check(text: &str) -> String {
    let out = reflow(text);
    assert!(
        non_ws(&out) == non_ws(text),
        "text lost or changed\n in: {:?}\nout: {:?}",
        abbrev(text),
        abbrev(&out)
    );
    let twice = reflow(&out);
    assert!(
        twice == out,
        "not idempotent\n    in: {:?}\n  once: {:?}\n twice: {:?}",
        abbrev(text),
        abbrev(&out),
        abbrev(&twice)
    );
    assert_eq!(reflow_bytes(text.as_bytes()).unwrap(), out);

    let r = Reflower::default();
    let mut prev_end = 0;
    for p in r.paragraphs(text) {
        let span = p.span();
        assert!(span.start >= prev_end, "span {span:?} before {prev_end}");
        assert!(
            span.start < span.end && span.end <= text.len(),
            "span {span:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(non_ws(p.text()), non_ws(&text[span.clone()]));
        prev_end = span.end;
    }
    assert_eq!(
        r.break_points(text).len(),
        non_blank_lines(text).saturating_sub(1),
        "break points vs non-blank lines"
    );
    out
}

/// Long inputs shortened for assertion messages.
fn abbrev(s: &str) -> String {
    if s.len() <= 400 {
        return s.to_string();
    }
    let head: String = s.chars().take(120).collect();
    let tail: String = {
        let v: Vec<char> = s.chars().rev().take(120).collect();
        v.into_iter().rev().collect()
    };
    format!("{head}…[{} bytes]…{tail}", s.len())
}

// ---------------------------------------------------------------------------
// Fuzzer findings. Each name says which invariant broke; the input is the
// minimised crash file from fuzz/artifacts/reflow/.
// ---------------------------------------------------------------------------

// 32 minutes of fuzzing (525k executions, fuzz/README.md) found no failure
// yet. The two inputs below were found earlier by the proptests in
// tests/props.rs and are fixed; they stay here with the fuzz invariants.

/// U+FEFF was treated as line space and dropped (text preservation).
#[test]
fn regression_bom_then_space_kept() {
    assert_eq!(non_ws(&check("\u{FEFF} ")), "\u{FEFF}");
    check("\u{FEFF}\n\u{FEFF}");
    check("甲乙\u{FEFF}\n丙丁。\n");
}

/// Fuzz run 24 (`fuzz/README.md`): a run of one-character pieces (U+FFFD)
/// after lines that end at pause marks puts a section in the printed-line
/// stage (`printed.rs`). On the output, a line already joined, wider than the
/// column, passed for a filled printed line, so the paragraph went on into the
/// next piece: each settling round joined one more piece, 20 rounds here
/// (debug builds assert convergence in 16), and with 50 pieces or more the
/// output was not a fixed point. A single piece wider than the column no
/// longer fills a printed line unless the local rules joined it. (Present
/// since the printed-line stage was added.)
#[test]
fn regression_fuzz_printed_pieces_settle_one_per_round() {
    let head = "\u{fffd}\u{fffd}壬\u{fffd}\u{fffd}\u{fffd}\u{fffd}倂\n乙\t;\n\u{f002}   ;\n\u{fffd}   缩\u{fffd}\n;\u{f002};\n 缠\u{fffd}进的\u{fffd}\u{fffd}\n\u{fffd}\n;的缩;\u{fffd}\u{fffd}\u{fffd}`¨\u{fffd}\u{fffd}";
    check(&format!(
        "{head}{}\nJ\n\u{fffd}\n\u{fffd}\nJ",
        "\n\u{fffd}".repeat(14)
    ));
    check(&format!("{head}{}\nJ", "\n\u{fffd}".repeat(50)));
    check(&format!("{head}{}\nJ", "\n\u{fffd}".repeat(1000)));
}

/// Fuzz run 28: settling never converged. The output of short lines that
/// each end their paragraph (captions, list items, bylines), one blank line
/// between them, read as double-spaced on the next pass, so the blank lines
/// were taken for line spacing; and there a line that opens a bracket and
/// does not close it (`（评之七`) ran on into the next line, furniture or not,
/// one more line every settling round. A bracket left open no longer runs on
/// into furniture (a credit closing it excepted), and furniture lines are
/// no evidence of double spacing. (Present before the latest stop: commit
/// `cb218b4` fails the same way.)
#[test]
fn regression_fuzz_bracket_left_open_runs_into_furniture_one_round_at_a_time() {
    check("——，以\nt”、、、\n——措施\n图为风\u{fffd}\n（\n□记者\n施\n3.障\n①\n图为\u{fffd}\n七\n□\n施\n3.障\n3.障\n①\n图为\u{fffd}\n施\n7.障\n①\n图为\u{fffd}\n某地风光");
    check("\u{fffd}\u{fffd}\u{fffd}电\n来源：\u{fffd}\ne\n可以使用\n（二）oot\n通訊\u{fffd}报\n——\n\u{fffd}”，然\n——\n图为\u{fffd}\n（评之七\n\n3\n第一\n图为\u{fffd}\n七\n□)\n\u{fffd}\u{fffd}\n施\n3.障\n3.障\n①\n图为\u{fffd}\n施\n7.障\n①\n图为\u{fffd}\n某地风光");
}

/// Kinsoku and short lines that settled differently on a second pass.
#[test]
fn regression_props_kinsoku_short_lines() {
    check("，一一一一一\n一一一一一一一一一\n一一一一一一一一一\n!\n，\n一\nAaaAa“\n一一一一一，』\n一一一一一一一一一一一一一一一一一一");
}

/// A half-width mark opening a line, joined after a wide character, takes
/// the full width it stands for; the paragraph's composed measure missed
/// that where no seam had a space, and the second pass (indented output)
/// decided otherwise.
#[test]
fn regression_props_half_width_mark_at_an_unspaced_seam() {
    let text = "一一一一一一一一一一\n一一\n;a一";
    check(text);
    let indented = Options::new()
        .separator(cjk_reflow::Separator::Newline)
        .indent(cjk_reflow::Indent::Ideographic)
        .build()
        .unwrap();
    let once = indented.reflow(text);
    assert_eq!(indented.reflow(&once), once);
}

// ---------------------------------------------------------------------------
// Invalid UTF-8: the error carries the offset of the first invalid byte.
// ---------------------------------------------------------------------------

#[test]
fn invalid_utf8_offsets() {
    for (bytes, offset) in [
        (&b"\xff"[..], 0),
        (b"ab\xffcd", 2),
        ("甲乙".as_bytes(), usize::MAX),
        (b"\xe4\xb8", 0),                   // truncated 3-byte sequence at the end
        (b"\xe4\xb8\xad\xe4\xb8", 3),       // 中 then a truncated one
        (b"\xe4\xb8\xad\n\xed\xa0\x80", 4), // surrogate encoded in UTF-8
        (b"\r\n\xc0\xaf", 2),               // overlong encoding
    ] {
        match reflow_bytes(bytes) {
            Ok(out) => {
                assert_eq!(offset, usize::MAX, "{bytes:?} accepted");
                assert_eq!(out, reflow(std::str::from_utf8(bytes).unwrap()));
            }
            Err(Error::InvalidUtf8 { offset: o }) => assert_eq!(o, offset, "{bytes:?}"),
            Err(e) => panic!("{bytes:?}: unexpected error {e:?}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Messy inputs that should hold: no text lost, idempotent.
// ---------------------------------------------------------------------------

const WRAPPED: &str = "十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n理由是，出了事若不敢问责、问\n责不力，震慑力就有限。\n";

#[test]
fn messy_list_of_titles_between_blank_lines_is_kept() {
    // As wide as one another and stopping without a mark, like lines of
    // prose set with a blank line after each; but holding no mark at all,
    // they are a list, not double-spaced prose (see `Survey::double_spaced`).
    let titles = [
        "第一章数字化转型的起步阶段",
        "第二章基层治理的经验与做法",
        "第三章乡村振兴中的科技力量",
        "第四章城市更新与社区服务站",
        "第五章新能源产业的发展路径",
        "第六章文化传承与创新的实践",
        "第七章教育公平的探索与思考",
        "第八章生态保护的长效机制谈",
    ];
    let text = format!("{}\n", titles.join("\n\n"));
    assert_eq!(check(&text), text);
}

/// Sections of single glyphs (a stretched line set one glyph a line) are
/// decided without the decision cascade where it would join every break;
/// debug builds decide them by the cascade too and assert that the two
/// agree. Glyphs of every kind that a rule before the glyph-run rule reads
/// (brackets, marks, Latin letters and digits, folios, indents, page tops,
/// blank lines) make sections where either way may be taken.
#[test]
fn messy_sections_of_single_glyphs() {
    const GLYPHS: [&str; 35] = [
        "字", "字", "字", "a", "b", "8", "（", "）", "(", "《", "》", "“", "”", "，", "。", "…",
        "-", "/", "—", "●", "□", "①", "·", "摄", "电", "日", "本", "中", "　字", " 字", "\u{c}字",
        "─", "  a", "字\n", "字\n\n",
    ];
    assert_eq!(
        check(&"字\n".repeat(500)),
        format!("{}\n", "字".repeat(500))
    );
    // Cut into sections of 4096 lines.
    check(&"字\n".repeat(5000));
    // Every two glyphs in every place in a run of three, then longer runs.
    for a in GLYPHS {
        for b in GLYPHS {
            check(&format!("字\n{a}\n{b}\n"));
            check(&format!("{a}\n字\n{b}\n"));
            check(&format!("{a}\n{b}\n字\n"));
        }
    }
    let mut seed = 0x2545_f491_u32;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize % n
    };
    for _ in 0..200 {
        let text: String = (0..2 + next(40))
            .map(|_| format!("{}\n", GLYPHS[next(GLYPHS.len())]))
            .collect();
        check(&text);
    }
}

#[test]
fn messy_crlf_input() {
    let crlf = WRAPPED.replace('\n', "\r\n");
    let out = check(&crlf);
    // The terminators make no difference to the decisions, and the output
    // keeps the input's.
    assert_eq!(out, reflow(WRAPPED).replace('\n', "\r\n"));
    check("甲乙丙丁戊己庚辛壬癸\r\n\r\n甲乙丙丁戊己庚辛壬癸\r\n子丑。\r\n");
}

#[test]
fn messy_lone_cr_input() {
    let cr = WRAPPED.replace('\n', "\r");
    let out = check(&cr);
    assert_eq!(out, reflow(WRAPPED).replace('\n', "\r"));
    check("甲乙丙\r\r\n乙丙丁。\r\n\r戊己。");
}

#[test]
fn messy_bom_at_start() {
    let text = format!("\u{FEFF}{WRAPPED}");
    let out = check(&text);
    assert!(out.starts_with('\u{FEFF}'), "BOM dropped: {out:?}");
    check("\u{FEFF}");
    check("\u{FEFF} ");
    check("\u{FEFF}\n十多年前，笔者在采访一些\n关注行政领域事务的学者时。\n");
    // A BOM in the middle of a file (concatenated extractions).
    check(&format!("{WRAPPED}\u{FEFF}{WRAPPED}"));
}

#[test]
fn messy_form_feed_line() {
    // pdftotext puts a form feed between pages, on a line of its own or at the
    // start of the next page's first line.
    check(&format!("{WRAPPED}\u{C}\n{WRAPPED}"));
    check(&format!("{WRAPPED}\u{C}{WRAPPED}"));
    check("\u{C}");
    check("\u{C}\n\u{C}\n");
}

#[test]
fn messy_nul_characters() {
    check("甲乙丙\0丁戊\n己庚辛壬。\n");
    check("\0");
    check("\0\n\0\n");
    check(&WRAPPED.replace('，', "\0"));
    check(&WRAPPED.replace('\n', "\0\n"));
}

#[test]
fn messy_one_megabyte_single_line() {
    // 1 MiB of text with no terminator: ideographs and punctuation.
    let unit = "十多年前，笔者在采访一些关注行政领域事务的学者时。";
    let text = unit.repeat((1 << 20) / unit.len() + 1);
    assert!(text.len() >= 1 << 20);
    let out = check(&text);
    assert_eq!(out, text, "a single line comes back as it was");
    let with_newline = format!("{text}\n");
    assert_eq!(check(&with_newline), with_newline);
    // And 1 MiB of ASCII.
    let ascii = "lorem ipsum dolor sit amet ".repeat((1 << 20) / 27 + 1);
    check(&ascii);
}

#[test]
fn messy_hundred_thousand_blank_lines() {
    let blanks = "\n".repeat(100_000);
    assert_eq!(check(&blanks), "");
    let text = format!("甲乙丙丁。{blanks}戊己庚辛。\n");
    check(&text);
    let text = format!("{blanks}{WRAPPED}{blanks}{WRAPPED}{blanks}");
    check(&text);
    check(&" \n".repeat(100_000));
    check(&"\r\n".repeat(100_000));
}

#[test]
fn messy_whitespace_only_input() {
    for text in [
        "",
        " ",
        "\n",
        "\r",
        "\r\n",
        "\t\t\n",
        "\u{3000}\u{3000}\n",
        " \t\u{3000}\u{A0}\n\r\n\r \n",
        "\u{2028}\u{2029}\u{85}\u{B}\u{C}",
    ] {
        let out = check(text);
        assert!(non_ws(&out).is_empty(), "{text:?} -> {out:?}");
        assert_eq!(Reflower::default().paragraphs(text).count(), 0, "{text:?}");
    }
}

// ---------------------------------------------------------------------------
// Further messy input (issue 5): very long lines, a million blank lines,
// separators that are whitespace but not line breaks, graphemes at line ends,
// half-width punctuation from OCR.

#[test]
fn messy_ten_megabyte_single_line() {
    let line = "一二三四五六七八九十，".repeat(10 * 1024 * 1024 / 33 + 1);
    assert!(line.len() >= 10 << 20);
    let text = format!("{line}\n");
    assert_eq!(check(&text), text);
}

#[test]
fn messy_a_million_blank_lines() {
    let text = format!("甲。{}乙。\n", "\n".repeat(1_000_000));
    let out = check(&text);
    assert!(out.starts_with("甲。\n") && out.ends_with("乙。\n"));
}

#[test]
fn messy_unicode_separators_are_whitespace_not_breaks() {
    let text = "一二三\u{2028}四五六\u{2029}\n七八九\u{85}\n";
    check(text);
}

#[test]
fn messy_graphemes_at_line_ends_are_never_split() {
    let full = "一二三四五六七八九十一二三四";
    let text = format!(
        "{full}\n{full}\n一二三四五六七八九十一二cafe\u{301}\n{full}\n一二三四五六七八九十一二👩\u{200D}💻\n{full}\n"
    );
    let out = check(&text);
    assert!(out.contains("cafe\u{301}"), "{out:?}");
    assert!(out.contains("👩\u{200D}💻"), "{out:?}");
}

#[test]
fn messy_half_width_ocr_punctuation_counts_as_punctuation() {
    let full = "一二三四五六七八九十一二三四";
    // A line may not start with a comma, even a half-width one: it joins.
    let text = format!(
        "{full}\n{full}\n一二三四五六七八九十一二三\n,一二三四五六七八九十一二三\n{full}\n"
    );
    let out = check(&text);
    assert!(out.contains("三,一"), "{out:?}");
    // A half-width full stop ends a sentence: a short line after it breaks.
    let text = format!("{full}\n{full}\n一二三.\n{full}\n{full}\n");
    let out = check(&text);
    assert!(out.contains("三.\n\n一"), "{out:?}");
}

#[test]
fn lossy_bytes_keep_everything_else() {
    let bytes = b"\xe4\xb8\x80\xff\xe4\xba\x8c\n";
    let out = cjk_reflow::Reflower::default().reflow_bytes_lossy(bytes);
    assert_eq!(out, "一\u{FFFD}二\n");
}

/// The stream reads 64 KiB of whole lines at a time and drops each section
/// once it is written: across many reads, with every kind of line end (a lone
/// `\r` only, too, where no `\n` ever ends a read), it writes what `reflow`
/// returns.
#[test]
fn stream_across_many_reads_and_line_ends() {
    let page = include_str!("corpus/sample/newspaper-page.txt");
    let base = page.repeat(40) + "\n\n\n" + &page.repeat(10);
    for ending in ["\n", "\r\n", "\r"] {
        let text = base.replace('\n', ending);
        assert!(text.len() > 4 * (64 << 10));
        for capacity in [1000, 4096, 70_000] {
            let r = Reflower::default();
            let mut out = Vec::new();
            let input = std::io::BufReader::with_capacity(capacity, text.as_bytes());
            r.reflow_stream(input, &mut out).unwrap();
            assert!(
                String::from_utf8(out).unwrap() == r.reflow(&text),
                "{ending:?}, {capacity}"
            );
        }
    }
}

/// An invalid byte far into a stream is reported at its offset in the whole
/// input, after sections have been written and dropped.
#[test]
fn stream_reports_invalid_utf8_deep_in_the_input() {
    let page = include_str!("corpus/sample/newspaper-page.txt");
    let mut bytes = (page.to_string() + "\n\n\n").repeat(20).into_bytes();
    // At a line start, so that the invalid byte does not split a character.
    let at = bytes.len() - 1000;
    let at = at + bytes[at..].iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.insert(at, 0xFF);
    let mut out = Vec::new();
    let input = std::io::BufReader::with_capacity(4096, &bytes[..]);
    match Reflower::default().reflow_stream(input, &mut out) {
        Err(Error::InvalidUtf8 { offset }) => assert_eq!(offset, at),
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(!out.is_empty(), "earlier sections are written");
}

/// Short lines with no column between them run on at a comma only when they
/// are pieces of printed lines, not lines of verse as wide as one another.
#[test]
fn verse_keeps_its_lines_and_pieces_run_on() {
    let verse = "静夜思\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n";
    assert_eq!(check(verse), verse);
    let pieces = "还未发布的架构，\n它们初\n次发布的时候，\n会创建一\n个目录。\n";
    // The break inside `创建一个` should go too: two pieces ending a
    // sentence give too little evidence of a column yet.
    assert_eq!(
        check(pieces),
        "还未发布的架构，它们初次发布的时候，会创建一\n个目录。\n"
    );
}

/// A run of lines with no two blank lines in a row is cut into sections of
/// at most 4096 lines, at a sentence end, written with two blank lines where
/// the text around was reflowed: the stream holds one section at a time.
/// Whole-text analysis, the section writer and the stream cut at the same
/// places, and the cut stays where it is when the output is reflowed again.
#[test]
fn long_section_is_cut_at_a_sentence_end() {
    let page = include_str!("corpus/sample/newspaper-page.txt");
    // Blank lines dropped, as `pdftotext -raw` writes a page.
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    let text = (lines.join("\n") + "\n").repeat(25);
    assert!(non_blank_lines(&text) > 2 * 4096);
    let out = check(&text);
    let r = Reflower::default();
    assert_eq!(out, cjk_reflow::stages::reflow_whole(&text, &r));
    let mut streamed = Vec::new();
    cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut streamed, 5000).unwrap();
    assert!(String::from_utf8(streamed).unwrap() == out);

    let cuts: Vec<_> = r
        .break_points(&text)
        .into_iter()
        .filter(|p| p.reason == cjk_reflow::Reason::LongSection)
        .collect();
    assert!(cuts.len() >= 2, "{} cuts", cuts.len());
    for cut in &cuts {
        // As read; the output has two blank lines there.
        assert_eq!(cut.blank_lines, 0);
        let before = text[..cut.offset].trim_end();
        assert!(
            before.ends_with(['。', '！', '？', '”']),
            "cut after {before:?}"
        );
    }
    assert_eq!(out.matches("\n\n\n").count(), cuts.len());
    // No section of the output holds more than 4096 lines, so reflowing it
    // again cuts nothing new (checked above by `check`).
    assert!(out.split("\n\n\n").all(|s| non_blank_lines(s) <= 4096));
}

/// Text that is not hard-wrapped comes back unchanged however long it runs:
/// a cut between two sections that keep every line is written with the
/// input's own blank line, and reflowing again cuts there too.
#[test]
fn long_flowing_text_is_cut_silently() {
    let pages: Vec<&str> = vec![
        include_str!("corpus/flowing/f01.txt"),
        include_str!("corpus/flowing/f02.txt"),
        include_str!("corpus/flowing/f03.txt"),
    ];
    // (Flowing text with no blank lines at all is covered by the property
    // test `long_flowing_text_comes_back_unchanged_across_cuts`.)
    let text = &((pages.join("\n") + "\n").repeat(100).trim_end().to_string() + "\n");
    let r = Reflower::default();
    assert!(text.matches("\n\n\n").count() == 0);
    assert!(non_blank_lines(text) > 2 * 4096);
    let out = check(text);
    assert!(
        out == *text,
        "changed at byte {:?}",
        first_difference(&out, text)
    );
    let cuts = r
        .break_points(text)
        .into_iter()
        .filter(|p| p.reason == cjk_reflow::Reason::LongSection)
        .count();
    assert!(cuts >= 2, "{cuts} cuts");
    let mut streamed = Vec::new();
    cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut streamed, 3000).unwrap();
    assert!(String::from_utf8(streamed).unwrap() == out);
}

fn first_difference(a: &str, b: &str) -> Option<usize> {
    a.bytes().zip(b.bytes()).position(|(x, y)| x != y)
}

/// With no sentence end to cut at, a long section is cut after its 4096th line.
#[test]
fn long_run_of_one_glyph_lines_is_cut_at_the_limit() {
    let text = "字\n".repeat(10_000);
    let out = check(&text);
    let sections: Vec<&str> = out.split("\n\n\n").collect();
    assert_eq!(sections.len(), 3, "{}", abbrev(&out));
    assert_eq!(sections[0].chars().filter(|&c| c == '字').count(), 4096);
    let r = Reflower::default();
    let mut streamed = Vec::new();
    cjk_reflow::stages::reflow_stream_in_chunks(&r, text.as_bytes(), &mut streamed, 1000).unwrap();
    assert!(String::from_utf8(streamed).unwrap() == out);
}

/// A line that OCR or justification spread (a run of spaces inside it),
/// between lines of running text, is prose: it is joined like its
/// neighbours. Two such lines in a row are table rows and stay as they are.
#[test]
fn messy_spread_prose_line_is_not_a_table() {
    let text = "时至今日，“失责必问、问责\n必严”已成常态，“动员千遍，不\n如问责一次”的   意识深入人\n心。但与此同时，问责不合理现\n象也时有显现。\n";
    assert_eq!(
        check(text),
        "时至今日，“失责必问、问责必严”已成常态，“动员千遍，不如问责一次”的   意识深入人心。但与此同时，问责不合理现象也时有显现。\n"
    );
    let table = "时至今日，“失责必问、问责\n必严”已成常态，“动员千遍，不\n项目     数量     单价\n苹果     3        5元\n心。但与此同时，问责不合理现\n象也时有显现。\n";
    let out = check(table);
    assert!(
        out.contains("\n项目     数量     单价\n苹果     3        5元\n"),
        "{out}"
    );
    // A spread line with no wide character may be code: it stays a line.
    let code = text.replace("如问责一次”的   意识深入人", "x = 1    # note");
    assert!(check(&code).contains("\nx = 1    # note\n"));
}

/// Found by fuzzing (`reflow`, run 8): short lines of one Latin letter and
/// replacement characters after an opening bracket; settling ran out of
/// rounds before the decisions were a fixed point.
#[test]
fn fuzz_settling_converges_on_alternating_one_letter_lines() {
    let text = "【\nJ\nJ\u{FFFD}\n\u{FFFD}\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ\nJ\u{FFFD}\n\u{FFFD}\nJ\u{FFFD}\nJ\nJ\u{FFFD}\n\u{FFFD}\nJ\u{FFFD}\nJ\nJ\u{FFFD}\nJ";
    check(text);
}

/// A single command or table row between lines of running text is not prose
/// that OCR spread: the command is set in from the text, the row is well
/// short of the lines around it. Both stay lines of their own.
#[test]
fn single_command_or_table_row_in_running_text_stays_a_line() {
    let command = "　　下面的命令把文件复制到新的位置，请\n在终端中输入这一行命令并且按下回车\n键，系统就会开始复制文件到目标目录\n    cp a.txt b.txt    # 复制文件\n然后检查目标目录里是否已经出现了新\n的文件，如果没有出现请再试一次吧。\n";
    let out = check(command);
    assert!(
        out.contains("\n    cp a.txt b.txt    # 复制文件\n"),
        "{out}"
    );
    let row = "　　今年人口最多的两个城市分别是北京\n和上海，数据来自统计局公布的最新年\n度人口普查结果报告，具体数字如下：\n北京    2189万    上海    2487万\n这些数字比去年都有了一定程度的增长\n，专家认为这个趋势还会继续下去的。\n";
    let out = check(row);
    assert!(
        out.contains("：\n北京    2189万    上海    2487万\n这些"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------
// Decision bugs: short lines glued that stand alone.
// ---------------------------------------------------------------------------

/// Lines that each open with a label and its colon are the turns of a
/// dialogue or the fields of a form: each stays a line of its own, however
/// the widths fall (they were glued by the rules for narrow lines with no
/// column), the line before the first of them too. A turn wrapped onto a
/// second line still runs on, and a wrapped line of prose that opens with
/// `表示：` is no label line when the lines around it open with none.
#[test]
fn dialogue_turns_and_form_fields_stay_lines() {
    let chat = "张三：你好，明天的会议几点开始？\n李四：下午三点，在三楼会议室\n张三：好的，我会准时到\n王五：我可能晚到十分钟\n李四：没问题\n";
    assert_eq!(check(chat), chat);
    let form = "姓名：张三\n性别：男\n出生日期：1990年1月1日\n籍贯：浙江杭州\n联系电话：13800000000\n电子邮箱：zhangsan@example.com\n";
    assert_eq!(check(form), form);
    let address =
        "北京市海淀区中关村大街1号\n邮编：100080\n电话：010-12345678\nFax: 010-87654321\n";
    assert_eq!(check(address), address);
    let interview = "　　王毅：我们一贯主张通过对话协商解决分歧，\n这是我们的一贯立场，也是国际社会的共识。\n记者：您如何看待当前的形势？\n王毅：当前形势总体稳定，但也面临不少挑战，\n需要各方共同努力。\n";
    let out = check(interview);
    assert!(out.contains("分歧，这是我们"), "{out}");
    assert!(out.contains("挑战，需要各方"), "{out}");
    assert!(
        out.contains("共识。\n\n记者：您如何看待当前的形势？\n\n王毅："),
        "{out}"
    );
    let prose = "　　国家发展和改革委员会有关负责人今天在\n表示：今年以来，我国经济运行总体平稳，\n主要指标保持在合理区间，就业形势稳定。\n";
    let out = check(prose);
    assert!(
        out.contains("今天在表示：今年以来，我国经济运行总体平稳，主要指标"),
        "{out}"
    );
}

/// A reference list or a page's footnotes, each note opening with its
/// number in brackets (`[1]`, `［2］`, `【3】`): every note is a paragraph,
/// its wrapped lines joined, and the prose before the first note is not run
/// into it. A wrapped line of prose that opens with an inline note's marker
/// (`[55] 你需要…`) still runs on: one number, or numbers that do not follow
/// one another, make no list.
#[test]
fn numbered_notes_are_paragraphs_of_their_own() {
    let references = "参考文献\n[1] 费孝通. 乡土中国[M]. 北京: 北京大学出版社, 1998: 25-30.\n[2] 王铭铭. 社会人类学与中国研究[M]. 北京: 生活·读书·新知三联书\n店, 1997.\n[3] 李强, 张明. 中国城市化进程中的社会分层研究[J]. 社会学研究,\n2015, 30(4): 1-22.\n[4] 陈光金. 中国社会结构的变迁[J]. 中国社会科学, 2010(2): 45-60.\n";
    assert_eq!(
        check(references),
        "参考文献\n\n[1] 费孝通. 乡土中国[M]. 北京: 北京大学出版社, 1998: 25-30.\n\n[2] 王铭铭. 社会人类学与中国研究[M]. 北京: 生活·读书·新知三联书店, 1997.\n\n[3] 李强, 张明. 中国城市化进程中的社会分层研究[J]. 社会学研究, 2015, 30(4): 1-22.\n\n[4] 陈光金. 中国社会结构的变迁[J]. 中国社会科学, 2010(2): 45-60.\n"
    );
    let footnotes = "　　这一观点最早由费孝通提出［1］，后来得到了学界\n的广泛认同［2］。\n［1］费孝通：《乡土中国》，北京大学出版社，1998年。\n［2］王铭铭：《社会人类学与中国研究》，三联书店，1997年。\n";
    assert_eq!(
        check(footnotes),
        "　　这一观点最早由费孝通提出［1］，后来得到了学界的广泛认同［2］。\n\n［1］费孝通：《乡土中国》，北京大学出版社，1998年。\n\n［2］王铭铭：《社会人类学与中国研究》，三联书店，1997年。\n"
    );
    let inline = "　　维护者脚本中的命令会在安装和卸载时自动执行，\n所以在编写时必须小心。这些文件将被 dh_install 安装。\n[55] 你需要首先检查要安装的文件是否都已经放在了\n正确的位置，然后再构建软件包，并且运行 lintian 检查\n它是否有问题，这样可以避免很多常见的错误和麻烦。\n[57] 如果检查通过，就可以上传到档案库里去了，这时\n候维护者还需要关注自动构建系统给出的构建日志。\n";
    let out = check(inline);
    assert!(out.contains("安装。[55] 你需要"), "{out}");
    assert!(out.contains("麻烦。[57] 如果检查"), "{out}");
}

/// Where punctuation is compressed, a full-width bracket prints half an em
/// narrower than it measures: a paragraph's first line that holds a pair
/// and lost its 2-em indent measures only an em short of the column, and
/// after a full line that ends a sentence it still opens a paragraph. An em
/// short without brackets, it is a line of the same paragraph.
#[test]
fn first_line_with_compressed_brackets_opens_a_paragraph() {
    let lines = |fourth: &str| {
        format!("今年以来全国规模以上工业增加值同\n比增长百分之五点三比上月加快零点五\n个百分点总体保持着稳定的增长态势。\n{fourth}\n查看存储介质的最大写入次数这些数据\n对于评估硬件寿命很有帮助。\n")
    };
    let out = check(&lines("网上（主要来源于供应商信息）可以"));
    assert!(out.contains("增长态势。\n\n网上（主要"), "{out}");
    let out = check(&lines("网上主要来源于供应商的信息里可以"));
    assert!(out.contains("增长态势。网上主要"), "{out}");
}

/// `pdftotext -layout` sets the rest of a printed line a row down, where it
/// printed: set in far deeper than any paragraph's indent after a line that
/// stops mid-sentence, it goes on with that line. A line set in by a
/// paragraph's indent after a sentence end still opens a paragraph.
#[test]
fn a_piece_placed_where_it_printed_goes_on_with_its_line() {
    let page = "软件包是任何 Linux 系统的标准组成部分，它们在这里被\n列出，包含了一个较小的、但功能不会太受限的字符模式\n的系统。它包含了可以用来发送电子邮件的工具，以及从\n档案服务器下载文件的工具，\n                          还有一些常用的命令行程序。\n";
    let out = check(page);
    assert!(
        out.contains("下载文件的工具，还有一些常用的命令行程序。"),
        "{out}"
    );
    let indented = "软件包是任何 Linux 系统的标准组成部分，它们在这里被\n列出，包含了一个较小的、但功能不会太受限的字符模式\n的系统。它包含了可以用来发送电子邮件的工具，以及从\n档案服务器下载文件的工具。\n    还有一些常用的命令行程序，它们也在这里被列出来了。\n";
    let out = check(indented);
    assert!(out.contains("下载文件的工具。\n\n    还有"), "{out}");
}

/// An entry of a table of contents, leaders before a page number, is kept
/// line by line, however full its line: as a word processor writes it
/// (`……`) and as `pdftotext` gives LaTeX's (`. . . .`). A number at the end
/// of a line of prose is no page.
#[test]
fn table_of_contents_entries_stay_lines() {
    let word = "目　录\n第一章　总则……………………………………1\n第二章　组织机构………………………………5\n第三章　权利与义务……………………………12\n第四章　附则……………………………………20\n";
    let out = check(word);
    for entry in [
        "总则……………………………………1\n",
        "组织机构………………………………5\n",
        "权利与义务……………………………12\n",
    ] {
        assert!(out.contains(entry), "{out}");
    }
    let latex = "目录\n1 引言 . . . . . . . . . . . . . . . . . . . . 1\n1.1 研究背景 . . . . . . . . . . . . . . . . . 2\n1.2 本文结构 . . . . . . . . . . . . . . . . . 4\n2 相关工作 . . . . . . . . . . . . . . . . . . 7\n";
    assert_eq!(non_blank_lines(&check(latex)), non_blank_lines(latex));
    let prose = "　　据统计，全市共有中小学校一百二十所，其中\n新建学校的数量为12\n所，比去年增加了三所，学生人数也明显增加。\n";
    let out = check(prose);
    assert!(out.contains("数量为12所，"), "{out}");
}

/// H1: a title and a salutation that ends at its colon stand alone before
/// an indented paragraph; neither is a piece of a printed line (a piece cut
/// at a compressed colon goes on with an unindented line).
#[test]
fn title_and_salutation_are_not_glued() {
    let text = "关于放假的通知\n各位同学：\n　　根据学校安排，国庆节放假七天，请同学们注意安全，按时返校。\n";
    let out = check(text);
    assert!(out.starts_with("关于放假的通知\n"), "{out}");
    assert!(out.contains("\n各位同学：\n"), "{out}");
    // The same after a wrapped paragraph, where a column is known.
    let para = "　　这是一段足够长的文字，用来确认不会把目录和正\n文粘在一起，这是一段足够长的文字，用来确认不会\n把目录和正文粘在一起，这是一段足够长的文字，用\n来确认不会把目录和正文粘在一起。\n";
    let out = check(&format!("{para}{text}"));
    assert!(
        !out.contains("关于放假的通知各位同学") && out.contains("关于放假的通知\n"),
        "{out}"
    );
}

/// Flowing text with no blank lines, headline and byline on lines of their
/// own: nothing in it is joined, so its paragraph breaks are kept
/// as they came instead of gaining blank lines. Hard-wrapped text in the
/// same shape still gets the separator.
#[test]
fn flowing_text_without_blank_lines_comes_back_unchanged() {
    let text = "规范问责机制\n□本报记者　张三\n　　十多年前，笔者在采访一些关注行政领域事务的学者时，常听到的一个观点是：加强问责。\n　　理由是，出了事若不敢问责、问责不力，就难以起到警示作用。\n";
    assert_eq!(check(text), text);
    let wrapped = "规范问责机制\n□本报记者　张三\n　　十多年前，笔者在采访一些\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n";
    assert_eq!(
        check(wrapped),
        "规范问责机制\n\n□本报记者　张三\n\n　　十多年前，笔者在采访一些关注行政领域事务的学者时，常听到的一个观点是：加强问责。\n"
    );
}

/// A byline set without its box (`本报记者 张明远 李晓华`) under a subtitle
/// that fills the column: the two spaces between its label and names are
/// word spaces, so it is a byline and is not glued to the subtitle. (They
/// were read as letter-spacing, and the line as text.)
#[test]
fn byline_without_a_box_stands_alone_under_a_full_subtitle() {
    let text = "推动高质量发展取得新成效\n——来自基层一线的调查\n本报记者  张明远  李晓华\n本报北京11月26日电  \n今年以来，各地区各部门坚\n持稳中求进工作总基调，完\n整准确全面贯彻新发展理念，\n加快构建新发展格局，经济\n运行总体回升向好，高质量\n发展扎实推进。\n";
    let out = check(text);
    assert!(
        out.contains("\n本报记者  张明远  李晓华\n") && !out.contains("调查本报记者"),
        "{out}"
    );
}

/// A text renderer's dump (`lynx -dump`: lines cut only where a space
/// stood, or anywhere past the width; a blank line after every paragraph):
/// no column to find, but every block of wrapped lines ends its sentence at
/// its blank line, so a line of prose that stops mid-sentence inside a
/// block goes on with it. A heading between blank lines stays apart. (The
/// lines were all kept as they came.)
#[test]
fn a_renderers_blocks_of_wrapped_lines_run_on() {
    let text = "   我们都熟知计算机有时会出问题，或者由于人为的错误导致系统和数据损坏。备份和恢复操作是成功的系统管理中非\n   常重要的一部分。\n\n   实际上的数码相机的图像是可交换的图像文件格式(EXIF)，这种格式是在 JPEG\n   图像文件格式上添加一些元数据标签。它能够保存诸如日期、时间和相机设置的信息。\n\n  编译工具\n\n   任何带有可移动记录介质的数码相机或扫描仪都可以在 Linux 上通过 USB\n   存储读取器来工作，因为它遵循相机文件系统设计规则并且使用 FAT 文件系统，参考第 10.1.7 节\n   “可移动存储设备”。\n";
    let out = check(text);
    assert!(out.contains("管理中非常重要"), "{out}");
    assert!(out.contains("JPEG图像文件格式上"), "{out}");
    assert!(out.contains("USB存储读取器"), "{out}");
    assert!(out.contains("10.1.7 节“可移动"), "{out}");
    assert!(out.contains("\n\n  编译工具\n\n"), "{out}");
}

/// Markdown: the lines of a fenced code block are code whatever their
/// widths. Right under a heading, with no blank line between, the heading
/// and the code lines agreed on a column, and two commands of about its
/// width were joined as full lines (`cargo add cjk-reflow cargo build`).
#[test]
fn lines_between_code_fences_are_kept() {
    let text = "# cjk-reflow 使用说明\n```\ncargo add cjk-reflow\ncargo build --release\n```\n";
    assert_eq!(check(text), text);
    // A fence that nothing closes freezes nothing after it.
    let stray = "```\n本工具用于修复从报纸版面或扫描件中提取的中文文本，这些文\n本的行被窄栏版式硬性折断。它会判断每一个换行是软换行还是段\n落结束，然后把属于同一段落的行重新连接起来，并且保留标题。\n";
    assert!(check(stray).contains("这些文本的行"));
}

/// Plain-text bullets (`- ` `* ` `+ `) open list items: each stays on its
/// own line, where two items of about the same width ran together.
#[test]
fn bulleted_list_items_stay_apart() {
    let text = "## 功能\n\n- 识别标题、署名和图片说明，不会把它们粘到正文里\n- 保留代码块、表格和列表的原有换行\n- 支持简体和繁体中文，以及夹杂英文单词和数字的文本\n";
    let out = check(text);
    for item in ["- 识别", "- 保留", "- 支持"] {
        assert!(out.contains(&format!("\n{item}")), "{out}");
    }
}

/// Found by fuzzing (`reflow`, run 36): `` ` `` and ``` `` ``` joined made a
/// code fence in the output, which then paired with the fence after it
/// instead of the one before, so the line between the old pair (`}`) was
/// code in the input and text in the output: reflowing twice changed it.
/// One or two backticks alone are kept as they came, as a fence is.
#[test]
fn fuzz_joined_backticks_repair_code_fences() {
    let newline = Options::new()
        .separator(cjk_reflow::Separator::Newline)
        .indent(cjk_reflow::Indent::Ideographic)
        .build()
        .unwrap();
    for text in ["`\r``\n```\n}\n```", "``\n`\n```\nfn main() {}\n```\n"] {
        check(text);
        for r in [Reflower::default(), newline.clone()] {
            let once = r.reflow(text);
            assert_eq!(r.reflow(&once), once, "{text:?}");
        }
    }
}

/// Found by fuzzing (`reflow_tokens`, run 39; older than stop 16): a line
/// spread by runs of spaces beside an indented one. Whether the spread line
/// is a table row or prose depends on its neighbour's width, which counted
/// the neighbour's indent; `Indent::Ideographic` rewrote that indent (nine
/// spaces to two U+3000), so the second reflow read the spread line the
/// other way and indented it. Neighbours' text widths are compared now.
#[test]
fn fuzz_rewritten_indent_beside_a_spread_line() {
    let text = "为大经     文     子\n         国不年";
    let ideographic = Options::new()
        .indent(cjk_reflow::Indent::Ideographic)
        .build()
        .unwrap();
    for r in [Reflower::default(), ideographic] {
        let once = r.reflow(text);
        assert_eq!(r.reflow(&once), once, "{once:?}");
    }
}

/// Found by fuzzing (`reflow`, run 42; older than stop 16, whose first
/// commit fails the same way): settling takes more than the 16 rounds debug
/// builds allow (release builds settle to the fixed point, fewer rounds than
/// twice the lines). An opening bracket left open (`「`) before pieces that
/// end at pause marks: the printed-line stage breaks the pieces into
/// paragraphs, and each settling round's cascade then joins one more of
/// them inside the open bracket (`Reason::InsideBrackets`). Kept ignored
/// until stop 24, which found it passing (stop 23's first commit, `7d48ec3`,
/// settles it in time already).
#[test]
fn fuzz_open_bracket_joins_one_piece_per_settling_round() {
    let bytes = b"\xe3\x80\x8c\x00\xbc\x9a\xe6\x9d\xef\xbc\x8c\x0a\xe2\xef\xbc\x8c\
        \xe4\xe6\x96\xba\x90\xbd\x20\x37\x30\xef\x10\x9c\x80\x0d\xc8\x20\
        \x0d\x00\x00\x0a\x07\xa8\x0d\xa8\x0b\x0d\x89\x20\x0a\x00\x00\x0a\
        \x00\x0a\x00\x0a\x76\x0d\x38\x0d\x0a\x00\x0a\x00\x0a\x3c\x20\x1a\
        \x0d\x20\x38\x0a\x1a\x0a\xb0\x80\x9d\x80\xe3\x80\x82\x0a\xe8\xe7\
        \xa1\x9d\x9f\xe5\x20\xe9\x27\xa3\x8e\xe5\x0a\xe8\xb2\xac\xb7\xa8\
        \xe8\xaf\xef\x0c\xbc\x9d\xef\xbc\x8c\x0a\xe2\x91\xa0\xe7\xac\xe4\
        \xe4\xba\x89\x80\x0a\xb9\xbe\x91\xef\xbc\x8c\x0a\xe2\x91\xa0\x00\
        \x10\x0a\xff\xff\xff\xff\xff\xff\xff\x0f\xff\xa0\x3a\xe5\x3a\xe5";
    let text = String::from_utf8_lossy(bytes);
    check(&text);
}

/// Found by fuzzing (`reflow`, run 54, stop 18; stop 17's last commit fails
/// the same way): settling takes more than the 16 rounds debug builds allow,
/// as in run 42's finding (release builds reach the fixed point). The input
/// (894 bytes after 150 s of minimising) holds an opening `「` left open
/// before pieces that end at pause marks, as run 42's does. Passing since
/// before stop 23, as run 42's.
#[test]
fn fuzz_settling_rounds_run_54() {
    let bytes = include_bytes!("fixtures/fuzz/run54-settling-rounds.bin");
    check(&String::from_utf8_lossy(bytes));
}

/// Found by fuzzing (`reflow`, run 60, stop 20; the stop's first commit,
/// `11a3712`, fails the same way): settling takes more than 16 rounds, as in
/// runs 42 and 54 (an opening mark left open before pieces that end at pause
/// marks; 1,082 bytes, not minimised further in 150 s). Passing since
/// before stop 23, as run 42's.
#[test]
fn fuzz_settling_rounds_run_60() {
    let bytes = include_bytes!("fixtures/fuzz/run60-settling-rounds.bin");
    let text = String::from_utf8_lossy(bytes);
    check(&text);
    for limit in 2..18 {
        let r = cjk_reflow::stages::with_section_lines(&Reflower::default(), limit);
        let once = r.reflow(&text);
        assert_eq!(r.reflow(&once), once, "section limit {limit}");
    }
}

/// Found by fuzzing (`reflow`, run 9): two joined lines made a code fence
/// (`` + `), which the output, measured again, holds as preformatted; the
/// settling check composed the joined line without looking at its text.
#[test]
fn fuzz_joined_lines_that_make_a_code_fence() {
    check("``\n`\n\n\u{FFFD}");
}

/// H3: short unpunctuated lines of about the same width are lines of
/// verse, not pieces of printed lines: they are not chained together.
#[test]
fn unpunctuated_verse_is_not_chained() {
    let verse = "春天来了，\n小草绿了\n花儿都开了\n燕子飞回来了\n";
    let out = check(verse);
    for line in ["小草绿了", "花儿都开了", "燕子飞回来了"] {
        assert!(out.contains(&format!("{line}\n")), "{out}");
    }
    assert!(!out.contains("小草绿了花儿"), "{out}");
}

/// Lines of verse quoted in a column of prose, their indents lost or kept:
/// the column around them is the prose's, so by width they are short lines
/// that the piece and first-line rules ran on into one another, into the
/// line that introduces them and into the paragraph after them. They are
/// keep their line breaks.
#[test]
fn verse_inside_a_prose_column_keeps_its_lines() {
    let lost = "春天来了，小区里的玉兰花开了。我\n每天下楼散步，总要在树下站一会儿，\n看花瓣在风里慢慢落下来。邻居王大\n爷说，这树是他三十年前亲手种下的，\n那时候小区刚建成，到处都是黄土。\n他给我念了一首自己写的小诗：\n玉兰花开白如雪\n春风一吹满地香\n三十年前亲手种\n如今已比楼还高\n念完，他哈哈一笑，说自己不是\n诗人，只是个种树的老头。可我觉得，\n这四句诗比许多诗集里的句子都动人。\n";
    let out = check(lost);
    assert!(
        out.contains(
            "小诗：\n玉兰花开白如雪\n春风一吹满地香\n三十年前亲手种\n如今已比楼还高\n念完，"
        ),
        "{out}"
    );
    assert!(out.contains("念完，他哈哈一笑，说自己不是诗人，"), "{out}");
    let kept = "　　中秋之夜，月光如水。老张站在阳台上，望着天上的圆月，不\n由得想起远在他乡的儿子。他轻声吟起了李白的诗句：\n　　床前明月光，\n　　疑是地上霜。\n　　举头望明月，\n　　低头思故乡。\n　　吟罢，他拿起手机，拨通了儿子的电话。电话那头传来儿子熟\n悉的声音，老张的眼眶一下子湿润了。\n";
    let out = check(kept);
    assert!(
        out.contains("诗句：\n　　床前明月光，\n　　疑是地上霜。\n　　举头望明月，\n　　低头思故乡。\n　　吟罢"),
        "{out}"
    );
    assert!(out.contains("不由得想起"), "{out}");
    // Introduced by a colon at the end of a line shorter than the verse.
    let short = "　　中秋之夜，月光如水。老张站在阳台上，望着天上的圆月，不\n由得想起远在他乡的儿子，轻声吟起了李白的诗句，最后一句\n是这样的：\n　　床前明月光，\n　　疑是地上霜。\n　　举头望明月，\n　　低头思故乡。\n";
    let out = check(short);
    assert!(
        out.contains("是这样的：\n　　床前明月光，\n　　疑是地上霜。\n"),
        "{out}"
    );
}

/// Found by the property test while verse was added: a run of lines as
/// wide as one another, marked as verse, inside a section the printed-line
/// stage re-decides (`printed.rs`). That stage joined them, so the paragraph
/// held preformatted lines and lost its ideographic indent, which a second
/// reflow added. A break beside a line of verse is now fixed for that stage,
/// as one beside preformatted text is.
#[test]
fn regression_props_verse_inside_printed_pieces() {
    let text = "一一一一一一一\n一一一一，\n一一一一一\n一一一一，\n一一一一一\n一一一一一一一，\n\n一一一，\n一一一，\n一\n一一一一一一一一一\n一，\n\n";
    check(text);
    let ideographic = Options::new()
        .indent(cjk_reflow::Indent::Ideographic)
        .build()
        .unwrap();
    let once = ideographic.reflow(text);
    assert_eq!(ideographic.reflow(&once), once);
}

/// An interview set as questions and answers: a turn that opens with its
/// label (`问：`, `答：`) starts a paragraph after a sentence end, even when
/// the line before fills the column; a line that starts with the label's
/// characters mid-sentence (`回` | `答：`) still goes on.
#[test]
fn interview_turns_are_not_glued() {
    let text = "问：这次改革的重点是什么？\n答：重点是简化审批流程，让企业\n少跑腿。过去办一个证要跑五六个部\n门，现在一个窗口就能办完。\n问：企业的反应如何？\n答：反应非常积极。很多企业负责\n人跟我们说，办事效率提高了一倍多。\n";
    let out = check(text);
    assert!(
        out.starts_with("问：这次改革的重点是什么？\n\n答："),
        "{out}"
    );
    assert!(
        out.contains("少跑腿。过去办一个证要跑五六个部门，"),
        "{out}"
    );
    let answer = "当被问到下一步的打算时，他笑着回\n答：我们会继续努力，把这件事情做\n好，让更多的群众从中受益，这也是\n我们一直以来的心愿和追求的目标。\n";
    assert!(check(answer).contains("他笑着回答：我们"));
}

/// Jump lines (`（下转第二版）`, `（上接第一版）`) stand alone: a story's
/// last paragraph on its page does not take in the jump, nor does the
/// continuation's first paragraph take in the line that picks it up.
#[test]
fn jump_lines_stand_alone() {
    let text = "　　本报北京3月5日电（记者张三）国务院总理今天在人民大会\n堂作政府工作报告，回顾了过去一年的工作，部署了今年\n的任务。报告指出，要坚持稳中求进工作总基调，完整准确\n全面贯彻新发展理念。\n（下转第二版）\n\n（上接第一版）\n加快构建新发展格局，着力推动高质量发展，更好统筹发\n展和安全。\n";
    let out = check(text);
    assert!(
        out.contains("理念。\n\n（下转第二版）\n\n（上接第一版）\n\n加快"),
        "{out}"
    );
}

/// Found by the property test in a clean-clone CI run (`PROPTEST_CASES`
/// 2048): a section whose blank lines are line spacing, after a section that
/// ends with a folio (`0`). Deciding the whole text at once, the spacing
/// copies of a section's first line no longer started a section, so the
/// folio before the section break made it a page's running title, and the
/// break after it differed from deciding section by section. The line
/// before a section's first line is no longer read. (Present at the start
/// of stop 15, `8c9881e`.)
#[test]
fn regression_props_folio_read_across_a_section_break() {
    let text = "0\n\n\n一一一一\n\n一\n，一一\n\n一一一一\n\n一一一一\n\nA一一一、\n\n一一一一\n";
    check(text);
    let newline = Options::new()
        .separator(cjk_reflow::Separator::Newline)
        .build()
        .unwrap();
    assert_eq!(
        newline.reflow(text),
        cjk_reflow::stages::reflow_whole(text, &newline)
    );
}

/// A question set as a subhead on three lines as wide as one another,
/// between blank lines (pdfminer's text of a page printed by Chromium):
/// no verse, for its lines end before a noun (`的`), and it is one heading.
#[test]
fn a_subhead_cut_before_its_nouns_is_not_verse() {
    let page = "\
注 意 ， ⾃ 从 引 ⼊
udev 之后，如果您更
改了硬件外设的权限，
这些权限可能在系统启
动时被更改；如果恰好
是您关⼼的硬件外设出
现了这种情况，您需要
修 改   /etc/udev  中 的
规则。

软件包管理系统是如何
处理含有其他软件包的
配置⽂件的软件包的？

举个例⼦，有些⽤
⼾ 希 望 通 过 安 装 ⼀ 组
Debian 软件包，再安
装⼀个本地⽣成的、含
有配置⽂件的软件包的
⽅式，来搭建⼀个新的
";
    let out = check(page);
    assert!(
        out.contains("\n软件包管理系统是如何处理含有其他软件包的配置⽂件的软件包的？\n"),
        "{out}"
    );
}

/// Lines without a mark, as wide as one another, between lines of the same
/// width are a paragraph's full lines, not verse: they are joined.
#[test]
fn equal_width_prose_lines_in_their_column_are_not_verse() {
    let text = "今年以来，我们坚持稳中\n求进工作总基调完整准确\n全面贯彻新发展理念加快\n构建新发展格局着力推动\n高质量发展，更好统筹发\n展和安全。\n";
    assert_eq!(
        check(text),
        "今年以来，我们坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展，更好统筹发展和安全。\n"
    );
}

/// H4: a table of contents (short heading lines with no marks) before a
/// blank line and an indented paragraph is not text cut into pieces: it
/// comes back unchanged and is not glued to the paragraph.
#[test]
fn table_of_contents_lines_stay_as_they_are() {
    let text = "目录\n第一章\n第二章\n第三章\n\n　　正文从这里开始，这是一段足够长的文字，用来确认不会把目录和正文粘在一起。\n";
    let out = check(text);
    assert!(out.starts_with("目录\n第一章\n第二章\n第三章\n\n"), "{out}");
    assert!(!out.contains("第三章正文"), "{out}");
}

/// Found by fuzzing (`reflow_tokens`, run 11): a tab-indented line between
/// a whitespace-only line and a lone glyph. A section whose breaks were all
/// kept changed when settled.
#[test]
fn fuzz_kept_section_stays_kept_when_settled() {
    let text = " \n\t而民🏳\u{fe0f}\u{200d}🌈民时生样来她🏳\u{fe0f}\u{200d}🌈来她\n\n来";
    check(text);
    for r in [
        Options::new()
            .indent(cjk_reflow::Indent::None)
            .build()
            .unwrap(),
        Options::new()
            .separator(cjk_reflow::Separator::Newline)
            .indent(cjk_reflow::Indent::Ideographic)
            .build()
            .unwrap(),
        Options::new()
            .column(cjk_reflow::ColumnWidth::Fixed(16))
            .ambiguous(cjk_reflow::AmbiguousWidth::Narrow)
            .build()
            .unwrap(),
    ] {
        for limit in 2..18 {
            let r = cjk_reflow::stages::with_section_lines(&r, limit);
            let once = r.reflow(text);
            assert_eq!(r.reflow(&once), once);
        }
    }
}

/// Found by fuzzing (`reflow_tokens`, run 12): a long-section cut before a
/// full unpunctuated line that had one blank line before it. Analysed, the
/// line looked like a heading between blank lines; written, it has two
/// blank lines before it (or starts the section read again), so the
/// decision changed when settled. A cut line is now analysed as a section
/// start, whatever blank lines it had.
#[test]
fn fuzz_cut_before_a_line_with_one_blank_line() {
    let text = "过\n。\n\n民就那知她大与然然有种第六条人\n\n行\n";
    let fixed = Options::new()
        .column(cjk_reflow::ColumnWidth::Fixed(16))
        .ambiguous(cjk_reflow::AmbiguousWidth::Narrow)
        .build()
        .unwrap();
    for r in [Reflower::default(), fixed] {
        for limit in 2..6 {
            let r = cjk_reflow::stages::with_section_lines(&r, limit);
            let once = r.reflow(text);
            assert_eq!(r.reflow(&once), once);
            assert_eq!(cjk_reflow::stages::reflow_whole(text, &r), once);
            let cuts: Vec<_> = r
                .break_points(text)
                .into_iter()
                .filter(|b| b.reason == cjk_reflow::Reason::LongSection)
                .collect();
            // Blank lines as read, not as written.
            assert!(cuts.iter().all(|b| b.blank_lines <= 1), "{cuts:?}");
        }
    }
}

/// A short paragraph between furniture leaves too few lines to agree on a
/// column; a narrow line holding a mark that stops mid-sentence still runs
/// on into a line no wider than it.
#[test]
fn short_paragraph_without_a_column_runs_on_mid_sentence() {
    let page = "来源：科技日报\n\n对于所有软件包，它们的\n作者都记录在文件\n/usr/share/doc/PACKAGE/copyright\n中，其中 PACKAGE 需要替\n换为该软件包的名字。\n";
    let out = check(page);
    assert!(out.contains("它们的作者都记录在文件"), "{out}");
}

/// `pdftotext -raw` cuts a printed line after a compressed pause mark and
/// after a sentence end; a piece of at most a quarter of the column that
/// then fills the printed line and ends it between two characters began
/// on that line, after the sentence end.
#[test]
fn a_quarter_piece_filling_a_printed_line_after_a_sentence_end_runs_on() {
    let page = "给一个目录设置“粘滞位”将保护该目录内的文件\n\
                不被其所有者之外的一个用户删除。为了保护一个在像\n\
                “/tmp”这样所有人可写或同组可写的目录下文件内容\n\
                的安全，不仅要去除可写权限，还要给其所在目录设置\n\
                粘滞位。否则，该文件可以被任意对其所在目录有写权\n\
                限的用户删除并创建一个同名的新文件。\n\
                在 Debian 系统中，\n\
                硬件设备是另一种文件。\n\
                如果你\n\
                从一个用户账户访问某些设备出现问题，\n\
                例如 CD-ROM\n\
                和 USB 记忆棒，你需要使这个用户成为相关组的成员。\n\
                一些著名的由系统提供的组允许其成员不需要\n\
                root 权限访问某些特定的文件和设备。\n";
    let out = check(page);
    assert!(out.contains("文件。如果你从一个"), "{out}");
}

/// A story's closing dateline cut before its `电）` is its own paragraph,
/// not a bracketed remark run on after the story's last sentence.
#[test]
fn closing_dateline_cut_in_two_stands_alone() {
    let page = "号。使用 Tab 键（跳格键）\n可以在用户名和密码之间移\n动，也可以使用鼠标主要键\n点击。\n（中新社乌鲁木齐3月12日\n电）\n";
    let out = check(page);
    assert!(out.contains("点击。\n"), "{out}");
    assert!(out.contains("（中新社乌鲁木齐3月12日电）"), "{out}");
}

/// A story's opening dateline cut inside its date (`中新社武汉 2 月 20` |
/// `日电`) runs on, with the reporter's credit, into the first sentence.
#[test]
fn opening_dateline_cut_inside_its_date_runs_on() {
    let page = "加固系统\n□中新社记者 陈磊杰\n中新社武汉 2 月 20\n日电\n（记者韦玉宇）\n这些改进一直都在进行。对第一点而言，\n我们已经使用了一二三四五六七八九十。\n";
    let out = check(page);
    assert!(out.contains("20日电（记者韦玉宇）这些改"), "{out}");
}

/// The line after a running header opens the page's first block: stopping
/// without a mark, it is a kicker or headline of its own, even where the
/// column makes it look full.
#[test]
fn unpunctuated_line_after_running_header_stands_alone() {
    let page = "北方时报　2024年10月24日　星期一　第11版　观点\n一二三四五六七八九十一二三\n关注行政领域事务的学者时，常\n听到的一个观点是：加强问责。\n";
    let out = check(page);
    assert!(out.contains("\n一二三四五六七八九十一二三\n"), "{out}");
}

/// Verse ends every line at a pause or a stop, as text that `pdftotext -raw`
/// cut into pieces at compressed marks does; but its lines do not end at a
/// character, so it is not taken for pieces and stays verse. Nor is a title
/// run on into it: the lines after it are as wide as one another.
#[test]
fn verse_ending_every_line_at_a_mark_is_not_regrouped() {
    let stanzas = "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n\n\
                   春眠不觉晓，\n处处闻啼鸟。\n夜来风雨声，\n花落知多少。\n\n\
                   白日依山尽，\n黄河入海流。\n欲穷千里目，\n更上一层楼。\n";
    let titled = "静夜思\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n\n\
                  春晓\n\n春眠不觉晓，\n处处闻啼鸟。\n夜来风雨声，\n花落知多少。\n\n\
                  登鹳雀楼\n\n白日依山尽，\n黄河入海流。\n欲穷千里目，\n更上一层楼。\n";
    let run_on: String = stanzas
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let titled_run_on: String = titled
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    for verse in [stanzas, titled, &run_on, &titled_run_on] {
        assert_eq!(check(verse), verse);
    }
}

/// `pdftotext -raw` split a printed line `3.5节“整修的安排”)。“我”前几天`
/// into three (the ASCII bracket sits in another font). The pieces of the
/// printed line joined so far once grew wider than the column inside the
/// paragraph and were never reset, which turned the piece rules off for the
/// rest of it: both breaks after `)。` and `“我”前几天` were kept.
#[test]
fn pieces_after_a_printed_line_wider_than_the_column_still_join() {
    let page = "城市的公园每年春天都要整修\n一次，今年也不例外。管理处在三月\n\
                初就贴出了告示，请市民在整修期间\n绕行。工人们先修补了破损的路面，\n\
                再更换了旧的路灯和长椅，最后把湖\n边的栏杆全部重新油漆了一遍（见第\n\
                3.5节“整修的安排”\n)。\n“我”前几天\n也去看过，那里已经焕然一新，游\n\
                人比往年多了不少。\n";
    let out = check(page);
    assert_eq!(out.lines().count(), 1, "{out}");
}

/// A line split off before a mark no line may start with (`。你`) belongs
/// to the line before it: `这样的结构叫做“目录树”。你` fills the column, so
/// it is not a paragraph's first line short by its lost indent.
#[test]
fn a_line_whose_tail_was_split_off_is_as_full_as_the_whole() {
    let page = "文件系统里的目录一层套着一层\n，最上面的一层叫做根目录，根\n\
                目录下面是系统的各个部分，每\n个部分下面又可以分出更多的子\n\
                目录，例如“/usr/share/”\n。\n这样的结构叫做“目录树”\n。你\n\
                可以把一个文件的完整路径看成\n从树根走到树叶的一条路线，每\n\
                一段都是一个目录的名字，最后\n一段才是文件自己的名字。\n";
    let out = check(page);
    assert_eq!(out.lines().count(), 1, "{out}");
}

/// Text that kept its first-line indents (a word processor's export, an
/// extractor that keeps leading spaces): a heading set with the same indent
/// as the paragraphs stands alone, and a line with no indent opens no
/// paragraph even when it is 2 em short after a sentence end.
#[test]
fn kept_indents_mark_the_paragraphs() {
    let text = "\u{3000}\u{3000}一二三四五六七八九十一二\n\
                三四五六七八九十一二三四五六\n\
                七八九十。\n\
                \u{3000}\u{3000}关于这个软件包的版本说明\n\
                \u{3000}\u{3000}甲乙丙丁戊己庚辛壬癸子丑\n\
                寅卯辰巳午未申酉戌亥子丑寅。\n\
                丁戊己庚辛壬癸子丑寅卯辰\n\
                configuration-file 丙丁戊己庚\n\
                辛壬癸。\n";
    let out = check(text);
    let paragraphs: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(paragraphs.len(), 3, "{out}");
    assert_eq!(paragraphs[1], "\u{3000}\u{3000}关于这个软件包的版本说明");
    assert!(paragraphs[2].contains("子丑寅。丁戊己"), "{out}");
}

/// A short editor line above a two-line headline: three short lines in a
/// row once voted for a column as narrow as they are, so the headline was
/// read as full lines and glued into the story. Bylines, source and editor
/// lines, jump lines and running headers are their own paragraphs: their
/// widths say nothing of the column.
#[test]
fn furniture_does_not_vote_for_a_column() {
    let page = "责任编辑：王小明\n市民广场改造工程\n年底前全面完工\n\
                本报讯（记者 陈晓东 通讯员 刘洋）\n记者昨日从市住建局获悉，市民广\n\
                场改造工程目前已完成总工程量的\n百分之八十，预计年底前全面完工。\n";
    let out = check(page);
    assert!(out.contains("\n市民广场改造工程\n"), "{out}");
    assert!(out.contains("\n年底前全面完工\n"), "{out}");
    assert!(out.contains("刘洋）记者昨日"), "{out}");
}

/// A page's staff credits (`本版编辑：… 美编：… 校对：…`) are a line of
/// their own; above a headline they once read as a full line and ran on
/// into it and down into the story.
#[test]
fn staff_credits_stand_alone() {
    let page = "本版编辑：王小明 美编：李华 校对：张强\n市民广场改造工程\n年底前全面完工\n\
                本报讯（记者 陈晓东 通讯员 刘洋）\n记者昨日从市住建局获悉，市民广\n\
                场改造工程目前已完成总工程量的\n百分之八十，预计年底前全面完工。\n";
    let out = check(page);
    assert!(
        out.starts_with("本版编辑：王小明 美编：李华 校对：张强\n\n"),
        "{out}"
    );
    assert!(out.contains("\n市民广场改造工程\n"), "{out}");
}

/// A table whose cells the extractor set one space apart (`pdftotext`
/// without `-layout`, PyMuPDF): its rows are narrow and as wide as one
/// another, so they once made a column of their own and were joined into
/// one line, caption and source line with them. Rows are kept line by
/// line; the numbered caption and the source line are their own
/// paragraphs.
#[test]
fn table_rows_split_by_single_spaces_are_kept() {
    let page = "据统计，今年前三季度，全省主要城市\n常住人口均保持增长，其中省会城市增\n\
                幅最大。具体数据如下表所示：\n表1 主要城市常住人口\n城市 人口（万人） 增长率\n\
                广州 1867 2.1%\n深圳 1756 1.8%\n佛山 951 1.2%\n东莞 1046 0.9%\n\
                数据来源：省统计局\n专家表示，人口持续流入为城市发展提\n\
                供了有力支撑，但也对公共服务提出了\n更高要求。下一步，各地将继续加大教\n\
                育、医疗、住房等领域投入，不断提升\n城市综合承载能力和公共服务水平。\n";
    let out = check(page);
    let rows =
        "城市 人口（万人） 增长率\n广州 1867 2.1%\n深圳 1756 1.8%\n佛山 951 1.2%\n东莞 1046 0.9%\n";
    assert!(
        out.contains(&format!("所示：\n\n表1 主要城市常住人口\n{rows}")),
        "{out}"
    );
    assert!(
        out.contains("0.9%\n数据来源：省统计局\n\n专家表示"),
        "{out}"
    );
    let reasons: Vec<_> = Reflower::default()
        .break_points(page)
        .iter()
        .map(|b| b.reason)
        .collect();
    assert!(
        reasons.contains(&cjk_reflow::Reason::TableRow),
        "{reasons:?}"
    );
}

/// A page footer (`第 3 页 共 12 页`) and a header naming the date and the
/// page's staff instead of its number, between lines of a paragraph: each
/// is a line of its own, not text run into the paragraph.
#[test]
fn page_footers_and_staff_headers_stand_alone() {
    let page = "市民广场改造工程目前已完成总工程量\n的百分之八十，预计年底前全面完工。\n\
                据介绍，改造后的广场将新增绿地面积\n约两万平方米，并增设儿童游乐区和健\n\
                第 3 页 共 12 页\n身步道。市住建局有关负责人表示，将\n\
                加强施工管理，确保工程质量和安全。\n\
                2024年3月5日 星期二 编辑：张三 美编：李四\n\
                同时，施工期间将合理安排作业时间，\n尽量减少对周边居民生活的影响。\n";
    let out = check(page);
    assert!(out.contains("\n\n第 3 页 共 12 页\n\n"), "{out}");
    assert!(
        out.contains("\n\n2024年3月5日 星期二 编辑：张三 美编：李四\n\n"),
        "{out}"
    );
}

/// A paragraph that pdfminer spread at its word spaces (WeasyPrint's
/// justification widens the spaces around numbers, Latin words and linked
/// words into runs of three), set from Debian's maint-guide by the corpus
/// generator (seed 20261128). Line after line has runs of spaces, so each
/// had a neighbour like a table's row; but a table's rows beside one
/// another have about as many gaps, and these have 4, 2, 4, 2: prose, to
/// be joined like any other.
#[test]
fn prose_spread_at_word_spaces_line_after_line_is_joined() {
    let page = "\
一一加以说明。另外，打包这
件事情无法被完全自动化。因
此你还得按照   第   3   章   修改源
代码   中介绍的方法为   Debian
修改软件包。再接下来，按照
第   6   章   构建软件包   中叙述的
合适的方法来构建   Debian   软
件包，并根据   第   7   章   检查软
件包中的错误   中的方法进行软
件包测试，最后参考   第   9   章
上传软件包   这里的说明将其上
传。所有的这些主要步骤本教
程都会进行解释。

更新一个已存在的软件包
可能有点复杂，因为它可能使
用了旧的打包技术。
";
    let out = check(page);
    let paragraphs: Vec<&str> = out.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 2, "{out}");
    for seam in [
        "修改源代码",
        "按照第",
        "来构建   Debian   软件包",
        "将其上传",
    ] {
        assert!(paragraphs[0].contains(seam), "{seam}: {out}");
    }
}

/// A list of terms and what they are, one paragraph each, as the Debian
/// FAQ gives the architectures (`pdftotext -raw` of a mixed corpus page,
/// `tests/corpus/mixed/m01-pdftotext-raw.txt`): the sentence before each
/// term ends at the column's edge, and the term's line is as full as any,
/// so only the term and its colon say that an entry opens there.
#[test]
fn a_latin_term_and_its_colon_after_a_sentence_end_opens_an_entry() {
    let page = "\
DebianGNU/Linux包含的所有程序都提供完整
的源代码，所以它应当能在 Linux内核支持的所有系
统上工作；阅读LinuxFAQ以了解更多细节。
amd64：这囊括了基于支持AMD64扩展的64位
AMDCPU的系统，以及基于支持EM64T扩展的英特
尔CPU的系统，以及一个常见的64位用户空间。
i386：这囊括了基于英特尔及其兼容处理器的系
统，包括英特尔的386、486、奔腾、奔腾Pro、奔腾
II（包括 Klamath和赛扬），和奔腾 III，以及大多数
AMD、Cyrix和其他厂商的兼容处理器。
";
    let out = check(page);
    assert!(out.contains("64位用户空间。\n\ni386："), "{out}");
    // Mid-sentence, a term and a colon run on: `包括` | `amd64：…`.
    let mid = "\
DebianGNU/Linux包含的所有程序都提供完整
的源代码，所以它应当能在 Linux内核支持的所有系
统上工作；它支持的架构很多，其中最常见的是
amd64：这囊括了基于支持AMD64扩展的64位
AMDCPU的系统，以及基于支持EM64T扩展的英特
尔CPU的系统，以及一个常见的64位用户空间。
";
    let out = check(mid);
    assert!(out.contains("其中最常见的是amd64："), "{out}");
}

/// A story's opening dateline with the reporter's credit cut in two at the
/// line's end and the credit's tail cut off by `pdftotext -raw`
/// (`tests/corpus/mixed/m04-pdftotext-raw.txt`): the tail is short, but it
/// closes the bracket the dateline opened, and the three run on into the
/// story's first sentence.
#[test]
fn the_tail_of_a_datelines_credit_runs_on_into_the_story() {
    let page = "\
□新华社记者 熊静蕾
新华社北京9月19日电（记者
谢林萍）
“覆盖文件”是一个由发行
版 维 护 者 维 护 的 文 件 ， 对
于“main”发行版而言，它通常
位 于 Debian 档 案 站 点 的
indices/override.main.gz。
";
    let out = check(page);
    assert!(
        out.contains("新华社北京9月19日电（记者谢林萍）“覆盖文件”是一个由发行"),
        "{out}"
    );
}

/// An editor's credit cut into pieces by `pdftotext -raw` (a generated
/// XeLaTeX page), a kicker after it: the pieces rebuilt into one printed
/// line would end in text, as a heading does, but a line that holds
/// brackets and a colon is no heading, and the kicker stands alone.
#[test]
fn a_kicker_is_not_drawn_onto_the_editors_credit_before_it() {
    let page = "\
（责任编辑：
姚慧）
本报专访
是否有其他引导安装程序的方法？
——我可以安装和编译未经过 Debian 微调的内核吗？
□本报记者 卢颖
本报合肥 4 月 18 日电 有。
除了 CD
和 DVD 以外，
您还可以从 U 盘、
直接从
硬盘、
或是使用 TFTP 网络引导来安装
Debian GNU/Linux。
为了在多台计算机
上安装，
还可以进行全自动安装。
注意：
";
    let out = check(page);
    assert!(out.starts_with("（责任编辑：姚慧）\n\n本报专访\n"), "{out}");
}

/// A table of a manual's settings, its cells one space apart as
/// `pdftotext` and PyMuPDF set them: the names of settings are longer than
/// a cell of words, a header and a row without numbers stand above the
/// rows of numbers, and the sentence after the table is no cell of it.
#[test]
fn a_table_of_settings_with_long_latin_names_keeps_its_rows() {
    let page = "\
配置文件位于 /etc/nginx/nginx.conf，主要
参数如下表所示。
参数 默认值 说明
worker_processes auto 工作进程数
worker_connections 1024 每个进程的连接数
keepalive_timeout 65 长连接超时时间
修改配置后需要重新加载服务才能生效。
";
    let out = check(page);
    let table = "参数 默认值 说明\nworker_processes auto 工作进程数\n\
        worker_connections 1024 每个进程的连接数\nkeepalive_timeout 65 长连接超时时间\n";
    assert!(out.contains(&format!("。\n{table}")), "{out}");
    assert!(out.contains("主要参数如下表所示。"), "{out}");
}

/// Commands set without their prompt, as a manual prints them: two or more
/// lines right below one another, each a common command's name and its
/// arguments with no wide character, are code, kept line by line; the
/// sentence that introduces them is not run on into them.
#[test]
fn commands_without_a_prompt_keep_their_lines() {
    let page = "\
在开始安装之前，请确认你的系统满足以下
要求，然后执行下面的命令。安装命令如下：
sudo apt update
sudo apt install nginx
systemctl status nginx
如果看到 active (running)，说明安装成功。
";
    let out = check(page);
    assert!(
        out.contains(
            "安装命令如下：\nsudo apt update\nsudo apt install nginx\nsystemctl status nginx\n"
        ),
        "{out}"
    );
}

/// A manual's example program and configuration, printed without fences,
/// between sentences: every line of code is kept as it came (a comment with
/// wide characters, an indented line, a call, an assignment), and the
/// sentences around run on as prose.
#[test]
fn code_without_fences_keeps_its_lines() {
    let page = "\
下面的示例脚本会读取配置文件并打印其中
的每一项：
import json
# 读取配置文件
with open(\"config.json\") as f:
    config = json.load(f)
for key, value in config.items():
    print(key, value)  # 打印每一项
运行脚本之前，需要先安装依赖。主要配置项
如下：
name = \"demo\"
port = 8080
debug = true
修改以后需要重新启动服务。
";
    let out = check(page);
    let program = "import json\n# 读取配置文件\nwith open(\"config.json\") as f:\n    \
        config = json.load(f)\nfor key, value in config.items():\n    \
        print(key, value)  # 打印每一项\n";
    assert!(
        out.contains(&format!("每一项：\n{program}运行脚本")),
        "{out}"
    );
    assert!(
        out.contains("如下：\nname = \"demo\"\nport = 8080\ndebug = true\n修改"),
        "{out}"
    );
    assert!(out.contains("打印其中的每一项"), "{out}");
}

/// Found by the property tests in stop 18 (older than the stop: its first
/// commit fails the same way): the shortcut for a full line inside a
/// paragraph joined across a line of one space as a full line, where the
/// cascade reads the space as the word space the extractor cut at
/// (`Reason::SpaceLineBetween`); debug builds compare the two and panicked.
#[test]
fn props_full_line_before_a_line_of_one_space() {
    check(
        "一一一一\n\n가가가가\n\n，一一一一一一一0000一一一一一一一一一一aAaAa\n\n\
         一一一一一一一一一一一一一一一一一一一AaAA一\n \n一一；一一一一一一一一一一一一一一0aAaAa\n\n一一一一",
    );
}

/// A manual's lists: items after bullets and after `1)`, wrapped, between
/// paragraphs. Each item is a paragraph of its own, its wrapped lines run
/// on, and the full line of prose after a list is no subhead: the line
/// after it goes on into a list item, not into a paragraph of its own.
#[test]
fn wrapped_list_items_and_the_paragraphs_around_them() {
    let page = "\
部署之前，需要准备一台安装了 Debian 系统的服务器，
并确保网络连接正常。本章介绍两种部署方式，请根据
实际情况选择：
• 手动部署：适合只有一台服务器的小型环境，步骤简
单，但每次升级都需要人工操作；
• 自动部署：适合服务器较多的环境，需要先配置好持
续集成系统。
部署完成以后，应当检查服务是否正常运行，并查看日
志中是否有错误信息。常见的问题有以下几类：
1) 端口被占用，服务无法启动，这时需要找出占用端口
的进程并结束它；
2) 权限不足，无法读取配置文件。
如果问题仍然存在，请查阅附录中的故障排除一节，或
者到社区论坛提问。
";
    let out = check(page);
    let paragraphs: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert_eq!(paragraphs.len(), 7, "{out}");
    assert!(
        paragraphs[3].ends_with("查看日志中是否有错误信息。常见的问题有以下几类："),
        "{out}"
    );
    assert!(paragraphs[4].starts_with("1) 端口被占用"), "{out}");
    assert!(paragraphs[4].ends_with("的进程并结束它；"), "{out}");
}

/// A manual's page printed by Chromium, as three real extractors and OCR
/// wrote it (`tests/fixtures/manual/`): a Python example and shell commands
/// printed without fences or prompts, and a table of settings. Every line
/// of the code and of the commands comes out as it came, on a line of its
/// own (OCR's misread characters and all); the paragraphs around them are
/// joined; the table's lines are kept too, PyMuPDF's a cell a line.
#[test]
fn a_manuals_code_commands_and_table_from_real_extractors() {
    let pages = [
        ("pdftotext", include_str!("fixtures/manual/pdftotext.txt")),
        (
            "pdftotext-raw",
            include_str!("fixtures/manual/pdftotext-raw.txt"),
        ),
        ("pymupdf", include_str!("fixtures/manual/pymupdf.txt")),
        ("ocr", include_str!("fixtures/manual/ocr.txt")),
    ];
    for (name, page) in pages {
        let out = check(page);
        let lines: Vec<&str> = page.lines().collect();
        let block = |first: &str, last: &str| {
            let at = |start: &str| {
                lines
                    .iter()
                    .position(|l| l.trim_start().starts_with(start))
                    .unwrap()
            };
            let (from, to) = (at(first), at(last));
            lines[from..=to].join("\n")
        };
        let kept = block("import json", "print(key");
        assert!(out.contains(&format!("\n{kept}\n")), "{name}: {out}");
        // (OCR capitalised two of the commands: `Sudo`, `SystemCtL`.)
        if name != "ocr" {
            let kept = block("sudo apt update", "systemctl status");
            assert!(out.contains(&format!("\n{kept}\n")), "{name}: {out}");
        }
        let table = block("参数", "keep");
        let table = if name == "pdftotext" || name == "pymupdf" {
            // (The last row's last cell on a line of its own.)
            block("参数", "长连接超时时间")
        } else {
            table
        };
        assert!(out.contains(&format!("\n{table}\n")), "{name}: {out}");
        for prose in [
            "并确保网络连接正常",
            "依次执行下面的命令，安装完成以后",
            "服务的主要配置项如下表所示",
            "并查看日志中是否有错误信息",
        ] {
            let prose = if name == "pdftotext-raw" {
                prose.replace(' ', "")
            } else {
                prose.to_string()
            };
            assert!(out.contains(&prose), "{name}: {prose}: {out}");
        }
    }
}

/// A table on a page printed by Chromium, as three real extractors wrote it
/// (`tests/fixtures/table/`): rows one space apart, rows cut in two, one
/// cell a line. Every line of the table comes out as it came, on a line of
/// its own; the story's paragraphs around it are joined.
#[test]
fn table_cells_from_real_extractors_are_kept() {
    let pages = [
        include_str!("fixtures/table/pdftotext.txt"),
        include_str!("fixtures/table/pdftotext-raw.txt"),
        include_str!("fixtures/table/pymupdf.txt"),
        include_str!("fixtures/table/ocr.txt"),
    ];
    for page in pages {
        let out = check(page);
        let lines: Vec<&str> = page.lines().collect();
        let first = lines.iter().position(|l| l.starts_with("城市")).unwrap();
        let last = lines.iter().position(|l| l.starts_with("东莞")).unwrap();
        // (A cell a line: the last row's number is two lines on.)
        let last = if lines[last] == "东莞" {
            last + 2
        } else {
            last
        };
        let table = lines[first..=last].join("\n");
        assert!(out.contains(&format!("\n{table}\n")), "{out}");
        assert!(out.contains("全省主要城市常住人口均保持增长"), "{out}");
        assert!(
            out.contains("不断提升城市综合承载能力和公共服务水平"),
            "{out}"
        );
    }
}

/// Found by the property tests while the column rule `|` was added: a
/// line at Python's prompt with a tab, below a line with a column rule.
/// The output's check composed the prompt line without its tab's
/// `preformatted` (code is marked afresh for the output), so the line above
/// read as alone there and as a table's row when measured afresh. Code and
/// tables are now marked before aligned lines are judged.
#[test]
fn column_rule_above_a_prompt_with_a_tab() {
    check("一\n一|\n>>> \t一\n");
}

/// A manual's commands, set a line each (`$ sudo …`, Python's `>>> …`) and
/// its Markdown headings are kept as they came; they were run together and
/// into the sentences around them. A single shell command is not enough to
/// tell: extracted text runs commands on into sentences.
#[test]
fn commands_and_markdown_headings_are_kept() {
    let page = "## 安装步骤\n安装完成后，需要修改配置文件，将默认\n端口改为 8080，然后重新启动服务。具体\n\
                操作如下：\n$ sudo vim /etc/nginx/nginx.conf\n$ sudo systemctl restart nginx\n\
                $ curl http://localhost:8080\n如果看到欢迎页面，说明服务已经正常运行。\n\
                接下来，我们还需要配置防火墙规则，允许外\n部访问该端口。然后重新启动服务。具体步\n\
                骤如下。\n>>> import os\n>>> os.getcwd()\n上面的代码会输出当前的工作目录。\n";
    let out = check(page);
    assert!(out.starts_with("## 安装步骤\n"), "{out}");
    assert!(
        out.contains(
            "\n$ sudo vim /etc/nginx/nginx.conf\n$ sudo systemctl restart nginx\n$ curl http://localhost:8080\n"
        ),
        "{out}"
    );
    assert!(out.contains("\n>>> import os\n>>> os.getcwd()\n"), "{out}");
    assert!(out.contains("允许外部访问该端口"), "{out}");
}

/// An editor's note set across the page's columns, in two lines, above the
/// columns of the story (`pdftotext -raw` of a page printed by Chromium):
/// its first line, wider than any column, stops mid-word and runs on into
/// the second, which ends the sentence; it was kept as two lines.
#[test]
fn note_across_the_columns_runs_on_into_its_last_line() {
    let page = "老旧小区改造让居民住得更舒心\n\
                编者按：近年来，我市持续推进老旧小区改造，一批“老破小”焕发新颜，居民的获得感、幸福感不\n\
                断增强。本报今起推出“走进改造后的老小区”系列报道，敬请关注。\n\
                □本报记者张明远\n\
                走进城东街道幸福里小区，记者看到，新\n铺设的柏油路面平整干净，楼道里的墙面\n\
                粉刷一新，小区门口还新建了一座便民服\n务站。\n";
    let out = check(page);
    assert!(out.contains("幸福感不断增强。"), "{out}");
}

/// Taiwan papers open a story's text with the reporter's bracketed credit
/// (`〔記者李大華／台中報導〕台中市今…`, `（中央社記者陳美玲台北3日電）行政院…`):
/// such a line opens a paragraph, as a dateline does, and runs on into its
/// text. It was joined to the paragraph before as a bracketed remark; and
/// a whole paragraph opening with one, as the output holds it, must not run
/// on into the next.
#[test]
fn bracketed_reporter_credits_open_paragraphs() {
    let page = "市府官員表示，目前全市屋齡超過三\n十年的公寓超過五十萬戶，「都更刻\n\
                不容緩」。\n〔記者李大華／台中報導〕台中市今\n年觀光人次創下新高，市府統計，前\n\
                三季已突破兩千萬人次。\n市府表示，將持續推動觀光，讓\n更多旅客前來台中。\n\
                （中央社記者陳美玲台北3日電）行政院\n今天通過預算案，總額較去年增加。\n";
    let out = check(page);
    assert!(
        out.contains("「都更刻不容緩」。\n\n〔記者李大華／台中報導〕台中市今年"),
        "{out}"
    );
    assert!(out.contains("兩千萬人次。\n\n市府表示"), "{out}");
    assert!(
        out.contains("前來台中。\n\n（中央社記者陳美玲台北3日電）行政院今天"),
        "{out}"
    );
}

/// PyMuPDF on a page printed by WeasyPrint writes the word spaces it cut a
/// printed line at as lines of one space (`apt-get` | ` ` | `source`): the
/// sentence goes on past them. They read as blank lines, and the short
/// pieces before them as paragraph ends.
#[test]
fn lines_of_one_space_are_word_spaces() {
    let page = "如果你有能力“领养”那\n个软件包，那就先下载 (使用\napt-get\n \nsource\n\
                packagename 或其他类似的\n工具)并分析它的源代码。这\n篇文档不会详细说明如何领养\n\
                软件包，不过幸运的是，领养\n软件包时，打包的起始工作已\n经完成了。\n";
    let out = check(page);
    assert!(
        out.contains("(使用apt-get source packagename 或其他"),
        "{out}"
    );
    assert_eq!(out.lines().filter(|l| !l.is_empty()).count(), 1, "{out}");
}

/// pdfminer on a justified page printed by WeasyPrint widens the word
/// spaces around Latin words into runs of spaces (`程的第四阶段，由迷你
/// Debian`): such a line that holds a full-width mark is prose, not a
/// table's row, and the lines around it are no table either.
#[test]
fn prose_spread_around_latin_words_is_not_a_table() {
    let page = "第四阶段：常规 Debian 系统\n常规   Debian   系统是启动流\n\
                程的第四阶段，由迷你   Debian\n系统启动。迷你   Debian   系统的\n\
                内核在此环境下继续运行。根文件\n系统将由内存切换到实际的硬盘文\n件系统上。\n";
    let out = check(page);
    assert!(out.contains("启动流程的第四阶段"), "{out}");
    assert!(
        out.contains("Debian系统启动") || out.contains("Debian 系统启动"),
        "{out}"
    );
    assert!(out.contains("系统的内核在此环境下"), "{out}");
}

/// Found by the property tests: a section of single glyphs is decided
/// without stage 2, which marks nothing there but a command at its edge
/// (`>>> 一`, see `mark_command_lines`); debug builds, which run stage 2
/// as well and compare, saw the difference. Such a section now takes the
/// long way.
#[test]
fn glyphs_before_a_prompt_line() {
    let out = check("、\n一\n>>> 一\n");
    assert!(out.ends_with("\n>>> 一\n"), "{out:?}");
}

/// Found by fuzzing (`reflow`, run 47; new with this stop's table rows): a
/// line that opens a page (after a form feed) is its running title, broken
/// from the next line before anything else is read; it had also been read
/// as the header of a table's rows below it, and kept with its form feed.
/// In the output the blank line after it cut the header off, the two rows
/// left were no table, and reflowing again dropped the form feed. A line
/// that opens a page is no row of a table now.
#[test]
fn fuzz_page_title_above_two_rows() {
    check("\u{c}\u{fffd} O\n\u{fffd} 0\n\u{fffd} 2\n\u{fffd}\n\u{fffd}");
}

/// pdfminer on a WeasyPrint page (`tests/corpus/weasyprint/p06-pdfminer`):
/// a line with no mark whose widened gaps all border Latin words
/// (`大多数   Linux   用户运行`), between lines of prose, is a spread line of
/// prose, not a table's row.
#[test]
fn unmarked_line_spread_around_latin_words_is_prose() {
    let page = "可自由使用和分发的：参与分\n发和开发不需要成为财团会员，也\n\
                不需要付费。所有属于   Debian\n正式发行版的软件包都可以自由分\n\
                发，通常受到 GNU 通用公共许可\n证的约束。\n\n充满活力的：有   1012   名志愿\n\
                者持续贡献新代码和改进代码，\nDebian   得以快速发展。软件仓库\n每日更新两次。\n\n\
                大多数   Linux   用户运行\nLinux   的一个特定发行版，例如\n\
                Debian   GNU/Linux。不过，理\n\n论上，用户可以从互联网或其他地\n\
                方获得   Linux   内核，然后自己编\n译。之后，他们可以用相同的方式\n\
                获得许多应用程序的源代码，编译\n这些程序，然后将它们安装到系统\n";
    let out = check(page);
    assert!(
        out.contains("用户运行Linux") || out.contains("用户运行 Linux"),
        "{out}"
    );
}

/// pdfminer on a WeasyPrint page: two lines of prose in a row spread alike
/// at the word spaces around a number or a dash, with no mark between
/// (`至少   5   个字符的长` | `必须不相似   --   否则登录不会`). Each
/// looked like a table's row beside the other; a pair of such lines that
/// both span the measure of the prose around them is prose.
#[test]
fn two_lines_of_prose_spread_alike_are_no_table() {
    let page =
        "安装在一台机器上。这意味着这台主服务器会\n是 LTSP 服务器，并且也用作工作站。这是默\n\
                认选择，因为我们设想大多数人以后会想要\n它。请注意，必须将两块网卡安装在以后作为\n\
                组合主服务器或者作为 LTSP 服务器使用的机\n器上。\n\n\
                用户的密码必须具有至少   5   个字符的长\n\
                度并且和用户名必须不相似   --   否则登录不会\n\
                被认可（尽管安装程序会接受较短的密码还有\n和用户名相似的密码）。\n";
    let out = check(page);
    assert!(out.contains("字符的长度并且"), "{out}");
    assert!(out.contains("登录不会被认可"), "{out}");
}

/// …while a table of two short rows among prose keeps its lines.
#[test]
fn a_table_of_two_rows_among_prose_keeps_its_lines() {
    let page = "全市常住人口稳步增长，其中城区人\n口占比有所提高，郊区人口则略有下\n\
                降。\n北京市      两千一百万\n上海市      两千四百万\n\
                下面是各区的情况，其中城区的人口\n增长最快，郊区次之，远郊最慢。\n";
    let out = check(page);
    assert!(
        out.contains("\n北京市      两千一百万\n上海市      两千四百万\n"),
        "{out}"
    );
}

/// pdfminer on a justified WeasyPrint page writes the word spaces that
/// justification widened as runs of spaces (`功能全面的基于   电子邮件客`):
/// such a line filled its column, however short its characters measure,
/// since a paragraph's last line is not justified.
#[test]
fn prose_spread_by_justification_filled_its_line() {
    let page = "覆盖邮件头和正文数据的电子\n邮件消息格式被   多用途互联网邮\n\
                件扩展   (MIME)   扩展，从纯文本\n的   ASCII   到其它字符编码，包括\n\
                作为附件的音频、视频、图像和应\n用程序。\n\n\
                功能全面的基于   电子邮件客\n户端的 GUI 程序使用基于 GUI 的\n\
                直观的配置，提供下列所有功能。\n";
    let out = check(page);
    assert!(out.contains("电子邮件客户端的"), "{out}");
}

/// A subhead set about as wide as the column, holding a colon
/// (`第二阶段：引载加载程序`), before a paragraph's first line short by its
/// lost indent: a subhead holds no punctuation but a colon, where a line of
/// prose holding a comma is a first line.
#[test]
fn a_subhead_may_hold_a_colon() {
    let page = "的典型 PC 平台上。\n\
                典型的启动过程像是一\n\
                个四级的火箭。每一级火箭\n\
                将系统控制权交给下一级。\n\
                当然，这些阶段可以有\n\
                不同的配置。比如，你编译\n\
                了自己的内核，则可能会跳\n\
                过迷你 Debian 系统的步\n\
                骤。因此，在读者亲自确认\n\
                之前，请勿假定自己系统的\n\
                情况也是如此。\n\
                第二阶段：引载加载程序\n\
                引导加载程序是启动过\n\
                程的第二阶段，由 UEFI 启\n\
                动。引导加载程序将系统内\n\
                核映像和 initrd 映像加载\n\
                到内存并将控制权交给它\n\
                们。initrd 映像是根文件\n\
                系统映像，其支持程度依赖\n";
    let out = check(page);
    assert!(out.contains("\n第二阶段：引载加载程序\n"), "{out}");
    assert!(out.contains("引导加载程序是启动过程的第二阶段"), "{out}");
    // With a comma, the same line is a paragraph's first line.
    let out = check(&page.replace("第二阶段：", "第二阶段，"));
    assert!(out.contains("第二阶段，引载加载程序引导加载程序"), "{out}");
}

/// A heading a glyph wider than its column, its last glyph wrapped alone
/// (`第四阶段：常规 Debian 系` | `统`), before a first line whose Latin word
/// left it short by more than its lost indent: the glyph ends the heading.
/// (A glyph after a line that stops at a pause mark goes on with the
/// sentence: `组件，` | `例如` | `grml、LMDE`.)
#[test]
fn a_glyph_alone_ends_the_heading_it_wrapped_from() {
    let page = "导加载程序启动。它会在内\n\
                存中运行系统内核和根文件\n\
                系统。这是启动流程的一个\n\
                可选准备阶段。\n\
                /init 程序是内存中的\n\
                根文件系统上执行的第一个\n\
                程序。这个程序在用户空间\n\
                把内核初始化，并把控制权\n\
                交给下一阶段。迷你\n\
                Debian 系统能够在主引导\n\
                流程之前添加内核模块或以\n\
                加密形式挂载根文件系统，\n\
                使引导流程更加灵活。\n\
                第四阶段：常规 Debian 系\n\
                统\n\
                常规 Debian 系统是\n\
                启动流程的第四阶段，由迷\n\
                你 Debian 系统启动。迷\n\
                你 Debian 系统的内核在\n\
                此环境下继续运行。根文件\n\
                系统将由内存切换到实际的\n";
    let out = check(page);
    assert!(out.contains("\n第四阶段：常规 Debian 系统\n"), "{out}");
    let page = "的。您可以使用 Debian\n\
                Pure Blends 框架来和\n\
                Debian\n\
                合作；\n\
                DebianEdu/Skolelinux\n\
                就是这样的项目。\n\
                市面上也有其他基于\n\
                Debian\n\
                的发行版和\n\
                Debian GNU/Linux 面\n\
                向不同的用户群体，但使\n\
                用了我们的大部分组件，\n\
                例如\n\
                grml、LMDE\n\
                （Linux Mint Debian\n\
                Edition）、Knoppix 和\n\
                Ubuntu。\n\
                Debian 也提供了一\n";
    let out = check(page);
    assert!(
        out.contains("组件，例如grml") || out.contains("组件，例如 grml"),
        "{out}"
    );
}

/// A paragraph's first line that lost its 2-em indent filled its printed
/// line, even when its first sentence ends right there
/// (`第 9 行是二進位套件的名稱。` | `通常情況下與原始碼套件相同，但不`):
/// the paragraph goes on, as after any full line that ends a sentence. A
/// question standing so (`pool目录里有什么？`) is a heading.
#[test]
fn a_first_line_that_ends_its_first_sentence_goes_on() {
    let page = "第 1–7 行是原始碼包的控制資\n\
                訊。第 9–13 行是二進位制包的控制\n\
                資訊。\n\
                由於這是一個常規優先級的軟\n\
                體，並不與其他套件衝突，我們將優\n\
                先級改爲 optional。\n\
                第 4 行是維護者的姓名和電子\n\
                郵件地址。請確保此處的值可以直接\n\
                用於電子郵件頭的 To 項。因爲一旦\n\
                你將軟件包上傳至倉庫，Bug 跟蹤\n\
                系統將使用它向你發送可能的 Bug\n\
                報告郵件。請避免使用逗號、「&」\n\
                符號或括號。\n\
                第 9 行是二進位套件的名稱。\n\
                通常情況下與原始碼套件相同，但不\n\
                是必須的。\n\
                一般而言，包含 編譯型語言編\n\
                寫的程序 生成的二進制包依賴於具\n\
                體的體繫結構。\n";
    let out = check(page);
    assert!(out.contains("套件的名稱。通常情況下"), "{out}");
    let page = "统的正式组成部分。有些情况下，\n\
                只 允 许 分 发 没 有 源 代 码 的\n\
                “binaly blob” （ 例 如\n\
                firmware-misc-nonfree）\n\
                ；还有\n\
                些情况下，软件许可证禁止分发预\n\
                编译的二进制文件，但允许分发源\n\
                码包，用户可以在本地编译（例如\n\
                broadcom-sta-dkms）\n\
                。\n\
                pool目录里有什么？\n\
                软件包位于一个很大的“池\n\
                （pool）\n\
                ”中，依源码包的名称进\n\
                行组织。为了便于管理，pool 按\n\
                照区（“main”、“contrib”和\n\
                “non-free”\n";
    let out = check(page);
    assert!(out.contains("\npool目录里有什么？\n"), "{out}");
}

/// A story's first line: its dateline, a space, and its first words, cut
/// mid-word (`本报济南1月8日电　在主服`), short of the column as a bold
/// dateline sets it. It runs on into the story as a dateline alone does.
#[test]
fn a_dateline_and_the_first_words_run_on() {
    let page = "北方时报\u{3000}2020年12月21日\u{3000}星期三\u{3000}第6版\u{3000}综合\n\
                本报专访\n\
                开始\n\
                □本报记者\u{3000}顾琳\u{3000}严帅涛\n\
                本报济南1月8日电\u{3000}在主服\n\
                务器安装时创建了第一个使用者帐\n\
                户。该帐户在下文将被称为“第一\n\
                用户”。这个帐户是特殊的，因为\n\
                其主目录权限设置为 700（因此需\n\
                要 chmod o+x ~ 以使个人网页可\n\
                访问），而且第一用户可以使用\n\
                sudo 成为 root。\n\
                请在添加用户前参阅有关\n\
                Debian Edu 具体的文件系统访问\n\
                配置信息；如有需要请调整站点策\n\
                略。\n";
    let out = check(page);
    assert!(out.contains("在主服务器安装时"), "{out}");
}

/// A paragraph of two lines: a first line 2 em short by its lost indent,
/// holding a comma and cut mid-word (`因为单纯的 QEMU 工具是非常慢的，当主机系统`),
/// then the last line that ends the sentence. A heading holds no comma.
#[test]
fn a_first_line_with_a_comma_before_the_last_line() {
    let page = "需的，这样设备才能按期望运行。\n\
                固件数据软件包，含有加载到目标设备易失性存储\n\
                器上的数据。\n\
                固件更新程序软件包，更新在目标设备非易失性存\n\
                储器上的数据。\n\
                多桌面系统\n\
                如果你希望尝试任一操作系统的一个新的 GUI 桌\n\
                面环境，我推荐在 Debian 稳定版 系统上使用 QEMU\n\
                或者KVM ，这些软件应用虚拟化技术安全的运行多桌\n\
                面系统。这能让你运行任何桌面应用，包括 Debian\n\
                不稳定版和测试版上的桌面应用，并且没有与之相关的\n\
                通常意义上的风险，并且不需要重启。\n\
                因为单纯的 QEMU 工具是非常慢的，当主机系统\n\
                支持 KVM 的时候，建议使用它来加速。\n\
                归档媒体\n\
                防火安全是对于纸质文档来说的，大多数的计算机\n\
                数据存储媒介耐热性比纸差。我经常依赖存储在多个安\n";
    let out = check(page);
    assert!(out.contains("当主机系统支持 KVM"), "{out}");
}

/// A title set apart at one run of spaces (`第一章   总则`) between
/// paragraphs set flush is no justified line of prose: justified lines
/// span at least half the measure, their spaces counted.
#[test]
fn a_title_spread_at_one_gap_is_not_justified_prose() {
    let page = "党史学习教育开展以来，各地各部门认真\n贯彻落实中央部署要求，扎实推进各项工\n\
                作，取得了明显成效，得到群众好评。\n第一章   总则\n\
                为了规范管理工作，提高工作效率，根据\n有关法律法规，结合本单位实际情况制定\n\
                本办法。本办法适用于本单位所属各部门\n和全体工作人员。\n";
    let out = check(page);
    assert!(out.contains("\n第一章   总则\n"), "{out}");
}

/// Flowing text, one paragraph per line with headings between (a book's or
/// a web page's text, as text renderers and copy-and-paste give it): most
/// lines end a sentence, so none of it is hard-wrapped. A line ending at a
/// bracket was joined to the heading after it as a piece of a printed line
/// cut at a mark, and the heading to its paragraph; a line that happened to
/// be as wide as the one before it was joined to it.
#[test]
fn flowing_text_with_headings_comes_back_unchanged() {
    let pages = [
        "没有在安全的条件下使用你特定的配置进行彻底地测试，就不要从 Debian 安装任何软件包（包含安全更新）。\n\
         持续升级的生活\n\
         对于你的生产服务器，建议使用带有安全更新的 stable 套件。对于你只进行有限管理的桌面 PC 也是同样如此。\n\
         菩萨使用下面的内容拯救一个人，使他从挣扎于持续升级地狱的因果报应中脱困，并让他达到 Debian 的极乐世界。\n\
         在遇到问题的情况下，安装上游相应的沙盒化二进制软件包（参见 第 7.6 节 “沙盒”）\n\
         Debian 档案库基础\n\
         下面是配置文件所使用的 Debian 档案库站点的 URL 和套件名或代号的列表。\n\
         发行版可以用套件或代号来指定。发行版在许多文档中也被当做是套件的同义词。套件和代号的关系总结如下。\n\
         如果 DD 故意打破重要的库升级等的这种兼容性，这通常会在 Debian 开发者邮件列表等进行公告。\n",
        "從消費者級網路提供的主機連線到網際網路的 SMTP 埠（25）已經被封鎖了。\n\
         從網際網路的 SMTP 埠（25）連線到消費者級網路提供的主機已經被封鎖了。\n\
         從消費者級網路提供的主機發出到網際網路的訊息，只能夠透過訊息遞交埠（587）傳送。\n\
         域名金鑰識別郵件服務可能會用於你的通過 smarthost 的電子郵件傳送。\n\
         智慧主機可以在郵件頭重寫源電子郵件地址為你的郵件賬戶，來阻止電子郵件欺詐。\n\
         郵件傳輸代理 (MTA)\n\
         配置 exim4 來發送網際網路郵件，多個源電子郵件地址使用多個相應的智慧主機，這是不尋常的。如果一些程式需要這樣的能力，使用 msmtp 來設定他們，它比較容易來設定多個源電子郵件地址。\n\
         GUI（圖形使用者介面）通訊協議\n\
         現代 X 伺服器具有 MIT 共享記憶體擴充套件，他們和本地 X 客戶端透過本地共享記憶體進行通訊。這就繞過了網路透明的程序間通訊通道，獲得了效能。\n",
    ];
    for page in pages {
        assert_eq!(check(page), page);
    }
}

/// A paper's front matter and headings, flowing (one paragraph per line,
/// with or without blank lines between): more lines stop mid-sentence
/// (title, authors, keywords, section headings) than end one, and the
/// short ones agree on a column of about 17 em, so the text was read as
/// hard-wrapped (without blank lines) or as double-spaced (with them), and
/// the headings were run together and into their paragraphs. Paragraphs
/// set one a line are wider than any column: where half the lines that end
/// a sentence are, the text is flowing, and with two of them a blank line
/// after every line is no line spacing. The same paper hard-wrapped keeps
/// its headings apart: its output, read again, is flowing text too.
#[test]
fn flowing_paper_with_front_matter_comes_back_unchanged() {
    let paragraphs = [
        "基于深度学习的中文文本重排方法研究",
        "张三1，李四2",
        "（1.北京大学 计算机学院，北京 100871；2.清华大学 软件学院，北京 100084）",
        "摘要：针对从PDF文档中提取的中文文本存在大量硬换行的问题，本文提出了一种基于版面分析的段落重建方法。该方法首先估计栏宽，然后根据行的长度和标点判断每个换行是否为段落结束。实验结果表明，该方法在多个数据集上取得了较好的效果。",
        "关键词：文本重排；版面分析；段落识别",
        "中图分类号：TP391　　文献标志码：A",
        "1 引言",
        "随着数字化进程的加快，大量的中文文档以PDF格式保存。从PDF中提取文本时，原有的换行会被保留下来，这给后续的自然语言处理带来了困难[1]。已有的方法大多基于规则[2-3]，难以适应不同的版面。",
        "本文的主要贡献如下：",
        "（1）提出了一种栏宽估计方法；",
        "（2）设计了基于标点和行长的判断规则；",
        "（3）在真实数据上进行了验证。",
        "2 相关工作",
        "2.1 基于规则的方法",
        "早期的研究主要依赖人工规则。文献[4]提出根据句末标点判断段落结束，但对于标题和署名等版面元素效果不佳。",
        "图1 系统框架图",
        "表1 实验结果对比",
    ];
    for separator in ["\n", "\n\n"] {
        let page = paragraphs.join(separator) + "\n";
        assert_eq!(check(&page), page);
    }
    let wrapped = "基于深度学习的中文文本重排方法研究\n张三1，李四2\n（1.北京大学 计算机学院，北京 100871；2.清华大学 软件学院，北京 100084）\n摘要：针对从PDF文档中提取的中文文本存在大量硬换行的问题，本文提\n出了一种基于版面分析的段落重建方法。该方法首先估计栏宽，然后根据\n行的长度和标点判断每个换行是否为段落结束。实验结果表明，该方法在\n多个数据集上取得了较好的效果。\n关键词：文本重排；版面分析；段落识别\n中图分类号：TP391　　文献标志码：A\n1 引言\n随着数字化进程的加快，大量的中文文档以PDF格式保存。从PDF中提取\n文本时，原有的换行会被保留下来，这给后续的自然语言处理带来了困难\n[1]。已有的方法大多基于规则[2-3]，难以适应不同的版面。\n本文的主要贡献如下：\n（1）提出了一种栏宽估计方法；\n（2）设计了基于标点和行长的判断规则；\n（3）在真实数据上进行了验证。\n2 相关工作\n2.1 基于规则的方法\n早期的研究主要依赖人工规则。文献[4]提出根据句末标点判断段落结束，\n但对于标题和署名等版面元素效果不佳。\n图1 系统框架图\n表1 实验结果对比\n";
    let out = check(wrapped);
    let lines: Vec<&str> = out.lines().collect();
    for heading in [
        "基于深度学习的中文文本重排方法研究",
        "关键词：文本重排；版面分析；段落识别",
        "中图分类号：TP391　　文献标志码：A",
        "1 引言",
        "2 相关工作",
        "2.1 基于规则的方法",
        "图1 系统框架图",
        "表1 实验结果对比",
    ] {
        assert!(lines.contains(&heading), "{heading}: {out}");
    }
    assert!(out.contains("困难[1]。已有"), "{out}");
}

/// Captions one under another (`图1 …`, `表1 …`, `图为…`), each stopping
/// without a mark: a caption runs on into its own next line, not into the
/// next caption.
#[test]
fn captions_one_under_another_stay_apart() {
    let page = "早期的研究主要依赖人工规则。文献提出根据句末标点判断段落结束，但\n对于标题和署名等版面元素效果不佳。后来的研究引入了统计方法，并\n取得了一定的进展。\n图1 系统框架图\n表1 实验结果对比\n图为新落成的图书馆外景\n";
    let out = check(page);
    assert!(
        out.ends_with("\n\n图1 系统框架图\n\n表1 实验结果对比\n\n图为新落成的图书馆外景\n"),
        "{out}"
    );
}

/// Flowing documents of many kinds, one paragraph a line, with and without
/// blank lines between: a notice, a novel's chapters, a law's articles,
/// minutes, questions and answers, a manual, a poem, a list, a report and
/// an interview come back unchanged. The notice (a title over two lines,
/// its addressee, a numbered heading, its sender and date) was read as
/// wrapped at the 8-em column its short lines agree on, and run together:
/// its paragraphs, each more than twice as wide, say no line was wrapped.
#[test]
fn flowing_documents_of_many_kinds_come_back_unchanged() {
    let documents: [&[&str]; 11] = [
        // Headings set as items, each above a paragraph of one short line
        // that ends a sentence within an em of the heading's width: no item
        // wraps (flush, a heading is narrower than the widest line; with an
        // indent lost, the line below would be a full line going on, or a
        // clearly shorter last line), so this is no wrapped list.
        &[
            "一、总体要求和基本原则",
            "坚持稳中求进的工作总基调。",
            "二、主要任务和工作措施",
            "全面深化改革开放不动摇。",
            "三、组织实施和保障措施",
            "加强组织领导狠抓落实。",
            "四、其他事项和有关说明",
            "本方案自印发之日起施行。",
        ],
        &[
            "关于进一步加强",
            "安全生产工作的通知",
            "各部门、各单位：",
            "为深入贯彻落实上级关于安全生产工作的部署要求，切实防范和遏制各类事故发生，现就有关事项通知如下。",
            "一、提高思想认识",
            "各单位要充分认识安全生产工作的重要性和紧迫性。",
            "特此通知。",
            "某某公司办公室",
            "2024年11月1日",
        ],
        &[
            "第一章 初到京城",
            "天刚蒙蒙亮，城门外已经排起了长队。",
            "“让一让，让一让！”一个挑着担子的汉子高声喊着，从人群中挤了过去。",
            "林平之站在队伍末尾，望着高大的城墙，心中百感交集。",
            "“公子，咱们今天能进城吗？”",
            "“能。”",
            "他简短地答了一句，目光却始终没有离开那扇缓缓打开的城门。",
            "第二章 客栈风波",
            "客栈里人声鼎沸。",
        ],
        &[
            "中华人民共和国某某法",
            "第一章 总则",
            "第一条 为了规范某某行为，保护当事人的合法权益，维护社会经济秩序，制定本法。",
            "第二条 本法适用于中华人民共和国境内的某某活动。",
            "第三条 某某活动应当遵循自愿、平等、公平、诚信的原则。",
            "第二章 一般规定",
            "第四条 国家鼓励和支持某某事业的发展。",
        ],
        &[
            "会议纪要",
            "时间：2024年11月20日下午3点",
            "地点：公司三楼会议室",
            "主持人：张经理",
            "参加人员：李四、王五、赵六",
            "记录人：钱七",
            "会议议题：讨论第四季度工作计划",
            "一、张经理通报了前三季度的工作完成情况，各项指标基本达到预期。",
            "二、与会人员就第四季度的重点工作进行了讨论，一致同意加快新产品的研发进度。",
            "三、会议决定，由李四负责协调各部门的工作。",
        ],
        &[
            "常见问题解答",
            "问：如何修改登录密码？",
            "答：登录后进入个人中心，点击“安全设置”，选择“修改密码”即可。",
            "问：忘记密码怎么办？",
            "答：在登录页面点击“忘记密码”，按照提示通过手机验证码重置密码。",
            "问：账号被锁定了怎么办？",
            "答：请联系客服热线400-123-4567。",
        ],
        &[
            "安装说明",
            "注意：安装前请断开电源。",
            "步骤1：打开包装，取出主机和配件。",
            "步骤2：将主机放置在平稳的台面上，确保周围留有足够的散热空间。",
            "步骤3：连接电源线，按下电源开关。",
            "警告：请勿在潮湿环境中使用本产品，以免发生触电危险。",
            "技术参数",
            "额定电压：220V",
            "额定功率：1200W",
            "净重：3.5kg",
        ],
        &[
            "静夜思",
            "李白",
            "床前明月光，",
            "疑是地上霜。",
            "举头望明月，",
            "低头思故乡。",
            "赏析",
            "这首诗写的是在寂静的月夜思念家乡的感受。诗的前两句，是写诗人在作客他乡的特定环境中一刹那间所产生的错觉。",
        ],
        &[
            "购物清单",
            "• 苹果两斤",
            "• 牛奶一箱",
            "• 面包",
            "• 鸡蛋一盒",
            "备注：周末之前买齐。",
        ],
        &[
            "2023年度工作总结",
            "一、主要工作完成情况",
            "（一）业务发展稳中有进",
            "全年实现营业收入12.5亿元，同比增长8.3%；利润总额2.1亿元，同比增长5.6%。",
            "（二）改革创新持续深化",
            "深入推进数字化转型，完成核心业务系统升级改造，客户满意度提升至95%。",
            "二、存在的问题",
            "一是市场竞争日趋激烈；二是人才队伍建设有待加强。",
            "三、2024年工作计划",
            "2024年，我们将继续坚持稳中求进工作总基调。",
        ],
        &[
            "专访某某公司董事长张三",
            "记者：您如何看待当前的行业形势？",
            "张三：总体来看，行业正处于转型升级的关键期，机遇与挑战并存。",
            "记者：公司下一步有什么打算？",
            "张三：我们将加大研发投入，力争在三年内实现核心技术突破。",
        ],
    ];
    let newline = Options::new()
        .separator(cjk_reflow::Separator::Newline)
        .build()
        .unwrap();
    for paragraphs in documents {
        for separator in ["\n", "\n\n"] {
            let page = paragraphs.join(separator) + "\n";
            // (One a line is written back with the newline separator.)
            let out = if separator == "\n" {
                check(&page);
                newline.reflow(&page)
            } else {
                check(&page)
            };
            assert_eq!(out, page);
        }
    }
}

/// Records, lines that no layout wrapped and that each stand alone, come
/// back unchanged: a log and a chat export (each line, or each message's
/// first, opens with a date or a time), CSV rows and a settings file. They
/// are short and about as wide as one another, so they read as a wrapped
/// paragraph and were run together (`[2024-05-01 10:02] 张三: 大家好[2024-…`);
/// so were a JSON object's members, lines of HTML and a list of files' paths.
/// Prose around them is still reflowed; prose whose commas OCR read as
/// ASCII, as many to a line, is still joined.
#[test]
fn records_are_kept_line_by_line() {
    let documents = [
        "2024-05-01 10:02:33 INFO 服务启动完成，监听端口 8080\n2024-05-01 10:02:35 WARN 配置文件中缺少数据库密码，使用默认值\n2024-05-01 10:03:01 INFO 收到请求 /api/users\n2024-05-01 10:03:02 ERROR 数据库连接超时\n2024-05-01 10:03:05 INFO 重试连接成功\n",
        "[2024-05-01 10:02] 张三: 大家好\n[2024-05-01 10:03] 李四: 你好，今天的会议几点开始？\n[2024-05-01 10:03] 张三: 下午三点\n[2024-05-01 10:04] 王五: 收到\n[2024-05-01 10:05] 李四: 好的，我会准时参加。\n",
        "2024-05-01 10:02:33 张三\n大家好，今天下午开会吗\n2024-05-01 10:03:10 李四\n开的，三点在三楼会议室\n2024-05-01 10:03:40 张三\n好的\n",
        "城市,人口,面积\n北京,2189万,16410平方公里\n上海,2487万,6340平方公里\n广州,1868万,7434平方公里\n深圳,1756万,1997平方公里\n",
        "日期,销售额,同比\n2024年1月,1200万元,增长5%\n2024年2月,980万元,下降3%\n2024年3月,1500万元,增长12%\n",
        "[数据库]\n地址=127.0.0.1\n端口=3306\n用户名=管理员\n[日志]\n级别=信息\n路径=/var/log/app\n",
        "{\n  \"name\": \"张三\",\n  \"city\": \"北京\",\n  \"age\": 28\n}\n",
        "<ul>\n<li>苹果</li>\n<li>香蕉</li>\n<li>橘子</li>\n</ul>\n",
        "安装后会生成以下文件：\n/usr/bin/reflow\n/usr/share/doc/reflow/README\n/etc/reflow/config.toml\n/var/log/reflow.log\n",
    ];
    for document in documents {
        assert_eq!(check(document), document);
        let reasons: Vec<Reason> = Reflower::default()
            .break_points(document)
            .iter()
            .map(|point| point.reason)
            .collect();
        assert!(reasons.contains(&Reason::Record), "{reasons:?}");
    }
    // A wrapped paragraph above a table of comma-separated rows.
    let page = "今年以来，各地经济运行总体平稳，主要\n指标好于预期，下表列出了四个城市的\n人口和面积。\n城市,人口,面积\n北京,2189万,16410平方公里\n上海,2487万,6340平方公里\n广州,1868万,7434平方公里\n";
    let out = check(page);
    assert!(
        out.starts_with(
            "今年以来，各地经济运行总体平稳，主要指标好于预期，下表列出了四个城市的人口和面积。\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("\n城市,人口,面积\n北京,2189万,16410平方公里\n上海,2487万,6340平方公里\n广州,1868万,7434平方公里\n"), "{out}");
    // Prose with ASCII commas, two to a line: an enumeration, no table.
    let ocr = "把党建工作与工会,共青团,妇联等群\n团组织工作相结合,以党建带群团,提升\n企业合力,以党建带员工,提升企业活\n力.党支部团结引领工青妇组织.\n";
    assert_eq!(
        check(ocr),
        "把党建工作与工会,共青团,妇联等群团组织工作相结合,以党建带群团,提升企业合力,以党建带员工,提升企业活力.党支部团结引领工青妇组织.\n"
    );
}

/// Lines of prose that cite sections by number (`(参见第 10.1.3 节 “归档语`,
/// `法”和第 10.1.4 节 “复制语`) hold numbers between spaces, as a table's
/// rows do, and were kept line by line as one; quoted titles cut at the
/// column are prose's (seen on a page generated after stop 36, seed
/// 20261437).
#[test]
fn quoted_titles_cited_by_number_are_no_table() {
    let page = "find(1) 被用作从归档中\n筛选文件也被用作拷贝命令\n(参见第 10.1.3 节 “归档语\n法”和第 10.1.4 节 “复制语\n法”) 或者用于 xargs(1) (参\n见第 9.4.9 节 “使用文件循\n环来重复一个命令”)。通过\nfind 的命令行参数能够使其\n功能得到加强。\n";
    assert_eq!(
        check(page),
        "find(1) 被用作从归档中筛选文件也被用作拷贝命令(参见第 10.1.3 节 “归档语法”和第 10.1.4 节 “复制语法”) 或者用于 xargs(1) (参见第 9.4.9 节 “使用文件循环来重复一个命令”)。通过find 的命令行参数能够使其功能得到加强。\n"
    );
}

/// An ellipsis alone on its line after a sentence's end (`……`) marks text
/// left out between two sections, as the bundled page sets one; extracted
/// with no blank lines around it (`pdftotext -raw`, PyMuPDF), it was run on
/// to the paragraph before. A sentence that trails off into one goes on.
#[test]
fn lone_ellipsis_after_a_sentence_is_its_own_paragraph() {
    let page = "闻工作者扩大主流价值影响力版图，让党\n的声音传得更开、传得更广、传得更深入。\n……\n在习近平文化思想指引下，新闻舆论\n工作者守正创新、砥砺前行，不断谱写新\n时代新闻舆论工作新篇章。\n";
    let out = check(page);
    assert!(out.contains("传得更深入。\n\n……\n\n在习近平"), "{out}");
    let trailing = "他站在门口犹豫了很久，终于开口说道：我\n想了想，还是觉得这件事情不太对劲\n……\n";
    assert!(check(trailing).contains("不太对劲……"));
}

/// A short heading that quotes its slogan (`坚持“双带双提”`), after a
/// sentence that ends a full line and before a paragraph, is a heading as
/// one that stops without a mark is: extracted with no blank lines (as
/// `pdftotext -raw` writes the bundled page), it was run on to the
/// paragraph before. A line that ends a quote before a remark's bracket
/// (`它的名字是“/”` | `（称…`) goes on.
#[test]
fn short_heading_that_closes_a_quote_stands_alone() {
    let page = "激励党员在技术创新、项目攻坚、\n节能降耗等一系列攻坚任务中敢\n于斗争、善于斗争，充分发挥党员\n在艰苦、关键岗位的先锋模范作\n用，让党旗始终高高飘扬在一线。\n坚持“双带双提”\n把党建工作与工会、共青团、妇联\n等群团组织工作相结合，以党建带群\n团，提升企业合力，以党建带员工，提升\n企业活力。党支部团结引领工青妇组织\n";
    let out = check(page);
    assert!(
        out.contains("飘扬在一线。\n\n坚持“双带双提”\n\n把党建"),
        "{out}"
    );
    let remark = "在类 Unix 系统中，文件被组织成目录，目录\n又可以包含其他的目录和文件，这样就构成\n了一棵树。每个目录都有一个名字，它可以\n包含任意字母或符号。根目录是个特例。\n它的名字是“/”\n（称作“斜线”或“根目录”），并且它不能被\n重命名。每个文件或目录都被指定一个全\n限定文件名，按顺序给出必须经过的目录。\n";
    assert!(check(remark).contains("根目录是个特例。它的名字是“/”"));
}

/// A poem's lines, each ending at a mark with none inside, between its
/// poet's name and a heading (both narrower, with no mark): verse, kept line
/// by line, above the commentary that is reflowed. It stood between no
/// wider lines, so it was run together into its title.
#[test]
fn a_poem_between_its_poet_and_a_heading_keeps_its_lines() {
    let page = "静夜思\n李白\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n赏析\n这首诗写的是在寂静的\n月夜思念家乡的感受。诗的\n前两句，是写诗人在作客他\n乡的特定环境中一刹那间所\n产生的错觉。\n";
    let out = check(page);
    assert!(
        out.contains("李白\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n赏析"),
        "{out}"
    );
    assert!(
        out.contains("这首诗写的是在寂静的月夜思念家乡的感受。诗的前两句"),
        "{out}"
    );
}

/// A table's rows among paragraphs, every line set off by a margin of four
/// spaces, reflowed with paragraphs indented by two U+3000 (or by none):
/// the rows kept their margin while the paragraphs lost it, so the output,
/// read again, had no margin, and the first row, set in by it, read as a
/// paragraph's first line (`    一x = 1` became `　　一x = 1`). Found by the
/// margin property test at 20,000 cases (with a lone space past the margin
/// when first mended).
#[test]
fn preformatted_lines_drop_the_margin_where_paragraphs_do() {
    let text =
        "    一x = 1\n    00\n    3.0\n    00000aAAaaAAAaAAAAAaA\n    一一一一一一一一一一一\n";
    for indent in [Indent::Ideographic, Indent::None] {
        let r = Options::new()
            .separator(cjk_reflow::Separator::Newline)
            .indent(indent)
            .build()
            .unwrap();
        let once = r.reflow(text);
        assert_eq!(r.reflow(&once), once, "{indent:?}");
        assert!(once.starts_with("一x = 1\n00\n3.0\n"), "{once:?}");
        // A lone space left past the margin is judged as the output, read
        // again, judges it: dropped before a prompt.
        let prompt = r.reflow("   >>> 一\n  一\n");
        assert_eq!(r.reflow(&prompt), prompt, "{indent:?}");
        // A gap's place is read past the margin too (the mend's second
        // slip, found by the same test at 100,000 cases): with the margin
        // counted, the second line's gap stood 8 em in, as two columns
        // side by side do, and without it 6 em.
        let gap = r.reflow("      A    一\n    AaaaaAaA    数据来源：");
        assert_eq!(r.reflow(&gap), gap, "{indent:?}");
    }
}

/// A tab before every line (text quoted or pasted so) is the section's
/// margin, as spaces before every line are: the bundled page so set is
/// decided as it is without them (every line read as indented, 354 of its
/// 514 breaks went wrong). A tab's width is not split: under a margin of a
/// tab and a space, lines that open with two spaces and a tab keep theirs.
#[test]
fn a_tab_before_every_line_is_a_margin() {
    let page = include_str!("corpus/sample/newspaper-page.txt");
    let tabbed: String = page
        .split_inclusive('\n')
        .map(|line| format!("\t{line}"))
        .collect();
    let r = Reflower::default();
    let actions = |text: &str| -> Vec<cjk_reflow::Action> {
        r.break_points(text)
            .iter()
            .map(|point| point.action)
            .collect()
    };
    assert_eq!(actions(&tabbed), actions(page));
    check(&tabbed);
    let mixed =
        "\t 一二三四五六七八九十一二三四五\n  \t六七八九十一二三四五六七八九\n\t 十一二三。\n";
    check(mixed);
}

/// A report's headings one under another (`2023年度工作总结`, `一、…`,
/// `（一）…`), each a few em wide above its text wrapped at 16 em: the
/// short lines agree on a column as narrow as they are, and each heading
/// filled it, mid-sentence, so it ran on into the list item after it. A
/// line that opens with a numeral's marker (`一、`) opens an item wherever
/// it stands, and no item wraps onto the next one's marker; a bracketed
/// number after a full line mid-sentence is still cited inline.
#[test]
fn headings_that_open_list_items_stay_apart() {
    let report = "2023年度工作总结\n一、主要工作完成情况\n（一）业务发展稳中有进\n全年实现营业收入12.5亿元，同\n比增长8.3%；利润总额2.1亿元，同\n比增长5.6%。\n（二）改革创新持续深化\n深入推进数字化转型，完成核心\n业务系统升级改造，客户满意度提升\n至95%。\n二、存在的问题\n一是市场竞争日趋激烈；二是人\n才队伍建设有待加强。\n";
    let out = check(report);
    assert!(
        out.starts_with("2023年度工作总结\n\n一、主要工作完成情况\n\n（一）"),
        "{out}"
    );
    assert!(out.contains("\n\n二、存在的问题"), "{out}");
    let inline = "从消费者级网络提供的主机发出到互联\n网的邮件，只能够通过消息递交端口\n（587）发送。从互联网的端口连接到消\n费者级网络提供的主机已经被封锁了，\n这是为了防止垃圾邮件的发送和传播，\n也是为了保护网络上的其他用户。\n";
    assert!(check(inline).contains("端口（587）发送"));
    // A word that ends in a numeral before a pause mark (`统一、`, `王五、`),
    // cut after its first character, leaves a line that opens as an item
    // does: after a line of prose it goes on.
    let words = "　　近年来，各地区各部门按照中央部署，\n坚持问题导向，推进政务服务标准化建设，\n实现了政务办事流程和服务标准的全面统\n一、规范和高效，群众办事更加方便快捷，\n企业的获得感和满意度也在不断提升，座\n谈会上发言的企业代表有张三、李四、王\n五、赵六等人，他们都表示非常满意。\n";
    let out = check(words);
    assert!(out.contains("全面统一、规范"), "{out}");
    assert!(out.contains("王五、赵六"), "{out}");
}

/// A numbered list wrapped at a column, each item over two lines: the
/// lines a section's survey reads (no list items among them) were the
/// items' last lines, each ending a sentence, so the list was taken for
/// flowing text and kept line by line. Items that wrap onto lines of their
/// own say it is wrapped; items that are headings above wider paragraphs
/// do not (a report one paragraph a line still comes back unchanged).
#[test]
fn a_wrapped_numbered_list_is_joined_item_by_item() {
    let list = "1．为了规范某某行为，保护当事人的合\n法权益，维护社会经济秩序，制定本法。\n2．本法适用于中华人民共和国境内的某\n某活动，包括生产、经营和服务等环节。\n3．某某活动应当遵循自愿、平等、公平\n、诚信的原则，不得损害社会公共利益。\n4．国家鼓励和支持某某事业的发展，为\n其创造良好的环境和条件。\n";
    assert_eq!(
        check(list),
        "1．为了规范某某行为，保护当事人的合法权益，维护社会经济秩序，制定本法。\n\n2．本法适用于中华人民共和国境内的某某活动，包括生产、经营和服务等环节。\n\n3．某某活动应当遵循自愿、平等、公平、诚信的原则，不得损害社会公共利益。\n\n4．国家鼓励和支持某某事业的发展，为其创造良好的环境和条件。\n"
    );
}

/// A law's chapters and articles (`第一章 总则`, `第二条　本法…`): each
/// opens a paragraph, even after a line that fills the column with a
/// sentence's end (`…制定本法。` | `第二条 本法适用于…` had been joined). A
/// wrapped line of prose that opens with a reference to an article, with
/// no space after it (`第三十二条的规定`), goes on.
#[test]
fn a_laws_articles_open_paragraphs() {
    let law = "中华人民共和国某某法\n第一章 总则\n第一条 为了规范某某行为，保护当事人的合\n法权益，维护社会经济秩序，制定本法。\n第二条 本法适用于中华人民共和国境内的某\n某活动。\n第三条 某某活动应当遵循自愿、平等、公平、\n诚信的原则。\n第二章 一般规定\n第四条 国家鼓励和支持某某事业的发展。\n";
    let out = check(law);
    for article in [
        "第一条 为了规范某某行为，保护当事人的合法权益，维护社会经济秩序，制定本法。",
        "第二条 本法适用于中华人民共和国境内的某某活动。",
        "第三条 某某活动应当遵循自愿、平等、公平、诚信的原则。",
    ] {
        assert!(out.lines().any(|line| line == article), "{article}: {out}");
    }
    let reference = "　　对违反本法规定的行为，由有关主管部门依照\n本法有关规定予以处罚。当事人对处罚决定不服\n的，可以依法申请行政复议或者提起行政诉讼，\n具体程序依照本法第三十二条至第三十五条以及\n第三十二条的规定执行，法律另有规定的除外，\n行政法规对此作出规定的从其规定执行即可。\n";
    assert!(check(reference).contains("以及第三十二条的规定"));
}

/// `BreakPoint::settled` tells the breaks that settling decided (the
/// output read once more decided them otherwise than the input's lines): a
/// text renderer's page (`rendered/r03`, w3m) has one; the sample page
/// none. The others are decided as the first round decided them. (A
/// paper's front matter had a few until stop 38, where settling ran its
/// heading into the paragraph after it: see
/// `a_heading_does_not_run_into_the_paragraph_composed_after_it`.)
#[test]
fn break_points_say_which_breaks_settling_decided() {
    let page = include_str!("corpus/rendered/r03.txt");
    check(page);
    let points = Reflower::default().break_points(page);
    let settled = points.iter().filter(|p| p.settled).count();
    assert!((1..=4).contains(&settled), "{settled} of {}", points.len());
    let sample = include_str!("corpus/sample/newspaper-page.txt");
    assert!(!Reflower::default()
        .break_points(sample)
        .iter()
        .any(|p| p.settled));
}

/// Fuzzing (stop 36, run 130): scraps of text whose lines end at closing
/// brackets (`…Q�]`, `…[55]`) counted as paragraphs set one a line (the
/// flowing-text test of this stop), so that the section read as flowing
/// text one round and as wrapped the next, and settling joined one more
/// line inside an open bracket each round, past the 16 rounds debug builds
/// allow. Only lines that end a sentence count as such paragraphs.
#[test]
fn regression_fuzz_closing_brackets_are_no_paragraphs_set_one_a_line() {
    check("\n[�\n;\n\u{0}\n�\n\u{10} =\nt\n�\nl\nt\n�\n�\nt\n�\n�\n\u{10}����\nt\n�[\u{0}��    dh_s���0)���Q�]\n����\n[\u{0}�� ����/*stal0��Q��[55]\n����/*");
}

/// A full line that ends a sentence and opens its paragraph, before a line
/// that ends a sentence too, goes on into it: a paragraph of two lines
/// whose first sentence happened to end at the column. (It was read as
/// flowing text, each line a paragraph, once flowing text was told by that
/// pair alone; flowing text is now told by its whole section.)
#[test]
fn a_full_first_line_ending_a_sentence_goes_on() {
    let page = "發送可能的 Bug 報告郵件。請避免使用逗號、「&」符\n\
                號或括號。\n\
                第 9 行是二進位套件的名稱。通常情況下與原始\n\
                碼套件相同，但不是必須的。\n\
                一般而言，包含 編譯型語言編寫的程序 生成的二\n\
                進制包依賴於具體的體繫結構。\n\
                一般而言，包含 文本、圖像、或解釋型語言腳本\n\
                生成的二進制包獨立於體繫結構。\n\
                此套件僅當它依賴的套件均已安裝後纔可以安裝。\n\
                此處寫明你的程式所必須的套件。\n\
                這項中的軟件包不是嚴格意義上必須安裝纔可以保\n\
                證程序運行。當用戶安裝軟件包時，所有前端工具都會\n";
    let out = check(page);
    assert!(out.contains("纔可以安裝。此處寫明"), "{out}");
}

/// Where first lines kept their 2-em indents (`　　`), a line with none that
/// stops without a mark, before a line that is indented, is a subhead: it
/// was glued to the paragraph before it when that paragraph's last line
/// filled the column.
#[test]
fn a_subhead_between_paragraphs_with_kept_indents_stands_alone() {
    let page = "个封装，被设计为针对终端\n\
                用户交互的界面，它默认启\n\
                用了某些适合交互式使用的\n\
                选项。\n\
                \u{3000}\u{3000}aptitude 是用于日常\n\
                软件包管理（例如检查已安\n\
                装的软件包和搜索可用的软\n\
                件包）的最合适工具。\n\
                \u{3000}\u{3000}aptitude 对硬件资源\n\
                的要求更高。它消耗更多的\n\
                内存并且运行速度更慢。\n\
                完整地清理已删除软件包\n\
                \u{3000}\u{3000}在 \"新软件包视图\" 使\n\
                用 \"l\" 提示并输入正则匹\n\
                配式 \"~c\" ，这将仅匹配软\n\
                件包，比如， \"移除但不清\n\
                空配置\" 。所有符合匹配的\n\
                软件包可以在顶层标题上使\n\
                用 \"[\" 显示。\n\
                \u{3000}\u{3000}当您在顶层标题如 “未\n\
                安装的包” 中输入 “_”，当\n\
                前标题下的软件包只有匹配\n\
                正则式才会被清除。您还可\n\
                以使用“=” 来交互式地排除\n\
                软件包以避免删除它们。\n\
                调整自动/手动安装状态\n\
                \u{3000}\u{3000}下面是调整软件包的自\n\
                动/手动安装状态的方法\n";
    let out = check(page);
    assert!(out.contains("\n完整地清理已删除软件包\n"), "{out}");
    assert!(out.contains("\n调整自动/手动安装状态\n"), "{out}");
}

/// Where first lines kept their indents, an indented line after a running
/// header opens a paragraph: it is no kicker or headline of its own, even
/// stopping without a mark (it was cut off the rest of its paragraph).
#[test]
fn an_indented_line_after_a_running_header_opens_a_paragraph() {
    let page = "西部经济导报　2024年9月19日　星期五　第3版　社会\n\
                \u{3000}\u{3000}Debian 系统和其他\n\
                Unix 系统之间的源代码兼\n\
                容性怎么样？\n\
                \u{3000}\u{3000}——如何向 Debian 计划\n\
                捐赠资源？\n\
                □本报记者　田磊蕾\n\
                \u{3000}\u{3000}不同的 Linux 发行版\n\
                使用不同的软件包格式以及\n\
                不同的软件包管理系统。\n\
                \u{3000}\u{3000}大多数软件包管理器在\n\
                解包档案时会写一些管理文\n\
                件。这些管理文件通常没有\n\
                标准化。所以，在运行其他\n\
                发行版的系统上解包\n\
                Debian 软件包会对该系统\n\
                的软件包管理器产生不可预\n\
                测的（当然也不是正面的）\n\
                效果。类似地，来自其他发\n\
                行版的工具可能可以在\n\
                Debian 系统中成功解包它\n\
                们的档案，但可能会使得\n\
                Debian 软件包管理系统在\n\
                后续升级或删除一些软件包\n\
                时出错，甚至简单地输出系\n\
                统上有哪些软件包时也可能\n\
                出错。\n\
                \u{3000}\u{3000}因为本计划致力于让全\n\
                世界的用户都能方便快捷地\n\
                获取大量的软件，所以我们\n";
    let out = check(page);
    assert!(
        out.contains("系统和其他Unix 系统之间的源代码兼容性怎么样？"),
        "{out}"
    );
}

/// A subtitle (`——…`) that fills the column stands alone before the story's
/// first line: a subtitle's own next line is its short tail or ends its
/// sentence, and the line here is as full as the story's lines, which go
/// on after it. (It was taken for the subtitle wrapping on.) A subtitle
/// that does wrap keeps its tail.
#[test]
fn a_full_subtitle_stands_alone_before_the_story() {
    let page = "科技信息报　2021年8月22日　星期二　第2版　科技\n\
                软件包管理技巧\n\
                ——混合源档案库中的软件包\n\
                你可以根据 aptitude 这个包\n\
                管理工具中的软件包描述或者是任\n\
                务面板下的列表信息，来查找你所\n\
                需要的软件包。\n\
                当遇到2个以上的类似的软件\n\
                包时，先前没有经过反复的尝试，\n\
                你不知道安装哪一个的时候，应该\n\
                用常识来判断。我认为以下几点是\n\
                首选的软件包应该具有的特征。\n";
    let out = check(page);
    assert!(out.contains("\n——混合源档案库中的软件包\n"), "{out}");
    let wrapped = "科技信息报　2021年8月22日　星期二　第2版　科技\n\
                   软件包管理技巧\n\
                   ——运行在主服务器上的一些常用\n\
                   服务\n\
                   □本报记者　张三\n\
                   你可以根据 aptitude 这个包\n\
                   管理工具中的软件包描述或者是任\n\
                   务面板下的列表信息，来查找你所\n\
                   需要的软件包。\n\
                   当遇到2个以上的类似的软件\n\
                   包时，先前没有经过反复的尝试，\n\
                   你不知道安装哪一个的时候，应该\n\
                   用常识来判断。我认为以下几点是\n\
                   首选的软件包应该具有的特征。\n";
    let out = check(wrapped);
    assert!(
        out.contains("\n——运行在主服务器上的一些常用服务\n"),
        "{out}"
    );
}

/// A justified line that a long word left with two Latin words to spread
/// (`Systemctl          disable`), between lines of prose: no code or
/// table row but a line of the paragraph, decided like any other. (Lines
/// with no wide character stayed preformatted, so the story's first
/// sentence was cut in three.)
#[test]
fn two_latin_words_spread_across_a_line_of_prose_run_on() {
    let page = "西部经济导报”2020年11月6日 星期五 第7版 教育\n\
                \n\
                Debian 系统是如何引导的?\n\
                \n\
                口程秀艳\n\
                本报昆明2月14日电\n\
                Systemctl          disable\n\
                \n\
                service.service 请使用在\n\
                /lib/systemd/system 中安装\n\
                的服务文件的文件名 〈通常基\n\
                于软件包的包名)。\n\
                \n\
                服     务     文     件\n\
                /lib/systemdy/systemyrc-\n\
                local.service 为在引导后执\n";
    let out = check(page);
    assert!(
        out.contains("2月14日电Systemctl          disable service.service 请使用在"),
        "{out}"
    );
}

/// A subhead before a paragraph's first line (`Unix 文件基础` | `每个目录都有一个名`)
/// is 2 em short of that first line, which is itself 2 em short of the full
/// line after it: a heading, not a first line whose indent was lost. (It was
/// joined to the paragraph.)
#[test]
fn a_subhead_two_em_short_of_a_first_line_stands_alone() {
    let page = "树是因为如果你画出文件\n\
                系统，它看起来就像一棵\n\
                树，但是它是颠倒过来\n\
                的。\n\
                Unix系统上叫做目\n\
                录，某些其他系统上叫做\n\
                文件夹。请同样留意，在\n\
                任何Unix系统上，没有\n\
                的驱动器的概念，例如\n\
                “A:”。这只有一个文件\n\
                系统，并且所有东西都包\n\
                含在内。这相对于\n\
                Windows 来说是一个巨\n\
                大的优点。\n\
                Unix 文件基础\n\
                每个目录都有一个名\n\
                字，它可以包含任意字母\n\
                或除了/”以外的符号。\n\
                根目录是个特例。它的名\n\
                字是“/”（称作“斜线”\n\
                或“根目录”），并且它不\n\
                能被重命名。\n\
                \n";
    let out = check(page);
    assert!(out.contains("\nUnix 文件基础\n"), "{out}");
}

/// Found by the property test `second_reflow_changes_nothing` (stop 20):
/// two Latin words spread across a line were read as prose only between
/// lines with wide characters; the line before (`A`) had none until it was
/// joined into its paragraph (`一A`), so reflowing the output again read the
/// spread line the other way and indented it. Whether the lines beside hold
/// wide characters is no longer asked.
#[test]
fn proptest_two_spread_words_beside_a_line_joined_later() {
    let text = "一\n \nA\nA    A\n一一一";
    let newline = Options::new()
        .separator(cjk_reflow::Separator::Newline)
        .indent(cjk_reflow::Indent::Ideographic)
        .build()
        .unwrap();
    check(text);
    for r in [Reflower::default(), newline] {
        let once = r.reflow(text);
        assert_eq!(r.reflow(&once), once, "{once:?}");
    }
}

/// A line that ends a sentence but was stretched to the column (pdfminer
/// spells the widened gaps as spaces: `够 识 别 并 执 行 它 的 网 络 浏 览 器 。`)
/// is no paragraph's last line: justification leaves a paragraph's last line
/// as it is. Its paragraph goes on, though the next line is 2 em short (a
/// Latin word did not fit).
#[test]
fn a_stretched_line_ending_a_sentence_is_no_paragraph_end() {
    let page = "华东晨报 2020年12月27日 星期三 第15版 观点\n\
                Debian 是否支持 Java？支持情况如何？\n\
                □新华社记者 梁静\n\
                \n\
                一 些   Java  的 自 由 实 现 有\n\
                Debian 软件包可用，既可以提供\n\
                JDK，也可以提供 JRE。您可以使\n\
                用 Debian 编写、调试及运行 Java\n\
                程序。\n\
                \n\
                运行 Java applet 需要一个能\n\
                够 识 别 并 执 行 它 的 网 络 浏 览 器 。\n\
                Debian 收录的几个浏览器，例如\n\
                Mozilla  和   Konqueror ， 支 持\n\
                Java  插 件 ， 可 以 用 来 运 行   Java\n\
                applet。\n";
    let out = check(page);
    assert!(out.contains("浏 览 器 。Debian 收录的几个浏览器"), "{out}");
}

/// A stretched line that PyMuPDF set one glyph a line keeps a closing mark
/// and the stop after it together (`件` `？` `”` `）。` `位` `于`): the
/// printed line went on after the stop, so its paragraph does, as after a
/// full stop alone among such glyphs.
#[test]
fn a_closing_mark_and_stop_among_a_stretched_lines_glyphs_go_on() {
    let page = "——我应该如何安装能够构建软件包的开发环境？\n\
                对于所有软件包，它们的\n\
                作者都记录在文件\n\
                /usr/share/doc/PACKAGE/copyright\n\
                中，其中 PACKAGE 需要替\n\
                换为该软件包的名字。\n\
                图为太原某企业运维团队在监控大\n\
                屏前值守。（新华社记者　孟斌　\n\
                摄）\n\
                在 Debian GNU/Linux\n\
                系统中打包该软件的维护者记\n\
                载于各软件包的 Debian 控\n\
                制文件（参见第 7.4 节 “什\n\
                么是 Debian 控制文\n\
                件\n\
                ？\n\
                ”\n\
                ）。\n\
                位\n\
                于\n\
                /usr/share/doc/PACKAGE/changelog.Debian.gz\n\
                的 Debian 变更日志，记载\n\
                了其他曾为 Debian 打包作\n\
                出贡献的人。\n\
                如果您想要在 Debian\n\
                系统中构建软件包，您需要一\n";
    let out = check(page);
    assert!(out.contains("件？”）。位于"), "{out}");
}

/// A caption cut by a page break (`--paged` on the corpus: 46 wrong
/// decisions) ran on into the folio and the next page's running title,
/// gluing both into it: a line that stands alone by its own text (a folio,
/// a running title, a byline) is no caption's next line.
#[test]
fn a_caption_cut_by_a_page_break_does_not_run_on_into_the_folio() {
    let page = "据新华社北京电，今年以来各地积极推进数字\n\
                化转型工作，取得显著成效。专家表示，数\n\
                字经济已成为稳增长的重要引擎。\n\
                图为参加深圳开发者大会的志愿者在布置\n\
                12\n\
                \u{c}用户手册\n\
                会场。（新华社记者 王鹏 摄）\n\
                本报记者在现场看到，许多企业展示了最新\n\
                的产品和解决方案，吸引了大批观众驻足。\n";
    let out = check(page);
    let alone = |what: &str| out.lines().any(|line| line.trim() == what);
    assert!(alone("12") && alone("用户手册"), "{out}");
}

/// A page's running title stands alone, even where the text after it goes
/// on from the page before with a mark no line may start with. It did in
/// the first reading, but the output dropped the form feed, and settling
/// (which reads the output as a second reflow would) found only a short
/// line before a comma, and joined them (`--paged` on the corpus: 14 such
/// decisions). The form feed is now kept before a paragraph that opens a
/// page, so the output reads as the input did.
#[test]
fn a_running_title_keeps_its_form_feed_and_stands_alone() {
    let page = "据新华社北京电，今年以来各地积极推进数字\n\
                化转型工作，取得显著成效。专家表示，数\n\
                字经济已成为稳增长的重要引擎，企业也\n\
                12\n\
                \u{c}用户手册\n\
                ，许多企业展示了最新的产品和解决方案，\n\
                吸引了大批观众驻足。\n";
    let out = check(page);
    assert!(out.contains("\n\u{c}用户手册\n"), "{out:?}");
    // The paragraphs' texts hold no form feed: it marks the output's page.
    let texts: Vec<_> = Reflower::default()
        .paragraphs(page)
        .map(|p| p.text().to_string())
        .collect();
    assert!(texts.iter().any(|t| t == "用户手册"), "{texts:?}");
}

/// Found by the margin property (`props.rs`, stop 21): lines of verse are
/// written as they came, their margin with them, where a lone leading space
/// (`Indent::Preserve` drops it as noise) or any indent (`Indent::Ideographic`
/// writes two U+3000 instead) is rewritten on the lines around; reflowed
/// again, the verse lines stand out by their margin, are no longer read as
/// verse, and are joined. (Reading every line past its section's margin
/// was tried and dropped: what a line is, code or verse, then depends on
/// lines the output writes otherwise.) A line of verse now keeps its break
/// but is written with the margin any paragraph's first line gets.
#[test]
fn verse_with_a_margin_the_lines_around_lose() {
    let verse =
        "一一一一一一一\n一一一一，\n一一一一一\n一一一一，\n一一一一一\n一一一一一一一，\n";
    for margin in [" ", " \t"] {
        let text: String = verse
            .lines()
            .map(|line| format!("{margin}{line}\n"))
            .collect();
        check(&text);
        let ideographic = Options::new().indent(cjk_reflow::Indent::Ideographic);
        let r = ideographic.build().unwrap();
        let once = r.reflow(&text);
        assert_eq!(r.reflow(&once), once, "{margin:?}");
    }
}

/// Fuzz run 63 (`reflow`, raw bytes, stop 21), minimised to 21 bytes; the
/// code before the stop failed the same way. Debug builds check that the
/// output's lines, composed from the paragraphs' parts, decide what the
/// output measured afresh decides: a line of two backticks (a piece of a
/// code fence, preformatted as measured) that a run of code had marked lost
/// its preformatting when composed (code is found for a section again), and
/// was joined. A composed line is now preformatted as measuring finds it
/// when it is a fence or a piece of one. (Release builds settled to a fixed
/// point either way.)
#[test]
fn fuzz_run_63_fence_piece_composed_and_measured() {
    let bytes = b"``\n\0n\n\xffi\n``\n\xa9\xe8\n()\n}\n\xe8";
    let text = String::from_utf8_lossy(bytes);
    check(&text);
}

/// Fuzz run 63 (`reflow`, raw bytes, stop 21), minimised: the lines of a
/// table (here runs of short ASCII lines read as rows) were joined by the
/// printed-line program of a section cut into pieces, which left a table's
/// row free to regroup (only preformatted lines, verse and furniture were
/// fixed); the paragraph, preformatted, was then written with its lone
/// leading space, and reflowing it again dropped that space. The code
/// before the stop failed the same way.
#[test]
fn fuzz_run_63_table_rows_are_not_regrouped_into_printed_lines() {
    let bytes = b";\x0a,;,;\x0a;\x0a``\x0ao`\x0a io\x0a\x84\xe4nio\x0aio\x0a\x84\xe4unc";
    check(&String::from_utf8_lossy(bytes));
}

/// Fuzz run 63 again (the first input, minimised): a form feed cut a
/// section of code between fences into two pages long enough to be read
/// alone, and the fences paired within each page; the output keeps no form
/// feed at a paragraph's start, so reflowed again the fences paired across
/// the pages and a line of code read as text lost its lone leading space.
/// What a line is (code, a table's row, verse) is now read over the whole
/// section; only the readings that place breaks go page by page. (New in
/// stop 21, with the reading of pages.)
#[test]
fn fuzz_run_63_kinds_of_lines_are_read_across_pages() {
    let bytes = b"\
        `\x0afn {\x0a (  \x0a);\x0a}\x0a```\x0a\xe8\xa1\x8c\x0a;\x0a}\
        \x0a```\x0a \x8c\x0a\xbf\x9b\xe7\x0a\x02;\x0a}\x0a```\x0a i\x0a)\
        ;\x0a}\x0a```\x0a*\x00\xa1\x8c\x0a\x9b\x00\xa1\x8c\x0a)\x0a}\x0a\
        ```\x0a* ;\x0a}\x0a```\x0a   \x8c\x0a\x81\xe8\xa1\x8c\x0a\xbf\
        \x84\x8c\x0a);\x0a}\x0a```\x0a*;\x0a}\x0a`\x0a   \x81\x0ar\x22}}\
        \x0a```\x0a*;\x0a}\x0a```\x0ai\x0a);\x0a}\x0a```\x0a*\x8c\x0a);\
        \x0a}\x0a```\x0a* )\x0a}\x0a```\x0a\xe8\xa1\x8c\x0a\xe4\xa1\x8c\
        \x0a\xbf\x0a```\x0a*;\x0a}\x0a\x0a12\x0a\x0c\xe4\xb8\xad\xe8\xa1\
        \x0a\x0a\xe5\x0a);\x0a}\x0a```\x0a\xe8\xa1\x8c\x0a;\x0a}\x0a```\
        \x0a   \xe7\xbc\xa4\x8c\x0a\x9b\xe7\x0a\x02\x0a}\x0a```\x0a !(}\
        \x0a```\x0a*h\x0a}\x0a`\x0ai\x0a)\x0a\x0a\xe8\x0a\xbf\x84\x0a*;\
        \x0a}\x0a`\xff\x01\x0a\x8c\x0a);\x0a}\x0a```\x0af)\x0a}\x0a\xe7\
        \xa4\x81\x0a\x81\xe8\xa1\x8c\x0a\xbb\xa3\xe7\xa4\x81\xa1\x8c\x0a\
        \xbf\x84\x81\x0a`\x0a*;\x0a}\x0a`\x0a\x0a\xbf\x84\x81\x0a`\x0a*;\
        \x0a}\x0a`\x0a\x8c\x0a);\x0a}\x0a`\x0a*;\x0a}\x0a\xff\xff\xff\
        \x0a\x81\xe8\x0d\x00\x00\x0a\xe8\xa4\x81\xa1\x8c\x0a\xbf\x84\x81\
        \x0a`\x0a*;\x0a}\x0a\xff\xff\xff\x00\xff\x01\x0a";
    check(&String::from_utf8_lossy(bytes));
}

/// Fuzz run 64 (`reflow`, raw bytes, stop 21), minimised to 12 bytes; the
/// code before the stop failed the same way. A Latin line after a form
/// feed (`\fp`) was read as an indented line of code, the form feed taken
/// for its indent, and written as it came, form feed and all; the output,
/// its lines otherwise grouped, read it as text and dropped the form feed.
/// A form feed takes no room: only an indent (spaces, tabs, U+3000) sets a
/// Latin line in as code.
#[test]
fn fuzz_run_64_a_form_feed_is_no_indent_of_code() {
    check(&String::from_utf8_lossy(b"\x0cp\nn{\nn{\n\xff\n("));
}

/// A trailing space after a closing mark (`好” `), as extractors and OCR
/// leave one after any line, is no word space the extractor cut a printed
/// line at (PyMuPDF leaves one after a word): the subhead it ends stays a
/// paragraph of its own (see `trailing_spaces_hold_nearly_the_same_f1` in
/// `corpus.rs`).
#[test]
fn a_trailing_space_after_a_closing_mark_is_no_word_space() {
    let page = "据新华社北京电，今年以来各地积极推进数字\n\
                化转型工作，取得显著成效。专家表示，数\n\
                字经济已成为稳增长的重要引擎。\n\
                坚持创新驱动推动“数字转型好” \n\
                本报记者在现场看到，许多企业展示了最新\n\
                的产品和解决方案，吸引了大批观众驻足。\n";
    let out = check(page);
    assert!(
        out.lines()
            .any(|line| line == "坚持创新驱动推动“数字转型好”"),
        "{out}"
    );
}

/// Found by the margin property while the margin was being taught (stop
/// 23): with first lines set in past a margin, the output holds only first
/// lines, so its margin is wider than the input's, and a line of ASCII that
/// the input's margin left set in as code (`    .`) is read as prose there
/// and joined on settling. Composing the joined line must then not take
/// the code's flag from it, as measuring the output does not (debug builds
/// check that the two agree).
#[test]
fn a_margin_wider_in_the_output_than_in_the_input() {
    let text = "    一一一一一一\n  一一一一一一一，\n  一\n  一一一，\n  一一一一一\n  一一一一，\n  \
                一一一一\n  一一一一一一一一。\n\n    一一一一一一一一\n  一一一一一，\n  一一一\n  \
                一一一一一一一一\n  一一一一，\n  一；\n  一；\n  丄。\n    .\n";
    check(text);
}

/// Found by fuzzing (`reflow`, run 67, stop 23, on 21287fa; the stop's
/// first commit fails the same way): a line with a tab among the rows of a
/// table written a cell or two a line is preformatted as measured, but
/// composed alone it lost the flag with the table's (the table is found
/// for a section again), so the output's lines composed and measured
/// disagreed (debug builds check it). A line composed alone that the lines
/// around made verse, code, a table's row or a first line is now as
/// measuring finds it.
#[test]
fn fuzz_run_67_table_row_with_a_tab() {
    let bytes = include_bytes!("fixtures/fuzz/run67-table-row-with-a-tab.bin");
    check(&String::from_utf8_lossy(bytes));
}

/// Run 67's finding minimised (61 bytes): a lone space before a table's
/// row was written with the row, and the row, read again among lines that
/// changed, was no longer one and lost it. A lone space before a line is
/// now kept only where the line's own text sets it off (see run 69's test).
#[test]
fn fuzz_run_67_lone_space_before_a_table_row() {
    let bytes = b"\xe6\x9c\xac\x00\x00\x00\x00\x00\t\x00\t5.00\n5.00\n\xe7\x94\xb2\xe4\xb9\x99\xe4\xb8\x99\xe4i\x82\n 0.9%\n\xe6\x01\x00\x00\x00\x00\x00\x00\x00urce/}\nlinti";
    check(&String::from_utf8_lossy(bytes));
}

/// Found by fuzzing (`reflow`, run 69, stop 23, on 436dff7): with run 67's
/// mend a lone space (here U+00A0) before a line of code or a table's row
/// was dropped, and before other preformatted lines kept; a line with a tab
/// that the lines around made a table's row lost it, and read again among
/// other lines, was no table's row and kept it. A lone space is now kept
/// only before a line that its own text sets off (a tab here), whatever the
/// lines around make of it, and dropped before any other line.
#[test]
fn fuzz_run_69_lone_space_before_a_line_with_a_tab() {
    let bytes = b" 99\xff\x039* \xe9\xe4\x8d\x9d\xe5\x88\x8c\xbc\xb7 9999= 9999\xc7\xc6\xc6\xbd99= 999999999hi\x2299999998\x09\x0a999\x0d9\x0a\x87 \xe4\xb8\xe6\xc2\x0d\x0a\xc2\xa09999999999\x098\x0a9\x0d9\x0a\xc2\x0d\x0a\xc2\xa0\x0d \x0a";
    check(&String::from_utf8_lossy(bytes));
}

/// Found by fuzzing (`reflow`, run 70, stop 23, on 5026848): a line that a
/// lone space set in (` (`) was read as an indented line of code beside a
/// shell command and program code, and written without the space (run
/// 69's mend); read again it was no code, and `Indent::Ideographic` set
/// it in as a paragraph. Only an indent of 1 em or more now sets a line in
/// as code: a lone space is noise, and reading it must not decide what the
/// output drops.
#[test]
fn fuzz_run_70_a_lone_space_sets_no_line_in_as_code() {
    let bytes = b" (\xc2\xa0\x0a$ \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00j\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00main() {\x0a    println!(\x22\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00main() {\x0a    pri\x0a\x0c\x0a\xc2\xa0\x0d \x02";
    let text = String::from_utf8_lossy(bytes);
    check(&text);
    let ideographic = Options::new()
        .separator(cjk_reflow::Separator::Newline)
        .indent(cjk_reflow::Indent::Ideographic)
        .build()
        .unwrap();
    let once = ideographic.reflow(&text);
    assert_eq!(ideographic.reflow(&once), once);
}

/// Found by fuzzing (`reflow`, run 71, stop 23, on 4a7e773; the stop's
/// first commit, `7d48ec3`, fails the same way): settling takes more than
/// the 16 rounds debug builds allow, as in runs 42, 54 and 60 (release
/// builds reach the fixed point; 3,972 bytes, not minimised). As run 74's:
/// see there.
#[test]
fn fuzz_settling_rounds_run_71() {
    let bytes = include_bytes!("fixtures/fuzz/run71-settling-rounds.bin");
    check(&String::from_utf8_lossy(bytes));
}

/// Found by fuzzing (`reflow`, run 74, stop 24, on 6f32c91; stop 23's last
/// commit, `9e1aa15`, fails the same way): settling takes more than the 16
/// rounds debug builds allow, as in runs 42, 54, 60 and 71 (release builds
/// reach the fixed point; 822 bytes, minimised). Lines each after a blank
/// line: once two of them were joined, the joined line, wider than the
/// column and stopping mid-sentence, ran on across the next blank line into
/// a full line (`Reason::OverlongRunsOn`), which neither part did; each
/// round joined one more. Now a line more than three columns wide is a
/// paragraph there, not printed lines run together.
#[test]
fn fuzz_settling_rounds_run_74() {
    let bytes = include_bytes!("fixtures/fuzz/run74-settling-rounds.bin");
    check(&String::from_utf8_lossy(bytes));
}

/// Found by fuzzing (`reflow_tokens`, run 75, stop 24, on 6f32c91;
/// `9e1aa15` fails the same way): with a fixed column, two glyphs whose gap
/// a justified line widened (`事    又`) fill the column, and the full-line
/// shortcut took the break after them, where the cascade's glyph-run rule
/// decides it (the same join under another reason; debug builds compare
/// the two).
#[test]
fn fuzz_run_75_glyphs_a_justified_line_widened_are_the_glyph_run_rules() {
    let text = "又\n事    又\n又";
    let fixed = Options::new()
        .column(cjk_reflow::ColumnWidth::Fixed(16))
        .ambiguous(cjk_reflow::AmbiguousWidth::Narrow)
        .build()
        .unwrap();
    let r = cjk_reflow::stages::with_section_lines(&fixed, 3);
    let reasons: Vec<_> = r.break_points(text).iter().map(|p| p.reason).collect();
    assert_eq!(reasons, [Reason::Fragment, Reason::Fragment]);
    check(text);
}

/// `pdftotext -layout` on a page of two columns sets them side by side, a
/// wide gap between them ending at about the same place on every line.
/// Joined, the lines mixed the two columns' text into one paragraph; kept,
/// the page can still be read column by column (reflow never reorders
/// text). Such lines are kept as a table's rows are.
#[test]
fn two_columns_side_by_side_are_kept() {
    let page = "\u{20}\u{20}\u{20}我們都熟知計算機有時會出問題，                Make 是一個維護程式組的工具。\n\
                或者由於人為的錯誤導致系統和資料損              一旦執行 make(1)，make 會讀取規則\n\
                壞。備份和恢復操作是成功的系統管理              檔案Makefile，自從上次目標檔案被修\n\
                中非常重要的一部分。可能有一天你的              改後，如果目標檔案依賴的相關檔案發\n\
                電腦就會出問題。                       生了改變，那麼就會更新目標檔案，或\n\
                \u{20}\u{20}\u{20}保持你的備份系統簡潔並且經常備             者目標檔案不存在，那麼這些檔案更新\n\
                份你的系統，有備份資料比你採用的備              可能會同時發生。\n\
                份方法的技術先進要重要的多。                    所有擔保條款具有免責效力。所有\n\
                \u{20}\u{20}\u{20}對 於 執 行 testing 套 件 的 個 人   商標均爲其各自商標所有者的財產。\n\
                Debian 桌面系統來說，只需要保護個人             Debian 系統本身是一個變化的事\n";
    let out = check(page);
    assert_eq!(out, page);
}

/// Found by the property tests while the side-by-side columns were being
/// taught (stop 23): a line with a wide gap read as spread prose beside an
/// unaligned line came, in the output, beside a line whose gap ends where
/// its own does; kept there as a column, it must be preformatted whatever
/// the input's reading made of it (debug builds check the output's lines
/// composed against the same lines measured).
#[test]
fn a_gap_that_lines_up_only_in_the_output() {
    check(
        "一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一    一\n，가\n\
         一一一一一一一一一一一一一一一一一一一一一一一一一一一一    一\n一一",
    );
}

/// Property tests (stop 29): `──` ending a line and `──` opening the next,
/// joined, make a box-drawing rule `────` that measuring the output reads
/// as aligned text; composing the joined line from its parts (the settling
/// check) did not see it, and debug builds found the two readings apart.
/// (Present before stop 29: commit `4b2a389` fails the same way.)
#[test]
fn regression_props_box_drawing_rule_made_at_a_seam() {
    check("，〔記者李大華／台中報導〕a 一一一一一一一0一一一一一一一一一一一\n一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一──\n──一一一一一一一一一一一一一一一一一一一AaaAAA一一一一一一\n一一一一一一一一一一一一一一一一一一一一一一一一一一一一一");
}

/// Fuzzing (stop 32, run 111): in a section of single glyphs (a stretched
/// line the extractor set one glyph a line), a glyph followed by one that
/// holds its mark (`由` | `是。`) is joined by the glyph rule, which the
/// section's shortcut applies without the cascade; the cascade read `是。`
/// as a word's tail first, and debug builds found the two reasons apart.
#[test]
fn regression_fuzz_a_glyph_and_its_mark_in_a_run_of_glyphs() {
    check("理\r由 \n是。\r");
}

/// Fuzzing (stop 32, run 112): a section of fuzzed scraps whose settling
/// joined one more line a round (a bracket `「` left open: each round the
/// local rules joined the next line inside it, and the printed-line
/// program, which counted only the brackets its own printed line opened,
/// ended the paragraph one line further on), past the 16 rounds debug
/// builds allow. Mended in stop 33: the program offers no paragraph end
/// where the local rules joined inside a bracket.
#[test]
fn regression_fuzz_settling_joins_one_line_a_round() {
    check("反了Policy 或是\n�一个肯定的打包错误。\nW:����\n反了nPolicy 或是\n\n[\n\n蘶\n;\nJ\n\n�\n\n;\nJ\n\n���\nt\n\n\u{0}\n确定违\n\n���一个肯定的打包错误。\nW:代表警告可能����\nicy或是\n的打包错误。\nO:覆盖一个\nian-overrides 文\n覆盖的�t\n�\n\n必\n����\n\n\u{0}\n的\n\n十\n\n「表已覆盖：一个\n  tian-overrides 文\n必\n\n\u{0}\n\n;\n�\ne\n\n�\n\n�S\n\nt\n\n��\n\n必\n⿁�\nt\n\n`必\nl\nlet\n\u{0}\n\n;\nJ\nl\nlet\n�\n;\nJ\u{0}\n必\n����\n\n\u{0}\n;\nJ\nlet\n\nl\nlet");
}

/// Found by fuzzing (`reflow`, run 137, stop 37, on 5c8aa15; stop 36's
/// last commit, `7860cfb`, fails the same way): another input of run 120's
/// open family below, settling out of its 16 debug rounds on the same kind
/// of repeated scraps (release builds reach the fixed point: checked;
/// 2,627 bytes, minimised by `cargo fuzz tmin` from 3,354). Settles
/// within the 16 rounds since stop 38's `2ea2ae2` (a line followed by
/// wider prose votes for no column), no longer ignored; whether the
/// family is closed, fuzzing will tell (see `fuzz/README.md`).
#[test]
fn fuzz_settling_rounds_run_137() {
    let bytes = include_bytes!("fixtures/fuzz/run137-settling-rounds.bin");
    check(&String::from_utf8_lossy(bytes));
}

/// Fuzzing (stop 33, run 120; open): on fuzzed scraps repeated over and
/// over (a running header, a subtitle, bylines, code, control characters),
/// each settling round's composed lines, wider or fuller than their parts,
/// let a full-line, overlong or printed-line join fire one paragraph
/// further on (185 joins in the first round, then 24, 20, 14, ... 2 in the
/// sixteenth), past the 16 rounds debug builds allow. Older than the stop:
/// stop 32's code fails the same way. Release builds settle it within
/// their bound (two rounds a line), so the output is a fixed point; what
/// is open is that such a chain costs a round a paragraph. Cut from 3,632
/// bytes to the lines it needs. Found passing in stop 38, and passing at
/// stop 36's last commit (`7860cfb`) too: no longer ignored.
#[test]
fn regression_fuzz_settling_grows_joins_round_by_round() {
    check("    华东晨报　2024年10月28日�b�星期四　第2版　数字生活\n    ——interdiff 命令\n    □中新社记者　杨文\n    　　E: \u{17}\u{0}�表错误：确定违\n    反了 Debian Policy 或是\n�������    一个、肯定的打包错误。\n    　　W: 代表警� 中的\n    叙运�有意外的变更非常\n    有甔�误。\n    　�一二三四五六七~��九十\n「一二」三四��O: 代表已覆盖：一个\n    被 lintian-overrides 文\n    件覆盖的�let\n必\n[\u{0}��\n蘶\n;\nJ\u{0}\n必\n\u{0}l�\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\nt\n�\n右以蘶\n;\nJ\u{0}\n必\n\u{10}����\u{2060}\n\u{0}let\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必 \u{0}\n[\u{0}��\n;\nJ\u{0}\n必\n\u{10}\u{0}el\n\u{0}let\n�\n\u{10}\u{0}el\n�\n蘶\n\u{10}����\u{0}\u{0}ll\n�\n蘶\n;\n必\n\u{10}����\u{0}el\n\u{0}l�\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\n�\n蘶\nJ\u{0}\n必\n\u{10}����⿁�\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必 \u{0}\n;\nJ\u{0}\n\u{10}����\u{0}el\n\u{0}let\n必\nt\n忁���\u{0}\u{0}el\n\u{0}let\n[\u{0}��\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n必\n必 \u{0}\nt\n    install 文件，它们将被\n    dh_install(1) 安装。[55]\n    你需要首先检�👨\u{200d}👩\u{200d}👧��三四��O: 代表已覆盖：一个\n    被 lintian-overrides 文\n    件覆盖的�let\n必\nJ\u{0}\n必\n\u{0}l�\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\n�\n蘶\n;\nJ\u{0}\n必\n\u{0}let\n[\u{0}��\n;\nJ\u{0}\n必\n\u{10}\u{0}el\n\u{0}let\n�\n\u{10}\u{0}el\n\u{0}let\n�\n蘶\n‘;\nJ\u{0}\n必\ntee\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\nt��件，你可以把文\n\u{0}let\n必\n[\u{0}�}\n�\n蘶\n;\ne��\n\u{10}����\u{0}el\n\u{0}l�\nt\n必\n\u{0}[let\n必\n[\u{0}��\nt\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����⿁�\n\u{0}let\n必\nt`必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必 \u{0}\n[\u{0}��\n;\nJ\u{0}\n必\n\u{10}\u{0}el\n\u{0}let\n�\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}��e�\u{0}el\n\u{0}let\n必\nt\n忁���\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n必\nt`必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}Let\n必 \u{0}\n[\u{0}��\nt\n必\n\u{10}\u{0}el\n\u{0}l\ne�名和目标路径写入\n    install 文件，它们将被\n    dh_install(0) 安装。[55]\n    你需要首先检查�（妁安装的文\n�：一个\n    被 lintian-overrides 文\n    件覆盖的�let\n必\n[\u{0}��\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n\u{0}l�\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\nt\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{2060}\n\u{0}let\n必\nt`必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必 \u{0}\n[\u{0}��\n;\nJ\u{0}\n必\n\u{10}\u{0}el\n\u{0}let\n�\n\u{10}\u{0}el\n\u{0}let\n�\n蘶\n‘;\nJ\u{0}\n必\n\u{10}����\u{0}\u{0}ll\ntee\n必\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\nt��件，你可以把文\n    件\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}�}\n\\�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n\u{0}l�\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����⿁�\n\u{0}let\n必\nt`必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必 \u{0}\n[\u{0}��\n;\nJ\u{0}\n必\n\u{10}\u{0}el\n\u{0}let\n�\n\u{10}\u{0}el\n\u{0}let\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n\u{0}let\n必\nt\n忁���\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n\u{0}let\n必\nt`必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}Let\n必 \u{0}\n必\n\u{10}\u{0}el\n\u{0}l\ne�名和目标路径写入\n    install 文件，它们将被\n    dh_install(1) 安装。[55]\n    你需要首先检查�（�\n「一二」三四��O: 代表已覆盖：一个\n    被 lintian-overrides 文\n    件覆盖的�let���\n必\n[\u{0}��\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����\u{0}el\n\u{0}l�\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n[\u{0}��\nt\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}�� = ��\n\u{0}let\n必\nt`必\n必 \u{0}\n[\u{0}��\n\n;\nJ\u{0}\n必\n\u{10}\u{0}el\n\u{0}let\n�\n\u{10}\u{0}el\n\u{0}let\n�\n蘶\n‘;\nJ\u{0}\n必\n\u{10}����\u{0}\u{0}ll\ntee\n必\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n必\n�ix\u{1b}DI\u{10}M�你可以把文\n    件\u{10}\u{1}\u{0}\u{0}el\n\u{0}let\n[\u{0}�}\nt\n�\n蘶\ne��\n\u{0}l�\nt\n必\n\u{10}\u{1}\u{0}\u{0}el\n\u{0}[let\n必\n[\u{0}��\nt\n�\n蘶\n;\nJ\u{0}\n必\n\u{10}����⿁�");
}

/// A statute's articles wrapped at 16 em with their 2-em indents lost:
/// each article's first line is 2 to 3 em short of the full line below it.
/// Four of its six items wrap, so this is a wrapped list, not flowing text
/// (stop 37 kept every line, reading most of the lines it judged as ending
/// a sentence; the wrapped items it counted had to be flush).
#[test]
fn articles_wrapped_with_their_indents_lost_are_joined() {
    let text = "中华人民共和国某某法\n第一章 总则\n第一条 为了规范某某行为，保\n护当事人的合法权益，维护社会经济\n秩序，制定本法。\n第二条 本法适用于中华人民共\n和国境内的某某活动。\n第三条 某某活动应当遵循自愿、\n平等、公平、诚信的原则。\n第二章 一般规定\n第四条 国家鼓励和支持某某事\n业的发展。\n";
    let out = check(text);
    for article in [
        "第一条 为了规范某某行为，保护当事人的合法权益，维护社会经济秩序，制定本法。",
        "第二条 本法适用于中华人民共和国境内的某某活动。",
        "第三条 某某活动应当遵循自愿、平等、公平、诚信的原则。",
        "第四条 国家鼓励和支持某某事业的发展。",
    ] {
        assert!(out.contains(&format!("\n{article}\n")), "{article}\n{out}");
    }
    assert!(
        out.contains("\n第一章 总则\n") && out.contains("\n第二章 一般规定\n"),
        "{out}"
    );
}

/// A short report: more headings than paragraphs, its paragraphs wrapped
/// at 22 em. The headings, 8 to 11 em, voted for a column of their own
/// width, and stop 37 read the paragraphs' lines as overlong and glued
/// each heading to the paragraph below it. A line followed by wider prose
/// fills no column that line fits in, so it no longer votes.
#[test]
fn headings_do_not_set_the_column_of_a_short_report() {
    let text = "2023年度工作总结\n一、主要工作完成情况\n（一）业务发展稳中有进\n全年实现营业收入12.5亿元，同比增长8.3%；利润\n总额2.1亿元，同比增长5.6%。\n（二）改革创新持续深化\n深入推进数字化转型，完成核心业务系统升级改造，\n客户满意度提升至95%。\n二、存在的问题\n一是市场竞争日趋激烈；二是人才队伍建设有待加\n强。\n三、2024年工作计划\n2024年，我们将继续坚持稳中求进工作总基调。\n";
    let out = check(text);
    let paragraphs: Vec<&str> = out.split("\n\n").map(str::trim_end).collect();
    assert_eq!(
        paragraphs,
        [
            "2023年度工作总结",
            "一、主要工作完成情况",
            "（一）业务发展稳中有进",
            "全年实现营业收入12.5亿元，同比增长8.3%；利润总额2.1亿元，同比增长5.6%。",
            "（二）改革创新持续深化",
            "深入推进数字化转型，完成核心业务系统升级改造，客户满意度提升至95%。",
            "二、存在的问题",
            "一是市场竞争日趋激烈；二是人才队伍建设有待加强。",
            "三、2024年工作计划",
            "2024年，我们将继续坚持稳中求进工作总基调。",
        ]
    );
}

/// pdfminer on a justified page whose paragraphs were typed with their
/// indents as two U+3000, which it keeps: a paragraph's first line is set
/// in and spread at its word spaces (`　　假如没有从   grub-rescue-pc`).
/// Stop 37 read such a line as a table's row (set in, with runs of spaces)
/// and kept it apart from its paragraph; an indent of ideographic spaces
/// is a paragraph's, so the line is spread prose, as it is unindented.
#[test]
fn a_spread_first_line_set_in_by_ideographic_spaces_is_prose() {
    let text = "\u{3000}\u{3000}程序将系统内核映像和   initrd   映\n像加载到内存并将控制权交给它\n们。initrd   映像是根文件系统映\n像，其支持程度依赖于所使用的引\n导加载程序。\n\n\u{3000}\u{3000}假如没有从   grub-rescue-pc\n软件包中的映像制作出来的可引导\n修复盘（U盘、CD   或软盘），请\n勿玩弄引导加载程序。即使硬盘上\n没有可正常工作的引导加载程序，\n可引导修复盘也能引导你的系统。\n\n\u{3000}\u{3000}迷你   Debian   系统是启动流\n程的第三阶段，由引导加载程序启\n动。它会在内存中运行系统内核和\n根文件系统。这是启动流程的一个\n可选准备阶段。\n";
    let out = check(text);
    let paragraphs: Vec<&str> = out.split("\n\n").map(str::trim_end).collect();
    assert_eq!(paragraphs.len(), 3, "{out}");
    assert!(
        paragraphs[0].starts_with("\u{3000}\u{3000}程序将系统内核映像和   initrd   映像加载"),
        "{out}"
    );
    assert!(
        paragraphs[1].starts_with("\u{3000}\u{3000}假如没有从   grub-rescue-pc软件包"),
        "{out}"
    );
    assert!(
        paragraphs[2].starts_with("\u{3000}\u{3000}迷你   Debian   系统是启动流程"),
        "{out}"
    );
}

/// [`a_spread_first_line_set_in_by_ideographic_spaces_is_prose`] with the
/// indents kept as four ASCII spaces, as `pdftotext -layout` keeps them.
#[test]
fn a_spread_first_line_set_in_by_spaces_is_prose() {
    let text = "    程序将系统内核映像和   initrd   映\n像加载到内存并将控制权交给它\n们。initrd   映像是根文件系统映\n像，其支持程度依赖于所使用的引\n导加载程序。\n\n    假如没有从   grub-rescue-pc\n软件包中的映像制作出来的可引导\n修复盘（U盘、CD   或软盘），请\n勿玩弄引导加载程序。即使硬盘上\n没有可正常工作的引导加载程序，\n可引导修复盘也能引导你的系统。\n\n    迷你   Debian   系统是启动流\n程的第三阶段，由引导加载程序启\n动。它会在内存中运行系统内核和\n根文件系统。这是启动流程的一个\n可选准备阶段。\n";
    let out = check(text);
    let paragraphs: Vec<&str> = out.split("\n\n").map(str::trim_end).collect();
    assert_eq!(paragraphs.len(), 3, "{out}");
    assert!(
        paragraphs[1].contains("grub-rescue-pc软件包中的映像"),
        "{out}"
    );
    assert!(paragraphs[2].contains("系统是启动流程的第三阶段"), "{out}");
}

/// Paragraphs set apart by blank lines (pdfminer's text boxes) that kept
/// their indents as two U+3000: a line inside a block that opens no
/// paragraph is not set in, however short it is after a sentence's end
/// (`请查看 OpenWRT 网页`, 2 em short of the line before it). Stop 37 read
/// the section's openings only at paragraph ends with no blank line after
/// them, found none, and broke there as where indents were lost.
#[test]
fn kept_indents_after_blank_lines_tell_the_openings() {
    let text = "\u{3000}\u{3000}如果需要嵌入式路由\n器或访问点设备的话，推\n荐使用 OpenWRT，当\n然也可以使用原先的固\n件。使用原先的固件更容\n易；使用 OpenWRT 会\n给你更多选择和控制权。\n请查看 OpenWRT 网页\n来找到支持的硬件的列\n表。\n\n\u{3000}\u{3000}路由器的固件通常\n存放在闪存里，更新时\n要先备份原有的配置文\n件，以免丢失设置。\n";
    let out = check(text);
    let paragraphs: Vec<&str> = out.split("\n\n").map(str::trim_end).collect();
    assert_eq!(paragraphs.len(), 2, "{out}");
    assert!(
        paragraphs[0].ends_with("控制权。请查看 OpenWRT 网页来找到支持的硬件的列表。"),
        "{out}"
    );
}

/// pdfminer's text boxes with kept indents (two U+3000): a paragraph's
/// first line set in, alone between blank lines (`　　Make 是一个维护程序`,
/// the rest of its paragraph in the next box), read as a subhead between
/// blank lines in stop 37. Where first lines kept their indents, one set
/// in opens a paragraph, and a subhead is set flush.
#[test]
fn a_first_line_set_in_alone_between_blank_lines_is_no_subhead() {
    let text = "\u{3000}\u{3000}图形数据工具\n\n\u{3000}\u{3000}实际上的数码相机的图\n像是可交换的图像文件格式\n(EXIF)，这种格式是在\nJPEG   图像文件格式上添加\n一些元数据标签。它能够保\n存诸如日期、时间和相机设\n置的信息。\n\n\u{3000}\u{3000}任何带有可移动记录介\n质的数码相机或扫描仪都可\n以在 Linux 上通过 USB 存\n储读取器来工作，因为它遵\n循相机文件系统设计规则并\n且使用   FAT   文件系统，参\n考第 10.1.7 节 “可移动存\n储设备”。\n\n\u{3000}\u{3000}编译工具\n\n\u{3000}\u{3000}Make 是一个维护程序\n\n组的工具。一旦执行\nmake(1)，make 会读取规\n则文件   Makefile，自从上\n次目标文件被修改后，如果\n目标文件依赖的相关文件发\n生了改变，那么就会更新目\n标文件，或者目标文件不存\n在，那么这些文件更新可能\n会同时发生。\n";
    let out = check(text);
    assert!(
        out.contains("\u{3000}\u{3000}Make 是一个维护程序组的工具。"),
        "{out}"
    );
    assert!(out.contains("\n\u{3000}\u{3000}编译工具\n"), "{out}");
}

/// A subhead and the first line after it both spaced out by OCR (every
/// third line is, in the `--some-spaced` transform): `軟 體 包 配 置`, 5 em
/// in a 10-em column before an ideograph, and `Debian 尊 重 系 統`, 2 em
/// short of the column. Neither was stretched to the column by
/// justification (the next line's first chunk would have fitted), so
/// neither is read as full: the subhead stands alone. Stop 37 ran it into
/// its paragraph.
#[test]
fn a_subhead_spaced_out_by_ocr_stands_alone() {
    let out = check("有許多可供選擇的前端\n使用者程式和後端存取\n方式。現在，我們推薦\n下列的這些。\napt(8) 用於所有\n的互動式命令列操作，\n包含軟體包的安裝、移\n除和版本升級。\naptitude(8) 使用\n一個互動式的文字介面\n來管理已安裝的軟體包\n和搜尋可用的軟體包。\n軟 體 包 配 置\nDebian 尊 重 系 統\n管理員的手動配置。換\n句話說，軟體包配置系\n統不會為了方便而去更\n改那些配置。\n每個軟體包都帶有\n自己的配置指令碼，它\n使用標準使用者介面\ndebconf(7) 來幫助軟\n體包初始化安裝過程。\n");
    assert!(out.contains("\n軟 體 包 配 置\n"), "{out}");
}

/// Found by fuzzing (`reflow`, run 143, stop 38, on 39185e6; stop 37's
/// last commit, `4967ea4`, fails the same way): run 120's family once
/// more, on repeated scraps (a running header, a dispatch's dateline,
/// headings). A line that stops mid-word ran on into the next output line
/// as into a piece of a printed line, since that line, a paragraph
/// composed on settling, ended where an extractor may cut (at an opening
/// mark); joined, the paragraph drew the line before it in the next
/// round, one line a round, past the 16 rounds debug builds allow. A piece
/// of a printed line is no wider than a column (`MAX_COLUMN`): a wider
/// next line is no piece. 1,881 bytes as found.
#[test]
fn fuzz_settling_rounds_run_143() {
    let bytes = include_bytes!("fixtures/fuzz/run143-settling-rounds.bin");
    check(&String::from_utf8_lossy(bytes));
}

/// A paper's front matter and first section: `中图分类号：TP391 文献标志码：A`,
/// then the heading `1 引言`, then the section's first line. Settling ran
/// them together one round after another: the heading ran on into the
/// paragraph composed after it as into a piece of a printed line, and the
/// classification line into that (the family of
/// [`fuzz_settling_rounds_run_143`]). A paragraph composed on settling is
/// wider than any column, and no piece: the heading stands alone.
#[test]
fn a_heading_does_not_run_into_the_paragraph_composed_after_it() {
    let paper = "基于深度学习的中文文本重排方法研究\n张三1，李四2\n（ 1. 北 京 大 学 计 算 机 学 院 ， 北 京\n100871；2. 清 华 大 学 软 件 学 院 ， 北 京\n100084）\n摘要：针对从PDF文档中提取的中文文\n本存在大量硬换行的问题，本文提出了一种基\n于版面分析的段落重建方法。该方法首先估计\n栏宽，然后根据行的长度和标点判断每个换行\n是否为段落结束。实验结果表明，该方法在多\n个数据集上取得了较好的效果。\n关键词：文本重排；版面分析；段落识别\n中图分类号：TP391 文献标志码：A\n1 引言\n随着数字化进程的加快，大量的中文文档\n以PDF格式保存。从PDF中提取文本时，原\n有的换行会被保留下来，这给后续的自然语言\n处理带来了困难[1]。已有的方法大多基于规\n则[2-3]，难以适应不同的版面。\n本文的主要贡献如下：\n（1）提出了一种栏宽估计方法；\n（2）设计了基于标点和行长的判断规\n则；\n（3）在真实数据上进行了验证。\n2 相关工作\n2.1 基于规则的方法\n早期的研究主要依赖人工规则。文献[4]\n提出根据句末标点判断段落结束，但对于标题\n和署名等版面元素效果不佳。\n图1 系统框架图\n表1 实验结果对比\n";
    let out = check(paper);
    assert!(out.contains("\n\n1 引言\n\n随着数字化进程的加快"), "{out}");
}

/// Found by fuzzing (`reflow`, run 146, stop 38, on the stop's last rules;
/// stop 37's last commit, `4967ea4`, fails the same way): run 120's family
/// once more, the chain of [`fuzz_settling_rounds_run_143`] on short
/// scraps (`let`, `必`, control characters): each round a scrap that stops
/// mid-word runs on into the paragraph composed after it, which ends where
/// an extractor may cut, one scrap a round; the composed paragraphs stay
/// narrower than any column, which bounds run 143's chain only past 60 em.
/// Release builds reach the fixed point (checked). 772 bytes as found.
#[test]
#[ignore = "open: settling grows its joins round by round here (fuzz run 146, as runs 120 and 143)"]
fn fuzz_settling_rounds_run_146() {
    let bytes = include_bytes!("fixtures/fuzz/run146-settling-rounds.bin");
    check(&String::from_utf8_lossy(bytes));
}

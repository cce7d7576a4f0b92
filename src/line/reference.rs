//! The measuring stage as it was before its fast paths, kept whole and
//! unoptimised: `Line::measure` must agree with it on every line (see the
//! property test in `line::tests`).

// The word lists and the rules that no fast path changed are shared with
// the live code; only what the fast paths replaced is frozen here.
use super::{
    ends_credit_word, ends_with_credit, ends_with_credit_word, indent_of, is_column_rule,
    is_cut_dateline, is_date_tail, is_dateline_lead, is_folio, is_list_item, is_numbered_caption,
    is_ocr_boxed_byline, is_piece_of_fence, is_unboxed_byline, names_staff, opens_interview_turn,
    opens_with_latin_term, opens_with_reporter_credit, stands_for_full_width, Furniture, Line,
    RawLine, SectionCut, Shape, BYLINE_WORDS, CAPTION_OPENERS, DAY, FOLIO_WIDTH, KANGXI_DAY,
    LABEL_BRACKETS, SOURCE_LABELS, SOURCE_WORDS, SUBTITLE_OPENERS,
};
use crate::classify::{
    char_width, first_break_opportunity, holds_to_the_left, is_compressible, role_of,
    trim_space_end, trim_space_start, CharRole,
};

/// The reference measure of one raw line.
pub(super) struct Reference;

impl Reference {
    pub(super) fn measure(
        text: &str,
        raw: RawLine,
        number: usize,
        blanks_before: u32,
        wide_ambiguous: bool,
    ) -> Option<Line> {
        if raw.start == raw.end {
            return None;
        }
        let content = &text[raw.start..raw.end];
        let body = trim_space_start(content);
        let text_start = raw.start + (content.len() - body.len());
        let body = trim_space_end(body);
        if body.is_empty() {
            return None;
        }
        let (indent, leading_ascii) = indent_of(&content[..text_start - raw.start]);
        let counts = Counts::of(body, wide_ambiguous);
        let preformatted = (counts.tab_or_box && super::aligned_by_tabs_or_boxes(body))
            || (leading_ascii >= 2 && counts.wide_chars == 0);
        // Read from what prints between any invisible characters at the
        // edges, which the line's text keeps.
        let (lead, visible) = super::visible_part(body);
        let (inner, inner_start) = if visible.is_empty() {
            (body, text_start)
        } else {
            (visible, text_start + lead)
        };
        let place = Place {
            span: raw.start..raw.end,
            text_start: inner_start,
            number,
            blanks_before,
            indent,
        };
        let mut line = Reference::assemble(inner, place, counts, preformatted, wide_ambiguous);
        line.text_start = text_start;
        line.text_end = text_start + body.len();
        line.shape.page_top = content[..text_start - raw.start].contains('\u{c}');
        Some(line)
    }

    fn assemble(
        body: &str,
        place: Place,
        counts: Counts,
        mut preformatted: bool,
        wide_ambiguous: bool,
    ) -> Line {
        let Place {
            span,
            text_start,
            number,
            blanks_before,
            indent,
        } = place;
        let edges = Edges::of(body);
        let first = edges.first.map_or(CharRole::Other, role_of);
        let last = edges.last.map_or(CharRole::Other, role_of);
        // Spread text has a gap between most of its wide characters; a table
        // row of CJK cells has gaps only between cells.
        let letter_spaced = counts.letter_spaces >= 2
            && counts.letter_spaces * 3 >= counts.wide_chars.saturating_sub(1) * 2;
        // The conventions of a line with two or more letter-spacing gaps
        // (spaces between two wide characters) are read without them.
        let unspaced = unspace(body, wide_ambiguous);
        let text = if counts.letter_spaces >= 2 {
            unspaced.as_str()
        } else {
            body
        };
        let closed_credit = last == CharRole::Close && ends_with_credit(text);
        let ends_sentence = match last {
            CharRole::SentenceEnd | CharRole::Question | CharRole::Ellipsis => true,
            CharRole::Close => {
                closed_credit
                    || matches!(
                        text.chars()
                            .rev()
                            .map(role_of)
                            .find(|&r| r != CharRole::Close),
                        Some(CharRole::SentenceEnd | CharRole::Question | CharRole::Ellipsis)
                    )
            }
            _ => false,
        };
        // A code fence, here so that joined lines that make one (`` + `)
        // are seen as the line the output will hold.
        let fence = body.starts_with("```") || body.starts_with("~~~");
        let contents = super::ends_with_leaders_and_page(body);
        preformatted |= fence || contents || is_piece_of_fence(body);
        // Runs of spaces align table columns, unless the extractor spread a
        // justified line, which leaves single spaces between its ideographs.
        let aligned = counts.space_runs > 0 && !letter_spaced && !preformatted;
        if counts.space_runs > 0 && !letter_spaced {
            preformatted = true;
        }
        let width = indent + counts.width;
        // A date has digits: `2022年10月11日`.
        let furniture = furniture_of(
            text,
            &edges,
            width,
            first,
            ends_sentence,
            counts.narrow >= 4,
            (!letter_spaced).then_some(body),
        );
        Line {
            number,
            start: span.start,
            text_start,
            text_end: text_start + body.len(),
            end: span.end,
            blanks_before,
            word_space_before: false,
            indent,
            margin: 0,
            width,
            compressible: counts.compressible,
            punctuated: counts.compressible > counts.colons,
            pauses: counts.pauses,
            narrow: counts.narrow,
            broad: counts.broad,
            gaps: counts.gaps,
            wide_chars: counts.wide_chars,
            brackets: counts.brackets,
            bracket_marks: counts.bracket_marks,
            letter_spaces: counts.letter_spaces,
            space_runs: counts.space_runs,
            lead_chunk: lead_chunk_width(body, &edges, wide_ambiguous),
            first,
            last,
            ends_sentence,
            all_narrow: counts.wide_chars == 0,
            ends_mid_word: ends_mid_word(&edges),
            ends_before_noun: {
                let mut chars = body.chars().rev();
                chars.next() == Some('的')
                    && chars
                        .next()
                        .is_some_and(|c| !matches!(c, '目' | '标' | '標'))
                    && (counts.compressible > counts.colons || !body.contains('是'))
            },
            ends_with_function_word: last == CharRole::Ideograph
                && body
                    .chars()
                    .next_back()
                    .is_some_and(|c| super::ends_with_function_word(body, c)),
            // A credit word ends with an ideograph, a bracketed credit with a
            // closing bracket: cheap gates before the string tests.
            ends_with_photo_credit: closed_credit && super::ends_with_photo_credit(text),
            ends_with_credit: closed_credit
                || (last == CharRole::Ideograph
                    && edges.last.is_some_and(ends_credit_word)
                    && ends_with_credit_word(text)),
            dateline_lead: width <= 32
                && ((matches!(edges.first, Some('本' | '新' | '中')) && is_dateline_lead(text))
                    // The date's tail of a dateline cut mid-date: `日电`, `20日电`,
                    // or its `电` alone.
                    || (width <= 8
                        && matches!(edges.last, Some('电' | '電'))
                        && matches!(edges.first, Some('0'..='9' | DAY | KANGXI_DAY | '电' | '電'))
                        && is_date_tail(text))),
            opens_with_bracket: matches!(edges.first, Some('（' | '(' | '〔' | '[')),
            opens_with_credit: opens_with_reporter_credit(text),
            opens_mid_phrase: (matches!(lead_chunk_width(body, &edges, wide_ambiguous), 3 | 4)
                || body.starts_with(['的', '们', '們', '吗', '嗎', '呢', '了']))
                && super::opens_mid_phrase(body, first),
            opens_with_label: super::opens_with_label(body),
            shape: Shape {
                preformatted,
                letter_spaced,
                aligned,
                page_top: false,
                verse: false,
                justified: false,
                fence,
                code: false,
                contents,
                table: false,
                record: false,
                set_in_first_line: false,
            },
            furniture,
            byline_without_name: furniture == Some(Furniture::Byline)
                && super::ends_with_reporter_label(body),
            cut: SectionCut::None,
        }
    }
}

/// The first two and last two characters of a line's body, decoded once for
/// the tests that look at a line's edges.
struct Edges {
    first: Option<char>,
    second: Option<char>,
    last: Option<char>,
    before_last: Option<char>,
}

impl Edges {
    fn of(body: &str) -> Edges {
        let mut chars = body.chars();
        let first = chars.next();
        if chars.as_str().is_empty() {
            // One character (or none): it is the first and the last.
            return Edges {
                first,
                second: None,
                last: first,
                before_last: None,
            };
        }
        let second = chars.next();
        let mut tail = body.chars();
        let last = tail.next_back();
        let before_last = tail.next_back();
        Edges {
            first,
            second,
            last,
            before_last,
        }
    }
}

/// Where a line stands: its span, where its text starts, its number, the
/// blank lines before it and the width of its indent.
struct Place {
    span: std::ops::Range<usize>,
    text_start: usize,
    number: usize,
    blanks_before: u32,
    indent: u32,
}

/// What one scan over a line's body counts.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Display width of the body, in half-em.
    width: u32,
    compressible: u32,
    pauses: u32,
    colons: u32,
    narrow: u32,
    broad: u32,
    gaps: u32,
    wide_chars: u32,
    brackets: i32,
    bracket_marks: u32,
    letter_spaces: u32,
    space_runs: u32,
    /// A tab or a box-drawing character: aligned text.
    tab_or_box: bool,
}

impl Counts {
    fn of(body: &str, wide_ambiguous: bool) -> Counts {
        let mut n = Counts::default();
        let mut prev_wide = false;
        let mut prev_alnum = false;
        let mut pending_spaces = 0u32;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // The main ideograph block, U+4E00 to U+9FFF (`E4 B8 80` to
            // `E9 BF BF`), is most of the text: a run of it is counted with
            // no decoding and no lookups.
            let ideograph_at = |i: usize| match bytes.get(i) {
                Some(0xE5..=0xE9) => true,
                Some(0xE4) => bytes.get(i + 1).is_some_and(|&b| b >= 0xB8),
                _ => false,
            };
            let mut run = 1;
            let mut ascii_punctuation = false;
            // Half an em more for an ASCII mark right after a wide character
            // (and not before a space and more text): it stands for the
            // full-width mark.
            let mut full_width_stand_in = 0;
            let mut broad = 0;
            let mut alnum = false;
            let w = if ideograph_at(i) {
                i += 3;
                while ideograph_at(i) {
                    i += 3;
                    run += 1;
                }
                2
            } else {
                let Some(c) = body[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                broad = u32::from(c.is_ascii() && super::is_broad(c as u8));
                alnum = c.is_ascii_alphanumeric();
                if matches!(c, ' ' | '\u{3000}' | '\t' | '\u{A0}') {
                    n.tab_or_box |= c == '\t';
                    pending_spaces += 1;
                    continue;
                }
                if !c.is_ascii() {
                    n.compressible += u32::from(is_compressible(c));
                    n.pauses += u32::from(matches!(
                        c,
                        '，' | '、' | '；' | '：' | '､' | '﹐' | '﹑' | '﹔' | '﹕'
                    ));
                    n.colons += u32::from(c == '：');
                    n.tab_or_box |= ('\u{2500}'..='\u{257F}').contains(&c);
                    n.brackets += bracket_balance(c);
                    let full_width = ('\u{3001}'..='\u{3029}').contains(&c)
                        || ('\u{FF01}'..='\u{FF60}').contains(&c);
                    n.bracket_marks += u32::from(full_width && bracket_balance(c) != 0);
                } else {
                    ascii_punctuation = c.is_ascii_punctuation();
                    let rest = &body[i..];
                    let space_then_text = rest.starts_with([' ', '\t'])
                        && !rest.trim_start_matches([' ', '\t']).is_empty();
                    full_width_stand_in = u32::from(
                        prev_wide
                            && pending_spaces == 0
                            && stands_for_full_width(c as u8)
                            && !space_then_text,
                    );
                    n.brackets += i32::from(c == '(') - i32::from(c == ')');
                    n.space_runs += u32::from(c == '|' && is_column_rule(body.as_bytes(), i - 1));
                    n.pauses += u32::from(matches!(c, ',' | ';' | ':'));
                }
                char_width(c, wide_ambiguous)
            };
            let wide = w == 2;
            if pending_spaces > 0 {
                if pending_spaces >= 3 {
                    n.space_runs += 1;
                }
                if prev_wide && wide {
                    // A justified line stretched by the extractor (or spread
                    // by OCR): the gap is spacing, not text, and takes no
                    // width of its own.
                    n.letter_spaces += 1;
                } else {
                    n.width += pending_spaces;
                    n.gaps += u32::from(pending_spaces == 1 && (prev_alnum || alnum));
                }
                pending_spaces = 0;
            }
            n.width += w * run + full_width_stand_in;
            n.compressible += full_width_stand_in;
            prev_wide = wide;
            prev_alnum = alnum;
            if wide {
                n.wide_chars += run;
            } else if w == 1 && !ascii_punctuation {
                n.narrow += run;
                n.broad += broad;
            }
        }
        n
    }
}

/// `1` for a full-width opening bracket or quote, `-1` for a closing one.
/// Straight ASCII quotes open and close alike, so they are not counted.
fn bracket_balance(c: char) -> i32 {
    match c {
        '（' | '〔' | '【' | '《' | '「' | '『' | '“' => 1,
        '）' | '〕' | '】' | '》' | '」' | '』' | '”' => -1,
        _ => 0,
    }
}

/// Width of the text before the first line-break opportunity in `body`.
///
/// Narrow characters count a quarter more than half an em, as Latin letters
/// in CJK fonts do, and a chunk that opens with a letter or digit carries the
/// space that separated it from the text before.
fn lead_chunk_width(body: &str, edges: &Edges, wide_ambiguous: bool) -> u32 {
    let ideograph = |c: Option<char>| c.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if ideograph(edges.first) {
        if edges.second.is_none() || ideograph(edges.second) {
            // A lone ideograph, or one before another: UAX #14 allows a
            // break between two ideographs (LB31).
            return 2;
        }
        // An ideograph and the closing mark it holds on to (`说，`), before
        // another ideograph: no break before the mark (LB13, LB21), one
        // after it (LB31).
        let mut chars = body.chars().skip(1);
        if let (Some(mark), third) = (chars.next(), chars.next()) {
            if holds_to_the_left(mark) && (third.is_none() || ideograph(third)) {
                return 2 + char_width(mark, wide_ambiguous);
            }
        }
    }
    let end = first_break_opportunity(body);
    let chunk = body[..end].trim_end();
    let (mut width, mut narrow) = (0, 0);
    for c in chunk.chars() {
        let w = char_width(c, wide_ambiguous);
        width += w;
        narrow += u32::from(w == 1);
    }
    let space = u32::from(chunk.starts_with(|c: char| c.is_ascii_alphanumeric()));
    width + narrow / 4 + space
}

/// Whether `body` ends with a hyphen, slash or similar joiner right after a
/// letter or digit: a wrap inside a word, path or URL.
fn ends_mid_word(edges: &Edges) -> bool {
    matches!(
        (edges.last, edges.before_last),
        (Some('-' | '/' | '_' | '='), Some(c)) if c.is_ascii_alphanumeric()
    )
}

/// `body` without the runs of spaces that stand between two wide characters:
/// the plain form of `line::without_letter_spacing` (which copies the text
/// between gaps whole), kept apart so that the property test checks it.
fn unspace(body: &str, wide_ambiguous: bool) -> String {
    let chars: Vec<char> = body.chars().collect();
    let wide = |c: char| char_width(c, wide_ambiguous) == 2;
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = chars[..i].iter().rev().find(|&&b| b != ' ');
            let after = chars[i + 1..].iter().find(|&&a| a != ' ');
            if before.is_some_and(|&b| wide(b)) && after.is_some_and(|&a| wide(a)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Recognises newspaper furniture by the conventions of Chinese newspapers.
fn furniture_of(
    body: &str,
    edges: &Edges,
    width: u32,
    first: CharRole,
    ends_sentence: bool,
    dated: bool,
    as_came: Option<&str>,
) -> Option<Furniture> {
    const EM: u32 = 2;
    // Every convention below starts with one of these: most lines stop here.
    let opens_furniture = first == CharRole::Marker || edges.first.is_some_and(may_open_furniture);
    // A running header names the weekday and the page: `星期一 第4版`.
    if width <= 40 * EM
        && dated
        && body.contains("星期")
        && (body.contains('版') || names_staff(as_came.unwrap_or(body)))
    {
        return Some(Furniture::RunningHeader);
    }
    if !opens_furniture {
        return None;
    }
    if width <= FOLIO_WIDTH && is_folio(body) {
        return Some(Furniture::RunningHeader);
    }
    if SUBTITLE_OPENERS.iter().any(|o| body.starts_with(o)) {
        return Some(Furniture::Subtitle);
    }
    if first == CharRole::Marker {
        if width <= 30 * EM && BYLINE_WORDS.iter().any(|b| body.contains(b)) {
            return Some(Furniture::Byline);
        }
        // `□伍里川`: a marker before a bare name, as commentary bylines are set.
        if width <= 10 * EM && !body.contains(['，', '。', '、', '：', ',', '.']) {
            return Some(Furniture::Byline);
        }
        return Some(Furniture::ListItem);
    }
    if edges.first == Some('口') && width <= 30 * EM && is_ocr_boxed_byline(body) {
        return Some(Furniture::Byline);
    }
    if width > 40 * EM {
        return None;
    }
    // Simplified and Traditional forms of the same conventions; OCR reads
    // the bracket and the colon in several ways.
    let unbracketed = body.trim_start_matches(LABEL_BRACKETS);
    let labelled = |key: &str| {
        unbracketed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
    };
    if SOURCE_LABELS.iter().any(|k| labelled(k))
        || SOURCE_WORDS.iter().any(|k| unbracketed.starts_with(k))
    {
        return Some(Furniture::Source);
    }
    let bracketed = (body.starts_with('（') && body.ends_with('）'))
        || (body.starts_with('(') && body.ends_with(')'));
    let dateline = [
        "记者",
        "通讯员",
        "报道",
        "摄",
        "記者",
        "通訊員",
        "報導",
        "攝",
    ];
    let ends_with_dispatch = || {
        body.trim_end_matches([')', '）', ' ', '\u{3000}'])
            .ends_with(['电', '電'])
    };
    if bracketed && (dateline.iter().any(|k| body.contains(k)) || ends_with_dispatch()) {
        return Some(Furniture::Dateline);
    }
    // A closing dateline cut before its `电）`: `（中新社乌鲁木齐3月12日`, an
    // agency's name after the bracket, the date unfinished at the line's end.
    if first == CharRole::Open && !body.contains(['）', ')']) && is_cut_dateline(body) {
        return Some(Furniture::Dateline);
    }
    if CAPTION_OPENERS.iter().any(|o| body.starts_with(o)) {
        return Some(Furniture::Caption);
    }
    if width <= 30 * EM && is_numbered_caption(body) {
        return Some(Furniture::Caption);
    }
    if !ends_sentence && width <= 24 * EM && is_unboxed_byline(body, as_came) {
        return Some(Furniture::Byline);
    }
    if is_list_item(body) || opens_interview_turn(body) || opens_with_latin_term(body) {
        return Some(Furniture::ListItem);
    }
    None
}

/// Whether a line starting with `c` may be furniture that does not open with
/// a block marker: the first characters of [`SUBTITLE_OPENERS`],
/// [`LABEL_BRACKETS`], [`SOURCE_LABELS`], [`SOURCE_WORDS`],
/// [`CAPTION_OPENERS`], [`REPORTER_BYLINES`] and of list items (a test keeps
/// them in step).
fn may_open_furniture(c: char) -> bool {
    matches!(c,
        '0'..='9' | 'a'..='z' | 'A'..='Z' | '(' | '<' | '[' | '〈' | '【' | '—' | '－' | '―' | '─' | '（' | '来' | '來' | '责' | '責' | '编'
        | '編' | '校' | '审' | '審' | '作' | '图' | '圖' | '上' | '下' | '左' | '右'
        | '本' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        | '资' | '資' | '口' | '-' | '–' | '第' | '０'..='９' | '*' | '+' | '新' | '中' | '通' | '特' | '文'
        | '美' | '版' | '制' | '製' | '终' | '終' | '统' | '統' | '策' | '监' | '監' | '值' | '表' | '数' | '數'
        | '问' | '問' | '答' | '记' | '記' | '主'
        | '\u{2460}'..='\u{2473}' | '\u{2776}'..='\u{2793}')
}

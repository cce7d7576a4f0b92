//! The project's evaluation: scores reflow output against labelled pages.
//!
//! Shared by `examples/eval.rs` (the report) and `tests/corpus.rs` (the
//! regression guards). A labelled page is `NAME.txt` (extracted text) with
//! `NAME.labels.json`: one label (`join`, `break` or `either`) per break point
//! between consecutive non-blank input lines, by 1-based line number. Breaks
//! are compared by position in the stream of non-whitespace characters, so the
//! score does not depend on how the output spells its separators, and OCR's own
//! character errors never count: the labels are on the OCR text itself.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// One labelled break point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Join,
    Break,
    Either,
}

/// A labelled page.
#[derive(Clone, Debug)]
pub struct Page {
    pub split: String,
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    /// `(after_line, label)`, 1-based.
    pub points: Vec<(usize, Label)>,
}

/// Counts for one page or a sum over pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub gold_paragraphs: usize,
    pub exact_paragraphs: usize,
    pub lost_text: usize,
    pub pages: usize,
    /// `(after_line, "false break" | "missed break")`.
    pub errors: Vec<(usize, &'static str)>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn exact_share(&self) -> f64 {
        ratio(self.exact_paragraphs, self.gold_paragraphs)
    }
    pub fn wrong(&self) -> usize {
        self.fp + self.fn_
    }
    pub fn add(&mut self, other: &Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.gold_paragraphs += other.gold_paragraphs;
        self.exact_paragraphs += other.exact_paragraphs;
        self.lost_text += other.lost_text;
        self.pages += other.pages;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn non_ws(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

/// Scores `output` (a reflow of `page.text`) against the page's labels.
pub fn score(page: &Page, output: &str) -> Score {
    let mut s = Score {
        pages: 1,
        ..Score::default()
    };
    if !non_ws(&page.text).eq(non_ws(output)) {
        s.lost_text = 1;
    }
    // Non-whitespace offset at the end of every input line (1-based index).
    let mut ends = vec![0];
    let mut n = 0;
    for line in page.text.split('\n') {
        n += non_ws(line).count();
        ends.push(n);
    }
    let total = n;
    let mut predicted = std::collections::BTreeSet::new();
    let mut m = 0;
    for line in output.split('\n') {
        if !line.trim().is_empty() {
            m += non_ws(line).count();
            predicted.insert(m);
        }
    }
    let mut gold = std::collections::BTreeSet::new();
    let mut points_at = std::collections::BTreeSet::new();
    for &(after, label) in &page.points {
        let pos = ends[after];
        points_at.insert(pos);
        let pred = predicted.contains(&pos);
        if label != Label::Join {
            gold.insert(pos);
        }
        match (label, pred) {
            (Label::Either, _) => {}
            (Label::Break, true) => s.tp += 1,
            (Label::Break, false) => {
                s.fn_ += 1;
                s.errors.push((after, "missed break"));
            }
            (Label::Join, true) => {
                s.fp += 1;
                s.errors.push((after, "false break"));
            }
            (Label::Join, false) => {}
        }
    }
    // Gold paragraphs: the spans between gold breaks (and the ends of the text).
    // One is reproduced exactly when the output breaks at both its ends and at
    // no labelled point inside it.
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(gold.iter().copied().filter(|&p| p > 0 && p < total));
    bounds.push(total);
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        s.gold_paragraphs += 1;
        let starts = a == 0 || predicted.contains(&a);
        let ends_ok = b == total || predicted.contains(&b);
        let inside = points_at.range(a + 1..b).any(|p| predicted.contains(p));
        if starts && ends_ok && !inside {
            s.exact_paragraphs += 1;
        }
    }
    s
}

fn parse_labels(json: &str) -> Vec<(usize, Label)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("labels are JSON");
    v["points"]
        .as_array()
        .expect("labels have points")
        .iter()
        .map(|p| {
            let after = p["after_line"].as_u64().expect("after_line") as usize;
            let label = match p["label"].as_str().expect("label") {
                "join" => Label::Join,
                "break" => Label::Break,
                _ => Label::Either,
            };
            (after, label)
        })
        .collect()
}

/// The corpus directory: `$CJK_REFLOW_CORPUS` when set (and not empty), e.g.
/// pages from `tests/corpus/tools/generate.py --seed N --out DIR`, else this
/// crate's `tests/corpus`.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("CJK_REFLOW_CORPUS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"),
    }
}

/// Every labelled page under `tests/corpus/<split>/`, sorted by split and name.
pub fn load_corpus() -> Vec<Page> {
    let mut pages = Vec::new();
    let Ok(splits) = fs::read_dir(corpus_dir()) else {
        return pages;
    };
    for split in splits.flatten() {
        if !split.path().is_dir() {
            continue;
        }
        let split_name = split.file_name().to_string_lossy().into_owned();
        for entry in fs::read_dir(split.path()).into_iter().flatten().flatten() {
            let path = entry.path();
            let file = entry.file_name().to_string_lossy().into_owned();
            let Some(name) = file.strip_suffix(".labels.json") else {
                continue;
            };
            let text_path = path.with_file_name(format!("{name}.txt"));
            let Ok(text) = fs::read_to_string(&text_path) else {
                continue;
            };
            let json = fs::read_to_string(&path).expect("readable labels");
            pages.push(Page {
                split: split_name.clone(),
                name: name.to_string(),
                path: text_path,
                text,
                points: parse_labels(&json),
            });
        }
    }
    pages.sort_by(|a, b| (&a.split, &a.name).cmp(&(&b.split, &b.name)));
    pages
}

/// `text` as OCR that puts a space between every two wide characters gives
/// it (`据 新 华 社 北 京`): the same breaks, labelled the same, so the
/// corpus checks that spacing changes no decision.
pub fn spaced_out(text: &str) -> String {
    spaced_out_with(text, ' ')
}

/// `text` spaced out as [`spaced_out`] spaces it, with `gap` for the space
/// (some extractors spread a justified line with U+3000).
pub fn spaced_out_with(text: &str, gap: char) -> String {
    let wide = |c: char| unicode_width::UnicodeWidthChar::width(c) == Some(2);
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut last = None;
    for c in text.chars() {
        if last.is_some_and(wide) && wide(c) {
            out.push(gap);
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// `text` with every third non-blank line spaced out as [`spaced_out`]
/// spaces a page (OCR that spaces some lines and not others): the same
/// breaks, labelled the same.
pub fn some_lines_spaced_out(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 5 / 4);
    let mut n = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.trim().is_empty() {
            out.push_str(line);
            continue;
        }
        n += 1;
        if n % 3 == 0 {
            out.push_str(&spaced_out(line));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `text` as OCR that reads full-width punctuation as its ASCII look-alike
/// gives it (`据新华社电,记者从...获悉.`): the same breaks, labelled the same,
/// so the corpus checks that a half-width mark counts as the full-width mark
/// it stands for, in width as in meaning.
pub fn half_width_marks(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '。' => '.',
            '；' => ';',
            '：' => ':',
            '！' => '!',
            '？' => '?',
            c => c,
        })
        .collect()
}

/// `text` with a space after every other non-blank line, as extractors and
/// OCR leave trailing whitespace: the same breaks, labelled the same, so
/// the corpus checks that a trailing space is not read as a word space an
/// extractor cut a printed line at (PyMuPDF leaves one after a word) where
/// it follows a closing mark or a wide character.
pub fn trailing_spaces(text: &str) -> String {
    after_every_other_line(text, " ")
}

/// `text` with a zero-width space (U+200B) after every other non-blank
/// line, as text copied from web pages and word processors carries one:
/// the same breaks, labelled the same, so the corpus checks that a line is
/// read from what prints.
pub fn zero_width_spaces(text: &str) -> String {
    after_every_other_line(text, "\u{200B}")
}

/// `text` with `mark` after every other non-blank line (the second, the
/// fourth, ...).
fn after_every_other_line(text: &str, mark: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut spaced = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        if !line.trim().is_empty() {
            if spaced {
                out.push_str(mark);
            }
            spaced = !spaced;
        }
    }
    out
}

/// `text` with four spaces before every non-blank line, as `pdftotext
/// -layout` sets a page's text off its left edge: the same breaks, labelled
/// the same, so the corpus checks that a margin every line has is read as
/// the page's edge, not as every line's indent.
pub fn with_margin(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.trim().is_empty() {
            out.push_str("    ");
        }
        out.push_str(line);
    }
    out
}

/// The page with every paragraph's first line set in by `indent` (two
/// U+3000, or spaces), as extractors keep the indent of some newspapers'
/// pages (the first line of the page and every line after a break labelled
/// `break`, headlines and bylines too): the same breaks, labelled the same.
pub fn with_kept_indents(page: &mut Page, indent: &str) {
    let mut first_lines = std::collections::HashSet::new();
    for &(after, label) in &page.points {
        if label == Label::Break {
            first_lines.insert(after + 1);
        }
    }
    let mut text = String::with_capacity(page.text.len() + page.text.len() / 8);
    let mut seen_text = false;
    for (i, line) in page.text.split('\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let blank = line.trim().is_empty();
        // After a break the next non-blank line opens the paragraph.
        if blank && first_lines.remove(&(i + 1)) {
            first_lines.insert(i + 2);
        }
        if !blank && (!seen_text || first_lines.contains(&(i + 1))) {
            text.push_str(indent);
        }
        seen_text |= !blank;
        text.push_str(line);
    }
    page.text = text;
}

/// The page as an extractor that sets every printed line in a block of its
/// own gives it (pdfminer with its default layout parameters): the page's
/// own blank lines dropped and one blank line after every line, with the
/// labels moved to the new line numbers.
pub fn double_spaced(page: &mut Page) {
    let mut text = String::with_capacity(page.text.len() + page.text.len() / 8);
    // New 1-based line number of every old one.
    let mut moved = vec![0; page.text.split('\n').count() + 1];
    let mut written = 0;
    for (i, line) in page.text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if written > 0 {
            text.push_str("\n\n");
        }
        text.push_str(line);
        written += 1;
        moved[i + 1] = 2 * written - 1;
    }
    text.push('\n');
    page.text = text;
    for (after, _) in &mut page.points {
        *after = moved[*after];
    }
}

/// The page as the extraction of a book or manual gives it (`pdftotext`
/// writes a form feed before each page's first line): every `every` lines
/// a page ends, and the page furniture between the two pages takes four
/// shapes in turn:
///
/// 1. a folio at the foot (`— 12 —`, `12` or `第 12 页`), then the running
///    title at the top of the next page (`\f用户手册`);
/// 2. a folio at the foot, then the text goes on (`\f…`);
/// 3. the running title and then the folio at the top;
/// 4. the running title with the folio on one line at the top
///    (`\f第 1 章 概述  12`).
///
/// Folios and titles stand alone (labelled `break` on either side); the
/// break point between the lines of text around them is gone.
pub fn paged(page: &mut Page, every: usize) {
    let lines: Vec<&str> = page.text.split('\n').collect();
    let labels: std::collections::HashMap<usize, Label> = page.points.iter().copied().collect();
    let (mut text, mut points) = (String::new(), Vec::new());
    let mut written = 0;
    let mut pages = 0;
    let mut form_feed = false;
    for (i, line) in lines.iter().enumerate() {
        written += 1;
        if std::mem::take(&mut form_feed) {
            text.push('\u{c}');
        }
        text.push_str(line);
        text.push('\n');
        let Some(&label) = labels.get(&(i + 1)) else {
            continue;
        };
        // A page ends only between two lines a label stands between (no
        // blank line there).
        if (i + 1) % every != 0 || !lines.get(i + 1).is_some_and(|l| !l.trim().is_empty()) {
            points.push((written, label));
            continue;
        }
        pages += 1;
        let folio = match pages % 3 {
            0 => format!("— {pages} —"),
            1 => format!("{pages}"),
            _ => format!("第 {pages} 页"),
        };
        let title = "\u{c}用户手册".to_string();
        let furniture = match pages % 4 {
            1 => vec![folio, title],
            2 => {
                form_feed = true;
                vec![folio]
            }
            3 => vec![title, format!("{pages}")],
            _ => vec![format!("\u{c}第 1 章 概述  {pages}")],
        };
        for line in furniture {
            points.push((written, Label::Break));
            text.push_str(&line);
            text.push('\n');
            written += 1;
        }
        points.push((written, Label::Break));
    }
    text.pop();
    page.text = text;
    page.points = points;
}

/// The pages of `pages` as one document, as an extractor gives a whole
/// PDF: each page's text right after the one before (`pdftotext` ends every
/// page with a form feed, which then opens the next page's first line; a
/// page that does not end its last line gets a `\n`). The labels move with
/// their lines, and a page's first line (its masthead) stands apart from
/// the page before.
pub fn bound(pages: &[Page]) -> Page {
    let mut text = String::new();
    let mut points = Vec::new();
    for page in pages {
        // 0-based line of `text` where the page's first line goes.
        let offset = text.matches('\n').count();
        let last_line = text
            .split('\n')
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .last()
            .map(|(i, _)| i + 1);
        if let Some(last_line) = last_line {
            points.push((last_line, Label::Break));
        }
        points.extend(
            page.points
                .iter()
                .map(|&(after, label)| (after + offset, label)),
        );
        text.push_str(&page.text);
        if !page.text.ends_with(['\n', '\u{c}']) {
            text.push('\n');
        }
    }
    Page {
        split: pages[0].split.clone(),
        name: pages[0].name.clone(),
        path: pages[0].path.clone(),
        text,
        points,
    }
}

/// The extractor a page of the corpus was extracted with, from its name
/// (`m01-pdftotext-raw`: `pdftotext-raw`): pages bound into one document
/// come from one extractor.
pub fn extractor(page: &Page) -> &str {
    page.name.split_once('-').map_or("", |(_, kind)| kind)
}

/// The corpus as documents of `n` pages each, every document from one split
/// and one extractor (see [`bound`]).
pub fn bound_documents(mut pages: Vec<Page>, n: usize) -> Vec<Page> {
    pages.sort_by(|a, b| (&a.split, extractor(a), &a.name).cmp(&(&b.split, extractor(b), &b.name)));
    let mut documents = Vec::new();
    let mut start = 0;
    while start < pages.len() {
        let kind = |p: &Page| (p.split.clone(), extractor(p).to_string());
        let mut end = start + 1;
        while end < pages.len() && end - start < n && kind(&pages[end]) == kind(&pages[start]) {
            end += 1;
        }
        documents.push(bound(&pages[start..end]));
        start = end;
    }
    documents
}

/// Baseline: join the lines inside blank-line-separated blocks (Markdown-style).
pub fn baseline_blocks(text: &str) -> String {
    let mut out = String::new();
    let mut block = false;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            if block {
                out.push_str("\n\n");
            }
            block = false;
        } else {
            out.push_str(t);
            block = true;
        }
    }
    out
}

/// Baseline: join unless the line ends with 。！？…” (the common regex recipe).
pub fn baseline_punctuation(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        out.push_str(t);
        if t.ends_with(['。', '！', '？', '…', '”']) {
            out.push_str("\n\n");
        }
    }
    out
}

/// The page's correct reflow, `NAME.expected.txt` beside it, if there is one.
pub fn expected_text(page: &Page) -> Option<String> {
    let path = page
        .path
        .with_file_name(format!("{}.expected.txt", page.name));
    fs::read_to_string(path).ok()
}

/// Column widths (em) and paragraph openings [`rewrapped`] cycles through.
const REWRAP_WIDTHS: [usize; 4] = [12, 16, 22, 30];

/// How [`rewrapped`] opens a paragraph: flush (books and manuals in one wide
/// column), a 2-em indent lost in extraction, or the indent kept as two
/// U+3000.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    Flush,
    Lost,
    Kept,
}

/// The page's correct reflow (`NAME.expected.txt`, real prose) hard-wrapped
/// anew, as `tests/corpus/tools/wrap_prose.py` wraps `wrapped/`: at a column
/// of 12, 16, 22 or 30 em and with flush, lost or kept openings, in turn by
/// `index` (three openings for each width), labels by construction. So the
/// corpus's prose is read as a book or a word processor would wrap it, at
/// widths and openings its own page was not set at. `false` (the page is
/// left as it was) when there is no expected text.
pub fn rewrapped(page: &mut Page, index: usize) -> bool {
    rewrapped_at(
        page,
        index,
        REWRAP_WIDTHS[(index / 3) % REWRAP_WIDTHS.len()],
    )
}

/// [`rewrapped`] at a column of `width` em (openings in turn by `index`).
pub fn rewrapped_at(page: &mut Page, index: usize, width: usize) -> bool {
    let Some(expected) = expected_text(page) else {
        return false;
    };
    let opening = [Opening::Flush, Opening::Lost, Opening::Kept][index % 3];
    let column = 2 * width;
    let (mut text, mut points, mut lines) = (String::new(), Vec::new(), 0);
    for paragraph in expected.lines().map(str::trim).filter(|p| !p.is_empty()) {
        let body = if is_prose(paragraph) {
            let first_short = if opening == Opening::Flush { 0 } else { 4 };
            let mut body = wrap(paragraph, column, first_short);
            if opening == Opening::Kept {
                body[0].insert_str(0, "\u{3000}\u{3000}");
            }
            body
        } else {
            vec![paragraph.to_string()]
        };
        for (k, line) in body.iter().enumerate() {
            if lines > 0 {
                let label = if k > 0 { Label::Join } else { Label::Break };
                points.push((lines, label));
            }
            text.push_str(line);
            text.push('\n');
            lines += 1;
        }
    }
    page.text = text;
    page.points = points;
    true
}

/// A paragraph of prose (wrapped), not a heading or byline (set alone).
fn is_prose(paragraph: &str) -> bool {
    paragraph.chars().count() >= 20
        && paragraph.ends_with(['。', '！', '？', '…', '”', '」', '』', '）'])
}

/// Lines of `paragraph` wrapped at `column` half-em, the first line
/// `first_short` half-em shorter: a break between two wide characters, at a
/// space, or between a wide character and a Latin word (a run of ASCII
/// letters, digits and path punctuation is never split); a closing or pause
/// mark never starts a line (it hangs up to 1 em past the column), an
/// opening mark never ends one.
fn wrap(paragraph: &str, column: usize, first_short: usize) -> Vec<String> {
    const NO_START: &str = "，。、；：？！）」』”’》】〕…,.;:?!)";
    const NO_END: &str = "（「『“‘《【〔(";
    let word = |c: char| c.is_ascii_alphanumeric() || "_./:-~+#@%&=*'\"".contains(c);
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| {
                unicode_width::UnicodeWidthChar::width(c)
                    .unwrap_or(0)
                    .max(1)
            })
            .sum()
    };
    // Unbreakable tokens: a run of word characters, or one other character.
    let mut tokens: Vec<&str> = Vec::new();
    let mut rest = paragraph;
    while let Some(c) = rest.chars().next() {
        let len = if word(c) {
            rest.find(|c: char| !word(c)).unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        tokens.push(&rest[..len]);
        rest = &rest[len..];
    }
    let (mut lines, mut current, mut current_width) = (Vec::new(), Vec::<&str>::new(), first_short);
    for token in tokens {
        let w = width(token);
        if token == " " && current.is_empty() {
            continue;
        }
        let fits = current_width + w <= column;
        let hangs = token.starts_with(|c| NO_START.contains(c)) && current_width + w <= column + 2;
        if !current.is_empty() && !fits && !hangs {
            let mut carried = Vec::new();
            while current.last().is_some_and(|t| NO_END.contains(t)) {
                carried.insert(0, current.pop().expect("a last token"));
            }
            lines.push(current.concat().trim_end_matches(' ').to_string());
            current = carried;
            current_width = current.iter().map(|t| width(t)).sum();
            if token == " " {
                continue;
            }
        }
        current.push(token);
        current_width += w;
    }
    if !current.is_empty() {
        lines.push(current.concat().trim_end_matches(' ').to_string());
    }
    lines.retain(|line| !line.is_empty());
    lines
}

//! Regression guards on the labelled corpus (`tests/corpus/`, see its README):
//! no page loses text, flowing text comes back unchanged, and each split's
//! break F1 stays at or above the figure it was measured at.
//!
//! The floors are today's measurements (`cargo run --release --example eval`)
//! rounded down, not the targets: raise them as the heuristics improve.

#[path = "eval/mod.rs"]
mod eval;

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// `(split, F1 floor)`.
const FLOORS: &[(&str, f64)] = &[
    ("flowing", 0.99),
    ("flowing-tight", 0.99),
    ("mixed", 0.98),
    // (0.961 -> 0.9598 in stop 32: a line that opens with `的`, now joined
    // to a caption's line, let the rule for short lines that stop mid-word
    // join it on to an OCR'd byline, `口叶英`.)
    ("ocr", 0.959),
    ("pdfminer", 0.985),
    ("pdftotext", 0.98),
    ("pdftotext-raw", 0.98),
    ("pymupdf", 0.98),
    ("sample", 0.99),
    ("traditional", 0.98),
    // The flowing pages' prose hard-wrapped with flush, lost and kept
    // indents (`tools/wrap_prose.py`).
    ("wrapped", 0.98),
    // The flowing pages' prose as HTML, dumped by w3m and lynx
    // (`tools/render_text.py`).
    ("rendered", 0.99),
    // Held out: typeset by XeLaTeX + xeCJK, never tuned on (see the corpus README).
    ("xelatex", 0.92),
    // The development split typeset the same way (prose from the Chromium splits).
    ("xelatex-dev", 0.96),
    // Printed by WeasyPrint (PyMuPDF, pdfminer): lines of one space, spread
    // word spaces.
    ("weasyprint", 0.98),
    // Books and manuals (`tools/generate_book.py`): one column of 24-40 em,
    // paragraphs set flush with or without a gap, or indented; running
    // heads and folios. Where a paragraph's last line nearly fills the
    // column and nothing is indented, no width tells its end.
    ("book", 0.95),
];

#[test]
fn no_page_loses_text_and_every_split_holds_its_f1() {
    let pages = eval::load_corpus();
    assert!(pages.len() >= 150, "corpus missing: {} pages", pages.len());
    let mut splits: BTreeMap<&str, eval::Score> = BTreeMap::new();
    let mut lost = Vec::new();
    for page in &pages {
        let out = cjk_reflow::reflow(&page.text);
        let score = eval::score(page, &out);
        if score.lost_text > 0 {
            lost.push(format!("{}/{}", page.split, page.name));
        }
        splits.entry(&page.split).or_default().add(&score);
    }
    assert!(lost.is_empty(), "text lost on {lost:?}");
    let mut failures = Vec::new();
    for &(split, floor) in FLOORS {
        let score = splits
            .get(split)
            .unwrap_or_else(|| panic!("no pages in split {split}"));
        if score.f1() < floor {
            failures.push(format!("{split}: F1 {:.3} < {floor}", score.f1()));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

/// Every page transformed by `transform` and reflowed: no text lost, the
/// output a fixed point; the scores per split.
fn score_transformed(transform: impl Fn(&mut eval::Page)) -> BTreeMap<String, eval::Score> {
    let mut splits: BTreeMap<String, eval::Score> = BTreeMap::new();
    for mut page in eval::load_corpus() {
        transform(&mut page);
        let out = cjk_reflow::reflow(&page.text);
        let score = eval::score(&page, &out);
        let name = format!("{}/{}", page.split, page.name);
        assert_eq!(score.lost_text, 0, "{name}");
        assert_eq!(cjk_reflow::reflow(&out), out, "{name}");
        splits.entry(page.split).or_default().add(&score);
    }
    splits
}

/// The scores of the pages as extracted, per split: scored once for the
/// checks that compare a transform with them.
fn as_extracted() -> &'static BTreeMap<String, eval::Score> {
    static SCORES: OnceLock<BTreeMap<String, eval::Score>> = OnceLock::new();
    SCORES.get_or_init(|| score_transformed(|_| {}))
}

/// Wrong decisions summed over every split.
fn wrong(splits: &BTreeMap<String, eval::Score>) -> usize {
    splits.values().map(eval::Score::wrong).sum()
}

/// [`wrong`] on the newspaper pages only: every split but the books', whose
/// paragraphs may open flush (no indent to keep or to lose).
fn wrong_on_newspapers(splits: &BTreeMap<String, eval::Score>) -> usize {
    wrong(splits) - splits.get("book").map_or(0, eval::Score::wrong)
}

/// The pages whose break decisions in `a(page)` and `b(page)` differ (in
/// how many), for two spellings of the same lines: `split/name: count`.
fn decisions_differ(
    skip: impl Fn(&eval::Page) -> bool,
    a: impl Fn(&eval::Page) -> String,
    b: impl Fn(&eval::Page) -> String,
) -> Vec<String> {
    let reflower = cjk_reflow::Reflower::default();
    let joins = |text: &str| -> Vec<bool> {
        let points = reflower.break_points(text);
        points.iter().map(|p| p.action.is_join()).collect()
    };
    let mut differ = Vec::new();
    for page in eval::load_corpus().iter().filter(|page| !skip(page)) {
        let (first, second) = (joins(&a(page)), joins(&b(page)));
        assert_eq!(first.len(), second.len());
        let wrong = first.iter().zip(&second).filter(|(x, y)| x != y).count();
        if wrong > 0 {
            differ.push(format!("{}/{}: {wrong}", page.split, page.name));
        }
    }
    differ
}

/// The pages whose break decisions change when every page is spelled as
/// `respell` spells it (see [`decisions_differ`]).
fn decisions_changed_by(respell: impl Fn(&eval::Page) -> String) -> Vec<String> {
    decisions_differ(|_| false, |page| page.text.clone(), respell)
}

/// The splits whose F1 is below `floor(split)` (none for a split without one).
fn below_floors(
    splits: &BTreeMap<String, eval::Score>,
    floor: impl Fn(&str) -> Option<f64>,
) -> Vec<String> {
    splits
        .iter()
        .filter_map(|(split, score)| {
            let floor = floor(split)?;
            (score.f1() < floor).then(|| format!("{split}: F1 {:.3} < {floor:.3}", score.f1()))
        })
        .collect()
}

/// Today's floor of `split` less 0.01.
fn near_floor(split: &str) -> Option<f64> {
    FLOORS
        .iter()
        .find(|(s, _)| *s == split)
        .map(|&(_, floor)| floor - 0.01)
}

#[test]
fn spaced_out_pages_hold_nearly_the_same_f1() {
    // OCR often spaces out every line (`据 新 华 社`); the same pages spaced
    // out that way keep every split within 0.01 of its floor. So do pages
    // spread with U+3000, as some extractors spread a justified line (the
    // spacing was once read as text: 694 wrong decisions on the development
    // splits, 298 spread with spaces; now 316).
    for gap in [' ', '\u{3000}'] {
        let splits = score_transformed(|page| page.text = eval::spaced_out_with(&page.text, gap));
        let failures = below_floors(&splits, near_floor);
        assert!(failures.is_empty(), "{gap:?}: {failures:?}");
    }
}

#[test]
fn lines_spaced_out_here_and_there_are_judged_by_their_width() {
    // OCR may space out some lines and not others. A spaced line was taken
    // for a line justification stretched to the column, and so full; but a
    // paragraph's last line is not justified: one that ends a sentence (or
    // a quote) is judged by its width, unless a word or number opens the
    // line after and did not fit (with a word space to spare); and a first
    // line short by its lost indent after it opens a paragraph, unless a
    // word or number that did not fit explains its shortness. A spread
    // line well short of the column before a line that is not (and is no
    // glyph of a stretched line) was spread by OCR too: a heading; and so
    // is any spread line too short to have been stretched for what did not
    // fit on it (`layout::fit`). With every third line spaced out the
    // corpus made 1,527 wrong decisions, the sample page 4 (399 and 0 as
    // extracted); then 938 and 1; then 587 and 0; 572 and 0 at stop 25's
    // end (384 as extracted), 527 and 0 (374); 616 and 0 at stop 34's start
    // (448, the held-out and book splits in), 605 and 0 (434) at its end:
    // the spaced pages gain a little less from the stop's rules than the
    // pages as extracted; 600 and 0 (425) with stop 35's compressed
    // brackets, 587 and 0 (414) at its end; 585 and 0 (412) at stop 38's
    // start, 521 and 0 (411) once a spread line counted as stretched only
    // within half an em past the next line's first chunk, and one that ends
    // a sentence within an em of the column as set as spaced by OCR.
    let plain = as_extracted();
    let some = score_transformed(|page| page.text = eval::some_lines_spaced_out(&page.text));
    assert_eq!(some["sample"].wrong(), 0);
    // (The book split, added in stop 30, makes 11 more of them.)
    assert!(
        wrong(&some) <= wrong(plain) + 120,
        "{} wrong with some lines spaced out, {} as extracted",
        wrong(&some),
        wrong(plain)
    );
}

#[test]
fn half_width_marks_read_as_the_marks_they_stand_for() {
    // OCR reads `，。；：！？` as `,.;:!?`; right after a wide character they
    // are measured as the full-width marks they stand for, so every split
    // stays within 0.01 of its floor (pdftotext fell to 0.966 when they
    // were measured half an em wide).
    let splits = score_transformed(|page| page.text = eval::half_width_marks(&page.text));
    let failures = below_floors(&splits, near_floor);
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn trailing_spaces_are_not_word_spaces() {
    // Extractors and OCR leave a space after some lines; after a closing
    // mark (`好” `) it was read as a word space PyMuPDF left where it cut a
    // printed line, and the sample page's subheads ran on into the text
    // (all splits: 399 wrong decisions without the spaces, 413 with them,
    // the sample page 3; now 400 and 0). The sample page is decided as
    // without the spaces, the corpus within 6 wrong decisions of it.
    let plain = as_extracted();
    let spaced = score_transformed(|page| page.text = eval::trailing_spaces(&page.text));
    assert_eq!(spaced["sample"].wrong(), plain["sample"].wrong());
    assert!(
        wrong(&spaced) <= wrong(plain) + 6,
        "{} wrong with trailing spaces, {} without",
        wrong(&spaced),
        wrong(plain)
    );
}

#[test]
fn a_dash_spelled_with_other_code_points_changes_no_decision() {
    // Chinese text spells the dash `——` also with horizontal bars or with
    // box drawing's light rule (Big5-era text above all); the rule once made
    // every line with such a dash a table's row, kept as it came (the
    // corpus went from 284 wrong decisions to 334).
    for dash in ["――", "──"] {
        let differ = decisions_changed_by(|page| page.text.replace("——", dash));
        assert!(differ.is_empty(), "{dash}: {differ:?}");
    }
}

#[test]
fn zero_width_spaces_at_line_ends_change_no_decision() {
    // Text from web pages and word processors carries invisible format
    // characters, at a line's end too: a line is read from what prints
    // (a U+200B after every other line once made 2,112 wrong decisions,
    // the sample page 14; 399 and 0 without).
    let differ = decisions_changed_by(|page| eval::zero_width_spaces(&page.text));
    assert!(differ.is_empty(), "{differ:?}");
}

#[test]
fn a_margin_before_every_line_changes_no_decision() {
    // `pdftotext -layout` sets a page's text off its left edge: four spaces
    // before every line are the section's margin, not every line's indent
    // (read as indents, with the ASCII lines read as code, the corpus went
    // from 399 wrong decisions to 802).
    let differ = decisions_changed_by(|page| eval::with_margin(&page.text));
    assert!(differ.is_empty(), "{differ:?}");
}

#[test]
fn kept_indents_open_paragraphs() {
    // Some newspapers' pages keep their indents through extraction
    // (`　　` before every first line): an indented line opens a paragraph
    // even after a line indented as much, as a subhead set in like the
    // paragraphs is (the sample page's five subheads ran on into the text).
    // The corpus makes 180 wrong decisions that way, 399 without indents
    // (187 and 374 since the column vote's window is 9 lines).
    let plain = as_extracted();
    let indented = score_transformed(|page| eval::with_kept_indents(page, "\u{3000}\u{3000}"));
    assert_eq!(indented["sample"].wrong(), 0);
    assert!(
        2 * wrong_on_newspapers(&indented) <= wrong_on_newspapers(plain),
        "{} wrong with kept indents, {} without",
        wrong_on_newspapers(&indented),
        wrong_on_newspapers(plain)
    );
    // Set in by spaces, as `pdftotext -layout` keeps them, a paragraph that
    // opens with a word of ASCII (`    Linux`, `    ln -s …`) was read as
    // code: 222 wrong decisions against 180; then 192. (Stop 38: 215
    // against 185 once a first line set in by U+3000 and spread at its word
    // spaces by pdfminer was read as prose, 203 before, not as a table's
    // row; one set in by ASCII spaces may be either. Then 186 against 159
    // once the lines after blank lines told the openings too.)
    assert!(
        wrong(&indented) <= 165,
        "{} wrong with U+3000",
        wrong(&indented)
    );
    let spaces = score_transformed(|page| eval::with_kept_indents(page, "    "));
    assert!(
        wrong(&spaces) <= wrong(&indented) + 35,
        "{} wrong with indents of spaces, {} with U+3000",
        wrong(&spaces),
        wrong(&indented)
    );
}

/// `(split, F1 floor)` for the pages double-spaced (see
/// [`double_spaced_pages_are_decided_like_pages_without_blank_lines`]); a
/// split not listed: 0.97.
const DOUBLE_SPACED_FLOORS: &[(&str, f64)] = &[
    ("flowing", 0.99),
    ("flowing-tight", 0.99),
    ("mixed", 0.97),
    ("ocr", 0.94),
    ("sample", 0.955),
    ("wrapped", 0.97),
    // A renderer's paragraphs are told apart by their blank lines alone
    // (no indent, no column a last line falls short of): with a blank line
    // after every line, only sentence ends are left to go by.
    ("rendered", 0.85),
    ("xelatex", 0.895),
    ("xelatex-dev", 0.95),
    // Double-spaced, one book page (36 em, pieces cut at its quotes, Latin
    // words that measure its lines from 33 to 38.5 em) is not read as
    // double-spaced (see the test below).
    ("book", 0.885),
];

#[test]
fn double_spaced_pages_are_decided_like_pages_without_blank_lines() {
    // An extractor that puts every printed line in a block of its own
    // (pdfminer with its default layout parameters) writes a blank line
    // after every line. Those blank lines are line spacing: the pages are
    // decided as the same pages with no blank lines (F1 was 0.30 to 0.45
    // when they were read as flowing text).
    let splits = score_transformed(eval::double_spaced);
    let failures = below_floors(&splits, |split| {
        let listed = DOUBLE_SPACED_FLOORS.iter().find(|(s, _)| *s == split);
        Some(listed.map_or(0.97, |&(_, floor)| floor))
    });
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn double_spaced_pages_get_the_decisions_of_the_same_pages_single_spaced() {
    // Every step reads a double-spaced section as if its blank lines were
    // not there: the column vote, the openings and the printed-line program
    // too (which saw a blank line between every two pieces, and kept every
    // piece of the xelatex pages apart: F1 0.862 against 0.954).
    let non_blank = |page: &eval::Page, separator: &str| -> String {
        let lines: Vec<&str> = page.text.lines().filter(|l| !l.trim().is_empty()).collect();
        lines.join(separator)
    };
    // A renderer's short paragraphs, each line a block of its own, are not
    // told from flowing text (see `DOUBLE_SPACED_FLOORS`); nor one book's
    // page whose lines, cut before quotes and measured with Latin words,
    // fill no 2-em band of widths (`b07`, all but its `-raw` text).
    let differ = decisions_differ(
        |page| page.split == "rendered" || page.split == "book" && page.name.starts_with("b07-"),
        |page| non_blank(page, "\n"),
        |page| non_blank(page, "\n\n"),
    );
    assert!(differ.is_empty(), "{differ:?}");
}

#[test]
fn paged_pages_keep_folios_and_running_titles_apart() {
    // A book's or manual's extraction carries a folio and a running title
    // between its pages: they stand alone, and the text around them is
    // decided as before (every split within 0.01 of its floor; F1 was 0.85
    // to 0.90 when folios were glued to the text).
    let splits = score_transformed(|page| eval::paged(page, 30));
    let failures = below_floors(&splits, near_floor);
    assert!(failures.is_empty(), "{failures:?}");
    // A running title before a line that goes on from the page before
    // with a comma stood alone only until settling read the output, which
    // had dropped its form feed: 473 wrong decisions then (384 as
    // extracted), 457 with the form feed kept. (The book split, added in
    // stop 30, makes 21 more of them: its pages are paged already, and the
    // transform adds folios and titles of its own between them.)
    let plain = as_extracted();
    assert!(
        wrong(&splits) <= wrong(plain) + 90,
        "{} wrong paged, {} as extracted",
        wrong(&splits),
        wrong(plain)
    );
}

#[test]
fn pages_bound_into_documents_are_decided_as_pages() {
    // Users extract whole PDFs: pages of one extractor, six to a document
    // (`pdftotext` opens each page with a form feed), keep every split at
    // its floor. Pages of one document may be set differently (some of the
    // XeLaTeX pages compress their punctuation and some do not; one
    // pdftotext page reads as a renderer's): each long page is read alone
    // (xelatex-dev was 0.917 and pdftotext 0.979 when the document was read
    // whole, 0.915 and 0.983 three to a document). The `wrapped` pages are left
    // out: each of them is wrapped its own way (flush, lost or kept
    // indents), which no one document mixes. So are the `book` pages: each
    // is a document of several pages already, at its own measure and
    // paragraph style.
    let mut splits: BTreeMap<String, eval::Score> = BTreeMap::new();
    let pages = eval::load_corpus()
        .into_iter()
        .filter(|page| page.split != "wrapped" && page.split != "book")
        .collect();
    for document in eval::bound_documents(pages, 6) {
        let out = cjk_reflow::reflow(&document.text);
        let score = eval::score(&document, &out);
        assert_eq!(score.lost_text, 0, "{}/{}", document.split, document.name);
        assert_eq!(cjk_reflow::reflow(&out), out, "{}", document.name);
        splits.entry(document.split).or_default().add(&score);
    }
    let failures = below_floors(&splits, |split| {
        FLOORS
            .iter()
            .find(|(s, _)| *s == split)
            .map(|&(_, floor)| floor)
    });
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn flowing_pages_come_back_unchanged() {
    for page in eval::load_corpus()
        .iter()
        .filter(|p| p.split == "flowing" || p.split == "flowing-tight")
    {
        assert_eq!(
            cjk_reflow::reflow(&page.text),
            page.text,
            "{}/{}",
            page.split,
            page.name
        );
    }
}

#[test]
fn every_page_is_a_fixed_point_after_one_reflow() {
    for page in eval::load_corpus() {
        let once = cjk_reflow::reflow(&page.text);
        assert_eq!(
            cjk_reflow::reflow(&once),
            once,
            "{}/{}",
            page.split,
            page.name
        );
    }
}

/// Asserts that every page's expected text, read through `form`, comes back
/// from `reflow` as it went in (`what` names the form in the message).
fn assert_expected_texts_come_back(form: impl Fn(&str) -> String, what: &str) {
    let mut changed = Vec::new();
    let mut total = 0;
    for page in eval::load_corpus() {
        if let Some(expected) = eval::expected_text(&page) {
            total += 1;
            let text = form(&expected);
            if cjk_reflow::reflow(&text) != text {
                changed.push(format!("{}/{}", page.split, page.name));
            }
        }
    }
    assert!(total > 100);
    assert!(
        changed.is_empty(),
        "{} of {total} expected texts{what} changed: {changed:?}",
        changed.len()
    );
}

#[test]
fn expected_texts_come_back_unchanged() {
    assert_expected_texts_come_back(str::to_string, "");
}

/// Every page's expected text run together (its blank lines removed: one
/// paragraph per line, as books, web pages and text renderers give flowing
/// text) comes back unchanged too: its lines, headings and list items among
/// them, are paragraphs, however wide some happen to be, and stray glyphs
/// among them are no stretched line's (59 pages changed before flowing
/// text was told apart).
#[test]
fn expected_texts_run_together_come_back_unchanged() {
    let run_together = |expected: &str| {
        expected
            .lines()
            .filter(|line| !line.trim().is_empty())
            .flat_map(|line| [line, "\n"])
            .collect()
    };
    assert_expected_texts_come_back(run_together, " run together");
}

/// Every page's correct reflow hard-wrapped anew (see [`eval::rewrapped`]:
/// 12 to 30 em, flush, lost or kept openings, labels by construction), as
/// books, manuals and word processors wrap prose: over all of them, F1 at
/// least 0.958 (0.961 when the floor was set). Flush openings are the hard
/// part: a paragraph whose last line fills the column looks like any full
/// line there.
#[test]
fn rewrapped_prose_holds_its_f1() {
    let total = rewrapped_score(eval::rewrapped);
    assert!(total.pages > 100, "{} pages", total.pages);
    assert_f1_at_least(&total, 0.958);
}

#[test]
fn prose_rewrapped_at_a_manuals_measure_is_not_read_as_flowing_text() {
    // At 40 em most paragraphs take a line or two, so most lines end a
    // sentence, as flowing text's do; their other lines fill the column
    // (F1 was 0.9499, 816 wrong, when such pages were read as flowing text;
    // 0.9593 now).
    let total = rewrapped_score(|page, index| eval::rewrapped_at(page, index, 40));
    assert_f1_at_least(&total, 0.957);
}

#[track_caller]
fn assert_f1_at_least(total: &eval::Score, floor: f64) {
    assert!(
        total.f1() >= floor,
        "F1 {:.4} over {} rewrapped pages ({} wrong)",
        total.f1(),
        total.pages,
        total.wrong()
    );
}

/// Every page with an expected text, rewrapped by `rewrap` (see
/// `eval::rewrapped`) and reflowed: no text lost, the output a fixed point;
/// the scores summed.
fn rewrapped_score(rewrap: impl Fn(&mut eval::Page, usize) -> bool) -> eval::Score {
    let mut total = eval::Score::default();
    for (index, mut page) in eval::load_corpus().into_iter().enumerate() {
        if !rewrap(&mut page, index) {
            continue;
        }
        let out = cjk_reflow::reflow(&page.text);
        let score = eval::score(&page, &out);
        let name = format!("{}/{}", page.split, page.name);
        assert_eq!(score.lost_text, 0, "{name}");
        assert_eq!(cjk_reflow::reflow(&out), out, "{name}");
        total.add(&score);
    }
    total
}

#[test]
fn streaming_matches_reflow_on_every_page() {
    let r = cjk_reflow::Reflower::default();
    let mut all = String::new();
    // The pages as they are, spaced out, double-spaced and paged.
    let pages = eval::load_corpus().into_iter().flat_map(|page| {
        let mut spaced = page.clone();
        spaced.text = eval::spaced_out(&spaced.text);
        let mut double = page.clone();
        eval::double_spaced(&mut double);
        let mut paged = page.clone();
        eval::paged(&mut paged, 30);
        [page, spaced, double, paged]
    });
    for page in pages {
        let mut out = Vec::new();
        r.reflow_stream(page.text.as_bytes(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r.reflow(&page.text),
            "{}/{}",
            page.split,
            page.name
        );
        all.push_str(&page.text);
        all.push_str("\n\n\n");
    }
    assert_eq!(r.reflow(&all), cjk_reflow::stages::reflow_whole(&all, &r));
    // And the whole corpus as one stream of sections, read a little at a time.
    let mut out = Vec::new();
    let input = std::io::BufReader::with_capacity(8192, all.as_bytes());
    r.reflow_stream(input, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), r.reflow(&all));
}

//! The bundled newspaper page: a real extracted page with every break labelled.

#[path = "eval/mod.rs"]
mod eval;

use std::fs;

const PAGE: &str = include_str!("corpus/sample/newspaper-page.txt");
const EXPECTED: &str = include_str!("corpus/sample/newspaper-page.expected.txt");

fn sample() -> eval::Page {
    eval::load_corpus()
        .into_iter()
        .find(|p| p.split == "sample" && p.name == "newspaper-page")
        .expect("the sample page is in tests/corpus/sample")
}

#[test]
fn at_most_one_wrong_decision_and_no_text_lost() {
    let page = sample();
    assert_eq!(page.points.len(), 514, "the labels file is the whole page");
    assert_at_most_one_wrong(&page);
}

/// Reflows `page`: no text lost, at most one wrong break decision.
#[track_caller]
fn assert_at_most_one_wrong(page: &eval::Page) {
    let out = cjk_reflow::reflow(&page.text);
    let score = eval::score(page, &out);
    assert_eq!(score.lost_text, 0, "text was lost or changed");
    assert!(
        score.wrong() <= 1,
        "{} wrong decisions (at most 1 allowed): {:?}",
        score.wrong(),
        score.errors
    );
}

#[test]
fn spaced_out_page_is_decided_like_the_page() {
    // When nearly every line is spaced out, spacing no longer tells a
    // justified line stretched to the column: headings stay headings.
    let mut page = sample();
    page.text = eval::spaced_out(&page.text);
    assert_at_most_one_wrong(&page);
}

#[test]
fn output_is_one_paragraph_per_line_with_blank_separators() {
    let out = cjk_reflow::reflow(PAGE);
    assert!(out.ends_with('\n') && !out.ends_with("\n\n"));
    assert!(!out.contains("\n\n\n"));
    for (i, para) in out.trim_end().split("\n\n").enumerate() {
        assert!(
            !para.is_empty() && !para.contains('\n'),
            "paragraph {i}: {para:?}"
        );
    }
    // Differences from the expected text may only be at `either` points: the
    // two agree on everything else, paragraph for paragraph.
    let ours: Vec<&str> = out.trim_end().split("\n\n").collect();
    let expected: Vec<&str> = EXPECTED.trim_end().split("\n\n").collect();
    assert!(
        ours.len().abs_diff(expected.len()) <= 3,
        "{} vs {} paragraphs",
        ours.len(),
        expected.len()
    );
}

#[test]
fn expected_output_comes_back_unchanged() {
    assert_eq!(cjk_reflow::reflow(EXPECTED), EXPECTED);
}

#[test]
fn reflowing_twice_changes_nothing() {
    let once = cjk_reflow::reflow(PAGE);
    assert_eq!(cjk_reflow::reflow(&once), once);
}

#[test]
fn fixture_matches_the_shared_corpus_when_present() {
    // The repository carries its own copy; when the shared corpus sits beside
    // the checkout, make sure the copy has not drifted from it.
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/newspaper-page.txt");
    if let Ok(text) = fs::read_to_string(shared) {
        assert_eq!(text, PAGE);
    }
}

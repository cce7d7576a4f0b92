//! The project's evaluation report: per corpus split, the break precision,
//! recall and F1 of cjk-reflow and of two baselines, and the share of
//! ground-truth paragraphs reproduced exactly.
//!
//! Run `cargo run --release --example eval` (add `-v` to list every wrong
//! decision with its reason, `--spaced` to space out every page as OCR may,
//! between every two wide characters (`--some-spaced`: every third line;
//! `--spaced-ideographic`: with U+3000, as some extractors spread a line),
//! `--double-spaced` to put a blank line
//! after every line as pdfminer's default layout parameters may, `--paged` to
//! break every page into pages with folios and running titles, as the
//! extraction of a book gives it, `--half-width` to read every full-width
//! `，。；：！？` as its ASCII look-alike, as OCR may, `--trailing-spaces` to
//! put a space after every other line, as extractors and OCR may,
//! `--zero-width` to put a zero-width space (U+200B) there, as text from web
//! pages and word processors may, `--margin`
//! to put four spaces before every line, as `pdftotext -layout` may,
//! `--kept-indents` to set every paragraph's first line in by two U+3000, as
//! extractors keep some pages' indents (`--kept-space-indents`: by four
//! spaces), `--rewrapped` to read
//! every page's correct reflow hard-wrapped anew at 12, 16, 22 or 30 em with
//! flush, lost or kept paragraph openings, as books and word processors wrap
//! prose, `--bound=N` to bind the pages of each split and extractor into
//! documents of N pages, as the extraction of a whole PDF gives them,
//! `--by-extractor` to report each extractor of a split that holds several
//! (`book/pdftotext-raw`, `traditional/ocr`) on a row of its own, or a
//! split name to restrict the report).
//!
//! The pages are read from `tests/corpus/`, or from the directory in the
//! environment variable `CJK_REFLOW_CORPUS` when it is set: e.g. a corpus made
//! by the same generator with another seed, for a generalization check
//! (`python3 tests/corpus/tools/generate.py --seed 20261127 --out /tmp/fresh-corpus`,
//! then `CJK_REFLOW_CORPUS=/tmp/fresh-corpus cargo run --release --example eval`).
//! The tests read the variable too, but their floors only hold on `tests/corpus/`.

#[path = "../tests/eval/mod.rs"]
mod eval;

use std::collections::BTreeMap;

use eval::{baseline_blocks, baseline_punctuation, load_corpus, score, Score};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let spaced = args.iter().any(|a| a == "--spaced");
    let spaced_ideographic = args.iter().any(|a| a == "--spaced-ideographic");
    let some_spaced = args.iter().any(|a| a == "--some-spaced");
    let double_spaced = args.iter().any(|a| a == "--double-spaced");
    let paged = args.iter().any(|a| a == "--paged");
    let half_width = args.iter().any(|a| a == "--half-width");
    let trailing_spaces = args.iter().any(|a| a == "--trailing-spaces");
    let zero_width = args.iter().any(|a| a == "--zero-width");
    let margin = args.iter().any(|a| a == "--margin");
    let kept_indents = args.iter().any(|a| a == "--kept-indents");
    let kept_space_indents = args.iter().any(|a| a == "--kept-space-indents");
    let rewrap = args.iter().any(|a| a == "--rewrapped");
    let by_extractor = args.iter().any(|a| a == "--by-extractor");
    let bound = args
        .iter()
        .find_map(|a| a.strip_prefix("--bound="))
        .map(|n| n.parse::<usize>().expect("--bound=N"));
    let only: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let reflower = cjk_reflow::Reflower::default();
    let mut table: BTreeMap<String, [Score; 3]> = BTreeMap::new();
    let mut corpus = load_corpus();
    if let Some(n) = bound {
        corpus = eval::bound_documents(corpus, n);
    }
    for (index, mut page) in corpus.into_iter().enumerate() {
        if rewrap && !eval::rewrapped(&mut page, index) {
            continue;
        }
        if spaced {
            page.text = eval::spaced_out(&page.text);
        }
        if spaced_ideographic {
            page.text = eval::spaced_out_with(&page.text, '\u{3000}');
        }
        if some_spaced {
            page.text = eval::some_lines_spaced_out(&page.text);
        }
        if double_spaced {
            eval::double_spaced(&mut page);
        }
        if paged {
            eval::paged(&mut page, 30);
        }
        if half_width {
            page.text = eval::half_width_marks(&page.text);
        }
        if trailing_spaces {
            page.text = eval::trailing_spaces(&page.text);
        }
        if zero_width {
            page.text = eval::zero_width_spaces(&page.text);
        }
        if margin {
            page.text = eval::with_margin(&page.text);
        }
        if kept_indents {
            eval::with_kept_indents(&mut page, "\u{3000}\u{3000}");
        }
        if kept_space_indents {
            eval::with_kept_indents(&mut page, "    ");
        }
        if !only.is_empty() && !only.iter().any(|s| **s == page.split || **s == page.name) {
            continue;
        }
        let ours = score(&page, &reflower.reflow(&page.text));
        if verbose && (!ours.errors.is_empty() || ours.lost_text > 0) {
            let points = reflower.break_points(&page.text);
            let lines: Vec<&str> = page.text.split('\n').collect();
            println!(
                "{}/{}: {} wrong{}",
                page.split,
                page.name,
                ours.wrong(),
                if ours.lost_text > 0 {
                    ", TEXT LOST"
                } else {
                    ""
                }
            );
            for (after, kind) in &ours.errors {
                let why = points
                    .iter()
                    .find(|p| p.line + 1 == *after)
                    .map_or(String::new(), |p| {
                        format!(
                            "[{} w{} col{:?}: {}]",
                            p.action, p.width_em, p.column_em, p.reason
                        )
                    });
                println!("  {kind} after line {after} {:?} {why}", lines[after - 1]);
            }
        }
        // A page named `NAME-EXTRACTOR` (`b01-pdftotext-raw`) in a split of
        // several extractors.
        let row = match page.name.split_once('-').filter(|_| by_extractor) {
            Some((_, extractor)) => format!("{}/{extractor}", page.split),
            None => page.split.clone(),
        };
        let row = table.entry(row).or_default();
        row[0].add(&ours);
        row[1].add(&score(&page, &baseline_blocks(&page.text)));
        row[2].add(&score(&page, &baseline_punctuation(&page.text)));
    }
    let width = table
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0)
        .max(14);
    println!(
        "{:<width$} {:>5} | {:>26} | {:>20} | {:>20}",
        "split", "pages", "cjk-reflow F1 (P/R) exact", "blank-line blocks", "punctuation rule"
    );
    for (split, [ours, blocks, punct]) in &table {
        println!(
            "{:<width$} {:>5} | {:.3} ({:.3}/{:.3}) {:>5.1}% {:>3}e | {:.3} {:>5.1}% {:>4}e | {:.3} {:>5.1}% {:>4}e{}",
            split,
            ours.pages,
            ours.f1(),
            ours.precision(),
            ours.recall(),
            100.0 * ours.exact_share(),
            ours.wrong(),
            blocks.f1(),
            100.0 * blocks.exact_share(),
            blocks.wrong(),
            punct.f1(),
            100.0 * punct.exact_share(),
            punct.wrong(),
            if ours.lost_text > 0 { format!("  LOST TEXT on {} pages", ours.lost_text) } else { String::new() }
        );
    }
}

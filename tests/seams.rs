//! The seam rules: what goes between two joined lines.

use cjk_reflow::{ColumnWidth, Options};

/// Joins two lines of a paragraph wrapped at a fixed width, so that the
/// decision is certainly a join and only the seam is under test.
fn join(first: &str, second: &str) -> String {
    let reflower = Options::new()
        .column(ColumnWidth::Fixed(10))
        .build()
        .unwrap();
    reflower
        .reflow(&format!("{first}\n{second}\n"))
        .trim_end()
        .to_string()
}

#[test]
fn ideographs_join_without_space() {
    assert_eq!(
        join("一二三四五六七八九十", "甲乙。"),
        "一二三四五六七八九十甲乙。"
    );
}

#[test]
fn full_width_punctuation_joins_without_space() {
    assert_eq!(
        join("一二三四五六七八九，", "ABC。"),
        "一二三四五六七八九，ABC。"
    );
    assert_eq!(
        join("ab 一二三四五六七八", "“甲”。"),
        "ab 一二三四五六七八“甲”。"
    );
}

#[test]
fn ideograph_next_to_latin_joins_without_space() {
    assert_eq!(
        join("一二三四五六七八九Debian", "是一个系统。"),
        "一二三四五六七八九Debian是一个系统。"
    );
    assert_eq!(
        join("一二三四五六七八九十", "Linux 内核。"),
        "一二三四五六七八九十Linux 内核。"
    );
}

#[test]
fn latin_on_both_sides_gets_one_space() {
    assert_eq!(
        join("一二三四五六七 the quick", "brown fox。"),
        "一二三四五六七 the quick brown fox。"
    );
}

#[test]
fn digits_on_both_sides_get_one_space() {
    assert_eq!(
        join("一二三四五六七八九 2024", "10 月。"),
        "一二三四五六七八九 2024 10 月。"
    );
    assert_eq!(
        join("一二三四五六 version", "2 版。"),
        "一二三四五六 version 2 版。"
    );
}

#[test]
fn hangul_on_both_sides_gets_one_space() {
    assert_eq!(
        join("한국어는 띄어쓰기를 합니다", "그렇습니다."),
        "한국어는 띄어쓰기를 합니다 그렇습니다."
    );
}

#[test]
fn whitespace_at_the_seam_is_replaced() {
    assert_eq!(
        join("一二三四五六七八九十  ", "甲乙。"),
        "一二三四五六七八九十甲乙。"
    );
    assert_eq!(
        join("一二三四五六七八九十\u{3000}\t", "甲乙。"),
        "一二三四五六七八九十甲乙。"
    );
}

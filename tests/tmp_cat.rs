#[path = "eval/mod.rs"]
mod eval;
fn joins(r: &cjk_reflow::Reflower, t: &str) -> Vec<bool> {
    r.break_points(t)
        .iter()
        .map(|p| p.action.is_join())
        .collect()
}
#[test]
fn compare() {
    let r = cjk_reflow::Reflower::default();
    let mut pages = eval::load_corpus();
    let kind = |p: &eval::Page| {
        format!(
            "{}/{}",
            p.split,
            p.name.split_once('-').map_or("", |(_, k)| k)
        )
    };
    pages.sort_by_key(|p| (kind(p), p.name.clone()));
    for sep in ["\u{c}", "\n\u{c}", "\n"] {
        let (mut n, mut diff, mut seam_wrong) = (0, 0, 0);
        let mut by: std::collections::BTreeMap<String, usize> = Default::default();
        for w in pages.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if kind(a) != kind(b) {
                continue;
            }
            let ta = a.text.trim_end_matches('\n');
            let cat = format!("{ta}\n{sep}{}", b.text);
            let ja = joins(&r, &a.text);
            let jb = joins(&r, &b.text);
            let jc = joins(&r, &cat);
            if jc.len() != ja.len() + jb.len() + 1 {
                println!("len mismatch {} {}", a.name, jc.len());
                continue;
            }
            n += 1;
            let d = ja.iter().zip(&jc).filter(|(x, y)| x != y).count()
                + jb.iter()
                    .zip(&jc[ja.len() + 1..])
                    .filter(|(x, y)| x != y)
                    .count();
            if jc[ja.len()] {
                seam_wrong += 1;
            }
            diff += d;
            if d > 0 {
                *by.entry(kind(a)).or_default() += d;
            }
        }
        println!(
            "{sep:?}: pairs {n} differing decisions {diff} joined at the seam {seam_wrong} {by:?}"
        );
    }
}

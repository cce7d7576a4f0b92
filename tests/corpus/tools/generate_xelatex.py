#!/usr/bin/env python3
"""Generate the HELD-OUT `xelatex/` split of tests/corpus/: pages typeset by XeLaTeX + xeCJK.

WHY
  Every other split was typeset by Chromium, and the library's heuristics were tuned on them.
  This split comes from a different typesetting engine (TeX's paragraph builder, xeCJK's CJK line
  breaking and punctuation compression, multicol's column balancing) and from prose paragraphs the
  other splits do not use. It is held out: do not tune the heuristics on it.

WHAT IT DOES (reusing generate.py: source loading, furniture pools, article composition,
extractors, alignment, labelling and the output format are imported from there, not copied)
  1. Loads the same simplified-Chinese Debian documentation prose as generate.py, replays
     generate.py's own page composition (same SEED, same order) to find every paragraph the
     other splits use, and removes those paragraphs from the pool, so this split's body text is
     disjoint from theirs (section titles used as headlines/subheads may repeat).
  2. Composes N_PAGES newspaper pages with generate.make_article (kicker, headline, ——subtitle,
     byline □本报记者…, lead dateline 本报X月X日电 / （新华社…电）, subheads, photo + caption,
     来源：… / （责任编辑：…） tail lines) and sets each as a LaTeX document: masthead + rule,
     1-3 articles stacked, each a headline spanning its columns over a `multicols` body of 2-5
     columns of 10-24 em (column rule, 2-3.5 em gap), justified, \\parindent=2em, xeCJK line
     breaking with \\xeCJKsetup{PunctStyle=quanjiao|banjiao|kaiming|hangmobanjiao} (cycled over
     the pages so each style is used), CheckSingle on/off, English hyphenation on/off, paragraph
     spacing 0/0.3/0.6 em. Fonts: Noto Serif/Sans CJK SC (xeCJK), Latin Modern (Latin text) with
     TeX ligatures and common ligatures off (so -- `` '' fi stay as in the source). Characters
     Latin Modern lacks (found from the xelatex log) are declared xeCJK CJK-class characters.
  3. Renders with xelatex (xdvipdfmx) on a tall page, crops the page height to the content and
     renders again (one PDF page per newspaper page).
  4. Extracts with poppler `pdftotext` (default), `pdftotext -raw`, and PyMuPDF get_text("text"),
     labels each extraction with generate.label_page, drops pages whose extraction reorders the
     text (same rules as generate.py), and writes NAME.txt / NAME.labels.json / NAME.expected.txt
     to tests/corpus/xelatex/ plus xelatex/manifest.json (settings, drops, tool versions).

INSTALLS (Debian 12, as root)
  apt: texlive-xetex texlive-lang-chinese texlive-latex-extra lmodern fonts-noto-cjk poppler-utils
       debian-reference-zh-cn debian-faq-zh-cn maint-guide-zh-cn debian-edu-doc-zh-cn
       (debian-reference-zh-tw maint-guide-zh-tw: needed only to replay generate.py's traditional
       pages, which share the composition order with the simplified ones)
  pip: pymupdf

RERUN
  bash tests/corpus/tools/generate.sh --xelatex     # installs, then runs this script + baselines.py
  python3 tests/corpus/tools/generate_xelatex.py [--out tests/corpus] [--jobs 2] [--keep]
  Fixed seed: SEED below (generate.py's SEED is used only for the replay). Output is deterministic
  for the same TeX Live, font, poppler and PyMuPDF versions. Takes about a minute on 2 cores.

DEVELOPMENT SPLIT (same pages, other prose; for working on TeX-related heuristics)
  --split NAME        output directory under --out (default xelatex); pages are named xdNN-EXTRACTOR
                      when NAME is not xelatex
  --seed N            composition seed (default SEED)
  --prose chromium    draw body paragraphs ONLY from the paragraphs generate.py's (Chromium) pages use
                      (the complement of step 1's pool; default held-out = step 1), so the development
                      split's prose never overlaps the held-out split's (asserted). The manifest then
                      records split/prose and held_out: false.
  bash tests/corpus/tools/generate.sh --xelatex-dev   # = --split xelatex-dev --prose chromium --seed 20270311 --pages 16

TRADITIONAL PAGES (not committed; a check on pages unlike the committed ones)
  --prose traditional sets the traditional-Chinese documentation (debian-reference-zh-tw,
  maint-guide-zh-tw), Taiwan-style quotes on most pages, in Noto Serif/Sans CJK TC.
"""
import argparse, json, os, random, re, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as G  # noqa: E402

SEED = 20261126
N_PAGES = 10
MIN_CJK_SHARE = 0.6  # held-out 'mixed'-class paragraphs (see generate.classify) need this CJK share
SPLIT = 'xelatex'
PUNCT_STYLES = ['quanjiao', 'banjiao', 'kaiming', 'hangmobanjiao']
EXTRACTORS = [('pdftotext', G.ex_pdftotext), ('pdftotext-raw', G.ex_pdftotext_raw), ('pymupdf', G.ex_pymupdf)]
MARGIN = 30  # pt, left/right/top/bottom


# ----------------------------------------------------------------------------- held-out prose

def used_by_generate_py(sc, tc):
    """Replay generate.py's composition (no rendering) and return the set of paragraph texts that
    its pages use (all splits, including flowing/)."""
    rng = random.Random(G.SEED)
    pools = {'sc': {'zh': G.Pool(sc, rng, 'zh'), 'mixed': G.Pool(sc, rng, 'mixed')},
             'tc': {'zh': G.Pool(tc, rng, 'zh')}}
    used = set()
    groups = [('p', G.N_SIMPLIFIED, 'sc', 'zh'), ('t', G.N_TRADITIONAL, 'tc', 'zh'), ('m', G.N_MIXED, 'sc', 'mixed')]
    for prefix, count, script, want in groups:
        for i in range(1, count + 1):
            _, _, paras, _, _ = G.make_page(f'{prefix}{i:02d}', script, pools[script], want)
            used |= {t for _, t in paras}
    for i in range(1, G.N_FLOWING + 1):
        script, want = [('sc', 'zh'), ('sc', 'zh'), ('tc', 'zh'), ('sc', 'mixed')][i % 4]
        _, _, paras, _, _ = G.make_page(f'f{i:02d}', script, pools[script], want)
        used |= {t for _, t in paras}
    return used


def sections_by_use(sc, used, keep_used):
    """The simplified sections with only the paragraphs generate.py's pages use (keep_used=True:
    --prose chromium, the development split) or with all of those removed (keep_used=False: the
    held-out split). A paragraph may carry a lead dateline prefix on the other pages, so it is
    matched by containment too. generate.py's 'zh' paragraphs that are left unused are too few for
    10 pages (about 5,000 characters), so 'mixed' ones (CJK with English words) with a CJK share
    of at least MIN_CJK_SHARE are kept as well, in both splits, so that their pages are alike."""
    used_long = [u for u in used if len(u) >= 25]
    out = []
    for sec in sc:
        items = []
        for k, t in sec['items']:
            is_used = t in used or any(t in u for u in used_long)
            if k != 'sub' and is_used != keep_used:
                continue
            if k == 'mixed' and cjk_share(t) < MIN_CJK_SHARE:
                continue
            items.append((k, t))
        if any(k != 'sub' for k, _ in items):
            out.append(dict(sec, items=items))
    return out


def cjk_share(t):
    n = G.nows(t)
    return len(G.CJK.findall(n)) / len(n)


class OncePool(G.Pool):
    """generate.Pool (want='mixed': 'zh' and 'mixed' paragraphs) that never hands out a paragraph
    twice: each take removes its paragraphs from the sections (generate.Pool cycles).
    count_all: keep the sections with >= 150 characters of 'zh' + 'mixed' prose (generate.Pool keeps
    those with >= 150 of 'mixed' prose, too few for --prose chromium)."""

    def __init__(self, secs, rng, want, count_all=False):
        if not count_all:
            return super().__init__(secs, rng, want)
        self.secs = [s for s in secs if sum(len(G.nows(t)) for k, t in s['items'] if k != 'sub') >= 150]
        self.want = want
        self.i = rng.randrange(len(self.secs))

    def take(self, budget):
        left = sum(len(G.nows(t)) for sec in self.secs for k, t in sec['items'] if k != 'sub')
        if left < budget:  # generate.Pool.take would loop for ever
            raise RuntimeError(f'prose pool exhausted ({left} characters left): use fewer --pages')
        title, items, x = super().take(budget)
        taken = {t for k, t in items if k == 'p'}
        for sec in self.secs:
            sec['items'] = [(k, t) for k, t in sec['items'] if k == 'sub' or t not in taken]
        return title, items, x


# ----------------------------------------------------------------------------- TeX

TEX_ESC = {'\\': r'\textbackslash{}', '{': r'\{', '}': r'\}', '$': r'\$', '&': r'\&', '#': r'\#',
           '^': r'\textasciicircum{}', '_': r'\_', '~': r'\textasciitilde{}', '%': r'\%'}


def tex(t):
    return ''.join(TEX_ESC.get(c, c) for c in t)


def make_page(name, pool, i, seed=SEED, script='sc'):
    rng = random.Random(f'{seed}-{name}')
    fs = rng.choice([9, 9.5, 10, 10.5, 11])
    colw = rng.choice([10, 11, 12, 12.5, 13, 14, 15, 16, 17, 18, 20, 22, 24, 13.5, 15.5])
    gap = rng.choice([2, 2.5, 3, 3.5])
    n_art = rng.choices([1, 2, 3], [0.45, 0.4, 0.15])[0]
    maxw_em = 980 / fs - 5
    ncols = [rng.randint(2, 5) for _ in range(n_art)]
    ncols = [max(2, min(c, int((maxw_em + gap) // (colw + gap)))) for c in ncols]
    total_budget = rng.randint(900, 1700)
    arts, used = [], set()
    for c in ncols:
        budget = int(total_budget * c / sum(ncols)) if n_art > 1 else total_budget
        arts.append(G.make_article(rng, pool, script, max(250, budget), c))
        used |= pool.used
    y, m, d = G.date(rng)
    tc = script == 'tc'
    mast = f'{rng.choice(G.PAPERS_TC if tc else G.PAPERS_SC)}　{y}年{m}月{d}日　星期{rng.choice(G.WEEK_SC)}　' \
           f'第{rng.randint(2, 16)}版　{rng.choice(G.SECTIONS_TC if tc else G.SECTIONS_SC)}'
    layout = dict(fs=fs, colw=colw, gap=gap, ncols=ncols, lh=rng.choice([1.4, 1.5, 1.6, 1.7]),
                  hs=rng.choice([18, 20, 22, 24, 26]), halign=rng.choice(['left', 'left', 'center']),
                  punct=PUNCT_STYLES[(i - 1) % len(PUNCT_STYLES)], check_single=rng.random() < 0.5,
                  hyphenate=rng.random() < 0.4, pspace=rng.choice([0, 0, 0.3, 0.6]),
                  photo_h=rng.choice([6, 8, 10]), mast=mast, script=script)
    paras = [('masthead', mast)]
    for blocks, body in arts:
        paras += blocks + body
    meta = dict(engine='xelatex', font_size_pt=fs, column_width_em=colw, columns=ncols, column_gap_em=gap,
                line_height=layout['lh'], punct_style=layout['punct'], check_single=layout['check_single'],
                hyphenation=layout['hyphenate'], paragraph_spacing_em=layout['pspace'], text_indent_em=2,
                text_align='justify', headline_align=layout['halign'], source_packages=sorted(used))
    return layout, arts, paras, meta


def render_tex(layout, arts, H, extra_cjk):
    fs, lh = layout['fs'], layout['lh']
    cjk = 'TC' if layout.get('script') == 'tc' else 'SC'
    widths = [(c * layout['colw'] + (c - 1) * layout['gap']) * fs for c in layout['ncols']]
    W = max(widths) + 2 * MARGIN
    size = lambda f, l=lh: rf'\fontsize{{{f:.2f}pt}}{{{f * l:.2f}pt}}\selectfont'
    cls = ''.join(f',"{ord(c):04X}' for c in sorted(extra_cjk))[1:]
    out = [r'\documentclass{article}',
           rf'\usepackage[paperwidth={W:.2f}pt,paperheight={H:.2f}pt,margin={MARGIN}pt]{{geometry}}',
           r'\usepackage{fontspec}',
           r'\setmainfont{Latin Modern Roman}[Ligatures={TeXOff,NoCommon}]',
           r'\setsansfont{Latin Modern Sans}[Ligatures={TeXOff,NoCommon}]',
           r'\usepackage{xeCJK}',
           rf'\setCJKmainfont{{Noto Serif CJK {cjk}}}[BoldFont=Noto Serif CJK {cjk} Bold]',
           rf'\setCJKsansfont{{Noto Sans CJK {cjk}}}[BoldFont=Noto Sans CJK {cjk} Bold]',
           (rf'\xeCJKDeclareCharClass{{CJK}}{{{cls}}}' if cls else ''),
           rf'\xeCJKsetup{{PunctStyle={layout["punct"]}, CheckSingle={"true" if layout["check_single"] else "false"}}}',
           r'\usepackage{multicol}', r'\usepackage{xcolor}',
           r'\pagestyle{empty}\raggedbottom\emergencystretch=2em',
           r'\setlength{\columnseprule}{0.4pt}\def\columnseprulecolor{\color{black!50}}',
           r'\begin{document}',
           size(fs) + r'\setlength{\parindent}{2em}',
           rf'\setlength{{\parskip}}{{{layout["pspace"]}em}}\setlength{{\columnsep}}{{{layout["gap"]}em}}']
    if not layout['hyphenate']:
        out.append(r'\hyphenpenalty=10000')
    out.append(r'\noindent{\sffamily' + size(fs * 0.95, 1.3) + ' ' + tex(layout['mast']) + r'\par}'
               r'\vspace{3pt}\hrule height 1.5pt\vspace{10pt}')
    halign = r'\centering' if layout['halign'] == 'center' else r'\raggedright'
    for (blocks, body), w, c in zip(arts, widths, layout['ncols']):
        out.append(rf'\noindent\begin{{minipage}}[t]{{{w:.2f}pt}}' + size(fs) + r'\setlength{\parindent}{2em}')
        for k, t in blocks:
            if k == 'kicker':
                out.append(r'{\sffamily' + size(fs * 1.1, 1.3) + r'\noindent ' + tex(t) + r'\par}\vspace{2pt}')
            elif k == 'headline':
                out.append('{' + halign + r'\sffamily\bfseries' + size(layout['hs'], 1.25) + ' ' + tex(t) +
                           r'\par}\vspace{4pt}')
            elif k == 'subtitle':
                out.append('{' + halign + r'\sffamily' + size(fs * 1.25, 1.3) + ' ' + tex(t) + r'\par}\vspace{4pt}')
            elif k == 'byline':
                out.append(r'{\sffamily\noindent ' + tex(t) + r'\par}\vspace{6pt}')
        out.append(rf'\begin{{multicols}}{{{c}}}')
        for k, t in body:
            if k == 'p':
                out.append(tex(t) + r'\par')
            elif k == 'subhead':
                out.append(r'\vspace{0.5em}{\centering\sffamily\bfseries\noindent ' + tex(t) + r'\par}\vspace{0.5em}')
            elif k == 'caption':
                out.append(r'\par\vspace{0.4em}\noindent{\color{black!27}\rule{\linewidth}{' +
                           f'{layout["photo_h"]}em' + r'}}\par\vspace{2pt}{\sffamily' + size(fs * 0.85, 1.4) +
                           r'\noindent ' + tex(t) + r'\par}\vspace{0.6em}')
            elif k in ('source', 'editor', 'byline'):
                out.append(r'{\raggedleft\noindent ' + tex(t) + r'\par}')
            else:  # dateline
                out.append(r'{\noindent ' + tex(t) + r'\par}')
        out.append(r'\end{multicols}')
        out.append(r'\end{minipage}\par\vspace{16pt}')
    out.append(r'\end{document}')
    return '\n'.join(x for x in out if x) + '\n'


def xelatex(workdir, name, src):
    with open(os.path.join(workdir, name + '.tex'), 'w', encoding='utf-8') as f:
        f.write(src)
    r = subprocess.run(['xelatex', '-interaction=nonstopmode', '-halt-on-error', name + '.tex'],
                       cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    log = open(os.path.join(workdir, name + '.log'), encoding='utf-8', errors='replace').read()
    if r.returncode != 0:
        raise RuntimeError(f'xelatex failed on {name}: see {workdir}/{name}.log')
    return os.path.join(workdir, name + '.pdf'), log


def render_pdf(workdir, name, layout, arts):
    """Render on a tall page; declare missing Latin-font characters as CJK; crop the height to the
    content and render again. Returns the PDF path."""
    import pymupdf
    extra = set()
    H = 14000.0
    for _ in range(4):
        pdf, log = xelatex(workdir, name, render_tex(layout, arts, H, extra))
        missing = {m for m in re.findall(r'Missing character: There is no (.) ', log)}
        if missing - extra:
            extra |= missing
            continue
        doc = pymupdf.open(pdf)
        if doc.page_count != 1:
            doc.close()
            raise RuntimeError(f'{name}: {doc.page_count} pages')
        pg = doc[0]
        width = pg.rect.width
        bottom = max([b[3] for b in pg.get_text('blocks')] + [d['rect'].y1 for d in pg.get_drawings()])
        doc.close()
        if H < 14000:
            layout['page_pt'] = [round(width, 2), round(H, 2)]
            layout['latin_chars_set_as_cjk'] = ''.join(sorted(extra))
            return pdf
        H = bottom + MARGIN
    raise RuntimeError('did not converge: ' + name)


def versions():
    def first(cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    v = {'xelatex': first(['xelatex', '--version']), 'pdftotext': first(['pdftotext', '-v'])}
    import pymupdf
    v['pymupdf'] = pymupdf.VersionBind
    for pkg in ['texlive-xetex', 'texlive-lang-chinese', 'texlive-latex-extra', 'lmodern', 'fonts-noto-cjk',
                'poppler-utils', 'debian-reference-zh-cn', 'debian-faq-zh-cn', 'maint-guide-zh-cn',
                'debian-edu-doc-zh-cn']:
        r = subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg], capture_output=True, text=True)
        v[pkg] = r.stdout.strip()
    for sty in ['xeCJK.sty', 'multicol.sty']:
        p = subprocess.run(['kpsewhich', sty], capture_output=True, text=True).stdout.strip()
        m = re.search(r'\{(\d{4}/\d\d/\d\d)\}\s*\{?v?([\d.]+)', open(p, encoding='utf-8', errors='replace').read()) if p else None
        v[sty] = ' '.join(m.groups()) if m else ''
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--pages', type=int, default=N_PAGES)
    ap.add_argument('--keep', action='store_true', help='debug: keep the work dir (tex, pdf, dropped texts)')
    ap.add_argument('--split', default=SPLIT, help=f'output directory name under --out (default {SPLIT})')
    ap.add_argument('--seed', type=int, default=SEED, help=f'composition seed (default {SEED})')
    ap.add_argument('--prose', choices=['held-out', 'chromium', 'traditional'], default='held-out',
                    help='held-out: body paragraphs generate.py does NOT use (the held-out split); '
                         'chromium: ONLY paragraphs generate.py uses (a development split whose prose '
                         'never overlaps the held-out split); traditional: the traditional-Chinese '
                         'documentation (Taiwan-style quotes on most pages, as generate.py sets them), '
                         'set in Noto CJK TC: not in the committed corpus, a check on other pages')
    args = ap.parse_args()
    held_out = args.prose == 'held-out'
    prefix = 'x' if args.split == SPLIT else 'xd'
    outdir = os.path.join(os.path.abspath(args.out), args.split)
    work = tempfile.mkdtemp(prefix='cjk-xelatex-')
    sc = G.load_sections(G.SOURCES_SC)
    tc = G.load_sections(G.SOURCES_TC)
    used = used_by_generate_py(sc, tc)
    held = sections_by_use(sc, used, keep_used=False)
    script = 'tc' if args.prose == 'traditional' else 'sc'
    held_paras = set()
    if held_out:
        pool = OncePool(held, random.Random(args.seed), 'mixed')
    elif script == 'tc':
        pool = OncePool(tc, random.Random(args.seed), 'zh')
    else:
        held_paras = {t for sec in held for k, t in sec['items'] if k != 'sub'}
        pool = OncePool(sections_by_use(sc, used, keep_used=True), random.Random(args.seed), 'mixed', count_all=True)
        assert not any(t in held_paras for sec in pool.secs for k, t in sec['items'] if k != 'sub')
    print(f'paragraphs used by generate.py: {len(used)}; {args.prose} sections with >=150 chars of prose: '
          f'{len(pool.secs)}', file=sys.stderr)

    jobs, seen = [], set()
    for i in range(1, args.pages + 1):
        name = f'{prefix}{i:02d}'
        layout, arts, paras, meta = make_page(name, pool, i, args.seed, script)
        if held_out:
            assert not any(k == 'p' and (t in used or t in seen) for k, t in paras), name
        else:  # no held-out paragraph inside any body paragraph (which may carry a lead dateline prefix)
            assert not any(k == 'p' and (t in seen or any(h in t for h in held_paras)) for k, t in paras), name
        seen |= {t for k, t in paras if k == 'p'}
        jobs.append((name, layout, arts, paras, meta))
    with ThreadPoolExecutor(args.jobs) as ex:
        pdfs = list(ex.map(lambda j: render_pdf(work, j[0], j[1], j[2]), jobs))
    print(f'rendered {len(pdfs)} pages', file=sys.stderr)

    shutil.rmtree(outdir, ignore_errors=True)
    manifest = {'seed': args.seed, 'generator': 'tests/corpus/tools/generate_xelatex.py', 'held_out': held_out,
                'versions': versions(), 'pages': [], 'dropped': []}
    if args.split != SPLIT or not held_out:  # (keys absent for the held-out split, as before these options)
        manifest = {'split': args.split, 'prose': args.prose, **manifest}
    for (name, layout, arts, paras, meta), pdf in zip(jobs, pdfs):
        for exname, fn in EXTRACTORS:
            text = fn(pdf, work)
            fname = f'{name}-{exname}'
            points, stats = G.label_page(text, paras, fuzzy=False)
            if points is None:
                manifest['dropped'].append({'name': fname, 'extractor': exname, 'reason': stats, **meta})
                if args.keep:
                    open(os.path.join(work, fname + '.dropped.txt'), 'w', encoding='utf-8').write(text)
                continue
            note = G.NOTE + f'; extractor: {exname}; page: {name} ({"traditional" if script == "tc" else "simplified"}, XeLaTeX + xeCJK, ' \
                            f'PunctStyle={layout["punct"]}; ' + \
                ('held out)' if held_out else 'development split, prose from the Chromium splits)')
            G.write_page(outdir, fname, text, points, note)
            lab = [p['label'] for p in points]
            manifest['pages'].append(dict(name=fname, page=name, extractor=exname, **meta,
                                          page_pt=layout['page_pt'],
                                          latin_chars_set_as_cjk=layout['latin_chars_set_as_cjk'], **stats,
                                          points=len(points), joins=lab.count('join'),
                                          breaks=lab.count('break'), either=lab.count('either')))
    pages = manifest['pages']
    manifest['counts'] = dict(rendered=len(jobs), accepted=len(pages), dropped=len(manifest['dropped']),
                              joins=sum(p['joins'] for p in pages), breaks=sum(p['breaks'] for p in pages),
                              either=sum(p['either'] for p in pages))
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(json.dumps(manifest['counts']))
    for p in pages:
        print(f"  {p['name']:22s} cols {p['columns']} w {p['column_width_em']}em fs {p['font_size_pt']} "
              f"{p['punct_style']:13s} points {p['points']} j/b/e {p['joins']}/{p['breaks']}/{p['either']}")
    for d in manifest['dropped']:
        print('  dropped', d['name'], d['reason'])
    if args.keep:
        print('work dir kept:', work, file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()

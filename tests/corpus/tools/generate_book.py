#!/usr/bin/env python3
"""Generate labelled BOOK and MANUAL pages: one wide column, set by XeLaTeX + xeCJK, several
pages to a PDF, with running heads and folios. Not newspapers: a check that the reflow holds on
the other pages its users feed it (`cargo run --release --example eval` with
`CJK_REFLOW_CORPUS=DIR`). Nothing here is committed to tests/corpus/ by default.

WHAT IT DOES (reusing generate.py for the prose, extractors and alignment, and
generate_xelatex.py for the prose pools and TeX helpers)
  1. Draws sections of the Debian documentation prose (--prose chromium: only paragraphs the
     Chromium splits use; held-out: only paragraphs they do not, as generate_xelatex.py) and
     sets each document as a chapter: a chapter title, paragraphs and subheads.
  2. Layout per document (seeded): one column of 24-40 em at 10-12 pt on a page 1.41 times as
     tall as wide; paragraph style `skip` (no indent, a gap between paragraphs, as manuals set
     them), `indent` (2-em indent, no gap: Chinese books) or `flush` (neither: only a short last
     line shows a paragraph's end); xeCJK punctuation style cycled; justified; page style
     `plain` (folio at the foot), `headings` (running head: chapter title and folio) or `empty`.
  3. Extracts the whole PDF with pdftotext (default and -raw), PyMuPDF and pdfminer.six; with
     --layout also with `pdftotext -layout` (never developed on); with --ocr also every page
     rendered at 300 dpi and read by tesseract (chi_sim), labelled with generate.py's fuzzy
     alignment for OCR.
  4. Labels: generate.label_page on the text with running heads and folios blanked out (they are
     not in the source), then every running head or folio line is a paragraph of its own (a
     break before and after it). Pages whose extraction reorders text are dropped and counted.

INSTALLS: as generate_xelatex.py (texlive-xetex texlive-lang-chinese texlive-latex-extra lmodern
  fonts-noto-cjk poppler-utils, the Debian documentation packages; pip: pymupdf pdfminer.six;
  for --ocr: tesseract-ocr tesseract-ocr-chi-sim).

RERUN
  python3 tests/corpus/tools/generate_book.py --seed N --docs 8 --out DIR [--jobs 2]
  then CJK_REFLOW_CORPUS=DIR cargo run --release --example eval
  Output is deterministic for the same seed and tool versions. About 10 s a document.
"""
import argparse, json, os, random, re, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as G  # noqa: E402
import generate_xelatex as X  # noqa: E402

SEED = 20261129
STYLES = ['skip', 'skip', 'indent', 'flush']
# Running heads name the book, not the chapter, so that a head is told from the chapter's title.
BOOKS = ['Debian 管理员手册', '开源软件实用指南', '系统维护手记', 'Linux 入门教程', '软件打包指南']
EXTRACTORS = [('pdftotext', G.ex_pdftotext), ('pdftotext-raw', G.ex_pdftotext_raw),
              ('pymupdf', G.ex_pymupdf), ('pdfminer', G.ex_pdfminer)]


def ex_pdftotext_layout(pdf, work):
    """`pdftotext -layout`: the page's physical layout kept with spaces (optional, --layout; one
    column only, so no columns are set side by side)."""
    return subprocess.run(['pdftotext', '-layout', '-enc', 'UTF-8', pdf, '-'],
                          capture_output=True).stdout.decode('utf-8')


def ex_ocr_pages(pdf, work):
    """Every page rendered at 300 dpi and read by tesseract (chi_sim), the pages' texts in order,
    each ended by a form feed as tesseract writes them."""
    base = os.path.join(work, os.path.basename(pdf)[:-4] + '-ocr')
    subprocess.run(['pdftoppm', '-r', '300', '-gray', '-png', pdf, base], check=True)
    env = dict(os.environ, OMP_THREAD_LIMIT='1')
    text = ''
    for png in sorted(f for f in os.listdir(work) if f.startswith(os.path.basename(base)) and f.endswith('.png')):
        path = os.path.join(work, png)
        r = subprocess.run(['tesseract', path, 'stdout', '-l', 'chi_sim'], capture_output=True, env=env)
        text += r.stdout.decode('utf-8')
        os.remove(path)
    return text


def make_doc(name, pool, i, seed):
    rng = random.Random(f'{seed}-{name}')
    title, items, _ = pool.take(rng.randint(1200, 2400))
    layout = dict(fs=rng.choice([10, 10.5, 11, 12]), measure=rng.choice([24, 26, 28, 30, 32, 34, 36, 38, 40]),
                  lh=rng.choice([1.4, 1.5, 1.6, 1.8]), style=STYLES[(i - 1) % len(STYLES)],
                  pagestyle=rng.choice(['plain', 'headings', 'empty']),
                  punct=X.PUNCT_STYLES[(i // len(STYLES)) % len(X.PUNCT_STYLES)],
                  skip=rng.choice([0.5, 0.8, 1.0]), title=title, book=rng.choice(BOOKS))
    paras = [('headline', title)] + [('subhead' if k == 'sub' else 'p', t) for k, t in items]
    return layout, paras


def render_tex(layout, paras, extra_cjk):
    fs, lh, w = layout['fs'], layout['lh'], layout['measure'] * layout['fs']
    margin = 54
    W = w + 2 * margin
    size = lambda f, l=lh: rf'\fontsize{{{f:.2f}pt}}{{{f * l:.2f}pt}}\selectfont'
    cls = ''.join(f',"{ord(c):04X}' for c in sorted(extra_cjk))[1:]
    indent, skip = {'skip': ('0em', f'{layout["skip"]}em'), 'indent': ('2em', '0em'),
                    'flush': ('0em', '0em')}[layout['style']]
    out = [r'\documentclass{article}',
           rf'\usepackage[paperwidth={W:.2f}pt,paperheight={W * 1.41:.2f}pt,margin={margin}pt]{{geometry}}',
           r'\usepackage{fontspec}',
           r'\setmainfont{Latin Modern Roman}[Ligatures={TeXOff,NoCommon}]',
           r'\setsansfont{Latin Modern Sans}[Ligatures={TeXOff,NoCommon}]',
           r'\usepackage{xeCJK}',
           r'\setCJKmainfont{Noto Serif CJK SC}[BoldFont=Noto Serif CJK SC Bold]',
           r'\setCJKsansfont{Noto Sans CJK SC}[BoldFont=Noto Sans CJK SC Bold]',
           (rf'\xeCJKDeclareCharClass{{CJK}}{{{cls}}}' if cls else ''),
           rf'\xeCJKsetup{{PunctStyle={layout["punct"]}}}',
           rf'\pagestyle{{{"myheadings" if layout["pagestyle"] == "headings" else layout["pagestyle"]}}}',
           r'\emergencystretch=2em',
           r'\begin{document}',
           (rf'\markboth{{{X.tex(layout["book"])}}}{{{X.tex(layout["book"])}}}'
            if layout['pagestyle'] == 'headings' else ''),
           size(fs) + rf'\setlength{{\parindent}}{{{indent}}}\setlength{{\parskip}}{{{skip}}}',
           r'{\noindent\sffamily\bfseries' + size(fs * 1.6, 1.3) + ' ' + X.tex(layout['title']) +
           r'\par}\vspace{1em}']
    for k, t in paras[1:]:
        if k == 'p':
            out.append(X.tex(t) + r'\par')
        else:
            out.append(r'\vspace{0.6em}{\noindent\sffamily\bfseries ' + X.tex(t) + r'\par}\vspace{0.3em}')
    out.append(r'\end{document}')
    return '\n'.join(x for x in out if x) + '\n'


def render_pdf(work, name, layout, paras):
    extra = set()
    for _ in range(4):
        pdf, log = X.xelatex(work, name, render_tex(layout, paras, extra))
        missing = set(re.findall(r'Missing character: There is no (.) ', log))
        if not missing - extra:
            layout['latin_chars_set_as_cjk'] = ''.join(sorted(extra))
            return pdf
        extra |= missing
    raise RuntimeError('did not converge: ' + name)


def furniture_lines(lines, title):
    """Which lines are a running head or a folio: a line of digits; the book's title (`title`),
    with a folio beside it or not."""
    n = [G.nows(l) for l in lines]
    nonblank = [i for i, x in enumerate(n) if x]
    digits = [bool(x) and x.isdigit() for x in n]
    out = list(digits)
    for k, i in enumerate(nonblank):
        rest = re.sub(r'\d', '', n[i])
        if rest != G.nows(title):
            continue
        out[i] = True
    return out


def label(text, paras, title, fuzzy=False):
    lines = text.split('\n')
    furniture = furniture_lines(lines, title)
    blanked = '\n'.join('' if f else l for l, f in zip(lines, furniture))
    points, stats = G.label_page(blanked, paras, fuzzy=fuzzy)
    if points is None:
        return None, stats
    by_after = {p['after_line']: p['label'] for p in points}
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    text_lines = [i for i in nonblank if not furniture[i]]
    next_text = {}
    for a, b in zip(text_lines, text_lines[1:]):
        next_text[a] = b
    out = []
    for x, y in zip(nonblank, nonblank[1:]):
        if furniture[x] or furniture[y]:
            lab = 'break'
        else:
            lab = by_after[x + 1]
        out.append({'after_line': x + 1, 'before_line': y + 1, 'blank_lines_between': y - x - 1, 'label': lab})
    stats['running_heads_and_folios'] = sum(furniture)
    return out, stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--docs', type=int, default=8)
    ap.add_argument('--seed', type=int, default=SEED)
    ap.add_argument('--split', default='book')
    ap.add_argument('--prose', choices=['held-out', 'chromium'], default='chromium')
    ap.add_argument('--keep', action='store_true')
    ap.add_argument('--ocr', action='store_true', help='also OCR every page (tesseract chi_sim; slow)')
    ap.add_argument('--layout', action='store_true',
                    help='also extract with pdftotext -layout (an extractor the rules were not developed on)')
    args = ap.parse_args()
    outdir = os.path.join(os.path.abspath(args.out), args.split)
    work = tempfile.mkdtemp(prefix='cjk-book-')
    sc = G.load_sections(G.SOURCES_SC)
    tc = G.load_sections(G.SOURCES_TC)
    used = X.used_by_generate_py(sc, tc)
    if args.prose == 'held-out':
        pool = X.OncePool(X.sections_by_use(sc, used, keep_used=False), random.Random(args.seed), 'mixed')
    else:
        pool = X.OncePool(X.sections_by_use(sc, used, keep_used=True), random.Random(args.seed), 'mixed',
                          count_all=True)
    jobs = []
    for i in range(1, args.docs + 1):
        name = f'b{i:02d}'
        layout, paras = make_doc(name, pool, i, args.seed)
        jobs.append((name, layout, paras))
    with ThreadPoolExecutor(args.jobs) as ex:
        pdfs = list(ex.map(lambda j: render_pdf(work, *j), jobs))
    shutil.rmtree(outdir, ignore_errors=True)
    manifest = {'split': args.split, 'prose': args.prose, 'seed': args.seed,
                'generator': 'tests/corpus/tools/generate_book.py', 'pages': [], 'dropped': []}
    for (name, layout, paras), pdf in zip(jobs, pdfs):
        meta = {k: layout[k] for k in ('fs', 'measure', 'lh', 'style', 'pagestyle', 'punct')}
        extractors = EXTRACTORS + ([('pdftotext-layout', ex_pdftotext_layout)] if args.layout else [])
        for exname, fn in extractors + ([('ocr', ex_ocr_pages)] if args.ocr else []):
            text = fn(pdf, work)
            fname = f'{name}-{exname}'
            points, stats = label(text, paras, layout['book'], fuzzy=exname == 'ocr')
            if points is None:
                manifest['dropped'].append({'name': fname, 'reason': stats, **meta})
                continue
            note = G.NOTE + f'; extractor: {exname}; document: {name} (book: one column, style {layout["style"]})'
            G.write_page(outdir, fname, text, points, note)
            lab = [p['label'] for p in points]
            manifest['pages'].append(dict(name=fname, **meta, **stats, points=len(points),
                                          joins=lab.count('join'), breaks=lab.count('break')))
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write('\n')
    for p in manifest['pages']:
        print(f"  {p['name']:20s} {p['measure']}em {p['style']:6s} {p['pagestyle']:8s} points {p['points']} "
              f"j/b {p['joins']}/{p['breaks']} heads {p['running_heads_and_folios']}")
    for d in manifest['dropped']:
        print('  dropped', d['name'], d['reason'])
    if args.keep:
        print('work dir kept:', work, file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Generate the labelled extracted-newspaper-page corpus under tests/corpus/.

WHAT IT DOES
  1. Takes REAL Chinese prose with known paragraph boundaries from Debian documentation
     packages (the HTML <p> elements; section titles become headlines/subtitles/subheads):
       Simplified:  debian-reference-zh-cn, debian-faq-zh-cn, maint-guide-zh-cn,
                    debian-edu-doc-zh-cn                     (all GPL-2+ / GPL-style, DFSG-free)
       Traditional: debian-reference-zh-tw, maint-guide-zh-tw (GPL-2+)
     Paragraph text is used verbatim (tags stripped, whitespace runs collapsed). Taiwan-style
     traditional pages convert the source's “”/‘’ quotes to 「」/『』 (documented transform).
     Newspaper furniture (masthead, kicker, byline □本报记者…, dateline （新华社…电）, caption,
     source line 来源：…, editor line) is generated from small name/place pools with a fixed seed.
  2. Sets every page as a newspaper page in HTML/CSS (headline spanning the columns, CSS
     multi-column body with column widths 10-24 em, 2-em first-line indents, justified text,
     line-break: strict | loose, subheads, photo + caption, optional two side-by-side articles)
     and renders it with headless Chromium print-to-PDF.
  3. Extracts the text with real extractors: poppler pdftotext (default and -raw), PyMuPDF,
     pdfminer.six, and OCR (pdftoppm -r 300 + tesseract chi_sim / chi_tra). Optional, not in
     the committed corpus (--extractors): pypdf and pdfplumber, each into its own split dir.
  4. Labels every break point between consecutive non-blank extracted lines by aligning the
     extracted non-whitespace character stream with the source paragraphs (difflib, per-char
     NFKC folding so Kangxi radicals / OCR errors don't matter). A line end that falls on a
     source paragraph boundary is "break", inside a paragraph "join", inside a headline "either".
     Pages whose extraction reorders the text (alignment coverage too low, or an unaligned run
     of extracted text that occurs elsewhere in the source) are DROPPED and counted.
  5. Writes NAME.txt (extractor output, byte-for-byte), NAME.labels.json, NAME.expected.txt,
     and manifest.json (per-page metadata, per-split counts, drops, tool versions).

INSTALLS (done by generate.sh, run as root on Debian 12):
  apt: chromium fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim
       tesseract-ocr-chi-tra debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn
       maint-guide-zh-cn maint-guide-zh-tw debian-edu-doc-zh-cn
  pip: pymupdf pdfminer.six

RERUN
  bash tests/corpus/tools/generate.sh            # installs, then regenerates everything
  python3 tests/corpus/tools/generate.py [--out tests/corpus] [--no-ocr] [--jobs 2] [--seed N]
  Fixed seed: SEED below. Output is deterministic for the same tool versions.
  --seed N   compose the pages from seed N instead of SEED (new layouts, column widths, prose
             choices; same generator). The committed corpus is the default SEED; for another seed
             write elsewhere, e.g. `--seed 20261127 --out /tmp/fresh-corpus`, and evaluate with
             `CJK_REFLOW_CORPUS=/tmp/fresh-corpus cargo run --release --example eval`.
  --extractors LIST   comma-separated extractors to run (default: "default" = pdftotext,
             pdftotext-raw, pymupdf, pdfminer, ocr, the committed corpus). Optional extractors,
             never run by default: pypdf (`PdfReader(pdf).pages[i].extract_text()`, default mode;
             pip install pypdf) and pdfplumber (`page.extract_text()` with its defaults; pip install
             pdfplumber). Each writes split dir pypdf/ or pdfplumber/ with the simplified pages pNN
             (first MAX_PER_SPLIT accepted, as the other extractor splits) and the mixed pages mNN
             (as ocr/ does), labelled and drop-checked like the others (same label_page).
             pdfplumber-blocks: pdfplumber's extract_text() on each PyMuPDF text block (plain
             pdfplumber has no column analysis and interleaves multi-column pages row by row).
             pdfjs: Mozilla's pdf.js (getTextContent, a line break at each end of line); needs
             node and `npm install --prefix DIR pdfjs-dist@4` with DIR in $PDFJS_DIR.
             E.g. `--extractors default,pypdf,pdfplumber`, or only the new ones (other splits are
             not written, traditional pages are not rendered; flowing/ is still written):
             `--seed 20261201 --out /tmp/newex-corpus --extractors pypdf,pdfplumber`. A run that
             leaves out a default extractor must use another --out than the committed corpus.
  --ragged   set the body text ragged right (text-align: start), as web pages printed to PDF
             are, instead of justified: a generalization check (layouts the rules were not tuned
             on), e.g. `--seed 20261205 --ragged --no-ocr --out /tmp/ragged-corpus`.
  --engine weasyprint
             print the pages with WeasyPrint (`pip install weasyprint`; Pango's line breaking
             and justification, not Chromium's) instead of headless Chromium: a generalization
             check with another engine, e.g. `--seed 20261127 --engine weasyprint --no-ocr
             --out /tmp/weasyprint-corpus`. Never the committed corpus.
  --scan     OCR a degraded image instead of a clean 300-dpi render, as a scan of newsprint gives
             it: 200 dpi, a skew of up to 0.6 degrees, blur, speckles, JPEG artefacts (seeded from
             each page's name): a generalization check for OCR, e.g. `--seed 20261302 --scan
             --extractors ocr --out /tmp/scan-corpus`. Never the committed corpus.
"""
import argparse, difflib, glob, html, json, os, random, re, shutil, subprocess, sys
import tempfile, unicodedata
from concurrent.futures import ThreadPoolExecutor

SEED = 20240128
# Body text alignment: newspapers justify; `--ragged` sets it ragged right, as web pages printed to PDF are.
BODY_ALIGN = 'justify'
# The engine that prints the HTML pages to PDF: 'chromium' (the committed corpus) or 'weasyprint'.
ENGINE = 'chromium'
N_SIMPLIFIED = 56   # pages for the extractor splits (pdftotext, pdftotext-raw, pymupdf, pdfminer, ocr)
MAX_PER_SPLIT = 32   # accepted pages kept per extractor split (first by page number)
N_OCR = 30          # the first N_OCR simplified pages also go through OCR (slow)
N_TRADITIONAL = 12  # pages for traditional/ (each extracted by several extractors)
N_MIXED = 12        # pages for mixed/
N_FLOWING = 10

CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')

# ----------------------------------------------------------------------------- source prose

SOURCES_SC = [
    ('debian-reference-zh-cn', '/usr/share/debian-reference/*.zh-cn.html'),
    ('debian-faq-zh-cn', '/usr/share/doc/debian/FAQ/zh-cn/*.html'),
    ('maint-guide-zh-cn', '/usr/share/doc/maint-guide-zh-cn/html/*.html'),
    ('debian-edu-doc-zh-cn', '/usr/share/doc/debian-edu-doc-zh-cn/debian-edu-bookworm-manual.html'),
]
SOURCES_TC = [
    ('debian-reference-zh-tw', '/usr/share/debian-reference/*.zh-tw.html'),
    ('maint-guide-zh-tw', '/usr/share/doc/maint-guide-zh-tw/html/*.html'),
]


def clean(s):
    s = re.sub(r'<[^>]+>', '', s)
    s = html.unescape(s)
    return re.sub(r'\s+', ' ', s).strip()


def clean_title(t):
    t = re.sub(r'^(第\s*\d+\s*章|章\s*\d+\.|附录\s*[A-Z]\.?|[A-Z]?[\d.]+)\s*', '', t)
    return t.strip()


def nows(s):
    return ''.join(s.split())


def classify(t):
    """'zh' (CJK prose), 'mixed' (CJK with English words/numbers) or None."""
    n = nows(t)
    if not n or not re.search(r'[。！？）”」]$', t):
        return None
    cjk = len(CJK.findall(n))
    asc = len(re.findall(r'[A-Za-z0-9]', n))
    if cjk >= 25 and cjk / len(n) >= 0.72:
        return 'zh'
    if cjk >= 20 and asc >= 12 and 0.3 <= cjk / len(n) < 0.72 and len(n) <= 260:
        return 'mixed'
    return None


def load_sections(sources):
    """List of sections: {'src', 'title', 'items': [(kind, text)]} in document order.
    kind is 'p' (prose paragraph, with its class) or 'sub' (subsection title)."""
    secs = []
    for name, pat in sources:
        for f in sorted(glob.glob(pat)):
            s = open(f, encoding='utf-8', errors='replace').read()
            cur = None
            for m in re.finditer(r'<h([1-5])[^>]*>(.*?)</h\1>|<p[^>]*>(.*?)</p>', s, re.S):
                if m.group(1):
                    t = clean_title(clean(m.group(2)))
                    if not t or len(t) > 40 or not CJK.search(t):
                        continue
                    lvl = int(m.group(1))
                    if lvl <= 2 or cur is None:
                        cur = {'src': name, 'file': os.path.basename(f), 'title': t, 'items': []}
                        secs.append(cur)
                    else:
                        cur['items'].append(('sub', t))
                elif cur is not None:
                    t = clean(m.group(3))
                    c = None if re.match(r'\[\d+\]', t) else classify(t)  # skip footnotes
                    if c:
                        cur['items'].append((c, t))
    # drop sections without prose; drop trailing subheads with nothing after them
    out = []
    for sec in secs:
        items = sec['items']
        while items and items[-1][0] == 'sub':
            items.pop()
        if any(k != 'sub' for k, _ in items):
            out.append(sec)
    return out


def to_taiwan_quotes(t):
    return t.replace('“', '「').replace('”', '」').replace('‘', '『').replace('’', '』')


# ----------------------------------------------------------------------------- furniture pools

SURNAMES = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIVEN = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣琳晨辰婷雪慧佳嘉怡悦蕾然博文昊天泽睿哲思颖露璐瑶')
PLACES_SC = ['北京', '上海', '广州', '深圳', '成都', '杭州', '南京', '武汉', '西安', '重庆', '天津', '长沙',
             '郑州', '济南', '沈阳', '哈尔滨', '昆明', '乌鲁木齐', '拉萨', '兰州', '福州', '南宁', '合肥', '太原']
PLACES_TC = ['臺北', '高雄', '臺中', '臺南', '新竹', '基隆', '花蓮', '嘉義', '宜蘭', '桃園', '屏東', '香港']
PAPERS_SC = ['华东晨报', '滨江日报', '北方时报', '南粤都市报', '西部经济导报', '长河晚报', '科技信息报']
PAPERS_TC = ['臺灣新生時報', '港都日報', '中華晨報', '寶島聯合報', '東方時報']
SECTIONS_SC = ['要闻', '综合', '科技', '教育', '观点', '社会', '数字生活', '专题', '信息化']
SECTIONS_TC = ['要聞', '綜合', '科技', '教育', '觀點', '生活', '數位', '專題']
KICKERS_SC = ['聚焦数字化转型', '关注', '新春走基层', '科技前沿', '深度', '读者来信', '本报专访', '开源观察',
              '系统运维手记', '网络安全周']
KICKERS_TC = ['焦點', '科技前線', '專題報導', '深度', '讀者投書', '開源觀察']
AGENCIES_SC = ['新华社', '中新社', '本报']
AGENCIES_TC = ['中央社', '本報']
SOURCES_LINE_SC = ['来源：新华社', '来源：本报综合', '来源：中国青年报', '来源：科技日报', '来源：人民网', '来源：光明日报']
SOURCES_LINE_TC = ['來源：中央社', '來源：本報綜合', '資料來源：本報資料室']
WEEK_SC = '一二三四五六日'
CAPTION_SC = ['图为{place}某数据中心机房内，技术人员正在巡检服务器。', '图为{place}一所中学的学生在计算机课上练习命令行操作。',
              '图为{place}市民在科技馆体验开源软件展区。', '图为{place}某企业运维团队在监控大屏前值守。',
              '图为参加{place}开发者大会的志愿者在布置会场。']
CAPTION_TC = ['圖為{place}某資料中心機房內，技術人員正在巡檢伺服器。', '圖為{place}一所中學的學生在電腦課上練習命令列操作。',
              '圖為{place}民眾在科學館體驗開放原始碼軟體展區。']


def person(rng, n=None):
    n = n or rng.choice([2, 3, 3])
    return rng.choice(SURNAMES) + ''.join(rng.choice(GIVEN) for _ in range(n - 1))


def date(rng):
    return rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)


# ----------------------------------------------------------------------------- page composition

class Pool:
    """Cyclic cursor over sections so consecutive pages use consecutive source text."""

    def __init__(self, secs, rng, want):
        self.secs = [s for s in secs if sum(len(nows(t)) for k, t in s['items'] if k == want) >= 150]
        self.want = want
        self.i = rng.randrange(len(self.secs))

    def take(self, budget):
        """Return (title, [items], src) with about `budget` non-ws chars of prose."""
        sec = self.secs[self.i % len(self.secs)]
        self.i += 1
        self.used = {sec['src']}
        items, n = [], 0
        first = True
        while n < budget:
            # groups: (subhead or None, [paragraphs]); groups with little prose are skipped so
            # the article is not a list of subheads
            groups, cur = [], (None, [])
            for k, t in sec['items']:
                if k == 'sub':
                    groups.append(cur)
                    cur = (t, [])
                elif k == self.want or (self.want == 'mixed' and k == 'zh'):
                    cur[1].append(t)
            groups.append(cur)
            for sub, ps in groups:
                if sum(len(nows(p)) for p in ps) < 110:
                    continue
                if sub:
                    items.append(('sub', sub))
                for t in ps:
                    items.append(('p', t))
                    n += len(nows(t))
                    if n >= budget:
                        break
                if n >= budget:
                    break
            if n >= budget:
                break
            sec = self.secs[self.i % len(self.secs)]
            self.i += 1
            self.used.add(sec['src'])
            items.append(('sub', sec['title']))
            first = False
        while items and items[-1][0] == 'sub':
            items.pop()
        # a subhead right at the start is redundant with the headline
        while items and items[0][0] == 'sub':
            items.pop(0)
        # collapse consecutive subheads
        out = []
        for it in items:
            if it[0] == 'sub' and out and out[-1][0] == 'sub':
                out[-1] = it
            else:
                out.append(it)
        return sec_title(self, out), out, None


def sec_title(pool, items):
    return pool.secs[(pool.i - 1) % len(pool.secs)]['title']


def make_article(rng, pool, script, budget, ncols):
    """Return list of blocks (kind, text) in reading order plus layout hints."""
    tc = script == 'tc'
    sec = pool.secs[pool.i % len(pool.secs)]
    headline = sec['title']
    _, items, _ = pool.take(budget)
    if tc and rng.random() < 0.8:
        items = [(k, to_taiwan_quotes(t)) for k, t in items]
        headline = to_taiwan_quotes(headline)
    blocks = []
    if rng.random() < 0.45:
        blocks.append(('kicker', rng.choice(KICKERS_TC if tc else KICKERS_SC)))
    blocks.append(('headline', headline))
    subs = [t for k, t in items if k == 'sub']
    if subs and rng.random() < 0.5:
        # subtitle ——… taken from a later subsection title (then not repeated as a subhead)
        s = subs[0]
        blocks.append(('subtitle', '——' + s))
        items = [it for it in items if it != ('sub', s)]
    y, m, d = date(rng)
    place = rng.choice(PLACES_TC if tc else PLACES_SC)
    agency = rng.choice(AGENCIES_TC if tc else AGENCIES_SC)
    r = rng.random()
    byline_kind = None
    if r < 0.55:
        if agency in ('本报', '本報'):
            who = ('□本報記者　' if tc else '□本报记者　') + '　'.join(person(rng) for _ in range(rng.randint(1, 2)))
        else:
            who = '□' + agency + ('記者　' if tc else '记者　') + person(rng)
        blocks.append(('byline', who))
        byline_kind = 'top'
    elif r < 0.7:
        blocks.append(('byline', '□' + person(rng)))  # commentary: author only
        byline_kind = 'top'
    body = []
    dl = rng.random()
    dateline_end = None
    lead_prefix = ''
    if dl < 0.35:
        lead_prefix = (f'{agency}{place}{m}月{d}日電（記者{person(rng)}）' if tc else
                       f'{agency}{place}{m}月{d}日电（记者{person(rng)}）')
        if agency in ('本报', '本報'):
            lead_prefix = (f'本報{place}{m}月{d}日電　' if tc else f'本报{place}{m}月{d}日电　')
    elif dl < 0.6:
        dateline_end = (f'（{agency}{place}{m}月{d}日電）' if tc else f'（{agency}{place}{m}月{d}日电）')
    first = True
    cap_at = rng.randrange(1, max(2, len(items))) if rng.random() < 0.5 else -1
    for idx, (k, t) in enumerate(items):
        if idx == cap_at:
            body.append(('caption', rng.choice(CAPTION_TC if tc else CAPTION_SC).format(place=place) +
                         (f'（{agency}記者　{person(rng)}　攝）' if tc else f'（{agency}记者　{person(rng)}　摄）')))
        if k == 'sub':
            body.append(('subhead', t))
        else:
            body.append(('p', (lead_prefix + t) if first else t))
            first = False
    if dateline_end:
        body.append(('dateline', dateline_end))
    tail = rng.random()
    if tail < 0.35:
        body.append(('source', rng.choice(SOURCES_LINE_TC if tc else SOURCES_LINE_SC)))
    elif tail < 0.5:
        body.append(('editor', (f'（責任編輯：{person(rng)}）' if tc else f'（责任编辑：{person(rng)}）')))
    if byline_kind is None and rng.random() < 0.5:
        body.append(('byline', ('（作者：' if not tc else '（作者：') + person(rng) + '）'))
    return blocks, body


def esc(t):
    return html.escape(t, quote=False)


def render_html(rng, script, articles, layout):
    tc = script == 'tc'
    lang = 'zh-TW' if tc else 'zh-CN'
    serif = 'Noto Serif CJK TC' if tc else 'Noto Serif CJK SC'
    sans = 'Noto Sans CJK TC' if tc else 'Noto Sans CJK SC'
    fs = layout['fs']
    css = f"""
@page {{ size: {layout['W']:.0f}pt {layout['H']:.0f}pt; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
body {{ padding: 28pt 30pt; font-family: '{serif}'; font-size: {fs}pt; line-height: {layout['lh']}; color: #000; }}
.mast {{ font-family: '{sans}'; font-size: {fs*0.95:.2f}pt; border-bottom: 1.5pt solid #000; padding-bottom: 4pt; margin-bottom: 10pt; }}
.row {{ display: flex; gap: 2.2em; align-items: flex-start; }}
article {{ margin-bottom: 16pt; }}
.kicker {{ font-family: '{sans}'; font-size: {fs*1.1:.2f}pt; margin: 0 0 2pt 0; }}
h1 {{ font-family: '{sans}'; font-weight: bold; font-size: {layout['hs']}pt; line-height: 1.25; margin: 0 0 4pt 0; text-align: {layout['halign']}; }}
.subtitle {{ font-family: '{sans}'; font-size: {fs*1.25:.2f}pt; margin: 0 0 4pt 0; text-align: {layout['halign']}; }}
.byline {{ font-family: '{sans}'; margin: 2pt 0 6pt 0; }}
.cols {{ column-gap: {layout['gap']}em; column-rule: 0.4pt solid #888; text-align: {BODY_ALIGN}; line-break: {layout['lb']}; }}
.cols p {{ margin: 0 0 {layout['pspace']}em 0; text-indent: 2em; }}
.cols p.noindent {{ text-indent: 0; }}
.cols .sub {{ font-family: '{sans}'; font-weight: bold; text-align: center; margin: 0.5em 0; text-indent: 0; break-after: avoid; }}
.cols figure {{ margin: 0.4em 0 0.6em 0; break-inside: avoid; }}
.cols .photo {{ background: #bbb; height: {layout['photo_h']}em; }}
.cols figcaption {{ font-family: '{sans}'; font-size: {fs*0.85:.2f}pt; text-align: justify; margin-top: 2pt; }}
.cols .tail {{ text-align: right; text-indent: 0; }}
"""
    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>{css}</style></head><body>']
    out.append(f'<div class="mast">{esc(layout["mast"])}</div>')
    row = len(articles) > 1 and layout['side_by_side']
    if row:
        out.append('<div class="row">')
    for (blocks, body), ncols in zip(articles, layout['ncols']):
        width = ncols * layout['colw'] + (ncols - 1) * layout['gap']
        out.append(f'<article style="width:{width:.2f}em">')
        for k, t in blocks:
            tag = {'headline': 'h1'}.get(k, 'div')
            out.append(f'<{tag} class="{k}">{esc(t)}</{tag}>')
        out.append(f'<div class="cols" style="column-count:{ncols}; width:{width:.2f}em">')
        for k, t in body:
            if k == 'p':
                out.append(f'<p>{esc(t)}</p>')
            elif k == 'subhead':
                out.append(f'<p class="sub">{esc(t)}</p>')
            elif k == 'caption':
                out.append(f'<figure><div class="photo"></div><figcaption>{esc(t)}</figcaption></figure>')
            elif k in ('source', 'editor', 'byline'):
                out.append(f'<p class="tail">{esc(t)}</p>')
            else:
                out.append(f'<p class="noindent">{esc(t)}</p>')
        out.append('</div></article>')
    if row:
        out.append('</div>')
    out.append('</body></html>')
    return '\n'.join(out)


def make_page(seed_key, script, pools, want, seed=SEED):
    """Compose one page: returns (html, paragraphs[(kind, text)] in reading order, meta)."""
    rng = random.Random(f'{seed}-{seed_key}')
    tc = script == 'tc'
    fs = rng.choice([9, 9.5, 10, 10.5, 11])
    colw = rng.choice([10, 11, 12, 12.5, 13, 14, 15, 16, 17, 18, 20, 22, 24, 13.5, 15.5])
    gap = rng.choice([2.5, 3, 3.5])
    n_art = rng.choices([1, 2, 3], [0.45, 0.4, 0.15])[0]
    side = n_art == 2 and rng.random() < 0.35
    maxw_em = 980 / fs - 5  # keep the page at most ~broadsheet width
    if side:
        ncols = [rng.randint(2, 3), rng.randint(1, 2)]
    else:
        ncols = [rng.randint(2, 5) for _ in range(n_art)]
    ncols = [max(1, min(c, int((maxw_em + gap) // (colw + gap)))) for c in ncols]
    if side:
        while sum(ncols) * (colw + gap) + 2.2 > maxw_em and max(ncols) > 1:
            ncols[ncols.index(max(ncols))] -= 1
    total_budget = rng.randint(900, 1700)
    arts, used = [], set()
    for i in range(n_art):
        budget = int(total_budget * ncols[i] / sum(ncols)) if n_art > 1 else total_budget
        arts.append(make_article(rng, pools[want], script, max(250, budget), ncols[i]))
        used |= pools[want].used
    y, m, d = date(rng)
    wk = rng.choice(WEEK_SC)
    if tc:
        mast = f'{rng.choice(PAPERS_TC)}　{y}年{m}月{d}日　星期{wk}　第{rng.randint(2, 16)}版　{rng.choice(SECTIONS_TC)}'
    else:
        mast = f'{rng.choice(PAPERS_SC)}　{y}年{m}月{d}日　星期{wk}　第{rng.randint(2, 16)}版　{rng.choice(SECTIONS_SC)}'
    width_em = (sum(c * colw + (c - 1) * gap for c in ncols) + 2.2 * (len(ncols) - 1)) if side else \
        max(c * colw + (c - 1) * gap for c in ncols)
    W = width_em * fs + 60 + 2
    # generous height estimate: lines per article / ncols
    lh = rng.choice([1.45, 1.5, 1.6, 1.7])
    H = 70
    heights = []
    for (blocks, body), c in zip(arts, ncols):
        lines = sum(len(t) / colw + 1.6 for k, t in body) + sum(3 for k, t in body if k == 'caption') * 3
        hh = lines / c * fs * lh * 1.15 + 60 + len(blocks) * 30
        heights.append(hh)
    H += max(heights) if side else sum(heights)
    layout = dict(fs=fs, colw=colw, gap=gap, ncols=ncols, side_by_side=side, lh=lh,
                  hs=rng.choice([18, 20, 22, 24, 26]), halign=rng.choice(['left', 'left', 'center']),
                  lb=rng.choice(['strict', 'loose']), pspace=rng.choice([0, 0, 0.3, 0.6]), photo_h=rng.choice([6, 8, 10]),
                  mast=mast, W=W, H=max(H, 300))
    # reading order of paragraphs: masthead, then each article (blocks then body)
    paras = [('masthead', mast)]
    for blocks, body in arts:
        paras += blocks + body
    meta = dict(script=script, font_size_pt=fs, column_width_em=colw, columns=ncols, column_gap_em=gap,
                side_by_side=side, line_break=layout['lb'], line_height=lh,
                paragraph_spacing_em=layout['pspace'], text_indent_em=2, text_align='justify',
                headline_align=layout['halign'], source_packages=sorted(used))
    return layout, arts, paras, meta, rng


def render_pdf(html_text, layout, rng, workdir, name):
    """Render with headless Chromium; grow the page height until it fits on one PDF page."""
    for attempt in range(8):
        h = render_html(rng, layout['script'], layout['arts'], layout)
        hp = os.path.join(workdir, name + '.html')
        pdf = os.path.join(workdir, name + '.pdf')
        open(hp, 'w', encoding='utf-8').write(h)
        if ENGINE == 'weasyprint':
            import weasyprint
            weasyprint.HTML(filename=hp).write_pdf(pdf)
            layout['cropped'] = True  # @page is sized to the content estimate; not cropped again
            info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
            if int(re.search(r'Pages:\s+(\d+)', info).group(1)) == 1:
                return pdf, h
            layout['H'] *= 1.35
            continue
        prof = tempfile.mkdtemp(prefix='chr-', dir=workdir)
        cmd = ['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync',
               '--disable-extensions', '--user-data-dir=' + prof, '--no-pdf-header-footer',
               '--print-to-pdf-no-header', '--print-to-pdf=' + pdf, 'file://' + hp]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.rmtree(prof, ignore_errors=True)
        info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
        if pages == 1:
            if not layout.get('cropped'):
                # shrink the page to the content (plus margin) and render again
                import pymupdf
                doc = pymupdf.open(pdf)
                pg = doc[0]
                bottom = max([b[3] for b in pg.get_text('blocks')] + [d['rect'].y1 for d in pg.get_drawings()])
                doc.close()
                layout['H'] = bottom + 30
                layout['cropped'] = True
                continue
            return pdf, h
        layout['H'] *= 1.35
    raise RuntimeError('page does not fit: ' + name)


# ----------------------------------------------------------------------------- extractors

def ex_pdftotext(pdf, work):
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True).stdout.decode('utf-8')


def ex_pdftotext_raw(pdf, work):
    return subprocess.run(['pdftotext', '-raw', '-enc', 'UTF-8', pdf, '-'], capture_output=True).stdout.decode('utf-8')


def ex_pymupdf(pdf, work):
    import pymupdf
    doc = pymupdf.open(pdf)
    return ''.join(p.get_text('text') for p in doc)


def ex_pdfminer(pdf, work):
    import logging
    logging.getLogger('pdfminer').setLevel(logging.ERROR)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    # line_margin=1.0 instead of the default 0.5: with the default, lines set at line-height >= 1.45
    # never group into column boxes and every multi-column page comes out interleaved row by row.
    return extract_text(pdf, laparams=LAParams(line_margin=1.0))


def ex_pypdf(pdf, work):
    # optional extractor (--extractors pypdf): pypdf's default ("plain") extraction mode
    from pypdf import PdfReader
    return '\n'.join(p.extract_text() for p in PdfReader(pdf).pages)


def ex_pdfplumber(pdf, work):
    # optional extractor (--extractors pdfplumber): page.extract_text() with its defaults
    import logging
    logging.getLogger('pdfminer').setLevel(logging.ERROR)
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return '\n'.join(p.extract_text() for p in doc.pages)


def ex_pdfplumber_blocks(pdf, work):
    # optional extractor (--extractors pdfplumber-blocks): pdfplumber's page.extract_text() (defaults)
    # on the characters of each PyMuPDF text block (char centre inside the block box), blocks in
    # PyMuPDF's order, joined by '\n'. pdfplumber's default extract_text has no column analysis (it
    # groups characters into lines by their y across the whole page), so on these multi-column pages
    # plain `pdfplumber` interleaves the columns row by row and is dropped; this variant keeps
    # pdfplumber's own line building and spacing (x_tolerance=3, radicals, U+3000) in reading order.
    import logging
    logging.getLogger('pdfminer').setLevel(logging.ERROR)
    import pdfplumber, pymupdf
    mdoc = pymupdf.open(pdf)
    out = []
    key = lambda o: (o['x0'], o['top'], o['text'])
    with pdfplumber.open(pdf) as doc:
        for pg, mp in zip(doc.pages, mdoc):
            used = set()  # a character goes to the first block that holds it (block boxes can overlap
            for b in mp.get_text('blocks'):  # where an overlong line runs into the next column)
                def inside(o, x0=b[0], y0=b[1], x1=b[2], y1=b[3]):
                    if o.get('object_type') != 'char' or key(o) in used:
                        return False
                    cx, cy = (o['x0'] + o['x1']) / 2, (o['top'] + o['bottom']) / 2
                    return x0 <= cx <= x1 and y0 <= cy <= y1
                sub = pg.filter(inside)
                used.update(key(o) for o in sub.chars)
                t = sub.extract_text()
                if t:
                    out.append(t)
    return '\n'.join(out)


PDFJS_SCRIPT = r"""
// Text of every page of a PDF as pdf.js gives it: each text item's string,
// a line break where pdf.js marks the end of a line (hasEOL), pages apart.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const dir = process.env.PDFJS_DIR;
const at = (p) => pathToFileURL(path.join(dir, 'node_modules/pdfjs-dist', p)).href;
const { getDocument } = await import(at('legacy/build/pdf.mjs'));
const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0, cMapUrl: at('cmaps/'), cMapPacked: true }).promise;
let out = '';
for (let p = 1; p <= doc.numPages; p++) {
  const content = await (await doc.getPage(p)).getTextContent();
  for (const item of content.items) {
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  out += '\n';
}
process.stdout.write(out);
"""


def ex_pdfjs(pdf, work):
    # optional extractor (--extractors pdfjs): Mozilla's pdf.js (the text layer of Firefox and of
    # many web viewers), getTextContent() with its defaults, a line break at each item that ends a
    # line (hasEOL). Needs node and `npm install --prefix DIR pdfjs-dist@4`, DIR in $PDFJS_DIR.
    script = os.path.join(work, 'pdfjs-extract.mjs')
    if not os.path.exists(script):
        with open(script, 'w') as f:
            f.write(PDFJS_SCRIPT)
    return subprocess.run(['node', script, pdf], capture_output=True, check=True).stdout.decode('utf-8')


DEFAULT_EXTRACTORS = ['pdftotext', 'pdftotext-raw', 'pymupdf', 'pdfminer', 'ocr']
OPTIONAL_EXTRACTORS = ['pypdf', 'pdfplumber', 'pdfplumber-blocks', 'pdfjs']


# `--scan`: OCR a degraded image, as a scanned newsprint page gives it, instead of a clean render.
SCAN = False


def degrade(png, name):
    """Makes `png` look scanned: a slight skew, blur, speckle noise, JPEG artefacts
    (deterministic per page: seeded from its name). Returns the path of the degraded image."""
    from PIL import Image, ImageFilter
    rng = random.Random(name)
    img = Image.open(png).convert('L')
    img = img.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 3000):  # speckles: dust and paper grain
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 90, 180))
    out = png[:-4] + '.jpg'
    img.save(out, quality=rng.randint(35, 60))
    return out


def ex_ocr(pdf, work, lang):
    base = os.path.join(work, os.path.basename(pdf)[:-4] + '-ocr')
    dpi = '200' if SCAN else '300'
    subprocess.run(['pdftoppm', '-r', dpi, '-gray', '-png', '-singlefile', pdf, base], check=True)
    image = degrade(base + '.png', os.path.basename(pdf)) if SCAN else base + '.png'
    env = dict(os.environ, OMP_THREAD_LIMIT='1')
    r = subprocess.run(['tesseract', image, 'stdout', '-l', lang], capture_output=True, env=env)
    os.remove(base + '.png')
    if image != base + '.png':
        os.remove(image)
    return r.stdout.decode('utf-8')


# ----------------------------------------------------------------------------- alignment + labels

def fold(c):
    n = unicodedata.normalize('NFKC', c)
    return n if len(n) == 1 else c


def label_page(text, paras, fuzzy):
    """Align extracted text with source paragraphs. Returns (points, stats) or (None, reason)."""
    S, starts, kinds = [], [], []
    for k, t in paras:
        starts.append(len(S))
        kinds.append(k)
        S.extend(fold(c) for c in nows(t))
    para_of = []
    for i, (k, t) in enumerate(paras):
        para_of.extend([i] * len(nows(t)))
    bounds = set(starts[1:])
    lines = text.split('\n')
    E, eline = [], []
    line_span = []
    for li, l in enumerate(lines):
        a = len(E)
        for c in l:
            if not c.isspace():
                E.append(fold(c))
                eline.append(li)
        line_span.append((a, len(E)))
    if not E:
        return None, 'empty extraction'
    sm = difflib.SequenceMatcher(None, S, E, autojunk=False)
    e2s = [-1] * len(E)
    matched = 0
    for blk in sm.get_matching_blocks():
        for o in range(blk.size):
            e2s[blk.b + o] = blk.a + o
        matched += blk.size
    cov_s, cov_e = matched / len(S), matched / len(E)
    min_cov = 0.85 if fuzzy else 0.97
    if cov_s < min_cov or cov_e < min_cov:
        return None, f'alignment coverage too low (source {cov_s:.3f}, extracted {cov_e:.3f}): reordered or lost text'
    # reordered-block check: an unaligned run of extracted text that occurs elsewhere in the source
    sstr = ''.join(S)
    grams = {sstr[i:i + 4] for i in range(len(sstr) - 3)}
    i = 0
    while i < len(E):
        if e2s[i] >= 0:
            i += 1
            continue
        j = i
        while j < len(E) and e2s[j] < 0:
            j += 1
        run = ''.join(E[i:j])
        if len(run) >= 5:
            g = [run[x:x + 4] for x in range(len(run) - 3)]
            if sum(x in grams for x in g) / len(g) > 0.5:
                return None, f'reordered block: {run[:20]!r}'
        i = j
    nonblank = [li for li, l in enumerate(lines) if l.strip()]
    points, n_either_fuzzy = [], 0
    for x, y in zip(nonblank, nonblank[1:]):
        ea, eb = line_span[x][1], line_span[y][0]  # E index after line x / first of line y
        p = ea - 1
        while p >= 0 and e2s[p] < 0:
            p -= 1
        q = eb
        while q < len(E) and e2s[q] < 0:
            q += 1
        a = e2s[p] if p >= 0 else -1
        b = e2s[q] if q < len(E) else len(S)
        trail = ea - 1 - p   # unaligned extracted chars at the end of line x
        lead = q - eb        # unaligned extracted chars at the start of line y
        brk = any(k in bounds for k in range(a + 1, b + 1)) or b >= len(S) or a < 0
        if brk:
            lab = 'break'
            if fuzzy and (trail >= 4 or lead >= 4) and not (a + 1 in bounds or b in bounds):
                lab = 'either'
                n_either_fuzzy += 1
        else:
            lab = 'join'
            if kinds[para_of[a]] in ('headline', 'masthead'):
                lab = 'either'
            elif fuzzy and b - a - 1 > 6:
                lab = 'either'
                n_either_fuzzy += 1
        points.append({'after_line': x + 1, 'before_line': y + 1, 'blank_lines_between': y - x - 1, 'label': lab})
    # paragraph boundaries that fall inside an extracted line (two paragraphs on one line)
    ends = set()
    for x in nonblank:
        p = line_span[x][1] - 1
        while p >= 0 and e2s[p] < 0:
            p -= 1
        if p >= 0:
            ends.add(e2s[p] + 1)
    inline = sum(1 for k in bounds if k not in ends and any(
        e2s[i] == k for i in range(len(E))))
    stats = dict(coverage_source=round(cov_s, 4), coverage_extracted=round(cov_e, 4),
                 paragraphs=len(paras), boundaries_inside_a_line=inline, fuzzy_either=n_either_fuzzy)
    return points, stats


def prefix_of(name):
    return name[0]


def is_an(c):
    return c.isascii() and c.isalnum()


def expected_text(text, points):
    lines = text.split('\n')
    nonblank = [li for li, l in enumerate(lines) if l.strip()]
    if not nonblank:
        return ''
    paras = [lines[nonblank[0]].strip()]
    for pt in points:
        nxt = lines[pt['before_line'] - 1].strip()
        if pt['label'] == 'join':
            sep = ' ' if is_an(paras[-1][-1]) and is_an(nxt[0]) else ''
            paras[-1] += sep + nxt
        else:
            paras.append(nxt)
    return '\n\n'.join(paras) + '\n'


def write_page(outdir, name, text, points, note):
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, name + '.txt'), 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    body = ',\n'.join('  ' + json.dumps(p, ensure_ascii=False, separators=(',', ':')) for p in points)
    with open(os.path.join(outdir, name + '.labels.json'), 'w', encoding='utf-8') as f:
        f.write('{\n "source": %s,\n "note": %s,\n "points": [\n%s\n ]\n}\n' % (
            json.dumps(name + '.txt'), json.dumps(note, ensure_ascii=False), body))
    with open(os.path.join(outdir, name + '.expected.txt'), 'w', encoding='utf-8') as f:
        f.write(expected_text(text, points))


def write_tight_page(out, fname, flowing_text):
    """`flowing-tight/`: a flowing page's paragraphs one per line with no blank
    line between; every label is "break"."""
    paras = [l for l in flowing_text.split('\n') if l.strip()]
    text = '\n'.join(paras) + '\n'
    points = [{'after_line': j + 1, 'before_line': j + 2, 'blank_lines_between': 0, 'label': 'break'}
              for j in range(len(paras) - 1)]
    write_page(os.path.join(out, 'flowing-tight'), fname, text, points,
               NOTE + '; already-flowing text with no blank lines: must come back unchanged')


# ----------------------------------------------------------------------------- main

def versions(extra=()):
    def first(cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    v = {}
    v['chromium'] = first(['chromium', '--version'])
    v['pdftotext'] = first(['pdftotext', '-v'])
    v['tesseract'] = first(['tesseract', '--version'])
    try:
        import pymupdf
        v['pymupdf'] = pymupdf.VersionBind
    except Exception:
        pass
    try:
        import pdfminer
        v['pdfminer.six'] = pdfminer.__version__
    except Exception:
        pass
    if 'pypdf' in extra:
        import pypdf
        v['pypdf'] = pypdf.__version__
    if 'pdfplumber' in extra or 'pdfplumber-blocks' in extra:
        import pdfplumber
        v['pdfplumber'] = pdfplumber.__version__
    if 'pdfjs' in extra:
        package = os.path.join(os.environ['PDFJS_DIR'], 'node_modules/pdfjs-dist/package.json')
        with open(package) as f:
            v['pdfjs-dist'] = json.load(f)['version']
    for pkg in ['debian-reference-zh-cn', 'debian-reference-zh-tw', 'debian-faq-zh-cn', 'maint-guide-zh-cn',
                'maint-guide-zh-tw', 'debian-edu-doc-zh-cn', 'fonts-noto-cjk', 'tesseract-ocr-chi-sim',
                'tesseract-ocr-chi-tra']:
        r = subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg], capture_output=True, text=True)
        v[pkg] = r.stdout.strip()
    return v


NOTE = ('1-based line numbers; one label per break point between consecutive non-blank lines; '
        'labels from aligning the extracted text with the source paragraphs; '
        'either = both acceptable (expected.txt resolves either as break)')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    ap.add_argument('--no-ocr', action='store_true')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--keep', action='store_true', help='debug: keep the work dir (html, pdf, dropped texts)')
    ap.add_argument('--limit', type=int, default=0, help='debug: pages per group')
    ap.add_argument('--seed', type=int, default=SEED, help=f'composition seed (default {SEED}, the committed corpus)')
    ap.add_argument('--extractors', default='default',
                    help='comma-separated: "default" (= ' + ','.join(DEFAULT_EXTRACTORS) + ') and/or any of ' +
                    ', '.join(DEFAULT_EXTRACTORS + OPTIONAL_EXTRACTORS) + '; the optional ones write their own '
                    'split dirs (pNN and mNN pages)')
    ap.add_argument('--ragged', action='store_true',
                    help='set the body text ragged right (text-align: start) instead of justified; '
                         'for a generalization check, never the committed corpus')
    ap.add_argument('--engine', choices=['chromium', 'weasyprint'], default='chromium',
                    help='the engine that prints the pages (weasyprint: a generalization check, '
                         'never the committed corpus)')
    ap.add_argument('--scan', action='store_true',
                    help='OCR a degraded image (200 dpi, skew, blur, speckles, JPEG) as a scan of '
                         'newsprint gives it; a generalization check, never the committed corpus')
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    if args.scan:
        if out == os.path.abspath(ap.get_default('out')):
            ap.error('--scan would overwrite the committed corpus: give another --out')
        global SCAN
        SCAN = True
    if args.engine != 'chromium':
        if out == os.path.abspath(ap.get_default('out')):
            ap.error('--engine weasyprint would overwrite the committed corpus: give another --out')
        global ENGINE
        ENGINE = args.engine
    if args.ragged:
        if out == os.path.abspath(ap.get_default('out')):
            ap.error('--ragged would overwrite the committed corpus: give another --out')
        global BODY_ALIGN
        BODY_ALIGN = 'start'
    if args.seed != SEED and out == os.path.abspath(ap.get_default('out')):
        ap.error(f'--seed {args.seed} would overwrite the committed corpus (seed {SEED}): give another --out')
    chosen = []
    for x in args.extractors.split(','):
        x = x.strip()
        for y in (DEFAULT_EXTRACTORS if x == 'default' else [x]):
            if y not in DEFAULT_EXTRACTORS + OPTIONAL_EXTRACTORS:
                ap.error(f'unknown extractor {y!r}')
            if y not in chosen:
                chosen.append(y)
    if args.no_ocr and 'ocr' in chosen:
        chosen.remove('ocr')
    optional = [x for x in OPTIONAL_EXTRACTORS if x in chosen]
    if out == os.path.abspath(ap.get_default('out')) and any(
            x not in chosen for x in DEFAULT_EXTRACTORS if not (x == 'ocr' and args.no_ocr)):
        ap.error('--extractors without every default extractor would drop splits (and manifest entries) '
                 'of the committed corpus: give another --out')
    work = tempfile.mkdtemp(prefix='cjk-corpus-')
    sc = load_sections(SOURCES_SC)
    tc = load_sections(SOURCES_TC)
    print(f'source sections: simplified {len(sc)}, traditional {len(tc)}', file=sys.stderr)
    seed = args.seed
    rng = random.Random(seed)
    pools = {'sc': {'zh': Pool(sc, rng, 'zh'), 'mixed': Pool(sc, rng, 'mixed')},
             'tc': {'zh': Pool(tc, rng, 'zh')}}

    # group: (prefix, count, script, want, [(split_dir, extractor, name_suffix)])
    ocr_sc = [] if args.no_ocr else [('ocr', 'ocr')]
    # optional extractors (never by default): own split dir each, simplified pNN and mixed mNN pages
    new_sc = [(x, x) for x in optional]
    groups = [
        ('p', N_SIMPLIFIED, 'sc', 'zh', [('pdftotext', 'pdftotext'), ('pdftotext-raw', 'pdftotext-raw'),
                                         ('pymupdf', 'pymupdf'), ('pdfminer', 'pdfminer')] + ocr_sc + new_sc),
        ('t', N_TRADITIONAL, 'tc', 'zh', [('traditional', 'pdftotext'), ('traditional', 'pdftotext-raw'),
                                          ('traditional', 'pymupdf')] + ([] if args.no_ocr else [('traditional', 'ocr')])),
        ('m', N_MIXED, 'sc', 'mixed', [('mixed', 'pdftotext'), ('mixed', 'pdftotext-raw'), ('mixed', 'pymupdf'),
                                       ('mixed', 'pdfminer')] + ocr_sc + new_sc),
    ]
    # --extractors: keep only the chosen extractors' targets (the default keeps them all)
    groups = [(prefix, count, script, want, [t for t in targets if t[1] in chosen])
              for prefix, count, script, want, targets in groups]
    written = sorted({t[0] for g in groups for t in g[4]})
    full = all(x in chosen for x in DEFAULT_EXTRACTORS if x != 'ocr')  # every default split is written
    for d in ['pdftotext', 'pdftotext-raw', 'pymupdf', 'pdfminer', 'ocr', 'traditional', 'mixed', 'flowing']:
        if full or d in written or d == 'flowing':
            shutil.rmtree(os.path.join(out, d), ignore_errors=True)
    for d in optional:
        shutil.rmtree(os.path.join(out, d), ignore_errors=True)
    manifest = {'seed': seed, 'generator': 'tests/corpus/tools/generate.py', 'versions': versions(optional),
                'pages': [], 'dropped': [], 'counts': {}}
    if chosen != [x for x in DEFAULT_EXTRACTORS if not (x == 'ocr' and args.no_ocr)]:
        manifest['extractors'] = chosen

    # 1. compose + render all pages (sequential composition keeps pool order deterministic)
    jobs = []
    for prefix, count, script, want, targets in groups:
        if args.limit:
            count = min(count, args.limit)
        for i in range(1, count + 1):
            name = f'{prefix}{i:02d}'
            layout, arts, paras, meta, prng = make_page(name, script, pools[script], want, seed)
            layout['script'] = script
            layout['arts'] = arts
            tg = [t for t in targets if not (t[1] == 'ocr' and prefix == 'p' and i > N_OCR)]
            jobs.append((name, script, want, tg, layout, paras, meta, prng))

    def do_render(job):
        name, script, want, targets, layout, paras, meta, prng = job
        if not targets:  # --extractors left nothing to extract from this page: not rendered
            return None
        pdf, _ = render_pdf(None, layout, prng, work, name)
        return pdf

    with ThreadPoolExecutor(args.jobs) as ex:
        pdfs = list(ex.map(do_render, jobs))
    print(f'rendered {sum(p is not None for p in pdfs)} pages', file=sys.stderr)

    # 2. extract (OCR is the slow part: at most `jobs` tesseract processes at once)
    tasks = []
    for job, pdf in zip(jobs, pdfs):
        name, script, want, targets, layout, paras, meta, prng = job
        for split, exname in targets:
            tasks.append((job, pdf, split, exname))

    def do_extract(t):
        job, pdf, split, exname = t
        if exname == 'ocr':
            return ex_ocr(pdf, work, 'chi_tra' if job[1] == 'tc' else 'chi_sim')
        return {'pdftotext': ex_pdftotext, 'pdftotext-raw': ex_pdftotext_raw, 'pymupdf': ex_pymupdf,
                'pdfminer': ex_pdfminer, 'pypdf': ex_pypdf, 'pdfplumber': ex_pdfplumber,
                'pdfplumber-blocks': ex_pdfplumber_blocks, 'pdfjs': ex_pdfjs}[exname](pdf, work)

    with ThreadPoolExecutor(args.jobs) as ex:
        texts = list(ex.map(do_extract, tasks))

    # 3. align + label + write
    counts, drops = {}, {}
    for (job, pdf, split, exname), text in zip(tasks, texts):
        name, script, want, targets, layout, paras, meta, prng = job
        fname = name if split == exname else f'{name}-{exname}'
        points, stats = label_page(text, paras, fuzzy=(exname == 'ocr'))
        key = split
        counts.setdefault(key, 0)
        drops.setdefault(key, 0)
        if points is None:
            drops[key] += 1
            manifest['dropped'].append({'split': split, 'name': fname, 'extractor': exname, 'reason': stats})
            if args.keep:
                open(os.path.join(work, fname + '.' + exname + '.dropped.txt'), 'w', encoding='utf-8').write(text)
            continue
        if prefix_of(name) == 'p' and counts[key] >= MAX_PER_SPLIT:
            manifest.setdefault('not_kept_over_cap', []).append(f'{split}/{fname}')
            continue
        counts[key] += 1
        note = NOTE + f'; extractor: {exname}; page: {name} ({"traditional" if script == "tc" else "simplified"}' \
                      f'{", mixed" if want == "mixed" else ""})'
        write_page(os.path.join(out, split), fname, text, points, note)
        lab = [p['label'] for p in points]
        manifest['pages'].append(dict(split=split, name=fname, page=name, extractor=exname,
                                      traditional=script == 'tc', mixed=want == 'mixed', **meta, **stats,
                                      points=len(points), joins=lab.count('join'), breaks=lab.count('break'),
                                      either=lab.count('either')))

    # 4. flowing text: one paragraph per line, blank line between; every label is "break"
    frng = random.Random(f'{seed}-flowing')
    n_flow = N_FLOWING if not args.limit else min(args.limit, N_FLOWING)
    for i in range(1, n_flow + 1):
        script, want = [('sc', 'zh'), ('sc', 'zh'), ('tc', 'zh'), ('sc', 'mixed')][i % 4]
        layout, arts, paras, meta, prng = make_page(f'f{i:02d}', script, pools[script], want, seed)
        text = '\n\n'.join(t for k, t in paras) + '\n'
        n = len(paras)
        points = [{'after_line': 2 * j + 1, 'before_line': 2 * j + 3, 'blank_lines_between': 1, 'label': 'break'}
                  for j in range(n - 1)]
        fname = f'f{i:02d}'
        write_page(os.path.join(out, 'flowing'), fname, text, points,
                   NOTE + '; already-flowing text: must come back unchanged')
        counts['flowing'] = counts.get('flowing', 0) + 1
        drops.setdefault('flowing', 0)
        manifest['pages'].append(dict(split='flowing', name=fname, page=fname, extractor=None,
                                      traditional=script == 'tc', mixed=want == 'mixed', points=len(points),
                                      joins=0, breaks=len(points), either=0))
        # The same text with no blank lines, as books and text renderers write it.
        write_tight_page(out, fname, text)
        counts['flowing-tight'] = counts.get('flowing-tight', 0) + 1
        drops.setdefault('flowing-tight', 0)
        manifest['pages'].append(dict(split='flowing-tight', name=fname, page=fname, extractor=None,
                                      traditional=script == 'tc', mixed=want == 'mixed', points=len(points),
                                      joins=0, breaks=len(points), either=0))
    manifest['counts'] = {k: {'pages': counts[k], 'dropped': drops.get(k, 0)} for k in sorted(counts)}
    with open(os.path.join(out, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write('\n')
    for k in sorted(counts):
        print(f'{k:15s} pages {counts[k]:3d}  dropped {drops.get(k, 0):3d}')
    for d in manifest['dropped']:
        print('  dropped', d['split'], d['name'], d['reason'])
    if args.keep:
        print('work dir kept:', work, file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()

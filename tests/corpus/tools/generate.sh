#!/usr/bin/env bash
# Regenerate the labelled extracted-newspaper-page corpus in tests/corpus/.
#
# Installs (Debian 12 "bookworm", run as root):
#   apt: chromium fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra
#        debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn maint-guide-zh-cn
#        maint-guide-zh-tw debian-edu-doc-zh-cn
#   pip: pymupdf pdfminer.six
# Then runs generate.py (fixed seed, see SEED there) and the baseline/expected-file check.
# Takes roughly 15-25 minutes on 2 cores (OCR is most of it); pass --no-ocr to skip OCR.
# CI does not run this: it uses the committed output.
#
#   bash generate.sh --xelatex   regenerates only the held-out xelatex/ split (generate_xelatex.py;
#                                also installs texlive-xetex texlive-lang-chinese texlive-latex-extra lmodern)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = --xelatex ]; then
  shift
  if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -q --no-install-recommends \
      texlive-xetex texlive-lang-chinese texlive-latex-extra lmodern fonts-noto-cjk poppler-utils \
      debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn maint-guide-zh-cn \
      maint-guide-zh-tw debian-edu-doc-zh-cn
    python3 -m pip install -q pymupdf
  fi
  python3 "$here/generate_xelatex.py" --out "$here/.." "$@"
  python3 "$here/baselines.py" "$here/.."
  exit
fi
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -q --no-install-recommends \
    chromium fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra \
    debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn maint-guide-zh-cn \
    maint-guide-zh-tw debian-edu-doc-zh-cn
  python3 -m pip install -q pymupdf pdfminer.six
fi
python3 "$here/generate.py" --out "$here/.." "$@" 2> >(grep -v 'FontBBox' >&2)
python3 "$here/baselines.py" "$here/.."

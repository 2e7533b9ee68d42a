#!/usr/bin/env python3
"""Writes a CSS file as a part of the glue's second script (yibao-later.js): one statement that
puts it into the page as a <style> element.

usage: css_to_js.py IN.css OUT.js
Comments are dropped and runs of white space shortened; the text goes in as a JSON string (quotes,
backslashes and '</' cannot end or break the script).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_files import write_if_changed  # noqa: E402


def main() -> int:
    src, out = sys.argv[1], sys.argv[2]
    try:
        with open(src, encoding="utf-8") as f:
            css = f.read()
    except OSError as e:
        print(f"css_to_js: {src}: {e.strerror}", file=sys.stderr)
        return 1
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css).strip()
    text = json.dumps(css, ensure_ascii=False).replace("</", "<\\/")
    js = ("\n  // " + src.replace("\\", "/").split("/web/")[-1] + " (web/tools/css_to_js.py)\n"
          "  (function () {\n"
          "    var style = document.createElement('style');\n"
          f"    style.textContent = {text};\n"
          "    document.head.appendChild(style);\n"
          "  })();\n")
    write_if_changed(out, js)
    return 0


if __name__ == "__main__":
    sys.exit(main())

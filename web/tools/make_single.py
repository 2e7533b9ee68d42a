#!/usr/bin/env python3
"""Builds the single-file page: one HTML file that works when opened from file://.

usage: make_single.py --root REPO --js yibao-single.js --later yibao-later.js --font yibao-sc.otf
                      --out yibao-calc.html [--rules DIR] [--version V]

Starts from the template web/index.html: @YIBAO_VERSION@ -> the version, @YIBAO_SINGLE@ -> true,
the block between <!--@YIBAO_NET_BEGIN@--> and <!--@YIBAO_NET_END@--> (manifest, icons, preloads)
and the share picture's <div id="share-image"> line are removed (nothing to fetch from file://),
and <!--@YIBAO_SINGLE_SLOT@--> becomes the font as base64 in <script id="yibao-font">, the rules
as JSON text in <script id="yibao-rules" type="application/json">, the glue's second part
(yibao-later.js: the page runs it once its first frame is on screen) in <script id="yibao-later"
type="text/plain">, and the SINGLE_FILE build's JavaScript (wasm inside) in a <script>.

The rules: every *.json under DIR (default REPO/rules; rules/schema.json is not a rules file), as
{"files": [{"path": "rules/<path under DIR>", "text": the file without layout whitespace,
"sha256": of the file as it is}]} (the same as the site's wasm bundles: embed_rules.py). The
single file's wasm holds no rules (platform/rules_from_page.cpp): running this again with new rules
refreshes them without linking the wasm again.

The version (unless --version is given): the first 12 hex digits of a SHA-256 over the JS, the
font, the template and the rules, by the same scheme as stamp_site.py.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from embed_rules import without_layout  # noqa: E402
from stamp_site import StampError, check_filled, check_version, hash_version, read_bytes  # noqa: E402

NET_BLOCK = re.compile(r"[ \t]*<!--@YIBAO_NET_BEGIN@-->.*?<!--@YIBAO_NET_END@-->[ \t]*\r?\n?", re.S)
SHARE_IMAGE_LINE = re.compile(r"^[ \t]*<div id=\"share-image\">.*?</div>[ \t]*\r?\n", re.M)
SLOT = "<!--@YIBAO_SINGLE_SLOT@-->"


def inline_script(js: str) -> str:
    """The JS as the text of a <script> element: '</script' may not appear inside it."""
    if "\0" in js:
        raise StampError("the JavaScript holds a NUL character: the HTML parser would replace it")
    if "<!--" in js:
        # '<!--' then '<script' would put the HTML parser in its "double escaped" state, where
        # the closing </script> no longer closes. Emscripten's output has none; say so if it does.
        raise StampError("the JavaScript holds '<!--': it cannot be inlined safely")
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.I)


def rules_files(rules_dir: str) -> dict:
    """{"rules/<path>": bytes} of every rules file under rules_dir, in path order."""
    found = {}
    for folder, dirs, names in os.walk(rules_dir):
        dirs.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, rules_dir).replace(os.sep, "/")
            if not name.endswith(".json") or rel == "schema.json":
                continue
            found["rules/" + rel] = read_bytes(full, "It belongs to the rules folder.")
    if not found:
        raise StampError(f"{rules_dir}: no rules files (*.json) in it")
    return found


def rules_json(files: dict) -> str:
    """The rules as the text of a <script type="application/json">: '<' only inside JSON strings,
    written as \\u003c, so '</script' and '<!--' cannot occur."""
    entries = []
    for path, raw in files.items():
        try:
            text = without_layout(raw).decode("utf-8")
        except UnicodeDecodeError as e:
            raise StampError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
        entries.append({"path": path, "text": text, "sha256": hashlib.sha256(raw).hexdigest()})
    text = json.dumps({"files": entries}, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")


def build_html(template: str, js: str, later: str, font: bytes, rules: str, version: str) -> str:
    if SLOT not in template:
        raise StampError(f"web/index.html has no {SLOT}: the page and the build disagree")
    text, blocks = NET_BLOCK.subn("", template)
    if blocks != 1:
        raise StampError("web/index.html needs exactly one <!--@YIBAO_NET_BEGIN@-->...<!--@YIBAO_NET_END@--> block")
    text = SHARE_IMAGE_LINE.sub("", text)
    text = text.replace("@YIBAO_VERSION@", version).replace("@YIBAO_SINGLE@", "true")
    check_filled(text.replace(SLOT, ""), "web/index.html")
    payload = ('<script id="yibao-font" type="application/octet-stream">'
               + base64.b64encode(font).decode("ascii") + "</script>\n"
               + '<script id="yibao-rules" type="application/json">' + rules + "</script>\n"
               + '<script id="yibao-later" type="text/plain">' + inline_script(later) + "</script>\n"
               + "<script>" + inline_script(js) + "</script>")
    return text.replace(SLOT, payload, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the repository (holds web/index.html)")
    parser.add_argument("--js", required=True, help="the SINGLE_FILE build's JavaScript (yibao-single.js)")
    parser.add_argument("--later", required=True, help="the glue's second part (build/web/yibao-later.js)")
    parser.add_argument("--font", required=True, help="the subset font (build/web/yibao-sc.otf)")
    parser.add_argument("--out", required=True, help="the HTML file to write")
    parser.add_argument("--rules", help="the rules folder (default: REPO/rules)")
    parser.add_argument("--version", help="use this version instead of the content hash")
    args = parser.parse_args()
    hint = "Build it first: make web-single"
    try:
        template = read_bytes(os.path.join(args.root, "web", "index.html"), "It belongs to the repository.")
        js = read_bytes(args.js, hint)
        later = read_bytes(args.later, hint)
        font = read_bytes(args.font, hint)
        rules = rules_files(args.rules or os.path.join(args.root, "rules"))
        version = check_version(args.version or hash_version(
            {"single/yibao-single.js": js, "site/yibao-later.js": later, "site/yibao-sc.otf": font,
             "web/index.html": template, **rules}))
        html = build_html(template.decode("utf-8"), js.decode("utf-8"), later.decode("utf-8"), font, rules_json(rules),
                          version)
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(html)
    except StampError as e:
        print(f"make_single: {e}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as e:
        print(f"make_single: not UTF-8 text: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"make_single: cannot write {args.out}: {e.strerror}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(html.encode('utf-8'))} bytes, version {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

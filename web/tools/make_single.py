#!/usr/bin/env python3
"""Builds the single-file page: one HTML file that works when opened from file://.

usage: make_single.py --root REPO --js yibao-single.js --font yibao-sc.otf --out yibao-calc.html
                      [--version V]

Starts from the template web/index.html: @YIBAO_VERSION@ -> the version, @YIBAO_SINGLE@ -> true,
the block between <!--@YIBAO_NET_BEGIN@--> and <!--@YIBAO_NET_END@--> (manifest, icons, preloads)
and the share picture's <div id="share-image"> line are removed (nothing to fetch from file://),
and <!--@YIBAO_SINGLE_SLOT@--> becomes the font as base64 in <script id="yibao-font"> followed by
the SINGLE_FILE build's JavaScript (wasm inside) in a <script>.

The version (unless --version is given): the first 12 hex digits of a SHA-256 over the JS, the
font and the template, by the same scheme as stamp_site.py.
"""
import argparse
import base64
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
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


def build_html(template: str, js: str, font: bytes, version: str) -> str:
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
               + "<script>" + inline_script(js) + "</script>")
    return text.replace(SLOT, payload, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the repository (holds web/index.html)")
    parser.add_argument("--js", required=True, help="the SINGLE_FILE build's JavaScript (yibao-single.js)")
    parser.add_argument("--font", required=True, help="the subset font (build/web/yibao-sc.otf)")
    parser.add_argument("--out", required=True, help="the HTML file to write")
    parser.add_argument("--version", help="use this version instead of the content hash")
    args = parser.parse_args()
    hint = "Build it first: make web-single"
    try:
        template = read_bytes(os.path.join(args.root, "web", "index.html"), "It belongs to the repository.")
        js = read_bytes(args.js, hint)
        font = read_bytes(args.font, hint)
        version = check_version(args.version or hash_version(
            {"single/yibao-single.js": js, "site/yibao-sc.otf": font, "web/index.html": template}))
        html = build_html(template.decode("utf-8"), js.decode("utf-8"), font, version)
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

#!/usr/bin/env python3
"""Turns the Emscripten output folder into the deployable, versioned, offline-capable site.

usage: stamp_site.py --root REPO --site DIR [--version V]

DIR already holds yibao.js, yibao.wasm and yibao-sc.otf (cmake/web.cmake builds them). This copies
web/index.html, web/sw.js, web/manifest.webmanifest and web/icons/* into DIR, fills in their
placeholders, writes DIR/version.txt and brotli copies (*.br, when the brotli program exists), and
prints the version. The templates are always read from REPO/web, so it can run again on a site it
already stamped (e.g. with --version to simulate a new build).

The version (unless --version is given): the first 12 hex digits of a SHA-256 over the site's
inputs (see site_version). Placeholders: @YIBAO_VERSION@, @YIBAO_SINGLE@ (false here),
<!--@YIBAO_NET_BEGIN@--> / <!--@YIBAO_NET_END@--> (the markers go, their content stays),
<!--@YIBAO_SINGLE_SLOT@--> (empty here), and in sw.js @YIBAO_PRECACHE@ (a JSON array of URLs).
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

BUILT_FILES = ("yibao.js", "yibao-later.js", "yibao.wasm", "yibao-deferred.wasm", "yibao-sc.otf", "yibao-sc-first.otf")  # the build's
TEMPLATES = ("index.html", "sw.js", "manifest.webmanifest")       # from REPO/web
ICONS = ("icon-192.png", "icon-512.png", "apple-touch-icon.png", "icon-32.png")  # from REPO/web/icons
BROTLI_FILES = ("index.html", "yibao.js", "yibao-later.js", "yibao.wasm", "yibao-deferred.wasm", "yibao-sc.otf", "yibao-sc-first.otf", "sw.js",
                "manifest.webmanifest")
VERSION_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class StampError(Exception):
    pass


def read_bytes(path: str, hint: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise StampError(f"{path}: {e.strerror}. {hint}") from None


def hash_version(named_contents: dict) -> str:
    """First 12 hex digits of SHA-256 over the files sorted by name: name, size, bytes each."""
    h = hashlib.sha256()
    for name in sorted(named_contents):
        data = named_contents[name]
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:12]


def site_inputs(root: str, site: str) -> dict:
    """Every input of the site by a stable name ('site/yibao.js', 'web/sw.js', 'web/icons/...')."""
    build_hint = "Build the site first: make web"
    inputs = {f"site/{name}": read_bytes(os.path.join(site, name), build_hint) for name in BUILT_FILES}
    for name in TEMPLATES:
        inputs[f"web/{name}"] = read_bytes(os.path.join(root, "web", name), "It belongs to the repository.")
    for name in ICONS:
        inputs[f"web/icons/{name}"] = read_bytes(
            os.path.join(root, "web", "icons", name), "Draw the icons: python3 web/tools/make_icons.py")
    return inputs


def check_version(version: str) -> str:
    if not VERSION_RE.match(version):
        raise StampError(f"version {version!r}: use letters, digits, '.', '_' or '-' (it goes into URLs)")
    return version


def replace_marker(text: str, marker: str, replacement: str, where: str) -> str:
    """Replaces the one line holding only `marker` (or the marker alone) by `replacement`."""
    if marker not in text:
        raise StampError(f"{where} has no {marker}: the page and the build disagree")
    line = re.compile(r"^[ \t]*" + re.escape(marker) + r"[ \t]*\r?\n", re.M)
    if line.search(text):
        return line.sub(lambda _: replacement + ("\n" if replacement else ""), text)
    return text.replace(marker, replacement)


def check_filled(text: str, where: str) -> None:
    left = sorted(set(re.findall(r"@YIBAO_[A-Z_]*@", text)))
    if left:
        raise StampError(f"{where}: unknown placeholder(s) {', '.join(left)}: teach web/tools/stamp_site.py")


def stamp_index(template: str, version: str) -> str:
    text = replace_marker(template, "<!--@YIBAO_NET_BEGIN@-->", "", "web/index.html")
    text = replace_marker(text, "<!--@YIBAO_NET_END@-->", "", "web/index.html")
    text = replace_marker(text, "<!--@YIBAO_SINGLE_SLOT@-->", "", "web/index.html")
    text = text.replace("@YIBAO_VERSION@", version).replace("@YIBAO_SINGLE@", "false")
    check_filled(text, "web/index.html")
    return text


def published_rules(site: str) -> list:
    """rules/index.json and the files it lists, when the site publishes its rules
    (web/tools/publish_rules.py): the offline copy holds them too (sw.js: network first)."""
    index = os.path.join(site, "rules", "index.json")
    if not os.path.exists(index):
        return []
    with open(index, encoding="utf-8") as f:
        files = json.load(f).get("files", [])
    return ["rules/index.json"] + [f"rules/{entry['path']}" for entry in files]


def precache_list(version: str, rules: list = ()) -> list:
    return (["./", "index.html"] + [f"{name}?v={version}" for name in BUILT_FILES]
            + ["manifest.webmanifest"] + [f"icons/{name}" for name in ICONS] + list(rules))


def stamp_sw(template: str, version: str, rules: list = ()) -> str:
    for placeholder in ("@YIBAO_VERSION@", "@YIBAO_PRECACHE@"):
        if placeholder not in template:
            raise StampError(f"web/sw.js has no {placeholder}")
    text = template.replace("@YIBAO_VERSION@", version)
    text = text.replace("@YIBAO_PRECACHE@", json.dumps(precache_list(version, rules)))
    check_filled(text, "web/sw.js")
    return text


def write(path: str, data) -> None:
    mode, kwargs = ("w", {"encoding": "utf-8", "newline": "\n"}) if isinstance(data, str) else ("wb", {})
    try:
        with open(path, mode, **kwargs) as f:
            f.write(data)
    except OSError as e:
        raise StampError(f"cannot write {path}: {e.strerror}") from None


def compress(site: str) -> bool:
    brotli = shutil.which("brotli")
    if not brotli:
        return False
    for name in BROTLI_FILES:
        path = os.path.join(site, name)
        result = subprocess.run([brotli, "-f", "-q", "11", "-o", path + ".br", path],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            raise StampError(f"brotli failed on {path}: {result.stderr.strip()}")
    return True


def stamp(root: str, site: str, version: str = None) -> str:
    if not os.path.isdir(site):
        raise StampError(f"{site} is not a folder. Build the site first: make web")
    inputs = site_inputs(root, site)
    version = check_version(version or hash_version(inputs))
    web = lambda name: inputs[f"web/{name}"].decode("utf-8")
    write(os.path.join(site, "index.html"), stamp_index(web("index.html"), version))
    write(os.path.join(site, "manifest.webmanifest"), inputs["web/manifest.webmanifest"])
    os.makedirs(os.path.join(site, "icons"), exist_ok=True)
    for name in ICONS:
        write(os.path.join(site, "icons", name), inputs[f"web/icons/{name}"])
    write(os.path.join(site, "version.txt"), version + "\n")
    write(os.path.join(site, "sw.js"), stamp_sw(web("sw.js"), version, published_rules(site)))
    if not compress(site):
        print("stamp_site: no brotli program: no *.br copies (apt install brotli)", file=sys.stderr)
    return version


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the repository (holds web/)")
    parser.add_argument("--site", required=True, help="the site folder (holds yibao.js, yibao.wasm, yibao-sc.otf)")
    parser.add_argument("--version", help="use this version instead of the content hash")
    args = parser.parse_args()
    try:
        print(stamp(os.path.abspath(args.root), os.path.abspath(args.site), args.version))
    except StampError as e:
        print(f"stamp_site: {e}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as e:
        print(f"stamp_site: a template is not UTF-8: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

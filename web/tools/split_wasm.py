#!/usr/bin/env python3
"""The page's wasm in two parts: what the first frame runs, and the rest, fetched after it.

usage: split_wasm.py split --in NAMED.wasm --list web/deferred-functions.txt
                           --primary OUT.wasm --deferred OUT-deferred.wasm
       split_wasm.py instrument --in NAMED.wasm --out OUT.wasm
       split_wasm.py list --in NAMED.wasm --profile P [--profile P ...] --out web/deferred-functions.txt

NAMED.wasm is the page as Emscripten links it with --profiling-funcs (function names kept).

split: the functions the list names (of at least MIN_DEFERRED_BYTES of code) go to the deferred module (Binaryen's wasm-split: each call
into them from the primary module goes through a table slot that holds a placeholder until the
deferred module is instantiated with the primary's exports; web/js/load.js does that once the first
frame is on screen). Every other function stays in the primary module, new ones included: a
function the list does not know is never deferred, nor the worker's (WORKER_FUNCTIONS). Both
outputs are written without names; the primary carries the custom section yibao.exports.

instrument: the same module with wasm-split's profiling (make split-profile): its export
__write_profile writes which functions ran so far; the glue keeps that at the first frame
(window.yibao.first_profile).

list: the deferred list from profiles of first frames (make split-profile): every function that ran
in none of them.

The list holds one function a line: the first 16 hex digits of the SHA-256 of its name, two spaces,
and the name shortened for a reader. C++ names hold commas, which wasm-split's lists cannot (they
are split at commas): the functions are renamed f<index> for wasm-split.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

# The wasm features the module is built with (cmake/web.cmake); web/index.html (wasm_ok) checks that
# the browser has each.
FEATURES = ["--enable-mutable-globals", "--enable-sign-ext", "--enable-bulk-memory"]
# A listed function smaller than this (bytes of code) stays in the primary module: little to gain,
# and small functions come and go with the compiler's inlining (one that every first frame inlined
# yesterday may be called today).
MIN_DEFERRED_BYTES = 64


# The functions web/index.html's worker calls in its own copy of the module (platform/abi.h): they
# stay in the primary module though no first frame on the page runs them (everything they call is
# what a first frame runs), and the primary module says under which export names it holds them, in
# its custom section yibao.exports ({"yibao_warm_up": "xy", ...}), as Emscripten shortens them.
WORKER_EXPORTS = ("yibao_warm_up_begin", "yibao_warm_up")
WORKER_FUNCTIONS = WORKER_EXPORTS + ("yibao::web::warm_up_page(",)


class SplitError(Exception):
    pass


def leb(data: bytes, i: int):
    result = shift = 0
    while True:
        if i >= len(data):
            raise SplitError("the wasm ends inside a number")
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def leb_bytes(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sections(data: bytes):
    """(id, start of body, size) of each section."""
    if data[:4] != b"\0asm":
        raise SplitError("not a wasm module")
    i = 8
    while i < len(data):
        sid = data[i]
        size, start = leb(data, i + 1)
        yield sid, start, size
        i = start + size


def read_module(path: str):
    """(the bytes, the number of imported functions, {function index: name})."""
    data, imported, names, _ = read_module_sizes(path)
    return data, imported, names


def read_module_sizes(path: str):
    """read_module's, and {function index: bytes of its code}."""
    with open(path, "rb") as f:
        data = f.read()
    imported = 0
    names = {}
    sizes = {}
    code = None
    for sid, start, size in sections(data):
        if sid == 10:
            code = start
        if sid == 2:  # imports
            count, i = leb(data, start)
            for _ in range(count):
                for _ in range(2):  # module, field
                    n, i = leb(data, i)
                    i += n
                kind = data[i]
                i += 1
                if kind == 0:  # function: type index
                    _, i = leb(data, i)
                    imported += 1
                elif kind == 1:  # table: type, limits
                    i += 1
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 2:  # memory: limits
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 3:  # global: type, mutability
                    i += 2
                else:
                    raise SplitError(f"import kind {kind} not known")
        elif sid == 0:
            n, i = leb(data, start)
            if data[i:i + n] != b"name":
                continue
            i += n
            end = start + size
            while i < end:
                sub = data[i]
                sub_size, i = leb(data, i + 1)
                if sub == 1:  # function names
                    count, j = leb(data, i)
                    for _ in range(count):
                        index, j = leb(data, j)
                        n, j = leb(data, j)
                        names[index] = data[j:j + n].decode("utf-8", "replace")
                        j += n
                i += sub_size
    if not names:
        raise SplitError(f"{path}: no function names (link it with --profiling-funcs)")
    if code is not None:
        count, i = leb(data, code)
        for k in range(count):
            body, j = leb(data, i)
            sizes[imported + k] = body
            i = j + body
    return data, imported, names, sizes


def function_exports(data: bytes) -> dict:
    """{function index: export name} of the module's exported functions."""
    out = {}
    for sid, start, _ in sections(data):
        if sid != 7:
            continue
        count, i = leb(data, start)
        for _ in range(count):
            n, i = leb(data, i)
            name = data[i:i + n].decode("utf-8")
            kind = data[i + n]
            index, i = leb(data, i + n + 1)
            if kind == 0:
                out[index] = name
    return out


def custom_section(name: str, payload: bytes) -> bytes:
    body = leb_bytes(len(name.encode())) + name.encode() + payload
    return bytes([0]) + leb_bytes(len(body)) + body


def worker_exports(data: bytes, names: dict) -> bytes:
    """The custom section yibao.exports for NAMED.wasm: the export names of WORKER_EXPORTS."""
    exports = function_exports(data)
    found = {names[k]: exports[k] for k in exports if names.get(k) in WORKER_EXPORTS}
    missing = [n for n in WORKER_EXPORTS if n not in found]
    if missing:
        raise SplitError(f"the module exports no {', '.join(missing)} (platform/abi.cpp)")
    return custom_section("yibao.exports", json.dumps(found, sort_keys=True, separators=(",", ":")).encode())


def with_index_names(data: bytes, names: dict) -> bytes:
    """The module with its function names replaced by f<index> (wasm-split reads lists of names
    separated by commas, and C++ names hold commas)."""
    out = bytearray(data[:8])
    for sid, start, size in sections(data):
        body = data[start:start + size]
        if sid == 0:
            n, i = leb(data, start)
            if data[i:i + n] == b"name":
                entries = b"".join(leb_bytes(k) + leb_bytes(len(f"f{k}")) + f"f{k}".encode() for k in sorted(names))
                sub = leb_bytes(len(names)) + entries
                body = leb_bytes(4) + b"name" + bytes([1]) + leb_bytes(len(sub)) + sub
        out += bytes([sid]) + leb_bytes(len(body)) + body
    return bytes(out)


def name_key(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def read_list(path: str) -> set:
    keys = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key = line.split()[0]
            if len(key) != 16 or any(c not in "0123456789abcdef" for c in key):
                raise SplitError(f"{path}:{number}: not a function key (16 hex digits): {key}")
            keys.add(key)
    return keys


def wasm_split(args: list) -> None:
    tool = shutil.which("wasm-split")
    if not tool:
        raise SplitError("wasm-split not found: install Debian's binaryen (make setup)")
    result = subprocess.run([tool, *args, *FEATURES], capture_output=True, text=True)
    if result.returncode != 0:
        raise SplitError(f"wasm-split failed: {result.stderr.strip() or result.stdout.strip()}")


def split(named: str, list_path: str, primary: str, deferred: str) -> str:
    data, imported, names, sizes = read_module_sizes(named)
    keys = read_list(list_path)
    chosen = [k for k, n in names.items()
              if k >= imported and name_key(n) in keys and sizes.get(k, 0) >= MIN_DEFERRED_BYTES
              and not n.startswith(WORKER_FUNCTIONS)]
    section = worker_exports(data, names)
    with tempfile.TemporaryDirectory() as tmp:
        renamed = os.path.join(tmp, "renamed.wasm")
        with open(renamed, "wb") as f:
            f.write(with_index_names(data, names))
        funcs = os.path.join(tmp, "deferred.txt")
        with open(funcs, "w") as f:
            f.write("".join(f"f{k}\n" for k in sorted(chosen)))
        wasm_split([renamed, "--split-funcs", "@" + funcs, "--export-prefix=%", "--placeholder-namespace=placeholder",
                    "--import-namespace=primary", "-o1", primary, "-o2", deferred])
    with open(primary, "ab") as f:
        f.write(section)
    return f"{len(chosen)} of {len(names) - imported} functions deferred ({len(keys)} listed)"


def instrument(named: str, out: str) -> str:
    data, _, names = read_module(named)
    with tempfile.TemporaryDirectory() as tmp:
        renamed = os.path.join(tmp, "renamed.wasm")
        with open(renamed, "wb") as f:
            f.write(with_index_names(data, names))
        wasm_split(["--instrument", renamed, "-o", out])
    return "instrumented"


def make_list(named: str, profiles: list, out: str) -> str:
    _, imported, names = read_module(named)
    defined = sorted(k for k in names if k >= imported)
    ran = [False] * len(defined)
    for path in profiles:
        with open(path, "rb") as f:
            profile = f.read()
        # wasm-split's profile: 8 bytes of the module's hash, then a 32-bit timestamp a defined
        # function (0: it did not run).
        stamps = profile[8:]
        if len(stamps) != 4 * len(defined):
            raise SplitError(f"{path}: {len(stamps) // 4} functions in the profile, {len(defined)} in {named}")
        for i in range(len(defined)):
            if stamps[4 * i:4 * i + 4] != b"\0\0\0\0":
                ran[i] = True
    with open(out, encoding="utf-8") as f:
        header = [line for line in f.read().splitlines() if line.startswith("#")]
    lines = sorted(f"{name_key(names[k])}  {names[k][:100]}" for i, k in enumerate(defined) if not ran[i])
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    return f"{len(lines)} of {len(defined)} functions ran in no first frame ({len(profiles)} profiles)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["split", "instrument", "list"])
    parser.add_argument("--in", dest="named", required=True)
    parser.add_argument("--list")
    parser.add_argument("--primary")
    parser.add_argument("--deferred")
    parser.add_argument("--out")
    parser.add_argument("--profile", action="append", default=[])
    a = parser.parse_args()
    try:
        if a.mode == "split":
            if not (a.list and a.primary and a.deferred):
                parser.error("split needs --list, --primary and --deferred")
            said = split(a.named, a.list, a.primary, a.deferred)
        elif a.mode == "instrument":
            if not a.out:
                parser.error("instrument needs --out")
            said = instrument(a.named, a.out)
        else:
            if not (a.out and a.profile):
                parser.error("list needs --profile and --out")
            said = make_list(a.named, a.profile, a.out)
    except SplitError as e:
        print(f"split_wasm: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"split_wasm: {e.filename}: {e.strerror}", file=sys.stderr)
        return 1
    print(f"split_wasm: {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

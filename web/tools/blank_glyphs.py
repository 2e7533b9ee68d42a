#!/usr/bin/env python3
"""Empties the outlines of some characters in a CFF font, keeping their advances.

usage: blank_glyphs.py FONT.otf CHARS.txt OUT.otf

The first font (yibao-sc-first.otf) holds what first screens draw. Latin letters seldom appear
there, yet their outlines are 2 KB of it (brotli): the letters first screens do not draw keep their
cmap entry and advance width (the layout before the full font arrives reads them: nothing moves when
it comes) and lose their outline. The page never draws them from this font: they are not in
src/platform/glyphs.h first_font_glyphs, so a screen that shows one waits for the full font.
"""
import sys

from fontTools.misc.psCharStrings import T2CharString
from fontTools.ttLib import TTFont


def main() -> int:
    font_path, chars_path, out_path = sys.argv[1:4]
    with open(chars_path, encoding="utf-8") as f:
        chars = {c for c in f.read() if not c.isspace()}
    font = TTFont(font_path)
    cmap = font.getBestCmap()
    strings = font["CFF "].cff.topDictIndex[0].CharStrings
    blanked = 0
    for c in sorted(chars):
        name = cmap.get(ord(c))
        if name is None:
            continue
        old = strings[name]  # a CID-keyed font: each glyph has its own private dict
        strings[name] = T2CharString(program=["endchar"], private=old.private, globalSubrs=old.globalSubrs)
        blanked += 1
    font.save(out_path)
    print(f"blank_glyphs: {blanked} outlines emptied in {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

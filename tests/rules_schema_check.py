#!/usr/bin/env python3
"""rules/schema.json against the rules: it accepts every file of rules/ and tests/rules_fixtures,
and rejects every broken-rules case of the native tests (tests/rules_broken/cases.json, the same
cases rules_check_test.cpp loads), naming the schema rule each one breaks.

A case marked "beyond_schema" breaks a rule no JSON Schema can state (dates in order, unique
codes, a cited document or reading present elsewhere in the file, the district list, what
extends names): the core's loader is the authority there, and this check makes sure that the
schema does accept such a case, so the mark stays true. Text that is not one JSON value (a
duplicate key, a NUL byte, trailing text) is refused before the schema, as the loader does.

Uses python3-jsonschema (Debian; scripts/setup.sh). Exit 77 (skipped) without it.
"""
import copy
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("rules schema check: python3-jsonschema is not installed (scripts/setup.sh); skipped")
    sys.exit(77)

ROOT = pathlib.Path(__file__).resolve().parent.parent


def strict_load(text):
    """One JSON value, no duplicate keys, no NaN/Infinity, nothing after it (as the loader reads)."""
    if "\0" in text:
        raise ValueError("NUL byte")

    def pairs(items):
        seen = {}
        for k, v in items:
            if k in seen:
                raise ValueError(f"duplicate key {k!r}")
            seen[k] = v
        return seen

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    def number(literal):
        value = float(literal)
        if value in (float("inf"), float("-inf")):
            raise ValueError(f"number overflow: {literal}")
        return value

    return json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_float=number)


class validator:
    """The whole schema, and its branch for the file's kind (its "schema" field), whose errors
    name the rule broken rather than the oneOf of the two kinds."""

    def __init__(self):
        schema = json.loads((ROOT / "rules/schema.json").read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        self.whole = cls(schema, format_checker=cls.FORMAT_CHECKER)
        self.kind = {}
        for kind, name in (("yibao-rules/1", "year_file"), ("yibao-districts/1", "districts_file")):
            branch = dict(schema, oneOf=None)
            del branch["oneOf"]
            branch["$ref"] = f"#/$defs/{name}"
            self.kind[kind] = cls(branch, format_checker=cls.FORMAT_CHECKER)

    def iter_errors(self, doc):
        errors = list(self.whole.iter_errors(doc))
        if errors and isinstance(doc, dict) and doc.get("schema") in self.kind:
            errors = list(self.kind[doc["schema"]].iter_errors(doc)) or errors
        return errors


def rule_of(error):
    """The schema rule an error breaks: the deepest error of a oneOf, as keyword at schema path."""
    best = jsonschema.exceptions.best_match([error])
    where = "/".join(str(p) for p in best.absolute_path)
    return f"/{where}: {best.validator} at #/{'/'.join(str(p) for p in best.absolute_schema_path)}: {best.message[:160]}"


def rules_files():
    for folder in ("rules", "tests/rules_fixtures"):
        for path in sorted((ROOT / folder).rglob("*.json")):
            if path.name != "schema.json":
                yield path


def broken_text(case):
    """The same edit as rules_check_test.cpp: on a copy of the file, dumped with 2 spaces."""
    text = (ROOT / case["file"]).read_text(encoding="utf-8")
    if "truncate" in case:
        return text.encode("utf-8")[: case["truncate"]].decode("utf-8", "ignore")
    doc = json.loads(text)
    if "remove" in case:
        *parent, last = case["remove"].split("/")[1:]
        node = doc
        for token in parent:
            node = node[int(token)] if isinstance(node, list) else node[token]
        del node[int(last) if isinstance(node, list) else last]
    elif "set" in case:
        *parent, last = case["set"].split("/")[1:]
        node = doc
        for token in parent:
            node = node[int(token)] if isinstance(node, list) else node.setdefault(token, {})
        if isinstance(node, list):
            node[int(last)] = copy.deepcopy(case["value"])
        else:
            node[last] = copy.deepcopy(case["value"])
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    if "raw_replace" in case:
        find, with_ = case["raw_replace"]["find"], case["raw_replace"]["with"]
        assert text.count(find) == 1, f"{case['name']}: raw_replace text not found once: {find}"
        text = text.replace(find, with_)
    if "append" in case:
        text += case["append"]
    return text


def main():
    v = validator()
    failures = []
    checked = 0
    for path in rules_files():
        checked += 1
        doc = strict_load(path.read_text(encoding="utf-8"))
        errors = list(v.iter_errors(doc))
        if errors:
            failures.append(f"{path.relative_to(ROOT)} is refused by the schema: {rule_of(errors[0])}")
    cases = json.loads((ROOT / "tests/rules_broken/cases.json").read_text(encoding="utf-8"))["cases"]
    rejected = beyond = 0
    for case in cases:
        text = broken_text(case)
        try:
            doc = strict_load(text)
        except ValueError as e:
            if "beyond_schema" in case:
                failures.append(f"{case['name']}: marked beyond_schema, but the text is not one JSON value ({e})")
            rejected += 1
            print(f"  refused  {case['name']}: not one JSON value ({str(e)[:80]})")
            continue
        errors = list(v.iter_errors(doc))
        if "beyond_schema" in case:
            beyond += 1
            if errors:
                failures.append(f"{case['name']}: marked beyond_schema, but the schema refuses it: {rule_of(errors[0])}")
            else:
                print(f"  core     {case['name']}: {case['beyond_schema']}")
            continue
        if not errors:
            failures.append(f"{case['name']}: the schema accepts this broken file ({case['file']} {case.get('set') or case.get('remove')})")
            continue
        rejected += 1
        print(f"  refused  {case['name']}: {rule_of(errors[0])}")
    print(f"rules schema check: {checked} files accepted; {rejected} broken cases refused by the schema, "
          f"{beyond} left to the core (beyond_schema)")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

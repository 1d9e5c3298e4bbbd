#!/usr/bin/env python3
"""Checks the real-bulletin development set (fixtures/real/) for well-formed gold.

For every NAME.txt it wants NAME.gold.json (fixtures/README.md format) and NAME.checks.json (a list
of the arithmetic relations the text states, format of fixtures/seeds/checks.json), and checks:
the text is UTF-8 and NFC; every figure's `text` is a substring of the article; each kind has its
normalized fields with the right types; every check's `evidence` is a substring; totals and parts
are numbers. Prints one line per problem and a summary; exit 1 on any problem.

usage: scripts/check-real-fixtures.py [DIR] [NAME...]"""
import json, os, sys, unicodedata

KINDS = {
    "quantity": {"value": (int, float), "unit": str},
    "percent": {"value": (int, float)},
    "money": {"value": (int, float), "currency": str},
    "ratio": {"numerator": (int, float), "denominator": (int, float)},
    "range": {"from": (int, float), "to": (int, float)},
    "date": {"value": str},
    "period": {"value": str},
    "docref": {"number": str, "type": str},
    "award": {"award": str, "count": int},
}
RELATIONS = {"sum", "ratio"}


def problems_of(d, name):
    out = []
    txt_path = os.path.join(d, name + ".txt")
    try:
        text = open(txt_path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as e:
        return [f"{txt_path}: cannot read as UTF-8: {e}"]
    if not unicodedata.is_normalized("NFC", text):
        out.append(f"{txt_path}: not NFC")
    gold_path = os.path.join(d, name + ".gold.json")
    try:
        gold = json.load(open(gold_path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        return out + [f"{gold_path}: {e}"]
    for key in ("id", "source", "province", "published", "figures"):
        if key not in gold:
            out.append(f"{gold_path}: missing '{key}'")
    if gold.get("id") != name:
        out.append(f"{gold_path}: id {gold.get('id')!r} is not the file name {name!r}")
    for i, f in enumerate(gold.get("figures", [])):
        where = f"{gold_path}: figure {i} ({f.get('text')!r})"
        kind = f.get("kind")
        if kind not in KINDS:
            out.append(f"{where}: unknown kind {kind!r}")
            continue
        t = f.get("text")
        if not isinstance(t, str) or not t or t not in text:
            out.append(f"{where}: text is not a substring of the article")
        for field, typ in KINDS[kind].items():
            v = f.get(field)
            if isinstance(v, bool) or not isinstance(v, typ):
                out.append(f"{where}: {field} should be {typ}, is {v!r}")
        if kind == "award":
            for field in ("class", "conferrer", "recipient", "posthumous"):
                if field not in f:
                    out.append(f"{where}: award without '{field}' (null is fine)")
        if kind == "date" and isinstance(f.get("value"), str) and len(f["value"]) != 10:
            out.append(f"{where}: date value should be YYYY-MM-DD")
        if kind == "docref" and "date" not in f:
            out.append(f"{where}: docref without 'date' (null is fine)")
    checks_path = os.path.join(d, name + ".checks.json")
    try:
        checks = json.load(open(checks_path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        return out + [f"{checks_path}: {e}"]
    if not isinstance(checks, list):
        return out + [f"{checks_path}: should be a list"]
    for i, c in enumerate(checks):
        where = f"{checks_path}: check {i}"
        if c.get("doc") != name:
            out.append(f"{where}: doc should be {name!r}")
        if c.get("relation") not in RELATIONS:
            out.append(f"{where}: relation should be one of {sorted(RELATIONS)}")
        if not isinstance(c.get("total"), (int, float)) or not isinstance(c.get("parts"), list) or not c["parts"] \
                or not all(isinstance(p, (int, float)) for p in c["parts"]):
            out.append(f"{where}: total must be a number and parts a non-empty list of numbers")
        if c.get("relation") == "ratio" and not isinstance(c.get("percent"), (int, float)):
            out.append(f"{where}: a ratio needs its stated percent")
        if not isinstance(c.get("holds"), bool):
            out.append(f"{where}: holds must be true or false")
        ev = c.get("evidence")
        if not isinstance(ev, str) or ev not in text:
            out.append(f"{where}: evidence is not a substring of the article")
    return out


def main():
    args = sys.argv[1:]
    d = args.pop(0) if args and os.path.isdir(args[0]) else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "real")
    names = args or sorted(f[:-4] for f in os.listdir(d) if f.endswith(".txt"))
    problems = []
    figures = 0
    checks = 0
    for n in names:
        problems += problems_of(d, n)
        try:
            figures += len(json.load(open(os.path.join(d, n + ".gold.json"), encoding="utf-8")).get("figures", []))
            checks += len(json.load(open(os.path.join(d, n + ".checks.json"), encoding="utf-8")))
        except (OSError, ValueError):
            pass
    for p in problems:
        print(p)
    print(f"{len(names)} documents, {figures} gold figures, {checks} checks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check the evaluation question bank (eval/bank/*.jsonl). Stdlib only.

Checks:
  * JSON shape of questions and dialogues, known types, unique ids;
  * sources name existing files (seeds/NNN_*, tests/fixtures/distractors/dNN_*);
  * factoid/temporal/paraphrase items (and answerable dialogue turns): non-empty sources and
    accept, and every accept group has at least one alternative that occurs (case-insensitive,
    whitespace-normalised; HTML entities decoded for .html files) in at least one listed source;
  * negative/boilerplate items (and negative dialogue turns): empty sources and accept;
  * if the split files exist: train and test are disjoint and together equal the bank.
Alternatives that occur in none of the listed sources are reported as info (allowed when
another alternative of the same group occurs, e.g. "2 percent" next to "2%").

Usage: python3 eval/tools/check_bank.py [--repo /work/main]   (exit code 1 on any error)
"""
import argparse
import glob
import html
import json
import os
import re
import sys

TYPES = {"factoid", "temporal", "paraphrase", "negative", "boilerplate"}
ANSWERABLE = {"factoid", "temporal", "paraphrase"}
STYLES = {"casual", "typo", "wordy", "paraphrase", "yesno", "multipart", "plain", "short"}
SRC_RE = re.compile(r"^(\d{3}|d\d{2})$")



def check_id(where, rid, pattern, ids, errors):
    """An id of the right form, seen once across questions and dialogues."""
    if not isinstance(rid, str) or not re.match(pattern, rid):
        errors.append(where + ": bad id")
    if rid in ids:
        errors.append(where + ": duplicate id")
    ids.add(rid)

def norm(s):
    return re.sub(r"\s+", " ", s).strip().casefold()


def load_sources(repo):
    texts = {}
    for path in glob.glob(os.path.join(repo, "seeds", "*")) + glob.glob(
            os.path.join(repo, "tests", "fixtures", "distractors", "*")):
        key = os.path.basename(path).split("_", 1)[0]
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        variants = [norm(raw)]
        if path.endswith((".html", ".htm")):
            variants.append(norm(html.unescape(raw)))
        if key in texts:
            raise SystemExit("duplicate source prefix: " + key)
        texts[key] = variants
    return texts


def load_jsonl(path, errors):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append("%s:%d: bad JSON: %s" % (path, n, e))
    return rows


def check_answer(where, sources, accept, texts, errors, infos, answerable):
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        errors.append(where + ": sources must be a list of strings")
        return
    if not isinstance(accept, list) or not all(
            isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g)
            for g in accept):
        errors.append(where + ": accept must be a list of non-empty lists of non-empty strings")
        return
    for s in sources:
        if not SRC_RE.match(s) or s not in texts:
            errors.append(where + ": unknown source %r" % s)
    if len(set(sources)) != len(sources):
        errors.append(where + ": duplicate source")
    if not answerable:
        if sources or accept:
            errors.append(where + ": negative/boilerplate must have empty sources and accept")
        return
    if not sources or not accept:
        errors.append(where + ": answerable item needs sources and accept")
        return
    for g in accept:
        found = [a for a in g if any(norm(a) in v for s in sources if s in texts for v in texts[s])]
        if not found:
            errors.append(where + ": no alternative of group %r occurs in %s" % (g, sources))
        for a in g:
            if a not in found:
                infos.append(where + ": alternative %r not in listed sources (group ok)" % a
                             if found else where + ": alternative %r not found" % a)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
    args = ap.parse_args()
    bank = os.path.join(args.repo, "eval", "bank")
    texts = load_sources(args.repo)
    errors, infos = [], []

    qs = load_jsonl(os.path.join(bank, "all.jsonl"), errors)
    fus = load_jsonl(os.path.join(bank, "all-followups.jsonl"), errors)
    ids = set()
    for r in qs:
        rid = r.get("id")
        where = "question %s" % rid
        check_id(where, rid, r"^b\d{3}$", ids, errors)
        if r.get("type") not in TYPES:
            errors.append(where + ": bad type %r" % r.get("type"))
        if "style" in r and r["style"] not in STYLES:
            errors.append(where + ": bad style %r" % r["style"])
        if not isinstance(r.get("question"), str) or not r["question"].strip():
            errors.append(where + ": empty question")
        check_answer(where, r.get("sources"), r.get("accept"), texts, errors, infos,
                     r.get("type") in ANSWERABLE)
    qtexts = [norm(r.get("question", "")) for r in qs]
    if len(set(qtexts)) != len(qtexts):
        errors.append("duplicate question text")

    for d in fus:
        did = d.get("id")
        where = "dialogue %s" % did
        check_id(where, did, r"^bf\d{2}$", ids, errors)
        turns = d.get("turns")
        if not isinstance(turns, list) or not 2 <= len(turns) <= 4:
            errors.append(where + ": needs 2-4 turns")
            continue
        for i, t in enumerate(turns, 1):
            tw = "%s turn %d" % (where, i)
            if not isinstance(t, dict) or not isinstance(t.get("q"), str) or not t["q"].strip():
                errors.append(tw + ": bad turn")
                continue
            neg = t.get("accept") == [] and t.get("sources") == []
            check_answer(tw, t.get("sources"), t.get("accept"), texts, errors, infos, not neg)

    # split consistency (only if the split files exist)
    for kind, allrows, a, b in (("questions", qs, "train.jsonl", "test.jsonl"),
                                ("dialogues", fus, "train-followups.jsonl", "test-followups.jsonl")):
        pa, pb = os.path.join(bank, a), os.path.join(bank, b)
        if not (os.path.exists(pa) and os.path.exists(pb)):
            infos.append("split files for %s not present: skipped split check" % kind)
            continue
        ra, rb = load_jsonl(pa, errors), load_jsonl(pb, errors)
        ia, ib = [r.get("id") for r in ra], [r.get("id") for r in rb]
        if set(ia) & set(ib):
            errors.append("%s: train and test overlap" % kind)
        full = {r.get("id"): r for r in allrows}
        if sorted(ia + ib) != sorted(full):
            errors.append("%s: train+test != bank (re-run split_bank.py)" % kind)
        for r in ra + rb:
            if full.get(r.get("id")) != r:
                errors.append("%s: %s differs from the bank (re-run split_bank.py)" % (kind, r.get("id")))
                break

    types = {}
    for r in qs:
        types[r.get("type")] = types.get(r.get("type"), 0) + 1
    nturns = sum(len(d.get("turns") or []) for d in fus)
    for line in infos:
        print("info: " + line)
    for line in errors:
        print("ERROR: " + line)
    print("questions: %d %s; dialogues: %d (%d turns); errors: %d"
          % (len(qs), json.dumps(types, sort_keys=True), len(fus), nturns, len(errors)))
    print("FAIL" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

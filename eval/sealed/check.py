#!/usr/bin/env python3
"""Validate the sealed batch-42 files (batch-42.jsonl, batch-42-followups.jsonl).
Run from the repository root:

    python3 eval/sealed/check.py

Standard library only. Exits non-zero if any check fails.
"""
import collections
import json
import os
import re
import sys

ROOT = os.getcwd()
SEALED = os.path.join("eval", "sealed")
BATCH = os.path.join(SEALED, "batch-42.jsonl")
FOLLOWUPS = os.path.join(SEALED, "batch-42-followups.jsonl")
ARTICLE_DIRS = [
    (os.path.join("seeds"), re.compile(r"^(\d{3})_")),
    (os.path.join("tests", "fixtures", "distractors"), re.compile(r"^(d\d{2})_")),
]

TYPES = {"factoid", "temporal", "paraphrase", "list", "yesno", "negative", "boilerplate"}
UNANSWERABLE = {"negative", "boilerplate"}
STYLES = {"casual", "terse", "typo", "wordy", "paraphrase", "yesno", "twopart", "formal"}
EXACT_TYPES = {"negative": 24, "boilerplate": 8}
SEED_RANGE = (55, 63)          # about 59 answerable over the seed briefings
DISTRACTOR_RANGE = (25, 33)    # about 29 answerable over the distractor articles

errors = []


def err(msg):
    errors.append(msg)


def norm(text):
    """Lower-case and collapse every run of whitespace to one space."""
    return re.sub(r"\s+", " ", text).strip().lower()


def load_articles():
    arts = {}
    for d, pat in ARTICLE_DIRS:
        full = os.path.join(ROOT, d)
        if not os.path.isdir(full):
            err("missing article folder %s (run from the repository root)" % d)
            continue
        for name in sorted(os.listdir(full)):
            m = pat.match(name)
            if not m:
                continue
            with open(os.path.join(full, name), encoding="utf-8", errors="replace") as f:
                arts[m.group(1)] = norm(f.read())
    return arts


def load_jsonl(path):
    rows = []
    full = os.path.join(ROOT, path)
    if not os.path.isfile(full):
        err("missing file %s" % path)
        return rows
    with open(full, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err("%s:%d empty line" % (path, n))
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err("%s:%d invalid JSON: %s" % (path, n, e))
    return rows


def check_answer(where, accept, sources, arts, answerable):
    if not isinstance(accept, list) or not isinstance(sources, list):
        err("%s accept/sources must be lists" % where)
        return
    for s in sources:
        if s not in arts:
            err("%s unknown source %r" % (where, s))
    if not answerable:
        if accept or sources:
            err("%s unanswerable item must have empty accept and sources" % where)
        return
    if not sources:
        err("%s answerable item has no sources" % where)
    if not accept:
        err("%s answerable item has no accept groups" % where)
    texts = [arts[s] for s in sources if s in arts]
    for g in accept:
        if not isinstance(g, list) or not g:
            err("%s accept group must be a non-empty list: %r" % (where, g))
            continue
        for alt in g:
            if not isinstance(alt, str) or not alt.strip():
                err("%s bad accept string %r" % (where, alt))
                continue
            if not any(norm(alt) in t for t in texts):
                err("%s accept string %r not found in sources %s" % (where, alt, sources))


def main():
    arts = load_articles()
    if len(arts) != 45:
        err("expected 45 articles, found %d" % len(arts))

    # --- batch
    rows = load_jsonl(BATCH)
    ids = set()
    types = collections.Counter()
    styles = collections.Counter()
    for n, o in rows:
        where = "%s:%d" % (BATCH, n)
        need = {"id", "type", "style", "question", "sources", "accept"}
        if set(o) != need:
            err("%s keys %s != %s" % (where, sorted(o), sorted(need)))
        i = o.get("id")
        if not isinstance(i, str) or not re.fullmatch(r"at\d{3}", i):
            err("%s bad id %r" % (where, i))
        if i in ids:
            err("%s duplicate id %r" % (where, i))
        ids.add(i)
        t, s = o.get("type"), o.get("style")
        if t not in TYPES:
            err("%s bad type %r" % (where, t))
        if s not in STYLES:
            err("%s bad style %r" % (where, s))
        types[t] += 1
        styles[s] += 1
        q = o.get("question")
        if not isinstance(q, str) or not q.strip():
            err("%s empty question" % where)
        elif s == "terse":
            if "?" in q or not 3 <= len(q.split()) <= 5:
                err("%s terse question should be 3-5 words without '?'" % where)
        check_answer("%s (%s)" % (where, i), o.get("accept"), o.get("sources"),
                     arts, t not in UNANSWERABLE)
    expected_ids = {"at%03d" % k for k in range(1, 121)}
    if ids != expected_ids:
        err("batch ids should be at001..at120 (missing %s, extra %s)"
            % (sorted(expected_ids - ids)[:5], sorted(ids - expected_ids)[:5]))
    if len(rows) != 120:
        err("expected 120 questions, found %d" % len(rows))
    for s in STYLES:
        if styles[s] != 15:
            err("style %s used %d times, expected 15" % (s, styles[s]))
    for t, want in EXACT_TYPES.items():
        if types[t] != want:
            err("type %s used %d times, expected %d" % (t, types[t], want))
    split = collections.Counter()
    questions = collections.Counter()
    for n, o in rows:
        questions[norm(str(o.get("question", "")))] += 1
        if o.get("type") in UNANSWERABLE:
            continue
        src = o.get("sources") or []
        if src and all(re.fullmatch(r"\d{3}", str(x)) for x in src):
            split["seeds"] += 1
        elif src and all(re.fullmatch(r"d\d{2}", str(x)) for x in src):
            split["distractors"] += 1
        else:
            split["mixed"] += 1
    for q, c in questions.items():
        if c > 1:
            err("question repeated %d times: %r" % (c, q[:60]))
    lo, hi = SEED_RANGE
    if not lo <= split["seeds"] <= hi:
        err("%d seed questions, expected about 59 (%d-%d)" % (split["seeds"], lo, hi))
    lo, hi = DISTRACTOR_RANGE
    if not lo <= split["distractors"] <= hi:
        err("%d distractor questions, expected about 29 (%d-%d)" % (split["distractors"], lo, hi))

    # --- follow-ups
    frows = load_jsonl(FOLLOWUPS)
    fids = set()
    nturns = 0
    nneg = 0
    for n, o in frows:
        where = "%s:%d" % (FOLLOWUPS, n)
        i = o.get("id")
        if not isinstance(i, str) or not re.fullmatch(r"atf\d{2}", i):
            err("%s bad id %r" % (where, i))
        if i in fids:
            err("%s duplicate id %r" % (where, i))
        fids.add(i)
        turns = o.get("turns")
        if not isinstance(turns, list) or not 4 <= len(turns) <= 7:
            err("%s needs 4-7 turns" % where)
            continue
        negs = 0
        for k, tr in enumerate(turns, 1):
            tw = "%s (%s turn %d)" % (where, i, k)
            if set(tr) != {"q", "accept", "sources"}:
                err("%s keys %s" % (tw, sorted(tr)))
            if not isinstance(tr.get("q"), str) or not tr.get("q", "").strip():
                err("%s empty q" % tw)
            unans = not tr.get("accept") and not tr.get("sources")
            if unans:
                negs += 1
            check_answer(tw, tr.get("accept"), tr.get("sources"), arts, not unans)
        if negs != 1:
            err("%s has %d negative turns, expected exactly 1" % (where, negs))
        nturns += len(turns)
        nneg += negs
    expected_f = {"atf%02d" % k for k in range(1, 21)}
    if fids != expected_f:
        err("follow-up ids should be atf01..atf20")
    if len(frows) != 20:
        err("expected 20 dialogues, found %d" % len(frows))
    if not 100 <= nturns <= 115:
        err("dialogues have %d turns in total, expected 100-115" % nturns)

    print("batch: %d items" % len(rows))
    print("  types:  " + ", ".join("%s=%d" % kv for kv in sorted(types.items())))
    print("  styles: " + ", ".join("%s=%d" % kv for kv in sorted(styles.items())))
    print("  answerable: seeds=%d, distractors=%d, mixed=%d"
          % (split["seeds"], split["distractors"], split["mixed"]))
    print("follow-ups: %d dialogues, %d turns, %d negative turns" % (len(frows), nturns, nneg))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  - " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

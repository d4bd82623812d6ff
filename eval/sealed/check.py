#!/usr/bin/env python3
"""Validate the sealed batch-74 files (batch-74.jsonl, batch-74-followups.jsonl).
Run from the repository root (or any directory):

    python3 eval/sealed/check.py

Standard library only. Prints only counts (never question text) and exits
non-zero if any check fails.
"""
import collections
import html
import json
import os
import re
import sys

# repository root: two levels above this file, so it runs from any directory
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEALED = os.path.join("eval", "sealed")
BATCH = os.path.join(SEALED, "batch-74.jsonl")
FOLLOWUPS = os.path.join(SEALED, "batch-74-followups.jsonl")
ID_PREFIX = "ej"
FID_PREFIX = "ejf"
ARTICLE_DIRS = [
    (os.path.join("seeds"), re.compile(r"^(\d{3})_")),
    (os.path.join("tests", "fixtures", "distractors"), re.compile(r"^(d\d{2})_")),
]

TYPES = {"factoid", "temporal", "paraphrase", "list", "yesno", "negative", "boilerplate"}
UNANSWERABLE = {"negative", "boilerplate"}
STYLES = {"casual", "terse", "typo", "wordy", "paraphrase", "yesno", "twopart", "formal"}
PER_STYLE = 15
EXACT_TYPES = {"factoid": 43, "list": 9, "paraphrase": 11, "temporal": 11, "yesno": 11,
               "negative": 24, "boilerplate": 11}
SEED_RANGE = (53, 61)          # about 57 answerable over the seed briefings
DISTRACTOR_RANGE = (24, 32)    # about 28 answerable over the distractor articles
MAX_ALT_WORDS = 6              # accept alternatives are short spans (1-6 words)

errors = []
BODIES = {}   # article id -> normalised body text (page junk removed)


def err(msg):
    errors.append(msg)


def norm(text):
    """Lower-case and collapse every run of whitespace to one space."""
    return re.sub(r"\s+", " ", text).strip().lower()


def strip_html(raw):
    """Drop script/style blocks and tags, then unescape entities."""
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", raw)
    raw = re.sub(r"(?s)<!--.*?-->", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return html.unescape(raw)


# Page junk that must never support an answer: related-headline lists, sidebars,
# ads, share/tag lines and syndication notices. Text articles are cut at the first
# list heading; lone ad/tag/share lines are dropped; for .html articles only the
# <article> element is kept.
JUNK_HEADINGS = re.compile(
    r"^(more about|hot news|latest( news)?|related( coverage)?:?|most read.*|"
    r"more stories|more from .*|you might also like:?|read next:.*|sponsored|"
    r"popular .*|trending|/public release\..*)$", re.I)
JUNK_LINES = re.compile(
    r"^(ad|advertisement|-+|tags:.*|share.*|\*share this story.*|\*filed under.*|"
    r"-- print.*|this article was distributed.*|this content is provided.*)$", re.I)


def body_text(name, raw):
    """The article's own text, without headline lists, sidebars and ads."""
    if name.lower().endswith((".html", ".htm")):
        m = re.search(r"(?is)<article\b.*?</article\s*>", raw)
        return strip_html(m.group(0) if m else raw)
    keep = []
    for line in raw.splitlines():
        s = line.strip()
        if JUNK_HEADINGS.match(s):
            break
        if JUNK_LINES.match(s):
            continue
        keep.append(line)
    return "\n".join(keep)


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
                text = f.read()
            BODIES[m.group(1)] = norm(body_text(name, text))
            if name.lower().endswith((".html", ".htm")):
                text = strip_html(text)
            arts[m.group(1)] = norm(text)
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
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err("%s:%d invalid JSON: %s" % (path, n, e))
                continue
            if not isinstance(obj, dict):
                err("%s:%d is not a JSON object" % (path, n))
                continue
            rows.append((n, obj))
    return rows


def check_answer(where, accept, sources, arts, answerable):
    if not isinstance(accept, list) or not isinstance(sources, list):
        err("%s accept/sources must be lists" % where)
        return
    for s in sources:
        if s not in arts:
            err("%s unknown source %r" % (where, s))
    if len(set(map(str, sources))) != len(sources):
        err("%s repeated source id" % where)
    if not answerable:
        if accept or sources:
            err("%s unanswerable item must have empty accept and sources" % where)
        return
    if not sources:
        err("%s answerable item has no sources" % where)
    if not accept:
        err("%s answerable item has no accept groups" % where)
    texts = [arts[s] for s in sources if s in arts]
    for gi, g in enumerate(accept, 1):
        if not isinstance(g, list) or not g:
            err("%s accept group %d must be a non-empty list" % (where, gi))
            continue
        for ai, alt in enumerate(g, 1):
            if not isinstance(alt, str) or not alt.strip():
                err("%s accept group %d alternative %d is empty or not a string" % (where, gi, ai))
                continue
            if len(alt.split()) > MAX_ALT_WORDS:
                err("%s accept group %d alternative %d longer than %d words"
                    % (where, gi, ai, MAX_ALT_WORDS))
            if not any(norm(alt) in t for t in texts):
                # report position only, never the text itself
                err("%s accept group %d alternative %d not found verbatim in sources %s"
                    % (where, gi, ai, sources))
            elif not any(norm(alt) in BODIES.get(s, "") for s in sources):
                err("%s accept group %d alternative %d found only in page junk of %s"
                    % (where, gi, ai, sources))


def check_row(where, o, keys, id_pattern, seen):
    """The row's keys, and its id: well formed and not seen before. Returns the id."""
    if set(o) != keys:
        err("%s keys %s != %s" % (where, sorted(o), sorted(keys)))
    i = o.get("id")
    if not isinstance(i, str) or not re.fullmatch(id_pattern, i):
        err("%s bad id" % where)
    if i in seen:
        err("%s duplicate id %r" % (where, i))
    seen.add(i)
    return i


def main():
    arts = load_articles()
    if len(arts) != 45:
        err("expected 45 articles, found %d" % len(arts))

    # --- single questions
    rows = load_jsonl(BATCH)
    ids = set()
    types = collections.Counter()
    styles = collections.Counter()
    need = {"id", "type", "style", "question", "sources", "accept"}
    for n, o in rows:
        where = "%s:%d" % (BATCH, n)
        i = check_row(where, o, need, ID_PREFIX + r"\d{3}", ids)
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
    expected_ids = {"%s%03d" % (ID_PREFIX, k) for k in range(1, 121)}
    if ids != expected_ids:
        err("batch ids should be %s001..%s120 (missing %d, extra %d)"
            % (ID_PREFIX, ID_PREFIX, len(expected_ids - ids), len(ids - expected_ids)))
    if len(rows) != 120:
        err("expected 120 questions, found %d" % len(rows))
    for s in sorted(STYLES):
        if styles[s] != PER_STYLE:
            err("style %s used %d times, expected %d" % (s, styles[s], PER_STYLE))
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
    repeated = sum(1 for c in questions.values() if c > 1)
    if repeated:
        err("%d question text(s) repeated" % repeated)
    lo, hi = SEED_RANGE
    if not lo <= split["seeds"] <= hi:
        err("%d seed questions, expected about 57 (%d-%d)" % (split["seeds"], lo, hi))
    lo, hi = DISTRACTOR_RANGE
    if not lo <= split["distractors"] <= hi:
        err("%d distractor questions, expected about 28 (%d-%d)" % (split["distractors"], lo, hi))

    # --- follow-up dialogues
    frows = load_jsonl(FOLLOWUPS)
    fids = set()
    nturns = 0
    nneg = 0
    fsplit = collections.Counter()
    for n, o in frows:
        where = "%s:%d" % (FOLLOWUPS, n)
        i = check_row(where, o, {"id", "turns"}, FID_PREFIX + r"\d{2}", fids)
        turns = o.get("turns")
        if not isinstance(turns, list) or not 4 <= len(turns) <= 7:
            err("%s needs 4-7 turns" % where)
            continue
        negs = 0
        kinds = set()
        for k, tr in enumerate(turns, 1):
            tw = "%s (%s turn %d)" % (where, i, k)
            if not isinstance(tr, dict):
                err("%s turn is not an object" % tw)
                continue
            if set(tr) != {"q", "accept", "sources"}:
                err("%s keys %s" % (tw, sorted(tr)))
            if not isinstance(tr.get("q"), str) or not tr.get("q", "").strip():
                err("%s empty q" % tw)
            unans = not tr.get("accept") and not tr.get("sources")
            if unans:
                negs += 1
            else:
                for x in tr.get("sources") or []:
                    kinds.add("seed" if re.fullmatch(r"\d{3}", str(x)) else "distractor")
            check_answer(tw, tr.get("accept"), tr.get("sources"), arts, not unans)
        if negs != 1:
            err("%s has %d negative turns, expected exactly 1" % (where, negs))
        if kinds != {"seed", "distractor"}:
            err("%s should switch between a seed briefing and a distractor" % where)
        for kd in kinds:
            fsplit[kd] += 1
        nturns += len(turns)
        nneg += negs
    expected_f = {"%s%02d" % (FID_PREFIX, k) for k in range(1, 21)}
    if fids != expected_f:
        err("follow-up ids should be %s01..%s20" % (FID_PREFIX, FID_PREFIX))
    if len(frows) != 20:
        err("expected 20 dialogues, found %d" % len(frows))
    if not 100 <= nturns <= 115:
        err("dialogues have %d turns in total, expected 100-115" % nturns)

    print("batch-74: %d items" % len(rows))
    print("  types:  " + ", ".join("%s=%d" % kv for kv in sorted(types.items())))
    print("  styles: " + ", ".join("%s=%d" % kv for kv in sorted(styles.items())))
    print("  answerable: seeds=%d, distractors=%d, mixed=%d"
          % (split["seeds"], split["distractors"], split["mixed"]))
    print("follow-ups: %d dialogues, %d turns, %d negative turns"
          % (len(frows), nturns, nneg))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  - " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

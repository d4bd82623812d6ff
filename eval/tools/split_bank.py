#!/usr/bin/env python3
"""Split the question bank ONCE, deterministically, into train and test. Stdlib only.

Input : eval/bank/all.jsonl, eval/bank/all-followups.jsonl
Output: eval/bank/train.jsonl, eval/bank/test.jsonl,
        eval/bank/train-followups.jsonl, eval/bank/test-followups.jsonl

Rule: an item (question, or whole dialogue) goes to test when the first byte of sha1(id) is
< 103 (about 40% of 0..255), otherwise to train. Items are written sorted by id. The rule
depends on the id only, so re-running gives the same split and adding new ids never moves
existing ones. Fit and tune only on train; the test split is reported, never tuned on.

Usage: python3 eval/tools/split_bank.py [--repo /work/main]
"""
import argparse
import hashlib
import json
import os

TEST_BELOW = 103  # first byte of sha1(id) < 103  ->  test  (103/256 = 40.2%)


def is_test(item_id):
    return hashlib.sha1(item_id.encode("utf-8")).digest()[0] < TEST_BELOW


def split(src, train_path, test_path):
    with open(src, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    rows.sort(key=lambda r: r["id"])
    parts = {train_path: [], test_path: []}
    for r in rows:
        parts[test_path if is_test(r["id"]) else train_path].append(r)
    for path, items in parts.items():
        with open(path, "w", encoding="utf-8") as f:
            for r in items:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(parts[train_path]), len(parts[test_path])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
    bank = os.path.join(ap.parse_args().repo, "eval", "bank")
    p = lambda n: os.path.join(bank, n)
    q = split(p("all.jsonl"), p("train.jsonl"), p("test.jsonl"))
    d = split(p("all-followups.jsonl"), p("train-followups.jsonl"), p("test-followups.jsonl"))
    print("questions: train %d, test %d; dialogues: train %d, test %d" % (q + d))


if __name__ == "__main__":
    main()

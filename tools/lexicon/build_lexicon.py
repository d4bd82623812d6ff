#!/usr/bin/env python3
"""Builds NatoBriefBot's general-language lexicon from the WordNet 3.0 database files.

Reads data.{noun,verb,adj,adv}, index.{noun,verb,adj,adv}, {noun,verb,adj,adv}.exc and cntlist.rev (SemCor tag
counts) from a WordNet "dict" folder and writes one tab-separated file, so every entry the bot uses can be traced
back to WordNet and regenerated with one command:

    python3 tools/lexicon/build_lexicon.py --wordnet /usr/share/wordnet \
        --out src/NatoBriefBot.Core/Text/Lexicon/wordnet-lexicon.tsv

(Debian/Ubuntu: `apt-get install wordnet-base` puts the files in /usr/share/wordnet.) Python 3 standard library only.
The output is deterministic: the same WordNet files give the same bytes.

Records (first column is the record type; lists are '|'-separated, words lower-case, '_' turned into spaces):
  W  lemma  counts                 every single-word WordNet lemma; counts = POS letter + SemCor tag count per POS
                                   ("n12 v3": a noun tagged 12 times, a verb tagged 3 times; n0 = in WordNet, never tagged)
  X  form  pos  base[|base]        morphy's exception lists (irregular inflections: led -> lead, geese -> goose)
  D  demonym  pos  kind  place[|alias]
                                   a nationality/origin word and the place it refers to, from adjective pertainyms
                                   (German -> Germany), derivation links and people nouns that are members of a place
                                   (Swede -> Sweden); kind is country, continent, region, state or city
  S  lemma  synonym[|...]          other lemmas of the lemma's two most frequent tagged senses (each SemCor-tagged in
                                   that synset too, or a single word SemCor tags often: quit -> resign)
  R  lemma  related[|...]          derivationally related forms, both senses SemCor-tagged (decide <-> decision)
  H  lemma  broader[|...]          one-level hypernyms of people/role nouns, most frequent sense (chief -> leader)
  N  lemma                         a single-word noun WordNet writes capitalized in every sense: a proper name; also a
                                  word found only inside capitalized multi-word names ("hague" of The Hague)
                                   (Canada, Putin, Brussels), told apart from a common word written lower-case in chat
  P  name  kind                    a single-word named place (an instance noun of noun.location, or a continent or
                                   island of noun.object) and its kind (Vilnius city, Poland country, Saskatchewan
                                   state); a name with several kinds takes the first of country, continent, region,
                                   state, city
  K  lemma                         a single-word noun whose most frequent sense is a kind of person (noun.person, not
                                   a named one: citizen, soldier, resident, firefighter), for "how many people"
                                   answered by "one billion citizens"
  C  capital  country              a national capital (single word) and its country's single-word name, for news
                                   that names a government by its capital ("Moscow said" -> Russia)
  M  lemma                         a single-word monetary unit (a hyponym of "monetary unit" at any depth: euro,
                                   krona, yen, zloty), so an amount in any currency reads as money
  V  phrase  synonym[|...]         a phrasal verb: a verb and a particle WordNet lists as one verb ("step down",
                                   "take over", "stay on") and the single-word lemmas of its most frequent senses
                                   (step down -> quit|resign), possibly none ("sign off"); chat asks with these where
                                   news writes the single word, and the verb alone means something else ("step")
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
LEXFILE_NOUN_PERSON = 18

# How many of a lemma's senses (most frequent first, SemCor-tagged only) contribute synonyms.
SYNONYM_SENSES = 2
# A synonym must be SemCor-tagged in that very synset, or be a single word SemCor tagged at least this often overall
# (quit -> resign: "resign" is common, though never tagged in the "step down" synset).
COMMON_WORD_TAGS = 5
# The particles that make a two-word WordNet verb a phrasal verb ("step down", "take over", "stay on").
PARTICLES = ("up", "down", "out", "over", "off", "on", "back", "away")

RECORDS = """
W lemma counts              every single-word lemma; SemCor tag count per POS (n12 v3: noun tagged 12 times, verb 3)
X form pos base[|base]      morphy exception lists noun.exc, verb.exc, adj.exc, adv.exc
D demonym pos kind places   nationality word -> place (kind: country, continent, region, state, city)
S lemma synonyms            other lemmas of the lemma's two most frequent tagged senses
R lemma related             derivationally related forms, both senses tagged
H lemma broader             one-level hypernyms of a person/role noun's most frequent sense
N lemma                     a noun written capitalized in every WordNet sense, or a word only in capitalized names
P name kind                 a named place (single word) and what kind it is: country, continent, region, state or city
K lemma                     a noun whose most frequent sense is a kind of person: citizen, soldier, resident
C capital country           a national capital (single word) and its country (single-word name)
M lemma                     a monetary unit (single word): euro, krona, yen
V phrase synonyms           a phrasal verb (verb + particle) and the single words for its most frequent senses
A adjective names           an adjective pertaining to a proper name and that name (WordNet pertainyms): alpine -> alps
"""

RESOURCE_NOTE = """\
Source: WordNet 3.0, Princeton University (https://wordnet.princeton.edu/), read from the Debian package
wordnet-base. Tag counts: WordNet 3.0 cntlist.rev (SemCor). Generated by tools/lexicon/build_lexicon.py;
do not edit by hand, regenerate with:
  python3 tools/lexicon/build_lexicon.py --wordnet /usr/share/wordnet --out src/NatoBriefBot.Core/Text/Lexicon/wordnet-lexicon.tsv"""



class Synset:
    __slots__ = ("offset", "pos", "lexfile", "words", "pointers")

    def __init__(self, offset, pos, lexfile, words, pointers):
        self.offset = offset
        self.pos = pos
        self.lexfile = lexfile
        self.words = words          # lemmas in synset order, normalized
        self.pointers = pointers    # (symbol, target pos, target offset, source word no., target word no.)


def norm(word: str) -> str:
    """A WordNet word as the lexicon writes it: lower-case, spaces for underscores, no syntactic marker."""
    return re.sub(r"\((?:a|p|ip)\)$", "", word).replace("_", " ").lower()


def read_license(folder: str) -> list[str]:
    """WordNet's licence, which must appear on all copies: the numbered header lines of data.noun."""
    lines = []
    with open(os.path.join(folder, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                break
            lines.append(re.sub(r"^\s*\d+\s?", "", line.rstrip()))
    while lines and not lines[-1]:
        lines.pop()
    assert any("Copyright" in line and "Princeton University" in line for line in lines), "no WordNet licence header"
    return lines


def read_data(folder: str) -> dict[tuple[str, str], Synset]:
    synsets = {}
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ", 1)[0].split()
                offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
                words = [norm(fields[4 + 2 * k]) for k in range(count)]
                i = 4 + 2 * count
                pointers = []
                for _ in range(int(fields[i])):
                    symbol, target, target_pos, source_target = fields[i + 1:i + 5]
                    pointers.append((symbol, "a" if target_pos == "s" else target_pos, target,
                                     int(source_target[:2], 16), int(source_target[2:], 16)))
                    i += 4
                synsets[(pos, offset)] = Synset(offset, pos, lexfile, words, pointers)
    return synsets


MIN_NAME_PART = 4  # shorter parts of multi-word names are mostly articles and particles ("the", "de", "van")


def read_proper_names(folder: str) -> set[str]:
    """Single-word lemmas that no WordNet synset writes lower-case (in any part of speech): proper names. An acronym
    whose synset spells it out in lower case ("CEO" = chief executive officer, "GDP" = gross domestic product) abbreviates
    a common noun: not a name ("NATO" = North Atlantic Treaty Organization is one)."""
    capitalized, lower, parts = set(), set(), set()
    for name in POS_FILES.values():
        with open(os.path.join(folder, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ", 1)[0].split()
                words = [re.sub(r"\((?:a|p|ip)\)$", "", fields[4 + 2 * k]) for k in range(int(fields[3], 16))]
                spelled_out = any("_" in w and w[:1].islower() for w in words)
                for raw in words:
                    acronym = len(raw) > 1 and raw.isupper() and raw.isalpha()
                    (capitalized if raw[:1].isupper() and not (acronym and spelled_out) else lower).add(raw.lower())
                    if "_" in raw and raw[:1].isupper():
                        parts.update(p.lower() for p in raw.split("_") if p[:1].isupper())
    names = {w for w in capitalized - lower if single(w) and w.isalpha()}
    # A word found only inside capitalized multi-word names ("hague" of The_Hague, "aviv" of Tel_Aviv) is a name too: not
    # a lemma itself, not part of a lower-case lemma, not an inflection of a lemma ("aires" of Buenos_Aires reads as airs).
    lemmas = {w for w in capitalized | lower if "_" not in w}
    lower_parts = {p for w in lower for p in w.split("_")}
    inflected = {form for form, _, _ in read_exceptions(folder)}
    # WordNet's morphy detachment rules for nouns, verbs and adjectives.
    endings = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"),
               ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"))
    names |= {p for p in parts if len(p) >= MIN_NAME_PART and p.isalpha() and p not in lemmas and p not in lower_parts and
              p not in inflected and not any(p.endswith(e) and p[:len(p) - len(e)] + b in lemmas for e, b in endings)}
    return names


def read_index(folder: str) -> dict[tuple[str, str], list[str]]:
    """(lemma, pos) -> synset offsets, most frequent sense first (WordNet's sense order)."""
    senses = {}
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                synset_count = int(fields[2])
                senses[(norm(fields[0]), pos)] = fields[-synset_count:]
    return senses


def read_tag_counts(folder: str, senses) -> dict[tuple[str, str, str], int]:
    """(lemma, pos, synset offset) -> SemCor tag count, from cntlist.rev ('sense_key sense_number tag_cnt')."""
    counts = collections.Counter()
    with open(os.path.join(folder, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, number, count = line.split()
            lemma, _, rest = key.partition("%")
            pos = SS_TYPE_POS[rest[0]]
            offsets = senses.get((norm(lemma), pos))
            if offsets and int(number) <= len(offsets):
                counts[(norm(lemma), pos, offsets[int(number) - 1])] += int(count)
    return counts


def read_exceptions(folder: str) -> list[tuple[str, str, list[str]]]:
    rows = []
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 2:
                    rows.append((norm(fields[0]), pos, [norm(b) for b in fields[1:]]))
    return rows


def single(word: str) -> bool:
    return " " not in word


class Lexicon:
    def __init__(self, folder: str):
        self.synsets = read_data(folder)
        self.senses = read_index(folder)
        self.counts = read_tag_counts(folder, self.senses)
        self.exceptions = read_exceptions(folder)
        self.license = read_license(folder)
        self.proper_names = read_proper_names(folder)
        self.lemma_counts = collections.defaultdict(dict)  # lemma -> {pos: total tag count}
        for (lemma, pos), offsets in self.senses.items():
            self.lemma_counts[lemma][pos] = sum(self.counts[(lemma, pos, o)] for o in offsets)

    def count(self, word, synset: Synset) -> int:
        return self.counts[(word, synset.pos, synset.offset)]

    def common_in(self, word: str, synset: Synset) -> bool:
        """A word is common in a sense when SemCor tagged it there, or it is a single word SemCor tags often."""
        return self.count(word, synset) > 0 or (single(word) and sum(self.lemma_counts[word].values()) >= COMMON_WORD_TAGS)

    def ancestors(self, synset: Synset) -> set[str]:
        seen, stack = set(), [synset]
        while stack:
            for symbol, pos, target, _, _ in stack.pop().pointers:
                if symbol in ("@", "@i") and target not in seen:
                    seen.add(target)
                    stack.append(self.synsets[(pos, target)])
        return seen

    def tagged_senses(self, lemma: str, pos: str) -> list[Synset]:
        """The lemma's SemCor-tagged senses in one POS, most frequent first."""
        ranked = [(self.counts[(lemma, pos, o)], i, o) for i, o in enumerate(self.senses.get((lemma, pos), []))]
        return [self.synsets[(pos, o)] for c, i, o in sorted(ranked, key=lambda t: (-t[0], t[1])) if c > 0]


# ---------------------------------------------------------------- demonyms

LEXFILE_NOUN_LOCATION, LEXFILE_NOUN_OBJECT = 15, 17  # countries, regions, cities; continents, islands, peninsulas
# A word whose nationality sense SemCor never tagged, but whose other senses it tagged this often, is not taken as a
# demonym: "same" (also a name of the Sami) stays an adjective.
OTHER_SENSE_TAGS = 20
KIND_ORDER = {"country": 0, "continent": 1, "region": 2, "state": 3, "city": 4}


class Places:
    """Named places (noun instances in noun.location or noun.object) and what kind of place each is."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.kinds = {
            "country": lex.senses[("country", "n")][1],  # the territory occupied by a nation
            "continent": lex.senses[("continent", "n")][0],
            "city": lex.senses[("municipality", "n")][0],
            "state": lex.senses[("state", "n")][0],      # a constituent district: state, province
        }
        self.landforms = {lex.senses[("island", "n")][0], lex.senses[("peninsula", "n")][0]}
        assert self.kinds["country"] == "08544813" and self.kinds["state"] == "08654360", self.kinds
        self._kinds = {}
        self.countries_by_name = collections.defaultdict(list)
        for synset in lex.synsets.values():
            if self.kind(synset) == "country":
                for word in synset.words:
                    self.countries_by_name[word].append(synset)

    def kind(self, synset: Synset) -> str | None:
        if synset.offset not in self._kinds:
            self._kinds[synset.offset] = self._kind(synset)
        return self._kinds[synset.offset]

    def _kind(self, synset: Synset) -> str | None:
        if synset.pos != "n" or not is_instance(synset) or synset.lexfile not in (LEXFILE_NOUN_LOCATION, LEXFILE_NOUN_OBJECT):
            return None
        ancestors = self.lex.ancestors(synset)
        if synset.lexfile == LEXFILE_NOUN_OBJECT and self.kinds["continent"] not in ancestors and not ancestors & self.landforms:
            return None  # planets, seas, rivers, mountains
        return next((k for k in ("country", "continent", "city", "state") if self.kinds[k] in ancestors), "region")

    def with_countries(self, place: Synset) -> list[Synset]:
        """The place, preceded by the countries that share its name when it is not a country itself
        (the island Great Britain -> the United Kingdom, also named Great Britain; the island Iceland -> Iceland)."""
        if self.kind(place) == "country":
            return [place]
        return [c for w in place.words for c in self.countries_by_name.get(w, [])] + [place]


def demonyms(lex: Lexicon) -> list[tuple[str, str, str, list[str]]]:
    places = Places(lex)
    links = []  # (demonym, its synset, place)
    people = set()  # places that WordNet names inhabitants of

    for (pos, _), synset in lex.synsets.items():
        if pos == "a":
            # German (adj) \\ Germany (pertainym); European (adj) + Europe (derivation).
            for symbol, tpos, target, src, _ in synset.pointers:
                if symbol in ("\\", "+") and tpos == "n" and places.kind(lex.synsets[("n", target)]):
                    for k, word in enumerate(synset.words):
                        if src in (0, k + 1):
                            links.append((word, synset, lex.synsets[("n", target)]))
        elif pos == "n" and synset.lexfile == LEXFILE_NOUN_PERSON and not is_instance(synset):
            # Swede #m Sweden (member of); German (person) + German (adj) \\ Germany.
            targets = [lex.synsets[("n", t)] for s, tp, t, _, _ in synset.pointers if s == "#m" and tp == "n"]
            for s, tp, t, _, _ in synset.pointers:
                if s == "+" and tp == "a":
                    targets += [lex.synsets[("n", t2)] for s2, tp2, t2, _, _ in lex.synsets[("a", t)].pointers
                                if s2 == "\\" and tp2 == "n"]
            for place in targets:
                if places.kind(place):
                    people.add(place.offset)
                    for word in synset.words:
                        links.append((word, synset, place))

    tagged = collections.Counter()  # word -> SemCor tags of its nationality senses
    for word, synset, _ in links:
        tagged[word] += lex.count(word, synset)

    best = {}  # (word, pos, place offset) -> (order key, kind, place)
    for word, synset, place in links:
        if not re.fullmatch(r"[a-z]+(?:[ -][a-z]+)*", word):
            continue  # "U.S.", "Hun"-style abbreviations and odd forms stay out; "South Korean" is kept
        pos, rank = synset.pos, sense_rank(lex, word, synset)
        if tagged[word] == 0 and sum(lex.lemma_counts[word].values()) >= OTHER_SENSE_TAGS:
            continue
        for target in places.with_countries(place):
            kind = places.kind(target)
            # A region, continent, state or city counts only when WordNet knows its people (no "Arctic", "Baltic Sea").
            if kind != "country" and target.offset not in people and place.offset not in people:
                continue
            key = (KIND_ORDER[kind], rank, -common_prefix(word, target.words[0]), target.offset)
            if (word, pos, target.offset) not in best or key < best[(word, pos, target.offset)][0]:
                best[(word, pos, target.offset)] = (key, kind, target)

    rows = sorted(((word, key, pos, kind, target.words) for (word, pos, _), (key, kind, target) in best.items()),
                  key=lambda r: (r[0], r[1], r[2]))
    return [(word, pos, kind, names) for word, _, pos, kind, names in rows]


def place_names(lex: Lexicon) -> list[tuple[str, str]]:
    """Every single-word name of a named place, with its kind (the first of KIND_ORDER when it names several)."""
    places = Places(lex)
    best = {}
    for synset in lex.synsets.values():
        kind = places.kind(synset)
        if kind is None:
            continue
        for word in synset.words:
            if single(word) and word.replace("-", "").isalpha() and (word not in best or KIND_ORDER[kind] < KIND_ORDER[best[word]]):
                best[word] = kind
    return sorted(best.items())


def holonyms(lex: Lexicon, synset: Synset) -> list[Synset]:
    """The places a place is part of (its "#p" pointers)."""
    return [lex.synsets[(p[1], p[2])] for p in synset.pointers if p[0] == "#p" and (p[1], p[2]) in lex.synsets]


def capital_countries(lex: Lexicon) -> list[tuple[str, str]]:
    """Single-word names of national capitals (instances of "national capital") with the country WordNet makes them
    part of, by that country's first single-word name (Moscow -> Russia, Kiev -> Ukraine)."""
    places = Places(lex)
    national_capital = lex.senses[("national capital", "n")][0]
    result = {}
    for synset in lex.synsets.values():
        if not any(p[0] == "@i" and p[2] == national_capital for p in synset.pointers):
            continue
        # The country the capital is part of, or part of through one place between ("Washington" is part of the District of
        # Columbia, which is part of the United States).
        # A capital part of no country is part of a region that is part of nothing: a country WordNet files as a region
        # (Vilnius, Riga and Tallinn are part of "Baltic States").
        countries = []
        for holonym in holonyms(lex, synset):
            countries += [holonym] if places.kind(holonym) == "country" else [c for c in holonyms(lex, holonym) if places.kind(c) == "country"]
        if not countries:
            countries = [h for h in holonyms(lex, synset) if places.kind(h) == "region" and not holonyms(lex, h)]
        names = [w for c in countries for w in c.words if single(w) and w.isalpha()]
        if not names:
            continue
        for word in synset.words:
            if single(word) and word.replace("-", "").isalpha() and word != names[0]:
                result.setdefault(word, names[0])
    return sorted(result.items())


def currencies(lex: Lexicon) -> list[str]:
    """Every single-word lemma of a monetary unit: the hyponyms of "monetary unit", at any depth."""
    root = lex.senses[("monetary unit", "n")][0]
    seen, todo, words = set(), [root], set()
    while todo:
        offset = todo.pop()
        if offset in seen:
            continue
        seen.add(offset)
        synset = lex.synsets[("n", offset)]
        if offset != root:
            words.update(w for w in synset.words if single(w) and w.isalpha())
        todo.extend(t for sym, tp, t, _, _ in synset.pointers if sym in ("~", "~i") and tp == "n")
    # Only words a currency is what they mostly mean: their first noun sense is one, no other part of speech is tagged
    # more often ("real", "mark") and they are no inflection of another word ("won", "sent"); two-letter words ("at")
    # are left out too.
    inflections = {form for form, _, _ in lex.exceptions}
    def mostly_money(w):
        counts = lex.lemma_counts[w]
        return (len(w) > 2 and w not in inflections and lex.senses[(w, "n")][0] in seen and
                max(counts.get(p, 0) for p in "var") <= counts.get("n", 0))
    return sorted(w for w in words if mostly_money(w))


def is_instance(synset: Synset) -> bool:
    return any(p[0] == "@i" for p in synset.pointers)


def common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def sense_rank(lex: Lexicon, word: str, synset: Synset) -> int:
    offsets = lex.senses.get((word, synset.pos), [])
    return offsets.index(synset.offset) if synset.offset in offsets else len(offsets)


# ---------------------------------------------------------------- synonyms, derivations, broader terms

def synonyms(lex: Lexicon) -> dict[str, list[str]]:
    result = {}
    for (lemma, pos) in sorted(lex.senses):
        if not single(lemma):
            continue
        for synset in lex.tagged_senses(lemma, pos)[:SYNONYM_SENSES]:
            others = sorted((w for w in synset.words if w != lemma and lex.common_in(w, synset)),
                            key=lambda w: (-lex.count(w, synset), synset.words.index(w)))
            merge(result, lemma, others)
    return result


def derivations(lex: Lexicon) -> dict[str, list[str]]:
    scored = collections.defaultdict(collections.Counter)
    for synset in lex.synsets.values():
        for symbol, tpos, target, src, dst in synset.pointers:
            if symbol != "+" or src == 0:
                continue
            other = lex.synsets[(tpos, target)]
            word, related = synset.words[src - 1], other.words[dst - 1]
            if word == related or not single(word):
                continue
            a, b = lex.count(word, synset), lex.count(related, other)
            if a > 0 and b > 0:
                scored[word][related] += b
    return {w: [r for r, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))] for w, c in sorted(scored.items())}


def broader(lex: Lexicon) -> dict[str, list[str]]:
    result = {}
    root = lex.senses[("person", "n")][0]
    for (lemma, pos) in sorted(lex.senses):
        if pos != "n" or not single(lemma):
            continue
        tagged = lex.tagged_senses(lemma, "n")
        if not tagged or tagged[0].lexfile != LEXFILE_NOUN_PERSON:
            continue
        # The root 'person, individual, someone' says nothing a question could use.
        hypernyms = [lex.synsets[(tp, t)] for s, tp, t, _, _ in tagged[0].pointers if s == "@" and t != root]
        words = [w for h in hypernyms for w in sorted(h.words, key=lambda w: -lex.count(w, h))
                 if w != lemma and lex.count(w, h) > 0]
        merge(result, lemma, words)
    return result


def person_nouns(lex: Lexicon) -> list[str]:
    """Single-word common nouns whose most frequent sense (the SemCor-tagged one, else WordNet's first) is a kind of person:
    a count of them is a count of people ("one billion citizens", "1,200 residents", "300 firefighters")."""
    result = []
    for (lemma, pos), offsets in sorted(lex.senses.items()):
        if pos != "n" or not single(lemma) or lemma in lex.proper_names:
            continue
        tagged = lex.tagged_senses(lemma, "n")
        sense = tagged[0] if tagged else lex.synsets[("n", offsets[0])]
        if sense.lexfile == LEXFILE_NOUN_PERSON and not is_instance(sense):
            result.append(lemma)
    return result


def name_adjectives(lex: Lexicon) -> dict[str, list[str]]:
    """Adjectives WordNet gives as pertaining to a proper name ("Alpine" relating to the Alps, "Siberian" to Siberia), with
    those names: a question may use the one where the briefing writes the other ("the French Alps bid", "the Alpine
    region"). Single words only, the adjective itself left out."""
    result = {}
    for (pos, _), synset in sorted(lex.synsets.items()):
        if pos not in ("a", "s"):
            continue
        for symbol, tpos, target, src, dst in synset.pointers:
            if symbol != "\\" or tpos != "n":
                continue
            noun = lex.synsets[("n", target)]
            adjectives = [synset.words[src - 1]] if src else synset.words
            names = [noun.words[dst - 1]] if dst else noun.words
            for adjective in adjectives:
                merge(result, adjective, [n for n in names if n in lex.proper_names and single(n) and single(adjective) and n != adjective])
    return result


def phrasal_verbs(lex: Lexicon) -> dict[str, list[str]]:
    """Verb + particle lemmas and the other single words of their senses: the SemCor-tagged senses (up to
    SYNONYM_SENSES, most frequent first), or the first sense when none is tagged. The verb itself is left out: it is
    the word the question already has."""
    result = {}
    for (lemma, pos) in sorted(lex.senses):
        parts = lemma.split(" ")
        if pos != "v" or len(parts) != 2 or parts[1] not in PARTICLES:
            continue
        senses = lex.tagged_senses(lemma, pos)[:SYNONYM_SENSES] or [lex.synsets[(pos, lex.senses[(lemma, pos)][0])]]
        words = []
        for synset in senses:
            others = sorted((w for w in synset.words if single(w) and w != parts[0]),
                            key=lambda w: (-lex.count(w, synset), synset.words.index(w)))
            words.extend(w for w in others if w not in words)
        result[lemma] = words
    return result


def merge(table: dict[str, list[str]], key: str, words) -> None:
    existing = table.setdefault(key, [])
    existing.extend(w for w in words if w not in existing)
    if not existing:
        del table[key]


# ---------------------------------------------------------------- output

def write(lex: Lexicon, out: str) -> dict[str, int]:
    stats = collections.Counter()
    lines = ["# NatoBriefBot general-language lexicon (see tools/lexicon/build_lexicon.py for the record types)."]
    lines += ["# " + line for line in RESOURCE_NOTE.splitlines()]
    lines += ["# Records (tab-separated; lists '|'-separated):"]
    lines += ["#   " + line.strip() for line in RECORDS.strip().splitlines()]
    lines += ["# WordNet licence (from the header of data.noun):"]
    lines += [("# " + line).rstrip() for line in lex.license]

    def emit(kind, *fields):
        stats[kind] += 1
        lines.append("\t".join((kind,) + fields))

    for lemma in sorted(lex.lemma_counts):
        if single(lemma):
            pos_counts = lex.lemma_counts[lemma]
            emit("W", lemma, " ".join(f"{p}{pos_counts[p]}" for p in "nvar" if p in pos_counts))
    for lemma in sorted(lex.proper_names):
        emit("N", lemma)
    for form, pos, bases in sorted(lex.exceptions):
        emit("X", form, pos, "|".join(bases))
    rows = demonyms(lex)
    for word, pos, kind, places in rows:
        emit("D", word, pos, kind, "|".join(places))
    for name, kind in place_names(lex):
        emit("P", name, kind)
    for capital, country in capital_countries(lex):
        emit("C", capital, country)
    for currency in currencies(lex):
        emit("M", currency)
    for noun in person_nouns(lex):
        emit("K", noun)
    tables = {"S": synonyms(lex), "R": derivations(lex), "H": broader(lex)}
    for key, table in tables.items():
        for lemma, words in sorted(table.items()):
            emit(key, lemma, "|".join(words))
    tables["V"] = phrasal_verbs(lex)
    for phrase, words in sorted(tables["V"].items()):
        emit("V", phrase, "|".join(words))
    tables["A"] = name_adjectives(lex)
    for adjective, names in sorted(tables["A"].items()):
        emit("A", adjective, "|".join(names))

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    stats["coverage"] = verify(lex, rows, tables)
    return dict(stats)


# A sample checked on every run: if WordNet or the rules above change, the build fails rather than the bot.
SAMPLE_DEMONYMS = {
    "german": "germany", "swedish": "sweden", "swede": "sweden", "belgian": "belgium", "dutch": "netherlands",
    "british": "united kingdom", "briton": "united kingdom", "american": "united states", "polish": "poland",
    "finnish": "finland", "norwegian": "norway", "ukrainian": "ukraine", "russian": "russia", "czech": "czech republic",
    "chinese": "china", "european": "europe", "kenyan": "kenya", "peruvian": "peru",
}
SAMPLE_PROPER = {"canada": True, "putin": True, "brussels": True, "denmark": True, "minister": False, "pledge": False,
                 "may": False, "turkey": False, "hague": True, "aviv": True, "rapids": False, "groups": False, "women": False}
SAMPLE_CURRENCIES = ["euro", "dollar", "krona", "krone", "zloty", "hryvnia", "peso", "rupee"]
SAMPLE_PERSON_NOUNS = {"citizen": True, "soldier": True, "resident": True, "firefighter": True, "employee": True,
                      "country": False, "troops": False, "drone": False, "stoltenberg": False}
SAMPLE_CAPITALS = {"moscow": "russia", "kiev": "ukraine", "warsaw": "poland"}
SAMPLE_PLACES = {"vilnius": "city", "brussels": "city", "poland": "country", "saskatchewan": "state",
                 "europe": "continent", "wiesbaden": "city"}
SAMPLE_EXCEPTIONS = {("led", "v"): "lead", ("ran", "v"): "run", ("geese", "n"): "goose", ("said", "v"): "say"}
SAMPLE_RELATIONS = [("S", "quit", "resign"), ("S", "aid", "help"), ("S", "chief", "head"), ("S", "boss", "chief"),
                    ("R", "decide", "decision"), ("R", "invest", "investment"), ("H", "chief", "leader"),
                    ("V", "step down", "resign"), ("V", "take over", "assume"), ("V", "stay on", "remain"),
                    ("V", "set up", "establish"), ("A", "alpine", "alps"), ("A", "siberian", "siberia")]


def verify(lex: Lexicon, rows, tables: dict[str, dict[str, list[str]]]) -> str:
    first = {}
    for word, _, _, places in rows:
        first.setdefault(word, places[0])
    wrong = {w: first.get(w) for w, place in SAMPLE_DEMONYMS.items() if first.get(w) != place}
    exceptions = {(form, pos): bases[0] for form, pos, bases in lex.exceptions}
    wrong.update({f: exceptions.get(f) for f, base in SAMPLE_EXCEPTIONS.items() if exceptions.get(f) != base})
    wrong.update({(kind, word): tables[kind].get(word) for kind, word, other in SAMPLE_RELATIONS
                  if other not in tables[kind].get(word, [])})
    wrong.update({("N", w): expected for w, expected in SAMPLE_PROPER.items() if (w in lex.proper_names) != expected})
    named = dict(place_names(lex))
    wrong.update({("P", w): named.get(w) for w, kind in SAMPLE_PLACES.items() if named.get(w) != kind})
    capitals = dict(capital_countries(lex))
    wrong.update({("C", w): capitals.get(w) for w, country in SAMPLE_CAPITALS.items() if capitals.get(w) != country})
    people = set(person_nouns(lex))
    wrong.update({("K", w): w in people for w, expected in SAMPLE_PERSON_NOUNS.items() if (w in people) != expected})
    money = set(currencies(lex))
    wrong.update({("M", w): w in money for w in SAMPLE_CURRENCIES if w not in money})
    if wrong:
        raise SystemExit(f"sample check failed (word: what came out): {wrong}")
    places = Places(lex)
    countries = {s.offset: s.words[0] for s in lex.synsets.values() if places.kind(s) == "country"}
    named = {places_[0] for _, _, kind, places_ in rows if kind == "country"}
    missing = sorted(name for name in countries.values() if name not in named)
    return f"{len(countries) - len(missing)} of {len(countries)} WordNet countries have a demonym; none for: {', '.join(missing)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet", help="WordNet 3.0 dict folder (data.noun, index.noun, ...)")
    parser.add_argument("--out", default="src/NatoBriefBot.Core/Text/Lexicon/wordnet-lexicon.tsv")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.wordnet, "cntlist.rev")):
        print(f"{args.wordnet} has no WordNet 3.0 files; install them with: apt-get install wordnet-base", file=sys.stderr)
        return 2
    stats = write(Lexicon(args.wordnet), args.out)
    coverage = stats.pop("coverage")
    print(f"{args.out}: {os.path.getsize(args.out)} bytes; " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    print(coverage)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Regenerates stoplist.tsv: single words that are town names in GeoNames but must never
be matched alone as a place.

Rule ("dictionary"): a one-word gazetteer name or alternate name whose lower-case form is
an ordinary English word in a word list (Debian's wamerican, /usr/share/dict/words) and
whose largest town of that name has fewer than MAX_POPULATION people, or that is at most
MAX_ALWAYS_STOPPED letters long. Hand-kept rows
(titles, calendar words, given names, organisation words: any reason other than
"dictionary") are carried over from the current stoplist.tsv. Names of supplement.tsv
count as gazetteer names, with the row's population. Countries and regions of
countries.tsv / regions.tsv are never stopped (the matcher checks them first).

usage: make_stoplist.py CITIES1000_TXT [WORDS_FILE]
"""
import os
import sys
import unicodedata

MAX_POPULATION = 50000
# Words this short are function words or pronouns whatever the population ("The", "We").
MAX_ALWAYS_STOPPED = 3
HERE = os.path.dirname(os.path.abspath(__file__))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "").replace("\u2019", "")


def main(argv):
    gazetteer = argv[1]
    words_file = argv[2] if len(argv) > 2 else "/usr/share/dict/words"
    words = set()
    for w in open(words_file, encoding="utf-8", errors="replace"):
        w = w.strip()
        if w.isalpha() and w.islower():
            words.add(w)
    max_pop = {}
    for line in open(gazetteer, encoding="utf-8", errors="replace"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 15:
            continue
        pop = int(f[14]) if f[14].isdigit() else 0
        names = [f[1], f[2]] + f[3].split(",")
        for n in names:
            k = fold(n.strip())
            if k and k.isalpha() and k.isascii():
                max_pop[k] = max(max_pop.get(k, 0), pop)
    supplement = os.path.join(HERE, "supplement.tsv")
    if os.path.exists(supplement):
        for line in open(supplement, encoding="utf-8"):
            if line.startswith("#") or line.startswith("name\t") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            pop = int(f[7]) if f[7].isdigit() else 0
            for n in [f[0]] + f[1].split("|"):
                k = fold(n.strip())
                if k and k.isalpha() and k.isascii():
                    max_pop[k] = max(max_pop.get(k, 0), pop)
    rows = {}
    path = os.path.join(HERE, "stoplist.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or line.startswith("word\t") or not line.strip():
                continue
            word, reason = line.rstrip("\n").split("\t")[:2]
            if reason != "dictionary":
                rows[word] = reason
    for k, pop in max_pop.items():
        if k in words and (pop < MAX_POPULATION or len(k) <= MAX_ALWAYS_STOPPED) and k not in rows and len(k) > 0:
            rows[k] = "dictionary"
    with open(path, "w", encoding="utf-8") as out:
        out.write("# format: crosscheck.stoplist v1\n")
        out.write("# Folded single words never matched alone as a town. Regenerate with make_stoplist.py.\n")
        out.write("# Reasons: dictionary, function_word, calendar, manual (given names, organisation words),\n")
        out.write("# title (words that open a longer name: \"North\", \"Fort\", \"Abu\") and honorific (personal\n")
        out.write("# titles: \"Mr\", \"Gen.\"; a word after one is a surname).\n")
        out.write("word\treason\n")
        for word in sorted(rows):
            out.write(f"{word}\t{rows[word]}\n")
    print(f"{len(rows)} words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)

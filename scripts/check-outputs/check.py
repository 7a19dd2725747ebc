"""The checks that run on Debian's Python: feedparser over every Atom feed (and its validators) and bibtexparser over
every statement's BibTeX. One line a verdict. Usage (from scripts/check-outputs.sh): python3 check.py BASE WORKDIR"""
import json
import sys
import urllib.request

import bibtexparser
import bibtexparser.bparser
import feedparser

base, work = sys.argv[1], sys.argv[2]
failed = False


def verdict(ok, tool, text, details=()):
    global failed
    failed = failed or not ok
    print(f"{'PASS' if ok else 'FAIL'} {tool}: {text}")
    for d in list(details)[:8]:
        print(f"  {d}")


def get_json(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)


def all_items(name):
    items, page = [], 1
    while True:
        body = get_json(f"/api/v1/{name}?pageSize=100&page={page}")
        items += body["items"]
        if page >= body["totalPages"]:
            return items
        page += 1


# feedparser: every feed parses cleanly, links its own address, and answers 304 to its own validators.
feeds = ["/changes.atom"] + [f"/work-plans/{p['slug']}/changes.atom" for p in all_items("work-plans")]
problems = []
for path in feeds:
    d = feedparser.parse(base + path)
    if d.bozo:
        problems.append(f"{path}: {d.bozo_exception}")
    if d.get("status") != 200:
        problems.append(f"{path}: status {d.get('status')}")
    if not any(link.get("rel") == "self" for link in d.feed.get("links", [])):
        problems.append(f"{path}: no self link")
    etag, modified = d.get("etag"), d.get("modified")
    if not etag:
        problems.append(f"{path}: no ETag")
    else:
        again = feedparser.parse(base + path, etag=etag)
        if again.get("status") != 304:
            problems.append(f"{path}: If-None-Match got {again.get('status')}")
    if d.entries and not modified:
        problems.append(f"{path}: entries but no Last-Modified")
    elif modified:
        again = feedparser.parse(base + path, modified=modified)
        if again.get("status") != 304:
            problems.append(f"{path}: If-Modified-Since got {again.get('status')}")
verdict(not problems, "feedparser", f"{len(feeds)} Atom feeds parse cleanly (bozo 0), each with ETag (and Last-Modified when it has entries) answered 304", problems)

# bibtexparser: every statement's and one paragraph's BibTeX parses, and the organisation is one name.
problems, files = [], 0
for s in all_items("statements"):
    for query in ["", "?paragraph=1"]:
        try:
            with urllib.request.urlopen(f"{base}/statements/{s['slug']}/cite.bib{query}") as r:
                text = r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            if e.code == 404 and query:
                continue
            raise
        files += 1
        # common_strings: the twelve month macros (month = may) every BibTeX style defines.
        db = bibtexparser.loads(text, parser=bibtexparser.bparser.BibTexParser(common_strings=True))
        if len(db.entries) != 1:
            problems.append(f"{s['slug']}{query}: {len(db.entries)} entries")
            continue
        entry = db.entries[0]
        org = entry.get("organization", "")
        # One organisation: the whole value is braced, so " and " inside it is no name separator.
        depth, split = 0, False
        for i, ch in enumerate(org):
            depth += ch == "{"
            depth -= ch == "}"
            if depth == 0 and org[i:i + 5] == " and ":
                split = True
        if not org.startswith("{") or split:
            problems.append(f"{s['slug']}{query}: organization {org!r} would be read as several")
        if "added by the portal" in entry.get("chapter", ""):
            problems.append(f"{s['slug']}{query}: chapter holds a sentence about labels")
verdict(not problems, "bibtexparser", f"{files} BibTeX files parse to one entry each; every organisation is one braced name", problems)
sys.exit(1 if failed else 0)

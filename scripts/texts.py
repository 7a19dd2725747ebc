#!/usr/bin/env python3
"""The portal's interface texts (.resx pairs, docs/decisions/0042), edited without hand-writing XML.

  python3 scripts/texts.py set BASE "English text" "Teks bahasa Indonesia" [--same]
      BASE is a resource's path without ".resx", e.g. src/BaliProcess.Web/Features/Meetings/MeetingsText.
      Adds or replaces the key in BASE.resx (English: key = value) and BASE.id.resx. --same marks a text that
      is the same in both languages (a name, "API", "CSV"), which the tests otherwise refuse.
  python3 scripts/texts.py import BASE FILE.tsv
      Many at once: each line "English<TAB>Indonesian" (a third column "same" marks --same).
  python3 scripts/texts.py check
      Every pair has the same keys, no empty value, the same {0} placeholders (the tests check this too).
Entries are kept sorted by key, so that two branches adding texts merge line by line.
"""
import glob, os, re, sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
SAME = "same in both languages"

def read(path):
    if not os.path.exists(path):
        return {}
    out = {}
    for d in ET.parse(path).getroot().findall("data"):
        v = d.find("value"); c = d.find("comment")
        out[d.get("name")] = (v.text or "" if v is not None else "", c.text if c is not None else None)
    return out

def write(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(entries, key=lambda s: (s.lower(), s)):
            v, c = entries[k]
            f.write(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(v)}</value>')
            if c:
                f.write(f"<comment>{escape(c)}</comment>")
            f.write("</data>\n")
        f.write("</root>\n")

def set_many(base, rows):
    en, ind = read(base + ".resx"), read(base + ".id.resx")
    for key, value, same in rows:
        en[key] = (key, SAME if same else None)
        ind[key] = (value, SAME if same else None)
    write(base + ".resx", en); write(base + ".id.resx", ind)

def placeholders(s):
    return sorted(set(re.findall(r"\{\d+[^}]*\}", s)))

def check():
    bad = 0
    for en_path in glob.glob("src/**/*.resx", recursive=True):
        if en_path.endswith(".id.resx"):
            continue
        id_path = en_path[:-5] + ".id.resx"
        en, ind = read(en_path), read(id_path)
        for k in sorted(set(en) ^ set(ind)):
            print(f"{en_path}: '{k}' only in {'English' if k in en else 'Indonesian'}"); bad += 1
        lower = {}
        for k in en:
            if k.lower() in lower:
                print(f"{en_path}: '{k}' and '{lower[k.lower()]}' differ only in case (resource keys ignore case)"); bad += 1
            lower[k.lower()] = k
        for k in sorted(set(en) & set(ind)):
            if not ind[k][0].strip():
                print(f"{id_path}: '{k}' is empty"); bad += 1
            if placeholders(en[k][0]) != placeholders(ind[k][0]):
                print(f"{id_path}: '{k}' has other placeholders"); bad += 1
            if en[k][0] == ind[k][0] and ind[k][1] != SAME:
                print(f"{id_path}: '{k}' is not translated (mark it --same if it is a name)"); bad += 1
    print("texts: ok" if not bad else f"texts: {bad} problems")
    return 1 if bad else 0

if __name__ == "__main__":
    a = sys.argv[1:]
    if a[:1] == ["set"] and len(a) >= 4:
        set_many(a[1], [(a[2], a[3], "--same" in a)])
    elif a[:1] == ["import"] and len(a) == 3:
        rows = []
        for line in open(a[2], encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            rows.append((cols[0], cols[1] if len(cols) > 1 else cols[0], len(cols) > 2 and cols[2].strip() == "same"))
        set_many(a[1], rows)
    elif a[:1] == ["check"]:
        sys.exit(check())
    else:
        print(__doc__); sys.exit(2)

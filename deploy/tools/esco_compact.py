#!/usr/bin/env python3
"""Compacts the ESCO v1.1.1 CSV export into the gzipped TSV files embedded in services/Matching.Taxonomy.

Usage (from the repository root; re-runnable, output is byte-for-byte deterministic):
    python3 deploy/tools/esco_compact.py [ESCO_DIR] [OUT_DIR]
    defaults: ESCO_DIR=/work/shared/data/esco  OUT_DIR=services/Matching.Taxonomy/Data/esco

Reads occupations_en.csv(.gz), skills_en.csv(.gz), occupationSkillRelations.csv(.gz). The CSVs have CRLF records
and multi-line quoted fields (altLabels are newline-separated inside quotes), so they are read with Python's csv
module (RFC 4180), never split by lines. Descriptions, definitions and scope notes are dropped.

Output (UTF-8, tab-separated, first line a header, labels never contain tab, newline or '|'):
  occupations.tsv.gz  id  code  isco_group  preferred_label  alt_labels(|)  hidden_labels(|)
  skills.tsv.gz       id  type(s=skill/competence, k=knowledge, -=none)  preferred_label  alt_labels(|)  hidden_labels(|)
  relations.tsv.gz    occupation_row  essential_skill_rows(space)  optional_skill_rows(space)
id is the last path segment of the conceptUri (prefix http://data.europa.eu/esco/occupation/ or .../skill/);
rows are sorted by id, and *_row is the 0-based data row in occupations.tsv.gz / skills.tsv.gz.
"""
import csv
import gzip
import io
import os
import sys

OCC_PREFIX = "http://data.europa.eu/esco/occupation/"
SKILL_PREFIX = "http://data.europa.eu/esco/skill/"


def open_csv(directory, name):
    plain = os.path.join(directory, name)
    if os.path.exists(plain):
        handle = open(plain, "r", encoding="utf-8", newline="")
    else:
        handle = gzip.open(plain + ".gz", "rt", encoding="utf-8", newline="")
    return csv.DictReader(handle)


def labels(cell):
    seen, out = set(), []
    for label in cell.replace("\r", "\n").split("\n"):
        label = " ".join(label.replace("|", "/").split())
        if label and label not in seen:
            seen.add(label)
            out.append(label)
    return out


def clean(text):
    return " ".join(text.replace("|", "/").split())


def strip_prefix(uri, prefix):
    if not uri.startswith(prefix):
        raise SystemExit(f"unexpected URI {uri!r} (expected prefix {prefix})")
    return uri[len(prefix):]


def write_gz(path, header, rows):
    buffer = io.StringIO()
    buffer.write("\t".join(header) + "\n")
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise SystemExit(f"cell with tab/newline in {path}: {cell!r}")
        buffer.write("\t".join(row) + "\n")
    data = buffer.getvalue().encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(data)
    return len(data)


def main():
    esco = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/esco"
    out = sys.argv[2] if len(sys.argv) > 2 else "services/Matching.Taxonomy/Data/esco"
    os.makedirs(out, exist_ok=True)

    occupations = []
    for r in open_csv(esco, "occupations_en.csv"):
        pref = clean(r["preferredLabel"])
        alts = [a for a in labels(r["altLabels"]) if a != pref]
        hidden = [h for h in labels(r["hiddenLabels"]) if h != pref and h not in alts]
        occupations.append((strip_prefix(r["conceptUri"], OCC_PREFIX), r["code"].strip(), r["iscoGroup"].strip(),
                            pref, "|".join(alts), "|".join(hidden)))
    occupations.sort()

    skills = []
    kinds = {"skill/competence": "s", "knowledge": "k", "": "-"}
    for r in open_csv(esco, "skills_en.csv"):
        pref = clean(r["preferredLabel"])
        alts = [a for a in labels(r["altLabels"]) if a != pref]
        hidden = [h for h in labels(r["hiddenLabels"]) if h != pref and h not in alts]
        skills.append((strip_prefix(r["conceptUri"], SKILL_PREFIX), kinds[r["skillType"].strip()], pref,
                       "|".join(alts), "|".join(hidden)))
    skills.sort()

    occ_row = {row[0]: i for i, row in enumerate(occupations)}
    skill_row = {row[0]: i for i, row in enumerate(skills)}
    essential = [set() for _ in occupations]
    optional = [set() for _ in occupations]
    unknown = 0
    for r in open_csv(esco, "occupationSkillRelations.csv"):
        o = occ_row.get(strip_prefix(r["occupationUri"], OCC_PREFIX))
        s = skill_row.get(strip_prefix(r["skillUri"], SKILL_PREFIX))
        if o is None or s is None:
            unknown += 1
            continue
        (essential if r["relationType"] == "essential" else optional)[o].add(s)
    relations = []
    for o in range(len(occupations)):
        opt = optional[o] - essential[o]
        relations.append((str(o), " ".join(map(str, sorted(essential[o]))), " ".join(map(str, sorted(opt)))))

    sizes = [
        write_gz(os.path.join(out, "occupations.tsv.gz"),
                 ["id", "code", "isco_group", "preferred_label", "alt_labels", "hidden_labels"], occupations),
        write_gz(os.path.join(out, "skills.tsv.gz"),
                 ["id", "type", "preferred_label", "alt_labels", "hidden_labels"], skills),
        write_gz(os.path.join(out, "relations.tsv.gz"),
                 ["occupation_row", "essential_skill_rows", "optional_skill_rows"], relations),
    ]
    print(f"{len(occupations)} occupations, {len(skills)} skills, "
          f"{sum(len(e) for e in essential)} essential + {sum(len(o) for o in optional)} optional relations "
          f"({unknown} skipped: unknown concept); uncompressed bytes {sizes}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""gen_territories.py — writes the territorial parts of data/national.json from sourced tables.

Usage: scripts/gen_territories.py [--check]

Contents
  1. Inputs: data/sources/academies.json (rectorat, delegation, ENT, Canopé per académie)
             data/sources/departements.json (the 101 départements, their offices, special cases)
  2. Territories: France → 18 régions académiques → 30 académies (+ 3 vice-rectorats and the
     education service of Saint-Pierre-et-Miquelon) → 101 départements (+ Métropole de Lyon),
     each with the `offices` that name who holds a generic role there (data/README.md §3)
  3. Variants: one per académie / vice-rectorat, grouped by région académique, and the per-variant
     wording of the académie-level actors (recteur d'académie, DRANE, ENT, Canopé)
  4. Writing: only these parts change (top-level `variants`, `territories`, and the `variants`
     object of those actors); everything else in national.json is kept byte for byte in meaning
     and written in its usual form (2-space JSON, UTF-8). --check exits 1 if the file is stale.

Why a script: 101 départements × their offices is bulk data; kept in tables with one source per
fact, it can be re-checked and re-generated, and merges of national.json (where other people
edit the actors' facts) never have to be resolved by hand in these parts: re-run the script.
Deterministic: same tables in, same bytes out.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIONAL = os.path.join(ROOT, "data", "national.json")
SOURCES = os.path.join(ROOT, "data", "sources")

# The four overseas services outside the régions académiques: territory id, parent, group.
OVERSEAS = {
    "nouvelle-caledonie": ("vr-nouvelle-caledonie", "france", "New Caledonia vice-rectorat"),
    "polynesie-francaise": ("vr-polynesie-francaise", "france", "French Polynesia vice-rectorat"),
    "wallis-et-futuna": ("vr-wallis-et-futuna", "france", "Wallis and Futuna vice-rectorat"),
    # Attached to the académie de Normandie (data/sources/departements.json, normandie-presentation).
    "saint-pierre-et-miquelon": ("se-saint-pierre-et-miquelon", "ac-normandie", "Saint-Pierre-et-Miquelon education service"),
}
OVERSEAS_GROUP = {"fr": "Outre-mer : vice-rectorats et service de l’éducation",
                  "en": "Overseas: vice-rectorats and education service"}
# Actors whose `variants` this script owns, and the table field each reads.
VARIANT_ACTORS = [("recteur-academie", "rectorat"), ("drane", "delegation"), ("ent", "ent"), ("canope", "canope")]


# ---------------------------------------------------------------------------
# 1. Inputs
# ---------------------------------------------------------------------------

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def expand(keys, pool):
    """Source keys of departements.json → the sources themselves."""
    return [dict(pool[k]) for k in keys]


def office(entry, pool=None, name=None):
    """A table entry → a map office: {name, description?, url?, sources?, confidence?, x-why?}."""
    o = {"name": {"fr": name or entry["name"]}}
    if entry.get("description"):
        o["description"] = {"fr": entry["description"]}
    if entry.get("url"):
        o["url"] = entry["url"]
    sources = entry.get("sources") or []
    if pool is not None:
        sources = expand(sources, pool)
    if sources:
        o["sources"] = sources
    unsure = entry.get("confidence") == "unsure" or not sources
    if unsure:
        o["confidence"] = "unsure"
    if entry.get("x-why"):
        o["x-why"] = entry["x-why"]
    return o


def en_label(fr):
    """'Académie de Toulouse' → 'Toulouse académie' (the form the base already uses)."""
    for prefix in ("Académie de la ", "Académie de ", "Académie d’", "Académie d'"):
        if fr.startswith(prefix):
            return fr[len(prefix):] + " académie"
    return fr


# ---------------------------------------------------------------------------
# 2. Territories
# ---------------------------------------------------------------------------

def territories(base, academies, deps):
    pool = deps["sources"]
    # France, the régions académiques and the 30 académies (ids "ac-…") come from the base; the
    # rest (vice-rectorats, départements…) is what this script wrote last time, rebuilt here.
    old = [t for t in base["territories"]
           if t["level"] in ("national", "region-academique") or t["id"].startswith("ac-")]
    by_id = {t["id"]: t for t in old}
    out = []
    # France and the régions académiques: kept as the base declares them (names, order).
    for t in old:
        if t["level"] in ("national", "region-academique"):
            keep = {k: t[k] for k in ("id", "name", "level", "parent") if k in t}
            out.append(keep)
    regions = deps.get("regions", {})
    for t in out:
        if t["id"] in regions:
            t["offices"] = {role: office(e, pool) for role, e in sorted(regions[t["id"]].items())}
    # Académies, with the rectorat, delegation and Canopé direction as offices.
    table = {a["id"]: a for a in academies["academies"]}
    for t in old:
        if t["level"] != "academie":
            continue
        keep = {k: t[k] for k in ("id", "name", "level", "parent") if k in t}
        a = table.get(t["id"][3:])
        if a:
            keep["offices"] = academy_offices(a)
        out.append(keep)
    # Vice-rectorats and Saint-Pierre-et-Miquelon (level académie, outside the régions).
    for vid, (tid, parent, en) in OVERSEAS.items():
        a = table[vid]
        t = {"id": tid, "name": {"fr": a["name"], "en": en}, "level": "academie", "parent": parent,
             "offices": academy_offices(a)}
        out.append(t)
    # Départements, then the territories inside them (Métropole de Lyon).
    for d in deps["departements"]:
        parent = "ac-" + d["academie"]
        assert parent in by_id, parent
        t = {"id": d["id"], "name": {"fr": d["name"], "en": d["name"]}, "level": "departement", "parent": parent}
        offices = {}
        ds = d["dsden"]
        name = ds.get("name") or ("DSDEN " + d["de"])
        o = office(ds, pool, name)
        offices["dsden"] = o
        # The IA-DASEN heads the DSDEN: that is where one reaches them.
        ia = json.loads(json.dumps(o))
        ia["description"] = {"fr": "L’IA-DASEN " + d["de"] + " dirige cette direction : " + name + "."}
        if ds.get("description"):
            ia["description"]["fr"] += " " + ds["description"]
        offices["ia-dasen"] = ia
        if "departement" in d:
            offices["departement"] = office(d["departement"], pool)
        t["offices"] = dict(sorted(offices.items()))
        out.append(t)
    for x in deps.get("extra", []):
        t = {"id": x["id"], "name": x["name"], "level": "departement", "parent": x["parent"],
             "offices": {role: office(e, pool) for role, e in sorted(x["offices"].items())}}
        out.append(t)
    return out


def academy_offices(a):
    offices = {}
    # The Canopé direction is shown by the variants only: its names are not confirmed yet, and
    # "whom do I contact" reaches Canopé through the national actor and the Ateliers.
    for role, field in (("recteur-academie", "rectorat"), ("drane", "delegation")):
        if a.get(field):
            e = a[field]
            o = office(e)
            if field == "delegation" and e.get("acronym"):
                o["name"]["fr"] = e["acronym"] + " — " + e["name"]
            offices[role] = o
    return dict(sorted(offices.items()))


# ---------------------------------------------------------------------------
# 3. Variants
# ---------------------------------------------------------------------------

def variants(base, academies):
    names = {t["id"]: t["name"] for t in base["territories"]}
    table = {a["id"]: a for a in academies["academies"]}
    out = []
    for t in base["territories"]:
        if t["level"] != "academie" or not t["id"].startswith("ac-"):
            continue
        vid = t["id"][3:]
        if vid not in table:
            continue
        group = names[t["parent"]]
        out.append({"id": vid, "label": {"fr": t["name"]["fr"], "en": t["name"].get("en") or en_label(t["name"]["fr"])},
                    "group": {"fr": group["fr"], "en": group.get("en", group["fr"])}})
    for vid, (_tid, _parent, en) in OVERSEAS.items():
        out.append({"id": vid, "label": {"fr": table[vid]["name"], "en": en}, "group": dict(OVERSEAS_GROUP)})
    return out


def patch(entry, field):
    """A table entry → an actor's per-variant wording."""
    p = {}
    if field == "delegation" and entry.get("acronym"):
        p["acronym"] = entry["acronym"]
    p["name"] = {"fr": entry["name"]}
    if entry.get("url"):
        p["url"] = entry["url"]
    if entry.get("sources"):
        p["sources"] = entry["sources"]
    p["confidence"] = "unsure" if entry.get("confidence") == "unsure" or not entry.get("sources") else "sure"
    if entry.get("x-why"):
        p["x-why"] = entry["x-why"]
    return p


def actor_variants(academies, variant_ids):
    table = {a["id"]: a for a in academies["academies"]}
    result = {}
    for actor, field in VARIANT_ACTORS:
        v = {}
        for vid in variant_ids:
            entry = table[vid].get(field)
            if entry:
                v[vid] = patch(entry, field)
        result[actor] = v
    return result


# ---------------------------------------------------------------------------
# 4. Writing
# ---------------------------------------------------------------------------

def generate():
    base = load(NATIONAL)
    academies = load(os.path.join(SOURCES, "academies.json"))
    deps = load(os.path.join(SOURCES, "departements.json"))
    assert len(deps["departements"]) == 101, "101 départements expected"
    vs = variants(base, academies)
    terr = territories(base, academies, deps)
    per_actor = actor_variants(academies, [v["id"] for v in vs])
    # Rebuild the top level in the base's key order, `variants` right before `territories`.
    doc = {}
    for k, val in base.items():
        if k == "variants":
            continue
        if k == "territories":
            doc["variants"] = vs
            doc["territories"] = terr
            continue
        doc[k] = val
    ids = {a["id"] for a in doc["actors"]}
    for actor, _ in VARIANT_ACTORS:
        assert actor in ids, actor
    for a in doc["actors"]:
        if a["id"] in per_actor:
            a.pop("variants", None)
            if per_actor[a["id"]]:
                a["variants"] = per_actor[a["id"]]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main(argv):
    text = generate()
    with open(NATIONAL, encoding="utf-8") as f:
        current = f.read()
    if "--check" in argv:
        if text != current:
            print("data/national.json is not up to date with data/sources/: run scripts/gen_territories.py",
                  file=sys.stderr)
            return 1
        print("data/national.json is up to date with data/sources/")
        return 0
    if text != current:
        with open(NATIONAL, "w", encoding="utf-8") as f:
            f.write(text)
        print("data/national.json written")
    else:
        print("data/national.json already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

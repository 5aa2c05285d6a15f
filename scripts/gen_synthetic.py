#!/usr/bin/env python3
"""gen_synthetic.py — a national-scale qfq-map/1 document, the stress case for load,
layout, search and rendering (not real data: names are made up, deterministically).

Usage: scripts/gen_synthetic.py [OUT.json] [--seed N] [--scale F]
  OUT.json  default build/synthetic/national-scale.json
  --seed    random seed (default 1); the same seed gives the same bytes
  --scale   multiplies communes and établissements (default 1.0; 0.1 for quick tests)

Contents: the national base (data/national.json: levels, kinds, national actors, relations,
glossary, territories of the 18 régions académiques and 30 académies) plus, per territory:
  région académique: a DRANE and the Région (collectivité)
  académie:          the rectorat and the INSPÉ
  ~100 départements: the DSDEN and the conseil départemental
  ~1,300 circonscriptions: the IEN and an ERUN
  ~35,000 communes (collectivités, circonscription band)
  ~59,000 établissements: écoles (commune equips, ERUN supports), collèges (département
  equips), lycées (Région equips)
with relations (steers, authority, equips, supports, trains, partners) and the territory
tree France > RA > académie > département > circonscription. Python standard library only.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE = [{"url": "https://example.org/qfq/synthetic", "verified": "2026-11-29"}]

PATRONS = ["Jean Moulin", "Victor Hugo", "Jules Ferry", "Louise Michel", "Marie Curie", "Jean Jaurès",
           "Paul Bert", "Louis Pasteur", "Jacques Prévert", "Antoine de Saint-Exupéry", "Simone Veil",
           "George Sand", "Albert Camus", "Jean de La Fontaine", "Molière", "Émile Zola", "Pierre et Marie Curie",
           "Colette", "Olympe de Gouges", "Joséphine Baker", "Léon Blum", "Frédéric Mistral", "Aimé Césaire",
           "Marcel Pagnol", "Paul Éluard", "Françoise Dolto", "Charles Perrault", "Jean Macé", "Condorcet",
           "Gustave Eiffel", "Lucie Aubrac", "Germaine Tillion", "Arthur Rimbaud", "Claude Debussy", "Les Tilleuls",
           "Les Cèdres", "Le Petit Prince", "Les Hirondelles", "La Fontaine", "Le Château", "Les Écureuils",
           "Pablo Picasso", "Camille Claudel", "Henri Matisse", "Maurice Ravel", "René Char"]
SYLLABLES = ["beau", "mont", "val", "ville", "court", "bourg", "lac", "roche", "font", "pré", "bois", "mar",
             "cha", "ti", "lon", "ver", "dun", "gis", "sen", "lau", "mé", "riè", "bel", "ca", "sal", "aix",
             "ro", "né", "lu", "gné", "cœur", "bé", "tour", "ferr", "vil", "cour", "ner", "oz", "ac", "an"]
RIVERS = ["Loire", "Garonne", "Seine", "Rhône", "Dordogne", "Ariège", "Marne", "Lot", "Tarn", "Oise",
          "Aude", "Vienne", "Cher", "Isère", "Durance", "Meuse", "Orne", "Sarthe", "Allier", "Yonne"]


def text(fr, en=None):
    return {"fr": fr, "en": en} if en else fr


class Gen:
    def __init__(self, seed, scale):
        self.r = random.Random(seed)
        self.scale = scale
        self.actors, self.relations, self.territories = [], [], []
        self.rel_ids = set()

    def commune_name(self):
        r = self.r
        n = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3))).capitalize()
        k = r.random()
        if k < 0.15:
            n = "Saint-" + n
        elif k < 0.25:
            n = n + "-sur-" + r.choice(RIVERS)
        elif k < 0.32:
            n = r.choice(["Le ", "La ", "Les "]) + n
        return n

    def actor(self, id_, name, level, kind, territory=None, acronym=None, topics=None, missions=None):
        a = {"id": id_, "name": name, "level": level, "kind": kind, "sources": SOURCE}
        if acronym:
            a["acronym"] = acronym
        if territory:
            a["territory"] = territory
        if topics:
            a["topics"] = topics
        if missions:
            a["missions"] = missions
        self.actors.append(a)
        return id_

    def rel(self, f, kind, t):
        key = f + "--" + kind + "--" + t
        if key in self.rel_ids or f == t:
            return
        self.rel_ids.add(key)
        self.relations.append({"from": f, "to": t, "kind": kind})

    def territory(self, id_, name, level, parent):
        self.territories.append({"id": id_, "name": name, "level": level, "parent": parent})


def main(argv):
    out = os.path.join(ROOT, "build", "synthetic", "national-scale.json")
    seed, scale = 1, 1.0
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--seed":
            seed = int(args.pop(0))
        elif a == "--scale":
            scale = float(args.pop(0))
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            out = a
    with open(os.path.join(ROOT, "data", "national.json"), encoding="utf-8") as f:
        base = json.load(f)
    g = Gen(seed, scale)
    r = g.r
    ras = [t for t in base["territories"] if t["level"] == "region-academique"]
    acs = [t for t in base["territories"] if t["level"] == "academie"]
    g.territories = list(base["territories"])
    g.actors = list(base["actors"])
    g.relations = list(base["relations"])
    for x in g.relations:
        g.rel_ids.add(x.get("id") or (x["from"] + "--" + x["kind"] + "--" + x["to"]))

    def short(t):  # "ra-occitanie" -> "occitanie"
        return t["id"].split("-", 1)[1]

    def tname(t):
        n = t["name"]
        return n["fr"] if isinstance(n, dict) else n

    # Régions académiques and académies.
    for ra in ras:
        s = short(ra)
        drane = g.actor("drane-" + s, text("Délégation régionale académique au numérique éducatif — " + tname(ra)),
                        "region-academique", "service-deconcentre", ra["id"], "DRANE", ["ent", "training", "support"])
        region = g.actor("region-" + s, "Conseil régional — " + tname(ra).replace("Région académique ", ""),
                         "region-academique", "collectivite", ra["id"], None, ["equipment", "ent", "funding"])
        g.rel("dne", "steers", drane)
        g.rel("drane", "coordinates", drane)  # the typical role: its instances
        g.rel(drane, "partners", region)
    ac_ids = []
    for ac in acs:
        s = short(ac)
        ra = next(t for t in ras if t["id"] == ac["parent"])
        rect = g.actor("rectorat-" + s, "Rectorat — " + tname(ac), "academie", "service-deconcentre", ac["id"],
                       None, ["strategy", "ent"])
        inspe = g.actor("inspe-" + s, text("Institut national supérieur du professorat et de l'éducation — " + tname(ac)),
                        "academie", "formation", ac["id"], "INSPÉ", ["training"])
        g.rel("drane-" + short(ra), "advises", rect)
        g.rel(rect, "partners", inspe)
        ac_ids.append((ac, rect, inspe, "drane-" + short(ra), "region-" + short(ra)))

    # Départements (~100), circonscriptions (~1,300), communes (~35,000), établissements (~59,000).
    n_dep = 100
    n_circ = 1300
    n_comm = int(35000 * scale)
    n_ecole, n_college, n_lycee = int(48000 * scale), int(7000 * scale), int(4000 * scale)
    deps = []
    for i in range(n_dep):
        ac, rect, inspe, drane, region = ac_ids[i % len(ac_ids)]
        did = "dep-s%03d" % i
        name = r.choice(["Haute-", "Basse-", "", "", ""]) + r.choice(RIVERS) + ("" if r.random() < 0.6 else "-et-" + r.choice(RIVERS))
        g.territory(did, name, "departement", ac["id"])
        dsden = g.actor("dsden-s%03d" % i, "Direction des services départementaux de l'éducation nationale — " + name,
                        "departement", "service-deconcentre", did, "DSDEN", ["strategy", "support", "ent"])
        cd = g.actor("cd-s%03d" % i, "Conseil départemental — " + name, "departement", "collectivite", did, None,
                     ["equipment", "ent", "funding"])
        g.rel(rect, "authority", dsden)
        g.rel(dsden, "partners", cd)
        deps.append((did, name, dsden, cd, drane, region, inspe, rect))
    circs = []
    for i in range(n_circ):
        did, dname, dsden, cd, drane, region, inspe, rect = deps[i % n_dep]
        cid = "circ-s%04d" % i
        town = g.commune_name()
        g.territory(cid, "Circonscription de " + town, "circonscription", did)
        ien = g.actor("ien-s%04d" % i, "Inspection de l'éducation nationale — " + town, "circonscription",
                      "personnel", cid, "IEN", ["support", "strategy"])
        erun = g.actor("erun-s%04d" % i, "Enseignant référent pour les usages du numérique — " + town,
                       "circonscription", "personnel", cid, "ERUN", ["support", "training", "equipment"],
                       [text("Accompagner les écoles dans l'usage de l'ENT et des équipements")])
        g.rel(dsden, "authority", ien)
        g.rel(ien, "steers", erun)
        g.rel(drane, "coordinates", erun)
        g.rel(inspe, "trains", erun)
        circs.append((cid, ien, erun, i % n_dep))
    communes = []
    for i in range(n_comm):
        cid, ien, erun, dep = circs[r.randrange(n_circ)]
        name = g.commune_name()
        mid = g.actor("commune-s%05d" % i, "Commune de " + name, "circonscription", "collectivite", cid, None,
                      ["equipment", "infrastructure"])
        g.rel(mid, "partners", ien)
        communes.append((mid, name, cid, erun, dep))
    kinds = ["élémentaire", "maternelle", "primaire"]
    for i in range(n_ecole):
        mid, town, cid, erun, dep = communes[r.randrange(n_comm)] if n_comm else (None, "X", circs[0][0], circs[0][2], 0)
        eid = g.actor("ecole-s%05d" % i, "École %s %s — %s" % (r.choice(kinds), r.choice(PATRONS), town),
                      "etablissement", "etablissement", cid)
        if mid:
            g.rel(mid, "equips", eid)
        g.rel(erun, "supports", eid)
    for i in range(n_college):
        mid, town, cid, erun, dep = communes[r.randrange(n_comm)] if n_comm else (None, "X", circs[0][0], circs[0][2], 0)
        did, dname, dsden, cd, drane, region, inspe, rect = deps[dep]
        eid = g.actor("college-s%05d" % i, "Collège %s — %s" % (r.choice(PATRONS), town), "etablissement",
                      "etablissement", did)
        g.rel(cd, "equips", eid)
        g.rel(dsden, "authority", eid)
    for i in range(n_lycee):
        mid, town, cid, erun, dep = communes[r.randrange(n_comm)] if n_comm else (None, "X", circs[0][0], circs[0][2], 0)
        did, dname, dsden, cd, drane, region, inspe, rect = deps[dep]
        eid = g.actor("lycee-s%05d" % i, "Lycée %s%s — %s" % (r.choice(["", "professionnel ", "polyvalent "]),
                                                              r.choice(PATRONS), town),
                      "etablissement", "etablissement", did)
        g.rel(region, "equips", eid)
        g.rel(rect, "authority", eid)

    doc = {
        "schema": "qfq-map/1",
        "id": "national-scale",
        "title": text("France — carte synthétique à l'échelle nationale", "France — synthetic national-scale map"),
        "language": "fr",
        "licence": "CC-BY-4.0",
        "maintainers": [{"name": "Qui fait quoi ? (generated by scripts/gen_synthetic.py)"}],
        "updated": "2026-11-29",
        "description": text("Données inventées, pour mesurer le chargement, la mise en page, la recherche et le rendu.",
                            "Made-up data, to measure loading, layout, search and rendering."),
        "levels": base["levels"],
        "actorKinds": base["actorKinds"],
        "relationKinds": base["relationKinds"],
        "territories": g.territories,
        "actors": g.actors,
        "relations": g.relations,
        "glossary": base.get("glossary", []),
    }
    if "topics" in base:
        doc["topics"] = base["topics"]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print("%s: %d actors, %d relations, %d territories, %.1f MB" % (
        out, len(g.actors), len(g.relations), len(g.territories), os.path.getsize(out) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

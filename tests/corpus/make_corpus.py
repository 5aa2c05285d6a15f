#!/usr/bin/env python3
"""Regenerates the broken-file corpus of tests/corpus/ (run from anywhere).

Each case is (file name, text or mutation of a small valid map, expected English message
substring). Locations in expected.json were produced by `qfq validate --json`, then checked
by hand; re-run with --manifest BUILD/qfq to rebuild expected.json after adding cases.
"""
import copy, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

VALID = {
    "schema": "qfq-map/1", "id": "corpus", "title": {"fr": "Corpus", "en": "Corpus"},
    "language": "fr", "licence": "CC-BY-4.0", "maintainers": [{"name": "Tests", "email": "tests@example.org"}],
    "updated": "2026-11-29",
    "levels": [{"id": "national", "label": "National", "colour": "#1f4e79"},
               {"id": "academie", "label": "Académie", "colour": "#2e75b6"}],
    "actorKinds": [{"id": "etat", "label": "État", "colour": "#2e75b6"}],
    "relationKinds": [{"id": "pilote", "label": "pilote", "colour": "#c00000"}],
    "variants": [{"id": "toulouse", "label": "Toulouse"}],
    "territories": [{"id": "france", "name": "France", "level": "national"},
                    {"id": "toulouse", "name": "Toulouse", "level": "academie", "parent": "france"}],
    "actors": [
        {"id": "dne", "acronym": "DNE", "name": "Direction du numérique pour l'éducation",
         "level": "national", "kind": "etat", "url": "https://www.education.gouv.fr/",
         "sources": [{"url": "https://www.education.gouv.fr/dne", "verified": "2026-11-29"}]},
        {"id": "drane", "acronym": "DRANE", "name": "Délégation régionale académique au numérique éducatif",
         "level": "academie", "kind": "etat", "territory": "toulouse",
         "variants": {"toulouse": {"name": "DRANE Toulouse"}},
         "sources": [{"url": "https://www.ac-toulouse.fr/drane", "verified": "2026-11-29"}]}],
    "relations": [{"from": "dne", "to": "drane", "kind": "pilote"}],
    "glossary": [{"term": "ENT", "expansion": "Espace numérique de travail", "definition": "Portail."}],
    "tours": [{"id": "tour", "title": "Visite", "steps": [{"title": "DNE", "text": "La DNE.", "focus": ["dne"]}]}],
}

OVERLAY = {"schema": "qfq-map/1", "id": "overlay", "title": "Surcouche", "language": "fr",
           "licence": "CC-BY-4.0", "maintainers": [{"name": "Tests"}], "updated": "2026-11-29",
           "extends": "valid.json", "actors": []}


def mutate(base, *edits):
    doc = copy.deepcopy(base)
    for path, value in edits:
        target = doc
        for key in path[:-1]:
            target = target[key]
        if value is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return doc


DELETE = object()
pretty = lambda doc: json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
V = pretty(VALID)

# (file, bytes or str, expected message substring or None for valid)
CASES = [
    ("valid.json", V, None),
    ("bom-valid.json", "\ufeff" + V, None),
    ("overlay-valid.json", pretty(mutate(OVERLAY, (["remove"], {"actors": ["drane"]}),
                                         (["actors"], [dict(VALID["actors"][1], id="drane-bis")]))), None),
    ("empty.json", "", "the file is empty"),
    ("whitespace-only.json", "  \n\n\t\n", "the file is empty"),
    ("invalid-utf8.json", V.encode().replace("Corpus".encode(), b"Corp\xffs", 1), "invalid UTF-8 (byte 0xFF)"),
    ("overlong-utf8.json", V.encode().replace(b"Tests", b"Te\xc0\xafts", 1), "invalid UTF-8 (byte 0xC0)"),
    ("syntax-missing-colon.json", V.replace('"licence": ', '"licence" ', 1), "JSON syntax error"),
    ("syntax-trailing-comma-object.json", V.rstrip()[:-1].rstrip() + ",\n}\n", "trailing comma before \"}\""),
    ("syntax-trailing-comma-array.json", V.replace('"kind": "pilote"\n    }\n  ]', '"kind": "pilote"\n    },\n  ]', 1), "trailing comma before \"]\""),
    ("syntax-unclosed.json", V[: V.find('"relations"')], "unexpected end of file"),
    ("syntax-single-quotes.json", V.replace('"licence": "CC-BY-4.0"', "'licence': 'CC-BY-4.0'", 1), "JSON syntax error"),
    ("syntax-comment.json", V.replace('  "updated"', '  // last update\n  "updated"', 1), "JSON syntax error"),
    ("syntax-raw-newline.json", V.replace("Portail.", "Por\ntail.", 1), "JSON syntax error"),
    ("syntax-trailing-garbage.json", V + "{}\n", "JSON syntax error"),
    ("syntax-missing-comma.json", V.replace('"kind": "etat",\n      "url"', '"kind": "etat"\n      "url"', 1), "JSON syntax error"),
    ("deep-nesting.json", "[" * 100000, "nesting too deep"),
    ("huge-string.json", pretty(mutate(VALID, (["actors", 0, "description"], "a" * 10001))), "string too long (10001 characters"),
    ("number-overflow.json", V.replace('"url": "https://www.education.gouv.fr/",', '"url": "https://www.education.gouv.fr/",\n      "position": {"x": 1e999, "y": 0},', 1), "number too large"),
    ("duplicate-key.json", V.replace('"licence": "CC-BY-4.0",', '"licence": "CC-BY-4.0",\n  "licence": "MIT",', 1), "duplicate key \"licence\""),
    ("top-level-array.json", "[" + V + "]\n", "expected a JSON object"),
    ("top-level-string.json", '"qfq-map/1"\n', "expected a JSON object"),
    ("missing-schema.json", pretty(mutate(VALID, (["schema"], DELETE))), "missing required field \"schema\""),
    ("wrong-schema.json", pretty(mutate(VALID, (["schema"], "qfq-map/2"))), "unsupported schema \"qfq-map/2\""),
    ("missing-actor-name.json", pretty(mutate(VALID, (["actors", 1, "name"], DELETE))), "missing required field \"name\""),
    ("empty-sources.json", pretty(mutate(VALID, (["actors", 0, "sources"], []))), "needs at least 1 item"),
    ("wrong-type-level.json", pretty(mutate(VALID, (["actors", 1, "level"], 2))), "expected an id (string), got a number"),
    ("wrong-type-actors.json", pretty(mutate(VALID, (["actors"], {"dne": VALID["actors"][0]}))), "expected an array, got an object"),
    ("null-name.json", pretty(mutate(VALID, (["actors", 0, "name"], None))), "got null"),
    ("wrong-type-directed.json", pretty(mutate(VALID, (["relations", 0, "directed"], "no"))), "expected a boolean"),
    ("unknown-field.json", pretty(mutate(VALID, (["actors", 0, "acronyme"], "DNE"))), "unknown field \"acronyme\" (did you mean \"acronym\"?)"),
    ("unknown-top-field.json", pretty(mutate(VALID, (["author"], "me"))), "unknown field \"author\""),
    ("bad-colour.json", pretty(mutate(VALID, (["levels", 1, "colour"], "#2e75b"))), "invalid colour \"#2e75b\""),
    ("bad-date.json", pretty(mutate(VALID, (["actors", 1, "sources", 0, "verified"], "2026-02-30"))), "invalid date \"2026-02-30\""),
    ("bad-id.json", pretty(mutate(VALID, (["actors", 1, "id"], "Drane"))), "invalid id \"Drane\""),
    ("bad-url.json", pretty(mutate(VALID, (["actors", 0, "url"], "www.education.gouv.fr"))), "invalid URL"),
    ("bad-email.json", pretty(mutate(VALID, (["maintainers", 0, "email"], "tests at example.org"))), "invalid email address"),
    ("bad-language.json", pretty(mutate(VALID, (["language"], "de"))), "invalid value \"de\""),
    ("bad-confidence.json", pretty(mutate(VALID, (["relations", 0, "confidence"], "likely"))), "invalid value \"likely\""),
    ("bad-text-key.json", pretty(mutate(VALID, (["title", "de"], "Korpus"))), "unknown field \"de\""),
    ("bad-former-until.json", pretty(mutate(VALID, (["actors", 0, "formerNames"], [{"name": "X", "until": "2019-13"}]))), "expected YYYY, YYYY-MM or YYYY-MM-DD"),
    ("bad-position.json", pretty(mutate(VALID, (["actors", 0, "position"], {"x": 1e300, "y": -5}))), "number out of range"),
    ("bad-tour-path.json", pretty(mutate(VALID, (["tours", 0, "steps", 0, "path"], ["dne"]))), "needs at least 2 item"),
    ("bad-extends.json", pretty(mutate(OVERLAY, (["extends"], "National Map"))), "\"extends\" expects a catalogue map id"),
    ("unknown-level.json", pretty(mutate(VALID, (["actors", 1, "level"], "region"))), "level \"region\" does not exist"),
    ("unknown-kind.json", pretty(mutate(VALID, (["actors", 0, "kind"], "etta"))), "actor kind \"etta\" does not exist; did you mean \"etat\"?"),
    ("unknown-relation-kind.json", pretty(mutate(VALID, (["relations", 0, "kind"], "finance"))), "relation kind \"finance\" does not exist"),
    ("unknown-actor.json", pretty(mutate(VALID, (["relations", 0, "to"], "canope"))), "actor \"canope\" does not exist"),
    ("unknown-territory.json", pretty(mutate(VALID, (["actors", 1, "territory"], "occitanie"))), "territory \"occitanie\" does not exist"),
    ("unknown-variant.json", pretty(mutate(VALID, (["actors", 1, "variants"], {"montpellier": {"name": "DRANE Montpellier"}}))), "variant \"montpellier\" does not exist"),
    ("unknown-see.json", pretty(mutate(VALID, (["glossary", 0, "see"], ["dne", "rectorat"]))), "actor \"rectorat\" does not exist"),
    ("duplicate-actor-id.json", pretty(mutate(VALID, (["actors", 1, "id"], "dne"))), "duplicate id \"dne\" (already used at /actors/0)"),
    ("duplicate-level-id.json", pretty(mutate(VALID, (["levels", 1, "id"], "national"))), "duplicate id \"national\""),
    ("duplicate-relation.json", pretty(mutate(VALID, (["relations"], VALID["relations"] * 2))), "duplicate id \"dne--pilote--drane\""),
    ("territory-cycle.json", pretty(mutate(VALID, (["territories", 0, "parent"], "toulouse"))), "territories form a cycle: france → toulouse → france"),
    ("override-in-base.json", pretty(mutate(VALID, (["override"], {"actors": {"dne": {"acronym": "X"}}}))), "only makes sense in a map that extends another"),
    ("extends-cycle-a.json", pretty(mutate(OVERLAY, (["id"], "cycle-a"), (["extends"], "extends-cycle-b.json"))), "\"extends\" cycle"),
    ("extends-cycle-b.json", pretty(mutate(OVERLAY, (["id"], "cycle-b"), (["extends"], "extends-cycle-a.json"))), "\"extends\" cycle"),
    ("missing-base.json", pretty(mutate(OVERLAY, (["extends"], "../nowhere/national.json"))), "base map \"../nowhere/national.json\" not found"),
    ("missing-catalogue-base.json", pretty(mutate(OVERLAY, (["extends"], "atlantide"))), "base map \"atlantide\" not found"),
    ("override-unknown-actor.json", pretty(mutate(OVERLAY, (["override"], {"actors": {"dnee": {"acronym": "X"}}}))), "cannot override actor \"dnee\": not in the base map (did you mean \"dne\"?)"),
    ("override-bad-field.json", pretty(mutate(OVERLAY, (["override"], {"actors": {"dne": {"level": "region"}}}))), "level \"region\" does not exist"),
    ("remove-unknown-actor.json", pretty(mutate(OVERLAY, (["remove"], {"actors": ["canope"]}))), "cannot remove actor \"canope\""),
    ("add-existing-id.json", pretty(mutate(OVERLAY, (["actors"], [VALID["actors"][0]]))), "already exists in the base map"),
    ("base-with-error.json", pretty(mutate(OVERLAY, (["extends"], "unknown-level.json"))), "level \"region\" does not exist"),
]


def write_files():
    for name, text, _ in CASES:
        data = text if isinstance(text, bytes) else text.encode()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


def manifest(qfq):
    entries = []
    for name, _, message in CASES:
        entry = {"file": name}
        if message is None:
            entry["valid"] = True
            entries.append(entry)
            continue
        out = subprocess.run([qfq, "validate", "--json", os.path.join(HERE, name)],
                             capture_output=True, text=True).stdout
        problems = [p for p in json.loads(out) if p["severity"] == "error"]
        match = [p for p in problems if message in p["message"]["en"]]
        if not match:
            sys.exit(f"{name}: no problem says {message!r}: {problems}")
        p = match[0]
        expect = {"pointer": p["pointer"], "line": p["line"], "column": p["column"], "message": message}
        where = os.path.basename(p["file"])
        if where != name:
            expect["in"] = where
        entry["valid"] = False
        entry["problems"] = [expect]
        entries.append(entry)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"about": "One entry per corpus file: valid, or the problems it must report "
                            "(exact pointer, line, column; a substring of the English message; "
                            "`in` = the file the problem is in, when not the file loaded). "
                            "Generated by make_corpus.py, checked by tests/unit/test_corpus.cpp.",
                   "files": entries}, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    write_files()
    if len(sys.argv) == 3 and sys.argv[1] == "--manifest":
        manifest(sys.argv[2])

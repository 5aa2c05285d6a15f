#!/usr/bin/env python3
"""tests/export/check_exports.py — checks `qfq export`, `qfq import-csv` and `qfq publish` with
independent readers: networkx (GraphML, GEXF), xml.etree (SVG), zlib and Pillow (PNG), csv.
A PNG is decoded and looked at, not only parsed: its actor discs must be there in their kind
colours and every label must have dark (text) pixels where the SVG of the same scene puts it,
so a blank or text-less image fails.

Usage: python3 tests/export/check_exports.py build/native/qfq
Prints one line per check; exits 1 if any fails.
"""
import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Pillow comes from Debian's python3-pil (scripts/setup.sh). A python3 first on PATH that is not
# Debian's (pyenv, venv) does not see Debian's packages: look there too. Missing is a failure
# of the PNG checks, never a skip.
try:
    import PIL  # noqa: F401
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")
failures = []


def check(name, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else "  " + detail))
    if not ok:
        failures.append(name)


def run(qfq, *args, expect=0):
    r = subprocess.run([qfq, *args], cwd=ROOT, capture_output=True, text=True)
    if r.returncode != expect:
        check("qfq " + " ".join(args), False, "exit %d: %s" % (r.returncode, r.stderr[-800:]))
    return r


def png_info(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "signature"
    at, idat, width, height = 8, b"", 0, 0
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, "CRC of " + kind.decode()
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
            assert body[8:10] == b"\x08\x02", "8-bit RGB"
        if kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)  # also checks Adler-32
    assert len(raw) == height * (1 + 3 * width), "decompressed size"
    assert all(raw[y * (1 + 3 * width)] <= 4 for y in range(height)), "filter bytes"
    return width, height


def png_pixels(path, svg_path, scale):
    """Decodes the PNG with Pillow and checks it against the SVG of the same scene (same
    layout, same options): discs in their colours at their centres, dark pixels in each label's
    box. Returns a description; raises AssertionError with the numbers when it is wrong."""
    from PIL import Image

    ns = "{http://www.w3.org/2000/svg}"
    svg = ET.parse(svg_path).getroot()
    img = Image.open(path)
    img.load()  # decodes everything (Pillow's own zlib/filter code, not ours)
    assert img.mode == "RGB", "mode " + img.mode
    w, h = img.size
    assert abs(w - float(svg.get("width")) * scale) <= scale and abs(h - float(svg.get("height")) * scale) <= scale, \
        "PNG %dx%d is not the SVG's %sx%s at scale %d" % (w, h, svg.get("width"), svg.get("height"), scale)
    px = img.load()
    luma = lambda c: 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
    step = max(1, scale)
    coloured = sum(1 for y in range(0, h, step) for x in range(0, w, step)
                   if max(px[x, y]) - min(px[x, y]) > 40)
    assert coloured > 0.002 * (w // step) * (h // step), "only %d coloured pixels: a blank image?" % coloured

    # Discs: pixels of the fill colour inside each disc (filled discs only; an unsure actor is
    # a ring). Not only the centre: a neighbour's label and its white halo may cross a disc.
    discs = [c for c in svg.iter(ns + "circle") if c.get("data-id") and c.get("fill", "").startswith("#")
             and c.get("fill") != "#ffffff"]
    hit = 0
    for c in discs:
        want = tuple(int(c.get("fill")[k:k + 2], 16) for k in (1, 3, 5))
        cx, cy, r = float(c.get("cx")) * scale, float(c.get("cy")) * scale, (float(c.get("r")) - 1) * scale
        inside = [(x, y) for y in range(int(cy - r), int(cy + r) + 1) for x in range(int(cx - r), int(cx + r) + 1)
                  if 0 <= x < w and 0 <= y < h and (x - cx) ** 2 + (y - cy) ** 2 <= r * r]
        same = sum(1 for x, y in inside if max(abs(a - b) for a, b in zip(px[x, y], want)) <= 40)
        if same >= max(3, len(inside) // 8):
            hit += 1
    # Labels are drawn over the discs, and in a crowded band a neighbour's label hides most of a
    # disc: a third is the floor (the national map shows about 45 %; no disc drawn shows 0).
    assert discs and hit >= len(discs) / 3, "discs in their colour: %d of %d" % (hit, len(discs))

    # Labels: dark pixels in the box the label occupies (baseline y, left-aligned at x); the
    # same boxes shifted into the empty margin above the map must be lighter.
    # Each label sits on a plate: <rect data-id="label:ID">, its text inside it.
    labels = [r for r in svg.iter(ns + "rect") if (r.get("data-id") or "").startswith("label:")]
    inked, ratio = 0, []
    for r in labels:
        x0, y0 = float(r.get("x")) * scale, float(r.get("y")) * scale
        x1, y1 = x0 + float(r.get("width")) * scale, y0 + float(r.get("height")) * scale
        dark = total = 0
        for y in range(max(0, int(y0)), min(h, int(y1) + 1)):
            for x in range(max(0, int(x0)), min(w, int(x1) + 1)):
                total += 1
                dark += luma(px[x, y]) < 110
        if total and dark >= 3 * scale * scale:
            inked += 1
        if total:
            ratio.append(dark / total)
    assert labels and inked >= 0.9 * len(labels), "labels with text pixels: %d of %d" % (inked, len(labels))
    whole = sum(1 for y in range(0, h, step) for x in range(0, w, step) if luma(px[x, y]) < 110)
    background = whole / max(1, (w // step) * (h // step))
    mean = sum(ratio) / len(ratio)
    # Plates are larger than their text, so the margin is smaller than for bare text boxes.
    assert mean > 1.6 * background, "label boxes %.3f dark vs %.3f over the image" % (mean, background)
    return "%d/%d discs in colour, %d/%d labels inked (%.0f%% dark in label boxes, %.1f%% overall)" % (
        hit, len(discs), inked, len(labels), 100 * mean, 100 * background)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    qfq = os.path.abspath(sys.argv[1])
    import networkx as nx

    out = tempfile.mkdtemp(prefix="qfq-export-")
    try:
        national = os.path.join(ROOT, "data", "national.json")
        ariege = os.path.join(ROOT, "data", "territories", "ariege.json")
        resolved = json.loads(run(qfq, "resolve", ariege).stdout)
        n_actors, n_relations = len(resolved["actors"]), len(resolved.get("relations", []))

        # GraphML through networkx.
        g_path = os.path.join(out, "a.graphml")
        run(qfq, "export", ariege, "--format", "graphml", "-o", g_path)
        g = nx.read_graphml(g_path)
        check("graphml: networkx reads %d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()),
              g.number_of_nodes() == n_actors and g.number_of_edges() == n_relations)
        node = g.nodes["dne"]
        check("graphml: node fields (name JSON, level, x/y double, colour)",
              json.loads(node["name"])["fr"].startswith("Direction du numérique")
              and node["level"] == "national" and isinstance(node["x"], float) and node["color"].startswith("#"))
        check("graphml: qfq_map graph key holds the map's other parts",
              json.loads(g.graph["qfq_map"])["id"] == "ariege")

        # GEXF through networkx.
        x_path = os.path.join(out, "a.gexf")
        run(qfq, "export", ariege, "--format", "gexf", "-o", x_path)
        x = nx.read_gexf(x_path)
        check("gexf: networkx reads %d nodes, %d edges" % (x.number_of_nodes(), x.number_of_edges()),
              x.number_of_nodes() == n_actors and x.number_of_edges() == n_relations)
        viz = x.nodes["dne"].get("viz", {})
        check("gexf: viz position and colour, sources attribute",
              "position" in viz and "color" in viz and json.loads(x.nodes["dne"]["sources"])[0]["url"].startswith("http"))

        # SVG through xml.etree.
        s_path = os.path.join(out, "a.svg")
        run(qfq, "export", ariege, "--format", "svg", "-o", s_path, "--lang", "en")
        svg = ET.parse(s_path).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        discs = [c for c in svg.iter(ns + "circle") if c.get("data-id")]
        texts = [t.text for t in svg.iter(ns + "text")]
        check("svg: parses, %d actor discs, title, legend" % len(discs),
              svg.tag == ns + "svg" and len(discs) == n_actors and "Legend" in texts
              and svg.find(ns + "title") is not None)

        # PNG at scale 1, 2 and 4: same picture, scaled; the SVG of the same scene says where
        # discs and labels must be.
        n_svg = os.path.join(out, "n.svg")
        run(qfq, "export", national, "--format", "svg", "-o", n_svg)
        sizes = {}
        for scale in ("1", "2", "4"):
            p_path = os.path.join(out, "n%s.png" % scale)
            run(qfq, "export", national, "-o", p_path, "--scale", scale)
            try:
                sizes[scale] = png_info(p_path)
                check("png --scale %s: %dx%d, CRCs, zlib stream, filters" % ((scale,) + sizes[scale]), True)
                if scale != "4":  # scale 4 is the same picture, 16 times the pixels to walk
                    check("png --scale %s (Pillow): %s" % (scale, png_pixels(p_path, n_svg, int(scale))), True)
            except Exception as e:  # noqa: BLE001 - report any decoding problem
                check("png --scale %s" % scale, False, str(e))
        # The pixel check has teeth: a blank image of the right size, and the same picture
        # without its text (dark grey pixels whitened), both fail it.
        if "1" in sizes:
            from PIL import Image
            blank = os.path.join(out, "blank.png")
            Image.new("RGB", sizes["1"], (255, 255, 255)).save(blank)
            textless = os.path.join(out, "textless.png")
            # The text (grey, unsaturated, dark) whitened; discs and their colours kept.
            img = Image.open(os.path.join(out, "n1.png")).convert("RGB")
            img.putdata([(255, 255, 255) if max(c) - min(c) < 24 and sum(c) < 3 * 160 else c for c in img.getdata()])
            img.save(textless)
            for name, path in (("blank", blank), ("without labels", textless)):
                try:
                    png_pixels(path, n_svg, 1)
                    check("png pixel check rejects an image %s" % name, False, "it passed")
                except AssertionError as e:
                    check("png pixel check rejects an image %s (%s)" % (name, e), True)
        if len(sizes) == 3:
            w1, h1 = sizes["1"]
            check("png: scale 2 and 4 multiply the size",
                  all(abs(sizes[s][0] - w1 * int(s)) <= int(s) and abs(sizes[s][1] - h1 * int(s)) <= int(s)
                      for s in ("2", "4")))

        # DOT.
        d_path = os.path.join(out, "a.dot")
        run(qfq, "export", ariege, "--format", "dot", "-o", d_path)
        dot = open(d_path, encoding="utf-8").read()
        check("dot: digraph with every relation", dot.startswith("//") and dot.count(" -> ") == n_relations)

        # CSV: BOM, neutralised formula cells, round trip through import-csv.
        csv_dir = os.path.join(out, "csv")
        inj = os.path.join(out, "inj")
        os.makedirs(inj)
        with open(os.path.join(inj, "actors.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("id;name_fr;level;kind;sources;description_fr\r\n"
                    "piege;=cmd|' /C calc'!A0;national;etat-central;https://a.fr|2026-11-29;+33 1 23\r\n"
                    "arobase;@SUM(A1);national;operateur;https://a.fr|2026-11-29;-moins\r\n")
        with open(os.path.join(inj, "relations.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("from;to;kind\r\npiege;arobase;steers\r\n")
        inj_map = os.path.join(out, "inj.json")
        run(qfq, "import-csv", os.path.join(inj, "actors.csv"), os.path.join(inj, "relations.csv"),
            "--base", national, "-o", inj_map)
        stored = json.load(open(inj_map, encoding="utf-8"))
        check("import-csv: formula cells stored as plain text",
              stored["actors"][0]["name"]["fr"] == "=cmd|' /C calc'!A0")
        run(qfq, "export", inj_map, "--format", "csv", "-o", csv_dir + "/")
        raw = open(os.path.join(csv_dir, "actors.csv"), "rb").read()
        check("csv: UTF-8 BOM", raw.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        cells = [c for row in rows[1:] for c in row]
        check("csv: = + - @ cells neutralised with an apostrophe",
              "'=cmd|' /C calc'!A0" in cells and "'@SUM(A1)" in cells and "'+33 1 23" in cells and "'-moins" in cells,
              str(cells[:8]))
        back = os.path.join(out, "back.json")
        run(qfq, "import-csv", os.path.join(csv_dir, "actors.csv"), os.path.join(csv_dir, "relations.csv"),
            "--base", national, "--id", "inj", "-o", back)
        again = json.load(open(back, encoding="utf-8"))
        check("csv: export then import gives the same actors and relations",
              again["actors"] == stored["actors"] and again.get("relations") == stored.get("relations"))
        bad = os.path.join(out, "bad.csv")
        open(bad, "w", encoding="utf-8").write("id;name_fr;level;kind;sources\nx;X;academy;etat-central;https://a.fr|2026-11-29\n")
        r = run(qfq, "import-csv", bad, os.path.join(inj, "relations.csv"), "--base", national, "-o",
                os.path.join(out, "bad.json"), expect=1)
        check("import-csv: error names file:line:column and the header",
              "bad.csv:2:3: ligne 2, colonne C « level » : niveau inconnu « academy »" in r.stderr, r.stderr[-300:])
        check("import-csv: nothing written on error", not os.path.exists(os.path.join(out, "bad.json")))

        # Templates onto the national base, then validate.
        tpl = os.path.join(ROOT, "data", "templates")
        t_map = os.path.join(ROOT, "data", "territories", ".check-template-%d.json" % os.getpid())
        try:
            run(qfq, "import-csv", os.path.join(tpl, "actors.csv"), os.path.join(tpl, "relations.csv"),
                "--extends", "national", "--id", "modele", "-o", t_map)
            r = run(qfq, "validate", t_map)
            check("templates: import-csv --extends national, then validate", r.returncode == 0, r.stdout)
        finally:
            if os.path.exists(t_map):
                os.remove(t_map)

        # Publish: app + standalone maps + catalogue + glossaries.
        app = os.path.join(ROOT, "build", "web")
        if not os.path.isfile(os.path.join(app, "index.html")):
            app = os.path.join(out, "fake-app")
            os.makedirs(os.path.join(app, "assets"))
            open(os.path.join(app, "index.html"), "w").write("<!DOCTYPE html><title>app</title>")
            open(os.path.join(app, "assets", "x.txt"), "w").write("x")
        site = os.path.join(out, "site")
        run(qfq, "publish", ariege, "-o", site, "--app", app)
        catalogue = json.load(open(os.path.join(site, "data", "index.json"), encoding="utf-8"))
        ids = [m["id"] for m in catalogue["maps"]]
        check("publish: catalogue lists the map and its bases %s" % ids,
              catalogue["schema"] == "qfq-catalogue/1" and catalogue["default"] == "ariege"
              and ids == ["ariege", "occitanie", "national"])
        check("publish: app copied", os.path.isfile(os.path.join(site, "index.html")))
        for map_id in ids:
            path = os.path.join(site, "data", map_id + ".json")
            doc = json.load(open(path, encoding="utf-8"))
            r = run(qfq, "validate", path)
            check("publish: data/%s.json is standalone and valid" % map_id,
                  "extends" not in doc and r.returncode == 0, r.stdout)
            html = open(os.path.join(site, "glossary", map_id + ".html"), encoding="utf-8").read()
            missing = [a["acronym"] for a in doc["actors"] if "acronym" in a
                       and (">" + a["acronym"].replace("&", "&amp;") + "</abbr>") not in html]
            check("publish: glossary/%s.html has every acronym, lang, map link, no script" % map_id,
                  not missing and '<html lang="fr">' in html and "../index.html?map=" + map_id in html
                  and "<script" not in html, str(missing[:5]))
            check("publish: glossary/%s.en.html" % map_id,
                  '<html lang="en">' in open(os.path.join(site, "glossary", map_id + ".en.html"), encoding="utf-8").read())
        run(qfq, "publish", ariege, "-o", os.path.join(out, "site2"), "--app", os.path.join(out, "nowhere"), expect=1)
        check("publish: a missing app is an error", not os.path.exists(os.path.join(out, "site2", "data")))
    finally:
        shutil.rmtree(out, ignore_errors=True)

    print("%d check(s) failed" % len(failures) if failures else "all export checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

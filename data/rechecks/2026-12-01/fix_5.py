#!/usr/bin/env python3
# Second pass (same day): Caisse des Dépôts / Banque des Territoires, DGER, WBE and POs.
import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]
TODAY = '2026-12-01'
def S(u, t=None):
    s = {'url': u, 'verified': TODAY}
    if t: s['title'] = t
    return s
def T(fr, en): return {'fr': fr, 'en': en}
def sure(o):
    o.pop('confidence', None); o.pop('x-note', None)
BATI = S('https://www.batiactu.com/edito/banque-territoires-servir-interet-general-53105.php', 'Batiactu : la Caisse des dépôts lance la Banque des Territoires')
CC = S('https://www.ccomptes.fr/fr/documents/62455', 'Réponse du directeur général de la Caisse des Dépôts à la Cour des comptes (Banque des Territoires, 2018-2021)')
DGER = S('http://fr.allgov.com/departments/minist%C3%A8re-de-lagriculture-de-lagroalimentaire-et-de-la-for%C3%AAt/direction-g%C3%A9n%C3%A9rale-de-lenseignement-et-de-la-recherche-dger?agencyid=65', 'Direction générale de l’enseignement et de la recherche (DGER) — AllGov')
p = ROOT / 'data/national.json'; m = json.load(open(p))
A = {a['id']: a for a in m['actors']}
a = A['caisse-des-depots']; a['sources'] = [BATI, CC]; sure(a)
a['description'] = T('Institution financière publique. Elle a lancé en mai 2018 la Banque des Territoires, qui regroupe ses métiers tournés vers les collectivités et les territoires.',
                     'A public financial institution. In May 2018 it launched the Banque des Territoires, which groups its activities for local authorities and territories.')
A['banque-des-territoires']['sources'].append(BATI)
a = A['dger']; a['sources'] = [DGER]; sure(a)
a['description'] = T('Direction du ministère chargé de l’agriculture, la DGER pilote l’enseignement agricole (général, technologique, professionnel et supérieur) et définit les orientations pédagogiques de ses établissements. Son rôle propre dans le numérique éducatif n’est pas précisé ici.',
                     'A directorate of the agriculture ministry, the DGER steers agricultural education (general, technological, vocational and higher) and sets its schools’ teaching orientations. Its own role in digital education is not detailed here.')
a = A['maa']; a['sources'] = [DGER, a['sources'][0]]; sure(a)
a = A['lycee-agricole']; a['sources'] = [DGER, a['sources'][0]]; sure(a)
for r in m['relations']:
    k = (r['from'], r['kind'], r['to'])
    if k in (('maa', 'authority', 'dger'), ('dger', 'steers', 'lycee-agricole')):
        r['sources'] = [DGER]; sure(r)
    if k == ('banque-des-territoires', 'attached-to', 'caisse-des-depots'):
        r['sources'] = [BATI, CC]; sure(r)
        r['description'] = T('Marque et entité fonctionnelle de la Caisse des Dépôts, lancée en 2018.', 'A brand and functional entity of the Caisse des Dépôts, launched in 2018.')
for g in m['glossary']:
    if g['term'] == 'EPLEFPA':
        g['sources'] = [DGER] + g['sources']
open(p, 'w').write(json.dumps(m, ensure_ascii=False, indent=2) + '\n')

WBEP = S('https://www.wbe.be/wbe/wbe-pouvoir-organisateur/les-reseaux-denseignement-en-wallonie-et-a-bruxelles/', 'WBE : l’organisation de l’enseignement en Wallonie et à Bruxelles')
EDUB = S('https://edubuild.be/fr/article/wbe-organise-lenseignement-dans-500-etablissements-dans-toute-la-communaute-francaise-soit', 'Edubuild : WBE organise l’enseignement dans 500 établissements')
WIKI = S('http://206.189.44.186/host-http-fr.m.wikipedia.org/wiki/Wallonie-Bruxelles_Enseignement', 'Wallonie-Bruxelles Enseignement — Wikipédia (copie)')
p = ROOT / 'data/wallonie.json'; m = json.load(open(p))
A = {a['id']: a for a in m['actors']}
a = A['wbe']; a['sources'] = [EDUB, WIKI]; sure(a)
a['description'] = T('Organisme public autonome créé en 2019, pouvoir organisateur des écoles qui relevaient de la Fédération Wallonie-Bruxelles : environ 500 établissements, de la maternelle au supérieur.',
                     'An autonomous public body created in 2019, the organising authority of the schools formerly run by the Wallonia-Brussels Federation: about 500 establishments, from nursery to higher education.')
a = A['po']; a['sources'] = [WBEP] + a['sources']
a = A['communes-provinces']; a['sources'] = [WBEP]; sure(a)
a['description'] = T('Communes et provinces qui organisent des écoles de l’enseignement officiel subventionné et en sont les pouvoirs organisateurs.',
                     'Communes and provinces that run schools of the subsidised public network and are their organising authorities.')
keep = []
for r in m['relations']:
    k = (r['from'], r['kind'], r['to'])
    if k in (('wbe', 'member-of', 'po'), ('communes-provinces', 'member-of', 'po')):
        continue  # an instance of a PO, not a member of one: no kind says "is a", the actor's text does
    if k in (('po', 'organises', 'ecole'), ('communes-provinces', 'organises', 'ecole')):
        r['sources'] = [WBEP]; sure(r)
    if k == ('wbe', 'organises', 'ecole'):
        r['sources'] = [EDUB, WBEP]; sure(r)
        r['description'] = T('Environ 500 établissements.', 'About 500 establishments.')
    if k == ('fwb', 'regulates', 'wbe'):
        r['sources'] = [WIKI]; sure(r)
    if k == ('fwb', 'regulates', 'po'):
        r['sources'] = [WIKI, r['sources'][0]]; sure(r)
    keep.append(r)
m['relations'] = keep
G = {g['term']: g for g in m['glossary']}
G['Réseau d’enseignement']['sources'] = [WBEP]; sure(G['Réseau d’enseignement'])
G['AGE']['sources'] = [WIKI]; sure(G['AGE'])
open(p, 'w').write(json.dumps(m, ensure_ascii=False, indent=2) + '\n')

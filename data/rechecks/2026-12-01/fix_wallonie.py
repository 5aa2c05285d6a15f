#!/usr/bin/env python3
# Re-check of data/wallonie.json (issue 14): sources read on TODAY through the search tool.
import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]  # the repository
P = str(ROOT / 'data/wallonie.json')
TODAY = '2026-12-01'
m = json.load(open(P))
A = {a['id']: a for a in m['actors']}


def S(url, title=None):
    s = {'url': url, 'verified': TODAY}
    if title:
        s['title'] = title
    return s


def T(fr, en):
    return {'fr': fr, 'en': en}


def unsure(o, note):
    o['confidence'] = 'unsure'
    o['x-note'] = note


def sure(o):
    o.pop('confidence', None)
    o.pop('x-note', None)


OUTILS = S('https://mes-outils-numeriques.cfwb.be/pouvoirs-organisateurs-et-directions-decole/faq-pour-les-pouvoirs-organisateurs-et-les-directions/',
           'Mes outils numériques (FWB) : FAQ pour les pouvoirs organisateurs et les directions')
KOT = S('https://www.kotplanet.be/actualites/la-fwb-double-son-intervention-financiere-pour-aider-les-eleves-a-sequiper-dun-ordinateur/')
BX1 = S('https://bx1.be/?p=619881', 'BX1 : plus de 10.000 élèves ont bénéficié de la prime « un élève, une machine »')
LALIBRE21 = S('https://www.lalibre.be/dernieres-depeches/belga/informatique-la-fwb-lance-son-aide-financiere-pour-equiper-les-eleves-de-secondaire-60005d317b50a652f7ca9337')
RTL20 = S('https://www.rtl.be/info/magazine/hi-tech/la-federation-wallonie-bruxelles-consacre-10-millions-aux-ordinateurs-dans-les-ecoles-1255064.aspx')
CYBER = S('http://cyberclasse.wallonie.be/content/le-projet-cyberclasse-0', 'École numérique 2022-2026 — Wallonie')
RIT = S('https://www.regional-it.be/2022/11/09/scolaire-aide-a-equipement-numerique-change-de-boussole/')
LEASING = S('https://micheldimattia.be/post/le-programme-%C3%A9cole-num%C3%A9rique-2022-2026', 'Question parlementaire : le programme « École numérique » 2022-2026 (marché de leasing financier)')
RTL_EN = S('https://www.rtl.be/info/belgique/politique/pres-de-700-ecoles-wallonnes-selectionnees-pour-beneficier-d-un-soutien-numerique-1224528.aspx',
           'RTL : près de 700 écoles wallonnes sélectionnées (École numérique 2020)')
DG = S('https://revuenouvelle.be/blog/communaute-germanophone-de-belgique/', 'La Revue nouvelle : Communauté germanophone de Belgique')
COMM = S('https://ebooksgratis.com/2008/fr/articles/c/o/m/Communaut%C3%A9_germanophone_de_Belgique_4e8b.html', 'Communauté germanophone de Belgique (copie Wikipédia 2008)')
ADN = S('https://wbi.be/fr/actualites/lagence-du-numerique-creer-lavenir-wallonie', 'WBI : l’Agence du Numérique, créer l’avenir de la Wallonie')
ADN_DW = S('https://www.digitalwallonia.be/fr/publications/strategie-digital-wallonia-2025-2029-gouvernance-et-evaluation', 'Digital Wallonia 2025-2029 : gouvernance et évaluation')
DW2015 = S('http://www.lalibre.be/economie/eco-debats/le-plan-digital-wallonia-a-reussi-sa-mise-sur-orbite-58811a7ecd70ff671dc6f17c', 'La Libre : le plan Digital Wallonia a réussi sa mise sur orbite')
GEN = 'Définition générale, aucune page relue le 2026-12-01 ne l’énonce.'
PACTE_NOTE = 'La page du Pacte (pactepourunenseignementdexcellence.cfwb.be) n’a pas pu être relue le 2026-12-01 ; sa date d’origine est gardée.'

a = A['fwb']
a['description'] = T(
    'Communauté compétente pour l’enseignement en langue française en Wallonie et à Bruxelles. Sa stratégie numérique a d’abord équipé les écoles (2020), puis aide les familles des élèves du secondaire à acheter ou louer un ordinateur ou une tablette. L’enseignement en langue allemande relève de la Communauté germanophone.',
    'The Community responsible for French-language education in Wallonia and Brussels. Its digital strategy first equipped schools (2020), then helps families of secondary pupils buy or rent a computer or tablet. German-language education is the German-speaking Community’s.')
a['sources'] = [COMM, LALIBRE21, OUTILS]

a = A['strategie-numerique-fwb']
a['name'] = T('Stratégie numérique de la Fédération Wallonie-Bruxelles', 'Digital strategy of the Wallonia-Brussels Federation')
a['description'] = T('Stratégie du gouvernement de la FWB : un premier volet a subventionné l’achat d’ordinateurs par les écoles secondaires (2020), un second aide les élèves du secondaire à s’équiper (2021). Son rattachement au Pacte pour un enseignement d’excellence n’a pas été relu.',
                     'The FWB government’s strategy: a first strand subsidised secondary schools’ computers (2020), a second helps secondary pupils equip themselves (2021). Its link to the Pacte pour un enseignement d’excellence was not re-read.')
a['sources'] = [LALIBRE21, RTL20, OUTILS]

a = A['subvention-equipement']
a['name'] = T('Aide à l’équipement des élèves du secondaire (« un élève, une machine »)', 'Device aid for secondary pupils (“one pupil, one device”)')
a['description'] = T(
    'Aide de la FWB aux familles des élèves du secondaire pour acheter ou louer un ordinateur ou une tablette : 150 € par élève depuis 2023 (75 € auparavant). L’école doit participer au programme « un pour un » ; le pouvoir organisateur ou l’école lance un marché sur un cahier des charges type et l’aide est déduite du prix facturé aux parents. Ce n’est pas une subvention d’équipement des pouvoirs organisateurs.',
    'The FWB’s aid to families of secondary pupils to buy or rent a computer or tablet: €150 per pupil since 2023 (€75 before). The school must join the “one for one” programme; the organising authority or school runs a tender on a model specification and the aid is deducted from the price billed to parents. It is not an equipment subsidy for organising authorities.')
a['aliases'] = ['Un élève, une machine', '1 pour 1', 'prime numérique FWB']
a['sources'] = [KOT, BX1, OUTILS]
a['x-note'] = '« Location » est le mot du dispositif (pas « leasing »). Le modèle pluriannuel présenté au séminaire LUDOVIA#22 (orateur de l’AdN) est peut-être plutôt École numérique de la Région : non confirmé.'

a = A['region-wallonne']
a['sources'] = [CYBER, RIT]
a['description'] = T('Entité fédérée compétente notamment pour le numérique sur son territoire. Par son administration (SPW, cellule École numérique), elle finance l’équipement numérique et le Wi-Fi des écoles ; l’Agence du Numérique coordonne sa stratégie Digital Wallonia.',
                     'The federated entity responsible among other things for digital development on its territory. Through its administration (SPW, École numérique unit) it funds schools’ digital equipment and Wi-Fi; the Agence du Numérique coordinates its Digital Wallonia strategy.')

a = A['adn']
a['sources'] = [ADN, ADN_DW]
a['description'] = T('Agence du Numérique de la Région wallonne, créée le 1er janvier 2015 (elle a succédé à l’Agence wallonne des télécommunications) ; elle soutient et coordonne la stratégie Digital Wallonia.',
                     'The Walloon Region’s digital agency, created on 1 January 2015 (successor of the Walloon telecoms agency); it supports and coordinates the Digital Wallonia strategy.')

a = A['digital-wallonia']
a['sources'] = [DW2015, CYBER]
a['description'] = T('Stratégie numérique de la Région wallonne, adoptée en décembre 2015 ; son programme pour l’école est Digital Wallonia 4 Education.',
                     'The Walloon Region’s digital strategy, adopted in December 2015; its school programme is Digital Wallonia 4 Education.')

a = A['ecole-numerique']
a['sources'] = [CYBER, RIT, LEASING]
a['description'] = T(
    'Plan de la Région wallonne, opéré par la cellule École numérique du SPW Emploi-Formation dans le programme Digital Wallonia 4 Education : équipement numérique éducatif et connectivité interne (Wi-Fi) des écoles. Pour 2022-2026, il passe des appels à projets annuels à une programmation sur cinq ans, financée notamment par un marché de leasing financier.',
    'A Walloon Region plan, run by the SPW’s École numérique unit within Digital Wallonia 4 Education: educational digital equipment and internal connectivity (Wi-Fi) for schools. For 2022-2026 it moves from yearly calls to a five-year programme, funded among others through a financial-leasing contract.')

a = A['po']
a['sources'] = [OUTILS, BX1]
a['description'] = T('Autorité responsable d’une ou de plusieurs écoles (par exemple WBE). Avec l’école, il lance le marché public par lequel les parents achètent ou louent le matériel ; l’aide de la FWB lui est allouée et déduite de la facture des parents.',
                     'The body responsible for one or more schools (for instance WBE). With the school it runs the public tender through which parents buy or rent devices; the FWB’s aid is allocated to it and deducted from the parents’ bill.')

a = A['wbe']
a['description'] = T('Pouvoir organisateur de l’enseignement organisé par la Fédération Wallonie-Bruxelles.', 'The organising authority of the education run by the Wallonia-Brussels Federation.')
unsure(a, 'Aucune page relue le 2026-12-01 ne le décrit ; la seule source reste la page d’accueil wbe.be, non relue (date d’origine gardée). Le nombre d’établissements a été retiré.')
a['sources'] = [s for s in a['sources'] if s['url'] == 'https://www.wbe.be/']

a = A['communes-provinces']
a['x-note'] = PACTE_NOTE
a = A['ecole']
a['sources'] = [RIT, CYBER]
a['description'] = T('Établissement scolaire relevant d’un pouvoir organisateur ; il reçoit l’équipement et la connectivité financés par la Région.',
                     'A school run by an organising authority; it receives equipment and connectivity funded by the Region.')
a = A['direction-ecole']
a['sources'] = [OUTILS]
a['x-note'] = 'La FAQ s’adresse aux pouvoirs organisateurs et aux directions sans préciser leur rôle respectif.'
a = A['enseignants']
a['sources'] = [RIT]
a = A['eleves']
a['sources'] = [KOT, BX1]
a['description'] = T('Élèves et leurs familles ; l’aide de la FWB aide les familles des élèves du secondaire à acheter ou louer un appareil.',
                     'Pupils and their families; the FWB’s aid helps families of secondary pupils buy or rent a device.')

m['actors'].append({
    'id': 'communaute-germanophone', 'name': T('Communauté germanophone de Belgique', 'German-speaking Community of Belgium'),
    'aliases': ['Deutschsprachige Gemeinschaft', 'DG', 'Ostbelgien'], 'level': 'communaute', 'kind': 'autorite',
    'description': T('Communauté compétente pour l’enseignement (maternel, obligatoire et supérieur) dans la région de langue allemande, les cantons d’Eupen et de Saint-Vith, en Wallonie : ses écoles ne relèvent pas de la FWB. Elles peuvent bénéficier du plan régional École numérique.',
                     'The Community responsible for education (nursery, compulsory and higher) in the German-language area, the cantons of Eupen and Sankt Vith in Wallonia: its schools are not the FWB’s. They can take part in the regional École numérique plan.'),
    'topics': ['strategy'], 'sources': [DG, RTL_EN]})

# ---------------------------------------------------------------- relations
if not any(k['id'] == 'attached-to' for k in m['relationKinds']):
    m['relationKinds'].append({'id': 'attached-to', 'label': T('fait partie de', 'part of'), 'verb': T('fait partie de', 'is part of'),
                               'colour': '#7f7f7f', 'dash': 'dotted'})


def rid(r):
    return r.get('id') or f"{r['from']}--{r['kind']}--{r['to']}"


R = {rid(r): r for r in m['relations']}


def src(f, k, t, sources, note=None, nk=None, description=None, directed=None):
    r = R.pop(f'{f}--{k}--{t}')
    if nk:
        r['kind'] = nk
    if sources:
        r['sources'] = sources
    else:
        r.pop('sources', None)
    if description:
        r['description'] = description
    if directed is not None:
        if directed:
            r.pop('directed', None)
        else:
            r['directed'] = False
    if note:
        unsure(r, note)
    R[rid(r)] = r
    return r


src('fwb', 'steers', 'strategie-numerique-fwb', [LALIBRE21])
src('fwb', 'steers', 'subvention-equipement', [KOT, LALIBRE21])
src('subvention-equipement', 'funds', 'po', [OUTILS, BX1], description=T('L’aide est allouée au pouvoir organisateur ou à l’école, qui la déduit du prix facturé aux parents.',
                                                                          'The aid is allocated to the organising authority or school, which deducts it from the price billed to parents.'))
m['relations'].append({'from': 'subvention-equipement', 'to': 'eleves', 'kind': 'supports',
                       'description': T('Achat ou location d’un ordinateur ou d’une tablette par les familles des élèves du secondaire.',
                                        'Families of secondary pupils buy or rent a computer or tablet.'),
                       'sources': [KOT, BX1]})
src('fwb', 'provides-service', 'po', [OUTILS], description=T('Cahier des charges type fourni aux écoles secondaires pour l’achat ou la location de matériel par les parents.',
                                                             'A model specification given to secondary schools for parents’ purchase or rental of devices.'))
src('fwb', 'regulates', 'po', [COMM], 'La page dit la Communauté compétente pour l’enseignement ; la réglementation des pouvoirs organisateurs n’y est pas détaillée.')
src('fwb', 'regulates', 'wbe', [], 'Aucune page relue le 2026-12-01 ne le dit (page du Pacte non relue).')
src('po', 'organises', 'ecole', [], 'Définition d’un pouvoir organisateur ; aucune page relue le 2026-12-01 ne l’énonce (page du Pacte non relue).')
src('wbe', 'organises', 'ecole', [], 'Aucune page relue le 2026-12-01 ne le dit ; la page d’accueil wbe.be a été retirée.', description=T('Écoles de l’enseignement organisé par la FWB.', 'Schools of the FWB-run network.'))
src('communes-provinces', 'organises', 'ecole', [], 'Aucune page relue le 2026-12-01 ne le dit.')
src('po', 'equips', 'ecole', [RTL20, OUTILS], description=T('En 2020, subvention exceptionnelle de la FWB aux pouvoirs organisateurs du secondaire pour constituer un stock d’ordinateurs.',
                                                            'In 2020, an exceptional FWB subsidy to secondary organising authorities for a stock of computers.'))
src('wbe', 'member-of', 'po', [], 'WBE est un pouvoir organisateur (une instance, pas un membre) ; aucune page relue le 2026-12-01.')
src('communes-provinces', 'member-of', 'po', [], 'Aucune page relue le 2026-12-01.')
src('region-wallonne', 'steers', 'adn', [ADN_DW], description=T('Le Gouvernement wallon charge l’AdN de coordonner Digital Wallonia.', 'The Walloon government tasks the AdN with coordinating Digital Wallonia.'))
src('adn', 'steers', 'digital-wallonia', [ADN_DW, ADN], nk='supports', description=T('L’AdN coordonne la gouvernance et l’évaluation de la stratégie.', 'The AdN coordinates the strategy’s governance and evaluation.'))
src('region-wallonne', 'steers', 'ecole-numerique', [CYBER])
src('ecole-numerique', 'member-of', 'digital-wallonia', [CYBER], nk='attached-to', description=T('École numérique fait partie du programme Digital Wallonia 4 Education.', 'École numérique is part of Digital Wallonia 4 Education.'))
src('ecole-numerique', 'equips', 'ecole', [CYBER, RIT])
src('fwb', 'partners', 'region-wallonne', [RTL_EN], 'En 2020, la ministre de l’Éducation de la FWB a annoncé avec le ministre wallon les écoles retenues par École numérique ; une coordination formelle n’est pas décrite.')
src('direction-ecole', 'steers', 'ecole', [], 'Aucune page relue le 2026-12-01.')
src('strategie-numerique-fwb', 'supports', 'enseignants', [], 'Aucune page relue le 2026-12-01.')
src('ecole', 'provides-service', 'eleves', [], 'Aucune page relue le 2026-12-01.')
src('enseignants', 'member-of', 'ecole', [], 'Évident mais aucune page relue le 2026-12-01 ne le dit.')
m['relations'].append({'from': 'communaute-germanophone', 'to': 'ecole', 'kind': 'regulates',
                       'description': T('Écoles de la région de langue allemande.', 'Schools of the German-language area.'), 'sources': [DG]})

# ---------------------------------------------------------------- glossary
G = {g['term']: g for g in m['glossary']}
G['SPW']['sources'] = [CYBER]
G['Pacte']['confidence'] = 'unsure'
G['Pacte']['x-note'] = PACTE_NOTE
for t in ('AGE', 'Réseau d’enseignement', 'CECP', 'CPEONS', 'SeGEC', 'FELSI', 'Tronc commun', 'CEB', 'Plan de pilotage', 'Enseignement fondamental', 'CPMS'):
    G[t].pop('sources', None)
    unsure(G[t], GEN)
G['DW4E']['sources'] = [CYBER]
sure(G['DW4E'])
g = G['Leasing']
g['definition'] = T(
    '« Location » est le mot officiel de l’aide de la FWB aux familles (achat ou location d’un appareil) ; la Région wallonne finance son programme École numérique 2022-2026 notamment par un marché de leasing financier. Le modèle pluriannuel présenté au séminaire LUDOVIA#22 est peut-être celui-ci : non confirmé.',
    '“Location” (rental) is the official word of the FWB’s aid to families (buying or renting a device); the Walloon Region funds its 2022-2026 École numérique programme among others through a financial-leasing contract. The multi-year model shown at the LUDOVIA#22 seminar may be that one: not confirmed.')
g['sources'] = [OUTILS, LEASING]
g['x-note'] = 'Lequel des deux dispositifs l’orateur du séminaire décrivait n’est pas confirmé.'

# ---------------------------------------------------------------- tours
steps = m['tours'][0]['steps']
steps[0]['text'] = T('La Fédération Wallonie-Bruxelles a la charge de l’enseignement en langue française ; la Région wallonne, celle du numérique. Toutes deux financent l’équipement : la Région celui des écoles, la FWB l’aide aux élèves du secondaire.',
                     'The Wallonia-Brussels Federation is responsible for French-language education; the Walloon Region for digital development. Both fund equipment: the Region schools’, the FWB an aid to secondary pupils.')
steps[1]['title'] = T('La FWB : une aide aux familles', 'The FWB: an aid to families')
steps[1]['text'] = T('La FWB aide les familles des élèves du secondaire à acheter ou louer un ordinateur ou une tablette (150 €) : l’école ou son pouvoir organisateur lance un marché sur un cahier des charges type et déduit l’aide du prix facturé aux parents.',
                     'The FWB helps families of secondary pupils buy or rent a computer or tablet (€150): the school or its organising authority runs a tender on a model specification and deducts the aid from the price billed to parents.')
steps[1]['focus'] = ['fwb', 'subvention-equipement', 'po', 'eleves']
steps[2]['text'] = T('La cellule École numérique du SPW, dans le programme Digital Wallonia 4 Education, équipe les écoles en matériel et en Wi-Fi ; l’Agence du Numérique coordonne Digital Wallonia.',
                     'The SPW’s École numérique unit, within Digital Wallonia 4 Education, equips schools with hardware and Wi-Fi; the Agence du Numérique coordinates Digital Wallonia.')
steps[3]['title'] = T('Des écoles, plusieurs pouvoirs', 'Schools, several authorities')
steps[3]['text'] = T('WBE, les communes et provinces ou d’autres pouvoirs organisateurs organisent les écoles ; dans les cantons germanophones, l’enseignement relève de la Communauté germanophone. Pour 2022-2026, École numérique programme l’équipement sur cinq ans plutôt que par appels annuels.',
                     'WBE, communes and provinces or other organising authorities run schools; in the German-speaking cantons education is the German-speaking Community’s. For 2022-2026 École numérique plans equipment over five years instead of yearly calls.')
steps[3]['focus'] = ['po', 'wbe', 'communes-provinces', 'ecole', 'communaute-germanophone', 'ecole-numerique']

m['description'] = T(
    'Le numérique éducatif en Wallonie : la Fédération Wallonie-Bruxelles a la charge de l’enseignement en langue française (la Communauté germanophone, de l’enseignement en allemand), la Région wallonne celle du numérique et de l’équipement des écoles, les pouvoirs organisateurs celle des écoles. Cette carte ne dérive pas de la base française : elle déclare ses propres niveaux.',
    'Digital education in Wallonia: the Wallonia-Brussels Federation is responsible for French-language education (the German-speaking Community for German-language education), the Walloon Region for digital development and schools’ equipment, organising authorities for the schools. This map does not derive from the French base: it declares its own levels.')
m['updated'] = TODAY
m['audit'] = {'maxHomepageShare': 0.05, 'maxUnsourced': 0, 'maxUnrelatedClaimsPerUrl': 5, 'maxAgeDays': 365}
keys = list(m.keys())
keys.remove('audit')
keys.insert(keys.index('description') + 1, 'audit')
m = {k: m[k] for k in keys}
open(P, 'w').write(json.dumps(m, ensure_ascii=False, indent=2) + '\n')

#!/usr/bin/env python3
# Re-check of data/territories/*.json (issue 14): sources read on TODAY through the search tool.
import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]  # the repository
D = str(ROOT / 'data/territories') + '/'
TODAY = '2026-12-01'


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


def load(name):
    return json.load(open(D + name))


def save(name, m):
    m['updated'] = TODAY
    if 'audit' in m:
        keys = [k for k in m if k != 'audit']
        keys.insert(keys.index('description') + 1, 'audit')
        m = {k: m[k] for k in keys}
    open(D + name, 'w').write(json.dumps(m, ensure_ascii=False, indent=2) + '\n')


def rid(r):
    return r.get('id') or f"{r['from']}--{r['kind']}--{r['to']}"


def fix_rel(m, f, k, t, sources, note=None, nk=None, description=None):
    for r in m['relations']:
        if rid(r) == f'{f}--{k}--{t}':
            if nk:
                r['kind'] = nk
            if sources:
                r['sources'] = sources
            else:
                r.pop('sources', None)
            if description:
                r['description'] = description
            if note:
                unsure(r, note)
            return r
    raise KeyError(f'{f}--{k}--{t}')


def retext(m, prefix, fr, en, focus=None):
    for t in m['tours']:
        for s in t['steps']:
            if s['text']['fr'].startswith(prefix):
                s['text'] = T(fr, en)
                if focus:
                    s['focus'] = focus
                return
    raise KeyError(prefix)


TNE = S('https://banquedesterritoires.fr/les-territoires-numeriques-educatifs-prennent-leur-envol')
DASEN = S('https://www.education.gouv.fr/etre-directeur-academique-des-services-de-l-education-nationale-dasen-6917', 'Être directeur académique des services de l’éducation nationale (DASEN)')
DASEN_SGEN = S('https://paysdeloire.sgen-cfdt.fr/besoin/cest-quoi-un%c2%b7e-dasen', 'Sgen-CFDT : c’est quoi un·e Dasen ?')
SDET_COPY = S('https://doc.tech.fr/open-ent-dev/docs/sdet/2-3-objectif_sdet/2-3-2-2-1-sdet', 'SDET, § 2.3.2.2.1 ENT et services tiers')
DAN = S('https://www.nextinpact.com/news/89522-education-delegues-academiques-charges-numerique-au-niveau-local.htm', 'Next INpact : les délégués académiques au numérique (note de service 2014)')
RRA = S('https://idcite.fr/Organisation-des-services-deconcentres-des-ministeres-de-l-education-nationale-de-l-enseignement-superieur-et-de-la_a4398.amp.html', 'ID.CiTé : décret n° 2019-1200 (organisation des services déconcentrés)')
MONTPELLIER = S('https://www.ac-montpellier.fr/cid97029/votre-nouvelle-region-academique.html')
RECTRICE = S('https://www.ekole.fr/blog/la-rectrice-doccitanie-fait-rentree-scolaire', 'Ekole : la rectrice d’Occitanie fait sa rentrée (avril 2025)')
DSI = S('https://dsi.ac-toulouse.fr/accompagner-la-transformation-grace-la-strategie-numerique')
LANDOT = S('https://blog.landot-avocats.net/2018/08/22/logiciels-dans-les-filieres-professionnelles-des-lycees-quelle-repartition-des-competences-entre-letat-et-la-region/')
ADF_COLL = S('https://departements.fr/les-conseils-generaux-preparent-la-rentree-des-colleges/', 'Départements de France : les départements préparent la rentrée des collèges')
AVICCA_COLL = S('https://www.avicca.org/actualite/informatique-dans-les-colleges-1er-bilan-du-transfert-aux-collectivites', 'AVICCA : informatique dans les collèges, premier bilan du transfert')
CANOPE_BDT = S('https://banquedesterritoires.fr/reseau-canope-la-cour-salue-une-mutation-reussie-vers-le-numerique')
VO95 = S('https://2017-2022.nosdeputes.fr/15/intervention/1034316', 'Audition du Département du Val-d’Oise à l’Assemblée nationale (plan numérique des collèges)')
VO95_DANE = S('https://2017-2022.nosdeputes.fr/15/intervention/1034329', 'Audition du Département du Val-d’Oise (accompagnement par la DANE de Versailles, la DSDEN et le Département)')
VON = S('https://lajauneetlarouge.com/pour-un-numerique-de-proximite-souverain-sobre-et-solidaire', 'La Jaune et la Rouge : Val d’Oise Numérique')
LORDI = S('https://www.touleco.fr/Occitanie-Plus-de-60-000-ordinateurs-portables-pour-les-lyceens,30577')
LORDI2 = S('https://www.francebleu.fr/infos/politique/lordi-n-aura-pas-survecu-la-fusion-des-regions-1484766707')
EDTECH_OCC = S('https://www.elephorm.com/blog/marketing/edtech-occitanie-apporter-de-la-visibilite-aux-acteurs-de-ledtech')
LUDOVIA = S('https://www.ludomag.com/?p=48708', 'Ludomag : entretien à l’université d’été de LUDOVIA (Ax-les-Thermes)')
SEED = 'd’après le document à l’origine du projet (séminaire LUDOVIA#22), dont aucun compte rendu n’a été lu le 2026-12-01'

# ---------------------------------------------------------------- Val-d'Oise
m = load('val-d-oise.json')
A = {a['id']: a for a in m['actors']}
a = A['val-d-oise-numerique']
a['description'] = T('Syndicat mixte du Val-d’Oise créé en 2015, opérateur public de services numériques : il a déployé la fibre optique et propose des services numériques aux collectivités du département.',
                     'A Val-d’Oise joint authority created in 2015, a public digital-services operator: it rolled out fibre and offers digital services to the département’s local authorities.')
a['sources'] = [VON]
a = A['ent-1d-95']
a['sources'] = [SDET_COPY]
a['description'] = T('Espace numérique de travail des écoles du Val-d’Oise. Comme pour tout ENT du premier degré, l’IA-DASEN en est le responsable de traitement.',
                     'The digital workspace of Val-d’Oise écoles. As for any primary-school ENT, the IA-DASEN is its data controller.')
unsure(a, 'L’existence de cet ENT et son financement par Val d’Oise Numérique viennent de la carte d’origine ; aucune page lue le 2026-12-01 ne les confirme (la page d’accueil valdoisenumerique.fr a été retirée).')
a = A['tne-95']
a['sources'] = [TNE]
a['description'] = T('Déclinaison départementale des Territoires numériques éducatifs, lancée en 2020 avec l’Aisne dans le cadre du PIA 3.',
                     'The departmental instance of the Territoires numériques éducatifs, launched in 2020 with Aisne under PIA 3.')
a['x-note'] = 'Son pilotage local par la DRANE de Versailles et la DSDEN n’est écrit sur aucune page relue le 2026-12-01 (voir les relations, incertaines).'
fix_rel(m, 'val-d-oise-numerique', 'funds', 'ent-1d-95', [], 'Financement indiqué par la carte d’origine, non confirmé (page d’accueil valdoisenumerique.fr retirée).')
fix_rel(m, 'ent-1d-95', 'provides-service', 'ecole', [], 'Aucune page relue le 2026-12-01.')
fix_rel(m, 'ia-dasen', 'steers', 'ent-1d-95', [SDET_COPY])
fix_rel(m, 'tne-95', 'member-of', 'tne', [TNE], nk='attached-to')
fix_rel(m, 'drane', 'coordinates', 'tne-95', [], 'Aucune page relue le 2026-12-01 ne décrit ce pilotage local.')
fix_rel(m, 'dsden', 'coordinates', 'tne-95', [], 'Aucune page relue le 2026-12-01 ne décrit ce pilotage local.')
r = fix_rel(m, 'departement', 'partners', 'tne-95', [TNE], description=T('Les collectivités coconstruisent et cofinancent les TNE.', 'Local authorities co-design and co-fund the TNE.'))
r.pop('confidence', None)
r.pop('x-note', None)
o = m['override']['actors']
o['recteur-academie']['sources'] = [VO95_DANE, RRA]
o['drane']['description'] = T(
    'Pour l’académie de Versailles (région académique Île-de-France), la délégation au numérique éducatif (DANE, aujourd’hui DRANE) a accompagné, avec la DSDEN et le Département, l’appropriation du numérique dans les collèges du Val-d’Oise. Elle conseille le recteur et entretient les relations avec les collectivités.',
    'For the Versailles académie (Île-de-France academic region), the digital education delegation (DANE, now DRANE) supported, with the DSDEN and the Département, the take-up of digital tools in Val-d’Oise collèges. It advises the recteur and handles relations with local authorities.')
o['drane']['sources'] = [VO95_DANE, DAN]
o['ia-dasen']['sources'] = [VO95, DASEN]
o['dsden']['description'] = T('Services départementaux de l’éducation nationale dans le Val-d’Oise, dirigés par l’IA-DASEN. Avec la DANE de Versailles et le Département, ils ont accompagné le numérique dans les collèges.',
                              'The national education services in Val-d’Oise, headed by the IA-DASEN. With the Versailles DANE and the Département they supported digital uses in collèges.')
o['dsden']['sources'] = [VO95_DANE, DASEN]
o['departement']['description'] = T(
    'Le Département du Val-d’Oise a la charge de 111 collèges publics. Depuis son plan numérique des collèges (2010), il y assure le très haut débit, le réseau, l’équipement des salles, l’infogérance (avec le rectorat et la DASEN) et un ENT. Au séminaire LUDOVIA#22, une carte de « qui fait quoi à quel niveau » a été présentée par le Val d’Oise.',
    'The Val-d’Oise Département is responsible for 111 public collèges. Since its 2010 collèges digital plan it provides very-high-speed access, networks, classroom equipment, IT management (with the rectorat and the DASEN) and an ENT. At the LUDOVIA#22 seminar, a map of “who does what at which level” was presented by the Val d’Oise.')
o['departement']['sources'] = [VO95, ADF_COLL]
o['departement']['x-note'] = 'La présentation de la carte au séminaire : ' + SEED + '. Le document dit « présentée par le Val d’Oise », sans préciser par quel service.'
o['college']['description'] = T('L’un des 111 collèges publics du Val-d’Oise, dont le Département a la charge matérielle.', 'One of the 111 public collèges in Val-d’Oise, whose premises and equipment are the Département’s responsibility.')
o['college']['sources'] = [VO95]
rr = m['override']['relations']['departement--equips--college']
rr['description'] = T('Le Conseil départemental équipe les 111 collèges publics du Val-d’Oise.', 'The departmental council equips the 111 public collèges of Val-d’Oise.')
rr['sources'] = [VO95]
m['description'] = T(
    'Le numérique éducatif dans le Val-d’Oise (95), département de l’académie de Versailles et l’un des deux premiers Territoires numériques éducatifs (2020). Au séminaire LUDOVIA#22, une carte de « qui fait quoi à quel niveau » a été présentée par le Val d’Oise ; ce projet en est la généralisation.',
    'Digital education in Val-d’Oise (95), a département of the Versailles académie and one of the first two Territoires numériques éducatifs (2020). At the LUDOVIA#22 seminar a map of “who does what at which level” was presented by the Val d’Oise; this project generalises it.')
retext(m, 'Au collège, l’ENT relève', 'Au collège, l’ENT relève du Conseil départemental et de l’académie ; à l’école, d’un ENT du premier degré (financé, selon la carte d’origine, par Val d’Oise Numérique : non confirmé).',
       'In collèges the ENT is the departmental council’s and the académie’s business; in écoles, a primary-school ENT (funded, according to the original map, by Val d’Oise Numérique: not confirmed).')
retext(m, 'Le syndicat mixte finance', 'L’IA-DASEN du Val-d’Oise est le responsable de traitement de l’ENT des écoles ; son financement par le syndicat mixte Val d’Oise Numérique n’est pas confirmé.',
       'The Val-d’Oise IA-DASEN is the data controller of the écoles’ ENT; its funding by the Val d’Oise Numérique joint authority is not confirmed.')
retext(m, 'Pour les usages au quotidien', 'Pour les usages au quotidien, l’ERUN accompagne les enseignants des écoles ; son action est coordonnée et validée par l’IEN chargé du numérique du département.',
       'For everyday uses, the ERUN supports école teachers; their work is coordinated and validated by the département’s IEN in charge of digital matters.', ['erun', 'ien-numerique', 'ecole', 'enseignants'])
retext(m, 'Le RUPN du collège', 'Le RUPN du collège conseille les équipes et aide le chef d’établissement dans ses demandes d’équipement au Conseil départemental, qui déploie l’ENT avec l’académie.',
       'The collège’s RUPN advises staff and helps the head with equipment requests to the departmental council, which deploys the ENT with the académie.')
m['audit'] = {'maxHomepageShare': 0.05, 'maxUnsourced': 0}
save('val-d-oise.json', m)

# ---------------------------------------------------------------- Occitanie
m = load('occitanie.json')
A = {a['id']: a for a in m['actors']}
a = A['lordi']
a['description'] = T('Programme de la Région Occitanie : un ordinateur portable pour les lycéens entrant en seconde ou en première année de CAP, sans condition dans les lycées labellisés « lycée numérique », ailleurs avec une aide de 80 € jusqu’à la gratuité selon les ressources de la famille.',
                     'An Occitanie Région programme: a laptop for pupils entering seconde or the first CAP year, unconditionally in lycées labelled “lycée numérique”, elsewhere with an aid from €80 up to free depending on family means.')
a['sources'] = [LORDI, LORDI2]
A['tne-herault']['sources'] = [TNE]
a = A['canope-occitanie']
a['sources'] = [CANOPE_BDT]
a['x-note'] = 'La page relue le 2026-12-01 cite 11 directions territoriales de Réseau Canopé sans nommer celle d’Occitanie.'
fix_rel(m, 'region', 'steers', 'lordi', [LORDI, LORDI2])
fix_rel(m, 'lordi', 'equips', 'eleves', [LORDI])
fix_rel(m, 'tne-herault', 'member-of', 'tne', [TNE], nk='attached-to')
fix_rel(m, 'drane', 'supports', 'tne-herault', [], 'Aucune page relue le 2026-12-01.')
fix_rel(m, 'canope-occitanie', 'member-of', 'canope', [], 'Structure régionale non confirmée.', nk='attached-to')
fix_rel(m, 'canope-occitanie', 'coordinates', 'atelier-canope', [], 'Structure régionale non confirmée.')
fix_rel(m, 'region', 'partners', 'cluster-edtech', [], 'Aucune page relue le 2026-12-01.')
o = m['override']['actors']
o['recteur-region-academique']['sources'] = [MONTPELLIER, RECTRICE, RRA]
o['drane']['description'] = T(
    'Une seule délégation couvre les académies de Montpellier et de Toulouse : le numérique éducatif fait partie des services régionaux du recteur de région académique. Elle conseille le recteur, définit et évalue la stratégie numérique et entretient les relations avec la Région et les départements. Son intitulé diffère selon les documents (« régionale académique » ou « de région académique »).',
    'A single delegation covers the Montpellier and Toulouse académies: digital education is one of the regional recteur’s regional services. It advises the recteur, defines and evaluates the digital strategy and handles relations with the Région and the départements. Its title differs between documents.')
o['drane']['sources'] = [MONTPELLIER, DAN]
o['dsi']['sources'] = [DSI]
o['region']['description'] = T(
    'La Région Occitanie a la charge des lycées, y compris leurs matériels informatiques et logiciels (art. L.214-6 du Code de l’éducation). Elle porte le programme d’ordinateurs portables loRdi. Au séminaire LUDOVIA#22, son service numérique transversal a été présenté comme un point de stabilité face aux changements des structures de l’État.',
    'The Occitanie Région is responsible for lycées, including their computers and software (Code de l’éducation, art. L.214-6). It runs the loRdi laptop programme. At the LUDOVIA#22 seminar its transversal digital service was presented as a point of stability while State structures change.')
o['region']['sources'] = [LANDOT, LORDI]
o['region']['x-note'] = 'Le « point de stabilité » : ' + SEED + '.'
o['cluster-edtech']['description'] = T('Association régionale des acteurs de l’EdTech en Occitanie, lancée en mars 2021.', 'The regional association of EdTech players in Occitanie, launched in March 2021.')
o['cluster-edtech']['sources'] = [EDTECH_OCC]
o['cluster-edtech']['confidence'] = 'sure'
m['description'] = T(
    'La région académique Occitanie réunit deux académies, Montpellier (siège du recteur de région académique) et Toulouse, couvertes par une seule délégation au numérique éducatif. Au séminaire LUDOVIA#22, le service numérique transversal de la Région Occitanie a été présenté comme un point de stabilité face à ces structures de l’État. Le sélecteur de variante montre les intitulés propres à chaque académie.',
    'The Occitanie academic region brings together two académies, Montpellier (seat of the regional recteur) and Toulouse, covered by a single digital education delegation. At the LUDOVIA#22 seminar the Occitanie Région’s transversal digital service was presented as a point of stability alongside these State bodies. The variant switcher shows each académie’s own wording.')
retext(m, 'La Région Occitanie équipe les lycées', 'La Région Occitanie équipe les lycées et porte loRdi ; au séminaire LUDOVIA#22, son service numérique transversal a été présenté comme un point de stabilité face aux réorganisations de l’État.',
       'The Occitanie Région equips lycées and runs loRdi; at the LUDOVIA#22 seminar its transversal digital service was presented as a point of stability amid State reorganisations.')
m['audit'] = {'maxHomepageShare': 0.05, 'maxUnsourced': 0}
save('occitanie.json', m)

# ---------------------------------------------------------------- Ariège
m = load('ariege.json')
A = {a['id']: a for a in m['actors']}
a = A['ludovia']
a['description'] = T('Université d’été du numérique éducatif tenue chaque fin août à Ax-les-Thermes, en Ariège. C’est au séminaire LUDOVIA#22 (2025) qu’est né le besoin de cette carte.',
                     'A summer university on digital education held each late August at Ax-les-Thermes, Ariège. The need for this map arose at the LUDOVIA#22 seminar (2025).')
a['sources'] = [LUDOVIA]
a['x-note'] = 'L’origine de la carte au séminaire LUDOVIA#22 : ' + SEED + '. Les pages ludovia.org (accueil) et ludomag.com/?p=40898 (article sur les ERUN) ont été retirées.'
fix_rel(m, 'ludovia', 'trains', 'enseignants', [], 'Ateliers et échanges de pratiques : aucune page relue le 2026-12-01 ne les décrit (page d’accueil ludovia.org retirée).')
o = m['override']['actors']
o['dsden']['description'] = T('Services départementaux de l’éducation nationale de l’Ariège, dirigés par l’IA-DASEN.', 'The national education services of Ariège, headed by the IA-DASEN.')
o['dsden']['sources'] = [DASEN, DASEN_SGEN]
o['departement']['description'] = T(
    'Le Département de l’Ariège a la charge des collèges publics du département : construction, équipement et fonctionnement, et depuis 2013 leur maintenance informatique (art. L.213-2 du Code de l’éducation). Au séminaire LUDOVIA#22, on a décrit une infrastructure solide mais simple et un accompagnement de proximité.',
    'The Ariège Département is responsible for the département’s public collèges: building, equipment and running costs, and since 2013 their IT maintenance (Code de l’éducation, art. L.213-2). At the LUDOVIA#22 seminar, solid but simple infrastructure and local support were described.')
o['departement']['sources'] = [ADF_COLL, AVICCA_COLL]
o['departement']['x-note'] = 'L’« infrastructure solide mais simple » : ' + SEED + '.'
o['familles']['description'] = T(
    'Parents et responsables légaux, qui suivent la scolarité par les services numériques (EduConnect, ENT). Au séminaire LUDOVIA#22, on a cité jusqu’à 25 % de familles sans ordinateur à la maison en zone rurale : la médiation de proximité compte.',
    'Parents and guardians, who follow schooling through digital services (EduConnect, ENT). The LUDOVIA#22 seminar quoted up to 25 % of rural families without a computer at home: local mediation matters.')
o['familles']['x-note'] = 'Le chiffre de 25 % : ' + SEED + '.'
rr = m['override']['relations']['departement--equips--college']
rr['description'] = T('Le Conseil départemental de l’Ariège équipe les collèges publics (art. L.213-2).', 'The Ariège departmental council equips public collèges (art. L.213-2).')
m['description'] = T(
    'L’Ariège (09) est un département rural de l’académie de Toulouse (région académique Occitanie). Au séminaire LUDOVIA#22, on a décrit une infrastructure solide mais simple et un accompagnement de proximité, et cité jusqu’à 25 % de familles des zones rurales sans ordinateur à la maison (chiffres non vérifiés). Cette carte se lit avec la variante « Académie de Toulouse ».',
    'Ariège (09) is a rural département of the Toulouse académie (Occitanie academic region). The LUDOVIA#22 seminar described solid but simple infrastructure and local support, and quoted up to 25 % of rural families without a computer at home (figures not checked). Read this map with the “Toulouse académie” variant.')
retext(m, 'Désigné par le chef d’établissement', 'Désigné par le chef d’établissement, le RUPN conseille les équipes et aide le chef d’établissement dans ses demandes d’équipement auprès du Département.',
       'Appointed by the head of establishment, the RUPN advises staff and helps the head with equipment requests to the Département.')
retext(m, 'La DSDEN de l’Ariège, à Foix,', 'La DSDEN de l’Ariège et la délégation au numérique éducatif de la région académique Occitanie portent la stratégie pédagogique et les relations avec le Département.',
       'The Ariège DSDEN and the Occitanie academic region’s digital education delegation carry the teaching strategy and relations with the Département.')
m['audit'] = {'maxHomepageShare': 0.05, 'maxUnsourced': 0}
save('ariege.json', m)

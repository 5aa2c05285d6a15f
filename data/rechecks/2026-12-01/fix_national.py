#!/usr/bin/env python3
# One-off re-check of data/national.json (issue 14): every source below was read on TODAY
# through the search tool (what each page says: READING-LOG.md); claims no page states become unsure.
import json, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]  # the repository
P = str(ROOT / 'data/national.json')
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


# ---------------------------------------------------------------- pages read today
DNE = S('https://education.gouv.fr/direction-du-numerique-pour-l-education-dne-9983', 'Direction du numérique pour l’éducation (DNE) — education.gouv.fr')
CAFE_DNE = S('https://cafepedagogique.net/?p=41401', 'Café pédagogique : naissance de la DNE (décret de février 2014)')
VEB = S('https://ville-et-banlieue.org/numerique-a-lecole-le-ministere-se-reorganise-8283.html', 'Numérique à l’école : le ministère se réorganise')
DAN = S('https://www.nextinpact.com/news/89522-education-delegues-academiques-charges-numerique-au-niveau-local.htm', 'Next INpact : les délégués académiques au numérique (note de service 2014)')
DSI = S('https://dsi.ac-toulouse.fr/accompagner-la-transformation-grace-la-strategie-numerique')
LUDOMAG_ERUN = S('https://ludomag.com/?p=40898', 'Ludomag : les ERUN demandent un statut (fiche de poste de l’académie de Toulouse)')
IDRUIDE = S('https://idruide.com/les-erun-en-quete-de-statut/', 'Les ERUN en quête de statut')
CRETEIL_RUPN = S('http://dane.ac-creteil.fr/spip.php?page=article&id_article=524', 'Les référents numériques d’établissement — DANE de Créteil')
DIJON_RUPN = S('http://dane.ac-dijon.fr/acteurs/referents-numeriques/', 'Référents numériques — académie de Dijon')
CANOPE_BDT = S('https://banquedesterritoires.fr/reseau-canope-la-cour-salue-une-mutation-reussie-vers-le-numerique')
CANOPE_CNDP = S('http://www.touteduc.fr/fr/scolaire/id-23690-reseau-canope-entend-renforcer-son-offre-de-service-aux-collectivites-reponse-aux-observations-de-la-cour-des-comptes-', 'ToutEduc : Réseau Canopé et la Cour des comptes (fusion des CRDP et du CNDP)')
CANOPE_MAG = S('http://www.villesdefrance.fr/ondes_urbaines.php?o=878&id=6769', 'Villes de France : rapport de la Cour des comptes sur Réseau Canopé')
CCOMPTES_EAFC = S('https://www.ccomptes.fr/fr/documents/71912', 'Réponse du secrétaire général du ministère à la Cour des comptes (Réseau Canopé, EAFC)')
TNE = S('https://banquedesterritoires.fr/les-territoires-numeriques-educatifs-prennent-leur-envol')
GAR = S('https://eduscol.education.fr/213/gestionnaire-d-acces-aux-ressources')
GAR_FAQ = S('https://gar.education.fr/espace-numerique-de-travail/faq-ent/', 'FAQ ENT — Gestionnaire d’accès aux ressources')
SDET_COPY = S('https://doc.tech.fr/open-ent-dev/docs/sdet/2-3-objectif_sdet/2-3-2-2-1-sdet', 'SDET, § 2.3.2.2.1 ENT et services tiers')
SDET = S('https://www.cafepedagogique.net/lexpresso/Pages/2015/05/22052015Article635678760049984297.aspx.html', 'Café pédagogique : à quoi sert le nouveau schéma directeur des ENT ?')
EDUCONNECT = S('https://danescenari.edu.ac-lyon.fr/sc/pub/ENT/Admin_ENT_web/co/Annuaire_educonnect.html', 'EduConnect — DANE de Lyon')
EDUCONNECT_NANTES = S('https://www.ac-nantes.fr/scolarite-et-vie-de-l-eleve/scolarite/educonnect/educonnect-foire-aux-questions-1164595.kjsp?RH=1548334442073', 'EduConnect — foire aux questions, académie de Nantes')
PARIS_DANE = S('https://www.ac-paris.fr/portail-d-authentification-educonnect-123959', 'Portail d’authentification EduConnect — académie de Paris (contact à la DANE, 2022)')
PIX_LABO = S('https://labo.societenumerique.gouv.fr/en/articles/first-step-cleared-for-pix-the-new-public-services-online-assessment-and-certification-of-digital-skills')
PIX_ENERZINE = S('https://www.enerzine.com/pix-saurez-vous-relever-le-defi-des-1-024-points-et-decrypter-vos-vraies-competences-numeriques/170318-2025-09')
PIX_GIP2017 = S('http://carnets.parisdescartes.fr/blog/view/341799/cr-seminaire-national-c2i-pix-27-et-28-juin-2017', 'Compte rendu du séminaire national C2i-Pix (GIP créé en mars 2017)')
PIX_CONV = S('https://juriblio.fr/arretes/arrete-du-5-avril-2022/179820004/annexe/314037736', 'Convention constitutive du GIP Pix (arrêté du 5 avril 2022)')
PIX_DIGCOMP = S('https://numeriquesolidaire.fr/2021/01/11/pix-apprendre-et-certifier-nos-competences-numeriques/')
CRCN = S('https://ac-limoges.fr/certification-pix-2021-2022-122196', 'Développer les compétences numériques des élèves avec Pix — académie de Limoges')
PIXEDU = S('https://ludomag.com/2023/12/11/enseignants-testez-vos-competences-numeriques-avec-pix-edu')
PIXEDU2 = S('https://laclasse.fr/actualites/quel-est-votre-niveau-en-competences-numeriques')
AVICCA = S('https://avicca.org/content/objectifs-et-moyens')
AVICCA_ADH = S('https://www.avicca.org/content/adherer', 'Adhérer à l’AVICCA (offre de service, membres)')
AVICCA_COLL = S('https://www.avicca.org/actualite/informatique-dans-les-colleges-1er-bilan-du-transfert-aux-collectivites', 'AVICCA : informatique dans les collèges, premier bilan du transfert')
ADF_COLL = S('https://departements.fr/les-conseils-generaux-preparent-la-rentree-des-colleges/', 'Départements de France : les départements préparent la rentrée des collèges')
LANDOT = S('https://blog.landot-avocats.net/2018/08/22/logiciels-dans-les-filieres-professionnelles-des-lycees-quelle-repartition-des-competences-entre-letat-et-la-region/')
D211 = S('https://juriblio.fr/codes/code-de-l-education/partie-reglementaire/livre-ii/titre-ier/chapitre-ier/section-4/article-d211-14', 'Code de l’éducation, art. D211-14')
DASEN = S('https://www.education.gouv.fr/etre-directeur-academique-des-services-de-l-education-nationale-dasen-6917', 'Être directeur académique des services de l’éducation nationale (DASEN)')
DASEN_SGEN = S('https://paysdeloire.sgen-cfdt.fr/besoin/cest-quoi-un%c2%b7e-dasen', 'Sgen-CFDT : c’est quoi un·e Dasen ?')
DASEN_IEN = S('https://cotedazur.sgen-cfdt.fr/besoin/cest-quoi-un%c2%b7e-dasen/', 'Sgen-CFDT Côte d’Azur : qu’est-ce qu’un·e Dasen ? (il dirige les IEN)')
SNALC = S('https://snalc.fr/lia-dasen-veritable-superieur-hierarchique', 'SNALC : l’IA-DASEN, véritable supérieur hiérarchique')
RRA = S('https://idcite.fr/Organisation-des-services-deconcentres-des-ministeres-de-l-education-nationale-de-l-enseignement-superieur-et-de-la_a4398.amp.html', 'ID.CiTé : décret n° 2019-1200 (organisation des services déconcentrés)')
RRA_IH2EF = S('https://www.ih2ef.gouv.fr/organisation-des-services-deconcentres-des-ministeres-charges-de-leducation-nationale-et-de', 'IH2EF : organisation des services déconcentrés (décrets 2019-1200, 2019-1554, 2019-1558)')
MONTPELLIER = S('https://www.ac-montpellier.fr/cid97029/votre-nouvelle-region-academique.html')
IAN = S('https://eduscol.education.fr/1058/reseaux-et-interlocuteurs-du-second-degre-pour-le-numerique')
INSPE = S('https://numero179.lactu.unistra.fr/universite/de-lespe-a-linspe.html', 'Université de Strasbourg : de l’Espé à l’INSPÉ')
INSPE2 = S('https://www.letudiant.fr/educpros/actualite/formation-enseignants-ce-qui-va-changer-suite-adoption-loi-pour-ecole-confiance.html')
IH2EF = S('https://www.ih2ef.gouv.fr/propos-de-lih2ef')
IH2EF_DATE = S('http://www.touteduc.fr/fr/scolaire/id-15963-pourquoi-l-esen-devient-l-ih2ef-institut-des-hautes-etudes-de-l-education-et-de-la-formation-interview-exclusive-', 'ToutEduc : pourquoi l’ESEN devient l’IH2EF')
STRAT = S('https://drne.region-academique-bourgogne-franche-comte.fr/fondamentaux-numerique-pour-leducation-2023-2027', 'Numérique pour l’éducation 2023-2027 — DRNE Bourgogne-Franche-Comté')
STRAT2 = S('https://www.republik-it.fr/decideurs-it/gouvernance/une-nouvelle-strategie-numerique-dans-l-education-nationale.html')
SOCLE = S('https://education.gouv.fr/plan-de-relance-continuite-pedagogique-appel-projets-pour-un-socle-numerique-dans-les-ecoles-308341')
SOCLE2 = S('https://educavox.fr/toutes-les-breves/un-plan-de-relance-socle-numerique-de-base', 'Educavox : un plan de relance, socle numérique de base')
EDUTHEQUE = S('https://www.edutheque.fr/connaitre/faq.html')
EDUTHEQUE_2013 = S('https://cafepedagogique.net/2013/11/26/ouverture-de-l-edutheque', 'Café pédagogique : ouverture de l’Éduthèque (novembre 2013)')
EDUTHEQUE_DNE = S('https://sgen-cfdt.fr/actu/presentation-portail-ressources-numeriques-pedagogiques-edutheque', 'Sgen-CFDT : présentation du portail Éduthèque (cheffe de projet à la DNE)')
CNED = S('https://fr.wikipedia.org/wiki/CNED?oldformat=true', 'Centre national d’enseignement à distance — Wikipédia')
CNED2 = S('https://2007-2012.nosdeputes.fr/intervention/486750', 'Audition du directeur général du CNED (Assemblée nationale)')
CNFS_ANCT = S('https://tierslieux.anct.gouv.fr/fr/conseillers-numeriques-france-services/', 'ANCT : Conseillers numériques France Services')
CNFS_BDT = S('https://banquedesterritoires.fr/le-cap-des-4000-conseillers-numeriques-bientot-atteint')
LIGUE = S('https://cemea.asso.fr/index.php/%20/plugins/thickbox2/IMG/html/qui-sommes-nous/nos-partenaires/la-ligue-de-l-enseignement', 'CEMÉA : la Ligue de l’enseignement (partenaires)')
DCLICS = S('http://d-clicsnumeriques.org/citoyens-engages/', 'D-Clics numériques : citoyens engagés')
AFINEF = S('http://www.letudiant.fr/educpros/entretiens/depasser-le-choc-des-cultures-un-enjeu-pour-les-edtech-francaises.html')
EDTECH = S('https://edtechactu.com/digital-learning/nous-federons-pres-de-300-membres-de-lecosysteme-edtech-francais')
CSEN = S('https://education.gouv.fr/bo/21/Hebdo11/MENG2106035A.htm', 'BO : création du Conseil scientifique de l’éducation nationale (arrêté du 15 mars 2021)')
CSEN_2018 = S('https://esprit.presse.fr/article/carole-desbarats/enseigner-est-un-metier-41378', 'Esprit : installation du CSEN le 10 janvier 2018')
ONISEP = S('https://archive.nossenateurs.fr/intervention/2611783', 'Audition de l’ONISEP au Sénat')
ONISEP_1970 = S('https://cafepedagogique.net/2025/04/10/qui-veut-la-peau-de-lonisep/', 'Café pédagogique : qui veut la peau de l’Onisep ?')
IGESR = S('https://education.gouv.fr/creation-de-l-inspection-generale-de-l-education-du-sport-et-de-la-recherche-igesr-7490')
IGESR_DATE = S('https://banquedesterritoires.fr/linspection-generale-de-leducation-du-sport-et-de-la-recherche-creee-par-decret')
CLEMI = S('https://www.clemi.fr/about-clemi', 'About CLEMI')
EAFC = S('https://vousnousils.fr/2023/09/27/ecole-academique-de-la-formation-continue-former-tous-les-personnels-de-leducation-nationale-678485')
EAFC2 = S('https://lyon.snes.edu/spip/Rentree-2022-le-PAF-parcours-academique-de-formation-devient-l-EAFC-ecole.html')
APPS = S('https://pcll.ac-dijon.fr/pcll/blog/2020/05/plateforme-apps-education', 'PCLL Dijon : la plateforme apps.education.fr')
APPS2 = S('https://www.ludomag.com/?p=48708', 'Ludomag : apps.education.fr, entretien à LUDOVIA (Ax-les-Thermes)')
MAGISTERE = S('https://wiki.magistere.education.fr/Pr%C3%A9sentation_du_dispositif', 'm@gistère : présentation du dispositif')
MAGISTERE2 = S('https://ludomag.com/?p=47005', 'Ludomag : Magistère fait peau neuve (DNE)')
F2030 = S('https://www.education.gouv.fr/pap-ndiaye-et-bruno-bonnell-annoncent-les-9-laureats-de-l-appel-projets-e-fran-3-357752')
FURBAINE = S('https://maire-info.com/%C3%89lus/avec-france-urbaine-les-territoires-urbains-se-structurent-article-18941', 'Maire-info : avec France urbaine, les territoires urbains se structurent')
FRR = S('https://banquedesterritoires.fr/france-ruralites-revitalisation-la-premiere-partie-du-zonage-est-parue')
FRR2 = S('https://remicardon.fr/france-ruralites-revitalisation')
SRANE = S('https://www.ac-bordeaux.fr/la-lettre-actu-rana-mars-2025-132694', 'La lettre Actu RANA, mars 2025 (SRA-NE)')
DRNE_BFC = S('https://drne.region-academique-bourgogne-franche-comte.fr/acteurs-perdir', 'DRNE Bourgogne-Franche-Comté : personnels de direction')

HOMEPAGE_NOTE_FR = 'page d’accueil retirée des sources : elle ne dit pas l’affirmation précise'

# ---------------------------------------------------------------- actors: fix and re-source
def act(i):
    return A[i]

a = act('men')
a['sources'] = [VEB, CANOPE_BDT, CNED]
a['description'] = T(
    'Le ministère a la charge de ce qui relève de la pédagogie ; les collectivités territoriales, de ce qui relève de l’accueil (locaux, équipement). Il coiffe la DNE, la DGESCO et les rectorats, et exerce la tutelle de Réseau Canopé et du CNED.',
    'The ministry is responsible for teaching matters; local authorities for what hosts teaching (premises, equipment). It heads the DNE, the DGESCO and the rectorats and supervises Réseau Canopé and the CNED.')

a = act('secretariat-general')
a['sources'] = [CAFE_DNE, VEB]
a['description'] = T('Le Secrétariat général du ministère. La DNE est une direction commune au Secrétariat général et à la DGESCO.',
                     'The ministry’s General Secretariat. The DNE is a directorate shared by the General Secretariat and the DGESCO.')

a = act('dne')
a['sources'] = [DNE, CAFE_DNE, STRAT]
a['description'] = T(
    'Créée par décret en février 2014, la DNE est une direction commune à la DGESCO et au Secrétariat général. Elle couvre à la fois l’informatique (systèmes d’information, infrastructure) et le numérique pédagogique ; elle comprend les sous-directions de la transformation numérique (TN), des services numériques (SN) et du socle numérique (SOCLE). Elle a publié la stratégie « Numérique pour l’éducation 2023-2027 ».',
    'Created by decree in February 2014, the DNE is a directorate shared by the DGESCO and the General Secretariat. It covers both IT (information systems, infrastructure) and digital pedagogy, with sub-directorates for digital transformation (TN), digital services (SN) and the digital base (SOCLE). It published the “Numérique pour l’éducation 2023-2027” strategy.')

a = act('dgesco')
a['sources'] = [CAFE_DNE, VEB]
a['description'] = T('La direction générale de l’enseignement scolaire conduit la politique de l’enseignement scolaire. La DNE lui est rattachée, comme au Secrétariat général.',
                     'The directorate-general for school education runs school education policy. The DNE is attached to it, as to the General Secretariat.')
unsure(a, 'Le copilotage des TNE par la DGESCO, écrit auparavant, n’a été confirmé par aucune page relue le 2026-12-01 ; la source précédente (drane-versailles, article 138) n’a pas pu être relue.')

a = act('strategie-numerique')
a['sources'] = [STRAT, STRAT2]
a['description'] = T('Feuille de route du ministère pour le numérique éducatif sur 2023-2027, publiée par la DNE et présentée par le ministre le 27 janvier 2023 : quatre axes et seize objectifs.',
                     'The ministry’s digital education roadmap for 2023-2027, published by the DNE and presented by the minister on 27 January 2023: four strands, sixteen objectives.')

a = act('maa')
a['sources'] = [PIX_CONV]
a['description'] = T('Le ministère chargé de l’agriculture a sa propre direction de l’enseignement, la DGER, qui pilote l’enseignement agricole. Il est membre du GIP Pix.',
                     'The agriculture ministry has its own education directorate, the DGER, which steers agricultural education. It is a member of the Pix public interest group.')
unsure(a, 'Le rôle de la DGER n’a été lu sur aucune page le 2026-12-01 (la seule source était la page d’accueil agriculture.gouv.fr) ; seule l’appartenance au GIP Pix est sourcée.')

a = act('dger')
a['x-note'] = 'Aucune page lue le 2026-12-01 ne décrit la DGER ; la seule source reste la page d’accueil agriculture.gouv.fr, non relue (date d’origine gardée).'

a = act('ih2ef')
a['sources'] = [IH2EF, IH2EF_DATE]
a['url'] = 'https://www.ih2ef.gouv.fr/'

a = act('sgpi')
a['sources'] = [TNE, F2030]
a['description'] = T('Le Secrétariat général pour l’investissement pilote les programmes d’investissements d’avenir (PIA) puis France 2030. Il a lancé les Territoires numériques éducatifs avec le ministère en 2020, financés par le PIA 3 puis le PIA 4.',
                     'The General Secretariat for Investment runs the investment programmes (PIA), then France 2030. It launched the Territoires numériques éducatifs with the ministry in 2020, funded by PIA 3 then PIA 4.')

a = act('caisse-des-depots')
a['sources'] = [TNE]
unsure(a, 'Qu’elle soit l’institution dont la Banque des Territoires est une direction n’est écrit sur aucune page relue le 2026-12-01 (page d’accueil caissedesdepots.fr retirée).')

a = act('banque-des-territoires')
a['sources'] = [TNE, CNFS_BDT]
a['description'] = T('La Banque des Territoires met en œuvre les Territoires numériques éducatifs avec les collectivités partenaires, en association avec Réseau Canopé et le GIP Trousse à projets ; elle opère aussi le programme des conseillers numériques France Services pour l’État.',
                     'The Banque des Territoires implements the Territoires numériques éducatifs with partner local authorities, with Réseau Canopé and the Trousse à projets public interest group; it also runs the France Services digital advisers programme for the State.')

a = act('canope')
a['sources'] = [CANOPE_BDT, CANOPE_CNDP, EDUTHEQUE]
a['description'] = T(
    'Opérateur national du ministère, Réseau Canopé a pour mission principale la formation continue des enseignants, notamment au et par le numérique, avec 102 Ateliers Canopé (un par département). Né de la fusion du CNDP et des CRDP, il opère le portail Éduthèque et participe aux Territoires numériques éducatifs.',
    'The ministry’s national operator, Réseau Canopé mainly provides teachers’ continuing training, in and through digital technology in particular, with 102 Ateliers Canopé (one per département). Born of the merger of the CNDP and the CRDPs, it operates the Éduthèque portal and takes part in the Territoires numériques éducatifs.')

a = act('cned')
a['sources'] = [CNED, CNED2, PIX_CONV]

a = act('pix')
a['sources'] = [PIX_LABO, PIX_ENERZINE, PIX_GIP2017]
a['description'] = T('Groupement d’intérêt public créé en 2017 par le ministère avec notamment le CNED, Pix évalue et certifie les compétences numériques (16 compétences du CRCN, en 5 domaines). Il a remplacé le B2i et le C2i.',
                     'A public interest group created in 2017 by the ministry with, among others, the CNED, Pix assesses and certifies digital skills (the CRCN’s 16 competences, in 5 areas). It replaced the B2i and the C2i.')

a = act('la-trousse-a-projets')
a['sources'] = [TNE]
a['description'] = T('Groupement d’intérêt public associé aux Territoires numériques éducatifs avec Réseau Canopé.',
                     'A public interest group associated with the Territoires numériques éducatifs alongside Réseau Canopé.')
a['x-note'] = 'Que le GIP conduise le « volet parentalité » des TNE (brief du projet) n’est pas écrit sur la page relue le 2026-12-01 ; la page d’accueil trousseaprojets.fr a été retirée.'

a = act('gar')
a['sources'] = [GAR, GAR_FAQ]
a['description'] = T('Service national et gratuit du ministère qui permet d’accéder depuis l’ENT aux ressources numériques en ne transmettant aux éditeurs et distributeurs que les données strictement nécessaires.',
                     'A free national service of the ministry that gives access from the ENT to digital resources, passing to publishers and distributors only the data strictly needed.')

a = act('educonnect')
a['sources'] = [EDUCONNECT, EDUCONNECT_NANTES]
a['description'] = T('Service d’authentification national qui permet aux parents et aux élèves d’accéder aux services numériques de l’école au lycée (Scolarité Services, ENT…) ; il est articulé avec FranceConnect.',
                     'A national sign-in service giving parents and pupils access to digital school services from primary school to lycée (Scolarité Services, ENT…); it works with FranceConnect.')

a = act('edutheque')
a['sources'] = [EDUTHEQUE, EDUTHEQUE_2013]
a['description'] = T('Portail national ouvert en 2013 qui donne gratuitement aux enseignants les ressources de grands établissements publics culturels et scientifiques partenaires du ministère. Réseau Canopé en est l’opérateur.',
                     'A national portal opened in 2013 that gives teachers free resources from major public cultural and scientific institutions partnering with the ministry. Réseau Canopé operates it.')

a = act('franceconnect')
a['sources'] = [EDUCONNECT, EDUCONNECT_NANTES]

a = act('tne')
a['sources'] = [TNE]
a['description'] = T(
    'Programme lancé en 2020 par le SGPI et le ministère dans l’Aisne et le Val-d’Oise (PIA 3), étendu à partir d’octobre 2021 aux Bouches-du-Rhône, au Cher, à la Corse-du-Sud, au Doubs, au Finistère, à la Guadeloupe, à l’Hérault, à l’Isère, à la Vienne et aux Vosges (PIA 4). Il est mis en œuvre par la Banque des Territoires avec les collectivités partenaires, en association avec Réseau Canopé et le GIP Trousse à projets.',
    'A programme launched in 2020 by the SGPI and the ministry in Aisne and Val-d’Oise (PIA 3), extended from October 2021 to Bouches-du-Rhône, Cher, Corse-du-Sud, Doubs, Finistère, Guadeloupe, Hérault, Isère, Vienne and Vosges (PIA 4). The Banque des Territoires implements it with partner local authorities, together with Réseau Canopé and the Trousse à projets public interest group.')

a = act('socle-numerique')
a['sources'] = [SOCLE, SOCLE2]
a['description'] = T('Appel à projets du Plan de relance (2021) pour les écoles élémentaires : l’État prend en charge 50 % ou 70 % de la dépense selon sa nature. Il a trois volets : équipement, services et ressources numériques, accompagnement.',
                     'A 2021 recovery-plan call for elementary schools: the State covers 50 % or 70 % of the cost depending on its nature. Three strands: equipment, digital services and resources, support.')

a = act('regions-de-france')
a['sources'] = [AVICCA, ONISEP_1970]
a['description'] = T('Association nationale des régions, l’une des grandes associations généralistes de collectivités avec lesquelles l’AVICCA coordonne ses positions.',
                     'The national association of regions, one of the general associations of local authorities with which AVICCA coordinates its positions.')

a = act('avicca')
a['sources'] = [AVICCA, AVICCA_ADH]
a['description'] = T('Association nationale dont seules les collectivités territoriales et leurs groupements peuvent être membres. Elle propose à ses adhérents une offre de service « numérique éducatif » et coordonne ses positions avec l’AMF, France Urbaine, l’ADF et Régions de France.',
                     'A national association whose members can only be local authorities and their groupings. It offers its members a “digital education” service and coordinates its positions with the AMF, France Urbaine, the ADF and Régions de France.')

a = act('amf')
a['sources'] = [AVICCA]
a['description'] = T('Association des maires de France, l’une des grandes associations généralistes de collectivités.', 'The French mayors’ association, one of the general associations of local authorities.')
a['x-note'] = 'Page d’accueil amf.asso.fr retirée des sources.'

a = act('amrf')
a['sources'] = [SOCLE2]
a['description'] = T('Association des maires ruraux de France ; ses demandes sont citées à l’origine du socle numérique de base des écoles.',
                     'The association of rural mayors of France; its requests are cited as behind the schools’ basic digital standard.')

a = act('adf')
a['sources'] = [AVICCA, ADF_COLL]
a['description'] = T('Association des départements, qui ont la charge des collèges ; l’une des grandes associations généralistes de collectivités.',
                     'The association of départements, which are responsible for collèges; one of the general associations of local authorities.')

a = act('ligue-enseignement')
a['sources'] = [LIGUE, DCLICS]
a['description'] = T('Mouvement laïque d’éducation populaire créé en 1866, organisé en 102 fédérations départementales. Elle anime notamment les « D-Clics numériques ».',
                     'A secular popular-education movement founded in 1866, organised in 102 departmental federations. It runs, among other things, the “D-Clics numériques”.')

a = act('afinef')
a['sources'] = [AFINEF]
a['description'] = T('Association française des industriels du numérique dans l’éducation et la formation, créée en 2012 ; elle regroupait 80 entreprises en 2017.',
                     'The French association of digital education and training companies, founded in 2012; it had 80 member companies in 2017.')

a = act('edtech-france')
a['sources'] = [EDTECH]
a['description'] = T('Association nationale des entreprises de l’EdTech, créée en mai 2018, qui compte près de 300 membres.',
                     'The national association of EdTech companies, founded in May 2018, with about 300 members.')

a = act('cluster-edtech')
a['sources'] = [S('https://www.elephorm.com/blog/marketing/edtech-occitanie-apporter-de-la-visibilite-aux-acteurs-de-ledtech')]
a['description'] = T('Associations régionales d’entreprises de l’EdTech (par exemple EdTech Occitanie, lancée en 2021). Chaque carte territoriale peut préciser la sienne.',
                     'Regional associations of EdTech companies (for instance EdTech Occitanie, launched in 2021). Each territory map can name its own.')
unsure(a, 'Leur affiliation à EdTech France n’est écrite sur aucune page relue le 2026-12-01.')

a = act('editeurs')
a['sources'] = [GAR]

a = act('anct')
a['sources'] = [CNFS_ANCT]
a['description'] = T('Agence nationale de la cohésion des territoires ; elle a piloté la sélection des structures qui accueillent les conseillers numériques France Services.',
                     'The national agency for territorial cohesion; it ran the selection of the bodies hosting the France Services digital advisers.')

a = act('recteur-region-academique')
a['sources'] = [RRA, RRA_IH2EF, MONTPELLIER]
a['description'] = T(
    'Le recteur de région académique fixe les orientations stratégiques dans lesquelles s’inscrivent les décisions des recteurs d’académie, a autorité sur eux et dispose de services régionaux, dont le numérique éducatif (décrets 2019-1200, 2019-1554 et 2019-1558). Il est l’interlocuteur du conseil régional ; en Occitanie, c’est le recteur de l’académie de Montpellier.',
    'The recteur of the academic region sets the strategic direction within which the recteurs d’académie decide, has authority over them and runs regional services, digital education among them (decrees 2019-1200, 2019-1554 and 2019-1558). They are the regional council’s counterpart; in Occitanie, the recteur of the Montpellier académie.')

a = act('drane')
a['sources'] = [DAN, MONTPELLIER, CRETEIL_RUPN, SRANE, DRNE_BFC, PARIS_DANE]
a['description'] = T(
    'Service régional du numérique éducatif placé auprès du recteur : héritière des délégués académiques au numérique (2014), la délégation conseille le recteur, définit, anime et évalue la stratégie numérique et coordonne les réseaux d’acteurs en lien avec les collectivités. Son nom varie : DRANE (« régionale académique » ou « de région académique »), SRANE ou SRA-NE (service régional académique au numérique éducatif, Nouvelle-Aquitaine), DRNE (Bourgogne-Franche-Comté) ; certaines académies disaient encore DANE en 2022.',
    'The regional digital education service attached to the recteur: heir to the 2014 academic digital delegates, it advises the recteur, defines, leads and evaluates the digital strategy and coordinates networks of actors together with local authorities. Its name varies: DRANE, SRANE or SRA-NE (Nouvelle-Aquitaine), DRNE (Bourgogne-Franche-Comté); some académies still said DANE in 2022.')
a['aliases'] = ['Délégation de région académique au numérique éducatif', 'DANE', 'SRANE', 'SRA-NE',
                'Service régional académique au numérique éducatif', 'DRNE', 'Délégation régionale au numérique éducatif']
a['formerNames'] = [{'name': 'DANE', 'expansion': T('Délégation académique au numérique éducatif', 'Academic delegation for digital education')},
                    {'name': 'DAN', 'expansion': T('Délégué académique au numérique', 'Academic digital delegate')}]
a['missions'] = [
    T('Conseiller le recteur', 'Advise the recteur'),
    T('Définir, animer et évaluer la stratégie numérique académique', 'Define, lead and evaluate the academic digital strategy'),
    T('Coordonner les réseaux d’acteurs, en lien avec les collectivités territoriales', 'Coordinate networks of actors, with local authorities'),
    T('Veiller à la formation des enseignants au et par le numérique', 'See to teachers’ training in and through digital technology'),
    T('Animer le réseau des référents numériques d’établissement', 'Lead the network of school digital referents'),
]

a = act('dsi')
a['sources'] = [DSI, RRA]
a['description'] = T('Direction régionale des systèmes d’information du ministère ; en Occitanie, la DSI² (direction des systèmes d’information et de l’innovation) de la région académique, récemment constituée.',
                     'The ministry’s regional information systems directorate; in Occitanie, the academic region’s recently formed DSI² (information systems and innovation).')

a = act('region')
a['sources'] = [LANDOT]

a = act('recteur-academie')
a['sources'] = [RRA, DASEN]
a['description'] = T('Le recteur dirige l’académie et ses services, le rectorat. Il est placé sous l’autorité du recteur de région académique ; les DASEN le représentent dans les départements.',
                     'The recteur heads the académie and its services, the rectorat, under the authority of the academic region’s recteur; the DASEN represent them in each département.')

a = act('ian')
a['sources'] = [IAN]
a['description'] = T('Dans chaque académie, des interlocuteurs du second degré relaient pour leur discipline la stratégie nationale et font connaître les ressources. Ce réseau de plus de 450 enseignants est animé par 33 experts disciplinaires de la DNE.',
                     'In each académie, secondary teachers relay the national strategy for their subject and promote resources. This network of over 450 teachers is led by the DNE’s 33 subject experts.')

a = act('inspe')
a['sources'] = [INSPE, INSPE2]
a['description'] = T('Institut d’une université qui assure la formation initiale des enseignants (master MEEF) ; les Espé sont devenues les INSPÉ avec la loi pour une école de la confiance (2019). La certification des compétences numériques des enseignants, Pix+ Édu, relève de Pix et des ministères, pas de l’INSPÉ.',
                     'A university institute providing initial teacher training (MEEF master); the Espé became INSPÉ with the 2019 “école de la confiance” act. Teachers’ digital skills certification, Pix+ Édu, belongs to Pix and the ministries, not to the INSPÉ.')
a['url'] = 'https://www.reseau-inspe.fr/'

a = act('universite')
a['sources'] = [INSPE]

# GIP FCIP: no page describing it could be found; its only source was the education.gouv.fr homepage.
m['actors'].remove(A.pop('gip-fcip'))

a = act('ia-dasen')
a['sources'] = [DASEN, DASEN_SGEN, SDET_COPY, SOCLE2]
a['description'] = T(
    'L’IA-DASEN dirige la DSDEN et représente le recteur dans le département. Il confie leur mission annuelle aux ERUN, sur proposition de l’IEN chargé du numérique ; il est, avec le chef d’établissement pour le second degré, responsable de traitement de l’ENT ; il est l’un des interlocuteurs des communes pour le Socle numérique.',
    'The IA-DASEN heads the DSDEN and represents the recteur in the département. They give the ERUN their yearly mission on the proposal of the IEN in charge of digital matters; they are, with the head of establishment for secondary schools, the ENT’s data controller; they are one of the communes’ contacts for the Socle numérique.')
a['sources'].append(LUDOMAG_ERUN)

a = act('dsden')
a['sources'] = [DASEN, DASEN_SGEN]

a = act('departement')
a['sources'] = [ADF_COLL, AVICCA_COLL, D211]
a['description'] = T(
    'Le Département a la charge des collèges depuis 1986 : construction, équipement et fonctionnement. La loi de refondation de l’école (2013) lui a transféré la maintenance informatique des collèges (art. L.213-2 du Code de l’éducation).',
    'The Département has been responsible for collèges since 1986: building, equipment and running costs. The 2013 school act transferred the collèges’ IT maintenance to it (Code de l’éducation, art. L.213-2).')

a = act('atelier-canope')
a['sources'] = [CANOPE_BDT]

a = act('cnfs')
a['sources'] = [CNFS_ANCT, CNFS_BDT]
a['description'] = T('Conseillers numériques recrutés à partir de 2020, formés et financés par l’État, employés par des collectivités (communes, EPCI) et des associations. Ils initient le public aux usages du numérique.',
                     'Digital advisers recruited from 2020, trained and funded by the State, employed by local authorities (communes, EPCI) and associations. They introduce the public to digital uses.')
a['x-note'] = 'L’aide aux familles pour suivre la scolarité (e-parentalité) n’est écrite sur aucune page relue le 2026-12-01 ; voir la relation cnfs → familles, incertaine.'

a = act('ligue-federation')
a['sources'] = [LIGUE]

a = act('associations-mediation')
a['sources'] = [CNFS_BDT]
a['x-note'] = 'Cafés des parents, « kermesses du numérique » : cités au séminaire LUDOVIA#22 (brief du projet), dont aucun compte rendu n’a été lu ; la page ludomag.com/?p=40898 (article sur les ERUN) ne le dit pas et a été retirée.'

a = act('ien')
a['sources'] = [DASEN_IEN, SNALC, SOCLE2]
a['description'] = T('L’inspecteur de l’éducation nationale de circonscription exerce sous l’autorité de l’IA-DASEN ; il est l’un des interlocuteurs des communes (par exemple pour le Socle numérique). Le travail des ERUN est coordonné par l’IEN chargé du numérique du département.',
                     'The district inspector works under the IA-DASEN’s authority; they are one of the communes’ contacts (for instance for the Socle numérique). The ERUN’s work is coordinated by the département’s IEN in charge of digital matters.')

a = act('erun')
a['sources'] = [LUDOMAG_ERUN, IDRUIDE]
a['description'] = T('Enseignant formateur du premier degré à qui l’IA-DASEN confie une mission annuelle, sur proposition de l’IEN chargé du numérique qui coordonne et valide son action : impulser et accompagner les usages du numérique dans les écoles.',
                     'A primary teacher-trainer given a yearly mission by the IA-DASEN, on the proposal of the IEN in charge of digital matters, who coordinates and validates their work: to drive and support digital uses in écoles.')

a = act('cpc')
a['sources'] = [IDRUIDE]

a = act('commune-epci')
a['sources'] = [SOCLE, SOCLE2]
a['description'] = T('La commune (ou l’EPCI à qui elle a transféré la compétence) a la charge des écoles : équipement et fonctionnement (art. L.212-4 du Code de l’éducation). Elle cofinance l’équipement numérique des écoles, par exemple avec le Socle numérique.',
                     'The commune (or the EPCI it transferred the remit to) is responsible for écoles: equipment and running costs (Code de l’éducation, art. L.212-4). It co-funds the écoles’ digital equipment, for instance through the Socle numérique.')
a['x-note'] = 'L’article L.212-4 lui-même n’a pas été relu le 2026-12-01 ; le cofinancement est sourcé.'

a = act('ecole')
a['sources'] = [SOCLE2, SOCLE]
a = act('college')
a['sources'] = [ADF_COLL, LANDOT]
a = act('lycee')
a['sources'] = [LANDOT]
a = act('lycee-agricole')
a['sources'] = [LANDOT]
unsure(a, 'Le pilotage par la DGER n’est écrit sur aucune page relue le 2026-12-01.')
a = act('chef-etablissement')
a['sources'] = [CRETEIL_RUPN, DRNE_BFC]
a = act('rupn')
a['sources'] = [CRETEIL_RUPN, DIJON_RUPN]
a['description'] = T('Désigné par le chef d’établissement et rémunéré par une IMP, le référent numérique accompagne les équipes, conseille le chef d’établissement et l’aide dans ses demandes d’équipement auprès de la collectivité de rattachement.',
                     'Appointed by the head of establishment and paid through an IMP, the digital referent supports staff, advises the head and helps with equipment requests to the responsible local authority.')
a = act('enseignants')
a['sources'] = [SDET, IAN]
a = act('eleves')
a['sources'] = [EDUCONNECT]
a = act('familles')
a['sources'] = [EDUCONNECT]
a['description'] = T('Parents et responsables légaux, qui suivent la scolarité par les services numériques (EduConnect, ENT).',
                     'Parents and guardians, who follow schooling through digital services (EduConnect, ENT).')
a['x-note'] = '« 13 % des familles sans ordinateur, jusqu’à 25 % en zone rurale » vient du séminaire LUDOVIA#22 (brief du projet) ; aucun compte rendu n’a été lu, le chiffre a été retiré de la description.'
a = act('ent')
a['sources'] = [SDET, GAR]
a['description'] = T('Ensemble intégré de services numériques d’une école ou d’un établissement. Il est mis en œuvre par la collectivité en partenariat avec l’académie dans le cadre du SDET, et donne accès aux ressources des éditeurs via le GAR.',
                     'The integrated set of digital services of a school. The local authority implements it in partnership with the académie under the SDET, and it gives access to publishers’ resources through the GAR.')

# ---------------------------------------------------------------- new actors
def new(id, **kw):
    a = {'id': id}
    a.update(kw)
    m['actors'].append(a)
    A[id] = a
    return a

new('ien-numerique', acronym='IEN TICE', name=T('IEN chargé du numérique', 'IEN in charge of digital matters'),
    aliases=['IEN TICE', 'IEN numérique', 'Inspecteur chargé du numérique'],
    level='departement', kind='personnel',
    description=T('Inspecteur de l’éducation nationale chargé du numérique pour le premier degré dans le département. Il propose à l’IA-DASEN les ERUN, puis coordonne et valide leur action ; il participe à leur recrutement.',
                  'The département’s inspector in charge of digital matters for primary schools. They propose ERUN to the IA-DASEN, then coordinate and validate their work, and take part in recruiting them.'),
    topics=['training', 'support', 'strategy'], sources=[LUDOMAG_ERUN, IDRUIDE])
new('pix-edu', acronym='Pix+ Édu', name=T('Pix+ Édu (compétences numériques des enseignants)', 'Pix+ Édu (teachers’ digital skills)'),
    aliases=['Pix+Edu', 'Pix+ Edu', 'Pix Edu'], level='national', kind='service-numerique',
    description=T('Dispositif de Pix pour les enseignants et les personnels d’éducation : auto-positionnement, formation et certification des compétences numériques professionnelles. Piloté par les ministères de l’Éducation nationale et de l’Enseignement supérieur, il répond à une demande de la Cour des comptes (2019) et s’inscrit dans la stratégie 2023-2027.',
                  'Pix’s scheme for teachers and education staff: self-assessment, training and certification of professional digital skills. Steered by the education and higher-education ministries, it answers a 2019 Court of Audit request and is part of the 2023-2027 strategy.'),
    topics=['certification', 'training'], sources=[PIXEDU, PIXEDU2])
new('csen', acronym='CSEN', name=T('Conseil scientifique de l’éducation nationale', 'Scientific Council for National Education'),
    level='national', kind='etat-central',
    description=T('Conseil placé auprès du ministre, installé en janvier 2018 et institué par arrêté en mars 2021, qui aide à prendre en compte la recherche, l’expérimentation et la comparaison internationale dans les politiques éducatives.',
                  'A council attached to the minister, set up in January 2018 and established by order in March 2021, that helps education policy take research, experimentation and international comparison into account.'),
    topics=['strategy'], sources=[CSEN, CSEN_2018])
new('onisep', acronym='ONISEP', name=T('Office national d’information sur les enseignements et les professions', 'National office for information on education and careers'),
    level='national', kind='operateur', url='https://www.onisep.fr/',
    description=T('Établissement public créé en 1970, sous la double tutelle des ministères de l’Éducation nationale et de l’Enseignement supérieur : il informe sur les formations et les métiers et accompagne l’orientation ; ses données alimentent Affelnet et Parcoursup.',
                  'A public body created in 1970, supervised by the education and higher-education ministries: it informs on courses and careers and supports guidance; its data feed Affelnet and Parcoursup.'),
    topics=['resources', 'support'], sources=[ONISEP, ONISEP_1970])
new('igesr', acronym='IGÉSR', name=T('Inspection générale de l’éducation, du sport et de la recherche', 'Inspectorate-general for education, sport and research'),
    aliases=['IGESR', 'Inspection générale'], level='national', kind='etat-central',
    formerNames=[{'name': 'IGEN', 'expansion': T('Inspection générale de l’éducation nationale', 'Inspectorate-general of national education'), 'until': '2019'},
                 {'name': 'IGAENR', 'expansion': T('Inspection générale de l’administration de l’éducation nationale et de la recherche', 'Inspectorate-general of education and research administration'), 'until': '2019'}],
    description=T('Inspection générale interministérielle créée par décret en septembre 2019 par la fusion de l’IGEN, de l’IGAENR, de l’IGJS et de l’IGB ; elle évalue et contrôle les politiques publiques d’éducation.',
                  'An interministerial inspectorate created by decree in September 2019 by merging the IGEN, IGAENR, IGJS and IGB; it evaluates and audits education policies.'),
    topics=['strategy'], sources=[IGESR, IGESR_DATE])
new('clemi', acronym='CLEMI', name=T('Centre pour l’éducation aux médias et à l’information', 'Centre for media and information literacy'),
    aliases=['Centre de liaison de l’enseignement et des médias d’information'], level='national', kind='operateur',
    url='https://www.clemi.fr/',
    description=T('Service de Réseau Canopé créé en 1983, chargé par le ministère de l’éducation aux médias et à l’information à l’école : formation des enseignants, ressources, Semaine de la presse et des médias ; il s’appuie sur un réseau de coordonnateurs académiques.',
                  'A Réseau Canopé service created in 1983, appointed by the ministry for media and information literacy at school: teacher training, resources, the Press and Media Week; it relies on a network of academic coordinators.'),
    topics=['training', 'resources'], sources=[CLEMI])
new('eafc', acronym='EAFC', name=T('École académique de la formation continue', 'Academic school of continuing training'),
    level='academie', kind='formation',
    description=T('Depuis la rentrée 2022, une école académique de la formation continue dans chacune des 30 académies forme tous les personnels (issue du Grenelle de l’éducation) ; Réseau Canopé et les INSPÉ y sont associés.',
                  'Since September 2022 an academic continuing-training school in each of the 30 académies trains all staff (from the Grenelle de l’éducation); Réseau Canopé and the INSPÉ take part.'),
    topics=['training'], sources=[EAFC, EAFC2, CCOMPTES_EAFC])
new('france-2030', name=T('France 2030', 'France 2030'), level='national', kind='programme',
    description=T('Plan d’investissement de l’État piloté par le Secrétariat général pour l’investissement, qui a pris le relais des PIA ; il finance par exemple l’appel à projets e-FRAN 3 sur le numérique éducatif.',
                  'The State investment plan run by the SGPI, following on from the PIA; it funds for instance the e-FRAN 3 call on digital education.'),
    topics=['funding'], sources=[F2030])
new('france-urbaine', name=T('France urbaine', 'France urbaine'), level='national', kind='association',
    description=T('Association des grandes villes, métropoles et agglomérations, née en 2015 de la fusion de l’ACUF et de l’AMGVF ; l’AVICCA coordonne ses positions avec elle.',
                  'The association of big cities, metropolitan areas and conurbations, born in 2015 of the merger of the ACUF and the AMGVF; AVICCA coordinates its positions with it.'),
    sources=[FURBAINE, AVICCA])
new('apps-education', name=T('apps.education.fr', 'apps.education.fr'), aliases=['Apps Education', 'apps.edu'],
    level='national', kind='service-numerique', url='https://apps.education.fr/',
    description=T('Plateforme de la DNE, ouverte en 2020, qui offre aux agents du ministère (1,2 million) des services numériques libres du quotidien : partage de fichiers, vidéo, édition collaborative, visioconférence ; des académies en exploitent les applications.',
                  'The DNE’s platform, opened in 2020, offering the ministry’s 1.2 million staff everyday free-software services: file sharing, video, collaborative editing, web conferencing; académies run its applications.'),
    topics=['resources', 'support'], sources=[APPS, APPS2])
new('magistere', acronym='M@gistère', name=T('M@gistère (formation continue en ligne)', 'M@gistère (online continuing training)'),
    aliases=['Magistère', 'magistere'], level='national', kind='service-numerique',
    description=T('Dispositif de formation continue en ligne du ministère, depuis 2013, pour les enseignants ; coordonné à la DNE, il est utilisé surtout en formation hybride par les écoles académiques de la formation continue.',
                  'The ministry’s online continuing-training scheme for teachers since 2013; coordinated at the DNE, it is used mostly for blended courses by the academic continuing-training schools.'),
    topics=['training', 'distance-learning'], sources=[MAGISTERE, MAGISTERE2])

# ---------------------------------------------------------------- relations
# attached-to: an administrative attachment or part-of, not a membership.
if not any(k['id'] == 'attached-to' for k in m['relationKinds']):
    m['relationKinds'].append({'id': 'attached-to', 'label': T('rattaché à', 'attached to'),
                               'verb': T('est rattaché à', 'is attached to'), 'colour': '#7f7f7f', 'dash': 'dotted'})

def rid(r):
    return r.get('id') or f"{r['from']}--{r['kind']}--{r['to']}"

R = {rid(r): r for r in m['relations']}
removed = []

def rel(f, k, t):
    return R[f'{f}--{k}--{t}']

def rekind(f, k, t, nk, **kw):
    r = R.pop(f'{f}--{k}--{t}')
    r['kind'] = nk
    R[rid(r)] = r
    for key, v in kw.items():
        r[key] = v
    return r

def drop(f, k, t):
    r = R.pop(f'{f}--{k}--{t}')
    m['relations'].remove(r)
    removed.append(f'{f}--{k}--{t}')

def add(f, k, t, sources=None, description=None, directed=True, unsure_note=None):
    r = {'from': f, 'to': t, 'kind': k}
    if not directed:
        r['directed'] = False
    if description:
        r['description'] = description
    if sources:
        r['sources'] = sources
    if unsure_note:
        unsure(r, unsure_note)
    m['relations'].append(r)
    R[rid(r)] = r
    return r

def src(f, k, t, sources, note=None):
    r = rel(f, k, t)
    if sources:
        r['sources'] = sources
    else:
        r.pop('sources', None)
    if note:
        unsure(r, note)
    return r

src('men', 'authority', 'dne', [VEB])
src('men', 'authority', 'dgesco', [VEB])
src('men', 'authority', 'secretariat-general', [CAFE_DNE])
src('men', 'authority', 'recteur-region-academique', [RRA])
src('men', 'steers', 'canope', [CANOPE_BDT])
src('men', 'steers', 'cned', [CNED])
src('men', 'funds', 'socle-numerique', [SOCLE, SOCLE2])
src('men', 'funds', 'editeurs', [LANDOT], 'L’État prend en charge les ressources numériques spécifiquement pédagogiques des collèges et lycées (art. L.211-8 5°) ; qu’il les achète directement aux éditeurs n’est pas confirmé.')
rekind('dne', 'member-of', 'dgesco', 'attached-to', sources=[CAFE_DNE, VEB])
rekind('dne', 'member-of', 'secretariat-general', 'attached-to', sources=[CAFE_DNE, VEB])
src('maa', 'authority', 'dger', [], 'Aucune page lue le 2026-12-01 ne le dit ; la page d’accueil agriculture.gouv.fr a été retirée.')
src('dger', 'steers', 'lycee-agricole', [], 'Aucune page lue le 2026-12-01 ne le dit ; la page d’accueil agriculture.gouv.fr a été retirée.')
src('dne', 'steers', 'drane', [IAN], 'La page Éduscol dit que la DNE anime un réseau national avec les délégués académiques au numérique, conseillers du recteur, qui dépendent du recteur ; un pilotage direct n’est pas écrit.')
src('dne', 'steers', 'gar', [GAR], 'Le GAR est un service du ministère ; qu’il soit porté précisément par la DNE n’est écrit sur aucune page relue le 2026-12-01.')
src('dne', 'steers', 'educonnect', [], 'EduConnect est un service national du ministère ; que la DNE le porte n’est écrit sur aucune page relue le 2026-12-01.')
src('dne', 'steers', 'edutheque', [EDUTHEQUE_DNE])
src('dne', 'steers', 'strategie-numerique', [STRAT])
src('dne', 'coordinates', 'ian', [IAN])
src('dne', 'steers', 'tne', [], 'Le ministère a lancé les TNE avec le SGPI ; le copilotage par la DNE n’est écrit sur aucune page relue le 2026-12-01.')
src('dgesco', 'steers', 'tne', [], 'Le copilotage des TNE par la DGESCO n’est écrit sur aucune page relue le 2026-12-01.')
drop('dne', 'partners', 'inspe')  # the certification of teachers' digital skills is Pix+ Édu, not an INSPÉ-DNE partnership
src('sgpi', 'funds', 'tne', [TNE])
src('banque-des-territoires', 'coordinates', 'tne', [TNE])
src('canope', 'partners', 'tne', [TNE, CANOPE_BDT])
src('la-trousse-a-projets', 'coordinates', 'tne', [TNE], 'La page dit le GIP associé au dispositif ; qu’il en conduise le volet parentalité n’y est pas écrit.')
src('sgpi', 'partners', 'banque-des-territoires', [TNE])
rekind('banque-des-territoires', 'member-of', 'caisse-des-depots', 'attached-to', sources=[])
unsure(rel('banque-des-territoires', 'attached-to', 'caisse-des-depots'), 'Aucune page relue le 2026-12-01 ne dit que la Banque des Territoires est une direction de la Caisse des Dépôts.')
rel('banque-des-territoires', 'attached-to', 'caisse-des-depots').pop('sources', None)
src('tne', 'equips', 'ecole', [TNE], 'La page parle de l’équipement dans les départements du programme sans détailler les écoles.')
src('tne', 'trains', 'enseignants', [TNE], 'La page parle de continuité pédagogique et d’usages, pas explicitement de formation.')
src('tne', 'supports', 'familles', [TNE], 'Le volet parentalité n’est pas décrit sur la page relue le 2026-12-01.')
src('socle-numerique', 'funds', 'commune-epci', [SOCLE, SOCLE2])
src('drane', 'supports', 'socle-numerique', [SOCLE2])
src('ia-dasen', 'advises', 'commune-epci', [SOCLE2])
src('recteur-region-academique', 'authority', 'recteur-academie', [RRA])
src('recteur-region-academique', 'authority', 'drane', [MONTPELLIER])
src('recteur-region-academique', 'authority', 'dsi', [RRA, DSI])
sure(rel('recteur-region-academique', 'authority', 'dsi'))
src('drane', 'advises', 'recteur-region-academique', [DAN, IAN])
src('recteur-region-academique', 'partners', 'region', [MONTPELLIER])
src('drane', 'partners', 'region', [DAN])
src('drane', 'partners', 'departement', [DAN])
src('drane', 'partners', 'commune-epci', [DAN])
src('drane', 'coordinates', 'rupn', [CRETEIL_RUPN])
src('drane', 'coordinates', 'ian', [IAN], 'Éduscol : le réseau des IAN est animé par les experts de la DNE ; les IAN sont des relais auprès des délégués académiques, qui ne sont pas dits l’animer.')
src('drane', 'trains', 'enseignants', [S('http://www.prisme-asso.org/un-monsieur-numerique-educatif-raphael-moreaux-8360/?share=linkedin', 'Acteurs publics (repris par Prisme) : les délégués académiques au numérique')])
src('drane', 'partners', 'inspe', [], 'Aucune page relue le 2026-12-01 ne décrit ce partenariat (la page de Nancy-Metz citée auparavant n’a pas pu être relue).')
src('drane', 'partners', 'canope', [], 'Aucune page relue le 2026-12-01 ne décrit ce partenariat (la page de Nancy-Metz citée auparavant n’a pas pu être relue).')
src('drane', 'partners', 'ia-dasen', [SOCLE2])
src('dsi', 'provides-service', 'recteur-academie', [DSI])
src('dsi', 'partners', 'drane', [DSI])
src('recteur-academie', 'authority', 'ia-dasen', [DASEN, DASEN_SGEN])
sure(rel('recteur-academie', 'authority', 'ia-dasen'))
src('ia-dasen', 'steers', 'dsden', [DASEN, DASEN_SGEN])
src('ia-dasen', 'authority', 'ien', [DASEN_IEN, SNALC])
sure(rel('ia-dasen', 'authority', 'ien'))
src('ia-dasen', 'appoints', 'erun', [LUDOMAG_ERUN])
# The ERUN are coordinated by the departmental IEN in charge of digital matters, not by the district IEN.
drop('ien', 'coordinates', 'erun')
add('ien-numerique', 'coordinates', 'erun', [LUDOMAG_ERUN], T('L’IEN chargé du numérique coordonne et valide l’action des ERUN.', 'The IEN in charge of digital matters coordinates and validates the ERUN’s work.'))
add('ien-numerique', 'advises', 'ia-dasen', [LUDOMAG_ERUN], T('Il propose à l’IA-DASEN les ERUN à missionner.', 'They propose to the IA-DASEN the ERUN to appoint.'))
add('ia-dasen', 'authority', 'ien-numerique', [SNALC], T('Les IEN sont placés sous l’autorité de l’IA-DASEN.', 'IEN work under the IA-DASEN’s authority.'))
src('ien', 'coordinates', 'cpc', [IDRUIDE], 'Conseillers pédagogiques de circonscription auprès de l’IEN : la page le suggère sans le dire.')
src('ien', 'advises', 'commune-epci', [SOCLE2])
src('erun', 'supports', 'ecole', [LUDOMAG_ERUN])
src('erun', 'supports', 'enseignants', [LUDOMAG_ERUN, IDRUIDE])
src('cpc', 'supports', 'enseignants', [IDRUIDE])
src('ian', 'supports', 'enseignants', [IAN])
src('inspe', 'trains', 'enseignants', [INSPE])
drop('inspe', 'partners', 'pix')  # replaced by Pix+ Édu below
rekind('inspe', 'member-of', 'universite', 'attached-to', sources=[INSPE])
rel('inspe', 'attached-to', 'universite')['description'] = T('L’INSPÉ est une composante d’une université.', 'The INSPÉ is a component of a university.')
src('ih2ef', 'trains', 'chef-etablissement', [IH2EF])
src('ih2ef', 'trains', 'ien', [IH2EF])
drop('gip-fcip', 'supports', 'recteur-academie')
src('chef-etablissement', 'appoints', 'rupn', [CRETEIL_RUPN])
src('chef-etablissement', 'steers', 'college', [CRETEIL_RUPN, DRNE_BFC])
src('chef-etablissement', 'steers', 'lycee', [CRETEIL_RUPN, DRNE_BFC])
src('rupn', 'advises', 'enseignants', [CRETEIL_RUPN, DIJON_RUPN])
# The RUPN helps the head with requests to the local authority: a working link, not advice to it.
for t in ('departement', 'region'):
    r = rekind('rupn', 'advises', t, 'partners', directed=False, sources=[DIJON_RUPN, CRETEIL_RUPN])
src('region', 'equips', 'lycee', [LANDOT])
src('departement', 'equips', 'college', [ADF_COLL, AVICCA_COLL])
src('commune-epci', 'equips', 'ecole', [SOCLE, SOCLE2])
src('region', 'provides-service', 'ent', [SDET])
src('departement', 'provides-service', 'ent', [SDET])
src('commune-epci', 'provides-service', 'ent', [SDET])
src('recteur-academie', 'coordinates', 'ent', [SDET, GAR_FAQ])
src('ia-dasen', 'steers', 'ent', [SDET_COPY])
src('ent', 'provides-service', 'eleves', [SDET])
src('ent', 'provides-service', 'familles', [SDET])
src('ent', 'provides-service', 'enseignants', [SDET])
src('gar', 'provides-service', 'ent', [GAR])
src('editeurs', 'provides-service', 'gar', [GAR])
src('educonnect', 'provides-service', 'familles', [EDUCONNECT])
src('educonnect', 'provides-service', 'eleves', [EDUCONNECT])
src('franceconnect', 'partners', 'educonnect', [EDUCONNECT])
src('canope', 'steers', 'edutheque', [EDUTHEQUE])
rekind('canope', 'steers', 'edutheque', 'provides-service', description=T('Réseau Canopé est l’opérateur du portail.', 'Réseau Canopé operates the portal.'))
src('edutheque', 'provides-service', 'enseignants', [EDUTHEQUE])
src('canope', 'trains', 'enseignants', [CANOPE_BDT])
rekind('atelier-canope', 'member-of', 'canope', 'attached-to', sources=[CANOPE_BDT])
src('atelier-canope', 'trains', 'enseignants', [CANOPE_BDT])
src('cned', 'provides-service', 'eleves', [CNED, CNED2])
src('cned', 'member-of', 'pix', [PIX_CONV, PIX_LABO])
src('pix', 'provides-service', 'eleves', [PIX_ENERZINE])
src('region', 'member-of', 'regions-de-france', [], 'Que chaque Région en soit membre n’est écrit sur aucune page relue le 2026-12-01.')
# Régions de France does not coordinate AVICCA, AMF and ADF: AVICCA coordinates its positions with them, as peers.
for t in ('avicca', 'amf', 'adf'):
    drop('regions-de-france', 'coordinates', t)
for t in ('regions-de-france', 'amf', 'adf', 'france-urbaine'):
    add('avicca', 'partners', t, [AVICCA], T('L’AVICCA coordonne ses prises de position avec les grandes associations généralistes de collectivités.',
                                                'AVICCA coordinates its positions with the general associations of local authorities.'), directed=False)
src('commune-epci', 'member-of', 'avicca', [AVICCA_ADH])
src('departement', 'member-of', 'avicca', [AVICCA_ADH])
src('commune-epci', 'member-of', 'amf', [], 'Aucune page relue le 2026-12-01 ne le dit (page d’accueil amf.asso.fr retirée).')
src('commune-epci', 'member-of', 'amrf', [], 'Aucune page relue le 2026-12-01 ne le dit (page d’accueil amrf.fr retirée).')
src('departement', 'member-of', 'adf', [], 'Aucune page relue le 2026-12-01 ne le dit (page d’accueil departements.fr retirée).')
src('anct', 'steers', 'cnfs', [CNFS_ANCT])
src('cnfs', 'supports', 'familles', [CNFS_ANCT], 'Les conseillers accompagnent le public ; l’aide aux familles pour la scolarité n’est écrite sur aucune page relue le 2026-12-01.')
src('commune-epci', 'partners', 'cnfs', [CNFS_BDT])
src('associations-mediation', 'supports', 'familles', [], 'Cité au séminaire LUDOVIA#22 (brief du projet) ; aucune page lue.')
src('ligue-federation', 'member-of', 'ligue-enseignement', [LIGUE])
src('editeurs', 'member-of', 'afinef', [AFINEF], 'Une partie des éditeurs seulement.')
src('editeurs', 'member-of', 'edtech-france', [EDTECH], 'Une partie des éditeurs seulement.')
src('cluster-edtech', 'member-of', 'edtech-france', [], 'L’affiliation des associations régionales à EdTech France n’est écrite sur aucune page relue le 2026-12-01.')

# New actors' relations
add('pix', 'provides-service', 'pix-edu', [PIXEDU], T('Pix+ Édu est un dispositif de Pix.', 'Pix+ Édu is a Pix scheme.'))
add('pix-edu', 'provides-service', 'enseignants', [PIXEDU2])
add('dne', 'supports', 'pix-edu', [PIXEDU], T('Les conseillers experts de la DNE accompagnent le dispositif.', 'DNE experts support the scheme.'))
add('inspe', 'partners', 'pix-edu', [PIXEDU], T('Le dispositif couvre le continuum de la formation initiale à la formation continue.', 'The scheme covers initial through continuing training.'), directed=False,
    unsure_note='La page cite le continuum de formation initiale et continue sans nommer les INSPÉ.')
add('csen', 'advises', 'men', [CSEN], T('Le Conseil éclaire le ministre sur l’apport de la recherche.', 'The Council advises the minister on what research brings.'))
add('men', 'steers', 'onisep', [ONISEP], T('Tutelle des ministères de l’Éducation nationale et de l’Enseignement supérieur.', 'Supervised by the education and higher-education ministries.'))
add('men', 'authority', 'igesr', [IGESR])
add('clemi', 'attached-to', 'canope', [CLEMI], T('Le CLEMI est un service de Réseau Canopé.', 'CLEMI is a Réseau Canopé service.'))
add('clemi', 'trains', 'enseignants', [CLEMI])
add('recteur-academie', 'steers', 'eafc', [EAFC])
add('eafc', 'trains', 'enseignants', [EAFC])
add('canope', 'partners', 'eafc', [EAFC2, CCOMPTES_EAFC], directed=False)
add('sgpi', 'steers', 'france-2030', [F2030])
add('dne', 'provides-service', 'apps-education', [APPS, APPS2])
add('apps-education', 'provides-service', 'enseignants', [APPS2])
add('dne', 'steers', 'magistere', [MAGISTERE2], T('Le dispositif est coordonné à la DNE.', 'The scheme is coordinated at the DNE.'))
add('magistere', 'trains', 'enseignants', [MAGISTERE])
add('eafc', 'partners', 'magistere', [MAGISTERE2], directed=False)

# ---------------------------------------------------------------- glossary
G = {g['term']: g for g in m['glossary']}
for g in m['glossary']:
    if 'see' in g and 'gip-fcip' in g['see']:
        g['see'].remove('gip-fcip')
def gsrc(term, sources, note=None, definition=None):
    g = G[term]
    if sources:
        g['sources'] = sources
    else:
        g.pop('sources', None)
    if definition:
        g['definition'] = definition
    if note:
        unsure(g, note)
    return g

GEN = 'Définition générale, aucune page relue le 2026-12-01 ne l’énonce.'
gsrc('ENT', [SDET])
gsrc('SDET', [SDET], definition=T('Schéma directeur des ENT : cadre de cohérence national dans lequel les collectivités, en partenariat avec les académies, élaborent et mettent en œuvre les ENT.',
                                 'The ENT master plan: the national frame within which local authorities, with the académies, design and run ENTs.'))
gsrc('PIA', [TNE, F2030])
gsrc('IMP', [CRETEIL_RUPN])
gsrc('EPLE', [], GEN)
gsrc('EPLEFPA', [LANDOT], 'L’article L.211-8 cité sur la page nomme ces établissements (art. L.811-8 du code rural) ; leur pilotage par la DGER n’est pas sourcé.')
gsrc('B2i', [PIX_LABO])
gsrc('C2i', [PIX_LABO])
gsrc('CRCN', [CRCN], definition=T('Cadre de référence des compétences numériques, élaboré par les ministères de l’Éducation nationale et de l’Enseignement supérieur à partir du cadre européen DigComp : 16 compétences en 5 domaines, évaluées et certifiées par Pix.',
                                   'The digital skills reference framework, drawn up by the education ministries from the European DigComp: 16 competences in 5 areas, assessed and certified by Pix.'))
gsrc('DigComp', [CRCN, PIX_DIGCOMP])
for t in ('RGPD', 'DPD', 'CNIL', 'BYOD', 'LSU', 'ONDE', 'INE', 'UAI', 'PAF', 'PNF', 'EPCI', 'GIP', 'TNI', 'VPI', 'REP', 'AESH', 'ULIS', 'MDPH', 'FOAD', 'MOOC', 'RIP', 'SSO', 'Premier degré', 'Second degré'):
    gsrc(t, [], GEN)
gsrc('TICE', [LUDOMAG_ERUN], 'Le sigle figure dans « IEN TICE » sur la page citée, sans définition.')
gsrc('THD', [AVICCA])
gsrc('DAN', [DAN, PARIS_DANE], definition=T('Délégué académique au numérique (2014), conseiller du recteur ; sa délégation, la DANE, est devenue à des dates différentes selon les académies un service régional (DRANE, SRANE ou SRA-NE, DRNE).',
                                            'The academic digital delegate (2014), adviser to the recteur; the delegation, the DANE, became a regional service at different dates depending on the académie (DRANE, SRANE or SRA-NE, DRNE).'))
gsrc('EMI', [CLEMI, STRAT])
gsrc('E-parentalité', [], 'Cafés des parents, « kermesses du numérique » : cités au séminaire LUDOVIA#22 (brief du projet), aucune page lue.')
gsrc('Plan de relance', [SOCLE])
# CLEMI and IGÉSR are actors now (their acronyms join the glossary automatically).
for t in ('CLEMI', 'IGÉSR'):
    m['glossary'].remove(G.pop(t))
z = G['ZRR']
z['expansion'] = T('Zone de revitalisation rurale (jusqu’au 30 juin 2024)', 'Rural revitalisation zone (until 30 June 2024)')
z['definition'] = T('Ancien zonage de communes rurales bénéficiant d’exonérations fiscales et sociales, remplacé le 1er juillet 2024 par France ruralités revitalisation (FRR).',
                    'The former zoning of rural communes with tax and social exemptions, replaced on 1 July 2024 by France ruralités revitalisation (FRR).')
z['sources'] = [FRR, FRR2]
sure(z)
m['glossary'].insert(m['glossary'].index(z) + 1, {
    'term': 'FRR', 'expansion': T('France ruralités revitalisation', 'France ruralités revitalisation (rural revitalisation zoning)'),
    'definition': T('Zonage qui a succédé aux ZRR le 1er juillet 2024 (loi de finances pour 2024) : plus de 17 700 communes rurales bénéficient d’exonérations fiscales et sociales.',
                    'The zoning that succeeded the ZRR on 1 July 2024 (2024 finance act): over 17,700 rural communes get tax and social exemptions.'),
    'sources': [FRR, FRR2]})

# ---------------------------------------------------------------- tours: the ERUN step names the IEN in charge of digital matters
for t in m['tours']:
    for s in t['steps']:
        txt = s['text']
        fr = txt.get('fr') if isinstance(txt, dict) else txt
        if fr and fr.startswith('L’inspecteur de circonscription coordonne'):
            s['focus'] = ['ien-numerique', 'erun', 'ien', 'commune-epci']
            s['text'] = T('Dans le département, l’IEN chargé du numérique coordonne et valide le travail des ERUN ; l’inspecteur de circonscription reste l’interlocuteur des communes.',
                          'In the département, the IEN in charge of digital matters coordinates and validates the ERUN’s work; the district inspector remains the communes’ contact.')
            if isinstance(s.get('title'), dict):
                s['title'] = T('Les inspecteurs', 'The inspectors')

m['updated'] = TODAY
m['audit'] = {'maxHomepageShare': 0.05, 'maxUnsourced': 0, 'maxUnrelatedClaimsPerUrl': 5, 'maxAgeDays': 365}
# keep "audit" next to the top-level description, not at the end
keys = list(m.keys())
keys.remove('audit')
keys.insert(keys.index('description') + 1, 'audit')
m = {k: m[k] for k in keys}
open(P, 'w').write(json.dumps(m, ensure_ascii=False, indent=2) + '\n')
print('removed relations:', removed)

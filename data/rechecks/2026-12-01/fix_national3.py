import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]  # the repository
P=str(ROOT / 'data/national.json'); TODAY='2026-12-01'
m=json.load(open(P))
def S(u,t=None):
    s={'url':u,'verified':TODAY}
    if t: s['title']=t
    return s
AMIENS=S('https://www.ac-amiens.fr/article/scolariser-des-eleves-en-situation-de-handicap-121949','Académie d’Amiens : scolariser des élèves en situation de handicap')
VDM=S('https://www.valdemarne.fr/vivre-en-val-de-marne/informations/scolarisation-dun-enfant-handicape-anticipez')
MTP=S('https://www.ac-montpellier.fr/les-aides-compensatoires-122450','Académie de Montpellier : les aides compensatoires')
PAF=S('https://lyon.snes.edu/spip/Rentree-2022-le-PAF-parcours-academique-de-formation-devient-l-EAFC-ecole.html')
VO95=S('https://2017-2022.nosdeputes.fr/15/intervention/1034316','Audition du Département du Val-d’Oise à l’Assemblée nationale (plan numérique des collèges)')
PIXCONV=S('https://juriblio.fr/arretes/arrete-du-5-avril-2022/179820004/annexe/314037736','Convention constitutive du GIP Pix (arrêté du 5 avril 2022)')
CU=S('https://franco.wiki/fr/Communaut%C3%A9_urbaine.html','Communauté urbaine (copie Wikipédia)')
G={g['term']:g for g in m['glossary']}
def ok(t, srcs, definition=None):
    g=G[t]; g['sources']=srcs; g.pop('confidence',None); g.pop('x-note',None)
    if definition: g['definition']=definition
ok('AESH',[MTP,AMIENS])
ok('ULIS',[AMIENS])
ok('MDPH',[AMIENS,VDM],{'fr':'Maison départementale des personnes handicapées : elle reconnaît le handicap et, par son projet personnalisé de scolarisation, peut accorder un accompagnement (AESH), du matériel pédagogique adapté ou une orientation en ULIS.','en':'The departmental disability office: it recognises disability and, through the personalised schooling plan, can grant support staff (AESH), adapted learning equipment or a place in an ULIS.'})
ok('PAF',[PAF],{'fr':'Plan (ou parcours) académique de formation continue des personnels d’une académie ; depuis la rentrée 2022, l’offre des écoles académiques de la formation continue (EAFC) l’a remplacé.','en':'An académie’s continuing-training plan for its staff; since September 2022 the academic continuing-training schools (EAFC) have replaced it.'})
ok('EPLE',[VO95])
ok('GIP',[PIXCONV])
ok('EPCI',[CU])
open(P,'w').write(json.dumps(m,ensure_ascii=False,indent=2)+'\n')

import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]  # the repository
P=str(ROOT / 'data/national.json'); TODAY='2026-12-01'
m=json.load(open(P))
def S(u,t=None):
    s={'url':u,'verified':TODAY}
    if t: s['title']=t
    return s
RGPD=S('https://ludomag.com/2019/01/14/quelle-organisation-en-academie-pour-repondre-aux-enjeux','Ludomag : RGPD, quelle organisation en académie ?')
DPD=S('https://eduline.ac-lille.fr/rgpd/fiches-techniques/le-delegue-a-la-protection-des-donnees-pilote-de-la-conformite-des-traitements-de-donnees-au-rgpd','Académie de Lille : le délégué à la protection des données')
LSU=S('https://eduscol.education.fr/191/foire-aux-questions-du-livret-scolaire-unique')
LSU2=S('https://cnil.fr/fr/cnil-direct/question/le-livret-scolaire-unique-numerise-lsun-cest-quoi-peut-sy-opposer','CNIL : le livret scolaire unique numérique, c’est quoi ?')
G={g['term']:g for g in m['glossary']}
def ok(t, srcs, definition=None):
    g=G[t]; g['sources']=srcs; g.pop('confidence',None); g.pop('x-note',None)
    if definition: g['definition']=definition
ok('RGPD',[RGPD,DPD],{'fr':'Règlement européen (UE) 2016/679, entré en application le 25 mai 2018, qui encadre le traitement des données personnelles, y compris dans les écoles, les établissements et leurs services numériques.','en':'EU Regulation 2016/679, applicable since 25 May 2018, governing personal data processing, schools and their digital services included.'})
ok('DPD',[DPD,RGPD])
ok('LSU',[LSU,LSU2],{'fr':'Application nationale qui rassemble le livret scolaire de l’élève du CP à la 3e : bilans périodiques, bilans de fin de cycle et attestations.','en':'The national application holding the pupil’s school record from CP to 3e: periodic reports, end-of-cycle reports and certificates.'})
A={a['id']:a for a in m['actors']}
A['ia-dasen']['sources'].insert(2,RGPD)
for r in m['relations']:
    if (r['from'],r['kind'],r['to'])==('ia-dasen','steers','ent'): r['sources'].append(RGPD)
open(P,'w').write(json.dumps(m,ensure_ascii=False,indent=2)+'\n')

import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]  # the repository root
P=str(ROOT / 'data/national.json'); TODAY='2026-12-01'
m=json.load(open(P))
A={a['id']:a for a in m['actors']}
CHAL={'url':'https://www.education.gouv.fr/investissements-d-avenir-lancement-de-l-appel-manifestation-d-interet-challenge-education-pour-308224','verified':TODAY,'title':'Investissements d’avenir : appel à manifestation d’intérêt « Challenges éducation »'}
A['sgpi']['sources'].append(CHAL)
A['france-2030']['description']={'fr':'Plan d’investissement de l’État dont le Secrétariat général pour l’investissement a la charge ; des projets de numérique éducatif lancés avec les PIA s’y poursuivent, par exemple l’appel à projets e-FRAN 3.','en':'The State investment plan the SGPI is in charge of; digital-education projects started under the PIA continue in it, for instance the e-FRAN 3 call.'}
open(P,'w').write(json.dumps(m,ensure_ascii=False,indent=2)+'\n')

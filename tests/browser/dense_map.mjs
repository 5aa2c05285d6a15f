// dense_map.mjs — a territory map nobody shipped, written the way data/README.md tells an
// author to (an overlay of the national base): a département of `circonscriptions`
// circonscriptions, each with its IEN and its ERUN, its collèges and lycées, communes and
// associations. With the default 24 it holds 150 actors after the base's: the size up to
// which every actor must be labelled at 1280×800 (issue 11). Deterministic.
const towns = ['Aubenas', 'Beaulieu', 'Chantelle', 'Dournazac', 'Écueillé', 'Fontenay', 'Gourdon', 'Hérisson',
  'Issoire', 'Jarnac', 'Lamballe', 'Mauriac', 'Nérac', 'Oloron', 'Pontivy', 'Quimperlé', 'Riom', 'Sarlat',
  'Thiers', 'Ussel', 'Vierzon', 'Wissant', 'Yssingeaux', 'Zonza', 'Arbois', 'Bressuire', 'Condom', 'Die'];

export function denseTerritory(circonscriptions = 24) {
  // A made-up map: no page states its facts, so every claim is "unsure" (data/README.md §13).
  const src = [{ url: 'https://example.org/carte-d-essai', verified: '2026-12-02' }];
  const actors = [], relations = [];
  const actor = (id, acronym, name, level, kind) => {
    actors.push({ id, ...(acronym ? { acronym } : {}), name, level, kind, sources: src, confidence: 'unsure', 'x-note': 'test map' });
    return id;
  };
  const rel = (from, to, kind) => relations.push({ from, to, kind, confidence: 'unsure', 'x-note': 'test map' });
  const cd = actor('cd-99', 'CD 99', 'Conseil départemental du Val-de-Loue', 'departement', 'collectivite');
  const pole = actor('pole-num-99', null, 'Pôle numérique de la DSDEN du Val-de-Loue', 'departement', 'service-deconcentre');
  const canope = actor('canope-99', 'Canopé 99', 'Atelier Canopé du Val-de-Loue', 'departement', 'operateur');
  rel('dsden', pole, 'authority'); rel(canope, 'enseignants', 'trains'); rel(cd, pole, 'partners');
  for (let i = 0; i < 3; i++) {
    const a = actor(`asso-99-${i}`, null, `Association de médiation numérique ${towns[i + 20]}`, 'departement', 'association');
    rel(a, 'familles', 'supports'); rel(cd, a, 'funds');
  }
  for (let i = 0; i < circonscriptions; i++) {
    const t = towns[i % towns.length];
    const ien = actor(`ien-99-${i}`, `IEN ${t}`, `Inspecteur de l’éducation nationale de la circonscription de ${t}`, 'circonscription', 'personnel');
    const erun = actor(`erun-99-${i}`, `ERUN ${t}`, `Enseignant référent pour les usages du numérique, ${t}`, 'circonscription', 'personnel');
    rel('ia-dasen', ien, 'authority'); rel(ien, erun, 'coordinates'); rel('ien-numerique', erun, 'coordinates');
    rel(erun, 'ecole', 'supports');
  }
  for (let i = 0; i < 4; i++) {
    const c = actor(`commune-99-${i}`, null, `Ville de ${towns[i * 5]}`, 'circonscription', 'collectivite');
    rel(c, 'ecole', 'equips'); rel(c, `erun-99-${(i * 5) % circonscriptions}`, 'partners');
  }
  for (let i = 0; i < 14; i++) {
    const c = actor(`college-99-${i}`, null, `Collège ${towns[(i * 3) % towns.length]}`, 'etablissement', 'etablissement');
    rel(cd, c, 'equips');
    if (i % 2 === 0) rel(pole, c, 'supports');
  }
  for (let i = 0; i < 6; i++) {
    const l = actor(`lycee-99-${i}`, null, `Lycée ${towns[(i * 4 + 1) % towns.length]}`, 'etablissement', 'etablissement');
    rel('region', l, 'equips');
  }
  return {
    schema: 'qfq-map/1', id: 'val-de-loue', title: { fr: 'Val-de-Loue (carte d’essai)', en: 'Val-de-Loue (test map)' },
    language: 'fr', licence: 'CC-BY-4.0', maintainers: [{ name: 'Tests' }], updated: '2026-12-02', extends: '../national.json',
    actors, relations,
  };
}

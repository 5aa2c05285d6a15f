// textview.js — the accessible text view of the map (toolbar toggle, or ?view=text).
//
// Contents
//   1. Words (French, English)
//   2. DOM helpers (textContent only: map data never goes through innerHTML)
//   3. Sections: choices (map, variant, language), search, contact, actors by level,
//      glossary, filters, export
//   4. Selection shared with the map; in-page links; show / hide
//
// The same map as the canvas, as real DOM built from the engine's data
// (app/text_view.cpp): headings per level, each actor with its card's contents and its
// relations as in-page links, the search, the glossary and the "whom do I contact?"
// answer, in the current language and variant. Structure follows the glossary pages of
// `qfq publish` (header, main sections labelled by their headings, a description list).

// ---------------------------------------------------------------------------
// 1. Words
// ---------------------------------------------------------------------------
const words = {
  fr: {
    textView: 'vue texte', back: 'Revenir à la carte', contents: 'Dans cette page',
    choices: 'Carte, variante et langue', map: 'Carte', variant: 'Variante', noVariant: 'Aucune (texte national)',
    otherLang: 'English', otherLangCode: 'en', search: 'Rechercher', searchLabel: 'Sigle, nom, ancien nom ou mission',
    results: (n) => (n === 0 ? 'Aucun résultat' : n === 1 ? '1 résultat' : `${n} résultats`),
    contact: 'Qui contacter ?', topic: 'Sujet', territory: 'Territoire',
    find: 'Trouver', chooseTopic: 'Choisissez un sujet.', answers: (n) => (n === 0 ? 'Personne pour ce sujet ici.' : n === 1 ? '1 interlocuteur' : `${n} interlocuteurs`),
    actors: 'Acteurs par niveau', glossary: 'Glossaire', kindLevel: (k, l) => `${k} · ${l}`,
    territoryIs: 'Territoire : ', confidence: 'Fiabilité : ', sure: 'sûr', unsure: 'incertain (source à confirmer)',
    former: 'Ancien nom : ', aliases: 'Aussi appelé : ', missions: 'Missions', relations: 'Relations',
    noRelation: 'Aucune relation.', website: 'Site web', sources: 'Sources', verified: 'vérifié le ',
    select: 'Sélectionner sur la carte', selected: 'Sélectionné sur la carte', showOnMap: 'Voir sur la carte',
    selectedNow: 'Acteur sélectionné : ', noneSelected: 'Aucun acteur sélectionné.', seeActor: 'Voir l’acteur',
    dir: { out: 'vers', in: 'depuis', both: 'avec' }, truncated: (n, t) => `${n} acteurs affichés sur ${t}.`,
    count: (n) => `${n} acteurs`, noMap: 'Aucune carte chargée.',
    exportTitle: 'Exporter et partager', format: 'Format', download: 'Télécharger', copyLink: 'Copier le lien de cette vue',
    filters: 'Filtres', filterNote: 'Ce que la carte montre ; la liste des acteurs ci-dessous suit les mêmes filtres.',
    groups: { level: 'Niveaux', kind: 'Types d’acteurs', relation: 'Types de relations' }, sureOnly: 'Seulement les faits sûrs',
    shownCount: (n, t) => `${n} acteurs sur ${t} (filtres).`,
  },
  en: {
    textView: 'text view', back: 'Back to the map', contents: 'On this page',
    choices: 'Map, variant and language', map: 'Map', variant: 'Variant', noVariant: 'None (national wording)',
    otherLang: 'Français', otherLangCode: 'fr', search: 'Search', searchLabel: 'Acronym, name, former name or mission',
    results: (n) => (n === 0 ? 'No result' : n === 1 ? '1 result' : `${n} results`),
    contact: 'Whom do I contact?', topic: 'Topic', territory: 'Territory',
    find: 'Find', chooseTopic: 'Choose a topic.', answers: (n) => (n === 0 ? 'Nobody for this topic here.' : n === 1 ? '1 contact' : `${n} contacts`),
    actors: 'Actors by level', glossary: 'Glossary', kindLevel: (k, l) => `${k} · ${l}`,
    territoryIs: 'Territory: ', confidence: 'Confidence: ', sure: 'sure', unsure: 'unsure (source to be confirmed)',
    former: 'Former name: ', aliases: 'Also known as: ', missions: 'Missions', relations: 'Relations',
    noRelation: 'No relation.', website: 'Website', sources: 'Sources', verified: 'checked ',
    select: 'Select on the map', selected: 'Selected on the map', showOnMap: 'Show on the map',
    selectedNow: 'Selected actor: ', noneSelected: 'No actor selected.', seeActor: 'See the actor',
    dir: { out: 'to', in: 'from', both: 'with' }, truncated: (n, t) => `${n} of ${t} actors shown.`,
    count: (n) => `${n} actors`, noMap: 'No map loaded.',
    exportTitle: 'Export and share', format: 'Format', download: 'Download', copyLink: 'Copy the link to this view',
    filters: 'Filters', filterNote: 'What the map shows; the list of actors below follows the same filters.',
    groups: { level: 'Levels', kind: 'Actor kinds', relation: 'Relation kinds' }, sureOnly: 'Sure facts only',
    shownCount: (n, t) => `${n} of ${t} actors (filters).`,
  },
};
const arrows = { out: '→', in: '←', both: '↔' };
// The exports of the map's toolbar (same C++ writers).
const exportFormats = [['png', 'PNG'], ['svg', 'SVG'], ['graphml', 'GraphML (Gephi, yEd)'], ['gexf', 'GEXF (Gephi)'],
  ['actors.csv', 'CSV — acteurs / actors'], ['relations.csv', 'CSV — relations'], ['dot', 'DOT (Graphviz)'], ['json', 'JSON (qfq-map/1)']];

// ---------------------------------------------------------------------------
// 2. DOM helpers
// ---------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}
// Element ids from map ids (which may hold any character a JSON string allows).
const safeId = (s) => String(s).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0).toString(16)}_`);
const actorAnchor = (id) => `actor-${safeId(id)}`;
const termAnchor = (term) => `term-${safeId(term)}`;
// Links from map data open only if they are web addresses.
function webLink(url, text) {
  let u = null;
  try { u = new URL(url); } catch (e) { /* shown as text below */ }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return document.createTextNode(text);
  return el('a', { href: u.href, rel: 'noopener noreferrer', target: '_blank', text });
}

// env: { module(), readString(ptr), call(name, ...), command(obj), loadMap(id), show(bool),
//        onShown(bool), download(format), share() }
export function createTextView(env) {
  const root = document.getElementById('qfq-text');
  let data = null;
  let shown = false;
  let w = words.fr;

  // -------------------------------------------------------------------------
  // 3. Sections
  // -------------------------------------------------------------------------
  function section(id, title, ...content) {
    return el('section', { 'aria-labelledby': id }, el('h2', { id, text: title }), ...content);
  }

  function choices() {
    const mapSelect = el('select', { id: 'tv-map-select' });
    for (const m of data.maps) mapSelect.append(el('option', { value: m.id, text: m.title, selected: m.id === data.mapRef }));
    mapSelect.addEventListener('change', async () => { await env.loadMap(mapSelect.value); render(); });
    const parts = [];
    if (data.maps.length) parts.push(el('p', {}, el('label', { for: 'tv-map-select', text: `${w.map} ` }), mapSelect));
    if (data.variants.length) {
      const v = el('select', { id: 'tv-variant-select' });
      v.append(el('option', { value: '', text: w.noVariant, selected: !data.variant }));
      for (const x of data.variants) v.append(el('option', { value: x.id, text: x.label, selected: data.variant && data.variant.id === x.id }));
      v.addEventListener('change', () => { env.command({ cmd: 'variant', id: v.value }); render(); });
      parts.push(el('p', {}, el('label', { for: 'tv-variant-select', text: `${w.variant} ` }), v));
    }
    parts.push(el('p', {}, el('button', {
      type: 'button', id: 'tv-lang', lang: w.otherLangCode, text: w.otherLang,
      on: { click: () => { env.command({ cmd: 'lang', lang: w.otherLangCode }); render(); } },
    })));
    return section('tv-h-choices', w.choices, ...parts);
  }

  function filtersSection() {
    const change = (obj) => { env.command(Object.assign({ cmd: 'filter' }, obj)); render(); };
    const parts = [el('p', { text: w.filterNote })];
    for (const g of data.filters || []) {
      parts.push(el('fieldset', {}, el('legend', { text: w.groups[g.group] || g.group }),
        ...g.items.map((it) => {
          const id = `tv-filter-${g.group}-${safeId(it.id)}`;
          const box = el('input', { type: 'checkbox', id, checked: it.on,
            on: { change: (e) => change({ [g.group]: it.id, on: e.target.checked }) } });
          return el('p', {}, box, ' ', el('label', { for: id, text: it.label }));
        })));
    }
    const sure = el('input', { type: 'checkbox', id: 'tv-filter-sure', checked: data.sureOnly,
      on: { change: (e) => change({ sureOnly: e.target.checked }) } });
    parts.push(el('p', {}, sure, ' ', el('label', { for: 'tv-filter-sure', text: w.sureOnly })));
    return section('tv-h-filters', w.filters, ...parts);
  }

  function exportSection() {
    const format = el('select', { id: 'tv-format' }, ...exportFormats.map(([v, t]) => el('option', { value: v, text: t })));
    return section('tv-h-export', w.exportTitle,
      el('p', {}, el('label', { for: 'tv-format', text: `${w.format} ` }), format, ' ',
        el('button', { type: 'button', id: 'tv-download', text: w.download, on: { click: () => env.download(format.value) } })),
      el('p', {}, el('button', { type: 'button', id: 'tv-share', text: w.copyLink, on: { click: () => env.share() } })));
  }

  function searchSection() {
    const input = el('input', { id: 'tv-q', type: 'search', autocomplete: 'off', spellcheck: 'false' });
    const statusLine = el('p', { id: 'tv-search-status', role: 'status' });
    const list = el('ul', { id: 'tv-search-results' });
    const run = () => {
      list.replaceChildren();
      const q = input.value.trim();
      if (!q) { statusLine.textContent = ''; return; }
      const hits = env.command({ cmd: 'search', q, limit: 20 }).hits || [];
      for (const h of hits) {
        const target = h.glossary ? termAnchor(h.id) : actorAnchor(h.id);
        const label = h.glossary ? h.id : labelOf(h.id);
        list.append(el('li', {}, el('a', { href: `#${target}`, text: label }), h.why ? ` (${h.why})` : ''));
      }
      statusLine.textContent = w.results(hits.length);
    };
    let timer = 0;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 150); });
    const form = el('form', { role: 'search', 'aria-labelledby': 'tv-h-search', on: { submit: (e) => { e.preventDefault(); run(); } } },
      el('label', { for: 'tv-q', text: `${w.searchLabel} ` }), input, ' ', el('button', { type: 'submit', text: w.search }));
    return section('tv-h-search', w.search, form, statusLine, list);
  }

  function contactSection() {
    const topic = el('select', { id: 'tv-topic' }, el('option', { value: '', text: '…' }));
    for (const t of data.topics) topic.append(el('option', { value: t.id, text: t.label }));
    // The answer is for a territory (and those above it): the first, the widest, by default.
    const where = el('select', { id: 'tv-territory' });
    for (const t of data.territories) where.append(el('option', { value: t.id, text: t.name }));
    const statusLine = el('p', { id: 'tv-contact-status', role: 'status' });
    const list = el('ol', { id: 'tv-contact-results' });
    const run = (e) => {
      if (e) e.preventDefault();
      list.replaceChildren();
      if (!topic.value) { statusLine.textContent = w.chooseTopic; return; }
      const r = JSON.parse(env.readString(env.call('_qfq_contact_json', topic.value, where.value)));
      for (const h of r.hits) list.append(el('li', {}, el('a', { href: `#${actorAnchor(h.id)}`, text: h.label }), el('br'), h.explanation));
      statusLine.textContent = r.error || w.answers(r.hits.length);
    };
    const form = el('form', { on: { submit: run } },
      el('p', {}, el('label', { for: 'tv-topic', text: `${w.topic} ` }), topic),
      el('p', {}, el('label', { for: 'tv-territory', text: `${w.territory} ` }), where),
      el('p', {}, el('button', { type: 'submit', text: w.find })));
    return section('tv-h-contact', w.contact, form, statusLine, list);
  }

  const labels = new Map();
  const labelOf = (id) => labels.get(id) || id;

  function actorArticle(a, level) {
    const h = `${actorAnchor(a.id)}-h`;
    const title = a.acronym ? `${a.acronym} — ${a.name}` : a.name;
    const parts = [el('h4', { id: h, text: title })];
    parts.push(el('p', { text: w.kindLevel(a.kind, level) }));
    if (a.territory) parts.push(el('p', { text: w.territoryIs + a.territory }));
    parts.push(el('p', { text: w.confidence + (a.unsure ? w.unsure : w.sure) }));
    for (const f of a.formerNames) parts.push(el('p', { text: w.former + f }));
    if (a.aliases.length) parts.push(el('p', { text: w.aliases + a.aliases.join(', ') }));
    if (a.description) parts.push(el('p', { text: a.description }));
    if (a.missions.length) {
      parts.push(el('h5', { text: w.missions }));
      parts.push(el('ul', {}, ...a.missions.map((m) => el('li', { text: m }))));
    }
    parts.push(el('h5', { text: w.relations }));
    if (!a.relations.length) parts.push(el('p', { text: w.noRelation }));
    else {
      parts.push(el('ul', {}, ...a.relations.map((g) => el('li', {}, g.kind,
        el('ul', {}, ...g.items.map((r) => el('li', {},
          el('span', { 'aria-hidden': 'true', text: `${arrows[r.dir]} ` }),
          el('span', { class: 'sr-only', text: `${w.dir[r.dir]} ` }),
          el('a', { href: `#${actorAnchor(r.other)}`, text: r.otherLabel }),
          r.description ? ` : ${r.description}` : '')))))));
    }
    if (a.url) parts.push(el('p', {}, webLink(a.url, `${w.website} (${a.url})`)));
    if (a.sources.length) {
      parts.push(el('h5', { text: w.sources }));
      parts.push(el('ul', {}, ...a.sources.map((s) => el('li', {}, webLink(s.url, s.title || s.url),
        s.verified ? ` (${w.verified}` : '', s.verified ? el('time', { datetime: s.verified, text: s.verified }) : '', s.verified ? ')' : ''))));
    }
    const selected = a.id === data.selected;
    parts.push(el('p', {}, el('button', {
      type: 'button', class: 'tv-select', 'data-actor': a.id, 'aria-pressed': selected ? 'true' : 'false',
      text: selected ? w.selected : w.select, on: { click: () => selectActor(a.id, false) },
    }), ' ', el('button', { type: 'button', 'data-actor': a.id, text: w.showOnMap, on: { click: () => selectActor(a.id, true) } })));
    return el('article', { id: actorAnchor(a.id), 'aria-labelledby': h, tabindex: '-1', class: selected ? 'selected' : null,
      'data-actor': a.id }, ...parts);
  }

  function actorsSection() {
    const listed = data.levels.reduce((n, l) => n + l.actors.length, 0);
    const shown = data.levels.reduce((n, l) => n + l.actors.filter((a) => a.shown).length, 0);
    const parts = [el('p', { text: data.truncated ? w.truncated(listed, data.actorCount) : w.count(data.actorCount) })];
    if (shown < listed) parts.push(el('p', { text: w.shownCount(shown, listed) }));
    for (const level of data.levels) {
      const id = `tv-level-${safeId(level.id)}`;
      const actors = level.actors.filter((a) => a.shown !== false);
      if (!actors.length) continue;
      parts.push(el('section', { 'aria-labelledby': id }, el('h3', { id, text: `${level.label} (${actors.length})` }),
        ...actors.map((a) => actorArticle(a, level.label))));
    }
    return section('tv-h-actors', w.actors, ...parts);
  }

  function glossarySection() {
    const dl = el('dl');
    const seen = new Set();
    for (const g of data.glossary) {
      const id = seen.has(g.term) ? null : termAnchor(g.term);
      seen.add(g.term);
      dl.append(el('dt', { id, tabindex: id ? '-1' : null, text: g.term }));
      dl.append(el('dd', {}, g.expansion, g.definition ? el('br') : null, g.definition || null,
        g.actor ? ' ' : null, g.actor ? el('a', { href: `#${actorAnchor(g.actor)}`, text: `${w.seeActor} ${g.term}` }) : null));
    }
    return section('tv-h-glossary', w.glossary, dl);
  }

  function selectedLine() {
    const p = el('p', { id: 'tv-selected' });
    fillSelected(p);
    return p;
  }
  function fillSelected(p) {
    if (!data.selected) p.replaceChildren(w.noneSelected);
    else p.replaceChildren(w.selectedNow, el('a', { href: `#${actorAnchor(data.selected)}`, text: labelOf(data.selected) }));
  }

  function render() {
    const m = env.module();
    if (!m) return;
    const focusId = root.contains(document.activeElement) ? document.activeElement.id : '';
    data = JSON.parse(env.readString(m._qfq_text_view_json()));
    w = words[data.lang] || words.fr;
    root.lang = data.lang;
    document.documentElement.lang = data.lang;
    labels.clear();
    for (const l of data.levels) for (const a of l.actors) labels.set(a.id, a.acronym ? `${a.acronym} — ${a.name}` : a.name);
    const title = `${data.title || 'Qui fait quoi ?'}${data.variant ? ` — ${data.variant.label}` : ''} — ${w.textView}`;
    const toc = [['tv-h-choices', w.choices], ['tv-h-search', w.search], ['tv-h-contact', w.contact],
      ['tv-h-actors', w.actors], ['tv-h-glossary', w.glossary], ['tv-h-filters', w.filters], ['tv-h-export', w.exportTitle]];
    const header = el('header', {},
      el('h1', { id: 'tv-title', tabindex: '-1', text: title }),
      data.description ? el('p', { text: data.description }) : null,
      el('p', {}, el('button', { type: 'button', id: 'tv-back', text: w.back, on: { click: () => env.show(false) } })),
      selectedLine(),
      el('nav', { 'aria-label': w.contents }, el('ul', {}, ...toc.map(([id, t]) => el('li', {}, el('a', { href: `#${id}`, text: t }))))));
    if (!data.hasMap) { root.replaceChildren(header, el('p', { text: w.noMap })); return; }
    root.replaceChildren(header, choices(), searchSection(), contactSection(), actorsSection(), glossarySection(),
      filtersSection(), exportSection());
    // A control that caused the render keeps the focus (same id in the new DOM).
    const again = focusId && document.getElementById(focusId);
    if (again && again !== document.activeElement) again.focus({ preventScroll: true });
  }

  // -------------------------------------------------------------------------
  // 4. Selection, links, show / hide
  // -------------------------------------------------------------------------
  function selectActor(id, showMap) {
    env.command({ cmd: 'select', id, fly: showMap });
    markSelected(id);
    if (showMap) env.show(false);
  }
  // The map's selection, marked in the text (the focus stays where the reader is).
  function markSelected(id) {
    if (!data) return;
    data.selected = id || '';
    for (const b of root.querySelectorAll('button.tv-select')) {
      const on = b.dataset.actor === data.selected;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.textContent = on ? w.selected : w.select;
    }
    for (const a of root.querySelectorAll('article.selected')) a.classList.remove('selected');
    const art = data.selected ? document.getElementById(actorAnchor(data.selected)) : null;
    if (art) art.classList.add('selected');
    const p = document.getElementById('tv-selected');
    if (p) fillSelected(p);
  }
  // In-page links move the focus to their target without touching the address's
  // fragment (it holds the map's shared view); a link to an actor selects it on the map.
  root.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href^="#"]');
    if (!a || !root.contains(a)) return;
    e.preventDefault();
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    if (target.dataset.actor) selectActor(target.dataset.actor, false);
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
  });

  function show(on) {
    shown = on;
    if (on) render();
    root.hidden = !on;
    env.onShown(on);
    if (on) {
      const art = data && data.selected ? document.getElementById(actorAnchor(data.selected)) : null;
      (art || document.getElementById('tv-title')).focus();
      if (art) art.scrollIntoView({ block: 'start' });
    }
  }
  return { show, render, markSelected, get shown() { return shown; } };
}

// editor.js — the page side of the map editor (the editor itself is C++: src/ui/editor*.cpp):
// keeping the work in the browser (localStorage) across reloads, downloads of what C++ writes
// (map JSON, the CSV set and the published site as ZIP files), and the app's own files for
// "Publier".
//
// Contents
//   1. Set-up (what app.js hands over)
//   2. Events from C++ (edit-store, edit-clear, edit-begin, download, edit-publish)
//   3. Start-up: ?edit=1 and the kept work

const storageKey = 'qfq-edit';
let ctx = null;

// ---------------------------------------------------------------------------
// 1. Set-up
// ---------------------------------------------------------------------------

// c: { module: () => wasm module, command, loadMap, notice, withString }
export function attachEditor(c) { ctx = c; }

function saved() {
  try { return JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
}

// ---------------------------------------------------------------------------
// 2. Events from C++
// ---------------------------------------------------------------------------

// Hands the bytes to the browser as a file, and keeps them for tests and scripts.
function saveBytes(name, mime, bytes) {
  window.qfq.lastDownload = { name, mime, bytes };
  const a = document.createElement('a');
  a.rel = 'noopener noreferrer';
  a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// "Publier": the app's files (listed by the build in app-files.json) go to C++, which adds the
// maps, the catalogue and the glossary pages and zips the whole site.
async function publish() {
  const m = ctx.module();
  let list;
  try {
    list = await (await fetch('app-files.json')).json();
  } catch (e) {
    ctx.notice('Publication impossible : la liste des fichiers de l’application (app-files.json) est absente',
               'Cannot publish: the list of the app’s files (app-files.json) is missing');
    return;
  }
  m._qfq_edit_app_file(0, 0, 0);
  for (const name of list) {
    const bytes = new Uint8Array(await (await fetch(name)).arrayBuffer());
    const p = m._malloc(Math.max(bytes.length, 1));
    m.HEAPU8.set(bytes, p);
    ctx.withString(name, (n) => m._qfq_edit_app_file(n, p, bytes.length));
    m._free(p);
  }
  const answer = ctx.command({ cmd: 'edit.publish' });
  if (answer.ok) ctx.notice(`Site prêt : ${answer.files} fichiers de l’application et les cartes, dans un ZIP à déposer chez l’hébergeur`,
                            `Site ready: ${answer.files} app files and the maps, in a ZIP to upload to the host`);
}

// Restores the kept work, or starts a new overlay of the map on screen.
async function begin() {
  const work = saved();
  if (work && work.text) {
    let answer = ctx.command({ cmd: 'edit.restore', name: work.name, text: work.text, original: work.original || '' });
    if (!answer.ok && answer.needBase) {  // the map it extends is not loaded yet
      await ctx.loadMap(answer.needBase);
      answer = ctx.command({ cmd: 'edit.restore', name: work.name, text: work.text, original: work.original || '' });
    }
    if (answer.ok) return;
  }
  ctx.command({ cmd: 'edit.start' });
}

export function editorEvent(name, payload) {
  if (name === 'edit-store') {
    try {
      localStorage.setItem(storageKey, payload);
    } catch (e) {
      ctx.notice('Le navigateur refuse de garder le travail (stockage plein ou désactivé) : enregistrer le fichier',
                 'The browser will not keep the work (storage full or disabled): save the file');
    }
  } else if (name === 'edit-clear') {
    localStorage.removeItem(storageKey);
  } else if (name === 'edit-begin') {
    begin();
  } else if (name === 'download') {
    const { name: file, mime } = JSON.parse(payload);
    const m = ctx.module();
    const p = m._qfq_edit_download_data();
    saveBytes(file, mime, m.HEAPU8.slice(p, p + m._qfq_edit_download_size()));
  } else if (name === 'edit-publish') {
    publish();
  } else {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// 3. Start-up
// ---------------------------------------------------------------------------

// ?edit=1 opens the editor on the map loaded (with the kept work, if any).
export async function startEditor(params) {
  if (params.get('edit') === '1') await begin();
}

// input.js — the canvas's input: keys, text, pointer, wheel and dropped files.
//
// Contents
//   1. Keys: tracked by e.code from keydown to keyup (AZERTY: Shift+à gives "0" down, "à"
//      up); every key released when the window or the page loses focus
//   2. Text: a hidden <input> owns the focus while a Dear ImGui text field is active, so
//      what the browser inserts (phone keyboards, IME composition, dictation, autofill,
//      paste, AltGr characters) reaches the field as text, "école" intact
//   3. Leaving the canvas: Esc then Tab moves on to the page (no keyboard trap, WCAG 2.1.2)
//   4. Pointer, wheel, drop
//
// Every event only records input in C++ (the explorer acts on it during the next frame)
// and asks for a frame; nothing here draws.

const kEditingKeys = new Set(['Backspace', 'Delete', 'Enter', 'Tab', 'Escape', 'ArrowLeft', 'ArrowRight',
  'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
// Keys whose browser action (scrolling the page, leaving it) would fight the map's own use.
const kMapKeys = new Set([...kEditingKeys, ' ']);
const kModifiers = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'OS']);

// Which ImGui field the hidden input stands for, for screen readers (C++ names it).
const fieldLabels = {
  search: { fr: 'Rechercher un acteur ou un sigle', en: 'Search for an actor or an acronym' },
  'glossary-filter': { fr: 'Filtrer le glossaire', en: 'Filter the glossary' },
  text: { fr: 'Champ de texte de la carte', en: 'Map text field' },
};

function mods(e) { return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0); }
// AltGr reaches scripts as Ctrl+Alt (Windows) or as the AltGraph modifier: its characters
// (@ € # { [ on AZERTY) are text, not shortcuts.
function isAltGr(e) {
  return (e.ctrlKey && e.altKey) || (e.getModifierState && e.getModifierState('AltGraph'));
}

// env: { module(), call(name, ...strings), withString(s, fn), canvas(), active() (false
//        while the text view is shown), dirty(), onDrop(FileList), lang() }
export function createInput(env) {
  const field = document.getElementById('qfq-text-input');
  let escapeArmed = false;  // Esc was the last key on the map: Tab now leaves it
  let composing = false;

  const onMap = (t) => t === env.canvas() || t === document.body || t === document.documentElement || t === null;

  // -------------------------------------------------------------------------
  // 1. Keys
  // -------------------------------------------------------------------------
  function releaseAll() {
    const m = env.module();
    if (!m) return;
    m._qfq_keys_release_all();
    escapeArmed = false;
    env.dirty();
  }
  // A key pressed and released at once (phone keyboards' Backspace comes as beforeinput).
  function tap(key) {
    env.call('_qfq_key', key, `qfq-tap-${key}`);
    env.call('_qfq_key_up', key, `qfq-tap-${key}`);
    env.dirty();
  }
  function sendText(s) {
    const m = env.module();
    if (!m || !s) return;
    env.withString(s, (p) => m._qfq_text(p));
    env.dirty();
  }

  window.addEventListener('keydown', (e) => {
    const m = env.module();
    if (!m || !env.active()) return;
    const inField = e.target === field;
    if (!inField && !onMap(e.target)) return;  // the page's own controls keep their keys
    if (e.isComposing || e.keyCode === 229) return;  // an IME is composing: its text comes by events
    if (!inField && e.key === 'Tab' && escapeArmed) {
      // Esc then Tab: the browser moves the focus on; nothing is sent to the map.
      escapeArmed = false;
      releaseAll();
      return;
    }
    // (A modifier pressed on its way to Shift+Tab keeps the Esc in force.)
    if (!kModifiers.has(e.key)) escapeArmed = !inField && e.key === 'Escape';
    m._qfq_key_state(1, mods(e));
    const used = env.call('_qfq_key', e.key, e.code) === 1;
    env.dirty();
    const altGr = isAltGr(e);
    const shortcut = (e.ctrlKey || e.metaKey) && !altGr;
    const printable = [...e.key].length === 1 && !shortcut;
    if (inField) {
      // Text comes by the input event (so IMEs, dictation and paste take the same path);
      // editing keys go to the field in C++ and not into the hidden input. Ctrl+V is left
      // alone: the browser then sends `paste`.
      if (kEditingKeys.has(e.key)) e.preventDefault();
      else if (shortcut && ['a', 'z', 'y'].includes(e.key.toLowerCase())) e.preventDefault();
      return;
    }
    if (printable) sendText(e.key);
    // Keep the browser from scrolling or leaving the page on keys the map uses; never on
    // Ctrl/⌘ shortcuts (paste, reload, close tab stay the browser's).
    if (!shortcut && (printable || kMapKeys.has(e.key) || used)) e.preventDefault();
  });
  window.addEventListener('keyup', (e) => {
    const m = env.module();
    if (!m) return;
    // Always: a key pressed on the map and released elsewhere is released all the same.
    m._qfq_key_state(0, mods(e));
    env.call('_qfq_key_up', e.key, e.code);
    env.dirty();
  });
  window.addEventListener('blur', releaseAll);
  document.addEventListener('visibilitychange', () => { if (document.hidden) releaseAll(); });
  window.addEventListener('focus', () => { const m = env.module(); if (m) { m._qfq_app_focus(1); env.dirty(); } });

  // -------------------------------------------------------------------------
  // 2. Text
  // -------------------------------------------------------------------------
  function flush() {
    const v = field.value;
    field.value = '';
    sendText(v);
  }
  field.addEventListener('beforeinput', (e) => {
    // Deletions and line breaks from phone keyboards and IMEs arrive here, not as keys.
    if (e.inputType === 'deleteContentBackward' || e.inputType === 'deleteWordBackward') {
      e.preventDefault();
      tap('Backspace');
    } else if (e.inputType === 'deleteContentForward' || e.inputType === 'deleteWordForward') {
      e.preventDefault();
      tap('Delete');
    } else if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') {
      e.preventDefault();
      tap('Enter');
    } else if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
      // Ctrl+Z / Ctrl+Y are the app's (ImGui fields, the editor's history): the browser's own
      // undo of this hidden field would re-insert text it already handed over.
      e.preventDefault();
    }
  });
  field.addEventListener('input', (e) => { if (!composing && !e.isComposing) flush(); });
  field.addEventListener('compositionstart', () => { composing = true; field.classList.add('composing'); });
  field.addEventListener('compositionend', () => {
    composing = false;
    field.classList.remove('composing');
    flush();
  });
  // The field lost the focus to something else on the page (not the map): the ImGui field
  // lets go too, or the next frame would take the focus back.
  field.addEventListener('blur', (e) => {
    const m = env.module();
    if (m && document.hasFocus() && e.relatedTarget && e.relatedTarget !== env.canvas()) {
      m._qfq_text_field_release();
      env.dirty();
    }
  });
  // System paste (Ctrl+V, ⌘V, Shift+Insert, the context menu), on the map or in a field.
  window.addEventListener('paste', (e) => {
    if (!env.module() || !env.active() || (e.target !== field && !onMap(e.target))) return;
    const t = e.clipboardData ? e.clipboardData.getData('text') : '';
    if (!t) return;
    e.preventDefault();
    // Ctrl is still down (the paste comes from Ctrl+V's keydown) and ImGui drops text typed
    // with Ctrl held: the text goes in as typed without modifiers; the next key event sets
    // them again.
    env.module()._qfq_key_state(0, 0);
    sendText(t);
  });

  // After each frame: the hidden input follows the ImGui field (focus, place, name).
  function afterFrame() {
    const m = env.module();
    if (!m) return;
    const f = new Float32Array(m.HEAPU8.buffer, m._qfq_text_field(), 5);  // a fresh view: memory may grow
    const active = f[0] > 0;
    if (active) {
      const [x, y, w, h] = [f[1], f[2], f[3], f[4]];
      field.style.left = `${x}px`;
      field.style.top = `${y}px`;
      field.style.width = `${Math.max(w, 20)}px`;
      field.style.height = `${Math.max(h, 16)}px`;
      const name = readName(m);
      const label = (fieldLabels[name] || fieldLabels.text)[env.lang()];
      if (field.getAttribute('aria-label') !== label) field.setAttribute('aria-label', label);
      // Take the focus from the map only (never from the page's other controls).
      if (document.activeElement !== field && onMap(document.activeElement)) field.focus({ preventScroll: true });
    } else if (document.activeElement === field) {
      if (!composing) field.value = '';
      env.canvas().focus({ preventScroll: true });
    }
  }
  function readName(m) {
    const p = m._qfq_text_field_name();
    return p ? m.UTF8ToString(p) : 'text';
  }

  // -------------------------------------------------------------------------
  // 4. Pointer, wheel, drop
  // -------------------------------------------------------------------------
  function canvasPoint(e) {
    const r = e.target.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  function attach() {
    const c = env.canvas();
    const pointer = (kind) => (e) => {
      const m = env.module();
      if (!m) return;
      if (kind === 0) {
        c.focus({ preventScroll: true });
        c.setPointerCapture(e.pointerId);
        escapeArmed = false;
      }
      const [x, y] = canvasPoint(e);
      m._qfq_pointer(kind, e.pointerId, x, y, e.button, e.pointerType === 'touch' ? 1 : 0);
      env.dirty();
      e.preventDefault();
      // A tap on a text field: phones open their keyboard only for a focus given during
      // the gesture, so the hidden input is focused here when the last frame had a field
      // under the finger.
      if (kind === 2 && m._qfq_text_field_hovered()) field.focus({ preventScroll: true });
    };
    c.addEventListener('pointerdown', pointer(0));
    c.addEventListener('pointermove', pointer(1));
    c.addEventListener('pointerup', pointer(2));
    c.addEventListener('pointercancel', pointer(3));
    c.addEventListener('pointerleave', (e) => {
      const m = env.module();
      if (m && e.pointerType === 'mouse') { m._qfq_pointer(4, e.pointerId, 0, 0, 0, 0); env.dirty(); }
    });
    c.addEventListener('contextmenu', (e) => e.preventDefault());
    c.addEventListener('wheel', (e) => {
      const m = env.module();
      if (!m) return;
      const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const [x, y] = canvasPoint(e);
      m._qfq_wheel(x, y, e.deltaX * k, e.deltaY * k, e.ctrlKey ? 1 : 0);
      env.dirty();
      e.preventDefault();
    }, { passive: false });
    c.addEventListener('dragover', (e) => e.preventDefault());
    c.addEventListener('drop', (e) => {
      e.preventDefault();
      env.onDrop(e.dataTransfer.files);
    });
  }

  return { attach, afterFrame, releaseAll, field };
}

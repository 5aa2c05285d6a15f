// events-shim.mjs — just enough of Node's EventEmitter for sigma and graphology to run in
// the benchmark page without a bundler (our own code; the API is Node's documented one).
export class EventEmitter {
  constructor() { this._events = new Map(); }
  on(name, fn) { (this._events.get(name) || this._events.set(name, []).get(name)).push(fn); return this; }
  addListener(name, fn) { return this.on(name, fn); }
  prependListener(name, fn) { (this._events.get(name) || this._events.set(name, []).get(name)).unshift(fn); return this; }
  once(name, fn) { const w = (...a) => { this.off(name, w); fn.apply(this, a); }; return this.on(name, w); }
  off(name, fn) {
    const list = this._events.get(name);
    if (list) { const i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); }
    return this;
  }
  removeListener(name, fn) { return this.off(name, fn); }
  removeAllListeners(name) { if (name === undefined) this._events.clear(); else this._events.delete(name); return this; }
  emit(name, ...args) {
    const list = this._events.get(name);
    if (!list || !list.length) return false;
    for (const fn of [...list]) fn.apply(this, args);
    return true;
  }
  listeners(name) { return [...(this._events.get(name) || [])]; }
  listenerCount(name) { return (this._events.get(name) || []).length; }
  setMaxListeners() { return this; }
  getMaxListeners() { return Infinity; }
  eventNames() { return [...this._events.keys()]; }
}
export default EventEmitter;

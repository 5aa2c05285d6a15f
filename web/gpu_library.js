// gpu_library.js — Emscripten JS library: the C side of render/gpu.h.
// Each function forwards to the active backend (Module.qfqGpu), passing the current
// wasm memory buffer: with ALLOW_MEMORY_GROWTH old views go stale, so none is kept.
mergeInto(LibraryManager.library, {
  qfq_gpu_set_font_atlas: function (rgba, width, height) {
    Module.qfqGpu.setFontAtlas(HEAPU8.buffer, rgba, width, height);
  },
  qfq_gpu_begin_frame: function (width, height, clear) {
    Module.qfqGpu.beginFrame(width, height, clear >>> 0);
  },
  qfq_gpu_draw_edges: function (edges, count, view) {
    Module.qfqGpu.drawEdges(HEAPU8.buffer, edges, count, view);
  },
  qfq_gpu_draw_nodes: function (nodes, count, view) {
    Module.qfqGpu.drawNodes(HEAPU8.buffer, nodes, count, view);
  },
  qfq_gpu_draw_ui: function (vertices, vertexCount, indices, indexCount, commands, commandCount,
                             displayWidth, displayHeight) {
    Module.qfqGpu.drawUi(HEAPU8.buffer, vertices, vertexCount, indices, indexCount, commands,
                         commandCount, displayWidth, displayHeight);
  },
  qfq_gpu_end_frame: function () {
    Module.qfqGpu.endFrame();
  },
  // Browser services the app asks for (not drawing): links, clipboard, URL state.
  // The page decides whether a link from a map may open (only http(s), without opener or
  // referrer): nothing opens if it has not said how.
  qfq_js_open_url: function (url) {
    if (Module.qfqOpenUrl) Module.qfqOpenUrl(UTF8ToString(url));
  },
  qfq_js_set_clipboard: function (text) {
    const s = UTF8ToString(text);
    if (navigator.clipboard) navigator.clipboard.writeText(s).catch(function () {});
    Module.qfqClipboard = s;
  },
  qfq_js_event: function (name, payload) {
    if (Module.qfqOnEvent) Module.qfqOnEvent(UTF8ToString(name), UTF8ToString(payload));
  },
});

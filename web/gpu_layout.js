// gpu_layout.js — the memory layouts of the GPU bridge (src/render/gpu.h), in one table that
// both backends (gpu_webgpu.js, gpu_webgl2.js) read their strides, offsets and attribute
// formats from: nothing about the layout is written a second time in JavaScript.
//
// Contents
//   1. The table (strict JSON between the markers: tests/unit/test_gpu_layout.cpp parses it
//      and compares every size and offset with sizeof/offsetof of the C++ structs)
//   2. Helpers: WebGL2 attribute arguments, word indices of a field
//
// Formats are WebGPU vertex formats; `location` is the shader input (WGSL @location, GLSL
// layout(location)). Fields without a location are read by JavaScript, not by a shader.

// ---------------------------------------------------------------------------
// 1. The table
// ---------------------------------------------------------------------------

export const GPU_LAYOUT = /* BEGIN GPU LAYOUT */ {
  "node": { "struct": "QfqNodeInstance", "size": 24, "fields": [
    { "name": "x", "offset": 0, "format": "float32x2", "location": 0 },
    { "name": "radius", "offset": 8, "format": "float32", "location": 1 },
    { "name": "fill", "offset": 12, "format": "unorm8x4", "location": 2 },
    { "name": "stroke", "offset": 16, "format": "unorm8x4", "location": 3 },
    { "name": "strokeWidth", "offset": 20, "format": "float32", "location": 4 }
  ] },
  "edge": { "struct": "QfqEdgeInstance", "size": 32, "fields": [
    { "name": "x0", "offset": 0, "format": "float32x4", "location": 0 },
    { "name": "colour", "offset": 16, "format": "unorm8x4", "location": 1 },
    { "name": "width", "offset": 20, "format": "float32", "location": 2 },
    { "name": "arrow", "offset": 24, "format": "float32", "location": 3 },
    { "name": "dash", "offset": 28, "format": "float32", "location": 4 }
  ] },
  "uiVertex": { "struct": "QfqUiVertex", "size": 20, "fields": [
    { "name": "x", "offset": 0, "format": "float32x2", "location": 0 },
    { "name": "u", "offset": 8, "format": "float32x2", "location": 1 },
    { "name": "colour", "offset": 16, "format": "unorm8x4", "location": 2 }
  ] },
  "uiCommand": { "struct": "QfqUiCommand", "size": 28, "fields": [
    { "name": "clip", "offset": 0, "format": "float32x4" },
    { "name": "texture", "offset": 16, "format": "uint32" },
    { "name": "firstIndex", "offset": 20, "format": "uint32" },
    { "name": "indexCount", "offset": 24, "format": "uint32" }
  ] },
  "view": { "struct": "QfqView", "size": 32, "fields": [
    { "name": "zoom", "offset": 0, "format": "float32" },
    { "name": "centerX", "offset": 4, "format": "float32" },
    { "name": "centerY", "offset": 8, "format": "float32" },
    { "name": "dpr", "offset": 12, "format": "float32" },
    { "name": "width", "offset": 16, "format": "float32" },
    { "name": "height", "offset": 20, "format": "float32" },
    { "name": "fade", "offset": 24, "format": "float32" },
    { "name": "pad", "offset": 28, "format": "float32" }
  ] }
} /* END GPU LAYOUT */;

// ---------------------------------------------------------------------------
// 2. Helpers
// ---------------------------------------------------------------------------

// The shader inputs of a layout as [location, components, isFloat, normalized, offset].
export function shaderInputs(layout) {
  return layout.fields.filter((f) => f.location !== undefined).map((f) => {
    const m = /^(float32|unorm8)(?:x(\d))?$/.exec(f.format);
    if (!m) throw new Error(`gpu_layout.js: no shader input of format ${f.format}`);
    return [f.location, Number(m[2] || 1), m[1] === 'float32', m[1] === 'unorm8', f.offset];
  });
}

// WebGPU vertex attributes of a layout.
export function webGpuAttributes(layout) {
  return layout.fields.filter((f) => f.location !== undefined)
    .map((f) => ({ shaderLocation: f.location, offset: f.offset, format: f.format }));
}

// Index of a field in a Float32Array/Uint32Array over one record, and words per record.
export function word(layout, name) {
  const f = layout.fields.find((x) => x.name === name);
  if (!f) throw new Error(`gpu_layout.js: ${layout.struct} has no field ${name}`);
  return f.offset / 4;
}
export const words = (layout) => layout.size / 4;

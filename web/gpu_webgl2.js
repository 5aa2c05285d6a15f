// gpu_webgl2.js — WebGL2 backend of the GPU bridge (see src/render/gpu.h).
//
// Contents
//   1. Creation: context, programs (shaders/*.glsl), vertex arrays; made again when a
//      lost context is restored
//   2. The bridge calls: setFontAtlas, beginFrame, drawEdges, drawNodes, drawUi, endFrame
//
// Same ABI and same pixels as gpu_webgpu.js: instanced quads for nodes and edges,
// premultiplied alpha, scissored UI commands.

import { GPU_LAYOUT, shaderInputs, word, words } from './gpu_layout.js';

// Strides and offsets: gpu_layout.js, the one table shared with gpu_webgpu.js.
const NODE_STRIDE = GPU_LAYOUT.node.size;
const EDGE_STRIDE = GPU_LAYOUT.edge.size;
const UI_VERTEX_STRIDE = GPU_LAYOUT.uiVertex.size;
const VIEW_BYTES = GPU_LAYOUT.view.size;
const CMD = { words: words(GPU_LAYOUT.uiCommand), clip: word(GPU_LAYOUT.uiCommand, 'clip'),
              first: word(GPU_LAYOUT.uiCommand, 'firstIndex'), count: word(GPU_LAYOUT.uiCommand, 'indexCount') };
const FRAGMENT_MARKER = '// ---- fragment ----';

function program(gl, source, name) {
  const [vs, fs] = source.split(FRAGMENT_MARKER).map((s) => s.slice(s.indexOf('#version')));
  const p = gl.createProgram();
  for (const [type, text] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]]) {
    const s = gl.createShader(type);
    gl.shaderSource(s, text);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`GLSL ${name}: ${gl.getShaderInfoLog(s)}`);
    gl.attachShader(p, s);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`GLSL ${name}: ${gl.getProgramInfoLog(p)}`);
  return p;
}

// The shader inputs of one gpu_layout.js layout.
function vertexArray(gl, buffer, layout, divisor) {
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  for (const [loc, size, isFloat, normalized, offset] of shaderInputs(layout)) {
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, size, isFloat ? gl.FLOAT : gl.UNSIGNED_BYTE, normalized, layout.size, offset);
    gl.vertexAttribDivisor(loc, divisor);
  }
  gl.bindVertexArray(null);
  return vao;
}

// ---------------------------------------------------------------------------
// 1. Creation
// ---------------------------------------------------------------------------

// Everything that lives in the context: made at creation and again when a lost context is
// restored (the old objects are gone with it).
function createResources(gl, shaders) {
  const r = {
    nodeProgram: program(gl, shaders.nodesGlsl, 'nodes.glsl'),
    edgeProgram: program(gl, shaders.edgesGlsl, 'edges.glsl'),
    uiProgram: program(gl, shaders.uiGlsl, 'ui.glsl'),
    fontTexture: null,
  };
  r.viewBuffer = gl.createBuffer();
  gl.bindBuffer(gl.UNIFORM_BUFFER, r.viewBuffer);
  gl.bufferData(gl.UNIFORM_BUFFER, VIEW_BYTES, gl.DYNAMIC_DRAW);
  for (const p of [r.nodeProgram, r.edgeProgram]) gl.uniformBlockBinding(p, gl.getUniformBlockIndex(p, 'View'), 0);

  r.nodeBuffer = gl.createBuffer();
  r.nodeVao = vertexArray(gl, r.nodeBuffer, GPU_LAYOUT.node, 1);
  r.edgeBuffer = gl.createBuffer();
  r.edgeVao = vertexArray(gl, r.edgeBuffer, GPU_LAYOUT.edge, 1);
  r.uiVertexBuffer = gl.createBuffer();
  r.uiVao = vertexArray(gl, r.uiVertexBuffer, GPU_LAYOUT.uiVertex, 0);
  r.uiIndexBuffer = gl.createBuffer();
  gl.bindVertexArray(r.uiVao);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, r.uiIndexBuffer);
  gl.bindVertexArray(null);
  r.screenLocation = gl.getUniformLocation(r.uiProgram, 'screenSize');
  gl.useProgram(r.uiProgram);
  gl.uniform1i(gl.getUniformLocation(r.uiProgram, 'atlas'), 0);
  return r;
}

// hooks.onLost(why) when the context goes; hooks.onRestored() once it is back with fresh
// resources, so the caller re-sends what only it has (the font atlas) and draws again.
export function createWebGl2Backend(canvas, shaders, { onLost, onRestored = () => {}, onError = () => {} }) {
  const gl = canvas.getContext('webgl2', { antialias: false, alpha: false, premultipliedAlpha: true,
                                          preserveDrawingBuffer: true });
  if (!gl) throw new Error('WebGL2 is not available');
  let r = createResources(gl, shaders);
  let lost = false;
  // preventDefault tells the browser we will rebuild, so it may restore the context.
  canvas.addEventListener('webglcontextlost', (e) => { e.preventDefault(); lost = true; onLost('WebGL2 context lost'); });
  canvas.addEventListener('webglcontextrestored', () => {
    try {
      r = createResources(gl, shaders);
      lost = false;
      onRestored();
    } catch (e) {
      onError(`WebGL2 restore: ${e.message}`);
    }
  });

  let frameHeight = 0;

  function instanced(prog, vao, buffer, heap, ptr, bytes, count, viewPtr) {
    gl.bindBuffer(gl.UNIFORM_BUFFER, r.viewBuffer);
    gl.bufferSubData(gl.UNIFORM_BUFFER, 0, new Uint8Array(heap, viewPtr, VIEW_BYTES));
    gl.bindBufferBase(gl.UNIFORM_BUFFER, 0, r.viewBuffer);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, new Uint8Array(heap, ptr, bytes), gl.STREAM_DRAW);
    gl.useProgram(prog);
    gl.bindVertexArray(vao);
    gl.drawArraysInstanced(gl.TRIANGLES, 0, 6, count);
    gl.bindVertexArray(null);
  }

  // -------------------------------------------------------------------------
  // 2. Bridge calls
  // -------------------------------------------------------------------------
  return {
    name: 'webgl2',
    get lost() { return lost; },
    setFontAtlas(heap, ptr, width, height) {
      if (r.fontTexture) gl.deleteTexture(r.fontTexture);
      r.fontTexture = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, r.fontTexture);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE,
                    new Uint8Array(heap, ptr, width * height * 4));
    },
    beginFrame(width, height, clear) {
      if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
      frameHeight = height;
      gl.viewport(0, 0, width, height);
      gl.disable(gl.SCISSOR_TEST);
      gl.clearColor((clear & 255) / 255, ((clear >>> 8) & 255) / 255, ((clear >>> 16) & 255) / 255, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    },
    drawEdges(heap, ptr, count, viewPtr) {
      if (count > 0) instanced(r.edgeProgram, r.edgeVao, r.edgeBuffer, heap, ptr, count * EDGE_STRIDE, count, viewPtr);
    },
    drawNodes(heap, ptr, count, viewPtr) {
      if (count > 0) instanced(r.nodeProgram, r.nodeVao, r.nodeBuffer, heap, ptr, count * NODE_STRIDE, count, viewPtr);
    },
    drawUi(heap, vtx, vtxCount, idx, idxCount, cmds, cmdCount, displayWidth, displayHeight) {
      if (!cmdCount || !r.fontTexture) return;
      gl.useProgram(r.uiProgram);
      gl.uniform2f(r.screenLocation, displayWidth, displayHeight);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, r.fontTexture);
      gl.bindVertexArray(r.uiVao);
      gl.bindBuffer(gl.ARRAY_BUFFER, r.uiVertexBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, new Uint8Array(heap, vtx, vtxCount * UI_VERTEX_STRIDE), gl.STREAM_DRAW);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint8Array(heap, idx, idxCount * 4), gl.STREAM_DRAW);
      gl.enable(gl.SCISSOR_TEST);
      const c = new Float32Array(heap, cmds, cmdCount * CMD.words);
      const ci = new Uint32Array(heap, cmds, cmdCount * CMD.words);
      for (let k = 0, at = 0; k < cmdCount; ++k, at += CMD.words) {
        const x0 = Math.max(0, Math.floor(c[at + CMD.clip])), y0 = Math.max(0, Math.floor(c[at + CMD.clip + 1]));
        const x1 = Math.ceil(c[at + CMD.clip + 2]), y1 = Math.ceil(c[at + CMD.clip + 3]);
        if (x1 <= x0 || y1 <= y0) continue;
        gl.scissor(x0, frameHeight - y1, x1 - x0, y1 - y0);  // GL's origin is bottom-left
        gl.drawElements(gl.TRIANGLES, ci[at + CMD.count], gl.UNSIGNED_INT, ci[at + CMD.first] * 4);
      }
      gl.disable(gl.SCISSOR_TEST);
      gl.bindVertexArray(null);
    },
    endFrame() {},
    // Waits until the GPU has finished the frame (benchmarks): a 1-pixel read blocks on it.
    sync() { gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); return Promise.resolve(); },
    destroy() { const ext = gl.getExtension('WEBGL_lose_context'); if (ext) ext.loseContext(); },
    // For tests: the live context (WEBGL_lose_context drives a loss and a restore).
    gl,
  };
}

// gpu_webgpu.js — WebGPU backend of the GPU bridge (see src/render/gpu.h).
//
// Contents
//   1. Creation: adapter, device, canvas context, shader modules, pipelines
//   2. Per-frame arenas: growable buffers written with queue.writeBuffer
//   3. The bridge calls: setFontAtlas, beginFrame, drawEdges, drawNodes, drawUi, endFrame
//
// Creation throws on any failure (no adapter, shader compile error, validation error) so
// the caller can fall back to WebGL2; a device lost later is reported through onLost.

import { GPU_LAYOUT, webGpuAttributes, word, words } from './gpu_layout.js';

// Strides and offsets: gpu_layout.js, the one table shared with gpu_webgl2.js.
const NODE_STRIDE = GPU_LAYOUT.node.size;
const EDGE_STRIDE = GPU_LAYOUT.edge.size;
const UI_VERTEX_STRIDE = GPU_LAYOUT.uiVertex.size;
const VIEW_BYTES = GPU_LAYOUT.view.size;
const CMD = { words: words(GPU_LAYOUT.uiCommand), clip: word(GPU_LAYOUT.uiCommand, 'clip'),
              first: word(GPU_LAYOUT.uiCommand, 'firstIndex'), count: word(GPU_LAYOUT.uiCommand, 'indexCount') };
const UNIFORM_SLOT = 256;  // minUniformBufferOffsetAlignment

function unpackColour(c) {
  return { r: (c & 255) / 255, g: ((c >>> 8) & 255) / 255, b: ((c >>> 16) & 255) / 255, a: (c >>> 24) / 255 };
}

async function compile(device, code, label) {
  const module = device.createShaderModule({ code, label });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length) {
    throw new Error(`WGSL ${label}: ` + errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; '));
  }
  return module;
}

// ---------------------------------------------------------------------------
// 1. Creation
// ---------------------------------------------------------------------------
export async function createWebGpuBackend(canvas, shaders, { onLost, onError }) {
  if (!navigator.gpu) throw new Error('navigator.gpu is missing');
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const device = await adapter.requestDevice();
  // A set-up that fails after this point gives its device back: the caller falls back to
  // WebGL2, and a device kept alive for nothing holds GPU memory and its lost promise.
  try {
    return await setUp(canvas, shaders, device, { onLost, onError });
  } catch (e) {
    device.destroy();
    throw e;
  }
}

async function setUp(canvas, shaders, device, { onLost, onError }) {
  const context = canvas.getContext('webgpu');
  if (!context) throw new Error('canvas.getContext("webgpu") returned null');
  const format = navigator.gpu.getPreferredCanvasFormat();
  context.configure({ device, format, alphaMode: 'opaque' });

  device.pushErrorScope('validation');
  const graphModule = await compile(device, shaders.graphWgsl, 'graph.wgsl');
  const uiModule = await compile(device, shaders.uiWgsl, 'ui.wgsl');

  const blend = {
    color: { srcFactor: 'one', dstFactor: 'one-minus-src-alpha', operation: 'add' },
    alpha: { srcFactor: 'one', dstFactor: 'one-minus-src-alpha', operation: 'add' },
  };
  const targets = [{ format, blend }];
  const viewLayout = device.createBindGroupLayout({
    entries: [{ binding: 0, visibility: GPUShaderStage.VERTEX | GPUShaderStage.FRAGMENT,
                buffer: { type: 'uniform', hasDynamicOffset: true } }],
  });
  const graphLayout = device.createPipelineLayout({ bindGroupLayouts: [viewLayout] });
  const instanced = (stride, attributes) => [{ arrayStride: stride, stepMode: 'instance', attributes }];

  const nodePipeline = device.createRenderPipeline({
    layout: graphLayout,
    vertex: { module: graphModule, entryPoint: 'nodeVertex', buffers: instanced(NODE_STRIDE, webGpuAttributes(GPU_LAYOUT.node)) },
    fragment: { module: graphModule, entryPoint: 'nodeFragment', targets },
    primitive: { topology: 'triangle-list' },
  });
  const edgePipeline = device.createRenderPipeline({
    layout: graphLayout,
    vertex: { module: graphModule, entryPoint: 'edgeVertex', buffers: instanced(EDGE_STRIDE, webGpuAttributes(GPU_LAYOUT.edge)) },
    fragment: { module: graphModule, entryPoint: 'edgeFragment', targets },
    primitive: { topology: 'triangle-list' },
  });
  const uiLayout = device.createBindGroupLayout({
    entries: [
      { binding: 0, visibility: GPUShaderStage.VERTEX, buffer: { type: 'uniform', hasDynamicOffset: true } },
      { binding: 1, visibility: GPUShaderStage.FRAGMENT, sampler: {} },
      { binding: 2, visibility: GPUShaderStage.FRAGMENT, texture: {} },
    ],
  });
  const uiPipeline = device.createRenderPipeline({
    layout: device.createPipelineLayout({ bindGroupLayouts: [uiLayout] }),
    vertex: { module: uiModule, entryPoint: 'uiVertex',
              buffers: [{ arrayStride: UI_VERTEX_STRIDE, attributes: webGpuAttributes(GPU_LAYOUT.uiVertex) }] },
    fragment: { module: uiModule, entryPoint: 'uiFragment', targets },
    primitive: { topology: 'triangle-list' },
  });
  const sampler = device.createSampler({ minFilter: 'linear', magFilter: 'linear' });
  const creationError = await device.popErrorScope();
  if (creationError) throw new Error('WebGPU validation: ' + creationError.message);

  // Any loss the app did not ask for is reported, "destroyed" included: a driver reset, a
  // test or another script calling device.destroy() leaves the page without a renderer all
  // the same.
  let lost = false;
  let released = false;
  device.lost.then((info) => {
    lost = true;
    if (!released) onLost(info.message || info.reason || 'device lost');
  });
  device.addEventListener('uncapturederror', (e) => onError('WebGPU: ' + e.error.message));

  // -------------------------------------------------------------------------
  // 2. Per-frame arenas: each draw writes at the next free offset, so several draws
  // of one kind in a frame never overwrite each other before the submit. A buffer that
  // must grow mid-frame is replaced; the old one is destroyed after the submit.
  // -------------------------------------------------------------------------
  const retired = [];
  function arena(usage, initial) {
    return { usage, size: initial, offset: 0, buffer: device.createBuffer({ size: initial, usage: usage | GPUBufferUsage.COPY_DST }) };
  }
  function push(a, data, byteOffset, byteLength, align = 4) {
    let start = Math.ceil(a.offset / align) * align;
    const padded = Math.ceil(byteLength / 4) * 4;
    if (start + padded > a.size) {
      retired.push(a.buffer);
      a.size = Math.max(a.size * 2, 1 << Math.ceil(Math.log2(start + padded)));
      a.buffer = device.createBuffer({ size: a.size, usage: a.usage | GPUBufferUsage.COPY_DST });
      start = 0;
    }
    device.queue.writeBuffer(a.buffer, start, data, byteOffset, padded);
    a.offset = start + padded;
    return start;
  }
  const vertexArena = arena(GPUBufferUsage.VERTEX, 1 << 20);
  const indexArena = arena(GPUBufferUsage.INDEX, 1 << 18);
  const uniformArena = arena(GPUBufferUsage.UNIFORM, UNIFORM_SLOT * 16);
  const bindGroups = new Map();  // uniform buffer → bind groups, rebuilt when it changes

  let fontTexture = null;
  let uiBindGroup = null;
  let encoder = null;
  let pass = null;
  let frameWidth = 0;
  let frameHeight = 0;

  function viewBindGroup() {
    let g = bindGroups.get(uniformArena.buffer);
    if (!g) {
      g = device.createBindGroup({ layout: viewLayout, entries: [{ binding: 0, resource: { buffer: uniformArena.buffer, size: VIEW_BYTES } }] });
      bindGroups.clear();
      bindGroups.set(uniformArena.buffer, g);
    }
    return g;
  }

  // -------------------------------------------------------------------------
  // 3. Bridge calls
  // -------------------------------------------------------------------------
  return {
    name: 'webgpu',
    get lost() { return lost; },
    setFontAtlas(heap, ptr, width, height) {
      if (fontTexture) fontTexture.destroy();
      fontTexture = device.createTexture({ size: [width, height], format: 'rgba8unorm',
        usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST });
      device.queue.writeTexture({ texture: fontTexture }, new Uint8Array(heap, ptr, width * height * 4),
        { bytesPerRow: width * 4 }, [width, height]);
      uiBindGroup = null;
    },
    beginFrame(width, height, clear) {
      if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
      frameWidth = width; frameHeight = height;
      vertexArena.offset = indexArena.offset = uniformArena.offset = 0;
      encoder = device.createCommandEncoder();
      pass = encoder.beginRenderPass({ colorAttachments: [{
        view: context.getCurrentTexture().createView(), clearValue: unpackColour(clear),
        loadOp: 'clear', storeOp: 'store' }] });
    },
    drawEdges(heap, ptr, count, viewPtr) {
      if (count <= 0) return;
      const u = push(uniformArena, heap, viewPtr, VIEW_BYTES, UNIFORM_SLOT);
      const v = push(vertexArena, heap, ptr, count * EDGE_STRIDE);
      pass.setPipeline(edgePipeline);
      pass.setBindGroup(0, viewBindGroup(), [u]);
      pass.setVertexBuffer(0, vertexArena.buffer, v, count * EDGE_STRIDE);
      pass.draw(6, count);
    },
    drawNodes(heap, ptr, count, viewPtr) {
      if (count <= 0) return;
      const u = push(uniformArena, heap, viewPtr, VIEW_BYTES, UNIFORM_SLOT);
      const v = push(vertexArena, heap, ptr, count * NODE_STRIDE);
      pass.setPipeline(nodePipeline);
      pass.setBindGroup(0, viewBindGroup(), [u]);
      pass.setVertexBuffer(0, vertexArena.buffer, v, count * NODE_STRIDE);
      pass.draw(6, count);
    },
    drawUi(heap, vtx, vtxCount, idx, idxCount, cmds, cmdCount, displayWidth, displayHeight) {
      if (!cmdCount || !fontTexture) return;
      const screen = new Float32Array([displayWidth, displayHeight, 0, 0]);
      const u = push(uniformArena, screen.buffer, 0, 16, UNIFORM_SLOT);
      const v = push(vertexArena, heap, vtx, vtxCount * UI_VERTEX_STRIDE);
      const i = push(indexArena, heap, idx, idxCount * 4);
      if (!uiBindGroup || uiBindGroup.uniform !== uniformArena.buffer) {
        uiBindGroup = device.createBindGroup({ layout: uiLayout, entries: [
          { binding: 0, resource: { buffer: uniformArena.buffer, size: 16 } },
          { binding: 1, resource: sampler },
          { binding: 2, resource: fontTexture.createView() }] });
        uiBindGroup.uniform = uniformArena.buffer;
      }
      pass.setPipeline(uiPipeline);
      pass.setBindGroup(0, uiBindGroup, [u]);
      pass.setVertexBuffer(0, vertexArena.buffer, v, vtxCount * UI_VERTEX_STRIDE);
      pass.setIndexBuffer(indexArena.buffer, 'uint32', i, idxCount * 4);
      const c = new Float32Array(heap, cmds, cmdCount * CMD.words);
      const ci = new Uint32Array(heap, cmds, cmdCount * CMD.words);
      for (let k = 0, at = 0; k < cmdCount; ++k, at += CMD.words) {
        const x0 = Math.max(0, Math.floor(c[at + CMD.clip])), y0 = Math.max(0, Math.floor(c[at + CMD.clip + 1]));
        const x1 = Math.min(frameWidth, Math.ceil(c[at + CMD.clip + 2]));
        const y1 = Math.min(frameHeight, Math.ceil(c[at + CMD.clip + 3]));
        if (x1 <= x0 || y1 <= y0) continue;
        pass.setScissorRect(x0, y0, x1 - x0, y1 - y0);
        pass.drawIndexed(ci[at + CMD.count], 1, ci[at + CMD.first], 0, 0);
      }
      pass.setScissorRect(0, 0, frameWidth, frameHeight);
    },
    endFrame() {
      pass.end();
      device.queue.submit([encoder.finish()]);
      pass = encoder = null;
      while (retired.length) retired.pop().destroy();
    },
    destroy() { released = true; device.destroy(); },
    // Resolves when the GPU has finished the submitted frame (benchmarks).
    sync() { return device.queue.onSubmittedWorkDone(); },
    // For tests: the live device, and a loss that takes the same path as the browser's.
    device,
    simulateLoss() { device.destroy(); },
  };
}

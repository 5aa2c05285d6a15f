// graph.wgsl — actors (discs) and relations (segments with arrowheads), instanced.
// One quad (6 vertices) per instance; anti-aliasing from distances in device pixels.
// Output is premultiplied alpha (blend: one, one-minus-src-alpha).

struct View {
  zoom : f32, centerX : f32, centerY : f32, dpr : f32,
  width : f32, height : f32, fade : f32, pad : f32,
};
@group(0) @binding(0) var<uniform> view : View;

// World units → device pixels (origin top-left).
fn toDevice(p : vec2f) -> vec2f {
  return ((p - vec2f(view.centerX, view.centerY)) * view.zoom
          + 0.5 * vec2f(view.width, view.height)) * view.dpr;
}
fn deviceToClip(p : vec2f) -> vec4f {
  let size = vec2f(view.width, view.height) * view.dpr;
  return vec4f(p.x / size.x * 2.0 - 1.0, 1.0 - p.y / size.y * 2.0, 0.0, 1.0);
}
fn corner(i : u32) -> vec2f {
  var c = array<vec2f, 6>(vec2f(-1.0, -1.0), vec2f(1.0, -1.0), vec2f(-1.0, 1.0),
                          vec2f(-1.0, 1.0), vec2f(1.0, -1.0), vec2f(1.0, 1.0));
  return c[i];
}

// ---- nodes -----------------------------------------------------------------
struct NodeOut {
  @builtin(position) pos : vec4f,
  @location(0) local : vec2f,
  @location(1) radius : f32,
  @location(2) ring : f32,
  @location(3) fill : vec4f,
  @location(4) stroke : vec4f,
};

@vertex fn nodeVertex(@builtin(vertex_index) vi : u32,
                      @location(0) center : vec2f, @location(1) radius : f32,
                      @location(2) fill : vec4f, @location(3) stroke : vec4f,
                      @location(4) strokeWidth : f32) -> NodeOut {
  var o : NodeOut;
  let r = max(radius * view.zoom, 2.0) * view.dpr;  // never vanish when zoomed out
  let c = corner(vi) * (r + 1.5);
  o.pos = deviceToClip(toDevice(center) + c);
  o.local = c;
  o.radius = r;
  o.ring = min(strokeWidth * view.dpr, r * 0.5);
  o.fill = fill;
  o.stroke = stroke;
  return o;
}

@fragment fn nodeFragment(v : NodeOut) -> @location(0) vec4f {
  let d = length(v.local);
  let outer = clamp(v.radius - d + 0.5, 0.0, 1.0);
  let inner = clamp(v.radius - v.ring - d + 0.5, 0.0, 1.0);
  let c = mix(v.stroke, v.fill, inner);
  let a = c.a * outer;
  return vec4f(c.rgb * a, a);
}

// ---- edges -----------------------------------------------------------------
struct EdgeOut {
  @builtin(position) pos : vec4f,
  @location(0) local : vec2f,       // x along the segment from p0, y across (device px)
  @location(1) params : vec4f,      // length, half width, arrow length, arrow half width
  @location(2) colour : vec4f,
  @location(3) dash : f32,
};

@vertex fn edgeVertex(@builtin(vertex_index) vi : u32,
                      @location(0) ends : vec4f, @location(1) colour : vec4f,
                      @location(2) width : f32, @location(3) arrow : f32,
                      @location(4) dash : f32) -> EdgeOut {
  var o : EdgeOut;
  let a = toDevice(ends.xy);
  let b = toDevice(ends.zw);
  var dir = b - a;
  let len = length(dir);
  dir = select(vec2f(1.0, 0.0), dir / max(len, 1e-6), len > 1e-6);
  let nrm = vec2f(-dir.y, dir.x);
  let halfWidth = max(width * view.dpr * 0.5, 0.5);
  let arrowLen = min(arrow * view.dpr, len * 0.6);
  let arrowHalf = arrowLen * 0.45;
  let ext = max(halfWidth, arrowHalf) + 1.5;
  let c = corner(vi);
  let along = select(-1.5, len + 1.5, c.x > 0.0);
  o.pos = deviceToClip(a + dir * along + nrm * (c.y * ext));
  o.local = vec2f(along, c.y * ext);
  o.params = vec4f(len, halfWidth, arrowLen, arrowHalf);
  o.colour = colour;
  o.dash = dash;
  return o;
}

@fragment fn edgeFragment(v : EdgeOut) -> @location(0) vec4f {
  let len = v.params.x;
  let halfWidth = v.params.y;
  let arrowLen = v.params.z;
  let arrowHalf = v.params.w;
  let t = v.local.x;
  let d = abs(v.local.y);
  let lineEnd = len - arrowLen;
  var line = clamp(halfWidth - d + 0.5, 0.0, 1.0)
           * clamp(t + 0.5, 0.0, 1.0) * clamp(lineEnd - t + 0.5, 0.0, 1.0);
  if (v.dash > 0.5) {
    let period = select(13.0, 6.0, v.dash > 1.5) * view.dpr;
    let on = select(8.0, 2.5, v.dash > 1.5) * view.dpr;
    let phase = t - period * floor(t / period);
    line = line * clamp(on - phase + 0.5, 0.0, 1.0);
  }
  var head = 0.0;
  if (arrowLen > 0.0) {
    let k = (len - t) / arrowLen;  // 1 at the base of the head, 0 at the tip
    head = clamp(arrowHalf * k - d + 0.5, 0.0, 1.0)
         * clamp(len - t + 0.5, 0.0, 1.0) * clamp(t - lineEnd + 0.5, 0.0, 1.0);
  }
  let a = v.colour.a * max(line, head);
  return vec4f(v.colour.rgb * a, a);
}

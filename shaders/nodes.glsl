// nodes.glsl — WebGL2 twin of graph.wgsl's node shaders (keep them in step).
// The file holds the vertex shader, then the fragment shader after the marker line.
#version 300 es
precision highp float;
layout(std140) uniform View { vec4 v0; vec4 v1; };  // zoom, cx, cy, dpr | width, height, fade, pad
layout(location = 0) in vec2 center;
layout(location = 1) in float radius;
layout(location = 2) in vec4 fill;
layout(location = 3) in vec4 stroke;
layout(location = 4) in float strokeWidth;
out vec2 vLocal; out float vRadius; out float vRing; out vec4 vFill; out vec4 vStroke;
const vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(-1, 1), vec2(-1, 1), vec2(1, -1), vec2(1, 1));
void main() {
  float zoom = v0.x, dpr = v0.w;
  vec2 size = v1.xy * dpr;
  vec2 p = ((center - v0.yz) * zoom + 0.5 * v1.xy) * dpr;
  float r = max(radius * zoom, 2.0) * dpr;
  vec2 c = corners[gl_VertexID] * (r + 1.5);
  p += c;
  gl_Position = vec4(p.x / size.x * 2.0 - 1.0, 1.0 - p.y / size.y * 2.0, 0.0, 1.0);
  vLocal = c; vRadius = r; vRing = min(strokeWidth * dpr, r * 0.5); vFill = fill; vStroke = stroke;
}
// ---- fragment ----
#version 300 es
precision highp float;
in vec2 vLocal; in float vRadius; in float vRing; in vec4 vFill; in vec4 vStroke;
out vec4 outColour;
void main() {
  float d = length(vLocal);
  float outer = clamp(vRadius - d + 0.5, 0.0, 1.0);
  float inner = clamp(vRadius - vRing - d + 0.5, 0.0, 1.0);
  vec4 c = mix(vStroke, vFill, inner);
  float a = c.a * outer;
  outColour = vec4(c.rgb * a, a);
}

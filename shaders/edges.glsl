// edges.glsl — WebGL2 twin of graph.wgsl's edge shaders (keep them in step).
#version 300 es
precision highp float;
layout(std140) uniform View { vec4 v0; vec4 v1; };
layout(location = 0) in vec4 ends;
layout(location = 1) in vec4 colour;
layout(location = 2) in float width;
layout(location = 3) in float arrow;
layout(location = 4) in float dash;
out vec2 vLocal; out vec4 vParams; out vec4 vColour; out float vDash;
const vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(-1, 1), vec2(-1, 1), vec2(1, -1), vec2(1, 1));
vec2 toDevice(vec2 p) { return ((p - v0.yz) * v0.x + 0.5 * v1.xy) * v0.w; }
void main() {
  float dpr = v0.w;
  vec2 size = v1.xy * dpr;
  vec2 a = toDevice(ends.xy), b = toDevice(ends.zw);
  vec2 dir = b - a;
  float len = length(dir);
  dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float halfWidth = max(width * dpr * 0.5, 0.5);
  float arrowLen = min(arrow * dpr, len * 0.6);
  float arrowHalf = arrowLen * 0.45;
  float ext = max(halfWidth, arrowHalf) + 1.5;
  vec2 c = corners[gl_VertexID];
  float along = c.x > 0.0 ? len + 1.5 : -1.5;
  vec2 p = a + dir * along + nrm * (c.y * ext);
  gl_Position = vec4(p.x / size.x * 2.0 - 1.0, 1.0 - p.y / size.y * 2.0, 0.0, 1.0);
  vLocal = vec2(along, c.y * ext);
  vParams = vec4(len, halfWidth, arrowLen, arrowHalf);
  vColour = colour; vDash = dash;
}
// ---- fragment ----
#version 300 es
precision highp float;
layout(std140) uniform View { vec4 v0; vec4 v1; };
in vec2 vLocal; in vec4 vParams; in vec4 vColour; in float vDash;
out vec4 outColour;
void main() {
  float dpr = v0.w;
  float len = vParams.x, halfWidth = vParams.y, arrowLen = vParams.z, arrowHalf = vParams.w;
  float t = vLocal.x, d = abs(vLocal.y);
  float lineEnd = len - arrowLen;
  float line = clamp(halfWidth - d + 0.5, 0.0, 1.0) * clamp(t + 0.5, 0.0, 1.0)
             * clamp(lineEnd - t + 0.5, 0.0, 1.0);
  if (vDash > 0.5) {
    float period = (vDash > 1.5 ? 6.0 : 13.0) * dpr;
    float on = (vDash > 1.5 ? 2.5 : 8.0) * dpr;
    float phase = t - period * floor(t / period);
    line *= clamp(on - phase + 0.5, 0.0, 1.0);
  }
  float head = 0.0;
  if (arrowLen > 0.0) {
    float k = (len - t) / arrowLen;
    head = clamp(arrowHalf * k - d + 0.5, 0.0, 1.0) * clamp(len - t + 0.5, 0.0, 1.0)
         * clamp(t - lineEnd + 0.5, 0.0, 1.0);
  }
  float a = vColour.a * max(line, head);
  outColour = vec4(vColour.rgb * a, a);
}

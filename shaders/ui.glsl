// ui.glsl — WebGL2 twin of ui.wgsl (keep them in step).
#version 300 es
precision highp float;
uniform vec2 screenSize;
layout(location = 0) in vec2 pos;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 colour;
out vec2 vUv; out vec4 vColour;
void main() {
  gl_Position = vec4(pos.x / screenSize.x * 2.0 - 1.0, 1.0 - pos.y / screenSize.y * 2.0, 0.0, 1.0);
  vUv = uv; vColour = colour;
}
// ---- fragment ----
#version 300 es
precision highp float;
uniform sampler2D atlas;
in vec2 vUv; in vec4 vColour;
out vec4 outColour;
void main() {
  vec4 c = vColour * texture(atlas, vUv);
  outColour = vec4(c.rgb * c.a, c.a);
}

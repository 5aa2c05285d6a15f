// ui.wgsl — Dear ImGui's triangles: position in CSS pixels, font atlas texture.
// Output is premultiplied alpha (blend: one, one-minus-src-alpha).

struct Screen { size : vec2f, pad : vec2f };
@group(0) @binding(0) var<uniform> screen : Screen;
@group(0) @binding(1) var atlasSampler : sampler;
@group(0) @binding(2) var atlas : texture_2d<f32>;

struct UiOut {
  @builtin(position) pos : vec4f,
  @location(0) uv : vec2f,
  @location(1) colour : vec4f,
};

@vertex fn uiVertex(@location(0) pos : vec2f, @location(1) uv : vec2f,
                    @location(2) colour : vec4f) -> UiOut {
  var o : UiOut;
  o.pos = vec4f(pos.x / screen.size.x * 2.0 - 1.0, 1.0 - pos.y / screen.size.y * 2.0, 0.0, 1.0);
  o.uv = uv;
  o.colour = colour;
  return o;
}

@fragment fn uiFragment(v : UiOut) -> @location(0) vec4f {
  let c = v.colour * textureSample(atlas, atlasSampler, v.uv);
  return vec4f(c.rgb * c.a, c.a);
}

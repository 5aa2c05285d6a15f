// render/camera.h — the 2D camera: world units ↔ CSS pixels, with smooth flights.
#pragma once

#include <algorithm>
#include <cmath>

namespace qfq::render {

struct Camera {
    float x = 0, y = 0;  // world point at the centre of the canvas
    float zoom = 1;      // CSS pixels per world unit
    // Flight target; the camera eases toward it each frame (animating = true).
    float toX = 0, toY = 0, toZoom = 1;
    bool animating = false;

    static constexpr float kMinZoom = 0.0005f, kMaxZoom = 40.0f;

    float screenX(float wx, float width) const { return (wx - x) * zoom + width * 0.5f; }
    float screenY(float wy, float height) const { return (wy - y) * zoom + height * 0.5f; }
    float worldX(float sx, float width) const { return (sx - width * 0.5f) / zoom + x; }
    float worldY(float sy, float height) const { return (sy - height * 0.5f) / zoom + y; }

    // Zooms by `factor` keeping the world point under (sx, sy) in place.
    void zoomAt(float factor, float sx, float sy, float width, float height) {
        float wx = worldX(sx, width), wy = worldY(sy, height);
        zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
        x = wx - (sx - width * 0.5f) / zoom;
        y = wy - (sy - height * 0.5f) / zoom;
        animating = false;
    }
    void panPixels(float dx, float dy) {
        x -= dx / zoom;
        y -= dy / zoom;
        animating = false;
    }
    void flyTo(float wx, float wy, float z) {
        toX = wx;
        toY = wy;
        toZoom = std::clamp(z, kMinZoom, kMaxZoom);
        animating = true;
    }
    // Frame-rate independent easing; snaps when close so the animation ends.
    void update(float dtSeconds) {
        if (!animating) return;
        float k = 1.0f - std::exp(-dtSeconds * 9.0f);
        x += (toX - x) * k;
        y += (toY - y) * k;
        zoom *= std::pow(toZoom / zoom, k);
        if (std::fabs(toX - x) * zoom < 0.25f && std::fabs(toY - y) * zoom < 0.25f &&
            std::fabs(toZoom / zoom - 1.0f) < 0.002f) {
            x = toX, y = toY, zoom = toZoom;
            animating = false;
        }
    }
};

}  // namespace qfq::render

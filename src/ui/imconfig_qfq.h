// ui/imconfig_qfq.h — our Dear ImGui configuration (IMGUI_USER_CONFIG).
#pragma once

// 32-bit indices: the GPU bridge flattens every draw list into one index buffer with
// global indices, so WebGL2 (no base-vertex draws) and WebGPU draw the same way.
#define ImDrawIdx unsigned int

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
// The browser has no files for ImGui to save window positions into.
#define IMGUI_DISABLE_FILE_FUNCTIONS

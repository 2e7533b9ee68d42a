// Dear ImGui's draw lists on WebGL (1 or 2): the page's renderer backend, in place of
// imgui_impl_opengl3. The page owns its WebGL context, so nothing is read back from it: no state is
// saved and restored around a frame, and no shader status is asked for before the first frame is on
// screen (each such query waits for the GPU process, and under a phone's CPU they added up to tens of
// milliseconds before the first answer). The font atlas is one alpha byte per pixel, a quarter of
// the RGBA texture ImGui's own backend uploads.
#pragma once

struct ImDrawData;

namespace yibao::web::renderer {

// Compiles the shaders and makes the buffers in the current context. False when WebGL refused.
bool init();

// The font atlas (ImGui's io.Fonts, built) as the texture the draw lists name.
void upload_font_atlas();

// Draws a frame's lists into the framebuffer (fb_w × fb_h device pixels, already cleared).
void render(const ImDrawData* draw_data, int fb_w, int fb_h);

// Once the first frame is on screen: whether the shaders compiled and linked (a log line if not).
bool shaders_ok();

}  // namespace yibao::web::renderer

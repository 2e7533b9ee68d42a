#include "platform/renderer.h"

#include <GLES2/gl2.h>
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>

#include "imgui.h"

namespace yibao::web::renderer {

namespace {

// GLSL ES 1.00: WebGL 1 and 2 both compile it. The atlas is an alpha texture (GL_ALPHA, valid in
// both), so the glyph coverage is its .a; solid shapes sample the atlas's white pixel (alpha 1).
constexpr const char* vertex_shader = R"(
uniform vec4 u_view;
attribute vec2 a_pos;
attribute vec2 a_uv;
attribute vec4 a_col;
varying vec2 v_uv;
varying vec4 v_col;
void main() {
  v_uv = a_uv;
  v_col = a_col;
  gl_Position = vec4(a_pos * u_view.xy + u_view.zw, 0.0, 1.0);
})";

constexpr const char* fragment_shader = R"(
precision mediump float;
uniform sampler2D u_atlas;
varying vec2 v_uv;
varying vec4 v_col;
void main() {
  gl_FragColor = vec4(v_col.rgb, v_col.a * texture2D(u_atlas, v_uv).a);
})";

EM_JS(void, js_error, (const char* log),
      { console.error('yibao: the WebGL shaders did not link: ' + UTF8ToString(log)); });

enum attribute : GLuint { a_pos = 0, a_uv = 1, a_col = 2 };

struct state {
    GLuint program = 0, vs = 0, fs = 0;
    GLint u_view = -1, u_atlas = -1;
    GLuint vbo = 0, ibo = 0, atlas = 0;
} gl;

GLuint shader(GLenum type, const char* source) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    return s;
}

}  // namespace

bool init() {
    gl.vs = shader(GL_VERTEX_SHADER, vertex_shader);
    gl.fs = shader(GL_FRAGMENT_SHADER, fragment_shader);
    gl.program = glCreateProgram();
    if (!gl.vs || !gl.fs || !gl.program) return false;
    glAttachShader(gl.program, gl.vs);
    glAttachShader(gl.program, gl.fs);
    glBindAttribLocation(gl.program, a_pos, "a_pos");
    glBindAttribLocation(gl.program, a_uv, "a_uv");
    glBindAttribLocation(gl.program, a_col, "a_col");
    glLinkProgram(gl.program);
    glGenBuffers(1, &gl.vbo);
    glGenBuffers(1, &gl.ibo);
    glFlush();  // the GPU process compiles and links now, while the page lays out its first screen
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "yibao_webgl";
    return gl.vbo && gl.ibo;
}

bool shaders_ok() {
    GLint linked = 0;
    glGetProgramiv(gl.program, GL_LINK_STATUS, &linked);
    if (linked) return true;
    char log[512] = {};
    glGetProgramInfoLog(gl.program, sizeof log, nullptr, log);
    js_error(log);
    return false;
}

void upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!gl.atlas) glGenTextures(1, &gl.atlas);
    glBindTexture(GL_TEXTURE_2D, gl.atlas);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA, w, h, 0, GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(gl.atlas)));
}

void render(const ImDrawData* d, int fb_w, int fb_h) {
    if (!d || fb_w <= 0 || fb_h <= 0 || d->CmdListsCount == 0) return;
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(gl.program);
    if (gl.u_view < 0) {  // asked at the first frame, when the link is done, not at once (a wait)
        gl.u_view = glGetUniformLocation(gl.program, "u_view");
        gl.u_atlas = glGetUniformLocation(gl.program, "u_atlas");
    }
    // Device pixels to clip space: x' = 2 (x - left) / width - 1, y' = 1 - 2 (y - top) / height.
    const float l = d->DisplayPos.x, t = d->DisplayPos.y, w = d->DisplaySize.x, h = d->DisplaySize.y;
    glUniform4f(gl.u_view, 2.0f / w, -2.0f / h, -1.0f - 2.0f * l / w, 1.0f + 2.0f * t / h);
    glUniform1i(gl.u_atlas, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindBuffer(GL_ARRAY_BUFFER, gl.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gl.ibo);
    glEnableVertexAttribArray(a_pos);
    glEnableVertexAttribArray(a_uv);
    glEnableVertexAttribArray(a_col);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(a_pos, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(a_uv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(a_col, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    static_assert(sizeof(ImDrawIdx) == 2, "16-bit indices (ImGui's default): WebGL 1 has no 32-bit ones");
    for (int n = 0; n < d->CmdListsCount; ++n) {
        const ImDrawList* list = d->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * stride, list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x1 = cmd.ClipRect.x - l, y1 = cmd.ClipRect.y - t;
            const float x2 = cmd.ClipRect.z - l, y2 = cmd.ClipRect.w - t;
            if (x2 <= x1 || y2 <= y1) continue;
            glScissor(static_cast<GLint>(x1), static_cast<GLint>(static_cast<float>(fb_h) - y2),
                      static_cast<GLsizei>(x2 - x1), static_cast<GLsizei>(y2 - y1));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_SHORT,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace yibao::web::renderer

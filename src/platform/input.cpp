#include "platform/input.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>

#include "imgui.h"

namespace yibao::web {

namespace {

constexpr float drag_threshold_css = 8.0f;  // a finger that moves less than this taps
constexpr float fling_decay_ms = 325.0f;    // inertia: velocity falls by e every 325 ms
constexpr float fling_min_css_per_ms = 0.02f;
// Frames drawn for an event: one shows it (a tap's answer, a scroll step). A mouse button takes
// two: ImGui's input queue gives a press and a release that come together a frame each.
constexpr int frames_after_input = 1;
constexpr int frames_after_button = 2;
constexpr float pinch_ratio = 1.3f;  // fingers 30 % further apart (or closer): one 字号 step

pointer_input* self(void* user) { return static_cast<pointer_input*>(user); }

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* user) {
    // The event's own time (not the time it is handled): a busy frame must not hide a fling.
    double t = e->timestamp > 0 ? e->timestamp : emscripten_get_now();
    pointer_input* in = self(user);
    // Two fingers: a pinch between the 字号 steps (the page itself does not zoom: touch-action none).
    int down = 0;
    float xs[2] = {0, 0}, ys[2] = {0, 0};
    for (int i = 0; i < e->numTouches; ++i) {
        const bool lifted =
            (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && e->touches[i].isChanged;
        if (lifted) continue;
        if (down < 2) {
            xs[down] = static_cast<float>(e->touches[i].targetX);
            ys[down] = static_cast<float>(e->touches[i].targetY);
        }
        ++down;
    }
    if (down >= 2) {
        const float dist = std::hypot(xs[1] - xs[0], ys[1] - ys[0]);
        if (!in->pinching()) {
            // The first finger's tap or drag is over: no press when it lifts.
            for (int i = 0; i < e->numTouches; ++i)
                in->touch_end(static_cast<int>(e->touches[i].identifier), 0, 0, t, true);
            in->pinch_start(dist);
        } else {
            in->pinch_move(dist);
        }
        return EM_TRUE;
    }
    if (in->pinching()) {
        if (down == 0) in->pinch_end();
        return EM_TRUE;
    }
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& p = e->touches[i];
        if (!p.isChanged) continue;
        float x = static_cast<float>(p.targetX), y = static_cast<float>(p.targetY);
        int id = static_cast<int>(p.identifier);
        switch (type) {
            case EMSCRIPTEN_EVENT_TOUCHSTART:
                self(user)->touch_start(id, x, y, t);
                break;
            case EMSCRIPTEN_EVENT_TOUCHMOVE:
                self(user)->touch_move(id, x, y, t);
                break;
            case EMSCRIPTEN_EVENT_TOUCHEND:
                self(user)->touch_end(id, x, y, t, false);
                break;
            default:
                self(user)->touch_end(id, x, y, t, true);
                break;
        }
    }
    return EM_TRUE;  // preventDefault: no emulated mouse events, no browser scrolling or zoom
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* user) {
    float x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEDOWN:
            if (e->button == 0) self(user)->mouse_button(true, x, y);
            break;
        case EMSCRIPTEN_EVENT_MOUSEUP:
            if (e->button == 0) self(user)->mouse_button(false, x, y);
            break;
        case EMSCRIPTEN_EVENT_MOUSEMOVE:
            self(user)->mouse_move(x, y);
            break;
        case EMSCRIPTEN_EVENT_MOUSELEAVE:
            self(user)->mouse_leave();
            break;
        default:
            break;
    }
    return EM_TRUE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void* user) {
    double dy = e->deltaY;
    if (e->deltaMode == DOM_DELTA_LINE) dy *= 40;
    if (e->deltaMode == DOM_DELTA_PAGE) dy *= 600;
    self(user)->wheel(static_cast<float>(dy));
    return EM_TRUE;
}

}  // namespace

void pointer_input::install(const char* canvas, wake_fn wake, pinch_fn pinch, tap_fn tap) {
    wake_ = wake;
    pinch_ = pinch;
    tap_ = tap;
    emscripten_set_touchstart_callback(canvas, this, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, this, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, this, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, this, EM_FALSE, on_touch);
    emscripten_set_mousedown_callback(canvas, this, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(canvas, this, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(canvas, this, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, this, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(canvas, this, EM_FALSE, on_wheel);
}

void pointer_input::touch_start(int id, float x, float y, double t) {
    if (touch_id_ != -1) return;
    touch_id_ = id;
    start_x_ = x;
    start_y_ = y;
    last_y_ = y;
    last_t_ = t;
    dragging_ = false;
    // A finger on a moving page stops it, and that touch does not press anything.
    stopped_fling_ = std::fabs(velocity_) > fling_min_css_per_ms * scale_ * 4;
    velocity_ = 0;
}

void pointer_input::touch_move(int id, float x, float y, double t) {
    if (id != touch_id_) return;
    if (!dragging_ && std::hypot(x - start_x_, y - start_y_) > drag_threshold_css) {
        dragging_ = true;
        last_y_ = y;  // no jump: scrolling starts from here
    }
    if (!dragging_) return;
    float dy = (last_y_ - y) * scale_;
    double dt = t - last_t_;
    pending_ += dy;
    if (dt > 0) {
        float v = static_cast<float>(dy / dt);
        velocity_ = dt > 100 ? v : 0.8f * v + 0.2f * velocity_;
    }
    last_y_ = y;
    last_t_ = t;
    wake_(frames_after_input);
}

void pointer_input::touch_end(int id, float x, float y, double t, bool cancelled) {
    if (id != touch_id_) return;
    touch_id_ = -1;
    if (dragging_) {
        // Fling with the finger's last speed, unless it rested before lifting.
        if (cancelled || t - last_t_ > 80) velocity_ = 0;
        dragging_ = false;
        last_frame_t_ = 0;
        wake_(frames_after_input);
        return;
    }
    velocity_ = 0;
    if (cancelled || stopped_fling_) return;
    // A tap: the control under the finger acts on the next frame (the one frame drawn), as a click
    // from the semantics layer does. Not through ImGui's press and release, which take a frame
    // each and would leave the control highlighted on a touch screen.
    if (tap_ && tap_(x * scale_, y * scale_)) wake_(frames_after_input);
}

void pointer_input::pinch_start(float distance) {
    pinching_ = true;
    pinch_done_ = false;
    pinch_from_ = distance;
    velocity_ = 0;
}

void pointer_input::pinch_move(float distance) {
    if (pinch_done_ || pinch_from_ <= 0) return;
    const float ratio = distance / pinch_from_;
    if (ratio > pinch_ratio || ratio < 1 / pinch_ratio) {
        pinch_done_ = true;
        if (pinch_) pinch_(ratio > 1 ? +1 : -1);
    }
}

void pointer_input::mouse_button(bool down, float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x * scale_, y * scale_);
    io.AddMouseButtonEvent(0, down);
    velocity_ = 0;
    wake_(frames_after_button);
}

void pointer_input::mouse_move(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x * scale_, y * scale_);
    wake_(frames_after_input);
}

void pointer_input::mouse_leave() {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake_(frames_after_input);
}

void pointer_input::wheel(float dy_css) {
    pending_ += dy_css * scale_;
    velocity_ = 0;
    wake_(frames_after_input);
}

void pointer_input::drag_by(float dy_css) {
    pending_ += dy_css * scale_;
    velocity_ = 0;
    wake_(frames_after_input);
}

float pointer_input::take_scroll(double now_ms) {
    float d = pending_;
    pending_ = 0;
    if (touch_id_ == -1 && velocity_ != 0) {
        double dt = last_frame_t_ > 0 ? now_ms - last_frame_t_ : 16.0;
        if (dt > 50) dt = 50;
        d += velocity_ * static_cast<float>(dt);
        velocity_ *= std::exp(-static_cast<float>(dt) / fling_decay_ms);
        if (std::fabs(velocity_) < fling_min_css_per_ms * scale_) velocity_ = 0;
    }
    last_frame_t_ = velocity_ != 0 ? now_ms : 0;
    return d;
}

}  // namespace yibao::web

// Browser input for the page: touch, mouse and wheel from Emscripten's html5.h callbacks, turned
// into ImGui events (a tap = one press where tapped) and page scrolling (drag with inertia).
#pragma once

namespace yibao::web {

class pointer_input {
  public:
    using wake_fn = void (*)(int frames);
    using pinch_fn = void (*)(int direction);   // +1: fingers apart (larger text), -1: together
    using tap_fn = bool (*)(float x, float y);  // device px; true when a control was there

    // Registers the callbacks on the canvas (selector such as "#canvas"). wake asks for frames;
    // pinch is called once per two-finger gesture that spread or closed enough.
    void install(const char* canvas_selector, wake_fn wake, pinch_fn pinch, tap_fn tap);
    void set_scale(float device_pixels_per_css_px) { scale_ = device_pixels_per_css_px; }

    // Device pixels to scroll by in this frame (drag, wheel, inertia); dt in milliseconds.
    float take_scroll(double now_ms);
    // The page reached an end: stop the fling.
    void hit_edge() { velocity_ = 0; }
    bool animating() const { return velocity_ != 0; }

    // Called by the html5 callbacks (public for them, not for the rest of the page).
    void touch_start(int id, float x, float y, double t);
    void touch_move(int id, float x, float y, double t);
    void touch_end(int id, float x, float y, double t, bool cancelled);
    // Two fingers down (distance between them in CSS px), moving, or lifted.
    void pinch_start(float distance);
    void pinch_move(float distance);
    void pinch_end() { pinching_ = false; }
    bool pinching() const { return pinching_; }
    void mouse_button(bool down, float x, float y);
    void mouse_move(float x, float y);
    void mouse_leave();
    void wheel(float dy_css);
    // A drag that began on the semantics layer's selectable text (the answer): the page scrolls.
    void drag_by(float dy_css);

  private:
    wake_fn wake_ = nullptr;
    pinch_fn pinch_ = nullptr;
    tap_fn tap_ = nullptr;
    bool pinching_ = false;
    bool pinch_done_ = false;  // this gesture already changed the 字号 step
    float pinch_from_ = 0;
    float scale_ = 1;
    // The finger that scrolls or taps (others are ignored).
    int touch_id_ = -1;
    float start_x_ = 0, start_y_ = 0, last_y_ = 0;
    double last_t_ = 0;
    bool dragging_ = false;
    bool stopped_fling_ = false;  // the touch stopped a fling: it is not a tap
    float pending_ = 0;           // device px waiting to be scrolled
    float velocity_ = 0;          // device px per ms, > 0 towards the end of the page
    double last_frame_t_ = 0;
};

}  // namespace yibao::web

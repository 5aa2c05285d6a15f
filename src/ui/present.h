// ui/present.h — facilitator mode and guided tours (see present.cpp).
#pragma once

namespace qfq::ui {

struct Explorer;

void startTour(Explorer& ex, int tour);
void stopTour(Explorer& ex);
void applyTourStep(Explorer& ex);
// The presenter's keys; true when one was used this frame.
bool handlePresenterKeys(Explorer& ex);
// Step caption (whenever a tour runs), tour picker and laser pointer (facilitator mode).
void drawPresentation(Explorer& ex);

}  // namespace qfq::ui

/* Territorio briefing: the room's view and the speaker-notes window, from the page's constant bridge frame
   (territorio.stories.clicker.bridge_script). Hand-written for this project (MIT).
   - the caption's type steps down until the caption, dates, note and sources fit the window (no scrolling
     with a clicker);
   - the notes window and the room's window follow each other: a scene step in one is sent to the other over
     a BroadcastChannel (same browser, same origin), which opens the same scene. */
(function (P, opts) {
  "use strict";
  var doc = P.document;

  // --- type that fits the window -------------------------------------------------------------------
  function fit() {
    var block = doc.querySelector(".brief-facts-end");
    var caption = doc.querySelector(".brief-caption");
    if (!block || !caption) { return; }
    var key = caption.textContent + "|" + P.innerWidth + "x" + P.innerHeight;
    if (caption.territorioFit === key) { return; }
    caption.territorioFit = key;
    var size = opts.captionMax;
    caption.style.setProperty("--caption-size", size + "px");
    while (size > opts.captionMin && block.getBoundingClientRect().bottom > P.innerHeight - 6) {
      size -= 1;
      caption.style.setProperty("--caption-size", size + "px");
    }
  }

  // --- the two windows follow each other -----------------------------------------------------------
  // A step in one window is broadcast; the other clicks its own Previous / Next until it shows that scene
  // (one click per finished run), and tells nothing while it follows, so the two never chase each other.
  var channel = P.BroadcastChannel ? new P.BroadcastChannel(opts.channel) : null;
  var shown = null, target = null;

  function current() {
    var c = doc.getElementById("brief-counter");
    return c && c.dataset.story ? {story: c.dataset.story, scene: +c.dataset.scene} : null;
  }

  function idle() {
    var app = doc.querySelector("[data-testid='stApp']");
    return !app || app.getAttribute("data-test-script-state") === "notRunning";
  }

  function watch() {
    var now = current();
    if (!now) { return; }
    if (target && target.story === now.story && target.scene !== now.scene) {
      if (idle()) {
        var b = doc.querySelector(opts.buttons[target.scene > now.scene ? "next" : "prev"]);
        if (b && !b.disabled) { b.click(); } else { target = null; }
      }
      shown = now;
      return;
    }
    if (target) { target = null; shown = now; return; }
    if (!shown || shown.story !== now.story) { shown = now; return; }    // first sight: nothing to tell
    if (now.scene !== shown.scene) {
      shown = now;
      if (channel) { channel.postMessage(now); }
    }
  }

  function follow(e) {
    var want = e.data || {};
    if (typeof want.story === "string" && want.scene >= 1) { target = {story: want.story, scene: want.scene}; }
  }

  // The presenter's own click or key ends any following: it is the step to tell the other window.
  function userActs(e) {
    if (!e.isTrusted) { return; }
    target = null;
    shown = current() || shown;
  }

  if (channel) { channel.onmessage = follow; }
  doc.addEventListener("click", userActs, true);
  doc.addEventListener("keydown", userActs, true);
  var timer = setInterval(function () { watch(); fit(); }, 250);
  P.addEventListener("resize", fit);
  window.addEventListener("pagehide", function () {
    clearInterval(timer);
    P.removeEventListener("resize", fit);
    doc.removeEventListener("click", userActs, true);
    doc.removeEventListener("keydown", userActs, true);
    if (channel) { channel.close(); }
  });
})(window.parent, __OPTIONS__);

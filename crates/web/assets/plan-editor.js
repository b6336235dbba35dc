// The plan editor's pointer and keyboard moves (progressive enhancement: every change can also
// be typed in the shape's form below the drawing, which is what this script sends).
// Tab selects a shape; arrows move it one grid step (Shift: ten); Alt + arrows resize it; the
// pointer drags it (from its bottom-right corner: resizes it). Each change is saved through the
// shape's form with `Accept: application/json`; the answer gives the plan's new revision.
(function () {
  "use strict";
  var box = document.querySelector("[data-plan-editor]");
  if (!box) return;
  var svg = box.querySelector("svg");
  var status = document.getElementById("plan-status");
  if (!svg) return;
  var grid = parseInt(box.getAttribute("data-grid"), 10) || 10;
  var W = parseInt(svg.getAttribute("data-width"), 10);
  var H = parseInt(svg.getAttribute("data-height"), 10);
  var timers = {};

  function num(g, name) { return parseInt(g.getAttribute("data-" + name), 10); }
  function say(text) { if (status) status.textContent = text; }

  function polygon(g) { return g.querySelector("polygon"); }

  // Draws the shape at its new place and size (its text follows).
  function draw(g, x, y, w, h) {
    var dx = x - num(g, "x"), dy = y - num(g, "y");
    var rect = g.querySelector("rect");
    if (rect) {
      rect.setAttribute("x", x); rect.setAttribute("y", y);
      rect.setAttribute("width", w); rect.setAttribute("height", h);
    }
    var poly = polygon(g);
    if (poly && (dx || dy)) {
      var pts = poly.getAttribute("points").split(" ").map(function (p) {
        var xy = p.split(",");
        return (parseInt(xy[0], 10) + dx) + "," + (parseInt(xy[1], 10) + dy);
      });
      poly.setAttribute("points", pts.join(" "));
    }
    var text = g.querySelector("text");
    if (text) {
      text.setAttribute("x", parseInt(text.getAttribute("x"), 10) + dx + (rect && g.getAttribute("data-kind") !== "room" && g.getAttribute("data-kind") !== "zone" ? (w - num(g, "w")) / 2 : 0));
      text.setAttribute("y", parseInt(text.getAttribute("y"), 10) + dy + (rect && g.getAttribute("data-kind") !== "room" && g.getAttribute("data-kind") !== "zone" ? (h - num(g, "h")) / 2 : 0));
    }
    g.setAttribute("data-x", x); g.setAttribute("data-y", y);
    g.setAttribute("data-w", w); g.setAttribute("data-h", h);
  }

  // Keeps a shape inside the building.
  function fit(g, x, y, w, h) {
    w = Math.max(1, Math.min(w, W)); h = Math.max(1, Math.min(h, H));
    x = Math.max(0, Math.min(x, W - w)); y = Math.max(0, Math.min(y, H - h));
    return [x, y, w, h];
  }

  function setAll(name, value) {
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { i.value = value; });
  }

  function save(g) {
    var id = g.getAttribute("data-id");
    var row = document.getElementById("row-" + id);
    var form = row && row.querySelector(".plan-shape-form");
    if (!form) return;
    ["x", "y", "w", "h"].forEach(function (n) {
      var input = form.querySelector('input[name="' + n + '"]');
      if (input) input.value = num(g, n);
    });
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute("action"), {
      method: "POST",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      credentials: "same-origin"
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
    }).then(function (res) {
      if (res.ok) {
        setAll("revision", res.data.revision);
        var text = row.querySelector(".plan-shape-text");
        if (text) text.textContent = res.data.text;
        var points = form.querySelector('input[name="points"]');
        if (points) points.value = res.data.shape.points;
        say(res.data.text);
      } else if (res.status === 409) {
        say(res.data.message || "");
        window.location.reload();
      } else {
        say(res.data.message || "");
      }
    }).catch(function () { say(""); });
  }

  function later(g) {
    var id = g.getAttribute("data-id");
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(g); }, 350);
  }

  function select(g) {
    svg.querySelectorAll(".plan-shape.is-selected").forEach(function (s) { s.classList.remove("is-selected"); });
    if (g) g.classList.add("is-selected");
  }

  svg.querySelectorAll(".plan-shape[tabindex]").forEach(function (g) {
    g.addEventListener("focus", function () { select(g); });
    g.addEventListener("keydown", function (e) {
      var keys = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      var k = keys[e.key];
      if (!k) return;
      e.preventDefault();
      var step = grid * (e.shiftKey ? 10 : 1);
      var x = num(g, "x"), y = num(g, "y"), w = num(g, "w"), h = num(g, "h");
      if (e.altKey) {
        if (polygon(g)) return;
        w += k[0] * step; h += k[1] * step;
      } else {
        x += k[0] * step; y += k[1] * step;
      }
      var f = fit(g, x, y, w, h);
      draw(g, f[0], f[1], f[2], f[3]);
      later(g);
    });
  });

  // Pointer: drag to move; from the bottom-right corner, drag to resize.
  function point(e) {
    var m = svg.getScreenCTM();
    if (!m) return [0, 0];
    var p = svg.createSVGPoint();
    p.x = e.clientX; p.y = e.clientY;
    var q = p.matrixTransform(m.inverse());
    return [q.x, q.y];
  }
  function snap(v) { return Math.round(v / grid) * grid; }
  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    var g = e.target.closest && e.target.closest(".plan-shape[tabindex]");
    if (!g) return;
    e.preventDefault();
    g.focus();
    select(g);
    var p = point(e);
    var x = num(g, "x"), y = num(g, "y"), w = num(g, "w"), h = num(g, "h");
    var corner = Math.max(grid * 2, Math.min(w, h) / 4);
    var resize = !polygon(g) && p[0] > x + w - corner && p[1] > y + h - corner;
    drag = { g: g, start: p, x: x, y: y, w: w, h: h, resize: resize, moved: false };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var p = point(e);
    var dx = snap(p[0] - drag.start[0]), dy = snap(p[1] - drag.start[1]);
    var f = drag.resize
      ? fit(drag.g, drag.x, drag.y, drag.w + dx, drag.h + dy)
      : fit(drag.g, drag.x + dx, drag.y + dy, drag.w, drag.h);
    if (f[0] !== num(drag.g, "x") || f[1] !== num(drag.g, "y") || f[2] !== num(drag.g, "w") || f[3] !== num(drag.g, "h")) {
      draw(drag.g, f[0], f[1], f[2], f[3]);
      drag.moved = true;
    }
  });
  function end() {
    if (drag && drag.moved) save(drag.g);
    drag = null;
  }
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
})();

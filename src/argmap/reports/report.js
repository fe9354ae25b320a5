/* argmap report: statement cards on hover/focus, jumps between text, diagrams and tables.
   All map text is set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  /* Statements and topics keyed by their position in the map: a page of a report split into
     pages holds its own ones, plus a short entry for each one elsewhere that a card names. */
  var S = data.statements, T = data.topics;
  function each(table, fn) { Object.keys(table).forEach(function (k) { fn(table[k], k); }); }
  var STATUS = { IN: "accepted", OUT: "defeated", UNDEC: "undecided" };

  function byId(id) { return id ? document.getElementById(id) : null; }
  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined && text !== null) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  function describe(ref) {
    if (ref[0] === "t") { return T[ref[1]] ? "topic “" + T[ref[1]].title + "”" : "a topic on another page"; }
    var s = S[ref[1]];
    if (!s) { return "a statement on another page"; }
    return s.kind + " " + s.id + " “" + s.text + "”" + (s.elsewhere ? " (on another page)" : "");
  }

  /* ----- the card ----- */
  var tip = add(document.body, "div", "tip");
  tip.hidden = true;
  tip.setAttribute("role", "tooltip");
  tip.id = "argmap-tip";

  function line(label, value) {
    if (value === null || value === undefined || value === "") { return; }
    var row = add(tip, "div", "row");
    add(row, "span", "k", label + ": ");
    add(row, "span", "v", String(value));
  }
  function fill(k) {
    var s = S[k];
    tip.textContent = "";
    var head = add(tip, "div", "row");
    add(head, "span", "badge k-" + s.kind, s.kind);
    if (s.status) { add(head, "span", "status s-" + s.status, s.status).title = STATUS[s.status] || s.status; }
    add(head, "code", "", " " + s.id);
    line("Actor", s.actor);
    line("Cue", s.cue);
    line("Topic", T[s.topic].title);
    s.out.forEach(function (e) { line(e[0] === "attacks" ? "Attacks" : "Supports", describe(e[1])); });
    s["in"].forEach(function (e) { line(e[0] === "attacks" ? "Attacked by" : "Supported by", describe(e[1])); });
    if (s.confidence !== null) { line("Confidence", s.confidence.toFixed(2)); }
    add(tip, "div", "row k", s.g ? "Click: show it in the diagram" : "Click: show it in the table");
  }
  var anchor = null;
  function show(k, el) {
    fill(k);
    anchor = el;
    tip.hidden = false;
    place();
  }
  function place() {
    var r = anchor.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    if (r.bottom < 0 || r.top > window.innerHeight) { hide(); return; }
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 8 + h > window.innerHeight ? r.top - h - 8 : r.bottom + 8;
    tip.style.left = left + "px";
    tip.style.top = Math.max(8, top) + "px";
  }
  function hide() { tip.hidden = true; anchor = null; }

  /* ----- jumps and the way back ----- */
  var back = byId("back"), origin = null;
  function flash(el) {
    var group = [el];
    var k = el.getAttribute("data-i");
    if (k !== null && el.tagName.toLowerCase() === "mark") {
      group = Array.prototype.slice.call(document.querySelectorAll('mark.st[data-i="' + k + '"]'));
    }
    group.forEach(function (g) {
      g.classList.remove("flash");
      void g.getBoundingClientRect(); /* restart the animation */
      g.classList.add("flash");
    });
  }
  function where(el) {
    if (el.closest(".diagram")) { return "diagram"; }
    if (el.closest(".findings")) { return "findings"; }
    if (el.closest(".reading")) { return "critical reading"; }
    if (el.closest(".procon")) { return "table"; }
    if (el.closest(".side")) { return "contents"; }
    return "text";
  }
  function jump(to, from) {
    if (!to) { return; }
    hide();
    to.scrollIntoView({ behavior: "smooth", block: "center" });
    flash(to);
    if (from) {
      origin = from;
      back.hidden = false;
      back.textContent = "↩ Back to the " + where(from);
    }
  }
  back.addEventListener("click", function () {
    var to = origin;
    origin = null;
    back.hidden = true;
    jump(to, null);
    if (to && to.focus) { to.focus({ preventScroll: true }); }
  });
  function textOf(k) { return byId("s" + k) || byId("r" + k); }
  function diagramOf(k) { return byId(S[k].g) || byId("r" + k); }

  /* Statements in the texts */
  Array.prototype.forEach.call(document.querySelectorAll("mark.st[data-i]"), function (m) {
    var k = +m.getAttribute("data-i");
    var first = byId("s" + k) || m;
    m.setAttribute("aria-describedby", "argmap-tip");
    m.addEventListener("mouseenter", function () { show(k, m); });
    m.addEventListener("mouseleave", hide);
    m.addEventListener("focus", function () { show(k, m); });
    m.addEventListener("blur", hide);
    m.addEventListener("click", function () { jump(diagramOf(k), first); });
    m.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); jump(diagramOf(k), first); }
    });
  });
  /* Topic headings in the texts lead to their topic */
  Array.prototype.forEach.call(document.querySelectorAll("mark.th[data-t]"), function (m) {
    var j = m.getAttribute("data-t");
    m.addEventListener("click", function () { jump(byId("t" + j), byId("h" + j) || m); });
  });
  /* Statements in the diagrams lead back to the text */
  each(S, function (s, k) {
    var g = byId(s.g);
    if (s.elsewhere || !g) { return; }
    g.classList.add("dnode");
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "link");
    g.addEventListener("click", function () { jump(textOf(k), g); });
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); jump(textOf(k), g); }
    });
  });
  each(T, function (t, j) {
    var g = byId(t.g);
    if (!g || !byId("h" + j)) { return; }
    g.classList.add("dnode");
    g.addEventListener("click", function () { jump(byId("h" + j), g); });
  });
  /* Links inside the page (findings, tables) flash their target and offer the way back */
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest('a[href^="#"]') : null;
    if (!a) { return; }
    var to = byId(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (!to) { return; }
    ev.preventDefault();
    jump(to, a);
  });
  /* The contents column marks the sections on screen. */
  if ("IntersectionObserver" in window) {
    var links = {};
    Array.prototype.forEach.call(document.querySelectorAll('.toc a[href^="#"]'), function (a) {
      links[a.getAttribute("href").slice(1)] = a;
    });
    var spy = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { links[e.target.id].classList.toggle("here", e.isIntersecting); });
    }, { rootMargin: "0px 0px -50% 0px" });
    Object.keys(links).forEach(function (id) { var el = byId(id); if (el) { spy.observe(el); } });
  }
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
  /* The card is fixed on screen: it follows its statement while the page scrolls. */
  window.addEventListener("scroll", function () { if (anchor) { place(); } }, { passive: true });
  document.documentElement.setAttribute("data-ready", "1");
})();

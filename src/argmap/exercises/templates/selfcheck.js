// argmap self-check: compares the ticked answers with the key shipped in the page and writes
// per-item feedback. Reads only the page's own JSON; no network, no eval, no inline handlers.
(function () {
  "use strict";
  const key = JSON.parse(document.getElementById("argmap-key").textContent);
  const norm = (v) => v.trim().toLowerCase();
  function given(itemId, field) {
    const boxes = document.querySelectorAll(`input[name="${CSS.escape(itemId + "." + field.name)}"]`);
    return Array.from(boxes).filter((b) => b.checked).map((b) => norm(b.value));
  }
  function check() {
    let points = 0;
    for (const item of key.items) {
      const entry = key.key[item.id];
      const wrong = [];
      for (const field of item.fields) {
        const right = field.multiple ? entry.answer[field.name].split(",").map(norm).filter(Boolean).sort()
                                     : [norm(entry.answer[field.name])];
        const got = given(item.id, field).sort();
        if (got.length !== right.length || got.some((v, i) => v !== right[i])) wrong.push(field.name);
      }
      points += 1 - wrong.length / item.fields.length;
      const out = document.getElementById("fb-" + item.id);
      out.className = "feedback " + (wrong.length ? "wrong" : "right");
      out.textContent = wrong.length
        ? "Not yet (" + wrong.map((w) => w.replace("_", " ")).join(", ") + "). " + entry.explanation
        : "Right. " + entry.explanation;
    }
    const total = document.getElementById("total");
    total.textContent = `Score: ${Math.round(points * 100) / 100} / ${key.items.length}`;
  }
  document.getElementById("check").addEventListener("click", check);
  document.documentElement.dataset.ready = "1";
})();

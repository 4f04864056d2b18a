// The letter editor (Streamlit components v2). No library, no build step.
//
// A transparent <textarea> lies over a copy of its text (.ed-back) in which the findings are
// marked, so the advisor types in the marked letter with the browser's own editing, spell check
// and screen-reader support. Undo is the editor's own (one stack for typing and applied rewrites). All user text reaches the page through textContent and text
// nodes only, never through innerHTML.
//
// Data from Python: {text, nonce, analysed, findings, pieces, labels, debounce, maxChars}.
//  - nonce changes only when Python replaces the text (a restored version, another workspace);
//    otherwise the textarea keeps what is being typed, even when an older text comes back.
//  - findings/pieces belong to `analysed`; while the text moves on they are shifted along with
//    the edit, and a mark whose words were edited disappears until the next analysis.
// To Python: state "text", 300 ms after the last keystroke, at once on blur, on leaving the page
// and after an applied rewrite, an undo or a redo.

const INSTANCES = new WeakMap();

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let editor = INSTANCES.get(parentElement);
  if (!editor) {
    editor = createEditor(parentElement);
    INSTANCES.set(parentElement, editor);
  }
  editor.setStateValue = setStateValue;
  editor.update(data || {});
}

function fmt(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : ""));
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function createEditor(root) {
  const q = (sel) => root.querySelector(sel);
  const area = q(".ed-text"), back = q(".ed-back"), card = q(".ed-card"), live = q(".ed-live");
  const status = q(".ed-status"), bar = q(".ed-bar"), help = q(".ed-help"), wrap = q(".ed"), warn = q(".ed-warn");
  const undoBtn = q(".ed-undo"), redoBtn = q(".ed-redo"), prevBtn = q(".ed-prev"), nextBtn = q(".ed-next");
  wrap.style.position = "relative";
  const ed = {
    setStateValue: null, data: {}, nonce: null, sent: null, timer: null, analysed: null,
    findings: [], pieces: [], hideTimer: null, shown: null, hoverFrame: 0,
    undo: [], redo: [], lastEdit: 0, lastKind: "",
  };
  const L = (key, values) => fmt((ed.data.labels || {})[key], values || {});

  // --- keeping the text safe -----------------------------------------------------------------
  function send() {
    clearTimeout(ed.timer);
    ed.timer = null;
    if (area.value === ed.sent || !ed.setStateValue) {
      // Nothing new to send (Ctrl+Enter on a sent text): say where the text is, not "typing".
      status.textContent = area.value === (ed.data.text || "") ? L("saved") : L("saving");
      return;
    }
    ed.sent = area.value;
    status.textContent = L("saving");
    ed.setStateValue("text", area.value);
  }
  function schedule() {
    clearTimeout(ed.timer);
    status.textContent = L("typing");
    ed.timer = setTimeout(send, ed.data.debounce || 300);
  }

  // --- where the analysed findings are now -----------------------------------------------------
  // The text has changed between `analysed` and `area.value` in one stretch: [p, oldEnd) became
  // [p, newEnd). Positions before it stay, after it shift, inside it are lost.
  function shift() {
    const a = ed.analysed, b = area.value;
    if (a === null || a === undefined) return null;
    if (a === b) return { p: b.length, oldEnd: a.length, delta: 0 };
    let p = 0;
    const n = Math.min(a.length, b.length);
    while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
    let s = 0;
    while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
    return { p, oldEnd: a.length - s, delta: b.length - a.length };
  }
  function mapRange(start, end, sh) {
    if (!sh) return null;
    if (end <= sh.p) return [start, end];
    if (start >= sh.oldEnd) return [start + sh.delta, end + sh.delta];
    return null;
  }
  function livePieces() {
    const sh = shift();
    const out = [];
    for (const piece of ed.pieces) {
      const r = mapRange(piece.start, piece.end, sh);
      if (r) out.push({ ...piece, start: r[0], end: r[1] });
    }
    return out;
  }

  // --- drawing the marks -------------------------------------------------------------------------
  function draw() {
    const text = area.value;
    const pieces = livePieces();
    ed.live = pieces;
    back.textContent = "";
    let at = 0;
    pieces.forEach((piece, i) => {
      if (piece.start > at) back.appendChild(document.createTextNode(text.slice(at, piece.start)));
      const main = ed.findings[piece.items[0]] || {};
      const span = el("span", `ed-mark ${main.effect === "helps" ? "helps" : "hurts"}${main.strong ? " strong" : ""}`);
      span.style.setProperty("--c", main.color || "#6e7781");
      span.style.setProperty("--bg", main.bg || "rgba(110,119,129,.2)");
      span.style.setProperty("--bg2", main.bg2 || main.bg || "rgba(110,119,129,.3)");
      span.dataset.i = String(i);
      span.textContent = text.slice(piece.start, piece.end);
      back.appendChild(span);
      at = piece.end;
    });
    back.appendChild(document.createTextNode(text.slice(at) + "\n\u200b"));
    if (ed.shown !== null) {
      const still = pieces.findIndex((p) => p.key === ed.shown.key);
      if (still < 0) hideCard(); else markOn(still);
    }
    const hurts = pieces.filter((p) => (ed.findings[p.items[0]] || {}).effect !== "helps").length;
    prevBtn.disabled = nextBtn.disabled = pieces.length === 0;
    // An empty letter: an invitation to start, no "0 passages marked" and nothing to step through.
    const empty = !text.trim();
    prevBtn.hidden = nextBtn.hidden = empty;
    help.textContent = empty ? L("empty") : L("help", { count: hurts });
  }

  function markOn(index) {
    back.querySelectorAll(".ed-mark.on").forEach((m) => m.classList.remove("on"));
    const span = back.querySelector(`.ed-mark[data-i="${index}"]`);
    if (span) span.classList.add("on");
    return span;
  }

  // --- the card with message, why and rewrites ---------------------------------------------------
  function showCard(index, announce) {
    const piece = ed.live[index];
    if (!piece) return hideCard();
    clearTimeout(ed.hideTimer);
    const span = markOn(index);
    if (ed.shown && ed.shown.key === piece.key && !card.hidden) return;
    ed.shown = piece;
    card.textContent = "";
    const spoken = [];
    for (const fi of piece.items) {
      const f = ed.findings[fi];
      if (!f) continue;
      const item = el("div", "ed-item");
      const head = el("div");
      const chip = el("span", "ed-chip", f.title);
      chip.style.background = f.chip || "#57606a";
      head.append(el("span", "ed-sev", `#${f.n} `), chip, el("span", "ed-sev", f.severity));
      item.appendChild(head);
      if (f.effect === "helps") item.appendChild(el("div", "ed-good", "✓ " + L("helps")));
      item.appendChild(el("p", "ed-msg", f.message));
      if (f.why) item.appendChild(el("p", "ed-why", `${L("why")}: ${f.why}`));
      if (f.rewrites && f.rewrites.length) {
        const row = el("div", "ed-rewrites");
        row.setAttribute("role", "group");
        row.setAttribute("aria-label", L("rewrites"));
        row.appendChild(el("span", "ed-sev", L("rewrites") + ":"));
        for (const rewrite of f.rewrites) {
          const button = el("button", "ed-apply", `“${rewrite}”`);
          button.type = "button";
          button.setAttribute("aria-label", L("replace", { from: f.match, to: rewrite }));
          button.addEventListener("click", () => apply(piece.key, fi, rewrite));
          row.appendChild(button);
        }
        item.appendChild(row);
      } else if (f.suggestion) {
        item.appendChild(el("p", "ed-why", `${L("suggestion")}: ${f.suggestion}`));
      }
      spoken.push(`${f.title}, ${f.severity}: ${f.message}${f.rewrites && f.rewrites.length ? " " + L("tab_hint") : ""}`);
      card.appendChild(item);
    }
    card.setAttribute("aria-label", L("card"));
    card.hidden = false;
    if (span) {
      const box = wrap.getBoundingClientRect();
      const rects = span.getClientRects();
      const last = rects[rects.length - 1] || span.getBoundingClientRect();
      card.style.top = `${Math.round(last.bottom - box.top + 6)}px`;
      fitCard(span);
    }
    if (announce) live.textContent = spoken.join(" ");
  }
  function hideCard() {
    clearTimeout(ed.hideTimer);
    card.hidden = true;
    ed.shown = null;
    back.querySelectorAll(".ed-mark.on").forEach((m) => m.classList.remove("on"));
  }
  function hideSoon() {
    clearTimeout(ed.hideTimer);
    ed.hideTimer = setTimeout(() => {
      if (!card.matches(":hover") && !card.contains(root.activeElement || document.activeElement)) hideCard();
    }, 350);
  }

  // --- undo and redo ---------------------------------------------------------------------------
  // One stack for typing, pasting and applied rewrites, so the button, Ctrl+Z and Ctrl+Y (or
  // Ctrl+Shift+Z) agree. Typing is grouped: a pause of a second or another kind of edit starts a step.
  const UNDO_LIMIT = 200;
  function snapshot() {
    return { value: area.value, start: area.selectionStart, end: area.selectionEnd };
  }
  function remember(kind, force) {
    const now = Date.now();
    if (force || kind !== ed.lastKind || now - ed.lastEdit > 1000 || !ed.undo.length) {
      ed.undo.push(snapshot());
      if (ed.undo.length > UNDO_LIMIT) ed.undo.shift();
    }
    ed.lastEdit = now;
    ed.lastKind = kind;
    ed.redo = [];
  }
  function restore(from, to) {
    if (!from.length) return false;
    to.push(snapshot());
    const s = from.pop();
    area.value = s.value;
    area.setSelectionRange(s.start, s.end);
    ed.lastKind = "";
    changed();
    send();
    return true;
  }
  function changed() {
    undoBtn.disabled = ed.undo.length === 0;
    redoBtn.disabled = ed.redo.length === 0;
    draw();
  }

  // --- one click: apply a rewrite ---------------------------------------------------------------
  function apply(pieceKey, fi, rewrite) {
    const f = ed.findings[fi];
    const range = f ? mapRange(f.start, f.end, shift()) : null;
    if (!range || area.value.slice(range[0], range[1]) !== f.match) {
      live.textContent = L("stale");
      hideCard();
      area.focus();
      return;
    }
    remember("rewrite", true);
    area.focus();
    area.setRangeText(rewrite, range[0], range[1], "end");
    ed.lastKind = "";
    hideCard();
    changed();
    live.textContent = L("applied", { from: f.match, to: rewrite });
    send();
  }

  // --- caret, hover and keys ---------------------------------------------------------------------
  function pieceAt(pos) {
    const pieces = ed.live || [];
    let best = -1;
    pieces.forEach((p, i) => {
      if (p.start <= pos && pos < p.end && (best < 0 || p.end - p.start < pieces[best].end - pieces[best].start)) best = i;
    });
    if (best < 0) pieces.forEach((p, i) => { if (best < 0 && p.end === pos && pos > 0) best = i; });
    return best;
  }
  function followCaret(announce) {
    if (area.selectionStart !== area.selectionEnd && !ed.jumped) return;
    const i = pieceAt(area.selectionStart);
    if (i >= 0) showCard(i, announce); else if (!card.matches(":hover")) hideCard();
  }
  function jump(step) {
    const pieces = ed.live || [];
    if (!pieces.length) return;
    const pos = step > 0 ? area.selectionEnd : area.selectionStart;
    let target = step > 0 ? pieces.findIndex((p) => p.start >= pos && !(p.start === area.selectionStart && p.end === area.selectionEnd))
      : pieces.map((p, i) => [p, i]).filter(([p]) => p.end <= pos && !(p.start === area.selectionStart && p.end === area.selectionEnd)).map(([, i]) => i).pop();
    if (target === undefined || target < 0) target = step > 0 ? 0 : pieces.length - 1;
    const p = pieces[target];
    area.focus({ preventScroll: true });  // reveal() scrolls, below the top bar
    ed.jumped = true;
    area.setSelectionRange(p.start, p.end);
    ed.shown = null;
    showCard(target, true);
    ed.jumped = false;
    const span = back.querySelector(`.ed-mark[data-i="${target}"]`);
    if (span) reveal(span);
  }

  // --- bringing a mark and its card into view ------------------------------------------------------
  // Below the page's top bar (Streamlit's header with the navigation, which stays while the page
  // scrolls under it), with its card whole under the mark: the card is kept no taller than the
  // window leaves (it scrolls inside), so mark and card fit together.
  const GAP = 12;
  function topBar() {
    let bottom = 0;
    for (const bar of document.querySelectorAll('[data-testid="stHeader"], header')) {
      const position = getComputedStyle(bar).position;
      const r = bar.getBoundingClientRect();
      if (position !== "static" && position !== "relative" && r.height > 0 && r.top <= 0) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  }
  function fitCard(span) {
    const rects = span.getClientRects();
    const first = rects[0] || span.getBoundingClientRect();
    const last = rects[rects.length - 1] || first;
    const room = window.innerHeight - topBar() - 2 * GAP - (last.bottom - first.top) - 6;
    card.style.maxHeight = `${Math.max(160, Math.floor(room))}px`;
  }
  function scroller(node) {
    let n = node;
    while (n) {
      n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null;
      if (!n || n === document.body || n === document.documentElement) break;
      const overflow = getComputedStyle(n).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && n.scrollHeight > n.clientHeight + 1) return n;
    }
    return null;  // the window
  }
  function reveal(span) {
    const box = scroller(wrap);
    const view = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const top = Math.max(view.top, topBar()) + GAP;
    const bottom = Math.min(view.bottom, window.innerHeight) - GAP;
    const rects = span.getClientRects();
    const first = rects[0] || span.getBoundingClientRect();
    const last = rects[rects.length - 1] || first;
    const end = card.hidden ? last.bottom : Math.max(last.bottom, card.getBoundingClientRect().bottom);
    let delta = 0;
    if (first.top < top || end - first.top > bottom - top) delta = first.top - top;
    else if (end > bottom) delta = end - bottom;
    if (Math.abs(delta) < 1) return;
    if (box) box.scrollTop += delta; else window.scrollBy(0, delta);
  }

  area.addEventListener("beforeinput", (event) => {
    if (event.inputType === "historyUndo" || event.inputType === "historyRedo") {  // e.g. the context menu
      event.preventDefault();
      if (event.inputType === "historyUndo") restore(ed.undo, ed.redo); else restore(ed.redo, ed.undo);
      return;
    }
    const kind = event.inputType.startsWith("delete") ? "delete" : event.inputType === "insertText" ? "type" : event.inputType;
    remember(kind, kind !== "type" && kind !== "delete");
  });
  area.addEventListener("input", (event) => {
    if (!ed.cut) warn.hidden = true;  // the next change takes the notice away
    ed.cut = false;
    changed();
    schedule();
  });
  // The textarea keeps at most maxChars: the browser silently drops the rest of a long paste or
  // drop. Say so, with how much was left out, so no word goes missing unnoticed.
  const overflow = (text) => {
    const limit = ed.data.maxChars;
    const room = limit - (area.value.length - (area.selectionEnd - area.selectionStart));
    if (!limit || !text || text.length <= room) return;
    const number = (n) => new Intl.NumberFormat(L("locale") || undefined).format(n);
    warn.textContent = L("cut", { limit: number(limit), dropped: number(text.length - Math.max(0, room)) });
    warn.hidden = false;
    ed.cut = true;
  };
  area.addEventListener("paste", (e) => overflow(e.clipboardData && e.clipboardData.getData("text/plain")));
  area.addEventListener("drop", (e) => overflow(e.dataTransfer && e.dataTransfer.getData("text/plain")));
  area.addEventListener("blur", () => { send(); hideSoon(); });
  area.addEventListener("keyup", (e) => { if (!["Tab", "Shift", "Escape"].includes(e.key)) followCaret(true); });
  area.addEventListener("click", () => followCaret(false));
  area.addEventListener("keydown", (e) => {
    if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      jump(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "F8") {
      e.preventDefault();
      jump(e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape" && !card.hidden) {
      e.preventDefault();
      hideCard();
    } else if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      send();
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "z" || e.key === "Z" || e.key === "y")) {
      e.preventDefault();
      const back = e.key === "z" && !e.shiftKey;
      if (back) restore(ed.undo, ed.redo); else restore(ed.redo, ed.undo);
      live.textContent = back ? L("undone") : L("redone");
    }
  });
  area.addEventListener("mousemove", (e) => {
    if (ed.hoverFrame) return;
    ed.hoverFrame = requestAnimationFrame(() => {
      ed.hoverFrame = 0;
      const marks = back.querySelectorAll(".ed-mark");
      let hit = -1;
      for (const m of marks) {
        for (const r of m.getClientRects()) {
          if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) {
            const i = Number(m.dataset.i);
            if (hit < 0 || (ed.live[i].end - ed.live[i].start) < (ed.live[hit].end - ed.live[hit].start)) hit = i;
          }
        }
      }
      if (hit >= 0) showCard(hit, false); else if (ed.shown !== null && area !== (root.activeElement || document.activeElement)) hideSoon();
    });
  });
  area.addEventListener("mouseleave", hideSoon);
  card.addEventListener("mouseleave", hideSoon);
  card.addEventListener("mouseenter", () => clearTimeout(ed.hideTimer));
  card.addEventListener("focusout", hideSoon);
  card.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { e.preventDefault(); hideCard(); area.focus(); }
  });
  undoBtn.addEventListener("click", () => { if (restore(ed.undo, ed.redo)) live.textContent = L("undone"); });
  redoBtn.addEventListener("click", () => { if (restore(ed.redo, ed.undo)) live.textContent = L("redone"); });
  nextBtn.addEventListener("click", () => jump(1));
  prevBtn.addEventListener("click", () => jump(-1));
  // Leaving the page (refresh, closing the tab): send what the pause has not sent yet.
  window.addEventListener("pagehide", send);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") send(); });

  // --- data from Python --------------------------------------------------------------------------
  ed.update = (data) => {
    ed.data = data;
    bar.setAttribute("aria-label", L("toolbar"));
    undoBtn.textContent = L("undo");
    undoBtn.title = L("undo_hint");
    redoBtn.textContent = L("redo");
    prevBtn.textContent = L("prev");
    prevBtn.title = L("prev_hint");
    prevBtn.setAttribute("aria-label", L("prev_hint"));
    nextBtn.textContent = L("next");
    nextBtn.title = L("next_hint");
    nextBtn.setAttribute("aria-label", L("next_hint"));
    area.setAttribute("aria-label", L("letter"));
    area.placeholder = L("placeholder");
    if (data.maxChars) area.maxLength = data.maxChars;
    if (ed.nonce !== data.nonce) {  // Python replaced the text: show it (first draw included)
      ed.nonce = data.nonce;
      area.value = data.text || "";
      ed.sent = area.value;
      ed.undo = [];
      ed.redo = [];
      undoBtn.disabled = redoBtn.disabled = true;
      hideCard();
    }
    ed.analysed = typeof data.analysed === "string" ? data.analysed : null;
    ed.findings = data.findings || [];
    ed.pieces = (data.pieces || []).map((p) => ({ start: p[0], end: p[1], items: p[2], key: `${p[0]}:${p[1]}:${p[2].join(",")}` }));
    draw();
    if (!ed.timer) status.textContent = area.value === (data.text || "") ? L("saved") : L("typing");
    if (ed.shown && !card.hidden) followCaret(false);
  };
  return ed;
}

// Injected into every benchmark page before its own scripts (Playwright `addInitScript`, which
// the page's CSP does not apply to). Plain JavaScript on purpose: functions compiled by tsx and
// passed to `page.evaluate` can carry helpers that do not exist in the page.
(() => {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });

  const state = { changeAt: null, clickAt: null, frames: [], recording: false, start: 0 };

  // When the picked file reaches the page: capture phase on window runs before React's handler.
  addEventListener(
    'change',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'file') {
        state.changeAt = performance.now();
      }
    },
    true,
  );
  // Only the user's clicks: a download is started by a synthetic click on a link.
  addEventListener(
    'click',
    (event) => {
      if (event.isTrusted) state.clickAt = performance.now();
    },
    true,
  );

  /** Resolves after the next frame that satisfies `ready` has been painted. */
  function afterPaintWhen(ready) {
    return new Promise((resolve) => {
      const check = () => {
        if (!ready()) {
          requestAnimationFrame(check);
          return;
        }
        // Rendering follows the rAF callbacks of a frame; a message posted now is handled
        // once that frame is painted.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    });
  }

  const isBenchNode = (el) =>
    /^n\d+$/.test(el.dataset.id ?? '') && el.style.visibility !== 'hidden';

  window.__bench = {
    /** Starts watching for the synthetic diagram's cards and edges to be on screen. */
    armPaint() {
      state.changeAt = null;
      // Cards and edges on screen: live ones, or drawn by the overview picture of a big diagram.
      const drawn = () => {
        const picture = document.querySelector('canvas.gtm-overview');
        return Number(picture?.dataset.cards ?? 0) > 0 && Number(picture?.dataset.edges ?? 0) > 0;
      };
      state.painted = afterPaintWhen(
        () =>
          state.changeAt !== null &&
          (drawn() ||
            ([...document.querySelectorAll('.react-flow__node')].some(isBenchNode) &&
              document.querySelector('.react-flow__edge') !== null)),
      );
    },
    async painted() {
      const paintedAt = await state.painted;
      return {
        ms: paintedAt - state.changeAt,
        domNodes: document.querySelectorAll('.react-flow__node').length,
        domEdges: document.querySelectorAll('.react-flow__edge').length,
      };
    },
    viewport() {
      const el = document.querySelector('.react-flow__viewport');
      const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
      return { x: m.e, y: m.f, zoom: m.a };
    },
    domCounts() {
      return {
        nodes: document.querySelectorAll('.react-flow__node').length,
        edges: document.querySelectorAll('.react-flow__edge').length,
        elements: document.getElementsByTagName('*').length,
      };
    },
    /** A diagram point (flow coordinates) on the screen. */
    toScreen(x, y) {
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      const view = window.__bench.viewport();
      return [pane.left + view.x + x * view.zoom, pane.top + view.y + y * view.zoom];
    },
    /**
     * Cards whose centre leaves room for the drag (100 px to the right) without reaching the
     * pane's edge, where React Flow would start auto-panning; nearest the pane's centre first.
     * Zoomed out on a big diagram the cards are drawn, not in the DOM: then `cards` (id, x, y
     * of each card's top-left corner in the diagram) says where they are.
     */
    visibleNodes(cards = []) {
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      const live = [...document.querySelectorAll('.react-flow__node')].filter(isBenchNode);
      const centres = live.length
        ? live.map((el) => {
            const r = el.getBoundingClientRect();
            return [el.dataset.id, r.left + r.width / 2, r.top + r.height / 2];
          })
        : cards.map(([id, x, y]) => [id, ...window.__bench.toScreen(x + 110, y + 56)]);
      return centres
        .filter(
          ([, x, y]) =>
            x > pane.left + 60 && x < pane.right - 160 && y > pane.top + 60 && y < pane.bottom - 60,
        )
        .sort((a, b) => Math.hypot(a[1] - cx, a[2] - cy) - Math.hypot(b[1] - cx, b[2] - cy));
    },
    /** The centre of card `id`, live or drawn (then `x`, `y` is its top-left in the diagram). */
    nodeCentre(id, x, y) {
      const el = document.querySelector(`.react-flow__node[data-id="${id}"]`);
      if (!el) return window.__bench.toScreen(x + 110, y + 56);
      const r = el.getBoundingClientRect();
      // The centre, or the nearest point of the card a press reaches: on a big diagram edges
      // cross cards, and their label chips sit above them (a press there takes the edge).
      const points = [];
      for (let dy = 0; dy < r.height / 2; dy += 6)
        for (let dx = 0; dx < r.width / 2; dx += 6)
          for (const [sx, sy] of [
            [1, 1],
            [-1, 1],
            [1, -1],
            [-1, -1],
          ])
            points.push([r.left + r.width / 2 + sx * dx, r.top + r.height / 2 + sy * dy]);
      points.sort(
        ([ax, ay], [bx, by]) =>
          Math.hypot(ax - r.left - r.width / 2, ay - r.top - r.height / 2) -
          Math.hypot(bx - r.left - r.width / 2, by - r.top - r.height / 2),
      );
      const hits = (x, y) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && hit.closest('.react-flow__node') === el && !hit.closest('button');
      };
      return points.find(([x, y]) => hits(x, y)) ?? [r.left + r.width / 2, r.top + r.height / 2];
    },
    /**
     * A point where a press lands on the empty pane (it pans), the nearest to its centre. Cards
     * the app draws instead of rendering (`cards`: id, x, y as for `visibleNodes`) are not empty.
     */
    emptyPanePoint(cards = []) {
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      const zoom = window.__bench.viewport().zoom;
      const drawn = cards
        .map(([, x, y]) => {
          const [left, top] = window.__bench.toScreen(x, y);
          return [left - 4, top - 4, left + 220 * zoom + 4, top + 112 * zoom + 4];
        })
        .filter(
          ([l, t, r, b]) => r > pane.left && l < pane.right && b > pane.top && t < pane.bottom,
        );
      const points = [];
      for (let y = pane.top + 60; y < pane.bottom - 60; y += 12) {
        for (let x = pane.left + 150; x < pane.right - 150; x += 12) points.push([x, y]);
      }
      points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
      return (
        points.find(
          ([x, y]) =>
            document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') &&
            !drawn.some(([l, t, r, b]) => x >= l && x <= r && y >= t && y <= b),
        ) ?? null
      );
    },
    paneCentre() {
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      return [pane.left + pane.width / 2, pane.top + pane.height / 2];
    },
    startFrames() {
      state.frames = [];
      state.recording = true;
      state.start = performance.now();
      const tick = (t) => {
        if (!state.recording) return;
        state.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    /** Frame intervals and long tasks since `startFrames`. */
    stopFrames() {
      state.recording = false;
      const end = performance.now();
      const intervals = [];
      for (let i = 1; i < state.frames.length; i++) {
        intervals.push(state.frames[i] - state.frames[i - 1]);
      }
      let longTaskMs = 0;
      const longest = [];
      for (const [start, duration] of longTasks) {
        const overlap = Math.min(end, start + duration) - Math.max(state.start, start);
        if (overlap > 0) {
          longTaskMs += overlap;
          // When in the interaction each long task started, and how long it was.
          longest.push([Math.round(start - state.start), Math.round(duration)]);
        }
      }
      longest.sort((a, b) => b[1] - a[1]);
      return {
        intervals,
        longTaskMs,
        longTaskCount: longest.length,
        longest: longest.slice(0, 5),
        durationMs: end - state.start,
      };
    },
    clickAt: () => state.clickAt,
  };
})();

// A small line chart on <canvas>: points are {t: ms since epoch, v: number}; no library, no build step.
"use strict";
window.IotChart = (function () {
  function fit(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx, w: canvas.clientWidth, h: canvas.clientHeight };
  }

  function range(points) {
    let lo = Infinity, hi = -Infinity;
    for (const p of points) { if (p.v < lo) lo = p.v; if (p.v > hi) hi = p.v; }
    if (lo === hi) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.1;
    return [lo - pad, hi + pad];
  }

  function draw(canvas, points, options) {
    const opts = options || {};
    const { ctx, w, h } = fit(canvas);
    ctx.clearRect(0, 0, w, h);
    const left = opts.small ? 2 : 48, right = 8, top = 8, bottom = opts.small ? 2 : 22;
    if (!points.length) {
      if (!opts.small) { ctx.fillStyle = "#667085"; ctx.font = "13px system-ui"; ctx.fillText("no readings yet", left, h / 2); }
      return;
    }
    const [lo, hi] = range(points);
    const t0 = points[0].t, t1 = Math.max(points[points.length - 1].t, t0 + 1);
    const x = t => left + (t - t0) / (t1 - t0) * (w - left - right);
    const y = v => top + (1 - (v - lo) / (hi - lo)) * (h - top - bottom);

    if (!opts.small) {
      ctx.strokeStyle = "#e4e7ec"; ctx.fillStyle = "#667085"; ctx.font = "11px system-ui"; ctx.lineWidth = 1;
      for (let i = 0; i <= 4; i++) {
        const v = lo + (hi - lo) * i / 4, yy = Math.round(y(v)) + 0.5;
        ctx.beginPath(); ctx.moveTo(left, yy); ctx.lineTo(w - right, yy); ctx.stroke();
        ctx.fillText(v.toFixed(1) + (opts.unit ? " " + opts.unit : ""), 2, yy + 4);
      }
      ctx.fillText(new Date(t0).toLocaleTimeString(), left, h - 6);
      const last = new Date(t1).toLocaleTimeString();
      ctx.fillText(last, w - right - ctx.measureText(last).width, h - 6);
    }

    ctx.strokeStyle = "#2453d6"; ctx.lineWidth = opts.small ? 1.5 : 2; ctx.lineJoin = "round";
    ctx.beginPath();
    points.forEach((p, i) => { if (i === 0) ctx.moveTo(x(p.t), y(p.v)); else ctx.lineTo(x(p.t), y(p.v)); });
    ctx.stroke();
    const end = points[points.length - 1];
    ctx.fillStyle = "#2453d6"; ctx.beginPath(); ctx.arc(x(end.t), y(end.v), opts.small ? 2 : 3.5, 0, Math.PI * 2); ctx.fill();
  }

  return { draw };
})();

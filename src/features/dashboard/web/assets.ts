// The dashboard's only stylesheet and script, served from /dashboard/assets/ (the Content-Security-Policy allows
// nothing else: no inline script or style, nothing from another site). Kept in code so the build carries them.
import { createHash } from 'node:crypto';

export const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fafafa; --card: #fff; --line: #d0d0d5; --accent: #0b5cad;
  --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --quiet: #5b6bbf; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #151517; --card: #1f1f23; --line: #3a3a40;
  --accent: #6cb2ff; --ok: #4ac26b; --warn: #d4a72c; --bad: #ff7b72; --quiet: #8c9ef0; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -999px; }
.skip:focus { inset-inline-start: 8px; top: 8px; background: var(--card); padding: 8px; z-index: 2; }
header { background: var(--card); border-bottom: 1px solid var(--line); padding: 8px 12px; }
header .brand { font-weight: 700; margin-inline-end: 12px; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
nav a { display: inline-block; padding: 6px 2px; min-height: 44px; line-height: 32px; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--accent); }
main { max-width: 1100px; margin: 0 auto; padding: 12px; }
h1 { font-size: 1.4rem; margin: 8px 0 12px; }
h2 { font-size: 1.15rem; margin: 20px 0 8px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 10px 0; }
label { display: block; font-weight: 600; margin: 10px 0 4px; }
label.inline { display: inline-flex; gap: 6px; align-items: center; font-weight: 400; margin: 4px 12px 4px 0; }
input[type=text], input[type=number], input[type=time], select, textarea { width: 100%; max-width: 32rem; padding: 8px;
  font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); min-height: 44px; }
input[type=checkbox] { width: 22px; height: 22px; }
textarea { min-height: 6rem; }
button { font: inherit; padding: 10px 16px; min-height: 44px; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; padding: 8px 12px; }
legend { font-weight: 700; padding: 0 4px; }
.row { display: flex; flex-wrap: wrap; gap: 12px; }
.row > * { flex: 1 1 10rem; }
.error { color: var(--bad); font-weight: 600; }
.notice { border-inline-start: 4px solid var(--ok); padding: 8px 12px; background: var(--card); }
.problem { border-inline-start: 4px solid var(--bad); padding: 8px 12px; background: var(--card); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
.state-delivered { color: var(--ok); } .state-failed { color: var(--bad); } .state-held { color: var(--quiet); }
.state-queued { color: var(--warn); }
.muted { opacity: .75; font-size: .9rem; }
.week { width: 100%; max-width: 40rem; height: auto; direction: ltr; }
.week .quiet { fill: var(--quiet); } .week .day { fill: var(--card); stroke: var(--line); }
.week text { fill: var(--fg); font-size: 11px; }
.translations { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 10px; }
.translations .missing { opacity: .8; border-style: dashed; }
.scroll { overflow-x: auto; }
/* On a phone, wide tables become one card per row, each value under its column's name. */
@media (max-width: 640px) {
  table.stack thead { position: absolute; inset-inline-start: -9999px; }
  table.stack tr { display: block; border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.stack td { display: block; border: 0; padding: 2px 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
footer { max-width: 1100px; margin: 20px auto; padding: 12px; border-top: 1px solid var(--line); }
footer form { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-inline-end: 16px; }
footer select { width: auto; }
`;

/**
 * Progressive enhancement: receipts that fill in without a reload. Without script the page still works (it offers a
 * refresh link). The JSON comes from the same origin; nothing else is fetched.
 */
export const SCRIPT = `
(function () {
  var table = document.querySelector('[data-receipts]');
  if (!table) return;
  var url = table.getAttribute('data-receipts');
  var live = document.querySelector('[data-live]');
  function update() {
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        data.targets.forEach(function (t) {
          var cell = document.getElementById('state-' + t.key);
          if (!cell) return;
          if (cell.textContent !== t.label) { cell.textContent = t.label; cell.className = 'state-' + t.state; }
        });
        Object.keys(data.counts).forEach(function (k) {
          var c = document.getElementById('count-' + k);
          if (c) c.textContent = String(data.counts[k]);
        });
        if (live) live.textContent = data.summary;
        if (!data.settled) setTimeout(update, 1500);
      })
      .catch(function () { setTimeout(update, 5000); });
  }
  setTimeout(update, 800);
})();
`;

/** A fingerprint for the asset URLs: a new release is fetched again, an unchanged one is cached for long. */
export const ASSET_VERSION = createHash('sha256').update(STYLE).update(SCRIPT).digest('hex').slice(0, 10);

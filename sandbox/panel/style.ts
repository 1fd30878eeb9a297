// CSS of the control-panel page: a rough likeness of the BigCommerce control panel (dark left nav,
// white header with the store name, light grey canvas, white cards, BigDesign-like blue buttons).
export const PANEL_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Source Sans Pro", -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #313440; background: #f6f7fc; display: flex; min-height: 100vh; }
nav.side { width: 232px; flex: none; background: #313440; color: #d9dce9; padding: 16px 0; }
nav.side .logo { font-weight: 700; font-size: 18px; color: #fff; padding: 0 20px 16px; letter-spacing: .3px; }
nav.side a { display: block; padding: 8px 20px; color: #d9dce9; text-decoration: none; }
nav.side a.active { background: #3c64f4; color: #fff; }
nav.side .section { margin-top: 12px; padding: 4px 20px; font-size: 12px; text-transform: uppercase; color: #8c93ad; }
.main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
header.top { background: #fff; border-bottom: 1px solid #d9dce9; padding: 12px 24px; display: flex;
  align-items: center; gap: 16px; }
header.top h1 { font-size: 18px; margin: 0; font-weight: 600; }
header.top .hash { color: #8c93ad; font-size: 13px; }
header.top .spacer { flex: 1; }
.content { padding: 20px 24px; display: flex; flex-direction: column; gap: 16px; }
.crumbs { color: #5e637a; font-size: 13px; }
.card { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(49,52,64,.15); padding: 16px 20px; }
.card h2 { font-size: 16px; margin: 0 0 12px; font-weight: 600; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
.row + .row { margin-top: 12px; }
label { font-weight: 600; font-size: 13px; }
button { font: inherit; border: 1px solid #3c64f4; background: #3c64f4; color: #fff; border-radius: 4px;
  padding: 6px 14px; cursor: pointer; }
button.secondary { background: #fff; color: #3c64f4; }
button.danger { background: #fff; color: #db3643; border-color: #db3643; }
button:disabled { opacity: .45; cursor: not-allowed; }
select, input { font: inherit; border: 1px solid #d9dce9; border-radius: 4px; padding: 5px 8px; background: #fff; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.badge.on { background: #e6f7ee; color: #208831; }
.badge.off { background: #f0f1f5; color: #5e637a; }
#status { min-height: 22px; font-size: 13px; color: #5e637a; }
#status[data-kind="ok"] { color: #208831; }
#status[data-kind="error"] { color: #db3643; }
.frame-wrap { background: #fff; border: 1px solid #d9dce9; border-radius: 4px; overflow: hidden; }
#app-frame { display: block; width: 100%; height: 800px; border: 0; background: #fff; }
.muted { color: #8c93ad; font-size: 12px; }
#install-scope { margin: -6px 0 10px; }
`;

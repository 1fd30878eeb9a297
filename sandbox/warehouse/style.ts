// CSS of the warehouse control page: plain and dense, visibly not the BigCommerce control panel
// (a different system the merchant's warehouse staff would use).
export const WAREHOUSE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #f3f4f0; }
header { display: flex; align-items: center; gap: 16px; padding: 12px 24px; background: #243b2f; color: #e8f0ea; }
header h1 { margin: 0; font-size: 18px; }
header .muted { color: #b5c7bb; }
header code { color: #fff; }
.spacer { flex: 1; }
main { padding: 16px 24px; display: flex; flex-direction: column; gap: 16px; }
.card { background: #fff; border: 1px solid #d8dcd3; border-radius: 4px; padding: 12px 16px; }
.card h2 { font-size: 15px; margin: 0 0 8px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #eceee8; }
th { font-size: 12px; text-transform: uppercase; color: #616e64; }
td.actions { white-space: nowrap; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
code.key { background: #f3f4f0; padding: 1px 4px; border-radius: 3px; }
label { font-weight: 600; font-size: 13px; }
button { font: inherit; border: 1px solid #2f6f4f; background: #2f6f4f; color: #fff; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
button.secondary { background: #fff; color: #2f6f4f; }
button.danger { background: #fff; color: #b42318; border-color: #b42318; }
button:disabled { opacity: .4; cursor: not-allowed; }
select, input { font: inherit; border: 1px solid #c9cec4; border-radius: 4px; padding: 3px 6px; }
#fault-count { width: 5em; }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600; background: #eceee8; }
.badge.received { background: #e0ecff; color: #1d4ed8; }
.badge.shipped { background: #dcfce7; color: #166534; }
.badge.cancelled, .badge.rejected { background: #fde8e8; color: #9b1c1c; }
.muted { color: #7b867e; font-size: 12px; }
#status { min-height: 20px; font-size: 13px; }
#status[data-kind="ok"] { color: #166534; }
#status[data-kind="error"] { color: #b42318; }
`;

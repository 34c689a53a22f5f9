// The HTML report's only stylesheet, inlined (the report must work offline and from file://). Fluid
// from 390 px (a phone) up: below 900 px the chapter and nature columns give way (the chapter filter
// still works), below 480 px the function too; the verdict badge always stays in view.
export const HTML_STYLE = `
:root{--ink:#1b2430;--muted:#5b6675;--line:#d9dee5;--bg:#f5f7fa;--panel:#fff;--accent:#1f3a5f;
--ok:#1e7b34;--ok-bg:#e3f4e7;--ko:#b3261e;--ko-bg:#fbe5e3;--inc:#8a5a00;--inc-bg:#fff1cc;--na:#55606e;--na-bg:#eceff3}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.banner{display:flex;gap:24px;justify-content:space-between;align-items:flex-start;padding:24px 32px;background:var(--accent);color:#fff}
header.banner h1{margin:0 0 12px;font-size:22px;font-weight:650;letter-spacing:.01em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0;font-size:14px}
dl.facts dt{opacity:.75}dl.facts dd{margin:0;font-weight:500}
.gate{flex:none;white-space:nowrap;padding:10px 18px;border-radius:8px;font-weight:700;font-size:16px;border:2px solid #fff}
.gate.pass{background:var(--ok-bg);color:var(--ok);border-color:var(--ok)}
.gate.fail{background:var(--ko-bg);color:var(--ko);border-color:var(--ko)}
main{max-width:1280px;margin:0 auto;padding:24px 32px 48px}
section{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin-bottom:24px}
h2{margin:0 0 16px;font-size:18px}
h3{margin:18px 0 8px;font-size:15px}
.overview{display:flex;flex-wrap:wrap;gap:24px;align-items:center}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{min-width:132px;padding:12px 16px;border:0;border-radius:8px;border-left:6px solid;background:var(--bg);font:inherit;color:inherit;text-align:left;cursor:pointer}
.card:hover{background:#e9edf3}
.card .count{display:block;font-size:28px;font-weight:700;line-height:1.1}
.card .label{font-size:13px;color:var(--muted)}
.v-conforme{border-color:var(--ok)}.v-non-conforme{border-color:var(--ko)}.v-incomplet{border-color:var(--inc)}.v-non-applicable{border-color:var(--na)}.v-total{border-color:var(--accent)}
figure{margin:0;max-width:100%}figure svg{max-width:100%;height:auto}figcaption{font-size:13px;color:var(--muted);margin-top:4px}
svg .bar-conforme{fill:var(--ok)}svg .bar-non-conforme{fill:var(--ko)}svg .bar-incomplet{fill:var(--inc)}svg .bar-non-applicable{fill:var(--na)}
svg text{font:13px system-ui,sans-serif;fill:var(--ink)}
.findings-count{margin:16px 0 0;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:16px;align-items:end;margin-bottom:12px}
.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted);gap:4px}
.filters select,.filters input[type=search]{font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:#fff;min-width:220px;max-width:100%}
.filters fieldset{display:flex;flex-wrap:wrap;gap:4px 14px;margin:0;padding:0;border:0;font-size:14px}
.filters legend{float:left;width:100%;padding:0 0 4px;font-size:13px;color:var(--muted)}
.filters fieldset label{flex-direction:row;align-items:center;gap:6px;color:var(--ink);font-size:14px}
.filters output{margin-left:auto;color:var(--muted);font-size:13px}
.bulk{display:flex;gap:8px}
.bulk button{font:inherit;font-size:13px;padding:6px 12px;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--accent);cursor:pointer}
.bulk button:hover{background:var(--bg)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line);overflow-wrap:break-word}
thead th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:var(--bg)}
table.requirements>thead th{position:sticky;top:0;z-index:2;box-shadow:inset 0 -1px 0 var(--line)}
thead th,tr.req>td:first-child{overflow-wrap:normal}thead th{white-space:nowrap}
tr.req:hover{background:#fafbfd}
td.num{text-align:right;font-variant-numeric:tabular-nums}
button.toggle{font:inherit;font-weight:600;color:var(--accent);background:none;border:0;padding:0;cursor:pointer;text-align:left;white-space:nowrap}
button.toggle::before{content:"▸";display:inline-block;width:1em;transition:transform .15s}
button.toggle[aria-expanded="true"]::before{transform:rotate(90deg)}
button:focus-visible,select:focus-visible,.card:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.badge{display:inline-block;padding:2px 10px;border-radius:999px;font-size:12px;font-weight:700;white-space:nowrap}
.badge.v-conforme{background:var(--ok-bg);color:var(--ok)}.badge.v-non-conforme{background:var(--ko-bg);color:var(--ko)}
.badge.v-incomplet{background:var(--inc-bg);color:var(--inc)}.badge.v-non-applicable{background:var(--na-bg);color:var(--na)}
.state{font-size:12px;font-weight:600}.state-present{color:var(--ok)}.state-missing,.state-error{color:var(--ko)}.state-not-applicable,.state-no-proof{color:var(--na)}
tr.detail>td{background:#fbfcfe;padding:4px 24px 20px 34px}
blockquote{margin:12px 0;padding:8px 14px;border-left:4px solid var(--line);background:#fff;white-space:pre-wrap}
.meta{color:var(--muted);font-size:13px}
ul.proofs{list-style:none;margin:0;padding:0}
ul.proofs>li{margin:6px 0 10px;padding-left:12px;border-left:3px solid var(--line)}
table.files{margin-top:6px;font-size:13px}table.files th,table.files td{padding:4px 8px}
code,.sha{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
a.preview{display:block;margin-top:6px;width:max-content}a.preview img{display:block;max-width:320px;height:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
a.open{font-size:12px;margin-left:6px}
dl.doc-facts{display:grid;grid-template-columns:max-content 1fr;gap:0 10px;margin:6px 0 0;font-size:12px}dl.doc-facts dt{color:var(--muted)}dl.doc-facts dd{margin:0}
ul.findings{margin:6px 0;padding-left:20px}
.sev-error{color:var(--ko);font-weight:700}.sev-warning{color:var(--inc);font-weight:700}.sev-info{color:var(--na);font-weight:700}
footer{text-align:center;color:var(--muted);font-size:12px;padding:0 16px 32px;overflow-wrap:anywhere}
@media (max-width:900px){
.col-chapter,.col-nature{display:none}
}
@media (max-width:760px){
header.banner{flex-direction:column;gap:12px;padding:16px}
main{padding:12px 10px 32px}
section{padding:14px 12px;border-radius:8px}
.filters{gap:10px}.filters>label{flex:1 1 100%}
.filters select,.filters input[type=search]{min-width:0;width:100%}
.filters output{margin-left:0}
.card{min-width:0;flex:1 1 130px}
tr.detail>td{padding:4px 8px 16px}
table.files,table.files tbody,table.files tr,table.files td{display:block}
table.files thead{display:none}
table.files tr{padding:4px 0;border-bottom:1px solid var(--line)}
table.files td{border:0;padding:1px 4px}
}
@media (max-width:480px){
.col-function{display:none}
th,td{padding:8px 6px}
.card .count{font-size:22px}
}
@media print{
body{background:#fff;font-size:11pt}header.banner{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink);padding:0 0 12px}
.filters,button.toggle::before{display:none}main{padding:0;max-width:none}
section{border:0;padding:0;margin-bottom:16px}
tr.req:not([hidden])+tr.detail{display:table-row!important}tr.req,tr.detail{break-inside:avoid}
.badge,.card,.gate{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

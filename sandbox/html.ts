// Server-rendered HTML: a tagged template that escapes every interpolated value unless it is already
// SafeHtml, plus the page frame that makes the pages recognisably Seller Central.
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

export type Lang = 'de' | 'en';

/** `language=` (de, de_DE, en-US, …) wins over Accept-Language; German otherwise (the app's users). */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined): Lang {
  if (typeof query === 'string' && query) return query.toLowerCase().startsWith('en') ? 'en' : 'de';
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'de' || tag === 'en') return tag;
  }
  return 'de';
}

const STYLE = `
body{margin:0;font-family:"Amazon Ember",Arial,sans-serif;font-size:14px;color:#0f1111;background:#fff}
.nav{background:#232f3e;color:#fff;padding:10px 20px;display:flex;align-items:center;gap:12px}
.nav .logo{font-weight:bold;font-size:18px}.nav .logo span{color:#ff9900}
.nav .sub{font-size:13px;color:#ddd}.nav .env{margin-left:auto;font-size:12px;color:#ff9900}
main{max-width:760px;margin:24px auto;padding:0 16px}
.box{border:1px solid #ddd;border-radius:8px;padding:20px 26px;margin-bottom:18px}
h1{font-weight:400;font-size:26px;margin:0 0 14px}
label{display:block;font-weight:bold;margin:10px 0 4px}
input[type=text],input[type=email],input[type=password],input[type=number],select{width:100%;box-sizing:border-box;padding:6px 8px;border:1px solid #a6a6a6;border-radius:3px}
button,.button{background:#ffd814;border:1px solid #fcd200;border-radius:8px;padding:7px 18px;cursor:pointer;margin-top:12px;font-size:13px}
button.secondary{background:#fff;border-color:#d5d9d9}
.account-bar{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px;margin:0 0 12px}.account-bar span{flex-basis:100%}.account-bar button{margin-top:0}
.alert{border:1px solid #c40000;border-left-width:6px;border-radius:6px;padding:10px 14px;margin-bottom:14px;color:#c40000}
.info{border:1px solid #007185;border-left-width:6px;border-radius:6px;padding:10px 14px;margin-bottom:14px}
.code{font-family:monospace;color:#565959}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
code{font-size:12px;word-break:break-all}
footer{text-align:center;font-size:11px;color:#555;margin:30px 0}
`;

interface PageOptions {
  lang: Lang;
  title: string;
  /** Second line in the navigation bar, e.g. the Seller Central host. */
  subtitle?: string;
  body: SafeHtml;
}

export function page(opts: PageOptions): string {
  return html`<!doctype html>
<html lang="${opts.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title}</title><style>${new SafeHtml(STYLE)}</style></head>
<body>
<header class="nav"><span class="logo">amazon <span>seller central</span></span><span class="sub">${opts.subtitle ?? ''}</span><span class="env">SANDBOX</span></header>
<main>${opts.body}</main>
<footer>© 1999-2025, Amazon.com, Inc. or its affiliates · Sandbox</footer>
</body></html>`.value;
}

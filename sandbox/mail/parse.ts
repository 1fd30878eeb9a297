// Just enough MIME to show what the app sends: headers (folded, RFC 2047 encoded words),
// multipart bodies, quoted-printable and base64, UTF-8. Not a general mail parser.

export interface ParsedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  // A line starting with whitespace continues the previous header (folding).
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function qpBytes(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  const src = underscoreIsSpace ? text : text.replace(/=\n/g, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '_' && underscoreIsSpace) bytes.push(0x20);
    else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** "=?UTF-8?Q?Warehouse_unreachable_=E2=80=94?=" → "Warehouse unreachable —" (adjacent words join). */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const chunks: Buffer[] = [];
    for (const m of run.matchAll(word)) chunks.push(m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : qpBytes(m[3]!, true));
    return Buffer.concat(chunks).toString('utf8');
  });
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return qpBytes(part.body, false).toString('utf8');
  return part.body;
}

function leaves(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections.filter((s) => !s.startsWith('--')).flatMap((s) => leaves(splitPart(s.replace(/^\n/, ''))));
}

const addresses = (v: string | undefined) =>
  v
    ? decodeWords(v)
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '')
    : [];

export function parseMail(raw: string): ParsedMail {
  const root = splitPart(raw);
  const parts = leaves(root);
  const ofType = (t: string) => parts.find((p) => (p.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith(t));
  const text = ofType('text/plain');
  const html = ofType('text/html');
  return {
    from: decodeWords(root.headers.get('from') ?? ''),
    to: addresses(root.headers.get('to')),
    subject: decodeWords(root.headers.get('subject') ?? ''),
    text: text ? decodeBody(text).replace(/\n+$/, '') : '',
    html: html ? decodeBody(html) : null,
  };
}

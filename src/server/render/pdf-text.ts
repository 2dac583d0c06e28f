import { inflateSync } from 'node:zlib';

/** An object's dictionary and its stream, inflated when it is Flate-compressed (as pdfkit writes it). */
const decodeObject = (body: string): string => {
  const start = body.indexOf('stream\n');
  const end = body.lastIndexOf('\nendstream');
  if (start < 0 || end < start) return body;
  const dict = body.slice(0, start);
  const raw = body.slice(start + 'stream\n'.length, end);
  if (!dict.includes('/FlateDecode')) return body;
  try {
    return `${dict}stream\n${inflateSync(Buffer.from(raw, 'latin1')).toString('latin1')}\nendstream`;
  } catch {
    return body;
  }
};

/**
 * The text of a PDF written by pdfkit (pdfmake's engine), for tests: Flate streams are inflated, then each
 * font's ToUnicode map turns the hex glyph codes of the `Tj`/`TJ` operators back into characters. Only what
 * pdfkit writes is understood; every text run (word) ends with a line break.
 */
export const extractPdfText = (pdf: Buffer): string => {
  const src = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g))
    objects.set(m[1] as string, decodeObject(m[2] as string));

  const cmapOf = (ref: string): Map<number, string> => {
    const map = new Map<number, string>();
    const body = objects.get(ref) ?? '';
    for (const range of body.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const start = parseInt(range[1] as string, 16);
      [...(range[3] as string).matchAll(/<([0-9a-f ]*)>/gi)].forEach((entry, i) => {
        const units = (entry[1] as string)
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((h) => parseInt(h, 16));
        map.set(start + i, String.fromCharCode(...units));
      });
    }
    return map;
  };

  // Font resource name (/F1) → its ToUnicode map.
  const fonts = new Map<string, Map<number, string>>();
  for (const body of objects.values()) {
    for (const m of body.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of (m[1] as string).matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const font = objects.get(f[2] as string) ?? '';
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font);
        if (toUnicode && !fonts.has(f[1] as string))
          fonts.set(f[1] as string, cmapOf(toUnicode[1] as string));
      }
    }
  }

  const out: string[] = [];
  for (const body of objects.values()) {
    if (!/stream[\s\S]*BT[\s\S]*ET/.test(body)) continue;
    let font = new Map<number, string>();
    for (const op of body.matchAll(
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ|<([0-9a-f]*)> Tj|(ET)/gi,
    )) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[4]) out.push('\n');
      else {
        const hexes =
          op[2] !== undefined
            ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1] as string)
            : [op[3] as string];
        for (const hex of hexes)
          for (let i = 0; i + 4 <= hex.length; i += 4)
            out.push(font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '');
      }
    }
  }
  return out.join('');
};

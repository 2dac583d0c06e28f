/**
 * `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): old clients read the ASCII fallback, every
 * current browser the UTF-8 name; quotes, backslashes and control characters never reach the header.
 */
export const contentDisposition = (kind: 'attachment' | 'inline', filename: string): string => {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};

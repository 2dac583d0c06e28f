/** The tus `Upload-Metadata` header: comma-separated `key base64value` pairs (a value may be absent). */
export const parseUploadMetadata = (header: string | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value = ''] = pair.trim().split(' ');
    if (!key) continue;
    out[key] = Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
};

/** A minimal tus 1.0 client over fetch: create, send chunks, ask the offset. Enough to test the server. */
export type TusClient = {
  create(options: { length: number; metadata: Record<string, string> }): Promise<Response>;
  patch(location: string, offset: number, chunk: Uint8Array): Promise<Response>;
  head(location: string): Promise<Response>;
  /** Creates an upload and sends `bytes` in chunks; the last response is the one that finished it (or failed). */
  upload(
    bytes: Uint8Array,
    metadata: Record<string, string>,
    chunkSize?: number,
  ): Promise<{ location: string; last: Response }>;
  url(path: string): string;
};

export type TusAuth = { cookie: string; csrfToken: string };

export const encodeMetadata = (metadata: Record<string, string>): string =>
  Object.entries(metadata)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');

export const tusClient = (baseUrl: string, auth: { cookie: string; csrfToken: string } | null): TusClient => {
  const headers = (extra: Record<string, string>) => ({
    'tus-resumable': '1.0.0',
    ...(auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken } : {}),
    ...extra,
  });
  const url = (path: string) => new URL(path, baseUrl).toString();
  const client: TusClient = {
    url,
    create: ({ length, metadata }) =>
      fetch(url('/api/uploads'), {
        method: 'POST',
        headers: headers({ 'upload-length': String(length), 'upload-metadata': encodeMetadata(metadata) }),
      }),
    patch: (location, offset, chunk) =>
      fetch(url(location), {
        method: 'PATCH',
        headers: headers({
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        }),
        // fetch wants an ArrayBuffer-backed view; a Buffer's may be shared.
        body: new Uint8Array(chunk),
      }),
    head: (location) => fetch(url(location), { method: 'HEAD', headers: headers({}) }),
    upload: async (bytes, metadata, chunkSize = 1024 * 1024) => {
      const created = await client.create({ length: bytes.length, metadata });
      if (created.status !== 201) return { location: '', last: created };
      const location = created.headers.get('location') ?? '';
      let offset = 0;
      let last = created;
      while (offset < bytes.length) {
        const chunk = bytes.subarray(offset, Math.min(offset + chunkSize, bytes.length));
        last = await client.patch(location, offset, chunk);
        if (last.status !== 204) return { location, last };
        offset = Number(last.headers.get('upload-offset'));
      }
      return { location, last };
    },
  };
  return client;
};

/** The upload id at the end of a Location header. */
export const uploadIdOf = (location: string): string => location.split('/').pop() ?? '';

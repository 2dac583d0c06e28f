import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A tus upload in progress or finished, in the database so that any process can take the next chunk, answer a
 * HEAD, or turn the finished upload into evidence. `offset` only moves forward by a conditional update, which is
 * the lock: two requests writing the same bytes cannot both be accepted. When the last byte arrives the row
 * becomes the receipt (`stored` with the blob's hash, or `refused` with the reason) until evidence claims it.
 */
export const uploads = pgTable(
  'uploads',
  {
    /** 32 hex characters, tus's id; also the prefix of the chunk objects in the blob store. */
    id: text('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    filename: text('filename').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    offset: bigint('offset', { mode: 'number' }).notNull().default(0),
    /** tus Upload-Metadata as the client sent it (with the server's checked owner, unit and name). */
    metadata: jsonb('metadata').$type<Record<string, string | null>>().notNull(),
    /** receiving → finishing → stored | refused. */
    status: text('status').notNull().default('receiving'),
    sha256: text('sha256'),
    mime: text('mime'),
    refusalCode: text('refusal_code'),
    refusalMessage: text('refusal_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('uploads_updated_idx').on(t.updatedAt), index('uploads_sha256_idx').on(t.sha256)],
);

/** The chunks of an upload, each an object in the shared blob store, in byte order. */
export const uploadParts = pgTable(
  'upload_parts',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    offset: bigint('offset', { mode: 'number' }).notNull(),
    length: integer('length').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.offset] })],
);

/**
 * With the disk blob store on PostgreSQL: the token every process finds in its blob folder. A process whose
 * folder holds another token (or none, while the database has one) is not sharing the others' folder.
 */
export const blobStoreIdentity = pgTable('blob_store_identity', {
  id: smallint('id').primaryKey(),
  token: text('token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The shape of every CouchDB reply a sync reads. A server that answers 2xx with something else (a
 * proxy's page, another service, a damaged reply) is `sync.refused.not_couch`, said in words and kept
 * as the last failure, rather than a crash halfway through a round. Only what a round relies on is
 * checked: CouchDB adds fields freely, and documents inside a reply are checked entry by entry later.
 */
import { z } from 'zod';

/** A document as a reply carries it: an object; whether it is an event is the round's to judge. */
const document = z.looseObject({});

/** GET on the database: CouchDB's database information. */
export const DATABASE_INFO = z.looseObject({ db_name: z.string() });

/** GET /_changes: the rows and where the next page starts. */
export const CHANGES = z.looseObject({
  results: z.array(
    z.looseObject({ id: z.string(), deleted: z.boolean().optional(), doc: document.nullish() }),
  ),
  last_seq: z.union([z.string(), z.number()]),
});

/** POST /_bulk_docs: one row per document sent. */
export const BULK_DOCS = z.array(
  z.looseObject({
    id: z.string(),
    ok: z.boolean().optional(),
    error: z.string().optional(),
    reason: z.string().optional(),
  }),
);

/** POST /_all_docs?include_docs=true with keys: one row per key, a document or an error. */
export const ALL_DOCS = z.looseObject({
  rows: z.array(z.looseObject({ key: z.string(), doc: document.nullish() })),
});

/** GET /_security: an object (empty on a fresh database). */
export const SECURITY = z.looseObject({});

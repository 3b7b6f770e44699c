import { createHash } from 'node:crypto';

/** A strong validator: the hash of the exact JSON sent, so equal tags mean byte-identical bodies. */
export function brandingEtag(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url')}"`;
}

/**
 * RFC 9110 §13.1.2: If-None-Match compares weakly, so `W/"x"` matches `"x"`; `*` matches any
 * current representation.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === etag);
}

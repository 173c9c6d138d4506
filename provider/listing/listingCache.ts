/**
 * Identical lookups in one process within 60 s share one listing (docs/behaviour-and-errors.md): a Pulumi program often
 * looks up the same jobs from several places, and `pulumi preview` followed by the update's own run
 * would otherwise list everything twice. What is shared is the in-flight or settled promise of a
 * server-side listing, keyed by everything that shapes it, credentials included (by a hash), so
 * that two identities never share. A failed listing is forgotten at once.
 */
import { createHash } from "node:crypto";
import { SharedPromises } from "../support/sharedPromises";
import type { Listing } from "./listing";

/** How long a listing is shared. */
const LISTING_TTL_MS = 60_000;

/** The most listings kept; the least recently listed goes first (an expired one is listed anew when asked for). */
const MAX_ENTRIES = 256;

/** Shares listings between identical lookups for a while. */
export class ListingCache extends SharedPromises<Listing> {
  constructor(ttlMs: number = LISTING_TTL_MS, now: () => number = Date.now) {
    super(MAX_ENTRIES, ttlMs, now);
  }

  /** A key for the parts that shape a listing; secrets are hashed, never kept. */
  static key(parts: readonly unknown[]): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  }
}

/** The cache lookups share unless they are given another. */
export const processListingCache = new ListingCache();

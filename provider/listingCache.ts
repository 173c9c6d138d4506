/**
 * Identical lookups in one process within 60 s share one listing (README, "Behaviour"): a Pulumi program often
 * looks up the same jobs from several places, and `pulumi preview` followed by the update's own run
 * would otherwise list everything twice. What is shared is the in-flight or settled promise of a
 * server-side listing, keyed by everything that shapes it, credentials included (by a hash), so
 * that two identities never share. A failed listing is forgotten at once.
 */
import { createHash } from "node:crypto";
import { BoundedMap } from "./boundedMap";
import type { Listing } from "./listing";

/** How long a listing is shared. */
export const LISTING_TTL_MS = 60_000;

/** The most listings kept; the least recently listed goes first (an expired one is listed anew when asked for). */
const MAX_ENTRIES = 256;

/** Shares listings between identical lookups for a while. */
export class ListingCache {
  private readonly entries = new BoundedMap<string, { expires: number; listing: Promise<Listing> }>(
    MAX_ENTRIES,
  );

  constructor(
    private readonly ttlMs: number = LISTING_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A key for the parts that shape a listing; secrets are hashed, never kept. */
  static key(parts: readonly unknown[]): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  }

  /** The shared listing for `key`, or the one `list` starts, shared from now on. */
  get(key: string, list: () => Promise<Listing>): Promise<Listing> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry.listing;
    const listing = list();
    this.entries.set(key, { expires: now + this.ttlMs, listing });
    listing.catch(() => {
      if (this.entries.get(key)?.listing === listing) this.entries.delete(key);
    });
    return listing;
  }

  /** Forgets every listing. */
  clear(): void {
    this.entries.clear();
  }
}

/** The cache lookups share unless they are given another. */
export const processListingCache = new ListingCache();

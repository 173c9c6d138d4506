import type { Listing } from "../../../provider/listing/listing";
import { ListingCache } from "../../../provider/listing/listingCache";

const listing: Listing = { totalCount: 0, jobs: [] };

describe("ListingCache", () => {
  it("shares one listing between identical lookups within the TTL, and lists again after it", async () => {
    let now = 0;
    const cache = new ListingCache(60_000, () => now);
    const list = jest.fn(async () => listing);
    await cache.get("k", list);
    now += 59_999;
    await cache.get("k", list);
    expect(list).toHaveBeenCalledTimes(1);
    now += 2;
    await cache.get("k", list);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it("shares an in-flight listing, and forgets a failed one at once", async () => {
    const cache = new ListingCache();
    const failing = jest.fn(async () => {
      throw new Error("boom");
    });
    const a = cache.get("k", failing);
    const b = cache.get("k", failing);
    await expect(a).rejects.toThrow("boom");
    await expect(b).rejects.toThrow("boom");
    expect(failing).toHaveBeenCalledTimes(1);
    const ok = jest.fn(async () => listing);
    await expect(cache.get("k", ok)).resolves.toBe(listing);
    expect(ok).toHaveBeenCalledTimes(1);
  });

  it("keys by every part, so that different identities never share", () => {
    expect(ListingCache.key(["e", "p", "id1"])).not.toBe(ListingCache.key(["e", "p", "id2"]));
    expect(ListingCache.key(["e", "p", "secret-value"])).not.toContain("secret-value");
  });
});

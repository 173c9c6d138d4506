import { BoundedMap } from "../../../provider/support/boundedMap";
import { MAX_KNOWN_SECRETS, redact, registerSecrets } from "../../../provider/support/redact";

describe("BoundedMap", () => {
  it("keeps at most its capacity, dropping the least recently set and telling onEvict", () => {
    const evicted: string[] = [];
    const map = new BoundedMap<string, number>(2, (_value, key) => evicted.push(key));
    map.set("a", 1).set("b", 2).set("a", 3).set("c", 4);
    expect([...map.keys()]).toEqual(["a", "c"]);
    expect(evicted).toEqual(["b"]);
    map.clear();
    expect(map.size).toBe(0);
    expect(evicted).toEqual(["b", "a", "c"]);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});

describe("the registry of secrets to redact", () => {
  it("stays bounded, keeping the most recently registered secrets", () => {
    const first = "first-secret-registered-0";
    registerSecrets(first);
    for (let i = 0; i < MAX_KNOWN_SECRETS; i++) registerSecrets(`filler-secret-${i}`);
    const last = `filler-secret-${MAX_KNOWN_SECRETS - 1}`;
    expect(redact(`x ${last} x`)).toBe("x [REDACTED] x");
    expect(redact(`x ${first} x`)).toBe(`x ${first} x`);
  });

  it("hides the whole of a secret that another secret is a prefix of", () => {
    registerSecrets("prefix-secret", "prefix-secret-and-more");
    expect(redact("a prefix-secret-and-more b prefix-secret c")).toBe("a [REDACTED] b [REDACTED] c");
  });
});

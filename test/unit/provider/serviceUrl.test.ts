import { safeServiceUrl, safeServiceUrls } from "../../../provider/boundary/serviceUrl";
import { random } from "../../support/random";

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const SCHEMES = ["http://", "https://", "HTTP://", "Https://", "ftp://", "javascript:", "http:/", "http:///"];
const AUTHORITIES = [
  "h",
  "H.Example.com",
  "h:80",
  "h:443",
  "h:8080",
  "127.0.0.1:34567",
  "0x7f.1",
  "[::1]:8080",
  "user@h",
  "user:pw@h",
  "h%41",
  "xn--bcher-kva.example",
  "bücher.example",
  "h:99999",
  "h:",
  "",
];
const PIECES = ["/", "a", "visualization", "42", ".", "..", "...", "%2e", "%2E", "%41", "?", "#", "'", "^"];
const MORE = ["[", "]", "|", "`", "{", "}", "\\", '"', "<", ">", " ", "\t", "\r\n", "é", "\u202e", "@", ":"];
const ALL_PIECES = [...PIECES, ...MORE, "=", "&", "~", "-", "_", "!", "$", "(", ")", "*", "+", ",", ";"];

function randomUrl(next: () => number): string {
  let rest = "";
  const length = Math.floor(next() * 8);
  for (let i = 0; i < length; i++) rest += pick(next, next() < 0.6 ? PIECES : ALL_PIECES);
  return `${pick(next, SCHEMES)}${pick(next, AUTHORITIES)}${rest}`;
}

describe("safeServiceUrls", () => {
  it("gives each URL exactly what the WHATWG parser gives, for URLs that share an origin and URLs that only seem to", () => {
    const urls = [
      "http://h/a",
      "http://h:80/b",
      "http://h@x/c",
      "http://hx/d",
      "http://h",
      "http://h?q=1",
      "http://h#f",
      "http:///h/e",
      "http://h\\x",
      "HTTP://H.Example.COM/Path/",
      "http://user@h/",
      "http://h/",
      "http://h/./a",
      "http://h/a/../b",
      "http://h/.../a",
      "http://h/%2e%2E/a",
      "http://h/a?b'c",
      "http://h/a#b#c",
      "http://h/a^b",
      "http://h/é",
      "http://[::1]:8080/x",
      "http://0x7f.1/x",
      "http://h/a\tb",
      "https://tb.example.com:443/2/?run=a%20b#top",
      "javascript:alert(1)",
      "",
    ];
    expect(safeServiceUrls(urls)).toEqual(urls.map(safeServiceUrl));
  });

  it("agrees with the WHATWG parser on 20,000 generated URLs, in runs that share origins", () => {
    const next = random(17);
    const urls: string[] = [];
    while (urls.length < 20_000) {
      const url = randomUrl(next);
      // Runs of one origin, as a listing has them, so that the fast path's reuse of an origin is tested.
      const run = 1 + Math.floor(next() * 4);
      for (let i = 0; i < run; i++) urls.push(i === 0 ? url : `${url}${pick(next, ALL_PIECES)}`);
    }
    const expected = urls.map(safeServiceUrl);
    const actual = safeServiceUrls(urls);
    const differing = urls.filter((_, i) => actual[i] !== expected[i]);
    expect(differing).toEqual([]);
    // The generator reaches both outcomes often: kept URLs and refused ones.
    expect(expected.filter((u) => u !== "").length).toBeGreaterThan(2_000);
    expect(expected.filter((u) => u === "").length).toBeGreaterThan(2_000);
  });

  it("refuses what safeServiceUrl refuses: other schemes, credentials, control characters", () => {
    expect(
      safeServiceUrls([
        "file:///etc/passwd",
        "https://user:pw@tb.example.com/x",
        "http://h/\r\nInjected: 1",
        "https://tb.example.com/ok",
      ]),
    ).toEqual(["", "", "", "https://tb.example.com/ok"]);
  });
});

// One address per article, so the same article linked from a feed, a newsletter and a
// teacher's browser is found as one: the fragment, tracking parameters and the default port
// go, the host is lower-cased. Pure.

/** Query parameters that say who sent the reader, never which page it is. */
const TRACKING =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|smid|ref_src|__twitter_impression)$/i;

export function canonicalUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = "";
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === "http:" && url.port === "80") || (url.protocol === "https:" && url.port === "443"))
    url.port = "";
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  return url.href.replace(/\?$/, "");
}

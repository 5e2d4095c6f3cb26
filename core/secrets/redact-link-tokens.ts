// Signed links carry their token in the path (/r/<token>); logs keep the path without it.
export function redactLinkTokens(url: string): string {
  return url.replace(/\/r\/[^/?#]+/g, '/r/[redacted]');
}

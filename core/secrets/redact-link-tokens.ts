// Signed links carry their token in the path (/r/<token>), SMS short links their code (/r/<code>); logs keep the path without either.
export function redactLinkTokens(url: string): string {
  return url.replace(/\/r\/[^/?#]+/g, '/r/[redacted]');
}

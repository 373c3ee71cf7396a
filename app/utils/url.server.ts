/**
 * The absolute address of `pathname` as the visitor reached this site. The Express adapter
 * builds request.url from X-Forwarded-Proto and X-Forwarded-Host only when TRUST_PROXY says the
 * proxy is trusted (server/app.ts), the same rule that decides a cookie is Secure
 * (app/auth/session.server.ts) — so a printed link says https exactly when the site is served so.
 */
export function absoluteUrl(request: Request, pathname: string): string {
  return new URL(pathname, new URL(request.url).origin).href;
}

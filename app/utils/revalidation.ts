import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * True for a navigation that changes only the query of the same page, with no form submitted:
 * a move within a page (the attempt page's `?q=`). An explicit revalidation keeps the same URL
 * and still reloads.
 */
export function onlyQueryChanged(currentUrl: URL, nextUrl: URL, formMethod: string | undefined): boolean {
  return !formMethod && currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search;
}

/** A route's `shouldRevalidate` that keeps its data across moves within a page. */
export const keepDataWithinPage: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => (onlyQueryChanged(currentUrl, nextUrl, formMethod) ? false : defaultShouldRevalidate);

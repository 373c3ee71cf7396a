import { createCookie } from "@remix-run/node";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

export const localeCookie = createCookie("la_locale", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

/** A logged-in user's saved locale wins, then the cookie; Vietnamese by default. */
export async function getLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

export async function getFixedT(request: Request, userLocale?: string | null) {
  return createI18n(await getLocale(request, userLocale)).t;
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { hasRole } from "./auth/access";
import { getCurrentUser } from "./auth/guards.server";
import { readFlash } from "./auth/session.server";
import { Toast } from "./components/Feedback";
import { translationChunkUrls } from "./i18n/chunks.server";
import { DEFAULT_LOCALE, type Locale } from "./i18n/config";
import { getLocale } from "./i18n/i18n.server";
import { loadTranslations } from "./i18n/load.client";
import { partsForPath } from "./i18n/parts";
import { I18nProvider, useTranslation } from "./i18n/react";
import { translate } from "./i18n/translate";
import { useSocketUser } from "./realtime/client/useSocket";
import stylesUrl from "./styles/app.css?url";
import { useNonce, useRequestId } from "./utils/request-info";
import { keepDataWithinPage } from "./utils/revalidation";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Titles for the error pages (every other page sets its own). */
export const meta: MetaFunction<typeof loader> = ({ error, data }) => {
  if (!error) return [];
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const { kind } = describeError(error);
  return [{ title: `${translate(locale, `errorPage.${kind}.title`)} — ${translate(locale, "app.name")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const locale = await getLocale(request, user?.locale);
  const { flash, setCookie } = await readFlash(request);
  return json(
    {
      locale,
      translationChunks: translationChunkUrls(locale, partsForPath(new URL(request.url).pathname)),
      toast: flash,
      user: user
        ? {
            id: user.id,
            fullName: user.fullName,
            canManage: hasRole(user.grants, "ORGANIZER"),
            isAdmin: hasRole(user.grants, "ADMIN"),
          }
        : null,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

/** The root's data depends on the path, not the query: a move within a page (`?q=`, filters) reloads none of it. */
export const shouldRevalidate = keepDataWithinPage;

/**
 * In the browser, after the server's data: the strings of the locale it names and of the page
 * being opened, before React renders with them (a log-in may switch the locale; /manage needs
 * its part). Not run at hydration: entry.client.tsx loaded the first page's strings.
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadTranslations(data.locale, partsForPath(new URL(request.url).pathname));
  return data;
}

function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f8a" />
        <Meta />
        <Links />
        {data?.translationChunks.map((href) => (
          <link key={href} rel="modulepreload" href={href} />
        ))}
      </head>
      <body>
        <I18nProvider locale={locale}>
          <Shell>{children}</Shell>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const data = useRootData();
  const location = useLocation();
  const user = data?.user ?? null;
  useSocketUser(user?.id ?? null);
  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ⚖
            </span>
            <span>
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <nav aria-label={t("nav.main")} className="main-nav">
            <NavLink to="/courses">{t("nav.courses")}</NavLink>
            {user ? <NavLink to="/my/courses">{t("nav.myCourses")}</NavLink> : null}
            {user?.canManage ? <NavLink to="/manage">{t("nav.manage")}</NavLink> : null}
            {user ? (
              <>
                <NavLink to="/account/password">{t("nav.account")}</NavLink>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <NavLink to="/login">{t("nav.login")}</NavLink>
                <NavLink to="/register">{t("nav.register")}</NavLink>
              </>
            )}
            <Form method="post" action="/locale" className="inline-form">
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              <input type="hidden" name="locale" value={data?.locale === "en" ? "vi" : "en"} />
              <button type="submit" className="link-button" lang={data?.locale === "en" ? "vi" : "en"}>
                {data?.locale === "en" ? "Tiếng Việt" : "English"}
              </button>
            </Form>
          </nav>
        </div>
      </header>
      <main id="main" className="container main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">{t("app.footer")}</div>
      </footer>
      <Toast toast={data?.toast ?? null} />
    </>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

function describeError(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "server";
  return { status, kind };
}

/** One error page for every route: friendly text per status, the request id for support. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const requestId = useRequestId();
  const { status, kind } = describeError(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{t(`errorPage.${kind}.title`)}</h1>
      <p>{t(`errorPage.${kind}.body`)}</p>
      {status >= 500 && requestId ? (
        <p className="error-request-id" data-request-id={requestId}>
          {t("errorPage.requestId", { requestId })}
        </p>
      ) : null}
      <p>
        <Link to="/" className="btn btn-primary">
          {t("errorPage.home")}
        </Link>
      </p>
    </section>
  );
}

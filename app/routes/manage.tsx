import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { type ClientLoaderFunctionArgs, NavLink, Outlet, useLoaderData, useNavigation } from "@remix-run/react";
import { hasRole } from "~/auth/access";
import { requireRole } from "~/auth/guards.server";
import { Skeleton } from "~/components/Feedback";
import { isLocale } from "~/i18n/config";
import { loadTranslations } from "~/i18n/load.client";
import { partsForPath } from "~/i18n/parts";
import { useTranslation } from "~/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  return json({ isAdmin: hasRole(user.grants, "ADMIN") });
}

/** Coming from a public page: the organizer's strings (app/i18n/parts.ts) before the screen renders. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const lang = document.documentElement.lang;
  const [data] = await Promise.all([
    serverLoader<typeof loader>(),
    loadTranslations(isLocale(lang) ? lang : "vi", partsForPath("/manage")),
  ]);
  return data;
}

export default function ManageLayout() {
  const { t } = useTranslation();
  useLoaderData<typeof loader>();
  const navigation = useNavigation();
  // Between two management pages, show a placeholder instead of the stale page.
  const switchingPage =
    navigation.state === "loading" && navigation.location.pathname.startsWith("/manage") && !navigation.formMethod;
  return (
    <div className="manage-layout">
      <nav className="sub-nav" aria-label={t("manage.navLabel")}>
        <NavLink to="/manage" end>
          {t("manage.overview")}
        </NavLink>
        <NavLink to="/manage/org">{t("manage.org")}</NavLink>
        <NavLink to="/manage/contests">{t("manage.contests")}</NavLink>
        <NavLink to="/manage/live">{t("manage.live")}</NavLink>
        <NavLink to="/manage/banks">{t("manage.banks")}</NavLink>
        <NavLink to="/manage/courses">{t("manage.courses")}</NavLink>
        <NavLink to="/manage/rosters">{t("manage.rosters")}</NavLink>
        <NavLink to="/manage/training">{t("manage.training")}</NavLink>
        <NavLink to="/manage/targets">{t("manage.targets")}</NavLink>
        <NavLink to="/manage/indicators">{t("manage.indicators")}</NavLink>
        <NavLink to="/manage/population">{t("manage.population")}</NavLink>
        <NavLink to="/manage/api-tokens">{t("manage.apiTokens")}</NavLink>
        <NavLink to="/manage/surveys">{t("manage.surveys")}</NavLink>
        <NavLink to="/manage/organizers">{t("manage.organizers")}</NavLink>
        <NavLink to="/manage/members">{t("manage.members")}</NavLink>
        <NavLink to="/manage/privacy">{t("manage.privacy")}</NavLink>
        <NavLink to="/manage/audit">{t("manage.audit")}</NavLink>
      </nav>
      <div className="manage-content">{switchingPage ? <Skeleton lines={6} /> : <Outlet />}</div>
    </div>
  );
}

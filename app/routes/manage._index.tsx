import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { useTranslation } from "~/i18n/react";
import { scopeFilter } from "~/org/tree.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Quản lý — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const nodeScope = scopeFilter(user);
  const [nodes, members, organizers] = await Promise.all([
    db.orgNode.count({ where: nodeScope }),
    db.user.count({ where: { memberships: { some: { orgNode: nodeScope } } } }),
    db.membership.count({ where: { role: "ORGANIZER", orgNode: nodeScope } }),
  ]);
  return json({ nodes, members, organizers });
}

export default function ManageOverview() {
  const { t } = useTranslation();
  const counts = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("manage.overviewTitle")}</h1>
      <div className="stat-grid">
        <Link to="/manage/org" className="stat card">
          <span className="stat-value">{counts.nodes}</span>
          <span className="stat-label">{t("manage.statNodes")}</span>
        </Link>
        <Link to="/manage/members" className="stat card">
          <span className="stat-value">{counts.members}</span>
          <span className="stat-label">{t("manage.statMembers")}</span>
        </Link>
        <Link to="/manage/organizers" className="stat card">
          <span className="stat-value">{counts.organizers}</span>
          <span className="stat-label">{t("manage.statOrganizers")}</span>
        </Link>
      </div>
    </>
  );
}

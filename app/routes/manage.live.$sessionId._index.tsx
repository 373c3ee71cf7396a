import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { HostConsole } from "~/live-quiz/components/HostConsole";
import { requireHostedSession } from "~/live-quiz/guards.server";
import { qrSvgDataUri } from "~/utils/qr.server";
import { absoluteUrl } from "~/utils/url.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Thi trực tiếp"} — Legal Arena` },
];

/** The host's console and projector view of one live session (the live part runs over the socket). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireHostedSession(request, params.sessionId);
  const joinUrl = absoluteUrl(request, session.joinCode ? `/live?code=${session.joinCode}` : "/live");
  return json({
    id: session.id,
    title: session.title,
    nodeName: session.orgNode.name,
    joinCode: session.joinCode,
    joinUrl,
    qrDataUri: await qrSvgDataUri(joinUrl),
  });
}

export default function HostLiveSessionPage() {
  const { t } = useTranslation();
  const session = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/manage/live">← {t("quiz.manageTitle")}</Link>
      </p>
      <h1>{session.title}</h1>
      <p className="muted">{session.nodeName}</p>
      <HostConsole
        sessionId={session.id}
        joinCode={session.joinCode}
        joinUrl={session.joinUrl}
        qrDataUri={session.qrDataUri}
      />
    </>
  );
}

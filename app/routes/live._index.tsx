import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/guards.server";
import { useTranslation } from "~/i18n/react";
import { PlayerScreen } from "~/live-quiz/components/PlayerScreen";

export const meta: MetaFunction = () => [{ title: "Thi trực tiếp — Legal Arena" }];

/**
 * Where players join a live quiz: the QR code on the projector opens /live?code=…. No account
 * is needed; a logged-in user's name is offered as the display name and the player is linked.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const code = (new URL(request.url).searchParams.get("code") ?? "").replace(/\D/g, "").slice(0, 6);
  return json({ code, suggestedName: user?.fullName.slice(0, 30) ?? "" });
}

export default function LiveQuizPlayerPage() {
  const { t } = useTranslation();
  const { code, suggestedName } = useLoaderData<typeof loader>();
  return (
    <div className="attempt-page">
      <h1>{t("quiz.playerTitle")}</h1>
      <noscript>
        <p className="alert alert-info">{t("quiz.needsJavascript")}</p>
      </noscript>
      <PlayerScreen initialCode={code} suggestedName={suggestedName} />
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import { xlsxResponse } from "~/contests/ranking-export.server";
import { runtime } from "~/runtime.server";
import { surveyWorkbook } from "~/surveys/export.server";
import { requireManagedSurvey } from "~/surveys/guards.server";

/** A survey's results as Excel: the summary per question and every response, without names; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, survey } = await requireManagedSurvey(request, params.surveyId);
  const { db } = runtime();
  const { buffer, rows } = await surveyWorkbook(db, survey.id);
  await audit(db, request, {
    actorId: user.id,
    action: "survey.exported",
    targetType: "Survey",
    targetId: survey.id,
    orgNodeId: survey.orgNodeId,
    details: { rows },
  });
  return xlsxResponse(buffer, `khao-sat-${survey.code}.xlsx`);
}

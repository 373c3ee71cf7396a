import { useId, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { LiveBoard, type LiveBoardData } from "./LiveBoard";

/**
 * The organizer's live whole-contest board, for the contest or one unit under it (a commune's,
 * a school's own ranking), updating as attempts close in any round.
 */
export function LiveContestPanel({
  contestId,
  units,
}: {
  contestId: string;
  /** The nodes under the contest's node, in tree order. */
  units: Array<{ id: string; name: string; depth: number }>;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const [nodeId, setNodeId] = useState("");
  const empty: LiveBoardData = { total: 0, top: [] };
  const unit = units.find((candidate) => candidate.id === nodeId);
  const minDepth = Math.min(...units.map((candidate) => candidate.depth));
  return (
    <section className="result-section live-round" aria-labelledby="live-contest-title">
      <h3 id="live-contest-title">{t("live.contestTitle")}</h3>
      {units.length > 0 ? (
        <div className="field">
          <label htmlFor={selectId}>{t("live.unitFilter")}</label>
          <select id={selectId} value={nodeId} onChange={(event) => setNodeId(event.target.value)}>
            <option value="">{t("live.allUnits")}</option>
            {units.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {`${"— ".repeat(candidate.depth - minDepth)}${candidate.name}`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <LiveBoard
        key={nodeId || "contest"}
        contestId={contestId}
        nodeId={nodeId || undefined}
        caption={unit ? t("live.unitCaption", { unit: unit.name }) : t("live.contestCaption")}
        initial={empty}
      />
    </section>
  );
}

import { useTranslation } from "~/i18n/react";
import type { BankAvailability } from "../availability";
import { type FormValues, ruleRows } from "../setup-forms";

/** A round's rules, read-only: shown instead of the form once someone has started the round. */
export function RoundSummary({ values, banks }: { values: FormValues; banks: BankAvailability[] }) {
  const { t } = useTranslation();
  const bankName = (id: string) => banks.find((bank) => bank.id === id)?.name ?? id;
  const topicName = (bankId: string, topicId: string) =>
    banks.find((bank) => bank.id === bankId)?.topics.find((topic) => topic.id === topicId)?.name ?? topicId;
  const tieBreaks = [values.tieBreak1, values.tieBreak2, values.tieBreak3].filter(Boolean);
  const fixedCount = Object.keys(values).filter((key) => key.startsWith("question.")).length;
  const row = (label: string, value: string) => (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const yesNo = (name: string) => (values[name] === "on" ? t("contestSetup.yes") : t("contestSetup.no"));
  return (
    <dl className="card summary-list">
      {row(t("contestSetup.round.opensAt"), values.opensAt.replace("T", " "))}
      {row(t("contestSetup.round.closesAt"), values.closesAt.replace("T", " "))}
      {row(t("contestSetup.round.timeLimitMinutes"), values.timeLimitMinutes)}
      {row(t("contestSetup.round.attemptsAllowed"), values.attemptsAllowed)}
      {row(t("contestSetup.round.countingAttempt"), t(`contestSetup.countingAttempt.${values.countingAttempt}`))}
      {row(t("contestSetup.round.pointsPerQuestion"), values.pointsPerQuestion)}
      {row(t("contestSetup.round.shuffleQuestions"), yesNo("shuffleQuestions"))}
      {row(t("contestSetup.round.shuffleOptions"), yesNo("shuffleOptions"))}
      {row(t("contestSetup.round.predictionEnabled"), yesNo("predictionEnabled"))}
      {row(t("contestSetup.round.reviewPolicy"), t(`contestSetup.reviewPolicy.${values.reviewPolicy}`))}
      {row(
        t("contestSetup.round.leaderboardVisibility"),
        t(`contestSetup.leaderboardVisibility.${values.leaderboardVisibility}`),
      )}
      {row(
        t("contestSetup.round.tieBreakOrder"),
        [t("contestSetup.tieBreaker.score"), ...tieBreaks.map((key) => t(`contestSetup.tieBreaker.${key}`))].join(
          " → ",
        ),
      )}
      <div className="summary-row">
        <dt>{t("contestSetup.blueprint.legend")}</dt>
        <dd>
          {values.blueprintMode === "fixed" ? (
            t("contestSetup.blueprint.selected", { count: fixedCount })
          ) : (
            <ul>
              {ruleRows(values).map((rule) => (
                <li key={rule.index}>
                  {t("contestSetup.blueprint.ruleSummary", {
                    count: rule.count,
                    bank: bankName(rule.bankId),
                    topic: rule.topicId ? topicName(rule.bankId, rule.topicId) : t("contestSetup.blueprint.anyTopic"),
                    difficulty: rule.difficulty
                      ? t(`questions.difficulty.${rule.difficulty}`)
                      : t("contestSetup.blueprint.anyDifficulty"),
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

import { useMemo, useState } from "react";
import { Button } from "~/components/Button";
import { type FieldError, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { DIFFICULTIES } from "~/questions/draft";
import { availableFor, type BankAvailability, type FixedQuestionChoice } from "../availability";
import { type FormValues, type RuleRowValues, ruleRows } from "../setup-forms";
import { ChoiceGroup, useEnhanced } from "./SetupFields";

/**
 * How a round's questions are chosen: rules (N questions of a bank, optionally one topic and
 * one difficulty) showing live how many approved questions each rule can draw from, or a fixed
 * list ticked question by question. Without JavaScript both parts show and the add/remove
 * buttons post the form, which comes back with the row added or removed.
 */
export function BlueprintFields({
  values,
  errors,
  banks,
  fixedChoices,
}: {
  values: FormValues;
  errors: Record<string, FieldError>;
  banks: BankAvailability[];
  fixedChoices: FixedQuestionChoice[];
}) {
  const { t } = useTranslation();
  const enhanced = useEnhanced();
  const [mode, setMode] = useState(values.blueprintMode === "fixed" ? "fixed" : "rules");
  const [rows, setRows] = useState<RuleRowValues[]>(() => ruleRows(values));
  const [selected, setSelected] = useState(
    () =>
      new Set(
        Object.keys(values)
          .filter((key) => key.startsWith("question.") && values[key] === "on")
          .map((key) => key.slice("question.".length)),
      ),
  );
  const choicesByBank = useMemo(() => {
    const grouped = new Map<string, FixedQuestionChoice[]>();
    for (const choice of fixedChoices) grouped.set(choice.bankId, [...(grouped.get(choice.bankId) ?? []), choice]);
    return grouped;
  }, [fixedChoices]);
  const offered = new Set(fixedChoices.map((choice) => choice.id));
  // Chosen earlier but no longer approved: kept (not silently dropped), and publishing says so.
  const unavailable = [...selected].filter((id) => !offered.has(id));

  const update = (index: number, change: Partial<RuleRowValues>) =>
    setRows((current) =>
      current.map((row) =>
        row.index !== index
          ? row
          : { ...row, ...change, ...(change.bankId && change.bankId !== row.bankId ? { topicId: "" } : {}) },
      ),
    );
  const addRow = () =>
    setRows((current) => [
      ...current,
      {
        index: Math.max(-1, ...current.map((row) => row.index)) + 1,
        bankId: current.at(-1)?.bankId ?? banks[0]?.id ?? "",
        topicId: "",
        difficulty: "",
        count: "",
      },
    ]);
  const wanted = rows.reduce((sum, row) => sum + (Number.parseInt(row.count, 10) || 0), 0);

  return (
    <ChoiceGroup legend={t("contestSetup.blueprint.legend")} error={errors.blueprint}>
      {(["rules", "fixed"] as const).map((choice) => (
        <label key={choice} className="checkbox">
          <input
            type="radio"
            name="blueprintMode"
            value={choice}
            defaultChecked={mode === choice}
            onChange={() => setMode(choice)}
          />{" "}
          {t(`contestSetup.blueprint.mode.${choice}`)}
        </label>
      ))}

      <div hidden={enhanced && mode !== "rules" ? true : undefined}>
        {banks.length === 0 ? <p className="alert alert-info">{t("contestSetup.blueprint.noBanks")}</p> : null}
        {rows.map((row, position) => {
          const bank = banks.find((candidate) => candidate.id === row.bankId);
          const available = availableFor(banks, row);
          const count = Number.parseInt(row.count, 10);
          return (
            <fieldset key={row.index} className="field rule-row">
              <legend>{t("contestSetup.blueprint.rule", { number: position + 1 })}</legend>
              <SelectField
                label={t("contestSetup.blueprint.bank")}
                name={`rule.${row.index}.bankId`}
                value={row.bankId}
                onChange={(event) => update(row.index, { bankId: event.target.value })}
                error={errors[`rule.${row.index}.bankId`]}
                options={banks.map((option) => ({
                  value: option.id,
                  label: `${option.name} — ${option.nodeName}`,
                }))}
              />
              <div className="field-row">
                <SelectField
                  label={t("contestSetup.blueprint.topic")}
                  name={`rule.${row.index}.topicId`}
                  value={row.topicId}
                  onChange={(event) => update(row.index, { topicId: event.target.value })}
                  error={errors[`rule.${row.index}.topicId`]}
                  options={[
                    { value: "", label: t("contestSetup.blueprint.anyTopic") },
                    ...(bank?.topics ?? []).map((topic) => ({ value: topic.id, label: topic.name })),
                  ]}
                />
                <SelectField
                  label={t("contestSetup.blueprint.difficulty")}
                  name={`rule.${row.index}.difficulty`}
                  value={row.difficulty}
                  onChange={(event) => update(row.index, { difficulty: event.target.value })}
                  options={[
                    { value: "", label: t("contestSetup.blueprint.anyDifficulty") },
                    ...DIFFICULTIES.map((difficulty) => ({
                      value: difficulty,
                      label: t(`questions.difficulty.${difficulty}`),
                    })),
                  ]}
                />
                <TextField
                  label={t("contestSetup.blueprint.count")}
                  name={`rule.${row.index}.count`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={200}
                  required
                  value={row.count}
                  onChange={(event) => update(row.index, { count: event.target.value })}
                  error={errors[`rule.${row.index}.count`]}
                  hint={
                    count > available
                      ? t("contestSetup.blueprint.notEnough", { available, wanted: count })
                      : t("contestSetup.blueprint.available", { available })
                  }
                />
              </div>
              {rows.length > 1 ? (
                <Button
                  type={enhanced ? "button" : "submit"}
                  variant="ghost"
                  name="intent"
                  value={`removeRule.${row.index}`}
                  onClick={() => setRows((current) => current.filter((other) => other.index !== row.index))}
                >
                  {t("contestSetup.blueprint.removeRule", { number: position + 1 })}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        <p>
          <Button
            type={enhanced ? "button" : "submit"}
            variant="secondary"
            name="intent"
            value="addRule"
            onClick={addRow}
            disabled={banks.length === 0}
          >
            {t("contestSetup.blueprint.addRule")}
          </Button>
        </p>
        <p className="muted" aria-live="polite">
          {t("contestSetup.blueprint.total", { count: wanted })}
        </p>
      </div>

      <div hidden={enhanced && mode !== "fixed" ? true : undefined}>
        <p className="muted" aria-live="polite">
          {t("contestSetup.blueprint.selected", { count: selected.size })}
        </p>
        {unavailable.length > 0 ? (
          <p className="alert alert-info">
            {t("contestSetup.blueprint.unavailable", { count: unavailable.length })}
            {unavailable.map((id) => (
              <input key={id} type="hidden" name={`question.${id}`} value="on" />
            ))}
          </p>
        ) : null}
        {banks
          .filter((bank) => choicesByBank.has(bank.id))
          .map((bank) => {
            const choices = choicesByBank.get(bank.id) ?? [];
            const chosenHere = choices.filter((choice) => selected.has(choice.id)).length;
            return (
              <details key={bank.id} className="choice-bank" open={chosenHere > 0 || undefined}>
                <summary>
                  {bank.name} — {t("contestSetup.blueprint.bankChoices", { count: choices.length, chosen: chosenHere })}
                </summary>
                <ul className="choice-list">
                  {choices.map((choice) => (
                    <li key={choice.id}>
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          name={`question.${choice.id}`}
                          checked={selected.has(choice.id)}
                          onChange={(event) => {
                            const checked = event.target.checked;
                            setSelected((current) => {
                              const next = new Set(current);
                              if (checked) next.add(choice.id);
                              else next.delete(choice.id);
                              return next;
                            });
                          }}
                        />{" "}
                        <span>
                          {choice.text}{" "}
                          <span className="muted">({t(`questions.difficulty.${choice.difficulty}`)})</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
      </div>
    </ChoiceGroup>
  );
}

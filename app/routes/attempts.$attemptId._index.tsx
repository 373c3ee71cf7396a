import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  type ClientLoaderFunctionArgs,
  Form,
  Link,
  useFetcher,
  useLoaderData,
  useNavigate,
  useRevalidator,
  useSearchParams,
} from "@remix-run/react";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { takeHandover } from "~/contests/attempt-handover";
import { attemptPageData } from "~/contests/attempt-page.server";
import { saveAnswer, submitAttempt } from "~/contests/attempts.server";
import { usePageSignals } from "~/contests/hooks/usePageSignals";
import { useTranslation } from "~/i18n/react";
import { overSocket } from "~/realtime/client/request";
import { useSocket } from "~/realtime/client/useSocket";
import { runtime } from "~/runtime.server";
import { keepDataWithinPage } from "~/utils/revalidation";

export const meta: MetaFunction = () => [{ title: "Bài thi — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await attemptPageData(runtime().db, {
    attemptId: params.attemptId ?? "",
    userId: user.id,
    sessionId: user.sessionId,
  });
  if (data.kind === "notFound") throw new Response("Not Found", { status: 404 });
  if (data.kind === "closed") throw redirect(`/attempts/${data.attemptId}/result`);
  return json(data.page);
}

/**
 * Opened right after a start over the socket: the start's answer carried this page's data, so
 * the page opens without a request (issue 8). Otherwise, and on every revalidation, the server's.
 */
export async function clientLoader({ params, serverLoader }: ClientLoaderFunctionArgs) {
  return takeHandover(params.attemptId ?? "") ?? (await serverLoader<typeof loader>());
}

type AttemptView = SerializeFrom<typeof clientLoader>;

const choicesOf = (view: AttemptView) =>
  new Map(view.questions.map((question) => [question.position, question.selected]));

/**
 * Going to another question (`?q=`) reloads nothing: each move would otherwise fetch the root's
 * and this page's data again, sixteen times per contestant in a round (issue 8). Submissions
 * and explicit revalidations (time up) still reload.
 */
export const shouldRevalidate = keepDataWithinPage;

const answerSchema = z.object({
  intent: z.literal("answer"),
  position: z.coerce.number().int().min(0).max(500),
  next: z.coerce.number().int().min(0).max(500).optional(),
});
const submitSchema = z.object({
  intent: z.literal("submit"),
  prediction: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, "errors.attempt.predictionInvalid")
    .optional()
    .transform((value) => (value ? Number(value) : null)),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const attemptId = params.attemptId ?? "";
  const { db } = runtime();
  if (formData.get("intent") === "submit") {
    const parsed = submitSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return json({ ok: false as const, message: parsed.error.issues[0].message }, { status: 400 });
    const result = await submitAttempt(db, { attemptId, userId: user.id, prediction: parsed.data.prediction });
    if (!result.ok && result.code === "ATTEMPT_NOT_FOUND") throw new Response("Not Found", { status: 404 });
    if (!result.ok) return json({ ok: false as const, message: result.message }, { status: 409 });
    return redirect(`/attempts/${attemptId}/result`);
  }
  const parsed = answerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ ok: false as const, message: "errors.attempt.INVALID_ANSWER" }, { status: 400 });
  const selected = formData.getAll("selected").map(Number);
  const result = await saveAnswer(db, { attemptId, userId: user.id, position: parsed.data.position, selected });
  // Someone else's attempt does not exist as far as this user is concerned.
  if (!result.ok && result.code === "ATTEMPT_NOT_FOUND") throw new Response("Not Found", { status: 404 });
  if (!result.ok)
    return json({ ok: false as const, message: result.message, position: parsed.data.position }, { status: 409 });
  // Without JavaScript the form moves on to the next question.
  if (parsed.data.next !== undefined) return redirect(`/attempts/${attemptId}?q=${parsed.data.next}`);
  return json({ ok: true as const, position: parsed.data.position, savedAt: result.savedAt });
}

/** Seconds left, counted from the server's remaining time (the device's clock never decides). */
function useCountdown(remainingMs: number) {
  const endsAt = useRef(0);
  const [left, setLeft] = useState(Math.ceil(remainingMs / 1000));
  useEffect(() => {
    endsAt.current = performance.now() + remainingMs;
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((endsAt.current - performance.now()) / 1000))), 500);
    return () => clearInterval(timer);
  }, [remainingMs]);
  return left;
}

type SaveState = "saving" | "saved" | "retrying" | "refused" | null;

// Past this an answer unacknowledged over the socket goes over HTTP (the same answer again is harmless).
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Saves an answer over the socket when it is connected, else (or when it does not answer) with
 * fetch, retrying with back-off while the network is down (cheap phones on 3G), and again when
 * the browser comes back online. "Saved" is shown only after the server has committed the answer.
 */
function useAnswerSaver(attemptId: string, position: number, socket: Socket | null) {
  const [state, setState] = useState<SaveState>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const pending = useRef<number[] | null>(null);
  const generation = useRef(0);
  // A retry takes the socket once it has connected.
  const socketRef = useRef(socket);
  useEffect(() => {
    socketRef.current = socket;
  }, [socket]);
  const send = useCallback(
    async (selected: number[]) => {
      pending.current = selected;
      const current = ++generation.current;
      setState("saving");
      for (let tries = 0; current === generation.current; tries++) {
        const answer = await overSocket(
          socketRef.current,
          "attempt:answer",
          { attemptId, position, selected },
          ANSWER_TIMEOUT_MS,
        );
        if (current !== generation.current) return;
        if (answer) {
          if (answer.ok) pending.current = null;
          // The socket's refusal is already in the user's language; t() shows such a text as it is.
          else setRefusal(answer.message);
          setState(answer.ok ? "saved" : "refused");
          return;
        }
        const body = new FormData();
        body.set("position", String(position));
        for (const index of selected) body.append("selected", String(index));
        try {
          const response = await fetch(`/attempts/${attemptId}/answer`, { method: "POST", body });
          if (response.ok) {
            if (current === generation.current) {
              pending.current = null;
              setState("saved");
            }
            return;
          }
          if (response.status < 500 && response.status !== 429) {
            const data = (await response.json().catch(() => null)) as { message?: string } | null;
            if (current === generation.current) {
              setRefusal(data?.message ?? "errors.attempt.INVALID_ANSWER");
              setState("refused");
            }
            return;
          }
        } catch {
          // Offline or the connection dropped: retry below.
        }
        if (current !== generation.current) return;
        setState("retrying");
        await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 1000 * 2 ** Math.min(tries, 3))));
      }
    },
    [attemptId, position],
  );
  useEffect(() => {
    const retry = () => {
      if (pending.current) void send(pending.current);
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [send]);
  return {
    state,
    refusal,
    save: send,
    retry: () => {
      if (pending.current) void send(pending.current);
    },
  };
}

function AnswerForm({
  attemptId,
  question,
  total,
  socket,
  chosen,
  onChoose,
}: {
  attemptId: string;
  question: AttemptView["questions"][number];
  total: number;
  socket: Socket | null;
  /** The options chosen so far (kept by the page across questions). */
  chosen: number[];
  onChoose: (position: number, selected: number[]) => void;
}) {
  const { t } = useTranslation();
  const saver = useAnswerSaver(attemptId, question.position, socket);
  const [selected, setSelected] = useState<number[]>(chosen);
  const multiple = question.type === "MULTIPLE_CHOICE";
  const save = (next: number[]) => {
    setSelected(next);
    onChoose(question.position, next);
    void saver.save(next);
  };
  const state = saver.state;
  const next = question.position + 1 < total ? question.position + 1 : question.position;
  return (
    <Form method="post" className="question-card card">
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="position" value={question.position} />
      <input type="hidden" name="next" value={next} />
      <fieldset>
        <legend className="question-stem">
          <span className="muted">{t("attempt.questionOf", { number: question.position + 1, total })}</span>
          {/* The stem is sanitised HTML stored by the server (see sanitize.server.ts). */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save. */}
          <span dangerouslySetInnerHTML={{ __html: question.stem }} />
        </legend>
        <p className="field-hint">{multiple ? t("questions.previewMultiple") : t("questions.previewSingle")}</p>
        {question.options.map((text, index) => (
          <label
            key={String.fromCharCode(65 + index)}
            className={`answer-option${selected.includes(index) ? " answer-selected" : ""}`}
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name="selected"
              value={index}
              checked={selected.includes(index)}
              onChange={(event) =>
                save(
                  multiple
                    ? event.target.checked
                      ? [...selected, index]
                      : selected.filter((value) => value !== index)
                    : [index],
                )
              }
            />
            <span className="preview-letter">{String.fromCharCode(65 + index)}</span> {text}
          </label>
        ))}
      </fieldset>
      <p className="save-state" role="status" aria-live="polite">
        {state === "saving" ? t("attempt.saving") : state === "saved" ? t("attempt.saved") : null}
      </p>
      {state === "retrying" ? (
        <div className="alert alert-info" role="alert">
          {t("attempt.retrying")}{" "}
          <button type="button" className="link-button" onClick={() => saver.retry()}>
            {t("attempt.retry")}
          </button>
        </div>
      ) : null}
      {state === "refused" && saver.refusal ? (
        <div className="alert alert-error" role="alert">
          {t(saver.refusal)}
        </div>
      ) : null}
      <noscript>
        <Button type="submit">{t("attempt.saveAndNext")}</Button>
      </noscript>
    </Form>
  );
}

export default function AttemptPage() {
  const { t } = useTranslation();
  const view = useLoaderData<typeof clientLoader>();
  // Connected after the first render; until then answers go over HTTP.
  const { socket } = useSocket();
  const [searchParams, setSearchParams] = useSearchParams();
  const revalidator = useRevalidator();
  const secondsLeft = useCountdown(view.remainingMs);
  usePageSignals(view.id);
  const current = Math.min(Math.max(0, Number(searchParams.get("q") ?? 0) || 0), view.questions.length - 1);
  const question = view.questions[current];
  // Moving between questions does not reload the page's data (shouldRevalidate below): the
  // choices made since it loaded are kept here, and start again from the server's on a reload.
  const [choices, setChoices] = useState(() => choicesOf(view));
  useEffect(() => setChoices(choicesOf(view)), [view]);
  const choose = useCallback(
    (position: number, selected: number[]) => setChoices((previous) => new Map(previous).set(position, selected)),
    [],
  );
  const chosen = (position: number) => choices.get(position) ?? [];
  useEffect(() => {
    // Time is up: the server has closed (or will close) the attempt; reload to see the result.
    if (secondsLeft === 0) revalidator.revalidate();
  }, [secondsLeft, revalidator]);
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = String(secondsLeft % 60).padStart(2, "0");
  const go = (index: number) => setSearchParams({ q: String(index) }, { replace: true, preventScrollReset: true });
  return (
    <div className="attempt-page">
      <div className="attempt-bar" role="timer" aria-live="off" aria-label={t("attempt.timeLeft")}>
        <span>{view.roundName}</span>
        <strong className={secondsLeft < 60 ? "time-low" : undefined}>
          {minutes}:{seconds}
        </strong>
      </div>
      <AnswerForm
        key={question.position}
        attemptId={view.id}
        question={question}
        total={view.questions.length}
        socket={socket}
        chosen={chosen(question.position)}
        onChoose={choose}
      />
      <div className="attempt-nav">
        <Button variant="secondary" disabled={current === 0} onClick={() => go(current - 1)}>
          {t("attempt.previous")}
        </Button>
        <Button variant="secondary" disabled={current === view.questions.length - 1} onClick={() => go(current + 1)}>
          {t("attempt.next")}
        </Button>
      </div>
      <nav aria-label={t("attempt.navigator")} className="question-navigator">
        {view.questions.map((item) => (
          <Link
            key={item.position}
            to={`?q=${item.position}`}
            replace
            preventScrollReset
            aria-current={item.position === current ? "step" : undefined}
            className={chosen(item.position).length > 0 ? "answered" : undefined}
          >
            {item.position + 1}
          </Link>
        ))}
      </nav>
      <SubmitForm
        attemptId={view.id}
        socket={socket}
        predictionEnabled={view.predictionEnabled}
        unanswered={view.questions.filter((item) => chosen(item.position).length === 0).length}
      />
    </div>
  );
}

function SubmitForm({
  attemptId,
  socket,
  predictionEnabled,
  unanswered,
}: {
  attemptId: string;
  socket: Socket | null;
  predictionEnabled: boolean;
  unanswered: number;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  // Over the socket when it is connected; otherwise, or when it does not answer, the form posts.
  const submitOverSocket = async (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const prediction = String(new FormData(form).get("prediction") ?? "").trim();
    if (!sending.current) setRefusal(undefined);
    // A prediction that is not a number goes to the server, which explains it as without JavaScript.
    if (!socket?.connected || !/^\d{0,9}$/.test(prediction)) return;
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    const answer = await overSocket(socket, "attempt:submit", {
      attemptId,
      prediction: prediction ? Number(prediction) : null,
    });
    if (answer?.ok) return navigate(`/attempts/${attemptId}/result`);
    sending.current = false;
    setBusy(false);
    if (answer) setRefusal(answer.message);
    else fetcher.submit(form);
  };
  return (
    <fetcher.Form method="post" className="card submit-card" onSubmit={submitOverSocket}>
      <input type="hidden" name="intent" value="submit" />
      {predictionEnabled ? (
        <div className="field">
          <label htmlFor="prediction">{t("attempt.prediction")}</label>
          <input id="prediction" name="prediction" inputMode="numeric" pattern="[0-9]*" />
        </div>
      ) : null}
      <FormAlert error={refusal ?? (fetcher.data && !fetcher.data.ok ? fetcher.data.message : undefined)} />
      <Button
        type="submit"
        disabled={busy || fetcher.state !== "idle"}
        onClick={(event) => {
          if (dialogRef.current?.open) return;
          event.preventDefault();
          dialogRef.current?.showModal();
        }}
      >
        {t("attempt.submit")}
      </Button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="submit-dialog-title">
        <h2 id="submit-dialog-title">{t("attempt.submitConfirmTitle")}</h2>
        <p>
          {unanswered > 0
            ? t("attempt.submitConfirmUnanswered", { count: unanswered })
            : t("attempt.submitConfirmBody")}
        </p>
        <div className="dialog-actions">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t("attempt.keepWorking")}
          </Button>
          <Button
            onClick={(event) => {
              dialogRef.current?.close();
              event.currentTarget.closest("form")?.requestSubmit();
            }}
          >
            {t("attempt.submitNow")}
          </Button>
        </div>
      </dialog>
    </fetcher.Form>
  );
}

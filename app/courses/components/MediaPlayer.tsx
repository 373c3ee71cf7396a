import { useEffect, useRef, useState } from "react";
import { ProgressBar } from "~/components/ProgressBar";
import { useTranslation } from "~/i18n/react";

/** How often the player reports what was played (and on pause, end and leaving the page). */
const REPORT_EVERY_MS = 10_000;
/** A jump of the playhead larger than this between two time updates is a seek, not playing. */
const SEEK_GAP_SECONDS = 2.5;

interface ReportResult {
  ok: boolean;
  code?: string;
  message?: string;
  watchedPercent?: number;
  lessonCompleted?: boolean;
  courseCompleted?: boolean;
}

/**
 * A video or audio lesson. The browser's own player, plus a tracker of the seconds actually
 * played: intervals between seeks, sent to the server every few seconds with the view's id and a
 * sequence number. The server decides what counts (app/courses/completion.ts); this only reports.
 */
export function MediaPlayer({
  lessonId,
  kind,
  src,
  viewId,
  startAt,
  initialPercent,
  minPercent,
  completed: initiallyCompleted,
  onCompleted,
}: {
  lessonId: string;
  kind: "VIDEO" | "AUDIO";
  src: string;
  viewId: string;
  startAt: number;
  initialPercent: number;
  minPercent: number | null;
  completed: boolean;
  onCompleted: (courseCompleted: boolean) => void;
}) {
  const { t } = useTranslation();
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [percent, setPercent] = useState(initialPercent);
  const [completed, setCompleted] = useState(initiallyCompleted);
  const [problem, setProblem] = useState<string | null>(null);
  const tracker = useRef({
    seq: 0,
    intervals: [] as [number, number][],
    from: null as number | null,
    last: 0,
    stopped: false,
  });
  const onCompletedRef = useRef(onCompleted);
  onCompletedRef.current = onCompleted;

  useEffect(() => {
    const media = mediaRef.current;
    if (!media) return;
    const state = tracker.current;
    const close = () => {
      if (state.from !== null && state.last > state.from) state.intervals.push([state.from, state.last]);
      state.from = null;
    };
    const body = () => {
      close();
      if (state.intervals.length === 0 || state.stopped || !Number.isFinite(media.duration)) return null;
      state.seq += 1;
      const report = {
        viewId,
        seq: state.seq,
        intervals: state.intervals,
        positionSeconds: media.currentTime,
        durationSeconds: media.duration,
      };
      state.intervals = [];
      if (!media.paused) state.from = media.currentTime;
      return JSON.stringify(report);
    };
    const send = async () => {
      const json = body();
      if (!json) return;
      try {
        const response = await fetch(`/learn/${lessonId}/progress`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: json,
        });
        const result = (await response.json()) as ReportResult;
        if (!result.ok) {
          if (result.code === "STALE_VIEW") state.stopped = true;
          setProblem(result.message ?? "courses.errors.REPLAYED_OR_OUT_OF_ORDER");
          return;
        }
        setProblem(null);
        if (typeof result.watchedPercent === "number") setPercent(result.watchedPercent);
        if (result.lessonCompleted) {
          setCompleted((was) => {
            if (!was) onCompletedRef.current(Boolean(result.courseCompleted));
            return true;
          });
        }
      } catch {
        // Offline for a moment: the seconds are lost for this report only; the next one goes on.
      }
    };
    const onTime = () => {
      const now = media.currentTime;
      if (media.paused || media.seeking) return;
      if (state.from === null || Math.abs(now - state.last) > SEEK_GAP_SECONDS) {
        close();
        state.from = now;
      }
      state.last = now;
    };
    const onSeeking = () => close();
    const onPlay = () => {
      state.from = media.currentTime;
      state.last = media.currentTime;
    };
    const onStop = () => {
      state.last = media.currentTime;
      void send();
    };
    const onLeave = () => {
      const json = body();
      if (json) navigator.sendBeacon(`/learn/${lessonId}/progress`, new Blob([json], { type: "application/json" }));
    };
    const onLoaded = () => {
      if (startAt > 0 && startAt < media.duration - 1) media.currentTime = startAt;
    };
    media.addEventListener("timeupdate", onTime);
    media.addEventListener("seeking", onSeeking);
    media.addEventListener("play", onPlay);
    media.addEventListener("pause", onStop);
    media.addEventListener("ended", onStop);
    media.addEventListener("loadedmetadata", onLoaded);
    window.addEventListener("pagehide", onLeave);
    if (media.readyState >= 1) onLoaded();
    const timer = window.setInterval(() => {
      if (!media.paused) void send();
    }, REPORT_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      media.removeEventListener("timeupdate", onTime);
      media.removeEventListener("seeking", onSeeking);
      media.removeEventListener("play", onPlay);
      media.removeEventListener("pause", onStop);
      media.removeEventListener("ended", onStop);
      media.removeEventListener("loadedmetadata", onLoaded);
      window.removeEventListener("pagehide", onLeave);
    };
  }, [lessonId, viewId, startAt]);

  return (
    <div className="media-player">
      {kind === "VIDEO" ? (
        // biome-ignore lint/a11y/useMediaCaption: organizers upload lectures without caption files; the lesson text carries the content.
        <video ref={mediaRef} src={src} controls preload="metadata" playsInline className="lesson-video" />
      ) : (
        // biome-ignore lint/a11y/useMediaCaption: as above.
        <audio ref={mediaRef} src={src} controls preload="metadata" className="lesson-audio" />
      )}
      {minPercent !== null ? (
        <>
          <ProgressBar value={percent} label={t("courses.player.watched")} />
          <p className="muted" aria-live="polite">
            {completed ? t("courses.player.done") : t("courses.player.needed", { percent: minPercent })}
          </p>
        </>
      ) : null}
      {problem ? (
        <p className="alert alert-error" role="alert">
          {t(problem)}
        </p>
      ) : null}
    </div>
  );
}

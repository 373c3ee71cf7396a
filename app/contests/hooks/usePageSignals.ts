import { useEffect } from "react";

/**
 * Reports integrity signals of the attempt page to the server: how often and how long the page
 * was hidden (another tab or app), and copy/paste. Counts are batched and sent every few
 * seconds, and as the page is left, so a contestant on 3G sends a handful of tiny requests.
 */
const FLUSH_EVERY_MS = 10_000;

export function usePageSignals(attemptId: string) {
  useEffect(() => {
    const counts = { hiddenCount: 0, hiddenMs: 0, hiddenMaxMs: 0, copyCount: 0, pasteCount: 0 };
    let hiddenSince: number | null = document.visibilityState === "hidden" ? performance.now() : null;
    const flush = () => {
      if (Object.values(counts).every((value) => value === 0)) return;
      const body = new FormData();
      for (const [key, value] of Object.entries(counts)) body.set(key, String(Math.round(value)));
      Object.assign(counts, { hiddenCount: 0, hiddenMs: 0, hiddenMaxMs: 0, copyCount: 0, pasteCount: 0 });
      // keepalive lets the report outlive the page; a lost report only loses a signal, never an answer.
      void fetch(`/attempts/${attemptId}/signals`, { method: "POST", body, keepalive: true }).catch(() => undefined);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        hiddenSince = performance.now();
        counts.hiddenCount++;
        flush();
      } else if (hiddenSince !== null) {
        const away = performance.now() - hiddenSince;
        hiddenSince = null;
        counts.hiddenMs += away;
        counts.hiddenMaxMs = Math.max(counts.hiddenMaxMs, away);
        flush();
      }
    };
    const onCopy = () => {
      counts.copyCount++;
    };
    const onPaste = () => {
      counts.pasteCount++;
    };
    document.addEventListener("visibilitychange", onVisibility);
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    const timer = setInterval(flush, FLUSH_EVERY_MS);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
      flush();
    };
  }, [attemptId]);
}

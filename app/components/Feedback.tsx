import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { Button } from "./Button";

export interface ToastMessage {
  kind: "success" | "error" | "info";
  message: string;
  params?: Record<string, string | number>;
}

/** The flash message of the last action, announced politely and dismissible. */
export function Toast({ toast }: { toast: ToastMessage | null }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(Boolean(toast));
  useEffect(() => {
    setVisible(Boolean(toast));
    if (!toast) return;
    const timer = setTimeout(() => setVisible(false), 8000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && visible ? (
        <div className={`toast toast-${toast.kind}`}>
          <span>{t(toast.message, toast.params)}</span>
          <button
            type="button"
            className="toast-close"
            onClick={() => setVisible(false)}
            aria-label={t("common.close")}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children}
    </div>
  );
}

export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label={t("common.loading")}>
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <div key={index} className="skeleton-line" />
      ))}
    </div>
  );
}

/**
 * A submit button that asks for confirmation in a native <dialog>. Without JavaScript the
 * form submits directly, which is the safe fallback for a form that still validates server-side.
 */
export function ConfirmButton({
  children,
  title,
  body,
  confirmLabel,
  name,
  value,
  variant = "danger",
}: {
  children: ReactNode;
  title: string;
  body: string;
  confirmLabel: string;
  name?: string;
  value?: string;
  variant?: "danger" | "primary";
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        type="submit"
        variant={variant}
        name={name}
        value={value}
        ref={submitRef}
        onClick={(event) => {
          if (dialogRef.current?.open) return;
          event.preventDefault();
          dialogRef.current?.showModal();
        }}
      >
        {children}
      </Button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={`${name ?? "confirm"}-${value ?? ""}-title`}>
        <h2 id={`${name ?? "confirm"}-${value ?? ""}-title`}>{title}</h2>
        <p>{body}</p>
        <div className="dialog-actions">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t("common.cancel")}
          </Button>
          <Button
            variant={variant}
            onClick={() => {
              dialogRef.current?.close();
              const button = submitRef.current;
              button?.form?.requestSubmit(button);
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}

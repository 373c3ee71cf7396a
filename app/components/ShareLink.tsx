import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { Button } from "./Button";

/**
 * A shareable address with its QR code: the link to read or copy, the code to scan from a
 * screen or a poster, and a PNG of it for print. Used by contest pages (and later courses).
 */
export function ShareLink({
  title,
  url,
  qrDataUri,
  qrAlt,
  qrDownloadHref,
}: {
  title: string;
  url: string;
  qrDataUri: string;
  qrAlt: string;
  qrDownloadHref: string;
}) {
  const { t } = useTranslation();
  // Copying needs a secure context; without it (or without JavaScript) the link is still there to select.
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCanCopy(false);
    }
  }

  return (
    <section className="card share-link" aria-labelledby="share-link-title">
      <h2 id="share-link-title">{title}</h2>
      <div className="share-link-body">
        <img className="share-link-qr" src={qrDataUri} alt={qrAlt} width={160} height={160} />
        <div className="share-link-text">
          <p className="share-link-url">
            <a href={url}>{url}</a>
          </p>
          <p className="share-link-actions">
            {canCopy ? (
              <Button variant="secondary" onClick={copy}>
                {t("share.copy")}
              </Button>
            ) : null}
            <a className="btn btn-ghost" href={qrDownloadHref} download>
              {t("share.downloadQr")}
            </a>
          </p>
          {/* A live region without role="status": the page's toast region already has that role. */}
          <p className="muted" aria-live="polite">
            {copied ? t("share.copied") : ""}
          </p>
        </div>
      </div>
    </section>
  );
}
